/* Zcmop compressed may-be-operations (1.0): C.MOP.n (n = 1, 3, .., 15; the reserved c.lui xn, 0
 * encodings) write no register: x[n] keeps its value. Encoded with .half (binutils 2.40 lacks Zcmop).
 * vhart-only: QEMU 7.2 has no Zcmop. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN

        TEST_CODE(2, 0x77, li a5, 0x77; .half 0x6781; mv a0, a5)        /* c.mop.15: a5 (x15) kept */
        TEST_CODE(3, 0x33, li gp, 3; li a0, 0x33; .half 0x6181; mv t6, gp; li gp, 3; bne t6, gp, fail) /* c.mop.3 */
        TEST_CODE(4, 0x44, mv s0, ra; li ra, 0x44; .half 0x6081; mv a0, ra; mv ra, s0)   /* c.mop.1: ra kept */

        TEST_END
