/* Host console (POSIX termios): raw mode, Ctrl-A escapes (x quit, h help, a send Ctrl-A),
 * non-blocking reads of standard input and buffered writes flushed by the machine loop; or, with
 * --serial elsewhere (chardev.c), the guest's line there and only the Ctrl-A keys here. */
#include "console.h"
#include "chardev.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define CTRL_A 0x01

static struct termios saved_termios;
static bool raw_mode;           /* the terminal is ours and must be restored */
static bool is_tty;
static bool input_eof;
static bool escape_pending;     /* Ctrl-A seen, waiting for the command key */
static bool debug_requested;    /* Ctrl-A c */
static struct termios raw_termios;
static int saved_flags = -1;
static uint8_t out_buf[4096];
static size_t out_len;
static struct chardev *serial;  /* --serial other than stdio: the guest's line; NULL: this terminal */

static void restore_terminal(void)
{
    if (raw_mode) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
        raw_mode = false;
    }
    if (saved_flags >= 0) {
        fcntl(STDIN_FILENO, F_SETFL, saved_flags);
        saved_flags = -1;
    }
}

/* SIGTERM, SIGINT or SIGHUP taken while the guest runs: the run loop sees it through
 * console_read (a quit) and the frontend ends cleanly (trace and disks closed), then dies of the
 * signal. Elsewhere (the debugger's prompt), and for a second signal, the old way below. */
static volatile sig_atomic_t pending_signal;
static volatile sig_atomic_t defer_signals;

/* Fatal or terminating signals: put the terminal back, then let the signal do its work. */
static void on_signal(int sig)
{
    if (defer_signals && !pending_signal && (sig == SIGTERM || sig == SIGINT || sig == SIGHUP)) {
        pending_signal = sig;
        return;
    }
    restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

int console_pending_signal(void) { return pending_signal; }

static struct vhart_console backend;
static void serial_write(void *opaque, const uint8_t *data, size_t len);

void console_open(struct chardev *serial_line)
{
    static const int sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
    serial = serial_line;
    is_tty = isatty(STDIN_FILENO);
    if (serial) {
        /* The guest's line is elsewhere: this terminal keeps the Ctrl-A keys (and Ctrl-C stops
         * vhart, see on_signal); a non-terminal stdin is not read at all. */
        backend.poll_fd = chardev_poll_fd(serial);
        backend.write = serial_write;
        if (is_tty) chardev_watch_extra(serial, STDIN_FILENO);
        else input_eof = true;
    }
    if (is_tty && tcgetattr(STDIN_FILENO, &saved_termios) == 0) {
        struct termios t = saved_termios;
        /* Raw: no echo, no line editing, no signals from keys (Ctrl-C goes to the guest),
         * no CR/NL translation; output post-processing stays so "\n" still returns the carriage
         * for vhart's own messages. */
        t.c_iflag &= (tcflag_t)~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
        t.c_lflag &= (tcflag_t)~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
        if (serial) t.c_lflag |= ISIG;   /* Ctrl-C is not the guest's here */
        t.c_cflag &= (tcflag_t)~(CSIZE | PARENB);
        t.c_cflag |= CS8;
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        raw_termios = t;
        if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0) raw_mode = true;
    }
    if (!serial || is_tty) {
        saved_flags = fcntl(STDIN_FILENO, F_GETFL);
        if (saved_flags >= 0) fcntl(STDIN_FILENO, F_SETFL, saved_flags | O_NONBLOCK);
    }
    atexit(restore_terminal);
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    defer_signals = 1;
}

static void write_all(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
                continue;
            }
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

static void console_flush(void *opaque)
{
    (void)opaque;
    if (serial) {
        chardev_flush(serial);
        return;
    }
    if (out_len) write_all(STDOUT_FILENO, out_buf, out_len);
    out_len = 0;
}

/* The line elsewhere: set as backend.write by console_open, so that the terminal's own path
 * (a call per byte the UART sends) has no test for it. */
static void serial_write(void *opaque, const uint8_t *data, size_t len)
{
    (void)opaque;
    chardev_write(serial, data, len);
}

