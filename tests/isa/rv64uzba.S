/* Zba address generation (bitmanip 1.0.0): ADD.UW (and its alias ZEXT.W), SH1ADD, SH2ADD, SH3ADD,
 * SH1ADD.UW, SH2ADD.UW, SH3ADD.UW and SLLI.UW: the .uw forms zero-extend the low 32 bits of rs1 before
 * shifting (bit 31 set, upper half set), additions wrap modulo 2^64, SLLI.UW shift amounts 0..63;
 * destination aliasing with either source and x0 operands. */
#include "test.h"
#include "unpriv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the extension here */
        .option arch, +zba

        TEST_BEGIN

        /* ---- add.uw ---- */
        TEST_CODE(2, 0x100000000, li a1, 0xffffffff; li a2, 0x1; add.uw a0, a1, a2)
        TEST_CODE(3, 0x80000010, li a1, 0xffffffff80000000; li a2, 0x10; add.uw a0, a1, a2)
        TEST_CODE(4, 0xfedcba9911111100, li a1, 0x123456789abcdef0; li a2, 0xfedcba9876543210; add.uw a0, a1, a2)
        TEST_CODE(5, 0xfffffffe, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; add.uw a0, a1, a2)
        TEST_CODE(6, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; add.uw a0, a1, a2)
        TEST_CODE(7, 0x7fffffff, li a1, 0x7fffffff; li a2, 0x0; add.uw a0, a1, a2)
        TEST_CODE(8, 0x7fffffffffffffff, li a1, 0x0; li a2, 0x7fffffffffffffff; add.uw a0, a1, a2)
        TEST_CODE(9, 0xfffffffffffffff1, li a1, 0xffffffff00000001; li a2, 0xfffffffffffffff0; add.uw a0, a1, a2)
        TEST_CODE(10, 0xc000000000000000, li a1, 0x4000000000000000; li a2, 0xc000000000000000; add.uw a0, a1, a2)
        TEST_CODE(11, 0x80001001, li a0, 0xffffffff80000001; li a2, 0x1000; add.uw a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(12, 0x80001001, li a1, 0xffffffff80000001; li a0, 0x1000; add.uw a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(13, 0x2, li a0, 0xffffffff80000001; add.uw a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(14, 0x1000, li a2, 0x1000; add.uw a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(15, 0x80000001, li a1, 0xffffffff80000001; add.uw a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(16, 0, li a1, 0xffffffff80000001; li a2, 0x1000; add.uw zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- sh1add ---- */
        TEST_CODE(17, 0x1ffffffff, li a1, 0xffffffff; li a2, 0x1; sh1add a0, a1, a2)
        TEST_CODE(18, 0xffffffff00000010, li a1, 0xffffffff80000000; li a2, 0x10; sh1add a0, a1, a2)
        TEST_CODE(19, 0x23456789abcdeff0, li a1, 0x123456789abcdef0; li a2, 0xfedcba9876543210; sh1add a0, a1, a2)
        TEST_CODE(20, 0xfffffffffffffffd, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; sh1add a0, a1, a2)
        TEST_CODE(21, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; sh1add a0, a1, a2)
        TEST_CODE(22, 0xfffffffe, li a1, 0x7fffffff; li a2, 0x0; sh1add a0, a1, a2)
        TEST_CODE(23, 0x7fffffffffffffff, li a1, 0x0; li a2, 0x7fffffffffffffff; sh1add a0, a1, a2)
        TEST_CODE(24, 0xfffffffdfffffff2, li a1, 0xffffffff00000001; li a2, 0xfffffffffffffff0; sh1add a0, a1, a2)
        TEST_CODE(25, 0x4000000000000000, li a1, 0x4000000000000000; li a2, 0xc000000000000000; sh1add a0, a1, a2)
        TEST_CODE(26, 0xffffffff00001002, li a0, 0xffffffff80000001; li a2, 0x1000; sh1add a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(27, 0xffffffff00001002, li a1, 0xffffffff80000001; li a0, 0x1000; sh1add a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(28, 0xfffffffe80000003, li a0, 0xffffffff80000001; sh1add a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(29, 0x1000, li a2, 0x1000; sh1add a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(30, 0xffffffff00000002, li a1, 0xffffffff80000001; sh1add a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(31, 0, li a1, 0xffffffff80000001; li a2, 0x1000; sh1add zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- sh2add ---- */
        TEST_CODE(32, 0x3fffffffd, li a1, 0xffffffff; li a2, 0x1; sh2add a0, a1, a2)
        TEST_CODE(33, 0xfffffffe00000010, li a1, 0xffffffff80000000; li a2, 0x10; sh2add a0, a1, a2)
        TEST_CODE(34, 0x47ae147ae147add0, li a1, 0x123456789abcdef0; li a2, 0xfedcba9876543210; sh2add a0, a1, a2)
        TEST_CODE(35, 0xfffffffffffffffb, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; sh2add a0, a1, a2)
        TEST_CODE(36, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; sh2add a0, a1, a2)
        TEST_CODE(37, 0x1fffffffc, li a1, 0x7fffffff; li a2, 0x0; sh2add a0, a1, a2)
        TEST_CODE(38, 0x7fffffffffffffff, li a1, 0x0; li a2, 0x7fffffffffffffff; sh2add a0, a1, a2)
        TEST_CODE(39, 0xfffffffbfffffff4, li a1, 0xffffffff00000001; li a2, 0xfffffffffffffff0; sh2add a0, a1, a2)
        TEST_CODE(40, 0xc000000000000000, li a1, 0x4000000000000000; li a2, 0xc000000000000000; sh2add a0, a1, a2)
        TEST_CODE(41, 0xfffffffe00001004, li a0, 0xffffffff80000001; li a2, 0x1000; sh2add a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(42, 0xfffffffe00001004, li a1, 0xffffffff80000001; li a0, 0x1000; sh2add a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(43, 0xfffffffd80000005, li a0, 0xffffffff80000001; sh2add a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(44, 0x1000, li a2, 0x1000; sh2add a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(45, 0xfffffffe00000004, li a1, 0xffffffff80000001; sh2add a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(46, 0, li a1, 0xffffffff80000001; li a2, 0x1000; sh2add zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- sh3add ---- */
        TEST_CODE(47, 0x7fffffff9, li a1, 0xffffffff; li a2, 0x1; sh3add a0, a1, a2)
        TEST_CODE(48, 0xfffffffc00000010, li a1, 0xffffffff80000000; li a2, 0x10; sh3add a0, a1, a2)
        TEST_CODE(49, 0x907f6e5d4c3b2990, li a1, 0x123456789abcdef0; li a2, 0xfedcba9876543210; sh3add a0, a1, a2)
        TEST_CODE(50, 0xfffffffffffffff7, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; sh3add a0, a1, a2)
        TEST_CODE(51, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; sh3add a0, a1, a2)
        TEST_CODE(52, 0x3fffffff8, li a1, 0x7fffffff; li a2, 0x0; sh3add a0, a1, a2)
        TEST_CODE(53, 0x7fffffffffffffff, li a1, 0x0; li a2, 0x7fffffffffffffff; sh3add a0, a1, a2)
        TEST_CODE(54, 0xfffffff7fffffff8, li a1, 0xffffffff00000001; li a2, 0xfffffffffffffff0; sh3add a0, a1, a2)
        TEST_CODE(55, 0xc000000000000000, li a1, 0x4000000000000000; li a2, 0xc000000000000000; sh3add a0, a1, a2)
        TEST_CODE(56, 0xfffffffc00001008, li a0, 0xffffffff80000001; li a2, 0x1000; sh3add a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(57, 0xfffffffc00001008, li a1, 0xffffffff80000001; li a0, 0x1000; sh3add a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(58, 0xfffffffb80000009, li a0, 0xffffffff80000001; sh3add a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(59, 0x1000, li a2, 0x1000; sh3add a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(60, 0xfffffffc00000008, li a1, 0xffffffff80000001; sh3add a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(61, 0, li a1, 0xffffffff80000001; li a2, 0x1000; sh3add zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- sh1add.uw ---- */
        TEST_CODE(62, 0x1ffffffff, li a1, 0xffffffff; li a2, 0x1; sh1add.uw a0, a1, a2)
        TEST_CODE(63, 0x100000010, li a1, 0xffffffff80000000; li a2, 0x10; sh1add.uw a0, a1, a2)
        TEST_CODE(64, 0xfedcba99abcdeff0, li a1, 0x123456789abcdef0; li a2, 0xfedcba9876543210; sh1add.uw a0, a1, a2)
        TEST_CODE(65, 0x1fffffffd, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; sh1add.uw a0, a1, a2)
        TEST_CODE(66, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; sh1add.uw a0, a1, a2)
        TEST_CODE(67, 0xfffffffe, li a1, 0x7fffffff; li a2, 0x0; sh1add.uw a0, a1, a2)
        TEST_CODE(68, 0x7fffffffffffffff, li a1, 0x0; li a2, 0x7fffffffffffffff; sh1add.uw a0, a1, a2)
        TEST_CODE(69, 0xfffffffffffffff2, li a1, 0xffffffff00000001; li a2, 0xfffffffffffffff0; sh1add.uw a0, a1, a2)
        TEST_CODE(70, 0xc000000000000000, li a1, 0x4000000000000000; li a2, 0xc000000000000000; sh1add.uw a0, a1, a2)
        TEST_CODE(71, 0x100001002, li a0, 0xffffffff80000001; li a2, 0x1000; sh1add.uw a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(72, 0x100001002, li a1, 0xffffffff80000001; li a0, 0x1000; sh1add.uw a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(73, 0x80000003, li a0, 0xffffffff80000001; sh1add.uw a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(74, 0x1000, li a2, 0x1000; sh1add.uw a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(75, 0x100000002, li a1, 0xffffffff80000001; sh1add.uw a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(76, 0, li a1, 0xffffffff80000001; li a2, 0x1000; sh1add.uw zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- sh2add.uw ---- */
        TEST_CODE(77, 0x3fffffffd, li a1, 0xffffffff; li a2, 0x1; sh2add.uw a0, a1, a2)
        TEST_CODE(78, 0x200000010, li a1, 0xffffffff80000000; li a2, 0x10; sh2add.uw a0, a1, a2)
        TEST_CODE(79, 0xfedcba9ae147add0, li a1, 0x123456789abcdef0; li a2, 0xfedcba9876543210; sh2add.uw a0, a1, a2)
        TEST_CODE(80, 0x3fffffffb, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; sh2add.uw a0, a1, a2)
        TEST_CODE(81, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; sh2add.uw a0, a1, a2)
        TEST_CODE(82, 0x1fffffffc, li a1, 0x7fffffff; li a2, 0x0; sh2add.uw a0, a1, a2)
        TEST_CODE(83, 0x7fffffffffffffff, li a1, 0x0; li a2, 0x7fffffffffffffff; sh2add.uw a0, a1, a2)
        TEST_CODE(84, 0xfffffffffffffff4, li a1, 0xffffffff00000001; li a2, 0xfffffffffffffff0; sh2add.uw a0, a1, a2)
        TEST_CODE(85, 0xc000000000000000, li a1, 0x4000000000000000; li a2, 0xc000000000000000; sh2add.uw a0, a1, a2)
        TEST_CODE(86, 0x200001004, li a0, 0xffffffff80000001; li a2, 0x1000; sh2add.uw a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(87, 0x200001004, li a1, 0xffffffff80000001; li a0, 0x1000; sh2add.uw a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(88, 0x180000005, li a0, 0xffffffff80000001; sh2add.uw a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(89, 0x1000, li a2, 0x1000; sh2add.uw a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(90, 0x200000004, li a1, 0xffffffff80000001; sh2add.uw a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(91, 0, li a1, 0xffffffff80000001; li a2, 0x1000; sh2add.uw zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- sh3add.uw ---- */
        TEST_CODE(92, 0x7fffffff9, li a1, 0xffffffff; li a2, 0x1; sh3add.uw a0, a1, a2)
        TEST_CODE(93, 0x400000010, li a1, 0xffffffff80000000; li a2, 0x10; sh3add.uw a0, a1, a2)
        TEST_CODE(94, 0xfedcba9d4c3b2990, li a1, 0x123456789abcdef0; li a2, 0xfedcba9876543210; sh3add.uw a0, a1, a2)
        TEST_CODE(95, 0x7fffffff7, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; sh3add.uw a0, a1, a2)
        TEST_CODE(96, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; sh3add.uw a0, a1, a2)
        TEST_CODE(97, 0x3fffffff8, li a1, 0x7fffffff; li a2, 0x0; sh3add.uw a0, a1, a2)
        TEST_CODE(98, 0x7fffffffffffffff, li a1, 0x0; li a2, 0x7fffffffffffffff; sh3add.uw a0, a1, a2)
        TEST_CODE(99, 0xfffffffffffffff8, li a1, 0xffffffff00000001; li a2, 0xfffffffffffffff0; sh3add.uw a0, a1, a2)
        TEST_CODE(100, 0xc000000000000000, li a1, 0x4000000000000000; li a2, 0xc000000000000000; sh3add.uw a0, a1, a2)
        TEST_CODE(101, 0x400001008, li a0, 0xffffffff80000001; li a2, 0x1000; sh3add.uw a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(102, 0x400001008, li a1, 0xffffffff80000001; li a0, 0x1000; sh3add.uw a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(103, 0x380000009, li a0, 0xffffffff80000001; sh3add.uw a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(104, 0x1000, li a2, 0x1000; sh3add.uw a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(105, 0x400000008, li a1, 0xffffffff80000001; sh3add.uw a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(106, 0, li a1, 0xffffffff80000001; li a2, 0x1000; sh3add.uw zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- zext.w (add.uw rd, rs1, zero) ---- */
        TEST_CODE(107, 0xffffffff, li a1, 0xffffffffffffffff; zext.w a0, a1)
        TEST_CODE(108, 0x80000000, li a1, 0x80000000; zext.w a0, a1)
        TEST_CODE(109, 0x7fffffff, li a1, 0xffffffff7fffffff; zext.w a0, a1)
        TEST_CODE(110, 0x9abcdef0, li a1, 0x123456789abcdef0; zext.w a0, a1)
        TEST_CODE(111, 0x0, li a1, 0x0; zext.w a0, a1)

        /* ---- slli.uw ---- */
        TEST_CODE(112, 0xffffffff, li a1, 0xffffffffffffffff; slli.uw a0, a1, 0)
        TEST_CODE(113, 0x1fffffffe, li a1, 0xffffffffffffffff; slli.uw a0, a1, 1)
        TEST_CODE(114, 0x7fffffff80000000, li a1, 0xffffffffffffffff; slli.uw a0, a1, 31)
        TEST_CODE(115, 0xffffffff00000000, li a1, 0xffffffffffffffff; slli.uw a0, a1, 32)
        TEST_CODE(116, 0x8000000000000000, li a1, 0xffffffffffffffff; slli.uw a0, a1, 63)
        TEST_CODE(117, 0x8000000100000000, li a1, 0x80000001; slli.uw a0, a1, 32)
        TEST_CODE(118, 0x200000000, li a1, 0x80000001; slli.uw a0, a1, 33)
        TEST_CODE(119, 0x765432100, li a1, 0xfedcba9876543210; slli.uw a0, a1, 4)
        TEST_CODE(120, 0x76543210, li a1, 0xfedcba9876543210; slli.uw a0, a1, 0)
        TEST_CODE(121, 0xc000000000000000, li a1, 0xffffffff; slli.uw a0, a1, 62)
        TEST_CODE(122, 0x8000000000000000, li a1, 0x7fffffff00000001; slli.uw a0, a1, 63)
        TEST_CODE(123, 0x9abcdef0000, li a1, 0x123456789abcdef0; slli.uw a0, a1, 12)
        TEST_CODE(124, 0x400000008, li a0, 0xffffffff80000001; slli.uw a0, a0, 3)  /* rd = rs1 */
        TEST_CODE(125, 0x0, slli.uw a0, zero, 3)  /* rs1 = x0 */
        TEST_CODE(126, 0, li a1, 0xffffffff80000001; slli.uw zero, a1, 3; mv a0, zero)  /* rd = x0 */

        TEST_END
