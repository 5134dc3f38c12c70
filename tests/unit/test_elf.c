/* Unit tests for src/machine/elf.c: every validation error of elf_open with its exact message,
 * PT_LOAD placement (System V gABI ELF64, RISC-V psABI), symbols and executable sections. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "machine/elf.h"
#include "mem/bus.h"

static char dir[64];
static char path[128];
static uint8_t img[0x600];
static char err[256];

static void w16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void w32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static void w64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i)); }

enum { PH = 0x40, SEG = 0x100, STR = 0x200, SYM = 0x240, SHSTR = 0x300, SH = 0x400, FILE_SIZE = 0x540 };
static const char strtab[] = "\0tohost\0fromhost\0_start";
static const char shstrtab[] = "\0.text\0.symtab\0.strtab\0.shstrtab";

static void sym(unsigned i, uint32_t name, uint8_t info, uint64_t value, uint64_t size)
{
    uint8_t *s = img + SYM + 24 * i;
    w32(s, name);
    s[4] = info;
    w16(s + 6, 1);
    w64(s + 8, value);
    w64(s + 16, size);
}
static void shdr(unsigned i, uint32_t name, uint32_t type, uint64_t flags, uint64_t addr, uint64_t off, uint64_t size,
                 uint32_t link, uint64_t entsize)
{
    uint8_t *s = img + SH + 64 * i;
    w32(s, name);
    w32(s + 4, type);
    w64(s + 8, flags);
    w64(s + 0x10, addr);
    w64(s + 0x18, off);
    w64(s + 0x20, size);
    w32(s + 0x28, link);
    w64(s + 0x38, entsize);
}

/* A valid RV64 executable: one PT_LOAD of 16 file bytes and 0x20 memory bytes at 0x80000000,
 * a symbol table with tohost, fromhost and _start, and a .text section. */
static void build(void)
{
    memset(img, 0, sizeof(img));
    memcpy(img, "\177ELF", 4);
    img[4] = 2;                       /* ELFCLASS64 */
    img[5] = 1;                       /* little-endian */
    img[6] = 1;
    w16(img + 0x10, 2);               /* ET_EXEC */
    w16(img + 0x12, 243);             /* EM_RISCV */
    w32(img + 0x14, 1);
    w64(img + 0x18, 0x80000000);      /* entry */
    w64(img + 0x20, PH);
    w64(img + 0x28, SH);
    w16(img + 0x34, 64);
    w16(img + 0x36, 56);
    w16(img + 0x38, 1);
    w16(img + 0x3a, 64);
    w16(img + 0x3c, 5);
    w16(img + 0x3e, 4);
    uint8_t *ph = img + PH;
    w32(ph, 1);                       /* PT_LOAD */
    w32(ph + 4, 5);
    w64(ph + 8, SEG);
    w64(ph + 0x10, 0x80000000);
    w64(ph + 0x18, 0x80000000);
    w64(ph + 0x20, 16);
    w64(ph + 0x28, 0x20);
    w64(ph + 0x30, 0x1000);
    for (unsigned i = 0; i < 16; i++) img[SEG + i] = (uint8_t)(0xa0 + i);
    memcpy(img + STR, strtab, sizeof(strtab));
    sym(1, 1, 0x11, 0x80001000, 8);   /* tohost: GLOBAL OBJECT */
    sym(2, 8, 0x11, 0x80001040, 8);   /* fromhost */
    sym(3, 17, 0x12, 0x80000000, 16); /* _start: GLOBAL FUNC */
    memcpy(img + SHSTR, shstrtab, sizeof(shstrtab));
    shdr(1, 1, 1, 0x6, 0x80000000, SEG, 16, 0, 0);               /* .text: PROGBITS, AX */
    shdr(2, 7, 2, 0, 0, SYM, 4 * 24, 3, 24);                      /* .symtab */
    shdr(3, 15, 3, 0, 0, STR, sizeof(strtab), 0, 0);              /* .strtab */
    shdr(4, 23, 3, 0, 0, SHSTR, sizeof(shstrtab), 0, 0);          /* .shstrtab */
}

