/* Unit tests for src/cpu/interp.c through hart_run_exact/hart_run: tiny hand-encoded programs in RAM
 * check instret counting (unpriv 20191213 ch. 9.1 and 10, priv 1.12 3.1.11), x0, decoded-code
 * invalidation (unpriv 3.1 FENCE.I), page-crossing fetch, precise traps (priv 3.1.15-3.1.16) and where
 * interrupts are taken (priv 3.1.9, 3.3.3). Spin detection has its own file, test_interp_spin.c. */
#include <check.h>
#include <stdint.h>

#include "dev/clint.h"
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

/* ---- counting ---- */

START_TEST(exact_run_retires_exactly_the_budget)
{
    const uint32_t p[] = { i_addi(10, 0, 1), i_addi(10, 10, 1), i_addi(10, 10, 1), i_addi(10, 10, 1), I_NOP };
    load(p, 5);
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run_exact(h, 3, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 3);
    ck_assert_uint_eq(h->x[10], 3);
    ck_assert_uint_eq(h->pc, CODE + 12);
    ck_assert_uint_eq(h->minstret, 3);
    ck_assert_uint_eq(h->mcycle, 3);
    ck_assert_int_eq(hart_run_exact(h, 1, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[10], 4);
    ck_assert_uint_eq(h->minstret, 4);
}
END_TEST

START_TEST(zero_budget_runs_nothing)
{
    const uint32_t p[] = { i_addi(10, 0, 1) };
    load(p, 1);
    uint64_t retired = 7;
    ck_assert_int_eq(hart_run_exact(h, 0, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 0);
    ck_assert_uint_eq(h->pc, CODE);
    ck_assert_uint_eq(h->x[10], 0);
    ck_assert_uint_eq(h->minstret, 0);
}
END_TEST

START_TEST(block_run_counts_every_retired_instruction)
{
    const uint32_t p[] = { i_addi(10, 10, 1), i_jal(0, -4) };   /* tight loop */
    load(p, 2);
    uint64_t retired = 0;
    ck_assert_int_eq(hart_run(h, 1000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_ge(retired, 1000);
    ck_assert_uint_eq(h->minstret, retired);
    ck_assert_uint_eq(h->mcycle, retired);
    ck_assert_uint_eq(h->x[10], (retired + 1) / 2);
}
END_TEST

START_TEST(instret_read_counts_instructions_before_the_reader)
{
    const uint32_t p[] = { I_NOP, I_NOP, I_NOP, i_csrrs(10, CSR_INSTRET, 0), i_csrrs(11, CSR_CYCLE, 0) };
    load(p, 5);
    env_run(e, 5);
    ck_assert_uint_eq(h->x[10], 3);
    ck_assert_uint_eq(h->x[11], 4);
    ck_assert_uint_eq(h->minstret, 5);
}
END_TEST

START_TEST(minstret_write_replaces_the_writers_own_increment)
{
    /* Unpriv 9.1: a value written to instret by one instruction is the value read by the next. */
    const uint32_t p[] = {
        I_NOP,
        i_csrrw(0, CSR_MINSTRET, 11),   /* minstret = 100 */
        i_csrrs(10, CSR_MINSTRET, 0),   /* reads 100 */
        I_NOP,
        i_csrrs(12, CSR_INSTRET, 0),    /* reads 101 */
    };
    load(p, 5);
    h->x[11] = 100;
    ck_assert_uint_eq(env_run(e, 5), 5);
    ck_assert_uint_eq(h->x[10], 100);
    ck_assert_uint_eq(h->x[12], 102);
    ck_assert_uint_eq(h->minstret, 103);
}
END_TEST

START_TEST(mcycle_write_replaces_the_writers_own_increment)
{
    const uint32_t p[] = { i_csrrw(0, CSR_MCYCLE, 11), i_csrrs(10, CSR_MCYCLE, 0) };
    load(p, 2);
    h->x[11] = 500;
    env_run(e, 2);
    ck_assert_uint_eq(h->x[10], 500);
    ck_assert_uint_eq(h->mcycle, 501);
}
END_TEST

START_TEST(minstret_written_from_outside_is_not_decremented_by_an_empty_run)
{
    /* A debugger write (no instruction retires with it) followed by running nothing. */
    const uint32_t p[] = { I_NOP, I_NOP };
    load(p, 2);
    ck_assert_int_eq(csr_write(h, CSR_MINSTRET, 100), 0);
    uint64_t retired;
    hart_run_exact(h, 0, &retired);
    ck_assert_uint_eq(h->minstret, 100);
    env_run(e, 1);
    ck_assert_uint_eq(h->minstret, 101);
}
END_TEST

START_TEST(mcountinhibit_ir_freezes_minstret_only)
{
    const uint32_t p[] = { I_NOP, I_NOP, I_NOP };
    load(p, 3);
    ck_assert_int_eq(csr_write(h, CSR_MCOUNTINHIBIT, 4), 0);
    env_run(e, 3);
    ck_assert_uint_eq(h->minstret, 0);
    ck_assert_uint_eq(h->mcycle, 3);
}
END_TEST

START_TEST(faulting_instruction_does_not_retire)
{
    const uint32_t p[] = { I_NOP, 0xffffffffu };
    load(p, 2);
    env_run(e, 2);
    ck_assert_uint_eq(h->minstret, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
}
END_TEST

/* ---- registers ---- */

START_TEST(csrs_of_mip_does_not_latch_the_plic_seip_line)
{
    /* Privileged 3.1.9: mip.SEIP reads as the written bit OR the PLIC's line, but a CSRRS/CSRRC
     * read-modify-write uses the written bit only, so setting SSIP while the line is high must not
     * make SEIP stick once the line drops. */
    const uint32_t p[] = { i_csrrs(10, CSR_MIP, 11), i_csrrs(12, CSR_MIP, 0) };
    load(p, 2);
    h->x[11] = MIP_SSIP;
    hart_set_external_seip(h, true);
    ck_assert_uint_eq(env_run(e, 2), 2);
    ck_assert_uint_eq(h->x[10] & MIP_SEIP, MIP_SEIP);           /* the read shows the line */
    ck_assert_uint_eq(h->x[12] & (MIP_SEIP | MIP_SSIP), MIP_SEIP | MIP_SSIP);
    hart_set_external_seip(h, false);
    ck_assert_uint_eq(h->mip & MIP_SEIP, 0);                     /* nothing latched */
    ck_assert_uint_eq(h->mip & MIP_SSIP, MIP_SSIP);
}
END_TEST

START_TEST(x0_stays_zero)
{
    const uint32_t p[] = {
        i_addi(0, 0, 5), i_lui(0, 0x12345), i_add(10, 0, 0), i_ld(0, 2, 0), i_jal(0, 4), i_csrrs(0, CSR_MSTATUS, 0),
        i_addi(11, 0, 0),
    };
    load(p, 7);
    h->x[2] = RAM_BASE + 0x2000;
    put64(e, RAM_BASE + 0x2000, 0x55);
    h->x[10] = 9;
    ck_assert_uint_eq(env_run(e, 7), 7);
    ck_assert_uint_eq(h->x[0], 0);
    ck_assert_uint_eq(h->x[10], 0);
    ck_assert_uint_eq(h->pc, CODE + 28);
}
END_TEST

START_TEST(compressed_instructions_run_with_2_byte_steps)
{
    put16(e, CODE, 0x4515);       /* c.li a0, 5 */
    put16(e, CODE + 2, 0x0505);   /* c.addi a0, 1 */
    put32(e, CODE + 4, i_addi(11, 10, 1));
    ck_assert_uint_eq(env_run(e, 3), 3);
    ck_assert_uint_eq(h->x[10], 6);
    ck_assert_uint_eq(h->x[11], 7);
    ck_assert_uint_eq(h->pc, CODE + 8);
}
END_TEST

/* ---- decoded-code coherence ---- */

START_TEST(store_into_executed_code_then_fence_i_runs_new_code)
{
    /* T: addi a0, x0, 1 ; jalr x0, 0(ra) at CODE + 0x100 */
    const uint32_t t[] = { i_addi(10, 0, 1), i_jalr(0, 1, 0) };
    put_prog(e, CODE + 0x100, t, 2);
    const uint32_t p[] = {
        i_jal(1, 0x100),          /* call T: a0 = 1, T is now decoded */
        i_sw(5, 6, 0x100 - 4),    /* T[0] = addi a0, x0, 2 (t0 = CODE + 4) */
        I_FENCE_I,
        i_jal(1, 0x100 - 12),     /* call T */
    };
    load(p, 4);
    h->x[5] = CODE + 4;
    h->x[6] = i_addi(10, 0, 2);
    ck_assert_uint_eq(env_run(e, 3), 3);
    ck_assert_uint_eq(h->x[10], 1);
    ck_assert_uint_eq(env_run(e, 5), 5);   /* sw, fence.i, jal, addi, jalr */
    ck_assert_uint_eq(h->x[10], 2);
    ck_assert_uint_eq(h->pc, CODE + 16);
}
END_TEST

START_TEST(store_into_decoded_page_invalidates_without_fence_i)
{
    /* vhart's design: stores invalidate decoded code eagerly (a stronger guarantee than FENCE.I). */
    const uint32_t p[] = {
        i_addi(10, 0, 1),                         /* 0: target */
        enc_b(1, 12, 0, 16),                      /* 4: bne a2, x0, +16 -> 20 */
        i_sw(5, 6, 0),                            /* 8: rewrite the target */
        i_addi(12, 0, 1),                         /* 12 */
        i_jal(0, -16),                            /* 16: back to 0 */
        I_NOP,                                    /* 20 */
    };
    load(p, 6);
    h->x[5] = CODE;
    h->x[6] = i_addi(10, 0, 42);
    ck_assert_uint_eq(env_run(e, 8), 8);
    ck_assert_uint_eq(h->x[10], 42);
    ck_assert_uint_eq(h->pc, CODE + 24);
}
END_TEST

START_TEST(second_store_to_code_page_is_seen_after_fence_i)
{
    /* Unpriv 3.1: after FENCE.I, fetches observe every earlier store. The first store invalidates the
     * page; running code in it again (no FENCE.I) must not let a later store bypass invalidation. */
    const uint32_t t[] = { i_addi(10, 0, 1), i_jalr(0, 1, 0) };
    put_prog(e, CODE + 0x100, t, 2);
    const uint32_t p[] = {
        i_jal(1, 0x100),          /* 0: call T -> a0 = 1 */
        i_sw(5, 6, 0x100),        /* 4: T[0] = addi a0, x0, 2 */
        i_jal(1, 0x100 - 8),      /* 8: call T (either old or new code is allowed here) */
        i_sw(5, 7, 0x100),        /* 12: T[0] = addi a0, x0, 3 */
        I_FENCE_I,                /* 16 */
        i_jal(1, 0x100 - 20),     /* 20: call T -> must be 3 */
        I_NOP,                    /* 24 */
    };
    load(p, 7);
    h->x[5] = CODE;
    h->x[6] = i_addi(10, 0, 2);
    h->x[7] = i_addi(10, 0, 3);
    ck_assert_uint_eq(env_run(e, 12), 12);
    ck_assert_uint_eq(h->pc, CODE + 24);
    ck_assert_uint_eq(get32(e, CODE + 0x100), i_addi(10, 0, 3));
    ck_assert_msg(h->x[10] == 3, "stale decoded instruction executed: a0 = %llu", (unsigned long long)h->x[10]);
}
END_TEST

START_TEST(instruction_straddling_a_page_boundary_executes)
{
    uint32_t w = i_addi(10, 0, 7);
    put16(e, CODE + 0xffe, w & 0xffff);
    put16(e, CODE + 0x1000, w >> 16);
    put32(e, CODE + 0x1002, i_addi(11, 10, 2));
    h->pc = CODE + 0xffe;
    ck_assert_uint_eq(env_run(e, 2), 2);
    ck_assert_uint_eq(h->x[10], 7);
    ck_assert_uint_eq(h->x[11], 9);
    ck_assert_uint_eq(h->pc, CODE + 0x1006);
    /* Rewriting the second half is seen on the next run. */
    w = i_addi(10, 0, 0x7ff);
    put16(e, CODE + 0x1000, w >> 16);
    h->pc = CODE + 0xffe;
    env_run(e, 1);
    ck_assert_uint_eq(h->x[10], 0x7ff);
}
END_TEST

START_TEST(straddling_fetch_fault_reports_second_half_address)
{
    uint64_t last = RAM_BASE + RAM_SIZE - 2;
    put16(e, last, i_addi(10, 0, 7) & 0xffff);
    h->pc = last;
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_FETCH_ACCESS);
    ck_assert_uint_eq(h->mepc, last);
    ck_assert_uint_eq(h->mtval, RAM_BASE + RAM_SIZE);
    ck_assert_uint_eq(h->pc, HANDLER);
}
END_TEST

/* ---- precise traps ---- */

START_TEST(illegal_32bit_instruction_traps_with_its_bits)
{
    const uint32_t p[] = { I_NOP, 0xffffffffu, i_addi(10, 0, 1) };
    load(p, 3);
    env_run(e, 2);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mepc, CODE + 4);
    ck_assert_uint_eq(h->mtval, 0xffffffffu);
    ck_assert_uint_eq(h->pc, HANDLER);
    ck_assert_uint_eq(h->x[10], 0);
}
END_TEST

START_TEST(illegal_16bit_instruction_traps_with_only_its_16_bits)
{
    put16(e, CODE, 0x6101);   /* c.addi16sp with nzimm = 0: reserved */
    put16(e, CODE + 2, 0xffff);
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mtval, 0x6101);
    ck_assert_uint_eq(h->mepc, CODE);
}
END_TEST

START_TEST(inaccessible_csr_traps_illegal_with_instruction_bits)
{
    const uint32_t p[] = { i_csrrs(10, 0x7c0, 0), i_csrrw(10, CSR_CYCLE, 11) };
    load(p, 2);
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mtval, i_csrrs(10, 0x7c0, 0));
    h->pc = CODE + 4;
    env_run(e, 1);
    ck_assert_uint_eq(h->mtval, i_csrrw(10, CSR_CYCLE, 11));   /* writing a read-only CSR */
    ck_assert_uint_eq(h->mepc, CODE + 4);
}
END_TEST

START_TEST(ecall_cause_depends_on_privilege_and_tval_is_zero)
{
    const uint32_t p[] = { I_ECALL };
    load(p, 1);
    const unsigned privs[] = { PRV_U, PRV_S, PRV_M };
    const uint64_t causes[] = { CAUSE_ECALL_U, CAUSE_ECALL_S, CAUSE_ECALL_M };
    for (unsigned i = 0; i < 3; i++) {
        env_set_priv(e, privs[i]);
        h->pc = CODE;
        h->mtval = 123;
        env_run(e, 1);
        ck_assert_uint_eq(h->mcause, causes[i]);
        ck_assert_uint_eq(h->mtval, 0);
        ck_assert_uint_eq(h->mepc, CODE);
        ck_assert_uint_eq(h->priv, PRV_M);
    }
}
END_TEST

START_TEST(ebreak_traps_with_breakpoint_cause)
{
    const uint32_t p[] = { I_NOP, I_EBREAK };
    load(p, 2);
    env_run(e, 2);
    ck_assert_uint_eq(h->mcause, CAUSE_BREAKPOINT);
    ck_assert_uint_eq(h->mepc, CODE + 4);
    ck_assert_uint_eq(h->mtval, CODE + 4);   /* vhart reports the breakpoint address */
    ck_assert_uint_eq(h->minstret, 1);
    put16(e, CODE, 0x9002);                  /* c.ebreak */
    h->pc = CODE;
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_BREAKPOINT);
    ck_assert_uint_eq(h->mepc, CODE);
}
END_TEST

