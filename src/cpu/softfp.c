/* softfp.c: integer-only IEEE 754-2008 binary32/binary64 arithmetic for RISC-V F and D (unpriv. ISA 20191213, ch. 11-12). */
#include "softfp.h"

#include <limits.h>

/*
 * How it works.
 *
 * Both formats share one generic implementation parameterised by the fraction width FB and the exponent
 * width EB (binary32: 23/8, binary64: 52/11). The public wrappers at the end pass them as constants, so
 * the compiler specialises the static helpers for each format.
 *
 * A finite nonzero operand is unpacked to (sign, exp, sig) with
 *      value = (-1)^sign * sig * 2^(exp - 62),   bit 62 of sig set,
 * i.e. exp is the unbiased exponent of the leading one, and sig keeps 62 - FB bits below the format's last
 * significand bit. An operation that discards nonzero low bits ORs a 1 into bit 0 ("jamming"): the exact
 * value then lies strictly between sig - 1 and sig + 1 with sig odd, so any later rounding at a position
 * two or more bits higher gives the correctly rounded result (IEEE 754-2008 section 4.3) and the right
 * inexact flag. round_pack() is the only place that rounds: every mode, gradual underflow, overflow, flags.
 *
 * Nothing here uses host floating point; everything is uint64_t arithmetic without undefined or
 * implementation-defined behaviour, so results are the same on any host. 128-bit products and quotients
 * use unsigned __int128 when the compiler has it, otherwise a portable path; defining SOFTFP_PORTABLE
 * forces the portable paths (the tests build both).
 */

#if defined(__SIZEOF_INT128__) && !defined(SOFTFP_PORTABLE)
#define SOFTFP_HAVE_INT128 1
__extension__ typedef unsigned __int128 softfp_u128;
#endif

#define F32 23, 8  /* fraction bits, exponent bits */
#define F64 52, 11
#define F16 10, 5   /* Zfh: binary16 */

/* ------------------------------------------------------------------------------------------------ */
/* 64- and 128-bit integer helpers                                                                  */

struct u128 {
    uint64_t hi, lo;
};

/* Number of leading zero bits of a nonzero x. */
static int clz64(uint64_t x)
{
#if defined(__GNUC__) && !defined(SOFTFP_PORTABLE) && ULLONG_MAX == 0xffffffffffffffffu
    return __builtin_clzll(x);
#else
    int n = 0;
    if (!(x >> 32)) { n += 32; x <<= 32; }
    if (!(x >> 48)) { n += 16; x <<= 16; }
    if (!(x >> 56)) { n += 8; x <<= 8; }
    if (!(x >> 60)) { n += 4; x <<= 4; }
    if (!(x >> 62)) { n += 2; x <<= 2; }
    if (!(x >> 63)) { n += 1; }
    return n;
#endif
}

/* x >> n, ORing any nonzero bit shifted out into bit 0. */
static uint64_t shr_jam64(uint64_t x, uint32_t n)
{
    if (n == 0)
        return x;
    if (n < 64)
        return (x >> n) | ((x << (64 - n)) != 0);
    return x != 0;
}

static struct u128 shr_jam128(struct u128 x, uint32_t n)
{
    struct u128 r;
    if (n == 0)
        return x;
    if (n < 64) {
        r.lo = (x.lo >> n) | (x.hi << (64 - n)) | ((x.lo << (64 - n)) != 0);
        r.hi = x.hi >> n;
    } else if (n == 64) {
        r.lo = x.hi | (x.lo != 0);
        r.hi = 0;
    } else if (n < 128) {
        r.lo = (x.hi >> (n - 64)) | (((x.hi << (128 - n)) | x.lo) != 0);
        r.hi = 0;
    } else {
        r.lo = (x.hi | x.lo) != 0;
        r.hi = 0;
    }
    return r;
}

static struct u128 add128(struct u128 a, struct u128 b)
{
    struct u128 r;
    r.lo = a.lo + b.lo;
    r.hi = a.hi + b.hi + (r.lo < a.lo);
    return r;
}

/* a - b for a >= b */
static struct u128 sub128(struct u128 a, struct u128 b)
{
    struct u128 r;
    r.lo = a.lo - b.lo;
    r.hi = a.hi - b.hi - (a.lo < b.lo);
    return r;
}

static int ge128(struct u128 a, struct u128 b)
{
    return a.hi > b.hi || (a.hi == b.hi && a.lo >= b.lo);
}

/* Full 64x64 -> 128-bit product. */
static struct u128 mul64x64(uint64_t a, uint64_t b)
{
    struct u128 r;
#ifdef SOFTFP_HAVE_INT128
    softfp_u128 p = (softfp_u128)a * b;
    r.hi = (uint64_t)(p >> 64);
    r.lo = (uint64_t)p;
#else
    const uint64_t m32 = 0xffffffffu;
    uint64_t a0 = a & m32, a1 = a >> 32, b0 = b & m32, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & m32) + (p10 & m32); /* < 3 * 2^32: no overflow */
    r.lo = (mid << 32) | (p00 & m32);
    r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
#endif
    return r;
}

/* (hi:lo) / d for hi < d (so the quotient fits 64 bits); *rem gets the remainder. */
static uint64_t div128by64(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem)
{
#ifdef SOFTFP_HAVE_INT128
    softfp_u128 n = ((softfp_u128)hi << 64) | lo;
    *rem = (uint64_t)(n % d);
    return (uint64_t)(n / d);
#else
    /* restoring division, one quotient bit per step; r < d holds throughout */
    uint64_t r = hi, q = 0;
    int i;
    for (i = 63; i >= 0; i--) {
        uint64_t top = r >> 63;
        r = (r << 1) | ((lo >> i) & 1);
        q <<= 1;
        if (top || r >= d) {
            r -= d; /* modulo 2^64: the true difference is < d */
            q |= 1;
        }
    }
    *rem = r;
    return q;
#endif
}

