/* vhart command line: parse options, build the machine, run it, report, choose the exit status. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vhart/debug.h>
#include <vhart/log.h>
#include <vhart/machine.h>
#include <vhart/snapshot.h>
#include <vhart/replay.h>

#include "cpu/isa.h"
#include "debug/disasm.h"
#include "debug/gdbstub.h"
#include "debug/repl.h"
#include "host/chardev.h"
#include "host/console.h"
#include "host/png_write.h"
#ifdef VHART_HAVE_SDL
#include "host/display_sdl.h"
#endif
#include "machine/elf.h"
#include "vhart_commit.h" /* generated at build time: VHART_COMMIT */

/* Exit statuses of vhart itself (a guest's own status is passed through otherwise). */
#define EXIT_USAGE 2
#define EXIT_MAX_INSNS 3
#define EXIT_TRAP_STORM 4
#define EXIT_REPLAY_DIVERGED 5

static const char usage[] =
    "Usage: vhart [options] --kernel IMAGE [--initrd FILE] [--append ARGS]\n"
    "  or:  vhart [options] PROGRAM.elf\n"
    "  or:  vhart [options] --loadvm SNAPSHOT\n"
    "  or:  vhart --disasm PROGRAM.elf\n"
    "\n"
    "Boots a virt-compatible RISC-V board: firmware (Debian's OpenSBI by default) at 0x80000000,\n"
    "the kernel at 0x80200000, the serial console on this terminal (Ctrl-A h for keys) or --serial.\n"
    "A bare PROGRAM.elf runs in M-mode from its entry point with no firmware (a0 = hartid,\n"
    "a1 = device tree), like --bios none --kernel PROGRAM.elf.\n"
    "\n"
    "Options:\n"
    "  --bios FILE|none  firmware (default: OpenSBI fw_dynamic.bin from Debian's opensbi)\n"
    "  --kernel FILE     kernel: ELF, or a raw image such as Linux's Image or u-boot.bin\n"
    "  --initrd FILE     initial ramdisk, placed high in RAM and named in the device tree\n"
    "  --append ARGS     kernel command line (/chosen/bootargs)\n"
    "  --dumpdtb FILE    write the generated device tree to FILE and exit\n"
    "  --drive FILE[,ro][,cache=writeback|writethrough]\n"
    "                    a virtio-blk disk backed by FILE (size a multiple of 512; repeatable)\n"
    "  --share DIR[,tag=NAME][,ro]\n"
    "                    share host directory DIR with the guest over virtio-9p (default tag host;\n"
    "                    repeatable): mount -t 9p -o trans=virtio,version=9p2000.L NAME /mnt\n"
    "  --snapshot        disk images are only read: the guest's writes go to temporary overlays\n"
    "  --loadvm FILE     resume the machine saved in FILE (REPL savevm): it brings its own memory,\n"
    "                    harts, ISA, images, drives, network and display size; only frontend options\n"
    "                    (--debug, --gdb, --display, --trace, --stats, ...) go with it\n"
    "  --net none|user[,hostfwd=tcp:127.0.0.1:HOSTPORT-:GUESTPORT]\n"
    "                    virtio-net with user-mode networking (libslirp); default none\n"
    "  --display sdl|none  a window showing the framebuffer, with keyboard and mouse (default: sdl\n"
    "                    when $DISPLAY or $WAYLAND_DISPLAY is set, else none; $VHART_DISPLAY overrides)\n"
    "  --display-size WxH  the simple-framebuffer's size (default 1024x768)\n"
    "  --screenshot FILE.png  write the framebuffer as PNG when the run ends\n"
    "  --serial SPEC     where the serial line goes: stdio (default: this terminal), null,\n"
    "                    file:PATH, unix:PATH[,server[,nowait]], tcp:[HOST]:PORT[,server[,nowait]]\n"
    "                    or pty. A server listens\n"
    "                    on 127.0.0.1 unless HOST is given, and waits for its first client unless\n"
    "                    nowait; pty prints the terminal's name. Ctrl-A keys stay on this terminal\n"
    "  --log ITEMS       log int, exc, mmu, guest-errors (comma-separated; all; help lists them)\n"
    "  --log-file FILE   where --log writes (default: standard error)\n"
    "  --trace FILE      write every retired instruction to FILE (Spike --log-commits format)\n"
    "  --trace-disasm    add the disassembly to each trace line\n"
    "  --symbols FILE    more symbols for the debugger (e.g. a vmlinux)\n"
    "  --debug           stop in the debugger before the first instruction (Ctrl-A c: any time)\n"
    "  --debug-cmd FILE  with --debug: run the debugger commands in FILE first (Spike's name)\n"
    "  --gdb PORT        accept gdb (target remote :PORT) on 127.0.0.1:PORT\n"
    "  --gdb-wait        with --gdb: wait for gdb before the first instruction\n"
    "  --mem SIZE        guest RAM at 0x80000000 (default 128M; suffixes K, M, G)\n"
    "  --smp N           number of harts, 1 to 8 (default 1)\n"
    "  --threads multi|single  with several harts: a host thread each (multi, the default), or all\n"
    "                    interleaved on one thread (single); --icount, --record, --replay, --history\n"
    "                    and --trace always use one thread\n"
    "  --isa STRING      extensions to enable, e.g. rv64imac (default: all implemented)\n"
    "  --max-insns N     stop after N instructions (exit status 3)\n"
    "  --icount[=SHIFT]  deterministic time: mtime ticks every 2^SHIFT instructions (default 5), wfi\n"
    "                    skips to the next deadline, RTC from 2026-01-01, seeded entropy: runs repeat\n"
    "  --history SIZE    memory for reverse execution's checkpoints (default 256M; needs --icount)\n"
    "  --rtc-base DATE|now  the RTC's start (YYYY-MM-DD[THH:MM[:SS]], UTC)\n"
    "  --seed N          the entropy device's generator seed (default with --icount: 0)\n"
    "  --record FILE     log every input (typed bytes, network frames, window keys and mouse) with\n"
    "                    the instruction where it arrived, for --replay (implies --icount)\n"
    "  --replay FILE     re-run a --record log: same machine (from the log), its inputs, no typed\n"
    "                    input nor network; a divergence is reported (exit status 5)\n"
    "  --stats           print instructions, time, MIPS and TLB refills at exit\n"
    "  --disasm FILE     print the disassembly of FILE's code, like objdump -d, and exit\n"
    "  -h, --help        show this help\n"
    "  --version         show the version, the git commit it was built from and the ISA string\n"
    "QEMU's spellings -bios, -kernel, -initrd, -append, -smp and -snapshot are taken too.\n";

