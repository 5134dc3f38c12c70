/* Unit tests for src/mem/mmu.c: Sv39/Sv48/Sv57 walks built by hand in RAM, permission rules, faults,
 * A/D updates, the software TLB's refill and flush semantics, misaligned page-crossing accesses
 * (privileged spec 1.12: 3.1.6.3 MPRV/SUM/MXR, 4.2.1 SFENCE.VMA, 4.3.1-4.3.2, 4.4-4.6). */
#include <check.h>
#include <stdint.h>

#include "unit_helpers.h"

#define RWAD (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
#define RWXAD (RWAD | PTE_X)
#define DATA_VA 0x40000000ull
#define DATA_PA (RAM_BASE + 0x100000)

static struct env *e;
static struct hart *h;

static void setup(void)
{
    e = env_new();
    h = e->h;
    env_pmp_allow_all(e);
}
static void teardown(void) { env_free(e); }

static int xlate(uint64_t va, enum mmu_access a, unsigned priv, uint64_t *pa, unsigned *shift)
{
    unsigned s;
    uint64_t p = 0;
    int c = mmu_translate(h, va, a, priv, MMU_UPDATE_AD, &p, &s, NULL);
    if (pa) *pa = p;
    if (shift) *shift = s;
    return c;
}
static void expect_pa(uint64_t va, unsigned priv, uint64_t want, unsigned want_shift)
{
    uint64_t pa;
    unsigned shift;
    int c = xlate(va, MMU_READ, priv, &pa, &shift);
    ck_assert_msg(c == 0, "va 0x%llx: cause %d", (unsigned long long)va, c);
    ck_assert_msg(pa == want, "va 0x%llx -> 0x%llx, want 0x%llx", (unsigned long long)va, (unsigned long long)pa,
                  (unsigned long long)want);
    ck_assert_uint_eq(shift, want_shift);
}
/* Expected cause for read, write and fetch (0 = allowed). */
static void expect_causes(uint64_t va, unsigned priv, int r, int w, int x)
{
    ck_assert_msg(xlate(va, MMU_READ, priv, NULL, NULL) == r, "read of 0x%llx at priv %u: %d want %d",
                  (unsigned long long)va, priv, xlate(va, MMU_READ, priv, NULL, NULL), r);
    ck_assert_msg(xlate(va, MMU_WRITE, priv, NULL, NULL) == w, "write of 0x%llx at priv %u: %d want %d",
                  (unsigned long long)va, priv, xlate(va, MMU_WRITE, priv, NULL, NULL), w);
    ck_assert_msg(xlate(va, MMU_FETCH, priv, NULL, NULL) == x, "fetch of 0x%llx at priv %u: %d want %d",
                  (unsigned long long)va, priv, xlate(va, MMU_FETCH, priv, NULL, NULL), x);
}
#define PF_ALL CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT, CAUSE_FETCH_PAGE_FAULT

/* ---- walks at every level ---- */

START_TEST(sv39_4k_page_walks_three_levels)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    uint64_t leaf = pt_map(e, 3, root, DATA_VA + 0x3000, DATA_PA, 0, RWAD);
    expect_pa(DATA_VA + 0x3123, PRV_S, DATA_PA + 0x123, 12);
    struct mmu_walk_trace t;
    uint64_t pa;
    unsigned shift;
    ck_assert_int_eq(mmu_translate(h, DATA_VA + 0x3008, MMU_READ, PRV_S, 0, &pa, &shift, &t), 0);
    ck_assert_int_eq(t.steps, 3);
    ck_assert_int_eq(t.step[0].level, 2);
    ck_assert_uint_eq(t.step[0].pte_addr, root + 1 * 8);   /* VPN[2] of 0x40000000 is 1 */
    ck_assert_int_eq(t.step[2].level, 0);
    ck_assert_uint_eq(t.step[2].pte_addr, leaf);
    ck_assert_uint_eq(t.step[2].pte, get64(e, leaf));
    /* Neighbouring unmapped page faults. */
    ck_assert_int_eq(xlate(DATA_VA + 0x4000, MMU_READ, PRV_S, NULL, NULL), CAUSE_LOAD_PAGE_FAULT);
}
END_TEST

START_TEST(sv39_2m_megapage_maps_low_21_bits)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, 0x40200000, 0x80400000, 1, RWAD);
    expect_pa(0x40200000 + 0x1fffff, PRV_S, 0x80400000 + 0x1fffff, 21);
    expect_pa(0x40212345, PRV_S, 0x80412345, 21);
}
END_TEST

START_TEST(sv39_1g_gigapage_maps_low_30_bits)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, 0x100000000ull, 0x80000000ull, 2, RWAD);
    expect_pa(0x100000000ull + 0x3fffffff, PRV_S, 0x80000000ull + 0x3fffffff, 30);
}
END_TEST

START_TEST(sv39_upper_half_addresses_are_sign_extended)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, 0xffffffffc0000000ull, 0x80000000ull, 2, RWAD);   /* VPN[2] = 511 */
    expect_pa(0xffffffffc0001234ull, PRV_S, 0x80001234ull, 30);
}
END_TEST

