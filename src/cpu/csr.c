/* CSR access rules and WARL legalisation (privileged spec 1.12: 2.1-2.2 numbering and access,
 * 3.1 machine-level CSRs, 4.1 supervisor-level CSRs; unprivileged spec ch. 10 counters, 11.2 fcsr). */
#include "csr.h"

#include <stdio.h>
#include <string.h>

#include "../mem/mmu.h"
#include "../mem/pmp.h"
#include "hart.h"
#include "pmu.h"
#include "trigger.h"
#include "../mem/bus.h"

#define SSTATUS_MASK (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | MSTATUS_SPP | MSTATUS_VS | MSTATUS_FS | \
                      MSTATUS_XS | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_UXL | MSTATUS_SD)
#define MEDELEG_MASK 0xb3ffull   /* causes 0-9, 12, 13, 15: ecall from M (11) cannot be delegated */
/* With H also ecall from VS (10), the guest-page faults (20, 21, 23) and virtual instruction (22). */
#define MEDELEG_H_MASK ((1ull << 10) | (0xfull << 20))
/* hedeleg: causes 0-8, 12, 13, 15; ecalls from HS/VS/M and the H-only causes stay read-only zero. */
#define HEDELEG_MASK 0xb1ffull
#define MIDELEG_MASK (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define MIE_MASK (MIP_SSIP | MIP_MSIP | MIP_STIP | MIP_MTIP | MIP_SEIP | MIP_MEIP)
#define MIP_WRITABLE (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define PMPADDR_MASK ((1ull << 54) - 1)
#define HSTATUS_WRITABLE (HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_HU | HSTATUS_VTVM | HSTATUS_VTW | HSTATUS_VTSR)
#define PMP_L 0x80
#define PMP_A_TOR 0x08

static bool has(const struct hart *h, uint64_t ext) { return (h->ext & ext) != 0; }

/* Inlined into csr_check_access, which every CSR instruction runs (csr_exists, for --log, is the
 * other caller: without the attribute GCC would stop inlining it, +0.4% host instructions on a
 * Linux-like guest). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline bool implemented(const struct hart *h, unsigned csr)
{
    switch (csr) {
    case CSR_FFLAGS: case CSR_FRM: case CSR_FCSR:
        return has(h, EXT_F);
    case CSR_SSTATUS: case CSR_SIE: case CSR_STVEC: case CSR_SCOUNTEREN: case CSR_SENVCFG:
    case CSR_SSCRATCH: case CSR_SEPC: case CSR_SCAUSE: case CSR_STVAL: case CSR_SIP: case CSR_SATP:
        return has(h, EXT_S);
    case CSR_MVENDORID: case CSR_MARCHID: case CSR_MIMPID: case CSR_MHARTID: case CSR_MCONFIGPTR:
    case CSR_MSTATUS: case CSR_MISA: case CSR_MIE: case CSR_MTVEC: case CSR_MCOUNTINHIBIT:
    case CSR_MSCRATCH: case CSR_MEPC: case CSR_MCAUSE: case CSR_MTVAL: case CSR_MIP:
    case CSR_MCYCLE: case CSR_MINSTRET: case CSR_MENVCFG:
        return true;
    case CSR_MEDELEG: case CSR_MIDELEG: case CSR_MCOUNTEREN:
        return has(h, EXT_S);
    case CSR_STIMECMP:
        return has(h, EXT_SSTC) && has(h, EXT_S);
    case CSR_SCOUNTOVF:
        return has(h, EXT_SSCOFPMF) && has(h, EXT_S);
    case CSR_HSTATUS: case CSR_HEDELEG: case CSR_HIDELEG: case CSR_HIE: case CSR_HTIMEDELTA: case CSR_HCOUNTEREN:
    case CSR_HGEIE: case CSR_HENVCFG: case CSR_HTVAL: case CSR_HIP: case CSR_HVIP: case CSR_HTINST: case CSR_HGATP:
    case CSR_HGEIP: case CSR_VSSTATUS: case CSR_VSIE: case CSR_VSTVEC: case CSR_VSSCRATCH: case CSR_VSEPC:
    case CSR_VSCAUSE: case CSR_VSTVAL: case CSR_VSIP: case CSR_VSATP: case CSR_MTINST: case CSR_MTVAL2:
        return has(h, EXT_H) && has(h, EXT_S);
    case CSR_VSTIMECMP:
        return has(h, EXT_H) && has(h, EXT_S) && has(h, EXT_SSTC);
    default:
        break;
    }
    if (csr >= CSR_CYCLE && csr <= CSR_HPMCOUNTER31) return true;
    if (csr >= CSR_MHPMCOUNTER3 && csr <= CSR_MHPMCOUNTER31) return true;
    if (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT31) return true;
    if (csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG15) return (csr & 1) == 0;   /* RV64: even only */
    if (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR63) return true;
    if (csr >= CSR_TSELECT && csr <= CSR_TCONTROL) return has(h, EXT_SDTRIG);   /* trigger.c */
    return false;
}

