/* The floating-point control and status registers (unprivileged spec 11.2): fcsr = frm << 5 | fflags,
 * with frm (0x002) and fflags (0x001) as views of the same bits; fcsr bits 63:8 read zero and ignore
 * writes; frm holds any 3-bit value (5..7 included, they only make dynamic-rounding instructions
 * illegal); the flags accrue and are never cleared by instructions; dynamic rounding follows frm as
 * written through any of the three views; the pseudo-instructions fscsr, frcsr, fsrm(i), frrm, fsflags(i),
 * frflags. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

/* a0 = fcsr, a1 = frm, a2 = fflags must be f, r, l */
#define CHECK_VIEWS(f, r, l)                        \
        csrr a0, fcsr;                              \
        csrr a1, frm;                               \
        csrr a2, fflags;                            \
        CHECK(a0, f);                               \
        CHECK(a1, r);                               \
        CHECK(a2, l)

        TEST_BEGIN
        FP_INIT

        TEST_CASE(2)
        CHECK_VIEWS(0, 0, 0)

        TEST_CASE(3)                            /* fcsr written whole */
        li t0, 0xff
        csrw fcsr, t0
        CHECK_VIEWS(0xff, 7, 0x1f)

        TEST_CASE(4)                            /* bits 63:8 of fcsr ignore writes and read 0 */
        li t0, -1
        csrw fcsr, t0
        CHECK_VIEWS(0xff, 7, 0x1f)
        li t0, 0xffffffffffffff00
        csrw fcsr, t0
        CHECK_VIEWS(0, 0, 0)

        TEST_CASE(5)                            /* frm view */
        csrwi frm, 3
        CHECK_VIEWS(0x60, 3, 0)
        li t0, 0xfa                             /* only bits 2:0 are kept */
        csrw frm, t0
        CHECK_VIEWS(0x40, 2, 0)

        TEST_CASE(6)                            /* fflags view */
        csrwi fflags, 0x15
        CHECK_VIEWS(0x55, 2, 0x15)
        li t0, -1
        csrw fflags, t0                         /* only bits 4:0 are kept */
        CHECK_VIEWS(0x5f, 2, 0x1f)

        TEST_CASE(7)                            /* frm values 5, 6 and 7 are stored as written */
        csrwi frm, 5
        CHECK_VIEWS(0xbf, 5, 0x1f)
        csrwi frm, 6
        CHECK_VIEWS(0xdf, 6, 0x1f)
        csrwi frm, 7
        CHECK_VIEWS(0xff, 7, 0x1f)

        TEST_CASE(8)                            /* read-modify-write forms return the old value */
        csrrw a3, fcsr, zero
        CHECK(a3, 0xff)
        CHECK_VIEWS(0, 0, 0)
        csrrsi a3, fflags, 0x3
        CHECK(a3, 0)
        csrrci a3, fflags, 0x1
        CHECK(a3, 0x3)
        csrrsi a3, frm, 4
        CHECK(a3, 0)
        CHECK_VIEWS(0x82, 4, 0x2)
        li t0, 0x7d
        csrrc a3, fcsr, t0                      /* clears frm bits 0 and 1 (none set) and flags 4:2, 0 */
        CHECK(a3, 0x82)
        CHECK_VIEWS(0x82, 4, 0x2)
        li t0, 0x21
        csrrs a3, fcsr, t0
        CHECK(a3, 0x82)
        CHECK_VIEWS(0xa3, 5, 0x3)
        csrrwi a3, frm, 1
        CHECK(a3, 5)
        csrrwi a3, fflags, 0x10
        CHECK(a3, 0x3)
        CHECK_VIEWS(0x30, 1, 0x10)

        TEST_CASE(9)                            /* pseudo-instructions */
        li a4, 0x67
        fscsr a3, a4
        CHECK(a3, 0x30)
        frcsr a3
        CHECK(a3, 0x67)
        fsrmi a3, 2
        CHECK(a3, 3)
        frrm a3
        CHECK(a3, 2)
        li a4, 0x9
        fsflags a3, a4
        CHECK(a3, 0x7)
        fsflagsi a3, 0x1f
        CHECK(a3, 0x9)
        frflags a3
        CHECK(a3, 0x1f)
        li a4, 4
        fsrm a3, a4
        CHECK(a3, 2)
        CHECK_VIEWS(0x9f, 4, 0x1f)

        TEST_CASE(10)                           /* flags accrue and are never cleared by instructions */
        csrwi fcsr, 0
        FLOAD_S(fa1, 0x3f800000)                /* 1.0 */
        FLOAD_S(fa2, 0x00000000)                /* +0 */
        FLOAD_S(fa3, 0x33800000)                /* 2^-24 */
        fdiv.s fa0, fa1, fa2                    /* DZ */
        CHECK_VIEWS(0x08, 0, 0x08)
        fadd.s fa0, fa1, fa3                    /* NX */
        CHECK_VIEWS(0x09, 0, 0x09)
        fadd.s fa0, fa1, fa1                    /* exact: nothing added, nothing cleared */
        CHECK_VIEWS(0x09, 0, 0x09)
        feq.s a3, fa1, fa1
        CHECK_VIEWS(0x09, 0, 0x09)
        FLOAD_S(fa4, 0x7f7fffff)
        fmul.s fa0, fa4, fa4                    /* OF | NX */
        CHECK_VIEWS(0x0d, 0, 0x0d)
        FLOAD_S(fa4, 0x00800000)
        fmul.s fa0, fa4, fa3                    /* UF | NX */
        CHECK_VIEWS(0x0f, 0, 0x0f)
        FLOAD_S(fa4, 0xbf800000)
        fsqrt.s fa0, fa4                        /* NV */
        CHECK_VIEWS(0x1f, 0, 0x1f)

        TEST_CASE(11)                           /* the flags are in the fcsr, the rounding mode kept */
        li t0, 0x20
        csrw fcsr, t0                           /* frm = RTZ, no flags */
        fdiv.s fa0, fa1, fa2
        CHECK_VIEWS(0x28, 1, 0x08)

        /* dynamic rounding (the assembler's default rm) follows frm written through each view:
         * 1/3 = 0x3eaaaaaa (rtz, rdn) or 0x3eaaaaab (rne, rup, rmm); -1/3 the same magnitudes */
        TEST_CASE(12)
        FLOAD_S(fa1, 0x3f800000)
        FLOAD_S(fa2, 0x40400000)
        FLOAD_S(fa3, 0xbf800000)
        li t0, 0x20                             /* rtz */
        csrw fcsr, t0
        fdiv.s fa0, fa1, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0x3eaaaaaa)
        csrwi frm, 3                            /* rup */
        fdiv.s fa0, fa1, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0x3eaaaaab)
        fdiv.s fa0, fa3, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0xffffffffbeaaaaaa)
        fsrmi 2                                 /* rdn */
        fdiv.s fa0, fa3, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0xffffffffbeaaaaab)
        fdiv.s fa0, fa1, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0x3eaaaaaa)
        li t0, 0x80                             /* rmm through fcsr */
        csrw fcsr, t0
        fdiv.s fa0, fa1, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0x3eaaaaab)
        fsrmi 0
        fdiv.s fa0, fa3, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0xffffffffbeaaaaab)
        CHECK_VIEWS(0x01, 0, 0x01)

        TEST_CASE(13)                           /* a static rm overrides frm, and ignores an invalid frm */
        csrwi frm, 7
        fdiv.s fa0, fa1, fa2, rtz
        fmv.x.w a0, fa0
        CHECK(a0, 0x3eaaaaaa)
        FLOAD_D(fa4, 0x3ff0000000000000)
        FLOAD_D(fa5, 0x4008000000000000)
        fdiv.d fa0, fa4, fa5, rup
        fmv.x.d a0, fa0
        CHECK(a0, 0x3fd5555555555556)
        /* instructions without a rounding mode run under an invalid frm */
        fmin.s fa0, fa1, fa3
        fmv.x.w a0, fa0
        CHECK(a0, 0xffffffffbf800000)
        fsgnjn.d fa0, fa4, fa4
        fmv.x.d a0, fa0
        CHECK(a0, 0xbff0000000000000)
        feq.s a0, fa1, fa1
        CHECK(a0, 1)
        fclass.d a0, fa4
        CHECK(a0, FCLASS_PNORM)
        fmv.w.x fa0, zero
        fmv.x.w a0, fa0
        CHECK(a0, 0)
        csrwi frm, 0

        TEST_END
