/* 16550A UART after the National Semiconductor PC16550D datasheet (June 1995): register set (Table II),
 * FIFO control (FCR), line status (LSR), interrupt identification and priorities (Table IV), loopback (MCR4).
 *
 * Choices where an emulated line differs from a wire:
 * - Transmission is immediate: a THR write goes to the host (or, in loopback, to the receiver) at once, so
 *   LSR.THRE and LSR.TEMT always read 1 and the transmit FIFO never holds data.
 * - Host input is flow-controlled by uart16550_receive, so it never overruns; an overrun (LSR.OE) happens
 *   when loopback output arrives at a full receiver, as on the chip.
 * - A character time is zero, so the FIFO-mode character timeout (IIR = 0xc) is indicated as soon as the
 *   receive FIFO holds data below the trigger level, and stays until the FIFO is drained or reaches it.
 * - No parity, framing or break errors occur; outside loopback the modem inputs read as a connected cable
 *   (CTS, DSR and DCD asserted, RI not).
 * - OUT2 does not gate the interrupt output (as on QEMU; on PCs that gating is the board's, not the chip's).
 * - The interrupt output is a level, and each new interrupt event while it is high asserts it again
 *   (set_irq(1) once more), as QEMU's serial_update_irq does: data received, a byte read with more
 *   interrupts left, THR emptied again after a write, an IER, FCR or MCR change, or a read that cleared one
 *   condition while another stands. Reads that change nothing (LSR without errors, SCR) are no event. With
 *   the PLIC's gateway counting requests (plic.c), a driver that leaves THRE standing because it never
 *   reads IIR (datasheet Table IV: THRE is cleared by reading IIR when it is the source, or by writing
 *   THR) gets one interrupt per event, not a storm; see docs/compatibility.md. */
#include "uart16550.h"

#include "../util/statebuf.h"

#include <stdio.h>

static const uint8_t rx_trigger_levels[4] = { 1, 4, 8, 14 };

static bool fifo_on(const struct uart16550 *u) { return u->fcr & UART16550_FCR_ENABLE; }
static bool loopback(const struct uart16550 *u) { return u->mcr & UART16550_MCR_LOOP; }
static unsigned rx_capacity(const struct uart16550 *u) { return fifo_on(u) ? UART16550_FIFO_SIZE : 1; }

/* The modem inputs: from the "cable" normally, from MCR's outputs in loopback (datasheet, MCR bit 4). */
static uint8_t modem_inputs(const struct uart16550 *u)
{
    if (!loopback(u)) return UART16550_MSR_CTS | UART16550_MSR_DSR | UART16550_MSR_DCD;
    uint8_t v = 0;
    if (u->mcr & UART16550_MCR_RTS) v |= UART16550_MSR_CTS;
    if (u->mcr & UART16550_MCR_DTR) v |= UART16550_MSR_DSR;
    if (u->mcr & UART16550_MCR_OUT1) v |= UART16550_MSR_RI;
    if (u->mcr & UART16550_MCR_OUT2) v |= UART16550_MSR_DCD;
    return v;
}

/* Latch new modem inputs, setting the delta bits: DCTS/DDSR/DDCD on any change, TERI on RI going low. */
static void set_modem_inputs(struct uart16550 *u, uint8_t in)
{
    uint8_t old = u->msr & 0xf0, changed = old ^ in, delta = 0;
    if (changed & UART16550_MSR_CTS) delta |= UART16550_MSR_DCTS;
    if (changed & UART16550_MSR_DSR) delta |= UART16550_MSR_DDSR;
    if (changed & UART16550_MSR_DCD) delta |= UART16550_MSR_DDCD;
    if ((old & UART16550_MSR_RI) && !(in & UART16550_MSR_RI)) delta |= UART16550_MSR_TERI;
    u->msr = (uint8_t)(in | (u->msr & 0x0f) | delta);
}

/* The highest-priority pending interrupt (Table IV), as IIR bits 3:0. */
static uint8_t interrupt_id(const struct uart16550 *u)
{
    if ((u->ier & UART16550_IER_ELSI) && u->lsr_errors) return UART16550_IIR_RLS;
    if ((u->ier & UART16550_IER_ERBFI) && u->rx_count) {
        if (!fifo_on(u) || u->rx_count >= rx_trigger_levels[u->fcr >> 6]) return UART16550_IIR_RDA;
        return UART16550_IIR_TIMEOUT;
    }
    if ((u->ier & UART16550_IER_ETBEI) && u->thre_pending) return UART16550_IIR_THRE;
    if ((u->ier & UART16550_IER_EDSSI) && (u->msr & 0x0f)) return UART16550_IIR_MSR;
    return UART16550_IIR_NONE;
}

/* Drive the line: on a change of level, and again while high when event says something new happened. */
static void update_irq_on(struct uart16550 *u, bool event)
{
    int level = !(interrupt_id(u) & UART16550_IIR_NONE);
    if (level == u->irq_level && !(level && event)) return;
    u->irq_level = level;
    if (u->set_irq) u->set_irq(u->opaque, level);
}

