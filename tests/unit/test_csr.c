/* Unit tests for src/cpu/csr.c: access rules and WARL legalisation of every CSR (privileged spec 1.12,
 * 2.1-2.2, 3.1, 3.7 PMP, 4.1; unprivileged 20191213 ch. 10 counters and 11.2 fcsr). */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "unit_helpers.h"

#define UXL_SXL ((2ull << 32) | (2ull << 34))

static struct env *e;
static struct hart *h;

static void setup(void)
{
    e = env_new();
    h = e->h;
}
static void teardown(void) { env_free(e); }

static uint64_t rd(unsigned csr)
{
    uint64_t v = 0xdeadbeef;
    ck_assert_msg(csr_read(h, csr, &v) == 0, "read of 0x%03x failed at priv %u", csr, h->priv);
    return v;
}
static void wr(unsigned csr, uint64_t v)
{
    ck_assert_msg(csr_write(h, csr, v) == 0, "write of 0x%03x failed at priv %u", csr, h->priv);
}
static void expect_illegal_read(unsigned csr)
{
    uint64_t v;
    ck_assert_msg(csr_read(h, csr, &v) == CAUSE_ILLEGAL_INSN, "read of 0x%03x allowed at priv %u", csr, h->priv);
    ck_assert_int_eq(csr_check_access(h, csr, false), CAUSE_ILLEGAL_INSN);
}
static void expect_illegal_write(unsigned csr)
{
    ck_assert_msg(csr_write(h, csr, 0) == CAUSE_ILLEGAL_INSN, "write of 0x%03x allowed at priv %u", csr, h->priv);
    ck_assert_int_eq(csr_check_access(h, csr, true), CAUSE_ILLEGAL_INSN);
}

/* ---- mstatus / sstatus ---- */

START_TEST(mstatus_reset_value_has_only_uxl_and_sxl)
{
    ck_assert_uint_eq(rd(CSR_MSTATUS), UXL_SXL);
}
END_TEST

START_TEST(mstatus_write_all_ones_sets_only_writable_fields)
{
    wr(CSR_MSTATUS, ~0ull);
    uint64_t want = MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPP |
                    MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | UXL_SXL;
    ck_assert_uint_eq(rd(CSR_MSTATUS), want);   /* no FS without F, UBE/SBE/MBE stay 0, SD clear */
    wr(CSR_MSTATUS, 0);
    ck_assert_uint_eq(rd(CSR_MSTATUS), UXL_SXL);   /* UXL/SXL are read-only 64-bit */
}
END_TEST

