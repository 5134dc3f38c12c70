/* Unit tests for src/cpu/isa.c: ISA string parsing and formatting (unprivileged spec 20191213, ch. 27
 * "ISA Extension Naming Conventions"). */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "cpu/decode.h"
#include "cpu/isa.h"
#include <vhart/machine.h>

static char err[160];

static uint64_t parse_ok(const char *s)
{
    uint64_t ext = 0xdeadbeef;
    memset(err, 0, sizeof(err));
    ck_assert_msg(isa_parse(s, &ext, err, sizeof(err)) == 0, "%s rejected: %s", s, err);
    return ext;
}
static void parse_fails(const char *s, const char *msg)
{
    uint64_t ext = 0;
    memset(err, 0, sizeof(err));
    ck_assert_int_eq(isa_parse(s, &ext, err, sizeof(err)), -1);
    ck_assert_str_eq(err, msg);
}

START_TEST(rv64imac_enables_imac_with_s_and_zicsr)
{
    ck_assert_uint_eq(parse_ok("rv64imac"), EXT_I | EXT_M | EXT_A | EXT_C | EXT_S | EXT_ZICSR);
}
END_TEST

START_TEST(rv64i_enables_the_base_only)
{
    ck_assert_uint_eq(parse_ok("rv64i"), EXT_I | EXT_S | EXT_ZICSR);
}
END_TEST

START_TEST(parsing_is_case_insensitive)
{
    ck_assert_uint_eq(parse_ok("RV64IMAC"), parse_ok("rv64imac"));
    ck_assert_uint_eq(parse_ok("Rv64Imac_ZiCsr_ZIFENCEI"), parse_ok("rv64imac_zicsr_zifencei"));
}
END_TEST

START_TEST(multi_letter_extensions_follow_underscores)
{
    ck_assert_uint_eq(parse_ok("rv64imac_zicsr_zifencei"),
                      EXT_I | EXT_M | EXT_A | EXT_C | EXT_S | EXT_ZICSR | EXT_ZIFENCEI);
    ck_assert_uint_eq(parse_ok("rv64i_zba_zbb_zbs"), EXT_I | EXT_S | EXT_ZICSR | EXT_ZBA | EXT_ZBB | EXT_ZBS);
    ck_assert_uint_eq(parse_ok("rv64i_zicond_zicbom_zicboz_zihintpause"),
                      EXT_I | EXT_S | EXT_ZICSR | EXT_ZICOND | EXT_ZICBOM | EXT_ZICBOZ | EXT_ZIHINTPAUSE);
}
END_TEST

START_TEST(g_means_imafd_zicsr_zifencei)
{
    uint32_t g = EXT_I | EXT_M | EXT_A | EXT_F | EXT_D | EXT_ZICSR | EXT_ZIFENCEI | EXT_S;
    ck_assert_uint_eq(parse_ok("rv64g"), g);
    ck_assert_uint_eq(parse_ok("rv64gc"), g | EXT_C | EXT_CD);   /* C with D brings c.fld and friends */
    ck_assert_uint_eq(parse_ok("rv64imafdc"), (g & ~EXT_ZIFENCEI) | EXT_C | EXT_CD);   /* no Zifencei without g */
    ck_assert_uint_eq(parse_ok("rv64ifc") & EXT_CD, 0);          /* C without D does not */
}
END_TEST

START_TEST(s_and_u_letters_are_accepted)
{
    ck_assert_uint_eq(parse_ok("rv64imacsu"), parse_ok("rv64imac"));
}
END_TEST

START_TEST(rv32_is_rejected)
{
    parse_fails("rv32i", "--isa rv32i: must start with rv64");
    parse_fails("imac", "--isa imac: must start with rv64");
}
END_TEST

START_TEST(missing_base_integer_isa_is_rejected)
{
    parse_fails("rv64", "--isa rv64: the base integer ISA 'i' (or 'g') is required");
    parse_fails("rv64mac", "--isa rv64mac: the base integer ISA 'i' (or 'g') is required");
}
END_TEST

START_TEST(unknown_single_letter_is_rejected)
{
    parse_fails("rv64imaxc", "--isa rv64imaxc: unknown extension 'x'");
    parse_fails("rv64e", "--isa rv64e: unknown extension 'e'");
}
END_TEST

START_TEST(unknown_multi_letter_name_is_rejected)
{
    parse_fails("rv64i_zfoo", "--isa rv64i_zfoo: unknown extension 'zfoo'");
    parse_fails("rv64imac_zicsr_xvendor", "--isa rv64imac_zicsr_xvendor: unknown extension 'xvendor'");
    parse_fails("RV64I_ZFOO", "--isa RV64I_ZFOO: unknown extension 'zfoo'");
}
END_TEST

START_TEST(overlong_string_is_rejected)
{
    char s[300];
    memset(s, 'i', sizeof(s) - 1);
    memcpy(s, "rv64", 4);
    s[sizeof(s) - 1] = 0;
    parse_fails(s, "--isa: string too long");
}
END_TEST

START_TEST(newer_extensions_parse_and_format_in_canonical_order)
{
    char buf[256];
    uint64_t ext = parse_ok("rv64gc_svpbmt_zfh_zbkb_zcb_zfa");
    ck_assert(ext & EXT_ZFHMIN);   /* Zfh includes Zfhmin */
    ck_assert(ext & EXT_ZCB_M);    /* derived: c.mul */
    isa_format(ext, buf, sizeof(buf));
    ck_assert_str_eq(buf, "rv64imafdc_zicsr_zifencei_zfa_zfh_zfhmin_zcb_zbkb_svpbmt");
    ck_assert_uint_eq(parse_ok(buf), ext);
}
END_TEST

