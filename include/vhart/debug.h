/* vhart's debug API: the one interface both the REPL (src/debug/repl.c) and the gdb stub
 * (src/debug/gdbstub.c) use to control and inspect a machine. No function here prints; all
 * return 0 on success and a negative VDBG_E* code on failure. */
#ifndef VHART_DEBUG_H
#define VHART_DEBUG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;
struct vhart_result;

enum {
    VDBG_OK = 0,
    VDBG_EINVAL = -1,     /* bad argument (hart number, register number, length) */
    VDBG_EFAULT = -2,     /* address not mapped / not backed by memory */
    VDBG_ENOSPC = -3,     /* too many breakpoints or watchpoints */
    VDBG_ENOENT = -4,     /* no such breakpoint, symbol or CSR */
    VDBG_ENOTSUP = -5,    /* reverse execution without history (see vdbg_history_info's why) */
};

/* Why execution stopped. */
enum vdbg_stop_reason {
    VDBG_STOP_STEP,         /* the requested number of instructions retired */
    VDBG_STOP_BREAKPOINT,   /* a hart reached a breakpoint (not yet executed) */
    VDBG_STOP_WATCHPOINT,   /* a hart's access hit a watchpoint (the access has completed) */
    VDBG_STOP_REQUESTED,    /* vdbg_request_stop (Ctrl-A c, gdb Ctrl-C) */
    VDBG_STOP_EXITED,       /* the machine powered off; see exit_code */
    VDBG_STOP_QUIT,         /* the user quit from the console */
    VDBG_STOP_TRAP_STORM,   /* `hart` is stuck taking the exception in `trap` (see VHART_TRAP_STORM) */
};

/* A trap a hart took: the cause (bit 63 for interrupts), the mode that took it (3 M, 1 S), that
 * mode's epc and tval, and the handler address the hart went to. */
struct vdbg_trap {
    uint64_t cause, epc, tval, vector;
    unsigned priv;
};

struct vdbg_stop {
    enum vdbg_stop_reason reason;
    unsigned hart;            /* the hart that stopped (breakpoint, watchpoint, step) */
    uint64_t pc;
    int id;                   /* breakpoint/watchpoint id */
    uint64_t addr;            /* watchpoint: the accessed address (as set: virtual or physical) */
    bool write;               /* watchpoint: the access was a store */
    int exit_code;            /* VDBG_STOP_EXITED */
    bool trapped;             /* VDBG_STOP_STEP: the (last) step took a trap and stopped at its
                               * handler; VDBG_STOP_TRAP_STORM: the repeated exception */
    struct vdbg_trap trap;
    bool history_begin;       /* a reverse run reached the start of the history and stopped there */
};

/* ---- run control ---- */
unsigned vdbg_harts(const struct machine *m);
/* Run n instructions on `hart` (other harts do not run): each one retires, or traps (an exception,
 * or an interrupt taken before it). The steps end early at a trap's handler when nothing retired
 * (a single step that traps stops at the handler with stop->trapped set), at a breakpoint or
 * watchpoint, in wfi with nothing pending, or at poweroff. */
int vdbg_step(struct machine *m, unsigned hart, uint64_t n, struct vdbg_stop *stop);
/* Run every hart until a breakpoint, watchpoint, stop request, poweroff or quit. */
int vdbg_continue(struct machine *m, struct vdbg_stop *stop);
/* Continue until `hart` reaches pc == addr (a temporary breakpoint), or another stop. */
int vdbg_run_until(struct machine *m, unsigned hart, uint64_t addr, struct vdbg_stop *stop);
/* Reset the machine now, as a guest reboot does: images loaded again, devices and harts in their
 * reset state (every hart at the boot ROM). Breakpoints and watchpoints stay. */
int vdbg_reset(struct machine *m);
/* Ask a running vdbg_continue to stop at the next instruction boundary. Async-signal-safe. */
void vdbg_request_stop(struct machine *m);
/* Called by the run loop every few milliseconds while continuing: returns true to stop (the
 * gdb stub polls its socket for Ctrl-C here). NULL to remove. */