START_TEST(sv48_walks_4k_2m_1g_and_512g_pages)
{
    uint64_t root = env_paging(e, SATP_MODE_SV48);
    pt_map(e, 4, root, DATA_VA, DATA_PA, 0, RWAD);
    pt_map(e, 4, root, 0x40200000, 0x80400000, 1, RWAD);
    pt_map(e, 4, root, 0x80000000, 0xc0000000, 2, RWAD);
    pt_map(e, 4, root, 1ull << 39, 1ull << 39, 3, RWAD);            /* 512 GiB page, VPN[3] = 1 */
    expect_pa(DATA_VA + 0xabc, PRV_S, DATA_PA + 0xabc, 12);
    expect_pa(0x40300000, PRV_S, 0x80500000, 21);
    expect_pa(0x80000008, PRV_S, 0xc0000008, 30);
    expect_pa((1ull << 39) + 0x7fffffffffull, PRV_S, (1ull << 39) + 0x7fffffffffull, 39);
    ck_assert_int_eq(xlate(0x00007fffffffffffull, MMU_READ, PRV_S, NULL, NULL), CAUSE_LOAD_PAGE_FAULT);
}
END_TEST

START_TEST(sv57_walks_4k_2m_1g_512g_and_256t_pages)
{
    uint64_t root = env_paging(e, SATP_MODE_SV57);
    pt_map(e, 5, root, DATA_VA, DATA_PA, 0, RWAD);
    pt_map(e, 5, root, 0x40200000, 0x80400000, 1, RWAD);
    pt_map(e, 5, root, 0x80000000, 0xc0000000, 2, RWAD);
    pt_map(e, 5, root, 1ull << 39, 2ull << 39, 3, RWAD);
    pt_map(e, 5, root, 1ull << 48, 1ull << 48, 4, RWAD);            /* 256 TiB page, VPN[4] = 1 */
    expect_pa(DATA_VA + 0xabc, PRV_S, DATA_PA + 0xabc, 12);
    expect_pa(0x40300000, PRV_S, 0x80500000, 21);
    expect_pa(0x80000008, PRV_S, 0xc0000008, 30);
    expect_pa((1ull << 39) + 0x123456789ull, PRV_S, (2ull << 39) + 0x123456789ull, 39);
    expect_pa((1ull << 48) + 0xffffffffffffull, PRV_S, (1ull << 48) + 0xffffffffffffull, 48);
}
END_TEST

START_TEST(bare_mode_and_m_mode_do_not_translate)
{
    expect_pa(0x1234567890ull, PRV_S, 0x1234567890ull, 12);   /* satp = Bare */
    env_paging(e, SATP_MODE_SV39);
    expect_pa(0x1234567890ull, PRV_M, 0x1234567890ull, 12);   /* M ignores satp */
    ck_assert_int_eq(xlate(0x1234567890ull, MMU_READ, PRV_S, NULL, NULL), CAUSE_LOAD_PAGE_FAULT);
}
END_TEST

/* ---- permissions ---- */

START_TEST(read_only_page_allows_only_reads)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V | PTE_R | PTE_A | PTE_D);
    expect_causes(DATA_VA, PRV_S, 0, CAUSE_STORE_PAGE_FAULT, CAUSE_FETCH_PAGE_FAULT);
}
END_TEST

START_TEST(execute_only_page_is_readable_only_with_mxr)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V | PTE_X | PTE_A);
    expect_causes(DATA_VA, PRV_S, CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT, 0);
    h->mstatus |= MSTATUS_MXR;
    expect_causes(DATA_VA, PRV_S, 0, CAUSE_STORE_PAGE_FAULT, 0);
}
END_TEST

START_TEST(read_write_page_is_not_executable)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWAD);
    expect_causes(DATA_VA, PRV_S, 0, 0, CAUSE_FETCH_PAGE_FAULT);
}
END_TEST

START_TEST(user_page_from_s_needs_sum_and_is_never_executable)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWXAD | PTE_U);
    expect_causes(DATA_VA, PRV_S, PF_ALL);
    h->mstatus |= MSTATUS_SUM;
    expect_causes(DATA_VA, PRV_S, 0, 0, CAUSE_FETCH_PAGE_FAULT);
    expect_causes(DATA_VA, PRV_U, 0, 0, 0);
}
END_TEST

START_TEST(supervisor_page_from_u_always_faults)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWXAD);
    expect_causes(DATA_VA, PRV_U, PF_ALL);
    h->mstatus |= MSTATUS_SUM | MSTATUS_MXR;   /* neither helps U */
    expect_causes(DATA_VA, PRV_U, PF_ALL);
    expect_causes(DATA_VA, PRV_S, 0, 0, 0);
}
END_TEST

