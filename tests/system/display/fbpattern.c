/* Bare-metal display test guest: draws the test pattern into the device tree's simple-framebuffer,
 * says so through HTIF, waits for a byte on the UART, redraws a band of rows in phase 1, waits
 * again and powers off through the syscon. */
#include <stdint.h>

#include "../../../examples/common/fbinfo.h"
#include "../../../examples/common/htif.h"
#include "pattern.h"

#define UART 0x10000000ul
#define SYSCON 0x100000ul

static void draw(const struct fbinfo *fb, uint32_t y0, uint32_t y1, uint32_t phase)
{
    if (y1 > fb->height) y1 = fb->height;
    for (uint32_t y = y0; y < y1; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)fb->pixels + (uint64_t)y * fb->stride);
        for (uint32_t x = 0; x < fb->width; x++) row[x] = pattern_pixel(x, y, phase);
    }
}

static void wait_uart_byte(void)
{
    while (!(*(volatile uint8_t *)(UART + 5) & 1)) { }   /* LSR.DR */
    (void)*(volatile uint8_t *)UART;
}

int main(long hartid, const void *dtb)
{
    (void)hartid;
    struct fbinfo fb;
    if (fbinfo_find(dtb, &fb)) {
        htif_puts("fbpattern: no framebuffer\n");
        return 1;
    }
    draw(&fb, 0, fb.height, 0);
    htif_puts("PATTERN 0\n");
    wait_uart_byte();
    draw(&fb, PATCH_Y0, PATCH_Y1, 1);
    htif_puts("PATTERN 1\n");
    wait_uart_byte();
    *(volatile uint32_t *)SYSCON = 0x5555;
    for (;;) { }
}
