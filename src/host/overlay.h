/* A copy-on-write overlay over a disk image (--snapshot): a struct block_backend that reads the image
 * through its read-only backend and keeps every written 4 KiB granule in an unlinked temporary file,
 * so the image is never written; and the overlay's blocks as snapshot state. */
#ifndef VHART_HOST_OVERLAY_H
#define VHART_HOST_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../dev/virtio_blk.h"
#include "../util/granmap.h"

#define OVERLAY_GRANULE 4096u
/* A map entry: 0 = the image's bytes, OVERLAY_ZEROS = reads as zeros (discarded, write-zeroes),
 * anything else = slot + 1 in the temporary file. */
#define OVERLAY_ZEROS UINT32_MAX
#define OVERLAY_MAX_SLOTS (UINT32_MAX - 1u)   /* 16 TiB of written data */

struct overlay {
    struct block_backend base;      /* the image: only base.read is used */
    uint64_t size;                  /* bytes, the image's size */
    int fd;                         /* the unlinked temporary file (granule data by slot); -1 when closed */
    struct granmap map;             /* granule -> 0, OVERLAY_ZEROS or slot + 1 */
    uint32_t *free_slots;           /* slots of granules zeroed after being written, reused first */
    size_t nfree, free_cap;
    uint32_t slots;                 /* slots ever used: the temporary file holds slots * 4 KiB bytes */
    uint64_t data_granules, zero_granules;   /* granules held as data / as zeros */
    struct block_backend backend;   /* filled by overlay_open; opaque = this struct */
};

/* Put an overlay over `base` (copied; it need not be writable). The temporary file is created in
 * `tmpdir`, or $TMPDIR, or /tmp, and unlinked at once, so nothing is left behind whatever ends vhart.
 * Returns 0, or -1 with one line in err:
 *   "cannot create a temporary file in DIR: <strerror text>"   "out of memory" */
int overlay_open(struct overlay *ov, const struct block_backend *base, const char *tmpdir, char *err, size_t err_len);
/* Close the temporary file (its blocks are gone) and free the map; safe to call twice. */
void overlay_close(struct overlay *ov);

/* Snapshot state: the granule size, the number of entries, then per written granule in ascending
 * order its number, a kind (0 zeros, 1 data) and, for data, its 4096 bytes. Returns 0, or a negative
 * errno value if the temporary file could not be read (w is then incomplete). */
int overlay_save(struct overlay *ov, struct state_writer *w);
/* Read what overlay_save wrote. The record is checked whole first: a malformed one fails r and
 * leaves the overlay as it was. With `apply`, the overlay's content is then replaced by the record's
 * (an I/O error on the temporary file fails r, the overlay then holds part of it). */
void overlay_load(struct overlay *ov, struct state_reader *r, bool apply);

#endif
