/* Test finisher: 0x5555 = pass (exit 0), 0x3333 | code << 16 = fail (exit code), 0x7777 = reset. */
#include "syscon.h"

static int syscon_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    (void)opaque; (void)off; (void)size;
    *value = 0;
    return 0;
}

static int syscon_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    struct syscon *s = opaque;
    if (off != 0 || size < 2) return 0;
    switch (value & 0xffff) {
    case SYSCON_PASS: s->request(s->opaque, 0); break;
    case SYSCON_FAIL: {
        int code = (int)((value >> 16) & 0xffff);
        s->request(s->opaque, code ? code : 1);
        break;
    }
    case SYSCON_RESET: s->request(s->opaque, -1); break;
    default: break;
    }
    return 0;
}

const struct mmio_ops syscon_ops = { syscon_read, syscon_write };
