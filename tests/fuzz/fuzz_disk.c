/* Fuzz target: disk images and guest block requests end to end: the image (from the input) is a
 * scratch file opened by the real host backend (src/host/blockfile.c, read-only or not, writeback or
 * writethrough), served by virtio-blk (src/dev/virtio_blk.c) over the virtio-mmio transport, and hit
 * with requests from the input: read, write, flush, get-id, discard, write-zeroes and unknown types,
 * with wild sectors and lengths and data split over several descriptors. Besides never crashing,
 * every answer is checked against the file itself: a status byte of OK, IOERR or UNSUPP; reads return
 * the file's bytes; writes land in the file (never on a read-only drive); requests reaching past the
 * capacity fail; discarded and zeroed ranges read back as zeros. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dev/virtio.h"
#include "dev/virtio_blk.h"
#include "host/blockfile.h"
#include "mem/bus.h"
#include "util/endian.h"
#include "fuzz_common.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE 0x40000ull
#define DEV_BASE 0x10001000ull
#define QNUM 16u
#define DESC (RAM_BASE + 0x0000)
#define AVAIL (RAM_BASE + 0x1000)
#define USED (RAM_BASE + 0x2000)
#define HDR (RAM_BASE + 0x3000)
#define STATUS (RAM_BASE + 0x3100)
#define DATA (RAM_BASE + 0x4000)   /* request data: up to the end of RAM */
#define DATA_MAX (RAM_SIZE - 0x4000)
#define MAX_SECTORS 64u
#define MAX_REQUESTS 16

static struct bus bus;
static struct virtio_dev vd;
static struct virtio_blk blk;
static uint8_t file_copy[MAX_SECTORS * 512 + 512];

static void mmio_w(uint32_t off, uint32_t v) { bus_write(&bus, DEV_BASE + off, 4, v); }
static uint32_t mmio_r(uint32_t off)
{
    uint64_t v = 0;
    bus_read(&bus, DEV_BASE + off, 4, &v);
    return (uint32_t)v;
}
static uint8_t *ram(uint64_t gpa, uint64_t len) { return bus_host_ptr(&bus, gpa, len); }

static void put_desc(unsigned i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next)
{
    uint8_t *p = ram(DESC + 16ull * i, 16);
    le_store64(p, addr);
    le_store32(p + 8, len);
    le_store16(p + 12, flags);
    le_store16(p + 14, next);
}

