/* Exception delegation with medeleg: traps from S and U go to stvec with scause/sepc/stval and the
 * sstatus SPP/SPIE/SIE update; traps in M never delegate (privileged spec 1.12, 3.1.8, 4.1.1). */
#include "test.h"
#include "priv_macros.h"

#define UNMAPPED 0x40000000
#define MARK_S   0x55                   /* s5 after a trap taken by deleg_strap */

/* insn, run in the current mode, must trap to S (deleg_strap) with cause c and sepc at insn. */
#define S_TRAP_CASE(c, insn...)                     \
        li s5, 0;                                   \
        TRAP_CASE(c, insn);                         \
        CHECK(s5, MARK_S)
/* From S (after a delegated trap), back to M by an ecall, which is not delegated (label 7). */
#define S_TO_M                                      \
        la s11, 7f;                                 \
        ecall;                                      \
        j fail;                                     \
7:      CHECK(s8, CAUSE_ECALL_S)
/* The same by a store access fault, while ecall from S is delegated (label 7). */
#define S_TO_M_STORE                                \
        la s11, 7f;                                 \
        li t0, UNMAPPED;                            \
        sd zero, 0(t0);                             \
        j fail;                                     \
7:      CHECK(s8, CAUSE_STORE_ACCESS)
/* insn must trap to M (priv_mtrap). */
#define M_TRAP_CASE(c, insn...)                     \
        li s5, 0;                                   \
        TRAP_CASE(c, insn);                         \
        CHECK(s5, 0)

        TEST_BEGIN
        PRIV_INIT
        la t0, deleg_strap
        csrw stvec, t0
        li t0, (1 << CAUSE_FETCH_ACCESS) | (1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_MISALIGNED_LOAD) | (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_STORE_ACCESS) | (1 << CAUSE_ECALL_U)
        csrw medeleg, t0                /* ecall from S stays with M: the way back */

        TEST_CASE(2)                    /* ecall from U -> S */
        GO_U(1f)
1:      S_TRAP_CASE(CAUSE_ECALL_U, ecall)
        CHECK(s10, 0)
        li t0, MSTATUS_SPP              /* from U */
        and a0, s7, t0
        CHECK(a0, 0)
        S_TO_M

        TEST_CASE(3)                    /* ecall from S -> S; SPP = S, SPIE = old SIE (1), SIE = 0 */
        li t0, MSTATUS_SIE
        csrs mstatus, t0
        li t0, 1 << CAUSE_ECALL_S
        csrs medeleg, t0
        li t0, 1 << CAUSE_STORE_ACCESS
        csrc medeleg, t0
        GO_S(1f)
1:      S_TRAP_CASE(CAUSE_ECALL_S, ecall)
        CHECK(s10, 0)
        li t0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
        and a0, s7, t0
        CHECK(a0, MSTATUS_SPP | MSTATUS_SPIE)
        csrr a0, sstatus
        and a0, a0, t0
        CHECK(a0, MSTATUS_SPP | MSTATUS_SPIE)

        TEST_CASE(4)                    /* ... and with SIE = 0: SPIE = 0 */
        S_TRAP_CASE(CAUSE_ECALL_S, ecall)
        li t0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
        and a0, s7, t0
        CHECK(a0, MSTATUS_SPP)
        S_TO_M_STORE
        li t0, 1 << CAUSE_ECALL_S
        csrc medeleg, t0
        li t0, 1 << CAUSE_STORE_ACCESS
        csrs medeleg, t0

        TEST_CASE(5)                    /* illegal instruction from U: stval = instruction */
        GO_U(1f)
1:      S_TRAP_CASE(CAUSE_ILLEGAL, csrr a0, sstatus)
        CHECK_TVAL_INSN32(8b)
        S_TO_M
        GO_U(1f)
1:      S_TRAP_CASE(CAUSE_ILLEGAL, .word 0xfe000033)
        CHECK(s10, 0xfe000033)
        S_TO_M

        TEST_CASE(6)                    /* illegal instruction from S (M CSR) */
        GO_S(1f)
1:      S_TRAP_CASE(CAUSE_ILLEGAL, csrr a0, mstatus)
        CHECK_TVAL_INSN32(8b)
        S_TO_M

        TEST_CASE(7)                    /* breakpoint from S and U */
        GO_S(1f)
