/* H extension: misa.H, fixed CSR fields, trap routing to M, HS and VS by medeleg/hedeleg,
 * ecall causes from VS/VU, mret/sret and V, the S-to-VS CSR swap, and virtual-instruction
 * exceptions (privileged spec, "Hypervisor Extension" 1.0: trap cause codes, delegation,
 * virtual-instruction exceptions). */
#include "test.h"
#include "priv_macros.h"
#include "h_macros.h"

        TEST_BEGIN
        PRIV_INIT
        H_INIT

        TEST_CASE(1)                    /* misa.H */
        csrr a0, misa
        CHECK_BITS(a0, 0x80, 0x80)
        TEST_CASE(2)                    /* hstatus.VSXL = 2 (64-bit) */
        csrr a0, hstatus
        srli a0, a0, 32
        andi a0, a0, 3
        CHECK(a0, 2)
        TEST_CASE(3)                    /* the VS interrupts are always delegated past M */
        csrw mideleg, zero
        csrr a0, mideleg                /* (SGEI, bit 12, is one too if GEILEN > 0) */
        CHECK_BITS(a0, MIP_VSSIP | MIP_VSTIP | MIP_VSEIP, MIP_VSSIP | MIP_VSTIP | MIP_VSEIP)
        TEST_CASE(4)                    /* hedeleg: ecalls from HS/VS/M and causes 20-23 are read-only zero */
        li a0, -1
        csrw hedeleg, a0
        csrr a0, hedeleg
        CHECK(a0, 0xb1ff)
        csrw hedeleg, zero
        TEST_CASE(5)                    /* hideleg: only the VS interrupts */
        li a0, -1
        csrw hideleg, a0
        csrr a0, hideleg
        CHECK(a0, MIP_VSSIP | MIP_VSTIP | MIP_VSEIP)
        csrw hideleg, zero

        /* ---- ecall from VS and VU, not delegated: M sees MPV=1 and the nominal mode in MPP ---- */
        TEST_CASE(6)
        EXPECT_TRAP(1f)
        GO_VS(vs_ecall)
1:      CHECK_TRAP(CAUSE_ECALL_VS, vs_ecall)
        CHECK_BITS(s7, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPV | MSTATUS_MPP_S)
        TEST_CASE(7)
        EXPECT_TRAP(1f)
        GO_VU(vu_ecall)
1:      CHECK_TRAP(CAUSE_ECALL_U, vu_ecall)
        CHECK_BITS(s7, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPV)
        TEST_CASE(8)                    /* ecall from HS: MPV=0 */
        EXPECT_TRAP(1f)
        GO_HS(hs_ecall)
1:      CHECK_TRAP(CAUSE_ECALL_S, hs_ecall)
        CHECK_BITS(s7, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPP_S)

        /* ---- delegated to HS by medeleg: hstatus.SPV/SPVP, sstatus.SPP ---- */
        TEST_CASE(9)
        li t0, (1 << CAUSE_ECALL_VS) | (1 << CAUSE_ECALL_U)
        csrw medeleg, t0
        EXPECT_TRAP(1f)
        GO_VS(vs_ecall)
1:      CHECK_TRAP(CAUSE_ECALL_VS, vs_ecall)
        CHECK_BITS(s7, MSTATUS_SPP, MSTATUS_SPP)
        csrr a0, hstatus
        CHECK_BITS(a0, HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_GVA, HSTATUS_SPV | HSTATUS_SPVP)
        ECALL_TO_M(2f)                  /* now in HS: back to M */
2:      CHECK(s8, CAUSE_ECALL_S)
        TEST_CASE(10)                   /* from VU: SPVP = 0, SPP = 0 */
        EXPECT_TRAP(1f)
        GO_VU(vu_ecall)
1:      CHECK_TRAP(CAUSE_ECALL_U, vu_ecall)
        CHECK_BITS(s7, MSTATUS_SPP, 0)
        csrr a0, hstatus
        CHECK_BITS(a0, HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_SPV)
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_S)

        /* ---- delegated on to VS by hedeleg: handled in VS with the VS CSRs ---- */
        TEST_CASE(11)
        li t0, (1 << CAUSE_ECALL_U)
        csrw hedeleg, t0
        EXPECT_TRAP(1f)
        GO_VU(vu_ecall)
