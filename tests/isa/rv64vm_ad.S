/* Hardware A/D bit updates under Sv39: loads and fetches set A, stores and AMOs set A and D, faulting
 * accesses and pointer PTEs change nothing (privileged spec 1.12, 4.3.1 and 4.3.2 steps 5-8). */
#include "test.h"
#include "priv_macros.h"

#define PTE_OF(pa, flags) ((((pa) >> 12) << 10) | (flags))
#define RW (PTE_V | PTE_R | PTE_W)

#define VA_MEGA  0x40000000             /* l1[0]: megapage SCRATCH0, RW, A = D = 0 */
#define VA_P0    0x40200000             /* l0[0]: RW */
#define VA_P1    0x40201000             /* l0[1]: RW */
#define VA_RO    0x40202000             /* l0[2]: R */
#define VA_X     0x40203000             /* l0[3]: X (afunc) */
#define VA_A     0x40204000             /* l0[4]: RW, A = 1, D = 0 */
#define VA_AMO   0x40205000             /* l0[5]: RW */
#define VA_U     0x40206000             /* l0[6]: RW, U */
#define VA_LRSC  0x40207000             /* l0[7]: RW */
#define VA_NOA   0x40208000             /* l0[8]: R with A = 1 cleared later */

/* a0 = l0[idx] (clobbers t0, t2) */
#define L0(idx) PTE_LOAD(a0, l0, idx)

#define PF_CASE(c, va, insn...)                     \
        TRAP_CASE(c, insn);                         \
        CHECK(s10, va)

        TEST_BEGIN
        PRIV_INIT
        li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
        csrw medeleg, t0

        PTE_SYM(root, 1, l1, PTE_V)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_PA(l1, 0, SCRATCH0, RW)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_PA(l0, 0, SCRATCH1, RW)
        PTE_PA(l0, 1, SCRATCH1 + 0x1000, RW)
        PTE_PA(l0, 2, SCRATCH1 + 0x2000, PTE_V | PTE_R)
        PTE_SYM(l0, 3, afunc, PTE_V | PTE_X)
        PTE_PA(l0, 4, SCRATCH1 + 0x4000, RW | PTE_A)
        PTE_PA(l0, 5, SCRATCH1 + 0x5000, RW)
        PTE_PA(l0, 6, SCRATCH1 + 0x6000, RW | PTE_U)
        PTE_PA(l0, 7, SCRATCH1 + 0x7000, RW)
        PTE_PA(l0, 8, SCRATCH1 + 0x8000, PTE_V | PTE_R)
        SATP_SET(SATP_MODE_SV39, root)
        GO_S(1f)
1:

        TEST_CASE(2)                    /* a load sets A only */
        li a1, VA_P0
        ld a2, 0(a1)
        L0(0)
        CHECK(a0, PTE_OF(SCRATCH1, RW | PTE_A))

        TEST_CASE(3)                    /* a store sets A and D */
        li a1, VA_P1
        sd a2, 8(a1)
        L0(1)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x1000, RW | PTE_A | PTE_D))

        TEST_CASE(4)                    /* a store that faults on W changes nothing */
        li a1, VA_RO
        PF_CASE(CAUSE_STORE_PAGE, VA_RO + 0x10, sd a2, 0x10(a1))
        L0(2)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x2000, PTE_V | PTE_R))

        TEST_CASE(5)                    /* ... and a load from it then sets A, not D */
        ld a2, 0x10(a1)
        L0(2)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x2000, PTE_V | PTE_R | PTE_A))

        TEST_CASE(6)                    /* an instruction fetch sets A */
        li a1, VA_X
        jalr ra, a1
        CHECK(a0, 0x66)
        la t1, afunc
        srli t1, t1, 12
        slli t1, t1, 10
        ori t1, t1, PTE_V | PTE_X | PTE_A
        L0(3)
        bne a0, t1, fail

        TEST_CASE(7)                    /* a store to a page with A already set sets D */
        li a1, VA_A
        sw a2, 0(a1)
        L0(4)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x4000, RW | PTE_A | PTE_D))

        TEST_CASE(8)                    /* megapage: A on load, then D on store; pointers untouched */
        li a1, VA_MEGA
        ld a2, 0x40(a1)
        PTE_LOAD(a0, l1, 0)
        CHECK(a0, PTE_OF(SCRATCH0, RW | PTE_A))
        sd a2, 0x48(a1)
        PTE_LOAD(a0, l1, 0)
        CHECK(a0, PTE_OF(SCRATCH0, RW | PTE_A | PTE_D))
        PTE_LOAD(a0, l1, 1)
        la t1, l0
        srli t1, t1, 12
        slli t1, t1, 10
        ori t1, t1, PTE_V
        bne a0, t1, fail
        PTE_LOAD(a0, root, 1)
        la t1, l1
        srli t1, t1, 12
        slli t1, t1, 10
        ori t1, t1, PTE_V
        bne a0, t1, fail

        TEST_CASE(9)                    /* an AMO sets A and D */
        li a1, VA_AMO
        li a2, 3
        amoadd.d a0, a2, (a1)
        L0(5)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x5000, RW | PTE_A | PTE_D))

        TEST_CASE(10)                   /* S load from a U page without SUM faults: A stays 0 */
        li a1, VA_U
        PF_CASE(CAUSE_LOAD_PAGE, VA_U, ld a0, 0(a1))
        L0(6)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x6000, RW | PTE_U))

        TEST_CASE(11)                   /* LR sets A; a successful SC sets D */
        li a1, VA_LRSC
        lr.d a2, (a1)
        L0(7)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x7000, RW | PTE_A))
        li a1, VA_LRSC
        lr.d a2, (a1)
        sc.d a3, a2, (a1)
        CHECK(a3, 0)
        L0(7)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x7000, RW | PTE_A | PTE_D))

        TEST_CASE(12)                   /* software clears A, fences, and the next load sets it again */
        li a1, VA_NOA
        ld a2, 0(a1)
        L0(8)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x8000, PTE_V | PTE_R | PTE_A))
        PTE_PA(l0, 8, SCRATCH1 + 0x8000, PTE_V | PTE_R)
        sfence.vma
        li a1, VA_NOA
        ld a2, 8(a1)
        L0(8)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x8000, PTE_V | PTE_R | PTE_A))

        TEST_CASE(13)                   /* software clears D, fences, and the next store sets it again */
        PTE_PA(l0, 1, SCRATCH1 + 0x1000, RW | PTE_A)
        sfence.vma
        li a1, VA_P1
        ld a2, 8(a1)                    /* a load leaves D clear */
        L0(1)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x1000, RW | PTE_A))
        sd a2, 16(a1)
        L0(1)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x1000, RW | PTE_A | PTE_D))

        TEST_CASE(14)                   /* M-mode access with MPRV = 1, MPP = S is translated and sets A */
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        PTE_PA(l0, 0, SCRATCH1, RW)
        sfence.vma
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S | MSTATUS_MPRV
        csrs mstatus, t0
        li a1, VA_P0
        ld a2, 0(a1)
        li t0, MSTATUS_MPRV
        csrc mstatus, t0
        L0(0)
        CHECK(a0, PTE_OF(SCRATCH1, RW | PTE_A))

        TEST_END

        .text
        .align 12
afunc:  li a0, 0x66
        ret
        .align 12

        PAGE_TABLE(root)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
