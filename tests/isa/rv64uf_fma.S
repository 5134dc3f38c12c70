/* Single-precision fused multiply-add: FMADD (a*b+c), FMSUB (a*b-c), FNMSUB (-(a*b)+c), FNMADD
 * (-(a*b)-c). The product is not rounded: operands are chosen so that a separately rounded product would
 * give a different result (cancellation to a tiny exact value, a product above the overflow threshold).
 * inf*0 raises NV even when the addend is a quiet NaN; a NaN result is always the positive canonical NaN
 * (also for the negating forms); exact zero results follow the sum-of-opposites rule (+0, -0 in RDN). */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        FP_INIT

        /* ---- fmadd.s ---- */
        TEST_FP_S(2, 0x40e00000, 0, 0x40000000, 0x40400000, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 2.0*3.0 + 1.0, rne -> 7.0 */
        TEST_FP_S(3, 0xc0b00000, 0, 0x40000000, 0xc0400000, 0x3f000000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 2.0*-3.0 + 0.5, rne -> -5.5 */
        TEST_FP_S(4, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 0x1.000002p+0*0x1.fffffcp-1 + -1.0, rne -> -0x1p-46 */
        TEST_FP_S(5, 0x40000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 0x1.000002p+0*0x1.fffffcp-1 + 1.0, rne -> 2.0 */
        TEST_FP_S(6, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, rne -> 0x1p-22 */
        TEST_FP_S(7, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rtz)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, rtz -> 0x1p-22 */
        TEST_FP_S(8, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rdn)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, rdn -> 0x1p-22 */
        TEST_FP_S(9, 0x34800001, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rup)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, rup -> 0x1.000002p-22 */
        TEST_FP_S(10, 0x34800001, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rmm)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, rmm -> 0x1.000002p-22 */
        TEST_FP_S(11, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, csrwi frm, 0; fmadd.s fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, dyn frm=rne -> 0x1p-22 */
        TEST_FP_S(12, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, csrwi frm, 1; fmadd.s fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, dyn frm=rtz -> 0x1p-22 */
        TEST_FP_S(13, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, csrwi frm, 2; fmadd.s fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, dyn frm=rdn -> 0x1p-22 */
        TEST_FP_S(14, 0x34800001, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, csrwi frm, 3; fmadd.s fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, dyn frm=rup -> 0x1.000002p-22 */
        TEST_FP_S(15, 0x34800001, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, csrwi frm, 4; fmadd.s fa0, fa1, fa2, fa3, dyn; csrwi frm, 0)  /* 0x1.000002p+0*0x1.000002p+0 + -1.0, dyn frm=rmm -> 0x1.000002p-22 */
        TEST_FP_S(16, 0x3f000008, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 0x1.000002p+0*0x1.000006p+0 + -0.5, rne -> 0x1.00001p-1 */
        TEST_FP_S(17, 0x3f000008, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fmadd.s fa0, fa1, fa2, fa3, rtz)  /* 0x1.000002p+0*0x1.000006p+0 + -0.5, rtz -> 0x1.00001p-1 */
        TEST_FP_S(18, 0x3f000008, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fmadd.s fa0, fa1, fa2, fa3, rdn)  /* 0x1.000002p+0*0x1.000006p+0 + -0.5, rdn -> 0x1.00001p-1 */
        TEST_FP_S(19, 0x3f000009, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fmadd.s fa0, fa1, fa2, fa3, rup)  /* 0x1.000002p+0*0x1.000006p+0 + -0.5, rup -> 0x1.000012p-1 */
        TEST_FP_S(20, 0x3f000008, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fmadd.s fa0, fa1, fa2, fa3, rmm)  /* 0x1.000002p+0*0x1.000006p+0 + -0.5, rmm -> 0x1.00001p-1 */
        TEST_FP_S(21, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 + -1.0, rne -> +0 */
        TEST_FP_S(22, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rtz)  /* 1.0*1.0 + -1.0, rtz -> +0 */
        TEST_FP_S(23, 0x80000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rdn)  /* 1.0*1.0 + -1.0, rdn -> -0 */
        TEST_FP_S(24, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rup)  /* 1.0*1.0 + -1.0, rup -> +0 */
        TEST_FP_S(25, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rmm)  /* 1.0*1.0 + -1.0, rmm -> +0 */
        TEST_FP_S(26, 0x0, 0, 0x0, 0x3f800000, 0x80000000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* +0*1.0 + -0, rne -> +0 */
        TEST_FP_S(27, 0x80000000, 0, 0x80000000, 0x3f800000, 0x80000000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* -0*1.0 + -0, rne -> -0 */
        TEST_FP_S(28, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rne)  /* -0*1.0 + +0, rne -> +0 */
        TEST_FP_S(29, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rtz)  /* -0*1.0 + +0, rtz -> +0 */
        TEST_FP_S(30, 0x80000000, 0, 0x80000000, 0x3f800000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rdn)  /* -0*1.0 + +0, rdn -> -0 */
        TEST_FP_S(31, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rup)  /* -0*1.0 + +0, rup -> +0 */
        TEST_FP_S(32, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rmm)  /* -0*1.0 + +0, rmm -> +0 */
        TEST_FP_S(33, 0x0, 0, 0x0, 0x0, 0x0, fmadd.s fa0, fa1, fa2, fa3, rne)  /* +0*+0 + +0, rne -> +0 */
        TEST_FP_S(34, 0x7fc00000, FF_NV, 0x7f800000, 0x0, 0x7fc00000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* +inf*+0 + qNaN, rne -> qNaN */
        TEST_FP_S(35, 0x7fc00000, FF_NV, 0x0, 0xff800000, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* +0*-inf + 1.0, rne -> qNaN */
        TEST_FP_S(36, 0x7fc00000, FF_NV, 0x7f800000, 0x0, 0x7f800001, fmadd.s fa0, fa1, fa2, fa3, rne)  /* +inf*+0 + sNaN, rne -> qNaN */
        TEST_FP_S(37, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0xff800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* +inf*1.0 + -inf, rne -> qNaN */
        TEST_FP_S(38, 0x7f800000, 0, 0x7f800000, 0x3f800000, 0x7f800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* +inf*1.0 + +inf, rne -> +inf */
        TEST_FP_S(39, 0xff800000, 0, 0x3f800000, 0x3f800000, 0xff800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 + -inf, rne -> -inf */
        TEST_FP_S(40, 0x7fc00000, 0, 0x7fc00000, 0x3f800000, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* qNaN*1.0 + 1.0, rne -> qNaN */
        TEST_FP_S(41, 0x7fc00000, 0, 0x3f800000, 0xffc12345, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 1.0*-qNaN(payload) + 1.0, rne -> qNaN */
        TEST_FP_S(42, 0x7fc00000, 0, 0x3f800000, 0x3f800000, 0xffc12345, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 + -qNaN(payload), rne -> qNaN */
        TEST_FP_S(43, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* sNaN*1.0 + 1.0, rne -> qNaN */
        TEST_FP_S(44, 0x7fc00000, FF_NV, 0x3f800000, 0x3f800000, 0x7f805a5a, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 + sNaN(payload), rne -> qNaN */
        TEST_FP_S(45, 0x7fc00000, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* qNaN*sNaN + 1.0, rne -> qNaN */
        TEST_FP_S(46, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rne)  /* max*2.0 + -max, rne -> max */
        TEST_FP_S(47, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rne)  /* max*2.0 + +0, rne -> +inf */
        TEST_FP_S(48, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rtz)  /* max*2.0 + +0, rtz -> max */
        TEST_FP_S(49, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rdn)  /* max*2.0 + +0, rdn -> max */
        TEST_FP_S(50, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rup)  /* max*2.0 + +0, rup -> +inf */
        TEST_FP_S(51, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rmm)  /* max*2.0 + +0, rmm -> +inf */
        TEST_FP_S(52, 0xff800000, 0, 0x7f7fffff, 0x7f7fffff, 0xff800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* max*max + -inf, rne -> -inf */
        TEST_FP_S(53, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 0x1p-149*0.5 + +0, rne -> +0 */
        TEST_FP_S(54, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rtz)  /* 0x1p-149*0.5 + +0, rtz -> +0 */
        TEST_FP_S(55, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rdn)  /* 0x1p-149*0.5 + +0, rdn -> +0 */
        TEST_FP_S(56, 0x1, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rup)  /* 0x1p-149*0.5 + +0, rup -> 0x1p-149 */
        TEST_FP_S(57, 0x1, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rmm)  /* 0x1p-149*0.5 + +0, rmm -> 0x1p-149 */
        TEST_FP_S(58, 0x400000, 0, 0x800000, 0x3f000000, 0x80000000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 0x1p-126*0.5 + -0, rne -> 0x1p-127 */
        TEST_FP_S(59, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 0x1.fffffcp-127*0x1.000002p+0 + +0, rne -> 0x1p-126 */
        TEST_FP_S(60, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fmadd.s fa0, fa1, fa2, fa3, rtz)  /* 0x1.fffffcp-127*0x1.000002p+0 + +0, rtz -> 0x1.fffffcp-127 */
        TEST_FP_S(61, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fmadd.s fa0, fa1, fa2, fa3, rdn)  /* 0x1.fffffcp-127*0x1.000002p+0 + +0, rdn -> 0x1.fffffcp-127 */
        TEST_FP_S(62, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmadd.s fa0, fa1, fa2, fa3, rup)  /* 0x1.fffffcp-127*0x1.000002p+0 + +0, rup -> 0x1p-126 */
        TEST_FP_S(63, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmadd.s fa0, fa1, fa2, fa3, rmm)  /* 0x1.fffffcp-127*0x1.000002p+0 + +0, rmm -> 0x1p-126 */
        TEST_FP_S(64, 0x800000, 0, 0x800000, 0x40000000, 0x80800000, fmadd.s fa0, fa1, fa2, fa3, rne)  /* 0x1p-126*2.0 + -0x1p-126, rne -> 0x1p-126 */

        /* ---- fmsub.s ---- */
        TEST_FP_S(65, 0x40a00000, 0, 0x40000000, 0x40400000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 2.0*3.0 - 1.0, rne -> 5.0 */
        TEST_FP_S(66, 0xc0d00000, 0, 0x40000000, 0xc0400000, 0x3f000000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 2.0*-3.0 - 0.5, rne -> -6.5 */
        TEST_FP_S(67, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 0x1.000002p+0*0x1.fffffcp-1 - 1.0, rne -> -0x1p-46 */
        TEST_FP_S(68, 0x40000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 0x1.000002p+0*0x1.fffffcp-1 - -1.0, rne -> 2.0 */
        TEST_FP_S(69, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 0x1.000002p+0*0x1.000002p+0 - 1.0, rne -> 0x1p-22 */
        TEST_FP_S(70, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rtz)  /* 0x1.000002p+0*0x1.000002p+0 - 1.0, rtz -> 0x1p-22 */
        TEST_FP_S(71, 0x34800000, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rdn)  /* 0x1.000002p+0*0x1.000002p+0 - 1.0, rdn -> 0x1p-22 */
        TEST_FP_S(72, 0x34800001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rup)  /* 0x1.000002p+0*0x1.000002p+0 - 1.0, rup -> 0x1.000002p-22 */
        TEST_FP_S(73, 0x34800001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rmm)  /* 0x1.000002p+0*0x1.000002p+0 - 1.0, rmm -> 0x1.000002p-22 */
        TEST_FP_S(74, 0x3f000008, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 0x1.000002p+0*0x1.000006p+0 - 0.5, rne -> 0x1.00001p-1 */
        TEST_FP_S(75, 0x3f000008, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fmsub.s fa0, fa1, fa2, fa3, rtz)  /* 0x1.000002p+0*0x1.000006p+0 - 0.5, rtz -> 0x1.00001p-1 */
        TEST_FP_S(76, 0x3f000008, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fmsub.s fa0, fa1, fa2, fa3, rdn)  /* 0x1.000002p+0*0x1.000006p+0 - 0.5, rdn -> 0x1.00001p-1 */
        TEST_FP_S(77, 0x3f000009, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fmsub.s fa0, fa1, fa2, fa3, rup)  /* 0x1.000002p+0*0x1.000006p+0 - 0.5, rup -> 0x1.000012p-1 */
        TEST_FP_S(78, 0x3f000008, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fmsub.s fa0, fa1, fa2, fa3, rmm)  /* 0x1.000002p+0*0x1.000006p+0 - 0.5, rmm -> 0x1.00001p-1 */
        TEST_FP_S(79, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 - 1.0, rne -> +0 */
        TEST_FP_S(80, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rtz)  /* 1.0*1.0 - 1.0, rtz -> +0 */
        TEST_FP_S(81, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rdn)  /* 1.0*1.0 - 1.0, rdn -> -0 */
        TEST_FP_S(82, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rup)  /* 1.0*1.0 - 1.0, rup -> +0 */
        TEST_FP_S(83, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rmm)  /* 1.0*1.0 - 1.0, rmm -> +0 */
        TEST_FP_S(84, 0x0, 0, 0x0, 0x3f800000, 0x80000000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* +0*1.0 - -0, rne -> +0 */
        TEST_FP_S(85, 0x0, 0, 0x80000000, 0x3f800000, 0x80000000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* -0*1.0 - -0, rne -> +0 */
        TEST_FP_S(86, 0x80000000, 0, 0x80000000, 0x3f800000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rne)  /* -0*1.0 - +0, rne -> -0 */
        TEST_FP_S(87, 0x80000000, 0, 0x80000000, 0x3f800000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rtz)  /* -0*1.0 - +0, rtz -> -0 */
        TEST_FP_S(88, 0x80000000, 0, 0x80000000, 0x3f800000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rdn)  /* -0*1.0 - +0, rdn -> -0 */
        TEST_FP_S(89, 0x80000000, 0, 0x80000000, 0x3f800000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rup)  /* -0*1.0 - +0, rup -> -0 */
        TEST_FP_S(90, 0x80000000, 0, 0x80000000, 0x3f800000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rmm)  /* -0*1.0 - +0, rmm -> -0 */
        TEST_FP_S(91, 0x0, 0, 0x0, 0x0, 0x0, fmsub.s fa0, fa1, fa2, fa3, rne)  /* +0*+0 - +0, rne -> +0 */
        TEST_FP_S(92, 0x7fc00000, FF_NV, 0x7f800000, 0x0, 0x7fc00000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* +inf*+0 - qNaN, rne -> qNaN */
        TEST_FP_S(93, 0x7fc00000, FF_NV, 0x0, 0xff800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* +0*-inf - 1.0, rne -> qNaN */
        TEST_FP_S(94, 0x7fc00000, FF_NV, 0x7f800000, 0x0, 0x7f800001, fmsub.s fa0, fa1, fa2, fa3, rne)  /* +inf*+0 - sNaN, rne -> qNaN */
        TEST_FP_S(95, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0x7f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* +inf*1.0 - +inf, rne -> qNaN */
        TEST_FP_S(96, 0x7f800000, 0, 0x7f800000, 0x3f800000, 0xff800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* +inf*1.0 - -inf, rne -> +inf */
        TEST_FP_S(97, 0x7f800000, 0, 0x3f800000, 0x3f800000, 0xff800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 - -inf, rne -> +inf */
        TEST_FP_S(98, 0x7fc00000, 0, 0x7fc00000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* qNaN*1.0 - 1.0, rne -> qNaN */
        TEST_FP_S(99, 0x7fc00000, 0, 0x3f800000, 0xffc12345, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 1.0*-qNaN(payload) - 1.0, rne -> qNaN */
        TEST_FP_S(100, 0x7fc00000, 0, 0x3f800000, 0x3f800000, 0xffc12345, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 - -qNaN(payload), rne -> qNaN */
        TEST_FP_S(101, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* sNaN*1.0 - 1.0, rne -> qNaN */
        TEST_FP_S(102, 0x7fc00000, FF_NV, 0x3f800000, 0x3f800000, 0x7f805a5a, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 1.0*1.0 - sNaN(payload), rne -> qNaN */
        TEST_FP_S(103, 0x7fc00000, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* qNaN*sNaN - 1.0, rne -> qNaN */
        TEST_FP_S(104, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0x7f7fffff, fmsub.s fa0, fa1, fa2, fa3, rne)  /* max*2.0 - max, rne -> max */
        TEST_FP_S(105, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rne)  /* max*2.0 - +0, rne -> +inf */
        TEST_FP_S(106, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rtz)  /* max*2.0 - +0, rtz -> max */
        TEST_FP_S(107, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rdn)  /* max*2.0 - +0, rdn -> max */
        TEST_FP_S(108, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rup)  /* max*2.0 - +0, rup -> +inf */
        TEST_FP_S(109, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rmm)  /* max*2.0 - +0, rmm -> +inf */
        TEST_FP_S(110, 0x7f800000, 0, 0x7f7fffff, 0x7f7fffff, 0xff800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* max*max - -inf, rne -> +inf */
        TEST_FP_S(111, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 0x1p-149*0.5 - +0, rne -> +0 */
        TEST_FP_S(112, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rtz)  /* 0x1p-149*0.5 - +0, rtz -> +0 */
        TEST_FP_S(113, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rdn)  /* 0x1p-149*0.5 - +0, rdn -> +0 */
        TEST_FP_S(114, 0x1, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rup)  /* 0x1p-149*0.5 - +0, rup -> 0x1p-149 */
        TEST_FP_S(115, 0x1, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmsub.s fa0, fa1, fa2, fa3, rmm)  /* 0x1p-149*0.5 - +0, rmm -> 0x1p-149 */
        TEST_FP_S(116, 0x400000, 0, 0x800000, 0x3f000000, 0x80000000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 0x1p-126*0.5 - -0, rne -> 0x1p-127 */
        TEST_FP_S(117, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 0x1.fffffcp-127*0x1.000002p+0 - +0, rne -> 0x1p-126 */
        TEST_FP_S(118, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fmsub.s fa0, fa1, fa2, fa3, rtz)  /* 0x1.fffffcp-127*0x1.000002p+0 - +0, rtz -> 0x1.fffffcp-127 */
        TEST_FP_S(119, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fmsub.s fa0, fa1, fa2, fa3, rdn)  /* 0x1.fffffcp-127*0x1.000002p+0 - +0, rdn -> 0x1.fffffcp-127 */
        TEST_FP_S(120, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmsub.s fa0, fa1, fa2, fa3, rup)  /* 0x1.fffffcp-127*0x1.000002p+0 - +0, rup -> 0x1p-126 */
        TEST_FP_S(121, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmsub.s fa0, fa1, fa2, fa3, rmm)  /* 0x1.fffffcp-127*0x1.000002p+0 - +0, rmm -> 0x1p-126 */
        TEST_FP_S(122, 0x800000, 0, 0x800000, 0x40000000, 0x800000, fmsub.s fa0, fa1, fa2, fa3, rne)  /* 0x1p-126*2.0 - 0x1p-126, rne -> 0x1p-126 */

        /* ---- fnmsub.s ---- */
        TEST_FP_S(123, 0xc0a00000, 0, 0x40000000, 0x40400000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(2.0*3.0) + 1.0, rne -> -5.0 */
        TEST_FP_S(124, 0x40d00000, 0, 0x40000000, 0xc0400000, 0x3f000000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(2.0*-3.0) + 0.5, rne -> 6.5 */
        TEST_FP_S(125, 0xc0000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.000002p+0*0x1.fffffcp-1) + -1.0, rne -> -2.0 */
        TEST_FP_S(126, 0x28800000, 0, 0x3f800001, 0x3f7ffffe, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.000002p+0*0x1.fffffcp-1) + 1.0, rne -> 0x1p-46 */
        TEST_FP_S(127, 0xc0000001, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.000002p+0*0x1.000002p+0) + -1.0, rne -> -0x1.000002p+1 */
        TEST_FP_S(128, 0xc0000001, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rtz)  /* -(0x1.000002p+0*0x1.000002p+0) + -1.0, rtz -> -0x1.000002p+1 */
        TEST_FP_S(129, 0xc0000002, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rdn)  /* -(0x1.000002p+0*0x1.000002p+0) + -1.0, rdn -> -0x1.000004p+1 */
        TEST_FP_S(130, 0xc0000001, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rup)  /* -(0x1.000002p+0*0x1.000002p+0) + -1.0, rup -> -0x1.000002p+1 */
        TEST_FP_S(131, 0xc0000001, FF_NX, 0x3f800001, 0x3f800001, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rmm)  /* -(0x1.000002p+0*0x1.000002p+0) + -1.0, rmm -> -0x1.000002p+1 */
        TEST_FP_S(132, 0xbfc00004, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.000002p+0*0x1.000006p+0) + -0.5, rne -> -0x1.800008p+0 */
        TEST_FP_S(133, 0xbfc00004, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fnmsub.s fa0, fa1, fa2, fa3, rtz)  /* -(0x1.000002p+0*0x1.000006p+0) + -0.5, rtz -> -0x1.800008p+0 */
        TEST_FP_S(134, 0xbfc00005, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fnmsub.s fa0, fa1, fa2, fa3, rdn)  /* -(0x1.000002p+0*0x1.000006p+0) + -0.5, rdn -> -0x1.80000ap+0 */
        TEST_FP_S(135, 0xbfc00004, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fnmsub.s fa0, fa1, fa2, fa3, rup)  /* -(0x1.000002p+0*0x1.000006p+0) + -0.5, rup -> -0x1.800008p+0 */
        TEST_FP_S(136, 0xbfc00004, FF_NX, 0x3f800001, 0x3f800003, 0xbf000000, fnmsub.s fa0, fa1, fa2, fa3, rmm)  /* -(0x1.000002p+0*0x1.000006p+0) + -0.5, rmm -> -0x1.800008p+0 */
        TEST_FP_S(137, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) + -1.0, rne -> -2.0 */
        TEST_FP_S(138, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rtz)  /* -(1.0*1.0) + -1.0, rtz -> -2.0 */
        TEST_FP_S(139, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rdn)  /* -(1.0*1.0) + -1.0, rdn -> -2.0 */
        TEST_FP_S(140, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rup)  /* -(1.0*1.0) + -1.0, rup -> -2.0 */
        TEST_FP_S(141, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rmm)  /* -(1.0*1.0) + -1.0, rmm -> -2.0 */
        TEST_FP_S(142, 0x80000000, 0, 0x0, 0x3f800000, 0x80000000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(+0*1.0) + -0, rne -> -0 */
        TEST_FP_S(143, 0x0, 0, 0x80000000, 0x3f800000, 0x80000000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(-0*1.0) + -0, rne -> +0 */
        TEST_FP_S(144, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(-0*1.0) + +0, rne -> +0 */
        TEST_FP_S(145, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rtz)  /* -(-0*1.0) + +0, rtz -> +0 */
        TEST_FP_S(146, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rdn)  /* -(-0*1.0) + +0, rdn -> +0 */
        TEST_FP_S(147, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rup)  /* -(-0*1.0) + +0, rup -> +0 */
        TEST_FP_S(148, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rmm)  /* -(-0*1.0) + +0, rmm -> +0 */
        TEST_FP_S(149, 0x0, 0, 0x0, 0x0, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(+0*+0) + +0, rne -> +0 */
        TEST_FP_S(150, 0x7fc00000, FF_NV, 0x7f800000, 0x0, 0x7fc00000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(+inf*+0) + qNaN, rne -> qNaN */
        TEST_FP_S(151, 0x7fc00000, FF_NV, 0x0, 0xff800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(+0*-inf) + 1.0, rne -> qNaN */
        TEST_FP_S(152, 0x7fc00000, FF_NV, 0x7f800000, 0x0, 0x7f800001, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(+inf*+0) + sNaN, rne -> qNaN */
        TEST_FP_S(153, 0xff800000, 0, 0x7f800000, 0x3f800000, 0xff800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(+inf*1.0) + -inf, rne -> -inf */
        TEST_FP_S(154, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0x7f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(+inf*1.0) + +inf, rne -> qNaN */
        TEST_FP_S(155, 0xff800000, 0, 0x3f800000, 0x3f800000, 0xff800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) + -inf, rne -> -inf */
        TEST_FP_S(156, 0x7fc00000, 0, 0x7fc00000, 0x3f800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(qNaN*1.0) + 1.0, rne -> qNaN */
        TEST_FP_S(157, 0x7fc00000, 0, 0x3f800000, 0xffc12345, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*-qNaN(payload)) + 1.0, rne -> qNaN */
        TEST_FP_S(158, 0x7fc00000, 0, 0x3f800000, 0x3f800000, 0xffc12345, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) + -qNaN(payload), rne -> qNaN */
        TEST_FP_S(159, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(sNaN*1.0) + 1.0, rne -> qNaN */
        TEST_FP_S(160, 0x7fc00000, FF_NV, 0x3f800000, 0x3f800000, 0x7f805a5a, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) + sNaN(payload), rne -> qNaN */
        TEST_FP_S(161, 0x7fc00000, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(qNaN*sNaN) + 1.0, rne -> qNaN */
        TEST_FP_S(162, 0xff800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(max*2.0) + -max, rne -> -inf */
        TEST_FP_S(163, 0xff800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(max*2.0) + +0, rne -> -inf */
        TEST_FP_S(164, 0xff7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rtz)  /* -(max*2.0) + +0, rtz -> -max */
        TEST_FP_S(165, 0xff800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rdn)  /* -(max*2.0) + +0, rdn -> -inf */
        TEST_FP_S(166, 0xff7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rup)  /* -(max*2.0) + +0, rup -> -max */
        TEST_FP_S(167, 0xff800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rmm)  /* -(max*2.0) + +0, rmm -> -inf */
        TEST_FP_S(168, 0xff800000, 0, 0x7f7fffff, 0x7f7fffff, 0xff800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(max*max) + -inf, rne -> -inf */
        TEST_FP_S(169, 0x80000000, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(0x1p-149*0.5) + +0, rne -> -0 */
        TEST_FP_S(170, 0x80000000, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rtz)  /* -(0x1p-149*0.5) + +0, rtz -> -0 */
        TEST_FP_S(171, 0x80000001, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rdn)  /* -(0x1p-149*0.5) + +0, rdn -> -0x1p-149 */
        TEST_FP_S(172, 0x80000000, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rup)  /* -(0x1p-149*0.5) + +0, rup -> -0 */
        TEST_FP_S(173, 0x80000001, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rmm)  /* -(0x1p-149*0.5) + +0, rmm -> -0x1p-149 */
        TEST_FP_S(174, 0x80400000, 0, 0x800000, 0x3f000000, 0x80000000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(0x1p-126*0.5) + -0, rne -> -0x1p-127 */
        TEST_FP_S(175, 0x80800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.fffffcp-127*0x1.000002p+0) + +0, rne -> -0x1p-126 */
        TEST_FP_S(176, 0x807fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rtz)  /* -(0x1.fffffcp-127*0x1.000002p+0) + +0, rtz -> -0x1.fffffcp-127 */
        TEST_FP_S(177, 0x80800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rdn)  /* -(0x1.fffffcp-127*0x1.000002p+0) + +0, rdn -> -0x1p-126 */
        TEST_FP_S(178, 0x807fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rup)  /* -(0x1.fffffcp-127*0x1.000002p+0) + +0, rup -> -0x1.fffffcp-127 */
        TEST_FP_S(179, 0x80800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmsub.s fa0, fa1, fa2, fa3, rmm)  /* -(0x1.fffffcp-127*0x1.000002p+0) + +0, rmm -> -0x1p-126 */
        TEST_FP_S(180, 0x81400000, 0, 0x800000, 0x40000000, 0x80800000, fnmsub.s fa0, fa1, fa2, fa3, rne)  /* -(0x1p-126*2.0) + -0x1p-126, rne -> -0x1.8p-125 */

        /* ---- fnmadd.s ---- */
        TEST_FP_S(181, 0xc0e00000, 0, 0x40000000, 0x40400000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(2.0*3.0) - 1.0, rne -> -7.0 */
        TEST_FP_S(182, 0x40b00000, 0, 0x40000000, 0xc0400000, 0x3f000000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(2.0*-3.0) - 0.5, rne -> 5.5 */
        TEST_FP_S(183, 0xc0000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.000002p+0*0x1.fffffcp-1) - 1.0, rne -> -2.0 */
        TEST_FP_S(184, 0x28800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.000002p+0*0x1.fffffcp-1) - -1.0, rne -> 0x1p-46 */
        TEST_FP_S(185, 0xc0000001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.000002p+0*0x1.000002p+0) - 1.0, rne -> -0x1.000002p+1 */
        TEST_FP_S(186, 0xc0000001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rtz)  /* -(0x1.000002p+0*0x1.000002p+0) - 1.0, rtz -> -0x1.000002p+1 */
        TEST_FP_S(187, 0xc0000002, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rdn)  /* -(0x1.000002p+0*0x1.000002p+0) - 1.0, rdn -> -0x1.000004p+1 */
        TEST_FP_S(188, 0xc0000001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rup)  /* -(0x1.000002p+0*0x1.000002p+0) - 1.0, rup -> -0x1.000002p+1 */
        TEST_FP_S(189, 0xc0000001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rmm)  /* -(0x1.000002p+0*0x1.000002p+0) - 1.0, rmm -> -0x1.000002p+1 */
        TEST_FP_S(190, 0xbfc00004, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.000002p+0*0x1.000006p+0) - 0.5, rne -> -0x1.800008p+0 */
        TEST_FP_S(191, 0xbfc00004, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fnmadd.s fa0, fa1, fa2, fa3, rtz)  /* -(0x1.000002p+0*0x1.000006p+0) - 0.5, rtz -> -0x1.800008p+0 */
        TEST_FP_S(192, 0xbfc00005, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fnmadd.s fa0, fa1, fa2, fa3, rdn)  /* -(0x1.000002p+0*0x1.000006p+0) - 0.5, rdn -> -0x1.80000ap+0 */
        TEST_FP_S(193, 0xbfc00004, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fnmadd.s fa0, fa1, fa2, fa3, rup)  /* -(0x1.000002p+0*0x1.000006p+0) - 0.5, rup -> -0x1.800008p+0 */
        TEST_FP_S(194, 0xbfc00004, FF_NX, 0x3f800001, 0x3f800003, 0x3f000000, fnmadd.s fa0, fa1, fa2, fa3, rmm)  /* -(0x1.000002p+0*0x1.000006p+0) - 0.5, rmm -> -0x1.800008p+0 */
        TEST_FP_S(195, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) - 1.0, rne -> -2.0 */
        TEST_FP_S(196, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rtz)  /* -(1.0*1.0) - 1.0, rtz -> -2.0 */
        TEST_FP_S(197, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rdn)  /* -(1.0*1.0) - 1.0, rdn -> -2.0 */
        TEST_FP_S(198, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rup)  /* -(1.0*1.0) - 1.0, rup -> -2.0 */
        TEST_FP_S(199, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rmm)  /* -(1.0*1.0) - 1.0, rmm -> -2.0 */
        TEST_FP_S(200, 0x0, 0, 0x0, 0x3f800000, 0x80000000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(+0*1.0) - -0, rne -> +0 */
        TEST_FP_S(201, 0x0, 0, 0x80000000, 0x3f800000, 0x80000000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(-0*1.0) - -0, rne -> +0 */
        TEST_FP_S(202, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(-0*1.0) - +0, rne -> +0 */
        TEST_FP_S(203, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rtz)  /* -(-0*1.0) - +0, rtz -> +0 */
        TEST_FP_S(204, 0x80000000, 0, 0x80000000, 0x3f800000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rdn)  /* -(-0*1.0) - +0, rdn -> -0 */
        TEST_FP_S(205, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rup)  /* -(-0*1.0) - +0, rup -> +0 */
        TEST_FP_S(206, 0x0, 0, 0x80000000, 0x3f800000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rmm)  /* -(-0*1.0) - +0, rmm -> +0 */
        TEST_FP_S(207, 0x80000000, 0, 0x0, 0x0, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(+0*+0) - +0, rne -> -0 */
        TEST_FP_S(208, 0x7fc00000, FF_NV, 0x7f800000, 0x0, 0x7fc00000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(+inf*+0) - qNaN, rne -> qNaN */
        TEST_FP_S(209, 0x7fc00000, FF_NV, 0x0, 0xff800000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(+0*-inf) - 1.0, rne -> qNaN */
        TEST_FP_S(210, 0x7fc00000, FF_NV, 0x7f800000, 0x0, 0x7f800001, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(+inf*+0) - sNaN, rne -> qNaN */
        TEST_FP_S(211, 0xff800000, 0, 0x7f800000, 0x3f800000, 0x7f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(+inf*1.0) - +inf, rne -> -inf */
        TEST_FP_S(212, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0xff800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(+inf*1.0) - -inf, rne -> qNaN */
        TEST_FP_S(213, 0x7f800000, 0, 0x3f800000, 0x3f800000, 0xff800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) - -inf, rne -> +inf */
        TEST_FP_S(214, 0x7fc00000, 0, 0x7fc00000, 0x3f800000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(qNaN*1.0) - 1.0, rne -> qNaN */
        TEST_FP_S(215, 0x7fc00000, 0, 0x3f800000, 0xffc12345, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*-qNaN(payload)) - 1.0, rne -> qNaN */
        TEST_FP_S(216, 0x7fc00000, 0, 0x3f800000, 0x3f800000, 0xffc12345, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) - -qNaN(payload), rne -> qNaN */
        TEST_FP_S(217, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(sNaN*1.0) - 1.0, rne -> qNaN */
        TEST_FP_S(218, 0x7fc00000, FF_NV, 0x3f800000, 0x3f800000, 0x7f805a5a, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(1.0*1.0) - sNaN(payload), rne -> qNaN */
        TEST_FP_S(219, 0x7fc00000, FF_NV, 0x7fc00000, 0x7f800001, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(qNaN*sNaN) - 1.0, rne -> qNaN */
        TEST_FP_S(220, 0xff800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x7f7fffff, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(max*2.0) - max, rne -> -inf */
        TEST_FP_S(221, 0xff800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(max*2.0) - +0, rne -> -inf */
        TEST_FP_S(222, 0xff7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rtz)  /* -(max*2.0) - +0, rtz -> -max */
        TEST_FP_S(223, 0xff800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rdn)  /* -(max*2.0) - +0, rdn -> -inf */
        TEST_FP_S(224, 0xff7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rup)  /* -(max*2.0) - +0, rup -> -max */
        TEST_FP_S(225, 0xff800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rmm)  /* -(max*2.0) - +0, rmm -> -inf */
        TEST_FP_S(226, 0x7f800000, 0, 0x7f7fffff, 0x7f7fffff, 0xff800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(max*max) - -inf, rne -> +inf */
        TEST_FP_S(227, 0x80000000, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(0x1p-149*0.5) - +0, rne -> -0 */
        TEST_FP_S(228, 0x80000000, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rtz)  /* -(0x1p-149*0.5) - +0, rtz -> -0 */
        TEST_FP_S(229, 0x80000001, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rdn)  /* -(0x1p-149*0.5) - +0, rdn -> -0x1p-149 */
        TEST_FP_S(230, 0x80000000, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rup)  /* -(0x1p-149*0.5) - +0, rup -> -0 */
        TEST_FP_S(231, 0x80000001, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rmm)  /* -(0x1p-149*0.5) - +0, rmm -> -0x1p-149 */
        TEST_FP_S(232, 0x80400000, 0, 0x800000, 0x3f000000, 0x80000000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(0x1p-126*0.5) - -0, rne -> -0x1p-127 */
        TEST_FP_S(233, 0x80800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(0x1.fffffcp-127*0x1.000002p+0) - +0, rne -> -0x1p-126 */
        TEST_FP_S(234, 0x807fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rtz)  /* -(0x1.fffffcp-127*0x1.000002p+0) - +0, rtz -> -0x1.fffffcp-127 */
        TEST_FP_S(235, 0x80800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rdn)  /* -(0x1.fffffcp-127*0x1.000002p+0) - +0, rdn -> -0x1p-126 */
        TEST_FP_S(236, 0x807fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rup)  /* -(0x1.fffffcp-127*0x1.000002p+0) - +0, rup -> -0x1.fffffcp-127 */
        TEST_FP_S(237, 0x80800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fnmadd.s fa0, fa1, fa2, fa3, rmm)  /* -(0x1.fffffcp-127*0x1.000002p+0) - +0, rmm -> -0x1p-126 */
        TEST_FP_S(238, 0x81400000, 0, 0x800000, 0x40000000, 0x800000, fnmadd.s fa0, fa1, fa2, fa3, rne)  /* -(0x1p-126*2.0) - 0x1p-126, rne -> -0x1.8p-125 */

        TEST_END