/* floor(sqrt(hi:lo)) for 2^124 <= hi:lo < 2^126; *inexact is set when the remainder is nonzero. */
static uint64_t isqrt128(uint64_t hi, uint64_t lo, int *inexact)
{
#ifdef SOFTFP_HAVE_INT128
    /* Integer Newton iteration from above: x' = floor((x + floor(M / x)) / 2) decreases strictly until x
     * reaches floor(sqrt(M)), then stops decreasing. Start from (floor(sqrt(hi)) + 1) * 2^32 >= sqrt(M),
     * which is good to about 30 bits, so two or three divisions suffice. Every iterate is >= 2^62 > hi,
     * as div128by64 requires. */
    uint64_t s = 0, bit, x, y, q, r;
    struct u128 sq;
    for (bit = (uint64_t)1 << 30; bit; bit >>= 1) /* s = floor(sqrt(hi)), hi < 2^62 */
        if ((s + bit) * (s + bit) <= hi)
            s += bit;
    x = (s + 1) << 32;
    for (;;) {
        q = div128by64(hi, lo, x, &r);
        y = (x >> 1) + (q >> 1) + (x & q & 1);
        if (y >= x)
            break;
        x = y;
    }
    sq = mul64x64(x, x);
    *inexact = sq.hi != hi || sq.lo != lo;
    return x;
#else
    /* digit-by-digit: two radicand bits per root bit */
    uint64_t root = 0;
    struct u128 rem = {0, 0}, trial;
    int i;
    for (i = 62; i >= 0; i--) {
        uint64_t two = i >= 32 ? (hi >> (2 * i - 64)) & 3 : (lo >> (2 * i)) & 3;
        rem.hi = (rem.hi << 2) | (rem.lo >> 62);
        rem.lo = (rem.lo << 2) | two;
        trial.hi = root >> 62; /* trial = 4 * root + 1 */
        trial.lo = (root << 2) | 1;
        root <<= 1;
        if (ge128(rem, trial)) {
            rem = sub128(rem, trial);
            root |= 1;
        }
    }
    *inexact = (rem.hi | rem.lo) != 0;
    return root;
#endif
}

/* ------------------------------------------------------------------------------------------------ */
/* Unpacking, classification and the rounding/packing routine                                       */

enum { FP_ZERO, FP_FINITE, FP_INF, FP_QNAN, FP_SNAN };

struct fp {
    int cls;      /* FP_* */
    unsigned sign;
    int32_t exp;  /* FP_FINITE only: unbiased exponent of the leading one */
    uint64_t sig; /* FP_FINITE only: significand, leading one at bit 62 */
};

#define SIGN_BIT(fb, eb) ((uint64_t)1 << ((fb) + (eb)))
#define INF_BITS(fb, eb) ((((uint64_t)1 << (eb)) - 1) << (fb))
#define FRAC_MASK(fb) (((uint64_t)1 << (fb)) - 1)
/* Canonical NaN: positive, quiet bit set, rest of the payload zero (RISC-V unpriv. 11.3 "NaN Generation
 * and Propagation"). */
#define CANON_NAN(fb, eb) ((((uint64_t)1 << ((eb) + 1)) - 1) << ((fb) - 1))

static struct fp unpack(uint64_t x, int fb, int eb)
{
    const int32_t emask = ((int32_t)1 << eb) - 1, bias = ((int32_t)1 << (eb - 1)) - 1;
    const int32_t e = (int32_t)((x >> fb) & (uint64_t)emask);
    const uint64_t f = x & FRAC_MASK(fb);
    struct fp r;
    r.sign = (unsigned)(x >> (fb + eb)) & 1u;
    r.exp = 0;
    r.sig = 0;
    if (e == emask) {
        r.cls = f == 0 ? FP_INF : ((f >> (fb - 1)) & 1) ? FP_QNAN : FP_SNAN;
    } else if (e != 0) {
        r.cls = FP_FINITE;
        r.exp = e - bias;
        r.sig = (f | ((uint64_t)1 << fb)) << (62 - fb);
    } else if (f != 0) { /* subnormal: normalise */
        int n = 63 - clz64(f); /* position of the leading one */
        r.cls = FP_FINITE;
        r.exp = 1 - bias - fb + n;
        r.sig = f << (62 - n);
    } else {
        r.cls = FP_ZERO;
    }
    return r;
}

static int is_nan(uint64_t x, int fb, int eb)
{
    return (x & ~SIGN_BIT(fb, eb)) > INF_BITS(fb, eb);
}

static int is_snan(uint64_t x, int fb, int eb)
{
    return is_nan(x, fb, eb) && !((x >> (fb - 1)) & 1);
}

/* Whether to add one unit in the last place: lsb is the kept value's last bit, rb the discarded bits,
 * half the weight of the first discarded bit (IEEE 754-2008 section 4.3). */
static uint64_t round_increment(int rm, unsigned sign, uint64_t lsb, uint64_t rb, uint64_t half)
{
    switch (rm) {
    case SOFTFP_RNE: return rb > half || (rb == half && lsb);
    case SOFTFP_RMM: return rb >= half;
    case SOFTFP_RDN: return sign && rb;
    case SOFTFP_RUP: return !sign && rb;
    default:         return 0; /* RTZ */
    }
}

/* Round (-1)^sign * sig * 2^(exp - 62) (sig != 0 with its leading one at bit 62, bit 0 jammed) to the
 * format and pack it, raising NX, UF and OF as IEEE 754-2008 section 7 and RISC-V F require. */
static uint64_t round_pack(unsigned sign, int32_t exp, uint64_t sig, int rm, unsigned *flags, int fb, int eb)
{
    const int sh = 62 - fb; /* guard bits below the last kept bit */
    const uint64_t rmask = ((uint64_t)1 << sh) - 1, half = (uint64_t)1 << (sh - 1);
    const int32_t bias = ((int32_t)1 << (eb - 1)) - 1, emin = 1 - bias;
    const uint64_t sbit = (uint64_t)sign << (fb + eb);
    int tiny = 0;
    uint64_t q, rb;

    if (exp < emin) {
        /* RISC-V unpriv. 11.4 "Subnormal Arithmetic": tininess is detected after rounding, i.e. the
         * result is tiny if, rounded to full precision with an unbounded exponent, it is below 2^emin.
         * Only a value just under 2^emin can round up to it. */
        tiny = 1;
        if (exp == emin - 1) {
            q = sig >> sh;
            rb = sig & rmask;
            if ((q + round_increment(rm, sign, q & 1, rb, half)) >> (fb + 1))
                tiny = 0;
        }
        sig = shr_jam64(sig, (uint32_t)(emin - exp)); /* align to the subnormal grid */
        exp = emin;
    }
    q = sig >> sh;
    rb = sig & rmask;
    if (rb) {
        *flags |= tiny ? SOFTFP_NX | SOFTFP_UF : SOFTFP_NX;
        q += round_increment(rm, sign, q & 1, rb, half);
        if (q >> (fb + 1)) { /* carried out of a normal significand: q == 2^(fb+1) */
            q >>= 1;
            exp++;
        }
    }
    if (exp > bias) {
        /* overflow (IEEE 754-2008 section 7.4): infinity or the largest finite number by direction */
        int to_inf = rm == SOFTFP_RNE || rm == SOFTFP_RMM || (rm == SOFTFP_RDN && sign) ||
                     (rm == SOFTFP_RUP && !sign);
        *flags |= SOFTFP_OF | SOFTFP_NX;
        return sbit | (to_inf ? INF_BITS(fb, eb) : INF_BITS(fb, eb) - 1);
    }
    /* a subnormal q has no bit fb, and its biased exponent field is 0; one that rounded up to 2^emin
     * has it, giving field 1 */
    return sbit | ((q >> fb) ? (uint64_t)(exp + bias) << fb : 0) | (q & FRAC_MASK(fb));
}

