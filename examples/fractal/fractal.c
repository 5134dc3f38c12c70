/* fractal: a bare-metal graphical guest. It draws the Mandelbrot set (integer fixed point) into
 * the simple-framebuffer that the device tree describes and cycles its colours; the virtio keyboard
 * steers it: arrows pan, + and - zoom, space pauses the colours, r resets, q or Esc powers off.
 * Devices: Devicetree Specification 0.4 (the flattened tree), OASIS virtio 1.2 (4.2 virtio-mmio,
 * 2.7 split virtqueues, 5.8 input), the SiFive test finisher (poweroff), the CLINT (wfi until the
 * next frame, so an idle frame costs the host nothing). */
#include <stdint.h>

#include "../common/fbinfo.h"
#include "../common/htif.h"

#define CLINT_MTIMECMP 0x2004000ul
#define CLINT_MTIME 0x200bff8ul
#define TIMEBASE_HZ 10000000ul
#define SYSCON 0x100000ul
#define VIRTIO_BASE 0x10001000ul
#define VIRTIO_SLOTS 8
#define FRAME_TICKS (TIMEBASE_HZ / 30)   /* 30 frames a second */

/* Linux key codes (input-event-codes.h). */
enum { KEY_ESC = 1, KEY_MINUS = 12, KEY_EQUAL = 13, KEY_Q = 16, KEY_R = 19, KEY_SPACE = 57, KEY_KPMINUS = 74,
       KEY_KPPLUS = 78, KEY_UP = 103, KEY_LEFT = 105, KEY_RIGHT = 106, KEY_DOWN = 108 };

