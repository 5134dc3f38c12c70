/* RV64C control transfer, written with explicit c. mnemonics: c.j, c.beqz, c.bnez, c.jr, c.jalr
 * (ra = pc + 2), c.ebreak (own mtvec handler: mcause = 3, mepc = the c.ebreak, resume at mepc + 2),
 * largest c.j (+2046 / -2048) and c.beqz / c.bnez (+254 / -256) offsets, 64-bit register tests in
 * c.beqz / c.bnez, and 32-bit instructions at 2-byte aligned pcs, including one that straddles a
 * 4 KiB page boundary; the all-zero half-word is illegal. (RV64 has no c.jal: that encoding is
 * c.addiw, tested in rv64uc_alu.) */
#include "test.h"
#include "unpriv_macros.h"

#define NEVER(bytes) .skip bytes, 0     /* zero halfwords: illegal if executed */
/* A 4-byte jal x0. */
#define J32(target) .option push; .option norvc; jal zero, target; .option pop

/* The largest-offset branches are emitted as fixed halfwords: GAS widens a c.j / c.beqz / c.bnez
 * whose target looks out of range into a 32-bit jal / branch, and in a file with several long
 * variable-size fragments it does so even for an in-range +254 (binutils 2.40). The encodings
 * below were checked against the disassembler; each case also checks its layout at run time. */
#define C_J_FWD_2046      .half 0xaffd      /* c.j    . + 2046 */
#define C_J_BWD_2048      .half 0xb001      /* c.j    . - 2048 */
#define C_BEQZ_A3_FWD_254 .half 0xcefd      /* c.beqz a3, . + 254 */
#define C_BNEZ_A3_BWD_256 .half 0xf281      /* c.bnez a3, . - 256 */
#define C_BNEZ_A4_FWD_252 .half 0xef75      /* c.bnez a4, . + 252 */

        TEST_BEGIN
        .option rvc
        .option norelax

        /* ---- c.j forward and backward ---- */
        TEST_CASE(2)
        li a0, 0
        c.j 1f
        j fail
1:      c.li a0, 2
        CHECK(a0, 2)

        TEST_CASE(3)
        li a0, 0
        c.j 2f
1:      c.li a0, 3
        c.j 3f
2:      c.j 1b
        j fail
3:      CHECK(a0, 3)

        /* ---- c.j largest offsets ---- */
        TEST_CASE(4)
        lla a1, .Lcj_fwd
        lla a2, .Lcj_fwd_tgt
        sub a1, a2, a1
        CHECK(a1, 2046)
        li a0, 0
.Lcj_fwd:
        C_J_FWD_2046
        NEVER(2044)
.Lcj_fwd_tgt:
        c.li a0, 4
        CHECK(a0, 4)

        TEST_CASE(5)
        lla a1, .Lcj_bwd_tgt
        lla a2, .Lcj_bwd
        sub a1, a2, a1
        CHECK(a1, 2048)
        li a0, 0
        J32(.Lcj_bwd)
.Lcj_bwd_tgt:
        c.li a0, 5
        J32(1f)
        NEVER(2042)
.Lcj_bwd:
        C_J_BWD_2048
        j fail
1:      CHECK(a0, 5)

        /* ---- c.beqz / c.bnez test all 64 bits of rs1' ---- */
#define CB_T(n, br, reg, v) TEST_CASE(n); li reg, v; br reg, 2f; j fail; 2: BREAK_POINT(n)
#define CB_N(n, br, reg, v) TEST_CASE(n); li reg, v; br reg, 2f; c.j 3f; 2: j fail; 3: BREAK_POINT(n)
        CB_T(6, c.beqz, a0, 0)
        CB_N(7, c.beqz, a0, 1)
        CB_N(8, c.beqz, a0, 0x100000000)
        CB_N(9, c.beqz, s0, 0x8000000000000000)
        CB_N(10, c.beqz, a5, -1)
        CB_T(11, c.beqz, s1, 0)
        CB_N(12, c.bnez, a0, 0)
        CB_T(13, c.bnez, a0, 1)
        CB_T(14, c.bnez, a0, 0x100000000)
        CB_T(15, c.bnez, s0, 0x8000000000000000)
        CB_T(16, c.bnez, a5, -1)
        CB_N(17, c.bnez, s1, 0)

        /* ---- c.beqz / c.bnez backward (a loop) ---- */
        TEST_CASE(18)
        li a0, 0
        li a1, 5
