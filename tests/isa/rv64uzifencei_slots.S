/* Zifencei with decoded code forgotten slot by slot (src/cpu/codecache.c): a store into a page
 * holding decoded code forgets only the slots whose decode read the stored bytes. Checks that code
 * next to stored data keeps running, that the very next instructions after a store are rewritten,
 * and that rewriting one instruction inside a fused group (slliw/srliw/or, run as one slot) makes
 * the group's new meaning run: the second shift, the or, then the first shift.
 * Expected values from a Python model of slliw/srliw/or/xor. */
#include "test.h"
#include "unpriv_macros.h"

#define NORVC .option push; .option norvc
#define POP   .option pop

        TEST_BEGIN
        .option norvc

        /* ---- data stored next to hot code, 300 times: the code keeps running ---- */
        TEST_CASE(2)
        li s2, 0
        li s3, 300
        la a1, smc_word
1:      sd s3, 0(a1)
        jal ra, smc_inc             /* a0 = 1, from the code just before smc_word */
        add s2, s2, a0
        addi s3, s3, -1
        bnez s3, 1b
        CHECK(s2, 300)
        ld a2, 0(a1)
        CHECK(a2, 1)

        /* ---- the two instructions right after the store and fence.i, rewritten on every trip:
         *      addi a0, zero, k; addi a0, a0, k -> a0 = 2k ---- */
        TEST_CASE(3)
        la a1, 2f
        li s2, 0
        li s3, 1
        lw s4, t_li_a0_0            /* addi a0, zero, 0 */
        lw s5, t_addi_a0_a0_0       /* addi a0, a0, 0 */
1:      slli a2, s3, 20
        or a3, a2, s5
        or a2, a2, s4
        slli a3, a3, 32
        slli a2, a2, 32
        srli a2, a2, 32
        or a2, a2, a3
        sd a2, 0(a1)
        fence.i
        .balign 8
2:      addi a0, zero, 99
        addi a0, a0, 99
        add s2, s2, a0
        addi s3, s3, 1
        li a3, 11
        bne s3, a3, 1b
        CHECK(s2, 110)              /* 2 * (1 + 2 + ... + 10) */

        /* ---- a fused rotate, hot, then one instruction inside it rewritten ---- */
        TEST_CASE(4)
        li a2, 0x0123456789abcdef
        li s3, 100
1:      jal ra, smc_rot
        addi s3, s3, -1
        bnez s3, 1b
        CHECK(a3, 0xffffffffd5e6f7c4)
        la a1, smc_rot
        lw a4, t_srliw_24           /* the second shift: srliw a1, a2, 25 -> 24 */
        sw a4, 4(a1)
        fence.i
        jal ra, smc_rot
        CHECK(a0, 0xffffffffd5e6f780)
        CHECK(a1, 0x89)
        CHECK(a3, 0xffffffffd5e6f789)

        TEST_CASE(5)                /* the or: or -> xor a3, a0, a1 */
        la a1, smc_rot
        lw a4, t_xor
        sw a4, 8(a1)
        fence.i
        jal ra, smc_rot
        CHECK(a3, 0xffffffffd5e6f709)

        TEST_CASE(6)                /* the first shift: slliw a0, a2, 7 -> 8 */
        la a1, smc_rot
        lw a4, t_slliw_8
        sw a4, 0(a1)
        fence.i
        jal ra, smc_rot
        CHECK(a0, 0xffffffffabcdef00)
        CHECK(a3, 0xffffffffabcdef89)

        TEST_END

        /* ---- code that gets rewritten, and data next to code ---- */
        .text
        .balign 8
smc_inc: NORVC
        addi a0, zero, 1
        ret
        POP
        .balign 8
smc_word:
        .dword 0

smc_rot: NORVC
        slliw a0, a2, 7
        srliw a1, a2, 25
        or a3, a0, a1
        ret
        POP

        /* ---- templates for the new instruction bits ---- */
        .data
        .balign 8
t_li_a0_0:      NORVC; addi a0, zero, 0; POP
t_addi_a0_a0_0: NORVC; addi a0, a0, 0; POP
t_srliw_24:     NORVC; srliw a1, a2, 24; POP
t_xor:          NORVC; xor a3, a0, a1; POP
t_slliw_8:      NORVC; slliw a0, a2, 8; POP
