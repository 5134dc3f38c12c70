/* Physical memory protection: TOR, NA4 and NAPOT regions checked for S, U and MPRV accesses, priority of
 * the lowest-numbered match, M-mode exempt unless locked (privileged spec 1.12, 3.7). */
#include "test.h"
#include "priv_macros.h"

#define R_TOR    SCRATCH1               /* entry 1: TOR [pmpaddr0, pmpaddr1), R */
#define R_XONLY  (SCRATCH1 + 0x1000)    /* entry 2: NAPOT 4 KiB, X */
#define R_NA4    (SCRATCH1 + 0x2000)    /* entry 3: NA4, no access */
#define R_PRIO   (SCRATCH1 + 0x3000)    /* entry 4: NAPOT 4 KiB, none; entry 5: same, RW */
#define R_LOCK   (SCRATCH1 + 0x4000)    /* entry 6: NA4, R, locked (case 10) */
                                        /* entry 7: NAPOT everything, RWX */
#define INSN_RET 0x00008067

#define ACC_CASE(c, addr, insn...)                  \
        TRAP_CASE(c, insn);                         \
        CHECK(s10, addr)

        TEST_BEGIN
        PRIV_INIT
        li t0, R_XONLY                  /* a `ret` in the execute-only region, 0x55 in each region */
        li t1, INSN_RET
        sw t1, 0(t0)
        fence.i
        li t1, 0x55
        li t0, R_TOR
        sd t1, 0x10(t0)
        li t0, R_NA4
        sd t1, 0(t0)
        sd t1, 8(t0)
        li t0, R_PRIO
        sd t1, 0(t0)

        li t0, R_TOR >> 2
        csrw pmpaddr0, t0
        li t0, (R_TOR + 0x1000) >> 2
        csrw pmpaddr1, t0
        li t0, (R_XONLY >> 2) | 0x1ff
        csrw pmpaddr2, t0
        li t0, R_NA4 >> 2
        csrw pmpaddr3, t0
        li t0, (R_PRIO >> 2) | 0x1ff
        csrw pmpaddr4, t0
        csrw pmpaddr5, t0
        li t0, -1
        csrw pmpaddr7, t0
        li t0, 0x1f001b18101c0900
        csrw pmpcfg0, t0
        csrr a0, pmpcfg0
        bne a0, t0, fail

        TEST_CASE(2)                    /* TOR, read-only */
        li a1, R_TOR
        GO_S(1f)
1:      ld a0, 0x10(a1)
        CHECK(a0, 0x55)
        li a2, R_TOR + 0xff8            /* last doubleword of the region */
        ld a0, 0(a2)
        ACC_CASE(CAUSE_STORE_ACCESS, R_TOR + 0x10, sd a0, 0x10(a1))
        li a1, R_TOR - 8                /* just below: entry 7 */
        GO_S(1f)
1:      ld a0, 0(a1)
        sd a0, 0(a1)
        li a1, R_TOR
        la s11, 2f
        jalr ra, a1                     /* no X */
        j fail
2:      CHECK(s8, CAUSE_FETCH_ACCESS)
        CHECK(s9, R_TOR)
        CHECK(s10, R_TOR)

        TEST_CASE(3)                    /* NAPOT, execute-only */
        li a1, R_XONLY
        GO_S(1f)
1:      jalr ra, a1                     /* runs the ret */
        li a1, R_XONLY + 0x800
        ACC_CASE(CAUSE_LOAD_ACCESS, R_XONLY + 0x800, lw a0, 0(a1))
        GO_S(1f)
1:      li a1, R_XONLY + 0xff8
        ACC_CASE(CAUSE_STORE_ACCESS, R_XONLY + 0xff8, sd a0, 0(a1))
        li a1, R_XONLY + 0x1000         /* just above: entry 4 (no access) */
        GO_S(1f)
