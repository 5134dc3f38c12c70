/* The REPL's shared helpers: the output sink, names, address expressions (0xHEX, SYMBOL, $REG
 * joined by + and -), instruction lines and breakpoint lookups (docs/debugging.md). */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/csr.h"
#include "cpu/hart.h"
#include "debug/disasm.h"
#include "host/console.h"
#include "repl_internal.h"
#include "util/endian.h"

struct repl_state repl;
volatile sig_atomic_t repl_sigint_seen;

/* ------------------------------------------------------------------------------------------------
 * Output helpers
 */

void repl_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(repl.out, fmt, ap);
    va_end(ap);
}

void repl_putc(int c) { fputc(c, repl.out); }

/* One-line error (commands return CMD_STAY after it). */
enum cmd_result repl_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(repl.out, fmt, ap);
    va_end(ap);
    repl_putc('\n');
    return CMD_STAY;
}

/* "0x80200000 <symbol+0x10>", or just the number when no symbol covers it. */
const char *repl_fmt_addr(uint64_t a, char *buf, size_t len)
{
    uint64_t off = 0;
    const char *sym = vdbg_symbol_at(repl.m, a, &off);
    if (!sym) snprintf(buf, len, "0x%" PRIx64, a);
    else if (off == 0) snprintf(buf, len, "0x%" PRIx64 " <%s>", a, sym);
    else snprintf(buf, len, "0x%" PRIx64 " <%s+0x%" PRIx64 ">", a, sym, off);
    return buf;
}

/* p as the debugger's priv register: bits 1:0 the privilege, bit 2 V (H extension). */
const char *repl_priv_letter(uint64_t p)
{
    return p == PRV_M ? "M" : p == PRV_S ? "S" : p == PRV_U ? "U" : p == 5 ? "VS" : p == 4 ? "VU" : "?";
}

const char *repl_priv_word(uint64_t p)
{
    return p == PRV_M ? "machine" : p == PRV_S ? "supervisor" : p == PRV_U ? "user" : p == 5 ? "virtual supervisor"
           : p == 4 ? "virtual user" : "unknown";
}

const char *repl_size_text(uint64_t size, char *buf, size_t len)
{
    if (size >= (1ull << 30) && size % (1ull << 30) == 0) snprintf(buf, len, "%" PRIu64 " GiB", size >> 30);
    else if (size >= (1ull << 20) && size % (1ull << 20) == 0) snprintf(buf, len, "%" PRIu64 " MiB", size >> 20);
    else if (size % 1024 == 0) snprintf(buf, len, "%" PRIu64 " KiB", size >> 10);
    else snprintf(buf, len, "%" PRIu64 " bytes", size);
    return buf;
}

const char *repl_strerror(int rc)
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
void repl_flush_guest(void)
{
    const struct vhart_console *c = console_backend();
    if (c && c->flush) c->flush(c->opaque);
}

/* ------------------------------------------------------------------------------------------------
 * Names: registers, causes, interrupts
 */

/* ABI register names come from the debug API (vdbg_reg_name), the one table vhart keeps. */
const char *repl_x_abi(unsigned i) { return vdbg_reg_name(i, NULL, 0); }
const char *repl_f_abi(unsigned i) { return vdbg_reg_name(VDBG_REG_F0 + i, NULL, 0); }

/* Causes in words: the library's table (privileged spec table 3.6). */
const char *repl_exception_name(uint64_t code) { return vhart_cause_name(code); }
const char *repl_interrupt_name(uint64_t code) { return vhart_cause_name(code | CAUSE_INTERRUPT); }

const char *repl_satp_mode_name(unsigned mode)
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
        if (!n) return repl_fail("expected a register name after $"), -1;
        int reg = vdbg_reg_number(name);
        if (reg < 0) return repl_fail("no register $%s", name), -1;
        int rc = vdbg_reg_read(repl.m, repl.hart, (unsigned)reg, out);
        if (rc) return repl_fail("cannot read $%s: %s", name, repl_strerror(rc)), -1;
    } else if (isdigit((unsigned char)*p)) {
        int base = 10;
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            base = 16;
            p += 2;
        }
        const char *start = p;
        while (isxdigit((unsigned char)*p) || is_sym_char((unsigned char)*p)) p++;
        n = (size_t)(p - start);
        if (n == 0 || n >= sizeof(name)) return repl_fail("bad number \"%.*s\"", (int)(p - *pp), *pp), -1;
        memcpy(name, start, n);
        name[n] = 0;
        char *end;
        errno = 0;
        *out = strtoull(name, &end, base);
        if (errno || *end) return repl_fail("bad number \"%.*s\"", (int)(p - *pp), *pp), -1;
    } else if (is_sym_start((unsigned char)*p)) {
        while (is_sym_char((unsigned char)*p) && n < sizeof(name) - 1) name[n++] = *p++;
        name[n] = 0;
        if (vdbg_symbol_lookup(repl.m, name, out)) return repl_fail("no symbol \"%s\"", name), -1;
    } else {
        return repl_fail("cannot parse \"%s\"", *pp), -1;
    }
    *pp = p;
    return 0;
}

/* Evaluate an address or number; prints one line and returns -1 on error. Addresses wrap modulo
 * 2^64 ($sp-8, -1); *exact (if not NULL) tells whether the value is the true one, neither negative
 * nor past 2^64-1 (counts and indices need that: "s -1" is not 2^64-1 steps). */
