/* ELF64 RISC-V loader: validates the file, places PT_LOAD segments, reads the symbol table. */
#ifndef VHART_MACHINE_ELF_H
#define VHART_MACHINE_ELF_H

#include <stddef.h>
#include <stdint.h>

struct bus;

struct elf_symbol {
    char *name;
    uint64_t value, size;
    int is_func;
    int absolute;             /* SHN_ABS: a constant, not an address in the program */
};

struct elf_image {
    uint8_t *data;            /* the whole file */
    size_t size;
    uint64_t entry;
    struct elf_symbol *symbols;
    size_t symbol_count;
};

/* Read and validate `path`. Returns 0, or -1 with a one-line message in err. */
int elf_open(const char *path, struct elf_image *img, char *err, size_t err_len);
/* Copy the PT_LOAD segments to guest physical memory (zero-filling bss). 0 or -1 with message. */
int elf_load(const struct elf_image *img, struct bus *b, const char *path, char *err, size_t err_len);
/* Whether img is a user program of a hosted OS (Linux): returns 1 and why ("dynamically linked,
 * interpreter /lib/ld-linux-riscv64-lp64d.so.1"), or 0. */
int elf_hosted_program(const struct elf_image *img, char *why, size_t why_len);
/* Value of a symbol, or 0 and -1 if absent. */
int elf_symbol(const struct elf_image *img, const char *name, uint64_t *value);
void elf_close(struct elf_image *img);

/* Executable sections, for the disassembler: calls fn for each. */
typedef void (*elf_section_fn)(void *ctx, const char *name, uint64_t addr, const uint8_t *data, uint64_t size);
void elf_for_each_exec_section(const struct elf_image *img, elf_section_fn fn, void *ctx);

#endif
