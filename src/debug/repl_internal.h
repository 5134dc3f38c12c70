/* What the REPL's files share (src/debug/repl*.c): its state, the output sink, the command table,
 * and the helpers every family of commands uses. Not a public interface: see repl.h. */
#ifndef VHART_DEBUG_REPL_INTERNAL_H
#define VHART_DEBUG_REPL_INTERNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <vhart/debug.h>

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

struct repl_state {
    struct machine *m;
    FILE *out;               /* where commands print: stdout, or gdb's monitor buffer */
    bool ready;              /* repl_init ran */
    bool use_readline;       /* stdin is a terminal */
    bool in_readline;        /* inside readline(): SIGINT clears the line */
    bool running;            /* inside a step/next/until: SIGINT asks the machine to stop */
    bool exited;             /* the machine powered off */
    int exit_code;
    unsigned hart;           /* the selected hart */
    uint64_t ext;            /* extensions to disassemble */
    char history[4096];      /* the history file ("" when $HOME is unknown) */
    char last[256];          /* the step/next line an empty line repeats */
    const char *cond;        /* the running command's `if CONDITION`, or NULL */
    FILE *script;            /* --debug-cmd's file while lines remain, else NULL */
    char script_name[4096];
    unsigned script_line;
};
extern struct repl_state repl;
extern volatile sig_atomic_t repl_sigint_seen;

/* ---- the command table (repl_commands.c) ---- */
#define REPL_RESUMES 1u      /* runs the guest: refused by gdb's monitor */
#define REPL_TAKES_IF 2u     /* accepts an `if CONDITION` tail (repl.cond) */
struct command {
    const char *name, *alias;
    enum cmd_result (*run)(int argc, char **argv);
    const char *usage, *summary, *help;
    unsigned flags;
};
extern const struct command repl_commands[];
extern const size_t repl_ncommands;
/* Exact name or alias, else a unique prefix of a name; prints the error itself unless quiet. */
const struct command *repl_find_command(const char *name, bool quiet);
/* Split a line into words and run it (the line is modified). */
enum cmd_result repl_execute(char *line);

/* ---- output (repl_util.c): everything a command prints goes to repl.out ---- */
void repl_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void repl_putc(int c);
/* One-line error; returns CMD_STAY so that commands can `return repl_fail(...)`. */
enum cmd_result repl_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void repl_flush_guest(void);

/* ---- names and formats (repl_util.c) ---- */
const char *repl_fmt_addr(uint64_t a, char *buf, size_t len);
const char *repl_priv_letter(uint64_t p);
const char *repl_priv_word(uint64_t p);
const char *repl_size_text(uint64_t size, char *buf, size_t len);
const char *repl_strerror(int rc);
const char *repl_x_abi(unsigned i);
const char *repl_f_abi(unsigned i);
const char *repl_exception_name(uint64_t code);
const char *repl_interrupt_name(uint64_t code);
const char *repl_satp_mode_name(unsigned mode);
const char *repl_watch_kind_name(enum vdbg_watch_kind k);

/* ---- address expressions (repl_util.c): print one line and return -1 on error ---- */
int repl_eval_exact(const char *s, uint64_t *out, bool *exact);
int repl_eval(const char *s, uint64_t *out);
int repl_eval_range(const char *s, uint64_t *out, uint64_t min, uint64_t max, const char *what);
int repl_eval_count(const char *s, uint64_t *out, uint64_t max, const char *what);

/* ---- harts, instructions, points (repl_util.c) ---- */
uint64_t repl_hart_pc(unsigned hart);
uint64_t repl_hart_priv(unsigned hart);
unsigned repl_read_insn(unsigned hart, uint64_t pc, uint32_t *raw);
unsigned repl_print_insn(unsigned hart, const char *marker, uint64_t pc);
void repl_print_where(unsigned hart);
bool repl_find_point(int id, struct vdbg_point *out);
void repl_print_value(unsigned hart, uint64_t addr, uint64_t len, bool physical);

/* ---- conditions of breakpoints and watchpoints (repl_break.c) ---- */
/* Whether a stop should be shown: false for a breakpoint or watchpoint whose condition is false
 * (the caller runs on). An error in the condition prints a line and stops. */
bool repl_condition_holds(const struct vdbg_stop *s);
/* Evaluate a condition expression (expr.h) on a hart: 0, or -1 with the reason in err. */
int repl_eval_condition(const char *expr, unsigned hart, uint64_t *value, char *err, size_t err_len);
void repl_conditions_clear(void);

/* ---- running (repl_run.c) ---- */
enum cmd_result repl_report_stop(const struct vdbg_stop *s);
void repl_run_begin(void);
void repl_run_end(void);
bool repl_refuse_if_exited(void);
bool repl_is_call(uint32_t raw, unsigned len);

/* ---- the commands, by family ---- */
/* repl_run.c */
enum cmd_result cmd_step(int argc, char **argv);
enum cmd_result cmd_next(int argc, char **argv);
enum cmd_result cmd_until(int argc, char **argv);
enum cmd_result cmd_continue(int argc, char **argv);
enum cmd_result cmd_rstep(int argc, char **argv);
enum cmd_result cmd_rnext(int argc, char **argv);
enum cmd_result cmd_rcontinue(int argc, char **argv);
enum cmd_result cmd_info_record(void);
/* repl_break.c */
enum cmd_result cmd_break(int argc, char **argv);
enum cmd_result cmd_watch(int argc, char **argv);
enum cmd_result cmd_delete(int argc, char **argv);
enum cmd_result cmd_info(int argc, char **argv);
/* repl_inspect.c */
enum cmd_result cmd_regs(int argc, char **argv);
enum cmd_result cmd_fregs(int argc, char **argv);
enum cmd_result cmd_csr(int argc, char **argv);
enum cmd_result cmd_x(int argc, char **argv);
enum cmd_result cmd_disas(int argc, char **argv);
enum cmd_result cmd_translate(int argc, char **argv);
enum cmd_result cmd_pagetable(int argc, char **argv);
enum cmd_result cmd_tlb(int argc, char **argv);
enum cmd_result cmd_devices(int argc, char **argv);
enum cmd_result cmd_hart(int argc, char **argv);
enum cmd_result cmd_print(int argc, char **argv);
/* repl_state.c */
enum cmd_result cmd_trace(int argc, char **argv);
enum cmd_result cmd_screenshot(int argc, char **argv);
enum cmd_result cmd_savevm(int argc, char **argv);
enum cmd_result cmd_loadvm(int argc, char **argv);
enum cmd_result cmd_reset(int argc, char **argv);
/* repl_memory.c */
enum cmd_result cmd_set(int argc, char **argv);
enum cmd_result cmd_dump(int argc, char **argv);
enum cmd_result cmd_load(int argc, char **argv);

/* ---- completion (repl_complete.c) ---- */
char **repl_complete(const char *text, int start, int end);

#endif
