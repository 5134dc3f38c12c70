/* M-mode CSRs: identification, scratch, mstatus/sstatus WARL and views, mie/mip/sie/sip, trap vectors,
 * delegation and counter-enable registers, envcfg, counters, PMP storage (privileged spec 1.12, ch. 3-4). */
#include "test.h"
#include "priv_macros.h"

/* csrw to a CSR given by number must trap as illegal with mtval = the instruction (labels 8, 9). */
#define ILLEGAL_CSR_CASE(insn...)                   \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)

/* pmpaddrN round trip of a distinct 54-bit value. */
#define PMPADDR_RT(n)                               \
        li a1, 0x000abcde00000000 + (n) * 0x1111;   \
        csrw pmpaddr##n, a1;                        \
        csrr a0, pmpaddr##n;                        \
        bne a0, a1, fail

        TEST_BEGIN
        PRIV_INIT

        /* ---- identification ---- */
        TEST_CASE(2)                    /* misa.MXL = 2 (64-bit) */
        csrr a0, misa
        srli a0, a0, 62
        CHECK(a0, 2)

        TEST_CASE(3)                    /* misa has A, C, I, M, S, U */
        csrr a0, misa
        li a1, (1 << 0) | (1 << 2) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20)
        and a0, a0, a1
        bne a0, a1, fail

        TEST_CASE(4)                    /* hart 0 */
        csrr a0, mhartid
        CHECK(a0, 0)

        TEST_CASE(5)                    /* read without trapping */
        csrr a0, mvendorid
        csrr a0, marchid
        csrr a0, mimpid
        csrr a0, 0x30a                  /* menvcfg */
        csrr a0, 0x10a                  /* senvcfg */

        /* ---- scratch registers ---- */
        TEST_CASE(6)
        li a1, 0x0123456789abcdef
        csrw mscratch, a1
        csrr a0, mscratch
        bne a0, a1, fail
        li a2, 0xfedcba9876543210
        csrrw a0, mscratch, a2          /* swap returns the old value */
        bne a0, a1, fail
        csrr a0, mscratch
        bne a0, a2, fail

        TEST_CASE(7)
        li a1, 0x0123456789abcdef
        csrw sscratch, a1
        csrr a0, sscratch
        bne a0, a1, fail
        li a2, 0x5555aaaa5555aaaa
        csrrw a0, sscratch, a2
        bne a0, a1, fail
        csrr a0, sscratch
        bne a0, a2, fail

        /* ---- mstatus ---- */
        TEST_CASE(8)                    /* SXL = UXL = 2 */
        csrr a0, mstatus
        srli a0, a0, 32
        andi a0, a0, 0xf
        CHECK(a0, 0xa)

        TEST_CASE(10)                   /* MPP = 0, 1, 3 are stored */
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        csrr a0, mstatus
        and a0, a0, t0
        CHECK(a0, 0)
        li t0, MSTATUS_MPP_S
        csrs mstatus, t0
        csrr a0, mstatus
        li t0, MSTATUS_MPP
        and a0, a0, t0
        CHECK(a0, MSTATUS_MPP_S)
        li t0, MSTATUS_MPP
        csrs mstatus, t0
        csrr a0, mstatus
        and a0, a0, t0
        CHECK(a0, MSTATUS_MPP)

        TEST_CASE(11)                   /* sstatus shows exactly the S fields (+ SD and UXL) */
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        csrs mstatus, t0                /* M-only fields set; mie = 0 so MIE=1 takes nothing */
        li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS
        csrw sstatus, t0
        csrr a0, sstatus
        CHECK(a0, MSTATUS_SD | 0x200000000 | MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS)

        TEST_CASE(12)                   /* ... and the write left MIE, MPIE, MPP alone */
        csrr a0, mstatus
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        and a0, a0, t0
        bne a0, t0, fail
        csrr a0, mstatus                /* and reached mstatus */
        li t0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS
        and a0, a0, t0
        bne a0, t0, fail

        TEST_CASE(13)                   /* sstatus writes of M-only fields have no effect */
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
        csrc mstatus, t0
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR
        csrw sstatus, t0                /* also clears every S field */
        csrr a0, mstatus
        li t0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS
        and a0, a0, t0
        CHECK(a0, 0)
        csrr a0, sstatus
        CHECK(a0, 0x200000000)

        TEST_CASE(14)                   /* M fields round trip */
        li t1, MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPIE | MSTATUS_SPIE | MSTATUS_SPP
        csrs mstatus, t1
        csrr a0, mstatus
        and a0, a0, t1
        bne a0, t1, fail
        csrc mstatus, t1
        csrr a0, mstatus
        and a0, a0, t1
        CHECK(a0, 0)

        TEST_CASE(15)                   /* FS and SD */
        li t0, MSTATUS_FS
        csrc mstatus, t0
        csrr a0, mstatus
        srli a0, a0, 63
        CHECK(a0, 0)
        li t0, 0x2000                   /* FS = Initial */
        csrs mstatus, t0
        csrr a0, mstatus
        srli a1, a0, 63
        CHECK(a1, 0)
        li t0, MSTATUS_FS
        and a0, a0, t0
        CHECK(a0, 0x2000)
        li t0, MSTATUS_FS               /* FS = Dirty sets SD */
        csrs mstatus, t0
        csrr a0, mstatus
        srli a0, a0, 63
        CHECK(a0, 1)
        csrr a0, sstatus
        srli a0, a0, 63
        CHECK(a0, 1)

        /* ---- mie / mip / sie / sip (MIE = 0 from here on) ---- */
        TEST_CASE(16)
        li t0, MSTATUS_MIE | MSTATUS_SIE
        csrc mstatus, t0
        li t0, 0xaaa
        csrw mie, t0
        csrr a0, mie
        CHECK(a0, 0xaaa)

        TEST_CASE(17)                   /* sie shows only delegated bits */
        csrw mideleg, zero
        csrr a0, sie
        CHECK(a0, 0)
        li t0, 0x222
        csrw mideleg, t0
        csrr a0, sie
        CHECK(a0, 0x222)
        li t0, 0x2
        csrw mideleg, t0
        csrr a0, sie
        CHECK(a0, 0x2)

        TEST_CASE(18)                   /* sie writes reach only delegated bits of mie */
        csrw sie, zero
        csrr a0, mie
        CHECK(a0, 0xaa8)
        li t0, 0xfff
        csrw sie, t0
        csrr a0, mie
        CHECK(a0, 0xaaa)
        csrw mideleg, zero
        csrw sie, zero
        csrr a0, mie
        CHECK(a0, 0xaaa)
        csrw mie, zero

        TEST_CASE(19)                   /* mip: SSIP, STIP, SEIP writable from M; MSIP is not */
        li t0, 0x222
        csrw mip, t0
        csrr a0, mip
        andi a0, a0, 0x22a
        CHECK(a0, 0x222)
        li t0, MIP_MSIP
        csrs mip, t0
        csrr a0, mip
        andi a0, a0, MIP_MSIP
        CHECK(a0, 0)

        TEST_CASE(20)                   /* sip shows only delegated bits */
        csrw mideleg, zero
        csrr a0, sip
        CHECK(a0, 0)
        li t0, 0x222
        csrw mideleg, t0
        csrr a0, sip
        andi a0, a0, 0x222
        CHECK(a0, 0x222)

        TEST_CASE(21)                   /* sip: only SSIP is writable */
        csrw sip, zero
        csrr a0, mip
        andi a0, a0, 0x222
        CHECK(a0, 0x220)
        li t0, MIP_SSIP
        csrs sip, t0
        csrr a0, mip
        andi a0, a0, 0x222
        CHECK(a0, 0x222)
        li t0, 0x222
        csrc mip, t0
        csrr a0, mip
        andi a0, a0, 0x222
        CHECK(a0, 0)
        csrw mideleg, zero

        /* ---- trap vectors ---- */
        TEST_CASE(22)
        li a1, 0x80000200               /* direct */
        csrw mtvec, a1
        csrr a0, mtvec
        bne a0, a1, fail
        li a1, 0x80000101               /* vectored */
        csrw mtvec, a1
        csrr a0, mtvec
        bne a0, a1, fail
        li t0, 0x80000302               /* mode 2: WARL, keeps the previous value */
        csrw mtvec, t0
        csrr a0, mtvec
        bne a0, a1, fail
        li t0, 0x80000403               /* mode 3 */
        csrw mtvec, t0
        csrr a0, mtvec
        la t0, priv_mtrap
        csrw mtvec, t0
        bne a0, a1, fail

        TEST_CASE(23)
        li a1, 0x80000200
        csrw stvec, a1
        csrr a0, stvec
        bne a0, a1, fail
        li a1, 0x80000101
        csrw stvec, a1
        csrr a0, stvec
        bne a0, a1, fail
        li t0, 0x80000302
        csrw stvec, t0
        csrr a0, stvec
        bne a0, a1, fail
        li t0, 0x80000403
        csrw stvec, t0
        csrr a0, stvec
        bne a0, a1, fail
        la t0, priv_strap
        csrw stvec, t0

        /* ---- delegation ---- */
        TEST_CASE(24)
        li a1, 0xb3ff
        csrw medeleg, a1
        csrr a0, medeleg
        bne a0, a1, fail
        csrw medeleg, zero
        csrr a0, medeleg
        CHECK(a0, 0)

        TEST_CASE(25)                   /* S-level bits delegable (M-level and, with H, VS bits masked out) */
        li a1, 0x222
        csrw mideleg, a1
        csrr a0, mideleg
        li t0, 0xaaa
        and a0, a0, t0
        bne a0, a1, fail
        csrw mideleg, zero
        csrr a0, mideleg
        li t0, 0xaaa
        and a0, a0, t0
        CHECK(a0, 0)

        /* ---- counter enables, envcfg ---- */
        TEST_CASE(26)
        li t0, 7
        csrw mcounteren, t0
        csrr a0, mcounteren
        CHECK(a0, 7)
        csrw mcounteren, zero
        csrr a0, mcounteren
        CHECK(a0, 0)
        li t0, 7
        csrw scounteren, t0
        csrr a0, scounteren
        CHECK(a0, 7)
        csrw scounteren, zero
        csrr a0, scounteren
        CHECK(a0, 0)

        TEST_CASE(27)                   /* FIOM */
        csrwi 0x30a, 1
        csrr a0, 0x30a
        andi a0, a0, 1
        CHECK(a0, 1)
        csrwi 0x30a, 0
        csrr a0, 0x30a
        andi a0, a0, 1
        CHECK(a0, 0)
        csrwi 0x10a, 1
        csrr a0, 0x10a
        andi a0, a0, 1
        CHECK(a0, 1)
        csrwi 0x10a, 0
        csrr a0, 0x10a
        andi a0, a0, 1
        CHECK(a0, 0)

        /* ---- counters are writable ---- */
        TEST_CASE(28)
        li a1, 0x0000100000000000
        csrw mcycle, a1
        csrr a0, mcycle
        sub a0, a0, a1
        srli a0, a0, 32                 /* read - written in [0, 2^32) */
        CHECK(a0, 0)
        csrr a0, cycle                  /* the user alias sees the same counter */
        sub a0, a0, a1
        srli a0, a0, 32
        CHECK(a0, 0)

        TEST_CASE(29)
        li a1, 0x0000200000000000
        csrw minstret, a1
        csrr a0, minstret
        sub a0, a0, a1
        srli a0, a0, 32
        CHECK(a0, 0)
        csrr a0, instret
        sub a0, a0, a1
        srli a0, a0, 32
        CHECK(a0, 0)

        /* ---- epc / tval ---- */
        TEST_CASE(30)                   /* IALIGN = 16: bit 1 stored, bit 0 reads 0 */
        li a1, 0x80001236
        csrw mepc, a1
        csrr a0, mepc
        bne a0, a1, fail
        csrw sepc, a1
        csrr a0, sepc
        bne a0, a1, fail
        li a1, 0x123456789abcdef0
        csrw mtval, a1
        csrr a0, mtval
        bne a0, a1, fail
        csrw stval, a1
        csrr a0, stval
        bne a0, a1, fail

        /* ---- PMP storage (entries 0..15; entries are OFF while written) ---- */
        TEST_CASE(31)
        csrw pmpcfg0, zero
        csrw pmpcfg2, zero
        PMPADDR_RT(0);  PMPADDR_RT(1);  PMPADDR_RT(2);  PMPADDR_RT(3)
        PMPADDR_RT(4);  PMPADDR_RT(5);  PMPADDR_RT(6);  PMPADDR_RT(7)
        PMPADDR_RT(8);  PMPADDR_RT(9);  PMPADDR_RT(10); PMPADDR_RT(11)
        PMPADDR_RT(12); PMPADDR_RT(13); PMPADDR_RT(14); PMPADDR_RT(15)
        li a1, 0x000abcde00000000       /* values survive the other writes */
        csrr a0, pmpaddr0
        bne a0, a1, fail
        li a1, 0x000abcde00000000 + 15 * 0x1111
        csrr a0, pmpaddr15
        bne a0, a1, fail

        TEST_CASE(32)
        li a1, 0x1f1b1d0f190b0d09
        csrw pmpcfg0, a1
        csrr a0, pmpcfg0
        bne a0, a1, fail
        li a1, 0x0d0b091f00190f1b
        csrw pmpcfg2, a1
        csrr a0, pmpcfg2
        bne a0, a1, fail
        csrw pmpcfg2, zero
        li t0, -1                       /* back to "all memory, all modes" */
        csrw pmpaddr0, t0
        li t0, 0x1f
        csrw pmpcfg0, t0

        TEST_CASE(33)                   /* odd pmpcfg registers do not exist on RV64 */
        ILLEGAL_CSR_CASE(csrr a0, pmpcfg1)
        ILLEGAL_CSR_CASE(csrr a0, pmpcfg3)
        ILLEGAL_CSR_CASE(csrw 0x3a5, zero)
        ILLEGAL_CSR_CASE(csrr a0, 0x3af)

        /* ---- read-only CSRs: writes trap, reads do not ---- */
        TEST_CASE(34)
        ILLEGAL_CSR_CASE(csrw mvendorid, zero)
        ILLEGAL_CSR_CASE(csrw marchid, zero)
        ILLEGAL_CSR_CASE(csrw mimpid, zero)
        ILLEGAL_CSR_CASE(csrw mhartid, zero)
        ILLEGAL_CSR_CASE(csrw cycle, zero)
        ILLEGAL_CSR_CASE(csrw instret, zero)
        ILLEGAL_CSR_CASE(csrwi cycle, 0)
        ILLEGAL_CSR_CASE(csrrw zero, mhartid, a1)

        TEST_CASE(35)                   /* csrrs/csrrc that write */
        li a1, 1
        ILLEGAL_CSR_CASE(csrrs a0, mhartid, a1)
        ILLEGAL_CSR_CASE(csrrc a0, mvendorid, a1)
        ILLEGAL_CSR_CASE(csrrsi a0, mhartid, 1)
        ILLEGAL_CSR_CASE(csrrci a0, cycle, 4)

        TEST_CASE(36)                   /* ... and with rs1 = x0 / uimm = 0 they are reads */
        csrrs a0, mhartid, zero
        CHECK(a0, 0)
        csrrc a0, mhartid, zero
        CHECK(a0, 0)
        csrrsi a0, mhartid, 0
        CHECK(a0, 0)
        csrrci a0, mvendorid, 0
        csrrs a0, cycle, zero
        csrrs a0, instret, zero

        TEST_CASE(37)                   /* CSR numbers that do not exist */
        ILLEGAL_CSR_CASE(csrr a0, 0x0ff)
        ILLEGAL_CSR_CASE(csrw 0x0ff, a0)
        ILLEGAL_CSR_CASE(csrr a0, 0x7ff)
        ILLEGAL_CSR_CASE(csrr a0, 0xfff)
        ILLEGAL_CSR_CASE(csrr a0, 0x5ff)

        TEST_END
