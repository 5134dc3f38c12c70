/* Disassembler derived from insn_table.def: binutils 2.40 `objdump -d` text (unpriv spec 20191213, priv 1.12). */
#include "disasm.h"

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
#include "../machine/elf.h"
#include "../util/endian.h"

/* ---------------------------------------------------------------------------------------------
 * Text output into a caller's buffer (truncating, always NUL-terminated).
 */
struct sbuf {
    char *p;
    size_t cap, len;
};


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

static void sb_printf(struct sbuf *b, const char *fmt, ...)
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

static int priv_from_numbers(uint64_t major, uint64_t minor, uint64_t rev)
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
    if (n) sb_printf(o, "%s", n);
    else sb_printf(o, "0x%x", csr);
}

/* ---------------------------------------------------------------------------------------------
 * Extension sets named by an ISA string ("rv64imac_zicsr", "rv64gc"), as in ELF attributes and
 * `$x<isa>` mapping symbols. Privileged instructions are always available, as in binutils.
 */
static uint64_t isa_string_ext(const char *s)
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
struct addr_track {
    uint64_t hi[32];
    uint32_t hi_valid;       /* bit r: hi[r] holds a value */
    bool has_gp;
    uint64_t gp;
    bool to_print;
    uint64_t print_addr;
};

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

/* How the disassembler prints an address operand or comment. */
typedef void (*addr_printer)(void *ctx, uint64_t addr, struct sbuf *o);

struct printer {
    uint64_t ext;
    int priv;                  /* privileged spec version for CSR names */
    struct addr_track *track;
    addr_printer print_addr;
    void *ctx;
};

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
    if (*args) sb_printf(o, "\t");
    for (; *args; args++) {
        switch (*args) {
        case 'd':
            if (e == INSN_ID_auipc && !c) t->hi[x->rd] = pc + (uint64_t)(int64_t)x->imm, t->hi_valid |= 1u << x->rd;
            if (e == INSN_ID_lui) t->hi[x->rd] = (uint64_t)(int64_t)x->imm, t->hi_valid |= 1u << x->rd;
            sb_printf(o, "%s", xreg_names[x->rd]);
            break;
        case 's':
            if (e == INSN_ID_jalr && !c) track_base(t, x->rs1, x->imm, false);
            sb_printf(o, "%s", xreg_names[x->rs1]);
            break;
        case 't': sb_printf(o, "%s", xreg_names[x->rs2]); break;
        case 'D': sb_printf(o, "%s", freg_names[x->rd]); break;
        case 'S': sb_printf(o, "%s", freg_names[x->rs1]); break;
        case 'T': sb_printf(o, "%s", freg_names[x->rs2]); break;
        case 'R': sb_printf(o, "%s", freg_names[x->rs3]); break;
        case 'j':
            if (!c) {
                if ((e == INSN_ID_addi && x->rs1 != 0) || e == INSN_ID_jalr) track_base(t, x->rs1, x->imm, false);
                if (e == INSN_ID_addiw && x->rs1 != 0) track_base(t, x->rs1, x->imm, true);
            } else {
                if (x->op == INSN_ID_c_addi && x->rd != 0) track_base(t, x->rd, x->imm, false);
                if (x->op == INSN_ID_c_addiw && x->rd != 0) track_base(t, x->rd, x->imm, true);
            }
            sb_printf(o, "%d", (int)x->imm);
            break;
        case 'o':
            if (!c) {
                track_base(t, x->rs1, x->imm, false);
                if (e == INSN_ID_jalr) track_base(t, x->rs1, x->imm, false);
            }
            sb_printf(o, "%d(", (int)x->imm);
            if (e == INSN_ID_jalr && !c) track_base(t, x->rs1, x->imm, false);
            sb_printf(o, "%s)", xreg_names[x->rs1]);
            break;
        case 'q':
            if (!c) track_base(t, x->rs1, x->imm, false);
            sb_printf(o, "%d(%s)", (int)x->imm, xreg_names[x->rs1]);
            break;
        case 'u': sb_printf(o, "0x%x", ((uint32_t)x->imm >> 12) & 0xfffff); break;
        case '>': sb_printf(o, "0x%x", (unsigned)x->imm); break;
        case 'a': p->print_addr(p->ctx, pc + (uint64_t)(int64_t)x->imm, o); break;
        case 'E': print_csr(o, (unsigned)x->imm & 0xfff, p->priv); break;
        case 'Z': sb_printf(o, "%u", x->rs1); break;
        case 'L': sb_printf(o, "%s", fli_constant_names[x->rs1 & 31]); break;
        case 'P': case 'Q': {
            const char *n = fence_sets[(x->raw >> (*args == 'P' ? 24 : 20)) & 15];
            sb_printf(o, "%s", n ? n : "unknown");
            break;
        }
        case 'M':
            if (x->rm != 7) sb_printf(o, ",%s", rm_names[x->rm & 7] ? rm_names[x->rm & 7] : "unknown");
            break;
        default: sb_printf(o, "%c", *args); break;
        }
    }
}

