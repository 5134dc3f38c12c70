/* The 9P2000.L server: the dispatch of messages, the fid table, the session messages (version, attach,
 * walk, clunk, flush; the others are in p9fs_ops.c), snapshots of fids and the --share parser,
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

#include "p9fs_wire.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/endian.h"
#include "../util/errmsg.h"
#include "../util/statebuf.h"

/* ---- fids ---- */
struct p9_fid *p9_fid_find(struct p9fs *fs, uint32_t id)
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

int p9_fid_new(struct p9fs *fs, uint32_t id, char *path, struct p9_fid **out)
{
    if (p9_fid_find(fs, id)) {
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

void p9_fid_free(struct p9fs *fs, uint32_t id)
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

int p9_fids_renamed(struct p9fs *fs, const char *from, const char *to)
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

/* ---- session: version, attach, walk, clunk, flush ---- */
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
    int e = root ? p9_fid_new(fs, fid, root, &f) : ENOMEM;
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
    if (newfid != fid && p9_fid_find(fs, newfid)) return EBADF;
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
    return p9_fid_new(fs, newfid, path, &nf);
}

static int do_clunk(struct p9fs *fs, struct rd *r, struct wr *w)
{
    (void)w;
    uint32_t fid = g32(r);
    if (r->bad) return EINVAL;
    if (!p9_fid_find(fs, fid)) return EBADF;
    p9_fid_free(fs, fid);
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
        case P9_TLOPEN: e = p9op_lopen(fs, &r, &w); break;
        case P9_TLCREATE: e = p9op_lcreate(fs, &r, &w); break;
        case P9_TREAD: e = p9op_read(fs, &r, &w); break;
        case P9_TWRITE: e = p9op_write(fs, &r, &w); break;
        case P9_TCLUNK: e = do_clunk(fs, &r, &w); break;
        case P9_TREMOVE: e = p9op_remove(fs, &r, &w); break;
        case P9_TGETATTR: e = p9op_getattr(fs, &r, &w); break;
        case P9_TSETATTR: e = p9op_setattr(fs, &r, &w); break;
        case P9_TREADDIR: e = p9op_readdir(fs, &r, &w); break;
        case P9_TSTATFS: e = p9op_statfs(fs, &r, &w); break;
        case P9_TFSYNC: e = p9op_fsync(fs, &r, &w); break;
        case P9_TMKDIR: e = p9op_mkdir(fs, &r, &w); break;
        case P9_TSYMLINK: e = p9op_symlink(fs, &r, &w); break;
        case P9_TMKNOD: e = p9op_mknod(fs, &r, &w); break;
        case P9_TREADLINK: e = p9op_readlink(fs, &r, &w); break;
        case P9_TLINK: e = p9op_link(fs, &r, &w); break;
        case P9_TRENAME: e = p9op_rename(fs, &r, &w); break;
        case P9_TRENAMEAT: e = p9op_renameat(fs, &r, &w); break;
        case P9_TUNLINKAT: e = p9op_unlinkat(fs, &r, &w); break;
        case P9_TLOCK: e = p9op_lock(fs, &r, &w); break;
        case P9_TGETLOCK: e = p9op_getlock(fs, &r, &w); break;
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
        while (fs->buckets[b]) p9_fid_free(fs, fs->buckets[b]->id);
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
        if (!path_ok(path) || p9_fid_new(fs, id, path, &f) != 0) {
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
        if (!e) e = p9_open_object(fs, f, h, &st);
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

