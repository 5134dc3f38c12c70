/* Superinstructions from a table: idioms of 2-3 instructions that decode into one slot (the
 * instructions by their handler, unpriv spec 20191213 ch. 2 and 16; operand rules per idiom). */
#include "fuse.h"

#include <stdbool.h>

#include "../util/guest_atomic.h"

#define FUSE_MAX_INSNS 3

/* One idiom: the handlers (insn_infos[].exec, so compressed forms count as their expansion)
 * accepted at each position, 0-terminated, and `bind`, which checks the operands of the decoded
 * group g[0..n-1] and fills the fused slot *head (returning false for a near miss). */
struct fuse_idiom {
    unsigned bit;   /* FUSE_* */
    unsigned n;
    uint16_t exec[FUSE_MAX_INSNS][3];
    bool (*bind)(struct insn *head, const struct insn *g);
};

static bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

/* slliw/srliw rd1, rs, k; srliw/slliw rd2, rs, 32-k; or rd3, rd1, rd2 (either order): the first
 * shift must not overwrite the source, the two destinations must differ and neither be x0.
 * Fields: rd, rs2 the two shifts' destinations, rs3 the or's, rs1 the source, imm the first
 * shift's amount, rm 1 if the first shift is the left one. */
static bool bind_rotw(struct insn *head, const struct insn *g)
{
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
static bool bind_lui_addi(struct insn *head, const struct insn *g)
{
    if (g[0].rd == 32 || g[1].rd != g[0].rd || g[1].rs1 != g[0].rd) return false;
    int64_t v = (int64_t)g[0].imm + g[1].imm;
    if (insn_infos[g[1].op].exec == INSN_ID_addiw) v = (int32_t)(uint32_t)(uint64_t)v;
    if (!fits_i32(v)) return false;
    head->imm = (int32_t)v;
    head->op = (uint16_t)(OP_LUI_ADDI_44 + (g[0].len == 2) * 2 + (g[1].len == 2));
    return true;
}

/* auipc rd, hi; addi rd, rd, lo: rd = pc + hi + lo, the sum kept in imm when it fits 32 bits. */
static bool bind_auipc_addi(struct insn *head, const struct insn *g)
{
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
static bool bind_ld_pair(struct insn *head, const struct insn *g) { return bind_pair(head, g, true); }
static bool bind_sd_pair(struct insn *head, const struct insn *g) { return bind_pair(head, g, false); }

static const struct fuse_idiom idioms[] = {
    { FUSE_ROTW, 3, { { INSN_ID_slliw, INSN_ID_srliw }, { INSN_ID_slliw, INSN_ID_srliw }, { INSN_ID_or } },
      bind_rotw },
    { FUSE_LUI_ADDI, 2, { { INSN_ID_lui }, { INSN_ID_addi, INSN_ID_addiw } }, bind_lui_addi },
    { FUSE_AUIPC_ADDI, 2, { { INSN_ID_auipc }, { INSN_ID_addi } }, bind_auipc_addi },
    { FUSE_LD_PAIR, 2, { { INSN_ID_ld }, { INSN_ID_ld } }, bind_ld_pair },
    { FUSE_SD_PAIR, 2, { { INSN_ID_sd }, { INSN_ID_sd } }, bind_sd_pair },
};

static bool accepts(const uint16_t *list, unsigned exec)
{
    for (unsigned i = 0; i < 3 && list[i]; i++)
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
        if (id->bind(&fused, g)) {
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
