/* User-mode networking with libslirp 4.x (SlirpConfig version 4 API, libslirp.h): the instance,
 * host forwards, its timers and poll(2) loop; and the --net option syntax (QEMU's -netdev user).
 * Built against libslirp when VHART_HAVE_SLIRP is defined; otherwise opening fails with a message. */
#include "../util/errmsg.h"
#include "slirp_net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef VHART_HAVE_SLIRP
#include <libslirp.h>
#endif

/* ---- option parsing (no libslirp needed) ---- */

static const char fwd_syntax[] = "[tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport";


static uint32_t ip_of(const char *dotted)
{
    struct in_addr a;
    inet_pton(AF_INET, dotted, &a);
    return ntohl(a.s_addr);
}

static void ip_text(uint32_t ip, char out[INET_ADDRSTRLEN])
{
    struct in_addr a = { htonl(ip) };
    inet_ntop(AF_INET, &a, out, INET_ADDRSTRLEN);
}

/* A decimal port 1..65535, digits only. */
static bool parse_port(const char *s, uint16_t *port)
{
    if (!*s || strlen(s) > 5) return false;
    unsigned long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return false;
        v = v * 10 + (unsigned long)(*p - '0');
    }
    if (v < 1 || v > 65535) return false;
    *port = (uint16_t)v;
    return true;
}

/* Cut `*p` at the first `sep`: returns the field, advances *p past the separator; NULL if absent. */
static char *take_field(char **p, char sep)
{
    char *f = *p, *at = strchr(f, sep);
    if (!at) return NULL;
    *at = '\0';
    *p = at + 1;
    return f;
}

static int parse_hostfwd(const char *spec, struct slirp_net_fwd *fwd, char *err, size_t err_len)
{
    char buf[512];
    if (strlen(spec) >= sizeof(buf))
        return err_printf(err, err_len, "--net user: hostfwd option too long");
    strcpy(buf, spec);
    char *p = buf;
    char *proto = take_field(&p, ':');
    char *haddr = proto ? take_field(&p, ':') : NULL;
    char *hport = haddr ? take_field(&p, '-') : NULL;
    char *gaddr = hport ? take_field(&p, ':') : NULL;
    char *gport = gaddr ? p : NULL;
    if (!gport) return err_printf(err, err_len, "--net user: hostfwd '%s': expected %s", spec, fwd_syntax);
    memset(fwd, 0, sizeof(*fwd));
    snprintf(fwd->spec, sizeof(fwd->spec), "%s", spec);
    if (!strcmp(proto, "udp")) fwd->udp = true;
    else if (strcmp(proto, "tcp") && *proto)
        return err_printf(err, err_len, "--net user: hostfwd '%s': protocol must be tcp or udp, not '%s'", spec, proto);
    struct in_addr a;
    if (*haddr) {
        if (inet_pton(AF_INET, haddr, &a) != 1)
            return err_printf(err, err_len, "--net user: hostfwd '%s': bad host address '%s'", spec, haddr);
        fwd->host_addr = ntohl(a.s_addr);
    }
    if (!parse_port(hport, &fwd->host_port))
        return err_printf(err, err_len, "--net user: hostfwd '%s': bad host port '%s'", spec, hport);
    fwd->guest_addr = ip_of(SLIRP_NET_DHCP_START);
    if (*gaddr) {
        if (inet_pton(AF_INET, gaddr, &a) != 1)
            return err_printf(err, err_len, "--net user: hostfwd '%s': bad guest address '%s'", spec, gaddr);
        fwd->guest_addr = ntohl(a.s_addr);
        uint32_t net = ip_of(SLIRP_NET_NETWORK), mask = ip_of(SLIRP_NET_NETMASK);
        if ((fwd->guest_addr & mask) != net)
            return err_printf(err, err_len, "--net user: hostfwd '%s': guest address '%s' is outside 10.0.2.0/24", spec,
                        gaddr);
    }
    if (!parse_port(gport, &fwd->guest_port))
        return err_printf(err, err_len, "--net user: hostfwd '%s': bad guest port '%s'", spec, gport);
    return 0;
}

