/* Unit tests for src/host/slirp_net.c: --net option and hostfwd syntax with exact messages, and (with
 * libslirp) a live user network answering hand-built DHCP and ARP frames, a host forward reaching the
 * guest, a forward whose port is taken, and polling of the caller's descriptors. */
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <fcntl.h>

#include "host/slirp_net.h"

static const char SYNTAX[] = "[tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport";

static void expect_net_error(const char *arg, const char *want)
{
    struct net_config cfg;
    char err[256] = "";
    ck_assert_msg(net_parse_option(arg, &cfg, err, sizeof(err)) == -1, "accepted '%s'", arg);
    ck_assert_str_eq(err, want);
}

START_TEST(net_option_none_and_user_are_the_modes)
{
    struct net_config cfg;
    char err[256] = "";
    ck_assert_int_eq(net_parse_option("none", &cfg, err, sizeof(err)), 0);
    ck_assert_int_eq(cfg.mode, NET_MODE_NONE);
    ck_assert_int_eq(net_parse_option("user", &cfg, err, sizeof(err)), 0);
    ck_assert_int_eq(cfg.mode, NET_MODE_USER);
    ck_assert_str_eq(cfg.options, "");
    ck_assert_int_eq(net_parse_option("user,hostfwd=tcp:127.0.0.1:2222-:22,restrict=on", &cfg, err, sizeof(err)), 0);
    ck_assert_int_eq(cfg.mode, NET_MODE_USER);
    ck_assert_str_eq(cfg.options, ",hostfwd=tcp:127.0.0.1:2222-:22,restrict=on");
    ck_assert_str_eq(err, "");
}
END_TEST

START_TEST(net_option_unknown_modes_are_named_in_the_error)
{
    expect_net_error("tap", "--net: unknown mode 'tap' (expected none or user[,hostfwd=...])");
    expect_net_error("", "--net: unknown mode '' (expected none or user[,hostfwd=...])");
    expect_net_error("userx", "--net: unknown mode 'userx' (expected none or user[,hostfwd=...])");
    expect_net_error("usr,hostfwd=tcp::1-:2", "--net: unknown mode 'usr' (expected none or user[,hostfwd=...])");
    expect_net_error("none,hostfwd=tcp::1-:2", "--net: mode 'none' takes no options, got 'hostfwd=tcp::1-:2'");
}
END_TEST

START_TEST(net_option_user_options_errors_are_exact)
{
    char want[256];
    snprintf(want, sizeof(want), "--net user: hostfwd 'tcp:127.0.0.1:2222': expected %s", SYNTAX);
    expect_net_error("user,hostfwd=tcp:127.0.0.1:2222", want);
    snprintf(want, sizeof(want), "--net user: hostfwd '': expected %s", SYNTAX);
    expect_net_error("user,hostfwd=", want);
    expect_net_error("user,hostfwd=sctp::2222-:22",
                     "--net user: hostfwd 'sctp::2222-:22': protocol must be tcp or udp, not 'sctp'");
    expect_net_error("user,hostfwd=tcp:localhost:2222-:22",
                     "--net user: hostfwd 'tcp:localhost:2222-:22': bad host address 'localhost'");
    expect_net_error("user,hostfwd=tcp::99999-:22", "--net user: hostfwd 'tcp::99999-:22': bad host port '99999'");
    expect_net_error("user,hostfwd=tcp::0-:22", "--net user: hostfwd 'tcp::0-:22': bad host port '0'");
    expect_net_error("user,hostfwd=tcp::22a-:22", "--net user: hostfwd 'tcp::22a-:22': bad host port '22a'");
    expect_net_error("user,hostfwd=tcp::-:22", "--net user: hostfwd 'tcp::-:22': bad host port ''");
    expect_net_error("user,hostfwd=tcp::2222-1.2.3:22",
                     "--net user: hostfwd 'tcp::2222-1.2.3:22': bad guest address '1.2.3'");
    expect_net_error("user,hostfwd=tcp::2222-10.0.3.15:22",
                     "--net user: hostfwd 'tcp::2222-10.0.3.15:22': guest address '10.0.3.15' is outside 10.0.2.0/24");
    expect_net_error("user,hostfwd=tcp::2222-:", "--net user: hostfwd 'tcp::2222-:': bad guest port ''");
    expect_net_error("user,hostfwd=udp::2222-:65536", "--net user: hostfwd 'udp::2222-:65536': bad guest port '65536'");
    expect_net_error("user,foo=1", "--net user: unknown option 'foo=1' (expected hostfwd= or restrict=)");
    expect_net_error("user,,hostfwd=tcp::1-:2", "--net user: empty option in ',,hostfwd=tcp::1-:2'");
    expect_net_error("user,", "--net user: empty option in ','");
    expect_net_error("user,restrict=maybe", "--net user: restrict must be on or off, not 'maybe'");
}
END_TEST

