/* Sdtrig on vhart: WARL values of tselect, tdata1-3, tinfo and tcontrol; tcontrol.mte/mpte across traps
 * and mret; execute, load and store matches of every kind with exact epc and tval; icount, etrigger,
 * itrigger; the mcontrol sequence of riscv-tests' rv64mi breakpoint test (RISC-V Debug Specification 1.0,
 * 5.7). vhart-only: it pins vhart's own WARL choices (reset values, tinfo, supported kinds) and the
 * matching address in tval, where QEMU 7.2 differs (its tinfo already fails case 2; it writes tval 0). */
#include "test.h"
#include "priv_macros.h"

#define MC2             (2 << 60)
#define ICOUNT          (3 << 60)
#define ITRIG           (4 << 60)
#define ETRIG           (5 << 60)
#define MC6             (6 << 60)
#define DISABLED        (15 << 60)
#define MC_LOAD         0x1
#define MC_STORE        0x2
#define MC_EXEC         0x4
#define MC_U            0x8
#define MC_S            0x10
#define MC_M            0x40
#define MATCH(k)        ((k) << 7)
#define MC6_SIZE(s)     ((s) << 16)
#define MC6_HIT0        (1 << 22)
#define MC2_HIT         (1 << 20)
#define IC_COUNT(n)     ((n) << 10)
#define IC_U            (1 << 6)
#define IC_S            (1 << 7)
#define IC_PENDING      (1 << 8)
#define IC_M            (1 << 9)
#define IC_HIT          (1 << 24)
#define XT_U            (1 << 6)
#define XT_S            (1 << 7)
#define XT_M            (1 << 9)
#define XT_HIT          (1 << 58)
#define TCONTROL_MTE    0x8
#define TCONTROL_MPTE   0x80

/* Trigger 0: tdata2 = address of `sym` plus `off`, then tdata1 = `ctl` (clobbers t0). */
#define ARM_AT(sym, off, ctl)                       \
        csrw tselect, zero;                         \
        csrw tdata1, zero;                          \
        la t0, sym;                                 \
        addi t0, t0, off;                           \
        csrw tdata2, t0;                            \
        li t0, ctl;                                 \
        csrw tdata1, t0

/* Trigger 0: tdata2 = the constant v, then tdata1 = `ctl`. */
#define ARM_VAL(v, ctl)                             \
        csrw tselect, zero;                         \
        csrw tdata1, zero;                          \
        li t0, v;                                   \
        csrw tdata2, t0;                            \
        li t0, ctl;                                 \
        csrw tdata1, t0

#define DISARM                                      \
        csrw tselect, zero;                         \
        csrw tdata1, zero

/* CSR `csr` written with w reads back r (clobbers t0, a0). */
#define WARL(csr, w, r)                             \
        li t0, w;                                   \
        csrw csr, t0;                               \
        csrr a0, csr;                               \
        CHECK(a0, r)

/* The last trap was a breakpoint at label l with tval = address of label t (clobbers t6). */
#define CHECK_BP(l, t)                              \
        CHECK_TRAP(CAUSE_BREAKPOINT, l);            \
        CHECK_TVAL_LABEL(t)

        TEST_BEGIN
        PRIV_INIT

        /* ---- 2: reset values: every trigger type 2 with nothing enabled; tcontrol 0 ---- */
        TEST_CASE(2)
        li a1, 0
