/* The threaded run loop: one host thread per hart, the calling thread as the I/O thread, a device
 * lock, harts parked in wfi, and the world stopped for the debugger (docs/threads.md). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vhart/display.h>

#include "../cpu/codecache.h"
#include "../mem/mmu.h"
#include "../util/guest_atomic.h"
#include "machine_internal.h"

/* Instructions per slice: between two looks at the hart's own timers and the stop flag. Smaller
 * than the single-threaded loop's, as it bounds how late a running hart notices an interrupt
 * line another thread raised (about 50 us at 300 MIPS). */
#define MT_SLICE 16384
/* How often (host time) the I/O thread looks at console input, the network and the debugger
 * while some hart runs; with every hart asleep it sleeps until the next deadline (at most
 * MT_IDLE_NS, or MT_IDLE_NET_NS with a network, which it cannot wait on without the lock). */
#define MT_POLL_NS 2000000ull
#define MT_IDLE_NS 500000000ull
#define MT_IDLE_NET_NS 10000000ull
#define NS_PER_TICK (1000000000ull / BOARD_TIMEBASE_HZ)
/* A hart polling memory behind a wfi that cannot stall (wfi_poll_wait): after MT_POLLS_YIELD
 * such slices in a row, each at most MT_POLL_BODY instructions, it sleeps, from MT_POLL_SLEEP_NS
 * doubling up to MT_POLL_SLEEP_MAX_NS, unless kicked. The cap is long because such a loop waits
 * for an IPI, which kicks it at once, and a hart that looks at memory between kicks can see
 * another hart's half-done work: OpenSBI 1.1 sets a hart START_PENDING before it writes where that
 * hart is to start, so a poll landing between the two (the starting hart's thread descheduled
 * there by the host) sent a secondary hart into the kernel's cold-boot entry (docs/threads.md). */
#define MT_POLLS_YIELD 4
#define MT_POLL_BODY 256
#define MT_POLL_SLEEP_NS 20000ull
#define MT_POLL_SLEEP_MAX_NS 100000000ull
/* A hart that sent an IPI not yet served (ipi_wait) runs slices of at most MT_IPI_BODY
 * instructions; one that ends without sending another sleeps until a target has served its IPI,
 * for at most MT_IPI_WAIT_NS since the first was sent. A hart that takes an IPI runs MT_IPI_BODY
 * instructions after clearing its msip before the IPI counts as served. */
#define MT_IPI_BODY 1024
#define MT_IPI_WAIT_NS 2000000ull

struct mt;

struct mt_hart {
    struct mt *mt;
    struct hart *h;
    unsigned index;
    pthread_t thread;
    /* Parking in wfi: `kicked` (under `lock`) says a line rose or a deadline moved since the
     * hart last looked, so that a kick between its look and its wait is not lost. */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool kicked;
    bool parked;              /* atomic: asleep in wfi (the I/O thread's idle test) */
    uint64_t seen_epoch;      /* atomic: codecache_epoch() at its last slice boundary; ~0 asleep */
    uint64_t executed, retired;   /* this run, read after the join */
    unsigned polls;           /* slices in a row ended by a short wfi poll (wfi_poll_wait) */
    /* IPIs this hart sent that the targets have not served yet (ipi_wait): a bit per target hart
     * (atomic: the targets read it to wake this hart), whether this slice sent one, and when the
     * oldest was sent. */
    uint32_t ipi_out;
    bool ipi_sent;
    uint64_t ipi_since;
    uint64_t ipi_served_at[VHART_MAX_HARTS];   /* the target's `served` when this hart sent to it */
    /* Answering IPIs (ipi_wait): `served` (atomic) counts the IPIs this hart took and ran
     * MT_IPI_BODY instructions after; `answering` is 1 after its msip was cleared in the current
     * slice, 2 during the short slice after that. */
    uint64_t served;
    unsigned answering;
};

