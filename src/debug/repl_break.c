/* The REPL's breakpoints and watchpoints: break, watch, delete, info. */
#include <inttypes.h>
#include <string.h>

#include "repl_internal.h"

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
    repl_printf("Breakpoint %d at %s%s\n", id, repl_fmt_addr(addr, a, sizeof(a)), phys ? " (physical)" : "");
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
    repl_printf("Watchpoint %d (%s) at %s%s, %" PRIu64 " byte%s\n", id, repl_watch_kind_name(kind), repl_fmt_addr(addr, a, sizeof(a)),
           phys ? " (physical)" : "", len, len == 1 ? "" : "s");
    return CMD_STAY;
}

enum cmd_result cmd_delete(int argc, char **argv)
{
    if (argc == 1) {
        struct vdbg_point pts[REPL_MAX_POINTS];
        int n = vdbg_list(repl.m, pts, REPL_MAX_POINTS);
        if (n > REPL_MAX_POINTS) n = REPL_MAX_POINTS;
        for (int i = 0; i < n; i++) vdbg_delete(repl.m, pts[i].id);
        repl_printf("Deleted all breakpoints and watchpoints (%d).\n", n);
        return CMD_STAY;
    }
    for (int i = 1; i < argc; i++) {
        uint64_t id;
        bool exact;
        if (repl_eval_exact(argv[i], &id, &exact)) return CMD_STAY;
        if (!exact || id > INT32_MAX || vdbg_delete(repl.m, (int)id)) return repl_fail("no breakpoint or watchpoint %s", argv[i]);
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

