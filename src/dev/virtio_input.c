/* virtio input device after OASIS virtio 1.2, 5.8: configuration space (5.8.4), eventq and statusq
 * (5.8.6), as a keyboard, a relative mouse or an absolute tablet, with Linux evdev codes.
 *
 * Choices:
 * - Identity as QEMU's virtio-input-hid devices (bus BUS_VIRTUAL, vendor 0x0627, products 1/2/3),
 *   no input properties; the keyboard advertises every code KEY_ESC..KEY_MICMUTE (1..248), the
 *   num/caps/scroll LEDs and EV_REP (the guest autorepeats: send press and release only).
 * - Events are delivered in whole reports (up to and including EV_SYN/SYN_REPORT), one event per
 *   eventq buffer; see virtio_input_send for the drop policy.
 * - statusq events are consumed; EV_LED ones update `leds`, others are counted and ignored. */
#include "virtio_input.h"
#include "../util/statebuf.h"

#include <stdio.h>
#include <string.h>

#include "../util/endian.h"

static const char *const kind_names[] = { "keyboard", "mouse", "tablet" };
static const char *const id_names[] = { "vhart virtio keyboard", "vhart virtio mouse", "vhart virtio tablet" };
static const char *const id_serials[] = { "vhart-keyboard", "vhart-mouse", "vhart-tablet" };

static void set_bit(uint8_t *bitmap, unsigned bit) { bitmap[bit / 8] |= (uint8_t)(1u << (bit % 8)); }

/* The codes of event type `type` the flavour reports, as a 128-byte bitmap; returns its length up to
 * the last non-zero byte (0: type not supported). */
static unsigned ev_bits(enum virtio_input_kind kind, unsigned type, uint8_t bitmap[128])
{
    memset(bitmap, 0, 128);
    switch (type) {
    case VIRTIO_INPUT_EV_KEY:
        if (kind == VIRTIO_INPUT_KEYBOARD) {
            for (unsigned k = VIRTIO_INPUT_KEY_ESC; k <= VIRTIO_INPUT_KEY_MICMUTE; k++) set_bit(bitmap, k);
        } else {
            for (unsigned b = VIRTIO_INPUT_BTN_LEFT; b <= VIRTIO_INPUT_BTN_EXTRA; b++) set_bit(bitmap, b);
        }
        break;
    case VIRTIO_INPUT_EV_REL:
        if (kind == VIRTIO_INPUT_MOUSE) {
            set_bit(bitmap, VIRTIO_INPUT_REL_X);
            set_bit(bitmap, VIRTIO_INPUT_REL_Y);
        }
        if (kind != VIRTIO_INPUT_KEYBOARD) set_bit(bitmap, VIRTIO_INPUT_REL_WHEEL);
        break;
    case VIRTIO_INPUT_EV_ABS:
        if (kind == VIRTIO_INPUT_TABLET) {
            set_bit(bitmap, VIRTIO_INPUT_ABS_X);
            set_bit(bitmap, VIRTIO_INPUT_ABS_Y);
        }
        break;
    case VIRTIO_INPUT_EV_LED:
        if (kind == VIRTIO_INPUT_KEYBOARD) {
            set_bit(bitmap, VIRTIO_INPUT_LED_NUML);
            set_bit(bitmap, VIRTIO_INPUT_LED_CAPSL);
            set_bit(bitmap, VIRTIO_INPUT_LED_SCROLLL);
        }
        break;
    case VIRTIO_INPUT_EV_REP:
        if (kind == VIRTIO_INPUT_KEYBOARD) bitmap[0] = 0x03;   /* REP_DELAY, REP_PERIOD */
        break;
    default:
        break;
    }
    unsigned size = 128;
    while (size && !bitmap[size - 1]) size--;
    return size;
}

static bool event_supported(const struct virtio_input *in, uint16_t type, uint16_t code)
{
    if (type == VIRTIO_INPUT_EV_SYN) return code == VIRTIO_INPUT_SYN_REPORT;
    if (type == VIRTIO_INPUT_EV_LED || type == VIRTIO_INPUT_EV_REP) return false;   /* guest-side state */
    if (code >= 128 * 8) return false;
    uint8_t bitmap[128];
    ev_bits(in->kind, type, bitmap);
    return (bitmap[code / 8] >> (code % 8)) & 1;
}