/* ------------------------------------------------------------------------------------------------ */
/* Arithmetic                                                                                       */

/* a + (-1)^negb * b */
static uint64_t add_g(uint64_t a, uint64_t b, unsigned negb, int rm, unsigned *flags, int fb, int eb)
{
    struct fp x = unpack(a, fb, eb), y = unpack(b, fb, eb);
    uint64_t s;
    int32_t e;

    y.sign ^= negb;
    if (x.cls >= FP_QNAN || y.cls >= FP_QNAN) {
        if (x.cls == FP_SNAN || y.cls == FP_SNAN)
            *flags |= SOFTFP_NV;
        return CANON_NAN(fb, eb);
    }
    if (x.cls == FP_INF) {
        if (y.cls == FP_INF && x.sign != y.sign) { /* inf - inf */
            *flags |= SOFTFP_NV;
            return CANON_NAN(fb, eb);
        }
        return a;
    }
    if (y.cls == FP_INF)
        return ((uint64_t)y.sign << (fb + eb)) | INF_BITS(fb, eb);
    if (y.cls == FP_ZERO) {
        /* IEEE 754-2008 section 6.3: an exact zero sum of opposite-signed operands is +0, or -0 when
         * rounding toward -inf; x + x keeps the sign of x */
        if (x.cls == FP_ZERO)
            return (uint64_t)(x.sign == y.sign ? x.sign : rm == SOFTFP_RDN) << (fb + eb);
        return a;
    }
    if (x.cls == FP_ZERO)
        return b ^ ((uint64_t)negb << (fb + eb));

    if (x.exp < y.exp || (x.exp == y.exp && x.sig < y.sig)) { /* make x the larger magnitude */
        struct fp t = x;
        x = y;
        y = t;
    }
    y.sig = shr_jam64(y.sig, (uint32_t)(x.exp - y.exp));
    e = x.exp;
    if (x.sign == y.sign) {
        s = x.sig + y.sig; /* < 2^64 */
        if (s >> 63) {
            s = shr_jam64(s, 1);
            e++;
        }
    } else {
        int n;
        s = x.sig - y.sig;
        if (s == 0) /* exact cancellation, section 6.3 as above */
            return (uint64_t)(rm == SOFTFP_RDN) << (fb + eb);
        /* a shift of more than one bit only happens when x.exp - y.exp <= 1, where nothing was jammed */
        n = clz64(s) - 1;
        s <<= n;
        e -= n;
    }
    return round_pack(x.sign, e, s, rm, flags, fb, eb);
}

static uint64_t mul_g(uint64_t a, uint64_t b, int rm, unsigned *flags, int fb, int eb)
{
    struct fp x = unpack(a, fb, eb), y = unpack(b, fb, eb);
    unsigned sign = x.sign ^ y.sign;
    struct u128 p;
    uint64_t s;
    int32_t e;

    if (x.cls >= FP_QNAN || y.cls >= FP_QNAN) {
        if (x.cls == FP_SNAN || y.cls == FP_SNAN)
            *flags |= SOFTFP_NV;
        return CANON_NAN(fb, eb);
    }
    if (x.cls == FP_INF || y.cls == FP_INF) {
        if (x.cls == FP_ZERO || y.cls == FP_ZERO) { /* 0 * inf */
            *flags |= SOFTFP_NV;
            return CANON_NAN(fb, eb);
        }
        return ((uint64_t)sign << (fb + eb)) | INF_BITS(fb, eb);
    }
    if (x.cls == FP_ZERO || y.cls == FP_ZERO)
        return (uint64_t)sign << (fb + eb);

    /* the exact product has its leading one at bit 124 or 125; keep bits 125..62, jam the rest */
    p = mul64x64(x.sig, y.sig);
    s = (p.hi << 2) | (p.lo >> 62) | ((p.lo << 2) != 0);
    e = x.exp + y.exp;
    if (s >> 63) {
        s = shr_jam64(s, 1);
        e++;
    }
    return round_pack(sign, e, s, rm, flags, fb, eb);
}

static uint64_t div_g(uint64_t a, uint64_t b, int rm, unsigned *flags, int fb, int eb)
{
    struct fp x = unpack(a, fb, eb), y = unpack(b, fb, eb);
    unsigned sign = x.sign ^ y.sign;
    uint64_t n, q, rem;
    int32_t e;

    if (x.cls >= FP_QNAN || y.cls >= FP_QNAN) {
        if (x.cls == FP_SNAN || y.cls == FP_SNAN)
            *flags |= SOFTFP_NV;
        return CANON_NAN(fb, eb);
    }
    if (x.cls == FP_INF) {
        if (y.cls == FP_INF) { /* inf / inf */
            *flags |= SOFTFP_NV;
            return CANON_NAN(fb, eb);
        }
        return ((uint64_t)sign << (fb + eb)) | INF_BITS(fb, eb);
    }
    if (y.cls == FP_INF)
        return (uint64_t)sign << (fb + eb);
    if (y.cls == FP_ZERO) {
        if (x.cls == FP_ZERO) { /* 0 / 0 */
            *flags |= SOFTFP_NV;
            return CANON_NAN(fb, eb);
        }
        *flags |= SOFTFP_DZ; /* IEEE 754-2008 section 7.3 */
        return ((uint64_t)sign << (fb + eb)) | INF_BITS(fb, eb);
    }
    if (x.cls == FP_ZERO)
        return (uint64_t)sign << (fb + eb);

    /* scale so that the significand quotient is in [1, 2), then q = floor(n * 2^62 / y.sig) has its
     * leading one at bit 62; a nonzero remainder is jammed */
    n = x.sig;
    e = x.exp - y.exp;
    if (n < y.sig) {
        n <<= 1;
        e--;
    }
    q = div128by64(n >> 2, n << 62, y.sig, &rem);
    return round_pack(sign, e, q | (rem != 0), rm, flags, fb, eb);
}

