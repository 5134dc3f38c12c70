/* The REPL's breakpoints and watchpoints: break, watch, delete, info, and their conditions
 * (`break ADDR if EXPR`, evaluated by expr.c each time the point is reached). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "debug/expr.h"
#include "repl_internal.h"
#include "util/endian.h"

/* The conditions, by point id (the debug API knows nothing of them). */
static struct condition {
    int id;
    char *expr;
    uint64_t stops;   /* times the condition held (or failed to evaluate) */
} conds[REPL_MAX_POINTS];
static unsigned nconds;

static struct condition *cond_of(int id)
{
    for (unsigned i = 0; i < nconds; i++)
        if (conds[i].id == id) return &conds[i];
    return NULL;
}

static void cond_drop(int id)
{
    struct condition *c = cond_of(id);
    if (!c) return;
    free(c->expr);
    *c = conds[--nconds];
}

void repl_conditions_clear(void)
{
    while (nconds) cond_drop(conds[0].id);
}

struct cond_ctx {
    unsigned hart;
};

static int cond_reg(void *ctx, const char *name, uint64_t *value)
{
    int reg = vdbg_reg_number(name);
    return reg >= 0 && vdbg_reg_read(repl.m, ((struct cond_ctx *)ctx)->hart, (unsigned)reg, value) == 0 ? 0 : -1;
}

static int cond_sym(void *ctx, const char *name, uint64_t *value)
{
    (void)ctx;
    return vdbg_symbol_lookup(repl.m, name, value) == 0 ? 0 : -1;
}

static int cond_mem(void *ctx, uint64_t addr, unsigned size, uint64_t *value)
{
    uint8_t b[8];
    if (vdbg_mem_read(repl.m, ((struct cond_ctx *)ctx)->hart, addr, false, b, size)) return -1;
    *value = size == 1 ? b[0] : size == 2 ? le_load16(b) : size == 4 ? le_load32(b) : le_load64(b);
    return 0;
}

int repl_eval_condition(const char *expr, unsigned hart, uint64_t *value, char *err, size_t err_len)
{
    struct cond_ctx ctx = { hart };
    struct expr_env env = { &ctx, cond_reg, cond_sym, cond_mem };
    return expr_eval(expr, &env, value, err, err_len);
}

bool repl_condition_holds(const struct vdbg_stop *s)
{
    if (s->reason != VDBG_STOP_BREAKPOINT && s->reason != VDBG_STOP_WATCHPOINT) return true;
    struct condition *c = cond_of(s->id);
    if (!c) return true;
    uint64_t v;
    char err[256];
    if (repl_eval_condition(c->expr, s->hart, &v, err, sizeof(err))) {
        repl_printf("Error in the condition of %s %d (%s): %s\n",
                    s->reason == VDBG_STOP_BREAKPOINT ? "breakpoint" : "watchpoint", s->id, c->expr, err);
        c->stops++;
        return true;
    }
    if (v == 0) return false;
    c->stops++;
    return true;
}

/* Attach repl.cond (if any) to the new point id; false (the point deleted again) when it does not parse. */
static bool attach_condition(int id)
{
    char err[256];
    if (!repl.cond) return true;
    if (!repl.cond[0] || expr_check(repl.cond, err, sizeof(err)) || nconds == REPL_MAX_POINTS) {
        vdbg_delete(repl.m, id);
        if (!repl.cond[0]) repl_fail("if needs a condition: break ADDR if EXPR");
        else if (nconds == REPL_MAX_POINTS) repl_fail("too many conditions");
        else repl_fail("bad condition \"%s\": %s", repl.cond, err);
        return false;
    }
    conds[nconds].id = id;
    conds[nconds].stops = 0;
    conds[nconds].expr = strdup(repl.cond);
    if (!conds[nconds].expr) {
        vdbg_delete(repl.m, id);
        repl_fail("out of memory");
        return false;
    }
    nconds++;
    return true;
}

static void print_condition(int id)
{
    struct condition *c = cond_of(id);
    if (c) repl_printf("  if %s\n", c->expr);
}

enum cmd_result cmd_break(int argc, char **argv)
{
    uint64_t addr = repl_hart_pc(repl.hart);
    bool phys = false;
    char a[320];
    if (argc > 1 && !strcmp(argv[argc - 1], "phys")) {
        phys = true;
        argc--;
    }
    if (argc > 2) return repl_fail("usage: break ADDR|SYMBOL [phys]");
    if (argc == 2 && repl_eval(argv[1], &addr)) return CMD_STAY;
    int id = vdbg_break_add(repl.m, addr, phys);
    if (id < 0) return repl_fail("cannot set a breakpoint at 0x%" PRIx64 ": %s", addr, repl_strerror(id));
    if (!attach_condition(id)) return CMD_STAY;
    repl_printf("Breakpoint %d at %s%s\n", id, repl_fmt_addr(addr, a, sizeof(a)), phys ? " (physical)" : "");
    print_condition(id);
    return CMD_STAY;
}