struct mt {
    struct machine *m;
    struct mt_hart harts[VHART_MAX_HARTS];
    unsigned n;
    uint64_t max;
    uint64_t total;           /* atomic: executed by all harts (for max) */
    bool stop;                /* atomic: every hart thread returns at its next boundary */
    pthread_mutex_t dev_lock; /* recursive: device callbacks, the console, slirp */
    pthread_mutex_t stop_lock;   /* the first hart to stop the world records why */
    int wake[2];              /* a byte here wakes the I/O thread */
    bool io_asleep;           /* atomic: the I/O thread sleeps long (every hart was parked) */
};

bool machine_threaded(const struct machine *m)
{
    return m->nharts > 1 && !m->cfg.single_thread && !m->cfg.icount && !m->replay && !m->history && !m->trace;
}

static void dev_lock(void *l) { pthread_mutex_lock(l); }
static void dev_unlock(void *l) { pthread_mutex_unlock(l); }

static void wake_io(struct mt *mt)
{
    if (GA_LOAD(&mt->io_asleep, GA_ACQUIRE)) {
        char c = 0;
        if (write(mt->wake[1], &c, 1) < 0) { /* full pipe: it is awake already */ }
    }
}

/* The hart thread running on this host thread (NULL on the I/O thread). */
static _Thread_local struct mt_hart *self;

static void wake(struct mt_hart *mh)
{
    pthread_mutex_lock(&mh->lock);
    mh->kicked = true;
    pthread_cond_signal(&mh->cond);
    pthread_mutex_unlock(&mh->lock);
}

/* hart.kick: a line rose or a deadline moved (any thread). */
static void kick(struct hart *h)
{
    struct mt_hart *mh = h->kick_opaque;
    if (self == mh) return;   /* the hart's own thread: it runs, nothing to wake */
    if (self && (hart_irq_lines(h) & MIP_MSIP)) {
        /* Another hart's msip write (an IPI): the sender will likely wait for it (ipi_wait). */
        if (!self->ipi_out) self->ipi_since = clock_host_ns();
        self->ipi_served_at[mh->index] = GA_LOAD(&mh->served, GA_ACQUIRE);
        GA_STORE(&self->ipi_out, self->ipi_out | 1u << mh->index, GA_RELEASE);
        self->ipi_sent = true;
    }
    pthread_mutex_lock(&mh->lock);
    mh->kicked = true;
    pthread_cond_signal(&mh->cond);
    pthread_mutex_unlock(&mh->lock);
}

static void stop_all(struct mt *mt)
{
    GA_STORE(&mt->stop, true, GA_SEQ_CST);
    for (unsigned i = 0; i < mt->n; i++) wake(&mt->harts[i]);
    char c = 0;
    if (write(mt->wake[1], &c, 1) < 0) { /* full pipe: it will wake */ }
}

/* Code-cache pages retired by any hart: dropped from every hart's fetch TLB (bus callback). */
static void code_page_dropped(void *opaque, uint64_t paddr)
{
    struct mt *mt = opaque;
    for (unsigned i = 0; i < mt->n; i++) mmu_drop_fetch_page(mt->harts[i].h, paddr);
}

/* The hart's own timers, on its own thread: the CLINT's MTIP (device state: under the lock) and
 * Sstc's STIP (its own state). */
static void own_timers(struct mt_hart *mh)
{
    struct machine *m = mh->mt->m;
    pthread_mutex_lock(&mh->mt->dev_lock);
    clint_update_hart(&m->clint, mh->index);
    pthread_mutex_unlock(&mh->mt->dev_lock);
    hart_update_stip(mh->h);
}

/* Sleep on the hart's condition variable for up to ns, until a kick or a stop; consumes the kick.
 * `kicked` is not cleared first: a kick since the hart's last look at memory must end the sleep. */
static void sleep_until_kicked(struct mt *mt, struct mt_hart *mh, uint64_t ns)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t t = (uint64_t)ts.tv_nsec + ns;
    ts.tv_sec += (time_t)(t / 1000000000ull);
    ts.tv_nsec = (long)(t % 1000000000ull);
    pthread_mutex_lock(&mh->lock);
    while (!mh->kicked && !GA_LOAD(&mt->stop, GA_ACQUIRE))
        if (pthread_cond_timedwait(&mh->cond, &mh->lock, &ts) == ETIMEDOUT) break;
    mh->kicked = false;
    pthread_mutex_unlock(&mh->lock);
}

