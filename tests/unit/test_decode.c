/* Unit tests for src/cpu/decode.c: operand extraction per format (unprivileged spec 20191213, 2.2-2.3
 * and 16.2-16.8), reserved RVC encodings, the x0 sink, extension gating and table coverage.
 * Reference encodings were produced by GNU as / llvm-mc. */
#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cpu/decode.h"
#include "cpu/isa.h"

/* Every extension bit on: the table is decoded in full. */
#define EXT_ALL (~0ull)
#define EXT_DEFAULT_SET (EXT_I | EXT_M | EXT_A | EXT_C | EXT_ZICSR | EXT_ZIFENCEI | EXT_S)
#define ANY (-99999)   /* field not checked */

struct dcase {
    uint32_t raw;
    const char *name;
    int rd, rs1, rs2;
    int32_t imm;
    int rm;
};

/* One encoding at least for every table entry, with the operands the decoder must extract.
 * Immediates are given as the sign-extended value of the 32-bit equivalent (16.x expansions). */
static const struct dcase cases[] = {
    /* U */
    { 0xfffff2b7, "lui", 5, ANY, ANY, -4096, ANY },
    { 0x800007b7, "lui", 15, ANY, ANY, INT32_MIN, ANY },
    { 0x12345497, "auipc", 9, ANY, ANY, 0x12345000, ANY },
    /* J: extremes of the 21-bit immediate */
    { 0x800000ef, "jal", 1, ANY, ANY, -1048576, ANY },
    { 0x7ffff06f, "jal", 32, ANY, ANY, 1048574, ANY },
    { 0x0000056f, "jal", 10, ANY, ANY, 0, ANY },
    /* I */
    { 0x80060367, "jalr", 6, 12, ANY, -2048, ANY },
    { 0x7ff08067, "jalr", 32, 1, ANY, 2047, ANY },
    /* B: extremes of the 13-bit immediate */
    { 0x80b50063, "beq", ANY, 10, 11, -4096, ANY },
    { 0x7e629fe3, "bne", ANY, 5, 6, 4094, ANY },
    { 0x00944463, "blt", ANY, 8, 9, 8, ANY },
    { 0xfed65fe3, "bge", ANY, 12, 13, -2, ANY },
    { 0x00f76863, "bltu", ANY, 14, 15, 16, ANY },
    { 0xff3978e3, "bgeu", ANY, 18, 19, -16, ANY },
    /* loads (I) */
    { 0x80010503, "lb", 10, 2, ANY, -2048, ANY },
    { 0x7ff19583, "lh", 11, 3, ANY, 2047, ANY },
    { 0xfff22603, "lw", 12, 4, ANY, -1, ANY },
    { 0x0082b683, "ld", 13, 5, ANY, 8, ANY },
    { 0x00034703, "lbu", 14, 6, ANY, 0, ANY },
    { 0x0013d783, "lhu", 15, 7, ANY, 1, ANY },
    { 0x00246803, "lwu", 16, 8, ANY, 2, ANY },
    /* S: extremes of the 12-bit immediate */
    { 0x81148023, "sb", ANY, 9, 17, -2048, ANY },
    { 0x7f251fa3, "sh", ANY, 10, 18, 2047, ANY },
    { 0xff35afa3, "sw", ANY, 11, 19, -1, ANY },
    { 0x01463823, "sd", ANY, 12, 20, 16, ANY },
    /* OP-IMM */
    { 0x800e8e13, "addi", 28, 29, ANY, -2048, ANY },
    { 0x7fffaf13, "slti", 30, 31, ANY, 2047, ANY },
    { 0xfff5b513, "sltiu", 10, 11, ANY, -1, ANY },
    { 0x5556c613, "xori", 12, 13, ANY, 0x555, ANY },
    { 0xaaa7e713, "ori", 14, 15, ANY, -0x556, ANY },
    { 0x0ffb7a93, "andi", 21, 22, ANY, 0xff, ANY },
    /* shifts: 6-bit shamt for RV64, 5-bit for the W forms */
    { 0x03fc1b93, "slli", 23, 24, ANY, 63, ANY },
    { 0x020d5c93, "srli", 25, 26, ANY, 32, ANY },
    { 0x401e5d93, "srai", 27, 28, ANY, 1, ANY },
    { 0x01f6961b, "slliw", 12, 13, ANY, 31, ANY },
    { 0x0117d71b, "srliw", 14, 15, ANY, 17, ANY },
    { 0x4018d81b, "sraiw", 16, 17, ANY, 1, ANY },
    /* R */
    { 0x00c58533, "add", 10, 11, 12, ANY, ANY },
    { 0x40f706b3, "sub", 13, 14, 15, ANY, ANY },
    { 0x01289833, "sll", 16, 17, 18, ANY, ANY },
    { 0x015a29b3, "slt", 19, 20, 21, ANY, ANY },
    { 0x018bbb33, "sltu", 22, 23, 24, ANY, ANY },
    { 0x01bd4cb3, "xor", 25, 26, 27, ANY, ANY },
    { 0x01eede33, "srl", 28, 29, 30, ANY, ANY },
    { 0x40b55fb3, "sra", 31, 10, 11, ANY, ANY },
    { 0x00e6e633, "or", 12, 13, 14, ANY, ANY },
    { 0x011877b3, "and", 15, 16, 17, ANY, ANY },
    { 0x8005851b, "addiw", 10, 11, ANY, -2048, ANY },
    { 0x007302bb, "addw", 5, 6, 7, ANY, ANY },
    { 0x40a4843b, "subw", 8, 9, 10, ANY, ANY },
    { 0x00d615bb, "sllw", 11, 12, 13, ANY, ANY },
    { 0x0107d73b, "srlw", 14, 15, 16, ANY, ANY },
    { 0x413958bb, "sraw", 17, 18, 19, ANY, ANY },
    /* system */
    { 0x0310000f, "fence", ANY, 0, ANY, 0x031, ANY },
    { 0x00000073, "ecall", ANY, ANY, ANY, ANY, ANY },
    { 0x00100073, "ebreak", ANY, ANY, ANY, ANY, ANY },
    { 0x0000100f, "fence.i", ANY, ANY, ANY, ANY, ANY },
    /* CSR: the immediate is the unsigned CSR number; for the I forms rs1 is the zimm */
    { 0x30059573, "csrrw", 10, 11, ANY, 0x300, ANY },
    { 0xfff6a673, "csrrs", 12, 13, ANY, 0xfff, ANY },
    { 0x1007b773, "csrrc", 14, 15, ANY, 0x100, ANY },
    { 0x341fd873, "csrrwi", 16, 31, ANY, 0x341, ANY },
    { 0x3040e8f3, "csrrsi", 17, 1, ANY, 0x304, ANY },
    { 0xc0007973, "csrrci", 18, 0, ANY, 0xc00, ANY },
    { 0x10200073, "sret", ANY, ANY, ANY, ANY, ANY },
    { 0x30200073, "mret", ANY, ANY, ANY, ANY, ANY },
    { 0x10500073, "wfi", ANY, ANY, ANY, ANY, ANY },
    { 0x12b50073, "sfence.vma", ANY, 10, 11, ANY, ANY },
    /* H: fences (rs1, rs2), HLV (rd, rs1), HSV (rs1 address, rs2 data) */
    { 0x22b50073, "hfence.vvma", ANY, 10, 11, ANY, ANY },
    { 0x62d60073, "hfence.gvma", ANY, 12, 13, ANY, ANY },
    { 0x6005c573, "hlv.b", 10, 11, ANY, ANY, ANY },
    { 0x601342f3, "hlv.bu", 5, 6, ANY, ANY, ANY },
    { 0x6406c673, "hlv.h", 12, 13, ANY, ANY, ANY },
    { 0x6417c773, "hlv.hu", 14, 15, ANY, ANY, ANY },
    { 0x6434c473, "hlvx.hu", 8, 9, ANY, ANY, ANY },
    { 0x68014573, "hlv.w", 10, 2, ANY, ANY, ANY },
    { 0x6811c5f3, "hlv.wu", 11, 3, ANY, ANY, ANY },
    { 0x68324673, "hlvx.wu", 12, 4, ANY, ANY, ANY },
    { 0x6c0546f3, "hlv.d", 13, 10, ANY, ANY, ANY },
    { 0x62a5c073, "hsv.b", ANY, 11, 10, ANY, ANY },
    { 0x66c6c073, "hsv.h", ANY, 13, 12, ANY, ANY },
    { 0x6a534073, "hsv.w", ANY, 6, 5, ANY, ANY },
    { 0x6f29c073, "hsv.d", ANY, 19, 18, ANY, ANY },
    /* M */
    { 0x02c58533, "mul", 10, 11, 12, ANY, ANY },
    { 0x02f716b3, "mulh", 13, 14, 15, ANY, ANY },
    { 0x0328a833, "mulhsu", 16, 17, 18, ANY, ANY },
    { 0x035a39b3, "mulhu", 19, 20, 21, ANY, ANY },
    { 0x038bcb33, "div", 22, 23, 24, ANY, ANY },
    { 0x03bd5cb3, "divu", 25, 26, 27, ANY, ANY },
    { 0x03eeee33, "rem", 28, 29, 30, ANY, ANY },
    { 0x02b57fb3, "remu", 31, 10, 11, ANY, ANY },
    { 0x02e6863b, "mulw", 12, 13, 14, ANY, ANY },
    { 0x031847bb, "divw", 15, 16, 17, ANY, ANY },
    { 0x0349d93b, "divuw", 18, 19, 20, ANY, ANY },
    { 0x037b6abb, "remw", 21, 22, 23, ANY, ANY },
    { 0x03acfc3b, "remuw", 24, 25, 26, ANY, ANY },
    /* A: rm holds aq (bit 1) and rl (bit 0) */
    { 0x1005a52f, "lr.w", 10, 11, 0, ANY, 0 },
    { 0x18d7262f, "sc.w", 12, 14, 13, ANY, 0 },
    { 0x0d08a7af, "amoswap.w", 15, 17, 16, ANY, 2 },
    { 0x033a292f, "amoadd.w", 18, 20, 19, ANY, 1 },
    { 0x276baaaf, "amoxor.w", 21, 23, 22, ANY, 3 },
    { 0x60b6252f, "amoand.w", 10, 12, 11, ANY, 0 },
    { 0x40b6252f, "amoor.w", 10, 12, 11, ANY, 0 },
    { 0x80b6252f, "amomin.w", 10, 12, 11, ANY, 0 },
    { 0xa0b6252f, "amomax.w", 10, 12, 11, ANY, 0 },
    { 0xc0b6252f, "amominu.w", 10, 12, 11, ANY, 0 },
    { 0xe0b6252f, "amomaxu.w", 10, 12, 11, ANY, 0 },
    { 0x160332af, "lr.d", 5, 6, 0, ANY, 3 },
    { 0x1884b3af, "sc.d", 7, 9, 8, ANY, 0 },
    { 0x08b6352f, "amoswap.d", 10, 12, 11, ANY, 0 },
    { 0x00b6352f, "amoadd.d", 10, 12, 11, ANY, 0 },
    { 0x20b6352f, "amoxor.d", 10, 12, 11, ANY, 0 },
    { 0x60b6352f, "amoand.d", 10, 12, 11, ANY, 0 },
    { 0x40b6352f, "amoor.d", 10, 12, 11, ANY, 0 },
    { 0x80b6352f, "amomin.d", 10, 12, 11, ANY, 0 },
    { 0xa0b6352f, "amomax.d", 10, 12, 11, ANY, 0 },
    { 0xc0b6352f, "amominu.d", 10, 12, 11, ANY, 0 },
    { 0xe0b6352f, "amomaxu.d", 10, 12, 11, ANY, 0 },
    /* RVC (chapter 16): each format at its immediate extremes */
    { 0x1fe8, "c.addi4spn", 10, 2, ANY, 1020, ANY },
    { 0x0040, "c.addi4spn", 8, 2, ANY, 4, ANY },
    { 0x5cfc, "c.lw", 15, 9, ANY, 124, ANY },
    { 0x4380, "c.lw", 8, 15, ANY, 0, ANY },
    { 0x7d78, "c.ld", 14, 10, ANY, 248, ANY },
    { 0xde74, "c.sw", ANY, 12, 13, 124, ANY },
    { 0xffe4, "c.sd", ANY, 15, 9, 248, ANY },
    { 0x1501, "c.addi", 10, 10, ANY, -32, ANY },
    { 0x02fd, "c.addi", 5, 5, ANY, 31, ANY },
    { 0x3581, "c.addiw", 11, 11, ANY, -32, ANY },
    { 0x247d, "c.addiw", 8, 8, ANY, 31, ANY },
    { 0x5601, "c.li", 12, 0, ANY, -32, ANY },
    { 0x40fd, "c.li", 1, 0, ANY, 31, ANY },
    { 0x7101, "c.addi16sp", 2, 2, ANY, -512, ANY },
    { 0x617d, "c.addi16sp", 2, 2, ANY, 496, ANY },
    { 0x7681, "c.lui", 13, ANY, ANY, -131072, ANY },
    { 0x6ffd, "c.lui", 31, ANY, ANY, 0x1f000, ANY },
    { 0x907d, "c.srli", 8, 8, ANY, 63, ANY },
    { 0x8785, "c.srai", 15, 15, ANY, 1, ANY },
    { 0x9b01, "c.andi", 14, 14, ANY, -32, ANY },
    { 0x8c05, "c.sub", 8, 8, 9, ANY, ANY },
    { 0x8d2d, "c.xor", 10, 10, 11, ANY, ANY },
    { 0x8e55, "c.or", 12, 12, 13, ANY, ANY },
    { 0x8f7d, "c.and", 14, 14, 15, ANY, ANY },
    { 0x9c89, "c.subw", 9, 9, 10, ANY, ANY },
    { 0x9fa1, "c.addw", 15, 15, 8, ANY, ANY },
    { 0xb001, "c.j", 32, ANY, ANY, -2048, ANY },
    { 0xaffd, "c.j", 32, ANY, ANY, 2046, ANY },
    { 0xd001, "c.beqz", ANY, 8, 0, -256, ANY },
    { 0xeffd, "c.bnez", ANY, 15, 0, 254, ANY },
    { 0x12fe, "c.slli", 5, 5, ANY, 63, ANY },
    { 0x50fe, "c.lwsp", 1, 2, ANY, 252, ANY },
    { 0x7dfe, "c.ldsp", 27, 2, ANY, 504, ANY },
    { 0x8302, "c.jr", 32, 6, ANY, 0, ANY },
    { 0x856e, "c.mv", 10, 0, 27, ANY, ANY },
    { 0x9002, "c.ebreak", ANY, ANY, ANY, ANY, ANY },
    { 0x9882, "c.jalr", 1, 17, ANY, 0, ANY },
    { 0x920e, "c.add", 4, 4, 3, ANY, ANY },
    { 0xdffe, "c.swsp", ANY, 2, 31, 252, ANY },
    { 0xff86, "c.sdsp", ANY, 2, 1, 504, ANY },
    /* Zihintpause */
    { 0x0100000f, "pause", ANY, ANY, ANY, ANY, ANY },
    /* Zba */
    { 0x08c5853b, "add.uw", 10, 11, 12, ANY, ANY },
    { 0x20c5a533, "sh1add", 10, 11, 12, ANY, ANY },
    { 0x20f746b3, "sh2add", 13, 14, 15, ANY, ANY },
    { 0x2128e833, "sh3add", 16, 17, 18, ANY, ANY },
    { 0x20c5a53b, "sh1add.uw", 10, 11, 12, ANY, ANY },
    { 0x20c5c53b, "sh2add.uw", 10, 11, 12, ANY, ANY },
    { 0x20c5e53b, "sh3add.uw", 10, 11, 12, ANY, ANY },
    { 0x0bf5951b, "slli.uw", 10, 11, ANY, 63, ANY },
    /* Zbb */
    { 0x40c5f533, "andn", 10, 11, 12, ANY, ANY },
    { 0x40c5e533, "orn", 10, 11, 12, ANY, ANY },
    { 0x40c5c533, "xnor", 10, 11, 12, ANY, ANY },
    { 0x60059513, "clz", 10, 11, ANY, ANY, ANY },
    { 0x6006961b, "clzw", 12, 13, ANY, ANY, ANY },
    { 0x60179713, "ctz", 14, 15, ANY, ANY, ANY },
    { 0x6018981b, "ctzw", 16, 17, ANY, ANY, ANY },
    { 0x60299913, "cpop", 18, 19, ANY, ANY, ANY },
    { 0x602a9a1b, "cpopw", 20, 21, ANY, ANY, ANY },
    { 0x0ac5e533, "max", 10, 11, 12, ANY, ANY },
    { 0x0ac5f533, "maxu", 10, 11, 12, ANY, ANY },
    { 0x0ac5c533, "min", 10, 11, 12, ANY, ANY },
    { 0x0ac5d533, "minu", 10, 11, 12, ANY, ANY },
    { 0x60459513, "sext.b", 10, 11, ANY, ANY, ANY },
    { 0x60559513, "sext.h", 10, 11, ANY, ANY, ANY },
    { 0x0805c53b, "zext.h", 10, 11, ANY, ANY, ANY },
    { 0x60c59533, "rol", 10, 11, 12, ANY, ANY },
    { 0x60c5d533, "ror", 10, 11, 12, ANY, ANY },
    { 0x60c5953b, "rolw", 10, 11, 12, ANY, ANY },
    { 0x60c5d53b, "rorw", 10, 11, 12, ANY, ANY },
    { 0x63f5d513, "rori", 10, 11, ANY, 63, ANY },
    { 0x61f5d51b, "roriw", 10, 11, ANY, 31, ANY },
    { 0x2875d513, "orc.b", 10, 11, ANY, ANY, ANY },
    { 0x6b85d513, "rev8", 10, 11, ANY, ANY, ANY },
    /* Zbs */
    { 0x48c59533, "bclr", 10, 11, 12, ANY, ANY },
    { 0x4bf59513, "bclri", 10, 11, ANY, 63, ANY },
    { 0x48c5d533, "bext", 10, 11, 12, ANY, ANY },
    { 0x4a05d513, "bexti", 10, 11, ANY, 32, ANY },
    { 0x68c59533, "binv", 10, 11, 12, ANY, ANY },
    { 0x68159513, "binvi", 10, 11, ANY, 1, ANY },
    { 0x28c59533, "bset", 10, 11, 12, ANY, ANY },
    { 0x28059513, "bseti", 10, 11, ANY, 0, ANY },
    /* Zicond (encodings from the Zicond 1.0 spec) */
    { 0x0ec5d533, "czero.eqz", 10, 11, 12, ANY, ANY },
    { 0x0ec5f533, "czero.nez", 10, 11, 12, ANY, ANY },
    /* Zicbom / Zicboz */
    { 0x0005200f, "cbo.inval", ANY, 10, ANY, ANY, ANY },
    { 0x0015a00f, "cbo.clean", ANY, 11, ANY, ANY, ANY },
    { 0x0026200f, "cbo.flush", ANY, 12, ANY, ANY, ANY },
    { 0x0046a00f, "cbo.zero", ANY, 13, ANY, ANY, ANY },
    /* F and D (chapters 11-12): f registers are named by number, rm is bits 14:12 */
    { 0x80052007, "flw", 0, 10, ANY, -2048, ANY },
    { 0x7e15afa7, "fsw", ANY, 11, 1, 2047, ANY },
    { 0x18208043, "fmadd.s", 0, 1, 2, ANY, 0 },
    { 0x38629247, "fmsub.s", 4, 5, 6, ANY, 1 },
    { 0x58a4a44b, "fnmsub.s", 8, 9, 10, ANY, 2 },
    { 0xe1df7fcf, "fnmadd.s", 31, 30, 29, ANY, 7 },
    { 0x0020b053, "fadd.s", 0, 1, 2, ANY, 3 },
    { 0x085271d3, "fsub.s", 3, 4, 5, ANY, 7 },
    { 0x1083f353, "fmul.s", 6, 7, 8, ANY, 7 },
    { 0x18b574d3, "fdiv.s", 9, 10, 11, ANY, 7 },
    { 0x5806f653, "fsqrt.s", 12, 13, ANY, ANY, 7 },
    { 0x21078753, "fsgnj.s", 14, 15, 16, ANY, 0 },
    { 0x213918d3, "fsgnjn.s", 17, 18, 19, ANY, 1 },
    { 0x216aaa53, "fsgnjx.s", 20, 21, 22, ANY, 2 },
    { 0x299c0bd3, "fmin.s", 23, 24, 25, ANY, 0 },
    { 0x29cd9d53, "fmax.s", 26, 27, 28, ANY, 1 },
    { 0xc0009553, "fcvt.w.s", 10, 1, ANY, ANY, 1 },
    { 0xc01175d3, "fcvt.wu.s", 11, 2, ANY, ANY, 7 },
    { 0xc021f653, "fcvt.l.s", 12, 3, ANY, ANY, 7 },
    { 0xc03276d3, "fcvt.lu.s", 13, 4, ANY, ANY, 7 },
    { 0xe0028753, "fmv.x.w", 14, 5, ANY, ANY, ANY },
    { 0xe00317d3, "fclass.s", 15, 6, ANY, ANY, ANY },
    { 0xa083a853, "feq.s", 16, 7, 8, ANY, ANY },
    { 0xa0a498d3, "flt.s", 17, 9, 10, ANY, ANY },
    { 0xa0c58953, "fle.s", 18, 11, 12, ANY, ANY },
    { 0xd00576d3, "fcvt.s.w", 13, 10, ANY, ANY, 7 },
    { 0xd015f753, "fcvt.s.wu", 14, 11, ANY, ANY, 7 },
    { 0xd02677d3, "fcvt.s.l", 15, 12, ANY, ANY, 7 },
    { 0xd036f853, "fcvt.s.lu", 16, 13, ANY, ANY, 7 },
    { 0xf00708d3, "fmv.w.x", 17, 14, ANY, ANY, ANY },
    { 0x00813407, "fld", 8, 2, ANY, 8, ANY },
    { 0xfe913c27, "fsd", ANY, 2, 9, -8, ANY },
    { 0x1a20f043, "fmadd.d", 0, 1, 2, ANY, 7 },
    { 0x3a62f247, "fmsub.d", 4, 5, 6, ANY, 7 },
    { 0x5aa4f44b, "fnmsub.d", 8, 9, 10, ANY, 7 },
    { 0x7ae6f64f, "fnmadd.d", 12, 13, 14, ANY, 7 },
    { 0x0220f053, "fadd.d", 0, 1, 2, ANY, 7 },
    { 0x0a5271d3, "fsub.d", 3, 4, 5, ANY, 7 },
    { 0x1283f353, "fmul.d", 6, 7, 8, ANY, 7 },
    { 0x1ab574d3, "fdiv.d", 9, 10, 11, ANY, 7 },
    { 0x5a06f653, "fsqrt.d", 12, 13, ANY, ANY, 7 },
    { 0x23078753, "fsgnj.d", 14, 15, 16, ANY, 0 },
    { 0x233918d3, "fsgnjn.d", 17, 18, 19, ANY, 1 },
    { 0x236aaa53, "fsgnjx.d", 20, 21, 22, ANY, 2 },
    { 0x2b9c0bd3, "fmin.d", 23, 24, 25, ANY, 0 },
    { 0x2bcd9d53, "fmax.d", 26, 27, 28, ANY, 1 },
    { 0x401170d3, "fcvt.s.d", 1, 2, ANY, ANY, 7 },
    { 0x420201d3, "fcvt.d.s", 3, 4, ANY, ANY, 0 },
    { 0xa220a553, "feq.d", 10, 1, 2, ANY, ANY },
    { 0xa24195d3, "flt.d", 11, 3, 4, ANY, ANY },
    { 0xa2628653, "fle.d", 12, 5, 6, ANY, ANY },
    { 0xe20396d3, "fclass.d", 13, 7, ANY, ANY, ANY },
    { 0xc2047753, "fcvt.w.d", 14, 8, ANY, ANY, 7 },
    { 0xc214f7d3, "fcvt.wu.d", 15, 9, ANY, ANY, 7 },
    { 0xc2257853, "fcvt.l.d", 16, 10, ANY, ANY, 7 },
    { 0xc235f8d3, "fcvt.lu.d", 17, 11, ANY, ANY, 7 },
    { 0xe2060953, "fmv.x.d", 18, 12, ANY, ANY, ANY },
    { 0xd20506d3, "fcvt.d.w", 13, 10, ANY, ANY, ANY },
    { 0xd2158753, "fcvt.d.wu", 14, 11, ANY, ANY, ANY },
    { 0xd22677d3, "fcvt.d.l", 15, 12, ANY, ANY, 7 },
    { 0xd236f853, "fcvt.d.lu", 16, 13, ANY, ANY, 7 },
    { 0xf20708d3, "fmv.d.x", 17, 14, ANY, ANY, ANY },
    { 0x3de8, "c.fld", 10, 11, ANY, 248, ANY },
    { 0xa004, "c.fsd", ANY, 8, 9, 0, ANY },
    { 0x307e, "c.fldsp", 0, 2, ANY, 504, ANY },
    { 0xbffe, "c.fsdsp", ANY, 2, 31, 504, ANY },
    /* Zcb, Zcmop, Zbc, Zbkb, Zbkx, Zimop, Zawrs, Svinval, Zfh/Zfhmin, Zfa (32-bit encodings from GNU as
     * 2.40 where it knows them; compressed ones from the Zcb/Zcmop encoding tables) */
    { 0x00006181, "c.mop", 32, 0, ANY, 0, ANY },
    { 0x000081e8, "c.lbu", 10, 11, ANY, 3, ANY },
    { 0x000085a8, "c.lhu", 10, 11, ANY, 2, ANY },
    { 0x000085e8, "c.lh", 10, 11, ANY, 2, ANY },
    { 0x000089c8, "c.sb", ANY, 11, 10, 1, ANY },
    { 0x00008da8, "c.sh", ANY, 11, 10, 2, ANY },
    { 0x00009d61, "c.zext.b", 10, 10, ANY, 255, ANY },
    { 0x00009d65, "c.sext.b", 10, 10, 0, ANY, ANY },
    { 0x00009d69, "c.zext.h", 10, 10, 0, ANY, ANY },
    { 0x00009d6d, "c.sext.h", 10, 10, 0, ANY, ANY },
    { 0x00009d71, "c.zext.w", 10, 10, 0, ANY, ANY },
    { 0x00009d75, "c.not", 10, 10, ANY, -1, ANY },
    { 0x00009d4d, "c.mul", 10, 10, 11, ANY, ANY },
    { 0x0ac59533, "clmul", 10, 11, 12, ANY, ANY },
    { 0x0ac5b533, "clmulh", 10, 11, 12, ANY, ANY },
    { 0x0ac5a533, "clmulr", 10, 11, 12, ANY, ANY },
    { 0x08c5c533, "pack", 10, 11, 12, ANY, ANY },
    { 0x08c5f533, "packh", 10, 11, 12, ANY, ANY },
    { 0x08c5c53b, "packw", 10, 11, 12, ANY, ANY },
    { 0x6875d513, "brev8", 10, 11, ANY, ANY, ANY },
    { 0x28c5a533, "xperm4", 10, 11, 12, ANY, ANY },
    { 0x28c5c533, "xperm8", 10, 11, 12, ANY, ANY },
    { 0x81c5c573, "mop.r", 10, 11, ANY, ANY, ANY },
    { 0x82c5c573, "mop.rr", 10, 11, 12, ANY, ANY },
    { 0x00d00073, "wrs.nto", ANY, ANY, ANY, ANY, ANY },
    { 0x01d00073, "wrs.sto", ANY, ANY, ANY, ANY, ANY },
    { 0x16c58073, "sinval.vma", ANY, 11, 12, ANY, ANY },
    { 0x18000073, "sfence.w.inval", ANY, ANY, ANY, ANY, ANY },
    { 0x18100073, "sfence.inval.ir", ANY, ANY, ANY, ANY, ANY },
    { 0x26b50073, "hinval.vvma", ANY, 10, 11, ANY, ANY },
    { 0x66a78073, "hinval.gvma", ANY, 15, 10, ANY, ANY },
    { 0x00059507, "flh", 10, 11, ANY, 0, ANY },
    { 0x00a59127, "fsh", ANY, 11, 10, 2, ANY },
    { 0xe4058553, "fmv.x.h", 10, 11, ANY, ANY, ANY },
    { 0xf4058553, "fmv.h.x", 10, 11, ANY, ANY, ANY },
    { 0x4025f553, "fcvt.s.h", 10, 11, ANY, ANY, ANY },
    { 0x4405f553, "fcvt.h.s", 10, 11, ANY, ANY, ANY },
    { 0x4225f553, "fcvt.d.h", 10, 11, ANY, ANY, ANY },
    { 0x4415f553, "fcvt.h.d", 10, 11, ANY, ANY, ANY },
    { 0x6cc5f543, "fmadd.h", 10, 11, 12, ANY, ANY },
    { 0x6cc5f547, "fmsub.h", 10, 11, 12, ANY, ANY },
    { 0x6cc5f54b, "fnmsub.h", 10, 11, 12, ANY, ANY },
    { 0x6cc5f54f, "fnmadd.h", 10, 11, 12, ANY, ANY },
    { 0x04c5f553, "fadd.h", 10, 11, 12, ANY, ANY },
    { 0x0cc5f553, "fsub.h", 10, 11, 12, ANY, ANY },
    { 0x14c5f553, "fmul.h", 10, 11, 12, ANY, ANY },
    { 0x1cc5f553, "fdiv.h", 10, 11, 12, ANY, ANY },
    { 0x5c05f553, "fsqrt.h", 10, 11, ANY, ANY, ANY },
    { 0x24c58553, "fsgnj.h", 10, 11, 12, ANY, ANY },
    { 0x24c59553, "fsgnjn.h", 10, 11, 12, ANY, ANY },
    { 0x24c5a553, "fsgnjx.h", 10, 11, 12, ANY, ANY },
    { 0x2cc58553, "fmin.h", 10, 11, 12, ANY, ANY },
    { 0x2cc59553, "fmax.h", 10, 11, 12, ANY, ANY },
    { 0xa4c5a553, "feq.h", 10, 11, 12, ANY, ANY },
    { 0xa4c59553, "flt.h", 10, 11, 12, ANY, ANY },
    { 0xa4c58553, "fle.h", 10, 11, 12, ANY, ANY },
    { 0xe4059553, "fclass.h", 10, 11, ANY, ANY, ANY },
    { 0xc405f553, "fcvt.w.h", 10, 11, ANY, ANY, ANY },
    { 0xc415f553, "fcvt.wu.h", 10, 11, ANY, ANY, ANY },
    { 0xc425f553, "fcvt.l.h", 10, 11, ANY, ANY, ANY },
    { 0xc435f553, "fcvt.lu.h", 10, 11, ANY, ANY, ANY },
    { 0xd405f553, "fcvt.h.w", 10, 11, ANY, ANY, ANY },
    { 0xd415f553, "fcvt.h.wu", 10, 11, ANY, ANY, ANY },
    { 0xd425f553, "fcvt.h.l", 10, 11, ANY, ANY, ANY },
    { 0xd435f553, "fcvt.h.lu", 10, 11, ANY, ANY, ANY },
    { 0xf0180553, "fli.s", 10, 16, ANY, ANY, ANY },
    { 0x28c5a553, "fminm.s", 10, 11, 12, ANY, ANY },
    { 0x28c5b553, "fmaxm.s", 10, 11, 12, ANY, ANY },
    { 0x4045f553, "fround.s", 10, 11, ANY, ANY, ANY },
    { 0x4055f553, "froundnx.s", 10, 11, ANY, ANY, ANY },
    { 0xa0c5c553, "fleq.s", 10, 11, 12, ANY, ANY },
    { 0xa0c5d553, "fltq.s", 10, 11, 12, ANY, ANY },
    { 0xf2180553, "fli.d", 10, 16, ANY, ANY, ANY },
    { 0x2ac5a553, "fminm.d", 10, 11, 12, ANY, ANY },
    { 0x2ac5b553, "fmaxm.d", 10, 11, 12, ANY, ANY },
    { 0x4245f553, "fround.d", 10, 11, ANY, ANY, ANY },
    { 0x4255f553, "froundnx.d", 10, 11, ANY, ANY, ANY },
    { 0xa2c5c553, "fleq.d", 10, 11, 12, ANY, ANY },
    { 0xa2c5d553, "fltq.d", 10, 11, 12, ANY, ANY },
    { 0xc2859553, "fcvtmod.w.d", 10, 11, ANY, ANY, ANY },
    { 0xf4180553, "fli.h", 10, 16, ANY, ANY, ANY },
    { 0x2cc5a553, "fminm.h", 10, 11, 12, ANY, ANY },
    { 0x2cc5b553, "fmaxm.h", 10, 11, 12, ANY, ANY },
    { 0x4445f553, "fround.h", 10, 11, ANY, ANY, ANY },
    { 0x4455f553, "froundnx.h", 10, 11, ANY, ANY, ANY },
    { 0xa4c5c553, "fleq.h", 10, 11, 12, ANY, ANY },
    { 0xa4c5d553, "fltq.h", 10, 11, 12, ANY, ANY },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

static void check_case(const struct dcase *c)
{
    struct insn in;
    int rc = decode_insn(c->raw, EXT_ALL, &in);
    ck_assert_msg(rc == 0, "0x%08x (%s) did not decode", c->raw, c->name);
    ck_assert_msg(in.op > OP_BREAKPOINT && in.op < OP_COUNT, "0x%08x: op %u", c->raw, in.op);
    ck_assert_msg(strcmp(insn_infos[in.op].name, c->name) == 0, "0x%08x decoded as %s, want %s", c->raw,
                  insn_infos[in.op].name, c->name);
    unsigned len = (c->raw & 3) == 3 ? 4 : 2;
    ck_assert_msg(in.len == len, "%s: len %u", c->name, in.len);
    ck_assert_msg(in.raw == c->raw, "%s: raw 0x%08x", c->name, in.raw);
    if (c->rd != ANY) ck_assert_msg(in.rd == c->rd, "%s 0x%08x: rd %u want %d", c->name, c->raw, in.rd, c->rd);
    if (c->rs1 != ANY) ck_assert_msg(in.rs1 == c->rs1, "%s 0x%08x: rs1 %u want %d", c->name, c->raw, in.rs1, c->rs1);
    if (c->rs2 != ANY) ck_assert_msg(in.rs2 == c->rs2, "%s 0x%08x: rs2 %u want %d", c->name, c->raw, in.rs2, c->rs2);
    if (c->imm != ANY) ck_assert_msg(in.imm == c->imm, "%s 0x%08x: imm %d want %d", c->name, c->raw, in.imm, c->imm);
    if (c->rm != ANY) ck_assert_msg(in.rm == c->rm, "%s 0x%08x: rm %u want %d", c->name, c->raw, in.rm, c->rm);
}

/* Run the cases whose mnemonic satisfies `pred`. */
static void check_cases(int (*pred)(const struct dcase *))
{
    int n = 0;
    for (size_t i = 0; i < NCASES; i++)
        if (pred(&cases[i])) {
            check_case(&cases[i]);
            n++;
        }
    ck_assert_int_gt(n, 0);
}

static int fmt_of(const struct dcase *c)
{
    struct insn in;
    if (decode_insn(c->raw, EXT_ALL, &in)) return -1;
    return insn_infos[in.op].format;
}
static int is_r(const struct dcase *c) { return fmt_of(c) == FMT_R; }
static int is_i(const struct dcase *c) { return fmt_of(c) == FMT_I; }
static int is_s(const struct dcase *c) { return fmt_of(c) == FMT_S; }
static int is_b(const struct dcase *c) { return fmt_of(c) == FMT_B; }
static int is_u(const struct dcase *c) { return fmt_of(c) == FMT_U; }
static int is_j(const struct dcase *c) { return fmt_of(c) == FMT_J; }
static int is_shift(const struct dcase *c) { return fmt_of(c) == FMT_SH6 || fmt_of(c) == FMT_SH5; }
static int is_csr(const struct dcase *c) { return fmt_of(c) == FMT_CSR || fmt_of(c) == FMT_CSRI; }
static int is_amo(const struct dcase *c) { return fmt_of(c) == FMT_AMO; }
static int is_rvc(const struct dcase *c) { return (c->raw & 3) != 3; }

static struct insn dec_ok(uint32_t raw, uint64_t ext)
{
    struct insn in;
    ck_assert_msg(decode_insn(raw, ext, &in) == 0, "0x%08x should decode", raw);
    return in;
}
static void expect_illegal(uint32_t raw, uint64_t ext, unsigned len)
{
    struct insn in;
    int rc = decode_insn(raw, ext, &in);
    ck_assert_msg(rc == -1, "0x%08x should be illegal (got %s)", raw, rc == 0 ? insn_infos[in.op].name : "?");
    ck_assert_uint_eq(in.op, OP_ILLEGAL);
    ck_assert_uint_eq(in.len, len);
    ck_assert_uint_eq(in.raw, len == 2 ? (raw & 0xffff) : raw);
}

START_TEST(r_format_extracts_rd_rs1_rs2) { check_cases(is_r); }
END_TEST
START_TEST(i_format_sign_extends_12bit_immediate) { check_cases(is_i); }
END_TEST
START_TEST(s_format_joins_split_immediate_with_sign) { check_cases(is_s); }
END_TEST
START_TEST(b_format_extracts_13bit_immediate_at_extremes) { check_cases(is_b); }
END_TEST
START_TEST(u_format_keeps_upper_20_bits_sign_extended) { check_cases(is_u); }
END_TEST
START_TEST(j_format_extracts_21bit_immediate_at_extremes) { check_cases(is_j); }
END_TEST
START_TEST(shift_formats_extract_6bit_and_5bit_shamt) { check_cases(is_shift); }
END_TEST
START_TEST(csr_format_keeps_csr_number_unsigned_and_zimm_in_rs1) { check_cases(is_csr); }
END_TEST
START_TEST(amo_format_extracts_aq_rl_into_rm) { check_cases(is_amo); }
END_TEST
START_TEST(rvc_formats_expand_operands_with_immediates_at_extremes) { check_cases(is_rvc); }
END_TEST

START_TEST(every_table_entry_is_decoded_by_a_test_encoding)
{
    static bool seen[OP_COUNT];
    memset(seen, 0, sizeof(seen));
    for (size_t i = 0; i < NCASES; i++) {
        struct insn in;
        if (decode_insn(cases[i].raw, EXT_ALL, &in) == 0) seen[in.op] = true;
    }
    int missing = 0;
    for (unsigned op = OP_BREAKPOINT + 1; op < OP_COUNT; op++)
        if (!seen[op]) {
            fprintf(stderr, "no test encoding decodes to %s\n", insn_infos[op].name);
            missing++;
        }
    ck_assert_int_eq(missing, 0);
}
END_TEST

START_TEST(every_table_entry_matches_its_own_pattern_and_has_a_name)
{
    for (unsigned op = OP_BREAKPOINT + 1; op < OP_COUNT; op++) {
        const struct insn_info *in = &insn_infos[op];
        ck_assert_ptr_nonnull(in->name);
        ck_assert_msg((in->match & in->mask) == in->match, "%s: match has bits outside mask", in->name);
        ck_assert_msg(in->exec > OP_BREAKPOINT && in->exec < OP_COUNT, "%s: exec %u", in->name, in->exec);
        /* Every entry executes through a 32-bit handler (compressed ones expand to one). */
        ck_assert_msg((insn_infos[in->exec].match & 3) == 3, "%s: exec is not a 32-bit entry", in->name);
        ck_assert_msg(insn_infos[in->exec].exec == in->exec, "%s: exec chain", in->name);
    }
}
END_TEST

/* Each newer extension gates its own instructions: with it off (--isa), they are illegal as before. */
static const char *name_of(uint32_t raw, uint64_t ext)
{
    struct insn in = dec_ok(raw, ext);
    return insn_infos[in.op].name;
}
START_TEST(newer_extensions_gate_their_instructions)
{
    const uint64_t base = EXT_I | EXT_S | EXT_ZICSR;
    /* Zbkc has clmul/clmulh but not clmulr; Zbkb has andn (shared with Zbb) and pack */
    ck_assert_str_eq(name_of(0x0ac59533, base | EXT_ZBKC), "clmul");
    expect_illegal(0x0ac5a533, base | EXT_ZBKC, 4);
    ck_assert_str_eq(name_of(0x0ac5a533, base | EXT_ZBC), "clmulr");
    ck_assert_str_eq(name_of(0x40c5f533, base | EXT_ZBKB), "andn");
    expect_illegal(0x08c5c533, base | EXT_ZBB, 4);                     /* pack needs Zbkb */
    /* packw a0, a1, x0 is zext.h with Zbb, packw with Zbkb only (same result) */
    ck_assert_str_eq(name_of(0x0805c53b, base | EXT_ZBB | EXT_ZBKB), "zext.h");
    ck_assert_str_eq(name_of(0x0805c53b, base | EXT_ZBKB), "packw");
    expect_illegal(0x28c5a533, base, 4);                                /* xperm4 */
    /* Zcb: c.mul needs M as well, c.sext.b Zbb, c.zext.w Zba */
    expect_illegal(0x9d4d, isa_derive(base | EXT_C | EXT_ZCB), 2);
    ck_assert_str_eq(name_of(0x9d4d, isa_derive(base | EXT_C | EXT_ZCB | EXT_M)), "c.mul");
    expect_illegal(0x9d65, isa_derive(base | EXT_C | EXT_ZCB), 2);
    ck_assert_str_eq(name_of(0x9d65, isa_derive(base | EXT_C | EXT_ZCB | EXT_ZBB)), "c.sext.b");
    expect_illegal(0x9d71, isa_derive(base | EXT_C | EXT_ZCB | EXT_ZBB), 2);
    ck_assert_str_eq(name_of(0x81e8, isa_derive(base | EXT_C | EXT_ZCB)), "c.lbu");
    expect_illegal(0x81e8, base | EXT_C, 2);
    /* Zcmop: without it c.mop.3 is the reserved c.lui x3, 0 */
    expect_illegal(0x6181, base | EXT_C, 2);
    ck_assert_str_eq(name_of(0x6181, base | EXT_C | EXT_ZCMOP), "c.mop");
    /* Zimop, Zawrs, Svinval */
    expect_illegal(0x81c5c573, base, 4);
    expect_illegal(0x00d00073, base, 4);
    expect_illegal(0x16c58073, base, 4);
    ck_assert_str_eq(name_of(0x16c58073, base | EXT_SVINVAL), "sinval.vma");
    /* hinval.gvma (as Linux 6.12's KVM emits it) needs both H and Svinval */
    expect_illegal(0x66a78073, isa_derive(base | EXT_SVINVAL), 4);
    expect_illegal(0x66a78073, isa_derive(base | EXT_H), 4);
    ck_assert_str_eq(name_of(0x66a78073, isa_derive(base | EXT_H | EXT_SVINVAL)), "hinval.gvma");
    ck_assert_str_eq(name_of(0x26b50073, isa_derive(base | EXT_H | EXT_SVINVAL)), "hinval.vvma");
    /* Zfhmin has moves and conversions, not arithmetic; fcvt.d.h also needs D */
    const uint64_t fmin = isa_derive(base | EXT_F | EXT_ZFHMIN);
    ck_assert_str_eq(name_of(0xe4058553, fmin), "fmv.x.h");
    expect_illegal(0x04c5f553, fmin, 4);                                /* fadd.h */
    expect_illegal(0x42258553, fmin, 4);                                /* fcvt.d.h */
    ck_assert_str_eq(name_of(0x42258553, isa_derive(base | EXT_F | EXT_D | EXT_ZFHMIN)), "fcvt.d.h");
    ck_assert_str_eq(name_of(0x04c5f553, isa_derive(base | EXT_F | EXT_ZFH)), "fadd.h");
    /* Zfa: s forms with F, d forms need D, h forms Zfh */
    const uint64_t fa = isa_derive(base | EXT_F | EXT_ZFA);
    ck_assert_str_eq(name_of(0xf0180553, fa), "fli.s");
    expect_illegal(0xf2180553, fa, 4);
    expect_illegal(0xf4180553, isa_derive(base | EXT_F | EXT_D | EXT_ZFA), 4);
    ck_assert_str_eq(name_of(0xf4180553, isa_derive(base | EXT_F | EXT_ZFH | EXT_ZFA)), "fli.h");
    /* a Zfh or Zfa without F is dropped */
    ck_assert_uint_eq(isa_derive(base | EXT_ZFH | EXT_ZFA) & (EXT_ZFH | EXT_ZFHMIN | EXT_ZFA), 0);
}
END_TEST

START_TEST(c_lui_with_rd_sp_is_c_addi16sp)
{
    struct insn in = dec_ok(0x617d, EXT_ALL);
    ck_assert_str_eq(insn_infos[in.op].name, "c.addi16sp");
}
END_TEST

START_TEST(c_mv_with_rs2_zero_is_c_jr_and_c_add_with_rs2_zero_is_c_jalr)
{
    struct insn in = dec_ok(0x8302, EXT_ALL);
    ck_assert_str_eq(insn_infos[in.op].name, "c.jr");
    in = dec_ok(0x9882, EXT_ALL);
    ck_assert_str_eq(insn_infos[in.op].name, "c.jalr");
    in = dec_ok(0x9002, EXT_ALL);
    ck_assert_str_eq(insn_infos[in.op].name, "c.ebreak");
}
END_TEST

START_TEST(reserved_rvc_encodings_are_illegal)
{
    expect_illegal(0x0000, EXT_ALL, 2);   /* all zeros: defined illegal */
    expect_illegal(0x0008, EXT_ALL, 2);   /* c.addi4spn a0, nzuimm = 0 */
    expect_illegal(0x2005, EXT_ALL, 2);   /* c.addiw x0, 1 */
    expect_illegal(0x2001, EXT_ALL, 2);   /* c.addiw x0, 0 */
    expect_illegal(0x6601, EXT_ALL, 2);   /* c.lui a2, nzimm = 0 (odd rd is Zcmop's c.mop.n) */
    expect_illegal(0x6101, EXT_ALL, 2);   /* c.addi16sp nzimm = 0 */
    expect_illegal(0x507e, EXT_ALL, 2);   /* c.lwsp x0, 252(sp) */
    expect_illegal(0x4002, EXT_ALL, 2);   /* c.lwsp x0, 0(sp) */
    expect_illegal(0x707e, EXT_ALL, 2);   /* c.ldsp x0, 504(sp) */
    expect_illegal(0x8002, EXT_ALL, 2);   /* c.jr x0 */
}
END_TEST

START_TEST(rvc_hints_with_rd_x0_decode_and_write_the_sink)
{
    /* 16.7: c.li/c.mv/c.add/c.lui/c.slli with rd = x0 are HINTs that execute as no-ops. */
    struct insn in = dec_ok(0x4015, EXT_ALL);   /* c.li x0, 5 */
    ck_assert_str_eq(insn_infos[in.op].name, "c.li");
    ck_assert_uint_eq(in.rd, 32);
    in = dec_ok(0x802a, EXT_ALL);               /* c.mv x0, a0 */
    ck_assert_str_eq(insn_infos[in.op].name, "c.mv");
    ck_assert_uint_eq(in.rd, 32);
    in = dec_ok(0x6005, EXT_ALL);               /* c.lui x0, 1 */
    ck_assert_str_eq(insn_infos[in.op].name, "c.lui");
    ck_assert_uint_eq(in.rd, 32);
    in = dec_ok(0x0001, EXT_ALL);               /* c.nop */
    ck_assert_str_eq(insn_infos[in.op].name, "c.addi");
    ck_assert_uint_eq(in.rd, 32);
    ck_assert_int_eq(in.imm, 0);
}
END_TEST

START_TEST(rd_x0_maps_to_sink_register_32_for_rd_writing_formats)
{
    static const uint32_t writers[] = {
        0x00000013, /* addi x0, x0, 0 */
        0x00001037, /* lui x0, 1 */
        0x00000017, /* auipc x0, 0 */
        0x0000006f, /* jal x0, 0 */
        0x00008067, /* jalr x0, 0(ra) */
        0x00b50033, /* add x0, a0, a1 */
        0x00053003, /* ld x0, 0(a0) */
        0x00101013, /* slli x0, x0, 1 */
        0x0010101b, /* slliw x0, x0, 1 */
        0x30002073, /* csrrs x0, mstatus, x0 */
        0x3000d073, /* csrrwi x0, mstatus, 1 */
        0x1005202f, /* lr.w x0, (a0) */
        0x00b5302f, /* amoadd.d x0, a1, (a0) */
        0x02b50033, /* mul x0, a0, a1 */
    };
    for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++) {
        struct insn in = dec_ok(writers[i], EXT_ALL);
        ck_assert_msg(in.rd == 32, "%s 0x%08x: rd %u", insn_infos[in.op].name, writers[i], in.rd);
    }
    /* Non-zero rd is kept as is. */
    struct insn in = dec_ok(0x00000513, EXT_ALL);   /* addi a0, x0, 0 */
    ck_assert_uint_eq(in.rd, 10);
}
END_TEST

