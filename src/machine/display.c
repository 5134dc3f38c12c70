/* The display API (include/vhart/display.h): framebuffer contents and changed rows, input into
 * the virtio keyboard and mouse, run statistics; the machine side of a graphical frontend. */
#include <vhart/display.h>

#include "../mem/mmu.h"
#include "machine_internal.h"
#include "replay.h"

int vhart_fb_get(const struct machine *m, struct vhart_fb *fb)
{
    if (!m->has_fb) return -1;
    fb->width = m->fb.width;
    fb->height = m->fb.height;
    fb->stride = m->fb.stride;
    fb->pixels = m->fb.pixels;
    fb->base = m->fb.base;
    return 0;
}

bool vhart_fb_changed(struct machine *m, unsigned *y0, unsigned *y1)
{
    if (!m->has_fb || !framebuffer_take_dirty(&m->fb, y0, y1)) return false;
    /* Write entries into the pixels would let the next stores go unseen: the next store to each
     * page takes the slow path once and marks it dirty again. */
    for (unsigned i = 0; i < m->nharts; i++) mmu_drop_writes_in(m->harts[i], m->fb.pixels, m->fb.size);
    return true;
}

/* Each report goes through machine_input (replay.c), which records it under --record. */
bool vhart_input_key(struct machine *m, unsigned code, bool down)
{
    const struct replay_input_event ev[2] = { { VIRTIO_INPUT_EV_KEY, (uint16_t)code, down ? 1 : 0 },
                                              { VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0 } };
    return machine_input(m, 0, ev, 2);
}

bool vhart_input_mouse_button(struct machine *m, unsigned code, bool down)
{
    const struct replay_input_event ev[2] = { { VIRTIO_INPUT_EV_KEY, (uint16_t)code, down ? 1 : 0 },
                                              { VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0 } };
    return machine_input(m, 1, ev, 2);
}

bool vhart_input_mouse_motion(struct machine *m, int dx, int dy, int wheel)
{
    struct replay_input_event ev[4];
    unsigned n = 0;
    if (dx) ev[n++] = (struct replay_input_event){ VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_X, (uint32_t)dx };
    if (dy) ev[n++] = (struct replay_input_event){ VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_Y, (uint32_t)dy };
    if (wheel) ev[n++] = (struct replay_input_event){ VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_WHEEL, (uint32_t)wheel };
    if (!n) return true;
    ev[n++] = (struct replay_input_event){ VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0 };
    return machine_input(m, 1, ev, n);
}

uint64_t vhart_instret(const struct machine *m) { return m->instret_total; }

void vhart_request_quit(struct machine *m) { m->quit_requested = true; }
