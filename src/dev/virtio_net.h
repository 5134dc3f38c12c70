/* virtio network device (OASIS virtio 1.2, 5.1): receiveq/transmitq, MAC and link status in config
 * space, optional mergeable receive buffers, no offloads; frames go to and come from a host backend. */
#ifndef VHART_DEV_VIRTIO_NET_H
#define VHART_DEV_VIRTIO_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "virtio.h"

struct state_writer;
struct state_reader;

/* Device feature bits (5.1.3). */
#define VIRTIO_NET_F_MAC (1ull << 5)
#define VIRTIO_NET_F_MRG_RXBUF (1ull << 15)
#define VIRTIO_NET_F_STATUS (1ull << 16)

/* Queues (5.1.2): one pair, no control queue. */
enum { VIRTIO_NET_RXQ = 0, VIRTIO_NET_TXQ = 1, VIRTIO_NET_NUM_QUEUES = 2 };

/* struct virtio_net_hdr as used with VERSION_1 (5.1.6): always 12 bytes, num_buffers included. */
#define VIRTIO_NET_HDR_LEN 12u
#define VIRTIO_NET_HDR_NUM_BUFFERS 10u   /* offset of le16 num_buffers */

/* Configuration space (5.1.4): mac[6], le16 status, le16 max_virtqueue_pairs, le16 mtu. */
#define VIRTIO_NET_CONFIG_SIZE 12u
#define VIRTIO_NET_S_LINK_UP 1u

/* Largest frame accepted in either direction (without GSO the guest's MTU bounds it: 65535 + 14
 * Ethernet + 4 VLAN); larger ones are dropped and counted. */
#define VIRTIO_NET_MAX_FRAME (65535u + 18u)
/* Receive chains held while gathering room for one frame with mergeable buffers. */
#define VIRTIO_NET_RX_STASH 16

#define VIRTIO_NET_DEFAULT_MAC { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 }

/* The host side of the link. send() takes guest->host frames (Ethernet, no virtio header, no FCS)
 * and must not keep the pointer. rx_ready() (may be NULL) is called when the guest posts receive
 * buffers, so a backend that queued frames after a false virtio_net_receive can retry. */
struct net_backend {
    void (*send)(void *opaque, const uint8_t *frame, size_t len);
    void (*rx_ready)(void *opaque);
    void *opaque;
};

struct virtio_net_stats {
    uint64_t rx_frames, rx_bytes;
    uint64_t rx_no_buffer;   /* virtio_net_receive returned false: no (or not enough) guest buffers */
    uint64_t rx_dropped;     /* frames too large for the guest's buffers or VIRTIO_NET_MAX_FRAME */
    uint64_t tx_frames, tx_bytes;
    uint64_t tx_dropped;     /* chains shorter than the header, empty or oversized frames */
};

struct virtio_net {
    struct virtio_dev *vd;              /* the transport slot this device sits in */
    struct net_backend backend;
    uint8_t mac[6];
    bool link_up;
    bool offer_mrg_rxbuf;               /* offer VIRTIO_NET_F_MRG_RXBUF (default true) */
    uint64_t accepted;                  /* features the driver accepted */
    uint8_t config[VIRTIO_NET_CONFIG_SIZE];
    struct virtio_net_stats stats;
    /* Receive chains popped but not yet used (a frame that did not fit, or a partial gather). */
    unsigned rx_stash_count;
    struct virtio_chain rx_stash[VIRTIO_NET_RX_STASH];
    struct virtio_chain tx_chain;
    uint8_t tx_buf[VIRTIO_NET_MAX_FRAME];
};

extern const struct virtio_device_ops virtio_net_ops;

/* The default MAC of the NIC in virtio slot `slot`: 52:54:00:12:34:56 with `slot` added to the
 * last byte (as QEMU numbers its NICs). */
void virtio_net_default_mac(unsigned slot, uint8_t mac[6]);

/* Set up the device for the transport slot vd (pass the same struct to virtio_mmio_init with
 * &virtio_net_ops and n as the device opaque). mac NULL means VIRTIO_NET_DEFAULT_MAC. backend may
 * be NULL (transmitted frames are then counted and discarded). The link starts up. */
void virtio_net_init(struct virtio_net *n, struct virtio_dev *vd, const uint8_t mac[6],
                     const struct net_backend *backend);

/* Deliver a host->guest Ethernet frame: it is written with a virtio_net_hdr (no offloads,
 * num_buffers set) into the next receive buffer, or several with MRG_RXBUF, and the driver is
 * interrupted. Returns false, taking nothing, when the driver is not running or has not posted
 * enough receive buffers: the caller then queues the frame to retry after net_backend.rx_ready,
 * or drops it (fine for slirp: TCP retransmits, ARP/DHCP retry). Returns true when the frame was
 * taken, which includes frames dropped for good because they can never fit (counted in
 * stats.rx_dropped), so a caller never retries those forever. */
bool virtio_net_receive(struct virtio_net *n, const uint8_t *frame, size_t len);

/* Whether a frame of up to 1514 bytes would be taken now (driver running, receive buffers
 * posted). A false answer may turn true only after net_backend.rx_ready. */
bool virtio_net_can_receive(struct virtio_net *n);

/* Change the link state seen in the status field (with a configuration-change interrupt). */
void virtio_net_set_link(struct virtio_net *n, bool up);

/* One line: MAC, link, negotiated receive mode and the frame counters. */
void virtio_net_describe(const struct virtio_net *n, char *buf, size_t len);

/* Snapshot: link, features, counters and the receive buffers popped but not yet used. */
void virtio_net_save(const struct virtio_net *n, struct state_writer *w);
void virtio_net_load(struct virtio_net *n, struct state_reader *r);

#endif
