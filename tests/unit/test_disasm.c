/* Unit tests for src/debug/disasm.c: the text of every table entry, every alias rule binutils applies,
 * RVC hints, raw encodings, address comments, and a whole `objdump -d` listing of a small ELF image.
 * Expected strings are what GNU objdump 2.40 (Debian binutils-riscv64-unknown-elf) prints for each
 * encoding assembled alone at 0x80000000 next to an absolute symbol `base` = 0, with
 * -march=rv64gc_zba_zbb_zbs_zicbom_zicboz_zihintpause and privileged spec 1.12 attributes. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpu/decode.h"
#include "debug/disasm.h"
#include "machine/elf.h"

#define TEST_EXT (EXT_I | EXT_M | EXT_A | EXT_F | EXT_D | EXT_C | EXT_CD | EXT_ZICSR | EXT_ZIFENCEI | EXT_S | EXT_H | \
                  EXT_ZBA | EXT_ZBB | EXT_ZBS | EXT_ZICOND | EXT_ZICBOM | EXT_ZICBOZ | EXT_ZIHINTPAUSE | \
                  EXT_ZBC | EXT_ZBKB | EXT_ZBKC | EXT_ZBKX | EXT_ZCB | EXT_ZIMOP | EXT_ZCMOP | EXT_ZAWRS | \
                  EXT_SVINVAL | EXT_ZFHMIN | EXT_ZFH | EXT_ZFA | EXT_ZCB_M | EXT_ZCB_ZBB | EXT_ZCB_ZBA | \
                  EXT_ZFHMIN_D | EXT_ZFA_D | EXT_ZFA_H | EXT_H_SVINVAL)

struct vec {
    uint32_t raw;
    const char *text;
    const char *rule;
};

/* Encoding, objdump's text at pc 0x80000000, and the rule the vector pins. */
static const struct vec vectors[] = {
    { 0x12345537, "lui\ta0,0x12345", "U format: upper immediate in hex" },
    { 0xfffff2b7, "lui\tt0,0xfffff", "U format: 20-bit field, not sign-extended" },
    { 0x00000297, "auipc\tt0,0x0", "U format (auipc)" },
    { 0x010000ef, "jal\t80000010 <_start+0x10>", "jal rd=ra prints only the target" },
    { 0x1000006f, "j\t80000100 <_start+0x100>", "jal rd=x0 is j" },
    { 0x0080056f, "jal\ta0,80000008 <_start+0x8>", "jal with another rd" },
    { 0x000500e7, "jalr\ta0", "jalr ra,0(rs) is jalr rs" },
    { 0x00008067, "ret", "jalr x0,0(ra) is ret" },
    { 0x00050067, "jr\ta0", "jalr x0,0(rs) is jr rs" },
    { 0x00850067, "jr\t8(a0)", "jalr x0,imm(rs) is jr imm(rs)" },
    { 0xffc500e7, "jalr\t-4(a0)", "jalr ra,imm(rs) is jalr imm(rs)" },
    { 0x000505e7, "jalr\ta1,a0", "jalr rd,0(rs) is jalr rd,rs" },
    { 0x00c505e7, "jalr\ta1,12(a0)", "jalr general form" },
    { 0x00000067, "jr\tzero # 0 <base>", "jr zero gets an address comment" },
    { 0x00b50863, "beq\ta0,a1,80000010 <_start+0x10>", "B format" },
    { 0x00050863, "beqz\ta0,80000010 <_start+0x10>", "beq rs,x0 is beqz" },
    { 0x02b51063, "bne\ta0,a1,80000020 <_start+0x20>", "bne" },
    { 0x02051063, "bnez\ta0,80000020 <_start+0x20>", "bne rs,x0 is bnez" },
    { 0x02b54063, "blt\ta0,a1,80000020 <_start+0x20>", "blt" },
    { 0x02054063, "bltz\ta0,80000020 <_start+0x20>", "blt rs,x0 is bltz" },
    { 0x02b04063, "bgtz\ta1,80000020 <_start+0x20>", "blt x0,rs is bgtz" },
    { 0x02b55063, "bge\ta0,a1,80000020 <_start+0x20>", "bge" },
    { 0x02055063, "bgez\ta0,80000020 <_start+0x20>", "bge rs,x0 is bgez" },
    { 0x02b05063, "blez\ta1,80000020 <_start+0x20>", "bge x0,rs is blez" },
    { 0x02005063, "blez\tzero,80000020 <_start+0x20>", "bge x0,x0 is blez zero" },
    { 0x02056063, "bltu\ta0,zero,80000020 <_start+0x20>", "bltu has no alias" },
    { 0xfe0508e3, "beqz\ta0,7ffffff0 <base+0x7ffffff0>", "backward branch target" },
    { 0x7ffff0ef, "jal\t800ffffe <_start+0xffffe>", "jal at the end of its range" },
    { 0x02b57063, "bgeu\ta0,a1,80000020 <_start+0x20>", "bgeu" },
    { 0xfff58503, "lb\ta0,-1(a1)", "loads: decimal offset(base)" },
    { 0x7ff59503, "lh\ta0,2047(a1)", "lh" },
    { 0x8005a503, "lw\ta0,-2048(a1)", "lw" },
    { 0x00813503, "ld\ta0,8(sp)", "ld" },
    { 0x0005c503, "lbu\ta0,0(a1)", "lbu" },
    { 0x0065d503, "lhu\ta0,6(a1)", "lhu" },
    { 0x0045e503, "lwu\ta0,4(a1)", "lwu" },
    { 0x01002503, "lw\ta0,16(zero) # 10 <base+0x10>", "x0-based access gets an address comment" },
    { 0x00823503, "ld\ta0,8(tp) # 8 <base+0x8>", "tp-based access gets an address comment" },
    { 0x0081b503, "ld\ta0,8(gp)", "gp-based access: no comment without __global_pointer$" },
    { 0xfea58fa3, "sb\ta0,-1(a1)", "stores" },
    { 0x00a59123, "sh\ta0,2(a1)", "sh" },
    { 0x00a5a223, "sw\ta0,4(a1)", "sw" },
    { 0x00a5b423, "sd\ta0,8(a1)", "sd" },
    { 0x00a03423, "sd\ta0,8(zero) # 8 <base+0x8>", "x0-based store gets an address comment" },
    { 0x00558513, "add\ta0,a1,5", "addi prints as add (binutils 2.40)" },
    { 0x80058513, "add\ta0,a1,-2048", "addi negative" },
    { 0x00000013, "nop", "addi x0,x0,0 is nop" },
    { 0x00500513, "li\ta0,5", "addi rd,x0,imm is li" },
    { 0x00500013, "li\tzero,5", "li zero" },
    { 0x00058513, "mv\ta0,a1", "addi rd,rs,0 is mv" },
    { 0xffd5a513, "slti\ta0,a1,-3", "slti keeps its name" },
    { 0x0075b513, "sltiu\ta0,a1,7", "sltiu" },
    { 0x0015b513, "seqz\ta0,a1", "sltiu rd,rs,1 is seqz" },
    { 0x0035c513, "xor\ta0,a1,3", "xori prints as xor" },
    { 0xfff5c513, "not\ta0,a1", "xori rd,rs,-1 is not" },
    { 0x0035e513, "or\ta0,a1,3", "ori prints as or" },
    { 0x0035f513, "and\ta0,a1,3", "andi prints as and" },
    { 0x0ff5f513, "zext.b\ta0,a1", "andi rd,rs,255 is zext.b" },
    { 0x03f59513, "sll\ta0,a1,0x3f", "slli prints as sll, hex amount" },
    { 0x0015d513, "srl\ta0,a1,0x1", "srli prints as srl" },
    { 0x4205d513, "sra\ta0,a1,0x20", "srai prints as sra" },
    { 0x00c58533, "add\ta0,a1,a2", "R format" },
    { 0x40c58533, "sub\ta0,a1,a2", "sub" },
    { 0x40c00533, "neg\ta0,a2", "sub rd,x0,rs is neg" },
    { 0x00c59533, "sll\ta0,a1,a2", "sll" },
    { 0x00c5a533, "slt\ta0,a1,a2", "slt" },
    { 0x0005a533, "sltz\ta0,a1", "slt rd,rs,x0 is sltz" },
    { 0x00c02533, "sgtz\ta0,a2", "slt rd,x0,rs is sgtz" },
    { 0x00002033, "sltz\tzero,zero", "sltz zero,zero" },
    { 0x00c5b533, "sltu\ta0,a1,a2", "sltu" },
    { 0x00c03533, "snez\ta0,a2", "sltu rd,x0,rs is snez" },
    { 0x00c5c533, "xor\ta0,a1,a2", "xor" },
    { 0x00c5d533, "srl\ta0,a1,a2", "srl" },
    { 0x40c5d533, "sra\ta0,a1,a2", "sra" },
    { 0x00c5e533, "or\ta0,a1,a2", "or" },
    { 0x00c5f533, "and\ta0,a1,a2", "and" },
    { 0x00000033, "add\tzero,zero,zero", "add x0 is not nop" },
    { 0x0015851b, "addw\ta0,a1,1", "addiw prints as addw" },
    { 0x0005851b, "sext.w\ta0,a1", "addiw rd,rs,0 is sext.w" },
    { 0x01f5951b, "sllw\ta0,a1,0x1f", "slliw prints as sllw" },
    { 0x0035d51b, "srlw\ta0,a1,0x3", "srliw prints as srlw" },
    { 0x4035d51b, "sraw\ta0,a1,0x3", "sraiw prints as sraw" },
    { 0x00c5853b, "addw\ta0,a1,a2", "addw" },
    { 0x40c5853b, "subw\ta0,a1,a2", "subw" },
    { 0x40c0053b, "negw\ta0,a2", "subw rd,x0,rs is negw" },
    { 0x00c5953b, "sllw\ta0,a1,a2", "sllw" },
    { 0x00c5d53b, "srlw\ta0,a1,a2", "srlw" },
    { 0x40c5d53b, "sraw\ta0,a1,a2", "sraw" },
    { 0x0ff0000f, "fence", "fence iorw,iorw prints bare" },
    { 0x0310000f, "fence\trw,w", "fence pred,succ" },
    { 0x0840000f, "fence\ti,o", "fence i,o" },
    { 0x0100000f, "pause", "fence w,0 is pause with Zihintpause" },
    { 0x0000000f, "fence\tunknown,unknown", "fence 0,0 prints unknown sets" },
    { 0x8330000f, "fence.tso", "fence.tso" },
    { 0x8ff0000f, ".4byte\t0x8ff0000f", "fence with fm=1000 but not tso: raw" },
    { 0x0ff0050f, ".4byte\t0xff0050f", "fence with rd!=0: raw" },
    { 0x00000073, "ecall", "ecall" },
    { 0x00100073, "ebreak", "ebreak" },
    { 0x0000100f, "fence.i", "fence.i" },
    { 0x0010100f, ".4byte\t0x10100f", "fence.i with imm!=0: raw" },
    { 0x34059573, "csrrw\ta0,mscratch,a1", "csrrw" },
    { 0x34059073, "csrw\tmscratch,a1", "csrrw x0 is csrw" },
    { 0xc0001073, "unimp", "csrrw x0,cycle,x0 is unimp" },
    { 0x3005a573, "csrrs\ta0,mstatus,a1", "csrrs" },
    { 0x30002573, "csrr\ta0,mstatus", "csrrs rd,csr,x0 is csrr" },
    { 0x30002073, "csrr\tzero,mstatus", "csrr zero" },
    { 0x3005a073, "csrs\tmstatus,a1", "csrrs x0 is csrs" },
    { 0xc0002573, "rdcycle\ta0", "rdcycle" },
    { 0xc0102573, "rdtime\ta0", "rdtime" },
    { 0xc0202573, "rdinstret\ta0", "rdinstret" },
    { 0x3045b573, "csrrc\ta0,mie,a1", "csrrc" },
    { 0x3045b073, "csrc\tmie,a1", "csrrc x0 is csrc" },
    { 0x30403573, "csrrc\ta0,mie,zero", "csrrc rd,csr,x0 has no alias" },
    { 0x3402d573, "csrrw\ta0,mscratch,5", "csrrwi prints as csrrw with an immediate" },
    { 0x3402d073, "csrw\tmscratch,5", "csrrwi x0 is csrw csr,imm" },
    { 0x30046573, "csrrs\ta0,mstatus,8", "csrrsi prints as csrrs" },
    { 0x30046073, "csrs\tmstatus,8", "csrrsi x0 is csrs csr,imm" },
    { 0x30047573, "csrrc\ta0,mstatus,8", "csrrci prints as csrrc" },
    { 0x30047073, "csrc\tmstatus,8", "csrrci x0 is csrc csr,imm" },
    { 0x00102573, "frflags\ta0", "frflags" },
    { 0x00202573, "frrm\ta0", "frrm" },
    { 0x00302573, "frcsr\ta0", "frcsr" },
    { 0x00159573, "fsflags\ta0,a1", "fsflags rd,rs" },
    { 0x00259073, "fsrm\ta1", "fsrm rs" },
    { 0x00359073, "fscsr\ta1", "fscsr rs" },
    { 0x0011d573, "fsflagsi\ta0,3", "fsflagsi" },
    { 0x0020d073, "fsrmi\tzero,1", "fsrmi keeps rd even when x0" },
    { 0x0020e073, "csrs\tfrm,1", "csrrsi on frm has no F alias" },
    { 0x7c002573, "csrr\ta0,0x7c0", "unnamed CSR prints in hex" },
    { 0x3ef02573, "csrr\ta0,pmpaddr63", "numbered CSR names" },
    { 0xc9102573, "csrr\ta0,hpmcounter17h", "RV32 high-half CSR names" },
    { 0x7b002573, "csrr\ta0,dcsr", "CSR vhart lacks but binutils names" },
    { 0x10200073, "sret", "sret" },
    { 0x30200073, "mret", "mret" },
    { 0x10500073, "wfi", "wfi" },
    { 0x12000073, "sfence.vma", "sfence.vma with no operands" },
    { 0x12050073, "sfence.vma\ta0", "sfence.vma rs1" },
    { 0x12b50073, "sfence.vma\ta0,a1", "sfence.vma rs1,rs2" },
    { 0x12b00073, "sfence.vma\tzero,a1", "sfence.vma x0,rs2" },
    /* H (objdump 2.40 -march=rv64gc_h) */
    { 0x22000073, "hfence.vvma", "hfence.vvma with no operands" },
    { 0x22050073, "hfence.vvma\ta0", "hfence.vvma rs1" },
    { 0x22b50073, "hfence.vvma\ta0,a1", "hfence.vvma rs1,rs2" },
    { 0x62b00073, "hfence.gvma\tzero,a1", "hfence.gvma x0,rs2" },
    { 0x62d60073, "hfence.gvma\ta2,a3", "hfence.gvma rs1,rs2" },
    { 0x26b50073, "hinval.vvma\ta0,a1", "hinval.vvma rs1,rs2" },
    { 0x66a78073, "hinval.gvma\ta5,a0", "hinval.gvma rs1,rs2 (Linux 6.12 KVM)" },
    { 0x6005c573, "hlv.b\ta0,(a1)", "hlv.b" },
    { 0x601342f3, "hlv.bu\tt0,(t1)", "hlv.bu" },
    { 0x6406c673, "hlv.h\ta2,(a3)", "hlv.h" },
    { 0x6417c773, "hlv.hu\ta4,(a5)", "hlv.hu" },
    { 0x6434c473, "hlvx.hu\ts0,(s1)", "hlvx.hu" },
    { 0x68014573, "hlv.w\ta0,(sp)", "hlv.w" },
    { 0x6811c5f3, "hlv.wu\ta1,(gp)", "hlv.wu" },
    { 0x68324673, "hlvx.wu\ta2,(tp)", "hlvx.wu" },
    { 0x6c0546f3, "hlv.d\ta3,(a0)", "hlv.d" },
    { 0x62a5c073, "hsv.b\ta0,(a1)", "hsv.b" },
    { 0x66c6c073, "hsv.h\ta2,(a3)", "hsv.h" },
    { 0x6a534073, "hsv.w\tt0,(t1)", "hsv.w" },
    { 0x6f29c073, "hsv.d\ts2,(s3)", "hsv.d" },
    { 0x60002573, "csrr\ta0,hstatus", "H CSR names" },
    { 0x28002573, "csrr\ta0,vsatp", "VS CSR names" },
    { 0x02c58533, "mul\ta0,a1,a2", "M" },
    { 0x02c59533, "mulh\ta0,a1,a2", "mulh" },
    { 0x02c5a533, "mulhsu\ta0,a1,a2", "mulhsu" },
    { 0x02c5b533, "mulhu\ta0,a1,a2", "mulhu" },
    { 0x02c5c533, "div\ta0,a1,a2", "div" },
    { 0x02c5d533, "divu\ta0,a1,a2", "divu" },
    { 0x02c5e533, "rem\ta0,a1,a2", "rem" },
    { 0x02c5f533, "remu\ta0,a1,a2", "remu" },
    { 0x02c5853b, "mulw\ta0,a1,a2", "mulw" },
    { 0x02c5c53b, "divw\ta0,a1,a2", "divw" },
    { 0x02c5d53b, "divuw\ta0,a1,a2", "divuw" },
    { 0x02c5e53b, "remw\ta0,a1,a2", "remw" },
    { 0x02c5f53b, "remuw\ta0,a1,a2", "remuw" },
    { 0x1005a52f, "lr.w\ta0,(a1)", "lr: no rs2 operand" },
    { 0x1405a52f, "lr.w.aq\ta0,(a1)", "aq suffix" },
    { 0x18c5a52f, "sc.w\ta0,a2,(a1)", "sc" },
    { 0x1ac5a52f, "sc.w.rl\ta0,a2,(a1)", "rl suffix" },
    { 0x08c5a52f, "amoswap.w\ta0,a2,(a1)", "AMO" },
    { 0x06c5a52f, "amoadd.w.aqrl\ta0,a2,(a1)", "aqrl suffix" },
    { 0x20c5a52f, "amoxor.w\ta0,a2,(a1)", "amoxor.w" },
    { 0x60c5a52f, "amoand.w\ta0,a2,(a1)", "amoand.w" },
    { 0x40c5a52f, "amoor.w\ta0,a2,(a1)", "amoor.w" },
    { 0x80c5a52f, "amomin.w\ta0,a2,(a1)", "amomin.w" },
    { 0xa0c5a52f, "amomax.w\ta0,a2,(a1)", "amomax.w" },
    { 0xc0c5a52f, "amominu.w\ta0,a2,(a1)", "amominu.w" },
    { 0xe0c5a52f, "amomaxu.w\ta0,a2,(a1)", "amomaxu.w" },
    { 0x1005b52f, "lr.d\ta0,(a1)", "lr.d" },
    { 0x18c5b52f, "sc.d\ta0,a2,(a1)", "sc.d" },
    { 0x08c5b52f, "amoswap.d\ta0,a2,(a1)", "amoswap.d" },
    { 0x00c5b52f, "amoadd.d\ta0,a2,(a1)", "amoadd.d" },
    { 0x20c5b52f, "amoxor.d\ta0,a2,(a1)", "amoxor.d" },
    { 0x60c5b52f, "amoand.d\ta0,a2,(a1)", "amoand.d" },
    { 0x40c5b52f, "amoor.d\ta0,a2,(a1)", "amoor.d" },
    { 0x80c5b52f, "amomin.d\ta0,a2,(a1)", "amomin.d" },
    { 0xa0c5b52f, "amomax.d\ta0,a2,(a1)", "amomax.d" },
    { 0xc0c5b52f, "amominu.d\ta0,a2,(a1)", "amominu.d" },
    { 0xe4c5b52f, "amomaxu.d.aq\ta0,a2,(a1)", "amomaxu.d" },
    { 0x08c5853b, "add.uw\ta0,a1,a2", "Zba" },
    { 0x0805853b, "zext.w\ta0,a1", "add.uw rd,rs,x0 is zext.w" },
    { 0x20c5a533, "sh1add\ta0,a1,a2", "sh1add" },
    { 0x20c5c533, "sh2add\ta0,a1,a2", "sh2add" },
    { 0x20c5e533, "sh3add\ta0,a1,a2", "sh3add" },
    { 0x20c5a53b, "sh1add.uw\ta0,a1,a2", "sh1add.uw" },
    { 0x20c5c53b, "sh2add.uw\ta0,a1,a2", "sh2add.uw" },
    { 0x20c5e53b, "sh3add.uw\ta0,a1,a2", "sh3add.uw" },
    { 0x0a85951b, "slli.uw\ta0,a1,0x28", "slli.uw keeps its name" },
    { 0x40c5f533, "andn\ta0,a1,a2", "Zbb" },
    { 0x40c5e533, "orn\ta0,a1,a2", "orn" },
    { 0x40c5c533, "xnor\ta0,a1,a2", "xnor" },
    { 0x60059513, "clz\ta0,a1", "clz: rd,rs" },
    { 0x6005951b, "clzw\ta0,a1", "clzw" },
    { 0x60159513, "ctz\ta0,a1", "ctz" },
    { 0x6015951b, "ctzw\ta0,a1", "ctzw" },
    { 0x60259513, "cpop\ta0,a1", "cpop" },
    { 0x6025951b, "cpopw\ta0,a1", "cpopw" },
    { 0x0ac5e533, "max\ta0,a1,a2", "max" },
    { 0x0ac5f533, "maxu\ta0,a1,a2", "maxu" },
    { 0x0ac5c533, "min\ta0,a1,a2", "min" },
    { 0x0ac5d533, "minu\ta0,a1,a2", "minu" },
    { 0x60459513, "sext.b\ta0,a1", "sext.b" },
    { 0x60559513, "sext.h\ta0,a1", "sext.h" },
    { 0x0805c53b, "zext.h\ta0,a1", "zext.h" },
    { 0x60c59533, "rol\ta0,a1,a2", "rol" },
    { 0x60c5d533, "ror\ta0,a1,a2", "ror" },
    { 0x60c5953b, "rolw\ta0,a1,a2", "rolw" },
    { 0x60c5d53b, "rorw\ta0,a1,a2", "rorw" },
    { 0x6215d513, "ror\ta0,a1,0x21", "rori prints as ror" },
    { 0x6055d51b, "rorw\ta0,a1,0x5", "roriw prints as rorw" },
    { 0x2875d513, "orc.b\ta0,a1", "orc.b" },
    { 0x6b85d513, "rev8\ta0,a1", "rev8" },
    { 0x48c59533, "bclr\ta0,a1,a2", "Zbs" },
    { 0x4a859513, "bclr\ta0,a1,0x28", "bclri prints as bclr" },
    { 0x48c5d533, "bext\ta0,a1,a2", "bext" },
    { 0x4835d513, "bext\ta0,a1,0x3", "bexti prints as bext" },
    { 0x68c59533, "binv\ta0,a1,a2", "binv" },
    { 0x68359513, "binv\ta0,a1,0x3", "binvi prints as binv" },
    { 0x28c59533, "bset\ta0,a1,a2", "bset" },
    { 0x2bf59513, "bset\ta0,a1,0x3f", "bseti prints as bset" },
    { 0x0005200f, "cbo.inval\t(a0)", "Zicbom" },
    { 0x0015200f, "cbo.clean\t(a0)", "cbo.clean" },
    { 0x0025200f, "cbo.flush\t(a0)", "cbo.flush" },
    { 0x0045200f, "cbo.zero\t(a0)", "Zicboz" },
    { 0x0045a507, "flw\tfa0,4(a1)", "F load" },
    { 0x00a5a227, "fsw\tfa0,4(a1)", "F store" },
    { 0x68c5f543, "fmadd.s\tfa0,fa1,fa2,fa3", "R4, dynamic rounding not printed" },
    { 0x68c59543, "fmadd.s\tfa0,fa1,fa2,fa3,rtz", "R4 with rounding mode" },
    { 0x68c5f547, "fmsub.s\tfa0,fa1,fa2,fa3", "fmsub.s" },
    { 0x68c5f54b, "fnmsub.s\tfa0,fa1,fa2,fa3", "fnmsub.s" },
    { 0x68c5f54f, "fnmadd.s\tfa0,fa1,fa2,fa3", "fnmadd.s" },
    { 0x00c5f553, "fadd.s\tfa0,fa1,fa2", "fadd.s" },
    { 0x00c58553, "fadd.s\tfa0,fa1,fa2,rne", "fadd.s rne" },
    { 0x00c5d553, "fadd.s\tfa0,fa1,fa2,unknown", "rounding mode 5 prints unknown" },
    { 0x08c5f553, "fsub.s\tfa0,fa1,fa2", "fsub.s" },
    { 0x10c5a553, "fmul.s\tfa0,fa1,fa2,rdn", "fmul.s" },
    { 0x18c5b553, "fdiv.s\tfa0,fa1,fa2,rup", "fdiv.s" },
    { 0x5805c553, "fsqrt.s\tfa0,fa1,rmm", "fsqrt.s" },
    { 0x20c58553, "fsgnj.s\tfa0,fa1,fa2", "fsgnj.s" },
    { 0x20b58553, "fmv.s\tfa0,fa1", "fsgnj rs1=rs2 is fmv.s" },
    { 0x20c59553, "fsgnjn.s\tfa0,fa1,fa2", "fsgnjn.s" },
    { 0x20b59553, "fneg.s\tfa0,fa1", "fneg.s" },
    { 0x20c5a553, "fsgnjx.s\tfa0,fa1,fa2", "fsgnjx.s" },
    { 0x20b5a553, "fabs.s\tfa0,fa1", "fabs.s" },
    { 0x28c58553, "fmin.s\tfa0,fa1,fa2", "fmin.s" },
    { 0x28c59553, "fmax.s\tfa0,fa1,fa2", "fmax.s" },
    { 0xc0059553, "fcvt.w.s\ta0,fa1,rtz", "F to X with rounding" },
    { 0xc015f553, "fcvt.wu.s\ta0,fa1", "fcvt.wu.s" },
    { 0xc025f553, "fcvt.l.s\ta0,fa1", "fcvt.l.s" },
    { 0xc035f553, "fcvt.lu.s\ta0,fa1", "fcvt.lu.s" },
    { 0xe0058553, "fmv.x.w\ta0,fa1", "fmv.x.w" },
    { 0xe0059553, "fclass.s\ta0,fa1", "fclass.s" },
    { 0xa0c5a553, "feq.s\ta0,fa1,fa2", "feq.s" },
    { 0xa0c59553, "flt.s\ta0,fa1,fa2", "flt.s" },
    { 0xa0c58553, "fle.s\ta0,fa1,fa2", "fle.s" },
    { 0xd005f553, "fcvt.s.w\tfa0,a1", "X to F" },
    { 0xd0159553, "fcvt.s.wu\tfa0,a1,rtz", "fcvt.s.wu" },
    { 0xd025f553, "fcvt.s.l\tfa0,a1", "fcvt.s.l" },
    { 0xd035f553, "fcvt.s.lu\tfa0,a1", "fcvt.s.lu" },
    { 0xf0058553, "fmv.w.x\tfa0,a1", "fmv.w.x" },
    { 0x0085b507, "fld\tfa0,8(a1)", "D load" },
    { 0x00a5b427, "fsd\tfa0,8(a1)", "D store" },
    { 0x6ac5f543, "fmadd.d\tfa0,fa1,fa2,fa3", "fmadd.d" },
    { 0x6ac5f547, "fmsub.d\tfa0,fa1,fa2,fa3", "fmsub.d" },
    { 0x6ac5f54b, "fnmsub.d\tfa0,fa1,fa2,fa3", "fnmsub.d" },
    { 0x6ac5f54f, "fnmadd.d\tfa0,fa1,fa2,fa3", "fnmadd.d" },
    { 0x02c5f553, "fadd.d\tfa0,fa1,fa2", "fadd.d" },
    { 0x0ac5f553, "fsub.d\tfa0,fa1,fa2", "fsub.d" },
    { 0x12c5f553, "fmul.d\tfa0,fa1,fa2", "fmul.d" },
    { 0x1ac5f553, "fdiv.d\tfa0,fa1,fa2", "fdiv.d" },
    { 0x5a05f553, "fsqrt.d\tfa0,fa1", "fsqrt.d" },
    { 0x22c58553, "fsgnj.d\tfa0,fa1,fa2", "fsgnj.d" },
    { 0x22c59553, "fsgnjn.d\tfa0,fa1,fa2", "fsgnjn.d" },
    { 0x22b59553, "fneg.d\tfa0,fa1", "fneg.d" },
    { 0x22c5a553, "fsgnjx.d\tfa0,fa1,fa2", "fsgnjx.d" },
    { 0x22b58553, "fmv.d\tfa0,fa1", "fmv.d" },
    { 0x22b5a553, "fabs.d\tfa0,fa1", "fabs.d" },
    { 0x2ac58553, "fmin.d\tfa0,fa1,fa2", "fmin.d" },
    { 0x2ac59553, "fmax.d\tfa0,fa1,fa2", "fmax.d" },
    { 0x4015f553, "fcvt.s.d\tfa0,fa1", "fcvt.s.d" },
    { 0x42058553, "fcvt.d.s\tfa0,fa1", "fcvt.d.s is exact: no rounding mode" },
    { 0x42058553, "fcvt.d.s\tfa0,fa1", "fcvt.d.s with rm=0: accepted" },
    { 0x4205f553, ".4byte\t0x4205f553", "fcvt.d.s with rm=dyn: binutils prints raw" },
    { 0xa2c5a553, "feq.d\ta0,fa1,fa2", "feq.d" },
    { 0xa2c59553, "flt.d\ta0,fa1,fa2", "flt.d" },
    { 0xa2c58553, "fle.d\ta0,fa1,fa2", "fle.d" },
    { 0xe2059553, "fclass.d\ta0,fa1", "fclass.d" },
    { 0xc205f553, "fcvt.w.d\ta0,fa1", "fcvt.w.d" },
    { 0xc215f553, "fcvt.wu.d\ta0,fa1", "fcvt.wu.d" },
    { 0xc225f553, "fcvt.l.d\ta0,fa1", "fcvt.l.d" },
    { 0xc235f553, "fcvt.lu.d\ta0,fa1", "fcvt.lu.d" },
    { 0xe2058553, "fmv.x.d\ta0,fa1", "fmv.x.d" },
    { 0xd2058553, "fcvt.d.w\tfa0,a1", "fcvt.d.w is exact" },
    { 0xd2158553, "fcvt.d.wu\tfa0,a1", "fcvt.d.wu is exact" },
    { 0xd225f553, "fcvt.d.l\tfa0,a1", "fcvt.d.l" },
    { 0xd2359553, "fcvt.d.lu\tfa0,a1,rtz", "fcvt.d.lu" },
    { 0xf2058553, "fmv.d.x\tfa0,a1", "fmv.d.x" },
    { 0x0000007b, ".4byte\t0x7b", "unknown 32-bit encoding: .4byte" },
    { 0x0808, "add\ta0,sp,16", "c.addi4spn prints as add" },
    { 0x41c8, "lw\ta0,4(a1)", "c.lw prints as lw" },
    { 0x6588, "ld\ta0,8(a1)", "c.ld" },
    { 0xc1c8, "sw\ta0,4(a1)", "c.sw" },
    { 0xe588, "sd\ta0,8(a1)", "c.sd" },
    { 0x2588, "fld\tfa0,8(a1)", "c.fld" },
    { 0xa588, "fsd\tfa0,8(a1)", "c.fsd" },
    { 0x1575, "add\ta0,a0,-3", "c.addi prints as add" },
    { 0x0001, "nop", "c.nop" },
    { 0x0005, "c.nop\t1", "c.addi x0,1 HINT is c.nop 1" },
    { 0x0501, "add\ta0,a0,0", "c.addi rd,0 HINT prints add rd,rd,0" },
    { 0x250d, "addw\ta0,a0,3", "c.addiw prints as addw" },
    { 0x2501, "sext.w\ta0,a0", "c.addiw rd,0 is sext.w" },
    { 0x557d, "li\ta0,-1", "c.li prints as li" },
    { 0x4015, "c.li\tzero,5", "c.li x0 HINT keeps its name" },
    { 0x7139, "add\tsp,sp,-64", "c.addi16sp prints as add" },
    { 0x6101, "add\tsp,sp,0", "reserved c.addi16sp 0: binutils still prints add sp,sp,0" },
    { 0x657d, "lui\ta0,0x1f", "c.lui" },
    { 0x7505, "lui\ta0,0xfffe1", "c.lui negative" },
    { 0x6005, "c.lui\tzero,0x1", "c.lui x0 HINT keeps its name" },
    { 0x6501, ".2byte\t0x6501", "reserved c.lui imm 0: raw" },
    { 0x810d, "srl\ta0,a0,0x3", "c.srli prints as srl" },
    { 0x8101, "c.srli64\ta0", "c.srli shamt 0 is c.srli64" },
    { 0x9505, "sra\ta0,a0,0x21", "c.srai prints as sra" },
    { 0x8501, "c.srai64\ta0", "c.srai64" },
    { 0x9971, "and\ta0,a0,-4", "c.andi prints as and" },
    { 0x8d0d, "sub\ta0,a0,a1", "c.sub" },
    { 0x8d2d, "xor\ta0,a0,a1", "c.xor" },
    { 0x8d4d, "or\ta0,a0,a1", "c.or" },
    { 0x8d6d, "and\ta0,a0,a1", "c.and" },
    { 0x9d0d, "subw\ta0,a0,a1", "c.subw" },
    { 0x9d2d, "addw\ta0,a0,a1", "c.addw" },
    { 0xa081, "j\t80000040 <_start+0x40>", "c.j prints as j" },
    { 0xb001, "j\t7ffff800 <base+0x7ffff800>", "c.j backward (-2048)" },
    { 0xc121, "beqz\ta0,80000040 <_start+0x40>", "c.beqz prints as beqz" },
    { 0xe121, "bnez\ta0,80000040 <_start+0x40>", "c.bnez prints as bnez" },
    { 0x050e, "sll\ta0,a0,0x3", "c.slli prints as sll" },
    { 0x0502, "c.slli64\ta0", "c.slli shamt 0 is c.slli64" },
    { 0x000e, "c.slli\tzero,0x3", "c.slli x0 HINT keeps its name" },
    { 0x2522, "fld\tfa0,8(sp)", "c.fldsp" },
    { 0x4512, "lw\ta0,4(sp)", "c.lwsp prints as lw" },
    { 0x4002, ".2byte\t0x4002", "c.lwsp rd=0 is reserved: raw" },
    { 0x6522, "ld\ta0,8(sp)", "c.ldsp prints as ld" },
    { 0x8502, "jr\ta0", "c.jr prints as jr" },
    { 0x8082, "ret", "c.jr ra is ret" },
    { 0x8002, ".2byte\t0x8002", "c.jr x0 is reserved: raw" },
    { 0x852e, "mv\ta0,a1", "c.mv prints as mv" },
    { 0x802e, "c.mv\tzero,a1", "c.mv x0 HINT keeps its name" },
    { 0x9002, "ebreak", "c.ebreak prints as ebreak" },
    { 0x9502, "jalr\ta0", "c.jalr prints as jalr" },
    { 0x952e, "add\ta0,a0,a1", "c.add prints as add" },
    { 0x902e, "c.add\tzero,a1", "c.add x0 HINT keeps its name" },
    { 0xa42a, "fsd\tfa0,8(sp)", "c.fsdsp" },
    { 0xc22a, "sw\ta0,4(sp)", "c.swsp prints as sw" },
    { 0xe42a, "sd\ta0,8(sp)", "c.sdsp prints as sd" },
    { 0x0000, "unimp", "all-zero halfword is unimp" },
    { 0x2001, ".2byte\t0x2001", "c.addiw x0 is reserved: raw" },
    /* Zicond is newer than binutils 2.40 (which prints .4byte); these follow the R format. */
    /* The remaining ratified extensions: objdump 2.40's text where it knows them (Zbc, Zbkb, Zbkc,
     * Zbkx, Zawrs, Svinval, Zfh), vhart's own otherwise (Zcb prints the expansion, as for C) */
    { 0x6181, "c.mop.3", "c.mop.3" },
    { 0x81e8, "lbu\ta0,3(a1)", "lbu" },
    { 0x85a8, "lhu\ta0,2(a1)", "lhu" },
    { 0x85e8, "lh\ta0,2(a1)", "lh" },
    { 0x89c8, "sb\ta0,1(a1)", "sb" },
    { 0x8da8, "sh\ta0,2(a1)", "sh" },
    { 0x9d61, "zext.b\ta0,a0", "zext.b" },
    { 0x9d65, "sext.b\ta0,a0", "sext.b" },
    { 0x9d69, "zext.h\ta0,a0", "zext.h" },
    { 0x9d6d, "sext.h\ta0,a0", "sext.h" },
    { 0x9d71, "zext.w\ta0,a0", "zext.w" },
    { 0x9d75, "not\ta0,a0", "not" },
    { 0x9d4d, "mul\ta0,a0,a1", "mul" },
    { 0xac59533, "clmul\ta0,a1,a2", "clmul" },
    { 0xac5b533, "clmulh\ta0,a1,a2", "clmulh" },
    { 0xac5a533, "clmulr\ta0,a1,a2", "clmulr" },
    { 0x8c5c533, "pack\ta0,a1,a2", "pack" },
    { 0x8c5f533, "packh\ta0,a1,a2", "packh" },
    { 0x8c5c53b, "packw\ta0,a1,a2", "packw" },
    { 0x6875d513, "brev8\ta0,a1", "brev8" },
    { 0x28c5a533, "xperm4\ta0,a1,a2", "xperm4" },
    { 0x28c5c533, "xperm8\ta0,a1,a2", "xperm8" },
    { 0x81c5c573, "mop.r.0\ta0,a1", "mop.r.0" },
    { 0x82c5c573, "mop.rr.0\ta0,a1,a2", "mop.rr.0" },
    { 0xd00073, "wrs.nto", "wrs.nto" },
    { 0x1d00073, "wrs.sto", "wrs.sto" },
    { 0x16c58073, "sinval.vma\ta1,a2", "sinval.vma" },
    { 0x18000073, "sfence.w.inval", "sfence.w.inval" },
    { 0x18100073, "sfence.inval.ir", "sfence.inval.ir" },
    { 0x59507, "flh\tfa0,0(a1)", "flh" },
    { 0xa59127, "fsh\tfa0,2(a1)", "fsh" },
    { 0xe4058553, "fmv.x.h\ta0,fa1", "fmv.x.h" },
    { 0xf4058553, "fmv.h.x\tfa0,a1", "fmv.h.x" },
    { 0x4405f553, "fcvt.h.s\tfa0,fa1", "fcvt.h.s" },
    { 0x4415f553, "fcvt.h.d\tfa0,fa1", "fcvt.h.d" },
    { 0x6cc5f543, "fmadd.h\tfa0,fa1,fa2,fa3", "fmadd.h" },
    { 0x6cc5f547, "fmsub.h\tfa0,fa1,fa2,fa3", "fmsub.h" },
    { 0x6cc5f54b, "fnmsub.h\tfa0,fa1,fa2,fa3", "fnmsub.h" },
    { 0x6cc5f54f, "fnmadd.h\tfa0,fa1,fa2,fa3", "fnmadd.h" },
    { 0x4c5f553, "fadd.h\tfa0,fa1,fa2", "fadd.h" },
    { 0xcc5f553, "fsub.h\tfa0,fa1,fa2", "fsub.h" },
    { 0x14c5f553, "fmul.h\tfa0,fa1,fa2", "fmul.h" },
    { 0x1cc5f553, "fdiv.h\tfa0,fa1,fa2", "fdiv.h" },
    { 0x5c05f553, "fsqrt.h\tfa0,fa1", "fsqrt.h" },
    { 0x24c58553, "fsgnj.h\tfa0,fa1,fa2", "fsgnj.h" },
    { 0x24c59553, "fsgnjn.h\tfa0,fa1,fa2", "fsgnjn.h" },
    { 0x24c5a553, "fsgnjx.h\tfa0,fa1,fa2", "fsgnjx.h" },
    { 0x2cc58553, "fmin.h\tfa0,fa1,fa2", "fmin.h" },
    { 0x2cc59553, "fmax.h\tfa0,fa1,fa2", "fmax.h" },
    { 0xa4c5a553, "feq.h\ta0,fa1,fa2", "feq.h" },
    { 0xa4c59553, "flt.h\ta0,fa1,fa2", "flt.h" },
    { 0xa4c58553, "fle.h\ta0,fa1,fa2", "fle.h" },
    { 0xe4059553, "fclass.h\ta0,fa1", "fclass.h" },
    { 0xc405f553, "fcvt.w.h\ta0,fa1", "fcvt.w.h" },
    { 0xc415f553, "fcvt.wu.h\ta0,fa1", "fcvt.wu.h" },
    { 0xc425f553, "fcvt.l.h\ta0,fa1", "fcvt.l.h" },
    { 0xc435f553, "fcvt.lu.h\ta0,fa1", "fcvt.lu.h" },
    { 0xd405f553, "fcvt.h.w\tfa0,a1", "fcvt.h.w" },
    { 0xd415f553, "fcvt.h.wu\tfa0,a1", "fcvt.h.wu" },
    { 0xd425f553, "fcvt.h.l\tfa0,a1", "fcvt.h.l" },
    { 0xd435f553, "fcvt.h.lu\tfa0,a1", "fcvt.h.lu" },
    { 0xf0180553, "fli.s\tfa0,1.0", "fli.s" },
    { 0xf0108553, "fli.s\tfa0,min", "fli.s" },
    { 0xf0110553, "fli.s\tfa0,1.52587890625e-05", "fli.s" },
    { 0xf01f0553, "fli.s\tfa0,inf", "fli.s" },
    { 0xf01f8553, "fli.s\tfa0,nan", "fli.s" },
    { 0x28c5a553, "fminm.s\tfa0,fa1,fa2", "fminm.s" },
    { 0x28c5b553, "fmaxm.s\tfa0,fa1,fa2", "fmaxm.s" },
    { 0x4045f553, "fround.s\tfa0,fa1", "fround.s" },
    { 0x4055f553, "froundnx.s\tfa0,fa1", "froundnx.s" },
    { 0xa0c5c553, "fleq.s\ta0,fa1,fa2", "fleq.s" },
    { 0xa0c5d553, "fltq.s\ta0,fa1,fa2", "fltq.s" },
    { 0xf2180553, "fli.d\tfa0,1.0", "fli.d" },
    { 0x2ac5a553, "fminm.d\tfa0,fa1,fa2", "fminm.d" },
    { 0x2ac5b553, "fmaxm.d\tfa0,fa1,fa2", "fmaxm.d" },
    { 0x4245f553, "fround.d\tfa0,fa1", "fround.d" },
    { 0x4255f553, "froundnx.d\tfa0,fa1", "froundnx.d" },
    { 0xa2c5c553, "fleq.d\ta0,fa1,fa2", "fleq.d" },
    { 0xa2c5d553, "fltq.d\ta0,fa1,fa2", "fltq.d" },
    { 0xc2859553, "fcvtmod.w.d\ta0,fa1,rtz", "fcvtmod.w.d" },
    { 0xf4180553, "fli.h\tfa0,1.0", "fli.h" },
    { 0x2cc5a553, "fminm.h\tfa0,fa1,fa2", "fminm.h" },
    { 0x2cc5b553, "fmaxm.h\tfa0,fa1,fa2", "fmaxm.h" },
    { 0x4445f553, "fround.h\tfa0,fa1", "fround.h" },
    { 0x4455f553, "froundnx.h\tfa0,fa1", "froundnx.h" },
    { 0xa4c5c553, "fleq.h\ta0,fa1,fa2", "fleq.h" },
    { 0xa4c5d553, "fltq.h\ta0,fa1,fa2", "fltq.h" },
    { 0x40258553, "fcvt.s.h\tfa0,fa1", "fcvt.s.h" },
    { 0x42258553, "fcvt.d.h\tfa0,fa1", "fcvt.d.h" },
    { 0x0ec5d533, "czero.eqz\ta0,a1,a2", "Zicond czero.eqz" },
    { 0x0ec5f533, "czero.nez\ta0,a1,a2", "Zicond czero.nez" },
};

