/* The copy-on-write overlay of --snapshot (overlay.h): written granules in an unlinked temporary file,
 * located through a sparse granule map; the image below is only ever read.
 *
 * Why a temporary file and not host memory: a guest may write gigabytes (mkfs, a package install), and
 * those belong on the host's disk, not in its RAM; the page cache keeps a small overlay as fast as
 * memory anyway. In memory stays only the map, 4 bytes per written granule (in 4 KiB chunks that each
 * cover 4 MiB of the disk). Discard and write-zeroes mark whole granules as zeros without storing them
 * (mkfs discards the whole disk first), and give their slots back for reuse. */
#define _FILE_OFFSET_BITS 64
#define _POSIX_C_SOURCE 200809L

#include "overlay.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/endian.h"
#include "../util/errmsg.h"
#include "../util/statebuf.h"

#define G OVERLAY_GRANULE

static bool is_slot(uint32_t e) { return e != 0 && e != OVERLAY_ZEROS; }
static off_t slot_offset(uint32_t e) { return (off_t)(e - 1) * G; }

static int pread_all(int fd, void *buf, size_t len, off_t off)
{
    uint8_t *p = buf;
    while (len) {
        ssize_t n = pread(fd, p, len, off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -errno;
        }
        if (n == 0) return -EIO;
        p += n, len -= (size_t)n, off += n;
    }
    return 0;
}

static int pwrite_all(int fd, const void *buf, size_t len, off_t off)
{
    const uint8_t *p = buf;
    while (len) {
        ssize_t n = pwrite(fd, p, len, off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -errno;
        }
        if (n == 0) return -EIO;
        p += n, len -= (size_t)n, off += n;
    }
    return 0;
}

static bool in_bounds(const struct overlay *ov, uint64_t off, uint64_t len)
{
    return off <= ov->size && len <= ov->size - off;
}

/* Granule g as the image has it (zeros past the image's end). */
static int read_base_granule(struct overlay *ov, uint64_t g, uint8_t *buf)
{
    uint64_t off = g * G, n = ov->size - off < G ? ov->size - off : G;
    memset(buf + n, 0, G - n);
    return ov->base.read(ov->base.opaque, off, buf, (size_t)n);
}

static int alloc_slot(struct overlay *ov, uint32_t *entry)
{
    if (ov->nfree) {
        *entry = ov->free_slots[--ov->nfree] + 1;
        return 0;
    }
    if (ov->slots == OVERLAY_MAX_SLOTS) return -ENOSPC;
    *entry = ++ov->slots;
    return 0;
}

/* A slot no granule uses any more (if the free list cannot grow, its space is simply not reused). */
static void release_slot(struct overlay *ov, uint32_t entry)
{
    if (ov->nfree == ov->free_cap) {
        size_t cap = ov->free_cap ? ov->free_cap * 2 : 64;
        uint32_t *p = realloc(ov->free_slots, cap * sizeof(*p));
        if (!p) return;
        ov->free_slots = p;
        ov->free_cap = cap;
    }
    ov->free_slots[ov->nfree++] = entry - 1;
}

/* Bytes [within, within + n) of granule g become data (or zeros when data is NULL). */
static int put_granule(struct overlay *ov, uint64_t g, size_t within, const uint8_t *data, size_t n)
{
    static const uint8_t zeros[G];
    uint32_t e = granmap_get(&ov->map, g);
    if (is_slot(e)) return pwrite_all(ov->fd, data ? data : zeros, n, slot_offset(e) + (off_t)within);
    /* The granule's first write: a new slot holding the whole granule. */
    uint8_t buf[G];
    const uint8_t *whole = data;
    if (n < G || !data) {
        if (n < G) {
            if (e == 0) {
                int r = read_base_granule(ov, g, buf);
                if (r < 0) return r;
            } else {
                memset(buf, 0, G);
            }
        }
        if (data) memcpy(buf + within, data, n);
        else memset(buf + within, 0, n);
        whole = buf;
    }
    uint32_t slot;
    int r = alloc_slot(ov, &slot);
    if (r < 0) return r;
    r = pwrite_all(ov->fd, whole, G, slot_offset(slot));
    if (r == 0 && granmap_set(&ov->map, g, slot) < 0) r = -ENOMEM;
    if (r < 0) {
        release_slot(ov, slot);
        return r;
    }
    if (e == OVERLAY_ZEROS) ov->zero_granules--;
    ov->data_granules++;
    return 0;
}

