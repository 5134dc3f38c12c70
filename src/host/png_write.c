/* PNG writer over libpng (PNG specification, ISO/IEC 15948): 8-bit RGB, no interlace. */
#include "png_write.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vhart/display.h>

struct png_error_ctx {
    char *err;
    size_t err_len;
    const char *path;
};

static void on_png_error(png_structp png, png_const_charp msg)
{
    struct png_error_ctx *ctx = png_get_error_ptr(png);
    snprintf(ctx->err, ctx->err_len, "%s: libpng: %s", ctx->path, msg);
    png_longjmp(png, 1);
}

static void on_png_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

int png_write_bgrx(const char *path, const uint8_t *pixels, unsigned width, unsigned height, unsigned stride,
                   char *err, size_t err_len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct png_error_ctx ctx = { err, err_len, path };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &ctx, on_png_error, on_png_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    uint8_t *volatile row = malloc((size_t)width * 3);
    if (!png || !info || !row) {
        snprintf(err, err_len, "%s: out of memory", path);
        png_destroy_write_struct(&png, &info);
        free(row);
        fclose(f);
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        fclose(f);
        return -1;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 6);
    png_write_info(png, info);
    for (unsigned y = 0; y < height; y++) {
        const uint8_t *src = pixels + (size_t)y * stride;
        for (unsigned x = 0; x < width; x++) {
            row[3 * x] = src[4 * x + 2];
            row[3 * x + 1] = src[4 * x + 1];
            row[3 * x + 2] = src[4 * x];
        }
        png_write_row(png, row);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(row);
    if (fclose(f) != 0) {
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int screenshot_save(const struct machine *m, const char *path, char *err, size_t err_len)
{
    struct vhart_fb fb;
    if (vhart_fb_get(m, &fb)) {
        snprintf(err, err_len, "%s: this machine has no display (give --display-size or --display sdl)", path);
        return -1;
    }
    return png_write_bgrx(path, fb.pixels, fb.width, fb.height, fb.stride, err, err_len);
}
