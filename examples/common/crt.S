/* Start-up for bare-metal guests (examples, bench guests, C system-test guests): stack, zeroed bss,
 * the FPU on (mstatus.FS = Initial), a trap handler that fails loudly (exit status 100 + mcause:
 * a trap the program did not ask for is a bug, and must not hang), main(hartid), exit with its result. */
    .section .text.init, "ax"
    .globl _start
_start:
    bnez a0, 2f                 /* only hart 0 runs */
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la t0, trap
    csrw mtvec, t0
    li t0, 1 << 13              /* mstatus.FS = Initial: the FP guest needs the FPU */
    csrs mstatus, t0
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

/* Any trap is a bug in the guest or the emulator: exit with status 100 + mcause (low bits). */
    .align 2
trap:
    csrr a0, mcause
    andi a0, a0, 63
    addi a0, a0, 100
    call htif_exit
