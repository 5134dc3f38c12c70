/* NaN boxing of single-precision values in the 64-bit f registers (unprivileged spec 12.2). A single
 * operand whose upper 32 bits are not all ones reads as the canonical NaN 0x7fc00000 (a quiet NaN, so
 * no NV by itself); every single result is written boxed (upper half all ones); FMV.X.W and FSW take the
 * low 32 bits without looking at the upper half; double-precision operations see the boxed pattern as
 * an ordinary (NaN) double. Operand registers are set raw with fmv.d.x. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

#define UNBOXED_2   0x0000000040000000      /* 2.0f with the upper half zero */
#define ALMOST_2    0xfffffffe40000000      /* 2.0f with one upper bit clear */
#define UPPER7_2    0x7fffffff40000000      /* 2.0f with the top bit clear */
#define BOXED_1     0xffffffff3f800000      /* 1.0f, boxed */
#define BOXED_2     0xffffffff40000000      /* 2.0f, boxed */
#define BOXED_M1    0xffffffffbf800000      /* -1.0f, boxed */
#define BOXED_SNAN  0xffffffff7f800001      /* signalling NaN, boxed */
#define BOXED_CNAN  0xffffffff7fc00000      /* canonical NaN, boxed */
#define BOXED_NCNAN 0xffffffffffc00000      /* canonical NaN with the sign set, boxed */

        TEST_BEGIN
        FP_INIT

        /* ---- properly boxed operands work as singles ---- */
        TEST_FP_RAW(2, 0xffffffff40400000, 0, BOXED_2, BOXED_1, 0, fadd.s fa0, fa1, fa2, rne)
        /* ---- arithmetic on unboxed operands: canonical NaN, no flags (a quiet NaN) ---- */
        TEST_FP_RAW(3, BOXED_CNAN, 0, UNBOXED_2, BOXED_1, 0, fadd.s fa0, fa1, fa2, rne)
        TEST_FP_RAW(4, BOXED_CNAN, 0, BOXED_1, ALMOST_2, 0, fadd.s fa0, fa1, fa2, rne)
        TEST_FP_RAW(5, BOXED_CNAN, 0, UPPER7_2, BOXED_1, 0, fsub.s fa0, fa1, fa2, rne)
        TEST_FP_RAW(6, BOXED_CNAN, 0, UNBOXED_2, BOXED_2, 0, fmul.s fa0, fa1, fa2, rne)
        TEST_FP_RAW(7, BOXED_CNAN, 0, BOXED_2, UNBOXED_2, 0, fdiv.s fa0, fa1, fa2, rne)
        TEST_FP_RAW(8, BOXED_CNAN, 0, 0, 0, 0, fdiv.s fa0, fa1, fa2, rne)          /* not 0/0: NaN / NaN, no NV */
        TEST_FP_RAW(9, BOXED_CNAN, 0, UNBOXED_2, 0, 0, fsqrt.s fa0, fa1, rne)
        TEST_FP_RAW(10, BOXED_CNAN, 0, BOXED_1, BOXED_1, UNBOXED_2, fmadd.s fa0, fa1, fa2, fa3, rne)
        TEST_FP_RAW(11, BOXED_CNAN, 0, UNBOXED_2, BOXED_1, BOXED_1, fnmsub.s fa0, fa1, fa2, fa3, rne)
        /* an unboxed register with a signalling-NaN low half is still just the canonical quiet NaN */
        TEST_FP_RAW(12, BOXED_CNAN, 0, 0x000000007f800001, BOXED_1, 0, fadd.s fa0, fa1, fa2, rne)
        TEST_FP_RAW(13, BOXED_CNAN, FF_NV, BOXED_SNAN, UNBOXED_2, 0, fadd.s fa0, fa1, fa2, rne)
        /* inf * unboxed: the canonical NaN propagates, no NV */
        TEST_FP_RAW(14, BOXED_CNAN, 0, 0xffffffff7f800000, 0, 0, fmul.s fa0, fa1, fa2, rne)

        /* ---- min / max: an unboxed operand is a quiet NaN, so the other operand is returned ---- */
        TEST_FP_RAW(15, BOXED_1, 0, UNBOXED_2, BOXED_1, 0, fmin.s fa0, fa1, fa2)
        TEST_FP_RAW(16, BOXED_M1, 0, BOXED_M1, ALMOST_2, 0, fmax.s fa0, fa1, fa2)
        TEST_FP_RAW(17, BOXED_CNAN, 0, UNBOXED_2, UPPER7_2, 0, fmax.s fa0, fa1, fa2)

        /* ---- comparisons: quiet NaN rules ---- */
        TEST_FP_RAW_INT(18, 0, 0, UNBOXED_2, UNBOXED_2, feq.s a0, fa1, fa2)
        TEST_FP_RAW_INT(19, 0, FF_NV, UNBOXED_2, BOXED_2, flt.s a0, fa1, fa2)
        TEST_FP_RAW_INT(20, 0, FF_NV, BOXED_2, UNBOXED_2, fle.s a0, fa1, fa2)
        TEST_FP_RAW_INT(21, 1, 0, BOXED_2, BOXED_2, feq.s a0, fa1, fa2)

        /* ---- fclass: quiet NaN ---- */
        TEST_FP_RAW_INT(22, FCLASS_QNAN, 0, UNBOXED_2, 0, fclass.s a0, fa1)
        TEST_FP_RAW_INT(23, FCLASS_QNAN, 0, 0x00000000ff800000, 0, fclass.s a0, fa1)
        TEST_FP_RAW_INT(24, FCLASS_QNAN, 0, 0x000000007f800001, 0, fclass.s a0, fa1)
        TEST_FP_RAW_INT(25, FCLASS_SNAN, 0, BOXED_SNAN, 0, fclass.s a0, fa1)
        TEST_FP_RAW_INT(26, FCLASS_NINF, 0, 0xffffffffff800000, 0, fclass.s a0, fa1)

        /* ---- conversions from an unboxed single ---- */
        TEST_FP_RAW_INT(27, 0x7fffffff, FF_NV, UNBOXED_2, 0, fcvt.w.s a0, fa1, rtz)
        TEST_FP_RAW_INT(28, 0xffffffffffffffff, FF_NV, UNBOXED_2, 0, fcvt.lu.s a0, fa1, rtz)
        TEST_FP_RAW(29, CNAN_D, 0, UNBOXED_2, 0, 0, fcvt.d.s fa0, fa1)
        TEST_FP_RAW(30, 0x4000000000000000, 0, BOXED_2, 0, 0, fcvt.d.s fa0, fa1)

        /* ---- sign injection: the unboxed operand is the canonical NaN, then the sign is injected ---- */
        TEST_FP_RAW(31, BOXED_NCNAN, 0, UNBOXED_2, BOXED_M1, 0, fsgnj.s fa0, fa1, fa2)
        TEST_FP_RAW(32, BOXED_CNAN, 0, UNBOXED_2, BOXED_M1, 0, fsgnjn.s fa0, fa1, fa2)
        TEST_FP_RAW(33, BOXED_NCNAN, 0, UNBOXED_2, BOXED_M1, 0, fsgnjx.s fa0, fa1, fa2)
        /* an unboxed rs2 gives the sign of 0x7fc00000 (positive) */
        TEST_FP_RAW(34, BOXED_1, 0, BOXED_M1, 0x80000000bf800000, 0, fsgnj.s fa0, fa1, fa2)
        TEST_FP_RAW(35, BOXED_M1, 0, BOXED_1, 0x80000000bf800000, 0, fsgnjn.s fa0, fa1, fa2)
        TEST_FP_RAW(36, BOXED_M1, 0, BOXED_M1, UNBOXED_2, 0, fsgnjx.s fa0, fa1, fa2)
        TEST_FP_RAW(37, BOXED_CNAN, 0, UNBOXED_2, 0, 0, fmv.s fa0, fa1)
        TEST_FP_RAW(38, BOXED_NCNAN, 0, UNBOXED_2, 0, 0, fneg.s fa0, fa1)
        TEST_FP_RAW(39, BOXED_CNAN, 0, 0x12345678ffc00001, 0, 0, fabs.s fa0, fa1)
        /* a boxed NaN keeps its payload through sign injection */
        TEST_FP_RAW(40, 0xffffffffff800001, 0, BOXED_SNAN, BOXED_M1, 0, fsgnj.s fa0, fa1, fa2)

        /* ---- transfers out ignore the upper half ---- */
        TEST_FP_RAW_INT(41, 0x40000000, 0, UNBOXED_2, 0, fmv.x.w a0, fa1)
        TEST_FP_RAW_INT(42, 0xffffffffbf800000, 0, 0x00000000bf800000, 0, fmv.x.w a0, fa1)
        TEST_FP_RAW_INT(43, 0xffffffff89abcdef, 0, 0x0123456789abcdef, 0, fmv.x.w a0, fa1)
        TEST_CASE(44)
        FLOAD_D(fa1, 0x0123456789abcdef)
        la a2, wbuf
        sw zero, 0(a2)
        fsw fa1, 0(a2)
        lwu a0, 0(a2)
        CHECK(a0, 0x89abcdef)

        /* ---- every single-precision write boxes its result ---- */
        TEST_CASE(45)                           /* flw into a register holding a double */
        FLOAD_D(fa0, 0x400921fb54442d18)
        la a2, wbuf
        li t1, 0x3f800000
        sw t1, 0(a2)
        flw fa0, 0(a2)
        fmv.x.d a0, fa0
        CHECK(a0, BOXED_1)
        TEST_CASE(46)                           /* fmv.w.x: upper 32 bits of the integer ignored, result boxed */
        FLOAD_D(fa0, 0)
        li a1, 0x00000000c0000000
        fmv.w.x fa0, a1
        fmv.x.d a0, fa0
        CHECK(a0, 0xffffffffc0000000)
        TEST_FP_RAW(47, BOXED_M1, 0, 0xbff0000000000000, 0, 0, fcvt.s.d fa0, fa1)
        TEST_INT_S(48, 0x40a00000, 0, 5, fcvt.s.w fa0, a1)
        TEST_INT_S(49, 0x5f800000, FF_NX, -1, fcvt.s.lu fa0, a1)
        TEST_FP_RAW(50, BOXED_M1, 0, BOXED_M1, BOXED_1, 0, fmin.s fa0, fa1, fa2)
        TEST_FP_RAW(51, BOXED_M1, 0, BOXED_1, BOXED_M1, 0, fsgnjn.s fa0, fa1, fa1)
        TEST_FP_RAW(52, 0xffffffff40400000, 0, BOXED_1, BOXED_2, BOXED_1, fmadd.s fa0, fa1, fa2, fa3, rne)
        TEST_FP_RAW(53, BOXED_CNAN, FF_NV, BOXED_M1, 0, 0, fsqrt.s fa0, fa1, rne)

        /* ---- a double operation sees the boxed bits as a double (a negative quiet NaN): canonical NaN ---- */
        TEST_FP_RAW(54, CNAN_D, 0, BOXED_1, 0x3ff0000000000000, 0, fadd.d fa0, fa1, fa2, rne)
        TEST_FP_RAW_INT(55, FCLASS_QNAN, 0, BOXED_1, 0, fclass.d a0, fa1)
        TEST_FP_RAW_INT(56, 0xffffffff3f800000, 0, BOXED_1, 0, fmv.x.d a0, fa1)

        TEST_END

        .data
        .align 3
wbuf:   .dword 0
