/* Zbs single-bit instructions (bitmanip 1.0.0): BCLR, BEXT, BINV, BSET (bit index rs2 modulo 64) and
 * BCLRI, BEXTI, BINVI, BSETI (index 0..63), at bits 0, 31, 32 and 63 and with indexes above 63 in rs2;
 * aliasing and x0 operands. */
#include "test.h"
#include "unpriv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the extension here */
        .option arch, +zbs

        TEST_BEGIN

        /* ---- bclr ---- */
        TEST_CODE(2, 0xfffffffffffffffe, li a1, 0xffffffffffffffff; li a2, 0x0; bclr a0, a1, a2)
        TEST_CODE(3, 0xffffffff7fffffff, li a1, 0xffffffffffffffff; li a2, 0x1f; bclr a0, a1, a2)
        TEST_CODE(4, 0xfffffffeffffffff, li a1, 0xffffffffffffffff; li a2, 0x20; bclr a0, a1, a2)
        TEST_CODE(5, 0x7fffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x3f; bclr a0, a1, a2)
        TEST_CODE(6, 0x0, li a1, 0x0; li a2, 0x0; bclr a0, a1, a2)
        TEST_CODE(7, 0x0, li a1, 0x0; li a2, 0x1f; bclr a0, a1, a2)
        TEST_CODE(8, 0x0, li a1, 0x0; li a2, 0x3f; bclr a0, a1, a2)
        TEST_CODE(9, 0x123456789abcded, li a1, 0x123456789abcdef; li a2, 0x1; bclr a0, a1, a2)
        TEST_CODE(10, 0x123456789abcdcf, li a1, 0x123456789abcdef; li a2, 0x5; bclr a0, a1, a2)
        TEST_CODE(11, 0x123446789abcdef, li a1, 0x123456789abcdef; li a2, 0x28; bclr a0, a1, a2)
        TEST_CODE(12, 0x123456789abcdee, li a1, 0x123456789abcdef; li a2, 0x40; bclr a0, a1, a2)
        TEST_CODE(13, 0x123456709abcdef, li a1, 0x123456789abcdef; li a2, 0x5f; bclr a0, a1, a2)
        TEST_CODE(14, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0xffffffffffffffff; bclr a0, a1, a2)
        TEST_CODE(15, 0x0, li a1, 0x8000000000000000; li a2, 0xffffffffffffffbf; bclr a0, a1, a2)
        TEST_CODE(16, 0x0, li a1, 0x80000000; li a2, 0x1f; bclr a0, a1, a2)
        TEST_CODE(17, 0x1, li a0, 0x8000000000000001; li a2, 0x3f; bclr a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(18, 0x1, li a1, 0x8000000000000001; li a0, 0x3f; bclr a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(19, 0x8000000000000001, li a0, 0x8000000000000001; bclr a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(20, 0x0, li a2, 0x3f; bclr a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(21, 0x8000000000000000, li a1, 0x8000000000000001; bclr a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(22, 0, li a1, 0x8000000000000001; li a2, 0x3f; bclr zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- bext ---- */
        TEST_CODE(23, 0x1, li a1, 0xffffffffffffffff; li a2, 0x0; bext a0, a1, a2)
        TEST_CODE(24, 0x1, li a1, 0xffffffffffffffff; li a2, 0x1f; bext a0, a1, a2)
        TEST_CODE(25, 0x1, li a1, 0xffffffffffffffff; li a2, 0x20; bext a0, a1, a2)
        TEST_CODE(26, 0x1, li a1, 0xffffffffffffffff; li a2, 0x3f; bext a0, a1, a2)
        TEST_CODE(27, 0x0, li a1, 0x0; li a2, 0x0; bext a0, a1, a2)
        TEST_CODE(28, 0x0, li a1, 0x0; li a2, 0x1f; bext a0, a1, a2)
        TEST_CODE(29, 0x0, li a1, 0x0; li a2, 0x3f; bext a0, a1, a2)
        TEST_CODE(30, 0x1, li a1, 0x123456789abcdef; li a2, 0x1; bext a0, a1, a2)
        TEST_CODE(31, 0x1, li a1, 0x123456789abcdef; li a2, 0x5; bext a0, a1, a2)
        TEST_CODE(32, 0x1, li a1, 0x123456789abcdef; li a2, 0x28; bext a0, a1, a2)
        TEST_CODE(33, 0x1, li a1, 0x123456789abcdef; li a2, 0x40; bext a0, a1, a2)
        TEST_CODE(34, 0x1, li a1, 0x123456789abcdef; li a2, 0x5f; bext a0, a1, a2)
        TEST_CODE(35, 0x0, li a1, 0x123456789abcdef; li a2, 0xffffffffffffffff; bext a0, a1, a2)
        TEST_CODE(36, 0x1, li a1, 0x8000000000000000; li a2, 0xffffffffffffffbf; bext a0, a1, a2)
        TEST_CODE(37, 0x1, li a1, 0x80000000; li a2, 0x1f; bext a0, a1, a2)
        TEST_CODE(38, 0x1, li a0, 0x8000000000000001; li a2, 0x3f; bext a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(39, 0x1, li a1, 0x8000000000000001; li a0, 0x3f; bext a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(40, 0x0, li a0, 0x8000000000000001; bext a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(41, 0x0, li a2, 0x3f; bext a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(42, 0x1, li a1, 0x8000000000000001; bext a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(43, 0, li a1, 0x8000000000000001; li a2, 0x3f; bext zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- binv ---- */
        TEST_CODE(44, 0xfffffffffffffffe, li a1, 0xffffffffffffffff; li a2, 0x0; binv a0, a1, a2)
        TEST_CODE(45, 0xffffffff7fffffff, li a1, 0xffffffffffffffff; li a2, 0x1f; binv a0, a1, a2)
        TEST_CODE(46, 0xfffffffeffffffff, li a1, 0xffffffffffffffff; li a2, 0x20; binv a0, a1, a2)
        TEST_CODE(47, 0x7fffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x3f; binv a0, a1, a2)
        TEST_CODE(48, 0x1, li a1, 0x0; li a2, 0x0; binv a0, a1, a2)
        TEST_CODE(49, 0x80000000, li a1, 0x0; li a2, 0x1f; binv a0, a1, a2)
        TEST_CODE(50, 0x8000000000000000, li a1, 0x0; li a2, 0x3f; binv a0, a1, a2)
        TEST_CODE(51, 0x123456789abcded, li a1, 0x123456789abcdef; li a2, 0x1; binv a0, a1, a2)
        TEST_CODE(52, 0x123456789abcdcf, li a1, 0x123456789abcdef; li a2, 0x5; binv a0, a1, a2)
        TEST_CODE(53, 0x123446789abcdef, li a1, 0x123456789abcdef; li a2, 0x28; binv a0, a1, a2)
        TEST_CODE(54, 0x123456789abcdee, li a1, 0x123456789abcdef; li a2, 0x40; binv a0, a1, a2)
        TEST_CODE(55, 0x123456709abcdef, li a1, 0x123456789abcdef; li a2, 0x5f; binv a0, a1, a2)
        TEST_CODE(56, 0x8123456789abcdef, li a1, 0x123456789abcdef; li a2, 0xffffffffffffffff; binv a0, a1, a2)
        TEST_CODE(57, 0x0, li a1, 0x8000000000000000; li a2, 0xffffffffffffffbf; binv a0, a1, a2)
        TEST_CODE(58, 0x0, li a1, 0x80000000; li a2, 0x1f; binv a0, a1, a2)
        TEST_CODE(59, 0x1, li a0, 0x8000000000000001; li a2, 0x3f; binv a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(60, 0x1, li a1, 0x8000000000000001; li a0, 0x3f; binv a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(61, 0x8000000000000003, li a0, 0x8000000000000001; binv a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(62, 0x8000000000000000, li a2, 0x3f; binv a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(63, 0x8000000000000000, li a1, 0x8000000000000001; binv a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(64, 0, li a1, 0x8000000000000001; li a2, 0x3f; binv zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- bset ---- */
        TEST_CODE(65, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x0; bset a0, a1, a2)
        TEST_CODE(66, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x1f; bset a0, a1, a2)
        TEST_CODE(67, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x20; bset a0, a1, a2)
        TEST_CODE(68, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x3f; bset a0, a1, a2)
        TEST_CODE(69, 0x1, li a1, 0x0; li a2, 0x0; bset a0, a1, a2)
        TEST_CODE(70, 0x80000000, li a1, 0x0; li a2, 0x1f; bset a0, a1, a2)
        TEST_CODE(71, 0x8000000000000000, li a1, 0x0; li a2, 0x3f; bset a0, a1, a2)
        TEST_CODE(72, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x1; bset a0, a1, a2)
        TEST_CODE(73, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x5; bset a0, a1, a2)
        TEST_CODE(74, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x28; bset a0, a1, a2)
        TEST_CODE(75, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x40; bset a0, a1, a2)
        TEST_CODE(76, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x5f; bset a0, a1, a2)
        TEST_CODE(77, 0x8123456789abcdef, li a1, 0x123456789abcdef; li a2, 0xffffffffffffffff; bset a0, a1, a2)
        TEST_CODE(78, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0xffffffffffffffbf; bset a0, a1, a2)
        TEST_CODE(79, 0x80000000, li a1, 0x80000000; li a2, 0x1f; bset a0, a1, a2)
        TEST_CODE(80, 0x8000000000000001, li a0, 0x8000000000000001; li a2, 0x3f; bset a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(81, 0x8000000000000001, li a1, 0x8000000000000001; li a0, 0x3f; bset a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(82, 0x8000000000000003, li a0, 0x8000000000000001; bset a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(83, 0x8000000000000000, li a2, 0x3f; bset a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(84, 0x8000000000000001, li a1, 0x8000000000000001; bset a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(85, 0, li a1, 0x8000000000000001; li a2, 0x3f; bset zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- bclri ---- */
        TEST_CODE(86, 0xfffffffffffffffe, li a1, 0xffffffffffffffff; bclri a0, a1, 0)
        TEST_CODE(87, 0xffffffff7fffffff, li a1, 0xffffffffffffffff; bclri a0, a1, 31)
        TEST_CODE(88, 0xfffffffeffffffff, li a1, 0xffffffffffffffff; bclri a0, a1, 32)
        TEST_CODE(89, 0x7fffffffffffffff, li a1, 0xffffffffffffffff; bclri a0, a1, 63)
        TEST_CODE(90, 0x0, li a1, 0x0; bclri a0, a1, 0)
        TEST_CODE(91, 0x0, li a1, 0x0; bclri a0, a1, 31)
        TEST_CODE(92, 0x0, li a1, 0x0; bclri a0, a1, 63)
        TEST_CODE(93, 0x123456789abcded, li a1, 0x123456789abcdef; bclri a0, a1, 1)
        TEST_CODE(94, 0x123456789abcdcf, li a1, 0x123456789abcdef; bclri a0, a1, 5)
        TEST_CODE(95, 0x123446789abcdef, li a1, 0x123456789abcdef; bclri a0, a1, 40)
        TEST_CODE(96, 0x0, li a1, 0x80000000; bclri a0, a1, 31)
        TEST_CODE(97, 0x0, li a1, 0x8000000000000000; bclri a0, a1, 63)
        TEST_CODE(98, 0x1, li a0, 0x8000000000000001; bclri a0, a0, 63)  /* rd = rs1 */
        TEST_CODE(99, 0x0, bclri a0, zero, 63)  /* rs1 = x0 */
        TEST_CODE(100, 0, li a1, 0x8000000000000001; bclri zero, a1, 63; mv a0, zero)  /* rd = x0 */

        /* ---- bexti ---- */
        TEST_CODE(101, 0x1, li a1, 0xffffffffffffffff; bexti a0, a1, 0)
        TEST_CODE(102, 0x1, li a1, 0xffffffffffffffff; bexti a0, a1, 31)
        TEST_CODE(103, 0x1, li a1, 0xffffffffffffffff; bexti a0, a1, 32)
        TEST_CODE(104, 0x1, li a1, 0xffffffffffffffff; bexti a0, a1, 63)
        TEST_CODE(105, 0x0, li a1, 0x0; bexti a0, a1, 0)
        TEST_CODE(106, 0x0, li a1, 0x0; bexti a0, a1, 31)
        TEST_CODE(107, 0x0, li a1, 0x0; bexti a0, a1, 63)
        TEST_CODE(108, 0x1, li a1, 0x123456789abcdef; bexti a0, a1, 1)
        TEST_CODE(109, 0x1, li a1, 0x123456789abcdef; bexti a0, a1, 5)
        TEST_CODE(110, 0x1, li a1, 0x123456789abcdef; bexti a0, a1, 40)
        TEST_CODE(111, 0x1, li a1, 0x80000000; bexti a0, a1, 31)
        TEST_CODE(112, 0x1, li a1, 0x8000000000000000; bexti a0, a1, 63)
        TEST_CODE(113, 0x1, li a0, 0x8000000000000001; bexti a0, a0, 63)  /* rd = rs1 */
        TEST_CODE(114, 0x0, bexti a0, zero, 63)  /* rs1 = x0 */
        TEST_CODE(115, 0, li a1, 0x8000000000000001; bexti zero, a1, 63; mv a0, zero)  /* rd = x0 */

        /* ---- binvi ---- */
        TEST_CODE(116, 0xfffffffffffffffe, li a1, 0xffffffffffffffff; binvi a0, a1, 0)
        TEST_CODE(117, 0xffffffff7fffffff, li a1, 0xffffffffffffffff; binvi a0, a1, 31)
        TEST_CODE(118, 0xfffffffeffffffff, li a1, 0xffffffffffffffff; binvi a0, a1, 32)
        TEST_CODE(119, 0x7fffffffffffffff, li a1, 0xffffffffffffffff; binvi a0, a1, 63)
        TEST_CODE(120, 0x1, li a1, 0x0; binvi a0, a1, 0)
        TEST_CODE(121, 0x80000000, li a1, 0x0; binvi a0, a1, 31)
        TEST_CODE(122, 0x8000000000000000, li a1, 0x0; binvi a0, a1, 63)
        TEST_CODE(123, 0x123456789abcded, li a1, 0x123456789abcdef; binvi a0, a1, 1)
        TEST_CODE(124, 0x123456789abcdcf, li a1, 0x123456789abcdef; binvi a0, a1, 5)
        TEST_CODE(125, 0x123446789abcdef, li a1, 0x123456789abcdef; binvi a0, a1, 40)
        TEST_CODE(126, 0x0, li a1, 0x80000000; binvi a0, a1, 31)
        TEST_CODE(127, 0x0, li a1, 0x8000000000000000; binvi a0, a1, 63)
        TEST_CODE(128, 0x1, li a0, 0x8000000000000001; binvi a0, a0, 63)  /* rd = rs1 */
        TEST_CODE(129, 0x8000000000000000, binvi a0, zero, 63)  /* rs1 = x0 */
        TEST_CODE(130, 0, li a1, 0x8000000000000001; binvi zero, a1, 63; mv a0, zero)  /* rd = x0 */

        /* ---- bseti ---- */
        TEST_CODE(131, 0xffffffffffffffff, li a1, 0xffffffffffffffff; bseti a0, a1, 0)
        TEST_CODE(132, 0xffffffffffffffff, li a1, 0xffffffffffffffff; bseti a0, a1, 31)
        TEST_CODE(133, 0xffffffffffffffff, li a1, 0xffffffffffffffff; bseti a0, a1, 32)
        TEST_CODE(134, 0xffffffffffffffff, li a1, 0xffffffffffffffff; bseti a0, a1, 63)
        TEST_CODE(135, 0x1, li a1, 0x0; bseti a0, a1, 0)
        TEST_CODE(136, 0x80000000, li a1, 0x0; bseti a0, a1, 31)
        TEST_CODE(137, 0x8000000000000000, li a1, 0x0; bseti a0, a1, 63)
        TEST_CODE(138, 0x123456789abcdef, li a1, 0x123456789abcdef; bseti a0, a1, 1)
        TEST_CODE(139, 0x123456789abcdef, li a1, 0x123456789abcdef; bseti a0, a1, 5)
        TEST_CODE(140, 0x123456789abcdef, li a1, 0x123456789abcdef; bseti a0, a1, 40)
        TEST_CODE(141, 0x80000000, li a1, 0x80000000; bseti a0, a1, 31)
        TEST_CODE(142, 0x8000000000000000, li a1, 0x8000000000000000; bseti a0, a1, 63)
        TEST_CODE(143, 0x8000000000000001, li a0, 0x8000000000000001; bseti a0, a0, 63)  /* rd = rs1 */
        TEST_CODE(144, 0x8000000000000000, bseti a0, zero, 63)  /* rs1 = x0 */
        TEST_CODE(145, 0, li a1, 0x8000000000000001; bseti zero, a1, 63; mv a0, zero)  /* rd = x0 */

        TEST_END
