/* Shared macros for vhart's guest ISA tests: start-up, HTIF pass/fail reporting and checks.
 *
 * Convention: a test program starts in M-mode at _start (0x80000000). TEST_BEGIN makes PMP
 * entry 15 a catch-all NAPOT RWX region, as firmware does, because S- and U-mode accesses that
 * match no PMP entry fail (privileged spec 3.7.1); lower entries still take precedence. It reports through the
 * Spike-compatible HTIF mailbox `tohost`: 1 means pass; (N << 1) | 1 means test case N failed,
 * so the emulator's exit status is N. Any trap that the test did not expect ends the run with
 * status 1000 + mcause (mcause's low bits) via the default trap handler.
 */
#ifndef VHART_ISA_TEST_H
#define VHART_ISA_TEST_H

/* Register holding the current test case number (reported on failure). */
#define TESTNUM gp

/* Start of a test program: default trap handler, clean state, then falls into the test body. */
#define TEST_BEGIN                                  \
        .section .text.init;                        \
        .globl _start;                              \
_start:                                             \
        la t0, __default_trap;                      \
        csrw mtvec, t0;                             \
        li t0, -1;                                  \
        csrw pmpaddr15, t0;                         \
        li t0, 0x1f00000000000000;                  \
        csrs pmpcfg2, t0;                           \
        li TESTNUM, 0;                              \
        j __test_body;                              \
        .align 2;                                   \
__default_trap:                                     \
        csrr t0, mcause;                            \
        andi t0, t0, 0x3ff;                         \
        addi t0, t0, 1000;                          \
        slli t0, t0, 1;                             \
        ori t0, t0, 1;                              \
        la t1, tohost;                              \
        sd t0, 0(t1);                               \
1:      j 1b;                                       \
        .text;                                      \
__test_body:

/* Report success and stop. */
#define TEST_PASS                                   \
        li t0, 1;                                   \
        la t1, tohost;                              \
        sd t0, 0(t1);                               \
1:      j 1b

/* Report failure of the current test case (TESTNUM) and stop. */
#define TEST_FAIL                                   \
        slli t0, TESTNUM, 1;                        \
        ori t0, t0, 1;                              \
        la t1, tohost;                              \
        sd t0, 0(t1);                               \
1:      j 1b

/* End of a test program: the pass path, the fail target and the HTIF mailbox. */
#define TEST_END                                    \
        TEST_PASS;                                  \
fail:                                               \
        TEST_FAIL;                                  \
        .pushsection .tohost, "aw", @progbits;      \
        .align 6; .globl tohost; tohost: .dword 0; .size tohost, 8; \
        .align 6; .globl fromhost; fromhost: .dword 0; .size fromhost, 8; \
        .popsection

/* Set the case number; checks after it report this number on failure. */
#define TEST_CASE(n) li TESTNUM, n

/* Compare register r with the 64-bit constant v; jump to fail on mismatch (clobbers t6). */
#define CHECK(r, v)                                 \
        li t6, v;                                   \
        bne r, t6, fail

/* One case: run `code`, which leaves its result in a0, then check a0 == expected. */
#define TEST_CODE(n, expected, code...)             \
        TEST_CASE(n);                               \
        code;                                       \
        CHECK(a0, expected)

/* Register-register op: a0 = op(v1, v2). */
#define TEST_RR(n, op, expected, v1, v2)            \
        TEST_CODE(n, expected, li a1, v1; li a2, v2; op a0, a1, a2)

/* Register-immediate op: a0 = op(v1, imm). */
#define TEST_RI(n, op, expected, v1, imm)           \
        TEST_CODE(n, expected, li a1, v1; op a0, a1, imm)

#endif
