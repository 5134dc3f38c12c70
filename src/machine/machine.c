/* The machine: builds the virt-compatible board (RAM, boot ROM, harts, CLINT, PLIC, UART, RTC,
 * syscon, HTIF) from a vhart_config, places firmware, kernel, initrd and device tree, and resets it.
 * Running it is runloop.c's; its clocks are clock.c's. */
#define _POSIX_C_SOURCE 200809L
#include <vhart/display.h>
#include <vhart/machine.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../cpu/codecache.h"
#include "../cpu/decode.h"
#include "../cpu/hart.h"
#include "../cpu/isa.h"
#include "../dev/clint.h"
#include "../dev/goldfish_rtc.h"
#include "../dev/htif.h"
#include "../dev/plic.h"
#include "../dev/syscon.h"
#include "../dev/uart16550.h"
#include "../dev/virtio.h"
#include "../dev/virtio_blk.h"
#include "../dev/virtio_input.h"
#include "../dev/virtio_net.h"
#include "../dev/virtio_rng.h"
#include "../host/blockfile.h"
#include "../host/slirp_net.h"
#include "../mem/bus.h"
#include "../mem/mmu.h"
#include "../util/endian.h"
#include "board.h"
#include "disks.h"
#include "elf.h"
#include "fdt.h"
#include "machine_internal.h"
#include "replay.h"

#define OPENSBI_DIR "/usr/lib/riscv64-linux-gnu/opensbi/generic"

/* OpenSBI's fw_dynamic_info (firmware/fw_dynamic.S, include/sbi/fw_dynamic.h), version 2. */
#define FW_DYNAMIC_MAGIC 0x4942534full
#define FW_DYNAMIC_VERSION 2
#define FW_DYNAMIC_NEXT_MODE_S 1

static void request_exit(void *opaque, int code)
{
    struct machine *m = opaque;
    if (code < 0) {
        m->reset_requested = true;
        return;
    }
    m->exit_requested = true;
    m->exit_code = code;
}

static void console_out(struct machine *m, const uint8_t *data, size_t len)
{
    if (m->cfg.console) m->cfg.console->write(m->cfg.console->opaque, data, len);
}

static void htif_output(void *opaque, int fd, const uint8_t *data, uint64_t len)
{
    struct machine *m = opaque;
    if (fd != 2 && m->cfg.console) {
        console_out(m, data, (size_t)len);
        return;
    }
    int out = fd == 2 ? STDERR_FILENO : STDOUT_FILENO;
    while (len > 0) {
        ssize_t n = write(out, data, (size_t)len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        data += n;
        len -= (uint64_t)n;
    }
}

static void uart_tx(void *opaque, uint8_t byte) { console_out(opaque, &byte, 1); }
static void uart_irq(void *opaque, int level) { struct machine *m = opaque; plic_set_irq(&m->plic, BOARD_UART_IRQ, level); }
static void rtc_irq(void *opaque, int level) { struct machine *m = opaque; plic_set_irq(&m->plic, BOARD_RTC_IRQ, level); }

/* PLIC context 2h is hart h's M-mode external interrupt, 2h+1 its S-mode one. */
static void plic_context_irq(void *opaque, unsigned context, int level)
{
    struct machine *m = opaque;
    unsigned h = context / 2;
    if (h >= m->nharts) return;
    if (context & 1) hart_set_external_seip(m->harts[h], level != 0);
    else hart_set_mip(m->harts[h], MIP_MEIP, level != 0);
}

/* A page gained decoded code: no hart may keep a fast write path into it. */
static void code_page_added(void *opaque, uint64_t paddr)
{
    struct machine *m = opaque;
    const uint8_t *host = bus_host_ptr(&m->bus, paddr, 4096);
    for (unsigned i = 0; i < m->nharts; i++) mmu_drop_writes_to(m->harts[i], host);
}

static void virtio_irq(void *opaque, int level)
{
    struct virtio_slot *slot = opaque;
    plic_set_irq(&slot->m->plic, slot->irq, level);
}

/* Unused slots answer like QEMU's: a virtio-mmio device with ID 0, which drivers skip. */
static int empty_slot_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    (void)opaque;
    (void)size;
    switch (off) {
    case 0x000: *value = 0x74726976; break;   /* "virt" */
    case 0x004: *value = 2; break;            /* version 2 */
    case 0x00c: *value = 0x554d4551; break;   /* vendor "QEMU" */
    default: *value = 0; break;
    }
    return 0;
}
static int empty_slot_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    (void)opaque; (void)off; (void)size; (void)value;
    return 0;
}
static const struct mmio_ops empty_slot_ops = { empty_slot_read, empty_slot_write };

struct virtio_slot *machine_claim_slot(struct machine *m, const struct virtio_device_ops *ops, void *dev)
{
    for (unsigned i = 0; i < BOARD_VIRTIO_SLOTS; i++) {
        struct virtio_slot *slot = &m->slots[i];
        if (slot->used) continue;
        slot->used = true;
        slot->m = m;
        slot->irq = BOARD_VIRTIO_IRQ + i;
        virtio_mmio_init(&slot->dev, &m->bus, ops, dev, virtio_irq, slot);
        return slot;
    }
    return NULL;
}

/* Guest -> host frames go to slirp; host -> guest frames wait in a small queue when the guest has
 * no receive buffer posted (dropped when it is full: TCP retransmits, DHCP and ARP retry). */
