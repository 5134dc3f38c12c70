/* Instruction decoder: matches raw bits against insn_table.def and extracts operands
 * (RISC-V unprivileged spec 20191213, chapters 2 (base formats) and 16 (RVC formats)). */
#include "decode.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

const struct insn_info insn_infos[OP_COUNT] = {
#define INSN(id, nm, mt, mk, fmt, ex, exe) \
    [INSN_ID_##id] = { .name = nm, .match = mt, .mask = mk, .format = fmt, .ext = ex, .exec = INSN_ID_##exe },
#include "insn_table.def"
#undef INSN
};

/* Bit-field helpers: bits hi..lo of v, and sign extension of the low `bits` bits. */
static inline uint32_t bits(uint32_t v, unsigned hi, unsigned lo) { return (v >> lo) & ((1u << (hi - lo + 1)) - 1); }
static inline int32_t sext(uint32_t v, unsigned width)
{
    uint32_t m = 1u << (width - 1);
    return (int32_t)((v ^ m) - m);
}

/* Compressed 3-bit register fields name x8..x15. */
static inline uint8_t creg(uint32_t v) { return (uint8_t)(8 + v); }

/* Fill operands for `fmt`. Returns -1 for reserved encodings inside a matched pattern. */
static int extract_operands(uint32_t r, unsigned fmt, struct insn *o)
{
    uint32_t imm;
    switch (fmt) {
    case FMT_NONE: return 0;
    case FMT_R: case FMT_AMO: case FMT_SFENCE:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = (uint8_t)bits(r, 19, 15); o->rs2 = (uint8_t)bits(r, 24, 20);
        o->rm = (uint8_t)bits(r, 26, 25);
        return 0;
    case FMT_R1:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = (uint8_t)bits(r, 19, 15);
        return 0;
    case FMT_CBO:
        o->rs1 = (uint8_t)bits(r, 19, 15);
        return 0;
    case FMT_FLOAD:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = (uint8_t)bits(r, 19, 15);
        o->imm = (int32_t)r >> 20;
        return 0;
    case FMT_R4:
        o->rs3 = (uint8_t)bits(r, 31, 27);
        /* fall through */
    case FMT_FR: case FMT_FR1: case FMT_FR_X: case FMT_F2X: case FMT_X2F:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = (uint8_t)bits(r, 19, 15); o->rs2 = (uint8_t)bits(r, 24, 20);
        o->rm = (uint8_t)bits(r, 14, 12);
        return 0;
    case FMT_CI_FLDSP:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = 2;
        o->imm = (int32_t)((bits(r, 12, 12) << 5) | (bits(r, 6, 5) << 3) | (bits(r, 4, 2) << 6));
        return 0;
    case FMT_I: case FMT_FENCE:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = (uint8_t)bits(r, 19, 15);
        o->imm = (int32_t)r >> 20;
        return 0;
    case FMT_SH6:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = (uint8_t)bits(r, 19, 15); o->imm = (int32_t)bits(r, 25, 20);
        return 0;
    case FMT_SH5:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = (uint8_t)bits(r, 19, 15); o->imm = (int32_t)bits(r, 24, 20);
        return 0;
    case FMT_CSR: case FMT_CSRI:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = (uint8_t)bits(r, 19, 15); o->imm = (int32_t)bits(r, 31, 20);
        return 0;
    case FMT_S:
        o->rs1 = (uint8_t)bits(r, 19, 15); o->rs2 = (uint8_t)bits(r, 24, 20);
        o->imm = sext((bits(r, 31, 25) << 5) | bits(r, 11, 7), 12);
        return 0;
    case FMT_B:
        o->rs1 = (uint8_t)bits(r, 19, 15); o->rs2 = (uint8_t)bits(r, 24, 20);
        imm = (bits(r, 31, 31) << 12) | (bits(r, 7, 7) << 11) | (bits(r, 30, 25) << 5) | (bits(r, 11, 8) << 1);
        o->imm = sext(imm, 13);
        return 0;
    case FMT_U:
        o->rd = (uint8_t)bits(r, 11, 7); o->imm = (int32_t)(r & 0xfffff000u);
        return 0;
    case FMT_J:
        o->rd = (uint8_t)bits(r, 11, 7);
        imm = (bits(r, 31, 31) << 20) | (bits(r, 19, 12) << 12) | (bits(r, 20, 20) << 11) | (bits(r, 30, 21) << 1);
        o->imm = sext(imm, 21);
        return 0;

    /* RVC: each expands to the operands of its 32-bit equivalent. */
    case FMT_CIW_ADDI4SPN:
        imm = (bits(r, 12, 11) << 4) | (bits(r, 10, 7) << 6) | (bits(r, 6, 6) << 2) | (bits(r, 5, 5) << 3);
        if (imm == 0) return -1;                        /* reserved (and 0x0000 is illegal) */
        o->rd = creg(bits(r, 4, 2)); o->rs1 = 2; o->imm = (int32_t)imm;
        return 0;
    case FMT_CL_W: case FMT_CS_W:
        imm = (bits(r, 12, 10) << 3) | (bits(r, 6, 6) << 2) | (bits(r, 5, 5) << 6);
        o->rs1 = creg(bits(r, 9, 7)); o->imm = (int32_t)imm;
        if (fmt == FMT_CL_W) o->rd = creg(bits(r, 4, 2)); else o->rs2 = creg(bits(r, 4, 2));
        return 0;
    case FMT_CL_D: case FMT_CS_D:
        imm = (bits(r, 12, 10) << 3) | (bits(r, 6, 5) << 6);
        o->rs1 = creg(bits(r, 9, 7)); o->imm = (int32_t)imm;
        if (fmt == FMT_CL_D) o->rd = creg(bits(r, 4, 2)); else o->rs2 = creg(bits(r, 4, 2));
        return 0;
    case FMT_CI_ADDI: case FMT_CI_ADDIW: case FMT_CI_LI:
        o->rd = (uint8_t)bits(r, 11, 7);
        o->rs1 = fmt == FMT_CI_LI ? 0 : o->rd;
        o->imm = sext((bits(r, 12, 12) << 5) | bits(r, 6, 2), 6);
        if (fmt == FMT_CI_ADDIW && o->rd == 0) return -1;  /* reserved */
        return 0;
    case FMT_CI_ADDI16SP:
        imm = (bits(r, 12, 12) << 9) | (bits(r, 6, 6) << 4) | (bits(r, 5, 5) << 6) | (bits(r, 4, 3) << 7) |
              (bits(r, 2, 2) << 5);
        if (imm == 0) return -1;                        /* reserved */
        o->rd = 2; o->rs1 = 2; o->imm = sext(imm, 10);
        return 0;
    case FMT_CI_LUI:
        imm = (bits(r, 12, 12) << 17) | (bits(r, 6, 2) << 12);
        if (imm == 0) return -1;                        /* reserved */
        o->rd = (uint8_t)bits(r, 11, 7); o->imm = sext(imm, 18);
        return 0;
    case FMT_CB_SHIFT:
        o->rd = o->rs1 = creg(bits(r, 9, 7)); o->imm = (int32_t)((bits(r, 12, 12) << 5) | bits(r, 6, 2));
        return 0;
    case FMT_CB_ANDI:
        o->rd = o->rs1 = creg(bits(r, 9, 7)); o->imm = sext((bits(r, 12, 12) << 5) | bits(r, 6, 2), 6);
        return 0;
    case FMT_CA:
        o->rd = o->rs1 = creg(bits(r, 9, 7)); o->rs2 = creg(bits(r, 4, 2));
        return 0;
    case FMT_CJ:
        imm = (bits(r, 12, 12) << 11) | (bits(r, 11, 11) << 4) | (bits(r, 10, 9) << 8) | (bits(r, 8, 8) << 10) |
              (bits(r, 7, 7) << 6) | (bits(r, 6, 6) << 7) | (bits(r, 5, 3) << 1) | (bits(r, 2, 2) << 5);
        o->rd = 0; o->imm = sext(imm, 12);
        return 0;
    case FMT_CB_BRANCH:
        imm = (bits(r, 12, 12) << 8) | (bits(r, 11, 10) << 3) | (bits(r, 6, 5) << 6) | (bits(r, 4, 3) << 1) |
              (bits(r, 2, 2) << 5);
        o->rs1 = creg(bits(r, 9, 7)); o->rs2 = 0; o->imm = sext(imm, 9);
        return 0;
    case FMT_CI_SLLI:
        o->rd = o->rs1 = (uint8_t)bits(r, 11, 7); o->imm = (int32_t)((bits(r, 12, 12) << 5) | bits(r, 6, 2));
        return 0;
    case FMT_CI_LWSP:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = 2;
        o->imm = (int32_t)((bits(r, 12, 12) << 5) | (bits(r, 6, 4) << 2) | (bits(r, 3, 2) << 6));
        return o->rd == 0 ? -1 : 0;                     /* rd = x0 is reserved */
    case FMT_CI_LDSP:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = 2;
        o->imm = (int32_t)((bits(r, 12, 12) << 5) | (bits(r, 6, 5) << 3) | (bits(r, 4, 2) << 6));
        return o->rd == 0 ? -1 : 0;
    case FMT_CR_JR:
        o->rd = 0; o->rs1 = (uint8_t)bits(r, 11, 7); o->imm = 0;
        return o->rs1 == 0 ? -1 : 0;                    /* reserved */
    case FMT_CR_JALR:
        o->rd = 1; o->rs1 = (uint8_t)bits(r, 11, 7); o->imm = 0;
        return 0;
    case FMT_CR_MV:
        o->rd = (uint8_t)bits(r, 11, 7); o->rs1 = 0; o->rs2 = (uint8_t)bits(r, 6, 2);
        return 0;
    case FMT_CR_ADD:
        o->rd = o->rs1 = (uint8_t)bits(r, 11, 7); o->rs2 = (uint8_t)bits(r, 6, 2);
        return 0;
    case FMT_CSS_SWSP:
        o->rs1 = 2; o->rs2 = (uint8_t)bits(r, 6, 2);
        o->imm = (int32_t)((bits(r, 12, 9) << 2) | (bits(r, 8, 7) << 6));
        return 0;
    case FMT_CSS_SDSP:
        o->rs1 = 2; o->rs2 = (uint8_t)bits(r, 6, 2);
        o->imm = (int32_t)((bits(r, 12, 10) << 3) | (bits(r, 9, 7) << 6));
        return 0;

    /* Zcb (code-size reduction 1.0.4, "Zcb"): expansions to lbu/lhu/lh/sb/sh, andi, xori, and
     * the Zbb/Zba/M register forms. */
    case FMT_CLB: case FMT_CSB:
        o->rs1 = creg(bits(r, 9, 7)); o->imm = (int32_t)((bits(r, 5, 5) << 1) | bits(r, 6, 6));
        if (fmt == FMT_CLB) o->rd = creg(bits(r, 4, 2)); else o->rs2 = creg(bits(r, 4, 2));
        return 0;
    case FMT_CLH: case FMT_CSH:
        o->rs1 = creg(bits(r, 9, 7)); o->imm = (int32_t)(bits(r, 5, 5) << 1);
        if (fmt == FMT_CLH) o->rd = creg(bits(r, 4, 2)); else o->rs2 = creg(bits(r, 4, 2));
        return 0;
    case FMT_CU:
        o->rd = o->rs1 = creg(bits(r, 9, 7)); o->rs2 = 0;
        o->imm = bits(r, 4, 2) == 0 ? 255 : -1;   /* c.zext.b = andi 255, c.not = xori -1; unused otherwise */
        return 0;
    case FMT_CMOP:
        o->rd = 0; o->rs1 = 0; o->imm = 0;   /* runs as addi x0, x0, 0 */
        return 0;
    }
    return -1;
}

/* Formats whose rd names an integer register that the instruction writes. */
static int format_writes_x(unsigned fmt, unsigned exec)
{
    switch (fmt) {
    case FMT_S: case FMT_B: case FMT_NONE: case FMT_SFENCE: case FMT_CBO:
    case FMT_CS_W: case FMT_CS_D: case FMT_CB_BRANCH: case FMT_CSS_SWSP: case FMT_CSS_SDSP:
    case FMT_CSB: case FMT_CSH:
    case FMT_FLOAD: case FMT_R4: case FMT_FR: case FMT_FR1: case FMT_X2F: case FMT_CI_FLDSP:
        return 0;
    case FMT_CL_D:
        return exec != INSN_ID_fld;   /* c.ld writes x[rd'], c.fld writes f[rd'] */
    default:
        return 1;
    }
}

/* Candidate lists per major opcode, built once: (bits 6:2) for 32-bit, (quadrant, funct3) for 16-bit. */
#define DECODE_BUCKETS (32 + 24)
#define DECODE_MAX_PER_BUCKET 128   /* OP-FP holds about 100 entries with Zfh and Zfa */
static uint16_t bucket_ops[DECODE_BUCKETS][DECODE_MAX_PER_BUCKET];
static uint8_t bucket_len[DECODE_BUCKETS];
static int buckets_ready;

static unsigned bucket_of(uint32_t raw)
{
    if ((raw & 3) == 3) return (raw >> 2) & 31;
    return 32 + (raw & 3) * 8 + ((raw >> 13) & 7);
}

static void build_buckets(void)
{
    for (unsigned op = OP_BREAKPOINT + 1; op < OP_COUNT; op++) {
        const struct insn_info *in = &insn_infos[op];
        unsigned b = bucket_of(in->match);
        if (bucket_len[b] >= DECODE_MAX_PER_BUCKET) {
            /* An instruction table that outgrew its bucket would silently decode as illegal: a build defect. */
            fprintf(stderr, "vhart: internal error: decode bucket %u holds more than %d instructions "
                    "(raise DECODE_MAX_PER_BUCKET in src/cpu/decode.c)\n", b, DECODE_MAX_PER_BUCKET);
            abort();
        }
        bucket_ops[b][bucket_len[b]++] = (uint16_t)op;
    }
    buckets_ready = 1;
}

int decode_insn(uint32_t raw, uint64_t ext_mask, struct insn *o)
{
    if (!buckets_ready) build_buckets();   /* idempotent: racing initialisers write identical data */
    unsigned len = insn_length(raw & 0xffff);
    if (len == 2) raw &= 0xffff;
    *o = (struct insn){ .op = OP_ILLEGAL, .len = (uint8_t)len, .raw = raw };

    unsigned b = bucket_of(raw);
    for (unsigned i = 0; i < bucket_len[b]; i++) {
        unsigned op = bucket_ops[b][i];
        const struct insn_info *in = &insn_infos[op];
        if ((raw & in->mask) != in->match) continue;
        if (!(in->ext & ext_mask)) continue;
        if (in->ext == EXT_CD && (ext_mask & (EXT_C | EXT_D)) != (EXT_C | EXT_D)) continue;
        if (len == 2 && !(ext_mask & EXT_C)) continue;
        if (extract_operands(raw, in->format, o) != 0) break;     /* reserved: illegal */
        o->op = (uint16_t)op;
        if (format_writes_x(in->format, in->exec) && o->rd == 0) o->rd = 32;
        return 0;
    }
    *o = (struct insn){ .op = OP_ILLEGAL, .len = (uint8_t)len, .raw = raw };
    return -1;
}

int insn_dest_kind(const struct insn *in)
{
    if (in->op <= OP_BREAKPOINT) return 0;
    const struct insn_info *info = &insn_infos[in->op];
    switch (info->format) {
    case FMT_FLOAD: case FMT_R4: case FMT_FR: case FMT_FR1: case FMT_X2F: case FMT_CI_FLDSP:
        return 2;
    case FMT_CL_D:
        return info->exec == INSN_ID_fld ? 2 : 1;
    default:
        return format_writes_x(info->format, info->exec) && in->rd != 32 ? 1 : 0;
    }
}
