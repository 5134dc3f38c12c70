/* Snapshots: the machine's state as a file (configuration, harts, devices, sparse RAM), zstd-compressed,
 * versioned and checked; docs/snapshots.md describes the format. */
#define _DEFAULT_SOURCE   /* mincore(2) */
#include <vhart/replay.h>
#include <vhart/snapshot.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zstd.h>

#include "../cpu/codecache.h"
#include "../cpu/hart_state.h"
#include "../util/endian.h"
#include "../util/statebuf.h"
#include "../host/p9fs.h"
#include "disks.h"
#include "replay.h"
#include "machine_internal.h"

/* File layout: a fixed header, the configuration section uncompressed (so --loadvm reads it without
 * decompressing the rest), then one zstd frame (with its content checksum) holding the state sections. */
#define SNAP_MAGIC "VHARTSNP"
#define SNAP_VERSION 1u
#define SNAP_HEADER_SIZE 24u   /* magic, version, config length, config hash */
#define PAGE 4096u

/* Section versions: bump one when its layout changes (older files are then refused by name). */
#define V_CONFIG 4
#define V_MACHINE 1
#define V_HART 1
#define V_DEVICE 1
#define V_RAM 1
/* The disks section has its own, V_DISKS in disks.c. */

static uint64_t fnv1a64(const uint8_t *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

static struct bus_region *ram_region(struct machine *m) { return bus_find(&m->bus, BOARD_RAM_BASE); }

/* ---------------------------------------------------------------- configuration */

static void save_config(const struct vhart_config *c, struct state_writer *w)
{
    size_t s = state_section_begin(w, "config", V_CONFIG);
    state_put_str(w, c->program);
    state_put_str(w, c->bios);
    state_put_str(w, c->kernel);
    state_put_str(w, c->initrd);
    state_put_str(w, c->append);
    state_put_u32(w, c->ndrives);
    for (unsigned i = 0; i < c->ndrives; i++) state_put_str(w, c->drives[i]);
    state_put_str(w, c->net);
    state_put_u64(w, c->mem_size);
    state_put_u32(w, c->harts);
    state_put_u32(w, c->ext);
    state_put_u32(w, c->fb_width);
    state_put_u32(w, c->fb_height);
    state_put_bool(w, c->icount);
    state_put_u32(w, c->icount_shift);
    state_put_str(w, c->rtc_base);
    state_put_bool(w, c->seed_set);
    state_put_u64(w, c->seed);
    state_put_bool(w, c->snapshot_disks);
    state_put_u32(w, c->nshares);
    for (unsigned i = 0; i < c->nshares; i++) state_put_str(w, c->shares[i]);
    state_section_end(w, s);
}

/* The strings of a configuration read from a file. */
struct config_strings {
    char *s[5 + VHART_MAX_DRIVES + 2 + VHART_MAX_SHARES];
    unsigned n;
};

static const char *keep(struct config_strings *k, char *s)
{
    k->s[k->n++] = s;
    return s;
}

static void free_strings(struct config_strings *k)
{
    for (unsigned i = 0; i < k->n; i++) free(k->s[i]);
    free(k);
}

static void load_config(struct state_reader *r, struct vhart_config *c, struct config_strings *k)
{
    struct state_reader s;
    if (!state_section_open(r, "config", V_CONFIG, &s)) return;
    c->program = keep(k, state_get_str(&s, NULL));
    c->bios = keep(k, state_get_str(&s, NULL));
    c->kernel = keep(k, state_get_str(&s, NULL));
    c->initrd = keep(k, state_get_str(&s, NULL));
    c->append = keep(k, state_get_str(&s, NULL));
    c->ndrives = (unsigned)state_get_u32(&s);
    if (c->ndrives > VHART_MAX_DRIVES) {
        state_reader_fail(&s, "%u drives", c->ndrives);
        c->ndrives = 0;
    }
    for (unsigned i = 0; i < c->ndrives; i++) c->drives[i] = keep(k, state_get_str(&s, NULL));
    c->net = keep(k, state_get_str(&s, NULL));
    c->mem_size = state_get_u64(&s);
    c->harts = state_get_u32(&s);
    c->ext = state_get_u32(&s);
    c->fb_width = state_get_u32(&s);
    c->fb_height = state_get_u32(&s);
    c->icount = state_get_bool(&s);
    c->icount_shift = state_get_u32(&s);
    c->rtc_base = keep(k, state_get_str(&s, NULL));
    c->seed_set = state_get_bool(&s);
    c->seed = state_get_u64(&s);
    c->snapshot_disks = state_get_bool(&s);
    c->nshares = (unsigned)state_get_u32(&s);
    if (c->nshares > VHART_MAX_SHARES) {
        state_reader_fail(&s, "%u shares", c->nshares);
        c->nshares = 0;
    }
    for (unsigned i = 0; i < c->nshares; i++) c->shares[i] = keep(k, state_get_str(&s, NULL));
    if (!s.failed && (c->harts < 1 || c->harts > VHART_MAX_HARTS || !c->mem_size || c->mem_size > VHART_MAX_MEM))
        state_reader_fail(&s, "%u harts and %llu bytes of RAM", c->harts, (unsigned long long)c->mem_size);
    state_section_close(r, &s, "config");
}

static bool same_str(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

/* Whether the machine was built from the configuration in the file (what decides its shape). */
static const char *config_mismatch(const struct vhart_config *a, const struct vhart_config *b)
{
    if (a->harts != b->harts) return "harts";
    if (a->mem_size != b->mem_size) return "memory size";
    if (a->ext != b->ext) return "ISA";
    if (a->ndrives != b->ndrives) return "drives";
    if (a->ndrives && a->snapshot_disks != b->snapshot_disks) return "--snapshot setting";
    for (unsigned i = 0; i < a->ndrives; i++)
        if (!same_str(a->drives[i], b->drives[i])) return "drives";
    if (!same_str(a->net, b->net) && !((!a->net || !strncmp(a->net, "none", 4)) && (!b->net || !strncmp(b->net, "none", 4))))
        return "network";
    if (a->nshares != b->nshares) return "shares";
    for (unsigned i = 0; i < a->nshares; i++)
        if (!same_str(a->shares[i], b->shares[i])) return "shares";
    if (a->fb_width != b->fb_width || a->fb_height != b->fb_height) return "display size";
    if (a->icount != b->icount || (a->icount && a->icount_shift != b->icount_shift)) return "--icount";
    if (!same_str(a->program, b->program) || !same_str(a->bios, b->bios) || !same_str(a->kernel, b->kernel) ||
        !same_str(a->initrd, b->initrd) || !same_str(a->append, b->append))
        return "boot images or command line";
    return NULL;
}

/* ---------------------------------------------------------------- RAM */

/* Pages the guest ever touched are resident on the host (RAM is mapped lazily); of those, the ones
 * that are not all zero are saved, each with its page number. */
static void save_ram(struct machine *m, struct state_writer *w)
{
    struct bus_region *r = ram_region(m);
    size_t s = state_section_begin(w, "ram", V_RAM);
    uint64_t pages = r->size / PAGE;
    state_put_u64(w, r->size);
    long hp = sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)r->host & ~(uintptr_t)(hp - 1);
    size_t hpages = ((uintptr_t)r->host + r->size - start + (uintptr_t)hp - 1) / (uintptr_t)hp;
    unsigned char *resident = hp > 0 ? malloc(hpages) : NULL;
    if (resident && mincore((void *)start, (uintptr_t)r->host + r->size - start, (void *)resident) != 0) {
        free(resident);
        resident = NULL;
    }
    static const uint8_t zero[PAGE];
    size_t count_at = w->len;
    state_put_u64(w, 0);
    uint64_t saved = 0;
    for (uint64_t p = 0; p < pages; p++) {
        const uint8_t *host = r->host + p * PAGE;
        if (resident) {
            uintptr_t a = (uintptr_t)host, b = a + PAGE - 1;
            size_t i = (a - start) / (uintptr_t)hp, j = (b - start) / (uintptr_t)hp;
            bool any = false;
            for (size_t k = i; k <= j; k++) any |= resident[k] & 1;
            if (!any) continue;
        }
        if (!memcmp(host, zero, PAGE)) continue;
        state_put_u32(w, (uint32_t)p);
        state_put_bytes(w, host, PAGE);
        saved++;
    }
    free(resident);
    if (!w->failed) le_store64(w->data + count_at, saved);
    state_section_end(w, s);
}

static void load_ram(struct machine *m, struct state_reader *r)
{
    struct bus_region *reg = ram_region(m);
    struct state_reader s;
    if (!state_section_open(r, "ram", V_RAM, &s)) return;
    uint64_t size = state_get_u64(&s);
    uint64_t n = state_get_u64(&s);
    uint64_t pages = reg->size / PAGE;
    if (!s.failed && size != reg->size) state_reader_fail(&s, "%llu bytes of RAM", (unsigned long long)size);
    if (!s.failed && n > pages) state_reader_fail(&s, "%llu RAM pages", (unsigned long long)n);
    /* Zero what the snapshot does not hold: pages not resident are zero already. */
    long hp = sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)reg->host & ~(uintptr_t)(hp - 1);
    size_t hpages = ((uintptr_t)reg->host + reg->size - start + (uintptr_t)hp - 1) / (uintptr_t)hp;
    unsigned char *resident = hp > 0 ? malloc(hpages) : NULL;
    if (resident && mincore((void *)start, (uintptr_t)reg->host + reg->size - start, (void *)resident) != 0) {
        free(resident);
        resident = NULL;
    }
    uint64_t next = 0;   /* pages below it are done */
    for (uint64_t i = 0; i <= n && !s.failed; i++) {
        uint64_t p = pages;
        const uint8_t *data = NULL;
        if (i < n) {
            p = state_get_u32(&s);
            data = state_get_span(&s, PAGE);
            if (s.failed) break;
            if (p < next || p >= pages) {
                state_reader_fail(&s, "RAM page %llu out of order", (unsigned long long)p);
                break;
            }
        }
        for (uint64_t q = next; q < p; q++) {
            uint8_t *host = reg->host + q * PAGE;
            if (resident) {
                size_t k = ((uintptr_t)host - start) / (uintptr_t)hp, e = ((uintptr_t)host + PAGE - 1 - start) / (uintptr_t)hp;
                bool any = false;
                for (size_t t = k; t <= e; t++) any |= resident[t] & 1;
                if (!any) continue;
            }
            memset(host, 0, PAGE);
        }
        if (data) memcpy(reg->host + p * PAGE, data, PAGE);
        next = p + 1;
    }
    free(resident);
    /* Decoded code of the old contents is stale everywhere. */
    for (uint64_t p = 0; p < pages; p++)
        if (reg->page_flags[p] & PAGE_HAS_CODE) codecache_invalidate(reg, p);
    state_section_close(r, &s, "ram");
}