int slirp_net_parse_options(const char *options, struct slirp_net *s, char *err, size_t err_len)
{
    s->nfwds = 0;
    s->restricted = false;
    if (!options || !*options) return 0;
    if (*options != ',') return err_printf(err, err_len, "--net user: expected ',' before '%s'", options);
    size_t n = strlen(options);
    char *copy = malloc(n + 1);
    if (!copy) return err_printf(err, err_len, "--net user: out of memory");
    memcpy(copy, options + 1, n);   /* includes the terminator */
    int rc = 0;
    char *p = copy;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma) *comma = '\0';
        if (!*p) {
            rc = err_printf(err, err_len, "--net user: empty option in '%s'", options);
            break;
        }
        if (!strncmp(p, "hostfwd=", 8)) {
            if (s->nfwds == SLIRP_NET_MAX_FWDS) {
                rc = err_printf(err, err_len, "--net user: too many hostfwd rules (at most %d)", SLIRP_NET_MAX_FWDS);
                break;
            }
            if ((rc = parse_hostfwd(p + 8, &s->fwds[s->nfwds], err, err_len))) break;
            s->nfwds++;
        } else if (!strncmp(p, "restrict=", 9)) {
            const char *v = p + 9;
            if (!strcmp(v, "on") || !strcmp(v, "yes")) s->restricted = true;
            else if (!strcmp(v, "off") || !strcmp(v, "no")) s->restricted = false;
            else {
                rc = err_printf(err, err_len, "--net user: restrict must be on or off, not '%s'", v);
                break;
            }
        } else {
            rc = err_printf(err, err_len, "--net user: unknown option '%s' (expected hostfwd= or restrict=)", p);
            break;
        }
        if (!comma) break;
        p = comma + 1;
    }
    free(copy);
    return rc;
}

int net_parse_option(const char *arg, struct net_config *cfg, char *err, size_t err_len)
{
    memset(cfg, 0, sizeof(*cfg));
    if (!arg) arg = "";
    size_t mode_len = strcspn(arg, ",");
    if (mode_len == 4 && !strncmp(arg, "none", 4)) {
        if (arg[4]) return err_printf(err, err_len, "--net: mode 'none' takes no options, got '%s'", arg + 5);
        cfg->mode = NET_MODE_NONE;
        return 0;
    }
    if (mode_len == 4 && !strncmp(arg, "user", 4)) {
        const char *opts = arg + 4;
        if (strlen(opts) >= sizeof(cfg->options))
            return err_printf(err, err_len, "--net user: options too long");
        struct slirp_net scratch;
        if (slirp_net_parse_options(opts, &scratch, err, err_len)) return -1;
        cfg->mode = NET_MODE_USER;
        strcpy(cfg->options, opts);
        return 0;
    }
    return err_printf(err, err_len, "--net: unknown mode '%.*s' (expected none or user[,hostfwd=...])",
                (int)(mode_len < 64 ? mode_len : 64), arg);
}

static void describe_fwd(const struct slirp_net_fwd *f, char *buf, size_t len)
{
    char h[INET_ADDRSTRLEN], g[INET_ADDRSTRLEN];
    ip_text(f->host_addr, h);
    ip_text(f->guest_addr, g);
    snprintf(buf, len, "%s %s:%u-%s:%u", f->udp ? "udp" : "tcp", h, (unsigned)f->host_port, g,
             (unsigned)f->guest_port);
}

void slirp_net_describe(const struct slirp_net *s, char *buf, size_t len)
{
    if (!len) return;
    int n = snprintf(buf, len, "user network %s/24 host %s dns %s dhcp %s%s", SLIRP_NET_NETWORK, SLIRP_NET_HOST,
                     SLIRP_NET_DNS, SLIRP_NET_DHCP_START, s->restricted ? " restricted" : "");
    size_t at = n < 0 ? len : (size_t)n;
    for (unsigned i = 0; i < s->nfwds && at < len; i++) {
        char f[80];
        describe_fwd(&s->fwds[i], f, sizeof(f));
        at += (size_t)snprintf(buf + at, len - at, "; hostfwd %s", f);
    }
    if (at < len) snprintf(buf + at, len - at, "; %llu guest errors", (unsigned long long)s->guest_errors);
}

