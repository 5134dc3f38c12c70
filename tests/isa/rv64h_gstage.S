/* H extension: two-stage address translation. G stage by hgatp (Sv39x4, 16 KiB root), VS stage by
 * vsatp (Sv39), guest-page faults 20/21/23 with mtval2/htval = guest physical address >> 2 and
 * GVA, faults of VS-stage table accesses at the G stage, the U-bit rule of the G stage, HFENCE.GVMA,
 * and HLV/HLVX/HSV from M-mode and HS-mode with hstatus.SPVP (privileged spec, "Hypervisor
 * Extension" 1.0: two-stage address translation, guest-page faults, hypervisor load/store). */
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

        TEST_CASE(1)                    /* VS runs through the G stage (vsatp Bare) */
        EXPECT_TRAP(1f)
        GO_VS(vs_ecall)
1:      CHECK_TRAP(CAUSE_ECALL_VS, vs_ecall)

        TEST_CASE(2)                    /* load from an unmapped GPA: 21, mtval2 = GPA >> 2, GVA */
        li a1, GPA_NONE + 8
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)
        CHECK(s10, GPA_NONE + 8)
        csrr a0, mtval2
        CHECK(a0, (GPA_NONE + 8) >> 2)
        CHECK_BITS(s7, MSTATUS_MPV | MSTATUS_GVA, MSTATUS_MPV | MSTATUS_GVA)
        TEST_CASE(3)                    /* store to a read-only G page: 23 */
        li a1, GPA_RO + 0x120
        EXPECT_TRAP(1f)
        GO_VS(vs_store)
1:      CHECK_TRAP(CAUSE_STORE_GUEST_PAGE, vs_store_insn)
        CHECK(s10, GPA_RO + 0x120)
        csrr a0, mtval2
        CHECK(a0, (GPA_RO + 0x120) >> 2)
        TEST_CASE(4)                    /* a G leaf without U faults even for VS */
        li a1, GPA_NOU + 0x40
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)
        csrr a0, mtval2
        CHECK(a0, (GPA_NOU + 0x40) >> 2)
        TEST_CASE(5)                    /* fetch from a G page without X: 20, tval the target */
        ALIAS(a1, vs_ecall, GPA_RO)
        EXPECT_TRAP(1f)
        GO_VS(vs_jump)
1:      CHECK(s8, CAUSE_FETCH_GUEST_PAGE)
        bne s9, a1, fail
        bne s10, a1, fail
        csrr a0, mtval2
        srli a1, a1, 2
        bne a0, a1, fail
        TEST_CASE(6)                    /* a GPA beyond Sv39x4's 41 bits */
        li a1, 1 << 41
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)
        csrr a0, mtval2
        CHECK(a0, (1 << 41) >> 2)
        TEST_CASE(7)                    /* the load works through an allowed alias */
        ALIAS(a1, data, GPA_RO)
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK(s8, CAUSE_ECALL_VS)
        CHECK(a0, 0x1122334455667788)

        /* ---- delegated to HS by medeleg: htval, stval, hstatus.GVA/SPV ---- */
        TEST_CASE(8)
        li t0, 1 << CAUSE_LOAD_GUEST_PAGE
        csrw medeleg, t0
        li a1, GPA_NONE + 0x1230
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)   /* now in HS */
        CHECK(s10, GPA_NONE + 0x1230)
        csrr a2, htval
        csrr a3, hstatus
        ECALL_TO_M(2f)
2:      CHECK(a2, (GPA_NONE + 0x1230) >> 2)
        CHECK_BITS(a3, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP)
        csrw medeleg, zero

        /* ---- VS stage: vsatp Sv39 over the G stage ---- */
        PTE_PA(vs_root, 2, 0x80000000, PTE_LEAF)           /* VA 0x80000000: identity, S-level */
        PTE_PA(vs_root, 1, GPA_NONE, PTE_V)                /* VA 0x40000000: table at an unmapped GPA */
        PTE_PA(vs_root, 3, 0x80000000, PTE_V | PTE_R | PTE_U | PTE_A)   /* VA 0xc0000000: U page */
        PTE_PA(vs_root, 4, GPA_RO, PTE_LEAF)               /* VA 0x100000000: GPA RO alias */
        la t1, vs_root                  /* GPA == PA here */
        srli t1, t1, 12
        li t0, SATP_MODE_SV39
        or t1, t1, t0
        csrw vsatp, t1
        TEST_CASE(9)                    /* a VS-stage fault: 13 with mtval2 = 0 */
        li a1, 0x1000
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_PAGE, vs_load_insn)
        CHECK(s10, 0x1000)
        csrr a0, mtval2
        CHECK(a0, 0)
        CHECK_BITS(s7, MSTATUS_GVA, MSTATUS_GVA)
        TEST_CASE(10)                   /* the VS walk's table read faults at the G stage */
        li a1, 0x40200000
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)
        CHECK(s10, 0x40200000)          /* the guest virtual address */
        csrr a0, mtval2
        CHECK(a0, (GPA_NONE + 8) >> 2)  /* the level-1 PTE's guest physical address */
        TEST_CASE(11)                   /* VS stage then G stage: the RO alias refuses a store */
        li a1, 0x100000000 + 0x88
        EXPECT_TRAP(1f)
        GO_VS(vs_store)
