/* Unit tests for src/mem/bus.c: region map, little-endian accesses of every size, access faults,
 * ROM, device dispatch, decoded-code invalidation and watched pages. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "cpu/codecache.h"
#include "cpu/decode.h"
#include "mem/bus.h"

static struct bus b;
static struct bus_region *ram;

static void setup(void)
{
    bus_init(&b);
    ram = bus_add_memory(&b, "ram", 0x80000000, 0x10000, false);
    ck_assert_ptr_nonnull(ram);
}
static void teardown(void) { bus_destroy(&b); }

/* A device that records its last access. */
struct mock {
    uint64_t off, value;
    unsigned size, reads, writes;
    int fail;
    uint8_t mem[64];
};
static int mock_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    struct mock *m = opaque;
    if (m->fail) return -1;
    m->off = off;
    m->size = size;
    m->reads++;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) v |= (uint64_t)m->mem[off + i] << (8 * i);
    *value = v;
    return 0;
}
static int mock_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    struct mock *m = opaque;
    if (m->fail) return -1;
    m->off = off;
    m->size = size;
    m->value = value;
    m->writes++;
    for (unsigned i = 0; i < size; i++) m->mem[off + i] = (uint8_t)(value >> (8 * i));
    return 0;
}
static const struct mmio_ops mock_ops = { mock_read, mock_write };
static const struct mmio_ops write_only_ops = { NULL, mock_write };

/* Watch callback recorder. */
static struct { uint64_t paddr[8]; unsigned size[8]; unsigned n; } watched;
static void on_watch(void *opaque, uint64_t paddr, unsigned size)
{
    ck_assert_ptr_eq(opaque, &watched);
    if (watched.n < 8) {
        watched.paddr[watched.n] = paddr;
        watched.size[watched.n] = size;
    }
    watched.n++;
}

/* code_page_added recorder */
static uint64_t added_paddr;
static unsigned added_calls;
static void on_code_added(void *opaque, uint64_t paddr)
{
    (void)opaque;
    added_paddr = paddr;
    added_calls++;
}

static uint64_t rd(uint64_t pa, unsigned size)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&b, pa, size, &v), 0);
    return v;
}

START_TEST(find_returns_the_region_holding_the_address)
{
    struct mock m = { 0 };
    struct bus_region *dev = bus_add_device(&b, "dev", 0x10000000, 0x100, &mock_ops, &m);
    ck_assert_ptr_nonnull(dev);
    ck_assert_ptr_eq(bus_find(&b, 0x80000000), ram);
    ck_assert_ptr_eq(bus_find(&b, 0x8000ffff), ram);
    ck_assert_ptr_null(bus_find(&b, 0x80010000));
    ck_assert_ptr_null(bus_find(&b, 0x7fffffff));
    ck_assert_ptr_eq(bus_find(&b, 0x100000ff), dev);
    ck_assert_ptr_null(bus_find(&b, 0x10000100));
    ck_assert_str_eq(dev->name, "dev");
    ck_assert(ram->is_memory);
    ck_assert(!dev->is_memory);
}
END_TEST

START_TEST(overlapping_or_malformed_regions_are_refused)
{
    struct mock m = { 0 };
    unsigned count = b.count;
    ck_assert_ptr_null(bus_add_memory(&b, "x", 0x8000f000, 0x2000, false));      /* overlaps the end */
    ck_assert_ptr_null(bus_add_memory(&b, "x", 0x7ffff000, 0x2000, false));      /* overlaps the start */
    ck_assert_ptr_null(bus_add_memory(&b, "x", 0x7f000000, 0x2000000, false));   /* contains it */
    ck_assert_ptr_null(bus_add_device(&b, "x", 0x80008000, 8, &mock_ops, &m));   /* inside it */
    ck_assert_ptr_null(bus_add_memory(&b, "x", 0x90000000, 0, false));           /* empty */
    ck_assert_ptr_null(bus_add_memory(&b, "x", 0x90000800, 0x1000, false));      /* not page aligned */
    ck_assert_ptr_null(bus_add_device(&b, "x", ~0ull - 0xff, 0x200, &mock_ops, &m));   /* wraps */
    ck_assert_uint_eq(b.count, count);
    ck_assert_ptr_nonnull(bus_add_memory(&b, "next", 0x80010000, 0x1000, false));   /* adjacent is fine */
    ck_assert_ptr_nonnull(bus_add_device(&b, "below", 0x7ffffff0, 0x10, &mock_ops, &m));
}
END_TEST

