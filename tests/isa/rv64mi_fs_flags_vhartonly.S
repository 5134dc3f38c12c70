/* mstatus.FS becomes Dirty when an FP instruction with an integer destination raises a flag: fflags is
 * part of the floating-point state (privileged spec 1.12, 3.1.6.6), so conversions to integers and
 * comparisons that set NX or NV must move FS from Initial or Clean to Dirty, in M and U mode.
 * vhart-only: QEMU 7.2 marks FS dirty only for instructions that write an f register or an FP CSR, so it
 * leaves FS Clean here although fflags changed. */
#include "test.h"
#include "priv_macros.h"
#include "fp_macros.h"

        TEST_BEGIN
        PRIV_INIT
        FP_INIT
        FLOAD_S(fa1, 0x3f800000)                /* 1.0f */
        FLOAD_S(fa2, 0x3f000000)                /* 0.5f */
        FLOAD_S(fa4, 0x7f800001)                /* sNaN (single) */
        FLOAD_D(fa3, 0x7ff8000000000000)        /* qNaN (double) */
        FLOAD_D(fa5, 0x3ff8000000000000)        /* 1.5 */

        DIRTY_CASE(2, 2, fcvt.w.s a0, fa2, rne)         /* NX */
        DIRTY_CASE(3, 1, fcvt.lu.d a0, fa5, rtz)        /* NX */
        DIRTY_CASE(4, 2, fcvt.wu.s a0, fa4, rtz)        /* NV */
        DIRTY_CASE(5, 2, feq.s a0, fa4, fa1)            /* sNaN: NV */
        DIRTY_CASE(6, 1, flt.d a0, fa3, fa5)            /* NaN: NV */
        DIRTY_CASE(7, 2, fle.s a0, fa1, fa4)            /* NaN: NV */

        TEST_CASE(8)                            /* the flags were really raised */
        csrr a0, fflags
        CHECK(a0, FF_NV | FF_NX)

        TEST_CASE(9)                            /* U mode, FS = Clean: fcvt.l.d with NX */
        SET_FS(2)
        CHECK_FS(2)
        GO_U(1f)
1:      fcvt.l.d a0, fa5, rne
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_U)
        CHECK_FS(3)

        TEST_END
