/* Reverse execution: a deterministic machine's history as in-memory checkpoints plus the log of the
 * runs made between them, and going back by restoring a checkpoint and running forward again. */
#define _DEFAULT_SOURCE   /* mincore(2) */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../cpu/codecache.h"

#include "../cpu/hart_state.h"
#include "../mem/mmu.h"
#include "machine_internal.h"
#include "../dev/htif.h"
#include "disks.h"
#include "replay.h"

#define HIST_DEFAULT_LIMIT (256ull << 20)
#define HIST_DEFAULT_INTERVAL (8ull << 20)
/* Approaching a position inside a run of the machine loop: that many steps before it, go on one
 * instruction at a time (the loop's budget cannot tell interrupts from instructions). */
#define HIST_APPROACH 64

/* One run between debugger stops, or a piece of one: what re-execution repeats exactly. */
enum hist_kind {
    HIST_STEP,      /* vdbg_step(hart, n): its timers and interrupts as a step takes them */
    HIST_LOOP,      /* machine_loop(m, n), whole or cut (below) */
};

struct hist_op {
    enum hist_kind kind;
    bool cut;                /* LOOP: ended before the loop did (a breakpoint, a stop, a travel) */
    bool turn_ended;         /* cut by the loop itself: the last turn's end (below) came after it */
    bool resumed;            /* LOOP: the first of a continue (the debugger's resume came before it) */
    uint64_t done0;          /* STEP cut by a stop: the hart's retired + exceptions at its end */
    unsigned hart;
    uint64_t n;
    uint64_t pos0, pos1;     /* positions before and after */
    size_t s0, ns;           /* its slices: slices[s0 .. s0 + ns) */
};

/* A stretch of an op in which one hart alone ran: a step, or one hart's turn in the run loop
 * (runloop.c calls history_slice before each). With several harts the interleaving is what must be
 * repeated; the slices say where each turn began, so that a re-run can stop before the turn that
 * holds its target and go on one instruction at a time on that turn's hart. */
struct hist_slice {
    uint32_t no;             /* LOOP: the turn's number in its machine_loop call (0-based) */
    uint32_t hart;
    uint64_t pos;            /* position at its start */
    uint64_t hpos;           /* the hart's own position (its retired + exceptions + interrupts) then */
};

/* A RAM page's contents, shared by every checkpoint in which the page holds them. */
struct hist_page {
    uint32_t refs;
    uint8_t data[4096];
};

struct hist_ckpt {
    uint64_t pos;
    struct hist_page **pages;   /* one per RAM page; NULL: all zero */
    size_t op;               /* ops before this checkpoint */
    void *data;                 /* the snapshot payload without RAM */
    size_t len;
    /* What the snapshot leaves out but the timeline counts in. */
    uint64_t retired[VHART_MAX_HARTS], exceptions[VHART_MAX_HARTS], interrupts[VHART_MAX_HARTS];
    uint64_t icount_idle;
    uint64_t bp_resume[VHART_MAX_HARTS];   /* where each hart passes over a breakpoint once */
    struct replay_mark rmark;   /* the input log's cursor and hashes (replay.c) */
    /* Frames waiting for the guest's receive buffers (machine.c's queue; a snapshot drops them). */
    struct { uint8_t *data; size_t len; } *rxq;
    unsigned nrxq;
};

struct hit_scan;

struct history {
    struct hist_ckpt *ckpts;
    size_t nckpts, ckpt_cap;
    struct hist_op *ops;
    size_t nops, op_cap;
    struct hist_slice *slices;
    size_t nslices, slice_cap;
    uint64_t bytes;              /* payloads, pages and page tables */
    bool replaying;
    bool failed;              /* out of memory: stopped recording */
    /* The run loop's turns (history_slice): counted in every history-driven machine_loop call;
     * logged while recording one; a re-run stops before turn cut_no when cut_armed. */
    uint32_t slice_no;
    bool logging, cut_armed, cut_hit;
    uint32_t cut_no;
    size_t log_s0;               /* logging: the first slice of the op being run */
    struct hit_scan *scan;       /* scanning for hits: the loop notes them and runs on */
};

/* A breakpoint or watchpoint hit met while re-running. */
struct hist_hit {
    uint64_t pos;
    struct vdbg_stop stop;
};

struct hit_scan {
    uint64_t before;          /* only hits before this position */
    bool found;
    struct hist_hit last;
    /* reverse-until: a temporary breakpoint and the sp the hit needs */
    int only_id;
    unsigned hart;
    uint64_t sp;
};

uint64_t history_position(const struct machine *m)
{
    uint64_t p = 0;
    for (unsigned i = 0; i < m->nharts; i++)
        p += m->harts[i]->retired_total + m->harts[i]->exceptions + m->harts[i]->interrupts;
    return p;
}

/* A hart's own position: what it executed (retired or trapped) and the interrupts it took. */
static uint64_t hart_pos(const struct hart *h) { return h->retired_total + h->exceptions + h->interrupts; }

