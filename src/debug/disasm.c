/* Disassembler derived from insn_table.def: binutils 2.40 `objdump -d` text (unpriv spec 20191213, priv 1.12).
 * This file formats one instruction; disasm_elf.c lays out a whole ELF file as objdump does. */
#include "disasm.h"
#include "disasm_internal.h"

/* Mnemonics and operand layouts come from the instruction table (name, format, exec); what is written
 * here by hand is binutils' presentation: its aliases (li, mv, beqz, csrr, ...), the RVC hints it names,
 * the encodings it refuses, and `objdump -d`'s layout, symbol choice, mapping symbols ($x, $d, $x<isa>)
 * and zero-run elision. Like objdump, the disassembler pairs an auipc/lui with the next use of that
 * register and appends the address formed ("add t0,t0,20 # 80000014 <trap>"); disasm_insn() sees one
 * instruction, so it only shows the addresses x0- and tp-relative accesses form on their own.
 * Known differences from binutils 2.40: it knows no synthetic "@plt" symbols, and it disassembles the
 * extensions the table has that 2.40 lacks (Zicond, Zfa, Zcb, Zimop, Zcmop) when the ELF's ISA string names them. */

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../cpu/csr.h"
#include "../cpu/decode.h"
#include "../cpu/isa.h"

/* ---------------------------------------------------------------------------------------------
 * Text output into a caller's buffer (truncating, always NUL-terminated).
 */


/* Zfa's fli constants by rs1 (Zfa 1.0, table "Immediates for FLI"), as the assembler writes them. */
static const char *const fli_constant_names[32] = {
    "-1.0", "min", "1.52587890625e-05", "3.0517578125e-05", "0.00390625", "0.0078125", "0.0625", "0.125",
    "0.25", "0.3125", "0.375", "0.4375", "0.5", "0.625", "0.75", "0.875",
    "1.0", "1.25", "1.5", "1.75", "2.0", "2.5", "3.0", "4.0",
    "8.0", "16.0", "128.0", "256.0", "32768.0", "65536.0", "inf", "nan",
};

static void sb_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
    if (b->cap == 0) return;
    size_t room = b->len < b->cap ? b->cap - b->len : 0;
    int n = vsnprintf(b->p + b->len, room, fmt, ap);
    if (n < 0) return;
    b->len += (size_t)n;
    if (b->len >= b->cap) b->len = b->cap - 1;
}

void dis_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(b, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------------------------------------------
 * Names as binutils prints them.
 */
static const char *const xreg_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};
static const char *const freg_names[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4",
    "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9",
    "ft10", "ft11",
};
static const char *const rm_names[8] = { "rne", "rtz", "rdn", "rup", "rmm", NULL, NULL, "dyn" };
static const char *const fence_sets[16] = {
    NULL, "w", "r", "rw", "o", "ow", "or", "orw", "i", "iw", "ir", "irw", "io", "iow", "ior", "iorw",
};

