/* teachos board map: the devices of QEMU's `virt` machine (and vhart's copy of it) that teachos uses. */
#ifndef TEACHOS_BOARD_H
#define TEACHOS_BOARD_H

/* This header is included from assembly too, where a "UL" suffix would be a syntax error. */
#ifdef __ASSEMBLER__
#define UL(x) x
#else
#define UL(x) x##UL
#endif

#define NCPU            8                       /* most harts we give a stack to; others park */
#define STACK_SIZE      4096                    /* one page of stack per hart */

/* RAM: the ELF is linked at its start (kernel.ld). We map 128 MiB, what `-m 128M` gives. */
#define RAM_BASE        UL(0x80000000)
#define RAM_SIZE        UL(0x08000000)
#define RAM_END         (RAM_BASE + RAM_SIZE)

/* Test finisher ("sifive,test0" / syscon): a 32-bit write of 0x5555 powers off with status 0;
 * 0x3333 | code << 16 powers off with status `code`. */
#define SYSCON          UL(0x00100000)
#define SYSCON_POWEROFF 0x5555
#define SYSCON_FAIL     0x3333

/* CLINT (SiFive core-local interruptor, now "ACLINT"): one 64-bit mtimecmp per hart and one
 * shared 64-bit mtime counter that ticks at the timebase frequency (10 MHz on virt). */
#define CLINT           UL(0x02000000)
#define CLINT_MTIMECMP(hart) (CLINT + 0x4000 + 8 * (hart))
#define CLINT_MTIME     (CLINT + 0xbff8)
#define TIMEBASE_HZ     10000000
#define TICK_HZ         10
#define TICK_INTERVAL   (TIMEBASE_HZ / TICK_HZ) /* mtime units between two ticks */

/* PLIC (platform-level interrupt controller, RISC-V PLIC spec). Interrupt targets are
 * "contexts": on virt, context 2h is hart h in M-mode and 2h+1 is hart h in S-mode. */
#define PLIC            UL(0x0c000000)
#define PLIC_SIZE       UL(0x00400000)          /* enough for the contexts of 8 harts */
#define PLIC_PRIORITY(irq)    (PLIC + 4 * (irq))
#define PLIC_ENABLE(ctx)      (PLIC + 0x2000 + 0x80 * (ctx))
#define PLIC_THRESHOLD(ctx)   (PLIC + 0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)       (PLIC + 0x200004 + 0x1000 * (ctx))
#define PLIC_SCONTEXT(hart)   (2 * (hart) + 1)

/* UART0: a 16550A with byte-wide registers, wired to PLIC interrupt source 10. */
#define UART0           UL(0x10000000)
#define UART0_IRQ       10

#endif
