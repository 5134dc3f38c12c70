/* mpfr_diff.c: differential test of src/cpu/softfp.c against GNU MPFR, every operation, mode and format (IEEE 754-2008, RISC-V F/D/Zfh). */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gmp.h>
#include <mpfr.h>

#include "cpu/softfp.h"

#ifdef MPFR_DIFF_HARDFLOAT
/* mpfr_diff_hardfloat: the same comparison for the interpreter's entry points, src/cpu/hardfloat.h
 * (host FPU in RNE for normal operands, soft-float otherwise). Every other case starts with NX
 * already set in the flags, as fflags' sticky NX does in the interpreter, which takes the paths
 * that skip the exactness checks; the expected flags are then the reference's plus NX. */
#include "cpu/hardfloat.h"
#define f32_add hf_f32_add
#define f32_sub hf_f32_sub
#define f32_mul hf_f32_mul
#define f32_div hf_f32_div
#define f32_sqrt hf_f32_sqrt
#define f32_muladd hf_f32_muladd
#define f32_mulsub hf_f32_mulsub
#define f32_nmulsub hf_f32_nmulsub
#define f32_nmuladd hf_f32_nmuladd
#define f64_add hf_f64_add
#define f64_sub hf_f64_sub
#define f64_mul hf_f64_mul
#define f64_div hf_f64_div
#define f64_sqrt hf_f64_sqrt
#define f64_muladd hf_f64_muladd
#define f64_mulsub hf_f64_mulsub
#define f64_nmulsub hf_f64_nmulsub
#define f64_nmuladd hf_f64_nmuladd
#define PRESET_NX(k) (((k) & 1) ? SOFTFP_NX : 0u)
#else
#define PRESET_NX(k) 0u
#endif

/*
 * For each (format, operation, rounding mode) this draws operands from biased generators and compares the
 * library's result bits and fflags with a reference:
 *
 *  - Values: MPFR computes the correctly rounded result at the format's precision with an unbounded
 *    exponent range; mpfr_check_range + mpfr_subnormalize, under the exponent range that models the
 *    format, then give the format's result, overflow and inexactness (the MPFR manual's recipe for
 *    emulating IEEE subnormals). MPFR has no ties-to-away mode, so RMM is derived: it equals the RNE
 *    result except when the exact result is a midpoint between two neighbours, where it equals the
 *    round-away (MPFR_RNDA) result; the midpoint test computes the exact result at 2p + 8 bits.
 *  - UF: tininess after rounding (RISC-V F): the result rounded to p bits with an unbounded exponent is
 *    nonzero and below 2^emin; UF = tiny and inexact.
 *  - NaN and NV: MPFR's NaN flag gives the invalid operations (inf - inf, 0 * inf, 0/0, inf/inf, sqrt of a
 *    negative) and its divide-by-zero flag gives DZ; NaN operands follow RISC-V: canonical NaN result, NV
 *    iff some operand is signalling, and fused multiply-add raises NV for inf * 0 even with a quiet NaN
 *    addend. Comparisons, fmin/fmax, fclass and conversions to integers are modelled from the RISC-V
 *    text directly, using MPFR for the ordering and the rounding to an integer.
 *
 * Operands are decoded from bits into MPFR values with integer arithmetic only (no host floating point).
 */

/* ------------------------------------------------------------------------------------------------ */
/* Formats                                                                                          */

struct fmt {
    const char *name;
    int p, fb, eb;             /* precision, fraction bits, exponent bits */
    mpfr_exp_t emin, emax;     /* MPFR exponent range modelling the format (value = 0.1xxx * 2^e) */
    mpfr_exp_t emin_normal;    /* MPFR exponent of the smallest normal number */
    uint64_t canon;
};

static const struct fmt FMT32 = {"f32", 24, 23, 8, -148, 128, -125, 0x7fc00000u};
static const struct fmt FMT64 = {"f64", 53, 52, 11, -1073, 1024, -1021, 0x7ff8000000000000u};
/* Zfh: smallest subnormal 2^-24 = 0.1 * 2^-23, largest finite below 2^16, smallest normal 2^-14 */
static const struct fmt FMT16 = {"f16", 11, 10, 5, -23, 16, -13, 0x7e00u};

static uint64_t fmask(const struct fmt *F) { return ((uint64_t)1 << F->fb) - 1; }
static uint64_t emask(const struct fmt *F) { return ((uint64_t)1 << F->eb) - 1; }
static int64_t bias(const struct fmt *F) { return ((int64_t)1 << (F->eb - 1)) - 1; }
static uint64_t signbit(const struct fmt *F) { return (uint64_t)1 << (F->fb + F->eb); }
static uint64_t allmask(const struct fmt *F) { return (signbit(F) << 1) - 1; }
static uint64_t inf_bits(const struct fmt *F) { return emask(F) << F->fb; }
static uint64_t efield(const struct fmt *F, uint64_t x) { return (x >> F->fb) & emask(F); }

static uint64_t make(const struct fmt *F, unsigned sign, uint64_t ef, uint64_t frac)
{
    return ((uint64_t)(sign & 1u) << (F->fb + F->eb)) | ((ef & emask(F)) << F->fb) | (frac & fmask(F));
}

static int isnan_b(const struct fmt *F, uint64_t x) { return (x & ~signbit(F)) > inf_bits(F); }
static int issnan_b(const struct fmt *F, uint64_t x) { return isnan_b(F, x) && !((x >> (F->fb - 1)) & 1); }
static int isinf_b(const struct fmt *F, uint64_t x) { return (x & ~signbit(F)) == inf_bits(F); }
static int iszero_b(const struct fmt *F, uint64_t x) { return (x & ~signbit(F)) == 0; }
static int isfinite_nz_b(const struct fmt *F, uint64_t x)
{
    return !iszero_b(F, x) && efield(F, x) != emask(F);
}

/* ------------------------------------------------------------------------------------------------ */
/* Bits <-> MPFR                                                                                    */

static mpfr_exp_t wide_emin, wide_emax;

static void set_wide(void)
{
    mpfr_set_emin(wide_emin);
    mpfr_set_emax(wide_emax);
}

/* x (precision >= p) := the value encoded by v; exact */
static void set_bits(mpfr_ptr x, uint64_t v, const struct fmt *F)
{
    unsigned sign = (unsigned)(v >> (F->fb + F->eb)) & 1u;
    uint64_t e = efield(F, v), f = v & fmask(F);
    long scale;
    if (e == emask(F)) {
        if (f)
            mpfr_set_nan(x);
        else
            mpfr_set_inf(x, sign ? -1 : 1);
        return;
    }
    if (e == 0 && f == 0) {
        mpfr_set_zero(x, sign ? -1 : 1);
        return;
    }
    if (e == 0) {
        scale = (long)(1 - bias(F) - F->fb);
    } else {
        f |= (uint64_t)1 << F->fb;
        scale = (long)((int64_t)e - bias(F) - F->fb);
    }
    if (mpfr_set_uj(x, f, MPFR_RNDN) != 0 || mpfr_mul_2si(x, x, scale, MPFR_RNDN) != 0) {
        fprintf(stderr, "mpfr_diff: internal error: inexact decode of %#" PRIx64 "\n", v);
        exit(2);
    }
    if (sign)
        mpfr_neg(x, x, MPFR_RNDN);
}

static mpfr_t g_tmp; /* precision 64 */

