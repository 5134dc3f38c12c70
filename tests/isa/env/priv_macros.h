/* Privileged-architecture helpers for the guest ISA tests (RISC-V privileged spec 1.12): trap capture, mode switches, paging.
 *
 * Include after test.h. Register convention used by every rv64mi_/rv64si_/rv64vm_ test:
 *   s6  scratch of the trap handlers
 *   s7  mstatus (M handler) or sstatus (S handler) as seen on trap entry
 *   s8  cause, s9  epc, s10 tval of the last expected trap
 *   s11 resume address for the next expected trap; 0 means "no trap expected".
 * An expected trap (s11 != 0) records s7..s10, clears s11 and jumps to the resume address
 * in the mode that handles the trap (M for priv_mtrap, S for priv_strap), without xRET.
 * An unexpected trap in M ends the run with status 1000 + mcause (the test.h convention),
 * an unexpected trap in S with 2000 + scause.
 */
#ifndef VHART_PRIV_MACROS_H
#define VHART_PRIV_MACROS_H

/* mstatus / sstatus fields */
#define MSTATUS_SIE     0x2
#define MSTATUS_MIE     0x8
#define MSTATUS_SPIE    0x20
#define MSTATUS_UBE     0x40
#define MSTATUS_MPIE    0x80
#define MSTATUS_SPP     0x100
#define MSTATUS_VS      0x600
#define MSTATUS_MPP     0x1800
#define MSTATUS_MPP_S   0x800
#define MSTATUS_MPP_M   0x1800
#define MSTATUS_FS      0x6000
#define MSTATUS_XS      0x18000
#define MSTATUS_MPRV    0x20000
#define MSTATUS_SUM     0x40000
#define MSTATUS_MXR     0x80000
#define MSTATUS_TVM     0x100000
#define MSTATUS_TW      0x200000
#define MSTATUS_TSR     0x400000
#define MSTATUS_UXL     0x300000000
#define MSTATUS_SXL     0xc00000000
#define MSTATUS_SD      0x8000000000000000

/* interrupt bits of mip/mie/mideleg */
#define IRQ_S_SOFT  1
#define IRQ_M_SOFT  3
#define IRQ_S_TIMER 5
#define IRQ_M_TIMER 7
#define IRQ_S_EXT   9
#define IRQ_M_EXT   11
#define MIP_SSIP (1 << IRQ_S_SOFT)
#define MIP_MSIP (1 << IRQ_M_SOFT)
#define MIP_STIP (1 << IRQ_S_TIMER)
#define MIP_MTIP (1 << IRQ_M_TIMER)
#define MIP_SEIP (1 << IRQ_S_EXT)
#define MIP_MEIP (1 << IRQ_M_EXT)
#define CAUSE_INTR 0x8000000000000000

/* exception causes */
#define CAUSE_MISALIGNED_FETCH  0
#define CAUSE_FETCH_ACCESS      1
#define CAUSE_ILLEGAL           2
#define CAUSE_BREAKPOINT        3
#define CAUSE_MISALIGNED_LOAD   4
#define CAUSE_LOAD_ACCESS       5
#define CAUSE_MISALIGNED_STORE  6
#define CAUSE_STORE_ACCESS      7
#define CAUSE_ECALL_U           8
#define CAUSE_ECALL_S           9
#define CAUSE_ECALL_M           11
#define CAUSE_FETCH_PAGE        12
#define CAUSE_LOAD_PAGE         13
#define CAUSE_STORE_PAGE        15

/* satp */
#define SATP_MODE_SV39 (8 << 60)
#define SATP_MODE_SV48 (9 << 60)
#define SATP_MODE_SV57 (10 << 60)

/* page-table entry bits */
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80
#define PTE_RWX   (PTE_R | PTE_W | PTE_X)
#define PTE_LEAF  (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)   /* full-access S leaf */
#define PTE_ULEAF (PTE_LEAF | PTE_U)                               /* full-access U leaf */

/* ACLINT (CLINT) of hart 0 */
#define CLINT_MSIP     0x2000000
#define CLINT_MTIMECMP 0x2004000
#define CLINT_MTIME    0x200bff8

/* Physical scratch RAM outside the test image (the image stays far below 2 MiB). */
#define SCRATCH0 0x80200000
#define SCRATCH1 0x80400000
#define SCRATCH2 0x80600000

/* Trap handlers (M and S) and a clean machine state: every hart mode may access all memory
 * through PMP entry 0, no delegation, no interrupts enabled, Bare translation. */
#define PRIV_INIT                                   \
        .pushsection .text.priv, "ax", @progbits;   \
        .align 2;                                   \
priv_mtrap:                                         \
        bnez s11, 1f;                               \
        j __default_trap;                           \
1:                                                  \
        csrr s7, mstatus;                           \
        csrr s8, mcause;                            \
        csrr s9, mepc;                              \
        csrr s10, mtval;                            \
        mv s6, s11;                                 \
        li s11, 0;                                  \
        jr s6;                                      \
        .align 2;                                   \
priv_strap:                                         \
        bnez s11, 1f;                               \
        j priv_strap_unexpected;                    \
