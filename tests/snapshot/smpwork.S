/* smpwork: a bare-metal guest for reverse execution on several harts (history.c). Every hart starts
 * here in M-mode; each takes CLINT timer interrupts at its own pace, and all of them share counters
 * through AMOs and LR/SC, so that a re-run with another interleaving of the harts would give other
 * values. `work` is the function the tests put a breakpoint on. Runs until stopped. */
#define CLINT_MTIMECMP 0x2004000
#define CLINT_MTIME 0x200bff8

    .section .text.entry
    .globl _start
_start:
    csrr a0, mhartid
    la sp, stacks
    addi t0, a0, 1
    slli t0, t0, 12
    add sp, sp, t0
    la t0, trap
    csrw mtvec, t0
    la t0, tstacks             /* mscratch: this hart's trap stack */
    addi t1, a0, 1
    slli t1, t1, 8
    add t0, t0, t1
    csrw mscratch, t0
    /* First deadline: hart h at mtime + 300 * (h + 1). */
    li t1, CLINT_MTIME
    ld t2, 0(t1)
    addi t3, a0, 1
    li t4, 300
    mul t3, t3, t4
    add t2, t2, t3
    li t1, CLINT_MTIMECMP
    slli t5, a0, 3
    add t1, t1, t5
    sd t2, 0(t1)
    li t0, 0x80          /* MTIE */
    csrw mie, t0
    csrsi mstatus, 8     /* MIE */
    li s1, 0             /* this hart's rounds */
loop:
    la t0, shared
    li t1, 1
    amoadd.d t2, t1, (t0)      /* shared[0] += 1, the old value into s2 */
    mv s2, t2
    addi t5, t0, 8
1:  lr.d t3, (t5)              /* shared[1] = shared[1] * 3 + hart + 1, atomically */
    li t4, 3
    mul t3, t3, t4
    add t3, t3, a0
    addi t3, t3, 1
    sc.d t4, t3, (t5)
    bnez t4, 1b
    mv a1, s2
    call work
    la t0, slots               /* slots[hart] = what work returned */
    slli t1, a0, 3
    add t0, t0, t1
    sd a1, 0(t0)
    addi s1, s1, 1
    j loop

    .globl work
work:                          /* a1 = a1 mixed with a short loop's sum */
    li t0, 37
    li t1, 0
2:  add t1, t1, t0
    xor t1, t1, a1
    addi t0, t0, -1
    bnez t0, 2b
    mv a1, t1
    ret

    .align 2
trap:                          /* the timer: count it, next deadline 700 * (h + 1) later */
    csrrw sp, mscratch, sp
    sd t4, -8(sp)
    sd t5, -16(sp)
    sd t6, -24(sp)
    csrr t4, mhartid
    slli t4, t4, 3
    la t6, ticks
    add t6, t6, t4
    ld t5, 0(t6)
    addi t5, t5, 1
    sd t5, 0(t6)
    li t6, CLINT_MTIMECMP
    add t6, t6, t4
    ld t5, 0(t6)
    srli t4, t4, 3
    addi t4, t4, 1
    li t6, 700
    mul t4, t4, t6
    add t5, t5, t4
    csrr t4, mhartid
    slli t4, t4, 3
    li t6, CLINT_MTIMECMP
    add t6, t6, t4
    sd t5, 0(t6)
    ld t4, -8(sp)
    ld t5, -16(sp)
    ld t6, -24(sp)
    csrrw sp, mscratch, sp
    mret

    .data
    .align 3
shared: .dword 0, 0
slots:  .zero 64
ticks:  .zero 64
    .bss
    .align 12
stacks: .zero 4096 * 8
tstacks: .zero 256 * 9
