/* gdb's view of the target: the target description (GDB manual E.7, the riscv features), registers
 * (g/G/p/P), memory (m/M/X) and `monitor` (qRcmd: savevm, loadvm, and every REPL command). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vhart/debug.h>

#include "gdbstub_internal.h"
#include "monitor.h"
#include "repl.h"

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
    /* H extension (left out of the description when --isa turns H off: the read fails) */
    { "mtinst", 0x34a },   { "mtval2", 0x34b },
    { "hstatus", 0x600 },  { "hedeleg", 0x602 },    { "hideleg", 0x603 },    { "hie", 0x604 },
    { "htimedelta", 0x605 }, { "hcounteren", 0x606 }, { "hgeie", 0x607 },    { "henvcfg", 0x60a },
    { "htval", 0x643 },    { "hip", 0x644 },        { "hvip", 0x645 },       { "htinst", 0x64a },
    { "hgatp", 0x680 },    { "hgeip", 0xe12 },
    { "vsstatus", 0x200 }, { "vsie", 0x204 },       { "vstvec", 0x205 },     { "vsscratch", 0x240 },
    { "vsepc", 0x241 },    { "vscause", 0x242 },    { "vstval", 0x243 },     { "vsip", 0x244 },
    { "vstimecmp", 0x24d }, { "vsatp", 0x280 },
};

static bool gdb_has_fpu(struct gdbstub *g)
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
void gdb_build_target_xml(struct gdbstub *g)
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
    if (ok && gdb_has_fpu(g)) {
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
    bool fpu = gdb_has_fpu(g);
    if (reg < VDBG_REG_CSR0) return fpu ? 8 : 0;
    unsigned csr = reg - VDBG_REG_CSR0;
    if (csr >= CSR_FFLAGS && csr <= CSR_FCSR) return fpu ? 4 : 0;
    for (size_t i = 0; i < sizeof(csr_list) / sizeof(csr_list[0]); i++)
        if (csr_list[i].csr == csr) return 8;
    return 0;
}

/* ---------------------------------------------------------------- registers and memory */

void gdb_read_registers(struct gdbstub *g)
{
    char *r = g->gdb_reply;
    for (unsigned i = 0; i < GDB_G_REGS; i++) {
        uint64_t v = 0;
        if (i == VDBG_REG_PC) {
            r = rsp_hex_le(r, gdb_shown_pc(g, g->hart_g), 8);
        } else if (vdbg_reg_read(g->m, g->hart_g, i, &v)) {
            memset(r, 'x', 16);
            r += 16;
        } else {
            r = rsp_hex_le(r, v, 8);
        }
    }
    *r = 0;
    gdb_reply(g, g->gdb_reply);
}

/* Write a register for gdb. gdb writing back the pc it was shown keeps the hart where it is. */
static int write_register(struct gdbstub *g, unsigned reg, uint64_t value)
{
    if (reg == VDBG_REG_PC && value == gdb_shown_pc(g, g->hart_g)) {
        g->watch_hart = 0;
        return VDBG_OK;
    }
    g->watch_hart = 0;
    return vdbg_reg_write(g->m, g->hart_g, reg, value);
}

void gdb_write_registers(struct gdbstub *g, const char *p)
{
    size_t len = strlen(p);
    if (len % 16 || len / 16 > GDB_G_REGS) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    uint64_t v[GDB_G_REGS];
    for (size_t i = 0; i < len / 16; i++)
        if (rsp_parse_hex_le(p + 16 * i, 8, &v[i])) {
            gdb_reply(g, GDB_EBADPKT);
            return;
        }
    if (len / 16 > VDBG_REG_PC) write_register(g, VDBG_REG_PC, v[VDBG_REG_PC]);
    for (size_t i = 1; i < len / 16 && i < VDBG_REG_PC; i++) write_register(g, (unsigned)i, v[i]);
    gdb_reply(g, "OK");
}

void gdb_read_register(struct gdbstub *g, const char *p)
{
    uint64_t reg, v;
    if (rsp_parse_hex(&p, &reg) || *p || reg > UINT32_MAX) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    unsigned size = reg_size(g, (unsigned)reg);
    if (!size) {
        gdb_reply(g, GDB_EINVAL);
        return;
    }
    if (reg == VDBG_REG_PC) {
        *rsp_hex_le(g->gdb_reply, gdb_shown_pc(g, g->hart_g), size) = 0;
    } else if (vdbg_reg_read(g->m, g->hart_g, (unsigned)reg, &v)) {
        memset(g->gdb_reply, 'x', 2 * size);   /* unavailable */
        g->gdb_reply[2 * size] = 0;
    } else {
        *rsp_hex_le(g->gdb_reply, v, size) = 0;
    }
    gdb_reply(g, g->gdb_reply);
}

