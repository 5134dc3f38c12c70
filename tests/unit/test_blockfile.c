/* Unit tests for src/host/blockfile.c: opening host files as disks (exact one-line errors), reads and
 * writes through the block_backend checked against a second descriptor, fsync on flush and close,
 * writethrough, discard/write-zeroes, locking, and the --drive option parser. Files come from mkstemp. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* O_DSYNC and setuid in the test itself */
#endif
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host/blockfile.h"

static char path[64];
static struct blockfile bf;
static char err[512];

static uint8_t pattern_byte(uint64_t i) { return (uint8_t)(i * 7u + (i >> 9) + 1u); }

/* A fresh temporary file of `size` bytes filled with pattern_byte. */
static void make_file(uint64_t size)
{
    strcpy(path, "/tmp/vhart-blockfile-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    static uint8_t buf[4096];
    for (uint64_t off = 0; off < size; off += sizeof(buf)) {
        size_t n = size - off < sizeof(buf) ? (size_t)(size - off) : sizeof(buf);
        for (size_t i = 0; i < n; i++) buf[i] = pattern_byte(off + i);
        ck_assert_int_eq(pwrite(fd, buf, n, (off_t)off), (ssize_t)n);
    }
    close(fd);
}

static void setup(void)
{
    memset(&bf, 0, sizeof(bf));
    bf.fd = -1;
    path[0] = 0;
    err[0] = 0;
}

static void teardown(void)
{
    blockfile_close(&bf);
    if (path[0]) unlink(path);
}

/* Read the file through an independent descriptor, as another process would see it. */
static void file_read(uint64_t off, void *buf, size_t len)
{
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pread(fd, buf, len, (off_t)off), (ssize_t)len);
    close(fd);
}

static int open_rw(void) { return blockfile_open(&bf, path, false, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)); }

/* blockfile_open as an unprivileged user (uid/gid 65534) when the tests run as root, whom file
 * permissions do not stop. Returns the result; the error line lands in err. */
static int open_unprivileged(bool read_only)
{
    if (geteuid() != 0) return blockfile_open(&bf, path, read_only, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err));
    int pfd[2];
    ck_assert_int_eq(pipe(pfd), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(pfd[0]);
        struct blockfile child;
        char msg[sizeof(err)] = "";
        int r = -2;
        if (setgid(65534) == 0 && setuid(65534) == 0) r = blockfile_open(&child, path, read_only,
                                                                         BLOCKFILE_CACHE_WRITEBACK, msg, sizeof(msg));
        if (r == 0) blockfile_close(&child);
        ssize_t w = write(pfd[1], msg, strlen(msg) + 1);
        (void)w;
        _exit(r == 0 ? 0 : r == -1 ? 1 : 2);
    }
    close(pfd[1]);
    memset(err, 0, sizeof(err));
    size_t got = 0;
    ssize_t n;
    while ((n = read(pfd[0], err + got, sizeof(err) - 1 - got)) > 0) got += (size_t)n;
    close(pfd[0]);
    int status = 0;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_ne(WEXITSTATUS(status), 2);   /* could not drop privileges */
    return WEXITSTATUS(status) == 0 ? 0 : -1;
}

static void expect_err(const char *suffix)
{
    char want[512];
    snprintf(want, sizeof(want), "%s%s", path, suffix);
    ck_assert_str_eq(err, want);
    ck_assert_int_eq(bf.fd, -1);
}

/* ---- Opening ---- */

START_TEST(open_missing_file_reports_no_such_file)
{
    strcpy(path, "/tmp/vhart-no-such-disk-image.img");
    unlink(path);
    ck_assert_int_eq(open_rw(), -1);
    expect_err(": no such file");
    path[0] = 0;
}
END_TEST

START_TEST(open_directory_is_refused_read_write_and_read_only)
{
    strcpy(path, "/tmp");
    ck_assert_int_eq(open_rw(), -1);
    expect_err(": is a directory");
    ck_assert_int_eq(blockfile_open(&bf, path, true, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), -1);
    expect_err(": is a directory");
    path[0] = 0;
}
END_TEST

