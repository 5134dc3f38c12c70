/* Double-precision sign injection (FSGNJ, FSGNJN, FSGNJX and the FMV/FNEG/FABS aliases), FMIN/FMAX,
 * FEQ/FLT/FLE and FCLASS. Sign injection copies NaN payloads and raises no flags; FMIN/FMAX return the
 * non-NaN operand, the canonical NaN when both are NaNs, NV for any sNaN, and order -0 below +0; FEQ is a
 * quiet comparison (NV only for sNaN), FLT/FLE are signalling (NV for any NaN); FCLASS sets exactly one of
 * its ten bits. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        FP_INIT

        /* ---- fsgnj.d ---- */
        TEST_FP_D(2, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000, 0x0, fsgnj.d fa0, fa1, fa2)  /* fsgnj(1.0, -2.0) -> -1.0 */
        TEST_FP_D(3, 0x3ff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000, 0x0, fsgnj.d fa0, fa1, fa2)  /* fsgnj(-1.0, 2.0) -> 1.0 */
        TEST_FP_D(4, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fsgnj.d fa0, fa1, fa2)  /* fsgnj(1.0, 2.0) -> 1.0 */
        TEST_FP_D(5, 0xbff0000000000000, 0, 0xbff0000000000000, 0xc000000000000000, 0x0, fsgnj.d fa0, fa1, fa2)  /* fsgnj(-1.0, -2.0) -> -1.0 */
        TEST_FP_D(6, 0xfff0000000005a5a, 0, 0x7ff0000000005a5a, 0xbff0000000000000, 0x0, fsgnj.d fa0, fa1, fa2)  /* fsgnj(sNaN(payload), -1.0) -> -sNaN(payload) */
        TEST_FP_D(7, 0x7ff8000000012345, 0, 0xfff8000000012345, 0x0, 0x0, fsgnj.d fa0, fa1, fa2)  /* fsgnj(-qNaN(payload), +0) -> qNaN(payload) */
        TEST_FP_D(8, 0xfff0000000000000, 0, 0x7ff0000000000000, 0x8000000000000000, 0x0, fsgnj.d fa0, fa1, fa2)  /* fsgnj(+inf, -0) -> -inf */
        TEST_FP_D(9, 0x0, 0, 0x8000000000000000, 0x7ff0000000000001, 0x0, fsgnj.d fa0, fa1, fa2)  /* fsgnj(-0, sNaN) -> +0 */

        /* ---- fsgnjn.d ---- */
        TEST_FP_D(10, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)  /* fsgnjn(1.0, -2.0) -> 1.0 */
        TEST_FP_D(11, 0xbff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)  /* fsgnjn(-1.0, 2.0) -> -1.0 */
        TEST_FP_D(12, 0xbff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)  /* fsgnjn(1.0, 2.0) -> -1.0 */
        TEST_FP_D(13, 0x3ff0000000000000, 0, 0xbff0000000000000, 0xc000000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)  /* fsgnjn(-1.0, -2.0) -> 1.0 */
        TEST_FP_D(14, 0x7ff0000000005a5a, 0, 0x7ff0000000005a5a, 0xbff0000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)  /* fsgnjn(sNaN(payload), -1.0) -> sNaN(payload) */
        TEST_FP_D(15, 0xfff8000000012345, 0, 0xfff8000000012345, 0x0, 0x0, fsgnjn.d fa0, fa1, fa2)  /* fsgnjn(-qNaN(payload), +0) -> -qNaN(payload) */
        TEST_FP_D(16, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x8000000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)  /* fsgnjn(+inf, -0) -> +inf */
        TEST_FP_D(17, 0x8000000000000000, 0, 0x8000000000000000, 0x7ff0000000000001, 0x0, fsgnjn.d fa0, fa1, fa2)  /* fsgnjn(-0, sNaN) -> -0 */

        /* ---- fsgnjx.d ---- */
        TEST_FP_D(18, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)  /* fsgnjx(1.0, -2.0) -> -1.0 */
        TEST_FP_D(19, 0xbff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)  /* fsgnjx(-1.0, 2.0) -> -1.0 */
        TEST_FP_D(20, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)  /* fsgnjx(1.0, 2.0) -> 1.0 */
        TEST_FP_D(21, 0x3ff0000000000000, 0, 0xbff0000000000000, 0xc000000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)  /* fsgnjx(-1.0, -2.0) -> 1.0 */
        TEST_FP_D(22, 0xfff0000000005a5a, 0, 0x7ff0000000005a5a, 0xbff0000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)  /* fsgnjx(sNaN(payload), -1.0) -> -sNaN(payload) */
        TEST_FP_D(23, 0xfff8000000012345, 0, 0xfff8000000012345, 0x0, 0x0, fsgnjx.d fa0, fa1, fa2)  /* fsgnjx(-qNaN(payload), +0) -> -qNaN(payload) */
        TEST_FP_D(24, 0xfff0000000000000, 0, 0x7ff0000000000000, 0x8000000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)  /* fsgnjx(+inf, -0) -> -inf */
        TEST_FP_D(25, 0x8000000000000000, 0, 0x8000000000000000, 0x7ff0000000000001, 0x0, fsgnjx.d fa0, fa1, fa2)  /* fsgnjx(-0, sNaN) -> -0 */

        /* ---- fmv.d / fneg.d / fabs.d (sign injection with rs1 = rs2) ---- */
        TEST_FP_D(26, 0xc008000000000000, 0, 0xc008000000000000, 0x0, 0x0, fmv.d fa0, fa1)  /* fmv.d -3.0 */
        TEST_FP_D(27, 0x4008000000000000, 0, 0xc008000000000000, 0x0, 0x0, fneg.d fa0, fa1)  /* fneg.d -3.0 */
        TEST_FP_D(28, 0x4008000000000000, 0, 0xc008000000000000, 0x0, 0x0, fabs.d fa0, fa1)  /* fabs.d -3.0 */
        TEST_FP_D(29, 0x7ff0000000005a5a, 0, 0x7ff0000000005a5a, 0x0, 0x0, fmv.d fa0, fa1)  /* fmv.d sNaN(payload) */
        TEST_FP_D(30, 0xfff0000000005a5a, 0, 0x7ff0000000005a5a, 0x0, 0x0, fneg.d fa0, fa1)  /* fneg.d sNaN(payload) */
        TEST_FP_D(31, 0x7ff0000000005a5a, 0, 0x7ff0000000005a5a, 0x0, 0x0, fabs.d fa0, fa1)  /* fabs.d sNaN(payload) */
        TEST_FP_D(32, 0xfff8000000012345, 0, 0xfff8000000012345, 0x0, 0x0, fmv.d fa0, fa1)  /* fmv.d -qNaN(payload) */
        TEST_FP_D(33, 0x7ff8000000012345, 0, 0xfff8000000012345, 0x0, 0x0, fneg.d fa0, fa1)  /* fneg.d -qNaN(payload) */
        TEST_FP_D(34, 0x7ff8000000012345, 0, 0xfff8000000012345, 0x0, 0x0, fabs.d fa0, fa1)  /* fabs.d -qNaN(payload) */

        /* ---- fmin.d ---- */
        TEST_FP_D(35, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(1.0, 2.0) -> 1.0 */
        TEST_FP_D(36, 0xc000000000000000, 0, 0xbff0000000000000, 0xc000000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(-1.0, -2.0) -> -2.0 */
        TEST_FP_D(37, 0x8000000000000000, 0, 0x0, 0x8000000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(+0, -0) -> -0 */
        TEST_FP_D(38, 0x8000000000000000, 0, 0x8000000000000000, 0x0, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(-0, +0) -> -0 */
        TEST_FP_D(39, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(-0, -0) -> -0 */
        TEST_FP_D(40, 0x3ff0000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(qNaN, 1.0) -> 1.0 */
        TEST_FP_D(41, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x7ff8000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(1.0, qNaN) -> 1.0 */
        TEST_FP_D(42, 0xfff0000000000000, 0, 0xfff8000000012345, 0xfff0000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(-qNaN(payload), -inf) -> -inf */
        TEST_FP_D(43, 0x3ff0000000000000, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(sNaN, 1.0) -> 1.0 */
        TEST_FP_D(44, 0x3ff0000000000000, FF_NV, 0x3ff0000000000000, 0x7ff0000000005a5a, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(1.0, sNaN(payload)) -> 1.0 */
        TEST_FP_D(45, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(qNaN, qNaN) -> qNaN */
        TEST_FP_D(46, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x7ff8000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(sNaN, qNaN) -> qNaN */
        TEST_FP_D(47, 0x7ff8000000000000, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(qNaN, sNaN) -> qNaN */
        TEST_FP_D(48, 0x7ff8000000000000, FF_NV, 0xfff8000000012345, 0x7ff0000000005a5a, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(-qNaN(payload), sNaN(payload)) -> qNaN */
        TEST_FP_D(49, 0xfff0000000000000, 0, 0xfff0000000000000, 0x7fefffffffffffff, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(-inf, max) -> -inf */
        TEST_FP_D(50, 0xffefffffffffffff, 0, 0x7ff0000000000000, 0xffefffffffffffff, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(+inf, -max) -> -max */
        TEST_FP_D(51, 0x8000000000000001, 0, 0x1, 0x8000000000000001, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(0x0.0000000000001p-1022, -0x0.0000000000001p-1022) -> -0x0.0000000000001p-1022 */
        TEST_FP_D(52, 0xfffffffffffff, 0, 0xfffffffffffff, 0x10000000000000, 0x0, fmin.d fa0, fa1, fa2)  /* fmin(0x0.fffffffffffffp-1022, 0x1p-1022) -> 0x0.fffffffffffffp-1022 */

        /* ---- fmax.d ---- */
        TEST_FP_D(53, 0x4000000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(1.0, 2.0) -> 2.0 */
        TEST_FP_D(54, 0xbff0000000000000, 0, 0xbff0000000000000, 0xc000000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(-1.0, -2.0) -> -1.0 */
        TEST_FP_D(55, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(+0, -0) -> +0 */
        TEST_FP_D(56, 0x0, 0, 0x8000000000000000, 0x0, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(-0, +0) -> +0 */
        TEST_FP_D(57, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(-0, -0) -> -0 */
        TEST_FP_D(58, 0x3ff0000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(qNaN, 1.0) -> 1.0 */
        TEST_FP_D(59, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x7ff8000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(1.0, qNaN) -> 1.0 */
        TEST_FP_D(60, 0xfff0000000000000, 0, 0xfff8000000012345, 0xfff0000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(-qNaN(payload), -inf) -> -inf */
        TEST_FP_D(61, 0x3ff0000000000000, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(sNaN, 1.0) -> 1.0 */
        TEST_FP_D(62, 0x3ff0000000000000, FF_NV, 0x3ff0000000000000, 0x7ff0000000005a5a, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(1.0, sNaN(payload)) -> 1.0 */
        TEST_FP_D(63, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x7ff8000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(qNaN, qNaN) -> qNaN */
        TEST_FP_D(64, 0x7ff8000000000000, FF_NV, 0x7ff0000000000001, 0x7ff8000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(sNaN, qNaN) -> qNaN */
        TEST_FP_D(65, 0x7ff8000000000000, FF_NV, 0x7ff8000000000000, 0x7ff0000000000001, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(qNaN, sNaN) -> qNaN */
        TEST_FP_D(66, 0x7ff8000000000000, FF_NV, 0xfff8000000012345, 0x7ff0000000005a5a, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(-qNaN(payload), sNaN(payload)) -> qNaN */
        TEST_FP_D(67, 0x7fefffffffffffff, 0, 0xfff0000000000000, 0x7fefffffffffffff, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(-inf, max) -> max */
        TEST_FP_D(68, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0xffefffffffffffff, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(+inf, -max) -> +inf */
        TEST_FP_D(69, 0x1, 0, 0x1, 0x8000000000000001, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(0x0.0000000000001p-1022, -0x0.0000000000001p-1022) -> 0x0.0000000000001p-1022 */
        TEST_FP_D(70, 0x10000000000000, 0, 0xfffffffffffff, 0x10000000000000, 0x0, fmax.d fa0, fa1, fa2)  /* fmax(0x0.fffffffffffffp-1022, 0x1p-1022) -> 0x1p-1022 */

        /* ---- feq.d ---- */
        TEST_FP_D_INT(71, 0x1, 0, 0x3ff0000000000000, 0x3ff0000000000000, feq.d a0, fa1, fa2)  /* feq(1.0, 1.0) = 1 */
        TEST_FP_D_INT(72, 0x0, 0, 0x3ff0000000000000, 0x4000000000000000, feq.d a0, fa1, fa2)  /* feq(1.0, 2.0) = 0 */
        TEST_FP_D_INT(73, 0x0, 0, 0x4000000000000000, 0x3ff0000000000000, feq.d a0, fa1, fa2)  /* feq(2.0, 1.0) = 0 */
        TEST_FP_D_INT(74, 0x1, 0, 0x8000000000000000, 0x0, feq.d a0, fa1, fa2)  /* feq(-0, +0) = 1 */
        TEST_FP_D_INT(75, 0x1, 0, 0x0, 0x8000000000000000, feq.d a0, fa1, fa2)  /* feq(+0, -0) = 1 */
        TEST_FP_D_INT(76, 0x0, 0, 0xc000000000000000, 0xbff0000000000000, feq.d a0, fa1, fa2)  /* feq(-2.0, -1.0) = 0 */
        TEST_FP_D_INT(77, 0x0, 0, 0xfff0000000000000, 0x7ff0000000000000, feq.d a0, fa1, fa2)  /* feq(-inf, +inf) = 0 */
        TEST_FP_D_INT(78, 0x1, 0, 0x7ff0000000000000, 0x7ff0000000000000, feq.d a0, fa1, fa2)  /* feq(+inf, +inf) = 1 */
        TEST_FP_D_INT(79, 0x0, 0, 0xfff0000000000000, 0xffefffffffffffff, feq.d a0, fa1, fa2)  /* feq(-inf, -max) = 0 */
        TEST_FP_D_INT(80, 0x0, 0, 0x8000000000000001, 0x0, feq.d a0, fa1, fa2)  /* feq(-0x0.0000000000001p-1022, +0) = 0 */
        TEST_FP_D_INT(81, 0x0, 0, 0xfffffffffffff, 0x10000000000000, feq.d a0, fa1, fa2)  /* feq(0x0.fffffffffffffp-1022, 0x1p-1022) = 0 */
        TEST_FP_D_INT(82, 0x0, 0, 0x7ff8000000000000, 0x3ff0000000000000, feq.d a0, fa1, fa2)  /* feq(qNaN, 1.0) = 0 */
        TEST_FP_D_INT(83, 0x0, 0, 0x3ff0000000000000, 0x7ff8000000000000, feq.d a0, fa1, fa2)  /* feq(1.0, qNaN) = 0 */
        TEST_FP_D_INT(84, 0x0, 0, 0x7ff8000000000000, 0x7ff8000000000000, feq.d a0, fa1, fa2)  /* feq(qNaN, qNaN) = 0 */
        TEST_FP_D_INT(85, 0x0, 0, 0xfff8000000012345, 0xfff8000000012345, feq.d a0, fa1, fa2)  /* feq(-qNaN(payload), -qNaN(payload)) = 0 */
        TEST_FP_D_INT(86, 0x0, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, feq.d a0, fa1, fa2)  /* feq(sNaN, 1.0) = 0 */
        TEST_FP_D_INT(87, 0x0, FF_NV, 0x3ff0000000000000, 0x7ff0000000005a5a, feq.d a0, fa1, fa2)  /* feq(1.0, sNaN(payload)) = 0 */
        TEST_FP_D_INT(88, 0x0, FF_NV, 0x7ff0000000000001, 0x7ff0000000000001, feq.d a0, fa1, fa2)  /* feq(sNaN, sNaN) = 0 */
        TEST_FP_D_INT(89, 0x0, 0, 0x7ff0000000000000, 0x7ff8000000000000, feq.d a0, fa1, fa2)  /* feq(+inf, qNaN) = 0 */

        /* ---- flt.d ---- */
        TEST_FP_D_INT(90, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, flt.d a0, fa1, fa2)  /* flt(1.0, 1.0) = 0 */
        TEST_FP_D_INT(91, 0x1, 0, 0x3ff0000000000000, 0x4000000000000000, flt.d a0, fa1, fa2)  /* flt(1.0, 2.0) = 1 */
        TEST_FP_D_INT(92, 0x0, 0, 0x4000000000000000, 0x3ff0000000000000, flt.d a0, fa1, fa2)  /* flt(2.0, 1.0) = 0 */
        TEST_FP_D_INT(93, 0x0, 0, 0x8000000000000000, 0x0, flt.d a0, fa1, fa2)  /* flt(-0, +0) = 0 */
        TEST_FP_D_INT(94, 0x0, 0, 0x0, 0x8000000000000000, flt.d a0, fa1, fa2)  /* flt(+0, -0) = 0 */
        TEST_FP_D_INT(95, 0x1, 0, 0xc000000000000000, 0xbff0000000000000, flt.d a0, fa1, fa2)  /* flt(-2.0, -1.0) = 1 */
        TEST_FP_D_INT(96, 0x1, 0, 0xfff0000000000000, 0x7ff0000000000000, flt.d a0, fa1, fa2)  /* flt(-inf, +inf) = 1 */
        TEST_FP_D_INT(97, 0x0, 0, 0x7ff0000000000000, 0x7ff0000000000000, flt.d a0, fa1, fa2)  /* flt(+inf, +inf) = 0 */
        TEST_FP_D_INT(98, 0x1, 0, 0xfff0000000000000, 0xffefffffffffffff, flt.d a0, fa1, fa2)  /* flt(-inf, -max) = 1 */
        TEST_FP_D_INT(99, 0x1, 0, 0x8000000000000001, 0x0, flt.d a0, fa1, fa2)  /* flt(-0x0.0000000000001p-1022, +0) = 1 */
        TEST_FP_D_INT(100, 0x1, 0, 0xfffffffffffff, 0x10000000000000, flt.d a0, fa1, fa2)  /* flt(0x0.fffffffffffffp-1022, 0x1p-1022) = 1 */
        TEST_FP_D_INT(101, 0x0, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, flt.d a0, fa1, fa2)  /* flt(qNaN, 1.0) = 0 */
        TEST_FP_D_INT(102, 0x0, FF_NV, 0x3ff0000000000000, 0x7ff8000000000000, flt.d a0, fa1, fa2)  /* flt(1.0, qNaN) = 0 */
        TEST_FP_D_INT(103, 0x0, FF_NV, 0x7ff8000000000000, 0x7ff8000000000000, flt.d a0, fa1, fa2)  /* flt(qNaN, qNaN) = 0 */
        TEST_FP_D_INT(104, 0x0, FF_NV, 0xfff8000000012345, 0xfff8000000012345, flt.d a0, fa1, fa2)  /* flt(-qNaN(payload), -qNaN(payload)) = 0 */
        TEST_FP_D_INT(105, 0x0, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, flt.d a0, fa1, fa2)  /* flt(sNaN, 1.0) = 0 */
        TEST_FP_D_INT(106, 0x0, FF_NV, 0x3ff0000000000000, 0x7ff0000000005a5a, flt.d a0, fa1, fa2)  /* flt(1.0, sNaN(payload)) = 0 */
        TEST_FP_D_INT(107, 0x0, FF_NV, 0x7ff0000000000001, 0x7ff0000000000001, flt.d a0, fa1, fa2)  /* flt(sNaN, sNaN) = 0 */
        TEST_FP_D_INT(108, 0x0, FF_NV, 0x7ff0000000000000, 0x7ff8000000000000, flt.d a0, fa1, fa2)  /* flt(+inf, qNaN) = 0 */

        /* ---- fle.d ---- */
        TEST_FP_D_INT(109, 0x1, 0, 0x3ff0000000000000, 0x3ff0000000000000, fle.d a0, fa1, fa2)  /* fle(1.0, 1.0) = 1 */
        TEST_FP_D_INT(110, 0x1, 0, 0x3ff0000000000000, 0x4000000000000000, fle.d a0, fa1, fa2)  /* fle(1.0, 2.0) = 1 */
        TEST_FP_D_INT(111, 0x0, 0, 0x4000000000000000, 0x3ff0000000000000, fle.d a0, fa1, fa2)  /* fle(2.0, 1.0) = 0 */
        TEST_FP_D_INT(112, 0x1, 0, 0x8000000000000000, 0x0, fle.d a0, fa1, fa2)  /* fle(-0, +0) = 1 */
        TEST_FP_D_INT(113, 0x1, 0, 0x0, 0x8000000000000000, fle.d a0, fa1, fa2)  /* fle(+0, -0) = 1 */
        TEST_FP_D_INT(114, 0x1, 0, 0xc000000000000000, 0xbff0000000000000, fle.d a0, fa1, fa2)  /* fle(-2.0, -1.0) = 1 */
        TEST_FP_D_INT(115, 0x1, 0, 0xfff0000000000000, 0x7ff0000000000000, fle.d a0, fa1, fa2)  /* fle(-inf, +inf) = 1 */
        TEST_FP_D_INT(116, 0x1, 0, 0x7ff0000000000000, 0x7ff0000000000000, fle.d a0, fa1, fa2)  /* fle(+inf, +inf) = 1 */
        TEST_FP_D_INT(117, 0x1, 0, 0xfff0000000000000, 0xffefffffffffffff, fle.d a0, fa1, fa2)  /* fle(-inf, -max) = 1 */
        TEST_FP_D_INT(118, 0x1, 0, 0x8000000000000001, 0x0, fle.d a0, fa1, fa2)  /* fle(-0x0.0000000000001p-1022, +0) = 1 */
        TEST_FP_D_INT(119, 0x1, 0, 0xfffffffffffff, 0x10000000000000, fle.d a0, fa1, fa2)  /* fle(0x0.fffffffffffffp-1022, 0x1p-1022) = 1 */
        TEST_FP_D_INT(120, 0x0, FF_NV, 0x7ff8000000000000, 0x3ff0000000000000, fle.d a0, fa1, fa2)  /* fle(qNaN, 1.0) = 0 */
        TEST_FP_D_INT(121, 0x0, FF_NV, 0x3ff0000000000000, 0x7ff8000000000000, fle.d a0, fa1, fa2)  /* fle(1.0, qNaN) = 0 */
        TEST_FP_D_INT(122, 0x0, FF_NV, 0x7ff8000000000000, 0x7ff8000000000000, fle.d a0, fa1, fa2)  /* fle(qNaN, qNaN) = 0 */
        TEST_FP_D_INT(123, 0x0, FF_NV, 0xfff8000000012345, 0xfff8000000012345, fle.d a0, fa1, fa2)  /* fle(-qNaN(payload), -qNaN(payload)) = 0 */
        TEST_FP_D_INT(124, 0x0, FF_NV, 0x7ff0000000000001, 0x3ff0000000000000, fle.d a0, fa1, fa2)  /* fle(sNaN, 1.0) = 0 */
        TEST_FP_D_INT(125, 0x0, FF_NV, 0x3ff0000000000000, 0x7ff0000000005a5a, fle.d a0, fa1, fa2)  /* fle(1.0, sNaN(payload)) = 0 */
        TEST_FP_D_INT(126, 0x0, FF_NV, 0x7ff0000000000001, 0x7ff0000000000001, fle.d a0, fa1, fa2)  /* fle(sNaN, sNaN) = 0 */
        TEST_FP_D_INT(127, 0x0, FF_NV, 0x7ff0000000000000, 0x7ff8000000000000, fle.d a0, fa1, fa2)  /* fle(+inf, qNaN) = 0 */

        /* ---- fclass.d ---- */
        TEST_FP_D_INT(128, 0x1, 0, 0xfff0000000000000, 0x0, fclass.d a0, fa1)  /* fclass(-inf) = 0x1 */
        TEST_FP_D_INT(129, 0x2, 0, 0xbff0000000000000, 0x0, fclass.d a0, fa1)  /* fclass(-1.0) = 0x2 */
        TEST_FP_D_INT(130, 0x2, 0, 0xffefffffffffffff, 0x0, fclass.d a0, fa1)  /* fclass(-max) = 0x2 */
        TEST_FP_D_INT(131, 0x2, 0, 0x8010000000000000, 0x0, fclass.d a0, fa1)  /* fclass(-0x1p-1022) = 0x2 */
        TEST_FP_D_INT(132, 0x4, 0, 0x800fffffffffffff, 0x0, fclass.d a0, fa1)  /* fclass(-0x0.fffffffffffffp-1022) = 0x4 */
        TEST_FP_D_INT(133, 0x4, 0, 0x8000000000000001, 0x0, fclass.d a0, fa1)  /* fclass(-0x0.0000000000001p-1022) = 0x4 */
        TEST_FP_D_INT(134, 0x8, 0, 0x8000000000000000, 0x0, fclass.d a0, fa1)  /* fclass(-0) = 0x8 */
        TEST_FP_D_INT(135, 0x10, 0, 0x0, 0x0, fclass.d a0, fa1)  /* fclass(+0) = 0x10 */
        TEST_FP_D_INT(136, 0x20, 0, 0x1, 0x0, fclass.d a0, fa1)  /* fclass(0x0.0000000000001p-1022) = 0x20 */
        TEST_FP_D_INT(137, 0x20, 0, 0xfffffffffffff, 0x0, fclass.d a0, fa1)  /* fclass(0x0.fffffffffffffp-1022) = 0x20 */
        TEST_FP_D_INT(138, 0x40, 0, 0x10000000000000, 0x0, fclass.d a0, fa1)  /* fclass(0x1p-1022) = 0x40 */
        TEST_FP_D_INT(139, 0x40, 0, 0x3ff0000000000000, 0x0, fclass.d a0, fa1)  /* fclass(1.0) = 0x40 */
        TEST_FP_D_INT(140, 0x40, 0, 0x7fefffffffffffff, 0x0, fclass.d a0, fa1)  /* fclass(max) = 0x40 */
        TEST_FP_D_INT(141, 0x80, 0, 0x7ff0000000000000, 0x0, fclass.d a0, fa1)  /* fclass(+inf) = 0x80 */
        TEST_FP_D_INT(142, 0x100, 0, 0x7ff0000000000001, 0x0, fclass.d a0, fa1)  /* fclass(sNaN) = 0x100 */
        TEST_FP_D_INT(143, 0x100, 0, 0x7ff0000000005a5a, 0x0, fclass.d a0, fa1)  /* fclass(sNaN(payload)) = 0x100 */
        TEST_FP_D_INT(144, 0x100, 0, 0xfff0000000005a5a, 0x0, fclass.d a0, fa1)  /* fclass(-sNaN(payload)) = 0x100 */
        TEST_FP_D_INT(145, 0x200, 0, 0x7ff8000000000000, 0x0, fclass.d a0, fa1)  /* fclass(qNaN) = 0x200 */
        TEST_FP_D_INT(146, 0x200, 0, 0xfff8000000012345, 0x0, fclass.d a0, fa1)  /* fclass(-qNaN(payload)) = 0x200 */

        TEST_END
