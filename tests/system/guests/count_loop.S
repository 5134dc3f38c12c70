/* A loop that never ends, for --max-insns: exactly 3 instructions before it, 2 per iteration. */
        .section .text.init
        .globl _start
_start:
        li t0, 0
        li t1, 1
        nop
1:      add t0, t0, t1
        j 1b
