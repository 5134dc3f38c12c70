/* The machine's disk images behind its virtio-blk drives (disks.c): an image opened read-only under a
 * copy-on-write overlay (--snapshot), or written in place through a record of the blocks written; and
 * what a snapshot keeps of them. Internal to src/machine. */
#ifndef VHART_MACHINE_DISKS_H
#define VHART_MACHINE_DISKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../host/overlay.h"
#include "../host/writeset.h"

struct machine;
struct state_writer;
struct state_reader;

enum disk_mode {
    DISK_IN_PLACE = 0,   /* the guest writes the image; a writeset records what it wrote */
    DISK_READ_ONLY = 1,  /* --drive FILE,ro: nobody writes */
    DISK_OVERLAY = 2,    /* --snapshot: writes go to an overlay, the image is only read */
};

struct machine_disk {
    enum disk_mode mode;
    struct overlay ov;
    struct writeset ws;
    bool write_back;         /* reverse execution put an overlay over an image written in place */
};

/* Under reverse execution (history.c), images written in place get an overlay (going back restores
 * its blocks) that is written to the image when the machine is freed. 0, or an error with err. */
int disks_history_overlay(struct machine *m, char *err, size_t err_len);
/* Those overlays' blocks written to their images (once; before the images are closed). 0, or -1
 * with one line in err. */
int disks_write_back(struct machine *m, char *err, size_t err_len);

/* Drive i's image is open in m->blockfiles[i] (read-only when the drive is ,ro or the machine has
 * cfg.snapshot_disks): returns the backend the drive's device uses, or NULL with one line in err. */
const struct block_backend *disks_attach(struct machine *m, unsigned i, bool drive_read_only, char *err,
                                         size_t err_len);
/* Overlays (and their temporary files) and records go. */
void disks_free(struct machine *m);

/* The "disks" snapshot section (docs/snapshots.md). disks_save returns 0, or an error code with one
 * line in err. disks_load checks every disk against the machine's images before it changes
 * anything, then replaces overlays and merges written-block records; a mismatch fails r with a
 * message starting "disk ". */
int disks_save(struct machine *m, struct state_writer *w, char *err, size_t err_len);
void disks_load(struct machine *m, struct state_reader *r);
/* The most bytes the disks section of this machine can take (bounds a snapshot's size). */
uint64_t disks_state_bound(const struct machine *m);

#endif
