/* Unit tests for src/cpu/fuse.c, the superinstruction table: each idiom fused with its operands,
 * near misses left alone, and, through the interpreter, the exact run stepping into a group, a
 * store into a group's second instruction undoing it and a breakpoint keeping it apart. */
#include <check.h>
#include <stdint.h>

#include "cpu/fuse.h"
#include "unit_helpers.h"

#define CODE RAM_BASE

/* ---- encodings (unpriv 20191213 2.4, 16.5) ---- */
static uint32_t i_auipc(unsigned rd, uint32_t imm20) { return enc_u(0x17, rd, imm20); }
static uint32_t i_addiw(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(0x1b, 0, rd, rs1, imm); }
static uint32_t i_slliw(unsigned rd, unsigned rs1, unsigned k) { return enc_i(0x1b, 1, rd, rs1, (int32_t)k); }
static uint32_t i_srliw(unsigned rd, unsigned rs1, unsigned k) { return enc_i(0x1b, 5, rd, rs1, (int32_t)k); }
static uint32_t i_or(unsigned rd, unsigned rs1, unsigned rs2) { return enc_r(0x33, 6, 0, rd, rs1, rs2); }
static uint16_t c_lui(unsigned rd, unsigned nzimm6)   /* rd = sext(nzimm6 << 12) */
{
    return (uint16_t)(0x6001 | ((nzimm6 >> 5 & 1) << 12) | (rd << 7) | ((nzimm6 & 31) << 2));
}
static uint16_t c_addi(unsigned rd, int imm6)
{
    unsigned u = (unsigned)imm6 & 63;
    return (uint16_t)(0x0001 | ((u >> 5) << 12) | (rd << 7) | ((u & 31) << 2));
}
static uint32_t i_lbu(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(0x03, 4, rd, rs1, imm); }
static uint32_t i_andi(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(0x13, 7, rd, rs1, imm); }
static uint32_t i_beq(unsigned rs1, unsigned rs2, int32_t off) { return enc_b(0, rs1, rs2, off); }
static uint32_t i_bne(unsigned rs1, unsigned rs2, int32_t off) { return enc_b(1, rs1, rs2, off); }
static uint32_t i_bltu(unsigned rs1, unsigned rs2, int32_t off) { return enc_b(6, rs1, rs2, off); }
static uint32_t i_bge(unsigned rs1, unsigned rs2, int32_t off) { return enc_b(5, rs1, rs2, off); }
static uint16_t c_mv(unsigned rd, unsigned rs2) { return (uint16_t)(0x8002 | rd << 7 | rs2 << 2); }
static uint16_t c_li(unsigned rd, int imm6)
{
    unsigned u = (unsigned)imm6 & 63;
    return (uint16_t)(0x4001 | ((u >> 5) << 12) | (rd << 7) | ((u & 31) << 2));
}
static uint16_t c_lw(unsigned rdp, unsigned rs1p, unsigned uimm)   /* uimm: a multiple of 4 below 128 */
{
    return (uint16_t)(0x4000 | ((uimm >> 3 & 7) << 10) | ((rs1p - 8) << 7) | ((uimm >> 2 & 1) << 6) |
                      ((uimm >> 6 & 1) << 5) | ((rdp - 8) << 2));
}
static uint16_t c_beqz(unsigned rs1p, int off)   /* off: even, -256..254 */
{
    unsigned u = (unsigned)off & 0x1ff;
    return (uint16_t)(0xc001 | ((u >> 8 & 1) << 12) | ((u >> 3 & 3) << 10) | ((rs1p - 8) << 7) |
                      ((u >> 6 & 3) << 5) | ((u >> 1 & 3) << 3) | ((u >> 5 & 1) << 2));
}
static uint32_t i_slli(unsigned rd, unsigned rs1, unsigned k) { return enc_i(0x13, 1, rd, rs1, (int32_t)k); }
static uint16_t c_sdsp(unsigned rs2, unsigned uimm)   /* uimm: a multiple of 8 below 512 */
{
    return (uint16_t)(0xe002 | ((uimm >> 3 & 7) << 10) | ((uimm >> 6 & 7) << 7) | (rs2 << 2));
}
static uint16_t c_ldsp(unsigned rd, unsigned uimm)
{
    return (uint16_t)(0x6002 | ((uimm >> 5 & 1) << 12) | (rd << 7) | ((uimm >> 3 & 3) << 5) | ((uimm >> 6 & 7) << 2));
}
static uint16_t c_or(unsigned rdp, unsigned rs2p) { return (uint16_t)((0x23u << 10) | ((rdp - 8) << 7) | (2u << 5) | ((rs2p - 8) << 2) | 1); }