void vdbg_set_poll(struct machine *m, bool (*poll)(void *opaque), void *opaque);

/* ---- breakpoints and watchpoints ---- */
enum vdbg_watch_kind { VDBG_WATCH_READ = 1, VDBG_WATCH_WRITE = 2, VDBG_WATCH_ACCESS = 3 };
/* Breakpoint at a virtual address (as seen by the hart's current translation) or a physical one.
 * Returns the id (>= 1) or a negative error. */
int vdbg_break_add(struct machine *m, uint64_t addr, bool physical);
int vdbg_watch_add(struct machine *m, uint64_t addr, uint64_t len, enum vdbg_watch_kind kind, bool physical);
int vdbg_delete(struct machine *m, int id);   /* a breakpoint or watchpoint */
struct vdbg_point {
    int id;
    bool is_watch, physical;
    uint64_t addr, len;
    enum vdbg_watch_kind kind;
    uint64_t hits;
};
/* Copy up to max points into out; returns how many exist. */
int vdbg_list(const struct machine *m, struct vdbg_point *out, int max);

/* ---- registers ----
 * Numbering follows gdb's riscv target: 0-31 x0-x31, 32 pc, 33-64 f0-f31, 65 + csr for CSRs
 * (65 + 0x001 = fflags ... 65 + 0xfff), and VDBG_REG_PRIV for the privilege level. */
#define VDBG_REG_PC 32
#define VDBG_REG_F0 33
#define VDBG_REG_CSR0 65
#define VDBG_REG_PRIV (VDBG_REG_CSR0 + 0x1000)
int vdbg_reg_read(struct machine *m, unsigned hart, unsigned reg, uint64_t *value);
int vdbg_reg_write(struct machine *m, unsigned hart, unsigned reg, uint64_t value);
/* Register name <-> number ("a0", "x10", "pc", "ft0", "mstatus", "priv"). */
int vdbg_reg_number(const char *name);
const char *vdbg_reg_name(unsigned reg, char *buf, size_t len);

/* ---- memory ----
 * Virtual accesses go through `hart`'s current translation as a load/store of its current
 * effective privilege would, but without side effects: no A/D updates, no TLB fills, no MMIO
 * (device regions are refused with VDBG_EFAULT). Writes keep decoded code coherent. */
int vdbg_mem_read(struct machine *m, unsigned hart, uint64_t addr, bool physical, void *buf, size_t len);
int vdbg_mem_write(struct machine *m, unsigned hart, uint64_t addr, bool physical, const void *buf, size_t len);

/* ---- translation ---- */
struct vdbg_walk_level {
    int level;
    uint64_t pte_addr, pte;
    int stage;                /* 0: satp, or vsatp for a guest (pte_addr is then a GPA); 1: G stage (hgatp) */
    uint64_t gpa;             /* G stage: the guest physical address it translates */
};
#define VDBG_WALK_MAX 40
struct vdbg_translation {
    unsigned mode;            /* satp.MODE (vsatp's for a guest): 0 bare, 8 Sv39, 9 Sv48, 10 Sv57 */
    int levels;               /* entries in walk[] */
    struct vdbg_walk_level walk[VDBG_WALK_MAX];
    bool ok;
    uint64_t pa;              /* when ok */
    unsigned page_shift;      /* 12, 21, 30, ... when ok */
    int fault_cause;          /* exception cause when !ok */
    /* H extension: a guest's access (V=1, or MPRV with MPV) walks two stages. */
    bool virt;
    unsigned gmode;           /* hgatp.MODE: 0 bare, 8 Sv39x4, 9 Sv48x4, 10 Sv57x4 */
    int fault_stage;          /* when !ok: 0 the VS (or only) stage, 1 the G stage */
    const char *why;          /* when !ok: the walker's reason, or NULL */
};
/* Translate va for a load by `hart`'s effective data privilege (fetch=true: for a fetch). */
int vdbg_translate(struct machine *m, unsigned hart, uint64_t va, bool fetch, struct vdbg_translation *t);
/* The current address space as ranges: calls fn for each maximal run of pages with the same
 * permissions and contiguous physical addresses. */
