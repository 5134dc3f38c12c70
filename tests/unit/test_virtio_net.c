/* Unit tests for src/dev/virtio_net.c (virtio 1.2, 5.1) behind the real virtio-mmio transport: a
 * driver handshake through the registers, split rings built by hand in RAM, a fake host backend. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev/virtio.h"
#include "dev/virtio_net.h"
#include "mem/bus.h"
#include "util/endian.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (16ull << 20)
#define SLOT 0x10001000ull
#define QSIZE 8u
#define BUFS (RAM_BASE + 0x100000ull)   /* data buffers from here */

/* Registers (4.2.2). */
enum {
    R_MAGIC = 0x000, R_VERSION = 0x004, R_DEVICE_ID = 0x008, R_DEV_FEATURES = 0x010, R_DEV_FEATURES_SEL = 0x014,
    R_DRV_FEATURES = 0x020, R_DRV_FEATURES_SEL = 0x024, R_QUEUE_SEL = 0x030, R_QUEUE_NUM_MAX = 0x034,
    R_QUEUE_NUM = 0x038, R_QUEUE_READY = 0x044, R_QUEUE_NOTIFY = 0x050, R_INT_STATUS = 0x060, R_INT_ACK = 0x064,
    R_STATUS = 0x070, R_DESC_LO = 0x080, R_DESC_HI = 0x084, R_DRIVER_LO = 0x090, R_DRIVER_HI = 0x094,
    R_DEVICE_LO = 0x0a0, R_DEVICE_HI = 0x0a4, R_CONFIG_GEN = 0x0fc, R_CONFIG = 0x100,
};

struct vq {
    uint64_t desc, avail, used;
    uint16_t avail_idx, next_desc;
};

struct seg {
    uint64_t addr;
    uint32_t len;
    bool write;
};

static struct bus bus;
static struct virtio_dev vd;
static struct virtio_net *net;
static struct vq vqs[2];
static int irq_level;

/* What the fake backend saw. */
static uint8_t sent[4][2048];
static size_t sent_len[4];
static unsigned nsent, rx_ready_calls;
static bool echo_back;   /* the backend answers each frame from inside send() */

static void backend_send(void *opaque, const uint8_t *frame, size_t len)
{
    ck_assert_ptr_eq(opaque, net);
    if (nsent < 4) {
        ck_assert_uint_le(len, sizeof(sent[0]));
        memcpy(sent[nsent], frame, len);
        sent_len[nsent] = len;
    }
    nsent++;
    if (echo_back) ck_assert(virtio_net_receive(net, frame, len));
}

static void backend_rx_ready(void *opaque)
{
    ck_assert_ptr_eq(opaque, net);
    rx_ready_calls++;
}

static void set_irq(void *opaque, int level)
{
    ck_assert_ptr_eq(opaque, &vd);
    irq_level = level;
}

static uint8_t *ram(uint64_t gpa, uint64_t len)
{
    uint8_t *p = bus_host_ptr(&bus, gpa, len);
    ck_assert_ptr_nonnull(p);
    return p;
}

static uint32_t rd(uint32_t off)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&bus, SLOT + off, 4, &v), 0);
    return (uint32_t)v;
}

static void wr(uint32_t off, uint32_t v) { ck_assert_int_eq(bus_write(&bus, SLOT + off, 4, v), 0); }

static uint64_t cfg_rd(uint32_t off, unsigned size)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&bus, SLOT + R_CONFIG + off, size, &v), 0);
    return v;
}

static void setup(void)
{
    bus_init(&bus);
    ck_assert_ptr_nonnull(bus_add_memory(&bus, "ram", RAM_BASE, RAM_SIZE, false));
    net = malloc(sizeof(*net));
    ck_assert_ptr_nonnull(net);
    memset(net, 0xa5, sizeof(*net));   /* init must not depend on prior contents */
    struct net_backend be = { backend_send, backend_rx_ready, NULL };
    be.opaque = net;
    virtio_net_init(net, &vd, NULL, &be);
    virtio_mmio_init(&vd, &bus, &virtio_net_ops, net, set_irq, &vd);
    ck_assert_ptr_nonnull(bus_add_device(&bus, "virtio0", SLOT, 0x1000, &virtio_mmio_ops, &vd));
    memset(vqs, 0, sizeof(vqs));
    irq_level = 0;
    nsent = rx_ready_calls = 0;
    echo_back = false;
}

