/* Unit tests for src/debug/rsp.c: framing, checksums, acks, escapes, run-length decoding, hex, and
 * the receive parser's handling of bad input (bad or malformed checksums, oversized and truncated
 * packets, garbage between packets) per GDB's Remote Protocol (appendix E.1). */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debug/rsp.h"

static struct rsp_parser *parser;

static void setup(void)
{
    parser = malloc(sizeof(*parser));
    ck_assert_ptr_nonnull(parser);
    rsp_parser_init(parser);
}
static void teardown(void) { free(parser); }

/* Feed bytes; return the last event other than RSP_EV_NONE (RSP_EV_NONE if there was none) and
 * count the events seen. */
static int nevents;
static enum rsp_event feed(const void *data, size_t len)
{
    const uint8_t *b = data;
    enum rsp_event last = RSP_EV_NONE;
    nevents = 0;
    for (size_t i = 0; i < len; i++) {
        enum rsp_event ev = rsp_parser_feed(parser, b[i]);
        if (ev != RSP_EV_NONE) {
            last = ev;
            nevents++;
        }
    }
    return last;
}
static enum rsp_event feeds(const char *s) { return feed(s, strlen(s)); }

START_TEST(checksum_is_the_byte_sum_modulo_256)
{
    ck_assert_uint_eq(rsp_checksum("g", 1), 0x67);
    ck_assert_uint_eq(rsp_checksum("qSupported", 10), 0x37);
    ck_assert_uint_eq(rsp_checksum("", 0), 0);
    uint8_t ff[3] = { 0xff, 0xff, 0x03 };
    ck_assert_uint_eq(rsp_checksum(ff, 3), 0x01);
}
END_TEST

START_TEST(frame_wraps_payload_with_dollar_hash_and_checksum)
{
    uint8_t out[32];
    size_t n = rsp_frame(out, sizeof(out), "OK", 2, false);
    ck_assert_uint_eq(n, 6);
    ck_assert_mem_eq(out, "$OK#9a", 6);
    n = rsp_frame(out, sizeof(out), "", 0, false);
    ck_assert_mem_eq(out, "$#00", 4);
    ck_assert_uint_eq(n, 4);
}
END_TEST

START_TEST(frame_refuses_what_does_not_fit)
{
    uint8_t out[8];
    ck_assert_uint_eq(rsp_frame(out, sizeof(out), "OKAY", 4, false), 8);
    ck_assert_uint_eq(rsp_frame(out, sizeof(out), "OKAYS", 5, false), 0);
    ck_assert_uint_eq(rsp_frame(out, sizeof(out), "}}", 2, true), 8);    /* 4 bytes escaped + 4 */
    ck_assert_uint_eq(rsp_frame(out, sizeof(out), "}}}", 3, true), 0);
    ck_assert_uint_eq(rsp_frame(out, 3, "", 0, false), 0);
}
END_TEST

START_TEST(escaped_frame_escapes_hash_dollar_brace_and_star)
{
    uint8_t out[32];
    size_t n = rsp_frame(out, sizeof(out), "a#$}*b", 6, true);
    /* checksum covers the escaped bytes */
    const char *body = "a}\x03}\x04}]}\x0a" "b";
    char expect[32];
    snprintf(expect, sizeof(expect), "$%s#%02x", body, rsp_checksum(body, strlen(body)));
    ck_assert_uint_eq(n, strlen(expect));
    ck_assert_mem_eq(out, expect, n);
}
END_TEST

START_TEST(parser_delivers_a_good_packet)
{
    ck_assert_int_eq(feeds("$g#67"), RSP_EV_PACKET);
    ck_assert_uint_eq(parser->len, 1);
    ck_assert_str_eq((char *)parser->buf, "g");
    ck_assert_int_eq(feeds("$qSupported:swbreak+#"), RSP_EV_NONE);
    char cs[3];
    snprintf(cs, sizeof(cs), "%02X", rsp_checksum("qSupported:swbreak+", 19)); /* upper-case digits too */
    ck_assert_int_eq(feed(cs, 2), RSP_EV_PACKET);
    ck_assert_str_eq((char *)parser->buf, "qSupported:swbreak+");
}
END_TEST

START_TEST(parser_reports_acks_naks_and_interrupts_between_packets)
{
    ck_assert_int_eq(feeds("+"), RSP_EV_ACK);
    ck_assert_int_eq(feeds("-"), RSP_EV_NAK);
    ck_assert_int_eq(feed("\x03", 1), RSP_EV_INTERRUPT);
}
END_TEST

START_TEST(bad_checksum_is_reported_and_the_parser_recovers)
{
    ck_assert_int_eq(feeds("$g#68"), RSP_EV_BAD_CHECKSUM);
    ck_assert_int_eq(feeds("$g#67"), RSP_EV_PACKET);
    ck_assert_str_eq((char *)parser->buf, "g");
}
END_TEST

