/* RV64C loads and stores, written with explicit c. mnemonics: c.lw, c.ld, c.sw, c.sd (rs1'/rd'
 * register fields) and c.lwsp, c.ldsp, c.swsp, c.sdsp (sp-relative, any register). Offsets 0, the
 * largest (124 / 248 / 252 / 504) and in between; sign extension of c.lw / c.lwsp; stores write only
 * their own bytes. */
#include "test.h"
#include "unpriv_macros.h"

/* Fill the dword of stbuf that holds offset off with 0xa5 bytes, put 0xfedcba9876543210 in rs2,
 * `st rs2, off(rs1)` with rs1 = stbuf, then read the aligned dword back. */
#define TEST_CSTORE(n, fill, st, rs2, rs1, off, expected)                   \
        TEST_CASE(n);                                                       \
        la rs1, stbuf; li a3, 0xa5a5a5a5a5a5a5a5; la a4, stbuf + ((off) & ~7); sd a3, 0(a4); \
        la rs1, stbuf; li rs2, 0xfedcba9876543210;                         \
        st rs2, off(rs1);                                                   \
        la a4, stbuf + ((off) & ~7); ld a0, 0(a4);                          \
        CHECK(a0, expected)

/* The same with sp as the base register. */
#define TEST_CSTORESP(n, st, rs2, off, expected)                            \
        TEST_CASE(n);                                                       \
        li a3, 0xa5a5a5a5a5a5a5a5; la a4, stbuf + ((off) & ~7); sd a3, 0(a4); \
        la sp, stbuf; li rs2, 0xfedcba9876543210;                           \
        st rs2, off(sp);                                                    \
        la a4, stbuf + ((off) & ~7); ld a0, 0(a4);                          \
        CHECK(a0, expected)

        TEST_BEGIN
        .option rvc  /* compressed encodings, spelled out with c. mnemonics */

        /* ---- c.lw rd', uimm(rs1') (0..124, multiple of 4), sign-extended ---- */
        TEST_CODE(2, 0xffffffff80000000, la a1, ldbuf; c.lw a0, 0(a1))
        TEST_CODE(3, 0xffffffff80000000, la a1, ldbuf; c.lw a0, 4(a1))
        TEST_CODE(4, 0x000000007fffffff, la a1, ldbuf; c.lw a0, 120(a1))
        TEST_CODE(5, 0xffffffff8ffff0ff, la a1, ldbuf; c.lw a0, 124(a1))
        TEST_CODE(6, 0xffffffff87777077, la a5, ldbuf; c.lw s0, 60(a5); mv a0, s0)
        TEST_CODE(7, 0x0000000008888888, la s1, ldbuf; c.lw a5, 64(s1); mv a0, a5)
        TEST_CODE(8, 0xffffffff91111111, la a1, ldbuf; c.lw a1, 8(a1); mv a0, a1)
        /* ---- c.ld rd', uimm(rs1') (0..248, multiple of 8) ---- */
        TEST_CODE(9, 0x8000000080000000, la a1, ldbuf; c.ld a0, 0(a1))
        TEST_CODE(10, 0x8111101191111111, la a1, ldbuf; c.ld a0, 8(a1))
        TEST_CODE(11, 0x9fffe1ff7ffffffe, la a1, ldbuf; c.ld a0, 240(a1))
        TEST_CODE(12, 0xa1110e119111110f, la a1, ldbuf; c.ld a0, 248(a1))
        TEST_CODE(13, 0x9111011191111110, la a4, ldbuf; c.ld s1, 128(a4); mv a0, s1)
        TEST_CODE(14, 0x82222022a2222222, la a2, ldbuf; c.ld a2, 16(a2); mv a0, a2)
        /* ---- c.lwsp rd, uimm(sp) (0..252, multiple of 4), any rd ---- */
        TEST_CODE(15, 0xffffffff80000000, la sp, ldbuf; c.lwsp a0, 0(sp))
        TEST_CODE(16, 0xffffffff80000000, la sp, ldbuf; c.lwsp a0, 4(sp))
        TEST_CODE(17, 0xffffffff9111110f, la sp, ldbuf; c.lwsp a0, 248(sp))
        TEST_CODE(18, 0xffffffffa1110e11, la sp, ldbuf; c.lwsp a0, 252(sp))
        TEST_CODE(19, 0xffffffff8cccc0cc, la sp, ldbuf; c.lwsp t2, 100(sp); mv a0, t2)
        TEST_CODE(20, 0xffffffff91111110, la sp, ldbuf; c.lwsp ra, 128(sp); mv a0, ra)
        TEST_CODE(21, 0xffffffff84444044, la sp, ldbuf; c.lwsp s11, 36(sp); mv a0, s11)
        /* ---- c.ldsp rd, uimm(sp) (0..504, multiple of 8), any rd ---- */
        TEST_CODE(22, 0x8000000080000000, la sp, ldbuf; c.ldsp a0, 0(sp))
        TEST_CODE(23, 0x8111101191111111, la sp, ldbuf; c.ldsp a0, 8(sp))
        TEST_CODE(24, 0xc2221c22a222221e, la sp, ldbuf; c.ldsp a0, 496(sp))
        TEST_CODE(25, 0xc3330c33b333332f, la sp, ldbuf; c.ldsp a0, 504(sp))
        TEST_CODE(26, 0xa2220222a2222220, la sp, ldbuf; c.ldsp t2, 256(sp); mv a0, t2)
        TEST_CODE(27, 0xa3331233b3333331, la sp, ldbuf; c.ldsp ra, 264(sp); mv a0, ra)
        TEST_CODE(28, 0x8111101191111111, la sp, ldbuf; c.ldsp sp, 8(sp); mv a0, sp)
        /* ---- c.sw rs2', uimm(rs1') and c.sd: the aligned dword around the store is read back ---- */
        TEST_CSTORE(29, sd, c.sw, a2, a1, 0, 0xa5a5a5a576543210)
        TEST_CSTORE(30, sd, c.sw, a2, a1, 4, 0x76543210a5a5a5a5)
        TEST_CSTORE(31, sd, c.sw, a2, a1, 124, 0x76543210a5a5a5a5)
        TEST_CSTORE(32, sd, c.sw, a2, a1, 120, 0xa5a5a5a576543210)
        TEST_CSTORE(33, sd, c.sw, s0, a5, 60, 0x76543210a5a5a5a5)
        TEST_CSTORE(34, sd, c.sw, a5, s1, 64, 0xa5a5a5a576543210)
        TEST_CSTORE(35, sd, c.sd, a2, a1, 0, 0xfedcba9876543210)
        TEST_CSTORE(36, sd, c.sd, a2, a1, 8, 0xfedcba9876543210)
        TEST_CSTORE(37, sd, c.sd, a2, a1, 248, 0xfedcba9876543210)
        TEST_CSTORE(38, sd, c.sd, s1, a4, 128, 0xfedcba9876543210)
        /* ---- c.swsp rs2, uimm(sp) (0..252) and c.sdsp (0..504), any rs2 ---- */
        TEST_CSTORESP(39, c.swsp, a2, 0, 0xa5a5a5a576543210)
        TEST_CSTORESP(40, c.swsp, a2, 4, 0x76543210a5a5a5a5)
        TEST_CSTORESP(41, c.swsp, a2, 252, 0x76543210a5a5a5a5)
        TEST_CSTORESP(42, c.swsp, t2, 248, 0xa5a5a5a576543210)
        TEST_CSTORESP(43, c.swsp, ra, 100, 0x76543210a5a5a5a5)
        TEST_CSTORESP(44, c.swsp, s11, 36, 0x76543210a5a5a5a5)
        TEST_CSTORESP(45, c.sdsp, a2, 0, 0xfedcba9876543210)
        TEST_CSTORESP(46, c.sdsp, a2, 8, 0xfedcba9876543210)
        TEST_CSTORESP(47, c.sdsp, a2, 504, 0xfedcba9876543210)
        TEST_CSTORESP(48, c.sdsp, t2, 496, 0xfedcba9876543210)
        TEST_CSTORESP(49, c.sdsp, ra, 256, 0xfedcba9876543210)
        TEST_CASE(50)             /* c.sdsp of sp itself, c.ldsp back */
        la sp, stbuf
        c.sdsp sp, 16(sp)
        ld a0, 16(sp)
        la a1, stbuf
        bne a0, a1, fail
        li sp, 0
        la a1, stbuf
        c.ld a0, 16(a1)
        la a1, stbuf
        sub a0, a0, a1
        CHECK(a0, 0)
        TEST_CASE(51)             /* c.sw / c.lw round trip keeps the sign */
        la a1, stbuf
        li a2, 0x80000001
        c.sw a2, 8(a1)
        c.lw a0, 8(a1)
        CHECK(a0, 0xffffffff80000001)

        TEST_END

        .data
        .align 3
