/* Differential test of the two interpreter loops (src/cpu/interp_body.inc compiled twice): the fast
 * one (hart_run, budget checked at block boundaries, fused pairs retired at once) against the exact
 * one (hart_run_exact, a check after every instruction: the debugger's stepping, --max-insns, --trace).
 *
 * Two machines are built from the same configuration and run in lock step. Per slice, machine A runs
 * hart_run with a pseudo-random budget and retires n instructions (n may pass the budget); machine B
 * runs hart_run_exact to exactly n. Then their states must be identical: pc, privilege, x and f
 * registers, the CSRs, wfi, the LR reservation, what each wrote to its console, whether and how it
 * ended; guest RAM is compared every 64 slices and at the end. On a difference, both machines are
 * built again, replayed to the start of the bad slice, B is stepped one instruction at a time (its
 * state recorded after each), and A is run with budget 1 again and again (each call stops at its
 * next block boundary): the first stop where A differs from B's record bounds the first differing
 * instruction; the instructions in that window are printed with their disassembly and the registers
 * that differ.
 *
 * Time must not depend on the host: both machines read a virtual time (mtime, the time CSR, the RTC)
 * that the driver advances by the instructions retired (one tick per 4 instructions), and jumps to
 * the next timer deadline when every hart waits in wfi; virtio-rng serves the same pseudo-random bytes
 * to both. These are test-only overrides of struct machine fields (the test links the library's
 * internals, src/machine/machine_internal.h); the library has no deterministic-time option.
 *
 * usage: exact_vs_fast [options] PROGRAM.elf...     (each run as `vhart PROGRAM.elf`)
 *        exact_vs_fast [options] --kernel IMAGE [--initrd FILE] [--append ARGS]   (with OpenSBI)
 * options: --max-insns N (per guest; 0: to its end), --budget MAX (slice budgets 1..MAX), --seed S,
 *          --mem SIZE, --smp N, --fb WxH, --expect TEXT (the console must show it; EXACT_VS_FAST_CONSOLE=1
 *          prints the console)
 * Exit status 0 when every guest ran identically on both paths, 1 otherwise, 2 on bad usage. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <vhart/debug.h>
#include <vhart/machine.h>

#include "cpu/codecache.h"
#include "cpu/hart.h"
#include "debug/disasm.h"
#include "machine/machine_internal.h"

#define RAM_CHECK_EVERY 64
#define TICKS_PER_INSN_SHIFT 2

/* ---- one machine with virtual time and a deterministic entropy source -------------------------- */

struct side {
    struct machine *m;
    uint64_t vtime;           /* mtime ticks */
    uint64_t rng;             /* xorshift state for virtio-rng */
    char *out;                /* console output */
    size_t out_len, out_cap;
};

static uint64_t side_time(void *opaque) { return ((struct side *)opaque)->vtime; }
static void side_set_time(void *opaque, uint64_t v) { ((struct side *)opaque)->vtime = v; }
static uint64_t side_wall_ns(void *opaque) { return 1767225600000000000ull + ((struct side *)opaque)->vtime * 100; }

static size_t side_entropy(void *opaque, void *buf, size_t len)
{
    struct side *s = opaque;
    uint8_t *b = buf;
    for (size_t i = 0; i < len; i++) {
        s->rng ^= s->rng << 13;
        s->rng ^= s->rng >> 7;
        s->rng ^= s->rng << 17;
        b[i] = (uint8_t)s->rng;
    }
    return len;
}

static void side_write(void *opaque, const uint8_t *data, size_t len)
{
    struct side *s = opaque;
    if (s->out_len + len > s->out_cap) {
        size_t cap = (s->out_len + len) * 2 + 4096;
        char *p = realloc(s->out, cap);
        if (!p) return;
        s->out = p;
        s->out_cap = cap;
    }
    memcpy(s->out + s->out_len, data, len);
    s->out_len += len;
}
static size_t side_read(void *opaque, uint8_t *buf, size_t len, bool *quit)
{
    (void)opaque; (void)buf; (void)len; (void)quit;
    return 0;
}
static void side_flush(void *opaque) { (void)opaque; }

