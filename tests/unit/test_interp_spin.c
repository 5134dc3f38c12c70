/* Unit tests for src/cpu/interp.c's spin detection: which hand-encoded wait loops decode as spins
 * and end the slice (decode.h OP_SPIN_4; Zihintpause's pause), and which loops that make progress
 * must not (pointer moves, counters, stores, AMOs that change memory, calls). The rest of the
 * interpreter's tests are in test_interp.c. */
#include <check.h>
#include <stdint.h>

#include "unit_helpers.h"

#define CODE RAM_BASE
#define HANDLER (RAM_BASE + 0x800)

static struct env *e;
static struct hart *h;

static void setup(void)
{
    e = env_new();
    h = e->h;
    env_pmp_allow_all(e);
    /* The trap handler is a run of nops. */
    for (unsigned i = 0; i < 16; i++) put32(e, HANDLER + 4 * i, I_NOP);
    h->mtvec = HANDLER;
}
static void teardown(void) { env_free(e); }

static void load(const uint32_t *w, unsigned n) { put_prog(e, CODE, w, n); }

/* ---- spins end the slice (decode.h OP_SPIN_4, Zihintpause) ---- */

#define DATA (RAM_BASE + 0x1000)
#define PAUSE 0x0100000fu

START_TEST(read_only_spin_loop_ends_the_slice_at_its_head)
{
    /* 1: lw a5, 0(a0); fence; beq a5, x0, 1b   -- while (!*flag) ; */
    const uint32_t p[] = { i_lw(15, 10, 0), 0x0ff0000fu, enc_b(0, 15, 0, -8), i_addi(11, 0, 7) };
    load(p, 4);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 3);   /* one iteration, then the taken branch ends the slice */
    ck_assert_uint_eq(h->pc, CODE);
    ck_assert_uint_eq(h->minstret, 3);
    ck_assert_uint_eq(h->stats.spin_yields, 1);
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 3);   /* still decoded as a spin */
    ck_assert_uint_eq(h->stats.spin_yields, 2);
    put32(e, DATA, 1);               /* another agent sets the flag: the loop falls through */
    ck_assert_int_eq(hart_run_exact(h, 4, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 4);
    ck_assert_uint_eq(h->x[11], 7);
    ck_assert_uint_eq(h->stats.spin_yields, 2);
}
END_TEST

START_TEST(loop_that_writes_a_register_it_reads_is_no_spin)
{
    /* 1: lw a5, 0(a0); addi a0, a0, 4; beq a5, x0, 1b   -- a scan over zeroes makes progress */
    const uint32_t p[] = { i_lw(15, 10, 0), i_addi(10, 10, 4), enc_b(0, 15, 0, -8) };
    load(p, 3);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 3000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 3000);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(countdown_loop_is_no_spin)
{
    /* 1: addi a0, a0, -1; bne a0, x0, 1b */
    const uint32_t p[] = { i_addi(10, 10, -1), enc_b(1, 10, 0, -4), i_addi(11, 0, 5) };
    load(p, 3);
    h->x[10] = 500;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run_exact(h, 1001, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 1001);
    ck_assert_uint_eq(h->x[10], 0);
    ck_assert_uint_eq(h->x[11], 5);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(loop_with_a_store_is_no_spin)
{
    /* 1: lw a5, 0(a0); sw a5, 4(a0); beq a5, x0, 1b */
    const uint32_t p[] = { i_lw(15, 10, 0), i_sw(10, 15, 4), enc_b(0, 15, 0, -8) };
    load(p, 3);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 3000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 3000);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

/* AMO and LR encodings (funct5, aq = rl = 0, .w). */
static uint32_t amo_w(unsigned funct5, unsigned rd, unsigned rs1, unsigned rs2)
{
    return funct5 << 27 | rs2 << 20 | rs1 << 15 | 2u << 12 | rd << 7 | 0x2fu;
}

START_TEST(test_and_set_loop_is_a_spin)
{
    /* 1: amoswap.w a5, a4, (a0); bne a5, x0, 1b   -- while (test_and_set(&lock)) ; (held) */
    const uint32_t p[] = { amo_w(1, 15, 10, 14), enc_b(1, 15, 0, -4) };
    load(p, 2);
    put32(e, DATA, 1);
    h->x[10] = DATA;
    h->x[14] = 1;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 2);
    ck_assert_uint_eq(h->pc, CODE);
    ck_assert_uint_eq(h->stats.spin_yields, 1);
}
END_TEST

