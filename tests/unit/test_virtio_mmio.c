/* Unit tests for src/dev/virtio_mmio.c (OASIS VIRTIO 1.2: 4.2 virtio-mmio version 2, 2.7 split virtqueues):
 * a fake device behind the register block, driven as a driver would (3.1.1), with rings built by hand in RAM. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "dev/virtio.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (16ull << 20)
#define RAM_END (RAM_BASE + RAM_SIZE)
#define DESC (RAM_BASE + 0x1000)
#define AVAIL (RAM_BASE + 0x2000)
#define USED (RAM_BASE + 0x3000)
#define IND (RAM_BASE + 0x4000)
#define BUF (RAM_BASE + 0x10000)
#define SLOT 0x10001000ull
#define QNUM 8u

/* Register offsets (4.2.2). */
enum {
    MAGIC = 0x000, VERSION = 0x004, DEVICE_ID = 0x008, VENDOR_ID = 0x00c,
    DEVICE_FEATURES = 0x010, DEVICE_FEATURES_SEL = 0x014, DRIVER_FEATURES = 0x020, DRIVER_FEATURES_SEL = 0x024,
    QUEUE_SEL = 0x030, QUEUE_NUM_MAX = 0x034, QUEUE_NUM = 0x038, QUEUE_READY = 0x044, QUEUE_NOTIFY = 0x050,
    INTERRUPT_STATUS = 0x060, INTERRUPT_ACK = 0x064, STATUS = 0x070,
    QUEUE_DESC_LOW = 0x080, QUEUE_DESC_HIGH = 0x084, QUEUE_DRIVER_LOW = 0x090, QUEUE_DRIVER_HIGH = 0x094,
    QUEUE_DEVICE_LOW = 0x0a0, QUEUE_DEVICE_HIGH = 0x0a4, SHM_SEL = 0x0ac, SHM_LEN_LOW = 0x0b0, SHM_LEN_HIGH = 0x0b4,
    SHM_BASE_LOW = 0x0b8, SHM_BASE_HIGH = 0x0bc, QUEUE_RESET = 0x0c0, CONFIG_GENERATION = 0x0fc, CONFIG = 0x100,
};

#define F_NEXT 1
#define F_WRITE 2
#define F_INDIRECT 4

#define ACK VIRTIO_STATUS_ACKNOWLEDGE
#define DRV VIRTIO_STATUS_DRIVER
#define FOK VIRTIO_STATUS_FEATURES_OK
#define DOK VIRTIO_STATUS_DRIVER_OK
#define NEEDS_RESET VIRTIO_STATUS_DEVICE_NEEDS_RESET

#define FAKE_FEATURES 0x21ull   /* device-specific bits 0 and 5 */

/* ---- The fake device ---- */
struct fake {
    uint8_t config[12];
    uint64_t accepted;
    unsigned set_features_calls, config_write_calls, notify_calls, reset_calls;
    uint32_t cw_offset;
    unsigned cw_size;
    uint64_t cw_value;
    unsigned last_q;
    bool serve;          /* queue_notify pops every chain and returns it with 1 byte written */
    unsigned served;
};

static uint64_t fake_features(void *opaque) { (void)opaque; return FAKE_FEATURES; }
static void fake_set_features(void *opaque, uint64_t accepted)
{
    struct fake *f = opaque;
    f->accepted = accepted;
    f->set_features_calls++;
}
static uint8_t *fake_config(void *opaque, uint32_t *size)
{
    struct fake *f = opaque;
    *size = sizeof(f->config);
    return f->config;
}
static void fake_config_write(void *opaque, uint32_t offset, unsigned size, uint64_t value)
{
    struct fake *f = opaque;
    f->config_write_calls++;
    f->cw_offset = offset;
    f->cw_size = size;
    f->cw_value = value;
}
static void fake_queue_notify(void *opaque, struct virtio_dev *vd, unsigned q)
{
    struct fake *f = opaque;
    f->notify_calls++;
    f->last_q = q;
    if (!f->serve) return;
    static struct virtio_chain c;
    while (virtio_queue_pop(vd, q, &c) == 1) {
        virtio_queue_push(vd, q, &c, 1);
        f->served++;
    }
    virtio_queue_notify_driver(vd, q);
}
static void fake_reset(void *opaque) { ((struct fake *)opaque)->reset_calls++; }

static const struct virtio_device_ops fake_ops = {
    .name = "fake", .device_id = VIRTIO_ID_INPUT, .num_queues = 2,
    .features = fake_features, .set_features = fake_set_features,
    .config = fake_config, .config_write = fake_config_write,
    .queue_notify = fake_queue_notify, .reset = fake_reset,
};

/* Read-only configuration, no optional callbacks. */
static const struct virtio_device_ops bare_ops = {
    .name = "bare", .device_id = VIRTIO_ID_RNG, .num_queues = 1, .config = fake_config,
};

static struct bus bus;
static struct virtio_dev vd;
static struct fake fk;
static struct virtio_chain ch;
static unsigned qnum = QNUM;   /* size of queue 0 as the test driver set it up */
static int irq_level;
static unsigned irq_calls, irq_reasserts;
static unsigned watch_calls;
static uint64_t watch_addr[16];
static unsigned watch_size[16];

static void on_irq(void *opaque, int level)
{
    ck_assert_ptr_eq(opaque, &vd);
    ck_assert(level == 1 || level != irq_level);   /* transitions, and re-assertions of a high line */
    if (level && irq_level) irq_reasserts++;
    irq_level = level;
    irq_calls++;
}

static void on_watch(void *opaque, uint64_t paddr, unsigned size)
{
    (void)opaque;
    if (watch_calls < 16) {
        watch_addr[watch_calls] = paddr;
        watch_size[watch_calls] = size;
    }
    watch_calls++;
}

static void setup(void)
{
    bus_init(&bus);
    ck_assert_ptr_nonnull(bus_add_memory(&bus, "ram", RAM_BASE, RAM_SIZE, false));
    memset(&fk, 0, sizeof(fk));
    for (unsigned i = 0; i < sizeof(fk.config); i++) fk.config[i] = (uint8_t)(0x10 + i);
    memset(&vd, 0xa5, sizeof(vd));
    virtio_mmio_init(&vd, &bus, &fake_ops, &fk, on_irq, &vd);
    ck_assert_ptr_nonnull(bus_add_device(&bus, "virtio0", SLOT, 0x1000, &virtio_mmio_ops, &vd));
    irq_level = 0;
    irq_calls = 0;
    irq_reasserts = 0;
    watch_calls = 0;
    qnum = QNUM;
    bus.watch = on_watch;
}

static void teardown(void) { bus_destroy(&bus); }

/* ---- Register and memory helpers ---- */
static uint32_t rd(uint32_t off)
{
    uint64_t v = 0xdeadbeefdeadbeefull;
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, off, 4, &v), 0);
    ck_assert_uint_le(v, 0xffffffffull);
    return (uint32_t)v;
}
static void wr(uint32_t off, uint32_t v) { ck_assert_int_eq(virtio_mmio_ops.write(&vd, off, 4, v), 0); }

static void m16(uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&bus, pa, 2, v), 0); }
static void m32(uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&bus, pa, 4, v), 0); }
static void m64(uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&bus, pa, 8, v), 0); }
static uint64_t g16(uint64_t pa)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&bus, pa, 2, &v), 0);
    return v;
}
static uint64_t g32(uint64_t pa)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&bus, pa, 4, &v), 0);
    return v;
}

static void desc_at(uint64_t table, unsigned i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next)
{
    uint64_t d = table + 16ull * i;
    m64(d, addr);
    m32(d + 8, len);
    m16(d + 12, flags);
    m16(d + 14, next);
}
static void desc(unsigned i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next)
{
    desc_at(DESC, i, addr, len, flags, next);
}


