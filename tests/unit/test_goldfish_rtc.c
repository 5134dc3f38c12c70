/* Unit tests for src/dev/goldfish_rtc.c (goldfish RTC as QEMU's google,goldfish-rtc and Linux's
 * rtc-goldfish use it): time latching, setting the clock, alarm arming, firing and clearing, over a fake clock. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "dev/goldfish_rtc.h"

static struct goldfish_rtc r;
static uint64_t host_ns;
static int line;
static unsigned irq_calls;

static uint64_t fake_now(void *opaque)
{
    ck_assert_ptr_eq(opaque, &r);
    return host_ns;
}

static void on_irq(void *opaque, int level)
{
    ck_assert_ptr_eq(opaque, &r);
    ck_assert_int_ne(line, level);
    line = level;
    irq_calls++;
}

static void setup(void)
{
    memset(&r, 0xa5, sizeof(r));
    host_ns = 1700000000123456789ull;   /* 0x17979cfe_3d85cd15 */
    line = 0;
    irq_calls = 0;
    goldfish_rtc_init(&r, fake_now, on_irq, &r);
}

static uint32_t rd(uint32_t off)
{
    uint64_t v = 0xdeadbeefdeadbeefull;
    ck_assert_int_eq(goldfish_rtc_ops.read(&r, off, 4, &v), 0);
    ck_assert_uint_le(v, 0xffffffffull);
    return (uint32_t)v;
}

static void wr(uint32_t off, uint32_t v) { ck_assert_int_eq(goldfish_rtc_ops.write(&r, off, 4, v), 0); }

static uint64_t read_time(void)
{
    uint64_t lo = rd(GOLDFISH_RTC_TIME_LOW);
    return (uint64_t)rd(GOLDFISH_RTC_TIME_HIGH) << 32 | lo;
}

static void arm(uint64_t t)
{
    wr(GOLDFISH_RTC_ALARM_HIGH, (uint32_t)(t >> 32));
    wr(GOLDFISH_RTC_ALARM_LOW, (uint32_t)t);
}

START_TEST(rtc_registers_reset_values)
{
    ck_assert_uint_eq(rd(GOLDFISH_RTC_TIME_HIGH), 0);   /* nothing latched yet */
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_LOW), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_HIGH), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_IRQ_ENABLED), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_CLEAR_ALARM), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_CLEAR_INTERRUPT), 0);
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), UINT64_MAX);
    ck_assert_uint_eq(irq_calls, 0);
}
END_TEST

START_TEST(rtc_time_follows_the_host_clock_in_nanoseconds)
{
    ck_assert_uint_eq(read_time(), 1700000000123456789ull);
    host_ns += 5;
    ck_assert_uint_eq(read_time(), 1700000000123456794ull);
    ck_assert_uint_eq(goldfish_rtc_time_ns(&r), 1700000000123456794ull);
}
END_TEST

START_TEST(rtc_time_low_read_latches_time_high)
{
    host_ns = 0x000000123456789aull;
    ck_assert_uint_eq(rd(GOLDFISH_RTC_TIME_LOW), 0x3456789a);
    host_ns = 0x0000001300000000ull;
    ck_assert_uint_eq(rd(GOLDFISH_RTC_TIME_HIGH), 0x12);   /* the high word of the sample, not of now */
    ck_assert_uint_eq(rd(GOLDFISH_RTC_TIME_HIGH), 0x12);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_TIME_LOW), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_TIME_HIGH), 0x13);
}
END_TEST

START_TEST(rtc_time_write_high_then_low_sets_the_clock_exactly)
{
    host_ns = 0xfffffff0ull;
    wr(GOLDFISH_RTC_TIME_HIGH, 0x10);
    host_ns += 0x20;   /* the low word wraps between the two writes */
    wr(GOLDFISH_RTC_TIME_LOW, 0x1234);
    ck_assert_uint_eq(read_time(), 0x0000001000001234ull);
    host_ns += 100;
    ck_assert_uint_eq(read_time(), 0x0000001000001234ull + 100);
}
END_TEST

