/* Decoded-instruction cache keyed by physical page, kept coherent with guest memory by the bus. */
#include "codecache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../mem/bus.h"
#include "../util/guest_atomic.h"

/* Slot arrays taken out of service while hart threads run (docs/threads.md "Decoded code"): a
 * thread may still be executing in one, so it is freed only once every hart thread has passed a
 * slice boundary after it was retired (its published epoch is beyond the retirement's). */
static pthread_mutex_t retired_lock = PTHREAD_MUTEX_INITIALIZER;
static struct retired { struct insn *slots; uint64_t epoch; } *retired;
static size_t n_retired, cap_retired;
static uint64_t global_epoch = 1;

uint64_t codecache_epoch(void) { return GA_LOAD(&global_epoch, GA_SEQ_CST); }

static void retire(struct insn *slots)
{
    pthread_mutex_lock(&retired_lock);
    if (n_retired == cap_retired) {
        size_t cap = cap_retired ? 2 * cap_retired : 64;
        struct retired *n = realloc(retired, cap * sizeof(*n));
        if (!n) {   /* out of memory: keep the slots for ever rather than free them under a hart */
            pthread_mutex_unlock(&retired_lock);
            return;
        }
        retired = n;
        cap_retired = cap;
    }
    retired[n_retired].slots = slots;
    retired[n_retired].epoch = GA_FETCH_ADD(&global_epoch, 1, GA_SEQ_CST);
    n_retired++;
    pthread_mutex_unlock(&retired_lock);
}

void codecache_reclaim(uint64_t min_seen)
{
    if (pthread_mutex_trylock(&retired_lock)) return;   /* another thread is at it */
    size_t k = 0;
    for (size_t i = 0; i < n_retired; i++) {
        if (retired[i].epoch < min_seen) free(retired[i].slots);
        else retired[k++] = retired[i];
    }
    n_retired = k;
    pthread_mutex_unlock(&retired_lock);
}

static void set_sentinels(struct insn *slots)
{
    for (unsigned i = CODECACHE_SLOTS; i < CODECACHE_SLOTS_ALLOC; i++)
        slots[i] = (struct insn){ .op = OP_PAGE_END };
}

struct insn *codecache_page(struct bus *b, struct bus_region *r, uint64_t paddr)
{
    uint64_t idx = (paddr - r->base) >> 12;
    struct insn *slots = GA_LOAD(&r->decoded[idx], GA_ACQUIRE);
    if (!slots) {
        /* calloc: OP_DECODE is 0, and untouched parts of a large zeroed block cost no memory. */
        slots = calloc(CODECACHE_SLOTS_ALLOC, sizeof(struct insn));
        if (!slots) return NULL;
        set_sentinels(slots);
        struct insn *none = NULL;
        if (!GA_CAS(&r->decoded[idx], &none, slots, GA_ACQ_REL)) {   /* another hart was first */
            free(slots);
            slots = none;
        }
    }
    if (!(GA_LOAD(&r->page_flags[idx], GA_SEQ_CST) & PAGE_HAS_CODE)) {
        GA_FETCH_OR(&r->page_flags[idx], (uint8_t)PAGE_HAS_CODE, GA_SEQ_CST);
        if (b->code_page_added) b->code_page_added(b->code_opaque, r->base + (idx << 12));
    }
    return slots;
}

void codecache_invalidate(struct bus_region *r, uint64_t page_index)
{
    GA_FETCH_AND(&r->page_flags[page_index], (uint8_t)~PAGE_HAS_CODE, GA_SEQ_CST);
    if (!r->concurrent) {
        /* One thread: the slots stay allocated and re-decode lazily, so the hart executing in this
         * page (the one whose store got here) stays safe. */
        struct insn *slots = r->decoded[page_index];
        if (slots) {
            memset(slots, 0, CODECACHE_SLOTS * sizeof(struct insn));
            slots[CODECACHE_SLOTS].raw = 0;   /* the write tallies (codecache_invalidate_range) */
            slots[CODECACHE_SLOTS].imm = 0;
        }
        return;
    }
    /* Hart threads: take the slots out of service, make every hart's fetch TLB forget them (the
     * bus's callback), and free them once no thread can be executing in them. */
    struct insn *old = GA_XCHG(&r->decoded[page_index], NULL, GA_SEQ_CST);
    if (r->code_page_dropped) r->code_page_dropped(r->code_opaque, r->base + (page_index << 12));
    if (old) retire(old);
}

