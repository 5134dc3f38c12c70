/* Start-up of the SMP guest tests: every hart enters here in M-mode with a0 = mhartid, a1 = device
 * tree (vhart's boot ROM). Each hart gets its own 16 KiB stack; hart 0 clears .bss and releases the
 * others; all call smp_start(hartid, dtb). Any trap the test did not install a handler for ends the
 * run with status 100 + mcause. */
    .section .text.init, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    li t0, 8
    bgeu a0, t0, park           /* more than 8 harts: not ours */
    la sp, __stacks_top
    slli t0, a0, 14
    sub sp, sp, t0
    la t0, smp_unexpected_trap
    csrw mtvec, t0
    bnez a0, 2f
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 3f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
3:  fence rw, rw
    la t0, smp_bss_ready        /* in .data, so that clearing .bss does not touch it */
    li t1, 1
    amoswap.w.rl zero, t1, (t0)
    j 4f
2:  la t0, smp_bss_ready
5:  lw t1, 0(t0)
    fence r, rw
    beqz t1, 5b
4:  call smp_start
park:
    wfi
    j park

    .align 2
    .globl smp_unexpected_trap
smp_unexpected_trap:
    csrr a0, mcause
    andi a0, a0, 63
    addi a0, a0, 100
    call smp_exit

    .data
    .align 3
    .globl smp_bss_ready
smp_bss_ready:
    .word 0