/* CSRs objdump names that vhart does not implement (so csr_name() does not know them). */
static const struct { uint16_t num; const char *name; } csr_extra_names[] = {
    { 0x008, "vstart" }, { 0x009, "vxsat" }, { 0x00a, "vxrm" }, { 0x00f, "vcsr" }, { 0x015, "seed" },
    { 0x10c, "sstateen0" }, { 0x10d, "sstateen1" }, { 0x10e, "sstateen2" }, { 0x10f, "sstateen3" },
    { 0x114, "sieh" }, { 0x150, "siselect" }, { 0x151, "sireg" }, { 0x154, "siph" }, { 0x15c, "stopei" },
    { 0x15d, "stimecmph" }, { 0x200, "vsstatus" }, { 0x204, "vsie" }, { 0x205, "vstvec" }, { 0x214, "vsieh" },
    { 0x240, "vsscratch" }, { 0x241, "vsepc" }, { 0x242, "vscause" }, { 0x243, "vstval" }, { 0x244, "vsip" },
    { 0x24d, "vstimecmp" }, { 0x250, "vsiselect" }, { 0x251, "vsireg" }, { 0x254, "vsiph" },
    { 0x25c, "vstopei" }, { 0x25d, "vstimecmph" }, { 0x280, "vsatp" }, { 0x308, "mvien" }, { 0x309, "mvip" },
    { 0x30c, "mstateen0" }, { 0x30d, "mstateen1" }, { 0x30e, "mstateen2" }, { 0x30f, "mstateen3" },
    { 0x310, "mstatush" }, { 0x313, "midelegh" }, { 0x314, "mieh" }, { 0x318, "mvienh" }, { 0x319, "mviph" },
    { 0x31a, "menvcfgh" }, { 0x31c, "mstateen0h" }, { 0x31d, "mstateen1h" }, { 0x31e, "mstateen2h" },
    { 0x31f, "mstateen3h" }, { 0x34a, "mtinst" }, { 0x34b, "mtval2" }, { 0x350, "miselect" }, { 0x351, "mireg" },
    { 0x354, "miph" }, { 0x35c, "mtopei" }, { 0x5a8, "scontext" }, { 0x600, "hstatus" }, { 0x602, "hedeleg" },
    { 0x603, "hideleg" }, { 0x604, "hie" }, { 0x605, "htimedelta" }, { 0x606, "hcounteren" }, { 0x607, "hgeie" },
    { 0x608, "hvien" }, { 0x609, "hvictl" }, { 0x60a, "henvcfg" }, { 0x60c, "hstateen0" }, { 0x60d, "hstateen1" },
    { 0x60e, "hstateen2" }, { 0x60f, "hstateen3" }, { 0x613, "hidelegh" }, { 0x615, "htimedeltah" },
    { 0x618, "hvienh" }, { 0x61a, "henvcfgh" }, { 0x61c, "hstateen0h" }, { 0x61d, "hstateen1h" },
    { 0x61e, "hstateen2h" }, { 0x61f, "hstateen3h" }, { 0x643, "htval" }, { 0x644, "hip" }, { 0x645, "hvip" },
    { 0x646, "hviprio1" }, { 0x647, "hviprio2" }, { 0x64a, "htinst" }, { 0x655, "hviph" }, { 0x656, "hviprio1h" },
    { 0x657, "hviprio2h" }, { 0x680, "hgatp" }, { 0x6a8, "hcontext" }, { 0x747, "mseccfg" }, { 0x757, "mseccfgh" },
    { 0x7a0, "tselect" }, { 0x7a1, "tdata1" }, { 0x7a2, "tdata2" }, { 0x7a3, "tdata3" }, { 0x7a4, "tinfo" },
    { 0x7a5, "tcontrol" }, { 0x7a8, "mcontext" }, { 0x7aa, "mscontext" }, { 0x7b0, "dcsr" }, { 0x7b1, "dpc" },
    { 0x7b2, "dscratch0" }, { 0x7b3, "dscratch1" }, { 0xb80, "mcycleh" }, { 0xb82, "minstreth" }, { 0xc20, "vl" },
    { 0xc21, "vtype" }, { 0xc22, "vlenb" }, { 0xc80, "cycleh" }, { 0xc81, "timeh" }, { 0xc82, "instreth" },
    { 0xda0, "scountovf" }, { 0xdb0, "stopi" }, { 0xe12, "hgeip" }, { 0xeb0, "vstopi" }, { 0xfb0, "mtopi" },
};

/* Privileged spec versions, as ELF attributes name them; CSR names depend on the version a program
 * was assembled for (binutils' DECLARE_CSR define/abort versions). Without an attribute: the newest. */
enum { PRIV_1_9_1 = 1, PRIV_1_10, PRIV_1_11, PRIV_1_12 };

int dis_priv_from_numbers(uint64_t major, uint64_t minor, uint64_t rev)
{
    if (major == 1 && minor == 9 && rev == 1) return PRIV_1_9_1;
    if (major == 1 && minor == 10 && rev == 0) return PRIV_1_10;
    if (major == 1 && minor == 11 && rev == 0) return PRIV_1_11;
    return PRIV_1_12;
}

/* The name binutils gives `csr` under privileged spec `priv`, or NULL. */
static const char *csr_print_name(unsigned csr, int priv, char *buf, size_t len)
{
    static const uint16_t since_1_12[] = { 0x10a, 0x30a, 0x310, 0x31a, 0x34a, 0x34b, 0x747, 0x757, 0xf15 };
    static const struct { uint16_t num; const char *name; } before_1_12[] = {
        { 0x000, "ustatus" }, { 0x004, "uie" }, { 0x005, "utvec" }, { 0x040, "uscratch" }, { 0x041, "uepc" },
        { 0x042, "ucause" }, { 0x043, "utval" }, { 0x044, "uip" }, { 0x102, "sedeleg" }, { 0x103, "sideleg" },
    };
    static const struct { uint16_t num; const char *name; } before_1_10[] = {
        { 0x043, "ubadaddr" }, { 0x143, "sbadaddr" }, { 0x180, "sptbr" }, { 0x320, "mucounteren" },
        { 0x321, "mscounteren" }, { 0x322, "mhcounteren" }, { 0x343, "mbadaddr" }, { 0x380, "mbase" },
        { 0x381, "mbound" }, { 0x382, "mibase" }, { 0x383, "mibound" }, { 0x384, "mdbase" }, { 0x385, "mdbound" },
    };
    if (priv < PRIV_1_10)
        for (size_t i = 0; i < sizeof(before_1_10) / sizeof(before_1_10[0]); i++)
            if (before_1_10[i].num == csr) return before_1_10[i].name;
    if (priv < PRIV_1_12)
        for (size_t i = 0; i < sizeof(before_1_12) / sizeof(before_1_12[0]); i++)
            if (before_1_12[i].num == csr) return before_1_12[i].name;
    if (priv < PRIV_1_12) {
        for (size_t i = 0; i < sizeof(since_1_12) / sizeof(since_1_12[0]); i++)
            if (since_1_12[i] == csr) return NULL;
        if ((csr >= 0x3a4 && csr <= 0x3af) || (csr >= 0x3c0 && csr <= 0x3ef)) return NULL;  /* pmp 16..63 */
    }
    if (priv < PRIV_1_11 && csr == 0x320) return NULL;                                     /* mcountinhibit */
    if (priv < PRIV_1_10 && (csr == 0x106 || csr == 0x306 || (csr >= 0x3a0 && csr <= 0x3bf))) return NULL;

    const char *n = csr_name(csr, buf, len);
    if (n) return n;
    for (size_t i = 0; i < sizeof(csr_extra_names) / sizeof(csr_extra_names[0]); i++)
        if (csr_extra_names[i].num == csr) return csr_extra_names[i].name;
    /* The RV32 high halves of the counters and event selectors: numbered families. */
    if (csr >= 0x723 && csr <= 0x73f) snprintf(buf, len, "mhpmevent%uh", csr - 0x720);
    else if (csr >= 0xb83 && csr <= 0xb9f) snprintf(buf, len, "mhpmcounter%uh", csr - 0xb80);
    else if (csr >= 0xc83 && csr <= 0xc9f) snprintf(buf, len, "hpmcounter%uh", csr - 0xc80);
    else return NULL;
    return buf;
}