int repl_eval_exact(const char *s, uint64_t *out, bool *exact)
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
        else return repl_fail("cannot parse \"%s\" at \"%s\"", s, p), -1;
        p++;
    }
    *out = plus - minus;
    if (exact) *exact = !overflow && minus <= plus;
    return 0;
}

int repl_eval(const char *s, uint64_t *out) { return repl_eval_exact(s, out, NULL); }

/* A count or an index: a whole number from min to max, nothing negative or wrapped. */
int repl_eval_range(const char *s, uint64_t *out, uint64_t min, uint64_t max, const char *what)
{
    bool exact;
    if (repl_eval_exact(s, out, &exact)) return -1;
    if (!exact || *out < min || *out > max) {
        if (max == UINT64_MAX) return repl_fail("%s must be a positive number", what), -1;
        return repl_fail("%s must be %" PRIu64 " to %" PRIu64, what, min, max), -1;
    }
    return 0;
}

int repl_eval_count(const char *s, uint64_t *out, uint64_t max, const char *what)
{
    return repl_eval_range(s, out, 1, max, what);
}

/* ------------------------------------------------------------------------------------------------
 * Instructions and locations
 */

static const char *symbolize(void *ctx, uint64_t addr, uint64_t *offset)
{
    (void)ctx;
    return vdbg_symbol_at(repl.m, addr, offset);
}

/* Read the instruction at a virtual address of the selected hart: its length (2 or 4), 0 on failure. */
unsigned repl_read_insn(unsigned hart, uint64_t pc, uint32_t *raw)
{
    uint8_t b[2];   /* guest bytes: little-endian whatever the host's order */
    if (vdbg_mem_read(repl.m, hart, pc, false, b, 2)) return 0;
    uint32_t lo = le_load16(b);
    if ((lo & 3) != 3) {
        *raw = lo;
        return 2;
    }
    if (vdbg_mem_read(repl.m, hart, pc + 2, false, b, 2)) return 0;
    *raw = lo | (uint32_t)le_load16(b) << 16;
    return 4;
}

/* "addi\tsp,sp,-16" -> "addi    sp,sp,-16" */
static void insn_text(uint64_t pc, uint32_t raw, char *out, size_t len)
{
    char tmp[256];
    disasm_insn(pc, raw, repl.ext, tmp, sizeof(tmp), symbolize, NULL);
    char *tab = strchr(tmp, '\t');
    if (tab) {
        *tab = 0;
        snprintf(out, len, "%-7s %s", tmp, tab + 1);
    } else {
        snprintf(out, len, "%s", tmp);
    }
}

/* One line: marker, address <symbol+offset>, encoding, disassembly. Returns the length or 0. */
unsigned repl_print_insn(unsigned hart, const char *marker, uint64_t pc)
{
    char where[320], text[320], hex[16];
    uint32_t raw;
    unsigned n = repl_read_insn(hart, pc, &raw);
    repl_fmt_addr(pc, where, sizeof(where));
    if (!n) {
        repl_printf("%s%s:  <cannot read memory>\n", marker, where);
        return 0;
    }
    snprintf(hex, sizeof(hex), n == 4 ? "%08" PRIx32 : "%04" PRIx32, raw);
    insn_text(pc, raw, text, sizeof(text));
    repl_printf("%s%s:  %-8s  %s\n", marker, where, hex, text);
    return n;
}

uint64_t repl_hart_pc(unsigned hart)
{
    uint64_t pc = 0;
    vdbg_reg_read(repl.m, hart, VDBG_REG_PC, &pc);
    return pc;
}

uint64_t repl_hart_priv(unsigned hart)
{
    uint64_t p = 0;
    vdbg_reg_read(repl.m, hart, VDBG_REG_PRIV, &p);
    return p;
}

void repl_print_where(unsigned hart)
{
    repl_print_insn(hart, "", repl_hart_pc(hart));
}

const char *repl_watch_kind_name(enum vdbg_watch_kind k)
{
    return k == VDBG_WATCH_READ ? "read" : k == VDBG_WATCH_WRITE ? "write" : "access";
}

bool repl_find_point(int id, struct vdbg_point *out)
{
    struct vdbg_point pts[REPL_MAX_POINTS];
    int n = vdbg_list(repl.m, pts, REPL_MAX_POINTS);
    for (int i = 0; i < n && i < REPL_MAX_POINTS; i++)
        if (pts[i].id == id) {
            *out = pts[i];
            return true;
        }
    return false;
}

/* "= 0x0000000000000001 (1)" for up to 8 bytes, the bytes for more. */
void repl_print_value(unsigned hart, uint64_t addr, uint64_t len, bool physical)
{
    uint8_t buf[16];
    uint64_t n = len < sizeof(buf) ? len : sizeof(buf);
    if (vdbg_mem_read(repl.m, hart, addr, physical, buf, (size_t)n)) {
        repl_printf("<cannot read memory>");
        return;
    }
    if (len <= 8) {
        uint64_t v = 0;
        for (uint64_t i = 0; i < n; i++) v |= (uint64_t)buf[i] << (8 * i);
        repl_printf("0x%0*" PRIx64 " (%" PRIu64 ")", (int)(2 * n), v, v);
    } else {
        for (uint64_t i = 0; i < n; i++) repl_printf("%s%02x", i ? " " : "", buf[i]);
        if (len > n) repl_printf(" ...");
    }
}

/* A trap the hart took: "trap: machine timer interrupt, mepc=0x... <sym>, -> 0x... <m_vector>"
 * (exceptions add "mtval=0x..." before the arrow). */
