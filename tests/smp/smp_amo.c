/* AMOs from every hart on shared words (unprivileged spec 8.4, "A" extension): amoadd.w and amoadd.d
 * counters reach exactly the sum of what each hart added, amoor collects one bit per hart, amomax.d
 * ends at the largest value any hart offered, and an amoswap.w.aq / amoswap.w.rl spin lock keeps a plain
 * load-add-store counter exact. */
#include "smp.h"

#define ITER 100000u        /* amoadd / amomax operations per hart */
#define LOCKED_ITER 20000u  /* lock-protected increments per hart */

static volatile uint32_t count_w __attribute__((aligned(SMP_LINE)));
static volatile uint64_t count_d __attribute__((aligned(SMP_LINE)));
static volatile uint64_t bits __attribute__((aligned(SMP_LINE)));
static volatile int64_t maxval __attribute__((aligned(SMP_LINE)));
static volatile uint32_t lock __attribute__((aligned(SMP_LINE)));
static volatile uint64_t plain __attribute__((aligned(SMP_LINE)));

static void check(uint64_t got, uint64_t want, int status, const char *what)
{
    if (got == want) return;
    smp_lock_output();
    smp_puts(what);
    smp_puts(": got ");
    smp_put_u64(got);
    smp_puts(", want ");
    smp_put_u64(want);
    smp_puts("\n");
    smp_unlock_output();
    smp_fail(status, what);
}

int smp_test(unsigned hart, unsigned n)
{
    uint64_t add_d = (1ull << 32) + hart + 1;   /* crosses the 32-bit boundary: a .w add would lose it */
    for (unsigned i = 0; i < ITER; i++) {
        __asm__ volatile("amoadd.w zero, %0, (%1)" : : "r"(1), "r"(&count_w) : "memory");
        __asm__ volatile("amoadd.d zero, %0, (%1)" : : "r"(add_d), "r"(&count_d) : "memory");
        /* Values interleave across harts; the largest is hart n-1's last, (n-1) + (ITER-1) * n. */
        int64_t v = (int64_t)hart + (int64_t)i * n - (int64_t)ITER * n / 2;   /* negative early on */
        __asm__ volatile("amomax.d zero, %0, (%1)" : : "r"(v), "r"(&maxval) : "memory");
    }
    __asm__ volatile("amoor.d.aqrl zero, %0, (%1)" : : "r"(1ull << hart), "r"(&bits) : "memory");

    for (unsigned i = 0; i < LOCKED_ITER; i++) {
        uint32_t old;
        do {
            while (lock) PAUSE();
            __asm__ volatile("amoswap.w.aq %0, %1, (%2)" : "=r"(old) : "r"(1), "r"(&lock) : "memory");
        } while (old);
        /* A plain load and store: only the lock makes the count exact. Every 4th time a `pause` between
         * them ends the slice when harts share one host thread, so the others do run inside. */
        uint64_t v = plain;
        if ((i & 3) == 0) PAUSE();
        plain = v + 1;
        __asm__ volatile("amoswap.w.rl zero, zero, (%0)" : : "r"(&lock) : "memory");
    }
    smp_barrier();
    if (hart == 0) {
        uint64_t sum_ids = (uint64_t)n * (n + 1) / 2;
        check(count_w, (uint64_t)ITER * n, 2, "amoadd.w counter");
        check(count_d, (uint64_t)ITER * (((uint64_t)n << 32) + sum_ids), 3, "amoadd.d counter");
        check(bits, (1ull << n) - 1, 4, "amoor.d bits");
        check((uint64_t)maxval, (uint64_t)((int64_t)(n - 1) + (int64_t)(ITER - 1) * n - (int64_t)ITER * n / 2),
              5, "amomax.d maximum");
        check(plain, (uint64_t)LOCKED_ITER * n, 6, "amoswap-locked plain counter");
        smp_lock_output();
        smp_puts("amo: amoadd.w ");
        smp_put_u64(count_w);
        smp_puts(", amoadd.d ");
        smp_put_u64(count_d);
        smp_puts(", locked plain counter ");
        smp_put_u64(plain);
        smp_puts("\n");
        smp_unlock_output();
    }
    return 0;
}
