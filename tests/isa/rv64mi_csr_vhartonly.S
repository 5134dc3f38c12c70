/* M-mode CSR behaviour where QEMU 7.2 departs from the privileged spec 1.12 (WARL legalisation, mepc[0],
 * writes of zero through csrrs/csrrc, exact minstret, 64 PMP entries); vhart follows the spec. */
#include "test.h"
#include "priv_macros.h"

#define ILLEGAL_CSR_CASE(insn...)                   \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)

/* pmpaddrN stores bits 53:0 (G = 0); bits 63:54 read as zero. */
#define PMPADDR_RT(n)                               \
        li a1, 0x002bcdef00000000 + (n) * 0x1111;   \
        csrw pmpaddr##n, a1;                        \
        csrr a0, pmpaddr##n;                        \
        bne a0, a1, fail
#define PMPADDR_CHK(n)                              \
        li a1, 0x002bcdef00000000 + (n) * 0x1111;   \
        csrr a0, pmpaddr##n;                        \
        bne a0, a1, fail
#define PMPCFG_RT(n)                                \
        li a1, 0x0d0b091f00190f1b + ((n) << 8);     \
        csrw pmpcfg##n, a1;                         \
        csrr a0, pmpcfg##n;                         \
        bne a0, a1, fail;                           \
        csrw pmpcfg##n, zero

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* MPP = 2 is reserved: mstatus keeps a legal value (QEMU stores 2) */
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S
        csrs mstatus, t0
        csrr a0, mstatus
        li t0, ~MSTATUS_MPP
        and a0, a0, t0
        li t0, 0x1000
        or a0, a0, t0
        csrw mstatus, a0
        csrr a0, mstatus
        srli a0, a0, 11
        andi a0, a0, 3
        li t0, 2
        beq a0, t0, fail

        TEST_CASE(3)                    /* UXL and SXL stay 2 whatever is written (QEMU stores UXL = 3) */
        li t0, MSTATUS_UXL | MSTATUS_SXL
        csrs mstatus, t0
        csrr a0, mstatus
        srli a0, a0, 32
        andi a0, a0, 0xf
        CHECK(a0, 0xa)
        csrc mstatus, t0
        csrr a0, mstatus
        srli a0, a0, 32
        andi a0, a0, 0xf
        CHECK(a0, 0xa)
        li t0, 0x500000000              /* UXL = SXL = 1 (RV32) */
        csrs mstatus, t0
        csrr a0, mstatus
        srli a0, a0, 32
        andi a0, a0, 0xf
        CHECK(a0, 0xa)
        li t0, -1
        csrw sstatus, t0
        csrr a0, sstatus
        srli a0, a0, 32
        andi a0, a0, 0xf
        CHECK(a0, 0x2)
        csrw sstatus, zero
        csrr a0, sstatus
        CHECK(a0, 0x200000000)

        TEST_CASE(4)                    /* mepc[0] and sepc[0] read as zero (QEMU keeps bit 0) */
        li a1, 0x80001237
        csrw mepc, a1
        csrr a0, mepc
        CHECK(a0, 0x80001236)
        csrw sepc, a1
        csrr a0, sepc
        CHECK(a0, 0x80001236)

        TEST_CASE(5)                    /* csrrs/csrrc with rs1 != x0 write even a zero: read-only CSR traps */
        li a1, 0
        ILLEGAL_CSR_CASE(csrrs a0, mhartid, a1)
        ILLEGAL_CSR_CASE(csrrc a0, mvendorid, a1)
        ILLEGAL_CSR_CASE(csrrs a0, cycle, a1)
        ILLEGAL_CSR_CASE(csrrc zero, instret, a1)

        TEST_CASE(6)                    /* a value written to minstret is what the next instruction reads */
        li t0, 100
        csrw minstret, t0
        csrr a0, minstret
        CHECK(a0, 100)

        TEST_CASE(7)                    /* two instructions retire between write and read */
        li t0, 1000
        csrw minstret, t0
        nop
        addi zero, zero, 0
        csrr a0, minstret
        CHECK(a0, 1002)

        TEST_CASE(8)                    /* csrrw reads the value before its own write; no increment for it */
        li t0, 5000
        li t1, 7000
        csrw minstret, t0
        csrrw a0, minstret, t1
        csrr a1, minstret
        CHECK(a0, 5000)
        CHECK(a1, 7000)

        TEST_CASE(9)                    /* back-to-back reads differ by exactly one; the user alias agrees */
        csrr a0, minstret
        csrr a1, minstret
        csrr a2, instret
        sub a3, a1, a0
        CHECK(a3, 1)
        sub a3, a2, a1
        CHECK(a3, 1)

        TEST_CASE(10)                   /* a trapping instruction does not retire: ecall, handler (7 insns), resume */
        la s11, 1f
        csrw minstret, zero
        ecall                           /* not counted */
