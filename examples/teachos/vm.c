/* teachos virtual memory: Sv39 page tables (priv spec 4.4) identity-mapping the kernel and devices. */
#include "board.h"
#include "riscv.h"
#include "teachos.h"

/* Sv39: a 39-bit virtual address is three 9-bit page-table indices (VPN[2], VPN[1], VPN[0]) and
 * a 12-bit page offset. Each page table is one 4 KiB page of 512 eight-byte entries (PTEs).
 * A PTE holds a physical page number (PPN, from bit 10 up) and flag bits (priv 4.4.1, fig 4.21). */
typedef uint64_t pte_t;

#define PTE_V (1 << 0)  /* valid */
#define PTE_R (1 << 1)  /* readable */
#define PTE_W (1 << 2)  /* writable */
#define PTE_X (1 << 3)  /* executable; a PTE with none of R, W, X points to the next level */
#define PTE_U (1 << 4)  /* user-mode accessible (we have no user mode) */
#define PTE_G (1 << 5)  /* global mapping */
#define PTE_A (1 << 6)  /* accessed */
#define PTE_D (1 << 7)  /* dirty */

#define PAGE_SIZE       4096UL
#define VPN(va, level)  (((va) >> (12 + 9 * (level))) & 0x1ff)
#define PA2PTE(pa)      (((pa) >> 12) << 10)
#define PTE2PA(pte)     (((pte) >> 10) << 12)

static pte_t *kernel_root;
static uint64_t next_free_page = (uint64_t)-1;

/* A page allocator that never frees: hands out the pages after the kernel image, zeroed. */
static void *alloc_page(void)
{
    if (next_free_page == (uint64_t)-1)
        next_free_page = (uint64_t)_end;
    uint64_t *page = (uint64_t *)next_free_page;
    next_free_page += PAGE_SIZE;
    for (unsigned i = 0; i < PAGE_SIZE / 8; i++)
        page[i] = 0;
    return page;
}

/* Return the address of the level-0 PTE for va, creating the level-1 and level-0 tables on the
 * way down as needed. This is the hardware's walk (priv 4.3.2) done by software. */
static pte_t *walk_create(pte_t *root, uint64_t va)
{
    pte_t *table = root;
    for (int level = 2; level > 0; level--) {
        pte_t *pte = &table[VPN(va, level)];
        if (!(*pte & PTE_V))
            *pte = PA2PTE((uint64_t)alloc_page()) | PTE_V;  /* V alone: pointer to next table */
        table = (pte_t *)PTE2PA(*pte);
    }
    return &table[VPN(va, 0)];
}

/* Map [va, va + size) to [pa, pa + size) with 4 KiB pages and the given permissions. We set A
 * and D ourselves: hardware may either set them or raise a page fault when they are clear
 * (priv 4.3.1, "Svade"), and presetting them makes both kinds of hart happy. */
static void map_range(pte_t *root, uint64_t va, uint64_t pa, uint64_t size, uint64_t perm)
{
    for (uint64_t off = 0; off < size; off += PAGE_SIZE)
        *walk_create(root, va + off) = PA2PTE(pa + off) | perm | PTE_A | PTE_D | PTE_V;
}

void kvm_init(void)
{
    kernel_root = alloc_page();

    /* Devices, read/write, never executable. No CLINT: the timer belongs to M-mode. */
    map_range(kernel_root, SYSCON, SYSCON, PAGE_SIZE, PTE_R | PTE_W);
    map_range(kernel_root, PLIC, PLIC, PLIC_SIZE, PTE_R | PTE_W);
    map_range(kernel_root, UART0, UART0, PAGE_SIZE, PTE_R | PTE_W);

    /* The kernel: code R+X, read-only data R, everything after (data, bss, stacks, free
     * memory with the page tables themselves) R+W. Identity-mapped, so that the pc and every
     * pointer stay valid at the moment paging turns on. */
    uint64_t text = (uint64_t)_text_start, etext = (uint64_t)_text_end;
    uint64_t erodata = (uint64_t)_rodata_end;
    map_range(kernel_root, text, text, etext - text, PTE_R | PTE_X);
    map_range(kernel_root, etext, etext, erodata - etext, PTE_R);
    map_range(kernel_root, erodata, erodata, RAM_END - erodata, PTE_R | PTE_W);

    /* Turn paging on (priv 4.1.11). sfence.vma orders our page-table stores before the walks
     * the hardware will do, and drops any stale translations (priv 4.2.1). */
    sfence_vma();
    csr_write(satp, SATP_SV39 | ((uint64_t)kernel_root >> 12));
    sfence_vma();

    kprintf("teachos: page tables: text %p-%p R-X, rodata -%p R--, data+free -%p RW-, "
            "%lu KiB of tables\n", (void *)text, (void *)etext, (void *)erodata,
            (void *)RAM_END, (next_free_page - (uint64_t)kernel_root) / 1024);
}