START_TEST(disabled_extensions_decode_as_illegal)
{
    const uint32_t base = EXT_I;
    expect_illegal(0x02c58533, base | EXT_ZICSR, 4);          /* mul without M */
    expect_illegal(0x0349d93b, base, 4);                      /* divuw without M */
    expect_illegal(0x1005a52f, base | EXT_M, 4);              /* lr.w without A */
    expect_illegal(0x00b6352f, base | EXT_M, 4);              /* amoadd.d without A */
    expect_illegal(0x30059573, base, 4);                      /* csrrw without Zicsr */
    expect_illegal(0x0000100f, base | EXT_ZICSR, 4);          /* fence.i without Zifencei */
    expect_illegal(0x10200073, base | EXT_ZICSR, 4);          /* sret without S */
    expect_illegal(0x12b50073, base | EXT_ZICSR, 4);          /* sfence.vma without S */
    /* Every 16-bit encoding is illegal without C. */
    for (size_t i = 0; i < NCASES; i++)
        if ((cases[i].raw & 3) != 3) expect_illegal(cases[i].raw, EXT_ALL & ~EXT_C, 2);
    /* The same encodings decode once the extension is on. */
    dec_ok(0x02c58533, base | EXT_M);
    dec_ok(0x1005a52f, base | EXT_A);
    dec_ok(0x1501, base | EXT_C);
    dec_ok(0x30200073, base);                                 /* mret needs only the base */
    expect_illegal(0x08c5853b, EXT_DEFAULT_SET, 4);           /* add.uw without Zba */
    expect_illegal(0x40c5f533, EXT_DEFAULT_SET, 4);           /* andn without Zbb */
    expect_illegal(0x48c59533, EXT_DEFAULT_SET, 4);           /* bclr without Zbs */
    expect_illegal(0x0ec5d533, EXT_DEFAULT_SET, 4);           /* czero.eqz without Zicond */
    expect_illegal(0x0046a00f, EXT_DEFAULT_SET, 4);           /* cbo.zero without Zicboz */
    expect_illegal(0x0005200f, EXT_DEFAULT_SET, 4);           /* cbo.inval without Zicbom */
}
END_TEST

