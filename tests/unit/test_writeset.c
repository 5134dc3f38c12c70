/* Unit tests for src/host/writeset.c: the record of the granules a guest changed on an image written
 * in place (writes, discards and write-zeroes pass through and are noted), the content hash over them,
 * and the snapshot record: refused when this open wrote since, or when the recorded granules' content
 * differs; merged into a later open's record otherwise. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "host/writeset.h"
#include "util/statebuf.h"

#define G WRITESET_GRANULE
#define DISK (8 * G + 512)

static uint8_t disk[DISK];
static unsigned writes, discards, zeroes, flushes;

static int mem_read(void *opaque, uint64_t off, void *buf, size_t len)
{
    (void)opaque;
    memcpy(buf, disk + off, len);
    return 0;
}
static int mem_write(void *opaque, uint64_t off, const void *buf, size_t len)
{
    (void)opaque;
    memcpy(disk + off, buf, len);
    writes++;
    return 0;
}
static int mem_flush(void *opaque)
{
    (void)opaque;
    flushes++;
    return 0;
}
static int mem_discard(void *opaque, uint64_t off, uint64_t len)
{
    (void)opaque;
    memset(disk + off, 0, len);
    discards++;
    return 0;
}
static int mem_zeroes(void *opaque, uint64_t off, uint64_t len, bool may_unmap)
{
    (void)opaque, (void)may_unmap;
    memset(disk + off, 0, len);
    zeroes++;
    return 0;
}
static const struct block_backend mem_be = { mem_read, mem_write, mem_flush, mem_discard, mem_zeroes, DISK, false, NULL };

static struct writeset ws;

static void setup(void)
{
    for (size_t i = 0; i < DISK; i++) disk[i] = (uint8_t)(i * 3u + 1u);
    writes = discards = zeroes = flushes = 0;
    ck_assert_int_eq(writeset_init(&ws, &mem_be), 0);
}

static void teardown(void) { writeset_free(&ws); }

static void put(struct writeset *w, uint64_t off, size_t len, uint8_t v)
{
    uint8_t buf[2 * G];
    memset(buf, v, len);
    ck_assert_int_eq(w->backend.write(w, off, buf, len), 0);
}

static unsigned recorded(const struct writeset *w)
{
    unsigned n = 0;
    for (uint64_t g = 0; g < w->granules + 40; g++) n += writeset_has(w, g);
    return n;
}

START_TEST(requests_pass_through_and_note_their_granules)
{
    put(&ws, 2 * G + 512, 512, 0xaa);
    ck_assert_uint_eq(disk[2 * G + 512], 0xaa);
    ck_assert_int_eq(ws.backend.discard(&ws, 4 * G - 512, 1024), 0);   /* the end of 3, the start of 4 */
    ck_assert_int_eq(ws.backend.write_zeroes(&ws, 8 * G, 512, true), 0);   /* the partial last granule */
    ck_assert_int_eq(ws.backend.flush(&ws), 0);
    uint8_t b[16];
    ck_assert_int_eq(ws.backend.read(&ws, 2 * G + 512, b, 16), 0);
    ck_assert_uint_eq(b[0], 0xaa);
    ck_assert_uint_eq(writes, 1);
    ck_assert_uint_eq(discards, 1);
    ck_assert_uint_eq(zeroes, 1);
    ck_assert_uint_eq(flushes, 1);
    ck_assert_uint_eq(ws.changes, 3);
    ck_assert_uint_eq(recorded(&ws), 4);
    ck_assert(writeset_has(&ws, 2));
    ck_assert(writeset_has(&ws, 3));
    ck_assert(writeset_has(&ws, 4));
    ck_assert(writeset_has(&ws, 8));
    ck_assert_int_eq(ws.backend.write(&ws, DISK - 512, b, 1024), -EINVAL);
    ck_assert_uint_eq(ws.changes, 3);
}
END_TEST

START_TEST(read_only_image_gives_a_read_only_backend)
{
    struct block_backend ro = { .read = mem_read, .size_bytes = DISK, .read_only = true };
    struct writeset w;
    ck_assert_int_eq(writeset_init(&w, &ro), 0);
    ck_assert_ptr_null(w.backend.write);
    ck_assert_ptr_null(w.backend.flush);
    ck_assert_ptr_null(w.backend.discard);
    ck_assert_ptr_null(w.backend.write_zeroes);
    ck_assert(w.backend.read_only);
    writeset_free(&w);
}
END_TEST

