/* The machine's disk images (disks.h): overlays under --snapshot, written-block records otherwise, and
 * the disks section of a snapshot: what identifies each image, checked on load (docs/snapshots.md). */
#define _POSIX_C_SOURCE 200809L
#include "disks.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/statebuf.h"
#include "machine_internal.h"

#define V_DISKS 2

const struct block_backend *disks_attach(struct machine *m, unsigned i, bool drive_read_only, char *err,
                                         size_t err_len)
{
    if (!m->disks) {
        m->disks = calloc(m->cfg.ndrives, sizeof(*m->disks));
        if (!m->disks) {
            snprintf(err, err_len, "out of memory");
            return NULL;
        }
        for (unsigned k = 0; k < m->cfg.ndrives; k++) m->disks[k].ov.fd = -1;
    }
    struct machine_disk *d = &m->disks[i];
    const struct block_backend *image = &m->blockfiles[i].backend;
    if (drive_read_only) {
        d->mode = DISK_READ_ONLY;
        return image;
    }
    if (m->cfg.snapshot_disks) {
        char why[256];
        if (overlay_open(&d->ov, image, NULL, why, sizeof(why))) {
            snprintf(err, err_len, "--snapshot: %s", why);
            return NULL;
        }
        d->mode = DISK_OVERLAY;
        return &d->ov.backend;
    }
    if (writeset_init(&d->ws, image)) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    d->mode = DISK_IN_PLACE;
    return &d->ws.backend;
}

int disks_history_overlay(struct machine *m, char *err, size_t err_len)
{
    for (unsigned i = 0; m->disks && i < m->cfg.ndrives; i++) {
        struct machine_disk *d = &m->disks[i];
        if (d->mode != DISK_IN_PLACE) continue;
        char why[256];
        /* The writeset still takes the guest's requests (the device holds its backend); below it the
         * overlay takes the place of the image. The disk now saves and loads as an overlay. */
        if (overlay_open(&d->ov, &d->ws.base, NULL, why, sizeof(why))) {
            snprintf(err, err_len, "disk %s: %s", m->cfg.drives[i], why);
            return VHART_ERR_IO;
        }
        d->ws.base = d->ov.backend;
        d->mode = DISK_OVERLAY;
        d->write_back = true;
    }
    return VHART_OK;
}

/* The overlay's granules written to the image, then made durable: the writes of a run under
 * reverse execution reach the image as a forward run would have left it. */
static int write_back(struct machine *m, unsigned i)
{
    struct machine_disk *d = &m->disks[i];
    const struct block_backend *img = &m->blockfiles[i].backend;
    static uint8_t buf[OVERLAY_GRANULE];
    uint64_t n = (d->ov.size + OVERLAY_GRANULE - 1) / OVERLAY_GRANULE;
    for (uint64_t g = granmap_next(&d->ov.map, 0); g < n; g = granmap_next(&d->ov.map, g + 1)) {
        uint64_t off = g * OVERLAY_GRANULE, len = d->ov.size - off < OVERLAY_GRANULE ? d->ov.size - off : OVERLAY_GRANULE;
        int r = d->ov.backend.read(d->ov.backend.opaque, off, buf, (size_t)len);
        if (!r) r = img->write(img->opaque, off, buf, (size_t)len);
        if (r) return r;
    }
    return img->flush ? img->flush(img->opaque) : 0;
}

int disks_write_back(struct machine *m, char *err, size_t err_len)
{
    int result = 0;
    for (unsigned i = 0; m->disks && i < m->cfg.ndrives; i++) {
        if (!m->disks[i].write_back || m->blockfiles[i].fd < 0) continue;
        m->disks[i].write_back = false;
        int r = write_back(m, i);
        if (r && !result) {
            snprintf(err, err_len, "--drive %s: writing back what the guest wrote under reverse execution failed: %s",
                     m->cfg.drives[i], strerror(r < 0 ? -r : r));
            result = -1;
        }
    }
    return result;
}

void disks_free(struct machine *m)
{
    if (!m->disks) return;
    for (unsigned i = 0; i < m->cfg.ndrives; i++) {
        overlay_close(&m->disks[i].ov);
        writeset_free(&m->disks[i].ws);
    }
    free(m->disks);
    m->disks = NULL;
}

/* The image's last modification, in nanoseconds (0 if it cannot be known). */
static uint64_t image_mtime(const struct blockfile *bf)
{
    struct stat st;
    if (bf->fd < 0 || fstat(bf->fd, &st) != 0) return 0;
    return (uint64_t)st.st_mtim.tv_sec * 1000000000ull + (uint64_t)st.st_mtim.tv_nsec;
}

