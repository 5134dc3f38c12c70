/* virtio-blk after OASIS VIRTIO 1.2, section 5.2: configuration space, feature offer and the request
 * queue (IN, OUT, FLUSH, GET_ID, DISCARD, WRITE_ZEROES), served synchronously in queue_notify.
 *
 * A request is a 16-byte header (le32 type, le32 reserved, le64 sector) in the device-readable part,
 * then data, then one status byte: the last device-writable byte of the chain, wherever the driver
 * put the segment boundaries (2.6.4: no assumptions about descriptor layout).
 * - Malformed requests. A chain with no device-writable byte has nowhere to report a status: the
 *   device cannot complete it, so it is a device error (2.1.1): virtio_set_needs_reset, the chain is
 *   not returned and the queue is not looked at further. Every other malformation (header shorter
 *   than 16 bytes, IN/OUT data not a whole number of sectors, a ragged or empty discard list, more
 *   than 4 GiB of writable bytes) completes with VIRTIO_BLK_S_IOERR, so a buggy or hostile driver
 *   gets an answer and the device keeps working.
 * - Bounds: any sector range reaching past the capacity is VIRTIO_BLK_S_IOERR with nothing done.
 * - Read-only drives offer VIRTIO_BLK_F_RO and answer OUT with IOERR without writing (5.2.6.1);
 *   they offer neither DISCARD nor WRITE_ZEROES, so those get UNSUPP like any type not negotiated.
 * - Unknown discard/write-zeroes flags, and UNMAP on a discard, are UNSUPP (5.2.6.1).
 * - Durability (5.2.6.1 "stable writes"): with VIRTIO_BLK_F_FLUSH negotiated a write is durable once a
 *   later FLUSH completes, and FLUSH completes only after the backend's flush (fsync) returned. If the
 *   driver declined FLUSH although offered, every modifying request flushes before it completes.
 * - Used length: the bytes the device wrote into the chain, status byte included (IN: data + 1;
 *   GET_ID: id bytes + 1; others: 1). A failed IN counts only the data actually delivered.
 * All guest memory moves through virtio_chain_read / virtio_chain_write, in pieces of the bounce
 * buffer, so requests of any size need no allocation. */
#include "virtio_blk.h"
#include "../util/statebuf.h"

#include <stdio.h>
#include <string.h>

#include "../util/endian.h"

static bool range_ok(const struct virtio_blk *blk, uint64_t sector, uint64_t nsect)
{
    return sector <= blk->capacity && nsect <= blk->capacity - sector;
}

/* A modifying request completed: make it stable if the driver does not send flushes itself. */
static int settle(struct virtio_blk *blk)
{
    if ((blk->offered & VIRTIO_BLK_F_FLUSH) && !(blk->accepted & VIRTIO_BLK_F_FLUSH)) return blk->be.flush(blk->be.opaque);
    return 0;
}

static uint8_t do_in(struct virtio_blk *blk, struct virtio_dev *vd, const struct virtio_chain *c, uint64_t sector,
                     uint64_t *written)
{
    uint64_t len = c->in_len - 1;
    if (len % VIRTIO_BLK_SECTOR_SIZE || !range_ok(blk, sector, len / VIRTIO_BLK_SECTOR_SIZE)) return VIRTIO_BLK_S_IOERR;
    uint64_t off = sector * VIRTIO_BLK_SECTOR_SIZE;
    for (uint64_t done = 0; done < len;) {
        size_t n = len - done < VIRTIO_BLK_BOUNCE_SIZE ? (size_t)(len - done) : VIRTIO_BLK_BOUNCE_SIZE;
        if (blk->be.read(blk->be.opaque, off + done, blk->bounce, n) < 0) return VIRTIO_BLK_S_IOERR;
        size_t w = virtio_chain_write(vd, c, done, blk->bounce, n);
        *written += w;
        if (w != n) return VIRTIO_BLK_S_IOERR;
        done += n;
    }
    blk->stats.reads++;
    blk->stats.bytes_read += len;
    return VIRTIO_BLK_S_OK;
}

static uint8_t do_out(struct virtio_blk *blk, const struct virtio_chain *c, uint64_t sector)
{
    if (blk->be.read_only) return VIRTIO_BLK_S_IOERR;
    uint64_t len = c->out_len - VIRTIO_BLK_HEADER_SIZE;
    if (len % VIRTIO_BLK_SECTOR_SIZE || !range_ok(blk, sector, len / VIRTIO_BLK_SECTOR_SIZE)) return VIRTIO_BLK_S_IOERR;
    uint64_t off = sector * VIRTIO_BLK_SECTOR_SIZE;
    for (uint64_t done = 0; done < len;) {
        size_t n = len - done < VIRTIO_BLK_BOUNCE_SIZE ? (size_t)(len - done) : VIRTIO_BLK_BOUNCE_SIZE;
        if (virtio_chain_read(c, VIRTIO_BLK_HEADER_SIZE + done, blk->bounce, n) != n) return VIRTIO_BLK_S_IOERR;
        if (blk->be.write(blk->be.opaque, off + done, blk->bounce, n) < 0) return VIRTIO_BLK_S_IOERR;
        done += n;
    }
    if (settle(blk) < 0) return VIRTIO_BLK_S_IOERR;
    blk->stats.writes++;
    blk->stats.bytes_written += len;
    return VIRTIO_BLK_S_OK;
}

