/* RV64A load-reserved / store-conditional: lr.w, lr.d, sc.w, sc.d.
 * Success (rd = 0, memory written) and failure (rd = 1, memory unchanged): sc without a prior lr,
 * sc to an address outside the reservation (another 64-byte block), a second sc after a successful
 * one, sc after a failed sc; lr.w sign extension, sc.w writing only its word, an lr/sc retry loop,
 * and the .aq / .rl / .aqrl forms. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN
        .option norvc

        /* ---- sc with no lr since reset fails with 1 and does not write (must stay first) ---- */
        TEST_CASE(2)
        la a1, w0
        li a2, 0x1234
        sc.w a0, a2, (a1)
        CHECK(a0, 1)
        lw a3, 0(a1)
        CHECK(a3, 0x11111111)

        TEST_CASE(3)
        la a1, d0
        li a2, 0x1234
        sc.d a0, a2, (a1)
        CHECK(a0, 1)
        ld a3, 0(a1)
        CHECK(a3, 0x2222222222222222)

        /* ---- lr.w / sc.w success ---- */
        TEST_CASE(4)
        la a1, w0
        lr.w a0, (a1)
        CHECK(a0, 0x11111111)
        li a2, 0x76543210
        sc.w a4, a2, (a1)
        CHECK(a4, 0)
        lw a3, 0(a1)
        CHECK(a3, 0x76543210)

        /* ---- a second sc after a successful one fails ---- */
        TEST_CASE(5)
        li a2, 0x5555
        sc.w a4, a2, (a1)
        CHECK(a4, 1)
        lw a3, 0(a1)
        CHECK(a3, 0x76543210)

        /* ---- lr.w sign-extends; sc.w writes only its 32 bits ---- */
        TEST_CASE(6)
        la a1, wneg
        lr.w a0, (a1)
        CHECK(a0, 0xffffffff89abcdef)
        li a2, 0xfedcba9880000001
        sc.w a4, a2, (a1)
        CHECK(a4, 0)
        ld a3, 0(a1)                /* wneg and the word above it */
        CHECK(a3, 0x0246813580000001)

        /* ---- lr.d / sc.d success ---- */
        TEST_CASE(7)
        la a1, d0
        lr.d a0, (a1)
        CHECK(a0, 0x2222222222222222)
        li a2, 0x8000000000000001
        sc.d a4, a2, (a1)
        CHECK(a4, 0)
        ld a3, 0(a1)
        CHECK(a3, 0x8000000000000001)
        li a2, 7                    /* and the reservation is gone */
        sc.d a4, a2, (a1)
        CHECK(a4, 1)
        ld a3, 0(a1)
        CHECK(a3, 0x8000000000000001)

        /* ---- sc to an address in another 64-byte block than the lr fails ---- */
        TEST_CASE(8)
        la a1, d0
        la a5, far_d
        lr.d a0, (a1)
        li a2, 0x99
        sc.d a4, a2, (a5)
        CHECK(a4, 1)
        ld a3, 0(a5)
        CHECK(a3, 0x3333333333333333)
        ld a3, 0(a1)
        CHECK(a3, 0x8000000000000001)

        TEST_CASE(9)
        la a1, w0
        la a5, far_w
        lr.w a0, (a1)
        li a2, 0x99
        sc.w a4, a2, (a5)
        CHECK(a4, 1)
        lw a3, 0(a5)
        CHECK(a3, 0x44444444)

        /* ---- after a failed sc, an sc to the lr address also fails (no reservation left) ---- */
        TEST_CASE(10)
        li a2, 0x99
        sc.w a4, a2, (a1)
        CHECK(a4, 1)
        lw a3, 0(a1)
        CHECK(a3, 0x76543210)

        /* ---- a newer lr replaces the reservation: lr A, lr B, sc A fails ---- */
        TEST_CASE(11)
        la a1, w0
        la a5, far_w
        lr.w a0, (a1)
        lr.w a0, (a5)
        li a2, 0x77
        sc.w a4, a2, (a1)
        CHECK(a4, 1)
        lw a3, 0(a1)
        CHECK(a3, 0x76543210)

        /* ---- lr A, lr B, sc B succeeds ---- */
        TEST_CASE(12)
        lr.w a0, (a1)
        lr.w a0, (a5)
        CHECK(a0, 0x44444444)
        li a2, 0x78
        sc.w a4, a2, (a5)
        CHECK(a4, 0)
        lw a3, 0(a5)
        CHECK(a3, 0x78)

        /* ---- rd of a failed sc is written even when it holds a value; rd == rs2 works ---- */
        TEST_CASE(13)
        la a1, d0
        li a4, 0x5a5a
        sc.d a4, a4, (a1)
        CHECK(a4, 1)
        lr.d a4, (a1)
        sc.d a4, a4, (a1)           /* stores the old value of a4 (what lr read) */
        CHECK(a4, 0)
        ld a3, 0(a1)
        CHECK(a3, 0x8000000000000001)

        /* ---- sc.w/lr.w with rd = x0 ---- */
        TEST_CASE(14)
        la a1, w0
        lr.w zero, (a1)
        CHECK(zero, 0)
        li a2, 0x31
        sc.w zero, a2, (a1)
        CHECK(zero, 0)
        lw a3, 0(a1)
        CHECK(a3, 0x31)

        /* ---- an atomic increment loop: 100 lr/sc increments ---- */
        TEST_CASE(15)
        la a1, counter
        li a5, 100