1:      ACC_CASE(CAUSE_LOAD_ACCESS, R_XONLY + 0x1000, ld a0, 0(a1))

        TEST_CASE(4)                    /* NA4: exactly four bytes */
        li a1, R_NA4
        GO_S(1f)
1:      ld a0, 8(a1)
        CHECK(a0, 0x55)
        lw a0, 4(a1)
        CHECK(a0, 0)
        ACC_CASE(CAUSE_LOAD_ACCESS, R_NA4, lw a0, 0(a1))
        GO_S(1f)
1:      ACC_CASE(CAUSE_STORE_ACCESS, R_NA4 + 2, sh a0, 2(a1))

        TEST_CASE(5)                    /* the lowest-numbered matching entry decides */
        li a1, R_PRIO
        GO_S(1f)
1:      ACC_CASE(CAUSE_LOAD_ACCESS, R_PRIO, ld a0, 0(a1))

        TEST_CASE(6)                    /* U is checked the same way */
        li a1, R_TOR
        GO_U(1f)
1:      ld a0, 0x10(a1)
        CHECK(a0, 0x55)
        ACC_CASE(CAUSE_STORE_ACCESS, R_TOR, sd a0, 0(a1))
        li a1, R_XONLY
        GO_U(1f)
1:      ACC_CASE(CAUSE_LOAD_ACCESS, R_XONLY, ld a0, 0(a1))

        TEST_CASE(7)                    /* M ignores unlocked entries */
        li a1, R_TOR
        li a0, 0x66
        sd a0, 0x18(a1)
        ld a2, 0x18(a1)
        CHECK(a2, 0x66)
        li a1, R_PRIO
        ld a0, 0(a1)
        CHECK(a0, 0x55)
        li a1, R_NA4                    /* the NA4 entry (no permissions) does not bind M ... */
        lw a0, 0(a1)
        CHECK(a0, 0x55)
        sw a0, 0(a1)
        /* ... but an access it matches only in part fails, even in M */
        ACC_CASE(CAUSE_LOAD_ACCESS, R_NA4, ld a0, 0(a1))
        ACC_CASE(CAUSE_STORE_ACCESS, R_NA4, sd a0, 0(a1))

        TEST_CASE(8)                    /* M with MPRV = 1, MPP = S: checked as S */
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MPP_S | MSTATUS_MPRV
        csrs mstatus, t0
        li a1, R_TOR
        ld a0, 0x10(a1)
        la s11, 2f
3:      sd a0, 0x10(a1)
        j fail
2:      li t0, MSTATUS_MPRV
        csrc mstatus, t0
        CHECK(s8, CAUSE_STORE_ACCESS)
        la t0, 3b
        bne s9, t0, fail
        CHECK(s10, R_TOR + 0x10)

        TEST_CASE(9)                    /* a region fits with no match outside entry 7: S fetches from the image */
        GO_S(1f)
1:      la a1, ddata
        ld a0, 0(a1)
        CHECK(a0, 0x1234)
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)

        TEST_CASE(10)                   /* a locked entry binds M too, and cannot be rewritten */
        li t0, R_LOCK >> 2
        csrw pmpaddr6, t0
        li t0, 0x91 << 48               /* L | NA4 | R */
        csrs pmpcfg0, t0
        li a1, R_LOCK
        lw a0, 0(a1)
        ACC_CASE(CAUSE_STORE_ACCESS, R_LOCK, sw a0, 0(a1))
        li t0, 0x1f << 48               /* try to unlock / widen */
        csrs pmpcfg0, t0
        csrr a0, pmpcfg0
        srli a0, a0, 48
        andi a0, a0, 0xff
        CHECK(a0, 0x91)
        li t0, -1
        csrw pmpaddr6, t0
        csrr a0, pmpaddr6
        CHECK(a0, R_LOCK >> 2)
        ACC_CASE(CAUSE_STORE_ACCESS, R_LOCK, sw a0, 0(a1))
        sw a0, 4(a1)                    /* next word: entry 7 */

        TEST_END

        .data
        .align 3
ddata:  .dword 0x1234
