/* teachos trap vectors: m_vector (M-mode: the CLINT timer) and s_vector (S-mode: everything else). */
#include "board.h"

/* ---------------------------------------------------------------------------------------------
 * m_vector: where mtvec points (direct mode, so every M-mode trap comes here; priv 3.1.7).
 *
 * All exceptions and the S-mode interrupts are delegated to S-mode (mstart.c), so the only trap
 * that should reach M-mode is the machine timer interrupt (mcause = 1<<63 | 7). The CLINT's
 * timer is an M-mode device: S-mode cannot program mtimecmp. So, like xv6, we handle it here in
 * a few instructions: program the next deadline, which also clears MTIP, and pass the tick on
 * to S-mode by setting the supervisor software interrupt pending bit, mip.SSIP. S-mode takes
 * that interrupt as soon as we mret and its sstatus.SIE allows (priv 3.1.9).
 *
 * mscratch holds this hart's struct m_scratch (mstart.c):
 *   0, 8, 16: room to save t0..t2    24: &mtimecmp of this hart
 *   32: ticks interval               40: top of a small stack for m_trap_panic
 * ------------------------------------------------------------------------------------------- */
    .text
    .balign 4               /* mtvec's low two bits are the mode: the vector must be aligned */
    .globl m_vector
m_vector:
    csrrw sp, mscratch, sp  /* swap: sp = scratch area, mscratch = interrupted code's sp */
    sd t0, 0(sp)
    sd t1, 8(sp)
    sd t2, 16(sp)

    csrr t0, mcause
    li t1, (1 << 63) | 7    /* interrupt bit | machine timer interrupt */
    bne t0, t1, m_unexpected

    /* Next tick: mtimecmp = mtime + interval. (Adding to the old mtimecmp instead would make a
     * slow emulator deliver a burst of late ticks; counting from now keeps them spaced.) */
    ld t0, 24(sp)
    ld t1, 32(sp)
    li t2, CLINT_MTIME
    ld t2, 0(t2)
    add t2, t2, t1
    sd t2, 0(t0)

    /* Forward the tick: raise the supervisor software interrupt. */
    li t0, 1 << 1           /* mip.SSIP */
    csrs mip, t0

    ld t0, 0(sp)
    ld t1, 8(sp)
    ld t2, 16(sp)
    csrrw sp, mscratch, sp  /* swap back: sp restored, mscratch = scratch area again */
    mret

m_unexpected:
    /* Anything else in M-mode is a bug: report it from C on a stack of our own, never return. */
    ld sp, 40(sp)
    call m_trap_panic

/* ---------------------------------------------------------------------------------------------
 * s_vector: where stvec points. Traps from S-mode land here with sstatus.SIE cleared by the
 * hardware (SPIE keeps the old value; priv 4.1.1), on the stack of whatever we interrupted.
 * Save all 31 registers into a struct trapframe on that stack, call s_trap(tf) in C, restore
 * and sret (which sets SIE back from SPIE and returns to sepc, possibly changed by s_trap).
 * ------------------------------------------------------------------------------------------- */
    .balign 4
    .globl s_vector
s_vector:
    addi sp, sp, -256       /* struct trapframe: 32 slots of 8 bytes, x[i] at 8*i */
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd x\n, 8*\n(sp)
    .endr
    addi t0, sp, 256        /* the sp the trapped code had */
    sd t0, 8*2(sp)

    mv a0, sp
    call s_trap

    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld x\n, 8*\n(sp)
    .endr
    addi sp, sp, 256
    sret
