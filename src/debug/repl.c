/* The debugger REPL: one-screen commands (Spike's interactive mode, gdb's names) over the debug API
 * (include/vhart/debug.h), read with GNU readline; register names and fields follow priv spec 1.12. */
#include "repl.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cpu/csr.h"
#include "cpu/hart.h"
#include "cpu/isa.h"
#include "debug/disasm.h"
#include "debug/monitor.h"
#include "host/console.h"
#include "host/png_write.h"
#include "util/endian.h"

#define REPL_PROMPT "(vhart) "
#define REPL_HISTORY_FILE ".vhart_history"
#define REPL_HISTORY_MAX 1000
#define REPL_MAX_ARGS 16
#define REPL_STEP_PRINT_MAX 200      /* step N prints every step up to this N, then only the last */
#define REPL_X_DEFAULT 64
#define REPL_X_MAX (1u << 20)
#define REPL_DISAS_DEFAULT 10
#define REPL_WATCH_DEFAULT_LEN 8
#define REPL_MAX_POINTS 256

/* What a command asks the loop to do next. */
enum cmd_result { CMD_STAY, CMD_CONTINUE, CMD_QUIT };

static struct {
    struct machine *m;
    bool ready;              /* repl_init ran */
    bool use_readline;       /* stdin is a terminal */
    bool in_readline;        /* inside readline(): SIGINT clears the line */
    bool running;            /* inside a step/next/until: SIGINT asks the machine to stop */
    bool exited;             /* the machine powered off */
    int exit_code;
    unsigned hart;           /* the selected hart */
    uint32_t ext;            /* extensions to disassemble */
    char history[4096];      /* the history file ("" when $HOME is unknown) */
    char last[256];          /* the step/next line an empty line repeats */
} R;

static volatile sig_atomic_t sigint_seen;

/* ------------------------------------------------------------------------------------------------
 * Output helpers
 */

/* One-line error (commands return CMD_STAY after it). */
static enum cmd_result fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    return CMD_STAY;
}

/* "0x80200000 <symbol+0x10>", or just the number when no symbol covers it. */
static const char *fmt_addr(uint64_t a, char *buf, size_t len)
{
    uint64_t off = 0;
    const char *sym = vdbg_symbol_at(R.m, a, &off);
    if (!sym) snprintf(buf, len, "0x%" PRIx64, a);
    else if (off == 0) snprintf(buf, len, "0x%" PRIx64 " <%s>", a, sym);
    else snprintf(buf, len, "0x%" PRIx64 " <%s+0x%" PRIx64 ">", a, sym, off);
    return buf;
}

static const char *priv_letter(uint64_t p)
{
    return p == PRV_M ? "M" : p == PRV_S ? "S" : p == PRV_U ? "U" : "?";
}

static const char *priv_word(uint64_t p)
{
    return p == PRV_M ? "machine" : p == PRV_S ? "supervisor" : p == PRV_U ? "user" : "unknown";
}

static const char *size_text(uint64_t size, char *buf, size_t len)
{
    if (size >= (1ull << 30) && size % (1ull << 30) == 0) snprintf(buf, len, "%" PRIu64 " GiB", size >> 30);
    else if (size >= (1ull << 20) && size % (1ull << 20) == 0) snprintf(buf, len, "%" PRIu64 " MiB", size >> 20);
    else if (size % 1024 == 0) snprintf(buf, len, "%" PRIu64 " KiB", size >> 10);
    else snprintf(buf, len, "%" PRIu64 " bytes", size);
    return buf;
}

static const char *vdbg_error(int rc)
{
    switch (rc) {
    case VDBG_EINVAL: return "invalid argument";
    case VDBG_EFAULT: return "not mapped, or not RAM";
    case VDBG_ENOSPC: return "too many breakpoints and watchpoints";
    case VDBG_ENOENT: return "no such item";
    default: return "failed";
    }
}

/* Guest output buffered by the console comes out before ours. */
static void flush_guest_output(void)
{
    const struct vhart_console *c = console_backend();
    if (c && c->flush) c->flush(c->opaque);
}

/* ------------------------------------------------------------------------------------------------
 * Names: registers, causes, interrupts
 */

/* ABI register names come from the debug API (vdbg_reg_name), the one table vhart keeps. */
static const char *x_abi(unsigned i) { return vdbg_reg_name(i, NULL, 0); }
static const char *f_abi(unsigned i) { return vdbg_reg_name(VDBG_REG_F0 + i, NULL, 0); }

/* Causes in words: the library's table (privileged spec table 3.6). */
static const char *exception_name(uint64_t code) { return vhart_cause_name(code); }
static const char *interrupt_name(uint64_t code) { return vhart_cause_name(code | CAUSE_INTERRUPT); }

static const char *satp_mode_name(unsigned mode)
{
    switch (mode) {
    case 0: return "Bare";
    case 8: return "Sv39";
    case 9: return "Sv48";
    case 10: return "Sv57";
    default: return "reserved";
    }
}

/* ------------------------------------------------------------------------------------------------
 * Expressions: ADDR := [*] term { (+|-) term }, term := 0xHEX | DECIMAL | SYMBOL | $REG
 */

static bool is_sym_start(int c) { return isalpha(c) || c == '_' || c == '.'; }
static bool is_sym_char(int c) { return isalnum(c) || c == '_' || c == '.' || c == '$'; }

static int eval_term(const char **pp, uint64_t *out)
{
    const char *p = *pp;
    char name[256];
    size_t n = 0;
    if (*p == '$') {
        p++;
        while ((isalnum((unsigned char)*p) || *p == '_') && n < sizeof(name) - 1) name[n++] = *p++;
        name[n] = 0;
        if (!n) return fail("expected a register name after $"), -1;
        int reg = vdbg_reg_number(name);
        if (reg < 0) return fail("no register $%s", name), -1;
        int rc = vdbg_reg_read(R.m, R.hart, (unsigned)reg, out);
        if (rc) return fail("cannot read $%s: %s", name, vdbg_error(rc)), -1;
    } else if (isdigit((unsigned char)*p)) {
        int base = 10;
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            base = 16;
            p += 2;
        }
        const char *start = p;
        while (isxdigit((unsigned char)*p) || is_sym_char((unsigned char)*p)) p++;
        n = (size_t)(p - start);
        if (n == 0 || n >= sizeof(name)) return fail("bad number \"%.*s\"", (int)(p - *pp), *pp), -1;
        memcpy(name, start, n);
        name[n] = 0;
        char *end;
        errno = 0;
        *out = strtoull(name, &end, base);
        if (errno || *end) return fail("bad number \"%.*s\"", (int)(p - *pp), *pp), -1;
    } else if (is_sym_start((unsigned char)*p)) {
        while (is_sym_char((unsigned char)*p) && n < sizeof(name) - 1) name[n++] = *p++;
        name[n] = 0;
        if (vdbg_symbol_lookup(R.m, name, out)) return fail("no symbol \"%s\"", name), -1;
    } else {
        return fail("cannot parse \"%s\"", *pp), -1;
    }
    *pp = p;
    return 0;
}

/* Evaluate an address or number; prints one line and returns -1 on error. Addresses wrap modulo
 * 2^64 ($sp-8, -1); *exact (if not NULL) tells whether the value is the true one, neither negative
 * nor past 2^64-1 (counts and indices need that: "s -1" is not 2^64-1 steps). */
static int eval_exact(const char *s, uint64_t *out, bool *exact)
{
    const char *p = s;
    if (*p == '*') p++;   /* gdb's "b *0x80000000" */
    uint64_t plus = 0, minus = 0, v;   /* sums of the added and subtracted terms */
    bool overflow = false;
    int sign = 1;
    if (*p == '-') {
        sign = -1;
        p++;
    } else if (*p == '+') {
        p++;
    }
    for (;;) {
        if (eval_term(&p, &v)) return -1;
        uint64_t *sum = sign > 0 ? &plus : &minus;
        if (*sum + v < *sum) overflow = true;
        *sum += v;
        if (*p == 0) break;
        if (*p == '+') sign = 1;
        else if (*p == '-') sign = -1;
        else return fail("cannot parse \"%s\" at \"%s\"", s, p), -1;
        p++;
    }
    *out = plus - minus;
    if (exact) *exact = !overflow && minus <= plus;
    return 0;
}

static int eval(const char *s, uint64_t *out) { return eval_exact(s, out, NULL); }

/* A count or an index: a whole number from min to max, nothing negative or wrapped. */
static int eval_range(const char *s, uint64_t *out, uint64_t min, uint64_t max, const char *what)
{
    bool exact;
    if (eval_exact(s, out, &exact)) return -1;
    if (!exact || *out < min || *out > max) {
        if (max == UINT64_MAX) return fail("%s must be a positive number", what), -1;
        return fail("%s must be %" PRIu64 " to %" PRIu64, what, min, max), -1;
    }
    return 0;
}

static int eval_count(const char *s, uint64_t *out, uint64_t max, const char *what)
{
    return eval_range(s, out, 1, max, what);
}