1:      csrw tselect, a1
        csrr a0, tdata1
        CHECK(a0, MC2)
        csrr a0, tinfo                  /* version 1; types 2, 3, 4, 5, 6 and 15 */
        CHECK(a0, 0x0100807c)
        addi a1, a1, 1
        li t0, 4
        bne a1, t0, 1b
        csrr a0, tcontrol
        CHECK(a0, 0)
        csrr a0, tdata3
        CHECK(a0, 0)

        /* ---- 3: tselect keeps its value when written past the last trigger (4 triggers) ---- */
        TEST_CASE(3)
        WARL(tselect, 0, 0)
        WARL(tselect, 3, 3)
        WARL(tselect, 4, 3)
        WARL(tselect, -1, 3)
        WARL(tselect, 1, 1)
        WARL(tselect, 0x8000000000000000, 1)
        csrw tselect, zero

        /* ---- 4: mcontrol6 fields: dmode, vs/vu, select, uncertain, chain and action != 0 read 0;
         * unsupported match and size values fall back to 0 ---- */
        TEST_CASE(4)
        WARL(tdata1, MC6 | (1 << 59) | (1 << 26) | (1 << 25) | (1 << 24) | (1 << 23) | (1 << 22) | (1 << 21) | \
                     MC6_SIZE(7) | (1 << 12) | (1 << 11) | MATCH(7) | 0x7f, \
             MC6 | (1 << 25) | (1 << 22) | 0x5f)
        WARL(tdata1, MC6 | MATCH(2) | MC6_SIZE(3) | MC_M, MC6 | MATCH(2) | MC6_SIZE(3) | MC_M)
        WARL(tdata1, MC6 | MC6_SIZE(4) | MC_M, MC6 | MC_M)
        WARL(tdata1, MC6 | MATCH(9) | MC_M, MC6 | MATCH(9) | MC_M)
        WARL(tdata1, MC6 | MATCH(13) | MC_M, MC6 | MATCH(13) | MC_M)
        WARL(tdata1, MC6 | MATCH(6) | MC_M, MC6 | MC_M)
        /* NAPOT: maskmax6 is 63, so all ones in tdata2 bits 62:0 clears bit 62 */
        WARL(tdata1, MC6 | MATCH(1), MC6 | MATCH(1))
        WARL(tdata2, -1, 0xbfffffffffffffff)
        WARL(tdata2, 0x80000fff, 0x80000fff)
        WARL(tdata1, MC6, MC6)
        WARL(tdata2, -1, -1)

        /* ---- 5: mcontrol: maskmax 0 (no NAPOT), timing/select/action/sizes ---- */
        TEST_CASE(5)
        WARL(tdata1, MC2 | (0x3f << 53) | (1 << 20) | (1 << 19) | (1 << 18) | (1 << 12) | MATCH(1) | 0x7f, \
             MC2 | (1 << 20) | 0x5f)
        WARL(tdata1, MC2 | (1 << 21) | (1 << 16) | MATCH(3) | MC_M, MC2 | (1 << 21) | (1 << 16) | MATCH(3) | MC_M)
        WARL(tdata1, MC2 | (1 << 21) | MC_M, MC2 | MC_M)          /* size 4 (48 bits): unsupported */

        /* ---- 6: type 0, 15 and unsupported types disable: type 15, nothing else ---- */
        TEST_CASE(6)
        WARL(tdata1, 0, DISABLED)
        WARL(tdata1, (1 << 60) | 0x7f, DISABLED)
        WARL(tdata1, (7 << 60) | 0x7f, DISABLED)
        WARL(tdata1, DISABLED | MC_M | MC_EXEC, DISABLED)
        WARL(tdata3, -1, 0)

        /* ---- 7: icount, etrigger, itrigger fields; their tdata2 holds only existing causes ---- */
        TEST_CASE(7)
        WARL(tdata1, ICOUNT | (1 << 59) | (1 << 26) | (1 << 25) | IC_HIT | IC_COUNT(0x3fff) | 0x3ff, \
             0x3000000001ffffc0)
        WARL(tdata1, ETRIG | XT_HIT | (1 << 12) | (1 << 11) | (1 << 10) | 0x3ff, 0x54000000000002c0)
        WARL(tdata2, -1, 0xb3ff)
        WARL(tdata1, ITRIG | XT_HIT | (1 << 10) | 0x3ff, ITRIG | XT_HIT | 0x2c0)
        WARL(tdata2, -1, 0xaaa)
        DISARM

        /* ---- 8: tcontrol holds mte and mpte only ---- */
        TEST_CASE(8)
        WARL(tcontrol, -1, TCONTROL_MTE | TCONTROL_MPTE)
        WARL(tcontrol, 0, 0)

        /* ---- 9: an M-mode execute trigger does not fire while tcontrol.mte = 0 ---- */
        TEST_CASE(9)
        ARM_AT(2f, 0, MC6 | MC_M | MC_EXEC)
        li a0, 5
