/* Unit tests for src/util/statebuf.c: byte-exact little-endian layout, sections, and a reader that fails
 * cleanly on truncated, mislabelled or out-of-range input. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/statebuf.h"

START_TEST(values_are_written_little_endian_whatever_the_host)
{
    struct state_writer w;
    state_writer_init(&w);
    state_put_u8(&w, 0x11);
    state_put_u16(&w, 0x2233);
    state_put_u32(&w, 0x44556677u);
    state_put_u64(&w, 0x8899aabbccddeeffull);
    state_put_bool(&w, true);
    static const uint8_t want[] = { 0x11, 0x33, 0x22, 0x77, 0x66, 0x55, 0x44,
                                    0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99, 0x88, 0x01 };
    ck_assert(!w.failed);
    ck_assert_uint_eq(w.len, sizeof(want));
    ck_assert_mem_eq(w.data, want, sizeof(want));
    state_writer_free(&w);
}
END_TEST

START_TEST(values_read_back_as_written)
{
    struct state_writer w;
    state_writer_init(&w);
    uint64_t arr[3] = { 1, 0xffffffffffffffffull, 42 };
    state_put_u64s(&w, arr, 3);
    state_put_str(&w, "console=ttyS0");
    state_put_str(&w, NULL);
    state_put_str(&w, "");
    state_put_u64(&w, 7);
    struct state_reader r;
    state_reader_init(&r, w.data, w.len);
    uint64_t back[3];
    state_get_u64s(&r, back, 3);
    ck_assert_mem_eq(back, arr, sizeof(arr));
    bool present;
    char *s = state_get_str(&r, &present);
    ck_assert(present);
    ck_assert_str_eq(s, "console=ttyS0");
    free(s);
    s = state_get_str(&r, &present);
    ck_assert(!present);
    ck_assert_ptr_null(s);
    s = state_get_str(&r, &present);
    ck_assert(present);
    ck_assert_str_eq(s, "");
    free(s);
    ck_assert_uint_eq(state_get_below(&r, 8, "a count"), 7);
    ck_assert(!r.failed);
    ck_assert_uint_eq(r.pos, r.len);
    state_writer_free(&w);
}
END_TEST

START_TEST(reading_past_the_end_fails_and_yields_zeros)
{
    uint8_t bytes[5] = { 1, 2, 3, 4, 5 };
    struct state_reader r;
    state_reader_init(&r, bytes, sizeof(bytes));
    ck_assert_uint_eq(state_get_u32(&r), 0x04030201u);
    ck_assert_uint_eq(state_get_u64(&r), 0);
    ck_assert(r.failed);
    ck_assert_str_eq(r.error, "truncated (8 bytes wanted at offset 4 of 5)");
    /* Sticky: later reads fail too, even ones that would fit. */
    ck_assert_uint_eq(state_get_u8(&r), 0);
    ck_assert_str_eq(r.error, "truncated (8 bytes wanted at offset 4 of 5)");
}
END_TEST

START_TEST(a_value_out_of_range_fails_the_reader)
{
    struct state_writer w;
    state_writer_init(&w);
    state_put_u64(&w, 9);
    state_put_u8(&w, 2);
    struct state_reader r;
    state_reader_init(&r, w.data, w.len);
    ck_assert_uint_eq(state_get_below(&r, 8, "the hart count"), 0);
    ck_assert_str_eq(r.error, "the hart count is 9 (at most 7)");
    state_reader_init(&r, w.data + 8, 1);
    ck_assert(!state_get_bool(&r));
    ck_assert_str_eq(r.error, "a flag holds 2");
    state_writer_free(&w);
}
END_TEST

START_TEST(sections_carry_tag_version_and_length)
{
    struct state_writer w;
    state_writer_init(&w);
    size_t mark = state_section_begin(&w, "uart", 3);
    state_put_u16(&w, 0xbeef);
    state_section_end(&w, mark);
    static const uint8_t want[] = { 'u', 'a', 'r', 't', 0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0xef, 0xbe };
    ck_assert_uint_eq(w.len, sizeof(want));
    ck_assert_mem_eq(w.data, want, sizeof(want));

    struct state_reader r, sec;
    state_reader_init(&r, w.data, w.len);
    char tag[STATE_TAG_LEN + 1];
    state_section_peek(&r, tag);
    ck_assert_str_eq(tag, "uart");
    ck_assert(state_section_open(&r, "uart", 3, &sec));
    ck_assert_uint_eq(state_get_u16(&sec), 0xbeef);
    ck_assert(state_section_close(&r, &sec, "uart"));
    ck_assert_uint_eq(r.pos, r.len);
    state_writer_free(&w);
}
END_TEST