START_TEST(unmatched_32bit_encodings_are_illegal_with_raw_bits)
{
    expect_illegal(0xffffffff, EXT_ALL, 4);
    expect_illegal(0x0000007f, EXT_ALL, 4);   /* opcode of longer encodings */
    expect_illegal(0x0200101b, EXT_ALL, 4);   /* slliw x0, x0, 32: shamt[5] = 1 is reserved */
    expect_illegal(0x0400101b, EXT_ALL, 4);   /* slliw with funct7 bit 26 */
}
END_TEST

START_TEST(illegal_16bit_encoding_keeps_only_low_halfword)
{
    struct insn in;
    ck_assert_int_eq(decode_insn(0xdead0000u, EXT_ALL, &in), -1);
    ck_assert_uint_eq(in.op, OP_ILLEGAL);
    ck_assert_uint_eq(in.len, 2);
    ck_assert_uint_eq(in.raw, 0);
    /* A valid 16-bit instruction ignores the upper half too. */
    ck_assert_int_eq(decode_insn(0xffff1501u, EXT_ALL, &in), 0);
    ck_assert_str_eq(insn_infos[in.op].name, "c.addi");
    ck_assert_uint_eq(in.raw, 0x1501);
}
END_TEST

START_TEST(insn_length_follows_low_two_bits)
{
    ck_assert_uint_eq(insn_length(0x0000), 2);
    ck_assert_uint_eq(insn_length(0x0001), 2);
    ck_assert_uint_eq(insn_length(0x0002), 2);
    ck_assert_uint_eq(insn_length(0x0003), 4);
    ck_assert_uint_eq(insn_length(0xffff), 4);
}
END_TEST

