/* Unit tests for src/dev/virtio_input.c (virtio 1.2, 5.8) behind the real virtio-mmio transport:
 * configuration space queries through the registers, events into hand-built eventq buffers, the
 * pending-event queue and its drop policy, LED reports on statusq. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev/virtio.h"
#include "dev/virtio_input.h"
#include "mem/bus.h"
#include "util/endian.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (16ull << 20)
#define SLOT 0x10001000ull
#define QSIZE 16u
#define BUFS (RAM_BASE + 0x100000ull)

enum {
    R_MAGIC = 0x000, R_VERSION = 0x004, R_DEVICE_ID = 0x008, R_DEV_FEATURES = 0x010, R_DEV_FEATURES_SEL = 0x014,
    R_DRV_FEATURES = 0x020, R_DRV_FEATURES_SEL = 0x024, R_QUEUE_SEL = 0x030, R_QUEUE_NUM = 0x038,
    R_QUEUE_READY = 0x044, R_QUEUE_NOTIFY = 0x050, R_INT_STATUS = 0x060, R_STATUS = 0x070, R_DESC_LO = 0x080,
    R_DRIVER_LO = 0x090, R_DEVICE_LO = 0x0a0, R_CONFIG = 0x100,
};

struct vq {
    uint64_t desc, avail, used;
    uint16_t avail_idx, next_desc;
};

static struct bus bus;
static struct virtio_dev vd;
static struct virtio_input *inp;
static struct vq vqs[2];
static int irq_level;

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

/* The driver's query (Linux virtinput_cfg_select): select, subsel as byte writes, then size. */
static unsigned cfg_select(uint8_t select, uint8_t subsel)
{
    ck_assert_int_eq(bus_write(&bus, SLOT + R_CONFIG + 0, 1, select), 0);
    ck_assert_int_eq(bus_write(&bus, SLOT + R_CONFIG + 1, 1, subsel), 0);
    return (unsigned)cfg_rd(2, 1);
}

static void cfg_bytes(uint8_t *out, unsigned n)
{
    for (unsigned i = 0; i < n; i++) out[i] = (uint8_t)cfg_rd(8 + i, 1);
}

static void make_device(enum virtio_input_kind kind, uint32_t max_x, uint32_t max_y)
{
    memset(inp, 0xa5, sizeof(*inp));
    virtio_input_init(inp, &vd, kind, max_x, max_y);
    virtio_mmio_init(&vd, &bus, &virtio_input_ops, inp, set_irq, &vd);
}

static void setup(void)
{
    bus_init(&bus);
    ck_assert_ptr_nonnull(bus_add_memory(&bus, "ram", RAM_BASE, RAM_SIZE, false));
    inp = malloc(sizeof(*inp));
    ck_assert_ptr_nonnull(inp);
    make_device(VIRTIO_INPUT_KEYBOARD, 0, 0);
    ck_assert_ptr_nonnull(bus_add_device(&bus, "virtio0", SLOT, 0x1000, &virtio_mmio_ops, &vd));
    memset(vqs, 0, sizeof(vqs));
    irq_level = 0;
}

static void teardown(void)
{
    free(inp);
    bus_destroy(&bus);
}

static void driver_start(void)
{
    wr(R_STATUS, 0);
    wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
    wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    wr(R_DRV_FEATURES_SEL, 1);
    wr(R_DRV_FEATURES, 1);   /* VERSION_1 */
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
        wr(R_QUEUE_NUM, QSIZE);
        wr(R_DESC_LO, (uint32_t)v->desc);
        wr(R_DRIVER_LO, (uint32_t)v->avail);
        wr(R_DEVICE_LO, (uint32_t)v->used);
        wr(R_QUEUE_READY, 1);
    }
    wr(R_STATUS, st | VIRTIO_STATUS_DRIVER_OK);
}

/* One-descriptor buffer. Returns the head. */
static uint16_t add_buffer(unsigned q, uint64_t addr, uint32_t len, bool write)
{
    struct vq *v = &vqs[q];
    uint16_t d = v->next_desc;
    uint8_t *p = ram(v->desc + 16ull * d, 16);
    le_store64(p, addr);
    le_store32(p + 8, len);
    le_store16(p + 12, write ? 2 : 0);
    le_store16(p + 14, 0);
    v->next_desc = (uint16_t)((d + 1) % QSIZE);
    le_store16(ram(v->avail + 4 + 2ull * (v->avail_idx % QSIZE), 2), d);
    v->avail_idx++;
    le_store16(ram(v->avail + 2, 2), v->avail_idx);
    return d;
}

