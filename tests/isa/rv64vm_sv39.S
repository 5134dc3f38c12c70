/* Sv39 translation: 4 KiB pages, megapages and gigapages, page faults with the exact faulting address,
 * reserved and malformed PTEs, non-canonical addresses, pages spanned by an instruction, sfence.vma and
 * satp WARL (privileged spec 1.12, 4.1.11, 4.3, 4.4). Page faults are delegated to S. */
#include "test.h"
#include "priv_macros.h"

#define VA_GIGA      0x0                /* root[0]: gigapage -> 0x80000000, RW */
#define VA_MEGA      0x40000000         /* l1[0]: megapage -> SCRATCH0, RW */
#define VA_4K        0x40200000         /* l0[0]: -> SCRATCH1, RW */
#define VA_4K_RO     0x40201000         /* l0[1]: -> SCRATCH1 + 0x1000, R */
#define VA_4K_ALIAS  0x40202000         /* l0[2]: -> SCRATCH1, RW */
#define VA_XONLY     0x40203000         /* l0[3]: -> xfunc page, X */
#define VA_INVALID   0x40204000         /* l0[4]: V = 0 */
#define VA_XPAGE     0x40205000         /* l0[5], l0[6]: -> xpage, xpage + 0x1000, X */
#define VA_MEGA_MIS  0x40400000         /* l1[2]: megapage with PPN[0] != 0 */
#define VA_NONLEAF0  0x40600000         /* l1[3] -> l0b, l0b[0] is a pointer at level 0 */
#define VA_WONLY     0x40800000         /* l1[4]: W without R */
#define VA_XWONLY    0x40a00000         /* l1[5]: X and W without R */
#define VA_GIGA_MIS  0x100000000        /* root[4]: gigapage with PPN[1] != 0 */
#define U_OFFSET     0x40000000         /* root[3]: 0xc0000000 -> 0x80000000 with U */