START_TEST(mstatus_mpp_reserved_value_2_keeps_old_mpp)
{
    wr(CSR_MSTATUS, 1ull << MSTATUS_MPP_SHIFT);
    ck_assert_uint_eq((rd(CSR_MSTATUS) & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_S);
    /* MPP = 2 is reserved: MPP keeps S, the other fields of the same write still apply. */
    wr(CSR_MSTATUS, (2ull << MSTATUS_MPP_SHIFT) | MSTATUS_MIE);
    ck_assert_uint_eq((rd(CSR_MSTATUS) & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_S);
    ck_assert_uint_eq(rd(CSR_MSTATUS) & MSTATUS_MIE, MSTATUS_MIE);
    wr(CSR_MSTATUS, 0);
    ck_assert_uint_eq(rd(CSR_MSTATUS) & MSTATUS_MPP, 0);
    wr(CSR_MSTATUS, 3ull << MSTATUS_MPP_SHIFT);
    ck_assert_uint_eq(rd(CSR_MSTATUS) & MSTATUS_MPP, MSTATUS_MPP);
}
END_TEST

START_TEST(mstatus_without_s_and_u_holds_only_m_in_mpp_and_zero_mprv_tw)
{
    /* 3.1.6.1: MPP can hold only implemented modes; 3.1.6.3: MPRV is read-only 0 without U;
     * 3.1.6.5: TW is read-only 0 when there are no modes below M. misa has neither S nor U here. */
    env_free(e);
    e = env_new_ext(EXT_I | EXT_M | EXT_ZICSR);
    h = e->h;
    ck_assert_uint_eq(rd(CSR_MISA) & ((1ull << ('S' - 'A')) | (1ull << ('U' - 'A'))), 0);
    wr(CSR_MSTATUS, MSTATUS_MPRV | MSTATUS_TW | (1ull << MSTATUS_MPP_SHIFT));
    ck_assert_uint_eq((rd(CSR_MSTATUS) & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_M);
    ck_assert_uint_eq(rd(CSR_MSTATUS) & (MSTATUS_MPRV | MSTATUS_TW), 0);
    wr(CSR_MSTATUS, 0);
    ck_assert_uint_eq((rd(CSR_MSTATUS) & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_M);
}
END_TEST

START_TEST(mstatus_fs_is_read_only_zero_without_f)
{
    wr(CSR_MSTATUS, MSTATUS_FS);
    ck_assert_uint_eq(rd(CSR_MSTATUS) & (MSTATUS_FS | MSTATUS_SD), 0);
}
END_TEST

START_TEST(mstatus_sd_summarises_dirty_fs_with_f)
{
    env_free(e);
    e = env_new_ext(EXT_DEFAULT | EXT_F | EXT_D);
    h = e->h;
    wr(CSR_MSTATUS, 1ull << MSTATUS_FS_SHIFT);   /* Initial */
    ck_assert_uint_eq(rd(CSR_MSTATUS) & (MSTATUS_FS | MSTATUS_SD), 1ull << MSTATUS_FS_SHIFT);
    wr(CSR_MSTATUS, MSTATUS_FS);                 /* Dirty */
    ck_assert_uint_eq(rd(CSR_MSTATUS) & (MSTATUS_FS | MSTATUS_SD), MSTATUS_FS | MSTATUS_SD);
    ck_assert_uint_eq(rd(CSR_SSTATUS) & (MSTATUS_FS | MSTATUS_SD), MSTATUS_FS | MSTATUS_SD);
    /* SD itself is read-only. */
    wr(CSR_MSTATUS, MSTATUS_SD);
    ck_assert_uint_eq(rd(CSR_MSTATUS) & MSTATUS_SD, 0);
}
END_TEST

START_TEST(sstatus_read_is_a_restricted_view_of_mstatus)
{
    wr(CSR_MSTATUS, ~0ull);
    uint64_t want = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | (2ull << 32);
    ck_assert_uint_eq(rd(CSR_SSTATUS), want);   /* no MIE, MPIE, MPP, MPRV, TVM, TW, TSR, SXL */
}
END_TEST

START_TEST(sstatus_write_changes_only_supervisor_fields)
{
    wr(CSR_MSTATUS, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_TSR);
    wr(CSR_SSTATUS, ~0ull);
    ck_assert_uint_eq(rd(CSR_MSTATUS), MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_TSR | MSTATUS_SIE | MSTATUS_SPIE |
                                           MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | UXL_SXL);
    wr(CSR_SSTATUS, 0);
    ck_assert_uint_eq(rd(CSR_MSTATUS), MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_TSR | UXL_SXL);
}
END_TEST

/* ---- delegation and interrupt registers ---- */

START_TEST(medeleg_keeps_only_delegable_causes_0xb3ff)
{
    wr(CSR_MEDELEG, ~0ull);
    ck_assert_uint_eq(rd(CSR_MEDELEG), 0xb3ff);   /* never 10, 11 (ecall from M), 14, >= 16 */
}
END_TEST

START_TEST(mideleg_keeps_only_supervisor_interrupts_0x222)
{
    wr(CSR_MIDELEG, ~0ull);
    ck_assert_uint_eq(rd(CSR_MIDELEG), 0x222);
}
END_TEST

START_TEST(mie_keeps_only_implemented_interrupts_0xaaa)
{
    wr(CSR_MIE, ~0ull);
    ck_assert_uint_eq(rd(CSR_MIE), 0xaaa);
}
END_TEST

START_TEST(mip_only_supervisor_bits_are_writable_from_m)
{
    hart_set_mip(h, MIP_MTIP | MIP_MSIP | MIP_MEIP, true);
    wr(CSR_MIP, 0);
    ck_assert_uint_eq(rd(CSR_MIP), MIP_MTIP | MIP_MSIP | MIP_MEIP);   /* device-driven, read-only */
    wr(CSR_MIP, ~0ull);
    ck_assert_uint_eq(rd(CSR_MIP), 0xaaa);
    wr(CSR_MIP, 0);
    ck_assert_uint_eq(rd(CSR_MIP), 0x888);
}
END_TEST

START_TEST(sie_is_mie_masked_by_mideleg)
{
    wr(CSR_MIE, 0xaaa);
    ck_assert_uint_eq(rd(CSR_SIE), 0);          /* nothing delegated: sie reads zero */
    wr(CSR_SIE, 0);
    ck_assert_uint_eq(rd(CSR_MIE), 0xaaa);      /* ... and writes do nothing */
    wr(CSR_MIDELEG, MIP_STIP);
    ck_assert_uint_eq(rd(CSR_SIE), MIP_STIP);
    wr(CSR_SIE, 0);
    ck_assert_uint_eq(rd(CSR_MIE), 0xaaa & ~MIP_STIP);
    wr(CSR_MIDELEG, 0x222);
    wr(CSR_SIE, ~0ull);
    ck_assert_uint_eq(rd(CSR_MIE), 0xaaa);
    ck_assert_uint_eq(rd(CSR_SIE), 0x222);
}
END_TEST

START_TEST(sip_is_mip_masked_by_mideleg_and_only_ssip_is_writable)
{
    hart_set_mip(h, MIP_STIP | MIP_SEIP | MIP_MTIP, true);
    ck_assert_uint_eq(rd(CSR_SIP), 0);
    wr(CSR_SIP, ~0ull);
    ck_assert_uint_eq(rd(CSR_MIP), MIP_STIP | MIP_SEIP | MIP_MTIP);   /* SSIP not delegated: no effect */
    wr(CSR_MIDELEG, 0x222);
    ck_assert_uint_eq(rd(CSR_SIP), MIP_STIP | MIP_SEIP);
    wr(CSR_SIP, ~0ull);
    ck_assert_uint_eq(rd(CSR_SIP), MIP_SSIP | MIP_STIP | MIP_SEIP);
    wr(CSR_SIP, 0);
    ck_assert_uint_eq(rd(CSR_SIP), MIP_STIP | MIP_SEIP);   /* STIP and SEIP are read-only in sip */
}
END_TEST

/* ---- trap vector and return addresses ---- */

START_TEST(mtvec_and_stvec_ignore_reserved_modes_2_and_3)
{
    const unsigned regs[] = { CSR_MTVEC, CSR_STVEC };
    for (unsigned i = 0; i < 2; i++) {
        wr(regs[i], 0x80000001ull);                      /* vectored */
        ck_assert_uint_eq(rd(regs[i]), 0x80000001ull);
        wr(regs[i], 0x80004002ull);
        ck_assert_uint_eq(rd(regs[i]), 0x80000001ull);
        wr(regs[i], 0x80004003ull);
        ck_assert_uint_eq(rd(regs[i]), 0x80000001ull);
        wr(regs[i], 0x80004000ull);                      /* direct */
        ck_assert_uint_eq(rd(regs[i]), 0x80004000ull);
    }
}
END_TEST

START_TEST(mepc_and_sepc_clear_bit_0)
{
    wr(CSR_MEPC, 0x80000003ull);
    ck_assert_uint_eq(rd(CSR_MEPC), 0x80000002ull);
    wr(CSR_SEPC, ~0ull);
    ck_assert_uint_eq(rd(CSR_SEPC), ~1ull);
}
END_TEST

START_TEST(mepc_reads_with_bit_1_masked_without_c)
{
    env_free(e);
    e = env_new_ext(EXT_DEFAULT & ~EXT_C);
    h = e->h;
    wr(CSR_MEPC, 0x80000006ull);
    ck_assert_uint_eq(rd(CSR_MEPC), 0x80000004ull);
    wr(CSR_SEPC, 0x80000006ull);
    ck_assert_uint_eq(rd(CSR_SEPC), 0x80000004ull);
}
END_TEST

START_TEST(scratch_cause_and_tval_hold_any_value)
{
    const unsigned regs[] = { CSR_MSCRATCH, CSR_SSCRATCH, CSR_MCAUSE, CSR_SCAUSE, CSR_MTVAL, CSR_STVAL };
    for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
        wr(regs[i], 0x8000000000000005ull);
        ck_assert_uint_eq(rd(regs[i]), 0x8000000000000005ull);
    }
}
END_TEST

/* ---- satp ---- */

START_TEST(satp_write_with_unsupported_mode_has_no_effect)
{
    uint64_t sv39 = (8ull << 60) | (0x1234ull << 44) | 0x80123ull;
    wr(CSR_SATP, sv39);
    ck_assert_uint_eq(rd(CSR_SATP), sv39);
    const uint64_t bad[] = { 1, 2, 7, 11, 12, 15 };
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        wr(CSR_SATP, (bad[i] << 60) | 0x555ull);
        ck_assert_msg(rd(CSR_SATP) == sv39, "mode %llu changed satp", (unsigned long long)bad[i]);
    }
}
END_TEST

START_TEST(satp_accepts_bare_sv39_sv48_sv57)
{
    const uint64_t ok[] = { (9ull << 60) | 0x80001ull, (10ull << 60) | 0x80002ull, (8ull << 60) | 0x80003ull, 0 };
    for (unsigned i = 0; i < 4; i++) {
        wr(CSR_SATP, ok[i]);
        ck_assert_uint_eq(rd(CSR_SATP), ok[i]);
    }
}
END_TEST

START_TEST(satp_is_illegal_in_s_mode_when_tvm_is_set)
{
    h->priv = PRV_S;
    wr(CSR_SATP, 8ull << 60);
    ck_assert_uint_eq(rd(CSR_SATP), 8ull << 60);
    h->priv = PRV_M;
    wr(CSR_MSTATUS, MSTATUS_TVM);
    h->priv = PRV_S;
    expect_illegal_read(CSR_SATP);
    expect_illegal_write(CSR_SATP);
    rd(CSR_SSTATUS);   /* other S CSRs are unaffected */
    h->priv = PRV_M;
    ck_assert_uint_eq(rd(CSR_SATP), 8ull << 60);   /* M is never trapped by TVM */
}
END_TEST

/* ---- PMP (3.7) ---- */

START_TEST(pmpcfg_odd_numbers_are_illegal_on_rv64)
{
    for (unsigned n = 1; n < 16; n += 2) {
        expect_illegal_read(CSR_PMPCFG0 + n);
        expect_illegal_write(CSR_PMPCFG0 + n);
    }
    for (unsigned n = 0; n < 16; n += 2) ck_assert_uint_eq(rd(CSR_PMPCFG0 + n), 0);
}
END_TEST

START_TEST(pmpcfg_write_without_read_is_legalised)
{
    wr(CSR_PMPCFG0, 0x02);                 /* W only -> reserved, W cleared */
    ck_assert_uint_eq(rd(CSR_PMPCFG0), 0x00);
    wr(CSR_PMPCFG0, 0x0e);                 /* TOR with W|X but no R: W cleared */
    ck_assert_uint_eq(rd(CSR_PMPCFG0), 0x0c);
    wr(CSR_PMPCFG0, 0x03);
    ck_assert_uint_eq(rd(CSR_PMPCFG0), 0x03);
    wr(CSR_PMPCFG0, 0x60);                 /* bits 6:5 are reserved zero */
    ck_assert_uint_eq(rd(CSR_PMPCFG0), 0x00);
}
END_TEST

START_TEST(pmpcfg2_holds_entries_8_to_15)
{
    wr(CSR_PMPCFG0 + 2, 0x0f0d0b0907050301ull);
    ck_assert_uint_eq(rd(CSR_PMPCFG0 + 2), 0x0f0d0b0907050301ull);
    ck_assert_uint_eq(rd(CSR_PMPCFG0), 0);
    ck_assert_uint_eq(h->pmpcfg[8], 0x01);
    ck_assert_uint_eq(h->pmpcfg[15], 0x0f);
}
END_TEST

START_TEST(pmpcfg_locked_entry_ignores_writes)
{
    wr(CSR_PMPCFG0, 0x0000000000008119ull);   /* entry 0 = NAPOT|R, entry 1 = L|R */
    wr(CSR_PMPCFG0, 0x0303030303030303ull);
    ck_assert_uint_eq(rd(CSR_PMPCFG0), 0x0303030303038103ull);
    wr(CSR_PMPADDR0 + 1, 0x1234);
    ck_assert_uint_eq(rd(CSR_PMPADDR0 + 1), 0);   /* locked entry's address too */
    wr(CSR_PMPADDR0 + 2, 0x1234);
    ck_assert_uint_eq(rd(CSR_PMPADDR0 + 2), 0x1234);
}
END_TEST

START_TEST(pmpaddr_below_locked_tor_entry_ignores_writes)
{
    wr(CSR_PMPADDR0, 0x100);
    wr(CSR_PMPCFG0, 0x8800ull);                /* entry 1 = L | A=TOR */
    wr(CSR_PMPADDR0, 0x200);
    ck_assert_uint_eq(rd(CSR_PMPADDR0), 0x100);
    /* A locked NAPOT entry does not protect the previous address. */
    wr(CSR_PMPADDR0 + 3, 0x300);
    wr(CSR_PMPCFG0, 0x98000000ull);            /* entry 3 = L | NAPOT */
    wr(CSR_PMPADDR0 + 2, 0x400);
    ck_assert_uint_eq(rd(CSR_PMPADDR0 + 2), 0x400);
}
END_TEST

START_TEST(pmpaddr_keeps_54_bits)
{
    wr(CSR_PMPADDR0 + 63, ~0ull);
    ck_assert_uint_eq(rd(CSR_PMPADDR0 + 63), (1ull << 54) - 1);
}
END_TEST

/* ---- counters (3.1.10-3.1.13, unpriv ch. 10) ---- */

START_TEST(counters_are_gated_by_mcounteren_from_s)
{
    h->priv = PRV_S;
    expect_illegal_read(CSR_CYCLE);
    expect_illegal_read(CSR_TIME);
    expect_illegal_read(CSR_INSTRET);
    expect_illegal_read(CSR_HPMCOUNTER3);
    h->priv = PRV_M;
    wr(CSR_MCOUNTEREN, 0x2);   /* TM only */
    h->priv = PRV_S;
    e->fake_time = 12345;
    ck_assert_uint_eq(rd(CSR_TIME), 12345);
    expect_illegal_read(CSR_CYCLE);
    expect_illegal_read(CSR_INSTRET);
}
END_TEST

START_TEST(counters_in_u_need_mcounteren_and_scounteren)
{
    h->priv = PRV_M;
    wr(CSR_MCOUNTEREN, 0x5);           /* CY, IR */
    h->priv = PRV_U;
    expect_illegal_read(CSR_CYCLE);    /* scounteren still 0 */
    h->priv = PRV_S;
    wr(CSR_SCOUNTEREN, 0x7);
    rd(CSR_CYCLE);
    h->priv = PRV_U;
    rd(CSR_CYCLE);
    rd(CSR_INSTRET);
    expect_illegal_read(CSR_TIME);     /* mcounteren.TM = 0 wins */
    h->priv = PRV_M;
    wr(CSR_MCOUNTEREN, 0x8);           /* HPM3 */
    wr(CSR_SCOUNTEREN, 0x8);
    h->priv = PRV_U;
    ck_assert_uint_eq(rd(CSR_HPMCOUNTER3), 0);
    expect_illegal_read(CSR_HPMCOUNTER3 + 1);
}
END_TEST

START_TEST(counter_enables_keep_32_bits_and_mcountinhibit_all_but_tm)
{
    wr(CSR_MCOUNTEREN, ~0ull);
    ck_assert_uint_eq(rd(CSR_MCOUNTEREN), 0xffffffffull);
    wr(CSR_SCOUNTEREN, ~0ull);
    ck_assert_uint_eq(rd(CSR_SCOUNTEREN), 0xffffffffull);
    wr(CSR_MCOUNTINHIBIT, ~0ull);
    ck_assert_uint_eq(rd(CSR_MCOUNTINHIBIT), 0xfffffffdull);   /* CY, IR, HPM3-31; TM is zero */
}
END_TEST

START_TEST(user_counters_are_read_only_even_in_m)
{
    expect_illegal_write(CSR_CYCLE);
    expect_illegal_write(CSR_TIME);
    expect_illegal_write(CSR_INSTRET);
    expect_illegal_write(CSR_HPMCOUNTER31);
    wr(CSR_MINSTRET, 77);
    ck_assert_uint_eq(rd(CSR_INSTRET), 77);
    ck_assert_uint_eq(h->instret_skip, 1);
    wr(CSR_MCYCLE, 88);
    ck_assert_uint_eq(rd(CSR_CYCLE), 88);
    ck_assert_uint_eq(h->cycle_skip, 1);
}
END_TEST

START_TEST(hpm_counters_hold_writes_and_events_keep_known_selectors)
{
    wr(CSR_MHPMCOUNTER3, 5);
    ck_assert_uint_eq(rd(CSR_MHPMCOUNTER3), 5);
    ck_assert_uint_eq(rd(CSR_HPMCOUNTER3), 5);
    wr(CSR_MHPMEVENT31, 5);   /* not one of vhart's events (pmu.h): WARL 0 */
    ck_assert_uint_eq(rd(CSR_MHPMEVENT31), 0);
    wr(CSR_MHPMEVENT31, 4);
    ck_assert_uint_eq(rd(CSR_MHPMEVENT31), 4);
}
END_TEST

/* ---- privilege and read-only rules (2.1) ---- */

START_TEST(csr_privilege_comes_from_bits_9_8)
{
    h->priv = PRV_S;
    expect_illegal_read(CSR_MSTATUS);
    expect_illegal_read(CSR_MSCRATCH);
    expect_illegal_read(CSR_MHARTID);
    rd(CSR_SSTATUS);
    rd(CSR_SSCRATCH);
    h->priv = PRV_U;
    expect_illegal_read(CSR_SSTATUS);
    expect_illegal_read(CSR_SATP);
    expect_illegal_read(CSR_MEPC);
}
END_TEST

START_TEST(read_only_csrs_reject_writes)
{
    expect_illegal_write(CSR_MVENDORID);
    expect_illegal_write(CSR_MARCHID);
    expect_illegal_write(CSR_MIMPID);
    expect_illegal_write(CSR_MHARTID);
    expect_illegal_write(CSR_MCONFIGPTR);
    ck_assert_uint_eq(rd(CSR_MVENDORID), 0);
    ck_assert_uint_eq(rd(CSR_MCONFIGPTR), 0);
}
END_TEST

START_TEST(mhartid_reads_the_reset_hartid)
{
    hart_reset(h, 5, RAM_BASE, EXT_DEFAULT);
    ck_assert_uint_eq(rd(CSR_MHARTID), 5);
}
END_TEST

START_TEST(misa_reports_rv64_and_extensions_and_ignores_writes)
{
    uint64_t want = (2ull << 62) | (1ull << ('I' - 'A')) | (1ull << ('M' - 'A')) | (1ull << ('A' - 'A')) |
                    (1ull << ('C' - 'A')) | (1ull << ('S' - 'A')) | (1ull << ('U' - 'A'));
    ck_assert_uint_eq(rd(CSR_MISA), want);
    wr(CSR_MISA, 0);
    ck_assert_uint_eq(rd(CSR_MISA), want);
}
END_TEST

START_TEST(unimplemented_csr_numbers_are_illegal)
{
    expect_illegal_read(0x7c0);
    expect_illegal_read(0x5c0);
    expect_illegal_read(0x800);
    expect_illegal_read(0xfff);
    expect_illegal_write(0x7b0);   /* dcsr: debug mode only */
}
END_TEST

START_TEST(supervisor_csrs_and_delegation_absent_without_s)
{
    env_free(e);
    e = env_new_ext(EXT_I | EXT_M | EXT_ZICSR);
    h = e->h;
    expect_illegal_read(CSR_SSTATUS);
    expect_illegal_read(CSR_SATP);
    expect_illegal_read(CSR_MEDELEG);
    expect_illegal_read(CSR_MIDELEG);
    rd(CSR_MSTATUS);
}
END_TEST

/* ---- floating-point CSRs (unpriv 11.2) ---- */

START_TEST(fflags_frm_fcsr_absent_without_f)
{
    expect_illegal_read(CSR_FFLAGS);
    expect_illegal_read(CSR_FRM);
    expect_illegal_read(CSR_FCSR);
    expect_illegal_write(CSR_FCSR);
}
END_TEST

START_TEST(fcsr_is_illegal_while_fs_is_off_and_dirties_fs)
{
    env_free(e);
    e = env_new_ext(EXT_DEFAULT | EXT_F | EXT_D);
    h = e->h;
    expect_illegal_read(CSR_FCSR);              /* FS = Off */
    wr(CSR_MSTATUS, 1ull << MSTATUS_FS_SHIFT);
    wr(CSR_FCSR, 0xff);
    ck_assert_uint_eq(rd(CSR_FFLAGS), 0x1f);
    ck_assert_uint_eq(rd(CSR_FRM), 7);
    ck_assert_uint_eq(rd(CSR_FCSR), 0xff);
    ck_assert_uint_eq(rd(CSR_MSTATUS) & MSTATUS_FS, MSTATUS_FS);
    wr(CSR_FFLAGS, 0xffff);
    ck_assert_uint_eq(rd(CSR_FFLAGS), 0x1f);
    wr(CSR_FRM, 2);
    ck_assert_uint_eq(rd(CSR_FCSR), (2 << 5) | 0x1f);
}
END_TEST

/* ---- envcfg ---- */

START_TEST(menvcfg_fiom_is_writable_and_cbo_fields_need_their_extension)
{
    wr(CSR_MENVCFG, ENVCFG_FIOM | ENVCFG_CBIE | ENVCFG_CBCFE | ENVCFG_CBZE);
    ck_assert_uint_eq(rd(CSR_MENVCFG) & ~ENVCFG_STCE, ENVCFG_FIOM);
    env_free(e);
    e = env_new_ext(EXT_DEFAULT | EXT_ZICBOM | EXT_ZICBOZ);
    h = e->h;
    wr(CSR_MENVCFG, ENVCFG_FIOM | ENVCFG_CBIE | ENVCFG_CBCFE | ENVCFG_CBZE);
    ck_assert_uint_eq(rd(CSR_MENVCFG) & ~ENVCFG_STCE, ENVCFG_FIOM | ENVCFG_CBIE | ENVCFG_CBCFE | ENVCFG_CBZE);
    /* CBIE = 2 is reserved: the field keeps its value. */
    wr(CSR_MENVCFG, 2ull << 4);
    ck_assert_uint_eq(rd(CSR_MENVCFG) & ENVCFG_CBIE, ENVCFG_CBIE);
    wr(CSR_SENVCFG, ENVCFG_CBZE);
    ck_assert_uint_eq(rd(CSR_SENVCFG), ENVCFG_CBZE);
}
END_TEST

/* ---- names ---- */

START_TEST(csr_name_and_csr_number_round_trip)
{
    char buf[32];
    int named = 0;
    for (unsigned csr = 0; csr < 0x1000; csr++) {
        const char *n = csr_name(csr, buf, sizeof(buf));
        if (!n) continue;
        named++;
        char copy[32];
        snprintf(copy, sizeof(copy), "%s", n);
        ck_assert_msg(csr_number(copy) == (int)csr, "%s -> %d, want 0x%03x", copy, csr_number(copy), csr);
    }
    ck_assert_int_gt(named, 150);
    ck_assert_str_eq(csr_name(CSR_MSTATUS, buf, sizeof(buf)), "mstatus");
    ck_assert_str_eq(csr_name(CSR_PMPADDR0 + 3, buf, sizeof(buf)), "pmpaddr3");
    ck_assert_str_eq(csr_name(CSR_PMPCFG0 + 14, buf, sizeof(buf)), "pmpcfg14");
    ck_assert_str_eq(csr_name(CSR_HPMCOUNTER3, buf, sizeof(buf)), "hpmcounter3");
    ck_assert_str_eq(csr_name(CSR_MHPMCOUNTER31, buf, sizeof(buf)), "mhpmcounter31");
    ck_assert_str_eq(csr_name(CSR_MHPMEVENT3, buf, sizeof(buf)), "mhpmevent3");
    ck_assert_int_eq(csr_number("satp"), CSR_SATP);
    ck_assert_int_eq(csr_number("pmpaddr63"), CSR_PMPADDR63);
    ck_assert_int_eq(csr_number("nosuchcsr"), -1);
    ck_assert_ptr_null(csr_name(0x7c0, buf, sizeof(buf)));
}
END_TEST

static Suite *csr_suite(void)
{
    Suite *s = suite_create("csr");
    TCase *t = tcase_create("csr");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, mstatus_reset_value_has_only_uxl_and_sxl);
    tcase_add_test(t, mstatus_write_all_ones_sets_only_writable_fields);
    tcase_add_test(t, mstatus_mpp_reserved_value_2_keeps_old_mpp);
    tcase_add_test(t, mstatus_without_s_and_u_holds_only_m_in_mpp_and_zero_mprv_tw);
    tcase_add_test(t, mstatus_fs_is_read_only_zero_without_f);
    tcase_add_test(t, mstatus_sd_summarises_dirty_fs_with_f);
    tcase_add_test(t, sstatus_read_is_a_restricted_view_of_mstatus);
    tcase_add_test(t, sstatus_write_changes_only_supervisor_fields);
    tcase_add_test(t, medeleg_keeps_only_delegable_causes_0xb3ff);
    tcase_add_test(t, mideleg_keeps_only_supervisor_interrupts_0x222);
    tcase_add_test(t, mie_keeps_only_implemented_interrupts_0xaaa);
    tcase_add_test(t, mip_only_supervisor_bits_are_writable_from_m);
    tcase_add_test(t, sie_is_mie_masked_by_mideleg);
    tcase_add_test(t, sip_is_mip_masked_by_mideleg_and_only_ssip_is_writable);
    tcase_add_test(t, mtvec_and_stvec_ignore_reserved_modes_2_and_3);
    tcase_add_test(t, mepc_and_sepc_clear_bit_0);
    tcase_add_test(t, mepc_reads_with_bit_1_masked_without_c);
    tcase_add_test(t, scratch_cause_and_tval_hold_any_value);
    tcase_add_test(t, satp_write_with_unsupported_mode_has_no_effect);
    tcase_add_test(t, satp_accepts_bare_sv39_sv48_sv57);
    tcase_add_test(t, satp_is_illegal_in_s_mode_when_tvm_is_set);
    tcase_add_test(t, pmpcfg_odd_numbers_are_illegal_on_rv64);
    tcase_add_test(t, pmpcfg_write_without_read_is_legalised);
    tcase_add_test(t, pmpcfg2_holds_entries_8_to_15);
    tcase_add_test(t, pmpcfg_locked_entry_ignores_writes);
    tcase_add_test(t, pmpaddr_below_locked_tor_entry_ignores_writes);
    tcase_add_test(t, pmpaddr_keeps_54_bits);
    tcase_add_test(t, counters_are_gated_by_mcounteren_from_s);
    tcase_add_test(t, counters_in_u_need_mcounteren_and_scounteren);
    tcase_add_test(t, counter_enables_keep_32_bits_and_mcountinhibit_all_but_tm);
    tcase_add_test(t, user_counters_are_read_only_even_in_m);
    tcase_add_test(t, hpm_counters_hold_writes_and_events_keep_known_selectors);
    tcase_add_test(t, csr_privilege_comes_from_bits_9_8);
    tcase_add_test(t, read_only_csrs_reject_writes);
    tcase_add_test(t, mhartid_reads_the_reset_hartid);
    tcase_add_test(t, misa_reports_rv64_and_extensions_and_ignores_writes);
    tcase_add_test(t, unimplemented_csr_numbers_are_illegal);
    tcase_add_test(t, supervisor_csrs_and_delegation_absent_without_s);
    tcase_add_test(t, fflags_frm_fcsr_absent_without_f);
    tcase_add_test(t, fcsr_is_illegal_while_fs_is_off_and_dirties_fs);
    tcase_add_test(t, menvcfg_fiom_is_writable_and_cbo_fields_need_their_extension);
    tcase_add_test(t, csr_name_and_csr_number_round_trip);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(csr_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