bool csr_exists(const struct hart *h, unsigned csr) { return implemented(h, csr); }

int csr_check_access(const struct hart *h, unsigned csr, bool write)
{
    if (!implemented(h, csr)) return CAUSE_ILLEGAL_INSN;
    if (write && (csr >> 10) == 3) return CAUSE_ILLEGAL_INSN;
    unsigned level = (csr >> 8) & 3;
    /* Hypervisor-level CSRs (level 2) belong to HS-mode (2.1 with "Hypervisor Extension"). */
    unsigned need = level == 2 ? PRV_S : level;
    if (h->virt) {
        /* V=1: what HS-mode may access but VS/VU may not is a virtual instruction. */
        if (level == 3) return CAUSE_ILLEGAL_INSN;
        if (level == 2 || (h->priv == PRV_U && level == 1)) return CAUSE_VIRTUAL_INSN;
        if (csr == CSR_SATP && (h->hstatus & HSTATUS_VTVM)) return CAUSE_VIRTUAL_INSN;
    } else if (h->priv < need) {
        return CAUSE_ILLEGAL_INSN;
    } else if ((csr == CSR_SATP || csr == CSR_HGATP) && h->priv == PRV_S && (h->mstatus & MSTATUS_TVM)) {
        return CAUSE_ILLEGAL_INSN;
    }
    if (csr >= CSR_CYCLE && csr <= CSR_HPMCOUNTER31) {
        /* 3.1.12: counter-enable registers gate lower privileges; hcounteren gates VS and VU. */
        uint64_t bit = 1ull << (csr & 31);
        if (h->priv < PRV_M && !(h->mcounteren & bit)) return CAUSE_ILLEGAL_INSN;
        if (h->virt && !(h->hcounteren & bit)) return CAUSE_VIRTUAL_INSN;
        if (h->priv == PRV_U && !(h->scounteren & bit)) return h->virt ? CAUSE_VIRTUAL_INSN : CAUSE_ILLEGAL_INSN;
    }
    /* Sstc: S-mode reaches stimecmp (and vstimecmp) only with menvcfg.STCE and mcounteren.TM;
     * VS-mode also needs henvcfg.STCE and hcounteren.TM. */
    if ((csr == CSR_STIMECMP || csr == CSR_VSTIMECMP) && h->priv < PRV_M) {
        if (!(h->menvcfg & ENVCFG_STCE) || !(h->mcounteren & 2)) return CAUSE_ILLEGAL_INSN;
        if (h->virt && (!(h->henvcfg & ENVCFG_STCE) || !(h->hcounteren & 2))) return CAUSE_VIRTUAL_INSN;
    }
    if ((csr == CSR_FFLAGS || csr == CSR_FRM || csr == CSR_FCSR) &&
        (!(h->mstatus & MSTATUS_FS) || (h->virt && !(h->vsstatus & MSTATUS_FS))))
        return CAUSE_ILLEGAL_INSN;
    return 0;
}

/* With V=1 the S CSRs that have VS counterparts name those (their numbers + 0x100). */
static unsigned virt_alias(const struct hart *h, unsigned csr)
{
    if (!h->virt) return csr;
    switch (csr) {
    case CSR_SSTATUS: case CSR_SIE: case CSR_STVEC: case CSR_SSCRATCH: case CSR_SEPC: case CSR_SCAUSE:
    case CSR_STVAL: case CSR_SIP: case CSR_STIMECMP: case CSR_SATP:
        return csr + 0x100;
    default:
        return csr;
    }
}

