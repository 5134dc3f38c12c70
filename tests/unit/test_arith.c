/* Unit tests of src/cpu/arith.h: high multiplies, RISC-V division corner cases and the Zbb bit
 * helpers, with exact values. Built twice: natively and with __int128 hidden (the portable path). */
#include <check.h>
#include <stdlib.h>

#include "cpu/arith.h"

START_TEST(mulhu_of_all_ones_squared_is_all_ones_minus_one)
{
    ck_assert_uint_eq(mulhu64(~0ull, ~0ull), 0xfffffffffffffffeull);
    ck_assert_uint_eq(mulhu64(0x100000000ull, 0x100000000ull), 1);
    ck_assert_uint_eq(mulhu64(0x123456789abcdefull, 0xfedcba9876543210ull), 0x121fa00ad77d742ull);
    ck_assert_uint_eq(mulhu64(0xffffffffull, 0xffffffffull), 0);
}
END_TEST

START_TEST(mulh_signs_follow_the_operands)
{
    ck_assert_uint_eq(mulh64(~0ull, ~0ull), 0);                          /* -1 * -1 = 1 */
    ck_assert_uint_eq(mulh64(1ull << 63, 1ull << 63), 1ull << 62);       /* (-2^63)^2 = 2^126 */
    ck_assert_uint_eq(mulh64(1ull << 63, 1), ~0ull);                     /* -2^63 */
    ck_assert_uint_eq(mulhsu64(~0ull, ~0ull), ~0ull);                    /* -1 * (2^64-1) */
    ck_assert_uint_eq(mulhsu64(2, ~0ull), 1);
}
END_TEST

START_TEST(division_by_zero_and_overflow_follow_riscv)
{
    ck_assert_uint_eq(div64(5, 0), ~0ull);
    ck_assert_uint_eq(rem64(5, 0), 5);
    ck_assert_uint_eq(div64(1ull << 63, ~0ull), 1ull << 63);
    ck_assert_uint_eq(rem64(1ull << 63, ~0ull), 0);
    ck_assert_uint_eq(div64((uint64_t)-7, 2), (uint64_t)-3);
    ck_assert_uint_eq(rem64((uint64_t)-7, 2), (uint64_t)-1);
    ck_assert_uint_eq(div32(0x80000000ull, 0xffffffffull), 0xffffffff80000000ull);
    ck_assert_uint_eq(divu32(7, 0), ~0ull);
    ck_assert_uint_eq(remu32(0x1ffffffffull, 0), ~0ull);
}
END_TEST

START_TEST(bit_helpers_give_exact_counts)
{
    ck_assert_uint_eq(popcount64(~0ull), 64);
    ck_assert_uint_eq(clz64(0), 64);
    ck_assert_uint_eq(clz64(1), 63);
    ck_assert_uint_eq(ctz64(0), 64);
    ck_assert_uint_eq(ctz64(1ull << 63), 63);
    ck_assert_uint_eq(ror64(1, 1), 1ull << 63);
    ck_assert_uint_eq(rol32(0x80000000ull, 1), 1);
    ck_assert_uint_eq(ror32(1, 1), 0xffffffff80000000ull);
    ck_assert_uint_eq(orc_b64(0x0100000000ff0000ull), 0xff00000000ff0000ull);
    ck_assert_uint_eq(rev8_64(0x0102030405060708ull), 0x0807060504030201ull);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("arith");
    TCase *tc = tcase_create("arith");
    tcase_add_test(tc, mulhu_of_all_ones_squared_is_all_ones_minus_one);
    tcase_add_test(tc, mulh_signs_follow_the_operands);
    tcase_add_test(tc, division_by_zero_and_overflow_follow_riscv);
    tcase_add_test(tc, bit_helpers_give_exact_counts);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