uint64_t history_deadline_cap(const struct machine *m, uint64_t t, uint64_t horizon)
{
    unsigned shift = m->cfg.icount_shift;
    if (t == 0) return 1ull << shift;   /* due now: the next slice takes it */
    if (t > (horizon >> shift) + 1) return 0;
    uint64_t vi = m->icount_idle;
    for (unsigned i = 0; i < m->nharts; i++) vi += m->harts[i]->retired_total;
    return (t << shift) - (vi & ((1ull << shift) - 1));
}

static uint64_t limit_of(const struct machine *m) { return m->history_limit ? m->history_limit : HIST_DEFAULT_LIMIT; }
static uint64_t interval_of(const struct machine *m)
{
    return m->history_interval ? m->history_interval : HIST_DEFAULT_INTERVAL;
}

/* Why this machine cannot have a history (NULL: it can). Input from outside (console, network,
 * window) goes through replay.c's log, which re-runs re-inject: --record's, --replay's, or one in
 * memory made when the history starts. */
static const char *unsupported(const struct machine *m)
{
    if (!m->cfg.icount) return "reverse execution needs a deterministic machine: run with --icount";
    return NULL;
}

bool history_replaying(const struct machine *m) { return m->history && m->history->replaying; }
bool history_recording(const struct machine *m) { return m->history && !m->history->failed && !m->history->replaying; }

static void drop_ckpt(struct machine *m, struct history *hs, size_t i);

void history_free(struct machine *m)
{
    struct history *hs = m->history;
    if (!hs) return;
    while (hs->nckpts) drop_ckpt(m, hs, hs->nckpts - 1);
    free(hs->ckpts);
    free(hs->ops);
    free(hs->slices);
    free(hs);
    m->history = NULL;
    for (unsigned i = 0; i < m->nharts; i++) m->harts[i]->no_spin_yield = false;
}

static struct bus_region *ram(struct machine *m) { return bus_find(&m->bus, VHART_RAM_BASE); }

static void free_pages(struct history *hs, struct hist_page **pages, size_t n)
{
    for (size_t p = 0; pages && p < n; p++)
        if (pages[p] && --pages[p]->refs == 0) {
            free(pages[p]);
            hs->bytes -= sizeof(struct hist_page);
        }
    free(pages);
    hs->bytes -= n * sizeof(*pages);
}

static size_t ram_pages(struct machine *m) { return (size_t)(ram(m)->size / 4096); }

static void free_rxq(struct history *hs, struct hist_ckpt *c)
{
    for (unsigned k = 0; k < c->nrxq; k++) {
        hs->bytes -= c->rxq[k].len;
        free(c->rxq[k].data);
    }
    free(c->rxq);
    c->rxq = NULL;
    c->nrxq = 0;
}

static void drop_ckpt(struct machine *m, struct history *hs, size_t i)
{
    hs->bytes -= hs->ckpts[i].len;
    free_rxq(hs, &hs->ckpts[i]);
    free(hs->ckpts[i].data);
    free_pages(hs, hs->ckpts[i].pages, ram_pages(m));
    memmove(&hs->ckpts[i], &hs->ckpts[i + 1], (hs->nckpts - i - 1) * sizeof(*hs->ckpts));
    hs->nckpts--;
}

/* Which host pages of RAM are resident (the guest touched them; the others read as zero): one byte
 * per 4 KiB RAM page, 1 resident, or NULL when the host cannot tell (then all count). */
static uint8_t *resident_pages(struct bus_region *r)
{
    long hp = sysconf(_SC_PAGESIZE);
    size_t n = (size_t)(r->size / 4096);
    if (hp != 4096 || ((uintptr_t)r->host & 4095)) return NULL;
    uint8_t *v = malloc(n ? n : 1);
    if (v && mincore(r->host, r->size, (void *)v) != 0) {
        free(v);
        return NULL;
    }
    return v;
}

static bool page_zero(const uint8_t *p)
{
    static const uint8_t zero[4096];
    return !memcmp(p, zero, sizeof(zero));
}

/* RAM into c->pages: a page unchanged since the previous checkpoint is shared with it. */
static bool save_ram_pages(struct machine *m, struct history *hs, struct hist_ckpt *c, struct hist_page **prev)
{
    struct bus_region *r = ram(m);
    size_t n = ram_pages(m);
    c->pages = calloc(n ? n : 1, sizeof(*c->pages));
    if (!c->pages) return false;
    hs->bytes += n * sizeof(*c->pages);
    uint8_t *res = resident_pages(r);
    for (size_t p = 0; p < n; p++) {
        const uint8_t *host = r->host + p * 4096;
        if (res && !(res[p] & 1)) continue;
        if (prev && prev[p] && !memcmp(prev[p]->data, host, 4096)) {
            c->pages[p] = prev[p];
            prev[p]->refs++;
            continue;
        }
        if (page_zero(host)) continue;
        struct hist_page *pg = malloc(sizeof(*pg));
        if (!pg) {
            free(res);
            return false;
        }
        pg->refs = 1;
        memcpy(pg->data, host, 4096);
        c->pages[p] = pg;
        hs->bytes += sizeof(*pg);
    }
    free(res);
    return true;
}