START_TEST(rtc_time_high_write_alone_replaces_the_high_word)
{
    host_ns = 0x0000000500000007ull;
    wr(GOLDFISH_RTC_TIME_HIGH, 0x20);
    ck_assert_uint_eq(read_time(), 0x0000002000000007ull);
    host_ns += 1;
    ck_assert_uint_eq(read_time(), 0x0000002000000008ull);
}
END_TEST

START_TEST(rtc_time_low_write_alone_keeps_the_high_word)
{
    host_ns = 0x0000000500000007ull;
    wr(GOLDFISH_RTC_TIME_LOW, 0x100);
    ck_assert_uint_eq(read_time(), 0x0000000500000100ull);
    wr(GOLDFISH_RTC_TIME_LOW, 0x200);   /* no stale TIME_HIGH write is reused */
    ck_assert_uint_eq(read_time(), 0x0000000500000200ull);
}
END_TEST

START_TEST(rtc_time_can_be_set_backwards)
{
    wr(GOLDFISH_RTC_TIME_HIGH, 0);
    wr(GOLDFISH_RTC_TIME_LOW, 1000);
    ck_assert_uint_eq(read_time(), 1000);
    host_ns += 1;
    ck_assert_uint_eq(read_time(), 1001);
}
END_TEST

START_TEST(rtc_8byte_accesses_read_and_set_the_whole_time)
{
    uint64_t v = 0;
    ck_assert_int_eq(goldfish_rtc_ops.read(&r, GOLDFISH_RTC_TIME_LOW, 8, &v), 0);
    ck_assert_uint_eq(v, 1700000000123456789ull);
    ck_assert_int_eq(goldfish_rtc_ops.write(&r, GOLDFISH_RTC_TIME_LOW, 8, 0x0123456789abcdefull), 0);
    ck_assert_int_eq(goldfish_rtc_ops.read(&r, GOLDFISH_RTC_TIME_LOW, 8, &v), 0);
    ck_assert_uint_eq(v, 0x0123456789abcdefull);
    ck_assert_int_eq(goldfish_rtc_ops.write(&r, GOLDFISH_RTC_ALARM_LOW, 8, 0x0123456789abce00ull), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 1);
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), 0x11);
}
END_TEST

START_TEST(rtc_byte_accesses_fault_and_other_offsets_read_zero)
{
    uint64_t v = 1;
    ck_assert_int_eq(goldfish_rtc_ops.read(&r, 0, 1, &v), -1);
    ck_assert_int_eq(goldfish_rtc_ops.read(&r, 0, 2, &v), -1);
    ck_assert_int_eq(goldfish_rtc_ops.write(&r, GOLDFISH_RTC_IRQ_ENABLED, 1, 1), -1);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_IRQ_ENABLED), 0);
    wr(0x20, 0xffffffff);
    ck_assert_uint_eq(rd(0x20), 0);
    ck_assert_uint_eq(rd(0xffc), 0);
}
END_TEST

START_TEST(rtc_alarm_low_write_arms_with_the_previously_written_high)
{
    wr(GOLDFISH_RTC_ALARM_HIGH, 0x17979cff);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 0);   /* ALARM_HIGH alone does not arm */
    wr(GOLDFISH_RTC_ALARM_LOW, 5);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 1);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_HIGH), 0x17979cff);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_LOW), 5);
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), 0x17979cff00000005ull - 1700000000123456789ull);
}
END_TEST

START_TEST(rtc_alarm_fires_when_due_and_raises_the_irq_when_enabled)
{
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    arm(host_ns + 1000);
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), 1000);
    host_ns += 999;
    goldfish_rtc_update(&r);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 1);
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), 1);
    host_ns += 1;
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), 0);
    goldfish_rtc_update(&r);
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 0);   /* a fired alarm is no longer armed */
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), UINT64_MAX);
    goldfish_rtc_update(&r);
    ck_assert_uint_eq(irq_calls, 1);
}
END_TEST

