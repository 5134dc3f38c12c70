/* A 9P2000.L file server over one host directory (--share): message parsing and encoding, the fid
 * table and confined host file operations. Protocol: the 9P2000.L additions as Linux's net/9p and
 * QEMU's hw/9pfs speak them (diod's protocol.md lists the messages), on top of 9P2000 (Plan 9 intro(5)).
 *
 * The server is a pure function of messages: p9fs_handle takes one T-message and writes the R-message
 * (or Rlerror with a Linux errno). It never follows a host symlink and never leaves its directory:
 * see p9fs_host.c for how paths are resolved. */
#ifndef VHART_HOST_P9FS_H
#define VHART_HOST_P9FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct state_writer;
struct state_reader;

/* Largest msize the server agrees to (Linux's virtio transport caps the client at 500 KiB). */
#define P9FS_MAX_MSIZE (512u * 1024u)
#define P9FS_MIN_MSIZE 4096u
#define P9FS_VERSION "9P2000.L"

struct p9fs;

/* --share DIR[,tag=NAME][,ro]: the default tag is "host"; a tag is 1..P9FS_TAG_MAX bytes of
 * letters, digits, '_', '-', '.'. Returns 0, or -1 with a one-line reason naming the option. */
#define P9FS_TAG_MAX 31u
struct p9fs_share_spec {
    char dir[4096];
    char tag[P9FS_TAG_MAX + 1];
    bool read_only;
};
int p9fs_parse_share(const char *opt, struct p9fs_share_spec *spec, char *err, size_t err_len);

/* Serve `dir` (a directory; symlinks to it are not followed, so name the real one). read_only: every
 * modifying message gets EROFS. Returns NULL with a one-line reason in err. */
struct p9fs *p9fs_new(const char *dir, bool read_only, char *err, size_t err_len);
void p9fs_free(struct p9fs *fs);

/* Handle one request of `len` bytes (its size field must fit in len); write the reply into resp
 * (`cap` bytes, at least 11) and return its length, or 0 if the request is too short to carry a tag
 * (nothing can be answered). Never fails otherwise: errors become Rlerror. */
size_t p9fs_handle(struct p9fs *fs, const uint8_t *req, size_t len, uint8_t *resp, size_t cap);

/* Forget every fid (closing host files) and every lock, as at a transport reset. */
void p9fs_reset(struct p9fs *fs);

/* The number of fids in use, and the negotiated msize (0 before Tversion). */
unsigned p9fs_fid_count(const struct p9fs *fs);
uint32_t p9fs_msize(const struct p9fs *fs);
bool p9fs_read_only(const struct p9fs *fs);

/* Snapshot: each fid is saved by its path inside the share and its open mode, and re-opened at load
 * through the same confined resolution (so a path that now escapes or is gone fails the load with a
 * reason). A fid whose file was unlinked while open cannot be re-opened: p9fs_check_save says so
 * (-1 with a reason), and savevm refuses rather than writing a snapshot that cannot load. */
int p9fs_check_save(const struct p9fs *fs, char *err, size_t err_len);
void p9fs_save(const struct p9fs *fs, struct state_writer *w);
void p9fs_load(struct p9fs *fs, struct state_reader *r);

#endif
