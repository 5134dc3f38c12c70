/* The 9P2000.L server: message decoding and encoding, the fid table and one handler per T-message,
 * after Linux's net/9p client (include/net/9p/9p.h for numbers and layouts) and Plan 9's intro(5).
 *
 * Every request is parsed with bounds checks against its own size field: a field running past the
 * end, a string holding a NUL, an unknown fid or a fid in the wrong state is an Rlerror (EINVAL,
 * EBADF...), never a crash. Errors are host errno values inside the server and Linux values on the
 * wire (p9h_linux_errno). Read-only shares refuse every modifying message with EROFS here, before
 * the host is asked. Host access goes only through the confined helpers of p9fs_host.c. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE 1   /* O_DIRECTORY, fdopendir, dirent d_type */
#endif
#define _FILE_OFFSET_BITS 64

#include "p9fs_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>

#include "../util/endian.h"
#include "../util/errmsg.h"
#include "../util/statebuf.h"

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

static const uint8_t *take(struct rd *r, size_t n)
{
    if (r->bad || n > r->len - r->at) {
        r->bad = true;
        return NULL;
    }
    const uint8_t *p = r->p + r->at;
    r->at += n;
    return p;
}
static uint8_t g8(struct rd *r) { const uint8_t *p = take(r, 1); return p ? p[0] : 0; }
static uint16_t g16(struct rd *r) { const uint8_t *p = take(r, 2); return p ? le_load16(p) : 0; }
static uint32_t g32(struct rd *r) { const uint8_t *p = take(r, 4); return p ? le_load32(p) : 0; }
static uint64_t g64(struct rd *r) { const uint8_t *p = take(r, 8); return p ? le_load64(p) : 0; }
/* A string into buf (cap bytes with the NUL): too long for buf or holding a NUL marks the reader bad. */
static void gstr(struct rd *r, char *buf, size_t cap)
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

static uint8_t *put(struct wr *w, size_t n)
{
    if (w->over || n > w->cap - w->at) {
        w->over = true;
        return NULL;
    }
    uint8_t *p = w->p + w->at;
    w->at += n;
    return p;
}
static void p8(struct wr *w, uint8_t v) { uint8_t *p = put(w, 1); if (p) p[0] = v; }
static void p16(struct wr *w, uint16_t v) { uint8_t *p = put(w, 2); if (p) le_store16(p, v); }
static void p32(struct wr *w, uint32_t v) { uint8_t *p = put(w, 4); if (p) le_store32(p, v); }
static void p64(struct wr *w, uint64_t v) { uint8_t *p = put(w, 8); if (p) le_store64(p, v); }
static void pstr(struct wr *w, const char *s)
{
    size_t n = strlen(s);
    if (n > UINT16_MAX) n = UINT16_MAX;
    p16(w, (uint16_t)n);
    uint8_t *p = put(w, n);
    if (p) memcpy(p, s, n);
}

static uint8_t qid_type(mode_t m) { return S_ISDIR(m) ? P9_QTDIR : S_ISLNK(m) ? P9_QTSYMLINK : P9_QTFILE; }
static void pqid(struct wr *w, const struct stat *st)
{
    p8(w, qid_type(st->st_mode));
    /* version: changes when the file does (QEMU's choice), so a client with a cache can notice */
    p32(w, (uint32_t)st->st_mtime ^ (uint32_t)((uint64_t)st->st_size << 8));
    p64(w, (uint64_t)st->st_ino);
}

/* ---- fids ---- */
static struct p9_fid *fid_find(struct p9fs *fs, uint32_t id)
{
    for (struct p9_fid *f = fs->buckets[id % P9_FID_BUCKETS]; f; f = f->next)
        if (f->id == id) return f;
    return NULL;
}

static void fid_close(struct p9_fid *f)
{
    if (f->dir) closedir(f->dir);
    if (f->fd >= 0) close(f->fd);
    f->dir = NULL;
    f->fd = -1;
    f->open = false;
}

/* A new fid with a malloc'd path (taken over, freed on failure). */
static int fid_new(struct p9fs *fs, uint32_t id, char *path, struct p9_fid **out)
{
    if (fid_find(fs, id)) {
        free(path);
        return EBADF;
    }
    struct p9_fid *f = fs->nfids < P9_MAX_FIDS ? calloc(1, sizeof(*f)) : NULL;
    if (!f) {
        free(path);
        return ENFILE;
    }
    f->id = id;
    f->path = path;
    f->fd = -1;
    f->next = fs->buckets[id % P9_FID_BUCKETS];
    fs->buckets[id % P9_FID_BUCKETS] = f;
    fs->nfids++;
    *out = f;
    return 0;
}

static void fid_free(struct p9fs *fs, uint32_t id)
{
    for (struct p9_fid **pp = &fs->buckets[id % P9_FID_BUCKETS]; *pp; pp = &(*pp)->next) {
        if ((*pp)->id != id) continue;
        struct p9_fid *f = *pp;
        *pp = f->next;
        fid_close(f);
        free(f->path);
        free(f);
        fs->nfids--;
        return;
    }
}