2:      addi a0, a0, 1
        DISARM
        CHECK(a0, 6)

        /* ---- 10: with mte = 1 it fires; the trap sets mpte = 1, mte = 0; hit0 says "before" ---- */
        TEST_CASE(10)
        ARM_AT(2f, 0, MC6 | MC_M | MC_EXEC)
        li a0, 5
        EXPECT_TRAP(3f)
        csrwi tcontrol, TCONTROL_MTE
2:      addi a0, a0, 1
        j fail
3:      csrr a1, tcontrol
        csrr a2, tdata1
        DISARM
        CHECK_BP(2b, 2b)
        CHECK(a0, 5)
        CHECK(a1, TCONTROL_MPTE)
        CHECK(a2, MC6 | MC6_HIT0 | MC_M | MC_EXEC)

        /* ---- 11: mret sets mte = mpte ---- */
        TEST_CASE(11)
        GO_MODE(3, 1f)
1:      csrr a0, tcontrol
        CHECK(a0, TCONTROL_MTE | TCONTROL_MPTE)
        /* a trap with mte = 0 saves 0 in mpte */
        li t0, TCONTROL_MPTE
        csrw tcontrol, t0
        ECALL_TO_M(2f)
2:      csrr a0, tcontrol
        CHECK(a0, 0)
        CHECK(s8, CAUSE_ECALL_M)
        GO_MODE(3, 1f)
1:      csrr a0, tcontrol
        CHECK(a0, 0)

        /* ---- 12: execute >= in S: the first instruction at or above tdata2 ---- */
        TEST_CASE(12)
        ARM_AT(2f, 0, MC6 | MC_S | MC_EXEC | MATCH(2))
        li a0, 5
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      addi a0, a0, 1
2:      addi a0, a0, 10
        j fail
3:      CHECK_BP(2b, 2b)
        CHECK(a0, 6)

        /* ---- 13: execute < in S: nothing at or above tdata2 fires, a jump below it does ---- */
        TEST_CASE(13)
        ARM_AT(2f, 0, MC6 | MC_S | MC_EXEC | MATCH(3))
        li a0, 5
        EXPECT_TRAP(3f)
        GO_S(2f)
1:      addi a0, a0, 10
        j fail
2:      addi a0, a0, 1
        j 1b
3:      CHECK_BP(1b, 1b)
        CHECK(a0, 6)

        /* ---- 14: execute NAPOT in U: tdata2 = base | 7 covers a 16-byte block ---- */
        TEST_CASE(14)
        ARM_AT(5f, 7, MC6 | MC_U | MC_EXEC | MATCH(1))
        li a0, 5
        EXPECT_TRAP(3f)
        GO_U(4f)
        .option push
        .option norvc
        .align 4
4:      addi a0, a0, 1                  /* the block before: no match */
        addi a0, a0, 1
        addi a0, a0, 1
        addi a0, a0, 1
5:      addi a0, a0, 10
        j fail
        .option pop
3:      CHECK_BP(5b, 5b)
        CHECK(a0, 9)

        /* ---- 15: execute mask low: pc[31:0] & tdata2[63:32] == tdata2[31:0] ---- */
        TEST_CASE(15)
        la t1, 2f
        li t0, 0xffc
        and t1, t1, t0
        li t0, 0xffc << 32
        or t1, t1, t0
        csrw tselect, zero
        csrw tdata2, t1
        li t0, MC6 | MC_S | MC_EXEC | MATCH(4)
        csrw tdata1, t0
        li a0, 5
        EXPECT_TRAP(3f)
        GO_S(1f)
        .option push
        .option norvc
        .align 2
1:      addi a0, a0, 1
2:      addi a0, a0, 10
        j fail
        .option pop
3:      CHECK_BP(2b, 2b)
        CHECK(a0, 6)

        /* ---- 16: execute "not equal": the first instruction other than tdata2 ---- */
        TEST_CASE(16)
        ARM_AT(1f, 0, MC6 | MC_S | MC_EXEC | MATCH(8))
        li a0, 5
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      addi a0, a0, 1
2:      addi a0, a0, 10
        j fail