START_TEST(open_character_device_is_refused)
{
    strcpy(path, "/dev/null");
    ck_assert_int_eq(blockfile_open(&bf, path, true, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), -1);
    expect_err(": not a regular file or block device");
    path[0] = 0;
}
END_TEST

START_TEST(open_empty_file_is_refused)
{
    make_file(0);
    ck_assert_int_eq(open_rw(), -1);
    expect_err(": empty file");
}
END_TEST

START_TEST(open_size_not_multiple_of_512_is_refused_with_the_size)
{
    make_file(1000);
    ck_assert_int_eq(open_rw(), -1);
    expect_err(": size 1000 is not a multiple of 512 bytes (pad it: truncate -s %512 FILE)");
}
END_TEST

START_TEST(open_read_only_file_without_ro_suggests_ro)
{
    make_file(4096);
    ck_assert_int_eq(chmod(path, 0444), 0);
    ck_assert_int_eq(open_unprivileged(false), -1);
    expect_err(": read-only file (use ,ro)");
    ck_assert_int_eq(open_unprivileged(true), 0);
    ck_assert_str_eq(err, "");
}
END_TEST

START_TEST(open_unreadable_file_reports_permission_denied)
{
    make_file(4096);
    ck_assert_int_eq(chmod(path, 0), 0);
    ck_assert_int_eq(open_unprivileged(true), -1);
    expect_err(": permission denied");
    ck_assert_int_eq(open_unprivileged(false), -1);
    expect_err(": permission denied");
}
END_TEST

