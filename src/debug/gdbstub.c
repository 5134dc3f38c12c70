/* The gdb remote stub: RSP commands (GDB manual, appendix E "Remote Protocol": E.2 packets, E.3 stop
 * replies, E.4 general queries, E.7 target descriptions) served on top of the debug API. */
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

#include "monitor.h"
#include "repl.h"
#include "rsp.h"
#include "../host/console.h"

#define GDB_MAX_POINTS 64
#define GDB_XML_MAX 16384
#define GDB_REPLY_MAX RSP_PACKET_MAX
/* The 'g' packet: x0-x31 and pc; gdb fetches the others with 'p'. */
#define GDB_G_REGS 33
/* Error replies ("Enn", hex): a malformed packet, a memory fault, a bad argument, no room left. */
#define GDB_EBADPKT "E01"
#define GDB_EFAULT "E14"
#define GDB_EINVAL "E16"
#define GDB_ENOSPC "E1c"

/* A breakpoint or watchpoint gdb inserted with Z<type>, and the debug API's id for it. */
struct gdb_point {
    int id;                   /* 0: free */
    int type;                 /* 0 software breakpoint, 1 hardware, 2 write, 3 read, 4 access watchpoint */
    uint64_t addr, len;
};

struct gdbstub {
    struct machine *m;
    unsigned port;
    int listen_fd, fd;        /* fd: the connected gdb, or -1 */
    bool conn_lost;           /* the connection dropped or failed */
    bool interrupted;         /* 0x03 received while running */
    bool swbreak, hwbreak;    /* gdb announced swbreak+ / hwbreak+ */
    unsigned hart_g;          /* Hg: the hart for registers and memory */
    int hart_c;               /* Hc: the thread (hart + 1) for s/c, or -1 for "any" */
    /* gdb's riscv target assumes a watchpoint stops *before* the access (have_nonsteppable_
     * watchpoint) and steps the thread past it afterwards; vhart stops after the access. So after a
     * watchpoint stop the stub shows gdb the pc of the accessing instruction (watch_pc) instead of
     * the hart's (watch_real_pc), and answers gdb's step past it without running anything.
     * watch_hart is the hart + 1, 0 when no such stop is pending. */
    unsigned watch_hart;
    uint64_t watch_pc, watch_real_pc;
    uint8_t in[4096];         /* received bytes not yet parsed */
    size_t in_pos, in_len;
    struct rsp_parser rx;
    uint8_t out[RSP_FRAME_MAX];  /* the last packet sent, for a NAK */
    size_t out_len;
    char reply[GDB_REPLY_MAX + 1];
    uint8_t data[RSP_PACKET_MAX];
    char stop_reply[128];     /* the answer to '?' */
    struct gdb_point points[GDB_MAX_POINTS];
    char xml[GDB_XML_MAX];
    size_t xml_len;
    char error[160];
};

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

static void send_packet(struct gdbstub *g, const void *payload, size_t len, bool escape)
{
    g->out_len = rsp_frame(g->out, sizeof(g->out), payload, len, escape);
    if (g->out_len) send_raw(g, g->out, g->out_len);
}

static void reply(struct gdbstub *g, const char *s) { send_packet(g, s, strlen(s), false); }

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

/* ---------------------------------------------------------------- target description */

