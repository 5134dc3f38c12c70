/* Sstc: stimecmp drives mip.STIP when menvcfg.STCE = 1, access rules from S (Sstc spec 1.0).
 * vhart only: QEMU 7.2's spike machine has no time source for the time CSR, so stimecmp is illegal there. */
#include "test.h"
#include "priv_macros.h"

#define CSR_STIMECMP 0x14d
#define CSR_MENVCFG  0x30a
#define MENVCFG_STCE 0x8000000000000000

#define WAIT_MIP_SET(bit)                           \
1:      csrr t0, mip;                               \
        andi t0, t0, bit;                           \
        beqz t0, 1b
#define WAIT_MIP_CLEAR(bit)                         \
1:      csrr t0, mip;                               \
        andi t0, t0, bit;                           \
        bnez t0, 1b
#define ILLEGAL_TO_M(insn...)                       \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)
#define S_TO_M                                      \
        la s11, 7f;                                 \
        ecall;                                      \
        j fail;                                     \
7:      CHECK(s8, CAUSE_ECALL_S)

        TEST_BEGIN
        PRIV_INIT
        li t0, MIP_STIP
        csrc mip, t0

        TEST_CASE(2)                    /* STCE is writable */
        li t0, MENVCFG_STCE
        csrs CSR_MENVCFG, t0
        csrr a0, CSR_MENVCFG
        li t1, MENVCFG_STCE
        and a0, a0, t1
        CHECK(a0, MENVCFG_STCE)

        TEST_CASE(3)                    /* stimecmp in the far future: STIP clear, not writable in mip */
        li t0, -1
        csrw CSR_STIMECMP, t0
        csrr a0, CSR_STIMECMP
        CHECK(a0, -1)
        WAIT_MIP_CLEAR(MIP_STIP)
        li t0, MIP_STIP
        csrs mip, t0
        csrr a0, mip
        andi a0, a0, MIP_STIP
        CHECK(a0, 0)

        TEST_CASE(4)                    /* stimecmp <= time: STIP set, and a csrc of mip does not clear it */
        csrw CSR_STIMECMP, zero
        WAIT_MIP_SET(MIP_STIP)
        li t0, MIP_STIP
        csrc mip, t0
        csrr a0, mip
        andi a0, a0, MIP_STIP
        CHECK(a0, MIP_STIP)

        TEST_CASE(5)                    /* delegated STI in S; S re-arms stimecmp to clear it */
        li t0, 2
        csrw mcounteren, t0             /* TM: S may access stimecmp */
        li t0, MIP_STIP
        csrw mideleg, t0
        csrw mie, t0
        li t0, MSTATUS_SIE
        csrc mstatus, t0
        GO_S(1f)
1:      la s11, 9f
        csrsi sstatus, MSTATUS_SIE
8:      j fail
9:      CHECK(s8, CAUSE_INTR | IRQ_S_TIMER)
        la t6, 8b
        bne s9, t6, fail
        li t0, -1
        csrw CSR_STIMECMP, t0
2:      csrr t0, sip                    /* wait for STIP to drop */
        andi t0, t0, MIP_STIP
        bnez t0, 2b
        csrsi sstatus, MSTATUS_SIE      /* nothing pending any more */
        nop
        csrci sstatus, MSTATUS_SIE
        S_TO_M

        TEST_CASE(6)                    /* a deadline in the future fires later in S */
        csrr t0, time
        li t1, 200000
        add t0, t0, t1
        csrw CSR_STIMECMP, t0
        li t0, MSTATUS_SIE
        csrs mstatus, t0
        la s11, 2f
        GO_S(1f)
1:      j 1b
2:      CHECK(s8, CAUSE_INTR | IRQ_S_TIMER)
        la t6, 1b
        bne s9, t6, fail
        csrr a0, time                   /* not early */
        csrr a1, CSR_STIMECMP
        bltu a0, a1, fail
        li t0, -1
        csrw CSR_STIMECMP, t0
        S_TO_M

        TEST_CASE(7)                    /* mcounteren.TM = 0: S may not access stimecmp */
        csrw mcounteren, zero
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, CSR_STIMECMP)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrw CSR_STIMECMP, zero)

        TEST_CASE(8)                    /* STCE = 0: S may not either, and STIP is software-writable again */
        li t0, 2
        csrw mcounteren, t0
        li t0, MENVCFG_STCE
        csrc CSR_MENVCFG, t0
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, CSR_STIMECMP)
        li t0, MIP_STIP
        csrs mip, t0
        csrr a0, mip
        andi a0, a0, MIP_STIP
        CHECK(a0, MIP_STIP)
        csrc mip, t0
        csrr a0, mip
        andi a0, a0, MIP_STIP
        CHECK(a0, 0)
        csrw mcounteren, zero

        TEST_END
