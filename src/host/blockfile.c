/* A host file or block device as a virtio-blk backend (struct block_backend, dev/virtio_blk.h), and the
 * --drive option parser. POSIX I/O (pread/pwrite with EINTR and short-count loops, fsync, O_DSYNC);
 * on Linux also fallocate(2) for discard and write-zeroes and flock(2) against two writers.
 *
 * - Cache modes: writeback leaves writes in the host page cache until the guest's FLUSH (fsync);
 *   writethrough opens with O_DSYNC (or fsyncs after each write where O_DSYNC is missing), and
 *   fsyncs after fallocate, which O_DSYNC does not cover. blockfile_close fsyncs in both modes.
 * - Discard punches a hole (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE); write-zeroes punches a hole
 *   when the driver allows unmapping, else uses FALLOC_FL_ZERO_RANGE. Where the file system (or the
 *   host) lacks them, both write zeros, so discarded sectors always read back as zeros.
 * - Locking: a writable open takes an exclusive flock, a read-only one a shared flock, so a second
 *   emulator cannot write an image in use; file systems without flock are not refused. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE 1   /* fallocate, FALLOC_FL_*, flock */
#endif
#define _FILE_OFFSET_BITS 64

#include "../util/errmsg.h"
#include "blockfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/file.h>
#endif

#define IO_CHUNK (1u << 30)   /* largest single pread/pwrite */


static bool in_bounds(const struct blockfile *bf, uint64_t off, uint64_t len)
{
    return off <= bf->size && len <= bf->size - off;
}

static int bf_fsync(struct blockfile *bf)
{
    int r;
    do r = fsync(bf->fd);
    while (r < 0 && errno == EINTR);
    if (r < 0) return -errno;
    bf->fsyncs++;
    return 0;
}

static int bf_read(void *opaque, uint64_t off, void *buf, size_t len)
{
    struct blockfile *bf = opaque;
    if (!in_bounds(bf, off, len)) return -EINVAL;
    uint8_t *p = buf;
    while (len) {
        ssize_t n = pread(bf->fd, p, len < IO_CHUNK ? len : IO_CHUNK, (off_t)off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -errno;
        }
        if (n == 0) return -EIO;   /* the file shrank under us */
        p += n;
        len -= (size_t)n;
        off += (uint64_t)n;
    }
    return 0;
}

static int write_all(struct blockfile *bf, uint64_t off, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    while (len) {
        ssize_t n = pwrite(bf->fd, p, len < IO_CHUNK ? len : IO_CHUNK, (off_t)off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -errno;
        }
        if (n == 0) return -EIO;
        p += n;
        len -= (size_t)n;
        off += (uint64_t)n;
    }
    return 0;
}

static int bf_write(void *opaque, uint64_t off, const void *buf, size_t len)
{
    struct blockfile *bf = opaque;
    if (bf->read_only) return -EROFS;
    if (!in_bounds(bf, off, len)) return -EINVAL;
    int r = write_all(bf, off, buf, len);
    if (r == 0 && bf->sync_each_write) r = bf_fsync(bf);
    return r;
}

static int bf_flush(void *opaque)
{
    struct blockfile *bf = opaque;
    return bf->read_only ? 0 : bf_fsync(bf);
}

static int write_zeros(struct blockfile *bf, uint64_t off, uint64_t len)
{
    static const uint8_t zeros[64 * 1024];
    while (len) {
        size_t n = len < sizeof(zeros) ? (size_t)len : sizeof(zeros);
        int r = write_all(bf, off, zeros, n);
        if (r < 0) return r;
        off += n;
        len -= n;
    }
    return bf->sync_each_write ? bf_fsync(bf) : 0;
}

/* fallocate with `mode`: 1 done, 0 not supported here (flag cleared), or a negative errno value. */
static int try_fallocate(struct blockfile *bf, bool *supported, int mode, uint64_t off, uint64_t len)
{
#ifdef __linux__
    if (!*supported) return 0;
    int r;
    do r = fallocate(bf->fd, mode, (off_t)off, (off_t)len);
    while (r < 0 && errno == EINTR);
    if (r == 0) {
        /* O_DSYNC does not cover fallocate: writethrough must sync the allocation change itself. */
        if (bf->cache == BLOCKFILE_CACHE_WRITETHROUGH) {
            int s = bf_fsync(bf);
            if (s < 0) return s;
        }
        return 1;
    }
    if (errno != EOPNOTSUPP && errno != ENOSYS && errno != EINVAL && errno != ENODEV) return -errno;
#else
    (void)bf, (void)mode, (void)off, (void)len;
#endif
    *supported = false;
    return 0;
}

