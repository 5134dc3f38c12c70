/* Syscon reset (0x7777) restarts the machine: the first run leaves a marker in RAM outside the
 * program image and resets; the second finds it and passes with 0x5555. A third run fails. */
        .section .text.init
        .globl _start
_start:
        li t0, 0x80100000
        ld t1, 0(t0)
        li t2, 0x5ee5
        beq t1, t2, second
        beqz t1, first
        j fail
first:
        sd t2, 0(t0)
        li t0, 0x100000
        li t1, 0x7777
        sw t1, 0(t0)
1:      j 1b
second:
        li t2, 0xbad
        sd t2, 0(t0)
        li t0, 0x100000
        li t1, 0x5555
        sw t1, 0(t0)
1:      j 1b
fail:
        li t0, 0x100000
        li t1, 0x3333 | (9 << 16)
        sw t1, 0(t0)
1:      j 1b