START_TEST(r4_format_extracts_rs3_and_rounding_mode)
{
    struct insn in = dec_ok(0xe1df7fcf, EXT_ALL);   /* fnmadd.s f31, f30, f29, f28, dyn */
    ck_assert_uint_eq(in.rd, 31);
    ck_assert_uint_eq(in.rs1, 30);
    ck_assert_uint_eq(in.rs2, 29);
    ck_assert_uint_eq(in.rs3, 28);
    ck_assert_uint_eq(in.rm, 7);
    in = dec_ok(0x18208043, EXT_ALL);               /* fmadd.s f0, f1, f2, f3, rne */
    ck_assert_uint_eq(in.rs3, 3);
    ck_assert_uint_eq(in.rm, 0);
}
END_TEST

START_TEST(fp_destination_f0_is_not_redirected_to_the_sink)
{
    static const uint32_t fdest[] = {
        0x80052007, /* flw f0, -2048(a0) */
        0x18208043, /* fmadd.s f0, ... */
        0x0020b053, /* fadd.s f0, f1, f2 */
        0x1a20f043, /* fmadd.d f0, ... */
        0xd0050053, /* fcvt.s.w f0, a0 */
        0xf0050053, /* fmv.w.x f0, a0 */
        0x00013007, /* fld f0, 0(sp) */
        0x3002,     /* c.fldsp f0, 0(sp): f0 is a valid destination, unlike c.ldsp x0 */
        0x2000,     /* c.fld f8, 0(s0) */
    };
    for (size_t i = 0; i < sizeof(fdest) / sizeof(fdest[0]); i++) {
        struct insn in = dec_ok(fdest[i], EXT_ALL);
        ck_assert_msg(in.rd != 32, "%s 0x%08x: f rd redirected to 32", insn_infos[in.op].name, fdest[i]);
    }
    struct insn in = dec_ok(0x3002, EXT_ALL);
    ck_assert_str_eq(insn_infos[in.op].name, "c.fldsp");
    ck_assert_uint_eq(in.rd, 0);
    /* c.fld f8 writes f8, c.ld s0 writes x8: neither is a sink case, both keep 8. */
    in = dec_ok(0x2000, EXT_ALL);
    ck_assert_str_eq(insn_infos[in.op].name, "c.fld");
    ck_assert_uint_eq(in.rd, 8);
}
END_TEST