/* The format's encoding of x, which must be representable (NaN gives the canonical NaN). */
static uint64_t get_bits(mpfr_srcptr x, const struct fmt *F)
{
    uint64_t sb = mpfr_signbit(x) ? signbit(F) : 0, m, field;
    mpfr_exp_t E;
    if (mpfr_nan_p(x))
        return F->canon;
    if (mpfr_inf_p(x))
        return sb | inf_bits(F);
    if (mpfr_zero_p(x))
        return sb;
    E = mpfr_get_exp(x) - 1; /* unbiased exponent of the leading bit */
    mpfr_abs(g_tmp, x, MPFR_RNDN); /* exact: x has at most 64 bits */
    if (E >= 1 - bias(F)) {
        mpfr_mul_2si(g_tmp, g_tmp, (long)(F->fb - E), MPFR_RNDN);
        field = (uint64_t)(E + bias(F));
    } else {
        mpfr_mul_2si(g_tmp, g_tmp, (long)(bias(F) - 1 + F->fb), MPFR_RNDN);
        field = 0;
    }
    if (!mpfr_integer_p(g_tmp) || field >= emask(F) || mpfr_get_prec(x) > 64) {
        fprintf(stderr, "mpfr_diff: internal error: value not representable in %s\n", F->name);
        mpfr_dump(x);
        exit(2);
    }
    m = mpfr_get_uj(g_tmp, MPFR_RNDN);
    if ((field == 0 && m > fmask(F)) || (field != 0 && (m >> F->fb) != 1)) {
        fprintf(stderr, "mpfr_diff: internal error: bad significand in %s\n", F->name);
        mpfr_dump(x);
        exit(2);
    }
    return sb | (field << F->fb) | (m & fmask(F));
}

/* ------------------------------------------------------------------------------------------------ */
/* Reference rounding                                                                               */

typedef int (*ref_fn)(mpfr_ptr y, mpfr_srcptr *x, mpfr_rnd_t rnd);

static int r_add(mpfr_ptr y, mpfr_srcptr *x, mpfr_rnd_t r) { return mpfr_add(y, x[0], x[1], r); }
static int r_sub(mpfr_ptr y, mpfr_srcptr *x, mpfr_rnd_t r) { return mpfr_sub(y, x[0], x[1], r); }
static int r_mul(mpfr_ptr y, mpfr_srcptr *x, mpfr_rnd_t r) { return mpfr_mul(y, x[0], x[1], r); }
static int r_div(mpfr_ptr y, mpfr_srcptr *x, mpfr_rnd_t r) { return mpfr_div(y, x[0], x[1], r); }
static int r_sqrt(mpfr_ptr y, mpfr_srcptr *x, mpfr_rnd_t r) { return mpfr_sqrt(y, x[0], r); }
static int r_fma(mpfr_ptr y, mpfr_srcptr *x, mpfr_rnd_t r) { return mpfr_fma(y, x[0], x[1], x[2], r); }
static int r_set(mpfr_ptr y, mpfr_srcptr *x, mpfr_rnd_t r) { return mpfr_set(y, x[0], r); }

struct ref {
    uint64_t bits;
    unsigned flags;
};

static mpfr_t g_y, g_y2, g_z, g_z2, g_exact, g_mid; /* resized per format */

static void set_work_prec(const struct fmt *F)
{
    mpfr_set_prec(g_y, F->p);
    mpfr_set_prec(g_y2, F->p);
    mpfr_set_prec(g_z, F->p);
    mpfr_set_prec(g_z2, F->p);
    mpfr_set_prec(g_exact, 2 * F->p + 8);
    mpfr_set_prec(g_mid, 2 * F->p + 8);
}

/* y := fn(x) rounded to format F in MPFR mode rnd. Returns NV (invalid), DZ, OF and NX; *tiny tells
 * whether the result rounded to p bits with an unbounded exponent is tiny. */
static unsigned ref_mode(const struct fmt *F, ref_fn fn, mpfr_srcptr *x, mpfr_rnd_t rnd, mpfr_ptr y, int *tiny)
{
    unsigned fl = 0;
    int t;
    mpfr_clear_flags();
    t = fn(y, x, rnd); /* wide exponent range: only the precision limits it */
    *tiny = 0;
    if (mpfr_nan_p(y))
        return SOFTFP_NV;
    if (mpfr_divby0_p())
        fl |= SOFTFP_DZ;
    *tiny = mpfr_regular_p(y) && mpfr_get_exp(y) < F->emin_normal;
    mpfr_set_emin(F->emin);
    mpfr_set_emax(F->emax);
    t = mpfr_check_range(y, t, rnd);
    t = mpfr_subnormalize(y, t, rnd);
    if (mpfr_overflow_p())
        fl |= SOFTFP_OF;
    set_wide();
    if (t)
        fl |= SOFTFP_NX;
    return fl;
}

static int same_value(mpfr_srcptr a, mpfr_srcptr b)
{
    return mpfr_equal_p(a, b) && !mpfr_signbit(a) == !mpfr_signbit(b);
}

/* Is the exact value of fn(x) the midpoint of the finite neighbours lo and hi? */
static int is_midpoint(ref_fn fn, mpfr_srcptr *x, mpfr_srcptr lo, mpfr_srcptr hi)
{
    if (!mpfr_number_p(lo) || !mpfr_number_p(hi))
        return 0;
    if (fn(g_exact, x, MPFR_RNDN) != 0) /* a midpoint has at most p + 1 bits */
        return 0;
    if (mpfr_add(g_mid, lo, hi, MPFR_RNDN) != 0) {
        fprintf(stderr, "mpfr_diff: internal error: inexact midpoint\n");
        exit(2);
    }
    mpfr_div_2ui(g_mid, g_mid, 1, MPFR_RNDN);
    return mpfr_equal_p(g_exact, g_mid);
}

static const mpfr_rnd_t mpfr_mode[4] = {MPFR_RNDN, MPFR_RNDZ, MPFR_RNDD, MPFR_RNDU};

static unsigned long long g_ties; /* RMM cases whose exact result was a midpoint (for --stats) */

/* The reference result of fn(x) in format F under RISC-V rounding mode rm. */
static struct ref ref_round(const struct fmt *F, ref_fn fn, mpfr_srcptr *x, int rm)
{
    struct ref r;
    int tiny, tiny2;
    unsigned fl;
    if (rm != SOFTFP_RMM) {
        fl = ref_mode(F, fn, x, mpfr_mode[rm], g_y, &tiny);
    } else {
        unsigned fl2;
        fl = ref_mode(F, fn, x, MPFR_RNDN, g_y, &tiny);
        fl2 = ref_mode(F, fn, x, MPFR_RNDA, g_y2, &tiny2);
        if (!(fl & SOFTFP_NV) && !same_value(g_y, g_y2) && is_midpoint(fn, x, g_y, g_y2)) {
            mpfr_set(g_y, g_y2, MPFR_RNDN);
            fl = fl2;
            g_ties++;
        }
        /* tininess under ties-away, unbounded exponent */
        if (!(fl & SOFTFP_NV)) {
            fn(g_z, x, MPFR_RNDN);
            fn(g_z2, x, MPFR_RNDA);
            if (!same_value(g_z, g_z2) && is_midpoint(fn, x, g_z, g_z2))
                mpfr_set(g_z, g_z2, MPFR_RNDN);
            tiny = mpfr_regular_p(g_z) && mpfr_get_exp(g_z) < F->emin_normal;
        }
    }
    if (fl & SOFTFP_NV) {
        r.bits = F->canon;
    } else {
        r.bits = get_bits(g_y, F);
        if (tiny && (fl & SOFTFP_NX))
            fl |= SOFTFP_UF;
    }
    r.flags = fl;
    return r;
}

/* ------------------------------------------------------------------------------------------------ */
/* Operations                                                                                       */

enum {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_MADD, OP_MSUB, OP_NMSUB, OP_NMADD,
    OP_MIN, OP_MAX, OP_EQ, OP_LT, OP_LE, OP_CLASS,
    OP_TO_I32, OP_TO_U32, OP_TO_I64, OP_TO_U64,
    OP_FROM_I32, OP_FROM_U32, OP_FROM_I64, OP_FROM_U64,
    OP_CVT, OP_CVT2, /* OP_CVT2: binary16 lines only (f32_to_f16) */ OP_COUNT
};

struct opinfo {
    const char *name;
    int uses_rm;
};

