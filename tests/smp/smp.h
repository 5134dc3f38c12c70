/* Runtime of the SMP guest tests: hart count from the device tree, barriers, locked HTIF output, exit. */
#ifndef SMP_H
#define SMP_H

#include <stdint.h>

#define SMP_MAX_HARTS 8
#define SMP_LINE 64   /* bytes between variables that harts share, so each sits in a cache line of its own */

/* The test: run by every hart (0..nharts-1) after start-up. A non-zero result from any hart ends the
 * run with that exit status; when every hart has returned 0, hart 0 exits 0. */
int smp_test(unsigned hart, unsigned nharts);

/* All nharts harts meet here (sense-reversing, amoadd-based; spins with `pause`). */
void smp_barrier(void);
unsigned smp_nharts(void);

/* Output through HTIF's console (whole lines under a lock, so harts do not interleave characters). */
void smp_lock_output(void);
void smp_unlock_output(void);
void smp_puts(const char *s);
void smp_put_u64(uint64_t v);
/* Print "FAIL: what" and end the run with `status` (from any hart). */
void smp_fail(int status, const char *what) __attribute__((noreturn));
void smp_exit(int status) __attribute__((noreturn));

/* Per-hart pseudo-random numbers (xorshift64). */
static inline uint64_t smp_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* Plain (non-atomic) 64-bit load and store that the compiler neither merges nor moves across fences. */
#define LOAD(p) (*(volatile uint64_t *)(p))
#define STORE(p, v) (*(volatile uint64_t *)(p) = (v))
/* RISC-V fences (unprivileged spec 2.7), also compiler barriers. */
#define FENCE(pred, succ) __asm__ volatile("fence " #pred "," #succ ::: "memory")
/* Zihintpause's pause (fence w,0), written as a word: binutils knows it only with the extension named. */
#define PAUSE() __asm__ volatile(".4byte 0x0100000f" ::: "memory")

#endif
