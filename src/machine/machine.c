/* The machine: builds RAM, harts and devices from a vhart_config, loads the program and runs
 * the harts round-robin in slices, with the timer and idle (WFI) handling in between. */
#define _POSIX_C_SOURCE 200809L
#include <vhart/machine.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../cpu/codecache.h"
#include "../cpu/decode.h"
#include "../cpu/hart.h"
#include "../cpu/isa.h"
#include "../dev/clint.h"
#include "../dev/htif.h"
#include "../dev/syscon.h"
#include "../mem/bus.h"
#include "../mem/mmu.h"
#include "elf.h"

/* Instructions per hart between looks at timers and devices. */
#define RUN_SLICE 65536
/* mtime frequency (Hz), as on QEMU virt; the device tree will advertise it. */
#define TIMEBASE_HZ 10000000ull

/* hart_run may pass its budget by up to a page of straight-line code. */
#define FAST_OVERRUN CODECACHE_SLOTS



struct machine {
    struct vhart_config cfg;
    struct bus bus;
    struct hart *harts[VHART_MAX_HARTS];
    unsigned nharts;
    struct clint clint;
    struct syscon syscon;
    struct htif htif;
    bool has_htif;
    struct elf_image elf;
    uint64_t entry;
    uint64_t start_ns;
    int64_t mtime_offset;
    bool exit_requested, reset_requested;
    int exit_code;
};

static uint64_t host_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t machine_time(void *opaque)
{
    struct machine *m = opaque;
    return (host_ns() - m->start_ns) / (1000000000ull / TIMEBASE_HZ) + (uint64_t)m->mtime_offset;
}

static void machine_set_time(void *opaque, uint64_t value)
{
    struct machine *m = opaque;
    m->mtime_offset = (int64_t)(value - (machine_time(m) - (uint64_t)m->mtime_offset));
}

static void request_exit(void *opaque, int code)
{
    struct machine *m = opaque;
    if (code < 0) {
        m->reset_requested = true;
        return;
    }
    m->exit_requested = true;
    m->exit_code = code;
}