/* A little code buffer: parcels appended in little-endian order. */
struct code { uint8_t b[32]; unsigned n; };
static void w32(struct code *c, uint32_t v) { for (int i = 0; i < 4; i++) c->b[c->n++] = (uint8_t)(v >> 8 * i); }
static void w16(struct code *c, uint16_t v) { c->b[c->n++] = (uint8_t)v; c->b[c->n++] = (uint8_t)(v >> 8); }

/* Decode the head at the buffer's start and offer the group to the table. */
static int fuse(const struct code *c, unsigned room, unsigned enabled, struct insn *out)
{
    uint32_t raw = c->b[0] | c->b[1] << 8 | (uint32_t)c->b[2] << 16 | (uint32_t)c->b[3] << 24;
    ck_assert_int_eq(decode_insn(raw, EXT_DEFAULT, out), 0);
    return fuse_group(out, c->b, room, EXT_DEFAULT, enabled);
}

START_TEST(lui_addi_becomes_the_constant)
{
    struct code c = { .n = 0 };
    struct insn d;
    w32(&c, i_lui(10, 0x12346)); w32(&c, i_addi(10, 10, -0x800));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_LUI_ADDI_44);
    ck_assert_uint_eq(d.rd, 10);
    ck_assert_int_eq(d.imm, 0x12345800);
    ck_assert_uint_eq(d.len, 4);   /* the head's own, for the exact interpreter */
    ck_assert_uint_eq(insn_group_bytes(d.op), 8);
    /* addiw wraps at 32 bits: 0x80000000 - 1 = 0x7fffffff */
    c.n = 0; w32(&c, i_lui(11, 0x80000)); w32(&c, i_addiw(11, 11, -1));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_int_eq(d.imm, 0x7fffffff);
    /* compressed: c.lui a0, 1; c.addi a0, 5 */
    c.n = 0; w16(&c, c_lui(10, 1)); w16(&c, c_addi(10, 5));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_LUI_ADDI_22);
    ck_assert_int_eq(d.imm, 0x1005);
    ck_assert_uint_eq(insn_group_bytes(d.op), 4);
    c.n = 0; w32(&c, i_lui(10, 1)); w16(&c, c_addi(10, -1));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_LUI_ADDI_42);
    ck_assert_int_eq(d.imm, 0xfff);
}
END_TEST

START_TEST(auipc_addi_becomes_a_pc_offset)
{
    struct code c = { .n = 0 };
    struct insn d;
    w32(&c, i_auipc(5, 0x1)); w32(&c, i_addi(5, 5, 16));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_AUIPC_ADDI_44);
    ck_assert_uint_eq(d.rd, 5);
    ck_assert_int_eq(d.imm, 0x1010);
    c.n = 0; w32(&c, i_auipc(10, 0xfffff)); w16(&c, c_addi(10, -8));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_AUIPC_ADDI_42);
    ck_assert_int_eq(d.imm, -0x1008);
}
END_TEST

START_TEST(rotate_of_two_shifts_and_an_or_is_one_group)
{
    struct code c = { .n = 0 };
    struct insn d;
    w32(&c, i_slliw(11, 10, 7)); w32(&c, i_srliw(12, 10, 25)); w32(&c, i_or(13, 12, 11));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_ROTW_4);
    ck_assert_uint_eq(d.rd, 11); ck_assert_uint_eq(d.rs1, 10); ck_assert_uint_eq(d.rs2, 12);
    ck_assert_uint_eq(d.rs3, 13); ck_assert_int_eq(d.imm, 7); ck_assert_uint_eq(d.rm, 1);
    c.n = 0; w32(&c, i_srliw(11, 10, 7)); w32(&c, i_slliw(12, 10, 25)); w16(&c, c_or(11, 12));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_ROTW_2);
    ck_assert_uint_eq(d.rm, 0);
    ck_assert_uint_eq(d.rs3, 11);
    ck_assert_uint_eq(insn_group_bytes(d.op), 10);
}
END_TEST

