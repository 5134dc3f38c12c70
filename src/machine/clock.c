/* Where the machine's time and randomness come from: the host's clocks, or (--icount) a virtual
 * clock driven by retired instructions, a fixed RTC start and a seeded generator, so that a run
 * repeats exactly. */
#define _POSIX_C_SOURCE 200809L
#include <sys/random.h>
#include <time.h>

#include "machine_internal.h"

uint64_t clock_host_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t clock_wall_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* --icount's clock: instructions retired by every hart, plus those skipped while all waited. */
static uint64_t virtual_insns(const struct machine *m)
{
    uint64_t n = m->icount_idle;
    for (unsigned i = 0; i < m->nharts; i++) n += m->harts[i]->retired_total;
    return n;
}

/* mtime before the guest's own adjustments: virtual or host time since the machine started. */
static uint64_t raw_ticks(const struct machine *m)
{
    if (m->cfg.icount) return virtual_insns(m) >> m->cfg.icount_shift;
    return (clock_host_ns() - m->start_ns) / (1000000000ull / BOARD_TIMEBASE_HZ);
}

uint64_t clock_read_mtime(void *opaque)
{
    struct machine *m = opaque;
    return raw_ticks(m) + (uint64_t)m->mtime_offset;
}

/* The goldfish RTC's clock: the host's, or from a fixed start (--rtc-base, --icount) on by the
 * machine's own time, so that a deterministic run reads the same dates. */
uint64_t clock_rtc_ns(void *opaque)
{
    struct machine *m = opaque;
    if (!m->rtc_fixed) return clock_wall_ns();
    uint64_t elapsed = m->cfg.icount ? raw_ticks(m) * (1000000000ull / BOARD_TIMEBASE_HZ) : clock_host_ns() - m->start_ns;
    return m->rtc_base_ns + elapsed;
}

void clock_write_mtime(void *opaque, uint64_t value)
{
    struct machine *m = opaque;
    m->mtime_offset = (int64_t)(value - (clock_read_mtime(m) - (uint64_t)m->mtime_offset));
}

uint64_t machine_mtime(struct machine *m) { return clock_read_mtime(m); }

void machine_set_mtime(struct machine *m, uint64_t value) { clock_write_mtime(m, value); }

size_t clock_entropy(void *opaque, void *buf, size_t len)
{
    struct machine *m = opaque;
    if (!m->rng_seeded) {
        ssize_t n = getrandom(buf, len, 0);
        return n < 0 ? 0 : (size_t)n;
    }
    /* --seed / --icount: SplitMix64, the same bytes in every run. */
    uint8_t *out = buf;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t z = (m->rng_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        for (size_t k = 0; k < 8 && i + k < len; k++) out[i + k] = (uint8_t)(z >> (8 * k));
    }
    return len;
}
