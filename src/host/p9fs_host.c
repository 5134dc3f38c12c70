/* Confined host file operations of the 9P server (p9fs.c): path resolution that cannot leave the share,
 * Linux errno and open-flag translation, and the server-side byte-range lock table.
 *
 * Confinement (docs/sharing.md): the server holds a descriptor of the share's directory and reaches
 * every object through it. A path is resolved directory by directory with openat(O_NOFOLLOW) and a
 * check that each step is a directory and not a symlink (or in one openat2 call with RESOLVE_BENEATH |
 * RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS on Linux 5.6+), and the last component is only ever used
 * with *at() calls that do not follow it (AT_SYMLINK_NOFOLLOW, O_NOFOLLOW). Paths never hold "." or
 * ".." (p9h_join resolves ".." lexically, stopping at the root). So no symlink in the share, whoever
 * made it and whenever it was swapped in, is followed by the host: the guest reads symlinks with
 * Treadlink and resolves them in its own namespace. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE 1   /* O_PATH, syscall(SYS_openat2) */
#endif
#define _FILE_OFFSET_BITS 64

#include "p9fs_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

#ifdef O_PATH
#define P9_DIR_OPEN (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
#define P9_STEP_OPEN (O_PATH | O_NOFOLLOW | O_CLOEXEC)
#else   /* no O_PATH: a readable directory descriptor (O_NOFOLLOW refuses a symlink with ELOOP) */
#define P9_DIR_OPEN (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
#define P9_STEP_OPEN P9_DIR_OPEN
#endif

/* Linux errno values (asm-generic/errno-base.h, errno.h), which 9P2000.L's Rlerror carries. */
uint32_t p9h_linux_errno(int e)
{
    switch (e) {
    case EPERM: return 1;
    case ENOENT: return 2;
    case EINTR: return 4;
    case EIO: return 5;
    case ENXIO: return 6;
    case E2BIG: return 7;
    case EBADF: return 9;
    case EAGAIN: return 11;
    case ENOMEM: return 12;
    case EACCES: return 13;
    case EFAULT: return 14;
    case EBUSY: return 16;
    case EEXIST: return 17;
    case EXDEV: return 18;
    case ENODEV: return 19;
    case ENOTDIR: return 20;
    case EISDIR: return 21;
    case EINVAL: return 22;
    case ENFILE: return 23;
    case EMFILE: return 24;
    case ETXTBSY: return 26;
    case EFBIG: return 27;
    case ENOSPC: return 28;
    case ESPIPE: return 29;
    case EROFS: return 30;
    case EMLINK: return 31;
    case ERANGE: return 34;
    case EDEADLK: return 35;
    case ENAMETOOLONG: return 36;
    case ENOLCK: return 37;
    case ENOSYS: return 38;
    case ENOTEMPTY: return 39;
    case ELOOP: return 40;
#ifdef ENODATA
    case ENODATA: return 61;
#endif
    case EOVERFLOW: return 75;
    case EPROTO: return 71;
    case EMSGSIZE: return 90;
    case EOPNOTSUPP: return 95;
#if defined(ENOTSUP) && ENOTSUP != EOPNOTSUPP
    case ENOTSUP: return 95;
#endif
    case ESTALE: return 116;
    case EDQUOT: return 122;
    default: return 5;   /* EIO: an error Linux has no better number for */
    }
}

/* Linux open(2) flag values (asm-generic/fcntl.h), as Tlopen/Tlcreate carry them. */
#define L_O_ACCMODE 03u
#define L_O_WRONLY 01u
#define L_O_RDWR 02u
#define L_O_CREAT 0100u
#define L_O_EXCL 0200u
#define L_O_TRUNC 01000u
#define L_O_APPEND 02000u
#define L_O_DSYNC 010000u
#define L_O_SYNC 04000000u

int p9h_host_open_flags(uint32_t l)
{
    int f;
    switch (l & L_O_ACCMODE) {
    case L_O_WRONLY: f = O_WRONLY; break;
    case L_O_RDWR: f = O_RDWR; break;
    default: f = O_RDONLY; break;
    }
    if (l & L_O_CREAT) f |= O_CREAT;
    if (l & L_O_EXCL) f |= O_EXCL;
    if (l & L_O_TRUNC) f |= O_TRUNC;
    if (l & L_O_APPEND) f |= O_APPEND;
#ifdef O_DSYNC
    if (l & L_O_DSYNC) f |= O_DSYNC;
#endif
    if (l & L_O_SYNC) f |= O_SYNC;
    /* Never: O_NONBLOCK, O_DIRECT, O_NOATIME, O_ASYNC (the server is synchronous and buffers). */
    return f | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY;
}

