/* Unit tests for src/cpu/hart.c: reset, trap entry (privileged spec 1.12, 3.1.6-3.1.9, 3.3.1, 4.1.1),
 * interrupt selection and delegation (3.1.9), mret/sret (3.3.2). */
#include <check.h>
#include <stdint.h>

#include "unit_helpers.h"

static struct env *e;
static struct hart *h;

static void setup(void)
{
    e = env_new();
    h = e->h;
}
static void teardown(void) { env_free(e); }

static unsigned mpp(void) { return (unsigned)((h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT); }
static bool bit(uint64_t m) { return (h->mstatus & m) != 0; }

/* ---- reset ---- */

START_TEST(reset_enters_m_mode_at_reset_pc_with_clean_state)
{
    h->x[5] = 7;
    h->mie = 0xaaa;
    h->wfi = true;
    hart_reset(h, 3, 0x1000, EXT_DEFAULT);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->pc, 0x1000);
    ck_assert_uint_eq(h->mhartid, 3);
    ck_assert_uint_eq(h->x[5], 0);
    ck_assert_uint_eq(h->mie, 0);
    ck_assert_uint_eq(h->mip, 0);
    ck_assert(!h->wfi);
    ck_assert_uint_eq(h->mstatus, (2ull << 32) | (2ull << 34));
    ck_assert_uint_eq(h->satp, 0);
    /* The platform hooks survive a reset. */
    ck_assert_ptr_eq(h->bus, &e->bus);
    ck_assert_ptr_nonnull(h->read_time);
    ck_assert_ptr_eq(h->dtlb, &h->dtlbs[8]);
}
END_TEST

START_TEST(misa_lists_enabled_extensions_with_mxl_64)
{
    ck_assert_uint_eq(hart_misa(EXT_I), (2ull << 62) | (1u << 8));
    uint64_t all = hart_misa(EXT_I | EXT_M | EXT_A | EXT_C | EXT_F | EXT_D | EXT_S);
    ck_assert_uint_eq(all, (2ull << 62) | (1u << 8) | (1u << 12) | (1u << 0) | (1u << 2) | (1u << 5) | (1u << 3) |
                               (1u << 18) | (1u << 20));
}
END_TEST

/* ---- trap entry ---- */

START_TEST(undelegated_exception_from_u_enters_m_with_all_fields)
{
    env_set_priv(e, PRV_U);
    h->pc = 0x80001000;
    h->mstatus |= MSTATUS_MIE | MSTATUS_SIE;
    h->mtvec = 0x80002000;
    h->stvec = 0x80003000;
    hart_trap(h, CAUSE_ILLEGAL_INSN, 0x1234);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->pc, 0x80002000);
    ck_assert_uint_eq(h->mcause, CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->mepc, 0x80001000);
    ck_assert_uint_eq(h->mtval, 0x1234);
    ck_assert_uint_eq(mpp(), PRV_U);
    ck_assert(bit(MSTATUS_MPIE));
    ck_assert(!bit(MSTATUS_MIE));
    ck_assert(bit(MSTATUS_SIE));     /* S fields untouched */
    ck_assert_uint_eq(h->scause, 0);
    ck_assert_uint_eq(h->sepc, 0);
    ck_assert_ptr_eq(h->dtlb, &h->dtlbs[8]);
}
END_TEST

START_TEST(exception_from_s_with_mie_clear_saves_mpp_s_and_mpie_0)
{
    env_set_priv(e, PRV_S);
    h->pc = 0x80000100;
    h->mtvec = 0x80002000;
    hart_trap(h, CAUSE_LOAD_ACCESS, 0x10);
    ck_assert_uint_eq(mpp(), PRV_S);
    ck_assert(!bit(MSTATUS_MPIE));
    ck_assert(!bit(MSTATUS_MIE));
    ck_assert_uint_eq(h->mcause, CAUSE_LOAD_ACCESS);
}
END_TEST

START_TEST(exception_from_m_stays_in_m_even_if_delegated)
{
    h->medeleg = 0xb3ff;
    h->pc = 0x80000040;
    h->mstatus |= MSTATUS_MIE;
    h->mtvec = 0x80002000;
    hart_trap(h, CAUSE_BREAKPOINT, 0x80000040);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->mcause, CAUSE_BREAKPOINT);
    ck_assert_uint_eq(mpp(), PRV_M);
    ck_assert(bit(MSTATUS_MPIE));
    ck_assert_uint_eq(h->scause, 0);
}
END_TEST

