/* The interpreter: runs pre-decoded slots with computed-goto (or switch) dispatch. The body is
 * compiled twice from interp_body.inc: hart_run checks its budget at block boundaries (taken
 * jumps, page ends, traps), hart_run_exact after every instruction (stepping, --max-insns). */
#include <stdint.h>

#include "../mem/bus.h"
#include "../mem/mmu.h"
#include "../util/endian.h"
#include "../util/guest_atomic.h"
#include "arith.h"
#include "codecache.h"
#include "csr.h"
#include "decode.h"
#include "fuse.h"
#include "hart.h"
#include "hardfloat.h"
#include "pmu.h"
#include "softfp.h"

/* Idioms fuse.c may fuse (FUSE_* bits); a build may set fewer, to measure what each pays. */
#ifndef VHART_FUSE_ENABLED
#define VHART_FUSE_ENABLED FUSE_ALL
#endif

#if (defined(__GNUC__) || defined(__clang__)) && !defined(VHART_SWITCH_DISPATCH)
#define INTERP_COMPUTED_GOTO 1
#else
#define INTERP_COMPUTED_GOTO 0
#endif

#if defined(__GNUC__) || defined(__clang__)
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#else
#define likely(x) (x)
#define unlikely(x) (x)
#endif

/* Zfa fli constants by rs1, as binary32 (Zfa 1.0, table "Immediates for FLI"); entry 1, the
 * smallest normal number, is each format's own (interp_zf.inc). */
static const uint32_t fli_table[32] = {
    0xbf800000, 0x00800000, 0x37800000, 0x38000000, 0x3b800000, 0x3c000000, 0x3d800000, 0x3e000000,
    0x3e800000, 0x3ea00000, 0x3ec00000, 0x3ee00000, 0x3f000000, 0x3f200000, 0x3f400000, 0x3f600000,
    0x3f800000, 0x3fa00000, 0x3fc00000, 0x3fe00000, 0x40000000, 0x40200000, 0x40400000, 0x40800000,
    0x41000000, 0x41800000, 0x43000000, 0x43800000, 0x47000000, 0x47800000, 0x7f800000, 0x7fc00000,
};

/* Add `delta` retired instructions to minstret/mcycle, honouring mcountinhibit and the
 * suppressed increment of an instruction that wrote the counter (privileged spec 3.1.11-13). */
static void sync_counters(struct hart *h, uint64_t delta)
{
    h->retired_total += delta;
    if (!(h->mcountinhibit & 4)) h->minstret += delta - h->instret_skip;
    if (!(h->mcountinhibit & 1)) h->mcycle += delta - h->cycle_skip;
    h->instret_skip = h->cycle_skip = 0;
    if (unlikely(h->pmu_insn)) pmu_retire(h, delta);   /* HPM counters of instructions (pmu.c) */
}

/* Slow path of an AMO or SC: translate, then one atomic read-modify-write on RAM (util/guest_atomic.h)
 * or a read and a write of a device (under the device lock each; AMOs on devices are not atomic as
 * a whole). Returns 0 and the old value (raw, not sign-extended), or -1 with the exception staged.
 * For SC (`expect` non-NULL) the write happens only if memory still holds *expect, and *stored
 * tells whether it did. */
static int amo_slow(struct hart *h, uint64_t va, unsigned size, enum ga_amo op, uint64_t src, unsigned aqrl,
                    uint64_t *old, const uint64_t *expect, int *stored)
{
    uint64_t pa, cur;
    if (mmu_translate_amo(h, va, size, expect == NULL, &pa)) return -1;
    struct bus_region *r = bus_find(h->bus, pa);
    if (r && r->is_memory) {   /* writable: mmu_translate_amo checked */
        void *p = r->host + (pa - r->base);
        if (expect) {
            *stored = ga_sc(p, size, *expect, src, aqrl);
            *old = 0;
            if (!*stored) return 0;
        } else {
            *old = ga_amo(p, size, op, src, aqrl);
        }
        bus_memory_written(h->bus, r, pa, size);   /* code on the page, watched pages */
        return 0;
    }
    if (bus_read(h->bus, pa, size, &cur)) goto fault;
    *old = cur;
    if (expect) {
        uint64_t mask = size == 4 ? 0xffffffffull : ~0ull;
        *stored = (cur & mask) == (*expect & mask);
        if (!*stored) return 0;
        if (bus_write(h->bus, pa, size, src)) goto fault;
        return 0;
    }
    if (bus_write(h->bus, pa, size, ga_amo_apply(op, size, cur, src))) goto fault;
    return 0;
fault:
    h->exc_cause = CAUSE_STORE_ACCESS;
    h->exc_tval = va;
    return -1;
}

