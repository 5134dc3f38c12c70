/* Unit tests for src/dev/clint.c (SiFive CLINT / ACLINT MSWI+MTIMER layout), src/dev/syscon.c (SiFive
 * test finisher) and src/dev/htif.c (riscv-isa-sim fesvr tohost/fromhost protocol), through the bus. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/hart.h"
#include "dev/clint.h"
#include "dev/htif.h"
#include "dev/syscon.h"
#include "mem/bus.h"

#define RAM 0x80000000ull
#define TOHOST (RAM + 0x1000)
#define FROMHOST (RAM + 0x1040)
#define BLOCK (RAM + 0x2000)

static struct bus b;
static struct hart *harts[2];
static struct clint clint;
static uint64_t now;
static struct syscon sc;
static struct htif ht;

static int requests[8];
static unsigned nrequests;
static int exit_code;
static unsigned exits;
static uint8_t out[64];
static unsigned out_len, out_calls;
static int out_fd;

static uint64_t fake_time(void *opaque) { (void)opaque; return now; }
static void set_time(void *opaque, uint64_t v) { (void)opaque; now = v; }
static void on_request(void *opaque, int code)
{
    ck_assert_ptr_eq(opaque, &sc);
    if (nrequests < 8) requests[nrequests] = code;
    nrequests++;
}
static void on_exit_req(void *opaque, int code)
{
    ck_assert_ptr_eq(opaque, &ht);
    exit_code = code;
    exits++;
}
static void on_output(void *opaque, int fd, const uint8_t *data, uint64_t len)
{
    ck_assert_ptr_eq(opaque, &ht);
    out_fd = fd;
    if (out_len + len <= sizeof(out)) memcpy(out + out_len, data, (size_t)len);
    out_len += (unsigned)len;
    out_calls++;
}

static void setup(void)
{
    bus_init(&b);
    ck_assert_ptr_nonnull(bus_add_memory(&b, "ram", RAM, 0x10000, false));
    for (unsigned i = 0; i < 2; i++) {
        harts[i] = calloc(1, sizeof(struct hart));
        harts[i]->bus = &b;
        hart_reset(harts[i], i, RAM, EXT_I | EXT_ZICSR | EXT_S);
    }
    now = 0;
    clint_init(&clint, harts, 2);
    clint.read_time = fake_time;
    clint.write_time = set_time;
    clint.time_opaque = NULL;
    ck_assert_ptr_nonnull(bus_add_device(&b, "clint", CLINT_BASE, CLINT_SIZE, &clint_ops, &clint));
    memset(&sc, 0, sizeof(sc));
    sc.request = on_request;
    sc.opaque = &sc;
    ck_assert_ptr_nonnull(bus_add_device(&b, "syscon", SYSCON_BASE, SYSCON_SIZE, &syscon_ops, &sc));
    memset(&ht, 0, sizeof(ht));
    ht.bus = &b;
    ht.tohost = TOHOST;
    ht.fromhost = FROMHOST;
    ht.has_fromhost = true;
    ht.output = on_output;
    ht.exit = on_exit_req;
    ht.opaque = &ht;
    b.watch = htif_on_store;
    b.watch_opaque = &ht;
    bus_watch_page(&b, TOHOST);
    nrequests = exits = out_len = out_calls = 0;
    exit_code = -100;
    out_fd = -1;
}
static void teardown(void)
{
    bus_destroy(&b);
    free(harts[0]);
    free(harts[1]);
}

static uint64_t rd(uint64_t pa, unsigned size)
{
    uint64_t v = 0xdead;
    ck_assert_int_eq(bus_read(&b, pa, size, &v), 0);
    return v;
}
static void wr(uint64_t pa, unsigned size, uint64_t v) { ck_assert_int_eq(bus_write(&b, pa, size, v), 0); }

/* ---- CLINT ---- */

