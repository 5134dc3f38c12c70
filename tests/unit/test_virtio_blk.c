/* Unit tests for src/dev/virtio_blk.c (VIRTIO 1.2, 5.2) over the real virtio-mmio transport: a driver
 * written here does the 3.1.1 handshake through the registers on a bus, builds split-ring descriptor
 * chains by hand in guest RAM, kicks the queue and checks status bytes, used lengths, guest memory and
 * the backing file (a mkstemp file opened with blockfile, or an in-memory backend for failure cases). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dev/virtio.h"
#include "dev/virtio_blk.h"
#include "host/blockfile.h"
#include "mem/bus.h"
#include "util/endian.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (16ull << 20)
#define MMIO_BASE 0x10001000ull
#define QNUM 16u
#define DESC_GPA (RAM_BASE + 0x0000)
#define AVAIL_GPA (RAM_BASE + 0x1000)
#define USED_GPA (RAM_BASE + 0x2000)
#define HDR_GPA (RAM_BASE + 0x10000)
#define STATUS_GPA (RAM_BASE + 0x11000)
#define DATA_GPA (RAM_BASE + 0x100000)
#define DISK_BYTES (1u << 20)
#define DISK_SECTORS (DISK_BYTES / 512u)

/* virtio-mmio registers (4.2.2). */
#define R_MAGIC 0x000
#define R_VERSION 0x004
#define R_DEVICE_ID 0x008
#define R_DEVICE_FEATURES 0x010
#define R_DEVICE_FEATURES_SEL 0x014
#define R_DRIVER_FEATURES 0x020
#define R_DRIVER_FEATURES_SEL 0x024
#define R_QUEUE_SEL 0x030
#define R_QUEUE_NUM_MAX 0x034
#define R_QUEUE_NUM 0x038
#define R_QUEUE_READY 0x044
#define R_QUEUE_NOTIFY 0x050
#define R_INTERRUPT_STATUS 0x060
#define R_INTERRUPT_ACK 0x064
#define R_STATUS 0x070
#define R_QUEUE_DESC_LOW 0x080
#define R_QUEUE_DESC_HIGH 0x084
#define R_QUEUE_DRIVER_LOW 0x090
#define R_QUEUE_DRIVER_HIGH 0x094
#define R_QUEUE_DEVICE_LOW 0x0a0
#define R_QUEUE_DEVICE_HIGH 0x0a4
#define R_CONFIG 0x100

#define VRING_DESC_F_NEXT 1u
#define VRING_DESC_F_WRITE 2u

static struct bus bus;
static struct virtio_dev vd;
static struct virtio_blk blk;
static struct blockfile bf;
static char path[64];
static int irq_level;
static unsigned irq_raises;
static uint16_t avail_idx, next_desc;
static uint64_t offered;

static uint8_t pattern_byte(uint64_t i) { return (uint8_t)(i * 7u + (i >> 9) + 1u); }

static void on_irq(void *opaque, int level)
{
    ck_assert_ptr_null(opaque);
    if (level && !irq_level) irq_raises++;
    irq_level = level;
}

/* ---- Guest memory and registers ---- */

static uint32_t reg_rd(uint32_t off)
{
    uint64_t v = 0xdeadbeef;
    ck_assert_int_eq(bus_read(&bus, MMIO_BASE + off, 4, &v), 0);
    return (uint32_t)v;
}
static void reg_wr(uint32_t off, uint32_t v) { ck_assert_int_eq(bus_write(&bus, MMIO_BASE + off, 4, v), 0); }
static uint64_t cfg_rd(uint32_t off, unsigned size)
{
    uint64_t v = 0xdeadbeef;
    ck_assert_int_eq(bus_read(&bus, MMIO_BASE + R_CONFIG + off, size, &v), 0);
    return v;
}
static void put(uint64_t pa, unsigned size, uint64_t v) { ck_assert_int_eq(bus_write(&bus, pa, size, v), 0); }
static uint64_t get(uint64_t pa, unsigned size)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&bus, pa, size, &v), 0);
    return v;
}
static void fill_guest(uint64_t pa, uint8_t byte, size_t len)
{
    uint8_t *p = bus_host_ptr(&bus, pa, len);
    ck_assert_ptr_nonnull(p);
    memset(p, byte, len);
}
static const uint8_t *guest(uint64_t pa, size_t len)
{
    const uint8_t *p = bus_host_ptr(&bus, pa, len);
    ck_assert_ptr_nonnull(p);
    return p;
}

/* ---- The backing file ---- */

static void make_disk(void)
{
    strcpy(path, "/tmp/vhart-virtio-blk-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    static uint8_t buf[DISK_BYTES];
    for (size_t i = 0; i < DISK_BYTES; i++) buf[i] = pattern_byte(i);
    ck_assert_int_eq(pwrite(fd, buf, DISK_BYTES, 0), (ssize_t)DISK_BYTES);
    close(fd);
}

static void file_read(uint64_t off, void *buf, size_t len)
{
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pread(fd, buf, len, (off_t)off), (ssize_t)len);
    close(fd);
}

static void expect_file_pattern(uint64_t off, size_t len)
{
    static uint8_t buf[DISK_BYTES];
    file_read(off, buf, len);
    for (size_t i = 0; i < len; i++) ck_assert_uint_eq(buf[i], pattern_byte(off + i));
}

static void expect_file_bytes(uint64_t off, uint8_t byte, size_t len)
{
    static uint8_t buf[DISK_BYTES];
    file_read(off, buf, len);
    for (size_t i = 0; i < len; i++) ck_assert_uint_eq(buf[i], byte);
}

/* ---- The driver ---- */

/* 3.1.1: reset, ACKNOWLEDGE, DRIVER, features (offered & want, plus VERSION_1), FEATURES_OK, queue 0,
 * DRIVER_OK. */
