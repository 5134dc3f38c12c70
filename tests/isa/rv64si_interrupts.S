/* Supervisor interrupts delegated with mideleg: taken in S through stvec (direct and vectored) under
 * sstatus.SIE / sie, always in U, never in M (privileged spec 1.12, 3.1.8-3.1.9, 4.1.1-4.1.3). */
#include "test.h"
#include "priv_macros.h"

#define WAIT_MIP_SET(bit)                           \
1:      csrr t0, mip;                               \
        andi t0, t0, bit;                           \
        beqz t0, 1b
#define WAIT_MIP_CLEAR(bit)                         \
1:      csrr t0, mip;                               \
        andi t0, t0, bit;                           \
        bnez t0, 1b

/* in S: set SIE; the pending delegated interrupt is taken right after (sepc = label 8) */
#define S_TAKE_AFTER_SIE(cause)                     \
        la s11, 9f;                                 \
        csrsi sstatus, MSTATUS_SIE;                 \
8:      j fail;                                     \
9:      CHECK(s8, cause);                           \
        la t6, 8b;                                  \
        bne s9, t6, fail;                           \
        CHECK(s10, 0)

/* from S back to M (ecall from S is never delegated here); label 7 */
#define S_TO_M                                      \
        la s11, 7f;                                 \
        ecall;                                      \
        j fail;                                     \
7:      CHECK(s8, CAUSE_ECALL_S)

        TEST_BEGIN
        PRIV_INIT
        csrwi 0x30a, 0                  /* menvcfg.STCE = 0: STIP is software-writable */
        li t1, CLINT_MTIMECMP
        li t0, -1
        sd t0, 0(t1)
        li t1, CLINT_MSIP
        sw zero, 0(t1)
        WAIT_MIP_CLEAR(MIP_MTIP | MIP_MSIP)
        li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
        csrw mideleg, t0

        TEST_CASE(2)                    /* SSI set from M, taken in S when S sets SIE */
        li t0, MIP_SSIP
        csrs mip, t0
        csrw mie, t0
        li t0, MSTATUS_SIE
        csrc mstatus, t0
        GO_S(1f)
1:      nop                             /* SIE = 0: not taken */
        nop
        csrr a0, sip
        CHECK(a0, MIP_SSIP)
        S_TAKE_AFTER_SIE(CAUSE_INTR | IRQ_S_SOFT)
        li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
        and a0, s7, t0                  /* trap entry: SPIE = 1, SIE = 0, SPP = S */
        CHECK(a0, MSTATUS_SPIE | MSTATUS_SPP)
        csrr a0, scause
        CHECK(a0, CAUSE_INTR | IRQ_S_SOFT)

        TEST_CASE(3)                    /* S clears SSIP through sip; SIE = 1 then takes nothing */
        li t0, MIP_SSIP
        csrc sip, t0
        csrr a0, sip
        CHECK(a0, 0)
        csrsi sstatus, MSTATUS_SIE
        nop
        csrci sstatus, MSTATUS_SIE

        TEST_CASE(4)                    /* S raises SSIP itself with SIE = 1: taken after the csrs */
        csrsi sstatus, MSTATUS_SIE
        li t0, MIP_SSIP
        la s11, 9f
        csrs sip, t0
8:      j fail
9:      CHECK(s8, CAUSE_INTR | IRQ_S_SOFT)
        la t6, 8b
        bne s9, t6, fail

        TEST_CASE(5)                    /* sie gates it too: SIE = 1, sie.SSIE = 0 */
        csrw sie, zero
        csrsi sstatus, MSTATUS_SIE
        nop
        nop
        csrci sstatus, MSTATUS_SIE
        li t0, MIP_SSIP                 /* enable in sie with SIE = 1: taken after the csrw */
        csrsi sstatus, MSTATUS_SIE
        la s11, 9f
        csrw sie, t0
8:      j fail
9:      CHECK(s8, CAUSE_INTR | IRQ_S_SOFT)
        la t6, 8b
        bne s9, t6, fail
        S_TO_M

        TEST_CASE(6)                    /* in U a delegated interrupt is taken whatever SIE is */
        li t0, MSTATUS_SIE
        csrc mstatus, t0
        la s11, 2f
        GO_U(1f)
1:      j fail
2:      CHECK_TRAP(CAUSE_INTR | IRQ_S_SOFT, 1b)
        li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
        and a0, s7, t0
        CHECK(a0, 0)                    /* SPP = U, SPIE = 0 */
        li t0, MIP_SSIP
        csrc sip, t0
        S_TO_M

        TEST_CASE(7)                    /* delegated STI from M's mip.STIP */
        li t0, MIP_STIP
        csrs mip, t0
        csrw mie, t0
        GO_S(1f)
