/* The code smp_fencei rewrites: patched_value returns the immediate of its first instruction
 * (addi a0, zero, IMM). 32-bit encodings only, word aligned, so one aligned sw replaces it whole. */
    .section .text.patch, "ax"
    .option push
    .option norvc
    .align 6
    .globl patched_value
patched_value:
    addi a0, zero, 0
    ret
    .option pop
