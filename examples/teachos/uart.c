/* teachos console: the 16550A UART (polled output, interrupt-driven input) and kprintf. */
#include <stdarg.h>
#include "board.h"
#include "riscv.h"
#include "teachos.h"

/* 16550 registers, one byte each (National Semiconductor PC16550D data sheet). */
#define RBR 0   /* receive buffer (read) */
#define THR 0   /* transmit holding (write) */
#define IER 1   /* interrupt enable */
#define FCR 2   /* FIFO control (write) */
#define LCR 3   /* line control */
#define MCR 4   /* modem control */
#define LSR 5   /* line status */
#define DLL 0   /* divisor latch, low byte, while LCR.DLAB = 1 */
#define DLM 1   /* divisor latch, high byte */

#define IER_RX_AVAILABLE  0x01
#define FCR_ENABLE_CLEAR  0x07  /* enable FIFOs, clear both */
#define LCR_8N1           0x03  /* 8 data bits, no parity, 1 stop bit */
#define LCR_DLAB          0x80
#define MCR_DTR_RTS_OUT2  0x0b  /* on PCs OUT2 gates the interrupt line; set it like Linux does */
#define LSR_DATA_READY    0x01
#define LSR_THR_EMPTY     0x20

static void reg_w(int reg, uint8_t v) { mmio_write8(UART0 + reg, v); }
static uint8_t reg_r(int reg) { return mmio_read8(UART0 + reg); }

/* Called once by hart 0 in M-mode, before any output. */
void uart_init(void)
{
    reg_w(IER, 0);                  /* no interrupts while we set it up */
    reg_w(LCR, LCR_DLAB);           /* baud rate divisor: 38400 from a 1.8432 MHz clock; an */
    reg_w(DLL, 3);                  /* emulated UART ignores it, real hardware needs it */
    reg_w(DLM, 0);
    reg_w(LCR, LCR_8N1);            /* DLAB back to 0 */
    reg_w(FCR, FCR_ENABLE_CLEAR);
    reg_w(MCR, MCR_DTR_RTS_OUT2);
}

/* Called by S-mode once the PLIC is ready to route the interrupt. */
void uart_enable_rx_interrupt(void)
{
    reg_w(IER, IER_RX_AVAILABLE);
}

void uart_putc(char c)
{
    while ((reg_r(LSR) & LSR_THR_EMPTY) == 0)
        ;
    reg_w(THR, (uint8_t)c);
}

int uart_getc(void)
{
    if (reg_r(LSR) & LSR_DATA_READY)
        return reg_r(RBR);
    return -1;
}

/* ---- kprintf: %d %u %x %p %s %c and %%, with an optional l (long) before d, u or x. ---- */

static int print_lock;  /* a spinlock, so that lines from two harts do not interleave */

static void put_string(const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            uart_putc('\r');    /* the terminal on the other end wants CR LF */
        uart_putc(*s);
    }
}

static void put_number(uint64_t v, int base, int is_signed, int min_digits)
{
    char buf[24];
    int i = 0, negative = is_signed && (int64_t)v < 0;
    if (negative)
        v = -v;
    do {
        buf[i++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v != 0 || i < min_digits);
    if (negative)
        uart_putc('-');
    while (i > 0)
        uart_putc(buf[--i]);
}

void kprintf(const char *fmt, ...)
{
    /* Taking a lock with interrupts on invites deadlock: an interrupt handler on this hart that
     * prints would spin forever on a lock its own hart holds. So turn S-mode interrupts off
     * (harmless in M-mode, where sstatus is just a view of mstatus) and restore them after. */
    uint64_t sie = csr_read(sstatus) & SSTATUS_SIE;
    csr_clear(sstatus, SSTATUS_SIE);
    while (__atomic_exchange_n(&print_lock, 1, __ATOMIC_ACQUIRE) != 0)
        ;

    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            char s[2] = {*p, 0};
            put_string(s);
            continue;
        }
        int is_long = 0;
        if (*++p == 'l') {
            is_long = 1;
            p++;
        }
        switch (*p) {
        case 'd': put_number(is_long ? va_arg(ap, long) : va_arg(ap, int), 10, 1, 1); break;
        case 'u': put_number(is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10, 0, 1); break;
        case 'x': put_number(is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16, 0, 1); break;
        case 'p': put_string("0x"); put_number((uint64_t)va_arg(ap, void *), 16, 0, 1); break;
        case 's': put_string(va_arg(ap, const char *)); break;
        case 'c': uart_putc((char)va_arg(ap, int)); break;
        case '%': uart_putc('%'); break;
        case 0: p--; break;     /* a lone % at the end */
        default: uart_putc('%'); uart_putc(*p); break;
        }
    }
    va_end(ap);

    __atomic_store_n(&print_lock, 0, __ATOMIC_RELEASE);
    csr_set(sstatus, sie);
}
