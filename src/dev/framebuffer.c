/* simple-framebuffer: geometry checks and dirty-row tracking over the region's per-page flags.
 *
 * Choice: the pixels are plain guest memory (TLB-hit stores run at full speed). Changes are seen
 * through PAGE_DIRTY, which the bus sets on every store outside the TLB and the MMU sets when it
 * makes a write TLB entry for a page; after taking the dirty pages, the machine drops the write
 * entries into the framebuffer, so the next store to a page comes through the slow path once and
 * marks it again. An unchanged frame costs a scan of one flag byte per 4 KiB page. */
#include "framebuffer.h"

#include "../util/guest_atomic.h"

#include <stdio.h>

int framebuffer_check_size(uint32_t width, uint32_t height, uint64_t max_bytes, char *err, size_t err_len)
{
    if (width < FRAMEBUFFER_MIN_DIM || height < FRAMEBUFFER_MIN_DIM || width > FRAMEBUFFER_MAX_DIM ||
        height > FRAMEBUFFER_MAX_DIM) {
        snprintf(err, err_len, "--display-size %ux%u: width and height must be %u to %u", width, height,
                 FRAMEBUFFER_MIN_DIM, FRAMEBUFFER_MAX_DIM);
        return -1;
    }
    if (framebuffer_region_size(width, height) > max_bytes) {
        snprintf(err, err_len, "--display-size %ux%u: the framebuffer would take more than the %llu MiB reserved for it",
                 width, height, (unsigned long long)(max_bytes >> 20));
        return -1;
    }
    return 0;
}

uint64_t framebuffer_region_size(uint32_t width, uint32_t height)
{
    uint64_t bytes = (uint64_t)width * height * FRAMEBUFFER_BPP;
    return (bytes + 0xfff) & ~0xfffull;
}

void framebuffer_init(struct framebuffer *fb, struct bus_region *r, uint32_t width, uint32_t height)
{
    fb->width = width;
    fb->height = height;
    fb->stride = width * FRAMEBUFFER_BPP;
    fb->base = r->base;
    fb->size = r->size;
    fb->pixels = r->host;
    fb->page_flags = r->page_flags;
    for (uint64_t p = 0; p < fb->size >> 12; p++) fb->page_flags[p] |= PAGE_DIRTY;
}

bool framebuffer_take_dirty(struct framebuffer *fb, unsigned *y0, unsigned *y1)
{
    uint64_t pages = fb->size >> 12, first = pages, last = 0;
    for (uint64_t p = 0; p < pages; p++) {
        /* Atomic: hart threads set the page's flags meanwhile (docs/threads.md). */
        if (!(GA_LOAD(&fb->page_flags[p], GA_RELAXED) & PAGE_DIRTY)) continue;
        GA_FETCH_AND(&fb->page_flags[p], (uint8_t)~PAGE_DIRTY, GA_SEQ_CST);
        if (first == pages) first = p;
        last = p;
    }
    if (first == pages) return false;
    uint64_t lo = first << 12, hi = (last + 1) << 12;
    uint64_t r0 = lo / fb->stride, r1 = (hi + fb->stride - 1) / fb->stride;
    if (r0 >= fb->height) return false;   /* only the padding after the last row changed */
    *y0 = (unsigned)r0;
    *y1 = (unsigned)(r1 > fb->height ? fb->height : r1);
    return true;
}
