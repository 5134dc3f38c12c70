/* Record and replay: under --record every input from outside the machine (console bytes the UART
 * took, network frames, keyboard and mouse events) is logged with the point of execution where it
 * reached the guest; under --replay the same machine re-runs from the log alone, with no input of
 * its own, and checks at every logged point that it is where the recording was. docs/replay.md
 * describes the log.
 *
 * A point of execution is (instructions retired by all harts, instructions skipped while every
 * hart waited) -- the --icount clock's two parts, both deterministic. Inputs reach the guest only
 * between slices of the run loop (replay_boundary), whose boundaries --icount makes the same in
 * every run; frames that the network backend hands over in the middle of a slice wait for the next
 * boundary, and the devices' own queues are flushed at every boundary rather than on the host's
 * clock, so that delivery is exactly reproducible. */
#define _POSIX_C_SOURCE 200809L
#include <vhart/replay.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/endian.h"
#include "../util/statebuf.h"
#include "machine_internal.h"
#include "replay.h"

#define LOG_MAGIC "VHARTRPL"
/* Version 2: under --record/--replay a slice ends exactly where mtime reaches a timer deadline, and
 * a replay ends one exactly at each logged point (version 1 logs were made with other slice ends). */
#define LOG_VERSION 2u
#define LOG_HEADER 24u            /* magic, version, configuration length, its FNV-1a 64 */
#define EV_HEADER 21u             /* kind (u8), retired (u64), idle (u64), payload length (u32) */
#define CHECK_INTERVAL (1ull << 22)   /* retired instructions between state checks, at least */
#define NET_MAX 65536u            /* largest frame in a log */
#define INPUT_MAX 64u             /* events in one keyboard or mouse report */

enum { EV_CONSOLE = 1, EV_NET = 2, EV_INPUT = 3, EV_CHECK = 4, EV_END = 5 };

struct pos {
    uint64_t insns, idle;
};

struct frame {
    uint8_t *data;
    size_t len;
};

struct replay {
    bool recording;
    bool memory;                  /* reverse execution's own log (history.c): no file, no checks */
    bool muted;                   /* reverse execution re-runs: output hashed, not shown; nothing read */
    bool warned;                  /* a re-run behind the recording went elsewhere (said once) */
    char *path;
    /* The console the frontend gave, and the one the machine uses instead (hashes the output;
     * under --replay drops what is typed, keeping Ctrl-A x). */
    const struct vhart_console *host;
    struct vhart_console console;
    uint64_t out_hash, tx_hash;   /* console output and frames sent, so far */
    uint64_t inputs;              /* inputs logged or delivered */
    struct pos at;                /* the last boundary */

    /* Recording. */
    FILE *f;
    int write_errno;              /* the first write error (0: none) */
    bool finished;
    struct frame *frames;         /* from the backend, waiting for the next boundary */
    struct pos last_at;           /* the last event's point */
    size_t nframes, frames_cap;
    uint64_t next_check;

    /* Replaying: the whole log, and the next event's offset. Recording: the events logged so far
     * (from offset 0), and the next one to re-inject when reverse execution went back before it;
     * next == len: the run is at the recording's front, where the host's input is logged. */
    uint8_t *log;
    size_t len, next, cap;
    struct pos end;               /* the end marker's point */
    bool ended, diverged;
    char why[320];
};

static uint64_t fnv1a(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}
#define FNV_BASIS 0xcbf29ce484222325ull

static uint64_t mix64(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ull ^ (v >> 29); }

static struct pos position(const struct machine *m)
{
    struct pos p = { 0, m->icount_idle };
    for (unsigned i = 0; i < m->nharts; i++) p.insns += m->harts[i]->retired_total;
    return p;
}

static int pos_cmp(struct pos a, struct pos b)
{
    if (a.insns != b.insns) return a.insns < b.insns ? -1 : 1;
    if (a.idle != b.idle) return a.idle < b.idle ? -1 : 1;
    return 0;
}

/* A hart's registers as one number (pc apart, to name it in a report). */
static uint64_t hart_hash(const struct hart *h)
{
    uint64_t v = FNV_BASIS;
    for (unsigned i = 1; i < 32; i++) v = mix64(v, h->x[i]);
    return mix64(v, h->priv);
}

