/* One RISC-V hart: architectural state, privilege and trap machinery (privileged spec 1.12, ch. 3-4). */
#ifndef VHART_CPU_HART_H
#define VHART_CPU_HART_H

#include <stdbool.h>
#include <stdint.h>

#include "decode.h"
#include "trigger.h"

struct bus;
struct bus_region;
struct machine;

/* Privilege levels as encoded in mstatus.MPP. With the H extension the virtualization mode V
 * (struct hart's `virt`) is kept beside them: S with V=1 is VS-mode, U with V=1 is VU-mode. */
enum { PRV_U = 0, PRV_S = 1, PRV_M = 3 };
/* OR'd into the `from` privilege passed to trap_hook when the trap came from V=1. */
#define HART_PRIV_VIRT 4u

/* Exception causes (privileged spec table 3.6). */
enum {
    CAUSE_MISALIGNED_FETCH = 0, CAUSE_FETCH_ACCESS = 1, CAUSE_ILLEGAL_INSN = 2, CAUSE_BREAKPOINT = 3,
    CAUSE_MISALIGNED_LOAD = 4, CAUSE_LOAD_ACCESS = 5, CAUSE_MISALIGNED_STORE = 6, CAUSE_STORE_ACCESS = 7,
    CAUSE_ECALL_U = 8, CAUSE_ECALL_S = 9, CAUSE_ECALL_M = 11,
    CAUSE_FETCH_PAGE_FAULT = 12, CAUSE_LOAD_PAGE_FAULT = 13, CAUSE_STORE_PAGE_FAULT = 15,
    /* H extension (privileged spec, "Hypervisor Extension" 1.0, table of mcause values). */
    CAUSE_ECALL_VS = 10, CAUSE_FETCH_GUEST_PAGE_FAULT = 20, CAUSE_LOAD_GUEST_PAGE_FAULT = 21,
    CAUSE_VIRTUAL_INSN = 22, CAUSE_STORE_GUEST_PAGE_FAULT = 23,
};
#define CAUSE_INTERRUPT (1ull << 63)

/* Interrupt numbers (mip/mie bits). */
enum { IRQ_S_SOFT = 1, IRQ_VS_SOFT = 2, IRQ_M_SOFT = 3, IRQ_S_TIMER = 5, IRQ_VS_TIMER = 6, IRQ_M_TIMER = 7,
       IRQ_S_EXT = 9, IRQ_VS_EXT = 10, IRQ_M_EXT = 11, IRQ_S_GEXT = 12,
       IRQ_LCOF = 13 /* Sscofpmf: local counter overflow (pmu.c) */ };
#define MIP_SSIP (1ull << IRQ_S_SOFT)
#define MIP_MSIP (1ull << IRQ_M_SOFT)
#define MIP_STIP (1ull << IRQ_S_TIMER)
#define MIP_MTIP (1ull << IRQ_M_TIMER)
#define MIP_SEIP (1ull << IRQ_S_EXT)
#define MIP_MEIP (1ull << IRQ_M_EXT)
#define MIP_VSSIP (1ull << IRQ_VS_SOFT)
#define MIP_VSTIP (1ull << IRQ_VS_TIMER)
#define MIP_VSEIP (1ull << IRQ_VS_EXT)
#define MIP_VS_MASK (MIP_VSSIP | MIP_VSTIP | MIP_VSEIP)
#define MIP_LCOFIP (1ull << IRQ_LCOF)

/* mstatus fields (privileged spec 3.1.6). */
#define MSTATUS_SIE (1ull << 1)
#define MSTATUS_MIE (1ull << 3)
#define MSTATUS_SPIE (1ull << 5)
#define MSTATUS_UBE (1ull << 6)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_SPP (1ull << 8)
#define MSTATUS_VS (3ull << 9)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3ull << MSTATUS_MPP_SHIFT)
#define MSTATUS_FS_SHIFT 13
#define MSTATUS_FS (3ull << MSTATUS_FS_SHIFT)
#define MSTATUS_XS (3ull << 15)
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_SUM (1ull << 18)
#define MSTATUS_MXR (1ull << 19)
#define MSTATUS_TVM (1ull << 20)
#define MSTATUS_TW (1ull << 21)
#define MSTATUS_TSR (1ull << 22)
#define MSTATUS_UXL (3ull << 32)
#define MSTATUS_SXL (3ull << 34)
#define MSTATUS_GVA (1ull << 38)
#define MSTATUS_MPV (1ull << 39)
#define MSTATUS_SD (1ull << 63)