static void driver_init(uint64_t want)
{
    ck_assert_uint_eq(reg_rd(R_MAGIC), 0x74726976u);
    ck_assert_uint_eq(reg_rd(R_VERSION), 2);
    ck_assert_uint_eq(reg_rd(R_DEVICE_ID), VIRTIO_ID_BLOCK);
    reg_wr(R_STATUS, 0);
    reg_wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
    reg_wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    reg_wr(R_DEVICE_FEATURES_SEL, 0);
    uint64_t lo = reg_rd(R_DEVICE_FEATURES);
    reg_wr(R_DEVICE_FEATURES_SEL, 1);
    offered = (uint64_t)reg_rd(R_DEVICE_FEATURES) << 32 | lo;
    uint64_t acc = (offered & want) | VIRTIO_F_VERSION_1;
    reg_wr(R_DRIVER_FEATURES_SEL, 0);
    reg_wr(R_DRIVER_FEATURES, (uint32_t)acc);
    reg_wr(R_DRIVER_FEATURES_SEL, 1);
    reg_wr(R_DRIVER_FEATURES, (uint32_t)(acc >> 32));
    reg_wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    ck_assert_uint_eq(reg_rd(R_STATUS) & VIRTIO_STATUS_FEATURES_OK, VIRTIO_STATUS_FEATURES_OK);

    for (uint64_t a = DESC_GPA; a < USED_GPA + 0x1000; a += 8) put(a, 8, 0);
    reg_wr(R_QUEUE_SEL, 0);
    ck_assert_uint_eq(reg_rd(R_QUEUE_NUM_MAX), VIRTIO_QUEUE_MAX_SIZE);
    ck_assert_uint_eq(reg_rd(R_QUEUE_READY), 0);
    reg_wr(R_QUEUE_NUM, QNUM);
    reg_wr(R_QUEUE_DESC_LOW, (uint32_t)DESC_GPA);
    reg_wr(R_QUEUE_DESC_HIGH, (uint32_t)(DESC_GPA >> 32));
    reg_wr(R_QUEUE_DRIVER_LOW, (uint32_t)AVAIL_GPA);
    reg_wr(R_QUEUE_DRIVER_HIGH, (uint32_t)(AVAIL_GPA >> 32));
    reg_wr(R_QUEUE_DEVICE_LOW, (uint32_t)USED_GPA);
    reg_wr(R_QUEUE_DEVICE_HIGH, (uint32_t)(USED_GPA >> 32));
    reg_wr(R_QUEUE_READY, 1);
    ck_assert_uint_eq(reg_rd(R_QUEUE_READY), 1);
    reg_wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK |
                         VIRTIO_STATUS_DRIVER_OK);
    ck_assert_uint_eq(reg_rd(R_STATUS), 0x0f);
    avail_idx = next_desc = 0;
}

/* Everything the device offers except EVENT_IDX (so every batch interrupts). */
#define WANT_ALL (~VIRTIO_F_RING_EVENT_IDX)

/* Attach the device to `be` on a fresh bus and run the handshake. */
static void attach(const struct block_backend *be, const char *serial, uint64_t want)
{
    bus_destroy(&bus);
    bus_init(&bus);
    ck_assert_ptr_nonnull(bus_add_memory(&bus, "ram", RAM_BASE, RAM_SIZE, false));
    ck_assert_int_eq(virtio_blk_init(&blk, be, serial), 0);
    virtio_mmio_init(&vd, &bus, &virtio_blk_device_ops, &blk, on_irq, NULL);
    ck_assert_ptr_nonnull(bus_add_device(&bus, "virtio0", MMIO_BASE, 0x1000, &virtio_mmio_ops, &vd));
    irq_level = 0;
    irq_raises = 0;
    driver_init(want);
}

/* Reopen the disk file (read-only or not) and attach to it. */
static void attach_file(bool read_only, uint64_t want)
{
    char err[256];
    blockfile_close(&bf);
    ck_assert_int_eq(blockfile_open(&bf, path, read_only, BLOCKFILE_CACHE_WRITEBACK, err, sizeof(err)), 0);
    attach(&bf.backend, "vhart-disk0", want);
}

static void setup(void)
{
    memset(&bf, 0, sizeof(bf));
    bf.fd = -1;
    bus_init(&bus);
    make_disk();
    attach_file(false, WANT_ALL);
}

static void teardown(void)
{
    blockfile_close(&bf);
    unlink(path);
    bus_destroy(&bus);
}

struct seg {
    uint64_t gpa;
    uint32_t len;
    bool device_writes;
};

/* Put a chain in the descriptor table and the available ring (not yet notified); returns its head. */
static uint16_t post(const struct seg *s, unsigned n)
{
    uint16_t head = next_desc;
    for (unsigned i = 0; i < n; i++) {
        uint16_t idx = (uint16_t)((next_desc + i) % QNUM);
        uint64_t d = DESC_GPA + 16ull * idx;
        put(d, 8, s[i].gpa);
        put(d + 8, 4, s[i].len);
        put(d + 12, 2, (i + 1 < n ? VRING_DESC_F_NEXT : 0) | (s[i].device_writes ? VRING_DESC_F_WRITE : 0));
        put(d + 14, 2, (idx + 1) % QNUM);
    }
    next_desc = (uint16_t)((next_desc + n) % QNUM);
    put(AVAIL_GPA + 4 + 2 * (avail_idx % QNUM), 2, head);
    avail_idx++;
    put(AVAIL_GPA + 2, 2, avail_idx);
    return head;
}

static void kick(void) { reg_wr(R_QUEUE_NOTIFY, 0); }
static uint16_t used_idx(void) { return (uint16_t)get(USED_GPA + 2, 2); }

/* The used-ring element for completion number n (0-based). */
static void used_elem(uint16_t n, uint32_t *id, uint32_t *len)
{
    uint64_t e = USED_GPA + 4 + 8ull * (n % QNUM);
    *id = (uint32_t)get(e, 4);
    *len = (uint32_t)get(e + 4, 4);
}

/* Post one chain, kick, and check it came back alone with its head; returns the used length. */
static uint32_t run_chain(const struct seg *s, unsigned n)
{
    uint16_t before = used_idx();
    uint16_t head = post(s, n);
    kick();
    ck_assert_uint_eq(used_idx(), (uint16_t)(before + 1));
    uint32_t id, len;
    used_elem(before, &id, &len);
    ck_assert_uint_eq(id, head);
    return len;
}

static void put_header(uint32_t type, uint64_t sector)
{
    put(HDR_GPA, 4, type);
    put(HDR_GPA + 4, 4, 0);
    put(HDR_GPA + 8, 8, sector);
}

