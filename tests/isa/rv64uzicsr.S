/* Zicsr: csrrw, csrrs, csrrc, csrrwi, csrrsi, csrrci on the writable M-mode CSR mscratch, with the
 * rd = x0 and rs1 = x0 / uimm = 0 rules, rd == rs1, 64-bit values and the zero-extended 5-bit uimm.
 * Then the same rules on read-only CSRs (cycle, instret, mvendorid, marchid, mimpid, mhartid):
 * forms that do not write (csrrs/csrrc with rs1 = x0, csrrsi/csrrci with uimm = 0) read normally;
 * forms that write (csrrw / csrrwi always, csrrs / csrrc / csrrsi / csrrci with rs1 != x0 / uimm != 0)
 * raise illegal instruction (mcause 2) with rd unchanged, mtval = 0 or the instruction bits. */
#include "test.h"
#include "unpriv_macros.h"

/* mscratch = init, then `insn`; check a0 (the read value) and the new mscratch. */
#define TEST_MS(n, init, a0exp, msexp, insn...)     \
        TEST_CASE(n);                               \
        li a4, init; csrw mscratch, a4;             \
        li a0, 0x5a5a;                              \
        insn;                                       \
        CHECK(a0, a0exp);                           \
        csrr a5, mscratch; CHECK(a5, msexp)

/* `insn` must not trap; a0 = its result. */
#define TEST_RO_OK(n, insn...)                      \
        TEST_CASE(n);                               \
        TRAP_ARM;                                   \
        li a0, 0x5a5a; li a1, 0;                    \
        insn;                                       \
        CHECK(s10, -1)

/* `insn` (rd = a0, rs1 = a1 = a1val) must raise illegal instruction, leave a0 alone, and set mtval
 * to 0 or to the instruction (checked via the recorded mepc in s9). */
#define TEST_RO_ILL(n, a1val, insn...)              \
        TEST_CASE(n);                               \
        TRAP_ARM;                                   \
        li a0, 0x5a5a; li a1, a1val;                \
        insn;                                       \
        CHECK(s10, 2);                              \
        CHECK(a0, 0x5a5a);                          \
        beqz s11, 8f;                               \
        lwu a2, 0(s9);                              \
        bne a2, s11, fail;                          \
