/* Page walks (Sv39/Sv48/Sv57), permission checks, A/D updates and the TLB's slow paths
 * (privileged spec 1.12, sections 4.3.2 "Virtual Address Translation Process", 4.4, 4.5). */
#include "mmu.h"

#include <string.h>

#include "../cpu/codecache.h"
#include "../cpu/csr.h"
#include "../cpu/decode.h"
#include "../cpu/hart.h"
#include "../util/endian.h"
#include "../util/guest_atomic.h"
#include "bus.h"
#include "pmp.h"
#include "tlb_tag.h"

static int page_fault_cause(enum mmu_access a)
{
    return a == MMU_FETCH ? CAUSE_FETCH_PAGE_FAULT : a == MMU_WRITE ? CAUSE_STORE_PAGE_FAULT : CAUSE_LOAD_PAGE_FAULT;
}
static int access_fault_cause(enum mmu_access a)
{
    return a == MMU_FETCH ? CAUSE_FETCH_ACCESS : a == MMU_WRITE ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS;
}
static int guest_page_fault_cause(enum mmu_access a)
{
    return a == MMU_FETCH ? CAUSE_FETCH_GUEST_PAGE_FAULT
           : a == MMU_WRITE ? CAUSE_STORE_GUEST_PAGE_FAULT : CAUSE_LOAD_GUEST_PAGE_FAULT;
}
static bool is_guest_page_fault(int cause)
{
    return cause == CAUSE_FETCH_GUEST_PAGE_FAULT || cause == CAUSE_LOAD_GUEST_PAGE_FAULT ||
           cause == CAUSE_STORE_GUEST_PAGE_FAULT;
}