static int side_create(struct side *s, const struct vhart_config *cfg0, char *err, size_t err_len)
{
    memset(s, 0, sizeof(*s));
    s->rng = 0x9e3779b97f4a7c15ull;
    struct vhart_console *con = calloc(1, sizeof(*con));
    if (!con) return -1;
    *con = (struct vhart_console){ side_write, side_read, side_flush, -1, s };
    struct vhart_config cfg = *cfg0;
    cfg.console = con;
    if (machine_create(&cfg, &s->m, err, err_len) != VHART_OK) {
        free(con);
        return -1;
    }
    struct machine *m = s->m;
    for (unsigned i = 0; i < m->nharts; i++) {
        m->harts[i]->read_time = side_time;
        m->harts[i]->time_opaque = s;
    }
    m->clint.read_time = side_time;
    m->clint.write_time = side_set_time;
    m->clint.time_opaque = s;
    m->rtc.now_ns = side_wall_ns;
    m->rtc.opaque = s;
    m->rng.entropy = side_entropy;
    m->rng.opaque = s;
    return 0;
}

static void side_destroy(struct side *s)
{
    if (s->m) {
        const struct vhart_console *con = s->m->cfg.console;
        machine_destroy(s->m);
        free((void *)con);
    }
    free(s->out);
    memset(s, 0, sizeof(*s));
}

/* ---- architectural state --------------------------------------------------------------------- */

struct state {
    uint64_t x[32], f[32], pc, priv, wfi, resv;
    uint64_t csr[34];
};
static const char *const csr_names[34] = {
    "mstatus", "misa", "medeleg", "mideleg", "mie", "mip", "mtvec", "stvec", "mepc", "sepc", "mcause",
    "scause", "mtval", "stval", "mscratch", "sscratch", "mcounteren", "scounteren", "mcountinhibit",
    "menvcfg", "senvcfg", "satp", "stimecmp", "fflags", "frm", "minstret", "mcycle", "pmpcfg0",
    "pmpaddr0", "pmpaddr1", "seip_sw", "seip_ext", "resv_addr", "exc_cause",
};

static void capture(const struct hart *h, struct state *st)
{
    memset(st, 0, sizeof(*st));
    for (int i = 0; i < 32; i++) st->x[i] = h->x[i];
    for (int i = 0; i < 32; i++) st->f[i] = h->f[i];
    st->pc = h->pc;
    st->priv = h->priv;
    st->wfi = h->wfi;
    st->resv = h->resv_valid;
    uint64_t pmpcfg0;
    memcpy(&pmpcfg0, h->pmpcfg, 8);
    const uint64_t c[34] = {
        h->mstatus, h->misa, h->medeleg, h->mideleg, h->mie, h->mip, h->mtvec, h->stvec, h->mepc, h->sepc,
        h->mcause, h->scause, h->mtval, h->stval, h->mscratch, h->sscratch, h->mcounteren, h->scounteren,
        h->mcountinhibit, h->menvcfg, h->senvcfg, h->satp, h->stimecmp, h->fflags, h->frm, h->minstret,
        h->mcycle, pmpcfg0, h->pmpaddr[0], h->pmpaddr[1], h->seip_sw, h->seip_ext,
        h->resv_valid ? h->resv_addr : 0, 0,
    };
    memcpy(st->csr, c, sizeof(c));
}