static void die_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "vhart: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (try --help)\n");
    exit(EXIT_USAGE);
}

/* QEMU's one-dash spellings. Those of options vhart shares with QEMU, with the same syntax, are
 * taken as vhart's (-kernel is --kernel). QEMU options whose syntax or meaning differs from
 * vhart's are refused with vhart's spelling, never taken with a different meaning. */
static const char *const qemu_same[] = { "bios", "kernel", "initrd", "append", "smp", "snapshot", "serial" };
static const struct { const char *name, *hint; } qemu_differs[] = {
    { "m", "QEMU's -m counts MiB: use --mem SIZE, e.g. --mem 512M" },
    { "drive", "use --drive FILE[,ro] for a raw image; QEMU's file=...,format=... syntax is not vhart's" },
    { "nographic", "vhart's serial console is this terminal unless --serial says otherwise; --display none: no window" },
    { "d", "use --log ITEMS; --log help lists them" },
    { "D", "use --log-file FILE" },
    { "M", "vhart's board is always QEMU's virt: leave it out" },
    { "machine", "vhart's board is always QEMU's virt: leave it out" },
    { "cpu", "use --isa STRING, e.g. --isa rv64gc" },
    { "gdb", "use --gdb PORT, e.g. --gdb 1234" },
    { "s", "use --gdb 1234" },
    { "S", "use --gdb-wait with --gdb PORT" },
    { "netdev", "use --net user[,hostfwd=tcp:127.0.0.1:HOSTPORT-:GUESTPORT]" },
    { "nic", "use --net user[,hostfwd=tcp:127.0.0.1:HOSTPORT-:GUESTPORT]" },
    { "icount", "use --icount[=SHIFT]: mtime ticks every 2^SHIFT instructions" },
    { "dtb", "vhart builds the device tree from its options (--dumpdtb FILE writes it)" },
};

/* An option getopt does not know: one line naming it as the user typed it, with vhart's
 * spelling when the user wrote a QEMU option or a vhart option with one dash. */
static void die_unknown_option(const char *arg, const struct option *options)
{
    if (arg[0] == '-' && arg[1] != '-') {
        const char *name = arg + 1;
        size_t len = strcspn(name, "=");
        for (size_t i = 0; i < sizeof(qemu_differs) / sizeof(qemu_differs[0]); i++)
            if (strlen(qemu_differs[i].name) == len && strncmp(name, qemu_differs[i].name, len) == 0) {
                fprintf(stderr, "vhart: unknown option %.*s (%s)\n", (int)len + 1, arg, qemu_differs[i].hint);
                exit(EXIT_USAGE);
            }
        for (const struct option *o = options; o->name; o++)
            if (strlen(o->name) == len && strncmp(name, o->name, len) == 0) {
                fprintf(stderr, "vhart: unknown option %.*s (did you mean --%s?)\n", (int)len + 1, arg, o->name);
                exit(EXIT_USAGE);
            }
    }
    die_usage("unknown option %s", arg);
}

/* The long option `name` (up to '=' or its end) stands for: exact, or a unique prefix as getopt_long
 * takes it. NULL when unknown or ambiguous (getopt_long reports it). */
static const struct option *find_long_option(const char *name, const struct option *options)
{
    size_t len = strcspn(name, "=");
    const struct option *found = NULL;
    for (const struct option *o = options; o->name; o++) {
        if (strncmp(o->name, name, len) != 0) continue;
        if (strlen(o->name) == len) return o;
        if (found) return NULL;
        found = o;
    }
    return found;
}

/* Before getopt_long: rewrite QEMU's one-dash forms of the shared options (-kernel FILE) into
 * vhart's, and refuse every other one-dash word (-mem, -drive), which getopt would otherwise take
 * for a cluster of one-letter options. Option arguments (--append "-x") are skipped, not read as
 * options; "--" ends the options. Fills args (argc + 1 entries; rewritten ones are allocated). */
static void rewrite_one_dash_options(int argc, char **argv, char **args, const struct option *options)
{
    bool options_done = false;
    args[0] = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        args[i] = argv[i];
        if (options_done || a[0] != '-' || a[1] == 0) continue;
        if (a[1] == '-') {
            if (a[2] == 0) {
                options_done = true;
                continue;
            }
            const struct option *o = find_long_option(a + 2, options);
            if (o && o->has_arg == required_argument && !strchr(a, '=') && i + 1 < argc) args[i + 1] = argv[i + 1], i++;
            continue;
        }
        if (a[2] == 0) continue;   /* -h, or a one-letter option getopt reports */
        size_t len = strcspn(a + 1, "=");
        bool same = false;
        for (size_t k = 0; k < sizeof(qemu_same) / sizeof(qemu_same[0]); k++)
            if (strlen(qemu_same[k]) == len && strncmp(a + 1, qemu_same[k], len) == 0) same = true;
        if (!same) die_unknown_option(a, options);
        args[i] = malloc(strlen(a) + 2);
        if (!args[i]) {
            fprintf(stderr, "vhart: out of memory\n");
            exit(EXIT_USAGE);
        }
        args[i][0] = '-';
        strcpy(args[i] + 1, a);
        const struct option *o = find_long_option(a + 1, options);
        if (o && o->has_arg == required_argument && !strchr(a, '=') && i + 1 < argc) args[i + 1] = argv[i + 1], i++;
    }
    args[argc] = NULL;
}