static uint64_t sqrt_g(uint64_t a, int rm, unsigned *flags, int fb, int eb)
{
    struct fp x = unpack(a, fb, eb);
    uint64_t root;
    int32_t e;
    int inexact;

    if (x.cls >= FP_QNAN) {
        if (x.cls == FP_SNAN)
            *flags |= SOFTFP_NV;
        return CANON_NAN(fb, eb);
    }
    if (x.cls == FP_ZERO) /* sqrt(-0) = -0, IEEE 754-2008 section 5.4.1 */
        return a;
    if (x.sign) { /* negative nonzero, including -inf */
        *flags |= SOFTFP_NV;
        return CANON_NAN(fb, eb);
    }
    if (x.cls == FP_INF)
        return a;

    /* value = sig * 2^(exp-62). Make the exponent even and take the integer square root of a 126-bit
     * radicand whose root has its leading one at bit 62: for even exp, sqrt(sig * 2^62) * 2^(exp/2 - 62);
     * for odd exp, sqrt(sig * 2^63) * 2^((exp-1)/2 - 62) */
    if (x.exp % 2 != 0) {
        root = isqrt128(x.sig >> 1, x.sig << 63, &inexact);
        e = (x.exp - 1) / 2;
    } else {
        root = isqrt128(x.sig >> 2, x.sig << 62, &inexact);
        e = x.exp / 2;
    }
    return round_pack(0, e, root | (uint64_t)inexact, rm, flags, fb, eb);
}

/* (-1)^negp * a * b + (-1)^negc * c with a single rounding. RISC-V's fmsub, fnmsub and fnmadd negate the
 * product and/or the addend before the fused operation, so exact-zero results take their sign from
 * IEEE 754-2008 section 6.3 applied to the negated terms. */
static uint64_t fma_g(uint64_t a, uint64_t b, uint64_t c, unsigned negp, unsigned negc, int rm, unsigned *flags,
                      int fb, int eb)
{
    struct fp x = unpack(a, fb, eb), y = unpack(b, fb, eb), z = unpack(c, fb, eb);
    unsigned ps = x.sign ^ y.sign ^ negp, bs;
    struct u128 p, cz, big, small, s;
    int32_t pe, be, e;
    uint32_t d;
    int m;
    uint64_t sig;

    z.sign ^= negc;
    if (x.cls == FP_SNAN || y.cls == FP_SNAN || z.cls == FP_SNAN)
        *flags |= SOFTFP_NV;
    /* RISC-V unpriv. 11.6 "Single-Precision Floating-Point Computational Instructions": inf * 0 raises NV even
     * when the addend is a quiet NaN */
    if ((x.cls == FP_INF && y.cls == FP_ZERO) || (x.cls == FP_ZERO && y.cls == FP_INF)) {
        *flags |= SOFTFP_NV;
        return CANON_NAN(fb, eb);
    }
    if (x.cls >= FP_QNAN || y.cls >= FP_QNAN || z.cls >= FP_QNAN)
        return CANON_NAN(fb, eb);
    if (x.cls == FP_INF || y.cls == FP_INF) {
        if (z.cls == FP_INF && z.sign != ps) { /* inf - inf */
            *flags |= SOFTFP_NV;
            return CANON_NAN(fb, eb);
        }
        return ((uint64_t)ps << (fb + eb)) | INF_BITS(fb, eb);
    }
    if (z.cls == FP_INF)
        return ((uint64_t)z.sign << (fb + eb)) | INF_BITS(fb, eb);
    if (x.cls == FP_ZERO || y.cls == FP_ZERO) { /* exact zero product */
        if (z.cls == FP_ZERO)
            return (uint64_t)(ps == z.sign ? ps : rm == SOFTFP_RDN) << (fb + eb);
        return c ^ ((uint64_t)negc << (fb + eb));
    }

    /* exact product P with value P * 2^(pe - 125), leading one at bit 125 */
    p = mul64x64(x.sig, y.sig);
    pe = x.exp + y.exp + 1;
    if (!(p.hi >> 61)) {
        p.hi = (p.hi << 1) | (p.lo >> 63);
        p.lo <<= 1;
        pe--;
    }
    if (z.cls == FP_ZERO) /* nonzero product + 0: just round the product */
        return round_pack(ps, pe, (p.hi << 1) | (p.lo >> 63) | ((p.lo << 1) != 0), rm, flags, fb, eb);

    /* the addend on the same scale: value cz * 2^(z.exp - 125) */
    cz.hi = z.sig >> 1;
    cz.lo = z.sig << 63;
    if (pe > z.exp || (pe == z.exp && ge128(p, cz))) {
        big = p;
        be = pe;
        bs = ps;
        small = cz;
        d = (uint32_t)(pe - z.exp);
    } else {
        big = cz;
        be = z.exp;
        bs = z.sign;
        small = p;
        d = (uint32_t)(z.exp - pe);
    }
    /* Both terms have at least 19 zero low bits, so a shift by d <= 1 is exact; for d >= 2 the
     * difference keeps its leading one at bit 124 or 125, far above the jammed bit 0. */
    small = shr_jam128(small, d);
    if (ps == z.sign) {
        s = add128(big, small); /* < 2^127 */
    } else {
        s = sub128(big, small);
        if ((s.hi | s.lo) == 0) /* exact cancellation */
            return (uint64_t)(rm == SOFTFP_RDN) << (fb + eb);
    }
    m = s.hi ? 127 - clz64(s.hi) : 63 - clz64(s.lo); /* position of the leading one */
    e = be + (m - 125);
    sig = m >= 62 ? shr_jam128(s, (uint32_t)(m - 62)).lo : s.lo << (62 - m);
    return round_pack(bs, e, sig, rm, flags, fb, eb);
}

/* ------------------------------------------------------------------------------------------------ */
/* fmin/fmax (RISC-V unpriv. 11.6), comparisons (11.8 "Single-Precision Floating-Point Compare
 * Instructions"), fclass (11.9 "Single-Precision Floating-Point Classify Instruction")           */

