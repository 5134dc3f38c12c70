/* Zifencei: self-modifying code. A store (sw, sh, sd, amoswap.w) writes new instruction bits over
 * code that has already run (often many times), fence.i, and the new instruction runs.
 * Covers: a called function, the instruction right after the fence.i in the same straight-line
 * block (rewritten on every trip round a loop), 32-bit -> two 16-bit and two 16-bit -> 32-bit
 * replacements, a 32-bit instruction at a 2 mod 4 address rewritten with two sh, rewriting only the
 * upper or only the lower half of an instruction, a 32-bit instruction straddling a 4 KiB page
 * boundary rewritten half by half, two instructions rewritten by one sd, and an AMO as the store.
 * New instruction bits come from templates assembled into .data by the assembler. */
#include "test.h"
#include "unpriv_macros.h"

#define NORVC .option push; .option norvc
#define RVC   .option push; .option rvc
#define POP   .option pop
#define ALIGN8 .option push; .option rvc; .balign 8; .option pop

        TEST_BEGIN
        .option norvc

        /* ---- a function rewritten after it became hot ---- */
        TEST_CASE(2)
        li s2, 0
        li s3, 200
1:      jal ra, smc_f1              /* returns 1, 200 times */
        add s2, s2, a0
        addi s3, s3, -1
        bnez s3, 1b
        CHECK(s2, 200)
        la a1, smc_f1
        lw a2, t_li_a0_2
        sw a2, 0(a1)
        fence.i
        jal ra, smc_f1
        CHECK(a0, 2)

        TEST_CASE(3)                /* and again */
        la a1, smc_f1
        lw a2, t_li_a0_3
        sw a2, 0(a1)
        fence.i
        jal ra, smc_f1
        CHECK(a0, 3)

        /* ---- only the upper half (the immediate) rewritten: addi a0, zero, 3 -> -1 ---- */
        TEST_CASE(4)
        la a1, smc_f1
        li a2, 0xfff0               /* imm[11:0] = 0xfff, rs1[4:1] = 0 */
        sh a2, 2(a1)
        fence.i
        jal ra, smc_f1
        CHECK(a0, -1)

        /* ---- the store is an AMO ---- */
        TEST_CASE(5)
        la a1, smc_f1
        lw a2, t_li_a0_5
        amoswap.w a3, a2, (a1)
        fence.i
        jal ra, smc_f1
        CHECK(a0, 5)
        lw a4, t_li_a0_m1           /* the AMO returned the old instruction */
        sub a3, a3, a4
        CHECK(a3, 0)

        /* ---- the instruction right after fence.i, rewritten on every trip round a loop ---- */
        TEST_CASE(6)
        la a1, 2f
        li s2, 0                    /* sum */
        li s3, 1                    /* k */
        lw s4, t_li_a0_0            /* addi a0, zero, 0 */
1:      slli a2, s3, 20
        or a2, a2, s4               /* addi a0, zero, k */
        sw a2, 0(a1)
        fence.i