/* hstatus fields (H extension, "Hypervisor Status Register"). VSBE is read-only zero (little-endian
 * only) and VGEIN read-only zero (GEILEN = 0). */
#define HSTATUS_GVA (1ull << 6)
#define HSTATUS_SPV (1ull << 7)
#define HSTATUS_SPVP (1ull << 8)
#define HSTATUS_HU (1ull << 9)
#define HSTATUS_VTVM (1ull << 20)
#define HSTATUS_VTW (1ull << 21)
#define HSTATUS_VTSR (1ull << 22)
#define HSTATUS_VSXL (3ull << 32)

/* Software TLB (see docs/architecture.md): direct-mapped, one entry per 4 KiB virtual page.
 * A hit is `tag == (va & ~0xfff)` (misaligned accesses never hit) and host = va + addend. */
#define TLB_BITS 10
#define TLB_SIZE (1u << TLB_BITS)
#define TLB_INVALID (~0ull)

struct tlb_entry {
    uint64_t tag;
    uintptr_t addend;
};
struct tlb_fetch_entry {
    uint64_t tag;
    uintptr_t addend;
    struct insn *slots;   /* decoded slots of the physical page */
    uint64_t paddr;       /* physical page address */
    struct bus_region *region;   /* the memory region holding it */
};
/* Each set logs the indices it fills, so that a flush (Linux does one every few ten thousand
 * instructions) clears those entries instead of the whole set; past TLB_LOG_SIZE fills it clears
 * everything. Log codes: index, plus TLB_LOG_WRITE for the write array. */
#define TLB_LOG_SIZE 64
#define TLB_LOG_WRITE 0x8000u
/* A set's entries are written only once it is first chosen (hart_update_mmu_mode), not at
 * reset: a hart has 47 sets, 1.3 MiB, and touching them all made each hart cost about 5 ms of
 * page faults at start-up. Until `ready`, the entries are garbage and `used` is false, so that
 * nothing (flushes, other threads' drops, the debugger) takes them for translations. */
struct tlb_data_set {
    struct tlb_entry r[TLB_SIZE];
    struct tlb_entry w[TLB_SIZE];
    bool used;            /* filled since its last flush */
    bool ready;           /* entries initialised since reset */
    unsigned nlog;        /* fills logged; TLB_LOG_SIZE + 1: too many, clear all */
    uint16_t log[TLB_LOG_SIZE];
};
struct tlb_fetch_set {
    struct tlb_fetch_entry x[TLB_SIZE];
    bool used;
    bool ready;
    unsigned nlog;
    uint16_t log[TLB_LOG_SIZE];
};
/* An entry filled from a superpage mapping: an sfence.vma of any address in that superpage must
 * drop it (4.2.1), although its tag names another 4 KiB page. */
#define TLB_SUPER_NOTES 32
struct tlb_super_note {
    uint64_t *tag;        /* the entry's tag (it may have been refilled since: dropping is harmless) */
    uint64_t base, mask;  /* the superpage: va & ~mask == base */
};
struct tlb_super_notes {
    unsigned n;           /* TLB_SUPER_NOTES + 1: too many, flush the sets they cover on sfence.vma */
    struct tlb_super_note note[TLB_SUPER_NOTES];
};
/* Data TLB sets are chosen by effective privilege, SUM and MXR, so that toggling SUM (as kernels
 * do around user copies) switches sets instead of flushing. Index: priv_index * 4 + SUM*2 + MXR.
 * With V=1 (VS/VU, two-stage translation) the sets of a VMID slot are used instead (below): a
 * world switch between a hypervisor and its guest changes sets, never flushes them. */
#define DTLB_SETS_V0 12
/* V=1 translations (guest virtual page -> host page, both stages folded) live in TLB_VSLOTS slots,
 * each keyed by the hgatp (VMID, MODE, root) and vsatp values its entries were made under, so that
 * a hypervisor switching between VMs (or a guest between address spaces) finds each one's
 * translations again; the least recently selected slot is emptied for a new key. A slot has
 * DTLB_VSETS data sets (VU + MXR; VS + vsstatus.SUM*2 + MXR) and ITLB_VSETS fetch sets (VU, VS). */
