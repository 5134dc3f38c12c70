/* simple-framebuffer device (Linux Documentation/devicetree/bindings/display/simple-framebuffer.yaml):
 * a RAM-like region of a8r8g8b8 pixels, and the changed-rows tracking a display reads each frame. */
#ifndef VHART_DEV_FRAMEBUFFER_H
#define VHART_DEV_FRAMEBUFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../mem/bus.h"

#define FRAMEBUFFER_BPP 4u               /* a8r8g8b8: bytes B, G, R, A in memory; A is ignored */
#define FRAMEBUFFER_MIN_DIM 16u
#define FRAMEBUFFER_MAX_DIM 8192u
#define FRAMEBUFFER_REFRESH_HZ 60u       /* the rate at which a display presents it */

struct framebuffer {
    uint32_t width, height, stride;      /* stride = width * 4 bytes */
    uint64_t base, size;                 /* guest physical; size rounded up to whole pages */
    uint8_t *pixels;                     /* host memory of the bus region */
    uint8_t *page_flags;                 /* the region's page flags: PAGE_DIRTY marks written pages */
};

/* Check a display size; returns 0, or -1 with a one-line reason in err. */
int framebuffer_check_size(uint32_t width, uint32_t height, uint64_t max_bytes, char *err, size_t err_len);
/* Bytes of the region for a size (whole 4 KiB pages). */
uint64_t framebuffer_region_size(uint32_t width, uint32_t height);

/* Bind to the memory region `r` that the machine mapped at r->base for the pixels. All pages
 * start dirty, so that the first frame is presented whole. */
void framebuffer_init(struct framebuffer *fb, struct bus_region *r, uint32_t width, uint32_t height);

/* Take the pages written since the last call (clearing their PAGE_DIRTY): returns false if none,
 * else the span of pixel rows [*y0, *y1) they cover. The caller must also drop write TLB entries
 * into the pixels, so that the next store to each page marks it again. */
bool framebuffer_take_dirty(struct framebuffer *fb, unsigned *y0, unsigned *y1);

#endif
