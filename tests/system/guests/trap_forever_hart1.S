/* Two harts: hart 0 spins, hart 1 runs into an illegal instruction with mtvec 0 and traps for
 * ever at address 0 (the trap storm must name hart 1). */
        .section .text.init
        .globl _start
_start:
        csrr a0, mhartid
        bnez a0, 1f
2:      j 2b
1:      unimp
