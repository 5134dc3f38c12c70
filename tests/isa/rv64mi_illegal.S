/* Illegal-instruction exceptions in M-mode with mtval = the faulting instruction bits: reserved 16- and
 * 32-bit encodings and floating point with mstatus.FS = Off (privileged spec 1.12, 3.1.6.6 and 3.1.16). */
#include "test.h"
#include "priv_macros.h"

/* A 16-bit encoding followed by a c.nop so that the next label stays aligned. */
#define ILL16(bits)                                 \
        TRAP_CASE(CAUSE_ILLEGAL, .half bits; .half 0x0001); \
        CHECK(s10, bits)
#define ILL32(bits)                                 \
        TRAP_CASE(CAUSE_ILLEGAL, .word bits);       \
        CHECK(s10, bits)
/* an assembled instruction that must trap with its own bits in mtval */
#define ILLI(insn...)                               \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        CHECK_TVAL_INSN32(8b)
#define ILLC(insn...)                               \
        TRAP_CASE(CAUSE_ILLEGAL, insn);             \
        la t6, 8b;                                  \
        lhu t6, 0(t6);                              \
        bne s10, t6, fail

        TEST_BEGIN
        PRIV_INIT

        TEST_CASE(2)                    /* c.addi4spn with nzuimm = 0 */
        ILL16(0x0004)
        TEST_CASE(3)                    /* c.lui x4 with nzimm = 0 (odd rd is Zcmop c.mop.n) */
        ILL16(0x6201)
        TEST_CASE(4)                    /* c.addi16sp with nzimm = 0 */
        ILL16(0x6101)
        TEST_CASE(5)                    /* c.ldsp with rd = x0 */
        ILL16(0x6002)
        TEST_CASE(6)                    /* c.jr with rs1 = x0 */
        ILL16(0x8002)
        TEST_CASE(7)                    /* c.lwsp with rd = x0 */
        ILL16(0x4002)

        TEST_CASE(8)                    /* load, store, branch, jalr with reserved funct3 */
        ILL32(0x00007003)
        ILL32(0x00004023)
        ILL32(0x00002063)
        ILL32(0x00001067)

        TEST_CASE(9)                    /* RV64 word shifts with shamt[5] = 1 */
        ILL32(0x0200101b)
        ILL32(0x0200501b)

        TEST_CASE(10)                   /* AMO with reserved width */
        ILL32(0x0000002f)

        TEST_CASE(11)                   /* SYSTEM with reserved funct3 = 4 and the removed uret */
        ILL32(0x00004073)
        ILL32(0x00200073)

        TEST_CASE(12)                   /* floating point with FS = Off */
        li t0, MSTATUS_FS
        csrc mstatus, t0
        ILLI(fadd.d f1, f2, f3)
        ILLI(fmv.x.d a0, f1)
        ILLI(fmv.d.x f1, a0)
        la a1, fpdata
        ILLI(fld f1, 0(a1))
        ILLI(fsw f1, 4(a1))
        ILLC(c.fld f9, 0(a1))
        ILLC(c.fsdsp f1, 0(sp))
        ILLI(csrr a0, fcsr)
        ILLI(csrw frm, a0)
        ILLI(fsflags a0)

        TEST_CASE(13)                   /* FS = Initial: FP works and makes FS Dirty */
        li t0, 0x2000
        csrs mstatus, t0
        la a1, fpdata
        fld f1, 0(a1)
        fmv.x.d a0, f1
        CHECK(a0, 0x4000000000000000)
        csrr a0, mstatus
        li t0, MSTATUS_FS
        and a0, a0, t0
        CHECK(a0, MSTATUS_FS)
        csrr a0, mstatus
        srli a0, a0, 63
        CHECK(a0, 1)

        TEST_END

        .data
        .align 3
fpdata: .dword 0x4000000000000000
