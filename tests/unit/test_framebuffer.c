/* Unit tests of the simple-framebuffer (src/dev/framebuffer.c) and the dirty-page logging it relies
 * on (PAGE_DIRTY set by bus stores and by the MMU when it makes a write TLB entry; entries dropped by
 * mmu_drop_writes_in). */
#include <check.h>
#include <stdint.h>

#include "dev/framebuffer.h"
#include "unit_helpers.h"

#define FB_BASE 0x50000000ull

static struct env *e;
static struct hart *h;
static struct framebuffer fb;

/* 64x32 pixels: 256-byte rows, 16 rows a page, two pages. */
static void setup(void)
{
    e = env_new();
    h = e->h;
    struct bus_region *r = bus_add_memory(&e->bus, "framebuffer", FB_BASE, framebuffer_region_size(64, 32), false);
    ck_assert_ptr_nonnull(r);
    framebuffer_init(&fb, r, 64, 32);
}
static void teardown(void) { env_free(e); }

static void expect_dirty(unsigned want_y0, unsigned want_y1)
{
    unsigned y0 = 99, y1 = 99;
    ck_assert_msg(framebuffer_take_dirty(&fb, &y0, &y1), "no dirty rows, want [%u, %u)", want_y0, want_y1);
    ck_assert_uint_eq(y0, want_y0);
    ck_assert_uint_eq(y1, want_y1);
}
static void expect_clean(void)
{
    unsigned y0, y1;
    ck_assert(!framebuffer_take_dirty(&fb, &y0, &y1));
}

START_TEST(geometry_is_a8r8g8b8_rows_in_whole_pages)
{
    ck_assert_uint_eq(fb.stride, 256);
    ck_assert_uint_eq(fb.size, 8192);
    ck_assert_uint_eq(framebuffer_region_size(1024, 768), 3ull << 20);
    ck_assert_uint_eq(framebuffer_region_size(100, 3), 4096);
    char err[160];
    ck_assert_int_eq(framebuffer_check_size(1024, 768, 64ull << 20, err, sizeof(err)), 0);
    ck_assert_int_eq(framebuffer_check_size(8, 8, 64ull << 20, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--display-size 8x8: width and height must be 16 to 8192");
    ck_assert_int_eq(framebuffer_check_size(8192, 8192, 64ull << 20, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--display-size 8192x8192: the framebuffer would take more than the 64 MiB reserved for it");
}
END_TEST

START_TEST(first_frame_is_whole_then_nothing_until_a_store)
{
    expect_dirty(0, 32);
    expect_clean();
}
END_TEST

START_TEST(bus_stores_and_dma_mark_their_rows)
{
    expect_dirty(0, 32);
    put32(e, FB_BASE + 20 * 256 + 8, 0x00ff0000);   /* row 20: second page */
    expect_dirty(16, 32);
    expect_clean();
    uint8_t px[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    ck_assert_int_eq(bus_copy_to_guest(&e->bus, FB_BASE + 3 * 256, px, sizeof(px)), 0);
    expect_dirty(0, 16);
    /* Stores to both pages report one span covering both. */
    put8(e, FB_BASE, 1);
    put8(e, FB_BASE + 8191, 1);
    expect_dirty(0, 32);
}
END_TEST

START_TEST(write_tlb_fill_marks_the_page_and_drop_makes_the_next_store_mark_again)
{
    expect_dirty(0, 32);
    /* M-mode, bare: the first store fills a write entry (and marks the page). */
    ck_assert_int_eq(mmu_store_slow(h, FB_BASE + 17 * 256, 4, 0x123456), 0);
    struct tlb_entry *w = &h->dtlb->w[(FB_BASE >> 12 | 1) & (TLB_SIZE - 1)];
    ck_assert_uint_eq(w->tag, FB_BASE + 4096);
    expect_dirty(16, 32);
    /* An entry into RAM survives the drop; the framebuffer's goes. */
    ck_assert_int_eq(mmu_store_slow(h, RAM_BASE + 0x200000, 8, 1), 0);
    struct tlb_entry *ram = &h->dtlb->w[((RAM_BASE + 0x200000) >> 12) & (TLB_SIZE - 1)];
    ck_assert_uint_eq(ram->tag, RAM_BASE + 0x200000);
    mmu_drop_writes_in(h, fb.pixels, fb.size);
    ck_assert_uint_eq(w->tag, TLB_INVALID);
    ck_assert_uint_eq(ram->tag, RAM_BASE + 0x200000);
    /* So the next store comes through the slow path and is seen. */
    ck_assert_int_eq(mmu_store_slow(h, FB_BASE + 17 * 256, 4, 0x654321), 0);
    expect_dirty(16, 32);
    ck_assert_uint_eq(get32(e, FB_BASE + 17 * 256), 0x654321);
}
END_TEST

START_TEST(a_page_partly_past_the_last_row_reports_rows_up_to_the_height)
{
    /* 16x100: 6400 bytes in two pages; the second page's tail is padding. */
    struct bus_region *r = bus_add_memory(&e->bus, "fb2", FB_BASE + 0x100000, framebuffer_region_size(16, 100), false);
    struct framebuffer f2;
    framebuffer_init(&f2, r, 16, 100);
    unsigned y0, y1;
    ck_assert(framebuffer_take_dirty(&f2, &y0, &y1));
    ck_assert_uint_eq(y1, 100);
    put8(e, FB_BASE + 0x100000 + 7000, 1);   /* row 109 would be past the end */
    ck_assert(framebuffer_take_dirty(&f2, &y0, &y1));   /* the page holds rows 64..99 too */
    ck_assert_uint_eq(y0, 64);
    ck_assert_uint_eq(y1, 100);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("framebuffer");
    TCase *tc = tcase_create("framebuffer");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, geometry_is_a8r8g8b8_rows_in_whole_pages);
    tcase_add_test(tc, first_frame_is_whole_then_nothing_until_a_store);
    tcase_add_test(tc, bus_stores_and_dma_mark_their_rows);
    tcase_add_test(tc, write_tlb_fill_marks_the_page_and_drop_makes_the_next_store_mark_again);
    tcase_add_test(tc, a_page_partly_past_the_last_row_reports_rows_up_to_the_height);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
