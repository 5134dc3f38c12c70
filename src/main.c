/* vhart command line: parse options, build the machine, run it, report, choose the exit status. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vhart/debug.h>
#include <vhart/machine.h>

#include "cpu/isa.h"
#include "debug/disasm.h"
#include "debug/gdbstub.h"
#include "debug/repl.h"
#include "host/console.h"
#include "host/png_write.h"
#ifdef VHART_HAVE_SDL
#include "host/display_sdl.h"
#endif
#include "machine/elf.h"

/* Exit statuses of vhart itself (a guest's own status is passed through otherwise). */
#define EXIT_USAGE 2
#define EXIT_MAX_INSNS 3

static const char usage[] =
    "usage: vhart [options] --kernel IMAGE [--initrd FILE] [--append ARGS]\n"
    "       vhart [options] PROGRAM.elf\n"
    "       vhart --disasm PROGRAM.elf\n"
    "\n"
    "Boots a virt-compatible RISC-V board: firmware (Debian's OpenSBI by default) at 0x80000000,\n"
    "the kernel at 0x80200000, the serial console on this terminal (Ctrl-A h for keys).\n"
    "A bare PROGRAM.elf runs in M-mode from its entry point with no firmware (a0 = hartid,\n"
    "a1 = device tree), like --bios none --kernel PROGRAM.elf.\n"
    "\n"
    "options:\n"
    "  --bios FILE|none  firmware (default: OpenSBI fw_dynamic.bin from Debian's opensbi)\n"
    "  --kernel FILE     kernel: ELF, or a raw image such as Linux's Image or u-boot.bin\n"
    "  --initrd FILE     initial ramdisk, placed high in RAM and named in the device tree\n"
    "  --append ARGS     kernel command line (/chosen/bootargs)\n"
    "  --dumpdtb FILE    write the generated device tree to FILE and exit\n"
    "  --drive FILE[,ro][,cache=writeback|writethrough]\n"
    "                    a virtio-blk disk backed by FILE (size a multiple of 512; repeatable)\n"
    "  --snapshot        disk images are only read: the guest's writes go to temporary overlays\n"
    "  --net none|user[,hostfwd=tcp:127.0.0.1:HOSTPORT-:GUESTPORT]\n"
    "                    virtio-net with user-mode networking (libslirp); default none\n"
    "  --display sdl|none  a window showing the framebuffer, with keyboard and mouse (default: sdl\n"
    "                    when $DISPLAY or $WAYLAND_DISPLAY is set, else none; $VHART_DISPLAY overrides)\n"
    "  --display-size WxH  the simple-framebuffer's size (default 1024x768)\n"
    "  --screenshot FILE.png  write the framebuffer as PNG when the run ends\n"
    "  --trace FILE      write every retired instruction to FILE (Spike --log-commits format)\n"
    "  --trace-disasm    add the disassembly to each trace line\n"
    "  --symbols FILE    more symbols for the debugger (e.g. a vmlinux)\n"
    "  --debug           stop in the debugger before the first instruction (Ctrl-A c: any time)\n"
    "  --gdb PORT        accept gdb (target remote :PORT) on 127.0.0.1:PORT\n"
    "  --gdb-wait        with --gdb: wait for gdb before the first instruction\n"
    "  --mem SIZE        guest RAM at 0x80000000 (default 128M; suffixes K, M, G)\n"
    "  --smp N           number of harts, 1 to 8 (default 1)\n"
    "  --isa STRING      extensions to enable, e.g. rv64imac (default: all implemented)\n"
    "  --max-insns N     stop after N instructions (exit status 3)\n"
    "  --stats           print instructions, time, MIPS and TLB refills at exit\n"
    "  --disasm FILE     print the disassembly of FILE's code, like objdump -d, and exit\n"
    "  -h, --help        show this help\n"
    "  --version         show the version and the ISA string of the enabled extensions\n";

static void die_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "vhart: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (try --help)\n");
    exit(EXIT_USAGE);
}

/* The library's number parser (fuzzed with the other option parsers in tests/fuzz). */
static int parse_u64(const char *s, int base, uint64_t *out) { return vhart_parse_u64(s, base, out); }

static int run_disasm(const char *path, uint32_t ext)
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
            fprintf(stderr, "vhart: quit from the console (Ctrl-A x)\n");
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