START_TEST(clint_msip_sets_and_clears_msip_of_each_hart)
{
    wr(CLINT_BASE + 4, 4, 1);
    ck_assert_uint_eq(harts[1]->mip, MIP_MSIP);
    ck_assert_uint_eq(harts[0]->mip, 0);
    ck_assert_uint_eq(rd(CLINT_BASE + 4, 4), 1);
    ck_assert_uint_eq(rd(CLINT_BASE, 4), 0);
    wr(CLINT_BASE + 4, 4, 2);   /* only bit 0 counts */
    ck_assert_uint_eq(harts[1]->mip, 0);
    wr(CLINT_BASE, 4, 0xffffffff);
    ck_assert_uint_eq(harts[0]->mip, MIP_MSIP);
    wr(CLINT_BASE, 4, 0);
    ck_assert_uint_eq(harts[0]->mip, 0);
}
END_TEST

static unsigned kicks[2];
static void count_kick(struct hart *h) { kicks[h == harts[1]]++; }

START_TEST(clint_msip_write_of_one_kicks_the_hart_even_when_msip_is_set)
{
    /* With kick functions (the threaded loop) the lines fold in at the hart's own boundary. */
    for (unsigned i = 0; i < 2; i++) harts[i]->kick = count_kick;
    kicks[0] = kicks[1] = 0;
    wr(CLINT_BASE + 4, 4, 1);   /* rising: hart_set_mip kicks */
    ck_assert_uint_eq(kicks[1], 1);
    wr(CLINT_BASE + 4, 4, 1);   /* already set: a re-sent IPI still wakes a polling hart */
    ck_assert_uint_eq(kicks[1], 2);
    wr(CLINT_BASE + 4, 4, 0);   /* clearing wakes nobody */
    ck_assert_uint_eq(kicks[1], 2);
    ck_assert_uint_eq(kicks[0], 0);
    ck_assert_uint_eq(hart_irq_lines(harts[1]) & MIP_MSIP, 0);
    for (unsigned i = 0; i < 2; i++) harts[i]->kick = NULL;
}
END_TEST

static unsigned cleared[2], cleared_calls;
static void count_cleared(void *opaque, unsigned i)
{
    ck_assert_ptr_eq(opaque, &clint);
    ck_assert_uint_lt(i, 2);
    cleared[i]++;
    cleared_calls++;
}

START_TEST(clint_clearing_a_set_msip_calls_msip_cleared_once_with_the_hart)
{
    /* The threaded loop's IPI bookkeeping: a hart clearing its msip is taking an IPI. */
    clint.msip_cleared = count_cleared;
    clint.msip_opaque = &clint;
    cleared[0] = cleared[1] = cleared_calls = 0;
    wr(CLINT_BASE + 4, 4, 0);   /* clear while clear: no IPI taken */
    ck_assert_uint_eq(cleared_calls, 0);
    wr(CLINT_BASE + 4, 4, 1);
    wr(CLINT_BASE + 4, 4, 1);   /* setting, even again, is not clearing */
    ck_assert_uint_eq(cleared_calls, 0);
    wr(CLINT_BASE + 4, 4, 2);   /* bit 0 clear: clears msip */
    ck_assert_uint_eq(cleared[1], 1);
    ck_assert_uint_eq(cleared[0], 0);
    wr(CLINT_BASE + 4, 4, 0);   /* already clear */
    ck_assert_uint_eq(cleared_calls, 1);
    wr(CLINT_BASE, 4, 1);
    wr(CLINT_BASE, 4, 0);
    ck_assert_uint_eq(cleared[0], 1);
    ck_assert_uint_eq(cleared_calls, 2);
    clint.msip_cleared = NULL;
    clint.msip_opaque = NULL;
}
END_TEST

START_TEST(clint_mtimecmp_resets_to_all_ones_and_reads_back)
{
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIMECMP, 8), ~0ull);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIMECMP + 8, 8), ~0ull);
    wr(CLINT_BASE + CLINT_MTIMECMP + 8, 8, 0x123456789abcull);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIMECMP + 8, 8), 0x123456789abcull);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIMECMP + 8, 4), 0x56789abc);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIMECMP + 12, 4), 0x1234);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIMECMP, 8), ~0ull);   /* hart 0 unchanged */
}
END_TEST

START_TEST(clint_mtimecmp_32bit_halves_merge)
{
    wr(CLINT_BASE + CLINT_MTIMECMP, 4, 0x12345678);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIMECMP, 8), 0xffffffff12345678ull);
    wr(CLINT_BASE + CLINT_MTIMECMP + 4, 4, 0x9);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIMECMP, 8), 0x912345678ull);
}
END_TEST

