/* FLD and FSD (unprivileged spec 12.3) and their compressed forms C.FLD, C.FSD, C.FLDSP, C.FSDSP: all
 * 64 bits move unchanged (signalling NaN payloads, NaN-boxed single patterns included), no flags are
 * raised, a store touches only its own 8 bytes; 12-bit signed offsets at both ends of their range. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

/* fa-register reg = fld buf + off; a0 = its bits; no flags. */
#define TEST_FLD(n, res, off, reg)                  \
        TEST_CASE(n);                               \
        la a1, buf;                                 \
        csrwi fflags, 0;                            \
        fld reg, off(a1);                           \
        fmv.x.d a0, reg;                            \
        CHECK(a0, res);                             \
        CHECK_FLAGS(0)

        TEST_BEGIN
        FP_INIT

        /* ---- fld ---- */
        TEST_FLD(2, 0x3ff0000000000000, 0, fa0)
        TEST_FLD(3, 0x7ff0000000000001, 8, ft0)         /* signalling NaN: not quieted, no NV */
        TEST_FLD(4, 0xfff8000000012345, 16, fs11)       /* negative quiet NaN with a payload */
        TEST_FLD(5, 0xffffffff7f800001, 24, ft11)       /* a boxed single sNaN, as raw bits */
        TEST_FLD(6, 0x0000000000000001, 32, fa7)
        TEST_FLD(7, 0x8000000000000000, 40, fs0)

        TEST_CASE(8)                                    /* offsets 2047 and -2048 */
        la a1, buf
        addi a1, a1, 1
        fld fa0, 2047(a1)                               /* buf + 2048 */
        fmv.x.d a0, fa0
        CHECK(a0, 0x1122334455667788)
        la a1, buf
        addi a1, a1, 2047
        addi a1, a1, 2047
        addi a1, a1, 10                                 /* buf + 4104 */
        fld fa0, -2048(a1)                              /* buf + 2056 */
        fmv.x.d a0, fa0
        CHECK(a0, 0xcafef00ddeadbeef)

        /* ---- fsd ---- */
        TEST_CASE(9)
        la a1, sbuf
        li t1, -1
        sd t1, 0(a1)
        sd t1, 8(a1)
        sd t1, 16(a1)
        FLOAD_D(fa0, 0x7ff0000000000001)
        csrwi fflags, 0
        fsd fa0, 8(a1)
        ld a0, 8(a1)
        CHECK(a0, 0x7ff0000000000001)
        ld a0, 0(a1)
        CHECK(a0, -1)
        ld a0, 16(a1)
        CHECK(a0, -1)
        CHECK_FLAGS(0)

        TEST_CASE(10)                                   /* a NaN-boxed single: all 64 bits */
        la a1, sbuf
        FLOAD_S(fa1, 0x3f800000)
        fsd fa1, 0(a1)
        ld a0, 0(a1)
        CHECK(a0, 0xffffffff3f800000)

        TEST_CASE(11)                                   /* offsets 2040 and -2048 */
        la a1, sbuf
        addi a1, a1, -2000
        FLOAD_D(ft4, 0x0123456789abcdef)
        fsd ft4, 2016(a1)                               /* sbuf + 16 */
        la a2, sbuf
        ld a0, 16(a2)
        CHECK(a0, 0x0123456789abcdef)
        addi a1, a2, 2047
        addi a1, a1, 1                                  /* sbuf + 2048 */
        FLOAD_D(ft5, 0xfedcba9876543210)
        fsd ft5, -2048(a1)                              /* sbuf + 0 */
        ld a0, 0(a2)
        CHECK(a0, 0xfedcba9876543210)

        TEST_CASE(12)                                   /* round trip fld -> fsd */
        la a1, buf
        la a2, sbuf
        fld ft3, 16(a1)
        fsd ft3, 24(a2)
        ld a0, 24(a2)
        CHECK(a0, 0xfff8000000012345)

        /* ---- compressed forms ---- */
        .option push
        .option rvc
        TEST_CASE(13)                                   /* c.fld (x8-x15 base, f8-f15 target) */
        la s0, buf
        csrwi fflags, 0
        c.fld fa5, 8(s0)
        fmv.x.d a0, fa5
        CHECK(a0, 0x7ff0000000000001)
        c.fld fs1, 248(s0)
        fmv.x.d a0, fs1
        CHECK(a0, 0xa5a5a5a5a5a5a5a5)
        CHECK_FLAGS(0)

        TEST_CASE(14)                                   /* c.fsd */
        la a4, sbuf
        sd zero, 32(a4)
        sd zero, 40(a4)
        FLOAD_D(fa2, 0xfff0000000000005)
        c.fsd fa2, 32(a4)
        ld a0, 32(a4)
        CHECK(a0, 0xfff0000000000005)
        ld a0, 40(a4)
        CHECK(a0, 0)

        TEST_CASE(15)                                   /* c.fldsp: any target register, offset 0..504 */
        mv s2, sp
        la sp, buf
        c.fldsp ft11, 16(sp)
        c.fldsp ft1, 504(sp)
        mv sp, s2
        fmv.x.d a0, ft11
        CHECK(a0, 0xfff8000000012345)
        fmv.x.d a0, ft1
        CHECK(a0, 0x5a5a5a5a5a5a5a5a)

        TEST_CASE(16)                                   /* c.fsdsp */
        mv s2, sp
        la sp, sbuf
        FLOAD_D(fs10, 0x8000000000000001)
        c.fsdsp fs10, 48(sp)
        mv sp, s2
        la a1, sbuf
        ld a0, 48(a1)
        CHECK(a0, 0x8000000000000001)
        .option pop

        TEST_END

        .data
        .align 4
buf:
        .dword 0x3ff0000000000000, 0x7ff0000000000001, 0xfff8000000012345, 0xffffffff7f800001
        .dword 0x0000000000000001, 0x8000000000000000
        .fill (248 - 48), 1, 0x5a
        .dword 0xa5a5a5a5a5a5a5a5                       /* buf + 248 */
        .fill (2048 - 256), 1, 0x5a
        .dword 0x1122334455667788                       /* buf + 2048 */
        .dword 0xcafef00ddeadbeef                       /* buf + 2056 */
        .align 4
sbuf:
        .fill 64, 1, 0