/* objdump's instruction length from the low 16 bits (RISC-V unprivileged spec 1.5). */
static unsigned objdump_insn_length(uint32_t low16)
{
    if ((low16 & 3) != 3) return 2;
    if ((low16 & 0x1f) != 0x1f) return 4;
    if ((low16 & 0x3f) == 0x1f) return 6;
    if ((low16 & 0x7f) == 0x3f) return 8;
    if ((low16 & 0x7f) == 0x7f && (low16 & 0x7000) != 0x7000) return 10 + ((low16 >> 12) & 7) * 2;
    return 2;
}

/* Disassemble the 16- or 32-bit instruction `raw` (len 2 or 4) into o; the length is the caller's. */
static void format_insn(const struct printer *p, uint64_t pc, uint32_t raw, unsigned len, struct sbuf *o)
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
            sb_printf(o, "%s", f.name);
            print_args(p, &x, pc, f.args, o);
            if (p->track->to_print) {
                p->track->to_print = false;
                sb_printf(o, " # ");
                p->print_addr(p->ctx, p->track->print_addr, o);
            }
            return;
        }
    } else if (len == 2 && (p->ext & EXT_C)) {
        /* Encodings the decoder rejects as reserved but binutils still names. */
        if (raw == 0) { sb_printf(o, "unimp"); return; }
        if (raw == 0x6101) { sb_printf(o, "add\tsp,sp,0"); return; }   /* c.addi16sp with nzimm = 0 */
    }
    sb_printf(o, ".%ubyte\t0x%x", len, (unsigned)raw);
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
        sb_printf(o, "0x%llx", (unsigned long long)addr);
    } else {
        sb_printf(o, "%llx <%s", (unsigned long long)addr, name);
        if (off) sb_printf(o, "+0x%llx", (unsigned long long)off);
        sb_printf(o, ">");
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
    format_insn(&p, pc, raw, n, &o);
    return n;
}

/* ---------------------------------------------------------------------------------------------
 * ELF sections and symbols, read the way BFD presents them to objdump.
 */
#define SHT_SYMTAB 2
#define SHT_RELA 4
#define SHT_REL 9
#define SHT_NOBITS 8
#define SHT_DYNSYM 11
#define SHT_RISCV_ATTRIBUTES 0x70000003
#define SHN_UNDEF 0
#define SHN_LORESERVE 0xff00
#define SHN_ABS 0xfff1
#define SHN_COMMON 0xfff2
#define STT_OBJECT 1
#define STT_FUNC 2
#define STT_SECTION 3
#define STT_FILE 4
#define STT_COMMON 5
#define STB_LOCAL 0
#define STB_GLOBAL 1

struct dsec {
    const char *name;
    uint64_t addr, size, off;
    uint32_t type;
};

struct dsym {
    const char *name;
    uint64_t value, size;
    unsigned sec;          /* section index, or 0 for absolute symbols */
    bool func, object, local, global, undef, useful;
};

/* A dynamic relocation: the address it patches and the dynamic symbol it names (index, 0 = none). */
struct dreloc {
    uint64_t addr;
    size_t sym;
    size_t order;
};

struct delf {
    const struct elf_image *img;
    struct dsec *secs;
    unsigned nsecs;
    struct dsym *syms;     /* the symbols objdump keeps, sorted as objdump sorts them */
    size_t nsyms;
    struct dsym *dynsyms;  /* the dynamic symbol table as it is (index - 1) */
    size_t ndynsyms;
    struct dreloc *relocs; /* dynamic relocations by address */
    size_t nrelocs;
    uint64_t base_ext;     /* extensions of the ELF's arch attribute, or rv64gc */
    int priv;              /* privileged spec of the ELF's attributes, or the newest */
};

static const char *sec_name(const struct delf *d, unsigned i)
{
    return i && i < d->nsecs ? d->secs[i].name : "*ABS*";
}

static bool in_file(const struct elf_image *img, uint64_t off, uint64_t len)
{
    return off <= img->size && len <= img->size - off;
}

static const char *file_str(const struct elf_image *img, uint64_t stroff, uint64_t strsize, uint64_t idx)
{
    if (idx >= strsize || !in_file(img, stroff, strsize)) return NULL;
    const char *s = (const char *)img->data + stroff + idx;
    return memchr(s, 0, strsize - idx) ? s : NULL;
}

