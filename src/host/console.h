/* The host terminal as the guest's serial console: raw mode restored on every exit path,
 * Ctrl-A escapes, non-blocking input, prompt output. */
#ifndef VHART_HOST_CONSOLE_H
#define VHART_HOST_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vhart/machine.h>

struct chardev;

/* Take over standard input and output. With a terminal on stdin it goes raw (restored at exit,
 * on fatal signals and on SIGTERM/SIGHUP/SIGINT); otherwise input is read as it comes.
 * `serial` (not NULL: --serial other than stdio) carries the guest's line instead; the terminal
 * then keeps only the Ctrl-A keys, and Ctrl-C stops vhart. */
void console_open(struct chardev *serial);
void console_close(void);

/* Give the guest no input at all, as if standard input had ended: the debugger REPL reads its
 * commands from a standard input that is not a terminal (--debug < script). */
void console_no_input(void);

/* Give the terminal back in its original (cooked) mode, e.g. while the debugger REPL reads lines,
 * and take it again afterwards. */
void console_pause(void);
void console_resume(void);

/* SIGTERM, SIGINT or SIGHUP that arrived while the guest ran (0: none): the console then
 * reports a quit to the run loop, and the frontend, once it has closed the machine (trace file,
 * disks), dies of that signal. While the console is paused (the debugger's prompt) these signals
 * act at once, as a second one always does. */
int console_pending_signal(void);

/* Whether Ctrl-A c asked for the debugger since the last call (cleared by reading it). */
bool console_debug_requested(void);

/* The callbacks for vhart_config.console. */
const struct vhart_console *console_backend(void);

#endif
