/* The REPL's writes: set (registers, CSRs through the CSR write path, memory), dump and load
 * (memory to and from host files). Guest memory is little-endian whatever the host (le_store). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/csr.h"
#include "repl_internal.h"
#include "repl_parse.h"
#include "util/endian.h"

#define REPL_DUMP_MAX (1ull << 30)
#define REPL_CHUNK 4096u   /* a page at a time, so that a fault names the page that failed */

/* Why an access of the selected hart to addr failed, in words: the page fault its translation
 * takes, or that the address is not RAM (the debugger never touches device registers). The walk
 * is a load's; the same walk for a store faults with the store cause (priv 4.3.2). */
static void access_failure(const char *what, uint64_t addr, bool phys, bool store, char *buf, size_t len)
{
    struct vdbg_translation t;
    if (phys || vdbg_translate(repl.m, repl.hart, addr, false, &t)) {
        snprintf(buf, len, "%s 0x%" PRIx64 ": not RAM", what, addr);
    } else if (!t.ok) {
        uint64_t cause = (uint64_t)t.fault_cause;
        if (store && (cause == 5 || cause == 13)) cause += 2;   /* load -> store access/page fault */
        snprintf(buf, len, "%s 0x%" PRIx64 ": %s", what, addr, repl_exception_name(cause));
    } else if (t.pa != addr) {
        snprintf(buf, len, "%s 0x%" PRIx64 ": its PA 0x%" PRIx64 " is not RAM", what, addr, t.pa);
    } else {
        snprintf(buf, len, "%s 0x%" PRIx64 ": not RAM", what, addr);
    }
}

static enum cmd_result set_register(const char *name, const char *text)
{
    char a[320], dec[48] = "";
    if (name[0] == '$') name++;
    int reg = vdbg_reg_number(name);
    if (reg < 0) return repl_fail("no register or CSR \"%s\"", name);
    uint64_t v;
    bool fp = reg >= VDBG_REG_F0 && reg < VDBG_REG_CSR0;
    if (!(fp && repl_parse_float(text, &v) == 0) && repl_eval(text, &v)) return CMD_STAY;
    if (reg == VDBG_REG_PRIV && v != 0 && v != 1 && v != 3 && v != 4 && v != 5)
        return repl_fail("priv must be 0 (U), 1 (S), 3 (M), 4 (VU) or 5 (VS)");
    int rc = vdbg_reg_write(repl.m, repl.hart, (unsigned)reg, v);
    if (rc == VDBG_ENOENT) return repl_fail("cannot write %s: not implemented, or read-only", name);
    if (rc) return repl_fail("cannot write %s: %s", name, repl_strerror(rc));
    uint64_t now = v;
    vdbg_reg_read(repl.m, repl.hart, (unsigned)reg, &now);
    if (reg == VDBG_REG_PC) {
        repl_printf("pc = %s\n", repl_fmt_addr(now, a, sizeof(a)));
        return CMD_STAY;
    }
    if (fp) {
        double d;
        float f;
        uint32_t w = (uint32_t)now;
        memcpy(&d, &now, sizeof(d));
        memcpy(&f, &w, sizeof(f));
        if ((now >> 32) == 0xffffffffu) snprintf(dec, sizeof(dec), " (%.9g f)", (double)f);
        else snprintf(dec, sizeof(dec), " (%.17g)", d);
    }
    repl_printf("%s = 0x%016" PRIx64 "%s%s\n", name, now, dec,
                now != v && !fp ? " (the register keeps only what it supports)" : "");
    return CMD_STAY;
}

/* set mem ADDR VALUE [SIZE] [phys] */
static enum cmd_result set_memory(int argc, char **argv)
{
    bool phys = false;
    unsigned size = 8;
    char why[400];
    if (argc > 2 && !strcmp(argv[argc - 1], "phys")) {
        phys = true;
        argc--;
    }
    if (argc < 4 || argc > 5) return repl_fail("usage: set mem ADDR VALUE [1|2|4|8] [phys]");
    if (argc == 5 && repl_parse_size(argv[4], &size)) return repl_fail("SIZE must be 1, 2, 4 or 8 (or b, h, w, d)");
    uint64_t addr, v;
    bool exact;
    if (repl_eval(argv[2], &addr) || repl_eval_exact(argv[3], &v, &exact)) return CMD_STAY;
    if (size < 8) {
        /* A value fits when it is below 2^bits, or a negative number down to -2^(bits-1). */
        uint64_t top = v >> (8 * size - 1);
        bool fits = exact ? (v >> (8 * size)) == 0 : top == (UINT64_MAX >> (8 * size - 1));
        if (!fits) return repl_fail("%s does not fit in %u byte%s", argv[3], size, size == 1 ? "" : "s");
    }
    uint8_t b[8];
    le_store64(b, v);
    int rc = vdbg_mem_write(repl.m, repl.hart, addr, phys, b, size);
    if (rc) {
        access_failure("cannot write", addr, phys, true, why, sizeof(why));
        return repl_fail("%s", why);
    }
    uint64_t mask = size == 8 ? UINT64_MAX : (1ull << (8 * size)) - 1;
    repl_printf("wrote 0x%0*" PRIx64 " (%u byte%s) at 0x%" PRIx64 "%s\n", (int)(2 * size), v & mask, size,
                size == 1 ? "" : "s", addr, phys ? " (physical)" : "");
    return CMD_STAY;
}