static void read_file(const char *path, uint8_t *buf, size_t len)
{
    int fd = open(path, O_RDONLY);
    FUZZ_CHECK(fd >= 0);
    FUZZ_CHECK(pread(fd, buf, len, 0) == (ssize_t)len);
    close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = { data, size };
    char path[512], err[512];
    fuzz_path("disk.img", path, sizeof(path));

    /* The image: its size (whole sectors, or any byte count to test the open errors), and contents
     * from a pattern of the input's bytes. */
    uint8_t flags = fz_u8(&in);
    uint16_t sizesel = fz_u16(&in);
    size_t image_len = (flags & 0x10) ? sizesel % (MAX_SECTORS * 512 + 1) : (sizesel % MAX_SECTORS + 1) * 512u;
    uint8_t seed[64];
    size_t nseed = fz_bytes(&in, seed, fz_u8(&in) % sizeof(seed));
    static uint8_t image[MAX_SECTORS * 512];
    for (size_t i = 0; i < image_len; i++) image[i] = nseed ? (uint8_t)(seed[i % nseed] ^ (i >> 9)) : (uint8_t)(i >> 9);
    fuzz_write_file(path, image, image_len);

    bool ro = flags & 1;
    struct blockfile bf;
    if (blockfile_open(&bf, path, ro, (flags & 2) ? BLOCKFILE_CACHE_WRITETHROUGH : BLOCKFILE_CACHE_WRITEBACK, err,
                       sizeof(err))) {
        FUZZ_CHECK(bf.fd == -1 && err[0] && !strchr(err, '\n'));
        FUZZ_CHECK(image_len == 0 || image_len % 512 != 0);
        return 0;
    }
    FUZZ_CHECK(bf.size == image_len && image_len % 512 == 0);
    uint64_t capacity = image_len / 512;

    bus_init(&bus);
    FUZZ_CHECK(bus_add_memory(&bus, "ram", RAM_BASE, RAM_SIZE, false) != NULL);
    FUZZ_CHECK(virtio_blk_init(&blk, &bf.backend, "vhart-fuzz-disk") == 0);
    virtio_mmio_init(&vd, &bus, &virtio_blk_device_ops, &blk, NULL, NULL);
    FUZZ_CHECK(bus_add_device(&bus, "virtio", DEV_BASE, 0x1000, &virtio_mmio_ops, &vd) != NULL);

    /* Driver start: accept what is offered except what the input declines. */
    mmio_w(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    mmio_w(0x014, 0);
    uint32_t lo = mmio_r(0x010);
    mmio_w(0x014, 1);
    uint32_t hi = mmio_r(0x010);
    uint32_t decline = (flags & 4 ? (uint32_t)VIRTIO_BLK_F_FLUSH : 0) | (flags & 8 ? (uint32_t)VIRTIO_BLK_F_DISCARD : 0) |
                       (flags & 0x20 ? (uint32_t)VIRTIO_BLK_F_WRITE_ZEROES : 0) |
                       (flags & 0x40 ? (uint32_t)VIRTIO_F_RING_EVENT_IDX : 0);
    mmio_w(0x024, 0);
    mmio_w(0x020, lo & ~decline);
    mmio_w(0x024, 1);
    mmio_w(0x020, hi);
    mmio_w(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    FUZZ_CHECK(mmio_r(0x070) & VIRTIO_STATUS_FEATURES_OK);
    mmio_w(0x030, 0);
    mmio_w(0x038, QNUM);
    mmio_w(0x080, (uint32_t)DESC);
    mmio_w(0x084, (uint32_t)(DESC >> 32));
    mmio_w(0x090, (uint32_t)AVAIL);
    mmio_w(0x094, (uint32_t)(AVAIL >> 32));
    mmio_w(0x0a0, (uint32_t)USED);
    mmio_w(0x0a4, (uint32_t)(USED >> 32));
    mmio_w(0x044, 1);
    mmio_w(0x070, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK |
                      VIRTIO_STATUS_DRIVER_OK);
    FUZZ_CHECK(vd.queues[0].ready);
    bool discard_ok = blk.accepted & VIRTIO_BLK_F_DISCARD, zeroes_ok = blk.accepted & VIRTIO_BLK_F_WRITE_ZEROES;

    uint16_t avail_idx = 0;
    for (unsigned r = 0; r < MAX_REQUESTS && in.left; r++) {
        static const uint32_t types[] = { VIRTIO_BLK_T_IN, VIRTIO_BLK_T_OUT, VIRTIO_BLK_T_FLUSH, VIRTIO_BLK_T_GET_ID,
                                          VIRTIO_BLK_T_DISCARD, VIRTIO_BLK_T_WRITE_ZEROES, VIRTIO_BLK_T_GET_LIFETIME };
        uint8_t tsel = fz_u8(&in);
        uint32_t type = tsel < 0xf0 ? types[tsel % 7] : fz_u32(&in);
        uint8_t ssel = fz_u8(&in);
        uint64_t sector;
        switch (ssel & 3) {
        case 0: sector = ssel >> 2; break;
        case 1: sector = capacity - (ssel >> 2); break;      /* near (or past) the end */
        case 2: sector = fz_u64(&in); break;                 /* anything */
        default: sector = (uint64_t)fz_u16(&in); break;
        }
        uint8_t lsel = fz_u8(&in);
        uint64_t data_len = (lsel & 0x80) ? fz_u16(&in) % (DATA_MAX + 1) : (lsel & 0x7f) * 512ull;
        if (data_len > DATA_MAX) data_len = DATA_MAX & ~511ull;
        unsigned splits = fz_u8(&in) % 4;   /* data descriptors beyond the first */
        bool status_separate = !(tsel & 0x08) || data_len == 0;
        bool data_writable = type == VIRTIO_BLK_T_IN || type == VIRTIO_BLK_T_GET_ID || type == VIRTIO_BLK_T_GET_LIFETIME;

        /* Fill the request: header, data (for writes and discard lists: from the input), status. */
        uint8_t *hdr = ram(HDR, 16);
        le_store32(hdr, type);
        le_store32(hdr + 4, 0);
        le_store64(hdr + 8, sector);
        uint8_t *d = ram(DATA, DATA_MAX);
        if (type == VIRTIO_BLK_T_DISCARD || type == VIRTIO_BLK_T_WRITE_ZEROES) {
            for (uint64_t i = 0; i + 16 <= data_len; i += 16) {
                uint8_t s = fz_u8(&in);
                le_store64(d + i, s & 0x80 ? fz_u64(&in) : (uint64_t)(s & 0x3f));
                le_store32(d + i + 8, fz_u8(&in));
                le_store32(d + i + 12, (s & 0x40) ? fz_u32(&in) : 0);
            }
        } else {
            for (uint64_t i = 0; i < data_len; i++) d[i] = (uint8_t)(0x3c ^ i ^ (i >> 9) ^ r);
        }
        *ram(STATUS, 1) = 0xee;

        /* The chain: header | data in 1..4 pieces | status (or the status as the data's last byte). */
        unsigned n = 0;
        put_desc(n, HDR, 16, 1, (uint16_t)(n + 1));
        n++;
        uint64_t status_gpa = STATUS;
        uint64_t writable = 0;
        if (data_len) {
            uint64_t len = status_separate ? data_len : data_len + 1;   /* status folded into the data */
            if (!status_separate) status_gpa = DATA + data_len;
            uint64_t done = 0;
            for (unsigned k = 0; k <= splits; k++) {
                uint64_t piece = k == splits ? len - done : (len - done) / 2;
                if (piece == 0 && k != splits) continue;
                bool last = k == splits && !status_separate;
                put_desc(n, DATA + done, (uint32_t)piece, (uint16_t)((data_writable || !status_separate ? 2 : 0) | (last ? 0 : 1)),
                         (uint16_t)(n + 1));
                if (data_writable || !status_separate) writable += piece;
                n++;
                done += piece;
            }
        }
        if (status_separate) {
            put_desc(n, STATUS, 1, 2, 0);
            writable += 1;
            n++;
        }
        *ram(status_gpa, 1) = 0xee;
        uint8_t *avail = ram(AVAIL, 6 + 2 * QNUM);
        le_store16(avail + 4 + 2 * (avail_idx % QNUM), 0);
        avail_idx++;
        le_store16(avail + 2, avail_idx);
        uint16_t used_before = le_load16(ram(USED + 2, 2));
        mmio_w(0x050, 0);

        uint16_t used_now = le_load16(ram(USED + 2, 2));
        if (vd.status & VIRTIO_STATUS_DEVICE_NEEDS_RESET) break;   /* e.g. a data chain without a writable byte */
        FUZZ_CHECK(used_now == (uint16_t)(used_before + 1));
        const uint8_t *elem = ram(USED + 4 + 8 * ((used_now - 1) % QNUM), 8);
        FUZZ_CHECK(le_load32(elem) == 0);
        uint32_t used_len = le_load32(elem + 4);
        FUZZ_CHECK(used_len >= 1 && used_len <= writable);
        uint8_t status = *ram(status_gpa, 1);
        FUZZ_CHECK(status == VIRTIO_BLK_S_OK || status == VIRTIO_BLK_S_IOERR || status == VIRTIO_BLK_S_UNSUPP);

        /* The file is the oracle. */
        read_file(path, file_copy, image_len);
        bool in_range = (type == VIRTIO_BLK_T_IN || type == VIRTIO_BLK_T_OUT) && data_len % 512 == 0 &&
                        sector <= capacity && data_len / 512 <= capacity - sector;
        if (type == VIRTIO_BLK_T_IN && status_separate && status == VIRTIO_BLK_S_OK) {
            FUZZ_CHECK(in_range);
            FUZZ_CHECK(memcmp(d, file_copy + sector * 512, (size_t)data_len) == 0);
            FUZZ_CHECK(used_len == data_len + 1);
        }
        if (type == VIRTIO_BLK_T_OUT && status_separate) {
            if (ro) FUZZ_CHECK(status != VIRTIO_BLK_S_OK);
            if (status == VIRTIO_BLK_S_OK) {
                FUZZ_CHECK(in_range);
                FUZZ_CHECK(memcmp(d, file_copy + sector * 512, (size_t)data_len) == 0);
                memcpy(image + sector * 512, d, (size_t)data_len);
            }
        }
        if ((type == VIRTIO_BLK_T_IN || type == VIRTIO_BLK_T_OUT) && status_separate && !in_range)
            FUZZ_CHECK(status != VIRTIO_BLK_S_OK);
        if (type == VIRTIO_BLK_T_GET_ID && status_separate && data_len) {
            FUZZ_CHECK(status == VIRTIO_BLK_S_OK);
            size_t idn = data_len < 20 ? (size_t)data_len : 20;
            FUZZ_CHECK(memcmp(d, "vhart-fuzz-disk\0\0\0\0\0", idn) == 0);
        }
        if ((type == VIRTIO_BLK_T_DISCARD && !discard_ok) || (type == VIRTIO_BLK_T_WRITE_ZEROES && !zeroes_ok))
            FUZZ_CHECK(status == VIRTIO_BLK_S_UNSUPP);
        if ((type == VIRTIO_BLK_T_DISCARD || type == VIRTIO_BLK_T_WRITE_ZEROES) && status == VIRTIO_BLK_S_OK) {
            FUZZ_CHECK(!ro && status_separate);
            for (uint64_t i = 0; i + 16 <= data_len; i += 16) {
                uint64_t s = le_load64(d + i), cnt = le_load32(d + i + 8);
                FUZZ_CHECK(s <= capacity && cnt <= capacity - s);
                for (uint64_t b = s * 512; b < (s + cnt) * 512; b++) FUZZ_CHECK(file_copy[b] == 0);
                memset(image + s * 512, 0, (size_t)(cnt * 512));
            }
        }
        if (type == VIRTIO_BLK_T_OUT || type == VIRTIO_BLK_T_DISCARD || type == VIRTIO_BLK_T_WRITE_ZEROES) {
            /* Nothing else changed: the file equals our model of it. */
            if (status == VIRTIO_BLK_S_OK) FUZZ_CHECK(memcmp(file_copy, image, image_len) == 0);
        } else {
            FUZZ_CHECK(memcmp(file_copy, image, image_len) == 0);   /* reads, flushes, get-id never write */
        }
    }
    char line[512];
    virtio_blk_describe(&blk, line, sizeof(line));
    FUZZ_CHECK(blockfile_close(&bf) == 0);
    bus_destroy(&bus);
    return 0;
}