/* header (device-readable) + optional data + status byte; returns the status, *used gets the used length. */
static uint8_t request(uint32_t type, uint64_t sector, uint64_t data_gpa, uint32_t data_len, bool device_writes,
                       uint32_t *used)
{
    put_header(type, sector);
    put(STATUS_GPA, 1, 0xee);
    struct seg s[3];
    unsigned n = 0;
    s[n++] = (struct seg){ HDR_GPA, 16, false };
    if (data_len) s[n++] = (struct seg){ data_gpa, data_len, device_writes };
    s[n++] = (struct seg){ STATUS_GPA, 1, true };
    uint32_t len = run_chain(s, n);
    if (used) *used = len;
    return (uint8_t)get(STATUS_GPA, 1);
}

/* A discard / write-zeroes segment list at DATA_GPA. */
static void put_dwz(unsigned i, uint64_t sector, uint32_t nsect, uint32_t flags)
{
    uint64_t a = DATA_GPA + 16ull * i;
    put(a, 8, sector);
    put(a + 8, 4, nsect);
    put(a + 12, 4, flags);
}

/* ---- Identification, features, configuration ---- */

START_TEST(blk_offers_block_features_and_version_1)
{
    ck_assert_uint_eq(offered, VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_BLK_SIZE | VIRTIO_BLK_F_FLUSH |
                                   VIRTIO_BLK_F_DISCARD | VIRTIO_BLK_F_WRITE_ZEROES | VIRTIO_F_RING_INDIRECT_DESC |
                                   VIRTIO_F_RING_EVENT_IDX | VIRTIO_F_VERSION_1);
    ck_assert_uint_eq(offered & 0xffffffffu, 0x30006244u);
    ck_assert_uint_eq(blk.accepted, VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_BLK_SIZE | VIRTIO_BLK_F_FLUSH |
                                        VIRTIO_BLK_F_DISCARD | VIRTIO_BLK_F_WRITE_ZEROES);
}
END_TEST

START_TEST(blk_config_reports_capacity_blk_size_seg_max_and_discard_limits)
{
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_CAPACITY, 8), DISK_SECTORS);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_CAPACITY, 4), DISK_SECTORS);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_CAPACITY + 4, 4), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_SIZE_MAX, 4), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_SEG_MAX, 4), 62);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_GEOMETRY, 4), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_BLK_SIZE, 4), 512);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_BLK_SIZE, 2), 512);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_TOPOLOGY, 8), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_WRITEBACK, 1), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_NUM_QUEUES, 2), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_MAX_DISCARD_SECTORS, 4), 1u << 22);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_MAX_DISCARD_SEG, 4), 32);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_DISCARD_SECTOR_ALIGNMENT, 4), 1);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_MAX_WRITE_ZEROES_SECTORS, 4), 1u << 22);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_MAX_WRITE_ZEROES_SEG, 4), 32);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_WRITE_ZEROES_MAY_UNMAP, 1), 1);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CONFIG_SIZE, 4), 0);   /* past the end */
    /* The configuration space is read-only: writes are ignored. */
    ck_assert_int_eq(bus_write(&bus, MMIO_BASE + R_CONFIG + VIRTIO_BLK_CFG_CAPACITY, 8, 5), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_CAPACITY, 8), DISK_SECTORS);
}
END_TEST

START_TEST(blk_read_only_drive_offers_ro_and_neither_discard_nor_write_zeroes)
{
    attach_file(true, WANT_ALL);
    ck_assert_uint_eq(offered & 0xffffffffu,
                      (uint32_t)(VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_RO | VIRTIO_BLK_F_BLK_SIZE |
                                 VIRTIO_F_RING_INDIRECT_DESC | VIRTIO_F_RING_EVENT_IDX));
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_CAPACITY, 8), DISK_SECTORS);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_MAX_DISCARD_SECTORS, 4), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_MAX_WRITE_ZEROES_SECTORS, 4), 0);
}
END_TEST

START_TEST(blk_capacity_drops_a_partial_last_sector_of_the_backend)
{
    struct block_backend be = bf.backend;
    be.size_bytes = 3 * 512 + 100;
    ck_assert_int_eq(virtio_blk_init(&blk, &be, NULL), 0);
    ck_assert_uint_eq(blk.capacity, 3);
    ck_assert_uint_eq(le_load64(blk.config + VIRTIO_BLK_CFG_CAPACITY), 3);
    be.read = NULL;
    ck_assert_int_eq(virtio_blk_init(&blk, &be, NULL), -1);
    be = bf.backend;
    be.write = NULL;
    ck_assert_int_eq(virtio_blk_init(&blk, &be, NULL), -1);
    be.read_only = true;
    ck_assert_int_eq(virtio_blk_init(&blk, &be, NULL), 0);
}
END_TEST

/* ---- IN / OUT ---- */

START_TEST(blk_in_reads_sectors_into_guest_memory)
{
    fill_guest(DATA_GPA, 0xcc, 2048);
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 3, DATA_GPA, 1024, true, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 1025);
    const uint8_t *p = guest(DATA_GPA, 2048);
    for (size_t i = 0; i < 1024; i++) ck_assert_uint_eq(p[i], pattern_byte(3 * 512 + i));
    ck_assert_uint_eq(p[1024], 0xcc);   /* nothing past the buffer */
    ck_assert_int_eq(irq_level, 1);
    ck_assert_uint_eq(irq_raises, 1);
    ck_assert_uint_eq(reg_rd(R_INTERRUPT_STATUS), 1);
    reg_wr(R_INTERRUPT_ACK, 1);
    ck_assert_int_eq(irq_level, 0);
    ck_assert_uint_eq(blk.stats.reads, 1);
    ck_assert_uint_eq(blk.stats.bytes_read, 1024);
}
END_TEST

