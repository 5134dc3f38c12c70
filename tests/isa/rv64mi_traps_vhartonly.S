/* Exception details where QEMU 7.2 differs from vhart (privileged spec 1.12 3.1.16, table 3.6; A extension):
 * AMO faults are store/AMO faults, misaligned SC traps, and ebreak writes its pc to mtval. */
#include "test.h"
#include "priv_macros.h"

#define UNMAPPED 0x40000000

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* ebreak: mtval = pc (QEMU 7.2 writes 0, which the spec also allows) */
        TRAP_CASE(CAUSE_BREAKPOINT, ebreak)
        CHECK_TVAL_LABEL(8b)
        TRAP_CASE(CAUSE_BREAKPOINT, c.ebreak)
        CHECK_TVAL_LABEL(8b)

        TEST_CASE(3)                    /* AMO to an inaccessible address: store/AMO access fault (QEMU: load) */
        li a1, UNMAPPED + 0x40
        TRAP_CASE(CAUSE_STORE_ACCESS, amoadd.w a0, a2, (a1))
        CHECK(s10, UNMAPPED + 0x40)
        TRAP_CASE(CAUSE_STORE_ACCESS, amoswap.d a0, a2, (a1))
        CHECK(s10, UNMAPPED + 0x40)
        li a0, 0x1234
        TRAP_CASE(CAUSE_STORE_ACCESS, amoor.d a0, a2, (a1))
        CHECK(s10, UNMAPPED + 0x40)
        CHECK(a0, 0x1234)               /* rd untouched */

        TEST_CASE(4)                    /* misaligned AMO: store/AMO address misaligned (QEMU: load) */
        la a1, data + 2
        TRAP_CASE(CAUSE_MISALIGNED_STORE, amoadd.w a0, a2, (a1))
        CHECK_TVAL_LABEL(data + 2)
        la a1, data + 4
        TRAP_CASE(CAUSE_MISALIGNED_STORE, amoswap.d a0, a2, (a1))
        CHECK_TVAL_LABEL(data + 4)
        la a1, data + 1
        TRAP_CASE(CAUSE_MISALIGNED_STORE, amomaxu.w a0, a2, (a1))
        CHECK_TVAL_LABEL(data + 1)

        TEST_CASE(5)                    /* misaligned SC traps even without a reservation (QEMU: fails, rd = 1) */
        la a1, data + 2
        li a0, 0x55
        TRAP_CASE(CAUSE_MISALIGNED_STORE, sc.w a0, a2, (a1))
        CHECK_TVAL_LABEL(data + 2)
        CHECK(a0, 0x55)
        la a1, data
        lr.d a0, (a1)
        la a1, data + 4
        TRAP_CASE(CAUSE_MISALIGNED_STORE, sc.d a0, a2, (a1))
        CHECK_TVAL_LABEL(data + 4)

        TEST_CASE(6)                    /* memory untouched by the faulting AMOs */
        la a1, data
        ld a0, 0(a1)
        CHECK(a0, 0x1122334455667788)

        TEST_END

        .data
        .align 3
data:   .dword 0x1122334455667788
        .dword 10