START_TEST(fp_to_integer_with_rd_x0_writes_the_sink)
{
    static const uint32_t xdest[] = {
        0xe0028053, /* fmv.x.w x0, f5 */
        0xa083a053, /* feq.s x0, f7, f8 */
        0xc0009053, /* fcvt.w.s x0, f1 */
        0xe2060053, /* fmv.x.d x0, f12 */
    };
    for (size_t i = 0; i < sizeof(xdest) / sizeof(xdest[0]); i++) {
        struct insn in = dec_ok(xdest[i], EXT_ALL);
        ck_assert_msg(in.rd == 32, "%s 0x%08x: rd %u", insn_infos[in.op].name, xdest[i], in.rd);
    }
}
END_TEST

START_TEST(compressed_fp_loads_need_both_c_and_d)
{
    const uint32_t cd = EXT_I | EXT_C | EXT_F | EXT_D | EXT_CD | EXT_ZICSR;
    dec_ok(0x3de8, cd);                                        /* c.fld */
    expect_illegal(0x3de8, cd & ~EXT_D, 2);                    /* no D */
    expect_illegal(0x3de8, cd & ~EXT_C, 2);                    /* no C */
    expect_illegal(0x0020b053, EXT_DEFAULT_SET, 4);            /* fadd.s without F */
    expect_illegal(0x0220f053, EXT_DEFAULT_SET | EXT_F, 4);    /* fadd.d without D */
}
END_TEST