/* The handler label an op dispatches to, by its format: compressed encodings run the 2-byte
 * twin of their handler (see TWIN in interp_body.inc). */
#define HANDLER_FMT_NONE(exec) L_##exec
#define HANDLER_FMT_R(exec) L_##exec
#define HANDLER_FMT_I(exec) L_##exec
#define HANDLER_FMT_SH6(exec) L_##exec
#define HANDLER_FMT_SH5(exec) L_##exec
#define HANDLER_FMT_S(exec) L_##exec
#define HANDLER_FMT_B(exec) L_##exec
#define HANDLER_FMT_U(exec) L_##exec
#define HANDLER_FMT_J(exec) L_##exec
#define HANDLER_FMT_CSR(exec) L_##exec
#define HANDLER_FMT_CSRI(exec) L_##exec
#define HANDLER_FMT_FENCE(exec) L_##exec
#define HANDLER_FMT_AMO(exec) L_##exec
#define HANDLER_FMT_SFENCE(exec) L_##exec
#define HANDLER_FMT_CIW_ADDI4SPN(exec) L_##exec##__c
#define HANDLER_FMT_CL_W(exec) L_##exec##__c
#define HANDLER_FMT_CL_D(exec) L_##exec##__c
#define HANDLER_FMT_CS_W(exec) L_##exec##__c
#define HANDLER_FMT_CS_D(exec) L_##exec##__c
#define HANDLER_FMT_CI_ADDI(exec) L_##exec##__c
#define HANDLER_FMT_CI_ADDIW(exec) L_##exec##__c
#define HANDLER_FMT_CI_LI(exec) L_##exec##__c
#define HANDLER_FMT_CI_ADDI16SP(exec) L_##exec##__c
#define HANDLER_FMT_CI_LUI(exec) L_##exec##__c
#define HANDLER_FMT_CB_SHIFT(exec) L_##exec##__c
#define HANDLER_FMT_CB_ANDI(exec) L_##exec##__c
#define HANDLER_FMT_CA(exec) L_##exec##__c
#define HANDLER_FMT_CJ(exec) L_##exec##__c
#define HANDLER_FMT_CB_BRANCH(exec) L_##exec##__c
#define HANDLER_FMT_CI_SLLI(exec) L_##exec##__c
#define HANDLER_FMT_CI_LWSP(exec) L_##exec##__c
#define HANDLER_FMT_CI_LDSP(exec) L_##exec##__c
#define HANDLER_FMT_CR_JR(exec) L_##exec##__c
#define HANDLER_FMT_CR_MV(exec) L_##exec##__c
#define HANDLER_FMT_CR_JALR(exec) L_##exec##__c
#define HANDLER_FMT_CR_ADD(exec) L_##exec##__c
#define HANDLER_FMT_CSS_SWSP(exec) L_##exec##__c
#define HANDLER_FMT_CSS_SDSP(exec) L_##exec##__c
#define HANDLER_FMT_R1(exec) L_##exec
#define HANDLER_FMT_CBO(exec) L_##exec
#define HANDLER_FMT_FLOAD(exec) L_##exec
#define HANDLER_FMT_R4(exec) L_##exec
#define HANDLER_FMT_FR(exec) L_##exec
#define HANDLER_FMT_FR1(exec) L_##exec
#define HANDLER_FMT_FR_X(exec) L_##exec
#define HANDLER_FMT_F2X(exec) L_##exec
#define HANDLER_FMT_X2F(exec) L_##exec
#define HANDLER_FMT_CI_FLDSP(exec) L_##exec##__c
#define HANDLER_FMT_CLB(exec) L_##exec##__c
#define HANDLER_FMT_CLH(exec) L_##exec##__c
#define HANDLER_FMT_CSB(exec) L_##exec##__c
#define HANDLER_FMT_CSH(exec) L_##exec##__c
#define HANDLER_FMT_CU(exec) L_##exec##__c
#define HANDLER_FMT_CMOP(exec) L_##exec##__c

