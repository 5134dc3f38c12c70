/* test_softfp.c: hand-picked edge cases for src/cpu/softfp.c, exact bits and fflags (IEEE 754-2008, RISC-V F/D). */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "cpu/softfp.h"

/* binary64 */
#define D_ONE      0x3ff0000000000000u
#define D_NEG_ONE  0xbff0000000000000u
#define D_TWO      0x4000000000000000u
#define D_THREE    0x4008000000000000u
#define D_HALF     0x3fe0000000000000u
#define D_ZERO     0x0000000000000000u
#define D_NEG_ZERO 0x8000000000000000u
#define D_MAX      0x7fefffffffffffffu
#define D_NEG_MAX  0xffefffffffffffffu
#define D_INF      0x7ff0000000000000u
#define D_NEG_INF  0xfff0000000000000u
#define D_CNAN     0x7ff8000000000000u
#define D_SNAN     0x7ff0000000000001u
#define D_MIN_SUB  0x0000000000000001u
#define D_MAX_SUB  0x000fffffffffffffu
#define D_MIN_NORM 0x0010000000000000u
/* binary32 */
#define S_ONE      0x3f800000u
#define S_NEG_ONE  0xbf800000u
#define S_TWO      0x40000000u
#define S_THREE    0x40400000u
#define S_MAX      0x7f7fffffu
#define S_NEG_MAX  0xff7fffffu
#define S_INF      0x7f800000u
#define S_NEG_INF  0xff800000u
#define S_CNAN     0x7fc00000u
#define S_SNAN     0x7f800001u

#define NX SOFTFP_NX
#define UF SOFTFP_UF
#define OF SOFTFP_OF
#define DZ SOFTFP_DZ
#define NV SOFTFP_NV
#define RNE SOFTFP_RNE
#define RTZ SOFTFP_RTZ
#define RDN SOFTFP_RDN
#define RUP SOFTFP_RUP
#define RMM SOFTFP_RMM

/* Evaluate CALL (which ORs into a fresh `fl`) and compare both the result and the flags. */
#define EXPECT(CALL, WANT, WANT_FLAGS)                                                                       \
    do {                                                                                                     \
        unsigned fl = 0;                                                                                     \
        uint64_t got_ = (uint64_t)(CALL);                                                                    \
        ck_assert_msg(got_ == (uint64_t)(WANT) && fl == (unsigned)(WANT_FLAGS),                              \
                      "%s: got %#llx flags %#x, want %#llx flags %#x", #CALL, (unsigned long long)got_, fl,  \
                      (unsigned long long)(uint64_t)(WANT), (unsigned)(WANT_FLAGS));                         \
    } while (0)

/* ---- addition and subtraction ---- */

START_TEST(f64_add_rne_halfway_rounds_to_even)
{
    /* 1 + 2^-53 is halfway between 1 and 1 + 2^-52: the even neighbour is 1 */
    EXPECT(f64_add(D_ONE, 0x3ca0000000000000u, RNE, &fl), D_ONE, NX);
    /* (1 + 2^-52) + 2^-53 is halfway between odd ...01 and even ...02 */
    EXPECT(f64_add(0x3ff0000000000001u, 0x3ca0000000000000u, RNE, &fl), 0x3ff0000000000002u, NX);
}
END_TEST

START_TEST(f64_add_rmm_halfway_rounds_away_from_zero)
{
    EXPECT(f64_add(D_ONE, 0x3ca0000000000000u, RMM, &fl), 0x3ff0000000000001u, NX);
    EXPECT(f64_add(D_NEG_ONE, 0xbca0000000000000u, RMM, &fl), 0xbff0000000000001u, NX);
}
END_TEST

START_TEST(f64_add_directed_modes_round_by_sign)
{
    /* 1 + 2^-60 */
    EXPECT(f64_add(D_ONE, 0x3c30000000000000u, RUP, &fl), 0x3ff0000000000001u, NX);
    EXPECT(f64_add(D_ONE, 0x3c30000000000000u, RDN, &fl), D_ONE, NX);
    EXPECT(f64_add(D_ONE, 0x3c30000000000000u, RTZ, &fl), D_ONE, NX);
    EXPECT(f64_add(D_ONE, 0x3c30000000000000u, RNE, &fl), D_ONE, NX);
    /* -1 - 2^-60 */
    EXPECT(f64_add(D_NEG_ONE, 0xbc30000000000000u, RDN, &fl), 0xbff0000000000001u, NX);
    EXPECT(f64_add(D_NEG_ONE, 0xbc30000000000000u, RUP, &fl), D_NEG_ONE, NX);
    EXPECT(f64_add(D_NEG_ONE, 0xbc30000000000000u, RTZ, &fl), D_NEG_ONE, NX);
}
END_TEST

START_TEST(f64_add_exact_cancellation_is_plus_zero_except_rdn)
{
    EXPECT(f64_add(D_ONE, D_NEG_ONE, RNE, &fl), D_ZERO, 0);
    EXPECT(f64_add(D_ONE, D_NEG_ONE, RUP, &fl), D_ZERO, 0);
    EXPECT(f64_add(D_ONE, D_NEG_ONE, RDN, &fl), D_NEG_ZERO, 0);
    EXPECT(f64_sub(D_THREE, D_THREE, RTZ, &fl), D_ZERO, 0);
    EXPECT(f64_sub(D_THREE, D_THREE, RDN, &fl), D_NEG_ZERO, 0);
}
END_TEST

START_TEST(f64_add_zeros_keep_a_common_sign)
{
    EXPECT(f64_add(D_NEG_ZERO, D_NEG_ZERO, RNE, &fl), D_NEG_ZERO, 0);
    EXPECT(f64_add(D_ZERO, D_NEG_ZERO, RNE, &fl), D_ZERO, 0);
    EXPECT(f64_add(D_ZERO, D_NEG_ZERO, RDN, &fl), D_NEG_ZERO, 0);
    EXPECT(f64_sub(D_NEG_ZERO, D_ZERO, RNE, &fl), D_NEG_ZERO, 0);
    /* x + 0 is x exactly, even for a subnormal x */
    EXPECT(f64_add(D_MAX_SUB, D_NEG_ZERO, RNE, &fl), D_MAX_SUB, 0);
}
END_TEST