static void update_irq(struct uart16550 *u) { update_irq_on(u, false); }

static void rx_clear(struct uart16550 *u)
{
    u->rx_head = 0;
    u->rx_count = 0;
}

/* A character arrives in the receiver shift register. On a full receiver it overruns: in FIFO mode the
 * character is lost; in 16450 mode it replaces the unread one in RBR. */
static void rx_push(struct uart16550 *u, uint8_t byte)
{
    if (u->rx_count < rx_capacity(u)) {
        u->rx[(u->rx_head + u->rx_count) % UART16550_FIFO_SIZE] = byte;
        u->rx_count++;
        return;
    }
    u->lsr_errors |= UART16550_LSR_OE;
    if (!fifo_on(u)) u->rx[u->rx_head] = byte;
}

static uint8_t rx_pop(struct uart16550 *u)
{
    if (u->rx_count) {
        u->rbr = u->rx[u->rx_head];
        u->rx_head = (u->rx_head + 1) % UART16550_FIFO_SIZE;
        u->rx_count--;
    }
    return u->rbr;
}

void uart16550_reset(struct uart16550 *u)
{
    u->ier = 0;
    u->lcr = 0;
    u->mcr = 0;
    u->fcr = 0;
    u->scr = 0;
    u->dll = 0x0c;   /* the datasheet leaves the divisor undefined; 9600 baud at 1.8432 MHz, as QEMU */
    u->dlm = 0;
    u->lsr_errors = 0;
    u->msr = 0;
    set_modem_inputs(u, modem_inputs(u));
    u->msr &= 0xf0;
    u->rbr = 0;
    u->thre_pending = false;
    rx_clear(u);
    update_irq(u);
}

void uart16550_init(struct uart16550 *u, void (*tx)(void *opaque, uint8_t byte),
                    void (*set_irq)(void *opaque, int level), void *opaque)
{
    u->tx = tx;
    u->set_irq = set_irq;
    u->opaque = opaque;
    u->irq_level = 0;
    uart16550_reset(u);
}

size_t uart16550_receive(struct uart16550 *u, const uint8_t *data, size_t len)
{
    if (loopback(u)) return 0;
    size_t n = 0;
    while (n < len && u->rx_count < rx_capacity(u)) rx_push(u, data[n++]);
    if (n) update_irq_on(u, true);
    return n;
}

bool uart16550_can_receive(const struct uart16550 *u)
{
    return !loopback(u) && u->rx_count < rx_capacity(u);
}

static uint8_t read_reg(struct uart16550 *u, unsigned reg)
{
    uint8_t v = 0;
    bool event = false;   /* the read changed the interrupt state */
    switch (reg) {
    case UART16550_RBR:
        if (u->lcr & UART16550_LCR_DLAB) return u->dll;
        event = u->rx_count != 0;
        v = rx_pop(u);
        break;
    case UART16550_IER:
        return (u->lcr & UART16550_LCR_DLAB) ? u->dlm : u->ier;
    case UART16550_IIR: {
        uint8_t id = interrupt_id(u);
        v = (uint8_t)(id | (fifo_on(u) ? UART16550_IIR_FIFO : 0));
        if (id == UART16550_IIR_THRE) {
            u->thre_pending = false;   /* reading IIR clears THRE when it is the source */
            event = true;
        }
        break;
    }
    case UART16550_LCR: return u->lcr;
    case UART16550_MCR: return u->mcr;
    case UART16550_LSR:
        v = (uint8_t)((u->rx_count ? UART16550_LSR_DR : 0) | u->lsr_errors | UART16550_LSR_THRE | UART16550_LSR_TEMT);
        event = u->lsr_errors != 0;
        u->lsr_errors = 0;
        break;
    case UART16550_MSR:
        v = u->msr;
        event = (u->msr & 0x0f) != 0;
        u->msr &= 0xf0;
        break;
    case UART16550_SCR: return u->scr;
    default: return 0;
    }
    update_irq_on(u, event);
    return v;
}

static void write_fcr(struct uart16550 *u, uint8_t v)
{
    /* Changing between FIFO and 16450 mode empties the FIFOs; the other bits only program with FCR0 set. */
    if ((v ^ u->fcr) & UART16550_FCR_ENABLE) rx_clear(u);
    if (!(v & UART16550_FCR_ENABLE)) {
        u->fcr &= (uint8_t)~UART16550_FCR_ENABLE;
        return;
    }
    if (v & UART16550_FCR_CLEAR_RX) rx_clear(u);
    /* FCR2 (clear XMIT FIFO): the transmit FIFO is always empty here. */
    u->fcr = v & (UART16550_FCR_ENABLE | UART16550_FCR_DMA | UART16550_FCR_TRIGGER);
}

