/* Unit tests for src/dev/uart16550.c (PC16550D datasheet: Table II reset values, FCR, LSR, IIR priorities of
 * Table IV, loopback), driven through its mmio_ops as the bus would. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "dev/uart16550.h"

static struct uart16550 u;
static uint8_t sent[64];
static unsigned nsent;
static int line;
static unsigned irq_calls;

static void on_tx(void *opaque, uint8_t byte)
{
    ck_assert_ptr_eq(opaque, &u);
    if (nsent < sizeof(sent)) sent[nsent] = byte;
    nsent++;
}

static void on_irq(void *opaque, int level)
{
    ck_assert_ptr_eq(opaque, &u);
    line = level;
    irq_calls++;
}

static void setup(void)
{
    memset(&u, 0xa5, sizeof(u));   /* init must not depend on prior contents */
    nsent = 0;
    line = 0;
    irq_calls = 0;
    uart16550_init(&u, on_tx, on_irq, &u);
}

static uint64_t rd(unsigned off)
{
    uint64_t v = 0xdeadbeef;
    ck_assert_int_eq(uart16550_ops.read(&u, off, 1, &v), 0);
    ck_assert_uint_le(v, 0xff);
    return v;
}

static void wr(unsigned off, uint64_t v) { ck_assert_int_eq(uart16550_ops.write(&u, off, 1, v), 0); }

static void push(const char *s, size_t expect_taken)
{
    ck_assert_uint_eq(uart16550_receive(&u, (const uint8_t *)s, strlen(s)), expect_taken);
}

START_TEST(uart_registers_reset_to_datasheet_values)
{
    ck_assert_uint_eq(rd(UART16550_IER), 0x00);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
    ck_assert_uint_eq(rd(UART16550_LCR), 0x00);
    ck_assert_uint_eq(rd(UART16550_MCR), 0x00);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);   /* THRE | TEMT */
    ck_assert_uint_eq(rd(UART16550_MSR), 0xb0);   /* DCD | DSR | CTS from the cable, no deltas */
    ck_assert_uint_eq(rd(UART16550_SCR), 0x00);
    ck_assert_uint_eq(rd(UART16550_RBR), 0x00);
    wr(UART16550_LCR, UART16550_LCR_DLAB);
    ck_assert_uint_eq(rd(UART16550_DLL), 0x0c);
    ck_assert_uint_eq(rd(UART16550_DLM), 0x00);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(irq_calls, 0);
    ck_assert(uart16550_can_receive(&u));
}
END_TEST

START_TEST(uart_thr_write_transmits_immediately_and_thr_stays_empty)
{
    wr(UART16550_THR, 'h');
    wr(UART16550_THR, 'i');
    ck_assert_uint_eq(nsent, 2);
    ck_assert_uint_eq(sent[0], 'h');
    ck_assert_uint_eq(sent[1], 'i');
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    ck_assert_uint_eq(irq_calls, 0);   /* ETBEI is off: no interrupt */
}
END_TEST

START_TEST(uart_dlab_switches_offsets_0_and_1_to_the_divisor_latch)
{
    wr(UART16550_IER, UART16550_IER_ERBFI);
    wr(UART16550_LCR, 0x83);
    wr(UART16550_DLL, 0x01);
    wr(UART16550_DLM, 0x02);
    ck_assert_uint_eq(nsent, 0);   /* a DLL write is not a THR write */
    ck_assert_uint_eq(rd(UART16550_DLL), 0x01);
    ck_assert_uint_eq(rd(UART16550_DLM), 0x02);
    ck_assert_uint_eq(rd(UART16550_LCR), 0x83);
    push("z", 1);
    ck_assert_uint_eq(rd(UART16550_DLL), 0x01);   /* reading DLL does not pop the receiver */
    wr(UART16550_LCR, 0x03);
    ck_assert_uint_eq(rd(UART16550_IER), UART16550_IER_ERBFI);
    ck_assert_uint_eq(rd(UART16550_RBR), 'z');
    wr(UART16550_THR, 'x');
    ck_assert_uint_eq(nsent, 1);
    wr(UART16550_LCR, 0x83);
    ck_assert_uint_eq(rd(UART16550_DLL), 0x01);
    ck_assert_uint_eq(rd(UART16550_DLM), 0x02);
}
END_TEST