static void print_csr(struct sbuf *o, unsigned csr, int priv)
{
    char buf[32];
    const char *n = csr_print_name(csr, priv, buf, sizeof(buf));
    if (n) dis_printf(o, "%s", n);
    else dis_printf(o, "0x%x", csr);
}

/* ---------------------------------------------------------------------------------------------
 * Extension sets named by an ISA string ("rv64imac_zicsr", "rv64gc"), as in ELF attributes and
 * `$x<isa>` mapping symbols. Privileged instructions are always available, as in binutils.
 */
uint64_t dis_isa_string_ext(const char *s)
{
    static const struct { const char *name; uint64_t ext; } zexts[] = {
        { "zicsr", EXT_ZICSR }, { "zifencei", EXT_ZIFENCEI }, { "zba", EXT_ZBA }, { "zbb", EXT_ZBB },
        { "zbs", EXT_ZBS }, { "zicond", EXT_ZICOND }, { "zicbom", EXT_ZICBOM }, { "zicboz", EXT_ZICBOZ },
        { "zihintpause", EXT_ZIHINTPAUSE }, { "zbc", EXT_ZBC }, { "zbkb", EXT_ZBKB }, { "zbkc", EXT_ZBKC },
        { "zbkx", EXT_ZBKX }, { "zfh", EXT_ZFH }, { "zfhmin", EXT_ZFHMIN }, { "zawrs", EXT_ZAWRS },
        { "svinval", EXT_SVINVAL },
        /* not in binutils 2.40 (as Zicond): only an ISA string naming them enables them */
        { "zfa", EXT_ZFA }, { "zcb", EXT_ZCB }, { "zimop", EXT_ZIMOP }, { "zcmop", EXT_ZCMOP },
        { "zihintntl", EXT_ZIHINTNTL },
    };
    uint64_t ext = EXT_S | EXT_H;
    if (strncmp(s, "rv32", 4) != 0 && strncmp(s, "rv64", 4) != 0) return ext;
    s += 4;
    while (*s) {
        const char *start = s;
        while (*s && *s != '_') s++;
        size_t n = (size_t)(s - start);
        if (*s == '_') s++;
        if (n == 0) continue;
        if (*start == 'z' || *start == 's' || *start == 'x' || *start == 'h') {
            /* A multi-letter extension with an optional version: "zicsr2p0". */
            while (n > 0 && ((start[n - 1] >= '0' && start[n - 1] <= '9') || start[n - 1] == 'p')) n--;
            for (size_t i = 0; i < sizeof(zexts) / sizeof(zexts[0]); i++)
                if (strlen(zexts[i].name) == n && strncmp(start, zexts[i].name, n) == 0) ext |= zexts[i].ext;
            continue;
        }
        /* Single-letter extensions, each optionally followed by a version "2p1". */
        const char *end = start + n;
        for (const char *q = start; q < end;) {
            char c = *q++;
            bool old_i = c == 'i' && end - q >= 3 && strncmp(q, "2p0", 3) == 0;   /* I 2.0 had Zicsr, Zifencei */
            while (q < end && ((*q >= '0' && *q <= '9') || (*q == 'p' && q + 1 < end && q[1] >= '0' && q[1] <= '9')))
                q++;
            switch (c) {
            case 'i': case 'e': ext |= EXT_I; if (old_i) ext |= EXT_ZICSR | EXT_ZIFENCEI; break;
            case 'g': ext |= EXT_I | EXT_M | EXT_A | EXT_F | EXT_D | EXT_ZICSR | EXT_ZIFENCEI; break;
            case 'm': ext |= EXT_M; break;
            case 'a': ext |= EXT_A; break;
            case 'f': ext |= EXT_F | EXT_ZICSR; break;
            case 'd': case 'q': ext |= EXT_D | EXT_F | EXT_ZICSR; break;
            case 'c': ext |= EXT_C; break;
            default: break;
            }
        }
    }
    return isa_derive(ext);
}

