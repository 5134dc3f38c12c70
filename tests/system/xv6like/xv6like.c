/* xv6like: a guest that lives as MIT's xv6-riscv does on QEMU virt (M-mode CLINT timer forwarded as SSIP,
 * Sv39 S-mode kernel, PLIC S-contexts 2h+1, xv6's 16550 and virtio-blk drivers, a scheduler without wfi);
 * passes (test finisher 0x5555) when the disk, the console and the tick all work. docs/compatibility.md. */
#include <stdint.h>

#define NCPU 8
#define TICK_INTERVAL 1000000ull   /* xv6's: 100 ms of the 10 MHz mtime */
#define WATCHDOG_TICKS 150         /* 15 s of M-mode ticks without a verdict: fail with code 3 */
#define TICKS_NEEDED 10            /* S-mode ticks that must be seen (hart 0 counts, as xv6's clockintr) */
#define ROUNDS 64                  /* sectors written, read back and hashed */
#define HASH_PASSES 400            /* CPU work per round, so that a spinning hart's cost shows in the time */

/* QEMU virt's map, as xv6's memlayout.h. */
#define UART0 0x10000000ul
#define VIRTIO0 0x10001000ul
#define PLIC 0x0c000000ul
#define CLINT_MTIMECMP(h) (0x2004000ul + 8 * (h))
#define CLINT_MTIME 0x200bff8ul
#define SYSCON 0x100000ul
#define UART0_IRQ 10
#define VIRTIO0_IRQ 1

#define REG8(a) (*(volatile uint8_t *)(a))
#define REG32(a) (*(volatile uint32_t *)(a))
#define REG64(a) (*(volatile uint64_t *)(a))

#define csrr(name) ({ uint64_t v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define csrw(name, v) __asm__ volatile("csrw " #name ", %0" : : "r"((uint64_t)(v)))
#define csrs(name, v) __asm__ volatile("csrs " #name ", %0" : : "r"((uint64_t)(v)))
#define csrc(name, v) __asm__ volatile("csrc " #name ", %0" : : "r"((uint64_t)(v)))

#define SSTATUS_SIE (1ul << 1)
#define SIE_SSIE (1ul << 1)
#define SIE_SEIE (1ul << 9)

void timervec(void);
void kernelvec(void);
void s_main(void);

static void fail(unsigned code) __attribute__((noreturn));
static void fail(unsigned code)
{
    REG32(SYSCON) = code << 16 | 0x3333;
    for (;;) {}
}

static void pass(void) __attribute__((noreturn));
static void pass(void)
{
    REG32(SYSCON) = 0x5555;
    for (;;) {}
}

static inline uint64_t hartid(void)
{
    uint64_t v;
    __asm__ volatile("mv %0, tp" : "=r"(v));
    return v;
}

/* ---- M-mode: xv6's start.c and timerinit ---- */

static uint64_t timer_scratch[NCPU][8];

void m_start(uint64_t id)
{
    uint64_t ms = csrr(mstatus);
    ms = (ms & ~(3ul << 11)) | (1ul << 11);   /* MPP = S */
    csrw(mstatus, ms);
    csrw(mepc, (uint64_t)s_main);
    csrw(satp, 0);
    csrw(medeleg, 0xffff);
    csrw(mideleg, 0xffff);
    csrs(sie, SIE_SEIE | SIE_SSIE | (1ul << 5));
    csrw(pmpaddr0, 0x3ffffffffffffful);
    csrw(pmpcfg0, 0xf);
    /* timerinit: the first tick one interval from now; the M-mode vector re-arms and forwards it. */
    REG64(CLINT_MTIMECMP(id)) = REG64(CLINT_MTIME) + TICK_INTERVAL;
    uint64_t *s = timer_scratch[id];
    s[3] = CLINT_MTIMECMP(id);
    s[4] = TICK_INTERVAL;
    s[5] = 0;
    s[6] = WATCHDOG_TICKS;
    csrw(mscratch, (uint64_t)s);
    csrw(mtvec, (uint64_t)timervec);
    csrs(mstatus, 1ul << 3);    /* MIE */
    csrs(mie, 1ul << 7);        /* MTIE */
    __asm__ volatile("mv tp, %0" : : "r"(id));
    __asm__ volatile("mret");
    for (;;) {}
}