START_TEST(hash_follows_the_content_of_recorded_granules_only)
{
    uint64_t h0, h1, h2, h3;
    ck_assert_int_eq(writeset_hash(&ws, &h0), 0);
    put(&ws, G, 512, 0x11);
    ck_assert_int_eq(writeset_hash(&ws, &h1), 0);
    ck_assert_uint_ne(h0, h1);
    disk[6 * G] ^= 1;   /* a granule nobody wrote: not covered */
    ck_assert_int_eq(writeset_hash(&ws, &h2), 0);
    ck_assert_uint_eq(h1, h2);
    disk[2 * G - 1] ^= 1;   /* the last byte of the written granule, outside the write itself */
    ck_assert_int_eq(writeset_hash(&ws, &h3), 0);
    ck_assert_uint_ne(h2, h3);
}
END_TEST

static void save(struct writeset *w, struct state_writer *sw)
{
    state_writer_init(sw);
    ck_assert_int_eq(writeset_save(w, sw), 0);
    ck_assert(!sw->failed);
}

START_TEST(record_layout_is_exact)
{
    put(&ws, 0, 2 * G, 1);
    put(&ws, 5 * G, 512, 2);
    struct state_writer sw;
    save(&ws, &sw);
    uint64_t hash;
    ck_assert_int_eq(writeset_hash(&ws, &hash), 0);
    struct state_reader r;
    state_reader_init(&r, sw.data, sw.len);
    ck_assert_uint_eq(state_get_u64(&r), ws.open_id);
    ck_assert_uint_eq(state_get_u64(&r), 2);
    ck_assert_uint_eq(state_get_u64(&r), 2);
    ck_assert_uint_eq(state_get_u64(&r), 0);
    ck_assert_uint_eq(state_get_u64(&r), 2);
    ck_assert_uint_eq(state_get_u64(&r), 5);
    ck_assert_uint_eq(state_get_u64(&r), 1);
    ck_assert_uint_eq(state_get_u64(&r), hash);
    ck_assert_uint_eq(r.pos, r.len);
    state_writer_free(&sw);
}
END_TEST

static void load(struct writeset *w, struct state_writer *sw, bool apply, bool want_modified, bool want_differs);

/* A large disk that holds nothing: reads are zeros, writes vanish. */
static int zero_read(void *opaque, uint64_t off, void *buf, size_t len)
{
    (void)opaque, (void)off;
    memset(buf, 0, len);
    return 0;
}
static int null_write(void *opaque, uint64_t off, const void *buf, size_t len)
{
    (void)opaque, (void)off, (void)buf, (void)len;
    return 0;
}

START_TEST(record_packs_granules_across_words_and_chunks)
{
    /* 300 MiB: 76800 granules, 2400 words of 32, three chunks of the map. */
    struct block_backend big = { .read = zero_read, .write = null_write, .size_bytes = 300ull << 20 };
    struct writeset w;
    ck_assert_int_eq(writeset_init(&w, &big), 0);
    ck_assert_uint_eq(w.granules, 76800);
    ck_assert_uint_eq(w.written.n, 2400);
    uint8_t b[512] = { 0 };
    const uint64_t at[] = { 31, 32, 63, 64, 65541, 76799 };
    for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++)
        ck_assert_int_eq(w.backend.write(&w, at[i] * G + 512, b, 512), 0);
    ck_assert(!writeset_has(&w, 30));
    ck_assert(writeset_has(&w, 31));
    ck_assert(writeset_has(&w, 32));
    ck_assert(!writeset_has(&w, 33));
    ck_assert(writeset_has(&w, 76799));
    ck_assert(!writeset_has(&w, 76800));   /* past the end */
    ck_assert_ptr_null(w.written.chunks[1]);   /* granules 32768-65535: nothing written */
    struct state_writer sw;
    save(&w, &sw);
    struct state_reader r;
    state_reader_init(&r, sw.data, sw.len);
    state_get_u64(&r);
    ck_assert_uint_eq(state_get_u64(&r), 6);
    ck_assert_uint_eq(state_get_u64(&r), 4);
    const uint64_t want[] = { 31, 2, 63, 2, 65541, 1, 76799, 1 };
    for (size_t i = 0; i < 8; i++) ck_assert_uint_eq(state_get_u64(&r), want[i]);
    state_get_u64(&r);
    ck_assert_uint_eq(r.pos, r.len);
    /* The same extents merge into another open's record. */
    struct writeset later;
    ck_assert_int_eq(writeset_init(&later, &big), 0);
    load(&later, &sw, true, false, false);
    ck_assert_uint_eq(recorded(&later), 6);
    ck_assert(writeset_has(&later, 65541));
    writeset_free(&later);
    writeset_free(&w);
    state_writer_free(&sw);
}
END_TEST

