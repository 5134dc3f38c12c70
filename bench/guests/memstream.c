/* memcpy-like streaming: 8-way unrolled 64-bit copies between two 4 MiB buffers, then a summing pass;
 * every access hits the data TLB's fast path, so this measures load/store handlers and host memory. */
#include "bench.h"

/* Expected results, from the same C built for the host (see bench.h). */
#define STREAM_WANT 0xf8b2246b8f503e00ull

#define WORDS ((4u << 20) / 8)
#define ROUNDS 48

static uint64_t a[WORDS], b[WORDS];

static void copy(uint64_t *restrict d, const uint64_t *restrict s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i += 8) {
        uint64_t w0 = s[i], w1 = s[i + 1], w2 = s[i + 2], w3 = s[i + 3];
        uint64_t w4 = s[i + 4], w5 = s[i + 5], w6 = s[i + 6], w7 = s[i + 7];
        d[i] = w0; d[i + 1] = w1; d[i + 2] = w2; d[i + 3] = w3;
        d[i + 4] = w4; d[i + 5] = w5; d[i + 6] = w6; d[i + 7] = w7;
    }
}

int main(void)
{
    uint64_t x = 1;
    for (uint32_t i = 0; i < WORDS; i++) a[i] = x = x * 6364136223846793005ull + 1442695040888963407ull;
    for (int r = 0; r < ROUNDS; r++) {
        copy(b, a, WORDS);
        b[r] ^= (uint64_t)r;          /* each round's copy differs, so no round can be skipped */
        copy(a, b, WORDS);
    }
    uint64_t sum = 0;
    for (uint32_t i = 0; i < WORDS; i++) sum = (sum ^ a[i]) * 0x100000001b3ull;
    return bench_check("stream sum", sum, BENCH_WANT(STREAM_WANT));
}
