/* Litmus tests of RVWMO (unprivileged spec chapter 17, appendix A): each test runs ITER times; per
 * iteration hart 0 resets the shared words, all harts meet at a barrier, the test's threads (harts
 * 0..T-1) run their few instructions after a random delay, all meet again and hart 0 records the
 * outcome. Prints a histogram per test; any outcome that RVWMO forbids with the fences used fails the
 * run (exit status 10 + test number). Tests needing more threads than harts are reported as skipped. */
#include "smp.h"

#define ITER 5000u

struct slot { volatile uint64_t v; uint8_t pad[SMP_LINE - 8]; };
static struct slot x __attribute__((aligned(SMP_LINE)));
static struct slot y __attribute__((aligned(SMP_LINE)));
static struct slot r[4][2] __attribute__((aligned(SMP_LINE)));   /* results, two per thread */
static uint64_t hist[16];

#define X (&x.v)
#define Y (&y.v)
#define R(t, i) (&r[t][i].v)

/* One thread of one test: hart t's part. Values are plain loads and stores; ordering comes only from
 * the fences named in the test. `pause` (a hint, no effect on memory) at random points before and
 * between the accesses: with harts interleaved on one host thread it ends the slice there, so that
 * the other threads' accesses land in between and more outcomes show up. */
#define P(k) do { if (rnd >> (k) & 1) PAUSE(); } while (0)
static void thread(unsigned test, unsigned t, uint64_t rnd)
{
    P(0);
    switch (test * 4 + t) {
    /* 1 MP+fence.w.w+fence.r.r: T0 x=1; fence w,w; y=1 | T1 a=y; fence r,r; b=x. Forbidden a=1 b=0. */
    case 1 * 4 + 0: STORE(X, 1); FENCE(w, w); P(1); STORE(Y, 1); break;
    case 1 * 4 + 1: STORE(R(1, 0), LOAD(Y)); FENCE(r, r); P(1); STORE(R(1, 1), LOAD(X)); break;
    /* 2 SB+fence.rw.rw: T0 x=1; fence; a=y | T1 y=1; fence; b=x. Forbidden a=0 b=0. */
    case 2 * 4 + 0: STORE(X, 1); FENCE(rw, rw); P(1); STORE(R(0, 0), LOAD(Y)); break;
    case 2 * 4 + 1: STORE(Y, 1); FENCE(rw, rw); P(1); STORE(R(1, 0), LOAD(X)); break;
    /* 3 LB+fence.r.w: T0 a=x; fence r,w; y=1 | T1 b=y; fence r,w; x=1. Forbidden a=1 b=1. */
    case 3 * 4 + 0: STORE(R(0, 0), LOAD(X)); FENCE(r, w); P(1); STORE(Y, 1); break;
    case 3 * 4 + 1: STORE(R(1, 0), LOAD(Y)); FENCE(r, w); P(1); STORE(X, 1); break;
    /* 4 2+2W+fence.w.w: T0 x=1; fence w,w; y=2 | T1 y=1; fence w,w; x=2. Forbidden final x=1 y=1. */
    case 4 * 4 + 0: STORE(X, 1); FENCE(w, w); P(1); STORE(Y, 2); break;
    case 4 * 4 + 1: STORE(Y, 1); FENCE(w, w); P(1); STORE(X, 2); break;
    /* 5 S+fence.w.w+fence.r.w: T0 x=2; fence w,w; y=1 | T1 a=y; fence r,w; x=1. Forbidden a=1, final x=2. */
    case 5 * 4 + 0: STORE(X, 2); FENCE(w, w); P(1); STORE(Y, 1); break;
    case 5 * 4 + 1: STORE(R(1, 0), LOAD(Y)); FENCE(r, w); P(1); STORE(X, 1); break;
    /* 6 R+fence.w.w+fence.rw.rw: T0 x=1; fence w,w; y=1 | T1 y=2; fence rw,rw; a=x. Forbidden final y=2, a=0. */
    case 6 * 4 + 0: STORE(X, 1); FENCE(w, w); P(1); STORE(Y, 1); break;
    case 6 * 4 + 1: STORE(Y, 2); FENCE(rw, rw); P(1); STORE(R(1, 0), LOAD(X)); break;
    /* 7 CoRR: T0 x=1 | T1 a=x; b=x (same address, no fence). Forbidden a=1 b=0. */
    case 7 * 4 + 0: STORE(X, 1); break;
    case 7 * 4 + 1: { uint64_t a = LOAD(X); P(1); uint64_t b = LOAD(X); STORE(R(1, 0), a); STORE(R(1, 1), b); } break;
    /* 8 IRIW+fence.r.r: T0 x=1 | T1 y=1 | T2 a=x; fence r,r; b=y | T3 c=y; fence r,r; d=x.
     * Forbidden a=1 b=0 c=1 d=0 (RVWMO is multi-copy atomic). */
    case 8 * 4 + 0: STORE(X, 1); break;
    case 8 * 4 + 1: STORE(Y, 1); break;
    case 8 * 4 + 2: STORE(R(2, 0), LOAD(X)); FENCE(r, r); P(1); STORE(R(2, 1), LOAD(Y)); break;
    case 8 * 4 + 3: STORE(R(3, 0), LOAD(Y)); FENCE(r, r); P(1); STORE(R(3, 1), LOAD(X)); break;
    /* 9 WRC+fence.r.w+fence.r.r: T0 x=1 | T1 a=x; fence r,w; y=1 | T2 b=y; fence r,r; c=x.
     * Forbidden a=1 b=1 c=0. */
    case 9 * 4 + 0: STORE(X, 1); break;
    case 9 * 4 + 1: STORE(R(1, 0), LOAD(X)); FENCE(r, w); P(1); STORE(Y, 1); break;
    case 9 * 4 + 2: STORE(R(2, 0), LOAD(Y)); FENCE(r, r); P(1); STORE(R(2, 1), LOAD(X)); break;
    default: break;
    }
}