/* Make the chain at `head` available (2.7.13). */
static void avail_add(uint16_t head)
{
    uint16_t idx = (uint16_t)g16(AVAIL + 2);
    m16(AVAIL + 4 + 2ull * (idx % qnum), head);
    m16(AVAIL + 2, (uint16_t)(idx + 1));
}
static uint16_t used_idx(void) { return (uint16_t)g16(USED + 2); }
static uint32_t used_id(unsigned slot) { return (uint32_t)g32(USED + 4 + 8ull * slot); }
static uint32_t used_len(unsigned slot) { return (uint32_t)g32(USED + 8 + 8ull * slot); }
static uint64_t used_event_addr(void) { return AVAIL + 4 + 2ull * qnum; }
static uint64_t avail_event_addr(void) { return USED + 4 + 8ull * qnum; }

static void setup_queue(unsigned q, unsigned num, uint64_t d, uint64_t a, uint64_t u)
{
    wr(QUEUE_SEL, q);
    ck_assert_uint_eq(rd(QUEUE_READY), 0);
    wr(QUEUE_NUM, num);
    wr(QUEUE_DESC_LOW, (uint32_t)d);
    wr(QUEUE_DESC_HIGH, (uint32_t)(d >> 32));
    wr(QUEUE_DRIVER_LOW, (uint32_t)a);
    wr(QUEUE_DRIVER_HIGH, (uint32_t)(a >> 32));
    wr(QUEUE_DEVICE_LOW, (uint32_t)u);
    wr(QUEUE_DEVICE_HIGH, (uint32_t)(u >> 32));
    wr(QUEUE_READY, 1);
}

/* Steps 1-6 of 3.1.1: reset, ACKNOWLEDGE, DRIVER, read and write features, FEATURES_OK, check it. */
static void driver_negotiate(uint64_t accept)
{
    wr(STATUS, 0);
    ck_assert_uint_eq(rd(STATUS), 0);
    wr(STATUS, ACK);
    wr(STATUS, ACK | DRV);
    wr(DEVICE_FEATURES_SEL, 0);
    uint64_t offered = rd(DEVICE_FEATURES);
    wr(DEVICE_FEATURES_SEL, 1);
    offered |= (uint64_t)rd(DEVICE_FEATURES) << 32;
    accept &= offered;
    wr(DRIVER_FEATURES_SEL, 0);
    wr(DRIVER_FEATURES, (uint32_t)accept);
    wr(DRIVER_FEATURES_SEL, 1);
    wr(DRIVER_FEATURES, (uint32_t)(accept >> 32));
    wr(STATUS, ACK | DRV | FOK);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK);
}

/* The whole handshake with queue 0 of `num` entries at DESC/AVAIL/USED (zeroed first), then DRIVER_OK. */
static void driver_init_num(uint64_t accept, unsigned num)
{
    qnum = num;
    memset(bus_host_ptr(&bus, DESC, 0x3000 + 16 * 256), 0, 0x3000 + 16 * 256);
    driver_negotiate(accept);
    setup_queue(0, num, DESC, AVAIL, USED);
    ck_assert_uint_eq(rd(QUEUE_READY), 1);
    wr(STATUS, ACK | DRV | FOK | DOK);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK | DOK);
}
static void driver_init(uint64_t accept) { driver_init_num(accept, QNUM); }

static void expect_needs_reset(void)
{
    ck_assert_uint_eq(rd(STATUS) & NEEDS_RESET, NEEDS_RESET);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS) & 2, 2);
    ck_assert_int_eq(irq_level, 1);
    /* The device is stopped: nothing more is taken from the ring. */
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);
}

/* One writable 0x100-byte buffer per request, descriptor i for request i. */
static void add_simple_requests(unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        desc(i, BUF + 0x100ull * i, 0x100, F_WRITE, 0);
        avail_add((uint16_t)i);
    }
}

/* ---- Identification and reset values ---- */

START_TEST(mmio_identifies_as_virtio_version_2_with_device_and_vendor_ids)
{
    ck_assert_uint_eq(rd(MAGIC), 0x74726976);
    ck_assert_uint_eq(rd(VERSION), 2);
    ck_assert_uint_eq(rd(DEVICE_ID), VIRTIO_ID_INPUT);
    ck_assert_uint_eq(rd(VENDOR_ID), 0x554d4551);
}
END_TEST

START_TEST(mmio_registers_have_their_reset_values)
{
    ck_assert_uint_eq(rd(STATUS), 0);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);
    ck_assert_uint_eq(rd(CONFIG_GENERATION), 0);
    ck_assert_uint_eq(rd(DEVICE_FEATURES_SEL), 0);
    ck_assert_uint_eq(rd(DRIVER_FEATURES), 0);
    ck_assert_uint_eq(rd(QUEUE_SEL), 0);
    for (unsigned q = 0; q < 2; q++) {
        wr(QUEUE_SEL, q);
        ck_assert_uint_eq(rd(QUEUE_NUM_MAX), VIRTIO_QUEUE_MAX_SIZE);
        ck_assert_uint_eq(rd(QUEUE_NUM), 0);
        ck_assert_uint_eq(rd(QUEUE_READY), 0);
        ck_assert_uint_eq(rd(QUEUE_DESC_LOW), 0);
        ck_assert_uint_eq(rd(QUEUE_DESC_HIGH), 0);
        ck_assert_uint_eq(rd(QUEUE_DRIVER_LOW), 0);
        ck_assert_uint_eq(rd(QUEUE_DEVICE_HIGH), 0);
    }
    ck_assert_uint_eq(rd(QUEUE_RESET), 0);
    ck_assert_uint_eq(irq_calls, 0);
}
END_TEST

START_TEST(mmio_absent_queues_report_num_max_zero_and_ignore_writes)
{
    unsigned sels[] = { 2, 7, 8, 1000 };
    for (unsigned i = 0; i < 4; i++) {
        wr(QUEUE_SEL, sels[i]);
        ck_assert_uint_eq(rd(QUEUE_NUM_MAX), 0);
        wr(QUEUE_NUM, 8);
        wr(QUEUE_DESC_LOW, (uint32_t)DESC);
        wr(QUEUE_READY, 1);
        ck_assert_uint_eq(rd(QUEUE_NUM), 0);
        ck_assert_uint_eq(rd(QUEUE_DESC_LOW), 0);
        ck_assert_uint_eq(rd(QUEUE_READY), 0);
    }
    ck_assert_uint_eq(rd(STATUS), 0);
}
END_TEST

START_TEST(mmio_reports_no_shared_memory_regions)
{
    wr(SHM_SEL, 0);
    ck_assert_uint_eq(rd(SHM_LEN_LOW), 0xffffffffu);
    ck_assert_uint_eq(rd(SHM_LEN_HIGH), 0xffffffffu);
    ck_assert_uint_eq(rd(SHM_BASE_LOW), 0xffffffffu);
    ck_assert_uint_eq(rd(SHM_BASE_HIGH), 0xffffffffu);
}
END_TEST

START_TEST(mmio_control_registers_fault_on_non_32bit_accesses)
{
    uint64_t v = 0;
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, MAGIC, 1, &v), -1);
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, MAGIC, 2, &v), -1);
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, MAGIC, 8, &v), -1);
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, MAGIC + 2, 4, &v), -1);
    ck_assert_int_eq(virtio_mmio_ops.write(&vd, STATUS, 1, ACK), -1);
    ck_assert_int_eq(virtio_mmio_ops.write(&vd, STATUS, 8, ACK), -1);
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, 0x1000, 4, &v), -1);
    ck_assert_uint_eq(rd(STATUS), 0);
    /* Through the bus, a 32-bit load of the slot works. */
    ck_assert_int_eq(bus_read(&bus, SLOT + MAGIC, 4, &v), 0);
    ck_assert_uint_eq(v, 0x74726976);
}
END_TEST

