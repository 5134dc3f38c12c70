/* The virtio-mmio transport (OASIS VIRTIO 1.2, 4.2 "Virtio Over MMIO", version 2 register block) with
 * split virtqueues (2.7), feature negotiation (2.2, 3.1.1), device status (2.1) and notifications (2.7.7,
 * 2.7.10); devices plug in through struct virtio_device_ops (virtio.h).
 *
 * Choices the specification leaves open, or where a malformed guest is involved:
 * - Control registers take 32-bit accesses only (4.2.2.2); other sizes fault. Reserved registers read as
 *   zero and ignore writes. Write-only registers (QueueNum, the queue addresses, the selectors) read back
 *   what was written. The device configuration space from 0x100 takes 1, 2, 4 and 8-byte accesses; bytes
 *   past its end read as zero and ignore writes.
 * - DeviceFeatures/DriverFeatures words beyond 1 read as zero and ignore writes. DriverFeatures writes are
 *   ignored once FEATURES_OK is set. FEATURES_OK is refused (reads back clear, 3.1.1 step 6) if the driver
 *   accepted a bit the device did not offer. A driver that does not accept VERSION_1 is accepted all the
 *   same, as QEMU's modern transport does (6.1 lets a device refuse it; drivers such as xv6's negotiate
 *   word 0 only and panic on a refusal; docs/compatibility.md). DEVICE_NEEDS_RESET belongs to the device
 *   and survives driver status writes other than 0.
 * - Each used-buffer or configuration-change notification asserts the interrupt line, again if it is
 *   already high, so that the PLIC sees a new request (as QEMU's virtio_notify does).
 * - Queue registers (QueueNum, addresses) are ignored while the selected queue is ready. QueueReady = 1
 *   checks the queue: a power-of-two size up to QueueNumMax, aligned areas (2.7: 16, 2, 4) lying wholly in
 *   RAM; otherwise the queue stays not ready and the device needs a reset. No shared memory regions
 *   (SHMLen/SHMBase read all ones); VIRTIO_F_RING_RESET is not offered, so QueueReset reads 0.
 * - Buffers are consumed only while DRIVER_OK and FEATURES_OK are set and DEVICE_NEEDS_RESET and FAILED
 *   are not (2.1.2, 3.1.1); a notification before that is dropped, and setting DRIVER_OK makes the device
 *   look at every ready queue. Configuration-change interrupts are only sent with DRIVER_OK set (2.1.2);
 *   the configuration generation survives a reset (the configuration space is the device's).
 * - A malformed ring (avail idx more than the queue size ahead, a descriptor index out of range, a loop or
 *   a chain longer than the queue size or than VIRTIO_MAX_SEGMENTS per direction, a readable descriptor
 *   after a writable one, an indirect descriptor not negotiated / inside an indirect table / with NEXT /
 *   with a length that is zero or not a multiple of 16, a buffer not wholly inside one RAM region) sets
 *   DEVICE_NEEDS_RESET and raises a configuration-change interrupt. Zero-length data descriptors are
 *   allowed (the split ring does not forbid them): they become segments with len 0 and may have a NULL
 *   host pointer.
 * - Used-buffer notifications (2.7.7.2): without EVENT_IDX, none while VIRTQ_AVAIL_F_NO_INTERRUPT is set;
 *   with it, per vring_need_event against the used idx at the previous decision (the first decision after
 *   the queue is enabled always interrupts, which the driver must tolerate). With EVENT_IDX, avail_event is
 *   kept equal to the next entry the device will take, so the driver notifies for every new buffer. */
#include "virtio.h"
#include "../util/statebuf.h"

#include <stdio.h>
#include <string.h>

#include "../util/endian.h"
#include "../util/guest_atomic.h"

