/* The debugger REPL: a readline command line over the debug API (include/vhart/debug.h). */
#ifndef VHART_DEBUG_REPL_H
#define VHART_DEBUG_REPL_H

#include <stdbool.h>

#include <vhart/debug.h>

struct machine;

enum repl_action { REPL_CONTINUE, REPL_QUIT };

/* Set up readline: history from ~/.vhart_history, tab completion of commands, registers, CSRs and
 * symbols. Called once before the first repl_enter (repl_enter calls it if it was not). */
void repl_init(struct machine *m);

/* Enter the debugger after `why`: print where and why the machine stopped, then read commands at
 * the "(vhart) " prompt. The terminal is in cooked mode while it reads (console_pause) and raw again
 * when it returns (console_resume). step, next and until run inside and prompt again; returns
 * REPL_CONTINUE for continue/c (the caller then runs vdbg_continue and enters again with the new
 * stop) and REPL_QUIT for quit/q, end of input, or Ctrl-A x while a step ran. */
enum repl_action repl_enter(struct machine *m, const struct vdbg_stop *why);

/* Whether the machine powered off while the REPL ran it (step, next, until, or a `why` of
 * VDBG_STOP_EXITED), with the guest's exit code: after REPL_QUIT, the status to exit with. */
bool repl_exited(int *exit_code);

/* Called about ten times a second while the REPL waits for a line (readline's event hook), so a
 * window keeps being redrawn; NULL to remove. */
void repl_set_idle_hook(void (*hook)(void));

/* gdb's `monitor LINE`: run one REPL command on `hart` (gdb's selected thread) and return what it
 * printed, a malloc'd string the caller frees (NULL when out of memory). Commands that run the guest
 * (step, next, until, continue, the reverse ones) and quit are refused with a one-line message. */
char *repl_monitor(struct machine *m, unsigned hart, const char *line);

/* --debug-cmd FILE: the REPL reads its first commands from FILE (each echoed after the prompt),
 * then from standard input. Returns 0, or -1 with "FILE: why" in err when FILE cannot be read. */
int repl_set_script(const char *path, char *err, size_t err_len);

/* Save the history. */
void repl_shutdown(void);

#endif
