/* Unit tests for src/debug/expr.c, the debugger's condition expressions: literals, names through
 * the environment, memory reads of each size, precedence, short-circuit, and errors as one line. */
#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "debug/expr.h"

/* A fake hart: a0 = 5, a1 = 0xff00, sp = 0x1000, pc = 0x80000000; symbol ticks = 0x2000;
 * memory 0x1000..0x100f and 0x2000..0x2007 readable, bytes = low byte of the address + 1. */
static int reads;   /* memory reads made */

static int fake_reg(void *ctx, const char *name, uint64_t *v)
{
    (void)ctx;
    if (!strcmp(name, "a0") || !strcmp(name, "x10")) *v = 5;
    else if (!strcmp(name, "a1")) *v = 0xff00;
    else if (!strcmp(name, "sp")) *v = 0x1000;
    else if (!strcmp(name, "pc")) *v = 0x80000000;
    else return -1;
    return 0;
}

static int fake_sym(void *ctx, const char *name, uint64_t *v)
{
    (void)ctx;
    if (strcmp(name, "ticks")) return -1;
    *v = 0x2000;
    return 0;
}

static int fake_mem(void *ctx, uint64_t addr, unsigned size, uint64_t *v)
{
    (void)ctx;
    reads++;
    bool ok = (addr >= 0x1000 && addr + size <= 0x1010) || (addr >= 0x2000 && addr + size <= 0x2008);
    if (!ok) return -1;
    *v = 0;
    for (unsigned i = 0; i < size; i++) *v |= (uint64_t)(((addr + i) & 0xff) + 1) << (8 * i);
    return 0;
}

static const struct expr_env env = { NULL, fake_reg, fake_sym, fake_mem };

static uint64_t ev(const char *s)
{
    uint64_t v = 0xdeadbeef;
    char err[200] = "";
    ck_assert_msg(expr_eval(s, &env, &v, err, sizeof(err)) == 0, "\"%s\" failed: %s", s, err);
    return v;
}

static const char *ev_err(const char *s)
{
    static char err[200];
    uint64_t v;
    err[0] = 0;
    ck_assert_msg(expr_eval(s, &env, &v, err, sizeof(err)) == -1, "\"%s\" should fail", s);
    return err;
}

START_TEST(literals_in_hex_decimal_and_binary)
{
    ck_assert_uint_eq(ev("0x1f"), 31);
    ck_assert_uint_eq(ev("31"), 31);
    ck_assert_uint_eq(ev("0b11111"), 31);
    ck_assert_uint_eq(ev("0xffffffffffffffff"), UINT64_MAX);
    ck_assert_str_eq(ev_err("0x1ffffffffffffffff"), "bad number \"0x1ffffffffffffffff\"");
    ck_assert_str_eq(ev_err("12ab"), "bad number \"12ab\"");
}
END_TEST

START_TEST(registers_with_or_without_dollar_and_symbols)
{
    ck_assert_uint_eq(ev("a0"), 5);
    ck_assert_uint_eq(ev("$a0"), 5);
    ck_assert_uint_eq(ev("x10"), 5);
    ck_assert_uint_eq(ev("ticks"), 0x2000);
    ck_assert_str_eq(ev_err("$ticks"), "no register $ticks");
    ck_assert_str_eq(ev_err("nosuch == 1"), "no register or symbol \"nosuch\"");
}
END_TEST

START_TEST(comparisons_are_unsigned_and_give_0_or_1)
{
    ck_assert_uint_eq(ev("a0 == 5"), 1);
    ck_assert_uint_eq(ev("a0 != 5"), 0);
    ck_assert_uint_eq(ev("a0 < 6"), 1);
    ck_assert_uint_eq(ev("a0 <= 5"), 1);
    ck_assert_uint_eq(ev("a0 > 5"), 0);
    ck_assert_uint_eq(ev("a0 >= 6"), 0);
    ck_assert_uint_eq(ev("-1 > a0"), 1);   /* -1 is 2^64-1 */
}
END_TEST

START_TEST(precedence_puts_bit_operators_above_comparisons)
{
    ck_assert_uint_eq(ev("a1 & 0xf00 == 0xf00"), 1);   /* (a1 & 0xf00) == 0xf00, unlike C */
    ck_assert_uint_eq(ev("1 | 2 == 3"), 1);
    ck_assert_uint_eq(ev("2 + 3 & 1"), 1);             /* (2 + 3) & 1 */
    ck_assert_uint_eq(ev("1 || 0 && 0"), 1);           /* && binds tighter than || */
    ck_assert_uint_eq(ev("(1 || 0) && 0"), 0);
    ck_assert_uint_eq(ev("10 - 3 - 2"), 5);            /* left to right */
    ck_assert_uint_eq(ev("-a0 + 6"), 1);
    ck_assert_uint_eq(ev("!a0"), 0);
    ck_assert_uint_eq(ev("!!a0"), 1);
    ck_assert_uint_eq(ev("~0"), UINT64_MAX);
}
END_TEST