1:      c.addi a0, 3
        c.addi a1, -1
        c.bnez a1, 1b
        CHECK(a0, 15)

        /* ---- c.beqz / c.bnez largest offsets +254 / -256 ---- */
        TEST_CASE(19)
        lla a1, .Lcb_fwd
        lla a2, .Lcb_fwd_tgt
        sub a1, a2, a1
        CHECK(a1, 254)
        li a0, 0
        li a3, 0
.Lcb_fwd:
        C_BEQZ_A3_FWD_254
        NEVER(252)
.Lcb_fwd_tgt:
        c.li a0, 19
        CHECK(a0, 19)

        TEST_CASE(20)
        lla a1, .Lcb_bwd_tgt
        lla a2, .Lcb_bwd
        sub a1, a2, a1
        CHECK(a1, 256)
        li a0, 0
        li a3, 1
        J32(.Lcb_bwd)
.Lcb_bwd_tgt:
        c.li a0, 20
        c.j 1f
        NEVER(252)
.Lcb_bwd:
        C_BNEZ_A3_BWD_256
        j fail
1:      CHECK(a0, 20)

        TEST_CASE(21)               /* not taken, with offsets +254 and +252 */
        lla a1, .Lcb_nt_br
        lla a2, .Lcb_nt
        sub a1, a2, a1
        CHECK(a1, 254)
        li a0, 0
        li a3, 1
        li a4, 0
.Lcb_nt_br:
        C_BEQZ_A3_FWD_254
        C_BNEZ_A4_FWD_252
        c.li a0, 21
        c.j 1f
        NEVER(246)
.Lcb_nt:
        j fail
1:      CHECK(a0, 21)

        /* ---- c.jr rs1: no link ---- */
        TEST_CASE(22)
        li ra, 0x1234
        lla a1, 1f
        c.jr a1
        j fail
1:      CHECK(ra, 0x1234)

        TEST_CASE(23)
        lla ra, 1f
        c.jr ra
        j fail
1:      CHECK(zero, 0)

        TEST_CASE(24)               /* bit 0 of the target is cleared */
        lla t2, 1f
        addi t2, t2, 1
        c.jr t2
        j fail
1:      CHECK(zero, 0)

        /* ---- c.jalr rs1: ra = pc + 2 ---- */
        TEST_CASE(25)
        li ra, 0
        lla a1, 1f
        c.jalr a1
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        TEST_CASE(26)               /* c.jalr ra: jumps to the old ra, then ra = pc + 2 */
        lla ra, 1f
        c.jalr ra
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        TEST_CASE(27)               /* odd register value */
        lla s11, 1f
        addi s11, s11, 1
        c.jalr s11
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)

        TEST_CASE(28)               /* a call / return pair through c.jalr / c.jr, nested */
        li a0, 1
        lla t3, cfunc_outer
        c.jalr t3
        CHECK(a0, 0x13)             /* ((1 + 2) * 4) + 7 */

        TEST_CASE(29)               /* c.jalr at a pc that is 2 mod 4 */
        lla a1, 1f
        .balign 4
        c.nop
        c.jalr a1                   /* at 2 mod 4 */
2:      j fail
1:      lla a0, 2b
        sub a0, ra, a0
        CHECK(a0, 0)
        lla a0, 2b
        andi a0, a0, 3
        CHECK(a0, 0)                /* the link, 2 bytes further, is 0 mod 4 */

        /* ---- c.ebreak: breakpoint trap, mcause 3, mepc = the c.ebreak ---- */
        TEST_CASE(30)
        la t0, ebreak_trap
        csrw mtvec, t0
        li s8, 0                    /* handler entry count */
        li s9, -1
        li a0, 0
