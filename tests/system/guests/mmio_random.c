/* Bare-metal guest for the bad-input matrix: writes pseudo-random values, at every width (1, 2, 4, 8
 * bytes) and alignment, to every register of every device of the board, reads them back, for many
 * rounds; accesses to holes in the address map must raise access faults. The host must stay up and
 * the guest reach its end; it reports the faults per cause through HTIF and exits 0.
 *
 * Run with: vhart --smp 2 --drive SCRATCH.img --net user mmio_random.elf (slots: blk, net, rng,
 * keyboard, mouse). What is held back, so that the run can end on its own terms:
 * - syscon: values whose low 16 bits are a command (0x3333 fail, 0x5555 pass, 0x7777 reset) are
 *   changed by one bit first;
 * - UART: bit 4 of every byte is set, so that MCR keeps loopback on (the random bytes written to THR
 *   go to the receiver, never to the host's terminal);
 * - HTIF's tohost/fromhost (in RAM) are not touched; RAM itself is written only by the devices
 *   (virtio queue addresses point half of the time into a scratch area, the other half anywhere).
 * Causes 4-7 (misaligned or faulting loads and stores) are counted and skipped; any other trap fails. */
#include <stdint.h>

#include "htif.h"

#ifndef ROUNDS
#define ROUNDS 100
#endif
#ifndef SEED
#define SEED 0x9e3779b97f4a7c15ull
#endif
#define SCRATCH 0x80400000ull     /* 1 MiB the devices may scribble on (the program ends far below) */
#define SCRATCH_SIZE 0x100000ull

static uint64_t state = SEED;
static uint64_t faults[16];       /* by mcause */
static uint64_t accesses;
static int other_trap;            /* mcause of an unexpected trap, + 1 */

static uint64_t rnd(void)
{
    /* xorshift64* (Vigna, 2016) */
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545f4914f6cdd1dull;
}

/* Called by the assembly handler: skip the faulting instruction (2 or 4 bytes) if it is a load or
 * store fault; returns the pc to resume at. */
uint64_t trap(uint64_t cause, uint64_t epc)
{
    if (cause >= 4 && cause <= 7) {
        faults[cause]++;
        uint16_t insn = *(volatile uint16_t *)epc;
        return epc + ((insn & 3) == 3 ? 4 : 2);
    }
    other_trap = (int)cause + 1;
    htif_puts("mmio_random: unexpected trap, mcause ");
    htif_put_u64(cause);
    htif_puts(" at ");
    htif_put_u64(epc);
    htif_puts("\n");
    htif_exit(2);
}

__asm__(
    "   .text\n"
    "   .align 4\n"
    "trap_entry:\n"
    "   addi sp, sp, -128\n"
    "   sd ra, 0(sp); sd t0, 8(sp); sd t1, 16(sp); sd t2, 24(sp); sd a0, 32(sp); sd a1, 40(sp)\n"
    "   sd a2, 48(sp); sd a3, 56(sp); sd a4, 64(sp); sd a5, 72(sp); sd a6, 80(sp); sd a7, 88(sp)\n"
    "   sd t3, 96(sp); sd t4, 104(sp); sd t5, 112(sp); sd t6, 120(sp)\n"
    "   csrr a0, mcause\n"
    "   csrr a1, mepc\n"
    "   call trap\n"
    "   csrw mepc, a0\n"
    "   ld ra, 0(sp); ld t0, 8(sp); ld t1, 16(sp); ld t2, 24(sp); ld a0, 32(sp); ld a1, 40(sp)\n"
    "   ld a2, 48(sp); ld a3, 56(sp); ld a4, 64(sp); ld a5, 72(sp); ld a6, 80(sp); ld a7, 88(sp)\n"
    "   ld t3, 96(sp); ld t4, 104(sp); ld t5, 112(sp); ld t6, 120(sp)\n"
    "   addi sp, sp, 128\n"
    "   mret\n");
extern char trap_entry[];

