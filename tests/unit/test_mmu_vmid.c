/* Unit tests for the VMID slots of src/mem/mmu.c: a guest's (V=1) translations kept per hgatp and
 * vsatp value across world switches, and what each fence drops (privileged spec, "Hypervisor
 * Extension": hgatp, "Hypervisor Virtual-Machine Memory-Management Fence Instructions", SFENCE.VMA
 * with V=0 and V=1). Whether an entry is kept is counted in TLB refills (stats.data_misses): the
 * spec lets a hart drop entries at any time, so only these tests, not the ISA tests, pin it. */
#include <check.h>
#include <stdint.h>

#include "unit_helpers.h"

#define GPTE (PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)   /* a G-stage leaf: U=1 */
#define DATA_GPA 0x40000000ull
#define G_ROOTS (RAM_BASE + 0x400000)   /* 16 KiB-aligned Sv39x4 roots, one per VM */
#define DATA_HPA(vm, k) (RAM_BASE + 0x200000 + (uint64_t)(vm) * 0x10000 + (uint64_t)(k) * 0x1000)

static struct env *e;
static struct hart *h;

static void setup(void)
{
    e = env_new_ext(EXT_DEFAULT | EXT_H);
    h = e->h;
    env_pmp_allow_all(e);
    h->mtvec = RAM_BASE + 0x3000;
    h->stvec = RAM_BASE + 0x3000;
}
static void teardown(void) { env_free(e); }

static uint64_t g_root(unsigned vm) { return G_ROOTS + vm * 0x4000ull; }
static uint64_t hgatp_of(unsigned vm, unsigned vmid)
{
    return ((uint64_t)SATP_MODE_SV39 << 60) | ((uint64_t)vmid << 44) | (g_root(vm) >> 12);
}

/* VM `vm`'s G stage: RAM identity-mapped by a gigapage (code, VS page tables), and DATA_GPA + k
 * pages -> DATA_HPA(vm, k), each holding 0x1000 * vm + k. */
static void make_vm(unsigned vm)
{
    pt_map(e, 3, g_root(vm), RAM_BASE, RAM_BASE, 2, GPTE);
    for (unsigned k = 0; k < 4; k++) {
        pt_map(e, 3, g_root(vm), DATA_GPA + k * 0x1000ull, DATA_HPA(vm, k), 0, GPTE);
        put64(e, DATA_HPA(vm, k), 0x1000ull * vm + k);
    }
}
static uint64_t g_leaf(unsigned vm, unsigned k)
{
    /* pt_map returns the existing leaf's address when it maps the same page again. */
    return pt_map(e, 3, g_root(vm), DATA_GPA + k * 0x1000ull, DATA_HPA(vm, k), 0, GPTE);
}

/* HS-mode (V=0, S): write hgatp and vsatp as a hypervisor's world switch does. */
static void to_hs(void)
{
    h->virt = false;
    env_set_priv(e, PRV_S);
}
static void switch_to(unsigned vm, unsigned vmid)
{
    to_hs();
    ck_assert_int_eq(csr_write(h, CSR_HGATP, hgatp_of(vm, vmid)), 0);
}

/* A load of DATA_GPA + page k in VS-mode (vsatp Bare): one `ld a0, 0(a1)`. */
static uint64_t vs_load(unsigned k)
{
    const uint32_t prog[] = { i_ld(10, 11, 0) };
    put_prog(e, RAM_BASE, prog, 1);
    h->virt = true;
    env_set_priv(e, PRV_S);
    h->pc = RAM_BASE;
    h->x[10] = ~0ull;
    h->x[11] = DATA_GPA + k * 0x1000ull;
    ck_assert_uint_eq(env_run(e, 1), 1);
    ck_assert_msg(h->virt && h->priv == PRV_S, "the load trapped: cause 0x%llx", (unsigned long long)h->scause);
    return h->x[10];
}

