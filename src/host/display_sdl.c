/* The SDL2 window: a streaming texture holding the framebuffer, updated with the rows the guest
 * changed and scaled to the window with its aspect ratio kept (letterboxed); keys and the mouse go
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
#include "sdl_keymap.h"

#define TITLE_PERIOD_MS 1000u

struct display_sdl {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *tex;
    struct vhart_display backend;
    struct machine *m;
    unsigned width, height;
    bool need_present;
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
    SDL_Keymod mod = SDL_GetModState();
    if (down && (mod & KMOD_CTRL) && (mod & KMOD_ALT) &&
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
            case SDL_WINDOWEVENT_RESTORED: d->need_present = true; break;
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

static void present(struct display_sdl *d)
{
    unsigned y0, y1;
    struct vhart_fb fb;
    if (d->m && vhart_fb_get(d->m, &fb) == 0 && vhart_fb_changed(d->m, &y0, &y1)) {
        SDL_Rect r = { 0, (int)y0, (int)fb.width, (int)(y1 - y0) };
        SDL_UpdateTexture(d->tex, &r, fb.pixels + (size_t)y0 * fb.stride, (int)fb.stride);
        d->need_present = true;
    }
    if (!d->need_present) return;
    d->need_present = false;
    SDL_SetRenderDrawColor(d->ren, 0, 0, 0, 255);
    SDL_RenderClear(d->ren);
    SDL_RenderCopy(d->ren, d->tex, NULL, NULL);
    SDL_RenderPresent(d->ren);
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
    /* vhart's console owns SIGINT/SIGTERM; SDL must not turn them into quit events. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, err_len, "--display sdl: %s", SDL_GetError());
        return NULL;
    }
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
    if (d->win) d->ren = SDL_CreateRenderer(d->win, -1, 0);
    if (d->ren) {
        SDL_RenderSetLogicalSize(d->ren, (int)width, (int)height);   /* scale, keep the aspect ratio */
#ifdef SDL_PIXELFORMAT_BGRX32
        Uint32 format = SDL_PIXELFORMAT_BGRX32;   /* bytes B, G, R, X: a8r8g8b8 little-endian, alpha ignored */
#else
        Uint32 format = SDL_PIXELFORMAT_RGB888;
#endif
        d->tex = SDL_CreateTexture(d->ren, format, SDL_TEXTUREACCESS_STREAMING, (int)width, (int)height);
    }
    if (!d->tex) {
        snprintf(err, err_len, "--display sdl: %s", SDL_GetError());
        display_sdl_close(d);
        return NULL;
    }
    d->backend.refresh_hz = 60;
    d->backend.refresh = refresh;
    d->backend.opaque = d;
    snprintf(d->state, sizeof(d->state), "starting");
    set_title(d);
    d->need_present = true;
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
    if (d->tex) SDL_DestroyTexture(d->tex);
    if (d->ren) SDL_DestroyRenderer(d->ren);
    if (d->win) SDL_DestroyWindow(d->win);
    free(d);
    SDL_Quit();
}