START_TEST(rtc_clear_interrupt_lowers_the_line)
{
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    arm(host_ns);
    ck_assert_int_eq(line, 1);
    wr(GOLDFISH_RTC_CLEAR_INTERRUPT, 1);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_IRQ_ENABLED), 1);
    host_ns += 1000000;
    goldfish_rtc_update(&r);
    ck_assert_int_eq(line, 0);   /* nothing re-fires */
}
END_TEST

START_TEST(rtc_alarm_in_the_past_fires_on_arming)
{
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    arm(host_ns - 1);
    ck_assert_int_eq(line, 1);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 0);
}
END_TEST

START_TEST(rtc_fired_alarm_with_irq_disabled_raises_the_line_once_enabled)
{
    arm(host_ns + 10);
    host_ns += 10;
    goldfish_rtc_update(&r);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 0);
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    ck_assert_int_eq(line, 1);
    wr(GOLDFISH_RTC_IRQ_ENABLED, 0);
    ck_assert_int_eq(line, 0);
    wr(GOLDFISH_RTC_IRQ_ENABLED, 3);   /* only bit 0 is kept */
    ck_assert_uint_eq(rd(GOLDFISH_RTC_IRQ_ENABLED), 1);
    ck_assert_int_eq(line, 1);
}
END_TEST

START_TEST(rtc_clear_alarm_disarms_without_firing)
{
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    arm(host_ns + 10);
    wr(GOLDFISH_RTC_CLEAR_ALARM, 1);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 0);
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), UINT64_MAX);
    host_ns += 100;
    goldfish_rtc_update(&r);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(irq_calls, 0);
}
END_TEST

START_TEST(rtc_clear_alarm_keeps_a_fired_interrupt)
{
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    arm(host_ns);
    wr(GOLDFISH_RTC_CLEAR_ALARM, 1);
    ck_assert_int_eq(line, 1);
}
END_TEST

START_TEST(rtc_alarm_is_compared_with_the_guest_time)
{
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    wr(GOLDFISH_RTC_TIME_HIGH, 0);
    wr(GOLDFISH_RTC_TIME_LOW, 1000000);
    arm(3000000);
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), 2000000);
    wr(GOLDFISH_RTC_TIME_LOW, 2500000);   /* the guest sets its clock forward */
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), 500000);
    ck_assert_int_eq(line, 0);
    wr(GOLDFISH_RTC_TIME_LOW, 3000000);   /* setting the clock past the alarm fires it */
    ck_assert_int_eq(line, 1);
}
END_TEST

START_TEST(rtc_linux_set_alarm_then_interrupt_handler_sequence)
{
    /* rtc-goldfish.c: set_alarm writes ALARM_HIGH, ALARM_LOW, IRQ_ENABLED; the handler writes
     * CLEAR_INTERRUPT; read_alarm reads ALARM_LOW, ALARM_HIGH and ALARM_STATUS. */
    uint64_t t = (host_ns / 1000000000u + 2) * 1000000000u;
    wr(GOLDFISH_RTC_ALARM_HIGH, (uint32_t)(t >> 32));
    wr(GOLDFISH_RTC_ALARM_LOW, (uint32_t)t);
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    ck_assert_uint_eq((uint64_t)rd(GOLDFISH_RTC_ALARM_HIGH) << 32 | rd(GOLDFISH_RTC_ALARM_LOW), t);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 1);
    ck_assert_uint_eq(goldfish_rtc_ns_to_alarm(&r), 1876543211u);
    host_ns += goldfish_rtc_ns_to_alarm(&r);
    goldfish_rtc_update(&r);
    ck_assert_int_eq(line, 1);
    wr(GOLDFISH_RTC_CLEAR_INTERRUPT, 1);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 0);
    ck_assert_uint_eq(irq_calls, 2);
}
END_TEST

