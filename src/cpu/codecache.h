/* Decoded-instruction cache: one array of pre-decoded slots per physical code page. */
#ifndef VHART_CPU_CODECACHE_H
#define VHART_CPU_CODECACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "decode.h"

struct bus;
struct bus_region;

/* A page of 4 KiB holds up to 2048 instructions at 2-byte granularity; two sentinel slots
 * (OP_PAGE_END) follow so that sequential execution falls off the end into a refetch. */
#define CODECACHE_SLOTS 2048
#define CODECACHE_SLOTS_ALLOC (CODECACHE_SLOTS + 2)
/* The first sentinel also tallies the page's writes since it was last forgotten whole (raw) and
 * those of them that hit decoded slots (imm); at these counts the page is forgotten whole. */
#define CODECACHE_WRITES_TO_FORGET 4096u
#define CODECACHE_PATCHES_TO_FORGET 16

/* Slots for the page at `paddr` (page aligned) of memory region `r`, allocated on first use.
 * Returns NULL if out of host memory. */
struct insn *codecache_page(struct bus *b, struct bus_region *r, uint64_t paddr);

/* Forget the decoded instructions of page `page_index` of `r` (its memory was written). With one
 * thread the slots stay allocated and re-decode lazily, so a hart executing in that page stays
 * safe; with hart threads (r->concurrent) they are replaced and retired (codecache_reclaim). */
void codecache_invalidate(struct bus_region *r, uint64_t page_index);

/* Bytes [lo, hi) of page `page_index` of `r` (which holds decoded code) were written: forget the
 * slots whose decode read any of them: instructions overlapping the bytes, a fused group reaching
 * into them. Returns whether any slot was forgotten
 * (the caller then ends the running block). With hart threads a hit retires the whole page, as
 * codecache_invalidate does; so does a page written often (CODECACHE_WRITES_TO_FORGET). */
bool codecache_invalidate_range(struct bus_region *r, uint64_t page_index, unsigned lo, unsigned hi);

/* Hart threads publish codecache_epoch() at slice boundaries; retired slots older than the least
 * published epoch are freed by codecache_reclaim (docs/threads.md). */
uint64_t codecache_epoch(void);
void codecache_reclaim(uint64_t min_seen);

/* Free every decoded page of a region (machine teardown). */
void codecache_free_region(struct bus_region *r);

#endif