/* ---------------------------------------------------------------------------------------------
 * Address comments. objdump remembers the value an auipc/lui leaves in a register and, when a later
 * addi/load/store/jalr uses that register as its base, prints the address it forms ("# 80000014 <sym>").
 * gp-relative (with __global_pointer$ known), tp- and x0-relative accesses are shown the same way.
 */

static void track_base(struct addr_track *t, unsigned base, int32_t off, bool wide)
{
    if (t->hi_valid & (1u << base)) {
        t->print_addr = (base != 0 ? t->hi[base] : 0) + (uint64_t)(int64_t)off;
        t->hi_valid &= ~(1u << base);
    } else if (base == 3 && t->has_gp) {
        t->print_addr = t->gp + (uint64_t)(int64_t)off;
    } else if (base == 4 || base == 0) {
        t->print_addr = (uint64_t)(int64_t)off;
    } else {
        return;
    }
    t->to_print = true;
    if (wide) t->print_addr = (uint64_t)(int64_t)(int32_t)t->print_addr;
}



/* ---------------------------------------------------------------------------------------------
 * Choosing what to print: the table entry's mnemonic and an operand template derived from its format,
 * unless one of binutils' aliases applies. Template letters:
 *   d s t   x[rd] x[rs1] x[rs2]            D S T R  f[rd] f[rs1] f[rs2] f[rs3]
 *   j       immediate, decimal              u        upper immediate (imm >> 12), hex
 *   >       shift amount, hex               a        branch/jump target pc + imm
 *   o q     "imm(x[rs1])" of a load / store  E Z      CSR, and the rs1 field as a number
 *   P Q     fence predecessor / successor   M        ",rm" unless the rounding mode is dynamic
 *   other characters are printed as they are.
 */
struct form {
    const char *name;
    const char *args;
};

/* Operand fields of a decoded instruction with x0 given back its number. */
struct fields {
    unsigned op, exec, rd, rs1, rs2, rs3, rm;
    int32_t imm;
    bool compressed;
    uint32_t raw;
};

static unsigned major_opcode(unsigned op) { return insn_infos[op].match & 0x7f; }

/* Does the entry's mask fix bits 14:12, so that there is no rounding-mode field? */
static bool rm_fixed(unsigned op) { return (insn_infos[op].mask & 0x7000) == 0x7000; }

/* The operand template of a table entry, from its format. */
static const char *format_args(unsigned e)
{
    const struct insn_info *in = &insn_infos[e];
    switch (in->format) {
    case FMT_R: return "d,s,t";
    case FMT_I:
        if (major_opcode(e) == 0x03 || major_opcode(e) == 0x67) return "d,o";   /* LOAD, JALR */
        return "d,s,j";
    case FMT_SH6: case FMT_SH5: return "d,s,>";
    case FMT_S: return major_opcode(e) == 0x27 ? "T,q" : "t,q";               /* STORE-FP */
    case FMT_B: return "s,t,a";
    case FMT_U: return "d,u";
    case FMT_J: return "d,a";
    case FMT_CSR: return "d,E,s";
    case FMT_CSRI: return "d,E,Z";
    case FMT_FENCE: return "P,Q";
    case FMT_AMO: return (in->mask & 0x01f00000) ? "d,(s)" : "d,t,(s)";       /* lr has no rs2 */
    case FMT_SFENCE: return strncmp(in->name, "hsv.", 4) == 0 ? "t,(s)" : "s,t";
    case FMT_R1: return strncmp(in->name, "hlv", 3) == 0 ? "d,(s)" : "d,s";
    case FMT_CBO: return "(s)";
    case FMT_FLOAD: return "D,o";
    case FMT_R4: return "D,S,T,RM";
    case FMT_FR: return rm_fixed(e) ? "D,S,T" : "D,S,TM";
    case FMT_FR1: return "D,SM";
    case FMT_FR_X: return "d,S,T";
    case FMT_F2X: return rm_fixed(e) ? "d,S" : "d,SM";
    case FMT_X2F: return rm_fixed(e) ? "D,s" : "D,sM";
    default: return "";
    }
}

