/* Internal view of struct machine, shared by machine.c (assembly and run loop) and debug.c
 * (the debug API). Nothing outside src/machine includes this. */
#ifndef VHART_MACHINE_INTERNAL_H
#define VHART_MACHINE_INTERNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <vhart/debug.h>
#include <vhart/machine.h>

#include "../cpu/hart.h"
#include "../dev/clint.h"
#include "../dev/framebuffer.h"
#include "../dev/goldfish_rtc.h"
#include "../dev/htif.h"
#include "../dev/plic.h"
#include "../dev/syscon.h"
#include "../dev/uart16550.h"
#include "../dev/virtio.h"
#include "../dev/virtio_blk.h"
#include "../dev/virtio_input.h"
#include "../dev/virtio_net.h"
#include "../dev/virtio_rng.h"
#include "../dev/virtio_9p.h"
#include "../host/blockfile.h"
#include "../host/slirp_net.h"
#include "../mem/bus.h"
#include "board.h"
#include "elf.h"

struct replay;

#define FDT_MAX_SIZE 0x10000
#define DBG_MAX_POINTS 64

/* A breakpoint or watchpoint of the debug API. */
struct dbg_point {
    int id;                   /* 0: free slot */
    bool is_watch, physical;
    uint64_t addr, len;       /* as the user gave it */
    /* Where it resolves: the physical address itself, or a virtual address seen by every hart's
     * translation (each hart's own address space; breakpoints also in the M-mode view, where
     * fetches are not translated). Breakpoints are planted at each. */
    uint64_t pas[2 * VHART_MAX_HARTS];
    unsigned npas;            /* 0: not resolved (nothing is mapped there now) */
    enum vdbg_watch_kind kind;
    uint64_t hits;
    bool temporary;           /* run-until */
};

/* Symbols from the loaded ELF files, sorted by address. */
struct dbg_symbol {
    char *name;
    uint64_t addr, size;
};

/* Frames from slirp waiting for guest receive buffers. */
#define NET_RX_QUEUE 64
#define NET_FRAME_MAX 1518

/* A virtio-mmio slot and the PLIC source it drives. */
struct virtio_slot {
    struct virtio_dev dev;
    struct machine *m;
    unsigned irq;
    bool used;
};

/* An image to place in RAM at start and again at every reset. */
struct image {
    uint8_t *data;
    size_t size;
    uint64_t addr;
};

struct machine {
    struct vhart_config cfg;
    struct bus bus;
    struct hart *harts[VHART_MAX_HARTS];
    unsigned nharts;
    struct clint clint;
    struct plic plic;
    struct uart16550 uart;
    struct goldfish_rtc rtc;
    struct syscon syscon;
    struct virtio_slot slots[BOARD_VIRTIO_SLOTS];
    struct blockfile *blockfiles;     /* cfg.ndrives of them */
    struct machine_disk *disks;       /* what stands between each image and its drive (disks.c) */
    struct virtio_blk *blks;
    struct virtio_rng rng;
    struct machine_share {            /* --share: a 9P server over a host directory and its device */
        struct p9fs *fs;
        struct virtio_9p dev;
    } shares[VHART_MAX_SHARES];
    struct virtio_net net;
    struct slirp_net slirp;
    bool has_net;
    struct { uint8_t data[NET_FRAME_MAX]; size_t len; } rxq[NET_RX_QUEUE];
    unsigned rxq_head, rxq_count;
    struct virtio_input keyboard, mouse;
    struct replay *replay;            /* --record or --replay (replay.c); NULL: neither */
    struct framebuffer fb;
    bool has_fb;
    uint64_t next_frame_ns;           /* when the display's refresh is next due */
    uint64_t instret_total;           /* retired by all harts, all runs */
    struct htif htif;
    bool has_htif;
    struct elf_image kernel_elf;      /* when the kernel (or program) is an ELF */
    struct elf_image bios_elf;        /* when the firmware is an ELF (e.g. OpenSBI's fw_jump.elf) */
    struct image images[4];           /* firmware, kernel, initrd, device tree */
    unsigned image_count;
    uint8_t bootrom[BOARD_BOOTROM_SIZE];
    uint64_t fdt[FDT_MAX_SIZE / 8];   /* libfdt wants an 8-byte aligned buffer */
    size_t fdt_size;
    uint64_t start_ns;
    int64_t mtime_offset;
    /* --icount: instructions skipped while every hart waited for an interrupt (added to the
     * retired ones to make the clock), the RTC's start and the entropy generator's state. */
    uint64_t icount_idle;
    uint64_t rtc_base_ns;
    bool rtc_fixed;                  /* the RTC counts from rtc_base_ns (else: the host's clock) */
    uint64_t rng_state;
    bool rng_seeded;
    uint64_t next_input_poll_ns;
    bool exit_requested, reset_requested, quit_requested;
    /* Typed bytes read from the console that the UART's FIFO has not taken yet (machine_poll_console). */
    uint8_t console_pending[256];
    size_t console_pending_len, console_pending_off;
    bool trap_storm;                  /* a hart is stuck in an exception loop (storm_hart) */
    unsigned storm_hart;
    int exit_code;

