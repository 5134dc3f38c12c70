/* PMP: the lowest-numbered entry that matches any byte of an access decides it; it must cover all
 * of it. M-mode is only bound by locked entries; S and U accesses that match no entry fail
 * (privileged spec 1.12, 3.7.1 "Physical Memory Protection CSRs" and 3.7.2 priority/matching). */
#include "pmp.h"

#include "../cpu/hart.h"

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_A_SHIFT 3
#define PMP_L 0x80
enum { PMP_OFF = 0, PMP_TOR = 1, PMP_NA4 = 2, PMP_NAPOT = 3 };

/* Byte range [lo, hi) of entry i; false if it is off. hi may be 2^64 - 1 for "everything". */
static bool entry_range(const struct hart *h, unsigned i, uint64_t *lo, uint64_t *hi)
{
    unsigned a = (h->pmpcfg[i] >> PMP_A_SHIFT) & 3;
    uint64_t addr = h->pmpaddr[i];
    switch (a) {
    case PMP_TOR:
        *lo = i ? h->pmpaddr[i - 1] << 2 : 0;
        *hi = addr << 2;
        return true;
    case PMP_NA4:
        *lo = addr << 2;
        *hi = *lo + 4;
        return true;
    case PMP_NAPOT: {
        /* Trailing ones of pmpaddr give the size: 2^(ones + 3) bytes. */
        unsigned ones = 0;
        while (ones < 54 && ((addr >> ones) & 1)) ones++;
        if (ones >= 54) {
            *lo = 0;
            *hi = ~0ull;
            return true;
        }
        uint64_t size = 1ull << (ones + 3);
        *lo = (addr << 2) & ~(size - 1);
        *hi = *lo + size;
        return true;
    }
    default:
        return false;
    }
}

void pmp_rebuild(struct hart *h)
{
    for (unsigned i = 0; i < 5; i++) h->pte_pages[i].page = ~0ull;
    h->pmp_nrules = 0;
    h->pmp_active = false;
    for (unsigned i = 0; i < 64; i++) {
        uint64_t lo, hi;
        if (!entry_range(h, i, &lo, &hi)) continue;
        h->pmp_active = true;
        if (lo >= hi) continue;           /* an empty TOR range matches nothing */
        h->pmp_rules[h->pmp_nrules++] = (struct pmp_rule){ lo, hi, h->pmpcfg[i] };
    }
}

bool pmp_allows(const struct hart *h, uint64_t pa, unsigned size, enum mmu_access access, unsigned priv,
                bool *page_uniform)
{
    uint64_t end = pa + size;
    uint64_t page = pa & ~0xfffull, page_end = page + 4096;
    if (page_uniform) *page_uniform = true;
    /* Without active entries M-mode may do anything and S/U nothing. With entries, even M-mode
     * must scan: an access that an entry matches only in part fails in every mode. */
    if (!h->pmp_active) return priv == PRV_M;
    for (unsigned i = 0; i < h->pmp_nrules; i++) {
        uint64_t lo = h->pmp_rules[i].lo, hi = h->pmp_rules[i].hi;
        /* An entry that cuts through the page makes the outcome address-dependent. */
        if (page_uniform && lo < page_end && hi > page && (lo > page || hi < page_end)) *page_uniform = false;
        if (end <= lo || pa >= hi) continue;                 /* no byte matches */
        if (pa < lo || end > hi) return false;               /* partial match fails */
        uint8_t cfg = h->pmp_rules[i].cfg;
        if (priv == PRV_M && !(cfg & PMP_L)) return true;
        uint8_t need = access == MMU_FETCH ? PMP_X : access == MMU_WRITE ? PMP_W : PMP_R;
        return (cfg & need) != 0;
    }
    return priv == PRV_M;
}