START_TEST(blk_in_honours_any_segment_layout_including_data_sharing_the_status_descriptor)
{
    /* header split 10+6, data split 300 + 212 + 511, and the last data byte and status in one 2-byte descriptor */
    fill_guest(DATA_GPA, 0xcc, 0x4000);
    put_header(VIRTIO_BLK_T_IN, 10);
    struct seg s[] = {
        { HDR_GPA, 10, false }, { HDR_GPA + 10, 6, false },
        { DATA_GPA, 300, true }, { DATA_GPA + 0x1000, 212, true }, { DATA_GPA + 0x2000, 511, true },
        { DATA_GPA + 0x3000, 2, true },
    };
    ck_assert_uint_eq(run_chain(s, 6), 1025);
    uint8_t got[1024];
    memcpy(got, guest(DATA_GPA, 300), 300);
    memcpy(got + 300, guest(DATA_GPA + 0x1000, 212), 212);
    memcpy(got + 512, guest(DATA_GPA + 0x2000, 511), 511);
    got[1023] = guest(DATA_GPA + 0x3000, 2)[0];
    for (size_t i = 0; i < 1024; i++) ck_assert_uint_eq(got[i], pattern_byte(10 * 512 + i));
    ck_assert_uint_eq(guest(DATA_GPA + 0x3000, 2)[1], VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(guest(DATA_GPA + 300, 1)[0], 0xcc);
}
END_TEST

START_TEST(blk_in_larger_than_the_bounce_buffer_is_complete)
{
    const uint32_t len = 200 * 1024;   /* 3 bounce-buffer pieces and a bit */
    fill_guest(DATA_GPA, 0, len);
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 100, DATA_GPA, len, true, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, len + 1);
    const uint8_t *p = guest(DATA_GPA, len);
    for (size_t i = 0; i < len; i++) ck_assert_uint_eq(p[i], pattern_byte(100 * 512 + i));
}
END_TEST

START_TEST(blk_out_writes_guest_data_to_the_file)
{
    uint8_t *p = bus_host_ptr(&bus, DATA_GPA, 1536);
    for (size_t i = 0; i < 1536; i++) p[i] = (uint8_t)(0x55 ^ (i * 3));
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, 20, DATA_GPA, 1536, false, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 1);
    uint8_t in[1536];
    file_read(20 * 512, in, sizeof(in));
    for (size_t i = 0; i < 1536; i++) ck_assert_uint_eq(in[i], (uint8_t)(0x55 ^ (i * 3)));
    expect_file_pattern(19 * 512, 512);
    expect_file_pattern(23 * 512, 512);
    ck_assert_uint_eq(bf.fsyncs, 0);   /* FLUSH negotiated: writes wait for a flush */
    ck_assert_uint_eq(blk.stats.writes, 1);
    ck_assert_uint_eq(blk.stats.bytes_written, 1536);
}
END_TEST

START_TEST(blk_out_then_in_round_trips_through_the_last_sector)
{
    fill_guest(DATA_GPA, 0xa7, 512);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, DISK_SECTORS - 1, DATA_GPA, 512, false, NULL), VIRTIO_BLK_S_OK);
    fill_guest(DATA_GPA + 0x1000, 0, 512);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, DISK_SECTORS - 1, DATA_GPA + 0x1000, 512, true, NULL),
                      VIRTIO_BLK_S_OK);
    ck_assert_mem_eq(guest(DATA_GPA + 0x1000, 512), guest(DATA_GPA, 512), 512);
    expect_file_bytes(DISK_BYTES - 512, 0xa7, 512);
}
END_TEST

START_TEST(blk_zero_length_in_and_out_complete_ok)
{
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, DISK_SECTORS, 0, 0, true, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 1);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, 0, 0, 0, false, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 1);
}
END_TEST

/* ---- Errors ---- */

START_TEST(blk_in_beyond_capacity_is_ioerr_and_leaves_guest_memory_alone)
{
    fill_guest(DATA_GPA, 0xcc, 1024);
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, DISK_SECTORS - 1, DATA_GPA, 1024, true, &used), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(used, 1);
    for (size_t i = 0; i < 1024; i++) ck_assert_uint_eq(guest(DATA_GPA, 1024)[i], 0xcc);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, DISK_SECTORS, DATA_GPA, 512, true, &used), VIRTIO_BLK_S_IOERR);
    /* A sector number whose byte offset would wrap around 64 bits. */
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 1ull << 55, DATA_GPA, 512, true, &used), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, UINT64_MAX, DATA_GPA, 512, true, &used), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(blk.stats.errors, 4);
    ck_assert_uint_eq(blk.stats.reads, 0);
}
END_TEST

START_TEST(blk_out_beyond_capacity_is_ioerr_and_writes_nothing)
{
    fill_guest(DATA_GPA, 0x11, 1024);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, DISK_SECTORS - 1, DATA_GPA, 1024, false, NULL), VIRTIO_BLK_S_IOERR);
    expect_file_pattern(DISK_BYTES - 512, 512);
    ck_assert_uint_eq(blk.stats.writes, 0);
}
END_TEST

START_TEST(blk_data_not_a_whole_number_of_sectors_is_ioerr)
{
    fill_guest(DATA_GPA, 0x22, 1024);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 0, DATA_GPA, 1000, true, NULL), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(guest(DATA_GPA, 1)[0], 0x22);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, 0, DATA_GPA, 513, false, NULL), VIRTIO_BLK_S_IOERR);
    expect_file_pattern(0, 1024);
}
END_TEST

START_TEST(blk_write_to_read_only_drive_is_ioerr_and_writes_nothing)
{
    attach_file(true, WANT_ALL);
    fill_guest(DATA_GPA, 0x33, 512);
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, 0, DATA_GPA, 512, false, &used), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(used, 1);
    expect_file_pattern(0, 512);
    /* Reads and flushes still work. */
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 0, DATA_GPA, 512, true, NULL), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(guest(DATA_GPA, 1)[0], pattern_byte(0));
    ck_assert_uint_eq(request(VIRTIO_BLK_T_FLUSH, 0, 0, 0, false, NULL), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(bf.fsyncs, 0);
    /* Not offered, so not negotiated: discard and write zeroes are unsupported. */
    put_dwz(0, 0, 1, 0);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 16, false, NULL), VIRTIO_BLK_S_UNSUPP);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_WRITE_ZEROES, 0, DATA_GPA, 16, false, NULL), VIRTIO_BLK_S_UNSUPP);
    expect_file_pattern(0, 512);
}
END_TEST

START_TEST(blk_unknown_request_types_are_unsupp)
{
    static const uint32_t types[] = { 2, 3, VIRTIO_BLK_T_GET_LIFETIME, VIRTIO_BLK_T_SECURE_ERASE, 0x80000000u };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        uint32_t used;
        ck_assert_uint_eq(request(types[i], 0, DATA_GPA, 512, true, &used), VIRTIO_BLK_S_UNSUPP);
        ck_assert_uint_eq(used, 1);
    }
    ck_assert_uint_eq(blk.stats.unsupported, 5);
}
END_TEST

