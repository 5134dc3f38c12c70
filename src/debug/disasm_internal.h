/* Internal interface between the instruction formatter (disasm.c) and the objdump-style ELF
 * disassembler (disasm_elf.c). Not part of the public disasm.h. */
#ifndef VHART_DISASM_INTERNAL_H
#define VHART_DISASM_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Text output into a caller's buffer (truncating, always NUL-terminated). */
struct sbuf {
    char *p;
    size_t cap, len;
};

void dis_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The value an auipc/lui left in each register, for objdump's "# address <symbol>" comments. */
struct addr_track {
    uint64_t hi[32];
    uint32_t hi_valid;       /* bit r: hi[r] holds a value */
    bool has_gp;
    uint64_t gp;
    bool to_print;
    uint64_t print_addr;
};

/* How the disassembler prints an address operand or comment. */
typedef void (*addr_printer)(void *ctx, uint64_t addr, struct sbuf *o);

struct printer {
    uint64_t ext;
    int priv;                  /* privileged spec version for CSR names */
    struct addr_track *track;
    addr_printer print_addr;
    void *ctx;
};

/* Disassemble the 16- or 32-bit instruction `raw` (len 2 or 4) into o; the length is the caller's. */
void dis_format_insn(const struct printer *p, uint64_t pc, uint32_t raw, unsigned len, struct sbuf *o);
/* objdump's instruction length from the low 16 bits. */
unsigned dis_objdump_insn_length(uint32_t low16);
/* Privileged spec version (PRIV_*) from an ELF attribute's numbers. */
int dis_priv_from_numbers(uint64_t major, uint64_t minor, uint64_t rev);
/* Extension set named by an ISA string ("rv64imac_zicsr"), as in ELF attributes and $x<isa> symbols. */
uint64_t dis_isa_string_ext(const char *s);

#endif