8:

        TEST_BEGIN
        .option norvc
        EXPECT_TRAP

        /* ---- csrrw: rd = old, csr = rs1 ---- */
        TEST_MS(2, 0x0123456789abcdef, 0x0123456789abcdef, 0xfedcba9876543210, li a1, 0xfedcba9876543210; csrrw a0, mscratch, a1)
        TEST_MS(3, -1, -1, 0, csrrw a0, mscratch, zero)
        TEST_MS(4, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff, li a1, 0x7fffffffffffffff; csrrw a0, mscratch, a1)
        /* rd = x0: still writes */
        TEST_MS(5, 0x1111, 0x5a5a, 0x2222, li a1, 0x2222; csrrw zero, mscratch, a1)
        /* rd == rs1: swap */
        TEST_MS(6, 0x1111, 0x1111, 0x5a5a, csrrw a0, mscratch, a0)

        /* ---- csrrs: rd = old, csr = old | rs1 ---- */
        TEST_MS(7, 0xf0f0f0f0f0f0f0f0, 0xf0f0f0f0f0f0f0f0, 0xfffffffff0f0f0f0, li a1, 0xffff0f0f00000000; csrrs a0, mscratch, a1)
        TEST_MS(8, 0x8000000000000000, 0x8000000000000000, 0x8000000000000001, li a1, 1; csrrs a0, mscratch, a1)
        /* rs1 = x0: read only, csr unchanged */
        TEST_MS(9, 0x123456789, 0x123456789, 0x123456789, csrrs a0, mscratch, zero)
        /* rs1 != x0 holding 0: writes the same value back */
        TEST_MS(10, 0x123456789, 0x123456789, 0x123456789, li a1, 0; csrrs a0, mscratch, a1)
        /* rd = x0 */
        TEST_MS(11, 0x1, 0x5a5a, 0x3, li a1, 2; csrrs zero, mscratch, a1)
        /* rd == rs1 */
        TEST_MS(12, 0x0f00, 0x0f00, 0x5f5a, csrrs a0, mscratch, a0)

        /* ---- csrrc: rd = old, csr = old & ~rs1 ---- */
        TEST_MS(13, 0xffffffffffffffff, 0xffffffffffffffff, 0x0f0f0f0f0f0f0f0f, li a1, 0xf0f0f0f0f0f0f0f0; csrrc a0, mscratch, a1)
        TEST_MS(14, 0x8000000000000001, 0x8000000000000001, 0x0000000000000001, li a1, 0x8000000000000000; csrrc a0, mscratch, a1)
        TEST_MS(15, 0xabc, 0xabc, 0xabc, csrrc a0, mscratch, zero)
        TEST_MS(16, 0xff, 0x5a5a, 0xf0, li a1, 0x0f; csrrc zero, mscratch, a1)
        TEST_MS(17, 0xffff, 0xffff, 0xa5a5, csrrc a0, mscratch, a0)

        /* ---- csrrwi: csr = zero-extended 5-bit uimm ---- */
        TEST_MS(18, -1, -1, 31, csrrwi a0, mscratch, 31)
        TEST_MS(19, -1, -1, 0, csrrwi a0, mscratch, 0)
        TEST_MS(20, 0x1234, 0x5a5a, 16, csrrwi zero, mscratch, 16)
        TEST_MS(21, 0x8000000000000000, 0x8000000000000000, 1, csrrwi a0, mscratch, 1)

        /* ---- csrrsi / csrrci: uimm = 0 means no write ---- */
        TEST_MS(22, 0x8000000000000000, 0x8000000000000000, 0x800000000000001f, csrrsi a0, mscratch, 31)
        TEST_MS(23, 0x100, 0x100, 0x110, csrrsi a0, mscratch, 16)
        TEST_MS(24, 0x5555, 0x5555, 0x5555, csrrsi a0, mscratch, 0)
        TEST_MS(25, 0x20, 0x5a5a, 0x21, csrrsi zero, mscratch, 1)
        TEST_MS(26, -1, -1, 0xffffffffffffffe0, csrrci a0, mscratch, 31)
        TEST_MS(27, 0x8000000000000011, 0x8000000000000011, 0x8000000000000001, csrrci a0, mscratch, 16)
        TEST_MS(28, 0x5555, 0x5555, 0x5555, csrrci a0, mscratch, 0)
        TEST_MS(29, 0x3, 0x5a5a, 0x2, csrrci zero, mscratch, 1)

        /* ---- pseudo-instructions ---- */
        TEST_MS(30, 0x77, 0x77, 0x77, csrr a0, mscratch)
        TEST_MS(31, 0x77, 0x5a5a, 0x88, li a1, 0x88; csrw mscratch, a1)
        TEST_MS(32, 0x70, 0x5a5a, 0x7f, li a1, 0x0f; csrs mscratch, a1)
        TEST_MS(33, 0x7f, 0x5a5a, 0x70, li a1, 0x0f; csrc mscratch, a1)
        TEST_MS(34, 0x70, 0x5a5a, 0x75, csrsi mscratch, 5)
        TEST_MS(35, 0x75, 0x5a5a, 0x71, csrci mscratch, 4)
        TEST_MS(36, 0x75, 0x5a5a, 9, csrwi mscratch, 9)
        TEST_MS(37, 0x75, 0x75, 0x12, li a1, 0x12; csrrw a0, mscratch, a1; csrr a2, mscratch; bne a2, a1, fail)

        /* ---- a chain: each read sees the previous write ---- */
        TEST_CASE(38)
        csrwi mscratch, 1
        csrrsi a0, mscratch, 2      /* 1 -> 3 */
        csrrsi a1, mscratch, 4      /* 3 -> 7 */
        csrrci a2, mscratch, 1      /* 7 -> 6 */
        csrrwi a3, mscratch, 0      /* 6 -> 0 */
        csrr a4, mscratch
        CHECK(a0, 1)
        CHECK(a1, 3)
        CHECK(a2, 7)
        CHECK(a3, 6)
        CHECK(a4, 0)

        /* ---- read-only CSRs: non-writing forms read ---- */
        TEST_RO_OK(39, csrrs a0, cycle, zero)
        TEST_RO_OK(40, csrrc a0, cycle, zero)
        TEST_RO_OK(41, csrrsi a0, cycle, 0)
        TEST_RO_OK(42, csrrci a0, cycle, 0)
        TEST_RO_OK(43, csrrs a0, instret, zero)
        TEST_RO_OK(44, csrrs a0, mhartid, zero; CHECK(a0, 0))
        TEST_RO_OK(45, csrrsi a0, mhartid, 0; CHECK(a0, 0))
        TEST_RO_OK(46, csrrs a0, mvendorid, zero; csrrci a2, mvendorid, 0; bne a0, a2, fail)
        TEST_RO_OK(47, csrrs a0, marchid, zero; csrrc a2, marchid, zero; bne a0, a2, fail)
        TEST_RO_OK(48, csrrs a0, mimpid, zero; csrrsi a2, mimpid, 0; bne a0, a2, fail)
        TEST_RO_OK(49, csrrs zero, cycle, zero)

        /* ---- read-only CSRs: writing forms trap, whatever the value ---- */
        TEST_RO_ILL(50, 0, csrrw a0, cycle, a1)
        TEST_RO_ILL(51, 5, csrrw zero, cycle, a1)
        TEST_RO_ILL(52, 0, csrrw a0, cycle, zero)
        TEST_RO_ILL(53, 0, csrrwi a0, cycle, 0)
        TEST_RO_ILL(54, 0, csrrwi zero, instret, 0)
        TEST_RO_ILL(55, 1, csrrs a0, cycle, a1)
        TEST_RO_ILL(56, -1, csrrc a0, instret, a1)
        TEST_RO_ILL(57, 0, csrrsi a0, cycle, 1)
        TEST_RO_ILL(58, 0, csrrci a0, cycle, 31)
        TEST_RO_ILL(59, 0, csrrw a0, mvendorid, zero)
        TEST_RO_ILL(60, 0, csrrwi a0, mhartid, 0)
        TEST_RO_ILL(61, 1, csrrs a0, marchid, a1)
        TEST_RO_ILL(62, 0, csrrci a0, mimpid, 2)
        TEST_RO_ILL(63, 1, csrrs zero, mhartid, a1)
        TEST_RO_ILL(64, 0, csrrsi zero, cycle, 4)

        /* mscratch is untouched by all of the above */
        TEST_CASE(65)
        li a1, 0x600dcafe
        csrw mscratch, a1
        TRAP_ARM
        csrrw zero, cycle, a1
        csrr a0, mscratch
        CHECK(a0, 0x600dcafe)

        TEST_END

        UT_TRAP_HANDLER