/* Host nanoseconds until the hart's next own deadline (mtimecmp, stimecmp), at most `cap`. */
static uint64_t own_deadline_ns(struct mt_hart *mh, uint64_t cap)
{
    struct machine *m = mh->mt->m;
    pthread_mutex_lock(&mh->mt->dev_lock);
    uint64_t cmp = clint_mtimecmp(&m->clint, mh->index);
    pthread_mutex_unlock(&mh->mt->dev_lock);
    const struct hart *h = mh->h;
    uint64_t now = clock_read_mtime(m);
    /* Only a deadline still ahead whose interrupt is enabled can end the wait (wfi wakes on
     * mip & mie, privileged spec 3.3.3): a passed mtimecmp with MTIE clear, which OpenSBI leaves
     * behind once Sstc delivers the supervisor's timer, would otherwise make this a busy loop. */
    if (!(h->mie & MIP_MTIP) || cmp <= now) cmp = ~0ull;
    if ((h->menvcfg & (1ull << 63)) && (h->mie & MIP_STIP) && h->stimecmp > now && h->stimecmp < cmp)
        cmp = h->stimecmp;
    uint64_t vcmp = h->vstimecmp - h->htimedelta;   /* H: a guest's Sstc timer */
    if ((h->menvcfg & h->henvcfg & (1ull << 63)) && (h->mie & MIP_VSTIP) && vcmp > now && vcmp < cmp) cmp = vcmp;
    if (cmp == ~0ull) return cap;
    uint64_t ticks = cmp - now;
    return ticks >= cap / NS_PER_TICK ? cap : ticks * NS_PER_TICK;
}

/* wfi: sleep until a line for this hart rises, its deadline comes, or the world stops. */
static void park(struct mt_hart *mh)
{
    struct mt *mt = mh->mt;
    struct hart *h = mh->h;
    GA_STORE(&mh->seen_epoch, ~0ull, GA_SEQ_CST);   /* executes no decoded code while asleep */
    GA_STORE(&mh->parked, true, GA_SEQ_CST);
    while (!GA_LOAD(&mt->stop, GA_ACQUIRE)) {
        own_timers(mh);
        hart_irq_sync(h);
        if (h->mip & h->mie) break;
        uint64_t ns = own_deadline_ns(mh, 1000000000ull);
        if (ns == 0) continue;
        sleep_until_kicked(mt, mh, ns);
    }
    GA_STORE(&mh->parked, false, GA_SEQ_CST);
    wake_io(mt);   /* it may sleep long, with console output of this hart to flush */
}

/* A wfi that could not stall ended the slice (interp_body.inc L_wfi): an interrupt enabled in
 * mie is pending but not taken, and the guest loops around the wfi polling memory, as OpenSBI
 * 1.1's HSM wait does on secondary harts until the kernel starts them (the IPI that ended its
 * cold-boot wait stays pending, so every wfi falls through). Spinning there takes a host core
 * from the hart doing the work (a 4-hart Linux boot on 2 host cores: 3 such harts, about 20M
 * instructions each). So: a few short polls in a row yield, then the thread sleeps, from
 * MT_POLL_SLEEP_NS doubling to MT_POLL_SLEEP_MAX_NS, until a kick (an IPI: a CLINT msip write
 * kicks even when msip was already set), its own deadline, or the world stops. Only timing
 * changes: the spec lets a hart take any time to resume (3.3.3), and the guest's loop still
 * looks again after every wake-up. */
static void wfi_poll_wait(struct mt_hart *mh, uint64_t executed)
{
    struct mt *mt = mh->mt;
    if (executed > MT_POLL_BODY) {
        mh->polls = 0;
        sched_yield();
        return;
    }
    if (++mh->polls <= MT_POLLS_YIELD) {
        sched_yield();
        return;
    }
    unsigned shift = mh->polls - MT_POLLS_YIELD - 1;
    uint64_t cap = shift >= 32 ? MT_POLL_SLEEP_MAX_NS : MT_POLL_SLEEP_NS << shift;   /* no overflow */
    if (cap > MT_POLL_SLEEP_MAX_NS) cap = MT_POLL_SLEEP_MAX_NS;
    uint64_t ns = own_deadline_ns(mh, cap);
    if (ns == 0) return;
    sleep_until_kicked(mt, mh, ns);
}

