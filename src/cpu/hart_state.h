/* A hart's architectural state as data: snapshot save/load, comparison, caches rebuilt after a load. */
#ifndef VHART_CPU_HART_STATE_H
#define VHART_CPU_HART_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/statebuf.h"
#include "hart.h"

/* Write the architectural state (HART_ARCH_STATE in hart.h), nothing derived from it. */
void hart_save(const struct hart *h, struct state_writer *w);

/* Read what hart_save wrote into h (which was created with extensions `ext`), then rebuild what
 * is derived from it. Returns 0, or -1 with the reader failed and a message in r->error when the
 * bytes run short or hold a state no execution reaches (a corrupt snapshot). */
int hart_load(struct hart *h, struct state_reader *r, uint64_t ext);

/* Whether two architectural states are equal; if not, the first difference in words in buf
 * ("x[10]: 0x5 vs 0x6"). */
bool hart_arch_same(const struct hart_arch *a, const struct hart_arch *b, char *buf, size_t len);

/* The architectural state was replaced (a load, or a copy into h->arch): drop the TLBs, rebuild
 * the PMP rules and the MMU mode, and make the interpreter refetch. */
void hart_state_loaded(struct hart *h);

#endif
