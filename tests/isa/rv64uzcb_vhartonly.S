/* Zcb (code-size reduction 1.0.4): C.LBU (uimm 0..3), C.LHU and C.LH (uimm 0 or 2; c.lh sign-extends),
 * C.SB, C.SH, C.ZEXT.B, C.SEXT.B, C.ZEXT.H, C.SEXT.H, C.ZEXT.W, C.NOT and C.MUL, on x8..x15 (a0, a1).
 * Encoded with .half (binutils 2.40 lacks Zcb). vhart-only: QEMU 7.2 has no Zcb. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN

        la a1, data
        TEST_CODE(2, 0xcc, .half 0x81e8)                        /* c.lbu a0, 3(a1) */
        TEST_CODE(3, 0xff, .half 0x8188)                        /* c.lbu a0, 0(a1) */
        TEST_CODE(4, 0xccdd, .half 0x85a8)                      /* c.lhu a0, 2(a1) */
        TEST_CODE(5, 0xffffffffffffccdd, .half 0x85e8)          /* c.lh a0, 2(a1) */
        TEST_CODE(6, 0xffffffffffffeeff, .half 0x85c8)          /* c.lh a0, 0(a1) */
        TEST_CODE(7, 0x8899aabbccdd5aff, li a0, 0x5a; .half 0x89c8; ld a0, 0(a1))    /* c.sb a0, 1(a1) */
        TEST_CODE(8, 0x8899aabb12345aff, li a0, 0x1234; .half 0x8da8; ld a0, 0(a1))  /* c.sh a0, 2(a1) */
        TEST_CODE(9, 0xf0, li a0, 0x123456789abcdef0; .half 0x9d61)                /* c.zext.b a0 */
        TEST_CODE(10, 0xfffffffffffffff0, li a0, 0x123456789abcdef0; .half 0x9d65) /* c.sext.b a0 */
        TEST_CODE(11, 0xdef0, li a0, 0x123456789abcdef0; .half 0x9d69)             /* c.zext.h a0 */
        TEST_CODE(12, 0xffffffffffffdef0, li a0, 0x123456789abcdef0; .half 0x9d6d) /* c.sext.h a0 */
        TEST_CODE(13, 0x9abcdef0, li a0, 0x123456789abcdef0; .half 0x9d71)         /* c.zext.w a0 */
        TEST_CODE(14, 0xedcba9876543210f, li a0, 0x123456789abcdef0; .half 0x9d75) /* c.not a0 */
        TEST_CODE(15, 42, li a0, 7; li a1, 6; .half 0x9d4d)                        /* c.mul a0, a1 */
        TEST_CODE(16, 0xfffffffffffffffe, li a0, -1; li a1, 2; .half 0x9d4d)       /* c.mul a0, a1 */

        TEST_END

        .data
        .balign 8
data:   .dword 0x8899aabbccddeeff
