/* Character-device backends for the guest's serial line (--serial): a file, a Unix or TCP socket
 * (client or listening server), or a pseudo-terminal. The terminal console stays in console.c. */
#ifndef VHART_HOST_CHARDEV_H
#define VHART_HOST_CHARDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum chardev_kind { CHARDEV_STDIO, CHARDEV_NULL, CHARDEV_FILE, CHARDEV_UNIX, CHARDEV_TCP, CHARDEV_PTY };

/* A parsed --serial spec (QEMU's -serial names). */
struct chardev_spec {
    enum chardev_kind kind;
    char path[256];           /* file: and unix: */
    char host[256];           /* tcp: "127.0.0.1" when left out */
    unsigned port;            /* tcp: 0..65535 (0 with server: any free port, printed) */
    bool server;              /* unix:/tcp: listen instead of connecting */
    bool wait;                /* server: wait for the first client before the guest starts */
};

/* Parse stdio | null | file:PATH | unix:PATH[,server][,nowait] | tcp:[HOST]:PORT[,server][,nowait]
 * | pty. Returns 0, or -1 with a one-line reason in err. */
int chardev_parse(const char *s, struct chardev_spec *spec, char *err, size_t errlen);

struct chardev;

/* Open the backend (for a server with `wait`, after the first client connected; `announce` is
 * called first with a line saying where it listens). Returns NULL with a one-line reason in err. */
struct chardev *chardev_open(const struct chardev_spec *spec, void (*announce)(const char *line),
                             char *err, size_t errlen);
void chardev_close(struct chardev *c);

/* Non-blocking: bytes from the other end (0: none now). A server takes a new client here once
 * the last one hung up. */
size_t chardev_read(struct chardev *c, uint8_t *buf, size_t len);
/* Guest output: buffered; dropped while nobody is connected (socket server, pty not opened). */
void chardev_write(struct chardev *c, const uint8_t *data, size_t len);
void chardev_flush(struct chardev *c);

/* One descriptor readable whenever chardev_read has something to do (input, a new client), with
 * `extra` (e.g. the terminal for Ctrl-A keys) watched as well; -1 when the host cannot do that
 * (then the machine's idle wait looks around every 100 ms). */
int chardev_poll_fd(struct chardev *c);
void chardev_watch_extra(struct chardev *c, int extra);

/* Where it is, for messages: "/dev/pts/3", "127.0.0.1:4321", the socket's path. */
const char *chardev_where(const struct chardev *c);
/* Whether the other end is there now (a client connected, the pty opened). */
bool chardev_connected(struct chardev *c);

#endif