/* ---------------------------------------------------------------- devices */

/* A device's section: `save` writes into it. */
#define SECTION(w, tag, call)                                      \
    do {                                                           \
        size_t mark_ = state_section_begin((w), (tag), V_DEVICE);  \
        call;                                                      \
        state_section_end((w), mark_);                             \
    } while (0)

/* Open a section, run `call` on its reader, close it. */
#define LOAD_SECTION(r, tag, call)                                      \
    do {                                                                \
        struct state_reader sec_;                                       \
        if (state_section_open((r), (tag), V_DEVICE, &sec_)) {          \
            struct state_reader *s = &sec_;                             \
            call;                                                       \
            state_section_close((r), &sec_, (tag));                     \
        }                                                               \
    } while (0)

static void save_virtio_slot(struct machine *m, struct virtio_slot *sl, struct state_writer *w)
{
    state_put_bool(w, sl->used);
    if (!sl->used) return;
    const struct virtio_device_ops *ops = sl->dev.ops;
    state_put_u32(w, ops->device_id);
    virtio_mmio_save(&sl->dev, w);
    void *dev = sl->dev.dev;
    switch (ops->device_id) {
    case VIRTIO_ID_BLOCK: virtio_blk_save(dev, w); break;
    case VIRTIO_ID_NET: virtio_net_save(dev, w); break;
    case VIRTIO_ID_RNG: virtio_rng_save(dev, w); break;
    case VIRTIO_ID_INPUT: virtio_input_save(dev, w); break;
    case VIRTIO_ID_9P:
        virtio_9p_save(dev, w);
        p9fs_save(machine_share_server(m, dev), w);
        break;
    default: break;
    }
    (void)m;
}

