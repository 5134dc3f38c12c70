/* LR/SC from every hart (unprivileged spec 8.2): a spin lock taken with lr.w.aq / sc.w and released
 * with a fence rw,w + plain store keeps a plain load-add-store counter exact, and an lr.d / sc.d.rl
 * retry loop increments a shared counter exactly (how often sc failed is reported). Then SC_ROUNDS
 * times hart 0 takes a reservation with lr.d, waits until hart 1 has stored a new value there, and
 * its sc.d must fail and leave hart 1's value in place (spec 8.2: an SC may succeed only if no store
 * from another hart to the reservation set can be observed between the LR and the SC). */
#include "smp.h"

#define LOCKED_ITER 30000u
#define ATOMIC_ITER 50000u
#define SC_ROUNDS 1000u

static volatile uint32_t lock __attribute__((aligned(SMP_LINE)));
static volatile uint64_t plain __attribute__((aligned(SMP_LINE)));
static volatile uint64_t atomic_count __attribute__((aligned(SMP_LINE)));
static volatile uint64_t target __attribute__((aligned(SMP_LINE)));
static volatile uint64_t go __attribute__((aligned(SMP_LINE)));
static volatile uint64_t stored __attribute__((aligned(SMP_LINE)));
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
        /* A plain load and store: only the lock makes the count exact. Every 4th time a `pause` between
         * them ends the slice when harts share one host thread, so the others do run inside. */
        uint64_t v = plain;
        if ((i & 3) == 0) PAUSE();
        plain = v + 1;
        lock_release(&lock);
    }
    for (unsigned i = 0; i < ATOMIC_ITER; i++) {
        uint64_t v, t, p = (i & 15) == 0;
        /* One asm block: a constrained LR/SC loop (spec 8.3), nothing of the compiler's in between,
         * except that every 16th increment's first try has a `pause` between lr and sc: with harts on
         * one host thread the slice ends there, another hart runs and the sc must fail (tested). */
        __asm__ volatile("1: lr.d %0, (%4)\n"
                         "   add %1, %0, %5\n"
                         "   beqz %3, 3f\n"
                         "   .4byte 0x0100000f\n"   /* pause */
                         "   li %3, 0\n"
                         "3: sc.d.rl %1, %1, (%4)\n"
                         "   beqz %1, 2f\n"
                         "   addi %2, %2, 1\n"
                         "   j 1b\n"
                         "2:\n"
                         : "=&r"(v), "=&r"(t), "+r"(fails), "+r"(p)
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

    /* A store by another hart between lr and sc: the sc must fail. */
    for (uint64_t r = 1; r <= SC_ROUNDS && n >= 2; r++) {
        if (hart == 0) {
            uint64_t v, err;
            __asm__ volatile("lr.d %0, (%1)" : "=r"(v) : "r"(&target) : "memory");
            if (v != 2 * r - 2) smp_fail(5, "lr.d read a value hart 1 did not store");
            STORE(&go, r);
            while (LOAD(&stored) != r) PAUSE();
            FENCE(r, rw);
            __asm__ volatile("sc.d %0, %1, (%2)" : "=r"(err) : "r"(~0ull), "r"(&target) : "memory");
            if (err == 0) smp_fail(6, "sc.d succeeded after another hart stored to the reserved address");
            if (LOAD(&target) != 2 * r - 1) smp_fail(7, "a failed sc.d changed memory");
            STORE(&target, 2 * r);
            FENCE(w, w);
            STORE(&go, 0);
        } else if (hart == 1) {
            while (LOAD(&go) != r) PAUSE();
            FENCE(r, rw);
            STORE(&target, 2 * r - 1);
            FENCE(w, w);
            STORE(&stored, r);
            while (LOAD(&go) == r) PAUSE();
            FENCE(r, rw);
        }
    }
    if (hart == 0 && n >= 2) {
        smp_lock_output();
        smp_puts("lrsc: ");
        smp_put_u64(SC_ROUNDS);
        smp_puts(" sc.d after another hart's store between lr.d and sc.d: all failed\n");
        smp_unlock_output();
    }
    return 0;
}