static void save(size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    if (n) ck_assert_uint_eq(fwrite(img, 1, n, f), n);
    fclose(f);
}

/* elf_open must fail with exactly "<path>: <msg>" and leave the image empty. */
static void expect_open_error(const char *msg)
{
    struct elf_image im;
    memset(err, 0, sizeof(err));
    ck_assert_int_eq(elf_open(path, &im, err, sizeof(err)), -1);
    char want[256];
    snprintf(want, sizeof(want), "%s: %s", path, msg);
    ck_assert_str_eq(err, want);
    ck_assert_ptr_null(im.data);
    ck_assert_ptr_null(im.symbols);
}

static void setup(void)
{
    snprintf(dir, sizeof(dir), "/tmp/vhart_elf_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/prog.elf", dir);
    build();
}
static void teardown(void)
{
    unlink(path);
    rmdir(dir);
}

START_TEST(valid_executable_opens_with_entry_and_symbols)
{
    save(FILE_SIZE);
    struct elf_image im;
    ck_assert_int_eq(elf_open(path, &im, err, sizeof(err)), 0);
    ck_assert_uint_eq(im.entry, 0x80000000);
    ck_assert_uint_eq(im.size, FILE_SIZE);
    ck_assert_uint_eq(im.symbol_count, 3);
    uint64_t v;
    ck_assert_int_eq(elf_symbol(&im, "tohost", &v), 0);
    ck_assert_uint_eq(v, 0x80001000);
    ck_assert_int_eq(elf_symbol(&im, "fromhost", &v), 0);
    ck_assert_uint_eq(v, 0x80001040);
    ck_assert_int_eq(elf_symbol(&im, "missing", &v), -1);
    ck_assert_uint_eq(v, 0);
    for (size_t i = 0; i < im.symbol_count; i++)
        if (strcmp(im.symbols[i].name, "_start") == 0) {
            ck_assert_int_eq(im.symbols[i].is_func, 1);
            ck_assert_uint_eq(im.symbols[i].size, 16);
        } else {
            ck_assert_int_eq(im.symbols[i].is_func, 0);
        }
    elf_close(&im);
    ck_assert_ptr_null(im.data);
    ck_assert_uint_eq(im.symbol_count, 0);
}
END_TEST

START_TEST(shared_object_type_is_accepted)
{
    w16(img + 0x10, 3);   /* ET_DYN (static PIE) */
    save(FILE_SIZE);
    struct elf_image im;
    ck_assert_int_eq(elf_open(path, &im, err, sizeof(err)), 0);
    elf_close(&im);
}
END_TEST

START_TEST(file_without_symbol_table_has_no_symbols)
{
    w16(img + 0x3c, 0);
    w64(img + 0x28, 0);
    save(FILE_SIZE);
    struct elf_image im;
    ck_assert_int_eq(elf_open(path, &im, err, sizeof(err)), 0);
    ck_assert_uint_eq(im.symbol_count, 0);
    uint64_t v;
    ck_assert_int_eq(elf_symbol(&im, "tohost", &v), -1);
    elf_close(&im);
}
END_TEST

START_TEST(symbol_name_outside_string_table_is_skipped)
{
    sym(2, 0x1000, 0x11, 0x80001040, 8);
    save(FILE_SIZE);
    struct elf_image im;
    ck_assert_int_eq(elf_open(path, &im, err, sizeof(err)), 0);
    ck_assert_uint_eq(im.symbol_count, 2);
    uint64_t v;
    ck_assert_int_eq(elf_symbol(&im, "fromhost", &v), -1);
    ck_assert_int_eq(elf_symbol(&im, "_start", &v), 0);
    elf_close(&im);
}
END_TEST

START_TEST(missing_file_reports_the_system_error)
{
    expect_open_error("No such file or directory");
}
END_TEST

START_TEST(directory_is_rejected)
{
    snprintf(path, sizeof(path), "%s", dir);
    expect_open_error("is a directory");
}
END_TEST

