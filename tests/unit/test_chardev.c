/* Unit tests for src/host/chardev.c: the --serial spec parser (fields and exact errors), and each
 * backend against the test's own end: a file, a TCP server (two clients in turn), a Unix client, a
 * pseudo-terminal (output dropped until opened, then both ways). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "host/chardev.h"

static char err[512];
static struct chardev_spec spec;

/* ---------------------------------------------------------------- parser */

START_TEST(parse_simple_backends)
{
    ck_assert_int_eq(chardev_parse("stdio", &spec, err, sizeof(err)), 0);
    ck_assert_int_eq(spec.kind, CHARDEV_STDIO);
    ck_assert_int_eq(chardev_parse("null", &spec, err, sizeof(err)), 0);
    ck_assert_int_eq(spec.kind, CHARDEV_NULL);
    ck_assert_int_eq(chardev_parse("pty", &spec, err, sizeof(err)), 0);
    ck_assert_int_eq(spec.kind, CHARDEV_PTY);
    ck_assert_int_eq(chardev_parse("file:/tmp/a,b", &spec, err, sizeof(err)), 0);
    ck_assert_int_eq(spec.kind, CHARDEV_FILE);
    ck_assert_str_eq(spec.path, "/tmp/a,b");   /* a file name may hold commas */
}
END_TEST

START_TEST(parse_tcp_defaults_to_loopback_and_waits_as_server)
{
    ck_assert_int_eq(chardev_parse("tcp::4321,server", &spec, err, sizeof(err)), 0);
    ck_assert_int_eq(spec.kind, CHARDEV_TCP);
    ck_assert_str_eq(spec.host, "127.0.0.1");
    ck_assert_uint_eq(spec.port, 4321);
    ck_assert(spec.server);
    ck_assert(spec.wait);
    ck_assert_int_eq(chardev_parse("tcp:0.0.0.0:80,server,nowait", &spec, err, sizeof(err)), 0);
    ck_assert_str_eq(spec.host, "0.0.0.0");
    ck_assert(!spec.wait);
    ck_assert_int_eq(chardev_parse("tcp:[::1]:5,server=on,wait=off", &spec, err, sizeof(err)), 0);
    ck_assert_str_eq(spec.host, "::1");
    ck_assert_uint_eq(spec.port, 5);
    ck_assert(spec.server && !spec.wait);
    ck_assert_int_eq(chardev_parse("tcp:example.org:23", &spec, err, sizeof(err)), 0);
    ck_assert(!spec.server);
    ck_assert_str_eq(spec.host, "example.org");
}
END_TEST

START_TEST(parse_unix)
{
    ck_assert_int_eq(chardev_parse("unix:/run/x.sock,server,nowait", &spec, err, sizeof(err)), 0);
    ck_assert_int_eq(spec.kind, CHARDEV_UNIX);
    ck_assert_str_eq(spec.path, "/run/x.sock");
    ck_assert(spec.server && !spec.wait);
}
END_TEST

static void parse_fails(const char *s, const char *msg)
{
    ck_assert_int_eq(chardev_parse(s, &spec, err, sizeof(err)), -1);
    ck_assert_str_eq(err, msg);
}

START_TEST(parse_errors_are_one_line)
{
    parse_fails("serial0", "unknown backend 'serial0' (stdio, null, file:PATH, unix:PATH[,server], "
                           "tcp:[HOST]:PORT[,server], pty)");
    parse_fails("file:", "file: needs a path");
    parse_fails("unix:", "unix: needs a socket path");
    parse_fails("tcp:1234", "tcp: needs [HOST]:PORT");
    parse_fails("tcp:localhost:65536", "bad port '65536' (0..65535)");
    parse_fails("tcp:localhost:", "bad port '' (0..65535)");
    parse_fails("tcp:localhost:12x", "bad port '12x' (0..65535)");
    parse_fails("tcp::0", "port 0 is for a server only (any free port)");
    parse_fails("tcp::1,server,fast", "unknown option 'fast' (server, nowait)");
    parse_fails("tcp::1,nowait", "wait and nowait go with server");
    char longpath[200];
    memset(longpath, 'a', sizeof(longpath));
    memcpy(longpath, "unix:", 5);
    longpath[sizeof(longpath) - 1] = 0;
    ck_assert_int_eq(chardev_parse(longpath, &spec, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "socket path too long (at most 107 bytes)");
}
END_TEST

/* ---------------------------------------------------------------- backends */

/* chardev_read until `want` bytes came (non-blocking: poll the chardev's descriptor between). */
static size_t read_some(struct chardev *c, uint8_t *buf, size_t want)
{
    size_t got = 0;
    for (int i = 0; i < 200 && got < want; i++) {
        got += chardev_read(c, buf + got, want - got);
        if (got < want) {
            struct pollfd p = { .fd = chardev_poll_fd(c), .events = POLLIN };
            poll(&p, 1, 10);
        }
    }
    return got;
}

static size_t recv_some(int fd, char *buf, size_t want)
{
    size_t got = 0;
    for (int i = 0; i < 200 && got < want; i++) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (poll(&p, 1, 10) <= 0) continue;
        ssize_t n = read(fd, buf + got, want - got);
        if (n <= 0) break;
        got += (size_t)n;
    }
    buf[got] = 0;
    return got;
}

