/* 16550A UART (National Semiconductor PC16550D datasheet, June 1995): registers, 16-byte receive FIFO,
 * prioritised interrupts and loopback, as QEMU virt's "ns16550a" (reg-shift 0, 8-bit registers, IRQ 10). */
#ifndef VHART_DEV_UART16550_H
#define VHART_DEV_UART16550_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../mem/bus.h"

struct state_writer;
struct state_reader;

#define UART16550_BASE 0x10000000ull
#define UART16550_SIZE 0x100ull
#define UART16550_IRQ 10
#define UART16550_FIFO_SIZE 16
/* The input clock the device tree advertises ("clock-frequency"), as QEMU virt: 1.8432 MHz x 2. */
#define UART16550_CLOCK_HZ 3686400u

/* Register offsets (reg-shift 0). With LCR.DLAB set, offsets 0 and 1 are DLL and DLM. */
enum {
    UART16550_RBR = 0, UART16550_THR = 0, UART16550_DLL = 0,
    UART16550_IER = 1, UART16550_DLM = 1,
    UART16550_IIR = 2, UART16550_FCR = 2,
    UART16550_LCR = 3,
    UART16550_MCR = 4,
    UART16550_LSR = 5,
    UART16550_MSR = 6,
    UART16550_SCR = 7,
};

/* IER */
#define UART16550_IER_ERBFI 0x01   /* received data available */
#define UART16550_IER_ETBEI 0x02   /* transmitter holding register empty */
#define UART16550_IER_ELSI 0x04    /* receiver line status */
#define UART16550_IER_EDSSI 0x08   /* modem status */
/* IIR: bit 0 clear when an interrupt is pending; bits 3:1 identify it; bits 7:6 = 11 with FIFOs on. */
#define UART16550_IIR_NONE 0x01
#define UART16550_IIR_MSR 0x00
#define UART16550_IIR_THRE 0x02
#define UART16550_IIR_RDA 0x04
#define UART16550_IIR_RLS 0x06
#define UART16550_IIR_TIMEOUT 0x0c
#define UART16550_IIR_FIFO 0xc0
/* FCR */
#define UART16550_FCR_ENABLE 0x01
#define UART16550_FCR_CLEAR_RX 0x02
#define UART16550_FCR_CLEAR_TX 0x04
#define UART16550_FCR_DMA 0x08
#define UART16550_FCR_TRIGGER 0xc0
/* LCR */
#define UART16550_LCR_DLAB 0x80
/* MCR */
#define UART16550_MCR_DTR 0x01
#define UART16550_MCR_RTS 0x02
#define UART16550_MCR_OUT1 0x04
#define UART16550_MCR_OUT2 0x08
#define UART16550_MCR_LOOP 0x10
/* LSR */
#define UART16550_LSR_DR 0x01
#define UART16550_LSR_OE 0x02
#define UART16550_LSR_PE 0x04
#define UART16550_LSR_FE 0x08
#define UART16550_LSR_BI 0x10
#define UART16550_LSR_THRE 0x20
#define UART16550_LSR_TEMT 0x40
#define UART16550_LSR_FIFOERR 0x80
/* MSR */
#define UART16550_MSR_DCTS 0x01
#define UART16550_MSR_DDSR 0x02
#define UART16550_MSR_TERI 0x04
#define UART16550_MSR_DDCD 0x08
#define UART16550_MSR_CTS 0x10
#define UART16550_MSR_DSR 0x20
#define UART16550_MSR_RI 0x40
#define UART16550_MSR_DCD 0x80

struct uart16550 {
    /* Output to the host, and the interrupt line: called when its level changes, and with 1 again when a new
     * interrupt event happens while it is high (a new request for the PLIC). */
    void (*tx)(void *opaque, uint8_t byte);
    void (*set_irq)(void *opaque, int level);
    void *opaque;

    uint8_t ier, lcr, mcr, scr, dll, dlm;
    uint8_t fcr;          /* FIFO enable, DMA mode and trigger bits as last programmed */
    uint8_t lsr_errors;   /* OE (and any other sticky line-status error), cleared by reading LSR */
    uint8_t msr;          /* modem status: input lines in bits 7:4, deltas in bits 3:0 */
    uint8_t rbr;          /* the last byte read from the receiver */
    bool thre_pending;    /* THR-empty interrupt latched (datasheet Table IV: cleared by IIR read or THR write) */
    int irq_level;
    uint8_t rx[UART16550_FIFO_SIZE];
    unsigned rx_head, rx_count;
};

extern const struct mmio_ops uart16550_ops;

/* Reset state (datasheet Table II); the line starts low and set_irq is not called. */
void uart16550_init(struct uart16550 *u, void (*tx)(void *opaque, uint8_t byte),
                    void (*set_irq)(void *opaque, int level), void *opaque);
/* Master reset: registers back to their reset values, FIFO emptied, the line lowered if it was high. */
void uart16550_reset(struct uart16550 *u);
/* Push host input into the receiver; returns how many bytes were taken (the caller retries the rest later).
 * Takes nothing in loopback mode, where the serial input is disconnected. */
size_t uart16550_receive(struct uart16550 *u, const uint8_t *data, size_t len);
bool uart16550_can_receive(const struct uart16550 *u);
/* One line describing the registers and FIFO, NUL-terminated and truncated to len. */
void uart16550_describe(const struct uart16550 *u, char *buf, size_t len);

/* Snapshot: registers, FIFO contents and the interrupt state (the line level is the PLIC's to keep). */
void uart16550_save(const struct uart16550 *u, struct state_writer *w);
void uart16550_load(struct uart16550 *u, struct state_reader *r);

#endif
