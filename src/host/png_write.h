/* PNG files of the guest's framebuffer (libpng): screenshots for --screenshot, the window's key and
 * the debugger's `screenshot` command. */
#ifndef VHART_HOST_PNG_WRITE_H
#define VHART_HOST_PNG_WRITE_H

#include <stddef.h>
#include <stdint.h>

struct machine;

/* Write width x height pixels of 4 bytes B, G, R, X (rows `stride` bytes apart) as an 8-bit RGB
 * PNG. Returns 0, or -1 with a one-line message (naming the file) in err. */
int png_write_bgrx(const char *path, const uint8_t *pixels, unsigned width, unsigned height, unsigned stride,
                   char *err, size_t err_len);

/* The machine's framebuffer as a PNG. Returns 0, or -1 with a message (also: no framebuffer). */
int screenshot_save(const struct machine *m, const char *path, char *err, size_t err_len);

#endif