1:      S_TAKE_AFTER_SIE(CAUSE_INTR | IRQ_S_TIMER)
        csrr a0, sip
        CHECK(a0, MIP_STIP)
        li t0, MIP_STIP                 /* STIP is read-only in sip */
        csrc sip, t0
        csrr a0, sip
        CHECK(a0, MIP_STIP)
        S_TO_M
        li t0, MIP_STIP
        csrc mip, t0

        TEST_CASE(8)                    /* delegated SEI */
        li t0, MIP_SEIP
        csrs mip, t0
        csrw mie, t0
        GO_S(1f)
1:      S_TAKE_AFTER_SIE(CAUSE_INTR | IRQ_S_EXT)
        li t0, MIP_SEIP                 /* SEIP is read-only in sip */
        csrc sip, t0
        csrr a0, sip
        CHECK(a0, MIP_SEIP)
        S_TO_M
        li t0, MIP_SEIP
        csrc mip, t0

        TEST_CASE(9)                    /* SSI before STI (the rest of the order: rv64mi_interrupts_vhartonly) */
        li t0, MIP_SSIP | MIP_STIP
        csrs mip, t0
        csrw mie, t0
        GO_S(1f)
1:      S_TAKE_AFTER_SIE(CAUSE_INTR | IRQ_S_SOFT)
        li t0, MIP_SSIP
        csrc sip, t0
        S_TAKE_AFTER_SIE(CAUSE_INTR | IRQ_S_TIMER)
        S_TO_M
        li t0, MIP_STIP
        csrc mip, t0

        TEST_CASE(10)                   /* vectored stvec: BASE + 4 * cause */
        la t0, svec
        ori t0, t0, 1
        csrw stvec, t0
        li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
        csrw mie, t0
        li t0, MIP_SSIP
        csrs mip, t0
        li s5, -1
        GO_S(1f)
1:      S_TAKE_AFTER_SIE(CAUSE_INTR | IRQ_S_SOFT)
        CHECK(s5, 1)
        S_TO_M
        li t0, MIP_SSIP
        csrc mip, t0
        li t0, MIP_STIP
        csrs mip, t0
        GO_S(1f)
1:      S_TAKE_AFTER_SIE(CAUSE_INTR | IRQ_S_TIMER)
        CHECK(s5, 5)
        S_TO_M
        li t0, MIP_STIP
        csrc mip, t0
        li t0, MIP_SEIP
        csrs mip, t0
        GO_S(1f)
1:      S_TAKE_AFTER_SIE(CAUSE_INTR | IRQ_S_EXT)
        CHECK(s5, 9)
        S_TO_M
        li t0, MIP_SEIP
        csrc mip, t0
        la t0, priv_strap
        csrw stvec, t0

        TEST_CASE(11)                   /* an M-level interrupt pending in S beats a delegated one */
        li t1, CLINT_MSIP
        li t0, 1
        sw t0, 0(t1)
        WAIT_MIP_SET(MIP_MSIP)
        li t0, MIP_SSIP | MIP_MSIP
        csrw mie, t0
        li t0, MIP_SSIP
        csrs mip, t0
        li t0, MSTATUS_SIE
        csrs mstatus, t0
        la s11, 2f
        GO_S(1f)
1:      j fail
2:      CHECK_TRAP(CAUSE_INTR | IRQ_M_SOFT, 1b)   /* taken by M (priv_mtrap records mcause) */
        li t0, MSTATUS_MPP
        and a0, s7, t0
        CHECK(a0, MSTATUS_MPP_S)
        li t1, CLINT_MSIP
        sw zero, 0(t1)
        WAIT_MIP_CLEAR(MIP_MSIP)
        la s11, 2f                      /* then the delegated one, in S */
        GO_S(1f)
1:      j fail
2:      CHECK_TRAP(CAUSE_INTR | IRQ_S_SOFT, 1b)
        S_TO_M
        li t0, MIP_SSIP
        csrc mip, t0

        TEST_CASE(12)                   /* undelegating moves the same interrupt to M */
        csrw mideleg, zero
        li t0, MIP_STIP
        csrs mip, t0
        csrw mie, t0
        li t0, MSTATUS_SIE
        csrc mstatus, t0
        la s11, 2f
        GO_S(1f)
1:      j fail
2:      CHECK_TRAP(CAUSE_INTR | IRQ_S_TIMER, 1b)
        csrr a0, mcause
        CHECK(a0, CAUSE_INTR | IRQ_S_TIMER)
        li t0, MIP_STIP
        csrc mip, t0

        TEST_END

        .text
        .align 8
svec:
        .option push
        .option norvc
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        j svec_entry_\n
        .endr
        .option pop
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
svec_entry_\n:
        li s5, \n
        j priv_strap
        .endr
