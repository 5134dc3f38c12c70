/* The simple-framebuffer node of the device tree (Devicetree Specification 0.4, 5.4 structure
 * block; Linux's display/simple-framebuffer.yaml binding), for bare-metal examples and tests. */
#include "fbinfo.h"

static uint32_t be32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static int str_eq(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

static int starts_with(const char *s, const char *prefix)
{
    while (*prefix)
        if (*s++ != *prefix++) return 0;
    return 1;
}

int fbinfo_find(const void *dtb_ptr, struct fbinfo *fb)
{
    const uint8_t *dtb = dtb_ptr;
    if (!dtb || be32(dtb) != 0xd00dfeed) return -1;
    const uint8_t *p = dtb + be32(dtb + 8);
    const char *strings = (const char *)dtb + be32(dtb + 12);
    int depth = 0, fb_depth = -1;
    uint64_t base = 0;
    fb->width = fb->height = fb->stride = 0;
    for (;;) {
        uint32_t token = be32(p);
        p += 4;
        if (token == 1) {   /* FDT_BEGIN_NODE, then the name, padded to 4 bytes */
            const char *name = (const char *)p;
            depth++;
            if (fb_depth < 0 && starts_with(name, "framebuffer@")) fb_depth = depth;
            while (*p) p++;
            p = (const uint8_t *)(((uintptr_t)p + 4) & ~(uintptr_t)3);
        } else if (token == 2) {   /* FDT_END_NODE */
            if (depth == fb_depth) break;
            depth--;
        } else if (token == 3) {   /* FDT_PROP: len, nameoff, value padded to 4 bytes */
            uint32_t len = be32(p), nameoff = be32(p + 4);
            const uint8_t *v = p + 8;
            if (depth == fb_depth) {
                const char *n = strings + nameoff;
                if (str_eq(n, "reg") && len >= 8) base = (uint64_t)be32(v) << 32 | be32(v + 4);
                if (str_eq(n, "width")) fb->width = be32(v);
                if (str_eq(n, "height")) fb->height = be32(v);
                if (str_eq(n, "stride")) fb->stride = be32(v);
            }
            p = v + ((len + 3) & ~3u);
        } else if (token != 4) {   /* not FDT_NOP: FDT_END or garbage */
            break;
        }
    }
    if (fb_depth < 0 || !base || !fb->width || !fb->height || fb->stride < fb->width * 4) return -1;
    fb->pixels = (uint32_t *)(uintptr_t)base;
    return 0;
}