/* The library's number parser (fuzzed with the other option parsers in tests/fuzz). */
static int parse_u64(const char *s, int base, uint64_t *out) { return vhart_parse_u64(s, base, out); }

/* One line for a hart stuck in an exception loop (VHART_EXIT_TRAP_STORM). */
static void print_trap_storm(const struct vhart_result *res)
{
    fprintf(stderr, "vhart: hart %u is stuck in a trap loop: %s at pc 0x%" PRIx64 " (tval 0x%" PRIx64 "), trap vector 0x%" PRIx64 "\n",
            res->trap_storm.hart, vhart_cause_name(res->trap_storm.cause), res->trap_storm.pc, res->trap_storm.tval,
            res->trap_storm.vector);
}

static int run_disasm(const char *path, uint64_t ext)
{
    struct elf_image img;
    char err[512];
    if (elf_open(path, &img, err, sizeof(err))) {
        fprintf(stderr, "vhart: %s\n", err);
        return EXIT_USAGE;
    }
    disasm_elf(&img, path, ext, stdout);
    elf_close(&img);
    return 0;
}

#ifdef VHART_HAVE_SDL
static struct display_sdl *window;
static void pump_window(void) { display_sdl_pump(window); }
#endif

/* The user closed the window: the run ends as if they quit. */
static bool window_closed(void)
{
#ifdef VHART_HAVE_SDL
    return window && display_sdl_closed(window);
#else
    return false;
#endif
}

/* Stop in the REPL with the terminal in cooked mode; returns its choice. */
static enum repl_action enter_repl(struct machine *m, const struct vdbg_stop *why)
{
#ifdef VHART_HAVE_SDL
    if (window) {
        display_sdl_set_paused(window, true);
        repl_set_idle_hook(pump_window);
    }
#endif
    console_pause();
    enum repl_action a = repl_enter(m, why);
    console_resume();
#ifdef VHART_HAVE_SDL
    if (window) {
        repl_set_idle_hook(NULL);
        display_sdl_set_paused(window, false);
    }
#endif
    return a;
}

/* Refuse at start a --screenshot that could not be written when the run ends (its folder is
 * missing or not writable, or it names a folder): "No such file or directory", as the write would. */
static void check_screenshot_path(const char *path)
{
    struct stat st;
    size_t n = strlen(path);
    char *dir = malloc(n + 2);
    if (!dir) return;
    memcpy(dir, path, n + 1);
    char *slash = strrchr(dir, '/');
    if (!slash) strcpy(dir, ".");
    else if (slash == dir) dir[1] = 0;
    else *slash = 0;
    int e = 0;
    if (n == 0) e = ENOENT;
    else if (stat(dir, &st) != 0) e = errno;
    else if (!S_ISDIR(st.st_mode)) e = ENOTDIR;
    else if (access(dir, W_OK | X_OK) != 0) e = errno;
    else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) e = EISDIR;
    free(dir);
    if (e) {
        fprintf(stderr, "vhart: --screenshot %s: %s\n", path, strerror(e));
        exit(EXIT_USAGE);
    }
}

/* Parse WxH. */
static int parse_display_size(const char *s, uint32_t *w, uint32_t *h)
{
    char *end;
    errno = 0;
    if (s[0] < '0' || s[0] > '9') return -1;
    unsigned long a = strtoul(s, &end, 10);
    if (errno || (*end != 'x' && *end != 'X') || end[1] < '0' || end[1] > '9') return -1;
    unsigned long b = strtoul(end + 1, &end, 10);
    if (errno || *end || a > 65535 || b > 65535) return -1;
    *w = (uint32_t)a;
    *h = (uint32_t)b;
    return 0;
}

/* --replay FILE: the machine the log was recorded on. Machine options given too must describe
 * that machine (deterministic time and the RTC and seed default to the log's). Returns 0, or -1
 * with one line in err. */
static int replay_config(struct vhart_config *cfg, void **owner, uint32_t *fb_width, uint32_t *fb_height, char *err,
                         size_t err_len)
{
    struct vhart_config logged = { 0 };
    const char *path = cfg->replay;
    char why[480];
    if (vhart_replay_config(path, &logged, owner, why, sizeof(why))) {
        snprintf(err, err_len, "%s", why);
        return -1;
    }
    *fb_width = logged.fb_width;
    *fb_height = logged.fb_height;
    const struct vhart_config defaults = { .mem_size = 128ull << 20, .harts = 1 };
    bool given = cfg->program || cfg->bios || cfg->kernel || cfg->initrd || cfg->append || cfg->ndrives || cfg->net ||
                 cfg->mem_size != defaults.mem_size || cfg->harts != defaults.harts || cfg->ext || cfg->snapshot_disks;
    if (!cfg->icount) {
        cfg->icount = logged.icount;
        cfg->icount_shift = logged.icount_shift;
    }
    if (!cfg->rtc_base) cfg->rtc_base = logged.rtc_base;
    if (!cfg->seed_set) {
        cfg->seed_set = logged.seed_set;
        cfg->seed = logged.seed;
    }
    if (!given) {
        cfg->program = logged.program;
        cfg->bios = logged.bios;
        cfg->kernel = logged.kernel;
        cfg->initrd = logged.initrd;
        cfg->append = logged.append;
        cfg->ndrives = logged.ndrives;
        for (unsigned i = 0; i < logged.ndrives; i++) cfg->drives[i] = logged.drives[i];
        cfg->snapshot_disks = logged.snapshot_disks;
        cfg->net = logged.net;
        cfg->mem_size = logged.mem_size;
        cfg->harts = logged.harts;
        cfg->ext = logged.ext;
        return 0;
    }
    /* The display size is the frontend's choice: compared by the machine once it is set. */
    struct vhart_config mine = *cfg;
    mine.fb_width = logged.fb_width;
    mine.fb_height = logged.fb_height;
    const char *diff = vhart_config_mismatch(&logged, &mine);
    if (diff) {
        snprintf(err, err_len, "%s: recorded on another machine (%s); leave out the machine options to replay it as recorded",
                 path, diff);
        vhart_replay_config_free(*owner);
        *owner = NULL;
        return -1;
    }
    return 0;
}

