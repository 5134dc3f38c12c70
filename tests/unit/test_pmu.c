/* Unit tests for src/cpu/pmu.c: HPM counting of vhart's events, mcountinhibit, Sscofpmf mode
 * filtering, OF and LCOFI, scountovf visibility, the overflow deadline (privileged spec "Hardware
 * Performance Monitor"; Sscofpmf 1.0). */
#include <check.h>
#include <stdint.h>

#include "../../src/cpu/pmu.h"
#include "unit_helpers.h"

static struct env *e;
static struct hart *h;

static void setup(void)
{
    e = env_new_ext(EXT_DEFAULT | EXT_SSCOFPMF);
    h = e->h;
}
static void teardown(void) { env_free(e); }

static uint64_t rd(unsigned csr)
{
    uint64_t v = 0xdeadbeef;
    ck_assert_msg(csr_read(h, csr, &v) == 0, "read of 0x%03x failed at priv %u", csr, h->priv);
    return v;
}
static void wr(unsigned csr, uint64_t v)
{
    ck_assert_msg(csr_write(h, csr, v) == 0, "write of 0x%03x failed at priv %u", csr, h->priv);
}

START_TEST(instret_event_counts_retired_instructions_less_the_writing_one)
{
    wr(CSR_MHPMEVENT3, PMU_EV_INSTRET);
    ck_assert_uint_eq(h->pmu_insn, 1u << 3);
    wr(CSR_MHPMCOUNTER3, 100);
    pmu_retire(h, 10);   /* the csrw that wrote it is one of the ten */
    ck_assert_uint_eq(rd(CSR_MHPMCOUNTER3), 109);
    pmu_retire(h, 10);
    ck_assert_uint_eq(rd(CSR_MHPMCOUNTER3), 119);
}
END_TEST

START_TEST(mcountinhibit_bit_stops_its_counter)
{
    wr((CSR_MHPMEVENT3 + 1), PMU_EV_CYCLES);
    wr(CSR_MCOUNTINHIBIT, 1u << 4);
    ck_assert_uint_eq(h->pmu_insn, 0);
    wr(CSR_MCOUNTINHIBIT, 0);
    ck_assert_uint_eq(h->pmu_insn, 1u << 4);
}
END_TEST

START_TEST(mode_inhibit_bits_filter_by_privilege)
{
    wr(CSR_MHPMEVENT3, PMU_EV_INSTRET | HPMEVENT_MINH | HPMEVENT_UINH);
    wr(CSR_MHPMCOUNTER3, 0);
    h->hpm_skip = 0;
    pmu_retire(h, 5);                /* M: inhibited */
    h->priv = PRV_S;
    pmu_retire(h, 7);
    h->priv = PRV_U;
    pmu_retire(h, 11);               /* U: inhibited */
    h->priv = PRV_M;
    ck_assert_uint_eq(rd(CSR_MHPMCOUNTER3), 7);
}
END_TEST

START_TEST(wrap_with_of_clear_sets_of_and_lcofip_once)
{
    wr(CSR_MHPMEVENT3, PMU_EV_INSTRET);
    wr(CSR_MHPMCOUNTER3, ~0ull - 2);   /* three increments to the wrap */
    h->hpm_skip = 0;
    ck_assert_uint_eq(pmu_insns_to_overflow(h), 3);
    pmu_retire(h, 2);
    ck_assert_uint_eq(h->mip & MIP_LCOFIP, 0);
    pmu_retire(h, 2);
    ck_assert_uint_eq(rd(CSR_MHPMCOUNTER3), 1);
    ck_assert_uint_eq(rd(CSR_MHPMEVENT3), HPMEVENT_OF | PMU_EV_INSTRET);
    ck_assert_uint_eq(h->mip & MIP_LCOFIP, MIP_LCOFIP);
    ck_assert_uint_eq(rd(CSR_SCOUNTOVF), 1u << 3);
    ck_assert_uint_eq(pmu_insns_to_overflow(h), 0);   /* OF set: no deadline */
    h->mip &= ~MIP_LCOFIP;
    wr(CSR_MHPMCOUNTER3, ~0ull);
    pmu_retire(h, 3);
    ck_assert_uint_eq(h->mip & MIP_LCOFIP, 0);        /* OF was set: no second interrupt */
}
END_TEST