static void net_send(void *opaque, const uint8_t *frame, size_t len)
{
    struct machine *m = opaque;
    if (m->replay) replay_net_sent(m, frame, len);
    /* Re-running what a history logged: slirp saw these frames the first time. */
    if (m->has_net && replay_live(m)) slirp_net_send(&m->slirp, frame, len);
}

void machine_net_drain(struct machine *m)
{
    while (m->rxq_count > 0) {
        unsigned i = m->rxq_head;
        if (!virtio_net_receive(&m->net, m->rxq[i].data, m->rxq[i].len)) break;
        m->rxq_head = (m->rxq_head + 1) % NET_RX_QUEUE;
        m->rxq_count--;
    }
}

static void net_rx_ready(void *opaque) { machine_net_drain(opaque); }

static void net_deliver(void *opaque, const uint8_t *frame, size_t len)
{
    struct machine *m = opaque;
    if (m->replay && replay_net_arrived(m, frame, len)) return;   /* delivered between slices */
    machine_net_deliver(m, frame, len);
}

void machine_net_deliver(struct machine *m, const uint8_t *frame, size_t len)
{
    if (m->rxq_count == 0 && virtio_net_receive(&m->net, frame, len)) return;
    if (m->rxq_count == NET_RX_QUEUE || len > NET_FRAME_MAX) return;
    unsigned i = (m->rxq_head + m->rxq_count) % NET_RX_QUEUE;
    memcpy(m->rxq[i].data, frame, len);
    m->rxq[i].len = len;
    m->rxq_count++;
}

static int add_virtio_devices(struct machine *m, char *err, size_t err_len)
{
    const struct vhart_config *c = &m->cfg;
    /* Eight slots: the rng, keyboard and mouse always get theirs. */
    unsigned fixed = 3 + (c->net && strncmp(c->net, "none", 4) != 0 ? 1 : 0);
    if (c->ndrives + fixed > BOARD_VIRTIO_SLOTS) {
        snprintf(err, err_len, "--drive: at most %u drives fit in the %d virtio slots%s", BOARD_VIRTIO_SLOTS - fixed,
                 BOARD_VIRTIO_SLOTS, fixed > 3 ? " beside the network, rng, keyboard and mouse" : " beside the rng, keyboard and mouse");
        return VHART_ERR_CONFIG;
    }
    if (c->nshares + c->ndrives + fixed > BOARD_VIRTIO_SLOTS) {
        snprintf(err, err_len, "--share: %u shares and %u drives do not fit in the %u virtio slots left", c->nshares,
                 c->ndrives, BOARD_VIRTIO_SLOTS - fixed);
        return VHART_ERR_CONFIG;
    }
    if (c->ndrives) {
        m->blockfiles = calloc(c->ndrives, sizeof(*m->blockfiles));
        m->blks = calloc(c->ndrives, sizeof(*m->blks));
        if (!m->blockfiles || !m->blks) {
            snprintf(err, err_len, "out of memory");
            return VHART_ERR_NOMEM;
        }
        for (unsigned i = 0; i < c->ndrives; i++) m->blockfiles[i].fd = -1;
    }
    for (unsigned i = 0; i < c->ndrives; i++) {
        struct drive_spec spec;
        char serial[24];
        if (blockfile_parse_drive_option(c->drives[i], &spec, err, err_len)) return VHART_ERR_CONFIG;
        /* The same file twice (by device and inode, whatever the names): two disks sharing one
         * file would corrupt each other's data. */
        struct stat st, prev;
        for (unsigned j = 0; j < i && stat(spec.path, &st) == 0; j++) {
            struct drive_spec other;
            if (fstat(m->blockfiles[j].fd, &prev) == 0 && prev.st_dev == st.st_dev && prev.st_ino == st.st_ino &&
                blockfile_parse_drive_option(c->drives[j], &other, err, err_len) == 0) {
                snprintf(err, err_len, "--drive %s: the same file as the earlier --drive %s", spec.path, other.path);
                return VHART_ERR_CONFIG;
            }
        }
        char why[DRIVE_PATH_MAX + 128];
        if (blockfile_open(&m->blockfiles[i], spec.path, spec.read_only || c->snapshot_disks, spec.cache, why,
                           sizeof(why))) {
            snprintf(err, err_len, "--drive %s", why);   /* "PATH: reason" */
            return VHART_ERR_IO;
        }
        const struct block_backend *be = disks_attach(m, i, spec.read_only, err, err_len);   /* overlay or record */
        if (!be) return VHART_ERR_IO;
        snprintf(serial, sizeof(serial), "vhart-disk%u", i);
        if (virtio_blk_init(&m->blks[i], be, serial) ||
            !machine_claim_slot(m, &virtio_blk_device_ops, &m->blks[i])) {
            snprintf(err, err_len, "--drive %s: no free virtio slot", c->drives[i]);
            return VHART_ERR_CONFIG;
        }
    }
    if (c->net) {
        struct net_config nc;
        if (net_parse_option(c->net, &nc, err, err_len)) return VHART_ERR_CONFIG;
        if (nc.mode == NET_MODE_USER) {
            static const struct net_backend backend_template = { 0 };
            struct net_backend be = backend_template;
            be.send = net_send;
            be.rx_ready = net_rx_ready;
            be.opaque = m;
            struct virtio_slot *slot = machine_claim_slot(m, &virtio_net_ops, &m->net);
            if (!slot) {
                snprintf(err, err_len, "--net: no free virtio slot");
                return VHART_ERR_CONFIG;
            }
            uint8_t mac[6];
            virtio_net_default_mac((unsigned)(slot - m->slots), mac);
            virtio_net_init(&m->net, &slot->dev, mac, &be);
            /* Replaying: no backend; frames come from the log, the guest's go nowhere. */
            if (!c->replay && slirp_net_open(&m->slirp, nc.options, net_deliver, m, err, err_len)) return VHART_ERR_IO;
            m->has_net = !c->replay;
        }
    }
    if (machine_add_shares(m, err, err_len)) return VHART_ERR_CONFIG;
    virtio_rng_init(&m->rng, clock_entropy, m);
    struct virtio_slot *slot = machine_claim_slot(m, &virtio_rng_ops, &m->rng);
    if (slot) slot = machine_claim_slot(m, &virtio_input_ops, &m->keyboard);
    if (slot) virtio_input_init(&m->keyboard, &slot->dev, VIRTIO_INPUT_KEYBOARD, 0, 0);
    if (slot) slot = machine_claim_slot(m, &virtio_input_ops, &m->mouse);
    if (slot) virtio_input_init(&m->mouse, &slot->dev, VIRTIO_INPUT_MOUSE, 0, 0);
    static const char *const slot_names[BOARD_VIRTIO_SLOTS] = {
        "virtio0", "virtio1", "virtio2", "virtio3", "virtio4", "virtio5", "virtio6", "virtio7",
    };
    for (unsigned i = 0; i < BOARD_VIRTIO_SLOTS; i++) {
        struct virtio_slot *sl = &m->slots[i];
        uint64_t base = BOARD_VIRTIO_BASE + i * BOARD_VIRTIO_SIZE;
        if (sl->used) bus_add_device(&m->bus, slot_names[i], base, BOARD_VIRTIO_SIZE, &virtio_mmio_ops, &sl->dev);
        else bus_add_device(&m->bus, slot_names[i], base, BOARD_VIRTIO_SIZE, &empty_slot_ops, NULL);
    }
    return VHART_OK;
}

