/* Zicbom / Zicboz cache-block operations (CMO spec 1.0.1), 64-byte cache blocks:
 * - CBO.ZERO zeroes exactly the block containing the address in rs1 (an unaligned address inside the
 *   block, the first and the last byte of a block); the bytes of the neighbouring blocks are untouched.
 * - CBO.CLEAN, CBO.FLUSH and CBO.INVAL leave memory unchanged (no caches are modelled).
 * - M mode may always execute them. From S mode they are illegal instructions (mcause 2, mtval = the
 *   instruction bits, memory unchanged) unless menvcfg enables them: CBZE (bit 7) for zero, CBCFE (bit 6)
 *   for clean and flush, CBIE (bits 5:4) = 01 or 11 for inval; from U mode both menvcfg and senvcfg must
 *   enable them (S ignores senvcfg).
 * - Under Sv39, a CBO on an address without a valid mapping raises a store/AMO page fault (mcause 15)
 *   with mtval = the address in rs1; CBO.ZERO also needs write permission, while CLEAN, FLUSH and INVAL
 *   are allowed on a read-only page (a load would be permitted there).
 * vhart-only: QEMU 7.2 has no Zicbom / Zicboz. */
#include "test.h"
#include "priv_macros.h"

        /* the suite assembles with -march=rv64gc: enable the extensions here */
        .option arch, +zicbom, +zicboz

#define MENVCFG 0x30a
#define SENVCFG 0x10a
#define CBIE_01 0x10
#define CBIE_11 0x30
#define CBCFE   0x40
#define CBZE    0x80
#define CB_ALL  (CBZE | CBCFE | CBIE_11)

/* buf = 4 blocks of the pattern; a3 = block expected zero (-1: none) checked by check_buf */
#define FILL    jal ra, fill_buf
#define EXPECT_ZERO_BLOCK(b) li a3, b; jal ra, check_buf

/* insn must raise an illegal-instruction trap (to M) with mtval = its bits; we are in M afterwards */
#define ILL(insn...)                                \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)

/* insn must raise a store/AMO page fault (to M) with mtval = va */
#define SPF(va, insn...)                            \
        li a1, va;                                  \
        TRAP_CASE(CAUSE_STORE_PAGE, insn);          \
        CHECK(s10, va)

/* back to M by ecall from S (4:) or U */
#define BACK_S  ECALL_TO_M(4f); 4: CHECK(s8, CAUSE_ECALL_S)
#define BACK_U  ECALL_TO_M(4f); 4: CHECK(s8, CAUSE_ECALL_U)

        TEST_BEGIN
        PRIV_INIT
        csrw MENVCFG, zero
        csrw SENVCFG, zero

        /* ---------------- M mode ---------------- */
        TEST_CASE(2)                    /* unaligned address inside block 1 */
        FILL
        la a1, buf
        addi a1, a1, 64 + 13
        cbo.zero (a1)
        EXPECT_ZERO_BLOCK(1)
        la t0, buf
        addi t0, t0, 77
        bne a1, t0, fail                /* rs1 is not written */

        TEST_CASE(3)                    /* last byte of block 3 */
        FILL
        la a1, buf
        addi a1, a1, 255
        cbo.zero (a1)
        EXPECT_ZERO_BLOCK(3)

        TEST_CASE(4)                    /* first byte of block 2, and block 0 */
        FILL
        la a1, buf
        addi a1, a1, 128
        cbo.zero (a1)
        EXPECT_ZERO_BLOCK(2)
        FILL
        la a1, buf
        cbo.zero (a1)
        EXPECT_ZERO_BLOCK(0)

        TEST_CASE(5)                    /* clean, flush, inval: memory unchanged */
        FILL
        la a1, buf
        addi a1, a1, 70
        cbo.clean (a1)
        cbo.flush (a1)
        addi a1, a1, 100
        cbo.inval (a1)
        EXPECT_ZERO_BLOCK(-1)

        /* ---------------- S mode and menvcfg ---------------- */
        TEST_CASE(6)                    /* menvcfg = 0: all four are illegal, nothing written */
        FILL
        la a1, buf
        addi a1, a1, 64
        GO_S(1f)
1:      ILL(cbo.zero (a1))
        GO_S(1f)
1:      ILL(cbo.clean (a1))
        GO_S(1f)
1:      ILL(cbo.flush (a1))
        GO_S(1f)
