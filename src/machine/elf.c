/* ELF64 loader for RISC-V images (System V gABI, RISC-V ELF psABI): header validation with a
 * precise one-line error for each way a file can be wrong, PT_LOAD placement, symbols. */
#include "elf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../mem/bus.h"
#include "../util/endian.h"

#define EM_RISCV 243
#define ET_EXEC 2
#define ET_DYN 3
#define PT_LOAD 1
#define PT_INTERP 3
#define PT_NOTE 4
#define NT_GNU_ABI_TAG 1
#define ELFOSABI_GNU 3
#define SHT_SYMTAB 2
#define SHF_EXECINSTR 0x4
#define STT_FUNC 2

/* Field readers: the file is little-endian whatever the host is. */
static uint16_t r16(const uint8_t *p) { return le_load16(p); }
static uint32_t r32(const uint8_t *p) { return le_load32(p); }
static uint64_t r64(const uint8_t *p) { return le_load64(p); }

/* Bounds check of [off, off+len) within the file without overflow. */
static int in_file(const struct elf_image *img, uint64_t off, uint64_t len)
{
    return off <= img->size && len <= img->size - off;
}

static void read_symbols(struct elf_image *img)
{
    const uint8_t *d = img->data;
    uint64_t shoff = r64(d + 0x28);
    unsigned shentsize = r16(d + 0x3a), shnum = r16(d + 0x3c);
    if (shoff == 0 || shentsize < 64 || !in_file(img, shoff, (uint64_t)shnum * shentsize)) return;
    for (unsigned i = 0; i < shnum; i++) {
        const uint8_t *sh = d + shoff + (uint64_t)i * shentsize;
        if (r32(sh + 4) != SHT_SYMTAB) continue;
        uint64_t off = r64(sh + 0x18), size = r64(sh + 0x20), entsize = r64(sh + 0x38);
        unsigned link = r32(sh + 0x28);
        if (entsize < 24 || link >= shnum || !in_file(img, off, size)) continue;
        const uint8_t *strsh = d + shoff + (uint64_t)link * shentsize;
        uint64_t stroff = r64(strsh + 0x18), strsize = r64(strsh + 0x20);
        if (!in_file(img, stroff, strsize) || strsize == 0) continue;
        uint64_t n = size / entsize;
        struct elf_symbol *syms = calloc(n ? n : 1, sizeof(*syms));
        if (!syms) return;
        size_t count = 0;
        for (uint64_t k = 0; k < n; k++) {
            const uint8_t *s = d + off + k * entsize;
            uint32_t name = r32(s);
            if (name == 0 || name >= strsize) continue;
            const char *str = (const char *)d + stroff + name;
            size_t maxlen = strsize - name;
            if (!memchr(str, 0, maxlen)) continue;
            syms[count].name = strdup(str);
            syms[count].value = r64(s + 8);
            syms[count].size = r64(s + 16);
            syms[count].is_func = (s[4] & 0xf) == STT_FUNC;
            syms[count].absolute = r16(s + 6) == 0xfff1;   /* SHN_ABS */
            if (syms[count].name) count++;
        }
        img->symbols = syms;
        img->symbol_count = count;
        return;
    }
}