START_TEST(uart_16450_mode_holds_one_byte_and_receive_reports_what_fit)
{
    push("abc", 1);
    ck_assert(!uart16550_can_receive(&u));
    ck_assert_uint_eq(rd(UART16550_LSR), 0x61);
    ck_assert_uint_eq(rd(UART16550_RBR), 'a');
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    ck_assert(uart16550_can_receive(&u));
    ck_assert_uint_eq(rd(UART16550_RBR), 'a');   /* RBR keeps the last byte */
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);  /* no overrun: the host is flow-controlled */
}
END_TEST

START_TEST(uart_fifo_takes_16_bytes_in_order)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    push("0123456789abcdefXYZ", 16);
    ck_assert(!uart16550_can_receive(&u));
    push("X", 0);
    const char *want = "0123456789abcdef";
    for (unsigned i = 0; i < 16; i++) {
        ck_assert_uint_eq(rd(UART16550_LSR), 0x61);
        ck_assert_uint_eq(rd(UART16550_RBR), (uint8_t)want[i]);
    }
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    push("XYZ", 3);   /* the ring wraps */
    ck_assert_uint_eq(rd(UART16550_RBR), 'X');
    ck_assert_uint_eq(rd(UART16550_RBR), 'Y');
    ck_assert_uint_eq(rd(UART16550_RBR), 'Z');
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
}
END_TEST

START_TEST(uart_iir_reports_fifo_enabled_in_bits_7_6)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xc1);
    wr(UART16550_FCR, 0);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
}
END_TEST

START_TEST(uart_fcr_clear_rx_empties_the_fifo)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    push("abcd", 4);
    wr(UART16550_FCR, UART16550_FCR_ENABLE | UART16550_FCR_CLEAR_RX | UART16550_FCR_CLEAR_TX);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xc1);   /* the clear bits self-clear; FIFOs stay on */
    push("e", 1);
    ck_assert_uint_eq(rd(UART16550_RBR), 'e');
}
END_TEST

START_TEST(uart_switching_fifo_mode_empties_the_receiver)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    push("abcd", 4);
    wr(UART16550_FCR, 0);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    push("e", 1);
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    push("f", 1);
    wr(UART16550_FCR, UART16550_FCR_ENABLE | 0x40);   /* same mode: data kept */
    ck_assert_uint_eq(rd(UART16550_LSR), 0x61);
}
END_TEST

START_TEST(uart_fcr_bits_other_than_fcr0_need_fcr0_set)
{
    wr(UART16550_FCR, 0xc0);   /* trigger bits without FCR0: FIFOs stay off */
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
    push("ab", 1);
}
END_TEST

START_TEST(uart_rx_data_available_interrupt_raised_and_cleared_by_reading_rbr)
{
    wr(UART16550_IER, UART16550_IER_ERBFI);
    ck_assert_int_eq(line, 0);
    push("q", 1);
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x04);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x04);   /* reading IIR does not clear it */
    ck_assert_uint_eq(rd(UART16550_RBR), 'q');
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
    ck_assert_uint_eq(irq_calls, 2);
}
END_TEST

START_TEST(uart_rx_interrupt_waits_for_erbfi)
{
    push("q", 1);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
    wr(UART16550_IER, UART16550_IER_ERBFI);
    ck_assert_int_eq(line, 1);
    wr(UART16550_IER, 0);
    ck_assert_int_eq(line, 0);
}
END_TEST

START_TEST(uart_fifo_trigger_level_selects_data_available_over_timeout)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE | 0x80);   /* trigger at 8 bytes */
    wr(UART16550_IER, UART16550_IER_ERBFI);
    push("abc", 3);
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xcc);   /* below the trigger: character timeout */
    push("defgh", 5);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xc4);   /* trigger reached: data available */
    ck_assert_uint_eq(rd(UART16550_RBR), 'a');
    ck_assert_uint_eq(rd(UART16550_IIR), 0xcc);
    for (unsigned i = 0; i < 7; i++) rd(UART16550_RBR);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xc1);
    ck_assert_int_eq(line, 0);
}
END_TEST

