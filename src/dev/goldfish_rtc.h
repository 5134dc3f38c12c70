/* Goldfish RTC (Android emulator "goldfish" virtual hardware; QEMU's google,goldfish-rtc on virt at
 * 0x101000, IRQ 11): nanoseconds since the Unix epoch, settable by the guest, with one alarm. */
#ifndef VHART_DEV_GOLDFISH_RTC_H
#define VHART_DEV_GOLDFISH_RTC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../mem/bus.h"

struct state_writer;
struct state_reader;

#define GOLDFISH_RTC_BASE 0x101000ull
#define GOLDFISH_RTC_SIZE 0x1000ull
#define GOLDFISH_RTC_IRQ 11

/* Register offsets (32-bit registers). */
#define GOLDFISH_RTC_TIME_LOW 0x00        /* R: samples the time, returns bits 31:0, latches 63:32; W: sets them */
#define GOLDFISH_RTC_TIME_HIGH 0x04       /* R: bits 63:32 latched by the last TIME_LOW read; W: sets them */
#define GOLDFISH_RTC_ALARM_LOW 0x08       /* W: bits 31:0 of the alarm, then arms it */
#define GOLDFISH_RTC_ALARM_HIGH 0x0c      /* W: bits 63:32 of the alarm (used by the next ALARM_LOW write) */
#define GOLDFISH_RTC_IRQ_ENABLED 0x10     /* RW: bit 0 lets a fired alarm raise the line */
#define GOLDFISH_RTC_CLEAR_ALARM 0x14     /* W: disarms the alarm */
#define GOLDFISH_RTC_ALARM_STATUS 0x18    /* R: 1 while an alarm is armed and not yet fired */
#define GOLDFISH_RTC_CLEAR_INTERRUPT 0x1c /* W: acknowledges a fired alarm */

struct goldfish_rtc {
    /* Host time in ns since the epoch; the interrupt line (called only when its level changes). */
    uint64_t (*now_ns)(void *opaque);
    void (*set_irq)(void *opaque, int level);
    void *opaque;

    uint64_t offset;           /* guest time = now_ns() + offset (mod 2^64) */
    uint64_t alarm;            /* alarm time, in guest time */
    uint32_t time_high;        /* latched by reading TIME_LOW */
    uint32_t time_high_set;    /* last value written to TIME_HIGH ... */
    bool time_high_written;    /* ... not yet followed by a TIME_LOW write */
    bool alarm_armed, irq_pending, irq_enabled;
    int irq_level;
};

extern const struct mmio_ops goldfish_rtc_ops;

/* Reset state: time follows now_ns(), no alarm, interrupt disabled, line low (set_irq not called). */
void goldfish_rtc_init(struct goldfish_rtc *r, uint64_t (*now_ns)(void *opaque),
                       void (*set_irq)(void *opaque, int level), void *opaque);
/* Machine reset: alarm and interrupt state cleared (lowering the line); the guest-set time is kept. */
void goldfish_rtc_reset(struct goldfish_rtc *r);
/* Fire the alarm if it is due; call periodically (e.g. when goldfish_rtc_ns_to_alarm says so). */
void goldfish_rtc_update(struct goldfish_rtc *r);
/* Nanoseconds until the armed alarm is due (0 if due now), or UINT64_MAX if none is armed. */
uint64_t goldfish_rtc_ns_to_alarm(const struct goldfish_rtc *r);
/* The guest's current time, in ns since the epoch. */
uint64_t goldfish_rtc_time_ns(const struct goldfish_rtc *r);
/* One line describing time, alarm and interrupt state, NUL-terminated within len. */
void goldfish_rtc_describe(const struct goldfish_rtc *r, char *buf, size_t len);

/* Snapshot: the guest's time when saved and the register state. A loaded RTC goes on from the saved
 * time (the machine was paused in between, as the guest's other clocks were). */
void goldfish_rtc_save(const struct goldfish_rtc *r, struct state_writer *w);
void goldfish_rtc_load(struct goldfish_rtc *r, struct state_reader *sr);

#endif
