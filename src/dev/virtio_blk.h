/* virtio-blk (OASIS VIRTIO 1.2, 5.2 "Block Device"): one request queue served synchronously, over a
 * host block backend (struct block_backend, below), the only way the device reaches the host. */
#ifndef VHART_DEV_VIRTIO_BLK_H
#define VHART_DEV_VIRTIO_BLK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "virtio.h"

struct state_writer;
struct state_reader;

/* Feature bits (5.2.3). */
#define VIRTIO_BLK_F_SIZE_MAX (1ull << 1)
#define VIRTIO_BLK_F_SEG_MAX (1ull << 2)
#define VIRTIO_BLK_F_GEOMETRY (1ull << 4)
#define VIRTIO_BLK_F_RO (1ull << 5)
#define VIRTIO_BLK_F_BLK_SIZE (1ull << 6)
#define VIRTIO_BLK_F_FLUSH (1ull << 9)
#define VIRTIO_BLK_F_TOPOLOGY (1ull << 10)
#define VIRTIO_BLK_F_CONFIG_WCE (1ull << 11)
#define VIRTIO_BLK_F_MQ (1ull << 12)
#define VIRTIO_BLK_F_DISCARD (1ull << 13)
#define VIRTIO_BLK_F_WRITE_ZEROES (1ull << 14)

/* Configuration space offsets (5.2.4, struct virtio_blk_config), little-endian. */
#define VIRTIO_BLK_CFG_CAPACITY 0x00                 /* le64, in 512-byte sectors */
#define VIRTIO_BLK_CFG_SIZE_MAX 0x08                 /* le32 */
#define VIRTIO_BLK_CFG_SEG_MAX 0x0c                  /* le32 */
#define VIRTIO_BLK_CFG_GEOMETRY 0x10                 /* le16 cylinders, u8 heads, u8 sectors */
#define VIRTIO_BLK_CFG_BLK_SIZE 0x14                 /* le32 */
#define VIRTIO_BLK_CFG_TOPOLOGY 0x18                 /* u8, u8, le16, le32 */
#define VIRTIO_BLK_CFG_WRITEBACK 0x20                /* u8 */
#define VIRTIO_BLK_CFG_NUM_QUEUES 0x22               /* le16 */
#define VIRTIO_BLK_CFG_MAX_DISCARD_SECTORS 0x24      /* le32 */
#define VIRTIO_BLK_CFG_MAX_DISCARD_SEG 0x28          /* le32 */
#define VIRTIO_BLK_CFG_DISCARD_SECTOR_ALIGNMENT 0x2c /* le32 */
#define VIRTIO_BLK_CFG_MAX_WRITE_ZEROES_SECTORS 0x30 /* le32 */
#define VIRTIO_BLK_CFG_MAX_WRITE_ZEROES_SEG 0x34     /* le32 */
#define VIRTIO_BLK_CFG_WRITE_ZEROES_MAY_UNMAP 0x38   /* u8 */
#define VIRTIO_BLK_CONFIG_SIZE 0x3c                  /* through unused1[3]; later fields are not offered */

/* Request types (5.2.6). */
#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_T_FLUSH 4
#define VIRTIO_BLK_T_GET_ID 8
#define VIRTIO_BLK_T_GET_LIFETIME 10
#define VIRTIO_BLK_T_DISCARD 11
#define VIRTIO_BLK_T_WRITE_ZEROES 13
#define VIRTIO_BLK_T_SECURE_ERASE 14

/* Status byte values (5.2.6). */
#define VIRTIO_BLK_S_OK 0
#define VIRTIO_BLK_S_IOERR 1
#define VIRTIO_BLK_S_UNSUPP 2

/* Flags of a discard / write-zeroes segment (struct virtio_blk_discard_write_zeroes). */
#define VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP 1u

#define VIRTIO_BLK_SECTOR_SIZE 512u
#define VIRTIO_BLK_HEADER_SIZE 16u        /* le32 type, le32 reserved, le64 sector */
#define VIRTIO_BLK_DWZ_SEGMENT_SIZE 16u   /* le64 sector, le32 num_sectors, le32 flags */
#define VIRTIO_BLK_ID_BYTES 20u           /* GET_ID: NUL-padded ASCII serial */

/* What the device offers in its configuration space. */
#define VIRTIO_BLK_SEG_MAX 62u   /* data segments besides header and status (<= VIRTIO_MAX_SEGMENTS - 2) */
#define VIRTIO_BLK_MAX_DISCARD_SECTORS (1u << 22)       /* 2 GiB per segment, for discard and write zeroes */
#define VIRTIO_BLK_MAX_DISCARD_SEG 32u

#define VIRTIO_BLK_BOUNCE_SIZE (64u * 1024u)             /* data moves through this buffer in pieces */

/* A host block store. Offsets and lengths are in bytes; the device only passes whole 512-byte
 * sectors within size_bytes. Functions return 0 or a negative errno value; a failure becomes
 * VIRTIO_BLK_S_IOERR for that request. */
struct block_backend {
    int (*read)(void *opaque, uint64_t offset, void *buf, size_t len);
    int (*write)(void *opaque, uint64_t offset, const void *buf, size_t len);   /* NULL if read_only */
    /* Make every completed write durable (fsync). NULL: writes are durable when they complete. */
    int (*flush)(void *opaque);
    /* Deallocate a range (contents afterwards unspecified). NULL: VIRTIO_BLK_F_DISCARD not offered. */
    int (*discard)(void *opaque, uint64_t offset, uint64_t len);
    /* Make a range read back as zeros, deallocating it if may_unmap allows. NULL: the device writes
     * zero-filled buffers through write. */
    int (*write_zeroes)(void *opaque, uint64_t offset, uint64_t len, bool may_unmap);
    uint64_t size_bytes;   /* capacity = size_bytes / 512 (a partial last sector is not exposed) */
    bool read_only;
    void *opaque;
};

/* Counters, for the debugger and tests. */
struct virtio_blk_stats {
    uint64_t reads, writes, flushes, get_ids, discards, write_zeroes, unsupported, errors;
    uint64_t bytes_read, bytes_written;
};

struct virtio_blk {
    struct block_backend be;
    uint64_t capacity;                     /* in 512-byte sectors */
    uint64_t offered;                      /* device feature bits we offer */
    uint64_t accepted;                     /* what the driver accepted at FEATURES_OK */
    char serial[VIRTIO_BLK_ID_BYTES];      /* NUL-padded, not necessarily NUL-terminated */
    uint8_t config[VIRTIO_BLK_CONFIG_SIZE];
    struct virtio_blk_stats stats;
    uint8_t bounce[VIRTIO_BLK_BOUNCE_SIZE];
};

/* The callbacks to pass to virtio_mmio_init with the struct virtio_blk as the device's opaque. */
extern const struct virtio_device_ops virtio_blk_device_ops;

/* Set up a drive over a copy of *be with the given serial (at most 20 bytes are kept; NULL: empty).
 * Returns 0, or -1 if the backend lacks read (or write on a writable drive). */
int virtio_blk_init(struct virtio_blk *blk, const struct block_backend *be, const char *serial);

/* One line: capacity, access mode, serial, negotiated features and request counters. */
void virtio_blk_describe(const struct virtio_blk *blk, char *buf, size_t len);

/* Snapshot: negotiated features and counters (requests complete within a notification). */
void virtio_blk_save(const struct virtio_blk *blk, struct state_writer *w);
void virtio_blk_load(struct virtio_blk *blk, struct state_reader *r);

#endif