/* Fill the union and size for the current select/subsel (5.8.5: size 0 for anything unsupported). */
static void update_config(struct virtio_input *in)
{
    uint8_t select = in->config[0], subsel = in->config[1];
    uint8_t *u = in->config + VIRTIO_INPUT_CFG_UNION;
    unsigned size = 0;
    memset(u, 0, 128);
    memset(in->config + 2, 0, 6);
    switch (select) {
    case VIRTIO_INPUT_CFG_ID_NAME:
    case VIRTIO_INPUT_CFG_ID_SERIAL: {
        if (subsel) break;
        const char *s = select == VIRTIO_INPUT_CFG_ID_NAME ? id_names[in->kind] : id_serials[in->kind];
        size = (unsigned)strlen(s);
        memcpy(u, s, size);
        break;
    }
    case VIRTIO_INPUT_CFG_ID_DEVIDS:
        if (subsel) break;
        le_store16(u + 0, VIRTIO_INPUT_BUS_VIRTUAL);
        le_store16(u + 2, VIRTIO_INPUT_VENDOR);
        le_store16(u + 4, (uint16_t)(in->kind + 1));   /* product: 1 keyboard, 2 mouse, 3 tablet */
        le_store16(u + 6, 1);                          /* version */
        size = 8;
        break;
    case VIRTIO_INPUT_CFG_PROP_BITS:
        break;   /* no INPUT_PROP_* */
    case VIRTIO_INPUT_CFG_EV_BITS:
        size = ev_bits(in->kind, subsel, u);
        break;
    case VIRTIO_INPUT_CFG_ABS_INFO:
        if (in->kind != VIRTIO_INPUT_TABLET || (subsel != VIRTIO_INPUT_ABS_X && subsel != VIRTIO_INPUT_ABS_Y)) break;
        le_store32(u + 0, 0);   /* min */
        le_store32(u + 4, subsel == VIRTIO_INPUT_ABS_X ? in->abs_max_x : in->abs_max_y);
        le_store32(u + 8, 0);   /* fuzz */
        le_store32(u + 12, 0);  /* flat */
        le_store32(u + 16, 0);  /* res */
        size = 20;
        break;
    default:
        break;
    }
    in->config[2] = (uint8_t)size;
}

void virtio_input_init(struct virtio_input *in, struct virtio_dev *vd, enum virtio_input_kind kind,
                       uint32_t abs_max_x, uint32_t abs_max_y)
{
    memset(in, 0, sizeof(*in));
    in->vd = vd;
    in->kind = kind;
    in->abs_max_x = abs_max_x ? abs_max_x : VIRTIO_INPUT_ABS_DEFAULT_MAX;
    in->abs_max_y = abs_max_y ? abs_max_y : VIRTIO_INPUT_ABS_DEFAULT_MAX;
    update_config(in);
}

/* ---- events ---- */

static bool is_report_end(uint16_t type, uint16_t code)
{
    return type == VIRTIO_INPUT_EV_SYN && code == VIRTIO_INPUT_SYN_REPORT;
}

bool virtio_input_send(struct virtio_input *in, uint16_t type, uint16_t code, uint32_t value)
{
    if (!in->vd || !virtio_queue_usable(in->vd, VIRTIO_INPUT_EVENTQ) || !event_supported(in, type, code)) {
        in->stats.dropped++;
        return false;
    }
    if (in->discarding) {
        in->stats.dropped++;
        if (is_report_end(type, code)) in->discarding = false;
        return false;
    }
    if (in->count == VIRTIO_INPUT_QUEUE_LEN) {
        /* Overflow: drop the unfinished report and this one up to its SYN_REPORT. */
        in->stats.dropped += in->count - in->complete + 1;
        in->count = in->complete;
        in->discarding = !is_report_end(type, code);
        return false;
    }
    struct virtio_input_event_rec *e = &in->queue[(in->head + in->count) % VIRTIO_INPUT_QUEUE_LEN];
    e->type = type;
    e->code = code;
    e->value = value;
    in->count++;
    if (is_report_end(type, code)) in->complete = in->count;
    return true;
}