/* Describe the differences of b (exact) from a (fast); returns how many. */
static int diff_states(const struct state *a, const struct state *b, char *buf, size_t len)
{
    int n = 0;
    size_t used = 0;
    buf[0] = 0;
#define NOTE(...)                                                                   \
    do {                                                                            \
        n++;                                                                        \
        if (used < len) used += (size_t)snprintf(buf + used, len - used, __VA_ARGS__); \
    } while (0)
    if (a->pc != b->pc) NOTE(" pc fast=0x%" PRIx64 " exact=0x%" PRIx64, a->pc, b->pc);
    if (a->priv != b->priv) NOTE(" priv fast=%" PRIu64 " exact=%" PRIu64, a->priv, b->priv);
    if (a->wfi != b->wfi) NOTE(" wfi fast=%" PRIu64 " exact=%" PRIu64, a->wfi, b->wfi);
    if (a->resv != b->resv) NOTE(" reservation fast=%" PRIu64 " exact=%" PRIu64, a->resv, b->resv);
    for (int i = 1; i < 32; i++)
        if (a->x[i] != b->x[i]) NOTE(" x%d fast=0x%" PRIx64 " exact=0x%" PRIx64, i, a->x[i], b->x[i]);
    for (int i = 0; i < 32; i++)
        if (a->f[i] != b->f[i]) NOTE(" f%d fast=0x%" PRIx64 " exact=0x%" PRIx64, i, a->f[i], b->f[i]);
    for (int i = 0; i < 34; i++)
        if (a->csr[i] != b->csr[i])
            NOTE(" %s fast=0x%" PRIx64 " exact=0x%" PRIx64, csr_names[i], a->csr[i], b->csr[i]);
#undef NOTE
    return n;
}

/* ---- the lock-step run ------------------------------------------------------------------------ */

struct pair {
    struct side a, b;         /* a: hart_run, b: hart_run_exact */
    uint64_t seed;            /* budget generator */
    uint64_t max_budget;
    uint64_t instret;         /* per pair, all harts */
    uint64_t slices;
};

static uint64_t next_budget(struct pair *p)
{
    p->seed = p->seed * 6364136223846793005ull + 1442695040888963407ull;
    uint64_t r = p->seed >> 33;
    /* Mostly small budgets (many checkpoints, stops inside loops), sometimes the full slice. */
    switch (r & 3) {
    case 0: return 1 + (r >> 2) % 8;
    case 1: return 1 + (r >> 2) % 64;
    case 2: return 1 + (r >> 2) % (p->max_budget < 4096 ? p->max_budget : 4096);
    default: return 1 + (r >> 2) % p->max_budget;
    }
}

static uint64_t ram_size(struct machine *m, uint8_t **host)
{
    struct bus_region *r = bus_find(&m->bus, BOARD_RAM_BASE);
    *host = r->host;
    return r->size;
}

/* The exact loop to exactly `n` instructions (it also stops at traps and device accesses: go on).
 * With a log, one instruction per call, recording the pc each retired instruction started at. */
static uint64_t run_exact_to(struct hart *h, uint64_t n, uint64_t *log, uint64_t log_cap, uint64_t *nlog)
{
    uint64_t done = 0;
    unsigned idle = 0;
    while (done < n) {
        uint64_t k = 0, pc = h->pc;
        hart_run_exact(h, log ? 1 : n - done, &k);
        if (log && k == 1 && *nlog < log_cap) log[(*nlog)++] = pc;
        done += k;
        if (k == 0 && ++idle > 16) break;   /* makes no progress where the fast loop did */
        if (k) idle = 0;
    }
    return done;
}

/* The fast loop may end its call by taking a trap after its last retired instruction (traps count
 * against the budget) and then an interrupt; the exact one stops right after that instruction.
 * Let b catch up through events that retire nothing: an exception its next instruction raises, an
 * interrupt it has pending. Returns the number of differences left (0: equal). */
static int settle(struct hart *ha, struct hart *hb, char *d, size_t len)
{
    struct state x, y;
    capture(ha, &x);
    for (int tries = 0;; tries++) {
        capture(hb, &y);
        int n = diff_states(&x, &y, d, len);
        if (n == 0 || tries == 3) return n;
        uint64_t cause = (hb->mip & hb->mie) && !hb->wfi ? hart_pending_interrupt(hb) : 0;
        if (cause) {
            hart_trap(hb, cause, 0);
            continue;
        }
        uint64_t k = 0;
        hart_run_exact(hb, 1, &k);   /* budget 1: an exception stops it before the handler runs */
        if (k) {   /* no trap: the difference is real (d describes it before this step) */
            diff_states(&x, &y, d, len);
            return n;
        }
    }
}

