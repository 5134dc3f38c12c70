/* SiFive test finisher ("syscon"): a 32-bit register that powers off, fails or resets the machine. */
#ifndef VHART_DEV_SYSCON_H
#define VHART_DEV_SYSCON_H

#include <stdint.h>

#include "../mem/bus.h"

#define SYSCON_BASE 0x100000ull
#define SYSCON_SIZE 0x1000ull
#define SYSCON_PASS 0x5555
#define SYSCON_FAIL 0x3333
#define SYSCON_RESET 0x7777

struct syscon {
    /* Called with the exit status (0 for pass) or -1 for reset. */
    void (*request)(void *opaque, int code);
    void *opaque;
};

extern const struct mmio_ops syscon_ops;

#endif