static void load_virtio_slot(struct machine *m, struct virtio_slot *sl, struct state_reader *r)
{
    bool used = state_get_bool(r);
    if (r->failed) return;
    if (used != sl->used) {
        state_reader_fail(r, "a virtio slot is %s in the snapshot", used ? "used" : "empty");
        return;
    }
    if (!used) return;
    uint32_t id = state_get_u32(r);
    const struct virtio_device_ops *ops = sl->dev.ops;
    if (!r->failed && id != ops->device_id) {
        state_reader_fail(r, "device %u where the machine has %s", id, ops->name);
        return;
    }
    virtio_mmio_load(&sl->dev, r);
    void *dev = sl->dev.dev;
    switch (ops->device_id) {
    case VIRTIO_ID_BLOCK: virtio_blk_load(dev, r); break;
    case VIRTIO_ID_NET: virtio_net_load(dev, r); break;
    case VIRTIO_ID_RNG: virtio_rng_load(dev, r); break;
    case VIRTIO_ID_INPUT: virtio_input_load(dev, r); break;
    case VIRTIO_ID_9P:
        virtio_9p_load(dev, r);
        p9fs_load(machine_share_server(m, dev), r);
        break;
    default: break;
    }
    (void)m;
}

static void save_framebuffer(struct machine *m, struct state_writer *w)
{
    state_put_bool(w, m->has_fb);
    if (!m->has_fb) return;
    state_put_u32(w, m->fb.width);
    state_put_u32(w, m->fb.height);
    state_put_bytes(w, m->fb.pixels, m->fb.size);
}

