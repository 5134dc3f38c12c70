/* virtio entropy device (OASIS VIRTIO 1.2, 5.4): device ID 4, one request queue whose device-writable
 * buffers are filled with bytes from a host entropy callback. */
#ifndef VHART_DEV_VIRTIO_RNG_H
#define VHART_DEV_VIRTIO_RNG_H

#include <stddef.h>
#include <stdint.h>

#include "virtio.h"

struct state_writer;
struct state_reader;

/* Largest number of bytes given for one request (5.4.6.1: the device MAY use less than the buffer). */
#define VIRTIO_RNG_MAX_REQUEST 65536u

struct virtio_rng {
    /* Fills up to len bytes of buf with entropy; returns how many it wrote (0 on failure). */
    size_t (*entropy)(void *opaque, void *buf, size_t len);
    void *opaque;
    uint64_t bytes_served;   /* statistics: total bytes handed to the guest */
};

void virtio_rng_init(struct virtio_rng *r, size_t (*entropy)(void *opaque, void *buf, size_t len), void *opaque);

/* Device ops for virtio_mmio_init (the device opaque is the struct virtio_rng). */
extern const struct virtio_device_ops virtio_rng_ops;

/* Snapshot: the statistics (the device holds no request between notifications). */
void virtio_rng_save(const struct virtio_rng *rng, struct state_writer *w);
void virtio_rng_load(struct virtio_rng *rng, struct state_reader *r);

#endif