/* After a slice of a hart with IPIs out (kick): forget the ones served (ipi_answer) and, if some
 * remain, sleep until a target serves one, a line of this hart rises, or MT_IPI_WAIT_NS have
 * passed since the first was sent (then stop waiting for them). Why: a hart that sends an IPI
 * mostly waits for the target's answer in a loop of its own (OpenSBI 1.1's remote fences wait in
 * tlb_sync for each target's acknowledgement, written after the target's fence; Linux's
 * smp_call_function waits for the function to run), and with more hart threads than host cores,
 * the target's thread often needs the very core the waiting hart spins on: a 4-hart boot on 2
 * cores spent 20-60M instructions, of 140-300M, in OpenSBI's tlb_sync, waiting mostly after the
 * target had cleared its msip (its thread descheduled by the host before it acknowledged). A
 * slice that sent one more IPI does not sleep, so that a hart sending to several targets sends to
 * all before it waits. Only timing changes: the wait is bounded, and a hart may take any time to
 * run its next instruction. Returns whether IPIs are still out. */
static bool ipi_wait(struct mt_hart *mh)
{
    struct mt *mt = mh->mt;
    uint32_t out = mh->ipi_out;
    for (unsigned t = 0; t < mt->n; t++)
        if ((out & 1u << t) && GA_LOAD(&mt->harts[t].served, GA_ACQUIRE) != mh->ipi_served_at[t]) out &= ~(1u << t);
    uint64_t now = out ? clock_host_ns() : 0;
    if (out && now - mh->ipi_since >= MT_IPI_WAIT_NS) out = 0;
    GA_STORE(&mh->ipi_out, out, GA_RELEASE);
    /* An IPI pending on this hart may be what a target waits for before it can serve ours (two
     * harts fencing each other: each processes the other's request only while it runs). */
    if (!out || mh->ipi_sent || (hart_irq_lines(mh->h) & MIP_MSIP)) return out != 0;
    uint64_t ns = MT_IPI_WAIT_NS - (now - mh->ipi_since);
    /* A target that answered after the look above woke this hart: `kicked` is set. */
    sleep_until_kicked(mt, mh, ns);
    return true;
}

/* clint.msip_cleared: a hart that clears its own msip is taking an IPI and starts answering it. */
static void msip_cleared(void *opaque, unsigned i)
{
    struct mt *mt = opaque;
    if (i < mt->n && self == &mt->harts[i]) self->answering = 1;
}

/* At the end of each slice of a hart answering an IPI: the slice that cleared its msip is followed
 * by a short one (the handler: OpenSBI's remote fence and the acknowledgement its sender waits
 * for, or the supervisor's handler), after which the IPI counts as served and its senders wake. */
static void ipi_answer(struct mt_hart *mh, bool waits)
{
    struct mt *mt = mh->mt;
    if (mh->answering == 1 && !waits) {
        mh->answering = 2;
        return;
    }
    mh->answering = 0;
    GA_FETCH_ADD(&mh->served, 1, GA_RELEASE);
    uint32_t bit = 1u << mh->index;
    for (unsigned j = 0; j < mt->n; j++)
        if (GA_LOAD(&mt->harts[j].ipi_out, GA_ACQUIRE) & bit) wake(&mt->harts[j]);
}

/* Free retired decoded pages that no hart can still be running. */
static void reclaim(struct mt *mt)
{
    uint64_t min = ~0ull;
    for (unsigned i = 0; i < mt->n; i++) {
        uint64_t e = GA_LOAD(&mt->harts[i].seen_epoch, GA_SEQ_CST);
        if (e < min) min = e;
    }
    codecache_reclaim(min);
}

static void debug_stop(struct mt *mt, unsigned i, enum hart_stop stop)
{
    struct machine *m = mt->m;
    pthread_mutex_lock(&mt->stop_lock);
    if (!m->debug_stopped) {
        m->debug_stopped = true;
        m->last_stop.hart = i;
        m->last_stop.pc = m->harts[i]->pc;
        m->last_stop.reason = stop == HART_STOP_BREAKPOINT ? VDBG_STOP_BREAKPOINT : VDBG_STOP_WATCHPOINT;
    }
    pthread_mutex_unlock(&mt->stop_lock);
    stop_all(mt);
}

