/* The record of what a guest wrote to a disk image written in place: a struct block_backend that
 * passes every request to the image's backend and notes which 4 KiB granules writes, discards and
 * write-zeroes changed since the image was opened; and a hash of those granules' current content, so
 * that a snapshot can tell whether an image still holds what its machine wrote (docs/snapshots.md). */
#ifndef VHART_HOST_WRITESET_H
#define VHART_HOST_WRITESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../dev/virtio_blk.h"
#include "../util/granmap.h"

#define WRITESET_GRANULE 4096u

struct writeset {
    struct block_backend base;      /* the image */
    uint64_t size;
    uint64_t granules;              /* the disk's 4 KiB granules (the last one may be partial) */
    /* One bit per granule changed (or known from a loaded snapshot): entry g / 32, bit g % 32, so a
     * guest that writes 100 GiB costs 3 MiB here. */
    struct granmap written;
    uint64_t open_id;               /* tells this open of the image from any other, in any process */
    uint64_t changes;               /* modifying requests that reached the image since it was opened */
    struct block_backend backend;   /* filled by writeset_init; opaque = this struct */
};

/* Returns 0, or -1 if out of memory. */
int writeset_init(struct writeset *ws, const struct block_backend *base);
void writeset_free(struct writeset *ws);

/* Whether granule g is in the record. */
bool writeset_has(const struct writeset *ws, uint64_t g);

/* 64-bit hash of the recorded granules: their numbers and their content as the image holds it now
 * (read through base). Returns 0, or a negative errno value from the image. */
int writeset_hash(struct writeset *ws, uint64_t *hash);

/* Snapshot state: open_id, changes, the recorded granules as extents (first, count) in ascending
 * order, and writeset_hash. Returns 0, or a negative errno value from the image. */
int writeset_save(struct writeset *ws, struct state_writer *w);

/* Read what writeset_save wrote and check it against the image (nothing changes):
 *   - saved by this very open and requests have reached the image since: *modified = true;
 *   - the recorded granules' content differs now: *differs = true;
 *   - a malformed record or a read error fails r.
 * With `apply` (after every check passed), the saved extents join the record, so that a later
 * snapshot covers what the earlier machine wrote too. */
void writeset_load(struct writeset *ws, struct state_reader *r, bool apply, bool *modified, bool *differs);

#endif