/* A check: console output hash, sent-frames hash, harts, then each hart's pc and register hash. */
static size_t make_check(const struct machine *m, const struct replay *r, uint8_t *b)
{
    le_store64(b, r->out_hash);
    le_store64(b + 8, r->tx_hash);
    le_store32(b + 16, m->nharts);
    for (unsigned i = 0; i < m->nharts; i++) {
        le_store64(b + 20 + 16 * i, m->harts[i]->pc);
        le_store64(b + 28 + 16 * i, hart_hash(m->harts[i]));
    }
    return 20 + 16 * (size_t)m->nharts;
}

/* ---------------------------------------------------------------- the console in between */

static void con_write(void *opaque, const uint8_t *data, size_t len)
{
    struct replay *r = opaque;
    r->out_hash = fnv1a(r->out_hash, data, len);
    if (r->host && !r->muted) r->host->write(r->host->opaque, data, len);
}

static size_t con_read(void *opaque, uint8_t *buf, size_t len, bool *quit)
{
    struct replay *r = opaque;
    *quit = false;
    if (!r->host || r->muted) return 0;
    size_t n = r->host->read(r->host->opaque, buf, len, quit);
    r->console.poll_fd = r->host->poll_fd;   /* the console stops polling a finished input */
    return r->recording ? n : 0;             /* replaying: what is typed goes nowhere */
}

static void con_flush(void *opaque)
{
    struct replay *r = opaque;
    if (r->host) r->host->flush(r->host->opaque);
}

/* ---------------------------------------------------------------- recording */

/* A recording keeps its events in memory too: reverse execution re-injects them on re-runs. */
static bool mem_append(struct replay *r, const uint8_t *h, const void *payload, size_t len)
{
    if (r->len + EV_HEADER + len > r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 4096;
        while (cap < r->len + EV_HEADER + len) cap *= 2;
        uint8_t *b = realloc(r->log, cap);
        if (!b) return false;
        r->log = b;
        r->cap = cap;
    }
    memcpy(r->log + r->len, h, EV_HEADER);
    if (len) memcpy(r->log + r->len + EV_HEADER, payload, len);
    r->len += EV_HEADER + len;
    r->next = r->len;   /* logged at the front: delivered already */
    return true;
}

static void put_event(struct replay *r, unsigned kind, struct pos p, const void *payload, size_t len)
{
    uint8_t h[EV_HEADER];
    h[0] = (uint8_t)kind;
    le_store64(h + 1, p.insns);
    le_store64(h + 9, p.idle);
    le_store32(h + 17, (uint32_t)len);
    if (kind != EV_END && !mem_append(r, h, payload, len)) r->write_errno = ENOMEM;
    r->last_at = p;
    if (!r->f || r->write_errno) return;
    if (fwrite(h, sizeof(h), 1, r->f) != 1 || (len && fwrite(payload, len, 1, r->f) != 1))
        r->write_errno = errno ? errno : EIO;
}

static void put_check(struct machine *m, struct replay *r, struct pos p)
{
    uint8_t b[20 + 16 * VHART_MAX_HARTS];
    put_event(r, EV_CHECK, p, b, make_check(m, r, b));
}