static bool is_mapping_symbol(const char *n)
{
    return strcmp(n, "$d") == 0 || strcmp(n, "$x") == 0 || strncmp(n, "$xrv", 4) == 0;
}

/* Symbols objdump may print (riscv_symbol_is_valid): no mapping symbols, no assembler fake labels. */
static bool sym_valid(const struct dsym *s) { return strcmp(s->name, ".L0 ") != 0 && !is_mapping_symbol(s->name); }

static bool file_like(const char *n)
{
    size_t l = strlen(n);
    return l > 2 && n[l - 2] == '.' && (n[l - 1] == 'o' || n[l - 1] == 'a');
}

/* objdump's compare_symbols: by value; then real symbols before file names; functions, objects,
 * globals before locals; larger before smaller; names not starting with '.' first; then by name. */
static int cmp_syms(const void *pa, const void *pb)
{
    const struct dsym *a = pa, *b = pb;
    if (a->value != b->value) return a->value > b->value ? 1 : -1;
    bool af = strstr(a->name, "gnu_compiled") || strstr(a->name, "gcc2_compiled");
    bool bf = strstr(b->name, "gnu_compiled") || strstr(b->name, "gcc2_compiled");
    if (af != bf) return af ? 1 : -1;
    af = file_like(a->name), bf = file_like(b->name);
    if (af != bf) return af ? 1 : -1;
    if (a->func != b->func) return a->func ? -1 : 1;
    if (a->object != b->object) return a->object ? -1 : 1;
    if (a->local != b->local) return a->local ? 1 : -1;
    if (a->global != b->global) return a->global ? -1 : 1;
    if (a->size != b->size) return a->size > b->size ? -1 : 1;
    if ((a->name[0] == '.') != (b->name[0] == '.')) return a->name[0] == '.' ? 1 : -1;
    return strcmp(a->name, b->name);
}

static uint64_t uleb(const uint8_t **p, const uint8_t *end)
{
    uint64_t v = 0;
    unsigned shift = 0;
    while (*p < end) {
        uint8_t b = *(*p)++;
        if (shift < 64) v |= (uint64_t)(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80)) break;
    }
    return v;
}

/* File attributes of the .riscv.attributes section (RISC-V ELF psABI, "Attributes"): Tag_RISCV_arch (5)
 * and the privileged spec version (8, 10, 12). */
struct attributes {
    const char *arch;
    uint64_t priv[3];
};

static void read_attributes(const struct delf *d, struct attributes *at)
{
    memset(at, 0, sizeof(*at));
    for (unsigned i = 0; i < d->nsecs; i++) {
        if (d->secs[i].type != SHT_RISCV_ATTRIBUTES) continue;
        const uint8_t *p = d->img->data + d->secs[i].off, *end = p + d->secs[i].size;
        if (p >= end || *p++ != 'A') return;
        while (end - p >= 4) {
            uint32_t sublen = le_load32(p);
            const uint8_t *subend = sublen >= 4 && sublen <= (uint64_t)(end - p) ? p + sublen : end;
            const uint8_t *q = p + 4;
            const uint8_t *vendor_end = memchr(q, 0, (size_t)(subend - q));
            p = subend;
            if (!vendor_end || strcmp((const char *)q, "riscv") != 0) continue;
            q = vendor_end + 1;
            while (q < subend) {
                const uint8_t *tstart = q;
                uint64_t tag = uleb(&q, subend);
                if (subend - q < 4) break;
                uint32_t len = le_load32(q);
                const uint8_t *tend = len > (uint64_t)(q - tstart) + 4 && len <= (uint64_t)(subend - tstart)
                                          ? tstart + len : subend;
                q += 4;
                if (tag != 1) { q = tend; continue; }          /* only Tag_File */
                while (q < tend) {
                    uint64_t t = uleb(&q, tend);
                    if (t & 1) {                                /* odd tags are strings */
                        const uint8_t *z = memchr(q, 0, (size_t)(tend - q));
                        if (!z) return;
                        if (t == 5) at->arch = (const char *)q;
                        q = z + 1;
                    } else {
                        uint64_t v = uleb(&q, tend);
                        if (t == 8 || t == 10 || t == 12) at->priv[(t - 8) / 2] = v;
                    }
                }
            }
        }
    }
}