static inline uint32_t rd32(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline void wr32(uintptr_t a, uint32_t v) { *(volatile uint32_t *)a = v; }
static inline void wr8(uintptr_t a, uint8_t v) { *(volatile uint8_t *)a = v; }
static inline uint8_t rd8(uintptr_t a) { return *(volatile uint8_t *)a; }
static inline uint64_t mtime(void) { return *(volatile uint64_t *)CLINT_MTIME; }

static void puts_u(const char *s, uint64_t v)
{
    htif_puts(s);
    htif_put_u64(v);
}

static uint32_t *fb;
static uint32_t fb_w, fb_h, fb_stride;

static int find_framebuffer(const void *dtb)
{
    struct fbinfo info;
    if (fbinfo_find(dtb, &info)) return -1;
    fb = info.pixels;
    fb_w = info.width;
    fb_h = info.height;
    fb_stride = info.stride;
    return 0;
}

/* ---- the keyboard: a virtio-input device whose key bits cover letters and no relative axes ---- */

#define QSIZE 16
struct desc { uint64_t addr; uint32_t len; uint16_t flags, next; };
static struct desc descs[QSIZE] __attribute__((aligned(4096)));
static struct { uint16_t flags, idx, ring[QSIZE], used_event; } avail __attribute__((aligned(4096)));
static struct { uint16_t flags, idx; struct { uint32_t id, len; } ring[QSIZE]; uint16_t avail_event; } used
    __attribute__((aligned(4096)));
static struct { uint16_t type, code; uint32_t value; } events[QSIZE];
static uintptr_t kbd;
static uint16_t last_used;

static unsigned config_size(uintptr_t dev, uint8_t select, uint8_t subsel)
{
    wr8(dev + 0x100, select);
    wr8(dev + 0x101, subsel);
    return rd8(dev + 0x102);
}

static void kbd_init(void)
{
    for (unsigned i = 0; i < VIRTIO_SLOTS; i++) {
        uintptr_t dev = VIRTIO_BASE + i * 0x1000ul;
        if (rd32(dev) != 0x74726976 || rd32(dev + 4) != 2 || rd32(dev + 8) != 18) continue;
        /* EV_BITS: keys (type 1) but no relative axes (type 2): the keyboard, not the mouse. */
        if (config_size(dev, 0x11, 1) == 0 || config_size(dev, 0x11, 2) != 0) continue;
        wr32(dev + 0x070, 0);                 /* reset */
        wr32(dev + 0x070, 1 | 2);             /* ACKNOWLEDGE | DRIVER */
        wr32(dev + 0x024, 1);                 /* driver features, bits 32..63: VERSION_1 only */
        wr32(dev + 0x020, 1);
        wr32(dev + 0x024, 0);
        wr32(dev + 0x020, 0);
        wr32(dev + 0x070, 1 | 2 | 8);         /* FEATURES_OK */
        if (!(rd32(dev + 0x070) & 8)) continue;
        wr32(dev + 0x030, 0);                 /* eventq */
        if (rd32(dev + 0x034) < QSIZE) continue;
        wr32(dev + 0x038, QSIZE);
        wr32(dev + 0x080, (uint32_t)(uintptr_t)descs);
        wr32(dev + 0x084, (uint32_t)((uint64_t)(uintptr_t)descs >> 32));
        wr32(dev + 0x090, (uint32_t)(uintptr_t)&avail);
        wr32(dev + 0x094, (uint32_t)((uint64_t)(uintptr_t)&avail >> 32));
        wr32(dev + 0x0a0, (uint32_t)(uintptr_t)&used);
        wr32(dev + 0x0a4, (uint32_t)((uint64_t)(uintptr_t)&used >> 32));
        for (unsigned d = 0; d < QSIZE; d++) {
            descs[d].addr = (uintptr_t)&events[d];
            descs[d].len = sizeof(events[d]);
            descs[d].flags = 2;               /* VIRTQ_DESC_F_WRITE: the device fills it */
            avail.ring[d] = (uint16_t)d;
        }
        __sync_synchronize();
        avail.idx = QSIZE;
        wr32(dev + 0x044, 1);                 /* queue ready */
        wr32(dev + 0x070, 1 | 2 | 8 | 4);     /* DRIVER_OK */
        wr32(dev + 0x050, 0);                 /* notify: buffers are there */
        kbd = dev;
        return;
    }
}

/* The next key press (Linux code), or 0. */
static unsigned kbd_key(void)
{
    while (kbd && *(volatile uint16_t *)&used.idx != last_used) {
        __sync_synchronize();
        uint32_t id = used.ring[last_used % QSIZE].id % QSIZE;
        last_used++;
        unsigned type = events[id].type, code = events[id].code, value = events[id].value;
        avail.ring[avail.idx % QSIZE] = (uint16_t)id;   /* give the buffer back */
        __sync_synchronize();
        avail.idx++;
        wr32(kbd + 0x050, 0);
        wr32(kbd + 0x064, rd32(kbd + 0x060));           /* acknowledge the interrupt */
        if (type == 1 && value == 1) return code;
    }
    return 0;
}

/* ---- the picture ---- */

#define FRAC 28
#define MAX_ITER 64
static uint8_t iters[4096 * 4096 / 16];   /* iteration counts, one byte a pixel (up to 4 MiB) */
static uint32_t palette[256];

static uint32_t hsv(unsigned h)   /* h in 0..1535: a saturated colour wheel */
{
    unsigned f = h & 255;
    switch (h >> 8) {
    case 0: return 0xff0000u | f << 8;
    case 1: return (255u - f) << 16 | 0xff00u;
    case 2: return 0xff00u | f;
    case 3: return (255u - f) << 8 | 0xffu;
    case 4: return f << 16 | 0xffu;
    default: return 0xff0000u | (255u - f);
    }
}

static void render(int64_t cx, int64_t cy, int64_t step)
{
    for (uint32_t y = 0; y < fb_h; y++) {
        int64_t ci = cy + ((int64_t)y - (int64_t)fb_h / 2) * step;
        for (uint32_t x = 0; x < fb_w; x++) {
            int64_t cr = cx + ((int64_t)x - (int64_t)fb_w / 2) * step, zr = 0, zi = 0;
            unsigned n = 0;
            while (n < MAX_ITER) {
                int64_t rr = (zr * zr) >> FRAC, ii = (zi * zi) >> FRAC;
                if (rr + ii > (4l << FRAC)) break;
                zi = ((zr * zi) >> (FRAC - 1)) + ci;
                zr = rr - ii + cr;
                n++;
            }
            iters[(uint64_t)y * fb_w + x] = (uint8_t)n;
        }
    }
}

static void paint(unsigned t)
{
    for (uint32_t y = 0; y < fb_h; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)fb + (uint64_t)y * fb_stride);
        const uint8_t *it = &iters[(uint64_t)y * fb_w];
        for (uint32_t x = 0; x < fb_w; x++) row[x] = it[x] == MAX_ITER ? 0 : palette[(it[x] * 4 + t) & 255];
    }
}