static int read_file(const char *path, const char *what, uint8_t **data, size_t *size, char *err, size_t err_len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f) {
        snprintf(err, err_len, "%s %s: %s", what, path, strerror(errno));
        return -1;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, err_len, "%s %s: %s", what, path, S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
        fclose(f);
        return -1;
    }
    *size = (size_t)st.st_size;
    *data = malloc(*size ? *size : 1);
    if (!*data || fread(*data, 1, *size, f) != *size) {
        snprintf(err, err_len, "%s %s: cannot read", what, path);
        fclose(f);
        free(*data);
        *data = NULL;
        return -1;
    }
    fclose(f);
    if (*size == 0) {
        snprintf(err, err_len, "%s %s: empty file", what, path);
        free(*data);
        *data = NULL;
        return -1;
    }
    return 0;
}

static void load_images(struct machine *m)
{
    for (unsigned i = 0; i < m->image_count; i++)
        bus_copy_to_guest(&m->bus, m->images[i].addr, m->images[i].data, m->images[i].size);
    char err[256];   /* both were loaded once at start: they fit */
    if (m->bios_elf.data) elf_load(&m->bios_elf, &m->bus, m->cfg.bios, err, sizeof(err));
    if (m->kernel_elf.data) elf_load(&m->kernel_elf, &m->bus, m->cfg.kernel, err, sizeof(err));
}

/* Boot ROM (at 0x1000, where every hart starts): a0 = mhartid, a1 = device tree, a2 = the
 * fw_dynamic info block, then jump to the firmware (or the kernel with --bios none). */
static void build_bootrom(struct machine *m, uint64_t start, uint64_t fdt_addr, uint64_t dyn_next, bool dynamic)
{
    static const uint32_t code[] = {
        0x00000297,   /* auipc t0, 0 */
        0xf1402573,   /* csrr  a0, mhartid */
        0x0202b583,   /* ld    a1, 32(t0) */
        0x0282b603,   /* ld    a2, 40(t0) */
        0x0182b283,   /* ld    t0, 24(t0) */
        0x00028067,   /* jr    t0 */
    };
    uint8_t *r = m->bootrom;
    memset(r, 0, sizeof(m->bootrom));
    for (unsigned i = 0; i < 6; i++) le_store32(r + 4 * i, code[i]);
    le_store64(r + 24, start);
    le_store64(r + 32, fdt_addr);
    le_store64(r + 40, dynamic ? BOARD_BOOTROM_BASE + 64 : 0);
    if (dynamic) {
        le_store64(r + 64, FW_DYNAMIC_MAGIC);
        le_store64(r + 72, FW_DYNAMIC_VERSION);
        le_store64(r + 80, dyn_next);
        le_store64(r + 88, FW_DYNAMIC_NEXT_MODE_S);
        le_store64(r + 96, 0);          /* options */
        le_store64(r + 104, ~0ull);     /* boot_hart: any (lottery) */
    }
}

static void reset_harts(struct machine *m)
{
    for (unsigned i = 0; i < m->nharts; i++) hart_reset(m->harts[i], i, BOARD_BOOTROM_BASE, m->cfg.ext);
}

