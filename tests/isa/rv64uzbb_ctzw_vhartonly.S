/* Zbb CTZW with a zero low word and a non-zero upper half: the count covers bits 31:0 only, so the
 * result is 32 whatever the upper half holds (bitmanip 1.0.0). vhart-only: QEMU 7.2 counts into the upper
 * half (returns 63 for 0x8000000000000000; fixed in QEMU 8.0, "target/riscv: fix ctzw behavior"). */
#include "test.h"
#include "unpriv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the extension here */
        .option arch, +zbb

        TEST_BEGIN

        /* ---- ctzw, low word zero ---- */
        TEST_CODE(2, 0x20, li a1, 0x8000000000000000; ctzw a0, a1)
        TEST_CODE(3, 0x20, li a1, 0xffffffff00000000; ctzw a0, a1)
        TEST_CODE(4, 0x20, li a1, 0x100000000; ctzw a0, a1)
        TEST_CODE(5, 0x20, li a1, 0x5555555500000000; ctzw a0, a1)
        TEST_CODE(6, 0x20, li a1, 0x200000000; ctzw a0, a1)
        TEST_CODE(7, 0x20, li a0, 0xffffffff00000000; ctzw a0, a0)  /* rd = rs1 */

        /* ---- clzw and cpopw with the same operands (for comparison) ---- */
        TEST_CODE(8, 0x20, li a1, 0x8000000000000000; clzw a0, a1)
        TEST_CODE(9, 0x0, li a1, 0x8000000000000000; cpopw a0, a1)
        TEST_CODE(10, 0x20, li a1, 0xffffffff00000000; clzw a0, a1)
        TEST_CODE(11, 0x0, li a1, 0xffffffff00000000; cpopw a0, a1)

        TEST_END