/* a < b for non-NaN operands, ordering -0 below +0 */
static int ord_lt(uint64_t a, uint64_t b, int fb, int eb)
{
    unsigned sa = (unsigned)(a >> (fb + eb)) & 1u, sb = (unsigned)(b >> (fb + eb)) & 1u;
    if (sa != sb)
        return (int)sa;
    return sa ? a > b : a < b;
}

/* IEEE 754-2019 minimumNumber/maximumNumber, as fmin/fmax since F 2.2: a NaN operand is ignored, two
 * NaNs give the canonical NaN, NV only for signalling NaNs, and -0 < +0. */
static uint64_t minmax_g(uint64_t a, uint64_t b, int want_max, unsigned *flags, int fb, int eb)
{
    int an = is_nan(a, fb, eb), bn = is_nan(b, fb, eb);
    if (an || bn) {
        if (is_snan(a, fb, eb) || is_snan(b, fb, eb))
            *flags |= SOFTFP_NV;
        if (an && bn)
            return CANON_NAN(fb, eb);
        return an ? b : a;
    }
    return ord_lt(a, b, fb, eb) != want_max ? a : b;
}

static int both_zero(uint64_t a, uint64_t b, int fb, int eb)
{
    return ((a | b) & ~SIGN_BIT(fb, eb)) == 0;
}

/* feq: quiet comparison, NV only for signalling NaNs */
static int eq_g(uint64_t a, uint64_t b, unsigned *flags, int fb, int eb)
{
    if (is_nan(a, fb, eb) || is_nan(b, fb, eb)) {
        if (is_snan(a, fb, eb) || is_snan(b, fb, eb))
            *flags |= SOFTFP_NV;
        return 0;
    }
    return a == b || both_zero(a, b, fb, eb);
}

/* flt/fle: signalling comparisons, NV for any NaN */
static int lt_g(uint64_t a, uint64_t b, int or_equal, unsigned *flags, int fb, int eb)
{
    if (is_nan(a, fb, eb) || is_nan(b, fb, eb)) {
        *flags |= SOFTFP_NV;
        return 0;
    }
    if (a == b || both_zero(a, b, fb, eb))
        return or_equal;
    return ord_lt(a, b, fb, eb);
}

static unsigned classify_g(uint64_t a, int fb, int eb)
{
    const uint64_t emask = ((uint64_t)1 << eb) - 1;
    const uint64_t e = (a >> fb) & emask, f = a & FRAC_MASK(fb);
    const int neg = (int)((a >> (fb + eb)) & 1);
    if (e == emask) {
        if (f == 0)
            return neg ? SOFTFP_CLASS_NEG_INF : SOFTFP_CLASS_POS_INF;
        return ((f >> (fb - 1)) & 1) ? SOFTFP_CLASS_QNAN : SOFTFP_CLASS_SNAN;
    }
    if (e == 0) {
        if (f == 0)
            return neg ? SOFTFP_CLASS_NEG_ZERO : SOFTFP_CLASS_POS_ZERO;
        return neg ? SOFTFP_CLASS_NEG_SUBNORMAL : SOFTFP_CLASS_POS_SUBNORMAL;
    }
    return neg ? SOFTFP_CLASS_NEG_NORMAL : SOFTFP_CLASS_POS_NORMAL;
}

/* ------------------------------------------------------------------------------------------------ */
/* Conversions (RISC-V unpriv. 11.7 "Single-Precision Floating-Point Conversion and Move Instructions",
 * table 11.4 for invalid inputs; 12.5 for fcvt.s.d / fcvt.d.s)                                     */

/* Float to a `width`-bit integer, signed or not, returned as its two's-complement pattern in 64 bits
 * (sign-extended for width 32). Out-of-range and NaN inputs raise NV (and not NX) and saturate: NaN and
 * too-large positive values give the largest integer, too-large negative ones the smallest (0 for
 * unsigned targets). */
static uint64_t to_int_g(uint64_t a, int rm, unsigned *flags, int width, int is_signed, int fb, int eb)
{
    struct fp x = unpack(a, fb, eb);
    const uint64_t maxpos = is_signed ? ((uint64_t)1 << (width - 1)) - 1
                                      : (width == 64 ? UINT64_MAX : ((uint64_t)1 << width) - 1);
    const uint64_t maxneg = is_signed ? (uint64_t)1 << (width - 1) : 0; /* largest magnitude below 0 */
    uint64_t m, rb = 0;

    if (x.cls >= FP_QNAN) {
        *flags |= SOFTFP_NV;
        return maxpos;
    }
    if (x.cls == FP_ZERO)
        return 0;
    if (x.cls == FP_INF || x.exp > 63)
        goto invalid;
    if (x.exp >= 62) {
        m = x.sig << (x.exp - 62); /* integral, < 2^64 */
    } else {
        uint32_t n = (uint32_t)(62 - x.exp); /* fraction bits in sig, >= 1 */
        uint64_t q, half;
        if (n > 63) { /* |value| < 1/2: keep only a sticky bit */
            x.sig = shr_jam64(x.sig, n - 63);
            n = 63;
        }
        q = x.sig >> n;
        rb = x.sig & (((uint64_t)1 << n) - 1);
        half = (uint64_t)1 << (n - 1);
        m = q + round_increment(rm, x.sign, q & 1, rb, half); /* q < 2^62: no overflow */
    }
    if (x.sign ? m > maxneg : m > maxpos)
        goto invalid;
    if (rb)
        *flags |= SOFTFP_NX;
    return x.sign ? (uint64_t)0 - m : m;

invalid:
    *flags |= SOFTFP_NV;
    return x.sign ? (uint64_t)0 - maxneg : maxpos;
}

/* Two's-complement bits to int64_t without implementation-defined conversion. */
static int64_t bits_to_i64(uint64_t x)
{
    return x <= (uint64_t)INT64_MAX ? (int64_t)x : -(int64_t)(~x) - 1;
}

/* (-1)^sign * m to the format */
static uint64_t from_int_g(unsigned sign, uint64_t m, int rm, unsigned *flags, int fb, int eb)
{
    int n;
    if (m == 0)
        return 0;
    n = clz64(m);
    if (n == 0)
        return round_pack(sign, 63, shr_jam64(m, 1), rm, flags, fb, eb);
    return round_pack(sign, 63 - n, m << (n - 1), rm, flags, fb, eb);
}

