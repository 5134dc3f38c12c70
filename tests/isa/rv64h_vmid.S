/* H extension: HS-mode switching hgatp between two VMIDs whose G stages map the same guest physical
 * page to different host pages, and HFENCE.GVMA by VMID (privileged spec, "Hypervisor Extension"
 * 1.0: hgatp, "Hypervisor Virtual-Machine Memory-Management Fence Instructions"). Only what the
 * spec guarantees is asserted: a VM sees its own mapping right after a switch (hgatp writes take
 * effect at once, and translations are tagged by VMID), and a G-stage change is seen after an
 * HFENCE.GVMA naming its VMID or all VMIDs. Whether another VM's entries survive a fence is up to
 * the hart (vhart keeps them: tests/unit/test_mmu_vmid.c counts its page walks). */
#include "test.h"
#include "priv_macros.h"
#include "h_macros.h"

#define GPA_DATA 0x40000000             /* G root index 1 -> level-1 table -> level-0 table */
#define VMID_A 1
#define VMID_B 2

/* PTE at index idx of table tbl pointing at symbol sym: priv_macros.h's PTE_SYM, but keeping t0 (clobbers t1, t2). */
#define PTE_SYM_KEEP_T0(tbl, idx, sym, flags)               \
        la t1, sym;                                 \
        srli t1, t1, 12;                            \
        slli t1, t1, 10;                            \
        ori t1, t1, flags;                          \
        la t2, tbl;                                 \
        sd t1, (idx) * 8(t2)
/* a2 = hgatp value for root `root` and VMID vmid (clobbers t0). */
#define HGATP_OF(root, vmid)                        \
        la a2, root;                                \
        srli a2, a2, 12;                            \
        li t0, HGATP_MODE_SV39X4 | ((vmid) << 44);  \
        or a2, a2, t0
/* In HS-mode: write hgatp = a2 and come back (ecall); no fence. */
#define SWITCH_TO(root, vmid)                       \
        HGATP_OF(root, vmid);                       \
        EXPECT_TRAP(98f);                           \
        GO_HS(hs_set_hgatp);                        \
98:     CHECK(s8, CAUSE_ECALL_S)
/* In VS-mode: a0 = the doubleword at GPA_DATA. */
#define VS_LOAD                                     \
        li a1, GPA_DATA;                            \
        EXPECT_TRAP(99f);                           \
        GO_VS(vs_load);                             \
99:     CHECK(s8, CAUSE_ECALL_VS)

        TEST_BEGIN
        PRIV_INIT
        H_INIT
        /* Both VMs: RAM identity-mapped by a gigapage (code, data); GPA_DATA -> page_a or page_b. */
        PTE_PA(g_root_a, 2, 0x80000000, PTE_ULEAF)
        PTE_PA(g_root_b, 2, 0x80000000, PTE_ULEAF)
        PTE_SYM_KEEP_T0(g_root_a, 1, g_l1_a, PTE_V)
        PTE_SYM_KEEP_T0(g_l1_a, 0, g_l0_a, PTE_V)
        PTE_SYM_KEEP_T0(g_l0_a, 0, page_a, PTE_ULEAF)
        PTE_SYM_KEEP_T0(g_root_b, 1, g_l1_b, PTE_V)
        PTE_SYM_KEEP_T0(g_l1_b, 0, g_l0_b, PTE_V)
        PTE_SYM_KEEP_T0(g_l0_b, 0, page_b, PTE_ULEAF)
        hfence.gvma

        TEST_CASE(1)                    /* VM A (VMID 1) sees page_a */
        SWITCH_TO(g_root_a, VMID_A)
        VS_LOAD
        CHECK(a0, 0xaaaaaaaa00000001)
        TEST_CASE(2)                    /* switch to VM B (VMID 2) without a fence: page_b */
        SWITCH_TO(g_root_b, VMID_B)
        VS_LOAD
        CHECK(a0, 0xbbbbbbbb00000002)
        TEST_CASE(3)                    /* and back and forth, never a fence */
        SWITCH_TO(g_root_a, VMID_A)
        VS_LOAD
        CHECK(a0, 0xaaaaaaaa00000001)
        SWITCH_TO(g_root_b, VMID_B)
        VS_LOAD
        CHECK(a0, 0xbbbbbbbb00000002)
        SWITCH_TO(g_root_a, VMID_A)
        VS_LOAD
        CHECK(a0, 0xaaaaaaaa00000001)

        TEST_CASE(4)                    /* A's G leaf moves to page_c; HFENCE.GVMA VMID 1 from HS */
        PTE_SYM_KEEP_T0(g_l0_a, 0, page_c, PTE_ULEAF)
        li a3, VMID_A
        EXPECT_TRAP(1f)
        GO_HS(hs_gvma_vmid)
1:      CHECK(s8, CAUSE_ECALL_S)
        VS_LOAD
        CHECK(a0, 0xcccccccc00000003)
        TEST_CASE(5)                    /* B's mapping did not change: still page_b */
        SWITCH_TO(g_root_b, VMID_B)
        VS_LOAD
        CHECK(a0, 0xbbbbbbbb00000002)
        TEST_CASE(6)                    /* the fence named VMID 1 while hgatp held VMID 2 */
        PTE_SYM_KEEP_T0(g_l0_a, 0, page_b, PTE_ULEAF)
        li a3, VMID_A
        EXPECT_TRAP(1f)
        GO_HS(hs_gvma_vmid)
1:      CHECK(s8, CAUSE_ECALL_S)
        SWITCH_TO(g_root_a, VMID_A)
        VS_LOAD
        CHECK(a0, 0xbbbbbbbb00000002)

        TEST_CASE(7)                    /* both leaves move; HFENCE.GVMA x0, x0 from HS: all VMIDs */
        PTE_SYM_KEEP_T0(g_l0_a, 0, page_a, PTE_ULEAF)
        PTE_SYM_KEEP_T0(g_l0_b, 0, page_c, PTE_ULEAF)
        EXPECT_TRAP(1f)
        GO_HS(hs_gvma_all)
1:      CHECK(s8, CAUSE_ECALL_S)
        VS_LOAD
        CHECK(a0, 0xaaaaaaaa00000001)
        SWITCH_TO(g_root_b, VMID_B)
        VS_LOAD
        CHECK(a0, 0xcccccccc00000003)

        TEST_CASE(8)                    /* HS satp writes and sfence.vma leave VM B working */
        EXPECT_TRAP(1f)
        GO_HS(hs_sfence)
1:      CHECK(s8, CAUSE_ECALL_S)
        VS_LOAD
        CHECK(a0, 0xcccccccc00000003)
        csrw hgatp, zero
        hfence.gvma

        TEST_END

        .align 2
vs_load:
        ld a0, 0(a1)
        ecall
        j fail
hs_set_hgatp:
        csrw hgatp, a2
        ecall
        j fail
hs_gvma_vmid:
        hfence.gvma zero, a3
        ecall
        j fail
hs_gvma_all:
        hfence.gvma zero, zero
        ecall
        j fail
hs_sfence:
        csrw satp, zero
        sfence.vma
        ecall
        j fail

        .data
        .align 12
page_a: .dword 0xaaaaaaaa00000001
        .align 12
page_b: .dword 0xbbbbbbbb00000002
        .align 12
page_c: .dword 0xcccccccc00000003
        .align 14
g_root_a: .zero 16384
g_root_b: .zero 16384
        PAGE_TABLE(g_l1_a)
        PAGE_TABLE(g_l0_a)
        PAGE_TABLE(g_l1_b)
        PAGE_TABLE(g_l0_b)