/* n 8-byte event buffers at BUFS + 16*i. */
static void post_event_buffers(unsigned n, unsigned first)
{
    for (unsigned i = first; i < first + n; i++) {
        memset(ram(BUFS + 16ull * i, 16), 0xee, 16);
        add_buffer(VIRTIO_INPUT_EVENTQ, BUFS + 16ull * i, 8, true);
    }
}

static uint16_t used_idx(unsigned q) { return le_load16(ram(vqs[q].used + 2, 2)); }

static void used_elem(unsigned q, unsigned i, uint32_t *id, uint32_t *len)
{
    const uint8_t *e = ram(vqs[q].used + 4 + 8ull * (i % QSIZE), 8);
    *id = le_load32(e);
    *len = le_load32(e + 4);
}

static void check_event(unsigned i, uint16_t type, uint16_t code, uint32_t value)
{
    const uint8_t *e = ram(BUFS + 16ull * i, 8);
    ck_assert_uint_eq(le_load16(e), type);
    ck_assert_uint_eq(le_load16(e + 2), code);
    ck_assert_uint_eq(le_load32(e + 4), value);
}

START_TEST(input_registers_identify_an_input_device_with_no_device_features)
{
    ck_assert_uint_eq(rd(R_MAGIC), 0x74726976);
    ck_assert_uint_eq(rd(R_VERSION), 2);
    ck_assert_uint_eq(rd(R_DEVICE_ID), 18);
    wr(R_DEV_FEATURES_SEL, 0);
    ck_assert_uint_eq(rd(R_DEV_FEATURES), 0x30000000u);   /* transport's INDIRECT_DESC, EVENT_IDX only */
    wr(R_DEV_FEATURES_SEL, 1);
    ck_assert_uint_eq(rd(R_DEV_FEATURES), 1u);
}
END_TEST

START_TEST(input_config_name_serial_and_devids_for_each_kind)
{
    static const char *names[] = { "vhart virtio keyboard", "vhart virtio mouse", "vhart virtio tablet" };
    static const char *serials[] = { "vhart-keyboard", "vhart-mouse", "vhart-tablet" };
    for (unsigned k = 0; k < 3; k++) {
        make_device((enum virtio_input_kind)k, 0, 0);
        char s[129] = { 0 };
        ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ID_NAME, 0), strlen(names[k]));
        cfg_bytes((uint8_t *)s, 128);
        ck_assert_str_eq(s, names[k]);
        ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ID_SERIAL, 0), strlen(serials[k]));
        cfg_bytes((uint8_t *)s, 128);
        ck_assert_str_eq(s, serials[k]);
        ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ID_DEVIDS, 0), 8);
        ck_assert_uint_eq(cfg_rd(8, 2), 0x06);     /* BUS_VIRTUAL */
        ck_assert_uint_eq(cfg_rd(10, 2), 0x0627);  /* vendor */
        ck_assert_uint_eq(cfg_rd(12, 2), k + 1);   /* product */
        ck_assert_uint_eq(cfg_rd(14, 2), 1);       /* version */
    }
}
END_TEST

START_TEST(input_keyboard_ev_bits_for_ev_key_cover_key_esc_to_key_micmute)
{
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_KEY), 32);
    uint8_t bm[128];
    cfg_bytes(bm, 128);
    ck_assert_uint_eq(bm[0], 0xfe);   /* codes 1..7; code 0 (KEY_RESERVED) not */
    ck_assert_uint_eq((bm[VIRTIO_INPUT_KEY_A / 8] >> (VIRTIO_INPUT_KEY_A % 8)) & 1, 1);
    for (unsigned i = 1; i < 31; i++) ck_assert_uint_eq(bm[i], 0xff);
    ck_assert_uint_eq(bm[31], 0x01);  /* KEY_MICMUTE = 248 */
    for (unsigned i = 32; i < 128; i++) ck_assert_uint_eq(bm[i], 0);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_LED), 1);
    ck_assert_uint_eq(cfg_rd(8, 1), 0x07);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_REP), 1);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_REL), 0);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_ABS), 0);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ABS_INFO, VIRTIO_INPUT_ABS_X), 0);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_PROP_BITS, 0), 0);
}
END_TEST

START_TEST(input_mouse_ev_bits_report_buttons_and_relative_axes)
{
    make_device(VIRTIO_INPUT_MOUSE, 0, 0);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_REL), 2);
    ck_assert_uint_eq(cfg_rd(8, 2), 0x0103);   /* REL_X, REL_Y; REL_WHEEL (8) */
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_KEY), 35);
    uint8_t bm[128];
    cfg_bytes(bm, 128);
    for (unsigned i = 0; i < 34; i++) ck_assert_uint_eq(bm[i], 0);
    ck_assert_uint_eq(bm[34], 0x1f);   /* BTN_LEFT 0x110 .. BTN_EXTRA 0x114 */
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_ABS), 0);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_LED), 0);
}
END_TEST

