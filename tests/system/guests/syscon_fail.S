/* Syscon test finisher: 0x3333 | 5 << 16 ends the run with exit status 5. */
        .section .text.init
        .globl _start
_start:
        li t0, 0x100000
        li t1, 0x3333 | (5 << 16)
        sw t1, 0(t0)
1:      j 1b