/* Decode-time test for a spin loop: the straight-line body [code, code + len) of a loop closed by
 * a branch that reads the registers in branch_reads, or (by_jump) by a backward j/c.j, whose body
 * must then hold an exit branch. A spin only loads (LR included), computes, fences and does
 * idempotent AMOs (no store, SC, CSR, jump or branch back into the body), and the state it
 * carries into the next pass is a function of memory and of registers it never writes: each pass
 * then repeats the previous one until memory changes under it (another hart's store, a device,
 * DMA, an interrupt handler), as in `while (!flag) ;` or `while (test_and_set(&lock)) ;`. A
 * register read before the body writes it ("carried") is allowed when the body's last write to
 * it depends on no carried value: a rotated loop that tests the value the previous pass loaded
 * (OpenSBI's ticket lock: `1: and; beq out; lw; fence r,rw; j 1b`). A loop that moves a pointer,
 * chases one, or counts writes a carried register from its old value, and is left alone. The
 * test reads only the code bytes (and the hart's extensions), so where slices end stays a
 * function of guest state: --icount, record and replay see the same interleaving. */
static bool spin_scan(const uint8_t *code, unsigned len, uint64_t ext, uint64_t carried,
                      uint64_t *live_in_out, uint64_t *written_out, uint64_t *tainted_out, bool *exits)
{
    /* varying: registers whose value may differ from one pass to the next (loaded, carried, or
     * computed from those); an idempotent AMO must store an invariant value. tainted: registers
     * whose value depends on a carried one (so on the previous pass's registers). */
    uint64_t live_in = 0, written = 0, varying = carried, tainted = carried;
    unsigned at = 0;
    *exits = false;
    while (at < len) {
        uint32_t raw = ga_fetch16(code + at);
        if (insn_length(raw) == 4) {
            if (len - at < 4) return false;
            raw = ga_fetch32(code + at);
        }
        struct insn in;
        if (decode_insn(raw, ext, &in) != 0) return false;
        uint64_t reads = 0;
        bool writes = true, loads = false;
        switch (insn_infos[in.op].exec) {
        case INSN_ID_lb: case INSN_ID_lh: case INSN_ID_lw: case INSN_ID_ld:
        case INSN_ID_lbu: case INSN_ID_lhu: case INSN_ID_lwu:
        case INSN_ID_lr_w: case INSN_ID_lr_d:   /* LR: a load (its reservation is the same each time) */
            reads = 1ull << in.rs1;
            loads = true;
            break;
        case INSN_ID_addi: case INSN_ID_slti: case INSN_ID_sltiu: case INSN_ID_xori: case INSN_ID_ori:
        case INSN_ID_andi: case INSN_ID_slli: case INSN_ID_srli: case INSN_ID_srai:
        case INSN_ID_addiw: case INSN_ID_slliw: case INSN_ID_srliw: case INSN_ID_sraiw:
            reads = 1ull << in.rs1;
            break;
        case INSN_ID_add: case INSN_ID_sub: case INSN_ID_sll: case INSN_ID_slt: case INSN_ID_sltu:
        case INSN_ID_xor: case INSN_ID_srl: case INSN_ID_sra: case INSN_ID_or: case INSN_ID_and:
        case INSN_ID_addw: case INSN_ID_subw: case INSN_ID_sllw: case INSN_ID_srlw: case INSN_ID_sraw:
            reads = 1ull << in.rs1 | 1ull << in.rs2;
            break;
        case INSN_ID_lui: case INSN_ID_auipc: break;
        case INSN_ID_fence: case INSN_ID_pause: writes = false; break;
        /* A branch out of the loop (a compiler's rotated `while`: load, exit test, load, closing
         * branch) only ends the spin. */
        case INSN_ID_beq: case INSN_ID_bne: case INSN_ID_blt: case INSN_ID_bge: case INSN_ID_bltu:
        case INSN_ID_bgeu:
            if ((int64_t)at + in.imm >= 0 && (int64_t)at + in.imm <= (int64_t)len) return false;
            reads = 1ull << in.rs1 | 1ull << in.rs2;
            writes = false;
            *exits = true;
            break;
        /* An AMO whose next iteration stores what this one left there: swap, and, or, min and max
         * of an invariant value (test-and-set, as xv6's and many spinlocks spin), an add or xor of
         * x0 (an atomic load). Memory then changes only when another agent writes to it. */
        case INSN_ID_amoadd_w: case INSN_ID_amoadd_d: case INSN_ID_amoxor_w: case INSN_ID_amoxor_d:
            if (in.rs2 != 0) return false;
            reads = 1ull << in.rs1;
            loads = true;
            break;
        case INSN_ID_amoswap_w: case INSN_ID_amoswap_d: case INSN_ID_amoand_w: case INSN_ID_amoand_d:
        case INSN_ID_amoor_w: case INSN_ID_amoor_d: case INSN_ID_amomin_w: case INSN_ID_amomin_d:
        case INSN_ID_amomax_w: case INSN_ID_amomax_d: case INSN_ID_amominu_w: case INSN_ID_amominu_d:
        case INSN_ID_amomaxu_w: case INSN_ID_amomaxu_d:
            if (varying >> in.rs2 & 1) return false;
            reads = 1ull << in.rs1 | 1ull << in.rs2;
            loads = true;
            break;
        default: return false;
        }
        live_in |= reads & ~written;
        if (writes) {   /* rd 32 is the x0 sink */
            uint64_t rd = 1ull << in.rd;
            written |= rd;
            if (loads || (reads & varying)) varying |= rd;
            else varying &= ~rd;
            /* A load's value comes from memory: tainted only through a carried address. */
            if (reads & tainted) tainted |= rd;
            else tainted &= ~rd;
        }
        at += in.len;
    }
    if (at != len) return false;
    *live_in_out = live_in;
    *written_out = written;
    *tainted_out = tainted;
    return true;
}

