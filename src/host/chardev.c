/* The serial line's host backends (--serial, named after QEMU's -serial): file, Unix and TCP
 * sockets as client or single-client server, and a pseudo-terminal (POSIX posix_openpt). */
#define _DEFAULT_SOURCE   /* cfmakeraw */
#define _XOPEN_SOURCE 700 /* posix_openpt, grantpt, unlockpt, ptsname */
#include "chardev.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/epoll.h>
#endif

/* How long a flush waits for a reader that does not take the output before dropping it: a
 * stopped peer must not stop the guest for good. */
#define CHARDEV_STALL_MS 1000

struct chardev {
    struct chardev_spec spec;
    int fd;                   /* the data descriptor: file, connected socket, pty master; -1: none */
    int listen_fd;            /* server sockets */
    int epfd;                 /* the set chardev_poll_fd returns (Linux); -1 elsewhere */
    bool fd_watched, listen_watched;
    bool pty_connected;       /* someone holds the pty's slave side open */
    char where[300];
    uint8_t out[4096];
    size_t out_len;
};

static void set_err(char *err, size_t errlen, const char *fmt, const char *a, const char *b)
{
    snprintf(err, errlen, fmt, a, b);
}

/* ---------------------------------------------------------------- parsing */

/* Options after the address: server, nowait, wait=on|off, server=on|off. */
static int parse_opts(char *opts, struct chardev_spec *spec, char *err, size_t errlen)
{
    bool wait_given = false;
    for (char *o = opts; o && *o;) {
        char *comma = strchr(o, ',');
        if (comma) *comma = 0;
        if (strcmp(o, "server") == 0 || strcmp(o, "server=on") == 0) spec->server = true;
        else if (strcmp(o, "server=off") == 0) spec->server = false;
        else if (strcmp(o, "nowait") == 0 || strcmp(o, "wait=off") == 0) spec->wait = false, wait_given = true;
        else if (strcmp(o, "wait") == 0 || strcmp(o, "wait=on") == 0) spec->wait = true, wait_given = true;
        else {
            set_err(err, errlen, "unknown option '%s'%s", o, " (server, nowait)");
            return -1;
        }
        o = comma ? comma + 1 : NULL;
    }
    if (wait_given && !spec->server) {
        set_err(err, errlen, "%s%s", "wait and nowait go with server", "");
        return -1;
    }
    return 0;
}

int chardev_parse(const char *s, struct chardev_spec *spec, char *err, size_t errlen)
{
    memset(spec, 0, sizeof(*spec));
    spec->wait = true;   /* QEMU's default for a server: the guest starts once a client is there */
    char buf[600];
    if (strlen(s) >= sizeof(buf)) {
        set_err(err, errlen, "%s%s", "spec too long", "");
        return -1;
    }
    strcpy(buf, s);
    if (strcmp(s, "stdio") == 0) { spec->kind = CHARDEV_STDIO; return 0; }
    if (strcmp(s, "null") == 0 || strcmp(s, "none") == 0) { spec->kind = CHARDEV_NULL; return 0; }
    if (strcmp(s, "pty") == 0) { spec->kind = CHARDEV_PTY; return 0; }
    if (strncmp(s, "file:", 5) == 0) {
        spec->kind = CHARDEV_FILE;
        if (!s[5] || strlen(s + 5) >= sizeof(spec->path)) {
            set_err(err, errlen, "%s%s", s[5] ? "path too long" : "file: needs a path", "");
            return -1;
        }
        strcpy(spec->path, s + 5);
        return 0;
    }
    if (strncmp(s, "unix:", 5) == 0) {
        spec->kind = CHARDEV_UNIX;
        char *opts = strchr(buf + 5, ',');
        if (opts) *opts++ = 0;
        if (!buf[5]) {
            set_err(err, errlen, "%s%s", "unix: needs a socket path", "");
            return -1;
        }
        if (strlen(buf + 5) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
            snprintf(err, errlen, "socket path too long (at most %zu bytes)",
                     sizeof(((struct sockaddr_un *)0)->sun_path) - 1);
            return -1;
        }
        strcpy(spec->path, buf + 5);
        return parse_opts(opts, spec, err, errlen);
    }
    if (strncmp(s, "tcp:", 4) == 0) {
        spec->kind = CHARDEV_TCP;
        char *addr = buf + 4, *opts = strchr(addr, ',');
        if (opts) *opts++ = 0;
        char *colon = strrchr(addr, ':');
        if (!colon) {
            set_err(err, errlen, "%s%s", "tcp: needs [HOST]:PORT", "");
            return -1;
        }
        *colon = 0;
        char *host = addr;
        size_t hl = strlen(host);
        if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') host[hl - 1] = 0, host++;   /* [::1] */
        if (strlen(host) >= sizeof(spec->host)) {
            set_err(err, errlen, "%s%s", "host name too long", "");
            return -1;
        }
        /* Loopback unless an address is given: a serial console is a shell for whoever connects. */
        strcpy(spec->host, *host ? host : "127.0.0.1");
        char *end;
        const char *p = colon + 1;
        errno = 0;
        unsigned long port = (*p >= '0' && *p <= '9') ? strtoul(p, &end, 10) : 0;
        if (!(*p >= '0' && *p <= '9') || *end || errno || port > 65535) {
            set_err(err, errlen, "bad port '%s'%s", p, " (0..65535)");
            return -1;
        }
        spec->port = (unsigned)port;
        if (parse_opts(opts, spec, err, errlen)) return -1;
        if (port == 0 && !spec->server) {
            set_err(err, errlen, "%s%s", "port 0 is for a server only (any free port)", "");
            return -1;
        }
        return 0;
    }
    set_err(err, errlen, "unknown backend '%s'%s", s,
            " (stdio, null, file:PATH, unix:PATH[,server], tcp:[HOST]:PORT[,server], pty)");
    return -1;
}