static uint64_t i64_magnitude(int64_t a)
{
    return a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
}

/* Between formats: NaNs become the canonical NaN of the target (NV for signalling), others round. */
static uint64_t convert_g(uint64_t a, int rm, unsigned *flags, int fb, int eb, int tfb, int teb)
{
    struct fp x = unpack(a, fb, eb);
    switch (x.cls) {
    case FP_SNAN:
        *flags |= SOFTFP_NV;
        return CANON_NAN(tfb, teb);
    case FP_QNAN:
        return CANON_NAN(tfb, teb);
    case FP_INF:
        return ((uint64_t)x.sign << (tfb + teb)) | INF_BITS(tfb, teb);
    case FP_ZERO:
        return (uint64_t)x.sign << (tfb + teb);
    default:
        return round_pack(x.sign, x.exp, x.sig, rm, flags, tfb, teb);
    }
}

/* ------------------------------------------------------------------------------------------------ */
/* Public entry points                                                                              */

sf32 f32_add(sf32 a, sf32 b, int rm, unsigned *flags) { return (sf32)add_g(a, b, 0, rm, flags, F32); }
sf32 f32_sub(sf32 a, sf32 b, int rm, unsigned *flags) { return (sf32)add_g(a, b, 1, rm, flags, F32); }
sf32 f32_mul(sf32 a, sf32 b, int rm, unsigned *flags) { return (sf32)mul_g(a, b, rm, flags, F32); }
sf32 f32_div(sf32 a, sf32 b, int rm, unsigned *flags) { return (sf32)div_g(a, b, rm, flags, F32); }
sf32 f32_sqrt(sf32 a, int rm, unsigned *flags) { return (sf32)sqrt_g(a, rm, flags, F32); }
sf32 f32_muladd(sf32 a, sf32 b, sf32 c, int rm, unsigned *flags) { return (sf32)fma_g(a, b, c, 0, 0, rm, flags, F32); }
sf32 f32_mulsub(sf32 a, sf32 b, sf32 c, int rm, unsigned *flags) { return (sf32)fma_g(a, b, c, 0, 1, rm, flags, F32); }
sf32 f32_nmulsub(sf32 a, sf32 b, sf32 c, int rm, unsigned *flags) { return (sf32)fma_g(a, b, c, 1, 0, rm, flags, F32); }
sf32 f32_nmuladd(sf32 a, sf32 b, sf32 c, int rm, unsigned *flags) { return (sf32)fma_g(a, b, c, 1, 1, rm, flags, F32); }
sf32 f32_min(sf32 a, sf32 b, unsigned *flags) { return (sf32)minmax_g(a, b, 0, flags, F32); }
sf32 f32_max(sf32 a, sf32 b, unsigned *flags) { return (sf32)minmax_g(a, b, 1, flags, F32); }
int f32_eq(sf32 a, sf32 b, unsigned *flags) { return eq_g(a, b, flags, F32); }
int f32_lt(sf32 a, sf32 b, unsigned *flags) { return lt_g(a, b, 0, flags, F32); }
int f32_le(sf32 a, sf32 b, unsigned *flags) { return lt_g(a, b, 1, flags, F32); }
unsigned f32_classify(sf32 a) { return classify_g(a, F32); }
int32_t f32_to_i32(sf32 a, int rm, unsigned *flags) { return (int32_t)bits_to_i64(to_int_g(a, rm, flags, 32, 1, F32)); }
uint32_t f32_to_u32(sf32 a, int rm, unsigned *flags) { return (uint32_t)to_int_g(a, rm, flags, 32, 0, F32); }
int64_t f32_to_i64(sf32 a, int rm, unsigned *flags) { return bits_to_i64(to_int_g(a, rm, flags, 64, 1, F32)); }
uint64_t f32_to_u64(sf32 a, int rm, unsigned *flags) { return to_int_g(a, rm, flags, 64, 0, F32); }
sf32 i32_to_f32(int32_t a, int rm, unsigned *flags) { return (sf32)from_int_g(a < 0, i64_magnitude(a), rm, flags, F32); }
sf32 u32_to_f32(uint32_t a, int rm, unsigned *flags) { return (sf32)from_int_g(0, a, rm, flags, F32); }
sf32 i64_to_f32(int64_t a, int rm, unsigned *flags) { return (sf32)from_int_g(a < 0, i64_magnitude(a), rm, flags, F32); }
sf32 u64_to_f32(uint64_t a, int rm, unsigned *flags) { return (sf32)from_int_g(0, a, rm, flags, F32); }
sf64 f32_to_f64(sf32 a, unsigned *flags) { return convert_g(a, SOFTFP_RNE, flags, F32, F64); }

sf64 f64_add(sf64 a, sf64 b, int rm, unsigned *flags) { return add_g(a, b, 0, rm, flags, F64); }
sf64 f64_sub(sf64 a, sf64 b, int rm, unsigned *flags) { return add_g(a, b, 1, rm, flags, F64); }
sf64 f64_mul(sf64 a, sf64 b, int rm, unsigned *flags) { return mul_g(a, b, rm, flags, F64); }
sf64 f64_div(sf64 a, sf64 b, int rm, unsigned *flags) { return div_g(a, b, rm, flags, F64); }
sf64 f64_sqrt(sf64 a, int rm, unsigned *flags) { return sqrt_g(a, rm, flags, F64); }
sf64 f64_muladd(sf64 a, sf64 b, sf64 c, int rm, unsigned *flags) { return fma_g(a, b, c, 0, 0, rm, flags, F64); }
sf64 f64_mulsub(sf64 a, sf64 b, sf64 c, int rm, unsigned *flags) { return fma_g(a, b, c, 0, 1, rm, flags, F64); }
sf64 f64_nmulsub(sf64 a, sf64 b, sf64 c, int rm, unsigned *flags) { return fma_g(a, b, c, 1, 0, rm, flags, F64); }
sf64 f64_nmuladd(sf64 a, sf64 b, sf64 c, int rm, unsigned *flags) { return fma_g(a, b, c, 1, 1, rm, flags, F64); }
sf64 f64_min(sf64 a, sf64 b, unsigned *flags) { return minmax_g(a, b, 0, flags, F64); }
sf64 f64_max(sf64 a, sf64 b, unsigned *flags) { return minmax_g(a, b, 1, flags, F64); }
int f64_eq(sf64 a, sf64 b, unsigned *flags) { return eq_g(a, b, flags, F64); }
int f64_lt(sf64 a, sf64 b, unsigned *flags) { return lt_g(a, b, 0, flags, F64); }
int f64_le(sf64 a, sf64 b, unsigned *flags) { return lt_g(a, b, 1, flags, F64); }
unsigned f64_classify(sf64 a) { return classify_g(a, F64); }
int32_t f64_to_i32(sf64 a, int rm, unsigned *flags) { return (int32_t)bits_to_i64(to_int_g(a, rm, flags, 32, 1, F64)); }
uint32_t f64_to_u32(sf64 a, int rm, unsigned *flags) { return (uint32_t)to_int_g(a, rm, flags, 32, 0, F64); }
int64_t f64_to_i64(sf64 a, int rm, unsigned *flags) { return bits_to_i64(to_int_g(a, rm, flags, 64, 1, F64)); }
uint64_t f64_to_u64(sf64 a, int rm, unsigned *flags) { return to_int_g(a, rm, flags, 64, 0, F64); }
sf64 i32_to_f64(int32_t a, int rm, unsigned *flags) { return from_int_g(a < 0, i64_magnitude(a), rm, flags, F64); }
sf64 u32_to_f64(uint32_t a, int rm, unsigned *flags) { return from_int_g(0, a, rm, flags, F64); }
sf64 i64_to_f64(int64_t a, int rm, unsigned *flags) { return from_int_g(a < 0, i64_magnitude(a), rm, flags, F64); }
sf64 u64_to_f64(uint64_t a, int rm, unsigned *flags) { return from_int_g(0, a, rm, flags, F64); }
sf32 f64_to_f32(sf64 a, int rm, unsigned *flags) { return (sf32)convert_g(a, rm, flags, F64, F32); }

