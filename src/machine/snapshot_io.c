/* A snapshot's state as a stream: compressed into the file section by section while it is saved
 * (ZSTD_compressStream2), decompressed from it in pieces while it is loaded (ZSTD_decompressStream), so
 * neither side ever holds the whole state; plus the in-memory source. docs/snapshots.md, "Format". */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "snapshot_internal.h"

/* Compression: level 1 (fast) with long-distance matching over a 16 MiB window, so that data repeated
 * within 16 MiB of guest RAM (not page-aligned: page-aligned copies are references already, see
 * snapshot_ram.c) compresses to references. The window is what the decoder allocates (and faults in)
 * while loading: 2^27 saved 3 % more on the bench's text case and cost 112 MiB more memory and twice
 * the time. Worker threads (nbWorkers 2) cost more CPU than they saved on a loaded 2-core host.
 * docs/performance.md, "Snapshots", has the measurements. */
#define SNAP_ZSTD_LEVEL 1
#define SNAP_ZSTD_WINDOW_LOG 24
#define SNAP_ZSTD_WORKERS 0

/* ---------------------------------------------------------------- memory */

static bool mem_read(struct snap_source *s, void *dst, size_t n)
{
    struct snap_mem_source *m = (struct snap_mem_source *)s;
    if (n > m->len - m->pos) {
        snprintf(s->why, sizeof(s->why), "truncated (%zu bytes wanted at offset %zu of %zu)", n, m->pos, m->len);
        return false;
    }
    if (dst && n) memcpy(dst, m->data + m->pos, n);
    m->pos += n;
    return true;
}

static bool mem_at_end(struct snap_source *s)
{
    struct snap_mem_source *m = (struct snap_mem_source *)s;
    if (m->pos == m->len) return true;
    snprintf(s->why, sizeof(s->why), "%zu bytes after the last section", m->len - m->pos);
    return false;
}

static bool mem_intact(struct snap_source *s)
{
    (void)s;
    return true;
}

static bool mem_rewind(struct snap_source *s)
{
    ((struct snap_mem_source *)s)->pos = 0;
    return true;
}

void snap_mem_source_init(struct snap_mem_source *s, const void *data, size_t len)
{
    memset(s, 0, sizeof(*s));
    s->base.read = mem_read;
    s->base.at_end = mem_at_end;
    s->base.intact = mem_intact;
    s->base.rewind = mem_rewind;
    s->data = data;
    s->len = len;
}

/* ---------------------------------------------------------------- compressing */

struct snap_zsink {
    ZSTD_CCtx *cctx;
    FILE *f;
    uint8_t *out;
    size_t cap;
    bool failed;
    int err;          /* errno of a failed write */
    size_t zerr;      /* zstd's error code */
};

static bool zsink_drain(struct snap_zsink *z, ZSTD_outBuffer *out)
{
    if (out->pos && fwrite(out->dst, 1, out->pos, z->f) != out->pos) {
        z->err = errno ? errno : EIO;
        z->failed = true;
    }
    out->pos = 0;
    return !z->failed;
}

static bool zsink_write(void *opaque, const void *data, size_t len)
{
    struct snap_zsink *z = opaque;
    ZSTD_inBuffer in = { data, len, 0 };
    while (!z->failed && in.pos < in.size) {
        ZSTD_outBuffer out = { z->out, z->cap, 0 };
        size_t rc = ZSTD_compressStream2(z->cctx, &out, &in, ZSTD_e_continue);
        if (ZSTD_isError(rc)) {
            z->zerr = rc;
            z->failed = true;
        }
        zsink_drain(z, &out);
    }
    return !z->failed;
}

state_sink_fn snap_zsink_fn(void) { return zsink_write; }

struct snap_zsink *snap_zsink_open(FILE *f, char *err, size_t err_len)
{
    struct snap_zsink *z = calloc(1, sizeof(*z));
    if (z) {
        z->f = f;
        z->cap = ZSTD_CStreamOutSize();
        z->out = malloc(z->cap);
        z->cctx = ZSTD_createCCtx();
    }
    if (!z || !z->out || !z->cctx) {
        if (z) {
            free(z->out);
            ZSTD_freeCCtx(z->cctx);
        }
        free(z);
        snprintf(err, err_len, "savevm: out of memory");
        return NULL;
    }
    ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_compressionLevel, SNAP_ZSTD_LEVEL);
    ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_checksumFlag, 1);   /* xxhash64 of the content: corruption shows */
    if (SNAP_ZSTD_WINDOW_LOG) {
        ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_enableLongDistanceMatching, 1);
        ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_windowLog, SNAP_ZSTD_WINDOW_LOG);
    }
    /* Ignored (an error we do not need to see) by a libzstd built without threads. */
    if (SNAP_ZSTD_WORKERS) ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_nbWorkers, SNAP_ZSTD_WORKERS);
    return z;
}

bool snap_zsink_close(struct snap_zsink *z, bool ok, char *err, size_t err_len)
{
    if (ok && !z->failed) {
        ZSTD_inBuffer in = { NULL, 0, 0 };
        size_t left;
        do {
            ZSTD_outBuffer out = { z->out, z->cap, 0 };
            left = ZSTD_compressStream2(z->cctx, &out, &in, ZSTD_e_end);
            if (ZSTD_isError(left)) {
                z->zerr = left;
                z->failed = true;
            }
            zsink_drain(z, &out);
        } while (!z->failed && left);
    }
    bool good = !z->failed;
    if (z->failed) {
        if (z->zerr) snprintf(err, err_len, "savevm: compression failed: %s", ZSTD_getErrorName(z->zerr));
        else snprintf(err, err_len, "savevm: %s", strerror(z->err));
    }
    ZSTD_freeCCtx(z->cctx);
    free(z->out);
    free(z);
    return good;
}