static uint8_t do_flush(struct virtio_blk *blk)
{
    if (blk->be.flush && !blk->be.read_only && blk->be.flush(blk->be.opaque) < 0) return VIRTIO_BLK_S_IOERR;
    blk->stats.flushes++;
    return VIRTIO_BLK_S_OK;
}

static uint8_t do_get_id(struct virtio_blk *blk, struct virtio_dev *vd, const struct virtio_chain *c,
                         uint64_t *written)
{
    uint64_t room = c->in_len - 1;
    size_t n = room < VIRTIO_BLK_ID_BYTES ? (size_t)room : VIRTIO_BLK_ID_BYTES;
    *written += virtio_chain_write(vd, c, 0, blk->serial, n);
    blk->stats.get_ids++;
    return VIRTIO_BLK_S_OK;
}

static int write_zero_buffers(struct virtio_blk *blk, uint64_t off, uint64_t len)
{
    memset(blk->bounce, 0, VIRTIO_BLK_BOUNCE_SIZE);
    for (uint64_t done = 0; done < len;) {
        size_t n = len - done < VIRTIO_BLK_BOUNCE_SIZE ? (size_t)(len - done) : VIRTIO_BLK_BOUNCE_SIZE;
        int r = blk->be.write(blk->be.opaque, off + done, blk->bounce, n);
        if (r < 0) return r;
        done += n;
    }
    return 0;
}

/* DISCARD and WRITE_ZEROES: a list of 16-byte segments, all validated before any is carried out. */
static uint8_t do_discard_or_zero(struct virtio_blk *blk, const struct virtio_chain *c, uint32_t type)
{
    bool discard = type == VIRTIO_BLK_T_DISCARD;
    if (!(blk->accepted & (discard ? VIRTIO_BLK_F_DISCARD : VIRTIO_BLK_F_WRITE_ZEROES))) return VIRTIO_BLK_S_UNSUPP;
    if (blk->be.read_only) return VIRTIO_BLK_S_IOERR;
    uint64_t payload = c->out_len - VIRTIO_BLK_HEADER_SIZE;
    if (payload == 0 || payload % VIRTIO_BLK_DWZ_SEGMENT_SIZE ||
        payload / VIRTIO_BLK_DWZ_SEGMENT_SIZE > VIRTIO_BLK_MAX_DISCARD_SEG)
        return VIRTIO_BLK_S_IOERR;
    unsigned nseg = (unsigned)(payload / VIRTIO_BLK_DWZ_SEGMENT_SIZE);
    uint8_t segs[VIRTIO_BLK_MAX_DISCARD_SEG * VIRTIO_BLK_DWZ_SEGMENT_SIZE];
    if (virtio_chain_read(c, VIRTIO_BLK_HEADER_SIZE, segs, (size_t)payload) != payload) return VIRTIO_BLK_S_IOERR;
    uint8_t status = VIRTIO_BLK_S_OK;
    for (unsigned i = 0; i < nseg; i++) {
        const uint8_t *s = segs + i * VIRTIO_BLK_DWZ_SEGMENT_SIZE;
        uint32_t flags = le_load32(s + 12);
        if ((flags & ~VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP) || (discard && (flags & VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP)))
            return VIRTIO_BLK_S_UNSUPP;
        uint32_t nsect = le_load32(s + 8);
        if (nsect > VIRTIO_BLK_MAX_DISCARD_SECTORS || !range_ok(blk, le_load64(s), nsect)) status = VIRTIO_BLK_S_IOERR;
    }
    if (status != VIRTIO_BLK_S_OK) return status;
    for (unsigned i = 0; i < nseg; i++) {
        const uint8_t *s = segs + i * VIRTIO_BLK_DWZ_SEGMENT_SIZE;
        uint64_t off = le_load64(s) * VIRTIO_BLK_SECTOR_SIZE;
        uint64_t len = (uint64_t)le_load32(s + 8) * VIRTIO_BLK_SECTOR_SIZE;
        bool unmap = le_load32(s + 12) & VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP;
        if (len == 0) continue;
        int r;
        if (discard) r = blk->be.discard(blk->be.opaque, off, len);
        else if (blk->be.write_zeroes) r = blk->be.write_zeroes(blk->be.opaque, off, len, unmap);
        else r = write_zero_buffers(blk, off, len);
        if (r < 0) return VIRTIO_BLK_S_IOERR;
    }
    if (settle(blk) < 0) return VIRTIO_BLK_S_IOERR;
    if (discard) blk->stats.discards++;
    else blk->stats.write_zeroes++;
    return VIRTIO_BLK_S_OK;
}