/* Register offsets (4.2.2). */
enum {
    REG_MAGIC = 0x000,
    REG_VERSION = 0x004,
    REG_DEVICE_ID = 0x008,
    REG_VENDOR_ID = 0x00c,
    REG_DEVICE_FEATURES = 0x010,
    REG_DEVICE_FEATURES_SEL = 0x014,
    REG_DRIVER_FEATURES = 0x020,
    REG_DRIVER_FEATURES_SEL = 0x024,
    REG_QUEUE_SEL = 0x030,
    REG_QUEUE_NUM_MAX = 0x034,
    REG_QUEUE_NUM = 0x038,
    REG_QUEUE_READY = 0x044,
    REG_QUEUE_NOTIFY = 0x050,
    REG_INTERRUPT_STATUS = 0x060,
    REG_INTERRUPT_ACK = 0x064,
    REG_STATUS = 0x070,
    REG_QUEUE_DESC_LOW = 0x080,
    REG_QUEUE_DESC_HIGH = 0x084,
    REG_QUEUE_DRIVER_LOW = 0x090,
    REG_QUEUE_DRIVER_HIGH = 0x094,
    REG_QUEUE_DEVICE_LOW = 0x0a0,
    REG_QUEUE_DEVICE_HIGH = 0x0a4,
    REG_SHM_SEL = 0x0ac,
    REG_SHM_LEN_LOW = 0x0b0,
    REG_SHM_LEN_HIGH = 0x0b4,
    REG_SHM_BASE_LOW = 0x0b8,
    REG_SHM_BASE_HIGH = 0x0bc,
    REG_QUEUE_RESET = 0x0c0,
    REG_CONFIG_GENERATION = 0x0fc,
    REG_CONFIG = 0x100,
};

#define MMIO_MAGIC 0x74726976u    /* "virt" */
#define MMIO_VERSION 2u
#define MMIO_VENDOR_ID 0x554d4551u /* "QEMU", as QEMU's and TinyEMU's devices */
#define MMIO_SLOT_SIZE 0x1000u

#define INT_USED_BUFFER 1u
#define INT_CONFIG_CHANGE 2u

/* Split virtqueue layout (2.7.5, 2.7.6, 2.7.8). */
#define DESC_SIZE 16u
#define DESC_F_NEXT 1u
#define DESC_F_WRITE 2u
#define DESC_F_INDIRECT 4u
#define AVAIL_F_NO_INTERRUPT 1u
#define USED_ELEM_SIZE 8u

#define TRANSPORT_FEATURES (VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC | VIRTIO_F_RING_EVENT_IDX)

static unsigned num_queues(const struct virtio_dev *vd)
{
    return vd->ops->num_queues < VIRTIO_MAX_QUEUES ? vd->ops->num_queues : VIRTIO_MAX_QUEUES;
}

static uint64_t device_features(const struct virtio_dev *vd)
{
    uint64_t f = vd->ops->features ? vd->ops->features(vd->dev) : 0;
    return f | TRANSPORT_FEATURES;
}

static bool negotiated(const struct virtio_dev *vd, uint64_t bit)
{
    return (vd->status & VIRTIO_STATUS_FEATURES_OK) && (vd->driver_features & bit);
}

/* Interrupt line level = (InterruptStatus != 0) (4.2.2); set_irq sees the line's transitions. */
static void set_interrupt_status(struct virtio_dev *vd, uint32_t isr)
{
    bool was = vd->interrupt_status != 0, now = isr != 0;
    vd->interrupt_status = isr;
    if (was != now && vd->set_irq) vd->set_irq(vd->irq_opaque, now);
}

/* A notification (used buffer or configuration change): the line rises, or is asserted again if it is
 * already high, so that the interrupt controller sees a new request (plic.c: requests, as on QEMU). */
static void notify_driver(struct virtio_dev *vd, uint32_t bits)
{
    vd->interrupt_status |= bits;
    if (vd->set_irq) vd->set_irq(vd->irq_opaque, 1);
}

/* Host pointer for [gpa, gpa+len) inside one RAM region, or NULL (also on 64-bit wrap-around). */
static uint8_t *guest_ptr(struct virtio_dev *vd, uint64_t gpa, uint64_t len)
{
    if (len && gpa + (len - 1) < gpa) return NULL;
    return bus_host_ptr(vd->bus, gpa, len);
}

/* Report transport or device stores into guest RAM (keeps decoded code coherent, wakes watchers). */
static void memory_written(struct virtio_dev *vd, uint64_t gpa, uint64_t len)
{
    struct bus_region *r = bus_find(vd->bus, gpa);
    if (r && r->is_memory && len) bus_memory_written(vd->bus, r, gpa, len);
}

static uint64_t desc_area_size(uint32_t num) { return (uint64_t)DESC_SIZE * num; }
static uint64_t avail_area_size(uint32_t num) { return 6 + 2ull * num; }
static uint64_t used_area_size(uint32_t num) { return 6 + (uint64_t)USED_ELEM_SIZE * num; }

static bool queue_size_valid(uint32_t num)
{
    return num >= 1 && num <= VIRTIO_QUEUE_MAX_SIZE && (num & (num - 1)) == 0;
}