START_TEST(a_section_of_another_tag_version_or_length_is_refused)
{
    struct state_writer w;
    state_writer_init(&w);
    size_t mark = state_section_begin(&w, "plic", 1);
    state_put_u32(&w, 5);
    state_section_end(&w, mark);
    struct state_reader r, sec;

    state_reader_init(&r, w.data, w.len);
    ck_assert(!state_section_open(&r, "clint", 1, &sec));
    ck_assert_str_eq(r.error, "section 'clint' expected, found 'plic'");

    state_reader_init(&r, w.data, w.len);
    ck_assert(!state_section_open(&r, "plic", 2, &sec));
    ck_assert_str_eq(r.error, "section 'plic' has version 1, this vhart reads version 2");

    state_reader_init(&r, w.data, w.len);
    ck_assert(state_section_open(&r, "plic", 1, &sec));
    (void)state_get_u16(&sec);   /* the loader reads less than was saved */
    ck_assert(!state_section_close(&r, &sec, "plic"));
    ck_assert_str_eq(r.error, "section 'plic' has 2 bytes left over");

    state_reader_init(&r, w.data, w.len);
    ck_assert(state_section_open(&r, "plic", 1, &sec));
    (void)state_get_u64(&sec);   /* ... or more */
    ck_assert(!state_section_close(&r, &sec, "plic"));
    ck_assert_str_eq(r.error, "section 'plic': truncated (8 bytes wanted at offset 0 of 4)");

    state_reader_init(&r, w.data, w.len - 1);   /* the file ends inside the section */
    ck_assert(!state_section_open(&r, "plic", 1, &sec));
    ck_assert_str_eq(r.error, "truncated (4 bytes wanted at offset 20 of 23)");
    state_writer_free(&w);
}
END_TEST

/* A sink that keeps what it is given, and how many calls gave it. */
struct sunk {
    uint8_t data[4096];
    size_t len;
    unsigned calls;
    bool refuse;
};

static bool sunk_take(void *opaque, const void *data, size_t len)
{
    struct sunk *k = opaque;
    if (k->refuse || len > sizeof(k->data) - k->len) return false;
    memcpy(k->data + k->len, data, len);
    k->len += len;
    k->calls++;
    return true;
}

/* Writes the same state into w: two sections (one nested in the other), a known-length section
 * streamed, then a loose value. */
static void write_sample(struct state_writer *w)
{
    static const uint8_t big[100] = { 1, 2, 3 };
    size_t a = state_section_begin(w, "outer", 1);
    state_put_u32(w, 0xdeadbeef);
    size_t b = state_section_begin(w, "inner", 2);
    state_put_u16(w, 7);
    state_section_end(w, b);
    state_section_end(w, a);
    state_section_header(w, "known", 3, 4 + sizeof(big));
    state_put_u32(w, 0x01020304);
    state_put_stream(w, big, sizeof(big));
    state_put_u8(w, 9);
    state_writer_flush(w);
}

START_TEST(a_sink_receives_the_same_bytes_section_by_section)
{
    struct state_writer held, streamed;
    struct sunk k = { 0 };
    state_writer_init(&held);
    state_writer_init(&streamed);
    state_writer_set_sink(&streamed, sunk_take, &k);
    write_sample(&held);
    write_sample(&streamed);
    ck_assert(!held.failed && !streamed.failed);
    ck_assert_uint_eq(k.len, held.len);
    ck_assert_mem_eq(k.data, held.data, held.len);
    ck_assert_uint_eq(streamed.total, held.len);
    ck_assert_uint_eq(streamed.len, 0);   /* nothing held back */
    /* "outer" (with "inner" in it) once at its end; the known section's header and first value when the
     * stream starts; the streamed bytes in one call; the loose byte at the flush. */
    ck_assert_uint_eq(k.calls, 4);
    state_writer_free(&held);
    state_writer_free(&streamed);
}
END_TEST

START_TEST(a_section_header_parses_back_and_opens_as_a_section)
{
    struct state_writer w;
    state_writer_init(&w);
    state_section_header(&w, "ram", 2, 3);
    state_put_u8(&w, 1);
    state_put_u16(&w, 2);
    ck_assert_uint_eq(w.len, STATE_SECTION_HEADER + 3);
    char tag[STATE_TAG_LEN + 1];
    uint32_t version;
    uint64_t len;
    state_section_header_parse(w.data, tag, &version, &len);
    ck_assert_str_eq(tag, "ram");
    ck_assert_uint_eq(version, 2);
    ck_assert_uint_eq(len, 3);
    struct state_reader r, s;
    state_reader_init(&r, w.data, w.len);
    ck_assert(state_section_open(&r, "ram", 2, &s));
    ck_assert_uint_eq(state_get_u8(&s), 1);
    ck_assert_uint_eq(state_get_u16(&s), 2);
    ck_assert(state_section_close(&r, &s, "ram"));
    state_writer_free(&w);
}
END_TEST

START_TEST(a_failing_sink_fails_the_writer)
{
    struct state_writer w;
    struct sunk k = { .refuse = true };
    state_writer_init(&w);
    state_writer_set_sink(&w, sunk_take, &k);
    size_t a = state_section_begin(&w, "x", 1);
    state_put_u32(&w, 1);
    state_section_end(&w, a);
    ck_assert(w.failed);
    ck_assert(!state_writer_flush(&w));
    state_writer_free(&w);
}
END_TEST

static Suite *statebuf_suite(void)
{
    Suite *s = suite_create("statebuf");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, values_are_written_little_endian_whatever_the_host);
    tcase_add_test(tc, values_read_back_as_written);
    tcase_add_test(tc, reading_past_the_end_fails_and_yields_zeros);
    tcase_add_test(tc, a_value_out_of_range_fails_the_reader);
    tcase_add_test(tc, sections_carry_tag_version_and_length);
    tcase_add_test(tc, a_section_of_another_tag_version_or_length_is_refused);
    tcase_add_test(tc, a_sink_receives_the_same_bytes_section_by_section);
    tcase_add_test(tc, a_section_header_parses_back_and_opens_as_a_section);
    tcase_add_test(tc, a_failing_sink_fails_the_writer);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(statebuf_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
