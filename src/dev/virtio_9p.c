/* virtio-9p device (VIRTIO 1.2 5.11 "9P Transport", and Linux net/9p/trans_virtio.c for the layout):
 * each chain on the request queue is one 9P T-message in its device-readable part and the buffer for
 * the R-message in its device-writable part; the device hands the message to the 9P server and writes
 * the reply back, synchronously, so Tflush never finds anything pending.
 * - A chain with no device-writable byte cannot be answered: DEVICE_NEEDS_RESET (2.1.1).
 * - A request larger than VIRTIO_9P_MSG_MAX is cut there; the server then sees a size field larger
 *   than the bytes it got and answers Rlerror(EINVAL). A reply never exceeds the writable room. */
#include "virtio_9p.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/endian.h"
#include "../util/statebuf.h"

static uint32_t serve(struct virtio_9p *p, struct virtio_dev *vd, const struct virtio_chain *c)
{
    size_t len = c->out_len < VIRTIO_9P_MSG_MAX ? (size_t)c->out_len : VIRTIO_9P_MSG_MAX;
    len = virtio_chain_read(c, 0, p->req, len);
    size_t cap = c->in_len < VIRTIO_9P_MSG_MAX ? (size_t)c->in_len : VIRTIO_9P_MSG_MAX;
    size_t n = p->server.handle(p->server.opaque, p->req, len, p->resp, cap);
    p->requests++;
    if (n >= 5 && p->resp[4] == 7) p->errors++;   /* Rlerror */
    return (uint32_t)virtio_chain_write(vd, c, 0, p->resp, n);
}

static void p9_queue_notify(void *opaque, struct virtio_dev *vd, unsigned q)
{
    struct virtio_9p *p = opaque;
    if (q != 0 || !virtio_queue_usable(vd, 0)) return;
    struct virtio_chain c;
    bool pushed = false;
    while (virtio_queue_pop(vd, 0, &c) == 1) {
        if (c.in_len == 0) {
            virtio_set_needs_reset(vd);
            break;
        }
        virtio_queue_push(vd, 0, &c, serve(p, vd, &c));
        pushed = true;
    }
    if (pushed) virtio_queue_notify_driver(vd, 0);
}

static uint64_t p9_features(void *opaque) { (void)opaque; return VIRTIO_9P_F_MOUNT_TAG; }

static void p9_set_features(void *opaque, uint64_t accepted)
{
    ((struct virtio_9p *)opaque)->accepted = accepted & VIRTIO_9P_F_MOUNT_TAG;
}

static uint8_t *p9_config(void *opaque, uint32_t *size)
{
    struct virtio_9p *p = opaque;
    *size = p->config_size;
    return p->config;
}

static void p9_reset(void *opaque)
{
    struct virtio_9p *p = opaque;
    p->accepted = 0;
    if (p->server.reset) p->server.reset(p->server.opaque);
}

const struct virtio_device_ops virtio_9p_ops = {
    .name = "virtio-9p",
    .device_id = VIRTIO_ID_9P,
    .num_queues = 1,
    .features = p9_features,
    .set_features = p9_set_features,
    .config = p9_config,
    .config_write = NULL,
    .queue_notify = p9_queue_notify,
    .reset = p9_reset,
};

int virtio_9p_init(struct virtio_9p *p, const char *tag, const struct p9_server *server)
{
    memset(p, 0, sizeof(*p));
    size_t n = strlen(tag);
    if (n == 0 || n > VIRTIO_9P_TAG_MAX || !server->handle) return -1;
    p->server = *server;
    le_store16(p->config, (uint16_t)n);
    memcpy(p->config + 2, tag, n);
    p->config_size = (uint32_t)(2 + n);
    p->req = malloc(VIRTIO_9P_MSG_MAX);
    p->resp = malloc(VIRTIO_9P_MSG_MAX);
    if (!p->req || !p->resp) {
        virtio_9p_free(p);
        return -1;
    }
    return 0;
}

void virtio_9p_free(struct virtio_9p *p)
{
    free(p->req);
    free(p->resp);
    p->req = p->resp = NULL;
}

void virtio_9p_save(const struct virtio_9p *p, struct state_writer *w)
{
    state_put_u64(w, p->accepted);
    state_put_u64(w, p->requests);
    state_put_u64(w, p->errors);
}

void virtio_9p_load(struct virtio_9p *p, struct state_reader *r)
{
    p->accepted = state_get_u64(r) & VIRTIO_9P_F_MOUNT_TAG;
    p->requests = state_get_u64(r);
    p->errors = state_get_u64(r);
}

void virtio_9p_describe(const struct virtio_9p *p, char *buf, size_t len)
{
    snprintf(buf, len, "virtio-9p: tag \"%.*s\", %llu requests, %llu errors", (int)(p->config_size - 2),
             (const char *)p->config + 2, (unsigned long long)p->requests, (unsigned long long)p->errors);
}