enum cmd_result cmd_set(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "mem")) return set_memory(argc, argv);
    if (argc != 3) return repl_fail("usage: set REG VALUE | set mem ADDR VALUE [SIZE] [phys]");
    return set_register(argv[1], argv[2]);
}

enum cmd_result cmd_dump(int argc, char **argv)
{
    bool phys = false;
    uint64_t addr, len;
    char why[400];
    if (argc > 1 && !strcmp(argv[argc - 1], "phys")) {
        phys = true;
        argc--;
    }
    if (argc != 4) return repl_fail("usage: dump ADDR LEN FILE [phys]");
    if (repl_eval(argv[1], &addr) || repl_eval_count(argv[2], &len, REPL_DUMP_MAX, "LEN")) return CMD_STAY;
    FILE *f = fopen(argv[3], "wb");
    if (!f) return repl_fail("dump: cannot write %s", argv[3]);
    uint8_t chunk[REPL_CHUNK];
    for (uint64_t done = 0; done < len;) {
        uint64_t at = addr + done, n = REPL_CHUNK - (at & (REPL_CHUNK - 1));
        if (n > len - done) n = len - done;
        bool read_ok = vdbg_mem_read(repl.m, repl.hart, at, phys, chunk, (size_t)n) == 0;
        if (!read_ok || fwrite(chunk, 1, (size_t)n, f) != n) {
            /* No partial file: a fault (or a full disk) half-way removes what was written. */
            fclose(f);
            remove(argv[3]);
            if (read_ok) return repl_fail("dump: cannot write %s", argv[3]);
            access_failure("cannot read", at, phys, false, why, sizeof(why));
            return repl_fail("dump: %s", why);
        }
        done += n;
    }
    if (fclose(f)) {
        remove(argv[3]);
        return repl_fail("dump: cannot write %s", argv[3]);
    }
    repl_printf("dumped %" PRIu64 " byte%s at 0x%" PRIx64 "%s to %s\n", len, len == 1 ? "" : "s", addr,
                phys ? " (physical)" : "", argv[3]);
    return CMD_STAY;
}

enum cmd_result cmd_load(int argc, char **argv)
{
    bool phys = false;
    uint64_t addr;
    char why[400];
    if (argc > 1 && !strcmp(argv[argc - 1], "phys")) {
        phys = true;
        argc--;
    }
    if (argc != 3) return repl_fail("usage: load FILE ADDR [phys]");
    if (repl_eval(argv[2], &addr)) return CMD_STAY;
    FILE *f = fopen(argv[1], "rb");
    if (!f) return repl_fail("load: cannot open %s", argv[1]);
    uint8_t chunk[REPL_CHUNK];
    uint64_t done = 0;
    for (;;) {
        uint64_t at = addr + done, room = REPL_CHUNK - (at & (REPL_CHUNK - 1));
        size_t n = fread(chunk, 1, (size_t)room, f);
        if (n == 0) break;
        if (vdbg_mem_write(repl.m, repl.hart, at, phys, chunk, n)) {
            fclose(f);
            access_failure("cannot write", at, phys, true, why, sizeof(why));
            return repl_fail("load: %s (the %" PRIu64 " bytes before it were written)", why, done);
        }
        done += n;
        if (done > REPL_DUMP_MAX) break;
    }
    bool err = ferror(f);
    fclose(f);
    if (err) return repl_fail("load: cannot read %s", argv[1]);
    repl_printf("loaded %" PRIu64 " byte%s from %s at 0x%" PRIx64 "%s\n", done, done == 1 ? "" : "s", argv[1], addr,
                phys ? " (physical)" : "");
    return CMD_STAY;
}
