/* Unit tests for src/host/overlay.c: the copy-on-write overlay of --snapshot over an image held in
 * memory (whose backend has no write at all) and over a real file opened read-only: read-after-write,
 * partial granules, reads spanning overlay and image, discard and write-zeroes, the end of the disk,
 * slot reuse, the snapshot record (round trip, replacement, malformed records) and the image never
 * written. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host/blockfile.h"
#include "host/overlay.h"
#include "util/statebuf.h"

#define G OVERLAY_GRANULE
#define DISK (16 * G)

/* The image: bytes in memory, readable only; reads are counted. */
struct image {
    uint8_t *bytes, *original;
    uint64_t size;
    unsigned reads;
};
static struct image img;
static struct block_backend image_be;
static struct overlay ov;
static char err[512];

static uint8_t image_byte(uint64_t i) { return (uint8_t)(i * 13u + (i >> 12) * 7u + 3u); }

static int image_read(void *opaque, uint64_t off, void *buf, size_t len)
{
    struct image *im = opaque;
    ck_assert_uint_le(off + len, im->size);
    memcpy(buf, im->bytes + off, len);
    im->reads++;
    return 0;
}

static void make_image(uint64_t size)
{
    img.size = size;
    img.bytes = malloc(size);
    img.original = malloc(size);
    for (uint64_t i = 0; i < size; i++) img.bytes[i] = img.original[i] = image_byte(i);
    img.reads = 0;
    image_be = (struct block_backend){ .read = image_read, .size_bytes = size, .read_only = true, .opaque = &img };
}

static void open_overlay(uint64_t size)
{
    make_image(size);
    ck_assert_int_eq(overlay_open(&ov, &image_be, NULL, err, sizeof(err)), 0);
}

static void setup(void) { open_overlay(DISK); }

static void teardown(void)
{
    overlay_close(&ov);
    /* Whatever a test did, the image was never written. */
    ck_assert_mem_eq(img.bytes, img.original, img.size);
    free(img.bytes);
    free(img.original);
}

static int ov_read(struct overlay *o, uint64_t off, void *buf, size_t len) { return o->backend.read(o, off, buf, len); }
static int ov_write(struct overlay *o, uint64_t off, const void *buf, size_t len) { return o->backend.write(o, off, buf, len); }

/* What the guest should see: the image, then every change applied in order. */
static uint8_t *expected;
static void expect_image(void)
{
    free(expected);
    expected = malloc(img.size);
    memcpy(expected, img.original, img.size);
}

static void write_and_expect(uint64_t off, size_t len, uint8_t seed)
{
    uint8_t *buf = malloc(len);
    for (size_t i = 0; i < len; i++) buf[i] = (uint8_t)(seed + i * 5u);
    ck_assert_int_eq(ov_write(&ov, off, buf, len), 0);
    memcpy(expected + off, buf, len);
    free(buf);
}

static void check_whole_disk(struct overlay *o)
{
    uint8_t *got = malloc(img.size);
    ck_assert_int_eq(ov_read(o, 0, got, img.size), 0);
    for (uint64_t i = 0; i < img.size; i++)
        if (got[i] != expected[i]) ck_abort_msg("byte %llu reads 0x%02x, want 0x%02x", (unsigned long long)i, got[i], expected[i]);
    free(got);
}

START_TEST(backend_offers_every_request_and_is_writable_over_a_read_only_image)
{
    ck_assert_ptr_nonnull(ov.backend.read);
    ck_assert_ptr_nonnull(ov.backend.write);
    ck_assert_ptr_nonnull(ov.backend.flush);
    ck_assert_ptr_nonnull(ov.backend.discard);
    ck_assert_ptr_nonnull(ov.backend.write_zeroes);
    ck_assert(!ov.backend.read_only);
    ck_assert_uint_eq(ov.backend.size_bytes, DISK);
    ck_assert_int_eq(ov.backend.flush(&ov), 0);
}
END_TEST

START_TEST(temporary_file_is_unlinked_at_once)
{
    struct stat st;
    ck_assert_int_eq(fstat(ov.fd, &st), 0);
    ck_assert_uint_eq(st.st_nlink, 0);
    ck_assert_int_eq(st.st_size, 0);
}
END_TEST