static const struct opinfo ops[OP_COUNT] = {
    [OP_ADD] = {"add", 1}, [OP_SUB] = {"sub", 1}, [OP_MUL] = {"mul", 1}, [OP_DIV] = {"div", 1},
    [OP_SQRT] = {"sqrt", 1}, [OP_MADD] = {"muladd", 1}, [OP_MSUB] = {"mulsub", 1},
    [OP_NMSUB] = {"nmulsub", 1}, [OP_NMADD] = {"nmuladd", 1},
    [OP_MIN] = {"min", 0}, [OP_MAX] = {"max", 0}, [OP_EQ] = {"eq", 0}, [OP_LT] = {"lt", 0},
    [OP_LE] = {"le", 0}, [OP_CLASS] = {"classify", 0},
    [OP_TO_I32] = {"to_i32", 1}, [OP_TO_U32] = {"to_u32", 1}, [OP_TO_I64] = {"to_i64", 1},
    [OP_TO_U64] = {"to_u64", 1},
    [OP_FROM_I32] = {"i32", 1}, [OP_FROM_U32] = {"u32", 1}, [OP_FROM_I64] = {"i64", 1},
    [OP_FROM_U64] = {"u64", 1},
    [OP_CVT] = {"cvt", 1}, [OP_CVT2] = {"cvt2", 1},
};

static int is_f32(const struct fmt *F) { return F->p == 24; }
static int is_f16(const struct fmt *F) { return F->p == 11; }
static int arity(int op)
{
    if (op >= OP_MADD && op <= OP_NMADD)
        return 3;
    if (op == OP_SQRT || op == OP_CLASS || op >= OP_TO_I32)
        return 1;
    return 2;
}
static int is_fma(int op) { return op >= OP_MADD && op <= OP_NMADD; }
static int is_from_int(int op) { return op >= OP_FROM_I32 && op <= OP_FROM_U64; }
static int is_to_int(int op) { return op >= OP_TO_I32 && op <= OP_TO_U64; }

/* the operation's label, e.g. "f64_add", "f32_to_u64", "i64_to_f32", "f64_to_f32" */
static void label(char *buf, size_t n, const struct fmt *F, int op)
{
    if (is_from_int(op))
        snprintf(buf, n, "%s_to_%s", ops[op].name, F->name);
    else if (is_f16(F) && (op == OP_CVT || op == OP_CVT2))
        snprintf(buf, n, "%s", op == OP_CVT ? "f64_to_f16" : "f32_to_f16");
    else if (op == OP_CVT)
        snprintf(buf, n, "%s", is_f32(F) ? "f32_to_f64" : "f64_to_f32");
    else
        snprintf(buf, n, "%s_%s", F->name, ops[op].name);
}
static int line_uses_rm(const struct fmt *F, int op)
{
    if (op == OP_CVT)
        return !is_f32(F); /* f32_to_f64 is exact and takes no rounding mode */
    if (op == OP_CVT2)
        return 1;
    return ops[op].uses_rm;
}

/* integer operand for the from-int conversions: i32 sign-extended, u32 zero-extended */
static int64_t as_i64(uint64_t v) { return v <= (uint64_t)INT64_MAX ? (int64_t)v : -(int64_t)(~v) - 1; }

static uint64_t lib_call(const struct fmt *F, int op, uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl)
{
    if (is_f16(F)) {
        sf16 x = (sf16)a, y = (sf16)b, z = (sf16)c;
        switch (op) {
        case OP_ADD: return f16_add(x, y, rm, fl);
        case OP_SUB: return f16_sub(x, y, rm, fl);
        case OP_MUL: return f16_mul(x, y, rm, fl);
        case OP_DIV: return f16_div(x, y, rm, fl);
        case OP_SQRT: return f16_sqrt(x, rm, fl);
        case OP_MADD: return f16_muladd(x, y, z, rm, fl);
        case OP_MSUB: return f16_mulsub(x, y, z, rm, fl);
        case OP_NMSUB: return f16_nmulsub(x, y, z, rm, fl);
        case OP_NMADD: return f16_nmuladd(x, y, z, rm, fl);
        case OP_MIN: return f16_min(x, y, fl);
        case OP_MAX: return f16_max(x, y, fl);
        case OP_EQ: return (uint64_t)f16_eq(x, y, fl);
        case OP_LT: return (uint64_t)f16_lt(x, y, fl);
        case OP_LE: return (uint64_t)f16_le(x, y, fl);
        case OP_CLASS: return f16_classify(x);
        case OP_TO_I32: return (uint64_t)(int64_t)f16_to_i32(x, rm, fl);
        case OP_TO_U32: return f16_to_u32(x, rm, fl);
        case OP_TO_I64: return (uint64_t)f16_to_i64(x, rm, fl);
        case OP_TO_U64: return f16_to_u64(x, rm, fl);
        case OP_FROM_I32: return i32_to_f16((int32_t)as_i64(a), rm, fl);
        case OP_FROM_U32: return u32_to_f16((uint32_t)a, rm, fl);
        case OP_FROM_I64: return i64_to_f16(as_i64(a), rm, fl);
        case OP_FROM_U64: return u64_to_f16(a, rm, fl);
        case OP_CVT: return f64_to_f16(a, rm, fl);
        case OP_CVT2: return f32_to_f16((sf32)a, rm, fl);
        }
        return 0;
    }
    if (is_f32(F)) {
        sf32 x = (sf32)a, y = (sf32)b, z = (sf32)c;
        switch (op) {
        case OP_ADD: return f32_add(x, y, rm, fl);
        case OP_SUB: return f32_sub(x, y, rm, fl);
        case OP_MUL: return f32_mul(x, y, rm, fl);
        case OP_DIV: return f32_div(x, y, rm, fl);
        case OP_SQRT: return f32_sqrt(x, rm, fl);
        case OP_MADD: return f32_muladd(x, y, z, rm, fl);
        case OP_MSUB: return f32_mulsub(x, y, z, rm, fl);
        case OP_NMSUB: return f32_nmulsub(x, y, z, rm, fl);
        case OP_NMADD: return f32_nmuladd(x, y, z, rm, fl);
        case OP_MIN: return f32_min(x, y, fl);
        case OP_MAX: return f32_max(x, y, fl);
        case OP_EQ: return (uint64_t)f32_eq(x, y, fl);
        case OP_LT: return (uint64_t)f32_lt(x, y, fl);
        case OP_LE: return (uint64_t)f32_le(x, y, fl);
        case OP_CLASS: return f32_classify(x);
        case OP_TO_I32: return (uint64_t)(int64_t)f32_to_i32(x, rm, fl);
        case OP_TO_U32: return f32_to_u32(x, rm, fl);
        case OP_TO_I64: return (uint64_t)f32_to_i64(x, rm, fl);
        case OP_TO_U64: return f32_to_u64(x, rm, fl);
        case OP_FROM_I32: return i32_to_f32((int32_t)as_i64(a), rm, fl);
        case OP_FROM_U32: return u32_to_f32((uint32_t)a, rm, fl);
        case OP_FROM_I64: return i64_to_f32(as_i64(a), rm, fl);
        case OP_FROM_U64: return u64_to_f32(a, rm, fl);
        case OP_CVT: return f32_to_f64(x, fl);
        }
    } else {
        switch (op) {
        case OP_ADD: return f64_add(a, b, rm, fl);
        case OP_SUB: return f64_sub(a, b, rm, fl);
        case OP_MUL: return f64_mul(a, b, rm, fl);
        case OP_DIV: return f64_div(a, b, rm, fl);
        case OP_SQRT: return f64_sqrt(a, rm, fl);
        case OP_MADD: return f64_muladd(a, b, c, rm, fl);
        case OP_MSUB: return f64_mulsub(a, b, c, rm, fl);
        case OP_NMSUB: return f64_nmulsub(a, b, c, rm, fl);
        case OP_NMADD: return f64_nmuladd(a, b, c, rm, fl);
        case OP_MIN: return f64_min(a, b, fl);
        case OP_MAX: return f64_max(a, b, fl);
        case OP_EQ: return (uint64_t)f64_eq(a, b, fl);
        case OP_LT: return (uint64_t)f64_lt(a, b, fl);
        case OP_LE: return (uint64_t)f64_le(a, b, fl);
        case OP_CLASS: return f64_classify(a);
        case OP_TO_I32: return (uint64_t)(int64_t)f64_to_i32(a, rm, fl);
        case OP_TO_U32: return f64_to_u32(a, rm, fl);
        case OP_TO_I64: return (uint64_t)f64_to_i64(a, rm, fl);
        case OP_TO_U64: return f64_to_u64(a, rm, fl);
        case OP_FROM_I32: return i32_to_f64((int32_t)as_i64(a), rm, fl);
        case OP_FROM_U32: return u32_to_f64((uint32_t)a, rm, fl);
        case OP_FROM_I64: return i64_to_f64(as_i64(a), rm, fl);
        case OP_FROM_U64: return u64_to_f64(a, rm, fl);
        case OP_CVT: return f64_to_f32(a, rm, fl);
        }
    }
    return 0;
}

