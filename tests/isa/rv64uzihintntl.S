/* Zihintntl non-temporal locality hints (1.0): NTL.P1, NTL.PALL, NTL.S1, NTL.ALL (add x0, x0, x2..x5)
 * and their compressed forms (c.add x0, x2..x5) execute as no-ops: no register changes, and the next
 * instruction runs normally. Encoded with .insn / .half (binutils 2.40 lacks Zihintntl). */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN

        TEST_CODE(2, 0x1234, li a0, 0x1234; .insn r 0x33, 0, 0, x0, x0, x2)   /* ntl.p1 */
        TEST_CODE(3, 0x1234, li a0, 0x1234; .insn r 0x33, 0, 0, x0, x0, x3)   /* ntl.pall */
        TEST_CODE(4, 0x1234, li a0, 0x1234; .insn r 0x33, 0, 0, x0, x0, x4)   /* ntl.s1 */
        TEST_CODE(5, 0x1234, li a0, 0x1234; .insn r 0x33, 0, 0, x0, x0, x5)   /* ntl.all */
        TEST_CODE(6, 0x1234, li a0, 0x1234; .half 0x900a)                     /* c.ntl.p1 */
        TEST_CODE(7, 0x1234, li a0, 0x1234; .half 0x900e)                     /* c.ntl.pall */
        TEST_CODE(8, 0x1234, li a0, 0x1234; .half 0x9012)                     /* c.ntl.s1 */
        TEST_CODE(9, 0x1234, li a0, 0x1234; .half 0x9016)                     /* c.ntl.all */
        TEST_CODE(10, 0x5678, li a0, 0x1234; .half 0x9016; li a0, 0x5678)     /* the next instruction runs */

        TEST_END