START_TEST(unwritten_disk_reads_the_image)
{
    expect_image();
    check_whole_disk(&ov);
    ck_assert_uint_eq(img.reads, 1);   /* one run, one read */
}
END_TEST

START_TEST(aligned_write_reads_back)
{
    expect_image();
    write_and_expect(3 * G, 2 * G, 0x40);
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.data_granules, 2);
    ck_assert_uint_eq(ov.slots, 2);
    struct stat st;
    ck_assert_int_eq(fstat(ov.fd, &st), 0);
    ck_assert_int_eq(st.st_size, 2 * G);
}
END_TEST

START_TEST(partial_granule_write_keeps_the_image_bytes_around_it)
{
    expect_image();
    write_and_expect(G + 100, 10, 0x90);
    uint8_t got[G];
    ck_assert_int_eq(ov_read(&ov, G, got, G), 0);
    ck_assert_mem_eq(got, expected + G, G);
    ck_assert_uint_eq(got[99], image_byte(G + 99));
    ck_assert_uint_eq(got[100], 0x90);
    ck_assert_uint_eq(got[110], image_byte(G + 110));
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.data_granules, 1);
}
END_TEST

START_TEST(unaligned_write_spanning_three_granules)
{
    expect_image();
    write_and_expect(4000, 5000, 0x11);   /* granules 0, 1 and 2 */
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.data_granules, 3);
    /* A second write into the same granules goes to their slots. */
    write_and_expect(4090, 20, 0x77);
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.slots, 3);
}
END_TEST

START_TEST(read_spanning_overlay_and_image_granules)
{
    expect_image();
    write_and_expect(G, G, 0x22);
    write_and_expect(4 * G + 512, 512, 0x33);
    img.reads = 0;
    uint8_t *got = malloc(6 * G);
    ck_assert_int_eq(ov_read(&ov, 100, got, 6 * G - 200), 0);   /* granules 0-5, from the middle of 0 */
    ck_assert_mem_eq(got, expected + 100, 6 * G - 200);
    /* Image runs: granule 0, granules 2-3 and granule 5 (granule 4's image bytes were copied at its write). */
    ck_assert_uint_eq(img.reads, 3);
    free(got);
}
END_TEST

START_TEST(discard_of_whole_granules_reads_zeros_and_frees_their_slots)
{
    expect_image();
    write_and_expect(0, 4 * G, 0x55);
    ck_assert_int_eq(ov.backend.discard(&ov, G, 2 * G), 0);
    memset(expected + G, 0, 2 * G);
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.data_granules, 2);
    ck_assert_uint_eq(ov.zero_granules, 2);
    ck_assert_uint_eq(ov.nfree, 2);
    /* Discarding granules the overlay never held stores nothing either. */
    ck_assert_int_eq(ov.backend.discard(&ov, 8 * G, 4 * G), 0);
    memset(expected + 8 * G, 0, 4 * G);
    ck_assert_uint_eq(ov.zero_granules, 6);
    /* New data reuses the freed slots before the file grows. */
    write_and_expect(14 * G, 2 * G, 0x66);
    write_and_expect(9 * G + 10, 10, 0x67);   /* a zeroed granule partly written: zeros around it */
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.slots, 5);
    ck_assert_uint_eq(ov.nfree, 0);
    ck_assert_uint_eq(ov.zero_granules, 5);
    ck_assert_uint_eq(ov.data_granules, 5);
}
END_TEST

START_TEST(discard_of_part_of_a_granule_zeros_only_that_part)
{
    expect_image();
    ck_assert_int_eq(ov.backend.discard(&ov, 3 * G - 512, 1024), 0);   /* the end of 2, the start of 3 */
    memset(expected + 3 * G - 512, 0, 1024);
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.data_granules, 2);
    ck_assert_uint_eq(ov.zero_granules, 0);
}
END_TEST

