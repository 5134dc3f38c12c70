/* Unit tests for src/debug/repl_parse.c: the REPL's words and `if` conditions, set's float values
 * (double bits, NaN-boxed singles, integers left as raw bits) and access sizes. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "debug/repl_parse.h"

START_TEST(split_gives_words_separated_by_blanks)
{
    char line[] = "  x\t0x80000000   64 phys \r\n";
    char *argv[5], *cond;
    ck_assert_int_eq(repl_split(line, argv, 4, &cond), 4);
    ck_assert_str_eq(argv[0], "x");
    ck_assert_str_eq(argv[1], "0x80000000");
    ck_assert_str_eq(argv[2], "64");
    ck_assert_str_eq(argv[3], "phys");
    ck_assert_ptr_null(argv[4]);
    ck_assert_ptr_null(cond);
}
END_TEST

START_TEST(split_keeps_the_condition_after_if_whole)
{
    char line[] = "b tick if a0 == 5 &&  *(u32*)sp>2  ";
    char *argv[5], *cond;
    ck_assert_int_eq(repl_split(line, argv, 4, &cond), 2);
    ck_assert_str_eq(argv[0], "b");
    ck_assert_str_eq(argv[1], "tick");
    ck_assert_str_eq(cond, "a0 == 5 &&  *(u32*)sp>2");
    char bare[] = "watch 0x10 if";
    ck_assert_int_eq(repl_split(bare, argv, 4, &cond), 2);
    ck_assert_str_eq(cond, "");
    char iffy[] = "b iffy";   /* a symbol that starts with "if" is a word */
    ck_assert_int_eq(repl_split(iffy, argv, 4, &cond), 2);
    ck_assert_str_eq(argv[1], "iffy");
    ck_assert_ptr_null(cond);
}
END_TEST

START_TEST(split_stops_at_a_comment_and_counts_too_many_words)
{
    char line[] = "regs # show them";
    char *argv[5], *cond;
    ck_assert_int_eq(repl_split(line, argv, 4, &cond), 1);
    char comment[] = "# nothing";
    ck_assert_int_eq(repl_split(comment, argv, 4, &cond), 0);
    char empty[] = "   ";
    ck_assert_int_eq(repl_split(empty, argv, 4, &cond), 0);
    char many[] = "a b c d e";
    ck_assert_int_eq(repl_split(many, argv, 4, &cond), -1);
    char exactly[] = "a b c d";
    ck_assert_int_eq(repl_split(exactly, argv, 4, &cond), 4);
}
END_TEST

START_TEST(float_values_are_double_bits_or_nan_boxed_singles)
{
    uint64_t b;
    ck_assert_int_eq(repl_parse_float("1.5", &b), 0);
    ck_assert_uint_eq(b, 0x3ff8000000000000ull);
    ck_assert_int_eq(repl_parse_float("-2e3", &b), 0);
    ck_assert_uint_eq(b, 0xc09f400000000000ull);
    ck_assert_int_eq(repl_parse_float("1.5f", &b), 0);
    ck_assert_uint_eq(b, 0xffffffff3fc00000ull);
    ck_assert_int_eq(repl_parse_float("inf", &b), 0);
    ck_assert_uint_eq(b, 0x7ff0000000000000ull);
    ck_assert_int_eq(repl_parse_float("-inf", &b), 0);
    ck_assert_uint_eq(b, 0xfff0000000000000ull);
    ck_assert_int_eq(repl_parse_float("0x1p-1", &b), 0);   /* a hex float is a float */
    ck_assert_uint_eq(b, 0x3fe0000000000000ull);
}
END_TEST

START_TEST(integers_and_garbage_are_not_floats)
{
    uint64_t b = 7;
    ck_assert_int_eq(repl_parse_float("0x3ff8000000000000", &b), -1);
    ck_assert_int_eq(repl_parse_float("42", &b), -1);
    ck_assert_int_eq(repl_parse_float("-3", &b), -1);
    ck_assert_int_eq(repl_parse_float("0x1f", &b), -1);
    ck_assert_int_eq(repl_parse_float("1.5x", &b), -1);
    ck_assert_int_eq(repl_parse_float("", &b), -1);
    ck_assert_int_eq(repl_parse_float("1e999", &b), -1);   /* overflows a double */
    ck_assert_uint_eq(b, 7);
}
END_TEST

START_TEST(sizes_by_number_or_letter)
{
    unsigned s = 0;
    ck_assert_int_eq(repl_parse_size("1", &s), 0);
    ck_assert_uint_eq(s, 1);
    ck_assert_int_eq(repl_parse_size("h", &s), 0);
    ck_assert_uint_eq(s, 2);
    ck_assert_int_eq(repl_parse_size("w", &s), 0);
    ck_assert_uint_eq(s, 4);
    ck_assert_int_eq(repl_parse_size("8", &s), 0);
    ck_assert_uint_eq(s, 8);
    ck_assert_int_eq(repl_parse_size("3", &s), -1);
    ck_assert_int_eq(repl_parse_size("16", &s), -1);
    ck_assert_int_eq(repl_parse_size("", &s), -1);
}
END_TEST

static Suite *repl_parse_suite(void)
{
    Suite *s = suite_create("repl_parse");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, split_gives_words_separated_by_blanks);
    tcase_add_test(tc, split_keeps_the_condition_after_if_whole);
    tcase_add_test(tc, split_stops_at_a_comment_and_counts_too_many_words);
    tcase_add_test(tc, float_values_are_double_bits_or_nan_boxed_singles);
    tcase_add_test(tc, integers_and_garbage_are_not_floats);
    tcase_add_test(tc, sizes_by_number_or_letter);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(repl_parse_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
