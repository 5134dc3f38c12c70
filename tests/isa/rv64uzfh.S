/* Zfh half precision (unprivileged spec, "Zfh" chapter): arithmetic with each kind of rounding result
 * (exact, inexact, overflow, underflow to zero), fused multiply-add, min/max, comparisons, classify,
 * conversions to and from integers, binary32 and binary64, moves, loads and stores, and NaN-boxing
 * (an improperly boxed half operand reads as the canonical NaN 0x7e00; a half result is boxed with 48
 * ones). Values: 1.0 = 0x3c00, 2.0 = 0x4000, 3.0 = 0x4200, 0.5 = 0x3800, largest finite 65504 = 0x7bff,
 * smallest subnormal 2^-24 = 0x0001. Runs on QEMU too (-cpu rv64,zfh=true). */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        .option arch, +zfh

#define H(v) (0xffffffffffff0000 | (v))

        TEST_BEGIN
        FP_INIT

        TEST_FP_RAW(2, H(0x4200), 0, H(0x3c00), H(0x4000), 0, fadd.h fa0, fa1, fa2)
        TEST_FP_RAW(3, H(0x7c00), FF_OF | FF_NX, H(0x7bff), H(0x7bff), 0, fadd.h fa0, fa1, fa2)
        TEST_FP_RAW(4, H(0x7bff), FF_OF | FF_NX, H(0x7bff), H(0x7bff), 0, fadd.h fa0, fa1, fa2, rtz)
        TEST_FP_RAW(5, H(0x0000), 0, H(0x3c00), H(0x3c00), 0, fsub.h fa0, fa1, fa2)
        TEST_FP_RAW(6, H(0x0000), FF_UF | FF_NX, H(0x0001), H(0x3800), 0, fmul.h fa0, fa1, fa2)
        TEST_FP_RAW(7, H(0x0001), FF_UF | FF_NX, H(0x0001), H(0x3800), 0, fmul.h fa0, fa1, fa2, rup)
        TEST_FP_RAW(8, H(0x3555), FF_NX, H(0x3c00), H(0x4200), 0, fdiv.h fa0, fa1, fa2)
        TEST_FP_RAW(9, H(0x3556), FF_NX, H(0x3c00), H(0x4200), 0, fdiv.h fa0, fa1, fa2, rup)
        TEST_FP_RAW(10, H(0x7c00), FF_DZ, H(0x3c00), H(0x0000), 0, fdiv.h fa0, fa1, fa2)
        TEST_FP_RAW(11, H(0x3da8), FF_NX, H(0x4000), 0, 0, fsqrt.h fa0, fa1)
        TEST_FP_RAW(12, H(0x7e00), FF_NV, H(0xbc00), 0, 0, fsqrt.h fa0, fa1)
        TEST_FP_RAW(13, H(0x4500), 0, H(0x3c00), H(0x4000), H(0x4200), fmadd.h fa0, fa1, fa2, fa3)
        TEST_FP_RAW(14, H(0xbc00), 0, H(0x3c00), H(0x4000), H(0x4200), fmsub.h fa0, fa1, fa2, fa3)
        TEST_FP_RAW(15, H(0x3c00), 0, H(0x3c00), H(0x4000), H(0x4200), fnmsub.h fa0, fa1, fa2, fa3)
        TEST_FP_RAW(16, H(0xc500), 0, H(0x3c00), H(0x4000), H(0x4200), fnmadd.h fa0, fa1, fa2, fa3)
        TEST_FP_RAW(17, H(0xbc00), 0, H(0xbc00), H(0x3c00), 0, fmin.h fa0, fa1, fa2)
        TEST_FP_RAW(18, H(0x3c00), 0, H(0x7e00), H(0x3c00), 0, fmax.h fa0, fa1, fa2)
        TEST_FP_RAW(19, H(0x3c00), FF_NV, H(0x7c01), H(0x3c00), 0, fmax.h fa0, fa1, fa2)
        TEST_FP_RAW(20, H(0xbc00), 0, H(0x3c00), H(0x8000), 0, fsgnj.h fa0, fa1, fa2)
        TEST_FP_RAW(21, H(0x3c00), 0, H(0x3c00), H(0x8000), 0, fsgnjn.h fa0, fa1, fa2)
        TEST_FP_RAW(22, H(0x3c00), 0, H(0xbc00), H(0x8000), 0, fsgnjx.h fa0, fa1, fa2)
        TEST_FP_RAW_INT(23, 1, 0, H(0x3c00), H(0x3c00), feq.h a0, fa1, fa2)
        TEST_FP_RAW_INT(24, 0, FF_NV, H(0x7c01), H(0x3c00), feq.h a0, fa1, fa2)
        TEST_FP_RAW_INT(25, 0, FF_NV, H(0x7e00), H(0x3c00), flt.h a0, fa1, fa2)
        TEST_FP_RAW_INT(26, 1, 0, H(0x3c00), H(0x4000), fle.h a0, fa1, fa2)
        TEST_FP_RAW_INT(27, FCLASS_PSUB, 0, H(0x0001), 0, fclass.h a0, fa1)
        TEST_FP_RAW_INT(28, FCLASS_SNAN, 0, H(0x7c01), 0, fclass.h a0, fa1)
        TEST_FP_RAW_INT(29, FCLASS_NINF, 0, H(0xfc00), 0, fclass.h a0, fa1)
        TEST_FP_RAW_INT(30, FCLASS_QNAN, 0, 0x0000000000003c00, 0, fclass.h a0, fa1)   /* not boxed */
        TEST_FP_RAW_INT(31, 3, 0, H(0x4200), 0, fcvt.w.h a0, fa1)
        TEST_FP_RAW_INT(32, -1, FF_NX, H(0xbe00), 0, fcvt.w.h a0, fa1, rtz)
        TEST_FP_RAW_INT(33, -2, FF_NX, H(0xbe00), 0, fcvt.w.h a0, fa1, rne)
        TEST_FP_RAW_INT(34, 0, FF_NV, H(0xbc00), 0, fcvt.wu.h a0, fa1)
        TEST_FP_RAW_INT(35, 65504, 0, H(0x7bff), 0, fcvt.l.h a0, fa1)
        TEST_FP_RAW_INT(36, 0xffffffffffffffff, FF_NV, H(0x7c00), 0, fcvt.lu.h a0, fa1)
        TEST_INT_D(37, H(0x7c00), FF_OF | FF_NX, 65520, fcvt.h.w fa0, a1)
        TEST_INT_D(38, H(0x7bff), FF_NX, 65519, fcvt.h.wu fa0, a1)
        TEST_INT_D(39, H(0xc200), 0, -3, fcvt.h.l fa0, a1)
        TEST_INT_D(40, H(0x6400), 0, 1024, fcvt.h.lu fa0, a1)
        TEST_FP_RAW(41, 0xffffffff3f800000, 0, H(0x3c00), 0, 0, fcvt.s.h fa0, fa1)
        TEST_FP_RAW(42, H(0x3c00), FF_NX, 0xffffffff3f800001, 0, 0, fcvt.h.s fa0, fa1)
        TEST_FP_RAW(43, H(0x3c01), FF_NX, 0xffffffff3f800001, 0, 0, fcvt.h.s fa0, fa1, rup)
        TEST_FP_RAW(44, 0x3e70000000000000, 0, H(0x0001), 0, 0, fcvt.d.h fa0, fa1)
        TEST_FP_RAW(45, H(0x0000), FF_UF | FF_NX, 0x3e10000000000000, 0, 0, fcvt.h.d fa0, fa1)
        TEST_FP_RAW(46, H(0x7e00), FF_NV, 0x7ff0000000000001, 0, 0, fcvt.h.d fa0, fa1)
        /* NaN-boxing: an operand without 48 leading ones is the canonical NaN */
        TEST_FP_RAW(47, H(0x7e00), 0, 0xffffffff00003c00, H(0x3c00), 0, fadd.h fa0, fa1, fa2)
        TEST_FP_RAW_INT(48, 0xffffffffffff8000, 0, H(0x8000), 0, fmv.x.h a0, fa1)
        TEST_FP_RAW_INT(49, 0x3c00, 0, 0x0000000000003c00, 0, fmv.x.h a0, fa1)   /* raw bits, not checked */
        TEST_INT_D(50, H(0x5678), 0, 0x12345678, fmv.h.x fa0, a1)

        TEST_CASE(51)                   /* flh boxes; fsh stores 16 bits */
        la a2, 1f
        flh fa0, 2(a2)
        fmv.x.d a0, fa0
        CHECK(a0, H(0x1234))
        li t0, 0x5a5a
        fmv.h.x fa1, t0
        fsh fa1, 0(a2)
        ld a0, 0(a2)
        CHECK(a0, 0x7766554412345a5a)
        j 2f
        .balign 8
1:      .dword 0x776655441234abcd
2:
        TEST_END
