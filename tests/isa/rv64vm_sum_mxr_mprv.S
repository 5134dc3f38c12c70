/* Sv39 permission modifiers: U/S page protection, sstatus.SUM, mstatus.MXR, and M-mode data accesses
 * translated through MPRV/MPP (privileged spec 1.12, 3.1.6.3, 4.3.1 and 4.3.2 step 5). */
#include "test.h"
#include "priv_macros.h"

#define U_OFFSET  0x40000000            /* root[3]: 0xc0000000 -> 0x80000000 with U */
#define VA_UDATA  0x40200000            /* l0[0]: U, RW */
#define VA_SDATA  0x40201000            /* l0[1]: S, RW */
#define VA_SXO    0x40202000            /* l0[2]: S, X only */
#define VA_UXO    0x40203000            /* l0[3]: U, X only */
#define VA_UCODE  0x40204000            /* l0[4]: U, RX -> ufunc */
#define VA_SCODE  0x40205000            /* l0[5]: S, RX -> ufunc */

#define PF_CASE(c, va, insn...)                     \
        TRAP_CASE(c, insn);                         \
        CHECK(s10, va)

/* from S, run the U code at local label 1 through the U alias (clobbers t0, t1) */
#define S_TO_U                                      \
        la t0, 1f;                                  \
        li t1, U_OFFSET;                            \
        add t0, t0, t1;                             \
        csrw sepc, t0;                              \
        li t0, MSTATUS_SPP;                         \
        csrc sstatus, t0;                           \
        sret

/* in U: insn must fault into S with cause c and stval va; resumes in S (identity addresses) */
#define U_PF_CASE(c, va, insn...)                   \
        la s11, 9f;                                 \
        li t0, U_OFFSET;                            \
        sub s11, s11, t0;                           \
8:      insn;                                       \
        j fail;                                     \
9:      CHECK(s8, c);                               \
        la t6, 8b;                                  \
        li t0, U_OFFSET;                            \
        add t6, t6, t0;                             \
        bne s9, t6, fail;                           \
        CHECK(s10, va)