3:      CHECK_BP(2b, 2b)
        CHECK(a0, 6)

        /* ---- 17: size 16-bit matches no 32-bit instruction; size 32-bit does ---- */
        TEST_CASE(17)
        ARM_AT(2f, 0, MC6 | MC_S | MC_EXEC | MC6_SIZE(2))
        li a0, 5
        EXPECT_TRAP(3f)
        GO_S(2f)
        .option push
        .option norvc
2:      addi a0, a0, 1
4:      ecall
        .option pop
3:      CHECK_TRAP(CAUSE_ECALL_S, 4b)
        CHECK(a0, 6)
        ARM_AT(2f, 0, MC6 | MC_S | MC_EXEC | MC6_SIZE(3))
        EXPECT_TRAP(3f)
        GO_S(2f)
        .option push
        .option norvc
2:      addi a0, a0, 1
        j fail
        .option pop
3:      CHECK_BP(2b, 2b)
        CHECK(a0, 6)

        /* ---- 18: load >= in S: word1 passes, word2 fires with tval = its address ---- */
        TEST_CASE(18)
        la a1, word1
        la a2, word2
        li a0, 11
        sd a0, 0(a1)
        ARM_AT(word2, 0, MC6 | MC_S | MC_LOAD | MATCH(2))
        li a3, 1
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      ld a0, 0(a1)
2:      ld a3, 0(a2)
        j fail
3:      CHECK_BP(2b, word2)
        CHECK(a0, 11)
        CHECK(a3, 1)

        /* ---- 19: store < in U: word2 is written, word1 fires and keeps its value ---- */
        TEST_CASE(19)
        la a1, word1
        la a2, word2
        sd zero, 0(a1)
        sd zero, 0(a2)
        ARM_AT(word2, 0, MC6 | MC_U | MC_STORE | MATCH(3))
        li a0, 7
        EXPECT_TRAP(3f)
        GO_U(1f)
1:      sd a0, 0(a2)
2:      sd a0, 0(a1)
        j fail
3:      CHECK_BP(2b, word1)
        ld a3, 0(a1)
        CHECK(a3, 0)
        ld a3, 0(a2)
        CHECK(a3, 7)

        /* ---- 20: load NAPOT (8 bytes): a byte load inside fires, tval = its address ---- */
        TEST_CASE(20)
        ARM_AT(word1, 3, MC6 | MC_S | MC_LOAD | MATCH(1))
        la a1, word1
        li a0, 1
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      lb a0, 8(a1)                    /* word2 (7 since case 19): outside the block */
2:      lbu a0, 5(a1)
        j fail
3:      CHECK_BP(2b, word1 + 5)
        CHECK(a0, 7)

        /* ---- 21: every byte accessed is compared: lw at word1 matches tdata2 = word1 + 2 ---- */
        TEST_CASE(21)
        la a1, word1
        li a0, 0x1111111122222222
        sd a0, 0(a1)
        ARM_AT(word1, 2, MC6 | MC_S | MC_LOAD)
        li a0, 1
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      lw a0, 4(a1)                    /* bytes 4-7: no match */
2:      lw a0, 0(a1)
        j fail
3:      CHECK_BP(2b, word1)
        CHECK(a0, 0x11111111)

        /* ---- 22: a misaligned load across the trigger: breakpoint (not misaligned), tval = va ---- */
        TEST_CASE(22)
        ARM_AT(word2, 0, MC6 | MC_S | MC_LOAD)
        la a1, word1
        li a0, 1
        EXPECT_TRAP(3f)
        GO_S(2f)
2:      ld a0, 4(a1)
        j fail
3:      CHECK_BP(2b, word1 + 4)
        CHECK(a0, 1)

        /* ---- 23: an AMO is a load and a store: no effect on memory or rd ---- */
        TEST_CASE(23)
        la a1, word1
        li a0, 100
        sd a0, 0(a1)
        ARM_AT(word1, 0, MC6 | MC_S | MC_STORE)
        li a2, 5
        li a3, 9
        EXPECT_TRAP(3f)
        GO_S(2f)