#define TLB_VSLOTS 4
#define DTLB_VSETS 6
#define ITLB_VSETS 2
#define DTLB_SETS (DTLB_SETS_V0 + TLB_VSLOTS * DTLB_VSETS)
/* Fetch sets: U, S, M, then VU and VS of each slot. */
#define ITLB_SETS_V0 3
#define ITLB_SETS (ITLB_SETS_V0 + TLB_VSLOTS * ITLB_VSETS)
struct tlb_vslot {
    bool live;            /* the key is set (its entries may be empty) */
    uint64_t hgatp, vsatp;   /* the key */
    uint64_t stamp;       /* when last selected (LRU) */
    struct tlb_super_notes notes;   /* superpage fills of this slot's sets */
};
/* The VMID of a slot's (or hgatp's) translations. */
#define TLB_VMID(hgatp) (((hgatp) >> 44) & 0x3fffu)

struct hart_stats {
    uint64_t data_misses;      /* TLB refills (page walks) for data */
    uint64_t fetch_lookups;    /* fetch TLB lookups (page changes) */
    uint64_t fetch_misses;
    uint64_t mmio_accesses;
    uint64_t spin_yields;      /* slices ended early by a spin loop's branch or a pause */
    uint64_t wfi_polls;        /* slices ended by a wfi that could not stall (a pending, masked interrupt) */
};

/* What the instruction trace needs to know about the instruction about to run (debug.c). */
struct trace_record {
    bool valid;
    uint64_t pc;
    unsigned priv;
    bool virt;                /* H: V=1 (VS or VU) */
    uint32_t raw;
    unsigned len;
    uint64_t mem_addr;
    unsigned mem_size;        /* 0: no memory access */
    bool mem_write;
    bool mem_value_known;     /* plain stores: the value comes from the source register */
    uint64_t mem_value;
};

/* A hart's architectural state: registers, privilege, CSRs, reservation, pending interrupts, WFI.
 * Listed once, so that struct hart's fields, the snapshot's save and load, and the comparison of two
 * harts (hart_state.c) all come from the same list and cannot drift apart. S(type, name) is a
 * scalar, A(type, name, n) an array. Everything else in struct hart is a host-side cache derived
 * from these (TLBs, decoded cross-page slot, PMP rules, page-walk cache) or run control between the
 * interpreter and the machine: a restored hart rebuilds or clears it (hart_state_loaded). */
