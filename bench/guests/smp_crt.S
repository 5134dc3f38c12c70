/* Start-up for the bench guests that use two harts (spinturn*.c): each hart gets its own 16 KiB of
 * the stack; hart 0 zeroes bss and then lets the others in; every hart calls main(hartid). Hart 0's
 * return value is the exit status; other harts park in wfi when main returns. Any trap fails
 * loudly (exit status 100 + mcause), as in examples/common/crt.S. */
    .section .text.init, "ax"
    .globl _start
_start:
    csrr s0, mhartid
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la t0, trap
    csrw mtvec, t0
    la sp, __stack_top
    slli t1, s0, 14
    sub sp, sp, t1
    bnez s0, 2f
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 3f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
3:  fence rw, rw
    la t0, bss_ready
    li t1, 1
    sw t1, 0(t0)
    li a0, 0
    call main
    call htif_exit
2:  la t0, bss_ready
4:  lw t1, 0(t0)
    beqz t1, 4b
    fence r, rw
    mv a0, s0
    call main
5:  wfi
    j 5b

    .align 2
trap:
    csrr a0, mcause
    andi a0, a0, 63
    addi a0, a0, 100
    call htif_exit

    .data
    .align 2
bss_ready: .word 0