/* All entries of a symbol table section but the first, as BFD reads them. */
static bool read_symtab(struct delf *d, unsigned symsec, struct dsym **out, size_t *count)
{
    const struct elf_image *img = d->img;
    const uint8_t *f = img->data;
    *out = NULL, *count = 0;
    if (!symsec) return true;
    uint64_t shoff = le_load64(f + 0x28);
    unsigned shentsize = le_load16(f + 0x3a);
    const uint8_t *sh = f + shoff + (uint64_t)symsec * shentsize;
    uint64_t off = le_load64(sh + 0x18), size = le_load64(sh + 0x20), entsize = le_load64(sh + 0x38);
    unsigned link = le_load32(sh + 0x28);
    if (entsize < 24 || link >= d->nsecs || !in_file(img, off, size)) return true;
    uint64_t soff = d->secs[link].off, ssize = d->secs[link].size;
    uint64_t n = size / entsize;
    struct dsym *syms = calloc(n ? n : 1, sizeof(*syms));
    if (!syms) return false;
    for (uint64_t k = 1; k < n; k++) {
        const uint8_t *e = f + off + k * entsize;
        struct dsym *y = &syms[k - 1];
        unsigned type = e[4] & 0xf, bind = e[4] >> 4, shndx = le_load16(e + 6);
        y->name = file_str(img, soff, ssize, le_load32(e));
        if (!y->name) y->name = "";
        y->sec = shndx < d->nsecs && shndx < SHN_LORESERVE ? shndx : 0;
        y->value = le_load64(e + 8), y->size = le_load64(e + 16);
        y->func = type == STT_FUNC;
        y->object = type == STT_OBJECT || type == STT_COMMON;
        y->local = bind == STB_LOCAL;
        y->undef = shndx == SHN_UNDEF;
        y->global = bind == STB_GLOBAL && !y->undef && shndx != SHN_COMMON;
        /* objdump's remove_useless_symbols */
        y->useful = y->name[0] && type != STT_SECTION && type != STT_FILE && !y->undef && shndx != SHN_COMMON;
    }
    *out = syms;
    *count = n ? n - 1 : 0;
    return true;
}

static int cmp_relocs(const void *pa, const void *pb)
{
    const struct dreloc *a = pa, *b = pb;
    if (a->addr != b->addr) return a->addr > b->addr ? 1 : -1;
    return a->order > b->order ? 1 : a->order < b->order ? -1 : 0;
}

static void free_elf(struct delf *d)
{
    free(d->secs);
    free(d->syms);
    free(d->dynsyms);
    free(d->relocs);
}

static bool load_elf(struct delf *d, const struct elf_image *img)
{
    memset(d, 0, sizeof(*d));
    d->img = img;
    const uint8_t *f = img->data;
    if (img->size < 64) return false;
    uint64_t shoff = le_load64(f + 0x28);
    unsigned shentsize = le_load16(f + 0x3a), shnum = le_load16(f + 0x3c), shstrndx = le_load16(f + 0x3e);
    if (shoff == 0 || shentsize < 64 || shnum == 0 || !in_file(img, shoff, (uint64_t)shnum * shentsize)) return true;
    d->secs = calloc(shnum, sizeof(*d->secs));
    if (!d->secs) return false;
    d->nsecs = shnum;
    uint64_t stroff = 0, strsize = 0;
    if (shstrndx < shnum) {
        const uint8_t *sh = f + shoff + (uint64_t)shstrndx * shentsize;
        stroff = le_load64(sh + 0x18), strsize = le_load64(sh + 0x20);
    }
    for (unsigned i = 0; i < shnum; i++) {
        const uint8_t *sh = f + shoff + (uint64_t)i * shentsize;
        struct dsec *s = &d->secs[i];
        s->name = file_str(img, stroff, strsize, le_load32(sh));
        if (!s->name) s->name = "";
        s->type = le_load32(sh + 4);
        s->addr = le_load64(sh + 0x10), s->off = le_load64(sh + 0x18), s->size = le_load64(sh + 0x20);
        if (s->type != SHT_NOBITS && !in_file(img, s->off, s->size)) s->size = 0;
    }
    /* The static symbol table, or the dynamic one when there is none (as objdump does). */
    unsigned symsec = 0, dynsec = 0;
    for (unsigned i = 1; i < shnum; i++) {
        if (d->secs[i].type == SHT_SYMTAB && !symsec) symsec = i;
        if (d->secs[i].type == SHT_DYNSYM && !dynsec) dynsec = i;
    }
    size_t n = 0;
    struct dsym *all = NULL;
    if (!read_symtab(d, symsec ? symsec : dynsec, &all, &n)) return false;
    d->syms = all;
    for (size_t k = 0; k < n; k++)
        if (all[k].useful) d->syms[d->nsyms++] = all[k];
    if (d->nsyms > 1) qsort(d->syms, d->nsyms, sizeof(*d->syms), cmp_syms);
    /* Dynamic relocations (of shared objects): objdump names an address by the symbol a relocation
     * there refers to (objdump loads them whenever there is a dynamic symbol table). */
    if (dynsec && read_symtab(d, dynsec, &d->dynsyms, &d->ndynsyms) && d->ndynsyms) {
        for (unsigned i = 1; i < shnum; i++) {
            const uint8_t *sh = f + shoff + (uint64_t)i * shentsize;
            uint32_t type = d->secs[i].type;
            uint64_t entsize = type == SHT_RELA ? 24 : 16;
            if ((type != SHT_RELA && type != SHT_REL) || le_load32(sh + 0x28) != dynsec) continue;
            if (!in_file(img, d->secs[i].off, d->secs[i].size)) continue;
            uint64_t cnt = d->secs[i].size / entsize;
            struct dreloc *r = realloc(d->relocs, (d->nrelocs + cnt + 1) * sizeof(*r));
            if (!r) return false;
            d->relocs = r;
            for (uint64_t k = 0; k < cnt; k++) {
                const uint8_t *e = f + d->secs[i].off + k * entsize;
                d->relocs[d->nrelocs] = (struct dreloc){ le_load64(e), le_load64(e + 8) >> 32, d->nrelocs };
                d->nrelocs++;
            }
        }
        if (d->nrelocs > 1) qsort(d->relocs, d->nrelocs, sizeof(*d->relocs), cmp_relocs);
    }
    struct attributes at;
    read_attributes(d, &at);
    d->base_ext = isa_string_ext(at.arch ? at.arch : "rv64gc");
    d->priv = priv_from_numbers(at.priv[0], at.priv[1], at.priv[2]);
    return true;
}

