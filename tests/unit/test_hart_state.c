/* Unit tests for src/cpu/hart_state.c: a hart's architectural state saved, loaded into another hart,
 * compared, and refused when a snapshot holds values no execution reaches. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "cpu/csr.h"
#include "cpu/hart_state.h"
#include "cpu/trigger.h"
#include "unit_helpers.h"

static struct env *a, *b;

static void setup(void)
{
    a = env_new();
    b = env_new();
}
static void teardown(void)
{
    env_free(a);
    env_free(b);
}

/* A state far from reset: registers, CSRs, PMP, a reservation, an armed trigger. */
static void busy_state(struct hart *h)
{
    ck_assert_int_eq(csr_write(h, CSR_PMPADDR0, 0x20001fff), 0);
    ck_assert_int_eq(csr_write(h, CSR_PMPCFG0, 0x1b), 0);
    trigger_csr_write(h, CSR_TSELECT, 1);
    trigger_csr_write(h, CSR_TDATA2, 0x80003000);
    trigger_csr_write(h, CSR_TDATA1, (6ull << 60) | (1u << 3) | (1u << 0));   /* mcontrol6 load in S */
    for (unsigned i = 1; i < 32; i++) h->x[i] = 0x1111111111111111ull * (i & 0xf) + i;
    for (unsigned i = 0; i < 32; i++) h->f[i] = ~0ull - i;
    h->pc = 0x80001234;
    h->priv = PRV_S;
    h->mstatus |= MSTATUS_SUM | MSTATUS_MXR | (1ull << MSTATUS_FS_SHIFT);
    h->satp = (8ull << 60) | 0x80042;
    h->stimecmp = 123456;
    h->mip = MIP_STIP;
    h->seip_sw = true;
    h->frm = 3;
    h->fflags = 0x11;
    h->minstret = 99;
    h->resv_valid = true;
    h->resv_addr = 0x80002000;
    h->resv_value = 42;
    h->wfi = true;
    hart_update_mmu_mode(h);
}

static void save_into(struct state_writer *w, const struct hart *h)
{
    state_writer_init(w);
    hart_save(h, w);
    ck_assert(!w->failed);
}

START_TEST(a_saved_hart_loads_into_another_with_equal_state)
{
    busy_state(a->h);
    struct state_writer w;
    save_into(&w, a->h);
    char why[128];
    ck_assert(!hart_arch_same(&a->h->arch, &b->h->arch, why, sizeof(why)));
    struct state_reader r;
    state_reader_init(&r, w.data, w.len);
    ck_assert_int_eq(hart_load(b->h, &r, EXT_DEFAULT), 0);
    ck_assert_uint_eq(r.pos, r.len);
    ck_assert_msg(hart_arch_same(&a->h->arch, &b->h->arch, why, sizeof(why)), "%s", why);
    /* Derived state rebuilt: PMP rules, the data TLB set for S with SUM and MXR, armed triggers. */
    ck_assert(b->h->pmp_active);
    ck_assert_uint_eq(b->h->pmp_nrules, 1);
    ck_assert_ptr_eq(b->h->dtlb, &b->h->dtlbs[1 * 4 + 2 + 1]);
    ck_assert_uint_eq(b->h->trig.armed, TRIGGER_ARMED_DATA);
    ck_assert(b->h->need_exit);
    state_writer_free(&w);
}
END_TEST

START_TEST(the_first_difference_is_named_with_both_values)
{
    char why[128];
    ck_assert(hart_arch_same(&a->h->arch, &b->h->arch, why, sizeof(why)));
    ck_assert_str_eq(why, "");
    b->h->x[10] = 6;
    a->h->x[10] = 5;
    b->h->satp = 1;
    ck_assert(!hart_arch_same(&a->h->arch, &b->h->arch, why, sizeof(why)));
    ck_assert_str_eq(why, "x[10]: 0x5 vs 0x6");
    b->h->x[10] = 5;
    ck_assert(!hart_arch_same(&a->h->arch, &b->h->arch, why, sizeof(why)));
    ck_assert_str_eq(why, "satp: 0x0 vs 0x1");
    b->h->satp = 0;
    b->h->trig.tdata2[2] = 7;
    ck_assert(!hart_arch_same(&a->h->arch, &b->h->arch, why, sizeof(why)));
    ck_assert_str_eq(why, "tdata2[2]: 0x0 vs 0x7");
}
END_TEST

/* Save a, corrupt one field through `poke`, load into b: refused with `message`. */
static void expect_refused(void (*poke)(struct hart *), const char *message)
{
    poke(a->h);
    struct state_writer w;
    save_into(&w, a->h);
    struct state_reader r;
    state_reader_init(&r, w.data, w.len);
    ck_assert_int_eq(hart_load(b->h, &r, EXT_DEFAULT), -1);
    ck_assert_str_eq(r.error, message);
    state_writer_free(&w);
}
static void priv_2(struct hart *h) { h->priv = 2; }
static void mpp_2(struct hart *h) { h->mstatus = (h->mstatus & ~MSTATUS_MPP) | (2ull << MSTATUS_MPP_SHIFT); }
static void satp_mode_3(struct hart *h) { h->satp = 3ull << 60; }
static void frm_9(struct hart *h) { h->frm = 9; }
static void no_m(struct hart *h) { h->ext &= ~EXT_M; }
static void tselect_9(struct hart *h) { h->trig.tselect = 9; }
static void tdata1_dmode(struct hart *h) { h->trig.tdata1[0] |= 1ull << 59; }

START_TEST(impossible_states_are_refused_by_name)
{
    expect_refused(priv_2, "hart 0: impossible privilege");
    hart_reset(a->h, 0, 0x80000000, EXT_DEFAULT);
    expect_refused(mpp_2, "hart 0: impossible mstatus.MPP");
    hart_reset(a->h, 0, 0x80000000, EXT_DEFAULT);
    expect_refused(satp_mode_3, "hart 0: impossible satp mode");
    hart_reset(a->h, 0, 0x80000000, EXT_DEFAULT);
    expect_refused(frm_9, "hart 0: impossible fcsr");
    hart_reset(a->h, 0, 0x80000000, EXT_DEFAULT);
    expect_refused(no_m, "hart 0: impossible extensions");
    hart_reset(a->h, 0, 0x80000000, EXT_DEFAULT);
    expect_refused(tselect_9, "hart 0: impossible trigger state");
    hart_reset(a->h, 0, 0x80000000, EXT_DEFAULT);
    expect_refused(tdata1_dmode, "hart 0: impossible trigger state");
}
END_TEST

START_TEST(a_truncated_state_is_refused)
{
    struct state_writer w;
    save_into(&w, a->h);
    struct state_reader r;
    state_reader_init(&r, w.data, w.len - 1);
    ck_assert_int_eq(hart_load(b->h, &r, EXT_DEFAULT), -1);
    ck_assert(r.failed);
    ck_assert_ptr_nonnull(strstr(r.error, "truncated"));
    state_writer_free(&w);
}
END_TEST

static Suite *hart_state_suite(void)
{
    Suite *s = suite_create("hart_state");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_saved_hart_loads_into_another_with_equal_state);
    tcase_add_test(tc, the_first_difference_is_named_with_both_values);
    tcase_add_test(tc, impossible_states_are_refused_by_name);
    tcase_add_test(tc, a_truncated_state_is_refused);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(hart_state_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