START_TEST(misaligned_jump_target_without_c_traps_at_the_jump)
{
    hart_reset(h, 0, CODE, EXT_DEFAULT & ~EXT_C);
    h->mtvec = HANDLER;
    const uint32_t p[] = { i_jalr(1, 5, 2) };
    load(p, 1);
    h->x[5] = CODE + 0x100;
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_MISALIGNED_FETCH);
    ck_assert_uint_eq(h->mepc, CODE);
    ck_assert_uint_eq(h->mtval, CODE + 0x102);
    ck_assert_uint_eq(h->x[1], 0);   /* rd is not written by a faulting jump */
}
END_TEST

START_TEST(mret_in_s_mode_is_illegal)
{
    const uint32_t p[] = { I_MRET };
    load(p, 1);
    env_set_priv(e, PRV_S);
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mtval, I_MRET);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq((h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_S);
}
END_TEST

START_TEST(wfi_and_sfence_vma_in_u_mode_are_illegal)
{
    const uint32_t p[] = { I_WFI, 0x12000073u /* sfence.vma */ };
    load(p, 2);
    env_set_priv(e, PRV_U);
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mtval, I_WFI);
    env_set_priv(e, PRV_U);
    h->pc = CODE + 4;
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mtval, 0x12000073u);
}
END_TEST