/* Like objdump with the symbols `base` (0) and `_start` (0x80000000). */
static const char *test_symbols(void *ctx, uint64_t addr, uint64_t *offset)
{
    (void)ctx;
    if (addr >= 0x80000000u) {
        *offset = addr - 0x80000000u;
        return "_start";
    }
    *offset = addr;
    return "base";
}

static const char *dis(uint32_t raw, uint64_t ext)
{
    static char buf[128];
    disasm_insn(0x80000000u, raw, ext, buf, sizeof(buf), test_symbols, NULL);
    return buf;
}

START_TEST(every_vector_prints_what_objdump_prints)
{
    for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
        const char *got = dis(vectors[i].raw, TEST_EXT);
        ck_assert_msg(strcmp(got, vectors[i].text) == 0, "%s: 0x%08x printed \"%s\", expected \"%s\"",
                      vectors[i].rule, (unsigned)vectors[i].raw, got, vectors[i].text);
    }
}
END_TEST

START_TEST(every_table_entry_has_a_vector)
{
    static char seen[OP_COUNT];
    for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
        struct insn in;
        if (decode_insn(vectors[i].raw, TEST_EXT, &in) == 0) seen[in.op] = 1;
    }
    for (unsigned op = OP_BREAKPOINT + 1; op < OP_COUNT; op++)
        ck_assert_msg(seen[op], "no disassembler vector decodes as %s", insn_infos[op].name);
}
END_TEST

