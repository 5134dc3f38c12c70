/* The debugger's condition expressions: a recursive-descent parser that evaluates as it parses
 * (expr.h has the grammar). In "skip" mode it only parses: the right side of a decided && or ||,
 * and expr_check. */
#include "expr.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser {
    const char *s, *p;
    const struct expr_env *env;
    char *err;
    size_t err_len;
    bool failed;
    int depth;
};

static uint64_t error(struct parser *ps, const char *fmt, ...)
{
    if (ps->failed) return 0;
    ps->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ps->err, ps->err_len, fmt, ap);
    va_end(ap);
    return 0;
}

static void skip_space(struct parser *ps)
{
    while (isspace((unsigned char)*ps->p)) ps->p++;
}

/* Consume the operator op if it is next (and not the start of a longer one, e.g. & of &&). */
static bool accept(struct parser *ps, const char *op)
{
    skip_space(ps);
    size_t n = strlen(op);
    if (strncmp(ps->p, op, n) != 0) return false;
    if (n == 1 && (op[0] == '&' || op[0] == '|') && ps->p[1] == op[0]) return false;
    if (n == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '!') && ps->p[1] == '=') return false;
    ps->p += n;
    return true;
}

static void expect(struct parser *ps, const char *op)
{
    if (!accept(ps, op)) error(ps, "expected \"%s\" at \"%s\"", op, *ps->p ? ps->p : "(end)");
}

static uint64_t parse_or(struct parser *ps, bool skip);

static bool is_name_start(int c) { return isalpha(c) || c == '_' || c == '.' || c == '$'; }
static bool is_name_char(int c) { return isalnum(c) || c == '_' || c == '.' || c == '$'; }

static uint64_t read_mem(struct parser *ps, uint64_t addr, unsigned size, bool skip)
{
    uint64_t v = 0;
    if (skip || ps->failed) return 0;
    if (!ps->env || !ps->env->mem || ps->env->mem(ps->env->ctx, addr, size, &v))
        return error(ps, "cannot read %u byte%s at 0x%llx", size, size == 1 ? "" : "s", (unsigned long long)addr);
    return v;
}

static uint64_t parse_number(struct parser *ps)
{
    const char *start = ps->p;
    int base = 10;
    if (ps->p[0] == '0' && (ps->p[1] == 'x' || ps->p[1] == 'X')) base = 16, ps->p += 2;
    else if (ps->p[0] == '0' && (ps->p[1] == 'b' || ps->p[1] == 'B')) base = 2, ps->p += 2;
    const char *digits = ps->p;
    while (isalnum((unsigned char)*ps->p) || *ps->p == '_') ps->p++;
    char buf[80];
    size_t n = (size_t)(ps->p - digits);
    if (n == 0 || n >= sizeof(buf)) return error(ps, "bad number \"%.*s\"", (int)(ps->p - start), start);
    memcpy(buf, digits, n);
    buf[n] = 0;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(buf, &end, base);
    if (errno || *end || buf[0] == '-' || buf[0] == '+')
        return error(ps, "bad number \"%.*s\"", (int)(ps->p - start), start);
    return v;
}

static uint64_t parse_name(struct parser *ps, bool skip)
{
    char name[128];
    size_t n = 0;
    bool dollar = *ps->p == '$';
    if (dollar) ps->p++;
    while (is_name_char((unsigned char)*ps->p)) {
        if (n + 1 >= sizeof(name)) return error(ps, "name too long");
        name[n++] = *ps->p++;
    }
    name[n] = 0;
    if (n == 0) return error(ps, "expected a register name after $");
    /* mem[ADDR]: eight bytes */
    if (!dollar && !strcmp(name, "mem")) {
        skip_space(ps);
        if (*ps->p == '[') {
            ps->p++;
            uint64_t addr = parse_or(ps, skip);
            expect(ps, "]");
            return read_mem(ps, addr, 8, skip);
        }
    }
    if (skip || ps->failed) return 0;
    uint64_t v;
    const struct expr_env *e = ps->env;
    if (e && e->reg && e->reg(e->ctx, name, &v) == 0) return v;
    if (dollar) return error(ps, "no register $%s", name);
    if (e && e->sym && e->sym(e->ctx, name, &v) == 0) return v;
    return error(ps, "no register or symbol \"%s\"", name);
}