1:      csrr a0, minstret               /* priv_mtrap: bnez, csrr x4, mv, li, jr = 8 retired */
        CHECK(a0, 8)

        TEST_CASE(11)                   /* pmpaddr: bits 63:54 are zero */
        csrw pmpcfg0, zero
        li t0, -1
        csrw pmpaddr1, t0
        csrr a0, pmpaddr1
        CHECK(a0, 0x003fffffffffffff)
        csrw pmpaddr1, zero
        li t0, -1
        csrw pmpaddr0, t0
        li t0, 0x1f
        csrw pmpcfg0, t0

        TEST_CASE(12)                   /* pmpcfg: bits 6:5 of each byte are zero */
        li t0, 0x3d4d2b606f7f7969
        csrw pmpcfg2, t0
        csrr a0, pmpcfg2
        csrw pmpcfg2, zero
        CHECK(a0, 0x1d0d0b000f1f1909)

        TEST_CASE(13)                   /* 64 PMP entries: pmpaddr16..63 store values */
        PMPADDR_RT(16); PMPADDR_RT(17); PMPADDR_RT(18); PMPADDR_RT(19)
        PMPADDR_RT(20); PMPADDR_RT(21); PMPADDR_RT(22); PMPADDR_RT(23)
        PMPADDR_RT(24); PMPADDR_RT(25); PMPADDR_RT(26); PMPADDR_RT(27)
        PMPADDR_RT(28); PMPADDR_RT(29); PMPADDR_RT(30); PMPADDR_RT(31)
        PMPADDR_RT(32); PMPADDR_RT(33); PMPADDR_RT(34); PMPADDR_RT(35)
        PMPADDR_RT(36); PMPADDR_RT(37); PMPADDR_RT(38); PMPADDR_RT(39)
        PMPADDR_RT(40); PMPADDR_RT(41); PMPADDR_RT(42); PMPADDR_RT(43)
        PMPADDR_RT(44); PMPADDR_RT(45); PMPADDR_RT(46); PMPADDR_RT(47)
        PMPADDR_RT(48); PMPADDR_RT(49); PMPADDR_RT(50); PMPADDR_RT(51)
        PMPADDR_RT(52); PMPADDR_RT(53); PMPADDR_RT(54); PMPADDR_RT(55)
        PMPADDR_RT(56); PMPADDR_RT(57); PMPADDR_RT(58); PMPADDR_RT(59)
        PMPADDR_RT(60); PMPADDR_RT(61); PMPADDR_RT(62); PMPADDR_RT(63)
        PMPADDR_CHK(16); PMPADDR_CHK(31); PMPADDR_CHK(32); PMPADDR_CHK(63)

        TEST_CASE(14)                   /* pmpcfg4..14 (even) exist */
        PMPCFG_RT(4); PMPCFG_RT(6); PMPCFG_RT(8); PMPCFG_RT(10)
        PMPCFG_RT(12); PMPCFG_RT(14)

        TEST_END