#ifdef VHART_HAVE_SLIRP

/* ---- libslirp glue ---- */

struct slirp_net_timer {
    struct slirp_net_timer *next;
    struct slirp_net *owner;
    SlirpTimerCb cb;           /* timer_new style */
    void *cb_opaque;
    bool by_id;                /* timer_new_opaque style: fire through slirp_handle_timer */
    int id;
    bool armed;
    int64_t expire_ns;
};

static int64_t clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static ssize_t cb_send_packet(const void *buf, size_t len, void *opaque)
{
    struct slirp_net *s = opaque;
    if (s->deliver) s->deliver(s->opaque, buf, len);
    return (ssize_t)len;
}

static void cb_guest_error(const char *msg, void *opaque)
{
    struct slirp_net *s = opaque;
    s->guest_errors++;
    snprintf(s->last_guest_error, sizeof(s->last_guest_error), "%s", msg);
}

static int64_t cb_clock_get_ns(void *opaque)
{
    (void)opaque;
    return clock_ns();
}

static struct slirp_net_timer *timer_add(struct slirp_net *s)
{
    struct slirp_net_timer *t = calloc(1, sizeof(*t));
    if (!t) return NULL;
    t->owner = s;
    t->next = s->timers;
    s->timers = t;
    return t;
}

static void *cb_timer_new(SlirpTimerCb cb, void *cb_opaque, void *opaque)
{
    struct slirp_net_timer *t = timer_add(opaque);
    if (t) {
        t->cb = cb;
        t->cb_opaque = cb_opaque;
    }
    return t;
}

#if SLIRP_CONFIG_VERSION_MAX >= 4
static void *cb_timer_new_opaque(SlirpTimerId id, void *cb_opaque, void *opaque)
{
    struct slirp_net_timer *t = timer_add(opaque);
    if (t) {
        t->by_id = true;
        t->id = (int)id;
        t->cb_opaque = cb_opaque;
    }
    return t;
}
#endif

static void cb_timer_free(void *timer, void *opaque)
{
    struct slirp_net *s = opaque;
    for (struct slirp_net_timer **pp = &s->timers; *pp; pp = &(*pp)->next) {
        if (*pp == timer) {
            *pp = (*pp)->next;
            free(timer);
            return;
        }
    }
}

/* expire_time is in milliseconds on the clock_get_ns clock. */
static void cb_timer_mod(void *timer, int64_t expire_time, void *opaque)
{
    (void)opaque;
    struct slirp_net_timer *t = timer;
    t->armed = true;
    t->expire_ns = expire_time * 1000000;
}

static void cb_register_poll_fd(int fd, void *opaque) { (void)fd; (void)opaque; }
static void cb_unregister_poll_fd(int fd, void *opaque) { (void)fd; (void)opaque; }
static void cb_notify(void *opaque) { (void)opaque; }

static const SlirpCb callbacks = {
    .send_packet = cb_send_packet,
    .guest_error = cb_guest_error,
    .clock_get_ns = cb_clock_get_ns,
    .timer_new = cb_timer_new,
    .timer_free = cb_timer_free,
    .timer_mod = cb_timer_mod,
    .register_poll_fd = cb_register_poll_fd,
    .unregister_poll_fd = cb_unregister_poll_fd,
    .notify = cb_notify,
#if SLIRP_CONFIG_VERSION_MAX >= 4
    .init_completed = NULL,
    .timer_new_opaque = cb_timer_new_opaque,
#endif
};

static struct in_addr in4(uint32_t host_order)
{
    struct in_addr a = { htonl(host_order) };
    return a;
}