/* objdump's find_symbol_for_address: the closest symbol at or below vma, preferring one in `sec`;
 * with require_sec, only symbols of that section. Returns the index in d->syms or -1. */
static long find_symbol(const struct delf *d, uint64_t vma, unsigned sec, bool require_sec)
{
    long n = (long)d->nsyms;
    if (n < 1) return -1;
    long min = 0, max = n, here;
    while (min + 1 < max) {
        here = (max + min) / 2;
        if (d->syms[here].value > vma) max = here;
        else if (d->syms[here].value < vma) min = here;
        else { min = here; break; }
    }
    here = min;
    while (here > 0 && d->syms[here].value == d->syms[here - 1].value) here--;
    const char *secname = sec_name(d, sec);
#define SYM_OK(i, want) (sym_valid(&d->syms[i]) && \
                         (!(want) || (d->syms[i].sec == sec && strcmp(sec_name(d, d->syms[i].sec), secname) == 0)))
    for (min = here; min < max && d->syms[min].value == d->syms[here].value; min++)
        if (SYM_OK(min, true)) return min;
    if (!SYM_OK(here, require_sec)) {
        long newplace = n;
        for (long i = min - 1; i >= 0; i--) {
            if (!SYM_OK(i, require_sec)) continue;
            if (newplace == n) newplace = i;
            if (d->syms[i].value != d->syms[newplace].value) break;
            newplace = i;
        }
        if (newplace != n) {
            here = newplace;
        } else {
            for (long i = here + 1; i < n; i++)
                if (SYM_OK(i, require_sec)) { here = i; break; }
        }
        if (!SYM_OK(here, require_sec)) return -1;
    }
#undef SYM_OK
    return here;
}

/* The symbol a dynamic relocation at vma names, for shared objects (the end of objdump's
 * find_symbol_for_address), or NULL. */
static const struct dsym *reloc_symbol(const struct delf *d, long place, uint64_t vma)
{
    if (!d->nrelocs || d->relocs[0].addr > vma || d->relocs[d->nrelocs - 1].addr < vma) return NULL;
    /* BFD compares the symbol's section-relative value with vma here. */
    const struct dsym *s = &d->syms[place];
    if (s->value - (s->sec ? d->secs[s->sec].addr : 0) == vma) return NULL;
    size_t lo = 0, hi = d->nrelocs - 1;
    while (lo <= hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->relocs[mid].addr == vma) {
            while (mid > lo && d->relocs[mid - 1].addr == vma) mid--;
            for (; mid <= hi && d->relocs[mid].addr == vma; mid++) {
                size_t k = d->relocs[mid].sym;
                if (k >= 1 && k <= d->ndynsyms && (d->dynsyms[k - 1].sec != 0 || d->dynsyms[k - 1].undef))
                    return &d->dynsyms[k - 1];
            }
            return NULL;
        }
        if (vma < d->relocs[mid].addr) hi = mid;
        else if (mid + 1 < d->nrelocs && vma >= d->relocs[mid + 1].addr) lo = mid + 1;
        else return NULL;
    }
    return NULL;
}