START_TEST(wfi_with_tw_and_sfence_with_tvm_are_illegal_in_s)
{
    const uint32_t p[] = { I_WFI, 0x12000073u };
    load(p, 2);
    h->mstatus |= MSTATUS_TW | MSTATUS_TVM;
    env_set_priv(e, PRV_S);
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mepc, CODE);
    env_set_priv(e, PRV_S);
    h->pc = CODE + 4;
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mepc, CODE + 4);
}
END_TEST

START_TEST(delegated_exception_from_u_runs_the_s_handler)
{
    const uint32_t p[] = { I_ECALL };
    load(p, 1);
    for (unsigned i = 0; i < 4; i++) put32(e, RAM_BASE + 0xc00 + 4 * i, I_NOP);
    ck_assert_int_eq(csr_write(h, CSR_MEDELEG, 1u << CAUSE_ECALL_U), 0);
    ck_assert_int_eq(csr_write(h, CSR_STVEC, RAM_BASE + 0xc00), 0);
    env_set_priv(e, PRV_U);
    env_run(e, 1);   /* a trap ends a one-step run */
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->scause, CAUSE_ECALL_U);
    ck_assert_uint_eq(h->sepc, CODE);
    ck_assert_uint_eq(h->pc, RAM_BASE + 0xc00);
    ck_assert_uint_eq(h->mcause, 0);
}
END_TEST

