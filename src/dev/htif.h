/* HTIF: Spike's host-target interface through the tohost/fromhost words of a test program. */
#ifndef VHART_DEV_HTIF_H
#define VHART_DEV_HTIF_H

#include <stdbool.h>
#include <stdint.h>

struct state_writer;
struct state_reader;

struct bus;

struct htif {
    struct bus *bus;
    uint64_t tohost, fromhost;     /* physical addresses of the two words */
    bool has_fromhost;
    bool low_half_pending;         /* a 32-bit store to the low half waits for the high half */
    /* Output for the console device and write syscalls to fd 1/2. */
    void (*output)(void *opaque, int fd, const uint8_t *data, uint64_t len);
    /* Called when the program asks to exit with a status. */
    void (*exit)(void *opaque, int code);
    void *opaque;
};

/* Watch callback for the bus: a store landed in the page holding tohost. */
void htif_on_store(void *opaque, uint64_t paddr, unsigned size);
/* Process a tohost value whose high half never came (called at block boundaries). */
void htif_poll(struct htif *t);

/* Snapshot: a half-written tohost (the mailbox addresses come from the program's symbols). */
void htif_save(const struct htif *t, struct state_writer *w);
void htif_load(struct htif *t, struct state_reader *r);

#endif