START_TEST(auipc_prints_register_and_hex_upper_immediate)
{
    char buf[64];
    ck_assert_uint_eq(disasm_insn(0x80000000u, 0x00000297, TEST_EXT, buf, sizeof(buf), NULL, NULL), 4);
    ck_assert_str_eq(buf, "auipc\tt0,0x0");
}
END_TEST

START_TEST(length_is_2_for_compressed_and_4_otherwise)
{
    char buf[64];
    ck_assert_uint_eq(disasm_insn(0, 0x0505, TEST_EXT, buf, sizeof(buf), NULL, NULL), 2);
    ck_assert_str_eq(buf, "add\ta0,a0,1");
    /* upper bits of a 16-bit instruction are ignored */
    ck_assert_uint_eq(disasm_insn(0, 0xffff0505u, TEST_EXT, buf, sizeof(buf), NULL, NULL), 2);
    ck_assert_str_eq(buf, "add\ta0,a0,1");
    ck_assert_uint_eq(disasm_insn(0, 0xffffffffu, TEST_EXT, buf, sizeof(buf), NULL, NULL), 4);
    ck_assert_str_eq(buf, ".4byte\t0xffffffff");
}
END_TEST

START_TEST(targets_without_symbols_print_as_hex_addresses)
{
    char buf[64];
    disasm_insn(0x80000000u, 0x00b50863, TEST_EXT, buf, sizeof(buf), NULL, NULL);
    ck_assert_str_eq(buf, "beq\ta0,a1,0x80000010");
    disasm_insn(0x80000000u, 0x00402503, TEST_EXT, buf, sizeof(buf), NULL, NULL);
    ck_assert_str_eq(buf, "lw\ta0,4(zero) # 0x4");
}
END_TEST