START_TEST(uart_trigger_levels_are_1_4_8_14)
{
    static const unsigned levels[4] = { 1, 4, 8, 14 };
    wr(UART16550_IER, UART16550_IER_ERBFI);
    for (unsigned t = 0; t < 4; t++) {
        wr(UART16550_FCR, UART16550_FCR_ENABLE | UART16550_FCR_CLEAR_RX | (t << 6));
        for (unsigned n = 1; n <= levels[t]; n++) {
            push("x", 1);
            ck_assert_uint_eq(rd(UART16550_IIR), n < levels[t] ? 0xcc : 0xc4);
        }
    }
}
END_TEST

START_TEST(uart_loopback_routes_thr_to_the_receiver_and_disconnects_host_input)
{
    wr(UART16550_MCR, UART16550_MCR_LOOP);
    ck_assert(!uart16550_can_receive(&u));
    push("h", 0);
    wr(UART16550_THR, 'x');
    ck_assert_uint_eq(nsent, 0);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x61);
    ck_assert_uint_eq(rd(UART16550_RBR), 'x');
    wr(UART16550_MCR, 0);
    ck_assert(uart16550_can_receive(&u));
    wr(UART16550_THR, 'y');
    ck_assert_uint_eq(nsent, 1);
    ck_assert_uint_eq(sent[0], 'y');
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
}
END_TEST

START_TEST(uart_fifo_overrun_loses_the_17th_byte_and_sets_oe_until_lsr_read)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    wr(UART16550_MCR, UART16550_MCR_LOOP);
    for (unsigned i = 0; i < 17; i++) wr(UART16550_THR, 'A' + i);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x63);   /* DR | OE | THRE | TEMT */
    ck_assert_uint_eq(rd(UART16550_LSR), 0x61);   /* OE cleared by the read */
    for (unsigned i = 0; i < 16; i++) ck_assert_uint_eq(rd(UART16550_RBR), 'A' + i);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
}
END_TEST

START_TEST(uart_16450_overrun_replaces_the_unread_byte)
{
    wr(UART16550_MCR, UART16550_MCR_LOOP);
    wr(UART16550_THR, 'a');
    wr(UART16550_THR, 'b');
    ck_assert_uint_eq(rd(UART16550_LSR), 0x63);
    ck_assert_uint_eq(rd(UART16550_RBR), 'b');
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
}
END_TEST

START_TEST(uart_line_status_interrupt_outranks_rx_and_is_cleared_by_lsr_read)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    wr(UART16550_MCR, UART16550_MCR_LOOP);
    wr(UART16550_IER, UART16550_IER_ERBFI | UART16550_IER_ELSI);
    for (unsigned i = 0; i < 17; i++) wr(UART16550_THR, 'A' + i);
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xc6);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x63);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xc4);
    for (unsigned i = 0; i < 16; i++) rd(UART16550_RBR);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xc1);
    ck_assert_int_eq(line, 0);
}
END_TEST

START_TEST(uart_thre_interrupt_raised_by_enabling_etbei_and_cleared_by_iir_read)
{
    wr(UART16550_IER, UART16550_IER_ETBEI);
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x02);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
    wr(UART16550_IER, UART16550_IER_ETBEI);   /* no rising edge: stays cleared */
    ck_assert_int_eq(line, 0);
    wr(UART16550_IER, 0);
    wr(UART16550_IER, UART16550_IER_ETBEI);   /* newly enabled while THR is empty: raised again */
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x02);
    ck_assert_uint_eq(irq_calls, 4);
}
END_TEST

START_TEST(uart_thr_write_clears_then_reraises_thre_as_thr_empties)
{
    wr(UART16550_IER, UART16550_IER_ETBEI);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x02);
    ck_assert_int_eq(line, 0);
    wr(UART16550_THR, 'a');
    ck_assert_uint_eq(nsent, 1);
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x02);
    wr(UART16550_IER, 0);
    ck_assert_int_eq(line, 0);
}
END_TEST