enum cmd_result cmd_watch(int argc, char **argv)
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
    if (argc - i < 1 || argc - i > 2) return repl_fail("usage: watch [r|w|rw] ADDR [LEN] [phys]");
    if (repl_eval(argv[i], &addr)) return CMD_STAY;
    if (argc - i == 2 && repl_eval_count(argv[i + 1], &len, 1ull << 30, "LEN")) return CMD_STAY;
    int id = vdbg_watch_add(repl.m, addr, len, kind, phys);
    if (id < 0) return repl_fail("cannot watch 0x%" PRIx64 ": %s", addr, repl_strerror(id));
    if (!attach_condition(id)) return CMD_STAY;
    repl_printf("Watchpoint %d (%s) at %s%s, %" PRIu64 " byte%s\n", id, repl_watch_kind_name(kind),
                repl_fmt_addr(addr, a, sizeof(a)), phys ? " (physical)" : "", len, len == 1 ? "" : "s");
    print_condition(id);
    return CMD_STAY;
}

enum cmd_result cmd_delete(int argc, char **argv)
{
    if (argc == 1) {
        struct vdbg_point pts[REPL_MAX_POINTS];
        int n = vdbg_list(repl.m, pts, REPL_MAX_POINTS);
        if (n > REPL_MAX_POINTS) n = REPL_MAX_POINTS;
        for (int i = 0; i < n; i++) vdbg_delete(repl.m, pts[i].id);
        repl_conditions_clear();
        repl_printf("Deleted all breakpoints and watchpoints (%d).\n", n);
        return CMD_STAY;
    }
    for (int i = 1; i < argc; i++) {
        uint64_t id;
        bool exact;
        if (repl_eval_exact(argv[i], &id, &exact)) return CMD_STAY;
        if (!exact || id > INT32_MAX || vdbg_delete(repl.m, (int)id)) return repl_fail("no breakpoint or watchpoint %s", argv[i]);
        cond_drop((int)id);
        repl_printf("Deleted %" PRIu64 ".\n", id);
    }
    return CMD_STAY;
}

static enum cmd_result cmd_info_break(void)
{
    struct vdbg_point pts[REPL_MAX_POINTS];
    char a[320], type[32], len[24];
    int n = vdbg_list(repl.m, pts, REPL_MAX_POINTS);
    if (n == 0) return repl_fail("No breakpoints or watchpoints.");
    if (n > REPL_MAX_POINTS) n = REPL_MAX_POINTS;
    repl_printf("%-4s %-13s %-36s %6s %8s\n", "Num", "Type", "Address", "Len", "Hits");
    for (int i = 0; i < n; i++) {
        const struct vdbg_point *p = &pts[i];
        snprintf(type, sizeof(type), "%s", p->is_watch ? (p->kind == VDBG_WATCH_READ    ? "watch read"
                                                          : p->kind == VDBG_WATCH_WRITE ? "watch write"
                                                                                        : "watch access")
                                                       : "breakpoint");
        snprintf(len, sizeof(len), "%" PRIu64, p->len);
        repl_fmt_addr(p->addr, a, sizeof(a));
        if (p->physical) strncat(a, " phys", sizeof(a) - strlen(a) - 1);
        repl_printf("%-4d %-13s %-36s %6s %8" PRIu64 "\n", p->id, type, a, p->is_watch ? len : "", p->hits);
        const struct condition *c = cond_of(p->id);
        if (c) repl_printf("     if %s  (true %" PRIu64 " time%s)\n", c->expr, c->stops, c->stops == 1 ? "" : "s");
    }
    return CMD_STAY;
}

enum cmd_result cmd_info(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "break") || !strcmp(argv[1], "b") || !strcmp(argv[1], "breakpoints") ||
                      !strcmp(argv[1], "watch") || !strcmp(argv[1], "watchpoints")))
        return cmd_info_break();
    if (argc == 2 && (!strcmp(argv[1], "regs") || !strcmp(argv[1], "registers") || !strcmp(argv[1], "r")))
        return cmd_regs(1, argv);
    if (argc == 2 && !strcmp(argv[1], "record")) return cmd_info_record();
    return repl_fail("usage: info break | info regs | info record");
}

