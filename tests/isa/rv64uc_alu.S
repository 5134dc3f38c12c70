/* RV64C integer computational encodings, written with explicit c. mnemonics: c.addi4spn, c.nop,
 * c.addi, c.addiw, c.li, c.addi16sp, c.lui, c.srli, c.srai, c.andi, c.sub, c.xor, c.or, c.and,
 * c.subw, c.addw, c.slli, c.mv, c.add, and HINT encodings (no-ops). Immediates at their extremes,
 * 64-bit wrap-around, the 32-bit forms' sign extension, prime (x8-x15) and full register fields. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN
        .option rvc  /* compressed encodings, spelled out with c. mnemonics */

        /* ---- c.addi4spn rd', sp, nzuimm (4..1020, multiple of 4): rd' = sp + imm ---- */
        TEST_CODE(2, 0x0000000000001004, li sp, 0x0000000000001000; c.addi4spn a0, sp, 4)
        TEST_CODE(3, 0x00000000000013fc, li sp, 0x0000000000001000; c.addi4spn a0, sp, 1020)
        TEST_CODE(4, 0x80000000000003ec, li sp, 0x7ffffffffffffff0; c.addi4spn a0, sp, 1020)
        TEST_CODE(5, 0x0000000000000000, li sp, 0xfffffffffffffffc; c.addi4spn a0, sp, 4)
        TEST_CODE(6, 0x0123456789abcff3, li sp, 0x0123456789abcdef; c.addi4spn s0, sp, 516; mv a0, s0)
        TEST_CODE(7, 0xfedcba9876543218, li sp, 0xfedcba9876543210; c.addi4spn a5, sp, 8; mv a0, a5)
        TEST_CODE(8, 0x00000000000003fc, li sp, 0x0000000000000000; c.addi4spn s1, sp, 1020; mv a0, s1)
        /* ---- c.nop changes nothing ---- */
        TEST_CODE(9, 0x0000000000001234, li a0, 0x1234; c.nop; c.nop)
        /* ---- c.addi rd, nzimm (-32..31) ---- */
        TEST_CODE(10, 0xffffffffffffffe0, li a0, 0x0000000000000000; c.addi a0, -32)
        TEST_CODE(11, 0x000000000000001f, li a0, 0x0000000000000000; c.addi a0, 31)
        TEST_CODE(12, 0x0000000000000006, li a0, 0x0000000000000005; c.addi a0, 1)
        TEST_CODE(13, 0x8000000000000000, li a0, 0x7fffffffffffffff; c.addi a0, 1)
        TEST_CODE(14, 0x7fffffffffffffff, li a0, 0x8000000000000000; c.addi a0, -1)
        TEST_CODE(15, 0x0000000000000000, li a0, 0xffffffffffffffff; c.addi a0, 1)
        TEST_CODE(16, 0x0000000080000000, li a0, 0x000000007fffffff; c.addi a0, 1)
        TEST_CODE(17, 0x0000000000000044, li t2, 0x0000000000000064; c.addi t2, -32; mv a0, t2)
        TEST_CODE(18, 0x0000000000000083, li ra, 0x0000000000000064; c.addi ra, 31; mv a0, ra)
        TEST_CODE(19, 0x0000000100000000, li s11, 0x00000000ffffffff; c.addi s11, 1; mv a0, s11)
        /* ---- c.addiw rd, imm (-32..31, 0 allowed = sext.w): 32-bit result sign-extended ---- */
        TEST_CODE(20, 0xffffffff80000000, li a0, 0x000000007fffffff; c.addiw a0, 1)
        TEST_CODE(21, 0x000000007fffffff, li a0, 0x0000000080000000; c.addiw a0, -1)
        TEST_CODE(22, 0xffffffff9abcdef0, li a0, 0x123456789abcdef0; c.addiw a0, 0)
        TEST_CODE(23, 0xffffffffffffffe0, li a0, 0x0000000100000000; c.addiw a0, -32)
        TEST_CODE(24, 0x000000000000001e, li a0, 0x00000000ffffffff; c.addiw a0, 31)
        TEST_CODE(25, 0x000000007fffffff, li a0, 0x000000007fffffe0; c.addiw a0, 31)
        TEST_CODE(26, 0x0000000076543210, li t2, 0xfedcba9876543210; c.addiw t2, 0; mv a0, t2)
        TEST_CODE(27, 0xffffffffffffffe5, li ra, 0x0000000000000005; c.addiw ra, -32; mv a0, ra)
        TEST_CODE(28, 0xffffffff89abce0e, li s1, 0x0123456789abcdef; c.addiw s1, 31; mv a0, s1)
        /* ---- c.li rd, imm (-32..31) ---- */
        TEST_CODE(29, 0xffffffffffffffe0, li a0, 0x5555; c.li a0, -32)
        TEST_CODE(30, 0x000000000000001f, li a0, 0x5555; c.li a0, 31)
        TEST_CODE(31, 0x0000000000000000, li a0, 0x5555; c.li a0, 0)
        TEST_CODE(32, 0xffffffffffffffff, li t2, 0x5555; c.li t2, -1; mv a0, t2)
        TEST_CODE(33, 0x0000000000000001, li ra, 0x5555; c.li ra, 1; mv a0, ra)
        TEST_CODE(34, 0xffffffffffffffef, li s11, 0x5555; c.li s11, -17; mv a0, s11)
        /* ---- c.addi16sp sp, nzimm (-512..496, multiple of 16) ---- */
        TEST_CODE(35, 0x000000000000fe00, li sp, 0x0000000000010000; c.addi16sp sp, -512; mv a0, sp)
        TEST_CODE(36, 0x00000000000101f0, li sp, 0x0000000000010000; c.addi16sp sp, 496; mv a0, sp)
        TEST_CODE(37, 0x0000000000010010, li sp, 0x0000000000010000; c.addi16sp sp, 16; mv a0, sp)
        TEST_CODE(38, 0x000000000000fff0, li sp, 0x0000000000010000; c.addi16sp sp, -16; mv a0, sp)
        TEST_CODE(39, 0xfffffffffffffe00, li sp, 0x0000000000000000; c.addi16sp sp, -512; mv a0, sp)
        TEST_CODE(40, 0x8000000000000000, li sp, 0x7ffffffffffffe10; c.addi16sp sp, 496; mv a0, sp)
        TEST_CODE(41, 0x7ffffffffffffff0, li sp, 0x8000000000000000; c.addi16sp sp, -16; mv a0, sp)
        /* ---- c.lui rd, nzimm: 6-bit signed immediate into bits 17:12, sign-extended ---- */
        TEST_CODE(42, 0x0000000000001000, li a0, -1; c.lui a0, 0x1)
        TEST_CODE(43, 0x000000000001f000, li a0, -1; c.lui a0, 0x1f)
        TEST_CODE(44, 0xfffffffffffe0000, li a0, -1; c.lui a0, 0xfffe0)
        TEST_CODE(45, 0xfffffffffffff000, li a0, -1; c.lui a0, 0xfffff)
        TEST_CODE(46, 0x0000000000010000, li t2, -1; c.lui t2, 0x10; mv a0, t2)
        TEST_CODE(47, 0xffffffffffff0000, li ra, -1; c.lui ra, 0xffff0; mv a0, ra)
        TEST_CODE(48, 0x0000000000007000, li s1, -1; c.lui s1, 0x7; mv a0, s1)
        /* ---- c.srli / c.srai / c.andi on rd' (shamt 1..63, andi imm -32..31) ---- */
        TEST_CODE(49, 0x7fffffffffffffff, li a0, 0xffffffffffffffff; c.srli a0, 1)
        TEST_CODE(50, 0x00000001ffffffff, li a0, 0xffffffffffffffff; c.srli a0, 31)
        TEST_CODE(51, 0x00000000ffffffff, li a0, 0xffffffffffffffff; c.srli a0, 32)
        TEST_CODE(52, 0x0000000000000001, li a0, 0xffffffffffffffff; c.srli a0, 63)
        TEST_CODE(53, 0x0fedcba987654321, li s0, 0xfedcba9876543210; c.srli s0, 4; mv a0, s0)
        TEST_CODE(54, 0x0000000000000001, li a5, 0x8000000000000000; c.srli a5, 63; mv a0, a5)
        TEST_CODE(55, 0xc000000000000000, li a0, 0x8000000000000000; c.srai a0, 1)
        TEST_CODE(56, 0xffffffff00000000, li a0, 0x8000000000000000; c.srai a0, 31)
        TEST_CODE(57, 0xffffffff80000000, li a0, 0x8000000000000000; c.srai a0, 32)
        TEST_CODE(58, 0xffffffffffffffff, li a0, 0x8000000000000000; c.srai a0, 63)
        TEST_CODE(59, 0x0000000000000000, li a0, 0x7fffffffffffffff; c.srai a0, 63)
        TEST_CODE(60, 0xffedcba987654321, li s1, 0xfedcba9876543210; c.srai s1, 4; mv a0, s1)
        TEST_CODE(61, 0x000123456789abcd, li a3, 0x0123456789abcdef; c.srai a3, 8; mv a0, a3)
        TEST_CODE(62, 0xffffffffffffffe0, li a0, 0xffffffffffffffff; c.andi a0, -32)
        TEST_CODE(63, 0x000000000000001f, li a0, 0xffffffffffffffff; c.andi a0, 31)
        TEST_CODE(64, 0x0000000000000000, li a0, 0x0123456789abcdef; c.andi a0, 0)
        TEST_CODE(65, 0xfedcba9876543210, li a4, 0xfedcba9876543210; c.andi a4, -1; mv a0, a4)
        TEST_CODE(66, 0x0123456789abcdef, li s0, 0x0123456789abcdef; c.andi s0, -17; mv a0, s0)
        TEST_CODE(67, 0x0000000000000010, li a2, 0x00000000000000ff; c.andi a2, 16; mv a0, a2)
        /* ---- c.sub / c.xor / c.or / c.and / c.subw / c.addw on rd', rs2' ---- */
        TEST_CODE(68, 0x02468acf13579bdf, li a0, 0x0123456789abcdef; li a1, 0xfedcba9876543210; c.sub a0, a1)
        TEST_CODE(69, 0xffffffffffffffff, li s0, 0x0000000000000000; li a5, 0x0000000000000001; c.sub s0, a5; mv a0, s0)
        TEST_CODE(70, 0x7fffffffffffffff, li s1, 0x8000000000000000; li a2, 0x0000000000000001; c.sub s1, a2; mv a0, s1)
        TEST_CODE(71, 0x8000000000000000, li a3, 0x7fffffffffffffff; li s0, 0xffffffffffffffff; c.sub a3, s0; mv a0, a3)
        TEST_CODE(72, 0x000000007ffffffe, li a4, 0x000000007fffffff; li s1, 0x0000000000000001; c.sub a4, s1; mv a0, a4)
        TEST_CODE(73, 0xffffffff80000001, li a5, 0x0000000080000000; li a0, 0x00000000ffffffff; c.sub a5, a0; mv a0, a5)
        TEST_CODE(74, 0x02468acf13579bcf, li a2, 0x123456789abcdef0; li a3, 0x0fedcba987654321; c.sub a2, a3; mv a0, a2)
        TEST_CODE(75, 0x0000000000000000, li a1, 0xfedcba9876543210; c.sub a1, a1; mv a0, a1)
        TEST_CODE(76, 0xffffffffffffffff, li a0, 0x0123456789abcdef; li a1, 0xfedcba9876543210; c.xor a0, a1)
        TEST_CODE(77, 0x0000000000000001, li s0, 0x0000000000000000; li a5, 0x0000000000000001; c.xor s0, a5; mv a0, s0)
        TEST_CODE(78, 0x8000000000000001, li s1, 0x8000000000000000; li a2, 0x0000000000000001; c.xor s1, a2; mv a0, s1)
        TEST_CODE(79, 0x8000000000000000, li a3, 0x7fffffffffffffff; li s0, 0xffffffffffffffff; c.xor a3, s0; mv a0, a3)
        TEST_CODE(80, 0x000000007ffffffe, li a4, 0x000000007fffffff; li s1, 0x0000000000000001; c.xor a4, s1; mv a0, a4)
        TEST_CODE(81, 0x000000007fffffff, li a5, 0x0000000080000000; li a0, 0x00000000ffffffff; c.xor a5, a0; mv a0, a5)
        TEST_CODE(82, 0x1dd99dd11dd99dd1, li a2, 0x123456789abcdef0; li a3, 0x0fedcba987654321; c.xor a2, a3; mv a0, a2)
        TEST_CODE(83, 0x0000000000000000, li a1, 0xfedcba9876543210; c.xor a1, a1; mv a0, a1)
        TEST_CODE(84, 0xffffffffffffffff, li a0, 0x0123456789abcdef; li a1, 0xfedcba9876543210; c.or a0, a1)
        TEST_CODE(85, 0x0000000000000001, li s0, 0x0000000000000000; li a5, 0x0000000000000001; c.or s0, a5; mv a0, s0)
        TEST_CODE(86, 0x8000000000000001, li s1, 0x8000000000000000; li a2, 0x0000000000000001; c.or s1, a2; mv a0, s1)
        TEST_CODE(87, 0xffffffffffffffff, li a3, 0x7fffffffffffffff; li s0, 0xffffffffffffffff; c.or a3, s0; mv a0, a3)
        TEST_CODE(88, 0x000000007fffffff, li a4, 0x000000007fffffff; li s1, 0x0000000000000001; c.or a4, s1; mv a0, a4)
        TEST_CODE(89, 0x00000000ffffffff, li a5, 0x0000000080000000; li a0, 0x00000000ffffffff; c.or a5, a0; mv a0, a5)
        TEST_CODE(90, 0x1ffddff99ffddff1, li a2, 0x123456789abcdef0; li a3, 0x0fedcba987654321; c.or a2, a3; mv a0, a2)
        TEST_CODE(91, 0xfedcba9876543210, li a1, 0xfedcba9876543210; c.or a1, a1; mv a0, a1)
        TEST_CODE(92, 0x0000000000000000, li a0, 0x0123456789abcdef; li a1, 0xfedcba9876543210; c.and a0, a1)
        TEST_CODE(93, 0x0000000000000000, li s0, 0x0000000000000000; li a5, 0x0000000000000001; c.and s0, a5; mv a0, s0)
        TEST_CODE(94, 0x0000000000000000, li s1, 0x8000000000000000; li a2, 0x0000000000000001; c.and s1, a2; mv a0, s1)
        TEST_CODE(95, 0x7fffffffffffffff, li a3, 0x7fffffffffffffff; li s0, 0xffffffffffffffff; c.and a3, s0; mv a0, a3)
        TEST_CODE(96, 0x0000000000000001, li a4, 0x000000007fffffff; li s1, 0x0000000000000001; c.and a4, s1; mv a0, a4)
        TEST_CODE(97, 0x0000000080000000, li a5, 0x0000000080000000; li a0, 0x00000000ffffffff; c.and a5, a0; mv a0, a5)
        TEST_CODE(98, 0x0224422882244220, li a2, 0x123456789abcdef0; li a3, 0x0fedcba987654321; c.and a2, a3; mv a0, a2)
        TEST_CODE(99, 0xfedcba9876543210, li a1, 0xfedcba9876543210; c.and a1, a1; mv a0, a1)
        TEST_CODE(100, 0x0000000013579bdf, li a0, 0x0123456789abcdef; li a1, 0xfedcba9876543210; c.subw a0, a1)
        TEST_CODE(101, 0xffffffffffffffff, li s0, 0x0000000000000000; li a5, 0x0000000000000001; c.subw s0, a5; mv a0, s0)
        TEST_CODE(102, 0xffffffffffffffff, li s1, 0x8000000000000000; li a2, 0x0000000000000001; c.subw s1, a2; mv a0, s1)
        TEST_CODE(103, 0x0000000000000000, li a3, 0x7fffffffffffffff; li s0, 0xffffffffffffffff; c.subw a3, s0; mv a0, a3)
        TEST_CODE(104, 0x000000007ffffffe, li a4, 0x000000007fffffff; li s1, 0x0000000000000001; c.subw a4, s1; mv a0, a4)
        TEST_CODE(105, 0xffffffff80000001, li a5, 0x0000000080000000; li a0, 0x00000000ffffffff; c.subw a5, a0; mv a0, a5)
        TEST_CODE(106, 0x0000000013579bcf, li a2, 0x123456789abcdef0; li a3, 0x0fedcba987654321; c.subw a2, a3; mv a0, a2)
        TEST_CODE(107, 0x0000000000000000, li a1, 0xfedcba9876543210; c.subw a1, a1; mv a0, a1)
        TEST_CODE(108, 0xffffffffffffffff, li a0, 0x0123456789abcdef; li a1, 0xfedcba9876543210; c.addw a0, a1)
        TEST_CODE(109, 0x0000000000000001, li s0, 0x0000000000000000; li a5, 0x0000000000000001; c.addw s0, a5; mv a0, s0)
        TEST_CODE(110, 0x0000000000000001, li s1, 0x8000000000000000; li a2, 0x0000000000000001; c.addw s1, a2; mv a0, s1)
        TEST_CODE(111, 0xfffffffffffffffe, li a3, 0x7fffffffffffffff; li s0, 0xffffffffffffffff; c.addw a3, s0; mv a0, a3)
        TEST_CODE(112, 0xffffffff80000000, li a4, 0x000000007fffffff; li s1, 0x0000000000000001; c.addw a4, s1; mv a0, a4)
        TEST_CODE(113, 0x000000007fffffff, li a5, 0x0000000080000000; li a0, 0x00000000ffffffff; c.addw a5, a0; mv a0, a5)
        TEST_CODE(114, 0x0000000022222211, li a2, 0x123456789abcdef0; li a3, 0x0fedcba987654321; c.addw a2, a3; mv a0, a2)
        TEST_CODE(115, 0xffffffffeca86420, li a1, 0xfedcba9876543210; c.addw a1, a1; mv a0, a1)
        /* ---- c.slli rd, shamt (1..63), any rd ---- */
        TEST_CODE(116, 0x0000000000000002, li a0, 0x0000000000000001; c.slli a0, 1)
        TEST_CODE(117, 0x8000000000000000, li a0, 0x0000000000000001; c.slli a0, 63)
        TEST_CODE(118, 0xffffffff00000000, li a0, 0xffffffffffffffff; c.slli a0, 32)
        TEST_CODE(119, 0xc4d5e6f780000000, li t2, 0x0123456789abcdef; c.slli t2, 31; mv a0, t2)
        TEST_CODE(120, 0xedcba98765432100, li ra, 0xfedcba9876543210; c.slli ra, 4; mv a0, ra)
        TEST_CODE(121, 0x0000000200000000, li s11, 0x0000000080000001; c.slli s11, 33; mv a0, s11)
        TEST_CODE(122, 0xc000000000000000, li a5, 0x0000000000000003; c.slli a5, 62; mv a0, a5)
        /* ---- c.mv rd, rs2 and c.add rd, rs2 (any registers) ---- */
        TEST_CODE(123, 0x0123456789abcdef, li a0, 0x5555; li a1, 0x0123456789abcdef; c.mv a0, a1)
        TEST_CODE(124, 0xfedcba9876543210, li t2, 0x5555; li s11, 0xfedcba9876543210; c.mv t2, s11; mv a0, t2)
        TEST_CODE(125, 0x8000000000000000, li ra, 0x5555; li t5, 0x8000000000000000; c.mv ra, t5; mv a0, ra)
        TEST_CODE(126, 0x0000000000001234, li s0, 0x5555; li sp, 0x0000000000001234; c.mv s0, sp; mv a0, s0)
        TEST_CODE(127, 0xffffffffffffffff, li a0, 0x0123456789abcdef; li a1, 0xfedcba9876543210; c.add a0, a1)
        TEST_CODE(128, 0x8000000000000000, li a0, 0x7fffffffffffffff; li a1, 0x0000000000000001; c.add a0, a1)
        TEST_CODE(129, 0xfffffffffffffffe, li t2, 0xffffffffffffffff; li s11, 0xffffffffffffffff; c.add t2, s11; mv a0, t2)
        TEST_CODE(130, 0x0000000100000000, li ra, 0x00000000ffffffff; li t5, 0x0000000000000001; c.add ra, t5; mv a0, ra)
        TEST_CODE(131, 0x0000000000000000, li a0, 0x8000000000000000; c.add a0, a0)
        TEST_CODE(132, 0x00000000fffffffe, li s2, 0x000000007fffffff; li t4, 0x000000007fffffff; c.add s2, t4; mv a0, s2)
        /* ---- the sources of c.sub / c.add are unchanged ---- */
        TEST_CASE(133); li a0, 10; li a1, 3; c.sub a0, a1; CHECK(a0, 7); CHECK(a1, 3); li a2, 4; c.add a0, a2; CHECK(a0, 11); CHECK(a2, 4)
        /* ---- HINT encodings execute as no-ops: rd = x0 forms, c.addi with imm 0, c.nop with imm, c.slli64 / c.srli64 / c.srai64 ---- */
        TEST_CASE(134)
        li a0, 0x0123456789abcdef
        li a1, 0x0123456789abcdef
        li s1, 0x0123456789abcdef
        c.li zero, 5
        c.lui zero, 1
        c.mv zero, a0
        c.add zero, a0
        c.slli zero, 3
        c.addi zero, 3
        c.nop 17
        c.addi a0, 0
        c.slli64 a0
        c.srli64 s1
        c.srai64 s1
        CHECK(zero, 0)
        CHECK(a0, 0x0123456789abcdef)
        CHECK(s1, 0x0123456789abcdef)
        CHECK(a1, 0x0123456789abcdef)
        TEST_CASE(135)      /* each instruction really is 2 bytes long */
1:      c.addi a0, 1
2:      lla a1, 1b
        lla a2, 2b
        sub a1, a2, a1
        CHECK(a1, 2)

        TEST_END
