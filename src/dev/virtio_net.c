/* virtio network device after OASIS virtio 1.2, 5.1: feature bits (5.1.3), configuration space
 * (5.1.4), the virtio_net_hdr (5.1.6), transmit (5.1.6.2) and receive (5.1.6.3/5.1.6.4).
 *
 * Choices:
 * - No offloads are offered, so every header the device writes is all zero except num_buffers, and
 *   the header of a transmitted frame is skipped unread.
 * - Receive buffers are taken from the ring only when a frame arrives (or can_receive asks). A
 *   chain that cannot hold the frame is kept ("stashed") for the next one rather than returned
 *   empty: without MRG_RXBUF one chain is held, with it up to VIRTIO_NET_RX_STASH while gathering
 *   room for one frame. Chains with less room than the header are returned at once with 0 bytes. */
#include "virtio_net.h"
#include "../util/statebuf.h"

#include <stdio.h>
#include <string.h>

#include "../util/endian.h"

static const uint8_t default_mac[6] = VIRTIO_NET_DEFAULT_MAC;

static bool mergeable(const struct virtio_net *n) { return (n->accepted & VIRTIO_NET_F_MRG_RXBUF) != 0; }
static unsigned stash_capacity(const struct virtio_net *n) { return mergeable(n) ? VIRTIO_NET_RX_STASH : 1; }

static void build_config(struct virtio_net *n)
{
    memcpy(n->config, n->mac, 6);
    le_store16(n->config + 6, n->link_up ? VIRTIO_NET_S_LINK_UP : 0);
    le_store16(n->config + 8, 1);      /* max_virtqueue_pairs (meaningful only with MQ) */
    le_store16(n->config + 10, 1500);  /* mtu (meaningful only with VIRTIO_NET_F_MTU) */
}

void virtio_net_default_mac(unsigned slot, uint8_t mac[6])
{
    memcpy(mac, default_mac, 6);
    mac[5] = (uint8_t)(mac[5] + slot);
}

void virtio_net_init(struct virtio_net *n, struct virtio_dev *vd, const uint8_t mac[6],
                     const struct net_backend *backend)
{
    memset(n, 0, sizeof(*n));
    n->vd = vd;
    if (backend) n->backend = *backend;
    memcpy(n->mac, mac ? mac : default_mac, 6);
    n->link_up = true;
    n->offer_mrg_rxbuf = true;
    build_config(n);
}

/* ---- receive ---- */

static uint64_t stash_room(const struct virtio_net *n)
{
    uint64_t room = 0;
    for (unsigned i = 0; i < n->rx_stash_count; i++) room += n->rx_stash[i].in_len;
    return room;
}

/* Pop receive chains until the stash holds `need` bytes of room. Returns true if it does; false if
 * the ring ran dry (or is malformed) or the stash is full. */
static bool gather(struct virtio_net *n, uint64_t need)
{
    uint64_t room = stash_room(n);
    bool returned = false;
    while (room < need && n->rx_stash_count < stash_capacity(n)) {
        struct virtio_chain *c = &n->rx_stash[n->rx_stash_count];
        if (virtio_queue_pop(n->vd, VIRTIO_NET_RXQ, c) <= 0) break;
        if (c->in_len < VIRTIO_NET_HDR_LEN) {   /* useless to any frame: hand it straight back */
            virtio_queue_push(n->vd, VIRTIO_NET_RXQ, c, 0);
            returned = true;
            continue;
        }
        n->rx_stash_count++;
        room += c->in_len;
    }
    if (returned) virtio_queue_notify_driver(n->vd, VIRTIO_NET_RXQ);
    return room >= need;
}

bool virtio_net_can_receive(struct virtio_net *n)
{
    if (!n->vd || !virtio_queue_usable(n->vd, VIRTIO_NET_RXQ)) return false;
    if (!mergeable(n)) return gather(n, 1);   /* one chain held: a frame is taken, fitting or not */
    return gather(n, VIRTIO_NET_HDR_LEN + 1514);
}