static bool machine_must_stop(struct machine *m)
{
    pthread_mutex_t *l = m->bus.mmio_lock;
    pthread_mutex_lock(l);   /* the flags are written by devices, under the lock */
    bool stop = m->exit_requested || m->quit_requested || m->reset_requested;
    pthread_mutex_unlock(l);
    return stop;
}

static void *hart_thread(void *arg)
{
    struct mt_hart *mh = arg;
    struct mt *mt = mh->mt;
    struct machine *m = mt->m;
    struct hart *h = mh->h;
    unsigned slices = 0;
    self = mh;
    GA_STORE(&mh->ipi_out, 0, GA_RELEASE);
    mh->answering = 0;
    while (!GA_LOAD(&mt->stop, GA_ACQUIRE)) {
        GA_STORE(&mh->seen_epoch, codecache_epoch(), GA_SEQ_CST);
        if ((++slices & 63) == 0) reclaim(mt);
        own_timers(mh);
        uint64_t budget = mh->ipi_out || mh->answering ? MT_IPI_BODY : MT_SLICE;
        mh->ipi_sent = false;
        if (mt->max) {
            uint64_t done = GA_LOAD(&mt->total, GA_RELAXED);
            if (done >= mt->max) {
                stop_all(mt);
                break;
            }
            if (mt->max - done < budget) budget = mt->max - done;
        }
        uint64_t n = 0, exc0 = h->exceptions, spins0 = h->stats.spin_yields, polls0 = h->stats.wfi_polls;
        enum hart_stop stop = hart_run(h, budget, &n);
        uint64_t executed = n + (h->exceptions - exc0);
        mh->executed += executed;
        mh->retired += n;
        GA_FETCH_ADD(&mt->total, executed, GA_RELAXED);
        if (m->has_htif) {
            pthread_mutex_lock(&mt->dev_lock);
            htif_poll(&m->htif);
            pthread_mutex_unlock(&mt->dev_lock);
        }
        if (h->storm.count >= VHART_TRAP_STORM) {
            pthread_mutex_lock(&mt->stop_lock);
            if (!m->trap_storm) {
                m->trap_storm = true;
                m->storm_hart = mh->index;
            }
            pthread_mutex_unlock(&mt->stop_lock);
            stop_all(mt);
            break;
        }
        if (stop == HART_STOP_BREAKPOINT || stop == HART_STOP_WATCHPOINT) {
            debug_stop(mt, mh->index, stop);
            break;
        }
        if (h->need_exit && machine_must_stop(m)) {
            stop_all(mt);
            break;
        }
        if (mh->answering) ipi_answer(mh, stop == HART_STOP_WFI || h->stats.wfi_polls != polls0);
        /* (A sender that waits in wfi parks instead, which frees its core as well.) */
        if (mh->ipi_out && stop != HART_STOP_WFI && ipi_wait(mh)) continue;
        if (h->stats.wfi_polls != polls0) {
            wfi_poll_wait(mh, executed);
            continue;
        }
        mh->polls = 0;
        if (stop == HART_STOP_WFI) park(mh);
        /* A spin loop or pause ended the slice: let the thread it waits for have the core. */
        else if (h->stats.spin_yields != spins0) sched_yield();
    }
    GA_STORE(&mh->seen_epoch, ~0ull, GA_SEQ_CST);
    GA_STORE(&mh->ipi_out, 0, GA_RELEASE);
    self = NULL;
    return NULL;
}

static bool all_parked(struct mt *mt)
{
    for (unsigned i = 0; i < mt->n; i++)
        if (!GA_LOAD(&mt->harts[i].parked, GA_ACQUIRE)) return false;
    return true;
}

