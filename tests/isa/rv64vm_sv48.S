/* Sv48 translation: four-level walks to 4 KiB pages, megapages, gigapages and terapages, misaligned
 * superpages, pointers at the last level, Sv48 canonical addresses (privileged spec 1.12, 4.5). */
#include "test.h"
#include "priv_macros.h"

#define VA_4K        0x40200000         /* root[0] -> l2[1] -> l1[1] -> l0[0]: SCRATCH1, RW */
#define VA_4K_RO     0x40201000         /* l0[1]: SCRATCH1 + 0x1000, R */
#define VA_MEGA      0x40000000         /* l1[0]: megapage SCRATCH0, RW */
#define VA_MEGA_MIS  0x40400000         /* l1[2]: megapage with PPN[0] != 0 */
#define VA_GIGA_MIS  0x100000000        /* l2[4]: gigapage with PPN[1] != 0 */
#define VA_TERA      0x8000000000       /* root[1]: terapage -> 0, RW (non-canonical under Sv39) */
#define VA_TERA_MIS  0x10000000000      /* root[2]: terapage -> 0x80000000 (PPN[2:0] != 0) */
#define VA_NONLEAF0  0x18000000000      /* root[3] -> l2b -> l1b -> l0b -> pointer at level 0 */

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
        li t0, SCRATCH1 + 0x1000
        li t1, 0x9999aaaabbbbcccc
        sd t1, 0x20(t0)

        PTE_SYM(root, 0, l2, PTE_V)
        PTE_PA(root, 1, 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_SYM(root, 3, l2b, PTE_V)
        PTE_SYM(l2, 1, l1, PTE_V)
        PTE_PA(l2, 2, 0x80000000, PTE_LEAF)
        PTE_PA(l2, 4, 0x80200000, PTE_LEAF)
        PTE_PA(l1, 0, SCRATCH0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_PA(l1, 2, SCRATCH0 + 0x1000, PTE_LEAF)
        PTE_PA(l0, 0, SCRATCH1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_PA(l0, 1, SCRATCH1 + 0x1000, PTE_V | PTE_R | PTE_A)
        PTE_SYM(l2b, 0, l1b, PTE_V)
        PTE_SYM(l1b, 0, l0b, PTE_V)
        PTE_SYM(l0b, 0, l0, PTE_V)

        TEST_CASE(2)                    /* satp holds mode 9 */
        SATP_SET(SATP_MODE_SV48, root)
        csrr a0, satp
        srli a0, a0, 60
        CHECK(a0, 9)
        csrr a0, satp
        la a1, root
        srli a1, a1, 12
        li t0, SATP_MODE_SV48
        or a1, a1, t0
        bne a0, a1, fail

        TEST_CASE(3)                    /* S runs through the identity gigapage at level 2 */
        GO_S(1f)
1:      la a1, ddata
        ld a0, 0(a1)
        CHECK(a0, 0x0123456789abcdef)

        TEST_CASE(4)                    /* 4 KiB pages after a four-level walk */
        li a1, VA_4K
        ld a0, 0x10(a1)
        CHECK(a0, 0x5555666677778888)
        li a2, 0x3131
        sd a2, 0x18(a1)
        li a1, SCRATCH1
        ld a0, 0x18(a1)
        CHECK(a0, 0x3131)
        li a1, VA_4K_RO
        ld a0, 0x20(a1)
        CHECK(a0, 0x9999aaaabbbbcccc)
        PF_CASE(CAUSE_STORE_PAGE, VA_4K_RO + 0x20, sd a0, 0x20(a1))

        TEST_CASE(5)                    /* megapage */
        li a1, VA_MEGA
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)

        TEST_CASE(6)                    /* terapage: VA 0x80_0000_0000 + PA */
        li a1, VA_TERA + SCRATCH0
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)
        li a2, 0x6543
        sd a2, 0x120(a1)
        li a1, SCRATCH0
        ld a0, 0x120(a1)
        CHECK(a0, 0x6543)
        la s11, 2f                      /* no X in the terapage */
        li a1, VA_TERA + 0x80000000
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_TERA + 0x80000000)
        CHECK(s10, VA_TERA + 0x80000000)

        TEST_CASE(7)                    /* misaligned megapage, gigapage, terapage */
        li a1, VA_MEGA_MIS
        PF_CASE(CAUSE_LOAD_PAGE, VA_MEGA_MIS + 8, ld a0, 8(a1))
        li a1, VA_GIGA_MIS
        PF_CASE(CAUSE_STORE_PAGE, VA_GIGA_MIS + 8, sd a0, 8(a1))
        li a1, VA_TERA_MIS + 0x80000000
        PF_CASE(CAUSE_LOAD_PAGE, VA_TERA_MIS + 0x80000000, ld a0, 0(a1))
        la s11, 2f
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, VA_TERA_MIS + 0x80000000)

        TEST_CASE(8)                    /* a pointer at level 0 after four levels */
        li a1, VA_NONLEAF0
        PF_CASE(CAUSE_LOAD_PAGE, VA_NONLEAF0 + 0x10, ld a0, 0x10(a1))

        TEST_CASE(9)                    /* non-canonical: bits 63:48 must equal bit 47 */
        li a1, 0x0000800000000000
        PF_CASE(CAUSE_LOAD_PAGE, 0x0000800000000000, ld a0, 0(a1))
        li a1, 0x0001000080000000
        PF_CASE(CAUSE_STORE_PAGE, 0x0001000080000000, sd a0, 0(a1))
        li a1, 0xffff000080000000
        PF_CASE(CAUSE_LOAD_PAGE, 0xffff000080000000, lw a0, 0(a1))
        la s11, 2f
        li a1, 0x8000000080000000
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, 0x8000000080000000)

        TEST_CASE(10)                   /* canonical upper half: root[256] invalid */
        li a1, 0xffff800000000000
        PF_CASE(CAUSE_LOAD_PAGE, 0xffff800000000000, ld a0, 0(a1))

        TEST_CASE(11)                   /* unmapped entries at each level */
        li a1, 0x20000000000            /* root[4]: V = 0 */
        PF_CASE(CAUSE_LOAD_PAGE, 0x20000000000, ld a0, 0(a1))
        li a1, 0x140000000              /* l2[5]: V = 0 */
        PF_CASE(CAUSE_LOAD_PAGE, 0x140000000, ld a0, 0(a1))
        li a1, 0x40600000               /* l1[3]: V = 0 */
        PF_CASE(CAUSE_LOAD_PAGE, 0x40600000, ld a0, 0(a1))
        li a1, 0x40202800               /* l0[2]: V = 0 */
        PF_CASE(CAUSE_STORE_PAGE, 0x40202ff8, sd a0, 0x7f8(a1))

        TEST_CASE(12)                   /* sfence.vma after a PTE change, at level 0 */
        la t0, l0
        li t1, ((SCRATCH1 + 0x1000) >> 12 << 10) | PTE_V | PTE_R | PTE_A
        sd t1, 2 * 8(t0)
        sfence.vma
        li a1, 0x40202000
        ld a0, 0x20(a1)
        CHECK(a0, 0x9999aaaabbbbcccc)

        TEST_CASE(13)                   /* switching from Sv48 to Sv39 in S: the terapage address becomes
                                         * non-canonical, the identity map survives (same root[2]) */
        csrr s5, satp
        la t1, root
        srli t1, t1, 12
        li t0, SATP_MODE_SV39
        or t1, t1, t0
        csrw satp, t1
        sfence.vma
        la a1, ddata                    /* Sv39 root[2]: the identity gigapage */
        ld a0, 0(a1)
        CHECK(a0, 0x0123456789abcdef)
        li a1, VA_TERA + SCRATCH0
        PF_CASE(CAUSE_LOAD_PAGE, VA_TERA + SCRATCH0 + 0x100, ld a0, 0x100(a1))
        csrw satp, s5
        sfence.vma
        li a1, VA_TERA + SCRATCH0
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)

        TEST_END

        PAGE_TABLE(root)
        PAGE_TABLE(l2)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
        PAGE_TABLE(l2b)
        PAGE_TABLE(l1b)
        PAGE_TABLE(l0b)

        .data
        .align 3
ddata:  .dword 0x0123456789abcdef