.Lcebreak:
        c.ebreak
        c.li a0, 30                 /* resumes here: mepc + 2 */
        CHECK(a0, 30)
        CHECK(s8, 1)
        lla a1, .Lcebreak
        sub a1, s9, a1
        CHECK(a1, 0)

        TEST_CASE(31)               /* twice in a row */
        li s8, 0
        c.ebreak
        c.ebreak
        CHECK(s8, 2)

        TEST_CASE(32)               /* the 32-bit ebreak, through the generic handler (resumes at +4) */
        EXPECT_TRAP
        TRAP_ARM
        li a0, 0
.Lebreak32:
        .option push
        .option norvc
        ebreak
        .option pop
        c.li a0, 1
        CHECK(a0, 1)
        CHECK(s10, 3)
        lla a1, .Lebreak32
        sub a1, s9, a1
        CHECK(a1, 0)
        la t0, __default_trap
        csrw mtvec, t0

        /* ---- 32-bit instructions at 2-byte aligned pcs ---- */
        TEST_CASE(33)
        li a0, 0
        .balign 4
        c.nop
.Lmis32:
        .option push
        .option norvc
        addi a0, a0, 0x123          /* at 2 mod 4 */
        addi a0, a0, 0x100
        .option pop
        CHECK(a0, 0x223)
        lla a1, .Lmis32
        andi a1, a1, 3
        CHECK(a1, 2)

        TEST_CASE(34)               /* a 32-bit instruction across a 4 KiB page boundary */
        li a0, 0
        j .Lcross_entry
        .balign 4096, 0
        NEVER(4096 - 6)
.Lcross_entry:
        c.li a0, 1                  /* page end - 6 */
        c.slli a0, 4                /* page end - 4 */
.Lcross_insn:
        .option push
        .option norvc
        addi a0, a0, 0x200          /* page end - 2 .. page end + 2 */
        .option pop
        c.addi a0, 3                /* next page + 2 */
        lla a1, .Lcross_insn
        addi a1, a1, 2
        slli a1, a1, 52             /* the boundary is really 4 KiB aligned */
        CHECK(a1, 0)
        CHECK(a0, 0x213)

        TEST_CASE(35)               /* a jal straddling a page boundary */
        li a0, 0
        j .Lcross2_entry
        .balign 4096, 0
        NEVER(4096 - 4)
.Lcross2_entry:
        c.li a0, 7                  /* page end - 4 */
.Lcross2_insn:
        .option push
        .option norvc
        jal ra, 1f                  /* page end - 2 .. page end + 2 */
        .option pop
2:      j fail
1:      lla a1, 2b
        sub a1, ra, a1
        CHECK(a1, 0)
        CHECK(a0, 7)
        lla a1, .Lcross2_insn
        addi a1, a1, 2
        slli a1, a1, 52
        CHECK(a1, 0)

        /* ---- the all-zero half-word is an illegal instruction (mcause 2), 2 bytes long ---- */
        TEST_CASE(36)
        EXPECT_TRAP
        TRAP_ARM
        li a0, 0
.Lzero_insn:
        .half 0
        c.li a0, 9                  /* the generic handler resumes 2 bytes on */
        CHECK(s10, 2)
        CHECK(s11, 0)               /* mtval: 0 either way (the bits are 0) */
        CHECK(a0, 9)
        lla a1, .Lzero_insn
        sub a1, s9, a1
        CHECK(a1, 0)
        la t0, __default_trap
        csrw mtvec, t0

        TEST_END

        .text
        /* Nested call through c.jalr, returns with c.jr ra. */
cfunc_outer:
        c.mv t4, ra
        c.addi a0, 2
        lla t3, cfunc_inner
        c.jalr t3
        c.addi a0, 7
        c.jr t4
cfunc_inner:
        c.slli a0, 2
        c.jr ra

        /* Breakpoint handler for the c.ebreak cases: mcause must be 3; mepc is recorded in s9 and
         * advanced by exactly 2; s8 counts the entries. */
        .balign 4
ebreak_trap:
        csrr t0, mcause
        li t1, 3
        bne t0, t1, fail
        csrr t0, mepc
        mv s9, t0
        addi t0, t0, 2
        csrw mepc, t0
        addi s8, s8, 1
        mret

        UT_TRAP_HANDLER