bool virtio_net_receive(struct virtio_net *n, const uint8_t *frame, size_t len)
{
    if (!n->vd || !virtio_queue_usable(n->vd, VIRTIO_NET_RXQ)) {
        n->stats.rx_no_buffer++;
        return false;
    }
    if (len > VIRTIO_NET_MAX_FRAME) {
        n->stats.rx_dropped++;
        return true;
    }
    uint64_t need = VIRTIO_NET_HDR_LEN + (uint64_t)len;
    if (!gather(n, need)) {
        if (n->rx_stash_count < stash_capacity(n)) {
            n->stats.rx_no_buffer++;   /* the ring ran dry: the stash keeps what it got */
            return false;
        }
        n->stats.rx_dropped++;         /* the guest's buffers can never hold this frame */
        return true;
    }

    /* Spread header + frame over the first k stashed chains. */
    uint32_t written[VIRTIO_NET_RX_STASH];
    unsigned k = 0;
    size_t done = 0;
    while ((k == 0 || done < len) && k < n->rx_stash_count) {
        const struct virtio_chain *c = &n->rx_stash[k];
        uint64_t off = k == 0 ? VIRTIO_NET_HDR_LEN : 0;   /* the header goes first, written last */
        uint64_t room = c->in_len - off;
        size_t chunk = len - done < room ? len - done : (size_t)room;
        size_t w = chunk ? virtio_chain_write(n->vd, c, off, frame + done, chunk) : 0;
        done += w;
        written[k] = (uint32_t)(off + w);
        k++;
    }
    uint8_t hdr[VIRTIO_NET_HDR_LEN] = { 0 };   /* flags, gso_type NONE, no checksum or GSO fields */
    le_store16(hdr + VIRTIO_NET_HDR_NUM_BUFFERS, (uint16_t)k);
    virtio_chain_write(n->vd, &n->rx_stash[0], 0, hdr, sizeof(hdr));
    for (unsigned i = 0; i < k; i++) virtio_queue_push(n->vd, VIRTIO_NET_RXQ, &n->rx_stash[i], written[i]);
    n->rx_stash_count -= k;
    if (n->rx_stash_count)
        memmove(&n->rx_stash[0], &n->rx_stash[k], n->rx_stash_count * sizeof(n->rx_stash[0]));
    virtio_queue_notify_driver(n->vd, VIRTIO_NET_RXQ);
    n->stats.rx_frames++;
    n->stats.rx_bytes += len;
    return true;
}

/* ---- transmit ---- */

static void transmit(struct virtio_net *n, struct virtio_dev *vd)
{
    struct virtio_chain *c = &n->tx_chain;
    bool pushed = false;
    while (virtio_queue_pop(vd, VIRTIO_NET_TXQ, c) > 0) {
        uint64_t total = c->out_len;
        if (total <= VIRTIO_NET_HDR_LEN || total - VIRTIO_NET_HDR_LEN > VIRTIO_NET_MAX_FRAME) {
            n->stats.tx_dropped++;
        } else {
            size_t flen = (size_t)(total - VIRTIO_NET_HDR_LEN);
            size_t got = virtio_chain_read(c, VIRTIO_NET_HDR_LEN, n->tx_buf, flen);
            n->stats.tx_frames++;
            n->stats.tx_bytes += got;
            if (n->backend.send) n->backend.send(n->backend.opaque, n->tx_buf, got);
        }
        virtio_queue_push(vd, VIRTIO_NET_TXQ, c, 0);
        pushed = true;
    }
    if (pushed) virtio_queue_notify_driver(vd, VIRTIO_NET_TXQ);
}

/* ---- transport callbacks ---- */

static uint64_t net_features(void *opaque)
{
    const struct virtio_net *n = opaque;
    uint64_t f = VIRTIO_NET_F_MAC | VIRTIO_NET_F_STATUS;
    if (n->offer_mrg_rxbuf) f |= VIRTIO_NET_F_MRG_RXBUF;
    return f;
}