/* In S: insn must raise page fault c with stval = va (sepc at insn). */
#define PF_CASE(c, va, insn...)                     \
        TRAP_CASE(c, insn);                         \
        CHECK(s10, va)

        TEST_BEGIN
        PRIV_INIT
        li t0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
        csrw medeleg, t0

        /* physical contents */
        li t0, SCRATCH0
        li t1, 0x1111222233334444
        sd t1, 0x100(t0)
        li t0, SCRATCH1
        li t1, 0x5555666677778888
        sd t1, 0x10(t0)
        li t0, SCRATCH1 + 0x1000
        li t1, 0x9999aaaabbbbcccc
        sd t1, 0x20(t0)

        /* page tables */
        PTE_PA(root, 0, 0x80000000, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_SYM(root, 1, l1, PTE_V)
        PTE_PA(root, 2, 0x80000000, PTE_LEAF)
        PTE_PA(root, 3, 0x80000000, PTE_ULEAF)
        PTE_PA(root, 4, 0x80200000, PTE_LEAF)
        PTE_PA(l1, 0, SCRATCH0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_SYM(l1, 1, l0, PTE_V)
        PTE_PA(l1, 2, SCRATCH0 + 0x1000, PTE_LEAF)
        PTE_SYM(l1, 3, l0b, PTE_V)
        PTE_PA(l1, 4, SCRATCH0, PTE_V | PTE_W | PTE_A | PTE_D)
        PTE_PA(l1, 5, SCRATCH0, PTE_V | PTE_W | PTE_X | PTE_A | PTE_D)
        PTE_SYM(l0b, 0, l0, PTE_V)
        PTE_PA(l0, 0, SCRATCH1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_PA(l0, 1, SCRATCH1 + 0x1000, PTE_V | PTE_R | PTE_A)
        PTE_PA(l0, 2, SCRATCH1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        PTE_SYM(l0, 3, xfunc, PTE_V | PTE_X | PTE_A)
        PTE_SYM(l0, 5, xpage, PTE_V | PTE_X | PTE_A)
        PTE_SYM(l0, 6, xpage + 0x1000, PTE_V | PTE_X | PTE_A)

        TEST_CASE(2)                    /* satp holds mode 8 and the root PPN */
        SATP_SET(SATP_MODE_SV39, root)
        csrr a0, satp
        la a1, root
        srli a1, a1, 12
        li t0, SATP_MODE_SV39
        or a1, a1, t0
        bne a0, a1, fail

        TEST_CASE(3)                    /* S runs translated through the identity gigapage */
        GO_S(1f)
1:      la a1, ddata
        ld a0, 0(a1)
        CHECK(a0, 0x0123456789abcdef)

        TEST_CASE(4)                    /* gigapage at VA 0 */
        li a1, VA_GIGA + 0x200000
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)
        li a2, 0x0a0b0c0d
        sw a2, 0x108(a1)
        li a1, SCRATCH0                 /* identity view of the same byte */
        lw a0, 0x108(a1)
        CHECK(a0, 0x0a0b0c0d)

        TEST_CASE(5)                    /* megapage */
        li a1, VA_MEGA
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)
        lw a0, 0x108(a1)
        CHECK(a0, 0x0a0b0c0d)
        li a2, 0x7766
        li a1, VA_MEGA + 0x1ff0
        sh a2, 0(a1)
        li a1, SCRATCH0 + 0x1ff0
        lhu a0, 0(a1)
        CHECK(a0, 0x7766)
        li a1, VA_MEGA + 0x1fff00       /* last page of the megapage */
        sd a2, 0xf8(a1)
        li a1, SCRATCH0 + 0x1ffff8
        ld a0, 0(a1)
        CHECK(a0, 0x7766)

        TEST_CASE(6)                    /* 4 KiB pages and an alias of the same frame */
        li a1, VA_4K
        ld a0, 0x10(a1)
        CHECK(a0, 0x5555666677778888)
        li a2, 0x4242
        sd a2, 0x18(a1)
        li a1, VA_4K_ALIAS
        ld a0, 0x18(a1)
        CHECK(a0, 0x4242)
        li a1, VA_4K_RO
        ld a0, 0x20(a1)
        CHECK(a0, 0x9999aaaabbbbcccc)

        TEST_CASE(7)                    /* store to a read-only page */
        li a1, VA_4K_RO
        PF_CASE(CAUSE_STORE_PAGE, VA_4K_RO + 0x28, sd a2, 0x28(a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_4K_RO, amoadd.w a0, a2, (a1))
        lr.d a0, (a1)                   /* readable: gets a reservation */
        PF_CASE(CAUSE_STORE_PAGE, VA_4K_RO, sc.d a0, a2, (a1))
        ld a0, 0x20(a1)                 /* loads still work */
        CHECK(a0, 0x9999aaaabbbbcccc)

        TEST_CASE(8)                    /* invalid PTE: load, store, fetch */
        li a1, VA_INVALID
        PF_CASE(CAUSE_LOAD_PAGE, VA_INVALID + 0x30, ld a0, 0x30(a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_INVALID + 0x7f8, sd a0, 0x7f8(a1))
        PF_CASE(CAUSE_LOAD_PAGE, VA_INVALID, lr.w a0, (a1))
        la s11, 2f
        li a1, VA_INVALID + 0x40
        jalr ra, a1
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_INVALID + 0x40)
        CHECK(s10, VA_INVALID + 0x40)

        TEST_CASE(9)                    /* execute-only page: runs, but loads fault (MXR = 0) */
        li a1, VA_XONLY
        li a0, 0
        jalr ra, a1
        CHECK(a0, 0x77)
        PF_CASE(CAUSE_LOAD_PAGE, VA_XONLY, lw a0, 0(a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_XONLY + 4, sw a0, 4(a1))

        TEST_CASE(10)                   /* fetch from a page without X */
        la s11, 2f
        li a1, VA_4K + 0x80
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_4K + 0x80)
        CHECK(s10, VA_4K + 0x80)
        la s11, 2f
        li a1, VA_GIGA + 0x1000         /* gigapage RW, no X */
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, VA_GIGA + 0x1000)

        TEST_CASE(11)                   /* misaligned megapage and gigapage */
        li a1, VA_MEGA_MIS
        PF_CASE(CAUSE_LOAD_PAGE, VA_MEGA_MIS + 0x10, ld a0, 0x10(a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_MEGA_MIS + 0x10, sd a0, 0x10(a1))
        la s11, 2f
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, VA_MEGA_MIS)
        li a1, VA_GIGA_MIS
        li a1, VA_GIGA_MIS + 0x3000
        PF_CASE(CAUSE_LOAD_PAGE, VA_GIGA_MIS + 0x3000, ld a0, 0(a1))
        li a1, VA_GIGA_MIS + 0x3ff00000
        PF_CASE(CAUSE_STORE_PAGE, VA_GIGA_MIS + 0x3ff00008, sd a0, 8(a1))

        TEST_CASE(12)                   /* a pointer PTE at level 0 */
        li a1, VA_NONLEAF0
        PF_CASE(CAUSE_LOAD_PAGE, VA_NONLEAF0 + 8, ld a0, 8(a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_NONLEAF0 + 8, sd a0, 8(a1))

        TEST_CASE(13)                   /* W without R is reserved: every access faults */
        li a1, VA_WONLY
        PF_CASE(CAUSE_LOAD_PAGE, VA_WONLY + 0x100, ld a0, 0x100(a1))
        PF_CASE(CAUSE_STORE_PAGE, VA_WONLY + 0x100, sd a0, 0x100(a1))
        li a1, VA_XWONLY
        PF_CASE(CAUSE_STORE_PAGE, VA_XWONLY + 0x100, sd a0, 0x100(a1))
        la s11, 2f
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s10, VA_XWONLY)

        TEST_CASE(14)                   /* non-canonical addresses: bits 63:39 must equal bit 38 */
        li a1, 0x0000004000000000
        PF_CASE(CAUSE_LOAD_PAGE, 0x0000004000000000, ld a0, 0(a1))
        PF_CASE(CAUSE_STORE_PAGE, 0x0000004000000010, sd a0, 16(a1))
        li a1, 0x8000000080000000       /* would be the identity page but for bit 63 */
        PF_CASE(CAUSE_LOAD_PAGE, 0x8000000080000000, ld a0, 0(a1))
        li a1, 0xffffff8080000000
        PF_CASE(CAUSE_LOAD_PAGE, 0xffffff8080000000, lbu a0, 0(a1))
        la s11, 2f
        li a1, 0x0000008080000000
        jr a1
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, 0x0000008080000000)
        CHECK(s10, 0x0000008080000000)

        TEST_CASE(15)                   /* canonical upper half: root[256] is invalid */
        li a1, 0xffffffc000000000
        PF_CASE(CAUSE_LOAD_PAGE, 0xffffffc000000008, ld a0, 8(a1))

        TEST_CASE(16)                   /* an instruction spanning two 4 KiB pages */
        li a1, VA_XPAGE + 0xff8
        li a0, 0
        jalr ra, a1
        CHECK(a0, 6)
        la a1, xpage + 0xff8            /* the same through the identity gigapage */
        li a0, 0
        jalr ra, a1
        CHECK(a0, 6)

        TEST_CASE(17)                   /* second half unmapped: sepc = start, stval = second page */
        la t0, l0
        sd zero, 6 * 8(t0)
        sfence.vma
        li a1, VA_XPAGE + 0xff8
        li a0, 0
        la s11, 2f
        jalr ra, a1
        j fail
2:      CHECK(s8, CAUSE_FETCH_PAGE)
        CHECK(s9, VA_XPAGE + 0xffe)
        CHECK(s10, VA_XPAGE + 0x1000)
        CHECK(a0, 5)                    /* the first instruction ran */

        TEST_CASE(18)                   /* sfence.vma makes a changed PTE visible */
        li a1, VA_4K_ALIAS
        ld a0, 0x20(a1)                 /* frame SCRATCH1: 0 there */
        CHECK(a0, 0)
        li t1, ((SCRATCH1 + 0x1000) >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
        la t0, l0
        sd t1, 2 * 8(t0)
        li a1, VA_4K_ALIAS
        sfence.vma a1, zero
        ld a0, 0x20(a1)                 /* frame SCRATCH1 + 0x1000 */
        CHECK(a0, 0x9999aaaabbbbcccc)
        sd zero, 2 * 8(t0)              /* invalidate it: a full fence, then it faults */
        sfence.vma
        PF_CASE(CAUSE_LOAD_PAGE, VA_4K_ALIAS + 0x20, ld a0, 0x20(a1))

        TEST_CASE(19)                   /* satp: unsupported modes are ignored */
        csrr a1, satp
        li t0, (7 << 60) | 0x12345
        csrw satp, t0
        csrr a0, satp
        bne a0, a1, fail
        li t0, (11 << 60) | 0x12345
        csrw satp, t0
        csrr a0, satp
        bne a0, a1, fail
        li t0, (1 << 60)
        csrw satp, t0
        csrr a0, satp
        bne a0, a1, fail
        li t0, (15 << 60) | 0x1
        csrw satp, t0
        csrr a0, satp
        bne a0, a1, fail
        la a1, ddata                    /* still translating as before */
        ld a0, 0(a1)
        CHECK(a0, 0x0123456789abcdef)

        TEST_CASE(20)                   /* U-mode through the U alias of the image */
        la t0, 1f
        li t1, U_OFFSET
        add t0, t0, t1
        csrw sepc, t0
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        sret
1:      la a1, ddata                    /* pc-relative: the U alias of ddata */
        ld a0, 0(a1)
        la s11, 2f                      /* the handler runs in M: physical address */
        li t0, U_OFFSET
        sub s11, s11, t0
3:      ecall                           /* ecall from U: to M */
        j fail
2:      CHECK(s8, CAUSE_ECALL_U)
        CHECK(s10, 0)
        CHECK(a0, 0x0123456789abcdef)
        la t0, 3b
        li t1, U_OFFSET
        add t0, t0, t1
        bne s9, t0, fail

        TEST_CASE(21)                   /* satp = Bare turns translation off for S */
        GO_S(1f)
1:      csrw satp, zero
        sfence.vma
        li a1, SCRATCH0
        ld a0, 0x100(a1)
        CHECK(a0, 0x1111222233334444)
        li a1, 0x40000000               /* no RAM there physically: access fault, to M */
        TRAP_CASE(CAUSE_LOAD_ACCESS, ld a0, 0(a1))
        CHECK(s10, 0x40000000)
        li t0, MSTATUS_MPP
        and a0, s7, t0
        CHECK(a0, MSTATUS_MPP_S)

        TEST_END

        .text
        .align 12
xfunc:  li a0, 0x77
        ret

        .align 12
xpage:  .fill 0xff8 / 4, 4, 0x00100073  /* ebreak */
        .option push
        .option norvc
        addi a0, zero, 5                /* xpage + 0xff8 */
        .option rvc
        c.nop                           /* xpage + 0xffc */
        .option norvc
        addi a0, a0, 1                  /* xpage + 0xffe .. 0x1001 */
        .option rvc
        c.jr ra                         /* xpage + 0x1002 */
        .option pop
        .align 12

        PAGE_TABLE(root)
        PAGE_TABLE(l1)
        PAGE_TABLE(l0)
        PAGE_TABLE(l0b)

        .data
        .align 3
ddata:  .dword 0x0123456789abcdef