START_TEST(non_hex_checksum_is_malformed)
{
    ck_assert_int_eq(feeds("$g#z7"), RSP_EV_MALFORMED);
    ck_assert_int_eq(nevents, 1);   /* the stray '7' after the bad digit is line noise */
    ck_assert_int_eq(feeds("$g#6"), RSP_EV_NONE);
    ck_assert_int_eq(feeds("\n"), RSP_EV_MALFORMED);
    ck_assert_int_eq(feeds("$?#3f"), RSP_EV_PACKET);
    ck_assert_str_eq((char *)parser->buf, "?");
}
END_TEST

START_TEST(malformed_checksum_followed_by_a_packet_keeps_the_packet)
{
    ck_assert_int_eq(feeds("$g#$g#67"), RSP_EV_PACKET);
    ck_assert_int_eq(nevents, 2);   /* MALFORMED, then PACKET */
    ck_assert_str_eq((char *)parser->buf, "g");
}
END_TEST

START_TEST(garbage_between_packets_is_ignored)
{
    ck_assert_int_eq(feeds("hello\r\n#00 xyz\x7f"), RSP_EV_NONE);
    ck_assert_int_eq(feeds("junk$m80000000,4#"), RSP_EV_NONE);
    char cs[3];
    snprintf(cs, sizeof(cs), "%02x", rsp_checksum("m80000000,4", 11));
    ck_assert_int_eq(feed(cs, 2), RSP_EV_PACKET);
    ck_assert_str_eq((char *)parser->buf, "m80000000,4");
    ck_assert_int_eq(feeds("more garbage"), RSP_EV_NONE);
    ck_assert_int_eq(feeds("$g#67"), RSP_EV_PACKET);
}
END_TEST

START_TEST(truncated_packet_is_dropped_when_a_new_one_starts)
{
    ck_assert_int_eq(feeds("$m80000000,"), RSP_EV_NONE);
    ck_assert_int_eq(feeds("$g#67"), RSP_EV_PACKET);
    ck_assert_int_eq(nevents, 1);
    ck_assert_str_eq((char *)parser->buf, "g");
}
END_TEST

START_TEST(empty_packet_is_a_packet)
{
    ck_assert_int_eq(feeds("$#00"), RSP_EV_PACKET);
    ck_assert_uint_eq(parser->len, 0);
    ck_assert_str_eq((char *)parser->buf, "");
}
END_TEST

/* A packet of n payload bytes with a correct checksum. */
static uint8_t *big_packet(size_t n, size_t *total)
{
    uint8_t *b = malloc(n + 5);   /* + the NUL snprintf writes */
    ck_assert_ptr_nonnull(b);
    b[0] = '$';
    memset(b + 1, 'a', n);
    uint8_t sum = rsp_checksum(b + 1, n);
    snprintf((char *)b + 1 + n, 4, "#%02x", sum);
    *total = n + 4;
    return b;
}

START_TEST(packet_of_exactly_the_maximum_size_is_accepted)
{
    size_t total;
    uint8_t *b = big_packet(RSP_PACKET_MAX, &total);
    ck_assert_int_eq(feed(b, total), RSP_EV_PACKET);
    ck_assert_uint_eq(parser->len, RSP_PACKET_MAX);
    ck_assert_uint_eq(parser->buf[RSP_PACKET_MAX], 0);
    free(b);
}
END_TEST

START_TEST(oversized_packet_is_reported_without_overflowing)
{
    size_t total;
    uint8_t *b = big_packet(3 * RSP_PACKET_MAX + 7, &total);
    ck_assert_int_eq(feed(b, total), RSP_EV_OVERSIZED);
    ck_assert_int_eq(nevents, 1);
    ck_assert_uint_eq(parser->len, 0);
    ck_assert_int_eq(feeds("$g#67"), RSP_EV_PACKET);
    ck_assert_str_eq((char *)parser->buf, "g");
    free(b);
}
END_TEST

START_TEST(oversized_packet_with_bad_checksum_is_a_checksum_error)
{
    size_t total;
    uint8_t *b = big_packet(RSP_PACKET_MAX + 1, &total);
    b[total - 1] = b[total - 1] == '0' ? '1' : '0';
    ck_assert_int_eq(feed(b, total), RSP_EV_BAD_CHECKSUM);
    free(b);
}
END_TEST

START_TEST(interrupt_byte_inside_a_packet_is_data)
{
    const uint8_t pkt[] = { '$', 'X', '0', ',', '1', ':', 0x03, '#' };
    ck_assert_int_eq(feed(pkt, sizeof(pkt)), RSP_EV_NONE);
    char cs[3];
    uint8_t body[] = { 'X', '0', ',', '1', ':', 0x03 };
    snprintf(cs, sizeof(cs), "%02x", rsp_checksum(body, sizeof(body)));
    ck_assert_int_eq(feed(cs, 2), RSP_EV_PACKET);
    ck_assert_uint_eq(parser->len, 6);
    ck_assert_mem_eq(parser->buf, body, 6);
}
END_TEST