START_TEST(memory_reads_of_each_size_are_little_endian)
{
    ck_assert_uint_eq(ev("*(u8*)sp"), 0x01);
    ck_assert_uint_eq(ev("*(u16*)sp"), 0x0201);
    ck_assert_uint_eq(ev("*(u32 *)(sp + 4)"), 0x08070605);
    ck_assert_uint_eq(ev("*(uint64_t*)sp"), 0x0807060504030201ull);
    ck_assert_uint_eq(ev("mem[ticks]"), 0x0807060504030201ull);
    ck_assert_uint_eq(ev("*ticks"), 0x0807060504030201ull);   /* no cast: 8 bytes */
    ck_assert_uint_eq(ev("*(u8*)ticks == 1 && mem[sp + 8] > 0"), 1);
    ck_assert_str_eq(ev_err("*(u32*)0x3000"), "cannot read 4 bytes at 0x3000");
    ck_assert_str_eq(ev_err("mem[0x100e]"), "cannot read 8 bytes at 0x100e");
}
END_TEST

START_TEST(and_or_skip_the_side_they_do_not_need)
{
    reads = 0;
    ck_assert_uint_eq(ev("0 && *(u32*)0x3000"), 0);    /* unreadable, but never read */
    ck_assert_uint_eq(ev("1 || mem[0x3000]"), 1);
    ck_assert_uint_eq(ev("0 && nosuch"), 0);           /* nor looked up */
    ck_assert_int_eq(reads, 0);
    ck_assert_str_eq(ev_err("1 && mem[0x3000]"), "cannot read 8 bytes at 0x3000");
}
END_TEST

START_TEST(syntax_errors_are_one_line)
{
    ck_assert_str_eq(ev_err("a0 =="), "the expression ends too early");
    ck_assert_str_eq(ev_err("(a0"), "expected \")\" at \"(end)\"");
    ck_assert_str_eq(ev_err("a0 = 5"), "unexpected \"= 5\"");
    ck_assert_str_eq(ev_err("mem[sp"), "expected \"]\" at \"(end)\"");
    ck_assert_str_eq(ev_err("a0 @ 1"), "unexpected \"@ 1\"");
    ck_assert_str_eq(ev_err(""), "the expression ends too early");
    ck_assert_str_eq(ev_err("$"), "expected a register name after $");
}
END_TEST

START_TEST(check_parses_without_looking_anything_up)
{
    char err[100];
    ck_assert_int_eq(expr_check("nosuch == *(u32*)0x3000 && mem[1]", err, sizeof(err)), 0);
    ck_assert_int_eq(expr_check("a0 == (1", err, sizeof(err)), -1);
    ck_assert_str_eq(err, "expected \")\" at \"(end)\"");
}
END_TEST

START_TEST(deep_nesting_and_long_input_are_refused_not_crashes)
{
    char deep[400];
    memset(deep, '(', 300);
    strcpy(deep + 300, "1");
    ck_assert_str_eq(ev_err(deep), "expression nested too deeply");
    char *longer = malloc(EXPR_MAX_LEN + 10);
    ck_assert_ptr_nonnull(longer);
    memset(longer, '1', EXPR_MAX_LEN + 5);
    longer[EXPR_MAX_LEN + 5] = 0;
    ck_assert_str_eq(ev_err(longer), "expression missing or longer than 1024 characters");
    free(longer);
    /* A truncated error buffer stays a terminated string. */
    char small[8];
    uint64_t v;
    ck_assert_int_eq(expr_eval("nosuch", &env, &v, small, sizeof(small)), -1);
    ck_assert_str_eq(small, "no regi");
}
END_TEST

static Suite *expr_suite(void)
{
    Suite *s = suite_create("expr");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, literals_in_hex_decimal_and_binary);
    tcase_add_test(tc, registers_with_or_without_dollar_and_symbols);
    tcase_add_test(tc, comparisons_are_unsigned_and_give_0_or_1);
    tcase_add_test(tc, precedence_puts_bit_operators_above_comparisons);
    tcase_add_test(tc, memory_reads_of_each_size_are_little_endian);
    tcase_add_test(tc, and_or_skip_the_side_they_do_not_need);
    tcase_add_test(tc, syntax_errors_are_one_line);
    tcase_add_test(tc, check_parses_without_looking_anything_up);
    tcase_add_test(tc, deep_nesting_and_long_input_are_refused_not_crashes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(expr_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