struct litmus {
    const char *name;
    unsigned threads;
    const char *bits;   /* one letter per outcome bit, most significant first */
    unsigned forbidden; /* the outcome RVWMO forbids */
};

static const struct litmus tests[] = {
    [1] = { "MP+fence.w.w+fence.r.r", 2, "ab", 0x2 },
    [2] = { "SB+fence.rw.rw", 2, "ab", 0x0 },
    [3] = { "LB+fence.r.w", 2, "ab", 0x3 },
    [4] = { "2+2W+fence.w.w", 2, "xy", 0x0 },      /* bit = final value is 2 */
    [5] = { "S+fence.w.w+fence.r.w", 2, "ax", 0x3 }, /* x bit = final x is 2 */
    [6] = { "R+fence.w.w+fence.rw.rw", 2, "ya", 0x2 }, /* y bit = final y is 2 */
    [7] = { "CoRR", 2, "ab", 0x2 },
    [8] = { "IRIW+fence.r.r", 4, "abcd", 0xa },
    [9] = { "WRC+fence.r.w+fence.r.r", 3, "abc", 0x6 },
};
#define NTESTS 9

static uint64_t bit01(uint64_t v, int test)
{
    if (v > 1) smp_fail(10 + test, "a litmus load returned a value no store wrote");
    return v;
}
static uint64_t is2(uint64_t v, int test)
{
    if (v != 1 && v != 2) smp_fail(10 + test, "a litmus location ended with a value no store wrote last");
    return v == 2;
}

/* The outcome of the iteration just run, as bits in the order of tests[test].bits. */
static unsigned outcome(unsigned test)
{
    switch (test) {
    case 1: return (unsigned)(bit01(LOAD(R(1, 0)), 1) << 1 | bit01(LOAD(R(1, 1)), 1));
    case 2: return (unsigned)(bit01(LOAD(R(0, 0)), 2) << 1 | bit01(LOAD(R(1, 0)), 2));
    case 3: return (unsigned)(bit01(LOAD(R(0, 0)), 3) << 1 | bit01(LOAD(R(1, 0)), 3));
    case 4: return (unsigned)(is2(LOAD(X), 4) << 1 | is2(LOAD(Y), 4));
    case 5: return (unsigned)(bit01(LOAD(R(1, 0)), 5) << 1 | is2(LOAD(X), 5));
    case 6: return (unsigned)(is2(LOAD(Y), 6) << 1 | bit01(LOAD(R(1, 0)), 6));
    case 7: return (unsigned)(bit01(LOAD(R(1, 0)), 7) << 1 | bit01(LOAD(R(1, 1)), 7));
    case 8: return (unsigned)(bit01(LOAD(R(2, 0)), 8) << 3 | bit01(LOAD(R(2, 1)), 8) << 2 |
                              bit01(LOAD(R(3, 0)), 8) << 1 | bit01(LOAD(R(3, 1)), 8));
    default: return (unsigned)(bit01(LOAD(R(1, 0)), 9) << 2 | bit01(LOAD(R(2, 0)), 9) << 1 |
                               bit01(LOAD(R(2, 1)), 9));
    }
}

static void print_histogram(unsigned test, const struct litmus *l)
{
    unsigned nbits = 0;
    while (l->bits[nbits]) nbits++;
    smp_lock_output();
    smp_puts("litmus ");
    smp_puts(l->name);
    smp_puts(" ");
    smp_put_u64(ITER);
    smp_puts(":");
    for (unsigned o = 0; o < (1u << nbits); o++) {
        if (!hist[o] && o != l->forbidden) continue;
        smp_puts(" ");
        for (unsigned b = 0; b < nbits; b++) {
            char s[4] = { l->bits[b], '=', (char)('0' + ((o >> (nbits - 1 - b)) & 1)), 0 };
            smp_puts(s);
        }
        smp_puts(o == l->forbidden ? "(forbidden):" : ":");
        smp_put_u64(hist[o]);
    }
    smp_puts("\n");
    smp_unlock_output();
    (void)test;
}

int smp_test(unsigned hart, unsigned n)
{
    uint64_t seed = 0x9e3779b97f4a7c15ull * (hart + 1);
    for (unsigned test = 1; test <= NTESTS; test++) {
        const struct litmus *l = &tests[test];
        if (l->threads > n) {
            if (hart == 0) {
                smp_lock_output();
                smp_puts("litmus ");
                smp_puts(l->name);
                smp_puts(" skipped: needs ");
                smp_put_u64(l->threads);
                smp_puts(" harts\n");
                smp_unlock_output();
            }
            continue;
        }
        if (hart == 0)
            for (unsigned o = 0; o < 16; o++) hist[o] = 0;
        for (unsigned it = 0; it < ITER; it++) {
            if (hart == 0) {
                STORE(X, 0);
                STORE(Y, 0);
                for (unsigned t = 0; t < 4; t++) STORE(R(t, 0), 0), STORE(R(t, 1), 0);
            }
            smp_barrier();
            if (hart < l->threads) {
                /* A random delay of 0..31 short steps, so that the threads start at varying offsets. */
                uint64_t rnd = smp_rand(&seed);
                for (unsigned d = (unsigned)(rnd >> 59); d; d--) __asm__ volatile("nop");
                thread(test, hart, rnd);
            }
            smp_barrier();
            if (hart == 0) hist[outcome(test)]++;
        }
        if (hart == 0) {
            print_histogram(test, l);
            if (hist[l->forbidden]) smp_fail(10 + (int)test, "a litmus outcome that RVWMO forbids appeared");
        }
    }
    return 0;
}
