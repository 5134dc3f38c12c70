/* CLINT: machine software interrupts (msip) and machine timer (mtime/mtimecmp) for each hart
 * (SiFive CLINT layout, RISC-V ACLINT spec MSWI/MTIMER). */
#include "clint.h"

#include "../util/statebuf.h"

#include "../cpu/hart.h"

void clint_init(struct clint *c, struct hart **harts, unsigned nharts)
{
    c->harts = harts;
    c->nharts = nharts;
    for (unsigned i = 0; i < 8; i++) c->mtimecmp[i] = ~0ull;   /* no timer armed at reset */
}

void clint_update(struct clint *c)
{
    uint64_t now = c->read_time(c->time_opaque);
    for (unsigned i = 0; i < c->nharts; i++) hart_set_mip(c->harts[i], MIP_MTIP, now >= c->mtimecmp[i]);
}

void clint_update_hart(struct clint *c, unsigned i)
{
    if (i < c->nharts) hart_set_mip(c->harts[i], MIP_MTIP, c->read_time(c->time_opaque) >= c->mtimecmp[i]);
}

uint64_t clint_mtimecmp(const struct clint *c, unsigned i) { return i < c->nharts ? c->mtimecmp[i] : ~0ull; }

uint64_t clint_ticks_to_next_deadline(const struct clint *c)
{
    uint64_t now = c->read_time(c->time_opaque), best = ~0ull;
    for (unsigned i = 0; i < c->nharts; i++) {
        if (c->mtimecmp[i] == ~0ull) continue;
        uint64_t d = c->mtimecmp[i] > now ? c->mtimecmp[i] - now : 0;
        if (d < best) best = d;
    }
    return best;
}

static int clint_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    struct clint *c = opaque;
    if (off < CLINT_MSIP + 4 * c->nharts && size == 4) {
        *value = (hart_irq_lines(c->harts[off / 4]) & MIP_MSIP) ? 1 : 0;   /* the line, not hart state */
        return 0;
    }
    if (off >= CLINT_MTIMECMP && off < CLINT_MTIMECMP + 8 * c->nharts && (size == 8 || size == 4)) {
        uint64_t v = c->mtimecmp[(off - CLINT_MTIMECMP) / 8];
        *value = (off & 4) ? v >> 32 : (size == 4 ? (uint32_t)v : v);
        return 0;
    }
    if ((off == CLINT_MTIME && (size == 8 || size == 4)) || (off == CLINT_MTIME + 4 && size == 4)) {
        uint64_t v = c->read_time(c->time_opaque);
        *value = (off & 4) ? v >> 32 : (size == 4 ? (uint32_t)v : v);
        return 0;
    }
    *value = 0;   /* reserved space reads as zero */
    return 0;
}

static uint64_t merge32(uint64_t old, uint64_t off, unsigned size, uint64_t value)
{
    if (size == 8) return value;
    return (off & 4) ? (old & 0xffffffffull) | (value << 32) : (old & ~0xffffffffull) | (uint32_t)value;
}

static int clint_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    struct clint *c = opaque;
    if (off < CLINT_MSIP + 4 * c->nharts && size == 4) {
        struct hart *h = c->harts[off / 4];
        bool was = (hart_irq_lines(h) & MIP_MSIP) != 0;
        hart_set_mip(h, MIP_MSIP, value & 1);
        /* An IPI sent while msip is still set raises no line, yet a hart polling behind a wfi
         * that this pending msip keeps from stalling (interp_body.inc L_wfi) may sleep waiting for
         * exactly this write (runloop_mt.c wfi_poll_wait): wake it. */
        if ((value & 1) && was) hart_kick(h);
        if (!(value & 1) && was && c->msip_cleared) c->msip_cleared(c->msip_opaque, (unsigned)(off / 4));
        return 0;
    }
    if (off >= CLINT_MTIMECMP && off < CLINT_MTIMECMP + 8 * c->nharts && (size == 8 || size == 4)) {
        unsigned i = (unsigned)(off - CLINT_MTIMECMP) / 8;
        c->mtimecmp[i] = merge32(c->mtimecmp[i], off, size, value);
        clint_update(c);
        hart_kick(c->harts[i]);   /* a sleeping hart's thread waits for its old deadline: look again */
        return 0;
    }
    if ((off == CLINT_MTIME && (size == 8 || size == 4)) || (off == CLINT_MTIME + 4 && size == 4)) {
        c->write_time(c->time_opaque, merge32(c->read_time(c->time_opaque), off, size, value));
        clint_update(c);
        return 0;
    }
    return 0;   /* writes to reserved space are ignored */
}

const struct mmio_ops clint_ops = { clint_read, clint_write };

void clint_save(const struct clint *c, struct state_writer *w) { state_put_u64s(w, c->mtimecmp, 8); }

void clint_load(struct clint *c, struct state_reader *r) { state_get_u64s(r, c->mtimecmp, 8); }
