/* Macros for the F and D guest tests (rv64uf_*, rv64ud_*, rv64mi_fs_*). Include after test.h and
 * unpriv_macros.h (which provides BREAK_CASE, EXPECT_TRAP / TRAP_ARM / UT_TRAP_HANDLER).
 *
 * Register use: operands are loaded into fa1, fa2, fa3 (floating point) or a1 (integer) through t0;
 * the instruction under test writes fa0 (FP result) or a0 (integer result). Every case clears
 * fflags right before the instruction, then checks the result bits and the accrued flags (a1).
 * Single-precision results are checked as the whole 64-bit register (fmv.x.d), so the expected value
 * includes the NaN boxing (upper 32 bits all ones).
 */
#ifndef VHART_FP_MACROS_H
#define VHART_FP_MACROS_H

/* fflags bits */
#define FF_NV 0x10
#define FF_DZ 0x08
#define FF_OF 0x04
#define FF_UF 0x02
#define FF_NX 0x01

/* fclass result bits */
#define FCLASS_NINF   0x001
#define FCLASS_NNORM  0x002
#define FCLASS_NSUB   0x004
#define FCLASS_NZERO  0x008
#define FCLASS_PZERO  0x010
#define FCLASS_PSUB   0x020
#define FCLASS_PNORM  0x040
#define FCLASS_PINF   0x080
#define FCLASS_SNAN   0x100
#define FCLASS_QNAN   0x200

/* canonical NaNs */
#define CNAN_S 0x7fc00000
#define CNAN_D 0x7ff8000000000000
/* a single-precision bit pattern as it reads in the whole 64-bit f register (NaN-boxed) */
#define BOXED(v) (0xffffffff00000000 | (v))

/* mstatus.FS = Initial (FP instructions enabled), fcsr = 0 (RNE, no flags) */
#define FP_INIT                                     \
        li t0, 0x6000;                              \
        csrc mstatus, t0;                           \
        li t0, 0x2000;                              \
        csrs mstatus, t0;                           \
        csrwi fcsr, 0

/* f = single / double bit pattern v (through t0) */
#define FLOAD_S(f, v) li t0, v; fmv.w.x f, t0
#define FLOAD_D(f, v) li t0, v; fmv.d.x f, t0

/* The flags raised by the code just run (a1 = fflags) must equal fl. */
#define CHECK_FLAGS(fl)                             \
        csrr a1, fflags;                            \
        CHECK(a1, fl)

/* Single precision, FP result: fa1..fa3 = v1..v3; `insn` computes fa0; fa0 must hold the boxed res. */
#define TEST_FP_S(n, res, fl, v1, v2, v3, insn...)  \
        TEST_CASE(n);                               \
        FLOAD_S(fa1, v1); FLOAD_S(fa2, v2); FLOAD_S(fa3, v3); \
        csrwi fflags, 0;                            \
        insn;                                       \
        csrr a1, fflags;                            \
        fmv.x.d a0, fa0;                            \
        CHECK(a0, BOXED(res));                      \
        CHECK(a1, fl)

/* Double precision, FP result. */
#define TEST_FP_D(n, res, fl, v1, v2, v3, insn...)  \
        TEST_CASE(n);                               \
        FLOAD_D(fa1, v1); FLOAD_D(fa2, v2); FLOAD_D(fa3, v3); \
        csrwi fflags, 0;                            \
        insn;                                       \
        csrr a1, fflags;                            \
        fmv.x.d a0, fa0;                            \
        CHECK(a0, res);                             \
        CHECK(a1, fl)

/* Single precision operands, integer result: `insn` computes a0 from fa1, fa2. */
#define TEST_FP_S_INT(n, res, fl, v1, v2, insn...)  \
        TEST_CASE(n);                               \
        FLOAD_S(fa1, v1); FLOAD_S(fa2, v2);         \
        li a0, 0x5555;                              \
        csrwi fflags, 0;                            \
        insn;                                       \
        csrr a1, fflags;                            \
        CHECK(a0, res);                             \
        CHECK(a1, fl)

/* Double precision operands, integer result. */
#define TEST_FP_D_INT(n, res, fl, v1, v2, insn...)  \
        TEST_CASE(n);                               \
        FLOAD_D(fa1, v1); FLOAD_D(fa2, v2);         \
        li a0, 0x5555;                              \
        csrwi fflags, 0;                            \
        insn;                                       \
        csrr a1, fflags;                            \
        CHECK(a0, res);                             \
        CHECK(a1, fl)

