/* Shared helpers for the unit tests: a bare hart on a bus with RAM, instruction encoders
 * (unprivileged spec 20191213, chapter 2 and 16 formats) and hand-built page tables (privileged 1.12, 4.3-4.5). */
#ifndef VHART_TESTS_UNIT_HELPERS_H
#define VHART_TESTS_UNIT_HELPERS_H

#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/csr.h"
#include "cpu/decode.h"
#include "cpu/hart.h"
#include "mem/bus.h"
#include "mem/mmu.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (16ull << 20)
/* Page tables are allocated from here upwards (program and data stay below). */
#define PT_POOL (RAM_BASE + (8ull << 20))

#define EXT_DEFAULT (EXT_I | EXT_M | EXT_A | EXT_C | EXT_ZICSR | EXT_ZIFENCEI | EXT_S)

/* PTE bits (privileged spec 4.3.1). */
#define PTE_V (1ull << 0)
#define PTE_R (1ull << 1)
#define PTE_W (1ull << 2)
#define PTE_X (1ull << 3)
#define PTE_U (1ull << 4)
#define PTE_G (1ull << 5)
#define PTE_A (1ull << 6)
#define PTE_D (1ull << 7)

struct env {
    struct bus bus;
    struct hart *h;
    uint64_t pt_next;        /* next free page-table page */
    uint64_t fake_time;
};

static inline uint64_t env_read_time(void *opaque) { return ((struct env *)opaque)->fake_time; }

/* The machine drops write-TLB entries of a page that gains decoded code; do the same here. */
static inline void env_code_page_added(void *opaque, uint64_t paddr)
{
    struct env *e = opaque;
    mmu_drop_writes_to(e->h, bus_host_ptr(&e->bus, paddr, 4096));
}

static inline struct env *env_new_ext(uint64_t ext)
{
    struct env *e = calloc(1, sizeof(*e));
    ck_assert_ptr_nonnull(e);
    bus_init(&e->bus);
    ck_assert_ptr_nonnull(bus_add_memory(&e->bus, "ram", RAM_BASE, RAM_SIZE, false));
    e->h = calloc(1, sizeof(*e->h));
    ck_assert_ptr_nonnull(e->h);
    e->h->bus = &e->bus;
    e->h->read_time = env_read_time;
    e->h->time_opaque = e;
    hart_reset(e->h, 0, RAM_BASE, ext);
    e->bus.code_page_added = env_code_page_added;
    e->bus.code_opaque = e;
    e->pt_next = PT_POOL;
    return e;
}
static inline struct env *env_new(void) { return env_new_ext(EXT_DEFAULT); }

/* Grant S and U access to all of physical memory with PMP entry 0 (NAPOT over everything, RWX),
 * as firmware does before entering S-mode (privileged 3.7: with PMP implemented, S/U accesses that
 * match no entry fail). */
static inline void env_pmp_allow_all(struct env *e)
{
    ck_assert_int_eq(csr_write(e->h, CSR_PMPADDR0, ~0ull), 0);
    ck_assert_int_eq(csr_write(e->h, CSR_PMPCFG0, 0x1f), 0);
}

static inline void env_free(struct env *e)
{
    bus_destroy(&e->bus);
    free(e->h);
    free(e);
}

static inline void put8(struct env *e, uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&e->bus, pa, 1, v), 0); }
static inline void put16(struct env *e, uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&e->bus, pa, 2, v), 0); }
static inline void put32(struct env *e, uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&e->bus, pa, 4, v), 0); }
static inline void put64(struct env *e, uint64_t pa, uint64_t v) { ck_assert_int_eq(bus_write(&e->bus, pa, 8, v), 0); }
static inline uint64_t get64(struct env *e, uint64_t pa)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&e->bus, pa, 8, &v), 0);
    return v;
}
static inline uint64_t get32(struct env *e, uint64_t pa)
{
    uint64_t v = 0;
    ck_assert_int_eq(bus_read(&e->bus, pa, 4, &v), 0);
    return v;
}

/* Write a sequence of 32-bit instruction words at pa. */
static inline void put_prog(struct env *e, uint64_t pa, const uint32_t *w, unsigned n)
{
    for (unsigned i = 0; i < n; i++) put32(e, pa + 4ull * i, w[i]);
}