START_TEST(open_fills_the_backend_description)
{
    make_file(1 << 20);
    ck_assert_int_eq(open_rw(), 0);
    ck_assert_str_eq(err, "");
    ck_assert_int_ge(bf.fd, 0);
    ck_assert_uint_eq(bf.size, 1 << 20);
    ck_assert_uint_eq(bf.backend.size_bytes, 1 << 20);
    ck_assert(!bf.backend.read_only);
    ck_assert_ptr_eq(bf.backend.opaque, &bf);
    ck_assert(bf.backend.read != NULL);
    ck_assert(bf.backend.write != NULL);
    ck_assert(bf.backend.flush != NULL);
    ck_assert(bf.backend.discard != NULL);
    ck_assert(bf.backend.write_zeroes != NULL);
    ck_assert_int_eq(fcntl(bf.fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
}
END_TEST

START_TEST(open_read_only_backend_has_no_write_paths)
{
    make_file(4096);
    ck_assert_int_eq(blockfile_open(&bf, path, true, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), 0);
    ck_assert(bf.backend.read_only);
    ck_assert(bf.backend.read != NULL);
    ck_assert(bf.backend.write == NULL);
    ck_assert(bf.backend.flush == NULL);
    ck_assert(bf.backend.discard == NULL);
    ck_assert(bf.backend.write_zeroes == NULL);
    ck_assert_int_eq(fcntl(bf.fd, F_GETFL) & O_ACCMODE, O_RDONLY);
    ck_assert_int_eq(blockfile_close(&bf), 0);
    ck_assert_uint_eq(bf.fsyncs, 0);   /* nothing to sync on a read-only file */
}
END_TEST

START_TEST(second_writable_open_is_refused_while_in_use)
{
    make_file(4096);
    ck_assert_int_eq(open_rw(), 0);
    struct blockfile other;
    char want[512];
    snprintf(want, sizeof(want), "%s: in use by another process", path);
    ck_assert_int_eq(blockfile_open(&other, path, false, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), -1);
    ck_assert_str_eq(err, want);
    ck_assert_int_eq(other.fd, -1);
    ck_assert_int_eq(blockfile_open(&other, path, true, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), -1);
    ck_assert_str_eq(err, want);
    ck_assert_int_eq(blockfile_close(&bf), 0);
    ck_assert_int_eq(blockfile_open(&other, path, true, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), 0);
    ck_assert_int_eq(blockfile_open(&bf, path, true, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), 0);  /* shared */
    ck_assert_int_eq(blockfile_close(&other), 0);
}
END_TEST

/* ---- I/O ---- */

START_TEST(read_returns_the_file_contents_at_the_offset)
{
    make_file(64 * 1024);
    ck_assert_int_eq(open_rw(), 0);
    uint8_t buf[1536];
    ck_assert_int_eq(bf.backend.read(bf.backend.opaque, 5 * 512, buf, sizeof(buf)), 0);
    for (size_t i = 0; i < sizeof(buf); i++) ck_assert_uint_eq(buf[i], pattern_byte(5 * 512 + i));
}
END_TEST

START_TEST(write_reaches_the_file_as_seen_by_another_descriptor)
{
    make_file(64 * 1024);
    ck_assert_int_eq(open_rw(), 0);
    uint8_t out[1024], in[1024];
    for (size_t i = 0; i < sizeof(out); i++) out[i] = (uint8_t)(0xa0 ^ i);
    ck_assert_int_eq(bf.backend.write(bf.backend.opaque, 7 * 512, out, sizeof(out)), 0);
    file_read(7 * 512, in, sizeof(in));
    ck_assert_mem_eq(in, out, sizeof(out));
    ck_assert_int_eq(bf.backend.read(bf.backend.opaque, 7 * 512, in, sizeof(in)), 0);
    ck_assert_mem_eq(in, out, sizeof(out));
    uint8_t around[2];
    file_read(7 * 512 - 1, around, 1);
    file_read(9 * 512, around + 1, 1);
    ck_assert_uint_eq(around[0], pattern_byte(7 * 512 - 1));
    ck_assert_uint_eq(around[1], pattern_byte(9 * 512));
}
END_TEST

START_TEST(access_past_the_end_is_einval_and_touches_nothing)
{
    make_file(4096);
    ck_assert_int_eq(open_rw(), 0);
    uint8_t buf[1024] = { 0 };
    ck_assert_int_eq(bf.backend.read(bf.backend.opaque, 3584, buf, 1024), -EINVAL);
    ck_assert_int_eq(bf.backend.write(bf.backend.opaque, 3584, buf, 1024), -EINVAL);
    ck_assert_int_eq(bf.backend.write(bf.backend.opaque, UINT64_MAX - 511, buf, 1024), -EINVAL);
    ck_assert_int_eq(bf.backend.discard(bf.backend.opaque, 4096, 512), -EINVAL);
    ck_assert_int_eq(bf.backend.write_zeroes(bf.backend.opaque, 0, 8192, false), -EINVAL);
    ck_assert_int_eq(bf.backend.read(bf.backend.opaque, 3584, buf, 512), 0);   /* the last sector is fine */
    uint8_t last;
    file_read(4095, &last, 1);
    ck_assert_uint_eq(last, pattern_byte(4095));
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_size, 4096);
}
END_TEST

START_TEST(flush_calls_fsync_once_per_flush)
{
    make_file(4096);
    ck_assert_int_eq(open_rw(), 0);
    uint8_t b[512];
    memset(b, 0x5a, sizeof(b));
    ck_assert_int_eq(bf.backend.write(bf.backend.opaque, 512, b, sizeof(b)), 0);
    ck_assert_uint_eq(bf.fsyncs, 0);   /* writeback: no sync per write */
    ck_assert_int_eq(bf.backend.flush(bf.backend.opaque), 0);
    ck_assert_uint_eq(bf.fsyncs, 1);
    ck_assert_int_eq(bf.backend.flush(bf.backend.opaque), 0);
    ck_assert_uint_eq(bf.fsyncs, 2);
}
END_TEST

START_TEST(writethrough_opens_with_o_dsync)
{
    make_file(4096);
    ck_assert_int_eq(blockfile_open(&bf, path, false, BLOCKFILE_CACHE_WRITETHROUGH, err, sizeof(err)), 0);
    ck_assert_int_eq(fcntl(bf.fd, F_GETFL) & O_DSYNC, O_DSYNC);
    ck_assert(!bf.sync_each_write);
    uint8_t b[512], in[512];
    memset(b, 0x3c, sizeof(b));
    ck_assert_int_eq(bf.backend.write(bf.backend.opaque, 0, b, sizeof(b)), 0);
    file_read(0, in, sizeof(in));
    ck_assert_mem_eq(in, b, sizeof(b));
}
END_TEST

START_TEST(writeback_opens_without_o_dsync)
{
    make_file(4096);
    ck_assert_int_eq(open_rw(), 0);
    ck_assert_int_eq(fcntl(bf.fd, F_GETFL) & O_DSYNC, 0);
}
END_TEST

START_TEST(close_fsyncs_a_writable_file_and_is_idempotent)
{
    make_file(4096);
    ck_assert_int_eq(open_rw(), 0);
    uint8_t b[512];
    memset(b, 0x77, sizeof(b));
    ck_assert_int_eq(bf.backend.write(bf.backend.opaque, 1024, b, sizeof(b)), 0);
    ck_assert_int_eq(blockfile_close(&bf), 0);
    ck_assert_uint_eq(bf.fsyncs, 1);
    ck_assert_int_eq(bf.fd, -1);
    ck_assert_int_eq(blockfile_close(&bf), 0);
    ck_assert_uint_eq(bf.fsyncs, 1);
    uint8_t in[512];
    file_read(1024, in, sizeof(in));
    ck_assert_mem_eq(in, b, sizeof(b));
}
END_TEST

static void expect_zero_range(uint64_t off, uint64_t len)
{
    uint8_t buf[4096];
    ck_assert_uint_le(len, sizeof(buf));
    file_read(off, buf, (size_t)len);
    for (uint64_t i = 0; i < len; i++) ck_assert_uint_eq(buf[i], 0);
}

static void expect_pattern(uint64_t off, uint64_t len)
{
    uint8_t buf[4096];
    ck_assert_uint_le(len, sizeof(buf));
    file_read(off, buf, (size_t)len);
    for (uint64_t i = 0; i < len; i++) ck_assert_uint_eq(buf[i], pattern_byte(off + i));
}

START_TEST(discard_reads_back_as_zeros_and_keeps_the_size)
{
    make_file(256 * 1024);
    ck_assert_int_eq(open_rw(), 0);
    ck_assert_int_eq(bf.backend.discard(bf.backend.opaque, 64 * 1024, 64 * 1024), 0);
    expect_pattern(64 * 1024 - 512, 512);
    for (uint64_t off = 64 * 1024; off < 128 * 1024; off += 4096) expect_zero_range(off, 4096);
    expect_pattern(128 * 1024, 512);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_size, 256 * 1024);
    /* A partial-block discard (one 512-byte sector) zeroes exactly that sector. */
    ck_assert_int_eq(bf.backend.discard(bf.backend.opaque, 3 * 512, 512), 0);
    expect_pattern(2 * 512, 512);
    expect_zero_range(3 * 512, 512);
    expect_pattern(4 * 512, 512);
}
END_TEST

