/* Snapshots and disks (src/machine/disks.c, docs/snapshots.md), driven through the library on a machine
 * that does not run (the guest's requests are made through the drive's block backend):
 *   - --snapshot (cfg.snapshot_disks): the overlay's blocks go into the snapshot and come back on
 *     load, into the same machine and into a new one made from the snapshot's configuration, replacing
 *     what the overlay held; the image file is never written (same bytes, same mtime); a machine
 *     without --snapshot, or an image modified since, is refused with its one line;
 *   - disks written in place: a snapshot loads while the image holds what the machine saw; refused
 *     when the image was written since (same open, or another mtime), when it was replaced by a copy
 *     with the same mtime whose written blocks differ, or when its size changed; accepted from an
 *     identical copy (another inode, same mtime), whose record then covers the earlier writes.
 *
 * usage: snapshot_disks PROGRAM.elf   (any bare-metal ELF: the machine's program)
 * Exit status 0 when every check passed, 1 otherwise, 2 on bad usage. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vhart/machine.h>
#include <vhart/snapshot.h>

#include "machine/disks.h"
#include "machine/machine_internal.h"

#define IMAGE_SIZE (1u << 20)
#define G 4096u

static int failures;
#define CHECK(cond, ...)                                          \
    do {                                                          \
        if (!(cond)) {                                            \
            fprintf(stderr, "snapshot_disks: FAIL: " __VA_ARGS__); \
            fputc('\n', stderr);                                  \
            failures++;                                           \
        }                                                         \
    } while (0)

static const char *program;
static char dir[] = "/tmp/vhart-snapdisksXXXXXX";

static uint8_t image_byte(size_t i) { return (uint8_t)(i * 31u + (i >> 10) + 5u); }

static void write_file(const char *path, const uint8_t *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(bytes, 1, n, f) != n || fclose(f) != 0) {
        fprintf(stderr, "snapshot_disks: cannot write %s\n", path);
        exit(2);
    }
}

static uint8_t *read_file(const char *path, size_t n)
{
    uint8_t *b = malloc(n + 1);
    FILE *f = fopen(path, "rb");
    size_t got = f ? fread(b, 1, n + 1, f) : 0;
    if (f) fclose(f);
    if (got != n) {
        fprintf(stderr, "snapshot_disks: %s is %zu bytes, want %zu\n", path, got, n);
        exit(2);
    }
    return b;
}

static struct timespec mtime_of(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) exit(2);
    return st.st_mtim;
}

static void set_mtime(const char *path, struct timespec t)
{
    struct timespec both[2] = { t, t };
    if (utimensat(AT_FDCWD, path, both, 0) != 0) exit(2);
}

static struct machine *make(const char *drive, bool snapshot)
{
    struct vhart_config cfg = { 0 };
    cfg.program = program;
    cfg.mem_size = 16 << 20;
    cfg.harts = 1;
    cfg.drives[0] = drive;
    cfg.ndrives = 1;
    cfg.snapshot_disks = snapshot;
    struct machine *m;
    char err[512];
    if (machine_create(&cfg, &m, err, sizeof(err))) {
        fprintf(stderr, "snapshot_disks: %s\n", err);
        exit(2);
    }
    return m;
}

/* The guest's view of drive 0: the backend its virtio-blk device uses. */
static struct block_backend *drive(struct machine *m) { return &m->blks[0].be; }

static void put(struct machine *m, uint64_t off, size_t n, uint8_t v)
{
    uint8_t *b = malloc(n);
    memset(b, v, n);
    CHECK(drive(m)->write(drive(m)->opaque, off, b, n) == 0, "write of %zu bytes at %llu failed", n,
          (unsigned long long)off);
    free(b);
}

/* The whole disk as the guest reads it equals `want`. */
static void expect_disk(struct machine *m, const uint8_t *want, const char *what)
{
    uint8_t *got = malloc(IMAGE_SIZE);
    CHECK(drive(m)->read(drive(m)->opaque, 0, got, IMAGE_SIZE) == 0, "%s: read failed", what);
    size_t at = 0;
    while (at < IMAGE_SIZE && got[at] == want[at]) at++;
    CHECK(at == IMAGE_SIZE, "%s: the guest reads 0x%02x at %zu, want 0x%02x", what, got[at], at, want[at]);
    free(got);
}

static void expect_refused(struct machine *m, const char *snap, const char *message, int code)
{
    char err[1024];
    int rc = machine_loadvm(m, snap, err, sizeof(err));
    CHECK(rc == code, "loading %s returned %d, want %d (%s)", snap, rc, code, rc ? err : "loaded");
    CHECK(rc == 0 || !strcmp(err, message), "loading %s said \"%s\", want \"%s\"", snap, err, message);
}

