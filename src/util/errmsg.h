/* One-line error messages into a caller's buffer: the library reports, the frontend prints. */
#ifndef VHART_UTIL_ERRMSG_H
#define VHART_UTIL_ERRMSG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Format into err (may be NULL) and return -1, so that `return err_printf(...)` reads naturally. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 3, 4)))
#endif
static inline int err_printf(char *err, size_t err_len, const char *fmt, ...)
{
    if (err && err_len) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, err_len, fmt, ap);
        va_end(ap);
    }
    return -1;
}

#endif
