/* The display API (include/vhart/display.h): framebuffer contents and changed rows, input into
 * the virtio keyboard and mouse, run statistics; the machine side of a graphical frontend. */
#include <vhart/display.h>

#include "../mem/mmu.h"
#include "machine_internal.h"

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

bool vhart_input_key(struct machine *m, unsigned code, bool down)
{
    bool ok = virtio_input_send(&m->keyboard, VIRTIO_INPUT_EV_KEY, (uint16_t)code, down ? 1 : 0) &&
              virtio_input_send(&m->keyboard, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0);
    virtio_input_flush(&m->keyboard);
    return ok;
}

bool vhart_input_mouse_button(struct machine *m, unsigned code, bool down)
{
    bool ok = virtio_input_send(&m->mouse, VIRTIO_INPUT_EV_KEY, (uint16_t)code, down ? 1 : 0) &&
              virtio_input_send(&m->mouse, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0);
    virtio_input_flush(&m->mouse);
    return ok;
}

bool vhart_input_mouse_motion(struct machine *m, int dx, int dy, int wheel)
{
    bool ok = true;
    if (dx) ok = ok && virtio_input_send(&m->mouse, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_X, (uint32_t)dx);
    if (dy) ok = ok && virtio_input_send(&m->mouse, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_Y, (uint32_t)dy);
    if (wheel) ok = ok && virtio_input_send(&m->mouse, VIRTIO_INPUT_EV_REL, VIRTIO_INPUT_REL_WHEEL, (uint32_t)wheel);
    if (!dx && !dy && !wheel) return true;
    ok = ok && virtio_input_send(&m->mouse, VIRTIO_INPUT_EV_SYN, VIRTIO_INPUT_SYN_REPORT, 0);
    virtio_input_flush(&m->mouse);
    return ok;
}

uint64_t vhart_instret(const struct machine *m) { return m->instret_total; }

void vhart_request_quit(struct machine *m) { m->quit_requested = true; }
