/* hardfloat.h: host-FPU fast path for F/D arithmetic in round-to-nearest-even, with soft-float (softfp.c) for every other case (unpriv. ISA ch. 11-12, IEEE 754-2008). */
#ifndef VHART_HARDFLOAT_H
#define VHART_HARDFLOAT_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "cpu/softfp.h"

/*
 * Each hf_* function has the signature and the exact results (bits and fflags) of its softfp.c
 * twin. It computes with the host's FPU only where IEEE 754 leaves the host no freedom and the
 * RISC-V result needs no flag the host would have to report:
 *
 *  - the rounding mode is RNE, the host's default (this file never changes the host's mode);
 *  - every input is zero or normal with |x| < 2^(emax-1) (no NaN, infinity or subnormal, so no
 *    NaN propagation, NV, DZ or denormal input to care about);
 *  - the result is normal and above the smallest normal number: then it did not overflow (RNE
 *    overflows to infinity) and is not tiny after rounding, so OF and UF are clear (11.2). A
 *    result that is tiny, infinite, NaN or zero (except the exact zeros listed per function)
 *    goes to soft-float, as do all other inputs and rounding modes.
 *
 * Inexact (NX) is sticky in fflags, so once the guest has it set there is nothing to compute;
 * while it is clear, each function decides exactness with an exact check: the rounding error of
 * a sum by the TwoSum algorithm, of a product from the significands' trailing zeros, of a
 * quotient or a square root from the residual r*b - a or r*r - a computed by one fused
 * multiply-add (exactly representable given the exponent floor checked before it). Fused
 * multiply-adds themselves take the host path only when NX is already set.
 *
 * This is sound only where C's double and float are IEEE binary64/binary32 evaluated in their
 * own precision (FLT_EVAL_METHOD 0; not x87) with IEEE semantics (__STDC_IEC_559__, which also
 * makes fma() and sqrt() correctly rounded) and no -ffast-math; elsewhere HARDFLOAT is 0 and
 * every function is its softfp.c twin. No expression here multiplies and adds in one, so
 * floating-point contraction cannot change a result. Define VHART_NO_HARDFLOAT to compile the
 * fast path out.
 */
#if !defined(VHART_NO_HARDFLOAT) && defined(__STDC_IEC_559__) && defined(FLT_EVAL_METHOD) && \
    FLT_EVAL_METHOD == 0 && !defined(__FAST_MATH__) && FLT_RADIX == 2 && DBL_MANT_DIG == 53 &&  \
    FLT_MANT_DIG == 24
#define HARDFLOAT 1
#else
#define HARDFLOAT 0
#endif

#if HARDFLOAT
_Static_assert(sizeof(double) == 8 && sizeof(float) == 4, "binary64/binary32 host types");

#define HF64_SIGN 0x8000000000000000ull
#define HF64_MIN 0x0010000000000000ull /* bits of the smallest normal, 2^-1022 */
#define HF64_INF 0x7ff0000000000000ull
#define HF32_SIGN 0x80000000u
#define HF32_MIN 0x00800000u
#define HF32_INF 0x7f800000u

static inline double hf_d(uint64_t u) { double d; memcpy(&d, &u, sizeof d); return d; }
static inline uint64_t hf_u64(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }
static inline float hf_f(uint32_t u) { float f; memcpy(&f, &u, sizeof f); return f; }
static inline uint32_t hf_u32(float f) { uint32_t u; memcpy(&u, &f, sizeof u); return u; }

/* Zero, or normal with a biased exponent below emax (so no intermediate of the checks overflows). */
static inline int hf64_in(uint64_t a)
{
    uint64_t e = (a >> 52) & 0x7ff;
    return e - 1 < 0x7fd || (a << 1) == 0;
}
static inline int hf32_in(uint32_t a)
{
    uint32_t e = (a >> 23) & 0xff;
    return e - 1 < 0xfd || (uint32_t)(a << 1) == 0;
}
/* The result's magnitude is above the smallest normal and finite: no OF, not tiny. */
static inline int hf64_out(uint64_t r)
{
    return (r & ~HF64_SIGN) - (HF64_MIN + 1) < HF64_INF - (HF64_MIN + 1);
}
static inline int hf32_out(uint32_t r)
{
    return (r & ~HF32_SIGN) - (HF32_MIN + 1) < HF32_INF - (HF32_MIN + 1);
}
static inline int hf64_exp(uint64_t a) { return (int)((a >> 52) & 0x7ff); }

static inline int hf_ctz64(uint64_t x) /* x != 0 */
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(x);
#else
    int n = 0;
    while (!(x & 1)) { x >>= 1; n++; }
    return n;
#endif
}

/* TwoSum (Knuth): the rounding error of s = x + y, exact in RNE when nothing overflows. */
static inline int hf64_sum_inexact(double x, double y, double s)
{
    double yv = s - x, xv = s - yv;
    return (x - xv) + (y - yv) != 0;
}
static inline int hf32_sum_inexact(float x, float y, float s)
{
    float yv = s - x, xv = s - yv;
    return (x - xv) + (y - yv) != 0;
}
#endif /* HARDFLOAT */