/* After a rename, fids naming the old path (or something below it) name the new one. */
static int fids_renamed(struct p9fs *fs, const char *from, const char *to)
{
    size_t fl = strlen(from), tl = strlen(to);
    for (unsigned b = 0; b < P9_FID_BUCKETS; b++) {
        for (struct p9_fid *f = fs->buckets[b]; f; f = f->next) {
            if (strncmp(f->path, from, fl) != 0 || (f->path[fl] != 0 && f->path[fl] != '/')) continue;
            size_t rest = strlen(f->path + fl);
            if (tl + rest > P9_PATH_MAX) continue;   /* stays stale: later uses get ENOENT */
            char *p = malloc(tl + rest + 1);
            if (!p) return ENOMEM;
            memcpy(p, to, tl);
            memcpy(p + tl, f->path + fl, rest + 1);
            free(f->path);
            f->path = p;
        }
    }
    return 0;
}

/* ---- handlers: return 0 (reply written to w) or a host errno ---- */
#define NEED_RW(fs) do { if ((fs)->ro) return EROFS; } while (0)
#define GET_FID(fs, id, f) do { (f) = fid_find((fs), (id)); if (!(f)) return EBADF; } while (0)

static int do_version(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t msize = g32(r);
    char version[32];
    gstr(r, version, sizeof(version));
    if (r->bad) return EINVAL;
    p9fs_reset(fs);   /* a new session: every fid is forgotten (version(5)) */
    if (msize < P9FS_MIN_MSIZE) return EINVAL;
    fs->msize = msize < P9FS_MAX_MSIZE ? msize : P9FS_MAX_MSIZE;
    p32(w, fs->msize);
    pstr(w, strncmp(version, P9FS_VERSION, strlen(P9FS_VERSION)) == 0 ? P9FS_VERSION : "unknown");
    return 0;
}

static int do_attach(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r);
    char uname[256], aname[P9_PATH_MAX + 1];
    g32(r);   /* afid: no authentication */
    gstr(r, uname, sizeof(uname));
    gstr(r, aname, sizeof(aname));
    if (r->bad) return EINVAL;
    if (!fs->msize) return EPROTO;
    struct stat st;
    if (fstat(fs->root, &st) != 0) return errno;
    char *root = strdup("");
    struct p9_fid *f;
    int e = root ? fid_new(fs, fid, root, &f) : ENOMEM;
    if (e) return e;
    pqid(w, &st);
    return 0;
}

static int do_walk(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r), newfid = g32(r);
    uint16_t n = g16(r);
    char names[P9_MAXWELEM][P9_NAME_MAX + 1];
    if (n > P9_MAXWELEM) return EINVAL;
    for (unsigned i = 0; i < n; i++) gstr(r, names[i], sizeof(names[i]));
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    if (newfid != fid && fid_find(fs, newfid)) return EBADF;
    char *path = strdup(f->path);
    if (!path) return ENOMEM;
    p16(w, 0);   /* nwqid, patched below */
    unsigned done = 0;
    int e = 0;
    for (; done < n; done++) {
        const char *nm = names[done];
        if (!*nm || strchr(nm, '/')) {
            e = ENOENT;
            break;
        }
        struct stat st;
        if ((e = p9h_lstat(fs, path, &st)) != 0) break;
        if (!S_ISDIR(st.st_mode)) {
            e = ENOTDIR;
            break;
        }
        char *next = p9h_join(path, nm);
        if (!next) {
            e = errno;
            break;
        }
        if ((e = p9h_lstat(fs, next, &st)) != 0) {
            free(next);
            break;
        }
        free(path);
        path = next;
        pqid(w, &st);
    }
    if (done == 0 && n > 0) {   /* the first element failed: an error (walk(5)) */
        free(path);
        return e;
    }
    le_store16(w->p + P9_HDR, (uint16_t)done);
    if (done < n) {   /* partial: newfid is not created */
        free(path);
        return 0;
    }
    if (newfid == fid) {
        free(f->path);
        f->path = path;
        return 0;
    }
    struct p9_fid *nf;
    if (n == 0) {
        struct stat st;   /* a clone must name something that still exists */
        if ((e = p9h_lstat(fs, path, &st)) != 0) {
            free(path);
            return e;
        }
    }
    return fid_new(fs, newfid, path, &nf);
}

/* Open the object of f with host flags, refusing anything but regular files and directories (a FIFO
 * or device node must never block or reach host devices). */
static int open_object(struct p9fs *fs, struct p9_fid *f, int hflags, struct stat *st)
{
    int dirfd;
    char leaf[P9_PATH_MAX + 1];
    int e = p9h_resolve(fs, f->path, &dirfd, leaf);
    if (e) return e;
    int fd = openat(dirfd, leaf, hflags | O_NONBLOCK, 0);
    e = errno;
    p9h_release(fs, dirfd);
    if (fd < 0) return e == EMLINK ? ELOOP : e;   /* FreeBSD says EMLINK for O_NOFOLLOW on a symlink */
    if (fstat(fd, st) != 0 || !(S_ISREG(st->st_mode) || S_ISDIR(st->st_mode))) {
        e = S_ISLNK(st->st_mode) ? ELOOP : EOPNOTSUPP;
        close(fd);
        return e;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    f->fd = fd;
    f->open = true;
    f->is_dir = S_ISDIR(st->st_mode);
    return 0;
}

static void reply_open(struct p9fs *fs, struct wr *w, const struct stat *st)
{
    pqid(w, st);
    p32(w, fs->msize - P9_IOHDRSZ);
}

static int do_lopen(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r), lflags = g32(r);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    if (f->open) return EBADF;
    lflags &= ~(uint32_t)(0100 | 0200);   /* O_CREAT, O_EXCL mean nothing to Tlopen */
    if (fs->ro && p9h_lflags_modify(lflags)) return EROFS;
    struct stat st;
    int e = p9h_lstat(fs, f->path, &st);
    if (e) return e;
    int h = p9h_host_open_flags(lflags);
    if (S_ISDIR(st.st_mode)) h = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    if ((e = open_object(fs, f, h, &st)) != 0) return e;
    f->lflags = lflags;
    reply_open(fs, w, &st);
    return 0;
}

