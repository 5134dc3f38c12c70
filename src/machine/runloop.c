/* The run loop: harts in turn for a slice each, timers, host input, the display's refresh, idle
 * waits (or, under --icount, skips of virtual time), and why a run stopped. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE   /* mincore(2) */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <vhart/display.h>

#include "../cpu/codecache.h"
#include "machine_internal.h"
#include "replay.h"
#include "../dev/htif.h"

/* Instructions per hart between looks at timers, devices and the console. */
#define RUN_SLICE 65536
/* hart_run may pass its budget by up to a page of straight-line code. */
#define FAST_OVERRUN CODECACHE_SLOTS
/* How often (host time) console input is polled while the guest runs. */
#define INPUT_POLL_NS 2000000ull

/* Move typed bytes into the UART as its FIFO has room; remember what did not fit. */
void machine_poll_console(struct machine *m)
{
    const struct vhart_console *con = m->cfg.console;
    if (!con || (m->replay && !replay_live(m))) return;   /* re-running logged input: typing waits */
    uint8_t *pending = m->console_pending;
    if (m->console_pending_off == m->console_pending_len) {
        bool quit = false;
        m->console_pending_off = 0;
        m->console_pending_len = con->read(con->opaque, pending, sizeof(m->console_pending), &quit);
        if (quit) m->quit_requested = true;
    }
    size_t off = m->console_pending_off, len = m->console_pending_len;
    if (off < len) {
        size_t took = uart16550_receive(&m->uart, pending + off, len - off);
        if (m->replay) replay_console_taken(m, pending + off, took);
        m->console_pending_off = off + took;
    }
}

/* mtime ticks until the next timer deadline (CLINT, Sstc) or RTC alarm; UINT64_MAX if none. */
static uint64_t ticks_to_next_deadline(struct machine *m)
{
    uint64_t ticks = clint_ticks_to_next_deadline(&m->clint), now = clock_read_mtime(m);
    for (unsigned i = 0; i < m->nharts; i++) {
        const struct hart *h = m->harts[i];
        if (!(h->menvcfg & (1ull << 63))) continue;   /* Sstc deadline */
        uint64_t d = h->stimecmp > now ? h->stimecmp - now : 0;
        if (d < ticks) ticks = d;
    }
    uint64_t alarm = goldfish_rtc_ns_to_alarm(&m->rtc);
    if (alarm != UINT64_MAX) {
        uint64_t t = (alarm + (1000000000ull / BOARD_TIMEBASE_HZ) - 1) / (1000000000ull / BOARD_TIMEBASE_HZ);
        if (t < ticks) ticks = t;
    }
    return ticks;
}

/* mtime ticks until a timer deadline that can wake a hart from wfi: one still ahead whose interrupt
 * the hart enables (wfi wakes on mip & mie, privileged spec 3.3.3); a passed mtimecmp with MTIE
 * clear, as OpenSBI leaves it once Sstc delivers the supervisor's timer, must not end every wait
 * at once. UINT64_MAX if none. (ticks_to_next_deadline, which --icount's slices follow, is kept
 * as it is: its value decides where deterministic slices end.) */
static uint64_t ticks_to_next_wakeup(struct machine *m)
{
    uint64_t now = clock_read_mtime(m), ticks = UINT64_MAX;
    for (unsigned i = 0; i < m->nharts; i++) {
        const struct hart *h = m->harts[i];
        uint64_t cmp = clint_mtimecmp(&m->clint, i);
        if ((h->mie & MIP_MTIP) && cmp > now && cmp - now < ticks) ticks = cmp - now;
        if ((h->menvcfg & (1ull << 63)) && (h->mie & MIP_STIP) && h->stimecmp > now && h->stimecmp - now < ticks)
            ticks = h->stimecmp - now;
        /* H: a guest's Sstc timer (vstimecmp against time + htimedelta). */
        uint64_t vcmp = h->vstimecmp - h->htimedelta;
        if ((h->menvcfg & h->henvcfg & (1ull << 63)) && (h->mie & MIP_VSTIP) && vcmp > now && vcmp - now < ticks)
            ticks = vcmp - now;
    }
    uint64_t alarm = goldfish_rtc_ns_to_alarm(&m->rtc);
    if (alarm != UINT64_MAX) {
        uint64_t t = (alarm + (1000000000ull / BOARD_TIMEBASE_HZ) - 1) / (1000000000ull / BOARD_TIMEBASE_HZ);
        if (t < ticks) ticks = t;
    }
    return ticks;
}

