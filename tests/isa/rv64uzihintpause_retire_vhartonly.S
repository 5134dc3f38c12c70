/* Zihintpause: PAUSE retires like any other instruction, exactly once each: the instret delta over
 * pause sequences equals that over the same number of nops. vhart-only because QEMU's instret is the
 * host tick counter unless run with `-icount shift=0` (with it, this file passes on QEMU 7.2 too). */
#include "test.h"
#include "unpriv_macros.h"

        .option arch, +zihintpause

/* a0 = instret delta over `insns`, measured by two csrr (the first csrr counts once). */
#define MEASURE(insns...)                           \
        csrr a6, instret;                           \
        insns;                                      \
        csrr a7, instret;                           \
        sub a0, a7, a6

        TEST_BEGIN

        TEST_CODE(2, 1, MEASURE())
        TEST_CODE(3, 2, MEASURE(nop))
        TEST_CODE(4, 2, MEASURE(pause))
        TEST_CODE(5, 4, MEASURE(pause; pause; pause))
        TEST_CODE(6, 3, MEASURE(.word 0x0100000f; addi a1, a1, 1))
        TEST_CASE(7)                    /* 100 loop iterations of pause, addi, bnez */
        li a1, 100
        MEASURE(2: pause; addi a1, a1, -1; bnez a1, 2b)
        CHECK(a0, 301)
        TEST_CASE(8)                    /* minstret agrees */
        csrr a6, minstret
        pause
        pause
        csrr a7, minstret
        sub a0, a7, a6
        CHECK(a0, 3)

        TEST_END
