/* CLINT / ACLINT (MTIMER + MSWI): msip, mtimecmp and mtime per SiFive's CLINT map, as on QEMU virt. */
#ifndef VHART_DEV_CLINT_H
#define VHART_DEV_CLINT_H

#include <stdint.h>

#include "../mem/bus.h"

struct state_writer;
struct state_reader;

struct hart;

#define CLINT_BASE 0x02000000ull
#define CLINT_SIZE 0x10000ull
#define CLINT_MSIP 0x0000        /* 4 bytes per hart */
#define CLINT_MTIMECMP 0x4000    /* 8 bytes per hart */
#define CLINT_MTIME 0xbff8

struct clint {
    struct hart **harts;
    unsigned nharts;
    uint64_t mtimecmp[8];
    /* Current mtime, supplied by the machine (host clock or instruction count). */
    uint64_t (*read_time)(void *opaque);
    void (*write_time)(void *opaque, uint64_t value);
    void *time_opaque;
    /* Called (under the device lock) when a write clears hart i's msip that was set: the threaded
     * run loop's IPI bookkeeping (runloop_mt.c ipi_wait). NULL: nothing to tell. */
    void (*msip_cleared)(void *opaque, unsigned i);
    void *msip_opaque;
};

extern const struct mmio_ops clint_ops;

void clint_init(struct clint *c, struct hart **harts, unsigned nharts);
/* Recompute MTIP of every hart from mtime and mtimecmp. */
void clint_update(struct clint *c);
/* Recompute MTIP of hart i only, and read its mtimecmp (hart threads, under the device lock). */
void clint_update_hart(struct clint *c, unsigned i);
uint64_t clint_mtimecmp(const struct clint *c, unsigned i);
/* mtime ticks until the earliest pending deadline (UINT64_MAX if none). */
uint64_t clint_ticks_to_next_deadline(const struct clint *c);

/* Snapshot: the timer compare registers (mtime is the machine's; msip lives in each hart's mip). */
void clint_save(const struct clint *c, struct state_writer *w);
void clint_load(struct clint *c, struct state_reader *r);

#endif
