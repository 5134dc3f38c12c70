/* Superinstructions: the table of fused idioms (groups of 2-3 instructions run as one decoded slot). */
#ifndef VHART_CPU_FUSE_H
#define VHART_CPU_FUSE_H

#include <stdint.h>

#include "decode.h"

/* Try every idiom of the table (fuse.c) on the group starting with `head`, already decoded from
 * the bytes at `code`; `room` is how many bytes of the page remain from there. On a match `head`
 * becomes the fused op (decode.h: OP_ROTW_*, OP_LUI_ADDI_*, OP_AUIPC_ADDI_*, OP_LD_PAIR_*,
 * OP_SD_PAIR_*, OP_*_QUAD_*, OP_*_BR_*, OP_ADDI*_PAIR_*, OP_ADD_PAIR_*, OP_SLLI_ADD_*) with its operands, its len left as the head's own (the
 * exact interpreter runs the head alone), and 1 is returned; otherwise `head` is unchanged and 0 is
 * returned. `enabled` is a mask of FUSE_* bits: which idioms may match. */
#define FUSE_ROTW       1u   /* slliw/srliw + srliw/slliw + or: a 32-bit rotate */
#define FUSE_LUI_ADDI   2u   /* lui + addi/addiw of the same register: a 32-bit constant */
#define FUSE_AUIPC_ADDI 4u   /* auipc + addi of the same register: a pc-relative address */
#define FUSE_LD_PAIR    8u   /* ld + ld off one base register (and four c.ld/c.ldsp) */
#define FUSE_SD_PAIR    16u  /* sd + sd off one base register (and four c.sd/c.sdsp) */
#define FUSE_LOAD_BRANCH 32u /* a load + a conditional branch to the same page */
#define FUSE_ALUI_BRANCH 64u /* addi/addiw/andi + a conditional branch to the same page */
#define FUSE_ADDI_PAIR  128u /* two mv/li/addi (or two addiw) */
#define FUSE_ADD_PAIR   256u /* add + add */
#define FUSE_SLLI_ADD   512u /* slli + add into the same register: a scaled index */
#define FUSE_ALL        (FUSE_ROTW | FUSE_LUI_ADDI | FUSE_AUIPC_ADDI | FUSE_LD_PAIR | FUSE_SD_PAIR | \
                         FUSE_LOAD_BRANCH | FUSE_ALUI_BRANCH | FUSE_ADDI_PAIR | FUSE_ADD_PAIR | FUSE_SLLI_ADD)
int fuse_group(struct insn *head, const uint8_t *code, unsigned room, uint64_t ext, unsigned enabled);

/* The head instruction's own result for the exact interpreter, which runs a fused group one
 * instruction at a time: lui's value, or auipc's offset. */
int64_t fuse_head_imm(const struct insn *slot, uint64_t ext);

#endif
