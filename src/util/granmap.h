/* A sparse array of 32-bit values indexed by a disk's 4 KiB granule number, 0 where never set: two
 * levels (a table of 1024-entry chunks allocated on first use), so a large disk costs memory only
 * where it was touched. Used by the copy-on-write overlay and the written-blocks record. */
#ifndef VHART_UTIL_GRANMAP_H
#define VHART_UTIL_GRANMAP_H

#include <stdint.h>

#define GRANMAP_CHUNK 1024u   /* entries per chunk (4 KiB of host memory) */

struct granmap {
    uint32_t **chunks;        /* nchunks pointers, NULL where every entry is 0 */
    uint64_t nchunks;
    uint64_t n;               /* entries: valid indices are 0..n-1 */
};

/* Returns 0, or -1 if the table cannot be allocated. */
int granmap_init(struct granmap *g, uint64_t n);
void granmap_free(struct granmap *g);
/* Every entry back to 0 (chunks are released). */
void granmap_clear(struct granmap *g);

static inline uint32_t granmap_get(const struct granmap *g, uint64_t i)
{
    const uint32_t *c = i < g->n ? g->chunks[i / GRANMAP_CHUNK] : 0;
    return c ? c[i % GRANMAP_CHUNK] : 0;
}

/* Returns 0, or -1 if a chunk cannot be allocated (the entry is then unchanged). i must be below n. */
int granmap_set(struct granmap *g, uint64_t i, uint32_t v);

/* The first index >= i whose entry is not 0, or n if there is none. */
uint64_t granmap_next(const struct granmap *g, uint64_t i);

#endif
