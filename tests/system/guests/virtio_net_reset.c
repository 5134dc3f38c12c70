/* Bare-metal guest for the machine-reset test: a virtio-net receive queue that is live when the
 * machine resets must be forgotten. Run with `vhart --net user,hostfwd=tcp:127.0.0.1:P-:80 ELF`
 * while the host connects to P again and again (each attempt makes slirp send frames to the guest:
 * an ARP request for 10.0.2.15, then a SYN). The network card is in slot 0 (no drives).
 *
 * Boot 1 (no mark in RAM): set the mark, bring the card up (virtio 1.2, 3.1.1) with eight receive
 * buffers filled with 0xa5, and reset the machine (syscon 0x7777) at once, the queue live.
 * Boot 2 (the mark is there; it lies outside the program's image, so the reset's reload keeps it):
 * refill the buffers and clear the used ring (frames may have arrived before the reset), wait 2 s of
 * mtime while frames arrive, then check that nothing was written: the buffers still
 * hold 0xa5 and the used ring's index is still 0. Exit status 0, or 1 (buffers written) or 2 (used
 * ring written) through HTIF. */
#include <stdint.h>

#include "htif.h"

#define MMIO(a) (*(volatile uint32_t *)(uintptr_t)(a))
#define NET 0x10001000ull
#define SYSCON 0x100000ull
#define MTIME 0x200bff8ull

#define AREA 0x80400000ull          /* far above the program */
#define MARK (AREA + 0x0)
#define DESC (AREA + 0x1000)        /* 8 descriptors */
#define AVAIL (AREA + 0x2000)
#define USED (AREA + 0x3000)
#define BUFS (AREA + 0x10000)       /* 8 x 2 KiB */
#define NBUF 8
#define BUF_SIZE 2048
#define MARK_VALUE 0x7265626f6f74ull /* "reboot" */

enum {
    R_MAGIC = 0x000, R_DEVICE_ID = 0x008, R_DEV_FEATURES = 0x010, R_DEV_FEATURES_SEL = 0x014,
    R_DRV_FEATURES = 0x020, R_DRV_FEATURES_SEL = 0x024, R_QUEUE_SEL = 0x030, R_QUEUE_NUM_MAX = 0x034,
    R_QUEUE_NUM = 0x038, R_QUEUE_READY = 0x044, R_QUEUE_NOTIFY = 0x050, R_STATUS = 0x070,
    R_DESC_LO = 0x080, R_DESC_HI = 0x084, R_DRIVER_LO = 0x090, R_DRIVER_HI = 0x094,
    R_DEVICE_LO = 0x0a0, R_DEVICE_HI = 0x0a4,
};

static void fill(uint64_t addr, uint8_t v, uint64_t n)
{
    for (uint64_t i = 0; i < n; i++) *(volatile uint8_t *)(uintptr_t)(addr + i) = v;
}

static void bring_up(void)
{
    if (MMIO(NET + R_MAGIC) != 0x74726976 || MMIO(NET + R_DEVICE_ID) != 1) htif_exit(3);
    MMIO(NET + R_STATUS) = 0;
    MMIO(NET + R_STATUS) = 1;           /* ACKNOWLEDGE */
    MMIO(NET + R_STATUS) = 1 | 2;       /* DRIVER */
    MMIO(NET + R_DRV_FEATURES_SEL) = 0;
    MMIO(NET + R_DRV_FEATURES) = 0;
    MMIO(NET + R_DRV_FEATURES_SEL) = 1;
    MMIO(NET + R_DRV_FEATURES) = 1;     /* VERSION_1 */
    MMIO(NET + R_STATUS) = 1 | 2 | 8;   /* FEATURES_OK */
    if (!(MMIO(NET + R_STATUS) & 8)) htif_exit(4);
    fill(DESC, 0, 0x3000);
    fill(BUFS, 0xa5, NBUF * BUF_SIZE);
    for (unsigned i = 0; i < NBUF; i++) {
        volatile uint8_t *d = (volatile uint8_t *)(uintptr_t)(DESC + 16 * i);
        *(volatile uint64_t *)d = BUFS + (uint64_t)BUF_SIZE * i;
        *(volatile uint32_t *)(d + 8) = BUF_SIZE;
        *(volatile uint16_t *)(d + 12) = 2;   /* VIRTQ_DESC_F_WRITE */
        *(volatile uint16_t *)(uintptr_t)(AVAIL + 4 + 2 * i) = (uint16_t)i;
    }
    *(volatile uint16_t *)(uintptr_t)(AVAIL + 2) = NBUF;
    MMIO(NET + R_QUEUE_SEL) = 0;        /* receiveq1 */
    if (MMIO(NET + R_QUEUE_NUM_MAX) < NBUF) htif_exit(5);
    MMIO(NET + R_QUEUE_NUM) = NBUF;
    MMIO(NET + R_DESC_LO) = (uint32_t)DESC;
    MMIO(NET + R_DESC_HI) = 0;
    MMIO(NET + R_DRIVER_LO) = (uint32_t)AVAIL;
    MMIO(NET + R_DRIVER_HI) = 0;
    MMIO(NET + R_DEVICE_LO) = (uint32_t)USED;
    MMIO(NET + R_DEVICE_HI) = 0;
    MMIO(NET + R_QUEUE_READY) = 1;
    MMIO(NET + R_STATUS) = 1 | 2 | 8 | 4;   /* DRIVER_OK */
    MMIO(NET + R_QUEUE_NOTIFY) = 0;
}

int main(unsigned long hartid)
{
    if (hartid != 0) for (;;) __asm__ volatile("wfi");
    volatile uint64_t *mark = (volatile uint64_t *)(uintptr_t)MARK;
    if (*mark != MARK_VALUE) {
        *mark = MARK_VALUE;
        bring_up();
        MMIO(SYSCON) = 0x7777;   /* reset, the receive queue live */
        for (;;) {}
    }
    *mark = 0;
    /* Frames may have landed before the reset (boot 1 is slow under qemu-user): start clean, so
     * that only writes after the reset count. */
    fill(BUFS, 0xa5, NBUF * BUF_SIZE);
    fill(USED, 0, 0x1000);
    uint64_t t0 = *(volatile uint64_t *)(uintptr_t)MTIME;
    while (*(volatile uint64_t *)(uintptr_t)MTIME - t0 < 20000000ull) {}   /* 2 s at 10 MHz */
    for (uint64_t i = 0; i < NBUF * BUF_SIZE; i++)
        if (*(volatile uint8_t *)(uintptr_t)(BUFS + i) != 0xa5) return 1;
    if (*(volatile uint16_t *)(uintptr_t)(USED + 2) != 0) return 2;
    return 0;
}