#if defined(__linux__) && defined(FALLOC_FL_PUNCH_HOLE) && defined(FALLOC_FL_ZERO_RANGE)
#define MODE_PUNCH (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE)
#define MODE_ZERO (FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE)
#else
#define MODE_PUNCH 0
#define MODE_ZERO 0
#endif

static int bf_discard(void *opaque, uint64_t off, uint64_t len)
{
    struct blockfile *bf = opaque;
    if (bf->read_only) return -EROFS;
    if (!in_bounds(bf, off, len)) return -EINVAL;
    if (len == 0) return 0;
    int r = try_fallocate(bf, &bf->punch_hole_ok, MODE_PUNCH, off, len);
    if (r != 0) return r < 0 ? r : 0;
    return write_zeros(bf, off, len);
}

static int bf_write_zeroes(void *opaque, uint64_t off, uint64_t len, bool may_unmap)
{
    struct blockfile *bf = opaque;
    if (bf->read_only) return -EROFS;
    if (!in_bounds(bf, off, len)) return -EINVAL;
    if (len == 0) return 0;
    int r = may_unmap ? try_fallocate(bf, &bf->punch_hole_ok, MODE_PUNCH, off, len) : 0;
    if (r == 0) r = try_fallocate(bf, &bf->zero_range_ok, MODE_ZERO, off, len);
    if (r != 0) return r < 0 ? r : 0;
    return write_zeros(bf, off, len);
}

/* The disk image formats other than raw that announce themselves in their first bytes (QEMU's
 * block drivers' probes); NULL for anything else, which vhart takes as raw. */
static const char *image_format(int fd)
{
    uint8_t h[0x44];
    ssize_t n;
    do n = pread(fd, h, sizeof(h), 0);
    while (n < 0 && errno == EINTR);
    if (n < 8) return NULL;
    if (memcmp(h, "QFI\xfb", 4) == 0) return h[7] == 1 ? "qcow (version 1)" : "qcow2";
    if (memcmp(h, "KDMV", 4) == 0 || memcmp(h, "COWD", 4) == 0 || (n >= 21 && memcmp(h, "# Disk DescriptorFile", 21) == 0))
        return "VMDK";
    if (memcmp(h, "vhdxfile", 8) == 0) return "VHDX";
    if (memcmp(h, "conectix", 8) == 0) return "VHD (vpc)";
    if (n >= 0x44 && h[0x40] == 0x7f && h[0x41] == 0x10 && h[0x42] == 0xda && h[0x43] == 0xbe) return "VDI";
    return NULL;
}

/* Why open(path) failed, as one line. */
static int open_error(const char *path, bool read_only, int e, char *err, size_t err_len)
{
    if (e == ENOENT) return err_printf(err, err_len, "%s: no such file", path);
    if (e == EISDIR) return err_printf(err, err_len, "%s: is a directory", path);
    if (!read_only && (e == EACCES || e == EPERM || e == EROFS)) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            close(fd);
            return err_printf(err, err_len, "%s: read-only file (use ,ro)", path);
        }
        e = errno;
    }
    if (e == EACCES) return err_printf(err, err_len, "%s: permission denied", path);
    return err_printf(err, err_len, "%s: %s", path, strerror(e));
}

