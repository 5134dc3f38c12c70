/* Message passing with fences (RVWMO, unprivileged spec chapter 17 / A.3): hart 0 writes round i into
 * two data words (each in a cache line of its own), `fence w,w`, then the flag; every other hart reads
 * the flag, `fence r,r`, then the data, and counts a stale read whenever a data word is older than the
 * flag it saw. ROUNDS rounds; the run fails on any stale read, or if a reader saw the flag change fewer
 * than twice (it would not have tested anything). Halfway, hart 0 waits until every reader has seen
 * some round: with more hart threads than host cores, a reader's thread may otherwise not run at all
 * before the last round is written, and see only that one (a flake under load, not a stale read). */
#include "smp.h"

#define ROUNDS 1000000u

static volatile uint64_t data1 __attribute__((aligned(SMP_LINE)));
static volatile uint64_t flag __attribute__((aligned(SMP_LINE)));
static volatile uint64_t data2 __attribute__((aligned(SMP_LINE)));
static volatile uint64_t stats[SMP_MAX_HARTS][8] __attribute__((aligned(SMP_LINE)));   /* reads, changes, stale */
static volatile uint64_t seen[SMP_MAX_HARTS][8] __attribute__((aligned(SMP_LINE)));    /* a round each reader saw */

int smp_test(unsigned hart, unsigned n)
{
    if (hart == 0) {
        for (uint64_t i = 1; i <= ROUNDS; i++) {
            if (i == ROUNDS / 2)
                for (unsigned h = 1; h < n; h++)
                    while (LOAD(&seen[h][0]) == 0) {}
            STORE(&data1, i);
            STORE(&data2, i);
            FENCE(w, w);
            STORE(&flag, i);
        }
    } else {
        uint64_t reads = 0, changes = 0, stale = 0, last = 0, f;
        do {
            f = LOAD(&flag);
            FENCE(r, r);
            uint64_t d1 = LOAD(&data1), d2 = LOAD(&data2);
            reads++;
            if (d1 < f || d2 < f) stale++;
            if (f != last) {
                changes++;
                STORE(&seen[hart][0], f);
            }
            last = f;
        } while (f != ROUNDS);
        stats[hart][0] = reads;
        stats[hart][1] = changes;
        stats[hart][2] = stale;
    }
    smp_barrier();
    if (hart == 0) {
        uint64_t reads = 0, changes = 0, stale = 0, min_changes = ~0ull;
        for (unsigned h = 1; h < n; h++) {
            reads += stats[h][0];
            changes += stats[h][1];
            stale += stats[h][2];
            if (stats[h][1] < min_changes) min_changes = stats[h][1];
        }
        smp_lock_output();
        smp_puts("mp: ");
        smp_put_u64(ROUNDS);
        smp_puts(" rounds written, ");
        smp_put_u64(reads);
        smp_puts(" reads by ");
        smp_put_u64(n - 1);
        smp_puts(" reader(s), ");
        smp_put_u64(changes);
        smp_puts(" flag changes seen, ");
        smp_put_u64(stale);
        smp_puts(" stale reads\n");
        smp_unlock_output();
        if (stale) smp_fail(2, "message passing: a reader saw the flag before the data (fence w,w / fence r,r)");
        if (min_changes < 2) smp_fail(3, "message passing: a reader never saw the flag change");
    }
    return 0;
}