START_TEST(blk_header_shorter_than_16_bytes_is_ioerr)
{
    put_header(VIRTIO_BLK_T_IN, 0);
    put(STATUS_GPA, 1, 0xee);
    fill_guest(DATA_GPA, 0x44, 512);
    struct seg s[] = { { HDR_GPA, 8, false }, { DATA_GPA, 512, true }, { STATUS_GPA, 1, true } };
    ck_assert_uint_eq(run_chain(s, 3), 1);
    ck_assert_uint_eq(get(STATUS_GPA, 1), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(guest(DATA_GPA, 1)[0], 0x44);
    /* No readable part at all. */
    struct seg s2[] = { { STATUS_GPA, 1, true } };
    ck_assert_uint_eq(run_chain(s2, 1), 1);
    ck_assert_uint_eq(get(STATUS_GPA, 1), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(reg_rd(R_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET, 0);
}
END_TEST

START_TEST(blk_chain_without_a_writable_byte_sets_needs_reset)
{
    put_header(VIRTIO_BLK_T_OUT, 0);
    fill_guest(DATA_GPA, 0x66, 512);
    struct seg s[] = { { HDR_GPA, 16, false }, { DATA_GPA, 512, false } };
    post(s, 2);
    kick();
    ck_assert_uint_eq(used_idx(), 0);   /* not returned */
    ck_assert_uint_eq(reg_rd(R_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET, VIRTIO_STATUS_DEVICE_NEEDS_RESET);
    ck_assert_uint_eq(reg_rd(R_INTERRUPT_STATUS), 2);   /* configuration change */
    ck_assert_int_eq(irq_level, 1);
    expect_file_pattern(0, 512);
    /* After a reset and a new handshake the device works again. */
    driver_init(WANT_ALL);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 0, DATA_GPA, 512, true, NULL), VIRTIO_BLK_S_OK);
}
END_TEST

/* ---- FLUSH, GET_ID ---- */

START_TEST(blk_flush_fsyncs_the_backing_file_before_completing)
{
    fill_guest(DATA_GPA, 0x99, 512);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, 5, DATA_GPA, 512, false, NULL), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(bf.fsyncs, 0);
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_FLUSH, 0, 0, 0, false, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 1);
    ck_assert_uint_eq(bf.fsyncs, 1);
    ck_assert_uint_eq(blk.stats.flushes, 1);
    expect_file_bytes(5 * 512, 0x99, 512);
}
END_TEST

START_TEST(blk_writes_are_synced_at_once_when_the_driver_declines_flush)
{
    attach_file(false, WANT_ALL & ~VIRTIO_BLK_F_FLUSH);
    ck_assert_uint_eq(blk.accepted & VIRTIO_BLK_F_FLUSH, 0);
    fill_guest(DATA_GPA, 0x12, 512);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, 1, DATA_GPA, 512, false, NULL), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(bf.fsyncs, 1);
    put_dwz(0, 0, 1, 0);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_WRITE_ZEROES, 0, DATA_GPA, 16, false, NULL), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(bf.fsyncs, 2);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 1, DATA_GPA, 512, true, NULL), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(bf.fsyncs, 2);   /* reads do not sync */
}
END_TEST

START_TEST(blk_get_id_returns_the_nul_padded_20_byte_serial)
{
    fill_guest(DATA_GPA, 0xff, 32);
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_GET_ID, 0, DATA_GPA, 20, true, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 21);
    static const uint8_t want[20] = "vhart-disk0";
    ck_assert_mem_eq(guest(DATA_GPA, 20), want, 20);
    ck_assert_uint_eq(guest(DATA_GPA + 20, 1)[0], 0xff);
    ck_assert_uint_eq(blk.stats.get_ids, 1);
}
END_TEST

START_TEST(blk_get_id_of_a_20_character_serial_has_no_terminator_and_longer_is_cut)
{
    attach(&bf.backend, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", WANT_ALL);
    fill_guest(DATA_GPA, 0xff, 32);
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_GET_ID, 0, DATA_GPA, 20, true, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 21);
    ck_assert_mem_eq(guest(DATA_GPA, 20), "ABCDEFGHIJKLMNOPQRST", 20);
    /* A buffer shorter than 20 bytes gets what fits. */
    fill_guest(DATA_GPA, 0xff, 32);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_GET_ID, 0, DATA_GPA, 8, true, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 9);
    ck_assert_mem_eq(guest(DATA_GPA, 8), "ABCDEFGH", 8);
    ck_assert_uint_eq(guest(DATA_GPA + 8, 1)[0], 0xff);
}
END_TEST

/* ---- DISCARD, WRITE_ZEROES ---- */

START_TEST(blk_discard_makes_sectors_read_zero_and_spares_the_rest)
{
    put_dwz(0, 10, 8, 0);
    put_dwz(1, 100, 1, 0);
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 32, false, &used), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(used, 1);
    expect_file_pattern(9 * 512, 512);
    expect_file_bytes(10 * 512, 0, 8 * 512);
    expect_file_pattern(18 * 512, 512);
    expect_file_pattern(99 * 512, 512);
    expect_file_bytes(100 * 512, 0, 512);
    expect_file_pattern(101 * 512, 512);
    ck_assert_uint_eq(blk.stats.discards, 1);
}
END_TEST

START_TEST(blk_write_zeroes_with_and_without_unmap_zeroes_the_range)
{
    put_dwz(0, 30, 2, 0);
    put_dwz(1, 40, 3, VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_WRITE_ZEROES, 0, DATA_GPA, 32, false, NULL), VIRTIO_BLK_S_OK);
    expect_file_pattern(29 * 512, 512);
    expect_file_bytes(30 * 512, 0, 2 * 512);
    expect_file_pattern(32 * 512, 8 * 512);
    expect_file_bytes(40 * 512, 0, 3 * 512);
    expect_file_pattern(43 * 512, 512);
    fill_guest(DATA_GPA + 0x1000, 0xcc, 1024);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 30, DATA_GPA + 0x1000, 1024, true, NULL), VIRTIO_BLK_S_OK);
    for (size_t i = 0; i < 1024; i++) ck_assert_uint_eq(guest(DATA_GPA + 0x1000, 1024)[i], 0);
    ck_assert_uint_eq(blk.stats.write_zeroes, 1);
}
END_TEST

