/* Runtime of the SMP guest tests: start-up in C, the hart count read from the flattened device tree
 * (devicetree spec v0.4, chapter 5), an amoadd barrier, locked HTIF output and exit. */
#include "smp.h"

volatile uint64_t tohost __attribute__((section(".tohost"), aligned(64)));
volatile uint64_t fromhost __attribute__((section(".tohost"), aligned(64)));

static unsigned nharts;
static volatile uint32_t barrier_count __attribute__((aligned(SMP_LINE)));
static volatile uint32_t barrier_sense __attribute__((aligned(SMP_LINE)));
static volatile uint32_t output_lock __attribute__((aligned(SMP_LINE)));
static volatile uint32_t done_count __attribute__((aligned(SMP_LINE)));
static volatile uint32_t ready __attribute__((aligned(SMP_LINE)));

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Number of /cpus/cpu@N nodes in the device tree at dtb; 0 if it is not a device tree. */
static unsigned fdt_count_cpus(const uint8_t *dtb)
{
    if (!dtb || be32(dtb) != 0xd00dfeed) return 0;
    const uint8_t *p = dtb + be32(dtb + 8), *end = p + be32(dtb + 36);
    unsigned depth = 0, count = 0;
    int in_cpus_depth = -1;
    while (p < end) {
        uint32_t tok = be32(p);
        p += 4;
        if (tok == 1) {                 /* FDT_BEGIN_NODE: name, NUL, padding */
            const char *name = (const char *)p;
            unsigned len = 0;
            while (name[len]) len++;
            depth++;
            if (depth == 2 && name[0] == 'c' && name[1] == 'p' && name[2] == 'u' && name[3] == 's' && !name[4])
                in_cpus_depth = 2;
            else if (in_cpus_depth == 2 && depth == 3 && name[0] == 'c' && name[1] == 'p' && name[2] == 'u' &&
                     name[3] == '@')
                count++;
            p += (len + 1 + 3) & ~3u;
        } else if (tok == 2) {          /* FDT_END_NODE */
            if ((int)depth == in_cpus_depth) in_cpus_depth = -1;
            depth--;
        } else if (tok == 3) {          /* FDT_PROP: len, nameoff, value, padding */
            p += 8 + ((be32(p) + 3) & ~3u);
        } else if (tok == 4) {          /* FDT_NOP */
        } else {
            break;                      /* FDT_END or garbage */
        }
    }
    return count;
}

unsigned smp_nharts(void) { return nharts; }

void smp_exit(int status)
{
    FENCE(rw, rw);
    tohost = ((uint64_t)status << 1) | 1;
    for (;;) PAUSE();
}

void smp_barrier(void)
{
    uint32_t sense = barrier_sense;
    FENCE(r, rw);
    uint32_t old;
    __asm__ volatile("amoadd.w.aqrl %0, %1, (%2)" : "=r"(old) : "r"(1), "r"(&barrier_count) : "memory");
    if (old + 1 == nharts) {
        barrier_count = 0;
        FENCE(rw, w);
        barrier_sense = sense ^ 1;
    } else {
        while (barrier_sense == sense) PAUSE();
    }
    FENCE(r, rw);
}

void smp_lock_output(void)
{
    uint32_t old;
    do {
        while (output_lock) PAUSE();
        __asm__ volatile("amoswap.w.aq %0, %1, (%2)" : "=r"(old) : "r"(1), "r"(&output_lock) : "memory");
    } while (old);
}

void smp_unlock_output(void)
{
    __asm__ volatile("amoswap.w.rl zero, zero, (%0)" : : "r"(&output_lock) : "memory");
}

/* Console device (1), command 1 (write a byte); the host acknowledges through fromhost. */
static void putchar_htif(char c)
{
    tohost = (1ull << 56) | (1ull << 48) | (uint8_t)c;
    while (fromhost == 0) PAUSE();
    fromhost = 0;
}

void smp_puts(const char *s)
{
    while (*s) putchar_htif(*s++);
}

void smp_put_u64(uint64_t v)
{
    char buf[24];
    int i = 23;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    smp_puts(&buf[i]);
}

void smp_fail(int status, const char *what)
{
    smp_lock_output();
    smp_puts("FAIL: ");
    smp_puts(what);
    smp_puts("\n");
    smp_exit(status);
}

void smp_start(unsigned hart, const uint8_t *dtb);
void smp_start(unsigned hart, const uint8_t *dtb)
{
    if (hart == 0) {
        nharts = fdt_count_cpus(dtb);
        if (nharts < 1 || nharts > SMP_MAX_HARTS) smp_fail(90, "no /cpus/cpu@N nodes in the device tree (a1)");
        FENCE(rw, w);
        ready = 1;
    } else {
        while (!ready) PAUSE();
        FENCE(r, rw);
    }
    if (hart >= nharts) smp_fail(91, "a hart numbered beyond the device tree's count started");
    smp_barrier();
    int r = smp_test(hart, nharts);
    if (r) smp_exit(r);
    uint32_t old;
    __asm__ volatile("amoadd.w.aqrl %0, %1, (%2)" : "=r"(old) : "r"(1), "r"(&done_count) : "memory");
    if (hart != 0) for (;;) __asm__ volatile("wfi");
    while (done_count != nharts) PAUSE();
    smp_lock_output();
    smp_puts("PASS on ");
    smp_put_u64(nharts);
    smp_puts(" harts\n");
    smp_exit(0);
}
