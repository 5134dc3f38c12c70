/* RV64I integer computational instructions: lui, auipc, addi, slti, sltiu, xori, ori, andi,
 * add, sub, slt, sltu, xor, or, and; x0 as source and destination; register aliasing; fence.
 * Expected values are exact 64-bit results (generated from a Python reference model, checked on QEMU). */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN
        .option norvc  /* only the 32-bit encodings here */

        /* ---- lui: 20-bit immediate into bits 31:12, sign-extended from bit 31 ---- */
        TEST_CODE(2, 0x0000000000000000, lui a0, 0x0)
        TEST_CODE(3, 0x0000000000001000, lui a0, 0x1)
        TEST_CODE(4, 0x000000007ffff000, lui a0, 0x7ffff)
        TEST_CODE(5, 0xffffffff80000000, lui a0, 0x80000)
        TEST_CODE(6, 0xfffffffffffff000, lui a0, 0xfffff)
        TEST_CODE(7, 0x0000000012345000, lui a0, 0x12345)
        TEST_CODE(8, 0xfffffffffff80000, lui a0, 0x80000; srai a0, a0, 12)  /* the sign reached bit 63 */
        TEST_CASE(9); li a0, 0x5555; lui zero, 0x12345; CHECK(zero, 0); CHECK(a0, 0x5555)  /* lui x0 */
        /* ---- auipc: pc of the auipc itself + (imm << 12), sign-extended ---- */
        TEST_CASE(10)
1:      auipc a0, 0x0
        lla a1, 1b
        sub a0, a0, a1
        CHECK(a0, 0x0000000000000000)
        TEST_CASE(11)
1:      auipc a0, 0x1
        lla a1, 1b
        sub a0, a0, a1
        CHECK(a0, 0x0000000000001000)
        TEST_CASE(12)
1:      auipc a0, 0x7ffff
        lla a1, 1b
        sub a0, a0, a1
        CHECK(a0, 0x000000007ffff000)
        TEST_CASE(13)
1:      auipc a0, 0x80000
        lla a1, 1b
        sub a0, a0, a1
        CHECK(a0, 0xffffffff80000000)
        TEST_CASE(14)
1:      auipc a0, 0xfffff
        lla a1, 1b
        sub a0, a0, a1
        CHECK(a0, 0xfffffffffffff000)
        TEST_CASE(15)         /* auipc 0x80000 at 0x8000xxxx: the 64-bit sum is label - 0x80000000 */