#define SET_M(bits) li t0, bits; csrs mstatus, t0
#define CLR_M(bits) li t0, bits; csrc mstatus, t0
#define SET_S(bits) li t0, bits; csrs sstatus, t0
#define CLR_S(bits) li t0, bits; csrc sstatus, t0

        TEST_BEGIN
        PRIV_INIT
        li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
        csrw medeleg, t0

        li t0, SCRATCH1
        li t1, 0x0000000011111111
        sd t1, 0(t0)
        li t0, SCRATCH1 + 0x1000
        li t1, 0x0000000022222222
        sd t1, 0(t0)
        li t0, SCRATCH1 + 0x2000
        li t1, 0x0000000033333333
        sd t1, 0(t0)
        li t0, SCRATCH1 + 0x3000
        li t1, 0x0000000044444444
        sd t1, 0(t0)

        PTE_SYM(root, 1, l1, PTE_V)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_PA(root, 3, 0x80000000, PTE_ULEAF)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_PA(l0, 0, SCRATCH1, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
        PTE_PA(l0, 1, SCRATCH1 + 0x1000, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_PA(l0, 2, SCRATCH1 + 0x2000, PTE_V | PTE_X | PTE_A)
        PTE_PA(l0, 3, SCRATCH1 + 0x3000, PTE_V | PTE_X | PTE_U | PTE_A)
        PTE_SYM(l0, 4, ufunc, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A)
        PTE_SYM(l0, 5, ufunc, PTE_V | PTE_R | PTE_X | PTE_A)
        SATP_SET(SATP_MODE_SV39, root)
        GO_S(1f)
1:

        /* ---- S and U pages, SUM ---- */
        TEST_CASE(2)                    /* SUM = 0: S may not load or store a U page */
        li a1, VA_UDATA
        PF_CASE(CAUSE_LOAD_PAGE, VA_UDATA + 8, ld a0, 8(a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_UDATA + 8, sd a0, 8(a1))
        PF_CASE(CAUSE_LOAD_PAGE, VA_UDATA, lr.d a0, (a1))

        TEST_CASE(3)                    /* SUM = 1: it may */
        SET_S(MSTATUS_SUM)
        li a1, VA_UDATA
        ld a0, 0(a1)
        CHECK(a0, 0x11111111)
        li a2, 0x1234
        sd a2, 8(a1)
        ld a0, 8(a1)
        CHECK(a0, 0x1234)

        TEST_CASE(4)                    /* S never executes a U page, SUM or not */
        li a1, VA_UCODE
        la s11, 2f
        jalr ra, a1
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_UCODE)
        CHECK(s10, VA_UCODE)
        CLR_S(MSTATUS_SUM)
        la s11, 2f
        jalr ra, a1
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, VA_UCODE)
        li a1, VA_SCODE                 /* the same frame as an S page runs */
        jalr ra, a1
        CHECK(a0, 0x99)

        TEST_CASE(5)                    /* U may not touch S pages, SUM or not */
        SET_S(MSTATUS_SUM)
        li a1, VA_SDATA
        li a3, VA_SCODE
        S_TO_U
1:      U_PF_CASE(CAUSE_LOAD_PAGE, VA_SDATA, ld a0, 0(a1))
        S_TO_U
1:      U_PF_CASE(CAUSE_STORE_PAGE, VA_SDATA + 0x10, sd a0, 0x10(a1))
        S_TO_U
1:      la s11, 2f
        li t0, U_OFFSET
        sub s11, s11, t0
        jalr ra, a3
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)     /* sepc = stval = the target */
        CHECK(s9, VA_SCODE)
        CHECK(s10, VA_SCODE)
        CLR_S(MSTATUS_SUM)

        TEST_CASE(6)                    /* U may use U pages */
        li a1, VA_UDATA
        li a3, VA_UCODE
        S_TO_U
1:      ld a4, 0(a1)
        jalr ra, a3
        la s11, 2f                      /* ecall from U -> M (not delegated) */
        li t0, U_OFFSET
        sub s11, s11, t0
        ecall
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)
        CHECK(a4, 0x11111111)
        CHECK(a0, 0x99)
        GO_S(1f)
1:

        /* ---- MXR ---- */
        TEST_CASE(7)                    /* MXR = 0: execute-only pages are not readable */
        li a1, VA_SXO
        PF_CASE(CAUSE_LOAD_PAGE, VA_SXO, ld a0, 0(a1))

        TEST_CASE(8)                    /* MXR = 1: they are, but still not writable */
        SET_S(MSTATUS_MXR)
        li a1, VA_SXO
        ld a0, 0(a1)
        CHECK(a0, 0x33333333)
        PF_CASE(CAUSE_STORE_PAGE, VA_SXO, sd a0, 0(a1))

        TEST_CASE(9)                    /* MXR does not lift the U check; with SUM it reads U X-only pages */
        li a1, VA_UXO
        PF_CASE(CAUSE_LOAD_PAGE, VA_UXO, ld a0, 0(a1))
        SET_S(MSTATUS_SUM)
        ld a0, 0(a1)
        CHECK(a0, 0x44444444)
        CLR_S(MSTATUS_MXR)
        PF_CASE(CAUSE_LOAD_PAGE, VA_UXO, ld a0, 0(a1))
        CLR_S(MSTATUS_SUM)

        TEST_CASE(10)                   /* MXR in U */
        SET_S(MSTATUS_MXR)
        li a1, VA_UXO
        S_TO_U
1:      ld a4, 0(a1)
        la s11, 2f
        li t0, U_OFFSET
        sub s11, s11, t0
        ecall
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)
        CHECK(a4, 0x44444444)
        GO_S(1f)
