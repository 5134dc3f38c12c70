/* SDL2 loaded at run time with dlopen (see sdl_dynload.h for why). */
#include "sdl_dynload.h"

#include <dlfcn.h>
#include <stdio.h>

struct sdl_api sdl;

/* Debian's libsdl2-2.0-0 (pulled in by libsdl2-dev) installs the library under this name. */
#define SDL_LIBRARY "libSDL2-2.0.so.0"

int sdl_load(char *err, size_t err_len)
{
    static void *lib;
    if (lib) return 0;
    void *h = dlopen(SDL_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, err_len, "cannot load %s (apt-get install libsdl2-2.0-0): %s", SDL_LIBRARY, dlerror());
        return -1;
    }
    /* POSIX guarantees that dlsym's object pointer converts to a function pointer. */
#define LOAD(field, name)                                                              \
    do {                                                                               \
        void *p_ = dlsym(h, name);                                                     \
        if (!p_) {                                                                     \
            snprintf(err, err_len, "%s has no %s", SDL_LIBRARY, name);                 \
            dlclose(h);                                                                \
            return -1;                                                                 \
        }                                                                              \
        *(void **)&sdl.field = p_;                                                     \
    } while (0)
    LOAD(Init, "SDL_Init");
    LOAD(Quit, "SDL_Quit");
    LOAD(GetError, "SDL_GetError");
    LOAD(SetError, "SDL_SetError");
    LOAD(SetHint, "SDL_SetHint");
    LOAD(CreateWindow, "SDL_CreateWindow");
    LOAD(DestroyWindow, "SDL_DestroyWindow");
    LOAD(FillRect, "SDL_FillRect");
    LOAD(GetCurrentVideoDriver, "SDL_GetCurrentVideoDriver");
    LOAD(GetDisplayUsableBounds, "SDL_GetDisplayUsableBounds");
    LOAD(GetPixelFormatName, "SDL_GetPixelFormatName");
    LOAD(GetTicks, "SDL_GetTicks");
    LOAD(GetWindowSurface, "SDL_GetWindowSurface");
    LOAD(LockSurface, "SDL_LockSurface");
    LOAD(UnlockSurface, "SDL_UnlockSurface");
    LOAD(PollEvent, "SDL_PollEvent");
    LOAD(SetRelativeMouseMode, "SDL_SetRelativeMouseMode");
    LOAD(SetWindowGrab, "SDL_SetWindowGrab");
    LOAD(SetWindowTitle, "SDL_SetWindowTitle");
    LOAD(UpdateWindowSurface, "SDL_UpdateWindowSurface");
    LOAD(UpdateWindowSurfaceRects, "SDL_UpdateWindowSurfaceRects");
#undef LOAD
    lib = h;
    return 0;
}
