/* vhart's display API: what a frontend (the SDL window, the screenshot writer) needs from a machine
 * with a framebuffer: its pixels and changed rows, keyboard and mouse input, run state. */
#ifndef VHART_DISPLAY_H
#define VHART_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

/* A display backend, given in vhart_config.display. The run loop calls refresh every
 * 1/refresh_hz s of host time, while the guest runs and while it idles (the idle sleep is cut
 * short for it), never more often. */
struct vhart_display {
    unsigned refresh_hz;
    void (*refresh)(void *opaque);
    void *opaque;
};

/* The framebuffer: `height` rows of `stride` bytes; each pixel is 4 bytes B, G, R, A (a8r8g8b8,
 * little-endian), A ignored. The pointer stays valid until machine_destroy. */
struct vhart_fb {
    unsigned width, height, stride;
    const uint8_t *pixels;
    uint64_t base;            /* guest physical address */
};

/* Returns 0, or -1 when the machine has no framebuffer. */
int vhart_fb_get(const struct machine *m, struct vhart_fb *fb);
/* Rows written since the last call: false if none, else [*y0, *y1). The first call reports
 * everything. */
bool vhart_fb_changed(struct machine *m, unsigned *y0, unsigned *y1);

/* Input to the guest through its virtio keyboard and mouse, delivered within a few ms. Key codes
 * are Linux's (KEY_A = 30, ...; include/uapi/linux/input-event-codes.h). Return false when the
 * event was dropped (the guest's driver is not running, or its queue is full). */
bool vhart_input_key(struct machine *m, unsigned code, bool down);
bool vhart_input_mouse_button(struct machine *m, unsigned code, bool down);   /* BTN_LEFT = 0x110 ... */
bool vhart_input_mouse_motion(struct machine *m, int dx, int dy, int wheel);

/* Instructions retired by all harts since the machine was built. */
uint64_t vhart_instret(const struct machine *m);

/* Ask the run loop to stop as if the user quit (the window was closed). */
void vhart_request_quit(struct machine *m);

#endif