/* Per drive: mode, size, mtime, then the written-block record (in place) or the overlay's blocks. */
int disks_save(struct machine *m, struct state_writer *w, char *err, size_t err_len)
{
    size_t s = state_section_begin(w, "disks", V_DISKS);
    state_put_u32(w, m->cfg.ndrives);
    for (unsigned i = 0; i < m->cfg.ndrives; i++) {
        struct machine_disk *d = &m->disks[i];
        state_put_u8(w, (uint8_t)d->mode);
        state_put_u64(w, m->blockfiles[i].size);
        state_put_u64(w, image_mtime(&m->blockfiles[i]));
        int r = 0;
        if (d->mode == DISK_IN_PLACE) r = writeset_save(&d->ws, w);
        else if (d->mode == DISK_OVERLAY) r = overlay_save(&d->ov, w);
        if (r < 0) {
            snprintf(err, err_len, "savevm: disk %s: %s", m->cfg.drives[i], strerror(-r));
            return VHART_ERR_IO;
        }
    }
    state_section_end(w, s);
    return VHART_OK;
}

static const char *const mode_names[] = { "written in place", "read-only", "under --snapshot" };

/* One drive's record: checked, and applied when `apply`. */
static void load_disk(struct machine *m, unsigned i, struct state_reader *s, bool apply)
{
    struct machine_disk *d = &m->disks[i];
    const char *name = m->cfg.drives[i];
    uint8_t mode = state_get_u8(s);
    uint64_t size = state_get_u64(s), mtime = state_get_u64(s);
    if (!s->failed && mode > DISK_OVERLAY) state_reader_fail(s, "disk mode %u", mode);
    if (s->failed) return;
    if (mode != d->mode) {
        state_reader_fail(s, "disk %s was %s when saved, it is %s now", name, mode_names[mode], mode_names[d->mode]);
        return;
    }
    if (size != m->blockfiles[i].size) {
        state_reader_fail(s, "disk %s is %llu bytes, it was %llu when saved", name,
                          (unsigned long long)m->blockfiles[i].size, (unsigned long long)size);
        return;
    }
    if (mtime != image_mtime(&m->blockfiles[i])) {
        state_reader_fail(s, "disk %s was modified after the snapshot was taken", name);
        return;
    }
    if (d->mode == DISK_OVERLAY) {
        overlay_load(&d->ov, s, apply);
    } else if (d->mode == DISK_IN_PLACE) {
        bool modified, differs;
        writeset_load(&d->ws, s, apply, &modified, &differs);
        if (modified) state_reader_fail(s, "disk %s was modified after the snapshot was taken", name);
        else if (differs)
            state_reader_fail(s, "disk %s does not hold what the guest wrote to it before the snapshot (another copy?)",
                              name);
    }
    if (s->failed && !strstr(s->error, "disk ")) {
        char why[sizeof(s->error)];
        memcpy(why, s->error, sizeof(why));
        /* Only the first failure is kept: name the drive in it. */
        int k = snprintf(s->error, sizeof(s->error), "disk %s: ", name);
        if (k > 0 && (size_t)k < sizeof(s->error)) memcpy(s->error + k, why, strnlen(why, sizeof(s->error) - (size_t)k - 1) + 1);
        s->error[sizeof(s->error) - 1] = 0;
    }
}

void disks_load(struct machine *m, struct state_reader *r)
{
    struct state_reader s;
    if (!state_section_open(r, "disks", V_DISKS, &s)) return;
    uint32_t n = state_get_u32(&s);
    if (!s.failed && n != m->cfg.ndrives) state_reader_fail(&s, "%u disks, the machine has %u", n, m->cfg.ndrives);
    /* Every drive checked first, on a copy of the reader; then the same records applied. */
    struct state_reader check = s;
    for (unsigned i = 0; i < n && !check.failed; i++) load_disk(m, i, &check, false);
    if (check.failed) {
        s = check;
    } else {
        for (unsigned i = 0; i < n && !s.failed; i++) load_disk(m, i, &s, true);
    }
    if (s.failed && !strncmp(s.error, "disk ", 5)) {
        state_reader_fail(r, "%s", s.error);   /* a drive's own message, as it is */
        return;
    }
    state_section_close(r, &s, "disks");
}

uint64_t disks_state_bound(const struct machine *m)
{
    uint64_t bound = 64;
    for (unsigned i = 0; i < m->cfg.ndrives; i++) {
        uint64_t size = m->blockfiles[i].size;
        /* Overlay: each granule with its number and kind; record: at most one extent per two granules. */
        bound += 64 + (m->disks && m->disks[i].mode == DISK_OVERLAY ? size + size / 256 : size / 256);
    }
    return bound;
}