/* One HS-mode instruction (an HFENCE or sfence.vma) with a1 = rs1_val and a2 = rs2_val. */
static void hs_exec(uint32_t insn, uint64_t rs1_val, uint64_t rs2_val)
{
    put32(e, RAM_BASE + 0x100, insn);
    to_hs();
    h->pc = RAM_BASE + 0x100;
    h->x[11] = rs1_val;
    h->x[12] = rs2_val;
    ck_assert_uint_eq(env_run(e, 1), 1);
    ck_assert_uint_eq(h->pc, RAM_BASE + 0x104);
}
/* HFENCE.VVMA / HFENCE.GVMA / SFENCE.VMA rs1, rs2 (rs = 0 for x0, else a1 / a2). */
static uint32_t fence_insn(uint32_t funct7, bool rs1, bool rs2)
{
    return (funct7 << 25) | ((rs2 ? 12u : 0u) << 20) | ((rs1 ? 11u : 0u) << 15) | 0x73u;
}
#define HFENCE_VVMA 0x11u
#define HFENCE_GVMA 0x31u
#define SFENCE_VMA 0x09u

START_TEST(switching_hgatp_between_two_vmids_keeps_both_vms_translations)
{
    make_vm(1);
    make_vm(2);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    switch_to(2, 6);
    ck_assert_uint_eq(vs_load(0), 0x2000);
    uint64_t data = h->stats.data_misses, fetch = h->stats.fetch_misses;
    ck_assert_uint_eq(data, 2);
    for (int round = 0; round < 3; round++) {
        switch_to(1, 5);
        ck_assert_uint_eq(vs_load(0), 0x1000);
        switch_to(2, 6);
        ck_assert_uint_eq(vs_load(0), 0x2000);
    }
    ck_assert_uint_eq(h->stats.data_misses, data);   /* no walk: each VM's entries were kept */
    ck_assert_uint_eq(h->stats.fetch_misses, fetch);
}
END_TEST

START_TEST(hfence_gvma_with_a_vmid_drops_only_that_vms_entries)
{
    make_vm(1);
    make_vm(2);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    switch_to(2, 6);
    ck_assert_uint_eq(vs_load(0), 0x2000);
    /* Both VMs' G-stage leaves now point at page 3 of their VM; only VMID 5 is fenced. */
    put64(e, g_leaf(1, 0), pte_make(DATA_HPA(1, 3), GPTE));
    put64(e, g_leaf(2, 0), pte_make(DATA_HPA(2, 3), GPTE));
    hs_exec(fence_insn(HFENCE_GVMA, false, true), 0, 5);
    uint64_t misses = h->stats.data_misses;
    ck_assert_uint_eq(vs_load(0), 0x2000);           /* VMID 6 (current) kept its entry */
    ck_assert_uint_eq(h->stats.data_misses, misses);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1003);           /* VMID 5 walked again */
    ck_assert_uint_eq(h->stats.data_misses, misses + 1);
}
END_TEST

START_TEST(hfence_gvma_with_x0_drops_every_vms_entries)
{
    make_vm(1);
    make_vm(2);
    switch_to(1, 5);
    vs_load(0);
    switch_to(2, 6);
    vs_load(0);
    put64(e, g_leaf(1, 0), pte_make(DATA_HPA(1, 3), GPTE));
    put64(e, g_leaf(2, 0), pte_make(DATA_HPA(2, 3), GPTE));
    hs_exec(fence_insn(HFENCE_GVMA, true, false), DATA_GPA >> 2, 0);   /* rs1 = a GPA: still all */
    ck_assert_uint_eq(vs_load(0), 0x2003);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1003);
}
END_TEST

START_TEST(hfence_vvma_drops_the_current_vmids_entries_only)
{
    make_vm(1);
    make_vm(2);
    switch_to(1, 5);
    vs_load(0);
    switch_to(2, 6);
    vs_load(0);
    put64(e, g_leaf(1, 0), pte_make(DATA_HPA(1, 3), GPTE));
    put64(e, g_leaf(2, 0), pte_make(DATA_HPA(2, 3), GPTE));
    switch_to(1, 5);
    hs_exec(fence_insn(HFENCE_VVMA, false, false), 0, 0);   /* VMID 5: hgatp's now */
    ck_assert_uint_eq(vs_load(0), 0x1003);
    uint64_t misses = h->stats.data_misses;
    switch_to(2, 6);
    ck_assert_uint_eq(vs_load(0), 0x2000);
    ck_assert_uint_eq(h->stats.data_misses, misses);
}
END_TEST

