/* Goldfish RTC after the Android emulator's goldfish virtual hardware description (GOLDFISH-VIRTUAL-
 * HARDWARE.TXT, "goldfish_rtc"), with the register set of QEMU's google,goldfish-rtc that Linux's
 * drivers/rtc/rtc-goldfish.c drives: TIME_LOW/HIGH, ALARM_LOW/HIGH, IRQ_ENABLED, CLEAR_ALARM,
 * ALARM_STATUS, CLEAR_INTERRUPT.
 *
 * - Reading TIME_LOW samples the clock once and latches bits 63:32 for the next TIME_HIGH read.
 * - Writing TIME_HIGH or TIME_LOW replaces those bits of the current time (the difference goes into an
 *   offset over the host clock). A TIME_LOW write that follows a TIME_HIGH write uses the written high
 *   word, so Linux's set_time (HIGH then LOW) lands exactly even if the low word wraps in between.
 * - Writing ALARM_LOW arms the alarm at ALARM_HIGH:ALARM_LOW; an alarm already due fires at once. A fired
 *   alarm disarms itself (ALARM_STATUS 0) and sets an interrupt that holds the line high while IRQ_ENABLED
 *   is 1, until CLEAR_INTERRUPT. CLEAR_ALARM disarms without touching a fired interrupt.
 * Registers are 32 bits: 4-byte accesses; an aligned 8-byte access reads the lower register first (a
 * coherent 64-bit time at TIME_LOW) and writes the upper one first (so it sets time or arms an alarm as
 * one value). 1- and 2-byte accesses fault; other offsets read as zero and ignore writes. */
#include "goldfish_rtc.h"

#include "../util/statebuf.h"

#include <stdio.h>

uint64_t goldfish_rtc_time_ns(const struct goldfish_rtc *r) { return r->now_ns(r->opaque) + r->offset; }

static void update_irq(struct goldfish_rtc *r)
{
    int level = r->irq_pending && r->irq_enabled;
    if (level == r->irq_level) return;
    r->irq_level = level;
    if (r->set_irq) r->set_irq(r->opaque, level);
}

static void fire(struct goldfish_rtc *r)
{
    r->alarm_armed = false;
    r->irq_pending = true;
    update_irq(r);
}

void goldfish_rtc_update(struct goldfish_rtc *r)
{
    if (r->alarm_armed && goldfish_rtc_time_ns(r) >= r->alarm) fire(r);
}

uint64_t goldfish_rtc_ns_to_alarm(const struct goldfish_rtc *r)
{
    if (!r->alarm_armed) return UINT64_MAX;
    uint64_t now = goldfish_rtc_time_ns(r);
    return r->alarm > now ? r->alarm - now : 0;
}

void goldfish_rtc_reset(struct goldfish_rtc *r)
{
    r->alarm = 0;
    r->time_high = 0;
    r->time_high_set = 0;
    r->time_high_written = false;
    r->alarm_armed = false;
    r->irq_pending = false;
    r->irq_enabled = false;
    update_irq(r);
}

void goldfish_rtc_init(struct goldfish_rtc *r, uint64_t (*now_ns)(void *opaque),
                       void (*set_irq)(void *opaque, int level), void *opaque)
{
    r->now_ns = now_ns;
    r->set_irq = set_irq;
    r->opaque = opaque;
    r->offset = 0;
    r->irq_level = 0;
    goldfish_rtc_reset(r);
}

static void set_time(struct goldfish_rtc *r, uint64_t t)
{
    r->offset += t - goldfish_rtc_time_ns(r);
    goldfish_rtc_update(r);   /* a clock set forward may make the alarm due */
}

static uint32_t read32(struct goldfish_rtc *r, uint32_t off)
{
    switch (off) {
    case GOLDFISH_RTC_TIME_LOW: {
        uint64_t t = goldfish_rtc_time_ns(r);
        r->time_high = (uint32_t)(t >> 32);
        return (uint32_t)t;
    }
    case GOLDFISH_RTC_TIME_HIGH: return r->time_high;
    case GOLDFISH_RTC_ALARM_LOW: return (uint32_t)r->alarm;
    case GOLDFISH_RTC_ALARM_HIGH: return (uint32_t)(r->alarm >> 32);
    case GOLDFISH_RTC_IRQ_ENABLED: return r->irq_enabled;
    case GOLDFISH_RTC_ALARM_STATUS: return r->alarm_armed;
    default: return 0;
    }
}