/* ---- interrupts ---- */

START_TEST(pending_enabled_interrupt_is_taken_before_the_first_instruction)
{
    const uint32_t p[] = { i_addi(10, 0, 1) };
    load(p, 1);
    h->mie = MIP_MTIP;
    hart_set_mip(h, MIP_MTIP, true);
    h->mstatus |= MSTATUS_MIE;
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | IRQ_M_TIMER);
    ck_assert_uint_eq(h->mepc, CODE);
    ck_assert_uint_eq(h->mtval, 0);
    ck_assert_uint_eq(h->x[10], 0);
    ck_assert_uint_eq(h->pc, HANDLER + 4);   /* one handler instruction ran */
}
END_TEST

START_TEST(interrupt_is_taken_right_after_the_csr_write_that_enables_it)
{
    const uint32_t p[] = { I_NOP, i_csrrsi(0, CSR_MSTATUS, MSTATUS_MIE), i_addi(10, 0, 1), I_NOP };
    load(p, 4);
    h->mie = MIP_MSIP;
    hart_set_mip(h, MIP_MSIP, true);
    env_run(e, 2);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | IRQ_M_SOFT);
    ck_assert_uint_eq(h->mepc, CODE + 8);
    ck_assert_uint_eq(h->x[10], 0);
    ck_assert_uint_eq(h->minstret, 2);
    ck_assert(!(h->mstatus & MSTATUS_MIE));
    ck_assert(h->mstatus & MSTATUS_MPIE);
}
END_TEST

