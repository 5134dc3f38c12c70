/* Fuzz target: the command-line option parsers (--mem, --smp, --isa, --append, --drive, --net) and
 * the device tree built from what they accept (src/machine/fdt.c through machine_create). Each
 * option either fails with a one-line message or is accepted; an accepted configuration either
 * fails machine_create with a one-line message or yields a tree that passes libfdt's full check
 * and says what was asked: bootargs, memory size, harts, ISA string, initrd range.
 *
 * Input: newline-separated fields: mem, smp, isa, append, net, then up to 7 drive specs (an empty
 * field is an absent option). Drive specs keep their flags, but the file is always one of our
 * scratch images (the input never names a host file); --net user never gets port forwards. */
#define _POSIX_C_SOURCE 200809L
#include <libfdt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vhart/machine.h>

#include "cpu/isa.h"
#include "host/blockfile.h"
#include "host/slirp_net.h"
#include "fuzz_common.h"

#define FIELDS 12
#define MEM_CAP (16ull << 20)   /* larger accepted sizes are built as 16 MiB (fuzzing speed) */

static char kernel_path[512], initrd_path[512], disk_paths[VHART_MAX_DRIVES + 1][512];

static void setup(void)
{
    static bool done;
    if (done) return;
    done = true;
    static const uint8_t kernel[16] = { 0x6f, 0, 0, 0 };   /* j . */
    fuzz_write_file(fuzz_path("kernel.bin", kernel_path, sizeof(kernel_path)), kernel, sizeof(kernel));
    static uint8_t initrd[4096];
    memset(initrd, 0x42, sizeof(initrd));
    fuzz_write_file(fuzz_path("initrd.img", initrd_path, sizeof(initrd_path)), initrd, sizeof(initrd));
    static uint8_t disk[4096];
    for (unsigned i = 0; i <= VHART_MAX_DRIVES; i++) {
        char name[32];
        snprintf(name, sizeof(name), "disk%u.img", i);
        fuzz_write_file(fuzz_path(name, disk_paths[i], sizeof(disk_paths[i])), disk, sizeof(disk));
    }
}

static bool one_line(const char *err) { return err[0] && !strchr(err, '\n'); }

static uint64_t be64(const void *p)
{
    const uint8_t *b = p;
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) v = v << 8 | b[i];
    return v;
}

