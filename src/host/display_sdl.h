/* The SDL2 window: presents the guest's framebuffer, sends keyboard and mouse to the guest, shows
 * the machine state in its title. Only built when SDL2 is (VHART_HAVE_SDL). */
#ifndef VHART_HOST_DISPLAY_SDL_H
#define VHART_HOST_DISPLAY_SDL_H

#include <stdbool.h>
#include <stddef.h>

struct machine;
struct display_sdl;

/* Open a window for a width x height framebuffer. Returns NULL with a one-line message in err
 * (e.g. no X11/Wayland display to connect to). */
struct display_sdl *display_sdl_open(unsigned width, unsigned height, char *err, size_t err_len);
/* The backend to put in vhart_config.display. */
const struct vhart_display *display_sdl_backend(struct display_sdl *d);
/* The machine built with that backend: from now on frames are presented and input delivered. */
void display_sdl_attach(struct display_sdl *d, struct machine *m);
/* The debugger holds the machine (title says so; the window keeps being redrawn by
 * display_sdl_pump) or lets it run again. */
void display_sdl_set_paused(struct display_sdl *d, bool paused);
/* Handle window events and present changes now (while the run loop is not calling refresh). */
void display_sdl_pump(struct display_sdl *d);
/* The user closed the window. */
bool display_sdl_closed(const struct display_sdl *d);
/* The machine has stopped for good: title says so. */
void display_sdl_set_stopped(struct display_sdl *d, const char *why);
void display_sdl_close(struct display_sdl *d);

#endif