/* ---- Spinlocks with interrupts off, as xv6's spinlock.c ---- */

struct cpu { int noff, intena; };
static struct cpu cpus[NCPU];
struct spinlock { volatile uint32_t locked; struct cpu *cpu; };

static void push_off(void)
{
    int old = (csrr(sstatus) & SSTATUS_SIE) != 0;
    csrc(sstatus, SSTATUS_SIE);
    struct cpu *c = &cpus[hartid()];
    if (c->noff == 0) c->intena = old;
    c->noff++;
}

static void pop_off(void)
{
    struct cpu *c = &cpus[hartid()];
    if (csrr(sstatus) & SSTATUS_SIE) fail(20);
    if (c->noff < 1) fail(21);
    c->noff--;
    if (c->noff == 0 && c->intena) csrs(sstatus, SSTATUS_SIE);
}

static void acquire(struct spinlock *lk)
{
    push_off();
    if (lk->locked && lk->cpu == &cpus[hartid()]) fail(22);
    while (__sync_lock_test_and_set(&lk->locked, 1) != 0) {}
    __sync_synchronize();
    lk->cpu = &cpus[hartid()];
}

static void release(struct spinlock *lk)
{
    lk->cpu = 0;
    __sync_synchronize();
    __sync_lock_release(&lk->locked);
    pop_off();
}

/* ---- Sv39: identity map; gigapages for the devices (RW) and for RAM (RWX) ---- */

static uint64_t root_table[512] __attribute__((aligned(4096)));

static void kvminit(void)
{
    root_table[0] = (0x00000000ul >> 12) << 10 | 0xc7;   /* V R W A D (devices: no X) */
    root_table[2] = (0x80000000ul >> 12) << 10 | 0xcf;   /* V R W X A D */
}

static void kvminithart(void)
{
    __asm__ volatile("sfence.vma zero, zero");
    csrw(satp, 8ul << 60 | (uint64_t)root_table >> 12);
    __asm__ volatile("sfence.vma zero, zero");
}

/* ---- PLIC, as xv6's plic.c ---- */

static void plicinit(void)
{
    REG32(PLIC + UART0_IRQ * 4) = 1;
    REG32(PLIC + VIRTIO0_IRQ * 4) = 1;
}

static void plicinithart(void)
{
    uint64_t h = hartid();
    REG32(PLIC + 0x2080 + h * 0x100) = 1u << UART0_IRQ | 1u << VIRTIO0_IRQ;
    REG32(PLIC + 0x201000 + h * 0x2000) = 0;
}

static uint32_t plic_claim(void) { return REG32(PLIC + 0x201004 + hartid() * 0x2000); }
static void plic_complete(uint32_t irq) { REG32(PLIC + 0x201004 + hartid() * 0x2000) = irq; }

/* ---- 16550 UART, as xv6's uart.c: IER = THRE | RDA, never reads IIR ---- */

#define RHR 0
#define THR 0
#define IER 1
#define FCR 2
#define LCR 3
#define LSR 5
#define UART_TX_BUF_SIZE 32

static struct spinlock uart_tx_lock;
static char uart_tx_buf[UART_TX_BUF_SIZE];
static volatile uint64_t uart_tx_w, uart_tx_r;
static volatile uint64_t uart_rx_bytes;
static volatile uint64_t uart_tx_bytes;

static void uartinit(void)
{
    REG8(UART0 + IER) = 0x00;
    REG8(UART0 + LCR) = 0x80;
    REG8(UART0 + 0) = 0x03;
    REG8(UART0 + 1) = 0x00;
    REG8(UART0 + LCR) = 0x03;
    REG8(UART0 + FCR) = 0x07;
    REG8(UART0 + IER) = 0x02 | 0x01;   /* TX empty, RX available */
}

/* Send what the buffer holds while THR is empty; called with uart_tx_lock held. */
static void uartstart(void)
{
    for (;;) {
        if (uart_tx_w == uart_tx_r) return;
        if ((REG8(UART0 + LSR) & 0x20) == 0) return;
        char c = uart_tx_buf[uart_tx_r % UART_TX_BUF_SIZE];
        uart_tx_r = uart_tx_r + 1;
        REG8(UART0 + THR) = (uint8_t)c;
        uart_tx_bytes = uart_tx_bytes + 1;
    }
}