static const char *no_symbol(void *ctx, uint64_t addr, uint64_t *offset)
{
    (void)ctx, (void)addr, (void)offset;
    return NULL;
}

START_TEST(symbolizer_names_the_target_with_an_offset)
{
    char buf[64];
    disasm_insn(0x80000000u, 0x0100006f, TEST_EXT, buf, sizeof(buf), test_symbols, NULL);
    ck_assert_str_eq(buf, "j\t80000010 <_start+0x10>");
    disasm_insn(0x80000010u, 0xff1ff06f, TEST_EXT, buf, sizeof(buf), test_symbols, NULL);
    ck_assert_str_eq(buf, "j\t80000000 <_start>");
    disasm_insn(0x80000000u, 0x0100006f, TEST_EXT, buf, sizeof(buf), no_symbol, NULL);
    ck_assert_str_eq(buf, "j\t0x80000010");
}
END_TEST

START_TEST(compressed_encodings_are_raw_without_the_c_extension)
{
    ck_assert_str_eq(dis(0x0505, TEST_EXT & ~EXT_C), ".2byte\t0x505");
    ck_assert_str_eq(dis(0x0000, TEST_EXT & ~EXT_C), ".2byte\t0x0");
    ck_assert_str_eq(dis(0x0505, TEST_EXT), "add\ta0,a0,1");
}
END_TEST