START_TEST(mprv_makes_m_loads_and_stores_use_mpp)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWAD);               /* supervisor page */
    pt_map(e, 3, root, DATA_VA + 0x1000, DATA_PA + 0x1000, 0, RWAD | PTE_U);
    put64(e, DATA_PA, 0x5555);
    put64(e, DATA_PA + 0x1000, 0x6666);
    ck_assert_uint_eq(mmu_data_priv(h), PRV_M);
    ck_assert_int_eq(csr_write(h, CSR_MSTATUS, MSTATUS_MPRV | (1ull << MSTATUS_MPP_SHIFT)), 0);
    ck_assert_uint_eq(mmu_data_priv(h), PRV_S);
    uint64_t v = 0;
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA, 8, &v), 0);
    ck_assert_uint_eq(v, 0x5555);
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA + 0x1000, 8, &v), -1);   /* U page, SUM = 0 */
    ck_assert_uint_eq(h->exc_cause, CAUSE_LOAD_PAGE_FAULT);
    ck_assert_uint_eq(h->exc_tval, DATA_VA + 0x1000);
    ck_assert_int_eq(csr_write(h, CSR_MSTATUS, MSTATUS_MPRV), 0);      /* MPP = U */
    ck_assert_uint_eq(mmu_data_priv(h), PRV_U);
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA + 0x1000, 8, &v), 0);
    ck_assert_uint_eq(v, 0x6666);
    ck_assert_int_eq(mmu_store_slow(h, DATA_VA, 8, 1), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_PAGE_FAULT);
    /* MPRV does not affect fetches: M fetches stay physical. */
    ck_assert_ptr_nonnull(mmu_fetch_refill(h, RAM_BASE));
    /* MPRV only matters in M. */
    env_set_priv(e, PRV_S);
    ck_assert_uint_eq(mmu_data_priv(h), PRV_S);
}
END_TEST

/* ---- faults ---- */

START_TEST(invalid_pte_faults_with_cause_per_access_type)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWXAD & ~PTE_V);
    expect_causes(DATA_VA, PRV_S, PF_ALL);
}
END_TEST

START_TEST(write_without_read_pte_faults_even_for_fetch)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V | PTE_W | PTE_X | PTE_A | PTE_D);
    expect_causes(DATA_VA, PRV_S, PF_ALL);
    h->mstatus |= MSTATUS_MXR;
    expect_causes(DATA_VA, PRV_S, PF_ALL);
}
END_TEST

START_TEST(pointer_pte_at_level_0_faults)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V);   /* non-leaf where no next level exists */
    expect_causes(DATA_VA, PRV_S, PF_ALL);
}
END_TEST

START_TEST(misaligned_superpage_faults)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, 0x40200000, 0x80401000, 1, RWXAD);          /* 2 MiB page at a 4 KiB boundary */
    pt_map(e, 3, root, 0x100000000ull, 0x80200000, 2, RWXAD);      /* 1 GiB page at a 2 MiB boundary */
    expect_causes(0x40200000, PRV_S, PF_ALL);
    expect_causes(0x100000000ull, PRV_S, PF_ALL);
}
END_TEST

START_TEST(pte_with_reserved_high_bits_faults)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    const uint64_t bits[] = { 1ull << 54, 1ull << 60, 1ull << 61, 3ull << 61, 1ull << 63 };
    for (unsigned i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
        uint64_t leaf = pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWXAD);
        put64(e, leaf, get64(e, leaf) | bits[i]);
        expect_causes(DATA_VA, PRV_S, PF_ALL);
    }
    /* In a non-leaf PTE as well. */
    uint64_t leaf = pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWXAD);
    (void)leaf;
    uint64_t l2 = root + 1 * 8;
    put64(e, l2, get64(e, l2) | (1ull << 60));
    expect_causes(DATA_VA, PRV_S, PF_ALL);
}
END_TEST

START_TEST(sv39_nonleaf_pte_with_a_d_or_u_set_faults)
{
    /* 4.3.1: for non-leaf PTEs the D, A and U bits are reserved; 4.3.2 step 3: a PTE with reserved
     * bits set raises a page fault (Spike and QEMU both do). */
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWXAD);
    uint64_t l2 = root + 1 * 8;
    uint64_t orig = get64(e, l2);
    const uint64_t bits[] = { PTE_A, PTE_D, PTE_U };
    for (unsigned i = 0; i < 3; i++) {
        put64(e, l2, orig | bits[i]);
        ck_assert_msg(xlate(DATA_VA, MMU_READ, PRV_S, NULL, NULL) == CAUSE_LOAD_PAGE_FAULT,
                      "non-leaf PTE with bit 0x%llx accepted", (unsigned long long)bits[i]);
    }
}
END_TEST

START_TEST(non_canonical_addresses_fault_for_each_mode)
{
    env_paging(e, SATP_MODE_SV39);
    expect_causes(0x0000004000000000ull, PRV_S, PF_ALL);   /* bit 38 set, bits 63:39 clear */
    expect_causes(0x8000000000000000ull, PRV_S, PF_ALL);
    uint64_t root = env_paging(e, SATP_MODE_SV48);
    pt_map(e, 4, root, 1ull << 38, 1ull << 38, 2, RWXAD);  /* canonical in Sv48 */
    expect_causes(1ull << 38, PRV_S, 0, 0, 0);
    expect_causes(0x0000800000000000ull, PRV_S, PF_ALL);
    root = env_paging(e, SATP_MODE_SV57);
    pt_map(e, 5, root, 1ull << 47, 1ull << 47, 3, RWXAD);  /* canonical in Sv57 */
    expect_causes(1ull << 47, PRV_S, 0, 0, 0);
    expect_causes(0x0100000000000000ull, PRV_S, PF_ALL);
}
END_TEST

