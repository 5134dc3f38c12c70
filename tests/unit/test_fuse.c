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
    tcase_add_test(m, near_misses_are_not_fused);
    suite_add_tcase(s, m);
    TCase *t = tcase_create("interp");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, fused_pairs_compute_what_the_pairs_do);
    tcase_add_test(t, exact_run_steps_into_a_fused_pair);
    tcase_add_test(t, store_into_the_second_instruction_undoes_the_group);
    tcase_add_test(t, memory_pairs_store_and_load_in_program_order);
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
