/* The debug API (include/vhart/debug.h): run control, breakpoints planted in decoded slots,
 * watchpoints on flagged pages, side-effect-free register and memory access, page-walk
 * inspection and symbols. Used by the REPL and the gdb stub alike; the instruction trace is trace.c's. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "../cpu/codecache.h"
#include "../cpu/csr.h"
#include "../cpu/decode.h"
#include "../debug/disasm.h"
#include "../mem/mmu.h"
#include "../util/endian.h"
#include "machine_internal.h"
#include "replay.h"

#define PTE_FLAGS_MASK 0xffull

/* ---------------------------------------------------------------- helpers */

static struct hart *hart_of(struct machine *m, unsigned hart)
{
    return hart < m->nharts ? m->harts[hart] : NULL;
}

static struct dbg_point *point_by_id(struct machine *m, int id)
{
    for (int i = 0; i < DBG_MAX_POINTS; i++)
        if (m->points[i].id == id) return &m->points[i];
    return NULL;
}

/* Virtual -> physical for the debugger: the hart's current page tables, with the privilege its
 * own fetches (h->priv) or data accesses (mstatus.MPRV/MPP) have, so that M-mode addresses are
 * not translated; no A/D, no TLB, and no permission checks (a debugger may look at user pages
 * from S-mode with SUM=0). */
static int debug_translate(struct hart *h, uint64_t va, bool fetch, uint64_t *pa)
{
    unsigned shift;
    unsigned priv = fetch ? h->priv : mmu_data_priv(h);
    bool virt = fetch ? h->virt : mmu_data_virt(h);   /* a guest's addresses walk both stages */
    return mmu_translate(h, va, fetch ? MMU_FETCH : MMU_READ, priv, MMU_NO_PERMS | (virt ? MMU_VIRT : 0), pa, &shift,
                         NULL) ? -1 : 0;
}

/* The decoded slot for a physical address, allocating the page's slots if needed. */
static struct insn *slot_at(struct machine *m, uint64_t pa)
{
    struct bus_region *r = bus_find(&m->bus, pa);
    if (!r || !r->is_memory) return NULL;
    struct insn *slots = codecache_page(&m->bus, r, pa & ~0xfffull);
    return slots ? &slots[(pa & 0xfff) >> 1] : NULL;
}

static void add_pa(struct dbg_point *p, uint64_t pa)
{
    for (unsigned i = 0; i < p->npas; i++)
        if (p->pas[i] == pa) return;
    if (p->npas < sizeof(p->pas) / sizeof(p->pas[0])) p->pas[p->npas++] = pa;
}

/* Resolve a point's address to its physical addresses: each hart's translation of a virtual
 * address (for breakpoints both views a hart may fetch with: its page tables, and M-mode's
 * untranslated one), and only those backed by memory. */
static void resolve(struct machine *m, struct dbg_point *p)
{
    p->npas = 0;
    if (p->physical) {
        add_pa(p, p->addr);
    } else {
        for (unsigned i = 0; i < m->nharts; i++) {
            struct hart *h = m->harts[i];
            uint64_t pa;
            unsigned shift;
            if (p->is_watch) {
                if (debug_translate(h, p->addr, false, &pa) == 0) add_pa(p, pa);
                continue;
            }
            if (debug_translate(h, p->addr, true, &pa) == 0) add_pa(p, pa);
            if (mmu_translate(h, p->addr, MMU_FETCH, PRV_S, MMU_NO_PERMS, &pa, &shift, NULL) == 0) add_pa(p, pa);
            add_pa(p, p->addr);   /* the M-mode view */
        }
    }
    unsigned n = 0;
    for (unsigned i = 0; i < p->npas; i++) {
        struct bus_region *r = bus_find(&m->bus, p->pas[i]);
        if (r && r->is_memory) p->pas[n++] = p->pas[i];
    }
    p->npas = n;
}

static bool point_at(const struct dbg_point *p, uint64_t pa)
{
    for (unsigned i = 0; i < p->npas; i++)
        if (p->pas[i] == pa) return true;
    return false;
}

