/* revbench: how long one reverse step takes far into a run (the reverse-execution issue's target:
 * "one reverse-stepi after 10^9 instructions of a Linux boot answers in under 1 s"). Runs KERNEL
 * (with INITRD) under --icount with a history of HISTORY MiB, continuing from hit to hit of a
 * breakpoint at ADDR until POSITION instructions have run, then times one reverse step, ten more, and
 * a reverse continue, and prints the history's size. Not a test: a measurement (docs/debugging.md).
 *
 * usage: snapshot_revbench KERNEL INITRD ADDR POSITION HISTORY_MIB */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <vhart/debug.h>
#include <vhart/machine.h>

#include "machine/machine_internal.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: snapshot_revbench KERNEL INITRD ADDR POSITION HISTORY_MIB\n");
        return 2;
    }
    static struct vhart_config cfg;
    cfg.kernel = argv[1];
    cfg.initrd = argv[2];
    cfg.append = "console=ttyS0";
    cfg.mem_size = 256u << 20;
    cfg.harts = 1;
    cfg.icount = true;
    cfg.icount_shift = VHART_ICOUNT_SHIFT_DEFAULT;
    uint64_t addr = strtoull(argv[3], NULL, 0), target = strtoull(argv[4], NULL, 0);
    struct machine *m;
    char err[256];
    if (machine_create(&cfg, &m, err, sizeof(err))) {
        fprintf(stderr, "snapshot_revbench: %s\n", err);
        return 2;
    }
    vdbg_history_configure(m, strtoull(argv[5], NULL, 0) << 20, 0);
    vdbg_break_add(m, addr, false);
    struct vdbg_stop st;
    double t0 = now();
    unsigned hits = 0;
    while (history_position(m) < target) {
        vdbg_continue(m, &st);
        hits++;
        if (st.reason != VDBG_STOP_BREAKPOINT) {
            fprintf(stderr, "snapshot_revbench: the run stopped (reason %d) at %" PRIu64 "\n", (int)st.reason,
                    history_position(m));
            return 1;
        }
    }
    double t1 = now();
    struct vdbg_history hi;
    vdbg_history_info(m, &hi);
    printf("forward: %" PRIu64 " instructions, %u hits, %.2f s; history %u checkpoints, %" PRIu64 " MiB (limit %" PRIu64
           " MiB)\n", history_position(m), hits, t1 - t0, hi.checkpoints, hi.bytes >> 20, hi.limit >> 20);
    uint64_t pc = m->harts[0]->pc;
    double t2 = now();
    int rc = vdbg_reverse_step(m, 0, 1, &st);
    double t3 = now();
    printf("reverse step 1: rc %d, %.3f s, pc 0x%" PRIx64 " -> 0x%" PRIx64 ", position %" PRIu64 "\n", rc, t3 - t2, pc,
           m->harts[0]->pc, history_position(m));
    for (int i = 0; i < 10; i++) rc |= vdbg_reverse_step(m, 0, 1, &st);
    double t4 = now();
    printf("10 more reverse steps: rc %d, %.3f s each\n", rc, (t4 - t3) / 10);
    rc = vdbg_reverse_continue(m, &st);
    double t5 = now();
    printf("reverse continue: rc %d, reason %d, %.3f s, position %" PRIu64 "\n", rc, (int)st.reason, t5 - t4,
           history_position(m));
    machine_destroy(m);
    return 0;
}