unsigned mmu_data_priv(const struct hart *h)
{
    if (h->priv == PRV_M && (h->mstatus & MSTATUS_MPRV))
        return (unsigned)((h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    return h->priv;
}

/* Svpbmt (privileged spec, "Svpbmt"): with the extension on and PBMTE set in the envcfg CSR
 * that governs the stage (menvcfg for single-stage and G-stage, henvcfg too for VS-stage), a leaf
 * PTE may carry PBMT in bits 62:61, the value 3 reserved. PMA, NC and IO all behave alike here:
 * vhart has no caches, and each hart's accesses are performed in program order. */
static inline bool pbmt_on(const struct hart *h, bool vs_stage)
{
    uint64_t env = vs_stage ? h->menvcfg & h->henvcfg : h->menvcfg;
    return (h->ext & EXT_SVPBMT) && (env & ENVCFG_PBMTE);
}

/* Svadu: with menvcfg.ADUE (henvcfg.ADUE too for VS-stage) clear, the hardware does not update
 * A/D: an access that would need it is a page fault (the Svade behaviour). Without Svadu in the
 * ISA, vhart updates them. */
static inline bool ad_update_off(const struct hart *h, bool vs_stage)
{
    uint64_t env = vs_stage ? h->menvcfg & h->henvcfg : h->menvcfg;
    return (h->ext & EXT_SVADU) && !(env & ENVCFG_ADUE);
}

bool mmu_data_virt(const struct hart *h)
{
    if (h->virt) return true;
    /* MPRV with MPV: M-mode loads and stores as a guest's ("Hypervisor Extension", mstatus.MPV). */
    return h->priv == PRV_M && (h->mstatus & (MSTATUS_MPRV | MSTATUS_MPV)) == (MSTATUS_MPRV | MSTATUS_MPV) &&
           (h->mstatus & MSTATUS_MPP) != MSTATUS_MPP;
}

/* A fault found by the walker: say why (for the debugger) and return the cause. */
static int walk_fail(struct mmu_walk_trace *trace, int stage, const char *why, int cause)
{
    if (trace) {
        trace->fault_stage = stage;
        trace->why = why;
    }
    return cause;
}
#define RETRY (-1)

/* Read one page-table entry at physical address pte_addr (implicit accesses are checked by PMP as
 * S-mode loads, 3.7.1). The last page read per level is cached as a host pointer. */
static int read_pte(struct hart *h, int level, uint64_t pte_addr, uint64_t *pte)
{
    if (h->pte_pages[level].page == (pte_addr & ~0xfffull)) {
        *pte = ga_load64(h->pte_pages[level].host + (pte_addr & 0xfff));
        return 0;
    }
    bool uniform;
    if (!pmp_allows(h, pte_addr, 8, MMU_READ, PRV_S, &uniform) || bus_read(h->bus, pte_addr, 8, pte)) return -1;
    const uint8_t *host = uniform ? bus_host_ptr(h->bus, pte_addr & ~0xfffull, 4096) : NULL;
    if (host) h->pte_pages[level] = (struct pte_page_cache){ pte_addr & ~0xfffull, host };
    return 0;
}

/* Hardware A/D update, atomic with the PTE read (4.3.2 step 7): a compare-and-swap on guest RAM,
 * so that another hart's change of the PTE in between (e.g. the OS clearing V) is not overwritten;
 * if the PTE changed, the walk starts again (RETRY). -1: access fault. */
static int update_ad(struct hart *h, uint64_t pte_addr, uint64_t pte, uint64_t want)
{
    if (!pmp_allows(h, pte_addr, 8, MMU_WRITE, PRV_S, NULL)) return 1;
    struct bus_region *pr = bus_find(h->bus, pte_addr);
    if (pr && pr->is_memory && !pr->read_only) {
        uint64_t expect = VHART_LE64(pte);
        if (!GA_CAS((uint64_t *)(void *)(pr->host + (pte_addr - pr->base)), &expect, (uint64_t)VHART_LE64(pte | want),
                    GA_SEQ_CST))
            return RETRY;
        bus_memory_written(h->bus, pr, pte_addr, 8);
        return 0;
    }
    return bus_write(h->bus, pte_addr, 8, pte | want) ? 1 : 0;
}

/* Checks common to both stages on a PTE just read (4.3.2 steps 3-4, 5's pointer rules): NULL if it
 * is a usable leaf or pointer, else why not. */
static const char *pte_invalid(uint64_t pte, int level, bool pbmte)
{
    if (!(pte & PTE_V)) return "PTE not valid (V=0)";
    if (!(pte & PTE_R) && (pte & PTE_W)) return "reserved encoding (W=1 without R)";
    if (pte & PTE_RESERVED_MASK) {
        /* Only a leaf's PBMT field may be set, and only with Svpbmt enabled for this stage. */
        if (!pbmte || (pte & PTE_RESERVED_MASK & ~PTE_PBMT) || !(pte & (PTE_R | PTE_X))) return "reserved bits 63:54 set";
        if ((pte & PTE_PBMT) == PTE_PBMT) return "PBMT = 3 (reserved encoding, Svpbmt)";
    }
    if (!(pte & (PTE_R | PTE_X))) {
        /* D, A and U are reserved in non-leaf PTEs (4.3.1). */
        if (level == 0) return "pointer PTE at level 0 (no leaf)";
        if (pte & (PTE_D | PTE_A | PTE_U)) return "D, A or U set in a pointer PTE";
    }
    return NULL;
}

/* G-stage translation of guest physical address gpa by hgatp ("Hypervisor Extension", two-stage
 * address translation): Sv39x4/Sv48x4/Sv57x4, a 16 KiB root indexed by 2 more bits, every access
 * checked as a U-mode one. `perm` is the permission wanted (a VS-stage table read is a read, its
 * A/D update a write), `report` the original access, whose guest-page fault is reported; then
 * h->fault_gpa holds gpa. */
static int g_stage(struct hart *h, uint64_t gpa, enum mmu_access perm, enum mmu_access report, unsigned flags,
                   uint64_t *pa, unsigned *page_shift, struct mmu_walk_trace *trace)
{
    unsigned mode = (unsigned)(h->hgatp >> 60);
    *page_shift = 12;
    if (mode == SATP_MODE_BARE) {
        *pa = gpa;
        return 0;
    }
    int gpf = guest_page_fault_cause(report);
    h->fault_gpa = gpa;
    unsigned levels = mode == SATP_MODE_SV39 ? 3 : mode == SATP_MODE_SV48 ? 4 : 5;
    if (gpa >> (12 + 9 * levels + 2))
        return walk_fail(trace, MMU_STAGE_G, "guest physical address wider than the G stage's (x4) range", gpf);
    uint64_t table = (h->hgatp & PTE_PPN_MASK & ~3ull) << 12;
    for (int level = (int)levels - 1; level >= 0; level--) {
        uint64_t idx_mask = level == (int)levels - 1 ? 0x7ff : 0x1ff;   /* the root has 2048 entries */
        uint64_t pte_addr = table + ((gpa >> (12 + 9 * level)) & idx_mask) * 8;
        uint64_t pte;
        if (read_pte(h, level, pte_addr, &pte))
            return walk_fail(trace, MMU_STAGE_G, "G-stage PTE read denied (PMP or no memory)", access_fault_cause(report));
        if (trace && trace->steps < MMU_WALK_MAX)
            trace->step[trace->steps++] = (struct mmu_walk_step){ level, MMU_STAGE_G, gpa, pte_addr, pte };
        const char *bad = pte_invalid(pte, level, pbmt_on(h, false));
        if (bad) return walk_fail(trace, MMU_STAGE_G, bad, gpf);
        uint64_t ppn = (pte >> PTE_PPN_SHIFT) & PTE_PPN_MASK;
        if (!(pte & (PTE_R | PTE_X))) {
            table = ppn << 12;
            continue;
        }
        if (!(flags & MMU_NO_PERMS)) {
            if (!(pte & PTE_U)) return walk_fail(trace, MMU_STAGE_G, "G-stage leaf without U (all guest accesses are U-level)", gpf);
            if (perm == MMU_FETCH && !(pte & PTE_X)) return walk_fail(trace, MMU_STAGE_G, "G-stage page not executable (X=0)", gpf);
            if (perm == MMU_READ) {
                bool ok = (flags & MMU_HLVX) ? (pte & PTE_X) != 0
                                             : (pte & PTE_R) || ((h->mstatus & MSTATUS_MXR) && (pte & PTE_X));
                if (!ok) return walk_fail(trace, MMU_STAGE_G, (flags & MMU_HLVX) ? "G-stage page not executable (HLVX, X=0)"
                                                                                  : "G-stage page not readable (R=0)", gpf);
            }
            if (perm == MMU_WRITE && !(pte & PTE_W)) return walk_fail(trace, MMU_STAGE_G, "G-stage page not writable (W=0)", gpf);
        }
        uint64_t low_mask = (1ull << (9 * level)) - 1;
        if (ppn & low_mask) return walk_fail(trace, MMU_STAGE_G, "misaligned G-stage superpage (low PPN bits set)", gpf);
        uint64_t want = PTE_A | (perm == MMU_WRITE ? PTE_D : 0);
        if ((pte & want) != want && (flags & MMU_UPDATE_AD) && ad_update_off(h, false))
            return walk_fail(trace, MMU_STAGE_G, "A or D would need setting, and menvcfg.ADUE = 0 (Svadu)", gpf);
        if ((pte & want) != want && (flags & MMU_UPDATE_AD)) {
            int r = update_ad(h, pte_addr, pte, want);
            if (r == RETRY) return RETRY;
            if (r) return walk_fail(trace, MMU_STAGE_G, "G-stage A/D update denied", access_fault_cause(report));
        }
        *page_shift = 12 + 9 * (unsigned)level;
        *pa = ((ppn | ((gpa >> 12) & low_mask)) << 12) | (gpa & 0xfff);
        return 0;
    }
    return walk_fail(trace, MMU_STAGE_G, "no leaf", gpf);
}

/* Single-stage (satp) or VS-stage (vsatp, `virt`) translation, then for V the G stage of the result.
 * With V each VS-stage table access is a guest physical address, translated by the G stage first;
 * a fault there is a guest-page fault of the original access, htinst the pseudo-instruction of a
 * 64-bit read (0x3000) or, for the A/D update, write (0x3020). */
#if defined(__GNUC__)
__attribute__((always_inline))   /* two copies: V=0's keeps no trace of the G stage */
#endif
static inline int translate_once(struct hart *h, uint64_t va, enum mmu_access access, unsigned priv, unsigned flags,
                                 bool virt, uint64_t *pa, unsigned *page_shift, struct mmu_walk_trace *trace)
{
    uint64_t atp = virt ? h->vsatp : h->satp;
    unsigned mode = (unsigned)(atp >> 60);
    *page_shift = 12;
    if (!virt && (priv == PRV_M || mode == SATP_MODE_BARE)) {
        *pa = va;
        return 0;
    }
    if (virt) h->fault_tinst = 0;
    if (virt && mode == SATP_MODE_BARE) return g_stage(h, va, access, access, flags, pa, page_shift, trace);
    uint64_t status = virt ? h->vsstatus : h->mstatus;
    bool mxr = ((status | (virt ? h->mstatus : 0)) & MSTATUS_MXR) != 0;
    unsigned levels = mode == SATP_MODE_SV39 ? 3 : mode == SATP_MODE_SV48 ? 4 : 5;
    unsigned va_bits = 12 + 9 * levels;
    /* Bits 63:va_bits-1 must all equal bit va_bits-1 (4.3.2 / 4.4.1). */
    uint64_t upper = va >> (va_bits - 1);
    if (upper != 0 && upper != (~0ull >> (va_bits - 1)))
        return walk_fail(trace, MMU_STAGE_S, "virtual address not canonical for this mode", page_fault_cause(access));

    uint64_t table = (atp & PTE_PPN_MASK) << 12;
    for (int level = (int)levels - 1; level >= 0; level--) {
        uint64_t vpn = (va >> (12 + 9 * level)) & 0x1ff;
        uint64_t pte_addr = table + vpn * 8, pte_pa = pte_addr;
        uint64_t pte;
        if (virt) {
            unsigned sh;
            int c = g_stage(h, pte_addr, MMU_READ, access, flags & ~MMU_HLVX, &pte_pa, &sh, trace);
            if (c) {
                if (c != RETRY) h->fault_tinst = 0x3000;
                return c;
            }
        }
        if (read_pte(h, level, pte_pa, &pte))
            return walk_fail(trace, MMU_STAGE_S, "PTE read denied (PMP or no memory)", access_fault_cause(access));
        if (trace && trace->steps < MMU_WALK_MAX)
            trace->step[trace->steps++] = (struct mmu_walk_step){ level, MMU_STAGE_S, 0, pte_addr, pte };
        const char *bad = pte_invalid(pte, level, pbmt_on(h, virt));
        if (bad) return walk_fail(trace, MMU_STAGE_S, bad, page_fault_cause(access));
        uint64_t ppn = (pte >> PTE_PPN_SHIFT) & PTE_PPN_MASK;
        if (!(pte & (PTE_R | PTE_X))) {
            table = ppn << 12;
            continue;
        }
        /* Leaf: permission checks (4.3.1, SUM and MXR in 3.1.6.3; for V, vsstatus's SUM and
         * either status's MXR; HLVX needs X instead of R). */
        const char *why = NULL;
        if (access == MMU_FETCH) {
            if (!(pte & PTE_X)) why = "page not executable (X=0)";
            else if (priv == PRV_U && !(pte & PTE_U)) why = "U-mode fetch from a supervisor page (U=0)";
            else if (priv != PRV_U && (pte & PTE_U)) why = "S-mode fetch from a user page (U=1)";
        } else {
            if (priv == PRV_U && !(pte & PTE_U)) why = "U-mode access to a supervisor page (U=0)";
            else if (priv != PRV_U && (pte & PTE_U) && !(status & MSTATUS_SUM)) why = "S-mode access to a user page with SUM=0";
            else if (access == MMU_READ && (flags & MMU_HLVX) && !(pte & PTE_X)) why = "page not executable (HLVX, X=0)";
            else if (access == MMU_READ && !(flags & MMU_HLVX) && !(pte & PTE_R) && !(mxr && (pte & PTE_X)))
                why = "page not readable (R=0)";
            else if (access == MMU_WRITE && !(pte & PTE_W)) why = "page not writable (W=0)";
        }
        if (why && !(flags & MMU_NO_PERMS)) return walk_fail(trace, MMU_STAGE_S, why, page_fault_cause(access));
        /* A superpage must be aligned: the low PPN fields are zero. */
        uint64_t low_mask = (1ull << (9 * level)) - 1;
        if (ppn & low_mask)
            return walk_fail(trace, MMU_STAGE_S, "misaligned superpage (low PPN bits set)", page_fault_cause(access));
        uint64_t want = PTE_A | (access == MMU_WRITE ? PTE_D : 0);
        if ((pte & want) != want && (flags & MMU_UPDATE_AD) && ad_update_off(h, virt))
            return walk_fail(trace, MMU_STAGE_S, "A or D would need setting, and ADUE = 0 (Svadu)", page_fault_cause(access));
        if ((pte & want) != want && (flags & MMU_UPDATE_AD)) {
            if (virt) {
                /* The A/D write is a store at the G stage. */
                unsigned sh;
                int c = g_stage(h, pte_addr, MMU_WRITE, access, flags & ~MMU_HLVX, &pte_pa, &sh, NULL);
                if (c) {
                    if (c != RETRY) h->fault_tinst = 0x3020;
                    return walk_fail(trace, MMU_STAGE_G, "G stage refuses the A/D update of a VS-stage PTE", c);
                }
            }
            int r = update_ad(h, pte_pa, pte, want);
            if (r == RETRY) return RETRY;
            if (r) return walk_fail(trace, MMU_STAGE_S, "A/D update denied", access_fault_cause(access));
        }
        *page_shift = 12 + 9 * (unsigned)level;
        *pa = ((ppn | ((va >> 12) & low_mask)) << 12) | (va & 0xfff);
        if (!virt) return 0;
        unsigned gshift;
        int c = g_stage(h, *pa, access, access, flags, pa, &gshift, trace);
        if (gshift < *page_shift) *page_shift = gshift;
        return c;
    }
    return walk_fail(trace, MMU_STAGE_S, "no leaf", page_fault_cause(access));
}

int mmu_translate(struct hart *h, uint64_t va, enum mmu_access access, unsigned priv, unsigned flags,
                  uint64_t *pa, unsigned *page_shift, struct mmu_walk_trace *trace)
{
    if (!(flags & MMU_VIRT) && !trace && (priv == PRV_M || (h->satp >> 60) == SATP_MODE_BARE)) {
        *pa = va;   /* no translation: the common case of M-mode and bare S-mode refills */
        *page_shift = 12;
        return 0;
    }
    for (;;) {
        if (trace) {
            trace->steps = 0;
            trace->why = NULL;
            trace->fault_stage = MMU_STAGE_S;
        }
        int c = (flags & MMU_VIRT) ? translate_once(h, va, access, priv, flags, true, pa, page_shift, trace)
                                   : translate_once(h, va, access, priv, flags, false, pa, page_shift, trace);
        if (c != RETRY) return c;
    }
}

/* Translate one page-contained access of `size` bytes and check it against PMP, staging the
 * exception on failure. *cacheable says whether PMP treats the whole page alike, *page_shift the
 * mapping's page size (both may be NULL). */
/* Stage a translation fault; a guest's (`virt`) reports a guest virtual address, and a guest-page
 * fault the guest physical address >> 2 and the htinst value (hart_trap consumes them). */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static void stage_fault(struct hart *h, int cause, uint64_t tval, bool virt)
{
    h->exc_cause = (uint64_t)cause;
    h->exc_tval = tval;
    h->exc_gva = virt;
    if (is_guest_page_fault(cause)) {
        h->exc_tval2 = h->fault_gpa >> 2;
        h->exc_tinst = h->fault_tinst;
    }
}

static int translate_checked_flags(struct hart *h, uint64_t va, unsigned size, enum mmu_access access,
                                   unsigned priv, unsigned flags, uint64_t *pa, uint64_t tval, bool *cacheable,
                                   unsigned *page_shift)
{
    unsigned shift;
    int cause = mmu_translate(h, va, access, priv, MMU_UPDATE_AD | flags, pa, &shift, NULL);
    if (!cause && !pmp_allows(h, *pa, size, access, priv, cacheable)) cause = access_fault_cause(access);
    if (cause) {
        stage_fault(h, cause, tval, (flags & MMU_VIRT) != 0);
        return -1;
    }
    if (page_shift) *page_shift = shift;
    return 0;
}

#if defined(__GNUC__)
__attribute__((always_inline))   /* on every TLB refill: kept inline as before H */
#endif
static inline int translate_checked(struct hart *h, uint64_t va, unsigned size, enum mmu_access access, unsigned priv,
                                    uint64_t *pa, uint64_t tval, bool *cacheable, unsigned *page_shift)
{
    unsigned shift = 12;
    bool virt = mmu_data_virt(h);
    int cause = 0;
    if (!virt && (priv == PRV_M || (h->satp >> 60) == SATP_MODE_BARE)) *pa = va;   /* mmu_translate's first case, inline */
    else cause = mmu_translate(h, va, access, priv, MMU_UPDATE_AD | (virt ? MMU_VIRT : 0), pa, &shift, NULL);
    if (!cause && !pmp_allows(h, *pa, size, access, priv, cacheable)) cause = access_fault_cause(access);
    if (cause) {
        stage_fault(h, cause, tval, virt);
        return -1;
    }
    if (page_shift) *page_shift = shift;
    return 0;
}


/* Bookkeeping of a TLB fill: the set's log, and a note if a superpage backs it. */
static void log_fill(unsigned *nlog, uint16_t *log, unsigned code)
{
    if (*nlog < TLB_LOG_SIZE) log[(*nlog)++] = (uint16_t)code;
    else *nlog = TLB_LOG_SIZE + 1;
}

static void note_superpage(struct tlb_super_notes *notes, uint64_t *tag, uint64_t va, unsigned page_shift)
{
    if (page_shift <= 12) return;
    if (notes->n >= TLB_SUPER_NOTES) {
        notes->n = TLB_SUPER_NOTES + 1;
        return;
    }
    uint64_t mask = (1ull << page_shift) - 1;
    notes->note[notes->n++] = (struct tlb_super_note){ tag, va & ~mask, mask };
}

/* The notes of the sets a fill goes to: a V=1 slot's or the V=0 ones. */
static inline struct tlb_super_notes *data_notes(struct hart *h)
{
    return h->dtlb >= &h->dtlbs[DTLB_SETS_V0] ? &h->vslots[h->vslot].notes : &h->super_notes;
}
static inline struct tlb_super_notes *fetch_notes(struct hart *h)
{
    return h->itlb >= &h->itlbs[ITLB_SETS_V0] ? &h->vslots[h->vslot].notes : &h->super_notes;
}

/* Debugger watchpoints: an access to a flagged page is checked against them. */
static void debug_watch(struct hart *h, struct bus_region *r, uint64_t pa, unsigned size, bool write)
{
    if (!h->debug->n_watchpoints || !r || !r->is_memory) return;
    if (!(GA_LOAD(&r->page_flags[(pa - r->base) >> 12], GA_RELAXED) & PAGE_DEBUG_WATCH)) return;
    if (h->debug->watch_hit(h->debug->opaque, h, pa, size, write)) {
        h->watch_hit = true;
        h->need_exit = true;
    }
}

static void stage(struct hart *h, int cause, uint64_t tval)
{
    h->exc_cause = (uint64_t)cause;
    h->exc_tval = tval;
}

/* Misaligned access: split at the page boundary, translate both parts first (so a fault leaves
 * memory untouched), then move the bytes. tval is the address of the part that faulted. */
static int misaligned_access(struct hart *h, uint64_t va, unsigned size, uint64_t *value, bool store)
{
    enum mmu_access acc = store ? MMU_WRITE : MMU_READ;
    unsigned priv = mmu_data_priv(h);
    uint64_t end = va + size - 1;
    uint64_t pa1, pa2;
    unsigned n1 = size;
    if ((va ^ end) >> 12) {
        uint64_t page2 = end & ~0xfffull;
        n1 = (unsigned)(page2 - va);
        if (translate_checked(h, va, n1, acc, priv, &pa1, va, NULL, NULL)) return -1;
        if (translate_checked(h, page2, size - n1, acc, priv, &pa2, page2, NULL, NULL)) return -1;
    } else if (translate_checked(h, va, size, acc, priv, &pa1, va, NULL, NULL)) {
        return -1;
    }
    uint64_t v = store ? *value : 0;
    if (h->debug->n_watchpoints) {
        debug_watch(h, bus_find(h->bus, pa1), pa1, n1, store);
        if (n1 < size) debug_watch(h, bus_find(h->bus, pa2), pa2, size - n1, store);
    }
    for (unsigned i = 0; i < size; i++) {
        uint64_t pa = i < n1 ? pa1 + i : pa2 + (i - n1);
        if (store) {
            if (bus_write(h->bus, pa, 1, (v >> (8 * i)) & 0xff)) {
                stage(h, CAUSE_STORE_ACCESS, va + i);
                return -1;
            }
        } else {
            uint64_t byte;
            if (bus_read(h->bus, pa, 1, &byte)) {
                stage(h, CAUSE_LOAD_ACCESS, va + i);
                return -1;
            }
            v |= byte << (8 * i);
        }
    }
    if (!store) *value = v;
    h->need_exit = true;   /* may have touched code, a watched page or a device */
    return 0;
}

/* A write TLB entry for va's page, page `page` of RAM region r, which holds no decoded code and
 * nothing watched: stores (and AMOs, SC) through it go straight to host memory. */
static void fill_write(struct hart *h, struct bus_region *r, uint64_t page, uint64_t va, unsigned shift)
{
    h->stats.data_misses++;
    /* stores through this entry go unseen until it is dropped */
    if (!(GA_LOAD(&r->page_flags[page], GA_RELAXED) & PAGE_DIRTY))
        GA_FETCH_OR(&r->page_flags[page], (uint8_t)PAGE_DIRTY, GA_SEQ_CST);
    struct tlb_entry *e = &h->dtlb->w[(va >> 12) & (TLB_SIZE - 1)];
    GA_STORE(&h->dtlb->used, true, GA_RELAXED);
    GA_STORE(&e->addend, (uintptr_t)(r->host + (page << 12)) - (uintptr_t)(va & ~0xfffull), GA_RELAXED);
    SET_TAG(&e->tag, va & ~0xfffull);
    /* Another hart may have just decoded code here (codecache_page sets PAGE_HAS_CODE, then
     * drops every hart's write entries for the page): one of us sees the other's write. */
    GA_FENCE(GA_SEQ_CST);
    if (GA_LOAD(&r->page_flags[page], GA_RELAXED) & PAGE_HAS_CODE) SET_TAG(&e->tag, TLB_INVALID);
    log_fill(&h->dtlb->nlog, h->dtlb->log, (unsigned)((va >> 12) & (TLB_SIZE - 1)) | TLB_LOG_WRITE);
    if (shift > 12) note_superpage(data_notes(h), &e->tag, va, shift);
}

int mmu_load_slow(struct hart *h, uint64_t va, unsigned size, uint64_t *value)
{
    /* Sdtrig load triggers come first: an address breakpoint outranks misalignment and faults. */
    if ((h->trig.armed & TRIGGER_ARMED_DATA) && trigger_check_data(h, va, size, TRIGGER_LOAD)) return -1;
    if (va & (size - 1)) return misaligned_access(h, va, size, value, false);
    uint64_t pa;
    bool cacheable;
    unsigned shift;
    if (translate_checked(h, va, size, MMU_READ, mmu_data_priv(h), &pa, va, &cacheable, &shift)) return -1;
    struct bus_region *r = bus_find(h->bus, pa);
    /* No TLB entry while data triggers are armed: the next access must come back here. */
    bool no_fill = !cacheable || (h->trig.armed & TRIGGER_ARMED_DATA);
    if (r && r->is_memory && (no_fill || (GA_LOAD(&r->page_flags[(pa - r->base) >> 12], GA_RELAXED) & PAGE_DEBUG_WATCH))) {
        *value = ga_load(r->host + (pa - r->base), size);
        debug_watch(h, r, pa, size, false);
        return 0;
    }
    if (r && r->is_memory) {
        h->stats.data_misses++;
        struct tlb_entry *e = &h->dtlb->r[(va >> 12) & (TLB_SIZE - 1)];
        GA_STORE(&e->addend, (uintptr_t)(r->host + ((pa & ~0xfffull) - r->base)) - (uintptr_t)(va & ~0xfffull), GA_RELAXED);
        SET_TAG(&e->tag, va & ~0xfffull);
        GA_STORE(&h->dtlb->used, true, GA_RELAXED);
        log_fill(&h->dtlb->nlog, h->dtlb->log, (unsigned)((va >> 12) & (TLB_SIZE - 1)));
        if (shift > 12) note_superpage(data_notes(h), &e->tag, va, shift);
        *value = ga_load(r->host + (pa - r->base), size);
        return 0;
    }
    h->stats.mmio_accesses++;
    h->need_exit = true;
    if (bus_read(h->bus, pa, size, value)) {
        stage(h, CAUSE_LOAD_ACCESS, va);
        return -1;
    }
    return 0;
}

int mmu_store_slow(struct hart *h, uint64_t va, unsigned size, uint64_t value)
{
    if ((h->trig.armed & TRIGGER_ARMED_DATA) && trigger_check_data(h, va, size, TRIGGER_STORE)) return -1;
    if (va & (size - 1)) return misaligned_access(h, va, size, &value, true);
    uint64_t pa;
    bool cacheable;
    unsigned shift;
    if (translate_checked(h, va, size, MMU_WRITE, mmu_data_priv(h), &pa, va, &cacheable, &shift)) return -1;
    struct bus_region *r = bus_find(h->bus, pa);
    if (r && r->is_memory && !r->read_only) {
        uint64_t page = (pa - r->base) >> 12;
        /* Other hart threads mark pages as code (codecache_page): read the flags atomically. */
        uint8_t flags = GA_LOAD(&r->page_flags[page], GA_RELAXED);
        if ((flags & (PAGE_HAS_CODE | PAGE_WATCHED | PAGE_DEBUG_WATCH)) || !cacheable ||
            (h->trig.armed & TRIGGER_ARMED_DATA)) {
            /* Keep taking the slow path here: the store must invalidate code or be reported. A
             * store next to code, not into it, leaves the running block as it is. */
            if (flags & PAGE_WATCHED) h->need_exit = true;
            ga_store(r->host + (pa - r->base), value, size);
            if ((flags & (PAGE_HAS_CODE | PAGE_WATCHED | PAGE_DIRTY)) == (PAGE_HAS_CODE | PAGE_DIRTY)) {
                /* Code on the page, nothing else to tell (bus_memory_written's common case, in
                 * short: a loop storing next to its own code comes here every time). */
                unsigned off = (unsigned)(pa - r->base) & 0xfff;
                if (codecache_invalidate_range(r, page, off, off + size)) h->need_refetch = true;
            } else if (bus_memory_written(h->bus, r, pa, size)) {
                h->need_refetch = true;
            }
            debug_watch(h, r, pa, size, true);
            return 0;
        }
        fill_write(h, r, page, va, shift);
        ga_store(r->host + (pa - r->base), value, size);
        return 0;
    }
    h->stats.mmio_accesses++;
    h->need_exit = true;
    if (bus_write(h->bus, pa, size, value)) {
        stage(h, CAUSE_STORE_ACCESS, va);
        return -1;
    }
    return 0;
}

int mmu_translate_amo(struct hart *h, uint64_t va, unsigned size, bool is_amo, uint64_t *pa)
{
    if ((h->trig.armed & TRIGGER_ARMED_DATA) &&
        trigger_check_data(h, va, size, is_amo ? TRIGGER_LOAD | TRIGGER_STORE : TRIGGER_STORE))
        return -1;
    if (va & (size - 1)) {
        stage(h, CAUSE_MISALIGNED_STORE, va);
        return -1;
    }
    bool cacheable;
    unsigned shift;
    if (translate_checked(h, va, size, MMU_WRITE, mmu_data_priv(h), pa, va, &cacheable, &shift)) return -1;
    struct bus_region *r = bus_find(h->bus, *pa);
    if (!r || (r->is_memory && r->read_only)) {
        stage(h, CAUSE_STORE_ACCESS, va);
        return -1;
    }
    /* Plain RAM (no code, nothing watched, PMP alike over the page, no data trigger): fill the
     * write TLB as a store would, so that the next AMO, LR/SC or store here takes the fast path;
     * translate_checked set A and D, as a store's walk does (privileged spec 4.3.2 step 7). A
     * page only ever touched by atomics (lock words, counters) otherwise stayed slow. */
    if (r->is_memory && cacheable && !(h->trig.armed & TRIGGER_ARMED_DATA) &&
        !(GA_LOAD(&r->page_flags[(*pa - r->base) >> 12], GA_RELAXED) &
          (PAGE_HAS_CODE | PAGE_WATCHED | PAGE_DEBUG_WATCH))) {
        fill_write(h, r, (*pa - r->base) >> 12, va, shift);
        return 0;
    }
    debug_watch(h, r, *pa, size, true);
    /* Slow AMOs are rare: let the machine look at devices and watches (and other harts have their
     * turn: a lock taken by amoswap in a loop hands over sooner). Not on plain RAM under reverse
     * execution: whether an AMO takes this path depends on the TLB (host state, flushed when a
     * checkpoint is restored), so ending the turn here would move where turns end and harts
     * interleave in re-runs. The caller rechecks interrupts and refetches after a slow AMO anyway. */
    if (!r->is_memory || !h->no_spin_yield ||
        (GA_LOAD(&r->page_flags[(*pa - r->base) >> 12], GA_RELAXED) & PAGE_WATCHED))
        h->need_exit = true;
    return 0;
}

int mmu_cbo(struct hart *h, uint64_t va, bool zero)
{
    uint64_t block = va & ~63ull, pa;
    unsigned shift, priv = mmu_data_priv(h);
    unsigned vf = mmu_data_virt(h) ? MMU_VIRT : 0;
    int cause = mmu_translate(h, block, MMU_WRITE, priv, MMU_UPDATE_AD | vf, &pa, &shift, NULL);
    if (!cause && !pmp_allows(h, pa, 64, MMU_WRITE, priv, NULL)) cause = CAUSE_STORE_ACCESS;
    if (cause && !zero && mmu_translate(h, block, MMU_READ, priv, MMU_UPDATE_AD | vf, &pa, &shift, NULL) == 0 &&
        pmp_allows(h, pa, 64, MMU_READ, priv, NULL))
        cause = 0;   /* clean/flush/inval are allowed with load permission alone */
    if (cause) {
        stage_fault(h, cause, va, vf != 0);
        return -1;
    }
    struct bus_region *r = bus_find(h->bus, pa);
    if (!r || (zero && !r->is_memory)) {
        stage(h, CAUSE_STORE_ACCESS, va);
        return -1;
    }
    if (zero) {
        for (unsigned i = 0; i < 64; i += 8)
            if (bus_write(h->bus, pa + i, 8, 0)) {
                stage(h, CAUSE_STORE_ACCESS, va);
                return -1;
            }
        h->need_refetch = true;   /* the block may have held decoded code */
    }
    return 0;
}

struct tlb_fetch_entry *mmu_fetch_refill(struct hart *h, uint64_t pc)
{
    uint64_t pa;
    unsigned shift;
    h->stats.fetch_misses++;
    int cause = mmu_translate(h, pc, MMU_FETCH, h->priv, MMU_UPDATE_AD | (h->virt ? MMU_VIRT : 0), &pa, &shift, NULL);
    if (cause) {
        stage_fault(h, cause, pc, h->virt);
        return NULL;
    }
    struct bus_region *r = bus_find(h->bus, pa);
    bool cacheable;
    if (!r || !r->is_memory || !pmp_allows(h, pa, 2, MMU_FETCH, h->priv, &cacheable)) {
        stage(h, CAUSE_FETCH_ACCESS, pc);
        return NULL;
    }
    if (!cacheable) {
        /* PMP splits this page: the interpreter fetches it one instruction at a time. */
        h->fetch_uncached = true;
        return NULL;
    }
    uint64_t page_pa = pa & ~0xfffull;
    struct insn *slots = codecache_page(h->bus, r, page_pa);
    if (!slots) {
        stage(h, CAUSE_FETCH_ACCESS, pc);
        return NULL;
    }
    struct tlb_fetch_entry *e = &h->itlb->x[(pc >> 12) & (TLB_SIZE - 1)];
    SET_TAG(&e->tag, TLB_INVALID);
    e->addend = (uintptr_t)(r->host + (page_pa - r->base)) - (uintptr_t)(pc & ~0xfffull);
    e->slots = slots;
    GA_STORE(&e->paddr, page_pa, GA_RELAXED);
    e->region = r;
    GA_STORE(&h->itlb->used, true, GA_RELAXED);
    SET_TAG(&e->tag, pc & ~0xfffull);
    if (r->concurrent) {
        /* Another hart may have just retired these slots (codecache_invalidate replaces them,
         * then drops every hart's fetch entries for the page): one of us sees the other. */
        GA_FENCE(GA_SEQ_CST);
        if (GA_LOAD(&r->decoded[(page_pa - r->base) >> 12], GA_RELAXED) != slots) {
            SET_TAG(&e->tag, TLB_INVALID);
            return mmu_fetch_refill(h, pc);
        }
    }
    log_fill(&h->itlb->nlog, h->itlb->log, (unsigned)((pc >> 12) & (TLB_SIZE - 1)));
    if (shift > 12) note_superpage(fetch_notes(h), &e->tag, pc, shift);
    return e;
}

int mmu_fetch_bytes(struct hart *h, uint64_t pc, unsigned size, uint32_t *bits)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < size; i += 2) {
        uint64_t va = pc + i, pa;
        unsigned shift;
        int cause = mmu_translate(h, va, MMU_FETCH, h->priv, MMU_UPDATE_AD | (h->virt ? MMU_VIRT : 0), &pa, &shift, NULL);
        if (cause) {
            stage_fault(h, cause, va, h->virt);
            return -1;
        }
        uint8_t *p = bus_host_ptr(h->bus, pa, 2);
        if (!p || !pmp_allows(h, pa, 2, MMU_FETCH, h->priv, NULL)) {
            stage(h, CAUSE_FETCH_ACCESS, va);
            return -1;
        }
        v |= ga_fetch16(p) << (8 * i);   /* another hart may be writing this code */
    }
    *bits = v;
    return 0;
}

