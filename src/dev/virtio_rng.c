/* virtio entropy device (OASIS VIRTIO 1.2, 5.4 "Entropy Device"): one requestq; every device-writable
 * buffer of a request is filled from the host entropy callback, up to VIRTIO_RNG_MAX_REQUEST bytes, and
 * returned with the number of bytes written. Device-readable buffers (which 5.4.6.1 forbids the driver to
 * queue) are ignored. No feature bits, no configuration space. If the callback fails, the request is
 * returned with the bytes obtained so far (possibly none) rather than held, so the driver never stalls. */
#include "virtio_rng.h"

#include "../util/statebuf.h"

#include <string.h>

void virtio_rng_init(struct virtio_rng *r, size_t (*entropy)(void *opaque, void *buf, size_t len), void *opaque)
{
    memset(r, 0, sizeof(*r));
    r->entropy = entropy;
    r->opaque = opaque;
}

/* Fill the writable part of one request; returns the number of bytes written. */
static uint32_t fill(struct virtio_rng *r, struct virtio_dev *vd, const struct virtio_chain *c)
{
    uint8_t chunk[256];
    uint64_t want = c->in_len < VIRTIO_RNG_MAX_REQUEST ? c->in_len : VIRTIO_RNG_MAX_REQUEST;
    uint64_t done = 0;
    while (done < want && r->entropy) {
        size_t n = want - done < sizeof(chunk) ? (size_t)(want - done) : sizeof(chunk);
        size_t got = r->entropy(r->opaque, chunk, n);
        if (got > n) got = n;
        if (got == 0) break;
        done += virtio_chain_write(vd, c, done, chunk, got);
        if (got < n) break;
    }
    r->bytes_served += done;
    return (uint32_t)done;
}

static void rng_queue_notify(void *opaque, struct virtio_dev *vd, unsigned q)
{
    struct virtio_rng *r = opaque;
    struct virtio_chain c;
    bool pushed = false;
    if (q != 0) return;
    while (virtio_queue_pop(vd, 0, &c) == 1) {
        virtio_queue_push(vd, 0, &c, fill(r, vd, &c));
        pushed = true;
    }
    if (pushed) virtio_queue_notify_driver(vd, 0);
}

const struct virtio_device_ops virtio_rng_ops = {
    .name = "virtio-rng",
    .device_id = VIRTIO_ID_RNG,
    .num_queues = 1,
    .features = NULL,
    .set_features = NULL,
    .config = NULL,
    .config_write = NULL,
    .queue_notify = rng_queue_notify,
    .reset = NULL,
};

void virtio_rng_save(const struct virtio_rng *rng, struct state_writer *w) { state_put_u64(w, rng->bytes_served); }

void virtio_rng_load(struct virtio_rng *rng, struct state_reader *r) { rng->bytes_served = state_get_u64(r); }
