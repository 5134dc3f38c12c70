/* Unit tests for src/dev/virtio_9p.c (virtio device 9, the 9P transport) behind the virtio-mmio
 * transport, driven as a driver would, with a stub 9P server that records what it was given. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "dev/virtio.h"
#include "dev/virtio_9p.h"
#include "util/endian.h"

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
static struct virtio_9p p9;
static int irq_level;

/* The stub server: remembers the request, answers with a reply of `reply_len` bytes (header: the
 * request's size echoed in bytes 7..10), and counts resets. */
static struct {
    uint8_t req[256];
    size_t req_len, cap;
    size_t reply_len;
    unsigned calls, resets;
} srv;

static size_t echo_handle(void *opaque, const uint8_t *req, size_t len, uint8_t *resp, size_t cap)
{
    ck_assert_ptr_eq(opaque, &srv);
    srv.calls++;
    srv.req_len = len;
    srv.cap = cap;
    memcpy(srv.req, req, len < sizeof(srv.req) ? len : sizeof(srv.req));
    size_t n = srv.reply_len < cap ? srv.reply_len : cap;
    for (size_t i = 0; i < n; i++) resp[i] = (uint8_t)(0xa0 + i);
    return n;
}
static void echo_reset(void *opaque)
{
    ck_assert_ptr_eq(opaque, &srv);
    srv.resets++;
}

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
    memset(&srv, 0, sizeof(srv));
    const struct p9_server server = { echo_handle, echo_reset, &srv };
    ck_assert_int_eq(virtio_9p_init(&p9, "docs", &server), 0);
    virtio_mmio_init(&vd, &bus, &virtio_9p_ops, &p9, on_irq, NULL);
    irq_level = 0;
}

static void teardown(void)
{
    virtio_9p_free(&p9);
    bus_destroy(&bus);
}

/* 3.1.1 with VERSION_1 only, queue 0 of QNUM entries. */
static void driver_init(void)
{
    wr(STATUS, 0);
    wr(STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
    wr(STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(DRIVER_FEATURES_SEL, 0);
    wr(DRIVER_FEATURES, 1);   /* MOUNT_TAG */
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

START_TEST(p9_is_device_9_with_the_mount_tag_feature_and_config)
{
    ck_assert_uint_eq(rd(DEVICE_ID), 9);
    wr(DEVICE_FEATURES_SEL, 0);
    ck_assert_uint_eq(rd(DEVICE_FEATURES), 0x30000001u);   /* MOUNT_TAG + transport bits */
    ck_assert_uint_eq(rd(CONFIG) & 0xffff, 4);              /* le16 tag_len */
    uint64_t v = 0;
    char tag[5] = { 0 };
    for (unsigned i = 0; i < 4; i++) {
        ck_assert_int_eq(virtio_mmio_ops.read(&vd, CONFIG + 2 + i, 1, &v), 0);
        tag[i] = (char)v;
    }
    ck_assert_str_eq(tag, "docs");
    struct virtio_9p other;
    const struct p9_server s = { echo_handle, NULL, &srv };
    ck_assert_int_eq(virtio_9p_init(&other, "", &s), -1);
    ck_assert_int_eq(virtio_9p_init(&other, "0123456789012345678901234567890123", &s), -1);
}
END_TEST

START_TEST(p9_request_goes_to_the_server_and_the_reply_to_the_writable_part)
{
    driver_init();
    for (unsigned i = 0; i < 20; i++) ck_assert_int_eq(bus_write(&bus, BUF + i, 1, 0x10 + i), 0);
    srv.reply_len = 40;
    desc(0, BUF, 12, F_NEXT, 1);           /* the request in two readable pieces */
    desc(1, BUF + 12, 8, F_NEXT, 2);
    desc(2, BUF + 0x1000, 16, F_NEXT, 3);  /* the reply room in two writable pieces */
    desc(3, BUF + 0x2000, 100, F_WRITE, 0);
    m16(DESC + 16ull * 2 + 12, F_WRITE | F_NEXT);
    avail_add(0);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(srv.calls, 1);
    ck_assert_uint_eq(srv.req_len, 20);
    ck_assert_uint_eq(srv.cap, 116);
    for (unsigned i = 0; i < 20; i++) ck_assert_uint_eq(srv.req[i], 0x10 + i);
    ck_assert_uint_eq(g(USED + 2, 2), 1);
    ck_assert_uint_eq(g(USED + 4, 4), 0);
    ck_assert_uint_eq(g(USED + 8, 4), 40);
    ck_assert_uint_eq(g(BUF + 0x1000, 1), 0xa0);
    ck_assert_uint_eq(g(BUF + 0x100f, 1), 0xaf);
    ck_assert_uint_eq(g(BUF + 0x2000, 1), 0xb0);
    ck_assert_uint_eq(g(BUF + 0x2017, 1), 0xc7);
    ck_assert_int_eq(irq_level, 1);
}
END_TEST

START_TEST(p9_chain_without_writable_bytes_needs_reset_and_reset_reaches_the_server)
{
    driver_init();
    ck_assert_uint_eq(srv.resets, 1);   /* driver_init wrote status 0 */
    desc(0, BUF, 12, 0, 0);
    avail_add(0);
    wr(QUEUE_NOTIFY, 0);
    ck_assert_uint_eq(srv.calls, 0);
    ck_assert_uint_eq(rd(STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET, VIRTIO_STATUS_DEVICE_NEEDS_RESET);
    wr(STATUS, 0);
    ck_assert_uint_eq(srv.resets, 2);
}
END_TEST

static Suite *virtio_9p_suite(void)
{
    Suite *s = suite_create("virtio_9p");
    TCase *t = tcase_create("virtio_9p");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, p9_is_device_9_with_the_mount_tag_feature_and_config);
    tcase_add_test(t, p9_request_goes_to_the_server_and_the_reply_to_the_writable_part);
    tcase_add_test(t, p9_chain_without_writable_bytes_needs_reset_and_reset_reaches_the_server);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(virtio_9p_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