START_TEST(ld_and_sd_pairs_off_one_base_are_one_group)
{
    struct code c = { .n = 0 };
    struct insn d;
    w32(&c, i_sd(2, 1, 24)); w32(&c, i_sd(2, 8, 16));   /* sd ra, 24(sp); sd s0, 16(sp) */
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_SD_PAIR_44);
    ck_assert_uint_eq(d.rs1, 2); ck_assert_uint_eq(d.rs2, 1); ck_assert_uint_eq(d.rs3, 8);
    ck_assert_int_eq(d.imm, 24); ck_assert_int_eq((int8_t)d.rm, -1);
    c.n = 0; w32(&c, i_ld(1, 2, 24)); w32(&c, i_ld(8, 2, 16));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_LD_PAIR_44);
    ck_assert_uint_eq(d.rd, 1); ck_assert_uint_eq(d.rs3, 8);
}
END_TEST

START_TEST(load_then_branch_is_one_group)
{
    struct code c = { .n = 0 };
    struct insn d;
    w32(&c, i_lbu(15, 10, 3)); w32(&c, i_bne(15, 14, 8));   /* lbu a5, 3(a0); bne a5, a4, +8 */
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_LBU_BR_NE);
    ck_assert_uint_eq(d.rd, 15); ck_assert_uint_eq(d.rs1, 10); ck_assert_int_eq(d.imm, 3);   /* the load's own */
    ck_assert_uint_eq(d.len, 4);
    ck_assert_uint_eq(d.rs2, 15); ck_assert_uint_eq(d.rs3, 14); ck_assert_uint_eq(d.rm, 0);
    ck_assert_int_eq((int32_t)d.raw, 12);   /* the target from the head */
    ck_assert_uint_eq(insn_group_bytes(d.op), 8);
    /* c.lw a5, 4(a0); c.beqz a5, back to the c.lw: a 2-byte head and branch, offset 0 */
    c.n = 0; w16(&c, c_lw(15, 10, 4)); w16(&c, c_beqz(15, -2));
    ck_assert_int_eq(fuse(&c, 4094, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_LW_C_BR_EQ);
    ck_assert_int_eq(d.imm, 4);
    ck_assert_uint_eq(d.rs2, 15); ck_assert_uint_eq(d.rs3, 0); ck_assert_uint_eq(d.rm, FUSE_BR_SHORT);
    ck_assert_int_eq((int32_t)d.raw, 0);
    ck_assert_uint_eq(insn_group_bytes(d.op), 6);   /* a 4-byte branch assumed */
    /* addiw a2, a2, -1; bltu a2, a3, -4; andi a5, a0, 7; bge a5, x0, +0x7f8 */
    c.n = 0; w32(&c, i_addiw(12, 12, -1)); w32(&c, i_bltu(12, 13, -4));
    ck_assert_int_eq(fuse(&c, 4000, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_ADDIW_BR_LTU);
    ck_assert_uint_eq(d.rd, 12); ck_assert_int_eq(d.imm, -1); ck_assert_uint_eq(d.rm, 0);
    ck_assert_int_eq((int32_t)d.raw, 0);
    c.n = 0; w32(&c, i_andi(15, 10, 7)); w32(&c, i_bge(15, 0, 0x7f8));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_ANDI_BR_GE);
    ck_assert_uint_eq(insn_group_bytes(d.op), 8);
    ck_assert_int_eq((int32_t)d.raw, 0x7fc);
}
END_TEST

START_TEST(two_moves_or_constants_are_one_group)
{
    struct code c = { .n = 0 };
    struct insn d;
    w16(&c, c_mv(10, 8)); w16(&c, c_li(11, -5));   /* mv a0, s0; li a1, -5 */
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_ADDI_PAIR_22);
    ck_assert_uint_eq(d.rd, 10); ck_assert_uint_eq(d.rs1, 8); ck_assert_int_eq(d.imm, 0);
    ck_assert_uint_eq(d.rs2, 11); ck_assert_uint_eq(d.rs3, 0); ck_assert_int_eq((int8_t)d.rm, -5);
    ck_assert_uint_eq(insn_group_bytes(d.op), 4);
    /* sext.w a0, a0; sext.w a1, a2 (addiw rd, rs, 0) */
    c.n = 0; w32(&c, i_addiw(10, 10, 0)); w32(&c, i_addiw(11, 12, 0));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_ADDIW_PAIR_44);
    ck_assert_uint_eq(insn_group_bytes(d.op), 8);
    /* addi sp, sp, -2000 then mv a0, sp: a full first immediate */
    c.n = 0; w32(&c, i_addi(2, 2, -2000)); w16(&c, c_mv(10, 2));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_ADDI_PAIR_42);
    ck_assert_int_eq(d.imm, -2000);
}
END_TEST