START_TEST(mmio_reserved_registers_read_zero_and_ignore_writes)
{
    wr(0x0fc - 4, 0x1234);
    ck_assert_uint_eq(rd(0x0f8), 0);
    ck_assert_uint_eq(rd(0x018), 0);
    ck_assert_uint_eq(rd(QUEUE_NOTIFY), 0);
    ck_assert_uint_eq(rd(INTERRUPT_ACK), 0);
}
END_TEST

/* ---- Configuration space ---- */

START_TEST(config_space_reads_little_endian_1_2_4_and_8_byte_fields)
{
    uint64_t v = 0;
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, CONFIG, 1, &v), 0);
    ck_assert_uint_eq(v, 0x10);
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, CONFIG + 2, 2, &v), 0);
    ck_assert_uint_eq(v, 0x1312);
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, CONFIG + 4, 4, &v), 0);
    ck_assert_uint_eq(v, 0x17161514);
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, CONFIG, 8, &v), 0);
    ck_assert_uint_eq(v, 0x1716151413121110ull);
    /* Misaligned through the bus: split into bytes. */
    ck_assert_int_eq(bus_read(&bus, SLOT + CONFIG + 1, 2, &v), 0);
    ck_assert_uint_eq(v, 0x1211);
}
END_TEST

START_TEST(config_space_past_its_end_reads_zero)
{
    uint64_t v = 1;
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, CONFIG + 12, 4, &v), 0);
    ck_assert_uint_eq(v, 0);
    v = 1;
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, CONFIG + 8, 8, &v), 0);   /* crosses the end */
    ck_assert_uint_eq(v, 0);
    v = 1;
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, 0xffc, 4, &v), 0);
    ck_assert_uint_eq(v, 0);
}
END_TEST

START_TEST(config_space_writes_reach_config_write_with_offset_size_and_value)
{
    ck_assert_int_eq(virtio_mmio_ops.write(&vd, CONFIG + 4, 2, 0xabcd), 0);
    ck_assert_uint_eq(fk.config_write_calls, 1);
    ck_assert_uint_eq(fk.cw_offset, 4);
    ck_assert_uint_eq(fk.cw_size, 2);
    ck_assert_uint_eq(fk.cw_value, 0xabcd);
    ck_assert_int_eq(virtio_mmio_ops.write(&vd, CONFIG + 11, 1, 0x5a), 0);
    ck_assert_uint_eq(fk.cw_offset, 11);
    ck_assert_uint_eq(fk.config_write_calls, 2);
    ck_assert_int_eq(virtio_mmio_ops.write(&vd, CONFIG + 12, 4, 1), 0);   /* past the end: dropped */
    ck_assert_uint_eq(fk.config_write_calls, 2);
}
END_TEST

START_TEST(config_space_without_config_write_is_read_only)
{
    virtio_mmio_init(&vd, &bus, &bare_ops, &fk, on_irq, &vd);
    ck_assert_int_eq(virtio_mmio_ops.write(&vd, CONFIG, 4, 0xffffffff), 0);
    uint64_t v = 0;
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, CONFIG, 4, &v), 0);
    ck_assert_uint_eq(v, 0x13121110);
    ck_assert_uint_eq(fk.config_write_calls, 0);
}
END_TEST

START_TEST(config_changed_bumps_generation_and_interrupts_only_after_driver_ok)
{
    virtio_config_changed(&vd);
    ck_assert_uint_eq(rd(CONFIG_GENERATION), 1);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);
    ck_assert_uint_eq(irq_calls, 0);
    driver_init(VIRTIO_F_VERSION_1);
    virtio_config_changed(&vd);
    ck_assert_uint_eq(rd(CONFIG_GENERATION), 2);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 2);
    ck_assert_int_eq(irq_level, 1);
    wr(INTERRUPT_ACK, 2);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);
    ck_assert_int_eq(irq_level, 0);
    ck_assert_uint_eq(irq_calls, 2);
}
END_TEST

/* ---- Features and status ---- */

START_TEST(device_features_are_the_device_bits_plus_version1_indirect_and_event_idx)
{
    wr(DEVICE_FEATURES_SEL, 0);
    ck_assert_uint_eq(rd(DEVICE_FEATURES), 0x30000021u);
    wr(DEVICE_FEATURES_SEL, 1);
    ck_assert_uint_eq(rd(DEVICE_FEATURES), 0x1u);
    wr(DEVICE_FEATURES_SEL, 2);
    ck_assert_uint_eq(rd(DEVICE_FEATURES), 0);
    ck_assert_uint_eq(rd(DEVICE_FEATURES_SEL), 2);
}
END_TEST

START_TEST(features_ok_is_kept_and_reported_to_the_device_for_an_offered_subset_with_version1)
{
    driver_negotiate(VIRTIO_F_VERSION_1 | 0x1);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK);
    ck_assert_uint_eq(fk.set_features_calls, 1);
    ck_assert_uint_eq(fk.accepted, VIRTIO_F_VERSION_1 | 0x1);
    wr(DRIVER_FEATURES_SEL, 0);
    ck_assert_uint_eq(rd(DRIVER_FEATURES), 0x1);
    wr(DRIVER_FEATURES_SEL, 1);
    ck_assert_uint_eq(rd(DRIVER_FEATURES), 0x1);
}
END_TEST

START_TEST(features_ok_is_accepted_without_version1_from_a_driver_that_writes_word_0_only)
{
    /* xv6's driver: reads DeviceFeatures word 0, clears some bits, writes DriverFeatures word 0 only,
     * so VERSION_1 (bit 32) is never accepted; QEMU's modern transport keeps FEATURES_OK. */
    wr(STATUS, ACK | DRV);
    wr(DEVICE_FEATURES_SEL, 0);
    uint32_t offered = rd(DEVICE_FEATURES);
    ck_assert_uint_eq(offered & 0x21, 0x21);
    wr(DRIVER_FEATURES, 0x21);
    wr(STATUS, ACK | DRV | FOK);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK);
    ck_assert_uint_eq(fk.set_features_calls, 1);
    ck_assert_uint_eq(fk.accepted, 0x21);
    wr(DRIVER_FEATURES_SEL, 1);
    ck_assert_uint_eq(rd(DRIVER_FEATURES), 0);
}
END_TEST

START_TEST(features_ok_is_refused_for_a_feature_the_device_did_not_offer_and_can_be_retried)
{
    wr(STATUS, ACK | DRV);
    wr(DRIVER_FEATURES_SEL, 0);
    wr(DRIVER_FEATURES, 0x2);   /* bit 1: not offered */
    wr(DRIVER_FEATURES_SEL, 1);
    wr(DRIVER_FEATURES, 0x1);
    wr(STATUS, ACK | DRV | FOK);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV);
    ck_assert_uint_eq(fk.set_features_calls, 0);
    /* The driver may correct its choice and try again. */
    wr(DRIVER_FEATURES_SEL, 0);
    wr(DRIVER_FEATURES, 0x20);
    wr(STATUS, ACK | DRV | FOK);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK);
    ck_assert_uint_eq(fk.accepted, VIRTIO_F_VERSION_1 | 0x20);
}
END_TEST

START_TEST(driver_features_are_frozen_after_features_ok)
{
    driver_negotiate(VIRTIO_F_VERSION_1 | 0x1);
    wr(DRIVER_FEATURES_SEL, 0);
    wr(DRIVER_FEATURES, 0x20);
    ck_assert_uint_eq(rd(DRIVER_FEATURES), 0x1);
    ck_assert_uint_eq(vd.driver_features, VIRTIO_F_VERSION_1 | 0x1);
}
END_TEST

START_TEST(driver_cannot_clear_device_needs_reset_except_by_reset)
{
    driver_init(VIRTIO_F_VERSION_1);
    virtio_set_needs_reset(&vd);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK | DOK | NEEDS_RESET);
    wr(STATUS, ACK | DRV | FOK | DOK);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK | DOK | NEEDS_RESET);
    ck_assert(!virtio_queue_usable(&vd, 0));
    wr(STATUS, 0);
    ck_assert_uint_eq(rd(STATUS), 0);
    ck_assert_int_eq(irq_level, 0);
}
END_TEST