static void load_framebuffer(struct machine *m, struct state_reader *r)
{
    bool has = state_get_bool(r);
    if (r->failed) return;
    if (has != m->has_fb) {
        state_reader_fail(r, "framebuffer %s", has ? "saved, the machine has none" : "missing");
        return;
    }
    if (!has) return;
    uint32_t wdt = state_get_u32(r), hgt = state_get_u32(r);
    if (!r->failed && (wdt != m->fb.width || hgt != m->fb.height)) {
        state_reader_fail(r, "framebuffer %ux%u", wdt, hgt);
        return;
    }
    state_get_bytes(r, m->fb.pixels, m->fb.size);
    /* The whole picture is new to the display. */
    memset(m->fb.page_flags, PAGE_DIRTY, m->fb.size / PAGE);
}

/* ---------------------------------------------------------------- the whole machine */

/* Returns 0, or an error code with one line in err (a disk that could not be read). RAM is left
 * out when with_ram is false (history.c keeps it page by page). */
static int save_state_ram(struct machine *m, struct state_writer *w, bool with_ram, char *err, size_t err_len)
{
    size_t s = state_section_begin(w, "machine", V_MACHINE);
    state_put_u64(w, machine_mtime(m));
    state_put_u64(w, m->instret_total);
    state_put_bool(w, m->reset_requested);
    state_put_bool(w, m->exit_requested);   /* a guest that powered off stays off */
    state_put_u32(w, (uint32_t)m->exit_code);
    state_put_u64(w, m->rng_state);
    state_section_end(w, s);
    int rc = disks_save(m, w, err, err_len);
    if (rc) return rc;
    if (machine_shares_check_save(m, err, err_len)) return VHART_ERR_IO;
    for (unsigned i = 0; i < m->nharts; i++) {
        s = state_section_begin(w, "hart", V_HART);
        hart_save(m->harts[i], w);
        state_section_end(w, s);
    }
    SECTION(w, "clint", clint_save(&m->clint, w));
    SECTION(w, "plic", plic_save(&m->plic, w));
    SECTION(w, "uart", uart16550_save(&m->uart, w));
    SECTION(w, "rtc", goldfish_rtc_save(&m->rtc, w));
    SECTION(w, "htif", htif_save(&m->htif, w));
    for (unsigned i = 0; i < BOARD_VIRTIO_SLOTS; i++) SECTION(w, "virtio", save_virtio_slot(m, &m->slots[i], w));
    SECTION(w, "fb", save_framebuffer(m, w));
    if (with_ram) save_ram(m, w);
    return VHART_OK;
}