2:      amoadd.d a3, a2, (a1)
        j fail
3:      CHECK_BP(2b, word1)
        CHECK(a3, 9)
        ld a0, 0(a1)
        CHECK(a0, 100)

        /* ---- 24: size 32-bit: ld does not match, lw does ---- */
        TEST_CASE(24)
        ARM_AT(word1, 0, MC6 | MC_S | MC_LOAD | MC6_SIZE(3))
        la a1, word1
        li a0, 0
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      ld a0, 0(a1)
2:      lw a3, 0(a1)
        j fail
3:      CHECK_BP(2b, word1)
        CHECK(a0, 100)

        /* ---- 25: M-mode load trigger: silent with mte = 0, fires with mte = 1 ---- */
        TEST_CASE(25)
        ARM_AT(word1, 0, MC6 | MC_M | MC_LOAD)
        la a1, word1
        ld a0, 0(a1)
        CHECK(a0, 100)
        li a0, 1
        EXPECT_TRAP(3f)
        csrwi tcontrol, TCONTROL_MTE
2:      ld a0, 0(a1)
        j fail
3:      CHECK_BP(2b, word1)
        CHECK(a0, 1)
        csrr a0, tcontrol
        CHECK(a0, TCONTROL_MPTE)
        csrw tcontrol, zero
        DISARM

        /* ---- 26: icount 3 in U: fires before the fourth U instruction, tval 0 ---- */
        TEST_CASE(26)
        csrw tselect, zero
        li t0, ICOUNT | IC_COUNT(3) | IC_U
        csrw tdata1, t0
        li a0, 5
        EXPECT_TRAP(3f)
        GO_U(1f)
1:      addi a0, a0, 1
        addi a0, a0, 1
        addi a0, a0, 1
2:      addi a0, a0, 10
        j fail
3:      CHECK_TRAP(CAUSE_BREAKPOINT, 2b)
        CHECK(s10, 0)
        CHECK(a0, 8)
        csrr a0, tdata1                 /* count 0, pending clear, hit set */
        CHECK(a0, ICOUNT | IC_HIT | IC_U)

        /* ---- 27: icount counts traps; pending waits for the next U instruction ---- */
        TEST_CASE(27)
        li t0, ICOUNT | IC_COUNT(2) | IC_U
        csrw tdata1, t0
        li a0, 5
        EXPECT_TRAP(3f)
        GO_U(1f)
1:      addi a0, a0, 1
4:      ecall
        j fail
3:      CHECK_TRAP(CAUSE_ECALL_U, 4b)
        csrr a1, tdata1                 /* the M-mode handler did not count, nor fire */
        CHECK(a1, ICOUNT | IC_PENDING | IC_U)
        EXPECT_TRAP(3f)
        GO_U(2f)
2:      addi a0, a0, 10
        j fail
3:      CHECK_TRAP(CAUSE_BREAKPOINT, 2b)
        CHECK(a0, 6)
        DISARM

        /* ---- 28: etrigger on ecall from U: breakpoint after the trap, epc = the handler ---- */
        TEST_CASE(28)
        csrw tselect, zero
        li t0, 1 << CAUSE_ECALL_U
        csrw tdata2, t0
        li t0, ETRIG | XT_U
        csrw tdata1, t0
        EXPECT_TRAP(3f)
        GO_U(1f)
1:      ecall
        j fail
3:      CHECK_TRAP(CAUSE_BREAKPOINT, priv_mtrap)
        CHECK(s10, 0)
        csrr a0, tdata1
        CHECK(a0, ETRIG | XT_HIT | XT_U)
        /* other causes, and ecall from S, do not match */
        li t0, ETRIG | XT_U
        csrw tdata1, t0
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      ecall
        j fail
3:      CHECK_TRAP(CAUSE_ECALL_S, 1b)
        DISARM

        /* ---- 29: itrigger on a supervisor software interrupt taken from S ---- */
        TEST_CASE(29)
        csrw tselect, zero
        li t0, 1 << IRQ_S_SOFT
        csrw tdata2, t0
        li t0, ITRIG | XT_S
        csrw tdata1, t0
        li t0, MIP_SSIP
        csrs mip, t0
        csrs mie, t0
        EXPECT_TRAP(3f)
        GO_S(1f)