/* ---- binary64 ---- */

static inline sf64 hf_f64_add(sf64 a, sf64 b, int rm, unsigned *fl)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && hf64_in(a) && hf64_in(b)) {
        double x = hf_d(a), y = hf_d(b), s = x + y;
        uint64_t r = hf_u64(s);
        if (hf64_out(r)) {
            if (!(*fl & SOFTFP_NX) && hf64_sum_inexact(x, y, s)) *fl |= SOFTFP_NX;
            return r;
        }
        if ((r << 1) == 0) return r; /* x == -y or both zero: exact, sign as IEEE 6.3 gives in RNE */
    }
#endif
    return f64_add(a, b, rm, fl);
}

static inline sf64 hf_f64_sub(sf64 a, sf64 b, int rm, unsigned *fl)
{
#if HARDFLOAT
    return hf_f64_add(a, b ^ 0x8000000000000000ull, rm, fl); /* a - b == a + (-b), signed zeros included */
#else
    return f64_sub(a, b, rm, fl);
#endif
}

static inline sf64 hf_f64_mul(sf64 a, sf64 b, int rm, unsigned *fl)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && hf64_in(a) && hf64_in(b)) {
        uint64_t r = hf_u64(hf_d(a) * hf_d(b));
        if (hf64_out(r)) {
            if (!(*fl & SOFTFP_NX)) {
                /* Normal inputs, normal result: the 106-bit significand product keeps its top 53
                 * bits; it has 105 bits, or 106 when the result's exponent is one above the sum
                 * of the inputs'. The product of the odd parts is odd, so its trailing zeros are
                 * the sum of the inputs': exact iff they cover the dropped bits. (A product
                 * rounded up across a power of two was inexact, and the stricter test says so.) */
                int drop = 52 + hf64_exp(r) - (hf64_exp(a) + hf64_exp(b) - 1023);
                int tz = hf_ctz64((a & 0xfffffffffffffull) | HF64_MIN) + hf_ctz64((b & 0xfffffffffffffull) | HF64_MIN);
                if (tz < drop) *fl |= SOFTFP_NX;
            }
            return r;
        }
        if ((r << 1) == 0 && ((a << 1) == 0 || (b << 1) == 0)) return r; /* a zero factor: exact */
    }
#endif
    return f64_mul(a, b, rm, fl);
}

static inline sf64 hf_f64_div(sf64 a, sf64 b, int rm, unsigned *fl)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && hf64_in(a) && hf64_in(b) && (b << 1) != 0) {
        double x = hf_d(a), y = hf_d(b), q = x / y;
        uint64_t r = hf_u64(q);
        if (hf64_out(r)) {
            if (!(*fl & SOFTFP_NX)) {
                /* The remainder x - q*y of an RNE quotient is representable unless it falls
                 * below the subnormal range: x's exponent >= 2^-958 keeps it above. */
                if (hf64_exp(a) < 64) return f64_div(a, b, rm, fl);
                if (fma(q, y, -x) != 0) *fl |= SOFTFP_NX;
            }
            return r;
        }
        if ((a << 1) == 0) return r; /* 0 / normal: exact signed zero */
    }
#endif
    return f64_div(a, b, rm, fl);
}

static inline sf64 hf_f64_sqrt(sf64 a, int rm, unsigned *fl)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && hf64_in(a)) {
        if ((a << 1) == 0) return a; /* sqrt(+-0) = +-0 */
        if (!(a & HF64_SIGN)) {
            double x = hf_d(a), s = sqrt(x);
            if (!(*fl & SOFTFP_NX)) {
                if (hf64_exp(a) < 64) return f64_sqrt(a, rm, fl); /* keep x - s*s representable */
                if (fma(s, s, -x) != 0) *fl |= SOFTFP_NX;
            }
            return hf_u64(s); /* the root of a normal number is normal */
        }
    }
#endif
    return f64_sqrt(a, rm, fl);
}

/* a*b+c with the signs already applied; only with NX set (see above). */
static inline sf64 hf_f64_fma(sf64 a, sf64 b, sf64 c, int rm, unsigned *fl, sf64 (*soft)(sf64, sf64, sf64, int, unsigned *),
                              uint64_t neg_prod, uint64_t neg_c)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && (*fl & SOFTFP_NX) && hf64_in(a) && hf64_in(b) && hf64_in(c)) {
        uint64_t r = hf_u64(fma(hf_d(a ^ neg_prod), hf_d(b), hf_d(c ^ neg_c)));
        if (hf64_out(r)) return r;
    }
#else
    (void)neg_prod; (void)neg_c;
