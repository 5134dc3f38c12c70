/* softfp.h: integer-only IEEE 754-2008 binary32/binary64 arithmetic with RISC-V F/D semantics (unpriv. ISA 20191213, ch. 11-12). */
#ifndef VHART_SOFTFP_H
#define VHART_SOFTFP_H

#include <stdint.h>

/* Values are raw IEEE 754 bit patterns; no host floating point is involved anywhere, so results and
 * flags are identical on every host whatever its FPU, endianness or rounding state.
 *
 * Conventions shared by every function:
 *  - `rm` is a RISC-V rounding mode (frm encoding, 0..4); callers resolve DYN and never pass 5..7.
 *  - `flags` points to an fflags accumulator: functions only OR bits into it, never clear it.
 *  - Every NaN result is the canonical NaN (RISC-V F, "NaN Generation and Propagation").
 *  - Tininess is detected after rounding, and UF is raised only for tiny and inexact results. */

typedef uint32_t sf32; /* binary32 bits */
typedef uint64_t sf64; /* binary64 bits */
typedef uint16_t sf16; /* binary16 bits (Zfh) */

enum softfp_rm {
    SOFTFP_RNE = 0, /* round to nearest, ties to even */
    SOFTFP_RTZ = 1, /* toward zero */
    SOFTFP_RDN = 2, /* toward -infinity */
    SOFTFP_RUP = 3, /* toward +infinity */
    SOFTFP_RMM = 4  /* round to nearest, ties away from zero */
};

/* fflags bits (RISC-V F, "Floating-Point Control and Status Register") */
#define SOFTFP_NX 0x01u /* inexact */
#define SOFTFP_UF 0x02u /* underflow */
#define SOFTFP_OF 0x04u /* overflow */
#define SOFTFP_DZ 0x08u /* divide by zero */
#define SOFTFP_NV 0x10u /* invalid operation */

#define SOFTFP_F32_CANONICAL_NAN ((sf32)0x7fc00000u)
#define SOFTFP_F64_CANONICAL_NAN ((sf64)0x7ff8000000000000u)
#define SOFTFP_F16_CANONICAL_NAN ((sf16)0x7e00u)

/* fclass result bits (RISC-V F, "Single-Precision Floating-Point Classify Instruction") */
#define SOFTFP_CLASS_NEG_INF       0x001u
#define SOFTFP_CLASS_NEG_NORMAL    0x002u
#define SOFTFP_CLASS_NEG_SUBNORMAL 0x004u
#define SOFTFP_CLASS_NEG_ZERO      0x008u
#define SOFTFP_CLASS_POS_ZERO      0x010u
#define SOFTFP_CLASS_POS_SUBNORMAL 0x020u
#define SOFTFP_CLASS_POS_NORMAL    0x040u
#define SOFTFP_CLASS_POS_INF       0x080u
#define SOFTFP_CLASS_SNAN          0x100u
#define SOFTFP_CLASS_QNAN          0x200u

/* ---- binary32 ---- */
sf32 f32_add(sf32 a, sf32 b, int rm, unsigned *flags);
sf32 f32_sub(sf32 a, sf32 b, int rm, unsigned *flags);
sf32 f32_mul(sf32 a, sf32 b, int rm, unsigned *flags);
sf32 f32_div(sf32 a, sf32 b, int rm, unsigned *flags);
sf32 f32_sqrt(sf32 a, int rm, unsigned *flags);
sf32 f32_muladd(sf32 a, sf32 b, sf32 c, int rm, unsigned *flags);  /* fmadd:   a*b+c     */
sf32 f32_mulsub(sf32 a, sf32 b, sf32 c, int rm, unsigned *flags);  /* fmsub:   a*b-c     */
sf32 f32_nmulsub(sf32 a, sf32 b, sf32 c, int rm, unsigned *flags); /* fnmsub: -(a*b)+c   */
sf32 f32_nmuladd(sf32 a, sf32 b, sf32 c, int rm, unsigned *flags); /* fnmadd: -(a*b)-c   */
sf32 f32_min(sf32 a, sf32 b, unsigned *flags);
sf32 f32_max(sf32 a, sf32 b, unsigned *flags);
int f32_eq(sf32 a, sf32 b, unsigned *flags); /* quiet: NV only for signalling NaN */
int f32_lt(sf32 a, sf32 b, unsigned *flags); /* signalling: NV for any NaN */
int f32_le(sf32 a, sf32 b, unsigned *flags); /* signalling: NV for any NaN */
unsigned f32_classify(sf32 a);
int32_t f32_to_i32(sf32 a, int rm, unsigned *flags);
uint32_t f32_to_u32(sf32 a, int rm, unsigned *flags);
int64_t f32_to_i64(sf32 a, int rm, unsigned *flags);
uint64_t f32_to_u64(sf32 a, int rm, unsigned *flags);
sf32 i32_to_f32(int32_t a, int rm, unsigned *flags);
sf32 u32_to_f32(uint32_t a, int rm, unsigned *flags);
sf32 i64_to_f32(int64_t a, int rm, unsigned *flags);
sf32 u64_to_f32(uint64_t a, int rm, unsigned *flags);
sf64 f32_to_f64(sf32 a, unsigned *flags); /* always exact */

