/* Unit tests for src/cpu/trigger.c: WARL values of tselect, tdata1-3, tinfo and tcontrol, matching, arming and the checked run (RISC-V Debug Specification 1.0, 5.7). */
#include <check.h>
#include <stdint.h>

#include "cpu/trigger.h"
#include "unit_helpers.h"

#define CODE RAM_BASE
#define HANDLER (RAM_BASE + 0x800)
#define DATA (RAM_BASE + 0x2000)

#define T_MC2 (2ull << 60)
#define T_ICOUNT (3ull << 60)
#define T_ITRIG (4ull << 60)
#define T_ETRIG (5ull << 60)
#define T_MC6 (6ull << 60)
#define T_DISABLED (15ull << 60)
#define MC_LOAD 0x1ull
#define MC_STORE 0x2ull
#define MC_EXEC 0x4ull
#define MC_U 0x8ull
#define MC_S 0x10ull
#define MC_M 0x40ull
#define MATCH(k) ((uint64_t)(k) << 7)
#define MC6_SIZE(s) ((uint64_t)(s) << 16)
#define MC6_HIT0 (1ull << 22)

static struct env *e;
static struct hart *h;

static void setup(void)
{
    e = env_new_ext(EXT_DEFAULT | EXT_SDTRIG);
    h = e->h;
    env_pmp_allow_all(e);
    for (unsigned i = 0; i < 16; i++) put32(e, HANDLER + 4 * i, I_NOP);
    h->mtvec = HANDLER;
}
static void teardown(void) { env_free(e); }

static uint64_t rd(unsigned csr)
{
    uint64_t v = 0xdeadbeef;
    ck_assert_msg(csr_read(h, csr, &v) == 0, "read of 0x%03x failed", csr);
    return v;
}
static void wr(unsigned csr, uint64_t v) { ck_assert_msg(csr_write(h, csr, v) == 0, "write of 0x%03x failed", csr); }

/* Trigger `i`: tdata2 then tdata1. */
static void arm(unsigned i, uint64_t tdata1, uint64_t tdata2)
{
    wr(CSR_TSELECT, i);
    wr(CSR_TDATA1, 0);
    wr(CSR_TDATA2, tdata2);
    wr(CSR_TDATA1, tdata1);
}

/* ---- WARL ---- */

START_TEST(trigger_csrs_are_m_mode_only)
{
    uint64_t v;
    for (unsigned csr = CSR_TSELECT; csr <= CSR_TCONTROL; csr++) {
        ck_assert_int_eq(csr_read(h, csr, &v), 0);
        h->priv = PRV_S;
        ck_assert_int_eq(csr_read(h, csr, &v), CAUSE_ILLEGAL_INSN);
        ck_assert_int_eq(csr_write(h, csr, 0), CAUSE_ILLEGAL_INSN);
        h->priv = PRV_M;
    }
}
END_TEST

START_TEST(trigger_csrs_are_absent_without_sdtrig)
{
    env_free(e);
    e = env_new_ext(EXT_DEFAULT);
    h = e->h;
    uint64_t v;
    for (unsigned csr = CSR_TSELECT; csr <= CSR_TCONTROL; csr++) {
        ck_assert_int_eq(csr_read(h, csr, &v), CAUSE_ILLEGAL_INSN);
        ck_assert_int_eq(csr_write(h, csr, 0), CAUSE_ILLEGAL_INSN);
    }
}
END_TEST

START_TEST(tselect_keeps_its_value_when_written_past_the_last_trigger)
{
    wr(CSR_TSELECT, 3);
    ck_assert_uint_eq(rd(CSR_TSELECT), 3);
    wr(CSR_TSELECT, 4);
    ck_assert_uint_eq(rd(CSR_TSELECT), 3);
    wr(CSR_TSELECT, ~0ull);
    ck_assert_uint_eq(rd(CSR_TSELECT), 3);
    wr(CSR_TSELECT, 0);
    ck_assert_uint_eq(rd(CSR_TSELECT), 0);
}
END_TEST

START_TEST(reset_makes_every_trigger_type_2_disabled_and_tinfo_lists_the_types)
{
    for (unsigned i = 0; i < TRIGGER_COUNT; i++) {
        wr(CSR_TSELECT, i);
        ck_assert_uint_eq(rd(CSR_TDATA1), T_MC2);
        ck_assert_uint_eq(rd(CSR_TDATA2), 0);
        ck_assert_uint_eq(rd(CSR_TDATA3), 0);
        ck_assert_uint_eq(rd(CSR_TINFO), 0x0100807c);   /* version 1; types 2-6 and 15 */
    }
    ck_assert_uint_eq(rd(CSR_TCONTROL), 0);
    ck_assert_uint_eq(h->trig.armed, 0);
}
END_TEST