/* gdb's org.gnu.gdb.riscv.cpu feature calls x8 "fp" (vhart's own tables say "s0"). */
static const char *const xreg_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "fp", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};
#define CSR_FFLAGS 0x001
#define CSR_FRM 0x002
#define CSR_FCSR 0x003
#define CSR_MISA 0x301
/* CSRs offered in org.gnu.gdb.riscv.csr, each if hart 0 can read it. */
static const struct { const char *name; unsigned csr; } csr_list[] = {
    { "sstatus", 0x100 },  { "sie", 0x104 },        { "stvec", 0x105 },      { "scounteren", 0x106 },
    { "senvcfg", 0x10a },  { "sscratch", 0x140 },   { "sepc", 0x141 },       { "scause", 0x142 },
    { "stval", 0x143 },    { "sip", 0x144 },        { "stimecmp", 0x14d },   { "satp", 0x180 },
    { "mstatus", 0x300 },  { "misa", 0x301 },       { "medeleg", 0x302 },    { "mideleg", 0x303 },
    { "mie", 0x304 },      { "mtvec", 0x305 },      { "mcounteren", 0x306 }, { "menvcfg", 0x30a },
    { "mscratch", 0x340 }, { "mepc", 0x341 },       { "mcause", 0x342 },     { "mtval", 0x343 },
    { "mip", 0x344 },      { "pmpcfg0", 0x3a0 },    { "pmpcfg2", 0x3a2 },    { "pmpaddr0", 0x3b0 },
    { "pmpaddr1", 0x3b1 }, { "pmpaddr2", 0x3b2 },   { "pmpaddr3", 0x3b3 },   { "mcycle", 0xb00 },
    { "minstret", 0xb02 }, { "cycle", 0xc00 },      { "time", 0xc01 },       { "instret", 0xc02 },
    { "mvendorid", 0xf11 }, { "marchid", 0xf12 },   { "mimpid", 0xf13 },     { "mhartid", 0xf14 },
};

static bool has_fpu(struct gdbstub *g)
{
    uint64_t misa;
    if (vdbg_reg_read(g->m, 0, VDBG_REG_CSR0 + CSR_MISA, &misa)) return false;
    return misa & ((1u << ('F' - 'A')) | (1u << ('D' - 'A')));
}

