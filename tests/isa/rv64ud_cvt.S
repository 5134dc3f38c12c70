/* Double-precision conversions (unprivileged spec 11.7 / 12.5): FCVT.{W,WU,L,LU}.D with every rounding
 * mode, saturation (NaN -> largest positive, +-inf and out-of-range values -> the bound of the format,
 * NV without NX), NX on inexact, 32-bit results sign-extended (FCVT.WU too); FCVT.D.{W,WU,L,LU} (32-bit
 * sources read from the low half of rs1, rounding of wide integers); FCVT.S.D and FCVT.D.S (canonical NaN, sNaN raises NV, narrowing rounds with overflow and underflow); FMV between integer and FP
 * registers (bit patterns unchanged). */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        FP_INIT

        /* ---- fcvt.w.d ---- */
        TEST_FP_D_INT(2, 0x1, 0, 0x3ff0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(1.0), rne */
        TEST_FP_D_INT(3, 0xffffffffffffffff, 0, 0xbff0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-1.0), rne */
        TEST_FP_D_INT(4, 0x0, 0, 0x0, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(+0), rne */
        TEST_FP_D_INT(5, 0x0, 0, 0x8000000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-0), rne */
        TEST_FP_D_INT(6, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(0.5), rne */
        TEST_FP_D_INT(7, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(0.5), rtz */
        TEST_FP_D_INT(8, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(0.5), rdn */
        TEST_FP_D_INT(9, 0x1, FF_NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(0.5), rup */
        TEST_FP_D_INT(10, 0x1, FF_NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(0.5), rmm */
        TEST_FP_D_INT(11, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 0; fcvt.w.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.d(0.5), dyn frm=rne */
        TEST_FP_D_INT(12, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 1; fcvt.w.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.d(0.5), dyn frm=rtz */
        TEST_FP_D_INT(13, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 2; fcvt.w.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.d(0.5), dyn frm=rdn */
        TEST_FP_D_INT(14, 0x1, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 3; fcvt.w.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.d(0.5), dyn frm=rup */
        TEST_FP_D_INT(15, 0x1, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 4; fcvt.w.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.w.d(0.5), dyn frm=rmm */
        TEST_FP_D_INT(16, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(1.5), rne */
        TEST_FP_D_INT(17, 0x1, FF_NX, 0x3ff8000000000000, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(1.5), rtz */
        TEST_FP_D_INT(18, 0x1, FF_NX, 0x3ff8000000000000, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(1.5), rdn */
        TEST_FP_D_INT(19, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(1.5), rup */
        TEST_FP_D_INT(20, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(1.5), rmm */
        TEST_FP_D_INT(21, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(2.5), rne */
        TEST_FP_D_INT(22, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(2.5), rtz */
        TEST_FP_D_INT(23, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(2.5), rdn */
        TEST_FP_D_INT(24, 0x3, FF_NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(2.5), rup */
        TEST_FP_D_INT(25, 0x3, FF_NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(2.5), rmm */
        TEST_FP_D_INT(26, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-0.5), rne */
        TEST_FP_D_INT(27, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(-0.5), rtz */
        TEST_FP_D_INT(28, 0xffffffffffffffff, FF_NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(-0.5), rdn */
        TEST_FP_D_INT(29, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(-0.5), rup */
        TEST_FP_D_INT(30, 0xffffffffffffffff, FF_NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(-0.5), rmm */
        TEST_FP_D_INT(31, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-1.5), rne */
        TEST_FP_D_INT(32, 0xffffffffffffffff, FF_NX, 0xbff8000000000000, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(-1.5), rtz */
        TEST_FP_D_INT(33, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(-1.5), rdn */
        TEST_FP_D_INT(34, 0xffffffffffffffff, FF_NX, 0xbff8000000000000, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(-1.5), rup */
        TEST_FP_D_INT(35, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(-1.5), rmm */
        TEST_FP_D_INT(36, 0xfffffffffffffffe, FF_NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-2.5), rne */
        TEST_FP_D_INT(37, 0xfffffffffffffffe, FF_NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(-2.5), rtz */
        TEST_FP_D_INT(38, 0xfffffffffffffffd, FF_NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(-2.5), rdn */
        TEST_FP_D_INT(39, 0xfffffffffffffffe, FF_NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(-2.5), rup */
        TEST_FP_D_INT(40, 0xfffffffffffffffd, FF_NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(-2.5), rmm */
        TEST_FP_D_INT(41, 0x0, FF_NX, 0x1, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(0x0.0000000000001p-1022), rne */
        TEST_FP_D_INT(42, 0x0, FF_NX, 0x1, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(0x0.0000000000001p-1022), rtz */
        TEST_FP_D_INT(43, 0x0, FF_NX, 0x1, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(0x0.0000000000001p-1022), rdn */
        TEST_FP_D_INT(44, 0x1, FF_NX, 0x1, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(0x0.0000000000001p-1022), rup */
        TEST_FP_D_INT(45, 0x0, FF_NX, 0x1, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(0x0.0000000000001p-1022), rmm */
        TEST_FP_D_INT(46, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-0x0.0000000000001p-1022), rne */
        TEST_FP_D_INT(47, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(-0x0.0000000000001p-1022), rtz */
        TEST_FP_D_INT(48, 0xffffffffffffffff, FF_NX, 0x8000000000000001, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(-0x0.0000000000001p-1022), rdn */
        TEST_FP_D_INT(49, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(-0x0.0000000000001p-1022), rup */
        TEST_FP_D_INT(50, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(-0x0.0000000000001p-1022), rmm */
        TEST_FP_D_INT(51, 0x7fffffff, FF_NV, 0x7ff0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(+inf), rne */
        TEST_FP_D_INT(52, 0xffffffff80000000, FF_NV, 0xfff0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-inf), rne */
        TEST_FP_D_INT(53, 0x7fffffff, FF_NV, 0x7ff8000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(qNaN), rne */
        TEST_FP_D_INT(54, 0x7fffffff, FF_NV, 0xfff8000000012345, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-qNaN(payload)), rne */
        TEST_FP_D_INT(55, 0x7fffffff, FF_NV, 0x7ff0000000000001, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(sNaN), rne */
        TEST_FP_D_INT(56, 0x7fffffff, FF_NV, 0x7fefffffffffffff, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(max), rne */
        TEST_FP_D_INT(57, 0xffffffff80000000, FF_NV, 0xffefffffffffffff, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-max), rne */
        TEST_FP_D_INT(58, 0x7fffffff, FF_NV, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(0x1.fffffffep+30), rne */
        TEST_FP_D_INT(59, 0x7fffffff, FF_NX, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(0x1.fffffffep+30), rtz */
        TEST_FP_D_INT(60, 0x7fffffff, FF_NX, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(0x1.fffffffep+30), rdn */
        TEST_FP_D_INT(61, 0x7fffffff, FF_NV, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(0x1.fffffffep+30), rup */
        TEST_FP_D_INT(62, 0x7fffffff, FF_NV, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(0x1.fffffffep+30), rmm */
        TEST_FP_D_INT(63, 0x7fffffff, FF_NV, 0x41e0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(0x1p+31), rne */
        TEST_FP_D_INT(64, 0x7fffffff, FF_NV, 0x41f0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(0x1p+32), rne */
        TEST_FP_D_INT(65, 0xffffffff80000000, 0, 0xc1e0000000000000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-0x1p+31), rne */
        TEST_FP_D_INT(66, 0xffffffff80000000, FF_NX, 0xc1e0000000100000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-0x1.00000001p+31), rne */
        TEST_FP_D_INT(67, 0xffffffff80000000, FF_NX, 0xc1e0000000100000, 0x0, fcvt.w.d a0, fa1, rtz)  /* fcvt.w.d(-0x1.00000001p+31), rtz */
        TEST_FP_D_INT(68, 0xffffffff80000000, FF_NV, 0xc1e0000000100000, 0x0, fcvt.w.d a0, fa1, rdn)  /* fcvt.w.d(-0x1.00000001p+31), rdn */
        TEST_FP_D_INT(69, 0xffffffff80000000, FF_NX, 0xc1e0000000100000, 0x0, fcvt.w.d a0, fa1, rup)  /* fcvt.w.d(-0x1.00000001p+31), rup */
        TEST_FP_D_INT(70, 0xffffffff80000000, FF_NV, 0xc1e0000000100000, 0x0, fcvt.w.d a0, fa1, rmm)  /* fcvt.w.d(-0x1.00000001p+31), rmm */
        TEST_FP_D_INT(71, 0xffffffff80000000, FF_NV, 0xc1e0000000200000, 0x0, fcvt.w.d a0, fa1, rne)  /* fcvt.w.d(-0x1.00000002p+31), rne */

        /* ---- fcvt.wu.d ---- */
        TEST_FP_D_INT(72, 0x1, 0, 0x3ff0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(1.0), rne */
        TEST_FP_D_INT(73, 0x0, FF_NV, 0xbff0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-1.0), rne */
        TEST_FP_D_INT(74, 0x0, 0, 0x0, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(+0), rne */
        TEST_FP_D_INT(75, 0x0, 0, 0x8000000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-0), rne */
        TEST_FP_D_INT(76, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(0.5), rne */
        TEST_FP_D_INT(77, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(0.5), rtz */
        TEST_FP_D_INT(78, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(0.5), rdn */
        TEST_FP_D_INT(79, 0x1, FF_NX, 0x3fe0000000000000, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(0.5), rup */
        TEST_FP_D_INT(80, 0x1, FF_NX, 0x3fe0000000000000, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(0.5), rmm */
        TEST_FP_D_INT(81, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 0; fcvt.wu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.d(0.5), dyn frm=rne */
        TEST_FP_D_INT(82, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 1; fcvt.wu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.d(0.5), dyn frm=rtz */
        TEST_FP_D_INT(83, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 2; fcvt.wu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.d(0.5), dyn frm=rdn */
        TEST_FP_D_INT(84, 0x1, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 3; fcvt.wu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.d(0.5), dyn frm=rup */
        TEST_FP_D_INT(85, 0x1, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 4; fcvt.wu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.wu.d(0.5), dyn frm=rmm */
        TEST_FP_D_INT(86, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(1.5), rne */
        TEST_FP_D_INT(87, 0x1, FF_NX, 0x3ff8000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(1.5), rtz */
        TEST_FP_D_INT(88, 0x1, FF_NX, 0x3ff8000000000000, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(1.5), rdn */
        TEST_FP_D_INT(89, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(1.5), rup */
        TEST_FP_D_INT(90, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(1.5), rmm */
        TEST_FP_D_INT(91, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(2.5), rne */
        TEST_FP_D_INT(92, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(2.5), rtz */
        TEST_FP_D_INT(93, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(2.5), rdn */
        TEST_FP_D_INT(94, 0x3, FF_NX, 0x4004000000000000, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(2.5), rup */
        TEST_FP_D_INT(95, 0x3, FF_NX, 0x4004000000000000, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(2.5), rmm */
        TEST_FP_D_INT(96, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-0.5), rne */
        TEST_FP_D_INT(97, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(-0.5), rtz */
        TEST_FP_D_INT(98, 0x0, FF_NV, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(-0.5), rdn */
        TEST_FP_D_INT(99, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(-0.5), rup */
        TEST_FP_D_INT(100, 0x0, FF_NV, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(-0.5), rmm */
        TEST_FP_D_INT(101, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-1.5), rne */
        TEST_FP_D_INT(102, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(-1.5), rtz */
        TEST_FP_D_INT(103, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(-1.5), rdn */
        TEST_FP_D_INT(104, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(-1.5), rup */
        TEST_FP_D_INT(105, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(-1.5), rmm */
        TEST_FP_D_INT(106, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-2.5), rne */
        TEST_FP_D_INT(107, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(-2.5), rtz */
        TEST_FP_D_INT(108, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(-2.5), rdn */
        TEST_FP_D_INT(109, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(-2.5), rup */
        TEST_FP_D_INT(110, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(-2.5), rmm */
        TEST_FP_D_INT(111, 0x0, FF_NX, 0x1, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(0x0.0000000000001p-1022), rne */
        TEST_FP_D_INT(112, 0x0, FF_NX, 0x1, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(0x0.0000000000001p-1022), rtz */
        TEST_FP_D_INT(113, 0x0, FF_NX, 0x1, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(0x0.0000000000001p-1022), rdn */
        TEST_FP_D_INT(114, 0x1, FF_NX, 0x1, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(0x0.0000000000001p-1022), rup */
        TEST_FP_D_INT(115, 0x0, FF_NX, 0x1, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(0x0.0000000000001p-1022), rmm */
        TEST_FP_D_INT(116, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-0x0.0000000000001p-1022), rne */
        TEST_FP_D_INT(117, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(-0x0.0000000000001p-1022), rtz */
        TEST_FP_D_INT(118, 0x0, FF_NV, 0x8000000000000001, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(-0x0.0000000000001p-1022), rdn */
        TEST_FP_D_INT(119, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(-0x0.0000000000001p-1022), rup */
        TEST_FP_D_INT(120, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(-0x0.0000000000001p-1022), rmm */
        TEST_FP_D_INT(121, 0xffffffffffffffff, FF_NV, 0x7ff0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(+inf), rne */
        TEST_FP_D_INT(122, 0x0, FF_NV, 0xfff0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-inf), rne */
        TEST_FP_D_INT(123, 0xffffffffffffffff, FF_NV, 0x7ff8000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(qNaN), rne */
        TEST_FP_D_INT(124, 0xffffffffffffffff, FF_NV, 0xfff8000000012345, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-qNaN(payload)), rne */
        TEST_FP_D_INT(125, 0xffffffffffffffff, FF_NV, 0x7ff0000000000001, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(sNaN), rne */
        TEST_FP_D_INT(126, 0xffffffffffffffff, FF_NV, 0x7fefffffffffffff, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(max), rne */
        TEST_FP_D_INT(127, 0x0, FF_NV, 0xffefffffffffffff, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-max), rne */
        TEST_FP_D_INT(128, 0xffffffffffffffff, FF_NV, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(0x1.ffffffffp+31), rne */
        TEST_FP_D_INT(129, 0xffffffffffffffff, FF_NX, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(0x1.ffffffffp+31), rtz */
        TEST_FP_D_INT(130, 0xffffffffffffffff, FF_NX, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(0x1.ffffffffp+31), rdn */
        TEST_FP_D_INT(131, 0xffffffffffffffff, FF_NV, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(0x1.ffffffffp+31), rup */
        TEST_FP_D_INT(132, 0xffffffffffffffff, FF_NV, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(0x1.ffffffffp+31), rmm */
        TEST_FP_D_INT(133, 0xffffffffffffffff, FF_NV, 0x41f0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(0x1p+32), rne */
        TEST_FP_D_INT(134, 0xffffffffffffffff, FF_NV, 0x4200000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(0x1p+33), rne */
        TEST_FP_D_INT(135, 0x0, FF_NV, 0xbfe8000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-0.75), rne */
        TEST_FP_D_INT(136, 0x0, FF_NX, 0xbfe8000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)  /* fcvt.wu.d(-0.75), rtz */
        TEST_FP_D_INT(137, 0x0, FF_NV, 0xbfe8000000000000, 0x0, fcvt.wu.d a0, fa1, rdn)  /* fcvt.wu.d(-0.75), rdn */
        TEST_FP_D_INT(138, 0x0, FF_NX, 0xbfe8000000000000, 0x0, fcvt.wu.d a0, fa1, rup)  /* fcvt.wu.d(-0.75), rup */
        TEST_FP_D_INT(139, 0x0, FF_NV, 0xbfe8000000000000, 0x0, fcvt.wu.d a0, fa1, rmm)  /* fcvt.wu.d(-0.75), rmm */
        TEST_FP_D_INT(140, 0x0, FF_NV, 0xbff0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-1.0), rne */
        TEST_FP_D_INT(141, 0x0, FF_NV, 0xc270000000000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(-0x1p+40), rne */
        TEST_FP_D_INT(142, 0xffffffffb2d05e00, 0, 0x41e65a0bc0000000, 0x0, fcvt.wu.d a0, fa1, rne)  /* fcvt.wu.d(0x1.65a0bcp+31), rne */

        /* ---- fcvt.l.d ---- */
        TEST_FP_D_INT(143, 0x1, 0, 0x3ff0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(1.0), rne */
        TEST_FP_D_INT(144, 0xffffffffffffffff, 0, 0xbff0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-1.0), rne */
        TEST_FP_D_INT(145, 0x0, 0, 0x0, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(+0), rne */
        TEST_FP_D_INT(146, 0x0, 0, 0x8000000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-0), rne */
        TEST_FP_D_INT(147, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(0.5), rne */
        TEST_FP_D_INT(148, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(0.5), rtz */
        TEST_FP_D_INT(149, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(0.5), rdn */
        TEST_FP_D_INT(150, 0x1, FF_NX, 0x3fe0000000000000, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(0.5), rup */
        TEST_FP_D_INT(151, 0x1, FF_NX, 0x3fe0000000000000, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(0.5), rmm */
        TEST_FP_D_INT(152, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 0; fcvt.l.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.d(0.5), dyn frm=rne */
        TEST_FP_D_INT(153, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 1; fcvt.l.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.d(0.5), dyn frm=rtz */
        TEST_FP_D_INT(154, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 2; fcvt.l.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.d(0.5), dyn frm=rdn */
        TEST_FP_D_INT(155, 0x1, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 3; fcvt.l.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.d(0.5), dyn frm=rup */
        TEST_FP_D_INT(156, 0x1, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 4; fcvt.l.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.l.d(0.5), dyn frm=rmm */
        TEST_FP_D_INT(157, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(1.5), rne */
        TEST_FP_D_INT(158, 0x1, FF_NX, 0x3ff8000000000000, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(1.5), rtz */
        TEST_FP_D_INT(159, 0x1, FF_NX, 0x3ff8000000000000, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(1.5), rdn */
        TEST_FP_D_INT(160, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(1.5), rup */
        TEST_FP_D_INT(161, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(1.5), rmm */
        TEST_FP_D_INT(162, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(2.5), rne */
        TEST_FP_D_INT(163, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(2.5), rtz */
        TEST_FP_D_INT(164, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(2.5), rdn */
        TEST_FP_D_INT(165, 0x3, FF_NX, 0x4004000000000000, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(2.5), rup */
        TEST_FP_D_INT(166, 0x3, FF_NX, 0x4004000000000000, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(2.5), rmm */
        TEST_FP_D_INT(167, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-0.5), rne */
        TEST_FP_D_INT(168, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(-0.5), rtz */
        TEST_FP_D_INT(169, 0xffffffffffffffff, FF_NX, 0xbfe0000000000000, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(-0.5), rdn */
        TEST_FP_D_INT(170, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(-0.5), rup */
        TEST_FP_D_INT(171, 0xffffffffffffffff, FF_NX, 0xbfe0000000000000, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(-0.5), rmm */
        TEST_FP_D_INT(172, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-1.5), rne */
        TEST_FP_D_INT(173, 0xffffffffffffffff, FF_NX, 0xbff8000000000000, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(-1.5), rtz */
        TEST_FP_D_INT(174, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(-1.5), rdn */
        TEST_FP_D_INT(175, 0xffffffffffffffff, FF_NX, 0xbff8000000000000, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(-1.5), rup */
        TEST_FP_D_INT(176, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(-1.5), rmm */
        TEST_FP_D_INT(177, 0xfffffffffffffffe, FF_NX, 0xc004000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-2.5), rne */
        TEST_FP_D_INT(178, 0xfffffffffffffffe, FF_NX, 0xc004000000000000, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(-2.5), rtz */
        TEST_FP_D_INT(179, 0xfffffffffffffffd, FF_NX, 0xc004000000000000, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(-2.5), rdn */
        TEST_FP_D_INT(180, 0xfffffffffffffffe, FF_NX, 0xc004000000000000, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(-2.5), rup */
        TEST_FP_D_INT(181, 0xfffffffffffffffd, FF_NX, 0xc004000000000000, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(-2.5), rmm */
        TEST_FP_D_INT(182, 0x0, FF_NX, 0x1, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(0x0.0000000000001p-1022), rne */
        TEST_FP_D_INT(183, 0x0, FF_NX, 0x1, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(0x0.0000000000001p-1022), rtz */
        TEST_FP_D_INT(184, 0x0, FF_NX, 0x1, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(0x0.0000000000001p-1022), rdn */
        TEST_FP_D_INT(185, 0x1, FF_NX, 0x1, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(0x0.0000000000001p-1022), rup */
        TEST_FP_D_INT(186, 0x0, FF_NX, 0x1, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(0x0.0000000000001p-1022), rmm */
        TEST_FP_D_INT(187, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-0x0.0000000000001p-1022), rne */
        TEST_FP_D_INT(188, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(-0x0.0000000000001p-1022), rtz */
        TEST_FP_D_INT(189, 0xffffffffffffffff, FF_NX, 0x8000000000000001, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(-0x0.0000000000001p-1022), rdn */
        TEST_FP_D_INT(190, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(-0x0.0000000000001p-1022), rup */
        TEST_FP_D_INT(191, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(-0x0.0000000000001p-1022), rmm */
        TEST_FP_D_INT(192, 0x7fffffffffffffff, FF_NV, 0x7ff0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(+inf), rne */
        TEST_FP_D_INT(193, 0x8000000000000000, FF_NV, 0xfff0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-inf), rne */
        TEST_FP_D_INT(194, 0x7fffffffffffffff, FF_NV, 0x7ff8000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(qNaN), rne */
        TEST_FP_D_INT(195, 0x7fffffffffffffff, FF_NV, 0xfff8000000012345, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-qNaN(payload)), rne */
        TEST_FP_D_INT(196, 0x7fffffffffffffff, FF_NV, 0x7ff0000000000001, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(sNaN), rne */
        TEST_FP_D_INT(197, 0x7fffffffffffffff, FF_NV, 0x7fefffffffffffff, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(max), rne */
        TEST_FP_D_INT(198, 0x8000000000000000, FF_NV, 0xffefffffffffffff, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-max), rne */
        TEST_FP_D_INT(199, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(0x1.fffffffffffffp+62), rne */
        TEST_FP_D_INT(200, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(0x1.fffffffffffffp+62), rtz */
        TEST_FP_D_INT(201, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(0x1.fffffffffffffp+62), rdn */
        TEST_FP_D_INT(202, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(0x1.fffffffffffffp+62), rup */
        TEST_FP_D_INT(203, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(0x1.fffffffffffffp+62), rmm */
        TEST_FP_D_INT(204, 0x7fffffffffffffff, FF_NV, 0x43e0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(0x1p+63), rne */
        TEST_FP_D_INT(205, 0x7fffffffffffffff, FF_NV, 0x43f0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(0x1p+64), rne */
        TEST_FP_D_INT(206, 0x8000000000000000, 0, 0xc3e0000000000000, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-0x1p+63), rne */
        TEST_FP_D_INT(207, 0x8000000000000000, FF_NV, 0xc3e0000000000001, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-0x1.0000000000001p+63), rne */
        TEST_FP_D_INT(208, 0x8000000000000000, FF_NV, 0xc3e0000000000001, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(-0x1.0000000000001p+63), rtz */
        TEST_FP_D_INT(209, 0x8000000000000000, FF_NV, 0xc3e0000000000001, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(-0x1.0000000000001p+63), rdn */
        TEST_FP_D_INT(210, 0x8000000000000000, FF_NV, 0xc3e0000000000001, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(-0x1.0000000000001p+63), rup */
        TEST_FP_D_INT(211, 0x8000000000000000, FF_NV, 0xc3e0000000000001, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(-0x1.0000000000001p+63), rmm */
        TEST_FP_D_INT(212, 0x10000000001, FF_NX, 0x4270000000000c00, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(0x1.0000000000cp+40), rne */
        TEST_FP_D_INT(213, 0x10000000000, FF_NX, 0x4270000000000c00, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(0x1.0000000000cp+40), rtz */
        TEST_FP_D_INT(214, 0x10000000000, FF_NX, 0x4270000000000c00, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(0x1.0000000000cp+40), rdn */
        TEST_FP_D_INT(215, 0x10000000001, FF_NX, 0x4270000000000c00, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(0x1.0000000000cp+40), rup */
        TEST_FP_D_INT(216, 0x10000000001, FF_NX, 0x4270000000000c00, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(0x1.0000000000cp+40), rmm */
        TEST_FP_D_INT(217, 0x20000000000002, 0, 0x4340000000000001, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(0x1.0000000000001p+53), rne */
        TEST_FP_D_INT(218, 0xfff8000000000000, FF_NX, 0xc320000000000001, 0x0, fcvt.l.d a0, fa1, rne)  /* fcvt.l.d(-0x1.0000000000001p+51), rne */
        TEST_FP_D_INT(219, 0xfff8000000000000, FF_NX, 0xc320000000000001, 0x0, fcvt.l.d a0, fa1, rtz)  /* fcvt.l.d(-0x1.0000000000001p+51), rtz */
        TEST_FP_D_INT(220, 0xfff7ffffffffffff, FF_NX, 0xc320000000000001, 0x0, fcvt.l.d a0, fa1, rdn)  /* fcvt.l.d(-0x1.0000000000001p+51), rdn */
        TEST_FP_D_INT(221, 0xfff8000000000000, FF_NX, 0xc320000000000001, 0x0, fcvt.l.d a0, fa1, rup)  /* fcvt.l.d(-0x1.0000000000001p+51), rup */
        TEST_FP_D_INT(222, 0xfff7ffffffffffff, FF_NX, 0xc320000000000001, 0x0, fcvt.l.d a0, fa1, rmm)  /* fcvt.l.d(-0x1.0000000000001p+51), rmm */

        /* ---- fcvt.lu.d ---- */
        TEST_FP_D_INT(223, 0x1, 0, 0x3ff0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(1.0), rne */
        TEST_FP_D_INT(224, 0x0, FF_NV, 0xbff0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-1.0), rne */
        TEST_FP_D_INT(225, 0x0, 0, 0x0, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(+0), rne */
        TEST_FP_D_INT(226, 0x0, 0, 0x8000000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-0), rne */
        TEST_FP_D_INT(227, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(0.5), rne */
        TEST_FP_D_INT(228, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(0.5), rtz */
        TEST_FP_D_INT(229, 0x0, FF_NX, 0x3fe0000000000000, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(0.5), rdn */
        TEST_FP_D_INT(230, 0x1, FF_NX, 0x3fe0000000000000, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(0.5), rup */
        TEST_FP_D_INT(231, 0x1, FF_NX, 0x3fe0000000000000, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(0.5), rmm */
        TEST_FP_D_INT(232, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 0; fcvt.lu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.d(0.5), dyn frm=rne */
        TEST_FP_D_INT(233, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 1; fcvt.lu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.d(0.5), dyn frm=rtz */
        TEST_FP_D_INT(234, 0x0, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 2; fcvt.lu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.d(0.5), dyn frm=rdn */
        TEST_FP_D_INT(235, 0x1, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 3; fcvt.lu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.d(0.5), dyn frm=rup */
        TEST_FP_D_INT(236, 0x1, FF_NX, 0x3fe0000000000000, 0x0, csrwi frm, 4; fcvt.lu.d a0, fa1, dyn; csrwi frm, 0)  /* fcvt.lu.d(0.5), dyn frm=rmm */
        TEST_FP_D_INT(237, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(1.5), rne */
        TEST_FP_D_INT(238, 0x1, FF_NX, 0x3ff8000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(1.5), rtz */
        TEST_FP_D_INT(239, 0x1, FF_NX, 0x3ff8000000000000, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(1.5), rdn */
        TEST_FP_D_INT(240, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(1.5), rup */
        TEST_FP_D_INT(241, 0x2, FF_NX, 0x3ff8000000000000, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(1.5), rmm */
        TEST_FP_D_INT(242, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(2.5), rne */
        TEST_FP_D_INT(243, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(2.5), rtz */
        TEST_FP_D_INT(244, 0x2, FF_NX, 0x4004000000000000, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(2.5), rdn */
        TEST_FP_D_INT(245, 0x3, FF_NX, 0x4004000000000000, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(2.5), rup */
        TEST_FP_D_INT(246, 0x3, FF_NX, 0x4004000000000000, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(2.5), rmm */
        TEST_FP_D_INT(247, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-0.5), rne */
        TEST_FP_D_INT(248, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(-0.5), rtz */
        TEST_FP_D_INT(249, 0x0, FF_NV, 0xbfe0000000000000, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(-0.5), rdn */
        TEST_FP_D_INT(250, 0x0, FF_NX, 0xbfe0000000000000, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(-0.5), rup */
        TEST_FP_D_INT(251, 0x0, FF_NV, 0xbfe0000000000000, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(-0.5), rmm */
        TEST_FP_D_INT(252, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-1.5), rne */
        TEST_FP_D_INT(253, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(-1.5), rtz */
        TEST_FP_D_INT(254, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(-1.5), rdn */
        TEST_FP_D_INT(255, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(-1.5), rup */
        TEST_FP_D_INT(256, 0x0, FF_NV, 0xbff8000000000000, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(-1.5), rmm */
        TEST_FP_D_INT(257, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-2.5), rne */
        TEST_FP_D_INT(258, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(-2.5), rtz */
        TEST_FP_D_INT(259, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(-2.5), rdn */
        TEST_FP_D_INT(260, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(-2.5), rup */
        TEST_FP_D_INT(261, 0x0, FF_NV, 0xc004000000000000, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(-2.5), rmm */
        TEST_FP_D_INT(262, 0x0, FF_NX, 0x1, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(0x0.0000000000001p-1022), rne */
        TEST_FP_D_INT(263, 0x0, FF_NX, 0x1, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(0x0.0000000000001p-1022), rtz */
        TEST_FP_D_INT(264, 0x0, FF_NX, 0x1, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(0x0.0000000000001p-1022), rdn */
        TEST_FP_D_INT(265, 0x1, FF_NX, 0x1, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(0x0.0000000000001p-1022), rup */
        TEST_FP_D_INT(266, 0x0, FF_NX, 0x1, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(0x0.0000000000001p-1022), rmm */
        TEST_FP_D_INT(267, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-0x0.0000000000001p-1022), rne */
        TEST_FP_D_INT(268, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(-0x0.0000000000001p-1022), rtz */
        TEST_FP_D_INT(269, 0x0, FF_NV, 0x8000000000000001, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(-0x0.0000000000001p-1022), rdn */
        TEST_FP_D_INT(270, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(-0x0.0000000000001p-1022), rup */
        TEST_FP_D_INT(271, 0x0, FF_NX, 0x8000000000000001, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(-0x0.0000000000001p-1022), rmm */
        TEST_FP_D_INT(272, 0xffffffffffffffff, FF_NV, 0x7ff0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(+inf), rne */
        TEST_FP_D_INT(273, 0x0, FF_NV, 0xfff0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-inf), rne */
        TEST_FP_D_INT(274, 0xffffffffffffffff, FF_NV, 0x7ff8000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(qNaN), rne */
        TEST_FP_D_INT(275, 0xffffffffffffffff, FF_NV, 0xfff8000000012345, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-qNaN(payload)), rne */
        TEST_FP_D_INT(276, 0xffffffffffffffff, FF_NV, 0x7ff0000000000001, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(sNaN), rne */
        TEST_FP_D_INT(277, 0xffffffffffffffff, FF_NV, 0x7fefffffffffffff, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(max), rne */
        TEST_FP_D_INT(278, 0x0, FF_NV, 0xffefffffffffffff, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-max), rne */
        TEST_FP_D_INT(279, 0xfffffffffffff800, 0, 0x43efffffffffffff, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(0x1.fffffffffffffp+63), rne */
        TEST_FP_D_INT(280, 0xfffffffffffff800, 0, 0x43efffffffffffff, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(0x1.fffffffffffffp+63), rtz */
        TEST_FP_D_INT(281, 0xfffffffffffff800, 0, 0x43efffffffffffff, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(0x1.fffffffffffffp+63), rdn */
        TEST_FP_D_INT(282, 0xfffffffffffff800, 0, 0x43efffffffffffff, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(0x1.fffffffffffffp+63), rup */
        TEST_FP_D_INT(283, 0xfffffffffffff800, 0, 0x43efffffffffffff, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(0x1.fffffffffffffp+63), rmm */
        TEST_FP_D_INT(284, 0xffffffffffffffff, FF_NV, 0x43f0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(0x1p+64), rne */
        TEST_FP_D_INT(285, 0xffffffffffffffff, FF_NV, 0x4400000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(0x1p+65), rne */
        TEST_FP_D_INT(286, 0x0, FF_NV, 0xbfe8000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-0.75), rne */
        TEST_FP_D_INT(287, 0x0, FF_NX, 0xbfe8000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(-0.75), rtz */
        TEST_FP_D_INT(288, 0x0, FF_NV, 0xbfe8000000000000, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(-0.75), rdn */
        TEST_FP_D_INT(289, 0x0, FF_NX, 0xbfe8000000000000, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(-0.75), rup */
        TEST_FP_D_INT(290, 0x0, FF_NV, 0xbfe8000000000000, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(-0.75), rmm */
        TEST_FP_D_INT(291, 0x0, FF_NV, 0xbff0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-1.0), rne */
        TEST_FP_D_INT(292, 0x0, FF_NV, 0xc270000000000000, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(-0x1p+40), rne */
        TEST_FP_D_INT(293, 0x10000000001, FF_NX, 0x4270000000000c00, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(0x1.0000000000cp+40), rne */
        TEST_FP_D_INT(294, 0x10000000000, FF_NX, 0x4270000000000c00, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(0x1.0000000000cp+40), rtz */
        TEST_FP_D_INT(295, 0x10000000000, FF_NX, 0x4270000000000c00, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(0x1.0000000000cp+40), rdn */
        TEST_FP_D_INT(296, 0x10000000001, FF_NX, 0x4270000000000c00, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(0x1.0000000000cp+40), rup */
        TEST_FP_D_INT(297, 0x10000000001, FF_NX, 0x4270000000000c00, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(0x1.0000000000cp+40), rmm */
        TEST_FP_D_INT(298, 0x20000000000002, 0, 0x4340000000000001, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(0x1.0000000000001p+53), rne */
        TEST_FP_D_INT(299, 0x8000000000000, FF_NX, 0x4320000000000001, 0x0, fcvt.lu.d a0, fa1, rne)  /* fcvt.lu.d(0x1.0000000000001p+51), rne */
        TEST_FP_D_INT(300, 0x8000000000000, FF_NX, 0x4320000000000001, 0x0, fcvt.lu.d a0, fa1, rtz)  /* fcvt.lu.d(0x1.0000000000001p+51), rtz */
        TEST_FP_D_INT(301, 0x8000000000000, FF_NX, 0x4320000000000001, 0x0, fcvt.lu.d a0, fa1, rdn)  /* fcvt.lu.d(0x1.0000000000001p+51), rdn */
        TEST_FP_D_INT(302, 0x8000000000001, FF_NX, 0x4320000000000001, 0x0, fcvt.lu.d a0, fa1, rup)  /* fcvt.lu.d(0x1.0000000000001p+51), rup */
        TEST_FP_D_INT(303, 0x8000000000001, FF_NX, 0x4320000000000001, 0x0, fcvt.lu.d a0, fa1, rmm)  /* fcvt.lu.d(0x1.0000000000001p+51), rmm */

        /* ---- fcvt.d.w ---- */
        TEST_INT_D(304, 0x0, 0, 0x0, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x0) -> +0 */
        TEST_INT_D(305, 0x3ff0000000000000, 0, 0x1, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x1) -> 1.0 */
        TEST_INT_D(306, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x-1) -> -1.0 */
        TEST_INT_D(307, 0x401c000000000000, 0, 0x7, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x7) -> 7.0 */
        TEST_INT_D(308, 0x41dfffffffc00000, 0, 0x7fffffff, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x7fffffff) -> 0x1.fffffffcp+30 */
        TEST_INT_D(309, 0xc1e0000000000000, 0, 0x80000000, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x80000000) -> -0x1p+31 */
        TEST_INT_D(310, 0xbff0000000000000, 0, 0xffffffff, fcvt.d.w fa0, a1)  /* fcvt.d.w(0xffffffff) -> -1.0 */
        TEST_INT_D(311, 0x4008000000000000, 0, 0xffffffff00000003, fcvt.d.w fa0, a1)  /* fcvt.d.w(0xffffffff00000003) -> 3.0 */
        TEST_INT_D(312, 0xc000000000000000, 0, 0x1fffffffe, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x1fffffffe) -> -2.0 */
        TEST_INT_D(313, 0x41c1a2b3c4800000, 0, 0x123456789, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x123456789) -> 0x1.1a2b3c48p+29 */
        TEST_INT_D(314, 0x3ff0000000000000, 0, 0x20000000000001, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x20000000000001) -> 1.0 */
        TEST_INT_D(315, 0xbff0000000000000, 0, 0xffdfffffffffffff, fcvt.d.w fa0, a1)  /* fcvt.d.w(0xffdfffffffffffff) -> -1.0 */
        TEST_INT_D(316, 0x4008000000000000, 0, 0x20000000000003, fcvt.d.w fa0, a1)  /* fcvt.d.w(0x20000000000003) -> 3.0 */

        /* ---- fcvt.d.wu ---- */
        TEST_INT_D(317, 0x0, 0, 0x0, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x0) -> +0 */
        TEST_INT_D(318, 0x3ff0000000000000, 0, 0x1, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x1) -> 1.0 */
        TEST_INT_D(319, 0x41efffffffe00000, 0, 0xffffffffffffffff, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x-1) -> 0x1.fffffffep+31 */
        TEST_INT_D(320, 0x401c000000000000, 0, 0x7, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x7) -> 7.0 */
        TEST_INT_D(321, 0x41dfffffffc00000, 0, 0x7fffffff, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x7fffffff) -> 0x1.fffffffcp+30 */
        TEST_INT_D(322, 0x41e0000000000000, 0, 0x80000000, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x80000000) -> 0x1p+31 */
        TEST_INT_D(323, 0x41efffffffe00000, 0, 0xffffffff, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0xffffffff) -> 0x1.fffffffep+31 */
        TEST_INT_D(324, 0x4008000000000000, 0, 0xffffffff00000003, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0xffffffff00000003) -> 3.0 */
        TEST_INT_D(325, 0x41efffffffc00000, 0, 0x1fffffffe, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x1fffffffe) -> 0x1.fffffffcp+31 */
        TEST_INT_D(326, 0x41c1a2b3c4800000, 0, 0x123456789, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x123456789) -> 0x1.1a2b3c48p+29 */
        TEST_INT_D(327, 0x3ff0000000000000, 0, 0x20000000000001, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x20000000000001) -> 1.0 */
        TEST_INT_D(328, 0x41efffffffe00000, 0, 0xffdfffffffffffff, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0xffdfffffffffffff) -> 0x1.fffffffep+31 */
        TEST_INT_D(329, 0x4008000000000000, 0, 0x20000000000003, fcvt.d.wu fa0, a1)  /* fcvt.d.wu(0x20000000000003) -> 3.0 */

        /* ---- fcvt.d.l ---- */
        TEST_INT_D(330, 0x0, 0, 0x0, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x0), rne -> +0 */
        TEST_INT_D(331, 0x3ff0000000000000, 0, 0x1, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x1), rne -> 1.0 */
        TEST_INT_D(332, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x-1), rne -> -1.0 */
        TEST_INT_D(333, 0x401c000000000000, 0, 0x7, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x7), rne -> 7.0 */
        TEST_INT_D(334, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x7fffffffffffffff), rne -> 0x1p+63 */
        TEST_INT_D(335, 0x43dfffffffffffff, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rtz)  /* fcvt.d.l(0x7fffffffffffffff), rtz -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(336, 0x43dfffffffffffff, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rdn)  /* fcvt.d.l(0x7fffffffffffffff), rdn -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(337, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rup)  /* fcvt.d.l(0x7fffffffffffffff), rup -> 0x1p+63 */
        TEST_INT_D(338, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rmm)  /* fcvt.d.l(0x7fffffffffffffff), rmm -> 0x1p+63 */
        TEST_INT_D(339, 0xc3e0000000000000, 0, 0x8000000000000000, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x8000000000000000), rne -> -0x1p+63 */
        TEST_INT_D(340, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0xffffffffffffffff), rne -> -1.0 */
        TEST_INT_D(341, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.l fa0, a1, rtz)  /* fcvt.d.l(0xffffffffffffffff), rtz -> -1.0 */
        TEST_INT_D(342, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.l fa0, a1, rdn)  /* fcvt.d.l(0xffffffffffffffff), rdn -> -1.0 */
        TEST_INT_D(343, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.l fa0, a1, rup)  /* fcvt.d.l(0xffffffffffffffff), rup -> -1.0 */
        TEST_INT_D(344, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.l fa0, a1, rmm)  /* fcvt.d.l(0xffffffffffffffff), rmm -> -1.0 */
        TEST_INT_D(345, 0x41f0000000100000, 0, 0x100000001, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x100000001), rne -> 0x1.00000001p+32 */
        TEST_INT_D(346, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x7ffffffffffffc00), rne -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(347, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.l fa0, a1, rtz)  /* fcvt.d.l(0x7ffffffffffffc00), rtz -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(348, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.l fa0, a1, rdn)  /* fcvt.d.l(0x7ffffffffffffc00), rdn -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(349, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.l fa0, a1, rup)  /* fcvt.d.l(0x7ffffffffffffc00), rup -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(350, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.l fa0, a1, rmm)  /* fcvt.d.l(0x7ffffffffffffc00), rmm -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(351, 0x43e0000000000000, FF_NX, 0x7ffffffffffffe00, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x7ffffffffffffe00), rne -> 0x1p+63 */
        TEST_INT_D(352, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x20000000000001), rne -> 0x1p+53 */
        TEST_INT_D(353, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rtz)  /* fcvt.d.l(0x20000000000001), rtz -> 0x1p+53 */
        TEST_INT_D(354, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rdn)  /* fcvt.d.l(0x20000000000001), rdn -> 0x1p+53 */
        TEST_INT_D(355, 0x4340000000000001, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rup)  /* fcvt.d.l(0x20000000000001), rup -> 0x1.0000000000001p+53 */
        TEST_INT_D(356, 0x4340000000000001, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rmm)  /* fcvt.d.l(0x20000000000001), rmm -> 0x1.0000000000001p+53 */
        TEST_INT_D(357, 0xc340000000000002, FF_NX, 0xffdffffffffffffd, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0xffdffffffffffffd), rne -> -0x1.0000000000002p+53 */
        TEST_INT_D(358, 0xc340000000000001, FF_NX, 0xffdffffffffffffd, fcvt.d.l fa0, a1, rtz)  /* fcvt.d.l(0xffdffffffffffffd), rtz -> -0x1.0000000000001p+53 */
        TEST_INT_D(359, 0xc340000000000002, FF_NX, 0xffdffffffffffffd, fcvt.d.l fa0, a1, rdn)  /* fcvt.d.l(0xffdffffffffffffd), rdn -> -0x1.0000000000002p+53 */
        TEST_INT_D(360, 0xc340000000000001, FF_NX, 0xffdffffffffffffd, fcvt.d.l fa0, a1, rup)  /* fcvt.d.l(0xffdffffffffffffd), rup -> -0x1.0000000000001p+53 */
        TEST_INT_D(361, 0xc340000000000002, FF_NX, 0xffdffffffffffffd, fcvt.d.l fa0, a1, rmm)  /* fcvt.d.l(0xffdffffffffffffd), rmm -> -0x1.0000000000002p+53 */
        TEST_INT_D(362, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x20000000000001), rne -> 0x1p+53 */
        TEST_INT_D(363, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rtz)  /* fcvt.d.l(0x20000000000001), rtz -> 0x1p+53 */
        TEST_INT_D(364, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rdn)  /* fcvt.d.l(0x20000000000001), rdn -> 0x1p+53 */
        TEST_INT_D(365, 0x4340000000000001, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rup)  /* fcvt.d.l(0x20000000000001), rup -> 0x1.0000000000001p+53 */
        TEST_INT_D(366, 0x4340000000000001, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rmm)  /* fcvt.d.l(0x20000000000001), rmm -> 0x1.0000000000001p+53 */
        TEST_INT_D(367, 0x4340000000000000, FF_NX, 0x20000000000001, csrwi frm, 0; fcvt.d.l fa0, a1, dyn; csrwi frm, 0)  /* fcvt.d.l(0x20000000000001), dyn frm=rne -> 0x1p+53 */
        TEST_INT_D(368, 0x4340000000000000, FF_NX, 0x20000000000001, csrwi frm, 1; fcvt.d.l fa0, a1, dyn; csrwi frm, 0)  /* fcvt.d.l(0x20000000000001), dyn frm=rtz -> 0x1p+53 */
        TEST_INT_D(369, 0x4340000000000000, FF_NX, 0x20000000000001, csrwi frm, 2; fcvt.d.l fa0, a1, dyn; csrwi frm, 0)  /* fcvt.d.l(0x20000000000001), dyn frm=rdn -> 0x1p+53 */
        TEST_INT_D(370, 0x4340000000000001, FF_NX, 0x20000000000001, csrwi frm, 3; fcvt.d.l fa0, a1, dyn; csrwi frm, 0)  /* fcvt.d.l(0x20000000000001), dyn frm=rup -> 0x1.0000000000001p+53 */
        TEST_INT_D(371, 0x4340000000000001, FF_NX, 0x20000000000001, csrwi frm, 4; fcvt.d.l fa0, a1, dyn; csrwi frm, 0)  /* fcvt.d.l(0x20000000000001), dyn frm=rmm -> 0x1.0000000000001p+53 */
        TEST_INT_D(372, 0xc340000000000000, FF_NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0xffdfffffffffffff), rne -> -0x1p+53 */
        TEST_INT_D(373, 0xc340000000000000, FF_NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rtz)  /* fcvt.d.l(0xffdfffffffffffff), rtz -> -0x1p+53 */
        TEST_INT_D(374, 0xc340000000000001, FF_NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rdn)  /* fcvt.d.l(0xffdfffffffffffff), rdn -> -0x1.0000000000001p+53 */
        TEST_INT_D(375, 0xc340000000000000, FF_NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rup)  /* fcvt.d.l(0xffdfffffffffffff), rup -> -0x1p+53 */
        TEST_INT_D(376, 0xc340000000000001, FF_NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rmm)  /* fcvt.d.l(0xffdfffffffffffff), rmm -> -0x1.0000000000001p+53 */
        TEST_INT_D(377, 0x4340000000000002, FF_NX, 0x20000000000003, fcvt.d.l fa0, a1, rne)  /* fcvt.d.l(0x20000000000003), rne -> 0x1.0000000000002p+53 */

        /* ---- fcvt.d.lu ---- */
        TEST_INT_D(378, 0x0, 0, 0x0, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x0), rne -> +0 */
        TEST_INT_D(379, 0x3ff0000000000000, 0, 0x1, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x1), rne -> 1.0 */
        TEST_INT_D(380, 0x43f0000000000000, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x-1), rne -> 0x1p+64 */
        TEST_INT_D(381, 0x401c000000000000, 0, 0x7, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x7), rne -> 7.0 */
        TEST_INT_D(382, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x7fffffffffffffff), rne -> 0x1p+63 */
        TEST_INT_D(383, 0x43dfffffffffffff, FF_NX, 0x7fffffffffffffff, fcvt.d.lu fa0, a1, rtz)  /* fcvt.d.lu(0x7fffffffffffffff), rtz -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(384, 0x43dfffffffffffff, FF_NX, 0x7fffffffffffffff, fcvt.d.lu fa0, a1, rdn)  /* fcvt.d.lu(0x7fffffffffffffff), rdn -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(385, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff, fcvt.d.lu fa0, a1, rup)  /* fcvt.d.lu(0x7fffffffffffffff), rup -> 0x1p+63 */
        TEST_INT_D(386, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff, fcvt.d.lu fa0, a1, rmm)  /* fcvt.d.lu(0x7fffffffffffffff), rmm -> 0x1p+63 */
        TEST_INT_D(387, 0x43e0000000000000, 0, 0x8000000000000000, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x8000000000000000), rne -> 0x1p+63 */
        TEST_INT_D(388, 0x43f0000000000000, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0xffffffffffffffff), rne -> 0x1p+64 */
        TEST_INT_D(389, 0x43efffffffffffff, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rtz)  /* fcvt.d.lu(0xffffffffffffffff), rtz -> 0x1.fffffffffffffp+63 */
        TEST_INT_D(390, 0x43efffffffffffff, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rdn)  /* fcvt.d.lu(0xffffffffffffffff), rdn -> 0x1.fffffffffffffp+63 */
        TEST_INT_D(391, 0x43f0000000000000, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rup)  /* fcvt.d.lu(0xffffffffffffffff), rup -> 0x1p+64 */
        TEST_INT_D(392, 0x43f0000000000000, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rmm)  /* fcvt.d.lu(0xffffffffffffffff), rmm -> 0x1p+64 */
        TEST_INT_D(393, 0x41f0000000100000, 0, 0x100000001, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x100000001), rne -> 0x1.00000001p+32 */
        TEST_INT_D(394, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x7ffffffffffffc00), rne -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(395, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.lu fa0, a1, rtz)  /* fcvt.d.lu(0x7ffffffffffffc00), rtz -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(396, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.lu fa0, a1, rdn)  /* fcvt.d.lu(0x7ffffffffffffc00), rdn -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(397, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.lu fa0, a1, rup)  /* fcvt.d.lu(0x7ffffffffffffc00), rup -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(398, 0x43dfffffffffffff, 0, 0x7ffffffffffffc00, fcvt.d.lu fa0, a1, rmm)  /* fcvt.d.lu(0x7ffffffffffffc00), rmm -> 0x1.fffffffffffffp+62 */
        TEST_INT_D(399, 0x43e0000000000000, FF_NX, 0x7ffffffffffffe00, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x7ffffffffffffe00), rne -> 0x1p+63 */
        TEST_INT_D(400, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x20000000000001), rne -> 0x1p+53 */
        TEST_INT_D(401, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.lu fa0, a1, rtz)  /* fcvt.d.lu(0x20000000000001), rtz -> 0x1p+53 */
        TEST_INT_D(402, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.lu fa0, a1, rdn)  /* fcvt.d.lu(0x20000000000001), rdn -> 0x1p+53 */
        TEST_INT_D(403, 0x4340000000000001, FF_NX, 0x20000000000001, fcvt.d.lu fa0, a1, rup)  /* fcvt.d.lu(0x20000000000001), rup -> 0x1.0000000000001p+53 */
        TEST_INT_D(404, 0x4340000000000001, FF_NX, 0x20000000000001, fcvt.d.lu fa0, a1, rmm)  /* fcvt.d.lu(0x20000000000001), rmm -> 0x1.0000000000001p+53 */
        TEST_INT_D(405, 0x43effc0000000000, FF_NX, 0xffdffffffffffffd, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0xffdffffffffffffd), rne -> 0x1.ffcp+63 */
        TEST_INT_D(406, 0x43effbffffffffff, FF_NX, 0xffdffffffffffffd, fcvt.d.lu fa0, a1, rtz)  /* fcvt.d.lu(0xffdffffffffffffd), rtz -> 0x1.ffbffffffffffp+63 */
        TEST_INT_D(407, 0x43effbffffffffff, FF_NX, 0xffdffffffffffffd, fcvt.d.lu fa0, a1, rdn)  /* fcvt.d.lu(0xffdffffffffffffd), rdn -> 0x1.ffbffffffffffp+63 */
        TEST_INT_D(408, 0x43effc0000000000, FF_NX, 0xffdffffffffffffd, fcvt.d.lu fa0, a1, rup)  /* fcvt.d.lu(0xffdffffffffffffd), rup -> 0x1.ffcp+63 */
        TEST_INT_D(409, 0x43effc0000000000, FF_NX, 0xffdffffffffffffd, fcvt.d.lu fa0, a1, rmm)  /* fcvt.d.lu(0xffdffffffffffffd), rmm -> 0x1.ffcp+63 */
        TEST_INT_D(410, 0x43effc0000000000, FF_NX, 0xffdfffffffffffff, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0xffdfffffffffffff), rne -> 0x1.ffcp+63 */
        TEST_INT_D(411, 0x43effbffffffffff, FF_NX, 0xffdfffffffffffff, fcvt.d.lu fa0, a1, rtz)  /* fcvt.d.lu(0xffdfffffffffffff), rtz -> 0x1.ffbffffffffffp+63 */
        TEST_INT_D(412, 0x43effbffffffffff, FF_NX, 0xffdfffffffffffff, fcvt.d.lu fa0, a1, rdn)  /* fcvt.d.lu(0xffdfffffffffffff), rdn -> 0x1.ffbffffffffffp+63 */
        TEST_INT_D(413, 0x43effc0000000000, FF_NX, 0xffdfffffffffffff, fcvt.d.lu fa0, a1, rup)  /* fcvt.d.lu(0xffdfffffffffffff), rup -> 0x1.ffcp+63 */
        TEST_INT_D(414, 0x43effc0000000000, FF_NX, 0xffdfffffffffffff, fcvt.d.lu fa0, a1, rmm)  /* fcvt.d.lu(0xffdfffffffffffff), rmm -> 0x1.ffcp+63 */
        TEST_INT_D(415, 0x4340000000000002, FF_NX, 0x20000000000003, fcvt.d.lu fa0, a1, rne)  /* fcvt.d.lu(0x20000000000003), rne -> 0x1.0000000000002p+53 */

        /* ---- fcvt.s.d (narrowing: rounds) ---- */
        TEST_FP_D(416, 0xffffffff3fc00000, 0, 0x3ff8000000000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(1.5), rne -> 1.5 */
        TEST_FP_D(417, 0xffffffff3eaaaaab, FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(0x1.5555555555555p-2), rne -> 0x1.555556p-2 */
        TEST_FP_D(418, 0xffffffff3eaaaaaa, FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(0x1.5555555555555p-2), rtz -> 0x1.555554p-2 */
        TEST_FP_D(419, 0xffffffff3eaaaaaa, FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(0x1.5555555555555p-2), rdn -> 0x1.555554p-2 */
        TEST_FP_D(420, 0xffffffff3eaaaaab, FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(0x1.5555555555555p-2), rup -> 0x1.555556p-2 */
        TEST_FP_D(421, 0xffffffff3eaaaaab, FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(0x1.5555555555555p-2), rmm -> 0x1.555556p-2 */
        TEST_FP_D(422, 0xffffffff3eaaaaab, FF_NX, 0x3fd5555555555555, 0, 0, csrwi frm, 0; fcvt.s.d fa0, fa1, dyn; csrwi frm, 0)  /* fcvt.s.d(0x1.5555555555555p-2), dyn frm=rne -> 0x1.555556p-2 */
        TEST_FP_D(423, 0xffffffff3eaaaaaa, FF_NX, 0x3fd5555555555555, 0, 0, csrwi frm, 1; fcvt.s.d fa0, fa1, dyn; csrwi frm, 0)  /* fcvt.s.d(0x1.5555555555555p-2), dyn frm=rtz -> 0x1.555554p-2 */
        TEST_FP_D(424, 0xffffffff3eaaaaaa, FF_NX, 0x3fd5555555555555, 0, 0, csrwi frm, 2; fcvt.s.d fa0, fa1, dyn; csrwi frm, 0)  /* fcvt.s.d(0x1.5555555555555p-2), dyn frm=rdn -> 0x1.555554p-2 */
        TEST_FP_D(425, 0xffffffff3eaaaaab, FF_NX, 0x3fd5555555555555, 0, 0, csrwi frm, 3; fcvt.s.d fa0, fa1, dyn; csrwi frm, 0)  /* fcvt.s.d(0x1.5555555555555p-2), dyn frm=rup -> 0x1.555556p-2 */
        TEST_FP_D(426, 0xffffffff3eaaaaab, FF_NX, 0x3fd5555555555555, 0, 0, csrwi frm, 4; fcvt.s.d fa0, fa1, dyn; csrwi frm, 0)  /* fcvt.s.d(0x1.5555555555555p-2), dyn frm=rmm -> 0x1.555556p-2 */
        TEST_FP_D(427, 0xffffffffbeaaaaab, FF_NX, 0xbfd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(-0x1.5555555555555p-2), rne -> -0x1.555556p-2 */
        TEST_FP_D(428, 0xffffffffbeaaaaaa, FF_NX, 0xbfd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(-0x1.5555555555555p-2), rtz -> -0x1.555554p-2 */
        TEST_FP_D(429, 0xffffffffbeaaaaab, FF_NX, 0xbfd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(-0x1.5555555555555p-2), rdn -> -0x1.555556p-2 */
        TEST_FP_D(430, 0xffffffffbeaaaaaa, FF_NX, 0xbfd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(-0x1.5555555555555p-2), rup -> -0x1.555554p-2 */
        TEST_FP_D(431, 0xffffffffbeaaaaab, FF_NX, 0xbfd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(-0x1.5555555555555p-2), rmm -> -0x1.555556p-2 */
        TEST_FP_D(432, 0xffffffff3f800000, FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(0x1.000001p+0), rne -> 1.0 */
        TEST_FP_D(433, 0xffffffff3f800000, FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(0x1.000001p+0), rtz -> 1.0 */
        TEST_FP_D(434, 0xffffffff3f800000, FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(0x1.000001p+0), rdn -> 1.0 */
        TEST_FP_D(435, 0xffffffff3f800001, FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(0x1.000001p+0), rup -> 0x1.000002p+0 */
        TEST_FP_D(436, 0xffffffff3f800001, FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(0x1.000001p+0), rmm -> 0x1.000002p+0 */
        TEST_FP_D(437, 0xffffffff3f800001, FF_NX, 0x3ff0000010000001, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(0x1.0000010000001p+0), rne -> 0x1.000002p+0 */
        TEST_FP_D(438, 0xffffffff7f800000, FF_OF | FF_NX, 0x47f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(0x1p+128), rne -> +inf */
        TEST_FP_D(439, 0xffffffff7f7fffff, FF_OF | FF_NX, 0x47f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(0x1p+128), rtz -> max */
        TEST_FP_D(440, 0xffffffff7f7fffff, FF_OF | FF_NX, 0x47f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(0x1p+128), rdn -> max */
        TEST_FP_D(441, 0xffffffff7f800000, FF_OF | FF_NX, 0x47f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(0x1p+128), rup -> +inf */
        TEST_FP_D(442, 0xffffffff7f800000, FF_OF | FF_NX, 0x47f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(0x1p+128), rmm -> +inf */
        TEST_FP_D(443, 0xffffffff7f800000, FF_OF | FF_NX, 0x7fefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(max), rne -> +inf */
        TEST_FP_D(444, 0xffffffff7f7fffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(max), rtz -> max */
        TEST_FP_D(445, 0xffffffff7f7fffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(max), rdn -> max */
        TEST_FP_D(446, 0xffffffff7f800000, FF_OF | FF_NX, 0x7fefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(max), rup -> +inf */
        TEST_FP_D(447, 0xffffffff7f800000, FF_OF | FF_NX, 0x7fefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(max), rmm -> +inf */
        TEST_FP_D(448, 0xffffffffff800000, FF_OF | FF_NX, 0xffefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(-max), rne -> -inf */
        TEST_FP_D(449, 0xffffffffff7fffff, FF_OF | FF_NX, 0xffefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(-max), rtz -> -max */
        TEST_FP_D(450, 0xffffffffff800000, FF_OF | FF_NX, 0xffefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(-max), rdn -> -inf */
        TEST_FP_D(451, 0xffffffffff7fffff, FF_OF | FF_NX, 0xffefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(-max), rup -> -max */
        TEST_FP_D(452, 0xffffffffff800000, FF_OF | FF_NX, 0xffefffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(-max), rmm -> -inf */
        TEST_FP_D(453, 0xffffffff007fffff, 0, 0x380fffffc0000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(0x1.fffffcp-127), rne -> 0x1.fffffcp-127 */
        TEST_FP_D(454, 0xffffffff00000000, FF_UF | FF_NX, 0x3690000000000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(0x1p-150), rne -> +0 */
        TEST_FP_D(455, 0xffffffff00000000, FF_UF | FF_NX, 0x3690000000000000, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(0x1p-150), rtz -> +0 */
        TEST_FP_D(456, 0xffffffff00000000, FF_UF | FF_NX, 0x3690000000000000, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(0x1p-150), rdn -> +0 */
        TEST_FP_D(457, 0xffffffff00000001, FF_UF | FF_NX, 0x3690000000000000, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(0x1p-150), rup -> 0x1p-149 */
        TEST_FP_D(458, 0xffffffff00000001, FF_UF | FF_NX, 0x3690000000000000, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(0x1p-150), rmm -> 0x1p-149 */
        TEST_FP_D(459, 0xffffffff80000001, FF_UF | FF_NX, 0xb698000000000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(-0x1.8p-150), rne -> -0x1p-149 */
        TEST_FP_D(460, 0xffffffff80000000, FF_UF | FF_NX, 0xb698000000000000, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(-0x1.8p-150), rtz -> -0 */
        TEST_FP_D(461, 0xffffffff80000001, FF_UF | FF_NX, 0xb698000000000000, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(-0x1.8p-150), rdn -> -0x1p-149 */
        TEST_FP_D(462, 0xffffffff80000000, FF_UF | FF_NX, 0xb698000000000000, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(-0x1.8p-150), rup -> -0 */
        TEST_FP_D(463, 0xffffffff80000001, FF_UF | FF_NX, 0xb698000000000000, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(-0x1.8p-150), rmm -> -0x1p-149 */
        TEST_FP_D(464, 0xffffffff00000000, FF_UF | FF_NX, 0x1, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(0x0.0000000000001p-1022), rne -> +0 */
        TEST_FP_D(465, 0xffffffff00000000, FF_UF | FF_NX, 0x1, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(0x0.0000000000001p-1022), rtz -> +0 */
        TEST_FP_D(466, 0xffffffff00000000, FF_UF | FF_NX, 0x1, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(0x0.0000000000001p-1022), rdn -> +0 */
        TEST_FP_D(467, 0xffffffff00000001, FF_UF | FF_NX, 0x1, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(0x0.0000000000001p-1022), rup -> 0x1p-149 */
        TEST_FP_D(468, 0xffffffff00000000, FF_UF | FF_NX, 0x1, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(0x0.0000000000001p-1022), rmm -> +0 */
        TEST_FP_D(469, 0xffffffff00800000, FF_NX, 0x380ffffff0000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(0x1.ffffffp-127), rne -> 0x1p-126 */
        TEST_FP_D(470, 0xffffffff007fffff, FF_UF | FF_NX, 0x380ffffff0000000, 0, 0, fcvt.s.d fa0, fa1, rtz)  /* fcvt.s.d(0x1.ffffffp-127), rtz -> 0x1.fffffcp-127 */
        TEST_FP_D(471, 0xffffffff007fffff, FF_UF | FF_NX, 0x380ffffff0000000, 0, 0, fcvt.s.d fa0, fa1, rdn)  /* fcvt.s.d(0x1.ffffffp-127), rdn -> 0x1.fffffcp-127 */
        TEST_FP_D(472, 0xffffffff00800000, FF_NX, 0x380ffffff0000000, 0, 0, fcvt.s.d fa0, fa1, rup)  /* fcvt.s.d(0x1.ffffffp-127), rup -> 0x1p-126 */
        TEST_FP_D(473, 0xffffffff00800000, FF_NX, 0x380ffffff0000000, 0, 0, fcvt.s.d fa0, fa1, rmm)  /* fcvt.s.d(0x1.ffffffp-127), rmm -> 0x1p-126 */
        TEST_FP_D(474, 0xffffffff00000000, 0, 0x0, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(+0), rne -> +0 */
        TEST_FP_D(475, 0xffffffff80000000, 0, 0x8000000000000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(-0), rne -> -0 */
        TEST_FP_D(476, 0xffffffff7f800000, 0, 0x7ff0000000000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(+inf), rne -> +inf */
        TEST_FP_D(477, 0xffffffffff800000, 0, 0xfff0000000000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(-inf), rne -> -inf */
        TEST_FP_D(478, 0xffffffff7fc00000, 0, 0x7ff8000000000000, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(qNaN), rne -> qNaN */
        TEST_FP_D(479, 0xffffffff7fc00000, 0, 0xfff8000000012345, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(-qNaN(payload)), rne -> qNaN */
        TEST_FP_D(480, 0xffffffff7fc00000, FF_NV, 0x7ff0000000000001, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(sNaN), rne -> qNaN */
        TEST_FP_D(481, 0xffffffff7fc00000, FF_NV, 0x7ff0000000005a5a, 0, 0, fcvt.s.d fa0, fa1, rne)  /* fcvt.s.d(sNaN(payload)), rne -> qNaN */

        /* ---- fcvt.d.s (widening: exact) ---- */
        TEST_FP_RAW(482, 0x3ff8000000000000, 0, 0xffffffff3fc00000, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(1.5) -> 1.5 */
        TEST_FP_RAW(483, 0xbfd5555540000000, 0, 0xffffffffbeaaaaaa, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(-0x1.555554p-2) -> -0x1.555554p-2 */
        TEST_FP_RAW(484, 0x36a0000000000000, 0, 0xffffffff00000001, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(0x1p-149) -> 0x1p-149 */
        TEST_FP_RAW(485, 0x380fffffc0000000, 0, 0xffffffff007fffff, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(0x1.fffffcp-127) -> 0x1.fffffcp-127 */
        TEST_FP_RAW(486, 0x47efffffe0000000, 0, 0xffffffff7f7fffff, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(max) -> 0x1.fffffep+127 */
        TEST_FP_RAW(487, 0xc7efffffe0000000, 0, 0xffffffffff7fffff, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(-max) -> -0x1.fffffep+127 */
        TEST_FP_RAW(488, 0x0, 0, 0xffffffff00000000, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(+0) -> +0 */
        TEST_FP_RAW(489, 0x8000000000000000, 0, 0xffffffff80000000, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(-0) -> -0 */
        TEST_FP_RAW(490, 0x7ff0000000000000, 0, 0xffffffff7f800000, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(+inf) -> +inf */
        TEST_FP_RAW(491, 0xfff0000000000000, 0, 0xffffffffff800000, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(-inf) -> -inf */
        TEST_FP_RAW(492, 0x7ff8000000000000, 0, 0xffffffff7fc00000, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(qNaN) -> qNaN */
        TEST_FP_RAW(493, 0x7ff8000000000000, 0, 0xffffffffffc12345, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(-qNaN(payload)) -> qNaN */
        TEST_FP_RAW(494, 0x7ff8000000000000, FF_NV, 0xffffffff7f800001, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(sNaN) -> qNaN */
        TEST_FP_RAW(495, 0x7ff8000000000000, FF_NV, 0xffffffff7f805a5a, 0, 0, fcvt.d.s fa0, fa1)  /* fcvt.d.s(sNaN(payload)) -> qNaN */
        TEST_FP_RAW(496, 0xbfd5555540000000, 0, 0xffffffffbeaaaaaa, 0, 0, .insn r 0x53, 1, 0x21, fa0, fa1, f0)  /* fcvt.d.s with rm=1: the rounding mode does not matter */
        TEST_FP_RAW(497, 0xbfd5555540000000, 0, 0xffffffffbeaaaaaa, 0, 0, .insn r 0x53, 3, 0x21, fa0, fa1, f0)  /* fcvt.d.s with rm=3: the rounding mode does not matter */
        TEST_FP_RAW(498, 0xbfd5555540000000, 0, 0xffffffffbeaaaaaa, 0, 0, csrwi frm, 2; .insn r 0x53, 7, 0x21, fa0, fa1, f0; csrwi frm, 0)  /* fcvt.d.s with rm=7: the rounding mode does not matter */
        TEST_INT_D(499, 0x41dfffffffc00000, 0, 0x7fffffff, .insn r 0x53, 1, 0x69, fa0, a1, x0)  /* fcvt.d.w(0x7fffffff) with rm=rtz (.insn): exact */
        TEST_INT_D(500, 0xc1e0000000000000, 0, 0x80000000, .insn r 0x53, 1, 0x69, fa0, a1, x0)  /* fcvt.d.w(0x80000000) with rm=rtz (.insn): exact */

        /* ---- fmv.x.d / fmv.d.x ---- */
        TEST_FP_D_INT(501, 0xbff0000000000000, 0, 0xbff0000000000000, 0, fmv.x.d a0, fa1)  /* fmv.x.d(0xbff0000000000000): bits unchanged */
        TEST_FP_D_INT(502, 0x7ff0000000000001, 0, 0x7ff0000000000001, 0, fmv.x.d a0, fa1)  /* fmv.x.d(0x7ff0000000000001): bits unchanged */
        TEST_FP_D_INT(503, 0xfff123456789abcd, 0, 0xfff123456789abcd, 0, fmv.x.d a0, fa1)  /* fmv.x.d(0xfff123456789abcd): bits unchanged */
        TEST_FP_D_INT(504, 0x1, 0, 0x1, 0, fmv.x.d a0, fa1)  /* fmv.x.d(0x1): bits unchanged */
        TEST_FP_D_INT(505, 0x8000000000000000, 0, 0x8000000000000000, 0, fmv.x.d a0, fa1)  /* fmv.x.d(0x8000000000000000): bits unchanged */
        TEST_INT_D(506, 0x7ff0000000000001, 0, 0x7ff0000000000001, fmv.d.x fa0, a1)  /* fmv.d.x(0x7ff0000000000001): bits unchanged */
        TEST_INT_D(507, 0x123456789abcdef0, 0, 0x123456789abcdef0, fmv.d.x fa0, a1)  /* fmv.d.x(0x123456789abcdef0): bits unchanged */
        TEST_INT_D(508, 0xffffffff7fc00000, 0, 0xffffffff7fc00000, fmv.d.x fa0, a1)  /* fmv.d.x(0xffffffff7fc00000): bits unchanged */
        TEST_INT_D(509, 0x40000000, 0, 0x40000000, fmv.d.x fa0, a1)  /* fmv.d.x(0x40000000): bits unchanged */

        TEST_END
