/* A CPU-bound guest: counts primes with a sieve and trial division, mixing loads, stores,
 * branches, multiplies and divides; prints the counts so a wrong answer is visible. */
#include "../common/htif.h"

#define SIEVE_N 2000000
static uint8_t composite[SIEVE_N + 1];

static uint64_t sieve(void)
{
    uint64_t count = 0;
    for (uint64_t i = 2; i <= SIEVE_N; i++) composite[i] = 0;
    for (uint64_t i = 2; i * i <= SIEVE_N; i++)
        if (!composite[i])
            for (uint64_t j = i * i; j <= SIEVE_N; j += i) composite[j] = 1;
    for (uint64_t i = 2; i <= SIEVE_N; i++) count += !composite[i];
    return count;
}

static uint64_t trial_division(uint64_t limit)
{
    uint64_t count = 0;
    for (uint64_t n = 2; n < limit; n++) {
        int prime = 1;
        for (uint64_t d = 2; d * d <= n; d++)
            if (n % d == 0) {
                prime = 0;
                break;
            }
        count += (uint64_t)prime;
    }
    return count;
}

int main(void)
{
    uint64_t a = 0, b = 0;
    for (int round = 0; round < 4; round++) a = sieve();
    b = trial_division(200000);
    htif_puts("primes below 2000000 (sieve): ");
    htif_put_u64(a);
    htif_puts("\nprimes below 200000 (trial division): ");
    htif_put_u64(b);
    htif_puts("\n");
    /* Known answers: 148933 and 17984. */
    return (a == 148933 && b == 17984) ? 0 : 1;
}