START_TEST(write_zeroes_then_a_partial_write_leaves_zeros_around_it)
{
    expect_image();
    write_and_expect(5 * G, G, 0x12);
    ck_assert_int_eq(ov.backend.write_zeroes(&ov, 5 * G, 2 * G, false), 0);
    memset(expected + 5 * G, 0, 2 * G);
    write_and_expect(6 * G + 512, 512, 0x34);
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.zero_granules, 1);
    ck_assert_uint_eq(ov.data_granules, 1);
}
END_TEST

START_TEST(requests_past_the_end_fail_with_einval)
{
    uint8_t buf[1024] = { 0 };
    ck_assert_int_eq(ov_read(&ov, DISK - 512, buf, 1024), -EINVAL);
    ck_assert_int_eq(ov_write(&ov, DISK - 512, buf, 1024), -EINVAL);
    ck_assert_int_eq(ov_write(&ov, DISK + 512, buf, 0), -EINVAL);
    ck_assert_int_eq(ov.backend.discard(&ov, DISK, 512), -EINVAL);
    ck_assert_int_eq(ov.backend.write_zeroes(&ov, UINT64_MAX - 511, 1024, true), -EINVAL);
    ck_assert_uint_eq(ov.data_granules + ov.zero_granules, 0);
}
END_TEST

START_TEST(disk_ending_inside_a_granule)
{
    overlay_close(&ov);
    free(img.bytes);
    free(img.original);
    open_overlay(3 * G + 1536);
    expect_image();
    write_and_expect(3 * G + 512, 512, 0x71);
    write_and_expect(3 * G + 1030, 3, 0x72);
    check_whole_disk(&ov);
    ck_assert_int_eq(ov.backend.discard(&ov, 3 * G, 1536), 0);   /* to the end: a partial granule */
    memset(expected + 3 * G, 0, 1536);
    check_whole_disk(&ov);
    uint8_t buf[512];
    ck_assert_int_eq(ov_read(&ov, 3 * G + 1536, buf, 512), -EINVAL);
}
END_TEST

/* The record of ov, as overlay_save writes it. */
static void save(struct overlay *o, struct state_writer *w)
{
    state_writer_init(w);
    ck_assert_int_eq(overlay_save(o, w), 0);
    ck_assert(!w->failed);
}

START_TEST(record_layout_is_exact)
{
    expect_image();
    write_and_expect(2 * G, 512, 0x01);
    ck_assert_int_eq(ov.backend.discard(&ov, 5 * G, G), 0);
    struct state_writer w;
    save(&ov, &w);
    ck_assert_uint_eq(w.len, 8 + 8 + (8 + 1 + G) + (8 + 1));
    struct state_reader r;
    state_reader_init(&r, w.data, w.len);
    ck_assert_uint_eq(state_get_u64(&r), G);
    ck_assert_uint_eq(state_get_u64(&r), 2);
    ck_assert_uint_eq(state_get_u64(&r), 2);
    ck_assert_uint_eq(state_get_u8(&r), 1);
    const uint8_t *data = state_get_span(&r, G);
    ck_assert_mem_eq(data, expected + 2 * G, G);
    ck_assert_uint_eq(state_get_u64(&r), 5);
    ck_assert_uint_eq(state_get_u8(&r), 0);
    ck_assert_uint_eq(r.pos, r.len);
    state_writer_free(&w);
}
END_TEST

START_TEST(load_replaces_the_overlay_entirely)
{
    expect_image();
    write_and_expect(0, 100, 0x21);
    write_and_expect(7 * G, 3 * G, 0x22);
    ck_assert_int_eq(ov.backend.write_zeroes(&ov, 12 * G, 2 * G, true), 0);
    memset(expected + 12 * G, 0, 2 * G);
    struct state_writer w;
    save(&ov, &w);

    /* A second overlay over the same image, with writes of its own where the record has none. */
    struct overlay other;
    ck_assert_int_eq(overlay_open(&other, &image_be, NULL, err, sizeof(err)), 0);
    uint8_t junk[2 * G];
    memset(junk, 0xee, sizeof(junk));
    ck_assert_int_eq(other.backend.write(&other, 3 * G, junk, sizeof(junk)), 0);
    ck_assert_int_eq(other.backend.discard(&other, 15 * G, G), 0);
    struct state_reader r;
    state_reader_init(&r, w.data, w.len);
    overlay_load(&other, &r, true);
    ck_assert_msg(!r.failed, "%s", r.error);
    ck_assert_uint_eq(r.pos, r.len);
    check_whole_disk(&other);
    ck_assert_uint_eq(other.data_granules, 4);
    ck_assert_uint_eq(other.zero_granules, 2);
    ck_assert_uint_eq(other.slots, 4);
    /* And it goes on as an overlay. */
    memcpy(expected + 3 * G, junk, 1);
    ck_assert_int_eq(other.backend.write(&other, 3 * G, junk, 1), 0);
    check_whole_disk(&other);
    overlay_close(&other);
    state_writer_free(&w);
}
END_TEST