static const char *default_bios(void)
{
    static const char *const candidates[] = { OPENSBI_DIR "/fw_dynamic.bin", OPENSBI_DIR "/fw_jump.bin" };
    for (unsigned i = 0; i < 2; i++)
        if (access(candidates[i], R_OK) == 0) return candidates[i];
    return NULL;
}

static bool is_elf_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char magic[4] = { 0 };
    if (!f) return false;
    size_t n = fread(magic, 1, 4, f);
    fclose(f);
    return n == 4 && memcmp(magic, "\177ELF", 4) == 0;
}

/* A size for a message: "64 KiB", "2 MiB", "1 GiB", or "N bytes" when it is no whole unit. */
static const char *size_text(uint64_t n, char *buf, size_t len)
{
    static const char *const units[] = { "TiB", "GiB", "MiB", "KiB" };
    for (unsigned i = 0; i < 4; i++) {
        unsigned shift = 40 - 10 * i;
        if (n && n % (1ull << shift) == 0) {
            snprintf(buf, len, "%llu %s", (unsigned long long)(n >> shift), units[i]);
            return buf;
        }
    }
    snprintf(buf, len, "%llu bytes", (unsigned long long)n);
    return buf;
}

/* Open and place an ELF given with option `what` (--bios, --kernel; NULL for a bare-metal program,
 * whose errors name just the file). Returns [lowest, highest) physical address of its segments. */
static int load_elf_option(struct machine *m, struct elf_image *img, const char *what, const char *path,
                           uint64_t *lo, uint64_t *hi, char *err, size_t err_len)
{
    char why[512];
    if (elf_open(path, img, why, sizeof(why))) {
        snprintf(err, err_len, "%s%s%s", what ? what : "", what ? " " : "", why);
        return VHART_ERR_FORMAT;
    }
    if (elf_hosted_program(img, why, sizeof(why))) {
        snprintf(err, err_len, "%s%s%s: a Linux user program (%s); vhart runs whole systems: run it in Linux "
                 "booted with --kernel, or with qemu-riscv64", what ? what : "", what ? " " : "", path, why);
        return VHART_ERR_FORMAT;
    }
    if (elf_load(img, &m->bus, path, why, sizeof(why))) {
        snprintf(err, err_len, "%s%s%s", what ? what : "", what ? " " : "", why);
        return VHART_ERR_FORMAT;
    }
    *lo = ~0ull;
    *hi = 0;
    bool entry_loaded = false;
    const uint8_t *d = img->data;
    for (unsigned i = 0; i < le_load16(d + 0x38); i++) {
        const uint8_t *ph = d + le_load64(d + 0x20) + (uint64_t)i * le_load16(d + 0x36);
        if (le_load32(ph) != 1 || le_load64(ph + 0x28) == 0) continue;
        uint64_t a = le_load64(ph + 0x18), e = a + le_load64(ph + 0x28);   /* elf_load: inside RAM */
        if (a < *lo) *lo = a;
        if (e > *hi) *hi = e;
        if (img->entry >= a && img->entry < e) entry_loaded = true;
    }
    /* The hart starts at the entry with no translation: elsewhere it would only fault, forever. */
    if (!entry_loaded) {
        snprintf(err, err_len, "%s%s%s: entry point 0x%llx is not in a loaded segment", what ? what : "",
                 what ? " " : "", path, (unsigned long long)img->entry);
        return VHART_ERR_FORMAT;
    }
    return VHART_OK;
}

/* The [start, end) ranges the PT_LOAD segments of an ELF occupy in memory (bss included). */
static unsigned elf_ranges(const struct elf_image *img, uint64_t (*r)[2], unsigned max)
{
    const uint8_t *d = img->data;
    unsigned n = 0;
    for (unsigned i = 0; i < le_load16(d + 0x38) && n < max; i++) {
        const uint8_t *ph = d + le_load64(d + 0x20) + (uint64_t)i * le_load16(d + 0x36);
        if (le_load32(ph) != 1 || le_load64(ph + 0x28) == 0) continue;
        r[n][0] = le_load64(ph + 0x18);
        r[n][1] = r[n][0] + le_load64(ph + 0x28);
        n++;
    }
    return n;
}

/* An ELF kernel must not land on the firmware's bytes (loaded after it, it would overwrite them,
 * and OpenSBI would crash or misbehave in silence). QEMU refuses it too ("Some ROM regions are
 * overlapping"). Ranges in the message are inclusive: first and last byte. */
static int check_kernel_overlap(struct machine *m, const char *bios, char *err, size_t err_len)
{
    uint64_t fw[64][2], k[64][2];
    unsigned nfw = 0;
    if (m->bios_elf.data) nfw = elf_ranges(&m->bios_elf, fw, 64);
    else if (m->image_count > 0) {
        fw[0][0] = m->images[0].addr;
        fw[0][1] = m->images[0].addr + m->images[0].size;
        nfw = 1;
    }
    unsigned nk = elf_ranges(&m->kernel_elf, k, 64);
    for (unsigned i = 0; i < nk; i++)
        for (unsigned j = 0; j < nfw; j++)
            if (k[i][0] < fw[j][1] && fw[j][0] < k[i][1]) {
                snprintf(err, err_len, "--kernel %s [0x%llx-0x%llx] overlaps the firmware %s [0x%llx-0x%llx]",
                         m->cfg.kernel, (unsigned long long)k[i][0], (unsigned long long)(k[i][1] - 1), bios,
                         (unsigned long long)fw[j][0], (unsigned long long)(fw[j][1] - 1));
                return VHART_ERR_CONFIG;
            }
    return VHART_OK;
}