START_TEST(discard_punches_a_hole_where_the_file_system_can)
{
    make_file(1 << 20);
    ck_assert_int_eq(open_rw(), 0);
    ck_assert_int_eq(bf.backend.flush(bf.backend.opaque), 0);
    struct stat before, after;
    ck_assert_int_eq(fstat(bf.fd, &before), 0);
    ck_assert_int_eq(bf.backend.discard(bf.backend.opaque, 0, 1 << 20), 0);
    ck_assert_int_eq(fstat(bf.fd, &after), 0);
    if (bf.punch_hole_ok) ck_assert_int_lt(after.st_blocks, before.st_blocks);
    ck_assert_int_eq(after.st_size, 1 << 20);
    expect_zero_range(0, 4096);
    expect_zero_range((1 << 20) - 4096, 4096);
}
END_TEST

START_TEST(discard_and_write_zeroes_fall_back_to_writing_zeros)
{
    make_file(64 * 1024);
    ck_assert_int_eq(open_rw(), 0);
    bf.punch_hole_ok = bf.zero_range_ok = false;   /* as after a file system answered EOPNOTSUPP */
    ck_assert_int_eq(bf.backend.flush(bf.backend.opaque), 0);
    struct stat before, after;
    ck_assert_int_eq(fstat(bf.fd, &before), 0);
    ck_assert_int_eq(bf.backend.discard(bf.backend.opaque, 8192, 8192), 0);
    ck_assert_int_eq(bf.backend.write_zeroes(bf.backend.opaque, 512, 1024, true), 0);
    ck_assert_int_eq(bf.backend.flush(bf.backend.opaque), 0);
    ck_assert_int_eq(fstat(bf.fd, &after), 0);
    ck_assert_int_eq(after.st_blocks, before.st_blocks);   /* zeros written, nothing deallocated */
    expect_pattern(0, 512);
    expect_zero_range(512, 1024);
    expect_pattern(1536, 512);
    expect_pattern(8192 - 512, 512);
    expect_zero_range(8192, 4096);
    expect_zero_range(12288, 4096);
    expect_pattern(16384, 512);
}
END_TEST

