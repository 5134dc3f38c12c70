/* RV64DC compressed floating-point loads and stores, written with explicit c. mnemonics: c.fld,
 * c.fsd (f8-f15 / x8-x15 fields, offsets 0..248) and c.fldsp, c.fsdsp (any f register, offsets
 * 0..504). They move the 64 bits unchanged (signalling / quiet NaN bit patterns included).
 * mstatus.FS is set to Initial first. */
#include "test.h"
#include "unpriv_macros.h"

        TEST_BEGIN
        .option rvc  /* compressed encodings, spelled out with c. mnemonics */

        /* FP instructions need mstatus.FS != Off */
        li t0, 0x2000
        csrs mstatus, t0

        /* ---- c.fld fd', uimm(rs1') (0..248): bit-exact 64-bit load (NaN payloads included) ---- */
        TEST_CODE(2, 0x7ff0000000000001, la a1, ldbuf; c.fld fa0, 0(a1); fmv.x.d a0, fa0)
        TEST_CODE(3, 0xfedb456789abcdef, la a1, ldbuf; c.fld fa0, 8(a1); fmv.x.d a0, fa0)
        TEST_CODE(4, 0x5dd2222222222203, la a1, ldbuf; c.fld fs0, 240(a1); fmv.x.d a0, fs0)
        TEST_CODE(5, 0xdcbd6789abcdeff1, la a5, ldbuf; c.fld fa5, 248(a5); fmv.x.d a0, fa5)
        TEST_CODE(6, 0xedcc56789abcdef0, la s0, ldbuf; c.fld fs1, 128(s0); fmv.x.d a0, fs1)
        /* ---- c.fldsp fd, uimm(sp) (0..504), any fd ---- */
        TEST_CODE(7, 0x7ff0000000000001, la sp, ldbuf; c.fldsp ft0, 0(sp); fmv.x.d a0, ft0)
        TEST_CODE(8, 0xfedb456789abcdef, la sp, ldbuf; c.fldsp fa0, 8(sp); fmv.x.d a0, fa0)
        TEST_CODE(9, 0x468acf13579bdfe2, la sp, ldbuf; c.fldsp ft11, 496(sp); fmv.x.d a0, ft11)
        TEST_CODE(10, 0x385e147ae147add0, la sp, ldbuf; c.fldsp fs11, 504(sp); fmv.x.d a0, fs11)
        TEST_CODE(11, 0x2468acf13579bde0, la sp, ldbuf; c.fldsp fa7, 256(sp); fmv.x.d a0, fa7)
        /* ---- c.fsd fs2', uimm(rs1') (0..248) and c.fsdsp fs2, uimm(sp) (0..504): bit-exact stores ---- */
        TEST_CODE(12, 0x7ff0000000000001, li a2, 0x7ff0000000000001; fmv.d.x fa0, a2; la a1, stbuf; sd zero, 0(a1); c.fsd fa0, 0(a1); la a3, stbuf; ld a0, 0(a3))
        TEST_CODE(13, 0xfff8000000000000, li a2, 0xfff8000000000000; fmv.d.x fa1, a2; la a1, stbuf; sd zero, 8(a1); c.fsd fa1, 8(a1); la a3, stbuf; ld a0, 8(a3))
        TEST_CODE(14, 0x8000000000000000, li a2, 0x8000000000000000; fmv.d.x fs0, a2; la a1, stbuf; sd zero, 248(a1); c.fsd fs0, 248(a1); la a3, stbuf; ld a0, 248(a3))
        TEST_CODE(15, 0x3ff0000000000000, li a2, 0x3ff0000000000000; fmv.d.x fa5, a2; la s1, stbuf; sd zero, 240(s1); c.fsd fa5, 240(s1); la a3, stbuf; ld a0, 240(a3))
        TEST_CODE(16, 0x0123456789abcdef, li a2, 0x0123456789abcdef; fmv.d.x fs1, a2; la a4, stbuf; sd zero, 128(a4); c.fsd fs1, 128(a4); la a3, stbuf; ld a0, 128(a3))
        TEST_CODE(17, 0x7ff0000000000001, li a2, 0x7ff0000000000001; fmv.d.x ft0, a2; la sp, stbuf; sd zero, 0(sp); c.fsdsp ft0, 0(sp); la a3, stbuf; ld a0, 0(a3))
        TEST_CODE(18, 0xfff8000000000000, li a2, 0xfff8000000000000; fmv.d.x fa0, a2; la sp, stbuf; sd zero, 8(sp); c.fsdsp fa0, 8(sp); la a3, stbuf; ld a0, 8(a3))
        TEST_CODE(19, 0x8000000000000000, li a2, 0x8000000000000000; fmv.d.x ft11, a2; la sp, stbuf; sd zero, 504(sp); c.fsdsp ft11, 504(sp); la a3, stbuf; ld a0, 504(a3))
        TEST_CODE(20, 0x3ff0000000000000, li a2, 0x3ff0000000000000; fmv.d.x fs11, a2; la sp, stbuf; sd zero, 496(sp); c.fsdsp fs11, 496(sp); la a3, stbuf; ld a0, 496(a3))
        TEST_CODE(21, 0x0123456789abcdef, li a2, 0x0123456789abcdef; fmv.d.x fa7, a2; la sp, stbuf; sd zero, 256(sp); c.fsdsp fa7, 256(sp); la a3, stbuf; ld a0, 256(a3))
        /* ---- a c.fsd writes only its own 8 bytes ---- */
        TEST_CASE(22)
        la a1, stbuf
        li a2, -1
        sd a2, 16(a1)
        sd a2, 32(a1)
        li a2, 0x1122334455667788
        fmv.d.x fa2, a2
        c.fsd fa2, 24(a1)
        ld a0, 16(a1)
        CHECK(a0, -1)
        ld a0, 32(a1)
        CHECK(a0, -1)
        ld a0, 24(a1)
        CHECK(a0, 0x1122334455667788)

        TEST_END

        .data
        .align 3
