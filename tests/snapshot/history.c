/* Reverse execution (src/machine/history.c) re-runs exactly: a guest under --icount driven by the
 * debug API (steps of many sizes, continues to breakpoints, timer interrupts in between), with the
 * architectural state and a hash of RAM recorded after every run; then vdbg_reverse_step back to
 * each recorded position in turn must give exactly that state again, and stepping forward from there
 * again exactly the next one. Small checkpoint intervals make the re-runs start from checkpoints
 * inside the runs and from the first one.
 *
 * With several harts (HARTS, under --icount interleaved in a fixed order), every hart's state is
 * compared, and a reverse step of one hart must take that hart back by one of its own instructions,
 * the others where they were at that moment.
 *
 * With DISK (a file made here: 1 MiB, xv6like's signature in sector 0), the guest's disk is compared
 * too, as the guest reads it, and when the machine is freed the image file must hold what the guest
 * last saw (the overlay reverse execution put over it is written back).
 *
 * usage: snapshot_history KERNEL.elf SYMBOL [HARTS [DISK]]   (KERNEL run as --bios none --kernel; SYMBOL: a
 * function the guest calls again and again, for the breakpoint)
 * Exit status 0 when every check passed, 1 otherwise, 2 on bad usage. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vhart/debug.h>
#include <vhart/machine.h>

#include "cpu/hart_state.h"
#include "machine/disks.h"
#include "machine/machine_internal.h"

#define RUNS 40

static int failures;
#define CHECK(cond, ...)                                           \
    do {                                                           \
        if (!(cond)) {                                             \
            fprintf(stderr, "snapshot_history: FAIL: " __VA_ARGS__); \
            fputc('\n', stderr);                                   \
            failures++;                                            \
        }                                                          \
    } while (0)

static unsigned nharts = 1;

static const char *disk;

struct point {
    uint64_t pos;
    uint64_t disk_hash;
    struct hart_arch arch[VHART_MAX_HARTS];
    uint64_t ram_hash;
    enum vdbg_stop_reason reason;
};

static uint64_t ram_hash(struct machine *m)
{
    struct bus_region *r = bus_find(&m->bus, VHART_RAM_BASE);
    uint64_t h = 0xcbf29ce484222325ull;
    /* The guest's first 2 MiB hold its code, data and stacks. */
    for (size_t i = 0; i < (2u << 20) && i < r->size; i++) h = (h ^ r->host[i]) * 0x100000001b3ull;
    return h;
}

#define DISK_SIZE (1u << 20)
#define DISK_SIG "xv6like disk: sector 0\n"

/* The disk as the guest reads it (through the device's backend). */
static uint64_t disk_hash(struct machine *m, uint8_t *copy)
{
    static uint8_t buf[DISK_SIZE];
    if (!disk) return 0;
    const struct block_backend *b = &m->disks[0].ws.backend;
    if (b->read(b->opaque, 0, buf, DISK_SIZE)) return 1;
    if (copy) memcpy(copy, buf, DISK_SIZE);
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < DISK_SIZE; i++) h = (h ^ buf[i]) * 0x100000001b3ull;
    return h;
}

static void capture(struct machine *m, struct point *p)
{
    p->disk_hash = disk_hash(m, NULL);
    p->pos = history_position(m);
    for (unsigned h = 0; h < nharts; h++) p->arch[h] = m->harts[h]->arch;
    p->ram_hash = ram_hash(m);
}

static void compare(const struct point *want, struct machine *m, const char *what, int i)
{
    char diff[256];
    CHECK(history_position(m) == want->pos, "%s %d: at position %" PRIu64 ", expected %" PRIu64, what, i,
          history_position(m), want->pos);
    for (unsigned h = 0; h < nharts; h++)
        CHECK(hart_arch_same(&want->arch[h], &m->harts[h]->arch, diff, sizeof(diff)), "%s %d (position %" PRIu64
              "): hart %u differs: %s", what, i, want->pos, h, diff);
    CHECK(ram_hash(m) == want->ram_hash, "%s %d (position %" PRIu64 "): RAM differs", what, i, want->pos);
    CHECK(disk_hash(m, NULL) == want->disk_hash, "%s %d (position %" PRIu64 "): disk differs", what, i, want->pos);
}