static bool spin_loop(const uint8_t *code, unsigned len, uint64_t branch_reads, uint64_t ext, bool by_jump)
{
    uint64_t live_in, written, tainted;
    bool exits;
    if (!spin_scan(code, len, ext, 0, &live_in, &written, &tainted, &exits)) return false;
    if (by_jump && !exits) return false;   /* `j .` waits for an interrupt, not for memory */
    live_in |= branch_reads & ~written;
    uint64_t carried = live_in & written & ~1ull;   /* x0 */
    if (!carried) return true;
    /* Again, with the carried registers' old values marked: what the next pass reads before
     * writing it must be free of them (exit tests and the closing branch may use them). */
    return spin_scan(code, len, ext, carried, &live_in, &written, &tainted, &exits) && !(tainted & carried);
}

/* A fused branch tail (decode.h OP_LB_BR_EQ...) that closes a loop spin_loop would call a spin: the
 * group is not fused, so that the branch's own slot ends the slice as a spin's does. */
static bool fused_branch_closes_spin(const struct insn *d, const uint8_t *host, uint64_t ext)
{
    if (d->op < OP_LB_BR_EQ || d->op > OP_ANDI_C_BR_GEU) return false;
    int32_t to_target = (int32_t)d->raw;               /* from the head */
    int32_t branch_imm = to_target - (int32_t)d->len;  /* from the branch */
    if (branch_imm >= 0 || branch_imm < -SPIN_BODY_MAX) return false;
    return spin_loop(host + to_target, (unsigned)-branch_imm, 1ull << d->rs2 | 1ull << d->rs3, ext, false);
}

/* The two compilations of the body; hart_run and hart_run_exact below choose between them and
 * the trigger-checked run. */
static enum hart_stop interp_fast(struct hart *h, uint64_t budget, uint64_t *retired);
static enum hart_stop interp_exact(struct hart *h, uint64_t budget, uint64_t *retired);

#define INTERP_NAME interp_fast
#define INTERP_EXACT 0
#include "interp_body.inc"
#undef INTERP_NAME
#undef INTERP_EXACT

#define INTERP_NAME interp_exact
#define INTERP_EXACT 1
#include "interp_body.inc"
#undef INTERP_NAME
#undef INTERP_EXACT

