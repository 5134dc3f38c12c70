/* Reserved rounding modes for single-precision instructions (unprivileged spec 11.2): a static rm of 5 or
 * 6 in the instruction, or rm = 7 (dynamic) while frm holds 5, 6 or 7, is an illegal instruction
 * (mcause 2, mtval = the instruction bits); the instruction writes nothing (destination, fflags and frm
 * keep their values). Instructions without an rm field, and those with a valid static rm, are not
 * affected by an invalid frm. Also a few reserved funct3 / rs2 values of the OP-FP major opcode. */
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
        FLOAD_S(fa1, 0x3f800000)
        FLOAD_S(fa2, 0x40400000)
        FLOAD_S(fa3, 0x3f000000)
        li a1, 3

        /* ---- static rm = 5 and 6 ---- */
        ILL_RM(2, 0, .insn r 0x53, 5, 0x00, fa0, fa1, fa2)          /* fadd.s */
        ILL_RM(3, 0, .insn r 0x53, 6, 0x00, fa0, fa1, fa2)
        ILL_RM(4, 0, .insn r 0x53, 5, 0x04, fa0, fa1, fa2)          /* fsub.s */
        ILL_RM(5, 0, .insn r 0x53, 6, 0x08, fa0, fa1, fa2)          /* fmul.s */
        ILL_RM(6, 0, .insn r 0x53, 5, 0x0c, fa0, fa1, fa2)          /* fdiv.s */
        ILL_RM(7, 0, .insn r 0x53, 6, 0x2c, fa0, fa1, f0)           /* fsqrt.s */
        ILL_RM(8, 0, .insn r4 0x43, 5, 0, fa0, fa1, fa2, fa3)       /* fmadd.s */
        ILL_RM(9, 0, .insn r4 0x47, 6, 0, fa0, fa1, fa2, fa3)       /* fmsub.s */
        ILL_RM(10, 0, .insn r4 0x4b, 5, 0, fa0, fa1, fa2, fa3)      /* fnmsub.s */
        ILL_RM(11, 0, .insn r4 0x4f, 6, 0, fa0, fa1, fa2, fa3)      /* fnmadd.s */
        ILL_RM(12, 0, .insn r 0x53, 5, 0x60, a5, fa1, x0)           /* fcvt.w.s */
        ILL_RM(13, 0, .insn r 0x53, 6, 0x60, a5, fa1, x1)           /* fcvt.wu.s */
        ILL_RM(14, 0, .insn r 0x53, 5, 0x60, a5, fa1, x2)           /* fcvt.l.s */
        ILL_RM(15, 0, .insn r 0x53, 6, 0x60, a5, fa1, x3)           /* fcvt.lu.s */
        ILL_RM(16, 0, .insn r 0x53, 5, 0x68, fa0, a1, x0)           /* fcvt.s.w */
        ILL_RM(17, 0, .insn r 0x53, 6, 0x68, fa0, a1, x1)           /* fcvt.s.wu */
        ILL_RM(18, 0, .insn r 0x53, 5, 0x68, fa0, a1, x2)           /* fcvt.s.l */
        ILL_RM(19, 0, .insn r 0x53, 6, 0x68, fa0, a1, x3)           /* fcvt.s.lu */

        /* ---- dynamic rm with frm = 5, 6, 7 ---- */
        csrwi frm, 5
        ILL_RM(20, 5, fadd.s fa0, fa1, fa2, dyn)
        ILL_RM(21, 5, fsqrt.s fa0, fa1, dyn)
        ILL_RM(22, 5, fcvt.w.s a5, fa1, dyn)
        csrwi frm, 6
        ILL_RM(23, 6, fmul.s fa0, fa1, fa2, dyn)
        ILL_RM(24, 6, fmadd.s fa0, fa1, fa2, fa3, dyn)
        ILL_RM(25, 6, fcvt.s.l fa0, a1, dyn)
        csrwi frm, 7
        ILL_RM(26, 7, fdiv.s fa0, fa1, fa2, dyn)
        ILL_RM(27, 7, fnmadd.s fa0, fa1, fa2, fa3, dyn)
        ILL_RM(28, 7, fcvt.lu.s a5, fa1, dyn)
        ILL_RM(29, 7, fsub.s fa0, fa1, fa2, dyn)

        TEST_CASE(30)                           /* still frm = 7: static rm and rm-less instructions work */
        csrwi fflags, 0
        fadd.s fa0, fa1, fa2, rne
        fmv.x.w a0, fa0
        CHECK(a0, 0x40800000)
        fcvt.w.s a0, fa3, rup
        CHECK(a0, 1)
        fmax.s fa0, fa1, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0x40400000)
        fsgnjx.s fa0, fa1, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0x3f800000)
        flt.s a0, fa1, fa2
        CHECK(a0, 1)
        fclass.s a0, fa1
        CHECK(a0, FCLASS_PNORM)
        fmv.x.w a0, fa1
        CHECK(a0, 0x3f800000)
        CHECK_FLAGS(FF_NX)                      /* from fcvt.w.s of 0.5 */
        csrr a0, frm
        CHECK(a0, 7)

        TEST_CASE(31)                           /* frm = 0 again: dynamic rounding works */
        csrwi frm, 0
        fadd.s fa0, fa1, fa2
        fmv.x.w a0, fa0
        CHECK(a0, 0x40800000)

        /* ---- reserved encodings in OP-FP ---- */
        ILL_RM(32, 0, .insn r 0x53, 3, 0x10, fa0, fa1, fa2)         /* fsgnj.s funct3 = 3 */
        ILL_RM(33, 0, .insn r 0x53, 4, 0x14, fa0, fa1, fa2)         /* fmin/fmax.s funct3 = 4 (2 and 3 are Zfa fminm/fmaxm) */
        ILL_RM(34, 0, .insn r 0x53, 3, 0x50, a5, fa1, fa2)          /* feq/flt/fle.s funct3 = 3 */
        ILL_RM(35, 0, .insn r 0x53, 2, 0x70, a5, fa1, f0)           /* fmv.x.w / fclass.s funct3 = 2 */
        ILL_RM(36, 0, .insn r 0x53, 0, 0x60, a5, fa1, x4)           /* fcvt.?.s with rs2 = 4 */
        ILL_RM(37, 0, .insn r 0x53, 0, 0x2c, fa0, fa1, f1)          /* fsqrt.s with rs2 = 1 */
        ILL_RM(38, 0, .insn r 0x53, 1, 0x78, fa0, a1, x0)           /* fmv.w.x funct3 = 1 */

        TEST_END
        UT_TRAP_HANDLER
