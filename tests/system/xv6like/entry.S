/* xv6like start-up and trap vectors: every hart enters at 0x80000000 in M-mode (no firmware), as xv6's
 * entry.S; the M-mode CLINT timer vector forwards each tick as a supervisor software interrupt (xv6's
 * timervec, plus a watchdog); the S-mode vector saves the caller-saved registers around s_trap. */
#define NCPU 8
#define STACK_SIZE 8192

    .section .text.entry, "ax"
    .globl _entry
_entry:
    csrr a0, mhartid
    li t0, NCPU
    bgeu a0, t0, 9f
    la sp, stacks
    addi t0, a0, 1
    li t1, STACK_SIZE
    mul t0, t0, t1
    add sp, sp, t0
    call m_start
9:  wfi
    j 9b

/* M-mode timer interrupt (the only M-mode trap expected). mscratch points at this hart's scratch area:
 * [0..2] saved a1-a3, [3] address of its mtimecmp, [4] interval, [5] ticks taken, [6] watchdog limit.
 * Past the limit the test has not finished in time: fail through the test finisher with code 3. Any
 * other M-mode trap fails with code 4. */
    .text
    .globl timervec
    .align 4
timervec:
    csrrw a0, mscratch, a0
    sd a1, 0(a0)
    sd a2, 8(a0)
    sd a3, 16(a0)
    csrr a1, mcause
    bgez a1, m_unexpected
    ld a1, 24(a0)
    ld a2, 32(a0)
    ld a3, 0(a1)
    add a3, a3, a2
    sd a3, 0(a1)
    ld a1, 40(a0)
    addi a1, a1, 1
    sd a1, 40(a0)
    ld a2, 48(a0)
    bgtu a1, a2, m_watchdog
    li a1, 2
    csrw sip, a1
    ld a3, 16(a0)
    ld a2, 8(a0)
    ld a1, 0(a0)
    csrrw a0, mscratch, a0
    mret
m_watchdog:
    li a1, 0x100000
    li a2, (3 << 16) | 0x3333
    sw a2, 0(a1)
1:  j 1b
m_unexpected:
    li a1, 0x100000
    li a2, (4 << 16) | 0x3333
    sw a2, 0(a1)
1:  j 1b

/* S-mode trap vector: save the registers a C function may clobber, call s_trap, restore, sret. */
    .globl kernelvec
    .align 4
kernelvec:
    addi sp, sp, -256
    sd ra, 0(sp)
    sd gp, 8(sp)
    sd tp, 16(sp)
    sd t0, 24(sp)
    sd t1, 32(sp)
    sd t2, 40(sp)
    sd a0, 48(sp)
    sd a1, 56(sp)
    sd a2, 64(sp)
    sd a3, 72(sp)
    sd a4, 80(sp)
    sd a5, 88(sp)
    sd a6, 96(sp)
    sd a7, 104(sp)
    sd t3, 112(sp)
    sd t4, 120(sp)
    sd t5, 128(sp)
    sd t6, 136(sp)
    call s_trap
    ld ra, 0(sp)
    ld gp, 8(sp)
    ld tp, 16(sp)
    ld t0, 24(sp)
    ld t1, 32(sp)
    ld t2, 40(sp)
    ld a0, 48(sp)
    ld a1, 56(sp)
    ld a2, 64(sp)
    ld a3, 72(sp)
    ld a4, 80(sp)
    ld a5, 88(sp)
    ld a6, 96(sp)
    ld a7, 104(sp)
    ld t3, 112(sp)
    ld t4, 120(sp)
    ld t5, 128(sp)
    ld t6, 136(sp)
    addi sp, sp, 256
    sret

    .bss
    .align 12
    .globl stacks
stacks:
    .space STACK_SIZE * NCPU
