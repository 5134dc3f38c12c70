/* virtio 9P transport (OASIS VIRTIO 1.2, 5.11 "9P Transport"... as Linux's net/9p/trans_virtio.c and
 * QEMU's virtio-9p speak it): device ID 9, feature VIRTIO_9P_MOUNT_TAG, a configuration space holding
 * the mount tag, and one request queue whose chains carry a 9P T-message (device-readable) and room
 * for the R-message (device-writable). The 9P server itself is a host backend (src/host/p9fs.c). */
#ifndef VHART_DEV_VIRTIO_9P_H
#define VHART_DEV_VIRTIO_9P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "virtio.h"

struct state_writer;
struct state_reader;

#define VIRTIO_9P_F_MOUNT_TAG (1ull << 0)
#define VIRTIO_9P_TAG_MAX 31u              /* longest mount tag accepted (bytes) */
#define VIRTIO_9P_MSG_MAX (512u * 1024u)   /* largest message moved (the server's largest msize) */

/* The 9P server: handle one request, write the reply, return its length (0: nothing to answer). */
struct p9_server {
    size_t (*handle)(void *opaque, const uint8_t *req, size_t len, uint8_t *resp, size_t cap);
    void (*reset)(void *opaque);   /* transport reset: forget every fid */
    void *opaque;
};

struct virtio_9p {
    struct p9_server server;
    uint8_t config[2 + VIRTIO_9P_TAG_MAX];   /* le16 tag_len, then the tag (no NUL) */
    uint32_t config_size;
    uint64_t accepted;
    uint64_t requests, errors;               /* statistics */
    uint8_t *req, *resp;                     /* VIRTIO_9P_MSG_MAX bytes each */
};

/* Returns 0, or -1 if the tag is empty or too long or memory runs out. */
int virtio_9p_init(struct virtio_9p *p, const char *tag, const struct p9_server *server);
void virtio_9p_free(struct virtio_9p *p);

extern const struct virtio_device_ops virtio_9p_ops;

/* Snapshot: negotiated features and counters (requests complete within a notification; the
 * server's fids are saved by the machine through the server). */
void virtio_9p_save(const struct virtio_9p *p, struct state_writer *w);
void virtio_9p_load(struct virtio_9p *p, struct state_reader *r);

void virtio_9p_describe(const struct virtio_9p *p, char *buf, size_t len);

#endif