static void console_write(void *opaque, const uint8_t *data, size_t len)
{
    if (out_len + len > sizeof(out_buf)) console_flush(opaque);
    if (len > sizeof(out_buf)) {
        write_all(STDOUT_FILENO, data, len);
        return;
    }
    memcpy(out_buf + out_len, data, len);
    out_len += len;
}

void console_close(void)
{
    defer_signals = 0;
    console_flush(NULL);
    restore_terminal();
}

void console_pause(void)
{
    defer_signals = 0;   /* nothing runs that would look at a pending signal */
    console_flush(NULL);
    if (raw_mode) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
    if (saved_flags >= 0) fcntl(STDIN_FILENO, F_SETFL, saved_flags);
}

void console_resume(void)
{
    defer_signals = 1;
    if (saved_flags >= 0) fcntl(STDIN_FILENO, F_SETFL, saved_flags | O_NONBLOCK);
    if (raw_mode) tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw_termios);
}

bool console_debug_requested(void)
{
    bool r = debug_requested;
    debug_requested = false;
    return r;
}

static void print_help(void)
{
    static const char help[] =
        "\r\nvhart console keys:\r\n"
        "  Ctrl-A x   quit vhart\r\n"
        "  Ctrl-A c   enter the debugger (with --debug or --gdb)\r\n"
        "  Ctrl-A h   show this help\r\n";
    static const char send_a[] = "  Ctrl-A a   send Ctrl-A to the guest\r\n";
    console_flush(NULL);
    write_all(STDERR_FILENO, (const uint8_t *)help, sizeof(help) - 1);
    if (!serial) write_all(STDERR_FILENO, (const uint8_t *)send_a, sizeof(send_a) - 1);   /* else: type it on the line */
}

static size_t terminal_read(uint8_t *buf, size_t len, bool *quit, bool keys_only);

static size_t console_read(void *opaque, uint8_t *buf, size_t len, bool *quit)
{
    (void)opaque;
    *quit = pending_signal != 0;
    if (*quit || len == 0) return 0;
    if (serial) {
        /* This terminal's keys first (only the Ctrl-A commands count), then the line's input. */
        if (!input_eof) {
            uint8_t keys[64];
            size_t n = terminal_read(keys, sizeof(keys), quit, true);
            (void)n;
            if (*quit) return 0;
        }
        return chardev_read(serial, buf, len);
    }
    if (input_eof) return 0;
    return terminal_read(buf, len, quit, false);
}

/* Standard input: Ctrl-A commands taken out on a terminal, the other bytes in buf (dropped with
 * `keys_only`: the guest's line is elsewhere). */
static size_t terminal_read(uint8_t *buf, size_t len, bool *quit, bool keys_only)
{
    uint8_t in[256];
    if (len > sizeof(in)) len = sizeof(in);
    ssize_t n = read(STDIN_FILENO, in, len);
    if (n == 0) {
        input_eof = true;   /* a script's input ended: the guest runs on without more */
        if (!serial) backend.poll_fd = -1;   /* a file at EOF polls readable forever: the idle loop must not poll it */
        return 0;
    }
    if (n < 0) return 0;
    if (!is_tty) {
        memcpy(buf, in, (size_t)n);
        return (size_t)n;
    }
    size_t out = 0;
    for (ssize_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (escape_pending) {
            escape_pending = false;
            switch (c) {
            case 'x': case 'X': case 0x18:
                *quit = true;
                return out;
            case 'h': case 'H': case '?':
                print_help();
                break;
            case 'c': case 'C':
                debug_requested = true;
                *quit = true;   /* stop the run loop; the frontend looks at console_debug_requested() */
                return out;
            case 'a': case CTRL_A:
                if (!keys_only) buf[out++] = CTRL_A;
                break;
            default:
                break;
            }
            continue;
        }
        if (c == CTRL_A) {
            escape_pending = true;
            continue;
        }
        if (!keys_only) buf[out++] = c;
    }
    return out;
}

void console_no_input(void)
{
    input_eof = true;
    backend.poll_fd = -1;
}

static struct vhart_console backend = {
    .write = console_write,
    .read = console_read,
    .flush = console_flush,
    .poll_fd = STDIN_FILENO,
    .opaque = NULL,
};

const struct vhart_console *console_backend(void) { return &backend; }
