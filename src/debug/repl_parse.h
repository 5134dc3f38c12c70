/* The REPL's line parsing, apart from the machine so that unit tests reach it: words, the
 * `if CONDITION` tail, and the values of `set` (docs/debugging.md). */
#ifndef VHART_DEBUG_REPL_PARSE_H
#define VHART_DEBUG_REPL_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/* Split line in place into words separated by blanks (at most max; argv has room for max + 1,
 * a NULL after the last). A word "if" ends the words:
 * *cond then points at the rest of the line with its blanks trimmed ("" when nothing follows), else
 * it is NULL. A word starting with '#' ends the line (a comment). Returns the number of words, or -1
 * when there are more than max. */
int repl_split(char *line, char **argv, int max, char **cond);

/* A floating-point value for `set fN`: a decimal or hex float, inf or nan (strtod's syntax), as the
 * bits of a double, but not a plain integer (0x3ff8000000000000, 42: those are raw bits), or with an "f" suffix as a NaN-boxed single (0xffffffff in the upper half, as
 * the F extension keeps singles in 64-bit registers). Returns 0, or -1 when s is not a float. */
int repl_parse_float(const char *s, uint64_t *bits);

/* An access size for `set mem`: 1, 2, 4 or 8, or b, h, w, d (byte, half, word, double). 0 or -1. */
int repl_parse_size(const char *s, unsigned *size);

#endif
