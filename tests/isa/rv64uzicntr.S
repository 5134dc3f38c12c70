/* Zicntr counters: instret, cycle (and their M-mode aliases minstret, mcycle).
 * instret counts exactly the instructions retired between two reads: a csrr of instret sees the
 * count before itself, so two back-to-back reads differ by 1; compressed instructions, taken
 * branches, jumps, calls, loads and stores count 1 each; ecall / ebreak / an illegal instruction
 * raise exceptions and do not retire (the handler's instructions, mret included, do).
 * cycle never goes backwards and advances over a loop. cycleh / instreth / timeh do not exist on RV64.
 *
 * On QEMU the exact counts need `-icount shift=0` (without it QEMU's instret is the host tick
 * counter). QEMU 7.2 -icount also counts ecall / ebreak as retired and is one over in the 10000-loop
 * case; build with -DQEMU_ICOUNT_QUIRKS to accept exactly those two deviations when checking this
 * file against QEMU. The time CSR is tested in rv64uzicntr_time_vhartonly.S. */
#include "test.h"
#include "unpriv_macros.h"

#ifdef QEMU_ICOUNT_QUIRKS
#define ECALL_RETIRES 1
#define LONG_RUN_EXTRA 1
#else
#define ECALL_RETIRES 0
#define LONG_RUN_EXTRA 0
#endif

/* a0 = instret delta over `insns`, measured by two csrr (the first csrr counts once). */
#define MEASURE(insns...)                           \
        csrr a6, instret;                           \
        insns;                                      \
        csrr a7, instret;                           \
        sub a0, a7, a6

        TEST_BEGIN
        .option norvc
        EXPECT_TRAP

        /* ---- instret: exact deltas in straight-line code ---- */
        TEST_CODE(2, 1, MEASURE())
        TEST_CODE(3, 6, MEASURE(nop; nop; nop; nop; nop))
        TEST_CODE(4, 4, MEASURE(addi a1, a1, 1; xor a2, a2, a1; mul a3, a2, a1))
        TEST_CODE(5, 3, MEASURE(rdinstret a1; rdinstret a2))
        TEST_CASE(6)                /* rdinstret sees its own predecessors only */
        rdinstret a1
        rdinstret a2
        rdinstret a3
        sub a0, a2, a1
        CHECK(a0, 1)
        sub a0, a3, a2
        CHECK(a0, 1)

        /* compressed instructions count as one each */
        TEST_CASE(7)
        .option push
        .option rvc
        MEASURE(c.nop; c.nop; c.addi a1, 1; c.li a2, 3; c.mv a3, a2)
        .option pop
        CHECK(a0, 6)

        /* loads, stores, fence, fence.i */
        TEST_CASE(8)
        la a1, scratch
        MEASURE(ld a2, 0(a1); sd a2, 8(a1); lw a3, 4(a1); sb a3, 1(a1); fence; fence.i; amoadd.d a4, a2, (a1))
        CHECK(a0, 8)

        /* taken and not-taken branches and jumps: one each; skipped code does not count */
        TEST_CASE(9)
        li a1, 1
        csrr a6, instret
        beq zero, zero, 1f          /* taken */
        nop
        nop
1:      bne zero, zero, 2f          /* not taken */
        j 3f
2:      nop
3:      jal zero, 4f
        nop
4:      csrr a7, instret
        sub a0, a7, a6
        CHECK(a0, 5)                /* csrr, beq, bne, j, jal */

        /* a counted loop: 1 (csrr) + 1 (li) + 100 * 2 */
        TEST_CASE(10)
        csrr a6, instret
        li a2, 100
1:      addi a2, a2, -1
        bnez a2, 1b
        csrr a7, instret
        sub a0, a7, a6
        CHECK(a0, 202)

        /* a call and return: csrr, jal, two in the callee (addi, ret) */
        TEST_CASE(11)
        MEASURE(jal ra, callee)
        CHECK(a0, 4)

        /* a longer run: 1 + 1 + 1000 * 3 (and 10000 iterations in case 24, at the end) */
        TEST_CASE(12)
        csrr a6, instret
        li a2, 1000