/* Put c's RAM back: only pages that differ are written, and their decoded code dropped. */
static void load_ram_pages(struct machine *m, const struct hist_ckpt *c)
{
    struct bus_region *r = ram(m);
    size_t n = ram_pages(m);
    uint8_t *res = resident_pages(r);
    for (size_t p = 0; p < n; p++) {
        uint8_t *host = r->host + p * 4096;
        const struct hist_page *want = c->pages[p];
        bool changed = false;
        if (!want) {
            if ((!res || (res[p] & 1)) && !page_zero(host)) {
                memset(host, 0, 4096);
                changed = true;
            }
        } else if (memcmp(host, want->data, 4096)) {
            memcpy(host, want->data, 4096);
            changed = true;
        }
        if (changed && (r->page_flags[p] & PAGE_HAS_CODE)) codecache_invalidate(r, p);
    }
    free(res);
}

/* Checkpoint the machine as it is now (at the end of the op log). */
static void take_ckpt(struct machine *m)
{
    struct history *hs = m->history;
    if (hs->nckpts == hs->ckpt_cap) {
        size_t cap = hs->ckpt_cap ? 2 * hs->ckpt_cap : 16;
        struct hist_ckpt *c = realloc(hs->ckpts, cap * sizeof(*c));
        if (!c) {
            hs->failed = true;
            return;
        }
        hs->ckpts = c;
        hs->ckpt_cap = cap;
    }
    struct hist_ckpt *c = &hs->ckpts[hs->nckpts];
    memset(c, 0, sizeof(*c));
    if (snapshot_save_payload_ram(m, &c->data, &c->len, false) ||
        !save_ram_pages(m, hs, c, hs->nckpts ? hs->ckpts[hs->nckpts - 1].pages : NULL)) {
        free(c->data);
        free_pages(hs, c->pages, c->pages ? ram_pages(m) : 0);
        hs->failed = true;
        return;
    }
    c->pos = history_position(m);
    c->op = hs->nops;
    for (unsigned i = 0; i < m->nharts; i++) {
        c->retired[i] = m->harts[i]->retired_total;
        c->exceptions[i] = m->harts[i]->exceptions;
        c->interrupts[i] = m->harts[i]->interrupts;
        c->bp_resume[i] = m->harts[i]->bp_resume_pc;
    }
    c->icount_idle = m->icount_idle;
    replay_mark_save(m, &c->rmark);
    if (m->rxq_count && (c->rxq = calloc(m->rxq_count, sizeof(*c->rxq)))) {
        for (unsigned k = 0; k < m->rxq_count; k++) {
            unsigned q = (m->rxq_head + k) % NET_RX_QUEUE;
            if (!(c->rxq[k].data = malloc(m->rxq[q].len ? m->rxq[q].len : 1))) {
                hs->failed = true;
                break;
            }
            memcpy(c->rxq[k].data, m->rxq[q].data, m->rxq[q].len);
            c->rxq[k].len = m->rxq[q].len;
            c->nrxq++;
            hs->bytes += c->rxq[k].len;
        }
    } else if (m->rxq_count) {
        hs->failed = true;
    }
    hs->nckpts++;
    hs->bytes += c->len;
    /* Over the bound: drop the oldest but the first (the start stays reachable). */
    while (hs->bytes > limit_of(m) && hs->nckpts > 2) drop_ckpt(m, hs, 1);
}

static int restore_ckpt(struct machine *m, const struct hist_ckpt *c)
{
    for (unsigned i = 0; i < m->nharts; i++) {
        m->harts[i]->retired_total = c->retired[i];
        m->harts[i]->exceptions = c->exceptions[i];
        m->harts[i]->interrupts = c->interrupts[i];
        m->harts[i]->storm.count = 0;
    }
    m->icount_idle = c->icount_idle;
    char err[256];
    int rc = snapshot_load_payload_ram(m, c->data, c->len, false, err, sizeof(err));
    if (!rc) load_ram_pages(m, c);
    /* After the load, which resets them. */
    for (unsigned i = 0; i < m->nharts; i++) m->harts[i]->bp_resume_pc = c->bp_resume[i];
    replay_mark_load(m, &c->rmark);
    m->rxq_head = 0;
    m->rxq_count = c->nrxq;
    for (unsigned k = 0; k < c->nrxq; k++) {
        memcpy(m->rxq[k].data, c->rxq[k].data, c->rxq[k].len);
        m->rxq[k].len = c->rxq[k].len;
    }
    m->debug_stopped = false;
    return rc ? VDBG_EFAULT : VDBG_OK;
}

static void push_slice(struct history *hs, const struct hist_slice *s)
{
    if (hs->failed) return;
    if (hs->nslices == hs->slice_cap) {
        size_t cap = hs->slice_cap ? 2 * hs->slice_cap : 256;
        struct hist_slice *sl = realloc(hs->slices, cap * sizeof(*sl));
        if (!sl) {
            hs->failed = true;
            return;
        }
        hs->slices = sl;
        hs->slice_cap = cap;
    }
    hs->slices[hs->nslices++] = *s;
}