static void save(struct machine *m, const char *snap)
{
    char err[1024];
    CHECK(machine_savevm(m, snap, err, sizeof(err)) == 0, "savevm %s: %s", snap, err);
}

static void load(struct machine *m, const char *snap, const char *what)
{
    char err[1024];
    CHECK(machine_loadvm(m, snap, err, sizeof(err)) == 0, "%s: loadvm: %s", what, err);
}

static void overlay_case(void)
{
    char img[300], snap[300], msg[1024];
    snprintf(img, sizeof(img), "%s/overlay.img", dir);
    snprintf(snap, sizeof(snap), "%s/overlay.vhsnap", dir);
    uint8_t *image = malloc(IMAGE_SIZE), *want = malloc(IMAGE_SIZE);
    for (size_t i = 0; i < IMAGE_SIZE; i++) image[i] = image_byte(i);
    write_file(img, image, IMAGE_SIZE);
    struct timespec t0 = { 1500000000, 987654321 };
    set_mtime(img, t0);

    struct machine *a = make(img, true);
    CHECK(a->blockfiles[0].read_only, "--snapshot: the image is open for writing");
    CHECK(a->disks[0].mode == DISK_OVERLAY, "--snapshot: drive 0 has no overlay");
    memcpy(want, image, IMAGE_SIZE);
    put(a, 0, G, 0xa1);
    memset(want, 0xa1, G);
    put(a, 10 * G + 512, 1024, 0xa2);
    memset(want + 10 * G + 512, 0xa2, 1024);
    CHECK(drive(a)->write_zeroes(drive(a)->opaque, 64 * G, 16 * G, true) == 0, "write-zeroes failed");
    memset(want + 64 * G, 0, 16 * G);
    put(a, IMAGE_SIZE - 512, 512, 0xa3);
    memset(want + IMAGE_SIZE - 512, 0xa3, 512);
    expect_disk(a, want, "--snapshot, before saving");
    save(a, snap);

    /* Writes after the save, over saved blocks and elsewhere; the load forgets them. */
    put(a, 0, 2 * G, 0xb1);
    put(a, 100 * G, G, 0xb2);
    CHECK(drive(a)->discard(drive(a)->opaque, 10 * G, G) == 0, "discard failed");
    load(a, snap, "--snapshot, same machine");
    expect_disk(a, want, "--snapshot, loaded into the same machine");
    CHECK(a->disks[0].ov.data_granules == 3 && a->disks[0].ov.zero_granules == 16,
          "--snapshot: overlay holds %llu data and %llu zero granules after the load, want 3 and 16",
          (unsigned long long)a->disks[0].ov.data_granules, (unsigned long long)a->disks[0].ov.zero_granules);

    /* A new machine from the snapshot's own configuration gets an overlay too. */
    struct vhart_config cfg = { 0 };
    void *owner;
    char err[1024];
    CHECK(vhart_snapshot_config(snap, &cfg, &owner, err, sizeof(err)) == 0, "config: %s", err);
    CHECK(cfg.snapshot_disks && cfg.ndrives == 1 && !strcmp(cfg.drives[0], img),
          "the snapshot's configuration has snapshot_disks %d, %u drives", cfg.snapshot_disks, cfg.ndrives);
    struct machine *b;
    if (machine_create(&cfg, &b, err, sizeof(err))) {
        fprintf(stderr, "snapshot_disks: %s\n", err);
        exit(2);
    }
    put(b, 50 * G, G, 0xc1);   /* replaced by the load */
    load(b, snap, "--snapshot, new machine");
    expect_disk(b, want, "--snapshot, loaded into a new machine");

    /* The image: never written. */
    uint8_t *now = read_file(img, IMAGE_SIZE);
    CHECK(!memcmp(now, image, IMAGE_SIZE), "--snapshot: the image file changed");
    struct timespec t = mtime_of(img);
    CHECK(t.tv_sec == t0.tv_sec && t.tv_nsec == t0.tv_nsec, "--snapshot: the image's mtime changed");
    free(now);
    machine_destroy(a);
    machine_destroy(b);
    vhart_snapshot_config_free(owner);   /* b's configuration strings */

    /* Without --snapshot, the same drive is another machine. */
    struct machine *c = make(img, false);
    snprintf(msg, sizeof(msg), "%s: taken from a machine with other --snapshot setting", snap);
    expect_refused(c, snap, msg, VHART_ERR_CONFIG);
    machine_destroy(c);

    /* An image modified after the snapshot: the overlay would lie on other blocks. */
    struct timespec t1 = { 1500000001, 0 };
    set_mtime(img, t1);
    struct machine *d = make(img, true);
    snprintf(msg, sizeof(msg), "%s: disk %s was modified after the snapshot was taken", snap, img);
    expect_refused(d, snap, msg, VHART_ERR_CONFIG);
    memcpy(want, image, IMAGE_SIZE);
    expect_disk(d, want, "--snapshot, after a refused load");
    machine_destroy(d);
    printf("--snapshot: overlay saved and loaded (same machine, new machine), image untouched, mismatches refused\n");
    free(image);
    free(want);
}