/* Breakpoints are OP_BREAKPOINT in the slot of their physical addresses: free when none is set. */
static void plant(struct machine *m, struct dbg_point *p)
{
    resolve(m, p);
    for (unsigned i = 0; i < p->npas; i++) {
        struct insn *s = slot_at(m, p->pas[i]);
        if (!s) continue;
        s->op = OP_BREAKPOINT;
        /* A fused group (decode.h insn_group_bytes) that starts before the breakpoint and
         * covers it would run over it: its head decodes again (and, with a breakpoint set,
         * stays unfused). */
        unsigned idx = (unsigned)((p->pas[i] & 0xfff) >> 1);
        for (unsigned back = 1; back < INSN_GROUP_MAX / 2 && back <= idx; back++)
            if (insn_group_bytes(s[-(int)back].op) > 2 * back) s[-(int)back].op = OP_DECODE;
    }
}

static void unplant(struct machine *m, const struct dbg_point *p)
{
    for (unsigned i = 0; i < p->npas; i++) {
        struct insn *s = slot_at(m, p->pas[i]);
        if (s && s->op == OP_BREAKPOINT) s->op = OP_DECODE;   /* decoded again on next use */
    }
}

static void set_page_watch(struct machine *m, uint64_t pa, uint64_t len, bool on)
{
    for (uint64_t a = pa & ~0xfffull; a < pa + len; a += 4096) {
        struct bus_region *r = bus_find(&m->bus, a);
        if (!r || !r->is_memory) continue;
        uint8_t *f = &r->page_flags[(a - r->base) >> 12];
        if (on) *f |= PAGE_DEBUG_WATCH;
        else *f &= (uint8_t)~PAGE_DEBUG_WATCH;
    }
}

/* Rebuild page flags from every watchpoint (after one is deleted, pages may be shared). */
static void refresh_watch_pages(struct machine *m)
{
    for (int i = 0; i < DBG_MAX_POINTS; i++) {
        struct dbg_point *p = &m->points[i];
        for (unsigned k = 0; p->id && p->is_watch && k < p->npas; k++) set_page_watch(m, p->pas[k], p->len, false);
    }
    for (int i = 0; i < DBG_MAX_POINTS; i++) {
        struct dbg_point *p = &m->points[i];
        for (unsigned k = 0; p->id && p->is_watch && k < p->npas; k++) set_page_watch(m, p->pas[k], p->len, true);
    }
    for (unsigned i = 0; i < m->nharts; i++) mmu_flush_all(m->harts[i]);
}

/* ---------------------------------------------------------------- bus hooks */

static bool hook_bp_at(void *opaque, uint64_t pa)
{
    struct machine *m = opaque;
    for (int i = 0; i < DBG_MAX_POINTS; i++) {
        const struct dbg_point *p = &m->points[i];
        if (p->id && !p->is_watch && point_at(p, pa)) return true;
    }
    return false;
}

/* A hart reached a planted slot: it stops if a breakpoint is at its pc in its own address space
 * (virtual) or at the physical address it fetches from (physical). */
static bool hook_bp_stop(void *opaque, struct hart *h, uint64_t pc)
{
    struct machine *m = opaque;
    uint64_t pa;
    if (debug_translate(h, pc, true, &pa)) return false;
    for (int i = 0; i < DBG_MAX_POINTS; i++) {
        struct dbg_point *p = &m->points[i];
        if (!p->id || p->is_watch) continue;
        if (p->physical ? p->addr != pa : p->addr != pc) continue;   /* another mapping of the page */
        p->hits++;
        m->last_stop.id = p->id;
        m->last_stop.addr = p->addr;
        return true;
    }
    return false;
}

static bool hook_watch_hit(void *opaque, struct hart *h, uint64_t pa, unsigned size, bool write)
{
    struct machine *m = opaque;
    (void)h;
    for (int i = 0; i < DBG_MAX_POINTS; i++) {
        struct dbg_point *p = &m->points[i];
        if (!p->id || !p->is_watch) continue;
        if (!((write ? VDBG_WATCH_WRITE : VDBG_WATCH_READ) & p->kind)) continue;
        for (unsigned k = 0; k < p->npas; k++) {
            uint64_t base = p->pas[k];
            if (pa + size <= base || pa >= base + p->len) continue;
            p->hits++;
            m->last_stop.id = p->id;
            m->last_stop.addr = p->physical ? pa : p->addr + (pa > base ? pa - base : 0);
            m->last_stop.write = write;
            return true;
        }
    }
    return false;
}

static void unplant(struct machine *m, const struct dbg_point *p);