static void push_op(struct history *hs, const struct hist_op *o)
{
    if (hs->failed) return;
    if (hs->nops == hs->op_cap) {
        size_t cap = hs->op_cap ? 2 * hs->op_cap : 256;
        struct hist_op *p = realloc(hs->ops, cap * sizeof(*p));
        if (!p) {
            hs->failed = true;
            return;
        }
        hs->ops = p;
        hs->op_cap = cap;
    }
    hs->ops[hs->nops++] = *o;
}

/* Append a turn to hs, in the op that starts at slice `first` (added next). */
static void add_slice(struct history *hs, uint32_t no, unsigned hart, uint64_t pos, uint64_t hpos, size_t first)
{
    /* A turn that did not move (a hart in wfi) gives way to the next. */
    if (hs->nslices > first && hs->slices[hs->nslices - 1].pos == pos) hs->nslices--;
    push_slice(hs, &(struct hist_slice){ no, hart, pos, hpos });
}

/* Append an op, its slices being slices[s0 ..] (dropped with it when it did not move). */
static void add_op(struct history *hs, enum hist_kind kind, bool cut, unsigned hart, uint64_t n, uint64_t pos0,
                   uint64_t pos1, size_t s0)
{
    if (hs->failed) return;
    if (pos1 == pos0) {
        hs->nslices = s0;
        return;
    }
    push_op(hs, &(struct hist_op){ kind, cut, false, false, 0, hart, n, pos0, pos1, s0, hs->nslices - s0 });
}

/* After a recorded run: a checkpoint when the last is an interval behind. */
static void maybe_ckpt(struct machine *m)
{
    struct history *hs = m->history;
    if (hs->failed) return;
    if (history_position(m) - hs->ckpts[hs->nckpts - 1].pos >= interval_of(m)) take_ckpt(m);
}

void history_before_run(struct machine *m)
{
    if (m->history || unsupported(m)) return;
    char err[300];
    if (disks_history_overlay(m, err, sizeof(err))) return;   /* no temporary file: no history */
    /* Console, network and window input from now on is logged, to be re-injected on re-runs. */
    if (!m->replay && replay_open_memory(m)) return;
    m->history = calloc(1, sizeof(*m->history));
    if (!m->history) return;
    /* Turns end where the machine's state says, never at a spin's branch (decoded as one or not
     * depending on the breakpoints planted at the time) or a slow AMO on RAM (slow or not depending
     * on the TLB): the interleaving would follow host caches. */
    for (unsigned i = 0; i < m->nharts; i++) m->harts[i]->no_spin_yield = true;
    take_ckpt(m);   /* the start of the recording */
    if (m->history->failed) history_free(m);
}

void history_after_step(struct machine *m, unsigned hart, uint64_t n, uint64_t pos0)
{
    if (!history_recording(m)) return;
    /* The step's count is in instructions and traps, not interrupts; one stopped by a breakpoint or
     * watchpoint is repeated with the count it got through (the re-run does not see the stop). */
    const struct hart *t = m->harts[hart];
    uint64_t done0 = t->retired_total + t->exceptions;
    struct history *hs = m->history;
    uint64_t pos1 = history_position(m);
    size_t s0 = hs->nslices;
    /* Only the stepped hart moved. */
    add_slice(hs, 0, hart, pos0, hart_pos(m->harts[hart]) - (pos1 - pos0), s0);
    add_op(hs, HIST_STEP, m->last_stop.reason == VDBG_STOP_BREAKPOINT || m->last_stop.reason == VDBG_STOP_WATCHPOINT,
           hart, n, pos0, pos1, s0);
    if (hs->nops && hs->ops[hs->nops - 1].pos0 == pos0) hs->ops[hs->nops - 1].done0 = done0;
    maybe_ckpt(m);
}

void history_continue(struct machine *m, struct vhart_result *res)
{
    struct history *hs = m->history;
    bool first = true;
    for (;;) {
        uint64_t pos0 = history_position(m);
        uint64_t since = pos0 - hs->ckpts[hs->nckpts - 1].pos, chunk = interval_of(m);
        if (since < chunk) chunk -= since;
        size_t s0 = hs->nslices;
        hs->slice_no = 0;
        hs->log_s0 = s0;
        hs->logging = true;
        uint64_t ran = machine_loop(m, chunk, res);
        hs->logging = false;
        /* A loop that stopped early is repeated to where it stopped (cut). */
        add_op(hs, HIST_LOOP, ran < chunk, 0, chunk, pos0, history_position(m), s0);
        /* Stopped inside a turn (a breakpoint): the loop still ended the turn, unless a trap storm. */
        if (hs->nops && hs->ops[hs->nops - 1].pos0 == pos0) {
            hs->ops[hs->nops - 1].turn_ended = ran < chunk && !m->trap_storm;
            hs->ops[hs->nops - 1].resumed = first;
        }
        first = false;
        maybe_ckpt(m);
        if (m->exit_requested || m->quit_requested || m->debug_stopped || m->trap_storm || hs->failed) break;
    }
    if (hs->failed && !(m->exit_requested || m->quit_requested || m->debug_stopped || m->trap_storm))
        machine_loop(m, 0, res);   /* out of memory for history: go on without it */
}