static mpfr_t g_x[3];        /* operands, precision 64 */
static mpfr_t g_int;         /* integer rounding, precision 1100 */
static mpfr_t g_lo, g_hi;    /* integer bounds, precision 64 */

static struct ref ref_to_int(const struct fmt *F, int op, uint64_t a, int rm)
{
    const int width = (op == OP_TO_I32 || op == OP_TO_U32) ? 32 : 64;
    const int sgn = op == OP_TO_I32 || op == OP_TO_I64;
    const uint64_t maxpos = sgn ? ((uint64_t)1 << (width - 1)) - 1
                                : (width == 64 ? UINT64_MAX : ((uint64_t)1 << width) - 1);
    const uint64_t minneg = sgn ? (uint64_t)0 - ((uint64_t)1 << (width - 1)) : 0; /* two's complement */
    struct ref r = {0, 0};

    /* RISC-V F, fcvt table: NaN -> largest positive integer, NV */
    if (isnan_b(F, a)) {
        r.bits = maxpos;
        r.flags = SOFTFP_NV;
        return r;
    }
    set_bits(g_x[0], a, F);
    mpfr_set_uj(g_hi, maxpos, MPFR_RNDN);
    if (sgn)
        mpfr_set_sj(g_lo, as_i64(minneg), MPFR_RNDN);
    else
        mpfr_set_ui(g_lo, 0, MPFR_RNDN);
    switch (rm) {
    case SOFTFP_RNE: mpfr_rint(g_int, g_x[0], MPFR_RNDN); break;
    case SOFTFP_RTZ: mpfr_rint(g_int, g_x[0], MPFR_RNDZ); break;
    case SOFTFP_RDN: mpfr_rint(g_int, g_x[0], MPFR_RNDD); break;
    case SOFTFP_RUP: mpfr_rint(g_int, g_x[0], MPFR_RNDU); break;
    default: mpfr_round(g_int, g_x[0]); break; /* ties away from zero */
    }
    if (mpfr_cmp(g_int, g_hi) > 0) { /* includes +inf */
        r.bits = maxpos;
        r.flags = SOFTFP_NV;
    } else if (mpfr_cmp(g_int, g_lo) < 0) { /* includes -inf */
        r.bits = minneg;
        r.flags = SOFTFP_NV;
    } else {
        r.bits = sgn ? (uint64_t)mpfr_get_sj(g_int, MPFR_RNDN) : (uint64_t)mpfr_get_uj(g_int, MPFR_RNDN);
        if (!mpfr_equal_p(g_int, g_x[0]))
            r.flags = SOFTFP_NX;
    }
    return r;
}

static struct ref ref_call(const struct fmt *F, int op, uint64_t a, uint64_t b, uint64_t c, int rm)
{
    struct ref r = {0, 0};
    mpfr_srcptr x[3] = {g_x[0], g_x[1], g_x[2]};
    const int n = arity(op);

    if (is_from_int(op)) {
        if (op == OP_FROM_I32 || op == OP_FROM_I64)
            mpfr_set_sj(g_x[0], as_i64(a), MPFR_RNDN);
        else
            mpfr_set_uj(g_x[0], a, MPFR_RNDN);
        return ref_round(F, r_set, x, rm);
    }
    if (is_to_int(op))
        return ref_to_int(F, op, a, rm);

    if (op == OP_CLASS) {
        if (isnan_b(F, a)) {
            r.bits = issnan_b(F, a) ? SOFTFP_CLASS_SNAN : SOFTFP_CLASS_QNAN;
            return r;
        }
        set_bits(g_x[0], a, F);
        if (mpfr_inf_p(g_x[0]))
            r.bits = mpfr_signbit(g_x[0]) ? SOFTFP_CLASS_NEG_INF : SOFTFP_CLASS_POS_INF;
        else if (mpfr_zero_p(g_x[0]))
            r.bits = mpfr_signbit(g_x[0]) ? SOFTFP_CLASS_NEG_ZERO : SOFTFP_CLASS_POS_ZERO;
        else if (mpfr_get_exp(g_x[0]) < F->emin_normal)
            r.bits = mpfr_signbit(g_x[0]) ? SOFTFP_CLASS_NEG_SUBNORMAL : SOFTFP_CLASS_POS_SUBNORMAL;
        else
            r.bits = mpfr_signbit(g_x[0]) ? SOFTFP_CLASS_NEG_NORMAL : SOFTFP_CLASS_POS_NORMAL;
        return r;
    }

    if (op == OP_MIN || op == OP_MAX) {
        /* minimumNumber / maximumNumber */
        int an = isnan_b(F, a), bn = isnan_b(F, b), cmp;
        if (issnan_b(F, a) || issnan_b(F, b))
            r.flags = SOFTFP_NV;
        if (an && bn) {
            r.bits = F->canon;
            return r;
        }
        if (an || bn) {
            r.bits = an ? b : a;
            return r;
        }
        set_bits(g_x[0], a, F);
        set_bits(g_x[1], b, F);
        cmp = mpfr_cmp(g_x[0], g_x[1]);
        if (cmp == 0) /* equal values: only +0 and -0 differ in bits; -0 is the smaller */
            cmp = mpfr_signbit(g_x[0]) && !mpfr_signbit(g_x[1]) ? -1 : (!mpfr_signbit(g_x[0]) && mpfr_signbit(g_x[1]) ? 1 : 0);
        if (op == OP_MIN)
            r.bits = cmp <= 0 ? a : b;
        else
            r.bits = cmp >= 0 ? a : b;
        return r;
    }

    if (op == OP_EQ || op == OP_LT || op == OP_LE) {
        if (isnan_b(F, a) || isnan_b(F, b)) {
            if (op != OP_EQ || issnan_b(F, a) || issnan_b(F, b))
                r.flags = SOFTFP_NV;
            return r;
        }
        set_bits(g_x[0], a, F);
        set_bits(g_x[1], b, F);
        if (op == OP_EQ)
            r.bits = (uint64_t)(mpfr_equal_p(g_x[0], g_x[1]) != 0);
        else if (op == OP_LT)
            r.bits = (uint64_t)(mpfr_less_p(g_x[0], g_x[1]) != 0);
        else
            r.bits = (uint64_t)(mpfr_lessequal_p(g_x[0], g_x[1]) != 0);
        return r;
    }

    if (op == OP_CVT || op == OP_CVT2) {
        /* f32 <-> f64 lines convert from F; binary16 lines convert f64 (OP_CVT) or f32 (OP_CVT2) to F */
        const struct fmt *S = is_f16(F) ? (op == OP_CVT ? &FMT64 : &FMT32) : F;
        const struct fmt *T = is_f16(F) ? F : is_f32(F) ? &FMT64 : &FMT32;
        if (isnan_b(S, a)) {
            r.bits = T->canon;
            r.flags = issnan_b(S, a) ? SOFTFP_NV : 0;
            return r;
        }
        set_bits(g_x[0], a, S);
        set_work_prec(T);
        r = ref_round(T, r_set, x, is_f32(F) ? SOFTFP_RNE : rm);
        set_work_prec(F);
        return r;
    }

