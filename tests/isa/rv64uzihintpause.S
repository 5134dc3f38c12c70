/* Zihintpause (2.0): PAUSE is the FENCE encoding with pred = W, succ = 0, fm = 0, rd = rs1 = x0
 * (0x0100000f). It executes as a no-op: no register or memory changes, no trap, in M, S and U mode (also
 * with mstatus.TW = 1: it is not WFI), many times in a loop. The exact retirement count is checked in
 * rv64uzihintpause_retire_vhartonly.S. */
#include "test.h"
#include "priv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the mnemonic here */
        .option arch, +zihintpause

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* the assembler's encoding */
        la a1, 1f
        lwu a0, 0(a1)
        CHECK(a0, 0x0100000f)

        TEST_CASE(3)                    /* no register changes */
        li a0, 0x1111
        li a1, -1
        li a2, 0x123456789abcdef0
        li t0, 0x5555
        mv a3, sp
1:      pause
        CHECK(a0, 0x1111)
        CHECK(a1, -1)
        CHECK(a2, 0x123456789abcdef0)
        CHECK(t0, 0x5555)
        bne a3, sp, fail
        CHECK(zero, 0)

        TEST_CASE(4)                    /* raw encoding, no memory change */
        la a1, word
        ld a2, 0(a1)
        .word 0x0100000f
        ld a0, 0(a1)
        bne a0, a2, fail
        CHECK(a0, 0x0badc0de0badc0de)

        TEST_CASE(5)                    /* 1000 times in a loop */
        li a1, 1000
        li a0, 0
2:      pause
        addi a0, a0, 1
        addi a1, a1, -1
        bnez a1, 2b
        CHECK(a0, 1000)

        TEST_CASE(6)                    /* S mode, mstatus.TW = 1: no trap */
        li t0, MSTATUS_TW
        csrs mstatus, t0
        GO_S(1f)
1:      pause
        li a0, 0x66
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_S)
        CHECK(a0, 0x66)

        TEST_CASE(7)                    /* U mode, mstatus.TW = 1: no trap */
        GO_U(1f)
1:      pause
        pause
        li a0, 0x77
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_U)
        CHECK(a0, 0x77)
        li t0, MSTATUS_TW
        csrc mstatus, t0

        TEST_END

        .data
        .align 3
word:   .dword 0x0badc0de0badc0de