static int save_state(struct machine *m, struct state_writer *w, char *err, size_t err_len)
{
    return save_state_ram(m, w, true, err, err_len);
}

/* Apply a state payload. Called on a machine whose configuration matches; on failure the machine
 * is partly loaded (machine_loadvm then puts the previous state back). */
static void load_state_ram(struct machine *m, struct state_reader *r, bool with_ram)
{
    struct state_reader s;
    uint64_t mtime = 0, instret = 0;
    bool reset = false, exited = false;
    int exit_code = 0;
    uint64_t rng = 0;
    if (state_section_open(r, "machine", V_MACHINE, &s)) {
        mtime = state_get_u64(&s);
        instret = state_get_u64(&s);
        reset = state_get_bool(&s);
        exited = state_get_bool(&s);
        exit_code = (int)state_get_u32(&s);
        rng = state_get_u64(&s);
        state_section_close(r, &s, "machine");
    }
    disks_load(m, r);   /* checked before anything changes */
    for (unsigned i = 0; i < m->nharts && !r->failed; i++) {
        if (!state_section_open(r, "hart", V_HART, &s)) break;
        uint64_t id = m->harts[i]->mhartid;
        hart_load(m->harts[i], &s, m->harts[i]->ext);
        if (!s.failed && m->harts[i]->mhartid != id) state_reader_fail(&s, "hart %u has mhartid %llu", i,
                                                                      (unsigned long long)m->harts[i]->mhartid);
        state_section_close(r, &s, "hart");
    }
    LOAD_SECTION(r, "clint", clint_load(&m->clint, s));
    LOAD_SECTION(r, "plic", plic_load(&m->plic, s));
    LOAD_SECTION(r, "uart", uart16550_load(&m->uart, s));
    LOAD_SECTION(r, "rtc", goldfish_rtc_load(&m->rtc, s));
    LOAD_SECTION(r, "htif", htif_load(&m->htif, s));
    for (unsigned i = 0; i < BOARD_VIRTIO_SLOTS; i++) LOAD_SECTION(r, "virtio", load_virtio_slot(m, &m->slots[i], s));
    LOAD_SECTION(r, "fb", load_framebuffer(m, s));
    if (with_ram) load_ram(m, r);
    if (!r->failed && r->pos != r->len) state_reader_fail(r, "%zu bytes after the last section", r->len - r->pos);
    if (r->failed) return;
    machine_set_mtime(m, mtime);
    m->instret_total = instret;
    m->reset_requested = reset;
    m->exit_requested = exited;
    m->exit_code = exit_code;
    m->rng_state = rng;
    m->rxq_count = 0;   /* frames slirp queued for the machine that ran on */
}

