/* Zbb basic bit manipulation (bitmanip 1.0.0): ANDN, ORN, XNOR; CLZ, CTZ, CPOP and the W forms (0 gives
 * 64 / 32, the W forms ignore the upper half); MAX, MIN (signed) and MAXU, MINU (unsigned) on operands
 * whose order differs between the two; SEXT.B, SEXT.H, ZEXT.H; ROL, ROR, RORI and ROLW, RORW, RORIW with
 * amounts 0, 1, 31, 32, 63 and above (rs2 taken modulo 64 / 32; W results sign-extended from bit 31);
 * ORC.B; REV8; aliasing and x0 operands. */
#include "test.h"
#include "unpriv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the extension here */
        .option arch, +zbb

        TEST_BEGIN

        /* ---- andn ---- */
        TEST_CODE(2, 0xf000f000f000f000, li a1, 0xff00ff00ff00ff00; li a2, 0xff00ff00ff00ff0; andn a0, a1, a2)
        TEST_CODE(3, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x0; andn a0, a1, a2)
        TEST_CODE(4, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; andn a0, a1, a2)
        TEST_CODE(5, 0x0, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; andn a0, a1, a2)
        TEST_CODE(6, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; andn a0, a1, a2)
        TEST_CODE(7, 0x1, li a1, 0x8000000000000001; li a2, 0x8000000000000000; andn a0, a1, a2)
        TEST_CODE(8, 0xf000f010305070, li a0, 0xff00ff12345678; li a2, 0xf0f0f0f0f0f0f0f; andn a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(9, 0xf000f010305070, li a1, 0xff00ff12345678; li a0, 0xf0f0f0f0f0f0f0f; andn a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(10, 0x0, li a0, 0xff00ff12345678; andn a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(11, 0x0, li a2, 0xf0f0f0f0f0f0f0f; andn a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(12, 0xff00ff12345678, li a1, 0xff00ff12345678; andn a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(13, 0, li a1, 0xff00ff12345678; li a2, 0xf0f0f0f0f0f0f0f; andn zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- orn ---- */
        TEST_CODE(14, 0xff0fff0fff0fff0f, li a1, 0xff00ff00ff00ff00; li a2, 0xff00ff00ff00ff0; orn a0, a1, a2)
        TEST_CODE(15, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x0; orn a0, a1, a2)
        TEST_CODE(16, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; orn a0, a1, a2)
        TEST_CODE(17, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; orn a0, a1, a2)
        TEST_CODE(18, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; orn a0, a1, a2)
        TEST_CODE(19, 0xffffffffffffffff, li a1, 0x8000000000000001; li a2, 0x8000000000000000; orn a0, a1, a2)
        TEST_CODE(20, 0xf0fff0fff2f4f6f8, li a0, 0xff00ff12345678; li a2, 0xf0f0f0f0f0f0f0f; orn a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(21, 0xf0fff0fff2f4f6f8, li a1, 0xff00ff12345678; li a0, 0xf0f0f0f0f0f0f0f; orn a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(22, 0xffffffffffffffff, li a0, 0xff00ff12345678; orn a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(23, 0xf0f0f0f0f0f0f0f0, li a2, 0xf0f0f0f0f0f0f0f; orn a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(24, 0xffffffffffffffff, li a1, 0xff00ff12345678; orn a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(25, 0, li a1, 0xff00ff12345678; li a2, 0xf0f0f0f0f0f0f0f; orn zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- xnor ---- */
        TEST_CODE(26, 0xf0f0f0f0f0f0f0f, li a1, 0xff00ff00ff00ff00; li a2, 0xff00ff00ff00ff0; xnor a0, a1, a2)
        TEST_CODE(27, 0x0, li a1, 0xffffffffffffffff; li a2, 0x0; xnor a0, a1, a2)
        TEST_CODE(28, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; xnor a0, a1, a2)
        TEST_CODE(29, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; xnor a0, a1, a2)
        TEST_CODE(30, 0x0, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; xnor a0, a1, a2)
        TEST_CODE(31, 0xfffffffffffffffe, li a1, 0x8000000000000001; li a2, 0x8000000000000000; xnor a0, a1, a2)
        TEST_CODE(32, 0xf00ff00fe2c4a688, li a0, 0xff00ff12345678; li a2, 0xf0f0f0f0f0f0f0f; xnor a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(33, 0xf00ff00fe2c4a688, li a1, 0xff00ff12345678; li a0, 0xf0f0f0f0f0f0f0f; xnor a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(34, 0xffffffffffffffff, li a0, 0xff00ff12345678; xnor a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(35, 0xf0f0f0f0f0f0f0f0, li a2, 0xf0f0f0f0f0f0f0f; xnor a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(36, 0xff00ff00edcba987, li a1, 0xff00ff12345678; xnor a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(37, 0, li a1, 0xff00ff12345678; li a2, 0xf0f0f0f0f0f0f0f; xnor zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- clz ---- */
        TEST_CODE(38, 0x40, li a1, 0x0; clz a0, a1)
        TEST_CODE(39, 0x3f, li a1, 0x1; clz a0, a1)
        TEST_CODE(40, 0x0, li a1, 0xffffffffffffffff; clz a0, a1)
        TEST_CODE(41, 0x0, li a1, 0x8000000000000000; clz a0, a1)
        TEST_CODE(42, 0x1, li a1, 0x7fffffffffffffff; clz a0, a1)
        TEST_CODE(43, 0x20, li a1, 0xffffffff; clz a0, a1)
        TEST_CODE(44, 0x0, li a1, 0xffffffff00000000; clz a0, a1)
        TEST_CODE(45, 0x20, li a1, 0x80000000; clz a0, a1)
        TEST_CODE(46, 0x1f, li a1, 0x100000000; clz a0, a1)
        TEST_CODE(47, 0x2f, li a1, 0x10000; clz a0, a1)
        TEST_CODE(48, 0x29, li a1, 0x7f0000; clz a0, a1)
        TEST_CODE(49, 0x0, li a1, 0xffffffff00000010; clz a0, a1)
        TEST_CODE(50, 0x7, li a1, 0x123456789abcdef; clz a0, a1)
        TEST_CODE(51, 0x0, li a1, 0xaaaaaaaaaaaaaaaa; clz a0, a1)
        TEST_CODE(52, 0x1, li a1, 0x5555555500000000; clz a0, a1)
        TEST_CODE(53, 0x37, li a1, 0x100; clz a0, a1)
        TEST_CODE(54, 0x28, li a0, 0xf00000; clz a0, a0)  /* rd = rs1 */
        TEST_CODE(55, 0x40, clz a0, zero)  /* rs1 = x0 */
        TEST_CODE(56, 0, li a1, 0xf00000; clz zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- clzw ---- */
        TEST_CODE(57, 0x20, li a1, 0x0; clzw a0, a1)
        TEST_CODE(58, 0x1f, li a1, 0x1; clzw a0, a1)
        TEST_CODE(59, 0x0, li a1, 0xffffffffffffffff; clzw a0, a1)
        TEST_CODE(60, 0x20, li a1, 0x8000000000000000; clzw a0, a1)
        TEST_CODE(61, 0x0, li a1, 0x7fffffffffffffff; clzw a0, a1)
        TEST_CODE(62, 0x0, li a1, 0xffffffff; clzw a0, a1)
        TEST_CODE(63, 0x20, li a1, 0xffffffff00000000; clzw a0, a1)
        TEST_CODE(64, 0x0, li a1, 0x80000000; clzw a0, a1)
        TEST_CODE(65, 0x20, li a1, 0x100000000; clzw a0, a1)
        TEST_CODE(66, 0xf, li a1, 0x10000; clzw a0, a1)
        TEST_CODE(67, 0x9, li a1, 0x7f0000; clzw a0, a1)
        TEST_CODE(68, 0x1b, li a1, 0xffffffff00000010; clzw a0, a1)
        TEST_CODE(69, 0x0, li a1, 0x123456789abcdef; clzw a0, a1)
        TEST_CODE(70, 0x0, li a1, 0xaaaaaaaaaaaaaaaa; clzw a0, a1)
        TEST_CODE(71, 0x20, li a1, 0x5555555500000000; clzw a0, a1)
        TEST_CODE(72, 0x17, li a1, 0x100; clzw a0, a1)
        TEST_CODE(73, 0x8, li a0, 0xf00000; clzw a0, a0)  /* rd = rs1 */
        TEST_CODE(74, 0x20, clzw a0, zero)  /* rs1 = x0 */
        TEST_CODE(75, 0, li a1, 0xf00000; clzw zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- ctz ---- */
        TEST_CODE(76, 0x40, li a1, 0x0; ctz a0, a1)
        TEST_CODE(77, 0x0, li a1, 0x1; ctz a0, a1)
        TEST_CODE(78, 0x0, li a1, 0xffffffffffffffff; ctz a0, a1)
        TEST_CODE(79, 0x3f, li a1, 0x8000000000000000; ctz a0, a1)
        TEST_CODE(80, 0x0, li a1, 0x7fffffffffffffff; ctz a0, a1)
        TEST_CODE(81, 0x0, li a1, 0xffffffff; ctz a0, a1)
        TEST_CODE(82, 0x20, li a1, 0xffffffff00000000; ctz a0, a1)
        TEST_CODE(83, 0x1f, li a1, 0x80000000; ctz a0, a1)
        TEST_CODE(84, 0x20, li a1, 0x100000000; ctz a0, a1)
        TEST_CODE(85, 0x10, li a1, 0x10000; ctz a0, a1)
        TEST_CODE(86, 0x10, li a1, 0x7f0000; ctz a0, a1)
        TEST_CODE(87, 0x4, li a1, 0xffffffff00000010; ctz a0, a1)
        TEST_CODE(88, 0x0, li a1, 0x123456789abcdef; ctz a0, a1)
        TEST_CODE(89, 0x1, li a1, 0xaaaaaaaaaaaaaaaa; ctz a0, a1)
        TEST_CODE(90, 0x20, li a1, 0x5555555500000000; ctz a0, a1)
        TEST_CODE(91, 0x8, li a1, 0x100; ctz a0, a1)
        TEST_CODE(92, 0x14, li a0, 0xf00000; ctz a0, a0)  /* rd = rs1 */
        TEST_CODE(93, 0x40, ctz a0, zero)  /* rs1 = x0 */
        TEST_CODE(94, 0, li a1, 0xf00000; ctz zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- ctzw ---- */
        TEST_CODE(95, 0x20, li a1, 0x0; ctzw a0, a1)
        TEST_CODE(96, 0x0, li a1, 0x1; ctzw a0, a1)
        TEST_CODE(97, 0x0, li a1, 0xffffffffffffffff; ctzw a0, a1)
        TEST_CODE(98, 0x0, li a1, 0x7fffffffffffffff; ctzw a0, a1)
        TEST_CODE(99, 0x0, li a1, 0xffffffff; ctzw a0, a1)
        TEST_CODE(100, 0x1f, li a1, 0x80000000; ctzw a0, a1)
        TEST_CODE(101, 0x10, li a1, 0x10000; ctzw a0, a1)
        TEST_CODE(102, 0x10, li a1, 0x7f0000; ctzw a0, a1)
        TEST_CODE(103, 0x4, li a1, 0xffffffff00000010; ctzw a0, a1)
        TEST_CODE(104, 0x0, li a1, 0x123456789abcdef; ctzw a0, a1)
        TEST_CODE(105, 0x1, li a1, 0xaaaaaaaaaaaaaaaa; ctzw a0, a1)
        TEST_CODE(106, 0x8, li a1, 0x100; ctzw a0, a1)
        TEST_CODE(107, 0x14, li a0, 0xf00000; ctzw a0, a0)  /* rd = rs1 */
        TEST_CODE(108, 0x20, ctzw a0, zero)  /* rs1 = x0 */
        TEST_CODE(109, 0, li a1, 0xf00000; ctzw zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- cpop ---- */
        TEST_CODE(110, 0x0, li a1, 0x0; cpop a0, a1)
        TEST_CODE(111, 0x1, li a1, 0x1; cpop a0, a1)
        TEST_CODE(112, 0x40, li a1, 0xffffffffffffffff; cpop a0, a1)
        TEST_CODE(113, 0x1, li a1, 0x8000000000000000; cpop a0, a1)
        TEST_CODE(114, 0x3f, li a1, 0x7fffffffffffffff; cpop a0, a1)
        TEST_CODE(115, 0x20, li a1, 0xffffffff; cpop a0, a1)
        TEST_CODE(116, 0x20, li a1, 0xffffffff00000000; cpop a0, a1)
        TEST_CODE(117, 0x1, li a1, 0x80000000; cpop a0, a1)
        TEST_CODE(118, 0x1, li a1, 0x100000000; cpop a0, a1)
        TEST_CODE(119, 0x1, li a1, 0x10000; cpop a0, a1)
        TEST_CODE(120, 0x7, li a1, 0x7f0000; cpop a0, a1)
        TEST_CODE(121, 0x21, li a1, 0xffffffff00000010; cpop a0, a1)
        TEST_CODE(122, 0x20, li a1, 0x123456789abcdef; cpop a0, a1)
        TEST_CODE(123, 0x20, li a1, 0xaaaaaaaaaaaaaaaa; cpop a0, a1)
        TEST_CODE(124, 0x10, li a1, 0x5555555500000000; cpop a0, a1)
        TEST_CODE(125, 0x1, li a1, 0x100; cpop a0, a1)
        TEST_CODE(126, 0x4, li a0, 0xf00000; cpop a0, a0)  /* rd = rs1 */
        TEST_CODE(127, 0x0, cpop a0, zero)  /* rs1 = x0 */
        TEST_CODE(128, 0, li a1, 0xf00000; cpop zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- cpopw ---- */
        TEST_CODE(129, 0x0, li a1, 0x0; cpopw a0, a1)
        TEST_CODE(130, 0x1, li a1, 0x1; cpopw a0, a1)
        TEST_CODE(131, 0x20, li a1, 0xffffffffffffffff; cpopw a0, a1)
        TEST_CODE(132, 0x0, li a1, 0x8000000000000000; cpopw a0, a1)
        TEST_CODE(133, 0x20, li a1, 0x7fffffffffffffff; cpopw a0, a1)
        TEST_CODE(134, 0x20, li a1, 0xffffffff; cpopw a0, a1)
        TEST_CODE(135, 0x0, li a1, 0xffffffff00000000; cpopw a0, a1)
        TEST_CODE(136, 0x1, li a1, 0x80000000; cpopw a0, a1)
        TEST_CODE(137, 0x0, li a1, 0x100000000; cpopw a0, a1)
        TEST_CODE(138, 0x1, li a1, 0x10000; cpopw a0, a1)
        TEST_CODE(139, 0x7, li a1, 0x7f0000; cpopw a0, a1)
        TEST_CODE(140, 0x1, li a1, 0xffffffff00000010; cpopw a0, a1)
        TEST_CODE(141, 0x14, li a1, 0x123456789abcdef; cpopw a0, a1)
        TEST_CODE(142, 0x10, li a1, 0xaaaaaaaaaaaaaaaa; cpopw a0, a1)
        TEST_CODE(143, 0x0, li a1, 0x5555555500000000; cpopw a0, a1)
        TEST_CODE(144, 0x1, li a1, 0x100; cpopw a0, a1)
        TEST_CODE(145, 0x4, li a0, 0xf00000; cpopw a0, a0)  /* rd = rs1 */
        TEST_CODE(146, 0x0, cpopw a0, zero)  /* rs1 = x0 */
        TEST_CODE(147, 0, li a1, 0xf00000; cpopw zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- max ---- */
        TEST_CODE(148, 0x2, li a1, 0x1; li a2, 0x2; max a0, a1, a2)
        TEST_CODE(149, 0x2, li a1, 0x2; li a2, 0x1; max a0, a1, a2)
        TEST_CODE(150, 0x1, li a1, 0xffffffffffffffff; li a2, 0x1; max a0, a1, a2)
        TEST_CODE(151, 0x1, li a1, 0x1; li a2, 0xffffffffffffffff; max a0, a1, a2)
        TEST_CODE(152, 0x7fffffffffffffff, li a1, 0x8000000000000000; li a2, 0x7fffffffffffffff; max a0, a1, a2)
        TEST_CODE(153, 0x7fffffffffffffff, li a1, 0x7fffffffffffffff; li a2, 0x8000000000000000; max a0, a1, a2)
        TEST_CODE(154, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; max a0, a1, a2)
        TEST_CODE(155, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; max a0, a1, a2)
        TEST_CODE(156, 0xffffffffffffffff, li a1, 0xfffffffffffffffe; li a2, 0xffffffffffffffff; max a0, a1, a2)
        TEST_CODE(157, 0x80000000, li a1, 0x80000000; li a2, 0xffffffff80000000; max a0, a1, a2)
        TEST_CODE(158, 0x5, li a1, 0x5; li a2, 0x5; max a0, a1, a2)
        TEST_CODE(159, 0x0, li a1, 0x0; li a2, 0x8000000000000000; max a0, a1, a2)
        TEST_CODE(160, 0x10, li a0, 0xffffffffffff0000; li a2, 0x10; max a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(161, 0x10, li a1, 0xffffffffffff0000; li a0, 0x10; max a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(162, 0xffffffffffff0000, li a0, 0xffffffffffff0000; max a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(163, 0x10, li a2, 0x10; max a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(164, 0x0, li a1, 0xffffffffffff0000; max a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(165, 0, li a1, 0xffffffffffff0000; li a2, 0x10; max zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- maxu ---- */
        TEST_CODE(166, 0x2, li a1, 0x1; li a2, 0x2; maxu a0, a1, a2)
        TEST_CODE(167, 0x2, li a1, 0x2; li a2, 0x1; maxu a0, a1, a2)
        TEST_CODE(168, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x1; maxu a0, a1, a2)
        TEST_CODE(169, 0xffffffffffffffff, li a1, 0x1; li a2, 0xffffffffffffffff; maxu a0, a1, a2)
        TEST_CODE(170, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x7fffffffffffffff; maxu a0, a1, a2)
        TEST_CODE(171, 0x8000000000000000, li a1, 0x7fffffffffffffff; li a2, 0x8000000000000000; maxu a0, a1, a2)
        TEST_CODE(172, 0xffffffffffffffff, li a1, 0x0; li a2, 0xffffffffffffffff; maxu a0, a1, a2)
        TEST_CODE(173, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; maxu a0, a1, a2)
        TEST_CODE(174, 0xffffffffffffffff, li a1, 0xfffffffffffffffe; li a2, 0xffffffffffffffff; maxu a0, a1, a2)
        TEST_CODE(175, 0xffffffff80000000, li a1, 0x80000000; li a2, 0xffffffff80000000; maxu a0, a1, a2)
        TEST_CODE(176, 0x5, li a1, 0x5; li a2, 0x5; maxu a0, a1, a2)
        TEST_CODE(177, 0x8000000000000000, li a1, 0x0; li a2, 0x8000000000000000; maxu a0, a1, a2)
        TEST_CODE(178, 0xffffffffffff0000, li a0, 0xffffffffffff0000; li a2, 0x10; maxu a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(179, 0xffffffffffff0000, li a1, 0xffffffffffff0000; li a0, 0x10; maxu a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(180, 0xffffffffffff0000, li a0, 0xffffffffffff0000; maxu a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(181, 0x10, li a2, 0x10; maxu a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(182, 0xffffffffffff0000, li a1, 0xffffffffffff0000; maxu a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(183, 0, li a1, 0xffffffffffff0000; li a2, 0x10; maxu zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- min ---- */
        TEST_CODE(184, 0x1, li a1, 0x1; li a2, 0x2; min a0, a1, a2)
        TEST_CODE(185, 0x1, li a1, 0x2; li a2, 0x1; min a0, a1, a2)
        TEST_CODE(186, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x1; min a0, a1, a2)
        TEST_CODE(187, 0xffffffffffffffff, li a1, 0x1; li a2, 0xffffffffffffffff; min a0, a1, a2)
        TEST_CODE(188, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x7fffffffffffffff; min a0, a1, a2)
        TEST_CODE(189, 0x8000000000000000, li a1, 0x7fffffffffffffff; li a2, 0x8000000000000000; min a0, a1, a2)
        TEST_CODE(190, 0xffffffffffffffff, li a1, 0x0; li a2, 0xffffffffffffffff; min a0, a1, a2)
        TEST_CODE(191, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; min a0, a1, a2)
        TEST_CODE(192, 0xfffffffffffffffe, li a1, 0xfffffffffffffffe; li a2, 0xffffffffffffffff; min a0, a1, a2)
        TEST_CODE(193, 0xffffffff80000000, li a1, 0x80000000; li a2, 0xffffffff80000000; min a0, a1, a2)
        TEST_CODE(194, 0x5, li a1, 0x5; li a2, 0x5; min a0, a1, a2)
        TEST_CODE(195, 0x8000000000000000, li a1, 0x0; li a2, 0x8000000000000000; min a0, a1, a2)
        TEST_CODE(196, 0xffffffffffff0000, li a0, 0xffffffffffff0000; li a2, 0x10; min a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(197, 0xffffffffffff0000, li a1, 0xffffffffffff0000; li a0, 0x10; min a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(198, 0xffffffffffff0000, li a0, 0xffffffffffff0000; min a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(199, 0x0, li a2, 0x10; min a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(200, 0xffffffffffff0000, li a1, 0xffffffffffff0000; min a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(201, 0, li a1, 0xffffffffffff0000; li a2, 0x10; min zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- minu ---- */
        TEST_CODE(202, 0x1, li a1, 0x1; li a2, 0x2; minu a0, a1, a2)
        TEST_CODE(203, 0x1, li a1, 0x2; li a2, 0x1; minu a0, a1, a2)
        TEST_CODE(204, 0x1, li a1, 0xffffffffffffffff; li a2, 0x1; minu a0, a1, a2)
        TEST_CODE(205, 0x1, li a1, 0x1; li a2, 0xffffffffffffffff; minu a0, a1, a2)
        TEST_CODE(206, 0x7fffffffffffffff, li a1, 0x8000000000000000; li a2, 0x7fffffffffffffff; minu a0, a1, a2)
        TEST_CODE(207, 0x7fffffffffffffff, li a1, 0x7fffffffffffffff; li a2, 0x8000000000000000; minu a0, a1, a2)
        TEST_CODE(208, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; minu a0, a1, a2)
        TEST_CODE(209, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0xffffffffffffffff; minu a0, a1, a2)
        TEST_CODE(210, 0xfffffffffffffffe, li a1, 0xfffffffffffffffe; li a2, 0xffffffffffffffff; minu a0, a1, a2)
        TEST_CODE(211, 0x80000000, li a1, 0x80000000; li a2, 0xffffffff80000000; minu a0, a1, a2)
        TEST_CODE(212, 0x5, li a1, 0x5; li a2, 0x5; minu a0, a1, a2)
        TEST_CODE(213, 0x0, li a1, 0x0; li a2, 0x8000000000000000; minu a0, a1, a2)
        TEST_CODE(214, 0x10, li a0, 0xffffffffffff0000; li a2, 0x10; minu a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(215, 0x10, li a1, 0xffffffffffff0000; li a0, 0x10; minu a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(216, 0xffffffffffff0000, li a0, 0xffffffffffff0000; minu a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(217, 0x0, li a2, 0x10; minu a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(218, 0x0, li a1, 0xffffffffffff0000; minu a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(219, 0, li a1, 0xffffffffffff0000; li a2, 0x10; minu zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- sext.b ---- */
        TEST_CODE(220, 0x0, li a1, 0x0; sext.b a0, a1)
        TEST_CODE(221, 0x7f, li a1, 0x7f; sext.b a0, a1)
        TEST_CODE(222, 0xffffffffffffff80, li a1, 0x80; sext.b a0, a1)
        TEST_CODE(223, 0xffffffffffffffff, li a1, 0xff; sext.b a0, a1)
        TEST_CODE(224, 0xffffffffffffffff, li a1, 0x7fff; sext.b a0, a1)
        TEST_CODE(225, 0x0, li a1, 0x8000; sext.b a0, a1)
        TEST_CODE(226, 0xffffffffffffffff, li a1, 0xffff; sext.b a0, a1)
        TEST_CODE(227, 0xffffffffffffffff, li a1, 0x12345678abcd80ff; sext.b a0, a1)
        TEST_CODE(228, 0x0, li a1, 0xffffffffffff7f00; sext.b a0, a1)
        TEST_CODE(229, 0xffffffffffffffff, li a1, 0xffffffffffffffff; sext.b a0, a1)
        TEST_CODE(230, 0xffffffffffffff80, li a1, 0x10080; sext.b a0, a1)
        TEST_CODE(231, 0xffffffffffffffef, li a0, 0x1234567890abcdef; sext.b a0, a0)  /* rd = rs1 */
        TEST_CODE(232, 0x0, sext.b a0, zero)  /* rs1 = x0 */
        TEST_CODE(233, 0, li a1, 0x1234567890abcdef; sext.b zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- sext.h ---- */
        TEST_CODE(234, 0x0, li a1, 0x0; sext.h a0, a1)
        TEST_CODE(235, 0x7f, li a1, 0x7f; sext.h a0, a1)
        TEST_CODE(236, 0x80, li a1, 0x80; sext.h a0, a1)
        TEST_CODE(237, 0xff, li a1, 0xff; sext.h a0, a1)
        TEST_CODE(238, 0x7fff, li a1, 0x7fff; sext.h a0, a1)
        TEST_CODE(239, 0xffffffffffff8000, li a1, 0x8000; sext.h a0, a1)
        TEST_CODE(240, 0xffffffffffffffff, li a1, 0xffff; sext.h a0, a1)
        TEST_CODE(241, 0xffffffffffff80ff, li a1, 0x12345678abcd80ff; sext.h a0, a1)
        TEST_CODE(242, 0x7f00, li a1, 0xffffffffffff7f00; sext.h a0, a1)
        TEST_CODE(243, 0xffffffffffffffff, li a1, 0xffffffffffffffff; sext.h a0, a1)
        TEST_CODE(244, 0x80, li a1, 0x10080; sext.h a0, a1)
        TEST_CODE(245, 0xffffffffffffcdef, li a0, 0x1234567890abcdef; sext.h a0, a0)  /* rd = rs1 */
        TEST_CODE(246, 0x0, sext.h a0, zero)  /* rs1 = x0 */
        TEST_CODE(247, 0, li a1, 0x1234567890abcdef; sext.h zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- zext.h ---- */
        TEST_CODE(248, 0x0, li a1, 0x0; zext.h a0, a1)
        TEST_CODE(249, 0x7f, li a1, 0x7f; zext.h a0, a1)
        TEST_CODE(250, 0x80, li a1, 0x80; zext.h a0, a1)
        TEST_CODE(251, 0xff, li a1, 0xff; zext.h a0, a1)
        TEST_CODE(252, 0x7fff, li a1, 0x7fff; zext.h a0, a1)
        TEST_CODE(253, 0x8000, li a1, 0x8000; zext.h a0, a1)
        TEST_CODE(254, 0xffff, li a1, 0xffff; zext.h a0, a1)
        TEST_CODE(255, 0x80ff, li a1, 0x12345678abcd80ff; zext.h a0, a1)
        TEST_CODE(256, 0x7f00, li a1, 0xffffffffffff7f00; zext.h a0, a1)
        TEST_CODE(257, 0xffff, li a1, 0xffffffffffffffff; zext.h a0, a1)
        TEST_CODE(258, 0x80, li a1, 0x10080; zext.h a0, a1)
        TEST_CODE(259, 0xcdef, li a0, 0x1234567890abcdef; zext.h a0, a0)  /* rd = rs1 */
        TEST_CODE(260, 0x0, zext.h a0, zero)  /* rs1 = x0 */
        TEST_CODE(261, 0, li a1, 0x1234567890abcdef; zext.h zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- rol ---- */
        TEST_CODE(262, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x0; rol a0, a1, a2)
        TEST_CODE(263, 0x2468acf13579bde, li a1, 0x123456789abcdef; li a2, 0x1; rol a0, a1, a2)
        TEST_CODE(264, 0x123456789abcdef0, li a1, 0x123456789abcdef; li a2, 0x4; rol a0, a1, a2)
        TEST_CODE(265, 0xc4d5e6f78091a2b3, li a1, 0x123456789abcdef; li a2, 0x1f; rol a0, a1, a2)
        TEST_CODE(266, 0x89abcdef01234567, li a1, 0x123456789abcdef; li a2, 0x20; rol a0, a1, a2)
        TEST_CODE(267, 0x8091a2b3c4d5e6f7, li a1, 0x123456789abcdef; li a2, 0x3f; rol a0, a1, a2)
        TEST_CODE(268, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x40; rol a0, a1, a2)
        TEST_CODE(269, 0x2468acf13579bde, li a1, 0x123456789abcdef; li a2, 0x41; rol a0, a1, a2)
        TEST_CODE(270, 0x8091a2b3c4d5e6f7, li a1, 0x123456789abcdef; li a2, 0xffffffffffffffff; rol a0, a1, a2)
        TEST_CODE(271, 0x3, li a1, 0x8000000000000001; li a2, 0x1; rol a0, a1, a2)
        TEST_CODE(272, 0x8000000000000000, li a1, 0x1; li a2, 0x3f; rol a0, a1, a2)
        TEST_CODE(273, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x11; rol a0, a1, a2)
        TEST_CODE(274, 0x0, li a1, 0x0; li a2, 0x5; rol a0, a1, a2)
        TEST_CODE(275, 0x1, li a1, 0x8000000000000000; li a2, 0xffffffffffffffc1; rol a0, a1, a2)
        TEST_CODE(276, 0xc, li a0, 0x8000000000000001; li a2, 0x3; rol a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(277, 0xc, li a1, 0x8000000000000001; li a0, 0x3; rol a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(278, 0x3, li a0, 0x8000000000000001; rol a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(279, 0x0, li a2, 0x3; rol a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(280, 0x8000000000000001, li a1, 0x8000000000000001; rol a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(281, 0, li a1, 0x8000000000000001; li a2, 0x3; rol zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- ror ---- */
        TEST_CODE(282, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x0; ror a0, a1, a2)
        TEST_CODE(283, 0x8091a2b3c4d5e6f7, li a1, 0x123456789abcdef; li a2, 0x1; ror a0, a1, a2)
        TEST_CODE(284, 0xf0123456789abcde, li a1, 0x123456789abcdef; li a2, 0x4; ror a0, a1, a2)
        TEST_CODE(285, 0x13579bde02468acf, li a1, 0x123456789abcdef; li a2, 0x1f; ror a0, a1, a2)
        TEST_CODE(286, 0x89abcdef01234567, li a1, 0x123456789abcdef; li a2, 0x20; ror a0, a1, a2)
        TEST_CODE(287, 0x2468acf13579bde, li a1, 0x123456789abcdef; li a2, 0x3f; ror a0, a1, a2)
        TEST_CODE(288, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x40; ror a0, a1, a2)
        TEST_CODE(289, 0x8091a2b3c4d5e6f7, li a1, 0x123456789abcdef; li a2, 0x41; ror a0, a1, a2)
        TEST_CODE(290, 0x2468acf13579bde, li a1, 0x123456789abcdef; li a2, 0xffffffffffffffff; ror a0, a1, a2)
        TEST_CODE(291, 0xc000000000000000, li a1, 0x8000000000000001; li a2, 0x1; ror a0, a1, a2)
        TEST_CODE(292, 0x2, li a1, 0x1; li a2, 0x3f; ror a0, a1, a2)
        TEST_CODE(293, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x11; ror a0, a1, a2)
        TEST_CODE(294, 0x0, li a1, 0x0; li a2, 0x5; ror a0, a1, a2)
        TEST_CODE(295, 0x4000000000000000, li a1, 0x8000000000000000; li a2, 0xffffffffffffffc1; ror a0, a1, a2)
        TEST_CODE(296, 0x3000000000000000, li a0, 0x8000000000000001; li a2, 0x3; ror a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(297, 0x3000000000000000, li a1, 0x8000000000000001; li a0, 0x3; ror a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(298, 0xc000000000000000, li a0, 0x8000000000000001; ror a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(299, 0x0, li a2, 0x3; ror a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(300, 0x8000000000000001, li a1, 0x8000000000000001; ror a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(301, 0, li a1, 0x8000000000000001; li a2, 0x3; ror zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- rori ---- */
        TEST_CODE(302, 0x123456789abcdef, li a1, 0x123456789abcdef; rori a0, a1, 0)
        TEST_CODE(303, 0x8091a2b3c4d5e6f7, li a1, 0x123456789abcdef; rori a0, a1, 1)
        TEST_CODE(304, 0xf0123456789abcde, li a1, 0x123456789abcdef; rori a0, a1, 4)
        TEST_CODE(305, 0x13579bde02468acf, li a1, 0x123456789abcdef; rori a0, a1, 31)
        TEST_CODE(306, 0x89abcdef01234567, li a1, 0x123456789abcdef; rori a0, a1, 32)
        TEST_CODE(307, 0x2468acf13579bde, li a1, 0x123456789abcdef; rori a0, a1, 63)
        TEST_CODE(308, 0xc000000000000000, li a1, 0x8000000000000001; rori a0, a1, 1)
        TEST_CODE(309, 0x8000000000000000, li a1, 0x1; rori a0, a1, 1)
        TEST_CODE(310, 0xffffffffffffffff, li a1, 0xffffffffffffffff; rori a0, a1, 40)
        TEST_CODE(311, 0xc000000000000000, li a0, 0x8000000000000001; rori a0, a0, 1)  /* rd = rs1 */
        TEST_CODE(312, 0x0, rori a0, zero, 1)  /* rs1 = x0 */
        TEST_CODE(313, 0, li a1, 0x8000000000000001; rori zero, a1, 1; mv a0, zero)  /* rd = x0 */

        /* ---- rolw ---- */
        TEST_CODE(314, 0xffffffff87654321, li a1, 0xfedcba9887654321; li a2, 0x0; rolw a0, a1, a2)
        TEST_CODE(315, 0xeca8643, li a1, 0xfedcba9887654321; li a2, 0x1; rolw a0, a1, a2)
        TEST_CODE(316, 0x76543218, li a1, 0xfedcba9887654321; li a2, 0x4; rolw a0, a1, a2)
        TEST_CODE(317, 0xffffffffc3b2a190, li a1, 0xfedcba9887654321; li a2, 0x1f; rolw a0, a1, a2)
        TEST_CODE(318, 0xffffffff87654321, li a1, 0xfedcba9887654321; li a2, 0x20; rolw a0, a1, a2)
        TEST_CODE(319, 0xeca8643, li a1, 0xfedcba9887654321; li a2, 0x21; rolw a0, a1, a2)
        TEST_CODE(320, 0xffffffffc3b2a190, li a1, 0xfedcba9887654321; li a2, 0x3f; rolw a0, a1, a2)
        TEST_CODE(321, 0xffffffffc3b2a190, li a1, 0xfedcba9887654321; li a2, 0xffffffffffffffff; rolw a0, a1, a2)
        TEST_CODE(322, 0x3, li a1, 0x80000001; li a2, 0x1; rolw a0, a1, a2)
        TEST_CODE(323, 0xffffffff80000000, li a1, 0x40000000; li a2, 0x1; rolw a0, a1, a2)
        TEST_CODE(324, 0xffffffff80000000, li a1, 0xffffffff00000001; li a2, 0x1f; rolw a0, a1, a2)
        TEST_CODE(325, 0x7fffffff, li a1, 0x123456787fffffff; li a2, 0x0; rolw a0, a1, a2)
        TEST_CODE(326, 0xffffffffffffffff, li a1, 0xffffffff; li a2, 0x7; rolw a0, a1, a2)
        TEST_CODE(327, 0x0, li a1, 0x0; li a2, 0x9; rolw a0, a1, a2)
        TEST_CODE(328, 0x3, li a0, 0x80000001; li a2, 0x1; rolw a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(329, 0x3, li a1, 0x80000001; li a0, 0x1; rolw a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(330, 0x3, li a0, 0x80000001; rolw a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(331, 0x0, li a2, 0x1; rolw a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(332, 0xffffffff80000001, li a1, 0x80000001; rolw a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(333, 0, li a1, 0x80000001; li a2, 0x1; rolw zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- rorw ---- */
        TEST_CODE(334, 0xffffffff87654321, li a1, 0xfedcba9887654321; li a2, 0x0; rorw a0, a1, a2)
        TEST_CODE(335, 0xffffffffc3b2a190, li a1, 0xfedcba9887654321; li a2, 0x1; rorw a0, a1, a2)
        TEST_CODE(336, 0x18765432, li a1, 0xfedcba9887654321; li a2, 0x4; rorw a0, a1, a2)
        TEST_CODE(337, 0xeca8643, li a1, 0xfedcba9887654321; li a2, 0x1f; rorw a0, a1, a2)
        TEST_CODE(338, 0xffffffff87654321, li a1, 0xfedcba9887654321; li a2, 0x20; rorw a0, a1, a2)
        TEST_CODE(339, 0xffffffffc3b2a190, li a1, 0xfedcba9887654321; li a2, 0x21; rorw a0, a1, a2)
        TEST_CODE(340, 0xeca8643, li a1, 0xfedcba9887654321; li a2, 0x3f; rorw a0, a1, a2)
        TEST_CODE(341, 0xeca8643, li a1, 0xfedcba9887654321; li a2, 0xffffffffffffffff; rorw a0, a1, a2)
        TEST_CODE(342, 0xffffffffc0000000, li a1, 0x80000001; li a2, 0x1; rorw a0, a1, a2)
        TEST_CODE(343, 0x20000000, li a1, 0x40000000; li a2, 0x1; rorw a0, a1, a2)
        TEST_CODE(344, 0x2, li a1, 0xffffffff00000001; li a2, 0x1f; rorw a0, a1, a2)
        TEST_CODE(345, 0x7fffffff, li a1, 0x123456787fffffff; li a2, 0x0; rorw a0, a1, a2)
        TEST_CODE(346, 0xffffffffffffffff, li a1, 0xffffffff; li a2, 0x7; rorw a0, a1, a2)
        TEST_CODE(347, 0x0, li a1, 0x0; li a2, 0x9; rorw a0, a1, a2)
        TEST_CODE(348, 0xffffffffc0000000, li a0, 0x80000001; li a2, 0x1; rorw a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(349, 0xffffffffc0000000, li a1, 0x80000001; li a0, 0x1; rorw a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(350, 0xffffffffc0000000, li a0, 0x80000001; rorw a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(351, 0x0, li a2, 0x1; rorw a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(352, 0xffffffff80000001, li a1, 0x80000001; rorw a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(353, 0, li a1, 0x80000001; li a2, 0x1; rorw zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- roriw ---- */
        TEST_CODE(354, 0xffffffff87654321, li a1, 0xfedcba9887654321; roriw a0, a1, 0)
        TEST_CODE(355, 0xffffffffc3b2a190, li a1, 0xfedcba9887654321; roriw a0, a1, 1)
        TEST_CODE(356, 0x18765432, li a1, 0xfedcba9887654321; roriw a0, a1, 4)
        TEST_CODE(357, 0xeca8643, li a1, 0xfedcba9887654321; roriw a0, a1, 31)
        TEST_CODE(358, 0xffffffffc0000000, li a1, 0x80000001; roriw a0, a1, 1)
        TEST_CODE(359, 0xffffffff80000000, li a1, 0x1; roriw a0, a1, 1)
        TEST_CODE(360, 0x7fffffff, li a1, 0xffffffff7fffffff; roriw a0, a1, 0)
        TEST_CODE(361, 0xffffffffffffffff, li a1, 0xffffffff; roriw a0, a1, 13)
        TEST_CODE(362, 0x1, li a1, 0x1234567800000002; roriw a0, a1, 1)
        TEST_CODE(363, 0xffffffffc0000000, li a0, 0x80000001; roriw a0, a0, 1)  /* rd = rs1 */
        TEST_CODE(364, 0x0, roriw a0, zero, 1)  /* rs1 = x0 */
        TEST_CODE(365, 0, li a1, 0x80000001; roriw zero, a1, 1; mv a0, zero)  /* rd = x0 */

        /* ---- orc.b ---- */
        TEST_CODE(366, 0x0, li a1, 0x0; orc.b a0, a1)
        TEST_CODE(367, 0xffffffffffffffff, li a1, 0xffffffffffffffff; orc.b a0, a1)
        TEST_CODE(368, 0xff00000000000000, li a1, 0x100000000000000; orc.b a0, a1)
        TEST_CODE(369, 0xff, li a1, 0x80; orc.b a0, a1)
        TEST_CODE(370, 0xffffffff00000000, li a1, 0x102030400000000; orc.b a0, a1)
        TEST_CODE(371, 0xff00ff00ff00ff, li a1, 0xff001000200001; orc.b a0, a1)
        TEST_CODE(372, 0xff000000000000ff, li a1, 0x8000000000000001; orc.b a0, a1)
        TEST_CODE(373, 0xffffffffffffffff, li a1, 0x123456789abcdef; orc.b a0, a1)
        TEST_CODE(374, 0xff00000000ff, li a0, 0x100000000001; orc.b a0, a0)  /* rd = rs1 */
        TEST_CODE(375, 0x0, orc.b a0, zero)  /* rs1 = x0 */
        TEST_CODE(376, 0, li a1, 0x100000000001; orc.b zero, a1; mv a0, zero)  /* rd = x0 */

        /* ---- rev8 ---- */
        TEST_CODE(377, 0x0, li a1, 0x0; rev8 a0, a1)
        TEST_CODE(378, 0xffffffffffffffff, li a1, 0xffffffffffffffff; rev8 a0, a1)
        TEST_CODE(379, 0xefcdab8967452301, li a1, 0x123456789abcdef; rev8 a0, a1)
        TEST_CODE(380, 0xff00000000000000, li a1, 0xff; rev8 a0, a1)
        TEST_CODE(381, 0x80, li a1, 0x8000000000000000; rev8 a0, a1)
        TEST_CODE(382, 0x807060504030201, li a1, 0x102030405060708; rev8 a0, a1)
        TEST_CODE(383, 0xffffffff00000000, li a1, 0xffffffff; rev8 a0, a1)
        TEST_CODE(384, 0x8877665544332211, li a0, 0x1122334455667788; rev8 a0, a0)  /* rd = rs1 */
        TEST_CODE(385, 0x0, rev8 a0, zero)  /* rs1 = x0 */
        TEST_CODE(386, 0, li a1, 0x1122334455667788; rev8 zero, a1; mv a0, zero)  /* rd = x0 */

        TEST_END
