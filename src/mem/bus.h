/* The physical address map: RAM/ROM regions backed by host memory, and device (MMIO) regions. */
#ifndef VHART_MEM_BUS_H
#define VHART_MEM_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct insn;
struct hart;

/* Per 4 KiB page of a memory region. */
enum {
    PAGE_HAS_CODE = 1 << 0,   /* decoded instructions exist: stores must invalidate them */
    PAGE_WATCHED = 1 << 1,    /* a store must be reported to the region's watcher (HTIF) */
    PAGE_DEBUG_WATCH = 1 << 2,   /* a debugger watchpoint lies here: no TLB entries, every access checked */
    PAGE_DIRTY = 1 << 3,      /* written since last cleared (read and cleared by the framebuffer only);
                               * set on every write outside the TLB and when a write TLB entry is made */
};

/* Device callbacks. Return 0, or -1 for an access the device rejects (raised as an access fault). */
struct mmio_ops {
    int (*read)(void *opaque, uint64_t offset, unsigned size, uint64_t *value);
    int (*write)(void *opaque, uint64_t offset, unsigned size, uint64_t value);
};

struct bus_region {
    const char *name;
    uint64_t base, size;
    bool is_memory;
    bool read_only;
    /* memory regions */
    uint8_t *host;
    uint8_t *page_flags;
    struct insn **decoded;      /* decoded slots per page, NULL until code runs there */
    /* Hart threads run (runloop_mt.c): decoded pages are replaced, not cleared, on invalidation,
     * and every hart's fetch TLB entries for them are dropped through code_page_dropped. */
    bool concurrent;
    void (*code_page_dropped)(void *opaque, uint64_t paddr);
    void *code_opaque;
    /* device regions */
    const struct mmio_ops *ops;
    void *opaque;
};

/* Called after a store touched a PAGE_WATCHED page. */
typedef void (*bus_watch_fn)(void *opaque, uint64_t paddr, unsigned size);

#define BUS_MAX_REGIONS 32

struct bus {
    struct bus_region regions[BUS_MAX_REGIONS];
    unsigned count;
    bus_watch_fn watch;
    void *watch_opaque;
    /* Called when a page gains decoded code, so harts drop write TLB entries for it. */
    void (*code_page_added)(void *opaque, uint64_t paddr);
    void *code_opaque;
    /* Set while hart threads run: taken around device callbacks (MMIO, the store watcher). */
    void *mmio_lock;
    void (*lock)(void *mmio_lock);
    void (*unlock)(void *mmio_lock);
};

/* Switch memory regions between one thread and hart threads (see bus_region.concurrent). */
void bus_set_concurrent(struct bus *b, bool on, void (*code_page_dropped)(void *, uint64_t), void *opaque);

void bus_init(struct bus *b);
void bus_destroy(struct bus *b);

/* Map host memory (allocated and zeroed here). Returns the region, or NULL if out of memory
 * or overlapping. */
struct bus_region *bus_add_memory(struct bus *b, const char *name, uint64_t base, uint64_t size, bool read_only);
struct bus_region *bus_add_device(struct bus *b, const char *name, uint64_t base, uint64_t size,
                                  const struct mmio_ops *ops, void *opaque);

struct bus_region *bus_find(struct bus *b, uint64_t paddr);

/* Host pointer for [paddr, paddr+len) if it lies within one memory region, else NULL. */
uint8_t *bus_host_ptr(struct bus *b, uint64_t paddr, uint64_t len);

/* Physical accesses of 1, 2, 4 or 8 bytes, naturally aligned or not (split into bytes for devices).
 * Return 0, or -1 for an access fault (unmapped, rejected, or a store to ROM). Stores keep the
 * decoded-code cache coherent and report watched pages. */
int bus_read(struct bus *b, uint64_t paddr, unsigned size, uint64_t *value);
int bus_write(struct bus *b, uint64_t paddr, unsigned size, uint64_t value);

/* Copy between host buffers and guest physical memory (loaders, DMA). Return 0 or -1. */
int bus_copy_to_guest(struct bus *b, uint64_t paddr, const void *src, uint64_t len);
int bus_copy_from_guest(struct bus *b, uint64_t paddr, void *dst, uint64_t len);

/* Mark a page of a memory region as watched (stores are reported through b->watch). */
void bus_watch_page(struct bus *b, uint64_t paddr);

/* Notify that [paddr, paddr+len) of memory was written by something other than a TLB-hit store.
 * Returns whether decoded code was forgotten (the writer should end its running block). */
bool bus_memory_written(struct bus *b, struct bus_region *r, uint64_t paddr, uint64_t len);

#endif
