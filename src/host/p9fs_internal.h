/* Shared between p9fs.c (the protocol) and p9fs_host.c (confined host operations): the server's state,
 * the fid table and the helpers that touch the host file system. Not for use outside src/host/p9fs*. */
#ifndef VHART_HOST_P9FS_INTERNAL_H
#define VHART_HOST_P9FS_INTERNAL_H

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "p9fs.h"

#define P9_FID_BUCKETS 256
#define P9_PATH_MAX 4096           /* longest path inside the share (bytes, without the NUL) */
#define P9_NAME_MAX 255
#define P9_MAX_FIDS 65536          /* a guest allocating more gets ENFILE */
#define P9_MAX_LOCKS 4096

/* A fid names a file by its path below the share root: every use resolves it again from the root,
 * one component at a time (p9h_resolve), so a rename or a swapped-in symlink outside the server's
 * view can never redirect it outside the share. An open fid also holds the host descriptor. */
struct p9_fid {
    uint32_t id;
    struct p9_fid *next;     /* hash chain */
    char *path;              /* "" for the root, else "a/b/c" (no "." or ".." components) */
    int fd;                  /* open file or directory (Tlopen/Tlcreate), -1 if not open */
    DIR *dir;                /* directory stream over a dup of fd, made by the first Treaddir */
    uint32_t lflags;         /* the Linux open flags it was opened with */
    bool open;
    bool is_dir;             /* of the object at open time */
};

/* A POSIX byte-range lock held by a guest process (Tlock), kept by the server: the host's fcntl
 * locks belong to the whole emulator process and could not tell two guest processes apart. */
struct p9_lock {
    uint64_t dev, ino;
    uint64_t start, end;     /* inclusive; end = UINT64_MAX for "to end of file" */
    uint32_t proc_id;
    char client[64];
    uint8_t type;            /* P9_LOCK_TYPE_RDLCK or _WRLCK */
};

struct p9fs {
    int root;                /* the share's directory, held for the server's life */
    dev_t root_dev;
    ino_t root_ino;
    bool ro;
    uint32_t msize;          /* 0 until Tversion */
    struct p9_fid *buckets[P9_FID_BUCKETS];
    unsigned nfids;
    struct p9_lock *locks;
    unsigned nlocks;
};

/* Lock types and Rlock status (Linux include/net/9p/9p.h). */
enum { P9_LOCK_TYPE_RDLCK = 0, P9_LOCK_TYPE_WRLCK = 1, P9_LOCK_TYPE_UNLCK = 2 };
enum { P9_LOCK_SUCCESS = 0, P9_LOCK_BLOCKED = 1, P9_LOCK_ERROR = 2, P9_LOCK_GRACE = 3 };

/* ---- p9fs_host.c ---- */

/* A host errno as Linux numbers it (9P2000.L's Rlerror carries Linux values, whatever the host). */
uint32_t p9h_linux_errno(int host_errno);

/* Linux open(2) flags of Tlopen/Tlcreate to the host's, keeping only what a server may honour;
 * O_NOFOLLOW, O_CLOEXEC and O_NOCTTY are always added. */
int p9h_host_open_flags(uint32_t lflags);
bool p9h_lflags_modify(uint32_t lflags);   /* write access or truncation asked */

/* A name a client may create or look up in one step: not empty, no '/', not "." or "..", not too long. */
bool p9h_name_ok(const char *name);

/* Resolve `path` inside the share: *dirfd becomes the directory holding its last component (the root
 * itself for ""), *leaf that component ("." for the root). Every directory on the way is opened
 * relative to the previous one without following symlinks (openat2 RESOLVE_BENEATH|RESOLVE_NO_SYMLINKS
 * where the host has it, else one O_NOFOLLOW component at a time): a symlink met on the way is ELOOP.
 * Returns 0 or a host errno; release *dirfd with p9h_release. leafbuf holds P9_PATH_MAX + 1 bytes. */
int p9h_resolve(struct p9fs *fs, const char *path, int *dirfd, char *leafbuf);
/* Open the directory named by path (O_DIRECTORY, no symlink followed): a descriptor to release. */
int p9h_open_dir(struct p9fs *fs, const char *path, int *fd);
void p9h_release(struct p9fs *fs, int fd);

/* lstat of the object a path names. */
int p9h_lstat(struct p9fs *fs, const char *path, struct stat *st);

/* Join a directory path and a validated name (or walk ".." lexically, never above the root). Returns
 * a malloc'd path, or NULL (errno set: ENAMETOOLONG or ENOMEM). */
char *p9h_join(const char *dir, const char *name);

/* Byte-range locks: Tlock (returns an Rlock status) and Tgetlock (fills *l with the first conflict,
 * or sets its type to UNLCK). */
uint8_t p9h_lock(struct p9fs *fs, const struct p9_lock *req);
void p9h_getlock(struct p9fs *fs, struct p9_lock *l);
void p9h_locks_clear(struct p9fs *fs);

#endif