/* Every hart waits for an interrupt: sleep until the next timer deadline or console input. */
static void idle_wait(struct machine *m)
{
    uint64_t ticks = ticks_to_next_wakeup(m);
    uint64_t ns = ticks >= 100000000ull / (1000000000ull / BOARD_TIMEBASE_HZ) ? 100000000ull   /* look around */
                                                                            : ticks * (1000000000ull / BOARD_TIMEBASE_HZ);
    if (m->cfg.display) {   /* wake for the display's next frame */
        uint64_t t = clock_host_ns();
        if (m->next_frame_ns <= t) return;
        if (m->next_frame_ns - t < ns) ns = m->next_frame_ns - t;
    }
    if (ns == 0) return;
    if (m->cfg.console) m->cfg.console->flush(m->cfg.console->opaque);
    int fd = m->cfg.console ? m->cfg.console->poll_fd : -1;
    int ms = (int)((ns + 999999) / 1000000);
    if (m->has_net) {
        /* Sleep on slirp's sockets and the console together. */
        struct pollfd p = { .fd = uart16550_can_receive(&m->uart) ? fd : -1, .events = POLLIN };
        slirp_net_poll_fds(&m->slirp, &p, 1, ms);
        machine_net_drain(m);
        m->next_input_poll_ns = 0;
        return;
    }
    if (fd >= 0 && uart16550_can_receive(&m->uart)) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (poll(&p, 1, ms) > 0) m->next_input_poll_ns = 0;
        /* EOF or hang-up on the input keeps poll returning at once: fall back to sleeping. */
        if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) fd = -1; else return;
    }
    struct timespec ts = { (time_t)(ns / 1000000000ull), (long)(ns % 1000000000ull) };
    nanosleep(&ts, NULL);
}

static void update_timers(struct machine *m)
{
    clint_update(&m->clint);
    for (unsigned i = 0; i < m->nharts; i++) hart_update_stip(m->harts[i]);
    goldfish_rtc_update(&m->rtc);
}

/* Run one hart for up to `budget` instructions executed (retired or trapped): fast, exact, or one
 * at a time with tracing. *n is set to the instructions retired. */
static enum hart_stop run_hart(struct machine *m, struct hart *h, uint64_t budget, bool exact, uint64_t *n)
{
    if (!m->trace) return exact ? hart_run_exact(h, budget, n) : hart_run(h, budget, n);
    enum hart_stop stop = HART_STOP_BUDGET;
    uint64_t exc0 = h->exceptions;
    *n = 0;
    while (*n + (h->exceptions - exc0) < budget) {
        uint64_t one = 0;
        hart_take_interrupt(h);   /* else the interpreter would take it and run the handler's
                                    * first instruction in place of the one recorded */
        trace_prepare(m, h);
        stop = hart_run_exact(h, 1, &one);
        *n += one;
        if (one) trace_step(m, h);
        if (stop != HART_STOP_BUDGET || h->need_exit) break;
        if (h->storm.count >= VHART_TRAP_STORM) break;
    }
    return stop;
}

/* A stop asked for by the debugger (Ctrl-C in the REPL or from gdb) takes effect here. */
static void take_stop_request(struct machine *m)
{
    if (!m->stop_requested || m->debug_stopped) return;
    m->stop_requested = 0;
    m->debug_stopped = true;
    m->last_stop.reason = VDBG_STOP_REQUESTED;
    m->last_stop.hart = 0;
    m->last_stop.pc = m->harts[0]->pc;
}

/* Host input into the devices (network frames, window events, console bytes) and console output
 * out: one round, shared by the single-threaded loop and the threaded loop's I/O thread. */
void machine_poll_host_input(struct machine *m)
{
    if (m->has_net) {
        slirp_net_poll(&m->slirp, 0);
        machine_net_drain(m);
    }
    virtio_input_flush(&m->keyboard);
    virtio_input_flush(&m->mouse);
    machine_poll_console(m);
    if (m->cfg.console) m->cfg.console->flush(m->cfg.console->opaque);
}

