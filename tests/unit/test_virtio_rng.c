/* Unit tests for src/dev/virtio_rng.c (OASIS VIRTIO 1.2, 5.4 entropy device) behind the virtio-mmio
 * transport, driven as a driver would, with a deterministic entropy callback. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "dev/virtio.h"
#include "dev/virtio_rng.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (16ull << 20)
#define DESC (RAM_BASE + 0x1000)
#define AVAIL (RAM_BASE + 0x2000)
#define USED (RAM_BASE + 0x3000)
#define BUF (RAM_BASE + 0x10000)
#define QNUM 8u

enum {
    DEVICE_ID = 0x008, DEVICE_FEATURES = 0x010, DEVICE_FEATURES_SEL = 0x014, DRIVER_FEATURES = 0x020,
    DRIVER_FEATURES_SEL = 0x024, QUEUE_SEL = 0x030, QUEUE_NUM_MAX = 0x034, QUEUE_NUM = 0x038, QUEUE_READY = 0x044,
    QUEUE_NOTIFY = 0x050, INTERRUPT_STATUS = 0x060, INTERRUPT_ACK = 0x064, STATUS = 0x070,
    QUEUE_DESC_LOW = 0x080, QUEUE_DESC_HIGH = 0x084, QUEUE_DRIVER_LOW = 0x090, QUEUE_DRIVER_HIGH = 0x094,
    QUEUE_DEVICE_LOW = 0x0a0, QUEUE_DEVICE_HIGH = 0x0a4, CONFIG = 0x100,
};

#define F_NEXT 1
#define F_WRITE 2
#define ALL_OK (VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK)

static struct bus bus;
static struct virtio_dev vd;
static struct virtio_rng rng;
static int irq_level;

/* Entropy source: bytes 0, 1, 2, ... (mod 251), at most `limit` in total. */
static struct {
    uint8_t next;
    size_t limit, given;
    unsigned calls;
} src;

static size_t counting_entropy(void *opaque, void *buf, size_t len)
{
    ck_assert_ptr_eq(opaque, &src);
    src.calls++;
    if (len > src.limit - src.given) len = src.limit - src.given;
    uint8_t *b = buf;
    for (size_t i = 0; i < len; i++) {
        b[i] = src.next;
        src.next = (uint8_t)((src.next + 1) % 251);
    }
    src.given += len;
    return len;
}

static uint8_t expected_byte(size_t i) { return (uint8_t)(i % 251); }

static void on_irq(void *opaque, int level)
{
    (void)opaque;
    irq_level = level;
}

static uint32_t rd(uint32_t off)
{
    uint64_t v = 0;
    ck_assert_int_eq(virtio_mmio_ops.read(&vd, off, 4, &v), 0);
    return (uint32_t)v;
}
static void wr(uint32_t off, uint32_t v) { ck_assert_int_eq(virtio_mmio_ops.write(&vd, off, 4, v), 0); }
static void m16(uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&bus, pa, 2, v), 0); }
static void m32(uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&bus, pa, 4, v), 0); }
static void m64(uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&bus, pa, 8, v), 0); }
static uint64_t g(uint64_t pa, unsigned size)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&bus, pa, size, &v), 0);
    return v;
}

static void desc(unsigned i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next)
{
    m64(DESC + 16ull * i, addr);
    m32(DESC + 16ull * i + 8, len);
    m16(DESC + 16ull * i + 12, flags);
    m16(DESC + 16ull * i + 14, next);
}

static void avail_add(uint16_t head)
{
    uint16_t idx = (uint16_t)g(AVAIL + 2, 2);
    m16(AVAIL + 4 + 2ull * (idx % QNUM), head);
    m16(AVAIL + 2, (uint16_t)(idx + 1));
}

static void setup(void)
{
    bus_init(&bus);
    ck_assert_ptr_nonnull(bus_add_memory(&bus, "ram", RAM_BASE, RAM_SIZE, false));
    memset(&src, 0, sizeof(src));
    src.limit = SIZE_MAX;
    virtio_rng_init(&rng, counting_entropy, &src);
    virtio_mmio_init(&vd, &bus, &virtio_rng_ops, &rng, on_irq, NULL);
    irq_level = 0;
}

static void teardown(void) { bus_destroy(&bus); }

