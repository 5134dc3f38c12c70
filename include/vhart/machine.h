/* vhart's public machine API: configure, build, run and tear down an emulated RISC-V machine.
 * The library never prints or exits; errors come back as a code and a one-line message. */
#ifndef VHART_MACHINE_H
#define VHART_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VHART_MAX_HARTS 8
#define VHART_MAX_DRIVES 6
#define VHART_MAX_SHARES 4
#define VHART_RAM_BASE 0x80000000ull
#define VHART_MAX_MEM (64ull << 30)   /* largest --mem */

/* Where the guest's serial console goes: supplied by the frontend (see src/host/console.c). */
struct vhart_display;

struct vhart_console {
    void (*write)(void *opaque, const uint8_t *data, size_t len);       /* guest output */
    /* Non-blocking: bytes typed for the guest; sets *quit when the user asked to quit. */
    size_t (*read)(void *opaque, uint8_t *buf, size_t len, bool *quit);
    void (*flush)(void *opaque);
    int poll_fd;              /* readable when input waits (-1: none); the idle machine polls it */
    void *opaque;
};

struct vhart_config {
    const char *program;      /* bare-metal ELF run in M-mode from its entry point (= --bios none
                               * --kernel program) */
    const char *bios;         /* firmware file; NULL for Debian's OpenSBI; "none" for no firmware */
    const char *kernel;       /* ELF or raw image */
    const char *initrd;
    const char *append;       /* kernel command line (/chosen/bootargs) */
    const char *drives[VHART_MAX_DRIVES];  /* --drive FILE[,ro][,cache=...] specs, virtio-blk */
    unsigned ndrives;
    const char *shares[VHART_MAX_SHARES];  /* --share DIR[,tag=NAME][,ro] specs, virtio-9p */
    unsigned nshares;
    bool snapshot_disks;      /* --snapshot: writes go to a temporary overlay, images are only read */
    const char *net;          /* --net none|user[,hostfwd=...]; NULL = none */
    uint64_t mem_size;        /* bytes of RAM at VHART_RAM_BASE */
    unsigned harts;           /* 1..VHART_MAX_HARTS */
    bool single_thread;       /* --threads single: harts interleaved on one host thread even with
                               * several (else, without icount/record/replay/trace, one thread each) */
    uint64_t ext;             /* enabled extensions (EXT_* of src/cpu/decode.h); 0 = default */
    uint64_t max_insns;       /* stop after this many instructions (all harts); 0 = no limit */
    const struct vhart_console *console;   /* NULL: console output is dropped, no input */
    uint32_t fb_width, fb_height;          /* simple-framebuffer size; 0: no framebuffer */
    const struct vhart_display *display;   /* NULL: nobody presents the framebuffer (vhart/display.h) */
    /* Deterministic time (--icount[=SHIFT]): mtime ticks once every 2^icount_shift instructions
     * retired (all harts together), wfi skips to the next deadline instead of sleeping, the RTC
     * starts at rtc_base and the entropy device is a generator seeded with `seed`. */
    bool icount;
    unsigned icount_shift;    /* 0..VHART_ICOUNT_SHIFT_MAX */
    const char *rtc_base;     /* --rtc-base DATE|now; NULL: the host's clock, or with icount VHART_RTC_BASE_DEFAULT */
    bool seed_set;            /* --seed given (without icount too) */
    uint64_t seed;
    /* Record and replay (vhart/replay.h): log every input from outside to this file (needs icount),
     * or re-run a log's inputs (no network backend, typed bytes ignored). NULL: neither. */
    const char *record, *replay;
};

#define VHART_ICOUNT_SHIFT_DEFAULT 5   /* 32 instructions per 100 ns tick: a 320 MIPS machine's timebase */
#define VHART_ICOUNT_SHIFT_MAX 20
#define VHART_RTC_BASE_DEFAULT "2026-01-01T00:00:00"

/* Parse --rtc-base: "now", or a UTC date "YYYY-MM-DD" with an optional "THH:MM[:SS]". Returns 0 with
 * the seconds since the epoch (0 for "now", with *now set), or -1. */
int vhart_parse_rtc_base(const char *s, int64_t *seconds, bool *now);

enum vhart_exit_reason {
    VHART_EXIT_POWEROFF,      /* the guest ended the run (HTIF or syscon); see exit_code */
    VHART_EXIT_MAX_INSNS,     /* --max-insns reached */
    VHART_EXIT_QUIT,          /* the user quit from the console (Ctrl-A x, or Ctrl-A c for the debugger) */
    VHART_EXIT_DEBUG,         /* a breakpoint, watchpoint or stop request (see vhart/debug.h) */
    VHART_EXIT_TRAP_STORM,    /* a hart took the same exception at the same pc VHART_TRAP_STORM
                               * times in a row without retiring anything; see trap_storm */
};

/* Consecutive identical exceptions (same cause and pc, nothing retired between) that stop the
 * run: a guest that does this is stuck for good (say, mtvec points at a faulting address). */
#define VHART_TRAP_STORM 1000000u

struct vhart_result {
    enum vhart_exit_reason reason;
    int exit_code;
    uint64_t instret;         /* instructions retired by all harts */
    uint64_t executed;        /* instret plus the instructions that trapped (what --max-insns counts) */
    struct {                  /* VHART_EXIT_TRAP_STORM: the hart and its exception */
        unsigned hart;
        uint64_t cause, pc, tval, vector;
    } trap_storm;
    double seconds;           /* host wall time spent running */
    uint64_t data_misses, fetch_lookups, fetch_misses, mmio_accesses;
    uint64_t ram_touched;     /* bytes of guest RAM resident in host memory at the end (0: unknown) */
};

struct machine;

/* Error codes. */
enum { VHART_OK = 0, VHART_ERR_CONFIG = 1, VHART_ERR_IO = 2, VHART_ERR_FORMAT = 3, VHART_ERR_NOMEM = 4 };

/* Build a machine. On failure returns an error code and writes a one-line message to err. */
int machine_create(const struct vhart_config *cfg, struct machine **out, char *err, size_t err_len);
int machine_run(struct machine *m, struct vhart_result *result);
/* Sync (fsync) and close the disk images. Returns 0, or -1 with a one-line message in err if
 * some data may not have reached a file. machine_destroy closes any still open, silently. */
int machine_close_disks(struct machine *m, char *err, size_t err_len);
void machine_destroy(struct machine *m);

/* The device tree the machine built (valid until machine_destroy). */
const void *machine_fdt(const struct machine *m, size_t *size);

/* Parse a size such as "128M", "2G", "65536" (bytes). Returns 0 or -1. */
int vhart_parse_size(const char *s, uint64_t *out);

/* Parse a plain number in `base` (10 for --smp and --gdb, so "010" is ten; 0 for C notation, as
 * --max-insns takes "0x10"): digits only, no sign, no spaces. Returns 0 or -1. */
int vhart_parse_u64(const char *s, int base, uint64_t *out);

/* Parse an ISA string such as "rv64imac" or "rv64gc_zba" into the extension mask for
 * vhart_config.ext. Returns 0, or -1 with a one-line message in err. */
int vhart_parse_isa(const char *s, uint64_t *ext, char *err, size_t err_len);

/* An mcause value in words, as the privileged spec names it: "instruction access fault",
 * "machine timer interrupt" (interrupts have bit 63 set). */
const char *vhart_cause_name(uint64_t cause);

/* The version string. */
#define VHART_VERSION "0.1.0"

#endif