/* Serve one request; returns the used length. The chain has at least one writable byte. */
static uint32_t handle_request(struct virtio_blk *blk, struct virtio_dev *vd, const struct virtio_chain *c)
{
    uint64_t written = 0;
    uint8_t status;
    uint8_t hdr[VIRTIO_BLK_HEADER_SIZE];
    if (c->in_len > UINT32_MAX || virtio_chain_read(c, 0, hdr, sizeof(hdr)) != sizeof(hdr)) {
        status = VIRTIO_BLK_S_IOERR;
    } else {
        uint32_t type = le_load32(hdr);
        uint64_t sector = le_load64(hdr + 8);
        switch (type) {
        case VIRTIO_BLK_T_IN: status = do_in(blk, vd, c, sector, &written); break;
        case VIRTIO_BLK_T_OUT: status = do_out(blk, c, sector); break;
        case VIRTIO_BLK_T_FLUSH: status = do_flush(blk); break;
        case VIRTIO_BLK_T_GET_ID: status = do_get_id(blk, vd, c, &written); break;
        case VIRTIO_BLK_T_DISCARD:
        case VIRTIO_BLK_T_WRITE_ZEROES: status = do_discard_or_zero(blk, c, type); break;
        default: status = VIRTIO_BLK_S_UNSUPP; break;
        }
    }
    if (status == VIRTIO_BLK_S_IOERR) blk->stats.errors++;
    else if (status == VIRTIO_BLK_S_UNSUPP) blk->stats.unsupported++;
    written += virtio_chain_write(vd, c, c->in_len - 1, &status, 1);
    return (uint32_t)written;
}

static void blk_queue_notify(void *opaque, struct virtio_dev *vd, unsigned q)
{
    struct virtio_blk *blk = opaque;
    if (q != 0 || !virtio_queue_usable(vd, 0)) return;
    struct virtio_chain chain;
    bool pushed = false;
    while (virtio_queue_pop(vd, 0, &chain) == 1) {
        if (chain.in_len == 0) {   /* no status byte: cannot be completed */
            virtio_set_needs_reset(vd);
            break;
        }
        virtio_queue_push(vd, 0, &chain, handle_request(blk, vd, &chain));
        pushed = true;
    }
    if (pushed) virtio_queue_notify_driver(vd, 0);
}

static uint64_t blk_features(void *opaque) { return ((struct virtio_blk *)opaque)->offered; }

static void blk_set_features(void *opaque, uint64_t accepted)
{
    struct virtio_blk *blk = opaque;
    blk->accepted = accepted & blk->offered;
}

static uint8_t *blk_config(void *opaque, uint32_t *size)
{
    *size = VIRTIO_BLK_CONFIG_SIZE;
    return ((struct virtio_blk *)opaque)->config;
}

static void blk_reset(void *opaque) { ((struct virtio_blk *)opaque)->accepted = 0; }

const struct virtio_device_ops virtio_blk_device_ops = {
    .name = "virtio-blk",
    .device_id = VIRTIO_ID_BLOCK,
    .num_queues = 1,
    .features = blk_features,
    .set_features = blk_set_features,
    .config = blk_config,
    .config_write = NULL,
    .queue_notify = blk_queue_notify,
    .reset = blk_reset,
};