START_TEST(page_table_outside_memory_raises_access_fault)
{
    ck_assert_int_eq(csr_write(h, CSR_SATP, (8ull << 60) | (0x10000000ull >> 12)), 0);
    expect_causes(DATA_VA, PRV_S, CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS, CAUSE_FETCH_ACCESS);
}
END_TEST

START_TEST(slow_paths_stage_page_fault_with_va_in_tval)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V | PTE_R | PTE_A);
    env_set_priv(e, PRV_S);
    uint64_t v;
    ck_assert_int_eq(mmu_store_slow(h, DATA_VA + 0x18, 8, 7), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_PAGE_FAULT);
    ck_assert_uint_eq(h->exc_tval, DATA_VA + 0x18);
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA + 0x1010, 4, &v), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_LOAD_PAGE_FAULT);
    ck_assert_uint_eq(h->exc_tval, DATA_VA + 0x1010);
    ck_assert_ptr_null(mmu_fetch_refill(h, DATA_VA + 0x40));
    ck_assert_uint_eq(h->exc_cause, CAUSE_FETCH_PAGE_FAULT);
    ck_assert_uint_eq(h->exc_tval, DATA_VA + 0x40);
}
END_TEST

START_TEST(amo_translation_checks_alignment_write_permission_and_rom)
{
    uint64_t pa;
    ck_assert_int_eq(mmu_translate_amo(h, RAM_BASE + 4, 8, true, &pa), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_MISALIGNED_STORE);
    ck_assert_uint_eq(h->exc_tval, RAM_BASE + 4);
    ck_assert_ptr_nonnull(bus_add_memory(&e->bus, "rom", 0x1000, 0x1000, true));
    ck_assert_int_eq(mmu_translate_amo(h, 0x1008, 8, true, &pa), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_ACCESS);
    ck_assert_int_eq(mmu_translate_amo(h, 0x20000000, 4, true, &pa), -1);   /* unmapped */
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_ACCESS);
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V | PTE_R | PTE_A | PTE_D);
    env_set_priv(e, PRV_S);
    ck_assert_int_eq(mmu_translate_amo(h, DATA_VA, 4, true, &pa), -1);      /* read-only page */
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_PAGE_FAULT);
    ck_assert_uint_eq(h->exc_tval, DATA_VA);
}
END_TEST

/* ---- PMP on translated and implicit accesses (3.7) ---- */

START_TEST(without_pmp_entries_s_and_u_accesses_fail_and_m_accesses_succeed)
{
    hart_reset(h, 0, RAM_BASE, EXT_DEFAULT);   /* no PMP entry programmed */
    uint64_t v;
    env_set_priv(e, PRV_S);
    ck_assert_int_eq(mmu_load_slow(h, DATA_PA, 8, &v), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_LOAD_ACCESS);
    ck_assert_uint_eq(h->exc_tval, DATA_PA);
    ck_assert_int_eq(mmu_store_slow(h, DATA_PA, 8, 1), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_ACCESS);
    ck_assert_ptr_null(mmu_fetch_refill(h, RAM_BASE));
    ck_assert_uint_eq(h->exc_cause, CAUSE_FETCH_ACCESS);
    env_set_priv(e, PRV_M);
    ck_assert_int_eq(mmu_load_slow(h, DATA_PA, 8, &v), 0);
    ck_assert_int_eq(mmu_store_slow(h, DATA_PA, 8, 1), 0);
}
END_TEST

START_TEST(pmp_checks_the_page_walk_as_an_access_fault_of_the_original_type)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWXAD);
    /* Entry 0: TOR [0, PT_POOL) RWX; entry 1: TOR [PT_POOL, top) no permission. */
    ck_assert_int_eq(csr_write(h, CSR_PMPADDR0, PT_POOL >> 2), 0);
    ck_assert_int_eq(csr_write(h, CSR_PMPADDR0 + 1, ~0ull), 0);
    ck_assert_int_eq(csr_write(h, CSR_PMPCFG0, 0x080f), 0);
    expect_causes(DATA_VA, PRV_S, CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS, CAUSE_FETCH_ACCESS);
    ck_assert_int_eq(csr_write(h, CSR_PMPCFG0, 0x0b0f), 0);   /* page tables readable and writable */
    expect_causes(DATA_VA, PRV_S, 0, 0, 0);
}
END_TEST