bool history_slice(struct machine *m, unsigned i, bool *exact)
{
    struct history *hs = m->history;
    /* Every turn ends exactly at its budget, so that where turns end (and so how harts interleave,
     * and where a re-run that stops before a turn is) does not depend on where breakpoints are
     * planted: the fast loop looks at its budget only at block ends, and a planted slot ends one. */
    *exact = true;
    uint32_t no = hs->slice_no++;
    if (hs->replaying) {
        if (!hs->cut_armed || no != hs->cut_no) return false;
        hs->cut_hit = true;
        m->debug_stopped = true;
        return true;
    }
    if (hs->logging) add_slice(hs, no, i, history_position(m), hart_pos(m->harts[i]), hs->log_s0);
    return false;
}

static void note_hit(struct machine *m, struct hit_scan *scan, uint64_t pos);

enum hart_stop history_slice_hits(struct machine *m, struct hart *h, enum hart_stop stop, uint64_t budget, bool exact,
                                  uint64_t exc0, uint64_t *n)
{
    struct history *hs = m->history;
    unsigned i = 0;
    while (i < m->nharts && m->harts[i] != h) i++;
    /* Scanning: a hit is noted and the turn runs on to its end, as it did the first time. */
    while (hs->scan && (stop == HART_STOP_BREAKPOINT || stop == HART_STOP_WATCHPOINT)) {
        m->last_stop.reason = stop == HART_STOP_BREAKPOINT ? VDBG_STOP_BREAKPOINT : VDBG_STOP_WATCHPOINT;
        m->last_stop.hart = i;
        note_hit(m, hs->scan, history_position(m));
        uint64_t used = *n + (h->exceptions - exc0), k = 0;
        if (used >= budget) return HART_STOP_BUDGET;
        stop = exact ? hart_run_exact(h, budget - used, &k) : hart_run(h, budget - used, &k);
        *n += k;
    }
    return stop;
}

/* ------------------------------------------------------------------------------------------------
 * Re-execution
 */

/* One instruction (or the interrupt due before it) on a hart, without the timer updates a step or
 * the loop makes: what the interpreter does inside one of its turns. */
static enum hart_stop single(struct machine *m, struct hart *h)
{
    if (hart_take_interrupt(h)) return HART_STOP_BUDGET;
    uint64_t k = 0;
    enum hart_stop s = hart_run_exact(h, 1, &k);
    m->instret_total += k;
    if (s == HART_STOP_BREAKPOINT || s == HART_STOP_WATCHPOINT) {
        m->debug_stopped = true;
        m->last_stop.reason = s == HART_STOP_BREAKPOINT ? VDBG_STOP_BREAKPOINT : VDBG_STOP_WATCHPOINT;
        for (unsigned i = 0; i < m->nharts; i++)
            if (m->harts[i] == h) m->last_stop.hart = i;
    }
    return s;
}

/* Collect a hit the re-run stopped at, and make the hart go on past it. */
static void note_hit(struct machine *m, struct hit_scan *scan, uint64_t pos)
{
    const struct vdbg_stop *s = &m->last_stop;
    unsigned hart = s->hart < m->nharts ? s->hart : 0;
    struct hart *h = m->harts[hart];
    bool is_bp = s->reason == VDBG_STOP_BREAKPOINT;
    /* As going forward: before a breakpoint's instruction, just after a watchpoint's access (gdb
     * then steps back over the access itself). */
    uint64_t at = pos;
    bool wanted = at < scan->before;
    if (scan->only_id) wanted = wanted && is_bp && s->id == scan->only_id && hart == scan->hart &&
                                (scan->sp == UINT64_MAX || h->x[2] == scan->sp);
    if (wanted && (!scan->found || at >= scan->last.pos)) {
        scan->found = true;
        scan->last.pos = at;
        scan->last.stop = *s;
        scan->last.stop.hart = hart;
    }
    if (is_bp) h->bp_resume_pc = h->pc;
    m->debug_stopped = false;
    memset(&m->last_stop, 0, sizeof(m->last_stop));
}

/* What the run loop does after a hart's turn (runloop.c), for a cut loop whose last turn the loop
 * ended itself: another hart runs next, whose stores may land between this one's LR and SC. */
static void turn_end(struct machine *m, struct hart *h)
{
    if (m->nharts > 1) h->resv_valid = false;
    if (m->has_htif) htif_poll(&m->htif);
}

/* Copy op idx's slices up to position `to` into out, then the op ending where the machine is now. */
static void log_op(struct machine *m, const struct hist_op *op, uint64_t to, bool cut, struct history *out)
{
    const struct history *hs = m->history;
    size_t s0 = out->nslices;
    for (size_t s = op->s0; s < op->s0 + op->ns && hs->slices[s].pos <= to; s++)
        add_slice(out, hs->slices[s].no, hs->slices[s].hart, hs->slices[s].pos, hs->slices[s].hpos, s0);
    add_op(out, op->kind, cut, op->hart, op->n, op->pos0, history_position(m), s0);
    if (out->nops && out->ops[out->nops - 1].pos0 == op->pos0) out->ops[out->nops - 1].resumed = op->resumed;
}