static uint64_t with_sd(uint64_t mstatus)
{
    bool dirty = (mstatus & MSTATUS_FS) == MSTATUS_FS || (mstatus & MSTATUS_XS) == MSTATUS_XS ||
                 (mstatus & MSTATUS_VS) == MSTATUS_VS;
    return dirty ? mstatus | MSTATUS_SD : mstatus & ~MSTATUS_SD;
}

int csr_read(struct hart *h, unsigned csr, uint64_t *value)
{
    int err = csr_check_access(h, csr, false);
    if (err) return err;
    uint64_t v = 0;
    csr = virt_alias(h, csr);
    switch (csr) {
    case CSR_FFLAGS: v = h->fflags; break;
    case CSR_FRM: v = h->frm; break;
    case CSR_FCSR: v = ((uint64_t)h->frm << 5) | h->fflags; break;
    case CSR_CYCLE: case CSR_MCYCLE: v = h->mcycle; break;
    case CSR_INSTRET: case CSR_MINSTRET: v = h->minstret; break;
    case CSR_TIME:
        v = h->read_time ? h->read_time(h->time_opaque) : 0;
        if (h->virt) v += h->htimedelta;   /* a guest's time is offset by htimedelta */
        break;
    case CSR_SSTATUS: v = with_sd(h->mstatus) & SSTATUS_MASK; break;
    case CSR_SIE: v = h->mie & h->mideleg & ~MIP_VS_MASK; break;
    case CSR_STVEC: v = h->stvec; break;
    case CSR_SCOUNTEREN: v = h->scounteren; break;
    case CSR_SENVCFG: v = h->senvcfg; break;
    case CSR_SSCRATCH: v = h->sscratch; break;
    case CSR_SEPC: v = has(h, EXT_C) ? h->sepc : h->sepc & ~3ull; break;
    case CSR_SCAUSE: v = h->scause; break;
    case CSR_STVAL: v = h->stval; break;
    case CSR_SIP: hart_irq_sync(h); hart_update_stip(h); v = h->mip & h->mideleg & ~MIP_VS_MASK; break;
    case CSR_STIMECMP: v = h->stimecmp; break;
    case CSR_SATP: v = h->satp; break;
    case CSR_MVENDORID: case CSR_MARCHID: case CSR_MIMPID: case CSR_MCONFIGPTR: v = 0; break;
    case CSR_MHARTID: v = h->mhartid; break;
    case CSR_MSTATUS: v = with_sd(h->mstatus); break;
    case CSR_MISA: v = h->misa; break;
    case CSR_MEDELEG: v = h->medeleg; break;
    case CSR_MIDELEG: v = h->mideleg; break;
    case CSR_MIE: v = h->mie; break;
    case CSR_MTVEC: v = h->mtvec; break;
    case CSR_MCOUNTEREN: v = h->mcounteren; break;
    case CSR_MENVCFG: v = h->menvcfg; break;
    case CSR_MCOUNTINHIBIT: v = h->mcountinhibit; break;
    case CSR_MSCRATCH: v = h->mscratch; break;
    case CSR_MEPC: v = has(h, EXT_C) ? h->mepc : h->mepc & ~3ull; break;
    case CSR_MCAUSE: v = h->mcause; break;
    case CSR_MTVAL: v = h->mtval; break;
    case CSR_MIP: hart_irq_sync(h); hart_update_stip(h); v = h->mip; break;
    /* H extension. hie/hip are mie/mip's VS bits, vsie/vsip those shifted down to the S
     * positions where hideleg delegates them; GEILEN = 0, so hgeie and hgeip are zero. */
    case CSR_HSTATUS: v = h->hstatus; break;
    case CSR_HEDELEG: v = h->hedeleg; break;
    case CSR_HIDELEG: v = h->hideleg; break;
    case CSR_HIE: v = h->mie & MIP_VS_MASK; break;
    case CSR_HIP: hart_update_vsip(h); v = h->mip & MIP_VS_MASK; break;
    case CSR_HVIP: v = h->hvip; break;
    case CSR_HGEIE: case CSR_HGEIP: v = 0; break;
    case CSR_HTIMEDELTA: v = h->htimedelta; break;
    case CSR_HCOUNTEREN: v = h->hcounteren; break;
    case CSR_HENVCFG: v = h->henvcfg; break;
    case CSR_HTVAL: v = h->htval; break;
    case CSR_HTINST: v = h->htinst; break;
    case CSR_HGATP: v = h->hgatp; break;
    case CSR_VSSTATUS: v = with_sd(h->vsstatus) & SSTATUS_MASK; break;
    case CSR_VSIE: v = (h->mie & h->hideleg & MIP_VS_MASK) >> 1; break;
    case CSR_VSIP: hart_update_vsip(h); v = (h->mip & h->hideleg & MIP_VS_MASK) >> 1; break;
    case CSR_VSTVEC: v = h->vstvec; break;
    case CSR_VSSCRATCH: v = h->vsscratch; break;
    case CSR_VSEPC: v = has(h, EXT_C) ? h->vsepc : h->vsepc & ~3ull; break;
    case CSR_VSCAUSE: v = h->vscause; break;
    case CSR_VSTVAL: v = h->vstval; break;
    case CSR_VSATP: v = h->vsatp; break;
    case CSR_VSTIMECMP: v = h->vstimecmp; break;
    case CSR_MTVAL2: v = h->mtval2; break;
    case CSR_MTINST: v = h->mtinst; break;
    default:
        if (csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG15) {
            unsigned base = (csr - CSR_PMPCFG0) * 4;
            for (unsigned i = 0; i < 8; i++) v |= (uint64_t)h->pmpcfg[base + i] << (8 * i);
        } else if (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR63) {
            v = h->pmpaddr[csr - CSR_PMPADDR0];
        } else if (csr >= CSR_TSELECT && csr <= CSR_TCONTROL) {
            v = trigger_csr_read(h, csr);
        } else {
            pmu_csr_read(h, csr, &v);   /* hpmcounters, mhpmcounters, mhpmevents, scountovf */
        }
        break;
    }
    *value = v;
    return 0;
}