START_TEST(write_zeroes_with_and_without_unmap_reads_back_as_zeros)
{
    make_file(64 * 1024);
    ck_assert_int_eq(open_rw(), 0);
    ck_assert_int_eq(bf.backend.write_zeroes(bf.backend.opaque, 4096, 8192, false), 0);
    ck_assert_int_eq(bf.backend.write_zeroes(bf.backend.opaque, 32768, 1024, true), 0);
    expect_pattern(4096 - 512, 512);
    expect_zero_range(4096, 4096);
    expect_zero_range(8192, 4096);
    expect_pattern(12288, 512);
    expect_pattern(32768 - 512, 512);
    expect_zero_range(32768, 1024);
    expect_pattern(32768 + 1024, 512);
}
END_TEST

START_TEST(writethrough_discard_syncs_the_allocation_change)
{
    make_file(64 * 1024);
    ck_assert_int_eq(blockfile_open(&bf, path, false, BLOCKFILE_CACHE_WRITETHROUGH, err, sizeof(err)), 0);
    ck_assert_int_eq(bf.backend.discard(bf.backend.opaque, 0, 8192), 0);
    if (bf.punch_hole_ok) ck_assert_uint_eq(bf.fsyncs, 1);
    expect_zero_range(0, 4096);
}
END_TEST

/* ---- --drive ---- */

static struct drive_spec spec;

static int parse(const char *arg) { return blockfile_parse_drive_option(arg, &spec, err, sizeof(err)); }

START_TEST(drive_plain_file_defaults_to_read_write_writeback)
{
    ck_assert_int_eq(parse("disk.img"), 0);
    ck_assert_str_eq(spec.path, "disk.img");
    ck_assert(!spec.read_only);
    ck_assert_int_eq(spec.cache, BLOCKFILE_CACHE_WRITEBACK);
    ck_assert_str_eq(err, "");
}
END_TEST

START_TEST(drive_ro_and_cache_suboptions_in_any_order)
{
    ck_assert_int_eq(parse("/images/root.img,ro"), 0);
    ck_assert_str_eq(spec.path, "/images/root.img");
    ck_assert(spec.read_only);
    ck_assert_int_eq(parse("a.img,cache=writethrough,ro"), 0);
    ck_assert_str_eq(spec.path, "a.img");
    ck_assert(spec.read_only);
    ck_assert_int_eq(spec.cache, BLOCKFILE_CACHE_WRITETHROUGH);
    ck_assert_int_eq(parse("a.img,cache=writethrough,cache=writeback"), 0);
    ck_assert(!spec.read_only);
    ck_assert_int_eq(spec.cache, BLOCKFILE_CACHE_WRITEBACK);
}
END_TEST

START_TEST(drive_double_comma_is_a_comma_in_the_file_name)
{
    ck_assert_int_eq(parse("my,,disk.img,ro"), 0);
    ck_assert_str_eq(spec.path, "my,disk.img");
    ck_assert(spec.read_only);
    ck_assert_int_eq(parse("x,,,,"), 0);
    ck_assert_str_eq(spec.path, "x,,");
}
END_TEST