START_TEST(file_backend_truncates_and_holds_the_output)
{
    char path[] = "/tmp/vhart-chardev-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "previous run\n", 13), 13);
    close(fd);
    ck_assert_int_eq(chardev_parse("file:/x", &spec, err, sizeof(err)), 0);
    strcpy(spec.path, path);
    struct chardev *c = chardev_open(&spec, NULL, err, sizeof(err));
    ck_assert_ptr_nonnull(c);
    chardev_write(c, (const uint8_t *)"hello\n", 6);
    uint8_t b[8];
    ck_assert_uint_eq(chardev_read(c, b, sizeof(b)), 0);   /* a file gives no input */
    chardev_close(c);
    char got[64] = { 0 };
    fd = open(path, O_RDONLY);
    ck_assert_int_eq(read(fd, got, sizeof(got) - 1), 6);
    close(fd);
    unlink(path);
    ck_assert_str_eq(got, "hello\n");
}
END_TEST

START_TEST(file_backend_unwritable_is_an_error)
{
    ck_assert_int_eq(chardev_parse("file:/nonexistent-dir/out", &spec, err, sizeof(err)), 0);
    ck_assert_ptr_null(chardev_open(&spec, NULL, err, sizeof(err)));
    ck_assert_str_eq(err, "cannot write /nonexistent-dir/out: No such file or directory");
}
END_TEST

static char announced[256];
static void announce(const char *line) { snprintf(announced, sizeof(announced), "%s", line); }

static int connect_tcp(unsigned port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    return fd;
}

START_TEST(tcp_server_takes_one_client_then_the_next)
{
    ck_assert_int_eq(chardev_parse("tcp::0,server,nowait", &spec, err, sizeof(err)), 0);
    struct chardev *c = chardev_open(&spec, announce, err, sizeof(err));
    ck_assert_ptr_nonnull(c);
    unsigned port = 0;
    ck_assert_int_eq(sscanf(chardev_where(c), "tcp:127.0.0.1:%u", &port), 1);
    char want[128];
    snprintf(want, sizeof(want), "serial listening on %s", chardev_where(c));
    ck_assert_str_eq(announced, want);
    ck_assert(!chardev_connected(c));
    chardev_write(c, (const uint8_t *)"lost", 4);   /* nobody there: dropped */
    chardev_flush(c);

    int a = connect_tcp(port);
    ck_assert_int_eq(write(a, "hi", 2), 2);
    uint8_t b[16];
    ck_assert_uint_eq(read_some(c, b, 2), 2);
    ck_assert_int_eq(memcmp(b, "hi", 2), 0);
    ck_assert(chardev_connected(c));
    chardev_write(c, (const uint8_t *)"out1", 4);
    chardev_flush(c);
    char got[16];
    ck_assert_uint_eq(recv_some(a, got, 4), 4);
    ck_assert_str_eq(got, "out1");
    close(a);
    /* The hang-up is seen on the next read; then a second client is taken. */
    for (int i = 0; i < 50 && chardev_connected(c); i++) {
        chardev_read(c, b, sizeof(b));
        poll(NULL, 0, 10);
    }
    ck_assert(!chardev_connected(c));
    int d = connect_tcp(port);
    ck_assert_int_eq(write(d, "again", 5), 5);
    ck_assert_uint_eq(read_some(c, b, 5), 5);
    ck_assert_int_eq(memcmp(b, "again", 5), 0);
    chardev_write(c, (const uint8_t *)"out2", 4);
    chardev_flush(c);
    ck_assert_uint_eq(recv_some(d, got, 4), 4);
    ck_assert_str_eq(got, "out2");
    close(d);
    chardev_close(c);
}
END_TEST

