/* H extension: virtual interrupts. VSSIP injected by hvip (VSEIP and Sstc's VSTIP: the vhartonly test),
 * routed to VS-mode by hideleg (as the S codes 1, 5, 9) or to HS-mode (codes 2, 6, 10, taken
 * in VS/VU whatever sstatus.SIE), never taken with V=0; the mip/hip/vsip views, priority, and wfi
 * in VS-mode (privileged spec, "Hypervisor Extension" 1.0: hvip, hip/hie, vsip/vsie, interrupt
 * priority). */
#include "test.h"
#include "priv_macros.h"
#include "h_macros.h"

        TEST_BEGIN
        PRIV_INIT
        H_INIT
        csrw hie, zero

        TEST_CASE(1)                    /* hvip.VSSIP shows in mip, hip, and as SSIP in vsip */
        li t0, MIP_VSSIP
        csrw hvip, t0
        csrr a0, mip
        CHECK_BITS(a0, MIP_VSSIP, MIP_VSSIP)
        CHECK_CSR(hip, MIP_VSSIP)
        CHECK_CSR(vsip, 0)              /* not delegated by hideleg: vsip hides it */
        li t0, MIP_VSSIP
        csrw hideleg, t0
        CHECK_CSR(vsip, MIP_SSIP)
        csrr a0, sip
        CHECK_BITS(a0, MIP_VSSIP, 0)    /* HS's sip never shows VS bits */
        csrw hvip, zero
        TEST_CASE(2)                    /* mip.VSSIP and hip.VSSIP write hvip.VSSIP */
        li t0, MIP_VSSIP
        csrs mip, t0
        CHECK_CSR(hvip, MIP_VSSIP)
        csrc hip, t0
        CHECK_CSR(hvip, 0)

        /* ---- VSSIP delegated to VS: taken there as a supervisor software interrupt ---- */
        TEST_CASE(3)
        li t0, MIP_VSSIP
        csrw hideleg, t0
        csrs hie, t0
        li t0, MSTATUS_SIE
        csrs vsstatus, t0
        li t0, MIP_VSSIP
        csrw hvip, t0
        EXPECT_TRAP(1f)
        GO_VS(spin)
1:      CHECK(s8, CAUSE_INTR | IRQ_S_SOFT)      /* vscause */
        CHECK_BITS(s7, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE)
        li t0, MIP_SSIP
        csrc sip, t0                    /* vsip.SSIP: clears hvip.VSSIP */
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_VS)
        CHECK_CSR(hvip, 0)
        TEST_CASE(4)                    /* vsstatus.SIE = 0 holds it off in VS, not in VU */
        li t0, MSTATUS_SIE
        csrc vsstatus, t0
        li t0, MIP_VSSIP
        csrw hvip, t0
        EXPECT_TRAP(1f)
        GO_VS(vs_ecall)
1:      CHECK_TRAP(CAUSE_ECALL_VS, vs_ecall)
        EXPECT_TRAP(1f)
        GO_VU(vu_spin)
1:      CHECK(s8, CAUSE_INTR | IRQ_S_SOFT)
        la t6, vu_spin
        bne s9, t6, fail
        CHECK_BITS(s7, MSTATUS_SPP, 0)
        li t0, MIP_SSIP
        csrc sip, t0
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_VS)

        /* ---- not delegated by hideleg: HS takes it with V=1 even with sstatus.SIE = 0 ---- */
        TEST_CASE(5)
        csrw hideleg, zero
        li t0, MSTATUS_SIE
        csrc mstatus, t0
        li t0, MIP_VSSIP
        csrw hvip, t0
        EXPECT_TRAP(1f)
        GO_VS(spin)
1:      CHECK(s8, CAUSE_INTR | IRQ_VS_SOFT)     /* scause, in HS */
        csrr a0, hstatus
        CHECK_BITS(a0, HSTATUS_SPV, HSTATUS_SPV)
        csrw hvip, zero
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_S)
        TEST_CASE(6)                    /* delegated to VS by hideleg, it is never taken with V=0 */
        li t0, MIP_VSSIP
        csrw hideleg, t0
        csrw hvip, t0
        EXPECT_TRAP(1f)
        GO_HS(hs_sie_ecall)
1:      CHECK(s8, CAUSE_ECALL_S)
        csrw hvip, zero
        TEST_CASE(16)                   /* not delegated, HS takes it with V=0 by sstatus.SIE */
        csrw hideleg, zero
        li t0, MIP_VSSIP
        csrw hvip, t0
        EXPECT_TRAP(1f)
        GO_HS(hs_sie_ecall)
1:      CHECK(s8, CAUSE_INTR | IRQ_VS_SOFT)
        csrw hvip, zero
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_S)

        /* (VSEIP by hvip, and its priority over VSSI: rv64h_interrupts_vhartonly; QEMU 7.2 does
         * not raise VSEIP from hvip) */

        /* (VSTIP from vstimecmp: rv64h_interrupts_vhartonly; QEMU's spike machine has no time CSR,
         * so no Sstc) */

        /* ---- wfi in VS: resumes for a pending VS interrupt even while vsstatus.SIE = 0 ---- */
        TEST_CASE(10)
        li t0, MSTATUS_SIE
        csrc vsstatus, t0
        li t0, MIP_VSSIP
        csrw hideleg, t0
        csrw hie, t0
        csrw hvip, t0
        EXPECT_TRAP(1f)
        GO_VS(vs_wfi)
1:      CHECK(s8, CAUSE_ECALL_VS)
        csrw hvip, zero

        TEST_END

spin:
        j spin
vu_spin:
        j vu_spin
vs_ecall:
        ecall
        j fail
hs_sie_ecall:
        li t0, MSTATUS_SIE
        csrs sstatus, t0
        nop
        nop
        ecall
        j fail
vs_wfi:
        wfi
        ecall
        j fail