ldbuf:
        .dword 0x7ff0000000000001
        .dword 0xfedb456789abcdef
        .dword 0x02468acf13579bde
        .dword 0x7c99d0369d0369cc
        .dword 0xfb75159e26af37bc
        .dword 0x05b05b05b05b05ab
        .dword 0x7923a06d3a06d39b
        .dword 0xf80ee5d4c3b2a189
        .dword 0x091a2b3c4d5e6f78
        .dword 0x75cd70a3d70a3d66
        .dword 0xf498b60b60b60b56
        .dword 0x0c83fb72ea61d945
        .dword 0x725740da740da735
        .dword 0xf1328641fdb97523
        .dword 0x0fedcba987654312
        .dword 0x6ee1111111111100
        .dword 0xedcc56789abcdef0
        .dword 0x13579be02468acdf
        .dword 0x6b8ae147ae147acf
        .dword 0xea6626af37c048bd
        .dword 0x16c16c16c16c16ac
        .dword 0x6814b17e4b17e49a
        .dword 0xe6fff6e5d4c3b28a
        .dword 0x1a2b3c4d5e6f8079
        .dword 0x64be81b4e81b4e69
        .dword 0xe389c71c71c71c57
        .dword 0x1d950c83fb72ea46
        .dword 0x614851eb851eb834
        .dword 0xe02397530eca8624
        .dword 0x20fedcba98765413
        .dword 0x5dd2222222222203
        .dword 0xdcbd6789abcdeff1
        .dword 0x2468acf13579bde0
        .dword 0x5a7bf258bf258bce
        .dword 0xd95737c048d159be
        .dword 0x27d27d27d27d27ad
        .dword 0x5705c28f5c28f59d
        .dword 0xd5e107f6e5d4c38b
        .dword 0x2b3c4d5e6f80917a
        .dword 0x53af92c5f92c5f68
        .dword 0xd27ad82d82d82d58
        .dword 0x2ea61d950c83fb47
        .dword 0x503962fc962fc937
        .dword 0xcf14a8641fdb9725
        .dword 0x320fedcba9876514
        .dword 0x4cc3333333333302
        .dword 0xcbae789abcdf00f2
        .dword 0x3579be02468acee1
        .dword 0x496d0369d0369cd1
        .dword 0xc83848d159e26abf
        .dword 0x38e38e38e38e38ae
        .dword 0x45f6d3a06d3a069c
        .dword 0xc4d21907f6e5d48c
        .dword 0x3c4d5e6f8091a27b
        .dword 0x4280a3d70a3d706b
        .dword 0xc16be93e93e93e59
        .dword 0x3fb72ea61d950c48
        .dword 0x3f2a740da740da36
        .dword 0xbe05b97530eca826
        .dword 0x4320fedcba987615
        .dword 0x3bb4444444444405
        .dword 0xba9f89abcdf011f3
        .dword 0x468acf13579bdfe2
        .dword 0x385e147ae147add0
stbuf:  .skip 512