START_TEST(pmp_checks_the_translated_address)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWXAD);
    /* Entry 0: NAPOT 4 KiB at DATA_PA, read-only; entry 1: everything else RWX. */
    ck_assert_int_eq(csr_write(h, CSR_PMPADDR0, (DATA_PA >> 2) | 0x1ff), 0);
    ck_assert_int_eq(csr_write(h, CSR_PMPADDR0 + 1, ~0ull), 0);
    ck_assert_int_eq(csr_write(h, CSR_PMPCFG0, 0x1f19), 0);
    env_set_priv(e, PRV_S);
    uint64_t v;
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA + 8, 8, &v), 0);
    ck_assert_int_eq(mmu_store_slow(h, DATA_VA + 8, 8, 1), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_ACCESS);
    ck_assert_uint_eq(h->exc_tval, DATA_VA + 8);
}
END_TEST

START_TEST(locked_pmp_entry_binds_m_mode)
{
    ck_assert_int_eq(csr_write(h, CSR_PMPCFG0, 0), 0);
    ck_assert_int_eq(csr_write(h, CSR_PMPADDR0, (DATA_PA >> 2) | 0x1ff), 0);
    ck_assert_int_eq(csr_write(h, CSR_PMPCFG0, 0x99), 0);      /* L | NAPOT | R */
    uint64_t v;
    ck_assert_int_eq(mmu_load_slow(h, DATA_PA, 8, &v), 0);
    ck_assert_int_eq(mmu_store_slow(h, DATA_PA, 8, 1), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_ACCESS);
    ck_assert_int_eq(mmu_store_slow(h, DATA_PA + 0x1000, 8, 1), 0);   /* outside the entry */
}
END_TEST

/* ---- A and D bits ---- */

START_TEST(load_sets_a_store_sets_a_and_d_in_ram)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    uint64_t leaf = pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V | PTE_R | PTE_W | PTE_X);
    uint64_t base = get64(e, leaf);
    env_set_priv(e, PRV_S);
    uint64_t v;
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA, 8, &v), 0);
    ck_assert_uint_eq(get64(e, leaf), base | PTE_A);
    ck_assert_int_eq(mmu_store_slow(h, DATA_VA + 8, 8, 1), 0);
    ck_assert_uint_eq(get64(e, leaf), base | PTE_A | PTE_D);
    ck_assert_uint_eq(get64(e, DATA_PA + 8), 1);
}
END_TEST

START_TEST(fetch_sets_a_but_not_d)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    uint64_t leaf = pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V | PTE_R | PTE_X);
    uint64_t pa;
    unsigned shift;
    ck_assert_int_eq(mmu_translate(h, DATA_VA, MMU_FETCH, PRV_S, MMU_UPDATE_AD, &pa, &shift, NULL), 0);
    ck_assert_uint_eq(get64(e, leaf) & (PTE_A | PTE_D), PTE_A);
}
END_TEST

START_TEST(translate_without_update_ad_leaves_pte_unchanged)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    uint64_t leaf = pt_map(e, 3, root, DATA_VA, DATA_PA, 0, PTE_V | PTE_R | PTE_W);
    uint64_t before = get64(e, leaf), pa;
    unsigned shift;
    ck_assert_int_eq(mmu_translate(h, DATA_VA, MMU_WRITE, PRV_S, 0, &pa, &shift, NULL), 0);
    ck_assert_int_eq(mmu_translate(h, DATA_VA, MMU_READ, PRV_S, 0, &pa, &shift, NULL), 0);
    ck_assert_uint_eq(get64(e, leaf), before);
    ck_assert_uint_eq(pa, DATA_PA);
}
END_TEST

START_TEST(superpage_store_sets_a_and_d_in_the_leaf)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    uint64_t leaf = pt_map(e, 3, root, 0x40200000, 0x80400000, 1, PTE_V | PTE_R | PTE_W);
    env_set_priv(e, PRV_S);
    ck_assert_int_eq(mmu_store_slow(h, 0x40234560, 4, 0xabcd), 0);
    ck_assert_uint_eq(get64(e, leaf) & (PTE_A | PTE_D), PTE_A | PTE_D);
    ck_assert_uint_eq(get32(e, 0x80434560), 0xabcd);
}
END_TEST

/* ---- misaligned accesses across a page boundary ---- */

START_TEST(misaligned_store_across_pages_faults_on_second_page_with_its_address)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWAD);   /* the next page stays unmapped */
    env_set_priv(e, PRV_S);
    ck_assert_int_eq(mmu_store_slow(h, DATA_VA + 0xffc, 8, 0x1122334455667788ull), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_STORE_PAGE_FAULT);
    ck_assert_uint_eq(h->exc_tval, DATA_VA + 0x1000);
    ck_assert_uint_eq(get32(e, DATA_PA + 0xffc), 0);   /* nothing written */
    uint64_t v;
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA + 0xffe, 4, &v), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_LOAD_PAGE_FAULT);
    ck_assert_uint_eq(h->exc_tval, DATA_VA + 0x1000);
}
END_TEST

START_TEST(misaligned_access_faulting_on_first_page_reports_the_address)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA + 0x1000, DATA_PA, 0, RWAD);
    env_set_priv(e, PRV_S);
    uint64_t v;
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA + 0xffd, 8, &v), -1);
    ck_assert_uint_eq(h->exc_cause, CAUSE_LOAD_PAGE_FAULT);
    ck_assert_uint_eq(h->exc_tval, DATA_VA + 0xffd);
}
END_TEST