int main(int argc, char **argv)
{
    enum { OPT_MEM = 256, OPT_SMP, OPT_ISA, OPT_MAX_INSNS, OPT_STATS, OPT_DISASM, OPT_VERSION, OPT_BIOS,
           OPT_KERNEL, OPT_INITRD, OPT_APPEND, OPT_DUMPDTB, OPT_DRIVE, OPT_NET, OPT_TRACE, OPT_TRACE_DISASM,
           OPT_SYMBOLS, OPT_DEBUG, OPT_GDB, OPT_GDB_WAIT, OPT_DISPLAY, OPT_DISPLAY_SIZE, OPT_SCREENSHOT,
           OPT_SNAPSHOT };
    static const struct option options[] = {
        { "bios", required_argument, NULL, OPT_BIOS },
        { "kernel", required_argument, NULL, OPT_KERNEL },
        { "initrd", required_argument, NULL, OPT_INITRD },
        { "append", required_argument, NULL, OPT_APPEND },
        { "dumpdtb", required_argument, NULL, OPT_DUMPDTB },
        { "drive", required_argument, NULL, OPT_DRIVE },
        { "snapshot", no_argument, NULL, OPT_SNAPSHOT },
        { "net", required_argument, NULL, OPT_NET },
        { "display", required_argument, NULL, OPT_DISPLAY },
        { "display-size", required_argument, NULL, OPT_DISPLAY_SIZE },
        { "screenshot", required_argument, NULL, OPT_SCREENSHOT },
        { "trace", required_argument, NULL, OPT_TRACE },
        { "trace-disasm", no_argument, NULL, OPT_TRACE_DISASM },
        { "symbols", required_argument, NULL, OPT_SYMBOLS },
        { "debug", no_argument, NULL, OPT_DEBUG },
        { "gdb", required_argument, NULL, OPT_GDB },
        { "gdb-wait", no_argument, NULL, OPT_GDB_WAIT },
        { "mem", required_argument, NULL, OPT_MEM },
        { "smp", required_argument, NULL, OPT_SMP },
        { "isa", required_argument, NULL, OPT_ISA },
        { "max-insns", required_argument, NULL, OPT_MAX_INSNS },
        { "stats", no_argument, NULL, OPT_STATS },
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
    char err[512];
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
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
        case OPT_ISA:
            if (vhart_parse_isa(optarg, &cfg.ext, err, sizeof(err))) die_usage("%s", err);
            break;
        case OPT_MAX_INSNS:
            if (parse_u64(optarg, 0, &cfg.max_insns) || cfg.max_insns == 0)
                die_usage("--max-insns %s: expected a positive number", optarg);
            break;
        case OPT_STATS: stats = true; break;
        case OPT_BIOS: cfg.bios = optarg; break;
        case OPT_KERNEL: cfg.kernel = optarg; break;
        case OPT_INITRD: cfg.initrd = optarg; break;
        case OPT_APPEND: cfg.append = optarg; break;
        case OPT_DUMPDTB: dumpdtb = optarg; break;
        case OPT_DRIVE:
            if (cfg.ndrives == VHART_MAX_DRIVES) die_usage("--drive %s: at most 6 drives", optarg);
            cfg.drives[cfg.ndrives++] = optarg;
            break;
        case OPT_SNAPSHOT: cfg.snapshot_disks = true; break;
        case OPT_NET: cfg.net = optarg; break;
        case OPT_DISPLAY:
            if (strcmp(optarg, "sdl") != 0 && strcmp(optarg, "none") != 0)
                die_usage("--display %s: expected sdl or none", optarg);
            display = optarg;
            break;
        case OPT_DISPLAY_SIZE:
            if (parse_display_size(optarg, &fb_width, &fb_height))
                die_usage("--display-size %s: expected WIDTHxHEIGHT, e.g. 1024x768", optarg);
            break;
        case OPT_SCREENSHOT: screenshot = optarg; break;
        case OPT_TRACE: trace = optarg; break;
        case OPT_TRACE_DISASM: trace_disasm = true; break;
        case OPT_DEBUG: debug = true; break;
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
            printf("vhart %s\nisa %s\n", VHART_VERSION, isa);
            return 0;
        }
        case ':': die_usage("option %s needs an argument", argv[optind - 1]); break;
        default: die_usage("unknown option %s", argv[optind - 1]); break;
        }
    }
    if (disasm) {
        if (optind != argc) die_usage("unexpected argument %s", argv[optind]);
        return run_disasm(disasm, cfg.ext ? cfg.ext : isa_supported());
    }
    if (optind + 1 < argc) die_usage("unexpected argument %s", argv[optind + 1]);
    if (optind < argc) {
        if (cfg.kernel) die_usage("give either a program or --kernel, not both (%s)", argv[optind]);
        cfg.program = argv[optind];
    } else if (!cfg.kernel && !(cfg.bios && strcmp(cfg.bios, "none") != 0)) {
        die_usage("%s", "no program given (a bare-metal ELF, or --kernel)");
    }
    if (cfg.program && (cfg.initrd || cfg.append || cfg.bios))
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
    bool want_window = strcmp(display, "sdl") == 0 && !dumpdtb;
#ifndef VHART_HAVE_SDL
    (void)explicit_display;
    if (want_window) die_usage("%s", "--display sdl: this vhart was built without SDL2 (install libsdl2-dev and rebuild)");
#endif
    /* A framebuffer when something shows or saves it, or its size was asked for. */
    if (strcmp(display, "sdl") == 0 || screenshot || fb_width) {
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
        fprintf(stderr, "vhart: %s\n", err);
#ifdef VHART_HAVE_SDL
        display_sdl_close(window);
#endif
        return EXIT_USAGE;
    }
#ifdef VHART_HAVE_SDL
    if (window) display_sdl_attach(window, m);
#endif
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
    console_open();
    repl_init(m);
    struct vhart_result res;
    int status = run_machine(m, gdb, debug, gdb_wait, &res);
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
    console_close();
    if (disks < 0) {
        fprintf(stderr, "vhart: %s\n", err);
        return 1;
    }
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
        fprintf(stderr, "vhart: stopped after %" PRIu64 " instructions (--max-insns)\n", res.instret);
        return EXIT_MAX_INSNS;
    }
    if (res.exit_code != 0) {
        fprintf(stderr, "vhart: program exited with status %d\n", res.exit_code);
        return (res.exit_code & 0xff) ? res.exit_code & 0xff : 1;
    }
    return screenshot_failed ? EXIT_USAGE : 0;
}
