/* Snapshot round trips (src/machine/snapshot.c) on real guests: a machine saved after N instructions,
 * run M more, loaded back and run the same M again must end in exactly the same state (every hart's
 * architectural state, all of RAM, the console output); so must a second machine built from the
 * snapshot's own configuration. Bad snapshot files (truncated, one byte flipped, not a snapshot, another
 * version, another machine) are refused with their one-line message and leave the machine as it was.
 *
 * usage: snapshot_roundtrip [--mem SIZE] [--fb WxH] [--before N] [--after M] PROGRAM.elf...
 * Exit status 0 when every check passed, 1 otherwise, 2 on bad usage. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vhart/debug.h>
#include <vhart/machine.h>
#include <vhart/snapshot.h>

#include "cpu/hart_state.h"
#include "machine/machine_internal.h"

struct out {
    char buf[1 << 16];
    size_t len;
};
static void out_write(void *opaque, const uint8_t *data, size_t len)
{
    struct out *o = opaque;
    for (size_t i = 0; i < len && o->len < sizeof(o->buf); i++) o->buf[o->len++] = (char)data[i];
}
static size_t out_read(void *opaque, uint8_t *buf, size_t len, bool *quit)
{
    (void)opaque, (void)buf, (void)len, (void)quit;
    return 0;
}
static void out_flush(void *opaque) { (void)opaque; }

/* What a run ends in. */
struct end_state {
    unsigned nharts;
    struct hart_arch harts[VHART_MAX_HARTS];
    uint8_t *ram;
    size_t ram_size;
    struct out out;
};

static int failures;
#define CHECK(cond, ...)                                        \
    do {                                                        \
        if (!(cond)) {                                          \
            fprintf(stderr, "snapshot_roundtrip: FAIL: " __VA_ARGS__); \
            fputc('\n', stderr);                                \
            failures++;                                         \
        }                                                       \
    } while (0)

static void capture(struct machine *m, const struct out *o, struct end_state *e)
{
    struct bus_region *r = bus_find(&m->bus, VHART_RAM_BASE);
    e->nharts = m->nharts;
    for (unsigned i = 0; i < m->nharts; i++) e->harts[i] = m->harts[i]->arch;
    free(e->ram);
    e->ram = malloc(r->size);
    e->ram_size = r->size;
    memcpy(e->ram, r->host, r->size);
    e->out = *o;
}

/* Compare two end states; `what` names the comparison. */
static void compare(const char *prog, const char *what, const struct end_state *a, const struct end_state *b)
{
    char why[160];
    for (unsigned i = 0; i < a->nharts; i++)
        CHECK(hart_arch_same(&a->harts[i], &b->harts[i], why, sizeof(why)), "%s: %s: hart %u: %s", prog, what, i, why);
    size_t at = 0;
    while (at < a->ram_size && a->ram[at] == b->ram[at]) at++;
    CHECK(at == a->ram_size, "%s: %s: RAM differs at 0x%zx", prog, what, (size_t)VHART_RAM_BASE + at);
    CHECK(a->out.len == b->out.len && !memcmp(a->out.buf, b->out.buf, a->out.len), "%s: %s: console output differs",
          prog, what);
}

static struct machine *make(struct vhart_config *cfg, struct out *o, struct vhart_console *con)
{
    *con = (struct vhart_console){ out_write, out_read, out_flush, -1, o };
    cfg->console = con;
    struct machine *m;
    char err[256];
    if (machine_create(cfg, &m, err, sizeof(err))) {
        fprintf(stderr, "snapshot_roundtrip: %s\n", err);
        exit(2);
    }
    return m;
}

static void step(struct machine *m, uint64_t n)
{
    struct vdbg_stop stop;
    vdbg_step(m, 0, n, &stop);
}

static void copy_file(const char *from, const char *to, long truncate_at, long flip_at, bool bad_version)
{
    FILE *f = fopen(from, "rb");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)n);
    if (fread(b, 1, (size_t)n, f) != (size_t)n) exit(2);
    fclose(f);
    if (flip_at >= 0) b[flip_at < n ? flip_at : n - 1] ^= 0x40;
    if (bad_version) b[8] = 7;
    f = fopen(to, "wb");
    fwrite(b, 1, (size_t)(truncate_at >= 0 ? truncate_at : n), f);
    fclose(f);
    free(b);
}

static void expect_refused(const char *prog, struct machine *m, const struct out *o, const char *path,
                           const char *message)
{
    struct end_state before = { 0 }, after = { 0 };
    capture(m, o, &before);
    char err[256];
    int rc = machine_loadvm(m, path, err, sizeof(err));
    CHECK(rc != 0, "%s: %s was loaded", prog, path);
    CHECK(!strcmp(err, message), "%s: loading %s said \"%s\", expected \"%s\"", prog, path, err, message);
    capture(m, o, &after);
    compare(prog, "a refused load", &before, &after);
    free(before.ram);
    free(after.ram);
}