1:      ILL(cbo.inval (a1))
        EXPECT_ZERO_BLOCK(-1)

        TEST_CASE(7)                    /* CBZE alone: zero works, the others are illegal */
        li t0, CBZE
        csrw MENVCFG, t0
        FILL
        la a1, buf
        addi a1, a1, 150
        GO_S(1f)
1:      cbo.zero (a1)
        BACK_S
        EXPECT_ZERO_BLOCK(2)
        GO_S(1f)
1:      ILL(cbo.clean (a1))
        GO_S(1f)
1:      ILL(cbo.flush (a1))
        GO_S(1f)
1:      ILL(cbo.inval (a1))

        TEST_CASE(8)                    /* CBCFE alone: clean and flush work */
        li t0, CBCFE
        csrw MENVCFG, t0
        FILL
        la a1, buf
        GO_S(1f)
1:      cbo.clean (a1)
        cbo.flush (a1)
        BACK_S
        EXPECT_ZERO_BLOCK(-1)
        GO_S(1f)
1:      ILL(cbo.zero (a1))
        GO_S(1f)
1:      ILL(cbo.inval (a1))
        EXPECT_ZERO_BLOCK(-1)

        TEST_CASE(9)                    /* CBIE = 01: inval works (as a flush) */
        li t0, CBIE_01
        csrw MENVCFG, t0
        FILL
        la a1, buf
        GO_S(1f)
1:      cbo.inval (a1)
        BACK_S
        EXPECT_ZERO_BLOCK(-1)
        GO_S(1f)
1:      ILL(cbo.clean (a1))

        TEST_CASE(10)                   /* CBIE = 11: inval works */
        li t0, CBIE_11
        csrw MENVCFG, t0
        FILL
        la a1, buf
        addi a1, a1, 200
        GO_S(1f)
1:      cbo.inval (a1)
        BACK_S
        EXPECT_ZERO_BLOCK(-1)
        GO_S(1f)
1:      ILL(cbo.zero (a1))

        TEST_CASE(11)                   /* S ignores senvcfg */
        li t0, CB_ALL
        csrw MENVCFG, t0
        csrw SENVCFG, zero
        FILL
        la a1, buf
        addi a1, a1, 100
        GO_S(1f)
1:      cbo.zero (a1)
        cbo.clean (a1)
        cbo.flush (a1)
        cbo.inval (a1)
        BACK_S
        EXPECT_ZERO_BLOCK(1)

        /* ---------------- U mode: menvcfg and senvcfg ---------------- */
        TEST_CASE(12)                   /* menvcfg all, senvcfg 0: illegal */
        li t0, CB_ALL
        csrw MENVCFG, t0
        csrw SENVCFG, zero
        FILL
        la a1, buf
        GO_U(1f)
1:      ILL(cbo.zero (a1))
        GO_U(1f)
1:      ILL(cbo.clean (a1))
        GO_U(1f)
1:      ILL(cbo.flush (a1))
        GO_U(1f)
1:      ILL(cbo.inval (a1))
        EXPECT_ZERO_BLOCK(-1)

        TEST_CASE(13)                   /* senvcfg all, menvcfg 0: illegal */
        csrw MENVCFG, zero
        li t0, CB_ALL
        csrw SENVCFG, t0
        GO_U(1f)
1:      ILL(cbo.zero (a1))
        GO_U(1f)
1:      ILL(cbo.clean (a1))
        GO_U(1f)
1:      ILL(cbo.flush (a1))
        GO_U(1f)
1:      ILL(cbo.inval (a1))
        EXPECT_ZERO_BLOCK(-1)

        TEST_CASE(14)                   /* both: all four work */
        li t0, CB_ALL
        csrw MENVCFG, t0
        csrw SENVCFG, t0
        FILL
        la a1, buf
        addi a1, a1, 191
        GO_U(1f)
1:      cbo.clean (a1)
        cbo.flush (a1)
        cbo.inval (a1)
        cbo.zero (a1)
        BACK_U
        EXPECT_ZERO_BLOCK(2)

        TEST_CASE(15)                   /* each field on its own: menvcfg CBZE + CBIE=01, senvcfg CBZE + CBCFE + CBIE=11 */
        li t0, CBZE | CBIE_01
        csrw MENVCFG, t0
        li t0, CBZE | CBCFE | CBIE_11
        csrw SENVCFG, t0
        FILL
        la a1, buf
        addi a1, a1, 8
        GO_U(1f)
1:      cbo.zero (a1)
        cbo.inval (a1)
        BACK_U
        EXPECT_ZERO_BLOCK(0)
        GO_U(1f)
1:      ILL(cbo.clean (a1))
        GO_U(1f)