/* Whether the queue's three areas are well placed (2.7 alignment table) and lie in RAM. */
static bool queue_layout_valid(struct virtio_dev *vd, const struct virtio_queue_state *qs)
{
    if (!queue_size_valid(qs->num)) return false;
    if ((qs->desc & 15) || (qs->avail & 1) || (qs->used & 3)) return false;
    return guest_ptr(vd, qs->desc, desc_area_size(qs->num)) && guest_ptr(vd, qs->avail, avail_area_size(qs->num)) &&
           guest_ptr(vd, qs->used, used_area_size(qs->num));
}

/* ---- Status, reset, interrupts ---- */

static void device_reset(struct virtio_dev *vd)
{
    vd->status = 0;
    vd->device_features_sel = 0;
    vd->driver_features_sel = 0;
    vd->queue_sel = 0;
    vd->driver_features = 0;
    memset(vd->queues, 0, sizeof(vd->queues));
    set_interrupt_status(vd, 0);
    if (vd->ops->reset) vd->ops->reset(vd->dev);
}

void virtio_mmio_reset(struct virtio_dev *vd) { device_reset(vd); }

void virtio_mmio_init(struct virtio_dev *vd, struct bus *bus, const struct virtio_device_ops *ops, void *dev,
                      void (*set_irq)(void *opaque, int level), void *irq_opaque)
{
    memset(vd, 0, sizeof(*vd));
    vd->bus = bus;
    vd->ops = ops;
    vd->dev = dev;
    vd->set_irq = set_irq;
    vd->irq_opaque = irq_opaque;
}

void virtio_set_needs_reset(struct virtio_dev *vd)
{
    if (vd->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET) return;
    vd->status |= VIRTIO_STATUS_DEVICE_NEEDS_RESET;
    if (vd->on_needs_reset) vd->on_needs_reset(vd->on_needs_reset_opaque, vd);
    /* 2.1.2: with DRIVER_OK set, the device MUST send a configuration change notification. */
    if (vd->status & VIRTIO_STATUS_DRIVER_OK) notify_driver(vd, INT_CONFIG_CHANGE);
}

void virtio_config_changed(struct virtio_dev *vd)
{
    vd->config_generation++;
    if (vd->status & VIRTIO_STATUS_DRIVER_OK) notify_driver(vd, INT_CONFIG_CHANGE);
}

static bool device_live(const struct virtio_dev *vd)
{
    uint32_t s = vd->status;
    return (s & VIRTIO_STATUS_DRIVER_OK) && (s & VIRTIO_STATUS_FEATURES_OK) &&
           !(s & (VIRTIO_STATUS_DEVICE_NEEDS_RESET | VIRTIO_STATUS_FAILED));
}

bool virtio_queue_usable(const struct virtio_dev *vd, unsigned q)
{
    return q < num_queues(vd) && vd->queues[q].ready && device_live(vd);
}

