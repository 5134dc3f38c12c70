/* The simple-framebuffer described by the device tree (a8r8g8b8: one 32-bit 0xAARRGGBB a pixel). */
#ifndef EXAMPLES_FBINFO_H
#define EXAMPLES_FBINFO_H

#include <stdint.h>

struct fbinfo {
    uint32_t *pixels;
    uint32_t width, height, stride;   /* stride in bytes */
};

/* Find /chosen/framebuffer@... in the flattened tree at dtb. Returns 0, or -1 if there is none. */
int fbinfo_find(const void *dtb, struct fbinfo *fb);

#endif