/* "<sym+0x10>" or "<.text+0x10>" after an address (objdump_print_addr_with_sym). */
static void print_sym_suffix(const struct delf *d, const struct dsym *sym, unsigned sec, uint64_t vma,
                             struct sbuf *o)
{
    uint64_t base = sym ? sym->value : d->secs[sec].addr;
    sb_printf(o, "<%s", sym ? sym->name : d->secs[sec].name);
    if (sym && sym->undef) {
        /* undefined symbols of executables and shared objects have no offset */
    } else if (vma < base) {
        sb_printf(o, "-0x%llx", (unsigned long long)(base - vma));
    } else if (vma > base) {
        sb_printf(o, "+0x%llx", (unsigned long long)(vma - base));
    }
    sb_printf(o, ">");
}

struct elf_printer {
    const struct delf *d;
    unsigned sec;
};

static void print_addr_elf(void *ctx, uint64_t addr, struct sbuf *o)
{
    const struct elf_printer *ep = ctx;
    const struct delf *d = ep->d;
    if (d->nsyms == 0) {
        sb_printf(o, "0x%llx", (unsigned long long)addr);
        return;
    }
    long i = find_symbol(d, addr, ep->sec, false);
    const struct dsym *sym = i >= 0 ? &d->syms[i] : NULL;
    if (i >= 0) {
        const struct dsym *r = reloc_symbol(d, i, addr);
        if (r) sym = r;
    }
    sb_printf(o, "%llx ", (unsigned long long)addr);
    print_sym_suffix(d, sym, ep->sec, addr, o);
}

/* ---------------------------------------------------------------------------------------------
 * objdump -d: sections, symbol blocks, mapping symbols ($x, $d, $x<isa>), zero runs.
 */
struct dis_state {
    const struct delf *d;
    struct addr_track track;
    uint64_t ext;              /* what the caller's hart decodes */
    uint64_t isa_ext;          /* the ISA in force: ELF attribute, then the last $x<isa> seen */
    FILE *out;
    /* current section */
    unsigned sec;
    uint64_t vma, size;
    const uint8_t *data;
    unsigned skip_addr_chars;
    size_t *maps;              /* indices in d->syms of the section's mapping symbols, by address */
    size_t nmaps;
    /* what the last disassembler call left behind (objdump keeps these in disassemble_info) */
    unsigned bytes_per_chunk;
};

/* Index in st->maps of the last mapping symbol at or below addr, or -1. */
static long last_map_at(const struct dis_state *st, uint64_t addr)
{
    size_t lo = 0, hi = st->nmaps;          /* first entry above addr, by bisection */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->d->syms[st->maps[mid]].value <= addr) lo = mid + 1;
        else hi = mid;
    }
    return (long)lo - 1;
}

/* The mapping symbol in force at addr in the current section: 'd' data, 'x' code. A "$x<isa>"
 * symbol also switches the ISA, for the rest of the run as in binutils. */
static char mapping_state(struct dis_state *st, uint64_t addr)
{
    long m = last_map_at(st, addr);
    if (m < 0) return 'x';
    const char *n = st->d->syms[st->maps[m]].name;
    if (strcmp(n, "$d") == 0) return 'd';
    if (strncmp(n, "$xrv", 4) == 0) {
        char isa[256];
        size_t l = strcspn(n + 2, ".");       /* "$xrv64i2p1_c2p0.1": numbered copies */
        if (l >= sizeof(isa)) l = sizeof(isa) - 1;
        memcpy(isa, n + 2, l);
        isa[l] = '\0';
        st->isa_ext = isa_string_ext(isa);
    }
    return 'x';
}

/* Bytes of data objdump shows per line in a $d region: up to the next mapping symbol, at most 4. */
static unsigned data_length(const struct dis_state *st, uint64_t addr)
{
    uint64_t len = 4;
    size_t next = (size_t)(last_map_at(st, addr) + 1);
    uint64_t limit = next < st->nmaps ? st->d->syms[st->maps[next]].value : st->vma + st->size;
    if (limit - addr < len) len = limit - addr;
    return len == 3 ? 2 : (unsigned)len;
}

static void print_vma_field(const struct dis_state *st, uint64_t addr)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%016llx", (unsigned long long)addr);
    char *s = buf + st->skip_addr_chars;
    char *q = s;
    while (*q == '0') *q++ = ' ';
    if (*q == '\0') *--q = '0';
    fprintf(st->out, "%s:\t", s);
}

