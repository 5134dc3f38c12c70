/* Hart reset, trap entry, interrupt selection and xRET (privileged spec 1.12, 3.1.6-3.1.9, 3.3.2). */
#include "hart.h"

#include <stddef.h>
#include <string.h>

#include "../mem/mmu.h"
#include "../util/guest_atomic.h"
#include "csr.h"
#include "pmu.h"

uint64_t hart_misa(uint64_t ext)
{
    uint64_t misa = 2ull << 62;   /* MXL = 64 */
    misa |= 1ull << ('I' - 'A');
    if (ext & EXT_M) misa |= 1ull << ('M' - 'A');
    if (ext & EXT_A) misa |= 1ull << ('A' - 'A');
    if (ext & EXT_C) misa |= 1ull << ('C' - 'A');
    if (ext & EXT_F) misa |= 1ull << ('F' - 'A');
    if (ext & EXT_D) misa |= 1ull << ('D' - 'A');
    if (ext & EXT_S) misa |= (1ull << ('S' - 'A')) | (1ull << ('U' - 'A'));
    if ((ext & EXT_H) && (ext & EXT_S)) misa |= 1ull << ('H' - 'A');
    return misa;
}

void hart_reset(struct hart *h, uint64_t hartid, uint64_t reset_pc, uint64_t ext)
{
    struct machine *m = h->machine;
    struct bus *b = h->bus;
    static struct hart_debug_hooks no_debugger;   /* all zero: nothing planted, nothing watched */
    struct hart_debug_hooks *debug = h->debug ? h->debug : &no_debugger;
    uint64_t (*read_time)(void *) = h->read_time;
    void *time_opaque = h->time_opaque;
    void (*trap_hook)(struct hart *, unsigned, uint64_t, uint64_t, uint64_t) = h->trap_hook;
    uint64_t retired_total = h->retired_total;
    void (*kick)(struct hart *) = h->kick;
    void *kick_opaque = h->kick_opaque;
    bool no_spin_yield = h->no_spin_yield;   /* the machine's run mode, not the hart's state */
    /* Everything but the TLB sets' entries (see struct tlb_data_set): those are set up when a set
     * is first chosen. */
    const size_t sets_start = offsetof(struct hart, dtlbs);
    const size_t sets_end = offsetof(struct hart, itlbs) + sizeof(h->itlbs);
    memset(h, 0, sets_start);
    memset((char *)h + sets_end, 0, sizeof(*h) - sets_end);
    for (unsigned i = 0; i < DTLB_SETS; i++) {
        struct tlb_data_set *d = &h->dtlbs[i];
        GA_STORE(&d->used, false, GA_RELAXED);
        d->ready = false;
        d->nlog = 0;
    }
    for (unsigned i = 0; i < ITLB_SETS; i++) {
        struct tlb_fetch_set *f = &h->itlbs[i];
        GA_STORE(&f->used, false, GA_RELAXED);
        f->ready = false;
        f->nlog = 0;
    }
    h->no_spin_yield = no_spin_yield;
    h->kick = kick;
    h->kick_opaque = kick_opaque;
    h->retired_total = retired_total;
    h->machine = m;
    h->bus = b;
    h->debug = debug;
    h->read_time = read_time;
    h->time_opaque = time_opaque;
    h->trap_hook = trap_hook;
    h->mhartid = hartid;
    h->ext = ext;
    h->misa = hart_misa(ext);
    h->priv = PRV_M;
    h->pc = reset_pc;
    /* UXL = SXL = 2 (64-bit), read-only; an M-only hart has MPP fixed at M. */
    h->mstatus = (ext & EXT_S) ? (2ull << 32) | (2ull << 34) : MSTATUS_MPP;
    /* menvcfg's reset value is left to the implementation. ADUE = 1 keeps hardware A/D updates, as
     * vhart had before Svadu: OpenSBI 1.1 knows no Svadu and keeps the field as it finds it (seen:
     * reset 0 -> menvcfg 0xc0000000000000f0 at Linux's prompt), so with ADUE = 0 Linux 6.1 would take
     * a page fault for every first access and first write of a page. PBMTE = 1 too, for firmware that
     * does not set it (OpenSBI 1.1 does) under a Linux that uses Svpbmt when riscv,isa names it. */
    if (ext & EXT_S) h->menvcfg = ((ext & EXT_SVADU) ? ENVCFG_ADUE : 0) | ((ext & EXT_SVPBMT) ? ENVCFG_PBMTE : 0);
    if ((ext & EXT_H) && (ext & EXT_S)) {
        /* VSXL = 2 and vsstatus.UXL = 2 (64-bit, read-only); the VS interrupts are always
         * delegated past M (mideleg bits 2, 6, 10 read-only one, "Hypervisor Extension" mideleg). */
        h->hstatus = 2ull << 32;
        h->vsstatus = 2ull << 32;
        h->mideleg = MIP_VS_MASK;
    }
    for (unsigned i = 0; i < 5; i++) h->pte_pages[i].page = ~0ull;
    h->bp_resume_pc = ~0ull;
    h->cross_slot[1].op = OP_PAGE_END;
    h->cross_slot[2].op = OP_PAGE_END;
    trigger_reset(h);
    hart_update_mmu_mode(h);
}

