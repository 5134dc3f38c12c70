/* Virtual memory: Sv39/Sv48/Sv57 page walks, permission checks, A/D updates and the software
 * TLB's slow paths (privileged spec 1.12, chapter 4.3-4.5). */
#ifndef VHART_MEM_MMU_H
#define VHART_MEM_MMU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hart;
struct tlb_fetch_entry;

enum mmu_access { MMU_READ = 0, MMU_WRITE = 1, MMU_FETCH = 2 };

/* satp.MODE values (privileged spec table 4.4); hgatp uses the same numbers for Sv39x4, Sv48x4
 * and Sv57x4 ("Hypervisor Extension", hgatp). */
enum { SATP_MODE_BARE = 0, SATP_MODE_SV39 = 8, SATP_MODE_SV48 = 9, SATP_MODE_SV57 = 10 };
#define HGATP_VMID_SHIFT 44
#define HGATP_VMID_MASK (0x3fffull << HGATP_VMID_SHIFT)   /* VMIDLEN = 14 */

/* PTE bits (privileged spec 4.3.1). */
#define PTE_V (1ull << 0)
#define PTE_R (1ull << 1)
#define PTE_W (1ull << 2)
#define PTE_X (1ull << 3)
#define PTE_U (1ull << 4)
#define PTE_A (1ull << 6)
#define PTE_D (1ull << 7)
#define PTE_PPN_SHIFT 10
#define PTE_PPN_MASK ((1ull << 44) - 1)
/* Bits 63:54: N, PBMT and reserved. Without Svnapot/Svpbmt they must be zero (4.4.1). */
#define PTE_RESERVED_MASK (0x3ffull << 54)
/* Svpbmt: bits 62:61 of a leaf PTE, when menvcfg.PBMTE = 1: 0 PMA, 1 NC, 2 IO, 3 reserved. */
#define PTE_PBMT (3ull << 61)

/* Flags for mmu_translate. */
enum {
    MMU_UPDATE_AD = 1 << 0,     /* set A/D bits as the hardware does (off for debugger peeks) */
    MMU_NO_PERMS = 1 << 1,      /* debugger: report any valid mapping, whatever its permissions */
    MMU_VIRT = 1 << 2,          /* a guest's access (V=1, HLV/HSV, MPRV with MPV): two stages */
    MMU_HLVX = 1 << 3,          /* HLVX: a read that needs execute permission at both stages */
};

/* One level of a page walk, recorded for the debugger's `translate` and --log. stage is
 * MMU_STAGE_S (satp, or vsatp with V=1: then pte_addr is a guest physical address) or
 * MMU_STAGE_G (hgatp: translating `gpa`, for a VS-stage table access or the final address). */
enum { MMU_STAGE_S = 0, MMU_STAGE_G = 1 };
struct mmu_walk_step {
    int level;
    uint8_t stage;
    uint64_t gpa;           /* G stage: the guest physical address being translated */
    uint64_t pte_addr;
    uint64_t pte;
};
#define MMU_WALK_MAX 40     /* 5 VS levels, each with a G walk of up to 5, and the final G walk */
struct mmu_walk_trace {
    int steps;
    struct mmu_walk_step step[MMU_WALK_MAX];
    /* On a fault: the stage that faulted and why, in words (NULL when the walk succeeded). */
    int fault_stage;
    const char *why;
};

/* Translate `va` for `access` at privilege `priv` (the effective one for data). Returns 0 and
 * sets *pa, or returns the exception cause (page fault or access fault). *page_shift receives the
 * size of the mapping (12, 21, 30, ...). `trace` may be NULL. */
int mmu_translate(struct hart *h, uint64_t va, enum mmu_access access, unsigned priv, unsigned flags,
                  uint64_t *pa, unsigned *page_shift, struct mmu_walk_trace *trace);

/* The privilege data accesses use now (MPRV, privileged spec 3.1.6.3). */
unsigned mmu_data_priv(const struct hart *h);
/* Whether data accesses are a guest's now: V=1, or M-mode with MPRV and MPV (H extension). */
bool mmu_data_virt(const struct hart *h);