1:      auipc a0, 0x80000
        lla a1, 1b
        li a2, 0x80000000
        sub a1, a1, a2
        li a2, 0x100000
        bgeu a0, a2, fail
        sub a0, a0, a1
        CHECK(a0, 0)
        /* ---- addi ---- */
        TEST_RI(16, addi, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_RI(17, addi, 0x0000000000000002, 0x0000000000000001, 1)
        TEST_RI(18, addi, 0x000000000000000a, 0x0000000000000003, 7)
        TEST_RI(19, addi, 0xfffffffffffff800, 0x0000000000000000, -2048)
        TEST_RI(20, addi, 0x00000000000007ff, 0x0000000000000000, 2047)
        TEST_RI(21, addi, 0x8000000000000000, 0x7fffffffffffffff, 1)
        TEST_RI(22, addi, 0x7fffffffffffffff, 0x8000000000000000, -1)
        TEST_RI(23, addi, 0x0000000000000000, 0xffffffffffffffff, 1)
        TEST_RI(24, addi, 0x0000000800000000, 0x00000007ffffffff, 1)
        TEST_RI(25, addi, 0x0000000100000000, 0x00000000ffffffff, 1)
        TEST_RI(26, addi, 0x000000007fffffff, 0x0000000080000000, -1)
        TEST_RI(27, addi, 0x0123456789abc5ef, 0x0123456789abcdef, -2048)
        TEST_RI(28, addi, 0x0123456789abd5ee, 0x0123456789abcdef, 2047)
        TEST_RI_RD1(29, addi, 0x000000000000122f, 0x0000000000001234, -5)
        TEST_RI_ZS1(30, addi, 0xffffffffffffffff, -1)
        TEST_RI_ZD(31, addi, 0x0000000000000005, 7)
        /* ---- slti / sltiu (immediate sign-extended, then signed / unsigned compare) ---- */
        TEST_RI(32, slti, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_RI(33, slti, 0x0000000000000000, 0x0000000000000001, 1)
        TEST_RI(34, slti, 0x0000000000000001, 0x0000000000000003, 7)
        TEST_RI(35, slti, 0x0000000000000000, 0x0000000000000007, 3)
        TEST_RI(36, slti, 0x0000000000000000, 0x0000000000000000, -2048)
        TEST_RI(37, slti, 0x0000000000000001, 0x8000000000000000, 0)
        TEST_RI(38, slti, 0x0000000000000000, 0x7fffffffffffffff, 2047)
        TEST_RI(39, slti, 0x0000000000000000, 0xffffffffffffffff, -1)
        TEST_RI(40, slti, 0x0000000000000001, 0xfffffffffffffffe, -1)
        TEST_RI(41, slti, 0x0000000000000000, 0x0000000000000000, -1)
        TEST_RI(42, slti, 0x0000000000000001, 0xffffffffffffffff, 0)
        TEST_RI(43, slti, 0x0000000000000000, 0x00000000000007ff, 2047)
        TEST_RI(44, slti, 0x0000000000000000, 0x0000000000000800, 2047)
        TEST_RI(45, slti, 0x0000000000000001, 0x8000000000000000, -2048)
        TEST_RI(46, slti, 0x0000000000000001, 0xfffffffffffff7ff, -2048)
        TEST_RI(47, slti, 0x0000000000000001, 0x0000000000000000, 1)
        TEST_RI(48, slti, 0x0000000000000000, 0x0000000000000001, 1)
        TEST_RI(49, sltiu, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_RI(50, sltiu, 0x0000000000000000, 0x0000000000000001, 1)
        TEST_RI(51, sltiu, 0x0000000000000001, 0x0000000000000003, 7)
        TEST_RI(52, sltiu, 0x0000000000000000, 0x0000000000000007, 3)
        TEST_RI(53, sltiu, 0x0000000000000001, 0x0000000000000000, -2048)
        TEST_RI(54, sltiu, 0x0000000000000000, 0x8000000000000000, 0)
        TEST_RI(55, sltiu, 0x0000000000000000, 0x7fffffffffffffff, 2047)
        TEST_RI(56, sltiu, 0x0000000000000000, 0xffffffffffffffff, -1)
        TEST_RI(57, sltiu, 0x0000000000000001, 0xfffffffffffffffe, -1)
        TEST_RI(58, sltiu, 0x0000000000000001, 0x0000000000000000, -1)
        TEST_RI(59, sltiu, 0x0000000000000000, 0xffffffffffffffff, 0)
        TEST_RI(60, sltiu, 0x0000000000000000, 0x00000000000007ff, 2047)
        TEST_RI(61, sltiu, 0x0000000000000000, 0x0000000000000800, 2047)
        TEST_RI(62, sltiu, 0x0000000000000001, 0x8000000000000000, -2048)
        TEST_RI(63, sltiu, 0x0000000000000001, 0xfffffffffffff7ff, -2048)
        TEST_RI(64, sltiu, 0x0000000000000001, 0x0000000000000000, 1)
        TEST_RI(65, sltiu, 0x0000000000000000, 0x0000000000000001, 1)
        TEST_RI_RD1(66, sltiu, 0x0000000000000001, 0x0000000000000005, -5)
        TEST_RI_ZS1(67, slti, 0x0000000000000000, -1)
        TEST_RI_ZS1(68, sltiu, 0x0000000000000001, -1)
        /* ---- xori / ori / andi (immediate sign-extended to 64 bits) ---- */
        TEST_RI(69, xori, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_RI(70, xori, 0xfedcba9876543210, 0x0123456789abcdef, -1)
        TEST_RI(71, xori, 0x0123456789abca10, 0x0123456789abcdef, 2047)
        TEST_RI(72, xori, 0x0123456789abca10, 0xfedcba9876543210, -2048)
        TEST_RI(73, xori, 0xff00ff00ff00fff0, 0xff00ff00ff00ff00, 240)
        TEST_RI(74, xori, 0x00ff00ff00ff000f, 0xff00ff00ff00ff00, -241)
        TEST_RI(75, xori, 0xffffffffffffffff, 0x0000000000000000, -1)
        TEST_RI_RD1(76, xori, 0x00ff00ff00ff07f0, 0x00ff00ff00ff00ff, 1807)
        TEST_RI_ZD(77, xori, 0x0123456789abcdef, -1)
        TEST_RI(78, ori, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_RI(79, ori, 0xffffffffffffffff, 0x0123456789abcdef, -1)
        TEST_RI(80, ori, 0x0123456789abcfff, 0x0123456789abcdef, 2047)
        TEST_RI(81, ori, 0xfffffffffffffa10, 0xfedcba9876543210, -2048)
        TEST_RI(82, ori, 0xff00ff00ff00fff0, 0xff00ff00ff00ff00, 240)
        TEST_RI(83, ori, 0xffffffffffffff0f, 0xff00ff00ff00ff00, -241)
        TEST_RI(84, ori, 0xffffffffffffffff, 0x0000000000000000, -1)
        TEST_RI_RD1(85, ori, 0x00ff00ff00ff07ff, 0x00ff00ff00ff00ff, 1807)
        TEST_RI_ZD(86, ori, 0x0123456789abcdef, -1)
        TEST_RI(87, andi, 0x0000000000000000, 0x0000000000000000, 0)
        TEST_RI(88, andi, 0x0123456789abcdef, 0x0123456789abcdef, -1)
        TEST_RI(89, andi, 0x00000000000005ef, 0x0123456789abcdef, 2047)
        TEST_RI(90, andi, 0xfedcba9876543000, 0xfedcba9876543210, -2048)
        TEST_RI(91, andi, 0x0000000000000000, 0xff00ff00ff00ff00, 240)
        TEST_RI(92, andi, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, -241)
        TEST_RI(93, andi, 0x0000000000000000, 0x0000000000000000, -1)
        TEST_RI_RD1(94, andi, 0x000000000000000f, 0x00ff00ff00ff00ff, 1807)
        TEST_RI_ZD(95, andi, 0x0123456789abcdef, -1)
        /* ---- add / sub ---- */
        TEST_RR(96, add, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR(97, add, 0x0000000000000002, 0x0000000000000001, 0x0000000000000001)
        TEST_RR(98, add, 0x000000000000000a, 0x0000000000000003, 0x0000000000000007)
        TEST_RR(99, add, 0x8000000000000000, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR(100, add, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR(101, add, 0x8000000000000001, 0x8000000000000000, 0x0000000000000001)
        TEST_RR(102, add, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_RR(103, add, 0x0000000080000000, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR(104, add, 0x0000000100000000, 0x00000000ffffffff, 0x0000000000000001)
        TEST_RR(105, add, 0xffffffffffffffff, 0x0123456789abcdef, 0xfedcba9876543210)
        TEST_RR(106, add, 0xffffffffffffffff, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR(107, add, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_RR(108, add, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000)
        TEST_RR(109, sub, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR(110, sub, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
        TEST_RR(111, sub, 0xfffffffffffffffc, 0x0000000000000003, 0x0000000000000007)
        TEST_RR(112, sub, 0x7ffffffffffffffe, 0x7fffffffffffffff, 0x0000000000000001)
        TEST_RR(113, sub, 0x8000000000000001, 0x8000000000000000, 0xffffffffffffffff)
        TEST_RR(114, sub, 0x7fffffffffffffff, 0x8000000000000000, 0x0000000000000001)
        TEST_RR(115, sub, 0x0000000000000000, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_RR(116, sub, 0x000000007ffffffe, 0x000000007fffffff, 0x0000000000000001)
        TEST_RR(117, sub, 0x00000000fffffffe, 0x00000000ffffffff, 0x0000000000000001)
        TEST_RR(118, sub, 0x02468acf13579bdf, 0x0123456789abcdef, 0xfedcba9876543210)
        TEST_RR(119, sub, 0xfdb97530eca86421, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR(120, sub, 0x0000000000000001, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_RR(121, sub, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000)
        /* ---- slt / sltu ---- */
        TEST_RR(122, slt, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR(123, slt, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
        TEST_RR(124, slt, 0x0000000000000001, 0x0000000000000003, 0x0000000000000007)
        TEST_RR(125, slt, 0x0000000000000000, 0x0000000000000007, 0x0000000000000003)
        TEST_RR(126, slt, 0x0000000000000000, 0x0000000000000000, 0xffffffffffffffff)
        TEST_RR(127, slt, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000000)
        TEST_RR(128, slt, 0x0000000000000001, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_RR(129, slt, 0x0000000000000000, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_RR(130, slt, 0x0000000000000001, 0x8000000000000000, 0x0000000000000000)
        TEST_RR(131, slt, 0x0000000000000000, 0x0000000000000000, 0x8000000000000000)
        TEST_RR(132, slt, 0x0000000000000001, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_RR(133, slt, 0x0000000000000000, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_RR(134, slt, 0x0000000000000000, 0x0000000080000000, 0x000000007fffffff)
        TEST_RR(135, slt, 0x0000000000000001, 0xffffffff00000000, 0x00000000ffffffff)
        TEST_RR(136, sltu, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR(137, sltu, 0x0000000000000000, 0x0000000000000001, 0x0000000000000001)
        TEST_RR(138, sltu, 0x0000000000000001, 0x0000000000000003, 0x0000000000000007)
        TEST_RR(139, sltu, 0x0000000000000000, 0x0000000000000007, 0x0000000000000003)
        TEST_RR(140, sltu, 0x0000000000000001, 0x0000000000000000, 0xffffffffffffffff)
        TEST_RR(141, sltu, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000000)
        TEST_RR(142, sltu, 0x0000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_RR(143, sltu, 0x0000000000000001, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_RR(144, sltu, 0x0000000000000000, 0x8000000000000000, 0x0000000000000000)
        TEST_RR(145, sltu, 0x0000000000000001, 0x0000000000000000, 0x8000000000000000)
        TEST_RR(146, sltu, 0x0000000000000001, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_RR(147, sltu, 0x0000000000000000, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_RR(148, sltu, 0x0000000000000000, 0x0000000080000000, 0x000000007fffffff)
        TEST_RR(149, sltu, 0x0000000000000000, 0xffffffff00000000, 0x00000000ffffffff)
        /* ---- xor / or / and ---- */
        TEST_RR(150, xor, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR(151, xor, 0xffffffffffffffff, 0x0123456789abcdef, 0xfedcba9876543210)
        TEST_RR(152, xor, 0xfedcba9876543210, 0x0123456789abcdef, 0xffffffffffffffff)
        TEST_RR(153, xor, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR(154, xor, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00)
        TEST_RR(155, or, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR(156, or, 0xffffffffffffffff, 0x0123456789abcdef, 0xfedcba9876543210)
        TEST_RR(157, or, 0xffffffffffffffff, 0x0123456789abcdef, 0xffffffffffffffff)
        TEST_RR(158, or, 0xfff0fff0fff0fff0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR(159, or, 0xfff0fff0fff0fff0, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00)
        TEST_RR(160, and, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000)
        TEST_RR(161, and, 0x0000000000000000, 0x0123456789abcdef, 0xfedcba9876543210)
        TEST_RR(162, and, 0x0123456789abcdef, 0x0123456789abcdef, 0xffffffffffffffff)
        TEST_RR(163, and, 0x0f000f000f000f00, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
        TEST_RR(164, and, 0xf000f000f000f000, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00)
        /* ---- register aliasing: rd = rs1, rd = rs2, rs1 = rs2, x0 as a source ---- */
        TEST_RR_RD1(165, add, 0x0000000000000018, 0x000000000000000d, 0x000000000000000b)
        TEST_RR_RD1(166, sub, 0x0000000000000002, 0x000000000000000d, 0x000000000000000b)
        TEST_RR_RD2(167, sub, 0x0000000000000002, 0x000000000000000d, 0x000000000000000b)
        TEST_RR_RD2(168, sltu, 0x0000000000000001, 0x0000000000000003, 0x0000000000000005)
        TEST_RR_RD2(169, xor, 0xffffffffffffffff, 0x0123456789abcdef, 0xfedcba9876543210)
        TEST_RR_RD1(170, and, 0x0000000000000000, 0x0123456789abcdef, 0xfedcba9876543210)
        TEST_RR_SAME(171, add, 0xfffffffffffffffe, 0x7fffffffffffffff)
        TEST_RR_SAME(172, sub, 0x0000000000000000, 0x0123456789abcdef)
        TEST_RR_SAME(173, xor, 0x0000000000000000, 0x0123456789abcdef)
        TEST_RR_SAME(174, slt, 0x0000000000000000, 0xffffffffffffffff)
        TEST_RR_SAME(175, or, 0xfedcba9876543210, 0xfedcba9876543210)
        TEST_RR_ZS1(176, sub, 0xffffffffffffffff, 0x0000000000000001)
        TEST_RR_ZS1(177, sub, 0x8000000000000000, 0x8000000000000000)
        TEST_RR_ZS1(178, sltu, 0x0000000000000001, 0x0000000000000001)
        TEST_RR_ZS1(179, slt, 0x0000000000000000, 0xffffffffffffffff)
        TEST_RR_ZS2(180, sltu, 0x0000000000000000, 0x0000000000000005)
        TEST_RR_ZS2(181, or, 0x0123456789abcdef, 0x0123456789abcdef)
        /* ---- x0 as destination: writes are discarded ---- */
        TEST_RR_ZD(182, add, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR_ZD(183, sub, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR_ZD(184, slt, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR_ZD(185, sltu, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR_ZD(186, xor, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR_ZD(187, or, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RR_ZD(188, and, 0xfedcba9876543210, 0x0123456789abcdef)
        TEST_RI_ZD(189, slti, 0xfffffffffffffffb, 1)
        TEST_RI_ZD(190, sltiu, 0x0000000000000005, -1)
        /* ---- fence / fence.tso / nop-like hints: execute, change nothing ---- */
        TEST_CASE(191)
        li a0, 0x1234
        la a1, scratch
        sd a0, 0(a1)
        fence
        fence rw, rw
        fence r, w
        fence iorw, iorw
        fence.tso
        fence w, r
        ld a2, 0(a1)
        bne a2, a0, fail
        nop
        addi zero, zero, 0
        CHECK(a0, 0x1234)

        TEST_END

        .data
        .align 3
scratch: .dword 0