typedef uint64_t hart_u64;
typedef uint32_t hart_u32;
typedef uint8_t hart_u8;
typedef bool hart_bool;
typedef struct trigger_state hart_trig;
#define HART_ARCH_STATE(S, A)                                                                      \
    A(u64, x, 33)               /* x[32] is a write sink for rd = x0 */                           \
    A(u64, f, 32)                                                                                \
    S(u64, pc)                                                                                   \
    S(u32, priv)                                                                                 \
    S(u64, ext)                 /* enabled extensions (EXT_*) */                                  \
    S(u64, mhartid) S(u64, mstatus) S(u64, misa) S(u64, medeleg) S(u64, mideleg)                 \
    S(u64, mie) S(u64, mip)                                                                      \
    S(bool, seip_sw) S(bool, seip_ext)   /* the two sources of mip.SEIP */                        \
    S(u64, mtvec) S(u64, stvec) S(u64, mepc) S(u64, sepc) S(u64, mcause) S(u64, scause)          \
    S(u64, mtval) S(u64, stval) S(u64, mscratch) S(u64, sscratch)                               \
    S(u64, mcounteren) S(u64, scounteren) S(u64, mcountinhibit) S(u64, menvcfg) S(u64, senvcfg)  \
    S(u64, satp) S(u64, stimecmp) S(u32, fflags) S(u32, frm)                                     \
    A(u8, pmpcfg, 64) A(u64, pmpaddr, 64)                                                        \
    S(u64, minstret) S(u64, mcycle)                                                              \
    /* Set by a CSR write to minstret/mcycle: the writing instruction's own retirement is not   \
     * counted (privileged spec 3.1.11). Consumed when the interpreter next syncs counters. */  \
    S(u8, instret_skip) S(u8, cycle_skip)                                                        \
    /* LR/SC reservation: address and the value loaded; an SC succeeds only if both still hold. */ \
    S(bool, resv_valid) S(u64, resv_addr) S(u64, resv_value)                                     \
    S(bool, wfi)                /* waiting for an interrupt */                                    \
    /* H extension: the virtualization mode V, the hypervisor CSRs and the VS CSRs (the VS CSRs    \
     * stand in for the S ones while V=1). hie/hip/vsie/vsip are views of mie/mip; mip's VS bits   \
     * are hvip's OR'd with VSTIP from vstimecmp (hart_update_vsip). */                          \
    S(bool, virt) S(u64, hstatus) S(u64, hedeleg) S(u64, hideleg) S(u64, hvip)                    \
    S(u64, hcounteren) S(u64, htval) S(u64, htinst) S(u64, hgatp) S(u64, henvcfg)                \
    S(u64, htimedelta) S(u64, vsstatus) S(u64, vstvec) S(u64, vsscratch) S(u64, vsepc)           \
    S(u64, vscause) S(u64, vstval) S(u64, vsatp) S(u64, vstimecmp) S(u64, mtval2) S(u64, mtinst) \
    S(trig, trig)               /* Sdtrig: tselect, tdata1-2, tcontrol (trigger.c saves it) */  \
    /* Zihpm/Sscofpmf (pmu.c): mhpmcounter3-31 and mhpmevent3-31, indexed by counter number     \
     * (0-2 unused); hpm_skip: the counters a CSR write of this instruction set (not counted). */ \
    A(u64, mhpmcounter, 32) A(u64, mhpmevent, 32) S(u32, hpm_skip)

#define HART_DECLARE_SCALAR(type, name) hart_##type name;
#define HART_DECLARE_ARRAY(type, name, n) hart_##type name[n];

struct hart_arch {
    HART_ARCH_STATE(HART_DECLARE_SCALAR, HART_DECLARE_ARRAY)
};

/* What a debugger (src/machine/debug.c) asks of the interpreter and the MMU. A machine's harts share
 * one set; a hart made without a debugger points at an empty one. The counts keep the hooks off the
 * fast paths: with no breakpoint planted and no watchpoint set nothing is called. */
struct hart_debug_hooks {
    unsigned n_breakpoints, n_watchpoints;
    bool (*bp_at)(void *opaque, uint64_t paddr);                        /* plant at decode? */
    bool (*bp_stop)(void *opaque, struct hart *h, uint64_t pc);         /* stop at this hit? */
    bool (*watch_hit)(void *opaque, struct hart *h, uint64_t paddr, unsigned size, bool write);
    void (*satp_written)(void *opaque, struct hart *h);   /* virtual breakpoints follow satp */
    void *opaque;
};

struct hart {
    /* The architectural state, by name (h->pc) or whole (h->arch: copied, saved, compared). */
    union {
        struct hart_arch arch;
        struct {
            HART_ARCH_STATE(HART_DECLARE_SCALAR, HART_DECLARE_ARRAY)
        };
    };
    /* Exception staged by a slow path for the interpreter to raise. For a guest-page fault the MMU
     * also stages the guest physical address >> 2 (htval/mtval2) and the htinst value; exc_gva says
     * tval holds a guest virtual address (an access made with V=1, or by HLV/HSV). hart_trap
     * consumes and clears the three. */
    uint64_t exc_cause, exc_tval;
    uint64_t exc_tval2, exc_tinst;
    bool exc_gva;
    /* Set by the G-stage walker when it fails: the guest physical address, and the htinst
     * pseudo-instruction for a VS-stage table access (0 for the final address). */
    uint64_t fault_gpa, fault_tinst;
    /* Set by slow paths that touched a device or changed machine state, so the interpreter
     * stops at the end of the instruction and lets the machine look at it. */
    bool need_exit;
    /* Set by a slow-path store that invalidated decoded code: refetch before going on. */
    bool need_refetch;
    /* Debugger: a watchpoint was hit by this hart's last access (the run stops after it), and
     * the pc of a breakpoint to execute once instead of stopping (resuming from it). */
    bool watch_hit;
    uint64_t bp_resume_pc;
    bool fetch_uncached;      /* set by mmu_fetch_refill: PMP splits the page, fetch one by one */
    bool no_spin_yield;       /* reverse execution (history.c): neither a spin's branch nor a slow AMO
                               * on RAM ends the turn (both depend on host caches) */
    /* Derived from mhpmevent and mcountinhibit by pmu_update (pmu.c): the HPM counters that count
     * retired instructions (synced with minstret) and those that count traps (hart_trap). */
    uint32_t pmu_insn, pmu_trap;
    /* Recomputed on PMP CSR writes: whether any entry is active (not OFF). */
    bool pmp_active;
    /* The active PMP entries in priority order as byte ranges, rebuilt by pmp_rebuild() on
     * every pmpcfg/pmpaddr write, so that checks (page walks, refills) need not decode them. */
    struct pmp_rule { uint64_t lo, hi; uint8_t cfg; } pmp_rules[64];
    unsigned pmp_nrules;

