/* Pointer chasing through Sv39-mapped memory: a random single-cycle permutation (Sattolo) of 1 Mi nodes,
 * one per 64-byte line over 64 MiB, chased in S-mode first through 4 KiB pages (16384 of them, so data-TLB
 * misses and page walks are real) and then through 2 MiB pages mapping the same memory. */
#include "bench.h"

/* Expected results, from the same C built for the host (see bench.h). */
#define HASH_WANT 0xf8564680efe4df72ull

#define NODES (1u << 20)
#define STRIDE 64
#define LAPS 1
#define ARENA_PA 0x84000000ull       /* 64 MiB of guest RAM past the program: run with >= 256 MiB */
#define VA_4K 0x100000000ull         /* Sv39 VPN[2] = 4 */
#define VA_2M 0x140000000ull         /* Sv39 VPN[2] = 5 */

static uint64_t lcg_next(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

/* Sattolo's shuffle of the identity gives one cycle through every node: next(i) = arena[i]. */
static void build(volatile uint32_t *arena_at_stride0)
{
    uint8_t *base = (uint8_t *)arena_at_stride0;
    uint64_t seed = 42;
    for (uint32_t i = 0; i < NODES; i++) *(uint32_t *)(base + (uint64_t)i * STRIDE) = i;
    for (uint32_t i = NODES - 1; i > 0; i--) {
        uint32_t j = (uint32_t)(lcg_next(&seed) % i);
        uint32_t *pi = (uint32_t *)(base + (uint64_t)i * STRIDE), *pj = (uint32_t *)(base + (uint64_t)j * STRIDE);
        uint32_t t = *pi;
        *pi = *pj;
        *pj = t;
    }
}

/* LAPS times round the cycle from node 0: the order hash, the index sum, and whether each lap closed. */
static int chase(const uint8_t *base, uint64_t *hash_out, uint64_t *sum_out)
{
    uint64_t hash = 0, sum = 0;
    int closed = 1;
    uint32_t i = 0;
    for (int lap = 0; lap < LAPS; lap++) {
        for (uint32_t n = 0; n < NODES; n++) {
            i = *(const uint32_t *)(base + (uint64_t)i * STRIDE);
            sum += i;
            hash = (hash ^ i) * 0x100000001b3ull;
        }
        closed &= i == 0;
    }
    *hash_out = hash;
    *sum_out = sum;
    return closed;
}

static int check_chase(const char *what, const uint8_t *base)
{
    uint64_t hash, sum;
    int closed = chase(base, &hash, &sum);
    return bench_check(what, hash, BENCH_WANT(HASH_WANT)) |
           bench_check("  index sum", sum, (uint64_t)LAPS * NODES * (NODES - 1) / 2) |
           bench_check("  laps closed", (uint64_t)closed, 1);
}

#ifdef BENCH_HOST
int main(void)
{
    static uint8_t arena[(uint64_t)NODES * STRIDE];
    build((uint32_t *)arena);
    return check_chase("chase hash", arena);
}
#else
#define PTE_V 0x01
#define PTE_RWX 0x0e
#define PTE_AD 0xc0
static uint64_t root[512] __attribute__((aligned(4096)));
static uint64_t l1_4k[512] __attribute__((aligned(4096)));
static uint64_t l1_2m[512] __attribute__((aligned(4096)));
static uint64_t l0[32][512] __attribute__((aligned(4096)));   /* 32 x 512 x 4 KiB = 64 MiB */

static uint64_t leaf(uint64_t pa) { return (pa >> 12) << 10 | PTE_AD | PTE_RWX | PTE_V; }
static uint64_t table(const void *t) { return ((uint64_t)(uintptr_t)t >> 12) << 10 | PTE_V; }

static void s_main(void)
{
    int bad = check_chase("chase hash, 4 KiB pages", (const uint8_t *)VA_4K) |
              check_chase("chase hash, 2 MiB pages", (const uint8_t *)VA_2M);
    htif_exit(bad);
}

int main(void)
{
    build((uint32_t *)(uintptr_t)ARENA_PA);
    root[2] = leaf(0x80000000ull);                       /* the program, stack and tohost: identity 1 GiB */
    root[4] = table(l1_4k);
    root[5] = table(l1_2m);
    for (uint64_t i = 0; i < 32; i++) {
        l1_4k[i] = table(l0[i]);
        l1_2m[i] = leaf(ARENA_PA + (i << 21));
        for (uint64_t j = 0; j < 512; j++) l0[i][j] = leaf(ARENA_PA + (i << 21) + (j << 12));
    }
    /* S-mode needs a PMP entry (privileged spec 3.7.1): one NAPOT entry over everything, RWX. */
    __asm__ volatile("csrw pmpaddr0, %0\n\tcsrw pmpcfg0, %1" ::"r"(~0ull), "r"(0x1full));
    __asm__ volatile("csrw satp, %0\n\tsfence.vma" ::"r"((8ull << 60) | ((uint64_t)(uintptr_t)root >> 12)));
    uint64_t mstatus;
    __asm__ volatile("csrr %0, mstatus" : "=r"(mstatus));
    mstatus = (mstatus & ~(3ull << 11)) | (1ull << 11);  /* MPP = S */
    __asm__ volatile("csrw mstatus, %0\n\tcsrw mepc, %1\n\tmret" ::"r"(mstatus), "r"(s_main));
    return 99;   /* not reached */
}
#endif