START_TEST(lr_loop_is_a_spin)
{
    /* 1: lr.w a5, (a0); bne a5, a1, 1b */
    const uint32_t p[] = { amo_w(2, 15, 10, 0), enc_b(1, 15, 11, -4) };
    load(p, 2);
    h->x[10] = DATA;
    h->x[11] = 1;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 2);
    ck_assert_uint_eq(h->stats.spin_yields, 1);
}
END_TEST

START_TEST(amoadd_of_a_register_is_no_spin)
{
    /* 1: amoadd.w a5, a4, (a0); bne a5, x0, 1b   -- memory counts up: progress */
    const uint32_t p[] = { amo_w(0, 15, 10, 14), enc_b(1, 15, 0, -4) };
    load(p, 2);
    put32(e, DATA, 1);
    h->x[10] = DATA;
    h->x[14] = 1;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 3000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 3000);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(amoswap_of_a_loaded_value_is_no_spin)
{
    /* 1: lw a4, 8(a0); amoswap.w a5, a4, (a0); bne a5, x0, 1b   -- the value stored may vary */
    const uint32_t p[] = { i_lw(14, 10, 8), amo_w(1, 15, 10, 14), enc_b(1, 15, 0, -8) };
    load(p, 3);
    put32(e, DATA, 1);
    put32(e, DATA + 8, 1);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 3000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 3000);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(rotated_loop_with_an_exit_branch_is_a_spin)
{
    /* 1: lw a5, 0(a0); bne a5, x0, 2f; beq x0, x0, 1b; 2: addi a1, x0, 7   -- GCC's rotated while */
    const uint32_t p[] = { i_lw(15, 10, 0), enc_b(1, 15, 0, 8), enc_b(0, 0, 0, -8), i_addi(11, 0, 7) };
    load(p, 4);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 3);
    ck_assert_uint_eq(h->pc, CODE);
    ck_assert_uint_eq(h->stats.spin_yields, 1);
    put32(e, DATA, 1);               /* the flag is set: out through the exit branch */
    ck_assert_int_eq(hart_run_exact(h, 3, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[11], 7);
}
END_TEST

static uint32_t i_and(unsigned rd, unsigned rs1, unsigned rs2) { return enc_r(0x33, 7, 0, rd, rs1, rs2); }

/* OpenSBI's spin_lock (lib/sbi/riscv_locks.c) as Debian's fw_dynamic.elf has it: the ticket wait
 * loop closed by a c.j, a3 carried into the next pass but reloaded from the lock each pass. */
