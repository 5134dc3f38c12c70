/* The TLB's maintenance: flushes by privilege level, guest (V=1) slot selection by hgatp and vsatp,
 * the fences' page- and VMID-narrowed drops, and dropping write and fetch entries of pages that code
 * or watches now cover (privileged spec 1.12 4.2.1 SFENCE.VMA; Hypervisor extension 1.0, the HFENCE
 * instructions). The walks and the fills are in mmu.c. */
#include "mmu.h"

#include <string.h>

#include "../cpu/hart.h"
#include "tlb_tag.h"

static void flush_data_set(struct tlb_data_set *s)
{
    if (s->nlog > TLB_LOG_SIZE) {
        for (unsigned j = 0; j < TLB_SIZE; j++) {
            SET_TAG(&s->r[j].tag, TLB_INVALID);
            SET_TAG(&s->w[j].tag, TLB_INVALID);
        }
    } else {
        for (unsigned i = 0; i < s->nlog; i++) {
            unsigned c = s->log[i];
            if (c & TLB_LOG_WRITE) SET_TAG(&s->w[c & (TLB_SIZE - 1)].tag, TLB_INVALID);
            else SET_TAG(&s->r[c].tag, TLB_INVALID);
        }
    }
    s->nlog = 0;
    GA_STORE(&s->used, false, GA_RELAXED);
}

static void flush_fetch_set(struct tlb_fetch_set *s)
{
    if (s->nlog > TLB_LOG_SIZE) {
        for (unsigned j = 0; j < TLB_SIZE; j++) SET_TAG(&s->x[j].tag, TLB_INVALID);
    } else {
        for (unsigned i = 0; i < s->nlog; i++) SET_TAG(&s->x[s->log[i]].tag, TLB_INVALID);
    }
    s->nlog = 0;
    GA_STORE(&s->used, false, GA_RELAXED);
}

void mmu_flush_fetch(struct hart *h)
{
    for (unsigned i = 0; i < ITLB_SETS; i++)
        if (h->itlbs[i].used) flush_fetch_set(&h->itlbs[i]);
}

static void flush_sets(struct hart *h, unsigned d0, unsigned dn, unsigned f0, unsigned fn)
{
    for (unsigned i = d0; i < d0 + dn; i++)
        if (h->dtlbs[i].used) flush_data_set(&h->dtlbs[i]);
    for (unsigned i = f0; i < f0 + fn; i++)
        if (h->itlbs[i].used) flush_fetch_set(&h->itlbs[i]);
}

static void flush_vslot(struct hart *h, unsigned s)
{
    flush_sets(h, DTLB_SETS_V0 + s * DTLB_VSETS, DTLB_VSETS, ITLB_SETS_V0 + s * ITLB_VSETS, ITLB_VSETS);
    h->vslots[s].notes.n = 0;
}

void mmu_flush_all(struct hart *h)
{
    mmu_flush_hs(h);
    for (unsigned s = 0; s < TLB_VSLOTS; s++) flush_vslot(h, s);
}

void mmu_flush_hs(struct hart *h)
{
    flush_sets(h, 0, DTLB_SETS_V0, 0, ITLB_SETS_V0);
    h->super_notes.n = 0;
}

unsigned mmu_vslot_select(struct hart *h)
{
    struct tlb_vslot *v = &h->vslots[h->vslot];
    if (!v->live || v->hgatp != h->hgatp || v->vsatp != h->vsatp) {
        unsigned pick = TLB_VSLOTS, lru = 0;
        for (unsigned s = 0; s < TLB_VSLOTS && pick == TLB_VSLOTS; s++) {
            const struct tlb_vslot *c = &h->vslots[s];
            if (c->live && c->hgatp == h->hgatp && c->vsatp == h->vsatp) pick = s;
            else if (h->vslots[lru].live && (!c->live || c->stamp < h->vslots[lru].stamp)) lru = s;
        }
        if (pick == TLB_VSLOTS) {
            /* A new key: empty the least recently selected slot (or an unused one) for it. */
            pick = lru;
            flush_vslot(h, pick);
            h->vslots[pick].live = true;
            h->vslots[pick].hgatp = h->hgatp;
            h->vslots[pick].vsatp = h->vsatp;
        }
        h->vslot = pick;
        v = &h->vslots[pick];
    }
    v->stamp = ++h->vslot_clock;
    return h->vslot;
}

/* A slot a fence names: its VMID is `vmid` and its vsatp's ASID `asid` (MMU_FENCE_ALL: any). A
 * fence with an ASID leaves global mappings of other ASIDs alone (4.2.1), so a slot made under
 * another ASID holds nothing it must drop. */