static void teardown(void)
{
    free(net);
    bus_destroy(&bus);
}

/* The driver side of 3.1.1: reset, ACKNOWLEDGE, DRIVER, features, FEATURES_OK, queues, DRIVER_OK. */
static void driver_start(uint64_t features)
{
    wr(R_STATUS, 0);
    wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
    wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(R_DRV_FEATURES_SEL, 0);
    wr(R_DRV_FEATURES, (uint32_t)features);
    wr(R_DRV_FEATURES_SEL, 1);
    wr(R_DRV_FEATURES, (uint32_t)(features >> 32));
    uint32_t st = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK;
    wr(R_STATUS, st);
    ck_assert_uint_eq(rd(R_STATUS), st);
    for (unsigned q = 0; q < 2; q++) {
        struct vq *v = &vqs[q];
        v->desc = RAM_BASE + 0x10000ull * (q + 1);
        v->avail = v->desc + 0x1000;
        v->used = v->desc + 0x2000;
        memset(ram(v->desc, 0x3000), 0, 0x3000);
        wr(R_QUEUE_SEL, q);
        ck_assert_uint_eq(rd(R_QUEUE_NUM_MAX), VIRTIO_QUEUE_MAX_SIZE);
        wr(R_QUEUE_NUM, QSIZE);
        wr(R_DESC_LO, (uint32_t)v->desc);
        wr(R_DESC_HI, (uint32_t)(v->desc >> 32));
        wr(R_DRIVER_LO, (uint32_t)v->avail);
        wr(R_DRIVER_HI, (uint32_t)(v->avail >> 32));
        wr(R_DEVICE_LO, (uint32_t)v->used);
        wr(R_DEVICE_HI, (uint32_t)(v->used >> 32));
        wr(R_QUEUE_READY, 1);
        ck_assert_uint_eq(rd(R_QUEUE_READY), 1);
    }
    wr(R_STATUS, st | VIRTIO_STATUS_DRIVER_OK);
}

/* Make a chain available (descriptors allocated round-robin) without notifying. Returns its head. */
static uint16_t add_chain(unsigned q, const struct seg *segs, unsigned n)
{
    struct vq *v = &vqs[q];
    uint16_t head = v->next_desc;
    for (unsigned i = 0; i < n; i++) {
        uint16_t d = (uint16_t)((head + i) % QSIZE);
        uint8_t *p = ram(v->desc + 16ull * d, 16);
        le_store64(p, segs[i].addr);
        le_store32(p + 8, segs[i].len);
        le_store16(p + 12, (uint16_t)((i + 1 < n ? 1 : 0) | (segs[i].write ? 2 : 0)));
        le_store16(p + 14, (uint16_t)((d + 1) % QSIZE));
    }
    v->next_desc = (uint16_t)((head + n) % QSIZE);
    le_store16(ram(v->avail + 4 + 2ull * (v->avail_idx % QSIZE), 2), head);
    v->avail_idx++;
    le_store16(ram(v->avail + 2, 2), v->avail_idx);
    return head;
}

static void notify(unsigned q) { wr(R_QUEUE_NOTIFY, q); }

static uint16_t used_idx(unsigned q) { return le_load16(ram(vqs[q].used + 2, 2)); }

static void used_elem(unsigned q, unsigned i, uint32_t *id, uint32_t *len)
{
    const uint8_t *e = ram(vqs[q].used + 4 + 8ull * (i % QSIZE), 8);
    *id = le_load32(e);
    *len = le_load32(e + 4);
}

/* A recognisable Ethernet frame of `len` bytes. */
static void make_frame(uint8_t *f, size_t len, uint8_t seed)
{
    for (size_t i = 0; i < len; i++) f[i] = (uint8_t)(seed + i * 7);
}

static const uint64_t BASIC = VIRTIO_F_VERSION_1 | VIRTIO_NET_F_MAC | VIRTIO_NET_F_STATUS;

