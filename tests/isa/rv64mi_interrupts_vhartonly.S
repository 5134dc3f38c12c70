/* Interrupt priority among simultaneously pending M-targeted interrupts: MEI > MSI > MTI > SEI > SSI > STI
 * (privileged spec 1.12, 3.1.9). QEMU 7.2 takes the lowest-numbered pending interrupt instead (SSI before
 * MSI, MTI and SEI; STI before MTI and SEI), so these run on vhart only. */
#include "test.h"
#include "priv_macros.h"

/* spin until mip has (or lacks) `bit` (bit <= 0x400) */
#define WAIT_MIP_SET(bit)                           \
1:      csrr t0, mip;                               \
        andi t0, t0, bit;                           \
        beqz t0, 1b
#define WAIT_MIP_CLEAR(bit)                         \
1:      csrr t0, mip;                               \
        andi t0, t0, bit;                           \
        bnez t0, 1b

#define MSIP_SET(v)                                 \
        li t1, CLINT_MSIP;                          \
        li t0, v;                                   \
        sw t0, 0(t1)
#define MTIMECMP_SET_REG(r)                         \
        li t1, CLINT_MTIMECMP;                      \
        sd r, 0(t1)
/* mtimecmp = mtime + delta */
#define MTIMECMP_IN(delta)                          \
        li t1, CLINT_MTIME;                         \
        ld t2, 0(t1);                               \
        li t0, delta;                               \
        add t2, t2, t0;                             \
        MTIMECMP_SET_REG(t2)
#define MTIMECMP_NEVER                              \
        li t2, -1;                                  \
        MTIMECMP_SET_REG(t2)

/* set MIE: the pending, enabled interrupt is taken right after the csrs (label 8 = next insn) */
#define TAKE_AFTER_MIE(cause)                       \
        la s11, 9f;                                 \
        csrsi mstatus, MSTATUS_MIE;                 \
8:      j fail;                                     \
9:      CHECK(s8, cause);                           \
        la t6, 8b;                                  \
        bne s9, t6, fail;                           \
        CHECK(s10, 0)

        TEST_BEGIN
        PRIV_INIT
        csrwi 0x30a, 0                  /* menvcfg.STCE = 0: mip.STIP is software-writable */
        MTIMECMP_NEVER
        MSIP_SET(0)
        WAIT_MIP_CLEAR(MIP_MTIP | MIP_MSIP)
        li t0, MIP_MSIP | MIP_MTIP | MIP_SSIP | MIP_STIP | MIP_SEIP
        csrw mie, t0

        TEST_CASE(2)                    /* all five pending: MSI, MTI, SEI, SSI, STI in turn */
        MSIP_SET(1)
        MTIMECMP_IN(0)
        WAIT_MIP_SET(MIP_MSIP)
        WAIT_MIP_SET(MIP_MTIP)
        li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
        csrs mip, t0
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_M_SOFT)
        MSIP_SET(0)
        WAIT_MIP_CLEAR(MIP_MSIP)
        TEST_CASE(3)
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_M_TIMER)
        MTIMECMP_NEVER
        WAIT_MIP_CLEAR(MIP_MTIP)
        TEST_CASE(4)
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_S_EXT)
        li t0, MIP_SEIP
        csrc mip, t0
        TEST_CASE(5)
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_S_SOFT)
        li t0, MIP_SSIP
        csrc mip, t0
        TEST_CASE(6)
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_S_TIMER)
        li t0, MIP_STIP
        csrc mip, t0

        TEST_CASE(7)                    /* MSI over SSI */
        MSIP_SET(1)
        WAIT_MIP_SET(MIP_MSIP)
        li t0, MIP_SSIP
        csrs mip, t0
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_M_SOFT)
        MSIP_SET(0)
        WAIT_MIP_CLEAR(MIP_MSIP)
        li t0, MIP_SSIP
        csrc mip, t0

        TEST_CASE(8)                    /* MTI over SSI, MTI over STI */
        MTIMECMP_IN(0)
        WAIT_MIP_SET(MIP_MTIP)
        li t0, MIP_SSIP
        csrs mip, t0
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_M_TIMER)
        li t0, MIP_SSIP
        csrc mip, t0
        li t0, MIP_STIP
        csrs mip, t0
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_M_TIMER)
        MTIMECMP_NEVER
        WAIT_MIP_CLEAR(MIP_MTIP)
        li t0, MIP_STIP
        csrc mip, t0

        TEST_CASE(9)                    /* SEI over SSI, SEI over STI */
        li t0, MIP_SEIP | MIP_SSIP
        csrs mip, t0
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_S_EXT)
        li t0, MIP_SEIP | MIP_SSIP
        csrc mip, t0
        li t0, MIP_SEIP | MIP_STIP
        csrs mip, t0
        TAKE_AFTER_MIE(CAUSE_INTR | IRQ_S_EXT)
        li t0, MIP_SEIP | MIP_STIP
        csrc mip, t0

        TEST_CASE(10)                   /* the same order for interrupts taken from S-mode */
        MSIP_SET(1)
        WAIT_MIP_SET(MIP_MSIP)
        li t0, MIP_SSIP | MIP_SEIP
        csrs mip, t0
        la s11, 2f
        GO_S(1f)
1:      j fail
2:      CHECK_TRAP(CAUSE_INTR | IRQ_M_SOFT, 1b)
        MSIP_SET(0)
        WAIT_MIP_CLEAR(MIP_MSIP)
        la s11, 2f
        GO_S(1f)
1:      j fail
2:      CHECK_TRAP(CAUSE_INTR | IRQ_S_EXT, 1b)
        li t0, MIP_SEIP | MIP_SSIP
        csrc mip, t0

        TEST_END