static bool vslot_fenced(const struct tlb_vslot *v, uint64_t vmid, uint64_t asid)
{
    return v->live && (vmid == MMU_FENCE_ALL || TLB_VMID(v->hgatp) == vmid) &&
           (asid == MMU_FENCE_ALL || ((v->vsatp >> 44) & 0xffff) == asid);
}

void mmu_flush_virt(struct hart *h, uint64_t vmid, uint64_t asid)
{
    for (unsigned s = 0; s < TLB_VSLOTS; s++)
        if (vslot_fenced(&h->vslots[s], vmid, asid)) flush_vslot(h, s);
}

/* An entry for va's page in data sets [d0, d0+dn) and fetch sets [f0, f0+fn), and those noted
 * as filled from a superpage holding va; false when the notes overflowed (flush the sets). */
static bool flush_page_in(struct hart *h, struct tlb_super_notes *notes, uint64_t va, unsigned d0, unsigned dn,
                          unsigned f0, unsigned fn)
{
    if (notes->n > TLB_SUPER_NOTES) return false;
    /* Entries backed by a superpage that holds va: their tags name other 4 KiB pages. */
    for (unsigned i = 0; i < notes->n; i++) {
        const struct tlb_super_note *n = &notes->note[i];
        if ((va & ~n->mask) == n->base) SET_TAG(n->tag, TLB_INVALID);
    }
    uint64_t tag = va & ~0xfffull;
    unsigned idx = (va >> 12) & (TLB_SIZE - 1);
    for (unsigned i = d0; i < d0 + dn; i++) {
        if (GET_TAG(&h->dtlbs[i].r[idx].tag) == tag) SET_TAG(&h->dtlbs[i].r[idx].tag, TLB_INVALID);
        if (GET_TAG(&h->dtlbs[i].w[idx].tag) == tag) SET_TAG(&h->dtlbs[i].w[idx].tag, TLB_INVALID);
    }
    for (unsigned i = f0; i < f0 + fn; i++)
        if (GET_TAG(&h->itlbs[i].x[idx].tag) == tag) SET_TAG(&h->itlbs[i].x[idx].tag, TLB_INVALID);
    return true;
}

void mmu_flush_virt_va(struct hart *h, uint64_t vmid, uint64_t asid, uint64_t va)
{
    for (unsigned s = 0; s < TLB_VSLOTS; s++)
        if (vslot_fenced(&h->vslots[s], vmid, asid) &&
            !flush_page_in(h, &h->vslots[s].notes, va, DTLB_SETS_V0 + s * DTLB_VSETS, DTLB_VSETS,
                           ITLB_SETS_V0 + s * ITLB_VSETS, ITLB_VSETS))
            flush_vslot(h, s);
}

void mmu_flush_va(struct hart *h, uint64_t va)
{
    if (!flush_page_in(h, &h->super_notes, va, 0, DTLB_SETS_V0, 0, ITLB_SETS_V0)) mmu_flush_hs(h);
}

/* The next three may run on another hart's thread: they only read entries and invalidate tags. */
void mmu_drop_writes_in(struct hart *h, const uint8_t *host, size_t len)
{
    for (unsigned i = 0; i < DTLB_SETS; i++) {
        struct tlb_data_set *s = &h->dtlbs[i];
        if (!GA_LOAD(&s->used, GA_RELAXED)) continue;
        for (unsigned j = 0; j < TLB_SIZE; j++) {
            struct tlb_entry *e = &s->w[j];
            uint64_t tag = GET_TAG(&e->tag);
            if (tag != TLB_INVALID && (uintptr_t)tag + GA_LOAD(&e->addend, GA_RELAXED) - (uintptr_t)host < len)
                SET_TAG(&e->tag, TLB_INVALID);
        }
    }
}

/* Every entry's page start (tag + addend) is that of a whole host page, and two distinct pages' starts
 * lie at least a page apart, so the one page is the range of its 4096 bytes. */
void mmu_drop_writes_to(struct hart *h, const uint8_t *host_page) { mmu_drop_writes_in(h, host_page, 4096); }

void mmu_drop_fetch_page(struct hart *h, uint64_t paddr)
{
    for (unsigned i = 0; i < ITLB_SETS; i++) {
        struct tlb_fetch_set *s = &h->itlbs[i];
        if (!GA_LOAD(&s->used, GA_RELAXED)) continue;
        for (unsigned j = 0; j < TLB_SIZE; j++) {
            struct tlb_fetch_entry *e = &s->x[j];
            if (GET_TAG(&e->tag) != TLB_INVALID && GA_LOAD(&e->paddr, GA_RELAXED) == paddr)
                SET_TAG(&e->tag, TLB_INVALID);
        }
    }
}
