/* HTIF console output through the console device and exit through tohost. */
#include "htif.h"

volatile uint64_t tohost __attribute__((section(".tohost"), aligned(64)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(64)));

/* Console device (1), command 1 (write a byte); the host acknowledges through fromhost. */
static void htif_putchar(char c)
{
    tohost = (1ull << 56) | (1ull << 48) | (uint8_t)c;
    while (fromhost == 0) { }
    fromhost = 0;
}

void htif_puts(const char *s)
{
    while (*s) htif_putchar(*s++);
}

void htif_put_u64(uint64_t v)
{
    char buf[24];
    int i = 23;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    htif_puts(&buf[i]);
}

void htif_exit(int code)
{
    tohost = ((uint64_t)code << 1) | 1;
    for (;;) { }
}
