/* Device tree of the board, generated at start from the actual configuration (libfdt). */
#ifndef VHART_MACHINE_FDT_H
#define VHART_MACHINE_FDT_H

#include <stddef.h>
#include <stdint.h>

struct fdt_params {
    unsigned harts;
    const char *isa;            /* riscv,isa */
    const char *mmu_type;       /* "riscv,sv39" ... */
    uint64_t ram_base, ram_size;
    const char *bootargs;       /* may be NULL */
    uint64_t initrd_start, initrd_end;   /* 0, 0 when there is none */
    unsigned virtio_slots;      /* virtio-mmio slots present (0..8), numbered from 0 */
    uint64_t fb_base, fb_size;  /* simple-framebuffer region; fb_width 0 when there is none */
    uint32_t fb_width, fb_height, fb_stride;
};

/* Build the tree into buf (8-byte aligned, as libfdt requires). Returns its size, or 0 with a
 * message in err. */
size_t fdt_build(const struct fdt_params *p, void *buf, size_t buf_len, char *err, size_t err_len);

#endif
