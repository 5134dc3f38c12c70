/* Zbkx crossbar permutations (scalar crypto 1.0.1): XPERM4 (nibble lookup) and XPERM8 (byte lookup; indexes of 8 and above give 0).
 * Expected values computed from the spec's pseudocode (a Python model); rd = rs1 = rs2 aliasing and x0
 * are the generic decoder's, tested in rv64ui_*. The same ELF runs on QEMU (qemu-system-riscv64 -M spike). */
#include "test.h"
#include "unpriv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the extension here */
        .option arch, +zbkx

        TEST_BEGIN

        TEST_CODE(2, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; xperm4 a0, a1, a2)
        TEST_CODE(3, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x3; xperm4 a0, a1, a2)
        TEST_CODE(4, 0x111111111111111, li a1, 0x8000000000000001; li a2, 0x8000000000000000; xperm4 a0, a1, a2)
        TEST_CODE(5, 0xdddddddddddd00fe, li a1, 0xdeadbeefcafef00d; li a2, 0x1234; xperm4 a0, a1, a2)
        TEST_CODE(6, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; xperm4 a0, a1, a2)
        TEST_CODE(7, 0xfedcba9876543210, li a1, 0x123456789abcdef; li a2, 0x123456789abcdef; xperm4 a0, a1, a2)
        TEST_CODE(8, 0x1111111111111110, li a1, 0x1; li a2, 0x1; xperm4 a0, a1, a2)
        TEST_CODE(9, 0x0, li a1, 0x8000000000000000; li a2, 0x8000000000000000; xperm4 a0, a1, a2)
        TEST_CODE(10, 0xf0e1d2c3b4a59687, li a1, 0x123456789abcdef; li a2, 0xf1e2d3c4b5a6978; xperm4 a0, a1, a2)
        TEST_CODE(11, 0x706050403020100, li a1, 0xfedcba9876543210; li a2, 0x706050403020100; xperm4 a0, a1, a2)
        TEST_CODE(12, 0x8ff070006010203, li a1, 0xfedcba9876543210; li a2, 0x8ff070006010203; xperm4 a0, a1, a2)
        TEST_CODE(13, 0x0, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; xperm8 a0, a1, a2)
        TEST_CODE(14, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x3; xperm8 a0, a1, a2)
        TEST_CODE(15, 0x1010101010101, li a1, 0x8000000000000001; li a2, 0x8000000000000000; xperm8 a0, a1, a2)
        TEST_CODE(16, 0xd0d0d0d0d0d0000, li a1, 0xdeadbeefcafef00d; li a2, 0x1234; xperm8 a0, a1, a2)
        TEST_CODE(17, 0x0, li a1, 0x0; li a2, 0xffffffffffffffff; xperm8 a0, a1, a2)
        TEST_CODE(18, 0xcd00000000000000, li a1, 0x123456789abcdef; li a2, 0x123456789abcdef; xperm8 a0, a1, a2)
        TEST_CODE(19, 0x101010101010100, li a1, 0x1; li a2, 0x1; xperm8 a0, a1, a2)
        TEST_CODE(20, 0x0, li a1, 0x8000000000000000; li a2, 0x8000000000000000; xperm8 a0, a1, a2)
        TEST_CODE(21, 0x0, li a1, 0x123456789abcdef; li a2, 0xf1e2d3c4b5a6978; xperm8 a0, a1, a2)
        TEST_CODE(22, 0xfedcba9876543210, li a1, 0xfedcba9876543210; li a2, 0x706050403020100; xperm8 a0, a1, a2)
        TEST_CODE(23, 0xfe10dc325476, li a1, 0xfedcba9876543210; li a2, 0x8ff070006010203; xperm8 a0, a1, a2)

        TEST_END
