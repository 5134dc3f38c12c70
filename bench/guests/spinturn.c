/* Cliff guest (two harts): the harts take strict turns, each turn a few hundred instructions of
 * work, and the hart whose turn it is not waits, in four ways, a quarter of the turns each: a
 * load-compare-branch loop, the same with `pause`, an LR loop, and a test-and-set (amoswap) token,
 * as xv6's spinlocks do. With one host thread running the harts in turn (--threads single, --icount,
 * record/replay), a waiter that keeps its slice keeps the other hart from running. The twin
 * (spinturn_twin.c) has hart 0 do both harts' turns in the same order, with nothing to wait for. */
#include "bench.h"

/* Expected results, from the same C built for the host (see bench.h). */
#define ACC0_WANT 0xc7ec8221b9dddb15ull
#define ACC1_WANT 0x19767090f0d3b994ull

#define TURNS 20000u                 /* per hart, in four phases of TURNS / 4 */
#define PHASE(i) (((i) / (TURNS / 4)) & 3)

static uint64_t acc[2];

/* One turn's work: about 550 instructions, registers only. */
static uint64_t work(uint64_t h, uint32_t i)
{
    for (int k = 0; k < 64; k++) {
        h ^= h << 13;
        h ^= h >> 7;
        h ^= h << 17;
        h += i;
    }
    return h;
}

#if defined(BENCH_HOST) || defined(SPIN_TWIN)
#ifdef BENCH_HOST
int main(void)
{
    int hart = 0;
#else
int main(int hart)
{
#endif
    if (hart) return 0;
    acc[0] = 1, acc[1] = 2;
    for (uint32_t i = 0; i < TURNS; i++) {
        acc[0] = work(acc[0], i);
        acc[1] = work(acc[1], i + 1);
    }
    return bench_check("hart 0", acc[0], BENCH_WANT(ACC0_WANT)) | bench_check("hart 1", acc[1], BENCH_WANT(ACC1_WANT));
}
#else
static uint32_t turn;       /* whose turn it is (load, pause and LR phases) */
static uint32_t token[2];   /* 1: hart k may go (test-and-set phase) */

static void wait_turn(uint32_t me, unsigned phase)
{
    switch (phase) {
    case 0:   /* lw; bne back */
        while (__atomic_load_n(&turn, __ATOMIC_RELAXED) != me) { }
        break;
    case 1:   /* lw; pause; bne back */
        while (__atomic_load_n(&turn, __ATOMIC_RELAXED) != me) __asm__ volatile(".word 0x0100000f" ::: "memory");
        break;
    case 2: { /* lr.w; bne back */
        uint32_t t;
        __asm__ volatile("1: lr.w t0, (%1)\n"
                         "   bne t0, %2, 1b\n"
                         "   mv %0, t0"
                         : "=r"(t) : "r"(&turn), "r"(me) : "t0", "memory");
        (void)t;
        break;
    }
    default:  /* amoswap.w; beqz back: take the token */
        while (__atomic_exchange_n(&token[me], 0, __ATOMIC_ACQUIRE) == 0) { }
        break;
    }
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
}

static void pass_turn(uint32_t other, unsigned phase)
{
    if (phase == 3) __atomic_store_n(&token[other], 1, __ATOMIC_RELEASE);
    __atomic_store_n(&turn, other, __ATOMIC_RELEASE);
}

int main(int hart)
{
    if (hart > 1) return 0;
    uint32_t me = (uint32_t)hart, other = me ^ 1;
    uint64_t h = me + 1;
    for (uint32_t i = 0; i < TURNS; i++) {
        wait_turn(me, PHASE(i));
        h = work(h, i + me);
        /* hart 0's turn i is followed by hart 1's turn i, hart 1's by hart 0's turn i + 1 */
        pass_turn(other, PHASE(i + me));
    }
    acc[me] = h;
    if (me) return 0;
    wait_turn(0, PHASE(TURNS));   /* hart 1's last turn is done */
    return bench_check("hart 0", acc[0], BENCH_WANT(ACC0_WANT)) | bench_check("hart 1", acc[1], BENCH_WANT(ACC1_WANT));
}
#endif