START_TEST(scaled_index_add_pair_and_quads_are_one_group)
{
    struct code c = { .n = 0 };
    struct insn d;
    w32(&c, i_slli(15, 14, 1)); w32(&c, i_add(15, 10, 15));   /* slli a5, a4, 1; add a5, a0, a5 */
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_SLLI_ADD_44);
    ck_assert_uint_eq(d.rd, 15); ck_assert_uint_eq(d.rs1, 14); ck_assert_int_eq(d.imm, 1);
    ck_assert_uint_eq(d.rs2, 10);
    c.n = 0; w32(&c, i_add(15, 15, 14)); w32(&c, i_add(13, 12, 11));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_ADD_PAIR_44);
    ck_assert_uint_eq(d.rd, 15); ck_assert_uint_eq(d.rs1, 15); ck_assert_uint_eq(d.rs2, 14);
    ck_assert_uint_eq(d.rs3, 13); ck_assert_uint_eq(d.rm, 12); ck_assert_uint_eq(d.raw, 11);
    /* sd ra, 40(sp); sd s0, 32(sp); sd s1, 24(sp); sd s2, 16(sp) */
    c.n = 0; w16(&c, c_sdsp(1, 40)); w16(&c, c_sdsp(8, 32)); w16(&c, c_sdsp(9, 24)); w16(&c, c_sdsp(18, 16));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_SD_QUAD_2222);
    ck_assert_uint_eq(d.rs1, 2); ck_assert_int_eq(d.imm, 40); ck_assert_uint_eq(d.rs2, 1);
    ck_assert_uint_eq(d.rs3, 8); ck_assert_int_eq((int8_t)d.rm, -1);
    ck_assert_uint_eq(d.raw, 9u | 18u << 8 | (uint32_t)(uint8_t)-2 << 16 | (uint32_t)(uint8_t)-3 << 24);
    ck_assert_uint_eq(insn_group_bytes(d.op), 8);
    c.n = 0; w16(&c, c_ldsp(1, 40)); w16(&c, c_ldsp(8, 32)); w16(&c, c_ldsp(9, 24)); w16(&c, c_ldsp(18, 16));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_LD_QUAD_2222);
    /* three only: a pair */
    c.n = 0; w16(&c, c_ldsp(1, 40)); w16(&c, c_ldsp(8, 32)); w16(&c, c_ldsp(9, 24)); w32(&c, i_addi(2, 2, 48));
    ck_assert_int_eq(fuse(&c, 4096, FUSE_ALL, &d), 1);
    ck_assert_uint_eq(d.op, OP_LD_PAIR_22);
}
END_TEST

/* Each near miss keeps the head as decoded. */
static void not_fused(const struct code *c, unsigned room, unsigned enabled)
{
    struct insn d, plain;
    ck_assert_int_eq(fuse(c, room, enabled, &d), 0);
    uint32_t raw = c->b[0] | c->b[1] << 8 | (uint32_t)c->b[2] << 16 | (uint32_t)c->b[3] << 24;
    decode_insn(raw, EXT_DEFAULT, &plain);
    ck_assert_mem_eq(&d, &plain, sizeof d);
}