/* Sleep (wfi) until mtime reaches `when`: the machine timer is enabled in mie but not in mstatus,
 * so it wakes wfi without trapping. */
static void sleep_until(uint64_t when)
{
    *(volatile uint64_t *)CLINT_MTIMECMP = when;
    __asm__ volatile("csrs mie, %0" ::"r"(1ul << 7));
    while (mtime() < when) __asm__ volatile("wfi");
    *(volatile uint64_t *)CLINT_MTIMECMP = ~0ul;
}

int main(long hartid, const void *dtb)
{
    (void)hartid;
    if (find_framebuffer(dtb)) {
        htif_puts("fractal: no simple-framebuffer in the device tree (run vhart with --display sdl or --display-size)\n");
        return 1;
    }
    if ((uint64_t)fb_w * fb_h > sizeof(iters)) {
        htif_puts("fractal: the display is too large\n");
        return 1;
    }
    puts_u("fractal: ", fb_w);
    puts_u("x", fb_h);
    htif_puts(" framebuffer; arrows pan, + and - zoom, space pauses, r resets, q quits\n");
    kbd_init();
    if (!kbd) htif_puts("fractal: no virtio keyboard, just watching\n");
    for (unsigned i = 0; i < 256; i++) palette[i] = hsv(i * 6);
    const int64_t home_x = -(1l << FRAC) / 2, home_y = 0, home_step = (3l << FRAC) / (int64_t)fb_w;
    int64_t cx = home_x, cy = home_y, step = home_step;
    unsigned t = 0, frames = 0;
    int dirty = 1, cycling = 1;
    uint64_t next = mtime();
    for (;;) {
        if (dirty) {
            render(cx, cy, step);
            dirty = 0;
            paint(t);
            next = mtime();
        }
        unsigned key;
        while ((key = kbd_key()) != 0) {
            int64_t pan = step * (int64_t)fb_w / 8;
            switch (key) {
            case KEY_LEFT: cx -= pan; dirty = 1; break;
            case KEY_RIGHT: cx += pan; dirty = 1; break;
            case KEY_UP: cy -= pan; dirty = 1; break;
            case KEY_DOWN: cy += pan; dirty = 1; break;
            case KEY_EQUAL: case KEY_KPPLUS: if (step > 4) step = step * 2 / 3; dirty = 1; break;
            case KEY_MINUS: case KEY_KPMINUS: step = step * 3 / 2 + 1; dirty = 1; break;
            case KEY_SPACE: cycling = !cycling; break;
            case KEY_R: cx = home_x; cy = home_y; step = home_step; dirty = 1; break;
            case KEY_Q: case KEY_ESC:
                puts_u("fractal: ", frames);
                htif_puts(" frames, powering off\n");
                *(volatile uint32_t *)SYSCON = 0x5555;
                for (;;) __asm__ volatile("wfi");
            default: break;
            }
        }
        if (dirty) continue;
        if (cycling) {
            t++;
            paint(t);
            frames++;
        }
        next += FRAME_TICKS;
        if (mtime() > next) next = mtime();   /* too slow for 30 frames a second: do not catch up */
        sleep_until(next);
    }
}
