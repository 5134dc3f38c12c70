/* Double-precision FADD, FSUB, FMUL, FDIV, FSQRT (unprivileged spec 11.4 / 12.3): exact result bits
 * and fflags for every rounding mode (static rm and dynamic rm from frm), signed zeros, infinities,
 * canonical NaN results (sNaN raises NV, qNaN does not), overflow, underflow with tininess detected
 * after rounding, and division by zero. Expected values come from an exact rational model and were
 * checked against QEMU's softfloat. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        FP_INIT

        /* ---- fadd.d ---- */
        TEST_FP_D(2, 0x4008000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 1.0 + 2.0, rne -> 3.0 */
        TEST_FP_D(3, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 1.0 + 0x1p-53, rne -> 1.0 */
        TEST_FP_D(4, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* 1.0 + 0x1p-53, rtz -> 1.0 */
        TEST_FP_D(5, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* 1.0 + 0x1p-53, rdn -> 1.0 */
        TEST_FP_D(6, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)  /* 1.0 + 0x1p-53, rup -> 0x1.0000000000001p+0 */
        TEST_FP_D(7, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* 1.0 + 0x1p-53, rmm -> 0x1.0000000000001p+0 */
        TEST_FP_D(8, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, csrwi frm, 0; fadd.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-53, dyn frm=rne -> 1.0 */
        TEST_FP_D(9, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, csrwi frm, 1; fadd.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-53, dyn frm=rtz -> 1.0 */
        TEST_FP_D(10, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, csrwi frm, 2; fadd.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-53, dyn frm=rdn -> 1.0 */
        TEST_FP_D(11, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, csrwi frm, 3; fadd.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-53, dyn frm=rup -> 0x1.0000000000001p+0 */
        TEST_FP_D(12, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, csrwi frm, 4; fadd.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 + 0x1p-53, dyn frm=rmm -> 0x1.0000000000001p+0 */
        TEST_FP_D(13, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* -1.0 + -0x1p-53, rne -> -1.0 */
        TEST_FP_D(14, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* -1.0 + -0x1p-53, rtz -> -1.0 */
        TEST_FP_D(15, 0xbff0000000000001, FF_NX, 0xbff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* -1.0 + -0x1p-53, rdn -> -0x1.0000000000001p+0 */
        TEST_FP_D(16, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)  /* -1.0 + -0x1p-53, rup -> -1.0 */
        TEST_FP_D(17, 0xbff0000000000001, FF_NX, 0xbff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* -1.0 + -0x1p-53, rmm -> -0x1.0000000000001p+0 */
        TEST_FP_D(18, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 0x1.0000000000001p+0 + 0x1p-53, rne -> 0x1.0000000000002p+0 */
        TEST_FP_D(19, 0x3ff0000000000001, FF_NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* 0x1.0000000000001p+0 + 0x1p-53, rtz -> 0x1.0000000000001p+0 */
        TEST_FP_D(20, 0x3ff0000000000001, FF_NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* 0x1.0000000000001p+0 + 0x1p-53, rdn -> 0x1.0000000000001p+0 */
        TEST_FP_D(21, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)  /* 0x1.0000000000001p+0 + 0x1p-53, rup -> 0x1.0000000000002p+0 */
        TEST_FP_D(22, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* 0x1.0000000000001p+0 + 0x1p-53, rmm -> 0x1.0000000000002p+0 */
        TEST_FP_D(23, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 1.0 + 0x1.8p-53, rne -> 0x1.0000000000001p+0 */
        TEST_FP_D(24, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* 1.0 + 0x1.8p-53, rtz -> 1.0 */
        TEST_FP_D(25, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* 1.0 + 0x1.8p-53, rdn -> 1.0 */
        TEST_FP_D(26, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)  /* 1.0 + 0x1.8p-53, rup -> 0x1.0000000000001p+0 */
        TEST_FP_D(27, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* 1.0 + 0x1.8p-53, rmm -> 0x1.0000000000001p+0 */
        TEST_FP_D(28, 0x4008000000000000, FF_NX, 0x4008000000000000, 0xbc90000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 3.0 + -0x1p-54, rne -> 3.0 */
        TEST_FP_D(29, 0x4007ffffffffffff, FF_NX, 0x4008000000000000, 0xbc90000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* 3.0 + -0x1p-54, rtz -> 0x1.7ffffffffffffp+1 */
        TEST_FP_D(30, 0x4007ffffffffffff, FF_NX, 0x4008000000000000, 0xbc90000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* 3.0 + -0x1p-54, rdn -> 0x1.7ffffffffffffp+1 */
        TEST_FP_D(31, 0x4008000000000000, FF_NX, 0x4008000000000000, 0xbc90000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)  /* 3.0 + -0x1p-54, rup -> 3.0 */
        TEST_FP_D(32, 0x4008000000000000, FF_NX, 0x4008000000000000, 0xbc90000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* 3.0 + -0x1p-54, rmm -> 3.0 */
        TEST_FP_D(33, 0x0, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 1.0 + -1.0, rne -> +0 */
        TEST_FP_D(34, 0x0, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* 1.0 + -1.0, rtz -> +0 */
        TEST_FP_D(35, 0x8000000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* 1.0 + -1.0, rdn -> -0 */
        TEST_FP_D(36, 0x0, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)  /* 1.0 + -1.0, rup -> +0 */
        TEST_FP_D(37, 0x0, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* 1.0 + -1.0, rmm -> +0 */
        TEST_FP_D(38, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* -0 + -0, rne -> -0 */
        TEST_FP_D(39, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* +0 + -0, rne -> +0 */
        TEST_FP_D(40, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* +0 + -0, rtz -> +0 */
        TEST_FP_D(41, 0x8000000000000000, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* +0 + -0, rdn -> -0 */
        TEST_FP_D(42, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)  /* +0 + -0, rup -> +0 */
        TEST_FP_D(43, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* +0 + -0, rmm -> +0 */
        TEST_FP_D(44, 0x0, 0, 0x8000000000000000, 0x0, 0x0, fadd.d fa0, fa1, fa2, rne)  /* -0 + +0, rne -> +0 */
        TEST_FP_D(45, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0xfff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* +inf + -inf, rne -> qNaN */
        TEST_FP_D(46, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* +inf + 1.0, rne -> +inf */
        TEST_FP_D(47, 0xfff0000000000000, 0, 0xfff0000000000000, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rne)  /* -inf + max, rne -> -inf */
        TEST_FP_D(48, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* qNaN + 1.0, rne -> qNaN */
        TEST_FP_D(49, 0x7ff8000000000000, FF_NV, 0x3ff0000000000000, 0x7ff0000000000001, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 1.0 + sNaN, rne -> qNaN */
        TEST_FP_D(50, 0x7ff8000000000000, 0, 0xfff8000000012345, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* -qNaN(payload) + 1.0, rne -> qNaN */
        TEST_FP_D(51, 0x7ff8000000000000, FF_NV, 0x7ff8000000000000, 0x7ff0000000005a5a, 0x0, fadd.d fa0, fa1, fa2, rne)  /* qNaN + sNaN(payload), rne -> qNaN */
        TEST_FP_D(52, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x7ff0000000000001, 0x0, fadd.d fa0, fa1, fa2, rne)  /* +inf + sNaN, rne -> qNaN */
        TEST_FP_D(53, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rne)  /* max + max, rne -> +inf */
        TEST_FP_D(54, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* max + max, rtz -> max */
        TEST_FP_D(55, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* max + max, rdn -> max */
        TEST_FP_D(56, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rup)  /* max + max, rup -> +inf */
        TEST_FP_D(57, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* max + max, rmm -> +inf */
        TEST_FP_D(58, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rne)  /* -max + -max, rne -> -inf */
        TEST_FP_D(59, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* -max + -max, rtz -> -max */
        TEST_FP_D(60, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* -max + -max, rdn -> -inf */
        TEST_FP_D(61, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rup)  /* -max + -max, rup -> -max */
        TEST_FP_D(62, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* -max + -max, rmm -> -inf */
        TEST_FP_D(63, 0x2, 0, 0x1, 0x1, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 0x0.0000000000001p-1022 + 0x0.0000000000001p-1022, rne -> 0x0.0000000000002p-1022 */
        TEST_FP_D(64, 0x10000000000000, 0, 0xfffffffffffff, 0x1, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 0x0.fffffffffffffp-1022 + 0x0.0000000000001p-1022, rne -> 0x1p-1022 */
        TEST_FP_D(65, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 1.0 + 0x0.0000000000001p-1022, rne -> 1.0 */
        TEST_FP_D(66, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* 1.0 + 0x0.0000000000001p-1022, rtz -> 1.0 */
        TEST_FP_D(67, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* 1.0 + 0x0.0000000000001p-1022, rdn -> 1.0 */
        TEST_FP_D(68, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rup)  /* 1.0 + 0x0.0000000000001p-1022, rup -> 0x1.0000000000001p+0 */
        TEST_FP_D(69, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* 1.0 + 0x0.0000000000001p-1022, rmm -> 1.0 */
        TEST_FP_D(70, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rne)  /* -1.0 + 0x0.0000000000001p-1022, rne -> -1.0 */
        TEST_FP_D(71, 0xbfefffffffffffff, FF_NX, 0xbff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* -1.0 + 0x0.0000000000001p-1022, rtz -> -0x1.fffffffffffffp-1 */
        TEST_FP_D(72, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* -1.0 + 0x0.0000000000001p-1022, rdn -> -1.0 */
        TEST_FP_D(73, 0xbfefffffffffffff, FF_NX, 0xbff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rup)  /* -1.0 + 0x0.0000000000001p-1022, rup -> -0x1.fffffffffffffp-1 */
        TEST_FP_D(74, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0x1, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* -1.0 + 0x0.0000000000001p-1022, rmm -> -1.0 */
        TEST_FP_D(75, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)  /* 0x1p+53 + 1.0, rne -> 0x1p+53 */
        TEST_FP_D(76, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)  /* 0x1p+53 + 1.0, rtz -> 0x1p+53 */
        TEST_FP_D(77, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)  /* 0x1p+53 + 1.0, rdn -> 0x1p+53 */
        TEST_FP_D(78, 0x4340000000000001, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)  /* 0x1p+53 + 1.0, rup -> 0x1.0000000000001p+53 */
        TEST_FP_D(79, 0x4340000000000001, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)  /* 0x1p+53 + 1.0, rmm -> 0x1.0000000000001p+53 */

        /* ---- fsub.d ---- */
        TEST_FP_D(80, 0x4000000000000000, 0, 0x4008000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* 3.0 - 1.0, rne -> 2.0 */
        TEST_FP_D(81, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* 1.0 - 1.0, rne -> +0 */
        TEST_FP_D(82, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rtz)  /* 1.0 - 1.0, rtz -> +0 */
        TEST_FP_D(83, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rdn)  /* 1.0 - 1.0, rdn -> -0 */
        TEST_FP_D(84, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rup)  /* 1.0 - 1.0, rup -> +0 */
        TEST_FP_D(85, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rmm)  /* 1.0 - 1.0, rmm -> +0 */
        TEST_FP_D(86, 0x8000000000000000, 0, 0x8000000000000000, 0x0, 0x0, fsub.d fa0, fa1, fa2, rne)  /* -0 - +0, rne -> -0 */
        TEST_FP_D(87, 0x0, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rne)  /* +0 - +0, rne -> +0 */
        TEST_FP_D(88, 0x0, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rtz)  /* +0 - +0, rtz -> +0 */
        TEST_FP_D(89, 0x8000000000000000, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rdn)  /* +0 - +0, rdn -> -0 */
        TEST_FP_D(90, 0x0, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rup)  /* +0 - +0, rup -> +0 */
        TEST_FP_D(91, 0x0, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rmm)  /* +0 - +0, rmm -> +0 */
        TEST_FP_D(92, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* +0 - -0, rne -> +0 */
        TEST_FP_D(93, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* 1.0 - 0x1p-55, rne -> 1.0 */
        TEST_FP_D(94, 0x3fefffffffffffff, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, fsub.d fa0, fa1, fa2, rtz)  /* 1.0 - 0x1p-55, rtz -> 0x1.fffffffffffffp-1 */
        TEST_FP_D(95, 0x3fefffffffffffff, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, fsub.d fa0, fa1, fa2, rdn)  /* 1.0 - 0x1p-55, rdn -> 0x1.fffffffffffffp-1 */
        TEST_FP_D(96, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, fsub.d fa0, fa1, fa2, rup)  /* 1.0 - 0x1p-55, rup -> 1.0 */
        TEST_FP_D(97, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, fsub.d fa0, fa1, fa2, rmm)  /* 1.0 - 0x1p-55, rmm -> 1.0 */
        TEST_FP_D(98, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, csrwi frm, 0; fsub.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-55, dyn frm=rne -> 1.0 */
        TEST_FP_D(99, 0x3fefffffffffffff, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, csrwi frm, 1; fsub.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-55, dyn frm=rtz -> 0x1.fffffffffffffp-1 */
        TEST_FP_D(100, 0x3fefffffffffffff, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, csrwi frm, 2; fsub.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-55, dyn frm=rdn -> 0x1.fffffffffffffp-1 */
        TEST_FP_D(101, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, csrwi frm, 3; fsub.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-55, dyn frm=rup -> 1.0 */
        TEST_FP_D(102, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3c80000000000000, 0x0, csrwi frm, 4; fsub.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 - 0x1p-55, dyn frm=rmm -> 1.0 */
        TEST_FP_D(103, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* -1.0 - 0x1p-53, rne -> -1.0 */
        TEST_FP_D(104, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rtz)  /* -1.0 - 0x1p-53, rtz -> -1.0 */
        TEST_FP_D(105, 0xbff0000000000001, FF_NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rdn)  /* -1.0 - 0x1p-53, rdn -> -0x1.0000000000001p+0 */
        TEST_FP_D(106, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rup)  /* -1.0 - 0x1p-53, rup -> -1.0 */
        TEST_FP_D(107, 0xbff0000000000001, FF_NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rmm)  /* -1.0 - 0x1p-53, rmm -> -0x1.0000000000001p+0 */
        TEST_FP_D(108, 0xfffffffffffff, 0, 0x10000000000000, 0x1, 0x0, fsub.d fa0, fa1, fa2, rne)  /* 0x1p-1022 - 0x0.0000000000001p-1022, rne -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(109, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x7ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* +inf - +inf, rne -> qNaN */
        TEST_FP_D(110, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0xfff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* +inf - -inf, rne -> +inf */
        TEST_FP_D(111, 0xfff0000000000000, 0, 0x3ff0000000000000, 0x7ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* 1.0 - +inf, rne -> -inf */
        TEST_FP_D(112, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x7ff8000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* sNaN - qNaN, rne -> qNaN */
        TEST_FP_D(113, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* qNaN - 1.0, rne -> qNaN */
        TEST_FP_D(114, 0x7ff8000000000000, FF_NV, 0x3ff0000000000000, 0x7ff0000000005a5a, 0x0, fsub.d fa0, fa1, fa2, rne)  /* 1.0 - sNaN(payload), rne -> qNaN */
        TEST_FP_D(115, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rne)  /* -max - max, rne -> -inf */
        TEST_FP_D(116, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rtz)  /* -max - max, rtz -> -max */
        TEST_FP_D(117, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rdn)  /* -max - max, rdn -> -inf */
        TEST_FP_D(118, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rup)  /* -max - max, rup -> -max */
        TEST_FP_D(119, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0x7fefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rmm)  /* -max - max, rmm -> -inf */
        TEST_FP_D(120, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3fe0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)  /* 0x1p+53 - 0.5, rne -> 0x1p+53 */
        TEST_FP_D(121, 0x433fffffffffffff, FF_NX, 0x4340000000000000, 0x3fe0000000000000, 0x0, fsub.d fa0, fa1, fa2, rtz)  /* 0x1p+53 - 0.5, rtz -> 0x1.fffffffffffffp+52 */
        TEST_FP_D(122, 0x433fffffffffffff, FF_NX, 0x4340000000000000, 0x3fe0000000000000, 0x0, fsub.d fa0, fa1, fa2, rdn)  /* 0x1p+53 - 0.5, rdn -> 0x1.fffffffffffffp+52 */
        TEST_FP_D(123, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3fe0000000000000, 0x0, fsub.d fa0, fa1, fa2, rup)  /* 0x1p+53 - 0.5, rup -> 0x1p+53 */
        TEST_FP_D(124, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3fe0000000000000, 0x0, fsub.d fa0, fa1, fa2, rmm)  /* 0x1p+53 - 0.5, rmm -> 0x1p+53 */

        /* ---- fmul.d ---- */
        TEST_FP_D(125, 0xc024000000000000, 0, 0x4004000000000000, 0xc010000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 2.5 * -4.0, rne -> -10.0 */
        TEST_FP_D(126, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, rne -> 0x1.0000000000002p+0 */
        TEST_FP_D(127, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, rtz -> 0x1.0000000000002p+0 */
        TEST_FP_D(128, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, rdn -> 0x1.0000000000002p+0 */
        TEST_FP_D(129, 0x3ff0000000000003, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rup)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, rup -> 0x1.0000000000003p+0 */
        TEST_FP_D(130, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, rmm -> 0x1.0000000000002p+0 */
        TEST_FP_D(131, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, csrwi frm, 0; fmul.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, dyn frm=rne -> 0x1.0000000000002p+0 */
        TEST_FP_D(132, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, csrwi frm, 1; fmul.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, dyn frm=rtz -> 0x1.0000000000002p+0 */
        TEST_FP_D(133, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, csrwi frm, 2; fmul.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, dyn frm=rdn -> 0x1.0000000000002p+0 */
        TEST_FP_D(134, 0x3ff0000000000003, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, csrwi frm, 3; fmul.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, dyn frm=rup -> 0x1.0000000000003p+0 */
        TEST_FP_D(135, 0x3ff0000000000002, FF_NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x0, csrwi frm, 4; fmul.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 0x1.0000000000001p+0 * 0x1.0000000000001p+0, dyn frm=rmm -> 0x1.0000000000002p+0 */
        TEST_FP_D(136, 0xbff0000000000002, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rne)  /* -0x1.0000000000001p+0 * 0x1.0000000000001p+0, rne -> -0x1.0000000000002p+0 */
        TEST_FP_D(137, 0xbff0000000000002, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* -0x1.0000000000001p+0 * 0x1.0000000000001p+0, rtz -> -0x1.0000000000002p+0 */
        TEST_FP_D(138, 0xbff0000000000003, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* -0x1.0000000000001p+0 * 0x1.0000000000001p+0, rdn -> -0x1.0000000000003p+0 */
        TEST_FP_D(139, 0xbff0000000000002, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rup)  /* -0x1.0000000000001p+0 * 0x1.0000000000001p+0, rup -> -0x1.0000000000002p+0 */
        TEST_FP_D(140, 0xbff0000000000002, FF_NX, 0xbff0000000000001, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* -0x1.0000000000001p+0 * 0x1.0000000000001p+0, rmm -> -0x1.0000000000002p+0 */
        TEST_FP_D(141, 0x3ff0000000000005, FF_NX, 0x3ff0000000000003, 0x3ff0000000000002, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 0x1.0000000000003p+0 * 0x1.0000000000002p+0, rne -> 0x1.0000000000005p+0 */
        TEST_FP_D(142, 0x3ff0000000000005, FF_NX, 0x3ff0000000000003, 0x3ff0000000000002, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* 0x1.0000000000003p+0 * 0x1.0000000000002p+0, rtz -> 0x1.0000000000005p+0 */
        TEST_FP_D(143, 0x3ff0000000000005, FF_NX, 0x3ff0000000000003, 0x3ff0000000000002, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* 0x1.0000000000003p+0 * 0x1.0000000000002p+0, rdn -> 0x1.0000000000005p+0 */
        TEST_FP_D(144, 0x3ff0000000000006, FF_NX, 0x3ff0000000000003, 0x3ff0000000000002, 0x0, fmul.d fa0, fa1, fa2, rup)  /* 0x1.0000000000003p+0 * 0x1.0000000000002p+0, rup -> 0x1.0000000000006p+0 */
        TEST_FP_D(145, 0x3ff0000000000005, FF_NX, 0x3ff0000000000003, 0x3ff0000000000002, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* 0x1.0000000000003p+0 * 0x1.0000000000002p+0, rmm -> 0x1.0000000000005p+0 */
        TEST_FP_D(146, 0x7ff8000000000000, FF_NV, 0x0, 0x7ff0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* +0 * +inf, rne -> qNaN */
        TEST_FP_D(147, 0x7ff8000000000000, FF_NV, 0xfff0000000000000, 0x8000000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* -inf * -0, rne -> qNaN */
        TEST_FP_D(148, 0x8000000000000000, 0, 0x8000000000000000, 0x4008000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* -0 * 3.0, rne -> -0 */
        TEST_FP_D(149, 0x0, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* -0 * -0, rne -> +0 */
        TEST_FP_D(150, 0xfff0000000000000, 0, 0x7ff0000000000000, 0xc000000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* +inf * -2.0, rne -> -inf */
        TEST_FP_D(151, 0x7ff0000000000000, 0, 0xfff0000000000000, 0xfff0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* -inf * -inf, rne -> +inf */
        TEST_FP_D(152, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x0, 0x0, fmul.d fa0, fa1, fa2, rne)  /* qNaN * +0, rne -> qNaN */
        TEST_FP_D(153, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* sNaN * 1.0, rne -> qNaN */
        TEST_FP_D(154, 0x7ff8000000000000, 0, 0x7ff0000000000000, 0xfff8000000012345, 0x0, fmul.d fa0, fa1, fa2, rne)  /* +inf * -qNaN(payload), rne -> qNaN */
        TEST_FP_D(155, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* max * 2.0, rne -> +inf */
        TEST_FP_D(156, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* max * 2.0, rtz -> max */
        TEST_FP_D(157, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* max * 2.0, rdn -> max */
        TEST_FP_D(158, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rup)  /* max * 2.0, rup -> +inf */
        TEST_FP_D(159, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* max * 2.0, rmm -> +inf */
        TEST_FP_D(160, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0x3ff8000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* -max * 1.5, rne -> -inf */
        TEST_FP_D(161, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0x3ff8000000000000, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* -max * 1.5, rtz -> -max */
        TEST_FP_D(162, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0x3ff8000000000000, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* -max * 1.5, rdn -> -inf */
        TEST_FP_D(163, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0x3ff8000000000000, 0x0, fmul.d fa0, fa1, fa2, rup)  /* -max * 1.5, rup -> -max */
        TEST_FP_D(164, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0x3ff8000000000000, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* -max * 1.5, rmm -> -inf */
        TEST_FP_D(165, 0x8000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 0x1p-1022 * 0.5, rne -> 0x0.8p-1022 */
        TEST_FP_D(166, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 0x0.0000000000001p-1022 * 0.5, rne -> +0 */
        TEST_FP_D(167, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* 0x0.0000000000001p-1022 * 0.5, rtz -> +0 */
        TEST_FP_D(168, 0x0, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* 0x0.0000000000001p-1022 * 0.5, rdn -> +0 */
        TEST_FP_D(169, 0x1, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rup)  /* 0x0.0000000000001p-1022 * 0.5, rup -> 0x0.0000000000001p-1022 */
        TEST_FP_D(170, 0x1, FF_UF | FF_NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* 0x0.0000000000001p-1022 * 0.5, rmm -> 0x0.0000000000001p-1022 */
        TEST_FP_D(171, 0x0, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rne -> +0 */
        TEST_FP_D(172, 0x0, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* 0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rtz -> +0 */
        TEST_FP_D(173, 0x0, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* 0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rdn -> +0 */
        TEST_FP_D(174, 0x1, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rup)  /* 0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rup -> 0x0.0000000000001p-1022 */
        TEST_FP_D(175, 0x0, FF_UF | FF_NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* 0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rmm -> +0 */
        TEST_FP_D(176, 0x8000000000000000, FF_UF | FF_NX, 0x8000000000000001, 0x1, 0x0, fmul.d fa0, fa1, fa2, rne)  /* -0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rne -> -0 */
        TEST_FP_D(177, 0x8000000000000000, FF_UF | FF_NX, 0x8000000000000001, 0x1, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* -0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rtz -> -0 */
        TEST_FP_D(178, 0x8000000000000001, FF_UF | FF_NX, 0x8000000000000001, 0x1, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* -0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rdn -> -0x0.0000000000001p-1022 */
        TEST_FP_D(179, 0x8000000000000000, FF_UF | FF_NX, 0x8000000000000001, 0x1, 0x0, fmul.d fa0, fa1, fa2, rup)  /* -0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rup -> -0 */
        TEST_FP_D(180, 0x8000000000000000, FF_UF | FF_NX, 0x8000000000000001, 0x1, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* -0x0.0000000000001p-1022 * 0x0.0000000000001p-1022, rmm -> -0 */

        /* ---- fmul.d: underflow, tininess detected after rounding. maxsub * (1 + ulp) is below the smallest normal
         * but rounds to it (unbounded exponent): not tiny, so RNE/RUP/RMM give minnorm with NX and no UF;
         * RTZ/RDN round to maxsub: tiny and inexact, UF | NX ---- */
        TEST_FP_D(181, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rne -> 0x1p-1022 */
        TEST_FP_D(182, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* 0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rtz -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(183, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* 0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rdn -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(184, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rup)  /* 0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rup -> 0x1p-1022 */
        TEST_FP_D(185, 0x10000000000000, FF_NX, 0xfffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* 0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rmm -> 0x1p-1022 */
        TEST_FP_D(186, 0x8010000000000000, FF_NX, 0x800fffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rne)  /* -0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rne -> -0x1p-1022 */
        TEST_FP_D(187, 0x800fffffffffffff, FF_UF | FF_NX, 0x800fffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* -0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rtz -> -0x0.fffffffffffffp-1022 */
        TEST_FP_D(188, 0x8010000000000000, FF_NX, 0x800fffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* -0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rdn -> -0x1p-1022 */
        TEST_FP_D(189, 0x800fffffffffffff, FF_UF | FF_NX, 0x800fffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rup)  /* -0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rup -> -0x0.fffffffffffffp-1022 */
        TEST_FP_D(190, 0x8010000000000000, FF_NX, 0x800fffffffffffff, 0x3ff0000000000001, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* -0x0.fffffffffffffp-1022 * 0x1.0000000000001p+0, rmm -> -0x1p-1022 */

        /* ---- fmul.d: minnorm * (1 - ulp/2) is exactly halfway: with unbounded exponent it is representable
         * (tiny), in the subnormal range RNE rounds it up to minnorm: UF | NX although the result is normal ---- */
        TEST_FP_D(191, 0x10000000000000, FF_UF | FF_NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 0x1p-1022 * 0x1.fffffffffffffp-1, rne -> 0x1p-1022 */
        TEST_FP_D(192, 0xfffffffffffff, FF_UF | FF_NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* 0x1p-1022 * 0x1.fffffffffffffp-1, rtz -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(193, 0xfffffffffffff, FF_UF | FF_NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* 0x1p-1022 * 0x1.fffffffffffffp-1, rdn -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(194, 0x10000000000000, FF_UF | FF_NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rup)  /* 0x1p-1022 * 0x1.fffffffffffffp-1, rup -> 0x1p-1022 */
        TEST_FP_D(195, 0x10000000000000, FF_UF | FF_NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* 0x1p-1022 * 0x1.fffffffffffffp-1, rmm -> 0x1p-1022 */
        TEST_FP_D(196, 0x18000000000002, FF_NX, 0x3fe8000000000000, 0x20000000000001, 0x0, fmul.d fa0, fa1, fa2, rne)  /* 0.75 * 0x1.0000000000001p-1021, rne -> 0x1.8000000000002p-1022 */
        TEST_FP_D(197, 0x18000000000001, FF_NX, 0x3fe8000000000000, 0x20000000000001, 0x0, fmul.d fa0, fa1, fa2, rtz)  /* 0.75 * 0x1.0000000000001p-1021, rtz -> 0x1.8000000000001p-1022 */
        TEST_FP_D(198, 0x18000000000001, FF_NX, 0x3fe8000000000000, 0x20000000000001, 0x0, fmul.d fa0, fa1, fa2, rdn)  /* 0.75 * 0x1.0000000000001p-1021, rdn -> 0x1.8000000000001p-1022 */
        TEST_FP_D(199, 0x18000000000002, FF_NX, 0x3fe8000000000000, 0x20000000000001, 0x0, fmul.d fa0, fa1, fa2, rup)  /* 0.75 * 0x1.0000000000001p-1021, rup -> 0x1.8000000000002p-1022 */
        TEST_FP_D(200, 0x18000000000002, FF_NX, 0x3fe8000000000000, 0x20000000000001, 0x0, fmul.d fa0, fa1, fa2, rmm)  /* 0.75 * 0x1.0000000000001p-1021, rmm -> 0x1.8000000000002p-1022 */

        /* ---- fdiv.d ---- */
        TEST_FP_D(201, 0x4000000000000000, 0, 0x4018000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 6.0 / 3.0, rne -> 2.0 */
        TEST_FP_D(202, 0xc03c000000000000, 0, 0xc01c000000000000, 0x3fd0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* -7.0 / 0.25, rne -> -28.0 */
        TEST_FP_D(203, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 1.0 / 3.0, rne -> 0x1.5555555555555p-2 */
        TEST_FP_D(204, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)  /* 1.0 / 3.0, rtz -> 0x1.5555555555555p-2 */
        TEST_FP_D(205, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)  /* 1.0 / 3.0, rdn -> 0x1.5555555555555p-2 */
        TEST_FP_D(206, 0x3fd5555555555556, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)  /* 1.0 / 3.0, rup -> 0x1.5555555555556p-2 */
        TEST_FP_D(207, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)  /* 1.0 / 3.0, rmm -> 0x1.5555555555555p-2 */
        TEST_FP_D(208, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, csrwi frm, 0; fdiv.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rne -> 0x1.5555555555555p-2 */
        TEST_FP_D(209, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, csrwi frm, 1; fdiv.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rtz -> 0x1.5555555555555p-2 */
        TEST_FP_D(210, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, csrwi frm, 2; fdiv.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rdn -> 0x1.5555555555555p-2 */
        TEST_FP_D(211, 0x3fd5555555555556, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, csrwi frm, 3; fdiv.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rup -> 0x1.5555555555556p-2 */
        TEST_FP_D(212, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, csrwi frm, 4; fdiv.d fa0, fa1, fa2, dyn; csrwi frm, 0)  /* 1.0 / 3.0, dyn frm=rmm -> 0x1.5555555555555p-2 */
        TEST_FP_D(213, 0xbfd5555555555555, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* -1.0 / 3.0, rne -> -0x1.5555555555555p-2 */
        TEST_FP_D(214, 0xbfd5555555555555, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)  /* -1.0 / 3.0, rtz -> -0x1.5555555555555p-2 */
        TEST_FP_D(215, 0xbfd5555555555556, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)  /* -1.0 / 3.0, rdn -> -0x1.5555555555556p-2 */
        TEST_FP_D(216, 0xbfd5555555555555, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)  /* -1.0 / 3.0, rup -> -0x1.5555555555555p-2 */
        TEST_FP_D(217, 0xbfd5555555555555, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)  /* -1.0 / 3.0, rmm -> -0x1.5555555555555p-2 */
        TEST_FP_D(218, 0x3fe5555555555555, FF_NX, 0x4000000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 2.0 / 3.0, rne -> 0x1.5555555555555p-1 */
        TEST_FP_D(219, 0x3fe5555555555555, FF_NX, 0x4000000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)  /* 2.0 / 3.0, rtz -> 0x1.5555555555555p-1 */
        TEST_FP_D(220, 0x3fe5555555555555, FF_NX, 0x4000000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)  /* 2.0 / 3.0, rdn -> 0x1.5555555555555p-1 */
        TEST_FP_D(221, 0x3fe5555555555556, FF_NX, 0x4000000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)  /* 2.0 / 3.0, rup -> 0x1.5555555555556p-1 */
        TEST_FP_D(222, 0x3fe5555555555555, FF_NX, 0x4000000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)  /* 2.0 / 3.0, rmm -> 0x1.5555555555555p-1 */
        TEST_FP_D(223, 0x7ff0000000000000, FF_DZ, 0x3ff0000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 1.0 / +0, rne -> +inf */
        TEST_FP_D(224, 0xfff0000000000000, FF_DZ, 0xbff0000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* -1.0 / +0, rne -> -inf */
        TEST_FP_D(225, 0xfff0000000000000, FF_DZ, 0x3ff0000000000000, 0x8000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 1.0 / -0, rne -> -inf */
        TEST_FP_D(226, 0x7ff0000000000000, 0, 0xfff0000000000000, 0x8000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* -inf / -0, rne -> +inf */
        TEST_FP_D(227, 0x7ff8000000000000, FF_NV, 0x0, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* +0 / +0, rne -> qNaN */
        TEST_FP_D(228, 0x7ff8000000000000, FF_NV, 0x8000000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* -0 / +0, rne -> qNaN */
        TEST_FP_D(229, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0xfff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* +inf / -inf, rne -> qNaN */
        TEST_FP_D(230, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* +inf / +0, rne -> +inf */
        TEST_FP_D(231, 0x0, 0, 0x0, 0x7ff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* +0 / +inf, rne -> +0 */
        TEST_FP_D(232, 0x8000000000000000, 0, 0x8000000000000000, 0x4014000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* -0 / 5.0, rne -> -0 */
        TEST_FP_D(233, 0x8000000000000000, 0, 0xc014000000000000, 0x7ff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* -5.0 / +inf, rne -> -0 */
        TEST_FP_D(234, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* qNaN / +0, rne -> qNaN */
        TEST_FP_D(235, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* sNaN / 1.0, rne -> qNaN */
        TEST_FP_D(236, 0x7ff8000000000000, FF_NV, 0x3ff0000000000000, 0x7ff0000000005a5a, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 1.0 / sNaN(payload), rne -> qNaN */
        TEST_FP_D(237, 0x7ff8000000000000, 0, 0xfff8000000012345, 0xfff8000000012345, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* -qNaN(payload) / -qNaN(payload), rne -> qNaN */
        TEST_FP_D(238, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* max / 0.5, rne -> +inf */
        TEST_FP_D(239, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)  /* max / 0.5, rtz -> max */
        TEST_FP_D(240, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)  /* max / 0.5, rdn -> max */
        TEST_FP_D(241, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)  /* max / 0.5, rup -> +inf */
        TEST_FP_D(242, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)  /* max / 0.5, rmm -> +inf */
        TEST_FP_D(243, 0x0, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 0x0.0000000000001p-1022 / 2.0, rne -> +0 */
        TEST_FP_D(244, 0x0, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)  /* 0x0.0000000000001p-1022 / 2.0, rtz -> +0 */
        TEST_FP_D(245, 0x0, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)  /* 0x0.0000000000001p-1022 / 2.0, rdn -> +0 */
        TEST_FP_D(246, 0x1, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)  /* 0x0.0000000000001p-1022 / 2.0, rup -> 0x0.0000000000001p-1022 */
        TEST_FP_D(247, 0x1, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)  /* 0x0.0000000000001p-1022 / 2.0, rmm -> 0x0.0000000000001p-1022 */
        TEST_FP_D(248, 0x5555555555555, FF_UF | FF_NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 0x1p-1022 / 3.0, rne -> 0x0.5555555555555p-1022 */
        TEST_FP_D(249, 0x5555555555555, FF_UF | FF_NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)  /* 0x1p-1022 / 3.0, rtz -> 0x0.5555555555555p-1022 */
        TEST_FP_D(250, 0x5555555555555, FF_UF | FF_NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)  /* 0x1p-1022 / 3.0, rdn -> 0x0.5555555555555p-1022 */
        TEST_FP_D(251, 0x5555555555556, FF_UF | FF_NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)  /* 0x1p-1022 / 3.0, rup -> 0x0.5555555555556p-1022 */
        TEST_FP_D(252, 0x5555555555555, FF_UF | FF_NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)  /* 0x1p-1022 / 3.0, rmm -> 0x0.5555555555555p-1022 */
        TEST_FP_D(253, 0x4000000000000, FF_UF | FF_NX, 0x3ff0000000000000, 0x7fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 1.0 / max, rne -> 0x0.4p-1022 */
        TEST_FP_D(254, 0x4000000000000, FF_UF | FF_NX, 0x3ff0000000000000, 0x7fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rtz)  /* 1.0 / max, rtz -> 0x0.4p-1022 */
        TEST_FP_D(255, 0x4000000000000, FF_UF | FF_NX, 0x3ff0000000000000, 0x7fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rdn)  /* 1.0 / max, rdn -> 0x0.4p-1022 */
        TEST_FP_D(256, 0x4000000000001, FF_UF | FF_NX, 0x3ff0000000000000, 0x7fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rup)  /* 1.0 / max, rup -> 0x0.4000000000001p-1022 */
        TEST_FP_D(257, 0x4000000000000, FF_UF | FF_NX, 0x3ff0000000000000, 0x7fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rmm)  /* 1.0 / max, rmm -> 0x0.4p-1022 */
        TEST_FP_D(258, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rne)  /* 0x0.fffffffffffffp-1022 / 0x1.fffffffffffffp-1, rne -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(259, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rtz)  /* 0x0.fffffffffffffp-1022 / 0x1.fffffffffffffp-1, rtz -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(260, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rdn)  /* 0x0.fffffffffffffp-1022 / 0x1.fffffffffffffp-1, rdn -> 0x0.fffffffffffffp-1022 */
        TEST_FP_D(261, 0x10000000000000, FF_UF | FF_NX, 0xfffffffffffff, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rup)  /* 0x0.fffffffffffffp-1022 / 0x1.fffffffffffffp-1, rup -> 0x1p-1022 */
        TEST_FP_D(262, 0xfffffffffffff, FF_UF | FF_NX, 0xfffffffffffff, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rmm)  /* 0x0.fffffffffffffp-1022 / 0x1.fffffffffffffp-1, rmm -> 0x0.fffffffffffffp-1022 */

        /* ---- fsqrt.d ---- */
        TEST_FP_D(263, 0x4000000000000000, 0, 0x4010000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(4.0), rne -> 2.0 */
        TEST_FP_D(264, 0x3ff8000000000000, 0, 0x4002000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(2.25), rne -> 1.5 */
        TEST_FP_D(265, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(2.0), rne -> 0x1.6a09e667f3bcdp+0 */
        TEST_FP_D(266, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rtz)  /* sqrt(2.0), rtz -> 0x1.6a09e667f3bccp+0 */
        TEST_FP_D(267, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rdn)  /* sqrt(2.0), rdn -> 0x1.6a09e667f3bccp+0 */
        TEST_FP_D(268, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rup)  /* sqrt(2.0), rup -> 0x1.6a09e667f3bcdp+0 */
        TEST_FP_D(269, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rmm)  /* sqrt(2.0), rmm -> 0x1.6a09e667f3bcdp+0 */
        TEST_FP_D(270, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0x0, 0x0, csrwi frm, 0; fsqrt.d fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rne -> 0x1.6a09e667f3bcdp+0 */
        TEST_FP_D(271, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000, 0x0, 0x0, csrwi frm, 1; fsqrt.d fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rtz -> 0x1.6a09e667f3bccp+0 */
        TEST_FP_D(272, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000, 0x0, 0x0, csrwi frm, 2; fsqrt.d fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rdn -> 0x1.6a09e667f3bccp+0 */
        TEST_FP_D(273, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0x0, 0x0, csrwi frm, 3; fsqrt.d fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rup -> 0x1.6a09e667f3bcdp+0 */
        TEST_FP_D(274, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0x0, 0x0, csrwi frm, 4; fsqrt.d fa0, fa1, dyn; csrwi frm, 0)  /* sqrt(2.0), dyn frm=rmm -> 0x1.6a09e667f3bcdp+0 */
        TEST_FP_D(275, 0x3ffbb67ae8584caa, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(3.0), rne -> 0x1.bb67ae8584caap+0 */
        TEST_FP_D(276, 0x3ffbb67ae8584caa, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rtz)  /* sqrt(3.0), rtz -> 0x1.bb67ae8584caap+0 */
        TEST_FP_D(277, 0x3ffbb67ae8584caa, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rdn)  /* sqrt(3.0), rdn -> 0x1.bb67ae8584caap+0 */
        TEST_FP_D(278, 0x3ffbb67ae8584cab, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rup)  /* sqrt(3.0), rup -> 0x1.bb67ae8584cabp+0 */
        TEST_FP_D(279, 0x3ffbb67ae8584caa, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rmm)  /* sqrt(3.0), rmm -> 0x1.bb67ae8584caap+0 */
        TEST_FP_D(280, 0x3ff0000000000000, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(0x1.0000000000001p+0), rne -> 1.0 */
        TEST_FP_D(281, 0x3ff0000000000000, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rtz)  /* sqrt(0x1.0000000000001p+0), rtz -> 1.0 */
        TEST_FP_D(282, 0x3ff0000000000000, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rdn)  /* sqrt(0x1.0000000000001p+0), rdn -> 1.0 */
        TEST_FP_D(283, 0x3ff0000000000001, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rup)  /* sqrt(0x1.0000000000001p+0), rup -> 0x1.0000000000001p+0 */
        TEST_FP_D(284, 0x3ff0000000000000, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rmm)  /* sqrt(0x1.0000000000001p+0), rmm -> 1.0 */
        TEST_FP_D(285, 0x3fefffffffffffff, FF_NX, 0x3fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(0x1.fffffffffffffp-1), rne -> 0x1.fffffffffffffp-1 */
        TEST_FP_D(286, 0x3fefffffffffffff, FF_NX, 0x3fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rtz)  /* sqrt(0x1.fffffffffffffp-1), rtz -> 0x1.fffffffffffffp-1 */
        TEST_FP_D(287, 0x3fefffffffffffff, FF_NX, 0x3fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rdn)  /* sqrt(0x1.fffffffffffffp-1), rdn -> 0x1.fffffffffffffp-1 */
        TEST_FP_D(288, 0x3ff0000000000000, FF_NX, 0x3fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rup)  /* sqrt(0x1.fffffffffffffp-1), rup -> 1.0 */
        TEST_FP_D(289, 0x3fefffffffffffff, FF_NX, 0x3fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rmm)  /* sqrt(0x1.fffffffffffffp-1), rmm -> 0x1.fffffffffffffp-1 */
        TEST_FP_D(290, 0x0, 0, 0x0, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(+0), rne -> +0 */
        TEST_FP_D(291, 0x8000000000000000, 0, 0x8000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(-0), rne -> -0 */
        TEST_FP_D(292, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(+inf), rne -> +inf */
        TEST_FP_D(293, 0x7ff8000000000000, FF_NV, 0xfff0000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(-inf), rne -> qNaN */
        TEST_FP_D(294, 0x7ff8000000000000, FF_NV, 0xbff0000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(-1.0), rne -> qNaN */
        TEST_FP_D(295, 0x7ff8000000000000, FF_NV, 0x8000000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(-0x0.0000000000001p-1022), rne -> qNaN */
        TEST_FP_D(296, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(qNaN), rne -> qNaN */
        TEST_FP_D(297, 0x7ff8000000000000, 0, 0xfff8000000012345, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(-qNaN(payload)), rne -> qNaN */
        TEST_FP_D(298, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(sNaN), rne -> qNaN */
        TEST_FP_D(299, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(0x0.0000000000001p-1022), rne -> 0x1p-537 */
        TEST_FP_D(300, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rtz)  /* sqrt(0x0.0000000000001p-1022), rtz -> 0x1p-537 */
        TEST_FP_D(301, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rdn)  /* sqrt(0x0.0000000000001p-1022), rdn -> 0x1p-537 */
        TEST_FP_D(302, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rup)  /* sqrt(0x0.0000000000001p-1022), rup -> 0x1p-537 */
        TEST_FP_D(303, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rmm)  /* sqrt(0x0.0000000000001p-1022), rmm -> 0x1p-537 */
        TEST_FP_D(304, 0x1fffffffffffffff, FF_NX, 0xfffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(0x0.fffffffffffffp-1022), rne -> 0x1.fffffffffffffp-512 */
        TEST_FP_D(305, 0x5fefffffffffffff, FF_NX, 0x7fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rne)  /* sqrt(max), rne -> 0x1.fffffffffffffp+511 */
        TEST_FP_D(306, 0x5fefffffffffffff, FF_NX, 0x7fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rtz)  /* sqrt(max), rtz -> 0x1.fffffffffffffp+511 */
        TEST_FP_D(307, 0x5fefffffffffffff, FF_NX, 0x7fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rdn)  /* sqrt(max), rdn -> 0x1.fffffffffffffp+511 */
        TEST_FP_D(308, 0x5ff0000000000000, FF_NX, 0x7fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rup)  /* sqrt(max), rup -> 0x1p+512 */
        TEST_FP_D(309, 0x5fefffffffffffff, FF_NX, 0x7fefffffffffffff, 0x0, 0x0, fsqrt.d fa0, fa1, rmm)  /* sqrt(max), rmm -> 0x1.fffffffffffffp+511 */

        TEST_END