    /* arithmetic: RISC-V NaN rules first */
    {
        int anynan = isnan_b(F, a) || (n >= 2 && isnan_b(F, b)) || (n >= 3 && isnan_b(F, c));
        int anysnan = issnan_b(F, a) || (n >= 2 && issnan_b(F, b)) || (n >= 3 && issnan_b(F, c));
        int inf_times_zero = is_fma(op) && ((isinf_b(F, a) && iszero_b(F, b)) || (iszero_b(F, a) && isinf_b(F, b)));
        if (anynan || inf_times_zero) {
            r.bits = F->canon;
            r.flags = (anysnan || inf_times_zero) ? SOFTFP_NV : 0;
            return r;
        }
    }
    set_bits(g_x[0], a, F);
    if (n >= 2)
        set_bits(g_x[1], b, F);
    if (n >= 3)
        set_bits(g_x[2], c, F);
    switch (op) {
    case OP_ADD: return ref_round(F, r_add, x, rm);
    case OP_SUB: return ref_round(F, r_sub, x, rm);
    case OP_MUL: return ref_round(F, r_mul, x, rm);
    case OP_DIV: return ref_round(F, r_div, x, rm);
    case OP_SQRT: return ref_round(F, r_sqrt, x, rm);
    case OP_MADD: break;
    case OP_MSUB: mpfr_neg(g_x[2], g_x[2], MPFR_RNDN); break;                                    /*  a*b - c  */
    case OP_NMSUB: mpfr_neg(g_x[0], g_x[0], MPFR_RNDN); break;                                   /* -(a*b) + c */
    case OP_NMADD: mpfr_neg(g_x[0], g_x[0], MPFR_RNDN); mpfr_neg(g_x[2], g_x[2], MPFR_RNDN); break; /* -(a*b) - c */
    }
    return ref_round(F, r_fma, x, rm);
}

/* ------------------------------------------------------------------------------------------------ */
/* Operand generators                                                                               */

static uint64_t rng_state;

static uint64_t rnd64(void) /* splitmix64 */
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static uint64_t rndn(uint64_t n) { return rnd64() % n; }
static unsigned rbit(void) { return (unsigned)(rnd64() >> 63); }

/* the top j bits of a fraction random, the rest zero */
static uint64_t short_frac(const struct fmt *F, int j)
{
    if (j <= 0)
        return 0;
    if (j > F->fb)
        j = F->fb;
    return (rnd64() >> (64 - j)) << (F->fb - j);
}

static uint64_t rand_frac(const struct fmt *F)
{
    switch (rndn(7)) {
    case 0: case 1: return rnd64() & fmask(F);
    case 2: return rnd64() & rnd64() & rnd64() & fmask(F);   /* sparse */
    case 3: return (rnd64() | rnd64() | rnd64()) & fmask(F); /* dense */
    case 4: return short_frac(F, (int)rndn((uint64_t)F->fb + 1));
    case 5: return fmask(F) - rndn(8);
    default: return rndn(8) << (rndn(2) ? 0 : F->fb - 3);
    }
}

static uint64_t gen_special(const struct fmt *F)
{
    const unsigned s = rbit();
    const uint64_t B = (uint64_t)bias(F), E = emask(F);
    switch (rndn(18)) {
    case 0: return make(F, s, 0, 0);                       /* zero */
    case 1: return make(F, s, 0, 1);                       /* smallest subnormal */
    case 2: return make(F, s, 0, fmask(F));                /* largest subnormal */
    case 3: return make(F, s, 1, 0);                       /* smallest normal */
    case 4: return make(F, s, E - 1, fmask(F));            /* largest finite */
    case 5: return make(F, s, E, 0);                       /* infinity */
    case 6: return make(F, 0, E, (uint64_t)1 << (F->fb - 1)); /* canonical NaN */
    case 7: return make(F, s, E, ((uint64_t)1 << (F->fb - 1)) | (rnd64() & fmask(F))); /* quiet NaN */
    case 8: return make(F, s, E, 1);                       /* signalling NaN */
    case 9: return make(F, s, E, (rnd64() & (fmask(F) >> 1)) | 1); /* signalling NaN */
    case 10: return make(F, s, B, 0);                      /* 1 */
    case 11: return make(F, s, B, 1);                      /* 1 + ulp */
    case 12: return make(F, s, B - 1, fmask(F));           /* 1 - ulp/2 */
    case 13: return make(F, s, 1, 1);
    case 14: return make(F, s, 0, fmask(F) - 1);
    case 15: return make(F, s, E - 1, fmask(F) - 1);
    case 16: return make(F, s, E - 1, 0);
    default: return make(F, s, B + 1, (uint64_t)1 << (F->fb - 1)); /* 3 */
    }
}

static uint64_t gen_fp(const struct fmt *F)
{
    const unsigned s = rbit();
    const uint64_t B = (uint64_t)bias(F), E = emask(F);
    switch (rndn(13)) {
    case 0: case 1: return rnd64() & allmask(F);
    case 2: case 3: return gen_special(F);
    case 4: return make(F, s, rndn(4), rand_frac(F));          /* subnormal or tiny normal */
    case 5: return make(F, s, E - 1 - rndn(4), rand_frac(F));  /* huge */
    case 6: case 7: return make(F, s, B - 8 + rndn(17), rand_frac(F));
    case 8: return make(F, s, 1 + rndn(E - 1), rand_frac(F));  /* any normal */
    case 9: return make(F, s, 0, rand_frac(F));                /* subnormal */
    case 10: return make(F, s, E, rand_frac(F) | 1);           /* NaN */
    case 11: return make(F, s, B - (uint64_t)F->p + rndn(2 * (uint64_t)F->p), rand_frac(F));
    default: return make(F, s, 1 + rndn(E - 1), rndn(2) ? rndn(3) : fmask(F) - rndn(3));
    }
}

/* effective unbiased exponent of the leading one of a finite nonzero value */
static int64_t uexp(const struct fmt *F, uint64_t x)
{
    uint64_t e = efield(F, x), f = x & fmask(F);
    if (e)
        return (int64_t)e - bias(F);
    {
        int n = 63;
        while (!((f >> n) & 1))
            n--;
        return 1 - bias(F) - F->fb + n;
    }
}

/* a finite value with leading-one exponent ue (subnormal if needed) and a random fraction; 0 if the
 * exponent is outside the format */
static int make_exp(const struct fmt *F, unsigned sign, int64_t ue, uint64_t frac, uint64_t *out)
{
    int64_t ef = ue + bias(F);
    if (ef >= (int64_t)emask(F))
        return 0;
    if (ef >= 1) {
        *out = make(F, sign, (uint64_t)ef, frac);
        return 1;
    }
    /* subnormal: leading one at fraction bit fb - 1 + ef */
    if (F->fb - 1 + ef < 0)
        return 0;
    {
        int pos = (int)(F->fb - 1 + ef);
        uint64_t f = ((uint64_t)1 << pos) | ((frac >> (F->fb - pos)) & (((uint64_t)1 << pos) - 1));
        *out = make(F, sign, 0, f);
        return 1;
    }
}

/* result exponents worth aiming at: around underflow, total underflow and overflow */
static int64_t interesting_exp(const struct fmt *F)
{
    const int64_t emin = 1 - bias(F);
    switch (rndn(5)) {
    case 0: return emin - 1 + (int64_t)rndn(3);          /* around the smallest normal */
    case 1: return emin - (int64_t)rndn((uint64_t)F->p + 2); /* subnormal results */
    case 2: return emin - F->p - 2 + (int64_t)rndn(4);   /* around half the smallest subnormal */
    case 3: return bias(F) - 1 + (int64_t)rndn(3);       /* around overflow */
    default: return (int64_t)rndn(2 * (uint64_t)F->p) - F->p;
    }
}

