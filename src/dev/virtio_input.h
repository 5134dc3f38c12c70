/* virtio input device (OASIS virtio 1.2, 5.8): eventq/statusq, the select/subsel configuration
 * space, and three flavours (keyboard, relative mouse, absolute tablet) reporting Linux evdev codes. */
#ifndef VHART_DEV_VIRTIO_INPUT_H
#define VHART_DEV_VIRTIO_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "virtio.h"

struct state_writer;
struct state_reader;

enum { VIRTIO_INPUT_EVENTQ = 0, VIRTIO_INPUT_STATUSQ = 1, VIRTIO_INPUT_NUM_QUEUES = 2 };

/* Configuration selectors (5.8.4). */
enum {
    VIRTIO_INPUT_CFG_UNSET = 0x00,
    VIRTIO_INPUT_CFG_ID_NAME = 0x01,
    VIRTIO_INPUT_CFG_ID_SERIAL = 0x02,
    VIRTIO_INPUT_CFG_ID_DEVIDS = 0x03,
    VIRTIO_INPUT_CFG_PROP_BITS = 0x10,
    VIRTIO_INPUT_CFG_EV_BITS = 0x11,
    VIRTIO_INPUT_CFG_ABS_INFO = 0x12,
};

/* struct virtio_input_config: u8 select, u8 subsel, u8 size, u8 reserved[5], then a 128-byte union
 * (string, bitmap, virtio_input_absinfo {le32 min, max, fuzz, flat, res}, virtio_input_devids
 * {le16 bustype, vendor, product, version}). */
#define VIRTIO_INPUT_CONFIG_SIZE 136u
#define VIRTIO_INPUT_CFG_UNION 8u
/* struct virtio_input_event (5.8.6): le16 type, le16 code, le32 value. */
#define VIRTIO_INPUT_EVENT_SIZE 8u

/* Linux evdev codes (include/uapi/linux/input-event-codes.h) the flavours use. The guest sees
 * Linux key codes: a frontend maps host keys to KEY_* values 1..248. */
enum {
    VIRTIO_INPUT_EV_SYN = 0x00, VIRTIO_INPUT_EV_KEY = 0x01, VIRTIO_INPUT_EV_REL = 0x02,
    VIRTIO_INPUT_EV_ABS = 0x03, VIRTIO_INPUT_EV_MSC = 0x04, VIRTIO_INPUT_EV_LED = 0x11,
    VIRTIO_INPUT_EV_REP = 0x14,
    VIRTIO_INPUT_SYN_REPORT = 0,
    VIRTIO_INPUT_KEY_ESC = 1, VIRTIO_INPUT_KEY_1 = 2, VIRTIO_INPUT_KEY_0 = 11,
    VIRTIO_INPUT_KEY_BACKSPACE = 14, VIRTIO_INPUT_KEY_TAB = 15, VIRTIO_INPUT_KEY_Q = 16,
    VIRTIO_INPUT_KEY_ENTER = 28, VIRTIO_INPUT_KEY_LEFTCTRL = 29, VIRTIO_INPUT_KEY_A = 30,
    VIRTIO_INPUT_KEY_LEFTSHIFT = 42, VIRTIO_INPUT_KEY_Z = 44, VIRTIO_INPUT_KEY_SPACE = 57,
    VIRTIO_INPUT_KEY_F1 = 59, VIRTIO_INPUT_KEY_UP = 103, VIRTIO_INPUT_KEY_LEFT = 105,
    VIRTIO_INPUT_KEY_RIGHT = 106, VIRTIO_INPUT_KEY_DOWN = 108, VIRTIO_INPUT_KEY_MICMUTE = 248,
    VIRTIO_INPUT_BTN_LEFT = 0x110, VIRTIO_INPUT_BTN_RIGHT = 0x111, VIRTIO_INPUT_BTN_MIDDLE = 0x112,
    VIRTIO_INPUT_BTN_SIDE = 0x113, VIRTIO_INPUT_BTN_EXTRA = 0x114,
    VIRTIO_INPUT_REL_X = 0x00, VIRTIO_INPUT_REL_Y = 0x01, VIRTIO_INPUT_REL_WHEEL = 0x08,
    VIRTIO_INPUT_ABS_X = 0x00, VIRTIO_INPUT_ABS_Y = 0x01,
    VIRTIO_INPUT_LED_NUML = 0, VIRTIO_INPUT_LED_CAPSL = 1, VIRTIO_INPUT_LED_SCROLLL = 2,
};