START_TEST(misaligned_access_splits_across_discontiguous_pages)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWAD);
    pt_map(e, 3, root, DATA_VA + 0x1000, DATA_PA + 0x5000, 0, RWAD);
    env_set_priv(e, PRV_S);
    ck_assert_int_eq(mmu_store_slow(h, DATA_VA + 0xffd, 8, 0x1122334455667788ull), 0);
    ck_assert_uint_eq(get64(e, DATA_PA + 0xff8) >> 40, 0x667788);
    ck_assert_uint_eq(get64(e, DATA_PA + 0x5000), 0x1122334455ull);
    uint64_t v = 0;
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA + 0xffd, 8, &v), 0);
    ck_assert_uint_eq(v, 0x1122334455667788ull);
    ck_assert_int_eq(mmu_load_slow(h, DATA_VA + 0xfff, 2, &v), 0);
    ck_assert_uint_eq(v, 0x5566);
}
END_TEST

/* ---- TLB: refill, hit and flushes, observed through the interpreter ---- */

/* S-mode world: identity-mapped 4 KiB code pages at RAM_BASE, one data page at DATA_VA. */
static uint64_t s_world(uint64_t data_flags, int code_level)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    if (code_level == 0)
        for (unsigned i = 0; i < 4; i++) pt_map(e, 3, root, RAM_BASE + 0x1000 * i, RAM_BASE + 0x1000 * i, 0, RWXAD);
    else
        pt_map(e, 3, root, RAM_BASE, RAM_BASE, 2, RWXAD);
    uint64_t leaf = pt_map(e, 3, root, DATA_VA, DATA_PA, 0, data_flags);
    put64(e, DATA_PA, 0x1111);
    put64(e, DATA_PA + 0x1000, 0x2222);
    const uint32_t prog[] = { i_ld(10, 11, 0) };
    put_prog(e, RAM_BASE, prog, 1);
    h->mtvec = RAM_BASE + 0x3000;
    h->x[11] = DATA_VA;
    env_set_priv(e, PRV_S);
    return leaf;
}
static uint64_t run_load(void)
{
    h->pc = RAM_BASE;
    h->x[10] = 0;
    ck_assert_uint_eq(env_run(e, 1), 1);
    ck_assert_uint_eq(h->priv, PRV_S);
    return h->x[10];
}

START_TEST(tlb_refill_then_hit_counts_one_miss)
{
    const uint32_t prog[] = { i_ld(10, 11, 0), i_ld(12, 11, 8), i_ld(13, 11, 16) };
    put_prog(e, RAM_BASE, prog, 3);
    put64(e, RAM_BASE + 0x2008, 0x77);
    h->x[11] = RAM_BASE + 0x2000;
    ck_assert_uint_eq(env_run(e, 3), 3);
    ck_assert_uint_eq(h->x[12], 0x77);
    ck_assert_uint_eq(h->stats.data_misses, 1);
    ck_assert_uint_eq(h->stats.fetch_misses, 1);
}
END_TEST

START_TEST(changed_pte_without_flush_may_keep_old_mapping_until_flush_va)
{
    /* 4.2.1: without SFENCE.VMA the hart may keep using the cached translation; vhart does. */
    uint64_t leaf = s_world(RWAD, 0);
    ck_assert_uint_eq(run_load(), 0x1111);
    ck_assert_uint_eq(h->stats.data_misses, 1);
    put64(e, leaf, pte_make(DATA_PA + 0x1000, RWAD));
    ck_assert_uint_eq(run_load(), 0x1111);
    ck_assert_uint_eq(h->stats.data_misses, 1);
    mmu_flush_va(h, DATA_VA + 0x123);
    ck_assert_uint_eq(run_load(), 0x2222);
    ck_assert_uint_eq(h->stats.data_misses, 2);
}
END_TEST

START_TEST(flush_va_of_another_page_keeps_the_entry)
{
    uint64_t leaf = s_world(RWAD, 0);
    ck_assert_uint_eq(run_load(), 0x1111);
    put64(e, leaf, pte_make(DATA_PA + 0x1000, RWAD));
    mmu_flush_va(h, DATA_VA + 0x1000);
    ck_assert_uint_eq(run_load(), 0x1111);
    ck_assert_uint_eq(h->stats.data_misses, 1);
}
END_TEST

START_TEST(flush_all_drops_every_entry)
{
    uint64_t leaf = s_world(RWAD, 0);
    ck_assert_uint_eq(run_load(), 0x1111);
    put64(e, leaf, pte_make(DATA_PA + 0x1000, RWAD));
    mmu_flush_all(h);
    ck_assert_uint_eq(run_load(), 0x2222);
}
END_TEST