static void write_status(struct virtio_dev *vd, uint32_t value)
{
    value &= 0xff;
    if (value == 0) {
        device_reset(vd);
        return;
    }
    uint32_t old = vd->status;
    uint32_t s = (value & ~(uint32_t)VIRTIO_STATUS_DEVICE_NEEDS_RESET) | (old & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
    if ((s & VIRTIO_STATUS_FEATURES_OK) && !(old & VIRTIO_STATUS_FEATURES_OK)) {
        uint64_t accepted = vd->driver_features;
        /* Unoffered bits are refused (3.1.1 step 6). A driver that never accepts VERSION_1 (one that writes
         * only DriverFeatures word 0, as xv6's) is accepted as QEMU accepts it: the ring layout and
         * register block are the same, and little-endian either way on RISC-V. */
        if (accepted & ~device_features(vd))
            s &= ~(uint32_t)VIRTIO_STATUS_FEATURES_OK;
        else if (vd->ops->set_features)
            vd->ops->set_features(vd->dev, accepted);
    }
    vd->status = s;
    if ((s & VIRTIO_STATUS_DRIVER_OK) && !(old & VIRTIO_STATUS_DRIVER_OK) && device_live(vd)) {
        /* Buffers made available before DRIVER_OK are processed now. */
        for (unsigned q = 0; q < num_queues(vd); q++)
            if (virtio_queue_usable(vd, q) && vd->ops->queue_notify) vd->ops->queue_notify(vd->dev, vd, q);
    }
}

static void write_queue_ready(struct virtio_dev *vd, struct virtio_queue_state *qs, uint32_t value)
{
    if (!(value & 1)) {
        qs->ready = false;
        return;
    }
    if (qs->ready) return;
    if (!queue_layout_valid(vd, qs)) {
        virtio_set_needs_reset(vd);
        return;
    }
    qs->ready = true;
    qs->last_avail = 0;
    qs->used_idx = 0;
    qs->signalled_used = 0;
    qs->signalled_valid = false;
}

/* ---- Register block ---- */

static struct virtio_queue_state *selected_queue(struct virtio_dev *vd)
{
    return vd->queue_sel < num_queues(vd) ? &vd->queues[vd->queue_sel] : NULL;
}

static uint32_t read_reg(struct virtio_dev *vd, uint32_t off)
{
    const struct virtio_queue_state *qs = selected_queue(vd);
    switch (off) {
    case REG_MAGIC: return MMIO_MAGIC;
    case REG_VERSION: return MMIO_VERSION;
    case REG_DEVICE_ID: return vd->ops->device_id;
    case REG_VENDOR_ID: return MMIO_VENDOR_ID;
    case REG_DEVICE_FEATURES:
        return vd->device_features_sel < 2 ? (uint32_t)(device_features(vd) >> (32 * vd->device_features_sel)) : 0;
    case REG_DEVICE_FEATURES_SEL: return vd->device_features_sel;
    case REG_DRIVER_FEATURES:
        return vd->driver_features_sel < 2 ? (uint32_t)(vd->driver_features >> (32 * vd->driver_features_sel)) : 0;
    case REG_DRIVER_FEATURES_SEL: return vd->driver_features_sel;
    case REG_QUEUE_SEL: return vd->queue_sel;
    case REG_QUEUE_NUM_MAX: return qs ? VIRTIO_QUEUE_MAX_SIZE : 0;
    case REG_QUEUE_NUM: return qs ? qs->num : 0;
    case REG_QUEUE_READY: return qs ? qs->ready : 0;
    case REG_INTERRUPT_STATUS: return vd->interrupt_status;
    case REG_STATUS: return vd->status;
    case REG_QUEUE_DESC_LOW: return qs ? (uint32_t)qs->desc : 0;
    case REG_QUEUE_DESC_HIGH: return qs ? (uint32_t)(qs->desc >> 32) : 0;
    case REG_QUEUE_DRIVER_LOW: return qs ? (uint32_t)qs->avail : 0;
    case REG_QUEUE_DRIVER_HIGH: return qs ? (uint32_t)(qs->avail >> 32) : 0;
    case REG_QUEUE_DEVICE_LOW: return qs ? (uint32_t)qs->used : 0;
    case REG_QUEUE_DEVICE_HIGH: return qs ? (uint32_t)(qs->used >> 32) : 0;
    case REG_SHM_LEN_LOW:
    case REG_SHM_LEN_HIGH:
    case REG_SHM_BASE_LOW:
    case REG_SHM_BASE_HIGH: return 0xffffffffu;   /* no shared memory region: length -1 */
    case REG_CONFIG_GENERATION: return vd->config_generation;
    default: return 0;   /* reserved, QueueNotify, InterruptACK, SHMSel, QueueReset */
    }
}

static void set_low(uint64_t *r, uint32_t v) { *r = (*r & ~0xffffffffull) | v; }
static void set_high(uint64_t *r, uint32_t v) { *r = (*r & 0xffffffffull) | (uint64_t)v << 32; }

static void write_reg(struct virtio_dev *vd, uint32_t off, uint32_t v)
{
    struct virtio_queue_state *qs = selected_queue(vd);
    /* Queue configuration is frozen while the queue is enabled (4.2.3.2). */
    struct virtio_queue_state *cfg = qs && !qs->ready ? qs : NULL;
    switch (off) {
    case REG_DEVICE_FEATURES_SEL: vd->device_features_sel = v; break;
    case REG_DRIVER_FEATURES:
        if (vd->driver_features_sel < 2 && !(vd->status & VIRTIO_STATUS_FEATURES_OK)) {
            if (vd->driver_features_sel == 0) set_low(&vd->driver_features, v);
            else set_high(&vd->driver_features, v);
        }
        break;
    case REG_DRIVER_FEATURES_SEL: vd->driver_features_sel = v; break;
    case REG_QUEUE_SEL: vd->queue_sel = v; break;
    case REG_QUEUE_NUM: if (cfg) cfg->num = v; break;
    case REG_QUEUE_READY: if (qs) write_queue_ready(vd, qs, v); break;
    case REG_QUEUE_NOTIFY:
        /* Without VIRTIO_F_NOTIFICATION_DATA the value is the queue index (4.2.2). */
        if (virtio_queue_usable(vd, v) && vd->ops->queue_notify) vd->ops->queue_notify(vd->dev, vd, v);
        break;
    case REG_INTERRUPT_ACK: set_interrupt_status(vd, vd->interrupt_status & ~v); break;
    case REG_STATUS: write_status(vd, v); break;
    case REG_QUEUE_DESC_LOW: if (cfg) set_low(&cfg->desc, v); break;
    case REG_QUEUE_DESC_HIGH: if (cfg) set_high(&cfg->desc, v); break;
    case REG_QUEUE_DRIVER_LOW: if (cfg) set_low(&cfg->avail, v); break;
    case REG_QUEUE_DRIVER_HIGH: if (cfg) set_high(&cfg->avail, v); break;
    case REG_QUEUE_DEVICE_LOW: if (cfg) set_low(&cfg->used, v); break;
    case REG_QUEUE_DEVICE_HIGH: if (cfg) set_high(&cfg->used, v); break;
    default: break;   /* read-only or reserved: ignored */
    }
}

static int mmio_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    struct virtio_dev *vd = opaque;
    if (off >= MMIO_SLOT_SIZE) return -1;
    if (off < REG_CONFIG) {
        if (size != 4 || (off & 3)) return -1;
        *value = read_reg(vd, (uint32_t)off);
        return 0;
    }
    if (size != 1 && size != 2 && size != 4 && size != 8) return -1;
    uint32_t cfg_size = 0;
    const uint8_t *cfg = vd->ops->config ? vd->ops->config(vd->dev, &cfg_size) : NULL;
    uint64_t at = off - REG_CONFIG;
    *value = cfg && at + size <= cfg_size ? le_load(cfg + at, size) : 0;
    return 0;
}

