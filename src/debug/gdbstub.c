/* The gdb remote stub: the connection, run control, breakpoints, threads, queries and dispatch of
 * RSP commands (GDB manual, appendix E "Remote Protocol": E.2 packets, E.3 stop replies, E.4 general
 * queries) on top of the debug API; registers, memory, the target description and `monitor` are in
 * gdbstub_target.c. */
#define _POSIX_C_SOURCE 200809L
#include "gdbstub.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <vhart/debug.h>
#include <vhart/machine.h>

#include "rsp.h"
#include "../host/console.h"

#include "gdbstub_internal.h"

/* ---------------------------------------------------------------- socket */

struct gdbstub *gdbstub_open(struct machine *m, unsigned port, char *err, size_t err_len)
{
    if (port == 0 || port > 65535) {
        snprintf(err, err_len, "--gdb %u: not a TCP port (1-65535)", port);
        return NULL;
    }
    struct gdbstub *g = calloc(1, sizeof(*g));
    if (!g) {
        snprintf(err, err_len, "--gdb %u: out of memory", port);
        return NULL;
    }
    g->m = m;
    g->port = port;
    g->fd = -1;
    g->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (g->listen_fd < 0) {
        snprintf(err, err_len, "--gdb %u: socket: %s", port, strerror(errno));
        free(g);
        return NULL;
    }
    int one = 1;
    /* Lets a new vhart listen while connections of the previous one linger in TIME_WAIT; a port
     * another program listens on still fails with EADDRINUSE. */
    setsockopt(g->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(g->listen_fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(g->listen_fd, 1)) {
        if (errno == EADDRINUSE) snprintf(err, err_len, "--gdb %u: port in use", port);
        else snprintf(err, err_len, "--gdb %u: %s", port, strerror(errno));
        close(g->listen_fd);
        free(g);
        return NULL;
    }
    return g;
}

unsigned gdbstub_port(const struct gdbstub *g) { return g->port; }
const char *gdbstub_error(const struct gdbstub *g) { return g->error; }

bool gdbstub_poll_connection(void *opaque)
{
    struct gdbstub *g = opaque;
    struct pollfd p = { .fd = g->listen_fd, .events = POLLIN };
    return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

void gdbstub_close(struct gdbstub *g)
{
    if (!g) return;
    if (g->fd >= 0) close(g->fd);
    close(g->listen_fd);
    free(g);
}

static void send_raw(struct gdbstub *g, const void *data, size_t len)
{
    const uint8_t *b = data;
    while (len > 0 && !g->conn_lost) {
        ssize_t n = send(g->fd, b, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            g->conn_lost = true;
            return;
        }
        b += n;
        len -= (size_t)n;
    }
}

void gdb_send_packet(struct gdbstub *g, const void *payload, size_t len, bool escape)
{
    g->out_len = rsp_frame(g->out, sizeof(g->out), payload, len, escape);
    if (g->out_len) send_raw(g, g->out, g->out_len);
}

void gdb_reply(struct gdbstub *g, const char *s) { gdb_send_packet(g, s, strlen(s), false); }

/* Read received bytes into g->in; blocking or not. Returns false on EOF, error or nothing read. */
static bool fill(struct gdbstub *g, bool block)
{
    for (;;) {
        ssize_t n = recv(g->fd, g->in, sizeof(g->in), block ? 0 : MSG_DONTWAIT);
        if (n > 0) {
            g->in_pos = 0;
            g->in_len = (size_t)n;
            return true;
        }
        /* SIGTERM/SIGINT while gdb holds the machine: leave, so that vhart can end (main.c). */
        if (n < 0 && errno == EINTR && !console_pending_signal()) continue;
        if (n < 0 && !block && (errno == EAGAIN || errno == EWOULDBLOCK)) return false;
        g->conn_lost = true;
        return false;
    }
}

/* The next protocol event, waiting for it; -1 when the connection is gone. */
static int next_event(struct gdbstub *g)
{
    for (;;) {
        if (g->in_pos == g->in_len && !fill(g, true)) return -1;
        enum rsp_event ev = rsp_parser_feed(&g->rx, g->in[g->in_pos++]);
        if (ev != RSP_EV_NONE) return (int)ev;
    }
}

/* vdbg_set_poll hook while the machine runs for gdb: stop on Ctrl-C (0x03) or a lost connection.
 * In all-stop mode gdb sends nothing else while the target runs; anything else is dropped. */
static bool running_poll(void *opaque)
{
    struct gdbstub *g = opaque;
    for (;;) {
        while (g->in_pos < g->in_len)
            if (rsp_parser_feed(&g->rx, g->in[g->in_pos++]) == RSP_EV_INTERRUPT) g->interrupted = true;
        struct pollfd p = { .fd = g->fd, .events = POLLIN };
        if (g->conn_lost || poll(&p, 1, 0) <= 0 || !fill(g, false)) break;
    }
    return g->interrupted || g->conn_lost;
}

/* ---------------------------------------------------------------- points */

static void clear_points(struct gdbstub *g)
{
    for (int i = 0; i < GDB_MAX_POINTS; i++)
        if (g->points[i].id) {
            vdbg_delete(g->m, g->points[i].id);
            g->points[i].id = 0;
        }
}

static struct gdb_point *find_point(struct gdbstub *g, int type, uint64_t addr, uint64_t len)
{
    for (int i = 0; i < GDB_MAX_POINTS; i++) {
        struct gdb_point *p = &g->points[i];
        /* Breakpoint kinds (2 or 4: the instruction size) do not distinguish breakpoints. */
        if (p->id && p->type == type && p->addr == addr && (type < 2 || p->len == len)) return p;
    }
    return NULL;
}

static const struct gdb_point *point_by_id(const struct gdbstub *g, int id)
{
    for (int i = 0; i < GDB_MAX_POINTS; i++)
        if (g->points[i].id == id) return &g->points[i];
    return NULL;
}

const char *gdb_error_code(int rc)
{
    switch (rc) {
    case VDBG_EFAULT: return GDB_EFAULT;
    case VDBG_ENOSPC: return GDB_ENOSPC;
    default: return GDB_EINVAL;
    }
}

/* Z/z TYPE,ADDR,KIND: insert or remove a breakpoint (0, 1) or watchpoint (2 write, 3 read, 4 access). */
static void handle_point(struct gdbstub *g, const char *p, bool insert)
{
    uint64_t type, addr, len;
    if (rsp_parse_hex(&p, &type) || *p++ != ',' || rsp_parse_hex(&p, &addr) || *p++ != ',' || rsp_parse_hex(&p, &len)) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    if (type > 4) {
        gdb_reply(g, "");   /* unsupported type */
        return;
    }
    struct gdb_point *pt = find_point(g, (int)type, addr, len);
    if (!insert) {
        if (pt) {
            vdbg_delete(g->m, pt->id);
            pt->id = 0;
        }
        gdb_reply(g, "OK");   /* removing what is not there succeeds: the packets are idempotent */
        return;
    }
    if (pt) {
        gdb_reply(g, "OK");
        return;
    }
    struct gdb_point *slot = NULL;
    for (int i = 0; i < GDB_MAX_POINTS && !slot; i++)
        if (!g->points[i].id) slot = &g->points[i];
    if (!slot) {
        gdb_reply(g, GDB_ENOSPC);
        return;
    }
    static const enum vdbg_watch_kind kinds[] = { [2] = VDBG_WATCH_WRITE, [3] = VDBG_WATCH_READ,
                                                  [4] = VDBG_WATCH_ACCESS };
    int id = type < 2 ? vdbg_break_add(g->m, addr, false) : vdbg_watch_add(g->m, addr, len, kinds[type], false);
    if (id < 0) {
        gdb_reply(g, gdb_error_code(id));
        return;
    }
    *slot = (struct gdb_point){ .id = id, .type = (int)type, .addr = addr, .len = len };
    gdb_reply(g, "OK");
}

/* ---------------------------------------------------------------- threads */

/* Parse a thread id: -1 (all), 0 (any) or 1..harts. Returns 0 and sets *tid, or -1. */
static int parse_thread(struct gdbstub *g, const char **p, long *tid)
{
    if ((*p)[0] == '-' && (*p)[1] == '1') {
        *p += 2;
        *tid = -1;
        return 0;
    }
    uint64_t v;
    if (rsp_parse_hex(p, &v) || v > vdbg_harts(g->m)) return -1;
    *tid = (long)v;
    return 0;
}

/* ---------------------------------------------------------------- run control */

/* The pc gdb is shown for a hart: see watch_hart. */
uint64_t gdb_shown_pc(struct gdbstub *g, unsigned hart)
{
    uint64_t pc = 0;
    vdbg_reg_read(g->m, hart, VDBG_REG_PC, &pc);
    if (g->watch_hart == hart + 1 && pc == g->watch_real_pc) return g->watch_pc;
    return pc;
}

/* Is the instruction at pc a load, store, AMO or cache-block zero (one that can hit a watchpoint)?
 * len: 2 or 4. Unprivileged spec chapter 24 (opcode map) and 16.8 (RVC opcode map). */
static bool is_memory_insn(struct gdbstub *g, unsigned hart, uint64_t pc, unsigned len)
{
    uint8_t b[4];
    if (vdbg_mem_read(g->m, hart, pc, false, b, len)) return false;
    uint32_t insn = (uint32_t)b[0] | (uint32_t)b[1] << 8;
    if (len == 2) {
        unsigned quadrant = insn & 3, funct3 = insn >> 13;
        return (quadrant == 0 || quadrant == 2) && funct3 != 0 && (funct3 != 4 || quadrant == 0);
    }
    insn |= (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    unsigned opcode = insn & 0x7f, funct3 = insn >> 12 & 7;
    return opcode == 0x03 || opcode == 0x07 || opcode == 0x23 || opcode == 0x27 || opcode == 0x2f ||
           (opcode == 0x0f && funct3 == 2);
}

/* After a watchpoint stop at real_pc: find the accessing instruction just before it. Any memory
 * instruction falls through, so either candidate that decodes as one gives gdb the right next pc. */
static void note_watch_stop(struct gdbstub *g, unsigned hart, uint64_t real_pc)
{
    g->watch_hart = 0;
    uint64_t pc;
    if (is_memory_insn(g, hart, real_pc - 4, 4)) pc = real_pc - 4;
    else if (is_memory_insn(g, hart, real_pc - 2, 2)) pc = real_pc - 2;
    else return;   /* not after a memory instruction (a page-table walk?): show the real pc */
    g->watch_hart = hart + 1;
    g->watch_pc = pc;
    g->watch_real_pc = real_pc;
}

/* Build the stop reply for `st` into g->stop_reply. */
static void format_stop(struct gdbstub *g, const struct vdbg_stop *st)
{
    char *r = g->stop_reply;
    size_t cap = sizeof(g->stop_reply);
    int n = snprintf(r, cap, "T%02x", st->reason == VDBG_STOP_REQUESTED ? 2 : 5);
    if (st->reason == VDBG_STOP_BREAKPOINT) {
        const struct gdb_point *p = point_by_id(g, st->id);
        bool hw = p && p->type == 1;
        if (hw && g->hwbreak) n += snprintf(r + n, cap - (size_t)n, "hwbreak:;");
        else if (!hw && g->swbreak) n += snprintf(r + n, cap - (size_t)n, "swbreak:;");
    } else if (st->reason == VDBG_STOP_WATCHPOINT) {
        const struct gdb_point *p = point_by_id(g, st->id);
        const char *kind = !p || p->type == 2 ? "watch" : p->type == 3 ? "rwatch" : "awatch";
        uint64_t addr = st->addr;
        /* gdb matches the address against its watched range: an access starting below it names the start. */
        if (p && (addr < p->addr || addr - p->addr >= p->len)) addr = p->addr;
        n += snprintf(r + n, cap - (size_t)n, "%s:%llx;", kind, (unsigned long long)addr);
    }
    n += snprintf(r + n, cap - (size_t)n, "thread:%x;%02x:", st->hart + 1, VDBG_REG_PC);
    if ((size_t)n + 17 < cap) {
        char *e = rsp_hex_le(r + n, gdb_shown_pc(g, st->hart), 8);
        e[0] = ';';
        e[1] = 0;
    }
}

/* The gdb breakpoint at pc, or NULL. */
static const struct gdb_point *breakpoint_at(const struct gdbstub *g, uint64_t pc)
{
    for (int i = 0; i < GDB_MAX_POINTS; i++)
        if (g->points[i].id && g->points[i].type < 2 && g->points[i].addr == pc) return &g->points[i];
    return NULL;
}

/* Run one hart alone (vCont;c:N, which gdb uses to step past a breakpoint while the other threads
 * stay stopped) until a breakpoint, watchpoint, Ctrl-C or exit: the debug API steps one hart, so
 * run it in slices, checking the socket in between. */
#define GDB_SLICE 65536
static void continue_one(struct gdbstub *g, unsigned hart, struct vdbg_stop *st)
{
    g->interrupted = false;
    for (bool first = true;; first = false) {
        uint64_t pc = 0, before = 0, after = 0;
        vdbg_reg_read(g->m, hart, VDBG_REG_PC, &pc);
        const struct gdb_point *bp = first ? NULL : breakpoint_at(g, pc);
        if (bp) {   /* a slice ended just before a breakpoint: the next one would step over it */
            memset(st, 0, sizeof(*st));
            st->reason = VDBG_STOP_BREAKPOINT;
            st->hart = hart;
            st->pc = pc;
            st->id = bp->id;
            return;
        }
        vdbg_reg_read(g->m, hart, VDBG_REG_CSR0 + 0xb02, &before);   /* minstret */
        if (vdbg_step(g->m, hart, GDB_SLICE, st)) return;
        if (st->reason != VDBG_STOP_STEP) return;
        if (running_poll(g)) {
            st->reason = VDBG_STOP_REQUESTED;
            return;
        }
        vdbg_reg_read(g->m, hart, VDBG_REG_CSR0 + 0xb02, &after);
        if (after - before < GDB_SLICE) {   /* waiting for an interrupt (wfi): let time pass */
            struct timespec ts = { 0, 1000000 };
            nanosleep(&ts, NULL);
        }
    }
}

enum resume_mode { RESUME_STEP, RESUME_CONTINUE_ONE, RESUME_CONTINUE_ALL };

/* Step `hart`, run it alone, or run every hart, then report why the machine stopped.
 * Returns -1 to keep serving, or how the session ended. */
static int resume(struct gdbstub *g, enum resume_mode mode, unsigned hart, int *code)
{
    struct vdbg_stop st;
    memset(&st, 0, sizeof(st));
    bool stepping_past_watch = false;
    if (g->watch_hart == hart + 1 && mode != RESUME_CONTINUE_ALL) {
        /* gdb steps past the access that stopped the hart, which has happened already: a step, or
         * a run to the breakpoint it put after it (riscv gdb steps in software). */
        uint64_t pc = 0;
        vdbg_reg_read(g->m, hart, VDBG_REG_PC, &pc);
        const struct gdb_point *bp = breakpoint_at(g, pc);
        if (pc == g->watch_real_pc && (mode == RESUME_STEP || bp)) {
            stepping_past_watch = true;
            st.reason = mode == RESUME_STEP ? VDBG_STOP_STEP : VDBG_STOP_BREAKPOINT;
            st.hart = hart;
            st.pc = pc;
            st.id = bp ? bp->id : 0;
        }
    }
    g->watch_hart = 0;
    if (stepping_past_watch) {
        /* answered above */
    } else if (mode == RESUME_STEP) {
        if (vdbg_step(g->m, hart, 1, &st)) {
            gdb_reply(g, GDB_EINVAL);
            return -1;
        }
    } else if (mode == RESUME_CONTINUE_ONE && vdbg_harts(g->m) > 1) {
        continue_one(g, hart, &st);
    } else {
        g->interrupted = false;
        vdbg_set_poll(g->m, running_poll, g);
        int rc = vdbg_continue(g->m, &st);
        vdbg_set_poll(g->m, NULL, NULL);
        if (rc) {
            gdb_reply(g, GDB_EINVAL);
            return -1;
        }
    }
    if (st.reason == VDBG_STOP_EXITED) {
        char w[8];
        snprintf(w, sizeof(w), "W%02x", (unsigned)st.exit_code & 0xff);
        gdb_reply(g, w);
        *code = st.exit_code;
        return GDBSTUB_EXITED;
    }
    if (st.reason == VDBG_STOP_QUIT) {
        gdb_reply(g, "X0f");   /* as if terminated by SIGTERM */
        return GDBSTUB_QUIT;
    }
    if (g->conn_lost) return GDBSTUB_DETACHED;
    if (st.hart >= vdbg_harts(g->m)) st.hart = 0;
    g->hart_g = st.hart;
    if (st.reason == VDBG_STOP_WATCHPOINT) {
        uint64_t pc = st.pc;
        vdbg_reg_read(g->m, st.hart, VDBG_REG_PC, &pc);
        note_watch_stop(g, st.hart, pc);
    }
    format_stop(g, &st);
    gdb_reply(g, g->stop_reply);
    return -1;
}

/* vCont;ACTION[:THREAD]...: a step action steps that hart alone; a continue of one thread with
 * no action for the others runs that hart alone; otherwise every hart runs. */
static int handle_vcont(struct gdbstub *g, const char *p, int *code)
{
    long step_tid = 0, cont_tid = 0;
    bool step = false, cont_all = false;
    unsigned cont_threads = 0;
    while (*p == ';') {
        char action = p[1];
        p += 2;
        if (action == 'C' || action == 'S') {
            uint64_t sig;
            if (rsp_parse_hex(&p, &sig)) break;
        } else if (action != 'c' && action != 's' && action != 't') {
            gdb_reply(g, GDB_EBADPKT);
            return -1;
        }
        long tid = -1;
        if (*p == ':') {
            p++;
            if (parse_thread(g, &p, &tid)) {
                gdb_reply(g, GDB_EINVAL);
                return -1;
            }
        }
        if ((action == 's' || action == 'S') && !step) {
            step = true;
            step_tid = tid;
        } else if (action == 'c' || action == 'C') {
            if (tid <= 0) cont_all = true;
            else {
                cont_threads++;
                cont_tid = tid;
            }
        }
    }
    if (*p) {
        gdb_reply(g, GDB_EBADPKT);
        return -1;
    }
    if (step) return resume(g, RESUME_STEP, step_tid > 0 ? (unsigned)step_tid - 1 : g->hart_g, code);
    if (!cont_all && cont_threads == 1) return resume(g, RESUME_CONTINUE_ONE, (unsigned)cont_tid - 1, code);
    return resume(g, RESUME_CONTINUE_ALL, g->hart_g, code);
}

/* c [ADDR], s [ADDR], C SIG[;ADDR], S SIG[;ADDR]. */
static int handle_legacy_resume(struct gdbstub *g, const char *p, int *code)
{
    char cmd = *p++;
    if (cmd == 'C' || cmd == 'S') {
        uint64_t sig;
        if (rsp_parse_hex(&p, &sig) || (*p && *p++ != ';')) {
            gdb_reply(g, GDB_EBADPKT);
            return -1;
        }
    }
    unsigned hart = g->hart_c > 0 ? (unsigned)g->hart_c - 1 : g->hart_g;
    if (*p) {
        uint64_t addr;
        if (rsp_parse_hex(&p, &addr) || *p) {
            gdb_reply(g, GDB_EBADPKT);
            return -1;
        }
        g->watch_hart = 0;
        vdbg_reg_write(g->m, hart, VDBG_REG_PC, addr);
    }
    if (cmd == 's' || cmd == 'S') return resume(g, RESUME_STEP, hart, code);
    return resume(g, g->hart_c > 0 ? RESUME_CONTINUE_ONE : RESUME_CONTINUE_ALL, hart, code);
}

/* bs, bc: reverse step and reverse continue (src/machine/history.c). The stop is reported as a
 * forward one; at the start of the history as replaylog:begin, so that gdb says "No more
 * reverse-execution history". A watchpoint hit backwards stops just after the access, with the real
 * pc: gdb then steps back over the accessing instruction (bs) and shows the old value. */
static int handle_reverse(struct gdbstub *g, char cmd)
{
    struct vdbg_stop st;
    unsigned hart = g->hart_c > 0 ? (unsigned)g->hart_c - 1 : g->hart_g;
    int rc = cmd == 's' ? vdbg_reverse_step(g->m, hart, 1, &st) : vdbg_reverse_continue(g->m, &st);
    g->watch_hart = 0;
    if (rc) {
        gdb_reply(g, rc == VDBG_ENOTSUP ? "E01" : GDB_EINVAL);
        return -1;
    }
    if (st.hart >= vdbg_harts(g->m)) st.hart = 0;
    g->hart_g = st.hart;
    if (st.history_begin) {
        char *r = g->stop_reply;
        int n = snprintf(r, sizeof(g->stop_reply), "T05replaylog:begin;thread:%x;%02x:", st.hart + 1, VDBG_REG_PC);
        char *e = rsp_hex_le(r + n, gdb_shown_pc(g, st.hart), 8);
        e[0] = ';';
        e[1] = 0;
    } else {
        format_stop(g, &st);
    }
    gdb_reply(g, g->stop_reply);
    return -1;
}

/* ---------------------------------------------------------------- queries */

static bool starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* Does the ';'-separated feature list hold `feature`? */
static bool has_feature(const char *list, const char *feature)
{
    size_t n = strlen(feature);
    for (const char *p = list; p && *p; p = strchr(p, ';') ? strchr(p, ';') + 1 : NULL)
        if (strncmp(p, feature, n) == 0 && (p[n] == ';' || p[n] == 0)) return true;
    return false;
}

static void handle_query(struct gdbstub *g, const char *p)
{
    char *r = g->gdb_reply;
    if (starts(p, "qSupported")) {
        const char *features = p[10] == ':' ? p + 11 : "";
        g->swbreak = has_feature(features, "swbreak+");
        g->hwbreak = has_feature(features, "hwbreak+");
        snprintf(r, GDB_REPLY_MAX, "PacketSize=%x;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+;ReverseStep+;ReverseContinue+",
                 RSP_PACKET_MAX);
        gdb_reply(g, r);
    } else if (starts(p, "qXfer:features:read:")) {
        gdb_xfer_features(g, p + strlen("qXfer:features:read:"));
    } else if (!strcmp(p, "qfThreadInfo")) {
        int n = snprintf(r, GDB_REPLY_MAX, "m");
        for (unsigned i = 0; i < vdbg_harts(g->m); i++)
            n += snprintf(r + n, GDB_REPLY_MAX - (size_t)n, i ? ",%x" : "%x", i + 1);
        gdb_reply(g, r);
    } else if (!strcmp(p, "qsThreadInfo")) {
        gdb_reply(g, "l");
    } else if (!strcmp(p, "qC")) {
        snprintf(r, GDB_REPLY_MAX, "QC%x", g->hart_g + 1);
        gdb_reply(g, r);
    } else if (starts(p, "qThreadExtraInfo,")) {
        const char *q = p + strlen("qThreadExtraInfo,");
        long tid;
        if (parse_thread(g, &q, &tid) || tid <= 0 || *q) {
            gdb_reply(g, GDB_EINVAL);
            return;
        }
        uint64_t priv = 3;
        vdbg_reg_read(g->m, (unsigned)tid - 1, VDBG_REG_PRIV, &priv);
        static const char *const modes[] = { "U-mode", "S-mode", "?", "M-mode", "VU-mode", "VS-mode", "?", "?" };
        char text[64];
        int n = snprintf(text, sizeof(text), "hart %ld, %s", tid - 1, modes[priv & 7]);
        *rsp_hex_encode(r, text, (size_t)n) = 0;
        gdb_reply(g, r);
    } else if (!strcmp(p, "qAttached") || starts(p, "qAttached:")) {
        gdb_reply(g, "1");   /* attached to a running machine: quitting gdb detaches */
    } else if (starts(p, "qSymbol")) {
        gdb_reply(g, "OK");
    } else if (starts(p, "qRcmd,")) {
        gdb_rcmd(g, p + strlen("qRcmd,"));
    } else {
        gdb_reply(g, "");    /* qOffsets, qTStatus, ...: not supported */
    }
}

/* ---------------------------------------------------------------- dispatch */

/* One packet: -1 to keep serving, or how the session ended. */
static int handle_packet(struct gdbstub *g, const uint8_t *pkt, size_t len, int *code)
{
    const char *p = (const char *)pkt;
    if (len == 0) {
        gdb_reply(g, "");
        return -1;
    }
    /* Only X carries binary data; a NUL elsewhere is malformed. */
    if (p[0] != 'X' && strlen(p) != len) {
        gdb_reply(g, GDB_EBADPKT);
        return -1;
    }
    switch (p[0]) {
    case '?': gdb_reply(g, g->stop_reply); return -1;
    case 'g': gdb_read_registers(g); return -1;
    case 'G': gdb_write_registers(g, p + 1); return -1;
    case 'p': gdb_read_register(g, p + 1); return -1;
    case 'P': gdb_write_register(g, p + 1); return -1;
    case 'm': gdb_read_memory(g, p + 1); return -1;
    case 'M': gdb_write_memory(g, p + 1); return -1;
    case 'X': gdb_write_binary(g, pkt, len); return -1;
    case 'Z': handle_point(g, p + 1, true); return -1;
    case 'z': handle_point(g, p + 1, false); return -1;
    case 'c':
    case 'C':
    case 's':
    case 'S': return handle_legacy_resume(g, p, code);
    case 'b':
        if ((p[1] == 's' || p[1] == 'c') && !p[2]) return handle_reverse(g, p[1]);
        gdb_reply(g, "");
        return -1;
    case 'H': {
        const char *q = p + 2;
        long tid;
        if ((p[1] != 'g' && p[1] != 'c') || parse_thread(g, &q, &tid) || *q) {
            gdb_reply(g, GDB_EINVAL);
            return -1;
        }
        if (p[1] == 'g' && tid > 0) g->hart_g = (unsigned)tid - 1;
        if (p[1] == 'c') g->hart_c = tid > 0 ? (int)tid : -1;
        gdb_reply(g, "OK");
        return -1;
    }
    case 'T': {
        const char *q = p + 1;
        long tid;
        gdb_reply(g, parse_thread(g, &q, &tid) || tid <= 0 || *q ? GDB_EINVAL : "OK");
        return -1;
    }
    case 'D':
        clear_points(g);
        gdb_reply(g, "OK");
        return GDBSTUB_DETACHED;
    case 'k': return GDBSTUB_KILLED;   /* no reply */
    case 'q': handle_query(g, p); return -1;
    case 'v':
        if (!strcmp(p, "vCont?")) gdb_reply(g, "vCont;c;C;s;S");
        else if (starts(p, "vCont;")) return handle_vcont(g, p + 5, code);
        else if (starts(p, "vKill")) {
            gdb_reply(g, "OK");
            return GDBSTUB_KILLED;
        } else gdb_reply(g, "");   /* vMustReplyEmpty, vFile, vRun, ... */
        return -1;
    default: gdb_reply(g, ""); return -1;   /* not supported */
    }
}

static void start_session(struct gdbstub *g)
{
    g->conn_lost = false;
    g->interrupted = false;
    g->swbreak = g->hwbreak = false;
    g->hart_g = 0;
    g->hart_c = -1;
    g->watch_hart = 0;
    g->in_pos = g->in_len = 0;
    g->out_len = 0;
    rsp_parser_init(&g->rx);
    memset(g->points, 0, sizeof(g->points));
    snprintf(g->stop_reply, sizeof(g->stop_reply), "T05thread:1;");
    gdb_build_target_xml(g);
    int one = 1;
    setsockopt(g->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

enum gdbstub_end gdbstub_serve(struct gdbstub *g, int *code)
{
    while (g->fd < 0) {
        g->fd = accept(g->listen_fd, NULL, NULL);
        if (g->fd < 0 && errno != EINTR && errno != ECONNABORTED) {
            snprintf(g->error, sizeof(g->error), "--gdb %u: accept: %s", g->port, strerror(errno));
            return GDBSTUB_ERROR;
        }
    }
    start_session(g);
    int end = -1;
    while (end < 0) {
        int ev = next_event(g);
        switch (ev) {
        case RSP_EV_PACKET:
            send_raw(g, "+", 1);
            end = handle_packet(g, g->rx.buf, g->rx.len, code);
            break;
        case RSP_EV_BAD_CHECKSUM:
        case RSP_EV_MALFORMED: send_raw(g, "-", 1); break;
        case RSP_EV_OVERSIZED:
            send_raw(g, "+", 1);
            gdb_reply(g, GDB_EBADPKT);
            break;
        case RSP_EV_NAK:
            if (g->out_len) send_raw(g, g->out, g->out_len);
            break;
        default: break;   /* acks; a Ctrl-C that crossed a stop reply */
        }
        if (g->conn_lost && end < 0) end = GDBSTUB_DETACHED;
    }
    if (end == GDBSTUB_DETACHED) clear_points(g);
    vdbg_set_poll(g->m, NULL, NULL);
    close(g->fd);
    g->fd = -1;
    return (enum gdbstub_end)end;
}