START_TEST(drive_errors_are_exact_one_liners)
{
    ck_assert_int_eq(parse(""), -1);
    ck_assert_str_eq(err, "--drive: missing file name");
    ck_assert_int_eq(parse(",ro"), -1);
    ck_assert_str_eq(err, "--drive: missing file name");
    ck_assert_int_eq(parse("disk.img,"), -1);
    ck_assert_str_eq(err, "--drive: empty option");
    ck_assert_int_eq(parse("disk.img,ro,"), -1);
    ck_assert_str_eq(err, "--drive: empty option");
    ck_assert_int_eq(parse("disk.img,rw"), -1);
    ck_assert_str_eq(err, "--drive: unknown option 'rw' (expected ro, cache=writeback or cache=writethrough)");
    ck_assert_int_eq(parse("disk.img,ro,format=raw"), -1);
    ck_assert_str_eq(err, "--drive: unknown option 'format=raw' (expected ro, cache=writeback or cache=writethrough)");
    ck_assert_int_eq(parse("disk.img,cache=none"), -1);
    ck_assert_str_eq(err, "--drive: unknown cache mode 'none' (expected writeback or writethrough)");
    ck_assert_int_eq(parse("disk.img,cache="), -1);
    ck_assert_str_eq(err, "--drive: unknown cache mode '' (expected writeback or writethrough)");
    ck_assert_int_eq(parse("disk.img,roo"), -1);
    ck_assert_str_eq(err, "--drive: unknown option 'roo' (expected ro, cache=writeback or cache=writethrough)");
}
END_TEST

START_TEST(drive_file_name_too_long_is_refused)
{
    static char arg[DRIVE_PATH_MAX + 16];
    memset(arg, 'a', DRIVE_PATH_MAX);
    arg[DRIVE_PATH_MAX] = 0;
    ck_assert_int_eq(parse(arg), -1);
    ck_assert_str_eq(err, "--drive: file name too long");
    arg[DRIVE_PATH_MAX - 1] = 0;   /* 4095 characters fit */
    ck_assert_int_eq(parse(arg), 0);
    ck_assert_uint_eq(strlen(spec.path), DRIVE_PATH_MAX - 1);
}
END_TEST

static Suite *blockfile_suite(void)
{
    Suite *s = suite_create("blockfile");
    TCase *t = tcase_create("blockfile");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, open_missing_file_reports_no_such_file);
    tcase_add_test(t, open_directory_is_refused_read_write_and_read_only);
    tcase_add_test(t, open_character_device_is_refused);
    tcase_add_test(t, open_empty_file_is_refused);
    tcase_add_test(t, open_size_not_multiple_of_512_is_refused_with_the_size);
    tcase_add_test(t, open_read_only_file_without_ro_suggests_ro);
    tcase_add_test(t, open_unreadable_file_reports_permission_denied);
    tcase_add_test(t, open_fills_the_backend_description);
    tcase_add_test(t, open_read_only_backend_has_no_write_paths);
    tcase_add_test(t, second_writable_open_is_refused_while_in_use);
    tcase_add_test(t, read_returns_the_file_contents_at_the_offset);
    tcase_add_test(t, write_reaches_the_file_as_seen_by_another_descriptor);
    tcase_add_test(t, access_past_the_end_is_einval_and_touches_nothing);
    tcase_add_test(t, flush_calls_fsync_once_per_flush);
    tcase_add_test(t, writethrough_opens_with_o_dsync);
    tcase_add_test(t, writeback_opens_without_o_dsync);
    tcase_add_test(t, close_fsyncs_a_writable_file_and_is_idempotent);
    tcase_add_test(t, discard_reads_back_as_zeros_and_keeps_the_size);
    tcase_add_test(t, discard_punches_a_hole_where_the_file_system_can);
    tcase_add_test(t, discard_and_write_zeroes_fall_back_to_writing_zeros);
    tcase_add_test(t, write_zeroes_with_and_without_unmap_reads_back_as_zeros);
    tcase_add_test(t, writethrough_discard_syncs_the_allocation_change);
    tcase_add_test(t, drive_plain_file_defaults_to_read_write_writeback);
    tcase_add_test(t, drive_ro_and_cache_suboptions_in_any_order);
    tcase_add_test(t, drive_double_comma_is_a_comma_in_the_file_name);
    tcase_add_test(t, drive_errors_are_exact_one_liners);
    tcase_add_test(t, drive_file_name_too_long_is_refused);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(blockfile_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
