/* Instruction decoding: raw bits -> pre-decoded `struct insn`, derived from insn_table.def. */
#ifndef VHART_CPU_DECODE_H
#define VHART_CPU_DECODE_H

#include <stdint.h>

/* Extensions an instruction may belong to (bit mask; the hart enables a subset). 64 bits wide:
 * the ratified set outgrew 32 bits (some bits are derived pairs, such as EXT_CD). Constants
 * rather than an enum, because C11 enumerators are int-sized. */
#define EXT_BIT(n) ((uint64_t)1 << (n))
#define EXT_I            EXT_BIT(0)
#define EXT_M            EXT_BIT(1)
#define EXT_A            EXT_BIT(2)
#define EXT_C            EXT_BIT(3)
#define EXT_F            EXT_BIT(4)
#define EXT_D            EXT_BIT(5)
#define EXT_ZICSR        EXT_BIT(6)
#define EXT_ZIFENCEI     EXT_BIT(7)
#define EXT_S            EXT_BIT(8)      /* supervisor mode: sret, sfence.vma */
#define EXT_CD           EXT_BIT(9)     /* compressed double loads/stores: needs C and D */
#define EXT_ZBA          EXT_BIT(10)
#define EXT_ZBB          EXT_BIT(11)
#define EXT_ZBS          EXT_BIT(12)
#define EXT_ZICOND       EXT_BIT(13)
#define EXT_ZICBOM       EXT_BIT(14)
#define EXT_ZICBOZ       EXT_BIT(15)
#define EXT_ZIHINTPAUSE  EXT_BIT(16)
#define EXT_SSTC         EXT_BIT(17)  /* supervisor timer compare (stimecmp), no instructions of its own */
#define EXT_SDTRIG       EXT_BIT(18)   /* debug triggers (trigger.c), CSRs only */
/* Hypervisor (privileged spec, "Hypervisor Extension" 1.0). Bits 20..23 are free. */
#define EXT_H            EXT_BIT(19)
#define EXT_ZBC          EXT_BIT(24)   /* carry-less multiply */
#define EXT_ZBKB         EXT_BIT(25)   /* bit manipulation for cryptography */
#define EXT_ZBKC         EXT_BIT(26)   /* carry-less multiply for cryptography (clmul, clmulh) */
#define EXT_ZBKX         EXT_BIT(27)   /* crossbar permutations */
#define EXT_ZCB          EXT_BIT(28)   /* more compressed instructions */
#define EXT_ZIMOP        EXT_BIT(29)   /* may-be-operations */
#define EXT_ZCMOP        EXT_BIT(30)   /* compressed may-be-operations */
#define EXT_ZAWRS        EXT_BIT(31)   /* wait on reservation set */
#define EXT_ZIHINTNTL    EXT_BIT(32)   /* non-temporal locality hints (add x0 encodings: run as nops) */
#define EXT_SVINVAL      EXT_BIT(33)   /* fine-grained address-translation cache invalidation */
#define EXT_SVPBMT       EXT_BIT(34)   /* page-based memory types */
#define EXT_SVADU        EXT_BIT(35)   /* hardware A/D updates under menvcfg.ADUE */
#define EXT_ZFHMIN       EXT_BIT(36)   /* half precision: loads, stores, moves, conversions */
#define EXT_ZFH          EXT_BIT(37)   /* half precision: the rest */
#define EXT_ZFA          EXT_BIT(38)   /* additional floating-point instructions (s forms) */
#define EXT_SSCOFPMF     EXT_BIT(43)   /* counter overflow and mode filtering (pmu.c), CSRs only */
/* Derived bits (isa_parse sets them when all the named extensions are on), for instructions that
 * need two extensions at once; the decoder asks for any one bit of an entry. */