static unsigned priv_index(unsigned priv) { return priv == PRV_M ? 2 : priv; }

/* A set chosen for the first time since reset: every entry invalid. Tags are stored as the
 * flushes store them (relaxed atomics: other threads' drops read them once `used` is set). */
static struct tlb_data_set *ready_data_set(struct tlb_data_set *d)
{
    if (!d->ready) {
        for (unsigned j = 0; j < TLB_SIZE; j++) {
            GA_STORE(&d->r[j].tag, TLB_INVALID, GA_RELAXED);
            GA_STORE(&d->w[j].tag, TLB_INVALID, GA_RELAXED);
        }
        d->ready = true;
    }
    return d;
}
static struct tlb_fetch_set *ready_fetch_set(struct tlb_fetch_set *f)
{
    if (!f->ready) {
        for (unsigned j = 0; j < TLB_SIZE; j++) GA_STORE(&f->x[j].tag, TLB_INVALID, GA_RELAXED);
        f->ready = true;
    }
    return f;
}

void hart_update_mmu_mode(struct hart *h)
{
    unsigned dp = mmu_data_priv(h);
    unsigned idx;
    bool dvirt = mmu_data_virt(h);
    /* V=1 sets: those of the VMID slot keyed by hgatp and vsatp (mmu.c picks or empties one). */
    unsigned slot = (dvirt || h->virt) ? mmu_vslot_select(h) : 0;
    if (dvirt) {
        /* VS/VU: vsstatus.SUM, and MXR from either status (both make X pages readable at the
         * VS stage; mstatus.MXR also at the G stage, whose change flushes the V sets, csr.c). */
        idx = DTLB_SETS_V0 + slot * DTLB_VSETS + (dp == PRV_S ? 2 : 0);
        if (dp == PRV_S) idx += (h->vsstatus & MSTATUS_SUM) ? 2 : 0;
        idx += ((h->vsstatus | h->mstatus) & MSTATUS_MXR) ? 1 : 0;
    } else {
        idx = priv_index(dp) * 4;
        if (dp == PRV_S) idx += (h->mstatus & MSTATUS_SUM) ? 2 : 0;
        if (dp != PRV_M) idx += (h->mstatus & MSTATUS_MXR) ? 1 : 0;
    }
    h->dtlb = ready_data_set(&h->dtlbs[idx]);
    h->itlb = ready_fetch_set(&h->itlbs[h->virt ? ITLB_SETS_V0 + slot * ITLB_VSETS + h->priv : priv_index(h->priv)]);
}

const char *hart_priv_name(unsigned priv, bool virt)
{
    if (virt) return priv == PRV_S ? "VS" : priv == PRV_U ? "VU" : "V?";
    return priv == PRV_M ? "M" : priv == PRV_S ? "S" : priv == PRV_U ? "U" : "?";
}

/* Causes whose tval is an address (for mstatus.GVA / hstatus.GVA). */
static bool tval_is_address(uint64_t code)
{
    return code <= 7 || code == 12 || code == 13 || code == 15 || code == 20 || code == 21 || code == 23;
}

