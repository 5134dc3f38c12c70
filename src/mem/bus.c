/* Physical address map: memory regions with host pointers and device regions with callbacks. */
#include "bus.h"

#include <stdlib.h>
#include <string.h>

#include "../cpu/codecache.h"
#include "../util/endian.h"
#include "../util/guest_atomic.h"

void bus_init(struct bus *b) { memset(b, 0, sizeof(*b)); }

void bus_destroy(struct bus *b)
{
    for (unsigned i = 0; i < b->count; i++) {
        struct bus_region *r = &b->regions[i];
        if (!r->is_memory) continue;
        codecache_free_region(r);
        codecache_reclaim(UINT64_MAX);
        free(r->decoded);
        free(r->page_flags);
        free(r->host);
    }
    b->count = 0;
}

static struct bus_region *add_region(struct bus *b, const char *name, uint64_t base, uint64_t size)
{
    if (b->count >= BUS_MAX_REGIONS || size == 0 || base + size < base) return NULL;
    for (unsigned i = 0; i < b->count; i++) {
        const struct bus_region *o = &b->regions[i];
        if (base < o->base + o->size && o->base < base + size) return NULL;
    }
    struct bus_region *r = &b->regions[b->count++];
    memset(r, 0, sizeof(*r));
    r->name = name;
    r->base = base;
    r->size = size;
    return r;
}

struct bus_region *bus_add_memory(struct bus *b, const char *name, uint64_t base, uint64_t size, bool read_only)
{
    if ((base | size) & 0xfff) return NULL;
    struct bus_region *r = add_region(b, name, base, size);
    if (!r) return NULL;
    uint64_t pages = size >> 12;
    r->is_memory = true;
    r->read_only = read_only;
    r->host = calloc(1, (size_t)size);
    r->page_flags = calloc((size_t)pages, 1);
    r->decoded = calloc((size_t)pages, sizeof(struct insn *));
    if (!r->host || !r->page_flags || !r->decoded) {
        free(r->host); free(r->page_flags); free(r->decoded);
        b->count--;
        return NULL;
    }
    return r;
}

struct bus_region *bus_add_device(struct bus *b, const char *name, uint64_t base, uint64_t size,
                                  const struct mmio_ops *ops, void *opaque)
{
    struct bus_region *r = add_region(b, name, base, size);
    if (!r) return NULL;
    r->ops = ops;
    r->opaque = opaque;
    return r;
}

struct bus_region *bus_find(struct bus *b, uint64_t paddr)
{
    for (unsigned i = 0; i < b->count; i++) {
        struct bus_region *r = &b->regions[i];
        if (paddr - r->base < r->size) return r;
    }
    return NULL;
}

uint8_t *bus_host_ptr(struct bus *b, uint64_t paddr, uint64_t len)
{
    struct bus_region *r = bus_find(b, paddr);
    if (!r || !r->is_memory || len > r->size - (paddr - r->base)) return NULL;
    return r->host + (paddr - r->base);
}

void bus_set_concurrent(struct bus *b, bool on, void (*code_page_dropped)(void *, uint64_t), void *opaque)
{
    for (unsigned i = 0; i < b->count; i++) {
        struct bus_region *r = &b->regions[i];
        if (!r->is_memory) continue;
        r->concurrent = on;
        r->code_page_dropped = code_page_dropped;
        r->code_opaque = opaque;
    }
}

static void mmio_lock(struct bus *b)
{
    if (b->mmio_lock) b->lock(b->mmio_lock);
}
static void mmio_unlock(struct bus *b)
{
    if (b->mmio_lock) b->unlock(b->mmio_lock);
}

