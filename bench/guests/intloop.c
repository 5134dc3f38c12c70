/* Integer loops: a register-only mix of add, xor, shifts, multiply and compare-and-branch (xorshift and
 * a multiplicative hash), the case the interpreter's dispatch cost dominates. */
#include "bench.h"

/* Expected results, from the same C built for the host (see bench.h). */
#define XORSHIFT_WANT 0x6a33da430cc3d0eaull
#define HASH_WANT 0x24f22c4e0b6337f9ull
#define ODD_WANT 6001948

#define ROUNDS 12000000u

int main(void)
{
    uint64_t x = 88172645463325252ull, h = 1469598103934665603ull, odd = 0;
    for (uint32_t i = 0; i < ROUNDS; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        h = (h ^ (x & 0xff)) * 1099511628211ull;
        if (x & 1) odd++;
        h += i;
    }
    return bench_check("xorshift", x, BENCH_WANT(XORSHIFT_WANT)) | bench_check("hash", h, BENCH_WANT(HASH_WANT)) |
           bench_check("odd", odd, BENCH_WANT(ODD_WANT));
}
