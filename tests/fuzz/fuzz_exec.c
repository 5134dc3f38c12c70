/* Fuzz target: the decoder and interpreter (src/cpu, src/mem/mmu.c) on random instruction words,
 * compressed ones included, from a random starting state: privilege M/S/U, enabled extensions,
 * CSR values (written through csr_write, so WARL rules apply), registers, optionally Sv39/48/57
 * paging over an identity map with fuzzed PTE bits, and pending interrupts. Every instruction must
 * end in a result or a trap: never a host crash, and the architectural invariants below hold after
 * every step (x0 is zero, pc aligned, privilege and mstatus fields legal, budgets respected).
 * Differentially, stepping one instruction per call and running the same start in one exact call
 * must reach the same registers, CSRs and memory (when no interrupt is pending: its latency may
 * legitimately differ).
 *
 * Input: flags, PTE bits, 3 bytes of extensions to drop, a count and list of (CSR, value), a count
 * and list of (register, value), then the code, copied to RAM at the reset pc. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/codecache.h"
#include "cpu/csr.h"
#include "cpu/decode.h"
#include "cpu/hart.h"
#include "cpu/isa.h"
#include "mem/bus.h"
#include "mem/mmu.h"
#include "fuzz_common.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE 0x10000ull
#define ROM_BASE 0x1000ull
#define MMIO_BASE 0x10000000ull
#define PT_ROOT (RAM_BASE + 0xf000)   /* page tables live in the last pages of RAM */
#define STEPS 256

struct env {
    struct bus bus;
    struct hart h;
    uint64_t time;
};

/* A constant time: both runs of the differential check must see the same values. */
static uint64_t env_time(void *opaque) { return ((struct env *)opaque)->time; }

static void env_code_page_added(void *opaque, uint64_t paddr)
{
    struct env *e = opaque;
    mmu_drop_writes_to(&e->h, bus_host_ptr(&e->bus, paddr, 4096));
}

/* A device that answers reads below 0x100 and rejects the rest (access faults). */
static int dev_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    (void)opaque;
    if (off >= 0x100) return -1;
    *value = (off * 0x0101010101010101ull) >> (64 - 8 * size) >> 1;
    return 0;
}
static int dev_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    (void)opaque, (void)size, (void)value;
    return off >= 0x100 ? -1 : 0;
}
static const struct mmio_ops dev_ops = { dev_read, dev_write };

/* CSRs the input may set (by index). */
static const unsigned csrs[] = {
    CSR_MSTATUS, CSR_MEDELEG, CSR_MIDELEG, CSR_MIE, CSR_MIP, CSR_MTVEC, CSR_STVEC, CSR_SATP,
    CSR_MENVCFG, CSR_SENVCFG, CSR_MCOUNTEREN, CSR_SCOUNTEREN, CSR_PMPCFG0, CSR_PMPADDR0, CSR_PMPADDR0 + 1,
    CSR_FCSR, CSR_STIMECMP, CSR_MEPC, CSR_SEPC, CSR_MSCRATCH, CSR_MCOUNTINHIBIT, CSR_SSTATUS, CSR_SIE,
    CSR_SIP, CSR_MCAUSE, CSR_SCAUSE, CSR_MTVAL, CSR_STVAL, CSR_MINSTRET, CSR_MCYCLE, CSR_FRM, CSR_PMPCFG0 + 2,
};

/* Extensions a --isa string could give: start from everything, drop what the input says, then
 * apply isa_parse's rules (I, S and Zicsr always; D implies F; C with D gives the compressed FP loads). */
static uint32_t pick_ext(uint32_t drop)
{
    uint32_t e = isa_supported() & ~drop;
    e |= EXT_I | EXT_S | EXT_ZICSR;
    if (e & EXT_D) e |= EXT_F;
    if ((e & EXT_C) && (e & EXT_D)) e |= EXT_CD;
    else e &= ~EXT_CD;
    return e;
}