static int record_open(struct machine *m, struct replay *r, const struct vhart_config *cfg, char *err, size_t err_len)
{
    if (!cfg->icount) {
        snprintf(err, err_len, "--record needs --icount (deterministic time)");
        return VHART_ERR_CONFIG;
    }
    r->f = fopen(r->path, "wb");
    if (!r->f) {
        snprintf(err, err_len, "--record %s: %s", r->path, strerror(errno));
        return VHART_ERR_IO;
    }
    setvbuf(r->f, NULL, _IOFBF, 1 << 20);
    struct state_writer w;
    state_writer_init(&w);
    snapshot_config_write(cfg, &w);
    if (w.failed) {
        state_writer_free(&w);
        snprintf(err, err_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    uint8_t h[LOG_HEADER];
    memcpy(h, LOG_MAGIC, 8);
    le_store32(h + 8, LOG_VERSION);
    le_store32(h + 12, (uint32_t)w.len);
    le_store64(h + 16, fnv1a(FNV_BASIS, w.data, w.len));
    if (fwrite(h, sizeof(h), 1, r->f) != 1 || fwrite(w.data, w.len, 1, r->f) != 1) r->write_errno = errno ? errno : EIO;
    state_writer_free(&w);
    if (r->write_errno) {
        snprintf(err, err_len, "--record %s: %s", r->path, strerror(r->write_errno));
        return VHART_ERR_IO;
    }
    (void)m;
    return VHART_OK;
}

/* The end marker, and the file closed. Returns 0 or an errno value. */
static int record_close(struct machine *m, struct replay *r)
{
    if (r->finished) return r->write_errno;
    r->finished = true;
    uint8_t max[8];
    le_store64(max, m->cfg.max_insns);
    /* Reverse execution may have left the machine before inputs logged later: the log ends after
     * them (a replay runs the recording's furthest run). */
    struct pos end = position(m);
    if (pos_cmp(end, r->last_at) < 0) end = r->last_at;
    put_event(r, EV_END, end, max, sizeof(max));
    if (fclose(r->f) != 0 && !r->write_errno) r->write_errno = errno ? errno : EIO;
    r->f = NULL;
    return r->write_errno;
}

/* ---------------------------------------------------------------- reading a log */

/* The whole file, its header checked; the configuration section (*cfg_len bytes) follows it. */
static int read_log(const char *path, uint8_t **data, size_t *len, size_t *cfg_len, char *err, size_t err_len)
{
    *data = NULL;
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f) {
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        return VHART_ERR_IO;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, err_len, "%s: not a regular file", path);
        fclose(f);
        return VHART_ERR_IO;
    }
    size_t n = (size_t)st.st_size;
    uint8_t *b = malloc(n ? n : 1);
    if (!b || fread(b, 1, n, f) != n) {
        snprintf(err, err_len, b ? "%s: cannot read" : "%s: out of memory", path);
        free(b);
        fclose(f);
        return b ? VHART_ERR_IO : VHART_ERR_NOMEM;
    }
    fclose(f);
    if (n < 8 || memcmp(b, LOG_MAGIC, 8) != 0) {
        snprintf(err, err_len, "%s: not a vhart replay log", path);
        free(b);
        return VHART_ERR_FORMAT;
    }
    if (n < LOG_HEADER) {
        snprintf(err, err_len, "%s: truncated replay log (header)", path);
        free(b);
        return VHART_ERR_FORMAT;
    }
    uint32_t version = le_load32(b + 8);
    if (version != LOG_VERSION) {
        snprintf(err, err_len, "%s: replay log format version %" PRIu32 ", this vhart reads version %u", path, version,
                 LOG_VERSION);
        free(b);
        return VHART_ERR_FORMAT;
    }
    size_t c = le_load32(b + 12);
    if (c > n - LOG_HEADER || fnv1a(FNV_BASIS, b + LOG_HEADER, c) != le_load64(b + 16)) {
        snprintf(err, err_len, "%s: truncated or corrupt replay log (configuration)", path);
        free(b);
        return VHART_ERR_FORMAT;
    }
    *data = b;
    *len = n;
    *cfg_len = c;
    return VHART_OK;
}

int vhart_replay_config(const char *path, struct vhart_config *cfg, void **owner, char *err, size_t err_len)
{
    uint8_t *b;
    size_t n, c;
    *owner = NULL;
    int rc = read_log(path, &b, &n, &c, err, err_len);
    if (rc) return rc;
    char why[256];
    rc = snapshot_config_read(b + LOG_HEADER, c, cfg, owner, why, sizeof(why));
    free(b);
    if (rc) snprintf(err, err_len, "%s: corrupt replay log (configuration: %s)", path, why);
    return rc;
}

void vhart_replay_config_free(void *owner) { snapshot_config_free(owner); }

struct event {
    unsigned kind;
    struct pos at;
    const uint8_t *data;
    size_t len;
};

static void get_event(const struct replay *r, size_t off, struct event *e)
{
    const uint8_t *h = r->log + off;
    e->kind = h[0];
    e->at.insns = le_load64(h + 1);
    e->at.idle = le_load64(h + 9);
    e->len = le_load32(h + 17);
    e->data = h + EV_HEADER;
}