START_TEST(vectored_interrupt_enters_base_plus_4_cause)
{
    const uint32_t p[] = { I_NOP };
    load(p, 1);
    for (unsigned i = 0; i < 16; i++) put32(e, HANDLER + 4 * i, I_NOP);
    h->mtvec = HANDLER | 1;
    h->mie = MIP_MEIP;
    hart_set_mip(h, MIP_MEIP, true);
    env_set_priv(e, PRV_U);   /* M interrupts are always enabled below M */
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | IRQ_M_EXT);
    ck_assert_uint_eq(h->pc, HANDLER + 4 * 11 + 4);
}
END_TEST

START_TEST(wfi_stops_until_an_interrupt_is_pending)
{
    const uint32_t p[] = { I_WFI, i_addi(10, 0, 1), I_NOP };
    load(p, 3);
    h->mie = MIP_MTIP;
    uint64_t retired;
    ck_assert_int_eq(hart_run_exact(h, 10, &retired), HART_STOP_WFI);
    ck_assert_uint_eq(retired, 1);
    ck_assert(h->wfi);
    ck_assert_uint_eq(h->pc, CODE + 4);
    ck_assert_int_eq(hart_run_exact(h, 10, &retired), HART_STOP_WFI);   /* still nothing pending */
    ck_assert_uint_eq(retired, 0);
    /* The interrupt wakes the hart even with MIE clear; execution resumes after wfi. */
    hart_set_mip(h, MIP_MTIP, true);
    ck_assert_int_eq(hart_run_exact(h, 1, &retired), HART_STOP_BUDGET);
    ck_assert(!h->wfi);
    ck_assert_uint_eq(h->x[10], 1);
    ck_assert_uint_eq(h->pc, CODE + 8);
}
END_TEST