/* Identity reported through ID_DEVIDS (as QEMU's virtio-input-hid devices). */
#define VIRTIO_INPUT_BUS_VIRTUAL 0x06u
#define VIRTIO_INPUT_VENDOR 0x0627u
/* The tablet's default axis maximum (both axes), as QEMU's. */
#define VIRTIO_INPUT_ABS_DEFAULT_MAX 32767u

/* Events waiting for guest buffers. */
#define VIRTIO_INPUT_QUEUE_LEN 256u

enum virtio_input_kind {
    VIRTIO_INPUT_KEYBOARD,   /* EV_KEY 1..248 (KEY_ESC..KEY_MICMUTE), EV_LED num/caps/scroll, EV_REP */
    VIRTIO_INPUT_MOUSE,      /* EV_KEY BTN_LEFT..BTN_EXTRA, EV_REL X/Y/WHEEL */
    VIRTIO_INPUT_TABLET,     /* EV_KEY BTN_LEFT..BTN_EXTRA, EV_REL WHEEL, EV_ABS X/Y in [0, max] */
};

struct virtio_input_event_rec {
    uint16_t type, code;
    uint32_t value;
};

struct virtio_input_stats {
    uint64_t delivered;      /* events written to guest buffers */
    uint64_t dropped;        /* events refused (driver not running, queue full) or discarded */
    uint64_t status_events;  /* events the driver sent on statusq */
};

struct virtio_input {
    struct virtio_dev *vd;
    enum virtio_input_kind kind;
    uint32_t abs_max_x, abs_max_y;
    uint8_t config[VIRTIO_INPUT_CONFIG_SIZE];
    uint16_t leds;           /* LED state last set by the driver (bit n = LED code n) */
    /* Pending events: a ring that holds whole reports plus the one being built. */
    struct virtio_input_event_rec queue[VIRTIO_INPUT_QUEUE_LEN];
    unsigned head, count;
    unsigned complete;       /* queued events up to and including the last SYN_REPORT */
    bool discarding;         /* after an overflow, drop events up to the next SYN_REPORT */
    struct virtio_input_stats stats;
    struct virtio_chain chain;
};

extern const struct virtio_device_ops virtio_input_ops;

/* Set up a device of the given kind for the transport slot vd (pass the same struct to
 * virtio_mmio_init with &virtio_input_ops and `in` as the device opaque). abs_max_x/abs_max_y are
 * the tablet's axis maxima (e.g. framebuffer width-1 and height-1; 0 means
 * VIRTIO_INPUT_ABS_DEFAULT_MAX) and are ignored by the other kinds. */
void virtio_input_init(struct virtio_input *in, struct virtio_dev *vd, enum virtio_input_kind kind,
                       uint32_t abs_max_x, uint32_t abs_max_y);

/* Queue one event (Linux evdev type/code/value; end each report with EV_SYN/SYN_REPORT/0) for
 * delivery by virtio_input_flush. Drop policy: returns false and discards the event while the
 * driver is not running (no stale input at driver start), and when the queue is full; an overflow
 * also discards the unfinished report already queued and everything up to the next SYN_REPORT, so
 * the guest only ever receives whole reports (a lost key release may leave a key held). Events of
 * a type/code the flavour does not advertise are dropped too. Value is as evdev: for keys
 * 1 = press, 0 = release (the guest autorepeats, EV_REP being advertised). */
bool virtio_input_send(struct virtio_input *in, uint16_t type, uint16_t code, uint32_t value);

/* Move queued events into the driver's eventq buffers (one 8-byte event per buffer, in order) and
 * interrupt it. Events wait in the queue while the driver has no buffers. Called by the machine
 * loop after sending, and by the device itself when the driver posts buffers. */
void virtio_input_flush(struct virtio_input *in);

/* Number of events queued and not yet delivered. */
unsigned virtio_input_pending(const struct virtio_input *in);

/* One line: kind, LED state, queue and counters. */
void virtio_input_describe(const struct virtio_input *in, char *buf, size_t len);

/* Snapshot: LEDs, the configuration selector, queued events and counters. */
void virtio_input_save(const struct virtio_input *in, struct state_writer *w);
void virtio_input_load(struct virtio_input *in, struct state_reader *r);

#endif
