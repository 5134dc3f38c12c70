/* savevm/loadvm for the REPL and gdb's `monitor` (docs/debugging.md). */
#define _POSIX_C_SOURCE 200809L
#include "monitor.h"

#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

#include <vhart/snapshot.h>

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int monitor_savevm(struct machine *m, const char *path, char *out, size_t len)
{
    char err[512];
    double t0 = now_s();
    if (machine_savevm(m, path, err, sizeof(err))) {
        snprintf(out, len, "%s", err);
        return -1;
    }
    double t = now_s() - t0;
    struct stat st;
    double mib = stat(path, &st) == 0 ? (double)st.st_size / (1024.0 * 1024.0) : 0;
    snprintf(out, len, "saved to %s (%.1f MiB, %.2f s)", path, mib, t);
    return 0;
}

int monitor_loadvm(struct machine *m, const char *path, char *out, size_t len)
{
    char err[512];
    if (machine_loadvm(m, path, err, sizeof(err))) {
        snprintf(out, len, "%s", err);
        return -1;
    }
    snprintf(out, len, "loaded %s", path);
    return 0;
}