START_TEST(accesses_of_every_size_are_little_endian)
{
    ck_assert_int_eq(bus_write(&b, 0x80000100, 8, 0x0102030405060708ull), 0);
    const uint8_t *p = bus_host_ptr(&b, 0x80000100, 8);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(p[0], 0x08);
    ck_assert_uint_eq(p[7], 0x01);
    ck_assert_uint_eq(rd(0x80000100, 1), 0x08);
    ck_assert_uint_eq(rd(0x80000100, 2), 0x0708);
    ck_assert_uint_eq(rd(0x80000100, 4), 0x05060708);
    ck_assert_uint_eq(rd(0x80000104, 4), 0x01020304);
    ck_assert_uint_eq(rd(0x80000100, 8), 0x0102030405060708ull);
    ck_assert_uint_eq(rd(0x80000101, 4), 0x04050607);     /* misaligned within memory */
    ck_assert_int_eq(bus_write(&b, 0x80000103, 2, 0xaabb), 0);
    ck_assert_uint_eq(rd(0x80000100, 8), 0x010203aabb060708ull);
    ck_assert_int_eq(bus_write(&b, 0x80000107, 1, 0x1ff), 0);   /* only the low byte is stored */
    ck_assert_uint_eq(rd(0x80000100, 8), 0xff0203aabb060708ull);
}
END_TEST

START_TEST(unmapped_addresses_raise_access_faults)
{
    uint64_t v;
    ck_assert_int_eq(bus_read(&b, 0x0, 4, &v), -1);
    ck_assert_int_eq(bus_write(&b, 0x0, 4, 1), -1);
    ck_assert_int_eq(bus_read(&b, 0x80010000, 1, &v), -1);
    /* A read straddling the end of RAM into nothing faults. */
    ck_assert_int_eq(bus_read(&b, 0x8000fffc, 8, &v), -1);
    ck_assert_int_eq(bus_write(&b, 0x8000fffe, 4, 0), -1);
}
END_TEST

START_TEST(access_straddling_two_adjacent_memories_is_split)
{
    ck_assert_ptr_nonnull(bus_add_memory(&b, "ram2", 0x80010000, 0x1000, false));
    ck_assert_int_eq(bus_write(&b, 0x8000fffe, 4, 0x11223344), 0);
    ck_assert_uint_eq(rd(0x8000fffe, 2), 0x3344);
    ck_assert_uint_eq(rd(0x80010000, 2), 0x1122);
    ck_assert_uint_eq(rd(0x8000fffe, 4), 0x11223344);
}
END_TEST

START_TEST(rom_refuses_stores_but_loader_copies_in)
{
    ck_assert_ptr_nonnull(bus_add_memory(&b, "rom", 0x1000, 0x1000, true));
    const uint8_t img[4] = { 1, 2, 3, 4 };
    ck_assert_int_eq(bus_copy_to_guest(&b, 0x1000, img, 4), 0);
    ck_assert_uint_eq(rd(0x1000, 4), 0x04030201);
    ck_assert_int_eq(bus_write(&b, 0x1000, 4, 0), -1);
    ck_assert_int_eq(bus_write(&b, 0x1003, 1, 0), -1);
    ck_assert_uint_eq(rd(0x1000, 4), 0x04030201);
}
END_TEST