static int place_images(struct machine *m, char *err, size_t err_len)
{
    const struct vhart_config *c = &m->cfg;
    uint64_t ram_end = BOARD_RAM_BASE + c->mem_size;
    const char *kernel = c->kernel;
    bool firmware = c->bios == NULL || strcmp(c->bios, "none") != 0;
    uint64_t start, kernel_entry = 0, kernel_end = BOARD_RAM_BASE;
    bool dynamic = false;
    char sz[2][32];
    const char *bios = NULL;

    if (firmware) {
        bios = c->bios ? c->bios : default_bios();
        if (!bios) {
            snprintf(err, err_len, "no firmware: Debian's OpenSBI (%s/fw_dynamic.bin) is not installed "
                     "(apt-get install opensbi), give --bios FILE, or --bios none", OPENSBI_DIR);
            return VHART_ERR_IO;
        }
        start = BOARD_RAM_BASE;
        if (is_elf_file(bios)) {
            /* An ELF firmware (fw_jump.elf) goes where its segments say, not byte for byte. */
            uint64_t lo, hi;
            int rc = load_elf_option(m, &m->bios_elf, "--bios", bios, &lo, &hi, err, err_len);
            if (rc != VHART_OK) return rc;
            if (hi > BOARD_RAM_BASE + BOARD_KERNEL_OFFSET) {
                snprintf(err, err_len, "--bios %s: segments up to 0x%llx overlap the kernel at 0x%llx", bios,
                         (unsigned long long)hi, (unsigned long long)(BOARD_RAM_BASE + BOARD_KERNEL_OFFSET));
                return VHART_ERR_FORMAT;
            }
            start = m->bios_elf.entry;
        } else {
            struct image *fw = &m->images[m->image_count++];
            if (read_file(bios, "--bios", &fw->data, &fw->size, err, err_len)) return VHART_ERR_IO;
            if (fw->size > c->mem_size) {
                snprintf(err, err_len, "--bios %s: %zu bytes do not fit in %s of RAM", bios, fw->size,
                         size_text(c->mem_size, sz[0], sizeof(sz[0])));
                return VHART_ERR_FORMAT;
            }
            if (fw->size > BOARD_KERNEL_OFFSET) {
                snprintf(err, err_len, "--bios %s: %zu bytes do not fit below the kernel at 0x%llx", bios, fw->size,
                         (unsigned long long)(BOARD_RAM_BASE + BOARD_KERNEL_OFFSET));
                return VHART_ERR_FORMAT;
            }
            fw->addr = BOARD_RAM_BASE;
        }
        dynamic = strstr(bios, "fw_dynamic") != NULL;
        kernel_end = BOARD_RAM_BASE + BOARD_KERNEL_OFFSET;
    }
    /* A bare-metal program must be an ELF (its errors say so); a --kernel may be a raw image. */
    if (kernel && (c->program || is_elf_file(kernel))) {
        uint64_t lo, hi;
        int rc = load_elf_option(m, &m->kernel_elf, c->program ? NULL : "--kernel", kernel, &lo, &hi, err, err_len);
        if (rc != VHART_OK) return rc;
        if (firmware && (rc = check_kernel_overlap(m, bios, err, err_len)) != VHART_OK) return rc;
        kernel_entry = m->kernel_elf.entry;
        kernel_end = hi > lo ? hi : ram_end;
    } else if (kernel) {
        struct image *k = &m->images[m->image_count++];
        if (read_file(kernel, "--kernel", &k->data, &k->size, err, err_len)) return VHART_ERR_IO;
        k->addr = BOARD_RAM_BASE + (firmware ? BOARD_KERNEL_OFFSET : 0);
        if (k->addr >= ram_end || k->size > ram_end - k->addr) {
            snprintf(err, err_len, "--kernel %s: %zu bytes do not fit in %s of RAM at 0x%llx", kernel, k->size,
                     size_text(c->mem_size, sz[0], sizeof(sz[0])), (unsigned long long)k->addr);
            return VHART_ERR_FORMAT;
        }
        kernel_entry = k->addr;
        kernel_end = k->addr + k->size;
    } else if (!firmware) {
        snprintf(err, err_len, "--bios none needs --kernel (or a program to run)");
        return VHART_ERR_CONFIG;
    }
    if (!firmware) start = kernel_entry;

    /* Device tree at the top of RAM, the initrd just below it. */
    char isa[256];
    isa_format(c->ext, isa, sizeof(isa));
    struct fdt_params fp = {
        .harts = m->nharts, .isa = isa, .mmu_type = "riscv,sv57",
        .ram_base = BOARD_RAM_BASE, .ram_size = c->mem_size, .bootargs = c->append,
        .virtio_slots = BOARD_VIRTIO_SLOTS,
    };
    if (m->has_fb) {
        fp.fb_base = m->fb.base;
        fp.fb_size = m->fb.size;
        fp.fb_width = m->fb.width;
        fp.fb_height = m->fb.height;
        fp.fb_stride = m->fb.stride;
    }
    uint64_t fdt_addr = 0;
    struct image *initrd = NULL;
    if (c->initrd) {
        initrd = &m->images[m->image_count++];
        if (read_file(c->initrd, "--initrd", &initrd->data, &initrd->size, err, err_len)) return VHART_ERR_IO;
    }
    /* Two passes: the tree's size depends on the initrd properties, which need its address. */
    for (int pass = 0; pass < 2; pass++) {
        m->fdt_size = fdt_build(&fp, m->fdt, sizeof(m->fdt), err, err_len);
        if (!m->fdt_size) return VHART_ERR_CONFIG;
        fdt_addr = (ram_end - m->fdt_size) & ~0xffffull;
        if (initrd) {
            uint64_t end = fdt_addr & ~0xfffull;
            uint64_t begin = (end - initrd->size) & ~0xfffull;
            if (initrd->size > end - kernel_end || begin < kernel_end) {
                snprintf(err, err_len, "--initrd %s: %zu bytes do not fit in RAM above the kernel (try a larger --mem)",
                         c->initrd, initrd->size);
                return VHART_ERR_FORMAT;
            }
            initrd->addr = begin;
            fp.initrd_start = begin;
            fp.initrd_end = begin + initrd->size;
        }
    }
    if (fdt_addr < kernel_end || fdt_addr < BOARD_RAM_BASE) {
        snprintf(err, err_len, "--mem: %s of RAM is too small for this kernel and its device tree",
                 size_text(c->mem_size, sz[0], sizeof(sz[0])));
        return VHART_ERR_CONFIG;
    }
    struct image *dt = &m->images[m->image_count++];
    dt->data = (uint8_t *)m->fdt;
    dt->size = m->fdt_size;
    dt->addr = fdt_addr;
    build_bootrom(m, start, fdt_addr, kernel ? kernel_entry : BOARD_RAM_BASE + BOARD_KERNEL_OFFSET, dynamic);
    return VHART_OK;
}