bool p9h_lflags_modify(uint32_t l)
{
    return (l & L_O_ACCMODE) != 0 || (l & (L_O_TRUNC | L_O_CREAT | L_O_APPEND)) != 0;
}

bool p9h_name_ok(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && n <= P9_NAME_MAX && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

void p9h_release(struct p9fs *fs, int fd)
{
    if (fd >= 0 && fd != fs->root) close(fd);
}

#if defined(__linux__) && defined(SYS_openat2)
/* struct open_how and RESOLVE_* (linux/openat2.h), spelt out for hosts whose headers predate them. */
struct p9_open_how {
    uint64_t flags, mode, resolve;
};
#define P9_RESOLVE_NO_MAGICLINKS 0x02
#define P9_RESOLVE_NO_SYMLINKS 0x04
#define P9_RESOLVE_BENEATH 0x08
static int openat2_state;   /* 0 untried, 1 works, -1 unavailable (old kernel, seccomp) */

/* 1 with *fd, 0 to fall back, -errno for a real refusal. */
static int open_dir_openat2(struct p9fs *fs, const char *rel, int *fd)
{
    if (openat2_state < 0) return 0;
    struct p9_open_how how = { O_PATH | O_DIRECTORY | O_CLOEXEC, 0,
                               P9_RESOLVE_BENEATH | P9_RESOLVE_NO_SYMLINKS | P9_RESOLVE_NO_MAGICLINKS };
    for (int tries = 0; tries < 3; tries++) {
        long r = syscall(SYS_openat2, fs->root, rel, &how, sizeof(how));
        if (r >= 0) {
            openat2_state = 1;
            *fd = (int)r;
            return 1;
        }
        if (errno == EAGAIN) continue;   /* a concurrent rename: retry, then fall back */
        if (errno == ENOSYS || errno == EPERM || errno == E2BIG || errno == EINVAL) {
            if (openat2_state == 0) openat2_state = -1;
            return 0;
        }
        return -errno;
    }
    return 0;
}
#endif

/* Open the directory `rel` (non-empty, no "." or ".." components) below the root. */
static int open_dir_rel(struct p9fs *fs, const char *rel, int *out)
{
#if defined(__linux__) && defined(SYS_openat2)
    int r = open_dir_openat2(fs, rel, out);
    if (r == 1) return 0;
    if (r < 0) return -r;
#endif
    char buf[P9_PATH_MAX + 1];
    size_t n = strlen(rel);
    if (n > P9_PATH_MAX) return ENAMETOOLONG;
    memcpy(buf, rel, n + 1);
    int cur = fs->root;
    for (char *comp = buf; comp;) {
        char *slash = strchr(comp, '/');
        if (slash) *slash = 0;
        int next = openat(cur, comp, P9_STEP_OPEN);
        int e = errno;
        p9h_release(fs, cur);
        if (next < 0) return e;
        struct stat st;
        if (fstat(next, &st) != 0) {
            e = errno;
            close(next);
            return e;
        }
        if (!S_ISDIR(st.st_mode)) {
            close(next);
            return S_ISLNK(st.st_mode) ? ELOOP : ENOTDIR;
        }
        cur = next;
        comp = slash ? slash + 1 : NULL;
    }
    *out = cur;
    return 0;
}

int p9h_open_dir(struct p9fs *fs, const char *path, int *fd)
{
    if (!*path) {
        *fd = fs->root;
        return 0;
    }
    return open_dir_rel(fs, path, fd);
}

int p9h_resolve(struct p9fs *fs, const char *path, int *dirfd, char *leafbuf)
{
    size_t n = strlen(path);
    if (n > P9_PATH_MAX) return ENAMETOOLONG;
    const char *slash = strrchr(path, '/');
    if (!slash) {
        memcpy(leafbuf, n ? path : ".", n ? n + 1 : 2);
        *dirfd = fs->root;
        return 0;
    }
    char dir[P9_PATH_MAX + 1];
    memcpy(dir, path, (size_t)(slash - path));
    dir[slash - path] = 0;
    memcpy(leafbuf, slash + 1, strlen(slash + 1) + 1);
    return open_dir_rel(fs, dir, dirfd);
}

int p9h_lstat(struct p9fs *fs, const char *path, struct stat *st)
{
    int dirfd;
    char leaf[P9_PATH_MAX + 1];
    int e = p9h_resolve(fs, path, &dirfd, leaf);
    if (e) return e;
    e = fstatat(dirfd, leaf, st, AT_SYMLINK_NOFOLLOW) == 0 ? 0 : errno;
    p9h_release(fs, dirfd);
    return e;
}

char *p9h_join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    if (strcmp(name, ".") == 0) return strdup(dir);
    if (strcmp(name, "..") == 0) {   /* lexically up; ".." of the root is the root (intro(5)) */
        const char *slash = strrchr(dir, '/');
        size_t keep = slash ? (size_t)(slash - dir) : 0;
        char *p = malloc(keep + 1);
        if (!p) return NULL;
        memcpy(p, dir, keep);
        p[keep] = 0;
        return p;
    }
    if (dl + 1 + nl > P9_PATH_MAX) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    char *p = malloc(dl + nl + 2);
    if (!p) return NULL;
    if (dl) {
        memcpy(p, dir, dl);
        p[dl] = '/';
        memcpy(p + dl + 1, name, nl + 1);
    } else {
        memcpy(p, name, nl + 1);
    }
    return p;
}