START_TEST(hfence_vvma_with_an_address_drops_that_page_only)
{
    make_vm(1);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    ck_assert_uint_eq(vs_load(1), 0x1001);
    put64(e, g_leaf(1, 0), pte_make(DATA_HPA(1, 3), GPTE));
    put64(e, g_leaf(1, 1), pte_make(DATA_HPA(1, 3), GPTE));
    hs_exec(fence_insn(HFENCE_VVMA, true, false), DATA_GPA + 0x1008, 0);
    ck_assert_uint_eq(vs_load(1), 0x1003);
    ck_assert_uint_eq(vs_load(0), 0x1000);           /* another page: kept */
}
END_TEST

START_TEST(sfence_vma_in_vs_mode_drops_its_own_vmid_only)
{
    make_vm(1);
    make_vm(2);
    switch_to(2, 6);
    ck_assert_uint_eq(vs_load(0), 0x2000);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    put64(e, g_leaf(1, 0), pte_make(DATA_HPA(1, 3), GPTE));
    put64(e, g_leaf(2, 0), pte_make(DATA_HPA(2, 3), GPTE));
    /* sfence.vma x0, x0 in VS-mode (VMID 5) */
    put32(e, RAM_BASE + 0x100, fence_insn(SFENCE_VMA, false, false));
    h->virt = true;
    env_set_priv(e, PRV_S);
    h->pc = RAM_BASE + 0x100;
    ck_assert_uint_eq(env_run(e, 1), 1);
    ck_assert_uint_eq(h->pc, RAM_BASE + 0x104);
    ck_assert_uint_eq(vs_load(0), 0x1003);
    switch_to(2, 6);
    ck_assert_uint_eq(vs_load(0), 0x2000);
}
END_TEST

START_TEST(hs_satp_writes_and_sfence_vma_keep_guest_translations)
{
    /* With V=0 both order HS-level translations only ("Hypervisor Extension", SFENCE.VMA). */
    make_vm(1);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    uint64_t misses = h->stats.data_misses;
    to_hs();
    uint64_t root = pt_alloc(e);
    pt_map(e, 3, root, RAM_BASE, RAM_BASE, 2, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);
    ck_assert_int_eq(csr_write(h, CSR_SATP, ((uint64_t)SATP_MODE_SV39 << 60) | (root >> 12)), 0);
    hs_exec(fence_insn(SFENCE_VMA, false, false), 0, 0);
    hs_exec(fence_insn(SFENCE_VMA, true, false), DATA_GPA, 0);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    ck_assert_uint_eq(h->stats.data_misses, misses);
}
END_TEST

START_TEST(same_vmid_with_another_root_does_not_use_the_old_roots_entries)
{
    /* A VMID reused without HFENCE.GVMA may see stale entries on hardware; vhart keys its slots by
     * the whole hgatp, so a new root is walked afresh. */
    make_vm(1);
    make_vm(2);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    switch_to(2, 5);
    ck_assert_uint_eq(vs_load(0), 0x2000);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1000);
}
END_TEST

START_TEST(a_fifth_key_empties_the_least_recently_selected_slot)
{
    ck_assert_uint_eq(TLB_VSLOTS, 4);
    for (unsigned vm = 1; vm <= 5; vm++) make_vm(vm);
    for (unsigned vm = 1; vm <= 4; vm++) {
        switch_to(vm, vm);
        ck_assert_uint_eq(vs_load(0), 0x1000ull * vm);
    }
    ck_assert_uint_eq(h->stats.data_misses, 4);
    switch_to(1, 1);                                 /* 1 is now the most recent: 2 the least */
    ck_assert_uint_eq(vs_load(0), 0x1000);
    switch_to(5, 5);
    ck_assert_uint_eq(vs_load(0), 0x5000);
    ck_assert_uint_eq(h->stats.data_misses, 5);
    unsigned kept[] = { 1, 3, 4, 5 };
    for (unsigned i = 0; i < 4; i++) {
        switch_to(kept[i], kept[i]);
        ck_assert_uint_eq(vs_load(0), 0x1000ull * kept[i]);
    }
    ck_assert_uint_eq(h->stats.data_misses, 5);
    switch_to(2, 2);                                 /* evicted: walked again */
    ck_assert_uint_eq(vs_load(0), 0x2000);
    ck_assert_uint_eq(h->stats.data_misses, 6);
}
END_TEST