void hart_trap(struct hart *h, uint64_t cause, uint64_t tval)
{
    bool irq = (cause & CAUSE_INTERRUPT) != 0;
    uint64_t code = cause & ~CAUSE_INTERRUPT;
    uint64_t deleg = irq ? h->mideleg : h->medeleg;
    unsigned from = h->priv;
    bool virt = h->virt;
    uint64_t mstatus_before = h->mstatus;
    uint64_t tcontrol = h->trig.tcontrol;
    /* H: tval is a guest virtual address when the faulting access was a guest's (V=1, or HLV/HSV
     * and MPRV with MPV, which the MMU flags), for the causes that report an address. */
    bool gva = !irq && (virt || h->exc_gva) && tval_is_address(code);
    uint64_t tval2 = h->exc_tval2, tinst = h->exc_tinst;
    h->exc_gva = false;
    h->exc_tval2 = h->exc_tinst = 0;
    h->wfi = false;
    if (irq) h->interrupts++;
    if (h->pmu_trap) pmu_trap(h, irq);   /* counted in the mode the trap is taken from */
    if (h->priv <= PRV_S && code < 64 && ((deleg >> code) & 1)) {
        uint64_t hdeleg = irq ? h->hideleg : h->hedeleg;
        if (virt && ((hdeleg >> code) & 1)) {
            /* Delegated on to VS-mode ("Hypervisor Extension", trap entry): the VS CSRs, and the
             * VS interrupt codes appear to the guest as the S ones (VSSIP 2 -> SSIP 1, ...). */
            h->vscause = irq ? CAUSE_INTERRUPT | (code - 1) : cause;
            h->vsepc = h->pc;
            h->vstval = tval;
            uint64_t s = h->vsstatus & ~(MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE);
            if (h->vsstatus & MSTATUS_SIE) s |= MSTATUS_SPIE;
            if (h->priv == PRV_S) s |= MSTATUS_SPP;
            h->vsstatus = s;
            h->priv = PRV_S;
            uint64_t base = h->vstvec & ~3ull;
            h->pc = (irq && (h->vstvec & 3) == 1) ? base + 4 * (code - 1) : base;
        } else {
            /* Delegated to (H)S-mode (3.1.8). */
            h->scause = cause;
            h->sepc = h->pc;
            h->stval = tval;
            if (h->ext & EXT_H) {
                uint64_t hs = h->hstatus & ~(HSTATUS_SPV | HSTATUS_GVA);
                if (virt) {
                    hs |= HSTATUS_SPV;
                    hs = (hs & ~HSTATUS_SPVP) | (h->priv == PRV_S ? HSTATUS_SPVP : 0);
                }
                if (gva) hs |= HSTATUS_GVA;
                h->hstatus = hs;
                h->htval = tval2;
                h->htinst = tinst;
            }
            uint64_t s = h->mstatus & ~(MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE);
            if (h->mstatus & MSTATUS_SIE) s |= MSTATUS_SPIE;
            if (h->priv == PRV_S) s |= MSTATUS_SPP;
            h->mstatus = s;
            h->priv = PRV_S;
            h->virt = false;
            uint64_t base = h->stvec & ~3ull;
            h->pc = (irq && (h->stvec & 3) == 1) ? base + 4 * code : base;
        }
    } else {
        h->mcause = cause;
        h->mepc = h->pc;
        h->mtval = tval;
        uint64_t s = h->mstatus & ~(MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE);
        if (h->mstatus & MSTATUS_MIE) s |= MSTATUS_MPIE;
        s |= (uint64_t)h->priv << MSTATUS_MPP_SHIFT;
        if (h->ext & EXT_H) {
            s &= ~(MSTATUS_MPV | MSTATUS_GVA);
            if (virt) s |= MSTATUS_MPV;
            if (gva) s |= MSTATUS_GVA;
            h->mtval2 = tval2;
            h->mtinst = tinst;
        }
        h->mstatus = s;
        h->priv = PRV_M;
        h->virt = false;
        trigger_trap_to_m(&h->trig);
        uint64_t base = h->mtvec & ~3ull;
        h->pc = (irq && (h->mtvec & 3) == 1) ? base + 4 * code : base;
    }
    hart_update_mmu_mode(h);
    if (h->trap_hook) h->trap_hook(h, from | (virt ? HART_PRIV_VIRT : 0), mstatus_before, cause, tval);
    if (h->trig.armed & TRIGGER_ARMED_TRAP) trigger_after_trap(h, cause, from, tcontrol);
}

