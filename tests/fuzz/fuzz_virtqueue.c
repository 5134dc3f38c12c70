/* Fuzz target: the virtio-mmio transport and split virtqueues (src/dev/virtio_mmio.c) under each
 * device (virtio-blk over an in-memory disk, virtio-net without a network, virtio-rng,
 * virtio-input), driven as a guest driver would: register accesses, guest-RAM writes (descriptor
 * tables, rings, buffers, built by helper operations or byte by byte), notifications, and
 * host-side events (received frames, input events). Malformed rings must end in
 * DEVICE_NEEDS_RESET or an error status, never a crash, a host access outside guest RAM (ASan),
 * a backend access outside the disk, or more used entries than chains made available.
 *
 * Input: a device selector byte, then operations (see run_op). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dev/virtio.h"
#include "dev/virtio_blk.h"
#include "dev/virtio_input.h"
#include "dev/virtio_net.h"
#include "dev/virtio_rng.h"
#include "mem/bus.h"
#include "util/endian.h"
#include "fuzz_common.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE 0x10000ull
#define DEV_BASE 0x10001000ull
#define DISK_SECTORS 64
#define MAX_OPS 256

struct env {
    struct bus bus;
    struct virtio_dev vd;
    struct virtio_blk blk;
    struct virtio_net net;
    struct virtio_rng rng;
    struct virtio_input input;
    uint8_t disk[DISK_SECTORS * 512];
    uint64_t disk_bytes;       /* the backend's size_bytes */
    bool disk_fail;            /* the backend reports I/O errors */
    int kind;                  /* 0 blk, 1 net, 2 rng, 3 input */
    int irq_level;
    /* Per queue: where the helper operations build rings, and the next avail index they use. */
    struct { uint64_t desc, avail, used; uint32_t num; uint16_t avail_idx; } q[VIRTIO_MAX_QUEUES];
    uint64_t frames_sent;
};

/* ---- the in-memory disk: the device must only ask for whole sectors inside it ---- */
static void check_range(const struct env *e, uint64_t off, uint64_t len)
{
    uint64_t end = e->disk_bytes / 512 * 512;   /* a partial last sector is not exposed */
    FUZZ_CHECK(off % 512 == 0 && len % 512 == 0);
    FUZZ_CHECK(off <= end && len <= end - off);
}
static int disk_read(void *opaque, uint64_t off, void *buf, size_t len)
{
    struct env *e = opaque;
    check_range(e, off, len);
    if (e->disk_fail) return -5;
    memcpy(buf, e->disk + off, len);
    return 0;
}
static int disk_write(void *opaque, uint64_t off, const void *buf, size_t len)
{
    struct env *e = opaque;
    check_range(e, off, len);
    if (e->disk_fail) return -5;
    memcpy(e->disk + off, buf, len);
    return 0;
}
static int disk_flush(void *opaque) { return ((struct env *)opaque)->disk_fail ? -5 : 0; }
static int disk_discard(void *opaque, uint64_t off, uint64_t len)
{
    struct env *e = opaque;
    check_range(e, off, len);
    memset(e->disk + off, 0, (size_t)len);
    return e->disk_fail ? -5 : 0;
}
static int disk_write_zeroes(void *opaque, uint64_t off, uint64_t len, bool may_unmap)
{
    (void)may_unmap;
    return disk_discard(opaque, off, len);
}

static void set_irq(void *opaque, int level) { ((struct env *)opaque)->irq_level = level; }
static size_t entropy(void *opaque, void *buf, size_t len)
{
    (void)opaque;
    memset(buf, 0x5a, len);
    return len;
}
static void net_send(void *opaque, const uint8_t *frame, size_t len)
{
    struct env *e = opaque;
    FUZZ_CHECK(len > 0 && len <= VIRTIO_NET_MAX_FRAME);
    e->frames_sent += frame[0] + 1u;
}

static int mmio_w(struct env *e, uint32_t off, uint32_t v) { return bus_write(&e->bus, DEV_BASE + off, 4, v); }
static uint64_t mmio_r(struct env *e, uint32_t off, unsigned size)
{
    uint64_t v = 0;
    bus_read(&e->bus, DEV_BASE + off, size, &v);
    return v;
}

/* A RAM offset from the input, aligned, with room for `len` bytes. */
static uint64_t ram_addr(uint16_t off, uint64_t align, uint64_t len)
{
    uint64_t o = off & ~(align - 1);
    if (len > RAM_SIZE) len = RAM_SIZE;
    if (o > RAM_SIZE - len) o = (RAM_SIZE - len) & ~(align - 1);
    return RAM_BASE + o;
}

