/* H extension cases where QEMU 7.2 departs from the spec (so not run there): virtual-instruction
 * exceptions from VU-mode for S CSRs, SRET, SFENCE.VMA and WFI, VS access to satp with
 * hstatus.VTVM, mtval of HLV/HSV's virtual-instruction exception, and hgatp's WARL fields
 * (privileged spec, "Hypervisor Extension" 1.0: virtual-instruction exceptions, hgatp). */
#include "test.h"
#include "priv_macros.h"
#include "h_macros.h"

        TEST_BEGIN
        PRIV_INIT
        H_INIT

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
        VCASE(1, GO_VU, CAUSE_VIRTUAL_INSN, csrr a0, sstatus)
        VCASE(2, GO_VU, CAUSE_VIRTUAL_INSN, csrw sscratch, a0)
        VCASE(3, GO_VU, CAUSE_VIRTUAL_INSN, sret)
        VCASE(4, GO_VU, CAUSE_VIRTUAL_INSN, sfence.vma)
        VCASE(5, GO_VU, CAUSE_VIRTUAL_INSN, wfi)
        VCASE(6, GO_VS, CAUSE_VIRTUAL_INSN, hlv.w a0, (sp))
        VCASE(7, GO_VS, CAUSE_VIRTUAL_INSN, hsv.d a0, (sp))
        VCASE(8, GO_VU, CAUSE_VIRTUAL_INSN, hlvx.hu a0, (sp))
        li t0, HSTATUS_VTVM
        csrw hstatus, t0
        VCASE(9, GO_VS, CAUSE_VIRTUAL_INSN, csrr a0, satp)
        VCASE(10, GO_VS, CAUSE_VIRTUAL_INSN, csrw satp, zero)
        csrw hstatus, zero
        li t0, MSTATUS_TVM               /* mstatus.TVM is HS-mode's: VS may still use satp */
        csrs mstatus, t0
        TEST_CASE(11)
        EXPECT_TRAP(1f)
        GO_VS(vs_satp)
1:      CHECK(s8, CAUSE_ECALL_VS)
        li t0, MSTATUS_TVM
        csrc mstatus, t0

        /* hgatp: an unsupported MODE leaves it as it was; PPN[1:0] read zero; VMID bits held */
        TEST_CASE(12)
        li a0, HGATP_MODE_SV39X4 | (0x3fff << 44) | 0x80007
        csrw hgatp, a0
        csrr a1, hgatp
        li t0, HGATP_MODE_SV39X4 | (0x3fff << 44) | 0x80004
        bne a1, t0, fail
        li a0, (1 << 60) | 0x80000
        csrw hgatp, a0
        csrr a0, hgatp
        bne a0, t0, fail
        csrw hgatp, zero
        TEST_CASE(13)                   /* vsatp likewise */
        li a0, (1 << 60) | 0x80000
        csrw vsatp, a0
        CHECK_CSR(vsatp, 0)

        /* Svinval with H: hinval.vvma/hinval.gvma have hfence.vvma/gvma's rules (privileged spec,
         * "Svinval"): they run in M and HS, are virtual instructions with V=1. Linux 6.12's KVM
         * issues hinval.gvma (the encoding below, 0x66a78073) when the ISA string has svinval. */
        .option push
        .option arch, +svinval
        TEST_CASE(14)
        li a5, 0x80000000
        li a0, 1
        hinval.gvma a5, a0
        hinval.vvma zero, zero
        sfence.w.inval
        sfence.inval.ir
        TEST_CASE(15)
        EXPECT_TRAP(2f)
        GO_HS(1f)
1:      hinval.gvma a5, a0
        hinval.vvma zero, zero
        ecall
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        VCASE(16, GO_VS, CAUSE_VIRTUAL_INSN, hinval.gvma a5, a0)
        VCASE(17, GO_VS, CAUSE_VIRTUAL_INSN, hinval.vvma zero, zero)
        VCASE(18, GO_VU, CAUSE_VIRTUAL_INSN, hinval.gvma zero, zero)
        .option pop

        TEST_END

vs_satp:
        csrw satp, zero
        csrr a0, satp
        ecall