/* HLV/HLVX/HSV: translated afresh each time (no TLB fill), at hstatus.SPVP's privilege with V=1's
 * rules (vsstatus.SUM/MXR), GVA reported on faults. */
static int hyp_translate(struct hart *h, uint64_t va, unsigned size, enum mmu_access acc, bool hlvx, uint64_t *pa)
{
    if (va & (size - 1)) {
        stage_fault(h, acc == MMU_WRITE ? CAUSE_MISALIGNED_STORE : CAUSE_MISALIGNED_LOAD, va, true);
        return -1;
    }
    unsigned priv = (h->hstatus & HSTATUS_SPVP) ? PRV_S : PRV_U;
    return translate_checked_flags(h, va, size, acc, priv, MMU_VIRT | (hlvx ? MMU_HLVX : 0), pa, va, NULL, NULL);
}

int mmu_hlv(struct hart *h, uint64_t va, unsigned size, bool hlvx, uint64_t *value)
{
    uint64_t pa;
    if (hyp_translate(h, va, size, MMU_READ, hlvx, &pa)) return -1;
    if (bus_read(h->bus, pa, size, value)) {
        stage_fault(h, CAUSE_LOAD_ACCESS, va, true);
        return -1;
    }
    h->need_exit = true;   /* may have touched a device or a watched page */
    return 0;
}

int mmu_hsv(struct hart *h, uint64_t va, unsigned size, uint64_t value)
{
    uint64_t pa;
    if (hyp_translate(h, va, size, MMU_WRITE, false, &pa)) return -1;
    struct bus_region *r = bus_find(h->bus, pa);
    if ((r && r->is_memory && r->read_only) || bus_write(h->bus, pa, size, value)) {
        stage_fault(h, CAUSE_STORE_ACCESS, va, true);
        return -1;
    }
    h->need_refetch = true;   /* the store may have hit decoded code */
    h->need_exit = true;
    return 0;
}
