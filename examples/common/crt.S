/* Start-up for bare-metal examples: stack, zeroed bss, main(hartid), then exit with its result. */
    .section .text.init, "ax"
    .globl _start
_start:
    /* Only hart 0 runs the program; others wait forever. */
    bnez a0, 2f
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 3f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
3:  call main
    call htif_exit
2:  wfi
    j 2b