/* Run op idx from where it started until position `to` (its end, or a point inside it); with a
 * scan, breakpoints and watchpoints are noted. Appends what ran to `out` (NULL: not). */
static void run_op(struct machine *m, size_t idx, uint64_t to, struct hit_scan *scan, struct history *out, uint64_t less)
{
    struct history *hs = m->history;
    const struct hist_op op = hs->ops[idx];
    struct hart *h = m->harts[op.hart];
    if (scan && (op.kind == HIST_STEP || op.resumed)) {
        /* The debugger resumed here: a hart on a breakpoint passed over it (debug.c,
         * prepare_resume). Where the last stop was: a hit, so that going back finds it. */
        for (unsigned k = 0; k < m->nharts; k++) {
            struct hart *t = m->harts[k];
            t->bp_resume_pc = t->pc;
            for (int i = 0; i < DBG_MAX_POINTS; i++) {
                const struct dbg_point *p = &m->points[i];
                if (!p->id || p->is_watch || p->physical || p->addr != t->pc) continue;
                memset(&m->last_stop, 0, sizeof(m->last_stop));
                m->last_stop.reason = VDBG_STOP_BREAKPOINT;
                m->last_stop.hart = k;
                m->last_stop.id = p->id;
                m->last_stop.addr = p->addr;
                note_hit(m, scan, history_position(m));
                break;
            }
        }
    }
    if (op.kind == HIST_STEP) {
        uint64_t last = UINT64_MAX;
        for (int still = 0; still < 4;) {
            uint64_t pos = history_position(m);
            if (pos >= to || m->exit_requested) return;
            still = pos == last ? still + 1 : 0;   /* nothing moves any more: give up rather than spin */
            last = pos;
            struct vdbg_stop st;
            /* Whole: the recorded count, or for a step a stop cut short, the count it got through
             * (its end has that hart's retired + exceptions = done0). A prefix: the positions
             * left, less what the caller found it overshoots by (interrupts taken inside). */
            uint64_t n = to - pos > less ? to - pos - less : 1;
            if (to == op.pos1 && pos == op.pos0) n = op.n;
            if (to == op.pos1 && pos == op.pos0 && op.cut) {
                uint64_t d = h->retired_total + h->exceptions;
                n = op.done0 > d ? op.done0 - d : 1;
            }
            uint64_t own = hart_pos(h);
            vdbg_step(m, op.hart, n, &st);
            if (out) {
                size_t s0 = out->nslices;
                add_slice(out, 0, op.hart, pos, own, s0);
                add_op(out, HIST_STEP, false, op.hart, n, pos, history_position(m), s0);
            }
            if (scan && (st.reason == VDBG_STOP_BREAKPOINT || st.reason == VDBG_STOP_WATCHPOINT)) {
                m->last_stop = st;
                note_hit(m, scan, history_position(m));
            }
        }
        return;
    }
    struct vhart_result res = { 0 };
    hs->slice_no = 0;
    if (to == op.pos1 && !op.cut) {   /* the whole loop, as recorded */
        machine_loop(m, op.n, &res);
        m->debug_stopped = false;
        if (out) log_op(m, &op, to, false, out);
        return;
    }
    /* Up to the turn that holds `to` (the last one that began at or before it), then on that turn's
     * hart one instruction at a time. */
    size_t s = op.s0 + op.ns;
    while (s > op.s0 && m->history->slices[s - 1].pos > to) s--;
    unsigned hart = op.hart;
    if (s > op.s0) {
        hart = hs->slices[s - 1].hart;
        hs->cut_armed = true;
        hs->cut_no = hs->slices[s - 1].no;
        hs->cut_hit = false;
        machine_loop(m, op.n, &res);
        hs->cut_armed = false;
        m->debug_stopped = false;
    }
    h = m->harts[hart];
    uint64_t last = UINT64_MAX;
    for (int still = 0; still < 4 && !m->exit_requested;) {
        uint64_t pos = history_position(m);
        if (pos >= to) break;
        still = pos == last ? still + 1 : 0;
        last = pos;
        single(m, h);
        if (m->debug_stopped) {
            if (scan) note_hit(m, scan, history_position(m));
            m->debug_stopped = false;
        }
    }
    if (to == op.pos1 && op.turn_ended) turn_end(m, h);
    if (out) {
        log_op(m, &op, to, true, out);
        if (to == op.pos1 && out->nops) out->ops[out->nops - 1].turn_ended = op.turn_ended;
    }
}

/* The state of the re-run, put back afterwards: what replaying must not disturb. */
struct replay_guard {
    const struct vhart_console *console;
    const struct vhart_display *display;
    FILE *trace;
    bool (*poll)(void *opaque);
    bool quit;
    unsigned nbp, nwatch;
    uint64_t hits[DBG_MAX_POINTS];
};