START_TEST(device_receives_aligned_accesses_whole_and_misaligned_ones_as_bytes)
{
    struct mock m = { 0 };
    ck_assert_ptr_nonnull(bus_add_device(&b, "dev", 0x10000000, 0x40, &mock_ops, &m));
    ck_assert_int_eq(bus_write(&b, 0x10000008, 8, 0x1122334455667788ull), 0);
    ck_assert_uint_eq(m.off, 8);
    ck_assert_uint_eq(m.size, 8);
    ck_assert_uint_eq(m.writes, 1);
    ck_assert_uint_eq(rd(0x1000000c, 4), 0x11223344);
    ck_assert_uint_eq(m.off, 12);
    ck_assert_uint_eq(m.size, 4);
    m.writes = m.reads = 0;
    ck_assert_int_eq(bus_write(&b, 0x10000011, 4, 0xa1b2c3d4), 0);
    ck_assert_uint_eq(m.writes, 4);
    ck_assert_uint_eq(m.size, 1);
    ck_assert_uint_eq(m.off, 0x14);
    ck_assert_uint_eq(m.mem[0x11], 0xd4);
    ck_assert_uint_eq(m.mem[0x14], 0xa1);
    ck_assert_uint_eq(rd(0x10000011, 4), 0xa1b2c3d4);
    ck_assert_uint_eq(m.reads, 4);
}
END_TEST

START_TEST(device_rejection_is_an_access_fault)
{
    struct mock m = { 0 };
    ck_assert_ptr_nonnull(bus_add_device(&b, "dev", 0x10000000, 0x40, &mock_ops, &m));
    ck_assert_ptr_nonnull(bus_add_device(&b, "wo", 0x10001000, 0x40, &write_only_ops, &m));
    m.fail = 1;
    uint64_t v;
    ck_assert_int_eq(bus_read(&b, 0x10000000, 4, &v), -1);
    ck_assert_int_eq(bus_write(&b, 0x10000000, 4, 0), -1);
    m.fail = 0;
    ck_assert_int_eq(bus_read(&b, 0x10001000, 4, &v), -1);   /* no read callback */
    ck_assert_int_eq(bus_write(&b, 0x10001000, 4, 0), 0);
    ck_assert_ptr_null(bus_host_ptr(&b, 0x10000000, 4));     /* devices have no host memory */
}
END_TEST

START_TEST(host_ptr_requires_the_whole_range_inside_one_memory)
{
    ck_assert_ptr_eq(bus_host_ptr(&b, 0x80000000, 0x10000), ram->host);
    ck_assert_ptr_eq(bus_host_ptr(&b, 0x80000010, 16), ram->host + 16);
    ck_assert_ptr_null(bus_host_ptr(&b, 0x8000fff0, 0x20));
    ck_assert_ptr_null(bus_host_ptr(&b, 0x7ffffff0, 0x20));
    uint8_t buf[4];
    ck_assert_int_eq(bus_copy_from_guest(&b, 0x8000fffe, buf, 4), -1);
    ck_assert_int_eq(bus_copy_to_guest(&b, 0x8000fffe, buf, 4), -1);
}
END_TEST