START_TEST(net_registers_identify_a_network_device_with_mac_status_and_mrg_rxbuf)
{
    ck_assert_uint_eq(rd(R_MAGIC), 0x74726976);
    ck_assert_uint_eq(rd(R_VERSION), 2);
    ck_assert_uint_eq(rd(R_DEVICE_ID), 1);
    wr(R_DEV_FEATURES_SEL, 0);
    /* MAC (5), MRG_RXBUF (15), STATUS (16), and the transport's INDIRECT_DESC (28), EVENT_IDX (29). */
    ck_assert_uint_eq(rd(R_DEV_FEATURES), 0x30018020u);
    wr(R_DEV_FEATURES_SEL, 1);
    ck_assert_uint_eq(rd(R_DEV_FEATURES), 0x1u);   /* VERSION_1 */
    net->offer_mrg_rxbuf = false;
    wr(R_DEV_FEATURES_SEL, 0);
    ck_assert_uint_eq(rd(R_DEV_FEATURES), 0x30010020u);
}
END_TEST

START_TEST(net_config_space_holds_mac_and_link_up_status)
{
    ck_assert_uint_eq(cfg_rd(0, 1), 0x52);
    ck_assert_uint_eq(cfg_rd(1, 1), 0x54);
    ck_assert_uint_eq(cfg_rd(2, 1), 0x00);
    ck_assert_uint_eq(cfg_rd(3, 1), 0x12);
    ck_assert_uint_eq(cfg_rd(4, 1), 0x34);
    ck_assert_uint_eq(cfg_rd(5, 1), 0x56);
    ck_assert_uint_eq(cfg_rd(6, 2), VIRTIO_NET_S_LINK_UP);
    ck_assert_uint_eq(cfg_rd(0, 4), 0x12005452u);
}
END_TEST

START_TEST(net_default_mac_adds_the_slot_to_the_last_byte)
{
    uint8_t mac[6];
    virtio_net_default_mac(2, mac);
    const uint8_t want[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x58 };
    ck_assert_mem_eq(mac, want, 6);
    virtio_net_init(net, &vd, mac, NULL);
    ck_assert_uint_eq(cfg_rd(4, 2), 0x5834);
}
END_TEST

START_TEST(net_set_link_down_clears_status_and_signals_a_config_change)
{
    driver_start(BASIC);
    uint32_t gen = rd(R_CONFIG_GEN);
    virtio_net_set_link(net, false);
    ck_assert_uint_eq(cfg_rd(6, 2), 0);
    ck_assert_uint_eq(rd(R_CONFIG_GEN), gen + 1);
    ck_assert_uint_eq(rd(R_INT_STATUS), 2);
    ck_assert_int_eq(irq_level, 1);
    virtio_net_set_link(net, true);
    ck_assert_uint_eq(cfg_rd(6, 2), VIRTIO_NET_S_LINK_UP);
}
END_TEST