START_TEST(an_extension_without_what_it_needs_is_refused)
{
    parse_fails("rv64i_zfh", "--isa rv64i_zfh: zfh needs 'f'");
    parse_fails("rv64imac_zfhmin", "--isa rv64imac_zfhmin: zfhmin needs 'f'");
    parse_fails("rv64img_zcb", "--isa rv64img_zcb: zcb needs 'c'");
    parse_fails("rv64g_zcmop", "--isa rv64g_zcmop: zcmop needs 'c'");
    ck_assert_uint_ne(parse_ok("rv64if_zfh") & EXT_ZFH, 0);
}
END_TEST

START_TEST(public_parser_matches_isa_parse)
{
    uint64_t a = 0, b = 0;
    ck_assert_int_eq(vhart_parse_isa("rv64imac_zicsr", &a, err, sizeof(err)), 0);
    ck_assert_int_eq(isa_parse("rv64imac_zicsr", &b, err, sizeof(err)), 0);
    ck_assert_uint_eq(a, b);
    ck_assert_int_eq(vhart_parse_isa("rv32i", &a, err, sizeof(err)), -1);
}
END_TEST

START_TEST(format_lists_letters_then_z_extensions)
{
    char buf[128];
    isa_format(EXT_I | EXT_M | EXT_A | EXT_C | EXT_ZICSR | EXT_ZIFENCEI | EXT_S, buf, sizeof(buf));
    ck_assert_str_eq(buf, "rv64imac_zicsr_zifencei");
    isa_format(EXT_I, buf, sizeof(buf));
    ck_assert_str_eq(buf, "rv64i");
    isa_format(EXT_I | EXT_M | EXT_A | EXT_F | EXT_D | EXT_C | EXT_CD | EXT_ZICSR | EXT_ZIFENCEI, buf, sizeof(buf));
    ck_assert_str_eq(buf, "rv64imafdc_zicsr_zifencei");
}
END_TEST

START_TEST(format_orders_z_extensions_by_category_then_alphabetically)
{
    /* 27.6: multi-letter Z extensions are ordered by category (the letter after Z, in the
     * canonical single-letter order I..B) and alphabetically within a category. */
    char buf[160];
    isa_format(EXT_I | EXT_ZICSR | EXT_ZIFENCEI | EXT_ZICBOM | EXT_ZICBOZ | EXT_ZICOND | EXT_ZIHINTPAUSE | EXT_ZBA |
                   EXT_ZBB | EXT_ZBS,
               buf, sizeof(buf));
    ck_assert_str_eq(buf, "rv64i_zicbom_zicboz_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbs");
}
END_TEST

START_TEST(s_extensions_come_last_in_alphabetical_order)
{
    char buf[160];
    ck_assert_uint_eq(parse_ok("rv64i_sstc_sdtrig"), EXT_I | EXT_S | EXT_ZICSR | EXT_SSTC | EXT_SDTRIG);
    isa_format(EXT_I | EXT_ZICSR | EXT_ZBA | EXT_SSTC | EXT_SDTRIG, buf, sizeof(buf));
    ck_assert_str_eq(buf, "rv64i_zicsr_zba_sdtrig_sstc");
}
END_TEST

START_TEST(format_round_trips_through_parse)
{
    char buf[160];
    uint64_t ext = parse_ok("rv64imac_zicsr_zifencei_zba_zbb");
    isa_format(ext, buf, sizeof(buf));
    ck_assert_uint_eq(parse_ok(buf), ext);
}
END_TEST

START_TEST(format_truncates_safely_in_a_small_buffer)
{
    char buf[8];
    memset(buf, 'x', sizeof(buf));
    isa_format(EXT_I | EXT_M | EXT_A | EXT_C | EXT_ZICSR, buf, sizeof(buf));
    ck_assert_uint_lt(strlen(buf), sizeof(buf));
    ck_assert_int_eq(strncmp(buf, "rv64ima", strlen(buf)), 0);
}
END_TEST

static Suite *isa_suite(void)
{
    Suite *s = suite_create("isa");
    TCase *t = tcase_create("isa");
    tcase_add_test(t, rv64imac_enables_imac_with_s_and_zicsr);
    tcase_add_test(t, rv64i_enables_the_base_only);
    tcase_add_test(t, parsing_is_case_insensitive);
    tcase_add_test(t, multi_letter_extensions_follow_underscores);
    tcase_add_test(t, g_means_imafd_zicsr_zifencei);
    tcase_add_test(t, s_and_u_letters_are_accepted);
    tcase_add_test(t, rv32_is_rejected);
    tcase_add_test(t, missing_base_integer_isa_is_rejected);
    tcase_add_test(t, unknown_single_letter_is_rejected);
    tcase_add_test(t, unknown_multi_letter_name_is_rejected);
    tcase_add_test(t, overlong_string_is_rejected);
    tcase_add_test(t, public_parser_matches_isa_parse);
    tcase_add_test(t, format_lists_letters_then_z_extensions);
    tcase_add_test(t, format_orders_z_extensions_by_category_then_alphabetically);
    tcase_add_test(t, s_extensions_come_last_in_alphabetical_order);
    tcase_add_test(t, newer_extensions_parse_and_format_in_canonical_order);
    tcase_add_test(t, format_round_trips_through_parse);
    tcase_add_test(t, an_extension_without_what_it_needs_is_refused);
    tcase_add_test(t, format_truncates_safely_in_a_small_buffer);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(isa_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