uint64_t machine_loop(struct machine *m, uint64_t max, struct vhart_result *res)
{
    /* Several harts and nothing that needs one deterministic interleaving: a thread per hart. */
    if (machine_threaded(m)) return machine_loop_mt(m, max, res);
    uint64_t total = 0, retired = 0;
    if (!m->start_ns) m->start_ns = clock_host_ns();
    m->debug_stopped = false;
    m->trap_storm = false;
    if (m->replay) replay_boundary(m);   /* inputs that came while the machine was stopped */
    while (!m->exit_requested && !m->quit_requested && !m->debug_stopped && !m->trap_storm) {
        if (m->reset_requested) machine_reset(m);
        update_timers(m);
        bool all_idle = true;
        for (unsigned i = 0; i < m->nharts && !m->exit_requested && !m->debug_stopped; i++) {
            struct hart *h = m->harts[i];
            uint64_t budget = RUN_SLICE, n = 0;
            bool exact = false;
            if (max) {
                if (total >= max) break;
                uint64_t left = max - total;
                /* The fast loop may pass its budget by a page of straight-line code. */
                if (left <= 2 * FAST_OVERRUN) {
                    budget = left;
                    exact = true;
                } else if (budget > left - FAST_OVERRUN) {
                    budget = left - FAST_OVERRUN;
                }
            }
            if (m->cfg.icount) {
                /* Virtual time moves only with instructions: end the slice at the next deadline,
                 * so that timer interrupts arrive when the guest expects them. */
                uint64_t t = ticks_to_next_deadline(m);
                if (m->history || m->replay) {
                    /* Reverse execution re-runs from other starting points and stops anywhere
                     * (so does a debugger in a recording): end the slice exactly where mtime
                     * reaches the deadline, the same wherever the slice began (history.c). */
                    uint64_t cap = history_deadline_cap(m, t, RUN_SLICE + 2 * FAST_OVERRUN);
                    if (cap && cap <= budget) {
                        budget = cap;
                        exact = true;
                    }
                } else if (t < ((uint64_t)RUN_SLICE >> m->cfg.icount_shift)) {
                    uint64_t cap = (t + 1) << m->cfg.icount_shift;
                    if (cap < budget) budget = cap;
                }
            }
            /* A logged input (or check) is delivered at its point, wherever slices ended before. */
            if (m->replay) {
                uint64_t cap = replay_cap(m);
                if (cap && cap <= budget) {
                    budget = cap;
                    exact = true;
                }
            }
            /* Reverse execution logs each turn, stops re-runs before one, notes hits (history.c). */
            if (m->history && history_slice(m, i, &exact)) break;
            uint64_t exc0 = h->exceptions;
            enum hart_stop stop = run_hart(m, h, budget, exact, &n);
            if (m->history) stop = history_slice_hits(m, h, stop, budget, exact, exc0, &n);
            total += n + (h->exceptions - exc0);
            retired += n;
            m->instret_total += n;
            if (h->storm.count >= VHART_TRAP_STORM) {
                m->trap_storm = true;
                m->storm_hart = i;
                break;
            }
            if (stop != HART_STOP_WFI) all_idle = false;
            if (stop == HART_STOP_BREAKPOINT || stop == HART_STOP_WATCHPOINT) {
                m->debug_stopped = true;
                m->last_stop.hart = i;
                m->last_stop.pc = h->pc;
                m->last_stop.reason = stop == HART_STOP_BREAKPOINT ? VDBG_STOP_BREAKPOINT : VDBG_STOP_WATCHPOINT;
            }
            /* Another hart runs next: its stores may land between this hart's LR and SC. */
            if (m->nharts > 1) h->resv_valid = false;
            if (m->has_htif) htif_poll(&m->htif);
        }
        if (m->replay) replay_boundary(m);   /* inputs logged or replayed: only here */
        uint64_t now = clock_host_ns();
        if (now >= m->next_input_poll_ns) {
            machine_poll_host_input(m);
            if (m->debug_poll && m->debug_poll(m->debug_poll_opaque)) m->stop_requested = 1;
            m->next_input_poll_ns = now + INPUT_POLL_NS;
        }
        if (m->cfg.display && now >= m->next_frame_ns) {
            unsigned hz = m->cfg.display->refresh_hz ? m->cfg.display->refresh_hz : FRAMEBUFFER_REFRESH_HZ;
            m->next_frame_ns = now + 1000000000ull / hz;
            m->cfg.display->refresh(m->cfg.display->opaque);
        }
        take_stop_request(m);
        if (max && total >= max) break;
        if (m->trap_storm) break;
        if (all_idle && !m->exit_requested && !m->debug_stopped) {
            update_timers(m);
            bool any_ready = false;
            for (unsigned i = 0; i < m->nharts; i++)
                if (m->harts[i]->mip & m->harts[i]->mie) any_ready = true;
            uint64_t skip;
            if (!any_ready && m->cfg.icount && (skip = ticks_to_next_deadline(m)) != UINT64_MAX) {
                /* --icount: nothing to wait for but a deadline, so go straight to it. */
                if (skip == 0) skip = 1;
                m->icount_idle += skip << m->cfg.icount_shift;
                update_timers(m);
            } else if (!any_ready) {
                idle_wait(m);
                machine_poll_console(m);
                /* A debugger's interrupt may be what woke us: stop before the harts run on
                 * (else they would first take whatever timer interrupt fell due meanwhile). */
                if (m->debug_poll && m->debug_poll(m->debug_poll_opaque)) m->stop_requested = 1;
                take_stop_request(m);
            }
        }
    }
    if (m->cfg.console) m->cfg.console->flush(m->cfg.console->opaque);
    if (m->trace) fflush(m->trace);   /* complete whenever the machine is not running */
    machine_loop_result(m, total, retired, res);
    return total;
}