bool bus_memory_written(struct bus *b, struct bus_region *r, uint64_t paddr, uint64_t len)
{
    bool code = false;
    if (len == 0) return false;
    uint64_t first = (paddr - r->base) >> 12, last = (paddr - r->base + len - 1) >> 12;
    for (uint64_t p = first; p <= last; p++) {
        uint64_t lo = paddr > r->base + (p << 12) ? paddr : r->base + (p << 12);
        uint64_t hi = paddr + len < r->base + ((p + 1) << 12) ? paddr + len : r->base + ((p + 1) << 12);
        /* An atomic OR: another hart thread may be setting PAGE_HAS_CODE meanwhile. */
        uint8_t f = GA_LOAD(&r->page_flags[p], GA_SEQ_CST);
        if (!(f & PAGE_DIRTY)) f = GA_FETCH_OR(&r->page_flags[p], (uint8_t)PAGE_DIRTY, GA_SEQ_CST);
        /* Only the decoded slots that read the written bytes are forgotten: data next to code
         * (and a loop storing there) must not cost the whole page's decode. */
        if ((f & PAGE_HAS_CODE) &&
            codecache_invalidate_range(r, p, (unsigned)(lo - r->base) & 0xfff, (unsigned)((hi - 1 - r->base) & 0xfff) + 1))
            code = true;
        if ((f & PAGE_WATCHED) && b->watch) {
            mmio_lock(b);
            b->watch(b->watch_opaque, lo, (unsigned)(hi - lo));
            mmio_unlock(b);
        }
    }
    return code;
}

void bus_watch_page(struct bus *b, uint64_t paddr)
{
    struct bus_region *r = bus_find(b, paddr);
    if (r && r->is_memory) r->page_flags[(paddr - r->base) >> 12] |= PAGE_WATCHED;
}

int bus_read(struct bus *b, uint64_t paddr, unsigned size, uint64_t *value)
{
    struct bus_region *r = bus_find(b, paddr);
    if (!r) return -1;
    uint64_t off = paddr - r->base;
    if (size > r->size - off) {
        /* Straddles the region's end: byte by byte, each byte finds its own region. */
        uint64_t v = 0;
        for (unsigned i = 0; i < size; i++) {
            uint64_t byte;
            if (bus_read(b, paddr + i, 1, &byte)) return -1;
            v |= byte << (8 * i);
        }
        *value = v;
        return 0;
    }
    if (r->is_memory) {
        /* Aligned: one relaxed atomic access, as the interpreter's (util/guest_atomic.h). */
        *value = (off & (size - 1)) ? le_load(r->host + off, size) : ga_load(r->host + off, size);
        return 0;
    }
    if (!r->ops->read) return -1;
    /* Devices: one access at a time, from whichever hart thread (the device lock). */
    mmio_lock(b);
    int rc = 0;
    if ((off & (size - 1)) == 0) {
        rc = r->ops->read(r->opaque, off, size, value);
    } else {
        uint64_t v = 0;
        for (unsigned i = 0; i < size && rc == 0; i++) {
            uint64_t byte = 0;
            rc = r->ops->read(r->opaque, off + i, 1, &byte);
            v |= (byte & 0xff) << (8 * i);
        }
        if (rc == 0) *value = v;
    }
    mmio_unlock(b);
    return rc;
}

int bus_write(struct bus *b, uint64_t paddr, unsigned size, uint64_t value)
{
    struct bus_region *r = bus_find(b, paddr);
    if (!r) return -1;
    uint64_t off = paddr - r->base;
    if (size > r->size - off) {
        for (unsigned i = 0; i < size; i++)
            if (bus_write(b, paddr + i, 1, (value >> (8 * i)) & 0xff)) return -1;
        return 0;
    }
    if (r->is_memory) {
        if (r->read_only) return -1;
        if (off & (size - 1)) le_store(r->host + off, value, size);
        else ga_store(r->host + off, value, size);
        bus_memory_written(b, r, paddr, size);
        return 0;
    }
    if (!r->ops->write) return -1;
    mmio_lock(b);
    int rc = 0;
    if ((off & (size - 1)) == 0) {
        rc = r->ops->write(r->opaque, off, size, value);
    } else {
        for (unsigned i = 0; i < size && rc == 0; i++) rc = r->ops->write(r->opaque, off + i, 1, (value >> (8 * i)) & 0xff);
    }
    mmio_unlock(b);
    return rc;
}

int bus_copy_to_guest(struct bus *b, uint64_t paddr, const void *src, uint64_t len)
{
    struct bus_region *r = bus_find(b, paddr);
    if (!r || !r->is_memory || len > r->size - (paddr - r->base)) return -1;
    memcpy(r->host + (paddr - r->base), src, (size_t)len);
    bus_memory_written(b, r, paddr, len);
    return 0;
}

int bus_copy_from_guest(struct bus *b, uint64_t paddr, void *dst, uint64_t len)
{
    const uint8_t *p = bus_host_ptr(b, paddr, len);
    if (!p) return -1;
    memcpy(dst, p, (size_t)len);
    return 0;
}
