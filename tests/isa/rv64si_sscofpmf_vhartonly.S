/* Zihpm and Sscofpmf: mhpmcounter3-31 counting vhart's events (docs/pmu.md), mcountinhibit, the
 * mode-inhibit and OF bits of mhpmevent, scountovf and its visibility, LCOFI (interrupt 13) taken
 * in M and delegated to S (privileged spec "Hardware Performance Monitor", Sscofpmf 1.0).
 * vhart only: the event numbers are vhart's own. Case 2 needs only Zihpm; case 3 reads scountovf
 * first, so without Sscofpmf (--isa rv64gc) the run stops there with status 1002 (tests/isa). */
#include "test.h"
#include "priv_macros.h"

#define CSR_MCOUNTINHIBIT 0x320
#define CSR_SCOUNTOVF 0xda0
#define EV_CYCLES 1
#define EV_INSTRET 2
#define EV_EXCEPTION 3
#define EV_INTERRUPT 4
#define OF   0x8000000000000000
#define MINH 0x4000000000000000
#define SINH 0x2000000000000000
#define UINH 0x1000000000000000
#define IRQ_LCOF 13
#define MIP_LCOFIP (1 << IRQ_LCOF)

#define S_TO_M                                      \
        la s11, 7f;                                 \
        ecall;                                      \
        j fail;                                     \
7:      CHECK(s8, CAUSE_ECALL_S)

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* instructions retired, exactly; the writing csrw not counted */
        csrw CSR_MCOUNTINHIBIT, zero
        li t0, EV_INSTRET
        csrw mhpmevent3, t0
        csrw mhpmcounter3, zero
        nop
        nop
        nop
        nop
        nop
        csrr a0, mhpmcounter3
        CHECK(a0, 5)
        csrr a0, hpmcounter3            /* the user view of the same counter: + csrr, li, bne */
        CHECK(a0, 8)

        TEST_CASE(3)                    /* scountovf exists (Sscofpmf); nothing has overflowed */
        csrr a0, CSR_SCOUNTOVF
        CHECK(a0, 0)

        TEST_CASE(4)                    /* mhpmevent WARL: unknown selectors read 0; filter bits stay */
        li t0, 0xff
        csrw mhpmevent4, t0
        csrr a0, mhpmevent4
        CHECK(a0, 0)
        li t0, MINH | SINH | UINH | EV_CYCLES | 0x100
        csrw mhpmevent4, t0
        csrr a0, mhpmevent4
        CHECK(a0, MINH | SINH | UINH | EV_CYCLES)
        csrw mhpmevent4, zero

        TEST_CASE(5)                    /* mcountinhibit: CY, IR and the 29 HPM bits; bit 3 stops counter 3 */
        li t0, -1
        csrw CSR_MCOUNTINHIBIT, t0
        csrr a0, CSR_MCOUNTINHIBIT
        CHECK(a0, 0xfffffffd)
        li t0, 8
        csrw CSR_MCOUNTINHIBIT, t0
        li t0, 1234
        csrw mhpmcounter3, t0
        nop
        nop
        csrr a0, mhpmcounter3
        CHECK(a0, 1234)
        csrw CSR_MCOUNTINHIBIT, zero

        TEST_CASE(6)                    /* MINH: no counting in M */
        li t0, MINH | EV_INSTRET
        csrw mhpmevent3, t0
        csrw mhpmcounter3, zero
        nop
        nop
        csrr a0, mhpmcounter3
        CHECK(a0, 0)

        TEST_CASE(7)                    /* MINH + UINH: S only. The ecall back to M does not retire;
                                         * the mret counts in S, the mode it enters. */
        li t0, MINH | UINH | EV_INSTRET
        csrw mhpmevent3, t0
        csrw mhpmcounter3, zero
        GO_S(1f)
1:      nop
        nop
        nop
        S_TO_M
        csrr a0, mhpmcounter3
        CHECK(a0, 6)                    /* mret, 3 nops, S_TO_M's la (2); not the ecall */

        TEST_CASE(8)                    /* exceptions event: two ebreaks taken in M */
        li t0, EV_EXCEPTION
        csrw mhpmevent5, t0
        csrw mhpmcounter5, zero
        TRAP_CASE(CAUSE_BREAKPOINT, ebreak)
        TRAP_CASE(CAUSE_BREAKPOINT, ebreak)
        csrr a0, mhpmcounter5
        CHECK(a0, 2)
        csrw mhpmevent5, zero

        TEST_CASE(9)                    /* overflow with OF clear: OF, mip.LCOFIP, LCOFI taken in M in time */
        li t0, EV_INSTRET
        csrw mhpmevent3, t0
        li t0, -20
        csrw mhpmcounter3, t0
        li t0, MIP_LCOFIP
        csrw mie, t0
        la s11, 2f
        csrsi mstatus, MSTATUS_MIE
        li t1, 1000