/* Append to the XML; false once it no longer fits. */
#if defined(__GNUC__)
static bool xml_add(struct gdbstub *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
static bool xml_add(struct gdbstub *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(g->xml + g->xml_len, sizeof(g->xml) - g->xml_len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(g->xml) - g->xml_len) return false;
    g->xml_len += (size_t)n;
    return true;
}

/* target.xml: gdb's riscv features with remote register numbers (regnum) equal to debug.h's. */
static void build_target_xml(struct gdbstub *g)
{
    g->xml_len = 0;
    bool ok = xml_add(g, "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
                         "<target version=\"1.0\">\n<architecture>riscv:rv64</architecture>\n"
                         "<feature name=\"org.gnu.gdb.riscv.cpu\">\n");
    for (unsigned i = 0; i < 32 && ok; i++) {
        const char *type = i == 1 ? "code_ptr" : (i == 2 || i == 3 || i == 4 || i == 8) ? "data_ptr" : "int";
        ok = xml_add(g, "<reg name=\"%s\" bitsize=\"64\" type=\"%s\" regnum=\"%u\"/>\n", xreg_names[i], type, i);
    }
    ok = ok && xml_add(g, "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\" regnum=\"%d\"/>\n</feature>\n",
                       VDBG_REG_PC);
    if (ok && has_fpu(g)) {
        ok = xml_add(g, "<feature name=\"org.gnu.gdb.riscv.fpu\">\n<union id=\"riscv_double\">"
                        "<field name=\"float\" type=\"ieee_single\"/><field name=\"double\" type=\"ieee_double\"/>"
                        "</union>\n");
        for (unsigned i = 0; i < 32 && ok; i++)
            ok = xml_add(g, "<reg name=\"%s\" bitsize=\"64\" type=\"riscv_double\" regnum=\"%u\"/>\n", vdbg_reg_name(VDBG_REG_F0 + i, NULL, 0),
                         VDBG_REG_F0 + i);
        static const char *const fcsr_names[] = { "fflags", "frm", "fcsr" };
        for (unsigned i = 0; i < 3 && ok; i++)
            ok = xml_add(g, "<reg name=\"%s\" bitsize=\"32\" type=\"int\" regnum=\"%u\"/>\n", fcsr_names[i],
                         VDBG_REG_CSR0 + CSR_FFLAGS + i);
        ok = ok && xml_add(g, "</feature>\n");
    }
    ok = ok && xml_add(g, "<feature name=\"org.gnu.gdb.riscv.csr\">\n");
    for (size_t i = 0; i < sizeof(csr_list) / sizeof(csr_list[0]) && ok; i++) {
        uint64_t v;
        if (vdbg_reg_read(g->m, 0, VDBG_REG_CSR0 + csr_list[i].csr, &v)) continue;
        ok = xml_add(g, "<reg name=\"%s\" bitsize=\"64\" type=\"int\" regnum=\"%u\"/>\n", csr_list[i].name,
                     VDBG_REG_CSR0 + csr_list[i].csr);
    }
    ok = ok && xml_add(g, "</feature>\n<feature name=\"org.gnu.gdb.riscv.virtual\">\n"
                          "<reg name=\"priv\" bitsize=\"64\" type=\"int\" regnum=\"%d\"/>\n</feature>\n</target>\n",
                       VDBG_REG_PRIV);
    if (!ok) g->xml_len = 0;   /* cannot happen with GDB_XML_MAX; gdb then falls back to its default */
}

/* The size in bytes of a register in the target description, 0 when it is not there. */
static unsigned reg_size(struct gdbstub *g, unsigned reg)
{
    if (reg <= VDBG_REG_PC || reg == VDBG_REG_PRIV) return 8;
    bool fpu = has_fpu(g);
    if (reg < VDBG_REG_CSR0) return fpu ? 8 : 0;
    unsigned csr = reg - VDBG_REG_CSR0;
    if (csr >= CSR_FFLAGS && csr <= CSR_FCSR) return fpu ? 4 : 0;
    for (size_t i = 0; i < sizeof(csr_list) / sizeof(csr_list[0]); i++)
        if (csr_list[i].csr == csr) return 8;
    return 0;
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

static const char *error_code(int rc)
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
        reply(g, GDB_EBADPKT);
        return;
    }
    if (type > 4) {
        reply(g, "");   /* unsupported type */
        return;
    }
    struct gdb_point *pt = find_point(g, (int)type, addr, len);
    if (!insert) {
        if (pt) {
            vdbg_delete(g->m, pt->id);
            pt->id = 0;
        }
        reply(g, "OK");   /* removing what is not there succeeds: the packets are idempotent */
        return;
    }
    if (pt) {
        reply(g, "OK");
        return;
    }
    struct gdb_point *slot = NULL;
    for (int i = 0; i < GDB_MAX_POINTS && !slot; i++)
        if (!g->points[i].id) slot = &g->points[i];
    if (!slot) {
        reply(g, GDB_ENOSPC);
        return;
    }
    static const enum vdbg_watch_kind kinds[] = { [2] = VDBG_WATCH_WRITE, [3] = VDBG_WATCH_READ,
                                                  [4] = VDBG_WATCH_ACCESS };
    int id = type < 2 ? vdbg_break_add(g->m, addr, false) : vdbg_watch_add(g->m, addr, len, kinds[type], false);
    if (id < 0) {
        reply(g, error_code(id));
        return;
    }
    *slot = (struct gdb_point){ .id = id, .type = (int)type, .addr = addr, .len = len };
    reply(g, "OK");
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
static uint64_t shown_pc(struct gdbstub *g, unsigned hart)
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
        char *e = rsp_hex_le(r + n, shown_pc(g, st->hart), 8);
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
            reply(g, GDB_EINVAL);
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
            reply(g, GDB_EINVAL);
            return -1;
        }
    }
    if (st.reason == VDBG_STOP_EXITED) {
        char w[8];
        snprintf(w, sizeof(w), "W%02x", (unsigned)st.exit_code & 0xff);
        reply(g, w);
        *code = st.exit_code;
        return GDBSTUB_EXITED;
    }
    if (st.reason == VDBG_STOP_QUIT) {
        reply(g, "X0f");   /* as if terminated by SIGTERM */
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
    reply(g, g->stop_reply);
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
            reply(g, GDB_EBADPKT);
            return -1;
        }
        long tid = -1;
        if (*p == ':') {
            p++;
            if (parse_thread(g, &p, &tid)) {
                reply(g, GDB_EINVAL);
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
        reply(g, GDB_EBADPKT);
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
            reply(g, GDB_EBADPKT);
            return -1;
        }
    }
    unsigned hart = g->hart_c > 0 ? (unsigned)g->hart_c - 1 : g->hart_g;
    if (*p) {
        uint64_t addr;
        if (rsp_parse_hex(&p, &addr) || *p) {
            reply(g, GDB_EBADPKT);
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
        reply(g, rc == VDBG_ENOTSUP ? "E01" : GDB_EINVAL);
        return -1;
    }
    if (st.hart >= vdbg_harts(g->m)) st.hart = 0;
    g->hart_g = st.hart;
    if (st.history_begin) {
        char *r = g->stop_reply;
        int n = snprintf(r, sizeof(g->stop_reply), "T05replaylog:begin;thread:%x;%02x:", st.hart + 1, VDBG_REG_PC);
        char *e = rsp_hex_le(r + n, shown_pc(g, st.hart), 8);
        e[0] = ';';
        e[1] = 0;
    } else {
        format_stop(g, &st);
    }
    reply(g, g->stop_reply);
    return -1;
}

