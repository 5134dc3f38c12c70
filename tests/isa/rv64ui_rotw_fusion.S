/* Fused 32-bit rotates (the interpreter runs slliw/srliw + opposite shift + or as one slot):
 * every destination written as by the three instructions, both orders, a 4-byte or and c.or,
 * jumps into the middle of a fusable group, groups that must not fuse, and a loop.
 * Expected values from a Python model of slliw/srliw/or. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN
        .option norvc

        /* left shift first, 4-byte or: all three destinations */
        TEST_CASE(2)
        li a2, 0x0123456789abcdef
        slliw a0, a2, 7
        srliw a1, a2, 25
        or a3, a0, a1
        CHECK(a3, 0xffffffffd5e6f7c4)
        CHECK(a0, 0xffffffffd5e6f780)
        CHECK(a1, 0x0000000000000044)
        CHECK(a2, 0x0123456789abcdef)

        /* right shift first, or with its operands swapped */
        TEST_CASE(3)
        li t1, 0xfedcba9876543210
        srliw t2, t1, 13
        slliw t3, t1, 19
        or t4, t3, t2
        CHECK(t4, 0xffffffff9083b2a1)
        CHECK(t2, 0x000000000003b2a1)
        CHECK(t3, 0xffffffff90800000)

        /* c.or ends the group: a0 = a0 | a1 */
        TEST_CASE(4)
        li a2, 0x0123456789abcdef
        slliw a0, a2, 7
        srliw a1, a2, 25
        .option rvc
        c.or a0, a1
        .option norvc
        CHECK(a0, 0xffffffffd5e6f7c4)
        CHECK(a1, 0x0000000000000044)

        /* a jump into the second shift runs it and the or only */
        TEST_CASE(5)
        li a2, 0x0123456789abcdef
        li a0, 0x5a
        j 1f
        slliw a0, a2, 7
1:      srliw a1, a2, 25
        or a3, a0, a1
        CHECK(a0, 0x5a)
        CHECK(a1, 0x0000000000000044)
        CHECK(a3, 0x000000000000005e)

        /* a jump onto the or runs the or only */
        TEST_CASE(6)
        li a2, 0x0123456789abcdef
        li a0, 0x100
        li a1, 0x23
        j 1f
        slliw a0, a2, 7
        srliw a1, a2, 25
1:      or a3, a0, a1
        CHECK(a3, 0x0000000000000123)

        /* the first shift overwrites the source: the second reads the new value (no fusion) */
        TEST_CASE(7)
        li a2, 0x0123456789abcdef
        slliw a2, a2, 7
        srliw a1, a2, 25
        or a3, a2, a1
        CHECK(a2, 0xffffffffd5e6f780)
        CHECK(a1, 0x000000000000006a)
        CHECK(a3, 0xffffffffd5e6f7ea)

        /* both shifts to x0: nothing written, the or reads zeros */
        TEST_CASE(8)
        li a2, 0x0123456789abcdef
        li a3, 0x77
        slliw zero, a2, 7
        srliw zero, a2, 25
        or a3, zero, zero
        CHECK(a3, 0)

        /* a rotate in a loop, 100 times */
        TEST_CASE(9)
        li a2, 0x0123456789abcdef
        li t0, 100
2:      slliw a0, a2, 7
        srliw a1, a2, 25
        or a2, a0, a1
        addi t0, t0, -1
        bnez t0, 2b
        CHECK(a2, 0xfffffffff89abcde)

        TEST_END