/* Between slices: what machine_loop does (timers, HTIF), identically on both machines. */
static void side_between(struct side *s) { if (s->m->has_htif) htif_poll(&s->m->htif); }

/* One slice on every hart. Returns 0, or 1 with a message when the machines differ. */
static int run_slice(struct pair *p, uint64_t budget_override, bool *ended, char *msg, size_t msg_len,
                     uint64_t *log, uint64_t log_cap, uint64_t *nlog)
{
    struct machine *ma = p->a.m, *mb = p->b.m;
    machine_update_timers(ma);
    machine_update_timers(mb);
    bool all_wfi = true;
    for (unsigned i = 0; i < ma->nharts; i++) {
        uint64_t budget = budget_override ? budget_override : next_budget(p);
        uint64_t na = 0, nb = 0;
        enum hart_stop sa = hart_run(ma->harts[i], budget, &na);
        nb = run_exact_to(mb->harts[i], na, log, log_cap, nlog);
        if (sa != HART_STOP_WFI) all_wfi = false;
        if (ma->nharts > 1) ma->harts[i]->resv_valid = mb->harts[i]->resv_valid = false;
        p->instret += na;
        side_between(&p->a);
        side_between(&p->b);
        if (nb != na) {
            snprintf(msg, msg_len, "hart %u: the fast loop retired %" PRIu64 " instructions, the exact one %" PRIu64,
                     i, na, nb);
            return 1;
        }
        p->a.vtime += na >> TICKS_PER_INSN_SHIFT;
        p->b.vtime += na >> TICKS_PER_INSN_SHIFT;
        char d[1024];
        if (settle(ma->harts[i], mb->harts[i], d, sizeof(d))) {
            snprintf(msg, msg_len, "hart %u:%.900s", i, d);
            return 1;
        }
    }
    p->slices++;
    if (p->a.out_len != p->b.out_len || (p->a.out_len && memcmp(p->a.out, p->b.out, p->a.out_len) != 0)) {
        snprintf(msg, msg_len, "console output differs (%zu bytes fast, %zu exact)", p->a.out_len, p->b.out_len);
        return 1;
    }
    if (ma->exit_requested != mb->exit_requested || ma->exit_code != mb->exit_code ||
        ma->reset_requested != mb->reset_requested) {
        snprintf(msg, msg_len, "end of run differs: fast exit %d (%d), exact exit %d (%d)", ma->exit_requested,
                 ma->exit_code, mb->exit_requested, mb->exit_code);
        return 1;
    }
    if (p->slices % RAM_CHECK_EVERY == 0 || ma->exit_requested) {
        uint8_t *ra, *rb;
        uint64_t size = ram_size(ma, &ra);
        ram_size(mb, &rb);
        if (memcmp(ra, rb, size) != 0) {
            uint64_t k = 0;
            while (ra[k] == rb[k]) k++;
            snprintf(msg, msg_len, "RAM differs first at 0x%" PRIx64, (uint64_t)(BOARD_RAM_BASE + k));
            return 1;
        }
    }
    *ended = ma->exit_requested || ma->reset_requested;
    if (all_wfi && !*ended) {
        /* Every hart waits: virtual time jumps to the next deadline (as idle_wait sleeps). */
        bool ready = false;
        for (unsigned i = 0; i < ma->nharts; i++)
            if (ma->harts[i]->mip & ma->harts[i]->mie) ready = true;
        if (!ready) {
            uint64_t t = clint_ticks_to_next_deadline(&ma->clint);
            for (unsigned i = 0; i < ma->nharts; i++) {
                const struct hart *h = ma->harts[i];
                if (!(h->menvcfg & (1ull << 63))) continue;
                uint64_t dl = h->stimecmp > p->a.vtime ? h->stimecmp - p->a.vtime : 0;
                if (dl < t) t = dl;
            }
            if (t == ~0ull) {
                snprintf(msg, msg_len, "every hart waits for an interrupt that nothing will send");
                *ended = true;
                return 0;
            }
            p->a.vtime += t ? t : 1;
            p->b.vtime += t ? t : 1;
        }
    }
    return 0;
}