/* ------------------------------------------------------------------------------------------------
 * Instructions and locations
 */

static const char *symbolize(void *ctx, uint64_t addr, uint64_t *offset)
{
    (void)ctx;
    return vdbg_symbol_at(R.m, addr, offset);
}

/* Read the instruction at a virtual address of the selected hart: its length (2 or 4), 0 on failure. */
static unsigned read_insn(unsigned hart, uint64_t pc, uint32_t *raw)
{
    uint8_t b[2];   /* guest bytes: little-endian whatever the host's order */
    if (vdbg_mem_read(R.m, hart, pc, false, b, 2)) return 0;
    uint32_t lo = le_load16(b);
    if ((lo & 3) != 3) {
        *raw = lo;
        return 2;
    }
    if (vdbg_mem_read(R.m, hart, pc + 2, false, b, 2)) return 0;
    *raw = lo | (uint32_t)le_load16(b) << 16;
    return 4;
}

/* "addi\tsp,sp,-16" -> "addi    sp,sp,-16" */
static void insn_text(uint64_t pc, uint32_t raw, char *out, size_t len)
{
    char tmp[256];
    disasm_insn(pc, raw, R.ext, tmp, sizeof(tmp), symbolize, NULL);
    char *tab = strchr(tmp, '\t');
    if (tab) {
        *tab = 0;
        snprintf(out, len, "%-7s %s", tmp, tab + 1);
    } else {
        snprintf(out, len, "%s", tmp);
    }
}

/* One line: marker, address <symbol+offset>, encoding, disassembly. Returns the length or 0. */
static unsigned print_insn_line(unsigned hart, const char *marker, uint64_t pc)
{
    char where[320], text[320], hex[16];
    uint32_t raw;
    unsigned n = read_insn(hart, pc, &raw);
    fmt_addr(pc, where, sizeof(where));
    if (!n) {
        printf("%s%s:  <cannot read memory>\n", marker, where);
        return 0;
    }
    snprintf(hex, sizeof(hex), n == 4 ? "%08" PRIx32 : "%04" PRIx32, raw);
    insn_text(pc, raw, text, sizeof(text));
    printf("%s%s:  %-8s  %s\n", marker, where, hex, text);
    return n;
}

static uint64_t hart_pc(unsigned hart)
{
    uint64_t pc = 0;
    vdbg_reg_read(R.m, hart, VDBG_REG_PC, &pc);
    return pc;
}

static uint64_t hart_priv(unsigned hart)
{
    uint64_t p = 0;
    vdbg_reg_read(R.m, hart, VDBG_REG_PRIV, &p);
    return p;
}

static void print_where(unsigned hart)
{
    print_insn_line(hart, "", hart_pc(hart));
}

static const char *watch_kind_name(enum vdbg_watch_kind k)
{
    return k == VDBG_WATCH_READ ? "read" : k == VDBG_WATCH_WRITE ? "write" : "access";
}

static bool find_point(int id, struct vdbg_point *out)
{
    struct vdbg_point pts[REPL_MAX_POINTS];
    int n = vdbg_list(R.m, pts, REPL_MAX_POINTS);
    for (int i = 0; i < n && i < REPL_MAX_POINTS; i++)
        if (pts[i].id == id) {
            *out = pts[i];
            return true;
        }
    return false;
}

/* "= 0x0000000000000001 (1)" for up to 8 bytes, the bytes for more. */
static void print_value(unsigned hart, uint64_t addr, uint64_t len, bool physical)
{
    uint8_t buf[16];
    uint64_t n = len < sizeof(buf) ? len : sizeof(buf);
    if (vdbg_mem_read(R.m, hart, addr, physical, buf, (size_t)n)) {
        printf("<cannot read memory>");
        return;
    }
    if (len <= 8) {
        uint64_t v = 0;
        for (uint64_t i = 0; i < n; i++) v |= (uint64_t)buf[i] << (8 * i);
        printf("0x%0*" PRIx64 " (%" PRIu64 ")", (int)(2 * n), v, v);
    } else {
        for (uint64_t i = 0; i < n; i++) printf("%s%02x", i ? " " : "", buf[i]);
        if (len > n) printf(" ...");
    }
}

/* A trap the hart took: "trap: machine timer interrupt, mepc=0x... <sym>, -> 0x... <m_vector>"
 * (exceptions add "mtval=0x..." before the arrow). */
static void print_trap(const struct vdbg_trap *t)
{
    char a[320], b[320];
    const char *x = t->priv == 3 ? "m" : "s";
    printf("trap: %s, %sepc=%s, ", vhart_cause_name(t->cause), x, fmt_addr(t->epc, a, sizeof(a)));
    if (!(t->cause & CAUSE_INTERRUPT)) printf("%stval=0x%" PRIx64 ", ", x, t->tval);
    printf("-> %s\n", fmt_addr(t->vector, b, sizeof(b)));
}

/* Print why and where the machine stopped. Returns CMD_QUIT for a quit from the console. */
static enum cmd_result report_stop(const struct vdbg_stop *s)
{
    char a[320], b[320];
    flush_guest_output();
    if (s->reason != VDBG_STOP_EXITED && s->reason != VDBG_STOP_QUIT && s->hart < vdbg_harts(R.m) &&
        s->hart != R.hart) {
        R.hart = s->hart;
        printf("[switching to hart %u]\n", R.hart);
    }
    switch (s->reason) {
    case VDBG_STOP_STEP:
        if (s->trapped) print_trap(&s->trap);
        print_where(s->hart);
        break;
    case VDBG_STOP_TRAP_STORM:
        printf("hart %u is stuck in a trap loop: %s at pc 0x%" PRIx64 " (tval 0x%" PRIx64 "), trap vector 0x%" PRIx64 "\n",
               s->hart, vhart_cause_name(s->trap.cause), s->trap.epc, s->trap.tval, s->trap.vector);
        print_where(s->hart);
        break;
    case VDBG_STOP_BREAKPOINT:
        if (s->id > 0)
            printf("Breakpoint %d, hart %u (%s-mode) at %s\n", s->id, s->hart, priv_letter(hart_priv(s->hart)),
                   fmt_addr(hart_pc(s->hart), a, sizeof(a)));
        print_where(s->hart);   /* id 0: the temporary breakpoint of until/next, shown like a step */
        break;
    case VDBG_STOP_WATCHPOINT: {
        struct vdbg_point p;
        bool known = find_point(s->id, &p);
        printf("Watchpoint %d (%s), hart %u (%s-mode) %s %s\n", s->id, known ? watch_kind_name(p.kind) : "?",
               s->hart, priv_letter(hart_priv(s->hart)), s->write ? "wrote" : "read", fmt_addr(s->addr, a, sizeof(a)));
        if (known) {
            printf("  [%s%s, %" PRIu64 " byte%s] = ", fmt_addr(p.addr, b, sizeof(b)), p.physical ? " phys" : "",
                   p.len, p.len == 1 ? "" : "s");
            print_value(s->hart, p.addr, p.len, p.physical);
            putchar('\n');
        }
        print_where(s->hart);
        break;
    }
    case VDBG_STOP_REQUESTED:
        printf("Stopped, hart %u (%s-mode) at %s\n", s->hart, priv_letter(hart_priv(s->hart)),
               fmt_addr(hart_pc(s->hart), a, sizeof(a)));
        print_where(s->hart);
        break;
    case VDBG_STOP_EXITED:
        R.exited = true;
        R.exit_code = s->exit_code;
        printf("The machine powered off, exit code %d.\n", s->exit_code);
        break;
    case VDBG_STOP_QUIT:
        if (console_debug_requested()) {   /* Ctrl-A c while stepping: just stop */
            printf("Stopped, hart %u (%s-mode) at %s\n", R.hart, priv_letter(hart_priv(R.hart)),
                   fmt_addr(hart_pc(R.hart), a, sizeof(a)));
            print_where(R.hart);
            break;
        }
        if (!console_pending_signal()) printf("Quit from the console.\n");   /* else SIGTERM/SIGINT: just end */
        return CMD_QUIT;
    }
    return CMD_STAY;
}

/* Around anything that runs the guest: the terminal goes back to the console (raw), our output first. */
static void run_begin(void)
{
    fflush(stdout);
    console_resume();
    R.running = true;
}

static void run_end(void)
{
    R.running = false;
    flush_guest_output();
    console_pause();
}

static bool refuse_if_exited(void)
{
    if (!R.exited) return false;
    fail("The machine has powered off (exit code %d): nothing runs any more; quit to leave.", R.exit_code);
    return true;
}

/* ------------------------------------------------------------------------------------------------
 * CSR decoding
 */

static int appendf(char *buf, size_t len, int o, const char *fmt, ...)
{
    if (o < 0 || (size_t)o >= len) return o;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + o, len - (size_t)o, fmt, ap);
    va_end(ap);
    return n < 0 ? o : o + n;
}