START_TEST(wfi_with_a_pending_masked_interrupt_ends_the_slice_after_it)
{
    /* M-mode, mstatus.MIE clear, MSIP pending and enabled in mie: wfi cannot stall (3.3.3) and
     * takes no trap. A poll loop around it (OpenSBI's HSM wait) gets its slice ended there. */
    const uint32_t p[] = { I_WFI, i_addi(10, 10, 1), enc_b(0, 0, 0, -8) };
    load(p, 3);
    h->mie = MIP_MSIP;
    hart_set_mip(h, MIP_MSIP, true);
    uint64_t retired;
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 1);
    ck_assert(!h->wfi);
    ck_assert_uint_eq(h->pc, CODE + 4);
    ck_assert_uint_eq(h->stats.wfi_polls, 1);
    ck_assert_uint_eq(h->x[10], 0);
    ck_assert_int_eq(hart_run(h, 100000, &retired), HART_STOP_BUDGET);
    ck_assert_uint_eq(retired, 3);   /* addi, the jump back, wfi again */
    ck_assert_uint_eq(h->x[10], 1);
    ck_assert_uint_eq(h->stats.wfi_polls, 2);
    ck_assert_uint_eq(h->mcause, 0);   /* never trapped */
    /* With MIE set the same wfi takes the interrupt instead: no poll. */
    h->mstatus |= MSTATUS_MIE;
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | IRQ_M_SOFT);
    ck_assert_uint_eq(h->stats.wfi_polls, 2);
}
END_TEST

START_TEST(wfi_wakeup_with_mie_set_traps_with_epc_after_wfi)
{
    const uint32_t p[] = { I_WFI, i_addi(10, 0, 1) };
    load(p, 2);
    h->mie = MIP_MTIP;
    h->mstatus |= MSTATUS_MIE;
    uint64_t retired;
    ck_assert_int_eq(hart_run_exact(h, 10, &retired), HART_STOP_WFI);
    hart_set_mip(h, MIP_MTIP, true);
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | IRQ_M_TIMER);
    ck_assert_uint_eq(h->mepc, CODE + 4);
    ck_assert_uint_eq(h->x[10], 0);
}
END_TEST