static int pair_create(struct pair *p, const struct vhart_config *cfg, uint64_t seed, uint64_t max_budget)
{
    char err[512];
    memset(p, 0, sizeof(*p));
    p->seed = seed;
    p->max_budget = max_budget;
    if (side_create(&p->a, cfg, err, sizeof(err)) || side_create(&p->b, cfg, err, sizeof(err))) {
        fprintf(stderr, "exact_vs_fast: %s\n", err);
        return -1;
    }
    return 0;
}

static void pair_destroy(struct pair *p)
{
    side_destroy(&p->a);
    side_destroy(&p->b);
}

static void print_insn(struct machine *m, unsigned hart, uint64_t pc, uint64_t count, const char *mark)
{
    uint8_t raw[4] = { 0 };
    char text[128] = "?";
    if (vdbg_mem_read(m, hart, pc, false, raw, 4) == 0 || vdbg_mem_read(m, hart, pc, false, raw, 2) == 0) {
        uint32_t bits = (uint32_t)raw[0] | (uint32_t)raw[1] << 8 | (uint32_t)raw[2] << 16 | (uint32_t)raw[3] << 24;
        if ((bits & 3) != 3) bits &= 0xffff;
        disasm_insn(pc, bits, m->cfg.ext, text, sizeof(text), NULL, NULL);
    }
    printf("    %s instret %" PRIu64 "  pc 0x%016" PRIx64 "  %s\n", mark, count, pc, text);
}

/* Replay a fresh pair: `bad` slices as the failing run made them, then budget-1 slices up to
 * instret `upto`. Returns 0 when it got there exactly with the machines equal. */
static int replay(struct pair *p, const struct vhart_config *cfg, uint64_t seed, uint64_t max_budget, uint64_t bad,
                  uint64_t upto)
{
    char msg[2048];
    bool ended = false;
    if (pair_create(p, cfg, seed, max_budget)) return -1;
    for (uint64_t s = 0; s < bad; s++)
        if (run_slice(p, 0, &ended, msg, sizeof(msg), NULL, 0, NULL)) return -1;
    while (p->instret < upto && !ended)
        if (run_slice(p, 1, &ended, msg, sizeof(msg), NULL, 0, NULL)) return -1;
    return p->instret == upto ? 0 : -1;
}

/* The fast loop cannot stop inside a block, but it stops at a breakpoint: binary search over the
 * window's instructions (pcs[0..wlen), starting at instret `start`), each probe a fresh replay to
 * the window with a breakpoint planted on machine A at the probed instruction. Prints the first
 * differing instruction; returns 0, or -1 when the window cannot be narrowed this way. */
static int narrow(const struct vhart_config *cfg, uint64_t seed, uint64_t max_budget, uint64_t bad, uint64_t start,
                  const uint64_t *pcs, uint64_t wlen)
{
    uint64_t lo = 0, hi = wlen;   /* equal after lo instructions of the window, different after hi */
    char d[1024] = "";
    unsigned probes = 0;
    while (hi - lo > 1) {
        uint64_t mid = lo + (hi - lo) / 2, k = 0;
        struct pair p;
        if (replay(&p, cfg, seed, max_budget, bad, start)) {
            pair_destroy(&p);
            return -1;
        }
        machine_update_timers(p.a.m);
        machine_update_timers(p.b.m);
        vdbg_break_add(p.a.m, pcs[mid], false);
        enum hart_stop st = hart_run(p.a.m->harts[0], wlen, &k);
        if (st == HART_STOP_BREAKPOINT && k < mid) {   /* the pc came earlier in the window */
            pair_destroy(&p);
            return -1;
        }
        if (st != HART_STOP_BREAKPOINT || k != mid) {
            /* The fast path never reached the exact path's instruction: its control flow went
             * elsewhere before it. */
            hi = mid;
            snprintf(d, sizeof(d), " the fast path never reached pc 0x%" PRIx64 " (the exact path's next)", pcs[mid]);
        } else {
            run_exact_to(p.b.m->harts[0], mid, NULL, 0, NULL);
            char dm[1024];
            if (settle(p.a.m->harts[0], p.b.m->harts[0], dm, sizeof(dm))) {
                hi = mid;
                memcpy(d, dm, sizeof(d));
            } else {
                lo = mid;
            }
        }
        probes++;
        pair_destroy(&p);
    }
    struct pair p;
    if (replay(&p, cfg, seed, max_budget, bad, start) == 0) {
        printf("  narrowed with %u breakpoint probes: the first differing instruction is\n", probes);
        print_insn(p.b.m, 0, pcs[hi - 1], start + hi, "=>");
        if (d[0]) printf("  state after it:%s\n", d);
        else printf("  (state: see the window's end above)\n");
    }
    pair_destroy(&p);
    return 0;
}

