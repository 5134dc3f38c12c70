/* The display tests' pixel pattern (display_test.py computes the same): a8r8g8b8, alpha 0x5a to
 * show that alpha is ignored. Phase 1 is drawn over rows [PATCH_Y0, PATCH_Y1) only, to check that
 * a partial change reaches the window. */
#ifndef DISPLAY_TEST_PATTERN_H
#define DISPLAY_TEST_PATTERN_H

#include <stdint.h>

#define PATCH_Y0 50u
#define PATCH_Y1 70u

static inline uint32_t pattern_pixel(uint32_t x, uint32_t y, uint32_t phase)
{
    uint32_t r = (x * 5 + y * 3 + phase * 40) & 255, g = (x ^ y) & 255, b = (x * y + 7 + phase * 100) & 255;
    return 0x5a000000u | r << 16 | g << 8 | b;
}

#endif