#define EXT_ZCB_M        EXT_BIT(48)   /* c.mul: Zcb and M */
#define EXT_ZCB_ZBB      EXT_BIT(49)   /* c.sext.b, c.sext.h, c.zext.h: Zcb and Zbb */
#define EXT_ZCB_ZBA      EXT_BIT(50)   /* c.zext.w: Zcb and Zba */
#define EXT_ZFHMIN_D     EXT_BIT(51)   /* fcvt.d.h, fcvt.h.d: Zfhmin and D */
#define EXT_ZFA_D        EXT_BIT(52)   /* Zfa's d forms: Zfa and D */
#define EXT_ZFA_H        EXT_BIT(53)   /* Zfa's h forms: Zfa and Zfh */
#define EXT_H_SVINVAL    EXT_BIT(54)   /* hinval.vvma, hinval.gvma: H and Svinval */
#define EXT_DERIVED      (EXT_CD | EXT_ZCB_M | EXT_ZCB_ZBB | EXT_ZCB_ZBA | EXT_ZFHMIN_D | EXT_ZFA_D | EXT_ZFA_H | EXT_H_SVINVAL)

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
    /* Zcb (code-size reduction 1.0): byte/halfword loads and stores, and one-register ops on x8..x15 */
    FMT_CLB,    /* c.lbu: rd', uimm[1:0] from bits 5 and 6 */
    FMT_CLH,    /* c.lhu, c.lh: rd', uimm[1] from bit 5 */
    FMT_CSB,    /* c.sb */
    FMT_CSH,    /* c.sh */
    FMT_CU,     /* rd' = op(rd'): rs1 = rd, rs2 = x0; c.zext.b gets imm 255, c.not imm -1 */
    FMT_CMOP,   /* c.mop.n: writes no register (x[n] is only read by a fused op that vhart does not have) */
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

/* The heads and conditions of fused branch tails (OP_LB_BR_EQ ... OP_ANDI_C_BR_GEU) with their heads' lengths, head-major,
 * conditions in the order beq, bne, blt, bge, bltu, bgeu (fuse.c adds the condition's index). */
#define FUSE_BR_HEADS(X) X(LB, 4) X(LBU, 4) X(LH, 4) X(LHU, 4) X(LW, 4) X(LW_C, 2) X(LWU, 4) X(LD, 4) \
                         X(LD_C, 2) X(ADDI, 4) X(ADDI_C, 2) X(ADDIW, 4) X(ADDIW_C, 2) X(ANDI, 4) X(ANDI_C, 2)