1:      CHECK_TRAP(CAUSE_ECALL_U, vu_ecall)   /* s8/s9 read as scause/sepc in VS: vscause/vsepc */
        CHECK_BITS(s7, MSTATUS_SPP, 0)
        /* still V=1: hstatus is a virtual instruction from VS */
        EXPECT_TRAP(2f)
3:      csrr a0, hstatus
        j fail
2:      CHECK_TRAP(CAUSE_VIRTUAL_INSN, 3b)    /* medeleg does not delegate 22: M handles it */
        CHECK_TVAL_INSN32(3b)
        CHECK_BITS(s7, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPV | MSTATUS_MPP_S)
        csrr a0, vscause
        CHECK(a0, CAUSE_ECALL_U)
        csrr a0, vsepc
        la t6, vu_ecall
        bne a0, t6, fail
        csrr a0, scause                 /* HS's own scause untouched since case 10 */
        CHECK(a0, CAUSE_ECALL_U)
        csrw hedeleg, zero
        csrw medeleg, zero

        /* ---- the S CSRs are the VS ones while V=1 ---- */
        TEST_CASE(12)
        li a0, 0x1111
        csrw sscratch, a0
        li a0, 0x2222
        csrw vsscratch, a0
        EXPECT_TRAP(1f)
        GO_VS(vs_swap)
1:      CHECK(s8, CAUSE_ECALL_VS)
        CHECK(a1, 0x2222)               /* VS read sscratch: vsscratch */
        csrr a0, vsscratch
        CHECK(a0, 0x3333)
        csrr a0, sscratch
        CHECK(a0, 0x1111)

        /* ---- virtual-instruction exceptions (cause 22) and what stays illegal: each case enters
         * VS or VU (by `go`) at the instruction, which must trap to M with the cause and its bits
         * in mtval ---- */
#define VCASE(n, go, cause, insn...)                \
        TEST_CASE(n);                               \
        la s11, 9f;                                 \
        go(8f);                                     \
8:      insn;                                       \
        j fail;                                     \
9:      CHECK(s8, cause);                           \
        la t6, 8b;                                  \
        bne s9, t6, fail;                           \
        lwu t6, 0(t6);                              \
        bne s10, t6, fail;                          \
        CHECK_BITS(s7, MSTATUS_MPV, MSTATUS_MPV)
/* The same without the mtval check: QEMU 7.2 leaves a stale mtval for HLV/HSV there. */
#define VCASE_NOTVAL(n, go, cause, insn...)         \
        TEST_CASE(n);                               \
        la s11, 9f;                                 \
        go(8f);                                     \
8:      insn;                                       \
        j fail;                                     \
9:      CHECK(s8, cause);                           \
        la t6, 8b;                                  \
        bne s9, t6, fail
        VCASE(30, GO_VS, CAUSE_VIRTUAL_INSN, csrr a0, hstatus)
        VCASE(31, GO_VS, CAUSE_VIRTUAL_INSN, csrr a0, vsatp)
        VCASE(32, GO_VS, CAUSE_VIRTUAL_INSN, hfence.vvma)
        VCASE(33, GO_VS, CAUSE_VIRTUAL_INSN, hfence.gvma)
        VCASE_NOTVAL(34, GO_VS, CAUSE_VIRTUAL_INSN, hlv.w a0, (sp))
        VCASE_NOTVAL(35, GO_VS, CAUSE_VIRTUAL_INSN, hsv.w a0, (sp))
        VCASE(36, GO_VS, CAUSE_ILLEGAL, csrr a0, mstatus)
        VCASE(37, GO_VS, CAUSE_ILLEGAL, mret)
        VCASE(38, GO_VS, CAUSE_ILLEGAL, csrr a0, mtval2)
        /* (VU reading sstatus, also virtual: rv64h_traps_vhartonly; QEMU 7.2 makes it illegal) */
        /* (VU sret, sfence.vma and wfi, also virtual: rv64h_traps_vhartonly; QEMU 7.2 makes the
         * first two illegal) */
        VCASE(43, GO_VU, CAUSE_VIRTUAL_INSN, csrr a0, hgatp)
        VCASE(44, GO_VU, CAUSE_ILLEGAL, csrr a0, mstatus)
        li t0, HSTATUS_VTSR | HSTATUS_VTW | HSTATUS_VTVM
        csrw hstatus, t0
        VCASE(45, GO_VS, CAUSE_VIRTUAL_INSN, sret)
        VCASE(46, GO_VS, CAUSE_VIRTUAL_INSN, wfi)
        /* (satp with VTVM, also virtual: rv64h_traps_vhartonly; QEMU 7.2 lets VS read vsatp) */
        VCASE(48, GO_VS, CAUSE_VIRTUAL_INSN, sfence.vma)
        csrw hstatus, zero
        TEST_CASE(16)                   /* mstatus.TW: wfi illegal in VS even without VTW */
        li t0, MSTATUS_TW
        csrs mstatus, t0
        la s11, 1f
        GO_VS(vs_wfi)