/* One access of `size` bytes (1, 2, 4, 8) at any address; a fault skips it (the value read is then 0). */
static void store(uint64_t addr, unsigned size, uint64_t v)
{
    accesses++;
    switch (size) {
    case 1: __asm__ volatile("sb %0, 0(%1)" ::"r"(v), "r"(addr) : "memory"); break;
    case 2: __asm__ volatile("sh %0, 0(%1)" ::"r"(v), "r"(addr) : "memory"); break;
    case 4: __asm__ volatile("sw %0, 0(%1)" ::"r"(v), "r"(addr) : "memory"); break;
    default: __asm__ volatile("sd %0, 0(%1)" ::"r"(v), "r"(addr) : "memory"); break;
    }
}

static uint64_t load(uint64_t addr, unsigned size)
{
    uint64_t v = 0;
    accesses++;
    switch (size) {
    case 1: __asm__ volatile("mv %0, zero; lbu %0, 0(%1)" : "=&r"(v) : "r"(addr) : "memory"); break;
    case 2: __asm__ volatile("mv %0, zero; lhu %0, 0(%1)" : "=&r"(v) : "r"(addr) : "memory"); break;
    case 4: __asm__ volatile("mv %0, zero; lwu %0, 0(%1)" : "=&r"(v) : "r"(addr) : "memory"); break;
    default: __asm__ volatile("mv %0, zero; ld %0, 0(%1)" : "=&r"(v) : "r"(addr) : "memory"); break;
    }
    return v;
}

enum kind { PLAIN, SYSCON, UART, VIRTIO };

static uint64_t value_for(enum kind k, unsigned off)
{
    uint64_t v = rnd();
    switch (k) {
    case SYSCON: {
        unsigned low = v & 0xffff;
        if (low == 0x3333 || low == 0x5555 || low == 0x7777) v ^= 1;
        break;
    }
    case UART: v |= 0x1010101010101010ull; break;
    case VIRTIO:
        /* Queue and shared-memory addresses (0x80..0xbc): half of them into the scratch area. */
        if (off >= 0x80 && off < 0xc0 && (v & 1)) v = SCRATCH + (rnd() & (SCRATCH_SIZE - 1) & ~0xfull);
        /* Small numbers for the rest half of the time: queue selectors, sizes, status bits, notify. */
        else if ((v & 6) == 0) v &= 0xff;
        break;
    default: break;
    }
    return v;
}

/* Write then read back `off` of the device at `base`, at every width, aligned and not. */
static void poke(uint64_t base, unsigned off, enum kind k)
{
    static const unsigned sizes[4] = { 1, 2, 4, 8 };
    for (unsigned i = 0; i < 4; i++) {
        unsigned size = sizes[i];
        unsigned misalign = (rnd() & 7) < 2 ? (unsigned)(rnd() % size) : 0;   /* a quarter misaligned */
        unsigned at = (off & ~(size - 1)) + misalign;
        store(base + at, size, value_for(k, at));
        (void)load(base + at, size);
    }
}

static void sweep(uint64_t base, unsigned from, unsigned to, unsigned step, enum kind k)
{
    for (unsigned off = from; off < to; off += step) poke(base, off, k);
}

/* Bring a virtio-mmio device up properly (reset, accept every offered feature, FEATURES_OK), give
 * its first three queues rings of random contents in the scratch area, DRIVER_OK, and notify them:
 * the device walks chains with random lengths, flags (NEXT, WRITE, INDIRECT) and links, addresses
 * mostly in the scratch area and sometimes anywhere. (virtio 1.2, 4.2.3.1 and 2.7) */
