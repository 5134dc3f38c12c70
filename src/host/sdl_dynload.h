/* SDL2 loaded at run time (dlopen), only when a window is asked for: linking libSDL2 brings about
 * fifty libraries (X11, Wayland, PulseAudio, codecs...) and some 5 MiB of resident memory into
 * every run, window or not. Compiled against Debian's libsdl2-dev headers; the calls below go
 * through `sdl`, and display_sdl.c maps the SDL_ names onto it. */
#ifndef VHART_HOST_SDL_DYNLOAD_H
#define VHART_HOST_SDL_DYNLOAD_H

#include <SDL.h>
#include <stddef.h>

struct sdl_api {
    int (*Init)(Uint32 flags);
    void (*Quit)(void);
    const char *(*GetError)(void);
    int (*SetError)(const char *fmt, ...);
    SDL_bool (*SetHint)(const char *name, const char *value);
    SDL_Window *(*CreateWindow)(const char *title, int x, int y, int w, int h, Uint32 flags);
    void (*DestroyWindow)(SDL_Window *window);
    int (*FillRect)(SDL_Surface *dst, const SDL_Rect *rect, Uint32 color);
    const char *(*GetCurrentVideoDriver)(void);
    int (*GetDisplayUsableBounds)(int display, SDL_Rect *rect);
    const char *(*GetPixelFormatName)(Uint32 format);
    Uint32 (*GetTicks)(void);
    SDL_Surface *(*GetWindowSurface)(SDL_Window *window);
    int (*LockSurface)(SDL_Surface *surface);
    void (*UnlockSurface)(SDL_Surface *surface);
    int (*PollEvent)(SDL_Event *event);
    int (*SetRelativeMouseMode)(SDL_bool enabled);
    void (*SetWindowGrab)(SDL_Window *window, SDL_bool grabbed);
    void (*SetWindowTitle)(SDL_Window *window, const char *title);
    int (*UpdateWindowSurface)(SDL_Window *window);
    int (*UpdateWindowSurfaceRects)(SDL_Window *window, const SDL_Rect *rects, int n);
};

extern struct sdl_api sdl;

/* Load libSDL2 and every function above (once). 0, or -1 with a one-line reason in err. */
int sdl_load(char *err, size_t err_len);

#endif
