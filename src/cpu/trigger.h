/* The Sdtrig trigger module: tselect, tdata1-3, tinfo, tcontrol and the triggers behind them (RISC-V Debug Specification 1.0, chapter 5). */
#ifndef VHART_CPU_TRIGGER_H
#define VHART_CPU_TRIGGER_H

#include <stdbool.h>
#include <stdint.h>

struct hart;

/* Triggers per hart. Every one supports types 2 (mcontrol), 3 (icount), 4 (itrigger),
 * 5 (etrigger) and 6 (mcontrol6), and 15 (disabled). */
#define TRIGGER_COUNT 4

enum {
    CSR_TSELECT = 0x7a0, CSR_TDATA1 = 0x7a1, CSR_TDATA2 = 0x7a2, CSR_TDATA3 = 0x7a3, CSR_TINFO = 0x7a4,
    CSR_TCONTROL = 0x7a5,
};

/* tdata1.type (5.7.2). */
enum {
    TRIGGER_TYPE_NONE = 0, TRIGGER_TYPE_MCONTROL = 2, TRIGGER_TYPE_ICOUNT = 3, TRIGGER_TYPE_ITRIGGER = 4,
    TRIGGER_TYPE_ETRIGGER = 5, TRIGGER_TYPE_MCONTROL6 = 6, TRIGGER_TYPE_DISABLED = 15,
};
#define TRIGGER_TYPE_SHIFT 60

/* tcontrol (5.7.6): M-mode trigger enable and its previous value across a trap into M. */
#define TCONTROL_MTE (1ull << 3)
#define TCONTROL_MPTE (1ull << 7)

/* What kind of trigger is armed (enabled in some mode), so that everything else costs nothing:
 *   STEP  an execute or icount trigger: the interpreter runs one instruction at a time, checked;
 *   DATA  a load or store trigger: no data TLB entries, every access takes the checked slow path;
 *   TRAP  an itrigger or etrigger: trap entry looks at them. */
#define TRIGGER_ARMED_STEP 1u
#define TRIGGER_ARMED_DATA 2u
#define TRIGGER_ARMED_TRAP 4u

/* Access kinds for trigger_check_data (an AMO is both). */
#define TRIGGER_LOAD 1u
#define TRIGGER_STORE 2u

struct trigger_state {
    uint64_t tdata1[TRIGGER_COUNT];
    uint64_t tdata2[TRIGGER_COUNT];
    uint64_t tselect;
    uint64_t tcontrol;
    unsigned armed;       /* TRIGGER_ARMED_* */
    bool firing;          /* a trigger's own breakpoint trap is being taken */
};

/* Reset state: every trigger type 2 with nothing enabled (as QEMU and Spike), tselect 0, tcontrol 0. */
void trigger_reset(struct hart *h);

/* After a snapshot load wrote tselect, tcontrol, tdata1 and tdata2: false if they hold values no
 * CSR write could have produced (a corrupt snapshot); else the derived state is rebuilt. */
bool trigger_state_loaded(struct hart *h);

/* CSR access for tselect..tcontrol (M-level; the caller has checked privilege). A write
 * legalises (WARL) and re-arms; it asks the interpreter to leave its fast loop. */
uint64_t trigger_csr_read(const struct hart *h, unsigned csr);
void trigger_csr_write(struct hart *h, unsigned csr, uint64_t value);

/* Trap entry into M-mode: mpte <- mte, mte <- 0. mret: mte <- mpte (5.7.6). */
static inline void trigger_trap_to_m(struct trigger_state *t)
{
    t->tcontrol = (t->tcontrol & TCONTROL_MTE) ? TCONTROL_MPTE : 0;
}
static inline void trigger_mret(struct trigger_state *t)
{
    t->tcontrol = (t->tcontrol & TCONTROL_MPTE) | ((t->tcontrol & TCONTROL_MPTE) ? TCONTROL_MTE : 0);
}

/* After a trap from privilege `from` (with tcontrol as it was before the trap): itrigger and
 * etrigger that match take a breakpoint trap before the handler's first instruction. */
void trigger_after_trap(struct hart *h, uint64_t cause, unsigned from, uint64_t tcontrol_before);

/* Before a load/store/AMO of `size` bytes at `va` (kinds TRIGGER_LOAD/STORE): returns true and
 * stages a breakpoint exception (tval = va) if a trigger fires; the access must not happen. */
bool trigger_check_data(struct hart *h, uint64_t va, unsigned size, unsigned kinds);

/* Per-instruction checks of the checked run (TRIGGER_ARMED_STEP). trigger_before_insn: a pending
 * icount or an execute match at h->pc takes the breakpoint trap now (returns true).
 * trigger_count: one icount event (an instruction retired or a trap was taken) for an
 * instruction fetched in `from` with tcontrol `tcontrol_before`; `old_tdata1` is the tdata1 of
 * each trigger before the instruction (a trigger the instruction wrote does not count it). */
bool trigger_before_insn(struct hart *h);
void trigger_count(struct hart *h, unsigned from, uint64_t tcontrol_before, const uint64_t *old_tdata1);

#endif