int blockfile_open(struct blockfile *bf, const char *path, bool read_only, enum blockfile_cache cache, char *err,
                   size_t err_len)
{
    memset(bf, 0, sizeof(*bf));
    bf->fd = -1;
    if (err && err_len) err[0] = 0;
    int flags = (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC;
    bool dsync = false;
#ifdef O_DSYNC
    if (!read_only && cache == BLOCKFILE_CACHE_WRITETHROUGH) {
        flags |= O_DSYNC;
        dsync = true;
    }
#endif
    int fd;
    do fd = open(path, flags);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return open_error(path, read_only, errno, err, err_len);

    struct stat st;
    uint64_t size;
    if (fstat(fd, &st) < 0) {
        err_printf(err, err_len, "%s: %s", path, strerror(errno));
        goto fail;
    }
    if (S_ISDIR(st.st_mode)) {
        err_printf(err, err_len, "%s: is a directory", path);
        goto fail;
    }
    if (S_ISREG(st.st_mode)) {
        size = (uint64_t)st.st_size;
    } else if (S_ISBLK(st.st_mode)) {
        off_t end = lseek(fd, 0, SEEK_END);
        if (end < 0) {
            err_printf(err, err_len, "%s: %s", path, strerror(errno));
            goto fail;
        }
        size = (uint64_t)end;
    } else {
        err_printf(err, err_len, "%s: not a regular file or block device", path);
        goto fail;
    }
    if (size == 0) {
        err_printf(err, err_len, "%s: empty file", path);
        goto fail;
    }
    const char *format = image_format(fd);
    if (format) {
        err_printf(err, err_len, "%s: a %s image, not a raw one (convert it: qemu-img convert -O raw FILE FILE.raw)",
                   path, format);
        goto fail;
    }
    if (size % VIRTIO_BLK_SECTOR_SIZE) {
        /* Refused rather than rounded down: the tail would be silently out of the guest's reach. */
        err_printf(err, err_len, "%s: size %llu is not a multiple of 512 bytes (pad it: truncate -s %%512 FILE)", path,
                   (unsigned long long)size);
        goto fail;
    }
#ifdef __linux__
    if (flock(fd, (read_only ? LOCK_SH : LOCK_EX) | LOCK_NB) < 0 && errno == EWOULDBLOCK) {
        err_printf(err, err_len, "%s: in use by another process", path);
        goto fail;
    }
#endif

    bf->fd = fd;
    bf->size = size;
    bf->read_only = read_only;
    bf->cache = cache;
    bf->sync_each_write = !read_only && cache == BLOCKFILE_CACHE_WRITETHROUGH && !dsync;
    bf->punch_hole_ok = bf->zero_range_ok = true;
    bf->backend = (struct block_backend){
        .read = bf_read,
        .write = read_only ? NULL : bf_write,
        .flush = read_only ? NULL : bf_flush,
        .discard = read_only ? NULL : bf_discard,
        .write_zeroes = read_only ? NULL : bf_write_zeroes,
        .size_bytes = size,
        .read_only = read_only,
        .opaque = bf,
    };
    return 0;
fail:
    close(fd);
    return -1;
}

int blockfile_close(struct blockfile *bf)
{
    if (bf->fd < 0) return 0;
    int r = bf->read_only ? 0 : bf_fsync(bf);
    if (close(bf->fd) < 0 && r == 0) r = -errno;
    bf->fd = -1;
    return r;
}

/* ---- --drive FILE[,ro][,cache=writeback|writethrough] ---- */

/* The offending text, cut to keep the message one short line. */
static int clip(size_t len) { return len > 200 ? 200 : (int)len; }

int blockfile_parse_drive_option(const char *arg, struct drive_spec *out, char *err, size_t err_len)
{
    memset(out, 0, sizeof(*out));
    out->cache = BLOCKFILE_CACHE_WRITEBACK;
    if (err && err_len) err[0] = 0;
    const char *p = arg ? arg : "";
    size_t n = 0;
    for (; *p; p++) {
        if (*p == ',') {
            if (p[1] != ',') break;
            p++;   /* ",," is a comma in the file name */
        }
        if (n + 1 >= sizeof(out->path)) return err_printf(err, err_len, "--drive: file name too long");
        out->path[n++] = *p;
    }
    out->path[n] = 0;
    if (n == 0) return err_printf(err, err_len, "--drive: missing file name");
    while (*p == ',') {
        const char *opt = ++p;
        while (*p && *p != ',') p++;
        size_t len = (size_t)(p - opt);
        if (len == 0) return err_printf(err, err_len, "--drive: empty option");
        if (len == 2 && !memcmp(opt, "ro", 2)) {
            out->read_only = true;
        } else if (len >= 6 && !memcmp(opt, "cache=", 6)) {
            const char *mode = opt + 6;
            size_t mlen = len - 6;
            if (mlen == 9 && !memcmp(mode, "writeback", 9)) out->cache = BLOCKFILE_CACHE_WRITEBACK;
            else if (mlen == 12 && !memcmp(mode, "writethrough", 12)) out->cache = BLOCKFILE_CACHE_WRITETHROUGH;
            else
                return err_printf(err, err_len, "--drive: unknown cache mode '%.*s' (expected writeback or writethrough)",
                               clip(mlen), mode);
        } else {
            return err_printf(err, err_len,
                           "--drive: unknown option '%.*s' (expected ro, cache=writeback or cache=writethrough)",
                           clip(len), opt);
        }
    }
    return 0;
}