    /* MMU state derived from priv/mstatus/satp, recomputed by hart_update_mmu_mode(). */
    struct tlb_data_set *dtlb;       /* current data TLB set */
    struct tlb_fetch_set *itlb;      /* current fetch TLB set */
    /* Page-table pages the walker read last, one per level: host pointer of a RAM page that PMP
     * lets S-mode read as a whole, so that a walk step is one load. Cleared on PMP changes. */
    struct pte_page_cache { uint64_t page; const uint8_t *host; } pte_pages[5];
    struct tlb_super_notes super_notes;   /* superpage fills of the V=0 sets */
    struct tlb_vslot vslots[TLB_VSLOTS];
    unsigned vslot;                  /* the slot V=1 accesses use (hart_update_mmu_mode) */
    uint64_t vslot_clock;
    struct tlb_data_set dtlbs[DTLB_SETS];
    struct tlb_fetch_set itlbs[ITLB_SETS];

    /* Decoded copy of a 32-bit instruction straddling two pages, plus the end sentinel. */
    struct insn cross_slot[3];
    uint64_t cross_ext;              /* the extensions cross_slot[0] was decoded with */

    /* Instructions retired since the hart was made, counted with minstret but never written by
     * the guest nor cleared by a reset: the clock of --icount (the machine sums it over harts). */
    uint64_t retired_total;

    struct hart_stats stats;
    /* Exceptions taken: each is an instruction that executed without retiring (--max-insns
     * counts them). `storm` is the current run of identical exceptions (same cause, same pc)
     * with nothing retired in between; the machine stops a hart stuck in one. */
    uint64_t exceptions;
    /* Interrupts taken (each moves the hart to a handler without running an instruction): with
     * retired_total and exceptions, the position in a run that reverse execution counts in. */
    uint64_t interrupts;
    struct hart_trap_storm { uint64_t count, cause, pc, tval, vector; } storm;
    struct trace_record trace;
    /* The platform's time (mtime), for the time CSR and Sstc. */
    uint64_t (*read_time)(void *opaque);
    void *time_opaque;
    struct machine *machine;
    struct bus *bus;
    struct hart_debug_hooks *debug;   /* never NULL after hart_reset */
    /* --log (src/machine/log.c): called after every trap entry, NULL when logging is off (one
     * predictable branch on the trap path only). `from` and `mstatus_before` are the privilege and
     * mstatus the trap was taken from. Kept across hart_reset. */
    void (*trap_hook)(struct hart *h, unsigned from, uint64_t mstatus_before, uint64_t cause, uint64_t tval);

    /* Interrupt lines driven from outside the hart (devices, other harts' MMIO): MSIP, MTIP, MEIP
     * and the PLIC's SEIP line, set and cleared atomically by any thread (hart_set_mip). The hart
     * folds them into mip at its own instruction boundaries (hart_irq_sync): mip stays plain
     * state that only its own thread writes. Host-side, like the TLBs: rebuilt from mip and
     * seip_ext on a state load, and kept across hart_reset with `kick`. */
    uint64_t irq_lines;
    /* Set by the threaded run loop: wakes the hart's thread when a line rises (runloop_mt.c). */
    void (*kick)(struct hart *h);
    void *kick_opaque;
};

