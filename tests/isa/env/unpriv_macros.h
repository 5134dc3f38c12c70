/* Extra macros for the unprivileged ISA tests (rv64ui_*, rv64um_*, rv64ua_*, rv64uc_*, rv64uzi*).
 * Include after test.h. Register use follows test.h: gp = case number, t6 = CHECK scratch,
 * t0/t1 = pass/fail path; operands go in a1/a2, results in a0.
 *
 * Proving a test can fail: build with -DBREAK_CASE=n and every CHECK under case n compares
 * against its expected value with bit 0 flipped, so the run must exit with status n.
 */
#ifndef VHART_UNPRIV_MACROS_H
#define VHART_UNPRIV_MACROS_H

#ifdef BREAK_CASE
#undef TEST_CASE
#define TEST_CASE(n) .set __ut_case, n; li TESTNUM, n
#undef CHECK
#define CHECK(r, v)                                 \
        li t6, v;                                   \
        .if __ut_case == BREAK_CASE;                \
        xori t6, t6, 1;                             \
        .endif;                                     \
        bne r, t6, fail
/* For cases checked by control flow rather than CHECK: fail anyway at the end of case n. */
#define BREAK_POINT(n) .if n == BREAK_CASE; j fail; .endif
#else
#define BREAK_POINT(n)
#endif

/* ---- register-register ops ---- */

/* rd == rs1: a0 = op(a0, a2). */
#define TEST_RR_RD1(n, op, expected, v1, v2)        \
        TEST_CODE(n, expected, li a0, v1; li a2, v2; op a0, a0, a2)

/* rd == rs2: a0 = op(a1, a0). */
#define TEST_RR_RD2(n, op, expected, v1, v2)        \
        TEST_CODE(n, expected, li a1, v1; li a0, v2; op a0, a1, a0)

/* rs1 == rs2 == rd: a0 = op(a0, a0). */
#define TEST_RR_SAME(n, op, expected, v)            \
        TEST_CODE(n, expected, li a0, v; op a0, a0, a0)

/* x0 as rs1: a0 = op(0, v2). */
#define TEST_RR_ZS1(n, op, expected, v2)            \
        TEST_CODE(n, expected, li a2, v2; op a0, zero, a2)

/* x0 as rs2: a0 = op(v1, 0). */
#define TEST_RR_ZS2(n, op, expected, v1)            \
        TEST_CODE(n, expected, li a1, v1; op a0, a1, zero)

/* x0 as destination: the result is discarded and x0 still reads 0. */
#define TEST_RR_ZD(n, op, v1, v2)                   \
        TEST_CASE(n); li a1, v1; li a2, v2;         \
        op zero, a1, a2;                            \
        CHECK(zero, 0)

/* ---- register-immediate ops ---- */

/* rd == rs1: a0 = op(a0, imm). */
#define TEST_RI_RD1(n, op, expected, v1, imm)       \
        TEST_CODE(n, expected, li a0, v1; op a0, a0, imm)

/* x0 as rs1: a0 = op(0, imm). */
#define TEST_RI_ZS1(n, op, expected, imm)           \
        TEST_CODE(n, expected, op a0, zero, imm)

/* x0 as destination. */
#define TEST_RI_ZD(n, op, v1, imm)                  \
        TEST_CASE(n); li a1, v1;                    \
        op zero, a1, imm;                           \
        CHECK(zero, 0)

/* ---- branches ---- */

/* Branch `br v1, v2` must be taken (forward target). */
#define TEST_BR_T(n, br, v1, v2)                    \
        TEST_CASE(n); li a1, v1; li a2, v2;         \
        br a1, a2, 2f;                              \
        j fail;                                     \
2:      BREAK_POINT(n)

/* Branch `br v1, v2` must fall through. */
#define TEST_BR_N(n, br, v1, v2)                    \
        TEST_CASE(n); li a1, v1; li a2, v2;         \
        br a1, a2, 2f;                              \
        j 3f;                                       \
2:      j fail;                                     \
3:      BREAK_POINT(n)

/* ---- loads and stores ---- */

/* a0 = load(base + off) where base = address of label `lab`. */
#define TEST_LD(n, ld, expected, off, lab)          \
        TEST_CODE(n, expected, la a1, lab; ld a0, off(a1))

/* ---- trap handling for tests that expect traps ----
 * EXPECT_TRAP installs __ut_trap as mtvec. The handler records mcause in s10, mtval in s11 and
 * mepc in s9, then resumes at mepc + insn length (2 or 4, taken from the trapping instruction's
 * low bits). It clobbers t0-t2. Before an instruction that should trap, TRAP_ARM sets
 * s9 = s10 = s11 = -1 (s10 = -1 afterwards means "no trap").
 */
#define EXPECT_TRAP                                 \
        la t0, __ut_trap;                           \
        csrw mtvec, t0

#define TRAP_ARM li s10, -1; li s11, -1; li s9, -1

/* Align to 4 bytes even after compressed code while .option norvc is in effect (GAS then assumes
 * the location is already 4-byte aligned and pads nothing). */
#define ALIGN4 .option push; .option rvc; .balign 4; .option pop

/* Emit the handler (once per file, outside the straight-line test body). mtvec needs 4-byte
 * alignment. */
#define UT_TRAP_HANDLER                             \
        ALIGN4;                                     \
__ut_trap:                                          \
        csrr s10, mcause;                           \
        csrr s11, mtval;                            \
        csrr t0, mepc;                              \
        mv s9, t0;                                  \
        lhu t1, 0(t0);                              \
        andi t1, t1, 3;                             \
        addi t0, t0, 2;                             \
        li t2, 3;                                   \
        bne t1, t2, 1f;                             \
        addi t0, t0, 2;                             \
1:      csrw mepc, t0;                              \
        mret

#endif