static uint64_t tvec_legal(uint64_t old, uint64_t v) { return (v & 3) >= 2 ? old : v; }

static void write_mstatus(struct hart *h, uint64_t v, uint64_t mask)
{
    uint64_t old = h->mstatus;
    if (!has(h, EXT_F)) mask &= ~MSTATUS_FS;
    if (((v >> MSTATUS_MPP_SHIFT) & 3) == 2) mask &= ~MSTATUS_MPP;    /* reserved MPP: keep the old */
    /* Without S and U (M-only), MPP holds only M, and MPRV and TW are read-only zero (3.1.6). */
    if (!has(h, EXT_S)) mask &= ~(MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_SUM | MSTATUS_MXR |
                                  MSTATUS_TVM | MSTATUS_TSR | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TW);
    h->mstatus = (old & ~mask) | (v & mask);
    /* mstatus.MXR also governs the G stage, which the V=1 TLB sets do not key on. */
    if (((old ^ h->mstatus) & MSTATUS_MXR) && has(h, EXT_H)) mmu_flush_virt(h, MMU_FENCE_ALL, MMU_FENCE_ALL);
    if ((old ^ h->mstatus) & (MSTATUS_MPRV | MSTATUS_MPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPV))
        hart_update_mmu_mode(h);
}

static bool atp_mode_ok(uint64_t v)
{
    unsigned mode = (unsigned)(v >> 60);
    return mode == SATP_MODE_BARE || mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48 || mode == SATP_MODE_SV57;
}

static void write_pmpcfg(struct hart *h, unsigned reg, uint64_t v)
{
    unsigned base = reg * 4;
    for (unsigned i = 0; i < 8; i++) {
        if (h->pmpcfg[base + i] & PMP_L) continue;      /* locked entries ignore writes */
        uint8_t b = (uint8_t)(v >> (8 * i)) & 0x9f;      /* bits 6:5 are reserved zero */
        if ((b & 3) == 2) b &= (uint8_t)~2;              /* W without R is reserved */
        h->pmpcfg[base + i] = b;
    }
}

