/* The RAM section of a snapshot: sparse (only resident, non-zero pages) and deduplicated (a page with
 * the same 4 KiB as an earlier one is a reference to it); docs/snapshots.md, "RAM". */
#define _DEFAULT_SOURCE   /* mincore(2) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../cpu/codecache.h"
#include "../util/endian.h"
#include "machine_internal.h"
#include "snapshot_internal.h"

#define PAGE 4096u
#define RAM_DATA 0xffffffffu   /* directory: the page's bytes follow (otherwise: the page it copies) */

/* Payload: u64 RAM size, u64 n, n directory entries (u32 page, u32 RAM_DATA or the number of an earlier
 * page in the directory holding the same bytes), pages in ascending order; then the bytes of the
 * RAM_DATA pages, in directory order. The length is known before any page is written, so the
 * section streams out of guest RAM without being held whole. */

static struct bus_region *ram_region(struct machine *m) { return bus_find(&m->bus, BOARD_RAM_BASE); }

/* Which host pages of RAM are resident (RAM is mapped lazily: a page never touched is zero and not
 * resident). NULL when it cannot be known (then every page counts as resident). */
struct residency {
    unsigned char *map;
    uintptr_t start;
    uintptr_t hp;
};

static void residency_init(struct residency *res, const struct bus_region *r)
{
    long hp = sysconf(_SC_PAGESIZE);
    res->map = NULL;
    if (hp <= 0) return;
    res->hp = (uintptr_t)hp;
    res->start = (uintptr_t)r->host & ~(res->hp - 1);
    uintptr_t end = (uintptr_t)r->host + r->size;
    res->map = malloc((end - res->start + res->hp - 1) / res->hp);
    if (res->map && mincore((void *)res->start, end - res->start, (void *)res->map) != 0) {
        free(res->map);
        res->map = NULL;
    }
}

static bool resident(const struct residency *res, const uint8_t *host)
{
    if (!res->map) return true;
    size_t i = ((uintptr_t)host - res->start) / res->hp, j = ((uintptr_t)host + PAGE - 1 - res->start) / res->hp;
    for (size_t k = i; k <= j; k++)
        if (res->map[k] & 1) return true;
    return false;
}

/* A fast 64-bit hash of a page (only compared within this process: a match is confirmed by memcmp).
 * Four independent lanes, so that the multiplies overlap instead of waiting on each other. */
static uint64_t page_hash(const uint8_t *p)
{
    uint64_t h[4] = { 0x9e3779b97f4a7c15ull, 0xc2b2ae3d27d4eb4full, 0x165667b19e3779f9ull, 0x27d4eb2f165667c5ull };
    for (unsigned i = 0; i < PAGE; i += 32)
        for (unsigned k = 0; k < 4; k++) {
            uint64_t v;
            memcpy(&v, p + i + 8 * k, 8);
            h[k] = (h[k] ^ v) * 0xff51afd7ed558ccdull;
            h[k] ^= h[k] >> 29;
        }
    return (h[0] ^ (h[1] * 3) ^ (h[2] * 5) ^ (h[3] * 7)) * 0xc4ceb9fe1a85ec53ull;
}

static const uint8_t zero_page[PAGE];

void snapshot_ram_save(struct machine *m, struct state_writer *w)
{
    struct bus_region *r = ram_region(m);
    uint64_t pages = r->size / PAGE;
    struct residency res;
    residency_init(&res, r);
    /* The pages to save: resident and not all zero. */
    uint32_t *dir = malloc((size_t)(pages ? pages : 1) * 2 * sizeof(uint32_t));
    if (!dir) {
        free(res.map);
        w->failed = true;
        return;
    }
    uint64_t n = 0;
    for (uint64_t p = 0; p < pages; p++) {
        const uint8_t *host = r->host + p * PAGE;
        if (!resident(&res, host) || !memcmp(host, zero_page, PAGE)) continue;
        dir[2 * n] = (uint32_t)p;
        dir[2 * n + 1] = RAM_DATA;
        n++;
    }
    free(res.map);
    /* Copies of an earlier page (Linux does not zero the pages it frees: a file copied and the original
     * deleted leaves two page-aligned copies). Open addressing on the page hash. */
    size_t slots = 16;
    while (slots < 2 * n) slots *= 2;
    struct slot { uint64_t hash; uint32_t page1; } *table = calloc(slots, sizeof(*table));
    uint64_t ndata = n;
    if (table) {
        for (uint64_t i = 0; i < n; i++) {
            const uint8_t *host = r->host + (uint64_t)dir[2 * i] * PAGE;
            uint64_t h = page_hash(host);
            for (size_t k = (size_t)h & (slots - 1);; k = (k + 1) & (slots - 1)) {
                if (!table[k].page1) {
                    table[k].hash = h;
                    table[k].page1 = dir[2 * i] + 1;
                    break;
                }
                if (table[k].hash == h && !memcmp(r->host + (uint64_t)(table[k].page1 - 1) * PAGE, host, PAGE)) {
                    dir[2 * i + 1] = table[k].page1 - 1;
                    ndata--;
                    break;
                }
            }
        }
        free(table);
    }
    state_section_header(w, "ram", SNAP_V_RAM, 16 + 8 * n + (uint64_t)PAGE * ndata);
    state_put_u64(w, r->size);
    state_put_u64(w, n);
    for (uint64_t i = 0; i < 2 * n; i++) state_put_u32(w, dir[i]);
    /* The bytes, a run of consecutive pages at a time, straight from guest RAM to the sink. */
    for (uint64_t i = 0; i < n && !w->failed;) {
        if (dir[2 * i + 1] != RAM_DATA) {
            i++;
            continue;
        }
        uint64_t j = i + 1;
        while (j < n && dir[2 * j + 1] == RAM_DATA && dir[2 * j] == dir[2 * i] + (j - i)) j++;
        state_put_stream(w, r->host + (uint64_t)dir[2 * i] * PAGE, (size_t)(j - i) * PAGE);
        i = j;
    }
    free(dir);
    state_writer_flush(w);
}