START_TEST(trap_events_count_exceptions_and_interrupts_apart)
{
    wr((CSR_MHPMEVENT3 + 2), PMU_EV_EXCEPTION);
    wr((CSR_MHPMEVENT3 + 3), PMU_EV_INTERRUPT);
    ck_assert_uint_eq(h->pmu_trap, (1u << 5) | (1u << 6));
    pmu_trap(h, false);
    pmu_trap(h, false);
    pmu_trap(h, true);
    ck_assert_uint_eq(rd((CSR_MHPMCOUNTER3 + 2)), 2);
    ck_assert_uint_eq(rd((CSR_MHPMCOUNTER3 + 3)), 1);
}
END_TEST

START_TEST(scountovf_below_m_shows_only_enabled_counters)
{
    h->mhpmevent[3] = HPMEVENT_OF;
    h->mhpmevent[9] = HPMEVENT_OF;
    wr(CSR_MCOUNTEREN, 1u << 9);
    h->priv = PRV_S;
    ck_assert_uint_eq(rd(CSR_SCOUNTOVF), 1u << 9);
    h->priv = PRV_U;
    uint64_t v;
    ck_assert_int_eq(csr_read(h, CSR_SCOUNTOVF, &v), CAUSE_ILLEGAL_INSN);
}
END_TEST

START_TEST(without_sscofpmf_no_filter_bits_no_scountovf_no_lcofi)
{
    env_free(e);
    e = env_new();
    h = e->h;
    wr(CSR_MHPMEVENT3, HPMEVENT_OF | HPMEVENT_SINH | PMU_EV_INSTRET);
    ck_assert_uint_eq(rd(CSR_MHPMEVENT3), PMU_EV_INSTRET);
    uint64_t v;
    ck_assert_int_eq(csr_read(h, CSR_SCOUNTOVF, &v), CAUSE_ILLEGAL_INSN);
    wr(CSR_MIE, MIP_LCOFIP);
    ck_assert_uint_eq(rd(CSR_MIE) & MIP_LCOFIP, 0);
    wr(CSR_MHPMCOUNTER3, ~0ull);
    h->hpm_skip = 0;
    pmu_retire(h, 1);   /* wraps silently */
    ck_assert_uint_eq(rd(CSR_MHPMCOUNTER3), 0);
    ck_assert_uint_eq(h->mip & MIP_LCOFIP, 0);
}
END_TEST

START_TEST(lcofi_is_delegable_and_lowest_priority)
{
    wr(CSR_MIDELEG, MIP_LCOFIP);
    ck_assert_uint_eq(rd(CSR_MIDELEG), MIP_LCOFIP);
    wr(CSR_MIE, MIP_LCOFIP | MIP_STIP);
    h->mip |= MIP_LCOFIP | MIP_STIP;
    wr(CSR_MIDELEG, MIP_LCOFIP | MIP_STIP);
    h->priv = PRV_U;
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_S_TIMER);
    h->mip &= ~MIP_STIP;
    ck_assert_uint_eq(hart_pending_interrupt(h), CAUSE_INTERRUPT | IRQ_LCOF);
    h->priv = PRV_S;   /* S clears it through sip */
    wr(CSR_SIP, 0);
    ck_assert_uint_eq(h->mip & MIP_LCOFIP, 0);
}
END_TEST

static Suite *pmu_suite(void)
{
    Suite *s = suite_create("pmu");
    TCase *t = tcase_create("pmu");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, instret_event_counts_retired_instructions_less_the_writing_one);
    tcase_add_test(t, mcountinhibit_bit_stops_its_counter);
    tcase_add_test(t, mode_inhibit_bits_filter_by_privilege);
    tcase_add_test(t, wrap_with_of_clear_sets_of_and_lcofip_once);
    tcase_add_test(t, trap_events_count_exceptions_and_interrupts_apart);
    tcase_add_test(t, scountovf_below_m_shows_only_enabled_counters);
    tcase_add_test(t, without_sscofpmf_no_filter_bits_no_scountovf_no_lcofi);
    tcase_add_test(t, lcofi_is_delegable_and_lowest_priority);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(pmu_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
