/* The written-blocks record of a disk image written in place (writeset.h): a pass-through backend,
 * the granule set it keeps, and the content hash over it. */
#define _FILE_OFFSET_BITS 64
#define _POSIX_C_SOURCE 200809L

#include "writeset.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../util/endian.h"
#include "../util/statebuf.h"

#define G WRITESET_GRANULE
#define HASH_RUN (256u * G)   /* bytes read at once while hashing */

static uint64_t rotl64(uint64_t x, unsigned r) { return (x << r) | (x >> (64 - r)); }

static uint64_t mix_word(uint64_t h, uint64_t w) { return (rotl64(h, 23) ^ w) * 0x9e3779b97f4a7c15ull; }

static uint64_t fmix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}

/* ---- the record: one bit per granule, 32 granules per map entry ---- */

bool writeset_has(const struct writeset *ws, uint64_t g)
{
    return g < ws->granules && (granmap_get(&ws->written, g / 32) >> (g % 32) & 1);
}

static int mark(struct writeset *ws, uint64_t g)
{
    uint32_t bits = granmap_get(&ws->written, g / 32), bit = 1u << (g % 32);
    return bits & bit ? 0 : granmap_set(&ws->written, g / 32, bits | bit);
}

/* The first recorded granule >= g, or ws->granules. */
static uint64_t next_marked(const struct writeset *ws, uint64_t g)
{
    if (g >= ws->granules) return ws->granules;
    uint64_t i = g / 32;
    uint32_t bits = granmap_get(&ws->written, i) >> (g % 32) << (g % 32);
    while (!bits) {
        i = granmap_next(&ws->written, i + 1);
        if (i >= ws->written.n) return ws->granules;
        bits = granmap_get(&ws->written, i);
    }
    unsigned b = 0;
    while (!(bits >> b & 1)) b++;
    return i * 32 + b;
}

/* Note granules [off, off + len) as changed. */
static int note(struct writeset *ws, uint64_t off, uint64_t len)
{
    if (len == 0) return 0;
    for (uint64_t g = off / G, last = (off + len - 1) / G; g <= last; g++)
        if (mark(ws, g) < 0) return -ENOMEM;
    return 0;
}

static int ws_read(void *opaque, uint64_t off, void *buf, size_t len)
{
    struct writeset *ws = opaque;
    return ws->base.read(ws->base.opaque, off, buf, len);
}

/* Granules are noted before the request goes through: a request that fails halfway may still have
 * changed some of them. */
static int ws_write(void *opaque, uint64_t off, const void *buf, size_t len)
{
    struct writeset *ws = opaque;
    if (off > ws->size || len > ws->size - off) return -EINVAL;
    int r = note(ws, off, len);
    if (r < 0) return r;
    ws->changes++;
    return ws->base.write(ws->base.opaque, off, buf, len);
}

static int ws_flush(void *opaque)
{
    struct writeset *ws = opaque;
    return ws->base.flush(ws->base.opaque);
}

static int ws_discard(void *opaque, uint64_t off, uint64_t len)
{
    struct writeset *ws = opaque;
    if (off > ws->size || len > ws->size - off) return -EINVAL;
    int r = note(ws, off, len);
    if (r < 0) return r;
    ws->changes++;
    return ws->base.discard(ws->base.opaque, off, len);
}

static int ws_write_zeroes(void *opaque, uint64_t off, uint64_t len, bool may_unmap)
{
    struct writeset *ws = opaque;
    if (off > ws->size || len > ws->size - off) return -EINVAL;
    int r = note(ws, off, len);
    if (r < 0) return r;
    ws->changes++;
    return ws->base.write_zeroes(ws->base.opaque, off, len, may_unmap);
}

int writeset_init(struct writeset *ws, const struct block_backend *base)
{
    static unsigned opens;
    memset(ws, 0, sizeof(*ws));
    ws->granules = (base->size_bytes + G - 1) / G;
    if (granmap_init(&ws->written, (ws->granules + 31) / 32) < 0) return -1;
    ws->base = *base;
    ws->size = base->size_bytes;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    ws->open_id = fmix64(mix_word(mix_word(mix_word((uint64_t)getpid(), (uint64_t)now.tv_sec),
                                           (uint64_t)now.tv_nsec), ++opens));
    /* Only what the image offers: the device then offers the same features as without the record. */
    ws->backend = (struct block_backend){
        .read = ws_read,
        .write = base->write ? ws_write : NULL,
        .flush = base->flush ? ws_flush : NULL,
        .discard = base->discard ? ws_discard : NULL,
        .write_zeroes = base->write_zeroes ? ws_write_zeroes : NULL,
        .size_bytes = base->size_bytes,
        .read_only = base->read_only,
        .opaque = ws,
    };
    return 0;
}