/* The mip bits that are interrupt lines rather than software-written state. */
#define HART_LINE_MASK (MIP_MSIP | MIP_MTIP | MIP_MEIP | MIP_SEIP)

/* The lines as they are now (any thread). */
static inline uint64_t hart_irq_lines(const struct hart *h)
{
#if defined(__GNUC__) || defined(__clang__)
    return __atomic_load_n(&h->irq_lines, __ATOMIC_ACQUIRE);
#else
    return h->irq_lines;
#endif
}

/* Fold the interrupt lines into mip (and seip_ext): only the hart's own thread calls this. */
static inline void hart_irq_sync(struct hart *h)
{
#if defined(__GNUC__) || defined(__clang__)
    uint64_t l = __atomic_load_n(&h->irq_lines, __ATOMIC_ACQUIRE);
#else
    uint64_t l = h->irq_lines;
#endif
    h->seip_ext = (l & MIP_SEIP) != 0;
    h->mip = (h->mip & ~HART_LINE_MASK) | (l & (MIP_MSIP | MIP_MTIP | MIP_MEIP)) |
             ((h->seip_sw || h->seip_ext) ? MIP_SEIP : 0);
}

/* Put the hart in its reset state (privileged spec 3.4): M-mode, pc = reset_pc. */
void hart_reset(struct hart *h, uint64_t hartid, uint64_t reset_pc, uint64_t ext);

/* Take a trap: `cause` has CAUSE_INTERRUPT set for interrupts; h->pc is the faulting pc. */
void hart_trap(struct hart *h, uint64_t cause, uint64_t tval);

/* The interrupt that should be taken now (with CAUSE_INTERRUPT set), or 0 if none. */
uint64_t hart_pending_interrupt(const struct hart *h);

/* Take the interrupt the hart would take before its next instruction, as the interpreter does on
 * entry (for single steps and the trace). Returns whether it took one. */
bool hart_take_interrupt(struct hart *h);

/* Sstc: with menvcfg.STCE set, mip.STIP follows time >= stimecmp (Sstc spec 1.0). With H it
 * also recomputes mip.VSTIP (hart_update_vsip). */
void hart_update_stip(struct hart *h);

/* mip's VS bits from hvip, and VSTIP from vstimecmp against time + htimedelta when
 * henvcfg.STCE is set (H extension, "hvip"; Sstc). */
void hart_update_vsip(struct hart *h);

/* The privilege as a short name: "M", "S", "U", "VS", "VU" (HS-mode is "S"). */
const char *hart_priv_name(unsigned priv, bool virt);

/* The PLIC's S-mode external interrupt line. mip.SEIP reads as this OR the bit M-mode software
 * wrote (privileged spec 3.1.9). Safe from any thread, as hart_set_mip. */
void hart_set_external_seip(struct hart *h, bool level);

/* Set or clear interrupt lines (MTIP, MSIP, MEIP): safe from any thread. Without a kick function
 * (single-threaded runs) mip follows at once; else the hart folds them in at its next boundary. */
void hart_set_mip(struct hart *h, uint64_t mask, bool level);

/* Wake the hart's thread if it sleeps in wfi, so that it looks at its deadlines again (any thread). */
static inline void hart_kick(struct hart *h)
{
    if (h->kick) h->kick(h);
}

/* xRET: returns 0, or an exception cause if not allowed here. */
int hart_mret(struct hart *h);
int hart_sret(struct hart *h);

/* Recompute derived MMU state after priv, mstatus or satp changed. */
void hart_update_mmu_mode(struct hart *h);

/* Execution: run up to `budget` instructions (checked at block boundaries; exactly when
 * `exact` is set; one at a time with trigger checks while an execute or icount trigger is
 * armed, see trigger.h). Returns why it stopped. */
enum hart_stop { HART_STOP_BUDGET, HART_STOP_EXIT, HART_STOP_WFI, HART_STOP_BREAKPOINT, HART_STOP_WATCHPOINT };
enum hart_stop hart_run(struct hart *h, uint64_t budget, uint64_t *retired);
enum hart_stop hart_run_exact(struct hart *h, uint64_t budget, uint64_t *retired);

/* The misa value for the enabled extensions. */
uint64_t hart_misa(uint64_t ext);

#endif