/* The driver's standard start (3.1.1) with queue q at addresses from the input. */
static void driver_start(struct env *e, struct fuzz_in *in)
{
    uint8_t q = fz_u8(in) & 7, sizesel = fz_u8(in);
    uint32_t features_lo = fz_u32(in), features_hi = fz_u32(in);
    uint32_t num = sizesel & 0x80 ? sizesel : 1u << (sizesel % 9);   /* mostly valid sizes */
    uint64_t desc = ram_addr(fz_u16(in), 16, 16ull * num);
    uint64_t avail = ram_addr(fz_u16(in), 2, 6 + 2ull * num);
    uint64_t used = ram_addr(fz_u16(in), 4, 6 + 8ull * num);
    mmio_w(e, 0x070, 0);
    mmio_w(e, 0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    mmio_w(e, 0x014, 0);
    uint32_t offered_lo = (uint32_t)mmio_r(e, 0x010, 4);
    mmio_w(e, 0x014, 1);
    uint32_t offered_hi = (uint32_t)mmio_r(e, 0x010, 4);
    mmio_w(e, 0x024, 0);
    mmio_w(e, 0x020, offered_lo & ~features_lo);
    mmio_w(e, 0x024, 1);
    mmio_w(e, 0x020, offered_hi & ~features_hi);
    mmio_w(e, 0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    mmio_w(e, 0x030, q);
    mmio_w(e, 0x038, num);
    mmio_w(e, 0x080, (uint32_t)desc);
    mmio_w(e, 0x084, (uint32_t)(desc >> 32));
    mmio_w(e, 0x090, (uint32_t)avail);
    mmio_w(e, 0x094, (uint32_t)(avail >> 32));
    mmio_w(e, 0x0a0, (uint32_t)used);
    mmio_w(e, 0x0a4, (uint32_t)(used >> 32));
    uint8_t *ring = bus_host_ptr(&e->bus, avail, 6 + 2ull * (num <= 256 ? num : 0));
    if (ring) memset(ring, 0, 4);
    mmio_w(e, 0x044, 1);
    mmio_w(e, 0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK |
                         VIRTIO_STATUS_DRIVER_OK);
    e->q[q].desc = desc;
    e->q[q].avail = avail;
    e->q[q].used = used;
    e->q[q].num = num;
    e->q[q].avail_idx = 0;
}

/* Write descriptor `i` of queue q's table (the index may be out of range: then it is not written). */
static void put_desc(struct env *e, struct fuzz_in *in)
{
    uint8_t q = fz_u8(in) & 7, i = fz_u8(in);
    uint16_t addr_off = fz_u16(in);
    uint16_t len = fz_u16(in);
    uint8_t flags = fz_u8(in), next = fz_u8(in);
    uint64_t addr = (flags & 0x80) ? fz_u64(in) : RAM_BASE + addr_off;   /* mostly inside RAM */
    uint8_t *p = bus_host_ptr(&e->bus, e->q[q].desc + 16ull * i, 16);
    if (!e->q[q].desc || i >= e->q[q].num || !p) return;
    le_store64(p, addr);
    le_store32(p + 8, (flags & 0x40) ? 0xffff0000u | len : len);
    le_store16(p + 12, flags & 7);
    le_store16(p + 14, next);
    bus_memory_written(&e->bus, bus_find(&e->bus, RAM_BASE), e->q[q].desc + 16ull * i, 16);
}

/* Make head `h` available on queue q (and optionally notify). */
static void push_avail(struct env *e, struct fuzz_in *in)
{
    uint8_t q = fz_u8(in) & 7, head = fz_u8(in), extra = fz_u8(in);
    uint32_t num = e->q[q].num;
    uint8_t *ring = e->q[q].avail && num && num <= 256 ? bus_host_ptr(&e->bus, e->q[q].avail, 6 + 2ull * num) : NULL;
    if (!ring) return;
    le_store16(ring + 4 + 2 * (e->q[q].avail_idx & (num - 1)), head);
    e->q[q].avail_idx = (uint16_t)(e->q[q].avail_idx + 1 + (extra & 0x80 ? extra & 0x7f : 0));   /* sometimes too far */
    le_store16(ring + 2, e->q[q].avail_idx);
    if (extra & 1) le_store16(ring, 1);   /* VIRTQ_AVAIL_F_NO_INTERRUPT */
    if (extra & 2) mmio_w(e, 0x050, q);
}

static void check_queues(struct env *e)
{
    for (unsigned q = 0; q < VIRTIO_MAX_QUEUES; q++) {
        const struct virtio_queue_state *qs = &e->vd.queues[q];
        if (!qs->ready) continue;
        FUZZ_CHECK(qs->num >= 1 && qs->num <= VIRTIO_QUEUE_MAX_SIZE && (qs->num & (qs->num - 1)) == 0);
        /* Never more used entries than chains taken from the available ring. */
        FUZZ_CHECK((uint16_t)(qs->last_avail - qs->used_idx) <= qs->num);
    }
    FUZZ_CHECK(e->irq_level == (e->vd.interrupt_status != 0));
}

static void run_op(struct env *e, struct fuzz_in *in)
{
    uint8_t op = fz_u8(in);
    switch (op % 10) {
    case 0: {   /* raw register write */
        uint16_t off = fz_u16(in) & 0xfff;
        uint8_t size = 1u << (fz_u8(in) & 3);
        bus_write(&e->bus, DEV_BASE + off, size, fz_u64(in));
        break;
    }
    case 1: {   /* raw register read */
        uint16_t off = fz_u16(in) & 0xfff;
        uint8_t size = 1u << (fz_u8(in) & 3);
        mmio_r(e, off, size);
        break;
    }
    case 2: {   /* guest RAM bytes */
        uint16_t off = fz_u16(in);
        uint8_t len = fz_u8(in);
        uint8_t buf[256];
        size_t n = fz_bytes(in, buf, len);
        bus_copy_to_guest(&e->bus, RAM_BASE + (off % RAM_SIZE), buf, n);
        break;
    }
    case 3: driver_start(e, in); break;
    case 4: put_desc(e, in); break;
    case 5: push_avail(e, in); break;
    case 6: mmio_w(e, 0x050, fz_u8(in)); break;   /* notify (any value) */
    case 7: {   /* host side */
        uint8_t what = fz_u8(in);
        if (e->kind == 1) {
            uint16_t len = fz_u16(in);
            static uint8_t frame[VIRTIO_NET_MAX_FRAME + 16];
            size_t n = len % (VIRTIO_NET_MAX_FRAME + 16);
            memset(frame, what, n);
            if (what & 1) virtio_net_set_link(&e->net, what & 2);
            else virtio_net_receive(&e->net, frame, n);
            virtio_net_can_receive(&e->net);
        } else if (e->kind == 3) {
            uint16_t type = fz_u16(in), code = fz_u16(in);
            uint32_t value = fz_u32(in);
            virtio_input_send(&e->input, type & 0x1f, code, value);
            if (what & 1) virtio_input_send(&e->input, 0, 0, 0);   /* SYN_REPORT */
            if (what & 2) virtio_input_flush(&e->input);
        } else if (e->kind == 0) {
            e->disk_fail = what & 1;
        }
        break;
    }
    case 8: mmio_w(e, 0x064, fz_u8(in)); break;   /* interrupt ack */
    default: {  /* status write */
        mmio_w(e, 0x070, fz_u8(in));
        break;
    }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = { data, size };
    struct env *e = calloc(1, sizeof(*e));
    FUZZ_CHECK(e != NULL);
    bus_init(&e->bus);
    FUZZ_CHECK(bus_add_memory(&e->bus, "ram", RAM_BASE, RAM_SIZE, false) != NULL);
    FUZZ_CHECK(bus_add_memory(&e->bus, "rom", 0x1000, 0x1000, true) != NULL);
    uint8_t sel = fz_u8(&in);
    e->kind = sel & 3;
    switch (e->kind) {
    case 0: {
        struct block_backend be = {
            .read = disk_read, .write = disk_write, .flush = (sel & 4) ? NULL : disk_flush,
            .discard = (sel & 8) ? NULL : disk_discard, .write_zeroes = (sel & 16) ? NULL : disk_write_zeroes,
            .size_bytes = sizeof(e->disk) - (sel & 32 ? 100 : 0), .read_only = (sel & 64) != 0, .opaque = e,
        };
        if (be.read_only) be.write = NULL;
        e->disk_bytes = be.size_bytes;
        FUZZ_CHECK(virtio_blk_init(&e->blk, &be, "fuzz-disk-serial-0123456789") == 0);
        virtio_mmio_init(&e->vd, &e->bus, &virtio_blk_device_ops, &e->blk, set_irq, e);
        break;
    }
    case 1: {
        struct net_backend nb = { net_send, NULL, e };
        virtio_mmio_init(&e->vd, &e->bus, &virtio_net_ops, &e->net, set_irq, e);
        virtio_net_init(&e->net, &e->vd, NULL, (sel & 4) ? NULL : &nb);
        e->net.offer_mrg_rxbuf = (sel & 8) == 0;
        break;
    }
    case 2:
        virtio_rng_init(&e->rng, entropy, NULL);
        virtio_mmio_init(&e->vd, &e->bus, &virtio_rng_ops, &e->rng, set_irq, e);
        break;
    default:
        virtio_mmio_init(&e->vd, &e->bus, &virtio_input_ops, &e->input, set_irq, e);
        virtio_input_init(&e->input, &e->vd, (enum virtio_input_kind)((sel >> 2) % 3), sel & 32 ? 639 : 0,
                          sel & 32 ? 479 : 0);
        break;
    }
    FUZZ_CHECK(bus_add_device(&e->bus, "virtio", DEV_BASE, 0x1000, &virtio_mmio_ops, &e->vd) != NULL);
    for (unsigned i = 0; i < MAX_OPS && in.left; i++) {
        run_op(e, &in);
        check_queues(e);
    }
    char line[1024];
    virtio_describe(&e->vd, line, sizeof(line));
    if (e->kind == 0) virtio_blk_describe(&e->blk, line, sizeof(line));
    if (e->kind == 1) virtio_net_describe(&e->net, line, sizeof(line));
    if (e->kind == 3) virtio_input_describe(&e->input, line, sizeof(line));
    bus_destroy(&e->bus);
    free(e);
    return 0;
}