/* ---- binary64 ---- */
sf64 f64_add(sf64 a, sf64 b, int rm, unsigned *flags);
sf64 f64_sub(sf64 a, sf64 b, int rm, unsigned *flags);
sf64 f64_mul(sf64 a, sf64 b, int rm, unsigned *flags);
sf64 f64_div(sf64 a, sf64 b, int rm, unsigned *flags);
sf64 f64_sqrt(sf64 a, int rm, unsigned *flags);
sf64 f64_muladd(sf64 a, sf64 b, sf64 c, int rm, unsigned *flags);
sf64 f64_mulsub(sf64 a, sf64 b, sf64 c, int rm, unsigned *flags);
sf64 f64_nmulsub(sf64 a, sf64 b, sf64 c, int rm, unsigned *flags);
sf64 f64_nmuladd(sf64 a, sf64 b, sf64 c, int rm, unsigned *flags);
sf64 f64_min(sf64 a, sf64 b, unsigned *flags);
sf64 f64_max(sf64 a, sf64 b, unsigned *flags);
int f64_eq(sf64 a, sf64 b, unsigned *flags);
int f64_lt(sf64 a, sf64 b, unsigned *flags);
int f64_le(sf64 a, sf64 b, unsigned *flags);
unsigned f64_classify(sf64 a);
int32_t f64_to_i32(sf64 a, int rm, unsigned *flags);
uint32_t f64_to_u32(sf64 a, int rm, unsigned *flags);
int64_t f64_to_i64(sf64 a, int rm, unsigned *flags);
uint64_t f64_to_u64(sf64 a, int rm, unsigned *flags);
sf64 i32_to_f64(int32_t a, int rm, unsigned *flags);  /* exact: rm unused, no flags */
sf64 u32_to_f64(uint32_t a, int rm, unsigned *flags); /* exact: rm unused, no flags */
sf64 i64_to_f64(int64_t a, int rm, unsigned *flags);
sf64 u64_to_f64(uint64_t a, int rm, unsigned *flags);
sf32 f64_to_f32(sf64 a, int rm, unsigned *flags);

/* ---- binary16 (Zfh / Zfhmin) ---- */
sf16 f16_add(sf16 a, sf16 b, int rm, unsigned *flags);
sf16 f16_sub(sf16 a, sf16 b, int rm, unsigned *flags);
sf16 f16_mul(sf16 a, sf16 b, int rm, unsigned *flags);
sf16 f16_div(sf16 a, sf16 b, int rm, unsigned *flags);
sf16 f16_sqrt(sf16 a, int rm, unsigned *flags);
sf16 f16_muladd(sf16 a, sf16 b, sf16 c, int rm, unsigned *flags);
sf16 f16_mulsub(sf16 a, sf16 b, sf16 c, int rm, unsigned *flags);
sf16 f16_nmulsub(sf16 a, sf16 b, sf16 c, int rm, unsigned *flags);
sf16 f16_nmuladd(sf16 a, sf16 b, sf16 c, int rm, unsigned *flags);
sf16 f16_min(sf16 a, sf16 b, unsigned *flags);
sf16 f16_max(sf16 a, sf16 b, unsigned *flags);
int f16_eq(sf16 a, sf16 b, unsigned *flags);
int f16_lt(sf16 a, sf16 b, unsigned *flags);
int f16_le(sf16 a, sf16 b, unsigned *flags);
unsigned f16_classify(sf16 a);
int32_t f16_to_i32(sf16 a, int rm, unsigned *flags);
uint32_t f16_to_u32(sf16 a, int rm, unsigned *flags);
int64_t f16_to_i64(sf16 a, int rm, unsigned *flags);
uint64_t f16_to_u64(sf16 a, int rm, unsigned *flags);
sf16 i32_to_f16(int32_t a, int rm, unsigned *flags);
sf16 u32_to_f16(uint32_t a, int rm, unsigned *flags);
sf16 i64_to_f16(int64_t a, int rm, unsigned *flags);
sf16 u64_to_f16(uint64_t a, int rm, unsigned *flags);
sf32 f16_to_f32(sf16 a, unsigned *flags); /* always exact */
sf64 f16_to_f64(sf16 a, unsigned *flags); /* always exact */
sf16 f32_to_f16(sf32 a, int rm, unsigned *flags);
sf16 f64_to_f16(sf64 a, int rm, unsigned *flags);

/* ---- Zfa ---- */
/* fround (exact = 0: no NX) and froundnx (exact = 1) */
sf16 f16_round(sf16 a, int rm, int exact, unsigned *flags);
sf32 f32_round(sf32 a, int rm, int exact, unsigned *flags);
sf64 f64_round(sf64 a, int rm, int exact, unsigned *flags);
sf16 f16_minm(sf16 a, sf16 b, unsigned *flags);
sf16 f16_maxm(sf16 a, sf16 b, unsigned *flags);
sf32 f32_minm(sf32 a, sf32 b, unsigned *flags);
sf32 f32_maxm(sf32 a, sf32 b, unsigned *flags);
sf64 f64_minm(sf64 a, sf64 b, unsigned *flags);
sf64 f64_maxm(sf64 a, sf64 b, unsigned *flags);
int f16_ltq(sf16 a, sf16 b, unsigned *flags);
int f16_leq(sf16 a, sf16 b, unsigned *flags);
int f32_ltq(sf32 a, sf32 b, unsigned *flags);
int f32_leq(sf32 a, sf32 b, unsigned *flags);
int f64_ltq(sf64 a, sf64 b, unsigned *flags);
int f64_leq(sf64 a, sf64 b, unsigned *flags);
int32_t f64_to_i32_mod(sf64 a, unsigned *flags);   /* fcvtmod.w.d */

#endif