START_TEST(input_tablet_reports_abs_info_with_the_configured_maxima)
{
    make_device(VIRTIO_INPUT_TABLET, 1023, 767);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_ABS), 1);
    ck_assert_uint_eq(cfg_rd(8, 1), 0x03);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_EV_BITS, VIRTIO_INPUT_EV_REL), 2);
    ck_assert_uint_eq(cfg_rd(8, 2), 0x0100);   /* REL_WHEEL only */
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ABS_INFO, VIRTIO_INPUT_ABS_X), 20);
    ck_assert_uint_eq(cfg_rd(8, 4), 0);       /* min */
    ck_assert_uint_eq(cfg_rd(12, 4), 1023);   /* max */
    ck_assert_uint_eq(cfg_rd(16, 4), 0);      /* fuzz */
    ck_assert_uint_eq(cfg_rd(20, 4), 0);      /* flat */
    ck_assert_uint_eq(cfg_rd(24, 4), 0);      /* res */
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ABS_INFO, VIRTIO_INPUT_ABS_Y), 20);
    ck_assert_uint_eq(cfg_rd(12, 4), 767);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ABS_INFO, 2), 0);
    make_device(VIRTIO_INPUT_TABLET, 0, 0);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ABS_INFO, VIRTIO_INPUT_ABS_Y), 20);
    ck_assert_uint_eq(cfg_rd(12, 4), 32767);
}
END_TEST

START_TEST(input_unknown_selector_reads_size_zero_and_a_zero_union)
{
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ID_NAME, 0), 21);
    ck_assert_uint_eq(cfg_select(0x7f, 0), 0);
    for (unsigned i = 0; i < 128; i += 8) ck_assert_uint_eq(cfg_rd(8 + i, 8), 0);
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ID_NAME, 1), 0);   /* ID_NAME takes subsel 0 only */
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_UNSET, 0), 0);
    /* select/subsel read back; a wide write sets both. */
    ck_assert_int_eq(bus_write(&bus, SLOT + R_CONFIG, 2, 0x0111), 0);
    ck_assert_uint_eq(cfg_rd(0, 1), 0x11);
    ck_assert_uint_eq(cfg_rd(1, 1), 0x01);
    ck_assert_uint_eq(cfg_rd(2, 1), 32);
}
END_TEST

START_TEST(input_events_arrive_in_order_as_8_byte_records)
{
    driver_start();
    post_event_buffers(4, 0);
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_KEY_A, 1));
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0));
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_KEY_A, 0));
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0));
    ck_assert_uint_eq(used_idx(VIRTIO_INPUT_EVENTQ), 0);   /* nothing before the flush */
    virtio_input_flush(inp);
    ck_assert_uint_eq(used_idx(VIRTIO_INPUT_EVENTQ), 4);
    for (unsigned i = 0; i < 4; i++) {
        uint32_t id, len;
        used_elem(VIRTIO_INPUT_EVENTQ, i, &id, &len);
        ck_assert_uint_eq(id, i);
        ck_assert_uint_eq(len, 8);
    }
    const uint8_t want0[8] = { 0x01, 0x00, 0x1e, 0x00, 0x01, 0x00, 0x00, 0x00 };
    ck_assert_mem_eq(ram(BUFS, 8), want0, 8);
    ck_assert_uint_eq(*ram(BUFS + 8, 1), 0xee);   /* only 8 bytes written */
    check_event(1, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0);
    check_event(2, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_KEY_A, 0);
    check_event(3, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0);
    ck_assert_uint_eq(rd(R_INT_STATUS), 1);
    ck_assert_int_eq(irq_level, 1);
    ck_assert_uint_eq(virtio_input_pending(inp), 0);
    ck_assert_uint_eq(inp->stats.delivered, 4);
}
END_TEST

