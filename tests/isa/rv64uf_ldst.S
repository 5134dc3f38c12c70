/* FLW and FSW (unprivileged spec 11.5): FLW NaN-boxes the 32 bits it loads (the upper half of the
 * register becomes all ones whatever it held), payloads of signalling NaNs are kept, no flags are raised;
 * FSW stores the low 32 bits unchanged, also from a register that is not a valid NaN-boxed value, and
 * touches no other byte. 12-bit signed offsets at both ends of their range. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

/* Load with flw from buf + off into fa0 (which held a double pattern first); a0 = whole register. */
#define TEST_FLW(n, res, off, reg)                  \
        TEST_CASE(n);                               \
        FLOAD_D(reg, 0x123456789abcdef0);           \
        la a1, buf;                                 \
        csrwi fflags, 0;                            \
        flw reg, off(a1);                           \
        fmv.x.d a0, reg;                            \
        CHECK(a0, BOXED(res));                      \
        CHECK_FLAGS(0)

        TEST_BEGIN
        FP_INIT

        /* ---- flw: loaded bits are boxed, payloads kept, no flags ---- */
        TEST_FLW(2, 0x3f800000, 0, fa0)
        TEST_FLW(3, 0xbf800000, 4, fa0)
        TEST_FLW(4, 0x7f800001, 8, ft0)         /* signalling NaN: not quieted, no NV */
        TEST_FLW(5, 0xffc12345, 12, fs11)       /* negative quiet NaN with a payload */
        TEST_FLW(6, 0x00000001, 16, ft11)
        TEST_FLW(7, 0x80000000, 20, fa7)

        TEST_CASE(8)                            /* largest and smallest 12-bit offsets */
        la a1, buf
        addi a1, a1, 1                          /* buf + 1 */
        flw fa0, 2047(a1)                       /* buf + 2048 */
        fmv.x.w a0, fa0
        CHECK(a0, 0x44332211)
        la a1, buf
        addi a1, a1, 2047
        addi a1, a1, 2047
        addi a1, a1, 6                          /* buf + 4100 */
        flw fa0, -2048(a1)                      /* buf + 2052 */
        fmv.x.d a0, fa0
        CHECK(a0, 0xffffffffcafef00d)

        /* ---- fsw: the low 32 bits, nothing else ---- */
        TEST_CASE(9)
        la a1, sbuf
        li t1, -1
        sd t1, 0(a1)
        sd t1, 8(a1)
        FLOAD_S(fa0, 0x7f800001)                /* signalling NaN: stored as is */
        csrwi fflags, 0
        fsw fa0, 4(a1)
        ld a0, 0(a1)
        CHECK(a0, 0x7f800001ffffffff)
        ld a0, 8(a1)
        CHECK(a0, -1)
        CHECK_FLAGS(0)

        TEST_CASE(10)                           /* from a register that is not NaN-boxed: still the low 32 bits */
        la a1, sbuf
        sd zero, 0(a1)
        sd zero, 8(a1)
        FLOAD_D(fa3, 0x0123456789abcdef)
        fsw fa3, 8(a1)
        ld a0, 8(a1)
        CHECK(a0, 0x0000000089abcdef)
        ld a0, 0(a1)
        CHECK(a0, 0)

        TEST_CASE(11)                           /* a double register: its low half */
        la a1, sbuf
        FLOAD_D(ft5, 0x3ff0000000000000)
        fsw ft5, 0(a1)
        lwu a0, 0(a1)
        CHECK(a0, 0)
        FLOAD_D(ft5, 0xfff0000087654321)
        fsw ft5, 12(a1)
        lwu a0, 12(a1)
        CHECK(a0, 0x87654321)

        TEST_CASE(12)                           /* negative offset */
        la a1, sbuf
        addi a1, a1, 2000
        FLOAD_S(fs2, 0xc0490fdb)
        fsw fs2, -1996(a1)                      /* sbuf + 4 */
        la a1, sbuf
        lw a0, 4(a1)
        CHECK(a0, 0xffffffffc0490fdb)

        TEST_CASE(13)                           /* round trip flw -> fsw keeps every bit */
        la a1, buf
        la a2, sbuf
        flw ft3, 12(a1)
        fsw ft3, 0(a2)
        lwu a0, 0(a2)
        CHECK(a0, 0xffc12345)

        TEST_END

        .data
        .align 4
buf:
        .word 0x3f800000, 0xbf800000, 0x7f800001, 0xffc12345, 0x00000001, 0x80000000
        .fill (2048 - 24), 1, 0x5a
        .word 0x44332211                        /* buf + 2048 */
        .word 0xcafef00d                        /* buf + 2052 */
        .align 4
sbuf:
        .fill 32, 1, 0