START_TEST(extension_gating_follows_the_decoder)
{
    ck_assert_str_eq(dis(0x02c58533, TEST_EXT & ~EXT_M), ".4byte\t0x2c58533");       /* mul */
    ck_assert_str_eq(dis(0x20c5a533, TEST_EXT & ~EXT_ZBA), ".4byte\t0x20c5a533");     /* sh1add */
    ck_assert_str_eq(dis(0x0ec5d533, TEST_EXT & ~EXT_ZICOND), ".4byte\t0xec5d533");   /* czero.eqz */
    ck_assert_str_eq(dis(0xa42a, TEST_EXT & ~EXT_D), ".2byte\t0xa42a");               /* c.fsdsp */
}
END_TEST

START_TEST(fp_csr_aliases_need_the_f_extension)
{
    ck_assert_str_eq(dis(0x00102573, TEST_EXT), "frflags\ta0");
    ck_assert_str_eq(dis(0x00102573, TEST_EXT & ~(EXT_F | EXT_D | EXT_CD)), "csrr\ta0,fflags");
    ck_assert_str_eq(dis(0x00259073, TEST_EXT & ~(EXT_F | EXT_D | EXT_CD)), "csrw\tfrm,a1");
}
END_TEST

START_TEST(pause_needs_zihintpause)
{
    ck_assert_str_eq(dis(0x0100000f, TEST_EXT), "pause");
    ck_assert_str_eq(dis(0x0100000f, TEST_EXT & ~EXT_ZIHINTPAUSE), "fence\tw,unknown");
}
END_TEST

