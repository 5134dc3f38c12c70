/* The REPL's commands that run the guest: step, next, until, continue, and reverse execution
 * (rstep, rnext, rcontinue, info record), and how a stop is reported. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/csr.h"
#include "cpu/hart.h"
#include "host/console.h"
#include "repl_internal.h"

static void print_trap(const struct vdbg_trap *t)
{
    char a[320], b[320];
    const char *x = t->priv == 3 ? "m" : "s";
    repl_printf("trap: %s, %sepc=%s, ", vhart_cause_name(t->cause), x, repl_fmt_addr(t->epc, a, sizeof(a)));
    if (!(t->cause & CAUSE_INTERRUPT)) repl_printf("%stval=0x%" PRIx64 ", ", x, t->tval);
    repl_printf("-> %s\n", repl_fmt_addr(t->vector, b, sizeof(b)));
}

/* Print why and where the machine stopped. Returns CMD_QUIT for a quit from the console. */
enum cmd_result repl_report_stop(const struct vdbg_stop *s)
{
    char a[320], b[320];
    repl_flush_guest();
    if (s->reason != VDBG_STOP_EXITED && s->reason != VDBG_STOP_QUIT && s->hart < vdbg_harts(repl.m) &&
        s->hart != repl.hart) {
        repl.hart = s->hart;
        repl_printf("[switching to hart %u]\n", repl.hart);
    }
    switch (s->reason) {
    case VDBG_STOP_STEP:
        if (s->trapped) print_trap(&s->trap);
        repl_print_where(s->hart);
        break;
    case VDBG_STOP_TRAP_STORM:
        repl_printf("hart %u is stuck in a trap loop: %s at pc 0x%" PRIx64 " (tval 0x%" PRIx64 "), trap vector 0x%" PRIx64 "\n",
               s->hart, vhart_cause_name(s->trap.cause), s->trap.epc, s->trap.tval, s->trap.vector);
        repl_print_where(s->hart);
        break;
    case VDBG_STOP_BREAKPOINT:
        if (s->id > 0)
            repl_printf("Breakpoint %d, hart %u (%s-mode) at %s\n", s->id, s->hart, repl_priv_letter(repl_hart_priv(s->hart)),
                   repl_fmt_addr(repl_hart_pc(s->hart), a, sizeof(a)));
        repl_print_where(s->hart);   /* id 0: the temporary breakpoint of until/next, shown like a step */
        break;
    case VDBG_STOP_WATCHPOINT: {
        struct vdbg_point p;
        bool known = repl_find_point(s->id, &p);
        repl_printf("Watchpoint %d (%s), hart %u (%s-mode) %s %s\n", s->id, known ? repl_watch_kind_name(p.kind) : "?",
               s->hart, repl_priv_letter(repl_hart_priv(s->hart)), s->write ? "wrote" : "read", repl_fmt_addr(s->addr, a, sizeof(a)));
        if (known) {
            repl_printf("  [%s%s, %" PRIu64 " byte%s] = ", repl_fmt_addr(p.addr, b, sizeof(b)), p.physical ? " phys" : "",
                   p.len, p.len == 1 ? "" : "s");
            repl_print_value(s->hart, p.addr, p.len, p.physical);
            repl_putc('\n');
        }
        repl_print_where(s->hart);
        break;
    }
    case VDBG_STOP_REQUESTED:
        repl_printf("Stopped, hart %u (%s-mode) at %s\n", s->hart, repl_priv_letter(repl_hart_priv(s->hart)),
               repl_fmt_addr(repl_hart_pc(s->hart), a, sizeof(a)));
        repl_print_where(s->hart);
        break;
    case VDBG_STOP_EXITED:
        repl.exited = true;
        repl.exit_code = s->exit_code;
        repl_printf("The machine powered off, exit code %d.\n", s->exit_code);
        break;
    case VDBG_STOP_QUIT:
        if (console_debug_requested()) {   /* Ctrl-A c while stepping: just stop */
            repl_printf("Stopped, hart %u (%s-mode) at %s\n", repl.hart, repl_priv_letter(repl_hart_priv(repl.hart)),
                   repl_fmt_addr(repl_hart_pc(repl.hart), a, sizeof(a)));
            repl_print_where(repl.hart);
            break;
        }
        if (!console_pending_signal()) repl_printf("Quit from the console.\n");   /* else SIGTERM/SIGINT: just end */
        return CMD_QUIT;
    }
    return CMD_STAY;
}

