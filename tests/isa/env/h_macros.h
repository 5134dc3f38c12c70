/* Helpers for the H-extension guest tests (privileged spec, "Hypervisor Extension" 1.0). Include
 * after priv_macros.h. VS-mode traps reuse priv_strap: with V=1 the S CSRs it reads (sstatus,
 * scause, sepc, stval) are the VS ones, so vstvec points at it too (H_INIT). */
#ifndef VHART_H_MACROS_H
#define VHART_H_MACROS_H

        .option arch, +h                /* the build's -march is rv64gc */

#define MSTATUS_GVA (1 << 38)
#define MSTATUS_MPV (1 << 39)
#define HSTATUS_GVA  0x40
#define HSTATUS_SPV  0x80
#define HSTATUS_SPVP 0x100
#define HSTATUS_HU   0x200
#define HSTATUS_VTVM 0x100000
#define HSTATUS_VTW  0x200000
#define HSTATUS_VTSR 0x400000

#define CAUSE_ECALL_VS          10
#define CAUSE_FETCH_GUEST_PAGE  20
#define CAUSE_LOAD_GUEST_PAGE   21
#define CAUSE_VIRTUAL_INSN      22
#define CAUSE_STORE_GUEST_PAGE  23

#define IRQ_VS_SOFT  2
#define IRQ_VS_TIMER 6
#define IRQ_VS_EXT   10
#define MIP_VSSIP (1 << IRQ_VS_SOFT)
#define MIP_VSTIP (1 << IRQ_VS_TIMER)
#define MIP_VSEIP (1 << IRQ_VS_EXT)

#define HGATP_MODE_SV39X4 (8 << 60)
#define MENVCFG_STCE (1 << 63)

/* Clean H state on top of PRIV_INIT: no hypervisor delegation, Bare G and VS stages, VS traps
 * to priv_strap. */
#define H_INIT                                      \
        la t0, priv_strap;                          \
        csrw vstvec, t0;                            \
        csrw hedeleg, zero;                         \
        csrw hideleg, zero;                         \
        csrw hvip, zero;                            \
        csrw hgatp, zero;                           \
        csrw vsatp, zero;                           \
        csrw hstatus, zero;                         \
        csrw vsstatus, zero;                        \
        li t0, MSTATUS_MPV | MSTATUS_GVA;           \
        csrc mstatus, t0

/* From M-mode to VS-mode (V=1, S) or VU-mode (V=1, U) at `label` (clobbers t0, t1). */
#define GO_VS(label)                                \
        li t0, MSTATUS_MPV;                         \
        csrs mstatus, t0;                           \
        GO_MODE(1, label)
#define GO_VU(label)                                \
        li t0, MSTATUS_MPV;                         \
        csrs mstatus, t0;                           \
        GO_MODE(0, label)
/* From M-mode to HS-mode or (V=0) U-mode. */
#define GO_HS(label)                                \
        li t0, MSTATUS_MPV;                         \
        csrc mstatus, t0;                           \
        GO_MODE(1, label)
#define GO_HU(label)                                \
        li t0, MSTATUS_MPV;                         \
        csrc mstatus, t0;                           \
        GO_MODE(0, label)

/* Check that register r has (mask) bits equal to v (clobbers t5, t6). */
#define CHECK_BITS(r, mask, v)                      \
        li t5, mask;                                \
        and t5, r, t5;                              \
        li t6, v;                                   \
        bne t5, t6, fail

/* Check a CSR's value (clobbers t4, t6). */
#define CHECK_CSR(csr, v)                           \
        csrr t4, csr;                               \
        li t6, v;                                   \
        bne t4, t6, fail

#endif