START_TEST(blk_discard_with_unmap_or_unknown_flags_is_unsupp_and_does_nothing)
{
    put_dwz(0, 0, 1, VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 16, false, NULL), VIRTIO_BLK_S_UNSUPP);
    put_dwz(0, 0, 1, 0);
    put_dwz(1, 1, 1, 2);   /* second segment has an unknown flag: the first is not carried out either */
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 32, false, NULL), VIRTIO_BLK_S_UNSUPP);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_WRITE_ZEROES, 0, DATA_GPA, 32, false, NULL), VIRTIO_BLK_S_UNSUPP);
    expect_file_pattern(0, 1024);
}
END_TEST

START_TEST(blk_discard_out_of_range_or_malformed_is_ioerr_and_does_nothing)
{
    put_dwz(0, 0, 1, 0);
    put_dwz(1, DISK_SECTORS - 1, 2, 0);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 32, false, NULL), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_WRITE_ZEROES, 0, DATA_GPA, 32, false, NULL), VIRTIO_BLK_S_IOERR);
    put_dwz(1, UINT64_MAX, 1, 0);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 32, false, NULL), VIRTIO_BLK_S_IOERR);
    put_dwz(1, 0, VIRTIO_BLK_MAX_DISCARD_SECTORS + 1, 0);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 32, false, NULL), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 24, false, NULL), VIRTIO_BLK_S_IOERR); /* ragged */
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, 0, 0, false, NULL), VIRTIO_BLK_S_IOERR);       /* empty */
    for (unsigned i = 0; i < 33; i++) put_dwz(i, i, 1, 0);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 33 * 16, false, NULL), VIRTIO_BLK_S_IOERR);
    expect_file_pattern(0, 64 * 512);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 32 * 16, false, NULL), VIRTIO_BLK_S_OK);
    expect_file_bytes(0, 0, 32 * 512);
    expect_file_pattern(32 * 512, 512);
}
END_TEST

START_TEST(blk_discard_and_write_zeroes_not_negotiated_are_unsupp)
{
    attach_file(false, WANT_ALL & ~(VIRTIO_BLK_F_DISCARD | VIRTIO_BLK_F_WRITE_ZEROES));
    put_dwz(0, 0, 1, 0);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 16, false, NULL), VIRTIO_BLK_S_UNSUPP);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_WRITE_ZEROES, 0, DATA_GPA, 16, false, NULL), VIRTIO_BLK_S_UNSUPP);
    expect_file_pattern(0, 512);
}
END_TEST

/* ---- Batching, reset, backend failures ---- */

START_TEST(blk_batch_of_chains_completes_in_order_with_one_notification)
{
    fill_guest(DATA_GPA, 0x5c, 512);
    put_header(VIRTIO_BLK_T_OUT, 7);
    put(HDR_GPA + 16, 4, VIRTIO_BLK_T_IN);
    put(HDR_GPA + 20, 4, 0);
    put(HDR_GPA + 24, 8, 7);
    put(HDR_GPA + 32, 4, VIRTIO_BLK_T_FLUSH);
    put(HDR_GPA + 36, 4, 0);
    put(HDR_GPA + 40, 8, 0);
    struct seg a[] = { { HDR_GPA, 16, false }, { DATA_GPA, 512, false }, { STATUS_GPA, 1, true } };
    struct seg b[] = { { HDR_GPA + 16, 16, false }, { DATA_GPA + 0x1000, 512, true }, { STATUS_GPA + 1, 1, true } };
    struct seg c[] = { { HDR_GPA + 32, 16, false }, { STATUS_GPA + 2, 1, true } };
    put(STATUS_GPA, 4, 0xeeeeeeee);
    uint16_t ha = post(a, 3), hb = post(b, 3), hc = post(c, 2);
    ck_assert_uint_eq(used_idx(), 0);
    kick();
    ck_assert_uint_eq(used_idx(), 3);
    uint32_t id, len;
    used_elem(0, &id, &len);
    ck_assert_uint_eq(id, ha);
    ck_assert_uint_eq(len, 1);
    used_elem(1, &id, &len);
    ck_assert_uint_eq(id, hb);
    ck_assert_uint_eq(len, 513);
    used_elem(2, &id, &len);
    ck_assert_uint_eq(id, hc);
    ck_assert_uint_eq(len, 1);
    ck_assert_uint_eq(get(STATUS_GPA, 4) & 0xffffff, 0);
    ck_assert_mem_eq(guest(DATA_GPA + 0x1000, 512), guest(DATA_GPA, 512), 512);
    ck_assert_uint_eq(irq_raises, 1);
    ck_assert_uint_eq(bf.fsyncs, 1);
}
END_TEST