START_TEST(store_to_code_page_resets_only_the_slots_it_overlaps)
{
    b.code_page_added = on_code_added;
    added_calls = 0;
    struct insn *slots = codecache_page(&b, ram, 0x80002000);
    ck_assert_ptr_nonnull(slots);
    ck_assert_uint_eq(added_calls, 1);
    ck_assert_uint_eq(added_paddr, 0x80002000);
    ck_assert(ram->page_flags[2] & PAGE_HAS_CODE);
    ck_assert_uint_eq(slots[CODECACHE_SLOTS].op, OP_PAGE_END);
    ck_assert_uint_eq(slots[CODECACHE_SLOTS + 1].op, OP_PAGE_END);
    /* Decoded: a fused rotate at offset 0 (bytes 0..11) and one at 2 (2..13), 4-byte instructions
     * at 8 and 10, a 2-byte one at 14, and the page's last slot. A group's bytes are its own
     * (decode.h insn_group_bytes): a rotate ending in a c.or at 2 would read 2..11 only. */
    slots[0] = (struct insn){ .op = OP_ROTW_4, .len = 4 };
    slots[1] = (struct insn){ .op = OP_ROTW_4, .len = 4 };
    slots[4] = (struct insn){ .op = OP_ILLEGAL, .len = 4 };
    slots[5] = (struct insn){ .op = OP_ILLEGAL, .len = 4 };
    slots[7] = (struct insn){ .op = OP_ILLEGAL, .len = 2 };
    slots[2047] = (struct insn){ .op = OP_ILLEGAL, .len = 2 };
    /* A store to another page, or next to the code, leaves the code alone. */
    ck_assert_int_eq(bus_write(&b, 0x80003000, 4, 1), 0);
    ck_assert_int_eq(bus_write(&b, 0x80002010, 8, 1), 0);
    ck_assert(ram->page_flags[2] & PAGE_HAS_CODE);
    ck_assert_uint_eq(slots[0].op, OP_ROTW_4);
    ck_assert_uint_eq(slots[7].op, OP_ILLEGAL);
    /* Bytes 12..13: the instructions at 10 (10..13) and the rotate at 2 (2..13) read them; the
     * rotate at 0, the instructions at 8 (8..11) and 14 did not. */
    ck_assert_int_eq(bus_write(&b, 0x8000200c, 2, 0x4501), 0);
    ck_assert(ram->page_flags[2] & PAGE_HAS_CODE);
    ck_assert_uint_eq(slots[0].op, OP_ROTW_4);
    ck_assert_uint_eq(slots[1].op, OP_DECODE);
    ck_assert_uint_eq(slots[4].op, OP_ILLEGAL);
    ck_assert_uint_eq(slots[5].op, OP_DECODE);
    ck_assert_uint_eq(slots[7].op, OP_ILLEGAL);
    ck_assert_uint_eq(slots[2047].op, OP_ILLEGAL);
    /* The page's last two bytes: its last slot; the sentinels stay. */
    ck_assert_int_eq(bus_write(&b, 0x80002ffe, 2, 0x4501), 0);
    ck_assert_uint_eq(slots[2047].op, OP_DECODE);
    ck_assert_uint_eq(slots[CODECACHE_SLOTS].op, OP_PAGE_END);
    ck_assert_uint_eq(slots[CODECACHE_SLOTS + 1].op, OP_PAGE_END);
    ck_assert_uint_eq(added_calls, 1);
}
END_TEST

START_TEST(code_page_written_often_is_forgotten_whole)
{
    struct insn *slots = codecache_page(&b, ram, 0x80002000);
    /* Writes into decoded code: the CODECACHE_PATCHES_TO_FORGET-th clears the page's mark. */
    for (unsigned i = 0; i < CODECACHE_PATCHES_TO_FORGET; i++) {
        ck_assert(ram->page_flags[2] & PAGE_HAS_CODE);
        slots[100] = (struct insn){ .op = OP_ILLEGAL, .len = 4 };
        slots[900] = (struct insn){ .op = OP_ILLEGAL, .len = 4 };
        ck_assert_int_eq(bus_write(&b, 0x80002000 + 200, 4, i), 0);
        if (i + 1 < CODECACHE_PATCHES_TO_FORGET) ck_assert_uint_eq(slots[900].op, OP_ILLEGAL);
    }
    ck_assert(!(ram->page_flags[2] & PAGE_HAS_CODE));
    ck_assert_uint_eq(slots[900].op, OP_DECODE);
    /* Marked again, the tallies start from zero; writes next to the code: the
     * CODECACHE_WRITES_TO_FORGET-th clears the mark. */
    ck_assert_ptr_eq(codecache_page(&b, ram, 0x80002000), slots);
    slots[900] = (struct insn){ .op = OP_ILLEGAL, .len = 4 };
    for (unsigned i = 0; i + 1 < CODECACHE_WRITES_TO_FORGET; i++)
        ck_assert_int_eq(bus_write(&b, 0x80002000 + 8 * (i % 64), 8, i), 0);
    ck_assert(ram->page_flags[2] & PAGE_HAS_CODE);
    ck_assert_uint_eq(slots[900].op, OP_ILLEGAL);
    ck_assert_int_eq(bus_write(&b, 0x80002000, 8, 0), 0);
    ck_assert(!(ram->page_flags[2] & PAGE_HAS_CODE));
    ck_assert_uint_eq(slots[900].op, OP_DECODE);
}
END_TEST