/* The whole granule g reads as zeros from now on. */
static int zero_granule(struct overlay *ov, uint64_t g)
{
    uint32_t e = granmap_get(&ov->map, g);
    if (e == OVERLAY_ZEROS) return 0;
    if (granmap_set(&ov->map, g, OVERLAY_ZEROS) < 0) return -ENOMEM;
    if (is_slot(e)) {
        release_slot(ov, e);
        ov->data_granules--;
    }
    ov->zero_granules++;
    return 0;
}

static int ov_read(void *opaque, uint64_t off, void *buf, size_t len)
{
    struct overlay *ov = opaque;
    if (!in_bounds(ov, off, len)) return -EINVAL;
    uint8_t *p = buf;
    while (len) {
        uint64_t g = off / G;
        size_t within = (size_t)(off % G), n = len < G - within ? len : G - within;
        uint32_t e = granmap_get(&ov->map, g);
        int r = 0;
        if (e == 0) {
            /* The image's bytes: one read for the whole run of granules the overlay does not hold. */
            while (n < len && granmap_get(&ov->map, (off + n) / G) == 0) n += len - n < G ? len - n : G;
            r = ov->base.read(ov->base.opaque, off, p, n);
        } else if (e == OVERLAY_ZEROS) {
            memset(p, 0, n);
        } else {
            r = pread_all(ov->fd, p, n, slot_offset(e) + (off_t)within);
        }
        if (r < 0) return r;
        p += n, off += n, len -= n;
    }
    return 0;
}

/* Write data (or zeros, when data is NULL and whole granules are not covered) over [off, off + len). */
static int put_range(struct overlay *ov, uint64_t off, const uint8_t *data, uint64_t len)
{
    while (len) {
        uint64_t g = off / G;
        size_t within = (size_t)(off % G), n = len < G - within ? (size_t)len : G - within;
        int r = !data && n == G ? zero_granule(ov, g) : put_granule(ov, g, within, data, n);
        if (r < 0) return r;
        if (data) data += n;
        off += n, len -= n;
    }
    return 0;
}

static int ov_write(void *opaque, uint64_t off, const void *buf, size_t len)
{
    struct overlay *ov = opaque;
    if (!in_bounds(ov, off, len)) return -EINVAL;
    return put_range(ov, off, buf, len);
}

/* Nothing to make durable: the overlay ends with the run. */
static int ov_flush(void *opaque)
{
    (void)opaque;
    return 0;
}

static int ov_discard(void *opaque, uint64_t off, uint64_t len)
{
    struct overlay *ov = opaque;
    if (!in_bounds(ov, off, len)) return -EINVAL;
    return put_range(ov, off, NULL, len);
}

static int ov_write_zeroes(void *opaque, uint64_t off, uint64_t len, bool may_unmap)
{
    (void)may_unmap;
    return ov_discard(opaque, off, len);
}