void virtio_input_flush(struct virtio_input *in)
{
    if (!in->vd || !in->complete || !virtio_queue_usable(in->vd, VIRTIO_INPUT_EVENTQ)) return;
    struct virtio_chain *c = &in->chain;
    bool pushed = false;
    while (in->complete && virtio_queue_pop(in->vd, VIRTIO_INPUT_EVENTQ, c) > 0) {
        pushed = true;
        if (c->in_len < VIRTIO_INPUT_EVENT_SIZE) {   /* cannot hold an event: give it back empty */
            virtio_queue_push(in->vd, VIRTIO_INPUT_EVENTQ, c, 0);
            continue;
        }
        const struct virtio_input_event_rec *e = &in->queue[in->head];
        uint8_t buf[VIRTIO_INPUT_EVENT_SIZE];
        le_store16(buf, e->type);
        le_store16(buf + 2, e->code);
        le_store32(buf + 4, e->value);
        virtio_chain_write(in->vd, c, 0, buf, sizeof(buf));
        virtio_queue_push(in->vd, VIRTIO_INPUT_EVENTQ, c, VIRTIO_INPUT_EVENT_SIZE);
        in->head = (in->head + 1) % VIRTIO_INPUT_QUEUE_LEN;
        in->count--;
        in->complete--;
        in->stats.delivered++;
    }
    if (pushed) virtio_queue_notify_driver(in->vd, VIRTIO_INPUT_EVENTQ);
}

unsigned virtio_input_pending(const struct virtio_input *in) { return in->count; }

/* The driver's status events (LEDs): consume every buffer, remember LED state. */
static void drain_status(struct virtio_input *in, struct virtio_dev *vd)
{
    struct virtio_chain *c = &in->chain;
    bool pushed = false;
    while (virtio_queue_pop(vd, VIRTIO_INPUT_STATUSQ, c) > 0) {
        uint8_t buf[VIRTIO_INPUT_EVENT_SIZE];
        for (uint64_t off = 0; off + VIRTIO_INPUT_EVENT_SIZE <= c->out_len; off += VIRTIO_INPUT_EVENT_SIZE) {
            virtio_chain_read(c, off, buf, sizeof(buf));
            uint16_t type = le_load16(buf), code = le_load16(buf + 2);
            uint32_t value = le_load32(buf + 4);
            in->stats.status_events++;
            if (type == VIRTIO_INPUT_EV_LED && code < 16) {
                if (value) in->leds = (uint16_t)(in->leds | (1u << code));
                else in->leds = (uint16_t)(in->leds & ~(1u << code));
            }
        }
        virtio_queue_push(vd, VIRTIO_INPUT_STATUSQ, c, 0);
        pushed = true;
    }
    if (pushed) virtio_queue_notify_driver(vd, VIRTIO_INPUT_STATUSQ);
}

/* ---- transport callbacks ---- */

static uint64_t input_features(void *opaque)
{
    (void)opaque;
    return 0;
}

static uint8_t *input_config(void *opaque, uint32_t *size)
{
    struct virtio_input *in = opaque;
    *size = VIRTIO_INPUT_CONFIG_SIZE;
    return in->config;
}

/* Only select (offset 0) and subsel (offset 1) are driver-writable. */
static void input_config_write(void *opaque, uint32_t offset, unsigned size, uint64_t value)
{
    struct virtio_input *in = opaque;
    bool changed = false;
    for (unsigned i = 0; i < size && i < 8; i++) {
        uint32_t at = offset + i;
        if (at > 1) break;
        in->config[at] = (uint8_t)(value >> (8 * i));
        changed = true;
    }
    if (changed) update_config(in);
}

