/* teachos: the functions each file offers the others. */
#ifndef TEACHOS_H
#define TEACHOS_H

#include <stdint.h>

/* The trap frame s_vector (trapvec.S) builds on the stack: x[i] holds register xi. */
struct trapframe {
    uint64_t x[32];
};

/* linker symbols (kernel.ld): where each part of the image begins and ends */
extern char _text_start[], _text_end[], _rodata_end[], _bss_start[], _bss_end[], _end[];

/* entry.S / trapvec.S */
void s_vector(void);
void m_vector(void);
extern volatile uint32_t boot_go;

/* uart.c: the 16550 and a small printf that both modes may call */
void uart_init(void);
void uart_enable_rx_interrupt(void);
void uart_putc(char c);
int uart_getc(void);                  /* -1 when nothing is waiting */
void kprintf(const char *fmt, ...);

/* vm.c: Sv39 page tables */
void kvm_init(void);

/* plic.c */
void plic_init_hart(uint64_t hart);
uint32_t plic_claim(uint64_t hart);
void plic_complete(uint64_t hart, uint32_t irq);

/* main.c */
void kmain(void);
void s_trap(struct trapframe *tf);
void poweroff(uint32_t how) __attribute__((noreturn));

/* mstart.c */
void m_start(uint64_t hartid, uint64_t dtb);
void m_trap_panic(void) __attribute__((noreturn));

#endif