int elf_open(const char *path, struct elf_image *img, char *err, size_t err_len)
{
    memset(img, 0, sizeof(*img));
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        fclose(f);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, err_len, "%s: %s", path, S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
        fclose(f);
        return -1;
    }
    long len = (long)st.st_size;
    img->size = (size_t)len;
    img->data = malloc(img->size ? img->size : 1);
    if (!img->data || fread(img->data, 1, img->size, f) != img->size) {
        snprintf(err, err_len, "%s: cannot read (%s)", path, img->data ? "short read" : "out of memory");
        fclose(f);
        elf_close(img);
        return -1;
    }
    fclose(f);
    const uint8_t *d = img->data;
    if (img->size == 0) {
        snprintf(err, err_len, "%s: empty file, not an ELF program", path);
        goto fail;
    }
    if (img->size < 4 || memcmp(d, "\177ELF", 4) != 0) {
        snprintf(err, err_len, "%s: not an ELF file", path);
        goto fail;
    }
    if (img->size < 64) {
        snprintf(err, err_len, "%s: truncated ELF header (%zu bytes)", path, img->size);
        goto fail;
    }
    if (d[4] != 2) {
        snprintf(err, err_len, "%s: not a 64-bit ELF (class %u); vhart runs RV64 programs", path, d[4]);
        goto fail;
    }
    if (d[5] != 1) {
        snprintf(err, err_len, "%s: not a little-endian ELF", path);
        goto fail;
    }
    if (r16(d + 0x12) != EM_RISCV) {
        snprintf(err, err_len, "%s: not a RISC-V ELF (e_machine %u)", path, r16(d + 0x12));
        goto fail;
    }
    unsigned type = r16(d + 0x10);
    if (type != ET_EXEC && type != ET_DYN) {
        snprintf(err, err_len, "%s: not an executable ELF (e_type %u)", path, type);
        goto fail;
    }
    uint64_t phoff = r64(d + 0x20);
    unsigned phentsize = r16(d + 0x36), phnum = r16(d + 0x38);
    if (phnum == 0 || phentsize < 56 || !in_file(img, phoff, (uint64_t)phnum * phentsize)) {
        snprintf(err, err_len, "%s: truncated or missing program headers", path);
        goto fail;
    }
    unsigned loads = 0;
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = d + phoff + (uint64_t)i * phentsize;
        if (r32(ph) != PT_LOAD) continue;
        loads++;
        uint64_t off = r64(ph + 8), filesz = r64(ph + 0x20), memsz = r64(ph + 0x28);
        if (!in_file(img, off, filesz)) {
            snprintf(err, err_len, "%s: truncated (segment %u data lies beyond the end of the file)", path, i);
            goto fail;
        }
        if (memsz < filesz) {
            snprintf(err, err_len, "%s: malformed segment %u (memory size smaller than file size)", path, i);
            goto fail;
        }
    }
    if (loads == 0) {
        snprintf(err, err_len, "%s: no loadable segments", path);
        goto fail;
    }
    img->entry = r64(d + 0x18);
    read_symbols(img);
    return 0;
fail:
    elf_close(img);
    return -1;
}

int elf_load(const struct elf_image *img, struct bus *b, const char *path, char *err, size_t err_len)
{
    const uint8_t *d = img->data;
    uint64_t phoff = r64(d + 0x20);
    unsigned phentsize = r16(d + 0x36), phnum = r16(d + 0x38);
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = d + phoff + (uint64_t)i * phentsize;
        if (r32(ph) != PT_LOAD) continue;
        uint64_t off = r64(ph + 8), paddr = r64(ph + 0x18), filesz = r64(ph + 0x20), memsz = r64(ph + 0x28);
        if (memsz == 0) continue;
        uint8_t *dst = bus_host_ptr(b, paddr, memsz);
        struct bus_region *r = bus_find(b, paddr);
        if (!dst || !r || r->read_only) {
            snprintf(err, err_len, "%s: segment at 0x%llx (0x%llx bytes) lies outside RAM", path,
                     (unsigned long long)paddr, (unsigned long long)memsz);
            return -1;
        }
        memcpy(dst, d + off, (size_t)filesz);
        memset(dst + filesz, 0, (size_t)(memsz - filesz));
        bus_memory_written(b, r, paddr, memsz);
    }
    return 0;
}

/* A program for a hosted OS (Linux) rather than for the bare machine: it asks for a program
 * interpreter (PT_INTERP: dynamically linked), carries the GNU ABI tag note that glibc's start-up
 * files put in every program, static or not (NT_GNU_ABI_TAG, .note.ABI-tag), or says ELFOSABI_GNU.
 * None of these appears in firmware, kernels or bare-metal programs. */
