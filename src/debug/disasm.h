/* Disassembler derived from the instruction table: objdump-compatible text for RV64 code. */
#ifndef VHART_DEBUG_DISASM_H
#define VHART_DEBUG_DISASM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct elf_image;

/* Name of the symbol containing `addr` and the offset into it, or NULL. */
typedef const char *(*disasm_symbolizer)(void *ctx, uint64_t addr, uint64_t *offset);

/* Disassemble the instruction `raw` (16 or 32 bits) located at `pc` into buf as
 * "mnemonic\toperands" (plus " # target <sym>" comments where objdump prints them), decoding with
 * the extensions in `ext`. `sym` may be NULL. Returns the instruction length in bytes. */
unsigned disasm_insn(uint64_t pc, uint32_t raw, uint64_t ext, char *buf, size_t len, disasm_symbolizer sym,
                     void *ctx);

/* Print every executable section of `img` like `objdump -d`. Returns 0. */
int disasm_elf(const struct elf_image *img, const char *path, uint64_t ext, FILE *out);

#endif