START_TEST(uart_iir_read_clears_thre_only_when_it_is_the_reported_source)
{
    wr(UART16550_IER, UART16550_IER_ETBEI | UART16550_IER_ERBFI);
    push("r", 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x04);   /* data available outranks THRE */
    ck_assert_uint_eq(rd(UART16550_RBR), 'r');
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x02);   /* THRE survived the earlier IIR read */
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
    ck_assert_int_eq(line, 0);
}
END_TEST

START_TEST(uart_modem_status_interrupt_from_loopback_mcr_and_cleared_by_msr_read)
{
    wr(UART16550_IER, UART16550_IER_EDSSI);
    ck_assert_int_eq(line, 0);
    wr(UART16550_MCR, UART16550_MCR_LOOP);   /* inputs now from MCR: CTS, DSR and DCD drop */
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x00);
    ck_assert_uint_eq(rd(UART16550_MSR), 0x0b);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(UART16550_MSR), 0x00);
    wr(UART16550_MCR, 0x1f);   /* RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD */
    ck_assert_uint_eq(rd(UART16550_MSR), 0xfb);   /* RI rising is not a TERI */
    wr(UART16550_MCR, 0x1b);   /* OUT1 off: trailing edge of RI */
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(UART16550_MSR), 0xb4);
    ck_assert_int_eq(line, 0);
    wr(UART16550_MCR, 0x0b);   /* leaving loopback: the cable's inputs (CTS, DSR, DCD) are back */
    ck_assert_uint_eq(rd(UART16550_MSR), 0xb0);
}
END_TEST

START_TEST(uart_thre_outranks_modem_status)
{
    wr(UART16550_IER, UART16550_IER_EDSSI | UART16550_IER_ETBEI);
    wr(UART16550_MCR, UART16550_MCR_LOOP);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x02);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x00);
    rd(UART16550_MSR);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
}
END_TEST

START_TEST(uart_scr_lcr_mcr_ier_read_back_their_implemented_bits)
{
    wr(UART16550_SCR, 0x5a);
    wr(UART16550_LCR, 0x5b);
    wr(UART16550_MCR, 0xff);
    wr(UART16550_IER, 0xf0);
    ck_assert_uint_eq(rd(UART16550_SCR), 0x5a);
    ck_assert_uint_eq(rd(UART16550_LCR), 0x5b);
    ck_assert_uint_eq(rd(UART16550_MCR), 0x1f);
    ck_assert_uint_eq(rd(UART16550_IER), 0x00);
}
END_TEST

START_TEST(uart_lsr_and_msr_writes_are_ignored)
{
    wr(UART16550_LSR, 0xff);
    wr(UART16550_MSR, 0x0f);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    ck_assert_uint_eq(rd(UART16550_MSR), 0xb0);
}
END_TEST

START_TEST(uart_wider_accesses_act_on_the_byte_at_their_offset)
{
    uint64_t v = 0;
    ck_assert_int_eq(uart16550_ops.write(&u, UART16550_SCR, 4, 0x12345678), 0);
    ck_assert_int_eq(uart16550_ops.read(&u, UART16550_SCR, 4, &v), 0);
    ck_assert_uint_eq(v, 0x78);
    ck_assert_int_eq(uart16550_ops.read(&u, UART16550_LSR, 4, &v), 0);
    ck_assert_uint_eq(v, 0x60);
    ck_assert_int_eq(uart16550_ops.write(&u, UART16550_THR, 4, 0xabcd0041), 0);
    ck_assert_uint_eq(nsent, 1);
    ck_assert_uint_eq(sent[0], 0x41);
    ck_assert_int_eq(uart16550_ops.read(&u, UART16550_SCR, 2, &v), 0);
    ck_assert_uint_eq(v, 0x78);
    ck_assert_int_eq(uart16550_ops.read(&u, 0, 8, &v), -1);
    ck_assert_int_eq(uart16550_ops.write(&u, 0, 8, 0), -1);
}
END_TEST

START_TEST(uart_offsets_past_the_registers_read_zero_and_ignore_writes)
{
    uint64_t v = 1;
    ck_assert_int_eq(uart16550_ops.write(&u, 8, 1, 0x55), 0);
    ck_assert_int_eq(uart16550_ops.read(&u, 8, 1, &v), 0);
    ck_assert_uint_eq(v, 0);
    ck_assert_int_eq(uart16550_ops.read(&u, 0xff, 1, &v), 0);
    ck_assert_uint_eq(v, 0);
    ck_assert_uint_eq(nsent, 0);
}
END_TEST

