/* Minimal HTIF services for bare-metal examples (Spike-compatible; also works on QEMU -M spike). */
#ifndef EXAMPLES_HTIF_H
#define EXAMPLES_HTIF_H

#include <stdint.h>

void htif_puts(const char *s);
void htif_put_u64(uint64_t v);
void htif_exit(int code) __attribute__((noreturn));

#endif