/* Run number i: a mix of steps and continues. */
static void run(struct machine *m, int i, int bp_id, struct vdbg_stop *st)
{
    static const uint64_t sizes[] = { 1, 7, 1000, 50000, 1, 1, 300000, 3 };
    if (i % 5 == 3) {
        vdbg_continue(m, st);   /* to the breakpoint */
    } else if (i % 5 == 4) {
        vdbg_delete(m, bp_id);  /* a continue that a watch-free machine runs far: cut by a step count */
        vdbg_step(m, (unsigned)i % nharts, 2000000, st);
    } else {
        vdbg_step(m, (unsigned)i % nharts, sizes[i % 8], st);
    }
}

/* A fresh image: the signature in sector 0, zeros after. */
static bool new_disk(void)
{
    static uint8_t img[DISK_SIZE];
    memset(img, 0, sizeof(img));
    memcpy(img, DISK_SIG, sizeof(DISK_SIG) - 1);
    FILE *f = fopen(disk, "wb");
    bool ok = f && fwrite(img, sizeof(img), 1, f) == 1;
    if (f && fclose(f)) ok = false;
    if (!ok) fprintf(stderr, "snapshot_history: cannot write %s\n", disk);
    return ok;
}

static uint64_t own(struct machine *m, unsigned h)
{
    const struct hart *t = m->harts[h];
    return t->retired_total + t->exceptions + t->interrupts;
}

/* Each hart in turn steps back by some of its own instructions (on m), again and again: only its own
 * position drops, by that much, and the moment is the latest before it ran the next one: on ref, a
 * machine driven the same way, one position on from there only that hart has moved, and the
 * position itself holds the same machine. */
static void per_hart(struct machine *m, struct machine *ref)
{
    struct vdbg_stop st;
    for (int round = 0; round < 4; round++)
        for (unsigned h = 0; h < nharts; h++) {
            uint64_t back = 1 + (uint64_t)round * 40, before[VHART_MAX_HARTS], mine[VHART_MAX_HARTS];
            for (unsigned k = 0; k < nharts; k++) before[k] = own(m, k);
            int rc = vdbg_reverse_step(m, h, back, &st);
            CHECK(rc == 0 && !st.history_begin && st.hart == h, "per-hart: rstep hart %u: rc %d begin %d", h, rc,
                  st.history_begin);
            CHECK(own(m, h) == before[h] - back, "per-hart: hart %u at %" PRIu64 ", expected %" PRIu64, h, own(m, h),
                  before[h] - back);
            for (unsigned k = 0; k < nharts; k++)
                CHECK(own(m, k) <= before[k], "per-hart: hart %u went forward in hart %u's reverse step", k, h);
            struct point at;
            capture(m, &at);
            CHECK(history_travel(ref, at.pos + 1) == 0, "per-hart: one on");
            for (unsigned k = 0; k < nharts; k++) {
                mine[k] = own(m, k);
                CHECK(own(ref, k) == mine[k] + (k == h), "per-hart: one position after hart %u's rstep, hart %u at %"
                      PRIu64 " (was %" PRIu64 ")", h, k, own(ref, k), mine[k]);
            }
            CHECK(history_travel(ref, at.pos) == 0, "per-hart: travel");
            compare(&at, ref, "per-hart: the same position on the reference", (int)h);
        }
}