START_TEST(single_instructions_start_without_address_state)
{
    /* objdump pairs auipc/lui with the next use of the register; one instruction alone has no pair,
     * but x0- and tp-based addresses are complete in themselves. */
    ck_assert_str_eq(dis(0x00450513, TEST_EXT), "add\ta0,a0,4");
    ck_assert_str_eq(dis(0x00823503, TEST_EXT), "ld\ta0,8(tp) # 8 <base+0x8>");
    ck_assert_str_eq(dis(0xff802503, TEST_EXT), "lw\ta0,-8(zero) # fffffffffffffff8 <_start+0xffffffff7ffffff8>");
}
END_TEST

START_TEST(output_is_truncated_and_terminated)
{
    char buf[8];
    memset(buf, 'x', sizeof(buf));
    ck_assert_uint_eq(disasm_insn(0x80000000u, 0x00000297, TEST_EXT, buf, sizeof(buf), NULL, NULL), 4);
    ck_assert_str_eq(buf, "auipc\tt");
    char one = 'x';
    ck_assert_uint_eq(disasm_insn(0, 0x0001, TEST_EXT, &one, 1, NULL, NULL), 2);
    ck_assert_int_eq(one, '\0');
    ck_assert_uint_eq(disasm_insn(0, 0x0001, TEST_EXT, NULL, 0, NULL, NULL), 2);
}
END_TEST

