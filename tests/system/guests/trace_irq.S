/* For the instruction-trace test: a machine timer interrupt taken while the hart waits in wfi
 * (the interrupt becomes pending between two run slices), whose handler's first instruction
 * must be in the trace; then satp set to Sv39 while staying in M-mode, with a page table that
 * does not map the code (M-mode fetches are not translated, so every following instruction must
 * still be traced), and an MPRV load through that table (its virtual address in the trace);
 * then the syscon pass. */
        .section .text.init
        .globl _start
_start:
        la t0, handler
        csrw mtvec, t0
        li t0, 0x80             /* mie.MTIE */
        csrw mie, t0
        csrsi mstatus, 8        /* mstatus.MIE */
        li t1, 0x200bff8        /* CLINT mtime = 0: the trace shows no clock values */
        sd zero, 0(t1)
        li t2, 100000           /* 10 ms later: long after the wfi */
        li t1, 0x2004000        /* CLINT mtimecmp of hart 0 */
        sd t2, 0(t1)
2:      wfi
        la t0, done
        ld t0, 0(t0)
        beqz t0, 2b
        /* Sv39 with one 1 GiB leaf: VA 0x40000000 -> PA 0x80000000 (R, W, A, D), still M-mode. */
        li t0, -1               /* PMP entry 0: NAPOT over everything, RWX, so S-mode may load */
        csrw pmpaddr0, t0
        li t0, 0x1f
        csrw pmpcfg0, t0
        la t0, root
        srli t0, t0, 12
        li t1, 8
        slli t1, t1, 60
        or t0, t0, t1
        csrw satp, t0
        addi a0, zero, 1
        addi a0, a0, 2
        /* An MPRV load (MPP = S) goes through the table. */
        li t0, 1 << 17 | 1 << 11
        csrs mstatus, t0
        la t1, word
        li t2, 0x40000000
        sub t1, t1, t2          /* PA 0x8000xxxx -> VA 0x4000xxxx */
        ld a1, 0(t1)
        csrc mstatus, t0
        li t0, 0x100000
        li t1, 0x5555
        sw t1, 0(t0)
1:      j 1b

        .align 2
handler:
        li t1, 0x2004000
        li t2, -1
        sd t2, 0(t1)            /* no more timer interrupts */
        la t1, done
        li t2, 1
        sd t2, 0(t1)
        mret

        .data
        .align 12
root:
        .dword 0
        .dword (0x80000000 >> 12) << 10 | 0xc7   /* V R W A D, index 1: VA 0x40000000 */
        .fill 510, 8, 0
word:   .dword 0x1122334455667788
done:   .dword 0