START_TEST(f64_add_inf_minus_inf_is_invalid)
{
    EXPECT(f64_add(D_INF, D_NEG_INF, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_sub(D_INF, D_INF, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_add(D_INF, D_INF, RNE, &fl), D_INF, 0);
    EXPECT(f64_add(D_NEG_INF, D_MAX, RNE, &fl), D_NEG_INF, 0);
}
END_TEST

START_TEST(f64_add_snan_is_invalid_and_gives_canonical_nan)
{
    EXPECT(f64_add(D_SNAN, D_ONE, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_add(D_ONE, 0xfff4000000000000u, RNE, &fl), D_CNAN, NV);
}
END_TEST

START_TEST(f64_add_quiet_nan_payload_is_not_propagated)
{
    EXPECT(f64_add(0xfff8000000000123u, D_ONE, RNE, &fl), D_CNAN, 0);
    EXPECT(f64_sub(D_INF, 0x7ffc000000000000u, RNE, &fl), D_CNAN, 0);
}
END_TEST

START_TEST(f64_add_overflow_result_depends_on_rounding_mode)
{
    EXPECT(f64_add(D_MAX, D_MAX, RNE, &fl), D_INF, OF | NX);
    EXPECT(f64_add(D_MAX, D_MAX, RMM, &fl), D_INF, OF | NX);
    EXPECT(f64_add(D_MAX, D_MAX, RTZ, &fl), D_MAX, OF | NX);
    EXPECT(f64_add(D_MAX, D_MAX, RDN, &fl), D_MAX, OF | NX);
    EXPECT(f64_add(D_MAX, D_MAX, RUP, &fl), D_INF, OF | NX);
    EXPECT(f64_add(D_NEG_MAX, D_NEG_MAX, RDN, &fl), D_NEG_INF, OF | NX);
    EXPECT(f64_add(D_NEG_MAX, D_NEG_MAX, RUP, &fl), D_NEG_MAX, OF | NX);
    EXPECT(f64_add(D_NEG_MAX, D_NEG_MAX, RTZ, &fl), D_NEG_MAX, OF | NX);
}
END_TEST

START_TEST(f64_add_overflow_is_judged_after_rounding)
{
    /* MAX + half an ulp (2^970) is a tie: RNE rounds to 2^1024, which overflows */
    EXPECT(f64_add(D_MAX, 0x7c90000000000000u, RNE, &fl), D_INF, OF | NX);
    /* toward zero it rounds to MAX: inexact, but no overflow */
    EXPECT(f64_add(D_MAX, 0x7c90000000000000u, RTZ, &fl), D_MAX, NX);
    /* MAX + a quarter ulp rounds to MAX to nearest, overflows upward */
    EXPECT(f64_add(D_MAX, 0x7c80000000000000u, RNE, &fl), D_MAX, NX);
    EXPECT(f64_add(D_MAX, 0x7c80000000000000u, RUP, &fl), D_INF, OF | NX);
}
END_TEST

START_TEST(f64_add_exact_subnormal_sums_raise_no_underflow)
{
    EXPECT(f64_add(D_MIN_SUB, D_MIN_SUB, RNE, &fl), 0x0000000000000002u, 0);
    EXPECT(f64_add(D_MAX_SUB, D_MIN_SUB, RNE, &fl), D_MIN_NORM, 0);
    EXPECT(f64_sub(D_MIN_NORM, D_MIN_SUB, RNE, &fl), D_MAX_SUB, 0);
}
END_TEST

START_TEST(f32_add_rne_halfway_rounds_to_even)
{
    /* 1 + 2^-24 */
    EXPECT(f32_add(S_ONE, 0x33800000u, RNE, &fl), S_ONE, NX);
    EXPECT(f32_add(S_ONE, 0x33800000u, RMM, &fl), 0x3f800001u, NX);
    EXPECT(f32_add(0x3f800001u, 0x33800000u, RNE, &fl), 0x3f800002u, NX);
}
END_TEST

/* ---- multiplication, underflow and tininess ---- */

START_TEST(f64_mul_exact_subnormal_result_raises_no_flags)
{
    EXPECT(f64_mul(D_MIN_NORM, D_HALF, RNE, &fl), 0x0008000000000000u, 0);
    EXPECT(f64_mul(D_MIN_SUB, D_ONE, RNE, &fl), D_MIN_SUB, 0);
}
END_TEST

START_TEST(f64_mul_tiny_inexact_result_raises_underflow)
{
    /* (2^-1022 + 2^-1074) * 0.5 = 2^-1023 + 2^-1075: a tie on the subnormal grid */
    EXPECT(f64_mul(0x0010000000000001u, D_HALF, RNE, &fl), 0x0008000000000000u, UF | NX);
    EXPECT(f64_mul(0x0010000000000001u, D_HALF, RUP, &fl), 0x0008000000000001u, UF | NX);
    EXPECT(f64_mul(0x0010000000000001u, D_HALF, RMM, &fl), 0x0008000000000001u, UF | NX);
    /* half the smallest subnormal rounds to zero (ties to even) or to it (ties away) */
    EXPECT(f64_mul(D_MIN_SUB, D_HALF, RNE, &fl), D_ZERO, UF | NX);
    EXPECT(f64_mul(D_MIN_SUB, D_HALF, RMM, &fl), D_MIN_SUB, UF | NX);
    EXPECT(f64_mul(0x8000000000000001u, D_HALF, RDN, &fl), 0x8000000000000001u, UF | NX);
}
END_TEST

START_TEST(f64_mul_tininess_is_detected_after_rounding)
{
    /* 0.5(1 + 2^-52) * 2^-1021(1 - 2^-52) = 2^-1022 (1 - 2^-104): rounded to 53 bits with an unbounded
     * exponent it is 2^-1022 under RNE/RMM/RUP, so not tiny: NX only (tininess after rounding, RISC-V) */
    EXPECT(f64_mul(0x3fe0000000000001u, 0x001ffffffffffffeu, RNE, &fl), D_MIN_NORM, NX);
    EXPECT(f64_mul(0x3fe0000000000001u, 0x001ffffffffffffeu, RMM, &fl), D_MIN_NORM, NX);
    EXPECT(f64_mul(0x3fe0000000000001u, 0x001ffffffffffffeu, RUP, &fl), D_MIN_NORM, NX);
    /* toward zero it stays below 2^-1022: tiny and inexact */
    EXPECT(f64_mul(0x3fe0000000000001u, 0x001ffffffffffffeu, RTZ, &fl), D_MAX_SUB, UF | NX);
    EXPECT(f64_mul(0x3fe0000000000001u, 0x001ffffffffffffeu, RDN, &fl), D_MAX_SUB, UF | NX);
}
END_TEST

START_TEST(f64_mul_rounding_up_to_min_normal_from_tiny_still_underflows)
{
    /* (1 - 2^-53) * 2^-1022 = 2^-1022 - 2^-1075 is exact in 53 bits, hence tiny; on the subnormal grid
     * it is a tie that rounds to the even 2^-1022 */
    EXPECT(f64_mul(0x3fefffffffffffffu, D_MIN_NORM, RNE, &fl), D_MIN_NORM, UF | NX);
}
END_TEST

START_TEST(f64_mul_inf_times_zero_is_invalid)
{
    EXPECT(f64_mul(D_INF, D_ZERO, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_mul(D_NEG_ZERO, D_NEG_INF, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_mul(D_NEG_INF, D_MIN_SUB, RNE, &fl), D_NEG_INF, 0);
}
END_TEST

START_TEST(f64_mul_zero_product_takes_xor_of_signs)
{
    EXPECT(f64_mul(D_NEG_ZERO, D_THREE, RNE, &fl), D_NEG_ZERO, 0);
    EXPECT(f64_mul(D_NEG_ZERO, D_NEG_ONE, RDN, &fl), D_ZERO, 0);
}
END_TEST

START_TEST(f32_mul_overflow_toward_negative)
{
    EXPECT(f32_mul(S_NEG_MAX, S_TWO, RUP, &fl), S_NEG_MAX, OF | NX);
    EXPECT(f32_mul(S_NEG_MAX, S_TWO, RDN, &fl), S_NEG_INF, OF | NX);
    EXPECT(f32_mul(S_MAX, S_TWO, RDN, &fl), S_MAX, OF | NX);
}
END_TEST

/* ---- division and square root ---- */

START_TEST(f64_div_by_zero_raises_dz_with_signed_infinity)
{
    EXPECT(f64_div(D_ONE, D_NEG_ZERO, RNE, &fl), D_NEG_INF, DZ);
    EXPECT(f64_div(D_NEG_ONE, D_NEG_ZERO, RNE, &fl), D_INF, DZ);
    /* infinity / 0 is an exact infinity, not a division by zero */
    EXPECT(f64_div(D_INF, D_ZERO, RNE, &fl), D_INF, 0);
}
END_TEST

START_TEST(f64_div_zero_by_zero_and_inf_by_inf_are_invalid)
{
    EXPECT(f64_div(D_ZERO, D_NEG_ZERO, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_div(D_INF, D_NEG_INF, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_div(D_ONE, D_INF, RNE, &fl), D_ZERO, 0);
}
END_TEST

START_TEST(f64_div_one_third_rounds_per_mode)
{
    EXPECT(f64_div(D_ONE, D_THREE, RNE, &fl), 0x3fd5555555555555u, NX);
    EXPECT(f64_div(D_ONE, D_THREE, RMM, &fl), 0x3fd5555555555555u, NX);
    EXPECT(f64_div(D_ONE, D_THREE, RTZ, &fl), 0x3fd5555555555555u, NX);
    EXPECT(f64_div(D_ONE, D_THREE, RUP, &fl), 0x3fd5555555555556u, NX);
    EXPECT(f64_div(D_NEG_ONE, D_THREE, RDN, &fl), 0xbfd5555555555556u, NX);
}
END_TEST

START_TEST(f32_div_one_third_rounds_per_mode)
{
    EXPECT(f32_div(S_ONE, S_THREE, RNE, &fl), 0x3eaaaaabu, NX);
    EXPECT(f32_div(S_ONE, S_THREE, RTZ, &fl), 0x3eaaaaaau, NX);
}
END_TEST

START_TEST(f64_sqrt_of_negative_is_invalid_but_minus_zero_is_kept)
{
    EXPECT(f64_sqrt(D_NEG_ONE, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_sqrt(D_NEG_INF, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_sqrt(0x8000000000000001u, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_sqrt(D_NEG_ZERO, RNE, &fl), D_NEG_ZERO, 0);
    EXPECT(f64_sqrt(D_INF, RNE, &fl), D_INF, 0);
    EXPECT(f64_sqrt(D_SNAN, RNE, &fl), D_CNAN, NV);
}
END_TEST

START_TEST(f64_sqrt_is_correctly_rounded)
{
    /* sqrt(2) = 1.41421356237309504880..., between 0x3ff6a09e667f3bcc and ...cd (nearer the latter) */
    EXPECT(f64_sqrt(D_TWO, RNE, &fl), 0x3ff6a09e667f3bcdu, NX);
    EXPECT(f64_sqrt(D_TWO, RTZ, &fl), 0x3ff6a09e667f3bccu, NX);
    EXPECT(f64_sqrt(D_TWO, RUP, &fl), 0x3ff6a09e667f3bcdu, NX);
    EXPECT(f64_sqrt(0x4010000000000000u, RNE, &fl), D_TWO, 0);
    /* sqrt(2^-1074) = 2^-537 exactly */
    EXPECT(f64_sqrt(D_MIN_SUB, RNE, &fl), 0x1e60000000000000u, 0);
}
END_TEST

START_TEST(f32_sqrt_is_correctly_rounded)
{
    EXPECT(f32_sqrt(S_TWO, RNE, &fl), 0x3fb504f3u, NX);
    EXPECT(f32_sqrt(S_TWO, RUP, &fl), 0x3fb504f4u, NX);
    EXPECT(f32_sqrt(0x41100000u, RNE, &fl), S_THREE, 0); /* sqrt(9) */
}
END_TEST

/* ---- fused multiply-add ---- */

START_TEST(f64_muladd_rounds_once)
{
    /* (1 + 2^-52)(1 - 2^-53) - 1 = 2^-53 - 2^-105, exact; a separately rounded product would give 0 */
    EXPECT(f64_muladd(0x3ff0000000000001u, 0x3fefffffffffffffu, D_NEG_ONE, RNE, &fl), 0x3c9ffffffffffffeu, 0);
    EXPECT(f64_add(f64_mul(0x3ff0000000000001u, 0x3fefffffffffffffu, RNE, &fl), D_NEG_ONE, RNE, &fl), D_ZERO, NX);
}
END_TEST

START_TEST(f32_muladd_rounds_once)
{
    EXPECT(f32_muladd(0x3f800001u, 0x3f7fffffu, S_NEG_ONE, RNE, &fl), 0x337ffffeu, 0);
}
END_TEST

START_TEST(f64_muladd_inf_times_zero_with_quiet_nan_addend_is_invalid)
{
    EXPECT(f64_muladd(D_INF, D_ZERO, D_CNAN, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_nmuladd(D_NEG_ZERO, D_NEG_INF, 0x7ff8000000000042u, RNE, &fl), D_CNAN, NV);
    /* a quiet NaN with an ordinary product is quiet */
    EXPECT(f64_muladd(D_TWO, D_THREE, D_CNAN, RNE, &fl), D_CNAN, 0);
    EXPECT(f64_muladd(D_CNAN, D_ZERO, D_ONE, RNE, &fl), D_CNAN, 0);
    EXPECT(f64_muladd(D_ONE, D_ONE, D_SNAN, RNE, &fl), D_CNAN, NV);
}
END_TEST

START_TEST(f64_muladd_inf_product_minus_inf_is_invalid)
{
    EXPECT(f64_muladd(D_INF, D_ONE, D_NEG_INF, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_mulsub(D_INF, D_ONE, D_INF, RNE, &fl), D_CNAN, NV);
    EXPECT(f64_nmuladd(D_INF, D_ONE, D_NEG_INF, RNE, &fl), D_CNAN, NV); /* -inf - (-inf) */
    EXPECT(f64_nmuladd(D_INF, D_ONE, D_INF, RNE, &fl), D_NEG_INF, 0);    /* -inf - inf */
}
END_TEST

START_TEST(f64_fused_negations_give_ieee_zero_signs)
{
    /* fnmadd: -(+0 * 1) - (+0) = -0 + -0 = -0 */
    EXPECT(f64_nmuladd(D_ZERO, D_ONE, D_ZERO, RNE, &fl), D_NEG_ZERO, 0);
    /* fmsub: +0 - +0 = +0, or -0 toward -inf */
    EXPECT(f64_mulsub(D_ZERO, D_ONE, D_ZERO, RNE, &fl), D_ZERO, 0);
    EXPECT(f64_mulsub(D_ZERO, D_ONE, D_ZERO, RDN, &fl), D_NEG_ZERO, 0);
    /* fnmsub: -(+0) + +0 = +0; -(+0) + -0 = -0 */
    EXPECT(f64_nmulsub(D_ZERO, D_ONE, D_ZERO, RNE, &fl), D_ZERO, 0);
    EXPECT(f64_nmulsub(D_ZERO, D_ONE, D_NEG_ZERO, RNE, &fl), D_NEG_ZERO, 0);
    /* fmadd: -0 + +0 = +0, or -0 toward -inf */
    EXPECT(f64_muladd(D_NEG_ZERO, D_ONE, D_ZERO, RNE, &fl), D_ZERO, 0);
    EXPECT(f64_muladd(D_NEG_ZERO, D_ONE, D_ZERO, RDN, &fl), D_NEG_ZERO, 0);
    /* a zero product leaves a nonzero addend exactly (negated by fnmadd) */
    EXPECT(f64_nmuladd(D_ZERO, D_ONE, D_MIN_SUB, RNE, &fl), 0x8000000000000001u, 0);
}
END_TEST

START_TEST(f64_muladd_exact_cancellation_rdn_gives_minus_zero)
{
    EXPECT(f64_muladd(D_ONE, D_ONE, D_NEG_ONE, RNE, &fl), D_ZERO, 0);
    EXPECT(f64_muladd(D_ONE, D_ONE, D_NEG_ONE, RDN, &fl), D_NEG_ZERO, 0);
    EXPECT(f64_nmulsub(D_THREE, D_TWO, 0x4018000000000000u, RDN, &fl), D_NEG_ZERO, 0); /* -(3*2) + 6 */
}
END_TEST

START_TEST(f64_muladd_tiny_product_plus_zero_underflows)
{
    EXPECT(f64_muladd(0x0010000000000001u, D_HALF, D_ZERO, RNE, &fl), 0x0008000000000000u, UF | NX);
    EXPECT(f64_muladd(D_MIN_SUB, D_MIN_SUB, D_NEG_ZERO, RUP, &fl), D_MIN_SUB, UF | NX);
    EXPECT(f64_muladd(D_MIN_SUB, D_MIN_SUB, D_NEG_ZERO, RNE, &fl), D_ZERO, UF | NX);
}
END_TEST

START_TEST(f64_muladd_tiny_product_sticks_beside_a_large_addend)
{
    /* 1 + 2^-1074 * 2^-1074: only the sticky bit says the sum is above 1 */
    EXPECT(f64_muladd(D_MIN_SUB, D_MIN_SUB, D_ONE, RNE, &fl), D_ONE, NX);
    EXPECT(f64_muladd(D_MIN_SUB, D_MIN_SUB, D_ONE, RUP, &fl), 0x3ff0000000000001u, NX);
    EXPECT(f64_mulsub(D_MIN_SUB, D_MIN_SUB, D_ONE, RTZ, &fl), 0xbfefffffffffffffu, NX);
}
END_TEST

/* ---- fmin/fmax ---- */

START_TEST(f64_min_max_ignore_a_single_nan)
{
    EXPECT(f64_min(D_CNAN, D_ONE, &fl), D_ONE, 0);
    EXPECT(f64_max(D_NEG_ONE, 0xfff8000000000001u, &fl), D_NEG_ONE, 0);
    EXPECT(f64_min(D_SNAN, D_ONE, &fl), D_ONE, NV);
    EXPECT(f32_max(S_CNAN, S_NEG_INF, &fl), S_NEG_INF, 0);
}
END_TEST

START_TEST(f64_min_max_of_two_nans_is_canonical_nan)
{
    EXPECT(f64_min(0x7ff8000000000123u, 0xfff8000000000000u, &fl), D_CNAN, 0);
    EXPECT(f64_max(0xfff8000000000005u, 0x7ff0000000000002u, &fl), D_CNAN, NV);
    EXPECT(f32_min(S_SNAN, 0xffc00001u, &fl), S_CNAN, NV);
}
END_TEST

START_TEST(f64_min_orders_minus_zero_below_plus_zero)
{
    EXPECT(f64_min(D_ZERO, D_NEG_ZERO, &fl), D_NEG_ZERO, 0);
    EXPECT(f64_min(D_NEG_ZERO, D_ZERO, &fl), D_NEG_ZERO, 0);
    EXPECT(f64_max(D_NEG_ZERO, D_ZERO, &fl), D_ZERO, 0);
    EXPECT(f64_max(D_ZERO, D_NEG_ZERO, &fl), D_ZERO, 0);
    EXPECT(f64_min(D_NEG_ONE, D_NEG_INF, &fl), D_NEG_INF, 0);
    EXPECT(f64_max(D_NEG_ONE, 0xc000000000000000u, &fl), D_NEG_ONE, 0);
}
END_TEST

/* ---- comparisons ---- */

START_TEST(f64_eq_is_quiet_for_quiet_nans)
{
    EXPECT(f64_eq(D_CNAN, D_CNAN, &fl), 0, 0);
    EXPECT(f64_eq(D_ONE, 0xfff8000000000000u, &fl), 0, 0);
    EXPECT(f64_eq(D_SNAN, D_ONE, &fl), 0, NV);
    EXPECT(f64_eq(D_ZERO, D_NEG_ZERO, &fl), 1, 0);
    EXPECT(f64_eq(D_ONE, D_ONE, &fl), 1, 0);
    EXPECT(f32_eq(S_SNAN, S_SNAN, &fl), 0, NV);
}
END_TEST

START_TEST(f64_lt_le_signal_on_any_nan)
{
    EXPECT(f64_lt(D_CNAN, D_ONE, &fl), 0, NV);
    EXPECT(f64_le(D_ONE, D_CNAN, &fl), 0, NV);
    EXPECT(f32_lt(S_ONE, S_CNAN, &fl), 0, NV);
}
END_TEST

START_TEST(f64_lt_le_order_signed_values)
{
    EXPECT(f64_le(D_NEG_ZERO, D_ZERO, &fl), 1, 0);
    EXPECT(f64_lt(D_NEG_ZERO, D_ZERO, &fl), 0, 0);
    EXPECT(f64_lt(D_NEG_INF, D_NEG_MAX, &fl), 1, 0);
    EXPECT(f64_lt(D_NEG_ONE, 0xc000000000000000u, &fl), 0, 0);
    EXPECT(f64_lt(0xc000000000000000u, D_NEG_ONE, &fl), 1, 0);
    EXPECT(f64_le(D_MAX, D_INF, &fl), 1, 0);
    EXPECT(f64_le(D_INF, D_INF, &fl), 1, 0);
    EXPECT(f64_lt(D_INF, D_INF, &fl), 0, 0);
    EXPECT(f32_lt(0x80000001u, 0x00000001u, &fl), 1, 0);
}
END_TEST

/* ---- fclass ---- */

START_TEST(f64_classify_reports_each_class)
{
    ck_assert_uint_eq(f64_classify(D_NEG_INF), SOFTFP_CLASS_NEG_INF);
    ck_assert_uint_eq(f64_classify(D_NEG_ONE), SOFTFP_CLASS_NEG_NORMAL);
    ck_assert_uint_eq(f64_classify(0x800fffffffffffffu), SOFTFP_CLASS_NEG_SUBNORMAL);
    ck_assert_uint_eq(f64_classify(D_NEG_ZERO), SOFTFP_CLASS_NEG_ZERO);
    ck_assert_uint_eq(f64_classify(D_ZERO), SOFTFP_CLASS_POS_ZERO);
    ck_assert_uint_eq(f64_classify(D_MIN_SUB), SOFTFP_CLASS_POS_SUBNORMAL);
    ck_assert_uint_eq(f64_classify(D_MIN_NORM), SOFTFP_CLASS_POS_NORMAL);
    ck_assert_uint_eq(f64_classify(D_INF), SOFTFP_CLASS_POS_INF);
    ck_assert_uint_eq(f64_classify(0xfff0000000000001u), SOFTFP_CLASS_SNAN);
    ck_assert_uint_eq(f64_classify(0xfff8000000000000u), SOFTFP_CLASS_QNAN);
    ck_assert_uint_eq(SOFTFP_CLASS_QNAN, 0x200u);
    ck_assert_uint_eq(SOFTFP_CLASS_NEG_INF, 0x001u);
}
END_TEST

START_TEST(f32_classify_reports_each_class)
{
    ck_assert_uint_eq(f32_classify(S_NEG_INF), SOFTFP_CLASS_NEG_INF);
    ck_assert_uint_eq(f32_classify(S_NEG_MAX), SOFTFP_CLASS_NEG_NORMAL);
    ck_assert_uint_eq(f32_classify(0x80000001u), SOFTFP_CLASS_NEG_SUBNORMAL);
    ck_assert_uint_eq(f32_classify(0x80000000u), SOFTFP_CLASS_NEG_ZERO);
    ck_assert_uint_eq(f32_classify(0x00000000u), SOFTFP_CLASS_POS_ZERO);
    ck_assert_uint_eq(f32_classify(0x007fffffu), SOFTFP_CLASS_POS_SUBNORMAL);
    ck_assert_uint_eq(f32_classify(0x00800000u), SOFTFP_CLASS_POS_NORMAL);
    ck_assert_uint_eq(f32_classify(S_INF), SOFTFP_CLASS_POS_INF);
    ck_assert_uint_eq(f32_classify(0x7fbfffffu), SOFTFP_CLASS_SNAN);
    ck_assert_uint_eq(f32_classify(S_CNAN), SOFTFP_CLASS_QNAN);
}
END_TEST

/* ---- float to integer ---- */

START_TEST(f64_to_i32_nan_and_infinities_saturate_with_nv)
{
    EXPECT(f64_to_i32(D_CNAN, RNE, &fl), INT32_MAX, NV);
    EXPECT(f64_to_i32(0xfff8000000000000u, RNE, &fl), INT32_MAX, NV); /* NaN sign is ignored */
    EXPECT(f64_to_i32(D_INF, RNE, &fl), INT32_MAX, NV);
    EXPECT(f64_to_i32(D_NEG_INF, RNE, &fl), INT32_MIN, NV);
    EXPECT(f64_to_u32(D_CNAN, RNE, &fl), UINT32_MAX, NV);
    EXPECT(f64_to_u32(D_NEG_INF, RNE, &fl), 0, NV);
    EXPECT(f64_to_i64(D_SNAN, RNE, &fl), INT64_MAX, NV);
    EXPECT(f64_to_u64(D_NEG_INF, RNE, &fl), 0, NV);
}
END_TEST

START_TEST(f64_to_i32_rounds_halves_per_mode)
{
    /* 2.5 */
    EXPECT(f64_to_i32(0x4004000000000000u, RNE, &fl), 2, NX);
    EXPECT(f64_to_i32(0x4004000000000000u, RMM, &fl), 3, NX);
    EXPECT(f64_to_i32(0x4004000000000000u, RTZ, &fl), 2, NX);
    EXPECT(f64_to_i32(0x4004000000000000u, RDN, &fl), 2, NX);
    EXPECT(f64_to_i32(0x4004000000000000u, RUP, &fl), 3, NX);
    /* -2.5 */
    EXPECT(f64_to_i32(0xc004000000000000u, RNE, &fl), -2, NX);
    EXPECT(f64_to_i32(0xc004000000000000u, RMM, &fl), -3, NX);
    EXPECT(f64_to_i32(0xc004000000000000u, RTZ, &fl), -2, NX);
    EXPECT(f64_to_i32(0xc004000000000000u, RDN, &fl), -3, NX);
    EXPECT(f64_to_i32(0xc004000000000000u, RUP, &fl), -2, NX);
    /* 3.0 is exact */
    EXPECT(f64_to_i32(D_THREE, RMM, &fl), 3, 0);
}
END_TEST

START_TEST(f64_to_i32_out_of_range_raises_nv_without_nx)
{
    /* -2147483648.5 rounds to INT32_MIN to nearest, but below it toward -inf */
    EXPECT(f64_to_i32(0xc1e0000000100000u, RNE, &fl), INT32_MIN, NX);
    EXPECT(f64_to_i32(0xc1e0000000100000u, RDN, &fl), INT32_MIN, NV);
    /* 2147483647.5: a tie whose even neighbour 2^31 is out of range */
    EXPECT(f64_to_i32(0x41dfffffffe00000u, RTZ, &fl), INT32_MAX, NX);
    EXPECT(f64_to_i32(0x41dfffffffe00000u, RNE, &fl), INT32_MAX, NV);
    EXPECT(f64_to_i32(D_MAX, RNE, &fl), INT32_MAX, NV);
}
END_TEST

START_TEST(f64_to_u32_negative_rounding_to_zero_is_inexact_not_invalid)
{
    EXPECT(f64_to_u32(0xbfe0000000000000u, RNE, &fl), 0, NX); /* -0.5 */
    EXPECT(f64_to_u32(0xbfe0000000000000u, RTZ, &fl), 0, NX);
    EXPECT(f64_to_u32(0xbfe0000000000000u, RDN, &fl), 0, NV); /* rounds to -1 */
    EXPECT(f64_to_u32(0xbfe0000000000000u, RMM, &fl), 0, NV);
    EXPECT(f64_to_u32(D_NEG_ONE, RTZ, &fl), 0, NV);
    EXPECT(f64_to_u32(D_NEG_ZERO, RNE, &fl), 0, 0);
    EXPECT(f64_to_u64(0x8000000000000001u, RUP, &fl), 0, NX);
}
END_TEST

START_TEST(f64_to_u32_saturates_above_range)
{
    EXPECT(f64_to_u32(0x41efffffffe00000u, RNE, &fl), UINT32_MAX, 0); /* 4294967295 */
    EXPECT(f64_to_u32(0x41f0000000000000u, RNE, &fl), UINT32_MAX, NV); /* 2^32 */
    EXPECT(f64_to_u32(0x41effffffff00000u, RTZ, &fl), UINT32_MAX, NX); /* 4294967295.5 */
    EXPECT(f64_to_u32(0x41effffffff00000u, RNE, &fl), UINT32_MAX, NV);
}
END_TEST

START_TEST(f64_to_i64_and_u64_limits)
{
    EXPECT(f64_to_i64(0xc3e0000000000000u, RNE, &fl), INT64_MIN, 0); /* -2^63 */
    EXPECT(f64_to_i64(0x43e0000000000000u, RNE, &fl), INT64_MAX, NV); /* 2^63 */
    EXPECT(f64_to_i64(0x43dfffffffffffffu, RNE, &fl), 0x7ffffffffffffc00, 0);
    EXPECT(f64_to_u64(0x43efffffffffffffu, RNE, &fl), 0xfffffffffffff800u, 0);
    EXPECT(f64_to_u64(0x43f0000000000000u, RNE, &fl), UINT64_MAX, NV); /* 2^64 */
    EXPECT(f64_to_u64(D_MIN_SUB, RUP, &fl), 1, NX);
    EXPECT(f64_to_i64(0x8000000000000001u, RDN, &fl), -1, NX);
}
END_TEST

START_TEST(f32_to_int_limits)
{
    EXPECT(f32_to_i32(0x4f000000u, RNE, &fl), INT32_MAX, NV); /* 2^31 */
    EXPECT(f32_to_i32(0xcf000000u, RNE, &fl), INT32_MIN, 0);  /* -2^31 */
    EXPECT(f32_to_u32(0x4f800000u, RNE, &fl), UINT32_MAX, NV); /* 2^32 */
    EXPECT(f32_to_u32(0x4f7fffffu, RNE, &fl), 0xffffff00u, 0);
    EXPECT(f32_to_u64(S_NEG_ONE, RNE, &fl), 0, NV);
    EXPECT(f32_to_i64(0xdf000000u, RNE, &fl), INT64_MIN, 0); /* -2^63 */
    EXPECT(f32_to_i64(0x3fc00000u, RNE, &fl), 2, NX);        /* 1.5 */
}
END_TEST

/* ---- integer to float ---- */

START_TEST(i64_to_f64_rounds_per_mode)
{
    /* 2^53 + 1 is a tie between 2^53 and 2^53 + 2 */
    EXPECT(i64_to_f64(9007199254740993, RNE, &fl), 0x4340000000000000u, NX);
    EXPECT(i64_to_f64(9007199254740993, RMM, &fl), 0x4340000000000001u, NX);
    EXPECT(i64_to_f64(9007199254740993, RUP, &fl), 0x4340000000000001u, NX);
    EXPECT(i64_to_f64(-9007199254740993, RUP, &fl), 0xc340000000000000u, NX);
    EXPECT(i64_to_f64(INT64_MIN, RNE, &fl), 0xc3e0000000000000u, 0);
    EXPECT(i64_to_f64(0, RDN, &fl), D_ZERO, 0);
}
END_TEST

START_TEST(u64_to_f64_of_max_rounds_up_to_2_pow_64)
{
    EXPECT(u64_to_f64(UINT64_MAX, RNE, &fl), 0x43f0000000000000u, NX);
    EXPECT(u64_to_f64(UINT64_MAX, RTZ, &fl), 0x43efffffffffffffu, NX);
}
END_TEST

START_TEST(int32_to_f64_is_exact)
{
    EXPECT(i32_to_f64(INT32_MIN, RNE, &fl), 0xc1e0000000000000u, 0);
    EXPECT(u32_to_f64(UINT32_MAX, RDN, &fl), 0x41efffffffe00000u, 0);
    EXPECT(u32_to_f64(0, RNE, &fl), D_ZERO, 0);
}
END_TEST

START_TEST(int_to_f32_rounds_per_mode)
{
    EXPECT(u32_to_f32(16777217u, RNE, &fl), 0x4b800000u, NX); /* 2^24 + 1 */
    EXPECT(u32_to_f32(16777217u, RUP, &fl), 0x4b800001u, NX);
    EXPECT(i32_to_f32(INT32_MIN, RNE, &fl), 0xcf000000u, 0);
    EXPECT(i64_to_f32(INT64_MAX, RNE, &fl), 0x5f000000u, NX);
    EXPECT(i64_to_f32(INT64_MAX, RTZ, &fl), 0x5effffffu, NX);
    EXPECT(u64_to_f32(UINT64_MAX, RDN, &fl), 0x5f7fffffu, NX);
}
END_TEST

/* ---- between formats ---- */

START_TEST(f64_to_f32_nan_becomes_canonical)
{
    EXPECT(f64_to_f32(D_SNAN, RNE, &fl), S_CNAN, NV);
    EXPECT(f64_to_f32(0xfff8000000000123u, RNE, &fl), S_CNAN, 0);
    EXPECT(f32_to_f64(S_SNAN, &fl), D_CNAN, NV);
    EXPECT(f32_to_f64(0xffc00001u, &fl), D_CNAN, 0);
}
END_TEST

START_TEST(f64_to_f32_overflow_and_underflow)
{
    EXPECT(f64_to_f32(D_MAX, RNE, &fl), S_INF, OF | NX);
    EXPECT(f64_to_f32(D_MAX, RTZ, &fl), S_MAX, OF | NX);
    EXPECT(f64_to_f32(D_NEG_INF, RTZ, &fl), S_NEG_INF, 0);
    EXPECT(f64_to_f32(0x36a0000000000000u, RNE, &fl), 0x00000001u, 0);      /* 2^-149, exact */
    EXPECT(f64_to_f32(0x3690000000000000u, RNE, &fl), 0x00000000u, UF | NX); /* 2^-150: tie to 0 */
    EXPECT(f64_to_f32(0x3690000000000000u, RMM, &fl), 0x00000001u, UF | NX);
    EXPECT(f64_to_f32(0xb690000000000000u, RDN, &fl), 0x80000001u, UF | NX);
    EXPECT(f64_to_f32(D_MIN_SUB, RNE, &fl), 0x00000000u, UF | NX);
}
END_TEST

START_TEST(f64_to_f32_rounds_halfway_per_mode)
{
    /* 1 + 2^-24 */
    EXPECT(f64_to_f32(0x3ff0000010000000u, RNE, &fl), S_ONE, NX);
    EXPECT(f64_to_f32(0x3ff0000010000000u, RMM, &fl), 0x3f800001u, NX);
    EXPECT(f64_to_f32(0x3ff0000010000001u, RNE, &fl), 0x3f800001u, NX);
}
END_TEST

START_TEST(f32_to_f64_is_exact_for_subnormals)
{
    EXPECT(f32_to_f64(0x00000001u, &fl), 0x36a0000000000000u, 0);
    EXPECT(f32_to_f64(0x807fffffu, &fl), 0xb80fffffc0000000u, 0);
    EXPECT(f32_to_f64(S_NEG_INF, &fl), D_NEG_INF, 0);
    EXPECT(f32_to_f64(0x80000000u, &fl), D_NEG_ZERO, 0);
}
END_TEST

/* ---- flags accumulate ---- */

START_TEST(flags_are_ored_never_cleared)
{
    unsigned fl = NV;
    ck_assert_uint_eq(f64_add(D_ONE, D_ONE, RNE, &fl), D_TWO);
    ck_assert_uint_eq(fl, NV);
    f64_div(D_ONE, D_THREE, RNE, &fl);
    ck_assert_uint_eq(fl, NV | NX);
}
END_TEST

static Suite *softfp_suite(void)
{
    Suite *s = suite_create("softfp");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, f64_add_rne_halfway_rounds_to_even);
    tcase_add_test(tc, f64_add_rmm_halfway_rounds_away_from_zero);
    tcase_add_test(tc, f64_add_directed_modes_round_by_sign);
    tcase_add_test(tc, f64_add_exact_cancellation_is_plus_zero_except_rdn);
    tcase_add_test(tc, f64_add_zeros_keep_a_common_sign);
    tcase_add_test(tc, f64_add_inf_minus_inf_is_invalid);
    tcase_add_test(tc, f64_add_snan_is_invalid_and_gives_canonical_nan);
    tcase_add_test(tc, f64_add_quiet_nan_payload_is_not_propagated);
    tcase_add_test(tc, f64_add_overflow_result_depends_on_rounding_mode);
    tcase_add_test(tc, f64_add_overflow_is_judged_after_rounding);
    tcase_add_test(tc, f64_add_exact_subnormal_sums_raise_no_underflow);
    tcase_add_test(tc, f32_add_rne_halfway_rounds_to_even);
    tcase_add_test(tc, f64_mul_exact_subnormal_result_raises_no_flags);
    tcase_add_test(tc, f64_mul_tiny_inexact_result_raises_underflow);
    tcase_add_test(tc, f64_mul_tininess_is_detected_after_rounding);
    tcase_add_test(tc, f64_mul_rounding_up_to_min_normal_from_tiny_still_underflows);
    tcase_add_test(tc, f64_mul_inf_times_zero_is_invalid);
    tcase_add_test(tc, f64_mul_zero_product_takes_xor_of_signs);
    tcase_add_test(tc, f32_mul_overflow_toward_negative);
    tcase_add_test(tc, f64_div_by_zero_raises_dz_with_signed_infinity);
    tcase_add_test(tc, f64_div_zero_by_zero_and_inf_by_inf_are_invalid);
    tcase_add_test(tc, f64_div_one_third_rounds_per_mode);
    tcase_add_test(tc, f32_div_one_third_rounds_per_mode);
    tcase_add_test(tc, f64_sqrt_of_negative_is_invalid_but_minus_zero_is_kept);
    tcase_add_test(tc, f64_sqrt_is_correctly_rounded);
    tcase_add_test(tc, f32_sqrt_is_correctly_rounded);
    tcase_add_test(tc, f64_muladd_rounds_once);
    tcase_add_test(tc, f32_muladd_rounds_once);
    tcase_add_test(tc, f64_muladd_inf_times_zero_with_quiet_nan_addend_is_invalid);
    tcase_add_test(tc, f64_muladd_inf_product_minus_inf_is_invalid);
    tcase_add_test(tc, f64_fused_negations_give_ieee_zero_signs);
    tcase_add_test(tc, f64_muladd_exact_cancellation_rdn_gives_minus_zero);
    tcase_add_test(tc, f64_muladd_tiny_product_plus_zero_underflows);
    tcase_add_test(tc, f64_muladd_tiny_product_sticks_beside_a_large_addend);
    tcase_add_test(tc, f64_min_max_ignore_a_single_nan);
    tcase_add_test(tc, f64_min_max_of_two_nans_is_canonical_nan);
    tcase_add_test(tc, f64_min_orders_minus_zero_below_plus_zero);
    tcase_add_test(tc, f64_eq_is_quiet_for_quiet_nans);
    tcase_add_test(tc, f64_lt_le_signal_on_any_nan);
    tcase_add_test(tc, f64_lt_le_order_signed_values);
    tcase_add_test(tc, f64_classify_reports_each_class);
    tcase_add_test(tc, f32_classify_reports_each_class);
    tcase_add_test(tc, f64_to_i32_nan_and_infinities_saturate_with_nv);
    tcase_add_test(tc, f64_to_i32_rounds_halves_per_mode);
    tcase_add_test(tc, f64_to_i32_out_of_range_raises_nv_without_nx);
    tcase_add_test(tc, f64_to_u32_negative_rounding_to_zero_is_inexact_not_invalid);
    tcase_add_test(tc, f64_to_u32_saturates_above_range);
    tcase_add_test(tc, f64_to_i64_and_u64_limits);
    tcase_add_test(tc, f32_to_int_limits);
    tcase_add_test(tc, i64_to_f64_rounds_per_mode);
    tcase_add_test(tc, u64_to_f64_of_max_rounds_up_to_2_pow_64);
    tcase_add_test(tc, int32_to_f64_is_exact);
    tcase_add_test(tc, int_to_f32_rounds_per_mode);
    tcase_add_test(tc, f64_to_f32_nan_becomes_canonical);
    tcase_add_test(tc, f64_to_f32_overflow_and_underflow);
    tcase_add_test(tc, f64_to_f32_rounds_halfway_per_mode);
    tcase_add_test(tc, f32_to_f64_is_exact_for_subnormals);
    tcase_add_test(tc, flags_are_ored_never_cleared);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(softfp_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