static void decode_status(uint64_t v, bool machine, char *buf, size_t len)
{
    static const char *const fs[] = { "Off", "Initial", "Clean", "Dirty" };
    int o = 0;
    if (machine) o = appendf(buf, len, o, "MIE=%d ", (int)!!(v & MSTATUS_MIE));
    o = appendf(buf, len, o, "SIE=%d ", (int)!!(v & MSTATUS_SIE));
    if (machine) o = appendf(buf, len, o, "MPIE=%d ", (int)!!(v & MSTATUS_MPIE));
    o = appendf(buf, len, o, "SPIE=%d ", (int)!!(v & MSTATUS_SPIE));
    if (machine) o = appendf(buf, len, o, "MPP=%s ", priv_letter((v & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT));
    o = appendf(buf, len, o, "SPP=%s FS=%s SUM=%d MXR=%d", (v & MSTATUS_SPP) ? "S" : "U",
                fs[(v & MSTATUS_FS) >> MSTATUS_FS_SHIFT], (int)!!(v & MSTATUS_SUM), (int)!!(v & MSTATUS_MXR));
    if (machine)
        o = appendf(buf, len, o, " MPRV=%d TVM=%d TW=%d TSR=%d", (int)!!(v & MSTATUS_MPRV), (int)!!(v & MSTATUS_TVM),
                    (int)!!(v & MSTATUS_TW), (int)!!(v & MSTATUS_TSR));
    appendf(buf, len, o, " SD=%d", (int)!!(v & MSTATUS_SD));
}

/* mip/mie/sip/sie: each interrupt by name (SSIP/SSIE ...), S-level ones only for sip/sie. */
static void decode_irqs(uint64_t v, bool machine, const char *suffix, char *buf, size_t len)
{
    static const struct { unsigned bit; const char *name; bool m; } irqs[] = {
        { IRQ_S_SOFT, "SS", false }, { IRQ_M_SOFT, "MS", true }, { IRQ_S_TIMER, "ST", false },
        { IRQ_M_TIMER, "MT", true }, { IRQ_S_EXT, "SE", false }, { IRQ_M_EXT, "ME", true },
        { 13, "LCOF", false },
    };
    int o = 0;
    uint64_t known = 0;
    for (size_t i = 0; i < sizeof(irqs) / sizeof(irqs[0]); i++) {
        if (irqs[i].m && !machine) continue;
        known |= 1ull << irqs[i].bit;
        o = appendf(buf, len, o, "%s%sI%s=%d", o ? " " : "", irqs[i].name, suffix, (int)((v >> irqs[i].bit) & 1));
    }
    if (v & ~known) appendf(buf, len, o, " other=0x%" PRIx64, v & ~known);
}

/* Decoded fields of a CSR value, or "" when there is nothing to decode. */
static void decode_csr(unsigned csr, uint64_t v, char *buf, size_t len)
{
    char a[320];
    buf[0] = 0;
    switch (csr) {
    case CSR_MSTATUS: decode_status(v, true, buf, len); break;
    case CSR_SSTATUS: decode_status(v, false, buf, len); break;
    case CSR_MIP: decode_irqs(v, true, "P", buf, len); break;
    case CSR_MIE: decode_irqs(v, true, "E", buf, len); break;
    case CSR_SIP: decode_irqs(v, false, "P", buf, len); break;
    case CSR_SIE: decode_irqs(v, false, "E", buf, len); break;
    case CSR_SATP: {
        unsigned mode = (unsigned)(v >> 60);
        uint64_t ppn = v & ((1ull << 44) - 1);
        snprintf(buf, len, "MODE=%s ASID=0x%" PRIx64 " PPN=0x%" PRIx64 " (root table at 0x%" PRIx64 ")",
                 satp_mode_name(mode), (v >> 44) & 0xffff, ppn, ppn << 12);
        break;
    }
    case CSR_MCAUSE:
    case CSR_SCAUSE: {
        uint64_t code = v & ~CAUSE_INTERRUPT;
        if (v & CAUSE_INTERRUPT) snprintf(buf, len, "interrupt %" PRIu64 ": %s", code, interrupt_name(code));
        else snprintf(buf, len, "exception %" PRIu64 ": %s", code, exception_name(code));
        break;
    }
    case CSR_MTVEC:
    case CSR_STVEC:
        snprintf(buf, len, "BASE=%s MODE=%s", fmt_addr(v & ~3ull, a, sizeof(a)),
                 (v & 3) == 0 ? "direct" : (v & 3) == 1 ? "vectored" : "reserved");
        break;
    case CSR_MEPC:
    case CSR_SEPC:
        if (vdbg_symbol_at(R.m, v, &(uint64_t){ 0 })) snprintf(buf, len, "%s", fmt_addr(v, a, sizeof(a)));
        break;
    case CSR_FCSR: {
        static const char *const rm[] = { "RNE", "RTZ", "RDN", "RUP", "RMM", "?5", "?6", "DYN" };
        snprintf(buf, len, "frm=%s fflags=%s%s%s%s%s", rm[(v >> 5) & 7], (v & 16) ? "NV " : "", (v & 8) ? "DZ " : "",
                 (v & 4) ? "OF " : "", (v & 2) ? "UF " : "", (v & 1) ? "NX" : "");
        break;
    }
    default: break;
    }
}

/* ------------------------------------------------------------------------------------------------
 * Commands
 */

struct command {
    const char *name, *alias;
    enum cmd_result (*run)(int argc, char **argv);
    const char *usage, *summary, *help;
};

static enum cmd_result cmd_step(int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 2) return fail("usage: step [N]");
    if (argc == 2 && eval_count(argv[1], &n, UINT64_MAX, "N")) return CMD_STAY;
    if (refuse_if_exited()) return CMD_STAY;
    struct vdbg_stop st;
    enum cmd_result r = CMD_STAY;
    run_begin();
    if (n <= REPL_STEP_PRINT_MAX) {
        for (uint64_t i = 0; i < n && !sigint_seen; i++) {
            int rc = vdbg_step(R.m, R.hart, 1, &st);
            flush_guest_output();
            if (rc) {
                fail("step: %s", vdbg_error(rc));
                break;
            }
            if (st.reason != VDBG_STOP_STEP) {
                r = report_stop(&st);
                break;
            }
            if (st.trapped) print_trap(&st.trap);
            print_where(R.hart);
        }
    } else {
        int rc = vdbg_step(R.m, R.hart, n, &st);
        flush_guest_output();
        if (rc) fail("step: %s", vdbg_error(rc));
        else r = report_stop(&st);
    }
    run_end();
    return r;
}

/* Whether the instruction links a return address: jal/jalr/c.jalr with rd = ra or t0. */
static bool is_call(uint32_t raw, unsigned len)
{
    if (len == 2) return (raw & 0xf07f) == 0x9002 && ((raw >> 7) & 31) != 0;   /* c.jalr rs1 */
    unsigned opcode = raw & 0x7f, rd = (raw >> 7) & 31;
    return (opcode == 0x6f || opcode == 0x67) && (rd == 1 || rd == 5);
}

static enum cmd_result run_until(uint64_t addr)
{
    struct vdbg_stop st;
    run_begin();
    int rc = vdbg_run_until(R.m, R.hart, addr, &st);
    run_end();
    if (rc) return fail("cannot run until %" PRIx64 ": %s", addr, vdbg_error(rc));
    return report_stop(&st);
}

static enum cmd_result cmd_next(int argc, char **argv)
{
    if (argc > 1) return fail("usage: next");
    (void)argv;
    if (refuse_if_exited()) return CMD_STAY;
    uint64_t pc = hart_pc(R.hart);
    uint32_t raw;
    unsigned len = read_insn(R.hart, pc, &raw);
    if (len && is_call(raw, len)) return run_until(pc + len);
    char *one[] = { "step", NULL };
    return cmd_step(1, one);
}

static enum cmd_result cmd_until(int argc, char **argv)
{
    uint64_t addr;
    if (argc != 2) return fail("usage: until ADDR");
    if (eval(argv[1], &addr)) return CMD_STAY;
    if (refuse_if_exited()) return CMD_STAY;
    return run_until(addr);
}

static enum cmd_result cmd_continue(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return fail("usage: continue");
    if (refuse_if_exited()) return CMD_STAY;
    return CMD_CONTINUE;
}

/* ---- reverse execution (vdbg_reverse_*, src/machine/history.c) ---- */

/* Why there is no history to go back in, as one line; false when there is one. */
static bool refuse_without_history(int rc)
{
    if (rc != VDBG_ENOTSUP) return false;
    struct vdbg_history hi;
    vdbg_history_info(R.m, &hi);
    fail("%s", hi.why ? hi.why : "no execution history");
    return true;
}

/* After a reverse command: where it landed, as its forward twin prints it. */
static enum cmd_result report_reverse(int rc, const char *what, const struct vdbg_stop *st)
{
    if (refuse_without_history(rc)) return CMD_STAY;
    if (rc) return fail("%s: %s", what, vdbg_error(rc));
    if (st->history_begin) printf("No more reverse-execution history.\n");
    return report_stop(st);
}

