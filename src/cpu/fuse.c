/* Superinstructions from a table: idioms of 2-3 instructions that decode into one slot (the
 * instructions by their handler, unpriv spec 20191213 ch. 2 and 16; operand rules per idiom). */
#include "fuse.h"

#include <stdbool.h>

#include "../util/guest_atomic.h"

#define FUSE_MAX_INSNS 4
#define FUSE_MAX_KINDS 8   /* handlers accepted at one position */
#define PAGE_BYTES 4096u   /* decoded slots are per 4 KiB page: a fused branch's target must be in it */

/* Where the group lies: the head's byte offset in its page, and the extensions (IALIGN). */
struct fuse_where {
    unsigned page_off;
    uint64_t ext;
};

/* One idiom: the handlers (insn_infos[].exec, so compressed forms count as their expansion)
 * accepted at each position, 0-terminated, and `bind`, which checks the operands of the decoded
 * group g[0..n-1] and fills the fused slot *head (returning false for a near miss). */
struct fuse_idiom {
    unsigned bit;   /* FUSE_* */
    unsigned n;
    uint16_t exec[FUSE_MAX_INSNS][FUSE_MAX_KINDS];
    bool (*bind)(struct insn *head, const struct insn *g, const struct fuse_where *at);
};

static bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

/* slliw/srliw rd1, rs, k; srliw/slliw rd2, rs, 32-k; or rd3, rd1, rd2 (either order): the first
 * shift must not overwrite the source, the two destinations must differ and neither be x0.
 * Fields: rd, rs2 the two shifts' destinations, rs3 the or's, rs1 the source, imm the first
 * shift's amount, rm 1 if the first shift is the left one. */
static bool bind_rotw(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    (void)at;
    bool left = g[0].op == INSN_ID_slliw;
    if (g[1].op != (left ? INSN_ID_srliw : INSN_ID_slliw) || g[1].rs1 != g[0].rs1 ||
        (unsigned)g[1].imm != 32 - (unsigned)g[0].imm)
        return false;
    if (g[0].rd == g[0].rs1 || g[0].rd == 32 || g[1].rd == 32 || g[0].rd == g[1].rd) return false;
    if (!((g[2].rs1 == g[0].rd && g[2].rs2 == g[1].rd) || (g[2].rs1 == g[1].rd && g[2].rs2 == g[0].rd)))
        return false;
    head->rs2 = g[1].rd;
    head->rs3 = g[2].rd;
    head->rm = left;
    head->op = g[2].len == 4 ? OP_ROTW_4 : OP_ROTW_2;
    return true;
}

/* lui rd, hi; addi[w] rd, rd, lo (c.lui, c.addi, c.addiw alike): rd = the constant, kept in imm
 * when it fits 32 bits (with addiw it always does). */
static bool bind_lui_addi(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    (void)at;
    if (g[0].rd == 32 || g[1].rd != g[0].rd || g[1].rs1 != g[0].rd) return false;
    int64_t v = (int64_t)g[0].imm + g[1].imm;
    if (insn_infos[g[1].op].exec == INSN_ID_addiw) v = (int32_t)(uint32_t)(uint64_t)v;
    if (!fits_i32(v)) return false;
    head->imm = (int32_t)v;
    head->op = (uint16_t)(OP_LUI_ADDI_44 + (g[0].len == 2) * 2 + (g[1].len == 2));
    return true;
}

/* auipc rd, hi; addi rd, rd, lo: rd = pc + hi + lo, the sum kept in imm when it fits 32 bits. */
static bool bind_auipc_addi(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    (void)at;
    if (g[0].rd == 32 || g[1].rd != g[0].rd || g[1].rs1 != g[0].rd) return false;
    int64_t v = (int64_t)g[0].imm + g[1].imm;
    if (!fits_i32(v)) return false;
    head->imm = (int32_t)v;
    head->op = (uint16_t)(g[1].len == 4 ? OP_AUIPC_ADDI_44 : OP_AUIPC_ADDI_42);
    return true;
}

/* ld/sd a, i(base); ld/sd b, j(base) with i and j 8-byte multiples (as a prologue's or an
 * epilogue's saves and restores are) at most 127 doublewords apart; the first ld must not
 * overwrite the base. */
