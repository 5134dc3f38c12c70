/* Fuzz target: the gdb stub (src/debug/gdbstub.c and the RSP layer src/debug/rsp.c) serving a byte
 * stream from a "gdb" against a real two-hart machine running a small load/store loop. The stub's
 * socket calls are redirected to the fuzz input (recv) and a reply buffer (send), so the whole
 * session runs as in vhart: framing, acks, NAK resends, every command, stepping and continuing
 * (while the machine runs, input bytes arrive up to the next Ctrl-C). Besides never crashing, every
 * byte the stub sends must be '+', '-' or a "$payload#cs" frame with a correct checksum and no
 * unescaped '$' or '#' inside, and the session must end when the input does. */
#define _GNU_SOURCE 1
/* The system headers gdbstub.c uses, first, so the redirections below only touch its calls. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <vhart/debug.h>
#include <vhart/machine.h>

#include "fuzz_common.h"

#define FAKE_FD 1000

static struct {
    const uint8_t *data;
    size_t len, pos;
    bool stalled;          /* while running: a Ctrl-C was delivered, nothing more until the next blocking read */
    uint8_t *out;          /* everything the stub sent */
    size_t out_len, out_cap;
} io;

static ssize_t fake_recv(int fd, void *buf, size_t len, int flags)
{
    FUZZ_CHECK(fd == FAKE_FD);
    size_t left = io.len - io.pos;
    if (!(flags & MSG_DONTWAIT)) {
        io.stalled = false;
        if (!left) return 0;   /* gdb closed the connection */
        size_t n = left < len ? left : len;
        memcpy(buf, io.data + io.pos, n);
        io.pos += n;
        return (ssize_t)n;
    }
    if (io.stalled) {
        errno = EAGAIN;
        return -1;
    }
    if (!left) return 0;
    /* Bytes gdb sends while the target runs: up to and including the next Ctrl-C. */
    const uint8_t *ctrl_c = memchr(io.data + io.pos, 0x03, left);
    size_t n = ctrl_c ? (size_t)(ctrl_c - (io.data + io.pos)) + 1 : left;
    if (n > len) n = len;
    memcpy(buf, io.data + io.pos, n);
    io.pos += n;
    if (ctrl_c && io.data + io.pos == ctrl_c + 1) io.stalled = true;
    return (ssize_t)n;
}

static ssize_t fake_send(int fd, const void *buf, size_t len, int flags)
{
    (void)flags;
    FUZZ_CHECK(fd == FAKE_FD && len > 0);
    if (io.out_len + len > io.out_cap) {
        size_t cap = io.out_cap ? io.out_cap : 65536;
        while (cap < io.out_len + len) cap *= 2;
        io.out = realloc(io.out, cap);
        FUZZ_CHECK(io.out != NULL);
        io.out_cap = cap;
    }
    memcpy(io.out + io.out_len, buf, len);
    io.out_len += len;
    return (ssize_t)len;
}

static int fake_poll(struct pollfd *fds, nfds_t n, int timeout)
{
    (void)timeout;
    FUZZ_CHECK(n == 1 && fds[0].fd == FAKE_FD);
    fds[0].revents = io.stalled ? 0 : POLLIN;
    return io.stalled ? 0 : 1;
}

static int fake_setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
    (void)level, (void)name, (void)val, (void)len;
    FUZZ_CHECK(fd == FAKE_FD);
    return 0;
}

static int fake_close(int fd)
{
    FUZZ_CHECK(fd == FAKE_FD);
    return 0;
}

static int fake_accept(int fd, struct sockaddr *a, socklen_t *l)
{
    (void)fd, (void)a, (void)l;
    FUZZ_CHECK(!"the stub must not accept: a connection is already there");
    return -1;
}

#define recv fake_recv
#define send fake_send
#define poll fake_poll
#define setsockopt fake_setsockopt
#define close fake_close
#define accept fake_accept
#include "debug/gdbstub.c"
#include "debug/gdbstub_target.c"
#undef recv
#undef send
#undef poll
#undef setsockopt
#undef close
#undef accept

/* monitor savevm/loadvm (src/debug/monitor.c) would write and read host files named by the input:
 * stand-ins that answer with a line of the real length limits instead. */
int monitor_savevm(struct machine *m, const char *path, char *out, size_t len)
{
    (void)m;
    snprintf(out, len, "saved to %s (0.0 MiB, 0.00 s)", path);
    return 0;
}

int monitor_loadvm(struct machine *m, const char *path, char *out, size_t len)
{
    (void)m;
    snprintf(out, len, "%s: no such file", path);
    return -1;
}

/* The REPL's commands (repl_monitor, src/debug/repl.c) can write host files too (dump, trace): a
 * stand-in answering a line as long as the command, to exercise the O-packet output path. */
char *repl_monitor(struct machine *m, unsigned hart, const char *line)
{
    (void)m;
    size_t n = strlen(line) + 64;
    char *out = malloc(n);
    if (out) snprintf(out, n, "hart %u: unknown command \"%s\" (help lists them)\n", hart, line);
    return out;
}

/* Everything sent must be acks or well-formed packets. */
static void check_replies(void)
{
    size_t i = 0;
    while (i < io.out_len) {
        uint8_t c = io.out[i];
        if (c == '+' || c == '-') {
            i++;
            continue;
        }
        FUZZ_CHECK(c == '$');
        size_t j = i + 1;
        uint8_t sum = 0;
        while (j < io.out_len && io.out[j] != '#') {
            FUZZ_CHECK(io.out[j] != '$');
            sum = (uint8_t)(sum + io.out[j]);
            j++;
        }
        FUZZ_CHECK(j + 3 <= io.out_len);
        FUZZ_CHECK(j - i - 1 <= 2 * RSP_PACKET_MAX);
        int hi = rsp_hex_digit(io.out[j + 1]), lo = rsp_hex_digit(io.out[j + 2]);
        FUZZ_CHECK(hi >= 0 && lo >= 0 && (uint8_t)(hi << 4 | lo) == sum);
        i = j + 3;
    }
}

static char program_path[512];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!program_path[0]) {
        uint8_t elf[512];
        size_t n = fuzz_loop_elf(elf, sizeof(elf));
        fuzz_write_file(fuzz_path("loop.elf", program_path, sizeof(program_path)), elf, n);
    }
    struct vhart_config cfg = { .program = program_path, .mem_size = 1ull << 20, .harts = 2 };
    struct machine *m = NULL;
    char err[256];
    FUZZ_CHECK(machine_create(&cfg, &m, err, sizeof(err)) == VHART_OK);

    struct gdbstub *g = calloc(1, sizeof(*g));
    FUZZ_CHECK(g != NULL);
    g->m = m;
    g->port = 1234;
    g->listen_fd = FAKE_FD;
    g->fd = FAKE_FD;
    io.data = data;
    io.len = size;
    io.pos = 0;
    io.stalled = false;
    io.out_len = 0;

    int code = 0;
    enum gdbstub_end end = gdbstub_serve(g, &code);
    FUZZ_CHECK(end == GDBSTUB_DETACHED || end == GDBSTUB_KILLED || end == GDBSTUB_EXITED || end == GDBSTUB_QUIT);
    /* A session that was not ended by a packet (D, k, vKill) or the machine read all the input. */
    FUZZ_CHECK(end != GDBSTUB_DETACHED || io.pos == io.len || g->conn_lost == false);
    check_replies();
    free(g);
    machine_destroy(m);
    return 0;
}
