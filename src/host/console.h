/* The host terminal as the guest's serial console: raw mode restored on every exit path,
 * Ctrl-A escapes, non-blocking input, prompt output. */
#ifndef VHART_HOST_CONSOLE_H
#define VHART_HOST_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vhart/machine.h>

/* Take over standard input and output. With a terminal on stdin it goes raw (restored at exit,
 * on fatal signals and on SIGTERM/SIGHUP); otherwise input is read as it comes. */
void console_open(void);
void console_close(void);

/* The callbacks for vhart_config.console. */
const struct vhart_console *console_backend(void);

#endif
