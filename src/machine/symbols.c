/* The symbol table of the loaded ELF files (the kernel or program, and --symbols files), sorted by
 * address, for the debugger, the gdb stub and the trace. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include <vhart/debug.h>

#include "machine_internal.h"

static int symbol_cmp(const void *a, const void *b)
{
    const struct dbg_symbol *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr ? 1 : strcmp(x->name, y->name);
}

void symbols_add_elf(struct machine *m, const struct elf_image *img)
{
    struct dbg_symbol *s = realloc(m->symbols, (m->n_symbols + img->symbol_count) * sizeof(*s));
    if (!s) return;
    m->symbols = s;
    for (size_t i = 0; i < img->symbol_count; i++) {
        const struct elf_symbol *e = &img->symbols[i];
        if (!e->name[0] || e->name[0] == '$' || e->value == 0 || e->absolute) continue;
        char *name = strdup(e->name);
        if (!name) continue;
        s[m->n_symbols++] = (struct dbg_symbol){ .name = name, .addr = e->value, .size = e->size };
    }
    qsort(m->symbols, m->n_symbols, sizeof(*m->symbols), symbol_cmp);
}

int vdbg_symbol_lookup(const struct machine *m, const char *name, uint64_t *addr)
{
    for (size_t i = 0; i < m->n_symbols; i++)
        if (!strcmp(m->symbols[i].name, name)) {
            *addr = m->symbols[i].addr;
            return VDBG_OK;
        }
    return VDBG_ENOENT;
}

const char *vdbg_symbol_at(const struct machine *m, uint64_t addr, uint64_t *offset)
{
    size_t lo = 0, hi = m->n_symbols;
    while (lo < hi) {   /* first symbol above addr */
        size_t mid = (lo + hi) / 2;
        if (m->symbols[mid].addr <= addr) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return NULL;
    const struct dbg_symbol *s = &m->symbols[lo - 1];
    /* Prefer a sized symbol that covers addr; an unsized label only nearby. */
    if (s->size ? addr - s->addr >= s->size : addr - s->addr > 0x1000) return NULL;
    *offset = addr - s->addr;
    return s->name;
}

void vdbg_symbols_matching(const struct machine *m, const char *prefix, void (*fn)(void *, const char *), void *ctx)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < m->n_symbols; i++)
        if (!strncmp(m->symbols[i].name, prefix, n)) fn(ctx, m->symbols[i].name);
}