/* The log's configuration strings live until exit, whichever way main ends. */
static void *replay_owner;
static void free_replay_owner(void) { vhart_replay_config_free(replay_owner); }
/* The configuration strings of --loadvm's snapshot: freed at exit whichever way main returns. */
static void *snapshot_owner;
static void free_snapshot_owner(void)
{
    vhart_snapshot_config_free(snapshot_owner);
    snapshot_owner = NULL;
}

/* Run the machine. Without debugging features it runs flat out (machine_run); a breakpoint,
 * Ctrl-A c, --debug or gdb switch to the debug loop (vdbg_continue, the REPL, the gdb stub).
 * Returns an exit status to use, or -1 to report `res` as a normal run. */
static int run_machine(struct machine *m, struct gdbstub *gdb, bool debug, bool gdb_wait, struct vhart_result *res)
{
    struct vdbg_stop stop = { .reason = VDBG_STOP_REQUESTED, .pc = 0 };
    int code = 0;
    if (gdb) vdbg_set_poll(m, gdbstub_poll_connection, gdb);
    if (gdb && gdb_wait) {
        fprintf(stderr, "vhart: waiting for gdb on 127.0.0.1:%u\n", gdbstub_port(gdb));
        goto serve_gdb;
    }
    if (debug) goto repl;
    machine_run(m, res);
    if (res->reason == VHART_EXIT_QUIT && window_closed()) {
        fprintf(stderr, "vhart: the window was closed\n");
        return 0;
    }
    if (res->reason == VHART_EXIT_QUIT && console_debug_requested()) goto repl;
    if (res->reason != VHART_EXIT_DEBUG) return -1;
    memset(&stop, 0, sizeof(stop));
    stop.reason = VDBG_STOP_REQUESTED;
    if (gdb && gdbstub_poll_connection(gdb)) goto serve_gdb;
    goto repl;

    for (;;) {
        /* gdbstub_serve removes its hook on return: listen for the next connection again. */
        if (gdb) vdbg_set_poll(m, gdbstub_poll_connection, gdb);
        vdbg_continue(m, &stop);
        switch (stop.reason) {
        case VDBG_STOP_EXITED:
            return stop.exit_code & 0xff ? stop.exit_code & 0xff : (stop.exit_code ? 1 : 0);
        case VDBG_STOP_QUIT:
            if (window_closed()) {
                fprintf(stderr, "vhart: the window was closed\n");
                return 0;
            }
            if (console_debug_requested()) {
                stop.reason = VDBG_STOP_REQUESTED;
                goto repl;
            }
            if (!console_pending_signal()) fprintf(stderr, "vhart: quit from the console (Ctrl-A x)\n");
            return 0;
        case VDBG_STOP_REQUESTED:
            if (gdb && gdbstub_poll_connection(gdb)) goto serve_gdb;
            goto repl;
        default:
            goto repl;
        }
    repl:
        if (enter_repl(m, &stop) == REPL_QUIT) return repl_exited(&code) ? (code & 0xff ? code & 0xff : !!code) : 0;
        continue;
    serve_gdb:
        switch (gdbstub_serve(gdb, &code)) {
        case GDBSTUB_DETACHED: continue;
        case GDBSTUB_EXITED: return code & 0xff ? code & 0xff : !!code;
        case GDBSTUB_KILLED: return 0;
        case GDBSTUB_QUIT: return 0;
        case GDBSTUB_ERROR:
            fprintf(stderr, "vhart: --gdb: %s\n", gdbstub_error(gdb));
            return 1;
        }
    }
}

/* Where a --serial server listens or which pty it is: on stderr, for the user (and the tests). */
static void announce_serial(const char *line) { fprintf(stderr, "vhart: %s\n", line); }