static void uartputc(char c)
{
    acquire(&uart_tx_lock);
    while (uart_tx_w == uart_tx_r + UART_TX_BUF_SIZE) {
        /* xv6 sleeps here until the interrupt handler makes room; we let it in. */
        release(&uart_tx_lock);
        acquire(&uart_tx_lock);
    }
    uart_tx_buf[uart_tx_w % UART_TX_BUF_SIZE] = c;
    uart_tx_w = uart_tx_w + 1;
    uartstart();
    release(&uart_tx_lock);
}

static int uartgetc(void)
{
    if (REG8(UART0 + LSR) & 0x01) return REG8(UART0 + RHR);
    return -1;
}

static void uartintr(void)
{
    while (uartgetc() != -1) uart_rx_bytes = uart_rx_bytes + 1;
    acquire(&uart_tx_lock);
    uartstart();
    release(&uart_tx_lock);
}

static void puts_(const char *s)
{
    while (*s) uartputc(*s++);
}

static void putu(uint64_t v)
{
    char buf[24];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) uartputc(buf[--n]);
}

/* ---- virtio-blk, as xv6's virtio_disk.c: features on word 0 only, a modern queue of 8 ---- */

#define VIRTIO_MMIO_MAGIC_VALUE 0x000
#define VIRTIO_MMIO_VERSION 0x004
#define VIRTIO_MMIO_DEVICE_ID 0x008
#define VIRTIO_MMIO_VENDOR_ID 0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES 0x010
#define VIRTIO_MMIO_DRIVER_FEATURES 0x020
#define VIRTIO_MMIO_QUEUE_SEL 0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX 0x034
#define VIRTIO_MMIO_QUEUE_NUM 0x038
#define VIRTIO_MMIO_QUEUE_READY 0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY 0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS 0x060
#define VIRTIO_MMIO_INTERRUPT_ACK 0x064
#define VIRTIO_MMIO_STATUS 0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW 0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH 0x084
#define VIRTIO_MMIO_DRIVER_DESC_LOW 0x090
#define VIRTIO_MMIO_DRIVER_DESC_HIGH 0x094
#define VIRTIO_MMIO_DEVICE_DESC_LOW 0x0a0
#define VIRTIO_MMIO_DEVICE_DESC_HIGH 0x0a4
#define R(r) ((volatile uint32_t *)(VIRTIO0 + (r)))

#define NUM 8
struct virtq_desc { uint64_t addr; uint32_t len; uint16_t flags, next; };
struct virtq_avail { uint16_t flags, idx, ring[NUM], unused; };
struct virtq_used_elem { uint32_t id, len; };
struct virtq_used { uint16_t flags, idx; struct virtq_used_elem ring[NUM]; };
struct virtio_blk_req { uint32_t type, reserved; uint64_t sector; };

static struct virtq_desc desc[NUM] __attribute__((aligned(4096)));
static struct virtq_avail avail __attribute__((aligned(4096)));
static struct virtq_used used __attribute__((aligned(4096)));
static struct virtio_blk_req req;
static volatile uint8_t req_status;
static volatile int req_done;
static uint16_t used_idx;
static struct spinlock vdisk_lock;
static volatile uint64_t disk_interrupts;