START_TEST(loader_copy_invalidates_code_it_covers)
{
    struct insn *s1 = codecache_page(&b, ram, 0x80001000);
    struct insn *s2 = codecache_page(&b, ram, 0x80002000);
    s1[0] = (struct insn){ .op = OP_ILLEGAL, .len = 4 };
    s1[0x7f8] = (struct insn){ .op = OP_ILLEGAL, .len = 4 };   /* offset 0xff0 */
    s2[0] = (struct insn){ .op = OP_ILLEGAL, .len = 4 };
    uint8_t buf[0x20] = { 0 };
    ck_assert_int_eq(bus_copy_to_guest(&b, 0x80001ff0, buf, sizeof(buf)), 0);
    ck_assert_uint_eq(s1[0].op, OP_ILLEGAL);
    ck_assert_uint_eq(s1[0x7f8].op, OP_DECODE);
    ck_assert_uint_eq(s2[0].op, OP_DECODE);
}
END_TEST

START_TEST(watched_page_store_calls_watcher_with_address_and_size)
{
    memset(&watched, 0, sizeof(watched));
    b.watch = on_watch;
    b.watch_opaque = &watched;
    bus_watch_page(&b, 0x80004123);
    ck_assert(ram->page_flags[4] & PAGE_WATCHED);
    ck_assert_int_eq(bus_write(&b, 0x80004008, 4, 7), 0);
    ck_assert_uint_eq(watched.n, 1);
    ck_assert_uint_eq(watched.paddr[0], 0x80004008);
    ck_assert_uint_eq(watched.size[0], 4);
    ck_assert_int_eq(bus_write(&b, 0x80005000, 8, 7), 0);   /* other page: silent */
    ck_assert_uint_eq(watched.n, 1);
    uint64_t v;
    ck_assert_int_eq(bus_read(&b, 0x80004008, 4, &v), 0);   /* loads are not reported */
    ck_assert_uint_eq(watched.n, 1);
    /* A copy spanning the watched page is reported clipped to that page. */
    uint8_t buf[0x20] = { 0 };
    ck_assert_int_eq(bus_copy_to_guest(&b, 0x80004ff0, buf, sizeof(buf)), 0);
    ck_assert_uint_eq(watched.n, 2);
    ck_assert_uint_eq(watched.paddr[1], 0x80004ff0);
    ck_assert_uint_eq(watched.size[1], 0x10);
    ck_assert_int_eq(bus_copy_to_guest(&b, 0x80003ff8, buf, sizeof(buf)), 0);
    ck_assert_uint_eq(watched.n, 3);
    ck_assert_uint_eq(watched.paddr[2], 0x80004000);
    ck_assert_uint_eq(watched.size[2], 0x18);
}
END_TEST

START_TEST(watch_on_device_or_unmapped_address_is_ignored)
{
    struct mock m = { 0 };
    ck_assert_ptr_nonnull(bus_add_device(&b, "dev", 0x10000000, 0x40, &mock_ops, &m));
    bus_watch_page(&b, 0x10000000);
    bus_watch_page(&b, 0x20000000);
    for (unsigned i = 0; i < 16; i++) ck_assert_uint_eq(ram->page_flags[i], 0);
}
END_TEST

static Suite *bus_suite(void)
{
    Suite *s = suite_create("bus");
    TCase *t = tcase_create("bus");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, find_returns_the_region_holding_the_address);
    tcase_add_test(t, overlapping_or_malformed_regions_are_refused);
    tcase_add_test(t, accesses_of_every_size_are_little_endian);
    tcase_add_test(t, unmapped_addresses_raise_access_faults);
    tcase_add_test(t, access_straddling_two_adjacent_memories_is_split);
    tcase_add_test(t, rom_refuses_stores_but_loader_copies_in);
    tcase_add_test(t, device_receives_aligned_accesses_whole_and_misaligned_ones_as_bytes);
    tcase_add_test(t, device_rejection_is_an_access_fault);
    tcase_add_test(t, host_ptr_requires_the_whole_range_inside_one_memory);
    tcase_add_test(t, store_to_code_page_resets_only_the_slots_it_overlaps);
    tcase_add_test(t, code_page_written_often_is_forgotten_whole);
    tcase_add_test(t, loader_copy_invalidates_code_it_covers);
    tcase_add_test(t, watched_page_store_calls_watcher_with_address_and_size);
    tcase_add_test(t, watch_on_device_or_unmapped_address_is_ignored);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(bus_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
