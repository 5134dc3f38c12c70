/* Hardware performance monitor (privileged spec 1.12, 3.1.10-3.1.13 "Hardware Performance Monitor",
 * "Counter-Enable", "Counter-Inhibit"; Sscofpmf 1.0: mhpmevent OF and xINH bits, scountovf, LCOFI).
 *
 * Counting costs nothing while no counter is enabled: instruction events are derived from the
 * interpreter's retired count where minstret is synced (block ends, CSR accesses, traps: every
 * privilege change is such a point, so a whole delta belongs to one mode), trap events are counted
 * in hart_trap, and both are skipped with one test of a mask when the mask is empty. */
#include "pmu.h"

#include "csr.h"
#include "decode.h"
#include "hart.h"

/* Index of the lowest set bit of a non-zero mask. */
static unsigned lowest(uint32_t m)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctz(m);
#else
    unsigned i = 0;
    while (!(m & 1)) m >>= 1, i++;
    return i;
#endif
}

static bool has_sscofpmf(const struct hart *h) { return (h->ext & EXT_SSCOFPMF) != 0; }

uint64_t pmu_irq_mask(const struct hart *h) { return has_sscofpmf(h) ? MIP_LCOFIP : 0; }

void pmu_update(struct hart *h)
{
    uint32_t insn = 0, trap = 0;
    for (unsigned i = PMU_FIRST; i <= PMU_LAST; i++) {
        if ((h->mcountinhibit >> i) & 1) continue;
        switch (h->mhpmevent[i] & HPMEVENT_SEL) {
        case PMU_EV_CYCLES: case PMU_EV_INSTRET: insn |= 1u << i; break;
        case PMU_EV_EXCEPTION: case PMU_EV_INTERRUPT: trap |= 1u << i; break;
        default: break;
        }
    }
    h->pmu_insn = insn;
    h->pmu_trap = trap;
    h->hpm_skip = 0;
}

/* Sscofpmf: whether mhpmevent's mode-inhibit bits stop counting in the current mode. */
static bool inhibited(const struct hart *h, uint64_t ev)
{
    if (h->virt) return (ev & (h->priv == PRV_S ? HPMEVENT_VSINH : HPMEVENT_VUINH)) != 0;
    switch (h->priv) {
    case PRV_M: return (ev & HPMEVENT_MINH) != 0;
    case PRV_S: return (ev & HPMEVENT_SINH) != 0;
    default: return (ev & HPMEVENT_UINH) != 0;
    }
}

/* Add n to counter i; on a wrap set OF, and raise LCOFI if OF was clear (Sscofpmf: "overflow"). */
static void add(struct hart *h, unsigned i, uint64_t n)
{
    uint64_t old = h->mhpmcounter[i];
    h->mhpmcounter[i] = old + n;
    if (h->mhpmcounter[i] >= old || !has_sscofpmf(h)) return;
    if (!(h->mhpmevent[i] & HPMEVENT_OF)) {
        h->mhpmevent[i] |= HPMEVENT_OF;
        h->mip |= MIP_LCOFIP;
    }
}

void pmu_retire(struct hart *h, uint64_t delta)
{
    for (uint32_t m = h->pmu_insn; m; m &= m - 1) {
        unsigned i = lowest(m);
        uint64_t skip = (h->hpm_skip >> i) & 1, n = delta > skip ? delta - skip : 0;
        if (n && !inhibited(h, h->mhpmevent[i])) add(h, i, n);
    }
    h->hpm_skip = 0;
}

void pmu_trap(struct hart *h, bool interrupt)
{
    uint64_t want = interrupt ? PMU_EV_INTERRUPT : PMU_EV_EXCEPTION;
    for (uint32_t m = h->pmu_trap; m; m &= m - 1) {
        unsigned i = lowest(m);
        if ((h->mhpmevent[i] & HPMEVENT_SEL) == want && !inhibited(h, h->mhpmevent[i])) add(h, i, 1);
    }
}

uint64_t pmu_insns_to_overflow(const struct hart *h)
{
    if (!has_sscofpmf(h)) return 0;
    uint64_t best = 0;
    /* Every instruction counter that could still raise LCOFI, whatever mode it counts in: a slice
     * that starts where the counter is inhibited may drop into a mode where it counts. */
    for (uint32_t m = h->pmu_insn; m; m &= m - 1) {
        unsigned i = lowest(m);
        uint64_t left = 0 - h->mhpmcounter[i];   /* increments until the wrap; 0: a full 2^64 */
        if (left && !(h->mhpmevent[i] & HPMEVENT_OF) && (!best || left < best)) best = left;
    }
    return best;
}

/* mhpmevent's writable bits: the selector holds only vhart's events (WARL: others read as 0), the
 * Sscofpmf bits exist with Sscofpmf, VSINH and VUINH with H too. */
static uint64_t event_legal(const struct hart *h, uint64_t v)
{
    uint64_t sel = v & HPMEVENT_SEL;
    uint64_t r = sel < PMU_EV_COUNT ? sel : PMU_EV_NONE;
    if (has_sscofpmf(h)) {
        r |= v & (HPMEVENT_OF | HPMEVENT_MINH | HPMEVENT_SINH | HPMEVENT_UINH);
        if (h->ext & EXT_H) r |= v & (HPMEVENT_VSINH | HPMEVENT_VUINH);
    }
    return r;
}

/* scountovf: the OF bits, each visible below M only where mcounteren (and with V=1 hcounteren)
 * lets this mode read that counter (Sscofpmf, "scountovf"). */
static uint64_t scountovf(const struct hart *h)
{
    uint64_t v = 0;
    for (unsigned i = PMU_FIRST; i <= PMU_LAST; i++)
        if (h->mhpmevent[i] & HPMEVENT_OF) v |= 1ull << i;
    if (h->priv < PRV_M) v &= h->mcounteren;
    if (h->virt) v &= h->hcounteren;
    return v;
}

bool pmu_csr_read(struct hart *h, unsigned csr, uint64_t *value)
{
    if (csr >= CSR_MHPMCOUNTER3 && csr <= CSR_MHPMCOUNTER31) *value = h->mhpmcounter[csr - CSR_MCYCLE];
    else if (csr >= CSR_HPMCOUNTER3 && csr <= CSR_HPMCOUNTER31) *value = h->mhpmcounter[csr - CSR_CYCLE];
    else if (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT31) *value = h->mhpmevent[csr - CSR_MCOUNTINHIBIT];
    else if (csr == CSR_SCOUNTOVF) *value = scountovf(h);
    else return false;
    return true;
}

bool pmu_csr_write(struct hart *h, unsigned csr, uint64_t v)
{
    if (csr >= CSR_MHPMCOUNTER3 && csr <= CSR_MHPMCOUNTER31) {
        unsigned i = csr - CSR_MCYCLE;
        h->mhpmcounter[i] = v;
        /* The writing instruction itself is not counted (3.1.11, as for minstret). */
        h->hpm_skip |= h->pmu_insn & (1u << i);
    } else if (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT31) {
        h->mhpmevent[csr - CSR_MCOUNTINHIBIT] = event_legal(h, v);
        pmu_update(h);
    } else if (csr == CSR_MCOUNTINHIBIT) {
        h->mcountinhibit = v & (0x5 | PMU_HPM_MASK);   /* CY, IR and the HPM counters; TM is zero */
        pmu_update(h);
    } else {
        return false;
    }
    /* End the interpreter's slice: hart_run then bounds the next one by the new overflow point. */
    h->need_exit = true;
    return true;
}