START_TEST(blk_requests_before_driver_ok_wait_for_it)
{
    reg_wr(R_STATUS, 0);
    ck_assert_uint_eq(blk.accepted, 0);   /* reset forgets the negotiated features */
    /* Set up again up to FEATURES_OK plus the queue, post a request, then DRIVER_OK processes it. */
    reg_wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    reg_wr(R_DRIVER_FEATURES_SEL, 1);
    reg_wr(R_DRIVER_FEATURES, 1);
    reg_wr(R_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    ck_assert_uint_eq(blk.accepted, 0);   /* only VERSION_1 */
    for (uint64_t a = DESC_GPA; a < USED_GPA + 0x1000; a += 8) put(a, 8, 0);
    avail_idx = next_desc = 0;
    reg_wr(R_QUEUE_SEL, 0);
    reg_wr(R_QUEUE_NUM, QNUM);
    reg_wr(R_QUEUE_DESC_LOW, (uint32_t)DESC_GPA);
    reg_wr(R_QUEUE_DRIVER_LOW, (uint32_t)AVAIL_GPA);
    reg_wr(R_QUEUE_DEVICE_LOW, (uint32_t)USED_GPA);
    reg_wr(R_QUEUE_READY, 1);
    fill_guest(DATA_GPA, 0, 512);
    put_header(VIRTIO_BLK_T_IN, 2);
    struct seg s[] = { { HDR_GPA, 16, false }, { DATA_GPA, 512, true }, { STATUS_GPA, 1, true } };
    post(s, 3);
    kick();
    ck_assert_uint_eq(used_idx(), 0);
    reg_wr(R_STATUS, 0x0f);
    ck_assert_uint_eq(used_idx(), 1);
    ck_assert_uint_eq(get(STATUS_GPA, 1), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(guest(DATA_GPA, 1)[0], pattern_byte(2 * 512));
}
END_TEST

START_TEST(blk_serves_indirect_chains_with_event_idx_as_linux_drives_it)
{
    driver_init(~0ull);
    ck_assert_uint_eq(blk.accepted, VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_BLK_SIZE | VIRTIO_BLK_F_FLUSH |
                                        VIRTIO_BLK_F_DISCARD | VIRTIO_BLK_F_WRITE_ZEROES);
    put(AVAIL_GPA + 4 + 2 * QNUM, 2, 0);   /* used_event: interrupt after the first completion */
    /* An indirect table of header, two data pieces and the status byte. */
    const uint64_t table = RAM_BASE + 0x3000;
    const struct seg t[] = { { HDR_GPA, 16, false }, { DATA_GPA, 1000, true }, { DATA_GPA + 0x2000, 24, true },
                             { STATUS_GPA, 1, true } };
    for (unsigned i = 0; i < 4; i++) {
        put(table + 16 * i, 8, t[i].gpa);
        put(table + 16 * i + 8, 4, t[i].len);
        put(table + 16 * i + 12, 2, (i < 3 ? VRING_DESC_F_NEXT : 0) | (t[i].device_writes ? VRING_DESC_F_WRITE : 0));
        put(table + 16 * i + 14, 2, i + 1);
    }
    put_header(VIRTIO_BLK_T_IN, 6);
    put(STATUS_GPA, 1, 0xee);
    fill_guest(DATA_GPA, 0, 1000);
    fill_guest(DATA_GPA + 0x2000, 0, 24);
    put(DESC_GPA, 8, table);
    put(DESC_GPA + 8, 4, 64);
    put(DESC_GPA + 12, 2, 4);   /* VRING_DESC_F_INDIRECT */
    put(DESC_GPA + 14, 2, 0);
    put(AVAIL_GPA + 4, 2, 0);
    put(AVAIL_GPA + 2, 2, 1);
    kick();
    ck_assert_uint_eq(used_idx(), 1);
    uint32_t id, len;
    used_elem(0, &id, &len);
    ck_assert_uint_eq(id, 0);
    ck_assert_uint_eq(len, 1025);
    ck_assert_uint_eq(get(STATUS_GPA, 1), VIRTIO_BLK_S_OK);
    for (size_t i = 0; i < 1000; i++) ck_assert_uint_eq(guest(DATA_GPA, 1000)[i], pattern_byte(6 * 512 + i));
    for (size_t i = 0; i < 24; i++) ck_assert_uint_eq(guest(DATA_GPA + 0x2000, 24)[i], pattern_byte(6 * 512 + 1000 + i));
    ck_assert_int_eq(irq_level, 1);
    /* avail_event (after the used ring) asks for a kick at the next entry. */
    ck_assert_uint_eq(get(USED_GPA + 4 + 8 * QNUM, 2), 1);
}
END_TEST

/* An in-memory backend whose operations can be made to fail. */
static uint8_t mem_disk[64 * 512];
static int mem_fail_read, mem_fail_write, mem_fail_flush;
static unsigned mem_writes, mem_flushes;

static int mem_read(void *o, uint64_t off, void *buf, size_t len)
{
    ck_assert_ptr_eq(o, mem_disk);
    ck_assert_uint_le(off + len, sizeof(mem_disk));
    if (mem_fail_read) return -EIO;
    memcpy(buf, mem_disk + off, len);
    return 0;
}
static int mem_write(void *o, uint64_t off, const void *buf, size_t len)
{
    ck_assert_ptr_eq(o, mem_disk);
    ck_assert_uint_le(off + len, sizeof(mem_disk));
    if (mem_fail_write) return -ENOSPC;
    memcpy(mem_disk + off, buf, len);
    mem_writes++;
    return 0;
}
static int mem_flush(void *o)
{
    ck_assert_ptr_eq(o, mem_disk);
    mem_flushes++;
    return mem_fail_flush ? -EIO : 0;
}

static void attach_mem(bool read_only)
{
    memset(mem_disk, 0xab, sizeof(mem_disk));
    mem_fail_read = mem_fail_write = mem_fail_flush = 0;
    mem_writes = mem_flushes = 0;
    struct block_backend be = { .read = mem_read, .write = mem_write, .flush = mem_flush,
                                .size_bytes = sizeof(mem_disk), .read_only = read_only, .opaque = mem_disk };
    attach(&be, NULL, WANT_ALL);
}

START_TEST(blk_read_only_flag_alone_keeps_a_backend_with_write_from_being_written)
{
    attach_mem(true);
    fill_guest(DATA_GPA, 0x10, 512);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, 0, DATA_GPA, 512, false, NULL), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_FLUSH, 0, 0, 0, false, NULL), VIRTIO_BLK_S_OK);
    ck_assert_uint_eq(mem_writes, 0);
    ck_assert_uint_eq(mem_flushes, 0);
    ck_assert_uint_eq(mem_disk[0], 0xab);
}
END_TEST

START_TEST(blk_backend_failures_are_ioerr)
{
    attach_mem(false);
    fill_guest(DATA_GPA, 0, 512);
    mem_fail_read = 1;
    uint32_t used;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_IN, 0, DATA_GPA, 512, true, &used), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(used, 1);
    mem_fail_read = 0;
    mem_fail_write = 1;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_OUT, 0, DATA_GPA, 512, false, NULL), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(mem_disk[0], 0xab);
    mem_fail_write = 0;
    mem_fail_flush = 1;
    ck_assert_uint_eq(request(VIRTIO_BLK_T_FLUSH, 0, 0, 0, false, NULL), VIRTIO_BLK_S_IOERR);
    ck_assert_uint_eq(mem_flushes, 1);
    ck_assert_uint_eq(blk.stats.errors, 3);
}
END_TEST