static enum cmd_result cmd_rstep(int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 2) return fail("usage: rstep [N]");
    if (argc == 2 && eval_count(argv[1], &n, UINT64_MAX, "N")) return CMD_STAY;
    struct vdbg_stop st;
    int rc = vdbg_reverse_step(R.m, R.hart, n, &st);
    if (!rc) R.exited = false;   /* back before a poweroff, the machine runs again */
    return report_reverse(rc, "rstep", &st);
}

/* Whether the instruction returns (jalr x0, 0(ra|t0), c.jr ra|t0). */
static bool is_return(uint32_t raw, unsigned len)
{
    if (len == 2) return raw == 0x8082 || raw == 0x8282;
    unsigned rs1 = (raw >> 15) & 31;
    return (raw & 0x7f) == 0x67 && ((raw >> 7) & 31) == 0 && (rs1 == 1 || rs1 == 5) && (raw >> 20) == 0;
}

static enum cmd_result cmd_rnext(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return fail("usage: rnext");
    uint64_t pc = hart_pc(R.hart), sp = 0;
    vdbg_reg_read(R.m, R.hart, 2, &sp);
    struct vdbg_stop st;
    int rc = vdbg_reverse_step(R.m, R.hart, 1, &st);
    if (rc || st.history_begin) return report_reverse(rc, "rnext", &st);
    R.exited = false;
    /* Landed on the return of a call made just before pc: go back to the call itself. */
    uint32_t raw, call;
    unsigned len = read_insn(R.hart, hart_pc(R.hart), &raw);
    if (len && is_return(raw, len)) {
        for (unsigned back = 4; back >= 2; back -= 2) {
            unsigned clen = read_insn(R.hart, pc - back, &call);
            if (clen == back && is_call(call, clen)) {
                rc = vdbg_reverse_until(R.m, R.hart, pc - back, sp, &st);
                break;
            }
        }
    }
    return report_reverse(rc, "rnext", &st);
}

static enum cmd_result cmd_rcontinue(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return fail("usage: rcontinue");
    struct vdbg_stop st;
    int rc = vdbg_reverse_continue(R.m, &st);
    if (!rc) R.exited = false;
    return report_reverse(rc, "rcontinue", &st);
}

static enum cmd_result cmd_info_record(void)
{
    struct vdbg_history hi;
    vdbg_history_info(R.m, &hi);
    if (!hi.enabled) return fail("No history: %s.", hi.why);
    printf("history: instructions %" PRIu64 "..%" PRIu64 " (%u checkpoint%s, %" PRIu64 " MiB of %" PRIu64
           " MiB, one every %" PRIu64 " instructions)\n",
           hi.first, hi.now, hi.checkpoints, hi.checkpoints == 1 ? "" : "s", (hi.bytes + (1u << 19)) >> 20,
           hi.limit >> 20, hi.interval);
    return CMD_STAY;
}

static enum cmd_result cmd_break(int argc, char **argv)
{
    uint64_t addr = hart_pc(R.hart);
    bool phys = false;
    char a[320];
    if (argc > 1 && !strcmp(argv[argc - 1], "phys")) {
        phys = true;
        argc--;
    }
    if (argc > 2) return fail("usage: break ADDR|SYMBOL [phys]");
    if (argc == 2 && eval(argv[1], &addr)) return CMD_STAY;
    int id = vdbg_break_add(R.m, addr, phys);
    if (id < 0) return fail("cannot set a breakpoint at 0x%" PRIx64 ": %s", addr, vdbg_error(id));
    printf("Breakpoint %d at %s%s\n", id, fmt_addr(addr, a, sizeof(a)), phys ? " (physical)" : "");
    return CMD_STAY;
}

static enum cmd_result cmd_watch(int argc, char **argv)
{
    enum vdbg_watch_kind kind = VDBG_WATCH_WRITE;
    bool phys = false;
    uint64_t addr, len = REPL_WATCH_DEFAULT_LEN;
    char a[320];
    int i = 1;
    if (argc > 1 && !strcmp(argv[argc - 1], "phys")) {
        phys = true;
        argc--;
    }
    if (i < argc) {
        if (!strcmp(argv[i], "r")) kind = VDBG_WATCH_READ, i++;
        else if (!strcmp(argv[i], "w")) kind = VDBG_WATCH_WRITE, i++;
        else if (!strcmp(argv[i], "rw") || !strcmp(argv[i], "a")) kind = VDBG_WATCH_ACCESS, i++;
    }
    if (argc - i < 1 || argc - i > 2) return fail("usage: watch [r|w|rw] ADDR [LEN] [phys]");
    if (eval(argv[i], &addr)) return CMD_STAY;
    if (argc - i == 2 && eval_count(argv[i + 1], &len, 1ull << 30, "LEN")) return CMD_STAY;
    int id = vdbg_watch_add(R.m, addr, len, kind, phys);
    if (id < 0) return fail("cannot watch 0x%" PRIx64 ": %s", addr, vdbg_error(id));
    printf("Watchpoint %d (%s) at %s%s, %" PRIu64 " byte%s\n", id, watch_kind_name(kind), fmt_addr(addr, a, sizeof(a)),
           phys ? " (physical)" : "", len, len == 1 ? "" : "s");
    return CMD_STAY;
}

static enum cmd_result cmd_delete(int argc, char **argv)
{
    if (argc == 1) {
        struct vdbg_point pts[REPL_MAX_POINTS];
        int n = vdbg_list(R.m, pts, REPL_MAX_POINTS);
        if (n > REPL_MAX_POINTS) n = REPL_MAX_POINTS;
        for (int i = 0; i < n; i++) vdbg_delete(R.m, pts[i].id);
        printf("Deleted all breakpoints and watchpoints (%d).\n", n);
        return CMD_STAY;
    }
    for (int i = 1; i < argc; i++) {
        uint64_t id;
        bool exact;
        if (eval_exact(argv[i], &id, &exact)) return CMD_STAY;
        if (!exact || id > INT32_MAX || vdbg_delete(R.m, (int)id)) return fail("no breakpoint or watchpoint %s", argv[i]);
        printf("Deleted %" PRIu64 ".\n", id);
    }
    return CMD_STAY;
}

static enum cmd_result cmd_info_break(void)
{
    struct vdbg_point pts[REPL_MAX_POINTS];
    char a[320], type[32], len[24];
    int n = vdbg_list(R.m, pts, REPL_MAX_POINTS);
    if (n == 0) return fail("No breakpoints or watchpoints.");
    if (n > REPL_MAX_POINTS) n = REPL_MAX_POINTS;
    printf("%-4s %-13s %-36s %6s %8s\n", "Num", "Type", "Address", "Len", "Hits");
    for (int i = 0; i < n; i++) {
        const struct vdbg_point *p = &pts[i];
        snprintf(type, sizeof(type), "%s", p->is_watch ? (p->kind == VDBG_WATCH_READ    ? "watch read"
                                                          : p->kind == VDBG_WATCH_WRITE ? "watch write"
                                                                                        : "watch access")
                                                       : "breakpoint");
        snprintf(len, sizeof(len), "%" PRIu64, p->len);
        fmt_addr(p->addr, a, sizeof(a));
        if (p->physical) strncat(a, " phys", sizeof(a) - strlen(a) - 1);
        printf("%-4d %-13s %-36s %6s %8" PRIu64 "\n", p->id, type, a, p->is_watch ? len : "", p->hits);
    }
    return CMD_STAY;
}

static enum cmd_result cmd_regs(int argc, char **argv);

static enum cmd_result cmd_info(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "break") || !strcmp(argv[1], "b") || !strcmp(argv[1], "breakpoints") ||
                      !strcmp(argv[1], "watch") || !strcmp(argv[1], "watchpoints")))
        return cmd_info_break();
    if (argc == 2 && (!strcmp(argv[1], "regs") || !strcmp(argv[1], "registers") || !strcmp(argv[1], "r")))
        return cmd_regs(1, argv);
    if (argc == 2 && !strcmp(argv[1], "record")) return cmd_info_record();
    return fail("usage: info break | info regs | info record");
}

static enum cmd_result cmd_regs(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return fail("usage: regs");
    uint64_t v[32], pc = hart_pc(R.hart), priv = hart_priv(R.hart);
    char a[320];
    for (unsigned i = 0; i < 32; i++)
        if (vdbg_reg_read(R.m, R.hart, i, &v[i])) return fail("cannot read the registers of hart %u", R.hart);
    const char *sym = strchr(fmt_addr(pc, a, sizeof(a)), '<');
    printf("pc   0x%016" PRIx64 "%s%s  priv %s (%s)  hart %u\n", pc, sym ? " " : "", sym ? sym : "", priv_letter(priv),
           priv_word(priv), R.hart);
    for (unsigned i = 0; i < 32; i++)
        printf("%-4s 0x%016" PRIx64 "%s", x_abi(i), v[i], i % 4 == 3 ? "\n" : "  ");
    return CMD_STAY;
}