static void htif_output(void *opaque, int fd, const uint8_t *data, uint64_t len)
{
    (void)opaque;
    int out = fd == 2 ? STDERR_FILENO : STDOUT_FILENO;
    while (len > 0) {
        ssize_t n = write(out, data, (size_t)len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        data += n;
        len -= (uint64_t)n;
    }
}

/* A page gained decoded code: no hart may keep a fast write path into it. */
static void code_page_added(void *opaque, uint64_t paddr)
{
    struct machine *m = opaque;
    const uint8_t *host = bus_host_ptr(&m->bus, paddr, 4096);
    for (unsigned i = 0; i < m->nharts; i++) mmu_drop_writes_to(m->harts[i], host);
}

static void reset_harts(struct machine *m)
{
    for (unsigned i = 0; i < m->nharts; i++) {
        struct hart *h = m->harts[i];
        hart_reset(h, i, m->entry, m->cfg.ext);
        h->x[10] = i;   /* a0 = hartid */
    }
}

int machine_create(const struct vhart_config *cfg, struct machine **out, char *err, size_t err_len)
{
    *out = NULL;
    if (cfg->harts < 1 || cfg->harts > VHART_MAX_HARTS) {
        snprintf(err, err_len, "--smp %u: the number of harts must be 1 to %d", cfg->harts, VHART_MAX_HARTS);
        return VHART_ERR_CONFIG;
    }
    if (cfg->mem_size < 4096 || (cfg->mem_size & 0xfff)) {
        snprintf(err, err_len, "--mem: RAM size must be a non-zero multiple of 4 KiB");
        return VHART_ERR_CONFIG;
    }
    if (cfg->mem_size > (64ull << 30)) {
        snprintf(err, err_len, "--mem: %llu MiB is more than the 64 GiB vhart supports",
                 (unsigned long long)(cfg->mem_size >> 20));
        return VHART_ERR_CONFIG;
    }
    struct machine *m = calloc(1, sizeof(*m));
    if (!m) {
        snprintf(err, err_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    m->cfg = *cfg;
    if (!m->cfg.ext) m->cfg.ext = isa_supported();
    bus_init(&m->bus);
    m->bus.code_page_added = code_page_added;
    m->bus.code_opaque = m;
    int rc = VHART_ERR_NOMEM;
    if (!bus_add_memory(&m->bus, "ram", VHART_RAM_BASE, cfg->mem_size, false)) {
        snprintf(err, err_len, "--mem: cannot allocate %llu MiB of guest RAM", (unsigned long long)(cfg->mem_size >> 20));
        goto fail;
    }
    m->nharts = cfg->harts;
    for (unsigned i = 0; i < m->nharts; i++) {
        m->harts[i] = calloc(1, sizeof(struct hart));
        if (!m->harts[i]) {
            snprintf(err, err_len, "out of memory");
            goto fail;
        }
        m->harts[i]->machine = m;
        m->harts[i]->bus = &m->bus;
        m->harts[i]->read_time = machine_time;
        m->harts[i]->time_opaque = m;
    }
    clint_init(&m->clint, m->harts, m->nharts);
    m->clint.read_time = machine_time;
    m->clint.write_time = machine_set_time;
    m->clint.time_opaque = m;
    bus_add_device(&m->bus, "clint", CLINT_BASE, CLINT_SIZE, &clint_ops, &m->clint);
    m->syscon.request = request_exit;
    m->syscon.opaque = m;
    bus_add_device(&m->bus, "syscon", SYSCON_BASE, SYSCON_SIZE, &syscon_ops, &m->syscon);

    if (!cfg->program) {
        snprintf(err, err_len, "no program given");
        rc = VHART_ERR_CONFIG;
        goto fail;
    }
    if (elf_open(cfg->program, &m->elf, err, err_len)) {
        rc = VHART_ERR_FORMAT;
        goto fail;
    }
    if (elf_load(&m->elf, &m->bus, cfg->program, err, err_len)) {
        rc = VHART_ERR_FORMAT;
        goto fail;
    }
    m->entry = m->elf.entry;
    uint64_t tohost;
    if (elf_symbol(&m->elf, "tohost", &tohost) == 0) {
        if (!bus_host_ptr(&m->bus, tohost, 8)) {
            snprintf(err, err_len, "%s: symbol tohost (0x%llx) is not in RAM", cfg->program, (unsigned long long)tohost);
            rc = VHART_ERR_FORMAT;
            goto fail;
        }
        m->has_htif = true;
        m->htif.bus = &m->bus;
        m->htif.tohost = tohost;
        m->htif.has_fromhost = elf_symbol(&m->elf, "fromhost", &m->htif.fromhost) == 0 &&
                               bus_host_ptr(&m->bus, m->htif.fromhost, 8) != NULL;
        m->htif.output = htif_output;
        m->htif.exit = request_exit;
        m->htif.opaque = m;
        m->bus.watch = htif_on_store;
        m->bus.watch_opaque = &m->htif;
        bus_watch_page(&m->bus, tohost);
    }
    reset_harts(m);
    *out = m;
    return VHART_OK;
fail:
    machine_destroy(m);
    return rc;
}

void machine_destroy(struct machine *m)
{
    if (!m) return;
    for (unsigned i = 0; i < m->nharts; i++) free(m->harts[i]);
    bus_destroy(&m->bus);
    elf_close(&m->elf);
    free(m);
}

static void machine_reset(struct machine *m)
{
    char err[256];
    m->reset_requested = false;
    elf_load(&m->elf, &m->bus, m->cfg.program, err, sizeof(err));   /* validated at start */
    for (unsigned i = 0; i < 8; i++) m->clint.mtimecmp[i] = ~0ull;
    reset_harts(m);
}

/* Sleep until the next timer deadline when every hart waits for an interrupt. */
static void idle_wait(struct machine *m)
{
    uint64_t ticks = clint_ticks_to_next_deadline(&m->clint), now = machine_time(m);
    for (unsigned i = 0; i < m->nharts; i++) {
        const struct hart *h = m->harts[i];
        if (!(h->menvcfg & (1ull << 63))) continue;   /* Sstc deadline */
        uint64_t d = h->stimecmp > now ? h->stimecmp - now : 0;
        if (d < ticks) ticks = d;
    }
    uint64_t ns = ticks == ~0ull ? 10000000ull : ticks * (1000000000ull / TIMEBASE_HZ);
    if (ns > 10000000ull) ns = 10000000ull;   /* look again at least every 10 ms */
    if (ns == 0) return;
    struct timespec ts = { (time_t)(ns / 1000000000ull), (long)(ns % 1000000000ull) };
    nanosleep(&ts, NULL);
}

int machine_run(struct machine *m, struct vhart_result *res)
{
    memset(res, 0, sizeof(*res));
    uint64_t total = 0, t0 = host_ns();
    m->start_ns = m->start_ns ? m->start_ns : t0;
    while (!m->exit_requested) {
        if (m->reset_requested) machine_reset(m);
        clint_update(&m->clint);
        for (unsigned i = 0; i < m->nharts; i++) hart_update_stip(m->harts[i]);
        bool all_idle = true;
        for (unsigned i = 0; i < m->nharts && !m->exit_requested; i++) {
            struct hart *h = m->harts[i];
            uint64_t budget = RUN_SLICE, n = 0;
            enum hart_stop stop;
            if (m->cfg.max_insns) {
                if (total >= m->cfg.max_insns) break;
                uint64_t left = m->cfg.max_insns - total;
                /* The fast loop may overrun its budget by a page of straight-line code. */
                if (left <= 2 * FAST_OVERRUN) {
                    budget = left;
                    stop = hart_run_exact(h, budget, &n);
                    goto ran;
                }
                if (budget > left - FAST_OVERRUN) budget = left - FAST_OVERRUN;
            }
            stop = hart_run(h, budget, &n);
        ran:
            total += n;
            if (stop != HART_STOP_WFI) all_idle = false;
            if (m->has_htif) htif_poll(&m->htif);
        }
        if (m->cfg.max_insns && total >= m->cfg.max_insns && !m->exit_requested) {
            res->reason = VHART_EXIT_MAX_INSNS;
            break;
        }
        if (all_idle && !m->exit_requested) {
            clint_update(&m->clint);
            for (unsigned i = 0; i < m->nharts; i++) hart_update_stip(m->harts[i]);
            bool any_ready = false;
            for (unsigned i = 0; i < m->nharts; i++)
                if (m->harts[i]->mip & m->harts[i]->mie) any_ready = true;
            if (!any_ready) idle_wait(m);
        }
    }
    if (m->exit_requested) {
        res->reason = VHART_EXIT_POWEROFF;
        res->exit_code = m->exit_code;
    }
    res->instret = total;
    res->seconds = (double)(host_ns() - t0) / 1e9;
    for (unsigned i = 0; i < m->nharts; i++) {
        const struct hart_stats *s = &m->harts[i]->stats;
        res->data_lookups += s->data_lookups;
        res->data_misses += s->data_misses;
        res->fetch_lookups += s->fetch_lookups;
        res->fetch_misses += s->fetch_misses;
        res->mmio_accesses += s->mmio_accesses;
    }
    return 0;
}

int vhart_parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    if (s[0] < '0' || s[0] > '9') return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) return -1;
    uint64_t mul = 1;
    switch (*end) {
    case 0: break;
    case 'k': case 'K': mul = 1ull << 10; end++; break;
    case 'm': case 'M': mul = 1ull << 20; end++; break;
    case 'g': case 'G': mul = 1ull << 30; end++; break;
    case 't': case 'T': mul = 1ull << 40; end++; break;
    default: return -1;
    }
    if (mul > 1 && *end == 'i') end++;
    if (mul > 1 && *end == 'B') end++;
    if (*end) return -1;
    if (v > UINT64_MAX / mul) return -1;
    *out = v * mul;
    return 0;
}
