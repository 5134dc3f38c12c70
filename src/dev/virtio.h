/* The interface between the virtio-mmio transport (virtio_mmio.c) and virtio devices
 * (virtio_blk.c, virtio_net.c, virtio_rng.c, virtio_input.c): OASIS Virtual I/O Device (VIRTIO)
 * 1.2, section 2 (basic facilities), 2.7 (split virtqueues) and 4.2 (virtio over MMIO, version 2).
 *
 * A device describes itself with `struct virtio_device_ops`; the transport owns the registers, the
 * feature negotiation, the status handshake, the queues and the interrupt. When the driver kicks a
 * queue, the transport calls the device's queue_notify; the device pops descriptor chains, moves
 * data with virtio_chain_read/virtio_chain_write (never through the raw segment pointers for
 * writes: guest memory written by a device must be reported to the bus so decoded code stays
 * coherent), pushes them to the used ring and asks the transport to interrupt the driver. */
#ifndef VHART_DEV_VIRTIO_H
#define VHART_DEV_VIRTIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../mem/bus.h"

struct state_writer;
struct state_reader;

/* Device IDs (5 "Device Types"). */
enum {
    VIRTIO_ID_NET = 1,
    VIRTIO_ID_BLOCK = 2,
    VIRTIO_ID_RNG = 4,
    VIRTIO_ID_9P = 9,
    VIRTIO_ID_GPU = 16,
    VIRTIO_ID_INPUT = 18,
};

/* Transport-level feature bits (6 "Reserved Feature Bits"); the transport offers these itself. */
#define VIRTIO_F_RING_INDIRECT_DESC (1ull << 28)
#define VIRTIO_F_RING_EVENT_IDX (1ull << 29)
#define VIRTIO_F_VERSION_1 (1ull << 32)

/* Device status bits (2.1). */
enum {
    VIRTIO_STATUS_ACKNOWLEDGE = 1,
    VIRTIO_STATUS_DRIVER = 2,
    VIRTIO_STATUS_DRIVER_OK = 4,
    VIRTIO_STATUS_FEATURES_OK = 8,
    VIRTIO_STATUS_DEVICE_NEEDS_RESET = 64,
    VIRTIO_STATUS_FAILED = 128,
};

#define VIRTIO_MAX_QUEUES 8
#define VIRTIO_QUEUE_MAX_SIZE 256     /* QueueNumMax offered for every queue */
/* Longest chain accepted per direction (longer ones are malformed): 128, because Linux's virtio-9p
 * driver puts a message of up to 500 KiB in one scatterlist of up to 128 page-sized pieces. */
#define VIRTIO_MAX_SEGMENTS 128

/* One segment of a descriptor chain: guest memory, validated to lie inside RAM. */
struct virtio_segment {
    uint64_t gpa;            /* guest physical address */
    uint8_t *host;           /* host pointer to it */
    uint32_t len;
};

/* A descriptor chain taken from the available ring: device-readable ("out") segments first,
 * then device-writable ("in") ones, as 2.7.4 requires of their order. */
struct virtio_chain {
    uint16_t head;           /* head descriptor index, returned through the used ring */
    unsigned n_out, n_in;
    struct virtio_segment out[VIRTIO_MAX_SEGMENTS];
    struct virtio_segment in[VIRTIO_MAX_SEGMENTS];
    uint64_t out_len, in_len;   /* total bytes of each direction */
};

struct virtio_dev;

/* What a device tells the transport about itself. All callbacks get the device's opaque. */
struct virtio_device_ops {
    const char *name;                 /* "virtio-blk", for messages and the debugger */
    uint32_t device_id;
    unsigned num_queues;              /* 1..VIRTIO_MAX_QUEUES */
    /* Device-specific feature bits (the transport adds VERSION_1, INDIRECT_DESC, EVENT_IDX). */
    uint64_t (*features)(void *opaque);
    /* Feature bits the driver accepted (FEATURES_OK), for devices whose behaviour depends on them. */
    void (*set_features)(void *opaque, uint64_t accepted);
    /* Device configuration space (4.2.2, offsets from 0x100), little-endian bytes. Reads are
     * served from `config` directly; writes go to config_write (NULL: read-only). */
    uint8_t *(*config)(void *opaque, uint32_t *size);
    void (*config_write)(void *opaque, uint32_t offset, unsigned size, uint64_t value);
    /* The driver notified queue q (or the device should look at it again): process it. */
    void (*queue_notify)(void *opaque, struct virtio_dev *vd, unsigned q);
    /* The driver reset the device (status written 0): forget in-flight state. */
    void (*reset)(void *opaque);
};

