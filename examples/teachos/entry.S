/* teachos entry: every hart starts here in M-mode; give each a stack, let hart 0 clear .bss. */
#include "board.h"

    .section .text.entry, "ax"
    .globl _entry
_entry:
    /* With no firmware (-bios none / --bios none) the board's reset code jumps here on every
     * hart at once, in M-mode, with a0 = hartid and a1 = the device tree's address. We trust
     * mhartid over a0: it is the hart's own number (priv spec 3.1.5). */
    csrr a0, mhartid

    /* A hart we have no stack for parks at once. */
    li t0, NCPU
    bgeu a0, t0, park

    /* sp = stacks + (hartid + 1) * STACK_SIZE: stacks grow down, so each hart starts at the
     * top of its own page. The stacks live in .bss. */
    la sp, stacks
    addi t0, a0, 1
    li t1, STACK_SIZE
    mul t0, t0, t1
    add sp, sp, t0

    bnez a0, wait_for_hart0

    /* Hart 0 zeroes .bss: C expects uninitialised globals to read as 0, and the loader only
     * copies what is in the ELF file (.text, .rodata, .data). */
    la t0, _bss_start
    la t1, _bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  call m_start            /* m_start(hartid = a0, dtb = a1) never returns */
    j park

wait_for_hart0:
    /* The other harts wait, touching no memory but boot_go, until hart 0 has cleared .bss
     * (which holds their stacks) and set up the UART; boot_go is in .data, so the loader has
     * already made it 0 and .bss clearing leaves it alone. */
    lw t0, boot_go
    beqz t0, wait_for_hart0
    fence r, rw             /* acquire: see hart 0's writes made before boot_go = 1 */
    call m_start

park:
    wfi                     /* wfi may return at any time (priv 3.3.3), so loop */
    j park

    .data
    .balign 4
    .globl boot_go
boot_go:
    .word 0

    .bss
    .balign 16
stacks:
    .space STACK_SIZE * NCPU