int slirp_net_open(struct slirp_net *s, const char *options,
                   void (*deliver)(void *opaque, const uint8_t *frame, size_t len), void *opaque, char *err,
                   size_t err_len)
{
    memset(s, 0, sizeof(*s));
    if (slirp_net_parse_options(options, s, err, err_len)) return -1;
    s->deliver = deliver;
    s->opaque = opaque;

    SlirpConfig cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.version = SLIRP_CONFIG_VERSION_MAX >= 4 ? 4 : SLIRP_CONFIG_VERSION_MAX;
    cfg.restricted = s->restricted;
    cfg.in_enabled = true;
    cfg.vnetwork = in4(ip_of(SLIRP_NET_NETWORK));
    cfg.vnetmask = in4(ip_of(SLIRP_NET_NETMASK));
    cfg.vhost = in4(ip_of(SLIRP_NET_HOST));
    cfg.in6_enabled = false;
    cfg.vdhcp_start = in4(ip_of(SLIRP_NET_DHCP_START));
    cfg.vnameserver = in4(ip_of(SLIRP_NET_DNS));
    s->slirp = slirp_new(&cfg, &callbacks, s);
    if (!s->slirp) return err_printf(err, err_len, "--net user: cannot create the user network (libslirp %s)",
                               slirp_version_string());

    for (unsigned i = 0; i < s->nfwds; i++) {
        const struct slirp_net_fwd *f = &s->fwds[i];
        errno = 0;
        if (slirp_add_hostfwd(s->slirp, f->udp, in4(f->host_addr), f->host_port, in4(f->guest_addr),
                              f->guest_port) < 0) {
            int e = errno;
            char h[INET_ADDRSTRLEN];
            ip_text(f->host_addr, h);
            err_printf(err, err_len, "--net user: hostfwd '%s': cannot listen on %s:%u (%s)", f->spec, h,
                 (unsigned)f->host_port, e ? strerror(e) : "refused by libslirp");
            slirp_net_close(s);
            return -1;
        }
    }
    return 0;
}

void slirp_net_close(struct slirp_net *s)
{
    if (s->slirp) slirp_cleanup(s->slirp);   /* frees its timers through timer_free */
    s->slirp = NULL;
    while (s->timers) {
        struct slirp_net_timer *t = s->timers;
        s->timers = t->next;
        free(t);
    }
    free(s->pfds);
    s->pfds = NULL;
    s->npfds = s->cap_pfds = 0;
}

void slirp_net_send(struct slirp_net *s, const uint8_t *frame, size_t len)
{
    if (!s->slirp || len > INT_MAX) return;
    slirp_input(s->slirp, frame, (int)len);
}

static int pfd_append(struct slirp_net *s, int fd, short events)
{
    if (s->npfds == s->cap_pfds) {
        size_t cap = s->cap_pfds ? 2 * s->cap_pfds : 16;
        struct pollfd *p = realloc(s->pfds, cap * sizeof(*p));
        if (!p) return -1;
        s->pfds = p;
        s->cap_pfds = cap;
    }
    s->pfds[s->npfds] = (struct pollfd){ .fd = fd, .events = events, .revents = 0 };
    return (int)s->npfds++;
}

static int cb_add_poll(int fd, int events, void *opaque)
{
    short ev = 0;
    if (events & SLIRP_POLL_IN) ev |= POLLIN;
    if (events & SLIRP_POLL_OUT) ev |= POLLOUT;
    if (events & SLIRP_POLL_PRI) ev |= POLLPRI;
    return pfd_append(opaque, fd, ev);
}

static int cb_get_revents(int idx, void *opaque)
{
    const struct slirp_net *s = opaque;
    if (idx < 0 || (size_t)idx >= s->npfds) return 0;
    short r = s->pfds[idx].revents;
    int ev = 0;
    if (r & POLLIN) ev |= SLIRP_POLL_IN;
    if (r & POLLOUT) ev |= SLIRP_POLL_OUT;
    if (r & POLLPRI) ev |= SLIRP_POLL_PRI;
    if (r & POLLERR) ev |= SLIRP_POLL_ERR;
    if (r & POLLHUP) ev |= SLIRP_POLL_HUP;
    return ev;
}

