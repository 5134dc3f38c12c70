/* Zawrs wait-on-reservation-set (1.01): WRS.NTO and WRS.STO complete in M-mode, with and without a
 * reservation; below M, WRS.NTO with mstatus.TW = 1 raises an illegal-instruction exception (vhart's
 * stall has no bounded time limit, as with WFI), WRS.STO never does. vhart-only: QEMU 7.2 has no Zawrs. */
#include "test.h"
#include "priv_macros.h"

        .option arch, +zawrs

#define ILLEGAL_TO_M(insn...)                       \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* M-mode, no reservation: both complete */
        wrs.nto
        wrs.sto
        TEST_CASE(3)                    /* M-mode with a reservation, TW = 1: completes */
        li t0, MSTATUS_TW
        csrs mstatus, t0
        la a1, word
        lr.d a0, (a1)
        wrs.nto
        wrs.sto
        li t0, MSTATUS_TW
        csrc mstatus, t0

        TEST_CASE(4)                    /* S-mode, TW = 0: both complete */
        GO_S(1f)
1:      wrs.nto
        wrs.sto
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)

        TEST_CASE(5)                    /* S-mode, TW = 1: wrs.nto is illegal (the trap resumes in M) */
        li t0, MSTATUS_TW
        csrs mstatus, t0
        GO_S(1f)
1:      ILLEGAL_TO_M(wrs.nto)
        TEST_CASE(6)                    /* S-mode, TW = 1: wrs.sto completes */
        GO_S(1f)
1:      wrs.sto
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)

        TEST_CASE(7)                    /* U-mode, TW = 1: wrs.nto is illegal, wrs.sto completes */
        GO_U(1f)
1:      ILLEGAL_TO_M(wrs.nto)
        GO_U(1f)
1:      wrs.sto
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)
        li t0, MSTATUS_TW
        csrc mstatus, t0

        TEST_END

        .data
        .balign 8
word:   .dword 0