/* After any PMP change: cached translations may carry stale permissions. */
static void pmp_changed(struct hart *h)
{
    pmp_rebuild(h);
    mmu_flush_all(h);
}

static void write_pmpaddr(struct hart *h, unsigned i, uint64_t v)
{
    if (h->pmpcfg[i] & PMP_L) return;
    if (i + 1 < 64 && (h->pmpcfg[i + 1] & PMP_L) && (h->pmpcfg[i + 1] & 0x18) == PMP_A_TOR) return;
    h->pmpaddr[i] = v & PMPADDR_MASK;
}

static uint64_t envcfg_mask(const struct hart *h)
{
    uint64_t m = ENVCFG_FIOM;
    if (has(h, EXT_ZICBOM)) m |= ENVCFG_CBIE | ENVCFG_CBCFE;
    if (has(h, EXT_ZICBOZ)) m |= ENVCFG_CBZE;
    return m;
}

/* `mask` selects the fields writable in this register; of the M-only ones (STCE, PBMTE, ADUE) the
 * caller passes those the hart has. */
static uint64_t envcfg_legal(const struct hart *h, uint64_t old, uint64_t v, uint64_t mask)
{
    mask &= envcfg_mask(h) | ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE;
    if ((v & ENVCFG_CBIE) == (2ull << 4)) mask &= ~ENVCFG_CBIE;   /* CBIE = 2 is reserved */
    return (old & ~mask) | (v & mask);
}

