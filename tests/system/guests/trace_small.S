/* A short deterministic program for the instruction-trace test: arithmetic, a store, a load,
 * a compressed instruction, an FP-free run, then the syscon pass. */
        .section .text.init
        .globl _start
_start:
        li t0, 5
        addi t1, t0, 7
        la t2, word
        sw t1, 0(t2)
        lw a0, 0(t2)
        c.addi a0, -2
        li t0, 0x100000
        li t1, 0x5555
        sw t1, 0(t0)
1:      j 1b
        .data
        .align 3
word:   .word 0