START_TEST(needs_reset_before_driver_ok_sends_no_interrupt)
{
    driver_negotiate(VIRTIO_F_VERSION_1);
    virtio_set_needs_reset(&vd);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK | NEEDS_RESET);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);
    ck_assert_uint_eq(irq_calls, 0);
}
END_TEST

START_TEST(failed_status_stops_the_queues)
{
    driver_init(VIRTIO_F_VERSION_1);
    add_simple_requests(1);
    wr(STATUS, ACK | DRV | FOK | DOK | VIRTIO_STATUS_FAILED);
    ck_assert(!virtio_queue_usable(&vd, 0));
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);
}
END_TEST

START_TEST(reset_clears_status_features_selectors_queues_and_interrupts)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_EVENT_IDX);
    virtio_config_changed(&vd);
    add_simple_requests(1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    virtio_queue_push(&vd, 0, &ch, 4);
    virtio_queue_notify_driver(&vd, 0);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 3);
    ck_assert_int_eq(irq_level, 1);
    wr(DEVICE_FEATURES_SEL, 1);
    wr(QUEUE_SEL, 1);

    wr(STATUS, 0);
    ck_assert_uint_eq(fk.reset_calls, 2);   /* once by the handshake, once now */
    ck_assert_uint_eq(rd(STATUS), 0);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);
    ck_assert_int_eq(irq_level, 0);
    ck_assert_uint_eq(rd(DEVICE_FEATURES_SEL), 0);
    ck_assert_uint_eq(rd(DRIVER_FEATURES_SEL), 0);
    ck_assert_uint_eq(rd(QUEUE_SEL), 0);
    ck_assert_uint_eq(rd(DRIVER_FEATURES), 0);
    ck_assert_uint_eq(vd.driver_features, 0);
    ck_assert_uint_eq(rd(QUEUE_READY), 0);
    ck_assert_uint_eq(rd(QUEUE_NUM), 0);
    ck_assert_uint_eq(rd(QUEUE_DESC_LOW), 0);
    ck_assert_uint_eq(rd(QUEUE_DRIVER_LOW), 0);
    ck_assert_uint_eq(rd(QUEUE_DEVICE_LOW), 0);
    ck_assert_uint_eq(vd.queues[0].last_avail, 0);
    ck_assert_uint_eq(vd.queues[0].used_idx, 0);
    ck_assert_uint_eq(rd(CONFIG_GENERATION), 1);   /* the configuration space is the device's */
    ck_assert(!virtio_queue_usable(&vd, 0));
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);
    /* And the device can be brought up again from scratch. */
    driver_init(VIRTIO_F_VERSION_1);
    ck_assert(virtio_queue_usable(&vd, 0));
}
END_TEST

/* ---- Queue setup ---- */

START_TEST(queue_registers_read_back_and_ready_enables_the_queue)
{
    driver_negotiate(VIRTIO_F_VERSION_1);
    setup_queue(1, 16, DESC, AVAIL, USED);
    wr(QUEUE_SEL, 1);
    ck_assert_uint_eq(rd(QUEUE_NUM), 16);
    ck_assert_uint_eq(rd(QUEUE_DESC_LOW), (uint32_t)DESC);
    ck_assert_uint_eq(rd(QUEUE_DESC_HIGH), 0);
    ck_assert_uint_eq(rd(QUEUE_DRIVER_LOW), (uint32_t)AVAIL);
    ck_assert_uint_eq(rd(QUEUE_DEVICE_LOW), (uint32_t)USED);
    ck_assert_uint_eq(rd(QUEUE_READY), 1);
    ck_assert_uint_eq(vd.queues[1].desc, DESC);
    ck_assert_uint_eq(vd.queues[1].avail, AVAIL);
    ck_assert_uint_eq(vd.queues[1].used, USED);
    wr(QUEUE_SEL, 0);
    ck_assert_uint_eq(rd(QUEUE_READY), 0);
    ck_assert(!virtio_queue_usable(&vd, 1));   /* not before DRIVER_OK */
    wr(STATUS, ACK | DRV | FOK | DOK);
    ck_assert(virtio_queue_usable(&vd, 1));
    ck_assert(!virtio_queue_usable(&vd, 0));
    ck_assert(!virtio_queue_usable(&vd, 2));
    ck_assert(!virtio_queue_usable(&vd, 100));
}
END_TEST

START_TEST(queue_configuration_is_frozen_while_ready_and_ready_0_disables)
{
    driver_init(VIRTIO_F_VERSION_1);
    wr(QUEUE_SEL, 0);
    wr(QUEUE_NUM, 4);
    wr(QUEUE_DESC_LOW, (uint32_t)IND);
    ck_assert_uint_eq(rd(QUEUE_NUM), QNUM);
    ck_assert_uint_eq(rd(QUEUE_DESC_LOW), (uint32_t)DESC);
    add_simple_requests(1);
    wr(QUEUE_READY, 0);
    ck_assert_uint_eq(rd(QUEUE_READY), 0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);
    wr(QUEUE_NUM, 4);
    ck_assert_uint_eq(rd(QUEUE_NUM), 4);
}
END_TEST

START_TEST(queue_ready_with_a_bad_size_or_layout_leaves_it_off_and_needs_reset)
{
    struct { unsigned num; uint64_t d, a, u; } bad[] = {
        { 0, DESC, AVAIL, USED },                      /* size 0 */
        { 6, DESC, AVAIL, USED },                      /* not a power of 2 */
        { 512, DESC, AVAIL, USED },                    /* above QueueNumMax */
        { 8, DESC + 8, AVAIL, USED },                  /* descriptor table not 16-aligned */
        { 8, DESC, AVAIL + 1, USED },                  /* available ring not 2-aligned */
        { 8, DESC, AVAIL, USED + 2 },                  /* used ring not 4-aligned */
        { 8, 0x1000, AVAIL, USED },                    /* outside RAM */
        { 8, DESC, AVAIL, RAM_END - 64 },              /* used ring (70 bytes) straddles the end of RAM */
        { 8, DESC, 0xfffffffffffffff0ull, USED },      /* wraps around 2^64 */
    };
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        driver_negotiate(VIRTIO_F_VERSION_1);
        setup_queue(0, bad[i].num, bad[i].d, bad[i].a, bad[i].u);
        ck_assert_msg(rd(QUEUE_READY) == 0, "case %u", i);
        ck_assert_msg(rd(STATUS) == (ACK | DRV | FOK | NEEDS_RESET), "case %u", i);
        ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);   /* no DRIVER_OK yet: no notification */
    }
    /* The largest queue, its available ring (6 + 2 * 256 bytes) ending exactly at the end of RAM. */
    driver_negotiate(VIRTIO_F_VERSION_1);
    setup_queue(0, VIRTIO_QUEUE_MAX_SIZE, DESC, RAM_END - (6 + 2 * VIRTIO_QUEUE_MAX_SIZE), USED);
    ck_assert_uint_eq(rd(QUEUE_READY), 1);
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK);
}
END_TEST

/* ---- Popping chains ---- */

START_TEST(pop_returns_0_on_an_empty_ring_and_before_driver_ok)
{
    driver_negotiate(VIRTIO_F_VERSION_1);
    qnum = QNUM;
    setup_queue(0, QNUM, DESC, AVAIL, USED);
    add_simple_requests(1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);   /* no DRIVER_OK */
    wr(STATUS, ACK | DRV | FOK | DOK);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);   /* empty */
    ck_assert_int_eq(virtio_queue_pop(&vd, 1, &ch), 0);   /* not ready */
    ck_assert_int_eq(virtio_queue_pop(&vd, 9, &ch), 0);   /* no such queue */
    ck_assert_uint_eq(rd(STATUS) & NEEDS_RESET, 0);
}
END_TEST