int csr_write(struct hart *h, unsigned csr, uint64_t v)
{
    int err = csr_check_access(h, csr, true);
    if (err) return err;
    csr = virt_alias(h, csr);
    if ((csr == CSR_FFLAGS || csr == CSR_FRM || csr == CSR_FCSR) && h->virt) h->vsstatus |= MSTATUS_FS;
    switch (csr) {
    case CSR_FFLAGS: h->fflags = v & 0x1f; h->mstatus |= MSTATUS_FS; break;
    case CSR_FRM: h->frm = v & 7; h->mstatus |= MSTATUS_FS; break;
    case CSR_FCSR: h->fflags = v & 0x1f; h->frm = (v >> 5) & 7; h->mstatus |= MSTATUS_FS; break;
    case CSR_MCYCLE: h->mcycle = v; h->cycle_skip = 1; break;
    case CSR_MINSTRET: h->minstret = v; h->instret_skip = 1; break;
    case CSR_SSTATUS:
        write_mstatus(h, v, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM | MSTATUS_MXR);
        break;
    case CSR_SIE: h->mie = (h->mie & ~h->mideleg) | (v & h->mideleg & (MIE_MASK | pmu_irq_mask(h))); break;
    case CSR_STVEC: h->stvec = tvec_legal(h->stvec, v); break;
    case CSR_SCOUNTEREN: h->scounteren = v & 0xffffffffu; break;
    case CSR_SENVCFG: h->senvcfg = envcfg_legal(h, h->senvcfg, v, ~(ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE)); break;
    case CSR_SSCRATCH: h->sscratch = v; break;
    case CSR_SEPC: h->sepc = v & ~1ull; break;
    case CSR_SCAUSE: h->scause = v; break;
    case CSR_STVAL: h->stval = v; break;
    case CSR_SIP: {
        uint64_t m = (MIP_SSIP | pmu_irq_mask(h)) & h->mideleg;   /* Sscofpmf: LCOFIP is writable */
        h->mip = (h->mip & ~m) | (v & m);
        break;
    }
    case CSR_STIMECMP: h->stimecmp = v; hart_update_stip(h); break;
    case CSR_SATP: {
        if (!atp_mode_ok(v)) break;   /* 4.1.11: a write with an unsupported MODE has no effect */
        if (v != h->satp) {
            /* TLB entries carry no ASID, so a new address space starts with an empty TLB; only
             * the HS-level one: V=1 translations depend on vsatp and hgatp, not satp. */
            h->satp = v;
            mmu_flush_hs(h);
            if (h->debug->n_breakpoints) h->debug->satp_written(h->debug->opaque, h);
        }
        break;
    }
    case CSR_MSTATUS:
        write_mstatus(h, v, MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPP |
                                MSTATUS_FS | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW |
                                MSTATUS_TSR | (has(h, EXT_H) ? MSTATUS_MPV | MSTATUS_GVA : 0));
        break;
    case CSR_MISA: break;   /* WARL: the extensions are fixed at start-up (--isa) */
    case CSR_MEDELEG: h->medeleg = v & (MEDELEG_MASK | (has(h, EXT_H) ? MEDELEG_H_MASK : 0)); break;
    case CSR_MIDELEG:
        h->mideleg = (v & (MIDELEG_MASK | pmu_irq_mask(h))) | (has(h, EXT_H) ? MIP_VS_MASK : 0);
        break;
    case CSR_MIE: h->mie = v & (MIE_MASK | pmu_irq_mask(h) | (has(h, EXT_H) ? MIP_VS_MASK : 0)); break;
    case CSR_MTVEC: h->mtvec = tvec_legal(h->mtvec, v); break;
    case CSR_MCOUNTEREN: h->mcounteren = v & 0xffffffffu; break;
    case CSR_MENVCFG:
        h->menvcfg = envcfg_legal(h, h->menvcfg, v,
                                  ~((has(h, EXT_SSTC) ? 0 : ENVCFG_STCE) | (has(h, EXT_SVPBMT) ? 0 : ENVCFG_PBMTE) |
                                    (has(h, EXT_SVADU) ? 0 : ENVCFG_ADUE)));
        hart_update_stip(h);
        break;
    case CSR_MCOUNTINHIBIT: pmu_csr_write(h, csr, v); break;
    case CSR_MSCRATCH: h->mscratch = v; break;
    case CSR_MEPC: h->mepc = v & ~1ull; break;
    case CSR_MCAUSE: h->mcause = v; break;
    case CSR_MTVAL: h->mtval = v; break;
    case CSR_MIP: {
        /* With Sstc enabled, STIP is driven by stimecmp and read-only here. */
        uint64_t m = ((h->menvcfg & ENVCFG_STCE) ? MIP_WRITABLE & ~MIP_STIP : MIP_WRITABLE) | pmu_irq_mask(h);
        h->mip = (h->mip & ~m) | (v & m);
        /* SEIP as read is the written bit OR the PLIC's line. */
        h->seip_sw = (v & MIP_SEIP) != 0;
        hart_irq_sync(h);   /* the lines, and SEIP as the written bit OR the PLIC's line */
        if (has(h, EXT_H)) {
            h->hvip = (h->hvip & ~MIP_VSSIP) | (v & MIP_VSSIP);   /* mip.VSSIP is hvip.VSSIP */
            hart_update_vsip(h);
        }
        break;
    }
    case CSR_HSTATUS:
        h->hstatus = (h->hstatus & ~HSTATUS_WRITABLE) | (v & HSTATUS_WRITABLE);
        break;
    case CSR_HEDELEG: h->hedeleg = v & HEDELEG_MASK; break;
    case CSR_HIDELEG: h->hideleg = v & MIP_VS_MASK; break;
    case CSR_HIE: h->mie = (h->mie & ~MIP_VS_MASK) | (v & MIP_VS_MASK); break;
    case CSR_HIP: h->hvip = (h->hvip & ~MIP_VSSIP) | (v & MIP_VSSIP); hart_update_vsip(h); break;
    case CSR_HVIP: h->hvip = v & MIP_VS_MASK; hart_update_vsip(h); break;
    case CSR_HGEIE: break;   /* GEILEN = 0 */
    case CSR_HTIMEDELTA: h->htimedelta = v; hart_update_vsip(h); break;
    case CSR_HCOUNTEREN: h->hcounteren = v & 0xffffffffu; break;
    case CSR_HENVCFG:
        /* henvcfg.STCE, PBMTE and ADUE are writable only while menvcfg's are set (Sstc, Svpbmt, Svadu). */
        h->henvcfg = envcfg_legal(h, h->henvcfg, v, ~((ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE) & ~h->menvcfg));
        hart_update_vsip(h);
        break;
    case CSR_HTVAL: h->htval = v; break;
    case CSR_HTINST: h->htinst = v; break;
    case CSR_HGATP: {
        /* An unsupported MODE leaves hgatp as it was, like satp; PPN[1:0] are zero (16 KiB root). */
        if (!atp_mode_ok(v)) break;
        uint64_t nv = (v & (0xfull << 60)) | (v & HGATP_VMID_MASK) | (v & PTE_PPN_MASK & ~3ull);
        if ((nv >> 60) == SATP_MODE_BARE) nv &= HGATP_VMID_MASK;
        if (nv != h->hgatp) {
            /* V=1 translations are kept per hgatp and vsatp value (hart.h, VMID slots): another
             * VM's are found again, a new value starts in an emptied slot. A change takes effect
             * at once; a reused VMID or changed G-stage tables need HFENCE.GVMA ("hgatp"). */
            h->hgatp = nv;
            hart_update_mmu_mode(h);
        }
        break;
    }
    case CSR_VSSTATUS: {
        uint64_t m = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR |
                     (has(h, EXT_F) ? MSTATUS_FS : 0);
        uint64_t old = h->vsstatus;
        h->vsstatus = (old & ~m) | (v & m);
        if ((old ^ h->vsstatus) & (MSTATUS_SUM | MSTATUS_MXR)) hart_update_mmu_mode(h);
        break;
    }
    case CSR_VSIE: {
        uint64_t m = h->hideleg & MIP_VS_MASK;
        h->mie = (h->mie & ~m) | ((v << 1) & m);
        break;
    }
    case CSR_VSIP:
        if (h->hideleg & MIP_VSSIP) {
            h->hvip = (h->hvip & ~MIP_VSSIP) | ((v << 1) & MIP_VSSIP);
            hart_update_vsip(h);
        }
        break;
    case CSR_VSTVEC: h->vstvec = tvec_legal(h->vstvec, v); break;
    case CSR_VSSCRATCH: h->vsscratch = v; break;
    case CSR_VSEPC: h->vsepc = v & ~1ull; break;
    case CSR_VSCAUSE: h->vscause = v; break;
    case CSR_VSTVAL: h->vstval = v; break;
    case CSR_VSATP:
        if (!atp_mode_ok(v)) break;
        if (v != h->vsatp) {
            h->vsatp = v;
            hart_update_mmu_mode(h);   /* the VMID slot for the new key (hart.h) */
        }
        break;
    case CSR_VSTIMECMP: h->vstimecmp = v; hart_update_vsip(h); break;
    case CSR_MTVAL2: h->mtval2 = v; break;
    case CSR_MTINST: h->mtinst = v; break;
    default:
        if (csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG15) {
            write_pmpcfg(h, csr - CSR_PMPCFG0, v);
            pmp_changed(h);
        } else if (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR63) {
            write_pmpaddr(h, csr - CSR_PMPADDR0, v);
            pmp_changed(h);
        } else if (csr >= CSR_TSELECT && csr <= CSR_TCONTROL) {
            trigger_csr_write(h, csr, v);
        } else {
            pmu_csr_write(h, csr, v);   /* mhpmcounterN, mhpmeventN */
        }
        break;
    }
    return 0;
}

