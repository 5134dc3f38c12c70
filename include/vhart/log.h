/* vhart's event log (--log ITEMS, --log-file FILE; QEMU's -d/-D): one line per trap, page-fault
 * verdict or guest error. Format and items: docs/logging.md. */
#ifndef VHART_LOG_H
#define VHART_LOG_H

#include <stddef.h>

struct machine;

enum {
    VHART_LOG_INT = 1u << 0,          /* interrupts taken */
    VHART_LOG_EXC = 1u << 1,          /* exceptions taken */
    VHART_LOG_MMU = 1u << 2,          /* page faults with the page walk's verdict */
    VHART_LOG_GUEST_ERRORS = 1u << 3, /* unmapped physical accesses, unimplemented CSRs, device misuse */
};

/* Parse a comma-separated list of items ("int,exc", "all"). Returns 0 with *mask, 1 for "help"
 * (print vhart_log_help), or -1 with a one-line reason in err. */
int vhart_log_parse(const char *items, unsigned *mask, char *err, size_t errlen);
extern const char vhart_log_help[];

/* Start logging `mask` to `file` (NULL: standard error; the file is truncated). Lines are written
 * with one write(2) each, so harts on several host threads may log at once. */
int vhart_log_open(struct machine *m, unsigned mask, const char *file, char *err, size_t errlen);

#endif