static enum cmd_result cmd_fregs(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return fail("usage: fregs");
    char val[48], dec[160];
    for (unsigned i = 0; i < 32; i++) {
        uint64_t v;
        if (vdbg_reg_read(R.m, R.hart, VDBG_REG_F0 + i, &v)) return fail("no FP registers on hart %u", R.hart);
        if ((v >> 32) == 0xffffffffu) {   /* NaN-boxed single */
            float f;
            uint32_t w = (uint32_t)v;
            memcpy(&f, &w, sizeof(f));
            snprintf(val, sizeof(val), "%.9g (f)", (double)f);
        } else {
            double d;
            memcpy(&d, &v, sizeof(d));
            snprintf(val, sizeof(val), "%.17g", d);
        }
        if (i % 2 == 0) printf("%-4s 0x%016" PRIx64 " %-26s  ", f_abi(i), v, val);
        else printf("%-4s 0x%016" PRIx64 " %s\n", f_abi(i), v, val);
    }
    uint64_t fcsr;
    if (!vdbg_reg_read(R.m, R.hart, VDBG_REG_CSR0 + CSR_FCSR, &fcsr)) {
        decode_csr(CSR_FCSR, fcsr, dec, sizeof(dec));
        printf("fcsr 0x%02" PRIx64 "  %s\n", fcsr, dec);
    }
    return CMD_STAY;
}

/* Numbered families (hpm counters, PMP) with value 0 are left out of "csr all". */
static bool csr_is_numbered(unsigned csr)
{
    return (csr >= CSR_HPMCOUNTER3 && csr <= CSR_HPMCOUNTER31) || (csr >= CSR_MHPMCOUNTER3 && csr <= CSR_MHPMCOUNTER31) ||
           (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT31) || (csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG15) ||
           (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR63);
}

static int csr_arg(const char *s)
{
    int csr = csr_number(s);
    if (csr >= 0) return csr;
    if (isdigit((unsigned char)s[0])) {
        char *end;
        unsigned long v = strtoul(s, &end, 0);
        if (!*end && v < 0x1000) return (int)v;
    }
    return -1;
}

static enum cmd_result cmd_csr(int argc, char **argv)
{
    char nb[32], dec[512];
    if (argc != 2) return fail("usage: csr NAME|all");
    if (!strcmp(argv[1], "all")) {
        unsigned hidden = 0;
        for (unsigned csr = 0; csr < 0x1000; csr++) {
            const char *name = csr_name(csr, nb, sizeof(nb));
            uint64_t v;
            if (!name || vdbg_reg_read(R.m, R.hart, VDBG_REG_CSR0 + csr, &v)) continue;
            if (v == 0 && csr_is_numbered(csr)) {
                hidden++;
                continue;
            }
            decode_csr(csr, v, dec, sizeof(dec));
            printf("%-14s 0x%016" PRIx64 "%s%s\n", name, v, dec[0] ? "  " : "", dec);
        }
        if (hidden) printf("(%u zero hpmcounter/hpmevent/pmp registers not shown)\n", hidden);
        return CMD_STAY;
    }
    int csr = csr_arg(argv[1]);
    if (csr < 0) return fail("no CSR \"%s\" (csr all lists them)", argv[1]);
    uint64_t v;
    int rc = vdbg_reg_read(R.m, R.hart, VDBG_REG_CSR0 + (unsigned)csr, &v);
    const char *name = csr_name((unsigned)csr, nb, sizeof(nb));
    if (rc) return fail("cannot read CSR %s (0x%03x): not implemented", name ? name : argv[1], csr);
    decode_csr((unsigned)csr, v, dec, sizeof(dec));
    printf("%s = 0x%016" PRIx64 "\n", name ? name : argv[1], v);
    if (dec[0]) printf("  %s\n", dec);
    return CMD_STAY;
}

static enum cmd_result cmd_x(int argc, char **argv)
{
    uint64_t addr, len = REPL_X_DEFAULT;
    bool phys = false;
    char a[320];
    if (argc > 1 && !strcmp(argv[argc - 1], "phys")) {
        phys = true;
        argc--;
    }
    if (argc < 2 || argc > 3) return fail("usage: x ADDR [LEN] [phys]");
    if (eval(argv[1], &addr)) return CMD_STAY;
    if (argc == 3 && eval_count(argv[2], &len, REPL_X_MAX, "LEN")) return CMD_STAY;
    uint64_t off;
    if (vdbg_symbol_at(R.m, addr, &off) || phys) printf("%s%s:\n", fmt_addr(addr, a, sizeof(a)), phys ? " (physical)" : "");
    for (uint64_t done = 0; done < len; done += 16) {
        uint8_t buf[16];
        size_t n = len - done < 16 ? (size_t)(len - done) : 16;
        int rc = vdbg_mem_read(R.m, R.hart, addr + done, phys, buf, n);
        if (rc) return fail("0x%016" PRIx64 ":  cannot access memory (%s)", addr + done, vdbg_error(rc));
        printf("0x%016" PRIx64 ": ", addr + done);
        for (size_t i = 0; i < 16; i++) {
            if (i == 8) putchar(' ');
            if (i < n) printf(" %02x", buf[i]);
            else printf("   ");
        }
        printf("  |");
        for (size_t i = 0; i < n; i++) putchar(buf[i] >= 0x20 && buf[i] < 0x7f ? buf[i] : '.');
        printf("|\n");
    }
    return CMD_STAY;
}

static enum cmd_result cmd_disas(int argc, char **argv)
{
    uint64_t addr = hart_pc(R.hart), n = REPL_DISAS_DEFAULT, pc = addr;
    if (argc > 3) return fail("usage: disas [ADDR] [N]");
    if (argc >= 2 && eval(argv[1], &addr)) return CMD_STAY;
    if (argc == 3 && eval_count(argv[2], &n, 100000, "N")) return CMD_STAY;
    for (uint64_t i = 0; i < n; i++) {
        unsigned len = print_insn_line(R.hart, addr == pc ? "=> " : "   ", addr);
        if (!len) break;
        addr += len;
    }
    return CMD_STAY;
}

static void pte_flags_text(uint64_t pte, char *buf)
{
    static const char letters[] = "RWXUGAD";
    for (int i = 0; i < 7; i++) buf[i] = (pte >> (i + 1)) & 1 ? letters[i] : '-';
    buf[7] = 0;
}