#define FUSE_BR_CONDS(X, H) X(H, EQ) X(H, NE) X(H, LT) X(H, GE) X(H, LTU) X(H, GEU)
#define FUSE_BR_ENUM_ONE(H, C) OP_##H##_BR_##C,
#define FUSE_BR_ENUM_HEAD(H, LEN) FUSE_BR_CONDS(FUSE_BR_ENUM_ONE, H)

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
    /* More superinstructions from fuse.c's table: lui + addi/addiw (imm the constant) and auipc +
     * addi (imm the offset from the auipc's pc), rd the register both write. The digits are the two
     * instructions' lengths, so that each handler moves the slot pointer by a constant. */
    OP_LUI_ADDI_44, OP_LUI_ADDI_42, OP_LUI_ADDI_24, OP_LUI_ADDI_22,
    OP_AUIPC_ADDI_44, OP_AUIPC_ADDI_42,
    /* Two ld (or two sd) off one base register, 8-byte aligned offsets apart by rm * 8 (rm a
     * signed byte): rs1 the base, imm the first offset, rd (rs2 for sd) the first register, rs3
     * the second. When both fall in one page of the data TLB, one lookup serves both. */
    OP_LD_PAIR_44, OP_LD_PAIR_42, OP_LD_PAIR_24, OP_LD_PAIR_22,
    OP_SD_PAIR_44, OP_SD_PAIR_42, OP_SD_PAIR_24, OP_SD_PAIR_22,
    /* A load, or addi/addiw/andi, then a conditional branch whose target lies in the same page
     * (fuse.c bind_branch_tail): OP_<head>_BR_<condition>, one op per pair so that each handler
     * tests one condition. The head's own fields stay (rd, rs1, imm, len), the branch's registers
     * are rs2 and rs3, rm is FUSE_BR_SHORT for a c.beqz/c.bnez (else 0) and raw the target's byte
     * offset from the head. _C: the head is a 2-byte instruction. */
    FUSE_BR_HEADS(FUSE_BR_ENUM_HEAD)
    /* Two "rd = rs + constant" (mv, li, addi; or two addiw, as sext.w): rd = rs1 + imm, then rs2 =
     * rs3 + (int8_t)rm, with 32-bit sign extension in the ADDIW forms. Digits: the two lengths. */
    OP_ADDI_PAIR_44, OP_ADDI_PAIR_42, OP_ADDI_PAIR_24, OP_ADDI_PAIR_22,
    OP_ADDIW_PAIR_44, OP_ADDIW_PAIR_42, OP_ADDIW_PAIR_24, OP_ADDIW_PAIR_22,
    /* add rd, rs1, rs2 then add rs3, rm, raw (the second's registers). */
    OP_ADD_PAIR_44, OP_ADD_PAIR_42, OP_ADD_PAIR_24, OP_ADD_PAIR_22,
    /* slli rd, rs1, imm then add rd, rd, rs2: rd = (rs1 << imm) + rs2. */
    OP_SLLI_ADD_44, OP_SLLI_ADD_42, OP_SLLI_ADD_24, OP_SLLI_ADD_22,
    /* Four 2-byte c.ld/c.ldsp (c.sd/c.sdsp) off one base: the pair's fields for the first two,
     * raw = third register | fourth << 8 | their doubleword offsets from the first (int8) << 16
     * and << 24. */
    OP_LD_QUAD_2222, OP_SD_QUAD_2222,
    /* A backward near branch that closes a spin: a short straight-line loop that only loads,
     * computes and fences, and writes no register an iteration reads before writing it, so that
     * it repeats itself until memory changes under it (interp.c, spin_loop). Taken, it ends the
     * hart's slice, so that whatever it waits for (another hart, a device) runs sooner. rm holds
     * the branch's funct3; SPIN_4 is a 4-byte branch, SPIN_2 a c.beqz/c.bnez. A backward j/c.j closing
     * such a loop becomes one with rm 0 and rs1 = rs2 = x0 (always taken). */
    OP_SPIN_4, OP_SPIN_2,
    /* A slot another hart thread is decoding right now (interp_body.inc op_decode): wait for it. */
    OP_BUSY,
    OP_DISPATCH_COUNT
};

/* A fused branch tail's head length, from FUSE_BR_HEADS. */
static inline unsigned fuse_br_head_len(unsigned op)
{
#define FUSE_BR_HEAD_LEN(H, LEN) LEN,
    static const uint8_t len[] = { FUSE_BR_HEADS(FUSE_BR_HEAD_LEN) };
#undef FUSE_BR_HEAD_LEN
    return len[(op - OP_LB_BR_EQ) / 6];
}

/* Bytes of guest code a fused slot runs as one group (0 for every other op): a breakpoint inside
 * a group must split it (debug.c plant), and a group starts at most INSN_GROUP_MAX - 2 bytes
 * before any of its instructions. A new fused op adds its length here. */