1:      CHECK_TRAP(CAUSE_ILLEGAL, vs_wfi)
        li t0, MSTATUS_TW
        csrc mstatus, t0
        TEST_CASE(17)                   /* U (V=0): HLV illegal without hstatus.HU, allowed with it */
        la s11, 1f
        GO_HU(hu_hlv)
1:      CHECK_TRAP(CAUSE_ILLEGAL, hu_hlv_insn)
        li t0, HSTATUS_HU
        csrw hstatus, t0
        EXPECT_TRAP(1f)
        GO_HU(hu_hlv)
1:      CHECK(s8, CAUSE_ECALL_U)        /* the hlv ran and the ecall after it trapped */
        CHECK(a0, 0x5a5a5a5a)
        csrw hstatus, zero

        /* ---- sret from HS enters VS by hstatus.SPV, which then clears; mret clears MPV ---- */
        TEST_CASE(18)
        EXPECT_TRAP(1f)
        GO_HS(hs_sret)
1:      CHECK_TRAP(CAUSE_ECALL_VS, vs_ecall)
        csrr a0, hstatus
        CHECK_BITS(a0, HSTATUS_SPV, 0)
        TEST_CASE(19)                   /* mret to VS left MPV clear; the trap back set it */
        CHECK_BITS(s7, MSTATUS_MPV, MSTATUS_MPV)
        li t0, MSTATUS_MPP
        csrs mstatus, t0                /* MPP = M */
        la t0, 1f
        csrw mepc, t0
        mret                            /* to M: V stays 0, MPV clears */
1:      csrr a0, mstatus
        CHECK_BITS(a0, MSTATUS_MPV, 0)
        TEST_CASE(20)                   /* VS sret returns to VU by vsstatus.SPP, V stays 1 */
        EXPECT_TRAP(1f)
        GO_VS(vs_sret)
1:      CHECK_TRAP(CAUSE_ECALL_U, vu_ecall)
        CHECK_BITS(s7, MSTATUS_MPV | MSTATUS_MPP, MSTATUS_MPV)

        TEST_END

vs_ecall:
        ecall
        j fail
vu_ecall:
        ecall
        j fail
hs_ecall:
        ecall
        j fail

vs_swap:
        csrr a1, sscratch
        li a0, 0x3333
        csrw sscratch, a0
        ecall

vs_wfi:
        wfi
        j fail

hu_hlv:
        la a1, hlv_data
hu_hlv_insn:
        hlv.w a0, (a1)
        ecall
        j fail

hs_sret:
        li t0, HSTATUS_SPV
        csrs hstatus, t0
        li t0, MSTATUS_SPP
        csrs sstatus, t0
        la t0, vs_ecall
        csrw sepc, t0
        sret
        j fail

vs_sret:
        li t0, MSTATUS_SPP
        csrc sstatus, t0                /* vsstatus.SPP = U */
        la t0, vu_ecall
        csrw sepc, t0                   /* vsepc */
        sret
        j fail

        .data
        .align 3
hlv_data: .word 0x5a5a5a5a