static void replay_begin(struct machine *m, struct replay_guard *g, bool stops)
{
    g->console = m->cfg.console;
    g->display = m->cfg.display;
    g->trace = m->trace;
    g->poll = m->debug_poll;
    g->quit = m->quit_requested;
    g->nbp = m->debug_hooks.n_breakpoints;
    g->nwatch = m->debug_hooks.n_watchpoints;
    for (int i = 0; i < DBG_MAX_POINTS; i++) g->hits[i] = m->points[i].hits;
    /* The guest's output was seen the first time; its input is re-injected from the log (replay.c,
     * which hashes the output on: a recording's and a replay's checks count it). */
    if (!m->replay) m->cfg.console = NULL;
    replay_mute(m, true);
    m->cfg.display = NULL;
    m->trace = NULL;
    m->debug_poll = NULL;          /* gdb's Ctrl-C waits for the next real run */
    m->quit_requested = false;     /* the Ctrl-A c that stopped the last run */
    m->stop_requested = 0;
    if (!stops) {
        m->debug_hooks.n_breakpoints = 0;
        m->debug_hooks.n_watchpoints = 0;
    }
    m->history->replaying = true;
}

static void replay_end(struct machine *m, const struct replay_guard *g)
{
    m->cfg.console = g->console;
    replay_mute(m, false);
    m->cfg.display = g->display;
    m->trace = g->trace;
    m->debug_poll = g->poll;
    m->quit_requested = g->quit;
    m->debug_hooks.n_breakpoints = g->nbp;
    m->debug_hooks.n_watchpoints = g->nwatch;
    for (int i = 0; i < DBG_MAX_POINTS; i++) m->points[i].hits = g->hits[i];
    /* Pages of watchpoints may have been cached for fast access while they were off. */
    for (unsigned i = 0; i < m->nharts; i++) mmu_flush_all(m->harts[i]);
    m->history->replaying = false;
    m->history->scan = NULL;
    m->debug_stopped = false;
    m->exit_requested = false;
}

/* The latest checkpoint at or before pos. */
static size_t ckpt_before(const struct history *hs, uint64_t pos)
{
    size_t i = hs->nckpts - 1;
    while (i > 0 && hs->ckpts[i].pos > pos) i--;
    return i;
}

/* Scan the checkpoint interval [ckpts[c].pos, end) for hits (breakpoints and watchpoints noted). */
static int scan_interval(struct machine *m, size_t c, uint64_t end, struct hit_scan *scan)
{
    struct history *hs = m->history;
    int rc = restore_ckpt(m, &hs->ckpts[c]);
    if (rc) return rc;
    struct replay_guard g;
    replay_begin(m, &g, true);
    hs->scan = scan;
    for (size_t i = hs->ckpts[c].op; i < hs->nops && history_position(m) < end; i++)
        run_op(m, i, hs->ops[i].pos1 < end ? hs->ops[i].pos1 : end, scan, NULL, 0);
    replay_end(m, &g);
    return VDBG_OK;
}

/* Re-run to position `target` (clamped to the history) and make it the present: the log after it
 * is replaced by what ran to get there, later checkpoints dropped. */
static int travel(struct machine *m, uint64_t target)
{
    struct history *hs = m->history;
    if (target < hs->ckpts[0].pos) target = hs->ckpts[0].pos;
    size_t c = ckpt_before(hs, target);
    size_t first = hs->ckpts[c].op, i;
    struct history out = { 0 };
    /* A step cut short may pass `to` by the interrupts taken inside it: then again, shorter. */
    uint64_t less = 0;
    for (int attempt = 0; attempt < 8; attempt++) {
        int rc = restore_ckpt(m, &hs->ckpts[c]);
        if (rc) return rc;
        struct replay_guard g;
        replay_begin(m, &g, false);
        out.nops = out.nslices = 0;
        for (i = first; i < hs->nops && history_position(m) < target; i++) {
            const struct hist_op *op = &hs->ops[i];
            run_op(m, i, op->pos1 < target ? op->pos1 : target, NULL, &out, less);
        }
        replay_end(m, &g);
        uint64_t pos = history_position(m);
        if (pos <= target || i == first || hs->ops[i - 1].kind != HIST_STEP) break;
        less += pos - target;
    }
    /* The log up to checkpoint c stays; what ran since replaces the rest. */
    hs->nslices = first < hs->nops ? hs->ops[first].s0 : hs->nslices;
    hs->nops = first;
    size_t base = hs->nslices;
    for (size_t k = 0; k < out.nslices; k++) push_slice(hs, &out.slices[k]);
    for (size_t k = 0; k < out.nops; k++) {
        struct hist_op o = out.ops[k];
        o.s0 += base;
        push_op(hs, &o);
    }
    if (out.failed) hs->failed = true;
    free(out.ops);
    free(out.slices);
    while (hs->nckpts > c + 1) drop_ckpt(m, hs, hs->nckpts - 1);
    return VDBG_OK;
}

/* The position at which `hart` had executed c (its own position): the latest moment before it ran
 * the next, the other harts as far as they had got then. false: before the history. */