int machine_create(const struct vhart_config *cfg, struct machine **out, char *err, size_t err_len)
{
    *out = NULL;
    if (cfg->harts < 1 || cfg->harts > VHART_MAX_HARTS) {
        snprintf(err, err_len, "--smp %u: the number of harts must be 1 to %d", cfg->harts, VHART_MAX_HARTS);
        return VHART_ERR_CONFIG;
    }
    if (cfg->mem_size < 4096 || (cfg->mem_size & 0xfff)) {
        snprintf(err, err_len, "--mem: RAM size must be a non-zero multiple of 4 KiB");
        return VHART_ERR_CONFIG;
    }
    if (cfg->mem_size > VHART_MAX_MEM) {
        char sz[32];
        snprintf(err, err_len, "--mem: %s is more than the 64 GiB vhart supports",
                 size_text(cfg->mem_size, sz, sizeof(sz)));
        return VHART_ERR_CONFIG;
    }
    if (cfg->icount && cfg->icount_shift > VHART_ICOUNT_SHIFT_MAX) {
        snprintf(err, err_len, "--icount=%u: the shift must be 0 to %d", cfg->icount_shift, VHART_ICOUNT_SHIFT_MAX);
        return VHART_ERR_CONFIG;
    }
    int64_t rtc_seconds = 0;
    bool rtc_now = false;
    const char *rtc_base = cfg->rtc_base ? cfg->rtc_base : cfg->icount ? VHART_RTC_BASE_DEFAULT : NULL;
    if (rtc_base && vhart_parse_rtc_base(rtc_base, &rtc_seconds, &rtc_now)) {
        snprintf(err, err_len, "--rtc-base %s: expected now, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (UTC)", rtc_base);
        return VHART_ERR_CONFIG;
    }
    struct machine *m = calloc(1, sizeof(*m));
    if (!m) {
        snprintf(err, err_len, "out of memory");
        return VHART_ERR_NOMEM;
    }
    m->cfg = *cfg;
    m->start_ns = clock_host_ns();
    if (rtc_base) {
        m->rtc_fixed = true;
        m->rtc_base_ns = rtc_now ? clock_wall_ns() : (uint64_t)rtc_seconds * 1000000000ull;
    }
    m->rng_seeded = cfg->icount || cfg->seed_set;
    m->rng_state = cfg->seed;
    if (!m->cfg.ext) m->cfg.ext = isa_supported();
    if (cfg->program) {
        /* A bare-metal program: no firmware, the program is the kernel. */
        m->cfg.kernel = cfg->program;
        m->cfg.bios = "none";
    }
    if (!m->cfg.kernel && !m->cfg.bios) {
        snprintf(err, err_len, "no program given (a bare-metal ELF, or --kernel)");
        free(m);
        return VHART_ERR_CONFIG;
    }
    bus_init(&m->bus);
    m->bus.code_page_added = code_page_added;
    m->bus.code_opaque = m;
    int rc = VHART_ERR_NOMEM;
    if (!bus_add_memory(&m->bus, "ram", BOARD_RAM_BASE, cfg->mem_size, false) ||
        !bus_add_memory(&m->bus, "bootrom", BOARD_BOOTROM_BASE, BOARD_BOOTROM_SIZE, true)) {
        char sz[32];
        snprintf(err, err_len, "--mem: cannot allocate %s of guest RAM", size_text(cfg->mem_size, sz, sizeof(sz)));
        goto fail;
    }
    m->nharts = cfg->harts;
    for (unsigned i = 0; i < m->nharts; i++) {
        m->harts[i] = calloc(1, sizeof(struct hart));
        if (!m->harts[i]) {
            snprintf(err, err_len, "out of memory");
            goto fail;
        }
        m->harts[i]->machine = m;
        m->harts[i]->bus = &m->bus;
        m->harts[i]->debug = &m->debug_hooks;
        m->harts[i]->read_time = clock_read_mtime;
        m->harts[i]->time_opaque = m;
    }
    clint_init(&m->clint, m->harts, m->nharts);
    m->clint.read_time = clock_read_mtime;
    m->clint.write_time = clock_write_mtime;
    m->clint.time_opaque = m;
    if (plic_init(&m->plic, BOARD_PLIC_SOURCES, 2 * m->nharts, plic_context_irq, m)) {
        snprintf(err, err_len, "out of memory");
        goto fail;
    }
    uart16550_init(&m->uart, uart_tx, uart_irq, m);
    goldfish_rtc_init(&m->rtc, clock_rtc_ns, rtc_irq, m);
    m->syscon.request = request_exit;
    m->syscon.opaque = m;
    bus_add_device(&m->bus, "syscon", BOARD_SYSCON_BASE, 0x1000, &syscon_ops, &m->syscon);
    bus_add_device(&m->bus, "rtc", BOARD_RTC_BASE, BOARD_RTC_SIZE, &goldfish_rtc_ops, &m->rtc);
    bus_add_device(&m->bus, "clint", BOARD_CLINT_BASE, BOARD_CLINT_SIZE, &clint_ops, &m->clint);
    bus_add_device(&m->bus, "plic", BOARD_PLIC_BASE, BOARD_PLIC_SIZE, &plic_ops, &m->plic);
    bus_add_device(&m->bus, "uart0", BOARD_UART_BASE, BOARD_UART_SIZE, &uart16550_ops, &m->uart);
    rc = add_virtio_devices(m, err, err_len);
    if (rc != VHART_OK) goto fail;
    if (cfg->fb_width || cfg->fb_height) {
        rc = VHART_ERR_CONFIG;
        if (framebuffer_check_size(cfg->fb_width, cfg->fb_height, BOARD_FB_MAX_SIZE, err, err_len)) goto fail;
        struct bus_region *fbr = bus_add_memory(&m->bus, "framebuffer", BOARD_FB_BASE,
                                                framebuffer_region_size(cfg->fb_width, cfg->fb_height), false);
        if (!fbr) {
            snprintf(err, err_len, "out of memory");
            rc = VHART_ERR_NOMEM;
            goto fail;
        }
        framebuffer_init(&m->fb, fbr, cfg->fb_width, cfg->fb_height);
        m->has_fb = true;
    }

    rc = place_images(m, err, err_len);
    if (rc != VHART_OK) goto fail;
    struct bus_region *rom = bus_find(&m->bus, BOARD_BOOTROM_BASE);
    memcpy(rom->host, m->bootrom, sizeof(m->bootrom));
    load_images(m);

    uint64_t tohost;
    if (m->kernel_elf.data && elf_symbol(&m->kernel_elf, "tohost", &tohost) == 0) {
        if (!bus_host_ptr(&m->bus, tohost, 8)) {
            snprintf(err, err_len, "%s: symbol tohost (0x%llx) is not in RAM", m->cfg.kernel, (unsigned long long)tohost);
            rc = VHART_ERR_FORMAT;
            goto fail;
        }
        m->has_htif = true;
        m->htif.bus = &m->bus;
        m->htif.tohost = tohost;
        m->htif.has_fromhost = elf_symbol(&m->kernel_elf, "fromhost", &m->htif.fromhost) == 0 &&
                               bus_host_ptr(&m->bus, m->htif.fromhost, 8) != NULL;
        m->htif.output = htif_output;
        m->htif.exit = request_exit;
        m->htif.opaque = m;
        m->bus.watch = htif_on_store;
        m->bus.watch_opaque = &m->htif;
        bus_watch_page(&m->bus, tohost);
    }
    reset_harts(m);
    if (m->kernel_elf.data) symbols_add_elf(m, &m->kernel_elf);
    if (cfg->record || cfg->replay) {
        rc = replay_open(m, cfg, err, err_len);
        if (rc != VHART_OK) goto fail;
    }
    *out = m;
    return VHART_OK;
fail:
    machine_destroy(m);
    return rc;
}