static int mmio_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    struct virtio_dev *vd = opaque;
    if (off >= MMIO_SLOT_SIZE) return -1;
    if (off < REG_CONFIG) {
        if (size != 4 || (off & 3)) return -1;
        write_reg(vd, (uint32_t)off, (uint32_t)value);
        return 0;
    }
    if (size != 1 && size != 2 && size != 4 && size != 8) return -1;
    uint32_t cfg_size = 0;
    if (vd->ops->config) vd->ops->config(vd->dev, &cfg_size);
    uint64_t at = off - REG_CONFIG;
    if (vd->ops->config_write && at + size <= cfg_size) vd->ops->config_write(vd->dev, (uint32_t)at, size, value);
    return 0;
}

const struct mmio_ops virtio_mmio_ops = { mmio_read, mmio_write };

/* ---- Split virtqueues ---- */

struct desc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags, next;
};

static struct desc load_desc(const uint8_t *table, unsigned i)
{
    const uint8_t *p = table + (size_t)i * DESC_SIZE;
    struct desc d = { le_load64(p), le_load32(p + 8), le_load16(p + 12), le_load16(p + 14) };
    return d;
}

/* Fail a pop: the ring is malformed. */
static int malformed(struct virtio_dev *vd)
{
    virtio_set_needs_reset(vd);
    return -1;
}

/* With EVENT_IDX: ask for a notification when the driver makes entry `idx` available (2.7.10). */
static void set_avail_event(struct virtio_dev *vd, const struct virtio_queue_state *qs, uint16_t idx)
{
    uint64_t gpa = qs->used + 4 + (uint64_t)USED_ELEM_SIZE * qs->num;
    uint8_t *p = guest_ptr(vd, gpa, 2);
    if (!p) return;
    ga_store16(p, idx);
    memory_written(vd, gpa, 2);
}

/* Walk the chain at `head` into *c. Returns 0, or -1 if it is malformed. */
static int walk_chain(struct virtio_dev *vd, const struct virtio_queue_state *qs, uint16_t head,
                      struct virtio_chain *c)
{
    const uint8_t *table = guest_ptr(vd, qs->desc, desc_area_size(qs->num));
    if (!table || head >= qs->num) return -1;
    uint32_t table_size = qs->num;
    bool indirect = false;
    unsigned visited = 0;   /* descriptors seen in the current table: more than its size means a loop */
    unsigned i = head;

