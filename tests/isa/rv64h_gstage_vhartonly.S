/* H extension cases QEMU 7.2 does not share (so not run there): HLVX on a G-stage page with X
 * but not R, and the htinst/mtinst values of guest-page faults (0 for explicit accesses, the
 * 0x3000 pseudo-instruction for VS-stage table reads) (privileged spec, "Hypervisor Extension"
 * 1.0: HLVX, "Transformed Instruction or Pseudoinstruction for mtinst or htinst"). */
#include "test.h"
#include "priv_macros.h"
#include "h_macros.h"

/* G-stage gigapage aliases of the RAM gigapage at 0x80000000 (root index = GPA[40:30]) */
#define GPA_FULL  0x80000000            /* index 2: U RWX, identity */
#define GPA_RO    0xc0000000            /* index 3: U R only */
#define GPA_NOU   0x100000000           /* index 4: RWX without U */
#define GPA_XO    0x140000000           /* index 5: U X only */
#define GPA_TMP   0x180000000           /* index 6: U RW, removed by case 12 */
#define GPA_NONE  0x40000000            /* index 1: invalid */
#define ALIAS(reg, sym, base) la reg, sym; li t6, (base) - 0x80000000; add reg, reg, t6

        TEST_BEGIN
        PRIV_INIT
        H_INIT
        PTE_PA(g_root, 2, 0x80000000, PTE_ULEAF)
        PTE_PA(g_root, 3, 0x80000000, PTE_V | PTE_R | PTE_U | PTE_A)
        PTE_PA(g_root, 4, 0x80000000, PTE_LEAF)
        PTE_PA(g_root, 5, 0x80000000, PTE_V | PTE_X | PTE_U | PTE_A)
        PTE_PA(g_root, 6, 0x80000000, PTE_ULEAF)
        la t1, g_root
        srli t1, t1, 12
        li t0, HGATP_MODE_SV39X4
        or t1, t1, t0
        csrw hgatp, t1
        hfence.gvma

        TEST_CASE(1)                    /* HLVX reads an execute-only G page */
        ALIAS(a1, vs_ecall, GPA_XO)
        hlvx.wu a0, (a1)
        CHECK(a0, 0x00000073)
        hlvx.hu a0, (a1)
        CHECK(a0, 0x0073)
        TEST_CASE(2)                    /* an explicit access's guest-page fault: mtinst = 0 */
        li a1, GPA_NONE + 8
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)
        csrr a0, mtinst
        CHECK(a0, 0)
        /* VS-stage table reads faulting at the G stage: mtinst/htinst = 0x3000 (the
         * pseudo-instruction of a 64-bit implicit read), mtval2/htval the PTE's GPA >> 2 */
        PTE_PA(vs_root, 2, 0x80000000, PTE_LEAF)
        PTE_PA(vs_root, 1, GPA_NONE, PTE_V)
        la t1, vs_root
        srli t1, t1, 12
        li t0, SATP_MODE_SV39
        or t1, t1, t0
        csrw vsatp, t1
        TEST_CASE(3)
        li a1, 0x40200000
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)
        csrr a0, mtinst
        CHECK(a0, 0x3000)
        csrr a0, mtval2
        CHECK(a0, (GPA_NONE + 8) >> 2)
        TEST_CASE(4)                    /* a store's walk: still a read, but a store guest-page fault */
        li a1, 0x40200000
        EXPECT_TRAP(1f)
        GO_VS(vs_store)
1:      CHECK_TRAP(CAUSE_STORE_GUEST_PAGE, vs_store_insn)
        csrr a0, mtinst
        CHECK(a0, 0x3000)
        TEST_CASE(5)                    /* delegated to HS: htinst, htval */
        li t0, 1 << CAUSE_LOAD_GUEST_PAGE
        csrw medeleg, t0
        li a1, 0x40200000
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)
        csrr a2, htinst
        csrr a3, htval
        ECALL_TO_M(2f)
2:      CHECK(a2, 0x3000)
        CHECK(a3, (GPA_NONE + 8) >> 2)
        csrw medeleg, zero
        TEST_CASE(6)                    /* a fetch's walk: fetch guest-page fault, tval the pc */
        PTE_PA(vs_root, 2, GPA_NONE, PTE_V)                /* ...at an unmapped GPA */
        hfence.vvma
        la s11, 1f
        GO_VS(vs_ecall)
1:      CHECK(s8, CAUSE_FETCH_GUEST_PAGE)
        la t6, vs_ecall
        bne s10, t6, fail
        csrr a0, mtval2
        srli t6, t6, 21
        andi t6, t6, 0x1ff
        slli t6, t6, 3
        li t5, GPA_NONE
        add t6, t6, t5
        srli t6, t6, 2
        bne a0, t6, fail
        TEST_CASE(7)                    /* HLV at VU level (SPVP=0) on an S page: VS-stage fault */
        PTE_PA(vs_root, 2, 0x80000000, PTE_LEAF)
        hfence.vvma
        li t0, HSTATUS_SPVP
        csrc hstatus, t0
        la a1, data
        la s11, 1f
2:      hlv.d a0, (a1)
        j fail
1:      CHECK_TRAP(CAUSE_LOAD_PAGE, 2b)
        CHECK_BITS(s7, MSTATUS_GVA | MSTATUS_MPV, MSTATUS_GVA)
        csrr a0, mtval2
        CHECK(a0, 0)
        csrw vsatp, zero
        TEST_END

        .align 2
vs_ecall:
        ecall
        j fail
vs_load:
vs_load_insn:
        ld a0, 0(a1)
        ecall
        j fail
vs_store:
vs_store_insn:
        sd a0, 0(a1)
        ecall
        j fail
vs_jump:
        jr a1
hs_hlv:
        la a1, data
        hlv.d a0, (a1)
        ecall

        .data
        .align 3
data:   .dword 0x1122334455667788
data2:  .dword 0
        .align 14
g_root: .zero 16384
        PAGE_TABLE(vs_root)