int main(int argc, char **argv)
{
    uint64_t before = 200000, after = 300000, mem = 16 << 20;
    uint32_t fbw = 0, fbh = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--before") && i + 1 < argc) before = strtoull(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--after") && i + 1 < argc) after = strtoull(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--mem") && i + 1 < argc) vhart_parse_size(argv[++i], &mem);
        else if (!strcmp(argv[i], "--fb") && i + 1 < argc) sscanf(argv[++i], "%ux%u", &fbw, &fbh);
        else {
            fprintf(stderr, "usage: snapshot_roundtrip [--mem SIZE] [--fb WxH] [--before N] [--after M] PROGRAM.elf...\n");
            return 2;
        }
    }
    char dir[] = "/tmp/vhart-snapXXXXXX";
    if (!mkdtemp(dir)) return 2;
    char snap[300], bad[300];
    snprintf(snap, sizeof(snap), "%s/a.vhsnap", dir);
    snprintf(bad, sizeof(bad), "%s/bad.vhsnap", dir);
    for (; i < argc; i++) {
        const char *prog = argv[i];
        struct vhart_config cfg = { 0 };
        cfg.program = prog;
        cfg.mem_size = mem;
        cfg.harts = 1;
        cfg.fb_width = fbw;
        cfg.fb_height = fbh;
        struct out *oa = calloc(1, sizeof(*oa)), *ob = calloc(1, sizeof(*ob));
        struct vhart_console ca, cb;
        struct machine *a = make(&cfg, oa, &ca);
        step(a, before);
        struct out saved_out = *oa;
        char err[256];
        CHECK(machine_savevm(a, snap, err, sizeof(err)) == 0, "%s: savevm: %s", prog, err);
        step(a, after);
        struct end_state first = { 0 }, again = { 0 }, fresh = { 0 };
        capture(a, oa, &first);

        /* Back in the same machine. */
        *oa = saved_out;
        CHECK(machine_loadvm(a, snap, err, sizeof(err)) == 0, "%s: loadvm: %s", prog, err);
        step(a, after);
        capture(a, oa, &again);
        compare(prog, "loaded into the same machine", &first, &again);

        /* A new machine from the snapshot's configuration. */
        struct vhart_config cfg2 = { 0 };
        void *owner;
        CHECK(vhart_snapshot_config(snap, &cfg2, &owner, err, sizeof(err)) == 0, "%s: config: %s", prog, err);
        CHECK(cfg2.program && !strcmp(cfg2.program, prog) && cfg2.mem_size == mem, "%s: configuration differs", prog);
        struct machine *b = make(&cfg2, ob, &cb);
        *ob = saved_out;
        CHECK(machine_loadvm(b, snap, err, sizeof(err)) == 0, "%s: loadvm into a new machine: %s", prog, err);
        step(b, after);
        capture(b, ob, &fresh);
        compare(prog, "loaded into a new machine", &first, &fresh);

        /* Bad files. */
        char msg[600];
        copy_file(snap, bad, 10, -1, false);
        snprintf(msg, sizeof(msg), "%s: not a vhart snapshot", bad);
        expect_refused(prog, b, ob, bad, msg);
        copy_file(snap, bad, -1, -1, true);
        snprintf(msg, sizeof(msg), "%s: snapshot format version 7, this vhart reads version 2", bad);
        expect_refused(prog, b, ob, bad, msg);
        copy_file(snap, bad, 400, -1, false);
        snprintf(msg, sizeof(msg), "%s: truncated or corrupt snapshot", bad);
        expect_refused(prog, b, ob, bad, msg);
        copy_file(snap, bad, -1, 30, false);
        snprintf(msg, sizeof(msg), "%s: truncated or corrupt snapshot (configuration)", bad);
        expect_refused(prog, b, ob, bad, msg);
        FILE *f = fopen(snap, "rb");
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fclose(f);
        copy_file(snap, bad, -1, size - 100, false);
        snprintf(msg, sizeof(msg), "%s: truncated or corrupt snapshot", bad);
        expect_refused(prog, b, ob, bad, msg);
        copy_file(snap, "/dev/null", -1, -1, false);
        snprintf(msg, sizeof(msg), "%s/none.vhsnap: no such file", dir);
        snprintf(bad, sizeof(bad), "%s/none.vhsnap", dir);
        expect_refused(prog, b, ob, bad, msg);
        snprintf(bad, sizeof(bad), "%s/bad.vhsnap", dir);
        /* Another machine's snapshot. */
        cfg2.mem_size = mem * 2;
        struct out *oc = calloc(1, sizeof(*oc));
        struct vhart_console cc;
        struct machine *c = make(&cfg2, oc, &cc);
        snprintf(msg, sizeof(msg), "%s: taken from a machine with other memory size", snap);
        expect_refused(prog, c, oc, snap, msg);

        printf("%s: %" PRIu64 " + %" PRIu64 " instructions, round trips identical\n", prog, before, after);
        machine_destroy(c);
        vhart_snapshot_config_free(owner);
        machine_destroy(a);
        machine_destroy(b);
        free(first.ram);
        free(again.ram);
        free(fresh.ram);
        free(oa);
        free(ob);
        free(oc);
    }
    unlink(snap);
    unlink(bad);
    rmdir(dir);
    return failures ? 1 : 0;
}