START_TEST(empty_file_is_not_an_elf_program)
{
    save(0);
    expect_open_error("empty file, not an ELF program");
}
END_TEST

START_TEST(file_without_elf_magic_is_rejected)
{
    memcpy(img, "#!/bin/sh\necho hi\n", 18);
    save(18);
    expect_open_error("not an ELF file");
    save(3);   /* shorter than the magic */
    expect_open_error("not an ELF file");
}
END_TEST

START_TEST(header_shorter_than_64_bytes_is_truncated)
{
    save(20);
    expect_open_error("truncated ELF header (20 bytes)");
    save(63);
    expect_open_error("truncated ELF header (63 bytes)");
}
END_TEST

START_TEST(class_32_is_rejected)
{
    img[4] = 1;
    save(FILE_SIZE);
    expect_open_error("not a 64-bit ELF (class 1); vhart runs RV64 programs");
}
END_TEST

START_TEST(big_endian_is_rejected)
{
    img[5] = 2;
    save(FILE_SIZE);
    expect_open_error("not a little-endian ELF");
}
END_TEST

START_TEST(other_machine_is_rejected)
{
    w16(img + 0x12, 62);   /* EM_X86_64 */
    save(FILE_SIZE);
    expect_open_error("not a RISC-V ELF (e_machine 62)");
}
END_TEST

START_TEST(relocatable_object_is_rejected)
{
    w16(img + 0x10, 1);    /* ET_REL */
    save(FILE_SIZE);
    expect_open_error("not an executable ELF (e_type 1)");
}
END_TEST

START_TEST(missing_or_truncated_program_headers_are_rejected)
{
    w16(img + 0x38, 0);
    save(FILE_SIZE);
    expect_open_error("truncated or missing program headers");
    build();
    w64(img + 0x20, FILE_SIZE - 8);   /* table runs past the end */
    save(FILE_SIZE);
    expect_open_error("truncated or missing program headers");
    build();
    save(0x60);                       /* file ends inside the only program header */
    expect_open_error("truncated or missing program headers");
}
END_TEST

START_TEST(segment_data_beyond_end_of_file_is_truncated)
{
    save(SEG + 8);   /* 16 file bytes announced, 8 present */
    expect_open_error("truncated (segment 0 data lies beyond the end of the file)");
    build();
    w64(img + PH + 8, ~0ull - 4);    /* offset + size overflows */
    save(FILE_SIZE);
    expect_open_error("truncated (segment 0 data lies beyond the end of the file)");
}
END_TEST

START_TEST(segment_with_memsz_below_filesz_is_malformed)
{
    w64(img + PH + 0x28, 8);
    save(FILE_SIZE);
    expect_open_error("malformed segment 0 (memory size smaller than file size)");
}
END_TEST

START_TEST(no_pt_load_means_no_loadable_segments)
{
    w32(img + PH, 4);   /* PT_NOTE */
    save(FILE_SIZE);
    expect_open_error("no loadable segments");
}
END_TEST

START_TEST(load_copies_file_bytes_and_zero_fills_bss)
{
    save(FILE_SIZE);
    struct elf_image im;
    ck_assert_int_eq(elf_open(path, &im, err, sizeof(err)), 0);
    struct bus b;
    bus_init(&b);
    ck_assert_ptr_nonnull(bus_add_memory(&b, "ram", 0x80000000, 0x10000, false));
    uint8_t *ram = bus_host_ptr(&b, 0x80000000, 0x40);
    memset(ram, 0xff, 0x40);
    ck_assert_int_eq(elf_load(&im, &b, path, err, sizeof(err)), 0);
    for (unsigned i = 0; i < 16; i++) ck_assert_uint_eq(ram[i], 0xa0 + i);
    for (unsigned i = 16; i < 0x20; i++) ck_assert_uint_eq(ram[i], 0);
    ck_assert_uint_eq(ram[0x20], 0xff);   /* past memsz: untouched */
    bus_destroy(&b);
    elf_close(&im);
}
END_TEST