START_TEST(near_misses_are_not_fused)
{
    struct code c = { .n = 0 };
    w32(&c, i_lui(10, 0x12345)); w32(&c, i_addi(11, 10, 1));   /* another destination */
    not_fused(&c, 4096, FUSE_ALL);
    c.n = 0; w32(&c, i_lui(10, 0x12345)); w32(&c, i_addi(10, 11, 1));   /* another source */
    not_fused(&c, 4096, FUSE_ALL);
    c.n = 0; w32(&c, i_lui(0, 0x12345)); w32(&c, i_addi(0, 0, 1));   /* x0: hints */
    not_fused(&c, 4096, FUSE_ALL);
    c.n = 0; w32(&c, i_lui(10, 0x80000)); w32(&c, i_addi(10, 10, -1));   /* -0x80000001: not 32 bits */
    not_fused(&c, 4096, FUSE_ALL);
    c.n = 0; w32(&c, i_lui(10, 0x12345)); w32(&c, i_addi(10, 10, 1));
    not_fused(&c, 7, FUSE_ALL);                          /* the addi lies past the page */
    not_fused(&c, 4096, FUSE_ALL & ~FUSE_LUI_ADDI);      /* idiom not enabled */
    c.n = 0; w32(&c, i_auipc(10, 1)); w32(&c, i_addiw(10, 10, 1));   /* auipc + addiw: not an idiom */
    not_fused(&c, 4096, FUSE_ALL);
    c.n = 0; w32(&c, i_slliw(11, 10, 7)); w32(&c, i_srliw(12, 10, 24)); w32(&c, i_or(13, 12, 11));
    not_fused(&c, 4096, FUSE_ALL);                       /* 7 + 24 != 32 */
    c.n = 0; w32(&c, i_slliw(10, 10, 7)); w32(&c, i_srliw(12, 10, 25)); w32(&c, i_or(13, 12, 10));
    not_fused(&c, 4096, FUSE_ALL);                       /* the first shift overwrites the source */
    c.n = 0; w32(&c, i_slliw(11, 10, 7)); w32(&c, i_srliw(12, 10, 25)); w32(&c, i_or(13, 12, 14));
    not_fused(&c, 4096, FUSE_ALL);                       /* the or takes another register */
    c.n = 0; w32(&c, i_ld(2, 2, 8)); w32(&c, i_ld(8, 2, 16));
    not_fused(&c, 4096, FUSE_ALL);                       /* the first ld overwrites the base */
    c.n = 0; w32(&c, i_ld(1, 2, 8)); w32(&c, i_ld(8, 3, 16));
    not_fused(&c, 4096, FUSE_ALL);                       /* two bases */
    c.n = 0; w32(&c, i_sd(2, 1, 8)); w32(&c, i_sd(2, 8, 12));
    not_fused(&c, 4096, FUSE_ALL);                       /* an offset not a multiple of 8 */
    c.n = 0; w32(&c, i_sd(2, 1, -1024)); w32(&c, i_sd(2, 8, 1024));
    not_fused(&c, 4096, FUSE_ALL);                       /* 256 doublewords apart */
    c.n = 0; w32(&c, i_lbu(15, 10, 0)); w32(&c, i_beq(15, 0, -8));
    not_fused(&c, 4096, FUSE_ALL);                       /* the branch's target is in the page before */
    not_fused(&c, 4, FUSE_ALL);                          /* the branch lies in the next page */
    c.n = 0; w32(&c, i_lbu(15, 10, 0)); w32(&c, i_beq(15, 0, 8));
    not_fused(&c, 12, FUSE_ALL);                         /* its target is in the next page */
    not_fused(&c, 4096, FUSE_ALL & ~FUSE_LOAD_BRANCH);
    c.n = 0; w32(&c, i_addi(10, 10, 1)); w32(&c, i_add(11, 12, 13));
    not_fused(&c, 4096, FUSE_ALL);                       /* an add of two registers is no move */
    c.n = 0; w32(&c, i_slli(15, 14, 1)); w32(&c, i_add(13, 10, 15));
    not_fused(&c, 4096, FUSE_ALL);                       /* the add writes another register */
    c.n = 0; w32(&c, i_slli(15, 14, 1)); w32(&c, i_add(15, 15, 15));
    not_fused(&c, 4096, FUSE_ALL);                       /* rd + rd */
    c.n = 0; w32(&c, i_addi(10, 10, 1)); w32(&c, i_addiw(11, 11, 1));
    not_fused(&c, 4096, FUSE_ALL);                       /* addi then addiw */
    c.n = 0; w32(&c, i_addi(10, 10, 1)); w32(&c, i_addi(11, 11, 200));
    not_fused(&c, 4096, FUSE_ALL);                       /* a second constant past a signed byte */
}
END_TEST

/* ---- through the interpreter ---- */
static struct env *e;
static struct hart *h;
static void setup(void)
{
    e = env_new();
    h = e->h;
    env_pmp_allow_all(e);
}
static void teardown(void) { env_free(e); }