1:      j 1b
3:      li t0, MIP_SSIP
        csrc mip, t0
        csrc mie, t0
        CHECK_TRAP(CAUSE_BREAKPOINT, priv_mtrap)
        CHECK(s10, 0)
        DISARM

        /* ---- 30: riscv-tests rv64mi breakpoint: type 2 triggers 0 and 1 in M-mode ---- */
        TEST_CASE(30)
        csrwi tcontrol, TCONTROL_MTE
        la a2, 1f
        csrw tdata2, a2
        li a0, MC2 | MC_M | MC_EXEC
        csrw tdata1, a0
        csrr a1, tdata1
        bne a0, a1, fail
        EXPECT_TRAP(2f)
1:      j fail
2:      CHECK_BP(1b, 1b)
        csrr a0, tdata1
        CHECK(a0, MC2 | MC2_HIT | MC_M | MC_EXEC)
        csrwi tcontrol, TCONTROL_MTE
        la a2, word1
        lw a0, 0(a2)                    /* an execute trigger: reads do not trap */
        li a0, MC2 | MC_M | MC_LOAD
        csrw tdata1, a0
        csrr a1, tdata1
        bne a0, a1, fail
        csrw tdata2, a2
        EXPECT_TRAP(2f)
1:      lw a2, 0(a2)
        j fail
2:      CHECK_BP(1b, word1)
        csrwi tcontrol, TCONTROL_MTE
        sw zero, 0(a2)                  /* a load trigger: writes do not trap */
        li a0, MC2 | MC_M | MC_STORE
        csrw tdata1, a0
        csrr a1, tdata1
        bne a0, a1, fail
        li a3, 55
        EXPECT_TRAP(2f)
1:      sw a3, 0(a2)
        j fail
2:      CHECK_BP(1b, word1)
        csrwi tcontrol, TCONTROL_MTE
        lw a0, 0(a2)                    /* the store did not happen */
        CHECK(a0, 0)
        li a0, 1                        /* a second trigger: load at word2 */
        csrw tselect, a0
        li a0, MC2 | MC_M | MC_LOAD
        csrw tdata1, a0
        la a3, word2
        csrw tdata2, a3
        EXPECT_TRAP(2f)
1:      lw a3, 0(a3)
        j fail
2:      CHECK_BP(1b, word2)
        csrwi tcontrol, TCONTROL_MTE
        EXPECT_TRAP(2f)
1:      sw a2, 0(a2)                    /* the first still fires */
        j fail
2:      CHECK_BP(1b, word1)
        csrw tcontrol, zero
        csrw tdata1, zero
        DISARM

        /* ---- 31: lr is a load; sc is a store only: a load trigger lets it through ---- */
        TEST_CASE(31)
        la a1, word1
        li a0, 5
        sd a0, 0(a1)
        ARM_AT(word1, 0, MC6 | MC_S | MC_LOAD)
        li a2, 9
        EXPECT_TRAP(3f)
        GO_S(2f)
2:      lr.d a0, (a1)
        j fail
3:      CHECK_BP(2b, word1)
        csrw tdata1, zero
        lr.d a0, (a1)                   /* M-mode, untriggered: take the reservation */
        ARM_AT(word1, 0, MC6 | MC_M | MC_LOAD)
        csrwi tcontrol, TCONTROL_MTE
        sc.d a3, a2, (a1)
        csrw tcontrol, zero
        CHECK(a3, 0)
        ld a0, 0(a1)
        CHECK(a0, 9)
        lr.d a0, (a1)
        ARM_AT(word1, 0, MC6 | MC_M | MC_STORE)
        li a3, 7
        csrwi tcontrol, TCONTROL_MTE
        EXPECT_TRAP(3f)
2:      sc.d a3, a2, (a1)
        j fail
3:      CHECK_BP(2b, word1)
        CHECK(a3, 7)
        csrw tcontrol, zero
        DISARM

        TEST_END

        .data
        .align 3
word1:  .dword 0
word2:  .dword 0
