/* Zbkb bit manipulation for cryptography (scalar crypto 1.0.1): PACK, PACKH, PACKW (sign-extended 32-bit result), BREV8 (bits reversed in each byte), and a sample of the instructions Zbkb shares with Zbb (ANDN, ROL, REV8).
 * Expected values computed from the spec's pseudocode (a Python model); rd = rs1 = rs2 aliasing and x0
 * are the generic decoder's, tested in rv64ui_*. The same ELF runs on QEMU (qemu-system-riscv64 -M spike). */
#include "test.h"
#include "unpriv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the extension here */
        .option arch, +zbkb

        TEST_BEGIN

        TEST_CODE(2, 0x7654321089abcdef, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; pack a0, a1, a2)
        TEST_CODE(3, 0x3ffffffff, li a1, 0xffffffffffffffff; li a2, 0x3; pack a0, a1, a2)
        TEST_CODE(4, 0x1, li a1, 0x8000000000000001; li a2, 0x8000000000000000; pack a0, a1, a2)
        TEST_CODE(5, 0x1234cafef00d, li a1, 0xdeadbeefcafef00d; li a2, 0x1234; pack a0, a1, a2)
        TEST_CODE(6, 0xffffffff00000000, li a1, 0x0; li a2, 0xffffffffffffffff; pack a0, a1, a2)
        TEST_CODE(7, 0x89abcdef89abcdef, li a1, 0x123456789abcdef; li a2, 0x123456789abcdef; pack a0, a1, a2)
        TEST_CODE(8, 0x100000001, li a1, 0x1; li a2, 0x1; pack a0, a1, a2)
        TEST_CODE(9, 0x0, li a1, 0x8000000000000000; li a2, 0x8000000000000000; pack a0, a1, a2)
        TEST_CODE(10, 0x10ef, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; packh a0, a1, a2)
        TEST_CODE(11, 0x3ff, li a1, 0xffffffffffffffff; li a2, 0x3; packh a0, a1, a2)
        TEST_CODE(12, 0x1, li a1, 0x8000000000000001; li a2, 0x8000000000000000; packh a0, a1, a2)
        TEST_CODE(13, 0x340d, li a1, 0xdeadbeefcafef00d; li a2, 0x1234; packh a0, a1, a2)
        TEST_CODE(14, 0xff00, li a1, 0x0; li a2, 0xffffffffffffffff; packh a0, a1, a2)
        TEST_CODE(15, 0xefef, li a1, 0x123456789abcdef; li a2, 0x123456789abcdef; packh a0, a1, a2)
        TEST_CODE(16, 0x101, li a1, 0x1; li a2, 0x1; packh a0, a1, a2)
        TEST_CODE(17, 0x0, li a1, 0x8000000000000000; li a2, 0x8000000000000000; packh a0, a1, a2)
        TEST_CODE(18, 0x3210cdef, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; packw a0, a1, a2)
        TEST_CODE(19, 0x3ffff, li a1, 0xffffffffffffffff; li a2, 0x3; packw a0, a1, a2)
        TEST_CODE(20, 0x1, li a1, 0x8000000000000001; li a2, 0x8000000000000000; packw a0, a1, a2)
        TEST_CODE(21, 0x1234f00d, li a1, 0xdeadbeefcafef00d; li a2, 0x1234; packw a0, a1, a2)
        TEST_CODE(22, 0xffffffffffff0000, li a1, 0x0; li a2, 0xffffffffffffffff; packw a0, a1, a2)
        TEST_CODE(23, 0xffffffffcdefcdef, li a1, 0x123456789abcdef; li a2, 0x123456789abcdef; packw a0, a1, a2)
        TEST_CODE(24, 0x10001, li a1, 0x1; li a2, 0x1; packw a0, a1, a2)
        TEST_CODE(25, 0x0, li a1, 0x8000000000000000; li a2, 0x8000000000000000; packw a0, a1, a2)
        TEST_CODE(26, 0xffffffffffff8000, li a1, 0x7fff8000; li a2, 0xffff; packw a0, a1, a2)
        TEST_CODE(27, 0x80c4a2e691d5b3f7, li a1, 0x123456789abcdef; brev8 a0, a1)
        TEST_CODE(28, 0xffffffffffffffff, li a1, 0xffffffffffffffff; brev8 a0, a1)
        TEST_CODE(29, 0x100000000000080, li a1, 0x8000000000000001; brev8 a0, a1)
        TEST_CODE(30, 0x7bb57df7537f0fb0, li a1, 0xdeadbeefcafef00d; brev8 a0, a1)
        TEST_CODE(31, 0x0, li a1, 0x0; brev8 a0, a1)
        TEST_CODE(32, 0x8040201008040201, li a1, 0x102040810204080; brev8 a0, a1)
        TEST_CODE(33, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; andn a0, a1, a2)
        TEST_CODE(34, 0x456789abcdef0123, li a1, 0x123456789abcdef; li a2, 0xfedcba9876543210; rol a0, a1, a2)
        TEST_CODE(35, 0xefcdab8967452301, li a1, 0x123456789abcdef; rev8 a0, a1)
        TEST_CODE(36, 0xfffffffffffffffc, li a1, 0xffffffffffffffff; li a2, 0x3; andn a0, a1, a2)
        TEST_CODE(37, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x3; rol a0, a1, a2)
        TEST_CODE(38, 0xffffffffffffffff, li a1, 0xffffffffffffffff; rev8 a0, a1)
        TEST_CODE(39, 0x1, li a1, 0x8000000000000001; li a2, 0x8000000000000000; andn a0, a1, a2)
        TEST_CODE(40, 0x8000000000000001, li a1, 0x8000000000000001; li a2, 0x8000000000000000; rol a0, a1, a2)
        TEST_CODE(41, 0x100000000000080, li a1, 0x8000000000000001; rev8 a0, a1)

        TEST_END
