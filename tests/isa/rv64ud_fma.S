/* Double-precision fused multiply-add: FMADD (a*b+c), FMSUB (a*b-c), FNMSUB (-(a*b)+c), FNMADD
 * (-(a*b)-c). The product is not rounded: operands are chosen so that a separately rounded product would
 * give a different result (cancellation to a tiny exact value, a product above the overflow threshold).
 * inf*0 raises NV even when the addend is a quiet NaN; a NaN result is always the positive canonical NaN
 * (also for the negating forms); exact zero results follow the sum-of-opposites rule (+0, -0 in RDN). */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        FP_INIT

        /* ---- fmadd.d ---- */
        TEST_FP_D(2, 0x401c000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 2.0*3.0 + 1.0, rne -> 7.0 */
        TEST_FP_D(3, 0xc016000000000000, 0, 0x4000000000000000, 0xc008000000000000, 0x3fe0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 2.0*-3.0 + 0.5, rne -> -5.5 */
        TEST_FP_D(4, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 0x1.0000000000001p+0*0x1.ffffffffffffep-1 + -1.0, rne -> -0x1p-104 */
        TEST_FP_D(5, 0x4000000000000000, FF_NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 0x1.0000000000001p+0*0x1.ffffffffffffep-1 + 1.0, rne -> 2.0 */
        TEST_FP_D(6, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, rne -> 0x1p-51 */
        TEST_FP_D(7, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rtz)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, rtz -> 0x1p-51 */
        TEST_FP_D(8, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rdn)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, rdn -> 0x1p-51 */
        TEST_FP_D(9, 0x3cc0000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rup)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, rup -> 0x1.0000000000001p-51 */
        TEST_FP_D(10, 0x3cc0000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rmm)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, rmm -> 0x1.0000000000001p-51 */
        TEST_FP_D(11, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, csrwi frm, 0; fmadd.d fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, dyn frm=rne -> 0x1p-51 */
        TEST_FP_D(12, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, csrwi frm, 1; fmadd.d fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, dyn frm=rtz -> 0x1p-51 */
        TEST_FP_D(13, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, csrwi frm, 2; fmadd.d fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, dyn frm=rdn -> 0x1p-51 */
        TEST_FP_D(14, 0x3cc0000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, csrwi frm, 3; fmadd.d fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, dyn frm=rup -> 0x1.0000000000001p-51 */
        TEST_FP_D(15, 0x3cc0000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, csrwi frm, 4; fmadd.d fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 + -1.0, dyn frm=rmm -> 0x1.0000000000001p-51 */
        TEST_FP_D(16, 0x3fe0000000000008, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 + -0.5, rne -> 0x1.0000000000008p-1 */
        TEST_FP_D(17, 0x3fe0000000000008, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fmadd.d fa0, fa1, fa2, fa3, rtz)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 + -0.5, rtz -> 0x1.0000000000008p-1 */
        TEST_FP_D(18, 0x3fe0000000000008, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fmadd.d fa0, fa1, fa2, fa3, rdn)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 + -0.5, rdn -> 0x1.0000000000008p-1 */
        TEST_FP_D(19, 0x3fe0000000000009, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fmadd.d fa0, fa1, fa2, fa3, rup)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 + -0.5, rup -> 0x1.0000000000009p-1 */
        TEST_FP_D(20, 0x3fe0000000000008, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fmadd.d fa0, fa1, fa2, fa3, rmm)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 + -0.5, rmm -> 0x1.0000000000008p-1 */
        TEST_FP_D(21, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 + -1.0, rne -> +0 */
        TEST_FP_D(22, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rtz)  /* 1.0*1.0 + -1.0, rtz -> +0 */
        TEST_FP_D(23, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rdn)  /* 1.0*1.0 + -1.0, rdn -> -0 */
        TEST_FP_D(24, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rup)  /* 1.0*1.0 + -1.0, rup -> +0 */
        TEST_FP_D(25, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rmm)  /* 1.0*1.0 + -1.0, rmm -> +0 */
        TEST_FP_D(26, 0x0, 0, 0x0, 0x3ff0000000000000, 0x8000000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* +0*1.0 + -0, rne -> +0 */
        TEST_FP_D(27, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x8000000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* -0*1.0 + -0, rne -> -0 */
        TEST_FP_D(28, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rne)  /* -0*1.0 + +0, rne -> +0 */
        TEST_FP_D(29, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rtz)  /* -0*1.0 + +0, rtz -> +0 */
        TEST_FP_D(30, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rdn)  /* -0*1.0 + +0, rdn -> -0 */
        TEST_FP_D(31, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rup)  /* -0*1.0 + +0, rup -> +0 */
        TEST_FP_D(32, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rmm)  /* -0*1.0 + +0, rmm -> +0 */
        TEST_FP_D(33, 0x0, 0, 0x0, 0x0, 0x0, fmadd.d fa0, fa1, fa2, fa3, rne)  /* +0*+0 + +0, rne -> +0 */
        TEST_FP_D(34, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x0, 0x7ff8000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* +inf*+0 + qNaN, rne -> qNaN */
        TEST_FP_D(35, 0x7ff8000000000000, FF_NV, 0x0, 0xfff0000000000000, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* +0*-inf + 1.0, rne -> qNaN */
        TEST_FP_D(36, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x0, 0x7ff0000000000001, fmadd.d fa0, fa1, fa2, fa3, rne)  /* +inf*+0 + sNaN, rne -> qNaN */
        TEST_FP_D(37, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* +inf*1.0 + -inf, rne -> qNaN */
        TEST_FP_D(38, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* +inf*1.0 + +inf, rne -> +inf */
        TEST_FP_D(39, 0xfff0000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 + -inf, rne -> -inf */
        TEST_FP_D(40, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* qNaN*1.0 + 1.0, rne -> qNaN */
        TEST_FP_D(41, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0xfff8000000012345, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 1.0*-qNaN(payload) + 1.0, rne -> qNaN */
        TEST_FP_D(42, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff8000000012345, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 + -qNaN(payload), rne -> qNaN */
        TEST_FP_D(43, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* sNaN*1.0 + 1.0, rne -> qNaN */
        TEST_FP_D(44, 0x7ff8000000000000, FF_NV, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000005a5a, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 + sNaN(payload), rne -> qNaN */
        TEST_FP_D(45, 0x7ff8000000000000, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* qNaN*sNaN + 1.0, rne -> qNaN */
        TEST_FP_D(46, 0x7fefffffffffffff, 0, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff, fmadd.d fa0, fa1, fa2, fa3, rne)  /* max*2.0 + -max, rne -> max */
        TEST_FP_D(47, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rne)  /* max*2.0 + +0, rne -> +inf */
        TEST_FP_D(48, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rtz)  /* max*2.0 + +0, rtz -> max */
        TEST_FP_D(49, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rdn)  /* max*2.0 + +0, rdn -> max */
        TEST_FP_D(50, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rup)  /* max*2.0 + +0, rup -> +inf */
        TEST_FP_D(51, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rmm)  /* max*2.0 + +0, rmm -> +inf */
        TEST_FP_D(52, 0xfff0000000000000, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0xfff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* max*max + -inf, rne -> -inf */
        TEST_FP_D(53, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 0x0.0000000000001p-1022*0.5 + +0, rne -> +0 */
        TEST_FP_D(54, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rtz)  /* 0x0.0000000000001p-1022*0.5 + +0, rtz -> +0 */
        TEST_FP_D(55, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rdn)  /* 0x0.0000000000001p-1022*0.5 + +0, rdn -> +0 */
        TEST_FP_D(56, 0x1, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rup)  /* 0x0.0000000000001p-1022*0.5 + +0, rup -> 0x0.0000000000001p-1022 */
        TEST_FP_D(57, 0x1, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rmm)  /* 0x0.0000000000001p-1022*0.5 + +0, rmm -> 0x0.0000000000001p-1022 */
        TEST_FP_D(58, 0x8000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x8000000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 0x1p-1022*0.5 + -0, rne -> 0x0.8p-1022 */
        TEST_FP_D(59, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 + +0, rne -> 0x1p-1022 */
        TEST_FP_D(60, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmadd.d fa0, fa1, fa2, fa3, rtz)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 + +0, rtz -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(61, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmadd.d fa0, fa1, fa2, fa3, rdn)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 + +0, rdn -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(62, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmadd.d fa0, fa1, fa2, fa3, rup)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 + +0, rup -> 0x1p-1022 */
        TEST_FP_D(63, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmadd.d fa0, fa1, fa2, fa3, rmm)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 + +0, rmm -> 0x1p-1022 */
        TEST_FP_D(64, 0x10000000000000, 0, 0x10000000000000, 0x4000000000000000, 0x8010000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)  /* 0x1p-1022*2.0 + -0x1p-1022, rne -> 0x1p-1022 */

        /* ---- fmsub.d ---- */
        TEST_FP_D(65, 0x4014000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 2.0*3.0 - 1.0, rne -> 5.0 */
        TEST_FP_D(66, 0xc01a000000000000, 0, 0x4000000000000000, 0xc008000000000000, 0x3fe0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 2.0*-3.0 - 0.5, rne -> -6.5 */
        TEST_FP_D(67, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 0x1.0000000000001p+0*0x1.ffffffffffffep-1 - 1.0, rne -> -0x1p-104 */
        TEST_FP_D(68, 0x4000000000000000, FF_NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 0x1.0000000000001p+0*0x1.ffffffffffffep-1 - -1.0, rne -> 2.0 */
        TEST_FP_D(69, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 - 1.0, rne -> 0x1p-51 */
        TEST_FP_D(70, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rtz)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 - 1.0, rtz -> 0x1p-51 */
        TEST_FP_D(71, 0x3cc0000000000000, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rdn)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 - 1.0, rdn -> 0x1p-51 */
        TEST_FP_D(72, 0x3cc0000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rup)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 - 1.0, rup -> 0x1.0000000000001p-51 */
        TEST_FP_D(73, 0x3cc0000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rmm)  /* 0x1.0000000000001p+0*0x1.0000000000001p+0 - 1.0, rmm -> 0x1.0000000000001p-51 */
        TEST_FP_D(74, 0x3fe0000000000008, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 - 0.5, rne -> 0x1.0000000000008p-1 */
        TEST_FP_D(75, 0x3fe0000000000008, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fmsub.d fa0, fa1, fa2, fa3, rtz)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 - 0.5, rtz -> 0x1.0000000000008p-1 */
        TEST_FP_D(76, 0x3fe0000000000008, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fmsub.d fa0, fa1, fa2, fa3, rdn)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 - 0.5, rdn -> 0x1.0000000000008p-1 */
        TEST_FP_D(77, 0x3fe0000000000009, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fmsub.d fa0, fa1, fa2, fa3, rup)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 - 0.5, rup -> 0x1.0000000000009p-1 */
        TEST_FP_D(78, 0x3fe0000000000008, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fmsub.d fa0, fa1, fa2, fa3, rmm)  /* 0x1.0000000000001p+0*0x1.0000000000003p+0 - 0.5, rmm -> 0x1.0000000000008p-1 */
        TEST_FP_D(79, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 - 1.0, rne -> +0 */
        TEST_FP_D(80, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rtz)  /* 1.0*1.0 - 1.0, rtz -> +0 */
        TEST_FP_D(81, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rdn)  /* 1.0*1.0 - 1.0, rdn -> -0 */
        TEST_FP_D(82, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rup)  /* 1.0*1.0 - 1.0, rup -> +0 */
        TEST_FP_D(83, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rmm)  /* 1.0*1.0 - 1.0, rmm -> +0 */
        TEST_FP_D(84, 0x0, 0, 0x0, 0x3ff0000000000000, 0x8000000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* +0*1.0 - -0, rne -> +0 */
        TEST_FP_D(85, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x8000000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* -0*1.0 - -0, rne -> +0 */
        TEST_FP_D(86, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rne)  /* -0*1.0 - +0, rne -> -0 */
        TEST_FP_D(87, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rtz)  /* -0*1.0 - +0, rtz -> -0 */
        TEST_FP_D(88, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rdn)  /* -0*1.0 - +0, rdn -> -0 */
        TEST_FP_D(89, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rup)  /* -0*1.0 - +0, rup -> -0 */
        TEST_FP_D(90, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rmm)  /* -0*1.0 - +0, rmm -> -0 */
        TEST_FP_D(91, 0x0, 0, 0x0, 0x0, 0x0, fmsub.d fa0, fa1, fa2, fa3, rne)  /* +0*+0 - +0, rne -> +0 */
        TEST_FP_D(92, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x0, 0x7ff8000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* +inf*+0 - qNaN, rne -> qNaN */
        TEST_FP_D(93, 0x7ff8000000000000, FF_NV, 0x0, 0xfff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* +0*-inf - 1.0, rne -> qNaN */
        TEST_FP_D(94, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x0, 0x7ff0000000000001, fmsub.d fa0, fa1, fa2, fa3, rne)  /* +inf*+0 - sNaN, rne -> qNaN */
        TEST_FP_D(95, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* +inf*1.0 - +inf, rne -> qNaN */
        TEST_FP_D(96, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* +inf*1.0 - -inf, rne -> +inf */
        TEST_FP_D(97, 0x7ff0000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 - -inf, rne -> +inf */
        TEST_FP_D(98, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* qNaN*1.0 - 1.0, rne -> qNaN */
        TEST_FP_D(99, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0xfff8000000012345, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 1.0*-qNaN(payload) - 1.0, rne -> qNaN */
        TEST_FP_D(100, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff8000000012345, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 - -qNaN(payload), rne -> qNaN */
        TEST_FP_D(101, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* sNaN*1.0 - 1.0, rne -> qNaN */
        TEST_FP_D(102, 0x7ff8000000000000, FF_NV, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000005a5a, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 - sNaN(payload), rne -> qNaN */
        TEST_FP_D(103, 0x7ff8000000000000, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* qNaN*sNaN - 1.0, rne -> qNaN */
        TEST_FP_D(104, 0x7fefffffffffffff, 0, 0x7fefffffffffffff, 0x4000000000000000, 0x7fefffffffffffff, fmsub.d fa0, fa1, fa2, fa3, rne)  /* max*2.0 - max, rne -> max */
        TEST_FP_D(105, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rne)  /* max*2.0 - +0, rne -> +inf */
        TEST_FP_D(106, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rtz)  /* max*2.0 - +0, rtz -> max */
        TEST_FP_D(107, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rdn)  /* max*2.0 - +0, rdn -> max */
        TEST_FP_D(108, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rup)  /* max*2.0 - +0, rup -> +inf */
        TEST_FP_D(109, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rmm)  /* max*2.0 - +0, rmm -> +inf */
        TEST_FP_D(110, 0x7ff0000000000000, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0xfff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* max*max - -inf, rne -> +inf */
        TEST_FP_D(111, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 0x0.0000000000001p-1022*0.5 - +0, rne -> +0 */
        TEST_FP_D(112, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rtz)  /* 0x0.0000000000001p-1022*0.5 - +0, rtz -> +0 */
        TEST_FP_D(113, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rdn)  /* 0x0.0000000000001p-1022*0.5 - +0, rdn -> +0 */
        TEST_FP_D(114, 0x1, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rup)  /* 0x0.0000000000001p-1022*0.5 - +0, rup -> 0x0.0000000000001p-1022 */
        TEST_FP_D(115, 0x1, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmsub.d fa0, fa1, fa2, fa3, rmm)  /* 0x0.0000000000001p-1022*0.5 - +0, rmm -> 0x0.0000000000001p-1022 */
        TEST_FP_D(116, 0x8000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x8000000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 0x1p-1022*0.5 - -0, rne -> 0x0.8p-1022 */
        TEST_FP_D(117, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 - +0, rne -> 0x1p-1022 */
        TEST_FP_D(118, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmsub.d fa0, fa1, fa2, fa3, rtz)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 - +0, rtz -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(119, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmsub.d fa0, fa1, fa2, fa3, rdn)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 - +0, rdn -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(120, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmsub.d fa0, fa1, fa2, fa3, rup)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 - +0, rup -> 0x1p-1022 */
        TEST_FP_D(121, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmsub.d fa0, fa1, fa2, fa3, rmm)  /* 0x0.fffffffffffffp-1022*0x1.0000000000001p+0 - +0, rmm -> 0x1p-1022 */
        TEST_FP_D(122, 0x10000000000000, 0, 0x10000000000000, 0x4000000000000000, 0x10000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)  /* 0x1p-1022*2.0 - 0x1p-1022, rne -> 0x1p-1022 */

        /* ---- fnmsub.d ---- */
        TEST_FP_D(123, 0xc014000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(2.0*3.0) + 1.0, rne -> -5.0 */
        TEST_FP_D(124, 0x401a000000000000, 0, 0x4000000000000000, 0xc008000000000000, 0x3fe0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(2.0*-3.0) + 0.5, rne -> 6.5 */
        TEST_FP_D(125, 0xc000000000000000, FF_NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(0x1.0000000000001p+0*0x1.ffffffffffffep-1) + -1.0, rne -> -2.0 */
        TEST_FP_D(126, 0x3970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(0x1.0000000000001p+0*0x1.ffffffffffffep-1) + 1.0, rne -> 0x1p-104 */
        TEST_FP_D(127, 0xc000000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) + -1.0, rne -> -0x1.0000000000001p+1 */
        TEST_FP_D(128, 0xc000000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rtz)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) + -1.0, rtz -> -0x1.0000000000001p+1 */
        TEST_FP_D(129, 0xc000000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rdn)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) + -1.0, rdn -> -0x1.0000000000002p+1 */
        TEST_FP_D(130, 0xc000000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rup)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) + -1.0, rup -> -0x1.0000000000001p+1 */
        TEST_FP_D(131, 0xc000000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rmm)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) + -1.0, rmm -> -0x1.0000000000001p+1 */
        TEST_FP_D(132, 0xbff8000000000004, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) + -0.5, rne -> -0x1.8000000000004p+0 */
        TEST_FP_D(133, 0xbff8000000000004, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rtz)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) + -0.5, rtz -> -0x1.8000000000004p+0 */
        TEST_FP_D(134, 0xbff8000000000005, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rdn)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) + -0.5, rdn -> -0x1.8000000000005p+0 */
        TEST_FP_D(135, 0xbff8000000000004, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rup)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) + -0.5, rup -> -0x1.8000000000004p+0 */
        TEST_FP_D(136, 0xbff8000000000004, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0xbfe0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rmm)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) + -0.5, rmm -> -0x1.8000000000004p+0 */
        TEST_FP_D(137, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) + -1.0, rne -> -2.0 */
        TEST_FP_D(138, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rtz)  /* -(1.0*1.0) + -1.0, rtz -> -2.0 */
        TEST_FP_D(139, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rdn)  /* -(1.0*1.0) + -1.0, rdn -> -2.0 */
        TEST_FP_D(140, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rup)  /* -(1.0*1.0) + -1.0, rup -> -2.0 */
        TEST_FP_D(141, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rmm)  /* -(1.0*1.0) + -1.0, rmm -> -2.0 */
        TEST_FP_D(142, 0x8000000000000000, 0, 0x0, 0x3ff0000000000000, 0x8000000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(+0*1.0) + -0, rne -> -0 */
        TEST_FP_D(143, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x8000000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(-0*1.0) + -0, rne -> +0 */
        TEST_FP_D(144, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(-0*1.0) + +0, rne -> +0 */
        TEST_FP_D(145, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rtz)  /* -(-0*1.0) + +0, rtz -> +0 */
        TEST_FP_D(146, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rdn)  /* -(-0*1.0) + +0, rdn -> +0 */
        TEST_FP_D(147, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rup)  /* -(-0*1.0) + +0, rup -> +0 */
        TEST_FP_D(148, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rmm)  /* -(-0*1.0) + +0, rmm -> +0 */
        TEST_FP_D(149, 0x0, 0, 0x0, 0x0, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(+0*+0) + +0, rne -> +0 */
        TEST_FP_D(150, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x0, 0x7ff8000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(+inf*+0) + qNaN, rne -> qNaN */
        TEST_FP_D(151, 0x7ff8000000000000, FF_NV, 0x0, 0xfff0000000000000, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(+0*-inf) + 1.0, rne -> qNaN */
        TEST_FP_D(152, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x0, 0x7ff0000000000001, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(+inf*+0) + sNaN, rne -> qNaN */
        TEST_FP_D(153, 0xfff0000000000000, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(+inf*1.0) + -inf, rne -> -inf */
        TEST_FP_D(154, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(+inf*1.0) + +inf, rne -> qNaN */
        TEST_FP_D(155, 0xfff0000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) + -inf, rne -> -inf */
        TEST_FP_D(156, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(qNaN*1.0) + 1.0, rne -> qNaN */
        TEST_FP_D(157, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0xfff8000000012345, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*-qNaN(payload)) + 1.0, rne -> qNaN */
        TEST_FP_D(158, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff8000000012345, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) + -qNaN(payload), rne -> qNaN */
        TEST_FP_D(159, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(sNaN*1.0) + 1.0, rne -> qNaN */
        TEST_FP_D(160, 0x7ff8000000000000, FF_NV, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000005a5a, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) + sNaN(payload), rne -> qNaN */
        TEST_FP_D(161, 0x7ff8000000000000, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(qNaN*sNaN) + 1.0, rne -> qNaN */
        TEST_FP_D(162, 0xfff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(max*2.0) + -max, rne -> -inf */
        TEST_FP_D(163, 0xfff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(max*2.0) + +0, rne -> -inf */
        TEST_FP_D(164, 0xffefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rtz)  /* -(max*2.0) + +0, rtz -> -max */
        TEST_FP_D(165, 0xfff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rdn)  /* -(max*2.0) + +0, rdn -> -inf */
        TEST_FP_D(166, 0xffefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rup)  /* -(max*2.0) + +0, rup -> -max */
        TEST_FP_D(167, 0xfff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rmm)  /* -(max*2.0) + +0, rmm -> -inf */
        TEST_FP_D(168, 0xfff0000000000000, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0xfff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(max*max) + -inf, rne -> -inf */
        TEST_FP_D(169, 0x8000000000000000, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(0x0.0000000000001p-1022*0.5) + +0, rne -> -0 */
        TEST_FP_D(170, 0x8000000000000000, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rtz)  /* -(0x0.0000000000001p-1022*0.5) + +0, rtz -> -0 */
        TEST_FP_D(171, 0x8000000000000001, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rdn)  /* -(0x0.0000000000001p-1022*0.5) + +0, rdn -> -0x0.0000000000001p-1022 */
        TEST_FP_D(172, 0x8000000000000000, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rup)  /* -(0x0.0000000000001p-1022*0.5) + +0, rup -> -0 */
        TEST_FP_D(173, 0x8000000000000001, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rmm)  /* -(0x0.0000000000001p-1022*0.5) + +0, rmm -> -0x0.0000000000001p-1022 */
        TEST_FP_D(174, 0x8008000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x8000000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(0x1p-1022*0.5) + -0, rne -> -0x0.8p-1022 */
        TEST_FP_D(175, 0x8010000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) + +0, rne -> -0x1p-1022 */
        TEST_FP_D(176, 0x800fffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rtz)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) + +0, rtz -> -0x0.fffffffffffffp-1022 */
        TEST_FP_D(177, 0x8010000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rdn)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) + +0, rdn -> -0x1p-1022 */
        TEST_FP_D(178, 0x800fffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rup)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) + +0, rup -> -0x0.fffffffffffffp-1022 */
        TEST_FP_D(179, 0x8010000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmsub.d fa0, fa1, fa2, fa3, rmm)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) + +0, rmm -> -0x1p-1022 */
        TEST_FP_D(180, 0x8028000000000000, 0, 0x10000000000000, 0x4000000000000000, 0x8010000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)  /* -(0x1p-1022*2.0) + -0x1p-1022, rne -> -0x1.8p-1021 */

        /* ---- fnmadd.d ---- */
        TEST_FP_D(181, 0xc01c000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(2.0*3.0) - 1.0, rne -> -7.0 */
        TEST_FP_D(182, 0x4016000000000000, 0, 0x4000000000000000, 0xc008000000000000, 0x3fe0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(2.0*-3.0) - 0.5, rne -> 5.5 */
        TEST_FP_D(183, 0xc000000000000000, FF_NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(0x1.0000000000001p+0*0x1.ffffffffffffep-1) - 1.0, rne -> -2.0 */
        TEST_FP_D(184, 0x3970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(0x1.0000000000001p+0*0x1.ffffffffffffep-1) - -1.0, rne -> 0x1p-104 */
        TEST_FP_D(185, 0xc000000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) - 1.0, rne -> -0x1.0000000000001p+1 */
        TEST_FP_D(186, 0xc000000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rtz)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) - 1.0, rtz -> -0x1.0000000000001p+1 */
        TEST_FP_D(187, 0xc000000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rdn)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) - 1.0, rdn -> -0x1.0000000000002p+1 */
        TEST_FP_D(188, 0xc000000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rup)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) - 1.0, rup -> -0x1.0000000000001p+1 */
        TEST_FP_D(189, 0xc000000000000001, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rmm)  /* -(0x1.0000000000001p+0*0x1.0000000000001p+0) - 1.0, rmm -> -0x1.0000000000001p+1 */
        TEST_FP_D(190, 0xbff8000000000004, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) - 0.5, rne -> -0x1.8000000000004p+0 */
        TEST_FP_D(191, 0xbff8000000000004, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rtz)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) - 0.5, rtz -> -0x1.8000000000004p+0 */
        TEST_FP_D(192, 0xbff8000000000005, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rdn)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) - 0.5, rdn -> -0x1.8000000000005p+0 */
        TEST_FP_D(193, 0xbff8000000000004, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rup)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) - 0.5, rup -> -0x1.8000000000004p+0 */
        TEST_FP_D(194, 0xbff8000000000004, FF_NX, 0x3ff0000000000001, 0x3ff0000000000003, 0x3fe0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rmm)  /* -(0x1.0000000000001p+0*0x1.0000000000003p+0) - 0.5, rmm -> -0x1.8000000000004p+0 */
        TEST_FP_D(195, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) - 1.0, rne -> -2.0 */
        TEST_FP_D(196, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rtz)  /* -(1.0*1.0) - 1.0, rtz -> -2.0 */
        TEST_FP_D(197, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rdn)  /* -(1.0*1.0) - 1.0, rdn -> -2.0 */
        TEST_FP_D(198, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rup)  /* -(1.0*1.0) - 1.0, rup -> -2.0 */
        TEST_FP_D(199, 0xc000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rmm)  /* -(1.0*1.0) - 1.0, rmm -> -2.0 */
        TEST_FP_D(200, 0x0, 0, 0x0, 0x3ff0000000000000, 0x8000000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(+0*1.0) - -0, rne -> +0 */
        TEST_FP_D(201, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x8000000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(-0*1.0) - -0, rne -> +0 */
        TEST_FP_D(202, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(-0*1.0) - +0, rne -> +0 */
        TEST_FP_D(203, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rtz)  /* -(-0*1.0) - +0, rtz -> +0 */
        TEST_FP_D(204, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rdn)  /* -(-0*1.0) - +0, rdn -> -0 */
        TEST_FP_D(205, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rup)  /* -(-0*1.0) - +0, rup -> +0 */
        TEST_FP_D(206, 0x0, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rmm)  /* -(-0*1.0) - +0, rmm -> +0 */
        TEST_FP_D(207, 0x8000000000000000, 0, 0x0, 0x0, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(+0*+0) - +0, rne -> -0 */
        TEST_FP_D(208, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x0, 0x7ff8000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(+inf*+0) - qNaN, rne -> qNaN */
        TEST_FP_D(209, 0x7ff8000000000000, FF_NV, 0x0, 0xfff0000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(+0*-inf) - 1.0, rne -> qNaN */
        TEST_FP_D(210, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x0, 0x7ff0000000000001, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(+inf*+0) - sNaN, rne -> qNaN */
        TEST_FP_D(211, 0xfff0000000000000, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(+inf*1.0) - +inf, rne -> -inf */
        TEST_FP_D(212, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(+inf*1.0) - -inf, rne -> qNaN */
        TEST_FP_D(213, 0x7ff0000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) - -inf, rne -> +inf */
        TEST_FP_D(214, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(qNaN*1.0) - 1.0, rne -> qNaN */
        TEST_FP_D(215, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0xfff8000000012345, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*-qNaN(payload)) - 1.0, rne -> qNaN */
        TEST_FP_D(216, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xfff8000000012345, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) - -qNaN(payload), rne -> qNaN */
        TEST_FP_D(217, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(sNaN*1.0) - 1.0, rne -> qNaN */
        TEST_FP_D(218, 0x7ff8000000000000, FF_NV, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000005a5a, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) - sNaN(payload), rne -> qNaN */
        TEST_FP_D(219, 0x7ff8000000000000, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(qNaN*sNaN) - 1.0, rne -> qNaN */
        TEST_FP_D(220, 0xfff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x7fefffffffffffff, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(max*2.0) - max, rne -> -inf */
        TEST_FP_D(221, 0xfff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(max*2.0) - +0, rne -> -inf */
        TEST_FP_D(222, 0xffefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rtz)  /* -(max*2.0) - +0, rtz -> -max */
        TEST_FP_D(223, 0xfff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rdn)  /* -(max*2.0) - +0, rdn -> -inf */
        TEST_FP_D(224, 0xffefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rup)  /* -(max*2.0) - +0, rup -> -max */
        TEST_FP_D(225, 0xfff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rmm)  /* -(max*2.0) - +0, rmm -> -inf */
        TEST_FP_D(226, 0x7ff0000000000000, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0xfff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(max*max) - -inf, rne -> +inf */
        TEST_FP_D(227, 0x8000000000000000, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(0x0.0000000000001p-1022*0.5) - +0, rne -> -0 */
        TEST_FP_D(228, 0x8000000000000000, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rtz)  /* -(0x0.0000000000001p-1022*0.5) - +0, rtz -> -0 */
        TEST_FP_D(229, 0x8000000000000001, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rdn)  /* -(0x0.0000000000001p-1022*0.5) - +0, rdn -> -0x0.0000000000001p-1022 */
        TEST_FP_D(230, 0x8000000000000000, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rup)  /* -(0x0.0000000000001p-1022*0.5) - +0, rup -> -0 */
        TEST_FP_D(231, 0x8000000000000001, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rmm)  /* -(0x0.0000000000001p-1022*0.5) - +0, rmm -> -0x0.0000000000001p-1022 */
        TEST_FP_D(232, 0x8008000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x8000000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(0x1p-1022*0.5) - -0, rne -> -0x0.8p-1022 */
        TEST_FP_D(233, 0x8010000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) - +0, rne -> -0x1p-1022 */
        TEST_FP_D(234, 0x800fffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rtz)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) - +0, rtz -> -0x0.fffffffffffffp-1022 */
        TEST_FP_D(235, 0x8010000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rdn)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) - +0, rdn -> -0x1p-1022 */
        TEST_FP_D(236, 0x800fffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rup)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) - +0, rup -> -0x0.fffffffffffffp-1022 */
        TEST_FP_D(237, 0x8010000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fnmadd.d fa0, fa1, fa2, fa3, rmm)  /* -(0x0.fffffffffffffp-1022*0x1.0000000000001p+0) - +0, rmm -> -0x1p-1022 */
        TEST_FP_D(238, 0x8028000000000000, 0, 0x10000000000000, 0x4000000000000000, 0x10000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)  /* -(0x1p-1022*2.0) - 0x1p-1022, rne -> -0x1.8p-1021 */

        TEST_END