static int do_lcreate(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r);
    char name[P9_NAME_MAX + 1];
    gstr(r, name, sizeof(name));
    uint32_t lflags = g32(r), mode = g32(r);
    g32(r);   /* gid: files belong to the user running vhart (security model "none") */
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    if (f->open) return EBADF;
    if (!p9h_name_ok(name)) return EINVAL;
    NEED_RW(fs);
    char *path = p9h_join(f->path, name);
    if (!path) return errno;
    int dirfd;
    char leaf[P9_PATH_MAX + 1];
    int e = p9h_resolve(fs, path, &dirfd, leaf);
    if (e) {
        free(path);
        return e;
    }
    int fd = openat(dirfd, leaf, p9h_host_open_flags(lflags) | O_CREAT | O_EXCL, (mode_t)(mode & 07777));
    e = errno;
    p9h_release(fs, dirfd);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0) close(fd);
        free(path);
        return e;
    }
    free(f->path);
    f->path = path;   /* the fid now names the new file, open (lcreate in 9P2000.L) */
    f->fd = fd;
    f->open = true;
    f->is_dir = false;
    f->lflags = lflags;
    reply_open(fs, w, &st);
    return 0;
}

static int do_read(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r);
    uint64_t off = g64(r);
    uint32_t count = g32(r);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    if (!f->open || f->is_dir) return EBADF;
    if ((f->lflags & 3u) == 1u) return EBADF;   /* opened write-only */
    size_t room = w->cap - w->at - 4;
    if (room > fs->msize - P9_HDR - 4) room = fs->msize - P9_HDR - 4;
    if (count > room) count = (uint32_t)room;
    if (off > INT64_MAX) return EINVAL;
    uint8_t *cnt = put(w, 4), *data = put(w, count);
    ssize_t n;
    do n = pread(f->fd, data, count, (off_t)off);
    while (n < 0 && errno == EINTR);
    if (n < 0) return errno;
    le_store32(cnt, (uint32_t)n);
    w->at -= count - (size_t)n;
    return 0;
}

static int do_write(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r);
    uint64_t off = g64(r);
    uint32_t count = g32(r);
    const uint8_t *data = take(r, count);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    NEED_RW(fs);
    if (!f->open || f->is_dir || (f->lflags & 3u) == 0) return EBADF;
    if (off > INT64_MAX) return EINVAL;
    ssize_t n;
    do n = pwrite(f->fd, data, count, (off_t)off);
    while (n < 0 && errno == EINTR);
    if (n < 0) return errno;
    p32(w, (uint32_t)n);
    return 0;
}

static int do_clunk(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t fid = g32(r);
    if (r->bad) return EINVAL;
    if (!fid_find(fs, fid)) return EBADF;
    fid_free(fs, fid);
    return 0;
}

/* unlinkat of `path`, a file or (AT_REMOVEDIR) a directory. */
static int unlink_path(struct p9fs *fs, const char *path, bool is_dir)
{
    if (!*path) return EBUSY;   /* the share's root */
    int dirfd;
    char leaf[P9_PATH_MAX + 1];
    int e = p9h_resolve(fs, path, &dirfd, leaf);
    if (e) return e;
    e = unlinkat(dirfd, leaf, is_dir ? AT_REMOVEDIR : 0) == 0 ? 0 : errno;
    p9h_release(fs, dirfd);
    return e;
}

static int do_remove(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t fid = g32(r);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    struct stat st;
    int e = fs->ro ? EROFS : p9h_lstat(fs, f->path, &st);
    if (!e) e = unlink_path(fs, f->path, S_ISDIR(st.st_mode));
    fid_free(fs, fid);   /* remove(5): the fid is clunked even if the remove fails */
    return e;
}

static int do_getattr(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r);
    g64(r);   /* request_mask: everything basic is always returned */
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    struct stat st;
    int e = f->open ? (fstat(f->fd, &st) == 0 ? 0 : errno) : p9h_lstat(fs, f->path, &st);
    if (e) return e;
    p64(w, P9_GETATTR_BASIC);
    pqid(w, &st);
    p32(w, (uint32_t)st.st_mode);   /* S_IF* values are the same on every POSIX host we know */
    p32(w, (uint32_t)st.st_uid);
    p32(w, (uint32_t)st.st_gid);
    p64(w, (uint64_t)st.st_nlink);
    p64(w, (uint64_t)st.st_rdev);
    p64(w, (uint64_t)st.st_size);
    p64(w, (uint64_t)st.st_blksize);
    p64(w, (uint64_t)st.st_blocks);
    p64(w, (uint64_t)st.st_atim.tv_sec);
    p64(w, (uint64_t)st.st_atim.tv_nsec);
    p64(w, (uint64_t)st.st_mtim.tv_sec);
    p64(w, (uint64_t)st.st_mtim.tv_nsec);
    p64(w, (uint64_t)st.st_ctim.tv_sec);
    p64(w, (uint64_t)st.st_ctim.tv_nsec);
    for (int i = 0; i < 4; i++) p64(w, 0);   /* btime sec/nsec, gen, data_version: not offered */
    return 0;
}