/* Transport state of one virtio-mmio slot. Opaque to devices: they use the functions below. */
struct virtio_queue_state {
    uint32_t num;                     /* QueueNum chosen by the driver */
    bool ready;
    uint64_t desc, avail, used;       /* guest physical addresses of the three areas */
    uint16_t last_avail;              /* next available-ring entry to take */
    uint16_t used_idx;                /* next used-ring entry to fill */
    uint16_t signalled_used;          /* used index at the last interrupt (event index) */
    bool signalled_valid;
};

struct virtio_dev {
    struct bus *bus;
    const struct virtio_device_ops *ops;
    void *dev;                        /* the device's opaque */
    void (*set_irq)(void *opaque, int level);
    void *irq_opaque;
    uint32_t status;
    uint32_t device_features_sel, driver_features_sel, queue_sel;
    uint64_t driver_features;
    uint32_t interrupt_status;        /* bit 0: used buffer, bit 1: configuration change */
    uint32_t config_generation;
    struct virtio_queue_state queues[VIRTIO_MAX_QUEUES];
    /* Told when the driver's misuse puts the device in DEVICE_NEEDS_RESET (--log guest-errors);
     * NULL: nobody listens. */
    void (*on_needs_reset)(void *opaque, struct virtio_dev *vd);
    void *on_needs_reset_opaque;
};

/* virtio-mmio register block (4.2.2), one 0x1000 slot per device. */
extern const struct mmio_ops virtio_mmio_ops;

void virtio_mmio_init(struct virtio_dev *vd, struct bus *bus, const struct virtio_device_ops *ops, void *dev,
                      void (*set_irq)(void *opaque, int level), void *irq_opaque);

/* Machine reset (power-on state): as if the driver wrote status 0 (4.2.2.1): status, features and
 * queues forgotten, the interrupt line lowered, and the device's own reset called, so that nothing
 * the previous guest posted is written after the reboot. */
void virtio_mmio_reset(struct virtio_dev *vd);

/* Whether the driver has set DRIVER_OK and the queue is ready (devices with host-driven input,
 * such as net receive and input events, check this before popping). */
bool virtio_queue_usable(const struct virtio_dev *vd, unsigned q);

/* Take the next available chain of queue q: 1 with *chain filled, 0 if the ring is empty, -1 if
 * the ring is malformed (loops, out-of-RAM addresses, bad lengths, too many segments, writable
 * before readable): then the device is put in DEVICE_NEEDS_RESET and the driver told. */
int virtio_queue_pop(struct virtio_dev *vd, unsigned q, struct virtio_chain *chain);

/* Return a chain through the used ring with the number of bytes the device wrote. */
void virtio_queue_push(struct virtio_dev *vd, unsigned q, const struct virtio_chain *chain, uint32_t written);

/* Interrupt the driver for queue q if it wants one (VIRTQ_AVAIL_F_NO_INTERRUPT or, with
 * EVENT_IDX, used_event: 2.7.10). Call after one or more pushes. */
void virtio_queue_notify_driver(struct virtio_dev *vd, unsigned q);

/* Copy between a chain and host buffers, `offset` bytes into the device-readable (out) or
 * device-writable (in) part. Return the number of bytes copied (short at the chain's end).
 * virtio_chain_write reports the written guest memory to the bus. */
size_t virtio_chain_read(const struct virtio_chain *chain, uint64_t offset, void *dst, size_t len);
size_t virtio_chain_write(struct virtio_dev *vd, const struct virtio_chain *chain, uint64_t offset,
                          const void *src, size_t len);

/* The device's configuration changed: bump the generation and send a configuration interrupt. */
void virtio_config_changed(struct virtio_dev *vd);

/* The device found an error it cannot recover from (4.2.2 / 2.1.1): DEVICE_NEEDS_RESET. */
void virtio_set_needs_reset(struct virtio_dev *vd);

/* One line describing the slot (device, status, features, queues) for the debugger. */
void virtio_describe(const struct virtio_dev *vd, char *buf, size_t len);

/* Snapshot of the transport: status, feature negotiation, the interrupt and each queue's guest
 * addresses and indices (the rings themselves are guest RAM). virtio_mmio_load checks that what it
 * read could have been reached (queue sizes, ring addresses in RAM) and fails the reader if not. */
void virtio_mmio_save(const struct virtio_dev *vd, struct state_writer *w);
void virtio_mmio_load(struct virtio_dev *vd, struct state_reader *r);
/* A descriptor chain a device holds between calls (popped, not yet used): saved as guest
 * addresses; loading finds the host memory again and fails the reader if it is not RAM. */
void virtio_chain_save(const struct virtio_chain *c, struct state_writer *w);
void virtio_chain_load(struct virtio_dev *vd, struct virtio_chain *c, struct state_reader *r);

#endif