START_TEST(pop_takes_a_single_writable_descriptor)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(3, BUF, 0x40, F_WRITE, 0);
    avail_add(3);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(ch.head, 3);
    ck_assert_uint_eq(ch.n_out, 0);
    ck_assert_uint_eq(ch.n_in, 1);
    ck_assert_uint_eq(ch.in[0].gpa, BUF);
    ck_assert_uint_eq(ch.in[0].len, 0x40);
    ck_assert_ptr_eq(ch.in[0].host, bus_host_ptr(&bus, BUF, 0x40));
    ck_assert_uint_eq(ch.in_len, 0x40);
    ck_assert_uint_eq(ch.out_len, 0);
    ck_assert_uint_eq(vd.queues[0].last_avail, 1);
}
END_TEST

START_TEST(pop_takes_a_multi_segment_chain_readable_first)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(0, BUF, 16, F_NEXT, 5);
    desc(5, BUF + 0x100, 8, F_NEXT, 2);
    desc(2, BUF + 0x200, 32, F_WRITE | F_NEXT, 7);
    desc(7, BUF + 0x300, 4, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(ch.head, 0);
    ck_assert_uint_eq(ch.n_out, 2);
    ck_assert_uint_eq(ch.n_in, 2);
    ck_assert_uint_eq(ch.out[0].gpa, BUF);
    ck_assert_uint_eq(ch.out[0].len, 16);
    ck_assert_uint_eq(ch.out[1].gpa, BUF + 0x100);
    ck_assert_uint_eq(ch.out[1].len, 8);
    ck_assert_uint_eq(ch.in[0].gpa, BUF + 0x200);
    ck_assert_uint_eq(ch.in[0].len, 32);
    ck_assert_uint_eq(ch.in[1].gpa, BUF + 0x300);
    ck_assert_uint_eq(ch.in[1].len, 4);
    ck_assert_uint_eq(ch.out_len, 24);
    ck_assert_uint_eq(ch.in_len, 36);
}
END_TEST

START_TEST(chain_read_and_write_span_segments_and_stop_at_the_end)
{
    driver_init(VIRTIO_F_VERSION_1);
    for (unsigned i = 0; i < 16; i++) ck_assert_int_eq(bus_write(&bus, BUF + i, 1, 0x40 + i), 0);
    for (unsigned i = 0; i < 8; i++) ck_assert_int_eq(bus_write(&bus, BUF + 0x100 + i, 1, 0x60 + i), 0);
    desc(0, BUF, 16, F_NEXT, 1);
    desc(1, BUF + 0x100, 8, F_NEXT, 2);
    desc(2, BUF + 0x200, 32, F_WRITE | F_NEXT, 3);
    desc(3, BUF + 0x300, 4, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);

    uint8_t got[32];
    memset(got, 0, sizeof(got));
    ck_assert_uint_eq(virtio_chain_read(&ch, 12, got, 8), 8);
    const uint8_t want[8] = { 0x4c, 0x4d, 0x4e, 0x4f, 0x60, 0x61, 0x62, 0x63 };
    ck_assert_mem_eq(got, want, 8);
    ck_assert_uint_eq(virtio_chain_read(&ch, 20, got, 32), 4);   /* short at the end */
    ck_assert_uint_eq(got[3], 0x67);
    ck_assert_uint_eq(virtio_chain_read(&ch, 24, got, 4), 0);

    bus_watch_page(&bus, BUF + 0x200);
    bus_watch_page(&bus, BUF + 0x300);
    watch_calls = 0;
    const uint8_t data[6] = { 1, 2, 3, 4, 5, 6 };
    ck_assert_uint_eq(virtio_chain_write(&vd, &ch, 30, data, 6), 6);
    ck_assert_uint_eq(g16(BUF + 0x200 + 30), 0x0201);
    ck_assert_uint_eq(g32(BUF + 0x300), 0x06050403);
    /* Each piece was reported to the bus. */
    ck_assert_uint_eq(watch_calls, 2);
    ck_assert_uint_eq(watch_addr[0], BUF + 0x200 + 30);
    ck_assert_uint_eq(watch_size[0], 2);
    ck_assert_uint_eq(watch_addr[1], BUF + 0x300);
    ck_assert_uint_eq(watch_size[1], 4);
    ck_assert_uint_eq(virtio_chain_write(&vd, &ch, 34, data, 6), 2);
    ck_assert_uint_eq(virtio_chain_write(&vd, &ch, 36, data, 6), 0);
}
END_TEST

START_TEST(pop_follows_an_indirect_table_when_negotiated)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
    desc(4, IND, 48, F_INDIRECT | F_WRITE, 0);   /* WRITE on the table descriptor is ignored (2.7.5.3.2) */
    desc_at(IND, 0, BUF, 12, F_NEXT, 2);
    desc_at(IND, 2, BUF + 0x100, 100, F_WRITE | F_NEXT, 1);
    desc_at(IND, 1, BUF + 0x200, 200, F_WRITE, 0);
    avail_add(4);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(ch.head, 4);
    ck_assert_uint_eq(ch.n_out, 1);
    ck_assert_uint_eq(ch.n_in, 2);
    ck_assert_uint_eq(ch.out[0].gpa, BUF);
    ck_assert_uint_eq(ch.in[0].gpa, BUF + 0x100);
    ck_assert_uint_eq(ch.in[1].gpa, BUF + 0x200);
    ck_assert_uint_eq(ch.out_len, 12);
    ck_assert_uint_eq(ch.in_len, 300);
}
END_TEST

START_TEST(pop_accepts_direct_descriptors_followed_by_an_indirect_table)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
    desc(0, BUF, 16, F_NEXT, 1);
    desc(1, IND, 32, F_INDIRECT, 0);
    desc_at(IND, 0, BUF + 0x100, 8, F_NEXT, 1);
    desc_at(IND, 1, BUF + 0x200, 1, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(ch.n_out, 2);
    ck_assert_uint_eq(ch.n_in, 1);
    ck_assert_uint_eq(ch.out_len, 24);
    ck_assert_uint_eq(ch.in_len, 1);
}
END_TEST

START_TEST(pop_accepts_128_segments_per_direction)
{
    driver_init_num(VIRTIO_F_VERSION_1, 256);
    for (unsigned i = 0; i < 256; i++)
        desc(i, BUF + 0x10ull * i, 1, (uint16_t)((i < 128 ? 0 : F_WRITE) | (i < 255 ? F_NEXT : 0)), (uint16_t)((i + 1) % 256));
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(ch.n_out, 128);
    ck_assert_uint_eq(ch.n_in, 128);
    ck_assert_uint_eq(ch.in[127].gpa, BUF + 0x10ull * 255);
}
END_TEST

START_TEST(pop_accepts_zero_length_data_descriptors)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(0, BUF, 0, F_NEXT, 1);
    desc(1, BUF + 0x100, 4, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(ch.n_out, 1);
    ck_assert_uint_eq(ch.out[0].len, 0);
    ck_assert_uint_eq(ch.in_len, 4);
    uint8_t b;
    ck_assert_uint_eq(virtio_chain_read(&ch, 0, &b, 1), 0);
}
END_TEST