START_TEST(mcontrol6_drops_dmode_action_chain_select_and_unsupported_match_or_size)
{
    wr(CSR_TDATA1, T_MC6 | (1ull << 59) | (1ull << 26) | (1ull << 25) | (1ull << 24) | (1ull << 23) | (1ull << 22) |
                       (1ull << 21) | MC6_SIZE(7) | (1ull << 12) | (1ull << 11) | MATCH(7) | 0x7f);
    ck_assert_uint_eq(rd(CSR_TDATA1), T_MC6 | (1ull << 25) | (1ull << 22) | 0x5f);
    static const unsigned ok_match[] = { 0, 1, 2, 3, 4, 5, 8, 9, 12, 13 };
    for (unsigned i = 0; i < sizeof(ok_match) / sizeof(ok_match[0]); i++) {
        wr(CSR_TDATA1, T_MC6 | MATCH(ok_match[i]));
        ck_assert_uint_eq(rd(CSR_TDATA1), T_MC6 | MATCH(ok_match[i]));
    }
    wr(CSR_TDATA1, T_MC6 | MATCH(10));
    ck_assert_uint_eq(rd(CSR_TDATA1), T_MC6);
    static const unsigned size_read[8] = { 0, 1, 2, 3, 0, 5, 0, 0 };
    for (unsigned s = 0; s < 8; s++) {
        wr(CSR_TDATA1, T_MC6 | MC6_SIZE(s));
        ck_assert_uint_eq(rd(CSR_TDATA1), T_MC6 | MC6_SIZE(size_read[s]));
    }
}
END_TEST

START_TEST(mcontrol6_napot_tdata2_of_all_ones_clears_bit_62)
{
    wr(CSR_TDATA1, T_MC6 | MATCH(1));
    wr(CSR_TDATA2, ~0ull);
    ck_assert_uint_eq(rd(CSR_TDATA2), 0xbfffffffffffffffull);
    wr(CSR_TDATA2, 0x8000ffffull);
    ck_assert_uint_eq(rd(CSR_TDATA2), 0x8000ffffull);
    wr(CSR_TDATA1, T_MC6);   /* equal: any value */
    wr(CSR_TDATA2, ~0ull);
    ck_assert_uint_eq(rd(CSR_TDATA2), ~0ull);
}
END_TEST

START_TEST(mcontrol_reads_maskmax_0_and_keeps_hit_and_sizes)
{
    wr(CSR_TDATA1, T_MC2 | (0x3full << 53) | (1ull << 20) | (1ull << 19) | (1ull << 18) | (1ull << 12) | MATCH(1) | 0x7f);
    ck_assert_uint_eq(rd(CSR_TDATA1), T_MC2 | (1ull << 20) | 0x5f);
    wr(CSR_TDATA1, T_MC2 | (1ull << 21) | (1ull << 16) | MATCH(2));   /* size 5: 64-bit */
    ck_assert_uint_eq(rd(CSR_TDATA1), T_MC2 | (1ull << 21) | (1ull << 16) | MATCH(2));
    wr(CSR_TDATA1, T_MC2 | (1ull << 22) | MATCH(9));                  /* size 8, not-NAPOT: unsupported */
    ck_assert_uint_eq(rd(CSR_TDATA1), T_MC2);
}
END_TEST

START_TEST(type_0_15_and_unsupported_types_disable_the_trigger)
{
    static const uint64_t types[] = { 0, 1, 7, 8, 12, 14, 15 };
    for (unsigned i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        wr(CSR_TDATA1, (types[i] << 60) | MC_M | MC_EXEC);
        ck_assert_uint_eq(rd(CSR_TDATA1), T_DISABLED);
    }
    ck_assert_uint_eq(h->trig.armed, 0);
}
END_TEST