uint64_t slirp_net_next_timeout_ns(const struct slirp_net *s)
{
    uint64_t best = UINT64_MAX;
    int64_t now = clock_ns();
    for (const struct slirp_net_timer *t = s->timers; t; t = t->next) {
        if (!t->armed) continue;
        uint64_t d = t->expire_ns > now ? (uint64_t)(t->expire_ns - now) : 0;
        if (d < best) best = d;
    }
    return best;
}

/* Fire due timers one at a time: a callback may re-arm or free timers. */
static void run_timers(struct slirp_net *s)
{
    for (;;) {
        int64_t now = clock_ns();
        struct slirp_net_timer *due = NULL;
        for (struct slirp_net_timer *t = s->timers; t; t = t->next)
            if (t->armed && t->expire_ns <= now) {
                due = t;
                break;
            }
        if (!due) return;
        due->armed = false;
#if SLIRP_CONFIG_VERSION_MAX >= 4
        if (due->by_id) {
            slirp_handle_timer(s->slirp, (SlirpTimerId)due->id, due->cb_opaque);
            continue;
        }
#endif
        if (due->cb) due->cb(due->cb_opaque);
    }
}

int slirp_net_poll_fds(struct slirp_net *s, struct pollfd *extra, size_t n_extra, int timeout_ms)
{
    if (!s->slirp) {
        int r = poll(extra, (nfds_t)n_extra, timeout_ms);
        return r;
    }
    s->npfds = 0;
    for (size_t i = 0; i < n_extra; i++)
        if (pfd_append(s, extra[i].fd, extra[i].events) < 0) return -1;
    uint32_t timeout = timeout_ms < 0 ? UINT32_MAX : (uint32_t)timeout_ms;
    slirp_pollfds_fill(s->slirp, &timeout, cb_add_poll, s);
    uint64_t tns = slirp_net_next_timeout_ns(s);
    if (tns != UINT64_MAX) {
        uint64_t ms = (tns + 999999) / 1000000;
        if (ms < timeout) timeout = (uint32_t)ms;
    }
    int wait = timeout >= (uint32_t)INT_MAX ? -1 : (int)timeout;
    int r = poll(s->pfds, (nfds_t)s->npfds, wait);
    slirp_pollfds_poll(s->slirp, r < 0, cb_get_revents, s);
    for (size_t i = 0; i < n_extra; i++) extra[i].revents = r < 0 ? 0 : s->pfds[i].revents;
    run_timers(s);
    return r;
}

void slirp_net_poll(struct slirp_net *s, int timeout_ms) { slirp_net_poll_fds(s, NULL, 0, timeout_ms); }

#else /* !VHART_HAVE_SLIRP */

int slirp_net_open(struct slirp_net *s, const char *options,
                   void (*deliver)(void *opaque, const uint8_t *frame, size_t len), void *opaque, char *err,
                   size_t err_len)
{
    memset(s, 0, sizeof(*s));
    if (slirp_net_parse_options(options, s, err, err_len)) return -1;
    (void)deliver;
    (void)opaque;
    return err_printf(err, err_len, "--net user: vhart was built without libslirp");
}

void slirp_net_close(struct slirp_net *s) { (void)s; }
void slirp_net_send(struct slirp_net *s, const uint8_t *frame, size_t len) { (void)s; (void)frame; (void)len; }
uint64_t slirp_net_next_timeout_ns(const struct slirp_net *s) { (void)s; return UINT64_MAX; }
int slirp_net_poll_fds(struct slirp_net *s, struct pollfd *extra, size_t n_extra, int timeout_ms)
{
    (void)s;
    return poll(extra, (nfds_t)n_extra, timeout_ms);
}
void slirp_net_poll(struct slirp_net *s, int timeout_ms) { (void)s; (void)timeout_ms; }

#endif