2:      addi a0, zero, 99
        add s2, s2, a0
        addi s3, s3, 1
        li a3, 11
        bne s3, a3, 1b
        CHECK(s2, 55)               /* 1 + 2 + ... + 10 */

        /* ---- one 32-bit instruction replaced by two 16-bit ones ---- */
        TEST_CASE(7)
        jal ra, smc_f2
        CHECK(a0, 5)
        la a1, smc_f2
        lw a2, t_cli6_caddi1        /* c.li a0, 6; c.addi a0, 1 */
        sw a2, 0(a1)
        fence.i
        jal ra, smc_f2
        CHECK(a0, 7)

        /* ---- two 16-bit instructions replaced by one 32-bit one ---- */
        TEST_CASE(8)
        jal ra, smc_f3
        CHECK(a0, 9)
        la a1, smc_f3
        lw a2, t_li_a0_10
        sw a2, 0(a1)
        fence.i
        jal ra, smc_f3
        CHECK(a0, 10)

        /* ---- back again: 32-bit -> 16 + 16, written one half-word at a time ---- */
        TEST_CASE(9)
        la a1, smc_f3
        lw a2, t_cli6_caddi1
        sh a2, 0(a1)                /* c.li a0, 6 + the upper half of the addi (garbage) ... */
        srli a2, a2, 16
        sh a2, 2(a1)                /* ... now c.addi a0, 1 */
        fence.i
        jal ra, smc_f3
        CHECK(a0, 7)

        /* ---- a 32-bit instruction at 2 mod 4, rewritten with two sh ---- */
        TEST_CASE(10)
        jal ra, smc_f4
        CHECK(a0, 11)
        la a1, smc_f4 + 2
        andi a3, a1, 3
        CHECK(a3, 2)
        lw a2, t_li_a0_12
        sh a2, 0(a1)
        srli a2, a2, 16
        sh a2, 2(a1)
        fence.i
        jal ra, smc_f4
        CHECK(a0, 12)

        /* ---- a 32-bit instruction across a 4 KiB page boundary ---- */
        TEST_CASE(11)
        la a1, smc_cross
        addi a3, a1, 2
        slli a3, a3, 52
        CHECK(a3, 0)                /* it really straddles the boundary */
        jal ra, smc_cross
        CHECK(a0, 13)
        li a2, 0x00e0               /* upper half, in the second page: imm = 14 */
        sh a2, 2(a1)
        fence.i
        jal ra, smc_cross
        CHECK(a0, 14)

        TEST_CASE(12)               /* lower half, in the first page: rd a0 -> a1 */
        la a1, smc_cross
        lw a2, t_li_a1_0
        sh a2, 0(a1)
        fence.i
        li a1, 0
        li a0, 0x77
        jal ra, smc_cross
        CHECK(a0, 0x77)
        CHECK(a1, 14)

        /* ---- two instructions rewritten by one sd ---- */
        TEST_CASE(13)
        jal ra, smc_f6
        CHECK(a0, 31)
        la a1, smc_f6
        andi a3, a1, 7
        CHECK(a3, 0)
        ld a2, t_pair
        sd a2, 0(a1)
        fence.i
        jal ra, smc_f6
        CHECK(a0, 42)

        /* ---- a modified loop body: the loop itself is hot, the body changes between runs ---- */
        TEST_CASE(14)
        li a0, 0
        jal ra, smc_loop            /* a0 += 1, 50 times */
        CHECK(a0, 50)
        la a1, smc_loop_body
        lw a2, t_addi_a0_a0_3
        sw a2, 0(a1)
        fence.i
        li a0, 0
        jal ra, smc_loop            /* a0 += 3, 50 times */
        CHECK(a0, 150)

        TEST_END

        /* ---- code that gets rewritten ---- */
        .text
        ALIGN8
smc_f1: NORVC
        addi a0, zero, 1
        ret
        POP

smc_f2: NORVC
        addi a0, zero, 5
        ret
        POP

        ALIGN8
smc_f3: RVC
        c.li a0, 8
        c.addi a0, 1
        c.jr ra
        POP

        ALIGN8
smc_f4: RVC
        c.nop
        POP
        NORVC
        addi a0, zero, 11           /* at 2 mod 4 */
        ret
        POP

        ALIGN8
smc_f6: NORVC
        addi a0, zero, 30
        addi a0, a0, 1
        ret
        POP

smc_loop:
        NORVC
        li a3, 50
1:
smc_loop_body:
        addi a0, a0, 1
        addi a3, a3, -1
        bnez a3, 1b
        ret
        POP

        /* a page-aligned section of its own: smc_cross starts 2 bytes before the end of its first page */
        .section .text.smc_page, "ax", @progbits
        .balign 4096
        .skip 4094, 0
smc_cross:
        NORVC
        addi a0, zero, 13
        ret
        POP

        /* ---- templates for the new instruction bits ---- */
        .data
        .balign 8
t_li_a0_0:      NORVC; addi a0, zero, 0; POP
t_li_a0_2:      NORVC; addi a0, zero, 2; POP
t_li_a0_3:      NORVC; addi a0, zero, 3; POP
t_li_a0_5:      NORVC; addi a0, zero, 5; POP
t_li_a0_m1:     NORVC; addi a0, zero, -1; POP
t_li_a0_10:     NORVC; addi a0, zero, 10; POP
t_li_a0_12:     NORVC; addi a0, zero, 12; POP
t_li_a1_0:      NORVC; addi a1, zero, 0; POP
t_addi_a0_a0_3: NORVC; addi a0, a0, 3; POP
t_cli6_caddi1:  RVC; c.li a0, 6; c.addi a0, 1; POP
        .balign 8
t_pair:         NORVC; addi a0, zero, 40; addi a0, a0, 2; POP
