/* --log: one line per trap taken (privileged spec 3.1.15-3.1.16 causes), per page fault with the
 * walk's verdict (4.3.2), per guest error; installed as the harts' trap hook only when asked. */
#include <vhart/log.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "machine_internal.h"
#include "../cpu/csr.h"
#include "../mem/mmu.h"
#include "../mem/pmp.h"

struct machine_log {
    unsigned mask;
    int fd;
    bool own_fd;
};

const char vhart_log_help[] =
    "--log items (comma-separated):\n"
    "  int           every interrupt taken: hart, privilege before->after, cause, epc, vector\n"
    "  exc           every exception taken: the same and tval\n"
    "  mmu           every page fault: the page walk, level by level, and why it failed\n"
    "  guest-errors  accesses to unmapped physical addresses, unimplemented CSRs, devices misused\n"
    "  all           all of the above\n"
    "  help          this list\n";

int vhart_log_parse(const char *items, unsigned *mask, char *err, size_t errlen)
{
    static const struct { const char *name; unsigned bit; } names[] = {
        { "int", VHART_LOG_INT }, { "exc", VHART_LOG_EXC }, { "mmu", VHART_LOG_MMU },
        { "guest-errors", VHART_LOG_GUEST_ERRORS },
        { "all", VHART_LOG_INT | VHART_LOG_EXC | VHART_LOG_MMU | VHART_LOG_GUEST_ERRORS },
    };
    *mask = 0;
    for (const char *p = items;; p++) {
        size_t n = strcspn(p, ",");
        if (n == 4 && strncmp(p, "help", 4) == 0) return 1;
        size_t i;
        for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
            if (strlen(names[i].name) == n && strncmp(p, names[i].name, n) == 0) break;
        if (i == sizeof(names) / sizeof(names[0])) {   /* an empty item too ("int,") */
            snprintf(err, errlen, "unknown item '%.*s' (try --log help)", (int)n, p);
            return -1;
        }
        *mask |= names[i].bit;
        p += n;
        if (!*p) break;
    }
    return 0;
}

/* One line, one write(2): lines of harts on other threads never interleave. */
static void emit(struct machine_log *lg, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n > sizeof(line) - 2) n = (int)sizeof(line) - 2;
    line[n++] = '\n';
    for (ssize_t off = 0; off < n;) {
        ssize_t w = write(lg->fd, line + off, (size_t)(n - off));
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        off += w;
    }
}

static char priv_letter(unsigned p) { return p == PRV_M ? 'M' : p == PRV_S ? 'S' : 'U'; }

/* Why the walk stopped at its last PTE without a usable mapping (4.3.2 steps 3-7). */
static const char *walk_verdict(const struct hart *h, const struct mmu_walk_trace *tr, enum mmu_access acc,
                                unsigned priv)
{
    if (tr->steps == 0) return "virtual address not canonical for this mode";
    const struct mmu_walk_step *s = &tr->step[tr->steps - 1];
    uint64_t pte = s->pte;
    if (!(pte & PTE_V)) return "PTE not valid (V=0)";
    if (!(pte & PTE_R) && (pte & PTE_W)) return "reserved encoding (W=1 without R)";
    if (pte & PTE_RESERVED_MASK) return "reserved bits 63:54 set";
    if (!(pte & (PTE_R | PTE_X))) {
        if (s->level == 0) return "pointer PTE at level 0 (no leaf)";
        return "D, A or U set in a pointer PTE";
    }
    if (acc == MMU_FETCH) {
        if (priv == PRV_U && !(pte & PTE_U)) return "U-mode fetch from a supervisor page (U=0)";
        if (priv == PRV_S && (pte & PTE_U)) return "S-mode fetch from a user page (U=1)";
        if (!(pte & PTE_X)) return "page not executable (X=0)";
    } else {
        if (priv == PRV_U && !(pte & PTE_U)) return "U-mode access to a supervisor page (U=0)";
        if (priv == PRV_S && (pte & PTE_U) && !(h->mstatus & MSTATUS_SUM))
            return "S-mode access to a user page with SUM=0";
        if (acc == MMU_READ && !(pte & PTE_R) && !((h->mstatus & MSTATUS_MXR) && (pte & PTE_X)))
            return "page not readable (R=0)";
        if (acc == MMU_WRITE && !(pte & PTE_W)) return "page not writable (W=0)";
    }
    uint64_t ppn = (pte >> PTE_PPN_SHIFT) & PTE_PPN_MASK;
    if (ppn & ((1ull << (9 * s->level)) - 1)) return "misaligned superpage (low PPN bits set)";
    return "the walk succeeds now (the tables changed since)";
}

static enum mmu_access access_of(uint64_t code)
{
    switch (code) {
    case CAUSE_FETCH_PAGE_FAULT: case CAUSE_FETCH_ACCESS: return MMU_FETCH;
    case CAUSE_LOAD_PAGE_FAULT: case CAUSE_LOAD_ACCESS: return MMU_READ;
    default: return MMU_WRITE;
    }
}