/* Find the first differing instruction of slice `bad` (0-based): replay both machines from scratch
 * to its start, then go on in slices of budget 1 (the fast loop stops at each block boundary), the
 * exact machine one instruction at a time with its pcs logged. (One hart: with several, budget-1
 * slices interleave the harts differently from the failing run.) */
static void bisect(const struct vhart_config *cfg, uint64_t seed, uint64_t max_budget, uint64_t bad, uint64_t bad_end)
{
    struct pair p;
    char msg[2048];
    bool ended = false;
    if (pair_create(&p, cfg, seed, max_budget)) return;
    for (uint64_t s = 0; s < bad; s++)
        if (run_slice(&p, 0, &ended, msg, sizeof(msg), NULL, 0, NULL)) {
            printf("  bisect: the replay differed earlier (slice %" PRIu64 "): not reproducible\n", s);
            pair_destroy(&p);
            return;
        }
    uint64_t cap = 1 << 20, nlog = 0, agreed = p.instret;
    uint64_t *log = malloc(cap * sizeof(*log));
    while (log && !ended && p.instret <= bad_end + CODECACHE_SLOTS) {
        uint64_t before = p.instret, first_log = nlog;
        if (run_slice(&p, 1, &ended, msg, sizeof(msg), log, cap, &nlog)) {
            uint64_t wlen = nlog - first_log;
            printf("  bisect: with budget-1 slices, equal at instret %" PRIu64 ", different at %" PRIu64
                   " (a block of %" PRIu64 " instructions):%s\n", agreed, p.instret, wlen, msg);
            pair_destroy(&p);
            if (wlen == 1) {
                struct pair q;
                if (replay(&q, cfg, seed, max_budget, bad, before) == 0) print_insn(q.b.m, 0, log[first_log], before + 1, "=>");
                pair_destroy(&q);
            } else if (narrow(cfg, seed, max_budget, bad, before, log + first_log, wlen)) {
                printf("  (could not narrow it with breakpoints) the block, as the exact path ran it:\n");
                struct pair q;
                if (replay(&q, cfg, seed, max_budget, bad, before) == 0)
                    for (uint64_t i = first_log; i < nlog; i++) print_insn(q.b.m, 0, log[i], before + (i - first_log) + 1, "  ");
                pair_destroy(&q);
            }
            free(log);
            return;
        }
        agreed = p.instret;
        if (nlog > cap - 4096) nlog = 0;
    }
    printf("  bisect: no difference in budget-1 slices up to instret %" PRIu64
           " (it depends on where the fast loop's slices end)\n", p.instret);
    free(log);
    pair_destroy(&p);
}

static const char *expect;   /* --expect: text the console must show */

