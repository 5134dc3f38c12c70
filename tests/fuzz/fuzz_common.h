/* Shared by the fuzz targets: a byte reader over the fuzz input, scratch files, a tiny RV64 ELF,
 * and the invariant check that turns a broken promise into a crash the fuzzer reports. */
#ifndef VHART_TESTS_FUZZ_COMMON_H
#define VHART_TESTS_FUZZ_COMMON_H

#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant of the code under test does not hold: report it and crash (libFuzzer keeps the input). */
#define FUZZ_CHECK(cond)                                                                         \
    do {                                                                                         \
        if (!(cond)) {                                                                           \
            fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                                             \
        }                                                                                        \
    } while (0)

/* Consume the fuzz input front to back; reads past the end give zeros. */
struct fuzz_in {
    const uint8_t *p;
    size_t left;
};
static inline uint8_t fz_u8(struct fuzz_in *in)
{
    if (!in->left) return 0;
    in->left--;
    return *in->p++;
}
static inline uint16_t fz_u16(struct fuzz_in *in) { uint16_t v = fz_u8(in); return (uint16_t)(v | fz_u8(in) << 8); }
static inline uint32_t fz_u32(struct fuzz_in *in) { uint32_t v = fz_u16(in); return v | (uint32_t)fz_u16(in) << 16; }
static inline uint64_t fz_u64(struct fuzz_in *in) { uint64_t v = fz_u32(in); return v | (uint64_t)fz_u32(in) << 32; }
/* Up to n bytes (fewer at the end); returns how many. */
static inline size_t fz_bytes(struct fuzz_in *in, void *dst, size_t n)
{
    if (n > in->left) n = in->left;
    memcpy(dst, in->p, n);
    in->p += n;
    in->left -= n;
    return n;
}

static char fuzz_tmpdir_path[256];

/* At exit: remove the scratch directory and the files in it. */
static inline void fuzz_tmpdir_remove(void)
{
    DIR *d = opendir(fuzz_tmpdir_path);
    if (!d) return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(path, sizeof(path), "%s/%s", fuzz_tmpdir_path, e->d_name);
            unlink(path);
        }
    closedir(d);
    rmdir(fuzz_tmpdir_path);
}

/* A private scratch directory (tmpfs when there is one: fsync costs nothing there), removed at exit. */
static inline const char *fuzz_tmpdir(void)
{
    char *dir = fuzz_tmpdir_path;
    if (!dir[0]) {
        const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        snprintf(dir, sizeof(fuzz_tmpdir_path), "%s/vhart-fuzz-XXXXXX", base);
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            abort();
        }
        atexit(fuzz_tmpdir_remove);
    }
    return dir;
}

/* Path of scratch file `name` in the scratch directory (a static buffer per call site's slot). */
static inline const char *fuzz_path(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/%s", fuzz_tmpdir(), name);
    return buf;
}

/* Replace the file's contents. */
static inline void fuzz_write_file(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        perror(path);
        abort();
    }
    const uint8_t *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n <= 0) {
            perror(path);
            abort();
        }
        p += n;
        len -= (size_t)n;
    }
    close(fd);
}

/* A minimal ELF64 RISC-V executable: one PT_LOAD at 0x80000000 holding `code` (entry there). */
static inline size_t fuzz_tiny_elf(uint8_t *out, size_t cap, const uint32_t *code, unsigned nwords)
{
    size_t size = 64 + 56 + 4ull * nwords;
    if (size > cap) abort();
    memset(out, 0, size);
    static const uint8_t ident[16] = { 0x7f, 'E', 'L', 'F', 2, 1, 1 };
    memcpy(out, ident, 16);
#define PUT(off, v, n) do { uint64_t v_ = (v); for (unsigned i_ = 0; i_ < (n); i_++) out[(off) + i_] = (uint8_t)(v_ >> (8 * i_)); } while (0)
    PUT(0x10, 2, 2);                /* ET_EXEC */
    PUT(0x12, 243, 2);              /* EM_RISCV */
    PUT(0x14, 1, 4);                /* EV_CURRENT */
    PUT(0x18, 0x80000000ull, 8);    /* e_entry */
    PUT(0x20, 64, 8);               /* e_phoff */
    PUT(0x34, 64, 2);               /* e_ehsize */
    PUT(0x36, 56, 2);               /* e_phentsize */
    PUT(0x38, 1, 2);                /* e_phnum */
    PUT(0x3a, 64, 2);               /* e_shentsize */
    uint8_t *ph = out + 64;
    (void)ph;
    PUT(64 + 0x00, 1, 4);           /* PT_LOAD */
    PUT(64 + 0x04, 7, 4);           /* RWX */
    PUT(64 + 0x08, 120, 8);         /* p_offset */
    PUT(64 + 0x10, 0x80000000ull, 8);
    PUT(64 + 0x18, 0x80000000ull, 8);
    PUT(64 + 0x20, 4ull * nwords, 8);
    PUT(64 + 0x28, 4ull * nwords + 0x1000, 8);   /* a page of bss after the code */
    PUT(64 + 0x30, 4, 8);
    for (unsigned i = 0; i < nwords; i++) PUT(120 + 4 * i, code[i], 4);
#undef PUT
    return size;
}

/* The program the machine-level targets run: a loop of loads and stores to its bss
 * (so watchpoints can fire), never leaving M-mode and never sleeping. */
static inline size_t fuzz_loop_elf(uint8_t *out, size_t cap)
{
    static const uint32_t code[] = {
        0x00000297,   /* auipc t0, 0 */
        0x10028293,   /* addi  t0, t0, 256   (into the bss page) */
        0x00150513,   /* 1: addi a0, a0, 1 */
        0x00a2b023,   /* sd    a0, 0(t0) */
        0x0002b583,   /* ld    a1, 0(t0) */
        0x00b50633,   /* add   a2, a0, a1 */
        0xff1ff06f,   /* j     1b */
    };
    return fuzz_tiny_elf(out, cap, code, sizeof(code) / sizeof(code[0]));
}

#endif