int virtio_blk_init(struct virtio_blk *blk, const struct block_backend *be, const char *serial)
{
    memset(blk, 0, sizeof(*blk));
    if (!be->read || (!be->read_only && !be->write)) return -1;
    blk->be = *be;
    blk->capacity = be->size_bytes / VIRTIO_BLK_SECTOR_SIZE;
    if (serial) {   /* NUL-padded (the memset), as GET_ID wants */
        size_t n = strlen(serial);
        memcpy(blk->serial, serial, n < sizeof(blk->serial) ? n : sizeof(blk->serial));
    }

    blk->offered = VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_BLK_SIZE;
    if (be->read_only) {
        blk->offered |= VIRTIO_BLK_F_RO;
    } else {
        if (be->flush) blk->offered |= VIRTIO_BLK_F_FLUSH;
        if (be->discard) blk->offered |= VIRTIO_BLK_F_DISCARD;
        blk->offered |= VIRTIO_BLK_F_WRITE_ZEROES;
    }

    uint8_t *cfg = blk->config;
    le_store64(cfg + VIRTIO_BLK_CFG_CAPACITY, blk->capacity);
    le_store32(cfg + VIRTIO_BLK_CFG_SEG_MAX, VIRTIO_BLK_SEG_MAX);
    le_store32(cfg + VIRTIO_BLK_CFG_BLK_SIZE, VIRTIO_BLK_SECTOR_SIZE);
    if (blk->offered & VIRTIO_BLK_F_DISCARD) {
        le_store32(cfg + VIRTIO_BLK_CFG_MAX_DISCARD_SECTORS, VIRTIO_BLK_MAX_DISCARD_SECTORS);
        le_store32(cfg + VIRTIO_BLK_CFG_MAX_DISCARD_SEG, VIRTIO_BLK_MAX_DISCARD_SEG);
        le_store32(cfg + VIRTIO_BLK_CFG_DISCARD_SECTOR_ALIGNMENT, 1);
    }
    if (blk->offered & VIRTIO_BLK_F_WRITE_ZEROES) {
        le_store32(cfg + VIRTIO_BLK_CFG_MAX_WRITE_ZEROES_SECTORS, VIRTIO_BLK_MAX_DISCARD_SECTORS);
        le_store32(cfg + VIRTIO_BLK_CFG_MAX_WRITE_ZEROES_SEG, VIRTIO_BLK_MAX_DISCARD_SEG);
        /* Only a backend with its own write_zeroes can deallocate; zero buffers never do. */
        cfg[VIRTIO_BLK_CFG_WRITE_ZEROES_MAY_UNMAP] = be->write_zeroes != NULL;
    }
    return 0;
}

void virtio_blk_describe(const struct virtio_blk *blk, char *buf, size_t len)
{
    if (!len) return;
    char serial[VIRTIO_BLK_ID_BYTES + 1];
    memcpy(serial, blk->serial, VIRTIO_BLK_ID_BYTES);
    serial[VIRTIO_BLK_ID_BYTES] = 0;
    static const struct { uint64_t bit; const char *name; } names[] = {
        {VIRTIO_BLK_F_SEG_MAX, "seg_max"}, {VIRTIO_BLK_F_RO, "ro"},
        {VIRTIO_BLK_F_BLK_SIZE, "blk_size"}, {VIRTIO_BLK_F_FLUSH, "flush"},
        {VIRTIO_BLK_F_DISCARD, "discard"}, {VIRTIO_BLK_F_WRITE_ZEROES, "write_zeroes"},
    };
    char feats[96] = "";
    size_t at = 0;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (!(blk->accepted & names[i].bit)) continue;
        int n = snprintf(feats + at, sizeof(feats) - at, "%s%s", at ? "," : "", names[i].name);
        if (n > 0) at += (size_t)n;
    }
    const struct virtio_blk_stats *s = &blk->stats;
    snprintf(buf, len,
             "virtio-blk: %llu sectors (%llu bytes), %s, serial \"%s\", features %s; "
             "reads %llu (%llu bytes), writes %llu (%llu bytes), flushes %llu, discards %llu, write-zeroes %llu, "
             "get-id %llu, unsupported %llu, errors %llu",
             (unsigned long long)blk->capacity, (unsigned long long)blk->capacity * VIRTIO_BLK_SECTOR_SIZE,
             blk->be.read_only ? "read-only" : "read-write", serial, at ? feats : "(none negotiated)",
             (unsigned long long)s->reads, (unsigned long long)s->bytes_read, (unsigned long long)s->writes,
             (unsigned long long)s->bytes_written, (unsigned long long)s->flushes, (unsigned long long)s->discards,
             (unsigned long long)s->write_zeroes, (unsigned long long)s->get_ids,
             (unsigned long long)s->unsupported, (unsigned long long)s->errors);
}

void virtio_blk_save(const struct virtio_blk *blk, struct state_writer *w)
{
    state_put_u64(w, blk->accepted);
    const struct virtio_blk_stats *s = &blk->stats;
    const uint64_t stats[] = { s->reads, s->writes, s->flushes, s->get_ids, s->discards, s->write_zeroes,
                               s->unsupported, s->errors, s->bytes_read, s->bytes_written };
    state_put_u64s(w, stats, sizeof(stats) / sizeof(stats[0]));
}

void virtio_blk_load(struct virtio_blk *blk, struct state_reader *r)
{
    blk->accepted = state_get_u64(r) & blk->offered;
    struct virtio_blk_stats *s = &blk->stats;
    uint64_t *fields[] = { &s->reads, &s->writes, &s->flushes, &s->get_ids, &s->discards, &s->write_zeroes,
                           &s->unsupported, &s->errors, &s->bytes_read, &s->bytes_written };
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) *fields[i] = state_get_u64(r);
}