/* "(u32*)" after a '*': the size of the access, or 0 when the parenthesis is not a cast. */
static unsigned parse_cast(struct parser *ps)
{
    static const struct { const char *name; unsigned size; } types[] = {
        { "u8", 1 }, { "u16", 2 }, { "u32", 4 }, { "u64", 8 },
        { "uint8_t", 1 }, { "uint16_t", 2 }, { "uint32_t", 4 }, { "uint64_t", 8 },
    };
    const char *save = ps->p;
    if (!accept(ps, "(")) return 0;
    skip_space(ps);
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        size_t n = strlen(types[i].name);
        if (!strncmp(ps->p, types[i].name, n) && !is_name_char((unsigned char)ps->p[n])) {
            ps->p += n;
            if (accept(ps, "*") && accept(ps, ")")) return types[i].size;
            break;
        }
    }
    ps->p = save;
    return 0;
}

static uint64_t parse_unary(struct parser *ps, bool skip)
{
    if (ps->failed) return 0;
    if (++ps->depth > EXPR_MAX_DEPTH) return error(ps, "expression nested too deeply");
    uint64_t v;
    skip_space(ps);
    char c = *ps->p;
    if (c == '-' || c == '!' || c == '~') {
        ps->p++;
        v = parse_unary(ps, skip);
        v = c == '-' ? (uint64_t)0 - v : c == '!' ? (uint64_t)(v == 0) : ~v;
    } else if (c == '*') {
        ps->p++;
        unsigned size = parse_cast(ps);
        uint64_t addr = parse_unary(ps, skip);
        v = read_mem(ps, addr, size ? size : 8, skip);
    } else if (c == '(') {
        ps->p++;
        v = parse_or(ps, skip);
        expect(ps, ")");
    } else if (isdigit((unsigned char)c)) {
        v = parse_number(ps);
    } else if (is_name_start((unsigned char)c)) {
        v = parse_name(ps, skip);
    } else {
        v = c ? error(ps, "unexpected \"%s\"", ps->p) : error(ps, "the expression ends too early");
    }
    ps->depth--;
    return v;
}

static uint64_t parse_sum(struct parser *ps, bool skip)
{
    uint64_t v = parse_unary(ps, skip);
    for (;;) {
        if (accept(ps, "+")) v += parse_unary(ps, skip);
        else if (accept(ps, "-")) v -= parse_unary(ps, skip);
        else return v;
    }
}

static uint64_t parse_band(struct parser *ps, bool skip)
{
    uint64_t v = parse_sum(ps, skip);
    while (accept(ps, "&")) v &= parse_sum(ps, skip);
    return v;
}

static uint64_t parse_bor(struct parser *ps, bool skip)
{
    uint64_t v = parse_band(ps, skip);
    while (accept(ps, "|")) v |= parse_band(ps, skip);
    return v;
}

static uint64_t parse_cmp(struct parser *ps, bool skip)
{
    uint64_t a = parse_bor(ps, skip);
    for (;;) {
        if (accept(ps, "==")) a = a == parse_bor(ps, skip);
        else if (accept(ps, "!=")) a = a != parse_bor(ps, skip);
        else if (accept(ps, "<=")) a = a <= parse_bor(ps, skip);
        else if (accept(ps, ">=")) a = a >= parse_bor(ps, skip);
        else if (accept(ps, "<")) a = a < parse_bor(ps, skip);
        else if (accept(ps, ">")) a = a > parse_bor(ps, skip);
        else return a;
    }
}

static uint64_t parse_and(struct parser *ps, bool skip)
{
    uint64_t v = parse_cmp(ps, skip);
    while (accept(ps, "&&")) {
        uint64_t r = parse_cmp(ps, skip || v == 0);
        v = v != 0 && r != 0;
    }
    return v;
}

static uint64_t parse_or(struct parser *ps, bool skip)
{
    uint64_t v = parse_and(ps, skip);
    while (accept(ps, "||")) {
        uint64_t r = parse_and(ps, skip || v != 0);
        v = v != 0 || r != 0;
    }
    return v;
}

static int run(const char *text, const struct expr_env *env, bool skip, uint64_t *value, char *err, size_t err_len)
{
    char dummy[1];
    struct parser ps = { .s = text, .p = text, .env = env, .err = err_len ? err : dummy,
                         .err_len = err_len ? err_len : sizeof(dummy) };
    if (!text || strlen(text) > EXPR_MAX_LEN) {
        error(&ps, "expression missing or longer than %d characters", EXPR_MAX_LEN);
        return -1;
    }
    uint64_t v = parse_or(&ps, skip);
    skip_space(&ps);
    if (!ps.failed && *ps.p) error(&ps, "unexpected \"%s\"", ps.p);
    if (ps.failed) return -1;
    if (value) *value = v;
    return 0;
}

int expr_eval(const char *text, const struct expr_env *env, uint64_t *value, char *err, size_t err_len)
{
    return run(text, env, false, value, err, err_len);
}

int expr_check(const char *text, char *err, size_t err_len)
{
    return run(text, NULL, true, NULL, err, err_len);
}