static void virtio_drive(uint64_t slot)
{
    store(slot + 0x70, 4, 0);                                    /* Status: reset */
    if (load(slot + 0x08, 4) == 0) return;                       /* DeviceID 0: empty slot */
    store(slot + 0x70, 4, 1);
    store(slot + 0x70, 4, 3);                                    /* ACKNOWLEDGE | DRIVER */
    for (unsigned sel = 0; sel < 2; sel++) {
        store(slot + 0x14, 4, sel);
        uint64_t f = load(slot + 0x10, 4);
        store(slot + 0x24, 4, sel);
        store(slot + 0x20, 4, f);
    }
    store(slot + 0x70, 4, 0xb);                                  /* | FEATURES_OK */
    for (unsigned q = 0; q < 3; q++) {
        store(slot + 0x30, 4, q);
        uint64_t max = load(slot + 0x34, 4);
        if (max == 0) continue;
        unsigned num = 1u << (rnd() % 7);                        /* 1..64 */
        while (num > max) num >>= 1;
        uint64_t base = SCRATCH + ((rnd() & 0xff) << 12);
        volatile uint8_t *desc = (volatile uint8_t *)base, *avail = desc + 0x400, *used = desc + 0x800;
        /* Half of the queues get well-formed chains (forward links, NEXT and WRITE at random, no
         * INDIRECT), so that requests of random contents reach the device model itself. */
        int wellformed = rnd() & 1;
        unsigned split = (unsigned)(rnd() % (num + 1));         /* readable first, then writable (2.7.4.2) */
        for (unsigned i = 0; i < num; i++) {
            uint64_t r = rnd();
            uint64_t addr = (r & 7) || wellformed ? SCRATCH + (rnd() & (SCRATCH_SIZE - 1)) : rnd();
            uint16_t flags = (uint16_t)((r >> 8) & 7), next = (uint16_t)((r >> 16) % ((r & 0x20) ? 0x10000 : num));
            if (wellformed) {
                flags = (uint16_t)((i + 1 < num && (r & 0x300)) | (i >= split ? 2 : 0));
                next = (uint16_t)(i + 1);
            }
            *(volatile uint64_t *)(desc + 16 * i) = addr;
            *(volatile uint32_t *)(desc + 16 * i + 8) = (r & 0x10) ? (uint32_t)(rnd() & 0x1fff) : (uint32_t)(rnd() & 0x3f);
            *(volatile uint16_t *)(desc + 16 * i + 12) = flags;
            *(volatile uint16_t *)(desc + 16 * i + 14) = next;
        }
        *(volatile uint16_t *)avail = (uint16_t)(rnd() & 1);
        *(volatile uint16_t *)(avail + 2) = (uint16_t)(rnd() % ((wellformed ? 1 : 2) * num + 1));
        for (unsigned i = 0; i < num; i++)
            *(volatile uint16_t *)(avail + 4 + 2 * i) = (uint16_t)((rnd() & 7) ? rnd() % num : rnd());
        *(volatile uint32_t *)used = 0;
        store(slot + 0x38, 4, num);
        store(slot + 0x80, 4, (uint32_t)base);
        store(slot + 0x84, 4, base >> 32);
        store(slot + 0x90, 4, (uint32_t)(base + 0x400));
        store(slot + 0x94, 4, (base + 0x400) >> 32);
        store(slot + 0xa0, 4, (uint32_t)(base + 0x800));
        store(slot + 0xa4, 4, (base + 0x800) >> 32);
        store(slot + 0x44, 4, 1);                                /* QueueReady */
    }
    store(slot + 0x70, 4, 0xf);                                  /* | DRIVER_OK */
    for (unsigned q = 0; q < 3; q++) store(slot + 0x50, 4, q);   /* QueueNotify */
#ifdef VERBOSE
    htif_puts("slot ");
    htif_put_u64((slot >> 12) & 0xf);
    htif_puts(" status ");
    htif_put_u64(load(slot + 0x70, 4));
    htif_puts(" used idx");
    for (unsigned q = 0; q < 3; q++) {
        store(slot + 0x30, 4, q);
        uint64_t used = load(slot + 0xa0, 4) | load(slot + 0xa4, 4) << 32;
        htif_puts(" ");
        htif_put_u64(used >= SCRATCH ? *(volatile uint16_t *)(used + 2) : 0);
    }
    htif_puts("\n");
#endif
}