START_TEST(every_16bit_encoding_disassembles_without_overflow)
{
    char buf[64];
    for (uint32_t raw = 0; raw < 0x10000; raw++) {
        if ((raw & 3) == 3) continue;
        ck_assert_uint_eq(disasm_insn(0x80000000u, raw, TEST_EXT, buf, sizeof(buf), test_symbols, NULL), 2);
        ck_assert(strlen(buf) > 0 && strlen(buf) < sizeof(buf) - 1);
    }
}
END_TEST

static const uint8_t text_a[] = {
    0x97, 0x02, 0x00, 0x00, 0x93, 0x82, 0x02, 0x03, 0x01, 0x00, 0x19, 0xc5, 0xef, 0x00, 0x20, 0x02,
    0x01, 0xa0, 0xef, 0xbe, 0xad, 0xde, 0x34, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xb7, 0x05, 0x00, 0x80, 0x90, 0x69, 0x7b, 0x00, 0x00, 0x00, 0x05, 0x45,
    0x82, 0x80,
};
static const uint8_t text_b[] = { 0x13, 0x05, 0x15, 0x00, 0x82, 0x80, 0x00, 0x00 };

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)v); put16(p + 2, (uint16_t)(v >> 16)); }
static void put64(uint8_t *p, uint64_t v) { put32(p, (uint32_t)v); put32(p + 4, (uint32_t)(v >> 32)); }

