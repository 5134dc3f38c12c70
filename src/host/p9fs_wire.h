/* The 9P wire format for the server (p9fs.c, p9fs_ops.c): message numbers, a bounds-checked reader and a
 * capacity-checked writer of little-endian fields and strings (intro(5): size[4] type[1] tag[2] ...), and
 * the handlers' prototypes. Not for use outside src/host/p9fs*. */
#ifndef VHART_HOST_P9FS_WIRE_H
#define VHART_HOST_P9FS_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/endian.h"
#include "p9fs_internal.h"

/* Message types (include/net/9p/9p.h); replies are T + 1. */
enum {
    P9_TLERROR = 6, P9_RLERROR = 7, P9_TSTATFS = 8, P9_TLOPEN = 12, P9_TLCREATE = 14, P9_TSYMLINK = 16,
    P9_TMKNOD = 18, P9_TRENAME = 20, P9_TREADLINK = 22, P9_TGETATTR = 24, P9_TSETATTR = 26,
    P9_TXATTRWALK = 30, P9_TXATTRCREATE = 32, P9_TREADDIR = 40, P9_TFSYNC = 50, P9_TLOCK = 52,
    P9_TGETLOCK = 54, P9_TLINK = 70, P9_TMKDIR = 72, P9_TRENAMEAT = 74, P9_TUNLINKAT = 76,
    P9_TVERSION = 100, P9_TAUTH = 102, P9_TATTACH = 104, P9_TFLUSH = 108, P9_TWALK = 110,
    P9_TREAD = 116, P9_TWRITE = 118, P9_TCLUNK = 120, P9_TREMOVE = 122,
};

#define P9_HDR 7u                 /* size[4] type[1] tag[2] */
#define P9_IOHDRSZ 24u            /* what Linux reserves for a Twrite/Rread header: iounit = msize - 24 */
#define P9_MAXWELEM 16u
#define P9_QTDIR 0x80u
#define P9_QTSYMLINK 0x02u
#define P9_QTFILE 0x00u
#define P9_GETATTR_BASIC 0x7ffull
#define P9_AT_REMOVEDIR 0x200u    /* Linux AT_REMOVEDIR, in Tunlinkat flags */
#define V9FS_MAGIC 0x01021997u

/* Tsetattr valid bits. */
enum {
    P9_ATTR_MODE = 1, P9_ATTR_UID = 2, P9_ATTR_GID = 4, P9_ATTR_SIZE = 8, P9_ATTR_ATIME = 16,
    P9_ATTR_MTIME = 32, P9_ATTR_CTIME = 64, P9_ATTR_ATIME_SET = 128, P9_ATTR_MTIME_SET = 256,
};

/* ---- wire: a bounds-checked reader and a writer that never passes its capacity ---- */
struct rd {
    const uint8_t *p;
    size_t len, at;
    bool bad;
};
struct wr {
    uint8_t *p;
    size_t cap, at;
    bool over;
};

static inline const uint8_t *take(struct rd *r, size_t n)
{
    if (r->bad || n > r->len - r->at) {
        r->bad = true;
        return NULL;
    }
    const uint8_t *p = r->p + r->at;
    r->at += n;
    return p;
}
static inline uint8_t g8(struct rd *r) { const uint8_t *p = take(r, 1); return p ? p[0] : 0; }
static inline uint16_t g16(struct rd *r) { const uint8_t *p = take(r, 2); return p ? le_load16(p) : 0; }
static inline uint32_t g32(struct rd *r) { const uint8_t *p = take(r, 4); return p ? le_load32(p) : 0; }
static inline uint64_t g64(struct rd *r) { const uint8_t *p = take(r, 8); return p ? le_load64(p) : 0; }
/* A string into buf (cap bytes with the NUL): too long for buf or holding a NUL marks the reader bad. */
static inline void gstr(struct rd *r, char *buf, size_t cap)
{
    uint16_t n = g16(r);
    const uint8_t *p = take(r, n);
    buf[0] = 0;
    if (!p) return;
    if (n >= cap || memchr(p, 0, n)) {
        r->bad = true;
        return;
    }
    memcpy(buf, p, n);
    buf[n] = 0;
}

static inline uint8_t *put(struct wr *w, size_t n)
{
    if (w->over || n > w->cap - w->at) {
        w->over = true;
        return NULL;
    }
    uint8_t *p = w->p + w->at;
    w->at += n;
    return p;
}
static inline void p8(struct wr *w, uint8_t v) { uint8_t *p = put(w, 1); if (p) p[0] = v; }
static inline void p16(struct wr *w, uint16_t v) { uint8_t *p = put(w, 2); if (p) le_store16(p, v); }
static inline void p32(struct wr *w, uint32_t v) { uint8_t *p = put(w, 4); if (p) le_store32(p, v); }
static inline void p64(struct wr *w, uint64_t v) { uint8_t *p = put(w, 8); if (p) le_store64(p, v); }
static inline void pstr(struct wr *w, const char *s)
{
    size_t n = strlen(s);
    if (n > UINT16_MAX) n = UINT16_MAX;
    p16(w, (uint16_t)n);
    uint8_t *p = put(w, n);
    if (p) memcpy(p, s, n);
}

static inline uint8_t qid_type(mode_t m) { return S_ISDIR(m) ? P9_QTDIR : S_ISLNK(m) ? P9_QTSYMLINK : P9_QTFILE; }
static inline void pqid(struct wr *w, const struct stat *st)
{
    p8(w, qid_type(st->st_mode));
    /* version: changes when the file does (QEMU's choice), so a client with a cache can notice */
    p32(w, (uint32_t)st->st_mtime ^ (uint32_t)((uint64_t)st->st_size << 8));
    p64(w, (uint64_t)st->st_ino);
}


/* Handler helpers. */
#define NEED_RW(fs) do { if ((fs)->ro) return EROFS; } while (0)
#define GET_FID(fs, id, f) do { (f) = p9_fid_find((fs), (id)); if (!(f)) return EBADF; } while (0)


/* ---- p9fs.c: the fid table ---- */
struct p9_fid *p9_fid_find(struct p9fs *fs, uint32_t id);
/* A new fid with a malloc'd path (taken over, freed on failure): 0 or EBADF (in use), ENFILE. */
int p9_fid_new(struct p9fs *fs, uint32_t id, char *path, struct p9_fid **out);
void p9_fid_free(struct p9fs *fs, uint32_t id);
/* After a rename, fids naming the old path (or something below it) name the new one. */
int p9_fids_renamed(struct p9fs *fs, const char *from, const char *to);

/* ---- p9fs_ops.c: the message handlers; each returns 0 (reply written to w) or a host errno ---- */
/* Open the object of f with host flags: regular files and directories only. */
int p9_open_object(struct p9fs *fs, struct p9_fid *f, int hflags, struct stat *st);
int p9op_lopen(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_lcreate(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_read(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_write(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_remove(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_getattr(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_setattr(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_readdir(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_statfs(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_fsync(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_mkdir(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_symlink(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_mknod(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_readlink(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_link(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_rename(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_renameat(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_unlinkat(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_lock(struct p9fs *fs, struct rd *r, struct wr *w);
int p9op_getlock(struct p9fs *fs, struct rd *r, struct wr *w);

#endif