START_TEST(uart_reset_restores_registers_and_lowers_the_line)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    wr(UART16550_IER, UART16550_IER_ERBFI);
    wr(UART16550_SCR, 9);
    push("abc", 3);
    ck_assert_int_eq(line, 1);
    uart16550_reset(&u);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(UART16550_IIR), 0x01);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    ck_assert_uint_eq(rd(UART16550_SCR), 0);
    ck_assert_uint_eq(rd(UART16550_IER), 0);
}
END_TEST

START_TEST(uart_set_irq_is_called_on_level_changes_and_again_for_each_new_event_while_high)
{
    wr(UART16550_FCR, UART16550_FCR_ENABLE);
    wr(UART16550_IER, UART16550_IER_ERBFI | UART16550_IER_ETBEI);
    ck_assert_uint_eq(irq_calls, 1);
    push("a", 1);                /* data received: asserted again */
    ck_assert_uint_eq(irq_calls, 2);
    push("b", 1);
    ck_assert_uint_eq(irq_calls, 3);
    wr(UART16550_THR, 'c');      /* THR empties again */
    ck_assert_uint_eq(irq_calls, 4);
    ck_assert_int_eq(line, 1);
    rd(UART16550_LSR);           /* reads that change nothing are no event */
    rd(UART16550_SCR);
    wr(UART16550_LCR, 0x03);
    wr(UART16550_IER, UART16550_IER_ERBFI | UART16550_IER_ETBEI);   /* unchanged */
    ck_assert_uint_eq(irq_calls, 4);
    ck_assert_uint_eq(rd(UART16550_RBR), 'a');   /* one byte left, THRE too: asserted again */
    ck_assert_uint_eq(irq_calls, 5);
    ck_assert_uint_eq(rd(UART16550_RBR), 'b');
    ck_assert_uint_eq(irq_calls, 6);
    ck_assert_uint_eq(rd(UART16550_IIR), 0xc2);  /* THRE cleared: the line falls */
    ck_assert_uint_eq(irq_calls, 7);
    ck_assert_int_eq(line, 0);
    rd(UART16550_IIR);
    rd(UART16550_RBR);           /* nothing to read: no call while low */
    ck_assert_uint_eq(irq_calls, 7);
}
END_TEST

/* xv6's driver: IER = THRE | RDA, and a handler that reads LSR (and RBR while LSR.DR), writes THR only with
 * output pending, and never reads IIR. The THRE condition stands, but the handler's accesses are no new
 * event, so the line is not asserted again: with plic.c's gateway that is one interrupt, not a storm. */
START_TEST(uart_driver_that_never_reads_iir_gets_no_new_assertion_from_its_handler)
{
    wr(UART16550_IER, 0);
    wr(UART16550_LCR, 0x80);
    wr(UART16550_DLL, 3);
    wr(UART16550_DLM, 0);
    wr(UART16550_LCR, 0x03);
    wr(UART16550_FCR, UART16550_FCR_ENABLE | UART16550_FCR_CLEAR_RX | UART16550_FCR_CLEAR_TX);
    wr(UART16550_IER, UART16550_IER_ETBEI | UART16550_IER_ERBFI);
    ck_assert_uint_eq(irq_calls, 1);
    ck_assert_int_eq(line, 1);
    for (int i = 0; i < 3; i++) {   /* the handler, three times over: nothing to read, nothing to send */
        ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    }
    ck_assert_uint_eq(irq_calls, 1);
    ck_assert_int_eq(line, 1);
    wr(UART16550_THR, 'x');           /* output: one new assertion per byte */
    ck_assert_uint_eq(irq_calls, 2);
    push("k", 1);                     /* a key: one more */
    ck_assert_uint_eq(irq_calls, 3);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x61);
    ck_assert_uint_eq(rd(UART16550_RBR), 'k');   /* the last byte: THRE still stands, asserted again */
    ck_assert_uint_eq(irq_calls, 4);
    ck_assert_uint_eq(rd(UART16550_LSR), 0x60);
    ck_assert_uint_eq(irq_calls, 4);
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(nsent, 1);
    ck_assert_uint_eq(sent[0], 'x');
}
END_TEST