START_TEST(pause_without_zihintpause_is_an_ordinary_fence)
{
    struct insn in = dec_ok(0x0100000f, EXT_DEFAULT_SET);
    ck_assert_str_eq(insn_infos[in.op].name, "fence");
    in = dec_ok(0x0100000f, EXT_DEFAULT_SET | EXT_ZIHINTPAUSE);
    ck_assert_str_eq(insn_infos[in.op].name, "pause");
}
END_TEST

START_TEST(cbo_format_has_no_destination_register)
{
    struct insn in = dec_ok(0x0046a00f, EXT_ALL);   /* cbo.zero (a3) */
    ck_assert_uint_eq(in.rs1, 13);
    ck_assert_uint_ne(in.rd, 32);
}
END_TEST

START_TEST(lr_with_nonzero_rs2_field_is_illegal)
{
    expect_illegal(0x1005a52f | (1u << 20), EXT_ALL, 4);   /* lr.w a0, (a1) with rs2 = 1 */
}
END_TEST

START_TEST(ecall_and_ebreak_need_exact_encodings)
{
    expect_illegal(0x00000073 | (1u << 7), EXT_ALL, 4);    /* ecall with rd = 1 */
    expect_illegal(0x30200073 | (1u << 15), EXT_ALL, 4);   /* mret with rs1 = 1 */
}
END_TEST