/* Every event well formed, in order, the end marker last: else one line in err. */
static int validate_events(struct machine *m, struct replay *r, size_t off, char *err, size_t err_len)
{
    struct pos last = { 0, 0 };
    const char *why = NULL;
    while (!why) {
        if (off == r->len) {
            why = "no end marker";
            break;
        }
        if (r->len - off < EV_HEADER) {
            why = "event header cut short";
            break;
        }
        struct event e;
        get_event(r, off, &e);
        if (e.len > r->len - off - EV_HEADER) {
            why = "event cut short";
            break;
        }
        if (pos_cmp(e.at, last) < 0) why = "events out of order";
        else if (e.kind == EV_CONSOLE && e.len == 0) why = "empty console event";
        else if (e.kind == EV_NET && (e.len == 0 || e.len > NET_MAX)) why = "bad frame length";
        else if (e.kind == EV_INPUT && (e.len < 10 || e.data[0] > 1 || e.data[1] == 0 || e.data[1] > INPUT_MAX ||
                                        e.len != 2 + 8 * (size_t)e.data[1]))
            why = "bad input event";
        else if (e.kind == EV_CHECK && (e.len != 20 + 16 * (size_t)m->nharts || le_load32(e.data + 16) != m->nharts))
            why = "bad check";
        else if (e.kind == EV_END && e.len != 8) why = "bad end marker";
        else if (e.kind < EV_CONSOLE || e.kind > EV_END) why = "unknown event";
        if (why) break;
        last = e.at;
        off += EV_HEADER + e.len;
        if (e.kind == EV_END) {
            if (off != r->len) why = "bytes after the end marker";
            r->end = e.at;
            /* A recording stopped by --max-insns: the replay stops there the same way (the limit
             * also decides where the last slices end). */
            uint64_t max = le_load64(e.data);
            if (max && (!m->cfg.max_insns || m->cfg.max_insns > max)) m->cfg.max_insns = max;
            if (!why) return VHART_OK;
        }
    }
    snprintf(err, err_len, "%s: truncated or corrupt replay log (%s at byte %zu)", r->path, why, off);
    return VHART_ERR_FORMAT;
}

static int replay_log_check(struct machine *m, struct replay *r, const struct vhart_config *cfg, char *err, size_t err_len);

/* Errors name the option: "--replay FILE: ...". */
static int replay_log_open(struct machine *m, struct replay *r, const struct vhart_config *cfg, char *err, size_t err_len)
{
    char why[400];
    int rc = replay_log_check(m, r, cfg, why, sizeof(why));
    if (rc) snprintf(err, err_len, "--replay %s", why);
    return rc;
}

static int replay_log_check(struct machine *m, struct replay *r, const struct vhart_config *cfg, char *err, size_t err_len)
{
    size_t c;
    int rc = read_log(r->path, &r->log, &r->len, &c, err, err_len);
    if (rc) return rc;
    struct vhart_config logged = { 0 };
    void *owner;
    char why[256];
    if (snapshot_config_read(r->log + LOG_HEADER, c, &logged, &owner, why, sizeof(why))) {
        snprintf(err, err_len, "%s: corrupt replay log (configuration: %s)", r->path, why);
        return VHART_ERR_FORMAT;
    }
    const char *diff = vhart_config_mismatch(&logged, cfg);
    snapshot_config_free(owner);
    if (diff) {
        snprintf(err, err_len, "%s: recorded on another machine (%s)", r->path, diff);
        return VHART_ERR_CONFIG;
    }
    r->next = LOG_HEADER + c;
    return validate_events(m, r, r->next, err, err_len);
}

/* ---------------------------------------------------------------- the machine's side */