static void write_reg(struct uart16550 *u, unsigned reg, uint8_t v)
{
    bool event = true;   /* a THR write empties THR again; other writes count when they change something */
    switch (reg) {
    case UART16550_THR:
        if (u->lcr & UART16550_LCR_DLAB) {
            u->dll = v;
            return;
        }
        u->thre_pending = false;   /* writing THR clears the THRE interrupt... */
        if (loopback(u)) rx_push(u, v);
        else if (u->tx) u->tx(u->opaque, v);
        u->thre_pending = true;    /* ...and THR empties again at once, which raises it anew */
        break;
    case UART16550_IER:
        if (u->lcr & UART16550_LCR_DLAB) {
            u->dlm = v;
            return;
        }
        /* Enabling ETBEI while THR is empty (it always is) raises the THRE interrupt. */
        if ((v & ~u->ier) & UART16550_IER_ETBEI) u->thre_pending = true;
        if (!(v & UART16550_IER_ETBEI)) u->thre_pending = false;
        event = (v & 0x0f) != u->ier;
        u->ier = v & 0x0f;
        break;
    case UART16550_FCR: {
        uint8_t old_fcr = u->fcr;
        unsigned old_count = u->rx_count;
        write_fcr(u, v);
        event = u->fcr != old_fcr || u->rx_count != old_count;
        break;
    }
    case UART16550_LCR: u->lcr = v; return;
    case UART16550_MCR: {
        uint8_t old_msr = u->msr;
        event = (v & 0x1f) != u->mcr;
        u->mcr = v & 0x1f;
        set_modem_inputs(u, modem_inputs(u));
        event = event || u->msr != old_msr;
        break;
    }
    case UART16550_SCR: u->scr = v; return;
    default: return;   /* LSR and MSR are read-only (their writes are factory test) */
    }
    update_irq_on(u, event);
}

/* Byte registers; 2- and 4-byte accesses act on the byte at their offset (some guests use 32-bit accesses
 * with reg-shift 0); 8-byte accesses fault. Offsets 8 and above read as zero and ignore writes. */
static int uart_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    if (size == 8) return -1;
    *value = off < 8 ? read_reg(opaque, (unsigned)off) : 0;
    return 0;
}

static int uart_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    if (size == 8) return -1;
    if (off < 8) write_reg(opaque, (unsigned)off, (uint8_t)value);
    return 0;
}

const struct mmio_ops uart16550_ops = { uart_read, uart_write };

void uart16550_describe(const struct uart16550 *u, char *buf, size_t len)
{
    if (!len) return;
    uint8_t iir = (uint8_t)(interrupt_id(u) | (fifo_on(u) ? UART16550_IIR_FIFO : 0));
    uint8_t lsr = (uint8_t)((u->rx_count ? UART16550_LSR_DR : 0) | u->lsr_errors | UART16550_LSR_THRE |
                            UART16550_LSR_TEMT);
    snprintf(buf, len,
             "uart16550: ier=%02x iir=%02x lcr=%02x mcr=%02x lsr=%02x msr=%02x scr=%02x divisor=%u "
             "fifo=%s rx=%u/%u trigger=%u%s irq=%d",
             u->ier, iir, u->lcr, u->mcr, lsr, u->msr, u->scr, (unsigned)u->dlm << 8 | u->dll,
             fifo_on(u) ? "on" : "off", u->rx_count, rx_capacity(u), rx_trigger_levels[u->fcr >> 6],
             loopback(u) ? " loopback" : "", u->irq_level);
}

void uart16550_save(const struct uart16550 *u, struct state_writer *w)
{
    const uint8_t regs[] = { u->ier, u->lcr, u->mcr, u->scr, u->dll, u->dlm, u->fcr, u->lsr_errors, u->msr, u->rbr };
    state_put_bytes(w, regs, sizeof(regs));
    state_put_bool(w, u->thre_pending);
    state_put_bool(w, u->irq_level != 0);
    state_put_u32(w, u->rx_count);
    for (unsigned i = 0; i < u->rx_count; i++) state_put_u8(w, u->rx[(u->rx_head + i) % UART16550_FIFO_SIZE]);
}

void uart16550_load(struct uart16550 *u, struct state_reader *r)
{
    uint8_t regs[10];
    state_get_bytes(r, regs, sizeof(regs));
    u->ier = regs[0] & 0x0f;
    u->lcr = regs[1];
    u->mcr = regs[2] & 0x1f;
    u->scr = regs[3];
    u->dll = regs[4];
    u->dlm = regs[5];
    u->fcr = regs[6] & (UART16550_FCR_ENABLE | UART16550_FCR_DMA | UART16550_FCR_TRIGGER);
    u->lsr_errors = regs[7];
    u->msr = regs[8];
    u->rbr = regs[9];
    u->thre_pending = state_get_bool(r);
    u->irq_level = state_get_bool(r);
    uint32_t n = state_get_u32(r);
    if (n > rx_capacity(u)) {
        state_reader_fail(r, "UART receive FIFO holds %u bytes", n);
        n = 0;
    }
    u->rx_head = 0;
    u->rx_count = 0;
    for (unsigned i = 0; i < n && !r->failed; i++) u->rx[u->rx_count++] = state_get_u8(r);
}