static void gen_add_pair(const struct fmt *F, uint64_t *a, uint64_t *b)
{
    *a = gen_fp(F);
    switch (rndn(6)) {
    case 0: case 1:
        *b = gen_fp(F);
        break;
    case 2: /* nearby exponents, random signs */
        if (!isfinite_nz_b(F, *a) || !make_exp(F, rbit(), uexp(F, *a) + (int64_t)rndn(2 * (uint64_t)F->p + 7) - F->p - 3,
                                                rand_frac(F), b))
            *b = gen_fp(F);
        break;
    case 3: /* near-cancellation: -a or a, give or take a few ulps */
        if (isfinite_nz_b(F, *a)) {
            uint64_t mag = (*a & ~signbit(F)) + rndn(5) - 2;
            if (mag == 0 || mag >= inf_bits(F))
                mag = *a & ~signbit(F);
            *b = mag | ((uint64_t)rbit() << (F->fb + F->eb));
        } else {
            *b = gen_fp(F);
        }
        break;
    case 4: /* b around half an ulp of a: halfway and sticky cases */
        if (!isfinite_nz_b(F, *a) ||
            !make_exp(F, rbit(), uexp(F, *a) - F->p + (int64_t)rndn(4) - 1, rndn(2) ? 0 : rand_frac(F), b))
            *b = gen_fp(F);
        break;
    default: /* both tiny */
        *a = make(F, rbit(), rndn(2), rand_frac(F));
        *b = make(F, rbit(), rndn(2), rand_frac(F));
        break;
    }
    if (rbit()) {
        uint64_t t = *a;
        *a = *b;
        *b = t;
    }
}

static void gen_mul_pair(const struct fmt *F, uint64_t *a, uint64_t *b)
{
    switch (rndn(5)) {
    case 0: case 1:
        *a = gen_fp(F);
        *b = gen_fp(F);
        return;
    case 2: case 3: { /* aim the product at an interesting exponent */
        int ja = (int)rndn((uint64_t)F->fb + 1), jb = (int)rndn((uint64_t)F->fb + 1);
        uint64_t fa = rbit() ? rand_frac(F) : short_frac(F, ja), fbb = rbit() ? rand_frac(F) : short_frac(F, jb);
        if (!make_exp(F, rbit(), (int64_t)rndn(2 * (uint64_t)bias(F)) - bias(F) + 1, fa, a) ||
            !make_exp(F, rbit(), interesting_exp(F) - uexp(F, *a), fbb, b)) {
            *a = gen_fp(F);
            *b = gen_fp(F);
        }
        return;
    }
    default: { /* short significands: exact products and exact midpoints */
        int ja = (int)rndn((uint64_t)F->p), jb = F->p - ja + (int)rndn(3) - 1;
        int64_t ea = (int64_t)rndn(20) - 10;
        if (!make_exp(F, rbit(), ea, short_frac(F, ja), a) ||
            !make_exp(F, rbit(), (rbit() ? (int64_t)rndn(20) - 10 : interesting_exp(F) - ea), short_frac(F, jb), b)) {
            *a = gen_fp(F);
            *b = gen_fp(F);
        }
        return;
    }
    }
}

static mpfr_t g_gen, g_gen2; /* generator scratch, precision 256 */

static uint64_t lib_mul(const struct fmt *F, uint64_t a, uint64_t b, int rm, unsigned *fl)
{
    if (is_f16(F)) return f16_mul((sf16)a, (sf16)b, rm, fl);
    return is_f32(F) ? f32_mul((sf32)a, (sf32)b, rm, fl) : f64_mul(a, b, rm, fl);
}

/* the value in g_gen rounded to the format (random direction); 0 if outside the normal range */
static int gen_from_mpfr(const struct fmt *F, uint64_t *out)
{
    mpfr_t t;
    int ok = 0;
    mpfr_init2(t, F->p);
    mpfr_set(t, g_gen, (mpfr_rnd_t)mpfr_mode[rndn(4)]);
    if (mpfr_zero_p(t) || (mpfr_regular_p(t) && mpfr_get_exp(t) >= F->emin_normal && mpfr_get_exp(t) <= F->emax)) {
        *out = get_bits(t, F);
        ok = 1;
    }
    mpfr_clear(t);
    return ok;
}

static void gen_div_pair(const struct fmt *F, uint64_t *a, uint64_t *b)
{
    switch (rndn(6)) {
    case 0: case 1:
        *a = gen_fp(F);
        *b = gen_fp(F);
        return;
    case 2: /* quotient aimed at an interesting exponent */
        if (!make_exp(F, rbit(), (int64_t)rndn(2 * (uint64_t)bias(F)) - bias(F) + 1, rand_frac(F), a) ||
            !make_exp(F, rbit(), uexp(F, *a) - interesting_exp(F), rand_frac(F), b)) {
            *a = gen_fp(F);
            *b = gen_fp(F);
        }
        return;
    case 3: { /* a = round(q * b) with q a (p+1)-bit midpoint: quotient close to a rounding boundary */
        uint64_t q = (rnd64() >> (64 - F->p - 1)) | 1 | ((uint64_t)1 << F->p);
        *b = make(F, rbit(), (uint64_t)bias(F) - 4 + rndn(9), rand_frac(F));
        set_bits(g_gen2, *b, F);
        mpfr_set_uj(g_gen, q, MPFR_RNDN);
        mpfr_mul(g_gen, g_gen, g_gen2, MPFR_RNDN);
        mpfr_mul_2si(g_gen, g_gen, -(long)F->p + (long)rndn(16) - 8, MPFR_RNDN);
        if (!gen_from_mpfr(F, a))
            *a = gen_fp(F);
        if (rbit())
            *a = *a + rndn(3) - 1;
        return;
    }
    case 4: /* exact quotients, some landing on the subnormal grid (with midpoints) */
        *a = make(F, rbit(), rndn(3), rand_frac(F));
        *b = make(F, rbit(), (uint64_t)bias(F) + rndn(4), short_frac(F, (int)rndn(4)));
        return;
    default: {
        int ja = (int)rndn((uint64_t)F->p), jb = (int)rndn((uint64_t)F->p);
        if (!make_exp(F, rbit(), (int64_t)rndn(40) - 20, short_frac(F, ja), a) ||
            !make_exp(F, rbit(), (int64_t)rndn(40) - 20, short_frac(F, jb), b)) {
            *a = gen_fp(F);
            *b = gen_fp(F);
        }
        return;
    }
    }
}

static uint64_t gen_sqrt(const struct fmt *F)
{
    uint64_t a;
    switch (rndn(6)) {
    case 0: return gen_fp(F);
    case 1: case 2: return gen_fp(F) & ~signbit(F);
    case 3: { /* perfect squares */
        uint64_t s;
        unsigned fl = 0;
        if (!make_exp(F, 0, (int64_t)rndn(2 * (uint64_t)bias(F)) - bias(F), short_frac(F, (int)rndn((uint64_t)F->p / 2)), &s))
            return gen_fp(F);
        return lib_mul(F, s, s, SOFTFP_RNE, &fl);
    }
    case 4: { /* squares of (p+1)-bit midpoints, rounded: roots just beside a rounding boundary */
        uint64_t m = (rnd64() >> (64 - F->p - 1)) | 1 | ((uint64_t)1 << F->p);
        mpfr_set_uj(g_gen, m, MPFR_RNDN);
        mpfr_sqr(g_gen, g_gen, MPFR_RNDN);
        mpfr_mul_2si(g_gen, g_gen, 2 * ((long)rndn(2 * (uint64_t)bias(F) - 8) - (long)bias(F) - F->p + 4), MPFR_RNDN);
        if (!gen_from_mpfr(F, &a))
            return gen_fp(F);
        return rbit() ? a : a + rndn(3) - 1;
    }
    default: return make(F, 0, rndn(2), rand_frac(F));
    }
}

