/* Zimop may-be-operations (1.0): MOP.R.n (n 0..31) and MOP.RR.n (n 0..7) write 0 to rd; with rd = x0
 * nothing changes. Encoded with .word (binutils 2.40 lacks Zimop). vhart-only: QEMU 7.2 has no Zimop. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN

        TEST_CODE(2, 0, li a0, 0x5555; li a1, 7; .word 0x81c5c573)      /* mop.r.0 a0, a1 */
        TEST_CODE(3, 0, li a0, 0x5555; li a1, 7; .word 0xcdf5c573)      /* mop.r.31 a0, a1 */
        TEST_CODE(4, 0, li a0, 0x5555; li a1, 7; li a2, 9; .word 0x82c5c573)   /* mop.rr.0 a0, a1, a2 */
        TEST_CODE(5, 0, li a0, 0x5555; li a1, 7; li a2, 9; .word 0xcec5c573)   /* mop.rr.7 a0, a1, a2 */
        TEST_CODE(6, 7, li a1, 7; .word 0x81c5c073; mv a0, a1)          /* mop.r.0 x0, a1: a1 kept */
        TEST_CODE(7, 0, li a0, 0x5555; .word 0x81c04573)                /* mop.r.0 a0, x0 */

        TEST_END
