/* The SDL2 window: the rows the guest changed are copied (scaled to the window with the aspect
 * ratio kept, letterboxed; nearest neighbour) into the window surface, and only those rows are
 * pushed to the screen (SDL_UpdateWindowSurfaceRects), so an idle guest whose console only blinks
 * its cursor costs a few 16-row strips a second, without a GPU or GL; keys and the mouse go
 * to the guest's virtio keyboard and mouse; Ctrl-Alt-G grabs/releases the mouse, Ctrl-Alt-S saves
 * a screenshot; closing the window quits (disks are synced when the machine is destroyed). */
#include "display_sdl.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <vhart/display.h>

#include "png_write.h"
#include "sdl_dynload.h"
#include "sdl_keymap.h"

/* Every SDL call goes through the library loaded at run time. */
#define SDL_Init sdl.Init
#define SDL_Quit sdl.Quit
#define SDL_GetError sdl.GetError
#define SDL_SetError sdl.SetError
#define SDL_SetHint sdl.SetHint
#define SDL_CreateWindow sdl.CreateWindow
#define SDL_DestroyWindow sdl.DestroyWindow
#define SDL_FillRect sdl.FillRect
#define SDL_GetCurrentVideoDriver sdl.GetCurrentVideoDriver
#define SDL_GetDisplayUsableBounds sdl.GetDisplayUsableBounds
#define SDL_GetPixelFormatName sdl.GetPixelFormatName
#define SDL_GetTicks sdl.GetTicks
#define SDL_GetWindowSurface sdl.GetWindowSurface
#define SDL_LockSurface sdl.LockSurface
#define SDL_UnlockSurface sdl.UnlockSurface
#define SDL_PollEvent sdl.PollEvent
#define SDL_SetRelativeMouseMode sdl.SetRelativeMouseMode
#define SDL_SetWindowGrab sdl.SetWindowGrab
#define SDL_SetWindowTitle sdl.SetWindowTitle
#define SDL_UpdateWindowSurface sdl.UpdateWindowSurface
#define SDL_UpdateWindowSurfaceRects sdl.UpdateWindowSurfaceRects

#define TITLE_PERIOD_MS 1000u

struct display_sdl {
    SDL_Window *win;
    int *xmap;                      /* window column -> framebuffer column, for the current size */
    int map_w, map_h;               /* window size xmap and the placement below were made for */
    int ox, oy, dw, dh;             /* where the framebuffer lands in the window */
    bool full;                      /* redraw everything (exposed, resized) */
    struct vhart_display backend;
    struct machine *m;
    unsigned width, height;
    bool grabbed, paused, closed, stopped;
    unsigned char held[256];        /* Linux key codes the guest believes are down */
    uint32_t title_ms;
    uint64_t title_instret;
    char state[96];
};

static void set_title(struct display_sdl *d)
{
    char title[192];
    snprintf(title, sizeof(title), "vhart - %s%s", d->state,
             d->grabbed ? " - mouse grabbed (Ctrl-Alt-G releases)" : "");
    SDL_SetWindowTitle(d->win, title);
}

static void update_run_state(struct display_sdl *d)
{
    uint32_t now = SDL_GetTicks();
    if (d->paused || d->stopped || now - d->title_ms < TITLE_PERIOD_MS) return;
    uint64_t n = d->m ? vhart_instret(d->m) : 0;
    double mips = (double)(n - d->title_instret) / ((double)(now - d->title_ms) * 1000.0);
    snprintf(d->state, sizeof(d->state), "running, %.1f MIPS", mips);
    d->title_ms = now;
    d->title_instret = n;
    set_title(d);
}

static void set_grab(struct display_sdl *d, bool on)
{
    d->grabbed = on;
    SDL_SetRelativeMouseMode(on ? SDL_TRUE : SDL_FALSE);
    SDL_SetWindowGrab(d->win, on ? SDL_TRUE : SDL_FALSE);
    set_title(d);
}