    c->head = head;
    c->n_out = c->n_in = 0;
    c->out_len = c->in_len = 0;
    for (;;) {
        if (++visited > table_size) return -1;
        struct desc d = load_desc(table, i);
        if (d.flags & DESC_F_INDIRECT) {
            /* 2.7.5.3: negotiated, one level only, never with NEXT, a whole number of descriptors. */
            if (!negotiated(vd, VIRTIO_F_RING_INDIRECT_DESC) || indirect || (d.flags & DESC_F_NEXT)) return -1;
            if (d.len == 0 || d.len % DESC_SIZE) return -1;
            table = guest_ptr(vd, d.addr, d.len);
            if (!table) return -1;
            table_size = d.len / DESC_SIZE;
            indirect = true;
            visited = 0;
            i = 0;
            continue;
        }
        struct virtio_segment *seg;
        if (d.flags & DESC_F_WRITE) {
            if (c->n_in == VIRTIO_MAX_SEGMENTS) return -1;
            seg = &c->in[c->n_in++];
            c->in_len += d.len;
        } else {
            if (c->n_in || c->n_out == VIRTIO_MAX_SEGMENTS) return -1;   /* 2.7.4.2: readable first */
            seg = &c->out[c->n_out++];
            c->out_len += d.len;
        }
        seg->gpa = d.addr;
        seg->len = d.len;
        seg->host = guest_ptr(vd, d.addr, d.len);
        if (!seg->host && d.len) return -1;
        if (!(d.flags & DESC_F_NEXT)) return 0;
        if (d.next >= table_size) return -1;
        i = d.next;
    }
}

int virtio_queue_pop(struct virtio_dev *vd, unsigned q, struct virtio_chain *chain)
{
    if (!virtio_queue_usable(vd, q)) return 0;
    struct virtio_queue_state *qs = &vd->queues[q];
    const uint8_t *avail = guest_ptr(vd, qs->avail, avail_area_size(qs->num));
    if (!avail || !guest_ptr(vd, qs->used, used_area_size(qs->num))) return malformed(vd);
    bool event_idx = negotiated(vd, VIRTIO_F_RING_EVENT_IDX);

    /* Hart threads: avail idx is read with acquire order, so the ring entry and descriptors the
     * driver wrote before moving it are seen (2.7.13.3: the driver's write barrier before idx). */
    uint16_t pending = (uint16_t)(ga_load16(avail + 2) - qs->last_avail);
    GA_FENCE(GA_ACQUIRE);
    if (pending == 0 && event_idx) {
        /* Ask to be notified of the next buffer, then look again in case the driver raced us
         * (a full fence between the store and the load: 2.7.10, the driver's side does likewise). */
        set_avail_event(vd, qs, qs->last_avail);
        GA_FENCE(GA_SEQ_CST);
        pending = (uint16_t)(ga_load16(avail + 2) - qs->last_avail);
        GA_FENCE(GA_ACQUIRE);
    }
    if (pending == 0) return 0;
    if (pending > qs->num) return malformed(vd);

    uint16_t head = le_load16(avail + 4 + 2 * (qs->last_avail & (qs->num - 1)));
    if (walk_chain(vd, qs, head, chain)) return malformed(vd);
    qs->last_avail++;
    if (event_idx) set_avail_event(vd, qs, qs->last_avail);
    return 1;
}

void virtio_queue_push(struct virtio_dev *vd, unsigned q, const struct virtio_chain *chain, uint32_t written)
{
    if (q >= num_queues(vd) || !vd->queues[q].ready) return;
    struct virtio_queue_state *qs = &vd->queues[q];
    uint8_t *used = guest_ptr(vd, qs->used, used_area_size(qs->num));
    if (!used) {
        virtio_set_needs_reset(vd);
        return;
    }
    if (written > chain->in_len) written = (uint32_t)chain->in_len;   /* never claim more than offered */
    uint32_t slot = qs->used_idx & (qs->num - 1);
    uint8_t *elem = used + 4 + (size_t)USED_ELEM_SIZE * slot;
    le_store32(elem, chain->head);
    le_store32(elem + 4, written);
    memory_written(vd, qs->used + 4 + (uint64_t)USED_ELEM_SIZE * slot, USED_ELEM_SIZE);
    qs->used_idx++;
    /* 2.7.8.2: the element (and the data written into the buffers) is in place before idx moves:
     * a release store, for a driver on another hart thread. */
    GA_FENCE(GA_RELEASE);
    ga_store16(used + 2, qs->used_idx);
    memory_written(vd, qs->used + 2, 2);
}