/* Header + configuration, then the compressed state. */
static int write_file(const char *path, const struct state_writer *config, const struct state_writer *state,
                      char *err, size_t err_len)
{
    size_t bound = ZSTD_compressBound(state->len);
    uint8_t *z = malloc(bound);
    ZSTD_CCtx *cctx = ZSTD_createCCtx();
    if (!z || !cctx) {
        free(z);
        ZSTD_freeCCtx(cctx);
        snprintf(err, err_len, "savevm: out of memory");
        return VHART_ERR_NOMEM;
    }
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 1);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
    size_t zlen = ZSTD_compress2(cctx, z, bound, state->data, state->len);
    ZSTD_freeCCtx(cctx);
    if (ZSTD_isError(zlen)) {
        free(z);
        snprintf(err, err_len, "savevm: compression failed: %s", ZSTD_getErrorName(zlen));
        return VHART_ERR_IO;
    }
    uint8_t header[SNAP_HEADER_SIZE];
    memcpy(header, SNAP_MAGIC, 8);
    le_store32(header + 8, SNAP_VERSION);
    le_store32(header + 12, (uint32_t)config->len);
    le_store64(header + 16, fnv1a64(config->data, config->len));
    /* Write beside the target and rename, so that a failed save never destroys an older snapshot. */
    size_t tlen = strlen(path) + 16;
    char *tmp = malloc(tlen);
    if (!tmp) {
        free(z);
        snprintf(err, err_len, "savevm: out of memory");
        return VHART_ERR_NOMEM;
    }
    snprintf(tmp, tlen, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    int rc = VHART_OK;
    if (!f) {
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        rc = VHART_ERR_IO;
    } else {
        bool ok = fwrite(header, 1, sizeof(header), f) == sizeof(header) &&
                  fwrite(config->data, 1, config->len, f) == config->len && fwrite(z, 1, zlen, f) == zlen;
        ok = fflush(f) == 0 && ok;
        ok = fsync(fileno(f)) == 0 && ok;
        int e = errno;
        ok = fclose(f) == 0 && ok;
        if (!ok || rename(tmp, path) != 0) {
            snprintf(err, err_len, "%s: %s", path, strerror(ok ? errno : e));
            unlink(tmp);
            rc = VHART_ERR_IO;
        }
    }
    free(tmp);
    free(z);
    return rc;
}

int machine_savevm(struct machine *m, const char *path, char *err, size_t err_len)
{
    /* Disks first: the snapshot names their state after every completed write reached the file. */
    for (unsigned i = 0; i < m->cfg.ndrives; i++) {
        const struct block_backend *be = &m->blockfiles[i].backend;
        if (be->flush && !m->blockfiles[i].read_only && be->flush(be->opaque)) {
            snprintf(err, err_len, "savevm: %s: flushing the disk failed", m->cfg.drives[i]);
            return VHART_ERR_IO;
        }
    }
    struct state_writer config, state;
    state_writer_init(&config);
    state_writer_init(&state);
    save_config(&m->cfg, &config);
    int rc = save_state(m, &state, err, err_len);   /* err says why when it fails */
    if (rc == VHART_OK && (config.failed || state.failed)) {
        snprintf(err, err_len, "savevm: out of memory");
        rc = VHART_ERR_NOMEM;
    }
    if (rc == VHART_OK) rc = write_file(path, &config, &state, err, err_len);
    state_writer_free(&config);
    state_writer_free(&state);
    return rc;
}

/* Read and check a snapshot file: the configuration section's bytes and (if state is not NULL) the
 * decompressed state. max_state bounds the state's size (a corrupt header cannot ask for more). */
