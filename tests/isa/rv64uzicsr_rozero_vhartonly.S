/* VHART-ONLY (spec behaviour that QEMU 7.2 does not follow): csrrs / csrrc with rs1 != x0 always
 * write the CSR, even when the register holds 0, so on a read-only CSR they raise illegal
 * instruction (mcause 2) and leave rd unchanged. (Zicsr: "if rs1 specifies a register other than x0
 * ... the instruction will still attempt to write"; read-only CSRs trap on writes.) QEMU decides
 * from the register's value and lets these read; it exits with status 2 here. */
#include "test.h"
#include "unpriv_macros.h"

/* `insn` (rd = a0, rs1 = a1 = 0) must raise illegal instruction and leave a0 alone. */
#define TEST_RO_ZERO_ILL(n, insn...)                \
        TEST_CASE(n);                               \
        TRAP_ARM;                                   \
        li a0, 0x5a5a; li a1, 0;                    \
        insn;                                       \
        CHECK(s10, 2);                              \
        CHECK(a0, 0x5a5a)

        TEST_BEGIN
        .option norvc
        EXPECT_TRAP

        TEST_RO_ZERO_ILL(2, csrrs a0, cycle, a1)
        TEST_RO_ZERO_ILL(3, csrrc a0, cycle, a1)
        TEST_RO_ZERO_ILL(4, csrrs a0, instret, a1)
        TEST_RO_ZERO_ILL(5, csrrc a0, instret, a1)
        TEST_RO_ZERO_ILL(6, csrrs a0, mvendorid, a1)
        TEST_RO_ZERO_ILL(7, csrrc a0, marchid, a1)
        TEST_RO_ZERO_ILL(8, csrrs a0, mimpid, a1)
        TEST_RO_ZERO_ILL(9, csrrc a0, mhartid, a1)
        TEST_RO_ZERO_ILL(10, csrrs zero, cycle, a1)

        /* the x0 forms of the same instructions read without trapping */
        TEST_CASE(11)
        TRAP_ARM
        csrrs a0, cycle, zero
        csrrc a0, instret, zero
        csrrs a0, mhartid, zero
        CHECK(s10, -1)
        CHECK(a0, 0)

        TEST_END

        UT_TRAP_HANDLER