/* Around anything that runs the guest: the terminal goes back to the console (raw), our output first. */
void repl_run_begin(void)
{
    fflush(repl.out);
    console_resume();
    repl.running = true;
}

void repl_run_end(void)
{
    repl.running = false;
    repl_flush_guest();
    console_pause();
}

bool repl_refuse_if_exited(void)
{
    if (!repl.exited) return false;
    repl_fail("The machine has powered off (exit code %d): nothing runs any more; quit to leave.", repl.exit_code);
    return true;
}

enum cmd_result cmd_step(int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 2) return repl_fail("usage: step [N]");
    if (argc == 2 && repl_eval_count(argv[1], &n, UINT64_MAX, "N")) return CMD_STAY;
    if (repl_refuse_if_exited()) return CMD_STAY;
    struct vdbg_stop st;
    enum cmd_result r = CMD_STAY;
    repl_run_begin();
    if (n <= REPL_STEP_PRINT_MAX) {
        for (uint64_t i = 0; i < n && !repl_sigint_seen; i++) {
            int rc = vdbg_step(repl.m, repl.hart, 1, &st);
            repl_flush_guest();
            if (rc) {
                repl_fail("step: %s", repl_strerror(rc));
                break;
            }
            if (st.reason != VDBG_STOP_STEP) {
                r = repl_report_stop(&st);
                break;
            }
            if (st.trapped) print_trap(&st.trap);
            repl_print_where(repl.hart);
        }
    } else {
        int rc = vdbg_step(repl.m, repl.hart, n, &st);
        repl_flush_guest();
        if (rc) repl_fail("step: %s", repl_strerror(rc));
        else r = repl_report_stop(&st);
    }
    repl_run_end();
    return r;
}

/* Whether the instruction links a return address: jal/jalr/c.jalr with rd = ra or t0. */
bool repl_is_call(uint32_t raw, unsigned len)
{
    if (len == 2) return (raw & 0xf07f) == 0x9002 && ((raw >> 7) & 31) != 0;   /* c.jalr rs1 */
    unsigned opcode = raw & 0x7f, rd = (raw >> 7) & 31;
    return (opcode == 0x6f || opcode == 0x67) && (rd == 1 || rd == 5);
}

static enum cmd_result run_until(uint64_t addr)
{
    struct vdbg_stop st;
    repl_run_begin();
    int rc;
    do   /* past breakpoints and watchpoints whose condition is false */
        rc = vdbg_run_until(repl.m, repl.hart, addr, &st);
    while (!rc && !repl_condition_holds(&st));
    repl_run_end();
    if (rc) return repl_fail("cannot run until %" PRIx64 ": %s", addr, repl_strerror(rc));
    return repl_report_stop(&st);
}

enum cmd_result cmd_next(int argc, char **argv)
{
    if (argc > 1) return repl_fail("usage: next");
    (void)argv;
    if (repl_refuse_if_exited()) return CMD_STAY;
    uint64_t pc = repl_hart_pc(repl.hart);
    uint32_t raw;
    unsigned len = repl_read_insn(repl.hart, pc, &raw);
    if (len && repl_is_call(raw, len)) return run_until(pc + len);
    char *one[] = { "step", NULL };
    return cmd_step(1, one);
}

enum cmd_result cmd_until(int argc, char **argv)
{
    uint64_t addr;
    if (argc != 2) return repl_fail("usage: until ADDR");
    if (repl_eval(argv[1], &addr)) return CMD_STAY;
    if (repl_refuse_if_exited()) return CMD_STAY;
    return run_until(addr);
}