START_TEST(flush_va_anywhere_in_a_superpage_drops_its_entries)
{
    s_world(RWAD, 0);
    uint64_t root = (h->satp & ((1ull << 44) - 1)) << 12;
    uint64_t leaf = pt_map(e, 3, root, 0x40200000, 0x80400000, 1, RWAD);
    put64(e, 0x80405000, 0xaaaa);
    put64(e, 0x80605000, 0xbbbb);
    h->x[11] = 0x40205000;
    ck_assert_uint_eq(run_load(), 0xaaaa);
    put64(e, leaf, pte_make(0x80600000, RWAD));
    ck_assert_uint_eq(run_load(), 0xaaaa);          /* still cached */
    mmu_flush_va(h, 0x40200000 + 0x1ff000);         /* last 4 KiB of the same 2 MiB page */
    ck_assert_uint_eq(run_load(), 0xbbbb);
}
END_TEST

START_TEST(satp_write_flushes_the_tlb)
{
    uint64_t leaf = s_world(RWAD, 0);
    ck_assert_uint_eq(run_load(), 0x1111);
    put64(e, leaf, pte_make(DATA_PA + 0x1000, RWAD));
    ck_assert_int_eq(csr_write(h, CSR_SATP, h->satp | (1ull << 44)), 0);   /* same root, ASID 1 */
    ck_assert_uint_eq(run_load(), 0x2222);
}
END_TEST

START_TEST(clearing_sum_stops_s_access_to_user_page_immediately)
{
    uint64_t leaf = s_world(RWAD | PTE_U, 0);
    (void)leaf;
    ck_assert_int_eq(csr_write(h, CSR_SSTATUS, MSTATUS_SUM), 0);
    ck_assert_uint_eq(run_load(), 0x1111);
    uint64_t misses = h->stats.data_misses;
    ck_assert_int_eq(csr_write(h, CSR_SSTATUS, 0), 0);
    h->pc = RAM_BASE;
    env_run(e, 1);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->mcause, CAUSE_LOAD_PAGE_FAULT);
    ck_assert_uint_eq(h->mtval, DATA_VA);
    ck_assert_uint_eq(h->mepc, RAM_BASE);
    /* Setting SUM again finds the entry still cached in the SUM=1 set. */
    env_set_priv(e, PRV_S);
    ck_assert_int_eq(csr_write(h, CSR_SSTATUS, MSTATUS_SUM), 0);
    ck_assert_uint_eq(run_load(), 0x1111);
    ck_assert_uint_eq(h->stats.data_misses, misses);
}
END_TEST

START_TEST(clearing_mxr_stops_loads_from_execute_only_page)
{
    s_world(PTE_V | PTE_X | PTE_A, 0);
    ck_assert_int_eq(csr_write(h, CSR_SSTATUS, MSTATUS_MXR), 0);
    ck_assert_uint_eq(run_load(), 0x1111);
    ck_assert_int_eq(csr_write(h, CSR_SSTATUS, 0), 0);
    h->pc = RAM_BASE;
    env_run(e, 1);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->mcause, CAUSE_LOAD_PAGE_FAULT);
}
END_TEST

START_TEST(s_mode_tlb_entry_is_not_used_by_u_mode)
{
    uint64_t root = env_paging(e, SATP_MODE_SV39);
    pt_map(e, 3, root, RAM_BASE, RAM_BASE, 0, RWXAD);                       /* S code */
    pt_map(e, 3, root, RAM_BASE + 0x1000, RAM_BASE + 0x1000, 0, RWXAD | PTE_U);   /* U code */
    pt_map(e, 3, root, DATA_VA, DATA_PA, 0, RWAD);                          /* S data */
    const uint32_t prog[] = { i_ld(10, 11, 0) };
    put_prog(e, RAM_BASE, prog, 1);
    put_prog(e, RAM_BASE + 0x1000, prog, 1);
    put64(e, DATA_PA, 0x1111);
    h->x[11] = DATA_VA;
    h->mtvec = RAM_BASE + 0x3000;
    env_set_priv(e, PRV_S);
    h->pc = RAM_BASE;
    env_run(e, 1);
    ck_assert_uint_eq(h->x[10], 0x1111);
    env_set_priv(e, PRV_U);
    h->pc = RAM_BASE + 0x1000;
    h->x[10] = 0;
    env_run(e, 1);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->mcause, CAUSE_LOAD_PAGE_FAULT);
    ck_assert_uint_eq(h->mepc, RAM_BASE + 0x1000);
    ck_assert_uint_eq(h->x[10], 0);
}
END_TEST

START_TEST(mprv_toggle_switches_translation_of_m_loads)
{
    s_world(RWAD, 1);
    env_set_priv(e, PRV_M);
    ck_assert_int_eq(csr_write(h, CSR_MSTATUS, MSTATUS_MPRV | (1ull << MSTATUS_MPP_SHIFT)), 0);
    h->pc = RAM_BASE;
    env_run(e, 1);
    ck_assert_uint_eq(h->x[10], 0x1111);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_int_eq(csr_write(h, CSR_MSTATUS, 0), 0);
    h->pc = RAM_BASE;
    env_run(e, 1);   /* 0x40000000 is not physical memory */
    ck_assert_uint_eq(h->mcause, CAUSE_LOAD_ACCESS);
    ck_assert_uint_eq(h->mtval, DATA_VA);
}
END_TEST