START_TEST(load_outside_ram_names_the_segment)
{
    w64(img + PH + 0x18, 0x1000);   /* paddr */
    save(FILE_SIZE);
    struct elf_image im;
    ck_assert_int_eq(elf_open(path, &im, err, sizeof(err)), 0);
    struct bus b;
    bus_init(&b);
    ck_assert_ptr_nonnull(bus_add_memory(&b, "ram", 0x80000000, 0x10000, false));
    ck_assert_int_eq(elf_load(&im, &b, path, err, sizeof(err)), -1);
    char want[256];
    snprintf(want, sizeof(want), "%s: segment at 0x1000 (0x20 bytes) lies outside RAM", path);
    ck_assert_str_eq(err, want);
    /* Running off the end of RAM is outside too. */
    w64(im.data + PH + 0x18, 0x8000fff0);
    ck_assert_int_eq(elf_load(&im, &b, path, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "%s: segment at 0x8000fff0 (0x20 bytes) lies outside RAM", path);
    ck_assert_str_eq(err, want);
    /* And so is ROM. */
    ck_assert_ptr_nonnull(bus_add_memory(&b, "rom", 0x1000, 0x1000, true));
    w64(im.data + PH + 0x18, 0x1000);
    ck_assert_int_eq(elf_load(&im, &b, path, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "%s: segment at 0x1000 (0x20 bytes) lies outside RAM", path);
    ck_assert_str_eq(err, want);
    bus_destroy(&b);
    elf_close(&im);
}
END_TEST

struct seen_section { unsigned n; char name[16]; uint64_t addr, size; uint8_t first; };
static void on_section(void *ctx, const char *name, uint64_t addr, const uint8_t *data, uint64_t size)
{
    struct seen_section *s = ctx;
    s->n++;
    snprintf(s->name, sizeof(s->name), "%s", name);
    s->addr = addr;
    s->size = size;
    s->first = data[0];
}

START_TEST(executable_sections_are_listed_with_their_bytes)
{
    save(FILE_SIZE);
    struct elf_image im;
    ck_assert_int_eq(elf_open(path, &im, err, sizeof(err)), 0);
    struct seen_section s = { 0 };
    elf_for_each_exec_section(&im, on_section, &s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.name, ".text");
    ck_assert_uint_eq(s.addr, 0x80000000);
    ck_assert_uint_eq(s.size, 16);
    ck_assert_uint_eq(s.first, 0xa0);
    elf_close(&im);
}
END_TEST

static Suite *elf_suite(void)
{
    Suite *s = suite_create("elf");
    TCase *t = tcase_create("elf");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, valid_executable_opens_with_entry_and_symbols);
    tcase_add_test(t, shared_object_type_is_accepted);
    tcase_add_test(t, file_without_symbol_table_has_no_symbols);
    tcase_add_test(t, symbol_name_outside_string_table_is_skipped);
    tcase_add_test(t, missing_file_reports_the_system_error);
    tcase_add_test(t, directory_is_rejected);
    tcase_add_test(t, empty_file_is_not_an_elf_program);
    tcase_add_test(t, file_without_elf_magic_is_rejected);
    tcase_add_test(t, header_shorter_than_64_bytes_is_truncated);
    tcase_add_test(t, class_32_is_rejected);
    tcase_add_test(t, big_endian_is_rejected);
    tcase_add_test(t, other_machine_is_rejected);
    tcase_add_test(t, relocatable_object_is_rejected);
    tcase_add_test(t, missing_or_truncated_program_headers_are_rejected);
    tcase_add_test(t, segment_data_beyond_end_of_file_is_truncated);
    tcase_add_test(t, segment_with_memsz_below_filesz_is_malformed);
    tcase_add_test(t, no_pt_load_means_no_loadable_segments);
    tcase_add_test(t, load_copies_file_bytes_and_zero_fills_bss);
    tcase_add_test(t, load_outside_ram_names_the_segment);
    tcase_add_test(t, executable_sections_are_listed_with_their_bytes);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(elf_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