static void input_queue_notify(void *opaque, struct virtio_dev *vd, unsigned q)
{
    struct virtio_input *in = opaque;
    if (!in->vd) in->vd = vd;
    if (q == VIRTIO_INPUT_EVENTQ) virtio_input_flush(in);
    else if (q == VIRTIO_INPUT_STATUSQ) drain_status(in, vd);
}

static void input_reset(void *opaque)
{
    struct virtio_input *in = opaque;
    in->stats.dropped += in->count;
    in->head = in->count = in->complete = 0;
    in->discarding = false;
    in->leds = 0;
    in->config[0] = in->config[1] = 0;
    update_config(in);
}

const struct virtio_device_ops virtio_input_ops = {
    .name = "virtio-input",
    .device_id = VIRTIO_ID_INPUT,
    .num_queues = VIRTIO_INPUT_NUM_QUEUES,
    .features = input_features,
    .set_features = NULL,
    .config = input_config,
    .config_write = input_config_write,
    .queue_notify = input_queue_notify,
    .reset = input_reset,
};

void virtio_input_describe(const struct virtio_input *in, char *buf, size_t len)
{
    int n = snprintf(buf, len, "virtio-input %s", kind_names[in->kind]);
    if (n < 0 || (size_t)n >= len) return;
    size_t at = (size_t)n;
    if (in->kind == VIRTIO_INPUT_TABLET)
        at += (size_t)snprintf(buf + at, len - at, " abs-max %u,%u", (unsigned)in->abs_max_x, (unsigned)in->abs_max_y);
    if (at < len && in->kind == VIRTIO_INPUT_KEYBOARD)
        at += (size_t)snprintf(buf + at, len - at, " leds%s%s%s", in->leds & 1 ? " num" : "",
                               in->leds & 2 ? " caps" : "", in->leds & 4 ? " scroll" : "");
    if (at < len)
        snprintf(buf + at, len - at, "; %u queued; %llu delivered, %llu dropped, %llu status events", in->count,
                 (unsigned long long)in->stats.delivered, (unsigned long long)in->stats.dropped,
                 (unsigned long long)in->stats.status_events);
}

void virtio_input_save(const struct virtio_input *in, struct state_writer *w)
{
    state_put_bytes(w, in->config, sizeof(in->config));
    state_put_u16(w, in->leds);
    state_put_u32(w, in->head);
    state_put_u32(w, in->count);
    state_put_u32(w, in->complete);
    state_put_bool(w, in->discarding);
    for (unsigned i = 0; i < in->count; i++) {
        const struct virtio_input_event_rec *e = &in->queue[(in->head + i) % VIRTIO_INPUT_QUEUE_LEN];
        state_put_u16(w, e->type);
        state_put_u16(w, e->code);
        state_put_u32(w, e->value);
    }
    state_put_u64(w, in->stats.delivered);
    state_put_u64(w, in->stats.dropped);
    state_put_u64(w, in->stats.status_events);
}

void virtio_input_load(struct virtio_input *in, struct state_reader *r)
{
    state_get_bytes(r, in->config, sizeof(in->config));
    in->leds = state_get_u16(r);
    uint32_t head = state_get_u32(r), count = state_get_u32(r), complete = state_get_u32(r);
    in->discarding = state_get_bool(r);
    if (!r->failed && (head >= VIRTIO_INPUT_QUEUE_LEN || count > VIRTIO_INPUT_QUEUE_LEN || complete > count)) {
        state_reader_fail(r, "virtio-input queue %u/%u/%u out of range", head, count, complete);
        head = count = complete = 0;
    }
    in->head = head;
    in->count = count;
    in->complete = complete;
    for (unsigned i = 0; i < count; i++) {
        struct virtio_input_event_rec *e = &in->queue[(head + i) % VIRTIO_INPUT_QUEUE_LEN];
        e->type = state_get_u16(r);
        e->code = state_get_u16(r);
        e->value = state_get_u32(r);
    }
    in->stats.delivered = state_get_u64(r);
    in->stats.dropped = state_get_u64(r);
    in->stats.status_events = state_get_u64(r);
}