START_TEST(exception_with_vectored_tvec_goes_to_base)
{
    env_set_priv(e, PRV_U);
    h->mtvec = 0x80002001;
    hart_trap(h, CAUSE_ECALL_U, 0);
    ck_assert_uint_eq(h->pc, 0x80002000);
}
END_TEST

START_TEST(delegated_exception_from_u_enters_s_with_all_fields)
{
    ck_assert_int_eq(csr_write(h, CSR_MEDELEG, 1u << CAUSE_ECALL_U), 0);
    env_set_priv(e, PRV_U);
    h->pc = 0x80001004;
    h->mstatus |= MSTATUS_SIE | MSTATUS_MPIE | (3ull << MSTATUS_MPP_SHIFT);
    h->stvec = 0x80003001;   /* vectored: exceptions still go to base */
    h->mcause = 99;
    hart_trap(h, CAUSE_ECALL_U, 0);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->pc, 0x80003000);
    ck_assert_uint_eq(h->scause, CAUSE_ECALL_U);
    ck_assert_uint_eq(h->sepc, 0x80001004);
    ck_assert_uint_eq(h->stval, 0);
    ck_assert(!bit(MSTATUS_SPP));
    ck_assert(bit(MSTATUS_SPIE));
    ck_assert(!bit(MSTATUS_SIE));
    /* M state untouched */
    ck_assert_uint_eq(h->mcause, 99);
    ck_assert_uint_eq(mpp(), PRV_M);
    ck_assert(bit(MSTATUS_MPIE));
}
END_TEST

START_TEST(delegated_exception_from_s_sets_spp)
{
    ck_assert_int_eq(csr_write(h, CSR_MEDELEG, 1u << CAUSE_STORE_PAGE_FAULT), 0);
    env_set_priv(e, PRV_S);
    h->pc = 0x80000200;
    h->stvec = 0x80003000;
    hart_trap(h, CAUSE_STORE_PAGE_FAULT, 0xdead000);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert(bit(MSTATUS_SPP));
    ck_assert(!bit(MSTATUS_SPIE));
    ck_assert_uint_eq(h->stval, 0xdead000);
    ck_assert_uint_eq(h->sepc, 0x80000200);
}
END_TEST

START_TEST(ecall_from_m_is_never_delegated)
{
    ck_assert_int_eq(csr_write(h, CSR_MEDELEG, ~0ull), 0);
    ck_assert_uint_eq(h->medeleg & (1u << CAUSE_ECALL_M), 0);
    h->mtvec = 0x80002000;
    hart_trap(h, CAUSE_ECALL_M, 0);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->mcause, CAUSE_ECALL_M);
    /* ecall from S is delegable (medeleg[9]). */
    env_set_priv(e, PRV_S);
    h->stvec = 0x80003000;
    hart_trap(h, CAUSE_ECALL_S, 0);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->scause, CAUSE_ECALL_S);
}
END_TEST

START_TEST(interrupt_with_vectored_mtvec_goes_to_base_plus_4_cause)
{
    env_set_priv(e, PRV_S);
    h->pc = 0x80000300;
    h->mtvec = 0x80002001;
    hart_trap(h, CAUSE_INTERRUPT | IRQ_M_TIMER, 0);
    ck_assert_uint_eq(h->pc, 0x80002000 + 4 * 7);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | 7);
    ck_assert_uint_eq(h->mepc, 0x80000300);
    ck_assert_uint_eq(h->mtval, 0);
    ck_assert_uint_eq(mpp(), PRV_S);
}
END_TEST

START_TEST(interrupt_with_direct_mtvec_goes_to_base)
{
    h->mtvec = 0x80002000;
    hart_trap(h, CAUSE_INTERRUPT | IRQ_M_EXT, 0);
    ck_assert_uint_eq(h->pc, 0x80002000);
}
END_TEST

