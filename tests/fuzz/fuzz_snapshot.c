/* Fuzz target: snapshot loading (src/machine/snapshot.c and every module's load: harts, CLINT, PLIC,
 * UART, RTC, HTIF, virtio transport and devices, framebuffer, RAM). The first input byte picks what the
 * rest is: even, a state payload as it sits inside the compressed frame (so the fuzzer reaches the
 * section parsers without having to forge zstd checksums); odd, a whole snapshot file. A load either
 * succeeds, and the machine then runs a few thousand instructions from that state, or is refused, and
 * the machine must then be exactly as it was (every hart's architectural state). Never a crash. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <vhart/debug.h>
#include <vhart/machine.h>
#include <vhart/snapshot.h>

#include "cpu/hart_state.h"
#include "machine/machine_internal.h"
#include "fuzz_common.h"

static struct machine *m;

static void setup(void)
{
    static uint8_t elf[4096];
    static char path[512];
    fuzz_write_file(fuzz_path("snap.elf", path, sizeof(path)), elf, fuzz_loop_elf(elf, sizeof(elf)));
    struct vhart_config cfg = { 0 };
    cfg.program = path;
    cfg.mem_size = 1 << 20;
    cfg.harts = 2;
    cfg.fb_width = 64;
    cfg.fb_height = 16;
    char err[256];
    if (machine_create(&cfg, &m, err, sizeof(err))) {
        fprintf(stderr, "fuzz_snapshot: %s\n", err);
        abort();
    }
    struct vdbg_stop stop;
    vdbg_step(m, 0, 1000, &stop);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!m) setup();
    if (size < 1) return 0;
    struct hart_arch before[2] = { m->harts[0]->arch, m->harts[1]->arch };
    char err[512];
    int rc;
    if (data[0] & 1) {
        char path[512];
        fuzz_write_file(fuzz_path("in.vhsnap", path, sizeof(path)), data + 1, size - 1);
        rc = machine_loadvm(m, path, err, sizeof(err));
    } else {
        rc = snapshot_load_payload(m, data + 1, size - 1, err, sizeof(err));
    }
    if (rc) {
        char why[160];
        FUZZ_CHECK(err[0] != 0);
        FUZZ_CHECK(hart_arch_same(&before[0], &m->harts[0]->arch, why, sizeof(why)));
        FUZZ_CHECK(hart_arch_same(&before[1], &m->harts[1]->arch, why, sizeof(why)));
        return 0;
    }
    struct vdbg_stop stop;
    vdbg_step(m, 0, 2000, &stop);
    vdbg_step(m, 1, 2000, &stop);
    return 0;
}