START_TEST(binary_x_payload_round_trips_every_byte_value)
{
    uint8_t data[256 + 6], frame[RSP_FRAME_MAX];
    memcpy(data, "X0,100:", 7);
    uint8_t bin[256];
    for (int i = 0; i < 256; i++) bin[i] = (uint8_t)(255 - i);
    /* The header is plain text; only the data is escaped. */
    uint8_t payload[600];
    memcpy(payload, "X0,100:", 7);
    size_t n = rsp_escape(payload + 7, sizeof(payload) - 7, bin, sizeof(bin));
    ck_assert_uint_eq(n, 256 + 4);   /* four bytes need escaping */
    size_t flen = rsp_frame(frame, sizeof(frame), payload, 7 + n, false);
    ck_assert_uint_gt(flen, 0);
    ck_assert_int_eq(feed(frame, flen), RSP_EV_PACKET);
    ck_assert_uint_eq(parser->len, 7 + n);
    size_t dlen = rsp_unescape(data, parser->buf + 7, parser->len - 7);
    ck_assert_uint_eq(dlen, 256);
    ck_assert_mem_eq(data, bin, 256);
}
END_TEST

START_TEST(unescape_decodes_in_place_and_rejects_a_trailing_brace)
{
    uint8_t buf[] = { 'a', '}', 0x5d, '}', 0x03, 'b' };
    size_t n = rsp_unescape(buf, buf, sizeof(buf));
    ck_assert_uint_eq(n, 4);
    ck_assert_mem_eq(buf, "a}#b", 4);
    uint8_t bad[] = { 'a', '}' };
    ck_assert_uint_eq(rsp_unescape(bad, bad, sizeof(bad)), (size_t)-1);
}
END_TEST

START_TEST(escape_reports_a_full_buffer)
{
    uint8_t out[3];
    ck_assert_uint_eq(rsp_escape(out, sizeof(out), "ab}", 3), (size_t)-1);
    ck_assert_uint_eq(rsp_escape(out, sizeof(out), "abc", 3), 3);
}
END_TEST

START_TEST(run_length_encoding_expands)
{
    uint8_t out[64];
    size_t n = rsp_rle_decode(out, sizeof(out), (const uint8_t *)"0* ", 3);
    ck_assert_uint_eq(n, 4);
    ck_assert_mem_eq(out, "0000", 4);
    n = rsp_rle_decode(out, sizeof(out), (const uint8_t *)"ab*\"c", 5);   /* '"' = 5 more */
    ck_assert_uint_eq(n, 8);
    ck_assert_mem_eq(out, "abbbbbbc", 8);
}
END_TEST

START_TEST(run_length_encoding_rejects_bad_runs)
{
    uint8_t out[8];
    ck_assert_uint_eq(rsp_rle_decode(out, sizeof(out), (const uint8_t *)"*  ", 3), (size_t)-1);  /* nothing to repeat */
    ck_assert_uint_eq(rsp_rle_decode(out, sizeof(out), (const uint8_t *)"a*", 2), (size_t)-1);   /* no count */
    ck_assert_uint_eq(rsp_rle_decode(out, sizeof(out), (const uint8_t *)"a*#", 3), (size_t)-1);  /* '#' count */
    ck_assert_uint_eq(rsp_rle_decode(out, sizeof(out), (const uint8_t *)"a*\x1f", 3), (size_t)-1);
    ck_assert_uint_eq(rsp_rle_decode(out, sizeof(out), (const uint8_t *)"a*~", 3), (size_t)-1);  /* 97 > cap */
    ck_assert_uint_eq(rsp_rle_decode(out, 2, (const uint8_t *)"abc", 3), (size_t)-1);
}
END_TEST

START_TEST(hex_helpers_encode_and_decode)
{
    char hex[16];
    const uint8_t bytes[] = { 0x00, 0x7f, 0xa5, 0xff };
    char *end = rsp_hex_encode(hex, bytes, 4);
    ck_assert_ptr_eq(end, hex + 8);
    ck_assert_mem_eq(hex, "007fa5ff", 8);
    uint8_t back[4];
    ck_assert_int_eq(rsp_hex_decode(back, "007FA5ff", 4), 0);
    ck_assert_mem_eq(back, bytes, 4);
    ck_assert_int_eq(rsp_hex_decode(back, "00g0", 2), -1);
    ck_assert_int_eq(rsp_hex_decode(back, "001", 2), -1);    /* too short: stops at the NUL */
    ck_assert_int_eq(rsp_hex_digit('G'), -1);
}
END_TEST