START_TEST(avail_index_wraps_at_65536)
{
    driver_init(VIRTIO_F_VERSION_1);
    vd.queues[0].last_avail = 0xffff;
    m16(AVAIL + 2, 0xffff);
    desc(1, BUF, 8, F_WRITE, 0);
    desc(2, BUF + 0x100, 8, F_WRITE, 0);
    avail_add(1);   /* ring slot 7 */
    avail_add(2);   /* ring slot 0, idx now 1 */
    ck_assert_uint_eq(g16(AVAIL + 2), 1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(ch.head, 1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(ch.head, 2);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);
    ck_assert_uint_eq(vd.queues[0].last_avail, 1);
}
END_TEST

/* ---- Used ring ---- */

START_TEST(push_writes_the_used_element_then_the_used_index)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(5, BUF, 0x40, F_WRITE, 0);
    avail_add(5);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    bus_watch_page(&bus, USED);
    watch_calls = 0;
    virtio_queue_push(&vd, 0, &ch, 0x30);
    ck_assert_uint_eq(used_idx(), 1);
    ck_assert_uint_eq(used_id(0), 5);
    ck_assert_uint_eq(used_len(0), 0x30);
    ck_assert_uint_eq(watch_calls, 2);
    ck_assert_uint_eq(watch_addr[0], USED + 4);
    ck_assert_uint_eq(watch_size[0], 8);
    ck_assert_uint_eq(watch_addr[1], USED + 2);
    ck_assert_uint_eq(watch_size[1], 2);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);   /* push alone does not interrupt */
}
END_TEST

START_TEST(push_clamps_the_used_length_to_the_writable_length)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(0, BUF, 16, F_NEXT, 1);
    desc(1, BUF + 0x100, 20, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    virtio_queue_push(&vd, 0, &ch, 1000);
    ck_assert_uint_eq(used_len(0), 20);
}
END_TEST

START_TEST(used_ring_wraps_around_the_queue_size)
{
    driver_init(VIRTIO_F_VERSION_1);
    for (unsigned n = 0; n < 10; n++) {
        unsigned d = (n * 3) % QNUM;
        desc(d, BUF, 8, F_WRITE, 0);
        avail_add((uint16_t)d);
        ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
        ck_assert_uint_eq(ch.head, d);
        virtio_queue_push(&vd, 0, &ch, n);
    }
    ck_assert_uint_eq(used_idx(), 10);
    ck_assert_uint_eq(used_id(0), (8 * 3) % QNUM);   /* the 9th push went to slot 0 */
    ck_assert_uint_eq(used_len(0), 8);
    ck_assert_uint_eq(used_id(1), (9 * 3) % QNUM);
    ck_assert_uint_eq(used_len(1), 8);              /* clamped: 9 > 8 bytes offered */
    ck_assert_uint_eq(used_id(2), (2 * 3) % QNUM);
    ck_assert_uint_eq(used_len(2), 2);
}
END_TEST

/* ---- Interrupts and notification suppression ---- */

START_TEST(used_buffer_interrupt_sets_bit_0_and_ack_lowers_the_line)
{
    driver_init(VIRTIO_F_VERSION_1);
    add_simple_requests(1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    virtio_queue_push(&vd, 0, &ch, 1);
    virtio_queue_notify_driver(&vd, 0);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
    ck_assert_uint_eq(irq_calls, 1);
    wr(INTERRUPT_ACK, 2);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
    wr(INTERRUPT_ACK, 1);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);
    ck_assert_int_eq(irq_level, 0);
    ck_assert_uint_eq(irq_calls, 2);
    /* Another notification with nothing newly used does not interrupt again. */
    virtio_queue_notify_driver(&vd, 0);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);
    ck_assert_uint_eq(irq_calls, 2);
}
END_TEST

START_TEST(used_buffer_notification_while_the_line_is_high_asserts_it_again)
{
    /* Each notification is a new request for the PLIC (as QEMU's virtio_notify), even before the ACK. */
    driver_init(VIRTIO_F_VERSION_1);
    add_simple_requests(2);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    virtio_queue_push(&vd, 0, &ch, 1);
    virtio_queue_notify_driver(&vd, 0);
    ck_assert_uint_eq(irq_calls, 1);
    ck_assert_uint_eq(irq_reasserts, 0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    virtio_queue_push(&vd, 0, &ch, 1);
    virtio_queue_notify_driver(&vd, 0);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
    ck_assert_uint_eq(irq_calls, 2);
    ck_assert_uint_eq(irq_reasserts, 1);
    wr(INTERRUPT_ACK, 1);
    ck_assert_int_eq(irq_level, 0);
    ck_assert_uint_eq(irq_calls, 3);
}
END_TEST

START_TEST(no_interrupt_flag_suppresses_used_buffer_interrupts_without_event_idx)
{
    driver_init(VIRTIO_F_VERSION_1);
    add_simple_requests(2);
    m16(AVAIL, 1);   /* VIRTQ_AVAIL_F_NO_INTERRUPT */
    m16(used_event_addr(), 0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    virtio_queue_push(&vd, 0, &ch, 1);
    virtio_queue_notify_driver(&vd, 0);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 0);
    ck_assert_uint_eq(irq_calls, 0);
    m16(AVAIL, 0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    virtio_queue_push(&vd, 0, &ch, 1);
    virtio_queue_notify_driver(&vd, 0);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
}
END_TEST

START_TEST(used_event_suppresses_interrupts_per_vring_need_event)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_EVENT_IDX);
    add_simple_requests(8);
    m16(AVAIL, 1);                  /* ignored with EVENT_IDX */
    m16(used_event_addr(), 2);      /* interrupt when used idx passes 2 -> 3 */
    static const struct { unsigned pushes; uint16_t used_event; int irq; } steps[] = {
        { 1, 2, 1 },   /* first decision after enabling: always (0 -> 1) */
        { 1, 2, 0 },   /* 1 -> 2: event 2 not reached */
        { 1, 2, 1 },   /* 2 -> 3: entry 2 written */
        { 2, 3, 1 },   /* 3 -> 5: event 3 inside [3, 5) */
        { 1, 4, 0 },   /* 5 -> 6: event 4 already passed */
        { 2, 9, 0 },   /* 6 -> 8: event 9 not reached */
    };
    for (unsigned s = 0; s < sizeof(steps) / sizeof(steps[0]); s++) {
        m16(used_event_addr(), steps[s].used_event);
        for (unsigned p = 0; p < steps[s].pushes; p++) {
            ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
            virtio_queue_push(&vd, 0, &ch, 1);
        }
        virtio_queue_notify_driver(&vd, 0);
        ck_assert_msg(rd(INTERRUPT_STATUS) == (uint32_t)steps[s].irq, "step %u", s);
        ck_assert_int_eq(irq_level, steps[s].irq);
        wr(INTERRUPT_ACK, 1);
    }
    ck_assert_uint_eq(used_idx(), 8);
}
END_TEST

START_TEST(avail_event_tracks_the_next_entry_the_device_will_take)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_EVENT_IDX);
    m16(avail_event_addr(), 0xbeef);
    add_simple_requests(2);
    bus_watch_page(&bus, USED);
    watch_calls = 0;
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(g16(avail_event_addr()), 1);
    ck_assert_uint_eq(watch_calls, 1);
    ck_assert_uint_eq(watch_addr[0], avail_event_addr());
    ck_assert_uint_eq(watch_size[0], 2);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_uint_eq(g16(avail_event_addr()), 2);
    m16(avail_event_addr(), 0xbeef);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);
    ck_assert_uint_eq(g16(avail_event_addr()), 2);   /* rewritten on an empty ring too */
}
END_TEST

START_TEST(avail_event_is_not_written_without_event_idx)
{
    driver_init(VIRTIO_F_VERSION_1);
    m16(avail_event_addr(), 0xbeef);
    add_simple_requests(1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 0);
    ck_assert_uint_eq(g16(avail_event_addr()), 0xbeef);
}
END_TEST

/* ---- Notifications from the driver ---- */

START_TEST(queue_notify_reaches_the_device_only_for_usable_queues)
{
    driver_negotiate(VIRTIO_F_VERSION_1);
    qnum = QNUM;
    setup_queue(0, QNUM, DESC, AVAIL, USED);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(fk.notify_calls, 0);   /* before DRIVER_OK */
    wr(STATUS, ACK | DRV | FOK | DOK);
    ck_assert_uint_eq(fk.notify_calls, 1);   /* DRIVER_OK looks at every ready queue */
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(fk.notify_calls, 2);
    ck_assert_uint_eq(fk.last_q, 0);
    wr(QUEUE_NOTIFY, 1);   /* not ready */
    wr(QUEUE_NOTIFY, 2);   /* absent */
    wr(QUEUE_NOTIFY, 0xffffffff);
    ck_assert_uint_eq(fk.notify_calls, 2);
}
END_TEST