START_TEST(supervisor_interrupt_delegated_from_u_enters_s)
{
    const uint32_t p[] = { I_NOP };
    load(p, 1);
    for (unsigned i = 0; i < 4; i++) put32(e, RAM_BASE + 0xc00 + 4 * i, I_NOP);
    ck_assert_int_eq(csr_write(h, CSR_MIDELEG, 0x222), 0);
    ck_assert_int_eq(csr_write(h, CSR_STVEC, RAM_BASE + 0xc00), 0);
    ck_assert_int_eq(csr_write(h, CSR_MIE, MIP_STIP), 0);
    ck_assert_int_eq(csr_write(h, CSR_MIP, MIP_STIP), 0);
    env_set_priv(e, PRV_U);
    env_run(e, 1);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->scause, CAUSE_INTERRUPT | IRQ_S_TIMER);
    ck_assert_uint_eq(h->sepc, CODE);
}
END_TEST

START_TEST(sequential_execution_crosses_into_the_next_page)
{
    put32(e, CODE + 0xff8, i_addi(10, 0, 1));
    put32(e, CODE + 0xffc, i_addi(10, 10, 1));
    put16(e, CODE + 0x1000, 0x0505);             /* c.addi a0, 1 */
    put16(e, CODE + 0x1002, 0x0505);
    h->pc = CODE + 0xff8;
    ck_assert_uint_eq(env_run(e, 4), 4);
    ck_assert_uint_eq(h->x[10], 4);
    ck_assert_uint_eq(h->pc, CODE + 0x1004);
    /* A 16-bit instruction in the last slot of a page. */
    put16(e, CODE + 0x1ffe, 0x0505);
    put32(e, CODE + 0x2000, i_addi(11, 10, 0));
    h->pc = CODE + 0x1ffe;
    ck_assert_uint_eq(env_run(e, 2), 2);
    ck_assert_uint_eq(h->x[11], 5);
}
END_TEST

START_TEST(taken_branch_to_misaligned_target_traps_and_untaken_one_does_not)
{
    hart_reset(h, 0, CODE, EXT_DEFAULT & ~EXT_C);
    h->mtvec = HANDLER;
    const uint32_t p[] = { enc_b(1, 10, 0, 6), enc_b(0, 10, 0, 6) };   /* bne a0, x0, +6 ; beq a0, x0, +6 */
    load(p, 2);
    ck_assert_uint_eq(env_run(e, 1), 1);   /* a0 == 0: bne not taken */
    ck_assert_uint_eq(h->pc, CODE + 4);
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_MISALIGNED_FETCH);
    ck_assert_uint_eq(h->mepc, CODE + 4);
    ck_assert_uint_eq(h->mtval, CODE + 10);
}
END_TEST

START_TEST(interrupt_pending_in_m_is_taken_right_after_mret_to_u)
{
    const uint32_t p[] = { I_MRET };
    load(p, 1);
    put32(e, CODE + 0x40, i_addi(10, 0, 1));
    h->mie = MIP_MTIP;
    hart_set_mip(h, MIP_MTIP, true);       /* pending, but MIE = 0 in M */
    h->mepc = CODE + 0x40;                 /* MPP = U after reset */
    env_run(e, 1);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | IRQ_M_TIMER);
    ck_assert_uint_eq(h->mepc, CODE + 0x40);
    ck_assert_uint_eq((h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_U);
    ck_assert_uint_eq(h->x[10], 0);
}
END_TEST

static uint64_t clint_now;
static uint64_t clint_time(void *opaque) { (void)opaque; return clint_now; }

