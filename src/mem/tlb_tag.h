/* Shared by mmu.c (fills) and tlb_flush.c (drops). */
#ifndef VHART_MEM_TLB_TAG_H
#define VHART_MEM_TLB_TAG_H

#include "../util/guest_atomic.h"

/* TLB tags are written as relaxed atomics: other hart threads drop entries too (a page gaining
 * decoded code loses its write entries, a page losing it its fetch entries; docs/threads.md). */
#define SET_TAG(p, v) GA_STORE((p), (v), GA_RELAXED)
#define GET_TAG(p) GA_LOAD((p), GA_RELAXED)

#endif