/* ---------------------------------------------------------------- the watched set */

static void watch(struct chardev *c, int fd, bool *flag, bool on)
{
    if (*flag == on || fd < 0) return;
    *flag = on;
#ifdef __linux__
    if (c->epfd < 0) return;
    struct epoll_event ev = { .events = EPOLLIN };
    ev.data.fd = fd;
    epoll_ctl(c->epfd, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, fd, &ev);
#else
    (void)c;
#endif
}

int chardev_poll_fd(struct chardev *c) { return c->epfd; }

void chardev_watch_extra(struct chardev *c, int extra)
{
    bool flag = false;
    watch(c, extra, &flag, true);
}

const char *chardev_where(const struct chardev *c) { return c->where; }

/* ---------------------------------------------------------------- connections */

static void set_nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* The peer went away: a server listens again, a client stays unconnected (output dropped). */
static void hang_up(struct chardev *c)
{
    if (c->spec.kind == CHARDEV_PTY) {
        watch(c, c->fd, &c->fd_watched, false);
        c->pty_connected = false;
        return;
    }
    watch(c, c->fd, &c->fd_watched, false);
    close(c->fd);
    c->fd = -1;
    c->out_len = 0;
    if (c->listen_fd >= 0) watch(c, c->listen_fd, &c->listen_watched, true);
}

static void take_client(struct chardev *c, int fd)
{
    set_nonblock(fd);
    c->fd = fd;
    watch(c, c->listen_fd, &c->listen_watched, false);
    watch(c, c->fd, &c->fd_watched, true);
}

/* A waiting client, if any (non-blocking listen socket). */
static void try_accept(struct chardev *c)
{
    if (c->listen_fd < 0 || c->fd >= 0) return;
    int fd = accept(c->listen_fd, NULL, NULL);
    if (fd >= 0) take_client(c, fd);
}

/* The pty's slave side held open by someone: the master then shows no hang-up (Linux, BSDs). */
static void pty_check(struct chardev *c)
{
    struct pollfd p = { .fd = c->fd, .events = POLLIN };
    if (poll(&p, 1, 0) < 0) return;
    bool up = !(p.revents & POLLHUP);
    if (up && !c->pty_connected) {
        c->pty_connected = true;
        watch(c, c->fd, &c->fd_watched, true);
    } else if (!up && c->pty_connected) {
        hang_up(c);
    }
}

bool chardev_connected(struct chardev *c)
{
    switch (c->spec.kind) {
    case CHARDEV_PTY: pty_check(c); return c->pty_connected;
    case CHARDEV_UNIX: case CHARDEV_TCP: try_accept(c); return c->fd >= 0;
    case CHARDEV_FILE: return true;
    default: return false;
    }
}

/* ---------------------------------------------------------------- opening */

