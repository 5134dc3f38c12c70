/* Shared helpers of the bench guests: checked results printed through HTIF, exit status 0 only if all match. */
#ifndef BENCH_GUEST_H
#define BENCH_GUEST_H

#include <stdint.h>

#ifdef BENCH_HOST
/* The same C compiled for the host (cc -DBENCH_HOST -O2 -ffp-contract=off X.c) prints the values that
 * the guests' *_WANT constants were taken from. */
#include <stdio.h>
#define BENCH_WANT(x) 0
static inline int bench_check(const char *name, uint64_t got, uint64_t want)
{
    (void)want;
    printf("%s %llu 0x%llx\n", name, (unsigned long long)got, (unsigned long long)got);
    return 0;
}
#else
#include "../../examples/common/htif.h"
#define BENCH_WANT(x) (x)

/* Prints "NAME = VALUE" (and the expected value if it differs); returns 0 on a match, 1 otherwise. */
static inline int bench_check(const char *name, uint64_t got, uint64_t want)
{
    htif_puts(name);
    htif_puts(" = ");
    htif_put_u64(got);
    if (got != want) {
        htif_puts(", WRONG: expected ");
        htif_put_u64(want);
        htif_puts("\n");
        return 1;
    }
    htif_puts(" ok\n");
    return 0;
}
#endif

#endif
