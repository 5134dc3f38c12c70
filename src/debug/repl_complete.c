/* The REPL's tab completion (GNU readline): commands, $registers, CSR names, symbols. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <readline/readline.h>

#include "cpu/csr.h"
#include "repl_internal.h"

/* ------------------------------------------------------------------------------------------------
 * Completion
 */

static struct {
    char **items;
    size_t n, cap, next;
    const char *prefix;      /* prepended to each ("$" for registers) */
} comp;

static void comp_add(const char *s)
{
    if (comp.n == comp.cap) {
        size_t cap = comp.cap ? 2 * comp.cap : 256;
        char **items = realloc(comp.items, cap * sizeof(*items));
        if (!items) return;
        comp.items = items;
        comp.cap = cap;
    }
    size_t len = strlen(comp.prefix) + strlen(s) + 1;
    char *copy = malloc(len);
    if (!copy) return;
    snprintf(copy, len, "%s%s", comp.prefix, s);
    comp.items[comp.n++] = copy;
}

/* Add s (after comp.prefix) when it completes text. */
static void comp_add_if(const char *s, const char *text)
{
    size_t pl = strlen(comp.prefix), tl = strlen(text);
    if (tl <= pl ? strncmp(comp.prefix, text, tl) == 0
                 : strncmp(comp.prefix, text, pl) == 0 && strncmp(s, text + pl, tl - pl) == 0)
        comp_add(s);
}

static void comp_symbol(void *ctx, const char *name)
{
    (void)ctx;
    comp_add(name);
}

static int comp_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void comp_reset(void)
{
    for (size_t i = comp.next; i < comp.n; i++) free(comp.items[i]);
    comp.n = comp.next = 0;
    comp.prefix = "";
}

/* Register names ($ completion), or only CSR names (csr's argument). */
static void comp_registers(const char *text, bool csrs_only)
{
    char nb[32];
    for (int i = 0; i < 32 && !csrs_only; i++) {
        comp_add_if(repl_x_abi(i), text);
        comp_add_if(repl_f_abi(i), text);
    }
    if (!csrs_only) {
        comp_add_if("pc", text);
        comp_add_if("priv", text);
    }
    for (unsigned csr = 0; csr < 0x1000; csr++) {
        const char *name = csr_name(csr, nb, sizeof(nb));
        if (name) comp_add_if(name, text);
    }
}

/* Gather the candidates for `text` in the context of the line's first word. */
static void comp_gather(const char *text, int start)
{
    comp_reset();
    const char *line = rl_line_buffer;
    int i = 0;
    while (i < start && isspace((unsigned char)line[i])) i++;
    if (i >= start) {   /* the command word itself */
        for (size_t k = 0; k < repl_ncommands; k++) comp_add_if(repl_commands[k].name, text);
        return;
    }
    char word[32];
    int n = 0;
    while (i < start && !isspace((unsigned char)line[i]) && n < (int)sizeof(word) - 1) word[n++] = line[i++];
    word[n] = 0;
    const struct command *c = repl_find_command(word, true);
    const char *name = c ? c->name : "";
    static const char *const info_words[] = { "break", "regs", NULL };
    static const char *const trace_words[] = { "on", "off", NULL };
    static const char *const watch_words[] = { "r", "w", "rw", "phys", NULL };
    const char *const *words = NULL;
    if (!strcmp(name, "help")) {
        for (size_t k = 0; k < repl_ncommands; k++) comp_add_if(repl_commands[k].name, text);
        return;
    }
    if (!strcmp(name, "csr")) {
        comp_add_if("all", text);
        comp_registers(text, true);
        return;
    }
    if (!strcmp(name, "info")) words = info_words;
    else if (!strcmp(name, "trace")) words = trace_words;
    else if (!strcmp(name, "watch")) words = watch_words;
    if (words)
        for (int k = 0; words[k]; k++) comp_add_if(words[k], text);
    if (!strcmp(name, "info") || !strcmp(name, "trace")) return;
    if (!strcmp(name, "break") || !strcmp(name, "x")) comp_add_if("phys", text);
    if (text[0] == '$') {
        comp.prefix = "$";
        comp_registers(text, false);
        comp.prefix = "";
        return;
    }
    if (repl.m) vdbg_symbols_matching(repl.m, text, comp_symbol, NULL);
}

static char *comp_generator(const char *text, int state)
{
    (void)text;
    if (state == 0 && comp.n > 1) {   /* sort and drop duplicates (a symbol may be defined twice) */
        qsort(comp.items, comp.n, sizeof(*comp.items), comp_cmp);
        size_t out = 1;
        for (size_t i = 1; i < comp.n; i++) {
            if (!strcmp(comp.items[i], comp.items[out - 1])) free(comp.items[i]);
            else comp.items[out++] = comp.items[i];
        }
        comp.n = out;
    }
    if (comp.next < comp.n) return comp.items[comp.next++];   /* readline frees it */
    return NULL;
}

char **repl_complete(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1;   /* never fall back to file names */
    comp_gather(text, start);
    comp.next = 0;
    char **m = rl_completion_matches(text, comp_generator);
    comp_reset();
    return m;
}