enum cmd_result cmd_continue(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return repl_fail("usage: continue");
    if (repl_refuse_if_exited()) return CMD_STAY;
    return CMD_CONTINUE;
}

/* ---- reverse execution (vdbg_reverse_*, src/machine/history.c) ---- */

/* Why there is no history to go back in, as one line; false when there is one. */
static bool refuse_without_history(int rc)
{
    if (rc != VDBG_ENOTSUP) return false;
    struct vdbg_history hi;
    vdbg_history_info(repl.m, &hi);
    repl_fail("%s", hi.why ? hi.why : "no execution history");
    return true;
}

/* After a reverse command: where it landed, as its forward twin prints it. */
static enum cmd_result report_reverse(int rc, const char *what, const struct vdbg_stop *st)
{
    if (refuse_without_history(rc)) return CMD_STAY;
    if (rc) return repl_fail("%s: %s", what, repl_strerror(rc));
    if (st->history_begin) repl_printf("No more reverse-execution history.\n");
    return repl_report_stop(st);
}

enum cmd_result cmd_rstep(int argc, char **argv)
{
    uint64_t n = 1;
    if (argc > 2) return repl_fail("usage: rstep [N]");
    if (argc == 2 && repl_eval_count(argv[1], &n, UINT64_MAX, "N")) return CMD_STAY;
    struct vdbg_stop st;
    int rc = vdbg_reverse_step(repl.m, repl.hart, n, &st);
    if (!rc) repl.exited = false;   /* back before a poweroff, the machine runs again */
    return report_reverse(rc, "rstep", &st);
}

/* Whether the instruction returns (jalr x0, 0(ra|t0), c.jr ra|t0). */
static bool is_return(uint32_t raw, unsigned len)
{
    if (len == 2) return raw == 0x8082 || raw == 0x8282;
    unsigned rs1 = (raw >> 15) & 31;
    return (raw & 0x7f) == 0x67 && ((raw >> 7) & 31) == 0 && (rs1 == 1 || rs1 == 5) && (raw >> 20) == 0;
}

enum cmd_result cmd_rnext(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return repl_fail("usage: rnext");
    uint64_t pc = repl_hart_pc(repl.hart), sp = 0;
    vdbg_reg_read(repl.m, repl.hart, 2, &sp);
    struct vdbg_stop st;
    int rc = vdbg_reverse_step(repl.m, repl.hart, 1, &st);
    if (rc || st.history_begin) return report_reverse(rc, "rnext", &st);
    repl.exited = false;
    /* Landed on the return of a call made just before pc: go back to the call itself. */
    uint32_t raw, call;
    unsigned len = repl_read_insn(repl.hart, repl_hart_pc(repl.hart), &raw);
    if (len && is_return(raw, len)) {
        for (unsigned back = 4; back >= 2; back -= 2) {
            unsigned clen = repl_read_insn(repl.hart, pc - back, &call);
            if (clen == back && repl_is_call(call, clen)) {
                rc = vdbg_reverse_until(repl.m, repl.hart, pc - back, sp, &st);
                break;
            }
        }
    }
    return report_reverse(rc, "rnext", &st);
}

enum cmd_result cmd_rcontinue(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return repl_fail("usage: rcontinue");
    struct vdbg_stop st;
    int rc = vdbg_reverse_continue(repl.m, &st);
    if (!rc) repl.exited = false;
    return report_reverse(rc, "rcontinue", &st);
}

enum cmd_result cmd_info_record(void)
{
    struct vdbg_history hi;
    vdbg_history_info(repl.m, &hi);
    if (!hi.enabled) return repl_fail("No history: %s.", hi.why);
    repl_printf("history: instructions %" PRIu64 "..%" PRIu64 " (%u checkpoint%s, %" PRIu64 " MiB of %" PRIu64
           " MiB, one every %" PRIu64 " instructions)\n",
           hi.first, hi.now, hi.checkpoints, hi.checkpoints == 1 ? "" : "s", (hi.bytes + (1u << 19)) >> 20,
           hi.limit >> 20, hi.interval);
    return CMD_STAY;
}

