/* Svinval fine-grained invalidation (privileged spec, "Svinval"): SINVAL.VMA follows SFENCE.VMA's rules
 * (illegal in U-mode, and in S-mode when mstatus.TVM = 1); SFENCE.W.INVAL and SFENCE.INVAL.IR are illegal
 * in U-mode only (TVM does not affect them). vhart-only: QEMU 7.2 lets S-mode run SINVAL.VMA with TVM = 1,
 * which privileged spec 3.1.6.5 forbids ("SFENCE.VMA or SINVAL.VMA ... will raise an illegal-instruction
 * exception"). */
#include "test.h"
#include "priv_macros.h"

        .option arch, +svinval

#define ILLEGAL_TO_M(insn...)                       \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* M-mode: all three execute, TVM notwithstanding */
        li t0, MSTATUS_TVM
        csrs mstatus, t0
        sfence.w.inval
        sinval.vma zero, zero
        sinval.vma a0, zero
        sfence.inval.ir
        li t0, MSTATUS_TVM
        csrc mstatus, t0

        TEST_CASE(3)                    /* S-mode, TVM = 0: all execute */
        GO_S(1f)
1:      sfence.w.inval
        sinval.vma zero, zero
        sfence.inval.ir
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)

        TEST_CASE(4)                    /* S-mode, TVM = 1: sinval.vma illegal, the fences are not */
        li t0, MSTATUS_TVM
        csrs mstatus, t0
        GO_S(1f)
1:      ILLEGAL_TO_M(sinval.vma zero, zero)     /* resumes in M */
        GO_S(1f)
1:      sfence.w.inval
        sfence.inval.ir
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        li t0, MSTATUS_TVM
        csrc mstatus, t0

        TEST_CASE(5)                    /* U-mode: all three illegal */
        GO_U(1f)
1:      ILLEGAL_TO_M(sinval.vma zero, zero)
        GO_U(1f)
1:      ILLEGAL_TO_M(sfence.w.inval)
        GO_U(1f)
1:      ILLEGAL_TO_M(sfence.inval.ir)

        TEST_END