/* binutils 2.40 prints these immediate forms with the register form's mnemonic ("add a0,a0,1" for addi). */
static const uint16_t register_form_of[][2] = {
    { INSN_ID_addi, INSN_ID_add }, { INSN_ID_andi, INSN_ID_and }, { INSN_ID_ori, INSN_ID_or },
    { INSN_ID_xori, INSN_ID_xor }, { INSN_ID_slli, INSN_ID_sll }, { INSN_ID_srli, INSN_ID_srl },
    { INSN_ID_srai, INSN_ID_sra }, { INSN_ID_addiw, INSN_ID_addw }, { INSN_ID_slliw, INSN_ID_sllw },
    { INSN_ID_srliw, INSN_ID_srlw }, { INSN_ID_sraiw, INSN_ID_sraw }, { INSN_ID_csrrwi, INSN_ID_csrrw },
    { INSN_ID_csrrsi, INSN_ID_csrrs }, { INSN_ID_csrrci, INSN_ID_csrrc }, { INSN_ID_rori, INSN_ID_ror },
    { INSN_ID_roriw, INSN_ID_rorw }, { INSN_ID_bclri, INSN_ID_bclr }, { INSN_ID_bexti, INSN_ID_bext },
    { INSN_ID_binvi, INSN_ID_binv }, { INSN_ID_bseti, INSN_ID_bset },
};

static const char *register_form_name(unsigned e)
{
    for (size_t i = 0; i < sizeof(register_form_of) / sizeof(register_form_of[0]); i++)
        if (register_form_of[i][0] == e) return insn_infos[register_form_of[i][1]].name;
    return insn_infos[e].name;
}

/* "fsgnj.d" -> "fmv.d": the alias stem plus the entry's precision suffix. */
static const char *fp_alias(const char *stem, unsigned e, char *buf, size_t len)
{
    const char *dot = strrchr(insn_infos[e].name, '.');
    snprintf(buf, len, "%s%s", stem, dot ? dot : "");
    return buf;
}

/* Fill `f` with what objdump prints for the decoded instruction; false when objdump does not accept
 * the encoding (it then prints the raw bits). */