START_TEST(tcp_port_in_use_is_an_error)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET };
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
    ck_assert_int_eq(listen(s, 1), 0);
    socklen_t sl = sizeof(sa);
    getsockname(s, (struct sockaddr *)&sa, &sl);
    char arg[64];
    snprintf(arg, sizeof(arg), "tcp:127.0.0.1:%u,server,nowait", ntohs(sa.sin_port));
    ck_assert_int_eq(chardev_parse(arg, &spec, err, sizeof(err)), 0);
    ck_assert_ptr_null(chardev_open(&spec, NULL, err, sizeof(err)));
    ck_assert_str_eq(err, "cannot listen: Address already in use");
    close(s);
}
END_TEST

START_TEST(unix_client_connects_and_talks_both_ways)
{
    char dir[] = "/tmp/vhart-chardev-dir-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof(path), "%s/s", dir);
    int ls = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    strcpy(sa.sun_path, path);
    ck_assert_int_eq(bind(ls, (struct sockaddr *)&sa, sizeof(sa)), 0);
    ck_assert_int_eq(listen(ls, 1), 0);
    char arg[160];
    snprintf(arg, sizeof(arg), "unix:%s", path);
    ck_assert_int_eq(chardev_parse(arg, &spec, err, sizeof(err)), 0);
    struct chardev *c = chardev_open(&spec, NULL, err, sizeof(err));
    ck_assert_ptr_nonnull(c);
    int peer = accept(ls, NULL, NULL);
    ck_assert_int_ge(peer, 0);
    chardev_write(c, (const uint8_t *)"to-peer", 7);
    chardev_flush(c);
    char got[16];
    ck_assert_uint_eq(recv_some(peer, got, 7), 7);
    ck_assert_str_eq(got, "to-peer");
    ck_assert_int_eq(write(peer, "back", 4), 4);
    uint8_t b[8];
    ck_assert_uint_eq(read_some(c, b, 4), 4);
    ck_assert_int_eq(memcmp(b, "back", 4), 0);
    close(peer);
    chardev_close(c);
    close(ls);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(unix_server_removes_its_socket)
{
    char dir[] = "/tmp/vhart-chardev-dir-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char arg[160], path[128];
    snprintf(path, sizeof(path), "%s/s", dir);
    snprintf(arg, sizeof(arg), "unix:%s,server,nowait", path);
    ck_assert_int_eq(chardev_parse(arg, &spec, err, sizeof(err)), 0);
    struct chardev *c = chardev_open(&spec, NULL, err, sizeof(err));
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(access(path, F_OK), 0);
    chardev_close(c);
    ck_assert_int_eq(access(path, F_OK), -1);
    rmdir(dir);
}
END_TEST

START_TEST(pty_drops_output_until_opened_then_talks_both_ways)
{
    ck_assert_int_eq(chardev_parse("pty", &spec, err, sizeof(err)), 0);
    struct chardev *c = chardev_open(&spec, announce, err, sizeof(err));
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(strncmp(chardev_where(c), "/dev/pts/", 9), 0);
    char want[128];
    snprintf(want, sizeof(want), "serial on %s", chardev_where(c));
    ck_assert_str_eq(announced, want);
    ck_assert(!chardev_connected(c));
    chardev_write(c, (const uint8_t *)"early", 5);   /* nobody has the terminal open: dropped */
    chardev_flush(c);
    int s = open(chardev_where(c), O_RDWR | O_NOCTTY);
    ck_assert_int_ge(s, 0);
    ck_assert(chardev_connected(c));
    chardev_write(c, (const uint8_t *)"a\nb", 3);   /* raw: no CR added */
    chardev_flush(c);
    char got[16];
    ck_assert_uint_eq(recv_some(s, got, 3), 3);
    ck_assert_str_eq(got, "a\nb");
    ck_assert_int_eq(write(s, "k\r", 2), 2);   /* raw: no CR->NL, no echo */
    uint8_t b[8];
    ck_assert_uint_eq(read_some(c, b, 2), 2);
    ck_assert_int_eq(memcmp(b, "k\r", 2), 0);
    close(s);
    ck_assert(!chardev_connected(c));
    chardev_close(c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("chardev");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, parse_simple_backends);
    tcase_add_test(tc, parse_tcp_defaults_to_loopback_and_waits_as_server);
    tcase_add_test(tc, parse_unix);
    tcase_add_test(tc, parse_errors_are_one_line);
    suite_add_tcase(s, tc);
    tc = tcase_create("backends");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, file_backend_truncates_and_holds_the_output);
    tcase_add_test(tc, file_backend_unwritable_is_an_error);
    tcase_add_test(tc, tcp_server_takes_one_client_then_the_next);
    tcase_add_test(tc, tcp_port_in_use_is_an_error);
    tcase_add_test(tc, unix_client_connects_and_talks_both_ways);
    tcase_add_test(tc, unix_server_removes_its_socket);
    tcase_add_test(tc, pty_drops_output_until_opened_then_talks_both_ways);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