1:      CHECK_TRAP(CAUSE_STORE_GUEST_PAGE, vs_store_insn)
        CHECK(s10, 0x100000000 + 0x88)
        csrr a0, mtval2
        CHECK(a0, (GPA_RO + 0x88) >> 2)
        TEST_CASE(12)                   /* VS-mode touching a U page without SUM: 13 */
        li a1, 0xc0000000
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_PAGE, vs_load_insn)
        csrw vsatp, zero

        /* ---- HFENCE.GVMA: a removed G mapping is gone after the fence ---- */
        TEST_CASE(13)
        ALIAS(a1, data, GPA_TMP)
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK(s8, CAUSE_ECALL_VS)
        CHECK(a0, 0x1122334455667788)
        PTE_RAW(g_root, 6, 0)
        hfence.gvma
        ALIAS(a1, data, GPA_TMP)
        EXPECT_TRAP(1f)
        GO_VS(vs_load)
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, vs_load_insn)

        /* ---- HLV/HLVX/HSV from M-mode (V=0): two-stage, GVA set, MPV clear ---- */
        TEST_CASE(14)
        ALIAS(a1, data, GPA_RO)
        hlv.d a0, (a1)
        CHECK(a0, 0x1122334455667788)
        hlv.w a0, (a1)
        CHECK(a0, 0x55667788)
        addi a1, a1, 2
        hlv.hu a0, (a1)
        CHECK(a0, 0x5566)
        TEST_CASE(15)
        ALIAS(a1, data, GPA_RO)
        addi a1, a1, 6
        hlv.h a0, (a1)
        CHECK(a0, 0x1122)
        addi a1, a1, 1
        hlv.b a0, (a1)
        CHECK(a0, 0x11)
        addi a1, a1, -4
        hlv.bu a0, (a1)
        CHECK(a0, 0x55)
        TEST_CASE(16)                   /* HSV through the identity alias */
        ALIAS(a1, data2, GPA_FULL)
        li a0, 0xa5a5a5a5deadbeef
        hsv.d a0, (a1)
        la a2, data2
        ld a3, 0(a2)
        bne a3, a0, fail
        li a0, 0x77
        hsv.b a0, (a1)
        lbu a3, 0(a2)
        CHECK(a3, 0x77)
        TEST_CASE(17)                   /* HSV to the read-only alias: 23 in M, GVA, MPV clear */
        ALIAS(a1, data2, GPA_RO)
        la s11, 1f
2:      hsv.w a0, (a1)
        j fail
1:      CHECK_TRAP(CAUSE_STORE_GUEST_PAGE, 2b)
        bne s10, a1, fail
        csrr a0, mtval2
        srli a1, a1, 2
        bne a0, a1, fail
        CHECK_BITS(s7, MSTATUS_GVA | MSTATUS_MPV, MSTATUS_GVA)
        TEST_CASE(18)                   /* HLV cannot read an execute-only page (HLVX can:
                                         * rv64h_gstage_vhartonly, QEMU 7.2 wants R at the G stage) */
        ALIAS(a1, vs_ecall, GPA_XO)
        la s11, 1f
2:      hlv.w a0, (a1)
        j fail
1:      CHECK_TRAP(CAUSE_LOAD_GUEST_PAGE, 2b)

        /* ---- HLV and SPVP: VS-level (1) or VU-level (0) access through vsatp ---- */
        PTE_PA(vs_root, 2, 0x80000000, PTE_LEAF)
        la t1, vs_root
        srli t1, t1, 12
        li t0, SATP_MODE_SV39
        or t1, t1, t0
        csrw vsatp, t1
        TEST_CASE(19)                   /* VS-level (SPVP=1) reads an S page (VU-level may not:
                                         * rv64h_gstage_vhartonly; QEMU 7.2 reports an access fault) */
        hfence.vvma
        li t0, HSTATUS_SPVP
        csrs hstatus, t0
        la a1, data
        hlv.d a0, (a1)
        CHECK(a0, 0x1122334455667788)
        TEST_CASE(20)                   /* from HS-mode */
        li t0, HSTATUS_SPVP
        csrs hstatus, t0
        EXPECT_TRAP(1f)
        GO_HS(hs_hlv)
1:      CHECK(s8, CAUSE_ECALL_S)
        CHECK(a0, 0x1122334455667788)
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
