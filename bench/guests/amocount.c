/* Cliff guest: counters updated only by atomics (amoadd.d, amoor.w, amoswap.d, an LR/SC add),
 * as lock words and statistics counters are: a page no plain store ever touches. The twin
 * (amocount_twin.c) does the same arithmetic on the same layout with plain loads and stores. */
#include "bench.h"

/* Expected results, from the same C built for the host (see bench.h). */
#define ADD_WANT 0x77fc6607689872ull
#define OR_WANT 0xf0000000ull
#define SWAP_WANT 0x97734956f29173a6ull
#define CAS_WANT 0x417bccfe4a0ull

#define ROUNDS 3000000u

/* One page of counters, initialised (so in .data: the start-up code's bss clearing never stores
 * to it) and used by nothing else. */
static uint64_t page[512] __attribute__((aligned(4096))) = { 1 };

#ifdef AMO_TWIN
static inline void add64(uint64_t *p, uint64_t v) { *(volatile uint64_t *)p += v; }
static inline void or32(uint32_t *p, uint32_t v) { *(volatile uint32_t *)p |= v; }
static inline uint64_t swap64(uint64_t *p, uint64_t v)
{
    uint64_t old = *(volatile uint64_t *)p;
    *(volatile uint64_t *)p = v;
    return old;
}
static inline void cas_add(uint64_t *p, uint64_t v) { *(volatile uint64_t *)p += v; }
#else
static inline void add64(uint64_t *p, uint64_t v) { __atomic_fetch_add(p, v, __ATOMIC_RELAXED); }
static inline void or32(uint32_t *p, uint32_t v) { __atomic_fetch_or(p, v, __ATOMIC_RELAXED); }
static inline uint64_t swap64(uint64_t *p, uint64_t v) { return __atomic_exchange_n(p, v, __ATOMIC_ACQUIRE); }
/* A compare-and-swap loop: lr.d / sc.d on RISC-V. */
static inline void cas_add(uint64_t *p, uint64_t v)
{
    uint64_t old = __atomic_load_n(p, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(p, &old, old + v, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) { }
}
#endif

int main(void)
{
    uint64_t x = 88172645463325252ull, mix = 0;
    for (uint32_t i = 0; i < ROUNDS; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        add64(&page[x & 7], x);
        or32((uint32_t *)&page[8 + (x >> 8 & 7)], (uint32_t)1 << (28 + (x >> 12 & 3)));
        mix += swap64(&page[16], x) ^ i;
        cas_add(&page[24 + (x >> 16 & 3)], i);
    }
    uint64_t add = 0, or = 0, cas = 0;
    for (int k = 0; k < 8; k++) add = (add ^ page[k]) * 0x100000001b3ull;
    for (int k = 8; k < 16; k++) or |= page[k];
    for (int k = 24; k < 28; k++) cas += page[k];
    return bench_check("amoadd", add, BENCH_WANT(ADD_WANT)) | bench_check("amoor", or, BENCH_WANT(OR_WANT)) |
           bench_check("amoswap", mix, BENCH_WANT(SWAP_WANT)) | bench_check("lr/sc", cas, BENCH_WANT(CAS_WANT));
}