int machine_close_disks(struct machine *m, char *err, size_t err_len)
{
    /* Under reverse execution the guest's writes are in overlays until now (disks.c). */
    int result = disks_write_back(m, err, err_len);
    /* Everything the guest wrote reaches the disk files (fsync) before vhart exits. */
    for (unsigned i = 0; m->blockfiles && i < m->cfg.ndrives; i++) {
        if (m->blockfiles[i].fd < 0) continue;
        int r = blockfile_close(&m->blockfiles[i]);
        if (r < 0 && result == 0) {
            snprintf(err, err_len, "--drive %s: final sync failed: %s", m->cfg.drives[i], strerror(-r));
            result = -1;
        }
    }
    return result;
}

void machine_destroy(struct machine *m)
{
    if (!m) return;
    history_free(m);
    replay_free(m);
    /* Drives machine_close_disks has not closed yet: still synced, but no one is told of a failure. */
    char err[320];
    (void)disks_write_back(m, err, sizeof(err));
    for (unsigned i = 0; m->blockfiles && i < m->cfg.ndrives; i++)
        if (m->blockfiles[i].fd >= 0) (void)blockfile_close(&m->blockfiles[i]);
    disks_free(m);
    free(m->blockfiles);
    free(m->blks);
    machine_free_shares(m);
    if (m->has_net) slirp_net_close(&m->slirp);
    for (unsigned i = 0; i < m->nharts; i++) free(m->harts[i]);
    bus_destroy(&m->bus);
    elf_close(&m->kernel_elf);
    elf_close(&m->bios_elf);
    if (m->trace) fclose(m->trace);
    machine_log_free(m);
    for (size_t i = 0; i < m->n_symbols; i++) free(m->symbols[i].name);
    free(m->symbols);
    for (unsigned i = 0; i < m->image_count; i++)
        if (m->images[i].data != (uint8_t *)m->fdt) free(m->images[i].data);
    free(m);
}