#define INSN_GROUP_MAX 12
static inline unsigned insn_group_bytes(unsigned op)
{
    switch (op) {
    case OP_ROTW_4: return 12;   /* slliw/srliw, srliw/slliw, or */
    case OP_ROTW_2: return 10;   /* ... c.or */
    case OP_LUI_ADDI_44: case OP_AUIPC_ADDI_44: case OP_LD_PAIR_44: case OP_SD_PAIR_44: return 8;
    case OP_LUI_ADDI_42: case OP_LUI_ADDI_24: case OP_AUIPC_ADDI_42:
    case OP_LD_PAIR_42: case OP_LD_PAIR_24: case OP_SD_PAIR_42: case OP_SD_PAIR_24: return 6;
    case OP_LUI_ADDI_22: case OP_LD_PAIR_22: case OP_SD_PAIR_22: return 4;
    case OP_ADDI_PAIR_44: case OP_ADDIW_PAIR_44: return 8;
    case OP_ADDI_PAIR_42: case OP_ADDI_PAIR_24: case OP_ADDIW_PAIR_42: case OP_ADDIW_PAIR_24: return 6;
    case OP_ADDI_PAIR_22: case OP_ADDIW_PAIR_22: return 4;
    case OP_ADD_PAIR_44: case OP_SLLI_ADD_44: case OP_LD_QUAD_2222: case OP_SD_QUAD_2222: return 8;
    case OP_ADD_PAIR_42: case OP_ADD_PAIR_24: case OP_SLLI_ADD_42: case OP_SLLI_ADD_24: return 6;
    case OP_ADD_PAIR_22: case OP_SLLI_ADD_22: return 4;
    default:
        /* A head and a branch of either length: the longer is assumed (forgetting or splitting a
         * group for a write or a breakpoint just past a short branch costs a re-decode, no more). */
        if (op >= OP_LB_BR_EQ && op <= OP_ANDI_C_BR_GEU) return fuse_br_head_len(op) + 4;
        return 0;
    }
}

/* rm of a fused branch tail (OP_LB_BR_EQ...): the branch is a 2-byte c.beqz/c.bnez. */
#define FUSE_BR_SHORT 8u

/* A fused slot stands for the insn_group_bytes from its start, at most FUSED_MAX_BYTES
 * (codecache_invalidate_range must forget it when any of them is written); a spin's branch looks at up to SPIN_BODY_MAX bytes of
 * loop body before it (interp.c spin_loop). */
#define FUSED_MAX_BYTES INSN_GROUP_MAX
#define SPIN_BODY_MAX 32

/* A pre-decoded instruction: 16 bytes. rd is 32 (a write sink) when an integer rd is x0, so
 * handlers write x[rd] unconditionally and x0 stays zero. */
struct insn {
    uint16_t op;
    uint8_t rd, rs1, rs2, rs3;
    uint8_t len;        /* 2 or 4 */
    uint8_t rm;         /* FP rounding mode field, or aq/rl bits for AMOs */
    int32_t imm;        /* sign-extended immediate; CSR number for FMT_CSR/FMT_CSRI */
    uint32_t raw;       /* the instruction bits (illegal-instruction tval); a fused branch tail
                         * (OP_LB_BR_EQ...) keeps its target offset here instead */
};
/* The decoder publishes a slot field by field, then op with release order (interp_body.inc,
 * op_decode): a field added here must be copied there too. */
_Static_assert(sizeof(struct insn) == 16, "struct insn changed: update op_decode's field copy");

struct insn_info {
    const char *name;
    uint32_t match, mask;
    uint8_t format;
    uint64_t ext;
    uint16_t exec;      /* op of the handler that runs it (== own op unless compressed) */
};

/* Indexed by op (entries below OP_ILLEGAL+1 are the internal ops and have name NULL). */
extern const struct insn_info insn_infos[OP_COUNT];

/* Length in bytes of the instruction whose low 16 bits are given (2 or 4). */
static inline unsigned insn_length(uint32_t low16) { return (low16 & 3) == 3 ? 4 : 2; }

/* Decode `raw` with the extensions in `ext_mask` enabled. Returns 0, or -1 when the encoding
 * is illegal (then out->op == OP_ILLEGAL and out->raw/len are still set). */
int decode_insn(uint32_t raw, uint64_t ext_mask, struct insn *out);

/* Which register file a decoded instruction's rd names: 0 none (or x0), 1 integer, 2 FP. */
int insn_dest_kind(const struct insn *in);

#endif