static bool bind_pair(struct insn *head, const struct insn *g, bool load)
{
    if (g[1].rs1 != g[0].rs1 || ((g[0].imm | g[1].imm) & 7)) return false;
    if (load && g[0].rd == g[0].rs1) return false;
    int32_t d = (g[1].imm - g[0].imm) / 8;
    if (d < -128 || d > 127) return false;
    head->rs3 = load ? g[1].rd : g[1].rs2;
    head->rm = (uint8_t)(int8_t)d;
    head->op = (uint16_t)((load ? OP_LD_PAIR_44 : OP_SD_PAIR_44) + (g[0].len == 2) * 2 + (g[1].len == 2));
    return true;
}
/* ld pairs and sd pairs share the table entry's bind; which one the head is says which. */
static bool is_load_run(const struct insn *g) { return insn_infos[g[0].op].exec == INSN_ID_ld; }
static bool bind_mem_pair(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    (void)at;
    return bind_pair(head, g, is_load_run(g));
}

/* Four c.ldsp/c.ld (or c.sdsp/c.sd) off one base, as a prologue saves and an epilogue restores
 * registers: the pair's fields for the first two, raw for the others (decode.h OP_LD_QUAD_2222).
 * No ld may overwrite the base. */
static bool bind_quad(struct insn *head, const struct insn *g, bool load)
{
    uint8_t regs[4];
    int32_t d[4];
    for (unsigned i = 0; i < 4; i++) {
        if (g[i].len != 2 || g[i].rs1 != g[0].rs1 || (g[i].imm & 7)) return false;
        if (load && g[i].rd == g[0].rs1) return false;
        regs[i] = load ? g[i].rd : g[i].rs2;
        d[i] = (g[i].imm - g[0].imm) / 8;
        if (d[i] < -128 || d[i] > 127) return false;
    }
    head->rs3 = regs[1];
    head->rm = (uint8_t)(int8_t)d[1];
    head->raw = (uint32_t)regs[2] | (uint32_t)regs[3] << 8 | (uint32_t)(uint8_t)(int8_t)d[2] << 16 |
                (uint32_t)(uint8_t)(int8_t)d[3] << 24;
    head->op = load ? OP_LD_QUAD_2222 : OP_SD_QUAD_2222;
    return true;
}
static bool bind_mem_quad(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    (void)at;
    return bind_quad(head, g, is_load_run(g));
}

/* slli rd, rs, k; add rd, rd, rs2 (either order): an index scaled into an address, rd = (rs << k)
 * + rs2 with rs2 in rs2 (not rd itself). */
static bool bind_slli_add(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    (void)at;
    uint8_t rd = g[0].rd;
    if (rd == 32 || g[1].rd != rd) return false;
    uint8_t other;
    if (g[1].rs1 == rd && g[1].rs2 != rd) other = g[1].rs2;
    else if (g[1].rs2 == rd && g[1].rs1 != rd) other = g[1].rs1;
    else return false;
    head->rs2 = other;
    head->op = (uint16_t)(OP_SLLI_ADD_44 + (g[0].len == 2) * 2 + (g[1].len == 2));
    return true;
}

/* add, add: the first as it is (rd, rs1, rs2), the second's rd in rs3, its sources in rm and
 * raw. */
static bool bind_add_pair(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    (void)at;
    head->rs3 = g[1].rd;
    head->rm = g[1].rs1;
    head->raw = g[1].rs2;
    head->op = (uint16_t)(OP_ADD_PAIR_44 + (g[0].len == 2) * 2 + (g[1].len == 2));
    return true;
}

/* A conditional branch right after the head (decode.h OP_LB_BR_EQ...): taken only to a target in
 * the head's page, aligned for IALIGN, so that the fused slot moves to it as a near branch does.
 * The head keeps its own rd, rs1 and imm (its plain handler runs it alone on a TLB miss and in the
 * exact interpreter); the branch goes to rs2/rs3 (its registers), rm (FUSE_BR_SHORT for a 2-byte
 * branch), raw (the target's byte offset from the head) and the op (the head's _EQ op plus the
 * condition's index). */
static bool bind_branch_tail(struct insn *head, const struct insn *br, const struct fuse_where *at,
                             uint16_t head_eq_op)
{
    unsigned cond;   /* decode.h FUSE_BR_CONDS order */
    switch (insn_infos[br->op].exec) {
    case INSN_ID_beq: cond = 0; break;
    case INSN_ID_bne: cond = 1; break;
    case INSN_ID_blt: cond = 2; break;
    case INSN_ID_bge: cond = 3; break;
    case INSN_ID_bltu: cond = 4; break;
    case INSN_ID_bgeu: cond = 5; break;
    default: return false;
    }
    int64_t delta = (int64_t)head->len + br->imm;   /* target - head */
    int64_t target = (int64_t)at->page_off + delta;
    unsigned ialign_mask = (at->ext & EXT_C) ? 1 : 3;
    if (target < 0 || target >= (int64_t)PAGE_BYTES || (target & ialign_mask)) return false;
    head->rs2 = br->rs1;
    head->rs3 = br->rs2;
    head->rm = br->len == 2 ? FUSE_BR_SHORT : 0;
    head->raw = (uint32_t)(int32_t)delta;
    head->op = (uint16_t)(head_eq_op + cond);
    return true;
}