static const char *const access_name[] = { "load", "store", "fetch" };

/* The privilege the faulting access used: data accesses in M-mode with MPRV use MPP (3.1.6.3). */
static unsigned access_priv(enum mmu_access acc, unsigned from, uint64_t mstatus)
{
    if (acc != MMU_FETCH && from == PRV_M && (mstatus & MSTATUS_MPRV))
        return (unsigned)((mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    return from;
}

static void log_page_fault(struct machine_log *lg, struct hart *h, unsigned from, uint64_t mstatus, uint64_t code,
                           uint64_t va)
{
    enum mmu_access acc = access_of(code);
    unsigned priv = access_priv(acc, from, mstatus);
    struct mmu_walk_trace tr;
    uint64_t pa;
    unsigned shift;
    mmu_translate(h, va, acc, priv, 0, &pa, &shift, &tr);   /* no A/D update: a look, not an access */
    unsigned mode = (unsigned)(h->satp >> 60);
    char walk[600];
    size_t n = 0;
    walk[0] = 0;
    for (int i = 0; i < tr.steps && n < sizeof(walk); i++)
        n += (size_t)snprintf(walk + n, sizeof(walk) - n, " L%d pte@0x%llx=0x%llx", tr.step[i].level,
                              (unsigned long long)tr.step[i].pte_addr, (unsigned long long)tr.step[i].pte);
    emit(lg, "hart%u mmu %s va=0x%llx %c-mode sv%u:%s: %s", (unsigned)h->mhartid, access_name[acc],
         (unsigned long long)va, priv_letter(priv), mode == SATP_MODE_SV39 ? 39u : mode == SATP_MODE_SV48 ? 48u : 57u,
         walk, walk_verdict(h, &tr, acc, priv));
}

/* An access fault: report it when the physical address has nothing behind it, or a device refused
 * the access; PMP denials are the firmware's business, not errors. */
static void log_access_fault(struct machine_log *lg, struct machine *m, struct hart *h, unsigned from,
                             uint64_t mstatus, uint64_t code, uint64_t va, uint64_t epc)
{
    enum mmu_access acc = access_of(code);
    unsigned priv = access_priv(acc, from, mstatus);
    struct mmu_walk_trace tr;
    uint64_t pa;
    unsigned shift;
    if (mmu_translate(h, va, acc, priv, 0, &pa, &shift, &tr)) {
        emit(lg, "hart%u guest-error %s va=0x%llx: page walk read an unmapped or protected PTE (pc=0x%llx)",
             (unsigned)h->mhartid, access_name[acc], (unsigned long long)va, (unsigned long long)epc);
        return;
    }
    if (!pmp_allows(h, pa, 1, acc, priv, NULL)) return;
    struct bus_region *r = bus_find(&m->bus, pa);
    if (!r)
        emit(lg, "hart%u guest-error %s at unmapped physical address 0x%llx (pc=0x%llx)", (unsigned)h->mhartid,
             access_name[acc], (unsigned long long)pa, (unsigned long long)epc);
    else
        emit(lg, "hart%u guest-error %s at 0x%llx refused by %s (size or alignment) (pc=0x%llx)",
             (unsigned)h->mhartid, access_name[acc], (unsigned long long)pa, r->name ? r->name : "a device",
             (unsigned long long)epc);
}

/* An illegal instruction that is a CSR access to a CSR this hart does not have (Zicsr: opcode
 * SYSTEM, funct3 != 0 and != 4; tval holds the instruction, as vhart sets it). */
static void log_illegal(struct machine_log *lg, struct hart *h, uint64_t insn, uint64_t epc)
{
    unsigned funct3 = (unsigned)(insn >> 12) & 7;
    if ((insn & 0x7f) != 0x73 || funct3 == 0 || funct3 == 4) return;
    unsigned csr = (unsigned)(insn >> 20) & 0xfff;
    if (csr_exists(h, csr)) return;
    emit(lg, "hart%u guest-error unimplemented CSR 0x%03x (insn 0x%08llx, pc=0x%llx)", (unsigned)h->mhartid, csr,
         (unsigned long long)insn, (unsigned long long)epc);
}

static void trap_hook(struct hart *h, unsigned from, uint64_t mstatus, uint64_t cause, uint64_t tval)
{
    struct machine *m = h->machine;
    struct machine_log *lg = m->log;
    if (!lg) return;
    bool irq = (cause & CAUSE_INTERRUPT) != 0;
    uint64_t code = cause & ~CAUSE_INTERRUPT;
    /* H: `from` carries V (HART_PRIV_VIRT); modes print as M, S, U, VS, VU. */
    bool from_virt = (from & HART_PRIV_VIRT) != 0;
    from &= 3;
    uint64_t epc = h->priv == PRV_M ? h->mepc : h->virt ? h->vsepc : h->sepc;
    const char *pf = hart_priv_name(from, from_virt), *pt = hart_priv_name(h->priv, h->virt);
    if (irq && (lg->mask & VHART_LOG_INT))
        emit(lg, "hart%u int %s->%s cause %llu %s epc=0x%llx vector=0x%llx", (unsigned)h->mhartid, pf, pt,
             (unsigned long long)code, vhart_cause_name(cause), (unsigned long long)epc, (unsigned long long)h->pc);
    if (irq) return;
    if (lg->mask & VHART_LOG_EXC)
        emit(lg, "hart%u exc %s->%s cause %llu %s epc=0x%llx tval=0x%llx vector=0x%llx", (unsigned)h->mhartid, pf,
             pt, (unsigned long long)code, vhart_cause_name(cause), (unsigned long long)epc,
             (unsigned long long)tval, (unsigned long long)h->pc);
    if ((lg->mask & VHART_LOG_MMU) && from_virt &&
        (code == CAUSE_FETCH_PAGE_FAULT || code == CAUSE_LOAD_PAGE_FAULT || code == CAUSE_STORE_PAGE_FAULT ||
         code == CAUSE_FETCH_GUEST_PAGE_FAULT || code == CAUSE_LOAD_GUEST_PAGE_FAULT ||
         code == CAUSE_STORE_GUEST_PAGE_FAULT)) {
        /* A guest's fault: the walker says which stage failed and why. */
        enum mmu_access acc = code == CAUSE_FETCH_PAGE_FAULT || code == CAUSE_FETCH_GUEST_PAGE_FAULT ? MMU_FETCH
                              : code == CAUSE_LOAD_PAGE_FAULT || code == CAUSE_LOAD_GUEST_PAGE_FAULT ? MMU_READ
                                                                                                   : MMU_WRITE;
        struct mmu_walk_trace tr;
        uint64_t pa;
        unsigned shift;
        mmu_translate(h, tval, acc, from, MMU_VIRT, &pa, &shift, &tr);
        emit(lg, "hart%u mmu %s gva=0x%llx %s-mode: %s stage: %s", (unsigned)h->mhartid, access_name[acc],
             (unsigned long long)tval, hart_priv_name(from, true), tr.fault_stage == MMU_STAGE_G ? "G" : "VS",
             tr.why ? tr.why : "the walk succeeds now (the tables changed since)");
    } else if ((lg->mask & VHART_LOG_MMU) &&
        (code == CAUSE_FETCH_PAGE_FAULT || code == CAUSE_LOAD_PAGE_FAULT || code == CAUSE_STORE_PAGE_FAULT))
        log_page_fault(lg, h, from, mstatus, code, tval);
    if (lg->mask & VHART_LOG_GUEST_ERRORS) {
        if (code == CAUSE_FETCH_ACCESS || code == CAUSE_LOAD_ACCESS || code == CAUSE_STORE_ACCESS)
            log_access_fault(lg, m, h, from, mstatus, code, tval, epc);
        else if (code == CAUSE_ILLEGAL_INSN)
            log_illegal(lg, h, tval, epc);
    }
}

void machine_log_guest_error(struct machine *m, const char *fmt, ...)
{
    struct machine_log *lg = m->log;
    if (!lg || !(lg->mask & VHART_LOG_GUEST_ERRORS)) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    emit(lg, "guest-error %s", msg);
}

/* A virtio driver broke the rules (a malformed ring, a bad queue layout, 2.1.2): the device set
 * DEVICE_NEEDS_RESET. */
static void virtio_misused(void *opaque, struct virtio_dev *vd)
{
    struct virtio_slot *sl = opaque;
    unsigned i = (unsigned)(sl - sl->m->slots);
    machine_log_guest_error(sl->m, "%s at 0x%llx: driver error, device needs reset (status 0x%x)",
                            vd->ops && vd->ops->name ? vd->ops->name : "virtio",
                            (unsigned long long)(BOARD_VIRTIO_BASE + i * BOARD_VIRTIO_SIZE), (unsigned)vd->status);
}

int vhart_log_open(struct machine *m, unsigned mask, const char *file, char *err, size_t errlen)
{
    struct machine_log *lg = calloc(1, sizeof(*lg));
    if (!lg) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    lg->mask = mask;
    lg->fd = STDERR_FILENO;
    if (file) {
        lg->fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0666);
        if (lg->fd < 0) {
            snprintf(err, errlen, "cannot write %s: %s", file, strerror(errno));
            free(lg);
            return -1;
        }
        lg->own_fd = true;
    }
    machine_log_free(m);
    m->log = lg;
    for (unsigned i = 0; i < m->nharts; i++) m->harts[i]->trap_hook = mask ? trap_hook : NULL;
    for (unsigned i = 0; i < BOARD_VIRTIO_SLOTS; i++)
        if (m->slots[i].used) {
            m->slots[i].dev.on_needs_reset = (mask & VHART_LOG_GUEST_ERRORS) ? virtio_misused : NULL;
            m->slots[i].dev.on_needs_reset_opaque = &m->slots[i];
        }
    return 0;
}

void machine_log_free(struct machine *m)
{
    if (!m->log) return;
    if (m->log->own_fd) close(m->log->fd);
    free(m->log);
    m->log = NULL;
}
