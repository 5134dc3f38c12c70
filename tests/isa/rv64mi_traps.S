/* Synchronous exceptions taken in M-mode: mcause, mepc and mtval of each cause, and the mstatus
 * trap-entry update (privileged spec 1.12, sections 3.1.6, 3.1.15-3.1.17, 3.3.1). */
#include "test.h"
#include "priv_macros.h"

#define UNMAPPED 0x40000000

        TEST_BEGIN
        PRIV_INIT

        /* ---- instruction access fault: mepc = mtval = target ---- */
        TEST_CASE(2)
        li t0, 0
        la s11, 1f
        jalr ra, t0
        j fail
1:      CHECK(s8, CAUSE_FETCH_ACCESS)
        CHECK(s9, 0)
        CHECK(s10, 0)

        TEST_CASE(3)
        li t0, UNMAPPED
        la s11, 1f
        jalr ra, t0
2:      j fail
1:      CHECK(s8, CAUSE_FETCH_ACCESS)
        CHECK(s9, UNMAPPED)
        CHECK(s10, UNMAPPED)
        la t0, 2b
        bne ra, t0, fail                /* the jalr itself completed */

        TEST_CASE(4)                    /* a jump by a compressed instruction */
        li t0, UNMAPPED + 0x100
        la s11, 1f
        c.jr t0
        j fail
1:      CHECK(s8, CAUSE_FETCH_ACCESS)
        CHECK(s9, UNMAPPED + 0x100)
        CHECK(s10, UNMAPPED + 0x100)

        /* ---- illegal instruction: mtval = the instruction ---- */
        TEST_CASE(5)                    /* 16-bit all-zero */
        TRAP_CASE(CAUSE_ILLEGAL, .half 0x0000; .half 0x0001)
        CHECK(s10, 0)

        TEST_CASE(21)                   /* all-ones (a reserved long encoding): its first 32 bits */
        TRAP_CASE(CAUSE_ILLEGAL, .word 0xffffffff)
        CHECK(s10, 0xffffffff)

        TEST_CASE(6)                    /* 32-bit undefined: OP with funct7 = 0x7f */
        TRAP_CASE(CAUSE_ILLEGAL, .word 0xfe000033)
        CHECK(s10, 0xfe000033)

        TEST_CASE(7)                    /* 16-bit reserved: c.lwsp with rd = x0 */
        TRAP_CASE(CAUSE_ILLEGAL, .half 0x4002; .half 0x0001)
        CHECK(s10, 0x4002)

        /* ---- breakpoint ---- */
        TEST_CASE(8)
        TRAP_CASE(CAUSE_BREAKPOINT, ebreak)
        TEST_CASE(9)
        TRAP_CASE(CAUSE_BREAKPOINT, c.ebreak)

        /* ---- ecall from M ---- */
        TEST_CASE(10)
        TRAP_CASE(CAUSE_ECALL_M, ecall)
        CHECK(s10, 0)

        /* ---- trap entry: MPP = M, MPIE = old MIE, MIE = 0 (mie = 0: nothing can interrupt) ---- */
        TEST_CASE(11)
        li t0, MSTATUS_MIE
        csrs mstatus, t0
        li t0, MSTATUS_MPIE | MSTATUS_MPP
        csrc mstatus, t0
        TRAP_CASE(CAUSE_ECALL_M, ecall)
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        and a0, s7, t0
        CHECK(a0, MSTATUS_MPIE | MSTATUS_MPP)
        csrr a0, mstatus                /* still so after the handler */
        and a0, a0, t0
        CHECK(a0, MSTATUS_MPIE | MSTATUS_MPP)

        TEST_CASE(12)                   /* MIE = 0 before: MPIE = 0 */
        TRAP_CASE(CAUSE_ECALL_M, ecall)
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        and a0, s7, t0
        CHECK(a0, MSTATUS_MPP)

        /* ---- load / store / AMO access faults: mtval = address ---- */
        TEST_CASE(13)
        li a1, UNMAPPED
        TRAP_CASE(CAUSE_LOAD_ACCESS, ld a0, 0(a1))
        CHECK(s10, UNMAPPED)
        TRAP_CASE(CAUSE_LOAD_ACCESS, lbu a0, 0x13(a1))
        CHECK(s10, UNMAPPED + 0x13)
        TRAP_CASE(CAUSE_LOAD_ACCESS, c.lw a0, 4(a1))
        CHECK(s10, UNMAPPED + 4)
        li a1, 0
        TRAP_CASE(CAUSE_LOAD_ACCESS, lw a0, 0x10(a1))
        CHECK(s10, 0x10)

        TEST_CASE(14)
        li a1, UNMAPPED
        TRAP_CASE(CAUSE_STORE_ACCESS, sd a0, 8(a1))
        CHECK(s10, UNMAPPED + 8)
        TRAP_CASE(CAUSE_STORE_ACCESS, sh a0, -2(a1))
        CHECK(s10, UNMAPPED - 2)
        TRAP_CASE(CAUSE_STORE_ACCESS, c.sd a0, 16(a1))
        CHECK(s10, UNMAPPED + 16)

        TEST_CASE(15)                   /* LR reports a load fault (AMOs: see rv64mi_traps_vhartonly) */
        li a1, UNMAPPED + 0x40
        TRAP_CASE(CAUSE_LOAD_ACCESS, lr.d a0, (a1))
        CHECK(s10, UNMAPPED + 0x40)
        TRAP_CASE(CAUSE_LOAD_ACCESS, lr.w a0, (a1))
        CHECK(s10, UNMAPPED + 0x40)

        TEST_CASE(16)                   /* a fault leaves the destination register alone */
        li a1, UNMAPPED
        li a0, 0x1234
        TRAP_CASE(CAUSE_LOAD_ACCESS, ld a0, 0(a1))
        CHECK(a0, 0x1234)
        TRAP_CASE(CAUSE_STORE_ACCESS, sd a0, 0(a1))
        CHECK(a0, 0x1234)
        li a2, 0x5678
        TRAP_CASE(CAUSE_LOAD_ACCESS, lr.d a2, (a1))
        CHECK(a2, 0x5678)

        /* ---- misaligned LR (plain loads and stores are emulated; AMOs: see rv64mi_traps_vhartonly) ---- */
        TEST_CASE(18)
        la a1, data + 2
        TRAP_CASE(CAUSE_MISALIGNED_LOAD, lr.w a0, (a1))
        CHECK_TVAL_LABEL(data + 2)
        la a1, data + 4
        TRAP_CASE(CAUSE_MISALIGNED_LOAD, lr.d a0, (a1))
        CHECK_TVAL_LABEL(data + 4)

        TEST_CASE(19)                   /* memory untouched by the faulting AMO */
        la a1, data
        ld a0, 0(a1)
        CHECK(a0, 0x1122334455667788)

        TEST_CASE(20)                   /* aligned AMO on RAM works (no trap) */
        la a1, data + 8
        li a2, 5
        amoadd.d a0, a2, (a1)
        CHECK(a0, 10)
        ld a0, 0(a1)
        CHECK(a0, 15)

        TEST_END

        .data
        .align 3
data:   .dword 0x1122334455667788
        .dword 10