/* While an execute or icount trigger is armed (trigger.c), instructions run one at a time with
 * the trigger checks around each: pending interrupts are taken first (as the interpreter would),
 * then execute matches and pending icounts fire before the instruction, and the instruction
 * (or the trap it took) counts for icount after it. When nothing needs the checks any more, the
 * rest of the budget runs on the plain interpreter. */
static enum hart_stop run_checked(struct hart *h, uint64_t budget, uint64_t *retired, bool exact)
{
    uint64_t n = 0, events = 0;
    enum hart_stop stop = HART_STOP_BUDGET;
    while (n < budget && events < budget) {
        uint64_t k = 0;
        if (!(h->trig.armed & TRIGGER_ARMED_STEP)) {
            stop = exact ? interp_exact(h, budget - n, &k) : interp_fast(h, budget - n, &k);
            n += k;
            break;
        }
        events++;
        unsigned from = h->priv;
        uint64_t tcontrol = h->trig.tcontrol, old[TRIGGER_COUNT];
        for (unsigned i = 0; i < TRIGGER_COUNT; i++) old[i] = h->trig.tdata1[i];
        hart_irq_sync(h);
        uint64_t irq = (h->mip & h->mie) ? hart_pending_interrupt(h) : 0;
        if (irq) {
            hart_trap(h, irq, 0);
        } else if (h->wfi || !trigger_before_insn(h)) {
            stop = interp_exact(h, 1, &k);
            n += k;
            if (k == 0 && stop != HART_STOP_BUDGET) break;   /* stopped before running anything */
        }
        trigger_count(h, from, tcontrol, old);   /* an instruction retired or a trap was taken */
        if (stop != HART_STOP_BUDGET || h->need_exit) break;
    }
    *retired = n;
    return stop;
}

/* While an instruction-counting HPM counter can raise LCOFI (pmu.c), the slice ends where it wraps,
 * as at a timer deadline, and the interrupt is taken on re-entry: at the exact instruction in both
 * interpreters, so that the fast path, the exact one (stepping, --max-insns, reverse execution's
 * re-runs) and tests/diff agree. The fast interpreter may pass its budget by up to a page of
 * straight-line code, so it runs only until a page short of the wrap and the exact one does the rest.
 * A shorter run than asked for (a spin, wfi, a device access) still returns to the machine. */
#define PMU_FAST_MARGIN (CODECACHE_SLOTS + 16)
static enum hart_stop run_pmu(struct hart *h, uint64_t budget, uint64_t *retired, bool exact)
{
    uint64_t n = 0, steps = 0;   /* the exact interpreter's budget counts exceptions too */
    enum hart_stop stop = HART_STOP_BUDGET;
    while (steps < budget) {
        uint64_t k = 0, slice = budget - steps, left = pmu_insns_to_overflow(h), exc0 = h->exceptions;
        bool step_exactly = exact;
        if (left && left < slice) {
            if (!exact && left > PMU_FAST_MARGIN) {
                slice = left - PMU_FAST_MARGIN;
            } else {
                slice = left;
                step_exactly = true;
            }
        }
        stop = step_exactly ? interp_exact(h, slice, &k) : interp_fast(h, slice, &k);
        uint64_t done = k + (step_exactly ? h->exceptions - exc0 : 0);
        n += k;
        steps += done;
        if (stop != HART_STOP_BUDGET || h->need_exit || done < slice) break;
    }
    *retired = n;
    return stop;
}

enum hart_stop hart_run(struct hart *h, uint64_t budget, uint64_t *retired)
{
    if (unlikely(h->trig.armed & TRIGGER_ARMED_STEP)) return run_checked(h, budget, retired, false);
    if (unlikely(h->pmu_insn)) return run_pmu(h, budget, retired, false);
    return interp_fast(h, budget, retired);
}

enum hart_stop hart_run_exact(struct hart *h, uint64_t budget, uint64_t *retired)
{
    if (unlikely(h->trig.armed & TRIGGER_ARMED_STEP)) return run_checked(h, budget, retired, true);
    if (unlikely(h->pmu_insn)) return run_pmu(h, budget, retired, true);
    return interp_exact(h, budget, retired);
}