START_TEST(buffers_made_available_before_driver_ok_are_served_at_driver_ok)
{
    fk.serve = true;
    driver_negotiate(VIRTIO_F_VERSION_1);
    qnum = QNUM;
    memset(bus_host_ptr(&bus, DESC, 0x3000), 0, 0x3000);
    setup_queue(0, QNUM, DESC, AVAIL, USED);
    add_simple_requests(2);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(fk.served, 0);
    ck_assert_uint_eq(used_idx(), 0);
    wr(STATUS, ACK | DRV | FOK | DOK);
    ck_assert_uint_eq(fk.served, 2);
    ck_assert_uint_eq(used_idx(), 2);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
}
END_TEST

/* ---- Malformed rings: DEVICE_NEEDS_RESET, never a crash ---- */

START_TEST(avail_index_more_than_the_queue_size_ahead_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1);
    add_simple_requests(1);
    m16(AVAIL + 2, QNUM + 1);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
    ck_assert_uint_eq(rd(STATUS), ACK | DRV | FOK | DOK | NEEDS_RESET);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 2);
    ck_assert_uint_eq(irq_calls, 1);
}
END_TEST

START_TEST(head_index_out_of_range_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1);
    avail_add(QNUM);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(next_index_out_of_range_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(0, BUF, 8, F_NEXT, QNUM);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(descriptor_loop_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(0, BUF, 8, F_NEXT, 1);
    desc(1, BUF, 8, F_NEXT, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(zero_length_descriptor_loop_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(2, BUF, 0, F_NEXT | F_WRITE, 2);
    avail_add(2);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(descriptor_loop_in_an_indirect_table_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
    desc(0, IND, 16ull * 4, F_INDIRECT, 0);
    desc_at(IND, 0, BUF, 8, F_NEXT, 1);
    desc_at(IND, 1, BUF, 8, F_NEXT, 3);
    desc_at(IND, 3, BUF, 8, F_NEXT, 1);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(more_than_128_segments_in_one_direction_needs_reset)
{
    driver_init_num(VIRTIO_F_VERSION_1, 256);
    for (unsigned i = 0; i < 129; i++)
        desc(i, BUF + 0x10ull * i, 1, (uint16_t)(F_WRITE | (i < 128 ? F_NEXT : 0)), (uint16_t)(i + 1));
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(more_than_128_segments_in_an_indirect_table_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
    for (unsigned i = 0; i < 129; i++)
        desc_at(IND, i, BUF + 0x10ull * i, 1, (uint16_t)(i < 128 ? F_NEXT : 0), (uint16_t)(i + 1));
    desc(0, IND, 16 * 129, F_INDIRECT, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(readable_descriptor_after_a_writable_one_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(0, BUF, 8, F_WRITE | F_NEXT, 1);
    desc(1, BUF + 0x100, 8, 0, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(buffers_outside_ram_straddling_its_end_or_wrapping_need_reset)
{
    static const struct { uint64_t addr; uint32_t len; } bad[] = {
        { 0x1000, 4 },                        /* no memory there */
        { SLOT, 4 },                          /* a device, not RAM */
        { RAM_END - 8, 16 },                  /* straddles the end of RAM */
        { RAM_END, 1 },                       /* just past it */
        { RAM_BASE - 4, 8 },                  /* straddles the start */
        { 0xfffffffffffffff8ull, 16 },        /* wraps around 2^64 */
        { RAM_BASE, 0xffffffffu },            /* longer than RAM */
    };
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        driver_init(VIRTIO_F_VERSION_1);
        desc(0, BUF, 8, F_NEXT, 1);
        desc(1, bad[i].addr, bad[i].len, F_WRITE, 0);
        avail_add(0);
        ck_assert_msg(virtio_queue_pop(&vd, 0, &ch) == -1, "case %u", i);
        expect_needs_reset();
    }
    /* The last byte of RAM is fine. */
    driver_init(VIRTIO_F_VERSION_1);
    desc(0, RAM_END - 1, 1, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
}
END_TEST

START_TEST(indirect_descriptor_without_negotiation_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1);
    desc(0, IND, 16, F_INDIRECT, 0);
    desc_at(IND, 0, BUF, 8, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(indirect_descriptor_inside_an_indirect_table_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
    desc(0, IND, 32, F_INDIRECT, 0);
    desc_at(IND, 0, BUF, 8, F_NEXT, 1);
    desc_at(IND, 1, IND + 0x100, 16, F_INDIRECT, 0);   /* a second, otherwise valid, table */
    desc_at(IND + 0x100, 0, BUF + 0x100, 8, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(indirect_table_length_zero_or_not_a_multiple_of_16_needs_reset)
{
    static const uint32_t lens[] = { 0, 8, 24, 33 };
    for (unsigned i = 0; i < 4; i++) {
        driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
        desc(0, IND, lens[i], F_INDIRECT, 0);
        desc_at(IND, 0, BUF, 8, F_WRITE, 0);
        avail_add(0);
        ck_assert_msg(virtio_queue_pop(&vd, 0, &ch) == -1, "len %u", lens[i]);
        expect_needs_reset();
    }
}
END_TEST

START_TEST(indirect_descriptor_with_next_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
    desc(0, IND, 16, F_INDIRECT | F_NEXT, 1);
    desc(1, BUF, 8, F_WRITE, 0);
    desc_at(IND, 0, BUF, 8, F_WRITE, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(indirect_table_outside_ram_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
    desc(0, RAM_END - 16, 32, F_INDIRECT, 0);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(indirect_next_index_out_of_the_table_needs_reset)
{
    driver_init(VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC);
    desc(0, IND, 32, F_INDIRECT, 0);
    desc_at(IND, 0, BUF, 8, F_NEXT, 2);
    avail_add(0);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), -1);
    expect_needs_reset();
}
END_TEST

START_TEST(device_can_declare_needs_reset_and_the_driver_is_told)
{
    driver_init(VIRTIO_F_VERSION_1);
    virtio_set_needs_reset(&vd);
    expect_needs_reset();
    ck_assert_uint_eq(irq_calls, 1);
    virtio_set_needs_reset(&vd);   /* once is enough */
    ck_assert_uint_eq(irq_calls, 1);
}
END_TEST

static uint32_t fuzz_state;
static uint32_t rnd(void)
{
    fuzz_state = fuzz_state * 1103515245u + 12345u;
    return fuzz_state >> 8;
}

START_TEST(garbage_rings_never_crash_the_host)
{
    /* A deterministic fuzz: descriptors mixing plausible and wild values, avail entries mostly in range.
     * Any outcome is fine as long as the host survives (run under ASan/UBSan) and pop never hangs. */
    fuzz_state = 12345;
    for (unsigned round = 0; round < 2000; round++) {
        driver_init((round & 1) ? VIRTIO_F_VERSION_1 | VIRTIO_F_RING_INDIRECT_DESC | VIRTIO_F_RING_EVENT_IDX
                                : VIRTIO_F_VERSION_1);
        for (unsigned i = 0; i < QNUM + 24; i++) {
            uint64_t table = i < QNUM ? DESC : IND, idx = i < QNUM ? i : i - QNUM;
            uint64_t addr;
            switch (rnd() % 5) {
            case 0: addr = ((uint64_t)rnd() << 40) ^ ((uint64_t)rnd() << 16) ^ rnd(); break;
            case 1: addr = RAM_END - rnd() % 64; break;
            case 2: addr = IND; break;
            default: addr = BUF + rnd() % 0x10000; break;
            }
            uint32_t len = (rnd() % 4) ? rnd() % 0x400 : (rnd() % 3 ? 16 * (rnd() % 30) : (uint32_t)rnd() << 8);
            uint16_t flags = (uint16_t)(rnd() & 7), next = (uint16_t)(rnd() % (i < QNUM ? QNUM + 1 : 25));
            desc_at(table, (unsigned)idx, addr, len, flags, next);
        }
        unsigned n_avail = rnd() % 10;
        for (unsigned i = 0; i < n_avail; i++) avail_add((uint16_t)(rnd() % (QNUM + 1)));
        m16(used_event_addr(), rnd() % 8);
        for (unsigned n = 0; n < 20; n++) {
            int r = virtio_queue_pop(&vd, 0, &ch);
            if (r <= 0) break;
            uint8_t tmp[64];
            virtio_chain_read(&ch, rnd() % 32, tmp, sizeof(tmp));
            virtio_chain_write(&vd, &ch, rnd() % 32, tmp, sizeof(tmp));
            virtio_queue_push(&vd, 0, &ch, rnd() % 128);
            virtio_queue_notify_driver(&vd, 0);
        }
        ck_assert_int_eq(irq_level, rd(INTERRUPT_STATUS) != 0);
    }
}
END_TEST

/* ---- Debugger ---- */

START_TEST(describe_prints_device_status_features_and_queues_on_one_line)
{
    char buf[256];
    virtio_describe(&vd, buf, sizeof(buf));
    ck_assert_str_eq(buf, "fake (id 18): status 0x00 reset; features 0x0; isr 0x0; gen 0; q0 off; q1 off");
    driver_init(VIRTIO_F_VERSION_1);
    add_simple_requests(2);
    ck_assert_int_eq(virtio_queue_pop(&vd, 0, &ch), 1);
    virtio_describe(&vd, buf, sizeof(buf));
    ck_assert_str_eq(buf, "fake (id 18): status 0x0f ACK,DRIVER,FEATURES_OK,DRIVER_OK; features 0x100000000; "
                          "isr 0x0; gen 0; q0 num 8 avail 1 used 0; q1 off");
    ck_assert_ptr_null(strchr(buf, '\n'));
    char small[10];
    virtio_describe(&vd, small, sizeof(small));
    ck_assert_str_eq(small, "fake (id ");
}
END_TEST

static Suite *virtio_mmio_suite(void)
{
    Suite *s = suite_create("virtio_mmio");
    TCase *t = tcase_create("virtio_mmio");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, mmio_identifies_as_virtio_version_2_with_device_and_vendor_ids);
    tcase_add_test(t, mmio_registers_have_their_reset_values);
    tcase_add_test(t, mmio_absent_queues_report_num_max_zero_and_ignore_writes);
    tcase_add_test(t, mmio_reports_no_shared_memory_regions);
    tcase_add_test(t, mmio_control_registers_fault_on_non_32bit_accesses);
    tcase_add_test(t, mmio_reserved_registers_read_zero_and_ignore_writes);
    tcase_add_test(t, config_space_reads_little_endian_1_2_4_and_8_byte_fields);
    tcase_add_test(t, config_space_past_its_end_reads_zero);
    tcase_add_test(t, config_space_writes_reach_config_write_with_offset_size_and_value);
    tcase_add_test(t, config_space_without_config_write_is_read_only);
    tcase_add_test(t, config_changed_bumps_generation_and_interrupts_only_after_driver_ok);
    tcase_add_test(t, device_features_are_the_device_bits_plus_version1_indirect_and_event_idx);
    tcase_add_test(t, features_ok_is_kept_and_reported_to_the_device_for_an_offered_subset_with_version1);
    tcase_add_test(t, features_ok_is_accepted_without_version1_from_a_driver_that_writes_word_0_only);
    tcase_add_test(t, features_ok_is_refused_for_a_feature_the_device_did_not_offer_and_can_be_retried);
    tcase_add_test(t, driver_features_are_frozen_after_features_ok);
    tcase_add_test(t, driver_cannot_clear_device_needs_reset_except_by_reset);
    tcase_add_test(t, needs_reset_before_driver_ok_sends_no_interrupt);
    tcase_add_test(t, failed_status_stops_the_queues);
    tcase_add_test(t, reset_clears_status_features_selectors_queues_and_interrupts);
    tcase_add_test(t, queue_registers_read_back_and_ready_enables_the_queue);
    tcase_add_test(t, queue_configuration_is_frozen_while_ready_and_ready_0_disables);
    tcase_add_test(t, queue_ready_with_a_bad_size_or_layout_leaves_it_off_and_needs_reset);
    tcase_add_test(t, pop_returns_0_on_an_empty_ring_and_before_driver_ok);
    tcase_add_test(t, pop_takes_a_single_writable_descriptor);
    tcase_add_test(t, pop_takes_a_multi_segment_chain_readable_first);
    tcase_add_test(t, chain_read_and_write_span_segments_and_stop_at_the_end);
    tcase_add_test(t, pop_follows_an_indirect_table_when_negotiated);
    tcase_add_test(t, pop_accepts_direct_descriptors_followed_by_an_indirect_table);
    tcase_add_test(t, pop_accepts_128_segments_per_direction);
    tcase_add_test(t, pop_accepts_zero_length_data_descriptors);
    tcase_add_test(t, avail_index_wraps_at_65536);
    tcase_add_test(t, push_writes_the_used_element_then_the_used_index);
    tcase_add_test(t, push_clamps_the_used_length_to_the_writable_length);
    tcase_add_test(t, used_ring_wraps_around_the_queue_size);
    tcase_add_test(t, used_buffer_interrupt_sets_bit_0_and_ack_lowers_the_line);
    tcase_add_test(t, used_buffer_notification_while_the_line_is_high_asserts_it_again);
    tcase_add_test(t, no_interrupt_flag_suppresses_used_buffer_interrupts_without_event_idx);
    tcase_add_test(t, used_event_suppresses_interrupts_per_vring_need_event);
    tcase_add_test(t, avail_event_tracks_the_next_entry_the_device_will_take);
    tcase_add_test(t, avail_event_is_not_written_without_event_idx);
    tcase_add_test(t, queue_notify_reaches_the_device_only_for_usable_queues);
    tcase_add_test(t, buffers_made_available_before_driver_ok_are_served_at_driver_ok);
    tcase_add_test(t, avail_index_more_than_the_queue_size_ahead_needs_reset);
    tcase_add_test(t, head_index_out_of_range_needs_reset);
    tcase_add_test(t, next_index_out_of_range_needs_reset);
    tcase_add_test(t, descriptor_loop_needs_reset);
    tcase_add_test(t, zero_length_descriptor_loop_needs_reset);
    tcase_add_test(t, descriptor_loop_in_an_indirect_table_needs_reset);
    tcase_add_test(t, more_than_128_segments_in_one_direction_needs_reset);
    tcase_add_test(t, more_than_128_segments_in_an_indirect_table_needs_reset);
    tcase_add_test(t, readable_descriptor_after_a_writable_one_needs_reset);
    tcase_add_test(t, buffers_outside_ram_straddling_its_end_or_wrapping_need_reset);
    tcase_add_test(t, indirect_descriptor_without_negotiation_needs_reset);
    tcase_add_test(t, indirect_descriptor_inside_an_indirect_table_needs_reset);
    tcase_add_test(t, indirect_table_length_zero_or_not_a_multiple_of_16_needs_reset);
    tcase_add_test(t, indirect_descriptor_with_next_needs_reset);
    tcase_add_test(t, indirect_table_outside_ram_needs_reset);
    tcase_add_test(t, indirect_next_index_out_of_the_table_needs_reset);
    tcase_add_test(t, device_can_declare_needs_reset_and_the_driver_is_told);
    tcase_add_test(t, garbage_rings_never_crash_the_host);
    tcase_add_test(t, describe_prints_device_status_features_and_queues_on_one_line);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(virtio_mmio_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