static bool select_form(const struct fields *x, uint64_t ext, struct form *f, char *namebuf, size_t namelen)
{
    const unsigned e = x->exec, rd = x->rd, rs1 = x->rs1, rs2 = x->rs2;
    const int32_t imm = x->imm;
    const bool c = x->compressed;
    f->name = register_form_name(e);
    f->args = format_args(e);

    if (c) {
        /* RVC HINT encodings (rd = x0, zero shift) keep their compressed names. */
        switch (x->op) {
        case INSN_ID_c_addi:
            if (rd == 0) { *f = imm == 0 ? (struct form){ "nop", "" } : (struct form){ "c.nop", "j" }; return true; }
            break;
        case INSN_ID_c_li: case INSN_ID_c_lui: case INSN_ID_c_mv: case INSN_ID_c_add:
            if (rd == 0) {
                f->name = insn_infos[x->op].name;
                f->args = x->op == INSN_ID_c_lui ? "d,u" : x->op == INSN_ID_c_li ? "d,j" : "d,t";
                return true;
            }
            break;
        case INSN_ID_c_slli:
            if (imm == 0) { *f = (struct form){ "c.slli64", "d" }; return true; }
            if (rd == 0) { *f = (struct form){ insn_infos[x->op].name, "d,>" }; return true; }
            break;
        case INSN_ID_c_srli:
            if (imm == 0) { *f = (struct form){ "c.srli64", "d" }; return true; }
            break;
        case INSN_ID_c_srai:
            if (imm == 0) { *f = (struct form){ "c.srai64", "d" }; return true; }
            break;
        case INSN_ID_c_mop:   /* Zcmop: c.mop.n, n = the rd field */
            snprintf(namebuf, namelen, "c.mop.%u", (unsigned)(x->raw >> 7) & 31);
            *f = (struct form){ namebuf, "" };
            return true;
        default:
            break;
        }
    }

    switch (e) {
    case INSN_ID_jal:
        if (rd == 0) *f = (struct form){ "j", "a" };
        else if (rd == 1) f->args = "a";
        break;
    case INSN_ID_jalr:
        if (c) {
            /* c.jr / c.jalr */
            if (rd == 0) *f = rs1 == 1 ? (struct form){ "ret", "" } : (struct form){ "jr", "s" };
            else f->args = "s";
        } else if (rd == 0) {
            *f = rs1 == 1 && imm == 0 ? (struct form){ "ret", "" } : (struct form){ "jr", imm == 0 ? "s" : "o" };
        } else if (rd == 1) {
            f->args = imm == 0 ? "s" : "o";
        } else if (imm == 0) {
            f->args = "d,s";
        }
        break;
    case INSN_ID_beq: case INSN_ID_bne:
        if (rs2 == 0) *f = (struct form){ e == INSN_ID_beq ? "beqz" : "bnez", "s,a" };
        break;
    case INSN_ID_blt:
        if (rs2 == 0) *f = (struct form){ "bltz", "s,a" };
        else if (rs1 == 0) *f = (struct form){ "bgtz", "t,a" };
        break;
    case INSN_ID_bge:
        if (rs1 == 0) *f = (struct form){ "blez", "t,a" };
        else if (rs2 == 0) *f = (struct form){ "bgez", "s,a" };
        break;
    case INSN_ID_addi:
        /* c.addi, c.addi4spn and c.addi16sp print as add; c.li as li */
        if (rd == 0 && rs1 == 0 && imm == 0 && !c) *f = (struct form){ "nop", "" };
        else if (rs1 == 0) *f = (struct form){ "li", "d,j" };
        else if (imm == 0 && !c) *f = (struct form){ "mv", "d,s" };
        break;
    case INSN_ID_andi:
        if (imm == 255) *f = (struct form){ "zext.b", "d,s" };
        break;
    case INSN_ID_xori:
        if (imm == -1) *f = (struct form){ "not", "d,s" };
        break;
    case INSN_ID_sltiu:
        if (imm == 1) *f = (struct form){ "seqz", "d,s" };
        break;
    case INSN_ID_addiw:
        if (imm == 0) *f = (struct form){ "sext.w", "d,s" };
        break;
    case INSN_ID_add:
        if (x->op == INSN_ID_c_mv) *f = (struct form){ "mv", "d,t" };
        break;
    case INSN_ID_sub: case INSN_ID_subw:
        if (rs1 == 0) *f = (struct form){ e == INSN_ID_sub ? "neg" : "negw", "d,t" };
        break;
    case INSN_ID_slt:
        if (rs2 == 0) *f = (struct form){ "sltz", "d,s" };
        else if (rs1 == 0) *f = (struct form){ "sgtz", "d,t" };
        break;
    case INSN_ID_sltu:
        if (rs1 == 0) *f = (struct form){ "snez", "d,t" };
        break;
    case INSN_ID_fence: {
        /* objdump wants rd = rs1 = 0 and fm = 0 (or exactly fence.tso). */
        unsigned fm = x->raw >> 28, pred = (x->raw >> 24) & 15, succ = (x->raw >> 20) & 15;
        if ((x->raw & 0x000f8f80) != 0) return false;
        if (fm == 8 && pred == 3 && succ == 3) { *f = (struct form){ "fence.tso", "" }; break; }
        if (fm != 0) return false;
        if (pred == 15 && succ == 15) f->args = "";
        else if (pred == 1 && succ == 0 && (ext & EXT_ZIHINTPAUSE)) *f = (struct form){ "pause", "" };
        break;
    }
    case INSN_ID_fence_i:
        if ((x->raw & 0xffff8f80) != 0) return false;
        break;
    case INSN_ID_csrrw:
        if (imm == CSR_CYCLE && rd == 0 && rs1 == 0) { *f = (struct form){ "unimp", "" }; break; }
        if ((ext & EXT_F) && imm >= CSR_FFLAGS && imm <= CSR_FCSR) {
            static const char *const n[] = { "fsflags", "fsrm", "fscsr" };
            *f = (struct form){ n[imm - CSR_FFLAGS], rd == 0 ? "s" : "d,s" };
        } else if (rd == 0) {
            *f = (struct form){ "csrw", "E,s" };
        }
        break;
    case INSN_ID_csrrs:
        if (rs1 == 0 && imm >= CSR_CYCLE && imm <= CSR_INSTRET) {
            static const char *const n[] = { "rdcycle", "rdtime", "rdinstret" };
            *f = (struct form){ n[imm - CSR_CYCLE], "d" };
        } else if (rs1 == 0 && (ext & EXT_F) && imm >= CSR_FFLAGS && imm <= CSR_FCSR) {
            static const char *const n[] = { "frflags", "frrm", "frcsr" };
            *f = (struct form){ n[imm - CSR_FFLAGS], "d" };
        } else if (rs1 == 0) {
            *f = (struct form){ "csrr", "d,E" };
        } else if (rd == 0) {
            *f = (struct form){ "csrs", "E,s" };
        }
        break;
    case INSN_ID_csrrc:
        if (rd == 0) *f = (struct form){ "csrc", "E,s" };
        break;
    case INSN_ID_csrrwi:
        if ((ext & EXT_F) && (imm == CSR_FFLAGS || imm == CSR_FRM))
            *f = (struct form){ imm == CSR_FFLAGS ? "fsflagsi" : "fsrmi", "d,Z" };
        else if (rd == 0) *f = (struct form){ "csrw", "E,Z" };
        break;
    case INSN_ID_csrrsi: case INSN_ID_csrrci:
        if (rd == 0) *f = (struct form){ e == INSN_ID_csrrsi ? "csrs" : "csrc", "E,Z" };
        break;
    case INSN_ID_sfence_vma: case INSN_ID_hfence_vvma: case INSN_ID_hfence_gvma:
        f->args = rs2 != 0 ? "s,t" : rs1 != 0 ? "s" : "";
        break;
    case INSN_ID_add_uw:
        if (rs2 == 0) *f = (struct form){ "zext.w", "d,s" };
        break;
    case INSN_ID_fsgnj_s: case INSN_ID_fsgnjn_s: case INSN_ID_fsgnjx_s:
    case INSN_ID_fsgnj_d: case INSN_ID_fsgnjn_d: case INSN_ID_fsgnjx_d:
    case INSN_ID_fsgnj_h: case INSN_ID_fsgnjn_h: case INSN_ID_fsgnjx_h:
        if (rs1 == rs2) {
            const char *stem = e == INSN_ID_fsgnj_s || e == INSN_ID_fsgnj_d || e == INSN_ID_fsgnj_h ? "fmv"
                               : e == INSN_ID_fsgnjn_s || e == INSN_ID_fsgnjn_d || e == INSN_ID_fsgnjn_h ? "fneg" : "fabs";
            *f = (struct form){ fp_alias(stem, e, namebuf, namelen), "D,S" };
        }
        break;
    case INSN_ID_mop_r:   /* Zimop: n is spread over bits 30, 27:26 and (mop.r) 21:20 */
        if (x->op == INSN_ID_mop_r) {
            snprintf(namebuf, namelen, "mop.r.%u", (unsigned)(((x->raw >> 30 & 1) << 4) | ((x->raw >> 26 & 3) << 2) | (x->raw >> 20 & 3)));
            *f = (struct form){ namebuf, "d,s" };
        } else {
            snprintf(namebuf, namelen, "mop.rr.%u", (unsigned)(((x->raw >> 30 & 1) << 2) | (x->raw >> 26 & 3)));
            *f = (struct form){ namebuf, "d,s,t" };
        }
        break;
    case INSN_ID_fli_s: case INSN_ID_fli_d: case INSN_ID_fli_h:
        f->args = "D,L";   /* the rs1 field indexes the constant table (Zfa) */
        break;
    case INSN_ID_fcvtmod_w_d:
        f->args = "d,SM";   /* rm is always rtz */
        break;
    case INSN_ID_fcvt_s_h: case INSN_ID_fcvt_d_h:
    case INSN_ID_fcvt_d_s: case INSN_ID_fcvt_d_w: case INSN_ID_fcvt_d_wu:
        /* Exact conversions: binutils accepts them only with rm = 0 and prints no rounding mode. */
        if (x->rm != 0) return false;
        f->args = e == INSN_ID_fcvt_d_s || e == INSN_ID_fcvt_s_h || e == INSN_ID_fcvt_d_h ? "D,S" : "D,s";
        break;
    default:
        break;
    }
    if (major_opcode(e) == 0x2f) {  /* AMO: aq/rl suffixes */
        static const char *const sfx[4] = { "", ".rl", ".aq", ".aqrl" };
        unsigned aqrl = (x->raw >> 25) & 3;
        if (aqrl) {
            snprintf(namebuf, namelen, "%s%s", f->name, sfx[aqrl]);
            f->name = namebuf;
        }
    }
    return true;
}

