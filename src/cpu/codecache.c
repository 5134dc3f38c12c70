/* Decoded-instruction cache keyed by physical page, kept coherent with guest memory by the bus. */
#include "codecache.h"

#include <stdlib.h>
#include <string.h>

#include "../mem/bus.h"

static void set_sentinels(struct insn *slots)
{
    for (unsigned i = CODECACHE_SLOTS; i < CODECACHE_SLOTS_ALLOC; i++)
        slots[i] = (struct insn){ .op = OP_PAGE_END };
}

struct insn *codecache_page(struct bus *b, struct bus_region *r, uint64_t paddr)
{
    uint64_t idx = (paddr - r->base) >> 12;
    struct insn *slots = r->decoded[idx];
    if (!slots) {
        /* calloc: OP_DECODE is 0, and untouched parts of a large zeroed block cost no memory. */
        slots = calloc(CODECACHE_SLOTS_ALLOC, sizeof(struct insn));
        if (!slots) return NULL;
        set_sentinels(slots);
        r->decoded[idx] = slots;
    }
    if (!(r->page_flags[idx] & PAGE_HAS_CODE)) {
        r->page_flags[idx] |= PAGE_HAS_CODE;
        if (b->code_page_added) b->code_page_added(b->code_opaque, r->base + (idx << 12));
    }
    return slots;
}

void codecache_invalidate(struct bus_region *r, uint64_t page_index)
{
    struct insn *slots = r->decoded[page_index];
    r->page_flags[page_index] &= (uint8_t)~PAGE_HAS_CODE;
    if (slots) memset(slots, 0, CODECACHE_SLOTS * sizeof(struct insn));
}

void codecache_free_region(struct bus_region *r)
{
    if (!r->decoded) return;
    for (uint64_t i = 0; i < r->size >> 12; i++) free(r->decoded[i]);
}
