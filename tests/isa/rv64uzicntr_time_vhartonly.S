/* VHART-ONLY: the Zicntr time CSR read in M-mode (QEMU's -M spike machine does not provide rdtime,
 * so there the first read is an illegal instruction: exit status 2).
 * time is readable (csrr and rdtime), never decreases, advances while the hart runs, and equals the
 * CLINT's mtime (0x0200bff8): a read of time lies between two reads of mtime around it. */
#include "test.h"
#include "unpriv_macros.h"

#define MTIME 0x0200bff8

        TEST_BEGIN
        .option norvc
        EXPECT_TRAP

        TEST_CASE(2)                /* readable, no trap */
        TRAP_ARM
        csrr a0, time
        rdtime a1
        csrrs a2, time, zero
        csrrsi a3, time, 0
        CHECK(s10, -1)

        TEST_CASE(3)                /* never decreases */
        li a2, 1000
        rdtime a1
1:      rdtime a3
        bltu a3, a1, fail
        mv a1, a3
        addi a2, a2, -1
        bnez a2, 1b
        BREAK_POINT(3)

        TEST_CASE(4)                /* advances: wait at most 50 million polls for a change */
        li a2, 50000000
        rdtime a1
1:      rdtime a3
        bne a3, a1, 2f
        addi a2, a2, -1
        bnez a2, 1b
        j fail
2:      bltu a3, a1, fail
        BREAK_POINT(4)

        TEST_CASE(5)                /* the same clock as the CLINT's mtime */
        li a4, MTIME
        li a2, 100
1:      ld a1, 0(a4)
        rdtime a3
        ld a5, 0(a4)
        bltu a3, a1, fail
        bltu a5, a3, fail
        addi a2, a2, -1
        bnez a2, 1b
        BREAK_POINT(5)

        TEST_END

        UT_TRAP_HANDLER