static void load(struct writeset *w, struct state_writer *sw, bool apply, bool want_modified, bool want_differs)
{
    struct state_reader r;
    state_reader_init(&r, sw->data, sw->len);
    bool modified, differs;
    writeset_load(w, &r, apply, &modified, &differs);
    ck_assert_msg(!r.failed, "%s", r.error);
    ck_assert_uint_eq(r.pos, r.len);
    ck_assert_int_eq(modified, want_modified);
    ck_assert_int_eq(differs, want_differs);
}

START_TEST(same_open_with_no_change_since_is_accepted)
{
    put(&ws, 3 * G, 512, 7);
    struct state_writer sw;
    save(&ws, &sw);
    load(&ws, &sw, true, false, false);
    state_writer_free(&sw);
}
END_TEST

START_TEST(same_open_written_since_is_modified_even_elsewhere_on_the_disk)
{
    put(&ws, 3 * G, 512, 7);
    struct state_writer sw;
    save(&ws, &sw);
    put(&ws, 7 * G, 512, 8);   /* a granule the record does not cover */
    load(&ws, &sw, true, true, false);
    state_writer_free(&sw);
}
END_TEST

START_TEST(another_open_checks_content_and_merges_the_record)
{
    put(&ws, 3 * G, 512, 7);
    put(&ws, 4 * G, 512, 7);
    struct state_writer sw;
    save(&ws, &sw);
    struct writeset later;
    ck_assert_int_eq(writeset_init(&later, &mem_be), 0);
    ck_assert_uint_ne(later.open_id, ws.open_id);
    load(&later, &sw, false, false, false);
    ck_assert_uint_eq(recorded(&later), 0);   /* checked only */
    load(&later, &sw, true, false, false);
    ck_assert_uint_eq(recorded(&later), 2);
    ck_assert(writeset_has(&later, 3));
    ck_assert(writeset_has(&later, 4));
    /* An image whose written granules differ (a copy from before the writes, say). */
    disk[4 * G + 4000] ^= 0x80;
    struct writeset third;
    ck_assert_int_eq(writeset_init(&third, &mem_be), 0);
    load(&third, &sw, true, false, true);
    ck_assert_uint_eq(recorded(&third), 0);   /* not merged */
    writeset_free(&later);
    writeset_free(&third);
    state_writer_free(&sw);
}
END_TEST

START_TEST(malformed_extents_fail_the_reader)
{
    struct state_writer sw;
    state_writer_init(&sw);
    state_put_u64(&sw, 1);
    state_put_u64(&sw, 0);
    state_put_u64(&sw, 2);
    state_put_u64(&sw, 4), state_put_u64(&sw, 2);
    state_put_u64(&sw, 5), state_put_u64(&sw, 1);   /* overlaps the first */
    state_put_u64(&sw, 0);
    struct state_reader r;
    state_reader_init(&r, sw.data, sw.len);
    bool modified, differs;
    writeset_load(&ws, &r, true, &modified, &differs);
    ck_assert(r.failed);
    ck_assert_str_eq(r.error, "written extent 5+1 out of order");
    ck_assert_uint_eq(recorded(&ws), 0);
    state_writer_free(&sw);

    state_writer_init(&sw);
    state_put_u64(&sw, 1);
    state_put_u64(&sw, 0);
    state_put_u64(&sw, 1);
    state_put_u64(&sw, 8), state_put_u64(&sw, 2);   /* past the last granule (8) */
    state_put_u64(&sw, 0);
    state_reader_init(&r, sw.data, sw.len);
    writeset_load(&ws, &r, true, &modified, &differs);
    ck_assert(r.failed);
    ck_assert_str_eq(r.error, "written extent 8+2 out of order");
    state_writer_free(&sw);

    state_writer_init(&sw);
    state_put_u64(&sw, 1);
    state_put_u64(&sw, 0);
    state_put_u64(&sw, 6);   /* 9 granules hold at most 5 extents */
    state_reader_init(&r, sw.data, sw.len);
    writeset_load(&ws, &r, true, &modified, &differs);
    ck_assert(r.failed);
    ck_assert_str_eq(r.error, "written extents is 6 (at most 5)");
    state_writer_free(&sw);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("writeset");
    TCase *t = tcase_create("writeset");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, requests_pass_through_and_note_their_granules);
    tcase_add_test(t, read_only_image_gives_a_read_only_backend);
    tcase_add_test(t, hash_follows_the_content_of_recorded_granules_only);
    tcase_add_test(t, record_layout_is_exact);
    tcase_add_test(t, same_open_with_no_change_since_is_accepted);
    tcase_add_test(t, same_open_written_since_is_modified_even_elsewhere_on_the_disk);
    tcase_add_test(t, another_open_checks_content_and_merges_the_record);
    tcase_add_test(t, malformed_extents_fail_the_reader);
    tcase_add_test(t, record_packs_granules_across_words_and_chunks);
    suite_add_tcase(s, t);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
