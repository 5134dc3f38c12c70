/* Zbkc carry-less multiplication for cryptography (scalar crypto 1.0.1): CLMUL and CLMULH (CLMULR is Zbc only).
 * Expected values computed from the spec's pseudocode (a Python model); rd = rs1 = rs2 aliasing and x0
 * are the generic decoder's, tested in rv64ui_*. The same ELF runs on QEMU (qemu-system-riscv64 -M spike). */
#include "test.h"
#include "unpriv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the extension here */
        .option arch, +zbkc

        TEST_BEGIN

        TEST_CODE(2, 0x40a0789828c810f0, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; clmul a0, a1, a2)
        TEST_CODE(3, 0x1, li a1, 0xffffffffffffffff; li a2, 0x3; clmul a0, a1, a2)
        TEST_CODE(4, 0x8000000000000000, li a1, 0x8000000000000001; li a2, 0x8000000000000000; clmul a0, a1, a2)
        TEST_CODE(5, 0xc549eb80c92a0b44, li a1, 0xdeadbeefcafef00d; li a2, 0x1234; clmul a0, a1, a2)
        TEST_CODE(6, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; clmul a0, a1, a2)
        TEST_CODE(7, 0x4041444550515455, li a1, 0x123456789abcdef; li a2, 0x123456789abcdef; clmul a0, a1, a2)
        TEST_CODE(8, 0x1, li a1, 0x1; li a2, 0x1; clmul a0, a1, a2)
        TEST_CODE(9, 0x0, li a1, 0x8000000000000000; li a2, 0x8000000000000000; clmul a0, a1, a2)
        TEST_CODE(10, 0xe038d8688850b0, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; clmulh a0, a1, a2)
        TEST_CODE(11, 0x1, li a1, 0xffffffffffffffff; li a2, 0x3; clmulh a0, a1, a2)
        TEST_CODE(12, 0x4000000000000000, li a1, 0x8000000000000001; li a2, 0x8000000000000000; clmulh a0, a1, a2)
        TEST_CODE(13, 0xc42, li a1, 0xdeadbeefcafef00d; li a2, 0x1234; clmulh a0, a1, a2)
        TEST_CODE(14, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; clmulh a0, a1, a2)
        TEST_CODE(15, 0x1040510111415, li a1, 0x123456789abcdef; li a2, 0x123456789abcdef; clmulh a0, a1, a2)
        TEST_CODE(16, 0x0, li a1, 0x1; li a2, 0x1; clmulh a0, a1, a2)
        TEST_CODE(17, 0x4000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; clmulh a0, a1, a2)

        TEST_END