static void write32(struct goldfish_rtc *r, uint32_t off, uint32_t v)
{
    switch (off) {
    case GOLDFISH_RTC_TIME_LOW: {
        uint64_t high = r->time_high_written ? r->time_high_set : goldfish_rtc_time_ns(r) >> 32;
        r->time_high_written = false;
        set_time(r, high << 32 | v);
        break;
    }
    case GOLDFISH_RTC_TIME_HIGH:
        r->time_high_set = v;
        r->time_high_written = true;
        set_time(r, (uint64_t)v << 32 | (uint32_t)goldfish_rtc_time_ns(r));
        break;
    case GOLDFISH_RTC_ALARM_LOW:
        r->alarm = (r->alarm & ~0xffffffffull) | v;
        r->alarm_armed = true;
        goldfish_rtc_update(r);
        break;
    case GOLDFISH_RTC_ALARM_HIGH: r->alarm = (r->alarm & 0xffffffffull) | (uint64_t)v << 32; break;
    case GOLDFISH_RTC_IRQ_ENABLED:
        r->irq_enabled = v & 1;
        update_irq(r);
        break;
    case GOLDFISH_RTC_CLEAR_ALARM: r->alarm_armed = false; break;
    case GOLDFISH_RTC_CLEAR_INTERRUPT:
        r->irq_pending = false;
        update_irq(r);
        break;
    default: break;
    }
}

static int rtc_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    if ((size != 4 && size != 8) || off >= GOLDFISH_RTC_SIZE) return -1;
    uint64_t v = read32(opaque, (uint32_t)off);
    if (size == 8) v |= (uint64_t)read32(opaque, (uint32_t)off + 4) << 32;
    *value = v;
    return 0;
}

static int rtc_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    if ((size != 4 && size != 8) || off >= GOLDFISH_RTC_SIZE) return -1;
    if (size == 8) write32(opaque, (uint32_t)off + 4, (uint32_t)(value >> 32));
    write32(opaque, (uint32_t)off, (uint32_t)value);
    return 0;
}

const struct mmio_ops goldfish_rtc_ops = { rtc_read, rtc_write };

void goldfish_rtc_describe(const struct goldfish_rtc *r, char *buf, size_t len)
{
    if (!len) return;
    uint64_t t = goldfish_rtc_time_ns(r);
    int at = snprintf(buf, len, "goldfish-rtc: time %llu.%09llu s; ", (unsigned long long)(t / 1000000000u),
                      (unsigned long long)(t % 1000000000u));
    if (at < 0 || (size_t)at >= len) return;
    if (r->alarm_armed) {
        uint64_t d = goldfish_rtc_ns_to_alarm(r);
        at += snprintf(buf + at, len - (size_t)at, "alarm at %llu.%09llu s (in %llu ns)",
                       (unsigned long long)(r->alarm / 1000000000u), (unsigned long long)(r->alarm % 1000000000u),
                       (unsigned long long)d);
    } else {
        at += snprintf(buf + at, len - (size_t)at, "no alarm");
    }
    if (at < 0 || (size_t)at >= len) return;
    snprintf(buf + at, len - (size_t)at, "; irq %s, %s, line %d", r->irq_enabled ? "enabled" : "disabled",
             r->irq_pending ? "pending" : "not pending", r->irq_level);
}

void goldfish_rtc_save(const struct goldfish_rtc *r, struct state_writer *w)
{
    state_put_u64(w, goldfish_rtc_time_ns(r));
    state_put_u64(w, r->alarm);
    state_put_u32(w, r->time_high);
    state_put_u32(w, r->time_high_set);
    state_put_bool(w, r->time_high_written);
    state_put_bool(w, r->alarm_armed);
    state_put_bool(w, r->irq_pending);
    state_put_bool(w, r->irq_enabled);
}

void goldfish_rtc_load(struct goldfish_rtc *r, struct state_reader *sr)
{
    uint64_t t = state_get_u64(sr);
    r->offset = t - r->now_ns(r->opaque);
    r->alarm = state_get_u64(sr);
    r->time_high = state_get_u32(sr);
    r->time_high_set = state_get_u32(sr);
    r->time_high_written = state_get_bool(sr);
    r->alarm_armed = state_get_bool(sr);
    r->irq_pending = state_get_bool(sr);
    r->irq_enabled = state_get_bool(sr);
    /* The line follows the loaded state (the PLIC's copy of it is loaded separately). */
    r->irq_level = r->irq_pending && r->irq_enabled;
}