static bool fail(char *why, size_t why_len, const char *msg, unsigned long long v)
{
    snprintf(why, why_len, msg, v);
    return false;
}

/* A read from the source failed: its words. */
static bool source_failed(const struct snap_source *src, char *why, size_t why_len)
{
    snprintf(why, why_len, "%s", src->why);
    return false;
}

/* Zero the resident pages in [from, to). */
static void zero_pages(struct bus_region *r, const struct residency *res, uint64_t from, uint64_t to)
{
    for (uint64_t q = from; q < to; q++) {
        uint8_t *host = r->host + q * PAGE;
        if (resident(res, host)) memset(host, 0, PAGE);
    }
}

bool snapshot_ram_load(struct machine *m, struct snap_source *src, uint64_t len, bool apply, char *why, size_t why_len)
{
    struct bus_region *r = ram_region(m);
    uint64_t pages = r->size / PAGE;
    uint8_t head[16];
    if (len < sizeof(head)) return fail(why, why_len, "section 'ram' is %llu bytes", len);
    if (!src->read(src, head, sizeof(head))) return source_failed(src, why, why_len);
    uint64_t size = le_load64(head), n = le_load64(head + 8);
    if (size != r->size) return fail(why, why_len, "section 'ram': %llu bytes of RAM", size);
    if (n > pages) return fail(why, why_len, "section 'ram': %llu RAM pages", n);
    if (len < 16 + 8 * n) return fail(why, why_len, "section 'ram' is %llu bytes", len);
    uint8_t *raw = malloc(n ? (size_t)n * 8 : 1);
    unsigned char *seen = calloc((size_t)(pages / 8 + 1), 1);
    uint32_t *dir = malloc((size_t)(n ? n : 1) * 2 * sizeof(uint32_t));
    bool ok = false;
    if (!raw || !seen || !dir) {
        snprintf(why, why_len, "out of memory");
        goto done;
    }
    if (!src->read(src, raw, (size_t)n * 8)) {
        source_failed(src, why, why_len);
        goto done;
    }
    /* The directory: ascending pages inside RAM; a reference names a page already in it. */
    uint64_t ndata = 0;
    for (uint64_t i = 0; i < n; i++) {
        uint32_t p = le_load32(raw + 8 * i), ref = le_load32(raw + 8 * i + 4);
        if (p >= pages || (i && p <= dir[2 * i - 2])) {
            fail(why, why_len, "section 'ram': RAM page %llu out of order", p);
            goto done;
        }
        if (ref != RAM_DATA && (ref >= p || !(seen[ref / 8] & (1u << (ref % 8))))) {
            fail(why, why_len, "section 'ram': RAM page %llu copies a page not saved before it", p);
            goto done;
        }
        seen[p / 8] |= (unsigned char)(1u << (p % 8));
        dir[2 * i] = p;
        dir[2 * i + 1] = ref;
        ndata += ref == RAM_DATA;
    }
    if (len != 16 + 8 * n + (uint64_t)PAGE * ndata) {
        fail(why, why_len, "section 'ram' is %llu bytes", len);
        goto done;
    }
    if (!apply) {
        ok = src->read(src, NULL, (size_t)(ndata * PAGE)) || source_failed(src, why, why_len);
        goto done;
    }
#ifdef MADV_HUGEPAGE
    /* Populating a fresh machine's RAM 4 KiB at a time is one page fault per page, a third of a load's
     * time on a virtualised host; transparent huge pages (where the host offers them on request) make
     * it one per 2 MiB. A hint: ignored where it is refused. */
    uintptr_t a = ((uintptr_t)r->host + (2u << 20) - 1) & ~(uintptr_t)((2u << 20) - 1);
    uintptr_t b = ((uintptr_t)r->host + r->size) & ~(uintptr_t)((2u << 20) - 1);
    if (b > a) (void)madvise((void *)a, b - a, MADV_HUGEPAGE);
#endif
    struct residency res;
    residency_init(&res, r);
    uint64_t next = 0;   /* pages below it are done */
    ok = true;
    for (uint64_t i = 0; i < n && ok;) {
        uint64_t p = dir[2 * i], j = i + 1;
        zero_pages(r, &res, next, p);
        if (dir[2 * i + 1] == RAM_DATA) {
            /* A run of consecutive pages in one read, straight into guest RAM. */
            while (j < n && dir[2 * j + 1] == RAM_DATA && dir[2 * j] == p + (j - i)) j++;
            ok = src->read(src, r->host + p * PAGE, (size_t)(j - i) * PAGE);
        } else {
            memcpy(r->host + p * PAGE, r->host + (uint64_t)dir[2 * i + 1] * PAGE, PAGE);
        }
        next = dir[2 * j - 2] + 1;
        i = j;
    }
    if (ok) zero_pages(r, &res, next, pages);
    else source_failed(src, why, why_len);
    free(res.map);
    /* Decoded code of the old contents is stale everywhere. */
    for (uint64_t p = 0; p < pages; p++)
        if (r->page_flags[p] & PAGE_HAS_CODE) codecache_invalidate(r, p);
done:
    free(raw);
    free(seen);
    free(dir);
    return ok;
}