START_TEST(store_to_clint_msip_interrupts_right_after_the_store)
{
    struct hart *harts[1] = { h };
    struct clint c;
    clint_init(&c, harts, 1);
    c.read_time = clint_time;
    c.time_opaque = NULL;
    ck_assert_ptr_nonnull(bus_add_device(&e->bus, "clint", CLINT_BASE, CLINT_SIZE, &clint_ops, &c));
    const uint32_t p[] = { i_sw(5, 6, 0), i_addi(10, 0, 1), I_NOP };
    load(p, 3);
    h->x[5] = CLINT_BASE + CLINT_MSIP;
    h->x[6] = 1;
    h->mie = MIP_MSIP;
    h->mstatus |= MSTATUS_MIE;
    uint64_t retired;
    hart_run(h, 100, &retired);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | IRQ_M_SOFT);
    ck_assert_uint_eq(h->mepc, CODE + 4);
    ck_assert_uint_eq(h->x[10], 0);
    ck_assert_uint_eq(h->stats.mmio_accesses, 1);
}
END_TEST

static Suite *interp_suite(void)
{
    Suite *s = suite_create("interp");
    TCase *t = tcase_create("interp");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, exact_run_retires_exactly_the_budget);
    tcase_add_test(t, zero_budget_runs_nothing);
    tcase_add_test(t, csrs_of_mip_does_not_latch_the_plic_seip_line);
    tcase_add_test(t, block_run_counts_every_retired_instruction);
    tcase_add_test(t, instret_read_counts_instructions_before_the_reader);
    tcase_add_test(t, minstret_write_replaces_the_writers_own_increment);
    tcase_add_test(t, mcycle_write_replaces_the_writers_own_increment);
    tcase_add_test(t, minstret_written_from_outside_is_not_decremented_by_an_empty_run);
    tcase_add_test(t, mcountinhibit_ir_freezes_minstret_only);
    tcase_add_test(t, faulting_instruction_does_not_retire);
    tcase_add_test(t, x0_stays_zero);
    tcase_add_test(t, compressed_instructions_run_with_2_byte_steps);
    tcase_add_test(t, store_into_executed_code_then_fence_i_runs_new_code);
    tcase_add_test(t, store_into_decoded_page_invalidates_without_fence_i);
    tcase_add_test(t, second_store_to_code_page_is_seen_after_fence_i);
    tcase_add_test(t, instruction_straddling_a_page_boundary_executes);
    tcase_add_test(t, straddling_fetch_fault_reports_second_half_address);
    tcase_add_test(t, illegal_32bit_instruction_traps_with_its_bits);
    tcase_add_test(t, illegal_16bit_instruction_traps_with_only_its_16_bits);
    tcase_add_test(t, inaccessible_csr_traps_illegal_with_instruction_bits);
    tcase_add_test(t, ecall_cause_depends_on_privilege_and_tval_is_zero);
    tcase_add_test(t, ebreak_traps_with_breakpoint_cause);
    tcase_add_test(t, misaligned_jump_target_without_c_traps_at_the_jump);
    tcase_add_test(t, mret_in_s_mode_is_illegal);
    tcase_add_test(t, wfi_and_sfence_vma_in_u_mode_are_illegal);
    tcase_add_test(t, wfi_with_tw_and_sfence_with_tvm_are_illegal_in_s);
    tcase_add_test(t, delegated_exception_from_u_runs_the_s_handler);
    tcase_add_test(t, pending_enabled_interrupt_is_taken_before_the_first_instruction);
    tcase_add_test(t, interrupt_is_taken_right_after_the_csr_write_that_enables_it);
    tcase_add_test(t, vectored_interrupt_enters_base_plus_4_cause);
    tcase_add_test(t, wfi_stops_until_an_interrupt_is_pending);
    tcase_add_test(t, wfi_wakeup_with_mie_set_traps_with_epc_after_wfi);
    tcase_add_test(t, wfi_with_a_pending_masked_interrupt_ends_the_slice_after_it);
    tcase_add_test(t, supervisor_interrupt_delegated_from_u_enters_s);
    tcase_add_test(t, sequential_execution_crosses_into_the_next_page);
    tcase_add_test(t, taken_branch_to_misaligned_target_traps_and_untaken_one_does_not);
    tcase_add_test(t, interrupt_pending_in_m_is_taken_right_after_mret_to_u);
    tcase_add_test(t, store_to_clint_msip_interrupts_right_after_the_store);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(interp_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
