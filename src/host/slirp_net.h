/* User-mode networking for the guest NIC with libslirp (QEMU's "-netdev user"): the 10.0.2.0/24
 * network with its gateway, DHCP and DNS, host port forwards, timers and fd polling; and the
 * parsing of the --net option. */
#ifndef VHART_HOST_SLIRP_NET_H
#define VHART_HOST_SLIRP_NET_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The guest network, as QEMU's defaults. */
#define SLIRP_NET_NETWORK "10.0.2.0"
#define SLIRP_NET_NETMASK "255.255.255.0"
#define SLIRP_NET_HOST "10.0.2.2"        /* gateway, and the host as seen from the guest */
#define SLIRP_NET_DHCP_START "10.0.2.15" /* first DHCP lease; default guest address of forwards */
#define SLIRP_NET_DNS "10.0.2.3"

#define SLIRP_NET_MAX_FWDS 16

/* --net values. */
enum net_mode { NET_MODE_NONE, NET_MODE_USER };

struct net_config {
    enum net_mode mode;
    char options[512];   /* NET_MODE_USER: the text after "user" (empty or starting with ',') */
};

struct slirp_net_fwd {
    bool udp;
    uint32_t host_addr, guest_addr;   /* IPv4, host byte order (host_addr 0: any) */
    uint16_t host_port, guest_port;
    char spec[128];                   /* the rule as written, for messages */
};

struct slirp_net_timer;
struct Slirp;

struct slirp_net {
    struct Slirp *slirp;
    void (*deliver)(void *opaque, const uint8_t *frame, size_t len);
    void *opaque;
    bool restricted;
    unsigned nfwds;
    struct slirp_net_fwd fwds[SLIRP_NET_MAX_FWDS];
    struct slirp_net_timer *timers;   /* libslirp's timers, a small list */
    struct pollfd *pfds;              /* built by slirp_pollfds_fill for one poll */
    size_t npfds, cap_pfds;
    uint64_t guest_errors;            /* libslirp's guest_error reports */
    char last_guest_error[128];
};

/* Parse a --net value: "none" or "user[,hostfwd=...][,restrict=on|off]". Returns 0, or -1 with a
 * one-line message in err, e.g.
 *   --net: unknown mode 'tap' (expected none or user[,hostfwd=...])
 * User options are checked for syntax here (port availability only at slirp_net_open). */
int net_parse_option(const char *arg, struct net_config *cfg, char *err, size_t err_len);

/* Check user-mode options ("" or ",opt=val,...") without opening anything. Accepted options:
 *   hostfwd=[tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport   (repeatable; hostaddr default
 *       any, guestaddr default 10.0.2.15; ports 1..65535; guestaddr inside 10.0.2.0/24)
 *   restrict=on|off   (on: the guest cannot reach the outside, forwards still work)
 * Errors, one line, for example:
 *   --net user: hostfwd 'tcp:127.0.0.1:99999-:22': bad host port '99999'
 *   --net user: unknown option 'foo=1' (expected hostfwd= or restrict=) */
int slirp_net_parse_options(const char *options, struct slirp_net *s, char *err, size_t err_len);

/* Create the user network: options as for slirp_net_parse_options; deliver() receives every
 * host->guest Ethernet frame (from inside slirp_net_send or slirp_net_poll*; it may drop frames
 * when the guest has no buffers). Returns 0, or -1 with a one-line message in err, e.g.
 *   --net user: hostfwd 'tcp:127.0.0.1:2222-:22': cannot listen on 127.0.0.1:2222 (Address already in use)
 *   --net user: vhart was built without libslirp */
int slirp_net_open(struct slirp_net *s, const char *options,
                   void (*deliver)(void *opaque, const uint8_t *frame, size_t len), void *opaque, char *err,
                   size_t err_len);
void slirp_net_close(struct slirp_net *s);

/* A guest->host Ethernet frame (the NIC's transmit). */
void slirp_net_send(struct slirp_net *s, const uint8_t *frame, size_t len);

/* Service slirp: poll its sockets for up to timeout_ms (0: just look; negative: as long as slirp
 * allows), shortened to slirp's own TCP timers and the timer list, then let it read/write and
 * fire due timers. Frames for the guest arrive through deliver(). */
void slirp_net_poll(struct slirp_net *s, int timeout_ms);

/* The same, also polling the caller's descriptors (e.g. the console) in the same poll(2) call, so
 * an idle machine sleeps on everything at once. Their revents are filled in. Returns poll's result
 * (number of ready descriptors, slirp's included, or -1). */
int slirp_net_poll_fds(struct slirp_net *s, struct pollfd *extra, size_t n_extra, int timeout_ms);

/* Nanoseconds until the earliest libslirp timer is due (0 if overdue), UINT64_MAX if none. slirp's
 * TCP timers are not in it: slirp_net_poll* bounds its own wait by them. */
uint64_t slirp_net_next_timeout_ns(const struct slirp_net *s);

/* One line: addresses, forwards and counters (for the debugger). */
void slirp_net_describe(const struct slirp_net *s, char *buf, size_t len);

#endif
