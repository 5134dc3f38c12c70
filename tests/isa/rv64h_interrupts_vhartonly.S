/* H extension: VSEIP injected by hvip.VSEIP and its priority over VSSIP, and VSTIP from Sstc's
 * vstimecmp against time + htimedelta (privileged spec, "Hypervisor Extension" 1.0: hvip,
 * interrupt priority; Sstc 1.0). Not run on QEMU 7.2, which does not raise VSEIP from hvip, and
 * whose spike machine has no time CSR. */
#include "test.h"
#include "priv_macros.h"
#include "h_macros.h"

        TEST_BEGIN
        PRIV_INIT
        H_INIT
        csrw hie, zero

        /* ---- VSEIP by hvip; priority VSEI over VSSI ---- */
        TEST_CASE(7)
        li t0, MIP_VSSIP | MIP_VSEIP
        csrw hideleg, t0
        csrw hie, t0
        csrw hvip, t0
        li t0, MSTATUS_SIE
        csrs vsstatus, t0
        EXPECT_TRAP(1f)
        GO_VS(spin)
1:      CHECK(s8, CAUSE_INTR | IRQ_S_EXT)
        ECALL_TO_M(2f)
2:      csrw hvip, zero
        CHECK_CSR(vsip, 0)

        TEST_CASE(8)                    /* not delegated: HS sees code 10 */
        csrw hideleg, zero
        li t0, MIP_VSEIP
        csrw hvip, t0
        EXPECT_TRAP(1f)
        GO_VU(spin)
1:      CHECK(s8, CAUSE_INTR | IRQ_VS_EXT)
        csrw hvip, zero
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_S)
        /* ---- VSTIP from vstimecmp (Sstc): time + htimedelta >= vstimecmp ---- */
        TEST_CASE(10)
        li t0, MENVCFG_STCE
        csrs menvcfg, t0
        csrs henvcfg, t0
        li t0, -1
        csrw vstimecmp, t0
        csrr a0, hip
        CHECK_BITS(a0, MIP_VSTIP, 0)
        csrw vstimecmp, zero
        csrr a0, hip
        CHECK_BITS(a0, MIP_VSTIP, MIP_VSTIP)
        li t0, MIP_VSTIP
        csrw hideleg, t0
        csrw hie, t0
        li t0, MSTATUS_SIE
        csrs vsstatus, t0
        EXPECT_TRAP(1f)
        GO_VS(spin)
1:      CHECK(s8, CAUSE_INTR | IRQ_S_TIMER)
        ECALL_TO_M(2f)
2:      li t0, -1
        csrw vstimecmp, t0
        csrr a0, hip
        CHECK_BITS(a0, MIP_VSTIP, 0)
        TEST_CASE(11)                    /* htimedelta moves the guest's time past vstimecmp */
        csrr a0, time
        li t0, 1 << 40
        add a0, a0, t0
        csrw vstimecmp, a0
        csrr a1, hip
        CHECK_BITS(a1, MIP_VSTIP, 0)
        csrw htimedelta, t0
        csrr a1, hip
        CHECK_BITS(a1, MIP_VSTIP, MIP_VSTIP)
        csrw htimedelta, zero
        li t0, -1
        csrw vstimecmp, t0
        li t0, MENVCFG_STCE
        csrc henvcfg, t0
        csrc menvcfg, t0

        TEST_END

spin:
        j spin