#endif
    return soft(a, b, c, rm, fl);
}
static inline sf64 hf_f64_muladd(sf64 a, sf64 b, sf64 c, int rm, unsigned *fl)
{
    return hf_f64_fma(a, b, c, rm, fl, f64_muladd, 0, 0);
}
static inline sf64 hf_f64_mulsub(sf64 a, sf64 b, sf64 c, int rm, unsigned *fl)
{
    return hf_f64_fma(a, b, c, rm, fl, f64_mulsub, 0, 0x8000000000000000ull);
}
static inline sf64 hf_f64_nmulsub(sf64 a, sf64 b, sf64 c, int rm, unsigned *fl)
{
    return hf_f64_fma(a, b, c, rm, fl, f64_nmulsub, 0x8000000000000000ull, 0);
}
static inline sf64 hf_f64_nmuladd(sf64 a, sf64 b, sf64 c, int rm, unsigned *fl)
{
    return hf_f64_fma(a, b, c, rm, fl, f64_nmuladd, 0x8000000000000000ull, 0x8000000000000000ull);
}

/* ---- binary32: exactness checks in double, where a product of two floats is exact ---- */

static inline sf32 hf_f32_add(sf32 a, sf32 b, int rm, unsigned *fl)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && hf32_in(a) && hf32_in(b)) {
        float x = hf_f(a), y = hf_f(b), s = x + y;
        uint32_t r = hf_u32(s);
        if (hf32_out(r)) {
            if (!(*fl & SOFTFP_NX) && hf32_sum_inexact(x, y, s)) *fl |= SOFTFP_NX;
            return r;
        }
        if ((uint32_t)(r << 1) == 0) return r;
    }
#endif
    return f32_add(a, b, rm, fl);
}

static inline sf32 hf_f32_sub(sf32 a, sf32 b, int rm, unsigned *fl)
{
#if HARDFLOAT
    return hf_f32_add(a, b ^ 0x80000000u, rm, fl);
#else
    return f32_sub(a, b, rm, fl);
#endif
}

static inline sf32 hf_f32_mul(sf32 a, sf32 b, int rm, unsigned *fl)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && hf32_in(a) && hf32_in(b)) {
        float x = hf_f(a), y = hf_f(b), p = x * y;
        uint32_t r = hf_u32(p);
        if (hf32_out(r)) {
            if (!(*fl & SOFTFP_NX) && (double)x * (double)y != (double)p) *fl |= SOFTFP_NX;
            return r;
        }
        if ((uint32_t)(r << 1) == 0 && ((uint32_t)(a << 1) == 0 || (uint32_t)(b << 1) == 0)) return r;
    }
#endif
    return f32_mul(a, b, rm, fl);
}

static inline sf32 hf_f32_div(sf32 a, sf32 b, int rm, unsigned *fl)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && hf32_in(a) && hf32_in(b) && (uint32_t)(b << 1) != 0) {
        float x = hf_f(a), y = hf_f(b), q = x / y;
        uint32_t r = hf_u32(q);
        if (hf32_out(r)) {
            if (!(*fl & SOFTFP_NX) && (double)q * (double)y != (double)x) *fl |= SOFTFP_NX;
            return r;
        }
        if ((uint32_t)(a << 1) == 0) return r;
    }
#endif
    return f32_div(a, b, rm, fl);
}

static inline sf32 hf_f32_sqrt(sf32 a, int rm, unsigned *fl)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && hf32_in(a)) {
        if ((uint32_t)(a << 1) == 0) return a;
        if (!(a & HF32_SIGN)) {
            float x = hf_f(a), s = sqrtf(x);
            if (!(*fl & SOFTFP_NX) && (double)s * (double)s != (double)x) *fl |= SOFTFP_NX;
            return hf_u32(s);
        }
    }
#endif
    return f32_sqrt(a, rm, fl);
}

static inline sf32 hf_f32_fma(sf32 a, sf32 b, sf32 c, int rm, unsigned *fl, sf32 (*soft)(sf32, sf32, sf32, int, unsigned *),
                              uint32_t neg_prod, uint32_t neg_c)
{
#if HARDFLOAT
    if (rm == SOFTFP_RNE && (*fl & SOFTFP_NX) && hf32_in(a) && hf32_in(b) && hf32_in(c)) {
        uint32_t r = hf_u32(fmaf(hf_f(a ^ neg_prod), hf_f(b), hf_f(c ^ neg_c)));
        if (hf32_out(r)) return r;
    }
#else
    (void)neg_prod; (void)neg_c;
#endif
    return soft(a, b, c, rm, fl);
}
static inline sf32 hf_f32_muladd(sf32 a, sf32 b, sf32 c, int rm, unsigned *fl)
{
    return hf_f32_fma(a, b, c, rm, fl, f32_muladd, 0, 0);
}
static inline sf32 hf_f32_mulsub(sf32 a, sf32 b, sf32 c, int rm, unsigned *fl)
{
    return hf_f32_fma(a, b, c, rm, fl, f32_mulsub, 0, 0x80000000u);
}
static inline sf32 hf_f32_nmulsub(sf32 a, sf32 b, sf32 c, int rm, unsigned *fl)
{
    return hf_f32_fma(a, b, c, rm, fl, f32_nmulsub, 0x80000000u, 0);
}
static inline sf32 hf_f32_nmuladd(sf32 a, sf32 b, sf32 c, int rm, unsigned *fl)
{
    return hf_f32_fma(a, b, c, rm, fl, f32_nmuladd, 0x80000000u, 0x80000000u);
}

#endif