1:      addi a3, a3, 1
        addi a2, a2, -1
        bnez a2, 1b
        csrr a7, instret
        sub a0, a7, a6
        CHECK(a0, 3002)

        /* minstret is the same counter */
        TEST_CASE(13)
        csrr a1, minstret
        csrr a2, instret
        csrr a3, minstret
        sub a0, a2, a1
        CHECK(a0, 1)
        sub a0, a3, a2
        CHECK(a0, 1)

        /* ---- instructions that trap do not retire; the handler's do ----
         * __ut_trap for a 4-byte instruction runs 12 instructions: csrr, csrr, csrr, mv, lhu, andi,
         * addi, li, bne (not taken), addi, csrw, mret. */
        TEST_CASE(14)
        MEASURE(ebreak)
        CHECK(a0, 13 + ECALL_RETIRES)
        CHECK(s10, 3)
        TEST_CASE(15)
        MEASURE(ecall)
        CHECK(a0, 13 + ECALL_RETIRES)
        CHECK(s10, 11)
        TEST_CASE(16)
        MEASURE(csrrw zero, cycle, zero)    /* illegal: cycle is read-only */
        CHECK(a0, 13)
        CHECK(s10, 2)

        /* ---- cycle: never decreases, advances over a loop ---- */
        TEST_CASE(17)
        li a2, 100
        rdcycle a1
1:      rdcycle a3
        bltu a3, a1, fail
        mv a1, a3
        addi a2, a2, -1
        bnez a2, 1b
        BREAK_POINT(17)

        TEST_CASE(18)
        rdcycle a1
        li a2, 1000
1:      addi a2, a2, -1
        bnez a2, 1b
        rdcycle a3
        bgeu a1, a3, fail
        BREAK_POINT(18)

        TEST_CASE(19)               /* mcycle is the same counter: never behind an earlier cycle read */
        rdcycle a1
        csrr a2, mcycle
        rdcycle a3
        bltu a2, a1, fail
        bltu a3, a2, fail
        BREAK_POINT(19)

        TEST_CASE(20)               /* instret never decreases either */
        li a2, 100
        rdinstret a1
1:      rdinstret a3
        bgeu a1, a3, fail
        mv a1, a3
        addi a2, a2, -1
        bnez a2, 1b
        BREAK_POINT(20)

        /* ---- the RV32-only high halves do not exist on RV64: illegal instruction ---- */
        TEST_CASE(21)
        TRAP_ARM
        li a0, 0x5a5a
        csrr a0, 0xc80              /* cycleh */
        CHECK(s10, 2)
        CHECK(a0, 0x5a5a)
        TEST_CASE(22)
        TRAP_ARM
        csrr a0, 0xc82              /* instreth */
        CHECK(s10, 2)
        CHECK(a0, 0x5a5a)
        TEST_CASE(23)
        TRAP_ARM
        csrr a0, 0xc81              /* timeh */
        CHECK(s10, 2)
        CHECK(a0, 0x5a5a)

        /* ---- a run long enough to cross any per-block / per-budget accounting: 1 + 1 + 10000 * 3.
         * (QEMU 7.2 with -icount shift=0 reports 30003 here; its count is off by one once a run
         * crosses an icount budget boundary.) ---- */
        TEST_CASE(24)
        csrr a6, instret
        li a2, 10000
1:      addi a3, a3, 1
        addi a2, a2, -1
        bnez a2, 1b
        csrr a7, instret
        sub a0, a7, a6
        CHECK(a0, 30003)            /* li a2, 10000 is lui + addiw: 2 + 3 * 10000 + the first csrr */

        TEST_END

callee:
        addi a5, a5, 1
        ret

        UT_TRAP_HANDLER

        .data
        .align 3
scratch: .dword 0x1122334455667788, 0
