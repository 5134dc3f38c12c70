/* Zfa additional floating-point instructions (1.0): FLI.S/D/H (the constant table, entry 1 = the
 * format's smallest normal; for H, 2^-16 is subnormal and 2^16 overflows to infinity), FMINM/FMAXM
 * (a NaN operand gives the canonical NaN), FROUND (no NX) and FROUNDNX, FCVTMOD.W.D (modulo 2^32,
 * NV out of range), FLEQ/FLTQ (quiet: NV only for signalling NaNs). Encoded with .insn (binutils
 * 2.40 lacks Zfa). vhart-only: QEMU 7.2 has no Zfa. */
#include "test.h"
#include "unpriv_macros.h"
#include "fp_macros.h"

        .option arch, +zfh

#define H(v) (0xffffffffffff0000 | (v))
/* fli.{s,d,h} fa0, index: OP-FP funct7 0x78/0x79/0x7a, rs2 = 1, rs1 = index */
#define FLI(fmt7, idx) .insn r 0x53, 0, fmt7, fa0, f##idx, f1

        TEST_BEGIN
        FP_INIT

        TEST_FP_RAW(2, BOXED(0xbf800000), 0, 0, 0, 0, FLI(0x78, 0))
        TEST_FP_RAW(3, BOXED(0x00800000), 0, 0, 0, 0, FLI(0x78, 1))
        TEST_FP_RAW(4, BOXED(0x3f800000), 0, 0, 0, 0, FLI(0x78, 16))
        TEST_FP_RAW(5, BOXED(0x47800000), 0, 0, 0, 0, FLI(0x78, 29))
        TEST_FP_RAW(6, BOXED(0x7f800000), 0, 0, 0, 0, FLI(0x78, 30))
        TEST_FP_RAW(7, BOXED(0x7fc00000), 0, 0, 0, 0, FLI(0x78, 31))
        TEST_FP_RAW(8, 0x0010000000000000, 0, 0, 0, 0, FLI(0x79, 1))
        TEST_FP_RAW(9, 0x3ef0000000000000, 0, 0, 0, 0, FLI(0x79, 2))
        TEST_FP_RAW(10, 0x3fd4000000000000, 0, 0, 0, 0, FLI(0x79, 9))
        TEST_FP_RAW(11, H(0x0400), 0, 0, 0, 0, FLI(0x7a, 1))
        TEST_FP_RAW(12, H(0x0100), 0, 0, 0, 0, FLI(0x7a, 2))
        TEST_FP_RAW(13, H(0x7800), 0, 0, 0, 0, FLI(0x7a, 28))
        TEST_FP_RAW(14, H(0x7c00), 0, 0, 0, 0, FLI(0x7a, 29))
        TEST_FP_RAW(15, H(0x7e00), 0, 0, 0, 0, FLI(0x7a, 31))
        /* fminm.s (funct7 0x14, funct3 2), fmaxm.d (0x15, 3), fminm.h (0x16, 2) */
        TEST_FP_RAW(16, BOXED(0x7fc00000), 0, BOXED(0x3f800000), BOXED(0x7fc00001), 0, .insn r 0x53, 2, 0x14, fa0, fa1, fa2)
        TEST_FP_RAW(17, BOXED(0x7fc00000), FF_NV, BOXED(0x7f800001), BOXED(0x3f800000), 0, .insn r 0x53, 2, 0x14, fa0, fa1, fa2)
        TEST_FP_RAW(18, BOXED(0x80000000), 0, BOXED(0x00000000), BOXED(0x80000000), 0, .insn r 0x53, 2, 0x14, fa0, fa1, fa2)
        TEST_FP_RAW(19, 0x4000000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0, .insn r 0x53, 3, 0x15, fa0, fa1, fa2)
        TEST_FP_RAW(20, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0x7ff8000000000000, 0, .insn r 0x53, 3, 0x15, fa0, fa1, fa2)
        TEST_FP_RAW(21, H(0xbc00), 0, H(0x3c00), H(0xbc00), 0, .insn r 0x53, 2, 0x16, fa0, fa1, fa2)
        /* fround (rs2 = 4) and froundnx (rs2 = 5): .s funct7 0x20, .d 0x21, .h 0x22; funct3 = rm */
        TEST_FP_RAW(22, BOXED(0x40000000), 0, BOXED(0x40200000), 0, 0, .insn r 0x53, 0, 0x20, fa0, fa1, f4)
        TEST_FP_RAW(23, BOXED(0x40000000), FF_NX, BOXED(0x40200000), 0, 0, .insn r 0x53, 0, 0x20, fa0, fa1, f5)
        TEST_FP_RAW(24, BOXED(0x40400000), 0, BOXED(0x40200000), 0, 0, .insn r 0x53, 4, 0x20, fa0, fa1, f4)
        TEST_FP_RAW(25, BOXED(0x80000000), 0, BOXED(0xbe99999a), 0, 0, .insn r 0x53, 3, 0x20, fa0, fa1, f4)
        TEST_FP_RAW(26, BOXED(0xbf800000), FF_NX, BOXED(0xbe99999a), 0, 0, .insn r 0x53, 2, 0x20, fa0, fa1, f5)
        TEST_FP_RAW(27, BOXED(0x7fc00000), FF_NV, BOXED(0x7f800001), 0, 0, .insn r 0x53, 0, 0x20, fa0, fa1, f4)
        TEST_FP_RAW(28, 0x7e37e43c8800759c, 0, 0x7e37e43c8800759c, 0, 0, .insn r 0x53, 0, 0x21, fa0, fa1, f5)
        TEST_FP_RAW(29, 0xbff0000000000000, FF_NX, 0xbffc000000000000, 0, 0, .insn r 0x53, 1, 0x21, fa0, fa1, f5)
        TEST_FP_RAW(30, H(0x4000), 0, H(0x3e00), 0, 0, .insn r 0x53, 4, 0x22, fa0, fa1, f4)
        TEST_FP_RAW(31, H(0x3c00), FF_NX, H(0x3c01), 0, 0, .insn r 0x53, 1, 0x22, fa0, fa1, f5)
        /* fcvtmod.w.d: funct7 0x61, rs2 = 8, rm = rtz (1) */
        TEST_FP_RAW_INT(32, 5, FF_NV, 0x41f0000000500000, 0, .insn r 0x53, 1, 0x61, a0, fa1, f8)    /* 2^32 + 5 */
        TEST_FP_RAW_INT(33, -3, FF_NX, 0xc00d99999999999a, 0, .insn r 0x53, 1, 0x61, a0, fa1, f8)   /* -3.7 */
        TEST_FP_RAW_INT(34, 0, FF_NV, 0x7ff8000000000000, 0, .insn r 0x53, 1, 0x61, a0, fa1, f8)
        TEST_FP_RAW_INT(35, 0xffffffff80000000, FF_NV, 0x41e0000000000000, 0, .insn r 0x53, 1, 0x61, a0, fa1, f8) /* 2^31 */
        TEST_FP_RAW_INT(36, 0xffffffff80000000, 0, 0xc1e0000000000000, 0, .insn r 0x53, 1, 0x61, a0, fa1, f8)    /* -2^31 */
        TEST_FP_RAW_INT(37, 0, FF_NV, 0x4340000000000000, 0, .insn r 0x53, 1, 0x61, a0, fa1, f8)    /* 2^53: low 32 bits 0 */
        /* fleq (funct3 4) / fltq (5): .s funct7 0x50, .d 0x51, .h 0x52 */
        TEST_FP_RAW_INT(38, 0, 0, BOXED(0x7fc00000), BOXED(0x3f800000), .insn r 0x53, 4, 0x50, a0, fa1, fa2)
        TEST_FP_RAW_INT(39, 0, FF_NV, BOXED(0x7f800001), BOXED(0x3f800000), .insn r 0x53, 4, 0x50, a0, fa1, fa2)
        TEST_FP_RAW_INT(40, 1, 0, BOXED(0x3f800000), BOXED(0x3f800000), .insn r 0x53, 4, 0x50, a0, fa1, fa2)
        TEST_FP_RAW_INT(41, 1, 0, 0x3ff0000000000000, 0x4000000000000000, .insn r 0x53, 5, 0x51, a0, fa1, fa2)
        TEST_FP_RAW_INT(42, 0, 0, 0x7ff8000000000000, 0x4000000000000000, .insn r 0x53, 5, 0x51, a0, fa1, fa2)
        TEST_FP_RAW_INT(43, 0, 0, H(0x3c00), H(0x3c00), .insn r 0x53, 5, 0x52, a0, fa1, fa2)

        TEST_END
