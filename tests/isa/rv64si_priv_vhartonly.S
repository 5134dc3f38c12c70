/* Privilege behaviour where QEMU 7.2 (spike machine) differs from vhart: xRET to a mode below M clears
 * MPRV (privileged spec 1.12, 3.1.6.3), and the time CSR exists, follows mtime and is gated by
 * mcounteren.TM / scounteren.TM (QEMU's spike machine has no rdtime: time is illegal there). */
#include "test.h"
#include "priv_macros.h"

#define ILLEGAL_TO_M(insn...)                       \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* mret to S clears MPRV */
        li t0, MSTATUS_MPRV
        csrs mstatus, t0
        GO_S(1f)
1:      ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        li t0, MSTATUS_MPRV
        and a0, s7, t0
        CHECK(a0, 0)

        TEST_CASE(3)                    /* mret to U clears MPRV */
        li t0, MSTATUS_MPRV
        csrs mstatus, t0
        GO_U(1f)
1:      ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)
        li t0, MSTATUS_MPRV
        and a0, s7, t0
        CHECK(a0, 0)

        TEST_CASE(4)                   /* sret from M: to SPP's mode, clears MPRV */
        li t0, MSTATUS_SPP | MSTATUS_MPRV
        csrs mstatus, t0
        la t0, 1f
        csrw sepc, t0
        sret
1:      ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        li t0, MSTATUS_MPRV | MSTATUS_SPP
        and a0, s7, t0
        CHECK(a0, 0)

        TEST_CASE(5)                    /* sret from M to U clears MPRV */
        li t0, MSTATUS_MPRV
        csrs mstatus, t0
        li t0, MSTATUS_SPP
        csrc mstatus, t0
        la t0, 1f
        csrw sepc, t0
        sret
1:      ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)
        li t0, MSTATUS_MPRV
        and a0, s7, t0
        CHECK(a0, 0)

        TEST_CASE(6)                    /* time reads between two reads of mtime */
        li a1, CLINT_MTIME
        ld a2, 0(a1)
        csrr a0, time
        ld a3, 0(a1)
        bltu a0, a2, fail
        bltu a3, a0, fail

        TEST_CASE(7)                    /* mcounteren.TM = 0: S may not read time */
        csrw mcounteren, zero
        csrw scounteren, zero
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, time)

        TEST_CASE(8)                    /* TM in mcounteren: S may, U may not */
        li t0, 2
        csrw mcounteren, t0
        GO_S(1f)
1:      csrr a0, time
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, time)

        TEST_CASE(9)                    /* TM in both: U may; U alone with scounteren may not */
        li t0, 2
        csrw scounteren, t0
        GO_U(1f)
1:      csrr a0, time
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)
        csrw mcounteren, zero
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, time)

        TEST_CASE(10)                   /* time is read-only */
        ILLEGAL_TO_M(csrw time, zero)

        TEST_END