    /* Debug API state (debug.c). */
    struct dbg_point points[DBG_MAX_POINTS];
    int next_point_id;               /* 0 until the first point: then the hooks are installed */
    struct hart_debug_hooks debug_hooks;   /* every hart's h->debug */
    volatile sig_atomic_t stop_requested;
    bool (*debug_poll)(void *opaque);
    void *debug_poll_opaque;
    struct vdbg_stop last_stop;      /* why the last run stopped for the debugger */
    bool debug_stopped;
    struct dbg_symbol *symbols;
    size_t n_symbols;
    FILE *trace;
    bool trace_disasm;
    struct machine_log *log;         /* --log (log.c); NULL: off */
    uint64_t paused_at_ns;           /* host time the debugger stopped the machine (0: running) */

    /* Reverse execution (history.c): NULL until the debugger first runs a deterministic machine. */
    struct history *history;
    uint64_t history_limit, history_interval;   /* 0: defaults */
};

/* The run loop (machine.c): runs until poweroff, quit, a debug stop, a trap storm, or `max`
 * instructions (retired or trapped) when max != 0 (exact). Returns instructions executed. */
uint64_t machine_loop(struct machine *m, uint64_t max, struct vhart_result *res);
void machine_update_timers(struct machine *m);
/* runloop.c, shared with the threaded loop: typed bytes into the UART, and the run's result. */
void machine_poll_console(struct machine *m);
/* One round of host input into the devices and console output out (runloop.c). */
void machine_poll_host_input(struct machine *m);
void machine_loop_result(struct machine *m, uint64_t total, uint64_t retired, struct vhart_result *res);
/* runloop_mt.c: whether runs use a host thread per hart (--smp above 1, --threads multi, and no
 * --icount, --record/--replay, --history or --trace), and that loop (same contract as machine_loop;
 * `max` is approximate across harts). */
bool machine_threaded(const struct machine *m);
uint64_t machine_loop_mt(struct machine *m, uint64_t max, struct vhart_result *res);
/* --icount, every hart waiting in wfi: skip virtual time to the next deadline as the run loop does.
 * Returns whether it did (false: an interrupt is ready already, or there is no deadline). */
bool machine_icount_skip_idle(struct machine *m);
/* clock.c: the machine's mtime, and setting it (the guest's timers go on from the new value); the
 * same as callbacks for the CLINT and the harts; the RTC's clock; the entropy device's source. */
uint64_t machine_mtime(struct machine *m);
void machine_set_mtime(struct machine *m, uint64_t value);
uint64_t clock_read_mtime(void *machine);
void clock_write_mtime(void *machine, uint64_t value);
uint64_t clock_rtc_ns(void *machine);
size_t clock_entropy(void *machine, void *buf, size_t len);
uint64_t clock_host_ns(void);     /* monotonic */
uint64_t clock_wall_ns(void);     /* since the epoch */

