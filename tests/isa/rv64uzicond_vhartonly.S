/* Zicond integer conditional operations (1.0.0): CZERO.EQZ rd, rs1, rs2 (rd = rs2 == 0 ? 0 : rs1) and
 * CZERO.NEZ (rd = rs2 != 0 ? 0 : rs1), with zero and non-zero conditions (a condition with only bit 63 or
 * only bit 32 set counts as non-zero: all 64 bits are tested), rd equal to rs1 or rs2, x0 operands.
 * Encoded with .insn (binutils 2.40 lacks the mnemonics). vhart-only: QEMU 7.2 has no Zicond. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN

        /* ---- czero.eqz ---- */
        TEST_CODE(2, 0x0, li a1, 0x123456789abcdef; li a2, 0x0; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(3, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x1; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(4, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0xffffffffffffffff; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(5, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x8000000000000000; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(6, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x100000000; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(7, 0xffffffffffffffff, li a1, 0xffffffffffffffff; li a2, 0x80000000; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(8, 0x0, li a1, 0x0; li a2, 0x5; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(9, 0x0, li a1, 0x0; li a2, 0x0; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(10, 0x8000000000000000, li a1, 0x8000000000000000; li a2, 0x8000000000000000; .insn r 0x33, 5, 7, a0, a1, a2)
        TEST_CODE(11, 0xdeadbeefcafef00d, li a0, 0xdeadbeefcafef00d; li a2, 0x10; .insn r 0x33, 5, 7, a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(12, 0xdeadbeefcafef00d, li a1, 0xdeadbeefcafef00d; li a0, 0x10; .insn r 0x33, 5, 7, a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(13, 0xdeadbeefcafef00d, li a0, 0xdeadbeefcafef00d; .insn r 0x33, 5, 7, a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(14, 0x0, li a2, 0x10; .insn r 0x33, 5, 7, a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(15, 0x0, li a1, 0xdeadbeefcafef00d; .insn r 0x33, 5, 7, a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(16, 0, li a1, 0xdeadbeefcafef00d; li a2, 0x10; .insn r 0x33, 5, 7, zero, a1, a2; mv a0, zero)  /* rd = x0 */
        TEST_CODE(17, 0x0, li a0, 0xdeadbeefcafef00d; li a2, 0x0; .insn r 0x33, 5, 7, a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(18, 0x0, li a1, 0xdeadbeefcafef00d; li a0, 0x0; .insn r 0x33, 5, 7, a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(19, 0xdeadbeefcafef00d, li a0, 0xdeadbeefcafef00d; .insn r 0x33, 5, 7, a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(20, 0x0, li a2, 0x0; .insn r 0x33, 5, 7, a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(21, 0x0, li a1, 0xdeadbeefcafef00d; .insn r 0x33, 5, 7, a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(22, 0, li a1, 0xdeadbeefcafef00d; li a2, 0x0; .insn r 0x33, 5, 7, zero, a1, a2; mv a0, zero)  /* rd = x0 */

        /* ---- czero.nez ---- */
        TEST_CODE(23, 0x123456789abcdef, li a1, 0x123456789abcdef; li a2, 0x0; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(24, 0x0, li a1, 0x123456789abcdef; li a2, 0x1; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(25, 0x0, li a1, 0x123456789abcdef; li a2, 0xffffffffffffffff; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(26, 0x0, li a1, 0xffffffffffffffff; li a2, 0x8000000000000000; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(27, 0x0, li a1, 0xffffffffffffffff; li a2, 0x100000000; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(28, 0x0, li a1, 0xffffffffffffffff; li a2, 0x80000000; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(29, 0x0, li a1, 0x0; li a2, 0x5; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(30, 0x0, li a1, 0x0; li a2, 0x0; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(31, 0x0, li a1, 0x8000000000000000; li a2, 0x8000000000000000; .insn r 0x33, 7, 7, a0, a1, a2)
        TEST_CODE(32, 0x0, li a0, 0xdeadbeefcafef00d; li a2, 0x10; .insn r 0x33, 7, 7, a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(33, 0x0, li a1, 0xdeadbeefcafef00d; li a0, 0x10; .insn r 0x33, 7, 7, a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(34, 0x0, li a0, 0xdeadbeefcafef00d; .insn r 0x33, 7, 7, a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(35, 0x0, li a2, 0x10; .insn r 0x33, 7, 7, a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(36, 0xdeadbeefcafef00d, li a1, 0xdeadbeefcafef00d; .insn r 0x33, 7, 7, a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(37, 0, li a1, 0xdeadbeefcafef00d; li a2, 0x10; .insn r 0x33, 7, 7, zero, a1, a2; mv a0, zero)  /* rd = x0 */
        TEST_CODE(38, 0xdeadbeefcafef00d, li a0, 0xdeadbeefcafef00d; li a2, 0x0; .insn r 0x33, 7, 7, a0, a0, a2)  /* rd = rs1 */
        TEST_CODE(39, 0xdeadbeefcafef00d, li a1, 0xdeadbeefcafef00d; li a0, 0x0; .insn r 0x33, 7, 7, a0, a1, a0)  /* rd = rs2 */
        TEST_CODE(40, 0x0, li a0, 0xdeadbeefcafef00d; .insn r 0x33, 7, 7, a0, a0, a0)  /* rd = rs1 = rs2 */
        TEST_CODE(41, 0x0, li a2, 0x0; .insn r 0x33, 7, 7, a0, zero, a2)  /* rs1 = x0 */
        TEST_CODE(42, 0xdeadbeefcafef00d, li a1, 0xdeadbeefcafef00d; .insn r 0x33, 7, 7, a0, a1, zero)  /* rs2 = x0 */
        TEST_CODE(43, 0, li a1, 0xdeadbeefcafef00d; li a2, 0x0; .insn r 0x33, 7, 7, zero, a1, a2; mv a0, zero)  /* rd = x0 */

        TEST_END
