/* Sdtrig mcontrol6 triggers in S and U mode: execute, load and store address match (equal), breakpoint
 * exceptions with their epc, no effect of the trapping instruction, the s/u enables (RISC-V Debug
 * Specification 1.0, 5.7.11 mcontrol6; privileged spec 1.12, 3.1.15-3.1.16). Also passes on QEMU 7.2
 * (qemu-system-riscv64 -machine spike -bios none -kernel), which writes 0 to tval, as the privileged
 * spec also allows: vhart's tval (the matching address) is checked by rv64mi_trigger_vhartonly. */
#include "test.h"
#include "priv_macros.h"

#define MC6             (6 << 60)
#define MC_LOAD         0x1
#define MC_STORE        0x2
#define MC_EXEC         0x4
#define MC_U            0x8
#define MC_S            0x10

/* Arm trigger 0: tdata2 = address of symbol `sym`, tdata1 = `ctl` (clobbers t0). */
#define ARM_AT(sym, ctl)                            \
        csrw tselect, zero;                         \
        csrw tdata1, zero;                          \
        la t0, sym;                                 \
        csrw tdata2, t0;                            \
        li t0, ctl;                                 \
        csrw tdata1, t0

#define DISARM                                      \
        csrw tselect, zero;                         \
        csrw tdata1, zero

        TEST_BEGIN
        PRIV_INIT

        /* ---- 2: execute, S-mode: fires before the instruction, epc = tval = its address ---- */
        TEST_CASE(2)
        ARM_AT(2f, MC6 | MC_S | MC_EXEC)
        li a0, 5
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      addi a0, a0, 1
2:      addi a0, a0, 10                 /* the trigger: must not run */
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_BREAKPOINT, 2b)
        CHECK(a0, 6)

        /* ---- 3: execute, U-mode ---- */
        TEST_CASE(3)
        ARM_AT(2f, MC6 | MC_U | MC_EXEC)
        li a0, 5
        EXPECT_TRAP(3f)
        GO_U(1f)
1:      addi a0, a0, 1
2:      addi a0, a0, 10
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_BREAKPOINT, 2b)
        CHECK(a0, 6)

        /* ---- 4: an execute trigger enabled only in U does not fire in S ---- */
        TEST_CASE(4)
        ARM_AT(2f, MC6 | MC_U | MC_EXEC)
        li a0, 5
        EXPECT_TRAP(3f)
        GO_S(2f)
2:      addi a0, a0, 10
4:      ecall
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_ECALL_S, 4b)
        CHECK(a0, 15)

        /* ---- 5: one enabled only in S does not fire in U ---- */
        TEST_CASE(5)
        ARM_AT(2f, MC6 | MC_S | MC_EXEC)
        li a0, 5
        EXPECT_TRAP(3f)
        GO_U(2f)
2:      addi a0, a0, 10
4:      ecall
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_ECALL_U, 4b)
        CHECK(a0, 15)

        /* ---- 6: load address, S-mode: the load does not write its register; tval = address ---- */
        TEST_CASE(6)
        ARM_AT(word1, MC6 | MC_S | MC_LOAD)
        la a1, word1
        li a0, 77
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      sd a0, 0(a1)                    /* a store does not match a load trigger */
2:      ld a0, 0(a1)
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_BREAKPOINT, 2b)
        CHECK(a0, 77)
        ld a2, 0(a1)
        CHECK(a2, 77)

        /* ---- 7: load address, U-mode, a word load ---- */
        TEST_CASE(7)
        ARM_AT(word2, MC6 | MC_U | MC_LOAD)
        la a1, word2
        li a0, 3
        EXPECT_TRAP(3f)
        GO_U(2f)
2:      lw a0, 0(a1)
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_BREAKPOINT, 2b)
        CHECK(a0, 3)

        /* ---- 8: store address, S-mode: memory keeps its old value ---- */
        TEST_CASE(8)
        la a1, word1
        li a0, 0x1234
        sd a0, 0(a1)
        ARM_AT(word1, MC6 | MC_S | MC_STORE)
        li a2, 0x5678
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      ld a3, 0(a1)                    /* a load does not match a store trigger */
2:      sd a2, 0(a1)
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_BREAKPOINT, 2b)
        CHECK(a3, 0x1234)
        ld a0, 0(a1)
        CHECK(a0, 0x1234)

        /* ---- 9: store address, U-mode, a byte store ---- */
        TEST_CASE(9)
        la a1, word2
        sd zero, 0(a1)
        ARM_AT(word2, MC6 | MC_U | MC_STORE)
        li a2, 0xff
        EXPECT_TRAP(3f)
        GO_U(2f)
2:      sb a2, 0(a1)
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_BREAKPOINT, 2b)
        ld a0, 0(a1)
        CHECK(a0, 0)

        /* ---- 10: a load trigger on another address lets the load through ---- */
        TEST_CASE(10)
        la a1, word1
        li a0, 0x42
        sd a0, 0(a1)
        ARM_AT(word2, MC6 | MC_S | MC_LOAD | MC_STORE)
        li a0, 0
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      ld a0, 0(a1)
4:      ecall
        j fail
3:      DISARM
        CHECK_TRAP(CAUSE_ECALL_S, 4b)
        CHECK(a0, 0x42)

        TEST_END

        .data
        .align 3
word1:  .dword 0
word2:  .dword 0
