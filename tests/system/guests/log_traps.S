/* For the --log test (tests/system/log_test.sh): a known sequence of traps at pinned addresses.
 * M-mode: an ecall, a load from unmapped physical 0x50000000 (access fault), a read of the
 * unimplemented CSR 0x7c0 (illegal instruction), a machine software interrupt; then S-mode under
 * Sv39 with one read-execute gigapage at 0x80000000 (root table at 0x80001000): a load from
 * unmapped 0x40000000 and a store to the read-only gigapage (page faults), then an ecall whose
 * handler passes through the syscon. Nothing is delegated: every trap goes to M at 0x80000100. */
        .option norvc
        .section .text.init
        .globl _start
_start:
        la t0, mhandler
        csrw mtvec, t0
        li t0, -1               /* PMP entry 0: NAPOT over everything, RWX, so S-mode may run */
        csrw pmpaddr0, t0
        li t0, 0x1f
        csrw pmpcfg0, t0
        j 1f
        .org 0x40
1:      ecall                   /* 0x80000040: environment call from M-mode */
        li t1, 0x50000000
        j 5f                    /* the gaps .org leaves are zeros: illegal instructions */
        .org 0x50
5:
        lw t2, 0(t1)            /* 0x80000050: load access fault, nothing at that address */
        j 6f
        .org 0x60
6:
        csrr t2, 0x7c0          /* 0x80000060: unimplemented CSR */
        li t0, 8                /* mie.MSIE */
        csrw mie, t0
        csrsi mstatus, 8        /* mstatus.MIE */
        li t1, 0x2000000        /* CLINT msip of hart 0 */
        li t2, 1
        j 7f
        .org 0xa0
7:
        sw t2, 0(t1)            /* 0x800000a0: the interrupt is taken before 0x800000a4 */
        csrci mstatus, 8
        j 2f
        .org 0xb0
2:      la t0, root             /* satp: Sv39, root table at 0x80001000 */
        srli t0, t0, 12
        li t1, 8
        slli t1, t1, 60
        or t0, t0, t1
        csrw satp, t0
        j 3f
        .org 0x100
mhandler:                       /* 0x80000100 */
        csrr t3, mcause
        bltz t3, irq
        li t4, 9
        beq t3, t4, finish
        csrr t3, mepc           /* skip the faulting instruction (all are 4 bytes) */
        addi t3, t3, 4
        csrw mepc, t3
        mret
irq:    li t3, 0x2000000
        sw zero, 0(t3)
        mret
finish: li t3, 0x100000
        li t4, 0x5555
        sw t4, 0(t3)
4:      j 4b
        .org 0x180
3:      li t0, 3 << 11          /* mret to S-mode at smode */
        csrc mstatus, t0
        li t0, 1 << 11
        csrs mstatus, t0
        la t0, smode
        csrw mepc, t0
        mret
        .org 0x1c0
smode:  li t1, 0x40000000       /* 0x800001c0 */
        lw t2, 0(t1)            /* 0x800001c4: load page fault, L2 PTE not valid */
        li t1, 1
        slli t1, t1, 31
        j 8f
        .org 0x1e0
8:
        sw t2, 0(t1)            /* 0x800001e0: store page fault, the gigapage is not writable */
        j 9f
        .org 0x1f0
9:
        ecall                   /* 0x800001f0: environment call from S-mode: done */

        .org 0x1000
root:   .dword 0, 0             /* 0x80001000: VA 0x40000000 (index 1) unmapped */
        .dword (0x80000000 >> 12 << 10) | 0x4b   /* index 2: 0x80000000 gigapage, V R X A */
        .fill 509, 8, 0