1:                                                  \
        csrr s7, sstatus;                           \
        csrr s8, scause;                            \
        csrr s9, sepc;                              \
        csrr s10, stval;                            \
        mv s6, s11;                                 \
        li s11, 0;                                  \
        jr s6;                                      \
priv_strap_unexpected:                              \
        csrr s6, scause;                            \
        andi s6, s6, 0x3ff;                         \
        addi s6, s6, 2000;                          \
        slli s6, s6, 1;                             \
        ori s6, s6, 1;                              \
        la s7, tohost;                              \
        sd s6, 0(s7);                               \
1:      j 1b;                                       \
        .popsection;                                \
        li s11, 0;                                  \
        la t0, priv_mtrap;                          \
        csrw mtvec, t0;                             \
        la t0, priv_strap;                          \
        csrw stvec, t0;                             \
        csrw mie, zero;                             \
        csrw mideleg, zero;                         \
        csrw medeleg, zero;                         \
        csrw satp, zero;                            \
        li t0, -1;                                  \
        csrw pmpaddr0, t0;                          \
        li t0, 0x1f;                                \
        csrw pmpcfg0, t0;                           \
        li t0, MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_MIE | MSTATUS_SIE; \
        csrc mstatus, t0;                           \
        sfence.vma

/* Leave M-mode for privilege `mode` (0 U, 1 S, 3 M) at address in register r (clobbers t0). */
#define GO_MODE_REG(mode, r)                        \
        li t0, MSTATUS_MPP;                         \
        csrc mstatus, t0;                           \
        li t0, ((mode) << 11);                      \
        csrs mstatus, t0;                           \
        csrw mepc, r;                               \
        mret

/* Leave M-mode for privilege `mode` at `label` (clobbers t0, t1). */
#define GO_MODE(mode, label)                        \
        la t1, label;                               \
        GO_MODE_REG(mode, t1)

#define GO_S(label) GO_MODE(1, label)
#define GO_U(label) GO_MODE(0, label)

/* Expect the next trap: resume at `label` (register s11). */
#define EXPECT_TRAP(label) la s11, label

/* Return to M-mode at `label` by an ecall (any mode below M; cause checked by the caller). */
#define ECALL_TO_M(label)                           \
        la s11, label;                              \
        ecall

/* The recorded trap has cause c and epc at label l (clobbers t6). */
#define CHECK_TRAP(c, l)                            \
        CHECK(s8, c);                               \
        la t6, l;                                   \
        bne s9, t6, fail

/* The recorded tval holds the 32-bit instruction at label l (clobbers t6). */
#define CHECK_TVAL_INSN32(l)                        \
        la t6, l;                                   \
        lwu t6, 0(t6);                              \
        bne s10, t6, fail

/* The recorded tval equals the address of label l (clobbers t6). */
#define CHECK_TVAL_LABEL(l)                         \
        la t6, l;                                   \
        bne s10, t6, fail

/* One expected trap: execute `insn` at a local label; it must trap (to the handler of the
 * current mode) with cause c and epc at that instruction. Uses label numbers 8 and 9. */
#define TRAP_CASE(c, insn...)                       \
        la s11, 9f;                                 \
8:      insn;                                       \
        j fail;                                     \
9:      CHECK(s8, c);                               \
        la t6, 8b;                                  \
        bne s9, t6, fail

/* ---- paging helpers (M-mode or identity-mapped S-mode; clobber t0, t1, t2) ---- */

/* tbl[idx] = leaf or pointer PTE for the physical address of symbol `target`. */
#define PTE_SYM(tbl, idx, target, flags)            \
        la t1, target;                              \
        srli t1, t1, 12;                            \
        slli t1, t1, 10;                            \
        li t0, flags;                               \
        or t1, t1, t0;                              \
        la t2, tbl;                                 \
        li t0, (idx) * 8;                           \
        add t2, t2, t0;                             \
        sd t1, 0(t2)

/* tbl[idx] = PTE for the constant physical address pa. */
#define PTE_PA(tbl, idx, pa, flags)                 \
        li t1, ((((pa) >> 12) << 10) | (flags));    \
        la t2, tbl;                                 \
        li t0, (idx) * 8;                           \
        add t2, t2, t0;                             \
        sd t1, 0(t2)

/* tbl[idx] = raw 64-bit value v. */
#define PTE_RAW(tbl, idx, v)                        \
        li t1, v;                                   \
        la t2, tbl;                                 \
        li t0, (idx) * 8;                           \
        add t2, t2, t0;                             \
        sd t1, 0(t2)

/* a register r = tbl[idx] */
#define PTE_LOAD(r, tbl, idx)                       \
        la t2, tbl;                                 \
        li t0, (idx) * 8;                           \
        add t2, t2, t0;                             \
        ld r, 0(t2)

/* satp = mode | root PPN, then a full fence. */
#define SATP_SET(mode, root)                        \
        la t1, root;                                \
        srli t1, t1, 12;                            \
        li t0, mode;                                \
        or t1, t1, t0;                              \
        csrw satp, t1;                              \
        sfence.vma

/* Page-aligned, zero-filled page table (in .data so that it is in the image). */
#define PAGE_TABLE(name)                            \
        .pushsection .data.pt, "aw", @progbits;     \
        .align 12;                                  \
name:   .zero 4096;                                 \
        .popsection

#endif