/* The I/O thread's round: host input into devices, the network, the display, the debugger. */
static void io_round(struct mt *mt, uint64_t now)
{
    struct machine *m = mt->m;
    pthread_mutex_lock(&mt->dev_lock);
    machine_poll_host_input(m);
    goldfish_rtc_update(&m->rtc);
    bool stop = m->exit_requested || m->quit_requested || m->reset_requested;
    pthread_mutex_unlock(&mt->dev_lock);
    if (m->debug_poll && m->debug_poll(m->debug_poll_opaque)) m->stop_requested = 1;
    if (m->stop_requested) {
        m->stop_requested = 0;
        pthread_mutex_lock(&mt->stop_lock);
        if (!m->debug_stopped) {
            m->debug_stopped = true;
            m->last_stop.reason = VDBG_STOP_REQUESTED;
            m->last_stop.hart = 0;
        }
        pthread_mutex_unlock(&mt->stop_lock);
        stop = true;
    }
    if (m->cfg.display && now >= m->next_frame_ns) {
        unsigned hz = m->cfg.display->refresh_hz ? m->cfg.display->refresh_hz : FRAMEBUFFER_REFRESH_HZ;
        m->next_frame_ns = now + 1000000000ull / hz;
        m->cfg.display->refresh(m->cfg.display->opaque);
    }
    if (stop) stop_all(mt);
}

/* Sleep until the next thing the I/O thread must do, or a wake-up byte, or console input. */
static void io_sleep(struct mt *mt, uint64_t now)
{
    struct machine *m = mt->m;
    uint64_t ns = MT_POLL_NS;
    bool idle = all_parked(mt);
    if (idle) {
        ns = m->has_net ? MT_IDLE_NET_NS : MT_IDLE_NS;
        pthread_mutex_lock(&mt->dev_lock);
        uint64_t alarm = goldfish_rtc_ns_to_alarm(&m->rtc);
        pthread_mutex_unlock(&mt->dev_lock);
        if (alarm < ns) ns = alarm;
        GA_STORE(&mt->io_asleep, true, GA_SEQ_CST);
        if (!all_parked(mt)) ns = MT_POLL_NS;   /* a hart woke meanwhile */
    }
    if (m->cfg.display && m->next_frame_ns > now && m->next_frame_ns - now < ns) ns = m->next_frame_ns - now;
    if (m->cfg.display && m->next_frame_ns <= now) ns = 0;
    struct pollfd p[2] = { { .fd = mt->wake[0], .events = POLLIN }, { .fd = -1, .events = POLLIN } };
    pthread_mutex_lock(&mt->dev_lock);
    if (m->cfg.console && uart16550_can_receive(&m->uart)) p[1].fd = m->cfg.console->poll_fd;
    pthread_mutex_unlock(&mt->dev_lock);
    int r = poll(p, 2, (int)((ns + 999999) / 1000000));
    GA_STORE(&mt->io_asleep, false, GA_SEQ_CST);
    if (r > 0 && (p[0].revents & POLLIN)) {
        char buf[64];
        while (read(mt->wake[0], buf, sizeof(buf)) > 0) { }
    }
    /* EOF or hang-up on the input keeps poll returning at once: sleep the rest instead. */
    if (r > 0 && (p[1].revents & (POLLHUP | POLLERR | POLLNVAL)) && !(p[0].revents & POLLIN)) {
        struct timespec ts = { 0, (long)(ns < 100000000ull ? ns : 100000000ull) };
        nanosleep(&ts, NULL);
    }
}

/* One run of the hart threads, until something stops the world. */
static void run_threads(struct mt *mt)
{
    struct machine *m = mt->m;
    GA_STORE(&mt->stop, false, GA_SEQ_CST);
    unsigned started = 0;
    for (unsigned i = 0; i < mt->n; i++) {
        struct mt_hart *mh = &mt->harts[i];
        mh->kicked = false;
        mh->parked = false;
        if (pthread_create(&mh->thread, NULL, hart_thread, mh)) break;
        started++;
    }
    if (started < mt->n) stop_all(mt);   /* out of threads: stop what started */
    /* As the single-threaded loop, which runs a slice before its first look at input: a run the
     * debugger starts and a breakpoint ends at once leaves typed-ahead lines to the debugger. */
    uint64_t next_poll = clock_host_ns() + MT_POLL_NS;
    while (!GA_LOAD(&mt->stop, GA_ACQUIRE)) {
        uint64_t now = clock_host_ns();
        if (now >= next_poll) {
            io_round(mt, now);
            next_poll = now + MT_POLL_NS;
        }
        if (GA_LOAD(&mt->stop, GA_ACQUIRE)) break;
        io_sleep(mt, now);
        if (all_parked(mt) || GA_LOAD(&mt->io_asleep, GA_RELAXED)) next_poll = 0;
    }
    for (unsigned i = 0; i < started; i++) pthread_join(mt->harts[i].thread, NULL);
    (void)m;
}