START_TEST(net_option_more_than_16_forwards_is_an_error)
{
    char arg[1024] = "user";
    for (int i = 0; i < 17; i++) {
        size_t at = strlen(arg);
        snprintf(arg + at, sizeof(arg) - at, ",hostfwd=tcp::%d-:22", 3000 + i);
    }
    struct net_config cfg;
    char err[256];
    ck_assert_int_eq(net_parse_option(arg, &cfg, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--net user: too many hostfwd rules (at most 16)");
    struct slirp_net s;
    ck_assert_int_eq(slirp_net_parse_options(arg + 4, &s, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--net user: too many hostfwd rules (at most 16)");
}
END_TEST

START_TEST(hostfwd_fields_default_to_tcp_any_host_and_the_first_dhcp_address)
{
    struct slirp_net s;
    char err[256] = "";
    ck_assert_int_eq(slirp_net_parse_options(",hostfwd=tcp:127.0.0.1:2222-:22,hostfwd=udp::5353-10.0.2.20:53,"
                                             "hostfwd=:0.0.0.0:8080-:80,restrict=on",
                                             &s, err, sizeof(err)),
                     0);
    ck_assert_uint_eq(s.nfwds, 3);
    ck_assert(s.restricted);
    ck_assert(!s.fwds[0].udp);
    ck_assert_uint_eq(s.fwds[0].host_addr, 0x7f000001u);
    ck_assert_uint_eq(s.fwds[0].host_port, 2222);
    ck_assert_uint_eq(s.fwds[0].guest_addr, 0x0a00020fu);
    ck_assert_uint_eq(s.fwds[0].guest_port, 22);
    ck_assert_str_eq(s.fwds[0].spec, "tcp:127.0.0.1:2222-:22");
    ck_assert(s.fwds[1].udp);
    ck_assert_uint_eq(s.fwds[1].host_addr, 0);
    ck_assert_uint_eq(s.fwds[1].host_port, 5353);
    ck_assert_uint_eq(s.fwds[1].guest_addr, 0x0a000214u);
    ck_assert_uint_eq(s.fwds[1].guest_port, 53);
    ck_assert(!s.fwds[2].udp);
    ck_assert_uint_eq(s.fwds[2].guest_port, 80);
    ck_assert_int_eq(slirp_net_parse_options("", &s, err, sizeof(err)), 0);
    ck_assert_uint_eq(s.nfwds, 0);
    ck_assert(!s.restricted);
}
END_TEST

#ifdef VHART_HAVE_SLIRP

static const uint8_t GUEST_MAC[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t SLIRP_MAC[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const uint8_t BROADCAST[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static struct slirp_net net;
static uint8_t frames[8][1600];
static size_t frame_len[8];
static unsigned nframes;

static void deliver(void *opaque, const uint8_t *frame, size_t len)
{
    ck_assert_ptr_eq(opaque, &net);
    if (nframes < 8) {
        ck_assert_uint_le(len, sizeof(frames[0]));
        memcpy(frames[nframes], frame, len);
        frame_len[nframes] = len;
    }
    nframes++;
}

static void open_net(const char *options)
{
    char err[256] = "";
    nframes = 0;
    ck_assert_msg(slirp_net_open(&net, options, deliver, &net, err, sizeof(err)) == 0, "%s", err);
}

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

static uint16_t ip_checksum(const uint8_t *p, size_t n)
{
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < n; i += 2) sum += be16(p + i);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* Ethernet + IPv4 + UDP 68 -> 67 + a 548-byte BOOTP message (236 fixed + 312 options). */
#define DHCP_FRAME_LEN (14 + 20 + 8 + 548)

static void build_dhcp_discover(uint8_t *f)
{
    memset(f, 0, DHCP_FRAME_LEN);
    memcpy(f, BROADCAST, 6);
    memcpy(f + 6, GUEST_MAC, 6);
    put16(f + 12, 0x0800);
    uint8_t *ip = f + 14;
    ip[0] = 0x45;
    put16(ip + 2, 20 + 8 + 548);
    ip[8] = 64;
    ip[9] = 17;
    memset(ip + 16, 0xff, 4);   /* 0.0.0.0 -> 255.255.255.255 */
    put16(ip + 10, ip_checksum(ip, 20));
    uint8_t *udp = ip + 20;
    put16(udp, 68);
    put16(udp + 2, 67);
    put16(udp + 4, 8 + 548);
    uint8_t *b = udp + 8;
    b[0] = 1;   /* BOOTREQUEST */
    b[1] = 1;   /* Ethernet */
    b[2] = 6;
    b[4] = 0x12, b[5] = 0x34, b[6] = 0x56, b[7] = 0x78;   /* xid */
    memcpy(b + 28, GUEST_MAC, 6);
    const uint8_t opts[] = { 99, 130, 83, 99, 53, 1, 1 /* DHCPDISCOVER */, 255 };
    memcpy(b + 236, opts, sizeof(opts));
}

/* The value of DHCP option `code` in the options area, or NULL. */
static const uint8_t *dhcp_option(const uint8_t *opts, size_t len, uint8_t code, uint8_t *olen)
{
    size_t i = 4;   /* past the magic cookie */
    while (i < len && opts[i] != 255) {
        if (opts[i] == 0) {
            i++;
            continue;
        }
        if (i + 1 >= len) break;
        if (opts[i] == code) {
            *olen = opts[i + 1];
            return opts + i + 2;
        }
        i += 2u + opts[i + 1];
    }
    return NULL;
}

static void build_arp(uint8_t *f, uint16_t op, const uint8_t *eth_dst, const uint8_t *tha, uint32_t spa, uint32_t tpa)
{
    memset(f, 0, 42);
    memcpy(f, eth_dst, 6);
    memcpy(f + 6, GUEST_MAC, 6);
    put16(f + 12, 0x0806);
    uint8_t *a = f + 14;
    put16(a, 1);
    put16(a + 2, 0x0800);
    a[4] = 6;
    a[5] = 4;
    put16(a + 6, op);
    memcpy(a + 8, GUEST_MAC, 6);
    for (int i = 0; i < 4; i++) a[14 + i] = (uint8_t)(spa >> (24 - 8 * i));
    memcpy(a + 18, tha, 6);
    for (int i = 0; i < 4; i++) a[24 + i] = (uint8_t)(tpa >> (24 - 8 * i));
}

static void poll_until(unsigned want_frames, int max_ms)
{
    for (int waited = 0; nframes < want_frames && waited < max_ms; waited += 10) slirp_net_poll(&net, 10);
}

START_TEST(slirp_answers_dhcp_discover_with_an_offer_of_10_0_2_15)
{
    open_net("");
    uint8_t f[DHCP_FRAME_LEN];
    build_dhcp_discover(f);
    slirp_net_send(&net, f, sizeof(f));
    poll_until(1, 1000);
    ck_assert_uint_eq(nframes, 1);
    const uint8_t *r = frames[0];
    ck_assert_uint_eq(frame_len[0], 590);
    ck_assert_mem_eq(r, BROADCAST, 6);
    ck_assert_mem_eq(r + 6, SLIRP_MAC, 6);
    ck_assert_uint_eq(be16(r + 12), 0x0800);
    const uint8_t *ip = r + 14;
    ck_assert_uint_eq(ip[0], 0x45);
    ck_assert_uint_eq(ip[9], 17);
    ck_assert_uint_eq(be32(ip + 12), 0x0a000202u);   /* from 10.0.2.2 */
    ck_assert_uint_eq(be32(ip + 16), 0xffffffffu);
    ck_assert_uint_eq(ip_checksum(ip, 20), 0);
    const uint8_t *udp = ip + 20;
    ck_assert_uint_eq(be16(udp), 67);
    ck_assert_uint_eq(be16(udp + 2), 68);
    const uint8_t *b = udp + 8;
    ck_assert_uint_eq(b[0], 2);   /* BOOTREPLY */
    ck_assert_uint_eq(be32(b + 4), 0x12345678u);
    ck_assert_uint_eq(be32(b + 16), 0x0a00020fu);   /* yiaddr 10.0.2.15 */
    ck_assert_uint_eq(be32(b + 20), 0x0a000202u);   /* siaddr 10.0.2.2 */
    ck_assert_mem_eq(b + 28, GUEST_MAC, 6);
    const uint8_t *opts = b + 236;
    size_t olen_total = frame_len[0] - (size_t)(opts - r);
    ck_assert_uint_eq(be32(opts), 0x63825363u);
    uint8_t n = 0;
    const uint8_t *o = dhcp_option(opts, olen_total, 53, &n);
    ck_assert_ptr_nonnull(o);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(o[0], 2);   /* DHCPOFFER */
    ck_assert_ptr_nonnull(o = dhcp_option(opts, olen_total, 54, &n));
    ck_assert_uint_eq(be32(o), 0x0a000202u);   /* server identifier */
    ck_assert_ptr_nonnull(o = dhcp_option(opts, olen_total, 1, &n));
    ck_assert_uint_eq(be32(o), 0xffffff00u);   /* subnet mask */
    ck_assert_ptr_nonnull(o = dhcp_option(opts, olen_total, 3, &n));
    ck_assert_uint_eq(be32(o), 0x0a000202u);   /* router */
    ck_assert_ptr_nonnull(o = dhcp_option(opts, olen_total, 6, &n));
    ck_assert_uint_eq(be32(o), 0x0a000203u);   /* DNS */
    ck_assert_ptr_nonnull(o = dhcp_option(opts, olen_total, 51, &n));
    ck_assert_uint_eq(be32(o), 86400);         /* lease time */
    slirp_net_close(&net);
}
END_TEST

START_TEST(slirp_answers_an_arp_request_for_the_gateway)
{
    open_net("");
    uint8_t f[42];
    const uint8_t zero[6] = { 0 };
    build_arp(f, 1, BROADCAST, zero, 0x0a00020f, 0x0a000202);
    slirp_net_send(&net, f, sizeof(f));
    poll_until(1, 1000);
    ck_assert_uint_eq(nframes, 1);
    const uint8_t *r = frames[0];
    ck_assert_uint_eq(frame_len[0], 64);   /* padded to the Ethernet minimum */
    ck_assert_mem_eq(r, GUEST_MAC, 6);
    ck_assert_mem_eq(r + 6, SLIRP_MAC, 6);
    ck_assert_uint_eq(be16(r + 12), 0x0806);
    const uint8_t *a = r + 14;
    ck_assert_uint_eq(be16(a), 1);
    ck_assert_uint_eq(be16(a + 2), 0x0800);
    ck_assert_uint_eq(be16(a + 6), 2);   /* reply */
    ck_assert_mem_eq(a + 8, SLIRP_MAC, 6);
    ck_assert_uint_eq(be32(a + 14), 0x0a000202u);
    ck_assert_mem_eq(a + 18, GUEST_MAC, 6);
    ck_assert_uint_eq(be32(a + 24), 0x0a00020fu);
    ck_assert_uint_eq(slirp_net_next_timeout_ns(&net), UINT64_MAX);   /* IPv4 only: no libslirp timers */
    slirp_net_close(&net);
}
END_TEST

/* A listening socket on 127.0.0.1 with a kernel-chosen port. */
static int listen_loopback(uint16_t *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
    ck_assert_int_eq(listen(fd, 1), 0);
    socklen_t len = sizeof(a);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

START_TEST(slirp_hostfwd_connection_reaches_the_guest_port_after_arp)
{
    uint16_t port;
    close(listen_loopback(&port));   /* a port that was free a moment ago */
    char opts[64];
    snprintf(opts, sizeof(opts), ",hostfwd=tcp:127.0.0.1:%u-:22", (unsigned)port);
    open_net(opts);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(c, 0);
    ck_assert_int_eq(fcntl(c, F_SETFL, O_NONBLOCK), 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    connect(c, (struct sockaddr *)&a, sizeof(a));   /* in progress */
    poll_until(1, 2000);
    ck_assert_uint_ge(nframes, 1);
    /* slirp does not know the guest's MAC yet: "who has 10.0.2.15? tell 10.0.2.2". */
    const uint8_t *r = frames[0];
    ck_assert_uint_eq(frame_len[0], 42);
    ck_assert_mem_eq(r, BROADCAST, 6);
    ck_assert_uint_eq(be16(r + 12), 0x0806);
    ck_assert_uint_eq(be16(r + 14 + 6), 1);
    ck_assert_uint_eq(be32(r + 14 + 14), 0x0a000202u);
    ck_assert_uint_eq(be32(r + 14 + 24), 0x0a00020fu);
    uint8_t f[42];
    build_arp(f, 2, SLIRP_MAC, SLIRP_MAC, 0x0a00020f, 0x0a000202);
    slirp_net_send(&net, f, sizeof(f));
    poll_until(2, 3000);
    ck_assert_uint_ge(nframes, 2);
    r = frames[1];
    ck_assert_mem_eq(r, GUEST_MAC, 6);
    ck_assert_uint_eq(be16(r + 12), 0x0800);
    const uint8_t *ip = r + 14;
    ck_assert_uint_eq(ip[9], 6);   /* TCP */
    ck_assert_uint_eq(be32(ip + 12), 0x0a000202u);
    ck_assert_uint_eq(be32(ip + 16), 0x0a00020fu);
    const uint8_t *tcp = ip + (ip[0] & 15) * 4;
    ck_assert_uint_eq(be16(tcp + 2), 22);
    ck_assert_uint_eq(tcp[13] & 0x3f, 0x02);   /* SYN */
    close(c);
    slirp_net_close(&net);
}
END_TEST

START_TEST(slirp_hostfwd_on_a_port_in_use_fails_with_the_address)
{
    uint16_t port;
    int l = listen_loopback(&port);
    char opts[64], want[256], err[256] = "";
    snprintf(opts, sizeof(opts), ",hostfwd=tcp:127.0.0.1:%u-:22", (unsigned)port);
    ck_assert_int_eq(slirp_net_open(&net, opts, deliver, &net, err, sizeof(err)), -1);
    snprintf(want, sizeof(want),
             "--net user: hostfwd 'tcp:127.0.0.1:%u-:22': cannot listen on 127.0.0.1:%u (Address already in use)",
             (unsigned)port, (unsigned)port);
    ck_assert_str_eq(err, want);
    ck_assert_ptr_null(net.slirp);
    close(l);
}
END_TEST

START_TEST(slirp_poll_fds_also_polls_the_callers_descriptors)
{
    open_net("");
    int p[2];
    ck_assert_int_eq(pipe(p), 0);
    struct pollfd extra = { .fd = p[0], .events = POLLIN };
    ck_assert_int_eq(slirp_net_poll_fds(&net, &extra, 1, 0), 0);
    ck_assert_int_eq(extra.revents, 0);
    ck_assert_int_eq(write(p[1], "x", 1), 1);
    ck_assert_int_eq(slirp_net_poll_fds(&net, &extra, 1, 1000), 1);
    ck_assert_int_eq(extra.revents, POLLIN);
    close(p[0]);
    close(p[1]);
    slirp_net_close(&net);
}
END_TEST

START_TEST(slirp_describe_names_addresses_and_forwards)
{
    uint16_t port;
    close(listen_loopback(&port));
    char opts[64];
    snprintf(opts, sizeof(opts), ",hostfwd=tcp:127.0.0.1:%u-10.0.2.16:22", (unsigned)port);
    open_net(opts);
    char buf[256], want[256];
    slirp_net_describe(&net, buf, sizeof(buf));
    snprintf(want, sizeof(want),
             "user network 10.0.2.0/24 host 10.0.2.2 dns 10.0.2.3 dhcp 10.0.2.15; hostfwd tcp 127.0.0.1:%u-10.0.2.16:22; "
             "0 guest errors",
             (unsigned)port);
    ck_assert_str_eq(buf, want);
    slirp_net_close(&net);
}
END_TEST

#else

START_TEST(slirp_open_without_libslirp_reports_it)
{
    struct slirp_net s;
    char err[256] = "";
    ck_assert_int_eq(slirp_net_open(&s, "", NULL, NULL, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--net user: vhart was built without libslirp");
}
END_TEST

#endif

static Suite *slirp_suite(void)
{
    Suite *s = suite_create("slirp_net");
    TCase *t = tcase_create("options");
    tcase_add_test(t, net_option_none_and_user_are_the_modes);
    tcase_add_test(t, net_option_unknown_modes_are_named_in_the_error);
    tcase_add_test(t, net_option_user_options_errors_are_exact);
    tcase_add_test(t, net_option_more_than_16_forwards_is_an_error);
    tcase_add_test(t, hostfwd_fields_default_to_tcp_any_host_and_the_first_dhcp_address);
    suite_add_tcase(s, t);
    t = tcase_create("network");
    tcase_set_timeout(t, 20);
#ifdef VHART_HAVE_SLIRP
    tcase_add_test(t, slirp_answers_dhcp_discover_with_an_offer_of_10_0_2_15);
    tcase_add_test(t, slirp_answers_an_arp_request_for_the_gateway);
    tcase_add_test(t, slirp_hostfwd_connection_reaches_the_guest_port_after_arp);
    tcase_add_test(t, slirp_hostfwd_on_a_port_in_use_fails_with_the_address);
    tcase_add_test(t, slirp_poll_fds_also_polls_the_callers_descriptors);
    tcase_add_test(t, slirp_describe_names_addresses_and_forwards);
#else
    tcase_add_test(t, slirp_open_without_libslirp_reports_it);
#endif
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(slirp_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
