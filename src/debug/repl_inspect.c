/* The REPL's inspection commands: regs, fregs, csr (fields decoded per priv spec 1.12), x, disas,
 * translate, pagetable, tlb, devices, hart, print. */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/csr.h"
#include "cpu/hart.h"
#include "repl_internal.h"

/* ------------------------------------------------------------------------------------------------
 * CSR decoding
 */

static int appendf(char *buf, size_t len, int o, const char *fmt, ...)
{
    if (o < 0 || (size_t)o >= len) return o;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + o, len - (size_t)o, fmt, ap);
    va_end(ap);
    return n < 0 ? o : o + n;
}

static void decode_status(uint64_t v, bool machine, char *buf, size_t len)
{
    static const char *const fs[] = { "Off", "Initial", "Clean", "Dirty" };
    int o = 0;
    if (machine) o = appendf(buf, len, o, "MIE=%d ", (int)!!(v & MSTATUS_MIE));
    o = appendf(buf, len, o, "SIE=%d ", (int)!!(v & MSTATUS_SIE));
    if (machine) o = appendf(buf, len, o, "MPIE=%d ", (int)!!(v & MSTATUS_MPIE));
    o = appendf(buf, len, o, "SPIE=%d ", (int)!!(v & MSTATUS_SPIE));
    if (machine) o = appendf(buf, len, o, "MPP=%s ", repl_priv_letter((v & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT));
    o = appendf(buf, len, o, "SPP=%s FS=%s SUM=%d MXR=%d", (v & MSTATUS_SPP) ? "S" : "U",
                fs[(v & MSTATUS_FS) >> MSTATUS_FS_SHIFT], (int)!!(v & MSTATUS_SUM), (int)!!(v & MSTATUS_MXR));
    if (machine)
        o = appendf(buf, len, o, " MPRV=%d TVM=%d TW=%d TSR=%d", (int)!!(v & MSTATUS_MPRV), (int)!!(v & MSTATUS_TVM),
                    (int)!!(v & MSTATUS_TW), (int)!!(v & MSTATUS_TSR));
    if (machine && (v & (MSTATUS_MPV | MSTATUS_GVA)))
        o = appendf(buf, len, o, " MPV=%d GVA=%d", (int)!!(v & MSTATUS_MPV), (int)!!(v & MSTATUS_GVA));
    appendf(buf, len, o, " SD=%d", (int)!!(v & MSTATUS_SD));
}

/* mip/mie/sip/sie: each interrupt by name (SSIP/SSIE ...), S-level ones only for sip/sie. */
static void decode_irqs(uint64_t v, bool machine, const char *suffix, char *buf, size_t len)
{
    static const struct { unsigned bit; const char *name; bool m; } irqs[] = {
        { IRQ_S_SOFT, "SS", false }, { IRQ_M_SOFT, "MS", true }, { IRQ_S_TIMER, "ST", false },
        { IRQ_M_TIMER, "MT", true }, { IRQ_S_EXT, "SE", false }, { IRQ_M_EXT, "ME", true },
        { 13, "LCOF", false },
        /* H: shown by mip/mie (and hip/hie/hvip/hideleg) when set */
        { IRQ_VS_SOFT, "VSS", true }, { IRQ_VS_TIMER, "VST", true }, { IRQ_VS_EXT, "VSE", true },
    };
    int o = 0;
    uint64_t known = 0;
    for (size_t i = 0; i < sizeof(irqs) / sizeof(irqs[0]); i++) {
        if (irqs[i].m && !machine) continue;
        if (irqs[i].name[0] == 'V' && !((v >> irqs[i].bit) & 1)) continue;   /* VS bits only when set */
        known |= 1ull << irqs[i].bit;
        o = appendf(buf, len, o, "%s%sI%s=%d", o ? " " : "", irqs[i].name, suffix, (int)((v >> irqs[i].bit) & 1));
    }
    if (v & ~known) appendf(buf, len, o, " other=0x%" PRIx64, v & ~known);
}

/* Decoded fields of a CSR value, or "" when there is nothing to decode. */
static void decode_csr(unsigned csr, uint64_t v, char *buf, size_t len)
{
    char a[320];
    buf[0] = 0;
    switch (csr) {
    case CSR_MSTATUS: decode_status(v, true, buf, len); break;
    case CSR_SSTATUS: decode_status(v, false, buf, len); break;
    case CSR_MIP: decode_irqs(v, true, "P", buf, len); break;
    case CSR_MIE: decode_irqs(v, true, "E", buf, len); break;
    case CSR_SIP: decode_irqs(v, false, "P", buf, len); break;
    case CSR_SIE: decode_irqs(v, false, "E", buf, len); break;
    /* H extension */
    case CSR_VSSTATUS: decode_status(v, false, buf, len); break;
    case CSR_VSIP: decode_irqs(v, false, "P", buf, len); break;
    case CSR_VSIE: decode_irqs(v, false, "E", buf, len); break;
    case CSR_HIP: case CSR_HVIP: case CSR_HIDELEG:
        snprintf(buf, len, "VSSIP=%d VSTIP=%d VSEIP=%d", (int)((v >> IRQ_VS_SOFT) & 1), (int)((v >> IRQ_VS_TIMER) & 1),
                 (int)((v >> IRQ_VS_EXT) & 1));
        break;
    case CSR_HIE:
        snprintf(buf, len, "VSSIE=%d VSTIE=%d VSEIE=%d", (int)((v >> IRQ_VS_SOFT) & 1), (int)((v >> IRQ_VS_TIMER) & 1),
                 (int)((v >> IRQ_VS_EXT) & 1));
        break;
    case CSR_HSTATUS:
        snprintf(buf, len, "VSXL=%u VTSR=%d VTW=%d VTVM=%d HU=%d SPVP=%s SPV=%d GVA=%d", (unsigned)((v >> 32) & 3),
                 (int)!!(v & HSTATUS_VTSR), (int)!!(v & HSTATUS_VTW), (int)!!(v & HSTATUS_VTVM), (int)!!(v & HSTATUS_HU),
                 (v & HSTATUS_SPVP) ? "VS" : "VU", (int)!!(v & HSTATUS_SPV), (int)!!(v & HSTATUS_GVA));
        break;
    case CSR_HGATP: {
        unsigned mode = (unsigned)(v >> 60);
        uint64_t ppn = v & ((1ull << 44) - 1);
        snprintf(buf, len, "MODE=%s VMID=0x%" PRIx64 " PPN=0x%" PRIx64 " (16 KiB root table at 0x%" PRIx64 ")",
                 mode == 0 ? "Bare" : mode == 8 ? "Sv39x4" : mode == 9 ? "Sv48x4" : mode == 10 ? "Sv57x4" : "?",
                 (v >> 44) & 0x3fff, ppn, ppn << 12);
        break;
    }
    case CSR_VSATP: {
        unsigned mode = (unsigned)(v >> 60);
        uint64_t ppn = v & ((1ull << 44) - 1);
        snprintf(buf, len, "MODE=%s ASID=0x%" PRIx64 " PPN=0x%" PRIx64 " (root table at guest physical 0x%" PRIx64 ")",
                 repl_satp_mode_name(mode), (v >> 44) & 0xffff, ppn, ppn << 12);
        break;
    }
    case CSR_HTVAL: case CSR_MTVAL2:
        snprintf(buf, len, "guest physical address 0x%" PRIx64, v << 2);
        break;
    case CSR_VSCAUSE: {
        uint64_t code = v & ~CAUSE_INTERRUPT;
        if (v & CAUSE_INTERRUPT) snprintf(buf, len, "interrupt %" PRIu64 ": %s", code, repl_interrupt_name(code));
        else snprintf(buf, len, "exception %" PRIu64 ": %s", code, repl_exception_name(code));
        break;
    }
    case CSR_VSTVEC:
        snprintf(buf, len, "BASE=0x%" PRIx64 " MODE=%s", (uint64_t)(v & ~(uint64_t)3),
                 (v & 3) == 0 ? "direct" : (v & 3) == 1 ? "vectored" : "reserved");
        break;
    case CSR_SATP: {
        unsigned mode = (unsigned)(v >> 60);
        uint64_t ppn = v & ((1ull << 44) - 1);
        snprintf(buf, len, "MODE=%s ASID=0x%" PRIx64 " PPN=0x%" PRIx64 " (root table at 0x%" PRIx64 ")",
                 repl_satp_mode_name(mode), (v >> 44) & 0xffff, ppn, ppn << 12);
        break;
    }
    case CSR_MCAUSE:
    case CSR_SCAUSE: {
        uint64_t code = v & ~CAUSE_INTERRUPT;
        if (v & CAUSE_INTERRUPT) snprintf(buf, len, "interrupt %" PRIu64 ": %s", code, repl_interrupt_name(code));
        else snprintf(buf, len, "exception %" PRIu64 ": %s", code, repl_exception_name(code));
        break;
    }
    case CSR_MTVEC:
    case CSR_STVEC:
        snprintf(buf, len, "BASE=%s MODE=%s", repl_fmt_addr(v & ~3ull, a, sizeof(a)),
                 (v & 3) == 0 ? "direct" : (v & 3) == 1 ? "vectored" : "reserved");
        break;
    case CSR_MEPC:
    case CSR_SEPC:
        if (vdbg_symbol_at(repl.m, v, &(uint64_t){ 0 })) snprintf(buf, len, "%s", repl_fmt_addr(v, a, sizeof(a)));
        break;
    case CSR_FCSR: {
        static const char *const rm[] = { "RNE", "RTZ", "RDN", "RUP", "RMM", "?5", "?6", "DYN" };
        snprintf(buf, len, "frm=%s fflags=%s%s%s%s%s", rm[(v >> 5) & 7], (v & 16) ? "NV " : "", (v & 8) ? "DZ " : "",
                 (v & 4) ? "OF " : "", (v & 2) ? "UF " : "", (v & 1) ? "NX" : "");
        break;
    }
    default: break;
    }
}

enum cmd_result cmd_regs(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return repl_fail("usage: regs");
    uint64_t v[32], pc = repl_hart_pc(repl.hart), priv = repl_hart_priv(repl.hart);
    char a[320];
    for (unsigned i = 0; i < 32; i++)
        if (vdbg_reg_read(repl.m, repl.hart, i, &v[i])) return repl_fail("cannot read the registers of hart %u", repl.hart);
    const char *sym = strchr(repl_fmt_addr(pc, a, sizeof(a)), '<');
    repl_printf("pc   0x%016" PRIx64 "%s%s  priv %s (%s)  hart %u\n", pc, sym ? " " : "", sym ? sym : "", repl_priv_letter(priv),
           repl_priv_word(priv), repl.hart);
    for (unsigned i = 0; i < 32; i++)
        repl_printf("%-4s 0x%016" PRIx64 "%s", repl_x_abi(i), v[i], i % 4 == 3 ? "\n" : "  ");
    return CMD_STAY;
}

enum cmd_result cmd_fregs(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return repl_fail("usage: fregs");
    char val[48], dec[160];
    for (unsigned i = 0; i < 32; i++) {
        uint64_t v;
        if (vdbg_reg_read(repl.m, repl.hart, VDBG_REG_F0 + i, &v)) return repl_fail("no FP registers on hart %u", repl.hart);
        if ((v >> 32) == 0xffffffffu) {   /* NaN-boxed single */
            float f;
            uint32_t w = (uint32_t)v;
            memcpy(&f, &w, sizeof(f));
            snprintf(val, sizeof(val), "%.9g (f)", (double)f);
        } else {
            double d;
            memcpy(&d, &v, sizeof(d));
            snprintf(val, sizeof(val), "%.17g", d);
        }
        if (i % 2 == 0) repl_printf("%-4s 0x%016" PRIx64 " %-26s  ", repl_f_abi(i), v, val);
        else repl_printf("%-4s 0x%016" PRIx64 " %s\n", repl_f_abi(i), v, val);
    }
    uint64_t fcsr;
    if (!vdbg_reg_read(repl.m, repl.hart, VDBG_REG_CSR0 + CSR_FCSR, &fcsr)) {
        decode_csr(CSR_FCSR, fcsr, dec, sizeof(dec));
        repl_printf("fcsr 0x%02" PRIx64 "  %s\n", fcsr, dec);
    }
    return CMD_STAY;
}

/* Numbered families (hpm counters, PMP) with value 0 are left out of "csr all". */
static bool csr_is_numbered(unsigned csr)
{
    return (csr >= CSR_HPMCOUNTER3 && csr <= CSR_HPMCOUNTER31) || (csr >= CSR_MHPMCOUNTER3 && csr <= CSR_MHPMCOUNTER31) ||
           (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT31) || (csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG15) ||
           (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR63);
}

static int csr_arg(const char *s)
{
    int csr = csr_number(s);
    if (csr >= 0) return csr;
    if (isdigit((unsigned char)s[0])) {
        char *end;
        unsigned long v = strtoul(s, &end, 0);
        if (!*end && v < 0x1000) return (int)v;
    }
    return -1;
}

enum cmd_result cmd_csr(int argc, char **argv)
{
    char nb[32], dec[512];
    if (argc != 2) return repl_fail("usage: csr NAME|all");
    if (!strcmp(argv[1], "all")) {
        unsigned hidden = 0;
        for (unsigned csr = 0; csr < 0x1000; csr++) {
            const char *name = csr_name(csr, nb, sizeof(nb));
            uint64_t v;
            if (!name || vdbg_reg_read(repl.m, repl.hart, VDBG_REG_CSR0 + csr, &v)) continue;
            if (v == 0 && csr_is_numbered(csr)) {
                hidden++;
                continue;
            }
            decode_csr(csr, v, dec, sizeof(dec));
            repl_printf("%-14s 0x%016" PRIx64 "%s%s\n", name, v, dec[0] ? "  " : "", dec);
        }
        if (hidden) repl_printf("(%u zero hpmcounter/hpmevent/pmp registers not shown)\n", hidden);
        return CMD_STAY;
    }
    int csr = csr_arg(argv[1]);
    if (csr < 0) return repl_fail("no CSR \"%s\" (csr all lists them)", argv[1]);
    uint64_t v;
    int rc = vdbg_reg_read(repl.m, repl.hart, VDBG_REG_CSR0 + (unsigned)csr, &v);
    const char *name = csr_name((unsigned)csr, nb, sizeof(nb));
    if (rc) return repl_fail("cannot read CSR %s (0x%03x): not implemented", name ? name : argv[1], csr);
    decode_csr((unsigned)csr, v, dec, sizeof(dec));
    repl_printf("%s = 0x%016" PRIx64 "\n", name ? name : argv[1], v);
    if (dec[0]) repl_printf("  %s\n", dec);
    return CMD_STAY;
}

enum cmd_result cmd_x(int argc, char **argv)
{
    uint64_t addr, len = REPL_X_DEFAULT;
    bool phys = false;
    char a[320];
    if (argc > 1 && !strcmp(argv[argc - 1], "phys")) {
        phys = true;
        argc--;
    }
    if (argc < 2 || argc > 3) return repl_fail("usage: x ADDR [LEN] [phys]");
    if (repl_eval(argv[1], &addr)) return CMD_STAY;
    if (argc == 3 && repl_eval_count(argv[2], &len, REPL_X_MAX, "LEN")) return CMD_STAY;
    uint64_t off;
    if (vdbg_symbol_at(repl.m, addr, &off) || phys) repl_printf("%s%s:\n", repl_fmt_addr(addr, a, sizeof(a)), phys ? " (physical)" : "");
    for (uint64_t done = 0; done < len; done += 16) {
        uint8_t buf[16];
        size_t n = len - done < 16 ? (size_t)(len - done) : 16;
        int rc = vdbg_mem_read(repl.m, repl.hart, addr + done, phys, buf, n);
        if (rc) return repl_fail("0x%016" PRIx64 ":  cannot access memory (%s)", addr + done, repl_strerror(rc));
        repl_printf("0x%016" PRIx64 ": ", addr + done);
        for (size_t i = 0; i < 16; i++) {
            if (i == 8) repl_putc(' ');
            if (i < n) repl_printf(" %02x", buf[i]);
            else repl_printf("   ");
        }
        repl_printf("  |");
        for (size_t i = 0; i < n; i++) repl_putc(buf[i] >= 0x20 && buf[i] < 0x7f ? buf[i] : '.');
        repl_printf("|\n");
    }
    return CMD_STAY;
}

enum cmd_result cmd_disas(int argc, char **argv)
{
    uint64_t addr = repl_hart_pc(repl.hart), n = REPL_DISAS_DEFAULT, pc = addr;
    if (argc > 3) return repl_fail("usage: disas [ADDR] [N]");
    if (argc >= 2 && repl_eval(argv[1], &addr)) return CMD_STAY;
    if (argc == 3 && repl_eval_count(argv[2], &n, 100000, "N")) return CMD_STAY;
    for (uint64_t i = 0; i < n; i++) {
        unsigned len = repl_print_insn(repl.hart, addr == pc ? "=> " : "   ", addr);
        if (!len) break;
        addr += len;
    }
    return CMD_STAY;
}

static void pte_flags_text(uint64_t pte, char *buf)
{
    static const char letters[] = "RWXUGAD";
    for (int i = 0; i < 7; i++) buf[i] = (pte >> (i + 1)) & 1 ? letters[i] : '-';
    buf[7] = 0;
}

/* The privilege a load (or fetch) by the hart uses: MPRV makes M-mode loads use MPP (priv 3.1.6.3). */
static uint64_t access_priv(bool fetch, uint64_t *mstatus)
{
    uint64_t priv = repl_hart_priv(repl.hart);
    *mstatus = 0;
    vdbg_reg_read(repl.m, repl.hart, VDBG_REG_CSR0 + CSR_MSTATUS, mstatus);
    if (!fetch && priv == PRV_M && (*mstatus & MSTATUS_MPRV)) priv = (*mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    return priv;
}

/* Why a walk that reached a PTE faults (priv 4.3.2 steps 3-8), or NULL when it is not obvious. */
static const char *fault_reason(const struct vdbg_translation *t, bool fetch, uint64_t priv, uint64_t mstatus)
{
    if (t->levels == 0) return "the address is not canonical (the bits above the VA width must copy its top bit)";
    const struct vdbg_walk_level *w = &t->walk[t->levels - 1];
    uint64_t pte = w->pte;
    bool r = pte & 2, wr = pte & 4, x = pte & 8, u = pte & 16, a = pte & 64;
    if (!(pte & 1)) return "V=0: nothing is mapped here";
    if (wr && !r) return "W without R is reserved";
    if (!r && !x) return "a pointer PTE at level 0";
    if (w->level > 0 && ((pte >> 10) & ((1ull << (9 * w->level)) - 1)))
        return "misaligned superpage (its PPN's low bits must be zero)";
    if (priv == PRV_U && !u) return "not a U page, and the access is from U-mode";
    if (priv == PRV_S && u && fetch) return "a U page: S-mode never executes from U pages";
    if (priv == PRV_S && u && !(mstatus & MSTATUS_SUM))
        return "a U page, and sstatus.SUM=0 keeps S-mode out";
    if (fetch && !x) return "not executable (X=0)";
    if (!fetch && !r && !(x && (mstatus & MSTATUS_MXR))) return "not readable (R=0, and MXR does not apply)";
    if (!a) return "A=0: this hart raises a page fault instead of setting A (Svade)";
    return NULL;
}

/* A guest's translation (H extension): the VS stage by vsatp, each of its table accesses and the
 * final guest physical address through the G stage by hgatp, as the MMU walked them. */
static void print_two_stage(const struct vdbg_translation *t, uint64_t va, const char *access, uint64_t priv)
{
    char a[320], fl[8], sz[32];
    static const char *const gmodes[] = { [0] = "Bare", [8] = "Sv39x4", [9] = "Sv48x4", [10] = "Sv57x4" };
    repl_printf("%s: guest %s by hart %u in %s-mode: VS stage %s (vsatp), G stage %s (hgatp)\n",
                repl_fmt_addr(va, a, sizeof(a)), access, repl.hart, repl_priv_letter(priv),
                repl_satp_mode_name(t->mode), t->gmode <= 10 && gmodes[t->gmode] ? gmodes[t->gmode] : "?");
    for (int i = 0; i < t->levels && i < VDBG_WALK_MAX; i++) {
        const struct vdbg_walk_level *w = &t->walk[i];
        const char *what = !(w->pte & 1) ? "invalid (V=0)" : (w->pte & 6) == 4 ? "reserved (W without R)"
                           : !(w->pte & 0xa) ? "-> next table" : "leaf";
        pte_flags_text(w->pte, fl);
        if (w->stage == 1)
            repl_printf("    G  level %d for GPA 0x%" PRIx64 ": PTE at 0x%" PRIx64 " = 0x%016" PRIx64 "  %s  %s\n", w->level,
                        w->gpa, w->pte_addr, w->pte, fl, what);
        else
            repl_printf("  VS level %d: PTE at GPA 0x%" PRIx64 " = 0x%016" PRIx64 "  %s  %s\n", w->level, w->pte_addr,
                        w->pte, fl, what);
    }
    if (t->ok) {
        repl_printf("  => PA 0x%" PRIx64 " (%s page)\n", t->pa, repl_size_text(1ull << t->page_shift, sz, sizeof(sz)));
        return;
    }
    repl_printf("  => %s (cause %d): the %s stage faulted: %s\n", repl_exception_name((uint64_t)t->fault_cause),
                t->fault_cause, t->fault_stage == 1 ? "G" : "VS", t->why ? t->why : "(no reason recorded)");
}

enum cmd_result cmd_translate(int argc, char **argv)
{
    uint64_t va, mstatus;
    bool fetch = false;
    char a[320], fl[8], sz[32];
    if (argc == 3 && (!strcmp(argv[2], "fetch") || !strcmp(argv[2], "x"))) {
        fetch = true;
        argc--;
    }
    if (argc != 2) return repl_fail("usage: translate VA [fetch]");
    if (repl_eval(argv[1], &va)) return CMD_STAY;
    struct vdbg_translation t;
    int rc = vdbg_translate(repl.m, repl.hart, va, fetch, &t);
    if (rc) return repl_fail("translate: %s", repl_strerror(rc));
    uint64_t priv = access_priv(fetch, &mstatus);
    const char *access = fetch ? "fetch" : "load";
    if (t.virt) {
        print_two_stage(&t, va, access, priv | 4);
        return CMD_STAY;
    }
    if (t.mode == 0 && t.levels == 0) {
        if (t.ok)
            repl_printf("%s: bare mode (no translation for a %s in %s-mode): PA = VA = 0x%" PRIx64 "\n",
                   repl_fmt_addr(va, a, sizeof(a)), access, repl_priv_letter(priv), t.pa);
        else
            repl_printf("%s: bare mode: %s (cause %d)\n", repl_fmt_addr(va, a, sizeof(a)), repl_exception_name((uint64_t)t.fault_cause),
                   t.fault_cause);
        return CMD_STAY;
    }
    repl_printf("%s: %s walk for a %s by hart %u in %s-mode\n", repl_fmt_addr(va, a, sizeof(a)), repl_satp_mode_name(t.mode), access,
           repl.hart, repl_priv_letter(priv));
    for (int i = 0; i < t.levels && i < VDBG_WALK_MAX; i++) {
        const struct vdbg_walk_level *w = &t.walk[i];
        const char *what;
        if (!(w->pte & 1)) what = "invalid (V=0)";
        else if ((w->pte & 6) == 4) what = "reserved (W without R)";
        else if (!(w->pte & 0xa)) what = "-> next table";
        else what = "leaf";
        pte_flags_text(w->pte, fl);
        repl_printf("  level %d: PTE at 0x%" PRIx64 " = 0x%016" PRIx64 "  V=%d %s  %s\n", w->level, w->pte_addr, w->pte,
               (int)(w->pte & 1), fl, what);
    }
    if (t.ok) {
        repl_printf("  => PA 0x%" PRIx64 " (%s page)\n", t.pa, repl_size_text(1ull << t.page_shift, sz, sizeof(sz)));
    } else {
        const char *why = fault_reason(&t, fetch, priv, mstatus);
        repl_printf("  => %s (cause %d)%s%s\n", repl_exception_name((uint64_t)t.fault_cause), t.fault_cause, why ? ": " : "",
               why ? why : "");
    }
    return CMD_STAY;
}

struct pt_ctx {
    unsigned count;
};

static void pagetable_line(void *ctx, uint64_t va, uint64_t pa, uint64_t size, unsigned flags)
{
    char sz[32];
    ((struct pt_ctx *)ctx)->count++;
    repl_printf("0x%016" PRIx64 "-0x%016" PRIx64 " -> 0x%016" PRIx64 "  %c%c%c%c  %s\n", va, va + size, pa,
           flags & 2 ? 'R' : '-', flags & 4 ? 'W' : '-', flags & 8 ? 'X' : '-', flags & 16 ? 'U' : '-',
           repl_size_text(size, sz, sizeof(sz)));
}

enum cmd_result cmd_pagetable(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return repl_fail("usage: pagetable");
    struct pt_ctx ctx = { 0 };
    uint64_t satp = 0;
    vdbg_reg_read(repl.m, repl.hart, VDBG_REG_CSR0 + CSR_SATP, &satp);
    int rc = vdbg_pagetable(repl.m, repl.hart, pagetable_line, &ctx);
    if (rc == VDBG_ENOENT || (satp >> 60) == 0) return repl_fail("satp.MODE is Bare on hart %u: no page table", repl.hart);
    if (rc) return repl_fail("pagetable: %s", repl_strerror(rc));
    if (!ctx.count) repl_printf("(no valid mappings)\n");
    return CMD_STAY;
}

static void tlb_line(void *ctx, char kind, unsigned set, int vmid, uint64_t va, uint64_t pa)
{
    ++*(unsigned *)ctx;
    /* A guest's (V=1) entry: guest virtual page -> host physical page, both stages folded, kept
     * per VMID (and vsatp) in slots that outlive a switch to another VM. */
    if (vmid >= 0) {
        repl_printf("  %c  set %u  0x%016" PRIx64 " -> 0x%016" PRIx64 "  guest (V=1) VMID 0x%x\n", kind, set, va, pa,
                    (unsigned)vmid);
        return;
    }
    repl_printf("  %c  set %u  0x%016" PRIx64 " -> 0x%016" PRIx64 "\n", kind, set, va, pa);
}

enum cmd_result cmd_tlb(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return repl_fail("usage: tlb");
    unsigned n = 0;
    repl_printf("hart %u TLB (kind r/w/x, set, VA page -> PA page):\n", repl.hart);
    int rc = vdbg_tlb(repl.m, repl.hart, tlb_line, &n);
    if (rc) return repl_fail("tlb: %s", repl_strerror(rc));
    repl_printf("%u valid entr%s\n", n, n == 1 ? "y" : "ies");
    return CMD_STAY;
}

static void device_line(void *ctx, const char *name, const char *line)
{
    (void)ctx;
    repl_printf("%-9s %s\n", name, line);
}

enum cmd_result cmd_devices(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) return repl_fail("usage: devices");
    int rc = vdbg_devices(repl.m, device_line, NULL);
    if (rc) return repl_fail("devices: %s", repl_strerror(rc));
    return CMD_STAY;
}

enum cmd_result cmd_hart(int argc, char **argv)
{
    char a[320];
    if (argc > 2) return repl_fail("usage: hart [N]");
    if (argc == 2) {
        uint64_t n;
        bool exact;
        if (repl_eval_exact(argv[1], &n, &exact)) return CMD_STAY;
        if (!exact || n >= vdbg_harts(repl.m)) return repl_fail("no hart %s (this machine has %u)", argv[1], vdbg_harts(repl.m));
        repl.hart = (unsigned)n;
    }
    repl_printf("hart %u of %u, %s-mode, pc %s\n", repl.hart, vdbg_harts(repl.m), repl_priv_letter(repl_hart_priv(repl.hart)),
           repl_fmt_addr(repl_hart_pc(repl.hart), a, sizeof(a)));
    return CMD_STAY;
}

enum cmd_result cmd_print(int argc, char **argv)
{
    uint64_t v;
    char a[320];
    if (argc != 2) return repl_fail("usage: print EXPR");
    if (repl_eval(argv[1], &v)) return CMD_STAY;
    repl_printf("%s = %" PRIu64 "\n", repl_fmt_addr(v, a, sizeof(a)), v);
    return CMD_STAY;
}