void writeset_free(struct writeset *ws) { granmap_free(&ws->written); }

/* Runs of recorded granules: from the record itself, or from a list of (first, count) extents. */
struct extent_iter {
    const struct writeset *record;   /* the record itself, or NULL: the extents below */
    const uint64_t *extents;         /* first, count pairs */
    uint64_t nextents, at;
};

static bool next_extent(struct extent_iter *it, uint64_t from, uint64_t *first, uint64_t *count)
{
    if (it->record) {
        uint64_t g = next_marked(it->record, from);
        if (g >= it->record->granules) return false;
        uint64_t e = g + 1;
        while (e < it->record->granules && writeset_has(it->record, e)) e++;
        *first = g, *count = e - g;
        return true;
    }
    if (it->at == it->nextents) return false;
    *first = it->extents[2 * it->at], *count = it->extents[2 * it->at + 1];
    it->at++;
    return true;
}

static int hash_extents(struct writeset *ws, struct extent_iter *it, uint64_t *out)
{
    uint8_t *buf = malloc(HASH_RUN);
    if (!buf) return -ENOMEM;
    uint64_t h = ws->size, first, count, from = 0;
    int r = 0;
    while (r == 0 && next_extent(it, from, &first, &count)) {
        h = mix_word(mix_word(h, first), count);
        uint64_t off = first * G, end = (first + count) * G;
        if (end > ws->size) end = ws->size;
        while (off < end && r == 0) {
            size_t n = end - off < HASH_RUN ? (size_t)(end - off) : HASH_RUN;
            r = ws->base.read(ws->base.opaque, off, buf, n);
            for (size_t i = 0; i < n; i += 8) h = mix_word(h, le_load64(buf + i));   /* n is a multiple of 512 */
            off += n;
        }
        from = first + count;
    }
    free(buf);
    *out = fmix64(h);
    return r;
}

int writeset_hash(struct writeset *ws, uint64_t *hash)
{
    struct extent_iter it = { .record = ws };
    return hash_extents(ws, &it, hash);
}

int writeset_save(struct writeset *ws, struct state_writer *w)
{
    uint64_t hash;
    int r = writeset_hash(ws, &hash);
    if (r < 0) return r;
    state_put_u64(w, ws->open_id);
    state_put_u64(w, ws->changes);
    size_t count_at = w->len;
    state_put_u64(w, 0);
    struct extent_iter it = { .record = ws };
    uint64_t first, count, from = 0, n = 0;
    while (next_extent(&it, from, &first, &count)) {
        state_put_u64(w, first);
        state_put_u64(w, count);
        from = first + count;
        n++;
    }
    if (!w->failed) le_store64(w->data + count_at, n);
    state_put_u64(w, hash);
    return 0;
}

void writeset_load(struct writeset *ws, struct state_reader *r, bool apply, bool *modified, bool *differs)
{
    *modified = *differs = false;
    uint64_t open_id = state_get_u64(r), changes = state_get_u64(r);
    uint64_t n = state_get_below(r, ws->granules / 2 + 2, "written extents");
    if (r->failed) return;
    uint64_t *extents = malloc((size_t)(n ? n : 1) * 2 * sizeof(*extents));
    if (!extents) {
        state_reader_fail(r, "out of memory");
        return;
    }
    for (uint64_t i = 0, next = 0; i < n && !r->failed; i++) {
        uint64_t first = state_get_u64(r), count = state_get_u64(r);
        if (!r->failed && (first < next || count == 0 || first >= ws->granules || count > ws->granules - first))
            state_reader_fail(r, "written extent %llu+%llu out of order", (unsigned long long)first,
                              (unsigned long long)count);
        extents[2 * i] = first, extents[2 * i + 1] = count;
        next = first + count;
    }
    uint64_t saved_hash = state_get_u64(r);
    if (!r->failed) {
        if (open_id == ws->open_id && changes != ws->changes) {
            *modified = true;
        } else {
            struct extent_iter it = { .extents = extents, .nextents = n };
            uint64_t now;
            int e = hash_extents(ws, &it, &now);
            if (e < 0) state_reader_fail(r, "reading the disk: %s", strerror(-e));
            else if (now != saved_hash) *differs = true;
        }
    }
    if (apply && !r->failed && !*modified && !*differs) {
        for (uint64_t i = 0; i < n && !r->failed; i++)
            for (uint64_t g = extents[2 * i]; g < extents[2 * i] + extents[2 * i + 1]; g++)
                if (mark(ws, g) < 0) {
                    state_reader_fail(r, "out of memory");
                    break;
                }
    }
    free(extents);
}
