/* PLIC (RISC-V Platform-Level Interrupt Controller spec 1.0.0), SiFive/QEMU virt memory map, with
 * gateways that forward each assertion as a request (as QEMU virt); contexts 2h and 2h+1 are M- and S-mode
 * of hart h. */
#ifndef VHART_DEV_PLIC_H
#define VHART_DEV_PLIC_H

#include <stddef.h>
#include <stdint.h>

#include "../mem/bus.h"

struct state_writer;
struct state_reader;

#define PLIC_BASE 0x0c000000ull
#define PLIC_SIZE 0x4000000ull
/* Interrupt IDs 0..nsources-1, ID 0 reserved: QEMU virt has 96 (riscv,ndev = 95). */
#define PLIC_VIRT_SOURCES 96
#define PLIC_MAX_SOURCES 1024
#define PLIC_MAX_CONTEXTS 16   /* 2 per hart, up to 8 harts */
#define PLIC_PRIORITY_MASK 7u  /* priorities and thresholds are 3-bit WARL fields: 0..7 */

/* Register layout (offsets from the base). */
#define PLIC_PRIORITY 0x0          /* + 4 * source */
#define PLIC_PENDING 0x1000        /* + 4 * (source / 32), read-only */
#define PLIC_ENABLE 0x2000         /* + 0x80 * context + 4 * (source / 32) */
#define PLIC_ENABLE_STRIDE 0x80
#define PLIC_CONTEXT 0x200000      /* + 0x1000 * context: threshold at +0, claim/complete at +4 */
#define PLIC_CONTEXT_STRIDE 0x1000

#define PLIC_WORDS (PLIC_MAX_SOURCES / 32)

struct plic {
    /* Called when a context's notification (EIP: a pending, enabled source with priority above the
     * context's threshold) changes; the machine maps context 2h to MEIP and 2h+1 to SEIP of hart h. */
    void (*set_context_irq)(void *opaque, unsigned context, int level);
    void *opaque;
    unsigned nsources, ncontexts, nwords;

    uint32_t priority[PLIC_MAX_SOURCES];
    uint32_t line[PLIC_WORDS];      /* input levels */
    uint32_t pending[PLIC_WORDS];   /* IP bits of the PLIC core */
    uint32_t claimed[PLIC_WORDS];   /* gateway waiting for completion */
    uint32_t requested[PLIC_WORDS]; /* asserted while claimed: pending again at completion if still high */
    uint32_t enable[PLIC_MAX_CONTEXTS][PLIC_WORDS];
    uint32_t threshold[PLIC_MAX_CONTEXTS];
    uint32_t eip;                   /* bit per context: current notification level */
};

extern const struct mmio_ops plic_ops;

/* nsources counts interrupt IDs including the reserved 0 (2..PLIC_MAX_SOURCES), ncontexts is
 * 1..PLIC_MAX_CONTEXTS. Everything starts at zero, no callback is made. Returns 0, or -1 for bad counts. */
int plic_init(struct plic *p, unsigned nsources, unsigned ncontexts,
              void (*set_context_irq)(void *opaque, unsigned context, int level), void *opaque);
/* Priorities, enables, thresholds, pending and claimed state to zero (input lines are kept); lowers any
 * raised notification. */
void plic_reset(struct plic *p);
/* Drive the input line of source src (1..nsources-1; others are ignored). Level 1 is a request, also when
 * the line is already high (a device re-asserts on each new interrupt event); level 0 lowers the line. */
void plic_set_irq(struct plic *p, unsigned src, int level);
/* One line: pending, claimed and raised-line sources, contexts notifying, NUL-terminated within len. */
void plic_describe(const struct plic *p, char *buf, size_t len);

/* Snapshot: priorities, gateways (lines, pending, claimed, requested), enables, thresholds and the
 * notification levels the harts see (their mip bits are saved with them, so nothing is called). */
void plic_save(const struct plic *p, struct state_writer *w);
void plic_load(struct plic *p, struct state_reader *r);

#endif