/* Bytes of code slot j's decode read, as page offsets [*from, *to). A spin's branch also looked at
 * its loop body when decoded (interp.c spin_loop), but that only decides where a slice may end,
 * never what the branch does, so a body rewritten under it is not followed. */
static void slot_reads(const struct insn *slot, uint16_t op, unsigned j, unsigned *from, unsigned *to)
{
    unsigned len = op == OP_BUSY ? FUSED_MAX_BYTES : insn_group_bytes(op);
    if (!len) {
        /* Relaxed: with hart threads another thread may be (re)decoding this slot right now; the
         * caller then retires the whole page whatever length it reads. */
        len = GA_LOAD(&slot->len, GA_RELAXED);
        if (!len) len = 4;   /* a breakpoint planted in an empty slot */
    }
    *from = 2 * j;
    *to = 2 * j + len;
}

bool codecache_invalidate_range(struct bus_region *r, uint64_t page_index, unsigned lo, unsigned hi)
{
    struct insn *slots = GA_LOAD(&r->decoded[page_index], GA_ACQUIRE);
    if (!slots) {   /* marked, but the slots are being replaced: the whole-page path copes */
        codecache_invalidate(r, page_index);
        return true;
    }
    /* A page that keeps being written has likely become data (an OS reusing a freed code page):
     * after enough writes, or writes into decoded code, it is forgotten whole, as before, so that
     * its stores regain the write TLB's fast path; code still running there marks it again. */
    struct insn *tally = &slots[CODECACHE_SLOTS];
    uint32_t writes = r->concurrent ? GA_FETCH_ADD(&tally->raw, 1u, GA_RELAXED) + 1 : ++tally->raw;
    if (writes >= CODECACHE_WRITES_TO_FORGET) {
        codecache_invalidate(r, page_index);
        return true;
    }
    /* Only slots starting less than FUSED_MAX_BYTES before lo, and before hi, can have read
     * [lo, hi); each is checked against what its own decode read. */
    unsigned first = lo >= FUSED_MAX_BYTES ? (lo - FUSED_MAX_BYTES) / 2 + 1 : 0;
    unsigned last = (hi + 1) / 2;
    /* Hart threads: a slot read as OP_DECODE here may be claimed by another thread at this moment.
     * This fence and the one after op_decode's claim (interp_body.inc) order the two: either we see
     * its claim (and retire the page below), or its decode reads the bytes just stored. */
    if (r->concurrent) GA_FENCE(GA_SEQ_CST);
    /* The common case, data next to code: no slot there is decoded (one pass, no branches). */
    unsigned any = 0;
    for (unsigned j = first; j < last; j++) any |= GA_LOAD(&slots[j].op, GA_RELAXED);
    if (!any) return false;
    bool hit = false;
    for (unsigned j = first; j < last; j++) {
        uint16_t op = GA_LOAD(&slots[j].op, GA_ACQUIRE);
        if (op == OP_DECODE || op == OP_CROSS_PAGE) continue;   /* a cross-page slot refetches every run */
        unsigned from, to;
        slot_reads(&slots[j], op, j, &from, &to);
        if (from >= hi || to <= lo) continue;
        if (r->concurrent) {
            /* Another hart thread may be reading this slot's fields right now, and a re-decode
             * in place would rewrite them under it: retire the whole page instead. */
            codecache_invalidate(r, page_index);
            return true;
        }
        /* One thread: the slot decodes again when next reached, even within the running block. */
        GA_STORE(&slots[j].op, (uint16_t)OP_DECODE, GA_RELAXED);
        hit = true;
    }
    if (hit && ++tally->imm >= CODECACHE_PATCHES_TO_FORGET) codecache_invalidate(r, page_index);
    return hit;
}

void codecache_free_region(struct bus_region *r)
{
    if (!r->decoded) return;
    for (uint64_t i = 0; i < r->size >> 12; i++) free(r->decoded[i]);
}
