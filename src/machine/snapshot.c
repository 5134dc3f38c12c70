/* Snapshots: the machine's state as a file (configuration, harts, devices, sparse RAM), zstd-compressed,
 * versioned and checked; docs/snapshots.md describes the format. */
#include <vhart/replay.h>
#include <vhart/snapshot.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cpu/hart_state.h"
#include "../util/endian.h"
#include "../util/statebuf.h"
#include "../host/p9fs.h"
#include "disks.h"
#include "replay.h"
#include "machine_internal.h"
#include "snapshot_internal.h"

/* File layout: a fixed header, the configuration section uncompressed (so --loadvm reads it without
 * decompressing the rest), then one zstd frame (with its content checksum) holding the state sections,
 * written and read as a stream (snapshot_io.c). Version 2: the RAM section deduplicates pages and is
 * streamed (snapshot_ram.c). */
#define SNAP_MAGIC "VHARTSNP"
#define SNAP_VERSION 2u
#define SNAP_HEADER_SIZE 24u   /* magic, version, config length, config hash */

/* Section versions: bump one when its layout changes (older files are then refused by name). */
#define V_CONFIG 5   /* 5: the extension mask is 64 bits */
#define V_MACHINE 1
#define V_HART 3     /* 2: the extension mask is 64 bits, and the H extension's state (V, hypervisor and VS CSRs); 3: HPM counters and events */
#define V_DEVICE 1
/* The RAM section's is SNAP_V_RAM (snapshot_internal.h); the disks section has its own, V_DISKS in
 * disks.c. */

static uint64_t fnv1a64(const uint8_t *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

#define PAGE 4096u

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
    state_put_u64(w, c->ext);
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
    c->ext = state_get_u64(&s);
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
    if (with_ram) snapshot_ram_save(m, w);   /* last: the loader validates the rest before it */
    return VHART_OK;
}

static int save_state(struct machine *m, struct state_writer *w, char *err, size_t err_len)
{
    return save_state_ram(m, w, true, err, err_len);
}

/* Apply the sections before RAM. Called on a machine whose configuration matches; on failure the
 * machine is partly loaded (apply_sections then puts the previous state back). */
static void load_state(struct machine *m, struct state_reader *r)
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

/* ---------------------------------------------------------------- saving */

/* The file: header and configuration, then the state compressed as it is produced. Written beside the
 * target and renamed, so that a failed save never destroys an older snapshot. */
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
    struct state_writer config;
    state_writer_init(&config);
    save_config(&m->cfg, &config);
    size_t tlen = strlen(path) + 16;
    char *tmp = malloc(tlen);
    if (config.failed || !tmp) {
        state_writer_free(&config);
        free(tmp);
        snprintf(err, err_len, "savevm: out of memory");
        return VHART_ERR_NOMEM;
    }
    uint8_t header[SNAP_HEADER_SIZE];
    memcpy(header, SNAP_MAGIC, 8);
    le_store32(header + 8, SNAP_VERSION);
    le_store32(header + 12, (uint32_t)config.len);
    le_store64(header + 16, fnv1a64(config.data, config.len));
    snprintf(tmp, tlen, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        state_writer_free(&config);
        free(tmp);
        return VHART_ERR_IO;
    }
    int rc = VHART_OK;
    bool ok = fwrite(header, 1, sizeof(header), f) == sizeof(header) &&
              fwrite(config.data, 1, config.len, f) == config.len;
    int e = errno;
    state_writer_free(&config);
    struct snap_zsink *z = ok ? snap_zsink_open(f, err, err_len) : NULL;
    if (ok && !z) {
        rc = VHART_ERR_NOMEM;
    } else if (z) {
        struct state_writer w;
        state_writer_init(&w);
        state_writer_set_sink(&w, snap_zsink_fn(), z);
        rc = save_state(m, &w, err, err_len);   /* err says why when it fails */
        state_writer_flush(&w);
        bool good = !rc && !w.failed;
        state_writer_free(&w);
        bool stream_ok = snap_zsink_close(z, good, err, err_len);   /* err set when not */
        if (!rc && !stream_ok) {
            rc = VHART_ERR_IO;
        } else if (!rc && !good) {
            snprintf(err, err_len, "savevm: out of memory");
            rc = VHART_ERR_NOMEM;
        }
    }
    if (rc == VHART_OK) {
        ok = ok && fflush(f) == 0;
        ok = ok && fsync(fileno(f)) == 0;
        if (!ok) e = errno;
    }
    ok = fclose(f) == 0 && ok;
    if (rc == VHART_OK && (!ok || rename(tmp, path) != 0)) {
        snprintf(err, err_len, "%s: %s", path, strerror(ok ? errno : e));
        rc = VHART_ERR_IO;
    }
    if (rc) unlink(tmp);
    free(tmp);
    return rc;
}