/* 3.1.1 with VERSION_1 only, queue 0 of QNUM entries. */
static void driver_init(void)
{
    wr(STATUS, 0);
    wr(STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
    wr(STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(DRIVER_FEATURES_SEL, 0);
    wr(DRIVER_FEATURES, 0);
    wr(DRIVER_FEATURES_SEL, 1);
    wr(DRIVER_FEATURES, 1);   /* VERSION_1 */
    wr(STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    ck_assert_uint_eq(rd(STATUS) & VIRTIO_STATUS_FEATURES_OK, VIRTIO_STATUS_FEATURES_OK);
    wr(QUEUE_SEL, 0);
    wr(QUEUE_NUM, QNUM);
    wr(QUEUE_DESC_LOW, (uint32_t)DESC);
    wr(QUEUE_DESC_HIGH, 0);
    wr(QUEUE_DRIVER_LOW, (uint32_t)AVAIL);
    wr(QUEUE_DRIVER_HIGH, 0);
    wr(QUEUE_DEVICE_LOW, (uint32_t)USED);
    wr(QUEUE_DEVICE_HIGH, 0);
    wr(QUEUE_READY, 1);
    wr(STATUS, ALL_OK);
    ck_assert_uint_eq(rd(STATUS), ALL_OK);
}

START_TEST(rng_is_device_4_with_one_queue_no_features_and_no_config)
{
    ck_assert_uint_eq(rd(DEVICE_ID), 4);
    wr(DEVICE_FEATURES_SEL, 0);
    ck_assert_uint_eq(rd(DEVICE_FEATURES), 0x30000000u);   /* transport bits only */
    wr(DEVICE_FEATURES_SEL, 1);
    ck_assert_uint_eq(rd(DEVICE_FEATURES), 1);
    wr(QUEUE_SEL, 0);
    ck_assert_uint_eq(rd(QUEUE_NUM_MAX), VIRTIO_QUEUE_MAX_SIZE);
    wr(QUEUE_SEL, 1);
    ck_assert_uint_eq(rd(QUEUE_NUM_MAX), 0);
    ck_assert_uint_eq(rd(CONFIG), 0);
}
END_TEST

START_TEST(rng_fills_every_writable_buffer_with_callback_bytes_and_reports_the_length)
{
    driver_init();
    desc(2, BUF, 10, F_WRITE | F_NEXT, 6);
    desc(6, BUF + 0x100, 300, F_WRITE, 0);
    avail_add(2);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(g(USED + 2, 2), 1);
    ck_assert_uint_eq(g(USED + 4, 4), 2);
    ck_assert_uint_eq(g(USED + 8, 4), 310);
    const uint8_t *a = bus_host_ptr(&bus, BUF, 10), *b = bus_host_ptr(&bus, BUF + 0x100, 301);
    for (size_t i = 0; i < 10; i++) ck_assert_uint_eq(a[i], expected_byte(i));
    for (size_t i = 0; i < 300; i++) ck_assert_uint_eq(b[i], expected_byte(10 + i));
    ck_assert_uint_eq(b[300], 0);   /* nothing past the buffer */
    ck_assert_uint_eq(src.given, 310);
    ck_assert_uint_eq(rng.bytes_served, 310);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
}
END_TEST

START_TEST(rng_serves_every_available_request_in_one_notification)
{
    driver_init();
    for (unsigned i = 0; i < 3; i++) {
        desc(i, BUF + 0x100ull * i, 16 + i, F_WRITE, 0);
        avail_add((uint16_t)i);
    }
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(g(USED + 2, 2), 3);
    for (unsigned i = 0; i < 3; i++) {
        ck_assert_uint_eq(g(USED + 4 + 8ull * i, 4), i);
        ck_assert_uint_eq(g(USED + 8 + 8ull * i, 4), 16 + i);
    }
    ck_assert_uint_eq(g(BUF + 0x200, 1), expected_byte(16 + 17));
}
END_TEST

START_TEST(rng_reports_only_the_bytes_the_source_gave)
{
    driver_init();
    src.limit = 5;
    desc(0, BUF, 64, F_WRITE, 0);
    avail_add(0);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(g(USED + 2, 2), 1);
    ck_assert_uint_eq(g(USED + 8, 4), 5);
    ck_assert_uint_eq(g(BUF + 4, 1), 4);
    ck_assert_uint_eq(g(BUF + 5, 1), 0);
}
END_TEST

START_TEST(rng_ignores_readable_buffers)
{
    driver_init();
    desc(0, BUF, 32, F_NEXT, 1);
    desc(1, BUF + 0x100, 8, F_WRITE, 0);
    avail_add(0);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(g(USED + 8, 4), 8);
    ck_assert_uint_eq(g(BUF, 8), 0);
    ck_assert_uint_eq(g(BUF + 0x100 + 7, 1), 7);
}
END_TEST

START_TEST(rng_caps_a_huge_request)
{
    driver_init();
    desc(0, BUF, 1u << 20, F_WRITE, 0);
    avail_add(0);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(g(USED + 8, 4), VIRTIO_RNG_MAX_REQUEST);
    ck_assert_uint_eq(src.given, VIRTIO_RNG_MAX_REQUEST);
}
END_TEST

START_TEST(rng_waits_for_driver_ok_and_stops_on_a_malformed_ring)
{
    desc(0, BUF, 8, F_WRITE, 0);
    avail_add(0);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(src.calls, 0);
    driver_init();   /* DRIVER_OK: the waiting request is served now */
    ck_assert_uint_eq(g(USED + 2, 2), 1);
    ck_assert_uint_eq(g(USED + 8, 4), 8);
    ck_assert_uint_eq(src.given, 8);
    desc(1, 0x1000, 8, F_WRITE, 0);   /* outside RAM */
    avail_add(1);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(src.given, 8);
    ck_assert_uint_eq(g(USED + 2, 2), 1);
    ck_assert_uint_eq(rd(STATUS), ALL_OK | VIRTIO_STATUS_DEVICE_NEEDS_RESET);
    ck_assert_uint_eq(rd(INTERRUPT_STATUS), 3);   /* the first request's used buffer, then the reset request */
}
END_TEST

static Suite *virtio_rng_suite(void)
{
    Suite *s = suite_create("virtio_rng");
    TCase *t = tcase_create("virtio_rng");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, rng_is_device_4_with_one_queue_no_features_and_no_config);
    tcase_add_test(t, rng_fills_every_writable_buffer_with_callback_bytes_and_reports_the_length);
    tcase_add_test(t, rng_serves_every_available_request_in_one_notification);
    tcase_add_test(t, rng_reports_only_the_bytes_the_source_gave);
    tcase_add_test(t, rng_ignores_readable_buffers);
    tcase_add_test(t, rng_caps_a_huge_request);
    tcase_add_test(t, rng_waits_for_driver_ok_and_stops_on_a_malformed_ring);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(virtio_rng_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