START_TEST(clint_mtip_follows_mtime_against_mtimecmp)
{
    now = 500;
    wr(CLINT_BASE + CLINT_MTIMECMP, 8, 1000);
    ck_assert_uint_eq(harts[0]->mip & MIP_MTIP, 0);
    wr(CLINT_BASE + CLINT_MTIMECMP, 8, 500);          /* mtime >= mtimecmp: pending */
    ck_assert_uint_eq(harts[0]->mip & MIP_MTIP, MIP_MTIP);
    ck_assert_uint_eq(harts[1]->mip & MIP_MTIP, 0);   /* hart 1 still at ~0 */
    wr(CLINT_BASE + CLINT_MTIMECMP, 8, 501);
    ck_assert_uint_eq(harts[0]->mip & MIP_MTIP, 0);
    now = 501;
    clint_update(&clint);
    ck_assert_uint_eq(harts[0]->mip & MIP_MTIP, MIP_MTIP);
}
END_TEST

START_TEST(clint_mtime_reads_the_platform_time_in_halves)
{
    now = 0x0000000a87654321ull;
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIME, 8), 0x0000000a87654321ull);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIME, 4), 0x87654321);
    ck_assert_uint_eq(rd(CLINT_BASE + CLINT_MTIME + 4, 4), 0xa);
}
END_TEST

START_TEST(clint_mtime_write_sets_time_and_updates_mtip)
{
    wr(CLINT_BASE + CLINT_MTIMECMP, 8, 1000);
    wr(CLINT_BASE + CLINT_MTIME, 8, 2000);
    ck_assert_uint_eq(now, 2000);
    ck_assert_uint_eq(harts[0]->mip & MIP_MTIP, MIP_MTIP);
    wr(CLINT_BASE + CLINT_MTIME + 4, 4, 1);            /* high half merges with the current low half */
    ck_assert_uint_eq(now, 0x1000007d0ull);
    wr(CLINT_BASE + CLINT_MTIME, 4, 5);                /* low half keeps the high half */
    ck_assert_uint_eq(now, 0x100000005ull);
    wr(CLINT_BASE + CLINT_MTIME, 8, 0);
    ck_assert_uint_eq(harts[0]->mip & MIP_MTIP, 0);
}
END_TEST

START_TEST(clint_next_deadline_is_the_earliest_armed_mtimecmp)
{
    ck_assert_uint_eq(clint_ticks_to_next_deadline(&clint), UINT64_MAX);
    now = 100;
    wr(CLINT_BASE + CLINT_MTIMECMP + 8, 8, 350);
    wr(CLINT_BASE + CLINT_MTIMECMP, 8, 180);
    ck_assert_uint_eq(clint_ticks_to_next_deadline(&clint), 80);
    now = 200;
    ck_assert_uint_eq(clint_ticks_to_next_deadline(&clint), 0);
}
END_TEST

START_TEST(clint_reserved_space_reads_zero_and_ignores_writes)
{
    ck_assert_uint_eq(rd(CLINT_BASE + 8, 4), 0);        /* msip of a hart that does not exist */
    ck_assert_uint_eq(rd(CLINT_BASE + 0x8000, 8), 0);
    wr(CLINT_BASE + 0x8000, 8, 1);
    wr(CLINT_BASE + 8, 4, 1);
    ck_assert_uint_eq(harts[0]->mip | harts[1]->mip, 0);
}
END_TEST

/* ---- syscon ---- */

START_TEST(syscon_pass_fail_and_reset_codes)
{
    wr(SYSCON_BASE, 4, SYSCON_PASS);
    wr(SYSCON_BASE, 4, SYSCON_FAIL | (7u << 16));
    wr(SYSCON_BASE, 4, SYSCON_FAIL);
    wr(SYSCON_BASE, 4, SYSCON_RESET);
    ck_assert_uint_eq(nrequests, 4);
    ck_assert_int_eq(requests[0], 0);
    ck_assert_int_eq(requests[1], 7);
    ck_assert_int_eq(requests[2], 1);   /* a failure never reports success */
    ck_assert_int_eq(requests[3], -1);
}
END_TEST