/* chmod without following a symlink: a descriptor of the object itself, never its name twice. */
static int chmod_at(int dirfd, const char *leaf, mode_t mode)
{
    int fd = openat(dirfd, leaf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0 && errno == EACCES) fd = openat(dirfd, leaf, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return errno == ELOOP ? EOPNOTSUPP : errno;   /* Linux cannot chmod a symlink either */
    int e = fchmod(fd, mode) == 0 ? 0 : errno;
    close(fd);
    return e;
}

static int do_setattr(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t fid = g32(r), valid = g32(r), mode = g32(r), uid = g32(r), gid = g32(r);
    uint64_t size = g64(r), as = g64(r), an = g64(r), ms = g64(r), mn = g64(r);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    if (valid & ~(uint32_t)P9_ATTR_CTIME) NEED_RW(fs);
    int dirfd;
    char leaf[P9_PATH_MAX + 1];
    int e = p9h_resolve(fs, f->path, &dirfd, leaf);
    if (e) return e;
    if (valid & P9_ATTR_MODE) e = chmod_at(dirfd, leaf, (mode_t)(mode & 07777));
    if (!e && (valid & (P9_ATTR_UID | P9_ATTR_GID)) &&
        fchownat(dirfd, leaf, (valid & P9_ATTR_UID) ? (uid_t)uid : (uid_t)-1,
                 (valid & P9_ATTR_GID) ? (gid_t)gid : (gid_t)-1, AT_SYMLINK_NOFOLLOW) != 0)
        e = errno;
    if (!e && (valid & P9_ATTR_SIZE)) {
        if (size > INT64_MAX) e = EFBIG;
        else if (f->open && (f->lflags & 3u) != 0 && !f->is_dir) e = ftruncate(f->fd, (off_t)size) == 0 ? 0 : errno;
        else {
            int fd = openat(dirfd, leaf, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
            if (fd < 0) e = errno;
            else {
                struct stat st;
                e = fstat(fd, &st) != 0 ? errno : !S_ISREG(st.st_mode) ? EINVAL
                    : ftruncate(fd, (off_t)size) == 0 ? 0 : errno;
                close(fd);
            }
        }
    }
    if (!e && (valid & (P9_ATTR_ATIME | P9_ATTR_MTIME))) {
        struct timespec ts[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
        if (valid & P9_ATTR_ATIME) {
            if (valid & P9_ATTR_ATIME_SET) ts[0] = (struct timespec){ (time_t)as, (long)(an % 1000000000u) };
            else ts[0].tv_nsec = UTIME_NOW;
        }
        if (valid & P9_ATTR_MTIME) {
            if (valid & P9_ATTR_MTIME_SET) ts[1] = (struct timespec){ (time_t)ms, (long)(mn % 1000000000u) };
            else ts[1].tv_nsec = UTIME_NOW;
        }
        if (utimensat(dirfd, leaf, ts, AT_SYMLINK_NOFOLLOW) != 0) e = errno;
    }
    p9h_release(fs, dirfd);
    return e;
}

static int do_readdir(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r);
    uint64_t off = g64(r);
    uint32_t count = g32(r);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    if (!f->open || !f->is_dir) return EBADF;
    if (!f->dir) {
        int d = dup(f->fd);
        if (d < 0) return errno;
        if (!(f->dir = fdopendir(d))) {
            int e = errno;
            close(d);
            return e;
        }
    }
    if (off == 0) rewinddir(f->dir);
    else if (off > (uint64_t)LONG_MAX) return EINVAL;
    else seekdir(f->dir, (long)off);
    size_t room = w->cap - w->at - 4;
    if (room > fs->msize - P9_HDR - 4) room = fs->msize - P9_HDR - 4;
    if (count > room) count = (uint32_t)room;
    uint8_t *cnt = put(w, 4);
    size_t start = w->at;
    for (;;) {
        long before = telldir(f->dir);
        errno = 0;
        struct dirent *de = readdir(f->dir);
        if (!de) {
            if (errno) return errno;
            break;
        }
        size_t nl = strlen(de->d_name);
        size_t need = 13 + 8 + 1 + 2 + nl;
        if (w->at - start + need > count) {
            seekdir(f->dir, before);
            if (w->at == start) return EINVAL;   /* not even one entry fits (Linux asks for >= 4 KiB) */
            break;
        }
        bool dotdot_root = !*f->path && strcmp(de->d_name, "..") == 0;
        uint8_t t = de->d_type == DT_DIR ? P9_QTDIR : de->d_type == DT_LNK ? P9_QTSYMLINK : P9_QTFILE;
        p8(w, dotdot_root ? P9_QTDIR : t);   /* ".." of the root names the root: nothing outside shows */
        p32(w, 0);
        p64(w, dotdot_root ? (uint64_t)fs->root_ino : (uint64_t)de->d_ino);
        p64(w, (uint64_t)telldir(f->dir));
        p8(w, dotdot_root ? DT_DIR : de->d_type);
        pstr(w, de->d_name);
    }
    le_store32(cnt, (uint32_t)(w->at - start));
    return 0;
}

static int do_statfs(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    struct statvfs sv;
    if (fstatvfs(fs->root, &sv) != 0) return errno;
    p32(w, V9FS_MAGIC);
    p32(w, (uint32_t)sv.f_bsize);
    p64(w, (uint64_t)sv.f_blocks * (sv.f_frsize ? sv.f_frsize : sv.f_bsize) / sv.f_bsize);
    p64(w, (uint64_t)sv.f_bfree * (sv.f_frsize ? sv.f_frsize : sv.f_bsize) / sv.f_bsize);
    p64(w, (uint64_t)sv.f_bavail * (sv.f_frsize ? sv.f_frsize : sv.f_bsize) / sv.f_bsize);
    p64(w, (uint64_t)sv.f_files);
    p64(w, (uint64_t)sv.f_ffree);
    p64(w, (uint64_t)sv.f_fsid);
    p32(w, (uint32_t)(sv.f_namemax ? sv.f_namemax : P9_NAME_MAX));
    return 0;
}

static int do_fsync(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t fid = g32(r);   /* newer clients add datasync[4]: ignored, a full fsync is always right */
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    if (!f->open) return EBADF;
    return fsync(f->fd) == 0 || errno == EINVAL ? 0 : errno;   /* EINVAL: a directory on some hosts */
}

/* Make `name` in the directory fid dfid: returns 0 with the new path, ready for the operation. */
static int new_entry(struct p9fs *fs, uint32_t dfid, const char *name, int *dirfd, char *leaf, char **path)
{
    struct p9_fid *d;
    GET_FID(fs, dfid, d);
    if (!p9h_name_ok(name)) return EINVAL;
    NEED_RW(fs);
    if (!(*path = p9h_join(d->path, name))) return errno;
    int e = p9h_resolve(fs, *path, dirfd, leaf);
    if (e) {
        free(*path);
        *path = NULL;
    }
    return e;
}

/* Finish a creation: reply with the qid of what now sits at leaf. */
static int created(struct p9fs *fs, int made, int dirfd, const char *leaf, char *path, struct wr *w)
{
    int e = made == 0 ? 0 : errno;
    struct stat st;
    if (!e && fstatat(dirfd, leaf, &st, AT_SYMLINK_NOFOLLOW) != 0) e = errno;
    if (!e) pqid(w, &st);
    p9h_release(fs, dirfd);
    free(path);
    return e;
}

static int do_mkdir(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t dfid = g32(r);
    char name[P9_NAME_MAX + 1], leaf[P9_PATH_MAX + 1], *path;
    gstr(r, name, sizeof(name));
    uint32_t mode = g32(r);
    g32(r);
    if (r->bad) return EINVAL;
    int dirfd, e = new_entry(fs, dfid, name, &dirfd, leaf, &path);
    if (e) return e;
    return created(fs, mkdirat(dirfd, leaf, (mode_t)(mode & 07777)), dirfd, leaf, path, w);
}

static int do_symlink(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t dfid = g32(r);
    char name[P9_NAME_MAX + 1], leaf[P9_PATH_MAX + 1], target[P9_PATH_MAX + 1], *path;
    gstr(r, name, sizeof(name));
    gstr(r, target, sizeof(target));
    g32(r);
    if (r->bad) return EINVAL;
    if (!*target) return ENOENT;
    int dirfd, e = new_entry(fs, dfid, name, &dirfd, leaf, &path);
    if (e) return e;
    /* Stored as given: the host never follows it, the guest resolves it in its own namespace. */
    return created(fs, symlinkat(target, dirfd, leaf), dirfd, leaf, path, w);
}

static int do_mknod(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t dfid = g32(r);
    char name[P9_NAME_MAX + 1], leaf[P9_PATH_MAX + 1], *path;
    gstr(r, name, sizeof(name));
    uint32_t mode = g32(r);
    g32(r);
    g32(r);   /* major, minor: device nodes are refused */
    g32(r);
    if (r->bad) return EINVAL;
    /* Only FIFOs: a device node would hand the guest a host device when vhart runs as root. */
    if ((mode & S_IFMT) != S_IFIFO) return EPERM;
    int dirfd, e = new_entry(fs, dfid, name, &dirfd, leaf, &path);
    if (e) return e;
    return created(fs, mkfifoat(dirfd, leaf, (mode_t)(mode & 07777)), dirfd, leaf, path, w);
}

static int do_readlink(struct p9fs *fs, struct rd *r, struct wr *w)
{
    uint32_t fid = g32(r);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    int dirfd;
    char leaf[P9_PATH_MAX + 1], target[P9_PATH_MAX + 1];
    int e = p9h_resolve(fs, f->path, &dirfd, leaf);
    if (e) return e;
    ssize_t n = readlinkat(dirfd, leaf, target, P9_PATH_MAX);
    e = errno;
    p9h_release(fs, dirfd);
    if (n < 0) return e;
    target[n] = 0;
    pstr(w, target);
    return 0;
}

static int do_link(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t dfid = g32(r), fid = g32(r);
    char name[P9_NAME_MAX + 1], leaf[P9_PATH_MAX + 1], sleaf[P9_PATH_MAX + 1], *path;
    gstr(r, name, sizeof(name));
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    int dirfd, sdirfd, e = new_entry(fs, dfid, name, &dirfd, leaf, &path);
    if (e) return e;
    if ((e = p9h_resolve(fs, f->path, &sdirfd, sleaf)) == 0) {
        /* flags 0: a symlink is linked itself, never what it points to */
        e = linkat(sdirfd, sleaf, dirfd, leaf, 0) == 0 ? 0 : errno;
        p9h_release(fs, sdirfd);
    }
    p9h_release(fs, dirfd);
    free(path);
    return e;
}

/* Rename old (a path) to the entry name in directory fid ndfid, and re-point the fids. */
static int rename_to(struct p9fs *fs, const char *old, uint32_t ndfid, const char *name)
{
    if (!*old) return EBUSY;
    char leaf[P9_PATH_MAX + 1], oleaf[P9_PATH_MAX + 1], *path;
    int dirfd, odirfd, e = new_entry(fs, ndfid, name, &dirfd, leaf, &path);
    if (e) return e;
    if ((e = p9h_resolve(fs, old, &odirfd, oleaf)) == 0) {
        e = renameat(odirfd, oleaf, dirfd, leaf) == 0 ? 0 : errno;
        p9h_release(fs, odirfd);
    }
    p9h_release(fs, dirfd);
    if (!e && strcmp(old, path) != 0) {
        char *from = strdup(old);
        e = from ? fids_renamed(fs, from, path) : ENOMEM;
        free(from);
    }
    free(path);
    return e;
}

static int do_rename(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t fid = g32(r), dfid = g32(r);
    char name[P9_NAME_MAX + 1];
    gstr(r, name, sizeof(name));
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    return rename_to(fs, f->path, dfid, name);
}

static int do_renameat(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t ofid = g32(r);
    char oname[P9_NAME_MAX + 1], nname[P9_NAME_MAX + 1];
    gstr(r, oname, sizeof(oname));
    uint32_t nfid = g32(r);
    gstr(r, nname, sizeof(nname));
    if (r->bad) return EINVAL;
    struct p9_fid *od;
    GET_FID(fs, ofid, od);
    if (!p9h_name_ok(oname)) return EINVAL;
    char *old = p9h_join(od->path, oname);
    if (!old) return errno;
    int e = rename_to(fs, old, nfid, nname);
    free(old);
    return e;
}

static int do_unlinkat(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t dfid = g32(r);
    char name[P9_NAME_MAX + 1];
    gstr(r, name, sizeof(name));
    uint32_t flags = g32(r);
    if (r->bad) return EINVAL;
    struct p9_fid *d;
    GET_FID(fs, dfid, d);
    if (!p9h_name_ok(name)) return EINVAL;
    NEED_RW(fs);
    char *path = p9h_join(d->path, name);
    if (!path) return errno;
    int e = unlink_path(fs, path, (flags & P9_AT_REMOVEDIR) != 0);
    free(path);
    return e;
}

static void get_lock_fields(struct rd *r, struct p9_lock *l, bool with_flags)
{
    l->type = g8(r);
    if (with_flags) g32(r);   /* flags: BLOCK/RECLAIM; the client retries a blocked lock itself */
    l->start = g64(r);
    uint64_t len = g64(r);
    l->proc_id = g32(r);
    gstr(r, l->client, sizeof(l->client));
    l->end = len == 0 || len - 1 > UINT64_MAX - l->start ? UINT64_MAX : l->start + len - 1;
}

static int lock_target(struct p9fs *fs, uint32_t fid, struct p9_lock *l)
{
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    struct stat st;
    int e = f->open ? (fstat(f->fd, &st) == 0 ? 0 : errno) : p9h_lstat(fs, f->path, &st);
    if (e) return e;
    l->dev = (uint64_t)st.st_dev;
    l->ino = (uint64_t)st.st_ino;
    return 0;
}

static int do_lock(struct p9fs *fs, struct rd *r, struct wr *w)
{
    struct p9_lock l = { 0 };
    uint32_t fid = g32(r);
    get_lock_fields(r, &l, true);
    if (r->bad || l.type > P9_LOCK_TYPE_UNLCK) return EINVAL;
    int e = lock_target(fs, fid, &l);
    if (e) return e;
    p8(w, p9h_lock(fs, &l));
    return 0;
}

static int do_getlock(struct p9fs *fs, struct rd *r, struct wr *w)
{
    struct p9_lock l = { 0 };
    uint32_t fid = g32(r);
    get_lock_fields(r, &l, false);
    if (r->bad || l.type > P9_LOCK_TYPE_UNLCK) return EINVAL;
    int e = lock_target(fs, fid, &l);
    if (e) return e;
    p9h_getlock(fs, &l);
    p8(w, l.type);
    p64(w, l.start);
    p64(w, l.end == UINT64_MAX ? 0 : l.end - l.start + 1);
    p32(w, l.proc_id);
    pstr(w, l.client);
    return 0;
}

static int do_flush(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)fs;
    (void)w;
    g16(r);   /* oldtag: every request completes before the next is read, so nothing is pending */
    return r->bad ? EINVAL : 0;
}

/* ---- dispatch ---- */
size_t p9fs_handle(struct p9fs *fs, const uint8_t *req, size_t len, uint8_t *resp, size_t cap)
{
    if (len < P9_HDR || cap < P9_HDR + 4) return 0;
    uint32_t size = le_load32(req);
    uint8_t type = req[4];
    uint16_t tag = le_load16(req + 5);
    struct rd r = { req, size, P9_HDR, false };
    struct wr w = { resp, cap, P9_HDR, false };
    if (fs->msize && w.cap > fs->msize) w.cap = fs->msize;
    int e;
    if (size < P9_HDR || size > len) e = EINVAL;
    else if (type != P9_TVERSION && !fs->msize) e = EPROTO;   /* version(5): Tversion comes first */
    else {
        switch (type) {
        case P9_TVERSION: e = do_version(fs, &r, &w); break;
        case P9_TATTACH: e = do_attach(fs, &r, &w); break;
        case P9_TWALK: e = do_walk(fs, &r, &w); break;
        case P9_TLOPEN: e = do_lopen(fs, &r, &w); break;
        case P9_TLCREATE: e = do_lcreate(fs, &r, &w); break;
        case P9_TREAD: e = do_read(fs, &r, &w); break;
        case P9_TWRITE: e = do_write(fs, &r, &w); break;
        case P9_TCLUNK: e = do_clunk(fs, &r, &w); break;
        case P9_TREMOVE: e = do_remove(fs, &r, &w); break;
        case P9_TGETATTR: e = do_getattr(fs, &r, &w); break;
        case P9_TSETATTR: e = do_setattr(fs, &r, &w); break;
        case P9_TREADDIR: e = do_readdir(fs, &r, &w); break;
        case P9_TSTATFS: e = do_statfs(fs, &r, &w); break;
        case P9_TFSYNC: e = do_fsync(fs, &r, &w); break;
        case P9_TMKDIR: e = do_mkdir(fs, &r, &w); break;
        case P9_TSYMLINK: e = do_symlink(fs, &r, &w); break;
        case P9_TMKNOD: e = do_mknod(fs, &r, &w); break;
        case P9_TREADLINK: e = do_readlink(fs, &r, &w); break;
        case P9_TLINK: e = do_link(fs, &r, &w); break;
        case P9_TRENAME: e = do_rename(fs, &r, &w); break;
        case P9_TRENAMEAT: e = do_renameat(fs, &r, &w); break;
        case P9_TUNLINKAT: e = do_unlinkat(fs, &r, &w); break;
        case P9_TLOCK: e = do_lock(fs, &r, &w); break;
        case P9_TGETLOCK: e = do_getlock(fs, &r, &w); break;
        case P9_TFLUSH: e = do_flush(fs, &r, &w); break;
        /* No extended attributes: Linux takes EOPNOTSUPP from Txattrwalk as "none supported". */
        case P9_TXATTRWALK: case P9_TXATTRCREATE: e = EOPNOTSUPP; break;
        default: e = EOPNOTSUPP; break;   /* Tauth, 9P2000/.u messages, R-messages, unknown types */
        }
    }
    if (!e && w.over) e = EMSGSIZE;   /* the reply does not fit the client's buffer */
    if (e) {
        w.at = P9_HDR;
        w.over = false;
        p32(&w, p9h_linux_errno(e));
        type = P9_TLERROR;
    }
    le_store32(resp, (uint32_t)w.at);
    resp[4] = (uint8_t)(type + 1);
    le_store16(resp + 5, tag);
    return w.at;
}

/* ---- life cycle ---- */
struct p9fs *p9fs_new(const char *dir, bool read_only, char *err, size_t err_len)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        err_printf(err, err_len, "%s: %s", dir, errno == ENOTDIR ? "not a directory" : strerror(errno));
        return NULL;
    }
    struct stat st;
    struct p9fs *fs = calloc(1, sizeof(*fs));
    if (!fs || fstat(fd, &st) != 0) {
        err_printf(err, err_len, "%s: %s", dir, fs ? strerror(errno) : "out of memory");
        free(fs);
        close(fd);
        return NULL;
    }
    fs->root = fd;
    fs->root_dev = st.st_dev;
    fs->root_ino = st.st_ino;
    fs->ro = read_only;
    return fs;
}