/* lui a0, 0x12345; addi a0, a0, 0x678; auipc a1, 1; addi a1, a1, -4; j . */
static void load_pairs(void)
{
    const uint32_t p[] = { i_lui(10, 0x12345), i_addi(10, 10, 0x678), i_auipc(11, 1), i_addi(11, 11, -4),
                           i_jal(0, 0) };
    put_prog(e, CODE, p, 5);
}

START_TEST(fused_pairs_compute_what_the_pairs_do)
{
    load_pairs();
    uint64_t n;
    hart_run(h, 5, &n);
    ck_assert_uint_ge(n, 5);
    ck_assert_uint_eq(h->x[10], 0x12345678);
    ck_assert_uint_eq(h->x[11], CODE + 8 + 0x1000 - 4);
    ck_assert_uint_eq(h->pc, CODE + 16);
    ck_assert_uint_eq(h->minstret, n);
}
END_TEST

START_TEST(exact_run_steps_into_a_fused_pair)
{
    load_pairs();
    uint64_t n;
    hart_run(h, 5, &n);   /* decodes and fuses the slots */
    h->pc = CODE;
    h->x[10] = h->x[11] = 0;
    ck_assert_int_eq(hart_run_exact(h, 1, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[10], 0x12345000);   /* lui alone */
    ck_assert_uint_eq(h->pc, CODE + 4);
    ck_assert_int_eq(hart_run_exact(h, 2, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[10], 0x12345678);
    ck_assert_uint_eq(h->x[11], CODE + 8 + 0x1000);   /* auipc alone */
    ck_assert_uint_eq(h->pc, CODE + 12);
}
END_TEST

START_TEST(store_into_the_second_instruction_undoes_the_group)
{
    load_pairs();
    uint64_t n;
    hart_run(h, 5, &n);
    ck_assert_uint_eq(h->x[10], 0x12345678);
    put32(e, CODE + 4, i_addi(10, 10, 0x10));   /* the addi's bytes: the lui's slot read them */
    h->pc = CODE;
    hart_run(h, 5, &n);
    ck_assert_uint_eq(h->x[10], 0x12345010);
}
END_TEST

/* sd a0, 0(a2); sd a1, 8(a2); ld a3, 8(a2); ld a4, 0(a2); j . -- with a2 in one page, then
 * with the pair straddling two pages (the head alone runs, then the second from its own slot). */
START_TEST(memory_pairs_store_and_load_in_program_order)
{
    const uint32_t p[] = { i_sd(12, 10, 0), i_sd(12, 11, 8), i_ld(13, 12, 8), i_ld(14, 12, 0), i_jal(0, 0) };
    put_prog(e, CODE, p, 5);
    uint64_t bases[] = { RAM_BASE + 0x10000, RAM_BASE + 0x10ff8 }, n;
    for (unsigned i = 0; i < 2; i++) {
        for (unsigned k = 0; k < 2; k++) {   /* twice: the second time through the data TLB */
            h->pc = CODE;
            h->x[10] = 0x1111 + i; h->x[11] = 0x2222 + k; h->x[12] = bases[i]; h->x[13] = h->x[14] = 0;
            hart_run(h, 5, &n);
            ck_assert_uint_eq(h->x[13], 0x2222 + k);
            ck_assert_uint_eq(h->x[14], 0x1111 + i);
            uint64_t v;
            ck_assert_int_eq(bus_read(&e->bus, bases[i] + 8, 8, &v), 0);
            ck_assert_uint_eq(v, 0x2222 + k);
        }
    }
    ck_assert_uint_eq(h->pc, CODE + 16);
}
END_TEST

/* 1: lbu a5, 0(a0); beq a5, x0, 2f; add a1, a1, a5; addi a0, a0, 1; j 1b; 2: j 2b -- a byte sum
 * to the first zero, run from a cold data TLB (the load alone, then the branch's own slot) and a
 * warm one (the fused group). */
START_TEST(load_branch_runs_both_ways)
{
    const uint32_t p[] = { i_lbu(15, 10, 0), i_beq(15, 0, 16), i_add(11, 11, 15), i_addi(10, 10, 1),
                           i_jal(0, -16), i_jal(0, 0) };
    put_prog(e, CODE, p, 6);
    const uint32_t bytes = 0x00030201;   /* 1, 2, 3, 0 */
    put32(e, RAM_BASE + 0x3000, bytes);
    for (unsigned k = 0; k < 2; k++) {
        h->pc = CODE;
        h->x[10] = RAM_BASE + 0x3000; h->x[11] = 0; h->x[15] = 99;
        uint64_t n;
        hart_run(h, 40, &n);
        ck_assert_uint_eq(h->x[11], 6);
        ck_assert_uint_eq(h->x[15], 0);
        ck_assert_uint_eq(h->x[10], RAM_BASE + 0x3003);
        ck_assert_uint_eq(h->pc, CODE + 20);
    }
    /* The exact interpreter runs the load alone. */
    h->pc = CODE; h->x[10] = RAM_BASE + 0x3000; h->x[15] = 0;
    uint64_t n;
    ck_assert_int_eq(hart_run_exact(h, 1, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[15], 1);
    ck_assert_uint_eq(h->pc, CODE + 4);
}
END_TEST

/* 1: addi a3, a3, 2; addiw a2, a2, -1; bne a2, x0, 1b; mv a0, a3; li a1, 9; j . */
START_TEST(counter_branch_and_move_pair_compute_what_they_do)
{
    const uint32_t p[] = { i_addi(13, 13, 2), i_addiw(12, 12, -1), i_bne(12, 0, -8),
                           i_addi(10, 13, 0), i_addi(11, 0, 9), i_jal(0, 0) };
    put_prog(e, CODE, p, 6);
    h->x[12] = 5; h->x[13] = 0;
    uint64_t n;
    hart_run(h, 18, &n);   /* 5 passes of 3, the pair, then j . */
    ck_assert_uint_eq(h->x[12], 0);
    ck_assert_uint_eq(h->x[13], 10);
    ck_assert_uint_eq(h->x[10], 10);
    ck_assert_uint_eq(h->x[11], 9);
    ck_assert_uint_eq(h->pc, CODE + 20);
    ck_assert_uint_eq(h->minstret, n);
    /* the exact interpreter: the mv alone */
    h->pc = CODE + 12; h->x[10] = h->x[11] = 0;
    ck_assert_int_eq(hart_run_exact(h, 1, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[10], 10);
    ck_assert_uint_eq(h->x[11], 0);
    ck_assert_uint_eq(h->pc, CODE + 16);
}
END_TEST

/* 1: lw a5, 0(a0); beq a5, x0, 1b -- a spin: the load and its closing branch are not fused, so
 * that the branch's own slot ends the slice as a spin's (interp.c fused_branch_closes_spin). */
START_TEST(spin_closed_by_a_load_branch_still_ends_the_slice)
{
    const uint32_t p[] = { i_lw(15, 10, 0), i_beq(15, 0, -4), i_jal(0, 0) };
    put_prog(e, CODE, p, 3);
    h->x[10] = RAM_BASE + 0x3000;
    put32(e, RAM_BASE + 0x3000, 0);
    uint64_t n;
    for (unsigned k = 0; k < 2; k++) {
        ck_assert_int_eq(hart_run(h, 100000, &n), HART_STOP_BUDGET);
        ck_assert_uint_eq(n, 2);
        ck_assert_uint_eq(h->pc, CODE);
    }
}
END_TEST

/* addi sp, sp, -48; sd ra..s2 (a quad); slli a5, a4, 3; add a5, a0, a5; add a6, a5, a5;
 * add a7, a6, a4; ld ra..s2 back into a1..a4 order (a quad); j . -- in a page, then with the quad
 * straddling two pages (each instruction alone). */
START_TEST(scaled_index_add_pair_and_quads_compute_what_they_do)
{
    for (unsigned k = 0; k < 2; k++) {
        const uint64_t sp = k ? RAM_BASE + 0x10000 + 24 : RAM_BASE + 0x10800;   /* saves at 0xfff8..0x10010 */
        const uint32_t first[] = { i_addi(2, 2, -48), i_slli(15, 14, 3), i_add(15, 10, 15), i_add(16, 15, 15),
                                   i_add(17, 16, 14) };
        put_prog(e, CODE, first, 1);
        put16(e, CODE + 4, c_sdsp(1, 40)); put16(e, CODE + 6, c_sdsp(8, 32));
        put16(e, CODE + 8, c_sdsp(9, 24)); put16(e, CODE + 10, c_sdsp(18, 16));
        put_prog(e, CODE + 12, first + 1, 4);
        put16(e, CODE + 28, c_ldsp(11, 40)); put16(e, CODE + 30, c_ldsp(12, 32));
        put16(e, CODE + 32, c_ldsp(13, 24)); put16(e, CODE + 34, c_ldsp(19, 16));
        put32(e, CODE + 36, i_jal(0, 0));
        for (unsigned r = 0; r < 2; r++) {   /* the second time through the data TLB */
            h->pc = CODE;
            h->x[2] = sp; h->x[1] = 0x11; h->x[8] = 0x88; h->x[9] = 0x99; h->x[18] = 0x1818;
            h->x[10] = 0x1000; h->x[14] = 5; h->x[11] = h->x[12] = h->x[13] = h->x[19] = 0;
            uint64_t n;
            hart_run(h, 15, &n);
            ck_assert_uint_eq(h->pc, CODE + 36);
            ck_assert_uint_eq(h->x[15], 0x1000 + 40);
            ck_assert_uint_eq(h->x[16], 2 * (0x1000 + 40));
            ck_assert_uint_eq(h->x[17], 2 * (0x1000 + 40) + 5);
            ck_assert_uint_eq(h->x[11], 0x11); ck_assert_uint_eq(h->x[12], 0x88);
            ck_assert_uint_eq(h->x[13], 0x99); ck_assert_uint_eq(h->x[19], 0x1818);
            uint64_t v;
            ck_assert_int_eq(bus_read(&e->bus, sp - 48 + 16, 8, &v), 0);
            ck_assert_uint_eq(v, 0x1818);
        }
    }
    /* The exact interpreter: the slli alone. */
    h->pc = CODE + 12; h->x[14] = 5; h->x[15] = 0;
    uint64_t n;
    ck_assert_int_eq(hart_run_exact(h, 1, &n), HART_STOP_BUDGET);
    ck_assert_uint_eq(h->x[15], 40);
    ck_assert_uint_eq(h->pc, CODE + 16);
}
END_TEST

/* A debugger breakpoint (an OP_BREAKPOINT slot, as debug.c plants) on the addi at CODE + 4. */
static bool bp_at_4(void *opaque, uint64_t paddr) { (void)opaque; return paddr == CODE + 4; }
static bool bp_stop_4(void *opaque, struct hart *hh, uint64_t pc) { (void)opaque; (void)hh; return pc == CODE + 4; }

START_TEST(breakpoint_on_the_second_instruction_stops_there)
{
    load_pairs();
    static struct hart_debug_hooks hooks;
    hooks.n_breakpoints = 1;
    hooks.bp_at = bp_at_4;
    hooks.bp_stop = bp_stop_4;
    h->debug = &hooks;
    uint64_t n;
    ck_assert_int_eq(hart_run(h, 5, &n), HART_STOP_BREAKPOINT);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(h->pc, CODE + 4);
    ck_assert_uint_eq(h->x[10], 0x12345000);
}
END_TEST

static Suite *fuse_suite(void)
{
    Suite *s = suite_create("fuse");
    TCase *m = tcase_create("matcher");
    tcase_add_test(m, lui_addi_becomes_the_constant);
    tcase_add_test(m, auipc_addi_becomes_a_pc_offset);
    tcase_add_test(m, rotate_of_two_shifts_and_an_or_is_one_group);
    tcase_add_test(m, ld_and_sd_pairs_off_one_base_are_one_group);
    tcase_add_test(m, load_then_branch_is_one_group);
    tcase_add_test(m, two_moves_or_constants_are_one_group);
    tcase_add_test(m, scaled_index_add_pair_and_quads_are_one_group);
    tcase_add_test(m, near_misses_are_not_fused);
    suite_add_tcase(s, m);
    TCase *t = tcase_create("interp");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, fused_pairs_compute_what_the_pairs_do);
    tcase_add_test(t, exact_run_steps_into_a_fused_pair);
    tcase_add_test(t, store_into_the_second_instruction_undoes_the_group);
    tcase_add_test(t, memory_pairs_store_and_load_in_program_order);
    tcase_add_test(t, load_branch_runs_both_ways);
    tcase_add_test(t, counter_branch_and_move_pair_compute_what_they_do);
    tcase_add_test(t, spin_closed_by_a_load_branch_still_ends_the_slice);
    tcase_add_test(t, scaled_index_add_pair_and_quads_compute_what_they_do);
    tcase_add_test(t, breakpoint_on_the_second_instruction_stops_there);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(fuse_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
