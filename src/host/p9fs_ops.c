/* The 9P2000.L server's file and namespace messages (Linux include/net/9p/9p.h layouts): open, create,
 * read, write, remove, getattr/setattr, readdir, statfs, fsync, mkdir, symlink, mknod, readlink, link,
 * rename/renameat, unlinkat, lock/getlock. Each touches the host only through p9fs_host.c's confined
 * resolution (docs/sharing.md) and refuses modifications of a read-only share with EROFS first. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE 1   /* O_DIRECTORY, fdopendir, dirent d_type */
#endif
#define _FILE_OFFSET_BITS 64

#include "p9fs_wire.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>   /* renameat */
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* Open the object of f with host flags, refusing anything but regular files and directories (a FIFO
 * or device node must never block or reach host devices). */
int p9_open_object(struct p9fs *fs, struct p9_fid *f, int hflags, struct stat *st)
{
    int dirfd;
    char leaf[P9_PATH_MAX + 1];
    int e = p9h_resolve(fs, f->path, &dirfd, leaf);
    if (e) return e;
    int fd = openat(dirfd, leaf, hflags | O_NONBLOCK, 0);
    e = errno;
    p9h_release(fs, dirfd);
    if (fd < 0) return e == EMLINK ? ELOOP : e;   /* FreeBSD says EMLINK for O_NOFOLLOW on a symlink */
    if (fstat(fd, st) != 0) {
        e = errno;
        close(fd);
        return e;
    }
    if (!(S_ISREG(st->st_mode) || S_ISDIR(st->st_mode))) {
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

int p9op_lopen(struct p9fs *fs, struct rd *r, struct wr *w)
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
    if (S_ISDIR(st.st_mode)) {
        if (lflags & 3u) return EISDIR;   /* as open(2) on a directory for writing */
        h = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    }
    if ((e = p9_open_object(fs, f, h, &st)) != 0) return e;
    f->lflags = lflags;
    reply_open(fs, w, &st);
    return 0;
}

int p9op_lcreate(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_read(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_write(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_remove(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t fid = g32(r);
    if (r->bad) return EINVAL;
    struct p9_fid *f;
    GET_FID(fs, fid, f);
    struct stat st;
    int e = fs->ro ? EROFS : p9h_lstat(fs, f->path, &st);
    if (!e) e = unlink_path(fs, f->path, S_ISDIR(st.st_mode));
    p9_fid_free(fs, fid);   /* remove(5): the fid is clunked even if the remove fails */
    return e;
}

int p9op_getattr(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_setattr(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_readdir(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_statfs(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_fsync(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_mkdir(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_symlink(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_mknod(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_readlink(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_link(struct p9fs *fs, struct rd *r, struct wr *w)
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
        e = from ? p9_fids_renamed(fs, from, path) : ENOMEM;
        free(from);
    }
    free(path);
    return e;
}

int p9op_rename(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_renameat(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_unlinkat(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_lock(struct p9fs *fs, struct rd *r, struct wr *w)
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

int p9op_getlock(struct p9fs *fs, struct rd *r, struct wr *w)
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