1:      CLR_S(MSTATUS_MXR)
        li a1, VA_UXO
        S_TO_U
1:      U_PF_CASE(CAUSE_LOAD_PAGE, VA_UXO, ld a0, 0(a1))

        /* ---- MPRV (from here on in M) ---- */
        TEST_CASE(11)                   /* MPP = S: M loads and stores translate with S permissions */
        ECALL_TO_M(2f)
        j fail
2:      CHECK(s8, CAUSE_ECALL_S)
        CLR_M(MSTATUS_MPP)
        SET_M(MSTATUS_MPP_S | MSTATUS_MPRV)
        li a1, VA_SDATA
        ld a0, 0(a1)
        li a2, 0x5a5a
        sd a2, 0x18(a1)
        CLR_M(MSTATUS_MPRV)
        CHECK(a0, 0x22222222)
        li a1, SCRATCH1 + 0x1000
        ld a0, 0x18(a1)
        CHECK(a0, 0x5a5a)

        TEST_CASE(12)                   /* MPP = S, SUM = 0: a U page faults into M with the address */
        SET_M(MSTATUS_MPRV)
        li a1, VA_UDATA
        la s11, 2f
3:      ld a0, 0x20(a1)
        j fail
2:      CLR_M(MSTATUS_MPRV)
        CHECK(s8, CAUSE_LOAD_PAGE)
        la t0, 3b
        bne s9, t0, fail
        CHECK(s10, VA_UDATA + 0x20)
        li t0, MSTATUS_MPP              /* MPP was overwritten by the trap: back to S */
        csrc mstatus, t0
        SET_M(MSTATUS_MPP_S)

        TEST_CASE(13)                   /* MPP = S, SUM = 1: allowed */
        SET_M(MSTATUS_SUM | MSTATUS_MPRV)
        li a1, VA_UDATA
        ld a0, 0(a1)
        CLR_M(MSTATUS_SUM | MSTATUS_MPRV)
        CHECK(a0, 0x11111111)

        TEST_CASE(14)                   /* MPP = S, MXR = 1: execute-only readable */
        SET_M(MSTATUS_MXR | MSTATUS_MPRV)
        li a1, VA_SXO
        ld a0, 0(a1)
        CLR_M(MSTATUS_MXR | MSTATUS_MPRV)
        CHECK(a0, 0x33333333)

        TEST_CASE(15)                   /* MPP = U: U pages yes, S pages no */
        CLR_M(MSTATUS_MPP)
        SET_M(MSTATUS_MPRV)
        li a1, VA_UDATA
        ld a0, 0(a1)
        CLR_M(MSTATUS_MPRV)
        CHECK(a0, 0x11111111)
        SET_M(MSTATUS_MPRV)
        li a1, VA_SDATA
        la s11, 2f
        sd a0, 0(a1)
        j fail
2:      CLR_M(MSTATUS_MPRV)
        CHECK(s8, CAUSE_STORE_PAGE)
        CHECK(s10, VA_SDATA)

        TEST_CASE(16)                   /* MPP = M: MPRV changes nothing (physical addresses) */
        SET_M(MSTATUS_MPP | MSTATUS_MPRV)
        li a1, SCRATCH1
        ld a0, 0(a1)
        CLR_M(MSTATUS_MPRV)
        CHECK(a0, 0x11111111)

        TEST_CASE(17)                   /* MPRV = 0: M ignores satp */
        li a1, SCRATCH1 + 0x1000
        ld a0, 0(a1)
        CHECK(a0, 0x22222222)
        li a1, VA_SDATA                 /* not RAM physically */
        TRAP_CASE(CAUSE_LOAD_ACCESS, ld a0, 0(a1))
        CHECK(s10, VA_SDATA)

        TEST_END

        .text
        .align 12
ufunc:  li a0, 0x99
        ret
        .align 12

        PAGE_TABLE(root)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