/* ---------------------------------------------------------------- decompressing */

struct snap_zsource {
    struct snap_source base;
    ZSTD_DCtx *dctx;
    FILE *f;
    long at;              /* the frame's first byte in the file */
    uint8_t *in;
    ZSTD_inBuffer inb;
    bool eof;             /* the file has no more bytes */
    bool frame_done;      /* zstd saw the frame's end and checked its checksum */
    uint8_t *scratch;     /* where dropped bytes go */
    size_t scratch_cap;
};

static bool corrupt(struct snap_source *s)
{
    snprintf(s->why, sizeof(s->why), "truncated or corrupt snapshot");
    return false;
}

/* Decompress into out until it is full; false on a bad or short stream. */
static bool zsource_fill(struct snap_zsource *z, ZSTD_outBuffer *out)
{
    while (out->pos < out->size) {
        if (z->frame_done) return corrupt(&z->base);   /* the data ended before the reader did */
        if (z->inb.pos == z->inb.size && !z->eof) {
            size_t got = fread(z->in, 1, ZSTD_DStreamInSize(), z->f);
            if (got == 0) {
                if (ferror(z->f)) {
                    snprintf(z->base.why, sizeof(z->base.why), "cannot read the snapshot: %s", strerror(errno));
                    return false;
                }
                z->eof = true;
            }
            z->inb.size = got;
            z->inb.pos = 0;
        }
        size_t before_in = z->inb.pos, before_out = out->pos;
        size_t rc = ZSTD_decompressStream(z->dctx, out, &z->inb);
        if (ZSTD_isError(rc)) return corrupt(&z->base);
        if (rc == 0) z->frame_done = true;
        if (z->eof && z->inb.pos == before_in && out->pos == before_out && !z->frame_done) return corrupt(&z->base);
    }
    return true;
}

static bool zsource_read(struct snap_source *s, void *dst, size_t n)
{
    struct snap_zsource *z = (struct snap_zsource *)s;
    if (dst) {
        ZSTD_outBuffer out = { dst, n, 0 };
        return zsource_fill(z, &out);
    }
    while (n) {
        size_t k = n < z->scratch_cap ? n : z->scratch_cap;
        ZSTD_outBuffer out = { z->scratch, k, 0 };
        if (!zsource_fill(z, &out)) return false;
        n -= k;
    }
    return true;
}

static bool zsource_at_end(struct snap_source *s)
{
    struct snap_zsource *z = (struct snap_zsource *)s;
    /* Let zstd reach the frame's end (its checksum) with room for one more byte, which must not come. */
    uint8_t extra;
    ZSTD_outBuffer out = { &extra, 1, 0 };
    if (!z->frame_done && zsource_fill(z, &out)) {
        snprintf(s->why, sizeof(s->why), "bytes after the last section");
        return false;
    }
    if (!z->frame_done) return false;   /* why is set */
    /* Nothing may follow the frame in the file. */
    if (z->inb.pos < z->inb.size || fgetc(z->f) != EOF) return corrupt(s);
    return true;
}

static bool zsource_intact(struct snap_source *s)
{
    struct snap_zsource *z = (struct snap_zsource *)s;
    while (!z->frame_done) {
        ZSTD_outBuffer out = { z->scratch, z->scratch_cap, 0 };
        if (!zsource_fill(z, &out) && !z->frame_done) return false;
    }
    return true;
}

static bool zsource_rewind(struct snap_source *s)
{
    struct snap_zsource *z = (struct snap_zsource *)s;
    /* A session reset keeps the decoder's window buffer: the second pass faults no new memory in. */
    ZSTD_DCtx_reset(z->dctx, ZSTD_reset_session_only);
    z->inb = (ZSTD_inBuffer){ z->in, 0, 0 };
    z->eof = z->frame_done = false;
    if (fseek(z->f, z->at, SEEK_SET) != 0) {
        snprintf(s->why, sizeof(s->why), "cannot read the snapshot: %s", strerror(errno));
        return false;
    }
    return true;
}

struct snap_zsource *snap_zsource_open(FILE *f, long at, char *err, size_t err_len)
{
    struct snap_zsource *z = calloc(1, sizeof(*z));
    if (z) {
        z->base.read = zsource_read;
        z->base.at_end = zsource_at_end;
        z->base.intact = zsource_intact;
        z->base.rewind = zsource_rewind;
        z->f = f;
        z->at = at;
        z->in = malloc(ZSTD_DStreamInSize());
        z->scratch_cap = 1u << 17;
        z->scratch = malloc(z->scratch_cap);
        z->dctx = ZSTD_createDCtx();
    }
    if (!z || !z->in || !z->scratch || !z->dctx) {
        snap_zsource_free(z);
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    /* A frame asking for a larger window than saving ever uses is refused (as corrupt), not obeyed. */
    ZSTD_DCtx_setParameter(z->dctx, ZSTD_d_windowLogMax, SNAP_ZSTD_WINDOW_LOG);
    if (!zsource_rewind(&z->base)) {
        snprintf(err, err_len, "%s", z->base.why);
        snap_zsource_free(z);
        return NULL;
    }
    return z;
}

struct snap_source *snap_zsource_base(struct snap_zsource *z) { return &z->base; }

void snap_zsource_free(struct snap_zsource *z)
{
    if (!z) return;
    ZSTD_freeDCtx(z->dctx);
    free(z->in);
    free(z->scratch);
    free(z);
}