/* Decreasing priority for interrupts destined to the same mode (3.1.9; H extension: SGEI, VSEI,
 * VSSI, VSTI after the S ones; Sscofpmf: LCOFI last): MEI, MSI, MTI, SEI, SSI, STI, SGEI, VSEI, VSSI,
 * VSTI, LCOFI. */
static const unsigned irq_priority[] = { IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER, IRQ_S_EXT, IRQ_S_SOFT, IRQ_S_TIMER,
                                         IRQ_S_GEXT, IRQ_VS_EXT, IRQ_VS_SOFT, IRQ_VS_TIMER, IRQ_LCOF };

static uint64_t highest(uint64_t pending)
{
    for (unsigned i = 0; i < sizeof(irq_priority) / sizeof(irq_priority[0]); i++)
        if (pending & (1ull << irq_priority[i])) return CAUSE_INTERRUPT | irq_priority[i];
    return 0;
}

uint64_t hart_pending_interrupt(const struct hart *h)
{
    uint64_t pending = h->mip & h->mie;
    if (!pending) return 0;
    /* M-level interrupts: always enabled below M, by MIE in M. */
    uint64_t m = pending & ~h->mideleg;
    if (m && (h->priv < PRV_M || (h->mstatus & MSTATUS_MIE))) return highest(m);
    /* HS-level (delegated by mideleg, not on by hideleg): never taken in M; always in VS/VU and
     * below S; by SIE in HS. */
    uint64_t s = pending & h->mideleg & ~h->hideleg;
    if (s && (h->virt || h->priv < PRV_S || (h->priv == PRV_S && (h->mstatus & MSTATUS_SIE)))) return highest(s);
    /* VS-level (delegated on by hideleg): only while V=1; always in VU, by vsstatus.SIE in VS. */
    uint64_t vs = pending & h->mideleg & h->hideleg;
    if (vs && h->virt && (h->priv == PRV_U || (h->vsstatus & MSTATUS_SIE))) return highest(vs);
    return 0;
}

void hart_update_vsip(struct hart *h)
{
    uint64_t v = h->hvip & MIP_VS_MASK;
    if ((h->menvcfg & (1ull << 63)) && (h->henvcfg & (1ull << 63)) && h->read_time) {
        /* Sstc with H: VSTIP is hvip.VSTIP OR (time + htimedelta >= vstimecmp). */
        if (h->read_time(h->time_opaque) + h->htimedelta >= h->vstimecmp) v |= MIP_VSTIP;
    }
    h->mip = (h->mip & ~MIP_VS_MASK) | v;
}

void hart_update_stip(struct hart *h)
{
    if (h->ext & EXT_H) hart_update_vsip(h);
    if (!(h->menvcfg & (1ull << 63)) || !h->read_time) return;
    /* Sstc's STIP is the hart's own (its stimecmp), not a line: only its thread gets here. */
    if (h->read_time(h->time_opaque) >= h->stimecmp) h->mip |= MIP_STIP;
    else h->mip &= ~MIP_STIP;
}

void hart_set_external_seip(struct hart *h, bool level) { hart_set_mip(h, MIP_SEIP, level); }