/* ---------------------------------------------------------------- registers and memory */

static void handle_read_registers(struct gdbstub *g)
{
    char *r = g->reply;
    for (unsigned i = 0; i < GDB_G_REGS; i++) {
        uint64_t v = 0;
        if (i == VDBG_REG_PC) {
            r = rsp_hex_le(r, shown_pc(g, g->hart_g), 8);
        } else if (vdbg_reg_read(g->m, g->hart_g, i, &v)) {
            memset(r, 'x', 16);
            r += 16;
        } else {
            r = rsp_hex_le(r, v, 8);
        }
    }
    *r = 0;
    reply(g, g->reply);
}

/* Write a register for gdb. gdb writing back the pc it was shown keeps the hart where it is. */
static int write_register(struct gdbstub *g, unsigned reg, uint64_t value)
{
    if (reg == VDBG_REG_PC && value == shown_pc(g, g->hart_g)) {
        g->watch_hart = 0;
        return VDBG_OK;
    }
    g->watch_hart = 0;
    return vdbg_reg_write(g->m, g->hart_g, reg, value);
}

static void handle_write_registers(struct gdbstub *g, const char *p)
{
    size_t len = strlen(p);
    if (len % 16 || len / 16 > GDB_G_REGS) {
        reply(g, GDB_EBADPKT);
        return;
    }
    uint64_t v[GDB_G_REGS];
    for (size_t i = 0; i < len / 16; i++)
        if (rsp_parse_hex_le(p + 16 * i, 8, &v[i])) {
            reply(g, GDB_EBADPKT);
            return;
        }
    if (len / 16 > VDBG_REG_PC) write_register(g, VDBG_REG_PC, v[VDBG_REG_PC]);
    for (size_t i = 1; i < len / 16 && i < VDBG_REG_PC; i++) write_register(g, (unsigned)i, v[i]);
    reply(g, "OK");
}

static void handle_read_register(struct gdbstub *g, const char *p)
{
    uint64_t reg, v;
    if (rsp_parse_hex(&p, &reg) || *p || reg > UINT32_MAX) {
        reply(g, GDB_EBADPKT);
        return;
    }
    unsigned size = reg_size(g, (unsigned)reg);
    if (!size) {
        reply(g, GDB_EINVAL);
        return;
    }
    if (reg == VDBG_REG_PC) {
        *rsp_hex_le(g->reply, shown_pc(g, g->hart_g), size) = 0;
    } else if (vdbg_reg_read(g->m, g->hart_g, (unsigned)reg, &v)) {
        memset(g->reply, 'x', 2 * size);   /* unavailable */
        g->reply[2 * size] = 0;
    } else {
        *rsp_hex_le(g->reply, v, size) = 0;
    }
    reply(g, g->reply);
}

static void handle_write_register(struct gdbstub *g, const char *p)
{
    uint64_t reg, v;
    if (rsp_parse_hex(&p, &reg) || *p++ != '=' || reg > UINT32_MAX) {
        reply(g, GDB_EBADPKT);
        return;
    }
    unsigned size = reg_size(g, (unsigned)reg);
    if (!size) {
        reply(g, GDB_EINVAL);
        return;
    }
    if (strlen(p) != 2 * size || rsp_parse_hex_le(p, size, &v)) {
        reply(g, GDB_EBADPKT);
        return;
    }
    int rc = write_register(g, (unsigned)reg, v);
    reply(g, rc ? error_code(rc) : "OK");
}

