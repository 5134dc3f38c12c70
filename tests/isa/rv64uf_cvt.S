/* Single-precision conversions (unprivileged spec 11.7 / 12.5): FCVT.{W,WU,L,LU}.S with every rounding
 * mode, saturation (NaN -> largest positive, +-inf and out-of-range values -> the bound of the format,
 * NV without NX), NX on inexact, 32-bit results sign-extended (FCVT.WU too); FCVT.S.{W,WU,L,LU} (32-bit
 * sources read from the low half of rs1, rounding of wide integers); FMV between integer and FP
 * registers (bit patterns unchanged, FMV.X.W sign-extends, FMV.W.X NaN-boxes). */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        FP_INIT

        /* ---- fcvt.w.s ---- */
        TEST_FP_S_INT(2, 0x1, 0, 0x3f800000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(1.0), rne */
        TEST_FP_S_INT(3, 0xffffffffffffffff, 0, 0xbf800000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-1.0), rne */
        TEST_FP_S_INT(4, 0x0, 0, 0x0, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(+0), rne */
        TEST_FP_S_INT(5, 0x0, 0, 0x80000000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-0), rne */
        TEST_FP_S_INT(6, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(0.5), rne */
        TEST_FP_S_INT(7, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(0.5), rtz */
        TEST_FP_S_INT(8, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(0.5), rdn */
        TEST_FP_S_INT(9, 0x1, FF_NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(0.5), rup */
        TEST_FP_S_INT(10, 0x1, FF_NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(0.5), rmm */
        TEST_FP_S_INT(11, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 0; fcvt.w.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.s(0.5), dyn frm=rne */
        TEST_FP_S_INT(12, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 1; fcvt.w.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.s(0.5), dyn frm=rtz */
        TEST_FP_S_INT(13, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 2; fcvt.w.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.s(0.5), dyn frm=rdn */
        TEST_FP_S_INT(14, 0x1, FF_NX, 0x3f000000, 0x0, csrwi frm, 3; fcvt.w.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.s(0.5), dyn frm=rup */
        TEST_FP_S_INT(15, 0x1, FF_NX, 0x3f000000, 0x0, csrwi frm, 4; fcvt.w.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.s(0.5), dyn frm=rmm */
        TEST_FP_S_INT(16, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(1.5), rne */
        TEST_FP_S_INT(17, 0x1, FF_NX, 0x3fc00000, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(1.5), rtz */
        TEST_FP_S_INT(18, 0x1, FF_NX, 0x3fc00000, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(1.5), rdn */
        TEST_FP_S_INT(19, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(1.5), rup */
        TEST_FP_S_INT(20, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(1.5), rmm */
        TEST_FP_S_INT(21, 0x2, FF_NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(2.5), rne */
        TEST_FP_S_INT(22, 0x2, FF_NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(2.5), rtz */
        TEST_FP_S_INT(23, 0x2, FF_NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(2.5), rdn */
        TEST_FP_S_INT(24, 0x3, FF_NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(2.5), rup */
        TEST_FP_S_INT(25, 0x3, FF_NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(2.5), rmm */
        TEST_FP_S_INT(26, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-0.5), rne */
        TEST_FP_S_INT(27, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(-0.5), rtz */
        TEST_FP_S_INT(28, 0xffffffffffffffff, FF_NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(-0.5), rdn */
        TEST_FP_S_INT(29, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(-0.5), rup */
        TEST_FP_S_INT(30, 0xffffffffffffffff, FF_NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(-0.5), rmm */
        TEST_FP_S_INT(31, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-1.5), rne */
        TEST_FP_S_INT(32, 0xffffffffffffffff, FF_NX, 0xbfc00000, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(-1.5), rtz */
        TEST_FP_S_INT(33, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(-1.5), rdn */
        TEST_FP_S_INT(34, 0xffffffffffffffff, FF_NX, 0xbfc00000, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(-1.5), rup */
        TEST_FP_S_INT(35, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(-1.5), rmm */
        TEST_FP_S_INT(36, 0xfffffffffffffffe, FF_NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-2.5), rne */
        TEST_FP_S_INT(37, 0xfffffffffffffffe, FF_NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(-2.5), rtz */
        TEST_FP_S_INT(38, 0xfffffffffffffffd, FF_NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(-2.5), rdn */
        TEST_FP_S_INT(39, 0xfffffffffffffffe, FF_NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(-2.5), rup */
        TEST_FP_S_INT(40, 0xfffffffffffffffd, FF_NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(-2.5), rmm */
        TEST_FP_S_INT(41, 0x0, FF_NX, 0x1, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(0x1p-149), rne */
        TEST_FP_S_INT(42, 0x0, FF_NX, 0x1, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(0x1p-149), rtz */
        TEST_FP_S_INT(43, 0x0, FF_NX, 0x1, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(0x1p-149), rdn */
        TEST_FP_S_INT(44, 0x1, FF_NX, 0x1, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(0x1p-149), rup */
        TEST_FP_S_INT(45, 0x0, FF_NX, 0x1, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(0x1p-149), rmm */
        TEST_FP_S_INT(46, 0x0, FF_NX, 0x80000001, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-0x1p-149), rne */
        TEST_FP_S_INT(47, 0x0, FF_NX, 0x80000001, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(-0x1p-149), rtz */
        TEST_FP_S_INT(48, 0xffffffffffffffff, FF_NX, 0x80000001, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(-0x1p-149), rdn */
        TEST_FP_S_INT(49, 0x0, FF_NX, 0x80000001, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(-0x1p-149), rup */
        TEST_FP_S_INT(50, 0x0, FF_NX, 0x80000001, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(-0x1p-149), rmm */
        TEST_FP_S_INT(51, 0x7fffffff, FF_NV, 0x7f800000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(+inf), rne */
        TEST_FP_S_INT(52, 0xffffffff80000000, FF_NV, 0xff800000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-inf), rne */
        TEST_FP_S_INT(53, 0x7fffffff, FF_NV, 0x7fc00000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(qNaN), rne */
        TEST_FP_S_INT(54, 0x7fffffff, FF_NV, 0xffc12345, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-qNaN(payload)), rne */
        TEST_FP_S_INT(55, 0x7fffffff, FF_NV, 0x7f800001, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(sNaN), rne */
        TEST_FP_S_INT(56, 0x7fffffff, FF_NV, 0x7f7fffff, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(max), rne */
        TEST_FP_S_INT(57, 0xffffffff80000000, FF_NV, 0xff7fffff, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-max), rne */
        TEST_FP_S_INT(58, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(0x1.fffffep+30), rne */
        TEST_FP_S_INT(59, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(0x1.fffffep+30), rtz */
        TEST_FP_S_INT(60, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(0x1.fffffep+30), rdn */
        TEST_FP_S_INT(61, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(0x1.fffffep+30), rup */
        TEST_FP_S_INT(62, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(0x1.fffffep+30), rmm */
        TEST_FP_S_INT(63, 0x7fffffff, FF_NV, 0x4f000000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(0x1p+31), rne */
        TEST_FP_S_INT(64, 0x7fffffff, FF_NV, 0x4f800000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(0x1p+32), rne */
        TEST_FP_S_INT(65, 0xffffffff80000000, 0, 0xcf000000, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-0x1p+31), rne */
        TEST_FP_S_INT(66, 0xffffffff80000000, FF_NV, 0xcf000001, 0x0, fcvt.w.s a0, fa1, rne)  /* fcvt.w.s(-0x1.000002p+31), rne */
        TEST_FP_S_INT(67, 0xffffffff80000000, FF_NV, 0xcf000001, 0x0, fcvt.w.s a0, fa1, rtz)  /* fcvt.w.s(-0x1.000002p+31), rtz */
        TEST_FP_S_INT(68, 0xffffffff80000000, FF_NV, 0xcf000001, 0x0, fcvt.w.s a0, fa1, rdn)  /* fcvt.w.s(-0x1.000002p+31), rdn */
        TEST_FP_S_INT(69, 0xffffffff80000000, FF_NV, 0xcf000001, 0x0, fcvt.w.s a0, fa1, rup)  /* fcvt.w.s(-0x1.000002p+31), rup */
        TEST_FP_S_INT(70, 0xffffffff80000000, FF_NV, 0xcf000001, 0x0, fcvt.w.s a0, fa1, rmm)  /* fcvt.w.s(-0x1.000002p+31), rmm */

        /* ---- fcvt.wu.s ---- */
        TEST_FP_S_INT(71, 0x1, 0, 0x3f800000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(1.0), rne */
        TEST_FP_S_INT(72, 0x0, FF_NV, 0xbf800000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-1.0), rne */
        TEST_FP_S_INT(73, 0x0, 0, 0x0, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(+0), rne */
        TEST_FP_S_INT(74, 0x0, 0, 0x80000000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-0), rne */
        TEST_FP_S_INT(75, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(0.5), rne */
        TEST_FP_S_INT(76, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(0.5), rtz */
        TEST_FP_S_INT(77, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(0.5), rdn */
        TEST_FP_S_INT(78, 0x1, FF_NX, 0x3f000000, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(0.5), rup */
        TEST_FP_S_INT(79, 0x1, FF_NX, 0x3f000000, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(0.5), rmm */
        TEST_FP_S_INT(80, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 0; fcvt.wu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.s(0.5), dyn frm=rne */
        TEST_FP_S_INT(81, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 1; fcvt.wu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.s(0.5), dyn frm=rtz */
        TEST_FP_S_INT(82, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 2; fcvt.wu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.s(0.5), dyn frm=rdn */
        TEST_FP_S_INT(83, 0x1, FF_NX, 0x3f000000, 0x0, csrwi frm, 3; fcvt.wu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.s(0.5), dyn frm=rup */
        TEST_FP_S_INT(84, 0x1, FF_NX, 0x3f000000, 0x0, csrwi frm, 4; fcvt.wu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.s(0.5), dyn frm=rmm */
        TEST_FP_S_INT(85, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(1.5), rne */
        TEST_FP_S_INT(86, 0x1, FF_NX, 0x3fc00000, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(1.5), rtz */
        TEST_FP_S_INT(87, 0x1, FF_NX, 0x3fc00000, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(1.5), rdn */
        TEST_FP_S_INT(88, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(1.5), rup */
        TEST_FP_S_INT(89, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(1.5), rmm */
        TEST_FP_S_INT(90, 0x2, FF_NX, 0x40200000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(2.5), rne */
        TEST_FP_S_INT(91, 0x2, FF_NX, 0x40200000, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(2.5), rtz */
        TEST_FP_S_INT(92, 0x2, FF_NX, 0x40200000, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(2.5), rdn */
        TEST_FP_S_INT(93, 0x3, FF_NX, 0x40200000, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(2.5), rup */
        TEST_FP_S_INT(94, 0x3, FF_NX, 0x40200000, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(2.5), rmm */
        TEST_FP_S_INT(95, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-0.5), rne */
        TEST_FP_S_INT(96, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(-0.5), rtz */
        TEST_FP_S_INT(97, 0x0, FF_NV, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(-0.5), rdn */
        TEST_FP_S_INT(98, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(-0.5), rup */
        TEST_FP_S_INT(99, 0x0, FF_NV, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(-0.5), rmm */
        TEST_FP_S_INT(100, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-1.5), rne */
        TEST_FP_S_INT(101, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(-1.5), rtz */
        TEST_FP_S_INT(102, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(-1.5), rdn */
        TEST_FP_S_INT(103, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(-1.5), rup */
        TEST_FP_S_INT(104, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(-1.5), rmm */
        TEST_FP_S_INT(105, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-2.5), rne */
        TEST_FP_S_INT(106, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(-2.5), rtz */
        TEST_FP_S_INT(107, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(-2.5), rdn */
        TEST_FP_S_INT(108, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(-2.5), rup */
        TEST_FP_S_INT(109, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(-2.5), rmm */
        TEST_FP_S_INT(110, 0x0, FF_NX, 0x1, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(0x1p-149), rne */
        TEST_FP_S_INT(111, 0x0, FF_NX, 0x1, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(0x1p-149), rtz */
        TEST_FP_S_INT(112, 0x0, FF_NX, 0x1, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(0x1p-149), rdn */
        TEST_FP_S_INT(113, 0x1, FF_NX, 0x1, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(0x1p-149), rup */
        TEST_FP_S_INT(114, 0x0, FF_NX, 0x1, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(0x1p-149), rmm */
        TEST_FP_S_INT(115, 0x0, FF_NX, 0x80000001, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-0x1p-149), rne */
        TEST_FP_S_INT(116, 0x0, FF_NX, 0x80000001, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(-0x1p-149), rtz */
        TEST_FP_S_INT(117, 0x0, FF_NV, 0x80000001, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(-0x1p-149), rdn */
        TEST_FP_S_INT(118, 0x0, FF_NX, 0x80000001, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(-0x1p-149), rup */
        TEST_FP_S_INT(119, 0x0, FF_NX, 0x80000001, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(-0x1p-149), rmm */
        TEST_FP_S_INT(120, 0xffffffffffffffff, FF_NV, 0x7f800000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(+inf), rne */
        TEST_FP_S_INT(121, 0x0, FF_NV, 0xff800000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-inf), rne */
        TEST_FP_S_INT(122, 0xffffffffffffffff, FF_NV, 0x7fc00000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(qNaN), rne */
        TEST_FP_S_INT(123, 0xffffffffffffffff, FF_NV, 0xffc12345, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-qNaN(payload)), rne */
        TEST_FP_S_INT(124, 0xffffffffffffffff, FF_NV, 0x7f800001, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(sNaN), rne */
        TEST_FP_S_INT(125, 0xffffffffffffffff, FF_NV, 0x7f7fffff, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(max), rne */
        TEST_FP_S_INT(126, 0x0, FF_NV, 0xff7fffff, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-max), rne */
        TEST_FP_S_INT(127, 0xffffffffffffff00, 0, 0x4f7fffff, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(0x1.fffffep+31), rne */
        TEST_FP_S_INT(128, 0xffffffffffffff00, 0, 0x4f7fffff, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(0x1.fffffep+31), rtz */
        TEST_FP_S_INT(129, 0xffffffffffffff00, 0, 0x4f7fffff, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(0x1.fffffep+31), rdn */
        TEST_FP_S_INT(130, 0xffffffffffffff00, 0, 0x4f7fffff, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(0x1.fffffep+31), rup */
        TEST_FP_S_INT(131, 0xffffffffffffff00, 0, 0x4f7fffff, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(0x1.fffffep+31), rmm */
        TEST_FP_S_INT(132, 0xffffffffffffffff, FF_NV, 0x4f800000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(0x1p+32), rne */
        TEST_FP_S_INT(133, 0xffffffffffffffff, FF_NV, 0x50000000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(0x1p+33), rne */
        TEST_FP_S_INT(134, 0x0, FF_NV, 0xbf400000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-0.75), rne */
        TEST_FP_S_INT(135, 0x0, FF_NX, 0xbf400000, 0x0, fcvt.wu.s a0, fa1, rtz)  /* fcvt.wu.s(-0.75), rtz */
        TEST_FP_S_INT(136, 0x0, FF_NV, 0xbf400000, 0x0, fcvt.wu.s a0, fa1, rdn)  /* fcvt.wu.s(-0.75), rdn */
        TEST_FP_S_INT(137, 0x0, FF_NX, 0xbf400000, 0x0, fcvt.wu.s a0, fa1, rup)  /* fcvt.wu.s(-0.75), rup */
        TEST_FP_S_INT(138, 0x0, FF_NV, 0xbf400000, 0x0, fcvt.wu.s a0, fa1, rmm)  /* fcvt.wu.s(-0.75), rmm */
        TEST_FP_S_INT(139, 0x0, FF_NV, 0xbf800000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-1.0), rne */
        TEST_FP_S_INT(140, 0x0, FF_NV, 0xd3800000, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(-0x1p+40), rne */
        TEST_FP_S_INT(141, 0xffffffffb2d05e00, 0, 0x4f32d05e, 0x0, fcvt.wu.s a0, fa1, rne)  /* fcvt.wu.s(0x1.65a0bcp+31), rne */

        /* ---- fcvt.l.s ---- */
        TEST_FP_S_INT(142, 0x1, 0, 0x3f800000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(1.0), rne */
        TEST_FP_S_INT(143, 0xffffffffffffffff, 0, 0xbf800000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-1.0), rne */
        TEST_FP_S_INT(144, 0x0, 0, 0x0, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(+0), rne */
        TEST_FP_S_INT(145, 0x0, 0, 0x80000000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-0), rne */
        TEST_FP_S_INT(146, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(0.5), rne */
        TEST_FP_S_INT(147, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(0.5), rtz */
        TEST_FP_S_INT(148, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(0.5), rdn */
        TEST_FP_S_INT(149, 0x1, FF_NX, 0x3f000000, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(0.5), rup */
        TEST_FP_S_INT(150, 0x1, FF_NX, 0x3f000000, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(0.5), rmm */
        TEST_FP_S_INT(151, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 0; fcvt.l.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.s(0.5), dyn frm=rne */
        TEST_FP_S_INT(152, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 1; fcvt.l.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.s(0.5), dyn frm=rtz */
        TEST_FP_S_INT(153, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 2; fcvt.l.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.s(0.5), dyn frm=rdn */
        TEST_FP_S_INT(154, 0x1, FF_NX, 0x3f000000, 0x0, csrwi frm, 3; fcvt.l.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.s(0.5), dyn frm=rup */
        TEST_FP_S_INT(155, 0x1, FF_NX, 0x3f000000, 0x0, csrwi frm, 4; fcvt.l.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.s(0.5), dyn frm=rmm */
        TEST_FP_S_INT(156, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(1.5), rne */
        TEST_FP_S_INT(157, 0x1, FF_NX, 0x3fc00000, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(1.5), rtz */
        TEST_FP_S_INT(158, 0x1, FF_NX, 0x3fc00000, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(1.5), rdn */
        TEST_FP_S_INT(159, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(1.5), rup */
        TEST_FP_S_INT(160, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(1.5), rmm */
        TEST_FP_S_INT(161, 0x2, FF_NX, 0x40200000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(2.5), rne */
        TEST_FP_S_INT(162, 0x2, FF_NX, 0x40200000, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(2.5), rtz */
        TEST_FP_S_INT(163, 0x2, FF_NX, 0x40200000, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(2.5), rdn */
        TEST_FP_S_INT(164, 0x3, FF_NX, 0x40200000, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(2.5), rup */
        TEST_FP_S_INT(165, 0x3, FF_NX, 0x40200000, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(2.5), rmm */
        TEST_FP_S_INT(166, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-0.5), rne */
        TEST_FP_S_INT(167, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(-0.5), rtz */
        TEST_FP_S_INT(168, 0xffffffffffffffff, FF_NX, 0xbf000000, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(-0.5), rdn */
        TEST_FP_S_INT(169, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(-0.5), rup */
        TEST_FP_S_INT(170, 0xffffffffffffffff, FF_NX, 0xbf000000, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(-0.5), rmm */
        TEST_FP_S_INT(171, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-1.5), rne */
        TEST_FP_S_INT(172, 0xffffffffffffffff, FF_NX, 0xbfc00000, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(-1.5), rtz */
        TEST_FP_S_INT(173, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(-1.5), rdn */
        TEST_FP_S_INT(174, 0xffffffffffffffff, FF_NX, 0xbfc00000, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(-1.5), rup */
        TEST_FP_S_INT(175, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(-1.5), rmm */
        TEST_FP_S_INT(176, 0xfffffffffffffffe, FF_NX, 0xc0200000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-2.5), rne */
        TEST_FP_S_INT(177, 0xfffffffffffffffe, FF_NX, 0xc0200000, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(-2.5), rtz */
        TEST_FP_S_INT(178, 0xfffffffffffffffd, FF_NX, 0xc0200000, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(-2.5), rdn */
        TEST_FP_S_INT(179, 0xfffffffffffffffe, FF_NX, 0xc0200000, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(-2.5), rup */
        TEST_FP_S_INT(180, 0xfffffffffffffffd, FF_NX, 0xc0200000, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(-2.5), rmm */
        TEST_FP_S_INT(181, 0x0, FF_NX, 0x1, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(0x1p-149), rne */
        TEST_FP_S_INT(182, 0x0, FF_NX, 0x1, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(0x1p-149), rtz */
        TEST_FP_S_INT(183, 0x0, FF_NX, 0x1, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(0x1p-149), rdn */
        TEST_FP_S_INT(184, 0x1, FF_NX, 0x1, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(0x1p-149), rup */
        TEST_FP_S_INT(185, 0x0, FF_NX, 0x1, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(0x1p-149), rmm */
        TEST_FP_S_INT(186, 0x0, FF_NX, 0x80000001, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-0x1p-149), rne */
        TEST_FP_S_INT(187, 0x0, FF_NX, 0x80000001, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(-0x1p-149), rtz */
        TEST_FP_S_INT(188, 0xffffffffffffffff, FF_NX, 0x80000001, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(-0x1p-149), rdn */
        TEST_FP_S_INT(189, 0x0, FF_NX, 0x80000001, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(-0x1p-149), rup */
        TEST_FP_S_INT(190, 0x0, FF_NX, 0x80000001, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(-0x1p-149), rmm */
        TEST_FP_S_INT(191, 0x7fffffffffffffff, FF_NV, 0x7f800000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(+inf), rne */
        TEST_FP_S_INT(192, 0x8000000000000000, FF_NV, 0xff800000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-inf), rne */
        TEST_FP_S_INT(193, 0x7fffffffffffffff, FF_NV, 0x7fc00000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(qNaN), rne */
        TEST_FP_S_INT(194, 0x7fffffffffffffff, FF_NV, 0xffc12345, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-qNaN(payload)), rne */
        TEST_FP_S_INT(195, 0x7fffffffffffffff, FF_NV, 0x7f800001, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(sNaN), rne */
        TEST_FP_S_INT(196, 0x7fffffffffffffff, FF_NV, 0x7f7fffff, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(max), rne */
        TEST_FP_S_INT(197, 0x8000000000000000, FF_NV, 0xff7fffff, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-max), rne */
        TEST_FP_S_INT(198, 0x7fffff8000000000, 0, 0x5effffff, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(0x1.fffffep+62), rne */
        TEST_FP_S_INT(199, 0x7fffff8000000000, 0, 0x5effffff, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(0x1.fffffep+62), rtz */
        TEST_FP_S_INT(200, 0x7fffff8000000000, 0, 0x5effffff, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(0x1.fffffep+62), rdn */
        TEST_FP_S_INT(201, 0x7fffff8000000000, 0, 0x5effffff, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(0x1.fffffep+62), rup */
        TEST_FP_S_INT(202, 0x7fffff8000000000, 0, 0x5effffff, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(0x1.fffffep+62), rmm */
        TEST_FP_S_INT(203, 0x7fffffffffffffff, FF_NV, 0x5f000000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(0x1p+63), rne */
        TEST_FP_S_INT(204, 0x7fffffffffffffff, FF_NV, 0x5f800000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(0x1p+64), rne */
        TEST_FP_S_INT(205, 0x8000000000000000, 0, 0xdf000000, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-0x1p+63), rne */
        TEST_FP_S_INT(206, 0x8000000000000000, FF_NV, 0xdf000001, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(-0x1.000002p+63), rne */
        TEST_FP_S_INT(207, 0x8000000000000000, FF_NV, 0xdf000001, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(-0x1.000002p+63), rtz */
        TEST_FP_S_INT(208, 0x8000000000000000, FF_NV, 0xdf000001, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(-0x1.000002p+63), rdn */
        TEST_FP_S_INT(209, 0x8000000000000000, FF_NV, 0xdf000001, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(-0x1.000002p+63), rup */
        TEST_FP_S_INT(210, 0x8000000000000000, FF_NV, 0xdf000001, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(-0x1.000002p+63), rmm */
        TEST_FP_S_INT(211, 0x10000020000, 0, 0x53800001, 0x0, fcvt.l.s a0, fa1, rne)  /* fcvt.l.s(0x1.000002p+40), rne */
        TEST_FP_S_INT(212, 0x10000020000, 0, 0x53800001, 0x0, fcvt.l.s a0, fa1, rtz)  /* fcvt.l.s(0x1.000002p+40), rtz */
        TEST_FP_S_INT(213, 0x10000020000, 0, 0x53800001, 0x0, fcvt.l.s a0, fa1, rdn)  /* fcvt.l.s(0x1.000002p+40), rdn */
        TEST_FP_S_INT(214, 0x10000020000, 0, 0x53800001, 0x0, fcvt.l.s a0, fa1, rup)  /* fcvt.l.s(0x1.000002p+40), rup */
        TEST_FP_S_INT(215, 0x10000020000, 0, 0x53800001, 0x0, fcvt.l.s a0, fa1, rmm)  /* fcvt.l.s(0x1.000002p+40), rmm */

        /* ---- fcvt.lu.s ---- */
        TEST_FP_S_INT(216, 0x1, 0, 0x3f800000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(1.0), rne */
        TEST_FP_S_INT(217, 0x0, FF_NV, 0xbf800000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-1.0), rne */
        TEST_FP_S_INT(218, 0x0, 0, 0x0, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(+0), rne */
        TEST_FP_S_INT(219, 0x0, 0, 0x80000000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-0), rne */
        TEST_FP_S_INT(220, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(0.5), rne */
        TEST_FP_S_INT(221, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(0.5), rtz */
        TEST_FP_S_INT(222, 0x0, FF_NX, 0x3f000000, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(0.5), rdn */
        TEST_FP_S_INT(223, 0x1, FF_NX, 0x3f000000, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(0.5), rup */
        TEST_FP_S_INT(224, 0x1, FF_NX, 0x3f000000, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(0.5), rmm */
        TEST_FP_S_INT(225, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 0; fcvt.lu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.s(0.5), dyn frm=rne */
        TEST_FP_S_INT(226, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 1; fcvt.lu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.s(0.5), dyn frm=rtz */
        TEST_FP_S_INT(227, 0x0, FF_NX, 0x3f000000, 0x0, csrwi frm, 2; fcvt.lu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.s(0.5), dyn frm=rdn */
        TEST_FP_S_INT(228, 0x1, FF_NX, 0x3f000000, 0x0, csrwi frm, 3; fcvt.lu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.s(0.5), dyn frm=rup */
        TEST_FP_S_INT(229, 0x1, FF_NX, 0x3f000000, 0x0, csrwi frm, 4; fcvt.lu.s a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.s(0.5), dyn frm=rmm */
        TEST_FP_S_INT(230, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(1.5), rne */
        TEST_FP_S_INT(231, 0x1, FF_NX, 0x3fc00000, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(1.5), rtz */
        TEST_FP_S_INT(232, 0x1, FF_NX, 0x3fc00000, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(1.5), rdn */
        TEST_FP_S_INT(233, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(1.5), rup */
        TEST_FP_S_INT(234, 0x2, FF_NX, 0x3fc00000, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(1.5), rmm */
        TEST_FP_S_INT(235, 0x2, FF_NX, 0x40200000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(2.5), rne */
        TEST_FP_S_INT(236, 0x2, FF_NX, 0x40200000, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(2.5), rtz */
        TEST_FP_S_INT(237, 0x2, FF_NX, 0x40200000, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(2.5), rdn */
        TEST_FP_S_INT(238, 0x3, FF_NX, 0x40200000, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(2.5), rup */
        TEST_FP_S_INT(239, 0x3, FF_NX, 0x40200000, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(2.5), rmm */
        TEST_FP_S_INT(240, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-0.5), rne */
        TEST_FP_S_INT(241, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(-0.5), rtz */
        TEST_FP_S_INT(242, 0x0, FF_NV, 0xbf000000, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(-0.5), rdn */
        TEST_FP_S_INT(243, 0x0, FF_NX, 0xbf000000, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(-0.5), rup */
        TEST_FP_S_INT(244, 0x0, FF_NV, 0xbf000000, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(-0.5), rmm */
        TEST_FP_S_INT(245, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-1.5), rne */
        TEST_FP_S_INT(246, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(-1.5), rtz */
        TEST_FP_S_INT(247, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(-1.5), rdn */
        TEST_FP_S_INT(248, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(-1.5), rup */
        TEST_FP_S_INT(249, 0x0, FF_NV, 0xbfc00000, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(-1.5), rmm */
        TEST_FP_S_INT(250, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-2.5), rne */
        TEST_FP_S_INT(251, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(-2.5), rtz */
        TEST_FP_S_INT(252, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(-2.5), rdn */
        TEST_FP_S_INT(253, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(-2.5), rup */
        TEST_FP_S_INT(254, 0x0, FF_NV, 0xc0200000, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(-2.5), rmm */
        TEST_FP_S_INT(255, 0x0, FF_NX, 0x1, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(0x1p-149), rne */
        TEST_FP_S_INT(256, 0x0, FF_NX, 0x1, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(0x1p-149), rtz */
        TEST_FP_S_INT(257, 0x0, FF_NX, 0x1, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(0x1p-149), rdn */
        TEST_FP_S_INT(258, 0x1, FF_NX, 0x1, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(0x1p-149), rup */
        TEST_FP_S_INT(259, 0x0, FF_NX, 0x1, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(0x1p-149), rmm */
        TEST_FP_S_INT(260, 0x0, FF_NX, 0x80000001, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-0x1p-149), rne */
        TEST_FP_S_INT(261, 0x0, FF_NX, 0x80000001, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(-0x1p-149), rtz */
        TEST_FP_S_INT(262, 0x0, FF_NV, 0x80000001, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(-0x1p-149), rdn */
        TEST_FP_S_INT(263, 0x0, FF_NX, 0x80000001, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(-0x1p-149), rup */
        TEST_FP_S_INT(264, 0x0, FF_NX, 0x80000001, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(-0x1p-149), rmm */
        TEST_FP_S_INT(265, 0xffffffffffffffff, FF_NV, 0x7f800000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(+inf), rne */
        TEST_FP_S_INT(266, 0x0, FF_NV, 0xff800000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-inf), rne */
        TEST_FP_S_INT(267, 0xffffffffffffffff, FF_NV, 0x7fc00000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(qNaN), rne */
        TEST_FP_S_INT(268, 0xffffffffffffffff, FF_NV, 0xffc12345, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-qNaN(payload)), rne */
        TEST_FP_S_INT(269, 0xffffffffffffffff, FF_NV, 0x7f800001, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(sNaN), rne */
        TEST_FP_S_INT(270, 0xffffffffffffffff, FF_NV, 0x7f7fffff, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(max), rne */
        TEST_FP_S_INT(271, 0x0, FF_NV, 0xff7fffff, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-max), rne */
        TEST_FP_S_INT(272, 0xffffff0000000000, 0, 0x5f7fffff, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(0x1.fffffep+63), rne */
        TEST_FP_S_INT(273, 0xffffff0000000000, 0, 0x5f7fffff, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(0x1.fffffep+63), rtz */
        TEST_FP_S_INT(274, 0xffffff0000000000, 0, 0x5f7fffff, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(0x1.fffffep+63), rdn */
        TEST_FP_S_INT(275, 0xffffff0000000000, 0, 0x5f7fffff, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(0x1.fffffep+63), rup */
        TEST_FP_S_INT(276, 0xffffff0000000000, 0, 0x5f7fffff, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(0x1.fffffep+63), rmm */
        TEST_FP_S_INT(277, 0xffffffffffffffff, FF_NV, 0x5f800000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(0x1p+64), rne */
        TEST_FP_S_INT(278, 0xffffffffffffffff, FF_NV, 0x60000000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(0x1p+65), rne */
        TEST_FP_S_INT(279, 0x0, FF_NV, 0xbf400000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-0.75), rne */
        TEST_FP_S_INT(280, 0x0, FF_NX, 0xbf400000, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(-0.75), rtz */
        TEST_FP_S_INT(281, 0x0, FF_NV, 0xbf400000, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(-0.75), rdn */
        TEST_FP_S_INT(282, 0x0, FF_NX, 0xbf400000, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(-0.75), rup */
        TEST_FP_S_INT(283, 0x0, FF_NV, 0xbf400000, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(-0.75), rmm */
        TEST_FP_S_INT(284, 0x0, FF_NV, 0xbf800000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-1.0), rne */
        TEST_FP_S_INT(285, 0x0, FF_NV, 0xd3800000, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(-0x1p+40), rne */
        TEST_FP_S_INT(286, 0x10000020000, 0, 0x53800001, 0x0, fcvt.lu.s a0, fa1, rne)  /* fcvt.lu.s(0x1.000002p+40), rne */
        TEST_FP_S_INT(287, 0x10000020000, 0, 0x53800001, 0x0, fcvt.lu.s a0, fa1, rtz)  /* fcvt.lu.s(0x1.000002p+40), rtz */
        TEST_FP_S_INT(288, 0x10000020000, 0, 0x53800001, 0x0, fcvt.lu.s a0, fa1, rdn)  /* fcvt.lu.s(0x1.000002p+40), rdn */
        TEST_FP_S_INT(289, 0x10000020000, 0, 0x53800001, 0x0, fcvt.lu.s a0, fa1, rup)  /* fcvt.lu.s(0x1.000002p+40), rup */
        TEST_FP_S_INT(290, 0x10000020000, 0, 0x53800001, 0x0, fcvt.lu.s a0, fa1, rmm)  /* fcvt.lu.s(0x1.000002p+40), rmm */

        /* ---- fcvt.s.w ---- */
        TEST_INT_S(291, 0x0, 0, 0x0, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x0), rne -> +0 */
        TEST_INT_S(292, 0x3f800000, 0, 0x1, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x1), rne -> 1.0 */
        TEST_INT_S(293, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x-1), rne -> -1.0 */
        TEST_INT_S(294, 0x40e00000, 0, 0x7, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x7), rne -> 7.0 */
        TEST_INT_S(295, 0x4f000000, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x7fffffff), rne -> 0x1p+31 */
        TEST_INT_S(296, 0x4effffff, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rtz)  /* fcvt.s.w(0x7fffffff), rtz -> 0x1.fffffep+30 */
        TEST_INT_S(297, 0x4effffff, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rdn)  /* fcvt.s.w(0x7fffffff), rdn -> 0x1.fffffep+30 */
        TEST_INT_S(298, 0x4f000000, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rup)  /* fcvt.s.w(0x7fffffff), rup -> 0x1p+31 */
        TEST_INT_S(299, 0x4f000000, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rmm)  /* fcvt.s.w(0x7fffffff), rmm -> 0x1p+31 */
        TEST_INT_S(300, 0xcf000000, 0, 0x80000000, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x80000000), rne -> -0x1p+31 */
        TEST_INT_S(301, 0xbf800000, 0, 0xffffffff, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0xffffffff), rne -> -1.0 */
        TEST_INT_S(302, 0xbf800000, 0, 0xffffffff, fcvt.s.w fa0, a1, rtz)  /* fcvt.s.w(0xffffffff), rtz -> -1.0 */
        TEST_INT_S(303, 0xbf800000, 0, 0xffffffff, fcvt.s.w fa0, a1, rdn)  /* fcvt.s.w(0xffffffff), rdn -> -1.0 */
        TEST_INT_S(304, 0xbf800000, 0, 0xffffffff, fcvt.s.w fa0, a1, rup)  /* fcvt.s.w(0xffffffff), rup -> -1.0 */
        TEST_INT_S(305, 0xbf800000, 0, 0xffffffff, fcvt.s.w fa0, a1, rmm)  /* fcvt.s.w(0xffffffff), rmm -> -1.0 */
        TEST_INT_S(306, 0x40400000, 0, 0xffffffff00000003, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0xffffffff00000003), rne -> 3.0 */
        TEST_INT_S(307, 0xc0000000, 0, 0x1fffffffe, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x1fffffffe), rne -> -2.0 */
        TEST_INT_S(308, 0x4e0d159e, FF_NX, 0x123456789, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x123456789), rne -> 0x1.1a2b3cp+29 */
        TEST_INT_S(309, 0x4b800000, FF_NX, 0x1000001, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x1000001), rne -> 16777216.0 */
        TEST_INT_S(310, 0x4b800000, FF_NX, 0x1000001, fcvt.s.w fa0, a1, rtz)  /* fcvt.s.w(0x1000001), rtz -> 16777216.0 */
        TEST_INT_S(311, 0x4b800000, FF_NX, 0x1000001, fcvt.s.w fa0, a1, rdn)  /* fcvt.s.w(0x1000001), rdn -> 16777216.0 */
        TEST_INT_S(312, 0x4b800001, FF_NX, 0x1000001, fcvt.s.w fa0, a1, rup)  /* fcvt.s.w(0x1000001), rup -> 16777218.0 */
        TEST_INT_S(313, 0x4b800001, FF_NX, 0x1000001, fcvt.s.w fa0, a1, rmm)  /* fcvt.s.w(0x1000001), rmm -> 16777218.0 */
        TEST_INT_S(314, 0x4b800000, FF_NX, 0x1000001, csrwi frm, 0; fcvt.s.w fa0, a1, dyn; csrwi frm, 0)  /* fcvt.s.w(0x1000001), dyn frm=rne -> 16777216.0 */
        TEST_INT_S(315, 0x4b800000, FF_NX, 0x1000001, csrwi frm, 1; fcvt.s.w fa0, a1, dyn; csrwi frm, 0)  /* fcvt.s.w(0x1000001), dyn frm=rtz -> 16777216.0 */
        TEST_INT_S(316, 0x4b800000, FF_NX, 0x1000001, csrwi frm, 2; fcvt.s.w fa0, a1, dyn; csrwi frm, 0)  /* fcvt.s.w(0x1000001), dyn frm=rdn -> 16777216.0 */
        TEST_INT_S(317, 0x4b800001, FF_NX, 0x1000001, csrwi frm, 3; fcvt.s.w fa0, a1, dyn; csrwi frm, 0)  /* fcvt.s.w(0x1000001), dyn frm=rup -> 16777218.0 */
        TEST_INT_S(318, 0x4b800001, FF_NX, 0x1000001, csrwi frm, 4; fcvt.s.w fa0, a1, dyn; csrwi frm, 0)  /* fcvt.s.w(0x1000001), dyn frm=rmm -> 16777218.0 */
        TEST_INT_S(319, 0xcb800000, FF_NX, 0xfffffffffeffffff, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0xfffffffffeffffff), rne -> -0x1p+24 */
        TEST_INT_S(320, 0xcb800000, FF_NX, 0xfffffffffeffffff, fcvt.s.w fa0, a1, rtz)  /* fcvt.s.w(0xfffffffffeffffff), rtz -> -0x1p+24 */
        TEST_INT_S(321, 0xcb800001, FF_NX, 0xfffffffffeffffff, fcvt.s.w fa0, a1, rdn)  /* fcvt.s.w(0xfffffffffeffffff), rdn -> -0x1.000002p+24 */
        TEST_INT_S(322, 0xcb800000, FF_NX, 0xfffffffffeffffff, fcvt.s.w fa0, a1, rup)  /* fcvt.s.w(0xfffffffffeffffff), rup -> -0x1p+24 */
        TEST_INT_S(323, 0xcb800001, FF_NX, 0xfffffffffeffffff, fcvt.s.w fa0, a1, rmm)  /* fcvt.s.w(0xfffffffffeffffff), rmm -> -0x1.000002p+24 */
        TEST_INT_S(324, 0x4b800002, FF_NX, 0x1000003, fcvt.s.w fa0, a1, rne)  /* fcvt.s.w(0x1000003), rne -> 16777220.0 */

        /* ---- fcvt.s.wu ---- */
        TEST_INT_S(325, 0x0, 0, 0x0, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x0), rne -> +0 */
        TEST_INT_S(326, 0x3f800000, 0, 0x1, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x1), rne -> 1.0 */
        TEST_INT_S(327, 0x4f800000, FF_NX, 0xffffffffffffffff, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x-1), rne -> 0x1p+32 */
        TEST_INT_S(328, 0x40e00000, 0, 0x7, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x7), rne -> 7.0 */
        TEST_INT_S(329, 0x4f000000, FF_NX, 0x7fffffff, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x7fffffff), rne -> 0x1p+31 */
        TEST_INT_S(330, 0x4effffff, FF_NX, 0x7fffffff, fcvt.s.wu fa0, a1, rtz)  /* fcvt.s.wu(0x7fffffff), rtz -> 0x1.fffffep+30 */
        TEST_INT_S(331, 0x4effffff, FF_NX, 0x7fffffff, fcvt.s.wu fa0, a1, rdn)  /* fcvt.s.wu(0x7fffffff), rdn -> 0x1.fffffep+30 */
        TEST_INT_S(332, 0x4f000000, FF_NX, 0x7fffffff, fcvt.s.wu fa0, a1, rup)  /* fcvt.s.wu(0x7fffffff), rup -> 0x1p+31 */
        TEST_INT_S(333, 0x4f000000, FF_NX, 0x7fffffff, fcvt.s.wu fa0, a1, rmm)  /* fcvt.s.wu(0x7fffffff), rmm -> 0x1p+31 */
        TEST_INT_S(334, 0x4f000000, 0, 0x80000000, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x80000000), rne -> 0x1p+31 */
        TEST_INT_S(335, 0x4f800000, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0xffffffff), rne -> 0x1p+32 */
        TEST_INT_S(336, 0x4f7fffff, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rtz)  /* fcvt.s.wu(0xffffffff), rtz -> 0x1.fffffep+31 */
        TEST_INT_S(337, 0x4f7fffff, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rdn)  /* fcvt.s.wu(0xffffffff), rdn -> 0x1.fffffep+31 */
        TEST_INT_S(338, 0x4f800000, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rup)  /* fcvt.s.wu(0xffffffff), rup -> 0x1p+32 */
        TEST_INT_S(339, 0x4f800000, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rmm)  /* fcvt.s.wu(0xffffffff), rmm -> 0x1p+32 */
        TEST_INT_S(340, 0x40400000, 0, 0xffffffff00000003, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0xffffffff00000003), rne -> 3.0 */
        TEST_INT_S(341, 0x4f800000, FF_NX, 0x1fffffffe, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x1fffffffe), rne -> 0x1p+32 */
        TEST_INT_S(342, 0x4e0d159e, FF_NX, 0x123456789, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x123456789), rne -> 0x1.1a2b3cp+29 */
        TEST_INT_S(343, 0x4b800000, FF_NX, 0x1000001, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x1000001), rne -> 16777216.0 */
        TEST_INT_S(344, 0x4b800000, FF_NX, 0x1000001, fcvt.s.wu fa0, a1, rtz)  /* fcvt.s.wu(0x1000001), rtz -> 16777216.0 */
        TEST_INT_S(345, 0x4b800000, FF_NX, 0x1000001, fcvt.s.wu fa0, a1, rdn)  /* fcvt.s.wu(0x1000001), rdn -> 16777216.0 */
        TEST_INT_S(346, 0x4b800001, FF_NX, 0x1000001, fcvt.s.wu fa0, a1, rup)  /* fcvt.s.wu(0x1000001), rup -> 16777218.0 */
        TEST_INT_S(347, 0x4b800001, FF_NX, 0x1000001, fcvt.s.wu fa0, a1, rmm)  /* fcvt.s.wu(0x1000001), rmm -> 16777218.0 */
        TEST_INT_S(348, 0x4f7f0000, FF_NX, 0xfffffffffeffffff, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0xfffffffffeffffff), rne -> 0x1.fep+31 */
        TEST_INT_S(349, 0x4f7effff, FF_NX, 0xfffffffffeffffff, fcvt.s.wu fa0, a1, rtz)  /* fcvt.s.wu(0xfffffffffeffffff), rtz -> 0x1.fdfffep+31 */
        TEST_INT_S(350, 0x4f7effff, FF_NX, 0xfffffffffeffffff, fcvt.s.wu fa0, a1, rdn)  /* fcvt.s.wu(0xfffffffffeffffff), rdn -> 0x1.fdfffep+31 */
        TEST_INT_S(351, 0x4f7f0000, FF_NX, 0xfffffffffeffffff, fcvt.s.wu fa0, a1, rup)  /* fcvt.s.wu(0xfffffffffeffffff), rup -> 0x1.fep+31 */
        TEST_INT_S(352, 0x4f7f0000, FF_NX, 0xfffffffffeffffff, fcvt.s.wu fa0, a1, rmm)  /* fcvt.s.wu(0xfffffffffeffffff), rmm -> 0x1.fep+31 */
        TEST_INT_S(353, 0x4b800002, FF_NX, 0x1000003, fcvt.s.wu fa0, a1, rne)  /* fcvt.s.wu(0x1000003), rne -> 16777220.0 */

        /* ---- fcvt.s.l ---- */
        TEST_INT_S(354, 0x0, 0, 0x0, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x0), rne -> +0 */
        TEST_INT_S(355, 0x3f800000, 0, 0x1, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x1), rne -> 1.0 */
        TEST_INT_S(356, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x-1), rne -> -1.0 */
        TEST_INT_S(357, 0x40e00000, 0, 0x7, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x7), rne -> 7.0 */
        TEST_INT_S(358, 0x5f000000, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x7fffffffffffffff), rne -> 0x1p+63 */
        TEST_INT_S(359, 0x5effffff, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rtz)  /* fcvt.s.l(0x7fffffffffffffff), rtz -> 0x1.fffffep+62 */
        TEST_INT_S(360, 0x5effffff, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rdn)  /* fcvt.s.l(0x7fffffffffffffff), rdn -> 0x1.fffffep+62 */
        TEST_INT_S(361, 0x5f000000, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rup)  /* fcvt.s.l(0x7fffffffffffffff), rup -> 0x1p+63 */
        TEST_INT_S(362, 0x5f000000, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rmm)  /* fcvt.s.l(0x7fffffffffffffff), rmm -> 0x1p+63 */
        TEST_INT_S(363, 0xdf000000, 0, 0x8000000000000000, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x8000000000000000), rne -> -0x1p+63 */
        TEST_INT_S(364, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0xffffffffffffffff), rne -> -1.0 */
        TEST_INT_S(365, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.l fa0, a1, rtz)  /* fcvt.s.l(0xffffffffffffffff), rtz -> -1.0 */
        TEST_INT_S(366, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.l fa0, a1, rdn)  /* fcvt.s.l(0xffffffffffffffff), rdn -> -1.0 */
        TEST_INT_S(367, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.l fa0, a1, rup)  /* fcvt.s.l(0xffffffffffffffff), rup -> -1.0 */
        TEST_INT_S(368, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.l fa0, a1, rmm)  /* fcvt.s.l(0xffffffffffffffff), rmm -> -1.0 */
        TEST_INT_S(369, 0x4f800000, FF_NX, 0x100000001, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x100000001), rne -> 0x1p+32 */
        TEST_INT_S(370, 0x5f000000, FF_NX, 0x7ffffffffffffc00, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x7ffffffffffffc00), rne -> 0x1p+63 */
        TEST_INT_S(371, 0x5effffff, FF_NX, 0x7ffffffffffffc00, fcvt.s.l fa0, a1, rtz)  /* fcvt.s.l(0x7ffffffffffffc00), rtz -> 0x1.fffffep+62 */
        TEST_INT_S(372, 0x5effffff, FF_NX, 0x7ffffffffffffc00, fcvt.s.l fa0, a1, rdn)  /* fcvt.s.l(0x7ffffffffffffc00), rdn -> 0x1.fffffep+62 */
        TEST_INT_S(373, 0x5f000000, FF_NX, 0x7ffffffffffffc00, fcvt.s.l fa0, a1, rup)  /* fcvt.s.l(0x7ffffffffffffc00), rup -> 0x1p+63 */
        TEST_INT_S(374, 0x5f000000, FF_NX, 0x7ffffffffffffc00, fcvt.s.l fa0, a1, rmm)  /* fcvt.s.l(0x7ffffffffffffc00), rmm -> 0x1p+63 */
        TEST_INT_S(375, 0x5f000000, FF_NX, 0x7ffffffffffffe00, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x7ffffffffffffe00), rne -> 0x1p+63 */
        TEST_INT_S(376, 0x5a000000, FF_NX, 0x20000000000001, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x20000000000001), rne -> 0x1p+53 */
        TEST_INT_S(377, 0x5a000000, FF_NX, 0x20000000000001, fcvt.s.l fa0, a1, rtz)  /* fcvt.s.l(0x20000000000001), rtz -> 0x1p+53 */
        TEST_INT_S(378, 0x5a000000, FF_NX, 0x20000000000001, fcvt.s.l fa0, a1, rdn)  /* fcvt.s.l(0x20000000000001), rdn -> 0x1p+53 */
        TEST_INT_S(379, 0x5a000001, FF_NX, 0x20000000000001, fcvt.s.l fa0, a1, rup)  /* fcvt.s.l(0x20000000000001), rup -> 0x1.000002p+53 */
        TEST_INT_S(380, 0x5a000000, FF_NX, 0x20000000000001, fcvt.s.l fa0, a1, rmm)  /* fcvt.s.l(0x20000000000001), rmm -> 0x1p+53 */
        TEST_INT_S(381, 0xda000000, FF_NX, 0xffdffffffffffffd, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0xffdffffffffffffd), rne -> -0x1p+53 */
        TEST_INT_S(382, 0xda000000, FF_NX, 0xffdffffffffffffd, fcvt.s.l fa0, a1, rtz)  /* fcvt.s.l(0xffdffffffffffffd), rtz -> -0x1p+53 */
        TEST_INT_S(383, 0xda000001, FF_NX, 0xffdffffffffffffd, fcvt.s.l fa0, a1, rdn)  /* fcvt.s.l(0xffdffffffffffffd), rdn -> -0x1.000002p+53 */
        TEST_INT_S(384, 0xda000000, FF_NX, 0xffdffffffffffffd, fcvt.s.l fa0, a1, rup)  /* fcvt.s.l(0xffdffffffffffffd), rup -> -0x1p+53 */
        TEST_INT_S(385, 0xda000000, FF_NX, 0xffdffffffffffffd, fcvt.s.l fa0, a1, rmm)  /* fcvt.s.l(0xffdffffffffffffd), rmm -> -0x1p+53 */
        TEST_INT_S(386, 0x4b800000, FF_NX, 0x1000001, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x1000001), rne -> 16777216.0 */
        TEST_INT_S(387, 0x4b800000, FF_NX, 0x1000001, fcvt.s.l fa0, a1, rtz)  /* fcvt.s.l(0x1000001), rtz -> 16777216.0 */
        TEST_INT_S(388, 0x4b800000, FF_NX, 0x1000001, fcvt.s.l fa0, a1, rdn)  /* fcvt.s.l(0x1000001), rdn -> 16777216.0 */
        TEST_INT_S(389, 0x4b800001, FF_NX, 0x1000001, fcvt.s.l fa0, a1, rup)  /* fcvt.s.l(0x1000001), rup -> 16777218.0 */
        TEST_INT_S(390, 0x4b800001, FF_NX, 0x1000001, fcvt.s.l fa0, a1, rmm)  /* fcvt.s.l(0x1000001), rmm -> 16777218.0 */
        TEST_INT_S(391, 0xcb800000, FF_NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0xfffffffffeffffff), rne -> -0x1p+24 */
        TEST_INT_S(392, 0xcb800000, FF_NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rtz)  /* fcvt.s.l(0xfffffffffeffffff), rtz -> -0x1p+24 */
        TEST_INT_S(393, 0xcb800001, FF_NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rdn)  /* fcvt.s.l(0xfffffffffeffffff), rdn -> -0x1.000002p+24 */
        TEST_INT_S(394, 0xcb800000, FF_NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rup)  /* fcvt.s.l(0xfffffffffeffffff), rup -> -0x1p+24 */
        TEST_INT_S(395, 0xcb800001, FF_NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rmm)  /* fcvt.s.l(0xfffffffffeffffff), rmm -> -0x1.000002p+24 */
        TEST_INT_S(396, 0x4b800002, FF_NX, 0x1000003, fcvt.s.l fa0, a1, rne)  /* fcvt.s.l(0x1000003), rne -> 16777220.0 */

        /* ---- fcvt.s.lu ---- */
        TEST_INT_S(397, 0x0, 0, 0x0, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x0), rne -> +0 */
        TEST_INT_S(398, 0x3f800000, 0, 0x1, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x1), rne -> 1.0 */
        TEST_INT_S(399, 0x5f800000, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x-1), rne -> 0x1p+64 */
        TEST_INT_S(400, 0x40e00000, 0, 0x7, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x7), rne -> 7.0 */
        TEST_INT_S(401, 0x5f000000, FF_NX, 0x7fffffffffffffff, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x7fffffffffffffff), rne -> 0x1p+63 */
        TEST_INT_S(402, 0x5effffff, FF_NX, 0x7fffffffffffffff, fcvt.s.lu fa0, a1, rtz)  /* fcvt.s.lu(0x7fffffffffffffff), rtz -> 0x1.fffffep+62 */
        TEST_INT_S(403, 0x5effffff, FF_NX, 0x7fffffffffffffff, fcvt.s.lu fa0, a1, rdn)  /* fcvt.s.lu(0x7fffffffffffffff), rdn -> 0x1.fffffep+62 */
        TEST_INT_S(404, 0x5f000000, FF_NX, 0x7fffffffffffffff, fcvt.s.lu fa0, a1, rup)  /* fcvt.s.lu(0x7fffffffffffffff), rup -> 0x1p+63 */
        TEST_INT_S(405, 0x5f000000, FF_NX, 0x7fffffffffffffff, fcvt.s.lu fa0, a1, rmm)  /* fcvt.s.lu(0x7fffffffffffffff), rmm -> 0x1p+63 */
        TEST_INT_S(406, 0x5f000000, 0, 0x8000000000000000, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x8000000000000000), rne -> 0x1p+63 */
        TEST_INT_S(407, 0x5f800000, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0xffffffffffffffff), rne -> 0x1p+64 */
        TEST_INT_S(408, 0x5f7fffff, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rtz)  /* fcvt.s.lu(0xffffffffffffffff), rtz -> 0x1.fffffep+63 */
        TEST_INT_S(409, 0x5f7fffff, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rdn)  /* fcvt.s.lu(0xffffffffffffffff), rdn -> 0x1.fffffep+63 */
        TEST_INT_S(410, 0x5f800000, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rup)  /* fcvt.s.lu(0xffffffffffffffff), rup -> 0x1p+64 */
        TEST_INT_S(411, 0x5f800000, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rmm)  /* fcvt.s.lu(0xffffffffffffffff), rmm -> 0x1p+64 */
        TEST_INT_S(412, 0x4f800000, FF_NX, 0x100000001, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x100000001), rne -> 0x1p+32 */
        TEST_INT_S(413, 0x5f000000, FF_NX, 0x7ffffffffffffc00, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x7ffffffffffffc00), rne -> 0x1p+63 */
        TEST_INT_S(414, 0x5effffff, FF_NX, 0x7ffffffffffffc00, fcvt.s.lu fa0, a1, rtz)  /* fcvt.s.lu(0x7ffffffffffffc00), rtz -> 0x1.fffffep+62 */
        TEST_INT_S(415, 0x5effffff, FF_NX, 0x7ffffffffffffc00, fcvt.s.lu fa0, a1, rdn)  /* fcvt.s.lu(0x7ffffffffffffc00), rdn -> 0x1.fffffep+62 */
        TEST_INT_S(416, 0x5f000000, FF_NX, 0x7ffffffffffffc00, fcvt.s.lu fa0, a1, rup)  /* fcvt.s.lu(0x7ffffffffffffc00), rup -> 0x1p+63 */
        TEST_INT_S(417, 0x5f000000, FF_NX, 0x7ffffffffffffc00, fcvt.s.lu fa0, a1, rmm)  /* fcvt.s.lu(0x7ffffffffffffc00), rmm -> 0x1p+63 */
        TEST_INT_S(418, 0x5f000000, FF_NX, 0x7ffffffffffffe00, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x7ffffffffffffe00), rne -> 0x1p+63 */
        TEST_INT_S(419, 0x5a000000, FF_NX, 0x20000000000001, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x20000000000001), rne -> 0x1p+53 */
        TEST_INT_S(420, 0x5a000000, FF_NX, 0x20000000000001, fcvt.s.lu fa0, a1, rtz)  /* fcvt.s.lu(0x20000000000001), rtz -> 0x1p+53 */
        TEST_INT_S(421, 0x5a000000, FF_NX, 0x20000000000001, fcvt.s.lu fa0, a1, rdn)  /* fcvt.s.lu(0x20000000000001), rdn -> 0x1p+53 */
        TEST_INT_S(422, 0x5a000001, FF_NX, 0x20000000000001, fcvt.s.lu fa0, a1, rup)  /* fcvt.s.lu(0x20000000000001), rup -> 0x1.000002p+53 */
        TEST_INT_S(423, 0x5a000000, FF_NX, 0x20000000000001, fcvt.s.lu fa0, a1, rmm)  /* fcvt.s.lu(0x20000000000001), rmm -> 0x1p+53 */
        TEST_INT_S(424, 0x5f7fe000, FF_NX, 0xffdffffffffffffd, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0xffdffffffffffffd), rne -> 0x1.ffcp+63 */
        TEST_INT_S(425, 0x5f7fdfff, FF_NX, 0xffdffffffffffffd, fcvt.s.lu fa0, a1, rtz)  /* fcvt.s.lu(0xffdffffffffffffd), rtz -> 0x1.ffbffep+63 */
        TEST_INT_S(426, 0x5f7fdfff, FF_NX, 0xffdffffffffffffd, fcvt.s.lu fa0, a1, rdn)  /* fcvt.s.lu(0xffdffffffffffffd), rdn -> 0x1.ffbffep+63 */
        TEST_INT_S(427, 0x5f7fe000, FF_NX, 0xffdffffffffffffd, fcvt.s.lu fa0, a1, rup)  /* fcvt.s.lu(0xffdffffffffffffd), rup -> 0x1.ffcp+63 */
        TEST_INT_S(428, 0x5f7fe000, FF_NX, 0xffdffffffffffffd, fcvt.s.lu fa0, a1, rmm)  /* fcvt.s.lu(0xffdffffffffffffd), rmm -> 0x1.ffcp+63 */
        TEST_INT_S(429, 0x4b800000, FF_NX, 0x1000001, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x1000001), rne -> 16777216.0 */
        TEST_INT_S(430, 0x4b800000, FF_NX, 0x1000001, fcvt.s.lu fa0, a1, rtz)  /* fcvt.s.lu(0x1000001), rtz -> 16777216.0 */
        TEST_INT_S(431, 0x4b800000, FF_NX, 0x1000001, fcvt.s.lu fa0, a1, rdn)  /* fcvt.s.lu(0x1000001), rdn -> 16777216.0 */
        TEST_INT_S(432, 0x4b800001, FF_NX, 0x1000001, fcvt.s.lu fa0, a1, rup)  /* fcvt.s.lu(0x1000001), rup -> 16777218.0 */
        TEST_INT_S(433, 0x4b800001, FF_NX, 0x1000001, fcvt.s.lu fa0, a1, rmm)  /* fcvt.s.lu(0x1000001), rmm -> 16777218.0 */
        TEST_INT_S(434, 0x5f800000, FF_NX, 0xfffffffffeffffff, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0xfffffffffeffffff), rne -> 0x1p+64 */
        TEST_INT_S(435, 0x5f7fffff, FF_NX, 0xfffffffffeffffff, fcvt.s.lu fa0, a1, rtz)  /* fcvt.s.lu(0xfffffffffeffffff), rtz -> 0x1.fffffep+63 */
        TEST_INT_S(436, 0x5f7fffff, FF_NX, 0xfffffffffeffffff, fcvt.s.lu fa0, a1, rdn)  /* fcvt.s.lu(0xfffffffffeffffff), rdn -> 0x1.fffffep+63 */
        TEST_INT_S(437, 0x5f800000, FF_NX, 0xfffffffffeffffff, fcvt.s.lu fa0, a1, rup)  /* fcvt.s.lu(0xfffffffffeffffff), rup -> 0x1p+64 */
        TEST_INT_S(438, 0x5f800000, FF_NX, 0xfffffffffeffffff, fcvt.s.lu fa0, a1, rmm)  /* fcvt.s.lu(0xfffffffffeffffff), rmm -> 0x1p+64 */
        TEST_INT_S(439, 0x4b800002, FF_NX, 0x1000003, fcvt.s.lu fa0, a1, rne)  /* fcvt.s.lu(0x1000003), rne -> 16777220.0 */

        /* ---- fmv.x.w / fmv.w.x ---- */
        TEST_FP_S_INT(440, 0xffffffffbf800000, 0, 0xbf800000, 0, fmv.x.w a0, fa1)  /* fmv.x.w(0xbf800000): sign-extended */
        TEST_FP_S_INT(441, 0x3f800000, 0, 0x3f800000, 0, fmv.x.w a0, fa1)  /* fmv.x.w(0x3f800000): sign-extended */
        TEST_FP_S_INT(442, 0x7f800001, 0, 0x7f800001, 0, fmv.x.w a0, fa1)  /* fmv.x.w(0x7f800001): sign-extended */
        TEST_FP_S_INT(443, 0xffffffffffc12345, 0, 0xffc12345, 0, fmv.x.w a0, fa1)  /* fmv.x.w(0xffc12345): sign-extended */
        TEST_FP_S_INT(444, 0xffffffff80000000, 0, 0x80000000, 0, fmv.x.w a0, fa1)  /* fmv.x.w(0x80000000): sign-extended */
        TEST_INT_S(445, 0xff800001, 0, 0x12345678ff800001, fmv.w.x fa0, a1)  /* fmv.w.x(0x12345678ff800001): low 32 bits, NaN-boxed */
        TEST_INT_S(446, 0x3f800000, 0, 0xffffffff3f800000, fmv.w.x fa0, a1)  /* fmv.w.x(0xffffffff3f800000): low 32 bits, NaN-boxed */
        TEST_INT_S(447, 0xffffffff, 0, 0xffffffff, fmv.w.x fa0, a1)  /* fmv.w.x(0xffffffff): low 32 bits, NaN-boxed */
        TEST_INT_S(448, 0x7fc00001, 0, 0xdeadbeef7fc00001, fmv.w.x fa0, a1)  /* fmv.w.x(0xdeadbeef7fc00001): low 32 bits, NaN-boxed */

        TEST_END
