/* Instruction decoding: raw bits -> pre-decoded `struct insn`, derived from insn_table.def. */
#ifndef VHART_CPU_DECODE_H
#define VHART_CPU_DECODE_H

#include <stdint.h>

/* Extensions an instruction may belong to (bit mask; the hart enables a subset). */
enum {
    EXT_I = 1u << 0,
    EXT_M = 1u << 1,
    EXT_A = 1u << 2,
    EXT_C = 1u << 3,
    EXT_F = 1u << 4,
    EXT_D = 1u << 5,
    EXT_ZICSR = 1u << 6,
    EXT_ZIFENCEI = 1u << 7,
    EXT_S = 1u << 8,      /* supervisor mode: sret, sfence.vma */
    EXT_CD = 1u << 9,     /* compressed double loads/stores: needs C and D */
    EXT_ZBA = 1u << 10,
    EXT_ZBB = 1u << 11,
    EXT_ZBS = 1u << 12,
    EXT_ZICOND = 1u << 13,
    EXT_ZICBOM = 1u << 14,
    EXT_ZICBOZ = 1u << 15,
    EXT_ZIHINTPAUSE = 1u << 16,
    EXT_SSTC = 1u << 17,  /* supervisor timer compare (stimecmp), no instructions of its own */
    EXT_SDTRIG = 1u << 18,   /* debug triggers (trigger.c), CSRs only */
    /* Hypervisor (privileged spec, "Hypervisor Extension" 1.0). Bit 31, not 19: 18 is Sdtrig's,
     * and the scalar-extensions work takes 19 upward. */
    EXT_H = 1u << 31,
};

/* Operand layouts. The decoder extracts registers and a sign-extended immediate for each. */
enum insn_format {
    FMT_NONE, FMT_R, FMT_I, FMT_SH6, FMT_SH5, FMT_S, FMT_B, FMT_U, FMT_J,
    FMT_CSR, FMT_CSRI, FMT_FENCE, FMT_AMO, FMT_SFENCE,
    FMT_CIW_ADDI4SPN, FMT_CL_W, FMT_CL_D, FMT_CS_W, FMT_CS_D,
    FMT_CI_ADDI, FMT_CI_ADDIW, FMT_CI_LI, FMT_CI_ADDI16SP, FMT_CI_LUI,
    FMT_CB_SHIFT, FMT_CB_ANDI, FMT_CA, FMT_CJ, FMT_CB_BRANCH,
    FMT_CI_SLLI, FMT_CI_LWSP, FMT_CI_LDSP, FMT_CR_JR, FMT_CR_MV, FMT_CR_JALR, FMT_CR_ADD,
    FMT_CSS_SWSP, FMT_CSS_SDSP,
    FMT_R1,     /* rd, rs1 (rs2 field is part of the opcode) */
    FMT_CBO,    /* rs1 only: cache-block operations */
    /* Floating point: which of rd/rs1/rs2 name f registers is implied by the format. */
    FMT_FLOAD,  /* f[rd] <- mem[x[rs1] + imm] */
    FMT_R4,     /* f[rd] <- f[rs1], f[rs2], f[rs3], rm */
    FMT_FR,     /* f[rd] <- f[rs1], f[rs2] (rm or funct3) */
    FMT_FR1,    /* f[rd] <- f[rs1], rm */
    FMT_FR_X,   /* x[rd] <- f[rs1], f[rs2] */
    FMT_F2X,    /* x[rd] <- f[rs1], rm */
    FMT_X2F,    /* f[rd] <- x[rs1], rm */
    FMT_CI_FLDSP, /* c.fldsp: like c.ldsp, but f0 is a valid destination */
};

/* Operation codes stored in decoded slots: a few internal ones, then one per table entry. */
enum insn_op {
    OP_DECODE = 0,   /* slot not decoded yet (zero-filled memory decodes lazily) */
    OP_PAGE_END,     /* sentinel past the end of a decoded page: fetch from the next page */
    OP_CROSS_PAGE,   /* 32-bit instruction straddling a page boundary: decoded on every run */
    OP_ILLEGAL,      /* no table entry matches: illegal-instruction trap with the bits in tval */
    OP_BREAKPOINT,   /* debugger breakpoint planted in the slot */
#define INSN(id, name, match, mask, fmt, ext, exec) INSN_ID_##id,
#include "insn_table.def"
#undef INSN
    OP_COUNT
};