START_TEST(delegated_interrupt_with_vectored_stvec_goes_to_base_plus_4_cause)
{
    ck_assert_int_eq(csr_write(h, CSR_MIDELEG, MIP_STIP), 0);
    env_set_priv(e, PRV_U);
    h->pc = 0x80000400;
    h->stvec = 0x80003001;
    hart_trap(h, CAUSE_INTERRUPT | IRQ_S_TIMER, 0);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->pc, 0x80003000 + 4 * 5);
    ck_assert_uint_eq(h->scause, CAUSE_INTERRUPT | 5);
    ck_assert_uint_eq(h->sepc, 0x80000400);
    ck_assert_uint_eq(h->stval, 0);
}
END_TEST

START_TEST(delegated_interrupt_taken_in_m_goes_to_m)
{
    ck_assert_int_eq(csr_write(h, CSR_MIDELEG, 0x222), 0);
    h->mtvec = 0x80002000;
    hart_trap(h, CAUSE_INTERRUPT | IRQ_S_EXT, 0);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->mcause, CAUSE_INTERRUPT | 9);
}
END_TEST

START_TEST(trap_ends_wfi)
{
    h->wfi = true;
    hart_trap(h, CAUSE_INTERRUPT | IRQ_M_SOFT, 0);
    ck_assert(!h->wfi);
}
END_TEST

/* ---- interrupt selection ---- */

START_TEST(interrupt_priority_is_mei_msi_mti_sei_ssi_sti)
{
    static const unsigned order[] = { IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER, IRQ_S_EXT, IRQ_S_SOFT, IRQ_S_TIMER };
    h->mie = 0xaaa;
    h->mip = 0xaaa;
    env_set_priv(e, PRV_U);   /* everything enabled below M */
    for (unsigned i = 0; i < 6; i++) {
        ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | order[i]);
        h->mip &= ~(1ull << order[i]);
    }
    ck_assert_uint_eq(hart_pending_interrupt(h), 0);
}
END_TEST

START_TEST(interrupts_for_m_come_before_delegated_ones)
{
    h->mideleg = 0x222;
    h->mie = 0xaaa;
    h->mip = MIP_SEIP | MIP_STIP | MIP_MTIP;
    env_set_priv(e, PRV_S);
    h->mstatus |= MSTATUS_SIE;
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_M_TIMER);
    h->mip &= ~MIP_MTIP;
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_S_EXT);
}
END_TEST

START_TEST(interrupt_needs_both_mip_and_mie)
{
    env_set_priv(e, PRV_U);
    h->mip = MIP_MTIP;
    ck_assert_uint_eq(hart_pending_interrupt(h), 0);
    h->mie = MIP_MSIP;
    ck_assert_uint_eq(hart_pending_interrupt(h), 0);
    h->mie = MIP_MTIP;
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_M_TIMER);
}
END_TEST

START_TEST(m_interrupts_in_m_are_enabled_by_mstatus_mie)
{
    h->mie = MIP_MTIP;
    h->mip = MIP_MTIP;
    ck_assert_uint_eq(hart_pending_interrupt(h), 0);
    h->mstatus |= MSTATUS_MIE;
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_M_TIMER);
}
END_TEST

START_TEST(m_interrupts_below_m_are_always_enabled)
{
    h->mie = MIP_MEIP;
    h->mip = MIP_MEIP;
    env_set_priv(e, PRV_S);
    ck_assert(!bit(MSTATUS_MIE) && !bit(MSTATUS_SIE));
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_M_EXT);
    env_set_priv(e, PRV_U);
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_M_EXT);
}
END_TEST

START_TEST(s_interrupts_are_never_taken_in_m)
{
    h->mideleg = 0x222;
    h->mie = 0x222;
    h->mip = 0x222;
    h->mstatus |= MSTATUS_MIE | MSTATUS_SIE;
    ck_assert_uint_eq(hart_pending_interrupt(h), 0);
}
END_TEST

START_TEST(s_interrupts_in_s_are_enabled_by_sie)
{
    h->mideleg = 0x222;
    h->mie = MIP_SSIP;
    h->mip = MIP_SSIP;
    env_set_priv(e, PRV_S);
    ck_assert_uint_eq(hart_pending_interrupt(h), 0);
    h->mstatus |= MSTATUS_MIE;   /* MIE does not enable S-level interrupts */
    ck_assert_uint_eq(hart_pending_interrupt(h), 0);
    h->mstatus |= MSTATUS_SIE;
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_S_SOFT);
}
END_TEST