void hart_set_mip(struct hart *h, uint64_t mask, bool level)
{
    /* Other bits (STIP, SSIP) are the hart's own state: only its thread may pass them. */
    uint64_t own = mask & ~HART_LINE_MASK;
    if (own) h->mip = level ? h->mip | own : h->mip & ~own;
    mask &= HART_LINE_MASK;
    uint64_t old;
#if defined(__GNUC__) || defined(__clang__)
    /* Timers re-assert their level often: no read-modify-write (and no cache line stolen from
     * the hart) when the line is already there. */
    uint64_t cur = __atomic_load_n(&h->irq_lines, __ATOMIC_RELAXED);
    if (mask && (level ? (cur & mask) == mask : (cur & mask) == 0)) old = cur;
    else if (level) old = __atomic_fetch_or(&h->irq_lines, mask, __ATOMIC_RELEASE);
    else old = __atomic_fetch_and(&h->irq_lines, ~mask, __ATOMIC_RELEASE);
#else
    old = h->irq_lines;
    h->irq_lines = level ? old | mask : old & ~mask;
#endif
    if (!h->kick) hart_irq_sync(h);          /* single-threaded: the caller is the hart's thread */
    else if (level && (~old & mask)) h->kick(h);   /* a rising line: wake the hart if it sleeps */
}

bool hart_take_interrupt(struct hart *h)
{
    hart_irq_sync(h);
    if (!(h->mip & h->mie)) return false;
    uint64_t cause = hart_pending_interrupt(h);
    if (!cause) return false;
    h->wfi = false;
    hart_trap(h, cause, 0);
    return true;
}

int hart_mret(struct hart *h)
{
    if (h->priv != PRV_M) return CAUSE_ILLEGAL_INSN;
    unsigned mpp = (unsigned)((h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    bool mpv = (h->mstatus & MSTATUS_MPV) != 0;
    uint64_t s = h->mstatus & ~(MSTATUS_MIE | MSTATUS_MPP | MSTATUS_MPV);
    if (s & MSTATUS_MPIE) s |= MSTATUS_MIE;
    s |= MSTATUS_MPIE;
    if (mpp != PRV_M) s &= ~MSTATUS_MPRV;   /* 3.1.6.3: leaving M for a lower mode clears MPRV */
    h->mstatus = s;                         /* MPP becomes U, the least-privileged mode */
    h->priv = mpp;
    h->virt = mpv && mpp != PRV_M;          /* H: MRET returns to V = MPV, and clears MPV */
    trigger_mret(&h->trig);
    h->pc = h->mepc;
    if (!(h->ext & EXT_C)) h->pc &= ~3ull;
    hart_update_mmu_mode(h);
    return 0;
}

int hart_sret(struct hart *h)
{
    if (h->virt) {
        /* VS-mode SRET works on vsstatus; in VU-mode, or with hstatus.VTSR, it is a virtual
         * instruction ("Hypervisor Extension", virtual-instruction exceptions). */
        if (h->priv == PRV_U || (h->hstatus & HSTATUS_VTSR)) return CAUSE_VIRTUAL_INSN;
        unsigned spp = (h->vsstatus & MSTATUS_SPP) ? PRV_S : PRV_U;
        uint64_t s = h->vsstatus & ~(MSTATUS_SIE | MSTATUS_SPP);
        if (s & MSTATUS_SPIE) s |= MSTATUS_SIE;
        s |= MSTATUS_SPIE;
        h->vsstatus = s;
        h->priv = spp;
        h->pc = h->vsepc;
        if (!(h->ext & EXT_C)) h->pc &= ~3ull;
        hart_update_mmu_mode(h);
        return 0;
    }
    if (h->priv < PRV_S || (h->priv == PRV_S && (h->mstatus & MSTATUS_TSR))) return CAUSE_ILLEGAL_INSN;
    unsigned spp = (h->mstatus & MSTATUS_SPP) ? PRV_S : PRV_U;
    uint64_t s = h->mstatus & ~(MSTATUS_SIE | MSTATUS_SPP);
    if (s & MSTATUS_SPIE) s |= MSTATUS_SIE;
    s |= MSTATUS_SPIE;
    s &= ~MSTATUS_MPRV;                     /* SPP is never M, so MPRV clears */
    h->mstatus = s;
    h->priv = spp;
    if (h->ext & EXT_H) {
        /* HS-mode SRET returns to V = hstatus.SPV, which then clears. */
        h->virt = (h->hstatus & HSTATUS_SPV) != 0;
        h->hstatus &= ~HSTATUS_SPV;
    }
    h->pc = h->sepc;
    if (!(h->ext & EXT_C)) h->pc &= ~3ull;
    hart_update_mmu_mode(h);
    return 0;
}
