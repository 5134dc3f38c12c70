/* RV64I conditional branches: beq, bne, blt, bge, bltu, bgeu taken and not taken with signed and
 * unsigned edge operands, same-register operands, x0, backward loops, largest +4094 / -4096 offsets.
 * A wrong branch direction jumps to `fail` with the case number set. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN
        .option norvc  /* only the 32-bit encodings here */
        .option norelax  /* fixed code sizes, so label distances are assembly-time constants */

        /* ---- beq ---- */
        TEST_BR_T(2, beq, 0x0000000000000000, 0x0000000000000000)
        TEST_BR_T(3, beq, 0x0000000000000001, 0x0000000000000001)
        TEST_BR_T(4, beq, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_BR_N(5, beq, 0x0000000000000000, 0x0000000000000001)
        TEST_BR_N(6, beq, 0x0000000000000001, 0x0000000000000000)
        TEST_BR_N(7, beq, 0xffffffffffffffff, 0x0000000000000001)
        TEST_BR_N(8, beq, 0x0000000000000001, 0xffffffffffffffff)
        TEST_BR_N(9, beq, 0x0000000000000000, 0xffffffffffffffff)
        TEST_BR_N(10, beq, 0xffffffffffffffff, 0x0000000000000000)
        TEST_BR_N(11, beq, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_BR_N(12, beq, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_BR_T(13, beq, 0x8000000000000000, 0x8000000000000000)
        TEST_BR_N(14, beq, 0x8000000000000000, 0x0000000000000000)
        TEST_BR_N(15, beq, 0x0000000000000000, 0x8000000000000000)
        TEST_BR_N(16, beq, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_BR_N(17, beq, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_BR_N(18, beq, 0x0000000080000000, 0x000000007fffffff)
        TEST_BR_N(19, beq, 0x00000000ffffffff, 0x0000000100000000)
        TEST_BR_N(20, beq, 0x0000000100000000, 0x0000000000000000)
        TEST_BR_N(21, beq, 0x0000000100000000, 0x0000000200000000)
        TEST_BR_N(22, beq, 0x8000000000000000, 0x8000000000000001)
        TEST_CASE(23); li a1, 5; beq a1, a1, 2f; j fail; 2: BREAK_POINT(23)
        TEST_CASE(24); beq zero, zero, 2f; j fail; 2: BREAK_POINT(24)
        /* ---- bne ---- */
        TEST_BR_N(25, bne, 0x0000000000000000, 0x0000000000000000)
        TEST_BR_N(26, bne, 0x0000000000000001, 0x0000000000000001)
        TEST_BR_N(27, bne, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_BR_T(28, bne, 0x0000000000000000, 0x0000000000000001)
        TEST_BR_T(29, bne, 0x0000000000000001, 0x0000000000000000)
        TEST_BR_T(30, bne, 0xffffffffffffffff, 0x0000000000000001)
        TEST_BR_T(31, bne, 0x0000000000000001, 0xffffffffffffffff)
        TEST_BR_T(32, bne, 0x0000000000000000, 0xffffffffffffffff)
        TEST_BR_T(33, bne, 0xffffffffffffffff, 0x0000000000000000)
        TEST_BR_T(34, bne, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_BR_T(35, bne, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_BR_N(36, bne, 0x8000000000000000, 0x8000000000000000)
        TEST_BR_T(37, bne, 0x8000000000000000, 0x0000000000000000)
        TEST_BR_T(38, bne, 0x0000000000000000, 0x8000000000000000)
        TEST_BR_T(39, bne, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_BR_T(40, bne, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_BR_T(41, bne, 0x0000000080000000, 0x000000007fffffff)
        TEST_BR_T(42, bne, 0x00000000ffffffff, 0x0000000100000000)
        TEST_BR_T(43, bne, 0x0000000100000000, 0x0000000000000000)
        TEST_BR_T(44, bne, 0x0000000100000000, 0x0000000200000000)
        TEST_BR_T(45, bne, 0x8000000000000000, 0x8000000000000001)
        TEST_CASE(46); li a1, 5; bne a1, a1, 2f; j 3f; 2: j fail; 3: BREAK_POINT(46)
        TEST_CASE(47); bne zero, zero, 2f; j 3f; 2: j fail; 3: BREAK_POINT(47)
        /* ---- blt ---- */
        TEST_BR_N(48, blt, 0x0000000000000000, 0x0000000000000000)
        TEST_BR_N(49, blt, 0x0000000000000001, 0x0000000000000001)
        TEST_BR_N(50, blt, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_BR_T(51, blt, 0x0000000000000000, 0x0000000000000001)
        TEST_BR_N(52, blt, 0x0000000000000001, 0x0000000000000000)
        TEST_BR_T(53, blt, 0xffffffffffffffff, 0x0000000000000001)
        TEST_BR_N(54, blt, 0x0000000000000001, 0xffffffffffffffff)
        TEST_BR_N(55, blt, 0x0000000000000000, 0xffffffffffffffff)
        TEST_BR_T(56, blt, 0xffffffffffffffff, 0x0000000000000000)
        TEST_BR_T(57, blt, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_BR_N(58, blt, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_BR_N(59, blt, 0x8000000000000000, 0x8000000000000000)
        TEST_BR_T(60, blt, 0x8000000000000000, 0x0000000000000000)
        TEST_BR_N(61, blt, 0x0000000000000000, 0x8000000000000000)
        TEST_BR_T(62, blt, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_BR_N(63, blt, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_BR_N(64, blt, 0x0000000080000000, 0x000000007fffffff)
        TEST_BR_T(65, blt, 0x00000000ffffffff, 0x0000000100000000)
        TEST_BR_N(66, blt, 0x0000000100000000, 0x0000000000000000)
        TEST_BR_T(67, blt, 0x0000000100000000, 0x0000000200000000)
        TEST_BR_T(68, blt, 0x8000000000000000, 0x8000000000000001)
        TEST_CASE(69); li a1, 5; blt a1, a1, 2f; j 3f; 2: j fail; 3: BREAK_POINT(69)
        TEST_CASE(70); blt zero, zero, 2f; j 3f; 2: j fail; 3: BREAK_POINT(70)
        /* ---- bge ---- */
        TEST_BR_T(71, bge, 0x0000000000000000, 0x0000000000000000)
        TEST_BR_T(72, bge, 0x0000000000000001, 0x0000000000000001)
        TEST_BR_T(73, bge, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_BR_N(74, bge, 0x0000000000000000, 0x0000000000000001)
        TEST_BR_T(75, bge, 0x0000000000000001, 0x0000000000000000)
        TEST_BR_N(76, bge, 0xffffffffffffffff, 0x0000000000000001)
        TEST_BR_T(77, bge, 0x0000000000000001, 0xffffffffffffffff)
        TEST_BR_T(78, bge, 0x0000000000000000, 0xffffffffffffffff)
        TEST_BR_N(79, bge, 0xffffffffffffffff, 0x0000000000000000)
        TEST_BR_N(80, bge, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_BR_T(81, bge, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_BR_T(82, bge, 0x8000000000000000, 0x8000000000000000)
        TEST_BR_N(83, bge, 0x8000000000000000, 0x0000000000000000)
        TEST_BR_T(84, bge, 0x0000000000000000, 0x8000000000000000)
        TEST_BR_N(85, bge, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_BR_T(86, bge, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_BR_T(87, bge, 0x0000000080000000, 0x000000007fffffff)
        TEST_BR_N(88, bge, 0x00000000ffffffff, 0x0000000100000000)
        TEST_BR_T(89, bge, 0x0000000100000000, 0x0000000000000000)
        TEST_BR_N(90, bge, 0x0000000100000000, 0x0000000200000000)
        TEST_BR_N(91, bge, 0x8000000000000000, 0x8000000000000001)
        TEST_CASE(92); li a1, 5; bge a1, a1, 2f; j fail; 2: BREAK_POINT(92)
        TEST_CASE(93); bge zero, zero, 2f; j fail; 2: BREAK_POINT(93)
        /* ---- bltu ---- */
        TEST_BR_N(94, bltu, 0x0000000000000000, 0x0000000000000000)
        TEST_BR_N(95, bltu, 0x0000000000000001, 0x0000000000000001)
        TEST_BR_N(96, bltu, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_BR_T(97, bltu, 0x0000000000000000, 0x0000000000000001)
        TEST_BR_N(98, bltu, 0x0000000000000001, 0x0000000000000000)
        TEST_BR_N(99, bltu, 0xffffffffffffffff, 0x0000000000000001)
        TEST_BR_T(100, bltu, 0x0000000000000001, 0xffffffffffffffff)
        TEST_BR_T(101, bltu, 0x0000000000000000, 0xffffffffffffffff)
        TEST_BR_N(102, bltu, 0xffffffffffffffff, 0x0000000000000000)
        TEST_BR_N(103, bltu, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_BR_T(104, bltu, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_BR_N(105, bltu, 0x8000000000000000, 0x8000000000000000)
        TEST_BR_N(106, bltu, 0x8000000000000000, 0x0000000000000000)
        TEST_BR_T(107, bltu, 0x0000000000000000, 0x8000000000000000)
        TEST_BR_T(108, bltu, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_BR_N(109, bltu, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_BR_N(110, bltu, 0x0000000080000000, 0x000000007fffffff)
        TEST_BR_T(111, bltu, 0x00000000ffffffff, 0x0000000100000000)
        TEST_BR_N(112, bltu, 0x0000000100000000, 0x0000000000000000)
        TEST_BR_T(113, bltu, 0x0000000100000000, 0x0000000200000000)
        TEST_BR_T(114, bltu, 0x8000000000000000, 0x8000000000000001)
        TEST_CASE(115); li a1, 5; bltu a1, a1, 2f; j 3f; 2: j fail; 3: BREAK_POINT(115)
        TEST_CASE(116); bltu zero, zero, 2f; j 3f; 2: j fail; 3: BREAK_POINT(116)
        /* ---- bgeu ---- */
        TEST_BR_T(117, bgeu, 0x0000000000000000, 0x0000000000000000)
        TEST_BR_T(118, bgeu, 0x0000000000000001, 0x0000000000000001)
        TEST_BR_T(119, bgeu, 0xffffffffffffffff, 0xffffffffffffffff)
        TEST_BR_N(120, bgeu, 0x0000000000000000, 0x0000000000000001)
        TEST_BR_T(121, bgeu, 0x0000000000000001, 0x0000000000000000)
        TEST_BR_T(122, bgeu, 0xffffffffffffffff, 0x0000000000000001)
        TEST_BR_N(123, bgeu, 0x0000000000000001, 0xffffffffffffffff)
        TEST_BR_N(124, bgeu, 0x0000000000000000, 0xffffffffffffffff)
        TEST_BR_T(125, bgeu, 0xffffffffffffffff, 0x0000000000000000)
        TEST_BR_T(126, bgeu, 0x8000000000000000, 0x7fffffffffffffff)
        TEST_BR_N(127, bgeu, 0x7fffffffffffffff, 0x8000000000000000)
        TEST_BR_T(128, bgeu, 0x8000000000000000, 0x8000000000000000)
        TEST_BR_T(129, bgeu, 0x8000000000000000, 0x0000000000000000)
        TEST_BR_N(130, bgeu, 0x0000000000000000, 0x8000000000000000)
        TEST_BR_N(131, bgeu, 0xfffffffffffffffe, 0xffffffffffffffff)
        TEST_BR_T(132, bgeu, 0xffffffffffffffff, 0xfffffffffffffffe)
        TEST_BR_T(133, bgeu, 0x0000000080000000, 0x000000007fffffff)
        TEST_BR_N(134, bgeu, 0x00000000ffffffff, 0x0000000100000000)
        TEST_BR_T(135, bgeu, 0x0000000100000000, 0x0000000000000000)
        TEST_BR_N(136, bgeu, 0x0000000100000000, 0x0000000200000000)
        TEST_BR_N(137, bgeu, 0x8000000000000000, 0x8000000000000001)
        TEST_CASE(138); li a1, 5; bgeu a1, a1, 2f; j fail; 2: BREAK_POINT(138)
        TEST_CASE(139); bgeu zero, zero, 2f; j fail; 2: BREAK_POINT(139)

        /* ---- a taken backward branch: a counted loop ---- */
        TEST_CASE(140)
        li a0, 0
        li a1, 10
1:      addi a0, a0, 3
        addi a1, a1, -1
        bnez a1, 1b
        CHECK(a0, 30)
        CHECK(a1, 0)

        /* ---- a branch writes no register: the operands survive ---- */
        TEST_CASE(141)
        li a1, 7
        li a2, 7
        beq a1, a2, 1f
        j fail
1:      CHECK(a1, 7)
        CHECK(a2, 7)

        /* ---- largest forward offset: +4094 (imm[12:1] = 0x7ff), target at a 2-byte aligned pc ---- */
        TEST_CASE(142)
        lla a0, .Lfwd_tgt               /* the layout really gives the intended offset */
        lla a1, .Lfwd_br
        sub a0, a0, a1
        CHECK(a0, 4094)
        li a0, 0
.Lfwd_br:
        beq zero, zero, .Lfwd_tgt
        .half 0                         /* illegal if executed */
        .rept 1022
        j fail
        .endr
.Lfwd_tgt:
        li a0, 1
        .option push
        .option norvc
        j 1f                            /* 4-byte jal back to a 4-byte aligned pc */
        .option pop
1:      CHECK(a0, 1)

        /* ---- largest backward offset: -4096 (imm[12] set, rest 0) ---- */
        TEST_CASE(143)
        lla a0, .Lbwd_tgt
        lla a1, .Lbwd_br
        sub a0, a1, a0
        CHECK(a0, 4096)
        li a0, 0
        j .Lbwd_br
        .balign 4
.Lbwd_tgt:
        li a0, 2
        j 1f
        .rept 1022
        j fail
        .endr
.Lbwd_br:
        bgeu zero, zero, .Lbwd_tgt
        j fail
1:      CHECK(a0, 2)

        /* ---- a not-taken branch with the largest offsets falls through ---- */
        TEST_CASE(144)
        lla a0, .Lnt_tgt
        lla a1, .Lnt_br
        sub a0, a0, a1
        CHECK(a0, 4094)
        li a0, 5
.Lnt_br:
        bne zero, zero, .Lnt_tgt
        addi a0, a0, 1
        j 1f
        .rept 1020
        j fail
        .endr
        .half 0
.Lnt_tgt:
        j fail
1:      CHECK(a0, 6)

        /* ---- chained taken branches both ways ---- */
        TEST_CASE(145)
        li a0, 0
        li a1, -1
        li a2, 1
        blt a1, a2, 3f
        j fail
2:      addi a0, a0, 10
        bltu a1, a2, fail               /* unsigned: 2^64-1 < 1 is false */
        bgeu a1, a2, 4f
        j fail
3:      addi a0, a0, 1
        bge a2, a1, 2b
        j fail
4:      CHECK(a0, 11)


        TEST_END