START_TEST(check_only_load_reads_the_record_and_changes_nothing)
{
    expect_image();
    write_and_expect(G, G, 0x31);
    struct state_writer w;
    save(&ov, &w);
    write_and_expect(2 * G, G, 0x32);
    struct state_reader r;
    state_reader_init(&r, w.data, w.len);
    overlay_load(&ov, &r, false);
    ck_assert(!r.failed);
    ck_assert_uint_eq(r.pos, r.len);
    check_whole_disk(&ov);
    ck_assert_uint_eq(ov.data_granules, 2);
    state_writer_free(&w);
}
END_TEST

/* A record built by hand: granule size, then (granule, kind) pairs (data kinds get G bytes). */
static void hand_record(struct state_writer *w, uint64_t gsize, unsigned n, const uint64_t *granules,
                        const uint8_t *kinds)
{
    static const uint8_t page[G];
    state_writer_init(w);
    state_put_u64(w, gsize);
    state_put_u64(w, n);
    for (unsigned i = 0; i < n; i++) {
        state_put_u64(w, granules[i]);
        state_put_u8(w, kinds[i]);
        if (kinds[i] == 1) state_put_bytes(w, page, G);
    }
}

static void expect_refused_record(struct state_writer *w, const char *message)
{
    struct state_reader r;
    state_reader_init(&r, w->data, w->len);
    overlay_load(&ov, &r, true);
    ck_assert(r.failed);
    ck_assert_str_eq(r.error, message);
    check_whole_disk(&ov);   /* as it was */
    state_writer_free(w);
}

START_TEST(malformed_records_are_refused_and_leave_the_overlay_as_it_was)
{
    expect_image();
    write_and_expect(G, 700, 0x41);
    struct state_writer w;
    uint64_t g[3];
    uint8_t k[3];
    g[0] = 3, g[1] = 3, k[0] = 1, k[1] = 0;
    hand_record(&w, G, 2, g, k);
    expect_refused_record(&w, "overlay granule 3 out of order");
    g[0] = 16, k[0] = 0;
    hand_record(&w, G, 1, g, k);
    expect_refused_record(&w, "overlay granule 16 out of order");
    g[0] = 2, k[0] = 2;
    hand_record(&w, G, 1, g, k);
    expect_refused_record(&w, "overlay granule kind 2");
    hand_record(&w, 512, 0, g, k);
    expect_refused_record(&w, "overlay granules of 512 bytes");
    hand_record(&w, G, 0, g, k);
    w.data[8] = 17;   /* 17 entries on a 16-granule disk */
    expect_refused_record(&w, "17 overlay granules");
    g[0] = 1, g[1] = 4, k[0] = 0, k[1] = 1;
    hand_record(&w, G, 2, g, k);
    w.len -= 1;       /* the last granule's data cut short */
    expect_refused_record(&w, "truncated (4096 bytes wanted at offset 34 of 4129)");
}
END_TEST