/* machine.c, for the run loop: a guest's reboot, and frames waiting for the guest's buffers. */
void machine_reset(struct machine *m);
void machine_net_drain(struct machine *m);

/* The state part of a snapshot (snapshot.c), in memory: saved into a malloc'd buffer, or loaded
 * (the machine left as it was and one line in err when the bytes are bad). For in-memory history
 * and the snapshot fuzz target. */
int snapshot_save_payload(struct machine *m, void **data, size_t *len);
int snapshot_load_payload(struct machine *m, const void *data, size_t len, char *err, size_t err_len);
/* The same without the RAM section when with_ram is false (reverse execution keeps RAM pages itself,
 * shared between checkpoints). */
int snapshot_save_payload_ram(struct machine *m, void **data, size_t *len, bool with_ram);
int snapshot_load_payload_ram(struct machine *m, const void *data, size_t len, bool with_ram, char *err, size_t err_len);

/* history.c, called by debug.c around every run the debug API makes: whether it is replaying
 * (then nothing is recorded), before and after a step of `hart` (n asked, from position pos0),
 * the continue loop while recording (in place of machine_loop), and the machine's end. */
bool history_replaying(const struct machine *m);
void history_before_run(struct machine *m);
void history_after_step(struct machine *m, unsigned hart, uint64_t n, uint64_t pos0);
uint64_t history_position(const struct machine *m);
bool history_recording(const struct machine *m);
void history_continue(struct machine *m, struct vhart_result *res);
void history_free(struct machine *m);
/* For the run loop under --icount with a history: instructions until mtime reaches a deadline `t`
 * ticks away, counted from the tick's start (0: farther than `horizon` instructions). */
uint64_t history_deadline_cap(const struct machine *m, uint64_t t, uint64_t horizon);
/* For the run loop with a history, before hart i's turn: logs it, may make it exact; true: stop
 * the loop here (a re-run reached its turn). After the turn: while scanning for hits, notes each
 * breakpoint or watchpoint the hart stopped at and runs on to the turn's end (returns its stop). */
bool history_slice(struct machine *m, unsigned i, bool *exact);
enum hart_stop history_slice_hits(struct machine *m, struct hart *h, enum hart_stop stop, uint64_t budget, bool exact,
                                  uint64_t exc0, uint64_t *n);
/* Whether a re-run has just stopped the loop before a turn (no boundary work there). */
bool history_cut(const struct machine *m);
/* Re-run to a position (clamped to the history) and make it the present (tests). */
int history_travel(struct machine *m, uint64_t pos);

/* machine.c: take the next free virtio-mmio slot for a device (NULL when all are used). */
struct virtio_slot *machine_claim_slot(struct machine *m, const struct virtio_device_ops *ops, void *dev);
/* shares.c: the --share devices (0, or -1 with one line in err), their teardown, the savevm check
 * (an open file the guest unlinked cannot be saved) and the 9P server behind a device. */
int machine_add_shares(struct machine *m, char *err, size_t err_len);
void machine_free_shares(struct machine *m);
int machine_shares_check_save(struct machine *m, char *err, size_t err_len);
struct p9fs *machine_share_server(struct machine *m, const struct virtio_9p *dev);

/* symbols.c: add an ELF file's symbols to the machine's table. */
void symbols_add_elf(struct machine *m, const struct elf_image *img);
/* Instruction trace (trace.c): record the instruction about to run, then write its line once retired. */
void trace_prepare(struct machine *m, struct hart *h);
void trace_step(struct machine *m, struct hart *h);

/* --log (log.c): stop logging and free the log; a guest error from outside the harts' traps. */
void machine_log_free(struct machine *m);
void machine_log_guest_error(struct machine *m, const char *fmt, ...);

#endif