/* The privilege a load (or fetch) by the hart uses: MPRV makes M-mode loads use MPP (priv 3.1.6.3). */
static uint64_t access_priv(bool fetch, uint64_t *mstatus)
{
    uint64_t priv = hart_priv(R.hart);
    *mstatus = 0;
    vdbg_reg_read(R.m, R.hart, VDBG_REG_CSR0 + CSR_MSTATUS, mstatus);
    if (!fetch && priv == PRV_M && (*mstatus & MSTATUS_MPRV)) priv = (*mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    return priv;
}

/* Why a walk that reached a PTE faults (priv 4.3.2 steps 3-8), or NULL when it is not obvious. */
static const char *fault_reason(const struct vdbg_translation *t, bool fetch, uint64_t priv, uint64_t mstatus)
{
    if (t->levels == 0) return "the address is not canonical (the bits above the VA width must copy its top bit)";
    const struct vdbg_walk_level *w = &t->walk[t->levels - 1];
    uint64_t pte = w->pte;
    bool r = pte & 2, wr = pte & 4, x = pte & 8, u = pte & 16, a = pte & 64;
    if (!(pte & 1)) return "V=0: nothing is mapped here";
    if (wr && !r) return "W without R is reserved";
    if (!r && !x) return "a pointer PTE at level 0";
    if (w->level > 0 && ((pte >> 10) & ((1ull << (9 * w->level)) - 1)))
        return "misaligned superpage (its PPN's low bits must be zero)";
    if (priv == PRV_U && !u) return "not a U page, and the access is from U-mode";
    if (priv == PRV_S && u && fetch) return "a U page: S-mode never executes from U pages";
    if (priv == PRV_S && u && !(mstatus & MSTATUS_SUM))
        return "a U page, and sstatus.SUM=0 keeps S-mode out";
    if (fetch && !x) return "not executable (X=0)";
    if (!fetch && !r && !(x && (mstatus & MSTATUS_MXR))) return "not readable (R=0, and MXR does not apply)";
    if (!a) return "A=0: this hart raises a page fault instead of setting A (Svade)";
    return NULL;
}

static enum cmd_result cmd_translate(int argc, char **argv)
{
    uint64_t va, mstatus;
    bool fetch = false;
    char a[320], fl[8], sz[32];
    if (argc == 3 && (!strcmp(argv[2], "fetch") || !strcmp(argv[2], "x"))) {
        fetch = true;
        argc--;
    }
    if (argc != 2) return fail("usage: translate VA [fetch]");
    if (eval(argv[1], &va)) return CMD_STAY;
    struct vdbg_translation t;
    int rc = vdbg_translate(R.m, R.hart, va, fetch, &t);
    if (rc) return fail("translate: %s", vdbg_error(rc));
    uint64_t priv = access_priv(fetch, &mstatus);
    const char *access = fetch ? "fetch" : "load";
    if (t.mode == 0 && t.levels == 0) {
        if (t.ok)
            printf("%s: bare mode (no translation for a %s in %s-mode): PA = VA = 0x%" PRIx64 "\n",
                   fmt_addr(va, a, sizeof(a)), access, priv_letter(priv), t.pa);
        else
            printf("%s: bare mode: %s (cause %d)\n", fmt_addr(va, a, sizeof(a)), exception_name((uint64_t)t.fault_cause),
                   t.fault_cause);
        return CMD_STAY;
    }
    printf("%s: %s walk for a %s by hart %u in %s-mode\n", fmt_addr(va, a, sizeof(a)), satp_mode_name(t.mode), access,
           R.hart, priv_letter(priv));
    for (int i = 0; i < t.levels && i < 5; i++) {
        const struct vdbg_walk_level *w = &t.walk[i];
        const char *what;
        if (!(w->pte & 1)) what = "invalid (V=0)";
        else if ((w->pte & 6) == 4) what = "reserved (W without R)";
        else if (!(w->pte & 0xa)) what = "-> next table";
        else what = "leaf";
        pte_flags_text(w->pte, fl);
        printf("  level %d: PTE at 0x%" PRIx64 " = 0x%016" PRIx64 "  V=%d %s  %s\n", w->level, w->pte_addr, w->pte,
               (int)(w->pte & 1), fl, what);
    }
    if (t.ok) {
        printf("  => PA 0x%" PRIx64 " (%s page)\n", t.pa, size_text(1ull << t.page_shift, sz, sizeof(sz)));
    } else {
        const char *why = fault_reason(&t, fetch, priv, mstatus);
        printf("  => %s (cause %d)%s%s\n", exception_name((uint64_t)t.fault_cause), t.fault_cause, why ? ": " : "",
               why ? why : "");
    }
    return CMD_STAY;
}

struct pt_ctx {
    unsigned count;
};

static void pagetable_line(void *ctx, uint64_t va, uint64_t pa, uint64_t size, unsigned flags)
{
    char sz[32];
    ((struct pt_ctx *)ctx)->count++;
    printf("0x%016" PRIx64 "-0x%016" PRIx64 " -> 0x%016" PRIx64 "  %c%c%c%c  %s\n", va, va + size, pa,
           flags & 2 ? 'R' : '-', flags & 4 ? 'W' : '-', flags & 8 ? 'X' : '-', flags & 16 ? 'U' : '-',
           size_text(size, sz, sizeof(sz)));
}

static enum cmd_result cmd_pagetable(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return fail("usage: pagetable");
    struct pt_ctx ctx = { 0 };
    uint64_t satp = 0;
    vdbg_reg_read(R.m, R.hart, VDBG_REG_CSR0 + CSR_SATP, &satp);
    int rc = vdbg_pagetable(R.m, R.hart, pagetable_line, &ctx);
    if (rc == VDBG_ENOENT || (satp >> 60) == 0) return fail("satp.MODE is Bare on hart %u: no page table", R.hart);
    if (rc) return fail("pagetable: %s", vdbg_error(rc));
    if (!ctx.count) printf("(no valid mappings)\n");
    return CMD_STAY;
}

static void tlb_line(void *ctx, char kind, unsigned set, uint64_t va, uint64_t pa)
{
    ++*(unsigned *)ctx;
    printf("  %c  set %u  0x%016" PRIx64 " -> 0x%016" PRIx64 "\n", kind, set, va, pa);
}

static enum cmd_result cmd_tlb(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return fail("usage: tlb");
    unsigned n = 0;
    printf("hart %u TLB (kind r/w/x, set, VA page -> PA page):\n", R.hart);
    int rc = vdbg_tlb(R.m, R.hart, tlb_line, &n);
    if (rc) return fail("tlb: %s", vdbg_error(rc));
    printf("%u valid entr%s\n", n, n == 1 ? "y" : "ies");
    return CMD_STAY;
}

static void device_line(void *ctx, const char *name, const char *line)
{
    (void)ctx;
    printf("%-9s %s\n", name, line);
}

static enum cmd_result cmd_devices(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return fail("usage: devices");
    int rc = vdbg_devices(R.m, device_line, NULL);
    if (rc) return fail("devices: %s", vdbg_error(rc));
    return CMD_STAY;
}

static enum cmd_result cmd_hart(int argc, char **argv)
{
    char a[320];
    if (argc > 2) return fail("usage: hart [N]");
    if (argc == 2) {
        uint64_t n;
        bool exact;
        if (eval_exact(argv[1], &n, &exact)) return CMD_STAY;
        if (!exact || n >= vdbg_harts(R.m)) return fail("no hart %s (this machine has %u)", argv[1], vdbg_harts(R.m));
        R.hart = (unsigned)n;
    }
    printf("hart %u of %u, %s-mode, pc %s\n", R.hart, vdbg_harts(R.m), priv_letter(hart_priv(R.hart)),
           fmt_addr(hart_pc(R.hart), a, sizeof(a)));
    return CMD_STAY;
}

static enum cmd_result cmd_trace(int argc, char **argv)
{
    char err[512] = "";
    if (argc == 2 && !strcmp(argv[1], "off")) {
        if (vdbg_trace(R.m, NULL, false, err, sizeof(err))) return fail("trace off: %s", err[0] ? err : "failed");
        printf("Tracing off.\n");
        return CMD_STAY;
    }
    if ((argc == 3 || argc == 4) && !strcmp(argv[1], "on")) {
        bool disasm = argc == 4 && !strcmp(argv[3], "disasm");
        if (argc == 4 && !disasm) return fail("usage: trace on FILE [disasm] | trace off");
        if (vdbg_trace(R.m, argv[2], disasm, err, sizeof(err))) return fail("trace: %s", err[0] ? err : argv[2]);
        printf("Tracing retired instructions to %s%s.\n", argv[2], disasm ? " with disassembly" : "");
        return CMD_STAY;
    }
    return fail("usage: trace on FILE [disasm] | trace off");
}

static enum cmd_result cmd_screenshot(int argc, char **argv)
{
    char err[512];
    if (argc != 2) return fail("usage: screenshot FILE");
    if (screenshot_save(R.m, argv[1], err, sizeof(err))) return fail("screenshot: %s", err);
    printf("Saved the framebuffer to %s.\n", argv[1]);
    return CMD_STAY;
}

static enum cmd_result cmd_savevm(int argc, char **argv)
{
    char out[1024];
    if (argc != 2) return fail("usage: savevm FILE");
    monitor_savevm(R.m, argv[1], out, sizeof(out));
    printf("%s\n", out);
    return CMD_STAY;
}

static enum cmd_result cmd_loadvm(int argc, char **argv)
{
    char out[1024];
    if (argc != 2) return fail("usage: loadvm FILE");
    if (monitor_loadvm(R.m, argv[1], out, sizeof(out)) == 0) {
        /* The machine is the saved one now: running again, wherever it was before. */
        R.exited = false;
        R.exit_code = 0;
        if (R.hart >= vdbg_harts(R.m)) R.hart = 0;
    }
    printf("%s\n", out);
    return CMD_STAY;
}

static enum cmd_result cmd_print(int argc, char **argv)
{
    uint64_t v;
    char a[320];
    if (argc != 2) return fail("usage: print EXPR");
    if (eval(argv[1], &v)) return CMD_STAY;
    printf("%s = %" PRIu64 "\n", fmt_addr(v, a, sizeof(a)), v);
    return CMD_STAY;
}

static enum cmd_result cmd_quit(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return CMD_QUIT;
}

static enum cmd_result cmd_help(int argc, char **argv);

static const struct command commands[] = {
    { "step", "s", cmd_step, "step [N]", "execute N instructions (default 1) on the selected hart",
      "Execute N instructions on the selected hart (the others wait), printing each new pc with its\n"
      "symbol+offset and disassembly (only the last one when N > 200). Stops early at a watchpoint.\n"
      "An empty line repeats the last step or next." },
    { "next", "n", cmd_next, "next", "step over a call",
      "Like step, but when the instruction is a call (jal/jalr/c.jalr linking ra or t0), run until it\n"
      "returns to the next instruction (a breakpoint or watchpoint on the way stops earlier)." },
    { "continue", "c", cmd_continue, "continue", "run every hart until a breakpoint, watchpoint or Ctrl-A c",
      "Leave the debugger and run all harts until a breakpoint or watchpoint hits, the machine powers\n"
      "off, or you press Ctrl-A c on the console." },
    { "rstep", "rs", cmd_rstep, "rstep [N]", "go back N instructions (default 1) on the selected hart",
      "Reverse step: put the machine back where it was N instructions (or traps) ago on the selected\n"
      "hart, and print that place as step does. Needs --icount (info record shows the history)." },
    { "rnext", NULL, cmd_rnext, "rnext", "go back one instruction, over a call",
      "Reverse next: like rstep, but when the instruction before is a call that has returned, go back\n"
      "to the call itself rather than into the callee." },
    { "rcontinue", "rc", cmd_rcontinue, "rcontinue", "go back to the previous breakpoint or watchpoint hit",
      "Reverse continue: go back to the last time a breakpoint hit (before its instruction) or a\n"
      "watchpoint hit (just after the access, as continue stops), or to the start of the history." },
    { "until", "u", cmd_until, "until ADDR", "run until the selected hart reaches ADDR",
      "Run every hart until the selected hart's pc equals ADDR (a temporary breakpoint), or another stop." },
    { "break", "b", cmd_break, "break [ADDR|SYMBOL] [phys]", "set a breakpoint (default: at pc)",
      "Set a breakpoint at ADDR, a virtual address as the hart sees it through its current translation,\n"
      "or with phys a physical address. ADDR may be 0xHEX, DECIMAL, SYMBOL, SYMBOL+OFFSET or $REG." },
    { "watch", "w", cmd_watch, "watch [r|w|rw] ADDR [LEN] [phys]", "stop on a read, write or either, of LEN bytes",
      "Set a watchpoint on LEN bytes (default 8) at ADDR: r stops on loads, w (the default) on stores,\n"
      "rw on either. The access completes, then the machine stops and shows the value now there." },
    { "delete", "d", cmd_delete, "delete [ID...]", "delete breakpoints or watchpoints (all without ID)",
      "Delete the breakpoints or watchpoints with these numbers (info break lists them); with no number,\n"
      "delete all of them." },
    { "info", NULL, cmd_info, "info break | info regs | info record", "list breakpoints and watchpoints / registers",
      "info break lists breakpoints and watchpoints with their hit counts; info regs is regs; info record\n"
      "shows the execution history reverse commands can travel (instructions, checkpoints, memory)." },
    { "regs", "r", cmd_regs, "regs", "x registers with ABI names, pc and privilege",
      "Print pc (with its symbol), the privilege level and x0-x31 by ABI name, four per line." },
    { "fregs", NULL, cmd_fregs, "fregs", "FP registers f0-f31 and fcsr",
      "Print f0-f31 by ABI name in hex and as a double (or a float, when NaN-boxed), and fcsr." },
    { "csr", NULL, cmd_csr, "csr NAME|all", "a CSR with its fields decoded, or all of them",
      "Print a CSR by name or number (csr mstatus, csr 0x300). Fields are decoded for mstatus/sstatus,\n"
      "mip/mie/sip/sie, satp, mcause/scause, mtvec/stvec, mepc/sepc and fcsr. csr all prints every\n"
      "implemented CSR (zero PMP and performance counter registers left out)." },
    { "x", "mem", cmd_x, "x ADDR [LEN] [phys]", "hex dump LEN bytes (default 64) of memory",
      "Hex dump LEN bytes (default 64) at ADDR, 16 bytes a line with their ASCII. Virtual addresses go\n"
      "through the hart's current translation without touching A/D bits or the TLB; phys reads physical\n"
      "memory. Device registers are not read (reading them could have side effects)." },
    { "disas", NULL, cmd_disas, "disas [ADDR] [N]", "disassemble N instructions (default: 10 at pc)",
      "Disassemble N instructions (default 10) from ADDR (default pc); => marks the pc." },
    { "translate", "t", cmd_translate, "translate VA [fetch]", "walk the page table for VA, level by level",
      "Translate VA as a load (or with fetch, an instruction fetch) by the selected hart would, showing\n"
      "each level of the walk (PTE address, PTE, flags RWXUGAD), then the physical address and page\n"
      "size, or the fault the access would take." },
    { "pagetable", "pt", cmd_pagetable, "pagetable", "the current address space as mapped ranges",
      "List the selected hart's address space (satp's table) as ranges of contiguous pages with the\n"
      "same permissions: VA-VA -> PA  RWXU size." },
    { "tlb", NULL, cmd_tlb, "tlb", "the selected hart's valid software TLB entries",
      "List the valid entries of the hart's software TLB: kind (r, w, x), set, VA page -> PA page." },
    { "devices", "dev", cmd_devices, "devices", "the state of each device",
      "One line per device: UART registers, PLIC pending/enabled, CLINT mtime/mtimecmp, RTC and the\n"
      "virtio slots with their queues." },
    { "hart", NULL, cmd_hart, "hart [N]", "select hart N (or show the selected one)",
      "Select the hart that step, regs, x, translate and the others act on." },
    { "trace", NULL, cmd_trace, "trace on FILE [disasm] | trace off", "log retired instructions to FILE",
      "Write one line per retired instruction to FILE in Spike's --log-commits format (with disasm, the\n"
      "disassembly too); trace off stops." },
    { "screenshot", NULL, cmd_screenshot, "screenshot FILE", "save the display to FILE",
      "Save the display's contents to FILE (needs a display; this machine has none yet)." },
    { "savevm", NULL, cmd_savevm, "savevm FILE", "save the whole machine to a snapshot file",
      "Save every hart, device, the RAM the guest touched and its disks' identity to FILE (zstd-\n"
      "compressed; docs/snapshots.md). vhart --loadvm FILE, or loadvm FILE here, goes on from this point." },
    { "loadvm", NULL, cmd_loadvm, "loadvm FILE", "load a snapshot into this machine",
      "Load FILE, a snapshot of a machine with this configuration: harts, devices, RAM and clocks take\n"
      "the saved state (breakpoints stay). A bad or foreign file is refused and the machine left as it was." },
    { "print", "p", cmd_print, "print EXPR", "evaluate an address expression",
      "Evaluate EXPR (0xHEX, DECIMAL, SYMBOL, $REG joined by + and -) and print it with its symbol." },
    { "help", "h", cmd_help, "help [COMMAND]", "list the commands, or explain one", "Try it." },
    { "quit", "q", cmd_quit, "quit", "leave vhart", "Leave vhart (Ctrl-D does the same)." },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* Exact name or alias, else a unique prefix of a name. Prints the error itself. */
static const struct command *find_command(const char *name, bool quiet)
{
    const struct command *match = NULL;
    int matches = 0;
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(commands[i].name, name) || (commands[i].alias && !strcmp(commands[i].alias, name)))
            return &commands[i];
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strncmp(commands[i].name, name, strlen(name))) {
            match = &commands[i];
            matches++;
        }
    if (matches == 1) return match;
    if (quiet) return NULL;
    if (matches == 0) {
        fail("unknown command \"%s\" (help lists them)", name);
    } else {
        printf("ambiguous command \"%s\":", name);
        for (size_t i = 0; i < NCOMMANDS; i++)
            if (!strncmp(commands[i].name, name, strlen(name))) printf(" %s", commands[i].name);
        putchar('\n');
    }
    return NULL;
}