void p9fs_reset(struct p9fs *fs)
{
    for (unsigned b = 0; b < P9_FID_BUCKETS; b++)
        while (fs->buckets[b]) fid_free(fs, fs->buckets[b]->id);
    p9h_locks_clear(fs);
    fs->msize = 0;
}

void p9fs_free(struct p9fs *fs)
{
    if (!fs) return;
    p9fs_reset(fs);
    close(fs->root);
    free(fs);
}

unsigned p9fs_fid_count(const struct p9fs *fs) { return fs->nfids; }
uint32_t p9fs_msize(const struct p9fs *fs) { return fs->msize; }
bool p9fs_read_only(const struct p9fs *fs) { return fs->ro; }

/* ---- snapshots (docs/snapshots.md): fids by path, re-opened through the same confinement ---- */
int p9fs_check_save(const struct p9fs *fs, char *err, size_t err_len)
{
    struct p9fs *mfs = (struct p9fs *)fs;   /* resolution opens descriptors but changes nothing */
    for (unsigned b = 0; b < P9_FID_BUCKETS; b++) {
        for (const struct p9_fid *f = fs->buckets[b]; f; f = f->next) {
            struct stat a, o;
            if (f->open && (fstat(f->fd, &o) != 0 || p9h_lstat(mfs, f->path, &a) != 0 || a.st_dev != o.st_dev ||
                            a.st_ino != o.st_ino))
                return err_printf(err, err_len, "the shared file \"%s\" is open in the guest but was removed or "
                                  "replaced, so a snapshot could not re-open it; close it in the guest first", f->path);
        }
    }
    return 0;
}