void virtio_queue_notify_driver(struct virtio_dev *vd, unsigned q)
{
    if (!virtio_queue_usable(vd, q)) return;
    struct virtio_queue_state *qs = &vd->queues[q];
    const uint8_t *avail = guest_ptr(vd, qs->avail, avail_area_size(qs->num));
    if (!avail) {
        virtio_set_needs_reset(vd);
        return;
    }
    uint16_t old = qs->signalled_used, now = qs->used_idx;
    bool valid = qs->signalled_valid;
    qs->signalled_used = now;
    qs->signalled_valid = true;
    if (valid && old == now) return;   /* nothing used since the last decision */
    bool send;
    if (negotiated(vd, VIRTIO_F_RING_EVENT_IDX)) {
        uint16_t used_event = le_load16(avail + 4 + 2 * qs->num);
        /* vring_need_event (2.7.10): interrupt if used_event lies in [old, now). */
        send = !valid || (uint16_t)(now - used_event - 1) < (uint16_t)(now - old);
    } else {
        send = !(le_load16(avail) & AVAIL_F_NO_INTERRUPT);
    }
    if (send) notify_driver(vd, INT_USED_BUFFER);
}

/* ---- Data movement ---- */

size_t virtio_chain_read(const struct virtio_chain *chain, uint64_t offset, void *dst, size_t len)
{
    uint8_t *out = dst;
    size_t done = 0;
    for (unsigned i = 0; i < chain->n_out && done < len; i++) {
        const struct virtio_segment *s = &chain->out[i];
        if (offset >= s->len) {
            offset -= s->len;
            continue;
        }
        uint64_t n = s->len - offset;
        if (n > len - done) n = len - done;
        memcpy(out + done, s->host + offset, (size_t)n);
        done += (size_t)n;
        offset = 0;
    }
    return done;
}

size_t virtio_chain_write(struct virtio_dev *vd, const struct virtio_chain *chain, uint64_t offset,
                          const void *src, size_t len)
{
    const uint8_t *in = src;
    size_t done = 0;
    for (unsigned i = 0; i < chain->n_in && done < len; i++) {
        const struct virtio_segment *s = &chain->in[i];
        if (offset >= s->len) {
            offset -= s->len;
            continue;
        }
        uint64_t n = s->len - offset;
        if (n > len - done) n = len - done;
        memcpy(s->host + offset, in + done, (size_t)n);
        memory_written(vd, s->gpa + offset, n);
        done += (size_t)n;
        offset = 0;
    }
    return done;
}

/* ---- Debugger ---- */

void virtio_describe(const struct virtio_dev *vd, char *buf, size_t len)
{
    static const struct { uint32_t bit; const char *name; } bits[] = {
        { VIRTIO_STATUS_ACKNOWLEDGE, "ACK" }, { VIRTIO_STATUS_DRIVER, "DRIVER" },
        { VIRTIO_STATUS_FEATURES_OK, "FEATURES_OK" }, { VIRTIO_STATUS_DRIVER_OK, "DRIVER_OK" },
        { VIRTIO_STATUS_DEVICE_NEEDS_RESET, "NEEDS_RESET" }, { VIRTIO_STATUS_FAILED, "FAILED" },
    };
    if (!len) return;
    size_t at = (size_t)snprintf(buf, len, "%s (id %u): status 0x%02x", vd->ops->name ? vd->ops->name : "virtio",
                                 (unsigned)vd->ops->device_id, (unsigned)vd->status);
    bool any = false;
    for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]) && at < len; i++) {
        if (!(vd->status & bits[i].bit)) continue;
        at += (size_t)snprintf(buf + at, len - at, "%s%s", any ? "," : " ", bits[i].name);
        any = true;
    }
    if (!any && at < len) at += (size_t)snprintf(buf + at, len - at, " reset");
    if (at < len)
        at += (size_t)snprintf(buf + at, len - at, "; features 0x%llx; isr 0x%x; gen %u",
                               (unsigned long long)vd->driver_features, (unsigned)vd->interrupt_status,
                               (unsigned)vd->config_generation);
    unsigned nq = vd->ops->num_queues < VIRTIO_MAX_QUEUES ? vd->ops->num_queues : VIRTIO_MAX_QUEUES;
    for (unsigned q = 0; q < nq && at < len; q++) {
        const struct virtio_queue_state *qs = &vd->queues[q];
        if (!qs->ready) {
            at += (size_t)snprintf(buf + at, len - at, "; q%u off", q);
            continue;
        }
        at += (size_t)snprintf(buf + at, len - at, "; q%u num %u avail %u used %u", q, (unsigned)qs->num,
                               (unsigned)qs->last_avail, (unsigned)qs->used_idx);
    }
}