/* Holes of the address map (QEMU virt's layout): every access must fault. */
static const uint64_t holes[] = {
    0x0, 0x800, 0x2000, 0x10000, 0xff000, 0x102000, 0x1ffff00, 0x2010000, 0xbfffff0,
    0x10000100, 0x10009000, 0x20000000, 0x7ffffff8, 0x88000000, 0x100000000ull, 0xfffffffffffff000ull,
};
#define NHOLES (sizeof(holes) / sizeof(holes[0]))

int main(void)
{
    __asm__ volatile("csrw mtvec, %0" ::"r"(trap_entry));
    /* Loopback on before anything else reaches the UART. */
    store(0x10000004, 1, 0x10);
    for (unsigned round = 0; round < ROUNDS; round++) {
        sweep(0x100000, 0, 0x20, 1, SYSCON);                 /* syscon */
        sweep(0x101000, 0, 0x40, 1, PLAIN);                  /* goldfish RTC */
        sweep(0x10000000, 0, 0x10, 1, UART);                 /* UART (8 registers, then reads as zero) */
        sweep(0x2000000, 0, 0x10, 4, PLAIN);                 /* CLINT msip (2 harts, then unused) */
        sweep(0x2000000, 0x4000, 0x4020, 4, PLAIN);          /* mtimecmp */
        sweep(0x2000000, 0xbff0, 0xc000, 4, PLAIN);          /* mtime */
        sweep(0xc000000, 0, 0x200, 4, PLAIN);                /* PLIC priorities */
        sweep(0xc000000, 0x1000, 0x1010, 4, PLAIN);          /* pending */
        sweep(0xc000000, 0x2000, 0x2200, 4, PLAIN);          /* enables, contexts 0-3 and beyond */
        for (unsigned c = 0; c < 6; c++) sweep(0xc000000, 0x200000 + c * 0x1000, 0x200000 + c * 0x1000 + 0x10,
                                               4, PLAIN);    /* threshold, claim/complete */
        for (unsigned s = 0; s < 8; s++) {
            uint64_t slot = 0x10001000 + s * 0x1000ull;
            virtio_drive(slot);
            sweep(slot, 0, 0x100, 4, VIRTIO);                /* virtio-mmio registers */
            sweep(slot, 0x100, 0x140, 1, VIRTIO);            /* device configuration */
        }
        /* And anywhere within each device's window. */
        for (unsigned i = 0; i < 64; i++) {
            poke(0x100000, rnd() & 0xfff, SYSCON);
            poke(0x101000, rnd() & 0xfff, PLAIN);
            poke(0x10000000, rnd() & 0xff, UART);
            poke(0x2000000, rnd() & 0xffff, PLAIN);
            poke(0xc000000, rnd() & 0x3ffffff, PLAIN);
            poke(0x10001000, rnd() & 0x7fff, VIRTIO);
        }
    }
    /* The holes: loads and stores of every width must fault, and nothing else may happen. */
    uint64_t before = faults[5] + faults[7];
    for (unsigned i = 0; i < NHOLES; i++)
        for (unsigned size = 1; size <= 8; size *= 2) {
            store(holes[i], size, rnd());
            (void)load(holes[i], size);
        }
    uint64_t hole_faults = faults[5] + faults[7] - before;
    /* The boot ROM is read-only: stores fault. */
    before = faults[7];
    store(0x1000, 4, 0);
    store(0x1ff8, 8, 0);
    uint64_t rom_faults = faults[7] - before;

    htif_puts("mmio_random: ");
    htif_put_u64(ROUNDS);
    htif_puts(" rounds, ");
    htif_put_u64(accesses);
    htif_puts(" accesses; faults: load-misaligned ");
    htif_put_u64(faults[4]);
    htif_puts(", load-access ");
    htif_put_u64(faults[5]);
    htif_puts(", store-misaligned ");
    htif_put_u64(faults[6]);
    htif_puts(", store-access ");
    htif_put_u64(faults[7]);
    htif_puts("\n");
    int ok = hole_faults == NHOLES * 8 && rom_faults == 2 && !other_trap;
    htif_puts(ok ? "mmio_random: every hole and ROM store faulted; host still up\n"
                 : "mmio_random: a hole or ROM store did not fault\n");
    return ok ? 0 : 1;
}