1:      ILL(cbo.flush (a1))

        /* ---------------- Sv39 page faults (S mode, everything enabled) ---------------- */
        li t0, CB_ALL
        csrw MENVCFG, t0
        csrw SENVCFG, t0
        /* physical contents of the two mapped pages */
        li a2, SCRATCH1
        li t1, 0x1111111111111111
        sd t1, 0x10(a2)
        li a2, SCRATCH1 + 0x1000
        li t0, 32
        li t1, 0x2222222222222200
1:      sd t1, 0(a2)
        addi t1, t1, 1
        addi a2, a2, 8
        addi t0, t0, -1
        bnez t0, 1b
        /* root[2]: identity gigapage for the test image; root[1] -> l1[0] -> l0:
         * l0[0] read-only page (VA 0x40000000), l0[1] read-write page (VA 0x40001000), l0[2] invalid;
         * root[3] (VA 0xc0000000) invalid */
        PTE_PA(root, 2, 0x80000000, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)
        PTE_SYM(root, 1, l1, PTE_V)
        PTE_SYM(l1, 0, l0, PTE_V)
        PTE_PA(l0, 0, SCRATCH1, PTE_V | PTE_R | PTE_A)
        PTE_PA(l0, 1, SCRATCH1 + 0x1000, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        SATP_SET(SATP_MODE_SV39, root)

        TEST_CASE(16)                   /* invalid at the root level */
        GO_S(1f)
1:      SPF(0xc0000123, cbo.zero (a1))
        GO_S(1f)
1:      SPF(0xc0000fff, cbo.clean (a1))
        GO_S(1f)
1:      SPF(0xc0000040, cbo.flush (a1))
        GO_S(1f)
1:      SPF(0xc0000001, cbo.inval (a1))

        TEST_CASE(17)                   /* invalid at the leaf level */
        GO_S(1f)
1:      SPF(0x40002040, cbo.zero (a1))
        GO_S(1f)
1:      SPF(0x40002fc1, cbo.clean (a1))
        GO_S(1f)
1:      SPF(0x40002000, cbo.flush (a1))
        GO_S(1f)
1:      SPF(0x4000203f, cbo.inval (a1))

        TEST_CASE(18)                   /* read-only page: cbo.zero faults and writes nothing */
        GO_S(1f)
1:      SPF(0x40000017, cbo.zero (a1))
        li a2, SCRATCH1
        ld a0, 0x10(a2)
        CHECK(a0, 0x1111111111111111)

        TEST_CASE(19)                   /* read-only page: clean, flush, inval are permitted */
        li a1, 0x40000017
        GO_S(1f)
1:      cbo.clean (a1)
        cbo.flush (a1)
        cbo.inval (a1)
        li a2, 0x40000000
        ld a0, 0x10(a2)
        BACK_S
        CHECK(a0, 0x1111111111111111)

        TEST_CASE(20)                   /* read-write page: cbo.zero through the translation */
        li a1, 0x40001000 + 64 + 6
        GO_S(1f)
1:      cbo.zero (a1)
        BACK_S
        li a2, SCRATCH1 + 0x1000
        ld a0, 56(a2)
        CHECK(a0, 0x2222222222222207)
        ld a0, 64(a2)
        CHECK(a0, 0)
        ld a0, 120(a2)
        CHECK(a0, 0)
        ld a0, 128(a2)
        CHECK(a0, 0x2222222222222210)

        TEST_END

/* buf[i] = 0xa5a5a5a5a5a5a500 + i for the 32 doublewords (clobbers t0, t1, a2) */
fill_buf:
        la a2, buf
        li t0, 32
        li t1, 0xa5a5a5a5a5a5a500
1:      sd t1, 0(a2)
        addi t1, t1, 1
        addi a2, a2, 8
        addi t0, t0, -1
        bnez t0, 1b
        ret

/* every doubleword of buf holds its pattern, except those of block a3, which are 0 (clobbers t0-t2, a2, a4) */
check_buf:
        la a2, buf
        li t0, 0
        li t1, 0xa5a5a5a5a5a5a500
1:      srli t2, t0, 3
        mv a4, t1
        bne t2, a3, 2f
        li a4, 0
2:      ld t2, 0(a2)
        bne t2, a4, fail
        addi t1, t1, 1
        addi a2, a2, 8
        addi t0, t0, 1
        li t2, 32
        bne t0, t2, 1b
        ret

        PAGE_TABLE(root)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)

        .data
        .align 6
buf:    .fill 256, 1, 0
