/* Svadu hardware A/D updates (privileged spec, "Svadu"): menvcfg.ADUE is writable and vhart resets it
 * to 1 (docs/isa.md: OpenSBI 1.1 never sets it); with ADUE = 1 accesses set A and D; with ADUE = 0 an
 * access that would need A or D set is a page fault and the PTE is left as it was, while accesses
 * that need no update proceed. vhart-only: QEMU 7.2 has no Svadu. */
#include "test.h"
#include "priv_macros.h"

#define PTE_OF(pa, flags) ((((pa) >> 12) << 10) | (flags))
#define RW (PTE_V | PTE_R | PTE_W)
#define ENVCFG_ADUE (1 << 61)

#define VA_P0   0x40200000              /* l0[0]: RW, A = D = 0 */
#define VA_P1   0x40201000              /* l0[1]: RW, A = D = 0 */
#define VA_A    0x40202000              /* l0[2]: RW, A = 1, D = 0 */
#define VA_AD   0x40203000              /* l0[3]: RW, A = D = 1 */
#define VA_X    0x40204000              /* l0[4]: X, A = 0 (afunc) */

#define L0(idx) PTE_LOAD(a0, l0, idx)
#define PF_CASE(c, va, insn...)                     \
        TRAP_CASE(c, insn);                         \
        CHECK(s10, va)

        TEST_BEGIN
        TEST_CASE(2)                    /* ADUE = 1 out of reset */
        csrr a0, menvcfg
        li t0, ENVCFG_ADUE
        and a0, a0, t0
        CHECK(a0, ENVCFG_ADUE)

        PRIV_INIT
        li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
        csrw medeleg, t0
        PTE_SYM(root, 1, l1, PTE_V)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_PA(l0, 0, SCRATCH1, RW)
        PTE_PA(l0, 1, SCRATCH1 + 0x1000, RW)
        PTE_PA(l0, 2, SCRATCH1 + 0x2000, RW | PTE_A)
        PTE_PA(l0, 3, SCRATCH1 + 0x3000, RW | PTE_A | PTE_D)
        PTE_SYM(l0, 4, afunc, PTE_V | PTE_X)
        SATP_SET(SATP_MODE_SV39, root)
        GO_S(1f)
1:
        TEST_CASE(3)                    /* ADUE = 1: a store sets A and D */
        li a1, VA_P0
        sd a1, 0(a1)
        L0(0)
        CHECK(a0, PTE_OF(SCRATCH1, RW | PTE_A | PTE_D))

        TEST_CASE(4)                    /* ADUE = 0 */
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        li t0, ENVCFG_ADUE
        csrc menvcfg, t0
        csrr a0, menvcfg
        and a0, a0, t0
        CHECK(a0, 0)
        sfence.vma
        GO_S(1f)
1:      li a1, VA_P1                    /* a load needing A faults, PTE unchanged */
        PF_CASE(CAUSE_LOAD_PAGE, VA_P1, ld a0, 0(a1))
        L0(1)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x1000, RW))
        TEST_CASE(5)                    /* a store needing D faults, PTE unchanged */
        li a1, VA_A
        PF_CASE(CAUSE_STORE_PAGE, VA_A + 8, sd a1, 8(a1))
        L0(2)
        CHECK(a0, PTE_OF(SCRATCH1 + 0x2000, RW | PTE_A))
        TEST_CASE(6)                    /* ... a load from that page needs nothing and works */
        ld a0, 8(a1)
        TEST_CASE(7)                    /* a store to an A = D = 1 page works */
        li a1, VA_AD
        li a2, 0x77
        sd a2, 0(a1)
        ld a0, 0(a1)
        CHECK(a0, 0x77)
        TEST_CASE(8)                    /* a fetch needing A faults */
        li a1, VA_X
        la s11, 9f
        jalr ra, a1
        j fail
9:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_X)
        CHECK(s10, VA_X)
        L0(4)
        andi a0, a0, PTE_A
        CHECK(a0, 0)

        TEST_END

        .text
        .align 12
afunc:  li a0, 0x66
        ret
        .align 12

        PAGE_TABLE(root)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