void gdb_write_register(struct gdbstub *g, const char *p)
{
    uint64_t reg, v;
    if (rsp_parse_hex(&p, &reg) || *p++ != '=' || reg > UINT32_MAX) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    unsigned size = reg_size(g, (unsigned)reg);
    if (!size) {
        gdb_reply(g, GDB_EINVAL);
        return;
    }
    if (strlen(p) != 2 * size || rsp_parse_hex_le(p, size, &v)) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    int rc = write_register(g, (unsigned)reg, v);
    gdb_reply(g, rc ? gdb_error_code(rc) : "OK");
}

/* ADDR,LEN then the given separator. */
static int gdb_parse_addr_len(const char **p, uint64_t *addr, uint64_t *len, char sep)
{
    if (rsp_parse_hex(p, addr) || *(*p)++ != ',' || rsp_parse_hex(p, len)) return -1;
    if (sep && *(*p)++ != sep) return -1;
    if (!sep && **p) return -1;
    return 0;
}

/* m ADDR,LEN: as many bytes as are readable from ADDR (a partial reply stops at the first page
 * that cannot be read), E14 when none is. */
void gdb_read_memory(struct gdbstub *g, const char *p)
{
    uint64_t addr, len;
    if (gdb_parse_addr_len(&p, &addr, &len, 0)) {
        gdb_reply(g, GDB_EBADPKT);
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
        gdb_reply(g, GDB_EFAULT);
        return;
    }
    *rsp_hex_encode(g->gdb_reply, g->data, done) = 0;
    gdb_reply(g, g->gdb_reply);
}

static void write_memory(struct gdbstub *g, uint64_t addr, const uint8_t *data, size_t len)
{
    int rc = len ? vdbg_mem_write(g->m, g->hart_g, addr, false, data, len) : 0;
    gdb_reply(g, rc ? GDB_EFAULT : "OK");
}

/* M ADDR,LEN:HEX */
void gdb_write_memory(struct gdbstub *g, const char *p)
{
    uint64_t addr, len;
    if (gdb_parse_addr_len(&p, &addr, &len, ':') || len > sizeof(g->data) || strlen(p) != 2 * len ||
        rsp_hex_decode(g->data, p, (size_t)len)) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    write_memory(g, addr, g->data, (size_t)len);
}

/* X ADDR,LEN:BINARY (escaped). The payload is binary: work on the raw packet bytes. */
void gdb_write_binary(struct gdbstub *g, const uint8_t *pkt, size_t pkt_len)
{
    const char *p = (const char *)pkt + 1;
    uint64_t addr, len;
    if (gdb_parse_addr_len(&p, &addr, &len, ':')) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    size_t off = (size_t)((const uint8_t *)p - pkt);
    size_t n = rsp_unescape(g->data, pkt + off, pkt_len - off);
    if (n == (size_t)-1 || n != len) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    write_memory(g, addr, g->data, n);
}

void gdb_xfer_features(struct gdbstub *g, const char *p)
{
    const char *colon = strchr(p, ':');
    uint64_t off, len;
    if (!colon || (size_t)(colon - p) != strlen("target.xml") || strncmp(p, "target.xml", 10)) {
        gdb_reply(g, "E00");   /* no such annex */
        return;
    }
    p = colon + 1;
    if (gdb_parse_addr_len(&p, &off, &len, 0) || !g->xml_len) {
        gdb_reply(g, GDB_EBADPKT);
        return;
    }
    if (off >= g->xml_len) {
        gdb_reply(g, "l");
        return;
    }
    size_t n = g->xml_len - (size_t)off;
    if (n > len) n = (size_t)len;
    if (n > GDB_REPLY_MAX - 1) n = GDB_REPLY_MAX - 1;
    g->gdb_reply[0] = (size_t)off + n < g->xml_len ? 'm' : 'l';
    memcpy(g->gdb_reply + 1, g->xml + off, n);
    gdb_send_packet(g, g->gdb_reply, n + 1, true);
}

/* gdb's `monitor CMD`: savevm and loadvm here (loadvm also forgets a pending watchpoint stop), every
 * other REPL command through repl_monitor; output (lines ending in '\n') goes through monitor_out. */
static void monitor_out(struct gdbstub *g, const char *text)
{
    /* An O packet per piece: "O" and the text in hex. */
    size_t len = strlen(text);
    while (len > 0) {
        size_t n = len < (GDB_REPLY_MAX - 1) / 2 ? len : (GDB_REPLY_MAX - 1) / 2;
        g->gdb_reply[0] = 'O';
        *rsp_hex_encode(g->gdb_reply + 1, text, n) = 0;
        gdb_reply(g, g->gdb_reply);
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

void gdb_rcmd(struct gdbstub *g, const char *hex)
{
    char cmd[512];
    size_t len = strlen(hex);
    if (len % 2 || len / 2 >= sizeof(cmd) || rsp_hex_decode(cmd, hex, len / 2)) {
        gdb_reply(g, GDB_EBADPKT);
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
        /* After reset or set (pc, memory), a pending "stopped before the watched access" pc is stale. */
        if (!strcmp(word, "reset") || !strcmp(word, "set")) g->watch_hart = 0;
    } else {
        monitor_commands[i].run(g, arg);
    }
    gdb_reply(g, "OK");
}