void machine_loop_result(struct machine *m, uint64_t total, uint64_t retired, struct vhart_result *res)
{
    if (res) {
        res->instret += retired;
        res->executed += total;
        if (m->trap_storm) {
            const struct hart *h = m->harts[m->storm_hart];
            res->reason = VHART_EXIT_TRAP_STORM;
            res->trap_storm.hart = m->storm_hart;
            res->trap_storm.cause = h->storm.cause;
            res->trap_storm.pc = h->storm.pc;
            res->trap_storm.tval = h->storm.tval;
            res->trap_storm.vector = h->storm.vector;
        }
        if (m->quit_requested) res->reason = VHART_EXIT_QUIT;
        if (m->debug_stopped) res->reason = VHART_EXIT_DEBUG;
        if (m->exit_requested) {
            res->reason = VHART_EXIT_POWEROFF;
            res->exit_code = m->exit_code;
        }
    }
}

void machine_update_timers(struct machine *m) { update_timers(m); }

bool machine_icount_skip_idle(struct machine *m)
{
    update_timers(m);
    for (unsigned i = 0; i < m->nharts; i++)
        if (m->harts[i]->mip & m->harts[i]->mie) return false;
    uint64_t skip = ticks_to_next_deadline(m);
    if (!m->cfg.icount || skip == UINT64_MAX) return false;
    if (skip == 0) skip = 1;
    m->icount_idle += skip << m->cfg.icount_shift;
    update_timers(m);
    return true;
}

/* Guest RAM the host actually holds: untouched pages of the zeroed RAM allocation are not resident
 * (mincore(2)), so this is the RAM the guest touched; --stats reports it to separate vhart's own memory. */
static uint64_t ram_resident_bytes(struct machine *m)
{
    struct bus_region *r = bus_find(&m->bus, BOARD_RAM_BASE);
    long pg = sysconf(_SC_PAGESIZE);
    if (!r || !r->is_memory || pg <= 0) return 0;
    uintptr_t start = (uintptr_t)r->host & ~(uintptr_t)(pg - 1), end = (uintptr_t)r->host + r->size;
    size_t pages = (end - start + (uintptr_t)pg - 1) / (uintptr_t)pg;
    unsigned char *vec = malloc(pages);
    if (!vec) return 0;
    uint64_t n = 0;
    if (mincore((void *)start, end - start, (void *)vec) == 0)
        for (size_t i = 0; i < pages; i++) n += vec[i] & 1;
    free(vec);
    return n * (uint64_t)pg;
}

int machine_run(struct machine *m, struct vhart_result *res)
{
    memset(res, 0, sizeof(*res));
    uint64_t t0 = clock_host_ns();
    res->reason = VHART_EXIT_MAX_INSNS;
    machine_loop(m, m->cfg.max_insns, res);
    res->seconds = (double)(clock_host_ns() - t0) / 1e9;
    for (unsigned i = 0; i < m->nharts; i++) {
        const struct hart_stats *s = &m->harts[i]->stats;
        res->data_misses += s->data_misses;
        res->fetch_lookups += s->fetch_lookups;
        res->fetch_misses += s->fetch_misses;
        res->mmio_accesses += s->mmio_accesses;
    }
    res->ram_touched = ram_resident_bytes(m);
    return 0;
}
