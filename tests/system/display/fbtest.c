/* Linux display test program (static, riscv64): `fbtest pattern PHASE Y0 Y1` draws the test pattern
 * through an mmap of /dev/fb0 (Y1 = 0: every row); `fbtest keys` prints each key event of the
 * virtio keyboard's evdev node as "KEY code value", and each event of the mouse's as
 * "MOUSE type code value". */
#include <dirent.h>
#include <fcntl.h>
#include <linux/fb.h>
#include <linux/input.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pattern.h"

static int draw(unsigned phase, unsigned y0, unsigned y1)
{
    int fd = open("/dev/fb0", O_RDWR);
    struct fb_var_screeninfo var;
    struct fb_fix_screeninfo fix;
    if (fd < 0 || ioctl(fd, FBIOGET_VSCREENINFO, &var) || ioctl(fd, FBIOGET_FSCREENINFO, &fix)) {
        perror("fbtest: /dev/fb0");
        return 1;
    }
    if (var.bits_per_pixel != 32) {
        fprintf(stderr, "fbtest: %u bits per pixel\n", var.bits_per_pixel);
        return 1;
    }
    uint8_t *mem = mmap(NULL, fix.smem_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (mem == MAP_FAILED) {
        perror("fbtest: mmap");
        return 1;
    }
    if (y1 == 0 || y1 > var.yres) y1 = var.yres;
    for (unsigned y = y0; y < y1; y++) {
        uint32_t *row = (uint32_t *)(mem + (size_t)y * fix.line_length);
        for (unsigned x = 0; x < var.xres; x++) row[x] = pattern_pixel(x, y, phase);
    }
    munmap(mem, fix.smem_len);
    close(fd);
    printf("PATTERN %u %ux%u\n", phase, var.xres, var.yres);
    return 0;
}

/* The evdev node whose device name contains `what`, or -1. */
static int open_input(const char *what)
{
    char path[64], name[128];
    for (int i = 0; i < 16; i++) {
        snprintf(path, sizeof(path), "/dev/input/event%d", i);
        int f = open(path, O_RDONLY);
        if (f < 0) continue;
        if (ioctl(f, EVIOCGNAME(sizeof(name)), name) > 0 && strstr(name, what)) return f;
        close(f);
    }
    return -1;
}

static int keys(void)
{
    struct pollfd p[2] = { { .fd = open_input("keyboard"), .events = POLLIN }, { .fd = open_input("mouse"), .events = POLLIN } };
    if (p[0].fd < 0 || p[1].fd < 0) {
        fprintf(stderr, "fbtest: no virtio keyboard and mouse in /dev/input\n");
        return 1;
    }
    printf("KEYS-READY\n");
    fflush(stdout);
    for (;;) {
        if (poll(p, 2, -1) < 0) return 1;
        for (int i = 0; i < 2; i++) {
            struct input_event ev;
            if (!(p[i].revents & POLLIN) || read(p[i].fd, &ev, sizeof(ev)) != (ssize_t)sizeof(ev)) continue;
            if (i == 0 && ev.type == EV_KEY) printf("KEY %u %d\n", ev.code, ev.value);
            if (i == 1 && ev.type != EV_SYN) printf("MOUSE %u %u %d\n", ev.type, ev.code, ev.value);
            fflush(stdout);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "pattern")) return draw((unsigned)atoi(argv[2]), (unsigned)atoi(argv[3]), (unsigned)atoi(argv[4]));
    if (argc == 2 && !strcmp(argv[1], "keys")) return keys();
    fprintf(stderr, "usage: fbtest pattern PHASE Y0 Y1 | fbtest keys\n");
    return 2;
}
