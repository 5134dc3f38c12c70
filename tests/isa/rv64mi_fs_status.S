/* mstatus.FS, the floating-point context status (privileged spec 1.12, 3.1.6.6): misa has F and D; FS
 * is a 2-bit field holding Off (0), Initial (1), Clean (2) and Dirty (3), also seen through sstatus;
 * with FS = Off every floating-point instruction (loads, stores, compressed forms, moves, conversions,
 * compares, arithmetic) and every access to fflags, frm and fcsr is an illegal instruction with mtval =
 * the instruction bits, and nothing is written; an instruction that writes an f register or the FP CSRs
 * (fflags included) moves FS from Initial or Clean to Dirty, in M, S and U mode; SD (bit 63) is
 * read-only and reads 1 exactly when FS (or XS or VS, which stay 0 here) is Dirty. */
#include "test.h"
#include "priv_macros.h"
#include "fp_macros.h"

/* an assembled 32-bit / 16-bit instruction that must trap with its own bits in mtval */
#define ILLI(insn...)                               \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)
#define ILLC(insn...)                               \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        la t6, 8b;                                  \
        lhu t6, 0(t6);                              \
        bne s10, t6, fail

#define SENT 0x5555aaaa5555aaaa

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* misa: F (bit 5) and D (bit 3) */
        csrr a0, misa
        andi a0, a0, 0x28
        CHECK(a0, 0x28)

        /* state that the trapping instructions must not change */
        FP_INIT
        FLOAD_D(fa0, SENT)
        li t0, 0x45
        csrw fcsr, t0
        li a1, 0x3f800000
        la a2, fpbuf
        mv s2, sp
        la sp, fpbuf
        SET_FS(0)
        .option push
        .option norvc
        /* ---- FS = Off: every FP instruction and FP CSR access is illegal, mtval = the instruction ---- */
        TEST_CASE(3)
        ILLI(fmadd.s fa0, fa1, fa2, fa3)
        TEST_CASE(4)
        ILLI(fmsub.s fa0, fa1, fa2, fa3)
        TEST_CASE(5)
        ILLI(fnmsub.s fa0, fa1, fa2, fa3)
        TEST_CASE(6)
        ILLI(fnmadd.s fa0, fa1, fa2, fa3)
        TEST_CASE(7)
        ILLI(fadd.s fa0, fa1, fa2)
        TEST_CASE(8)
        ILLI(fsub.s fa0, fa1, fa2)
        TEST_CASE(9)
        ILLI(fmul.s fa0, fa1, fa2)
        TEST_CASE(10)
        ILLI(fdiv.s fa0, fa1, fa2)
        TEST_CASE(11)
        ILLI(fsqrt.s fa0, fa1)
        TEST_CASE(12)
        ILLI(fsgnj.s fa0, fa1, fa2)
        TEST_CASE(13)
        ILLI(fsgnjn.s fa0, fa1, fa2)
        TEST_CASE(14)
        ILLI(fsgnjx.s fa0, fa1, fa2)
        TEST_CASE(15)
        ILLI(fmin.s fa0, fa1, fa2)
        TEST_CASE(16)
        ILLI(fmax.s fa0, fa1, fa2)
        TEST_CASE(17)
        ILLI(fcvt.w.s a5, fa1)
        TEST_CASE(18)
        ILLI(fcvt.wu.s a5, fa1)
        TEST_CASE(19)
        ILLI(fcvt.l.s a5, fa1)
        TEST_CASE(20)
        ILLI(fcvt.lu.s a5, fa1)
        TEST_CASE(21)
        ILLI(fcvt.s.w fa0, a1)
        TEST_CASE(22)
        ILLI(fcvt.s.wu fa0, a1)
        TEST_CASE(23)
        ILLI(fcvt.s.l fa0, a1)
        TEST_CASE(24)
        ILLI(fcvt.s.lu fa0, a1)
        TEST_CASE(25)
        ILLI(feq.s a5, fa1, fa2)
        TEST_CASE(26)
        ILLI(flt.s a5, fa1, fa2)
        TEST_CASE(27)
        ILLI(fle.s a5, fa1, fa2)
        TEST_CASE(28)
        ILLI(fclass.s a5, fa1)
        TEST_CASE(29)
        ILLI(fmadd.d fa0, fa1, fa2, fa3)
        TEST_CASE(30)
        ILLI(fmsub.d fa0, fa1, fa2, fa3)
        TEST_CASE(31)
        ILLI(fnmsub.d fa0, fa1, fa2, fa3)
        TEST_CASE(32)
        ILLI(fnmadd.d fa0, fa1, fa2, fa3)
        TEST_CASE(33)
        ILLI(fadd.d fa0, fa1, fa2)
        TEST_CASE(34)
        ILLI(fsub.d fa0, fa1, fa2)
        TEST_CASE(35)
        ILLI(fmul.d fa0, fa1, fa2)
        TEST_CASE(36)
        ILLI(fdiv.d fa0, fa1, fa2)
        TEST_CASE(37)
        ILLI(fsqrt.d fa0, fa1)
        TEST_CASE(38)
        ILLI(fsgnj.d fa0, fa1, fa2)
        TEST_CASE(39)
        ILLI(fsgnjn.d fa0, fa1, fa2)
        TEST_CASE(40)
        ILLI(fsgnjx.d fa0, fa1, fa2)
        TEST_CASE(41)
        ILLI(fmin.d fa0, fa1, fa2)
        TEST_CASE(42)
        ILLI(fmax.d fa0, fa1, fa2)
        TEST_CASE(43)
        ILLI(fcvt.w.d a5, fa1)
        TEST_CASE(44)
        ILLI(fcvt.wu.d a5, fa1)
        TEST_CASE(45)
        ILLI(fcvt.l.d a5, fa1)
        TEST_CASE(46)
        ILLI(fcvt.lu.d a5, fa1)
        TEST_CASE(47)
        ILLI(fcvt.d.w fa0, a1)
        TEST_CASE(48)
        ILLI(fcvt.d.wu fa0, a1)
        TEST_CASE(49)
        ILLI(fcvt.d.l fa0, a1)
        TEST_CASE(50)
        ILLI(fcvt.d.lu fa0, a1)
        TEST_CASE(51)
        ILLI(feq.d a5, fa1, fa2)
        TEST_CASE(52)
        ILLI(flt.d a5, fa1, fa2)
        TEST_CASE(53)
        ILLI(fle.d a5, fa1, fa2)
        TEST_CASE(54)
        ILLI(fclass.d a5, fa1)
        TEST_CASE(55)
        ILLI(fmv.x.w a5, fa1)
        TEST_CASE(56)
        ILLI(fmv.w.x fa0, a1)
        TEST_CASE(57)
        ILLI(fmv.x.d a5, fa1)
        TEST_CASE(58)
        ILLI(fmv.d.x fa0, a1)
        TEST_CASE(59)
        ILLI(fcvt.s.d fa0, fa1)
        TEST_CASE(60)
        ILLI(fcvt.d.s fa0, fa1)
        TEST_CASE(61)
        ILLI(flw fa0, 0(a2))
        TEST_CASE(62)
        ILLI(fsw fa1, 0(a2))
        TEST_CASE(63)
        ILLI(fld fa0, 0(a2))
        TEST_CASE(64)
        ILLI(fsd fa1, 0(a2))
        TEST_CASE(65)
        ILLI(csrr a5, fflags)
        TEST_CASE(66)
        ILLI(csrr a5, frm)
        TEST_CASE(67)
        ILLI(csrr a5, fcsr)
        TEST_CASE(68)
        ILLI(csrw fflags, a1)
        TEST_CASE(69)
        ILLI(csrw frm, a1)
        TEST_CASE(70)
        ILLI(csrw fcsr, a1)
        TEST_CASE(71)
        ILLI(csrrwi a5, fflags, 1)
        TEST_CASE(72)
        ILLI(csrrsi a5, frm, 0)
        TEST_CASE(73)
        ILLI(csrrc a5, fcsr, zero)
        TEST_CASE(74)
        ILLI(csrrci zero, fcsr, 1)
        .option push
        .option rvc
        TEST_CASE(75)
        ILLC(c.fld fa0, 8(a2))
        TEST_CASE(76)
        ILLC(c.fsd fa1, 16(a2))
        TEST_CASE(77)
        ILLC(c.fldsp fa0, 8(sp))
        TEST_CASE(78)
        ILLC(c.fsdsp fa1, 16(sp))
        .option pop
        .option pop

        TEST_CASE(79)                  /* FS is still Off, SD clear */
        CHECK_FS(0)

        TEST_CASE(80)                  /* nothing was written: f registers, fcsr, memory */
        SET_FS(1)
        fmv.x.d a0, fa0
        CHECK(a0, SENT)
        csrr a0, fcsr
        CHECK(a0, 0x45)
        la a2, fpbuf
        ld a0, 0(a2)
        CHECK(a0, 0x0123456789abcdef)
        ld a0, 8(a2)
        CHECK(a0, 0x1122334455667788)
        ld a0, 16(a2)
        CHECK(a0, 0x99aabbccddeeff00)
        mv sp, s2

        TEST_CASE(81)                  /* FS holds all four values; SD follows Dirty only */
        SET_FS(0)
        CHECK_FS(0)
        SET_FS(1)
        CHECK_FS(1)
        SET_FS(2)
        CHECK_FS(2)
        SET_FS(3)
        CHECK_FS(3)

        TEST_CASE(82)                  /* SD is read-only */
        SET_FS(1)
        li t0, MSTATUS_SD
        csrs mstatus, t0
        CHECK_FS(1)
        SET_FS(3)
        li t0, MSTATUS_SD
        csrc mstatus, t0
        CHECK_FS(3)

        TEST_CASE(83)                  /* FS written through sstatus */
        SET_FS(0)
        li t0, 0x4000
        csrs sstatus, t0
        CHECK_FS(2)
        li t0, MSTATUS_FS
        csrc sstatus, t0
        CHECK_FS(0)
        li t0, MSTATUS_FS
        csrs sstatus, t0
        CHECK_FS(3)

        /* ---- writing FP state makes FS Dirty ---- */
        FP_INIT
        FLOAD_S(fa1, 0x3f800000)
        FLOAD_S(fa2, 0x3f000000)
        FLOAD_D(fa3, 0x3ff0000000000000)
        la a2, fpbuf
        li a1, 5
        DIRTY_CASE(84, 1, fadd.s fa0, fa1, fa1)
        DIRTY_CASE(85, 2, fadd.d fa0, fa3, fa3)
        DIRTY_CASE(86, 2, fmadd.d fa0, fa3, fa3, fa3)
        DIRTY_CASE(87, 1, fsqrt.s fa0, fa1)
        DIRTY_CASE(88, 2, fsgnjn.d fa0, fa3, fa3)
        DIRTY_CASE(89, 2, fmin.s fa0, fa1, fa2)
        DIRTY_CASE(90, 2, fmv.w.x fa0, a1)
        DIRTY_CASE(91, 1, fmv.d.x fa0, a1)
        DIRTY_CASE(92, 2, fcvt.d.w fa0, a1)
        DIRTY_CASE(93, 2, fcvt.s.d fa0, fa3)
        DIRTY_CASE(94, 2, flw fa0, 0(a2))
        DIRTY_CASE(95, 1, fld fa0, 8(a2))
        DIRTY_CASE(96, 2, .option push; .option rvc; c.fld fa0, 16(a2); .option pop)
        DIRTY_CASE(97, 1, csrw fflags, a1)
        DIRTY_CASE(98, 2, csrwi frm, 1)
        DIRTY_CASE(99, 2, csrw fcsr, zero)
        DIRTY_CASE(100, 2, csrrsi a0, fflags, 1)
        DIRTY_CASE(101, 1, fsrmi 0)

        /* ---- the same from S and U mode (FS = Off traps to M) ---- */
        TEST_CASE(102)                  /* S, FS = Off: fadd.s is illegal */
        SET_FS(0)
        GO_S(1f)
1:      ILLI(fadd.s fa0, fa1, fa1)
        CHECK_FS(0)

        TEST_CASE(103)                  /* U, FS = Off: reading fflags is illegal */
        GO_U(1f)
1:      ILLI(csrr a0, fflags)
        CHECK_FS(0)

        TEST_CASE(104)                  /* S, FS = Clean: fcvt.s.w makes it Dirty */
        SET_FS(2)
        GO_S(1f)
1:      fcvt.s.w fa0, a1
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_S)
        CHECK_FS(3)

        TEST_CASE(105)                  /* U, FS = Initial: csrw frm makes it Dirty */
        SET_FS(1)
        GO_U(1f)
1:      csrwi frm, 0
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_U)
        CHECK_FS(3)

        TEST_CASE(106)                  /* U, FS = Clean: fld makes it Dirty */
        SET_FS(2)
        GO_U(1f)
1:      fld fa0, 0(a2)
        ECALL_TO_M(2f)
2:      CHECK(s8, CAUSE_ECALL_U)
        CHECK_FS(3)

        TEST_END

        .data
        .align 4
fpbuf:
        .dword 0x0123456789abcdef, 0x1122334455667788, 0x99aabbccddeeff00, 0