static int read_file(const char *path, uint8_t **config, size_t *config_len, uint8_t **state, size_t *state_len,
                     uint64_t max_state, char *err, size_t err_len)
{
    *config = NULL;
    if (state) *state = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_len, "%s: %s", path, errno == ENOENT ? "no such file" : strerror(errno));
        return VHART_ERR_IO;
    }
    uint8_t header[SNAP_HEADER_SIZE];
    int rc = VHART_ERR_FORMAT;
    uint8_t *cfg = NULL, *z = NULL, *out = NULL;
    if (fread(header, 1, sizeof(header), f) != sizeof(header) || memcmp(header, SNAP_MAGIC, 8)) {
        snprintf(err, err_len, "%s: not a vhart snapshot", path);
        goto done;
    }
    uint32_t version = le_load32(header + 8), clen = le_load32(header + 12);
    if (version != SNAP_VERSION) {
        snprintf(err, err_len, "%s: snapshot format version %u, this vhart reads version %u", path, version,
                 SNAP_VERSION);
        goto done;
    }
    cfg = clen <= (1u << 20) ? malloc(clen ? clen : 1) : NULL;
    if (!cfg || fread(cfg, 1, clen, f) != clen || fnv1a64(cfg, clen) != le_load64(header + 16)) {
        snprintf(err, err_len, "%s: truncated or corrupt snapshot (configuration)", path);
        goto done;
    }
    if (state) {
        long at = ftell(f);
        if (at < 0 || fseek(f, 0, SEEK_END) != 0) {
            snprintf(err, err_len, "%s: %s", path, strerror(errno));
            rc = VHART_ERR_IO;
            goto done;
        }
        long end = ftell(f);
        size_t zlen = end > at ? (size_t)(end - at) : 0;
        fseek(f, at, SEEK_SET);
        z = malloc(zlen ? zlen : 1);
        if (!z || fread(z, 1, zlen, f) != zlen) {
            snprintf(err, err_len, "%s: cannot read the snapshot", path);
            rc = VHART_ERR_IO;
            goto done;
        }
        unsigned long long n = ZSTD_getFrameContentSize(z, zlen);
        if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN || n > max_state ||
            ZSTD_findFrameCompressedSize(z, zlen) != zlen) {
            snprintf(err, err_len, "%s: truncated or corrupt snapshot", path);
            goto done;
        }
        out = malloc(n ? (size_t)n : 1);
        if (!out) {
            snprintf(err, err_len, "%s: out of memory", path);
            rc = VHART_ERR_NOMEM;
            goto done;
        }
        size_t got = ZSTD_decompress(out, (size_t)n, z, zlen);
        if (ZSTD_isError(got) || got != n) {
            snprintf(err, err_len, "%s: truncated or corrupt snapshot", path);
            goto done;
        }
        *state = out;
        *state_len = (size_t)n;
        out = NULL;
    }
    *config = cfg;
    *config_len = clen;
    cfg = NULL;
    rc = VHART_OK;
done:
    fclose(f);
    free(cfg);
    free(z);
    free(out);
    return rc;
}