/* ADDR,LEN then the given separator. */
static int parse_addr_len(const char **p, uint64_t *addr, uint64_t *len, char sep)
{
    if (rsp_parse_hex(p, addr) || *(*p)++ != ',' || rsp_parse_hex(p, len)) return -1;
    if (sep && *(*p)++ != sep) return -1;
    if (!sep && **p) return -1;
    return 0;
}

/* m ADDR,LEN: as many bytes as are readable from ADDR (a partial reply stops at the first page
 * that cannot be read), E14 when none is. */
static void handle_read_memory(struct gdbstub *g, const char *p)
{
    uint64_t addr, len;
    if (parse_addr_len(&p, &addr, &len, 0)) {
        reply(g, GDB_EBADPKT);
        return;
    }
    if (len > GDB_REPLY_MAX / 2) len = GDB_REPLY_MAX / 2;
    size_t done = 0;
    while (done < len) {
        uint64_t a = addr + done;
        size_t chunk = 4096 - (size_t)(a & 0xfff);
        if (chunk > len - done) chunk = (size_t)(len - done);
        if (vdbg_mem_read(g->m, g->hart_g, a, false, g->data + done, chunk)) break;
        done += chunk;
    }
    if (done == 0 && len > 0) {
        reply(g, GDB_EFAULT);
        return;
    }
    *rsp_hex_encode(g->reply, g->data, done) = 0;
    reply(g, g->reply);
}

static void write_memory(struct gdbstub *g, uint64_t addr, const uint8_t *data, size_t len)
{
    int rc = len ? vdbg_mem_write(g->m, g->hart_g, addr, false, data, len) : 0;
    reply(g, rc ? GDB_EFAULT : "OK");
}

/* M ADDR,LEN:HEX */
static void handle_write_memory(struct gdbstub *g, const char *p)
{
    uint64_t addr, len;
    if (parse_addr_len(&p, &addr, &len, ':') || len > sizeof(g->data) || strlen(p) != 2 * len ||
        rsp_hex_decode(g->data, p, (size_t)len)) {
        reply(g, GDB_EBADPKT);
        return;
    }
    write_memory(g, addr, g->data, (size_t)len);
}