int replay_open(struct machine *m, const struct vhart_config *cfg, char *err, size_t err_len)
{
    if (cfg->record && cfg->replay) {
        snprintf(err, err_len, "--record and --replay exclude each other");
        return VHART_ERR_CONFIG;
    }
    struct replay *r = calloc(1, sizeof(*r));
    if (!r) {
        snprintf(err, err_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    m->replay = r;
    r->recording = cfg->record != NULL;
    r->path = strdup(cfg->record ? cfg->record : cfg->replay);
    r->out_hash = r->tx_hash = FNV_BASIS;
    r->next_check = 0;
    r->host = m->cfg.console;
    r->console.write = con_write;
    r->console.read = con_read;
    r->console.flush = con_flush;
    r->console.poll_fd = r->host ? r->host->poll_fd : -1;
    r->console.opaque = r;
    m->cfg.console = &r->console;
    if (!r->path) {
        snprintf(err, err_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    return r->recording ? record_open(m, r, cfg, err, err_len) : replay_log_open(m, r, cfg, err, err_len);
}

void replay_free(struct machine *m)
{
    struct replay *r = m->replay;
    if (!r) return;
    if (r->recording && r->f && !r->finished) record_close(m, r);
    for (size_t i = 0; i < r->nframes; i++) free(r->frames[i].data);
    free(r->frames);
    free(r->log);
    free(r->path);
    m->cfg.console = r->host;
    free(r);
    m->replay = NULL;
}

static void diverge(struct machine *m, struct replay *r, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void diverge(struct machine *m, struct replay *r, const char *fmt, ...)
{
    char detail[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof(detail), fmt, ap);
    va_end(ap);
    snprintf(r->why, sizeof(r->why), "replay diverged at instruction %" PRIu64 " (%s)", r->at.insns, detail);
    r->diverged = true;
    m->quit_requested = true;
}

/* Queued keyboard and mouse events and waiting frames go to the guest's buffers here, at every
 * boundary, not when the host's clock says. */
static void flush_devices(struct machine *m)
{
    if (m->rxq_count) machine_net_drain(m);
    virtio_input_flush(&m->keyboard);
    virtio_input_flush(&m->mouse);
}

static bool deliver_input(struct machine *m, unsigned dev, const struct replay_input_event *ev, unsigned n)
{
    struct virtio_input *in = dev ? &m->mouse : &m->keyboard;
    bool ok = true;
    for (unsigned i = 0; i < n; i++) ok = ok && virtio_input_send(in, ev[i].type, ev[i].code, ev[i].value);
    virtio_input_flush(in);
    return ok;
}

static void compare_check(struct machine *m, struct replay *r, const struct event *e)
{
    uint8_t b[20 + 16 * VHART_MAX_HARTS];
    make_check(m, r, b);
    for (unsigned i = 0; i < m->nharts; i++) {
        uint64_t pc = le_load64(e->data + 20 + 16 * i), want = le_load64(b + 20 + 16 * i);
        if (pc != want) {
            diverge(m, r, "hart %u pc 0x%" PRIx64 " expected 0x%" PRIx64, i, want, pc);
            return;
        }
        if (memcmp(e->data + 28 + 16 * i, b + 28 + 16 * i, 8) != 0) {
            diverge(m, r, "hart %u pc 0x%" PRIx64 ": registers differ from the recording", i, pc);
            return;
        }
    }
    if (memcmp(e->data, b, 8) != 0) diverge(m, r, "console output differs from the recording");
    else if (memcmp(e->data + 8, b + 8, 8) != 0) diverge(m, r, "frames sent to the network differ from the recording");
}

/* A recording re-run by reverse execution that does not meet its own log (it should; a bug): said
 * once, and the run goes on, the input given late. */
static void rerun_warn(struct replay *r, const char *what, struct pos at)
{
    if (r->warned) return;
    r->warned = true;
    fprintf(stderr, "vhart: reverse execution: a re-run %s at instruction %" PRIu64 "; the log may not replay\n", what,
            at.insns);
}

static void replay_events(struct machine *m, struct replay *r, struct pos p)
{
    while (!r->ended && !r->diverged && r->next < r->len) {
        struct event e;
        get_event(r, r->next, &e);
        int c = pos_cmp(e.at, p);
        if (c > 0) return;
        if (c < 0 && r->recording) rerun_warn(r, "passed a logged input", e.at);
        else if (c < 0) {
            /* The recording ended a slice at e.at, this replay went past it: reported there. */
            r->at = e.at;
            diverge(m, r, "the recording has %s there (+%" PRIu64 " idle); the replay ran on to instruction %" PRIu64
                          " (+%" PRIu64 " idle), hart 0 at pc 0x%" PRIx64,
                    e.kind == EV_CHECK ? "a check" : e.kind == EV_END ? "its end" : "an input", e.at.idle, p.insns,
                    p.idle, m->harts[0]->pc);
            return;
        }
        r->next += EV_HEADER + e.len;
        switch (e.kind) {
        case EV_CONSOLE: {
            size_t took = uart16550_receive(&m->uart, e.data, e.len);
            r->inputs++;
            if (took != e.len && r->recording) rerun_warn(r, "left console bytes", e.at);
            else if (took != e.len) diverge(m, r, "the UART took %zu of %zu console bytes", took, e.len);
            break;
        }
        case EV_NET:
            r->inputs++;
            machine_net_deliver(m, e.data, e.len);
            break;
        case EV_INPUT: {
            struct replay_input_event ev[INPUT_MAX];
            unsigned n = e.data[1];
            for (unsigned i = 0; i < n; i++) {
                ev[i].type = le_load16(e.data + 2 + 8 * i);
                ev[i].code = le_load16(e.data + 4 + 8 * i);
                ev[i].value = le_load32(e.data + 6 + 8 * i);
            }
            r->inputs++;
            deliver_input(m, e.data[0], ev, n);
            break;
        }
        case EV_CHECK:
            if (!r->recording) compare_check(m, r, &e);
            else r->next_check = e.at.insns + CHECK_INTERVAL;
            break;
        case EV_END:
            r->ended = true;
            m->quit_requested = true;
            break;
        }
    }
}

void replay_boundary(struct machine *m)
{
    struct replay *r = m->replay;
    struct pos p = position(m);
    r->at = p;
    if (r->recording) {
        /* Behind the recording's front (reverse execution went back): its inputs again, from the
         * log; nothing new is logged, and the host's input waits (history.c's re-runs: muted). */
        if (r->next < r->len) replay_events(m, r, p);
        if (r->next < r->len || r->muted) {
            flush_devices(m);
            return;
        }
        if (p.insns >= r->next_check) {
            put_check(m, r, p);
            r->next_check = p.insns + CHECK_INTERVAL;
        }
        flush_devices(m);
        /* Frames from the backend since the last boundary. */
        for (size_t i = 0; i < r->nframes; i++) {
            put_event(r, EV_NET, p, r->frames[i].data, r->frames[i].len);
            r->inputs++;
            machine_net_deliver(m, r->frames[i].data, r->frames[i].len);
            free(r->frames[i].data);
        }
        r->nframes = 0;
        return;
    }
    if (r->ended || r->diverged) return;
    flush_devices(m);
    replay_events(m, r, p);
}

void replay_console_taken(struct machine *m, const uint8_t *data, size_t n)
{
    struct replay *r = m->replay;
    if (!r->recording || !n || !replay_live(m)) return;
    put_event(r, EV_CONSOLE, position(m), data, n);
    r->inputs++;
}

bool replay_net_arrived(struct machine *m, const uint8_t *frame, size_t len)
{
    struct replay *r = m->replay;
    if (!r->recording) return true;
    if (len == 0 || len > NET_MAX) return true;   /* nothing a guest could take */
    if (r->nframes == r->frames_cap) {
        size_t cap = r->frames_cap ? 2 * r->frames_cap : 16;
        struct frame *f = realloc(r->frames, cap * sizeof(*f));
        if (!f) return true;   /* dropped, as a full queue drops it */
        r->frames = f;
        r->frames_cap = cap;
    }
    uint8_t *copy = malloc(len);
    if (!copy) return true;
    memcpy(copy, frame, len);
    r->frames[r->nframes].data = copy;
    r->frames[r->nframes].len = len;
    r->nframes++;
    return true;
}

void replay_net_sent(struct machine *m, const uint8_t *frame, size_t len)
{
    struct replay *r = m->replay;
    uint8_t l[4];
    le_store32(l, (uint32_t)len);
    r->tx_hash = fnv1a(fnv1a(r->tx_hash, l, 4), frame, len);
}

bool machine_input(struct machine *m, unsigned dev, const struct replay_input_event *ev, unsigned n)
{
    struct replay *r = m->replay;
    if (r && !r->recording) return true;   /* the log's events are the guest's input */
    if (r && !replay_live(m)) return true;  /* re-running what was logged: dropped */
    if (r && n <= INPUT_MAX) {
        uint8_t b[2 + 8 * INPUT_MAX];
        b[0] = (uint8_t)dev;
        b[1] = (uint8_t)n;
        for (unsigned i = 0; i < n; i++) {
            le_store16(b + 2 + 8 * i, ev[i].type);
            le_store16(b + 4 + 8 * i, ev[i].code);
            le_store32(b + 6 + 8 * i, ev[i].value);
        }
        put_event(r, EV_INPUT, position(m), b, 2 + 8 * (size_t)n);
        r->inputs++;
    }
    return deliver_input(m, dev, ev, n);
}

enum vhart_replay_status machine_replay_finish(struct machine *m, char *msg, size_t msg_len)
{
    struct replay *r = m->replay;
    if (msg_len) msg[0] = 0;
    if (!r || r->memory) return VHART_REPLAY_OFF;
    struct pos p = position(m);
    if (r->recording) {
        int e = record_close(m, r);
        if (e) {
            snprintf(msg, msg_len, "--record %s: %s", r->path, strerror(e));
            return VHART_REPLAY_ERROR;
        }
        snprintf(msg, msg_len, "recorded %" PRIu64 " inputs in %s, up to instruction %" PRIu64, r->inputs, r->path, p.insns);
        return VHART_REPLAY_RECORDED;
    }
    if (r->diverged) {
        snprintf(msg, msg_len, "%s", r->why);
        return VHART_REPLAY_DIVERGED;
    }
    if (r->ended) {
        snprintf(msg, msg_len, "replay complete: %" PRIu64 " inputs, instruction %" PRIu64, r->inputs, p.insns);
        return VHART_REPLAY_COMPLETE;
    }
    if (m->exit_requested) {
        r->at = p;
        diverge(m, r, "the guest stopped; the recording went on to instruction %" PRIu64, r->end.insns);
        snprintf(msg, msg_len, "%s", r->why);
        return VHART_REPLAY_DIVERGED;
    }
    snprintf(msg, msg_len, "replay stopped at instruction %" PRIu64 ", before the log's end at instruction %" PRIu64,
             p.insns, r->end.insns);
    return VHART_REPLAY_RUNNING;
}

/* ---------------------------------------------------------------- reverse execution (history.c) */

bool replay_live(const struct machine *m)
{
    const struct replay *r = m->replay;
    if (!r) return true;
    return !r->muted && (!r->recording || r->next >= r->len);   /* a replay reads only Ctrl-A keys */
}

uint64_t replay_cap(const struct machine *m)
{
    const struct replay *r = m->replay;
    /* With several harts where turns end is the interleaving: the recording's own boundaries are the
     * only ones a replay may have (docs/replay.md), so no cap. */
    if (!r || m->nharts > 1 || r->next >= r->len || (!r->recording && (r->ended || r->diverged))) return 0;
    struct event e;
    get_event(r, r->next, &e);
    uint64_t now = position(m).insns;
    return e.at.insns > now ? e.at.insns - now : 0;
}

void replay_mute(struct machine *m, bool on)
{
    if (m->replay) m->replay->muted = on;
}

void replay_mark_save(const struct machine *m, struct replay_mark *mk)
{
    const struct replay *r = m->replay;
    memset(mk, 0, sizeof(*mk));
    if (!r) return;
    mk->out_hash = r->out_hash;
    mk->tx_hash = r->tx_hash;
    mk->inputs = r->inputs;
    mk->next = r->next;
    mk->next_check = r->next_check;
    mk->ended = r->ended;
    mk->diverged = r->diverged;
}

void replay_mark_load(struct machine *m, const struct replay_mark *mk)
{
    struct replay *r = m->replay;
    if (!r) return;
    r->out_hash = mk->out_hash;
    r->tx_hash = mk->tx_hash;
    r->inputs = mk->inputs;
    r->next = mk->next;
    r->next_check = mk->next_check;
    r->ended = mk->ended;
    r->diverged = mk->diverged;
    if (!r->diverged) r->why[0] = 0;
}

int replay_open_memory(struct machine *m)
{
    struct replay *r = calloc(1, sizeof(*r));
    if (!r) return VHART_ERR_NOMEM;
    m->replay = r;
    r->recording = r->memory = true;
    r->out_hash = r->tx_hash = FNV_BASIS;
    r->next_check = UINT64_MAX;   /* no checks: nothing replays this log but the history itself */
    r->host = m->cfg.console;
    r->console.write = con_write;
    r->console.read = con_read;
    r->console.flush = con_flush;
    r->console.poll_fd = r->host ? r->host->poll_fd : -1;
    r->console.opaque = r;
    m->cfg.console = &r->console;
    return VHART_OK;
}
