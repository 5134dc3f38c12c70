/* Hardware performance monitor: mhpmcounter3-31 with vhart's events, mode filtering and the Sscofpmf
 * overflow interrupt (privileged spec "Hardware Performance Monitor", "Sscofpmf" chapter). */
#ifndef VHART_CPU_PMU_H
#define VHART_CPU_PMU_H

#include <stdbool.h>
#include <stdint.h>

struct hart;

#define PMU_FIRST 3          /* mhpmcounter3 is the first programmable counter */
#define PMU_LAST 31
#define PMU_HPM_MASK 0xfffffff8u   /* counters 3-31 as bits of mcountinhibit/mcounteren */

/* mhpmevent fields (Sscofpmf): overflow, and the mode-inhibit bits. */
#define HPMEVENT_OF (1ull << 63)
#define HPMEVENT_MINH (1ull << 62)
#define HPMEVENT_SINH (1ull << 61)
#define HPMEVENT_UINH (1ull << 60)
#define HPMEVENT_VSINH (1ull << 59)
#define HPMEVENT_VUINH (1ull << 58)
#define HPMEVENT_SEL 0xffull      /* the event selector: vhart's events below */

/* vhart's event encoding, written into mhpmevent[7:0] (docs/pmu.md). Cycles are counted as one per
 * retired instruction, as mcycle is. */
enum {
    PMU_EV_NONE = 0,
    PMU_EV_CYCLES = 1,        /* cycles (vhart: = retired instructions) */
    PMU_EV_INSTRET = 2,       /* instructions retired */
    PMU_EV_EXCEPTION = 3,     /* synchronous exceptions taken */
    PMU_EV_INTERRUPT = 4,     /* interrupts taken */
    PMU_EV_COUNT
};

/* Recompute h->pmu_insn / h->pmu_trap after mhpmevent, mcountinhibit or a state load changed. */
void pmu_update(struct hart *h);

/* `delta` instructions retired in the current mode (called where minstret is synced, only while
 * h->pmu_insn is non-zero). */
void pmu_retire(struct hart *h, uint64_t delta);

/* A trap is being taken from the current mode (hart_trap, only while h->pmu_trap is non-zero). */
void pmu_trap(struct hart *h, bool interrupt);

/* Instructions that may retire before an instruction-counting counter wraps (and with Sscofpmf
 * raises its overflow interrupt), or 0 if none is near: the interpreter ends its slice there. */
uint64_t pmu_insns_to_overflow(const struct hart *h);

/* The mip/mie/mideleg bits this hart adds: MIP_LCOFIP with Sscofpmf, else 0. */
uint64_t pmu_irq_mask(const struct hart *h);

/* CSR accesses the PMU owns (mhpmcounterN, hpmcounterN, mhpmeventN, mcountinhibit, scountovf),
 * after csr.c's access checks: return true if `csr` is theirs. */
bool pmu_csr_read(struct hart *h, unsigned csr, uint64_t *value);
bool pmu_csr_write(struct hart *h, unsigned csr, uint64_t value);

#endif
