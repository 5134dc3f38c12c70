/* The streamed snapshot (src/machine/snapshot.c, snapshot_io.c, snapshot_ram.c): the file's compressed
 * stream holds exactly the payload saved in memory; RAM pages with the same bytes are saved once and
 * come back in every place; a payload cut at every section boundary (and inside the RAM section), a
 * file cut anywhere in its stream or with a byte flipped, and a RAM directory that is out of order or
 * copies a page not saved before it are all refused, and each refusal leaves the machine exactly as it
 * was (every hart's architectural state and all of RAM); a source that changes between the check and
 * the apply is refused with the harts put back.
 *
 * usage: snapshot_stream PROGRAM.elf      Exit status 0 when every check passed, 1 otherwise, 2 on bad usage. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include <vhart/debug.h>
#include <vhart/machine.h>
#include <vhart/snapshot.h>

#include "cpu/hart_state.h"
#include "machine/machine_internal.h"
#include "machine/snapshot_internal.h"
#include "util/endian.h"
#include "util/statebuf.h"

#define PAGE 4096u

static int failures;
#define CHECK(cond, ...)                                             \
    do {                                                             \
        if (!(cond)) {                                               \
            fprintf(stderr, "snapshot_stream: FAIL: " __VA_ARGS__);  \
            fputc('\n', stderr);                                     \
            failures++;                                              \
        }                                                            \
    } while (0)

struct state {
    struct hart_arch hart;
    uint8_t *ram;
    size_t size;
};

static struct bus_region *ram(struct machine *m) { return bus_find(&m->bus, VHART_RAM_BASE); }

static void capture(struct machine *m, struct state *s)
{
    s->hart = m->harts[0]->arch;
    s->size = ram(m)->size;
    free(s->ram);
    s->ram = malloc(s->size);
    memcpy(s->ram, ram(m)->host, s->size);
}

static bool same(struct machine *m, const struct state *s, const char *what)
{
    char why[160];
    bool ok = true;
    if (!hart_arch_same(&s->hart, &m->harts[0]->arch, why, sizeof(why))) {
        CHECK(false, "%s: hart: %s", what, why);
        ok = false;
    }
    if (memcmp(s->ram, ram(m)->host, s->size)) {
        CHECK(false, "%s: RAM differs", what);
        ok = false;
    }
    return ok;
}

static void step(struct machine *m, uint64_t n)
{
    struct vdbg_stop stop;
    vdbg_step(m, 0, n, &stop);
}

static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) exit(2);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)n + 1);
    if (fread(b, 1, (size_t)n, f) != (size_t)n) exit(2);
    fclose(f);
    *len = (size_t)n;
    return b;
}

static void write_all(const char *path, const uint8_t *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b, 1, n, f) != n) exit(2);
    fclose(f);
}

/* Load must fail (with `message` when not NULL) and change nothing. */
static void expect_payload_refused(struct machine *m, const uint8_t *p, size_t n, const char *what, const char *message)
{
    struct state before = { 0 };
    capture(m, &before);
    char err[512] = "";
    int rc = snapshot_load_payload(m, p, n, err, sizeof(err));
    CHECK(rc != 0, "%s: loaded", what);
    CHECK(err[0], "%s: no message", what);
    if (message) CHECK(strstr(err, message) != NULL, "%s: said \"%s\", expected \"%s\"", what, err, message);
    same(m, &before, what);
    free(before.ram);
}

/* A source that gives the payload on the first pass and only its first `short_len` bytes on the
 * second: a file rewritten between the passes. */
struct changing {
    struct snap_mem_source mem;
    size_t short_len;
};

static bool changing_rewind(struct snap_source *s)
{
    struct changing *c = (struct changing *)s;
    c->mem.len = c->short_len;
    c->mem.pos = 0;
    return true;
}