static void in_place_case(void)
{
    char img[300], snap[300], copy[300], msg[1024];
    snprintf(img, sizeof(img), "%s/inplace.img", dir);
    snprintf(copy, sizeof(copy), "%s/inplace.copy", dir);
    snprintf(snap, sizeof(snap), "%s/inplace.vhsnap", dir);
    uint8_t *image = malloc(IMAGE_SIZE);
    for (size_t i = 0; i < IMAGE_SIZE; i++) image[i] = image_byte(i);
    write_file(img, image, IMAGE_SIZE);

    /* The same machine: loads while nothing was written since; refused after a write. */
    struct machine *a = make(img, false);
    CHECK(a->disks[0].mode == DISK_IN_PLACE, "drive 0 is not written in place");
    put(a, 3 * G, G, 0x31);
    save(a, snap);
    load(a, snap, "in place, nothing written since");
    put(a, 200 * G, 512, 0x32);   /* elsewhere: the count of requests tells */
    snprintf(msg, sizeof(msg), "%s: disk %s was modified after the snapshot was taken", snap, img);
    expect_refused(a, snap, msg, VHART_ERR_CONFIG);
    machine_destroy(a);
    /* A later run: the mtime tells. */
    struct machine *b = make(img, false);
    expect_refused(b, snap, msg, VHART_ERR_CONFIG);
    machine_destroy(b);

    /* A fresh start: write, save, stop. */
    write_file(img, image, IMAGE_SIZE);
    struct machine *c = make(img, false);
    put(c, 5 * G, 1024, 0x51);
    put(c, 6 * G, G, 0x52);
    save(c, snap);
    machine_destroy(c);
    uint8_t *after = read_file(img, IMAGE_SIZE);
    struct timespec saved_mtime = mtime_of(img);

    /* The image replaced by a copy from before the writes, given the same mtime. */
    write_file(copy, image, IMAGE_SIZE);
    set_mtime(copy, saved_mtime);
    CHECK(rename(copy, img) == 0, "rename: %s", strerror(errno));
    struct machine *d = make(img, false);
    snprintf(msg, sizeof(msg), "%s: disk %s does not hold what the guest wrote to it before the snapshot (another copy?)",
             snap, img);
    expect_refused(d, snap, msg, VHART_ERR_CONFIG);
    machine_destroy(d);

    /* An identical copy (another inode, same bytes and mtime, as cp -p makes) is the same disk. */
    write_file(copy, after, IMAGE_SIZE);
    set_mtime(copy, saved_mtime);
    CHECK(rename(copy, img) == 0, "rename: %s", strerror(errno));
    struct machine *e = make(img, false);
    load(e, snap, "in place, identical copy");
    CHECK(writeset_has(&e->disks[0].ws, 5) && writeset_has(&e->disks[0].ws, 6) && !writeset_has(&e->disks[0].ws, 4),
          "the loaded machine's record does not hold the granules written before the snapshot");
    machine_destroy(e);

    /* Another size. */
    CHECK(truncate(img, IMAGE_SIZE + 512) == 0, "truncate: %s", strerror(errno));
    struct machine *f = make(img, false);
    snprintf(msg, sizeof(msg), "%s: disk %s is %u bytes, it was %u when saved", snap, img, IMAGE_SIZE + 512, IMAGE_SIZE);
    expect_refused(f, snap, msg, VHART_ERR_CONFIG);
    machine_destroy(f);
    printf("in place: loads while the image holds what the machine saw; written since, another copy, another size refused\n");
    free(image);
    free(after);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: snapshot_disks PROGRAM.elf\n");
        return 2;
    }
    program = argv[1];
    if (!mkdtemp(dir)) return 2;
    setenv("TMPDIR", dir, 1);   /* the overlays' temporary files: must leave nothing behind */
    overlay_case();
    in_place_case();
    const char *names[] = { "overlay.img", "overlay.vhsnap", "inplace.img", "inplace.vhsnap" };
    char path[400];
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        unlink(path);
    }
    CHECK(rmdir(dir) == 0, "%s holds more than the test made (a temporary file left behind?): %s", dir, strerror(errno));
    return failures ? 1 : 0;
}