ldbuf:
        .dword 0x8000000080000000
        .dword 0x8111101191111111
        .dword 0x82222022a2222222
        .dword 0x83333033b3333333
        .dword 0x84444044c4444444
        .dword 0x85555055d5555555
        .dword 0x86666066e6666666
        .dword 0x87777077f7777777
        .dword 0x8888808808888888
        .dword 0x8999909919999999
        .dword 0x8aaaa0aa2aaaaaaa
        .dword 0x8bbbb0bb3bbbbbbb
        .dword 0x8cccc0cc4ccccccc
        .dword 0x8dddd0dd5ddddddd
        .dword 0x8eeee0ee6eeeeeee
        .dword 0x8ffff0ff7fffffff
        .dword 0x9111011191111110
        .dword 0x92223322a2222221
        .dword 0x93332133b3333332
        .dword 0x94445744c4444443
        .dword 0x95554155d5555554
        .dword 0x96667366e6666665
        .dword 0x97776177f7777776
        .dword 0x98889f8808888887
        .dword 0x9999819919999998
        .dword 0x9aaab3aa2aaaaaa9
        .dword 0x9bbba1bb3bbbbbba
        .dword 0x9cccd7cc4ccccccb
        .dword 0x9dddc1dd5ddddddc
        .dword 0x9eeef3ee6eeeeeed
        .dword 0x9fffe1ff7ffffffe
        .dword 0xa1110e119111110f
        .dword 0xa2220222a2222220
        .dword 0xa3331233b3333331
        .dword 0xa4446644c4444442
        .dword 0xa5557655d5555553
        .dword 0xa6664266e6666664
        .dword 0xa7775277f7777775
        .dword 0xa888ae8808888886
        .dword 0xa999be9919999997
        .dword 0xaaaa82aa2aaaaaa8
        .dword 0xabbb92bb3bbbbbb9
        .dword 0xaccce6cc4cccccca
        .dword 0xadddf6dd5ddddddb
        .dword 0xaeeec2ee6eeeeeec
        .dword 0xafffd2ff7ffffffd
        .dword 0xb1113f119111110e
        .dword 0xb2220d22a222221f
        .dword 0xb3330333b3333330
        .dword 0xb4447544c4444441
        .dword 0xb5556755d5555552
        .dword 0xb6665566e6666663
        .dword 0xb7774377f7777774
        .dword 0xb888bd8808888885
        .dword 0xb999af9919999996
        .dword 0xbaaa9daa2aaaaaa7
        .dword 0xbbbb83bb3bbbbbb8
        .dword 0xbcccf5cc4cccccc9
        .dword 0xbddde7dd5dddddda
        .dword 0xbeeed5ee6eeeeeeb
        .dword 0xbfffc3ff7ffffffc
        .dword 0xc1112c119111110d
        .dword 0xc2221c22a222221e
        .dword 0xc3330c33b333332f
stbuf:  .skip 512