int vdbg_pagetable(struct machine *m, unsigned hart,
                   void (*fn)(void *ctx, uint64_t va, uint64_t pa, uint64_t size, unsigned pte_flags), void *ctx);
/* Valid TLB entries of a hart: fn(ctx, kind 'r'|'w'|'x', set index, VMID (-1: an HS-level, V=0
 * entry; else a guest's, V=1, from the VMID slot `set` belongs to), va page, pa page). */
int vdbg_tlb(struct machine *m, unsigned hart,
             void (*fn)(void *ctx, char kind, unsigned set, int vmid, uint64_t va, uint64_t pa), void *ctx);
/* One line per device (UART, PLIC, CLINT, RTC, each virtio slot) describing its state. */
int vdbg_devices(struct machine *m, void (*fn)(void *ctx, const char *name, const char *line), void *ctx);

/* ---- symbols ---- */
/* Symbols of the loaded ELF files, plus any added here (e.g. a vmlinux). */
int vdbg_symbols_add_elf(struct machine *m, const char *path, char *err, size_t err_len);
int vdbg_symbol_lookup(const struct machine *m, const char *name, uint64_t *addr);
/* The symbol containing addr and the offset into it, or NULL. */
const char *vdbg_symbol_at(const struct machine *m, uint64_t addr, uint64_t *offset);
/* Iterate symbols whose name starts with prefix (tab completion). */
void vdbg_symbols_matching(const struct machine *m, const char *prefix, void (*fn)(void *ctx, const char *name),
                           void *ctx);

/* ---- reverse execution (src/machine/history.c) ----
 * Under --icount with one hart, every run made through this API is recorded: checkpoints of the
 * whole machine every `interval` instructions (in memory, at most `limit` bytes; the oldest but the
 * first are dropped) and the list of runs between them, so that any earlier position can be
 * reached again by restoring a checkpoint and running forward exactly as before. Positions count
 * instructions retired, exceptions and interrupts taken (each is one step). */
struct vdbg_history {
    bool enabled;             /* recording (else `why` says what is missing) */
    const char *why;
    uint64_t first, now;      /* the span that can be travelled, in positions */
    unsigned checkpoints;
    uint64_t bytes, limit, interval;
};
int vdbg_history_info(struct machine *m, struct vdbg_history *out);
/* Memory bound for checkpoints (bytes, >= 1 MiB) and their interval (instructions; 0: keep). */
int vdbg_history_configure(struct machine *m, uint64_t limit, uint64_t interval);
/* Go back n steps on `hart` (the reverse of vdbg_step). Stops at the start of the history with
 * stop->history_begin set when it holds fewer. */
int vdbg_reverse_step(struct machine *m, unsigned hart, uint64_t n, struct vdbg_stop *stop);
/* Go back to the most recent breakpoint or watchpoint hit before now, stopped as a forward run
 * stops there (a watchpoint: just after the access), or to the start of the history. */
int vdbg_reverse_continue(struct machine *m, struct vdbg_stop *stop);
/* Go back to the last time before now that `hart` was at pc == addr with register sp == sp_value
 * (any sp when sp_value is UINT64_MAX): the reverse of run-until, for reverse-next/finish. */
int vdbg_reverse_until(struct machine *m, unsigned hart, uint64_t addr, uint64_t sp_value, struct vdbg_stop *stop);

/* ---- trace ---- */
/* Write one line per retired instruction in Spike's --log-commits format to `path` (NULL: off). */
int vdbg_trace(struct machine *m, const char *path, bool disasm, char *err, size_t err_len);

#endif