static void gen_fma(const struct fmt *F, uint64_t *a, uint64_t *b, uint64_t *c)
{
    gen_mul_pair(F, a, b);
    switch (rndn(7)) {
    case 0: case 1:
        *c = gen_fp(F);
        return;
    case 2: case 3: { /* c close to -(a*b): massive cancellation */
        unsigned fl = 0;
        int rm = (int)rndn(5);
        uint64_t p = lib_mul(F, *a, *b, rm, &fl);
        if (isfinite_nz_b(F, p)) {
            uint64_t mag = (p & ~signbit(F)) + rndn(5) - 2;
            if (mag == 0 || mag >= inf_bits(F))
                mag = p & ~signbit(F);
            *c = mag | ((uint64_t)rbit() << (F->fb + F->eb));
        } else {
            *c = gen_fp(F);
        }
        return;
    }
    case 4: /* c near the product's exponent, or around its last bits */
        if (!isfinite_nz_b(F, *a) || !isfinite_nz_b(F, *b) ||
            !make_exp(F, rbit(), uexp(F, *a) + uexp(F, *b) + (int64_t)rndn(3 * (uint64_t)F->p + 6) - 2 * F->p - 3,
                      rbit() ? rand_frac(F) : short_frac(F, (int)rndn(4)), c))
            *c = gen_fp(F);
        return;
    case 5: /* c zero or tiny */
        *c = make(F, rbit(), rndn(2), rndn(3) ? rand_frac(F) : 0);
        return;
    default: /* special operands only: inf * 0 with NaN addends, inf - inf, signed zeros */
        *a = gen_special(F);
        *b = gen_special(F);
        *c = gen_special(F);
        return;
    }
}

static void gen_cmp_pair(const struct fmt *F, uint64_t *a, uint64_t *b)
{
    *a = gen_fp(F);
    switch (rndn(6)) {
    case 0: *b = gen_fp(F); break;
    case 1: *b = *a; break;
    case 2: *b = *a ^ signbit(F); break;
    case 3: *b = (*a + rndn(5) - 2) & allmask(F); break;
    case 4: *b = make(F, rbit(), emask(F), rand_frac(F) | 1); break; /* NaN */
    default: *a = make(F, rbit(), 0, 0); *b = make(F, rbit(), 0, 0); break;
    }
    if (rbit()) {
        uint64_t t = *a;
        *a = *b;
        *b = t;
    }
}

/* values around the integer range limits and around halves */
static uint64_t gen_to_int(const struct fmt *F)
{
    static const int kpow[] = {0, 1, 31, 32, 63, 64, 31, 32, 63, 64};
    uint64_t a;
    switch (rndn(6)) {
    case 0: return gen_fp(F);
    case 1: case 2: case 3: { /* +-(2^k + d + frac) */
        int k = rndn(4) ? kpow[rndn(10)] : (int)rndn(67);
        long d = (long)rndn(7) - 3;
        mpfr_set_ui(g_gen, 1, MPFR_RNDN);
        mpfr_mul_2si(g_gen, g_gen, k, MPFR_RNDN);
        mpfr_add_si(g_gen, g_gen, d, MPFR_RNDN);
        switch (rndn(4)) {
        case 0: break;
        case 1: mpfr_set_ui(g_gen2, 1, MPFR_RNDN); mpfr_div_2ui(g_gen2, g_gen2, 1, MPFR_RNDN); break;
        case 2: mpfr_set_ui(g_gen2, rndn(4), MPFR_RNDN); mpfr_div_2ui(g_gen2, g_gen2, 2, MPFR_RNDN); break;
        default: mpfr_set_uj(g_gen2, rnd64(), MPFR_RNDN); mpfr_div_2ui(g_gen2, g_gen2, 64, MPFR_RNDN); break;
        }
        if (!mpfr_zero_p(g_gen2) || rbit())
            mpfr_add(g_gen, g_gen, g_gen2, MPFR_RNDN);
        if (rbit())
            mpfr_neg(g_gen, g_gen, MPFR_RNDN);
        if (!gen_from_mpfr(F, &a))
            return gen_fp(F);
        return rndn(4) ? a : a + rndn(3) - 1;
    }
    case 4: /* |x| < 2 */
        return make(F, rbit(), (uint64_t)bias(F) - rndn((uint64_t)F->p + 3), rand_frac(F));
    default: /* exponents 0..66 with short fractions: exact halves and quarters */
        return make(F, rbit(), (uint64_t)bias(F) + rndn(67), short_frac(F, (int)rndn((uint64_t)F->fb + 1)));
    }
}

/* an integer operand in the 64-bit two's-complement form lib_call expects */
static uint64_t gen_int(const struct fmt *F, int op)
{
    static const uint64_t extremes[] = {0, 1, UINT64_MAX, 0x7fffffffu, 0x80000000u, 0xffffffffu,
                                        0x7fffffffffffffffu, 0x8000000000000000u, 0xffffffff80000000u};
    uint64_t x;
    int p = F->p;
    switch (rndn(6)) {
    case 0: x = rnd64() >> rndn(64); break;
    case 1: x = ((uint64_t)1 << rndn(64)) + rndn(7) - 3; break;
    case 2: /* (p+1)-bit midpoints */
        x = ((rnd64() >> (64 - p - 1)) | 1 | ((uint64_t)1 << p)) << rndn((uint64_t)(64 - p));
        break;
    case 3: /* p+1 bits plus sticky bits */
        x = (((rnd64() >> (64 - p - 1)) | 1 | ((uint64_t)1 << p)) << 8 | (rnd64() & 0xff)) >> rndn(8);
        x <<= rndn((uint64_t)(64 - p - 8));
        break;
    case 4: x = rnd64(); break;
    default: x = extremes[rndn(sizeof extremes / sizeof extremes[0])]; break;
    }
    if ((op == OP_FROM_I32 || op == OP_FROM_I64) && rbit())
        x = (uint64_t)0 - x;
    if (op == OP_FROM_I32) /* sign-extend the low 32 bits */
        x = (x & 0x80000000u) ? (x | 0xffffffff00000000u) : (x & 0xffffffffu);
    else if (op == OP_FROM_U32)
        x &= 0xffffffffu;
    return x;
}

/* binary64 values around binary32's range limits and rounding boundaries */
static uint64_t gen_f64_for_f32(void)
{
    unsigned fl = 0;
    switch (rndn(5)) {
    case 0: return gen_fp(&FMT64);
    case 1: case 2: { /* a binary32 value with the 29 extra bits set to a boundary or at random */
        uint64_t v = f32_to_f64((sf32)gen_fp(&FMT32), &fl), low;
        if (!isfinite_nz_b(&FMT64, v))
            return v;
        switch (rndn(4)) {
        case 0: low = (uint64_t)1 << 28; break;
        case 1: low = ((uint64_t)1 << 28) + rndn(3) - 1; break;
        case 2: low = rnd64() & 0x1fffffffu; break;
        default: low = rndn(2) ? rndn(3) : 0x1fffffffu - rndn(3); break;
        }
        return v ^ low;
    }
    case 3: return make(&FMT64, rbit(), (uint64_t)(1023 - 152) + rndn(30), rand_frac(&FMT64)); /* f32 subnormals */
    default: return make(&FMT64, rbit(), (uint64_t)(1023 + 125) + rndn(6), rand_frac(&FMT64)); /* f32 overflow */
    }
}

/* binary64 (wide = &FMT64) or binary32 values around binary16's range limits and rounding boundaries */
static uint64_t gen_wide_for_f16(const struct fmt *W)
{
    unsigned fl = 0;
    const int extra = W->fb - 10;          /* fraction bits binary16 drops */
    const uint64_t B = (uint64_t)bias(W);
    switch (rndn(5)) {
    case 0: return gen_fp(W);
    case 1: case 2: { /* a binary16 value with the extra bits set to a boundary or at random */
        uint64_t h = gen_fp(&FMT16), v, low;
        v = W == &FMT64 ? f16_to_f64((sf16)h, &fl) : f16_to_f32((sf16)h, &fl);
        if (!isfinite_nz_b(W, v))
            return v;
        switch (rndn(4)) {
        case 0: low = (uint64_t)1 << (extra - 1); break;
        case 1: low = ((uint64_t)1 << (extra - 1)) + rndn(3) - 1; break;
        case 2: low = rnd64() & (((uint64_t)1 << extra) - 1); break;
        default: low = rndn(2) ? rndn(3) : (((uint64_t)1 << extra) - 1) - rndn(3); break;
        }
        return v ^ low;
    }
    case 3: return make(W, rbit(), B - 26 + rndn(14), rand_frac(W)); /* binary16 subnormals */
    default: return make(W, rbit(), B + 14 + rndn(4), rand_frac(W)); /* binary16 overflow */
    }
}

