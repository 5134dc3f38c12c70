/* HTIF (riscv-isa-sim's fesvr protocol): tohost = device<<56 | command<<48 | payload.
 * Device 0 command 0: payload odd -> exit with payload>>1; even -> syscall-proxy block
 * {which, arg0, arg1, arg2...} (64 = write, 93 = exit). Device 1 command 1: putchar. */
#include "htif.h"

#include "../util/statebuf.h"

#include <stdlib.h>

#include "../mem/bus.h"
#include "../util/endian.h"

#define SYS_WRITE 64
#define SYS_EXIT 93
#define ENOSYS_RET ((uint64_t)-38)
#define EFAULT_RET ((uint64_t)-14)

static void respond(struct htif *t, uint64_t value)
{
    if (t->has_fromhost) bus_write(t->bus, t->fromhost, 8, value);
}

static void syscall_proxy(struct htif *t, uint64_t block)
{
    uint64_t args[4];
    for (unsigned i = 0; i < 4; i++)
        if (bus_read(t->bus, block + 8 * i, 8, &args[i])) return;
    uint64_t ret = ENOSYS_RET;
    switch (args[0]) {
    case SYS_WRITE: {
        uint64_t fd = args[1], buf = args[2], len = args[3];
        const uint8_t *p = bus_host_ptr(t->bus, buf, len);
        if (!p) ret = EFAULT_RET;
        else {
            t->output(t->opaque, (int)fd, p, len);
            ret = len;
        }
        break;
    }
    case SYS_EXIT:
        t->exit(t->opaque, (int)args[1]);
        return;
    default:
        break;
    }
    bus_write(t->bus, block, 8, ret);
    respond(t, 1);
}

static void process(struct htif *t)
{
    uint64_t v;
    if (bus_read(t->bus, t->tohost, 8, &v) || v == 0) return;
    t->low_half_pending = false;
    bus_write(t->bus, t->tohost, 8, 0);   /* the host consumes the request */
    unsigned device = (unsigned)(v >> 56), cmd = (unsigned)(v >> 48) & 0xff;
    uint64_t payload = v & ((1ull << 48) - 1);
    if (device == 0 && cmd == 0) {
        if (payload & 1) t->exit(t->opaque, (int)(payload >> 1));
        else syscall_proxy(t, payload);
    } else if (device == 1 && cmd == 1) {
        uint8_t ch = (uint8_t)payload;
        t->output(t->opaque, 1, &ch, 1);
        respond(t, (1ull << 56) | (1ull << 48) | ch);
    } else {
        respond(t, (uint64_t)device << 56 | (uint64_t)cmd << 48);   /* unknown: acknowledge */
    }
}

void htif_on_store(void *opaque, uint64_t paddr, unsigned size)
{
    struct htif *t = opaque;
    if (paddr + size <= t->tohost || paddr >= t->tohost + 8) return;
    /* A store covering the high half (or all 8 bytes) completes the request; a lone low-half
     * store (RV32-style pair) waits for its partner or the next poll. */
    if (paddr + size > t->tohost + 4) process(t);
    else t->low_half_pending = true;
}

void htif_poll(struct htif *t)
{
    if (t->low_half_pending) process(t);
}

void htif_save(const struct htif *t, struct state_writer *w) { state_put_bool(w, t->low_half_pending); }

void htif_load(struct htif *t, struct state_reader *r) { t->low_half_pending = state_get_bool(r); }
