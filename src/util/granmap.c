/* The sparse granule map (granmap.h): a table of lazily allocated 1024-entry chunks. */
#include "granmap.h"

#include <stdlib.h>
#include <string.h>

int granmap_init(struct granmap *g, uint64_t n)
{
    g->n = n;
    g->nchunks = (n + GRANMAP_CHUNK - 1) / GRANMAP_CHUNK;
    g->chunks = calloc(g->nchunks ? (size_t)g->nchunks : 1, sizeof(*g->chunks));
    if (!g->chunks) {
        g->n = g->nchunks = 0;
        return -1;
    }
    return 0;
}

void granmap_clear(struct granmap *g)
{
    for (uint64_t c = 0; c < g->nchunks; c++) {
        free(g->chunks[c]);
        g->chunks[c] = NULL;
    }
}

void granmap_free(struct granmap *g)
{
    if (!g->chunks) return;
    granmap_clear(g);
    free(g->chunks);
    g->chunks = NULL;
    g->n = g->nchunks = 0;
}

int granmap_set(struct granmap *g, uint64_t i, uint32_t v)
{
    uint32_t **c = &g->chunks[i / GRANMAP_CHUNK];
    if (!*c) {
        if (v == 0) return 0;
        *c = calloc(GRANMAP_CHUNK, sizeof(**c));
        if (!*c) return -1;
    }
    (*c)[i % GRANMAP_CHUNK] = v;
    return 0;
}

uint64_t granmap_next(const struct granmap *g, uint64_t i)
{
    while (i < g->n) {
        const uint32_t *c = g->chunks[i / GRANMAP_CHUNK];
        if (!c) {
            i = (i / GRANMAP_CHUNK + 1) * GRANMAP_CHUNK;
            continue;
        }
        uint64_t end = (i / GRANMAP_CHUNK + 1) * GRANMAP_CHUNK;
        if (end > g->n) end = g->n;
        for (; i < end; i++)
            if (c[i % GRANMAP_CHUNK]) return i;
    }
    return g->n;
}