/* A load, then a branch (often on the loaded value): lb..ld with either length. */
static bool bind_load_branch(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    uint16_t op;
    bool c = g[0].len == 2;
    switch (insn_infos[g[0].op].exec) {
    case INSN_ID_lb: op = OP_LB_BR_EQ; break;
    case INSN_ID_lbu: op = OP_LBU_BR_EQ; break;
    case INSN_ID_lh: op = OP_LH_BR_EQ; break;
    case INSN_ID_lhu: op = OP_LHU_BR_EQ; break;
    case INSN_ID_lw: op = c ? OP_LW_C_BR_EQ : OP_LW_BR_EQ; break;
    case INSN_ID_lwu: op = OP_LWU_BR_EQ; break;
    case INSN_ID_ld: op = c ? OP_LD_C_BR_EQ : OP_LD_BR_EQ; break;
    default: return false;
    }
    /* Zcb's 2-byte c.lbu/c.lh/c.lhu have no fused forms: their heads fall back by length. */
    if (c && op != OP_LW_C_BR_EQ && op != OP_LD_C_BR_EQ) return false;
    return bind_branch_tail(head, &g[1], at, op);
}

/* addi/addiw/andi (a counter, a mask), then a branch (often on that result). */
static bool bind_alui_branch(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    uint16_t op;
    bool c = g[0].len == 2;
    switch (insn_infos[g[0].op].exec) {
    case INSN_ID_addi: op = c ? OP_ADDI_C_BR_EQ : OP_ADDI_BR_EQ; break;
    case INSN_ID_addiw: op = c ? OP_ADDIW_C_BR_EQ : OP_ADDIW_BR_EQ; break;
    case INSN_ID_andi: op = c ? OP_ANDI_C_BR_EQ : OP_ANDI_BR_EQ; break;
    default: return false;
    }
    return bind_branch_tail(head, &g[1], at, op);
}

/* An instruction that is "rd = rs + constant": addi (li, mv, c.addi...), or add with x0 (c.mv):
 * its source and constant, false for anything else. */
static bool as_add_const(const struct insn *i, uint8_t *rs, int32_t *k)
{
    switch (insn_infos[i->op].exec) {
    case INSN_ID_addi: case INSN_ID_addiw: *rs = i->rs1; *k = i->imm; return true;
    case INSN_ID_add:
        if (i->rs1 == 0) { *rs = i->rs2; *k = 0; return true; }
        if (i->rs2 == 0) { *rs = i->rs1; *k = 0; return true; }
        return false;
    default: return false;
    }
}

/* Two register moves or small constants in a row (mv, li, addi; or two addiw, as sext.w): rd =
 * rs1 + imm for the first, rs2 = rs3 + (int8)rm for the second, which may read the first's rd. The
 * exact interpreter runs the first alone from these fields (the same value its own handler gives). */
static bool bind_addi_pair(struct insn *head, const struct insn *g, const struct fuse_where *at)
{
    (void)at;
    bool w = insn_infos[g[0].op].exec == INSN_ID_addiw;
    if (w != (insn_infos[g[1].op].exec == INSN_ID_addiw)) return false;
    uint8_t rs_a, rs_b;
    int32_t k_a, k_b;
    if (!as_add_const(&g[0], &rs_a, &k_a) || !as_add_const(&g[1], &rs_b, &k_b)) return false;
    if (k_b < INT8_MIN || k_b > INT8_MAX) return false;
    head->rs1 = rs_a;
    head->imm = k_a;
    head->rs2 = g[1].rd;
    head->rs3 = rs_b;
    head->rm = (uint8_t)(int8_t)k_b;
    head->op = (uint16_t)((w ? OP_ADDIW_PAIR_44 : OP_ADDI_PAIR_44) + (g[0].len == 2) * 2 + (g[1].len == 2));
    return true;
}

