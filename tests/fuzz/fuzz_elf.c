/* Fuzz target: the ELF loader (src/machine/elf.c), the disassembler over its executable sections,
 * and machine_create with the file as a bare-metal program. Any input must end in an error message
 * or a loaded image; loaded segments must land exactly where the headers say. */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <vhart/machine.h>

#include "debug/disasm.h"
#include "machine/elf.h"
#include "mem/bus.h"
#include "fuzz_common.h"
#include "util/endian.h"


#define RAM_BASE 0x80000000ull
#define RAM_SIZE (1ull << 20)

struct section_ctx {
    unsigned count;
    uint64_t sum;
};

static void on_section(void *ctx, const char *name, uint64_t addr, const uint8_t *data, uint64_t size)
{
    struct section_ctx *c = ctx;
    (void)addr;
    FUZZ_CHECK(name != NULL);
    c->count++;
    c->sum += strlen(name);
    for (uint64_t i = 0; i < size; i++) c->sum += data[i];   /* every byte must be readable (ASan) */
}

static FILE *devnull(void)
{
    static FILE *f;
    if (!f) f = fopen("/dev/null", "w");
    FUZZ_CHECK(f != NULL);
    return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[512], err[512];
    fuzz_path("prog.elf", path, sizeof(path));
    fuzz_write_file(path, data, size);

    struct elf_image img;
    err[0] = 0;
    if (elf_open(path, &img, err, sizeof(err)) != 0) {
        FUZZ_CHECK(err[0] != 0 && strchr(err, '\n') == NULL);
        FUZZ_CHECK(img.data == NULL && img.symbols == NULL);
        return 0;
    }
    FUZZ_CHECK(img.size == size && memcmp(img.data, data, size) == 0);
    for (size_t i = 0; i < img.symbol_count; i++) FUZZ_CHECK(img.symbols[i].name != NULL);
    uint64_t v;
    elf_symbol(&img, "tohost", &v);

    struct section_ctx sc = { 0, 0 };
    elf_for_each_exec_section(&img, on_section, &sc);
    disasm_elf(&img, path, 0xffffffffu, devnull());

    /* Load into a small RAM; on success each PT_LOAD's bytes must be there, bss zeroed. */
    struct bus bus;
    bus_init(&bus);
    FUZZ_CHECK(bus_add_memory(&bus, "ram", RAM_BASE, RAM_SIZE, false) != NULL);
    FUZZ_CHECK(bus_add_memory(&bus, "rom", 0x1000, 0x1000, true) != NULL);
    struct bus_region *ram = bus_find(&bus, RAM_BASE);
    memset(ram->host, 0xa5, RAM_SIZE);
    err[0] = 0;
    if (elf_load(&img, &bus, path, err, sizeof(err)) == 0) {
        const uint8_t *d = img.data;
        uint64_t phoff = le_load64(d + 0x20);
        unsigned phentsize = le_load16(d + 0x36), phnum = le_load16(d + 0x38);
        for (unsigned i = 0; i < phnum; i++) {
            const uint8_t *ph = d + phoff + (uint64_t)i * phentsize;
            if (le_load32(ph) != 1) continue;
            uint64_t off = le_load64(ph + 8), pa = le_load64(ph + 0x18), filesz = le_load64(ph + 0x20),
                     memsz = le_load64(ph + 0x28);
            if (memsz == 0) continue;
            /* A later segment may overlap an earlier one: check only the last segment covering each byte
             * by checking segments that no later one overlaps. */
            bool overlapped = false;
            for (unsigned j = i + 1; j < phnum && !overlapped; j++) {
                const uint8_t *q = d + phoff + (uint64_t)j * phentsize;
                if (le_load32(q) != 1) continue;
                uint64_t qa = le_load64(q + 0x18), qm = le_load64(q + 0x28);
                if (qm && qa < pa + memsz && pa < qa + qm) overlapped = true;
            }
            if (overlapped) continue;
            const uint8_t *host = bus_host_ptr(&bus, pa, memsz);
            FUZZ_CHECK(host != NULL);
            FUZZ_CHECK(memcmp(host, d + off, (size_t)filesz) == 0);
            for (uint64_t k = filesz; k < memsz; k++) FUZZ_CHECK(host[k] == 0);
        }
    } else {
        FUZZ_CHECK(err[0] != 0 && strchr(err, '\n') == NULL);
    }
    bus_destroy(&bus);
    elf_close(&img);

    /* The whole machine with the file as a bare-metal program (place_images reads the headers too). */
    struct vhart_config cfg = { .program = path, .mem_size = RAM_SIZE, .harts = 1 };
    struct machine *m = NULL;
    err[0] = 0;
    if (machine_create(&cfg, &m, err, sizeof(err)) == VHART_OK) machine_destroy(m);
    else FUZZ_CHECK(err[0] != 0 && strchr(err, '\n') == NULL);
    return 0;
}