START_TEST(syscon_ignores_other_values_offsets_and_byte_writes)
{
    wr(SYSCON_BASE, 4, 0x1234);
    wr(SYSCON_BASE + 4, 4, SYSCON_PASS);
    wr(SYSCON_BASE, 1, 0x55);
    ck_assert_uint_eq(nrequests, 0);
    wr(SYSCON_BASE, 2, SYSCON_PASS);   /* 16-bit write is enough */
    ck_assert_uint_eq(nrequests, 1);
    ck_assert_uint_eq(rd(SYSCON_BASE, 4), 0);
}
END_TEST

/* ---- HTIF ---- */

START_TEST(htif_exit_request_reports_code_and_consumes_tohost)
{
    wr(TOHOST, 8, (21u << 1) | 1);
    ck_assert_uint_eq(exits, 1);
    ck_assert_int_eq(exit_code, 21);
    ck_assert_uint_eq(rd(TOHOST, 8), 0);
}
END_TEST

START_TEST(htif_putchar_outputs_and_acknowledges_in_fromhost)
{
    wr(TOHOST, 8, (1ull << 56) | (1ull << 48) | 'A');
    ck_assert_uint_eq(out_calls, 1);
    ck_assert_int_eq(out_fd, 1);
    ck_assert_uint_eq(out_len, 1);
    ck_assert_uint_eq(out[0], 'A');
    ck_assert_uint_eq(rd(TOHOST, 8), 0);
    ck_assert_uint_eq(rd(FROMHOST, 8), (1ull << 56) | (1ull << 48) | 'A');
    ck_assert_uint_eq(exits, 0);
}
END_TEST

START_TEST(htif_syscall_write_outputs_buffer_and_returns_length)
{
    const char msg[] = "hello";
    ck_assert_int_eq(bus_copy_to_guest(&b, BLOCK + 0x100, msg, 5), 0);
    wr(BLOCK, 8, 64);                  /* SYS_write */
    wr(BLOCK + 8, 8, 2);               /* fd */
    wr(BLOCK + 16, 8, BLOCK + 0x100);  /* buf */
    wr(BLOCK + 24, 8, 5);              /* len */
    wr(TOHOST, 8, BLOCK);
    ck_assert_uint_eq(out_calls, 1);
    ck_assert_int_eq(out_fd, 2);
    ck_assert_uint_eq(out_len, 5);
    ck_assert_int_eq(memcmp(out, "hello", 5), 0);
    ck_assert_uint_eq(rd(BLOCK, 8), 5);          /* return value in magic_mem[0] */
    ck_assert_uint_eq(rd(FROMHOST, 8), 1);
    ck_assert_uint_eq(rd(TOHOST, 8), 0);
}
END_TEST

START_TEST(htif_syscall_errors_return_negative_errno)
{
    wr(BLOCK, 8, 64);
    wr(BLOCK + 8, 8, 1);
    wr(BLOCK + 16, 8, 0x10);           /* buffer outside RAM */
    wr(BLOCK + 24, 8, 4);
    wr(TOHOST, 8, BLOCK);
    ck_assert_uint_eq(rd(BLOCK, 8), (uint64_t)-14);   /* EFAULT */
    ck_assert_uint_eq(out_calls, 0);
    wr(BLOCK, 8, 1234);                /* unknown syscall */
    wr(TOHOST, 8, BLOCK);
    ck_assert_uint_eq(rd(BLOCK, 8), (uint64_t)-38);   /* ENOSYS */
}
END_TEST

START_TEST(htif_syscall_exit_reports_its_argument)
{
    wr(BLOCK, 8, 93);
    wr(BLOCK + 8, 8, 3);
    wr(TOHOST, 8, BLOCK);
    ck_assert_uint_eq(exits, 1);
    ck_assert_int_eq(exit_code, 3);
}
END_TEST

