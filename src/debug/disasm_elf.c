/* objdump -d for a whole ELF file (disasm_elf()): sections, symbols, mapping symbols, relocations and
 * zero-run elision, the way binutils 2.40 presents them; each instruction's text comes from disasm.c. */
#include "disasm.h"
#include "disasm_internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cpu/decode.h"
#include "../cpu/isa.h"
#include "../machine/elf.h"
#include "../util/endian.h"

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
    d->base_ext = dis_isa_string_ext(at.arch ? at.arch : "rv64gc");
    d->priv = dis_priv_from_numbers(at.priv[0], at.priv[1], at.priv[2]);
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
    dis_printf(o, "<%s", sym ? sym->name : d->secs[sec].name);
    if (sym && sym->undef) {
        /* undefined symbols of executables and shared objects have no offset */
    } else if (vma < base) {
        dis_printf(o, "-0x%llx", (unsigned long long)(base - vma));
    } else if (vma > base) {
        dis_printf(o, "+0x%llx", (unsigned long long)(vma - base));
    }
    dis_printf(o, ">");
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
        dis_printf(o, "0x%llx", (unsigned long long)addr);
        return;
    }
    long i = find_symbol(d, addr, ep->sec, false);
    const struct dsym *sym = i >= 0 ? &d->syms[i] : NULL;
    if (i >= 0) {
        const struct dsym *r = reloc_symbol(d, i, addr);
        if (r) sym = r;
    }
    dis_printf(o, "%llx ", (unsigned long long)addr);
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
        st->isa_ext = dis_isa_string_ext(isa);
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
        len = dis_objdump_insn_length(le_load16(st->data + off));
    }
    if (addr + len > limit) goto bounds;
    st->bytes_per_chunk = data ? len : len % 4 == 0 ? 4 : 2;
    *bpl = data && len == 1 ? 6 : 8;
    if (data) {
        static const char *const directive[5] = { NULL, ".byte\t0x%02x", ".short\t0x%04x", NULL, ".word\t0x%08x" };
        dis_printf(o, directive[len], (unsigned)le_load(st->data + off, len));
    } else if (len == 2 || len == 4) {
        struct elf_printer ep = { st->d, st->sec };
        struct printer p = { st->ext & st->isa_ext, st->d->priv, &st->track, print_addr_elf, &ep };
        dis_format_insn(&p, addr, len == 2 ? le_load16(st->data + off) : le_load32(st->data + off), len, o);
    } else if (len == 8) {
        dis_printf(o, ".8byte\t0x%llx", (unsigned long long)le_load64(st->data + off));
    } else {
        dis_printf(o, ".byte\t");
        for (unsigned i = 0; i < len; i++) dis_printf(o, "%s0x%02x", i ? ", " : "", st->data[off + i]);
    }
    return (int)len;
bounds:
    /* binutils 2.40 reports the failed read and returns EIO (5) as the length. */
    dis_printf(o, "Address 0x%llx is out of bounds.\n", (unsigned long long)addr);
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
        dis_printf(&o, "%016llx ", (unsigned long long)addr);
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
