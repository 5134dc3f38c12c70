/* Sv39 fault details where QEMU 7.2 differs from the privileged spec 1.12 (4.3.2 steps 2 and 5): an AMO
 * on an unmapped page is a store/AMO page fault (QEMU: load page fault), and a PTE that cannot be read
 * (no memory at its physical address) raises an access fault of the original access type (QEMU: page fault). */
#include "test.h"
#include "priv_macros.h"

#define VA_INVALID 0x40201000           /* l0[1]: V = 0 */
#define VA_XONLY   0x40202000           /* l0[2]: X only */
#define VA_UPAGE   0x40203000           /* l0[3]: U, RW */
#define VA_BADPTE  0x40400000           /* l1[2] -> a level-0 table at 0x40000000: no memory */
#define NO_MEMORY  0x40000000

#define PF_CASE(c, va, insn...)                     \
        TRAP_CASE(c, insn);                         \
        CHECK(s10, va)

        TEST_BEGIN
        PRIV_INIT
        li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
        csrw medeleg, t0

        PTE_SYM(root, 1, l1, PTE_V)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_PA(l1, 2, NO_MEMORY, PTE_V)
        PTE_PA(l0, 2, SCRATCH1, PTE_V | PTE_X | PTE_A)
        PTE_PA(l0, 3, SCRATCH1, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
        SATP_SET(SATP_MODE_SV39, root)

        TEST_CASE(2)                    /* AMOs on an invalid page: store/AMO page faults */
        GO_S(1f)
1:      li a1, VA_INVALID
        PF_CASE(CAUSE_STORE_PAGE, VA_INVALID, amoswap.d a0, a2, (a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_INVALID, amoadd.w a0, a2, (a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_INVALID, amoor.d a0, a2, (a1))

        TEST_CASE(3)                    /* AMOs on an execute-only page and on a U page (SUM = 0) */
        li a1, VA_XONLY
        PF_CASE(CAUSE_STORE_PAGE, VA_XONLY, amoadd.d a0, a2, (a1))
        li a1, VA_UPAGE
        PF_CASE(CAUSE_STORE_PAGE, VA_UPAGE, amomax.w a0, a2, (a1))

        TEST_CASE(4)                    /* PTE without memory: access faults (not delegated: to M) */
        li a1, VA_BADPTE
        PF_CASE(CAUSE_LOAD_ACCESS, VA_BADPTE + 0x10, ld a0, 0x10(a1))
        GO_S(1f)
1:      li a1, VA_BADPTE
        PF_CASE(CAUSE_STORE_ACCESS, VA_BADPTE + 0x18, sd a0, 0x18(a1))
        GO_S(1f)
1:      li a1, VA_BADPTE
        PF_CASE(CAUSE_STORE_ACCESS, VA_BADPTE, amoadd.d a0, a2, (a1))
        GO_S(1f)
1:      li a1, VA_BADPTE + 0x40
        la s11, 2f
        jr a1
2:      CHECK(s8, CAUSE_FETCH_ACCESS)
        CHECK(s9, VA_BADPTE + 0x40)
        CHECK(s10, VA_BADPTE + 0x40)

        TEST_CASE(5)                    /* root table without memory: the first fetch in S faults */
        li t0, SATP_MODE_SV39 | (NO_MEMORY >> 12)
        csrw satp, t0
        sfence.vma
        la s11, 2f
        GO_S(1f)
1:      j fail
2:      CHECK(s8, CAUSE_FETCH_ACCESS)
        la t0, 1b
        bne s9, t0, fail
        bne s10, t0, fail
        csrw satp, zero

        TEST_END

        PAGE_TABLE(root)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
