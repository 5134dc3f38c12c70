/* Single-precision sign injection (FSGNJ, FSGNJN, FSGNJX and the FMV/FNEG/FABS aliases), FMIN/FMAX,
 * FEQ/FLT/FLE and FCLASS. Sign injection copies NaN payloads and raises no flags; FMIN/FMAX return the
 * non-NaN operand, the canonical NaN when both are NaNs, NV for any sNaN, and order -0 below +0; FEQ is a
 * quiet comparison (NV only for sNaN), FLT/FLE are signalling (NV for any NaN); FCLASS sets exactly one of
 * its ten bits. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        FP_INIT

        /* ---- fsgnj.s ---- */
        TEST_FP_S(2, 0xbf800000, 0, 0x3f800000, 0xc0000000, 0x0, fsgnj.s fa0, fa1, fa2)  /* fsgnj(1.0, -2.0) -> -1.0 */
        TEST_FP_S(3, 0x3f800000, 0, 0xbf800000, 0x40000000, 0x0, fsgnj.s fa0, fa1, fa2)  /* fsgnj(-1.0, 2.0) -> 1.0 */
        TEST_FP_S(4, 0x3f800000, 0, 0x3f800000, 0x40000000, 0x0, fsgnj.s fa0, fa1, fa2)  /* fsgnj(1.0, 2.0) -> 1.0 */
        TEST_FP_S(5, 0xbf800000, 0, 0xbf800000, 0xc0000000, 0x0, fsgnj.s fa0, fa1, fa2)  /* fsgnj(-1.0, -2.0) -> -1.0 */
        TEST_FP_S(6, 0xff805a5a, 0, 0x7f805a5a, 0xbf800000, 0x0, fsgnj.s fa0, fa1, fa2)  /* fsgnj(sNaN(payload), -1.0) -> -sNaN(payload) */
        TEST_FP_S(7, 0x7fc12345, 0, 0xffc12345, 0x0, 0x0, fsgnj.s fa0, fa1, fa2)  /* fsgnj(-qNaN(payload), +0) -> qNaN(payload) */
        TEST_FP_S(8, 0xff800000, 0, 0x7f800000, 0x80000000, 0x0, fsgnj.s fa0, fa1, fa2)  /* fsgnj(+inf, -0) -> -inf */
        TEST_FP_S(9, 0x0, 0, 0x80000000, 0x7f800001, 0x0, fsgnj.s fa0, fa1, fa2)  /* fsgnj(-0, sNaN) -> +0 */

        /* ---- fsgnjn.s ---- */
        TEST_FP_S(10, 0x3f800000, 0, 0x3f800000, 0xc0000000, 0x0, fsgnjn.s fa0, fa1, fa2)  /* fsgnjn(1.0, -2.0) -> 1.0 */
        TEST_FP_S(11, 0xbf800000, 0, 0xbf800000, 0x40000000, 0x0, fsgnjn.s fa0, fa1, fa2)  /* fsgnjn(-1.0, 2.0) -> -1.0 */
        TEST_FP_S(12, 0xbf800000, 0, 0x3f800000, 0x40000000, 0x0, fsgnjn.s fa0, fa1, fa2)  /* fsgnjn(1.0, 2.0) -> -1.0 */
        TEST_FP_S(13, 0x3f800000, 0, 0xbf800000, 0xc0000000, 0x0, fsgnjn.s fa0, fa1, fa2)  /* fsgnjn(-1.0, -2.0) -> 1.0 */
        TEST_FP_S(14, 0x7f805a5a, 0, 0x7f805a5a, 0xbf800000, 0x0, fsgnjn.s fa0, fa1, fa2)  /* fsgnjn(sNaN(payload), -1.0) -> sNaN(payload) */
        TEST_FP_S(15, 0xffc12345, 0, 0xffc12345, 0x0, 0x0, fsgnjn.s fa0, fa1, fa2)  /* fsgnjn(-qNaN(payload), +0) -> -qNaN(payload) */
        TEST_FP_S(16, 0x7f800000, 0, 0x7f800000, 0x80000000, 0x0, fsgnjn.s fa0, fa1, fa2)  /* fsgnjn(+inf, -0) -> +inf */
        TEST_FP_S(17, 0x80000000, 0, 0x80000000, 0x7f800001, 0x0, fsgnjn.s fa0, fa1, fa2)  /* fsgnjn(-0, sNaN) -> -0 */

        /* ---- fsgnjx.s ---- */
        TEST_FP_S(18, 0xbf800000, 0, 0x3f800000, 0xc0000000, 0x0, fsgnjx.s fa0, fa1, fa2)  /* fsgnjx(1.0, -2.0) -> -1.0 */
        TEST_FP_S(19, 0xbf800000, 0, 0xbf800000, 0x40000000, 0x0, fsgnjx.s fa0, fa1, fa2)  /* fsgnjx(-1.0, 2.0) -> -1.0 */
        TEST_FP_S(20, 0x3f800000, 0, 0x3f800000, 0x40000000, 0x0, fsgnjx.s fa0, fa1, fa2)  /* fsgnjx(1.0, 2.0) -> 1.0 */
        TEST_FP_S(21, 0x3f800000, 0, 0xbf800000, 0xc0000000, 0x0, fsgnjx.s fa0, fa1, fa2)  /* fsgnjx(-1.0, -2.0) -> 1.0 */
        TEST_FP_S(22, 0xff805a5a, 0, 0x7f805a5a, 0xbf800000, 0x0, fsgnjx.s fa0, fa1, fa2)  /* fsgnjx(sNaN(payload), -1.0) -> -sNaN(payload) */
        TEST_FP_S(23, 0xffc12345, 0, 0xffc12345, 0x0, 0x0, fsgnjx.s fa0, fa1, fa2)  /* fsgnjx(-qNaN(payload), +0) -> -qNaN(payload) */
        TEST_FP_S(24, 0xff800000, 0, 0x7f800000, 0x80000000, 0x0, fsgnjx.s fa0, fa1, fa2)  /* fsgnjx(+inf, -0) -> -inf */
        TEST_FP_S(25, 0x80000000, 0, 0x80000000, 0x7f800001, 0x0, fsgnjx.s fa0, fa1, fa2)  /* fsgnjx(-0, sNaN) -> -0 */

        /* ---- fmv.s / fneg.s / fabs.s (sign injection with rs1 = rs2) ---- */
        TEST_FP_S(26, 0xc0400000, 0, 0xc0400000, 0x0, 0x0, fmv.s fa0, fa1)  /* fmv.s -3.0 */
        TEST_FP_S(27, 0x40400000, 0, 0xc0400000, 0x0, 0x0, fneg.s fa0, fa1)  /* fneg.s -3.0 */
        TEST_FP_S(28, 0x40400000, 0, 0xc0400000, 0x0, 0x0, fabs.s fa0, fa1)  /* fabs.s -3.0 */
        TEST_FP_S(29, 0x7f805a5a, 0, 0x7f805a5a, 0x0, 0x0, fmv.s fa0, fa1)  /* fmv.s sNaN(payload) */
        TEST_FP_S(30, 0xff805a5a, 0, 0x7f805a5a, 0x0, 0x0, fneg.s fa0, fa1)  /* fneg.s sNaN(payload) */
        TEST_FP_S(31, 0x7f805a5a, 0, 0x7f805a5a, 0x0, 0x0, fabs.s fa0, fa1)  /* fabs.s sNaN(payload) */
        TEST_FP_S(32, 0xffc12345, 0, 0xffc12345, 0x0, 0x0, fmv.s fa0, fa1)  /* fmv.s -qNaN(payload) */
        TEST_FP_S(33, 0x7fc12345, 0, 0xffc12345, 0x0, 0x0, fneg.s fa0, fa1)  /* fneg.s -qNaN(payload) */
        TEST_FP_S(34, 0x7fc12345, 0, 0xffc12345, 0x0, 0x0, fabs.s fa0, fa1)  /* fabs.s -qNaN(payload) */

        /* ---- fmin.s ---- */
        TEST_FP_S(35, 0x3f800000, 0, 0x3f800000, 0x40000000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(1.0, 2.0) -> 1.0 */
        TEST_FP_S(36, 0xc0000000, 0, 0xbf800000, 0xc0000000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(-1.0, -2.0) -> -2.0 */
        TEST_FP_S(37, 0x80000000, 0, 0x0, 0x80000000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(+0, -0) -> -0 */
        TEST_FP_S(38, 0x80000000, 0, 0x80000000, 0x0, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(-0, +0) -> -0 */
        TEST_FP_S(39, 0x80000000, 0, 0x80000000, 0x80000000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(-0, -0) -> -0 */
        TEST_FP_S(40, 0x3f800000, 0, 0x7fc00000, 0x3f800000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(qNaN, 1.0) -> 1.0 */
        TEST_FP_S(41, 0x3f800000, 0, 0x3f800000, 0x7fc00000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(1.0, qNaN) -> 1.0 */
        TEST_FP_S(42, 0xff800000, 0, 0xffc12345, 0xff800000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(-qNaN(payload), -inf) -> -inf */
        TEST_FP_S(43, 0x3f800000, FF_NV, 0x7f800001, 0x3f800000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(sNaN, 1.0) -> 1.0 */
        TEST_FP_S(44, 0x3f800000, FF_NV, 0x3f800000, 0x7f805a5a, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(1.0, sNaN(payload)) -> 1.0 */
        TEST_FP_S(45, 0x7fc00000, 0, 0x7fc00000, 0x7fc00000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(qNaN, qNaN) -> qNaN */
        TEST_FP_S(46, 0x7fc00000, FF_NV, 0x7f800001, 0x7fc00000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(sNaN, qNaN) -> qNaN */
        TEST_FP_S(47, 0x7fc00000, FF_NV, 0x7fc00000, 0x7f800001, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(qNaN, sNaN) -> qNaN */
        TEST_FP_S(48, 0x7fc00000, FF_NV, 0xffc12345, 0x7f805a5a, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(-qNaN(payload), sNaN(payload)) -> qNaN */
        TEST_FP_S(49, 0xff800000, 0, 0xff800000, 0x7f7fffff, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(-inf, max) -> -inf */
        TEST_FP_S(50, 0xff7fffff, 0, 0x7f800000, 0xff7fffff, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(+inf, -max) -> -max */
        TEST_FP_S(51, 0x80000001, 0, 0x1, 0x80000001, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(0x1p-149, -0x1p-149) -> -0x1p-149 */
        TEST_FP_S(52, 0x7fffff, 0, 0x7fffff, 0x800000, 0x0, fmin.s fa0, fa1, fa2)  /* fmin(0x1.fffffcp-127, 0x1p-126) -> 0x1.fffffcp-127 */

        /* ---- fmax.s ---- */
        TEST_FP_S(53, 0x40000000, 0, 0x3f800000, 0x40000000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(1.0, 2.0) -> 2.0 */
        TEST_FP_S(54, 0xbf800000, 0, 0xbf800000, 0xc0000000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(-1.0, -2.0) -> -1.0 */
        TEST_FP_S(55, 0x0, 0, 0x0, 0x80000000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(+0, -0) -> +0 */
        TEST_FP_S(56, 0x0, 0, 0x80000000, 0x0, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(-0, +0) -> +0 */
        TEST_FP_S(57, 0x80000000, 0, 0x80000000, 0x80000000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(-0, -0) -> -0 */
        TEST_FP_S(58, 0x3f800000, 0, 0x7fc00000, 0x3f800000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(qNaN, 1.0) -> 1.0 */
        TEST_FP_S(59, 0x3f800000, 0, 0x3f800000, 0x7fc00000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(1.0, qNaN) -> 1.0 */
        TEST_FP_S(60, 0xff800000, 0, 0xffc12345, 0xff800000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(-qNaN(payload), -inf) -> -inf */
        TEST_FP_S(61, 0x3f800000, FF_NV, 0x7f800001, 0x3f800000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(sNaN, 1.0) -> 1.0 */
        TEST_FP_S(62, 0x3f800000, FF_NV, 0x3f800000, 0x7f805a5a, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(1.0, sNaN(payload)) -> 1.0 */
        TEST_FP_S(63, 0x7fc00000, 0, 0x7fc00000, 0x7fc00000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(qNaN, qNaN) -> qNaN */
        TEST_FP_S(64, 0x7fc00000, FF_NV, 0x7f800001, 0x7fc00000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(sNaN, qNaN) -> qNaN */
        TEST_FP_S(65, 0x7fc00000, FF_NV, 0x7fc00000, 0x7f800001, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(qNaN, sNaN) -> qNaN */
        TEST_FP_S(66, 0x7fc00000, FF_NV, 0xffc12345, 0x7f805a5a, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(-qNaN(payload), sNaN(payload)) -> qNaN */
        TEST_FP_S(67, 0x7f7fffff, 0, 0xff800000, 0x7f7fffff, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(-inf, max) -> max */
        TEST_FP_S(68, 0x7f800000, 0, 0x7f800000, 0xff7fffff, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(+inf, -max) -> +inf */
        TEST_FP_S(69, 0x1, 0, 0x1, 0x80000001, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(0x1p-149, -0x1p-149) -> 0x1p-149 */
        TEST_FP_S(70, 0x800000, 0, 0x7fffff, 0x800000, 0x0, fmax.s fa0, fa1, fa2)  /* fmax(0x1.fffffcp-127, 0x1p-126) -> 0x1p-126 */

        /* ---- feq.s ---- */
        TEST_FP_S_INT(71, 0x1, 0, 0x3f800000, 0x3f800000, feq.s a0, fa1, fa2)  /* feq(1.0, 1.0) = 1 */
        TEST_FP_S_INT(72, 0x0, 0, 0x3f800000, 0x40000000, feq.s a0, fa1, fa2)  /* feq(1.0, 2.0) = 0 */
        TEST_FP_S_INT(73, 0x0, 0, 0x40000000, 0x3f800000, feq.s a0, fa1, fa2)  /* feq(2.0, 1.0) = 0 */
        TEST_FP_S_INT(74, 0x1, 0, 0x80000000, 0x0, feq.s a0, fa1, fa2)  /* feq(-0, +0) = 1 */
        TEST_FP_S_INT(75, 0x1, 0, 0x0, 0x80000000, feq.s a0, fa1, fa2)  /* feq(+0, -0) = 1 */
        TEST_FP_S_INT(76, 0x0, 0, 0xc0000000, 0xbf800000, feq.s a0, fa1, fa2)  /* feq(-2.0, -1.0) = 0 */
        TEST_FP_S_INT(77, 0x0, 0, 0xff800000, 0x7f800000, feq.s a0, fa1, fa2)  /* feq(-inf, +inf) = 0 */
        TEST_FP_S_INT(78, 0x1, 0, 0x7f800000, 0x7f800000, feq.s a0, fa1, fa2)  /* feq(+inf, +inf) = 1 */
        TEST_FP_S_INT(79, 0x0, 0, 0xff800000, 0xff7fffff, feq.s a0, fa1, fa2)  /* feq(-inf, -max) = 0 */
        TEST_FP_S_INT(80, 0x0, 0, 0x80000001, 0x0, feq.s a0, fa1, fa2)  /* feq(-0x1p-149, +0) = 0 */
        TEST_FP_S_INT(81, 0x0, 0, 0x7fffff, 0x800000, feq.s a0, fa1, fa2)  /* feq(0x1.fffffcp-127, 0x1p-126) = 0 */
        TEST_FP_S_INT(82, 0x0, 0, 0x7fc00000, 0x3f800000, feq.s a0, fa1, fa2)  /* feq(qNaN, 1.0) = 0 */
        TEST_FP_S_INT(83, 0x0, 0, 0x3f800000, 0x7fc00000, feq.s a0, fa1, fa2)  /* feq(1.0, qNaN) = 0 */
        TEST_FP_S_INT(84, 0x0, 0, 0x7fc00000, 0x7fc00000, feq.s a0, fa1, fa2)  /* feq(qNaN, qNaN) = 0 */
        TEST_FP_S_INT(85, 0x0, 0, 0xffc12345, 0xffc12345, feq.s a0, fa1, fa2)  /* feq(-qNaN(payload), -qNaN(payload)) = 0 */
        TEST_FP_S_INT(86, 0x0, FF_NV, 0x7f800001, 0x3f800000, feq.s a0, fa1, fa2)  /* feq(sNaN, 1.0) = 0 */
        TEST_FP_S_INT(87, 0x0, FF_NV, 0x3f800000, 0x7f805a5a, feq.s a0, fa1, fa2)  /* feq(1.0, sNaN(payload)) = 0 */
        TEST_FP_S_INT(88, 0x0, FF_NV, 0x7f800001, 0x7f800001, feq.s a0, fa1, fa2)  /* feq(sNaN, sNaN) = 0 */
        TEST_FP_S_INT(89, 0x0, 0, 0x7f800000, 0x7fc00000, feq.s a0, fa1, fa2)  /* feq(+inf, qNaN) = 0 */

        /* ---- flt.s ---- */
        TEST_FP_S_INT(90, 0x0, 0, 0x3f800000, 0x3f800000, flt.s a0, fa1, fa2)  /* flt(1.0, 1.0) = 0 */
        TEST_FP_S_INT(91, 0x1, 0, 0x3f800000, 0x40000000, flt.s a0, fa1, fa2)  /* flt(1.0, 2.0) = 1 */
        TEST_FP_S_INT(92, 0x0, 0, 0x40000000, 0x3f800000, flt.s a0, fa1, fa2)  /* flt(2.0, 1.0) = 0 */
        TEST_FP_S_INT(93, 0x0, 0, 0x80000000, 0x0, flt.s a0, fa1, fa2)  /* flt(-0, +0) = 0 */
        TEST_FP_S_INT(94, 0x0, 0, 0x0, 0x80000000, flt.s a0, fa1, fa2)  /* flt(+0, -0) = 0 */
        TEST_FP_S_INT(95, 0x1, 0, 0xc0000000, 0xbf800000, flt.s a0, fa1, fa2)  /* flt(-2.0, -1.0) = 1 */
        TEST_FP_S_INT(96, 0x1, 0, 0xff800000, 0x7f800000, flt.s a0, fa1, fa2)  /* flt(-inf, +inf) = 1 */
        TEST_FP_S_INT(97, 0x0, 0, 0x7f800000, 0x7f800000, flt.s a0, fa1, fa2)  /* flt(+inf, +inf) = 0 */
        TEST_FP_S_INT(98, 0x1, 0, 0xff800000, 0xff7fffff, flt.s a0, fa1, fa2)  /* flt(-inf, -max) = 1 */
        TEST_FP_S_INT(99, 0x1, 0, 0x80000001, 0x0, flt.s a0, fa1, fa2)  /* flt(-0x1p-149, +0) = 1 */
        TEST_FP_S_INT(100, 0x1, 0, 0x7fffff, 0x800000, flt.s a0, fa1, fa2)  /* flt(0x1.fffffcp-127, 0x1p-126) = 1 */
        TEST_FP_S_INT(101, 0x0, FF_NV, 0x7fc00000, 0x3f800000, flt.s a0, fa1, fa2)  /* flt(qNaN, 1.0) = 0 */
        TEST_FP_S_INT(102, 0x0, FF_NV, 0x3f800000, 0x7fc00000, flt.s a0, fa1, fa2)  /* flt(1.0, qNaN) = 0 */
        TEST_FP_S_INT(103, 0x0, FF_NV, 0x7fc00000, 0x7fc00000, flt.s a0, fa1, fa2)  /* flt(qNaN, qNaN) = 0 */
        TEST_FP_S_INT(104, 0x0, FF_NV, 0xffc12345, 0xffc12345, flt.s a0, fa1, fa2)  /* flt(-qNaN(payload), -qNaN(payload)) = 0 */
        TEST_FP_S_INT(105, 0x0, FF_NV, 0x7f800001, 0x3f800000, flt.s a0, fa1, fa2)  /* flt(sNaN, 1.0) = 0 */
        TEST_FP_S_INT(106, 0x0, FF_NV, 0x3f800000, 0x7f805a5a, flt.s a0, fa1, fa2)  /* flt(1.0, sNaN(payload)) = 0 */
        TEST_FP_S_INT(107, 0x0, FF_NV, 0x7f800001, 0x7f800001, flt.s a0, fa1, fa2)  /* flt(sNaN, sNaN) = 0 */
        TEST_FP_S_INT(108, 0x0, FF_NV, 0x7f800000, 0x7fc00000, flt.s a0, fa1, fa2)  /* flt(+inf, qNaN) = 0 */

        /* ---- fle.s ---- */
        TEST_FP_S_INT(109, 0x1, 0, 0x3f800000, 0x3f800000, fle.s a0, fa1, fa2)  /* fle(1.0, 1.0) = 1 */
        TEST_FP_S_INT(110, 0x1, 0, 0x3f800000, 0x40000000, fle.s a0, fa1, fa2)  /* fle(1.0, 2.0) = 1 */
        TEST_FP_S_INT(111, 0x0, 0, 0x40000000, 0x3f800000, fle.s a0, fa1, fa2)  /* fle(2.0, 1.0) = 0 */
        TEST_FP_S_INT(112, 0x1, 0, 0x80000000, 0x0, fle.s a0, fa1, fa2)  /* fle(-0, +0) = 1 */
        TEST_FP_S_INT(113, 0x1, 0, 0x0, 0x80000000, fle.s a0, fa1, fa2)  /* fle(+0, -0) = 1 */
        TEST_FP_S_INT(114, 0x1, 0, 0xc0000000, 0xbf800000, fle.s a0, fa1, fa2)  /* fle(-2.0, -1.0) = 1 */
        TEST_FP_S_INT(115, 0x1, 0, 0xff800000, 0x7f800000, fle.s a0, fa1, fa2)  /* fle(-inf, +inf) = 1 */
        TEST_FP_S_INT(116, 0x1, 0, 0x7f800000, 0x7f800000, fle.s a0, fa1, fa2)  /* fle(+inf, +inf) = 1 */
        TEST_FP_S_INT(117, 0x1, 0, 0xff800000, 0xff7fffff, fle.s a0, fa1, fa2)  /* fle(-inf, -max) = 1 */
        TEST_FP_S_INT(118, 0x1, 0, 0x80000001, 0x0, fle.s a0, fa1, fa2)  /* fle(-0x1p-149, +0) = 1 */
        TEST_FP_S_INT(119, 0x1, 0, 0x7fffff, 0x800000, fle.s a0, fa1, fa2)  /* fle(0x1.fffffcp-127, 0x1p-126) = 1 */
        TEST_FP_S_INT(120, 0x0, FF_NV, 0x7fc00000, 0x3f800000, fle.s a0, fa1, fa2)  /* fle(qNaN, 1.0) = 0 */
        TEST_FP_S_INT(121, 0x0, FF_NV, 0x3f800000, 0x7fc00000, fle.s a0, fa1, fa2)  /* fle(1.0, qNaN) = 0 */
        TEST_FP_S_INT(122, 0x0, FF_NV, 0x7fc00000, 0x7fc00000, fle.s a0, fa1, fa2)  /* fle(qNaN, qNaN) = 0 */
        TEST_FP_S_INT(123, 0x0, FF_NV, 0xffc12345, 0xffc12345, fle.s a0, fa1, fa2)  /* fle(-qNaN(payload), -qNaN(payload)) = 0 */
        TEST_FP_S_INT(124, 0x0, FF_NV, 0x7f800001, 0x3f800000, fle.s a0, fa1, fa2)  /* fle(sNaN, 1.0) = 0 */
        TEST_FP_S_INT(125, 0x0, FF_NV, 0x3f800000, 0x7f805a5a, fle.s a0, fa1, fa2)  /* fle(1.0, sNaN(payload)) = 0 */
        TEST_FP_S_INT(126, 0x0, FF_NV, 0x7f800001, 0x7f800001, fle.s a0, fa1, fa2)  /* fle(sNaN, sNaN) = 0 */
        TEST_FP_S_INT(127, 0x0, FF_NV, 0x7f800000, 0x7fc00000, fle.s a0, fa1, fa2)  /* fle(+inf, qNaN) = 0 */

        /* ---- fclass.s ---- */
        TEST_FP_S_INT(128, 0x1, 0, 0xff800000, 0x0, fclass.s a0, fa1)  /* fclass(-inf) = 0x1 */
        TEST_FP_S_INT(129, 0x2, 0, 0xbf800000, 0x0, fclass.s a0, fa1)  /* fclass(-1.0) = 0x2 */
        TEST_FP_S_INT(130, 0x2, 0, 0xff7fffff, 0x0, fclass.s a0, fa1)  /* fclass(-max) = 0x2 */
        TEST_FP_S_INT(131, 0x2, 0, 0x80800000, 0x0, fclass.s a0, fa1)  /* fclass(-0x1p-126) = 0x2 */
        TEST_FP_S_INT(132, 0x4, 0, 0x807fffff, 0x0, fclass.s a0, fa1)  /* fclass(-0x1.fffffcp-127) = 0x4 */
        TEST_FP_S_INT(133, 0x4, 0, 0x80000001, 0x0, fclass.s a0, fa1)  /* fclass(-0x1p-149) = 0x4 */
        TEST_FP_S_INT(134, 0x8, 0, 0x80000000, 0x0, fclass.s a0, fa1)  /* fclass(-0) = 0x8 */
        TEST_FP_S_INT(135, 0x10, 0, 0x0, 0x0, fclass.s a0, fa1)  /* fclass(+0) = 0x10 */
        TEST_FP_S_INT(136, 0x20, 0, 0x1, 0x0, fclass.s a0, fa1)  /* fclass(0x1p-149) = 0x20 */
        TEST_FP_S_INT(137, 0x20, 0, 0x7fffff, 0x0, fclass.s a0, fa1)  /* fclass(0x1.fffffcp-127) = 0x20 */
        TEST_FP_S_INT(138, 0x40, 0, 0x800000, 0x0, fclass.s a0, fa1)  /* fclass(0x1p-126) = 0x40 */
        TEST_FP_S_INT(139, 0x40, 0, 0x3f800000, 0x0, fclass.s a0, fa1)  /* fclass(1.0) = 0x40 */
        TEST_FP_S_INT(140, 0x40, 0, 0x7f7fffff, 0x0, fclass.s a0, fa1)  /* fclass(max) = 0x40 */
        TEST_FP_S_INT(141, 0x80, 0, 0x7f800000, 0x0, fclass.s a0, fa1)  /* fclass(+inf) = 0x80 */
        TEST_FP_S_INT(142, 0x100, 0, 0x7f800001, 0x0, fclass.s a0, fa1)  /* fclass(sNaN) = 0x100 */
        TEST_FP_S_INT(143, 0x100, 0, 0x7f805a5a, 0x0, fclass.s a0, fa1)  /* fclass(sNaN(payload)) = 0x100 */
        TEST_FP_S_INT(144, 0x100, 0, 0xff805a5a, 0x0, fclass.s a0, fa1)  /* fclass(-sNaN(payload)) = 0x100 */
        TEST_FP_S_INT(145, 0x200, 0, 0x7fc00000, 0x0, fclass.s a0, fa1)  /* fclass(qNaN) = 0x200 */
        TEST_FP_S_INT(146, 0x200, 0, 0xffc12345, 0x0, fclass.s a0, fa1)  /* fclass(-qNaN(payload)) = 0x200 */

        TEST_END