/* ------------------------------------------------------------------------------------------------ */
/* binary16 (Zfh, Zfhmin): the same generic code with 10 fraction and 5 exponent bits               */

sf16 f16_add(sf16 a, sf16 b, int rm, unsigned *flags) { return (sf16)add_g(a, b, 0, rm, flags, F16); }
sf16 f16_sub(sf16 a, sf16 b, int rm, unsigned *flags) { return (sf16)add_g(a, b, 1, rm, flags, F16); }
sf16 f16_mul(sf16 a, sf16 b, int rm, unsigned *flags) { return (sf16)mul_g(a, b, rm, flags, F16); }
sf16 f16_div(sf16 a, sf16 b, int rm, unsigned *flags) { return (sf16)div_g(a, b, rm, flags, F16); }
sf16 f16_sqrt(sf16 a, int rm, unsigned *flags) { return (sf16)sqrt_g(a, rm, flags, F16); }
sf16 f16_muladd(sf16 a, sf16 b, sf16 c, int rm, unsigned *flags) { return (sf16)fma_g(a, b, c, 0, 0, rm, flags, F16); }
sf16 f16_mulsub(sf16 a, sf16 b, sf16 c, int rm, unsigned *flags) { return (sf16)fma_g(a, b, c, 0, 1, rm, flags, F16); }
sf16 f16_nmulsub(sf16 a, sf16 b, sf16 c, int rm, unsigned *flags) { return (sf16)fma_g(a, b, c, 1, 0, rm, flags, F16); }
sf16 f16_nmuladd(sf16 a, sf16 b, sf16 c, int rm, unsigned *flags) { return (sf16)fma_g(a, b, c, 1, 1, rm, flags, F16); }
sf16 f16_min(sf16 a, sf16 b, unsigned *flags) { return (sf16)minmax_g(a, b, 0, flags, F16); }
sf16 f16_max(sf16 a, sf16 b, unsigned *flags) { return (sf16)minmax_g(a, b, 1, flags, F16); }
int f16_eq(sf16 a, sf16 b, unsigned *flags) { return eq_g(a, b, flags, F16); }
int f16_lt(sf16 a, sf16 b, unsigned *flags) { return lt_g(a, b, 0, flags, F16); }
int f16_le(sf16 a, sf16 b, unsigned *flags) { return lt_g(a, b, 1, flags, F16); }
unsigned f16_classify(sf16 a) { return classify_g(a, F16); }
int32_t f16_to_i32(sf16 a, int rm, unsigned *flags) { return (int32_t)bits_to_i64(to_int_g(a, rm, flags, 32, 1, F16)); }
uint32_t f16_to_u32(sf16 a, int rm, unsigned *flags) { return (uint32_t)to_int_g(a, rm, flags, 32, 0, F16); }
int64_t f16_to_i64(sf16 a, int rm, unsigned *flags) { return bits_to_i64(to_int_g(a, rm, flags, 64, 1, F16)); }
uint64_t f16_to_u64(sf16 a, int rm, unsigned *flags) { return to_int_g(a, rm, flags, 64, 0, F16); }
sf16 i32_to_f16(int32_t a, int rm, unsigned *flags) { return (sf16)from_int_g(a < 0, i64_magnitude(a), rm, flags, F16); }
sf16 u32_to_f16(uint32_t a, int rm, unsigned *flags) { return (sf16)from_int_g(0, a, rm, flags, F16); }
sf16 i64_to_f16(int64_t a, int rm, unsigned *flags) { return (sf16)from_int_g(a < 0, i64_magnitude(a), rm, flags, F16); }
sf16 u64_to_f16(uint64_t a, int rm, unsigned *flags) { return (sf16)from_int_g(0, a, rm, flags, F16); }
sf32 f16_to_f32(sf16 a, unsigned *flags) { return (sf32)convert_g(a, SOFTFP_RNE, flags, F16, F32); }
sf64 f16_to_f64(sf16 a, unsigned *flags) { return convert_g(a, SOFTFP_RNE, flags, F16, F64); }
sf16 f32_to_f16(sf32 a, int rm, unsigned *flags) { return (sf16)convert_g(a, rm, flags, F32, F16); }
sf16 f64_to_f16(sf64 a, int rm, unsigned *flags) { return (sf16)convert_g(a, rm, flags, F64, F16); }

/* ------------------------------------------------------------------------------------------------ */
/* Zfa (additional floating-point instructions 1.0)                                                 */

/* fround / froundnx: round to an integral value in the same format; NX only when `exact` (froundnx)
 * and the value changed; NaNs give the canonical NaN (NV for a signalling one); infinities and zeros
 * are returned as they are, and a zero result keeps the operand's sign. */
