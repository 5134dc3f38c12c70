/* LR/SC from every hart (unprivileged spec 8.2): a spin lock taken with lr.w.aq / sc.w and released
 * with a fence rw,w + plain store keeps a plain load-add-store counter exact, and an lr.d / sc.d.rl
 * retry loop increments a shared counter exactly. Reports how often sc failed (contention seen). */
#include "smp.h"

#define LOCKED_ITER 30000u
#define ATOMIC_ITER 50000u

static volatile uint32_t lock __attribute__((aligned(SMP_LINE)));
static volatile uint64_t plain __attribute__((aligned(SMP_LINE)));
static volatile uint64_t atomic_count __attribute__((aligned(SMP_LINE)));
static volatile uint64_t sc_failures[SMP_MAX_HARTS * 8] __attribute__((aligned(SMP_LINE)));

static void lock_acquire(volatile uint32_t *l, uint64_t *fails)
{
    uint64_t f = 0;
    uint32_t busy, err;
    for (;;) {
        __asm__ volatile("lr.w.aq %0, (%1)" : "=r"(busy) : "r"(l) : "memory");
        if (busy) {
            PAUSE();
            continue;
        }
        __asm__ volatile("sc.w %0, %1, (%2)" : "=r"(err) : "r"(1), "r"(l) : "memory");
        if (!err) break;
        f++;
    }
    *fails += f;
}

static void lock_release(volatile uint32_t *l)
{
    FENCE(rw, w);
    *l = 0;
}

int smp_test(unsigned hart, unsigned n)
{
    uint64_t fails = 0;
    for (unsigned i = 0; i < LOCKED_ITER; i++) {
        lock_acquire(&lock, &fails);
        plain = plain + 1;   /* plain load and store: only the lock makes it exact */
        lock_release(&lock);
    }
    for (unsigned i = 0; i < ATOMIC_ITER; i++) {
        uint64_t v, t;
        /* One asm block: a constrained LR/SC loop (spec 8.3), nothing of the compiler's in between. */
        __asm__ volatile("1: lr.d %0, (%3)\n"
                         "   add %1, %0, %4\n"
                         "   sc.d.rl %1, %1, (%3)\n"
                         "   beqz %1, 2f\n"
                         "   addi %2, %2, 1\n"
                         "   j 1b\n"
                         "2:\n"
                         : "=&r"(v), "=&r"(t), "+r"(fails)
                         : "r"(&atomic_count), "r"((uint64_t)hart + 1)
                         : "memory");
    }
    sc_failures[hart * 8] = fails;
    smp_barrier();
    if (hart == 0) {
        uint64_t want_plain = (uint64_t)LOCKED_ITER * n, want_atomic = (uint64_t)ATOMIC_ITER * n * (n + 1) / 2;
        uint64_t total_fails = 0;
        for (unsigned h = 0; h < n; h++) total_fails += sc_failures[h * 8];
        smp_lock_output();
        smp_puts("lrsc: locked plain counter ");
        smp_put_u64(plain);
        smp_puts(" (want ");
        smp_put_u64(want_plain);
        smp_puts("), lr.d/sc.d counter ");
        smp_put_u64(atomic_count);
        smp_puts(" (want ");
        smp_put_u64(want_atomic);
        smp_puts("), sc failures ");
        smp_put_u64(total_fails);
        smp_puts("\n");
        smp_unlock_output();
        if (plain != want_plain) smp_fail(2, "lr/sc-locked plain counter");
        if (atomic_count != want_atomic) smp_fail(3, "lr.d/sc.d counter");
    }
    return 0;
}
