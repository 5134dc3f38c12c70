/* Decoded-instruction cache: one array of pre-decoded slots per physical code page. */
#ifndef VHART_CPU_CODECACHE_H
#define VHART_CPU_CODECACHE_H

#include <stdint.h>

#include "decode.h"

struct bus;
struct bus_region;

/* A page of 4 KiB holds up to 2048 instructions at 2-byte granularity; two sentinel slots
 * (OP_PAGE_END) follow so that sequential execution falls off the end into a refetch. */
#define CODECACHE_SLOTS 2048
#define CODECACHE_SLOTS_ALLOC (CODECACHE_SLOTS + 2)

/* Slots for the page at `paddr` (page aligned) of memory region `r`, allocated on first use.
 * Returns NULL if out of host memory. */
struct insn *codecache_page(struct bus *b, struct bus_region *r, uint64_t paddr);

/* Forget the decoded instructions of page `page_index` of `r` (its memory was written). With one
 * thread the slots stay allocated and re-decode lazily, so a hart executing in that page stays
 * safe; with hart threads (r->concurrent) they are replaced and retired (codecache_reclaim). */
void codecache_invalidate(struct bus_region *r, uint64_t page_index);

/* Hart threads publish codecache_epoch() at slice boundaries; retired slots older than the least
 * published epoch are freed by codecache_reclaim (docs/threads.md). */
uint64_t codecache_epoch(void);
void codecache_reclaim(uint64_t min_seen);

/* Free every decoded page of a region (machine teardown). */
void codecache_free_region(struct bus_region *r);

#endif