START_TEST(input_events_wait_while_no_buffers_and_go_when_the_driver_posts_some)
{
    make_device(VIRTIO_INPUT_TABLET, 1023, 767);
    driver_start();
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_ABS, VIRTIO_INPUT_ABS_X, 100));
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_ABS, VIRTIO_INPUT_ABS_Y, 200));
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0));
    virtio_input_flush(inp);
    ck_assert_uint_eq(virtio_input_pending(inp), 3);
    ck_assert_uint_eq(rd(R_INT_STATUS), 0);
    post_event_buffers(2, 0);
    wr(R_QUEUE_NOTIFY, VIRTIO_INPUT_EVENTQ);   /* the device flushes on the driver's kick */
    ck_assert_uint_eq(used_idx(VIRTIO_INPUT_EVENTQ), 2);
    ck_assert_uint_eq(virtio_input_pending(inp), 1);
    check_event(0, VIRTIO_INPUT_EV_ABS, VIRTIO_INPUT_ABS_X, 100);
    check_event(1, VIRTIO_INPUT_EV_ABS, VIRTIO_INPUT_ABS_Y, 200);
    post_event_buffers(1, 2);
    wr(R_QUEUE_NOTIFY, VIRTIO_INPUT_EVENTQ);
    ck_assert_uint_eq(used_idx(VIRTIO_INPUT_EVENTQ), 3);
    check_event(2, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0);
    ck_assert_uint_eq(virtio_input_pending(inp), 0);
}
END_TEST

START_TEST(input_an_unfinished_report_waits_for_its_syn_report)
{
    make_device(VIRTIO_INPUT_MOUSE, 0, 0);
    driver_start();
    post_event_buffers(4, 0);
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_X, (uint32_t)-5));
    virtio_input_flush(inp);
    ck_assert_uint_eq(used_idx(VIRTIO_INPUT_EVENTQ), 0);
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0));
    virtio_input_flush(inp);
    ck_assert_uint_eq(used_idx(VIRTIO_INPUT_EVENTQ), 2);
    check_event(0, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_X, 0xfffffffbu);
}
END_TEST

START_TEST(input_events_before_driver_ok_or_unsupported_are_refused)
{
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_KEY_A, 1));
    driver_start();
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_X, 1));     /* keyboard */
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_BTN_LEFT, 1));  /* not a key */
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, 0, 1));                       /* KEY_RESERVED */
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_LED, VIRTIO_INPUT_LED_CAPSL, 1));
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_KEY_MICMUTE, 1));
    ck_assert_uint_eq(virtio_input_pending(inp), 1);
    ck_assert_uint_eq(inp->stats.dropped, 5);
}
END_TEST

START_TEST(input_overflow_drops_the_unfinished_report_and_the_rest_of_it)
{
    make_device(VIRTIO_INPUT_MOUSE, 0, 0);
    driver_start();
    for (unsigned i = 0; i < 85; i++) {   /* 255 queued events in whole reports */
        ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_X, i));
        ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_Y, i));
        ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0));
    }
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_X, 1000));    /* 256th */
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_Y, 1000));   /* overflow */
    ck_assert_uint_eq(virtio_input_pending(inp), 255);
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_WHEEL, 1));
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0));
    ck_assert_uint_eq(inp->stats.dropped, 4);
    /* The next report is queued again. */
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_BTN_LEFT, 1));
    ck_assert_uint_eq(virtio_input_pending(inp), 256);
    post_event_buffers(QSIZE, 0);
    virtio_input_flush(inp);
    ck_assert_uint_eq(used_idx(VIRTIO_INPUT_EVENTQ), QSIZE);
    check_event(0, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_X, 0);
    check_event(4, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_Y, 1);
    ck_assert_uint_eq(virtio_input_pending(inp), 256 - QSIZE);
}
END_TEST

START_TEST(input_status_queue_led_events_are_recorded_and_the_buffers_returned)
{
    driver_start();
    uint8_t ev[16];
    le_store16(ev, VIRTIO_INPUT_EV_LED);
    le_store16(ev + 2, VIRTIO_INPUT_LED_CAPSL);
    le_store32(ev + 4, 1);
    le_store16(ev + 8, VIRTIO_INPUT_EV_LED);
    le_store16(ev + 10, VIRTIO_INPUT_LED_NUML);
    le_store32(ev + 12, 1);
    memcpy(ram(BUFS + 0x1000, 16), ev, 16);
    uint16_t head = add_buffer(VIRTIO_INPUT_STATUSQ, BUFS + 0x1000, 16, false);
    wr(R_QUEUE_NOTIFY, VIRTIO_INPUT_STATUSQ);
    ck_assert_uint_eq(inp->leds, 0x3);
    ck_assert_uint_eq(used_idx(VIRTIO_INPUT_STATUSQ), 1);
    uint32_t id, len;
    used_elem(VIRTIO_INPUT_STATUSQ, 0, &id, &len);
    ck_assert_uint_eq(id, head);
    ck_assert_uint_eq(len, 0);
    le_store32(ev + 4, 0);   /* caps lock off */
    memcpy(ram(BUFS + 0x1000, 8), ev, 8);
    add_buffer(VIRTIO_INPUT_STATUSQ, BUFS + 0x1000, 8, false);
    wr(R_QUEUE_NOTIFY, VIRTIO_INPUT_STATUSQ);
    ck_assert_uint_eq(inp->leds, 0x1);
    ck_assert_uint_eq(inp->stats.status_events, 3);
    char buf[160];
    virtio_input_describe(inp, buf, sizeof(buf));
    ck_assert_str_eq(buf, "virtio-input keyboard leds num; 0 queued; 0 delivered, 0 dropped, 3 status events");
}
END_TEST