1:      lr.d a0, (a1)
        addi a0, a0, 1
        sc.d a4, a0, (a1)
        bnez a4, 1b
        addi a5, a5, -1
        bnez a5, 1b
        ld a3, 0(a1)
        CHECK(a3, 100)

        TEST_CASE(16)
        la a1, counter_w
        li a5, 100
1:      lr.w a0, (a1)
        addiw a0, a0, 3
        sc.w a4, a0, (a1)
        bnez a4, 1b
        addi a5, a5, -1
        bnez a5, 1b
        lw a3, 0(a1)
        CHECK(a3, 0xffffffff8000012b)   /* 0x7fffffff + 300, wrapped to 32 bits */

        /* ---- ordering annotations ---- */
        TEST_CASE(17)
        la a1, d0
        lr.d.aq a0, (a1)
        li a2, 17
        sc.d.rl a4, a2, (a1)
        CHECK(a4, 0)
        lr.d.aqrl a0, (a1)
        CHECK(a0, 17)
        li a2, 18
        sc.d.aqrl a4, a2, (a1)
        CHECK(a4, 0)
        lr.d.rl a0, (a1)
        CHECK(a0, 18)
        li a2, 19
        sc.d.aq a4, a2, (a1)
        CHECK(a4, 0)
        ld a3, 0(a1)
        CHECK(a3, 19)

        TEST_CASE(18)
        la a1, w0
        lr.w.aq a0, (a1)
        li a2, -5
        sc.w.rl a4, a2, (a1)
        CHECK(a4, 0)
        lr.w.aqrl a0, (a1)
        CHECK(a0, -5)
        li a2, 0x7fffffff
        sc.w.aqrl a4, a2, (a1)
        CHECK(a4, 0)
        lr.w.rl a0, (a1)
        CHECK(a0, 0x7fffffff)
        li a2, 0x80000000
        sc.w.aq a4, a2, (a1)
        CHECK(a4, 0)
        lw a3, 0(a1)
        CHECK(a3, 0xffffffff80000000)
        sc.w.aqrl a4, a2, (a1)
        CHECK(a4, 1)

        TEST_END

        .data
        .align 6
w0:     .word 0x11111111
        .word 0x0
d0:     .dword 0x2222222222222222
wneg:   .word 0x89abcdef
        .word 0x02468135
counter: .dword 0
counter_w: .word 0x7fffffff
        .align 6
far_d:  .dword 0x3333333333333333
        .align 6
far_w:  .word 0x44444444