void p9fs_save(const struct p9fs *fs, struct state_writer *w)
{
    state_put_u32(w, fs->msize);
    state_put_u64(w, fs->nfids);
    for (unsigned b = 0; b < P9_FID_BUCKETS; b++) {
        for (const struct p9_fid *f = fs->buckets[b]; f; f = f->next) {
            state_put_u32(w, f->id);
            state_put_str(w, f->path);
            state_put_bool(w, f->open);
            state_put_u32(w, f->lflags);
        }
    }
    state_put_u64(w, fs->nlocks);
    for (unsigned i = 0; i < fs->nlocks; i++) {
        const struct p9_lock *l = &fs->locks[i];
        state_put_u64(w, l->dev);
        state_put_u64(w, l->ino);
        state_put_u64(w, l->start);
        state_put_u64(w, l->end);
        state_put_u32(w, l->proc_id);
        state_put_str(w, l->client);
        state_put_u8(w, l->type);
    }
}

/* A saved path must look like one the server makes: relative, no empty, "." or ".." components. */
static bool path_ok(const char *p)
{
    if (strlen(p) > P9_PATH_MAX) return false;
    if (!*p) return true;
    for (const char *c = p;;) {
        const char *slash = strchr(c, '/');
        size_t n = slash ? (size_t)(slash - c) : strlen(c);
        if (n == 0 || n > P9_NAME_MAX || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
            return false;
        if (!slash) return true;
        c = slash + 1;
    }
}

void p9fs_load(struct p9fs *fs, struct state_reader *r)
{
    p9fs_reset(fs);
    uint32_t msize = state_get_u32(r);
    if (msize && (msize < P9FS_MIN_MSIZE || msize > P9FS_MAX_MSIZE)) state_reader_fail(r, "9p share: bad msize %u", msize);
    fs->msize = msize;
    uint32_t n = (uint32_t)state_get_below(r, P9_MAX_FIDS + 1, "9p fid count");
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        uint32_t id = state_get_u32(r);
        char *path = state_get_str(r, NULL);
        bool open = state_get_bool(r);
        uint32_t lflags = state_get_u32(r);
        struct p9_fid *f;
        if (!path || r->failed) {
            free(path);
            state_reader_fail(r, "9p share: bad fid record");
            break;
        }
        if (!path_ok(path) || fid_new(fs, id, path, &f) != 0) {
            state_reader_fail(r, "9p share: bad fid %u", id);
            break;
        }
        if (!open) continue;
        if (fs->ro && p9h_lflags_modify(lflags & ~(uint32_t)(01000 | 0100 | 0200))) {
            state_reader_fail(r, "9p share: fid %u is open for writing but the share is read-only", id);
            break;
        }
        struct stat st;
        int e = p9h_lstat(fs, f->path, &st);
        int h = p9h_host_open_flags(lflags & ~(uint32_t)(01000 | 0100 | 0200));   /* no O_TRUNC/CREAT/EXCL */
        if (!e && S_ISDIR(st.st_mode)) h = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
        if (!e) e = open_object(fs, f, h, &st);
        if (e) {
            state_reader_fail(r, "9p share: cannot re-open \"%s\": %s", f->path, strerror(e));
            break;
        }
        f->lflags = lflags;
    }
    uint32_t nl = (uint32_t)state_get_below(r, P9_MAX_LOCKS + 1, "9p lock count");
    for (uint32_t i = 0; i < nl && !r->failed; i++) {
        struct p9_lock l = { 0 };
        l.dev = state_get_u64(r);
        l.ino = state_get_u64(r);
        l.start = state_get_u64(r);
        l.end = state_get_u64(r);
        l.proc_id = state_get_u32(r);
        char *client = state_get_str(r, NULL);
        if (client && strlen(client) < sizeof(l.client)) memcpy(l.client, client, strlen(client) + 1);
        else state_reader_fail(r, "9p share: bad lock owner");
        free(client);
        l.type = state_get_u8(r);
        if (l.type > P9_LOCK_TYPE_WRLCK || l.start > l.end) state_reader_fail(r, "9p share: bad lock");
        if (!r->failed && p9h_lock(fs, &l) != P9_LOCK_SUCCESS) state_reader_fail(r, "9p share: conflicting locks");
    }
    if (r->failed) p9fs_reset(fs);
}