START_TEST(ticket_lock_loop_closed_by_c_j_is_a_spin)
{
    put32(e, CODE, 0x00e6f5b3);        /* 1: and a1, a3, a4 */
    put32(e, CODE + 4, 0x00b60663);    /* beq a2, a1, 2f (+12) */
    put16(e, CODE + 8, 0x4114);        /* c.lw a3, 0(a0) */
    put32(e, CODE + 10, 0x0230000f);   /* fence r, rw */
    put16(e, CODE + 14, 0xbfcd);       /* c.j 1b */
    put32(e, CODE + 16, i_addi(15, 0, 7));   /* 2: a5 = 7 */
    put32(e, DATA, 0x00020000);        /* next ticket 2, owner 0 */
    h->x[10] = DATA;
    h->x[12] = 1;                      /* my ticket */
    h->x[13] = 0x00010000;             /* what the amoadd returned */
    h->x[14] = 0xffff;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 5);     /* one pass, then the c.j ends the slice */
    ck_assert_uint_eq(h->pc, CODE);
    ck_assert_uint_eq(h->x[13], 0x00020000);
    ck_assert_uint_eq(h->stats.spin_yields, 1);
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 5);
    ck_assert_uint_eq(h->stats.spin_yields, 2);
    put32(e, DATA, 0x00020001);        /* the holder unlocks: owner 1 is my ticket */
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 5);     /* the pass that reloads it still ends at the c.j */
    ck_assert_uint_eq(h->stats.spin_yields, 3);
    ck_assert_int_eq(hart_run_exact(h, 3, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 3);     /* and, beq out, a5 = 7 */
    ck_assert_uint_eq(h->x[15], 7);
    ck_assert_uint_eq(h->x[11], 1);
    ck_assert_uint_eq(h->stats.spin_yields, 3);
}
END_TEST

START_TEST(ticket_lock_loop_closed_by_j_is_a_spin)
{
    /* 1: and a1, a3, a4; beq a2, a1, 2f; lw a3, 0(a0); fence r, rw; j 1b; 2: addi a5, x0, 7 */
    const uint32_t p[] = { i_and(11, 13, 14), enc_b(0, 12, 11, 16), i_lw(13, 10, 0), 0x0230000fu,
                           i_jal(0, -16), i_addi(15, 0, 7) };
    load(p, 6);
    put32(e, DATA, 0x00020000);
    h->x[10] = DATA;
    h->x[12] = 1;
    h->x[13] = 0x00010000;
    h->x[14] = 0xffff;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 5);
    ck_assert_uint_eq(h->pc, CODE);
    ck_assert_uint_eq(h->stats.spin_yields, 1);
    put32(e, DATA, 0x00020001);
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 5);
    ck_assert_int_eq(hart_run_exact(h, 3, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[15], 7);
    ck_assert_uint_eq(h->stats.spin_yields, 2);
}
END_TEST

START_TEST(carried_register_reloaded_before_a_closing_branch_is_a_spin)
{
    /* 1: and a1, a3, a4; lw a3, 0(a0); bne a2, a1, 1b   -- the same rule for a branch's loop */
    const uint32_t p[] = { i_and(11, 13, 14), i_lw(13, 10, 0), enc_b(1, 12, 11, -8) };
    load(p, 3);
    put32(e, DATA, 0x00020000);
    h->x[10] = DATA;
    h->x[12] = 1;
    h->x[14] = 0xffff;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 3);
    ck_assert_uint_eq(h->pc, CODE);
    ck_assert_uint_eq(h->stats.spin_yields, 1);
}
END_TEST