START_TEST(pmp_change_applies_to_cached_translations_after_flush_all)
{
    /* 3.7.2: after writing PMP CSRs, M-mode executes SFENCE.VMA x0, x0 to resynchronise. */
    s_world(RWAD, 0);
    ck_assert_uint_eq(run_load(), 0x1111);
    env_set_priv(e, PRV_M);
    ck_assert_int_eq(csr_write(h, CSR_PMPADDR0 + 1, ~0ull), 0);
    /* entry 0: NAPOT 4 KiB over the data page, no permission; entry 1: everything RWX */
    ck_assert_int_eq(csr_write(h, CSR_PMPADDR0, (DATA_PA >> 2) | 0x1ff), 0);
    ck_assert_int_eq(csr_write(h, CSR_PMPCFG0, 0x1f18), 0);
    mmu_flush_all(h);
    env_set_priv(e, PRV_S);
    h->pc = RAM_BASE;
    env_run(e, 1);
    ck_assert_uint_eq(h->priv, PRV_M);
    ck_assert_uint_eq(h->mcause, CAUSE_LOAD_ACCESS);
    ck_assert_uint_eq(h->mtval, DATA_VA);
}
END_TEST

static Suite *mmu_suite(void)
{
    Suite *s = suite_create("mmu");
    TCase *t = tcase_create("mmu");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, sv39_4k_page_walks_three_levels);
    tcase_add_test(t, sv39_2m_megapage_maps_low_21_bits);
    tcase_add_test(t, sv39_1g_gigapage_maps_low_30_bits);
    tcase_add_test(t, sv39_upper_half_addresses_are_sign_extended);
    tcase_add_test(t, sv48_walks_4k_2m_1g_and_512g_pages);
    tcase_add_test(t, sv57_walks_4k_2m_1g_512g_and_256t_pages);
    tcase_add_test(t, bare_mode_and_m_mode_do_not_translate);
    tcase_add_test(t, read_only_page_allows_only_reads);
    tcase_add_test(t, execute_only_page_is_readable_only_with_mxr);
    tcase_add_test(t, read_write_page_is_not_executable);
    tcase_add_test(t, user_page_from_s_needs_sum_and_is_never_executable);
    tcase_add_test(t, supervisor_page_from_u_always_faults);
    tcase_add_test(t, mprv_makes_m_loads_and_stores_use_mpp);
    tcase_add_test(t, invalid_pte_faults_with_cause_per_access_type);
    tcase_add_test(t, write_without_read_pte_faults_even_for_fetch);
    tcase_add_test(t, pointer_pte_at_level_0_faults);
    tcase_add_test(t, misaligned_superpage_faults);
    tcase_add_test(t, pte_with_reserved_high_bits_faults);
    tcase_add_test(t, sv39_nonleaf_pte_with_a_d_or_u_set_faults);
    tcase_add_test(t, non_canonical_addresses_fault_for_each_mode);
    tcase_add_test(t, page_table_outside_memory_raises_access_fault);
    tcase_add_test(t, slow_paths_stage_page_fault_with_va_in_tval);
    tcase_add_test(t, amo_translation_checks_alignment_write_permission_and_rom);
    tcase_add_test(t, without_pmp_entries_s_and_u_accesses_fail_and_m_accesses_succeed);
    tcase_add_test(t, pmp_checks_the_page_walk_as_an_access_fault_of_the_original_type);
    tcase_add_test(t, pmp_checks_the_translated_address);
    tcase_add_test(t, locked_pmp_entry_binds_m_mode);
    tcase_add_test(t, load_sets_a_store_sets_a_and_d_in_ram);
    tcase_add_test(t, fetch_sets_a_but_not_d);
    tcase_add_test(t, translate_without_update_ad_leaves_pte_unchanged);
    tcase_add_test(t, superpage_store_sets_a_and_d_in_the_leaf);
    tcase_add_test(t, misaligned_store_across_pages_faults_on_second_page_with_its_address);
    tcase_add_test(t, misaligned_access_faulting_on_first_page_reports_the_address);
    tcase_add_test(t, misaligned_access_splits_across_discontiguous_pages);
    tcase_add_test(t, tlb_refill_then_hit_counts_one_miss);
    tcase_add_test(t, changed_pte_without_flush_may_keep_old_mapping_until_flush_va);
    tcase_add_test(t, flush_va_of_another_page_keeps_the_entry);
    tcase_add_test(t, flush_all_drops_every_entry);
    tcase_add_test(t, flush_va_anywhere_in_a_superpage_drops_its_entries);
    tcase_add_test(t, satp_write_flushes_the_tlb);
    tcase_add_test(t, clearing_sum_stops_s_access_to_user_page_immediately);
    tcase_add_test(t, clearing_mxr_stops_loads_from_execute_only_page);
    tcase_add_test(t, s_mode_tlb_entry_is_not_used_by_u_mode);
    tcase_add_test(t, mprv_toggle_switches_translation_of_m_loads);
    tcase_add_test(t, pmp_change_applies_to_cached_translations_after_flush_all);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(mmu_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