static void release_held_keys(struct display_sdl *d)
{
    for (unsigned k = 0; k < 256; k++)
        if (d->held[k]) {
            d->held[k] = 0;
            if (d->m) vhart_input_key(d->m, k, false);
        }
}

static void take_screenshot(struct display_sdl *d)
{
    char path[64], err[512];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(path, sizeof(path), "vhart-%Y%m%d-%H%M%S.png", &tm);
    /* The terminal may be in raw mode: end lines with CR LF. */
    if (screenshot_save(d->m, path, err, sizeof(err)) == 0) fprintf(stderr, "\r\nvhart: screenshot saved to %s\r\n", path);
    else fprintf(stderr, "\r\nvhart: screenshot: %s\r\n", err);
}

static void on_key(struct display_sdl *d, const SDL_KeyboardEvent *k)
{
    bool down = k->type == SDL_KEYDOWN;
    /* Ctrl and Alt as the guest saw them pressed (SDL's modifier state can lag synthetic input). */
    bool ctrl = d->held[29] || d->held[97], alt = d->held[56] || d->held[100];
    if (down && ctrl && alt &&
        (k->keysym.scancode == SDL_SCANCODE_G || k->keysym.scancode == SDL_SCANCODE_S)) {
        if (!k->repeat) {
            if (k->keysym.scancode == SDL_SCANCODE_G) set_grab(d, !d->grabbed);
            else take_screenshot(d);
        }
        return;
    }
    if (k->repeat) return;   /* the guest autorepeats (EV_REP) */
    unsigned code = sdl_keymap_linux_code(k->keysym.scancode);
    if (!code || code > 255) return;
    if (!down && !d->held[code]) return;   /* e.g. the release of a host key's G */
    d->held[code] = down;
    vhart_input_key(d->m, code, down);
}

static void handle_events(struct display_sdl *d)
{
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        switch (e.type) {
        case SDL_QUIT:
            d->closed = true;
            break;
        case SDL_WINDOWEVENT:
            switch (e.window.event) {
            case SDL_WINDOWEVENT_CLOSE: d->closed = true; break;
            case SDL_WINDOWEVENT_FOCUS_LOST:
                release_held_keys(d);
                if (d->grabbed) set_grab(d, false);
                break;
            case SDL_WINDOWEVENT_EXPOSED:
            case SDL_WINDOWEVENT_SIZE_CHANGED:
            case SDL_WINDOWEVENT_RESTORED: d->full = true; break;
            default: break;
            }
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            if (d->m) on_key(d, &e.key);
            break;
        case SDL_MOUSEMOTION:
            if (d->grabbed && d->m) vhart_input_mouse_motion(d->m, e.motion.xrel, e.motion.yrel, 0);
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: {
            static const unsigned buttons[] = { 0, 0x110, 0x112, 0x111, 0x113, 0x114 };   /* BTN_LEFT ... */
            if (d->grabbed && d->m && e.button.button < 6 && buttons[e.button.button])
                vhart_input_mouse_button(d->m, buttons[e.button.button], e.type == SDL_MOUSEBUTTONDOWN);
            break;
        }
        case SDL_MOUSEWHEEL:
            if (d->grabbed && d->m) {
                int y = e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y;
                vhart_input_mouse_motion(d->m, 0, 0, y);
            }
            break;
        default:
            break;
        }
    }
    if (d->closed && d->m && !d->paused) vhart_request_quit(d->m);
}

/* Fit the framebuffer in a W x H window keeping its aspect ratio; rebuild the column map. */
static bool layout(struct display_sdl *d, int W, int H)
{
    if (W == d->map_w && H == d->map_h && d->xmap) return true;
    int *xmap = realloc(d->xmap, sizeof(int) * (size_t)(W > 0 ? W : 1));
    if (!xmap) return false;
    d->xmap = xmap;
    d->map_w = W;
    d->map_h = H;
    /* dw/dh = the largest size with the framebuffer's aspect ratio that fits. */
    if ((int64_t)W * d->height <= (int64_t)H * d->width) {
        d->dw = W;
        d->dh = (int)((int64_t)W * d->height / d->width);
    } else {
        d->dh = H;
        d->dw = (int)((int64_t)H * d->width / d->height);
    }
    if (d->dw < 1) d->dw = 1;
    if (d->dh < 1) d->dh = 1;
    d->ox = (W - d->dw) / 2;
    d->oy = (H - d->dh) / 2;
    for (int x = 0; x < d->dw; x++) d->xmap[x] = (int)((int64_t)x * d->width / d->dw);
    d->full = true;
    return true;
}