static const struct fuse_idiom idioms[] = {
    { FUSE_ROTW, 3, { { INSN_ID_slliw, INSN_ID_srliw }, { INSN_ID_slliw, INSN_ID_srliw }, { INSN_ID_or } },
      bind_rotw },
    { FUSE_LUI_ADDI, 2, { { INSN_ID_lui }, { INSN_ID_addi, INSN_ID_addiw } }, bind_lui_addi },
    { FUSE_AUIPC_ADDI, 2, { { INSN_ID_auipc }, { INSN_ID_addi } }, bind_auipc_addi },
    { FUSE_LD_PAIR, 4, { { INSN_ID_ld }, { INSN_ID_ld }, { INSN_ID_ld }, { INSN_ID_ld } }, bind_mem_quad },
    { FUSE_SD_PAIR, 4, { { INSN_ID_sd }, { INSN_ID_sd }, { INSN_ID_sd }, { INSN_ID_sd } }, bind_mem_quad },
    { FUSE_LD_PAIR, 2, { { INSN_ID_ld }, { INSN_ID_ld } }, bind_mem_pair },
    { FUSE_SD_PAIR, 2, { { INSN_ID_sd }, { INSN_ID_sd } }, bind_mem_pair },
    { FUSE_LOAD_BRANCH, 2,
      { { INSN_ID_lb, INSN_ID_lbu, INSN_ID_lh, INSN_ID_lhu, INSN_ID_lw, INSN_ID_lwu, INSN_ID_ld },
        { INSN_ID_beq, INSN_ID_bne, INSN_ID_blt, INSN_ID_bge, INSN_ID_bltu, INSN_ID_bgeu } },
      bind_load_branch },
    { FUSE_ALUI_BRANCH, 2,
      { { INSN_ID_addi, INSN_ID_addiw, INSN_ID_andi },
        { INSN_ID_beq, INSN_ID_bne, INSN_ID_blt, INSN_ID_bge, INSN_ID_bltu, INSN_ID_bgeu } },
      bind_alui_branch },
    { FUSE_ADDI_PAIR, 2, { { INSN_ID_addi, INSN_ID_addiw, INSN_ID_add }, { INSN_ID_addi, INSN_ID_addiw, INSN_ID_add } },
      bind_addi_pair },
    { FUSE_ADD_PAIR, 2, { { INSN_ID_add }, { INSN_ID_add } }, bind_add_pair },
    { FUSE_SLLI_ADD, 2, { { INSN_ID_slli }, { INSN_ID_add } }, bind_slli_add },
};

static bool accepts(const uint16_t *list, unsigned exec)
{
    for (unsigned i = 0; i < FUSE_MAX_KINDS && list[i]; i++)
        if (list[i] == exec) return true;
    return false;
}

int fuse_group(struct insn *head, const uint8_t *code, unsigned room, uint64_t ext, unsigned enabled)
{
    if (head->op <= OP_BREAKPOINT || head->op >= OP_COUNT) return 0;
    unsigned exec0 = insn_infos[head->op].exec;
    struct insn g[FUSE_MAX_INSNS];
    unsigned decoded = 1, at = head->len;   /* instructions of the group decoded so far, their bytes */
    g[0] = *head;
    const struct fuse_where where = { PAGE_BYTES - room, ext };
    for (unsigned k = 0; k < sizeof idioms / sizeof idioms[0]; k++) {
        const struct fuse_idiom *id = &idioms[k];
        if (!(id->bit & enabled) || !accepts(id->exec[0], exec0)) continue;
        bool ok = true;
        for (unsigned i = 1; i < id->n && ok; i++) {
            if (i >= decoded) {   /* decode the next instruction of the page, once for all idioms */
                if (room < at + 2) { ok = false; break; }
                uint32_t raw = ga_fetch16(code + at);
                if (insn_length(raw) == 4) {
                    if (room < at + 4) { ok = false; break; }
                    raw = ga_fetch32(code + at);
                }
                if (decode_insn(raw, ext, &g[i]) != 0) { ok = false; break; }
                at += g[i].len;
                decoded++;
            }
            ok = accepts(id->exec[i], insn_infos[g[i].op].exec);
        }
        if (!ok) continue;
        struct insn fused = *head;
        if (id->bind(&fused, g, &where)) {
            *head = fused;
            return 1;
        }
    }
    return 0;
}

int64_t fuse_head_imm(const struct insn *slot, uint64_t ext)
{
    struct insn d;
    decode_insn(slot->raw, ext, &d);
    return d.imm;
}