START_TEST(pointer_moving_loop_closed_by_j_is_no_spin)
{
    /* 1: lw a5, 0(a0); bne a5, x0, 2f; addi a0, a0, 4; j 1b   -- a scan over zeroes */
    const uint32_t p[] = { i_lw(15, 10, 0), enc_b(1, 15, 0, 12), i_addi(10, 10, 4), i_jal(0, -12), I_NOP };
    load(p, 5);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 3000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 3000);
    ck_assert_uint_ge(h->x[10], DATA + 4 * 700);   /* it moved on: 4 instructions a word */
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(counting_loop_closed_by_j_is_no_spin)
{
    /* 1: beq a1, a2, 2f; addi a1, a1, 1; j 1b; 2: addi a5, x0, 7 */
    const uint32_t p[] = { enc_b(0, 11, 12, 12), i_addi(11, 11, 1), i_jal(0, -8), i_addi(15, 0, 7) };
    load(p, 4);
    h->x[12] = 500;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run_exact(h, 1502, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 1502);   /* 500 passes of 3, the last beq, the addi: one slice */
    ck_assert_uint_eq(h->x[11], 500);
    ck_assert_uint_eq(h->x[15], 7);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(pointer_chasing_loop_closed_by_j_is_no_spin)
{
    /* 1: beq a0, x0, 2f; ld a0, 0(a0); j 1b   -- the address comes from the previous pass */
    const uint32_t p[] = { enc_b(0, 10, 0, 12), i_ld(10, 10, 0), i_jal(0, -8), I_NOP };
    load(p, 4);
    put64(e, DATA, DATA + 8);   /* a two-node ring */
    put64(e, DATA + 8, DATA);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 3000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 3000);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(loop_closed_by_j_without_an_exit_is_no_spin)
{
    /* 1: lw a5, 0(a0); j 1b   -- leaves only through an interrupt, not when memory changes */
    const uint32_t p[] = { i_lw(15, 10, 0), i_jal(0, -4) };
    load(p, 2);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 3000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 3000);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(backward_call_is_no_spin)
{
    /* 0: lw a5, 0(a0); bne a5, x0, 2f; jal ra, 0b   -- a call, not a loop's closing jump */
    const uint32_t p[] = { i_lw(15, 10, 0), enc_b(1, 15, 0, 8), i_jal(1, -8), I_NOP };
    load(p, 4);
    h->x[10] = DATA;
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 3000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 3000);
    ck_assert_uint_eq(h->x[1], CODE + 12);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

START_TEST(pause_retires_and_ends_the_slice)
{
    const uint32_t p[] = { i_addi(10, 0, 1), PAUSE, i_addi(10, 10, 1), i_jal(0, 0) };
    h->ext |= EXT_ZIHINTPAUSE;
    load(p, 4);
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 2);
    ck_assert_uint_eq(h->pc, CODE + 8);
    ck_assert_uint_eq(h->x[10], 1);
    ck_assert_uint_eq(h->minstret, 2);
    ck_assert_uint_eq(h->stats.spin_yields, 1);
}
END_TEST

START_TEST(pause_without_zihintpause_is_a_plain_fence)
{
    const uint32_t p[] = { i_addi(10, 0, 1), PAUSE, i_addi(10, 10, 1), I_NOP };
    load(p, 4);
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run_exact(h, 3, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 3);
    ck_assert_uint_eq(h->x[10], 2);
    ck_assert_uint_eq(h->stats.spin_yields, 0);
}
END_TEST

static Suite *interp_spin_suite(void)
{
    Suite *s = suite_create("interp_spin");
    TCase *t = tcase_create("spin");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, read_only_spin_loop_ends_the_slice_at_its_head);
    tcase_add_test(t, loop_that_writes_a_register_it_reads_is_no_spin);
    tcase_add_test(t, countdown_loop_is_no_spin);
    tcase_add_test(t, loop_with_a_store_is_no_spin);
    tcase_add_test(t, test_and_set_loop_is_a_spin);
    tcase_add_test(t, lr_loop_is_a_spin);
    tcase_add_test(t, amoadd_of_a_register_is_no_spin);
    tcase_add_test(t, amoswap_of_a_loaded_value_is_no_spin);
    tcase_add_test(t, rotated_loop_with_an_exit_branch_is_a_spin);
    tcase_add_test(t, ticket_lock_loop_closed_by_c_j_is_a_spin);
    tcase_add_test(t, ticket_lock_loop_closed_by_j_is_a_spin);
    tcase_add_test(t, carried_register_reloaded_before_a_closing_branch_is_a_spin);
    tcase_add_test(t, pointer_moving_loop_closed_by_j_is_no_spin);
    tcase_add_test(t, counting_loop_closed_by_j_is_no_spin);
    tcase_add_test(t, pointer_chasing_loop_closed_by_j_is_no_spin);
    tcase_add_test(t, loop_closed_by_j_without_an_exit_is_no_spin);
    tcase_add_test(t, backward_call_is_no_spin);
    tcase_add_test(t, pause_retires_and_ends_the_slice);
    tcase_add_test(t, pause_without_zihintpause_is_a_plain_fence);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(interp_spin_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