START_TEST(vsatp_is_part_of_the_key)
{
    /* vsatp Sv39 mapping guest VA DATA_GPA to GPA page 2; vsatp Bare: to page 0 (identity). */
    make_vm(1);
    uint64_t vs_root = RAM_BASE + 0x500000;   /* guest physical = host physical (identity in G) */
    pt_map(e, 3, vs_root, RAM_BASE, RAM_BASE, 2, PTE_V | PTE_R | PTE_X | PTE_A);
    pt_map(e, 3, vs_root, DATA_GPA, DATA_GPA + 0x2000, 0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);
    switch_to(1, 5);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    uint64_t vsatp1 = ((uint64_t)SATP_MODE_SV39 << 60) | (1ull << 44) | (vs_root >> 12);   /* ASID 1 */
    to_hs();
    ck_assert_int_eq(csr_write(h, CSR_VSATP, vsatp1), 0);
    ck_assert_uint_eq(vs_load(0), 0x1002);
    uint64_t misses = h->stats.data_misses;
    /* The guest's own satp writes (VS-mode: vsatp) switch slots too. */
    ck_assert_int_eq(csr_write(h, CSR_SATP, 0), 0);
    ck_assert_uint_eq(h->vsatp, 0);
    ck_assert_uint_eq(vs_load(0), 0x1000);
    ck_assert_int_eq(csr_write(h, CSR_SATP, vsatp1), 0);
    ck_assert_uint_eq(vs_load(0), 0x1002);
    ck_assert_uint_eq(h->stats.data_misses, misses);
    /* HFENCE.VVMA of another ASID leaves ASID 1's slot alone; of ASID 1 it empties it. */
    put64(e, g_leaf(1, 2), pte_make(DATA_HPA(1, 3), GPTE));
    hs_exec(fence_insn(HFENCE_VVMA, false, true), 0, 2);
    ck_assert_uint_eq(vs_load(0), 0x1002);
    hs_exec(fence_insn(HFENCE_VVMA, false, true), 0, 1);
    ck_assert_uint_eq(vs_load(0), 0x1003);
}
END_TEST

START_TEST(mstatus_mxr_change_empties_every_slot)
{
    make_vm(1);
    make_vm(2);
    switch_to(1, 5);
    vs_load(0);
    switch_to(2, 6);
    vs_load(0);
    uint64_t misses = h->stats.data_misses;
    h->virt = false;
    env_set_priv(e, PRV_M);
    ck_assert_int_eq(csr_write(h, CSR_MSTATUS, h->mstatus | MSTATUS_MXR), 0);
    ck_assert_int_eq(csr_write(h, CSR_MSTATUS, h->mstatus & ~MSTATUS_MXR), 0);
    vs_load(0);
    switch_to(1, 5);
    vs_load(0);
    ck_assert_uint_eq(h->stats.data_misses, misses + 2);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("mmu_vmid");
    TCase *t = tcase_create("vmid");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, switching_hgatp_between_two_vmids_keeps_both_vms_translations);
    tcase_add_test(t, hfence_gvma_with_a_vmid_drops_only_that_vms_entries);
    tcase_add_test(t, hfence_gvma_with_x0_drops_every_vms_entries);
    tcase_add_test(t, hfence_vvma_drops_the_current_vmids_entries_only);
    tcase_add_test(t, hfence_vvma_with_an_address_drops_that_page_only);
    tcase_add_test(t, sfence_vma_in_vs_mode_drops_its_own_vmid_only);
    tcase_add_test(t, hs_satp_writes_and_sfence_vma_keep_guest_translations);
    tcase_add_test(t, same_vmid_with_another_root_does_not_use_the_old_roots_entries);
    tcase_add_test(t, a_fifth_key_empties_the_least_recently_selected_slot);
    tcase_add_test(t, vsatp_is_part_of_the_key);
    tcase_add_test(t, mstatus_mxr_change_empties_every_slot);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