/* Copy framebuffer rows [y0, y1) to the window surface; returns the window rows they cover. */
static void draw_rows(struct display_sdl *d, SDL_Surface *ws, const struct vhart_fb *fb, unsigned y0, unsigned y1,
                      SDL_Rect *out)
{
    /* Window rows whose source row lies in [y0, y1): dy in [ceil(y0*dh/h), ceil(y1*dh/h)). */
    int r0 = (int)(((int64_t)y0 * d->dh + d->height - 1) / d->height);
    int r1 = (int)(((int64_t)y1 * d->dh + d->height - 1) / d->height);
    if (r1 > d->dh) r1 = d->dh;
    for (int dy = r0; dy < r1; dy++) {
        const uint32_t *src = (const uint32_t *)(fb->pixels + (size_t)((int64_t)dy * d->height / d->dh) * fb->stride);
        uint32_t *dst = (uint32_t *)((uint8_t *)ws->pixels + (size_t)(d->oy + dy) * (size_t)ws->pitch) + d->ox;
        if (d->dw == (int)d->width) {
            memcpy(dst, src, (size_t)d->width * 4);
        } else {
            for (int dx = 0; dx < d->dw; dx++) dst[dx] = src[d->xmap[dx]];
        }
    }
    out->x = d->ox;
    out->y = d->oy + r0;
    out->w = d->dw;
    out->h = r1 - r0;
}

static void present(struct display_sdl *d)
{
    struct vhart_fb fb;
    if (!d->m || vhart_fb_get(d->m, &fb) != 0) return;
    SDL_Surface *ws = SDL_GetWindowSurface(d->win);
    /* The copy below writes 32-bit X8R8G8B8 pixels (the framebuffer's, bytes B, G, R, X). */
    if (!ws || SDL_BYTESPERPIXEL(ws->format->format) != 4 || ws->format->Rmask != 0xff0000u ||
        ws->format->Gmask != 0xff00u || ws->format->Bmask != 0xffu || !layout(d, ws->w, ws->h))
        return;
    unsigned y0 = 0, y1 = 0;
    bool changed = vhart_fb_changed(d->m, &y0, &y1);
    if (d->full) {
        y0 = 0;
        y1 = d->height;
        changed = true;
    }
    if (!changed) return;
    if (SDL_MUSTLOCK(ws) && SDL_LockSurface(ws) != 0) return;
    SDL_Rect r;
    if (d->full) SDL_FillRect(ws, NULL, 0);   /* the letterbox bands */
    draw_rows(d, ws, &fb, y0, y1, &r);
    if (SDL_MUSTLOCK(ws)) SDL_UnlockSurface(ws);
    if (d->full) SDL_UpdateWindowSurface(d->win);
    else if (r.h > 0) SDL_UpdateWindowSurfaceRects(d->win, &r, 1);
    d->full = false;
}

static void refresh(void *opaque)
{
    struct display_sdl *d = opaque;
    handle_events(d);
    present(d);
    update_run_state(d);
}