START_TEST(s_interrupts_in_u_are_always_enabled)
{
    h->mideleg = 0x222;
    h->mie = MIP_STIP;
    h->mip = MIP_STIP;
    env_set_priv(e, PRV_U);
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_S_TIMER);
}
END_TEST

START_TEST(set_mip_sets_and_clears_bits)
{
    hart_set_mip(h, MIP_MTIP | MIP_MEIP, true);
    ck_assert_uint_eq(h->mip, MIP_MTIP | MIP_MEIP);
    hart_set_mip(h, MIP_MTIP, false);
    ck_assert_uint_eq(h->mip, MIP_MEIP);
}
END_TEST

/* ---- xRET ---- */

START_TEST(mret_to_s_restores_mie_sets_mpie_clears_mpp_and_mprv)
{
    h->mstatus |= (1ull << MSTATUS_MPP_SHIFT) | MSTATUS_MPIE | MSTATUS_MPRV;
    h->mepc = 0x80004000;
    ck_assert_int_eq(hart_mret(h), 0);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->pc, 0x80004000);
    ck_assert(bit(MSTATUS_MIE));
    ck_assert(bit(MSTATUS_MPIE));
    ck_assert_uint_eq(mpp(), PRV_U);
    ck_assert(!bit(MSTATUS_MPRV));
    ck_assert_ptr_eq(h->dtlb, &h->dtlbs[4]);
}
END_TEST

START_TEST(mret_to_u_with_mpie_clear_leaves_mie_clear)
{
    h->mstatus |= MSTATUS_MIE;
    h->mepc = 0x80004002;
    ck_assert_int_eq(hart_mret(h), 0);
    ck_assert_uint_eq(h->priv, PRV_U);
    ck_assert_uint_eq(h->pc, 0x80004002);
    ck_assert(!bit(MSTATUS_MIE));
    ck_assert(bit(MSTATUS_MPIE));
}
END_TEST

START_TEST(mret_to_m_keeps_mprv)
{
    h->mstatus |= (3ull << MSTATUS_MPP_SHIFT) | MSTATUS_MPRV;
    ck_assert_int_eq(hart_mret(h), 0);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert(bit(MSTATUS_MPRV));
    ck_assert_uint_eq(mpp(), PRV_U);
}
END_TEST

START_TEST(mret_below_m_is_illegal_and_changes_nothing)
{
    env_set_priv(e, PRV_S);
    h->pc = 0x80000010;
    uint64_t ms = h->mstatus;
    ck_assert_int_eq(hart_mret(h), CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->pc, 0x80000010);
    ck_assert_uint_eq(h->mstatus, ms);
    env_set_priv(e, PRV_U);
    ck_assert_int_eq(hart_mret(h), CAUSE_ILLEGAL_INSN);
}
END_TEST

START_TEST(mret_without_c_masks_mepc_to_4_bytes)
{
    hart_reset(h, 0, RAM_BASE, EXT_DEFAULT & ~EXT_C);
    h->mstatus |= 3ull << MSTATUS_MPP_SHIFT;
    h->mepc = 0x80004006;
    ck_assert_int_eq(hart_mret(h), 0);
    ck_assert_uint_eq(h->pc, 0x80004004);
}
END_TEST

START_TEST(sret_restores_sie_sets_spie_clears_spp_and_mprv)
{
    env_set_priv(e, PRV_S);
    h->mstatus |= MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_MPRV;
    h->sepc = 0x80005000;
    ck_assert_int_eq(hart_sret(h), 0);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->pc, 0x80005000);
    ck_assert(bit(MSTATUS_SIE));
    ck_assert(bit(MSTATUS_SPIE));
    ck_assert(!bit(MSTATUS_SPP));
    ck_assert(!bit(MSTATUS_MPRV));
    /* Second sret goes to U with SIE = SPIE = 1. */
    ck_assert_int_eq(hart_sret(h), 0);
    ck_assert_uint_eq(h->priv, PRV_U);
}
END_TEST

START_TEST(sret_from_m_is_allowed)
{
    h->mstatus |= MSTATUS_SPP | MSTATUS_TSR;   /* TSR only traps S-mode */
    h->sepc = 0x80005000;
    ck_assert_int_eq(hart_sret(h), 0);
    ck_assert_uint_eq(h->priv, PRV_S);
}
END_TEST