static void virtio_disk_init(void)
{
    if (*R(VIRTIO_MMIO_MAGIC_VALUE) != 0x74726976 || *R(VIRTIO_MMIO_VERSION) != 2 ||
        *R(VIRTIO_MMIO_DEVICE_ID) != 2 || *R(VIRTIO_MMIO_VENDOR_ID) != 0x554d4551)
        fail(30);   /* "could not find virtio disk" */
    uint32_t status = 0;
    *R(VIRTIO_MMIO_STATUS) = status;
    status |= 1;    /* ACKNOWLEDGE */
    *R(VIRTIO_MMIO_STATUS) = status;
    status |= 2;    /* DRIVER */
    *R(VIRTIO_MMIO_STATUS) = status;
    uint64_t features = *R(VIRTIO_MMIO_DEVICE_FEATURES);
    features &= ~(1u << 5);    /* VIRTIO_BLK_F_RO */
    features &= ~(1u << 7);    /* VIRTIO_BLK_F_SCSI */
    features &= ~(1u << 11);   /* VIRTIO_BLK_F_CONFIG_WCE */
    features &= ~(1u << 12);   /* VIRTIO_BLK_F_MQ */
    features &= ~(1u << 27);   /* VIRTIO_F_ANY_LAYOUT */
    features &= ~(1u << 29);   /* VIRTIO_RING_F_EVENT_IDX */
    features &= ~(1u << 28);   /* VIRTIO_RING_F_INDIRECT_DESC */
    *R(VIRTIO_MMIO_DRIVER_FEATURES) = (uint32_t)features;
    status |= 8;    /* FEATURES_OK */
    *R(VIRTIO_MMIO_STATUS) = status;
    status = *R(VIRTIO_MMIO_STATUS);
    if (!(status & 8)) fail(31);   /* "virtio disk FEATURES_OK unset" */
    *R(VIRTIO_MMIO_QUEUE_SEL) = 0;
    if (*R(VIRTIO_MMIO_QUEUE_READY)) fail(32);
    uint32_t max = *R(VIRTIO_MMIO_QUEUE_NUM_MAX);
    if (max == 0 || max < NUM) fail(33);
    *R(VIRTIO_MMIO_QUEUE_NUM) = NUM;
    *R(VIRTIO_MMIO_QUEUE_DESC_LOW) = (uint32_t)(uint64_t)desc;
    *R(VIRTIO_MMIO_QUEUE_DESC_HIGH) = (uint32_t)((uint64_t)desc >> 32);
    *R(VIRTIO_MMIO_DRIVER_DESC_LOW) = (uint32_t)(uint64_t)&avail;
    *R(VIRTIO_MMIO_DRIVER_DESC_HIGH) = (uint32_t)((uint64_t)&avail >> 32);
    *R(VIRTIO_MMIO_DEVICE_DESC_LOW) = (uint32_t)(uint64_t)&used;
    *R(VIRTIO_MMIO_DEVICE_DESC_HIGH) = (uint32_t)((uint64_t)&used >> 32);
    *R(VIRTIO_MMIO_QUEUE_READY) = 1;
    status |= 4;    /* DRIVER_OK */
    *R(VIRTIO_MMIO_STATUS) = status;
}

/* One request of three descriptors (header, data, status); waits, interrupts on, for the handler. */
static void virtio_disk_rw(uint64_t sector, uint8_t *data, int write)
{
    acquire(&vdisk_lock);
    req.type = write ? 1 : 0;
    req.reserved = 0;
    req.sector = sector;
    desc[0] = (struct virtq_desc){ (uint64_t)&req, sizeof(req), 1, 1 };
    desc[1] = (struct virtq_desc){ (uint64_t)data, 512, (uint16_t)(1 | (write ? 0 : 2)), 2 };
    req_status = 0xff;
    desc[2] = (struct virtq_desc){ (uint64_t)&req_status, 1, 2, 0 };
    req_done = 0;
    avail.ring[avail.idx % NUM] = 0;
    __sync_synchronize();
    avail.idx += 1;
    __sync_synchronize();
    *R(VIRTIO_MMIO_QUEUE_NOTIFY) = 0;
    release(&vdisk_lock);
    while (!req_done) {}   /* xv6 sleeps; the interrupt may be taken by any hart */
    if (req_status != 0) fail(34);
}

static void virtio_disk_intr(void)
{
    acquire(&vdisk_lock);
    *R(VIRTIO_MMIO_INTERRUPT_ACK) = *R(VIRTIO_MMIO_INTERRUPT_STATUS) & 0x3;
    __sync_synchronize();
    while (used_idx != used.idx) {
        __sync_synchronize();
        if (used.ring[used_idx % NUM].id != 0) fail(35);
        req_done = 1;
        used_idx += 1;
    }
    disk_interrupts = disk_interrupts + 1;
    release(&vdisk_lock);
}

/* ---- Traps (xv6's kerneltrap/devintr) ---- */

static volatile uint64_t ticks;
static volatile uint64_t ext_interrupts[NCPU];

void s_trap(void)
{
    uint64_t scause = csrr(scause);
    if (scause == (1ul << 63 | 9)) {
        uint32_t irq = plic_claim();
        ext_interrupts[hartid()] = ext_interrupts[hartid()] + 1;
        if (irq == UART0_IRQ) uartintr();
        else if (irq == VIRTIO0_IRQ) virtio_disk_intr();
        else if (irq) fail(40);
        if (irq) plic_complete(irq);
    } else if (scause == (1ul << 63 | 1)) {
        if (hartid() == 0) ticks = ticks + 1;
        csrc(sip, 2);
    } else {
        fail(41);
    }
}