struct display_sdl *display_sdl_open(unsigned width, unsigned height, char *err, size_t err_len)
{
    char why[256];
    if (sdl_load(why, sizeof(why))) {
        snprintf(err, err_len, "--display sdl: %s", why);
        return NULL;
    }
    /* vhart's console owns SIGINT/SIGTERM; SDL must not turn them into quit events. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    const char *x11 = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY"), *chosen = getenv("SDL_VIDEODRIVER");
    if (!(x11 && x11[0]) && !(wayland && wayland[0]) && !(chosen && chosen[0])) {
        snprintf(err, err_len, "--display sdl: no display to open a window on ($DISPLAY and $WAYLAND_DISPLAY are not set)");
        return NULL;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, err_len, "--display sdl: %s", SDL_GetError());
        return NULL;
    }
    /* With no X11 or Wayland server SDL falls back to its invisible "offscreen" driver: refuse that
     * unless the user chose it (SDL_VIDEODRIVER). */
    const char *driver = SDL_GetCurrentVideoDriver();
    if (driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy")) && !(chosen && chosen[0])) {
        snprintf(err, err_len, "--display sdl: no display to open a window on ($DISPLAY and $WAYLAND_DISPLAY are not set)");
        SDL_Quit();
        return NULL;
    }
    /* On X11 the window surface is the native one (shared-memory images), not a GL texture:
     * pushing a few changed rows must not redraw the whole window through a (possibly software)
     * GL. Other drivers (Wayland) have no native surface and keep SDL's default. */
    if (driver && !strcmp(driver, "x11")) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    struct display_sdl *d = calloc(1, sizeof(*d));
    if (!d) {
        snprintf(err, err_len, "out of memory");
        SDL_Quit();
        return NULL;
    }
    d->width = width;
    d->height = height;
    /* Start at the framebuffer's size, or scaled down to fit the screen. */
    int ww = (int)width, wh = (int)height;
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0 &&
        (ww > usable.w || wh > usable.h)) {
        double s = (double)usable.w / ww < (double)usable.h / wh ? (double)usable.w / ww : (double)usable.h / wh;
        ww = (int)(ww * s * 0.95);
        wh = (int)(wh * s * 0.95);
    }
    d->win = SDL_CreateWindow("vhart", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, ww, wh,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Surface *ws = d->win ? SDL_GetWindowSurface(d->win) : NULL;
    if (ws && (SDL_BYTESPERPIXEL(ws->format->format) != 4 || ws->format->Rmask != 0xff0000u ||
               ws->format->Gmask != 0xff00u || ws->format->Bmask != 0xffu)) {
        SDL_SetError("the window's pixel format %s is not 32-bit XRGB", SDL_GetPixelFormatName(ws->format->format));
        ws = NULL;
    }
    if (!ws) {
        snprintf(err, err_len, "--display sdl: %s", SDL_GetError());
        display_sdl_close(d);
        return NULL;
    }
    d->backend.refresh_hz = 60;
    d->backend.refresh = refresh;
    d->backend.opaque = d;
    snprintf(d->state, sizeof(d->state), "starting");
    set_title(d);
    d->full = true;
    return d;
}

const struct vhart_display *display_sdl_backend(struct display_sdl *d) { return &d->backend; }

void display_sdl_attach(struct display_sdl *d, struct machine *m)
{
    d->m = m;
    d->title_ms = SDL_GetTicks();
    d->title_instret = vhart_instret(m);
    snprintf(d->state, sizeof(d->state), "running");
    set_title(d);
}

void display_sdl_set_paused(struct display_sdl *d, bool paused)
{
    d->paused = paused;
    if (paused) {
        if (d->grabbed) set_grab(d, false);
        release_held_keys(d);
        snprintf(d->state, sizeof(d->state), "paused in the debugger");
    } else {
        snprintf(d->state, sizeof(d->state), "running");
        d->title_ms = SDL_GetTicks();
        d->title_instret = d->m ? vhart_instret(d->m) : 0;
    }
    set_title(d);
    present(d);
}

void display_sdl_pump(struct display_sdl *d)
{
    handle_events(d);
    present(d);
}

bool display_sdl_closed(const struct display_sdl *d) { return d->closed; }

void display_sdl_set_stopped(struct display_sdl *d, const char *why)
{
    d->stopped = true;
    snprintf(d->state, sizeof(d->state), "%s", why);
    set_title(d);
    present(d);
}

void display_sdl_close(struct display_sdl *d)
{
    if (!d) return;
    if (d->win) SDL_DestroyWindow(d->win);
    free(d->xmap);
    free(d);
    SDL_Quit();
}
