/* Svpbmt page-based memory types under Sv39 (privileged spec, "Svpbmt"): with menvcfg.PBMTE = 1 a leaf
 * PTE may carry PBMT (bits 62:61) = NC (1) or IO (2), and the mapping works as PMA memory (vhart has no
 * caches); PBMT = 3 is reserved (page fault), PBMT in a pointer PTE is reserved (page fault), and with
 * PBMTE = 0 the bits are reserved (page fault). The other bits of 63:54 stay reserved either way.
 * vhart-only: QEMU 7.2 (svpbmt=true) maps a PBMT = 3 leaf instead of faulting. */
#include "test.h"
#include "priv_macros.h"

#define PTE_OF(pa, flags) ((((pa) >> 12) << 10) | (flags))
#define RWAD (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
#define PBMT_NC (1 << 61)
#define PBMT_IO (2 << 61)
#define PBMT_RSV (3 << 61)
#define ENVCFG_PBMTE (1 << 62)

#define VA_NC    0x40200000             /* l0[0]: NC */
#define VA_IO    0x40201000             /* l0[1]: IO */
#define VA_RSV   0x40202000             /* l0[2]: PBMT = 3 */
#define VA_B60   0x40203000             /* l0[3]: bit 60 set */
#define VA_PTR   0x40400000             /* l1[2]: pointer with PBMT = NC, to l0b */

#define PF_CASE(c, va, insn...)                     \
        TRAP_CASE(c, insn);                         \
        CHECK(s10, va)

        .option arch, +svpbmt

        TEST_BEGIN
        PRIV_INIT
        li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
        csrw medeleg, t0

        TEST_CASE(2)                    /* menvcfg.PBMTE is writable */
        li t0, ENVCFG_PBMTE
        csrc menvcfg, t0
        csrr a0, menvcfg
        and a0, a0, t0
        CHECK(a0, 0)
        csrs menvcfg, t0
        csrr a0, menvcfg
        and a0, a0, t0
        CHECK(a0, ENVCFG_PBMTE)

        li t0, SCRATCH1
        li t1, 0x1122334455667788
        sd t1, 0(t0)
        PTE_SYM(root, 1, l1, PTE_V)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_SYM(l1, 2, l0b, PTE_V | PBMT_NC)
        PTE_PA(l0, 0, SCRATCH1, RWAD | PBMT_NC)
        PTE_PA(l0, 1, SCRATCH1, RWAD | PBMT_IO)
        PTE_PA(l0, 2, SCRATCH1, RWAD | PBMT_RSV)
        PTE_PA(l0, 3, SCRATCH1, RWAD | (1 << 60))
        PTE_PA(l0b, 0, SCRATCH1, RWAD)
        SATP_SET(SATP_MODE_SV39, root)
        GO_S(1f)
1:
        TEST_CASE(3)                    /* NC: loads and stores reach the memory */
        li a1, VA_NC
        ld a0, 0(a1)
        CHECK(a0, 0x1122334455667788)
        TEST_CASE(4)                    /* IO: the same page, through another mapping */
        li a1, VA_IO
        li a2, 0x5a5a
        sd a2, 8(a1)
        li a1, VA_NC
        ld a0, 8(a1)
        CHECK(a0, 0x5a5a)
        TEST_CASE(5)                    /* PBMT = 3 is reserved */
        li a1, VA_RSV
        PF_CASE(CAUSE_LOAD_PAGE, VA_RSV, ld a0, 0(a1))
        TEST_CASE(6)                    /* bit 60 stays reserved */
        li a1, VA_B60
        PF_CASE(CAUSE_STORE_PAGE, VA_B60, sd a0, 0(a1))
        TEST_CASE(7)                    /* PBMT in a pointer PTE is reserved */
        li a1, VA_PTR
        PF_CASE(CAUSE_LOAD_PAGE, VA_PTR, ld a0, 0(a1))

        TEST_CASE(8)                    /* PBMTE = 0: the PBMT bits are reserved */
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        li t0, ENVCFG_PBMTE
        csrc menvcfg, t0
        sfence.vma
        GO_S(1f)
1:      li a1, VA_NC
        PF_CASE(CAUSE_LOAD_PAGE, VA_NC, ld a0, 0(a1))

        TEST_END

        PAGE_TABLE(root)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
        PAGE_TABLE(l0b)