/* ---------------------------------------------------------------- loading */

/* Open a snapshot file and read its header and configuration section (checked against the header's
 * hash); the file is left at the compressed state's first byte. */
static FILE *open_file(const char *path, uint8_t **config, size_t *config_len, char *err, size_t err_len, int *rc)
{
    *config = NULL;
    *rc = VHART_ERR_FORMAT;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_len, "%s: %s", path, errno == ENOENT ? "no such file" : strerror(errno));
        *rc = VHART_ERR_IO;
        return NULL;
    }
    uint8_t header[SNAP_HEADER_SIZE];
    if (fread(header, 1, sizeof(header), f) != sizeof(header) || memcmp(header, SNAP_MAGIC, 8)) {
        snprintf(err, err_len, "%s: not a vhart snapshot", path);
        fclose(f);
        return NULL;
    }
    uint32_t version = le_load32(header + 8), clen = le_load32(header + 12);
    if (version != SNAP_VERSION) {
        snprintf(err, err_len, "%s: snapshot format version %u, this vhart reads version %u", path, version,
                 SNAP_VERSION);
        fclose(f);
        return NULL;
    }
    uint8_t *cfg = clen <= (1u << 20) ? malloc(clen ? clen : 1) : NULL;
    if (!cfg || fread(cfg, 1, clen, f) != clen || fnv1a64(cfg, clen) != le_load64(header + 16)) {
        snprintf(err, err_len, "%s: truncated or corrupt snapshot (configuration)", path);
        free(cfg);
        fclose(f);
        return NULL;
    }
    *config = cfg;
    *config_len = clen;
    *rc = VHART_OK;
    return f;
}

/* The configuration section's bytes, parsed. */
static int parse_config(const char *path, const uint8_t *bytes, size_t len, struct vhart_config *cfg, void **owner,
                        char *err, size_t err_len)
{
    char why[512];
    int rc = snapshot_config_read(bytes, len, cfg, owner, why, sizeof(why));
    if (rc == VHART_ERR_FORMAT) snprintf(err, err_len, "%s: corrupt snapshot (configuration: %s)", path, why);
    else if (rc) snprintf(err, err_len, "%s", why);
    return rc;
}

int vhart_snapshot_config(const char *path, struct vhart_config *cfg, void **owner, char *err, size_t err_len)
{
    uint8_t *bytes;
    size_t len;
    int rc;
    *owner = NULL;
    FILE *f = open_file(path, &bytes, &len, err, err_len, &rc);
    if (!f) return rc;
    fclose(f);
    rc = parse_config(path, bytes, len, cfg, owner, err, err_len);
    free(bytes);
    return rc;
}

void vhart_snapshot_config_free(void *owner)
{
    if (owner) free_strings(owner);
}

/* Apply the sections before RAM (len bytes at data), keeping the state they replace in *before (the
 * machine without its RAM: small) to put back when they, or the RAM after them, turn out bad. */
