/* Physical memory protection checks (privileged spec 1.12, section 3.7). */
#ifndef VHART_MEM_PMP_H
#define VHART_MEM_PMP_H

#include <stdbool.h>
#include <stdint.h>

#include "mmu.h"

struct hart;

/* Whether an access of `size` bytes at physical `pa` of type `access` by effective privilege
 * `priv` is allowed. *page_uniform (may be NULL) tells whether every access of this kind to the
 * same 4 KiB page gets the same answer, so that a TLB entry may stand for the whole page. */
bool pmp_allows(const struct hart *h, uint64_t pa, unsigned size, enum mmu_access access, unsigned priv,
                bool *page_uniform);

/* Rebuild h->pmp_rules and h->pmp_active from the pmpcfg/pmpaddr CSRs (after any write). */
void pmp_rebuild(struct hart *h);

#endif