START_TEST(tmpdir_that_cannot_hold_the_file_is_one_line)
{
    struct overlay o;
    ck_assert_int_eq(overlay_open(&o, &image_be, "/nonexistent-vhart-dir", err, sizeof(err)), -1);
    ck_assert_str_eq(err, "cannot create a temporary file in /nonexistent-vhart-dir: No such file or directory");
    ck_assert_int_eq(o.fd, -1);
    overlay_close(&o);   /* harmless */
    setenv("TMPDIR", "/nonexistent-vhart-env", 1);
    ck_assert_int_eq(overlay_open(&o, &image_be, NULL, err, sizeof(err)), -1);
    unsetenv("TMPDIR");
    ck_assert_str_eq(err, "cannot create a temporary file in /nonexistent-vhart-env: No such file or directory");
}
END_TEST

START_TEST(image_file_opened_read_only_is_never_written)
{
    char path[] = "/tmp/vhart-overlay-image-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, img.original, img.size), (ssize_t)img.size);
    struct timespec old[2] = { { 1000000000, 123456789 }, { 1000000000, 123456789 } };
    ck_assert_int_eq(futimens(fd, old), 0);
    close(fd);
    struct blockfile bf;
    ck_assert_int_eq(blockfile_open(&bf, path, true, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), 0);
    struct overlay o;
    ck_assert_int_eq(overlay_open(&o, &bf.backend, NULL, err, sizeof(err)), 0);
    expect_image();
    uint8_t buf[3 * G];
    memset(buf, 0x5a, sizeof(buf));
    ck_assert_int_eq(o.backend.write(&o, G + 512, buf, sizeof(buf)), 0);
    memcpy(expected + G + 512, buf, sizeof(buf));
    ck_assert_int_eq(o.backend.discard(&o, 8 * G, 2 * G), 0);
    memset(expected + 8 * G, 0, 2 * G);
    ck_assert_int_eq(o.backend.write_zeroes(&o, 12 * G + 512, 512, true), 0);
    memset(expected + 12 * G + 512, 0, 512);
    ck_assert_int_eq(o.backend.flush(&o), 0);
    check_whole_disk(&o);
    overlay_close(&o);
    ck_assert_int_eq(blockfile_close(&bf), 0);
    /* The file: same bytes, same modification time. */
    uint8_t *now = malloc(img.size);
    fd = open(path, O_RDONLY);
    ck_assert_int_eq(read(fd, now, img.size), (ssize_t)img.size);
    struct stat st;
    ck_assert_int_eq(fstat(fd, &st), 0);
    close(fd);
    ck_assert_mem_eq(now, img.original, img.size);
    ck_assert_int_eq(st.st_size, (off_t)img.size);
    ck_assert_int_eq(st.st_mtim.tv_sec, 1000000000);
    ck_assert_int_eq(st.st_mtim.tv_nsec, 123456789);
    free(now);
    unlink(path);
}
END_TEST

static Suite *overlay_suite(void)
{
    Suite *s = suite_create("overlay");
    TCase *t = tcase_create("overlay");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, backend_offers_every_request_and_is_writable_over_a_read_only_image);
    tcase_add_test(t, temporary_file_is_unlinked_at_once);
    tcase_add_test(t, unwritten_disk_reads_the_image);
    tcase_add_test(t, aligned_write_reads_back);
    tcase_add_test(t, partial_granule_write_keeps_the_image_bytes_around_it);
    tcase_add_test(t, unaligned_write_spanning_three_granules);
    tcase_add_test(t, read_spanning_overlay_and_image_granules);
    tcase_add_test(t, discard_of_whole_granules_reads_zeros_and_frees_their_slots);
    tcase_add_test(t, discard_of_part_of_a_granule_zeros_only_that_part);
    tcase_add_test(t, write_zeroes_then_a_partial_write_leaves_zeros_around_it);
    tcase_add_test(t, requests_past_the_end_fail_with_einval);
    tcase_add_test(t, disk_ending_inside_a_granule);
    tcase_add_test(t, record_layout_is_exact);
    tcase_add_test(t, load_replaces_the_overlay_entirely);
    tcase_add_test(t, check_only_load_reads_the_record_and_changes_nothing);
    tcase_add_test(t, malformed_records_are_refused_and_leave_the_overlay_as_it_was);
    tcase_add_test(t, tmpdir_that_cannot_hold_the_file_is_one_line);
    tcase_add_test(t, image_file_opened_read_only_is_never_written);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(overlay_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    free(expected);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