/* HLV/HLVX/HSV (H extension): a load or store as though V=1 at privilege hstatus.SPVP. 0, or -1
 * with the exception staged (a misaligned one traps: no byte-wise emulation here). */
int mmu_hlv(struct hart *h, uint64_t va, unsigned size, bool hlvx, uint64_t *value);
int mmu_hsv(struct hart *h, uint64_t va, unsigned size, uint64_t value);


/* Slow paths of the interpreter's loads/stores: any size and alignment, MMIO, TLB refill.
 * Return 0, or -1 with h->exc_cause/h->exc_tval set. */
int mmu_load_slow(struct hart *h, uint64_t va, unsigned size, uint64_t *value);
int mmu_store_slow(struct hart *h, uint64_t va, unsigned size, uint64_t value);

/* Slow path of AMOs and SC: translate an aligned address for read+write (store/AMO faults,
 * misaligned -> store address misaligned). Returns 0 with *pa, or -1 with the exception staged.
 * For Sdtrig triggers an AMO (`is_amo`) is a load and a store, an SC a store only. On plain RAM
 * it fills the write TLB, as a store does, so that the next atomic there takes the fast path. */
int mmu_translate_amo(struct hart *h, uint64_t va, unsigned size, bool is_amo, uint64_t *pa);

/* Cache-block operations on the 64-byte block holding va (CMO spec 1.0). cbo.zero writes zeros
 * with store permission; clean/flush/inval need load or store permission and change nothing in
 * memory (vhart has no data cache). 0, or -1 with a store/AMO fault staged (tval = va). */
int mmu_cbo(struct hart *h, uint64_t va, bool zero);

/* Refill the fetch TLB for pc's page. Returns the entry, or NULL with the exception staged, or
 * NULL with h->fetch_uncached set when PMP treats parts of the page differently (then the page
 * must be fetched instruction by instruction with mmu_fetch_bytes). */
struct tlb_fetch_entry *mmu_fetch_refill(struct hart *h, uint64_t pc);

/* Read `size` bytes of instruction at pc through translation without caching (page-crossing
 * instructions). Returns 0 or -1 with the exception staged (tval = the faulting portion). */
int mmu_fetch_bytes(struct hart *h, uint64_t pc, unsigned size, uint32_t *bits);

/* TLB maintenance. mmu_flush_all drops every translation (PMP changes, triggers, a state load);
 * mmu_flush_hs and mmu_flush_va the HS-level ones (V=0: satp writes and sfence.vma, which order
 * only HS-level translations, "Hypervisor Extension", SFENCE.VMA with V=0). */
void mmu_flush_all(struct hart *h);
void mmu_flush_hs(struct hart *h);
void mmu_flush_va(struct hart *h, uint64_t va);
/* V=1 translations (both stages folded, in VMID slots, see hart.h): drop those made under VMID
 * `vmid` and the vsatp ASID `asid` (either MMU_FENCE_ALL: any), all of them or those of va's page
 * (HFENCE.VVMA/GVMA, sfence.vma in VS-mode, a change of mstatus.MXR). */
#define MMU_FENCE_ALL (~0ull)
void mmu_flush_virt(struct hart *h, uint64_t vmid, uint64_t asid);
void mmu_flush_virt_va(struct hart *h, uint64_t vmid, uint64_t asid, uint64_t va);
/* The VMID slot for the current hgatp and vsatp: found, or the least recently selected one
 * emptied for them (hart_update_mmu_mode, when V=1 sets are in use). */
unsigned mmu_vslot_select(struct hart *h);
void mmu_flush_fetch(struct hart *h);
/* Drop write entries that point at host page `host_page` (it now holds decoded code). */
void mmu_drop_writes_to(struct hart *h, const uint8_t *host_page);
/* Drop write entries into host memory [host, host+len) (the framebuffer's dirty-page logging). */
void mmu_drop_writes_in(struct hart *h, const uint8_t *host, size_t len);

/* Drop every fetch TLB entry for the physical page at paddr (its decoded slots were retired by
 * another hart thread; safe from any thread). */
void mmu_drop_fetch_page(struct hart *h, uint64_t paddr);

#endif