START_TEST(net_transmit_hands_the_frame_without_header_to_the_backend)
{
    driver_start(BASIC);
    uint8_t frame[60];
    make_frame(frame, sizeof(frame), 3);
    memset(ram(BUFS, 12), 0, 12);   /* header: no offloads */
    memcpy(ram(BUFS + 0x100, 20), frame, 20);
    memcpy(ram(BUFS + 0x200, 40), frame + 20, 40);
    struct seg segs[3] = { { BUFS, 12, false }, { BUFS + 0x100, 20, false }, { BUFS + 0x200, 40, false } };
    uint16_t head = add_chain(VIRTIO_NET_TXQ, segs, 3);
    notify(VIRTIO_NET_TXQ);
    ck_assert_uint_eq(nsent, 1);
    ck_assert_uint_eq(sent_len[0], 60);
    ck_assert_mem_eq(sent[0], frame, 60);
    ck_assert_uint_eq(used_idx(VIRTIO_NET_TXQ), 1);
    uint32_t id, len;
    used_elem(VIRTIO_NET_TXQ, 0, &id, &len);
    ck_assert_uint_eq(id, head);
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(rd(R_INT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
    ck_assert_uint_eq(net->stats.tx_frames, 1);
    ck_assert_uint_eq(net->stats.tx_bytes, 60);
}
END_TEST

START_TEST(net_transmit_takes_header_and_frame_from_one_descriptor)
{
    driver_start(BASIC);
    uint8_t frame[42];
    make_frame(frame, sizeof(frame), 9);
    memset(ram(BUFS, 12), 0, 12);
    memcpy(ram(BUFS + 12, 42), frame, 42);
    struct seg s = { BUFS, 54, false };
    add_chain(VIRTIO_NET_TXQ, &s, 1);
    add_chain(VIRTIO_NET_TXQ, &s, 1);
    notify(VIRTIO_NET_TXQ);
    ck_assert_uint_eq(nsent, 2);
    ck_assert_uint_eq(sent_len[0], 42);
    ck_assert_uint_eq(sent_len[1], 42);
    ck_assert_mem_eq(sent[1], frame, 42);
    ck_assert_uint_eq(used_idx(VIRTIO_NET_TXQ), 2);
}
END_TEST

START_TEST(net_transmit_drops_chains_no_longer_than_the_header)
{
    driver_start(BASIC);
    struct seg s = { BUFS, 12, false };
    add_chain(VIRTIO_NET_TXQ, &s, 1);
    notify(VIRTIO_NET_TXQ);
    ck_assert_uint_eq(nsent, 0);
    ck_assert_uint_eq(net->stats.tx_dropped, 1);
    ck_assert_uint_eq(used_idx(VIRTIO_NET_TXQ), 1);   /* the buffer still goes back */
}
END_TEST

START_TEST(net_transmit_before_driver_ok_waits_until_driver_ok)
{
    /* Queue a frame with everything set up but DRIVER_OK, then set it: the device looks then. */
    driver_start(BASIC);
    wr(R_STATUS, 0);
    wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(R_DRV_FEATURES, (uint32_t)BASIC);
    wr(R_DRV_FEATURES_SEL, 1);
    wr(R_DRV_FEATURES, 1);
    uint32_t st = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK;
    wr(R_STATUS, st);
    memset(vqs, 0, sizeof(vqs));
    for (unsigned q = 0; q < 2; q++) {
        struct vq *v = &vqs[q];
        v->desc = RAM_BASE + 0x10000ull * (q + 1);
        v->avail = v->desc + 0x1000;
        v->used = v->desc + 0x2000;
        memset(ram(v->desc, 0x3000), 0, 0x3000);
        wr(R_QUEUE_SEL, q);
        wr(R_QUEUE_NUM, QSIZE);
        wr(R_DESC_LO, (uint32_t)v->desc);
        wr(R_DRIVER_LO, (uint32_t)v->avail);
        wr(R_DEVICE_LO, (uint32_t)v->used);
        wr(R_QUEUE_READY, 1);
    }
    memset(ram(BUFS, 26), 0x11, 26);
    struct seg s = { BUFS, 26, false };
    add_chain(VIRTIO_NET_TXQ, &s, 1);
    notify(VIRTIO_NET_TXQ);
    ck_assert_uint_eq(nsent, 0);
    wr(R_STATUS, st | VIRTIO_STATUS_DRIVER_OK);
    ck_assert_uint_eq(nsent, 1);
    ck_assert_uint_eq(sent_len[0], 14);
}
END_TEST

START_TEST(net_receive_writes_header_and_frame_and_the_used_length)
{
    driver_start(BASIC);
    memset(ram(BUFS, 1526), 0xee, 1526);
    struct seg s = { BUFS, 1526, true };
    uint16_t head = add_chain(VIRTIO_NET_RXQ, &s, 1);
    notify(VIRTIO_NET_RXQ);
    ck_assert_uint_eq(rx_ready_calls, 2);   /* DRIVER_OK's look, then this notify */
    ck_assert(virtio_net_can_receive(net));
    uint8_t frame[60];
    make_frame(frame, sizeof(frame), 1);
    ck_assert(virtio_net_receive(net, frame, sizeof(frame)));
    const uint8_t want_hdr[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 };   /* num_buffers = 1 */
    ck_assert_mem_eq(ram(BUFS, 12), want_hdr, 12);
    ck_assert_mem_eq(ram(BUFS + 12, 60), frame, 60);
    ck_assert_uint_eq(*ram(BUFS + 72, 1), 0xee);   /* nothing past the frame */
    ck_assert_uint_eq(used_idx(VIRTIO_NET_RXQ), 1);
    uint32_t id, len;
    used_elem(VIRTIO_NET_RXQ, 0, &id, &len);
    ck_assert_uint_eq(id, head);
    ck_assert_uint_eq(len, 72);
    ck_assert_uint_eq(rd(R_INT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
    ck_assert_uint_eq(net->stats.rx_frames, 1);
}
END_TEST

START_TEST(net_receive_spreads_over_the_chain_segments)
{
    driver_start(BASIC);
    struct seg segs[2] = { { BUFS, 12, true }, { BUFS + 0x1000, 1514, true } };
    add_chain(VIRTIO_NET_RXQ, segs, 2);
    uint8_t frame[100];
    make_frame(frame, sizeof(frame), 5);
    ck_assert(virtio_net_receive(net, frame, sizeof(frame)));
    ck_assert_uint_eq(le_load16(ram(BUFS + 10, 2)), 1);
    ck_assert_mem_eq(ram(BUFS + 0x1000, 100), frame, 100);
    uint32_t id, len;
    used_elem(VIRTIO_NET_RXQ, 0, &id, &len);
    ck_assert_uint_eq(len, 112);
}
END_TEST

START_TEST(net_receive_without_buffers_returns_false_and_writes_nothing)
{
    uint8_t frame[60] = { 0 };
    ck_assert(!virtio_net_receive(net, frame, sizeof(frame)));   /* driver not started */
    ck_assert(!virtio_net_can_receive(net));
    driver_start(BASIC);
    ck_assert(!virtio_net_can_receive(net));
    ck_assert(!virtio_net_receive(net, frame, sizeof(frame)));
    ck_assert_uint_eq(used_idx(VIRTIO_NET_RXQ), 0);
    ck_assert_uint_eq(rd(R_INT_STATUS), 0);
    ck_assert_uint_eq(net->stats.rx_no_buffer, 2);
}
END_TEST

START_TEST(net_receive_of_a_frame_too_big_for_the_buffer_drops_it_and_keeps_the_buffer)
{
    driver_start(BASIC);
    struct seg s = { BUFS, 64, true };
    uint16_t head = add_chain(VIRTIO_NET_RXQ, &s, 1);
    uint8_t frame[100];
    make_frame(frame, sizeof(frame), 2);
    ck_assert(virtio_net_receive(net, frame, sizeof(frame)));   /* taken, and dropped */
    ck_assert_uint_eq(net->stats.rx_dropped, 1);
    ck_assert_uint_eq(used_idx(VIRTIO_NET_RXQ), 0);
    ck_assert(virtio_net_receive(net, frame, 40));
    ck_assert_uint_eq(used_idx(VIRTIO_NET_RXQ), 1);
    uint32_t id, len;
    used_elem(VIRTIO_NET_RXQ, 0, &id, &len);
    ck_assert_uint_eq(id, head);
    ck_assert_uint_eq(len, 52);
    ck_assert_mem_eq(ram(BUFS + 12, 40), frame, 40);
}
END_TEST

START_TEST(net_mergeable_receive_spreads_a_frame_over_buffers_with_num_buffers)
{
    driver_start(BASIC | VIRTIO_NET_F_MRG_RXBUF);
    struct seg s[3] = { { BUFS, 64, true }, { BUFS + 0x100, 64, true }, { BUFS + 0x200, 64, true } };
    uint16_t h0 = add_chain(VIRTIO_NET_RXQ, &s[0], 1);
    uint16_t h1 = add_chain(VIRTIO_NET_RXQ, &s[1], 1);
    uint16_t h2 = add_chain(VIRTIO_NET_RXQ, &s[2], 1);
    uint8_t frame[100];
    make_frame(frame, sizeof(frame), 4);
    ck_assert(virtio_net_receive(net, frame, sizeof(frame)));
    ck_assert_uint_eq(le_load16(ram(BUFS + 10, 2)), 2);
    ck_assert_mem_eq(ram(BUFS + 12, 52), frame, 52);
    ck_assert_mem_eq(ram(BUFS + 0x100, 48), frame + 52, 48);
    ck_assert_uint_eq(used_idx(VIRTIO_NET_RXQ), 2);
    uint32_t id, len;
    used_elem(VIRTIO_NET_RXQ, 0, &id, &len);
    ck_assert_uint_eq(id, h0);
    ck_assert_uint_eq(len, 64);
    used_elem(VIRTIO_NET_RXQ, 1, &id, &len);
    ck_assert_uint_eq(id, h1);
    ck_assert_uint_eq(len, 48);
    /* The third buffer takes the next frame alone. */
    ck_assert(virtio_net_receive(net, frame, 40));
    ck_assert_uint_eq(le_load16(ram(BUFS + 0x200 + 10, 2)), 1);
    used_elem(VIRTIO_NET_RXQ, 2, &id, &len);
    ck_assert_uint_eq(id, h2);
    ck_assert_uint_eq(len, 52);
}
END_TEST

START_TEST(net_mergeable_receive_short_of_buffers_returns_false_then_completes_later)
{
    driver_start(BASIC | VIRTIO_NET_F_MRG_RXBUF);
    struct seg s[2] = { { BUFS, 64, true }, { BUFS + 0x100, 64, true } };
    add_chain(VIRTIO_NET_RXQ, &s[0], 1);
    uint8_t frame[100];
    make_frame(frame, sizeof(frame), 6);
    ck_assert(!virtio_net_can_receive(net));
    ck_assert(!virtio_net_receive(net, frame, sizeof(frame)));
    ck_assert_uint_eq(used_idx(VIRTIO_NET_RXQ), 0);
    add_chain(VIRTIO_NET_RXQ, &s[1], 1);
    notify(VIRTIO_NET_RXQ);
    ck_assert_uint_eq(rx_ready_calls, 2);   /* DRIVER_OK's look, then this notify */
    ck_assert(virtio_net_receive(net, frame, sizeof(frame)));
    ck_assert_uint_eq(used_idx(VIRTIO_NET_RXQ), 2);
    ck_assert_uint_eq(le_load16(ram(BUFS + 10, 2)), 2);
    ck_assert_mem_eq(ram(BUFS + 0x100, 48), frame + 52, 48);
}
END_TEST

START_TEST(net_receive_returns_buffers_shorter_than_the_header_empty)
{
    driver_start(BASIC);
    struct seg small = { BUFS, 8, true }, big = { BUFS + 0x100, 256, true };
    uint16_t h0 = add_chain(VIRTIO_NET_RXQ, &small, 1);
    uint16_t h1 = add_chain(VIRTIO_NET_RXQ, &big, 1);
    uint8_t frame[20] = { 1, 2, 3 };
    ck_assert(virtio_net_receive(net, frame, sizeof(frame)));
    uint32_t id, len;
    used_elem(VIRTIO_NET_RXQ, 0, &id, &len);
    ck_assert_uint_eq(id, h0);
    ck_assert_uint_eq(len, 0);
    used_elem(VIRTIO_NET_RXQ, 1, &id, &len);
    ck_assert_uint_eq(id, h1);
    ck_assert_uint_eq(len, 32);
}
END_TEST

START_TEST(net_backend_may_answer_from_inside_send)
{
    driver_start(BASIC);
    echo_back = true;
    struct seg rx = { BUFS + 0x1000, 1526, true };
    add_chain(VIRTIO_NET_RXQ, &rx, 1);
    memset(ram(BUFS, 12), 0, 12);
    make_frame(ram(BUFS + 12, 64), 64, 8);
    struct seg tx = { BUFS, 76, false };
    add_chain(VIRTIO_NET_TXQ, &tx, 1);
    notify(VIRTIO_NET_TXQ);
    ck_assert_uint_eq(nsent, 1);
    ck_assert_uint_eq(used_idx(VIRTIO_NET_TXQ), 1);
    ck_assert_uint_eq(used_idx(VIRTIO_NET_RXQ), 1);
    ck_assert_mem_eq(ram(BUFS + 0x1000 + 12, 64), ram(BUFS + 12, 64), 64);
}
END_TEST

START_TEST(net_reset_forgets_held_receive_buffers)
{
    driver_start(BASIC);
    struct seg s = { BUFS, 64, true };
    add_chain(VIRTIO_NET_RXQ, &s, 1);
    ck_assert(virtio_net_can_receive(net));
    ck_assert_uint_eq(net->rx_stash_count, 1);
    wr(R_STATUS, 0);
    ck_assert_uint_eq(net->rx_stash_count, 0);
    ck_assert_uint_eq(net->accepted, 0);
    uint8_t frame[20] = { 0 };
    ck_assert(!virtio_net_receive(net, frame, sizeof(frame)));
}
END_TEST

START_TEST(net_machine_reset_forgets_the_live_rx_queue_so_later_frames_leave_ram_alone)
{
    driver_start(BASIC);
    memset(ram(BUFS, 1526), 0xee, 1526);
    struct seg s = { BUFS, 1526, true };
    add_chain(VIRTIO_NET_RXQ, &s, 1);
    notify(VIRTIO_NET_RXQ);
    ck_assert(virtio_net_can_receive(net));
    uint8_t before[0x3000];
    memcpy(before, ram(vqs[VIRTIO_NET_RXQ].desc, 0x3000), sizeof(before));
    virtio_mmio_reset(&vd);   /* the machine reboots: the new kernel's memory is where the ring was */
    ck_assert_uint_eq(rd(R_STATUS), 0);
    ck_assert_uint_eq(rd(R_INT_STATUS), 0);
    ck_assert_int_eq(irq_level, 0);
    ck_assert(!virtio_net_can_receive(net));
    uint8_t frame[60];
    make_frame(frame, sizeof(frame), 1);
    ck_assert(!virtio_net_receive(net, frame, sizeof(frame)));
    for (unsigned i = 0; i < 1526; i++) ck_assert_uint_eq(*ram(BUFS + i, 1), 0xee);
    ck_assert_mem_eq(ram(vqs[VIRTIO_NET_RXQ].desc, 0x3000), before, sizeof(before));
    ck_assert_uint_eq(net->stats.rx_frames, 0);
}
END_TEST

START_TEST(net_describe_names_mac_link_mode_and_counters)
{
    driver_start(BASIC | VIRTIO_NET_F_MRG_RXBUF);
    uint8_t frame[20] = { 0 };
    ck_assert(!virtio_net_receive(net, frame, sizeof(frame)));
    char buf[256];
    virtio_net_describe(net, buf, sizeof(buf));
    ck_assert_str_eq(buf, "virtio-net 52:54:00:12:34:56 link up rx-buffers mergeable; rx 0 frames 0 bytes "
                          "(1 no-buffer, 0 dropped); tx 0 frames 0 bytes (0 dropped)");
    char small[11];
    virtio_net_describe(net, small, sizeof(small));
    ck_assert_str_eq(small, "virtio-net");
}
END_TEST

static Suite *net_suite(void)
{
    Suite *s = suite_create("virtio_net");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, net_registers_identify_a_network_device_with_mac_status_and_mrg_rxbuf);
    tcase_add_test(t, net_config_space_holds_mac_and_link_up_status);
    tcase_add_test(t, net_default_mac_adds_the_slot_to_the_last_byte);
    tcase_add_test(t, net_set_link_down_clears_status_and_signals_a_config_change);
    tcase_add_test(t, net_transmit_hands_the_frame_without_header_to_the_backend);
    tcase_add_test(t, net_transmit_takes_header_and_frame_from_one_descriptor);
    tcase_add_test(t, net_transmit_drops_chains_no_longer_than_the_header);
    tcase_add_test(t, net_transmit_before_driver_ok_waits_until_driver_ok);
    tcase_add_test(t, net_receive_writes_header_and_frame_and_the_used_length);
    tcase_add_test(t, net_receive_spreads_over_the_chain_segments);
    tcase_add_test(t, net_receive_without_buffers_returns_false_and_writes_nothing);
    tcase_add_test(t, net_receive_of_a_frame_too_big_for_the_buffer_drops_it_and_keeps_the_buffer);
    tcase_add_test(t, net_mergeable_receive_spreads_a_frame_over_buffers_with_num_buffers);
    tcase_add_test(t, net_mergeable_receive_short_of_buffers_returns_false_then_completes_later);
    tcase_add_test(t, net_receive_returns_buffers_shorter_than_the_header_empty);
    tcase_add_test(t, net_backend_may_answer_from_inside_send);
    tcase_add_test(t, net_reset_forgets_held_receive_buffers);
    tcase_add_test(t, net_describe_names_mac_link_mode_and_counters);
    tcase_add_test(t, net_machine_reset_forgets_the_live_rx_queue_so_later_frames_leave_ram_alone);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(net_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