static void gen_operands(const struct fmt *F, int op, uint64_t *a, uint64_t *b, uint64_t *c)
{
    *b = *c = 0;
    switch (op) {
    case OP_ADD: case OP_SUB: gen_add_pair(F, a, b); break;
    case OP_MUL: gen_mul_pair(F, a, b); break;
    case OP_DIV: gen_div_pair(F, a, b); break;
    case OP_SQRT: *a = gen_sqrt(F); break;
    case OP_MADD: case OP_MSUB: case OP_NMSUB: case OP_NMADD: gen_fma(F, a, b, c); break;
    case OP_MIN: case OP_MAX: case OP_EQ: case OP_LT: case OP_LE: gen_cmp_pair(F, a, b); break;
    case OP_CLASS: *a = gen_fp(F); break;
    case OP_TO_I32: case OP_TO_U32: case OP_TO_I64: case OP_TO_U64: *a = gen_to_int(F); break;
    case OP_FROM_I32: case OP_FROM_U32: case OP_FROM_I64: case OP_FROM_U64: *a = gen_int(F, op); break;
    case OP_CVT2: *a = gen_wide_for_f16(&FMT32); break;
    default: /* OP_CVT */
        *a = is_f16(F) ? gen_wide_for_f16(&FMT64) : is_f32(F) ? gen_fp(F) : gen_f64_for_f32();
        break;
    }
}

/* ------------------------------------------------------------------------------------------------ */
/* Driver                                                                                           */

static const char *const rm_name[5] = {"RNE", "RTZ", "RDN", "RUP", "RMM"};

static void flag_str(char *buf, unsigned f)
{
    buf[0] = 0;
    if (f & SOFTFP_NV) strcat(buf, "NV ");
    if (f & SOFTFP_DZ) strcat(buf, "DZ ");
    if (f & SOFTFP_OF) strcat(buf, "OF ");
    if (f & SOFTFP_UF) strcat(buf, "UF ");
    if (f & SOFTFP_NX) strcat(buf, "NX ");
    if (!buf[0])
        strcat(buf, "- ");
    buf[strlen(buf) - 1] = 0;
}

static void usage(const char *argv0)
{
    fprintf(stderr, "usage: %s [--quick] [--stats] [--seed N] [--only SUBSTRING] [CASES_PER_LINE]\n"
                    "  compares softfp with MPFR on CASES_PER_LINE random operands per operation, format and\n"
                    "  rounding mode (default 500000, about 30 s; --quick: 40000); exits 1 on any mismatch.\n"
                    "  --stats also prints, per line, how many expected results raised each flag and how\n"
                    "  many RMM results were exact ties.\n", argv0);
}

int main(int argc, char **argv)
{
    uint64_t cases = 500000, seed = 0x5eed5eedu;
    const char *only = NULL;
    unsigned long total_lines = 0, bad_lines = 0, printed = 0;
    unsigned long long total_cases = 0, total_bad = 0;
    const struct fmt *const fmts[3] = {&FMT32, &FMT64, &FMT16};
    clock_t t0 = clock();
    int i, fi, op, rm, stats = 0;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) {
            cases = 40000;
        } else if (!strcmp(argv[i], "--stats")) {
            stats = 1;
        } else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            seed = strtoull(argv[++i], NULL, 0);
        } else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
            only = argv[++i];
        } else if (argv[i][0] >= '0' && argv[i][0] <= '9') {
            cases = strtoull(argv[i], NULL, 0);
        } else {
            usage(argv[0]);
            return 2;
        }
    }

    wide_emin = mpfr_get_emin();
    wide_emax = mpfr_get_emax();
    mpfr_inits2(64, g_tmp, g_x[0], g_x[1], g_x[2], g_lo, g_hi, (mpfr_ptr)0);
    mpfr_inits2(53, g_y, g_y2, g_z, g_z2, g_exact, g_mid, (mpfr_ptr)0);
    mpfr_inits2(256, g_gen, g_gen2, (mpfr_ptr)0);
    mpfr_init2(g_int, 1100);

    printf("mpfr_diff: softfp vs MPFR %s, %" PRIu64 " cases per line, seed %#" PRIx64 "\n", mpfr_get_version(),
           cases, seed);
    for (fi = 0; fi < 3; fi++) {
        const struct fmt *F = fmts[fi];
        set_work_prec(F);
        for (op = 0; op < OP_COUNT; op++) {
            int nrm = line_uses_rm(F, op) ? 5 : 1;
            if (op == OP_CVT2 && !is_f16(F))
                continue;
            for (rm = 0; rm < nrm; rm++) {
                char name[64], full[80];
                unsigned long long bad = 0, fcount[5] = {0, 0, 0, 0, 0};
                uint64_t k;
                int bit;
                label(name, sizeof name, F, op);
                if (nrm > 1)
                    snprintf(full, sizeof full, "%s %s", name, rm_name[rm]);
                else
                    snprintf(full, sizeof full, "%s", name);
                if (only && !strstr(full, only))
                    continue;
                /* each line has its own reproducible stream */
                rng_state = seed ^ ((uint64_t)(fi * 64 + op * 8 + rm) * 0x9e3779b97f4a7c15u);
                g_ties = 0;
                for (k = 0; k < cases; k++) {
                    uint64_t a, b, c, got;
                    unsigned gf = PRESET_NX(k);
                    struct ref want;
                    gen_operands(F, op, &a, &b, &c);
                    got = lib_call(F, op, a, b, c, rm, &gf);
                    want = ref_call(F, op, a, b, c, rm);
                    want.flags |= PRESET_NX(k);
                    for (bit = 0; bit < 5; bit++)
                        fcount[bit] += (want.flags >> bit) & 1;
                    if (got != want.bits || gf != want.flags) {
                        bad++;
                        if (printed < 40) {
                            char fw[32], fg[32];
                            int w = (is_f32(F) && !is_from_int(op)) ? 8 : 16;
                            int rw = (op == OP_CVT) ? (is_f32(F) ? 16 : 8) : (is_to_int(op) || is_from_int(op)) ? 16 : w;
                            flag_str(fw, want.flags);
                            flag_str(fg, gf);
                            printf("  MISMATCH %s: a=%0*" PRIx64, full, w, a);
                            if (arity(op) >= 2)
                                printf(" b=%0*" PRIx64, w, b);
                            if (arity(op) >= 3)
                                printf(" c=%0*" PRIx64, w, c);
                            printf(" expected %0*" PRIx64 " [%s] got %0*" PRIx64 " [%s]\n", rw, want.bits, fw, rw, got, fg);
                            printed++;
                        }
                    }
                }
                printf("%s: %" PRIu64 " cases, %llu mismatches\n", full, cases, bad);
                if (stats)
                    printf("    expected flags: NV %llu, DZ %llu, OF %llu, UF %llu, NX %llu; RMM ties %llu\n",
                           fcount[4], fcount[3], fcount[2], fcount[1], fcount[0], g_ties);
                fflush(stdout);
                total_lines++;
                total_cases += cases;
                total_bad += bad;
                if (bad)
                    bad_lines++;
            }
        }
    }
    printf("mpfr_diff: %lu lines, %llu cases, %llu mismatches (%lu lines failing), %.1f s\n", total_lines,
           total_cases, total_bad, bad_lines, (double)(clock() - t0) / CLOCKS_PER_SEC);

    mpfr_clears(g_tmp, g_x[0], g_x[1], g_x[2], g_lo, g_hi, g_y, g_y2, g_z, g_z2, g_exact, g_mid, g_gen, g_gen2,
                g_int, (mpfr_ptr)0);
    mpfr_free_cache();
    return total_bad ? 1 : 0;
}