const void *machine_fdt(const struct machine *m, size_t *size)
{
    *size = m->fdt_size;
    return m->fdt;
}

/* Reset (syscon 0x7777, SBI system reset): images back in RAM, devices and harts to reset state. */
void machine_reset(struct machine *m)
{
    m->reset_requested = false;
    load_images(m);
    for (unsigned i = 0; i < VHART_MAX_HARTS; i++) m->clint.mtimecmp[i] = ~0ull;
    /* Devices first, so that lines they lower are not forwarded again by the fresh PLIC. */
    uart16550_reset(&m->uart);
    goldfish_rtc_reset(&m->rtc);
    /* Virtio devices forget their rings (the new kernel's memory now lies there), and frames
     * that slirp queued for the old guest are dropped. */
    for (unsigned i = 0; i < BOARD_VIRTIO_SLOTS; i++)
        if (m->slots[i].used) virtio_mmio_reset(&m->slots[i].dev);
    m->rxq_head = m->rxq_count = 0;
    plic_reset(&m->plic);
    reset_harts(m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days algorithm in reverse). */
static int64_t days_from_civil(int64_t y, unsigned mo, unsigned d)
{
    y -= mo <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

int vhart_parse_rtc_base(const char *s, int64_t *seconds, bool *now)
{
    *seconds = 0;
    *now = false;
    if (!strcmp(s, "now")) {
        *now = true;
        return 0;
    }
    unsigned y, mo, d, h = 0, mi = 0, sec = 0;
    int n = 0;
    if (sscanf(s, "%4u-%2u-%2u%n", &y, &mo, &d, &n) != 3 || n != 10) return -1;
    if (s[n] == 'T') {
        int k = 0;
        if (sscanf(s + n, "T%2u:%2u%n", &h, &mi, &k) != 2 || k != 6) return -1;
        n += k;
        if (s[n] == ':') {
            if (sscanf(s + n, ":%2u%n", &sec, &k) != 1 || k != 3) return -1;
            n += k;
        }
    }
    if (s[n] || y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return -1;
    static const unsigned mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap)) return -1;
    *seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    return 0;
}

const char *vhart_cause_name(uint64_t cause)
{
    /* Privileged spec 1.12, table 3.6. */
    static const char *const exceptions[] = {
        "instruction address misaligned", "instruction access fault", "illegal instruction", "breakpoint",
        "load address misaligned", "load access fault", "store/AMO address misaligned", "store/AMO access fault",
        "environment call from U-mode", "environment call from S-mode", "environment call from VS-mode",
        "environment call from M-mode", "instruction page fault", "load page fault", NULL, "store/AMO page fault",
        NULL, NULL, "software check", "hardware error",
        /* H extension */
        "instruction guest-page fault", "load guest-page fault", "virtual instruction", "store/AMO guest-page fault",
    };
    static const char *const interrupts[] = {
        NULL, "supervisor software interrupt", "virtual supervisor software interrupt", "machine software interrupt",
        NULL, "supervisor timer interrupt", "virtual supervisor timer interrupt", "machine timer interrupt",
        NULL, "supervisor external interrupt", "virtual supervisor external interrupt", "machine external interrupt",
        "supervisor guest external interrupt", "counter overflow interrupt",
    };
    uint64_t code = cause & ~CAUSE_INTERRUPT;
    if (cause & CAUSE_INTERRUPT)
        return code < sizeof(interrupts) / sizeof(interrupts[0]) && interrupts[code] ? interrupts[code] : "reserved interrupt";
    return code < sizeof(exceptions) / sizeof(exceptions[0]) && exceptions[code] ? exceptions[code] : "reserved";
}

int vhart_parse_u64(const char *s, int base, uint64_t *out)
{
    char *end;
    errno = 0;
    if (s[0] < '0' || s[0] > '9') return -1;
    unsigned long long v = strtoull(s, &end, base);
    if (errno || *end) return -1;
    *out = v;
    return 0;
}

int vhart_parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    if (s[0] < '0' || s[0] > '9') return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) return -1;
    uint64_t mul = 1;
    switch (*end) {
    case 0: break;
    case 'k': case 'K': mul = 1ull << 10; end++; break;
    case 'm': case 'M': mul = 1ull << 20; end++; break;
    case 'g': case 'G': mul = 1ull << 30; end++; break;
    case 't': case 'T': mul = 1ull << 40; end++; break;
    default: return -1;
    }
    if (mul > 1 && *end == 'i') end++;
    if (mul > 1 && *end == 'B') end++;
    if (*end) return -1;
    if (v > UINT64_MAX / mul) return -1;
    *out = v * mul;
    return 0;
}