1:      addi t1, t1, -1
        bnez t1, 1b
        j fail
2:      CHECK(s8, CAUSE_INTR | IRQ_LCOF)
        csrr a0, mhpmcounter3           /* wrapped: the handler's 7 and CHECK's 2, and a block at most */
        li t0, 9
        bltu a0, t0, fail
        li t0, 16
        bgeu a0, t0, fail
        li t0, 990                      /* 20 instructions: about 10 turns of the loop, not 1000 */
        bltu t1, t0, fail
        csrr a0, mhpmevent3
        CHECK(a0, OF | EV_INSTRET)
        csrr a0, mip
        srli a0, a0, IRQ_LCOF
        andi a0, a0, 1
        CHECK(a0, 1)
        csrr a0, CSR_SCOUNTOVF
        CHECK(a0, 8)

        TEST_CASE(10)                   /* OF already set: a second wrap raises nothing */
        li t0, MIP_LCOFIP
        csrc mip, t0
        csrr a0, mip
        srli a0, a0, IRQ_LCOF
        andi a0, a0, 1
        CHECK(a0, 0)
        li t0, -2
        csrw mhpmcounter3, t0
        nop
        nop
        nop
        nop
        csrr a0, mip
        srli a0, a0, IRQ_LCOF
        andi a0, a0, 1
        CHECK(a0, 0)
        csrw mie, zero

        TEST_CASE(11)                   /* scountovf below M: only counters mcounteren lets S read */
        csrw mcounteren, zero
        GO_S(1f)
1:      csrr a0, CSR_SCOUNTOVF
        CHECK(a0, 0)
        S_TO_M
        li t0, 8
        csrw mcounteren, t0
        GO_S(1f)
1:      csrr a0, CSR_SCOUNTOVF
        CHECK(a0, 8)
        S_TO_M

        TEST_CASE(12)                   /* scountovf from U: illegal (an S-level CSR) */
        li t0, -1
        csrw scounteren, t0
        GO_U(1f)
1:      TRAP_CASE(CAUSE_ILLEGAL, csrr a0, CSR_SCOUNTOVF)

        TEST_CASE(13)                   /* hpmcounter3 below M follows mcounteren, in U scounteren too */
        csrw mcounteren, zero
        GO_S(1f)
1:      TRAP_CASE(CAUSE_ILLEGAL, csrr a0, hpmcounter3)
        li t0, 8
        csrw mcounteren, t0
        csrw scounteren, zero
        GO_U(1f)
1:      TRAP_CASE(CAUSE_ILLEGAL, csrr a0, hpmcounter3)
        li t0, 8
        csrw scounteren, t0
        GO_U(1f)
1:      csrr a0, hpmcounter3            /* readable now */
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)

        TEST_CASE(14)                   /* LCOFI delegated: mideleg/sie/sip bit 13, taken in S */
        li t0, MIP_LCOFIP
        csrw mideleg, t0
        csrr a0, mideleg                /* (with H the VS bits read as one too) */
        srli a0, a0, IRQ_LCOF
        andi a0, a0, 1
        CHECK(a0, 1)
        li t0, EV_INSTRET | MINH        /* counts in S only */
        csrw mhpmevent3, t0             /* OF cleared by this write */
        li t0, -10
        csrw mhpmcounter3, t0
        GO_S(1f)
1:      li t0, MIP_LCOFIP
        csrs sie, t0
        csrr a0, sie
        CHECK(a0, MIP_LCOFIP)
        la s11, 3f
        csrsi sstatus, MSTATUS_SIE
        li t1, 1000
2:      addi t1, t1, -1
        bnez t1, 2b
        j fail
3:      CHECK(s8, CAUSE_INTR | IRQ_LCOF)
        csrr a0, sip                    /* pending in sip; S clears it there */
        srli a0, a0, IRQ_LCOF
        andi a0, a0, 1
        CHECK(a0, 1)
        li t0, MIP_LCOFIP
        csrc sip, t0
        csrr a0, sip
        srli a0, a0, IRQ_LCOF
        andi a0, a0, 1
        CHECK(a0, 0)
        csrr a0, CSR_SCOUNTOVF          /* mcounteren bit 3 is still set */
        CHECK(a0, 8)
        S_TO_M

        TEST_END