bool csr_cbo_enabled(const struct hart *h, uint64_t field)
{
    if (h->priv == PRV_M) return true;
    if (!(h->menvcfg & field)) return false;
    return h->priv == PRV_S || (h->senvcfg & field);
}

const char *csr_name(unsigned csr, char *buf, size_t len)
{
    static const struct { unsigned n; const char *name; } names[] = {
        { CSR_FFLAGS, "fflags" }, { CSR_FRM, "frm" }, { CSR_FCSR, "fcsr" },
        { CSR_CYCLE, "cycle" }, { CSR_TIME, "time" }, { CSR_INSTRET, "instret" },
        { CSR_SSTATUS, "sstatus" }, { CSR_SIE, "sie" }, { CSR_STVEC, "stvec" }, { CSR_SCOUNTEREN, "scounteren" },
        { CSR_SENVCFG, "senvcfg" }, { CSR_SSCRATCH, "sscratch" }, { CSR_SEPC, "sepc" }, { CSR_SCAUSE, "scause" },
        { CSR_STVAL, "stval" }, { CSR_SIP, "sip" }, { CSR_STIMECMP, "stimecmp" }, { CSR_SATP, "satp" },
        { CSR_MVENDORID, "mvendorid" }, { CSR_MARCHID, "marchid" }, { CSR_MIMPID, "mimpid" },
        { CSR_MHARTID, "mhartid" }, { CSR_MCONFIGPTR, "mconfigptr" }, { CSR_MSTATUS, "mstatus" },
        { CSR_MISA, "misa" }, { CSR_MEDELEG, "medeleg" }, { CSR_MIDELEG, "mideleg" }, { CSR_MIE, "mie" },
        { CSR_MTVEC, "mtvec" }, { CSR_MCOUNTEREN, "mcounteren" }, { CSR_MENVCFG, "menvcfg" },
        { CSR_MCOUNTINHIBIT, "mcountinhibit" }, { CSR_MSCRATCH, "mscratch" }, { CSR_MEPC, "mepc" },
        { CSR_MCAUSE, "mcause" }, { CSR_MTVAL, "mtval" }, { CSR_MIP, "mip" }, { CSR_MCYCLE, "mcycle" },
        { CSR_MINSTRET, "minstret" }, { CSR_SCOUNTOVF, "scountovf" },
        { CSR_TSELECT, "tselect" }, { CSR_TDATA1, "tdata1" }, { CSR_TDATA2, "tdata2" }, { CSR_TDATA3, "tdata3" },
        { CSR_TINFO, "tinfo" }, { CSR_TCONTROL, "tcontrol" },
        { CSR_HSTATUS, "hstatus" }, { CSR_HEDELEG, "hedeleg" }, { CSR_HIDELEG, "hideleg" }, { CSR_HIE, "hie" },
        { CSR_HTIMEDELTA, "htimedelta" }, { CSR_HCOUNTEREN, "hcounteren" }, { CSR_HGEIE, "hgeie" },
        { CSR_HENVCFG, "henvcfg" }, { CSR_HTVAL, "htval" }, { CSR_HIP, "hip" }, { CSR_HVIP, "hvip" },
        { CSR_HTINST, "htinst" }, { CSR_HGATP, "hgatp" }, { CSR_HGEIP, "hgeip" },
        { CSR_VSSTATUS, "vsstatus" }, { CSR_VSIE, "vsie" }, { CSR_VSTVEC, "vstvec" }, { CSR_VSSCRATCH, "vsscratch" },
        { CSR_VSEPC, "vsepc" }, { CSR_VSCAUSE, "vscause" }, { CSR_VSTVAL, "vstval" }, { CSR_VSIP, "vsip" },
        { CSR_VSTIMECMP, "vstimecmp" }, { CSR_VSATP, "vsatp" }, { CSR_MTINST, "mtinst" }, { CSR_MTVAL2, "mtval2" },
    };
    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].n == csr) return names[i].name;
    /* Numbered families share a stem. */
    const char *stem = NULL;
    unsigned n = 0;
    if (csr >= CSR_HPMCOUNTER3 && csr <= CSR_HPMCOUNTER31) { stem = "hpmcounter"; n = csr - CSR_CYCLE; }
    else if (csr >= CSR_MHPMCOUNTER3 && csr <= CSR_MHPMCOUNTER31) { stem = "mhpmcounter"; n = csr - CSR_MCYCLE; }
    else if (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT31) { stem = "mhpmevent"; n = csr - 0x320; }
    else if (csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG15) { stem = "pmpcfg"; n = csr - CSR_PMPCFG0; }
    else if (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR63) { stem = "pmpaddr"; n = csr - CSR_PMPADDR0; }
    if (!stem || !buf) return NULL;
    snprintf(buf, len, "%s%u", stem, n);
    return buf;
}

int csr_number(const char *name)
{
    char buf[32];
    for (unsigned csr = 0; csr < 0x1000; csr++) {
        const char *n = csr_name(csr, buf, sizeof(buf));
        if (n && strcmp(n, name) == 0) return (int)csr;
    }
    return -1;
}