/* The tree must be valid and describe the configuration. */
static void check_tree(const void *fdt, size_t size, const char *append, uint64_t mem, unsigned harts, uint64_t ext)
{
    FUZZ_CHECK(fdt_check_full(fdt, size) == 0);
    int chosen = fdt_path_offset(fdt, "/chosen");
    FUZZ_CHECK(chosen >= 0);
    int len;
    const char *bootargs = fdt_getprop(fdt, chosen, "bootargs", &len);
    if (append) FUZZ_CHECK(bootargs && (size_t)len == strlen(append) + 1 && strcmp(bootargs, append) == 0);
    else FUZZ_CHECK(!bootargs);
    const void *s = fdt_getprop(fdt, chosen, "linux,initrd-start", &len);
    const void *e = fdt_getprop(fdt, chosen, "linux,initrd-end", &len);
    FUZZ_CHECK(s && e && be64(e) - be64(s) == 4096 && be64(s) >= VHART_RAM_BASE && be64(e) <= VHART_RAM_BASE + mem);
    int memory = fdt_path_offset(fdt, "/memory@80000000");
    FUZZ_CHECK(memory >= 0);
    const uint8_t *reg = fdt_getprop(fdt, memory, "reg", &len);
    FUZZ_CHECK(reg && len == 16 && be64(reg) == VHART_RAM_BASE && be64(reg + 8) == mem);
    char isa[256];
    isa_format(ext, isa, sizeof(isa));
    unsigned cpus = 0;
    int node;
    fdt_for_each_subnode(node, fdt, fdt_path_offset(fdt, "/cpus")) {
        const char *type = fdt_getprop(fdt, node, "device_type", NULL);
        if (!type || strcmp(type, "cpu") != 0) continue;
        cpus++;
        const char *prop = fdt_getprop(fdt, node, "riscv,isa", NULL);
        FUZZ_CHECK(prop && strcmp(prop, isa) == 0);
    }
    FUZZ_CHECK(cpus == harts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    /* Split into NUL-terminated fields (a NUL inside a field ends it early, as in argv). */
    char *text = malloc(size + 1);
    FUZZ_CHECK(text != NULL);
    memcpy(text, data, size);
    text[size] = 0;
    char *field[FIELDS] = { 0 };
    char *p = text;
    for (unsigned i = 0; i < FIELDS && p; i++) {
        field[i] = p;
        p = strchr(p, '\n');
        if (p) *p++ = 0;
    }
    char err[512];
    bool ok = true;   /* every option given was accepted */
    struct vhart_config cfg = { .bios = "none", .kernel = kernel_path, .initrd = initrd_path,
                                .mem_size = 2ull << 20, .harts = 1 };
    uint64_t mem_expected = cfg.mem_size;

    if (field[0] && *field[0]) {
        uint64_t m;
        if (vhart_parse_size(field[0], &m) == 0) {
            /* Sizes machine_create accepts are built smaller; the rest go through to be refused. */
            cfg.mem_size = (m >= 4096 && !(m & 0xfff) && m <= (64ull << 30) && m > MEM_CAP) ? MEM_CAP : m;
            mem_expected = cfg.mem_size;
        } else {
            ok = false;
        }
    }
    if (field[1] && *field[1]) {
        uint64_t n;
        if (vhart_parse_u64(field[1], 10, &n) == 0) cfg.harts = n > 1000 ? 1000 : (unsigned)n;
        else ok = false;
    }
    if (field[2] && *field[2]) {
        err[0] = 0;
        if (vhart_parse_isa(field[2], &cfg.ext, err, sizeof(err)) == 0) {
            /* The canonical string parses back to the same set. */
            char isa[256];
            uint64_t again = 0;
            isa_format(cfg.ext, isa, sizeof(isa));
            FUZZ_CHECK(vhart_parse_isa(isa, &again, err, sizeof(err)) == 0 && again == cfg.ext);
        } else {
            FUZZ_CHECK(one_line(err));
            ok = false;
        }
    }
    if (field[3] && *field[3]) cfg.append = field[3];
    char net_opt[64];
    if (field[4] && *field[4]) {
        struct net_config nc;
        err[0] = 0;
        if (net_parse_option(field[4], &nc, err, sizeof(err)) == 0) {
            FUZZ_CHECK(nc.mode == NET_MODE_NONE || nc.mode == NET_MODE_USER);
            /* A user network without forwards opens no host socket. */
            snprintf(net_opt, sizeof(net_opt), "%s", nc.mode == NET_MODE_USER ? "user,restrict=on" : "none");
            cfg.net = net_opt;
        } else {
            FUZZ_CHECK(one_line(err));
            ok = false;
        }
    }
    static char drives[FIELDS][DRIVE_PATH_MAX + 64];
    for (unsigned i = 5; i < FIELDS && field[i] && *field[i]; i++) {
        struct drive_spec spec;
        err[0] = 0;
        if (blockfile_parse_drive_option(field[i], &spec, err, sizeof(err)) != 0) {
            FUZZ_CHECK(one_line(err));
            ok = false;
            continue;
        }
        FUZZ_CHECK(spec.path[0] != 0 && strlen(spec.path) < DRIVE_PATH_MAX);
        if (cfg.ndrives == VHART_MAX_DRIVES) continue;   /* main.c refuses a seventh */
        snprintf(drives[i], sizeof(drives[i]), "%s%s%s", disk_paths[cfg.ndrives], spec.read_only ? ",ro" : "",
                 spec.cache == BLOCKFILE_CACHE_WRITETHROUGH ? ",cache=writethrough" : "");
        cfg.drives[cfg.ndrives++] = drives[i];
    }

    if (ok) {
        struct machine *m = NULL;
        err[0] = 0;
        if (machine_create(&cfg, &m, err, sizeof(err)) == VHART_OK) {
            size_t fdt_size;
            const void *fdt = machine_fdt(m, &fdt_size);
            FUZZ_CHECK(cfg.harts >= 1 && cfg.harts <= VHART_MAX_HARTS);
            check_tree(fdt, fdt_size, cfg.append, mem_expected, cfg.harts, cfg.ext ? cfg.ext : isa_supported());
            machine_destroy(m);
        } else {
            FUZZ_CHECK(one_line(err));
        }
    }
    free(text);
    return 0;
}