START_TEST(input_reset_discards_queued_events_and_selection)
{
    driver_start();
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_KEY_ENTER, 1));
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0));
    ck_assert_uint_eq(cfg_select(VIRTIO_INPUT_CFG_ID_NAME, 0), 21);
    wr(R_STATUS, 0);
    ck_assert_uint_eq(virtio_input_pending(inp), 0);
    ck_assert_uint_eq(cfg_rd(0, 4), 0);
    ck_assert_uint_eq(inp->stats.dropped, 2);
}
END_TEST

START_TEST(input_describe_names_the_tablet_range)
{
    make_device(VIRTIO_INPUT_TABLET, 1279, 799);
    char buf[160];
    virtio_input_describe(inp, buf, sizeof(buf));
    ck_assert_str_eq(buf, "virtio-input tablet abs-max 1279,799; 0 queued; 0 delivered, 0 dropped, 0 status events");
    char small[8];
    virtio_input_describe(inp, small, sizeof(small));
    ck_assert_str_eq(small, "virtio-");
}
END_TEST

START_TEST(input_machine_reset_forgets_the_live_queue_so_later_events_leave_ram_alone)
{
    driver_start();
    post_event_buffers(4, 0);
    uint8_t before[0x3000 + 64];
    memcpy(before, ram(vqs[0].desc, 0x3000), 0x3000);
    memcpy(before + 0x3000, ram(BUFS, 64), 64);
    ck_assert(virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_KEY_A, 1));
    virtio_mmio_reset(&vd);   /* the machine reboots: the new kernel's memory is where the ring was */
    ck_assert_uint_eq(rd(R_STATUS), 0);
    ck_assert_uint_eq(rd(R_INT_STATUS), 0);
    ck_assert_int_eq(irq_level, 0);
    ck_assert_uint_eq(virtio_input_pending(inp), 0);
    wr(R_QUEUE_SEL, VIRTIO_INPUT_EVENTQ);
    ck_assert_uint_eq(rd(R_QUEUE_READY), 0);
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_KEY, VIRTIO_INPUT_KEY_Z, 1));
    ck_assert(!virtio_input_send(inp, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0));
    virtio_input_flush(inp);
    ck_assert_mem_eq(ram(vqs[0].desc, 0x3000), before, 0x3000);
    ck_assert_mem_eq(ram(BUFS, 64), before + 0x3000, 64);
    ck_assert_int_eq(irq_level, 0);
}
END_TEST

static Suite *input_suite(void)
{
    Suite *s = suite_create("virtio_input");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, input_registers_identify_an_input_device_with_no_device_features);
    tcase_add_test(t, input_config_name_serial_and_devids_for_each_kind);
    tcase_add_test(t, input_keyboard_ev_bits_for_ev_key_cover_key_esc_to_key_micmute);
    tcase_add_test(t, input_mouse_ev_bits_report_buttons_and_relative_axes);
    tcase_add_test(t, input_tablet_reports_abs_info_with_the_configured_maxima);
    tcase_add_test(t, input_unknown_selector_reads_size_zero_and_a_zero_union);
    tcase_add_test(t, input_events_arrive_in_order_as_8_byte_records);
    tcase_add_test(t, input_events_wait_while_no_buffers_and_go_when_the_driver_posts_some);
    tcase_add_test(t, input_an_unfinished_report_waits_for_its_syn_report);
    tcase_add_test(t, input_events_before_driver_ok_or_unsupported_are_refused);
    tcase_add_test(t, input_overflow_drops_the_unfinished_report_and_the_rest_of_it);
    tcase_add_test(t, input_status_queue_led_events_are_recorded_and_the_buffers_returned);
    tcase_add_test(t, input_reset_discards_queued_events_and_selection);
    tcase_add_test(t, input_describe_names_the_tablet_range);
    tcase_add_test(t, input_machine_reset_forgets_the_live_queue_so_later_events_leave_ram_alone);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(input_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