/* The runs, on a fresh machine; pts[0..RUNS] the positions after each. */
static void drive(struct machine *m, uint64_t sym, struct point *pts, int *bp)
{
    struct vdbg_stop st;
    *bp = vdbg_break_add(m, sym, false);
    capture(m, &pts[0]);
    for (int i = 0; i < RUNS; i++) {
        if (i % 5 == 0 && i) *bp = vdbg_break_add(m, sym, false);
        run(m, i, *bp, &st);
        capture(m, &pts[i + 1]);
        pts[i + 1].reason = st.reason;
        CHECK(st.reason == VDBG_STOP_STEP || st.reason == VDBG_STOP_BREAKPOINT, "run %d stopped with reason %d", i,
              (int)st.reason);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 5) {
        fprintf(stderr, "usage: snapshot_history KERNEL.elf SYMBOL [HARTS [DISK]]\n");
        return 2;
    }
    if (argc >= 4) nharts = (unsigned)atoi(argv[3]);
    if (argc == 5) disk = argv[4];
    if (nharts < 1 || nharts > VHART_MAX_HARTS) {
        fprintf(stderr, "snapshot_history: HARTS is 1 to %d\n", VHART_MAX_HARTS);
        return 2;
    }
    static struct vhart_config cfg;
    cfg.bios = "none";
    cfg.kernel = argv[1];
    cfg.mem_size = 64u << 20;
    cfg.harts = nharts;
    if (disk) {
        cfg.drives[0] = disk;
        cfg.ndrives = 1;
        cfg.mem_size = 128u << 20;
        if (!new_disk()) return 2;
    }
    cfg.icount = true;
    cfg.icount_shift = VHART_ICOUNT_SHIFT_DEFAULT;
    struct machine *m;
    char err[256];
    if (machine_create(&cfg, &m, err, sizeof(err))) {
        fprintf(stderr, "snapshot_history: %s\n", err);
        return 2;
    }
    uint64_t sym;
    if (vdbg_symbol_lookup(m, argv[2], &sym)) {
        fprintf(stderr, "snapshot_history: no symbol %s in %s\n", argv[2], argv[1]);
        return 2;
    }
    /* Several harts run fewer positions in the same runs (steps move one): checkpoints closer. */
    uint64_t interval = nharts > 1 && !disk ? 20000 : 250000;
    CHECK(vdbg_history_configure(m, 64u << 20, interval) == 0, "configure");
    static struct point pts[RUNS + 1], pts2[RUNS + 1];
    struct vdbg_stop st;
    int bp;
    if (nharts > 1) {
        struct machine *m2, *ref;
        /* Each machine writes its own image. */
        static char d2[4096], d3[4096];
        struct vhart_config c2 = cfg, c3 = cfg;
        if (disk) {
            snprintf(d2, sizeof(d2), "%s.2", disk);
            snprintf(d3, sizeof(d3), "%s.3", disk);
            const char *keep = disk;
            disk = d2;
            new_disk();
            disk = d3;
            new_disk();
            disk = keep;
            c2.drives[0] = d2;
            c3.drives[0] = d3;
        }
        if (machine_create(&c2, &m2, err, sizeof(err)) || machine_create(&c3, &ref, err, sizeof(err))) {
            fprintf(stderr, "snapshot_history: %s\n", err);
            return 2;
        }
        vdbg_history_configure(m2, 64u << 20, interval);
        vdbg_history_configure(ref, 64u << 20, interval);
        drive(m2, sym, pts2, &bp);
        drive(ref, sym, pts2, &bp);
        per_hart(m2, ref);
        machine_destroy(m2);
        machine_destroy(ref);
        if (disk) {
            remove(d2);
            remove(d3);
        }
    }
    uint64_t irq0 = 0;
    for (unsigned h = 0; h < nharts; h++) irq0 += m->harts[h]->interrupts;
    drive(m, sym, pts, &bp);
    uint64_t irqs = 0;
    for (unsigned h = 0; h < nharts; h++) irqs += m->harts[h]->interrupts;
    irqs -= irq0;
    struct vdbg_history hi;
    vdbg_history_info(m, &hi);
    CHECK(hi.enabled && hi.first == 0 && hi.now == pts[RUNS].pos && hi.checkpoints > 3,
          "history: enabled %d, %" PRIu64 "..%" PRIu64 ", %u checkpoints", hi.enabled, hi.first, hi.now, hi.checkpoints);
    CHECK(irqs > 3, "only %" PRIu64 " interrupts in the runs", irqs);
    printf("snapshot_history: %d runs, %" PRIu64 " positions, %" PRIu64 " interrupts, %u checkpoints, %" PRIu64
           " KiB\n", RUNS, pts[RUNS].pos, irqs, hi.checkpoints, hi.bytes >> 10);

    /* Back to every recorded position, latest first; from each, one run forward again and back. */
    for (int i = RUNS - 1; i >= 0; i--) {
        uint64_t now = history_position(m);
        if (now == pts[i].pos) continue;   /* a run that did not move (a hart waiting in wfi) */
        if (nharts == 1) {
            int rc = vdbg_reverse_step(m, 0, now - pts[i].pos, &st);
            CHECK(rc == 0, "reverse step %d: %d", i, rc);
            CHECK(!st.history_begin || pts[i].pos == 0, "reverse step %d: history begins early", i);
        } else {
            CHECK(history_travel(m, pts[i].pos) == 0, "travel %d", i);
        }
        compare(&pts[i], m, "back to", i);
        if (i % 4 == 1) {
            /* Forward again from here (a fresh run, where the breakpoints are now). */
            vdbg_delete(m, bp);
            if (pts[i + 1].pos == pts[i].pos) continue;
            vdbg_step(m, 0, pts[i + 1].pos - pts[i].pos, &st);
            uint64_t p = history_position(m);   /* short of pts[i + 1] when the hart waits in wfi */
            CHECK(p == pts[i].pos || vdbg_reverse_step(m, 0, p - pts[i].pos, &st) == 0, "reverse step %d again", i);
            if (nharts > 1) CHECK(history_travel(m, pts[i].pos) == 0, "travel %d again", i);
            compare(&pts[i], m, "back again to", i);
            bp = vdbg_break_add(m, sym, false);
        }
    }
    /* Past the start: stops there, says so. */
    CHECK(vdbg_reverse_step(m, 0, 5, &st) == 0 && st.history_begin, "reverse step past the start");
    compare(&pts[0], m, "start", 0);

    /* Reverse continue: forward over three hits of the breakpoint, then back to each. */
    struct point hit[3];
    for (int k = 0; k < 3; k++) {
        vdbg_continue(m, &st);
        CHECK(st.reason == VDBG_STOP_BREAKPOINT && st.pc == sym, "continue %d: reason %d pc 0x%" PRIx64, k,
              (int)st.reason, st.pc);
        capture(m, &hit[k]);
    }
    vdbg_step(m, 0, 100, &st);
    for (int k = 2; k >= 0; k--) {
        CHECK(vdbg_reverse_continue(m, &st) == 0, "reverse continue %d", k);
        CHECK(st.reason == VDBG_STOP_BREAKPOINT && st.id == bp && st.pc == sym, "reverse continue %d: reason %d id %d",
              k, (int)st.reason, st.id);
        compare(&hit[k], m, "reverse continue to hit", k);
    }
    CHECK(vdbg_reverse_continue(m, &st) == 0 && st.history_begin, "reverse continue to the start");
    compare(&pts[0], m, "reverse continue to the start", 0);
    if (disk) {
        /* Forward again to the guest's end (xv6like powers off when its disk rounds are done). */
        vdbg_delete(m, bp);
        vdbg_continue(m, &st);
        CHECK(st.reason == VDBG_STOP_EXITED && st.exit_code == 0, "the run to the end: reason %d, exit code %d",
              (int)st.reason, st.exit_code);
    }
    static uint8_t seen[DISK_SIZE], file[DISK_SIZE];
    bool wrote = disk && disk_hash(m, seen) != 1;
    machine_destroy(m);
    if (disk) {
        /* The image holds what the guest saw last, and the guest wrote to it. */
        FILE *f = fopen(disk, "rb");
        CHECK(wrote && f && fread(file, sizeof(file), 1, f) == 1, "reading %s back", disk);
        if (f) fclose(f);
        CHECK(!memcmp(seen, file, sizeof(file)), "%s does not hold what the guest last saw", disk);
        static uint8_t fresh[DISK_SIZE];
        memcpy(fresh, DISK_SIG, sizeof(DISK_SIG) - 1);
        CHECK(memcmp(fresh, file, sizeof(file)) != 0, "the guest wrote nothing to %s", disk);
        remove(disk);
    }
    if (failures) {
        fprintf(stderr, "snapshot_history: %d check(s) failed\n", failures);
        return 1;
    }
    printf("snapshot_history: all checks passed\n");
    return 0;
}