static enum cmd_result cmd_help(int argc, char **argv)
{
    if (argc > 2) return fail("usage: help [COMMAND]");
    if (argc == 2) {
        const struct command *c = find_command(argv[1], false);
        if (!c) return CMD_STAY;
        printf("usage: %s%s%s%s\n%s\n", c->usage, c->alias ? "   (alias: " : "", c->alias ? c->alias : "",
               c->alias ? ")" : "", c->help);
        return CMD_STAY;
    }
    printf("Commands (help COMMAND for more; ADDR is 0xHEX, DECIMAL, SYMBOL[+OFF] or $REG):\n");
    for (size_t i = 0; i < NCOMMANDS; i++) {
        char head[64];
        snprintf(head, sizeof(head), "%s%s%s", commands[i].name, commands[i].alias ? "/" : "",
                 commands[i].alias ? commands[i].alias : "");
        printf("  %-13s %s\n", head, commands[i].summary);
    }
    printf("Empty line: repeat the last step/next. Tab completes commands, registers ($a0), CSRs and symbols.\n");
    return CMD_STAY;
}

/* Run one line. */
static enum cmd_result execute(char *line)
{
    char *argv[REPL_MAX_ARGS + 1];
    int argc = 0;
    for (char *p = strtok(line, " \t\r\n"); p; p = strtok(NULL, " \t\r\n")) {
        if (argc == REPL_MAX_ARGS) return fail("too many arguments");
        argv[argc++] = p;
    }
    argv[argc] = NULL;
    if (argc == 0 || argv[0][0] == '#') return CMD_STAY;
    const struct command *c = find_command(argv[0], false);
    if (!c) return CMD_STAY;
    return c->run(argc, argv);
}

/* ------------------------------------------------------------------------------------------------
 * Completion
 */

static struct {
    char **items;
    size_t n, cap, next;
    const char *prefix;      /* prepended to each ("$" for registers) */
} comp;

static void comp_add(const char *s)
{
    if (comp.n == comp.cap) {
        size_t cap = comp.cap ? 2 * comp.cap : 256;
        char **items = realloc(comp.items, cap * sizeof(*items));
        if (!items) return;
        comp.items = items;
        comp.cap = cap;
    }
    size_t len = strlen(comp.prefix) + strlen(s) + 1;
    char *copy = malloc(len);
    if (!copy) return;
    snprintf(copy, len, "%s%s", comp.prefix, s);
    comp.items[comp.n++] = copy;
}