START_TEST(icount_etrigger_itrigger_keep_their_fields_and_existing_causes)
{
    wr(CSR_TDATA1, T_ICOUNT | (1ull << 59) | (3ull << 25) | (1ull << 24) | (0x3fffull << 10) | 0x3ff);
    ck_assert_uint_eq(rd(CSR_TDATA1), T_ICOUNT | (1ull << 24) | (0x3fffull << 10) | 0x3c0);
    wr(CSR_TDATA1, T_ETRIG | (1ull << 58) | (7ull << 10) | 0x3ff);
    ck_assert_uint_eq(rd(CSR_TDATA1), T_ETRIG | (1ull << 58) | 0x2c0);
    wr(CSR_TDATA2, ~0ull);
    ck_assert_uint_eq(rd(CSR_TDATA2), 0xb3ff);   /* causes 0-9, 12, 13, 15 */
    wr(CSR_TDATA1, T_ITRIG | (1ull << 10) | 0x3ff);
    ck_assert_uint_eq(rd(CSR_TDATA1), T_ITRIG | 0x2c0);   /* no NMIs */
    ck_assert_uint_eq(rd(CSR_TDATA2), 0xb3ff & 0xaaa);    /* re-legalised for the new type */
    wr(CSR_TDATA2, ~0ull);
    ck_assert_uint_eq(rd(CSR_TDATA2), 0xaaa);             /* interrupts 1, 3, 5, 7, 9, 11 */
}
END_TEST

START_TEST(s_and_u_enables_are_zero_without_s_mode)
{
    env_free(e);
    e = env_new_ext((EXT_DEFAULT | EXT_SDTRIG) & ~EXT_S);
    h = e->h;
    wr(CSR_TDATA1, T_MC6 | 0x7f);
    ck_assert_uint_eq(rd(CSR_TDATA1), T_MC6 | MC_M | 0x7);
    wr(CSR_TDATA1, T_ICOUNT | (1ull << 10) | 0x3c0);   /* u, s, pending, m */
    ck_assert_uint_eq(rd(CSR_TDATA1), T_ICOUNT | (1ull << 10) | 0x300);
}
END_TEST

START_TEST(tcontrol_holds_mte_and_mpte_and_tdata3_ignores_writes)
{
    wr(CSR_TCONTROL, ~0ull);
    ck_assert_uint_eq(rd(CSR_TCONTROL), 0x88);
    wr(CSR_TDATA3, ~0ull);
    ck_assert_uint_eq(rd(CSR_TDATA3), 0);
    wr(CSR_TINFO, 0);
    ck_assert_uint_eq(rd(CSR_TINFO), 0x0100807c);
}
END_TEST

/* ---- tcontrol across traps ---- */

START_TEST(trap_into_m_saves_mte_in_mpte_and_mret_restores_it)
{
    wr(CSR_TCONTROL, TCONTROL_MTE);
    hart_trap(h, CAUSE_ECALL_M, 0);
    ck_assert_uint_eq(rd(CSR_TCONTROL), TCONTROL_MPTE);
    ck_assert_int_eq(hart_mret(h), 0);
    ck_assert_uint_eq(rd(CSR_TCONTROL), TCONTROL_MPTE | TCONTROL_MTE);
    wr(CSR_TCONTROL, TCONTROL_MPTE);
    hart_trap(h, CAUSE_ECALL_M, 0);
    ck_assert_uint_eq(rd(CSR_TCONTROL), 0);
}
END_TEST

START_TEST(trap_delegated_to_s_leaves_tcontrol_alone)
{
    wr(CSR_TCONTROL, TCONTROL_MTE);
    wr(CSR_MEDELEG, 1ull << CAUSE_ECALL_U);
    h->priv = PRV_U;
    hart_trap(h, CAUSE_ECALL_U, 0);
    ck_assert_uint_eq(h->priv, PRV_S);
    h->priv = PRV_M;
    ck_assert_uint_eq(rd(CSR_TCONTROL), TCONTROL_MTE);
}
END_TEST

/* ---- arming ---- */

START_TEST(armed_kinds_follow_the_enabled_triggers)
{
    arm(0, T_MC6 | MC_EXEC, CODE);   /* no mode enabled */
    ck_assert_uint_eq(h->trig.armed, 0);
    arm(0, T_MC6 | MC_U | MC_EXEC, CODE);
    ck_assert_uint_eq(h->trig.armed, TRIGGER_ARMED_STEP);
    arm(1, T_MC2 | MC_S | MC_STORE, DATA);
    ck_assert_uint_eq(h->trig.armed, TRIGGER_ARMED_STEP | TRIGGER_ARMED_DATA);
    arm(2, T_ETRIG | (1ull << 7), 0);   /* enabled in S, but no cause selected */
    ck_assert_uint_eq(h->trig.armed, TRIGGER_ARMED_STEP | TRIGGER_ARMED_DATA);
    wr(CSR_TDATA2, 1u << CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->trig.armed, TRIGGER_ARMED_STEP | TRIGGER_ARMED_DATA | TRIGGER_ARMED_TRAP);
    arm(3, T_ICOUNT | (1ull << 10) | (1ull << 6), 0);
    wr(CSR_TSELECT, 0);
    wr(CSR_TDATA1, 0);
    wr(CSR_TSELECT, 1);
    wr(CSR_TDATA1, 0);
    ck_assert_uint_eq(h->trig.armed, TRIGGER_ARMED_STEP | TRIGGER_ARMED_TRAP);   /* the icount */
    wr(CSR_TSELECT, 3);
    wr(CSR_TDATA1, T_ICOUNT | (1ull << 6));   /* count 0, not pending: spent */
    ck_assert_uint_eq(h->trig.armed, TRIGGER_ARMED_TRAP);
    ck_assert(h->need_exit);
}
END_TEST

