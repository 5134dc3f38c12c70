/* The gdb remote stub: serves one gdb over TCP (127.0.0.1 only) on top of the debug API
 * (include/vhart/debug.h), one thread per hart (GDB manual, appendix E "Remote Protocol"). */
#ifndef VHART_DEBUG_GDBSTUB_H
#define VHART_DEBUG_GDBSTUB_H

#include <stdbool.h>
#include <stddef.h>

struct machine;
struct gdbstub;

/* What gdbstub_serve ended with. */
enum gdbstub_end {
    GDBSTUB_DETACHED,   /* gdb detached or the connection dropped: points cleared, keep running */
    GDBSTUB_KILLED,     /* gdb killed the program: end vhart */
    GDBSTUB_EXITED,     /* the machine powered off (gdb was told); the exit code is in *code */
    GDBSTUB_QUIT,       /* the user quit from the console (Ctrl-A x) while gdb was attached */
    GDBSTUB_ERROR,      /* a socket error (accept failed): the message is in gdbstub_error */
};

/* Listen on 127.0.0.1:port. Returns NULL with a one-line error in err naming the option
 * (e.g. "--gdb 1234: port in use"). */
struct gdbstub *gdbstub_open(struct machine *m, unsigned port, char *err, size_t err_len);
/* The port listened on. */
unsigned gdbstub_port(const struct gdbstub *g);
/* Wait for gdb to connect (unless a connection is already pending), then serve it with the
 * machine stopped, until it detaches or kills, or the machine exits. While gdb lets the machine
 * run, the stub installs its own vdbg_set_poll hook (to see Ctrl-C) and removes it (NULL) before
 * returning: reinstall gdbstub_poll_connection afterwards if the machine keeps running. */
enum gdbstub_end gdbstub_serve(struct gdbstub *g, int *code);
/* A vdbg_set_poll hook for running without gdb attached: true when a gdb is connecting, so that
 * the run loop stops (VDBG_STOP_REQUESTED) and the caller can call gdbstub_serve. Never blocks. */
bool gdbstub_poll_connection(void *g);
/* The last socket error (GDBSTUB_ERROR), one line. */
const char *gdbstub_error(const struct gdbstub *g);
void gdbstub_close(struct gdbstub *g);

#endif