/* Print operands per the template, with objdump's address tracking side effects. */
static void print_args(const struct printer *p, const struct fields *x, uint64_t pc, const char *args,
                       struct sbuf *o)
{
    struct addr_track *t = p->track;
    const unsigned e = x->exec;
    const bool c = x->compressed;
    if (*args) dis_printf(o, "\t");
    for (; *args; args++) {
        switch (*args) {
        case 'd':
            if (e == INSN_ID_auipc && !c) t->hi[x->rd] = pc + (uint64_t)(int64_t)x->imm, t->hi_valid |= 1u << x->rd;
            if (e == INSN_ID_lui) t->hi[x->rd] = (uint64_t)(int64_t)x->imm, t->hi_valid |= 1u << x->rd;
            dis_printf(o, "%s", xreg_names[x->rd]);
            break;
        case 's':
            if (e == INSN_ID_jalr && !c) track_base(t, x->rs1, x->imm, false);
            dis_printf(o, "%s", xreg_names[x->rs1]);
            break;
        case 't': dis_printf(o, "%s", xreg_names[x->rs2]); break;
        case 'D': dis_printf(o, "%s", freg_names[x->rd]); break;
        case 'S': dis_printf(o, "%s", freg_names[x->rs1]); break;
        case 'T': dis_printf(o, "%s", freg_names[x->rs2]); break;
        case 'R': dis_printf(o, "%s", freg_names[x->rs3]); break;
        case 'j':
            if (!c) {
                if ((e == INSN_ID_addi && x->rs1 != 0) || e == INSN_ID_jalr) track_base(t, x->rs1, x->imm, false);
                if (e == INSN_ID_addiw && x->rs1 != 0) track_base(t, x->rs1, x->imm, true);
            } else {
                if (x->op == INSN_ID_c_addi && x->rd != 0) track_base(t, x->rd, x->imm, false);
                if (x->op == INSN_ID_c_addiw && x->rd != 0) track_base(t, x->rd, x->imm, true);
            }
            dis_printf(o, "%d", (int)x->imm);
            break;
        case 'o':
            if (!c) {
                track_base(t, x->rs1, x->imm, false);
                if (e == INSN_ID_jalr) track_base(t, x->rs1, x->imm, false);
            }
            dis_printf(o, "%d(", (int)x->imm);
            if (e == INSN_ID_jalr && !c) track_base(t, x->rs1, x->imm, false);
            dis_printf(o, "%s)", xreg_names[x->rs1]);
            break;
        case 'q':
            if (!c) track_base(t, x->rs1, x->imm, false);
            dis_printf(o, "%d(%s)", (int)x->imm, xreg_names[x->rs1]);
            break;
        case 'u': dis_printf(o, "0x%x", ((uint32_t)x->imm >> 12) & 0xfffff); break;
        case '>': dis_printf(o, "0x%x", (unsigned)x->imm); break;
        case 'a': p->print_addr(p->ctx, pc + (uint64_t)(int64_t)x->imm, o); break;
        case 'E': print_csr(o, (unsigned)x->imm & 0xfff, p->priv); break;
        case 'Z': dis_printf(o, "%u", x->rs1); break;
        case 'L': dis_printf(o, "%s", fli_constant_names[x->rs1 & 31]); break;
        case 'P': case 'Q': {
            const char *n = fence_sets[(x->raw >> (*args == 'P' ? 24 : 20)) & 15];
            dis_printf(o, "%s", n ? n : "unknown");
            break;
        }
        case 'M':
            if (x->rm != 7) dis_printf(o, ",%s", rm_names[x->rm & 7] ? rm_names[x->rm & 7] : "unknown");
            break;
        default: dis_printf(o, "%c", *args); break;
        }
    }
}