START_TEST(data_trigger_keeps_loads_out_of_the_tlb)
{
    const uint32_t p[] = { i_ld(10, 5, 0), i_ld(11, 5, 8), I_NOP };
    put_prog(e, CODE, p, 3);
    h->x[5] = DATA;
    put64(e, DATA, 42);
    put64(e, DATA + 8, 43);
    arm(0, T_MC6 | MC_S | MC_LOAD, DATA + 16);   /* armed, but enabled in S only */
    uint64_t n;
    ck_assert_int_eq(hart_run(h, 3, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[10], 42);
    ck_assert_uint_eq(h->x[11], 43);
    ck_assert_uint_eq(h->dtlb->r[(DATA >> 12) & (TLB_SIZE - 1)].tag, TLB_INVALID);
    /* Disarmed, the same load fills the TLB again. */
    wr(CSR_TDATA1, 0);
    h->pc = CODE;
    ck_assert_int_eq(hart_run(h, 3, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->dtlb->r[(DATA >> 12) & (TLB_SIZE - 1)].tag, DATA);
}
END_TEST

/* ---- matching ---- */

START_TEST(data_match_compares_every_byte_accessed)
{
    h->priv = PRV_S;
    h->trig.tdata1[0] = T_MC6 | MC_S | MC_LOAD;
    h->trig.tdata2[0] = DATA + 3;
    ck_assert(trigger_check_data(h, DATA, 4, TRIGGER_LOAD));
    ck_assert_uint_eq(h->exc_cause, CAUSE_BREAKPOINT);
    ck_assert_uint_eq(h->exc_tval, DATA);
    ck_assert_uint_eq(h->trig.tdata1[0], T_MC6 | MC6_HIT0 | MC_S | MC_LOAD);
    h->trig.tdata1[0] = T_MC6 | MC_S | MC_LOAD;
    ck_assert(!trigger_check_data(h, DATA, 2, TRIGGER_LOAD));
    ck_assert(!trigger_check_data(h, DATA + 4, 4, TRIGGER_LOAD));
    ck_assert(!trigger_check_data(h, DATA, 4, TRIGGER_STORE));
    ck_assert(trigger_check_data(h, DATA, 8, TRIGGER_LOAD | TRIGGER_STORE));   /* an AMO */
    h->priv = PRV_U;
    ck_assert(!trigger_check_data(h, DATA, 4, TRIGGER_LOAD));
    h->priv = PRV_M;
    h->trig.tdata1[0] = T_MC6 | MC_M | MC_LOAD;
    ck_assert(!trigger_check_data(h, DATA + 3, 1, TRIGGER_LOAD));   /* mte = 0 */
    h->trig.tcontrol = TCONTROL_MTE;
    ck_assert(trigger_check_data(h, DATA + 3, 1, TRIGGER_LOAD));
}
END_TEST

START_TEST(match_kinds_napot_ge_lt_masks_and_negations)
{
    struct { uint64_t tdata1, tdata2, va; unsigned size; bool fires; } c[] = {
        { T_MC6 | MATCH(1), 0x80000fff, 0x80000000, 8, true },      /* 8 KiB block 0x80000000-0x80001fff */
        { T_MC6 | MATCH(1), 0x80000fff, 0x80001ff8, 8, true },
        { T_MC6 | MATCH(1), 0x80000fff, 0x80002000, 1, false },
        { T_MC6 | MATCH(1), 0x80000fff, 0x7ffffff8, 8, false },
        { T_MC6 | MATCH(2), 0x80001000, 0x80000ffc, 8, true },      /* the last byte is >= */
        { T_MC6 | MATCH(2), 0x80001000, 0x80000ff8, 8, false },
        { T_MC6 | MATCH(3), 0x80001000, 0x80000fff, 1, true },
        { T_MC6 | MATCH(3), 0x80001000, 0x80001000, 8, false },
        { T_MC6 | MATCH(4), 0x00000ff000000340ull, 0x80012345, 1, true },   /* low half & 0xff0 == 0x340 */
        { T_MC6 | MATCH(4), 0x00000ff000000340ull, 0x80012355, 1, false },
        { T_MC6 | MATCH(5), 0x0000ffff00008000ull, 0x80001000, 1, false },  /* high half & 0xffff == 0x8000 */
        { T_MC6 | MATCH(5), 0x0000ffff00000000ull, 0x80001000, 1, true },
        { T_MC6 | MATCH(8), 0x80001000, 0x80001000, 1, false },     /* not equal */
        { T_MC6 | MATCH(8), 0x80001000, 0x80001001, 1, true },
        { T_MC6 | MATCH(9), 0x80000fff, 0x80002000, 1, true },      /* not NAPOT */
        { T_MC6 | MATCH(12), 0x00000ff000000340ull, 0x80012345, 1, false },
        { T_MC6 | MATCH(13), 0x0000ffff00008000ull, 0x80001000, 1, true },
        { T_MC6 | MC6_SIZE(5), 0x80001000, 0x80001000, 4, false },  /* 64-bit accesses only */
        { T_MC6 | MC6_SIZE(5), 0x80001000, 0x80001000, 8, true },
        { T_MC2 | (1ull << 16), 0x80001000, 0x80001000, 1, true },  /* mcontrol sizelo 1: 8-bit */
        { T_MC2 | (1ull << 16), 0x80001000, 0x80001000, 2, false },
    };
    h->priv = PRV_S;
    for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
        h->trig.tdata1[0] = c[i].tdata1 | MC_S | MC_STORE;
        h->trig.tdata2[0] = c[i].tdata2;
        ck_assert_msg(trigger_check_data(h, c[i].va, c[i].size, TRIGGER_STORE) == c[i].fires, "case %u", i);
    }
}
END_TEST

/* ---- the checked run ---- */

START_TEST(execute_trigger_fires_before_the_instruction_with_tval_pc)
{
    const uint32_t p[] = { i_addi(10, 0, 1), i_addi(10, 10, 10), i_addi(10, 10, 100), I_NOP };
    put_prog(e, CODE, p, 4);
    arm(0, T_MC6 | MC_M | MC_EXEC, CODE + 4);
    wr(CSR_TCONTROL, TCONTROL_MTE);
    uint64_t n;
    ck_assert_int_eq(hart_run(h, 3, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[10], 1);
    ck_assert_uint_eq(h->mcause, CAUSE_BREAKPOINT);
    ck_assert_uint_eq(h->mepc, CODE + 4);
    ck_assert_uint_eq(h->mtval, CODE + 4);
    ck_assert_uint_eq(rd(CSR_TCONTROL), TCONTROL_MPTE);
    ck_assert_uint_eq(h->minstret, n);
    ck_assert_uint_eq(h->pc, HANDLER + 4 * (n - 1));   /* the handler's nops ran in M, mte = 0 */
}
END_TEST

START_TEST(icount_1_fires_before_the_second_instruction_with_tval_0)
{
    const uint32_t p[] = { i_addi(10, 0, 1), i_addi(10, 10, 10), I_NOP };
    put_prog(e, CODE, p, 3);
    arm(0, T_ICOUNT | (1ull << 10) | (1ull << 9), 0);
    wr(CSR_TCONTROL, TCONTROL_MTE);
    h->mtval = 0x55;
    uint64_t n;
    ck_assert_int_eq(hart_run_exact(h, 2, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[10], 1);
    ck_assert_uint_eq(h->mcause, CAUSE_BREAKPOINT);
    ck_assert_uint_eq(h->mepc, CODE + 4);
    ck_assert_uint_eq(h->mtval, 0);
    ck_assert_uint_eq(rd(CSR_TDATA1), T_ICOUNT | (1ull << 24) | (1ull << 9));   /* hit, count 0 */
    ck_assert_uint_eq(h->trig.armed, 0);
}
END_TEST

START_TEST(etrigger_fires_after_the_trap_at_the_handler)
{
    arm(0, T_ETRIG | (1ull << 6), 1ull << CAUSE_ILLEGAL_INSN);
    h->priv = PRV_U;
    h->pc = CODE + 8;
    hart_trap(h, CAUSE_ILLEGAL_INSN, 0x1234);
    ck_assert_uint_eq(h->mcause, CAUSE_BREAKPOINT);
    ck_assert_uint_eq(h->mepc, HANDLER);
    ck_assert_uint_eq(h->mtval, 0);
    ck_assert_uint_eq((h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_M);
    ck_assert_uint_eq(rd(CSR_TDATA1), T_ETRIG | (1ull << 58) | (1ull << 6));
}
END_TEST

/* A debugger breakpoint (an OP_BREAKPOINT slot, as debug.c plants) at CODE + 4. */
static bool fake_bp_at(void *opaque, uint64_t paddr) { (void)opaque; return paddr == CODE + 4; }
static bool fake_bp_stop(void *opaque, struct hart *hh, uint64_t pc)
{
    (void)opaque;
    (void)hh;
    return pc == CODE + 4;
}

START_TEST(debugger_breakpoints_still_stop_and_resume_while_a_trigger_is_armed)
{
    const uint32_t p[] = { i_addi(10, 0, 1), i_addi(10, 10, 10), i_addi(10, 10, 100), I_NOP, I_NOP };
    put_prog(e, CODE, p, 5);
    static struct hart_debug_hooks hooks;
    hooks.n_breakpoints = 1;
    e->h->debug = &hooks;
    hooks.bp_at = fake_bp_at;
    hooks.bp_stop = fake_bp_stop;
    arm(0, T_MC6 | MC_U | MC_EXEC, CODE + 8);   /* armed (checked run), enabled only in U */
    uint64_t n;
    ck_assert_int_eq(hart_run(h, 10, &n), HART_STOP_BREAKPOINT);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(h->pc, CODE + 4);
    h->bp_resume_pc = CODE + 4;   /* resume: the real instruction runs once */
    ck_assert_int_eq(hart_run(h, 2, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[10], 111);
    ck_assert_uint_eq(h->pc, CODE + 12);
    /* A trigger that matches the same address fires first: the guest takes its breakpoint. */
    h->pc = CODE;
    wr(CSR_TCONTROL, TCONTROL_MTE);
    arm(0, T_MC6 | MC_M | MC_EXEC, CODE + 4);
    ck_assert_int_eq(hart_run_exact(h, 2, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->mcause, CAUSE_BREAKPOINT);
    ck_assert_uint_eq(h->mepc, CODE + 4);
}
END_TEST

static Suite *trigger_suite(void)
{
    Suite *s = suite_create("trigger");
    TCase *t = tcase_create("trigger");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, trigger_csrs_are_m_mode_only);
    tcase_add_test(t, trigger_csrs_are_absent_without_sdtrig);
    tcase_add_test(t, tselect_keeps_its_value_when_written_past_the_last_trigger);
    tcase_add_test(t, reset_makes_every_trigger_type_2_disabled_and_tinfo_lists_the_types);
    tcase_add_test(t, mcontrol6_drops_dmode_action_chain_select_and_unsupported_match_or_size);
    tcase_add_test(t, mcontrol6_napot_tdata2_of_all_ones_clears_bit_62);
    tcase_add_test(t, mcontrol_reads_maskmax_0_and_keeps_hit_and_sizes);
    tcase_add_test(t, type_0_15_and_unsupported_types_disable_the_trigger);
    tcase_add_test(t, icount_etrigger_itrigger_keep_their_fields_and_existing_causes);
    tcase_add_test(t, s_and_u_enables_are_zero_without_s_mode);
    tcase_add_test(t, tcontrol_holds_mte_and_mpte_and_tdata3_ignores_writes);
    tcase_add_test(t, trap_into_m_saves_mte_in_mpte_and_mret_restores_it);
    tcase_add_test(t, trap_delegated_to_s_leaves_tcontrol_alone);
    tcase_add_test(t, armed_kinds_follow_the_enabled_triggers);
    tcase_add_test(t, data_trigger_keeps_loads_out_of_the_tlb);
    tcase_add_test(t, data_match_compares_every_byte_accessed);
    tcase_add_test(t, match_kinds_napot_ge_lt_masks_and_negations);
    tcase_add_test(t, execute_trigger_fires_before_the_instruction_with_tval_pc);
    tcase_add_test(t, icount_1_fires_before_the_second_instruction_with_tval_0);
    tcase_add_test(t, etrigger_fires_after_the_trap_at_the_handler);
    tcase_add_test(t, debugger_breakpoints_still_stop_and_resume_while_a_trigger_is_armed);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(trigger_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
