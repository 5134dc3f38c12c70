/* Sv57 translation: five-level walks to 4 KiB pages and megapages, gigapages, terapages and petapages,
 * misaligned superpages, Sv57 canonical addresses (privileged spec 1.12, 4.6). */
#include "test.h"
#include "priv_macros.h"

#define VA_4K        0x40200000         /* root[0] -> l3[0] -> l2[1] -> l1[1] -> l0[0]: SCRATCH1 */
#define VA_MEGA      0x40000000         /* l1[0]: megapage SCRATCH0 */
#define VA_TERA      0x8000000000       /* l3[1]: terapage -> 0 */
#define VA_TERA_HI   0x800000000000     /* l3[256]: terapage -> 0 (non-canonical under Sv48) */
#define VA_TERA_MIS  0x10000000000      /* l3[2]: terapage -> 0x80000000 */
#define VA_PETA      0x1000000000000    /* root[1]: petapage -> 0 */
#define VA_PETA_MIS  0x2000000000000    /* root[2]: petapage -> 0x80000000 */
#define VA_NONLEAF0  0x3000000000000    /* root[3] -> l3b -> l2b -> l1b -> l0b -> pointer at level 0 */

#define PF_CASE(c, va, insn...)                     \
        TRAP_CASE(c, insn);                         \
        CHECK(s10, va)

        TEST_BEGIN
        PRIV_INIT
        li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
        csrw medeleg, t0

        li t0, SCRATCH0
        li t1, 0x1111222233334444
        sd t1, 0x100(t0)
        li t0, SCRATCH1
        li t1, 0x5555666677778888
        sd t1, 0x10(t0)

        PTE_SYM(root, 0, l3, PTE_V)
        PTE_PA(root, 1, 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_SYM(root, 3, l3b, PTE_V)
        PTE_SYM(l3, 0, l2, PTE_V)
        PTE_PA(l3, 1, 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_PA(l3, 2, 0x80000000, PTE_LEAF)
        PTE_PA(l3, 256, 0, PTE_V | PTE_R | PTE_A)
        PTE_SYM(l2, 1, l1, PTE_V)
        PTE_PA(l2, 2, 0x80000000, PTE_LEAF)
        PTE_PA(l1, 0, SCRATCH0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_PA(l0, 0, SCRATCH1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_SYM(l3b, 0, l2b, PTE_V)
        PTE_SYM(l2b, 0, l1b, PTE_V)
        PTE_SYM(l1b, 0, l0b, PTE_V)
        PTE_SYM(l0b, 0, l0, PTE_V)

        TEST_CASE(2)                    /* satp holds mode 10 */
        SATP_SET(SATP_MODE_SV57, root)
        csrr a0, satp
        la a1, root
        srli a1, a1, 12
        li t0, SATP_MODE_SV57
        or a1, a1, t0
        bne a0, a1, fail

        TEST_CASE(3)                    /* S runs through the identity gigapage at level 2 */
        GO_S(1f)
1:      la a1, ddata
        ld a0, 0(a1)
        CHECK(a0, 0x0123456789abcdef)

        TEST_CASE(4)                    /* 4 KiB page after five levels, and a megapage */
        li a1, VA_4K
        ld a0, 0x10(a1)
        CHECK(a0, 0x5555666677778888)
        li a2, 0x5757
        sd a2, 0x18(a1)
        li a1, SCRATCH1
        ld a0, 0x18(a1)
        CHECK(a0, 0x5757)
        li a1, VA_MEGA
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)

        TEST_CASE(5)                    /* terapages */
        li a1, VA_TERA + SCRATCH0
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)
        li a1, VA_TERA_HI + SCRATCH0
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)
        PF_CASE(CAUSE_STORE_PAGE, VA_TERA_HI + SCRATCH0 + 0x100, sd a0, 0x100(a1))   /* read-only */

        TEST_CASE(6)                    /* petapage: VA 2^48 + PA */
        li a1, VA_PETA + SCRATCH0
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)
        li a2, 0x7575
        sd a2, 0x128(a1)
        li a1, SCRATCH0
        ld a0, 0x128(a1)
        CHECK(a0, 0x7575)
        li a1, VA_PETA + 0x80000000     /* no X */
        la s11, 2f
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, VA_PETA + 0x80000000)

        TEST_CASE(7)                    /* misaligned terapage and petapage */
        li a1, VA_TERA_MIS + 0x80000000
        PF_CASE(CAUSE_LOAD_PAGE, VA_TERA_MIS + 0x80000000, ld a0, 0(a1))
        li a1, VA_PETA_MIS + 0x80000000
        PF_CASE(CAUSE_LOAD_PAGE, VA_PETA_MIS + 0x80000000, ld a0, 0(a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_PETA_MIS + 0x80000000, sd a0, 0(a1))
        la s11, 2f
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, VA_PETA_MIS + 0x80000000)

        TEST_CASE(8)                    /* a pointer at level 0 after five levels */
        li a1, VA_NONLEAF0
        PF_CASE(CAUSE_LOAD_PAGE, VA_NONLEAF0 + 0x18, ld a0, 0x18(a1))

        TEST_CASE(9)                    /* non-canonical: bits 63:57 must equal bit 56 */
        li a1, 0x0100000000000000
        PF_CASE(CAUSE_LOAD_PAGE, 0x0100000000000000, ld a0, 0(a1))
        li a1, 0x0200000080000000
        PF_CASE(CAUSE_STORE_PAGE, 0x0200000080000000, sd a0, 0(a1))
        li a1, 0xfe00000080000000
        la s11, 2f
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, 0xfe00000080000000)

        TEST_CASE(10)                   /* canonical upper half: root[256] invalid */
        li a1, 0xff00000000000000
        PF_CASE(CAUSE_LOAD_PAGE, 0xff00000000000000, ld a0, 0(a1))

        TEST_CASE(11)                   /* unmapped at levels 4 and 3 */
        li a1, 0x4000000000000          /* root[4] */
        PF_CASE(CAUSE_LOAD_PAGE, 0x4000000000000, ld a0, 0(a1))
        li a1, 0x18000000000            /* l3[3] */
        PF_CASE(CAUSE_LOAD_PAGE, 0x18000000000, ld a0, 0(a1))

        TEST_CASE(12)                   /* the same root under Sv48: one level less, 2^48 non-canonical */
        csrr s5, satp
        la t1, root
        srli t1, t1, 12
        li t0, SATP_MODE_SV48
        or t1, t1, t0
        csrw satp, t1
        sfence.vma
        csrr a0, satp
        srli a0, a0, 60
        CHECK(a0, 9)
        la a1, ddata                    /* root[0] -> l3[2]: now a gigapage, the identity map */
        ld a0, 0(a1)
        CHECK(a0, 0x0123456789abcdef)
        li a1, VA_PETA + SCRATCH0
        PF_CASE(CAUSE_LOAD_PAGE, VA_PETA + SCRATCH0, ld a0, 0(a1))
        csrw satp, s5
        sfence.vma
        li a1, VA_PETA + SCRATCH0
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)

        TEST_END

        PAGE_TABLE(root)
        PAGE_TABLE(l3)
        PAGE_TABLE(l2)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
        PAGE_TABLE(l3b)
        PAGE_TABLE(l2b)
        PAGE_TABLE(l1b)
        PAGE_TABLE(l0b)

        .data
        .align 3
ddata:  .dword 0x0123456789abcdef