START_TEST(htif_split_32bit_store_waits_for_the_high_half)
{
    wr(TOHOST, 4, (uint32_t)(BLOCK & 0xffffffff));   /* payload only in the low half... */
    wr(BLOCK, 8, 93);
    wr(BLOCK + 8, 8, 9);
    ck_assert_uint_eq(exits, 0);
    ck_assert(ht.low_half_pending);
    wr(TOHOST + 4, 4, 0);                             /* ...completed by the high half */
    ck_assert_uint_eq(exits, 1);
    ck_assert_int_eq(exit_code, 9);
    ck_assert(!ht.low_half_pending);
    /* putchar split with the device in the high half */
    wr(TOHOST, 4, 'z');
    ck_assert_uint_eq(out_calls, 0);
    wr(TOHOST + 4, 4, (1u << 24) | (1u << 16));
    ck_assert_uint_eq(out_calls, 1);
    ck_assert_uint_eq(out[0], 'z');
}
END_TEST

START_TEST(htif_poll_completes_a_lone_low_half)
{
    wr(TOHOST, 4, (5u << 1) | 1);
    ck_assert_uint_eq(exits, 0);
    htif_poll(&ht);
    ck_assert_uint_eq(exits, 1);
    ck_assert_int_eq(exit_code, 5);
    htif_poll(&ht);   /* nothing pending any more */
    ck_assert_uint_eq(exits, 1);
}
END_TEST

START_TEST(htif_ignores_stores_next_to_tohost_and_without_fromhost_does_not_respond)
{
    wr(TOHOST + 8, 8, 1);
    wr(TOHOST - 8, 8, 1);
    ck_assert_uint_eq(exits + out_calls, 0);
    ht.has_fromhost = false;
    wr(TOHOST, 8, (1ull << 56) | (1ull << 48) | 'q');
    ck_assert_uint_eq(out_calls, 1);
    ck_assert_uint_eq(rd(FROMHOST, 8), 0);
}
END_TEST

START_TEST(htif_unknown_device_is_acknowledged)
{
    wr(TOHOST, 8, (2ull << 56) | (3ull << 48) | 0x55);
    ck_assert_uint_eq(rd(TOHOST, 8), 0);
    ck_assert_uint_eq(rd(FROMHOST, 8), (2ull << 56) | (3ull << 48));
    ck_assert_uint_eq(exits + out_calls, 0);
}
END_TEST

static Suite *devices_suite(void)
{
    Suite *s = suite_create("devices");
    TCase *t = tcase_create("devices");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, clint_msip_sets_and_clears_msip_of_each_hart);
    tcase_add_test(t, clint_msip_write_of_one_kicks_the_hart_even_when_msip_is_set);
    tcase_add_test(t, clint_clearing_a_set_msip_calls_msip_cleared_once_with_the_hart);
    tcase_add_test(t, clint_mtimecmp_resets_to_all_ones_and_reads_back);
    tcase_add_test(t, clint_mtimecmp_32bit_halves_merge);
    tcase_add_test(t, clint_mtip_follows_mtime_against_mtimecmp);
    tcase_add_test(t, clint_mtime_reads_the_platform_time_in_halves);
    tcase_add_test(t, clint_mtime_write_sets_time_and_updates_mtip);
    tcase_add_test(t, clint_next_deadline_is_the_earliest_armed_mtimecmp);
    tcase_add_test(t, clint_reserved_space_reads_zero_and_ignores_writes);
    tcase_add_test(t, syscon_pass_fail_and_reset_codes);
    tcase_add_test(t, syscon_ignores_other_values_offsets_and_byte_writes);
    tcase_add_test(t, htif_exit_request_reports_code_and_consumes_tohost);
    tcase_add_test(t, htif_putchar_outputs_and_acknowledges_in_fromhost);
    tcase_add_test(t, htif_syscall_write_outputs_buffer_and_returns_length);
    tcase_add_test(t, htif_syscall_errors_return_negative_errno);
    tcase_add_test(t, htif_syscall_exit_reports_its_argument);
    tcase_add_test(t, htif_split_32bit_store_waits_for_the_high_half);
    tcase_add_test(t, htif_poll_completes_a_lone_low_half);
    tcase_add_test(t, htif_ignores_stores_next_to_tohost_and_without_fromhost_does_not_respond);
    tcase_add_test(t, htif_unknown_device_is_acknowledged);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(devices_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