static int open_socket(struct chardev *c, char *err, size_t errlen)
{
    const struct chardev_spec *s = &c->spec;
    int fd = -1, e = 0;
    if (s->kind == CHARDEV_UNIX) {
        struct sockaddr_un sa;
        memset(&sa, 0, sizeof(sa));
        sa.sun_family = AF_UNIX;
        strcpy(sa.sun_path, s->path);
        snprintf(c->where, sizeof(c->where), "unix:%s", s->path);
        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd < 0) goto fail;
        if (s->server) {
            struct stat st;
            /* A socket left by an earlier run is replaced; any other file is not ours to remove. */
            if (lstat(s->path, &st) == 0 && S_ISSOCK(st.st_mode)) unlink(s->path);
            if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 1)) goto fail;
            c->listen_fd = fd;
        } else {
            if (connect(fd, (struct sockaddr *)&sa, sizeof(sa))) goto fail;
            c->fd = fd;
        }
        return 0;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = s->server ? AI_PASSIVE : 0;
    char port[8];
    snprintf(port, sizeof(port), "%u", s->port);
    int g = getaddrinfo(s->host, port, &hints, &res);
    if (g) {
        set_err(err, errlen, "cannot resolve '%s': %s", s->host, gai_strerror(g));
        return -1;
    }
    for (struct addrinfo *a = res; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0) { e = errno; continue; }
        if (s->server) {
            int one = 1;
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
            if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1) == 0) break;
        } else if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            break;
        }
        e = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        errno = e;
        goto fail;
    }
    unsigned actual = s->port;
    struct sockaddr_storage ss;
    socklen_t sl = sizeof(ss);
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0)
        actual = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                                : ((struct sockaddr_in *)&ss)->sin_port);
    if (s->server) {
        snprintf(c->where, sizeof(c->where), "tcp:%s%s%s:%u", strchr(s->host, ':') ? "[" : "", s->host,
                 strchr(s->host, ':') ? "]" : "", actual);
        c->listen_fd = fd;
    } else {
        snprintf(c->where, sizeof(c->where), "tcp:%s:%u", s->host, s->port);
        c->fd = fd;
    }
    return 0;
fail:
    e = errno;
    if (fd >= 0) close(fd);
    set_err(err, errlen, "%s: %s", s->server ? "cannot listen" : "cannot connect", strerror(e));
    return -1;
}

static int open_pty(struct chardev *c, char *err, size_t errlen)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) || unlockpt(m)) goto fail;
    const char *name = ptsname(m);
    if (!name) goto fail;
    snprintf(c->where, sizeof(c->where), "%s", name);
    /* Raw line discipline on the slave side, as a serial line: no echo, no line editing, no
     * CR/NL translation; the guest does all of that. Closing the slave again leaves the master
     * "hung up" until someone opens it. */
    int sl = open(name, O_RDWR | O_NOCTTY);
    if (sl < 0) goto fail;
    struct termios t;
    if (tcgetattr(sl, &t) == 0) {
        cfmakeraw(&t);
        tcsetattr(sl, TCSANOW, &t);
    }
    close(sl);
    set_nonblock(m);
    c->fd = m;
    return 0;
fail:
    set_err(err, errlen, "cannot create a pseudo-terminal: %s%s", strerror(errno), "");
    if (m >= 0) close(m);
    return -1;
}