/* ---------------------------------------------------------------- snapshots */

void virtio_mmio_save(const struct virtio_dev *vd, struct state_writer *w)
{
    state_put_u32(w, vd->status);
    state_put_u32(w, vd->device_features_sel);
    state_put_u32(w, vd->driver_features_sel);
    state_put_u32(w, vd->queue_sel);
    state_put_u64(w, vd->driver_features);
    state_put_u32(w, vd->interrupt_status);
    state_put_u32(w, vd->config_generation);
    state_put_u32(w, vd->ops->num_queues);
    for (unsigned q = 0; q < vd->ops->num_queues; q++) {
        const struct virtio_queue_state *qs = &vd->queues[q];
        state_put_u32(w, qs->num);
        state_put_bool(w, qs->ready);
        state_put_u64(w, qs->desc);
        state_put_u64(w, qs->avail);
        state_put_u64(w, qs->used);
        state_put_u16(w, qs->last_avail);
        state_put_u16(w, qs->used_idx);
        state_put_u16(w, qs->signalled_used);
        state_put_bool(w, qs->signalled_valid);
    }
}

void virtio_mmio_load(struct virtio_dev *vd, struct state_reader *r)
{
    vd->status = state_get_u32(r);
    vd->device_features_sel = state_get_u32(r);
    vd->driver_features_sel = state_get_u32(r);
    vd->queue_sel = state_get_u32(r);
    vd->driver_features = state_get_u64(r);
    vd->interrupt_status = state_get_u32(r) & 3;
    vd->config_generation = state_get_u32(r);
    uint32_t nq = state_get_u32(r);
    if (!r->failed && nq != vd->ops->num_queues) {
        state_reader_fail(r, "%s has %u queues, the snapshot %u", vd->ops->name, vd->ops->num_queues, nq);
        return;
    }
    for (unsigned q = 0; q < nq && !r->failed; q++) {
        struct virtio_queue_state *qs = &vd->queues[q];
        qs->num = state_get_u32(r);
        qs->ready = state_get_bool(r);
        qs->desc = state_get_u64(r);
        qs->avail = state_get_u64(r);
        qs->used = state_get_u64(r);
        qs->last_avail = state_get_u16(r);
        qs->used_idx = state_get_u16(r);
        qs->signalled_used = state_get_u16(r);
        qs->signalled_valid = state_get_bool(r);
        if (qs->num > VIRTIO_QUEUE_MAX_SIZE) state_reader_fail(r, "%s queue %u has %u entries", vd->ops->name, q, qs->num);
    }
}

void virtio_chain_save(const struct virtio_chain *c, struct state_writer *w)
{
    state_put_u16(w, c->head);
    state_put_u32(w, c->n_out);
    state_put_u32(w, c->n_in);
    for (unsigned i = 0; i < c->n_out; i++) {
        state_put_u64(w, c->out[i].gpa);
        state_put_u32(w, c->out[i].len);
    }
    for (unsigned i = 0; i < c->n_in; i++) {
        state_put_u64(w, c->in[i].gpa);
        state_put_u32(w, c->in[i].len);
    }
}

static void load_segments(struct virtio_dev *vd, struct virtio_segment *segs, unsigned n, uint64_t *total,
                          struct state_reader *r)
{
    *total = 0;
    for (unsigned i = 0; i < n && !r->failed; i++) {
        segs[i].gpa = state_get_u64(r);
        segs[i].len = state_get_u32(r);
        segs[i].host = guest_ptr(vd, segs[i].gpa, segs[i].len);
        if (!r->failed && !segs[i].host && segs[i].len)
            state_reader_fail(r, "%s holds a buffer outside RAM", vd->ops->name);
        *total += segs[i].len;
    }
}

void virtio_chain_load(struct virtio_dev *vd, struct virtio_chain *c, struct state_reader *r)
{
    memset(c, 0, sizeof(*c));
    c->head = state_get_u16(r);
    c->n_out = (unsigned)state_get_u32(r);
    c->n_in = (unsigned)state_get_u32(r);
    if (c->n_out > VIRTIO_MAX_SEGMENTS || c->n_in > VIRTIO_MAX_SEGMENTS) {
        state_reader_fail(r, "%s holds a chain of %u+%u segments", vd->ops->name, c->n_out, c->n_in);
        c->n_out = c->n_in = 0;
        return;
    }
    load_segments(vd, c->out, c->n_out, &c->out_len, r);
    load_segments(vd, c->in, c->n_in, &c->in_len, r);
}