START_TEST(sret_from_u_is_illegal)
{
    env_set_priv(e, PRV_U);
    h->pc = 0x80000020;
    ck_assert_int_eq(hart_sret(h), CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->priv, PRV_U);
    ck_assert_uint_eq(h->pc, 0x80000020);
}
END_TEST

START_TEST(sret_in_s_with_tsr_is_illegal)
{
    h->mstatus |= MSTATUS_TSR;
    env_set_priv(e, PRV_S);
    h->pc = 0x80000030;
    ck_assert_int_eq(hart_sret(h), CAUSE_ILLEGAL_INSN);
    ck_assert_uint_eq(h->priv, PRV_S);
    ck_assert_uint_eq(h->pc, 0x80000030);
}
END_TEST

START_TEST(trap_then_mret_round_trips_privilege_and_interrupt_enable)
{
    env_set_priv(e, PRV_U);
    h->mstatus |= MSTATUS_MIE;
    h->pc = 0x80000500;
    h->mtvec = 0x80002000;
    hart_trap(h, CAUSE_ECALL_U, 0);
    h->mepc += 4;
    ck_assert_int_eq(hart_mret(h), 0);
    ck_assert_uint_eq(h->priv, PRV_U);
    ck_assert_uint_eq(h->pc, 0x80000504);
    ck_assert(bit(MSTATUS_MIE));
}
END_TEST

static Suite *hart_suite(void)
{
    Suite *s = suite_create("hart");
    TCase *t = tcase_create("hart");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, reset_enters_m_mode_at_reset_pc_with_clean_state);
    tcase_add_test(t, misa_lists_enabled_extensions_with_mxl_64);
    tcase_add_test(t, undelegated_exception_from_u_enters_m_with_all_fields);
    tcase_add_test(t, exception_from_s_with_mie_clear_saves_mpp_s_and_mpie_0);
    tcase_add_test(t, exception_from_m_stays_in_m_even_if_delegated);
    tcase_add_test(t, exception_with_vectored_tvec_goes_to_base);
    tcase_add_test(t, delegated_exception_from_u_enters_s_with_all_fields);
    tcase_add_test(t, delegated_exception_from_s_sets_spp);
    tcase_add_test(t, ecall_from_m_is_never_delegated);
    tcase_add_test(t, interrupt_with_vectored_mtvec_goes_to_base_plus_4_cause);
    tcase_add_test(t, interrupt_with_direct_mtvec_goes_to_base);
    tcase_add_test(t, delegated_interrupt_with_vectored_stvec_goes_to_base_plus_4_cause);
    tcase_add_test(t, delegated_interrupt_taken_in_m_goes_to_m);
    tcase_add_test(t, trap_ends_wfi);
    tcase_add_test(t, interrupt_priority_is_mei_msi_mti_sei_ssi_sti);
    tcase_add_test(t, interrupts_for_m_come_before_delegated_ones);
    tcase_add_test(t, interrupt_needs_both_mip_and_mie);
    tcase_add_test(t, m_interrupts_in_m_are_enabled_by_mstatus_mie);
    tcase_add_test(t, m_interrupts_below_m_are_always_enabled);
    tcase_add_test(t, s_interrupts_are_never_taken_in_m);
    tcase_add_test(t, s_interrupts_in_s_are_enabled_by_sie);
    tcase_add_test(t, s_interrupts_in_u_are_always_enabled);
    tcase_add_test(t, set_mip_sets_and_clears_bits);
    tcase_add_test(t, mret_to_s_restores_mie_sets_mpie_clears_mpp_and_mprv);
    tcase_add_test(t, mret_to_u_with_mpie_clear_leaves_mie_clear);
    tcase_add_test(t, mret_to_m_keeps_mprv);
    tcase_add_test(t, mret_below_m_is_illegal_and_changes_nothing);
    tcase_add_test(t, mret_without_c_masks_mepc_to_4_bytes);
    tcase_add_test(t, sret_restores_sie_sets_spie_clears_spp_and_mprv);
    tcase_add_test(t, sret_from_m_is_allowed);
    tcase_add_test(t, sret_from_u_is_illegal);
    tcase_add_test(t, sret_in_s_with_tsr_is_illegal);
    tcase_add_test(t, trap_then_mret_round_trips_privilege_and_interrupt_enable);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(hart_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
