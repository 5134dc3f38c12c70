/* Reserved rounding modes for double-precision instructions (unprivileged spec 11.2, 12.5): a static rm of
 * 5 or 6, or rm = 7 (dynamic) while frm holds 5, 6 or 7, is an illegal instruction (mcause 2, mtval = the
 * instruction bits), also for the conversions whose result does not depend on the rounding mode
 * (FCVT.D.S, FCVT.D.W, FCVT.D.WU: "implementations must treat the rm field as usual"); the instruction
 * writes nothing. Instructions without an rm field are not affected by an invalid frm. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

#define SENT   0x5555aaaa5555aaaa
#define SENTX  0x1234

/* insn (writing fa0 or a5) must trap; fa0, a5, fflags (0x3) and frm (fr) must be unchanged after. */
#define ILL_RM(n, fr, insn...)                      \
        FLOAD_D(fa0, SENT);                         \
        li a5, SENTX;                               \
        csrwi fflags, 0x3;                          \
        ILLEGAL_FP(n, insn);                        \
        fmv.x.d a0, fa0;                            \
        CHECK(a0, SENT);                            \
        CHECK(a5, SENTX);                           \
        CHECK_FLAGS(0x3);                           \
        csrr a0, frm;                               \
        CHECK(a0, fr)

        TEST_BEGIN
        FP_INIT
        EXPECT_TRAP
        FLOAD_D(fa1, 0x3ff0000000000000)        /* 1.0 */
        FLOAD_D(fa2, 0x4008000000000000)        /* 3.0 */
        FLOAD_D(fa3, 0x3fe0000000000000)        /* 0.5 */
        FLOAD_S(fa4, 0x3f800000)                /* 1.0f */
        li a1, 3

        /* ---- static rm = 5 and 6 ---- */
        ILL_RM(2, 0, .insn r 0x53, 5, 0x01, fa0, fa1, fa2)          /* fadd.d */
        ILL_RM(3, 0, .insn r 0x53, 6, 0x01, fa0, fa1, fa2)
        ILL_RM(4, 0, .insn r 0x53, 6, 0x05, fa0, fa1, fa2)          /* fsub.d */
        ILL_RM(5, 0, .insn r 0x53, 5, 0x09, fa0, fa1, fa2)          /* fmul.d */
        ILL_RM(6, 0, .insn r 0x53, 6, 0x0d, fa0, fa1, fa2)          /* fdiv.d */
        ILL_RM(7, 0, .insn r 0x53, 5, 0x2d, fa0, fa1, f0)           /* fsqrt.d */
        ILL_RM(8, 0, .insn r4 0x43, 6, 1, fa0, fa1, fa2, fa3)       /* fmadd.d */
        ILL_RM(9, 0, .insn r4 0x47, 5, 1, fa0, fa1, fa2, fa3)       /* fmsub.d */
        ILL_RM(10, 0, .insn r4 0x4b, 6, 1, fa0, fa1, fa2, fa3)      /* fnmsub.d */
        ILL_RM(11, 0, .insn r4 0x4f, 5, 1, fa0, fa1, fa2, fa3)      /* fnmadd.d */
        ILL_RM(12, 0, .insn r 0x53, 6, 0x61, a5, fa1, x0)           /* fcvt.w.d */
        ILL_RM(13, 0, .insn r 0x53, 5, 0x61, a5, fa1, x1)           /* fcvt.wu.d */
        ILL_RM(14, 0, .insn r 0x53, 6, 0x61, a5, fa1, x2)           /* fcvt.l.d */
        ILL_RM(15, 0, .insn r 0x53, 5, 0x61, a5, fa1, x3)           /* fcvt.lu.d */
        ILL_RM(16, 0, .insn r 0x53, 6, 0x69, fa0, a1, x0)           /* fcvt.d.w (exact) */
        ILL_RM(17, 0, .insn r 0x53, 5, 0x69, fa0, a1, x1)           /* fcvt.d.wu (exact) */
        ILL_RM(18, 0, .insn r 0x53, 6, 0x69, fa0, a1, x2)           /* fcvt.d.l */
        ILL_RM(19, 0, .insn r 0x53, 5, 0x69, fa0, a1, x3)           /* fcvt.d.lu */
        ILL_RM(20, 0, .insn r 0x53, 5, 0x20, fa0, fa1, f1)          /* fcvt.s.d */
        ILL_RM(21, 0, .insn r 0x53, 6, 0x21, fa0, fa4, f0)          /* fcvt.d.s (exact) */

        /* ---- dynamic rm with frm = 5, 6, 7 ---- */
        csrwi frm, 5
        ILL_RM(22, 5, fadd.d fa0, fa1, fa2, dyn)
        ILL_RM(23, 5, fcvt.s.d fa0, fa1, dyn)
        ILL_RM(24, 5, .insn r 0x53, 7, 0x21, fa0, fa4, f0)          /* fcvt.d.s, rm = dyn */
        csrwi frm, 6
        ILL_RM(25, 6, fsqrt.d fa0, fa1, dyn)
        ILL_RM(26, 6, fmsub.d fa0, fa1, fa2, fa3, dyn)
        ILL_RM(27, 6, fcvt.l.d a5, fa1, dyn)
        csrwi frm, 7
        ILL_RM(28, 7, fdiv.d fa0, fa1, fa2, dyn)
        ILL_RM(29, 7, fcvt.d.lu fa0, a1, dyn)
        ILL_RM(30, 7, .insn r 0x53, 7, 0x69, fa0, a1, x0)           /* fcvt.d.w, rm = dyn */

        TEST_CASE(31)                           /* still frm = 7: static rm and rm-less instructions work */
        csrwi fflags, 0
        fadd.d fa0, fa1, fa2, rne
        fmv.x.d a0, fa0
        CHECK(a0, 0x4010000000000000)
        fcvt.d.s fa0, fa4                       /* rm = rne */
        fmv.x.d a0, fa0
        CHECK(a0, 0x3ff0000000000000)
        fcvt.d.w fa0, a1                        /* rm = rne */
        fmv.x.d a0, fa0
        CHECK(a0, 0x4008000000000000)
        fmin.d fa0, fa1, fa2
        fmv.x.d a0, fa0
        CHECK(a0, 0x3ff0000000000000)
        fsgnjn.d fa0, fa1, fa2
        fmv.x.d a0, fa0
        CHECK(a0, 0xbff0000000000000)
        fle.d a0, fa2, fa1
        CHECK(a0, 0)
        fclass.d a0, fa3
        CHECK(a0, FCLASS_PNORM)
        fmv.d.x fa0, a1
        fmv.x.d a0, fa0
        CHECK(a0, 3)
        CHECK_FLAGS(0)
        csrr a0, frm
        CHECK(a0, 7)

        TEST_CASE(32)                           /* frm = 2 (rdn): dynamic rounding works again */
        csrwi frm, 2
        fdiv.d fa0, fa1, fa2
        fmv.x.d a0, fa0
        CHECK(a0, 0x3fd5555555555555)
        csrwi frm, 0

        /* ---- reserved encodings in OP-FP ---- */
        ILL_RM(33, 0, .insn r 0x53, 3, 0x11, fa0, fa1, fa2)         /* fsgnj.d funct3 = 3 */
        ILL_RM(34, 0, .insn r 0x53, 4, 0x15, fa0, fa1, fa2)         /* fmin/fmax.d funct3 = 4 (2 and 3 are Zfa fminm/fmaxm) */
        ILL_RM(35, 0, .insn r 0x53, 3, 0x51, a5, fa1, fa2)          /* feq/flt/fle.d funct3 = 3 */
        ILL_RM(36, 0, .insn r 0x53, 2, 0x71, a5, fa1, f0)           /* fmv.x.d / fclass.d funct3 = 2 */
        ILL_RM(37, 0, .insn r 0x53, 0, 0x20, fa0, fa1, f3)          /* fcvt.s.q (rs2 = 3) without Q; rs2 = 2 is Zfhmin fcvt.s.h */
        ILL_RM(38, 0, .insn r 0x53, 0, 0x21, fa0, fa1, f1)          /* fcvt.d.d (rs2 = 1) */

        TEST_END
        UT_TRAP_HANDLER
