/* The REPL's line parsing: words and the `if` condition, set's float and size arguments. */
#include "repl_parse.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int repl_split(char *line, char **argv, int max, char **cond)
{
    int argc = 0;
    char *p = line;
    *cond = NULL;
    for (;;) {
        while (isspace((unsigned char)*p)) p++;
        if (*p == 0 || *p == '#') break;
        char *word = p;
        while (*p && !isspace((unsigned char)*p)) p++;
        bool last = *p == 0;
        if (!last) *p++ = 0;
        if (!strcmp(word, "if")) {
            while (isspace((unsigned char)*p)) p++;
            size_t n = strlen(p);
            while (n && isspace((unsigned char)p[n - 1])) p[--n] = 0;
            *cond = p;
            break;
        }
        if (argc == max) return -1;
        argv[argc++] = word;
        if (last) break;
    }
    argv[argc] = NULL;
    return argc;
}

/* A plain integer literal (0x1f, 42, -3): set takes those as raw bits, not as numbers. */
static bool is_integer(const char *s)
{
    if (*s == '-' || *s == '+') s++;
    bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (hex) s += 2;
    if (!*s) return false;
    for (; *s; s++)
        if (!(hex ? isxdigit((unsigned char)*s) : isdigit((unsigned char)*s))) return false;
    return true;
}

int repl_parse_float(const char *s, uint64_t *bits)
{
    size_t n = strlen(s);
    char buf[128];
    if (n == 0 || n >= sizeof(buf) || is_integer(s)) return -1;
    memcpy(buf, s, n + 1);
    bool single = (s[n - 1] == 'f' || s[n - 1] == 'F') && !(n >= 3 && !strcasecmp(s + n - 3, "inf"));
    if (single) buf[n - 1] = 0;
    char *end;
    errno = 0;
    double d = strtod(buf, &end);
    if (*end || end == buf || (errno == ERANGE && isinf(d))) return -1;
    if (single) {
        float f = (float)d;
        uint32_t w;
        memcpy(&w, &f, sizeof(w));
        *bits = 0xffffffff00000000ull | w;
    } else {
        memcpy(bits, &d, sizeof(*bits));
    }
    return 0;
}

int repl_parse_size(const char *s, unsigned *size)
{
    static const struct { const char *name; unsigned size; } sizes[] = {
        { "1", 1 }, { "2", 2 }, { "4", 4 }, { "8", 8 }, { "b", 1 }, { "h", 2 }, { "w", 4 }, { "d", 8 },
    };
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
        if (!strcmp(s, sizes[i].name)) {
            *size = sizes[i].size;
            return 0;
        }
    return -1;
}