static void expect_file_refused(struct machine *m, const char *path, const char *what)
{
    struct state before = { 0 };
    capture(m, &before);
    char err[700], want[600];
    int rc = machine_loadvm(m, path, err, sizeof(err));
    snprintf(want, sizeof(want), "%s: truncated or corrupt snapshot", path);
    CHECK(rc != 0, "%s: loaded", what);
    CHECK(rc == 0 || !strcmp(err, want), "%s: said \"%s\", expected \"%s\"", what, err, want);
    same(m, &before, what);
    free(before.ram);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: snapshot_stream PROGRAM.elf\n");
        return 2;
    }
    struct vhart_config cfg = { 0 };
    cfg.program = argv[1];
    cfg.mem_size = 8 << 20;
    cfg.harts = 1;
    cfg.icount = true;   /* mtime from instructions: two saves of the same state are the same bytes */
    struct machine *m;
    char err[700];
    if (machine_create(&cfg, &m, err, sizeof(err))) {
        fprintf(stderr, "snapshot_stream: %s\n", err);
        return 2;
    }
    step(m, 50000);
    /* Three pages with the same bytes far apart in RAM, and one of other bytes: saved once, copied twice. */
    uint8_t *host = ram(m)->host;
    size_t size = ram(m)->size;
    for (unsigned i = 0; i < PAGE; i++) host[size - 3 * PAGE + i] = (uint8_t)(i * 7 + 1);
    memcpy(host + size - 5 * PAGE, host + size - 3 * PAGE, PAGE);
    memcpy(host + size - 7 * PAGE, host + size - 3 * PAGE, PAGE);
    host[size - 9 * PAGE] = 1;
    struct state saved = { 0 }, later = { 0 };
    capture(m, &saved);

    /* The payload in memory and its RAM directory. */
    void *pv;
    size_t plen;
    CHECK(snapshot_save_payload(m, &pv, &plen) == 0, "save_payload");
    uint8_t *p = pv;
    size_t bounds[64], nb = 0, at = 0, ram_at = 0;
    while (at + STATE_SECTION_HEADER <= plen && nb < 60) {
        char tag[STATE_TAG_LEN + 1];
        uint32_t version;
        uint64_t len;
        state_section_header_parse(p + at, tag, &version, &len);
        bounds[nb++] = at;
        if (!strcmp(tag, "ram")) ram_at = at;
        at += STATE_SECTION_HEADER + len;
    }
    CHECK(at == plen && ram_at, "the payload's sections do not add up (%zu of %zu bytes)", at, plen);
    const uint8_t *rh = p + ram_at + STATE_SECTION_HEADER;
    uint64_t n = le_load64(rh + 8), refs = 0;
    for (uint64_t i = 0; i < n; i++) refs += le_load32(rh + 16 + 8 * i + 4) != 0xffffffffu;
    CHECK(refs == 2, "%llu pages saved as references to an earlier one, expected 2", (unsigned long long)refs);

    /* The file's stream is the payload, byte for byte. */
    char dir[] = "/tmp/vhart-streamXXXXXX";
    if (!mkdtemp(dir)) return 2;
    char snap[300], bad[300];
    snprintf(snap, sizeof(snap), "%s/a.vhsnap", dir);
    snprintf(bad, sizeof(bad), "%s/bad.vhsnap", dir);
    CHECK(machine_savevm(m, snap, err, sizeof(err)) == 0, "savevm: %s", err);
    size_t flen;
    uint8_t *file = read_all(snap, &flen);
    size_t frame = 24 + le_load32(file + 12);
    uint8_t *out = malloc(plen + 1);
    size_t got = ZSTD_decompress(out, plen + 1, file + frame, flen - frame);
    CHECK(!ZSTD_isError(got) && got == plen && !memcmp(out, p, plen), "the file's stream is not the payload (%s, %zu bytes)",
          ZSTD_isError(got) ? ZSTD_getErrorName(got) : "decompressed", got);
    free(out);

    /* Both come back: RAM (the copies too) and the hart. */
    step(m, 50000);
    memset(host + size - 5 * PAGE, 0x55, PAGE);
    capture(m, &later);
    CHECK(snapshot_load_payload(m, p, plen, err, sizeof(err)) == 0, "load_payload: %s", err);
    same(m, &saved, "the payload loaded");
    step(m, 50000);
    CHECK(machine_loadvm(m, snap, err, sizeof(err)) == 0, "loadvm: %s", err);
    same(m, &saved, "the file loaded");
    step(m, 50000);

    /* Cut at every section boundary, and inside the RAM section: after its header, in its directory,
     * in its first page, one byte short. */
    for (size_t i = 0; i < nb; i++) {
        char what[80];
        snprintf(what, sizeof(what), "a payload cut at byte %zu (a section boundary)", bounds[i]);
        expect_payload_refused(m, p, bounds[i], what, "truncated");
    }
    size_t inside[] = { ram_at + STATE_SECTION_HEADER, ram_at + STATE_SECTION_HEADER + 20,
                        ram_at + STATE_SECTION_HEADER + 16 + 8 * n + 100, plen - 1 };
    for (size_t i = 0; i < sizeof(inside) / sizeof(inside[0]); i++) {
        char what[80];
        snprintf(what, sizeof(what), "a payload cut at byte %zu (in the RAM section)", inside[i]);
        expect_payload_refused(m, p, inside[i], what, NULL);
    }
    /* A byte too many. */
    uint8_t *longer = malloc(plen + 1);
    memcpy(longer, p, plen);
    longer[plen] = 0;
    expect_payload_refused(m, longer, plen + 1, "a payload with a byte after it", "after the last section");
    free(longer);
    /* The directory broken: a page out of order, a page copying a later one. */
    uint8_t *q = malloc(plen);
    uint8_t *dirp = q + ram_at + STATE_SECTION_HEADER + 16;
    memcpy(q, p, plen);
    le_store32(dirp + 8, le_load32(dirp));
    expect_payload_refused(m, q, plen, "a RAM directory out of order", "out of order");
    memcpy(q, p, plen);
    for (uint64_t i = 0; i < n; i++)
        if (le_load32(dirp + 8 * i + 4) != 0xffffffffu) {
            le_store32(dirp + 8 * i + 4, le_load32(dirp + 8 * i) + 1);
            break;
        }
    expect_payload_refused(m, q, plen, "a RAM page copying a later one", "copies a page not saved before it");
    free(q);

    /* The file cut at 16 places in its stream, and a byte flipped at 16 places. */
    for (unsigned i = 0; i < 16; i++) {
        size_t cut = frame + (flen - frame) * i / 16;
        char what[80];
        write_all(bad, file, cut);
        snprintf(what, sizeof(what), "a file cut at byte %zu of %zu", cut, flen);
        expect_file_refused(m, bad, what);
        size_t flip = frame + 1 + (flen - frame - 1) * i / 16;
        file[flip] ^= 0x10;
        write_all(bad, file, flen);
        snprintf(what, sizeof(what), "a file with byte %zu of %zu flipped", flip, flen);
        expect_file_refused(m, bad, what);
        file[flip] ^= 0x10;
    }
    /* A file with bytes after its stream. */
    uint8_t *more = malloc(flen + 3);
    memcpy(more, file, flen);
    memcpy(more + flen, "xyz", 3);
    write_all(bad, more, flen + 3);
    expect_file_refused(m, bad, "a file with bytes after its stream");
    free(more);

    /* A source whose bytes change between the check and the apply: refused, the hart put back (RAM
     * is partly loaded then, and said to be). */
    {
        struct changing c;
        snap_mem_source_init(&c.mem, p, plen);
        c.mem.base.rewind = changing_rewind;
        c.short_len = plen - PAGE;
        struct hart_arch before = m->harts[0]->arch;
        char why[160];
        int rc = snapshot_load_source(m, &c.mem.base, err, sizeof(err));
        CHECK(rc != 0, "a source changed between the passes was loaded");
        CHECK(strstr(err, "changed while loading") && strstr(err, "RAM is partly loaded"), "changed source said \"%s\"", err);
        CHECK(hart_arch_same(&before, &m->harts[0]->arch, why, sizeof(why)), "changed source: hart: %s", why);
    }

    /* And after all of it the good file still loads. */
    CHECK(machine_loadvm(m, snap, err, sizeof(err)) == 0, "loadvm at the end: %s", err);
    same(m, &saved, "the file loaded at the end");
    if (!failures) printf("snapshot_stream: %zu sections, %llu RAM pages (2 saved as copies), every refusal left the machine as it was\n",
                          nb, (unsigned long long)n);
    unlink(snap);
    unlink(bad);
    rmdir(dir);
    free(file);
    free(p);
    free(saved.ram);
    free(later.ram);
    machine_destroy(m);
    return failures ? 1 : 0;
}