/* Add s (after comp.prefix) when it completes text. */
static void comp_add_if(const char *s, const char *text)
{
    size_t pl = strlen(comp.prefix), tl = strlen(text);
    if (tl <= pl ? strncmp(comp.prefix, text, tl) == 0
                 : strncmp(comp.prefix, text, pl) == 0 && strncmp(s, text + pl, tl - pl) == 0)
        comp_add(s);
}

static void comp_symbol(void *ctx, const char *name)
{
    (void)ctx;
    comp_add(name);
}

static int comp_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void comp_reset(void)
{
    for (size_t i = comp.next; i < comp.n; i++) free(comp.items[i]);
    comp.n = comp.next = 0;
    comp.prefix = "";
}

/* Register names ($ completion), or only CSR names (csr's argument). */
static void comp_registers(const char *text, bool csrs_only)
{
    char nb[32];
    for (int i = 0; i < 32 && !csrs_only; i++) {
        comp_add_if(x_abi(i), text);
        comp_add_if(f_abi(i), text);
    }
    if (!csrs_only) {
        comp_add_if("pc", text);
        comp_add_if("priv", text);
    }
    for (unsigned csr = 0; csr < 0x1000; csr++) {
        const char *name = csr_name(csr, nb, sizeof(nb));
        if (name) comp_add_if(name, text);
    }
}

/* Gather the candidates for `text` in the context of the line's first word. */
static void comp_gather(const char *text, int start)
{
    comp_reset();
    const char *line = rl_line_buffer;
    int i = 0;
    while (i < start && isspace((unsigned char)line[i])) i++;
    if (i >= start) {   /* the command word itself */
        for (size_t k = 0; k < NCOMMANDS; k++) comp_add_if(commands[k].name, text);
        return;
    }
    char word[32];
    int n = 0;
    while (i < start && !isspace((unsigned char)line[i]) && n < (int)sizeof(word) - 1) word[n++] = line[i++];
    word[n] = 0;
    const struct command *c = find_command(word, true);
    const char *name = c ? c->name : "";
    static const char *const info_words[] = { "break", "regs", NULL };
    static const char *const trace_words[] = { "on", "off", NULL };
    static const char *const watch_words[] = { "r", "w", "rw", "phys", NULL };
    const char *const *words = NULL;
    if (!strcmp(name, "help")) {
        for (size_t k = 0; k < NCOMMANDS; k++) comp_add_if(commands[k].name, text);
        return;
    }
    if (!strcmp(name, "csr")) {
        comp_add_if("all", text);
        comp_registers(text, true);
        return;
    }
    if (!strcmp(name, "info")) words = info_words;
    else if (!strcmp(name, "trace")) words = trace_words;
    else if (!strcmp(name, "watch")) words = watch_words;
    if (words)
        for (int k = 0; words[k]; k++) comp_add_if(words[k], text);
    if (!strcmp(name, "info") || !strcmp(name, "trace")) return;
    if (!strcmp(name, "break") || !strcmp(name, "x")) comp_add_if("phys", text);
    if (text[0] == '$') {
        comp.prefix = "$";
        comp_registers(text, false);
        comp.prefix = "";
        return;
    }
    if (R.m) vdbg_symbols_matching(R.m, text, comp_symbol, NULL);
}

static char *comp_generator(const char *text, int state)
{
    (void)text;
    if (state == 0 && comp.n > 1) {   /* sort and drop duplicates (a symbol may be defined twice) */
        qsort(comp.items, comp.n, sizeof(*comp.items), comp_cmp);
        size_t out = 1;
        for (size_t i = 1; i < comp.n; i++) {
            if (!strcmp(comp.items[i], comp.items[out - 1])) free(comp.items[i]);
            else comp.items[out++] = comp.items[i];
        }
        comp.n = out;
    }
    if (comp.next < comp.n) return comp.items[comp.next++];   /* readline frees it */
    return NULL;
}

static char **complete(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1;   /* never fall back to file names */
    comp_gather(text, start);
    comp.next = 0;
    char **m = rl_completion_matches(text, comp_generator);
    comp_reset();
    return m;
}

/* ------------------------------------------------------------------------------------------------
 * Reading lines
 */

static void on_sigint(int sig)
{
    (void)sig;
    sigint_seen = 1;
    if (R.in_readline) {
        /* Like gdb and bash: drop the line, fresh prompt. */
        if (write(STDOUT_FILENO, "\n", 1) < 0) { }
        rl_on_new_line();
        rl_replace_line("", 0);
        rl_redisplay();
    } else if (R.running && R.m) {
        vdbg_request_stop(R.m);
    }
}

/* Without a terminal: read a line byte by byte so that nothing after it is taken from the guest. */
static char *read_plain_line(void)
{
    size_t cap = 256, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    fputs(REPL_PROMPT, stdout);
    fflush(stdout);
    for (;;) {
        char c;
        ssize_t r = read(STDIN_FILENO, &c, 1);
        if (r == 1) {
            if (c == '\n') break;
            if (n + 1 == cap) {
                char *bigger = realloc(buf, cap *= 2);
                if (!bigger) break;
                buf = bigger;
            }
            buf[n++] = c;
            continue;
        }
        if (r == 0) {
            if (n) break;   /* a last line without a newline */
            free(buf);
            return NULL;
        }
        if (errno == EINTR) {
            if (sigint_seen) {
                sigint_seen = 0;
                n = 0;
                fputs("\n" REPL_PROMPT, stdout);
                fflush(stdout);
            }
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
            poll(&p, 1, -1);
            continue;
        }
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    if (!R.use_readline) {   /* echo for logs of scripted sessions */
        fputs(buf, stdout);
        putchar('\n');
    }
    return buf;
}

static char *read_command(void)
{
    fflush(stdout);
    if (!R.use_readline) return read_plain_line();
    R.in_readline = true;
    char *line = readline(REPL_PROMPT);
    R.in_readline = false;
    return line;
}

/* ------------------------------------------------------------------------------------------------
 * Entry points
 */

void repl_init(struct machine *m)
{
    R.m = m;
    if (R.ready) return;
    R.ready = true;
    R.ext = isa_supported();
    R.use_readline = isatty(STDIN_FILENO);
    const char *home = getenv("HOME");
    if (home && home[0]) snprintf(R.history, sizeof(R.history), "%s/%s", home, REPL_HISTORY_FILE);
    rl_readline_name = "vhart";
    rl_attempted_completion_function = complete;
    rl_completer_word_break_characters = " \t\n+-*";
    rl_catch_signals = 0;   /* our SIGINT handler clears the line */
    using_history();
    stifle_history(REPL_HISTORY_MAX);
    if (R.history[0]) read_history(R.history);   /* a missing file is fine */
}

static void (*idle_hook)(void);
static int run_idle_hook(void)
{
    if (idle_hook) idle_hook();
    return 0;
}

void repl_set_idle_hook(void (*hook)(void))
{
    idle_hook = hook;
    rl_event_hook = hook ? run_idle_hook : NULL;
}

static void save_history(void)
{
    if (R.ready && R.use_readline && R.history[0]) write_history(R.history);
}

bool repl_exited(int *exit_code)
{
    if (R.exited && exit_code) *exit_code = R.exit_code;
    return R.exited;
}

void repl_shutdown(void)
{
    save_history();
}

enum repl_action repl_enter(struct machine *m, const struct vdbg_stop *why)
{
    repl_init(m);
    if (R.hart >= vdbg_harts(m)) R.hart = 0;
    console_pause();
    struct sigaction sa, old;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);   /* no SA_RESTART: a plain read() returns EINTR */
    sigaction(SIGINT, &sa, &old);

    enum repl_action action = REPL_QUIT;
    enum cmd_result r = why ? report_stop(why) : CMD_STAY;
    while (r == CMD_STAY) {
        sigint_seen = 0;
        char *line = read_command();
        if (!line) {   /* end of input */
            printf("quit\n");
            r = CMD_QUIT;
            break;
        }
        char *p = line;
        while (isspace((unsigned char)*p)) p++;
        if (*p == 0) {
            free(line);
            if (!R.last[0]) continue;
            char again[sizeof(R.last)];
            snprintf(again, sizeof(again), "%s", R.last);
            r = execute(again);
            continue;
        }
        if (R.use_readline) {
            HIST_ENTRY *prev = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
            if (!prev || strcmp(prev->line, p) != 0) add_history(p);
        }
        /* Remember a step/next for an empty line to repeat; anything else ends the repetition. */
        char word[16] = "";
        sscanf(p, "%15s", word);
        const struct command *c = find_command(word, true);
        if (c && (c->run == cmd_step || c->run == cmd_next) && strlen(p) < sizeof(R.last))
            snprintf(R.last, sizeof(R.last), "%s", p);
        else
            R.last[0] = 0;
        r = execute(p);
        free(line);
    }
    if (r == CMD_CONTINUE) action = REPL_CONTINUE;
    save_history();
    fflush(stdout);
    sigaction(SIGINT, &old, NULL);
    console_resume();
    return action;
}
