/* A guest stuck for good: its first instruction is illegal and mtvec is 0 (its reset value), so
 * the hart traps to address 0, where nothing is mapped, and takes an instruction access fault
 * there again and again without retiring anything (vhart stops it: a trap storm). */
        .section .text.init
        .globl _start
_start:
        unimp