/* One call of objdump's print_insn_riscv at addr (stop = end of the current symbol block). Returns the
 * number of bytes consumed and leaves the text in o, bytes_per_line in *bpl. */
static int print_insn_riscv(struct dis_state *st, uint64_t addr, uint64_t stop, struct sbuf *o, unsigned *bpl)
{
    uint64_t off = addr - st->vma;
    uint64_t limit = stop < st->vma + st->size ? stop : st->vma + st->size;
    unsigned len;
    bool data = mapping_state(st, addr) == 'd';
    if (data) {
        len = data_length(st, addr);
        st->bytes_per_chunk = len;        /* set before the read, as binutils does */
    } else {
        if (addr + 2 > limit) goto bounds;
        len = objdump_insn_length(le_load16(st->data + off));
    }
    if (addr + len > limit) goto bounds;
    st->bytes_per_chunk = data ? len : len % 4 == 0 ? 4 : 2;
    *bpl = data && len == 1 ? 6 : 8;
    if (data) {
        static const char *const directive[5] = { NULL, ".byte\t0x%02x", ".short\t0x%04x", NULL, ".word\t0x%08x" };
        sb_printf(o, directive[len], (unsigned)le_load(st->data + off, len));
    } else if (len == 2 || len == 4) {
        struct elf_printer ep = { st->d, st->sec };
        struct printer p = { st->ext & st->isa_ext, st->d->priv, &st->track, print_addr_elf, &ep };
        format_insn(&p, addr, len == 2 ? le_load16(st->data + off) : le_load32(st->data + off), len, o);
    } else if (len == 8) {
        sb_printf(o, ".8byte\t0x%llx", (unsigned long long)le_load64(st->data + off));
    } else {
        sb_printf(o, ".byte\t");
        for (unsigned i = 0; i < len; i++) sb_printf(o, "%s0x%02x", i ? ", " : "", st->data[off + i]);
    }
    return (int)len;
bounds:
    /* binutils 2.40 reports the failed read and returns EIO (5) as the length. */
    sb_printf(o, "Address 0x%llx is out of bounds.\n", (unsigned long long)addr);
    return 5;
}

static void print_raw_bytes(const struct dis_state *st, uint64_t start, uint64_t end, unsigned bpc, uint64_t stop)
{
    for (uint64_t j = start; j < end; j += bpc) {
        if (j + bpc <= stop)
            for (unsigned k = bpc; k-- != 0;) fprintf(st->out, "%02x", st->data[j + k]);
        fputc(' ', st->out);
    }
}

/* objdump's disassemble_bytes over [start, stop) of the current section (offsets). */
static void disassemble_bytes(struct dis_state *st, bool insns, uint64_t start, uint64_t stop)
{
    unsigned octets_per_line = insns ? 4 : 16;
    uint64_t a = start;
    while (a < stop) {
        uint64_t z = a;
        while (z < stop && st->data[z] == 0) z++;
        uint64_t octets;
        if (z - a >= 8 || (z == stop && z - a < 3)) {
            octets = z - a;
            if (z != stop) octets &= ~(uint64_t)3;
            fputs("\t...\n", st->out);
            a += octets;
            continue;
        }
        print_vma_field(st, st->vma + a);
        char text[512];
        struct sbuf o = { text, sizeof(text), 0 };
        text[0] = '\0';
        char ascii[17];
        if (insns) {
            unsigned bpl = 0;
            st->bytes_per_chunk = 0;
            octets = (uint64_t)print_insn_riscv(st, st->vma + a, st->vma + stop, &o, &bpl);
            if (bpl) octets_per_line = bpl;
        } else {
            octets = stop - a < octets_per_line ? stop - a : octets_per_line;
            for (uint64_t j = 0; j < octets; j++) {
                uint8_t ch = st->data[a + j];
                ascii[j] = ch >= 0x20 && ch < 0x7f ? (char)ch : '.';
            }
            ascii[octets] = '\0';
        }
        unsigned bpc = st->bytes_per_chunk ? st->bytes_per_chunk : 1;
        uint64_t pb = octets < octets_per_line ? octets : octets_per_line;
        print_raw_bytes(st, a, a + pb, bpc, stop);
        for (uint64_t k = pb; k < octets_per_line; k += bpc) {
            for (unsigned i = 0; i < bpc; i++) fputs("  ", st->out);
            fputc(' ', st->out);
        }
        fputs(insns ? "\t" : "    ", st->out);
        fputs(insns ? text : ascii, st->out);
        while (pb < octets) {
            fputc('\n', st->out);
            uint64_t j = a + pb;
            print_vma_field(st, st->vma + j);
            pb += octets_per_line;
            if (pb > octets) pb = octets;
            print_raw_bytes(st, j, a + pb, bpc, stop);
        }
        fputc('\n', st->out);
        a += octets;
    }
}

