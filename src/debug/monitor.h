/* Commands shared by the REPL and the gdb stub's `monitor` (qRcmd): each writes its one-line
 * result (or error) into out, without a newline, and returns 0 on success or -1. */
#ifndef VHART_DEBUG_MONITOR_H
#define VHART_DEBUG_MONITOR_H

#include <stddef.h>

struct machine;

/* savevm FILE: "saved to FILE (N.N MiB, T.TT s)"; on failure the library's line. */
int monitor_savevm(struct machine *m, const char *path, char *out, size_t len);
/* loadvm FILE: "loaded FILE"; on failure the library's line (FILE: why), the machine unchanged. */
int monitor_loadvm(struct machine *m, const char *path, char *out, size_t len);

#endif