static uint64_t round_int_g(uint64_t a, int rm, int exact, unsigned *flags, int fb, int eb)
{
    const int32_t emask = ((int32_t)1 << eb) - 1, bias = ((int32_t)1 << (eb - 1)) - 1;
    const int32_t e = (int32_t)((a >> fb) & (uint64_t)emask);
    const uint64_t sbit = a & SIGN_BIT(fb, eb);
    const unsigned sign = sbit != 0;
    uint64_t sig, q, rb, half, m;
    int32_t shift;

    if (e == emask) {
        if (!(a & FRAC_MASK(fb))) return a;
        if (is_snan(a, fb, eb)) *flags |= SOFTFP_NV;
        return CANON_NAN(fb, eb);
    }
    if (e >= bias + fb || (a & ~SIGN_BIT(fb, eb)) == 0) return a;   /* already integral, or zero */
    sig = (a & FRAC_MASK(fb)) | (e ? (uint64_t)1 << fb : 0);
    shift = bias + fb - (e ? e : 1);                               /* fraction bits to drop, >= 1 */
    if (shift > fb + 1) {
        /* |a| < 1/2: rounds to 0 or 1 */
        q = 0;
        m = round_increment(rm, sign, 0, 1, 2);
    } else {
        q = sig >> shift;
        rb = sig & (((uint64_t)1 << shift) - 1);
        half = (uint64_t)1 << (shift - 1);
        m = q + round_increment(rm, sign, q & 1, rb, half);
    }
    if (exact) *flags |= SOFTFP_NX;   /* a value with a fraction always changes */
    if (m == 0) return sbit;
    return from_int_g(sign, m, SOFTFP_RNE, flags, fb, eb);   /* exact: m has at most fb + 1 bits */
}

sf16 f16_round(sf16 a, int rm, int exact, unsigned *flags) { return (sf16)round_int_g(a, rm, exact, flags, F16); }
sf32 f32_round(sf32 a, int rm, int exact, unsigned *flags) { return (sf32)round_int_g(a, rm, exact, flags, F32); }
sf64 f64_round(sf64 a, int rm, int exact, unsigned *flags) { return round_int_g(a, rm, exact, flags, F64); }

/* fminm / fmaxm: fmin / fmax, except that a NaN operand gives the canonical NaN. */
static uint64_t minmaxm_g(uint64_t a, uint64_t b, int want_max, unsigned *flags, int fb, int eb)
{
    uint64_t r = minmax_g(a, b, want_max, flags, fb, eb);
    return is_nan(a, fb, eb) || is_nan(b, fb, eb) ? CANON_NAN(fb, eb) : r;
}
sf16 f16_minm(sf16 a, sf16 b, unsigned *flags) { return (sf16)minmaxm_g(a, b, 0, flags, F16); }
sf16 f16_maxm(sf16 a, sf16 b, unsigned *flags) { return (sf16)minmaxm_g(a, b, 1, flags, F16); }
sf32 f32_minm(sf32 a, sf32 b, unsigned *flags) { return (sf32)minmaxm_g(a, b, 0, flags, F32); }
sf32 f32_maxm(sf32 a, sf32 b, unsigned *flags) { return (sf32)minmaxm_g(a, b, 1, flags, F32); }
sf64 f64_minm(sf64 a, sf64 b, unsigned *flags) { return minmaxm_g(a, b, 0, flags, F64); }
sf64 f64_maxm(sf64 a, sf64 b, unsigned *flags) { return minmaxm_g(a, b, 1, flags, F64); }

/* fleq / fltq: fle / flt as quiet comparisons (NV only for a signalling NaN). */
static int ltq_g(uint64_t a, uint64_t b, int or_equal, unsigned *flags, int fb, int eb)
{
    if (is_nan(a, fb, eb) || is_nan(b, fb, eb)) {
        if (is_snan(a, fb, eb) || is_snan(b, fb, eb)) *flags |= SOFTFP_NV;
        return 0;
    }
    return lt_g(a, b, or_equal, flags, fb, eb);
}
int f16_ltq(sf16 a, sf16 b, unsigned *flags) { return ltq_g(a, b, 0, flags, F16); }
int f16_leq(sf16 a, sf16 b, unsigned *flags) { return ltq_g(a, b, 1, flags, F16); }
int f32_ltq(sf32 a, sf32 b, unsigned *flags) { return ltq_g(a, b, 0, flags, F32); }
int f32_leq(sf32 a, sf32 b, unsigned *flags) { return ltq_g(a, b, 1, flags, F32); }
int f64_ltq(sf64 a, sf64 b, unsigned *flags) { return ltq_g(a, b, 0, flags, F64); }
int f64_leq(sf64 a, sf64 b, unsigned *flags) { return ltq_g(a, b, 1, flags, F64); }

/* fcvtmod.w.d: truncate toward zero and keep the integer modulo 2^32 (sign-extended). Flags as
 * fcvt.w.d with rtz: NV when the value is NaN, infinite or outside int32 (result 0 for NaN and
 * infinities), otherwise NX when a fraction was dropped. */
int32_t f64_to_i32_mod(sf64 a, unsigned *flags)
{
    const int32_t e = (int32_t)((a >> 52) & 0x7ff), k = e - 1023 - 52;
    const unsigned sign = (unsigned)(a >> 63);
    uint64_t sig, ip;
    int inexact = 0, range;

    if (e == 0x7ff) {
        *flags |= SOFTFP_NV;
        return 0;
    }
    if ((a & ~SIGN_BIT(52, 11)) == 0) return 0;
    sig = (a & FRAC_MASK(52)) | (e ? (uint64_t)1 << 52 : 0);
    if (k >= 0) {
        ip = k >= 64 ? 0 : sig << k;   /* |a| >= 2^52: out of range; the low bits still count */
        range = 0;
    } else if (k <= -64) {
        ip = 0;
        inexact = 1;
        range = 1;
    } else {
        ip = sig >> -k;
        inexact = (sig & (((uint64_t)1 << -k) - 1)) != 0;
        range = ip <= (sign ? (uint64_t)1 << 31 : ((uint64_t)1 << 31) - 1);
    }
    if (!range) *flags |= SOFTFP_NV;
    else if (inexact) *flags |= SOFTFP_NX;
    if (sign) ip = (uint64_t)0 - ip;
    uint32_t lo = (uint32_t)ip;
    return lo <= (uint32_t)INT32_MAX ? (int32_t)lo : -(int32_t)(~lo) - 1;
}