/* objdump's disassemble_section: one block per symbol, each headed by "<sym>:". */
static void disassemble_section(struct dis_state *st)
{
    const struct delf *d = st->d;
    char buf[32];
    snprintf(buf, sizeof(buf), "%016llx", (unsigned long long)(st->vma + st->size));
    unsigned skip = 0;
    while (buf[skip] == '0') skip++;
    if (buf[skip] == '\0' && st->vma != 0) skip = 0;
    if (skip != 0) skip = (skip - 1) & ~3u;
    st->skip_addr_chars = skip;

    fprintf(st->out, "\nDisassembly of section %s:\n", d->secs[st->sec].name);
    long place = find_symbol(d, st->vma, st->sec, true);
    long sym = place;
    uint64_t a = 0;
    const char *secname = d->secs[st->sec].name;
    while (a < st->size) {
        uint64_t addr = st->vma + a;
        char line[512];
        struct sbuf o = { line, sizeof(line), 0 };
        line[0] = '\0';
        sb_printf(&o, "%016llx ", (unsigned long long)addr);
        print_sym_suffix(d, sym >= 0 ? &d->syms[sym] : NULL, st->sec, addr, &o);
        fprintf(st->out, "\n%s:\n", line);

        long next;
        if (sym >= 0 && d->syms[sym].value > addr) {
            next = sym;
        } else if (sym < 0) {
            next = -1;
        } else {
            while (place < (long)d->nsyms &&
                   !(strcmp(sec_name(d, d->syms[place].sec), secname) == 0 &&
                     d->syms[place].value > d->syms[sym].value && sym_valid(&d->syms[place])))
                place++;
            next = place < (long)d->nsyms ? place : -1;
        }
        uint64_t stop;
        if (sym >= 0 && d->syms[sym].value > addr) stop = d->syms[sym].value - st->vma;
        else if (next < 0) stop = st->size;
        else stop = d->syms[next].value - st->vma;
        if (stop > st->size || stop <= a) stop = st->size;

        bool insns = sym < 0 || d->syms[sym].sec != st->sec || d->syms[sym].value > addr ||
                     (!d->syms[sym].object && !strstr(d->syms[sym].name, "gnu_compiled") &&
                      !strstr(d->syms[sym].name, "gcc2_compiled")) ||
                     d->syms[sym].func;
        disassemble_bytes(st, insns, a, stop);
        a = stop;
        sym = next;
    }
}

static void on_section(void *ctx, const char *name, uint64_t addr, const uint8_t *data, uint64_t size)
{
    struct dis_state *st = ctx;
    if (size == 0) return;
    /* Find this section's index: same name and address, data inside the file image. */
    unsigned idx = 0;
    for (unsigned i = 1; i < st->d->nsecs && !idx; i++) {
        const struct dsec *s = &st->d->secs[i];
        if (s->addr == addr && s->size == size && strcmp(s->name, name) == 0 && st->d->img->data + s->off == data)
            idx = i;
    }
    if (!idx) return;
    st->sec = idx;
    st->vma = addr;
    st->size = size;
    st->data = data;
    st->nmaps = 0;
    for (size_t i = 0; i < st->d->nsyms; i++) {
        const struct dsym *y = &st->d->syms[i];
        if (y->sec == idx && y->value >= addr && is_mapping_symbol(y->name)) st->maps[st->nmaps++] = i;
    }
    disassemble_section(st);
}

int disasm_elf(const struct elf_image *img, const char *path, uint64_t ext, FILE *out)
{
    struct delf d;
    fprintf(out, "\n%s:     file format elf64-littleriscv\n\n", path);
    if (!load_elf(&d, img)) {
        free_elf(&d);
        return 0;
    }
    struct dis_state st = { .d = &d, .ext = ext, .isa_ext = d.base_ext, .out = out };
    for (size_t i = 0; i < d.nsyms; i++)
        if (strcmp(d.syms[i].name, "__global_pointer$") == 0) st.track.has_gp = true, st.track.gp = d.syms[i].value;
    st.maps = malloc((d.nsyms ? d.nsyms : 1) * sizeof(*st.maps));
    if (st.maps) elf_for_each_exec_section(img, on_section, &st);
    free(st.maps);
    free_elf(&d);
    return 0;
}