/* objdump's instruction length from the low 16 bits (RISC-V unprivileged spec 1.5). */
unsigned dis_objdump_insn_length(uint32_t low16)
{
    if ((low16 & 3) != 3) return 2;
    if ((low16 & 0x1f) != 0x1f) return 4;
    if ((low16 & 0x3f) == 0x1f) return 6;
    if ((low16 & 0x7f) == 0x3f) return 8;
    if ((low16 & 0x7f) == 0x7f && (low16 & 0x7000) != 0x7000) return 10 + ((low16 >> 12) & 7) * 2;
    return 2;
}

/* Disassemble the 16- or 32-bit instruction `raw` (len 2 or 4) into o; the length is the caller's. */
void dis_format_insn(const struct printer *p, uint64_t pc, uint32_t raw, unsigned len, struct sbuf *o)
{
    struct insn in;
    char namebuf[32];
    if (len == 2) raw &= 0xffff;
    if (decode_insn(raw, p->ext, &in) == 0 && in.len == len) {
        const struct insn_info *info = &insn_infos[in.op];
        struct fields x = {
            .op = in.op, .exec = info->exec, .rd = in.rd & 31, .rs1 = in.rs1 & 31,
            .rs2 = in.rs2 & 31, .rs3 = in.rs3 & 31, .rm = in.rm, .imm = in.imm, .compressed = len == 2, .raw = raw,
        };
        struct form f;
        if (select_form(&x, p->ext, &f, namebuf, sizeof(namebuf))) {
            dis_printf(o, "%s", f.name);
            print_args(p, &x, pc, f.args, o);
            if (p->track->to_print) {
                p->track->to_print = false;
                dis_printf(o, " # ");
                p->print_addr(p->ctx, p->track->print_addr, o);
            }
            return;
        }
    } else if (len == 2 && (p->ext & EXT_C)) {
        /* Encodings the decoder rejects as reserved but binutils still names. */
        if (raw == 0) { dis_printf(o, "unimp"); return; }
        if (raw == 0x6101) { dis_printf(o, "add\tsp,sp,0"); return; }   /* c.addi16sp with nzimm = 0 */
    }
    dis_printf(o, ".%ubyte\t0x%x", len, (unsigned)raw);
}

/* ---------------------------------------------------------------------------------------------
 * Single instructions.
 */
struct sym_adapter {
    disasm_symbolizer fn;
    void *ctx;
};

static void print_addr_symbolized(void *ctx, uint64_t addr, struct sbuf *o)
{
    const struct sym_adapter *a = ctx;
    uint64_t off = 0;
    const char *name = a->fn ? a->fn(a->ctx, addr, &off) : NULL;
    if (!name) {
        dis_printf(o, "0x%llx", (unsigned long long)addr);
    } else {
        dis_printf(o, "%llx <%s", (unsigned long long)addr, name);
        if (off) dis_printf(o, "+0x%llx", (unsigned long long)off);
        dis_printf(o, ">");
    }
}

unsigned disasm_insn(uint64_t pc, uint32_t raw, uint64_t ext, char *buf, size_t len, disasm_symbolizer sym,
                     void *ctx)
{
    struct sbuf o = { buf, len, 0 };
    struct addr_track track = { .hi_valid = 0 };
    struct sym_adapter a = { sym, ctx };
    struct printer p = { ext, PRIV_1_12, &track, print_addr_symbolized, &a };
    unsigned n = insn_length(raw & 0xffff);
    if (len) buf[0] = '\0';
    dis_format_insn(&p, pc, raw, n, &o);
    return n;
}