struct chardev *chardev_open(const struct chardev_spec *spec, void (*announce)(const char *line),
                             char *err, size_t errlen)
{
    struct chardev *c = calloc(1, sizeof(*c));
    if (!c) {
        set_err(err, errlen, "%s%s", "out of memory", "");
        return NULL;
    }
    c->spec = *spec;
    c->fd = c->listen_fd = c->epfd = -1;
#ifdef __linux__
    c->epfd = epoll_create1(EPOLL_CLOEXEC);
#endif
    int r = 0;
    switch (spec->kind) {
    case CHARDEV_STDIO:
    case CHARDEV_NULL:
        snprintf(c->where, sizeof(c->where), "null");
        break;
    case CHARDEV_FILE:
        snprintf(c->where, sizeof(c->where), "%s", spec->path);
        /* Truncated, as QEMU does: the file is this run's output. */
        c->fd = open(spec->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (c->fd < 0) {
            set_err(err, errlen, "cannot write %s: %s", spec->path, strerror(errno));
            r = -1;
        }
        break;
    case CHARDEV_UNIX:
    case CHARDEV_TCP:
        r = open_socket(c, err, errlen);
        if (r == 0 && c->fd >= 0) take_client(c, c->fd);
        if (r == 0 && c->listen_fd >= 0) {
            char line[400];
            snprintf(line, sizeof(line), "serial %s on %s", spec->wait ? "waiting for a connection" : "listening",
                     c->where);
            if (announce) announce(line);
            if (spec->wait) {
                int fd;
                while ((fd = accept(c->listen_fd, NULL, NULL)) < 0 && errno == EINTR) {}
                if (fd < 0) {
                    set_err(err, errlen, "accept: %s%s", strerror(errno), "");
                    r = -1;
                } else {
                    take_client(c, fd);
                }
            }
            set_nonblock(c->listen_fd);
            if (r == 0 && c->fd < 0) watch(c, c->listen_fd, &c->listen_watched, true);
        }
        break;
    case CHARDEV_PTY:
        r = open_pty(c, err, errlen);
        if (r == 0 && announce) {
            char line[400];
            snprintf(line, sizeof(line), "serial on %s", c->where);
            announce(line);
        }
        break;
    }
    if (r) {
        chardev_close(c);
        return NULL;
    }
    return c;
}

/* Closing the master hangs the terminal up, and Linux then throws away what the reader has not
 * read yet: give the reader up to a second to take the guest's last words (FIONREAD on the slave
 * side is what is still unread; the first wait lets the bytes written last reach that side, which
 * Linux does from a work queue). */
static void pty_drain(struct chardev *c)
{
    if (!c->pty_connected) return;
    int sl = open(c->where, O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (sl < 0) return;
    poll(NULL, 0, 20);
    for (int i = 0; i < 100; i++) {
        int n = 0;
        if (ioctl(sl, FIONREAD, &n) || n == 0) break;
        poll(NULL, 0, 10);
    }
    close(sl);
}

void chardev_close(struct chardev *c)
{
    if (!c) return;
    chardev_flush(c);
    if (c->spec.kind == CHARDEV_PTY) pty_drain(c);
    if (c->fd >= 0) close(c->fd);
    if (c->listen_fd >= 0) {
        close(c->listen_fd);
        if (c->spec.kind == CHARDEV_UNIX && c->spec.server) unlink(c->spec.path);
    }
    if (c->epfd >= 0) close(c->epfd);
    free(c);
}

/* ---------------------------------------------------------------- data */

size_t chardev_read(struct chardev *c, uint8_t *buf, size_t len)
{
    switch (c->spec.kind) {
    case CHARDEV_UNIX:
    case CHARDEV_TCP:
        try_accept(c);
        break;
    case CHARDEV_PTY:
        pty_check(c);
        if (!c->pty_connected) return 0;
        break;
    default:
        return 0;   /* a file or null gives no input */
    }
    if (c->fd < 0 || len == 0) return 0;
    ssize_t n = read(c->fd, buf, len);
    if (n > 0) return (size_t)n;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) hang_up(c);   /* EOF, EIO */
    return 0;
}

void chardev_flush(struct chardev *c)
{
    if (!c->out_len) return;
    size_t off = 0;
    int waited = 0;
    if (c->spec.kind == CHARDEV_PTY) {
        pty_check(c);
        if (!c->pty_connected) off = c->out_len;   /* nobody reads: drop, as a line without a peer */
    }
    if (c->fd < 0) off = c->out_len;
    while (off < c->out_len) {
        ssize_t w = (c->spec.kind == CHARDEV_UNIX || c->spec.kind == CHARDEV_TCP)
                        ? send(c->fd, c->out + off, c->out_len - off, MSG_NOSIGNAL)
                        : write(c->fd, c->out + off, c->out_len - off);
        if (w > 0) {
            off += (size_t)w;
            continue;
        }
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && waited < CHARDEV_STALL_MS) {
            struct pollfd p = { .fd = c->fd, .events = POLLOUT };
            poll(&p, 1, 10);
            waited += 10;
            continue;
        }
        if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) hang_up(c);   /* EPIPE, ECONNRESET, EIO */
        break;
    }
    c->out_len = 0;
}

void chardev_write(struct chardev *c, const uint8_t *data, size_t len)
{
    if (c->spec.kind == CHARDEV_NULL || c->spec.kind == CHARDEV_STDIO) return;
    while (len > 0) {
        if (c->out_len == sizeof(c->out)) chardev_flush(c);
        size_t n = sizeof(c->out) - c->out_len;
        if (n > len) n = len;
        memcpy(c->out + c->out_len, data, n);
        c->out_len += n;
        data += n;
        len -= n;
    }
}