int elf_hosted_program(const struct elf_image *img, char *why, size_t why_len)
{
    const uint8_t *d = img->data;
    uint64_t phoff = r64(d + 0x20);
    unsigned phentsize = r16(d + 0x36), phnum = r16(d + 0x38);
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = d + phoff + (uint64_t)i * phentsize;
        uint64_t off = r64(ph + 8), filesz = r64(ph + 0x20);
        if (r32(ph) == PT_INTERP) {
            if (in_file(img, off, filesz) && filesz > 1 && filesz < 256 && memchr(d + off, 0, filesz))
                snprintf(why, why_len, "dynamically linked, interpreter %s", (const char *)d + off);
            else
                snprintf(why, why_len, "dynamically linked");
            return 1;
        }
        if (r32(ph) != PT_NOTE || !in_file(img, off, filesz)) continue;
        /* Notes: namesz, descsz, type, name (padded to 4), desc (padded to 4). */
        for (uint64_t p = 0; p + 12 <= filesz;) {
            const uint8_t *n = d + off + p;
            uint64_t namesz = r32(n), descsz = r32(n + 4), next = 12 + ((namesz + 3) & ~3ull) + ((descsz + 3) & ~3ull);
            if (next > filesz - p) break;
            if (r32(n + 8) == NT_GNU_ABI_TAG && namesz == 4 && memcmp(n + 12, "GNU", 4) == 0 && descsz >= 16) {
                static const char *const os[] = { "Linux", "Hurd", "Solaris", "FreeBSD" };
                uint32_t k = r32(n + 16);
                snprintf(why, why_len, "static, with a GNU ABI tag for %s %u.%u", k < 4 ? os[k] : "another OS",
                         r32(n + 20), r32(n + 24));
                return 1;
            }
            p += next;
        }
    }
    if (d[7] == ELFOSABI_GNU) {
        snprintf(why, why_len, "OS/ABI GNU/Linux");
        return 1;
    }
    return 0;
}

int elf_symbol(const struct elf_image *img, const char *name, uint64_t *value)
{
    for (size_t i = 0; i < img->symbol_count; i++)
        if (strcmp(img->symbols[i].name, name) == 0) {
            *value = img->symbols[i].value;
            return 0;
        }
    *value = 0;
    return -1;
}

void elf_for_each_exec_section(const struct elf_image *img, elf_section_fn fn, void *ctx)
{
    const uint8_t *d = img->data;
    uint64_t shoff = r64(d + 0x28);
    unsigned shentsize = r16(d + 0x3a), shnum = r16(d + 0x3c), shstrndx = r16(d + 0x3e);
    if (shoff == 0 || shentsize < 64 || !in_file(img, shoff, (uint64_t)shnum * shentsize) || shstrndx >= shnum)
        return;
    const uint8_t *strsh = d + shoff + (uint64_t)shstrndx * shentsize;
    uint64_t stroff = r64(strsh + 0x18), strsize = r64(strsh + 0x20);
    if (!in_file(img, stroff, strsize)) return;
    for (unsigned i = 0; i < shnum; i++) {
        const uint8_t *sh = d + shoff + (uint64_t)i * shentsize;
        uint64_t flags = r64(sh + 8), addr = r64(sh + 0x10), off = r64(sh + 0x18), size = r64(sh + 0x20);
        uint32_t name = r32(sh), type = r32(sh + 4);
        if (!(flags & SHF_EXECINSTR) || type == 8 /* NOBITS */ || !in_file(img, off, size)) continue;
        const char *nm = name < strsize && memchr(d + stroff + name, 0, strsize - name)
                             ? (const char *)d + stroff + name : "?";
        fn(ctx, nm, addr, d + off, size);
    }
}

void elf_close(struct elf_image *img)
{
    for (size_t i = 0; i < img->symbol_count; i++) free(img->symbols[i].name);
    free(img->symbols);
    free(img->data);
    memset(img, 0, sizeof(*img));
}