/* X ADDR,LEN:BINARY (escaped). The payload is binary: work on the raw packet bytes. */
static void handle_write_binary(struct gdbstub *g, const uint8_t *pkt, size_t pkt_len)
{
    const char *p = (const char *)pkt + 1;
    uint64_t addr, len;
    if (parse_addr_len(&p, &addr, &len, ':')) {
        reply(g, GDB_EBADPKT);
        return;
    }
    size_t off = (size_t)((const uint8_t *)p - pkt);
    size_t n = rsp_unescape(g->data, pkt + off, pkt_len - off);
    if (n == (size_t)-1 || n != len) {
        reply(g, GDB_EBADPKT);
        return;
    }
    write_memory(g, addr, g->data, n);
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

static void handle_xfer_features(struct gdbstub *g, const char *p)
{
    const char *colon = strchr(p, ':');
    uint64_t off, len;
    if (!colon || (size_t)(colon - p) != strlen("target.xml") || strncmp(p, "target.xml", 10)) {
        reply(g, "E00");   /* no such annex */
        return;
    }
    p = colon + 1;
    if (parse_addr_len(&p, &off, &len, 0) || !g->xml_len) {
        reply(g, GDB_EBADPKT);
        return;
    }
    if (off >= g->xml_len) {
        reply(g, "l");
        return;
    }
    size_t n = g->xml_len - (size_t)off;
    if (n > len) n = (size_t)len;
    if (n > GDB_REPLY_MAX - 1) n = GDB_REPLY_MAX - 1;
    g->reply[0] = (size_t)off + n < g->xml_len ? 'm' : 'l';
    memcpy(g->reply + 1, g->xml + off, n);
    send_packet(g, g->reply, n + 1, true);
}

/* gdb's `monitor CMD`: savevm and loadvm here (loadvm also forgets a pending watchpoint stop), every
 * other REPL command through repl_monitor; output (lines ending in '\n') goes through monitor_out. */
static void monitor_out(struct gdbstub *g, const char *text)
{
    /* An O packet per piece: "O" and the text in hex. */
    size_t len = strlen(text);
    while (len > 0) {
        size_t n = len < (GDB_REPLY_MAX - 1) / 2 ? len : (GDB_REPLY_MAX - 1) / 2;
        g->reply[0] = 'O';
        *rsp_hex_encode(g->reply + 1, text, n) = 0;
        reply(g, g->reply);
        text += n;
        len -= n;
    }
}

static void monitor_snapshot(struct gdbstub *g, const char *arg, bool load)
{
    char out[1024];
    if (!arg[0]) {
        monitor_out(g, load ? "usage: monitor loadvm FILE\n" : "usage: monitor savevm FILE\n");
        return;
    }
    if (load ? monitor_loadvm(g->m, arg, out, sizeof(out)) == 0 : monitor_savevm(g->m, arg, out, sizeof(out)) == 0) {
        /* A pending "stopped before the watched access" pc belongs to the old state. */
        if (load) g->watch_hart = 0;
    }
    size_t n = strlen(out);
    if (n + 1 < sizeof(out)) out[n] = '\n', out[n + 1] = 0;
    monitor_out(g, out);
}

static void monitor_savevm_cmd(struct gdbstub *g, const char *arg) { monitor_snapshot(g, arg, false); }
static void monitor_loadvm_cmd(struct gdbstub *g, const char *arg) { monitor_snapshot(g, arg, true); }

static const struct {
    const char *name;
    void (*run)(struct gdbstub *g, const char *arg);
} monitor_commands[] = {
    { "savevm", monitor_savevm_cmd },
    { "loadvm", monitor_loadvm_cmd },
};

static void handle_rcmd(struct gdbstub *g, const char *hex)
{
    char cmd[512];
    size_t len = strlen(hex);
    if (len % 2 || len / 2 >= sizeof(cmd) || rsp_hex_decode(cmd, hex, len / 2)) {
        reply(g, GDB_EBADPKT);
        return;
    }
    cmd[len / 2] = 0;
    char full[sizeof(cmd)];
    memcpy(full, cmd, len / 2 + 1);
    char *word = cmd;
    while (*word == ' ' || *word == '\t') word++;
    char *arg = word + strcspn(word, " \t");
    if (*arg) *arg++ = 0;
    while (*arg == ' ' || *arg == '\t') arg++;
    size_t end = strlen(arg);
    while (end && (arg[end - 1] == ' ' || arg[end - 1] == '\t')) arg[--end] = 0;
    size_t i = 0;
    while (i < sizeof(monitor_commands) / sizeof(monitor_commands[0]) && strcmp(word, monitor_commands[i].name)) i++;
    if (i == sizeof(monitor_commands) / sizeof(monitor_commands[0])) {
        /* Any other REPL command, on gdb's selected thread (docs/debugging.md). */
        char *text = repl_monitor(g->m, g->hart_g, full);
        monitor_out(g, text ? text : "out of memory\n");
        free(text);
    } else {
        monitor_commands[i].run(g, arg);
    }
    reply(g, "OK");
}

static void handle_query(struct gdbstub *g, const char *p)
{
    char *r = g->reply;
    if (starts(p, "qSupported")) {
        const char *features = p[10] == ':' ? p + 11 : "";
        g->swbreak = has_feature(features, "swbreak+");
        g->hwbreak = has_feature(features, "hwbreak+");
        snprintf(r, GDB_REPLY_MAX, "PacketSize=%x;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+;ReverseStep+;ReverseContinue+",
                 RSP_PACKET_MAX);
        reply(g, r);
    } else if (starts(p, "qXfer:features:read:")) {
        handle_xfer_features(g, p + strlen("qXfer:features:read:"));
    } else if (!strcmp(p, "qfThreadInfo")) {
        int n = snprintf(r, GDB_REPLY_MAX, "m");
        for (unsigned i = 0; i < vdbg_harts(g->m); i++)
            n += snprintf(r + n, GDB_REPLY_MAX - (size_t)n, i ? ",%x" : "%x", i + 1);
        reply(g, r);
    } else if (!strcmp(p, "qsThreadInfo")) {
        reply(g, "l");
    } else if (!strcmp(p, "qC")) {
        snprintf(r, GDB_REPLY_MAX, "QC%x", g->hart_g + 1);
        reply(g, r);
    } else if (starts(p, "qThreadExtraInfo,")) {
        const char *q = p + strlen("qThreadExtraInfo,");
        long tid;
        if (parse_thread(g, &q, &tid) || tid <= 0 || *q) {
            reply(g, GDB_EINVAL);
            return;
        }
        uint64_t priv = 3;
        vdbg_reg_read(g->m, (unsigned)tid - 1, VDBG_REG_PRIV, &priv);
        static const char *const modes[] = { "U-mode", "S-mode", "?", "M-mode" };
        char text[64];
        int n = snprintf(text, sizeof(text), "hart %ld, %s", tid - 1, modes[priv & 3]);
        *rsp_hex_encode(r, text, (size_t)n) = 0;
        reply(g, r);
    } else if (!strcmp(p, "qAttached") || starts(p, "qAttached:")) {
        reply(g, "1");   /* attached to a running machine: quitting gdb detaches */
    } else if (starts(p, "qSymbol")) {
        reply(g, "OK");
    } else if (starts(p, "qRcmd,")) {
        handle_rcmd(g, p + strlen("qRcmd,"));
    } else {
        reply(g, "");    /* qOffsets, qTStatus, ...: not supported */
    }
}

/* ---------------------------------------------------------------- dispatch */

/* One packet: -1 to keep serving, or how the session ended. */
static int handle_packet(struct gdbstub *g, const uint8_t *pkt, size_t len, int *code)
{
    const char *p = (const char *)pkt;
    if (len == 0) {
        reply(g, "");
        return -1;
    }
    /* Only X carries binary data; a NUL elsewhere is malformed. */
    if (p[0] != 'X' && strlen(p) != len) {
        reply(g, GDB_EBADPKT);
        return -1;
    }
    switch (p[0]) {
    case '?': reply(g, g->stop_reply); return -1;
    case 'g': handle_read_registers(g); return -1;
    case 'G': handle_write_registers(g, p + 1); return -1;
    case 'p': handle_read_register(g, p + 1); return -1;
    case 'P': handle_write_register(g, p + 1); return -1;
    case 'm': handle_read_memory(g, p + 1); return -1;
    case 'M': handle_write_memory(g, p + 1); return -1;
    case 'X': handle_write_binary(g, pkt, len); return -1;
    case 'Z': handle_point(g, p + 1, true); return -1;
    case 'z': handle_point(g, p + 1, false); return -1;
    case 'c':
    case 'C':
    case 's':
    case 'S': return handle_legacy_resume(g, p, code);
    case 'b':
        if ((p[1] == 's' || p[1] == 'c') && !p[2]) return handle_reverse(g, p[1]);
        reply(g, "");
        return -1;
    case 'H': {
        const char *q = p + 2;
        long tid;
        if ((p[1] != 'g' && p[1] != 'c') || parse_thread(g, &q, &tid) || *q) {
            reply(g, GDB_EINVAL);
            return -1;
        }
        if (p[1] == 'g' && tid > 0) g->hart_g = (unsigned)tid - 1;
        if (p[1] == 'c') g->hart_c = tid > 0 ? (int)tid : -1;
        reply(g, "OK");
        return -1;
    }
    case 'T': {
        const char *q = p + 1;
        long tid;
        reply(g, parse_thread(g, &q, &tid) || tid <= 0 || *q ? GDB_EINVAL : "OK");
        return -1;
    }
    case 'D':
        clear_points(g);
        reply(g, "OK");
        return GDBSTUB_DETACHED;
    case 'k': return GDBSTUB_KILLED;   /* no reply */
    case 'q': handle_query(g, p); return -1;
    case 'v':
        if (!strcmp(p, "vCont?")) reply(g, "vCont;c;C;s;S");
        else if (starts(p, "vCont;")) return handle_vcont(g, p + 5, code);
        else if (starts(p, "vKill")) {
            reply(g, "OK");
            return GDBSTUB_KILLED;
        } else reply(g, "");   /* vMustReplyEmpty, vFile, vRun, ... */
        return -1;
    default: reply(g, ""); return -1;   /* not supported */
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
    build_target_xml(g);
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
            reply(g, GDB_EBADPKT);
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