/* ---- --share DIR[,tag=NAME][,ro] ---- */
int p9fs_parse_share(const char *opt, struct p9fs_share_spec *spec, char *err, size_t err_len)
{
    memset(spec, 0, sizeof(*spec));
    strcpy(spec->tag, "host");
    const char *comma = strchr(opt, ',');
    size_t dl = comma ? (size_t)(comma - opt) : strlen(opt);
    if (dl == 0) return err_printf(err, err_len, "--share %s: no directory given", opt);
    if (dl >= sizeof(spec->dir)) return err_printf(err, err_len, "--share %s: directory name too long", opt);
    memcpy(spec->dir, opt, dl);
    while (comma) {
        const char *item = comma + 1;
        comma = strchr(item, ',');
        size_t n = comma ? (size_t)(comma - item) : strlen(item);
        if (n == 2 && !strncmp(item, "ro", 2)) {
            spec->read_only = true;
        } else if (n > 4 && !strncmp(item, "tag=", 4)) {
            size_t tl = n - 4;
            if (tl > P9FS_TAG_MAX)
                return err_printf(err, err_len, "--share %s: tag longer than %u bytes", opt, P9FS_TAG_MAX);
            for (size_t i = 0; i < tl; i++) {
                char c = item[4 + i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                      c == '-' || c == '.'))
                    return err_printf(err, err_len, "--share %s: a tag holds only letters, digits, '_', '-', '.'", opt);
            }
            memcpy(spec->tag, item + 4, tl);
            spec->tag[tl] = 0;
        } else {
            return err_printf(err, err_len, "--share %s: unknown option \"%.*s\" (DIR[,tag=NAME][,ro])", opt, (int)n,
                              item);
        }
    }
    return 0;
}