int overlay_open(struct overlay *ov, const struct block_backend *base, const char *tmpdir, char *err, size_t err_len)
{
    memset(ov, 0, sizeof(*ov));
    ov->fd = -1;
    if (err && err_len) err[0] = 0;
    if (!tmpdir || !*tmpdir) tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir) tmpdir = "/tmp";
    size_t plen = strlen(tmpdir) + sizeof("/vhart-overlay-XXXXXX");
    char *path = malloc(plen);
    if (!path) return err_printf(err, err_len, "out of memory");
    snprintf(path, plen, "%s/vhart-overlay-XXXXXX", tmpdir);
    int fd = mkstemp(path);
    if (fd < 0) {
        int e = errno;
        free(path);
        return err_printf(err, err_len, "cannot create a temporary file in %s: %s", tmpdir, strerror(e));
    }
    unlink(path);
    free(path);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (granmap_init(&ov->map, (base->size_bytes + G - 1) / G) < 0) {
        close(fd);
        return err_printf(err, err_len, "out of memory");
    }
    ov->fd = fd;
    ov->base = *base;
    ov->size = base->size_bytes;
    ov->backend = (struct block_backend){
        .read = ov_read,
        .write = ov_write,
        .flush = ov_flush,
        .discard = ov_discard,
        .write_zeroes = ov_write_zeroes,
        .size_bytes = ov->size,
        .read_only = false,
        .opaque = ov,
    };
    return 0;
}

void overlay_close(struct overlay *ov)
{
    if (ov->fd >= 0) close(ov->fd);
    ov->fd = -1;
    granmap_free(&ov->map);
    free(ov->free_slots);
    ov->free_slots = NULL;
    ov->nfree = ov->free_cap = 0;
}

/* ---- snapshot state ---- */

enum { KIND_ZEROS = 0, KIND_DATA = 1 };

int overlay_save(struct overlay *ov, struct state_writer *w)
{
    state_put_u64(w, G);
    size_t count_at = w->len;
    state_put_u64(w, 0);
    uint64_t count = 0, n = ov->map.n;
    uint8_t buf[G];
    for (uint64_t g = granmap_next(&ov->map, 0); g < n; g = granmap_next(&ov->map, g + 1)) {
        uint32_t e = granmap_get(&ov->map, g);
        state_put_u64(w, g);
        if (e == OVERLAY_ZEROS) {
            state_put_u8(w, KIND_ZEROS);
        } else {
            int r = pread_all(ov->fd, buf, G, slot_offset(e));
            if (r < 0) return r;
            state_put_u8(w, KIND_DATA);
            state_put_bytes(w, buf, G);
        }
        count++;
    }
    if (!w->failed) le_store64(w->data + count_at, count);
    return 0;
}

void overlay_load(struct overlay *ov, struct state_reader *r, bool apply)
{
    /* First the whole record, on a copy of the reader: nothing changes unless it is sound. */
    struct state_reader check = *r;
    uint64_t gsize = state_get_u64(&check), count = state_get_u64(&check);
    if (!check.failed && gsize != G) state_reader_fail(&check, "overlay granules of %llu bytes", (unsigned long long)gsize);
    if (!check.failed && count > ov->map.n) state_reader_fail(&check, "%llu overlay granules", (unsigned long long)count);
    for (uint64_t i = 0, next = 0; i < count && !check.failed; i++) {
        uint64_t g = state_get_u64(&check);
        uint8_t kind = state_get_u8(&check);
        if (check.failed) break;
        if (g < next || g >= ov->map.n) state_reader_fail(&check, "overlay granule %llu out of order", (unsigned long long)g);
        else if (kind > KIND_DATA) state_reader_fail(&check, "overlay granule kind %u", kind);
        else if (kind == KIND_DATA) state_get_span(&check, G);
        next = g + 1;
    }
    if (check.failed || !apply) {
        *r = check;
        return;
    }
    /* Then replace the overlay's content. */
    granmap_clear(&ov->map);
    ov->nfree = 0;
    ov->slots = 0;
    ov->data_granules = ov->zero_granules = 0;
    if (ftruncate(ov->fd, 0) < 0) {
        state_reader_fail(r, "overlay: %s", strerror(errno));
        return;
    }
    state_get_u64(r);
    state_get_u64(r);
    for (uint64_t i = 0; i < count && !r->failed; i++) {
        uint64_t g = state_get_u64(r);
        int e = 0;
        if (state_get_u8(r) == KIND_ZEROS) e = zero_granule(ov, g);
        else e = put_granule(ov, g, 0, state_get_span(r, G), G);
        if (e < 0) state_reader_fail(r, "overlay: %s", strerror(-e));
    }
}