static int apply_sections(struct machine *m, const void *data, size_t len, struct state_writer *before, char *err,
                          size_t err_len)
{
    state_writer_init(before);
    int rc = save_state_ram(m, before, false, err, err_len);
    if (rc || before->failed) {
        state_writer_free(before);
        if (rc) return rc;
        snprintf(err, err_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    struct state_reader r;
    state_reader_init(&r, data, len);
    load_state(m, &r);
    if (!r.failed) return VHART_OK;
    snprintf(err, err_len, "%s", r.error);
    struct state_reader back;
    state_reader_init(&back, before->data, before->len);
    load_state(m, &back);
    state_writer_free(before);
    return strstr(r.error, "disk ") ? VHART_ERR_CONFIG : VHART_ERR_FORMAT;
}

/* Pass 1 over a payload, touching nothing: the sections before RAM copied into pre (at most max bytes),
 * the RAM section checked and its pages read and dropped, the end (and the stream's checksum) checked.
 * *ram_len gets the RAM section's length. */
static bool read_sections(struct machine *m, struct snap_source *src, struct state_writer *pre, uint64_t max,
                          uint64_t *ram_len, char *why, size_t why_len)
{
    for (;;) {
        uint8_t h[STATE_SECTION_HEADER];
        char tag[STATE_TAG_LEN + 1];
        uint32_t version;
        uint64_t len;
        if (!src->read(src, h, sizeof(h))) {
            snprintf(why, why_len, "%s", src->why);
            return false;
        }
        state_section_header_parse(h, tag, &version, &len);
        for (int i = 0; i < STATE_TAG_LEN; i++)
            if (tag[i] && (tag[i] < 0x20 || tag[i] > 0x7e)) tag[i] = '?';
        if (!strcmp(tag, "ram")) {
            if (version != SNAP_V_RAM) {
                snprintf(why, why_len, "section 'ram' has version %u, this vhart reads version %u", version, SNAP_V_RAM);
                return false;
            }
            *ram_len = len;
            if (!snapshot_ram_load(m, src, len, false, why, why_len)) return false;
            if (!src->at_end(src)) {
                snprintf(why, why_len, "%s", src->why);
                return false;
            }
            return true;
        }
        if (len > max || pre->len + sizeof(h) + len > max) {
            snprintf(why, why_len, "section '%s' is %llu bytes", tag, (unsigned long long)len);
            return false;
        }
        /* In pieces: a corrupt length costs memory only as far as the bytes really go. */
        state_put_bytes(pre, h, sizeof(h));
        for (uint64_t left = len; left && !pre->failed;) {
            uint8_t piece[16384];
            size_t k = left < sizeof(piece) ? (size_t)left : sizeof(piece);
            if (!src->read(src, piece, k)) {
                snprintf(why, why_len, "%s", src->why);
                return false;
            }
            state_put_bytes(pre, piece, k);
            left -= k;
        }
        if (pre->failed) {
            snprintf(why, why_len, "out of memory");
            return false;
        }
    }
}

/* Load a whole payload (RAM included) from src, or leave the machine as it was. Checking the whole
 * payload first (pass 1) and reading it again to apply it (pass 2) costs a second decompression but no
 * copy of the machine's RAM: docs/snapshots.md, "A failed load". */
int snapshot_load_source(struct machine *m, struct snap_source *src, char *err, size_t err_len)
{
    uint64_t max = (m->has_fb ? m->fb.size : 0) + disks_state_bound(m) + (64u << 20);
    struct state_writer pre, before;
    state_writer_init(&pre);
    uint64_t ram_len = 0;
    int rc = VHART_OK;
    err[0] = 0;
    if (!read_sections(m, src, &pre, max, &ram_len, err, err_len)) {
        if (!src->intact(src)) snprintf(err, err_len, "%s", src->why);
        rc = strstr(err, "out of memory") ? VHART_ERR_NOMEM : VHART_ERR_FORMAT;
    }
    if (!rc) rc = apply_sections(m, pre.data, pre.len, &before, err, err_len);
    if (!rc) {
        uint8_t h[STATE_SECTION_HEADER];
        if (!src->rewind(src) || !src->read(src, NULL, pre.len) || !src->read(src, h, sizeof(h)) ||
            !snapshot_ram_load(m, src, ram_len, true, err, err_len)) {
            /* Only when the file changed (or could not be read) between the passes. */
            char why[256];
            snprintf(why, sizeof(why), "%s", err[0] ? err : src->why);
            snprintf(err, err_len, "changed while loading (%s): RAM is partly loaded", why);
            struct state_reader back;
            state_reader_init(&back, before.data, before.len);
            load_state(m, &back);
            rc = VHART_ERR_IO;
        }
        state_writer_free(&before);
    }
    state_writer_free(&pre);
    return rc;
}

int snapshot_load_payload_ram(struct machine *m, const void *data, size_t len, bool with_ram, char *err, size_t err_len)
{
    if (with_ram) {
        struct snap_mem_source src;
        snap_mem_source_init(&src, data, len);
        return snapshot_load_source(m, &src.base, err, err_len);
    }
    /* Without RAM (history.c): the payload is small, applied as it is. */
    struct state_writer before;
    int rc = apply_sections(m, data, len, &before, err, err_len);
    if (!rc) state_writer_free(&before);
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
    uint8_t *bytes;
    size_t len;
    int rc;
    FILE *f = open_file(path, &bytes, &len, err, err_len, &rc);
    if (!f) return rc;
    struct vhart_config saved;
    void *owner;
    memset(&saved, 0, sizeof(saved));
    rc = parse_config(path, bytes, len, &saved, &owner, err, err_len);
    free(bytes);
    if (rc) {
        fclose(f);
        return rc;
    }
    const char *differs = config_mismatch(&saved, &m->cfg);
    vhart_snapshot_config_free(owner);
    if (differs) {
        snprintf(err, err_len, "%s: taken from a machine with other %s", path, differs);
        fclose(f);
        return VHART_ERR_CONFIG;
    }
    long at = ftell(f);
    struct snap_zsource *z = at >= 0 ? snap_zsource_open(f, at, err, err_len) : NULL;
    if (!z) {
        if (at < 0) snprintf(err, err_len, "%s: %s", path, strerror(errno));
        fclose(f);
        return at < 0 ? VHART_ERR_IO : VHART_ERR_NOMEM;
    }
    char why[512];
    why[0] = 0;
    rc = snapshot_load_source(m, snap_zsource_base(z), why, sizeof(why));
    snap_zsource_free(z);
    fclose(f);
    /* Name the file: the payload's message says what in it is wrong. */
    if (rc) snprintf(err, err_len, "%s: %s", path, why);
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