START_TEST(rtc_reset_keeps_the_set_time_and_clears_alarm_and_interrupt)
{
    wr(GOLDFISH_RTC_TIME_HIGH, 0);
    wr(GOLDFISH_RTC_TIME_LOW, 1000);
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    arm(500);
    ck_assert_int_eq(line, 1);
    arm(5000);
    goldfish_rtc_reset(&r);
    ck_assert_int_eq(line, 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_IRQ_ENABLED), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_STATUS), 0);
    ck_assert_uint_eq(rd(GOLDFISH_RTC_ALARM_LOW), 0);
    ck_assert_uint_eq(read_time(), 1000);
}
END_TEST

START_TEST(rtc_describe_reports_time_alarm_and_interrupt_state)
{
    char buf[200];
    goldfish_rtc_describe(&r, buf, sizeof(buf));
    ck_assert_str_eq(buf, "goldfish-rtc: time 1700000000.123456789 s; no alarm; irq disabled, not pending, line 0");
    wr(GOLDFISH_RTC_IRQ_ENABLED, 1);
    arm(1700000001500000000ull);
    goldfish_rtc_describe(&r, buf, sizeof(buf));
    ck_assert_str_eq(buf, "goldfish-rtc: time 1700000000.123456789 s; alarm at 1700000001.500000000 s "
                          "(in 1376543211 ns); irq enabled, not pending, line 0");
    goldfish_rtc_describe(&r, buf, 14);
    ck_assert_str_eq(buf, "goldfish-rtc:");
}
END_TEST

static Suite *rtc_suite(void)
{
    Suite *s = suite_create("goldfish_rtc");
    TCase *t = tcase_create("goldfish_rtc");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_add_test(t, rtc_registers_reset_values);
    tcase_add_test(t, rtc_time_follows_the_host_clock_in_nanoseconds);
    tcase_add_test(t, rtc_time_low_read_latches_time_high);
    tcase_add_test(t, rtc_time_write_high_then_low_sets_the_clock_exactly);
    tcase_add_test(t, rtc_time_high_write_alone_replaces_the_high_word);
    tcase_add_test(t, rtc_time_low_write_alone_keeps_the_high_word);
    tcase_add_test(t, rtc_time_can_be_set_backwards);
    tcase_add_test(t, rtc_8byte_accesses_read_and_set_the_whole_time);
    tcase_add_test(t, rtc_byte_accesses_fault_and_other_offsets_read_zero);
    tcase_add_test(t, rtc_alarm_low_write_arms_with_the_previously_written_high);
    tcase_add_test(t, rtc_alarm_fires_when_due_and_raises_the_irq_when_enabled);
    tcase_add_test(t, rtc_clear_interrupt_lowers_the_line);
    tcase_add_test(t, rtc_alarm_in_the_past_fires_on_arming);
    tcase_add_test(t, rtc_fired_alarm_with_irq_disabled_raises_the_line_once_enabled);
    tcase_add_test(t, rtc_clear_alarm_disarms_without_firing);
    tcase_add_test(t, rtc_clear_alarm_keeps_a_fired_interrupt);
    tcase_add_test(t, rtc_alarm_is_compared_with_the_guest_time);
    tcase_add_test(t, rtc_linux_set_alarm_then_interrupt_handler_sequence);
    tcase_add_test(t, rtc_reset_keeps_the_set_time_and_clears_alarm_and_interrupt);
    tcase_add_test(t, rtc_describe_reports_time_alarm_and_interrupt_state);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r2 = srunner_create(rtc_suite());
    srunner_run_all(r2, CK_NORMAL);
    int failed = srunner_ntests_failed(r2);
    srunner_free(r2);
    return failed ? 1 : 0;
}