static bool hart_target(const struct history *hs, unsigned hart, uint64_t c, uint64_t *pos)
{
    for (size_t s = hs->nslices; s-- > 0;) {
        const struct hist_slice *sl = &hs->slices[s];
        if (sl->hart != hart || sl->hpos > c) continue;
        *pos = sl->pos + (c - sl->hpos);
        return true;
    }
    return false;
}

static void stop_here(struct machine *m, unsigned hart, struct vdbg_stop *stop, bool begin)
{
    memset(stop, 0, sizeof(*stop));
    stop->reason = VDBG_STOP_STEP;
    stop->hart = hart;
    stop->pc = m->harts[hart]->pc;
    stop->history_begin = begin;
    m->last_stop = *stop;
}

static int check(struct machine *m, unsigned hart)
{
    if (hart >= m->nharts) return VDBG_EINVAL;
    history_before_run(m);
    if (!m->history || m->history->failed) return VDBG_ENOTSUP;
    return VDBG_OK;
}

int vdbg_reverse_step(struct machine *m, unsigned hart, uint64_t n, struct vdbg_stop *stop)
{
    int rc = check(m, hart);
    if (rc) return rc;
    if (n == 0) return VDBG_EINVAL;
    struct history *hs = m->history;
    uint64_t own = hart_pos(m->harts[hart]), start = hs->ckpts[0].pos, target = start;
    bool begin = own < n || !hart_target(hs, hart, own - n, &target) || target <= start;
    rc = travel(m, begin ? start : target);
    if (rc) return rc;
    stop_here(m, hart, stop, begin);
    return VDBG_OK;
}

/* The last hit before now, searching checkpoint intervals from the latest back. */
static int reverse_search(struct machine *m, unsigned hart, struct hit_scan *scan, struct vdbg_stop *stop)
{
    struct history *hs = m->history;
    uint64_t now = history_position(m);
    scan->before = now;
    size_t c = ckpt_before(hs, now);
    uint64_t end = now;
    int rc;
    for (;;) {
        rc = scan_interval(m, c, end, scan);
        if (rc || scan->found || c == 0) break;
        end = hs->ckpts[c].pos;
        c--;
    }
    if (rc) {
        travel(m, now);
        return rc;
    }
    if (!scan->found) {
        rc = travel(m, hs->ckpts[0].pos);
        if (!rc) stop_here(m, hart, stop, true);
        return rc;
    }
    rc = travel(m, scan->last.pos);
    if (rc) return rc;
    *stop = scan->last.stop;
    stop->pc = m->harts[stop->hart]->pc;
    stop->history_begin = false;
    m->last_stop = *stop;
    return VDBG_OK;
}

int vdbg_reverse_continue(struct machine *m, struct vdbg_stop *stop)
{
    int rc = check(m, 0);
    if (rc) return rc;
    struct hit_scan scan = { .only_id = 0, .sp = UINT64_MAX };
    return reverse_search(m, 0, &scan, stop);
}

int vdbg_reverse_until(struct machine *m, unsigned hart, uint64_t addr, uint64_t sp_value, struct vdbg_stop *stop)
{
    int rc = check(m, hart);
    if (rc) return rc;
    int id = vdbg_break_add(m, addr, false);
    if (id < 0) return id;
    struct hit_scan scan = { .only_id = id, .hart = hart, .sp = sp_value };
    rc = reverse_search(m, hart, &scan, stop);
    vdbg_delete(m, id);
    if (!rc && stop->reason == VDBG_STOP_BREAKPOINT) {
        stop->reason = VDBG_STOP_STEP;
        stop->id = 0;
        m->last_stop = *stop;
    }
    return rc;
}

int vdbg_history_info(struct machine *m, struct vdbg_history *out)
{
    memset(out, 0, sizeof(*out));
    out->limit = limit_of(m);
    out->interval = interval_of(m);
    out->why = unsupported(m);
    struct history *hs = m->history;
    if (!hs || out->why) {
        if (!out->why) out->why = "nothing recorded yet: the history starts when the debugger first runs the machine";
        return VDBG_OK;
    }
    if (hs->failed) out->why = "out of memory: recording stopped";
    out->enabled = !hs->failed;
    out->first = hs->ckpts[0].pos;
    out->now = history_position(m);
    out->checkpoints = (unsigned)hs->nckpts;
    out->bytes = hs->bytes + hs->op_cap * sizeof(struct hist_op) + hs->ckpt_cap * sizeof(struct hist_ckpt);
    return VDBG_OK;
}

int vdbg_history_configure(struct machine *m, uint64_t limit, uint64_t interval)
{
    if (limit && limit < (1ull << 20)) return VDBG_EINVAL;
    if (limit) m->history_limit = limit;
    if (interval) m->history_interval = interval;
    struct history *hs = m->history;
    if (hs)
        while (hs->bytes > limit_of(m) && hs->nckpts > 2) drop_ckpt(m, hs, 1);
    return VDBG_OK;
}

bool history_cut(const struct machine *m) { return m->history && m->history->replaying && m->history->cut_hit && m->debug_stopped; }

int history_travel(struct machine *m, uint64_t pos)
{
    int rc = check(m, 0);
    return rc ? rc : travel(m, pos);
}