/* ---- Instruction encoders (unprivileged spec 2.2/2.3) ---- */
static inline uint32_t enc_r(uint32_t op, uint32_t f3, uint32_t f7, uint32_t rd, uint32_t rs1, uint32_t rs2)
{
    return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
static inline uint32_t enc_i(uint32_t op, uint32_t f3, uint32_t rd, uint32_t rs1, int32_t imm)
{
    return ((uint32_t)imm << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}
static inline uint32_t enc_s(uint32_t op, uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return (((u >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((u & 0x1f) << 7) | op;
}
static inline uint32_t enc_b(uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return (((u >> 12) & 1) << 31) | (((u >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
           (((u >> 1) & 0xf) << 8) | (((u >> 11) & 1) << 7) | 0x63;
}
static inline uint32_t enc_u(uint32_t op, uint32_t rd, uint32_t imm20) { return (imm20 << 12) | (rd << 7) | op; }
static inline uint32_t enc_j(uint32_t rd, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return (((u >> 20) & 1) << 31) | (((u >> 1) & 0x3ff) << 21) | (((u >> 11) & 1) << 20) |
           (((u >> 12) & 0xff) << 12) | (rd << 7) | 0x6f;
}

/* Common instructions. */
static inline uint32_t i_addi(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(0x13, 0, rd, rs1, imm); }
static inline uint32_t i_add(unsigned rd, unsigned rs1, unsigned rs2) { return enc_r(0x33, 0, 0, rd, rs1, rs2); }
static inline uint32_t i_lui(unsigned rd, uint32_t imm20) { return enc_u(0x37, rd, imm20); }
static inline uint32_t i_ld(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(0x03, 3, rd, rs1, imm); }
static inline uint32_t i_lw(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(0x03, 2, rd, rs1, imm); }
static inline uint32_t i_sd(unsigned rs1, unsigned rs2, int32_t imm) { return enc_s(0x23, 3, rs1, rs2, imm); }
static inline uint32_t i_sw(unsigned rs1, unsigned rs2, int32_t imm) { return enc_s(0x23, 2, rs1, rs2, imm); }
static inline uint32_t i_jal(unsigned rd, int32_t imm) { return enc_j(rd, imm); }
static inline uint32_t i_jalr(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(0x67, 0, rd, rs1, imm); }
static inline uint32_t i_csrrw(unsigned rd, unsigned csr, unsigned rs1) { return enc_i(0x73, 1, rd, rs1, (int32_t)csr); }
static inline uint32_t i_csrrs(unsigned rd, unsigned csr, unsigned rs1) { return enc_i(0x73, 2, rd, rs1, (int32_t)csr); }
static inline uint32_t i_csrrsi(unsigned rd, unsigned csr, unsigned uimm) { return enc_i(0x73, 6, rd, uimm, (int32_t)csr); }
#define I_NOP 0x00000013u
#define I_ECALL 0x00000073u
#define I_EBREAK 0x00100073u
#define I_MRET 0x30200073u
#define I_SRET 0x10200073u
#define I_WFI 0x10500073u
#define I_FENCE_I 0x0000100fu

/* ---- Page tables built by hand ---- */
static inline uint64_t pt_alloc(struct env *e)
{
    uint64_t pa = e->pt_next;
    e->pt_next += 4096;
    uint8_t *p = bus_host_ptr(&e->bus, pa, 4096);
    ck_assert_ptr_nonnull(p);
    memset(p, 0, 4096);
    return pa;
}

static inline uint64_t pte_make(uint64_t pa, uint64_t flags) { return ((pa >> 12) << 10) | flags; }

/* Map va -> pa with a leaf at `level` (0 = 4 KiB, 1 = 2 MiB, ...) in a table of `levels` levels
 * rooted at `root`, creating intermediate tables. Returns the address of the leaf PTE. */
static inline uint64_t pt_map(struct env *e, unsigned levels, uint64_t root, uint64_t va, uint64_t pa, int level,
                              uint64_t flags)
{
    uint64_t table = root;
    for (int l = (int)levels - 1; l > level; l--) {
        uint64_t idx = (va >> (12 + 9 * l)) & 0x1ff;
        uint64_t pte = get64(e, table + idx * 8);
        if (!(pte & PTE_V)) {
            uint64_t next = pt_alloc(e);
            pte = pte_make(next, PTE_V);
            put64(e, table + idx * 8, pte);
        }
        table = ((pte >> 10) & ((1ull << 44) - 1)) << 12;
    }
    uint64_t addr = table + ((va >> (12 + 9 * level)) & 0x1ff) * 8;
    put64(e, addr, pte_make(pa, flags));
    return addr;
}

/* Install a root table and select `mode` (SATP_MODE_SV39/48/57). Returns the root address. */
static inline uint64_t env_paging(struct env *e, unsigned mode)
{
    uint64_t root = pt_alloc(e);
    ck_assert_int_eq(csr_write(e->h, CSR_SATP, ((uint64_t)mode << 60) | (root >> 12)), 0);
    return root;
}

static inline unsigned mode_levels(unsigned mode) { return mode == SATP_MODE_SV39 ? 3 : mode == SATP_MODE_SV48 ? 4 : 5; }

/* Switch privilege as a trap or xRET would, keeping derived MMU state consistent. */
static inline void env_set_priv(struct env *e, unsigned priv)
{
    e->h->priv = priv;
    hart_update_mmu_mode(e->h);
}

/* Run exactly n instructions (or until a stop). Returns retired count. */
static inline uint64_t env_run(struct env *e, uint64_t n)
{
    uint64_t retired = 0;
    hart_run_exact(e->h, n, &retired);
    return retired;
}

#endif