/* Writes the image to `path`; returns 0 or -1. */
static int write_test_elf(const char *path)
{
    static const char strtab[] = "\0$xrv64i2p1_m2p0_a2p1_c2p0_zicsr2p0\0$d\0$x\0func\0_start";
    static const char shstrtab[] = "\0.text\0.text.b\0.symtab\0.strtab\0.shstrtab";
    /* name offset in strtab, value, info (bind << 4 | type), section */
    static const struct { uint32_t name; uint64_t value; uint8_t info; uint16_t shndx; } syms[] = {
        { 0, 0, 0, 0 }, { 1, 0x80000000, 0x00, 1 }, { 36, 0x80000012, 0x00, 1 }, { 39, 0x80000024, 0x00, 1 },
        { 42, 0x8000002e, 0x00, 1 }, { 47, 0x80000000, 0x12, 1 },
    };
    uint8_t f[2048] = { 0 };
    const uint64_t text_off = 0x100, textb_off = 0x140, sym_off = 0x150, str_off = 0x200, shstr_off = 0x240;
    const uint64_t sh_off = 0x280;
    memcpy(f, "\177ELF\2\1\1", 7);
    put16(f + 0x10, 2);                 /* ET_EXEC */
    put16(f + 0x12, 243);               /* EM_RISCV */
    put32(f + 0x14, 1);
    put64(f + 0x18, 0x80000000);        /* entry */
    put64(f + 0x20, 0x40);              /* phoff */
    put64(f + 0x28, sh_off);
    put16(f + 0x34, 64);
    put16(f + 0x36, 56);
    put16(f + 0x38, 1);
    put16(f + 0x3a, 64);
    put16(f + 0x3c, 6);
    put16(f + 0x3e, 5);
    uint8_t *ph = f + 0x40;             /* PT_LOAD, R+X, .text */
    put32(ph, 1);
    put32(ph + 4, 5);
    put64(ph + 8, text_off);
    put64(ph + 0x10, 0x80000000);
    put64(ph + 0x18, 0x80000000);
    put64(ph + 0x20, sizeof(text_a));
    put64(ph + 0x28, sizeof(text_a));
    put64(ph + 0x30, 2);
    memcpy(f + text_off, text_a, sizeof(text_a));
    memcpy(f + textb_off, text_b, sizeof(text_b));
    for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
        uint8_t *s = f + sym_off + 24 * i;
        put32(s, syms[i].name);
        s[4] = syms[i].info;
        put16(s + 6, syms[i].shndx);
        put64(s + 8, syms[i].value);
    }
    memcpy(f + str_off, strtab, sizeof(strtab));
    memcpy(f + shstr_off, shstrtab, sizeof(shstrtab));
    /* name, type, flags, addr, offset, size, link, info, align, entsize */
    const struct {
        uint32_t name, type;
        uint64_t flags, addr, off, size;
        uint32_t link, info;
        uint64_t align, ent;
    } sh[6] = {
        { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
        { 1, 1, 6, 0x80000000, text_off, sizeof(text_a), 0, 0, 2, 0 },
        { 7, 1, 6, 0x80001000, textb_off, sizeof(text_b), 0, 0, 2, 0 },
        { 15, 2, 0, 0, sym_off, 24 * (sizeof(syms) / sizeof(syms[0])), 4, 5, 8, 24 },
        { 23, 3, 0, 0, str_off, sizeof(strtab), 0, 0, 1, 0 },
        { 31, 3, 0, 0, shstr_off, sizeof(shstrtab), 0, 0, 1, 0 },
    };
    for (int i = 0; i < 6; i++) {
        uint8_t *s = f + sh_off + 64 * i;
        put32(s, sh[i].name);
        put32(s + 4, sh[i].type);
        put64(s + 8, sh[i].flags);
        put64(s + 0x10, sh[i].addr);
        put64(s + 0x18, sh[i].off);
        put64(s + 0x20, sh[i].size);
        put32(s + 0x28, sh[i].link);
        put32(s + 0x2c, sh[i].info);
        put64(s + 0x30, sh[i].align);
        put64(s + 0x38, sh[i].ent);
    }
    FILE *out = fopen(path, "wb");
    if (!out) return -1;
    size_t n = fwrite(f, 1, sh_off + 64 * 6, out);
    return fclose(out) == 0 && n == sh_off + 64 * 6 ? 0 : -1;
}

static const char expected_listing[] =
    "\n"
    "%s:     file format elf64-littleriscv\n"
    "\n"
    "\n"
    "Disassembly of section .text:\n"
    "\n"
    "0000000080000000 <_start>:\n"
    "    80000000:\t00000297          \tauipc\tt0,0x0\n"
    "    80000004:\t03028293          \tadd\tt0,t0,48 # 80000030 <func+0x2>\n"
    "    80000008:\t0001                \tnop\n"
    "    8000000a:\tc519                \tbeqz\ta0,80000018 <_start+0x18>\n"
    "    8000000c:\t022000ef          \tjal\t8000002e <func>\n"
    "    80000010:\ta001                \tj\t80000010 <_start+0x10>\n"
    "    80000012:\tdeadbeef          \t.word\t0xdeadbeef\n"
    "    80000016:\t00001234          \t.word\t0x00001234\n"
    "\t...\n"
    "    80000022:\t0000                \t.short\t0x0000\n"
    "    80000024:\t800005b7          \tlui\ta1,0x80000\n"
    "    80000028:\t6990                \tld\ta2,16(a1)\n"
    "    8000002a:\t0000007b          \t.4byte\t0x7b\n"
    "\n"
    "000000008000002e <func>:\n"
    "    8000002e:\t4505                \tli\ta0,1\n"
    "    80000030:\t8082                \tret\n"
    "\n"
    "Disassembly of section .text.b:\n"
    "\n"
    "0000000080001000 <.text.b>:\n"
    "    80001000:\t00150513          \tadd\ta0,a0,1\n"
    "    80001004:\t8082                \tret\n"
    "\t...\n";

START_TEST(disasm_elf_prints_the_objdump_listing)
{
    char path[] = "/tmp/vhart_disasm_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(write_test_elf(path), 0);
    struct elf_image img;
    char err[256];
    ck_assert_msg(elf_open(path, &img, err, sizeof(err)) == 0, "%s", err);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(disasm_elf(&img, path, TEST_EXT, out), 0);
    fclose(out);
    elf_close(&img);
    remove(path);
    char expected[4096];
    snprintf(expected, sizeof(expected), expected_listing, path);
    ck_assert_str_eq(text, expected);
    free(text);
}
END_TEST

static Suite *disasm_suite(void)
{
    Suite *s = suite_create("disasm");
    TCase *t = tcase_create("core");
    tcase_add_test(t, every_vector_prints_what_objdump_prints);
    tcase_add_test(t, every_table_entry_has_a_vector);
    tcase_add_test(t, auipc_prints_register_and_hex_upper_immediate);
    tcase_add_test(t, length_is_2_for_compressed_and_4_otherwise);
    tcase_add_test(t, targets_without_symbols_print_as_hex_addresses);
    tcase_add_test(t, symbolizer_names_the_target_with_an_offset);
    tcase_add_test(t, compressed_encodings_are_raw_without_the_c_extension);
    tcase_add_test(t, extension_gating_follows_the_decoder);
    tcase_add_test(t, fp_csr_aliases_need_the_f_extension);
    tcase_add_test(t, pause_needs_zihintpause);
    tcase_add_test(t, single_instructions_start_without_address_state);
    tcase_add_test(t, output_is_truncated_and_terminated);
    tcase_add_test(t, every_16bit_encoding_disassembles_without_overflow);
    tcase_add_test(t, disasm_elf_prints_the_objdump_listing);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(disasm_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