static Suite *decode_suite(void)
{
    Suite *s = suite_create("decode");
    TCase *t = tcase_create("decode");
    tcase_add_test(t, r_format_extracts_rd_rs1_rs2);
    tcase_add_test(t, i_format_sign_extends_12bit_immediate);
    tcase_add_test(t, s_format_joins_split_immediate_with_sign);
    tcase_add_test(t, b_format_extracts_13bit_immediate_at_extremes);
    tcase_add_test(t, u_format_keeps_upper_20_bits_sign_extended);
    tcase_add_test(t, j_format_extracts_21bit_immediate_at_extremes);
    tcase_add_test(t, shift_formats_extract_6bit_and_5bit_shamt);
    tcase_add_test(t, csr_format_keeps_csr_number_unsigned_and_zimm_in_rs1);
    tcase_add_test(t, amo_format_extracts_aq_rl_into_rm);
    tcase_add_test(t, rvc_formats_expand_operands_with_immediates_at_extremes);
    tcase_add_test(t, every_table_entry_is_decoded_by_a_test_encoding);
    tcase_add_test(t, every_table_entry_matches_its_own_pattern_and_has_a_name);
    tcase_add_test(t, c_lui_with_rd_sp_is_c_addi16sp);
    tcase_add_test(t, newer_extensions_gate_their_instructions);
    tcase_add_test(t, c_mv_with_rs2_zero_is_c_jr_and_c_add_with_rs2_zero_is_c_jalr);
    tcase_add_test(t, reserved_rvc_encodings_are_illegal);
    tcase_add_test(t, rvc_hints_with_rd_x0_decode_and_write_the_sink);
    tcase_add_test(t, rd_x0_maps_to_sink_register_32_for_rd_writing_formats);
    tcase_add_test(t, disabled_extensions_decode_as_illegal);
    tcase_add_test(t, unmatched_32bit_encodings_are_illegal_with_raw_bits);
    tcase_add_test(t, illegal_16bit_encoding_keeps_only_low_halfword);
    tcase_add_test(t, insn_length_follows_low_two_bits);
    tcase_add_test(t, r4_format_extracts_rs3_and_rounding_mode);
    tcase_add_test(t, fp_destination_f0_is_not_redirected_to_the_sink);
    tcase_add_test(t, fp_to_integer_with_rd_x0_writes_the_sink);
    tcase_add_test(t, compressed_fp_loads_need_both_c_and_d);
    tcase_add_test(t, pause_without_zihintpause_is_an_ordinary_fence);
    tcase_add_test(t, cbo_format_has_no_destination_register);
    tcase_add_test(t, lr_with_nonzero_rs2_field_is_illegal);
    tcase_add_test(t, ecall_and_ebreak_need_exact_encodings);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(decode_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
