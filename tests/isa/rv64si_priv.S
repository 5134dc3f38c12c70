/* Privilege transitions: mret/sret field updates, MPRV clearing, TSR/TVM/TW, CSR privilege checks
 * and counter enables from S and U (privileged spec 1.12, 3.1.6.1-3.1.6.5, 3.1.11-3.1.12, 3.3.2-3.3.3). */
#include "test.h"
#include "priv_macros.h"

#define INSN_SRET       0x10200073
#define INSN_MRET       0x30200073
#define INSN_WFI        0x10500073

/* In the current mode, `insn` must trap to M as illegal with mtval = its bits; resumes in M. */
#define ILLEGAL_TO_M(insn...)                       \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)

        TEST_BEGIN
        PRIV_INIT

        /* ---- mret to S and U ---- */
        TEST_CASE(2)
        li t0, MSTATUS_MPIE
        csrs mstatus, t0
        GO_S(1f)
1:      la s11, 2f
3:      ecall
        j fail
2:      CHECK_TRAP(CAUSE_ECALL_S, 3b)
        CHECK(s10, 0)
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        and a0, s7, t0                  /* MIE was 1 in S (old MPIE); now MPIE = 1, MIE = 0 */
        CHECK(a0, MSTATUS_MPIE | MSTATUS_MPP_S)
        li t0, MSTATUS_MIE
        csrc mstatus, t0

        TEST_CASE(3)
        li t0, MSTATUS_MPIE
        csrc mstatus, t0
        GO_U(1f)
1:      la s11, 2f
3:      ecall
        j fail
2:      CHECK_TRAP(CAUSE_ECALL_U, 3b)
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        and a0, s7, t0                  /* MIE was 0 in U (old MPIE = 0) */
        CHECK(a0, 0)

        TEST_CASE(4)                    /* mret to M: MIE = MPIE, MPIE = 1, MPP = U */
        li t0, MSTATUS_MPIE
        csrs mstatus, t0
        GO_MODE(3, 1f)
1:      csrr a0, mstatus
        li t0, MSTATUS_MIE
        csrc mstatus, t0
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        and a0, a0, t0
        CHECK(a0, MSTATUS_MIE | MSTATUS_MPIE)

        TEST_CASE(5)                    /* mret with MPIE = 0: MIE = 0, MPIE = 1 */
        li t0, MSTATUS_MPIE
        csrc mstatus, t0
        li t0, MSTATUS_MIE
        csrs mstatus, t0
        GO_MODE(3, 1f)
1:      csrr a0, mstatus
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        and a0, a0, t0
        CHECK(a0, MSTATUS_MPIE)

        TEST_CASE(8)                    /* mret to M keeps MPRV */
        li t0, MSTATUS_MPRV
        csrs mstatus, t0
        GO_MODE(3, 1f)
1:      csrr a0, mstatus
        li t0, MSTATUS_MPRV
        csrc mstatus, t0
        and a0, a0, t0
        CHECK(a0, MSTATUS_MPRV)

        /* ---- sret ---- */
        TEST_CASE(9)                    /* S -> S: SIE = SPIE, SPIE = 1, SPP = U */
        GO_S(1f)
1:      li t0, MSTATUS_SIE
        csrc sstatus, t0
        li t0, MSTATUS_SPIE | MSTATUS_SPP
        csrs sstatus, t0
        la t0, 2f
        csrw sepc, t0
        sret
2:      csrr a0, sstatus
        li t0, MSTATUS_SIE
        csrc sstatus, t0
        ECALL_TO_M(3f)
        j fail
3:      CHECK(s8, CAUSE_ECALL_S)        /* still S after the sret */
        li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
        and a0, a0, t0
        CHECK(a0, MSTATUS_SIE | MSTATUS_SPIE)

        TEST_CASE(10)                   /* S -> U with SPIE = 0: SIE = 0 */
        GO_S(1f)
1:      li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
        csrc sstatus, t0
        la t0, 2f
        csrw sepc, t0
        sret
2:      ECALL_TO_M(3f)                  /* in U */
        j fail
3:      CHECK(s8, CAUSE_ECALL_U)
        li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
        and a0, s7, t0
        CHECK(a0, MSTATUS_SPIE)

        /* ---- TSR ---- */
        TEST_CASE(12)
        li t0, MSTATUS_TSR
        csrs mstatus, t0
        GO_S(1f)
1:      la t0, fail
        csrw sepc, t0
        ILLEGAL_TO_M(sret)
        CHECK(s10, INSN_SRET)
        li t0, MSTATUS_MPP              /* came from S */
        and a0, s7, t0
        CHECK(a0, MSTATUS_MPP_S)

        TEST_CASE(13)                   /* TSR does not affect M */
        li t0, MSTATUS_SPP
        csrs mstatus, t0
        la t0, 1f
        csrw sepc, t0
        sret
1:      ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        li t0, MSTATUS_TSR
        csrc mstatus, t0

        TEST_CASE(14)                   /* sret and mret are illegal in U; mret in S */
        GO_U(1f)
