/* Page faults under Sv39: where they are taken (M or S, by medeleg and origin), their cause, epc and
 * tval from S and U, fetch faults at page ends and after xRET (privileged spec 1.12, 3.1.8, 4.3.2). */
#include "test.h"
#include "priv_macros.h"

#define U_OFFSET   0x40000000           /* root[3]: 0xc0000000 -> 0x80000000 with U */
#define VA_UDATA   0x40200000           /* l0[0]: U, R only */
#define VA_INVALID 0x40201000           /* l0[1]: V = 0 */
#define VA_CPAGE   0x40202000           /* l0[2]: S, X -> cpage; l0[3] invalid */
#define VA_UCPAGE  0x40204000           /* l0[4]: U, X -> cpage; l0[5] invalid */

#define PG_DELEG ((1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE))

/* from S, run the U code at local label 1 through the U alias (clobbers t0, t1) */
#define S_TO_U                                      \
        la t0, 1f;                                  \
        li t1, U_OFFSET;                            \
        add t0, t0, t1;                             \
        csrw sepc, t0;                              \
        li t0, MSTATUS_SPP;                         \
        csrc sstatus, t0;                           \
        sret
/* in U: set the resume label (an identity/physical address) */
#define U_EXPECT(label)                             \
        la s11, label;                              \
        li t0, U_OFFSET;                            \
        sub s11, s11, t0

        TEST_BEGIN
        PRIV_INIT
        li t0, SCRATCH1
        li t1, 0x7777
        sd t1, 0(t0)

        PTE_SYM(root, 1, l1, PTE_V)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_PA(root, 3, 0x80000000, PTE_ULEAF)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_PA(l0, 0, SCRATCH1, PTE_V | PTE_R | PTE_U | PTE_A)
        PTE_SYM(l0, 2, cpage, PTE_V | PTE_X | PTE_A)
        PTE_SYM(l0, 4, cpage, PTE_V | PTE_X | PTE_U | PTE_A)
        SATP_SET(SATP_MODE_SV39, root)

        TEST_CASE(2)                    /* not delegated: S page faults go to M */
        csrw medeleg, zero
        GO_S(1f)
1:      li a1, VA_INVALID
        TRAP_CASE(CAUSE_LOAD_PAGE, ld a0, 0x18(a1))
        CHECK(s10, VA_INVALID + 0x18)
        csrr a0, mtval                  /* we are in M */
        CHECK(a0, VA_INVALID + 0x18)
        li t0, MSTATUS_MPP
        and a0, s7, t0
        CHECK(a0, MSTATUS_MPP_S)

        TEST_CASE(3)                    /* not delegated: U page faults go to M */
        GO_U(1f + U_OFFSET)
1:      U_EXPECT(2f)
        li a1, VA_UDATA
3:      sd a0, 0x20(a1)                 /* R-only page */
        j fail
2:      CHECK(s8, CAUSE_STORE_PAGE)
        la t0, 3b + U_OFFSET
        bne s9, t0, fail
        CHECK(s10, VA_UDATA + 0x20)
        li t0, MSTATUS_MPP
        and a0, s7, t0
        CHECK(a0, 0)

        TEST_CASE(4)                    /* delegated: U page faults go to S, scause/sepc/stval, SPP = U */
        li t0, PG_DELEG
        csrw medeleg, t0
        GO_U(1f + U_OFFSET)
1:      U_EXPECT(2f)
        li a1, VA_INVALID
3:      lw a0, 0x24(a1)
        j fail
2:      CHECK(s8, CAUSE_LOAD_PAGE)
        la t0, 3b + U_OFFSET
        bne s9, t0, fail
        CHECK(s10, VA_INVALID + 0x24)
        csrr a0, scause                 /* we are in S */
        CHECK(a0, CAUSE_LOAD_PAGE)
        li t0, MSTATUS_SPP
        and a0, s7, t0
        CHECK(a0, 0)

        TEST_CASE(5)                    /* delegated: a U fetch fault (U jumps to an S page) */
        S_TO_U
1:      U_EXPECT(2f)
        la a1, cpage                    /* pc-relative: the U alias; minus the offset: the S page */
        li t0, U_OFFSET
        sub a1, a1, t0
        jalr ra, a1
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        la t0, cpage
        bne s9, t0, fail
        bne s10, t0, fail

        TEST_CASE(6)                    /* a compressed instruction ends the page; the next fetch faults */
        li a1, VA_CPAGE + 0xffa
        li a0, 0
        la s11, 2f
        jalr ra, a1
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_CPAGE + 0x1000)
        CHECK(s10, VA_CPAGE + 0x1000)
        CHECK(a0, 3)                    /* the last three instructions of the page ran */

        TEST_CASE(7)                    /* the same from U, through the U mapping of the page */
        S_TO_U
1:      U_EXPECT(2f)
        li a1, VA_UCPAGE + 0xffa
        li a0, 0
        jalr ra, a1
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_UCPAGE + 0x1000)
        CHECK(s10, VA_UCPAGE + 0x1000)
        CHECK(a0, 3)
        li t0, MSTATUS_SPP
        and a0, s7, t0
        CHECK(a0, 0)

        TEST_CASE(8)                    /* sret to an unmapped address: the fault is on the target */
        li t0, VA_INVALID + 0x100
        csrw sepc, t0
        li t0, MSTATUS_SPP
        csrs sstatus, t0
        la s11, 2f
        sret
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_INVALID + 0x100)
        CHECK(s10, VA_INVALID + 0x100)
        li t0, MSTATUS_SPP
        and a0, s7, t0
        CHECK(a0, MSTATUS_SPP)

        TEST_CASE(9)                    /* mret to an unmapped address in S: the fault goes to S */
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        li t1, VA_INVALID + 0x200
        la s11, 2f
        GO_MODE_REG(1, t1)
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_INVALID + 0x200)
        CHECK(s10, VA_INVALID + 0x200)
        csrr a0, scause                 /* in S */
        CHECK(a0, CAUSE_FETCH_PAGE)

        TEST_CASE(10)                   /* M is never translated (MPRV = 0): its fetches and loads ignore satp */
        ECALL_TO_M(2f)
        j fail
2:      li a1, SCRATCH1
        ld a0, 0(a1)
        CHECK(a0, 0x7777)

        TEST_END

        .text
        .align 12
cpage:  .fill 0xffa / 2, 2, 0x9002      /* c.ebreak */
        c.addi a0, 1                    /* cpage + 0xffa */
        c.addi a0, 1
        c.addi a0, 1                    /* cpage + 0xffe: the next fetch is at the next page */
        .align 12

        PAGE_TABLE(root)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
