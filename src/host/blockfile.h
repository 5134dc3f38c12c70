/* A host file (or block device) as a struct block_backend: pread/pwrite, fsync on flush, O_DSYNC
 * writethrough, hole punching for discard; and the parser of --drive FILE[,ro][,cache=MODE]. */
#ifndef VHART_HOST_BLOCKFILE_H
#define VHART_HOST_BLOCKFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../dev/virtio_blk.h"

enum blockfile_cache {
    BLOCKFILE_CACHE_WRITEBACK,      /* writes reach the host page cache; FLUSH requests fsync (default) */
    BLOCKFILE_CACHE_WRITETHROUGH,   /* every write is durable when it completes (O_DSYNC) */
};

struct blockfile {
    int fd;                         /* -1 when closed */
    uint64_t size;                  /* bytes, a non-zero multiple of 512 */
    bool read_only;
    enum blockfile_cache cache;
    bool sync_each_write;           /* writethrough on a host without O_DSYNC: fsync after each write */
    bool punch_hole_ok, zero_range_ok;   /* cleared when the host file system refuses them */
    uint64_t fsyncs;                /* fsync calls made (flushes, writethrough, close), for tests and the debugger */
    struct block_backend backend;   /* filled by blockfile_open; opaque = this struct */
};

/* Open `path` as a disk. On failure returns -1 with bf->fd == -1 and one line in err (no newline):
 *   "PATH: no such file"                        "PATH: is a directory"
 *   "PATH: permission denied"                   "PATH: read-only file (use ,ro)"
 *   "PATH: not a regular file or block device"  "PATH: empty file"
 *   "PATH: size N is not a multiple of 512 bytes (pad it: truncate -s %512 FILE)"
 *   "PATH: in use by another process"           (Linux: flock, exclusive unless read_only)
 *   "PATH: <strerror text>"                     (anything else)
 * A read-only open never writes to the file. */
int blockfile_open(struct blockfile *bf, const char *path, bool read_only, enum blockfile_cache cache, char *err,
                   size_t err_len);

/* fsync (writable files) and close; safe to call twice. Returns 0, or a negative errno value if the
 * final fsync or close failed (data may not have reached the disk). */
int blockfile_close(struct blockfile *bf);

/* --drive FILE[,ro][,cache=writeback|writethrough]; ",," in FILE stands for a literal comma. */
#define DRIVE_PATH_MAX 4096
struct drive_spec {
    char path[DRIVE_PATH_MAX];
    bool read_only;
    enum blockfile_cache cache;     /* default BLOCKFILE_CACHE_WRITEBACK */
};

/* Returns 0, or -1 with one of these in err:
 *   "--drive: missing file name"
 *   "--drive: file name too long"
 *   "--drive: empty option"                              (a stray comma: "disk.img," or "disk.img,ro,")
 *   "--drive: unknown cache mode 'X' (expected writeback or writethrough)"
 *   "--drive: unknown option 'X' (expected ro, cache=writeback or cache=writethrough)" */
int blockfile_parse_drive_option(const char *arg, struct drive_spec *out, char *err, size_t err_len);

#endif