static void check_state(const struct hart *h)
{
    FUZZ_CHECK(h->x[0] == 0);
    FUZZ_CHECK(h->priv == PRV_M || h->priv == PRV_S || h->priv == PRV_U);
    if (!(h->ext & EXT_S)) FUZZ_CHECK(h->priv == PRV_M);
    FUZZ_CHECK((h->pc & 1) == 0);
    if (!(h->ext & EXT_C)) FUZZ_CHECK((h->pc & 3) == 0);
    unsigned mpp = (unsigned)((h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    FUZZ_CHECK(mpp != 2);
    FUZZ_CHECK(((h->mstatus >> 32) & 3) == 2 && ((h->mstatus >> 34) & 3) == 2);   /* UXL, SXL: 64-bit */
    /* The data and fetch TLB sets must be the hart's own. */
    FUZZ_CHECK(h->dtlb >= h->dtlbs && h->dtlb < h->dtlbs + DTLB_SETS);
    FUZZ_CHECK(h->itlb >= h->itlbs && h->itlb < h->itlbs + 3);
}

/* An identity map: VA 0..1 GiB and 2..3 GiB onto the same physical ranges (ROM, device, RAM),
 * with gigapage leaves at the last level reached by `levels` levels. */
static void build_page_tables(struct env *e, unsigned levels, uint64_t pte_flags)
{
    uint64_t table = PT_ROOT;
    for (unsigned l = levels; l > 3; l--) {   /* upper levels: entry 0 points one page lower */
        uint64_t next = table - 0x1000;
        uint8_t *p = bus_host_ptr(&e->bus, table, 4096);
        memset(p, 0, 4096);
        uint64_t pte = ((next >> 12) << 10) | 1;
        memcpy(p, &pte, 8);
        table = next;
    }
    uint8_t *p = bus_host_ptr(&e->bus, table, 4096);
    memset(p, 0, 4096);
    uint64_t lo = (0ull << 10) | pte_flags, hi = ((RAM_BASE >> 12) << 10) | pte_flags;
    memcpy(p, &lo, 8);
    memcpy(p + 16, &hi, 8);
}

/* Build the environment the input describes. */
static struct env *setup(const uint8_t *data, size_t size, uint8_t *flags_out)
{
    struct fuzz_in in = { data, size };
    struct env *e = calloc(1, sizeof(*e));
    FUZZ_CHECK(e != NULL);
    e->time = 0x100000;
    bus_init(&e->bus);
    FUZZ_CHECK(bus_add_memory(&e->bus, "ram", RAM_BASE, RAM_SIZE, false) != NULL);
    FUZZ_CHECK(bus_add_memory(&e->bus, "rom", ROM_BASE, 0x1000, true) != NULL);
    FUZZ_CHECK(bus_add_device(&e->bus, "dev", MMIO_BASE, 0x1000, &dev_ops, NULL) != NULL);
    e->bus.code_page_added = env_code_page_added;
    e->bus.code_opaque = e;

    uint8_t flags = fz_u8(&in), pte_flags = fz_u8(&in);
    uint32_t drop = fz_u8(&in) | (uint32_t)fz_u8(&in) << 8 | (uint32_t)fz_u8(&in) << 16;
    struct hart *h = &e->h;
    h->bus = &e->bus;
    h->read_time = env_time;
    h->time_opaque = e;
    hart_reset(h, 0, RAM_BASE, pick_ext(drop));
    /* Firmware's usual PMP grant (everything, RWX) before the input's own CSR values. */
    csr_write(h, CSR_PMPADDR0, ~0ull);
    csr_write(h, CSR_PMPCFG0, 0x1f);
    csr_write(h, CSR_MTVEC, RAM_BASE);
    csr_write(h, CSR_STVEC, RAM_BASE);

    if (flags & 8) {
        static const unsigned modes[4] = { SATP_MODE_SV39, SATP_MODE_SV39, SATP_MODE_SV48, SATP_MODE_SV57 };
        unsigned mode = modes[(flags >> 4) & 3];
        unsigned levels = mode == SATP_MODE_SV39 ? 3 : mode == SATP_MODE_SV48 ? 4 : 5;
        build_page_tables(e, levels, pte_flags);
        csr_write(h, CSR_SATP, (uint64_t)mode << 60 | (PT_ROOT >> 12));
    }
    unsigned ncsr = fz_u8(&in) & 15;
    for (unsigned i = 0; i < ncsr; i++) {
        unsigned c = csrs[fz_u8(&in) % (sizeof(csrs) / sizeof(csrs[0]))];
        csr_write(h, c, fz_u64(&in));   /* an illegal write is simply refused */
    }
    /* Registers default to pointers spread over RAM, so loads and stores often hit memory. */
    for (unsigned r = 1; r < 32; r++) h->x[r] = RAM_BASE + 0x200ull * r;
    unsigned nreg = fz_u8(&in) & 31;
    for (unsigned i = 0; i < nreg; i++) {
        unsigned r = fz_u8(&in) & 31;
        uint64_t v = fz_u64(&in);
        if (r) h->x[r] = v;
    }
    for (unsigned r = 0; r < 32; r++) h->f[r] = 0x3ff0000000000000ull + r;
    if (flags & 0x40) hart_set_mip(h, MIP_MTIP, true);
    if (flags & 0x80) hart_set_external_seip(h, true);

    /* The code: at the reset pc and, repeated, in the ROM (reached through traps and jumps). */
    uint8_t *ram = bus_host_ptr(&e->bus, RAM_BASE, RAM_SIZE);
    size_t code_len = in.left < RAM_SIZE - 0x3000 ? in.left : RAM_SIZE - 0x3000;
    memcpy(ram, in.p, code_len);
    struct bus_region *rom = bus_find(&e->bus, ROM_BASE);
    for (size_t i = 0; code_len && i < 0x1000; i++) rom->host[i] = in.p[i % code_len];

    unsigned priv = flags & 3;
    h->priv = priv == 2 ? PRV_M : priv;
    hart_update_mmu_mode(h);
    check_state(h);
    *flags_out = flags;
    return e;
}

static void destroy(struct env *e)
{
    bus_destroy(&e->bus);
    free(e);
}

/* Run up to `steps` instructions in calls of hart_run_exact(budget `chunk`), invariants after
 * each call. Returns the instructions retired; *wfi is set when the hart went to sleep. */
static uint64_t run_exact(struct hart *h, uint64_t steps, uint64_t chunk, bool *wfi)
{
    uint64_t total = 0;
    *wfi = false;
    unsigned stalled = 0;   /* calls that retired nothing: traps count against the budget */
    for (unsigned calls = 0; total < steps && calls < 4 * STEPS; calls++) {
        uint64_t n = 0, want = steps - total < chunk ? steps - total : chunk;
        enum hart_stop stop = hart_run_exact(h, want, &n);
        FUZZ_CHECK(n <= want);
        total += n;
        if (n == 0 && chunk > 1 && ++stalled > 8) break;   /* a trap loop: do not spin on it */
        check_state(h);
        h->need_exit = false;
        if (stop == HART_STOP_WFI) {
            *wfi = true;
            break;
        }
    }
    return total;
}

/* The architectural state two runs must agree on. */
static void compare(const struct env *a, const struct env *b)
{
    const struct hart *x = &a->h, *y = &b->h;
    FUZZ_CHECK(memcmp(x->x, y->x, sizeof(x->x[0]) * 32) == 0);
    FUZZ_CHECK(memcmp(x->f, y->f, sizeof(x->f)) == 0);
    FUZZ_CHECK(x->pc == y->pc && x->priv == y->priv && x->mstatus == y->mstatus);
    FUZZ_CHECK(x->mepc == y->mepc && x->mcause == y->mcause && x->mtval == y->mtval);
    FUZZ_CHECK(x->sepc == y->sepc && x->scause == y->scause && x->stval == y->stval);
    FUZZ_CHECK(x->fflags == y->fflags && x->frm == y->frm && x->satp == y->satp);
    FUZZ_CHECK(x->mip == y->mip && x->mie == y->mie && x->minstret == y->minstret);
    struct bus *ba = (struct bus *)&a->bus, *bb = (struct bus *)&b->bus;
    FUZZ_CHECK(memcmp(bus_host_ptr(ba, RAM_BASE, RAM_SIZE), bus_host_ptr(bb, RAM_BASE, RAM_SIZE), RAM_SIZE) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t flags;
    struct env *e = setup(data, size, &flags);
    struct hart *h = &e->h;
    if (!(flags & 4)) {
        /* One instruction at a time, invariants after each; then, differentially, the same start
         * run in one exact call: both must retire the same instructions to the same state (unless
         * an interrupt was pending, whose latency legitimately differs, or traps ate the budget). */
        bool wfi_a, wfi_b;
        uint64_t irq_before = h->mip & h->mie;
        uint64_t na = run_exact(h, STEPS, 1, &wfi_a);
        struct env *b = setup(data, size, &flags);
        uint64_t nb = run_exact(&b->h, STEPS, STEPS, &wfi_b);
        if (!irq_before && !(h->mip & h->mie) && !(b->h.mip & b->h.mie) && na == nb && wfi_a == wfi_b &&
            (na == STEPS || wfi_a))
            compare(e, b);
        destroy(b);
    } else {
        /* Blocks (hart_run): may pass the budget by at most a page of straight-line code. */
        for (unsigned i = 0; i < 4; i++) {
            uint64_t n = 0;
            enum hart_stop stop = hart_run(h, STEPS, &n);
            FUZZ_CHECK(n <= STEPS + CODECACHE_SLOTS);
            check_state(h);
            if (stop == HART_STOP_WFI) break;
            h->need_exit = false;
        }
    }
    destroy(e);
    return 0;
}
