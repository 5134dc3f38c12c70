/* Unit tests for src/machine/log.c's --log item parser: items, lists, all, help, exact errors.
 * The lines themselves are pinned by tests/system/log_test.sh on a guest with known traps. */
#include <check.h>
#include <stdlib.h>

#include <vhart/log.h>

static char err[256];

START_TEST(items_and_lists_set_their_bits)
{
    unsigned mask = 99;
    ck_assert_int_eq(vhart_log_parse("int", &mask, err, sizeof(err)), 0);
    ck_assert_uint_eq(mask, VHART_LOG_INT);
    ck_assert_int_eq(vhart_log_parse("exc,mmu", &mask, err, sizeof(err)), 0);
    ck_assert_uint_eq(mask, VHART_LOG_EXC | VHART_LOG_MMU);
    ck_assert_int_eq(vhart_log_parse("guest-errors,int,int", &mask, err, sizeof(err)), 0);
    ck_assert_uint_eq(mask, VHART_LOG_GUEST_ERRORS | VHART_LOG_INT);
    ck_assert_int_eq(vhart_log_parse("all", &mask, err, sizeof(err)), 0);
    ck_assert_uint_eq(mask, VHART_LOG_INT | VHART_LOG_EXC | VHART_LOG_MMU | VHART_LOG_GUEST_ERRORS);
}
END_TEST

START_TEST(help_is_reported_wherever_it_is)
{
    unsigned mask;
    ck_assert_int_eq(vhart_log_parse("help", &mask, err, sizeof(err)), 1);
    ck_assert_int_eq(vhart_log_parse("int,help", &mask, err, sizeof(err)), 1);
}
END_TEST

START_TEST(unknown_and_empty_items_are_refused)
{
    unsigned mask;
    ck_assert_int_eq(vhart_log_parse("in", &mask, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "unknown item 'in' (try --log help)");
    ck_assert_int_eq(vhart_log_parse("int,,exc", &mask, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "unknown item '' (try --log help)");
    ck_assert_int_eq(vhart_log_parse("", &mask, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "unknown item '' (try --log help)");
    ck_assert_int_eq(vhart_log_parse("exc,guest_errors", &mask, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "unknown item 'guest_errors' (try --log help)");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("log");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, items_and_lists_set_their_bits);
    tcase_add_test(tc, help_is_reported_wherever_it_is);
    tcase_add_test(tc, unknown_and_empty_items_are_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