/* Integer operand a1 = iv, single result in fa0 (checked boxed). */
#define TEST_INT_S(n, res, fl, iv, insn...)         \
        TEST_CASE(n);                               \
        li a1, iv;                                  \
        csrwi fflags, 0;                            \
        insn;                                       \
        csrr a1, fflags;                            \
        fmv.x.d a0, fa0;                            \
        CHECK(a0, BOXED(res));                      \
        CHECK(a1, fl)

/* Integer operand a1 = iv, double result in fa0. */
#define TEST_INT_D(n, res, fl, iv, insn...)         \
        TEST_CASE(n);                               \
        li a1, iv;                                  \
        csrwi fflags, 0;                            \
        insn;                                       \
        csrr a1, fflags;                            \
        fmv.x.d a0, fa0;                            \
        CHECK(a0, res);                             \
        CHECK(a1, fl)

/* Raw 64-bit register contents: fa1..fa3 = r1..r3 (fmv.d.x, so a single operand can be left unboxed),
 * `insn` computes fa0, whose whole 64 bits must equal res. */
#define TEST_FP_RAW(n, res, fl, r1, r2, r3, insn...) \
        TEST_CASE(n);                               \
        FLOAD_D(fa1, r1); FLOAD_D(fa2, r2); FLOAD_D(fa3, r3); \
        csrwi fflags, 0;                            \
        insn;                                       \
        csrr a1, fflags;                            \
        fmv.x.d a0, fa0;                            \
        CHECK(a0, res);                             \
        CHECK(a1, fl)

/* Raw 64-bit register contents fa1, fa2 = r1, r2; `insn` computes the integer a0. */
#define TEST_FP_RAW_INT(n, res, fl, r1, r2, insn...) \
        TEST_CASE(n);                               \
        FLOAD_D(fa1, r1); FLOAD_D(fa2, r2);         \
        li a0, 0x5555;                              \
        csrwi fflags, 0;                            \
        insn;                                       \
        csrr a1, fflags;                            \
        CHECK(a0, res);                             \
        CHECK(a1, fl)

/* Expect an illegal-instruction trap (mcause 2) at the 32-bit instruction at label 8, with mtval =
 * its bits. Needs EXPECT_TRAP (mtvec = __ut_trap) and UT_TRAP_HANDLER in the file. */
#define ILLEGAL_FP(n, insn...)                      \
        TEST_CASE(n);                               \
        TRAP_ARM;                                   \
8:      insn;                                       \
        CHECK(s10, 2);                              \
        la t6, 8b;                                  \
        bne s9, t6, fail;                           \
        lwu t6, 0(t6);                              \
        bne s11, t6, fail

/* ---- mstatus.FS helpers for the rv64mi_fs_* tests (need priv_macros.h) ---- */

/* mstatus.FS = v */
#define SET_FS(v)                                   \
        li t0, MSTATUS_FS;                          \
        csrc mstatus, t0;                           \
        li t0, ((v) << 13);                         \
        csrs mstatus, t0

/* FS must read v in mstatus and sstatus, and SD (bit 63 of both) must read (v == 3) (clobbers a0) */
#define CHECK_FS(v)                                 \
        csrr a0, mstatus;                           \
        srli a0, a0, 13;                            \
        andi a0, a0, 3;                             \
        CHECK(a0, v);                               \
        csrr a0, mstatus;                           \
        srli a0, a0, 63;                            \
        CHECK(a0, ((v) / 3));     /* 1 for Dirty */  \
        csrr a0, sstatus;                           \
        srli a0, a0, 13;                            \
        andi a0, a0, 3;                             \
        CHECK(a0, v);                               \
        csrr a0, sstatus;                           \
        srli a0, a0, 63;                            \
        CHECK(a0, ((v) / 3))

/* from FS = from, run insn (in M) and FS must be Dirty afterwards */
#define DIRTY_CASE(n, from, insn...)                \
        TEST_CASE(n);                               \
        SET_FS(from);                               \
        CHECK_FS(from);                             \
        insn;                                       \
        CHECK_FS(3)

#endif