START_TEST(uart_describe_summarises_registers_and_fifo)
{
    char buf[256];
    wr(UART16550_FCR, UART16550_FCR_ENABLE | 0x80);
    wr(UART16550_LCR, 0x03);
    wr(UART16550_IER, UART16550_IER_ERBFI);
    push("ab", 2);
    uart16550_describe(&u, buf, sizeof(buf));
    ck_assert_str_eq(buf, "uart16550: ier=01 iir=cc lcr=03 mcr=00 lsr=61 msr=b0 scr=00 divisor=12 "
                          "fifo=on rx=2/16 trigger=8 irq=1");
    wr(UART16550_MCR, UART16550_MCR_LOOP);
    uart16550_describe(&u, buf, 20);
    ck_assert_str_eq(buf, "uart16550: ier=01 i");
}
END_TEST

static Suite *uart_suite(void)
{
    Suite *s = suite_create("uart16550");
    TCase *t = tcase_create("uart16550");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_add_test(t, uart_registers_reset_to_datasheet_values);
    tcase_add_test(t, uart_thr_write_transmits_immediately_and_thr_stays_empty);
    tcase_add_test(t, uart_dlab_switches_offsets_0_and_1_to_the_divisor_latch);
    tcase_add_test(t, uart_16450_mode_holds_one_byte_and_receive_reports_what_fit);
    tcase_add_test(t, uart_fifo_takes_16_bytes_in_order);
    tcase_add_test(t, uart_iir_reports_fifo_enabled_in_bits_7_6);
    tcase_add_test(t, uart_fcr_clear_rx_empties_the_fifo);
    tcase_add_test(t, uart_switching_fifo_mode_empties_the_receiver);
    tcase_add_test(t, uart_fcr_bits_other_than_fcr0_need_fcr0_set);
    tcase_add_test(t, uart_rx_data_available_interrupt_raised_and_cleared_by_reading_rbr);
    tcase_add_test(t, uart_rx_interrupt_waits_for_erbfi);
    tcase_add_test(t, uart_fifo_trigger_level_selects_data_available_over_timeout);
    tcase_add_test(t, uart_trigger_levels_are_1_4_8_14);
    tcase_add_test(t, uart_loopback_routes_thr_to_the_receiver_and_disconnects_host_input);
    tcase_add_test(t, uart_fifo_overrun_loses_the_17th_byte_and_sets_oe_until_lsr_read);
    tcase_add_test(t, uart_16450_overrun_replaces_the_unread_byte);
    tcase_add_test(t, uart_line_status_interrupt_outranks_rx_and_is_cleared_by_lsr_read);
    tcase_add_test(t, uart_thre_interrupt_raised_by_enabling_etbei_and_cleared_by_iir_read);
    tcase_add_test(t, uart_thr_write_clears_then_reraises_thre_as_thr_empties);
    tcase_add_test(t, uart_iir_read_clears_thre_only_when_it_is_the_reported_source);
    tcase_add_test(t, uart_modem_status_interrupt_from_loopback_mcr_and_cleared_by_msr_read);
    tcase_add_test(t, uart_thre_outranks_modem_status);
    tcase_add_test(t, uart_scr_lcr_mcr_ier_read_back_their_implemented_bits);
    tcase_add_test(t, uart_lsr_and_msr_writes_are_ignored);
    tcase_add_test(t, uart_wider_accesses_act_on_the_byte_at_their_offset);
    tcase_add_test(t, uart_offsets_past_the_registers_read_zero_and_ignore_writes);
    tcase_add_test(t, uart_reset_restores_registers_and_lowers_the_line);
    tcase_add_test(t, uart_set_irq_is_called_on_level_changes_and_again_for_each_new_event_while_high);
    tcase_add_test(t, uart_driver_that_never_reads_iir_gets_no_new_assertion_from_its_handler);
    tcase_add_test(t, uart_describe_summarises_registers_and_fifo);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(uart_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