/* Ops that exist only in decoded slots: the interpreter rewrites a jal or conditional branch whose
 * target lies in the same page into its "near" form, which moves to the target slot directly (imm
 * stays the byte offset). They have no insn_infos entry. */
enum insn_near_op {
    OP_JAL_NEAR = OP_COUNT,
    OP_BEQ_NEAR, OP_BNE_NEAR, OP_BLT_NEAR, OP_BGE_NEAR, OP_BLTU_NEAR, OP_BGEU_NEAR,
    OP_JAL_NEAR_C, OP_BEQ_NEAR_C, OP_BNE_NEAR_C,   /* c.j, c.beqz, c.bnez */
    /* A 32-bit rotate spelt slliw/srliw/or (code built without Zbb, as SHA-2 is): three
     * instructions in one slot, ending in a 4-byte or (ROTW_4) or a c.or (ROTW_2). Fields: rd and
     * rs2 the two shifts' destinations, rs3 the or's, rs1 the source, imm the first shift's
     * amount, rm 1 if the first shift is the left one. Only the fast interpreter runs the three
     * at once; the exact one runs the first shift alone. */
    OP_ROTW_4, OP_ROTW_2,
    /* A backward near branch that closes a spin: a short straight-line loop that only loads,
     * computes and fences, and writes no register an iteration reads before writing it, so that
     * it repeats itself until memory changes under it (interp.c, spin_loop). Taken, it ends the
     * hart's slice, so that whatever it waits for (another hart, a device) runs sooner. rm holds
     * the branch's funct3; SPIN_4 is a 4-byte branch, SPIN_2 a c.beqz/c.bnez. */
    OP_SPIN_4, OP_SPIN_2,
    /* A slot another hart thread is decoding right now (interp_body.inc op_decode): wait for it. */
    OP_BUSY,
    OP_DISPATCH_COUNT
};

/* A pre-decoded instruction: 16 bytes. rd is 32 (a write sink) when an integer rd is x0, so
 * handlers write x[rd] unconditionally and x0 stays zero. */
struct insn {
    uint16_t op;
    uint8_t rd, rs1, rs2, rs3;
    uint8_t len;        /* 2 or 4 */
    uint8_t rm;         /* FP rounding mode field, or aq/rl bits for AMOs */
    int32_t imm;        /* sign-extended immediate; CSR number for FMT_CSR/FMT_CSRI */
    uint32_t raw;       /* the instruction bits (illegal-instruction tval, disassembly) */
};
/* The decoder publishes a slot field by field, then op with release order (interp_body.inc,
 * op_decode): a field added here must be copied there too. */
_Static_assert(sizeof(struct insn) == 16, "struct insn changed: update op_decode's field copy");

struct insn_info {
    const char *name;
    uint32_t match, mask;
    uint8_t format;
    uint32_t ext;
    uint16_t exec;      /* op of the handler that runs it (== own op unless compressed) */
};

/* Indexed by op (entries below OP_ILLEGAL+1 are the internal ops and have name NULL). */
extern const struct insn_info insn_infos[OP_COUNT];

/* Length in bytes of the instruction whose low 16 bits are given (2 or 4). */
static inline unsigned insn_length(uint32_t low16) { return (low16 & 3) == 3 ? 4 : 2; }

/* Decode `raw` with the extensions in `ext_mask` enabled. Returns 0, or -1 when the encoding
 * is illegal (then out->op == OP_ILLEGAL and out->raw/len are still set). */
int decode_insn(uint32_t raw, uint32_t ext_mask, struct insn *out);

/* Which register file a decoded instruction's rd names: 0 none (or x0), 1 integer, 2 FP. */
int insn_dest_kind(const struct insn *in);

#endif