/* ---- The scheduler of the harts with nothing to run: xv6's loop over the process table ---- */

#define NPROC 64
struct proc { struct spinlock lock; volatile int state; };
static struct proc proc[NPROC];
static volatile int started;

static void scheduler(void) __attribute__((noreturn));
static void scheduler(void)
{
    for (;;) {
        csrs(sstatus, SSTATUS_SIE);
        for (struct proc *p = proc; p < &proc[NPROC]; p++) {
            acquire(&p->lock);
            if (p->state == 3) fail(50);   /* RUNNABLE: never, here */
            release(&p->lock);
        }
    }
}

/* ---- Hart 0's work: sector 0 carries a known text; each round writes a sector, reads it back, hashes ---- */

static uint8_t wbuf[512], rbuf[512];

static uint32_t hash(const uint8_t *b, unsigned n, uint32_t h)
{
    for (unsigned i = 0; i < n; i++) h = (h ^ b[i]) * 16777619u;
    return h;
}

static void kmain0(void)
{
    static const char sig[] = "xv6like disk: sector 0\n";
    uartinit();
    kvminit();
    kvminithart();
    csrw(stvec, (uint64_t)kernelvec);
    plicinit();
    plicinithart();
    virtio_disk_init();
    __sync_synchronize();
    started = 1;
    csrs(sstatus, SSTATUS_SIE);
    puts_("xv6like: hart 0 booting\n");

    virtio_disk_rw(0, rbuf, 0);
    for (unsigned i = 0; i < sizeof(sig) - 1; i++)
        if (rbuf[i] != (uint8_t)sig[i]) fail(60);
    puts_("xv6like: sector 0 read back\n");

    uint64_t t0 = REG64(CLINT_MTIME), ticks0 = ticks;
    uint32_t h = 2166136261u;
    for (unsigned r = 0; r < ROUNDS; r++) {
        for (unsigned i = 0; i < 512; i++) wbuf[i] = (uint8_t)(i * 7 + r * 13 + 1);
        virtio_disk_rw(1 + r, wbuf, 1);
        for (unsigned i = 0; i < 512; i++) rbuf[i] = 0;
        virtio_disk_rw(1 + r, rbuf, 0);
        for (unsigned i = 0; i < 512; i++)
            if (rbuf[i] != wbuf[i]) fail(61);
        for (unsigned k = 0; k < HASH_PASSES; k++) h = hash(rbuf, 512, h);
        if (r % 8 == 7) {
            puts_("xv6like: round ");
            putu(r + 1);
            puts_(", ticks ");
            putu(ticks);
            puts_("\n");
        }
    }
    uint64_t work_us = (REG64(CLINT_MTIME) - t0) / 10;
    puts_("xv6like: work took ");
    putu(work_us / 1000);
    puts_(" ms of mtime, ");
    putu(ticks - ticks0);
    puts_(" ticks during it, hash ");
    putu(h);
    puts_("\n");

    while (ticks < TICKS_NEEDED) {}
    /* The console was interrupt-driven throughout: about one interrupt per byte or request, not a storm. */
    uint64_t ext = 0;
    for (int i = 0; i < NCPU; i++) ext += ext_interrupts[i];
    puts_("xv6like: ");
    putu(ticks);
    puts_(" ticks, ");
    putu(ext);
    puts_(" external interrupts for ");
    putu(uart_tx_bytes);
    puts_(" bytes out and ");
    putu(2 * ROUNDS + 1);
    puts_(" disk requests\n");
    if (ext > (uart_tx_bytes + 2 * ROUNDS + 1) * 3 / 2 + 64) fail(62);
    puts_("xv6like: PASS\n");
    /* Let the last bytes out before powering off (xv6's console is asynchronous). */
    while (uart_tx_w != uart_tx_r) {}
    pass();
}

void s_main(void)
{
    if (hartid() == 0) kmain0();
    while (!started) {}
    __sync_synchronize();
    kvminithart();
    csrw(stvec, (uint64_t)kernelvec);
    plicinithart();
    scheduler();
}