/* A satp write changed the address space: virtual breakpoints move to their new frames. */
static void hook_satp_written(void *opaque, struct hart *h)
{
    struct machine *m = opaque;
    (void)h;
    for (int i = 0; i < DBG_MAX_POINTS; i++) {
        struct dbg_point *p = &m->points[i];
        if (!p->id || p->is_watch || p->physical) continue;
        unplant(m, p);
        plant(m, p);
    }
}

/* The hooks the interpreter and the MMU call, set when the first breakpoint or watchpoint is added:
 * until then the harts' shared hooks stay empty (machine.c made them). */
static void install_hooks(struct machine *m)
{
    struct hart_debug_hooks *d = &m->debug_hooks;
    d->satp_written = hook_satp_written;
    d->bp_at = hook_bp_at;
    d->bp_stop = hook_bp_stop;
    d->watch_hit = hook_watch_hit;
    d->opaque = m;
}

/* ---------------------------------------------------------------- run control */

unsigned vdbg_harts(const struct machine *m) { return m->nharts; }

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* While the debugger holds the machine, its timer stands still (as QEMU's virtual clock does),
 * so the next step does not land in a timer interrupt that became due at the prompt. */
static void pause_clock(struct machine *m) { m->paused_at_ns = now_ns(); }

static void prepare_resume(struct machine *m)
{
    if (m->paused_at_ns && m->start_ns) m->start_ns += now_ns() - m->paused_at_ns;
    m->paused_at_ns = 0;
    /* A hart sitting on a breakpoint executes that instruction instead of stopping again. */
    for (unsigned i = 0; i < m->nharts; i++) m->harts[i]->bp_resume_pc = m->harts[i]->pc;
    /* Virtual breakpoints follow the current address space. */
    for (int i = 0; i < DBG_MAX_POINTS; i++) {
        struct dbg_point *p = &m->points[i];
        if (p->id && !p->is_watch && !p->physical) {
            unplant(m, p);
            plant(m, p);
        }
    }
    m->quit_requested = false;
    m->stop_requested = 0;
    memset(&m->last_stop, 0, sizeof(m->last_stop));
}

/* The trap h just took, read back from the CSRs of the mode that took it. */
static void trap_taken(const struct hart *h, struct vdbg_trap *t)
{
    bool m_mode = h->priv == PRV_M;
    t->priv = h->priv;
    t->cause = m_mode ? h->mcause : h->scause;
    t->epc = m_mode ? h->mepc : h->sepc;
    t->tval = m_mode ? h->mtval : h->stval;
    t->vector = h->pc;
}

static void finish_stop(struct machine *m, struct vhart_result *res, struct vdbg_stop *stop, bool stepped)
{
    if (res->reason == VHART_EXIT_TRAP_STORM) {
        m->last_stop.reason = VDBG_STOP_TRAP_STORM;
        m->last_stop.hart = res->trap_storm.hart;
        m->last_stop.trapped = true;
        m->last_stop.trap = (struct vdbg_trap){ .cause = res->trap_storm.cause, .epc = res->trap_storm.pc,
                                                .tval = res->trap_storm.tval, .vector = res->trap_storm.vector,
                                                .priv = m->harts[res->trap_storm.hart]->priv };
    } else if (res->reason == VHART_EXIT_POWEROFF) {
        m->last_stop.reason = VDBG_STOP_EXITED;
        m->last_stop.exit_code = res->exit_code;
    } else if (res->reason == VHART_EXIT_QUIT) {
        m->last_stop.reason = VDBG_STOP_QUIT;
    } else if (!m->debug_stopped && stepped) {
        m->last_stop.reason = VDBG_STOP_STEP;
    }
    if (m->last_stop.hart < m->nharts) m->last_stop.pc = m->harts[m->last_stop.hart]->pc;
    *stop = m->last_stop;
}

int vdbg_step(struct machine *m, unsigned hart, uint64_t n, struct vdbg_stop *stop)
{
    struct hart *h = hart_of(m, hart);
    if (!h || n == 0) return VDBG_EINVAL;
    history_before_run(m);
    uint64_t pos0 = history_position(m);
    prepare_resume(m);
    m->last_stop.hart = hart;
    m->debug_stopped = false;
    uint64_t done = 0;
    bool trapped = false;
    struct vhart_result res = { .reason = VHART_EXIT_MAX_INSNS };
    while (done < n && !m->exit_requested && !m->debug_stopped) {
        uint64_t k = 0;
        machine_update_timers(m);
        if (m->replay) replay_boundary(m);   /* inputs logged (or replayed) here, as between slices */
        /* An interrupt due now is a step of its own: it ends at the handler, which has not run. */
        if (hart_take_interrupt(h)) {
            trap_taken(h, &m->last_stop.trap);
            trapped = true;
            break;
        }
        uint64_t exc0 = h->exceptions;
        if (m->trace) trace_prepare(m, h);
        uint64_t want = m->trace ? 1 : n - done, cap = m->replay ? replay_cap(m) : 0;
        if (cap && cap < want) want = cap;   /* stop at the next logged input's point */
        enum hart_stop s = hart_run_exact(h, want, &k);
        if (k && m->trace) trace_step(m, h);
        done += k + (h->exceptions - exc0);
        /* The run ended with an exception and nothing retired after it: the step stops at its handler. */
        trapped = h->exceptions != exc0 && h->storm.count > 0;
        if (trapped) trap_taken(h, &m->last_stop.trap);
        if (m->has_htif) htif_poll(&m->htif);
        if (s == HART_STOP_BREAKPOINT || s == HART_STOP_WATCHPOINT) {
            m->debug_stopped = true;
            m->last_stop.reason = s == HART_STOP_BREAKPOINT ? VDBG_STOP_BREAKPOINT : VDBG_STOP_WATCHPOINT;
        }
        if (s == HART_STOP_WFI && !(h->mip & h->mie)) break;   /* waits for an interrupt: stop here */
        if (k == 0 && s == HART_STOP_BUDGET) break;   /* a trap: the step ends at the handler */
        if (m->reset_requested) break;
    }
    if (m->exit_requested) {
        res.reason = VHART_EXIT_POWEROFF;
        res.exit_code = m->exit_code;
    }
    m->last_stop.hart = hart;
    m->last_stop.trapped = trapped && !m->debug_stopped;
    if (m->trace) fflush(m->trace);
    finish_stop(m, &res, stop, true);
    m->debug_stopped = false;
    pause_clock(m);
    history_after_step(m, hart, n, pos0);
    return VDBG_OK;
}

int vdbg_continue(struct machine *m, struct vdbg_stop *stop)
{
    history_before_run(m);
    prepare_resume(m);
    struct vhart_result res = { 0 };
    if (history_recording(m)) history_continue(m, &res);   /* in pieces, checkpointed */
    else machine_loop(m, 0, &res);
    finish_stop(m, &res, stop, false);
    m->debug_stopped = false;
    pause_clock(m);
    return VDBG_OK;
}

int vdbg_run_until(struct machine *m, unsigned hart, uint64_t addr, struct vdbg_stop *stop)
{
    if (!hart_of(m, hart)) return VDBG_EINVAL;
    int id = vdbg_break_add(m, addr, false);
    if (id < 0) return id;
    point_by_id(m, id)->temporary = true;
    int rc = vdbg_continue(m, stop);
    vdbg_delete(m, id);
    if (stop->reason == VDBG_STOP_BREAKPOINT && stop->id == id) stop->id = 0;
    return rc;
}

void vdbg_request_stop(struct machine *m) { m->stop_requested = 1; }

void vdbg_set_poll(struct machine *m, bool (*poll)(void *opaque), void *opaque)
{
    m->debug_poll = poll;
    m->debug_poll_opaque = opaque;
}

/* ---------------------------------------------------------------- points */

static struct dbg_point *new_point(struct machine *m)
{
    if (!m->next_point_id) {   /* the first one: ids count from 1, the hooks go in */
        m->next_point_id = 1;
        install_hooks(m);
    }
    for (int i = 0; i < DBG_MAX_POINTS; i++)
        if (!m->points[i].id) {
            memset(&m->points[i], 0, sizeof(m->points[i]));
            m->points[i].id = m->next_point_id++;
            return &m->points[i];
        }
    return NULL;
}

int vdbg_break_add(struct machine *m, uint64_t addr, bool physical)
{
    if (addr & 1) return VDBG_EINVAL;
    struct dbg_point *p = new_point(m);
    if (!p) return VDBG_ENOSPC;
    p->addr = addr;
    p->physical = physical;
    p->len = 2;
    plant(m, p);
    m->debug_hooks.n_breakpoints++;
    return p->id;
}

int vdbg_watch_add(struct machine *m, uint64_t addr, uint64_t len, enum vdbg_watch_kind kind, bool physical)
{
    if (len == 0 || len > (1u << 20) || !(kind & VDBG_WATCH_ACCESS)) return VDBG_EINVAL;
    /* Resolved where it starts (each hart's translation, or the physical address). */
    struct dbg_point probe = { .is_watch = true, .physical = physical, .addr = addr };
    resolve(m, &probe);
    if (probe.npas == 0) return VDBG_EFAULT;
    /* A virtual range is resolved page by page only for its start: keep it within a page. */
    if (!physical && ((addr ^ (addr + len - 1)) >> 12)) return VDBG_EINVAL;
    struct dbg_point *p = new_point(m);
    if (!p) return VDBG_ENOSPC;
    *p = probe;
    p->id = m->next_point_id - 1;
    p->len = len;
    p->kind = kind;
    m->debug_hooks.n_watchpoints++;
    refresh_watch_pages(m);
    return p->id;
}

int vdbg_delete(struct machine *m, int id)
{
    struct dbg_point *p = point_by_id(m, id);
    if (!p || id <= 0) return VDBG_ENOENT;
    if (p->is_watch) {
        p->id = 0;
        m->debug_hooks.n_watchpoints--;
        for (unsigned k = 0; k < p->npas; k++) set_page_watch(m, p->pas[k], p->len, false);
        refresh_watch_pages(m);
    } else {
        unplant(m, p);
        p->id = 0;
        m->debug_hooks.n_breakpoints--;
        /* Another breakpoint may share the slot: plant the rest again. */
        for (int i = 0; i < DBG_MAX_POINTS; i++)
            if (m->points[i].id && !m->points[i].is_watch) plant(m, &m->points[i]);
    }
    return VDBG_OK;
}

int vdbg_list(const struct machine *m, struct vdbg_point *out, int max)
{
    int n = 0;
    for (int i = 0; i < DBG_MAX_POINTS; i++) {
        const struct dbg_point *p = &m->points[i];
        if (!p->id || p->temporary) continue;
        if (n < max)
            out[n] = (struct vdbg_point){ .id = p->id, .is_watch = p->is_watch, .physical = p->physical,
                                          .addr = p->addr, .len = p->len, .kind = p->kind, .hits = p->hits };
        n++;
    }
    return n;
}

/* ---------------------------------------------------------------- registers */

static const char *const abi_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};
static const char *const fp_abi_names[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
    "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

int vdbg_reg_read(struct machine *m, unsigned hart, unsigned reg, uint64_t *value)
{
    struct hart *h = hart_of(m, hart);
    if (!h) return VDBG_EINVAL;
    if (reg < 32) *value = h->x[reg];
    else if (reg == VDBG_REG_PC) *value = h->pc;
    else if (reg < VDBG_REG_CSR0) *value = h->f[reg - VDBG_REG_F0];
    else if (reg == VDBG_REG_PRIV) *value = h->priv | (h->virt ? 4u : 0u);   /* bit 2: V (debug spec's priv) */
    else if (reg == VDBG_REG_CSR0 + CSR_FFLAGS && (h->ext & EXT_F)) *value = h->fflags;   /* even with FS=Off */
    else if (reg == VDBG_REG_CSR0 + CSR_FRM && (h->ext & EXT_F)) *value = h->frm;
    else if (reg == VDBG_REG_CSR0 + CSR_FCSR && (h->ext & EXT_F)) *value = ((uint64_t)h->frm << 5) | h->fflags;
    else if (reg < VDBG_REG_PRIV) {
        /* The debugger sees every CSR by its own number, whatever the hart's privilege and V. */
        unsigned saved = h->priv;
        bool saved_v = h->virt;
        h->priv = PRV_M;
        h->virt = false;
        int rc = csr_read(h, reg - VDBG_REG_CSR0, value);
        h->priv = saved;
        h->virt = saved_v;
        if (rc) return VDBG_ENOENT;
    } else {
        return VDBG_EINVAL;
    }
    return VDBG_OK;
}

int vdbg_reg_write(struct machine *m, unsigned hart, unsigned reg, uint64_t value)
{
    struct hart *h = hart_of(m, hart);
    if (!h) return VDBG_EINVAL;
    if (reg == 0) return VDBG_OK;   /* x0 stays zero */
    if (reg < 32) h->x[reg] = value;
    else if (reg == VDBG_REG_PC) h->pc = value & ~1ull;
    else if (reg < VDBG_REG_CSR0) h->f[reg - VDBG_REG_F0] = value;
    else if (reg == VDBG_REG_PRIV) {
        /* 0 U, 1 S, 3 M; with H also 4 VU and 5 VS (bit 2 is V, as the debug spec's priv). */
        bool v = (value & 4) != 0;
        unsigned p = (unsigned)(value & 3);
        if (value > 5 || p == 2 || (v && (p == PRV_M || !(h->ext & EXT_H)))) return VDBG_EINVAL;
        h->priv = p;
        h->virt = v;
        hart_update_mmu_mode(h);
    } else if (reg < VDBG_REG_PRIV) {
        unsigned saved = h->priv;
        bool saved_v = h->virt;
        h->priv = PRV_M;
        h->virt = false;
        int rc = csr_check_access(h, reg - VDBG_REG_CSR0, false) ? -1 : csr_write(h, reg - VDBG_REG_CSR0, value);
        h->priv = saved;
        h->virt = saved_v;
        hart_update_mmu_mode(h);
        if (rc) return VDBG_ENOENT;
    } else {
        return VDBG_EINVAL;
    }
    return VDBG_OK;
}

int vdbg_reg_number(const char *name)
{
    if (!strcmp(name, "pc")) return VDBG_REG_PC;
    if (!strcmp(name, "priv")) return VDBG_REG_PRIV;
    if (!strcmp(name, "fp")) return 8;
    for (int i = 0; i < 32; i++) {
        char buf[16];
        snprintf(buf, sizeof(buf), "x%d", i);
        if (!strcmp(name, abi_names[i]) || !strcmp(name, buf)) return i;
        snprintf(buf, sizeof(buf), "f%d", i);
        if (!strcmp(name, fp_abi_names[i]) || !strcmp(name, buf)) return VDBG_REG_F0 + i;
    }
    int csr = csr_number(name);
    return csr >= 0 ? VDBG_REG_CSR0 + csr : VDBG_ENOENT;
}

const char *vdbg_reg_name(unsigned reg, char *buf, size_t len)
{
    if (reg < 32) return abi_names[reg];
    if (reg == VDBG_REG_PC) return "pc";
    if (reg < VDBG_REG_CSR0) return fp_abi_names[reg - VDBG_REG_F0];
    if (reg == VDBG_REG_PRIV) return "priv";
    if (reg < VDBG_REG_PRIV) return csr_name(reg - VDBG_REG_CSR0, buf, len);
    return NULL;
}

/* ---------------------------------------------------------------- memory */

static int mem_access(struct machine *m, unsigned hart, uint64_t addr, bool physical, void *buf, size_t len, bool write)
{
    struct hart *h = hart_of(m, hart);
    if (!h) return VDBG_EINVAL;
    uint8_t *p = buf;
    while (len > 0) {
        size_t chunk = 4096 - (addr & 0xfff);
        if (chunk > len) chunk = len;
        uint64_t pa = addr;
        if (!physical && debug_translate(h, addr, false, &pa)) return VDBG_EFAULT;
        struct bus_region *r = bus_find(&m->bus, pa);
        if (!r || !r->is_memory || chunk > r->size - (pa - r->base)) return VDBG_EFAULT;
        if (write) {
            if (r->read_only) memcpy(r->host + (pa - r->base), p, chunk);   /* the debugger may patch ROM */
            else if (bus_copy_to_guest(&m->bus, pa, p, chunk)) return VDBG_EFAULT;
            if (r->read_only) bus_memory_written(&m->bus, r, pa, chunk);
        } else {
            memcpy(p, r->host + (pa - r->base), chunk);
        }
        addr += chunk;
        p += chunk;
        len -= chunk;
    }
    return VDBG_OK;
}

int vdbg_mem_read(struct machine *m, unsigned hart, uint64_t addr, bool physical, void *buf, size_t len)
{
    return mem_access(m, hart, addr, physical, buf, len, false);
}

int vdbg_mem_write(struct machine *m, unsigned hart, uint64_t addr, bool physical, const void *buf, size_t len)
{
    return mem_access(m, hart, addr, physical, (void *)(uintptr_t)buf, len, true);
}

/* ---------------------------------------------------------------- translation */

int vdbg_translate(struct machine *m, unsigned hart, uint64_t va, bool fetch, struct vdbg_translation *t)
{
    struct hart *h = hart_of(m, hart);
    if (!h) return VDBG_EINVAL;
    struct mmu_walk_trace tr;
    unsigned priv = fetch ? h->priv : mmu_data_priv(h);
    bool virt = fetch ? h->virt : mmu_data_virt(h);
    memset(t, 0, sizeof(*t));
    t->virt = virt;
    t->mode = virt ? (unsigned)(h->vsatp >> 60) : priv == PRV_M ? 0 : (unsigned)(h->satp >> 60);
    t->gmode = virt ? (unsigned)(h->hgatp >> 60) : 0;
    /* The MMU's own walker, asked to report each step (no A/D update: a look, not an access). */
    int cause = mmu_translate(h, va, fetch ? MMU_FETCH : MMU_READ, priv, virt ? MMU_VIRT : 0, &t->pa, &t->page_shift, &tr);
    t->levels = tr.steps;
    for (int i = 0; i < tr.steps && i < VDBG_WALK_MAX; i++)
        t->walk[i] = (struct vdbg_walk_level){ tr.step[i].level, tr.step[i].pte_addr, tr.step[i].pte, tr.step[i].stage,
                                               tr.step[i].gpa };
    t->ok = cause == 0;
    t->fault_cause = cause;
    t->fault_stage = tr.fault_stage;
    t->why = tr.why;
    return VDBG_OK;
}

struct range_state {
    void (*fn)(void *, uint64_t, uint64_t, uint64_t, unsigned);
    void *ctx;
    bool open;
    uint64_t va, pa, size;
    unsigned flags;
};

static void range_add(struct range_state *st, uint64_t va, uint64_t pa, uint64_t size, unsigned flags)
{
    if (st->open && st->va + st->size == va && st->pa + st->size == pa && st->flags == flags) {
        st->size += size;
        return;
    }
    if (st->open) st->fn(st->ctx, st->va, st->pa, st->size, st->flags);
    *st = (struct range_state){ st->fn, st->ctx, true, va, pa, size, flags };
}

static void walk_table(struct machine *m, uint64_t table, int level, unsigned levels, uint64_t va_base,
                       struct range_state *st)
{
    for (uint64_t i = 0; i < 512; i++) {
        uint64_t pte;
        if (bus_read(&m->bus, table + 8 * i, 8, &pte) || !(pte & 1)) continue;
        uint64_t va = va_base | (i << (12 + 9 * level));
        /* Sign-extend from the top VA bit to a canonical address. */
        unsigned top = 12 + 9 * levels - 1;
        if ((va >> top) & 1) va |= ~0ull << top;
        uint64_t ppn = (pte >> 10) & ((1ull << 44) - 1);
        if (pte & 0xa) {   /* R or X: a leaf */
            uint64_t size = 1ull << (12 + 9 * level);
            range_add(st, va, ppn << 12, size, (unsigned)(pte & PTE_FLAGS_MASK));
        } else if (level > 0) {
            walk_table(m, ppn << 12, level - 1, levels, va & ~((1ull << top) - 1) ? va : va, st);
        }
    }
}

int vdbg_pagetable(struct machine *m, unsigned hart, void (*fn)(void *, uint64_t, uint64_t, uint64_t, unsigned),
                   void *ctx)
{
    struct hart *h = hart_of(m, hart);
    if (!h) return VDBG_EINVAL;
    unsigned mode = (unsigned)(h->satp >> 60);
    if (mode == 0) return VDBG_ENOENT;
    unsigned levels = mode == 8 ? 3 : mode == 9 ? 4 : 5;
    struct range_state st = { .fn = fn, .ctx = ctx };
    walk_table(m, (h->satp & ((1ull << 44) - 1)) << 12, (int)levels - 1, levels, 0, &st);
    if (st.open) fn(ctx, st.va, st.pa, st.size, st.flags);
    return VDBG_OK;
}

static uint64_t host_to_pa(struct machine *m, uintptr_t host)
{
    for (unsigned i = 0; i < m->bus.count; i++) {
        const struct bus_region *r = &m->bus.regions[i];
        if (r->is_memory && host >= (uintptr_t)r->host && host < (uintptr_t)r->host + r->size)
            return r->base + (host - (uintptr_t)r->host);
    }
    return ~0ull;
}

int vdbg_tlb(struct machine *m, unsigned hart, void (*fn)(void *, char, unsigned, int, uint64_t, uint64_t), void *ctx)
{
    struct hart *h = hart_of(m, hart);
    if (!h) return VDBG_EINVAL;
    /* Sets past the V=0 ones belong to VMID slots (cpu/hart.h): the slot's key names the VMID. */
    for (unsigned s = 0; s < DTLB_SETS; s++) {
        int vmid = s < DTLB_SETS_V0 ? -1 : (int)TLB_VMID(h->vslots[(s - DTLB_SETS_V0) / DTLB_VSETS].hgatp);
        if (!h->dtlbs[s].ready) continue;   /* entries not set up since reset (cpu/hart.h) */
        for (unsigned i = 0; i < TLB_SIZE; i++) {
            const struct tlb_entry *r = &h->dtlbs[s].r[i], *w = &h->dtlbs[s].w[i];
            if (r->tag != TLB_INVALID) fn(ctx, 'r', s, vmid, r->tag, host_to_pa(m, (uintptr_t)r->tag + r->addend));
            if (w->tag != TLB_INVALID) fn(ctx, 'w', s, vmid, w->tag, host_to_pa(m, (uintptr_t)w->tag + w->addend));
        }
    }
    for (unsigned s = 0; s < ITLB_SETS; s++) {
        int vmid = s < ITLB_SETS_V0 ? -1 : (int)TLB_VMID(h->vslots[(s - ITLB_SETS_V0) / ITLB_VSETS].hgatp);
        if (!h->itlbs[s].ready) continue;
        for (unsigned i = 0; i < TLB_SIZE; i++) {
            const struct tlb_fetch_entry *x = &h->itlbs[s].x[i];
            if (x->tag != TLB_INVALID) fn(ctx, 'x', s, vmid, x->tag, x->paddr);
        }
    }
    return VDBG_OK;
}

int vdbg_devices(struct machine *m, void (*fn)(void *, const char *, const char *), void *ctx)
{
    char line[512], name[32];
    uart16550_describe(&m->uart, line, sizeof(line));
    fn(ctx, "uart0", line);
    plic_describe(&m->plic, line, sizeof(line));
    fn(ctx, "plic", line);
    uint64_t now = m->clint.read_time(m->clint.time_opaque);
    int o = snprintf(line, sizeof(line), "mtime %llu", (unsigned long long)now);
    for (unsigned i = 0; i < m->nharts && o > 0 && (size_t)o < sizeof(line); i++)
        o += snprintf(line + o, sizeof(line) - (size_t)o, ", hart %u mtimecmp %s%llx msip %d", i,
                      m->clint.mtimecmp[i] == ~0ull ? "(none) 0x" : "0x", (unsigned long long)m->clint.mtimecmp[i],
                      (m->harts[i]->mip & MIP_MSIP) ? 1 : 0);
    fn(ctx, "clint", line);
    goldfish_rtc_describe(&m->rtc, line, sizeof(line));
    fn(ctx, "rtc", line);
    for (unsigned i = 0; i < BOARD_VIRTIO_SLOTS; i++) {
        if (!m->slots[i].used) continue;
        snprintf(name, sizeof(name), "virtio%u", i);
        virtio_describe(&m->slots[i].dev, line, sizeof(line));
        fn(ctx, name, line);
    }
    return VDBG_OK;
}

/* ---------------------------------------------------------------- symbols */

int vdbg_symbols_add_elf(struct machine *m, const char *path, char *err, size_t err_len)
{
    struct elf_image img;
    if (elf_open(path, &img, err, err_len)) return VDBG_ENOENT;
    if (img.symbol_count == 0) {
        snprintf(err, err_len, "%s: no symbol table", path);
        elf_close(&img);
        return VDBG_ENOENT;
    }
    symbols_add_elf(m, &img);
    elf_close(&img);
    return VDBG_OK;
}


/* The REPL's `reset`: the machine's own reset path (syscon reboot, SBI system reset), taken at once. */
int vdbg_reset(struct machine *m)
{
    machine_reset(m);
    return VDBG_OK;
}