uint64_t machine_loop_mt(struct machine *m, uint64_t max, struct vhart_result *res)
{
    struct mt *mt = calloc(1, sizeof(*mt));
    if (!mt || pipe(mt->wake)) {
        free(mt);
        m->cfg.single_thread = true;   /* no threads to be had: the single-threaded loop */
        uint64_t n = machine_loop(m, max, res);
        m->cfg.single_thread = false;
        return n;
    }
    fcntl(mt->wake[0], F_SETFL, O_NONBLOCK);
    fcntl(mt->wake[1], F_SETFL, O_NONBLOCK);
    mt->m = m;
    mt->n = m->nharts;
    mt->max = max;
    pthread_mutexattr_t ra;
    pthread_mutexattr_init(&ra);
    pthread_mutexattr_settype(&ra, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&mt->dev_lock, &ra);
    pthread_mutexattr_destroy(&ra);
    pthread_mutex_init(&mt->stop_lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    for (unsigned i = 0; i < mt->n; i++) {
        struct mt_hart *mh = &mt->harts[i];
        mh->mt = mt;
        mh->h = m->harts[i];
        mh->index = i;
        pthread_mutex_init(&mh->lock, NULL);
        pthread_cond_init(&mh->cond, &ca);
        /* The reservation of another thread's LR is not this loop's business: SC's CAS is. */
    }
    pthread_condattr_destroy(&ca);

    if (!m->start_ns) m->start_ns = clock_host_ns();
    m->debug_stopped = false;
    m->trap_storm = false;
    uint64_t total = 0, retired = 0;
    for (;;) {
        /* Enter the threaded world: the device lock on the bus, kicks on the harts, decoded pages
         * retired instead of cleared. */
        m->bus.mmio_lock = &mt->dev_lock;
        m->bus.lock = dev_lock;
        m->bus.unlock = dev_unlock;
        bus_set_concurrent(&m->bus, true, code_page_dropped, mt);
        for (unsigned i = 0; i < mt->n; i++) {
            m->harts[i]->kick_opaque = &mt->harts[i];
            m->harts[i]->kick = kick;
        }
        m->clint.msip_opaque = mt;
        m->clint.msip_cleared = msip_cleared;
        run_threads(mt);
        /* Every hart thread has returned at an instruction boundary: one thread again. */
        m->clint.msip_cleared = NULL;
        m->clint.msip_opaque = NULL;
        for (unsigned i = 0; i < mt->n; i++) {
            m->harts[i]->kick = NULL;
            m->harts[i]->kick_opaque = NULL;
            hart_irq_sync(m->harts[i]);
            total += mt->harts[i].executed;
            retired += mt->harts[i].retired;
            mt->harts[i].executed = mt->harts[i].retired = 0;
        }
        bus_set_concurrent(&m->bus, false, NULL, NULL);
        m->bus.mmio_lock = NULL;
        codecache_reclaim(~0ull);
        if (m->reset_requested && !m->exit_requested && !m->quit_requested && !m->debug_stopped && !m->trap_storm &&
            !(max && total >= max)) {
            machine_reset(m);
            continue;
        }
        break;
    }
    m->instret_total += retired;
    if (m->cfg.console) m->cfg.console->flush(m->cfg.console->opaque);
    for (unsigned i = 0; i < mt->n; i++) {
        pthread_mutex_destroy(&mt->harts[i].lock);
        pthread_cond_destroy(&mt->harts[i].cond);
    }
    pthread_mutex_destroy(&mt->dev_lock);
    pthread_mutex_destroy(&mt->stop_lock);
    close(mt->wake[0]);
    close(mt->wake[1]);
    free(mt);
    machine_loop_result(m, total, retired, res);
    return total;
}