START_TEST(parse_hex_reads_up_to_64_bits)
{
    const char *s = "80000000,4", *p = s;
    uint64_t v;
    ck_assert_int_eq(rsp_parse_hex(&p, &v), 0);
    ck_assert_uint_eq(v, 0x80000000u);
    ck_assert_ptr_eq(p, s + 8);
    p = "ffffffffffffffff";
    ck_assert_int_eq(rsp_parse_hex(&p, &v), 0);
    ck_assert_uint_eq(v, UINT64_MAX);
    p = "10000000000000000";   /* 17 digits: overflow */
    ck_assert_int_eq(rsp_parse_hex(&p, &v), -1);
    p = ",4";
    ck_assert_int_eq(rsp_parse_hex(&p, &v), -1);
}
END_TEST

START_TEST(little_endian_register_values)
{
    char hex[17] = { 0 };
    rsp_hex_le(hex, 0x8000000000001234ull, 8);
    ck_assert_str_eq(hex, "3412000000000080");
    memset(hex, 0, sizeof(hex));
    rsp_hex_le(hex, 0x1f, 4);
    ck_assert_str_eq(hex, "1f000000");
    uint64_t v;
    ck_assert_int_eq(rsp_parse_hex_le("3412000000000080", 8, &v), 0);
    ck_assert_uint_eq(v, 0x8000000000001234ull);
    ck_assert_int_eq(rsp_parse_hex_le("1f00", 2, &v), 0);
    ck_assert_uint_eq(v, 0x1f);
    ck_assert_int_eq(rsp_parse_hex_le("1f", 9, &v), -1);
    ck_assert_int_eq(rsp_parse_hex_le("zz", 1, &v), -1);
}
END_TEST

START_TEST(random_bytes_never_overrun_the_buffer)
{
    /* Deterministic noise, with '$' and '#' frequent enough to exercise every state. */
    uint32_t x = 12345;
    for (int i = 0; i < 200000; i++) {
        x = x * 1103515245u + 12345u;
        uint8_t b = (uint8_t)(x >> 16);
        if ((x >> 8 & 15) == 0) b = '$';
        else if ((x >> 8 & 15) == 1) b = '#';
        enum rsp_event ev = rsp_parser_feed(parser, b);
        ck_assert_uint_le(parser->len, RSP_PACKET_MAX);
        if (ev == RSP_EV_PACKET) ck_assert_uint_eq(parser->buf[parser->len], 0);
    }
    ck_assert_int_eq(feeds("#00$g#67"), RSP_EV_PACKET);
    ck_assert_str_eq((char *)parser->buf, "g");
}
END_TEST

static Suite *rsp_suite(void)
{
    Suite *s = suite_create("rsp");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, checksum_is_the_byte_sum_modulo_256);
    tcase_add_test(tc, frame_wraps_payload_with_dollar_hash_and_checksum);
    tcase_add_test(tc, frame_refuses_what_does_not_fit);
    tcase_add_test(tc, escaped_frame_escapes_hash_dollar_brace_and_star);
    tcase_add_test(tc, parser_delivers_a_good_packet);
    tcase_add_test(tc, parser_reports_acks_naks_and_interrupts_between_packets);
    tcase_add_test(tc, bad_checksum_is_reported_and_the_parser_recovers);
    tcase_add_test(tc, non_hex_checksum_is_malformed);
    tcase_add_test(tc, malformed_checksum_followed_by_a_packet_keeps_the_packet);
    tcase_add_test(tc, garbage_between_packets_is_ignored);
    tcase_add_test(tc, truncated_packet_is_dropped_when_a_new_one_starts);
    tcase_add_test(tc, empty_packet_is_a_packet);
    tcase_add_test(tc, packet_of_exactly_the_maximum_size_is_accepted);
    tcase_add_test(tc, oversized_packet_is_reported_without_overflowing);
    tcase_add_test(tc, oversized_packet_with_bad_checksum_is_a_checksum_error);
    tcase_add_test(tc, interrupt_byte_inside_a_packet_is_data);
    tcase_add_test(tc, binary_x_payload_round_trips_every_byte_value);
    tcase_add_test(tc, unescape_decodes_in_place_and_rejects_a_trailing_brace);
    tcase_add_test(tc, escape_reports_a_full_buffer);
    tcase_add_test(tc, run_length_encoding_expands);
    tcase_add_test(tc, run_length_encoding_rejects_bad_runs);
    tcase_add_test(tc, hex_helpers_encode_and_decode);
    tcase_add_test(tc, parse_hex_reads_up_to_64_bits);
    tcase_add_test(tc, little_endian_register_values);
    tcase_add_test(tc, random_bytes_never_overrun_the_buffer);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(rsp_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