START_TEST(blk_backend_without_discard_offers_write_zeroes_done_with_zero_buffers)
{
    attach_mem(false);
    ck_assert_uint_eq(offered & (VIRTIO_BLK_F_DISCARD | VIRTIO_BLK_F_WRITE_ZEROES), VIRTIO_BLK_F_WRITE_ZEROES);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_MAX_DISCARD_SECTORS, 4), 0);
    ck_assert_uint_eq(cfg_rd(VIRTIO_BLK_CFG_WRITE_ZEROES_MAY_UNMAP, 1), 0);
    put_dwz(0, 2, 3, VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_WRITE_ZEROES, 0, DATA_GPA, 16, false, NULL), VIRTIO_BLK_S_OK);
    for (size_t i = 0; i < sizeof(mem_disk); i++)
        ck_assert_uint_eq(mem_disk[i], i >= 2 * 512 && i < 5 * 512 ? 0 : 0xab);
    ck_assert_uint_eq(mem_writes, 1);
    ck_assert_uint_eq(request(VIRTIO_BLK_T_DISCARD, 0, DATA_GPA, 16, false, NULL), VIRTIO_BLK_S_UNSUPP);
}
END_TEST

START_TEST(blk_describe_summarises_the_drive_and_its_counters)
{
    fill_guest(DATA_GPA, 1, 1024);
    request(VIRTIO_BLK_T_IN, 0, DATA_GPA, 1024, true, NULL);
    request(VIRTIO_BLK_T_OUT, 0, DATA_GPA, 512, false, NULL);
    request(VIRTIO_BLK_T_FLUSH, 0, 0, 0, false, NULL);
    request(VIRTIO_BLK_T_GET_ID, 0, DATA_GPA, 20, true, NULL);
    request(99, 0, 0, 0, false, NULL);
    request(VIRTIO_BLK_T_IN, DISK_SECTORS, DATA_GPA, 512, true, NULL);
    char buf[512];
    virtio_blk_describe(&blk, buf, sizeof(buf));
    ck_assert_str_eq(buf, "virtio-blk: 2048 sectors (1048576 bytes), read-write, serial \"vhart-disk0\", features "
                          "seg_max,blk_size,flush,discard,write_zeroes; reads 1 (1024 bytes), writes 1 (512 bytes), "
                          "flushes 1, discards 0, write-zeroes 0, get-id 1, unsupported 1, errors 1");
    virtio_blk_describe(&blk, buf, 12);
    ck_assert_str_eq(buf, "virtio-blk:");
    attach_file(true, 0);
    virtio_blk_describe(&blk, buf, sizeof(buf));
    ck_assert_str_eq(buf, "virtio-blk: 2048 sectors (1048576 bytes), read-only, serial \"vhart-disk0\", features "
                          "(none negotiated); reads 0 (0 bytes), writes 0 (0 bytes), flushes 0, discards 0, "
                          "write-zeroes 0, get-id 0, unsupported 0, errors 0");
}
END_TEST

static Suite *virtio_blk_suite(void)
{
    Suite *s = suite_create("virtio_blk");
    TCase *t = tcase_create("virtio_blk");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, blk_offers_block_features_and_version_1);
    tcase_add_test(t, blk_config_reports_capacity_blk_size_seg_max_and_discard_limits);
    tcase_add_test(t, blk_read_only_drive_offers_ro_and_neither_discard_nor_write_zeroes);
    tcase_add_test(t, blk_capacity_drops_a_partial_last_sector_of_the_backend);
    tcase_add_test(t, blk_in_reads_sectors_into_guest_memory);
    tcase_add_test(t, blk_in_honours_any_segment_layout_including_data_sharing_the_status_descriptor);
    tcase_add_test(t, blk_in_larger_than_the_bounce_buffer_is_complete);
    tcase_add_test(t, blk_out_writes_guest_data_to_the_file);
    tcase_add_test(t, blk_out_then_in_round_trips_through_the_last_sector);
    tcase_add_test(t, blk_zero_length_in_and_out_complete_ok);
    tcase_add_test(t, blk_in_beyond_capacity_is_ioerr_and_leaves_guest_memory_alone);
    tcase_add_test(t, blk_out_beyond_capacity_is_ioerr_and_writes_nothing);
    tcase_add_test(t, blk_data_not_a_whole_number_of_sectors_is_ioerr);
    tcase_add_test(t, blk_write_to_read_only_drive_is_ioerr_and_writes_nothing);
    tcase_add_test(t, blk_unknown_request_types_are_unsupp);
    tcase_add_test(t, blk_header_shorter_than_16_bytes_is_ioerr);
    tcase_add_test(t, blk_chain_without_a_writable_byte_sets_needs_reset);
    tcase_add_test(t, blk_flush_fsyncs_the_backing_file_before_completing);
    tcase_add_test(t, blk_writes_are_synced_at_once_when_the_driver_declines_flush);
    tcase_add_test(t, blk_get_id_returns_the_nul_padded_20_byte_serial);
    tcase_add_test(t, blk_get_id_of_a_20_character_serial_has_no_terminator_and_longer_is_cut);
    tcase_add_test(t, blk_discard_makes_sectors_read_zero_and_spares_the_rest);
    tcase_add_test(t, blk_write_zeroes_with_and_without_unmap_zeroes_the_range);
    tcase_add_test(t, blk_discard_with_unmap_or_unknown_flags_is_unsupp_and_does_nothing);
    tcase_add_test(t, blk_discard_out_of_range_or_malformed_is_ioerr_and_does_nothing);
    tcase_add_test(t, blk_discard_and_write_zeroes_not_negotiated_are_unsupp);
    tcase_add_test(t, blk_batch_of_chains_completes_in_order_with_one_notification);
    tcase_add_test(t, blk_requests_before_driver_ok_wait_for_it);
    tcase_add_test(t, blk_serves_indirect_chains_with_event_idx_as_linux_drives_it);
    tcase_add_test(t, blk_read_only_flag_alone_keeps_a_backend_with_write_from_being_written);
    tcase_add_test(t, blk_backend_failures_are_ioerr);
    tcase_add_test(t, blk_backend_without_discard_offers_write_zeroes_done_with_zero_buffers);
    tcase_add_test(t, blk_describe_summarises_the_drive_and_its_counters);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(virtio_blk_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