int vhart_snapshot_config(const char *path, struct vhart_config *cfg, void **owner, char *err, size_t err_len)
{
    uint8_t *bytes;
    size_t len;
    *owner = NULL;
    int rc = read_file(path, &bytes, &len, NULL, NULL, 0, err, err_len);
    if (rc) return rc;
    struct config_strings *k = calloc(1, sizeof(*k));
    if (!k) {
        free(bytes);
        snprintf(err, err_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    struct state_reader r;
    state_reader_init(&r, bytes, len);
    load_config(&r, cfg, k);
    free(bytes);
    if (r.failed || r.pos != r.len) {
        snprintf(err, err_len, "%s: corrupt snapshot (configuration: %s)", path, r.failed ? r.error : "trailing bytes");
        free_strings(k);
        return VHART_ERR_FORMAT;
    }
    *owner = k;
    return VHART_OK;
}

void vhart_snapshot_config_free(void *owner)
{
    if (owner) free_strings(owner);
}

int snapshot_load_payload_ram(struct machine *m, const void *data, size_t len, bool with_ram, char *err, size_t err_len)
{
    /* Keep the current state, to put back if the payload turns out bad halfway through. */
    struct state_writer before;
    state_writer_init(&before);
    int rc = save_state_ram(m, &before, with_ram, err, err_len);
    if (rc || before.failed) {
        state_writer_free(&before);
        if (rc) return rc;
        snprintf(err, err_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    struct state_reader r;
    state_reader_init(&r, data, len);
    load_state_ram(m, &r, with_ram);
    if (r.failed) {
        snprintf(err, err_len, "%s", r.error);
        struct state_reader back;
        state_reader_init(&back, before.data, before.len);
        load_state_ram(m, &back, with_ram);
        rc = strstr(r.error, "disk ") ? VHART_ERR_CONFIG : VHART_ERR_FORMAT;
    }
    state_writer_free(&before);
    return rc;
}

int snapshot_load_payload(struct machine *m, const void *data, size_t len, char *err, size_t err_len)
{
    return snapshot_load_payload_ram(m, data, len, true, err, err_len);
}

int snapshot_save_payload_ram(struct machine *m, void **data, size_t *len, bool with_ram)
{
    struct state_writer w;
    state_writer_init(&w);
    char err[256];
    int rc = save_state_ram(m, &w, with_ram, err, sizeof(err));
    if (rc || w.failed) {
        state_writer_free(&w);
        return rc ? rc : VHART_ERR_NOMEM;
    }
    *data = w.data;
    *len = w.len;
    return VHART_OK;
}

int snapshot_save_payload(struct machine *m, void **data, size_t *len)
{
    return snapshot_save_payload_ram(m, data, len, true);
}

int machine_loadvm(struct machine *m, const char *path, char *err, size_t err_len)
{
    struct vhart_config saved;
    void *owner;
    memset(&saved, 0, sizeof(saved));
    int rc = vhart_snapshot_config(path, &saved, &owner, err, err_len);
    if (rc) return rc;
    const char *differs = config_mismatch(&saved, &m->cfg);
    vhart_snapshot_config_free(owner);
    if (differs) {
        snprintf(err, err_len, "%s: taken from a machine with other %s", path, differs);
        return VHART_ERR_CONFIG;
    }
    uint8_t *cfg, *state;
    size_t cfg_len, state_len;
    uint64_t max = ram_region(m)->size + (m->has_fb ? m->fb.size : 0) + disks_state_bound(m) + (64u << 20);
    rc = read_file(path, &cfg, &cfg_len, &state, &state_len, max, err, err_len);
    if (rc) return rc;
    free(cfg);
    rc = snapshot_load_payload(m, state, state_len, err, err_len);
    free(state);
    if (rc) {
        /* Name the file: the payload's message says what in it is wrong. */
        char why[512];
        snprintf(why, sizeof(why), "%s", err);
        snprintf(err, err_len, "%s: %s", path, why);
    }
    return rc;
}

/* ---------------------------------------------------------------- the configuration for others */

/* Record/replay logs (replay.c) carry the same configuration section as snapshots. */
void snapshot_config_write(const struct vhart_config *c, struct state_writer *w) { save_config(c, w); }

int snapshot_config_read(const void *data, size_t len, struct vhart_config *cfg, void **owner, char *why, size_t why_len)
{
    *owner = NULL;
    struct config_strings *k = calloc(1, sizeof(*k));
    if (!k) {
        snprintf(why, why_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    struct state_reader r;
    state_reader_init(&r, data, len);
    load_config(&r, cfg, k);
    if (r.failed || r.pos != r.len) {
        snprintf(why, why_len, "%s", r.failed ? r.error : "trailing bytes");
        free_strings(k);
        return VHART_ERR_FORMAT;
    }
    *owner = k;
    return VHART_OK;
}

void snapshot_config_free(void *owner) { vhart_snapshot_config_free(owner); }

const char *vhart_config_mismatch(const struct vhart_config *a, const struct vhart_config *b) { return config_mismatch(a, b); }