1:      S_TRAP_CASE(CAUSE_BREAKPOINT, ebreak)
        S_TO_M
        GO_U(1f)
1:      S_TRAP_CASE(CAUSE_BREAKPOINT, c.ebreak)
        S_TO_M

        TEST_CASE(8)                    /* access faults: stval = address */
        li a1, UNMAPPED
        GO_S(1f)
1:      S_TRAP_CASE(CAUSE_LOAD_ACCESS, ld a0, 0x18(a1))
        CHECK(s10, UNMAPPED + 0x18)
        S_TO_M
        GO_U(1f)
1:      S_TRAP_CASE(CAUSE_STORE_ACCESS, sw a0, 0x24(a1))
        CHECK(s10, UNMAPPED + 0x24)
        S_TO_M
        GO_U(1f)
1:      li t0, UNMAPPED + 0x200
        li s5, 0
        la s11, 2f
        jr t0
2:      CHECK(s5, MARK_S)
        CHECK(s8, CAUSE_FETCH_ACCESS)
        CHECK(s9, UNMAPPED + 0x200)
        CHECK(s10, UNMAPPED + 0x200)
        S_TO_M

        TEST_CASE(9)                    /* misaligned LR from U */
        la a1, data + 4
        GO_U(1f)
1:      S_TRAP_CASE(CAUSE_MISALIGNED_LOAD, lr.d a0, (a1))
        CHECK_TVAL_LABEL(data + 4)
        S_TO_M

        TEST_CASE(10)                   /* traps in M never delegate */
        M_TRAP_CASE(CAUSE_ILLEGAL, .word 0xfe000033)
        M_TRAP_CASE(CAUSE_BREAKPOINT, ebreak)
        li a1, UNMAPPED
        M_TRAP_CASE(CAUSE_LOAD_ACCESS, ld a0, 0(a1))
        csrr t0, medeleg
        li t1, 1 << CAUSE_ECALL_M       /* even if medeleg[11] were writable */
        or t0, t0, t1
        csrw medeleg, t0
        M_TRAP_CASE(CAUSE_ECALL_M, ecall)
        csrc medeleg, t1

        TEST_CASE(11)                   /* causes not delegated go to M from S and U */
        li t0, 1 << CAUSE_ECALL_U
        csrc medeleg, t0
        GO_U(1f)
1:      M_TRAP_CASE(CAUSE_ECALL_U, ecall)
        li a1, UNMAPPED
        li t0, 1 << CAUSE_LOAD_ACCESS
        csrc medeleg, t0
        GO_S(1f)
1:      M_TRAP_CASE(CAUSE_LOAD_ACCESS, ld a0, 0(a1))
        CHECK(s10, UNMAPPED)

        TEST_CASE(12)                   /* the S handler returns with sret to U */
        GO_U(1f)
1:      li s5, 0
        la s11, 2f
3:      .word 0xfe000033                /* delegated: handled in S */
4:      li s5, 0x77                     /* back in U after sret */
        la s11, 5f
6:      ecall                           /* ecall from U now goes to M */
        j fail
2:      CHECK(s5, MARK_S)
        CHECK_TRAP(CAUSE_ILLEGAL, 3b)
        csrr t0, sepc
        addi t0, t0, 4
        csrw sepc, t0
        sret
5:      CHECK(s8, CAUSE_ECALL_U)
        CHECK(s5, 0x77)
        la t0, 6b
        bne s9, t0, fail

        TEST_CASE(13)                   /* vectored stvec: exceptions still go to BASE */
        la t0, svec
        ori t0, t0, 1
        csrw stvec, t0
        GO_U(1f)
1:      S_TRAP_CASE(CAUSE_ILLEGAL, .word 0xfe000033)
        S_TO_M
        GO_S(1f)
1:      S_TRAP_CASE(CAUSE_BREAKPOINT, ebreak)
        S_TO_M

        TEST_END

        .text
        .align 2
deleg_strap:
        li s5, MARK_S
        j priv_strap

        .align 8
svec:                                   /* BASE: exceptions */
        .option push
        .option norvc
        j deleg_strap
        .rept 15
        j fail                          /* any interrupt offset */
        .endr
        .option pop

        .data
        .align 3
data:   .dword 0