static int run_guest(const struct vhart_config *cfg, const char *name, uint64_t max_insns, uint64_t seed,
                     uint64_t max_budget, uint64_t *total_insns, uint64_t *total_slices)
{
    struct pair p;
    char msg[2048] = "";
    if (pair_create(&p, cfg, seed, max_budget)) return 1;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bool ended = false;
    int rc = 0;
    while (!ended && (!max_insns || p.instret < max_insns)) {
        if (run_slice(&p, 0, &ended, msg, sizeof(msg), NULL, 0, NULL)) {
            printf("FAIL %s: slice %" PRIu64 " (instret %" PRIu64 "): %s\n", name, p.slices, p.instret, msg);
            rc = 1;
            break;
        }
    }
    if (!rc) {
        uint8_t *ra, *rb;
        uint64_t size = ram_size(p.a.m, &ra);
        ram_size(p.b.m, &rb);
        if (memcmp(ra, rb, size) != 0) {
            printf("FAIL %s: RAM differs at the end\n", name);
            rc = 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    uint64_t bad = p.slices, bad_end = p.instret;
    bool differ = rc != 0;
    if (!rc && expect) {   /* both consoles are equal: the guest really got there */
        bool found = false;
        size_t n = strlen(expect);
        for (size_t i = 0; !found && i + n <= p.a.out_len; i++) found = memcmp(p.a.out + i, expect, n) == 0;
        if (!found) {
            printf("FAIL %s: the console never showed \"%s\"\n", name, expect);
            rc = 1;
        }
    }
    if (!rc) {
        const char *how = p.a.m->exit_requested ? "exit" : p.a.m->reset_requested ? "reset" : msg[0] ? msg : "limit";
        printf("ok   %s: %" PRIu64 " instructions, %" PRIu64 " checkpoints, %s %d, %zu console bytes, %.2f s\n", name,
               p.instret, p.slices, how, p.a.m->exit_code, p.a.out_len, secs);
    }
    if (getenv("EXACT_VS_FAST_CONSOLE")) fwrite(p.a.out, 1, p.a.out_len, stdout);   /* the guest's console */
    *total_insns += p.instret;
    *total_slices += p.slices;
    pair_destroy(&p);
    if (differ) bisect(cfg, seed, max_budget, bad, bad_end);
    return rc;
}

static void usage(void)
{
    fprintf(stderr, "usage: exact_vs_fast [--max-insns N] [--budget MAX] [--seed S] [--mem SIZE] [--smp N] [--fb WxH] [--expect TEXT]\n"
                    "                     (PROGRAM.elf... | --kernel IMAGE [--initrd FILE] [--append ARGS])\n");
    exit(2);
}

int main(int argc, char **argv)
{
    struct vhart_config cfg = { .mem_size = 32ull << 20, .harts = 1 };
    uint64_t max_insns = 0, seed = 1, max_budget = 65536;
    const char *kernel = NULL;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-') {
            first = i;
            break;
        }
        if (i + 1 >= argc) usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--max-insns")) max_insns = strtoull(v, NULL, 0);
        else if (!strcmp(a, "--budget")) max_budget = strtoull(v, NULL, 0);
        else if (!strcmp(a, "--seed")) seed = strtoull(v, NULL, 0);
        else if (!strcmp(a, "--mem")) { if (vhart_parse_size(v, &cfg.mem_size)) usage(); }
        else if (!strcmp(a, "--smp")) cfg.harts = (unsigned)strtoul(v, NULL, 10);
        else if (!strcmp(a, "--fb")) { if (sscanf(v, "%ux%u", &cfg.fb_width, &cfg.fb_height) != 2) usage(); }
        else if (!strcmp(a, "--kernel")) kernel = v;
        else if (!strcmp(a, "--initrd")) cfg.initrd = v;
        else if (!strcmp(a, "--append")) cfg.append = v;
        else if (!strcmp(a, "--expect")) expect = v;
        else usage();
    }
    if (max_budget == 0 || (!kernel && first >= argc)) usage();
    uint64_t insns = 0, slices = 0;
    int failed = 0, guests = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (kernel) {
        cfg.kernel = kernel;
        failed += run_guest(&cfg, kernel, max_insns, seed, max_budget, &insns, &slices);
        guests++;
    }
    for (int i = first; i < argc; i++) {
        cfg.program = argv[i];
        cfg.kernel = NULL;
        const char *base = strrchr(argv[i], '/');
        failed += run_guest(&cfg, base ? base + 1 : argv[i], max_insns, seed, max_budget, &insns, &slices);
        guests++;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("exact_vs_fast: %d guests, %d failed; %" PRIu64 " instructions compared at %" PRIu64
           " checkpoints in %.1f s\n", guests, failed, insns, slices, secs);
    return failed ? 1 : 0;
}