int main(int argc, char **argv)
{
    enum { OPT_MEM = 256, OPT_SMP, OPT_THREADS, OPT_ISA, OPT_MAX_INSNS, OPT_STATS, OPT_DISASM, OPT_VERSION, OPT_BIOS,
           OPT_KERNEL, OPT_INITRD, OPT_APPEND, OPT_DUMPDTB, OPT_DRIVE, OPT_NET, OPT_TRACE, OPT_TRACE_DISASM,
           OPT_SYMBOLS, OPT_DEBUG, OPT_GDB, OPT_GDB_WAIT, OPT_DISPLAY, OPT_DISPLAY_SIZE, OPT_SCREENSHOT,
           OPT_ICOUNT, OPT_RTC_BASE, OPT_SEED, OPT_SNAPSHOT, OPT_LOADVM, OPT_HISTORY,
           OPT_RECORD, OPT_REPLAY, OPT_DEBUG_CMD, OPT_SERIAL, OPT_LOG, OPT_LOG_FILE, OPT_SHARE };
    uint64_t history_size = 0;
    static const struct option options[] = {
        { "bios", required_argument, NULL, OPT_BIOS },
        { "kernel", required_argument, NULL, OPT_KERNEL },
        { "initrd", required_argument, NULL, OPT_INITRD },
        { "append", required_argument, NULL, OPT_APPEND },
        { "dumpdtb", required_argument, NULL, OPT_DUMPDTB },
        { "drive", required_argument, NULL, OPT_DRIVE },
        { "share", required_argument, NULL, OPT_SHARE },
        { "snapshot", no_argument, NULL, OPT_SNAPSHOT },
        { "loadvm", required_argument, NULL, OPT_LOADVM },
        { "net", required_argument, NULL, OPT_NET },
        { "display", required_argument, NULL, OPT_DISPLAY },
        { "display-size", required_argument, NULL, OPT_DISPLAY_SIZE },
        { "screenshot", required_argument, NULL, OPT_SCREENSHOT },
        { "trace", required_argument, NULL, OPT_TRACE },
        { "trace-disasm", no_argument, NULL, OPT_TRACE_DISASM },
        { "symbols", required_argument, NULL, OPT_SYMBOLS },
        { "debug", no_argument, NULL, OPT_DEBUG },
        { "debug-cmd", required_argument, NULL, OPT_DEBUG_CMD },
        { "gdb", required_argument, NULL, OPT_GDB },
        { "gdb-wait", no_argument, NULL, OPT_GDB_WAIT },
        { "mem", required_argument, NULL, OPT_MEM },
        { "smp", required_argument, NULL, OPT_SMP },
        { "threads", required_argument, NULL, OPT_THREADS },
        { "isa", required_argument, NULL, OPT_ISA },
        { "max-insns", required_argument, NULL, OPT_MAX_INSNS },
        { "icount", optional_argument, NULL, OPT_ICOUNT },
        { "history", required_argument, NULL, OPT_HISTORY },
        { "rtc-base", required_argument, NULL, OPT_RTC_BASE },
        { "seed", required_argument, NULL, OPT_SEED },
        { "record", required_argument, NULL, OPT_RECORD },
        { "replay", required_argument, NULL, OPT_REPLAY },
        { "stats", no_argument, NULL, OPT_STATS },
        { "serial", required_argument, NULL, OPT_SERIAL },
        { "log", required_argument, NULL, OPT_LOG },
        { "log-file", required_argument, NULL, OPT_LOG_FILE },
        { "disasm", required_argument, NULL, OPT_DISASM },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, OPT_VERSION },
        { NULL, 0, NULL, 0 },
    };
    struct vhart_config cfg = { .mem_size = 128ull << 20, .harts = 1 };
    const char *disasm = NULL, *dumpdtb = NULL, *trace = NULL, *display = NULL, *screenshot = NULL;
    uint32_t fb_width = 0, fb_height = 0;
    const char *symbols[8];
    unsigned nsymbols = 0;
    bool trace_disasm = false, debug = false, gdb_wait = false;
    unsigned gdb_port = 0;
    bool stats = false;
    const char *loadvm = NULL;
    struct chardev_spec serial_spec = { .kind = CHARDEV_STDIO };
    const char *serial_arg = NULL, *log_file = NULL;
    unsigned log_mask = 0;
    const char *shaping = NULL;   /* the first option given that shapes the machine (refused with --loadvm) */
    char err[512];
    opterr = 0;
    int c;
    /* Static: option values (-kernel=FILE) point into it until exit. */
    static char **args;
    args = malloc(((size_t)argc + 1) * sizeof(*args));
    if (!args) {
        fprintf(stderr, "vhart: out of memory\n");
        return EXIT_USAGE;
    }
    rewrite_one_dash_options(argc, argv, args, options);
    char **orig_argv = argv;
    argv = args;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_MEM: case OPT_SMP: case OPT_ISA: case OPT_ICOUNT: case OPT_RTC_BASE: case OPT_SEED:
        case OPT_BIOS: case OPT_KERNEL: case OPT_INITRD: case OPT_APPEND: case OPT_DRIVE: case OPT_SNAPSHOT:
        case OPT_NET: case OPT_DISPLAY_SIZE: case OPT_SHARE:
            if (!shaping) {
                /* Named as typed, without its value (-kernel was rewritten to --kernel). */
                const char *opt = argv[optind - 1];
                if (optarg && opt == optarg) opt = argv[optind - 2];
                for (int k = 1; k < argc; k++)
                    if (opt[0] == '-' && opt[1] == '-' && strcmp(opt + 1, orig_argv[k]) == 0) opt = orig_argv[k];
                shaping = opt;
            }
            break;
        default: break;
        }
        switch (c) {
        case OPT_MEM:
            if (vhart_parse_size(optarg, &cfg.mem_size)) die_usage("--mem %s: not a size (examples: 128M, 1G)", optarg);
            if (cfg.mem_size == 0 || cfg.mem_size % 4096)
                die_usage("--mem %s: RAM size must be a non-zero multiple of 4 KiB", optarg);
            if (cfg.mem_size > VHART_MAX_MEM) die_usage("--mem %s: more than the 64 GiB vhart supports", optarg);
            break;
        case OPT_SMP: {
            uint64_t n;
            if (parse_u64(optarg, 10, &n) || n < 1 || n > VHART_MAX_HARTS)
                die_usage("--smp %s: the number of harts must be 1 to 8", optarg);
            cfg.harts = (unsigned)n;
            break;
        }
        case OPT_THREADS:
            if (strcmp(optarg, "multi") == 0) cfg.single_thread = false;
            else if (strcmp(optarg, "single") == 0) cfg.single_thread = true;
            else die_usage("--threads %s: expected multi (a host thread per hart) or single", optarg);
            break;
        case OPT_ISA:
            if (vhart_parse_isa(optarg, &cfg.ext, err, sizeof(err))) die_usage("%s", err);
            break;
        case OPT_MAX_INSNS:
            if (parse_u64(optarg, 0, &cfg.max_insns) || cfg.max_insns == 0)
                die_usage("--max-insns %s: expected a positive number", optarg);
            break;
        case OPT_ICOUNT: {
            uint64_t shift = VHART_ICOUNT_SHIFT_DEFAULT;
            if (optarg && (parse_u64(optarg, 10, &shift) || shift > VHART_ICOUNT_SHIFT_MAX))
                die_usage("--icount=%s: expected a shift of 0 to 20 (mtime ticks every 2^SHIFT instructions)", optarg);
            cfg.icount = true;
            cfg.icount_shift = (unsigned)shift;
            break;
        }
        case OPT_HISTORY:
            if (vhart_parse_size(optarg, &history_size) || history_size < (1u << 20))
                die_usage("--history %s: expected a size of at least 1M (examples: 256M, 2G)", optarg);
            break;
        case OPT_RTC_BASE: {
            int64_t secs;
            bool now;
            if (vhart_parse_rtc_base(optarg, &secs, &now))
                die_usage("--rtc-base %s: expected now, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (UTC)", optarg);
            cfg.rtc_base = optarg;
            break;
        }
        case OPT_SEED:
            if (parse_u64(optarg, 0, &cfg.seed)) die_usage("--seed %s: expected a number", optarg);
            cfg.seed_set = true;
            break;
        case OPT_RECORD: cfg.record = optarg; break;
        case OPT_REPLAY: cfg.replay = optarg; break;
        case OPT_STATS: stats = true; break;
        case OPT_SERIAL: {
            char why[400];
            if (chardev_parse(optarg, &serial_spec, why, sizeof(why))) {
                fprintf(stderr, "vhart: --serial %s: %s\n", optarg, why);
                return EXIT_USAGE;
            }
            serial_arg = optarg;
            break;
        }
        case OPT_LOG: {
            char why[200];
            int r = vhart_log_parse(optarg, &log_mask, why, sizeof(why));
            if (r == 1) {
                fputs(vhart_log_help, stdout);
                return 0;
            }
            if (r) {
                fprintf(stderr, "vhart: --log %s: %s\n", optarg, why);
                return EXIT_USAGE;
            }
            break;
        }
        case OPT_LOG_FILE: log_file = optarg; break;
        case OPT_BIOS: cfg.bios = optarg; break;
        case OPT_KERNEL: cfg.kernel = optarg; break;
        case OPT_INITRD: cfg.initrd = optarg; break;
        case OPT_APPEND: cfg.append = optarg; break;
        case OPT_DUMPDTB: dumpdtb = optarg; break;
        case OPT_DRIVE:
            if (cfg.ndrives == VHART_MAX_DRIVES) die_usage("--drive %s: at most 6 drives", optarg);
            cfg.drives[cfg.ndrives++] = optarg;
            break;
        case OPT_SHARE:
            if (cfg.nshares == VHART_MAX_SHARES) die_usage("--share %s: at most 4 shares", optarg);
            cfg.shares[cfg.nshares++] = optarg;
            break;
        case OPT_SNAPSHOT: cfg.snapshot_disks = true; break;
        case OPT_LOADVM: loadvm = optarg; break;
        case OPT_NET: cfg.net = optarg; break;
        case OPT_DISPLAY:
            if (strcmp(optarg, "sdl") != 0 && strcmp(optarg, "none") != 0)
                die_usage("--display %s: expected sdl or none", optarg);
            display = optarg;
            break;
        case OPT_DISPLAY_SIZE:
            if (parse_display_size(optarg, &fb_width, &fb_height))
                die_usage("--display-size %s: expected WIDTHxHEIGHT, e.g. 1024x768", optarg);
            if (fb_width == 0 || fb_height == 0) {
                /* 0 would read as "no size given" below; the library refuses the other sizes. */
                fprintf(stderr, "vhart: --display-size %s: width and height must be 16 to 8192\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_SCREENSHOT:
            screenshot = optarg;
            check_screenshot_path(optarg);
            break;
        case OPT_TRACE: trace = optarg; break;
        case OPT_TRACE_DISASM: trace_disasm = true; break;
        case OPT_DEBUG: debug = true; break;
        case OPT_DEBUG_CMD: {   /* implies --debug; docs/debugging.md */
            char why[4200];
            if (repl_set_script(optarg, why, sizeof(why))) {
                fprintf(stderr, "vhart: --debug-cmd %s\n", why);
                return EXIT_USAGE;
            }
            debug = true;
            break;
        }
        case OPT_GDB_WAIT: gdb_wait = true; break;
        case OPT_GDB: {
            uint64_t port;
            if (parse_u64(optarg, 10, &port) || port == 0 || port > 65535)
                die_usage("--gdb %s: expected a TCP port number (1-65535)", optarg);
            gdb_port = (unsigned)port;
            break;
        }
        case OPT_SYMBOLS:
            if (nsymbols == 8) die_usage("--symbols %s: at most 8 symbol files", optarg);
            symbols[nsymbols++] = optarg;
            break;
        case OPT_DISASM: disasm = optarg; break;
        case 'h': fputs(usage, stdout); return 0;
        case OPT_VERSION: {
            char isa[256];
            isa_format(cfg.ext ? cfg.ext : isa_supported(), isa, sizeof(isa));
            printf("vhart %s (commit %s)\nisa %s\n", VHART_VERSION, VHART_COMMIT, isa);
            return 0;
        }
        case ':': {
            /* Named as typed: -kernel was rewritten to --kernel (a new string). */
            const char *opt = argv[optind - 1];
            for (int k = 1; k < argc; k++)
                if (opt[0] == '-' && opt[1] == '-' && strcmp(opt + 1, orig_argv[k]) == 0) opt = orig_argv[k];
            die_usage("option %s needs an argument", opt);
            break;
        }
        default:
            /* A one-letter option names itself in optopt (-x; argv[optind - 1] may be another
             * word); a long one is the word getopt_long just passed (optopt is its value when it
             * was given an argument it does not take, 0 when unknown). */
            if (optopt >= OPT_MEM) die_usage("option %s takes no argument", argv[optind - 1]);
            if (optopt) {
                char opt[3] = { '-', (char)optopt, 0 };
                die_unknown_option(opt, options);
            }
            die_unknown_option(argv[optind - 1], options);
            break;
        }
    }
    if (disasm) {
        if (optind != argc) die_usage("unexpected argument %s", argv[optind]);
        return run_disasm(disasm, cfg.ext ? cfg.ext : isa_supported());
    }
    if (optind + 1 < argc) die_usage("unexpected argument %s", argv[optind + 1]);
    if (cfg.record && cfg.replay) die_usage("%s", "--record and --replay exclude each other");
    if (cfg.record && !cfg.icount) {   /* a recording needs deterministic time */
        cfg.icount = true;
        cfg.icount_shift = VHART_ICOUNT_SHIFT_DEFAULT;
    }
    if (cfg.replay) {
        if (optind < argc) cfg.program = argv[optind++];
        atexit(free_replay_owner);
        if (replay_config(&cfg, &replay_owner, &fb_width, &fb_height, err, sizeof(err))) {
            fprintf(stderr, "vhart: --replay %s\n", err);
            return EXIT_USAGE;
        }
        if (!fb_width) display = "none";   /* the recorded machine had no framebuffer */
    }
    if (cfg.nshares && (cfg.record || cfg.replay))   /* what the guest reads from a share is not logged */
        die_usage("--share %s: not with --record or --replay (shared files are not part of a recording)", cfg.shares[0]);
    if (loadvm && (cfg.record || cfg.replay))
        die_usage("--loadvm %s: not with --record or --replay (a recording starts from a boot)", loadvm);
    if (loadvm) {
        /* The machine is the snapshot's: options that would shape another one are refused. */
        if (shaping || optind < argc) {
            char opt[256];
            if (shaping) snprintf(opt, sizeof(opt), "%.*s", (int)strcspn(shaping, "="), shaping);
            else snprintf(opt, sizeof(opt), "a program (%s)", argv[optind]);
            fprintf(stderr, "vhart: --loadvm %s: %s would change the machine, which comes from the snapshot\n",
                    loadvm, opt);
            return EXIT_USAGE;
        }
        uint64_t max_insns = cfg.max_insns;
        memset(&cfg, 0, sizeof(cfg));
        atexit(free_snapshot_owner);
        if (vhart_snapshot_config(loadvm, &cfg, &snapshot_owner, err, sizeof(err))) {
            fprintf(stderr, "vhart: %s\n", err);
            return EXIT_USAGE;
        }
        cfg.max_insns = max_insns;
    } else if (optind < argc) {
        if (cfg.kernel) die_usage("give either a program or --kernel, not both (%s)", argv[optind]);
        cfg.program = argv[optind];
    } else if (!cfg.program && !cfg.kernel && !(cfg.bios && strcmp(cfg.bios, "none") != 0)) {
        die_usage("%s", "no program given (a bare-metal ELF, or --kernel)");
    }
    if (!loadvm && cfg.program && (cfg.initrd || cfg.append || cfg.bios))
        die_usage("%s", "--bios, --initrd and --append go with --kernel, not with a bare-metal program");

    /* The display: explicit option, else $VHART_DISPLAY, else a window when there is a display. */
    bool explicit_display = display != NULL;
    if (!display) {
        const char *env = getenv("VHART_DISPLAY");
        if (env && env[0]) {
            if (strcmp(env, "sdl") != 0 && strcmp(env, "none") != 0)
                die_usage("VHART_DISPLAY=%s: expected sdl or none", env);
            display = env;
            explicit_display = true;
        } else {
#ifdef VHART_HAVE_SDL
            const char *x = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
            display = (x && x[0]) || (wl && wl[0]) ? "sdl" : "none";
#else
            display = "none";
#endif
        }
    }
    if (loadvm && !cfg.fb_width && strcmp(display, "sdl") == 0) {
        /* A window needs the framebuffer the saved machine was built without. */
        if (explicit_display) {
            fprintf(stderr, "vhart: --display sdl: the machine in %s has no framebuffer\n", loadvm);
            return EXIT_USAGE;
        }
        display = "none";
    }
    if (loadvm && !cfg.fb_width && screenshot) {
        fprintf(stderr, "vhart: --screenshot %s: the machine in %s has no framebuffer\n", screenshot, loadvm);
        return EXIT_USAGE;
    }
    bool want_window = strcmp(display, "sdl") == 0 && !dumpdtb;
#ifndef VHART_HAVE_SDL
    (void)explicit_display;
    if (want_window) die_usage("%s", "--display sdl: this vhart was built without SDL2 (install libsdl2-dev and rebuild)");
#endif
    /* A framebuffer when something shows or saves it, or its size was asked for. */
    if (!loadvm && (strcmp(display, "sdl") == 0 || screenshot || fb_width)) {
        cfg.fb_width = fb_width ? fb_width : 1024;
        cfg.fb_height = fb_width ? fb_height : 768;
    }
#ifdef VHART_HAVE_SDL
    if (want_window) {
        window = display_sdl_open(cfg.fb_width, cfg.fb_height, err, sizeof(err));
        if (!window && explicit_display) {
            fprintf(stderr, "vhart: %s\n", err);
            return EXIT_USAGE;
        }
        if (!window) fprintf(stderr, "vhart: no window (%s); running with --display none\n", err);
        if (window) cfg.display = display_sdl_backend(window);
    }
#endif

    cfg.console = console_backend();
    struct machine *m;
    if (machine_create(&cfg, &m, err, sizeof(err)) != VHART_OK) {
        if (loadvm) fprintf(stderr, "vhart: --loadvm %s: cannot rebuild the saved machine: %s\n", loadvm, err);
        else fprintf(stderr, "vhart: %s\n", err);
        free_snapshot_owner();
#ifdef VHART_HAVE_SDL
        display_sdl_close(window);
#endif
        return EXIT_USAGE;
    }
    if (loadvm && machine_loadvm(m, loadvm, err, sizeof(err)) != VHART_OK) {
        fprintf(stderr, "vhart: %s\n", err);
        machine_destroy(m);
        free_snapshot_owner();
#ifdef VHART_HAVE_SDL
        display_sdl_close(window);
#endif
        return EXIT_USAGE;
    }
#ifdef VHART_HAVE_SDL
    if (window) display_sdl_attach(window, m);
#endif
    if (history_size) vdbg_history_configure(m, history_size, 0);
    if (dumpdtb) {
        size_t size;
        const void *fdt = machine_fdt(m, &size);
        FILE *f = fopen(dumpdtb, "wb");
        int ok = f && fwrite(fdt, 1, size, f) == size;
        if (f && fclose(f) != 0) ok = 0;
        machine_destroy(m);
        if (!ok) {
            fprintf(stderr, "vhart: --dumpdtb %s: %s\n", dumpdtb, strerror(errno));
            return EXIT_USAGE;
        }
        return 0;
    }
    for (unsigned i = 0; i < nsymbols; i++)
        if (vdbg_symbols_add_elf(m, symbols[i], err, sizeof(err))) {
            fprintf(stderr, "vhart: --symbols %s\n", err);
            machine_destroy(m);
            return EXIT_USAGE;
        }
    if (trace && vdbg_trace(m, trace, trace_disasm, err, sizeof(err))) {
        fprintf(stderr, "vhart: --%s\n", err);
        machine_destroy(m);
        return EXIT_USAGE;
    }
    if (gdb_wait && !gdb_port) die_usage("%s", "--gdb-wait needs --gdb PORT");
    struct gdbstub *gdb = NULL;
    if (gdb_port && !(gdb = gdbstub_open(m, gdb_port, err, sizeof(err)))) {
        fprintf(stderr, "vhart: %s\n", err);
        machine_destroy(m);
        return EXIT_USAGE;
    }
    if (log_file && !log_mask) {
        fprintf(stderr, "vhart: --log-file %s: give --log ITEMS too\n", log_file);
        if (gdb) gdbstub_close(gdb);
        machine_destroy(m);
        return EXIT_USAGE;
    }
    if (log_mask && vhart_log_open(m, log_mask, log_file, err, sizeof(err))) {
        fprintf(stderr, "vhart: --log-file: %s\n", err);
        if (gdb) gdbstub_close(gdb);
        machine_destroy(m);
        return EXIT_USAGE;
    }
    struct chardev *serial = NULL;
    if (serial_spec.kind != CHARDEV_STDIO &&
        !(serial = chardev_open(&serial_spec, announce_serial, err, sizeof(err)))) {
        fprintf(stderr, "vhart: --serial %s: %s\n", serial_arg, err);
        if (gdb) gdbstub_close(gdb);
        machine_destroy(m);
        return EXIT_USAGE;
    }
    console_open(serial);
    /* --debug with a script on stdin: the REPL reads it, the guest's console gets no input. */
    if (debug && !serial && !isatty(STDIN_FILENO)) console_no_input();
    repl_init(m);
    struct vhart_result res;
    int status = run_machine(m, gdb, debug, gdb_wait, &res);
    char replay_msg[512];
    enum vhart_replay_status replay = machine_replay_finish(m, replay_msg, sizeof(replay_msg));
    repl_shutdown();
    bool screenshot_failed = false;
    if (screenshot && screenshot_save(m, screenshot, err, sizeof(err))) {
        fprintf(stderr, "vhart: --screenshot %s\n", err);
        screenshot_failed = true;
    }
#ifdef VHART_HAVE_SDL
    display_sdl_close(window);
    window = NULL;
#endif
    if (gdb) gdbstub_close(gdb);
    int disks = machine_close_disks(m, err, sizeof(err));
    machine_destroy(m);
    free_snapshot_owner();
    console_close();
    chardev_close(serial);
    int sig = console_pending_signal();
    if (sig) {   /* SIGTERM/SIGINT/SIGHUP: the trace and disks are closed; now die of it */
        signal(sig, SIG_DFL);
        raise(sig);
    }
    if (disks < 0) {
        fprintf(stderr, "vhart: %s\n", err);
        return 1;
    }
    /* Record/replay: a divergence or a log that could not be written is the run's result; a replay
     * that reached the log's end stopped there on purpose. */
    if (replay == VHART_REPLAY_DIVERGED || replay == VHART_REPLAY_ERROR) {
        fprintf(stderr, "vhart: %s\n", replay_msg);
        return replay == VHART_REPLAY_DIVERGED ? EXIT_REPLAY_DIVERGED : 1;
    }
    if (replay == VHART_REPLAY_COMPLETE || replay == VHART_REPLAY_RUNNING) fprintf(stderr, "vhart: %s\n", replay_msg);
    if (replay == VHART_REPLAY_COMPLETE && status < 0 && res.reason == VHART_EXIT_QUIT) res.reason = VHART_EXIT_POWEROFF;
    if (status >= 0) return status == 0 && screenshot_failed ? EXIT_USAGE : status;
    if (res.reason == VHART_EXIT_QUIT) fprintf(stderr, "vhart: quit from the console (Ctrl-A x)\n");

    if (stats) {
        double mips = res.seconds > 0 ? (double)res.instret / res.seconds / 1e6 : 0;
        fprintf(stderr, "vhart: %" PRIu64 " instructions retired in %.3f s, %.1f MIPS\n", res.instret, res.seconds, mips);
        /* Data lookups are not counted: a counter on the load/store fast path costs more than
         * it tells. Fetch lookups happen once per page entered or far jump. */
        fprintf(stderr, "vhart: TLB refills: data %" PRIu64 ", fetch %" PRIu64 " (of %" PRIu64
                        " fetch lookups); %" PRIu64 " MMIO accesses\n",
                res.data_misses, res.fetch_misses, res.fetch_lookups, res.mmio_accesses);
        fprintf(stderr, "vhart: guest RAM touched: %" PRIu64 " KiB\n", res.ram_touched >> 10);
    }
    if (res.reason == VHART_EXIT_MAX_INSNS) {
        fprintf(stderr, "vhart: stopped after %" PRIu64 " instructions (--max-insns)\n", res.executed);
        return EXIT_MAX_INSNS;
    }
    if (res.reason == VHART_EXIT_TRAP_STORM) {
        print_trap_storm(&res);
        return EXIT_TRAP_STORM;
    }
    if (res.exit_code != 0) {
        fprintf(stderr, "vhart: program exited with status %d\n", res.exit_code);
        return (res.exit_code & 0xff) ? res.exit_code & 0xff : 1;
    }
    return screenshot_failed ? EXIT_USAGE : 0;
}
