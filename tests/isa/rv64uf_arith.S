/* Single-precision FADD, FSUB, FMUL, FDIV, FSQRT (unprivileged spec 11.4 / 12.3): exact result bits
 * and fflags for every rounding mode (static rm and dynamic rm from frm), signed zeros, infinities,
 * canonical NaN results (sNaN raises NV, qNaN does not), overflow, underflow with tininess detected
 * after rounding, and division by zero. Expected values come from an exact rational model and were
 * checked against QEMU's softfloat. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        FP_INIT

        /* ---- fadd.s ---- */
        TEST_FP_S(2, 0x40400000, 0, 0x3f800000, 0x40000000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 1.0 + 2.0, rne -> 3.0 */
        TEST_FP_S(3, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 1.0 + 0x1p-24, rne -> 1.0 */
        TEST_FP_S(4, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* 1.0 + 0x1p-24, rtz -> 1.0 */
        TEST_FP_S(5, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* 1.0 + 0x1p-24, rdn -> 1.0 */
        TEST_FP_S(6, 0x3f800001, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rup)  /* 1.0 + 0x1p-24, rup -> 0x1.000002p+0 */
        TEST_FP_S(7, 0x3f800001, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* 1.0 + 0x1p-24, rmm -> 0x1.000002p+0 */
        TEST_FP_S(8, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, csrwi frm, 0; fadd.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-24, dyn frm=rne -> 1.0 */
        TEST_FP_S(9, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, csrwi frm, 1; fadd.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-24, dyn frm=rtz -> 1.0 */
        TEST_FP_S(10, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, csrwi frm, 2; fadd.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-24, dyn frm=rdn -> 1.0 */
        TEST_FP_S(11, 0x3f800001, FF_NX, 0x3f800000, 0x33800000, 0x0, csrwi frm, 3; fadd.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-24, dyn frm=rup -> 0x1.000002p+0 */
        TEST_FP_S(12, 0x3f800001, FF_NX, 0x3f800000, 0x33800000, 0x0, csrwi frm, 4; fadd.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-24, dyn frm=rmm -> 0x1.000002p+0 */
        TEST_FP_S(13, 0xbf800000, FF_NX, 0xbf800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* -1.0 + -0x1p-24, rne -> -1.0 */
        TEST_FP_S(14, 0xbf800000, FF_NX, 0xbf800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* -1.0 + -0x1p-24, rtz -> -1.0 */
        TEST_FP_S(15, 0xbf800001, FF_NX, 0xbf800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* -1.0 + -0x1p-24, rdn -> -0x1.000002p+0 */
        TEST_FP_S(16, 0xbf800000, FF_NX, 0xbf800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rup)  /* -1.0 + -0x1p-24, rup -> -1.0 */
        TEST_FP_S(17, 0xbf800001, FF_NX, 0xbf800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* -1.0 + -0x1p-24, rmm -> -0x1.000002p+0 */
        TEST_FP_S(18, 0x3f800002, FF_NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 0x1.000002p+0 + 0x1p-24, rne -> 0x1.000004p+0 */
        TEST_FP_S(19, 0x3f800001, FF_NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* 0x1.000002p+0 + 0x1p-24, rtz -> 0x1.000002p+0 */
        TEST_FP_S(20, 0x3f800001, FF_NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* 0x1.000002p+0 + 0x1p-24, rdn -> 0x1.000002p+0 */
        TEST_FP_S(21, 0x3f800002, FF_NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rup)  /* 0x1.000002p+0 + 0x1p-24, rup -> 0x1.000004p+0 */
        TEST_FP_S(22, 0x3f800002, FF_NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* 0x1.000002p+0 + 0x1p-24, rmm -> 0x1.000004p+0 */
        TEST_FP_S(23, 0x3f800001, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 1.0 + 0x1.8p-24, rne -> 0x1.000002p+0 */
        TEST_FP_S(24, 0x3f800000, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* 1.0 + 0x1.8p-24, rtz -> 1.0 */
        TEST_FP_S(25, 0x3f800000, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* 1.0 + 0x1.8p-24, rdn -> 1.0 */
        TEST_FP_S(26, 0x3f800001, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rup)  /* 1.0 + 0x1.8p-24, rup -> 0x1.000002p+0 */
        TEST_FP_S(27, 0x3f800001, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* 1.0 + 0x1.8p-24, rmm -> 0x1.000002p+0 */
        TEST_FP_S(28, 0x40400000, FF_NX, 0x40400000, 0xb3000000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 3.0 + -0x1p-25, rne -> 3.0 */
        TEST_FP_S(29, 0x403fffff, FF_NX, 0x40400000, 0xb3000000, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* 3.0 + -0x1p-25, rtz -> 0x1.7ffffep+1 */
        TEST_FP_S(30, 0x403fffff, FF_NX, 0x40400000, 0xb3000000, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* 3.0 + -0x1p-25, rdn -> 0x1.7ffffep+1 */
        TEST_FP_S(31, 0x40400000, FF_NX, 0x40400000, 0xb3000000, 0x0, fadd.s fa0, fa1, fa2, rup)  /* 3.0 + -0x1p-25, rup -> 3.0 */
        TEST_FP_S(32, 0x40400000, FF_NX, 0x40400000, 0xb3000000, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* 3.0 + -0x1p-25, rmm -> 3.0 */
        TEST_FP_S(33, 0x0, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 1.0 + -1.0, rne -> +0 */
        TEST_FP_S(34, 0x0, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* 1.0 + -1.0, rtz -> +0 */
        TEST_FP_S(35, 0x80000000, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* 1.0 + -1.0, rdn -> -0 */
        TEST_FP_S(36, 0x0, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rup)  /* 1.0 + -1.0, rup -> +0 */
        TEST_FP_S(37, 0x0, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* 1.0 + -1.0, rmm -> +0 */
        TEST_FP_S(38, 0x80000000, 0, 0x80000000, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* -0 + -0, rne -> -0 */
        TEST_FP_S(39, 0x0, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* +0 + -0, rne -> +0 */
        TEST_FP_S(40, 0x0, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* +0 + -0, rtz -> +0 */
        TEST_FP_S(41, 0x80000000, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* +0 + -0, rdn -> -0 */
        TEST_FP_S(42, 0x0, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rup)  /* +0 + -0, rup -> +0 */
        TEST_FP_S(43, 0x0, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* +0 + -0, rmm -> +0 */
        TEST_FP_S(44, 0x0, 0, 0x80000000, 0x0, 0x0, fadd.s fa0, fa1, fa2, rne)  /* -0 + +0, rne -> +0 */
        TEST_FP_S(45, 0x7fc00000, FF_NV, 0x7f800000, 0xff800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* +inf + -inf, rne -> qNaN */
        TEST_FP_S(46, 0x7f800000, 0, 0x7f800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* +inf + 1.0, rne -> +inf */
        TEST_FP_S(47, 0xff800000, 0, 0xff800000, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rne)  /* -inf + max, rne -> -inf */
        TEST_FP_S(48, 0x7fc00000, 0, 0x7fc00000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* qNaN + 1.0, rne -> qNaN */
        TEST_FP_S(49, 0x7fc00000, FF_NV, 0x3f800000, 0x7f800001, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 1.0 + sNaN, rne -> qNaN */
        TEST_FP_S(50, 0x7fc00000, 0, 0xffc12345, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* -qNaN(payload) + 1.0, rne -> qNaN */
        TEST_FP_S(51, 0x7fc00000, FF_NV, 0x7fc00000, 0x7f805a5a, 0x0, fadd.s fa0, fa1, fa2, rne)  /* qNaN + sNaN(payload), rne -> qNaN */
        TEST_FP_S(52, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800001, 0x0, fadd.s fa0, fa1, fa2, rne)  /* +inf + sNaN, rne -> qNaN */
        TEST_FP_S(53, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rne)  /* max + max, rne -> +inf */
        TEST_FP_S(54, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* max + max, rtz -> max */
        TEST_FP_S(55, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* max + max, rdn -> max */
        TEST_FP_S(56, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rup)  /* max + max, rup -> +inf */
        TEST_FP_S(57, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* max + max, rmm -> +inf */
        TEST_FP_S(58, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rne)  /* -max + -max, rne -> -inf */
        TEST_FP_S(59, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* -max + -max, rtz -> -max */
        TEST_FP_S(60, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* -max + -max, rdn -> -inf */
        TEST_FP_S(61, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rup)  /* -max + -max, rup -> -max */
        TEST_FP_S(62, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* -max + -max, rmm -> -inf */
        TEST_FP_S(63, 0x2, 0, 0x1, 0x1, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 0x1p-149 + 0x1p-149, rne -> 0x1p-148 */
        TEST_FP_S(64, 0x800000, 0, 0x7fffff, 0x1, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 0x1.fffffcp-127 + 0x1p-149, rne -> 0x1p-126 */
        TEST_FP_S(65, 0x3f800000, FF_NX, 0x3f800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 1.0 + 0x1p-149, rne -> 1.0 */
        TEST_FP_S(66, 0x3f800000, FF_NX, 0x3f800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* 1.0 + 0x1p-149, rtz -> 1.0 */
        TEST_FP_S(67, 0x3f800000, FF_NX, 0x3f800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* 1.0 + 0x1p-149, rdn -> 1.0 */
        TEST_FP_S(68, 0x3f800001, FF_NX, 0x3f800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rup)  /* 1.0 + 0x1p-149, rup -> 0x1.000002p+0 */
        TEST_FP_S(69, 0x3f800000, FF_NX, 0x3f800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* 1.0 + 0x1p-149, rmm -> 1.0 */
        TEST_FP_S(70, 0xbf800000, FF_NX, 0xbf800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rne)  /* -1.0 + 0x1p-149, rne -> -1.0 */
        TEST_FP_S(71, 0xbf7fffff, FF_NX, 0xbf800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* -1.0 + 0x1p-149, rtz -> -0x1.fffffep-1 */
        TEST_FP_S(72, 0xbf800000, FF_NX, 0xbf800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* -1.0 + 0x1p-149, rdn -> -1.0 */
        TEST_FP_S(73, 0xbf7fffff, FF_NX, 0xbf800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rup)  /* -1.0 + 0x1p-149, rup -> -0x1.fffffep-1 */
        TEST_FP_S(74, 0xbf800000, FF_NX, 0xbf800000, 0x1, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* -1.0 + 0x1p-149, rmm -> -1.0 */
        TEST_FP_S(75, 0x4b800000, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne)  /* 16777216.0 + 1.0, rne -> 16777216.0 */
        TEST_FP_S(76, 0x4b800000, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rtz)  /* 16777216.0 + 1.0, rtz -> 16777216.0 */
        TEST_FP_S(77, 0x4b800000, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rdn)  /* 16777216.0 + 1.0, rdn -> 16777216.0 */
        TEST_FP_S(78, 0x4b800001, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rup)  /* 16777216.0 + 1.0, rup -> 16777218.0 */
        TEST_FP_S(79, 0x4b800001, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rmm)  /* 16777216.0 + 1.0, rmm -> 16777218.0 */

        /* ---- fsub.s ---- */
        TEST_FP_S(80, 0x40000000, 0, 0x40400000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* 3.0 - 1.0, rne -> 2.0 */
        TEST_FP_S(81, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* 1.0 - 1.0, rne -> +0 */
        TEST_FP_S(82, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rtz)  /* 1.0 - 1.0, rtz -> +0 */
        TEST_FP_S(83, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rdn)  /* 1.0 - 1.0, rdn -> -0 */
        TEST_FP_S(84, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rup)  /* 1.0 - 1.0, rup -> +0 */
        TEST_FP_S(85, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rmm)  /* 1.0 - 1.0, rmm -> +0 */
        TEST_FP_S(86, 0x80000000, 0, 0x80000000, 0x0, 0x0, fsub.s fa0, fa1, fa2, rne)  /* -0 - +0, rne -> -0 */
        TEST_FP_S(87, 0x0, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rne)  /* +0 - +0, rne -> +0 */
        TEST_FP_S(88, 0x0, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rtz)  /* +0 - +0, rtz -> +0 */
        TEST_FP_S(89, 0x80000000, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rdn)  /* +0 - +0, rdn -> -0 */
        TEST_FP_S(90, 0x0, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rup)  /* +0 - +0, rup -> +0 */
        TEST_FP_S(91, 0x0, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rmm)  /* +0 - +0, rmm -> +0 */
        TEST_FP_S(92, 0x0, 0, 0x0, 0x80000000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* +0 - -0, rne -> +0 */
        TEST_FP_S(93, 0x3f800000, FF_NX, 0x3f800000, 0x32800000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* 1.0 - 0x1p-26, rne -> 1.0 */
        TEST_FP_S(94, 0x3f7fffff, FF_NX, 0x3f800000, 0x32800000, 0x0, fsub.s fa0, fa1, fa2, rtz)  /* 1.0 - 0x1p-26, rtz -> 0x1.fffffep-1 */
        TEST_FP_S(95, 0x3f7fffff, FF_NX, 0x3f800000, 0x32800000, 0x0, fsub.s fa0, fa1, fa2, rdn)  /* 1.0 - 0x1p-26, rdn -> 0x1.fffffep-1 */
        TEST_FP_S(96, 0x3f800000, FF_NX, 0x3f800000, 0x32800000, 0x0, fsub.s fa0, fa1, fa2, rup)  /* 1.0 - 0x1p-26, rup -> 1.0 */
        TEST_FP_S(97, 0x3f800000, FF_NX, 0x3f800000, 0x32800000, 0x0, fsub.s fa0, fa1, fa2, rmm)  /* 1.0 - 0x1p-26, rmm -> 1.0 */
        TEST_FP_S(98, 0x3f800000, FF_NX, 0x3f800000, 0x32800000, 0x0, csrwi frm, 0; fsub.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-26, dyn frm=rne -> 1.0 */
        TEST_FP_S(99, 0x3f7fffff, FF_NX, 0x3f800000, 0x32800000, 0x0, csrwi frm, 1; fsub.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-26, dyn frm=rtz -> 0x1.fffffep-1 */
        TEST_FP_S(100, 0x3f7fffff, FF_NX, 0x3f800000, 0x32800000, 0x0, csrwi frm, 2; fsub.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-26, dyn frm=rdn -> 0x1.fffffep-1 */
        TEST_FP_S(101, 0x3f800000, FF_NX, 0x3f800000, 0x32800000, 0x0, csrwi frm, 3; fsub.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-26, dyn frm=rup -> 1.0 */
        TEST_FP_S(102, 0x3f800000, FF_NX, 0x3f800000, 0x32800000, 0x0, csrwi frm, 4; fsub.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-26, dyn frm=rmm -> 1.0 */
        TEST_FP_S(103, 0xbf800000, FF_NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* -1.0 - 0x1p-24, rne -> -1.0 */
        TEST_FP_S(104, 0xbf800000, FF_NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rtz)  /* -1.0 - 0x1p-24, rtz -> -1.0 */
        TEST_FP_S(105, 0xbf800001, FF_NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rdn)  /* -1.0 - 0x1p-24, rdn -> -0x1.000002p+0 */
        TEST_FP_S(106, 0xbf800000, FF_NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rup)  /* -1.0 - 0x1p-24, rup -> -1.0 */
        TEST_FP_S(107, 0xbf800001, FF_NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rmm)  /* -1.0 - 0x1p-24, rmm -> -0x1.000002p+0 */
        TEST_FP_S(108, 0x7fffff, 0, 0x800000, 0x1, 0x0, fsub.s fa0, fa1, fa2, rne)  /* 0x1p-126 - 0x1p-149, rne -> 0x1.fffffcp-127 */
        TEST_FP_S(109, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* +inf - +inf, rne -> qNaN */
        TEST_FP_S(110, 0x7f800000, 0, 0x7f800000, 0xff800000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* +inf - -inf, rne -> +inf */
        TEST_FP_S(111, 0xff800000, 0, 0x3f800000, 0x7f800000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* 1.0 - +inf, rne -> -inf */
        TEST_FP_S(112, 0x7fc00000, FF_NV, 0x7f800001, 0x7fc00000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* sNaN - qNaN, rne -> qNaN */
        TEST_FP_S(113, 0x7fc00000, 0, 0x7fc00000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* qNaN - 1.0, rne -> qNaN */
        TEST_FP_S(114, 0x7fc00000, FF_NV, 0x3f800000, 0x7f805a5a, 0x0, fsub.s fa0, fa1, fa2, rne)  /* 1.0 - sNaN(payload), rne -> qNaN */
        TEST_FP_S(115, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0x7f7fffff, 0x0, fsub.s fa0, fa1, fa2, rne)  /* -max - max, rne -> -inf */
        TEST_FP_S(116, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0x7f7fffff, 0x0, fsub.s fa0, fa1, fa2, rtz)  /* -max - max, rtz -> -max */
        TEST_FP_S(117, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0x7f7fffff, 0x0, fsub.s fa0, fa1, fa2, rdn)  /* -max - max, rdn -> -inf */
        TEST_FP_S(118, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0x7f7fffff, 0x0, fsub.s fa0, fa1, fa2, rup)  /* -max - max, rup -> -max */
        TEST_FP_S(119, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0x7f7fffff, 0x0, fsub.s fa0, fa1, fa2, rmm)  /* -max - max, rmm -> -inf */
        TEST_FP_S(120, 0x4b800000, FF_NX, 0x4b800000, 0x3f000000, 0x0, fsub.s fa0, fa1, fa2, rne)  /* 16777216.0 - 0.5, rne -> 16777216.0 */
        TEST_FP_S(121, 0x4b7fffff, FF_NX, 0x4b800000, 0x3f000000, 0x0, fsub.s fa0, fa1, fa2, rtz)  /* 16777216.0 - 0.5, rtz -> 16777215.0 */
        TEST_FP_S(122, 0x4b7fffff, FF_NX, 0x4b800000, 0x3f000000, 0x0, fsub.s fa0, fa1, fa2, rdn)  /* 16777216.0 - 0.5, rdn -> 16777215.0 */
        TEST_FP_S(123, 0x4b800000, FF_NX, 0x4b800000, 0x3f000000, 0x0, fsub.s fa0, fa1, fa2, rup)  /* 16777216.0 - 0.5, rup -> 16777216.0 */
        TEST_FP_S(124, 0x4b800000, FF_NX, 0x4b800000, 0x3f000000, 0x0, fsub.s fa0, fa1, fa2, rmm)  /* 16777216.0 - 0.5, rmm -> 16777216.0 */

        /* ---- fmul.s ---- */
        TEST_FP_S(125, 0xc1200000, 0, 0x40200000, 0xc0800000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 2.5 * -4.0, rne -> -10.0 */
        TEST_FP_S(126, 0x3f800002, FF_NX, 0x3f800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 0x1.000002p+0 * 0x1.000002p+0, rne -> 0x1.000004p+0 */
        TEST_FP_S(127, 0x3f800002, FF_NX, 0x3f800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* 0x1.000002p+0 * 0x1.000002p+0, rtz -> 0x1.000004p+0 */
        TEST_FP_S(128, 0x3f800002, FF_NX, 0x3f800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* 0x1.000002p+0 * 0x1.000002p+0, rdn -> 0x1.000004p+0 */
        TEST_FP_S(129, 0x3f800003, FF_NX, 0x3f800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rup)  /* 0x1.000002p+0 * 0x1.000002p+0, rup -> 0x1.000006p+0 */
        TEST_FP_S(130, 0x3f800002, FF_NX, 0x3f800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* 0x1.000002p+0 * 0x1.000002p+0, rmm -> 0x1.000004p+0 */
        TEST_FP_S(131, 0x3f800002, FF_NX, 0x3f800001, 0x3f800001, 0x0, csrwi frm, 0; fmul.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.000002p+0 * 0x1.000002p+0, dyn frm=rne -> 0x1.000004p+0 */
        TEST_FP_S(132, 0x3f800002, FF_NX, 0x3f800001, 0x3f800001, 0x0, csrwi frm, 1; fmul.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.000002p+0 * 0x1.000002p+0, dyn frm=rtz -> 0x1.000004p+0 */
        TEST_FP_S(133, 0x3f800002, FF_NX, 0x3f800001, 0x3f800001, 0x0, csrwi frm, 2; fmul.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.000002p+0 * 0x1.000002p+0, dyn frm=rdn -> 0x1.000004p+0 */
        TEST_FP_S(134, 0x3f800003, FF_NX, 0x3f800001, 0x3f800001, 0x0, csrwi frm, 3; fmul.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.000002p+0 * 0x1.000002p+0, dyn frm=rup -> 0x1.000006p+0 */
        TEST_FP_S(135, 0x3f800002, FF_NX, 0x3f800001, 0x3f800001, 0x0, csrwi frm, 4; fmul.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.000002p+0 * 0x1.000002p+0, dyn frm=rmm -> 0x1.000004p+0 */
        TEST_FP_S(136, 0xbf800002, FF_NX, 0xbf800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rne)  /* -0x1.000002p+0 * 0x1.000002p+0, rne -> -0x1.000004p+0 */
        TEST_FP_S(137, 0xbf800002, FF_NX, 0xbf800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* -0x1.000002p+0 * 0x1.000002p+0, rtz -> -0x1.000004p+0 */
        TEST_FP_S(138, 0xbf800003, FF_NX, 0xbf800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* -0x1.000002p+0 * 0x1.000002p+0, rdn -> -0x1.000006p+0 */
        TEST_FP_S(139, 0xbf800002, FF_NX, 0xbf800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rup)  /* -0x1.000002p+0 * 0x1.000002p+0, rup -> -0x1.000004p+0 */
        TEST_FP_S(140, 0xbf800002, FF_NX, 0xbf800001, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* -0x1.000002p+0 * 0x1.000002p+0, rmm -> -0x1.000004p+0 */
        TEST_FP_S(141, 0x3f800005, FF_NX, 0x3f800003, 0x3f800002, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 0x1.000006p+0 * 0x1.000004p+0, rne -> 0x1.00000ap+0 */
        TEST_FP_S(142, 0x3f800005, FF_NX, 0x3f800003, 0x3f800002, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* 0x1.000006p+0 * 0x1.000004p+0, rtz -> 0x1.00000ap+0 */
        TEST_FP_S(143, 0x3f800005, FF_NX, 0x3f800003, 0x3f800002, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* 0x1.000006p+0 * 0x1.000004p+0, rdn -> 0x1.00000ap+0 */
        TEST_FP_S(144, 0x3f800006, FF_NX, 0x3f800003, 0x3f800002, 0x0, fmul.s fa0, fa1, fa2, rup)  /* 0x1.000006p+0 * 0x1.000004p+0, rup -> 0x1.00000cp+0 */
        TEST_FP_S(145, 0x3f800005, FF_NX, 0x3f800003, 0x3f800002, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* 0x1.000006p+0 * 0x1.000004p+0, rmm -> 0x1.00000ap+0 */
        TEST_FP_S(146, 0x7fc00000, FF_NV, 0x0, 0x7f800000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* +0 * +inf, rne -> qNaN */
        TEST_FP_S(147, 0x7fc00000, FF_NV, 0xff800000, 0x80000000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* -inf * -0, rne -> qNaN */
        TEST_FP_S(148, 0x80000000, 0, 0x80000000, 0x40400000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* -0 * 3.0, rne -> -0 */
        TEST_FP_S(149, 0x0, 0, 0x80000000, 0x80000000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* -0 * -0, rne -> +0 */
        TEST_FP_S(150, 0xff800000, 0, 0x7f800000, 0xc0000000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* +inf * -2.0, rne -> -inf */
        TEST_FP_S(151, 0x7f800000, 0, 0xff800000, 0xff800000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* -inf * -inf, rne -> +inf */
        TEST_FP_S(152, 0x7fc00000, 0, 0x7fc00000, 0x0, 0x0, fmul.s fa0, fa1, fa2, rne)  /* qNaN * +0, rne -> qNaN */
        TEST_FP_S(153, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* sNaN * 1.0, rne -> qNaN */
        TEST_FP_S(154, 0x7fc00000, 0, 0x7f800000, 0xffc12345, 0x0, fmul.s fa0, fa1, fa2, rne)  /* +inf * -qNaN(payload), rne -> qNaN */
        TEST_FP_S(155, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* max * 2.0, rne -> +inf */
        TEST_FP_S(156, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* max * 2.0, rtz -> max */
        TEST_FP_S(157, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* max * 2.0, rdn -> max */
        TEST_FP_S(158, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rup)  /* max * 2.0, rup -> +inf */
        TEST_FP_S(159, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* max * 2.0, rmm -> +inf */
        TEST_FP_S(160, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0x3fc00000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* -max * 1.5, rne -> -inf */
        TEST_FP_S(161, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0x3fc00000, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* -max * 1.5, rtz -> -max */
        TEST_FP_S(162, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0x3fc00000, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* -max * 1.5, rdn -> -inf */
        TEST_FP_S(163, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0x3fc00000, 0x0, fmul.s fa0, fa1, fa2, rup)  /* -max * 1.5, rup -> -max */
        TEST_FP_S(164, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0x3fc00000, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* -max * 1.5, rmm -> -inf */
        TEST_FP_S(165, 0x400000, 0, 0x800000, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 0x1p-126 * 0.5, rne -> 0x1p-127 */
        TEST_FP_S(166, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 0x1p-149 * 0.5, rne -> +0 */
        TEST_FP_S(167, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* 0x1p-149 * 0.5, rtz -> +0 */
        TEST_FP_S(168, 0x0, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* 0x1p-149 * 0.5, rdn -> +0 */
        TEST_FP_S(169, 0x1, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rup)  /* 0x1p-149 * 0.5, rup -> 0x1p-149 */
        TEST_FP_S(170, 0x1, FF_UF | FF_NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* 0x1p-149 * 0.5, rmm -> 0x1p-149 */
        TEST_FP_S(171, 0x0, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 0x1p-149 * 0x1p-149, rne -> +0 */
        TEST_FP_S(172, 0x0, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* 0x1p-149 * 0x1p-149, rtz -> +0 */
        TEST_FP_S(173, 0x0, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* 0x1p-149 * 0x1p-149, rdn -> +0 */
        TEST_FP_S(174, 0x1, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rup)  /* 0x1p-149 * 0x1p-149, rup -> 0x1p-149 */
        TEST_FP_S(175, 0x0, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* 0x1p-149 * 0x1p-149, rmm -> +0 */
        TEST_FP_S(176, 0x80000000, FF_UF | FF_NX, 0x80000001, 0x1, 0x0, fmul.s fa0, fa1, fa2, rne)  /* -0x1p-149 * 0x1p-149, rne -> -0 */
        TEST_FP_S(177, 0x80000000, FF_UF | FF_NX, 0x80000001, 0x1, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* -0x1p-149 * 0x1p-149, rtz -> -0 */
        TEST_FP_S(178, 0x80000001, FF_UF | FF_NX, 0x80000001, 0x1, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* -0x1p-149 * 0x1p-149, rdn -> -0x1p-149 */
        TEST_FP_S(179, 0x80000000, FF_UF | FF_NX, 0x80000001, 0x1, 0x0, fmul.s fa0, fa1, fa2, rup)  /* -0x1p-149 * 0x1p-149, rup -> -0 */
        TEST_FP_S(180, 0x80000000, FF_UF | FF_NX, 0x80000001, 0x1, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* -0x1p-149 * 0x1p-149, rmm -> -0 */

        /* ---- fmul.s: underflow, tininess detected after rounding. maxsub * (1 + ulp) is below the smallest normal
         * but rounds to it (unbounded exponent): not tiny, so RNE/RUP/RMM give minnorm with NX and no UF;
         * RTZ/RDN round to maxsub: tiny and inexact, UF | NX ---- */
        TEST_FP_S(181, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 0x1.fffffcp-127 * 0x1.000002p+0, rne -> 0x1p-126 */
        TEST_FP_S(182, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* 0x1.fffffcp-127 * 0x1.000002p+0, rtz -> 0x1.fffffcp-127 */
        TEST_FP_S(183, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* 0x1.fffffcp-127 * 0x1.000002p+0, rdn -> 0x1.fffffcp-127 */
        TEST_FP_S(184, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rup)  /* 0x1.fffffcp-127 * 0x1.000002p+0, rup -> 0x1p-126 */
        TEST_FP_S(185, 0x800000, FF_NX, 0x7fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* 0x1.fffffcp-127 * 0x1.000002p+0, rmm -> 0x1p-126 */
        TEST_FP_S(186, 0x80800000, FF_NX, 0x807fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rne)  /* -0x1.fffffcp-127 * 0x1.000002p+0, rne -> -0x1p-126 */
        TEST_FP_S(187, 0x807fffff, FF_UF | FF_NX, 0x807fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* -0x1.fffffcp-127 * 0x1.000002p+0, rtz -> -0x1.fffffcp-127 */
        TEST_FP_S(188, 0x80800000, FF_NX, 0x807fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* -0x1.fffffcp-127 * 0x1.000002p+0, rdn -> -0x1p-126 */
        TEST_FP_S(189, 0x807fffff, FF_UF | FF_NX, 0x807fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rup)  /* -0x1.fffffcp-127 * 0x1.000002p+0, rup -> -0x1.fffffcp-127 */
        TEST_FP_S(190, 0x80800000, FF_NX, 0x807fffff, 0x3f800001, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* -0x1.fffffcp-127 * 0x1.000002p+0, rmm -> -0x1p-126 */

        /* ---- fmul.s: minnorm * (1 - ulp/2) is exactly halfway: with unbounded exponent it is representable
         * (tiny), in the subnormal range RNE rounds it up to minnorm: UF | NX although the result is normal ---- */
        TEST_FP_S(191, 0x800000, FF_UF | FF_NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 0x1p-126 * 0x1.fffffep-1, rne -> 0x1p-126 */
        TEST_FP_S(192, 0x7fffff, FF_UF | FF_NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* 0x1p-126 * 0x1.fffffep-1, rtz -> 0x1.fffffcp-127 */
        TEST_FP_S(193, 0x7fffff, FF_UF | FF_NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* 0x1p-126 * 0x1.fffffep-1, rdn -> 0x1.fffffcp-127 */
        TEST_FP_S(194, 0x800000, FF_UF | FF_NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rup)  /* 0x1p-126 * 0x1.fffffep-1, rup -> 0x1p-126 */
        TEST_FP_S(195, 0x800000, FF_UF | FF_NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* 0x1p-126 * 0x1.fffffep-1, rmm -> 0x1p-126 */
        TEST_FP_S(196, 0xc00002, FF_NX, 0x3f400000, 0x1000001, 0x0, fmul.s fa0, fa1, fa2, rne)  /* 0.75 * 0x1.000002p-125, rne -> 0x1.800004p-126 */
        TEST_FP_S(197, 0xc00001, FF_NX, 0x3f400000, 0x1000001, 0x0, fmul.s fa0, fa1, fa2, rtz)  /* 0.75 * 0x1.000002p-125, rtz -> 0x1.800002p-126 */
        TEST_FP_S(198, 0xc00001, FF_NX, 0x3f400000, 0x1000001, 0x0, fmul.s fa0, fa1, fa2, rdn)  /* 0.75 * 0x1.000002p-125, rdn -> 0x1.800002p-126 */
        TEST_FP_S(199, 0xc00002, FF_NX, 0x3f400000, 0x1000001, 0x0, fmul.s fa0, fa1, fa2, rup)  /* 0.75 * 0x1.000002p-125, rup -> 0x1.800004p-126 */
        TEST_FP_S(200, 0xc00002, FF_NX, 0x3f400000, 0x1000001, 0x0, fmul.s fa0, fa1, fa2, rmm)  /* 0.75 * 0x1.000002p-125, rmm -> 0x1.800004p-126 */

        /* ---- fdiv.s ---- */
        TEST_FP_S(201, 0x40000000, 0, 0x40c00000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 6.0 / 3.0, rne -> 2.0 */
        TEST_FP_S(202, 0xc1e00000, 0, 0xc0e00000, 0x3e800000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* -7.0 / 0.25, rne -> -28.0 */
        TEST_FP_S(203, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 1.0 / 3.0, rne -> 0x1.555556p-2 */
        TEST_FP_S(204, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz)  /* 1.0 / 3.0, rtz -> 0x1.555554p-2 */
        TEST_FP_S(205, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn)  /* 1.0 / 3.0, rdn -> 0x1.555554p-2 */
        TEST_FP_S(206, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup)  /* 1.0 / 3.0, rup -> 0x1.555556p-2 */
        TEST_FP_S(207, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rmm)  /* 1.0 / 3.0, rmm -> 0x1.555556p-2 */
        TEST_FP_S(208, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0x0, csrwi frm, 0; fdiv.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rne -> 0x1.555556p-2 */
        TEST_FP_S(209, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000, 0x0, csrwi frm, 1; fdiv.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rtz -> 0x1.555554p-2 */
        TEST_FP_S(210, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000, 0x0, csrwi frm, 2; fdiv.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rdn -> 0x1.555554p-2 */
        TEST_FP_S(211, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0x0, csrwi frm, 3; fdiv.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rup -> 0x1.555556p-2 */
        TEST_FP_S(212, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0x0, csrwi frm, 4; fdiv.s fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rmm -> 0x1.555556p-2 */
        TEST_FP_S(213, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* -1.0 / 3.0, rne -> -0x1.555556p-2 */
        TEST_FP_S(214, 0xbeaaaaaa, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz)  /* -1.0 / 3.0, rtz -> -0x1.555554p-2 */
        TEST_FP_S(215, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn)  /* -1.0 / 3.0, rdn -> -0x1.555556p-2 */
        TEST_FP_S(216, 0xbeaaaaaa, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup)  /* -1.0 / 3.0, rup -> -0x1.555554p-2 */
        TEST_FP_S(217, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rmm)  /* -1.0 / 3.0, rmm -> -0x1.555556p-2 */
        TEST_FP_S(218, 0x3f2aaaab, FF_NX, 0x40000000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 2.0 / 3.0, rne -> 0x1.555556p-1 */
        TEST_FP_S(219, 0x3f2aaaaa, FF_NX, 0x40000000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz)  /* 2.0 / 3.0, rtz -> 0x1.555554p-1 */
        TEST_FP_S(220, 0x3f2aaaaa, FF_NX, 0x40000000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn)  /* 2.0 / 3.0, rdn -> 0x1.555554p-1 */
        TEST_FP_S(221, 0x3f2aaaab, FF_NX, 0x40000000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup)  /* 2.0 / 3.0, rup -> 0x1.555556p-1 */
        TEST_FP_S(222, 0x3f2aaaab, FF_NX, 0x40000000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rmm)  /* 2.0 / 3.0, rmm -> 0x1.555556p-1 */
        TEST_FP_S(223, 0x7f800000, FF_DZ, 0x3f800000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 1.0 / +0, rne -> +inf */
        TEST_FP_S(224, 0xff800000, FF_DZ, 0xbf800000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* -1.0 / +0, rne -> -inf */
        TEST_FP_S(225, 0xff800000, FF_DZ, 0x3f800000, 0x80000000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 1.0 / -0, rne -> -inf */
        TEST_FP_S(226, 0x7f800000, 0, 0xff800000, 0x80000000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* -inf / -0, rne -> +inf */
        TEST_FP_S(227, 0x7fc00000, FF_NV, 0x0, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* +0 / +0, rne -> qNaN */
        TEST_FP_S(228, 0x7fc00000, FF_NV, 0x80000000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* -0 / +0, rne -> qNaN */
        TEST_FP_S(229, 0x7fc00000, FF_NV, 0x7f800000, 0xff800000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* +inf / -inf, rne -> qNaN */
        TEST_FP_S(230, 0x7f800000, 0, 0x7f800000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* +inf / +0, rne -> +inf */
        TEST_FP_S(231, 0x0, 0, 0x0, 0x7f800000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* +0 / +inf, rne -> +0 */
        TEST_FP_S(232, 0x80000000, 0, 0x80000000, 0x40a00000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* -0 / 5.0, rne -> -0 */
        TEST_FP_S(233, 0x80000000, 0, 0xc0a00000, 0x7f800000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* -5.0 / +inf, rne -> -0 */
        TEST_FP_S(234, 0x7fc00000, 0, 0x7fc00000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* qNaN / +0, rne -> qNaN */
        TEST_FP_S(235, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* sNaN / 1.0, rne -> qNaN */
        TEST_FP_S(236, 0x7fc00000, FF_NV, 0x3f800000, 0x7f805a5a, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 1.0 / sNaN(payload), rne -> qNaN */
        TEST_FP_S(237, 0x7fc00000, 0, 0xffc12345, 0xffc12345, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* -qNaN(payload) / -qNaN(payload), rne -> qNaN */
        TEST_FP_S(238, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* max / 0.5, rne -> +inf */
        TEST_FP_S(239, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rtz)  /* max / 0.5, rtz -> max */
        TEST_FP_S(240, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rdn)  /* max / 0.5, rdn -> max */
        TEST_FP_S(241, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rup)  /* max / 0.5, rup -> +inf */
        TEST_FP_S(242, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rmm)  /* max / 0.5, rmm -> +inf */
        TEST_FP_S(243, 0x0, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 0x1p-149 / 2.0, rne -> +0 */
        TEST_FP_S(244, 0x0, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rtz)  /* 0x1p-149 / 2.0, rtz -> +0 */
        TEST_FP_S(245, 0x0, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rdn)  /* 0x1p-149 / 2.0, rdn -> +0 */
        TEST_FP_S(246, 0x1, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rup)  /* 0x1p-149 / 2.0, rup -> 0x1p-149 */
        TEST_FP_S(247, 0x1, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rmm)  /* 0x1p-149 / 2.0, rmm -> 0x1p-149 */
        TEST_FP_S(248, 0x2aaaab, FF_UF | FF_NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 0x1p-126 / 3.0, rne -> 0x1.555558p-128 */
        TEST_FP_S(249, 0x2aaaaa, FF_UF | FF_NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz)  /* 0x1p-126 / 3.0, rtz -> 0x1.55555p-128 */
        TEST_FP_S(250, 0x2aaaaa, FF_UF | FF_NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn)  /* 0x1p-126 / 3.0, rdn -> 0x1.55555p-128 */
        TEST_FP_S(251, 0x2aaaab, FF_UF | FF_NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup)  /* 0x1p-126 / 3.0, rup -> 0x1.555558p-128 */
        TEST_FP_S(252, 0x2aaaab, FF_UF | FF_NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rmm)  /* 0x1p-126 / 3.0, rmm -> 0x1.555558p-128 */
        TEST_FP_S(253, 0x200000, FF_UF | FF_NX, 0x3f800000, 0x7f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 1.0 / max, rne -> 0x1p-128 */
        TEST_FP_S(254, 0x200000, FF_UF | FF_NX, 0x3f800000, 0x7f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rtz)  /* 1.0 / max, rtz -> 0x1p-128 */
        TEST_FP_S(255, 0x200000, FF_UF | FF_NX, 0x3f800000, 0x7f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rdn)  /* 1.0 / max, rdn -> 0x1p-128 */
        TEST_FP_S(256, 0x200001, FF_UF | FF_NX, 0x3f800000, 0x7f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rup)  /* 1.0 / max, rup -> 0x1.000008p-128 */
        TEST_FP_S(257, 0x200000, FF_UF | FF_NX, 0x3f800000, 0x7f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rmm)  /* 1.0 / max, rmm -> 0x1p-128 */
        TEST_FP_S(258, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rne)  /* 0x1.fffffcp-127 / 0x1.fffffep-1, rne -> 0x1.fffffcp-127 */
        TEST_FP_S(259, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rtz)  /* 0x1.fffffcp-127 / 0x1.fffffep-1, rtz -> 0x1.fffffcp-127 */
        TEST_FP_S(260, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rdn)  /* 0x1.fffffcp-127 / 0x1.fffffep-1, rdn -> 0x1.fffffcp-127 */
        TEST_FP_S(261, 0x800000, FF_UF | FF_NX, 0x7fffff, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rup)  /* 0x1.fffffcp-127 / 0x1.fffffep-1, rup -> 0x1p-126 */
        TEST_FP_S(262, 0x7fffff, FF_UF | FF_NX, 0x7fffff, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rmm)  /* 0x1.fffffcp-127 / 0x1.fffffep-1, rmm -> 0x1.fffffcp-127 */

        /* ---- fsqrt.s ---- */
        TEST_FP_S(263, 0x40000000, 0, 0x40800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(4.0), rne -> 2.0 */
        TEST_FP_S(264, 0x3fc00000, 0, 0x40100000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(2.25), rne -> 1.5 */
        TEST_FP_S(265, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(2.0), rne -> 0x1.6a09e6p+0 */
        TEST_FP_S(266, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rtz)  /* sqrt(2.0), rtz -> 0x1.6a09e6p+0 */
        TEST_FP_S(267, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rdn)  /* sqrt(2.0), rdn -> 0x1.6a09e6p+0 */
        TEST_FP_S(268, 0x3fb504f4, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rup)  /* sqrt(2.0), rup -> 0x1.6a09e8p+0 */
        TEST_FP_S(269, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rmm)  /* sqrt(2.0), rmm -> 0x1.6a09e6p+0 */
        TEST_FP_S(270, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, csrwi frm, 0; fsqrt.s fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rne -> 0x1.6a09e6p+0 */
        TEST_FP_S(271, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, csrwi frm, 1; fsqrt.s fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rtz -> 0x1.6a09e6p+0 */
        TEST_FP_S(272, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, csrwi frm, 2; fsqrt.s fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rdn -> 0x1.6a09e6p+0 */
        TEST_FP_S(273, 0x3fb504f4, FF_NX, 0x40000000, 0x0, 0x0, csrwi frm, 3; fsqrt.s fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rup -> 0x1.6a09e8p+0 */
        TEST_FP_S(274, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, csrwi frm, 4; fsqrt.s fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rmm -> 0x1.6a09e6p+0 */
        TEST_FP_S(275, 0x3fddb3d7, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(3.0), rne -> 0x1.bb67aep+0 */
        TEST_FP_S(276, 0x3fddb3d7, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rtz)  /* sqrt(3.0), rtz -> 0x1.bb67aep+0 */
        TEST_FP_S(277, 0x3fddb3d7, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rdn)  /* sqrt(3.0), rdn -> 0x1.bb67aep+0 */
        TEST_FP_S(278, 0x3fddb3d8, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rup)  /* sqrt(3.0), rup -> 0x1.bb67bp+0 */
        TEST_FP_S(279, 0x3fddb3d7, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rmm)  /* sqrt(3.0), rmm -> 0x1.bb67aep+0 */
        TEST_FP_S(280, 0x3f800000, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(0x1.000002p+0), rne -> 1.0 */
        TEST_FP_S(281, 0x3f800000, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rtz)  /* sqrt(0x1.000002p+0), rtz -> 1.0 */
        TEST_FP_S(282, 0x3f800000, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rdn)  /* sqrt(0x1.000002p+0), rdn -> 1.0 */
        TEST_FP_S(283, 0x3f800001, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rup)  /* sqrt(0x1.000002p+0), rup -> 0x1.000002p+0 */
        TEST_FP_S(284, 0x3f800000, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rmm)  /* sqrt(0x1.000002p+0), rmm -> 1.0 */
        TEST_FP_S(285, 0x3f7fffff, FF_NX, 0x3f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(0x1.fffffep-1), rne -> 0x1.fffffep-1 */
        TEST_FP_S(286, 0x3f7fffff, FF_NX, 0x3f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rtz)  /* sqrt(0x1.fffffep-1), rtz -> 0x1.fffffep-1 */
        TEST_FP_S(287, 0x3f7fffff, FF_NX, 0x3f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rdn)  /* sqrt(0x1.fffffep-1), rdn -> 0x1.fffffep-1 */
        TEST_FP_S(288, 0x3f800000, FF_NX, 0x3f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rup)  /* sqrt(0x1.fffffep-1), rup -> 1.0 */
        TEST_FP_S(289, 0x3f7fffff, FF_NX, 0x3f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rmm)  /* sqrt(0x1.fffffep-1), rmm -> 0x1.fffffep-1 */
        TEST_FP_S(290, 0x0, 0, 0x0, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(+0), rne -> +0 */
        TEST_FP_S(291, 0x80000000, 0, 0x80000000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(-0), rne -> -0 */
        TEST_FP_S(292, 0x7f800000, 0, 0x7f800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(+inf), rne -> +inf */
        TEST_FP_S(293, 0x7fc00000, FF_NV, 0xff800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(-inf), rne -> qNaN */
        TEST_FP_S(294, 0x7fc00000, FF_NV, 0xbf800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(-1.0), rne -> qNaN */
        TEST_FP_S(295, 0x7fc00000, FF_NV, 0x80000001, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(-0x1p-149), rne -> qNaN */
        TEST_FP_S(296, 0x7fc00000, 0, 0x7fc00000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(qNaN), rne -> qNaN */
        TEST_FP_S(297, 0x7fc00000, 0, 0xffc12345, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(-qNaN(payload)), rne -> qNaN */
        TEST_FP_S(298, 0x7fc00000, FF_NV, 0x7f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(sNaN), rne -> qNaN */
        TEST_FP_S(299, 0x1a3504f3, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(0x1p-149), rne -> 0x1.6a09e6p-75 */
        TEST_FP_S(300, 0x1a3504f3, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rtz)  /* sqrt(0x1p-149), rtz -> 0x1.6a09e6p-75 */
        TEST_FP_S(301, 0x1a3504f3, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rdn)  /* sqrt(0x1p-149), rdn -> 0x1.6a09e6p-75 */
        TEST_FP_S(302, 0x1a3504f4, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rup)  /* sqrt(0x1p-149), rup -> 0x1.6a09e8p-75 */
        TEST_FP_S(303, 0x1a3504f3, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rmm)  /* sqrt(0x1p-149), rmm -> 0x1.6a09e6p-75 */
        TEST_FP_S(304, 0x1fffffff, FF_NX, 0x7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(0x1.fffffcp-127), rne -> 0x1.fffffep-64 */
        TEST_FP_S(305, 0x5f7fffff, FF_NX, 0x7f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rne)  /* sqrt(max), rne -> 0x1.fffffep+63 */
        TEST_FP_S(306, 0x5f7fffff, FF_NX, 0x7f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rtz)  /* sqrt(max), rtz -> 0x1.fffffep+63 */
        TEST_FP_S(307, 0x5f7fffff, FF_NX, 0x7f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rdn)  /* sqrt(max), rdn -> 0x1.fffffep+63 */
        TEST_FP_S(308, 0x5f800000, FF_NX, 0x7f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rup)  /* sqrt(max), rup -> 0x1p+64 */
        TEST_FP_S(309, 0x5f7fffff, FF_NX, 0x7f7fffff, 0x0, 0x0, fsqrt.s fa0, fa1, rmm)  /* sqrt(max), rmm -> 0x1.fffffep+63 */

        TEST_END