1:      ILLEGAL_TO_M(sret)
        GO_U(1f)
1:      ILLEGAL_TO_M(mret)
        CHECK(s10, INSN_MRET)
        GO_S(1f)
1:      ILLEGAL_TO_M(mret)

        /* ---- TVM ---- */
        TEST_CASE(15)                   /* TVM = 0: S may use satp and sfence.vma */
        GO_S(1f)
1:      csrr a0, satp
        csrw satp, zero
        sfence.vma
        sfence.vma a0, a1
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        CHECK(a0, 0)

        TEST_CASE(16)
        li t0, MSTATUS_TVM
        csrs mstatus, t0
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, satp)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrw satp, zero)
        GO_S(1f)
1:      ILLEGAL_TO_M(sfence.vma)
        GO_S(1f)
1:      ILLEGAL_TO_M(sfence.vma a0, zero)
        csrr a0, satp                   /* M is not affected */
        sfence.vma
        li t0, MSTATUS_TVM
        csrc mstatus, t0

        TEST_CASE(17)                   /* sfence.vma is illegal in U */
        GO_U(1f)
1:      ILLEGAL_TO_M(sfence.vma)

        /* ---- TW and wfi ---- */
        TEST_CASE(18)
        li t0, MSTATUS_TW
        csrs mstatus, t0
        GO_S(1f)
1:      ILLEGAL_TO_M(wfi)
        CHECK(s10, INSN_WFI)
        GO_U(1f)
1:      ILLEGAL_TO_M(wfi)

        TEST_CASE(19)                   /* TW does not affect M: wfi returns with a pending (disabled) interrupt */
        li t0, MIP_SSIP
        csrs mie, t0
        csrs mip, t0
        wfi
        li t0, MSTATUS_TW
        csrc mstatus, t0

        TEST_CASE(20)                   /* TW = 0: wfi in S waits for a delegated, pending, locally enabled one */
        li t0, MIP_SSIP
        csrw mideleg, t0
        li t0, MSTATUS_SIE
        csrc mstatus, t0
        GO_S(1f)
1:      wfi
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)

        csrw mie, zero
        csrw mip, zero
        csrw mideleg, zero

        TEST_CASE(21)                   /* TW = 0: wfi in U is illegal */
        GO_U(1f)
1:      ILLEGAL_TO_M(wfi)

        /* ---- CSR privilege ---- */
        TEST_CASE(22)                   /* U may not touch S or M CSRs */
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, sstatus)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrw sscratch, a0)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, satp)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, stvec)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, sip)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, mstatus)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, mhartid)

        TEST_CASE(23)                   /* S may not touch M CSRs */
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, mstatus)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrw mscratch, a0)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, mepc)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrw mtvec, zero)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, mhartid)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, medeleg)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, mcycle)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, pmpcfg0)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, 0x30a)    /* menvcfg */

        TEST_CASE(24)                   /* S may use its own CSRs */
        GO_S(1f)
1:      li a1, 0x1234abcd
        csrw sscratch, a1
        csrr a0, sscratch
        csrr a2, sstatus
        csrr a2, sie
        csrr a2, sip
        csrr a2, stvec
        csrr a2, scounteren
        csrr a2, 0x10a                  /* senvcfg */
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        CHECK(a0, 0x1234abcd)

        /* ---- counter enables ---- */
        TEST_CASE(25)                   /* mcounteren = 0: S may not read cycle / instret */
        csrw mcounteren, zero
        csrw scounteren, zero
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, cycle)
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, instret)

        TEST_CASE(26)                   /* mcounteren CY, IR: S may; U still may not (scounteren = 0) */
        li t0, 5
        csrw mcounteren, t0
        GO_S(1f)
1:      csrr a0, cycle
        csrr a0, instret
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, cycle)
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, instret)

        TEST_CASE(27)                   /* both set: U may */
        li t0, 5
        csrw scounteren, t0
        GO_U(1f)
1:      csrr a0, cycle
        csrr a0, instret
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)

        TEST_CASE(28)                   /* scounteren alone is not enough for U; bits are per counter */
        li t0, 1
        csrw mcounteren, t0             /* CY only */
        GO_U(1f)
1:      csrr a0, cycle
        ILLEGAL_TO_M(csrr a0, instret)
        csrw mcounteren, zero
        GO_U(1f)
1:      ILLEGAL_TO_M(csrr a0, cycle)
        li t0, 4
        csrw mcounteren, t0             /* IR only, scounteren CY|IR */
        GO_S(1f)
1:      ILLEGAL_TO_M(csrr a0, cycle)
        li t0, 1
        csrw scounteren, t0             /* scounteren CY only */
        li t0, 5
        csrw mcounteren, t0
        GO_U(1f)
1:      csrr a0, cycle
        ILLEGAL_TO_M(csrr a0, instret)
        csrw mcounteren, zero
        csrw scounteren, zero

        TEST_END