/* ---- byte-range locks (POSIX semantics: per owner, ranges merge and split, read locks share) ---- */

static bool same_owner(const struct p9_lock *a, const struct p9_lock *b)
{
    return a->proc_id == b->proc_id && strcmp(a->client, b->client) == 0;
}
static bool overlaps(const struct p9_lock *a, const struct p9_lock *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->start <= b->end && b->start <= a->end;
}

static struct p9_lock *conflict(struct p9fs *fs, const struct p9_lock *req)
{
    for (unsigned i = 0; i < fs->nlocks; i++) {
        struct p9_lock *l = &fs->locks[i];
        if (overlaps(l, req) && !same_owner(l, req) &&
            (l->type == P9_LOCK_TYPE_WRLCK || req->type == P9_LOCK_TYPE_WRLCK))
            return l;
    }
    return NULL;
}

static bool add_lock(struct p9fs *fs, const struct p9_lock *l)
{
    if (fs->nlocks == P9_MAX_LOCKS) return false;
    if (!fs->locks) {
        fs->locks = calloc(P9_MAX_LOCKS, sizeof(*fs->locks));
        if (!fs->locks) return false;
    }
    fs->locks[fs->nlocks++] = *l;
    return true;
}

uint8_t p9h_lock(struct p9fs *fs, const struct p9_lock *req)
{
    if (req->start > req->end) return P9_LOCK_ERROR;
    if (req->type != P9_LOCK_TYPE_UNLCK && conflict(fs, req)) return P9_LOCK_BLOCKED;
    /* Take the range out of the owner's locks (splitting them), then add the new one. */
    unsigned n = fs->nlocks;
    for (unsigned i = 0; i < n;) {
        struct p9_lock l = fs->locks[i];
        if (!overlaps(&l, req) || !same_owner(&l, req)) {
            i++;
            continue;
        }
        fs->locks[i] = fs->locks[--n];
        fs->nlocks = n;
        if (l.start < req->start) {
            struct p9_lock lo = l;
            lo.end = req->start - 1;
            if (!add_lock(fs, &lo)) return P9_LOCK_ERROR;
        }
        if (l.end > req->end) {
            struct p9_lock hi = l;
            hi.start = req->end + 1;
            if (!add_lock(fs, &hi)) return P9_LOCK_ERROR;
        }
        n = fs->nlocks;   /* pieces went to the end, past i: they no longer overlap the range */
    }
    if (req->type != P9_LOCK_TYPE_UNLCK && !add_lock(fs, req)) return P9_LOCK_ERROR;
    return P9_LOCK_SUCCESS;
}

void p9h_getlock(struct p9fs *fs, struct p9_lock *l)
{
    const struct p9_lock *c = l->type == P9_LOCK_TYPE_UNLCK ? NULL : conflict(fs, l);
    if (c) *l = *c;
    else l->type = P9_LOCK_TYPE_UNLCK;
}

void p9h_locks_clear(struct p9fs *fs)
{
    free(fs->locks);
    fs->locks = NULL;
    fs->nlocks = 0;
}