static void net_set_features(void *opaque, uint64_t accepted)
{
    struct virtio_net *n = opaque;
    n->accepted = accepted;
}

static uint8_t *net_config(void *opaque, uint32_t *size)
{
    struct virtio_net *n = opaque;
    *size = VIRTIO_NET_CONFIG_SIZE;
    return n->config;
}

static void net_queue_notify(void *opaque, struct virtio_dev *vd, unsigned q)
{
    struct virtio_net *n = opaque;
    if (!n->vd) n->vd = vd;
    if (q == VIRTIO_NET_TXQ) transmit(n, vd);
    else if (q == VIRTIO_NET_RXQ && n->backend.rx_ready) n->backend.rx_ready(n->backend.opaque);
}

static void net_reset(void *opaque)
{
    struct virtio_net *n = opaque;
    n->accepted = 0;
    n->rx_stash_count = 0;
}

const struct virtio_device_ops virtio_net_ops = {
    .name = "virtio-net",
    .device_id = VIRTIO_ID_NET,
    .num_queues = VIRTIO_NET_NUM_QUEUES,
    .features = net_features,
    .set_features = net_set_features,
    .config = net_config,
    .config_write = NULL,
    .queue_notify = net_queue_notify,
    .reset = net_reset,
};

void virtio_net_set_link(struct virtio_net *n, bool up)
{
    if (n->link_up == up) return;
    n->link_up = up;
    build_config(n);
    if (n->vd) virtio_config_changed(n->vd);
}

void virtio_net_describe(const struct virtio_net *n, char *buf, size_t len)
{
    const struct virtio_net_stats *s = &n->stats;
    snprintf(buf, len,
             "virtio-net %02x:%02x:%02x:%02x:%02x:%02x link %s rx-buffers %s; rx %llu frames %llu bytes "
             "(%llu no-buffer, %llu dropped); tx %llu frames %llu bytes (%llu dropped)",
             n->mac[0], n->mac[1], n->mac[2], n->mac[3], n->mac[4], n->mac[5], n->link_up ? "up" : "down",
             mergeable(n) ? "mergeable" : "single", (unsigned long long)s->rx_frames,
             (unsigned long long)s->rx_bytes, (unsigned long long)s->rx_no_buffer,
             (unsigned long long)s->rx_dropped, (unsigned long long)s->tx_frames,
             (unsigned long long)s->tx_bytes, (unsigned long long)s->tx_dropped);
}

void virtio_net_save(const struct virtio_net *n, struct state_writer *w)
{
    state_put_bool(w, n->link_up);
    state_put_u64(w, n->accepted);
    const struct virtio_net_stats *s = &n->stats;
    const uint64_t stats[] = { s->rx_frames, s->rx_bytes, s->rx_no_buffer, s->rx_dropped,
                               s->tx_frames, s->tx_bytes, s->tx_dropped };
    state_put_u64s(w, stats, sizeof(stats) / sizeof(stats[0]));
    state_put_u32(w, n->rx_stash_count);
    for (unsigned i = 0; i < n->rx_stash_count; i++) virtio_chain_save(&n->rx_stash[i], w);
}

void virtio_net_load(struct virtio_net *n, struct state_reader *r)
{
    n->link_up = state_get_bool(r);
    n->accepted = state_get_u64(r);
    struct virtio_net_stats *s = &n->stats;
    uint64_t *fields[] = { &s->rx_frames, &s->rx_bytes, &s->rx_no_buffer, &s->rx_dropped,
                           &s->tx_frames, &s->tx_bytes, &s->tx_dropped };
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) *fields[i] = state_get_u64(r);
    uint32_t count = state_get_u32(r);
    if (count > VIRTIO_NET_RX_STASH) {
        state_reader_fail(r, "virtio-net holds %u receive buffers", count);
        count = 0;
    }
    n->rx_stash_count = 0;
    for (unsigned i = 0; i < count && !r->failed; i++) virtio_chain_load(n->vd, &n->rx_stash[i], r);
    if (!r->failed) n->rx_stash_count = count;
}
