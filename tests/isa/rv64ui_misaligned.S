/* VHART-ONLY: misaligned loads and stores, performed by vhart in hardware (no trap).
 * lh/lhu/lw/lwu/ld and sh/sw/sd at every misaligned offset, within a dword, across a dword and
 * across a 4 KiB page boundary; loaded values and the exact bytes stored are checked.
 * (The spec also allows trapping, which ends the run with status 1000 + 4 or 1000 + 6; QEMU 7.2
 * performs these accesses in M-mode too, so this file passes there as well.) */
#include "test.h"
#include "unpriv_macros.h"

/* Fill the aligned dwords at base and base+8 with 0xa5.. / 0x5a.., store 0x8899aabbccddeeff with
 * `st` at base+off, then check both dwords with aligned loads. */
#define TEST_STORE2(n, st, off, base, exp_lo, exp_hi)    \
        TEST_CASE(n);                                    \
        la a1, base;                                     \
        li a3, 0xa5a5a5a5a5a5a5a5; sd a3, 0(a1);         \
        li a3, 0x5a5a5a5a5a5a5a5a; sd a3, 8(a1);         \
        li a2, 0x8899aabbccddeeff;                       \
        st a2, off(a1);                                  \
        ld a0, 0(a1); CHECK(a0, exp_lo);                 \
        ld a0, 8(a1); CHECK(a0, exp_hi)

        TEST_BEGIN
        .option norvc  /* only the 32-bit encodings here */

        /* ---- misaligned loads inside one dword / across a dword boundary (base = mis) ---- */
        TEST_LD(2, lh, 0xffffffffffff8201, 1, mis)
        TEST_LD(3, lh, 0xffffffffffff8403, 3, mis)
        TEST_LD(4, lh, 0xffffffffffff8807, 7, mis)
        TEST_LD(5, lhu, 0x0000000000008201, 1, mis)
        TEST_LD(6, lhu, 0x0000000000008403, 3, mis)
        TEST_LD(7, lhu, 0x0000000000008807, 7, mis)
        TEST_LD(8, lw, 0xffffffff84038201, 1, mis)
        TEST_LD(9, lw, 0x0000000005840382, 2, mis)
        TEST_LD(10, lw, 0xffffffff86058403, 3, mis)
        TEST_LD(11, lw, 0xffffffff88078605, 5, mis)
        TEST_LD(12, lw, 0x0000000009880786, 6, mis)
        TEST_LD(13, lw, 0xffffffff8a098807, 7, mis)
        TEST_LD(14, lwu, 0x0000000084038201, 1, mis)
        TEST_LD(15, lwu, 0x0000000005840382, 2, mis)
        TEST_LD(16, lwu, 0x0000000086058403, 3, mis)
        TEST_LD(17, lwu, 0x0000000088078605, 5, mis)
        TEST_LD(18, lwu, 0x0000000009880786, 6, mis)
        TEST_LD(19, lwu, 0x000000008a098807, 7, mis)
        TEST_LD(20, ld, 0x8807860584038201, 1, mis)
        TEST_LD(21, ld, 0x0988078605840382, 2, mis)
        TEST_LD(22, ld, 0x8a09880786058403, 3, mis)
        TEST_LD(23, ld, 0x0b8a098807860584, 4, mis)
        TEST_LD(24, ld, 0x8c0b8a0988078605, 5, mis)
        TEST_LD(25, ld, 0x0d8c0b8a09880786, 6, mis)
        TEST_LD(26, ld, 0x8e0d8c0b8a098807, 7, mis)
        /* ---- misaligned loads across the 4 KiB page boundary at `cross` ---- */
        TEST_LD(27, lh, 0xffffffffffffb948, -1, cross)
        TEST_LD(28, lhu, 0x000000000000b948, -1, cross)
        TEST_LD(29, lw, 0xffffffffab3ab948, -1, cross)
        TEST_LD(30, lw, 0x000000003ab948c7, -2, cross)
        TEST_LD(31, lw, 0xffffffffb948c756, -3, cross)
        TEST_LD(32, lwu, 0x00000000ab3ab948, -1, cross)
        TEST_LD(33, lwu, 0x000000003ab948c7, -2, cross)
        TEST_LD(34, lwu, 0x00000000b948c756, -3, cross)
        TEST_LD(35, ld, 0x8f1e9d2cab3ab948, -1, cross)
        TEST_LD(36, ld, 0x1e9d2cab3ab948c7, -2, cross)
        TEST_LD(37, ld, 0x9d2cab3ab948c756, -3, cross)
        TEST_LD(38, ld, 0x2cab3ab948c756d5, -4, cross)
        TEST_LD(39, ld, 0xab3ab948c756d564, -5, cross)
        TEST_LD(40, ld, 0x3ab948c756d564e3, -6, cross)
        TEST_LD(41, ld, 0xb948c756d564e372, -7, cross)
        /* ---- misaligned stores: the two aligned dwords around the store are read back (aligned) ---- */
        TEST_STORE2(42, sh, 1, sbuf, 0xa5a5a5a5a5eeffa5, 0x5a5a5a5a5a5a5a5a)
        TEST_STORE2(43, sh, 3, sbuf, 0xa5a5a5eeffa5a5a5, 0x5a5a5a5a5a5a5a5a)
        TEST_STORE2(44, sh, 7, sbuf, 0xffa5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5aee)
        TEST_STORE2(45, sw, 1, sbuf, 0xa5a5a5ccddeeffa5, 0x5a5a5a5a5a5a5a5a)
        TEST_STORE2(46, sw, 2, sbuf, 0xa5a5ccddeeffa5a5, 0x5a5a5a5a5a5a5a5a)
        TEST_STORE2(47, sw, 3, sbuf, 0xa5ccddeeffa5a5a5, 0x5a5a5a5a5a5a5a5a)
        TEST_STORE2(48, sw, 5, sbuf, 0xddeeffa5a5a5a5a5, 0x5a5a5a5a5a5a5acc)
        TEST_STORE2(49, sw, 6, sbuf, 0xeeffa5a5a5a5a5a5, 0x5a5a5a5a5a5accdd)
        TEST_STORE2(50, sw, 7, sbuf, 0xffa5a5a5a5a5a5a5, 0x5a5a5a5a5accddee)
        TEST_STORE2(51, sd, 1, sbuf, 0x99aabbccddeeffa5, 0x5a5a5a5a5a5a5a88)
        TEST_STORE2(52, sd, 2, sbuf, 0xaabbccddeeffa5a5, 0x5a5a5a5a5a5a8899)
        TEST_STORE2(53, sd, 3, sbuf, 0xbbccddeeffa5a5a5, 0x5a5a5a5a5a8899aa)
        TEST_STORE2(54, sd, 4, sbuf, 0xccddeeffa5a5a5a5, 0x5a5a5a5a8899aabb)
        TEST_STORE2(55, sd, 5, sbuf, 0xddeeffa5a5a5a5a5, 0x5a5a5a8899aabbcc)
        TEST_STORE2(56, sd, 6, sbuf, 0xeeffa5a5a5a5a5a5, 0x5a5a8899aabbccdd)
        TEST_STORE2(57, sd, 7, sbuf, 0xffa5a5a5a5a5a5a5, 0x5a8899aabbccddee)
        TEST_STORE2(58, sh, 7, cross - 8, 0xffa5a5a5a5a5a5a5, 0x5a5a5a5a5a5a5aee)
        TEST_STORE2(59, sw, 7, cross - 8, 0xffa5a5a5a5a5a5a5, 0x5a5a5a5a5accddee)
        TEST_STORE2(60, sw, 6, cross - 8, 0xeeffa5a5a5a5a5a5, 0x5a5a5a5a5a5accdd)
        TEST_STORE2(61, sw, 5, cross - 8, 0xddeeffa5a5a5a5a5, 0x5a5a5a5a5a5a5acc)
        TEST_STORE2(62, sd, 7, cross - 8, 0xffa5a5a5a5a5a5a5, 0x5a8899aabbccddee)
        TEST_STORE2(63, sd, 6, cross - 8, 0xeeffa5a5a5a5a5a5, 0x5a5a8899aabbccdd)
        TEST_STORE2(64, sd, 5, cross - 8, 0xddeeffa5a5a5a5a5, 0x5a5a5a8899aabbcc)
        TEST_STORE2(65, sd, 4, cross - 8, 0xccddeeffa5a5a5a5, 0x5a5a5a5a8899aabb)
        TEST_STORE2(66, sd, 3, cross - 8, 0xbbccddeeffa5a5a5, 0x5a5a5a5a5a8899aa)
        TEST_STORE2(67, sd, 2, cross - 8, 0xaabbccddeeffa5a5, 0x5a5a5a5a5a5a8899)
        TEST_STORE2(68, sd, 1, cross - 8, 0x99aabbccddeeffa5, 0x5a5a5a5a5a5a5a88)
        /* ---- a misaligned store then a misaligned load of the same bytes ---- */
        TEST_CODE(69, 0x8899aabbccddeeff, la a1, cross - 8; li a2, 0x8899aabbccddeeff; sd a2, 3(a1); ld a0, 3(a1))
        TEST_CODE(70, 0xffffffffccddeeff, la a1, cross - 8; li a2, 0x8899aabbccddeeff; sw a2, 6(a1); lw a0, 6(a1))
        TEST_CODE(71, 0xffffffffffffeeff, la a1, cross - 8; li a2, 0x8899aabbccddeeff; sh a2, 7(a1); lh a0, 7(a1))

        /* the boundary really is a 4 KiB boundary */
        TEST_CASE(72)
        la a0, cross
        slli a0, a0, 52
        CHECK(a0, 0)

        TEST_END

        .data
        .align 4
mis:    .byte 0x80, 0x01, 0x82, 0x03, 0x84, 0x05, 0x86, 0x07, 0x88, 0x09, 0x8a, 0x0b, 0x8c, 0x0d, 0x8e, 0x0f
sbuf:   .dword 0, 0
        .align 12
page0:  .skip 4096 - 8
        .byte 0xf1, 0x72, 0xe3, 0x64, 0xd5, 0x56, 0xc7, 0x48
cross:  /* 4 KiB boundary */
        .byte 0xb9, 0x3a, 0xab, 0x2c, 0x9d, 0x1e, 0x8f, 0x10
        .skip 4096 - 8
