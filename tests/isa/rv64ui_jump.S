/* RV64I unconditional jumps: jal and jalr.
 * Link values (pc + 4 for these 32-bit encodings), rd = x0, rd == rs1 (the target uses the old
 * rs1), clearing of bit 0 of the jalr target, the largest jalr offsets (+2047 / -2048), and jal
 * offsets that exercise every immediate field, up to the largest +0xffffe / -0x100000. */
#include "test.h"
#include "unpriv_macros.h"

/* Fill `bytes` of code that must never run (zero halfwords are illegal instructions). */
#define NEVER(bytes) .skip bytes, 0

        TEST_BEGIN
        .option norvc  /* only the 32-bit encodings here */
        .option norelax

        /* ---- jal: forward, link = pc + 4 ---- */
        TEST_CASE(2)
        li ra, 0
        jal ra, 1f
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        /* ---- jal with a link register other than ra ---- */
        TEST_CASE(3)
        li a3, 0
        jal a3, 1f
2:      j fail
1:      lla a0, 2b
        sub a0, a3, a0
        CHECK(a0, 0)

        /* ---- jal x0: no link; x0 stays 0 and ra is untouched ---- */
        TEST_CASE(4)
        li ra, 0x1234
        jal zero, 1f
        j fail
1:      CHECK(zero, 0)
        CHECK(ra, 0x1234)

        /* ---- jal backward ---- */
        TEST_CASE(5)
        li a0, 0
        j 2f
1:      addi a0, a0, 7
        j 3f
2:      jal a4, 1b
4:      j fail
3:      CHECK(a0, 7)
        lla a1, 4b
        sub a1, a4, a1
        CHECK(a1, 0)

        /* ---- jalr ra, 0(rs1): target = rs1, link = pc + 4 ---- */
        TEST_CASE(6)
        lla a1, 1f
        li ra, 0
        jalr ra, 0(a1)
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        /* ---- jalr with positive and negative offsets, up to +2047 / -2048 ---- */
        TEST_CASE(7)
        lla a1, 1f
        addi a1, a1, -8
        jalr a5, 8(a1)
2:      j fail
1:      lla a0, 2b
        sub a0, a5, a0
        CHECK(a0, 0)

        TEST_CASE(8)
        lla a1, 1f
        li a2, 2047
        sub a1, a1, a2
        jalr a5, 2047(a1)
        j fail
1:      lla a0, 1b
        li a2, 2047
        sub a0, a0, a2
        sub a0, a1, a0              /* the source register is unchanged */
        CHECK(a0, 0)

        TEST_CASE(9)
        lla a1, 1f
        addi a1, a1, 2047
        addi a1, a1, 1              /* a1 = target + 2048 */
        jalr a5, -2048(a1)
        j fail
1:      CHECK(zero, 0)

        /* ---- jalr rd == rs1: the target comes from the old value, then rd = pc + 4 ---- */
        TEST_CASE(10)
        lla a1, 1f
        jalr a1, 0(a1)
2:      j fail
1:      lla a0, 2b
        sub a0, a1, a0
        CHECK(a0, 0)

        TEST_CASE(11)
        lla ra, 1f
        jalr ra, 0(ra)
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        /* ---- jalr clears bit 0 of rs1 + offset ---- */
        TEST_CASE(12)
        lla a1, 1f
        addi a1, a1, 1              /* odd register value */
        jalr ra, 0(a1)
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        TEST_CASE(13)
        lla a1, 1f
        jalr ra, 1(a1)              /* odd offset */
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        TEST_CASE(14)
        lla a1, 1f
        addi a1, a1, 3
        jalr ra, -2(a1)             /* rs1 + offset = target + 1 */
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        TEST_CASE(15)
        lla a1, 1f
        addi a1, a1, 1
        jalr a1, 0(a1)              /* odd and rd == rs1 */
2:      j fail
1:      lla a0, 2b
        sub a0, a1, a0
        CHECK(a0, 0)

        /* ---- jalr x0 (jr): no link ---- */
        TEST_CASE(16)
        li ra, 0x777
        lla a1, 1f
        jalr zero, 0(a1)
        j fail
1:      CHECK(ra, 0x777)
        CHECK(zero, 0)

        /* ---- call and return, nested ---- */
        TEST_CASE(17)
        li a0, 1
        jal ra, func_outer
        CHECK(a0, 0x15)             /* ((1 + 1) * 8) + 5 */

        /* ---- jal offsets covering every immediate field ---- */
        TEST_CASE(18)               /* +2048: imm[11] only */
        li a0, 0
        jal a6, 1f
2:      NEVER(2048 - 4)
1:      lla a0, 2b
        sub a0, a6, a0
        CHECK(a0, 0)

        TEST_CASE(19)               /* +0x1ffe: imm[12:1] all set, target 2-byte aligned */
.Ljal19:
        jal a6, .Ljal19 + 0x1ffe
        NEVER(0x1ffe - 4)
        lla a0, .Ljal19
        sub a0, a6, a0
        CHECK(a0, 4)
        j 1f                        /* back to a 4-byte aligned pc */
        ALIGN4
1:

        /* The two largest offsets run in a section placed after `fail` (which must stay within
         * reach of every `j fail`); that code returns through s0 instead of checking. */
        TEST_CASE(20)               /* largest forward offset +0xffffe */
        li a6, 0
        lla s0, 1f
        lla a1, far20
        jalr zero, 0(a1)
1:      lla a0, far20
        sub a0, a6, a0
        CHECK(a0, 4)

        TEST_CASE(21)               /* largest backward offset -0x100000 */
        li a0, 0
        li a7, 0
        lla s0, 1f
        lla a1, far21
        jalr zero, 0(a1)
1:      CHECK(a0, 21)
        lla a1, far21
        sub a1, a7, a1
        CHECK(a1, 4)
        lla a1, far21_tgt           /* the layout gives the intended offset */
        lla a2, far21
        sub a1, a2, a1
        CHECK(a1, 0x100000)

        TEST_CASE(22)               /* backward by -0x7fe and -0x802 (imm[10:1] all set / imm[11] + low) */
        li a0, 0
        j .Lb22
.Lb22_t1:
        addi a0, a0, 1
        j .Lb22_2
        NEVER(0x7fe - 8)
.Lb22:
        jal a7, .Lb22_t1
        j fail
.Lb22_2:
        j .Lb22_b
.Lb22_t2:
        addi a0, a0, 2
        j 1f
        NEVER(0x802 - 8)
.Lb22_b:
        jal a7, .Lb22_t2
        j fail
1:      CHECK(a0, 3)
        lla a1, .Lb22_t1
        lla a2, .Lb22
        sub a1, a2, a1
        CHECK(a1, 0x7fe)
        lla a1, .Lb22_t2
        lla a2, .Lb22_b
        sub a1, a2, a1
        CHECK(a1, 0x802)

        TEST_END

        .text
func_outer:
        mv a7, ra
        addi a0, a0, 1
        jal ra, func_inner
        addi a0, a0, 5
        jalr zero, 0(a7)
func_inner:
        slli a0, a0, 3
        ret

        /* linked after .text, i.e. after `fail` */
        .section .text.zzfar, "ax", @progbits
        .option norvc
far20:
        jal a6, far20 + 0xffffe
        NEVER(0xffffe - 4)
        jalr zero, 0(s0)            /* at far20 + 0xffffe, 2-byte aligned */
        NEVER(2)
far21_tgt:
        li a0, 21
        jalr zero, 0(s0)
        NEVER(0x100000 - 8)
far21:
        jal a7, far21_tgt
        NEVER(4)
