/* Integer helpers for the executor with no undefined or implementation-defined behaviour:
 * sign extension, arithmetic shifts, high multiplies and RISC-V division (unpriv spec 7.2). */
#ifndef VHART_CPU_ARITH_H
#define VHART_CPU_ARITH_H

#include <stdint.h>

static inline uint64_t sx8(uint64_t v) { return ((v & 0xff) ^ 0x80) - 0x80; }
static inline uint64_t sx16(uint64_t v) { return ((v & 0xffff) ^ 0x8000) - 0x8000; }
static inline uint64_t sx32(uint64_t v) { return ((v & 0xffffffffu) ^ 0x80000000u) - 0x80000000u; }

/* Two's complement reinterpretation without implementation-defined conversions. */
static inline int64_t to_i64(uint64_t v) { return (v >> 63) ? -(int64_t)(~v) - 1 : (int64_t)v; }
static inline int32_t to_i32(uint64_t v)
{
    uint32_t w = (uint32_t)v;
    return (w >> 31) ? -(int32_t)(~w) - 1 : (int32_t)w;
}

/* Signed comparisons on two's complement bit patterns. */
static inline int slt64(uint64_t a, uint64_t b) { return (a ^ (1ull << 63)) < (b ^ (1ull << 63)); }

static inline uint64_t sra64(uint64_t a, unsigned s)
{
    s &= 63;
    uint64_t m = 0 - (a >> 63);        /* all ones when negative: shift the complement, branch-free */
    return ((a ^ m) >> s) ^ m;
}
static inline uint64_t sra32(uint64_t a, unsigned s)
{
    uint32_t v = (uint32_t)a;
    s &= 31;
    uint32_t m = 0u - (v >> 31);
    return sx32(((v ^ m) >> s) ^ m);
}

/* High 64 bits of the 128-bit unsigned product. */
static inline uint64_t mulhu64(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
    return (uint64_t)(((unsigned __int128)a * b) >> 64);
#else
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
#endif
}
/* Signed x signed and signed x unsigned high halves, derived from the unsigned one. */
static inline uint64_t mulh64(uint64_t a, uint64_t b)
{
    uint64_t h = mulhu64(a, b);
    if (a >> 63) h -= b;
    if (b >> 63) h -= a;
    return h;
}
static inline uint64_t mulhsu64(uint64_t a, uint64_t b)
{
    uint64_t h = mulhu64(a, b);
    if (a >> 63) h -= b;
    return h;
}

/* Division: x/0 = all ones, x%0 = x, INT_MIN/-1 = INT_MIN, INT_MIN%-1 = 0. */
static inline uint64_t div64(uint64_t a, uint64_t b)
{
    if (b == 0) return ~0ull;
    if (a == (1ull << 63) && b == ~0ull) return a;
    int neg = (int)((a ^ b) >> 63);
    uint64_t ua = (a >> 63) ? -a : a, ub = (b >> 63) ? -b : b;
    uint64_t q = ua / ub;
    return neg ? -q : q;
}
static inline uint64_t rem64(uint64_t a, uint64_t b)
{
    if (b == 0) return a;
    if (a == (1ull << 63) && b == ~0ull) return 0;
    uint64_t ua = (a >> 63) ? -a : a, ub = (b >> 63) ? -b : b;
    uint64_t r = ua % ub;
    return (a >> 63) ? -r : r;
}
static inline uint64_t divu64(uint64_t a, uint64_t b) { return b ? a / b : ~0ull; }
static inline uint64_t remu64(uint64_t a, uint64_t b) { return b ? a % b : a; }
static inline uint64_t div32(uint64_t a, uint64_t b) { return sx32(div64(sx32(a), sx32(b))); }
static inline uint64_t rem32(uint64_t a, uint64_t b) { return sx32(rem64(sx32(a), sx32(b))); }
static inline uint64_t divu32(uint64_t a, uint64_t b) { return sx32(divu64((uint32_t)a, (uint32_t)b)); }
static inline uint64_t remu32(uint64_t a, uint64_t b) { return sx32(remu64((uint32_t)a, (uint32_t)b)); }

/* Bit manipulation (Zbb), portable: no builtins needed, so any C11 compiler builds them. */
static inline uint64_t popcount64(uint64_t v)
{
    v = v - ((v >> 1) & 0x5555555555555555ull);
    v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
    v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (v * 0x0101010101010101ull) >> 56;
}
static inline uint64_t clz64(uint64_t v)
{
    if (v == 0) return 64;
    uint64_t n = 0;
    if (!(v >> 32)) { n += 32; v <<= 32; }
    if (!(v >> 48)) { n += 16; v <<= 16; }
    if (!(v >> 56)) { n += 8; v <<= 8; }
    if (!(v >> 60)) { n += 4; v <<= 4; }
    if (!(v >> 62)) { n += 2; v <<= 2; }
    if (!(v >> 63)) n += 1;
    return n;
}
static inline uint64_t ctz64(uint64_t v) { return v ? popcount64((v & -v) - 1) : 64; }
static inline uint64_t rol64(uint64_t v, unsigned s) { s &= 63; return s ? (v << s) | (v >> (64 - s)) : v; }
static inline uint64_t ror64(uint64_t v, unsigned s) { s &= 63; return s ? (v >> s) | (v << (64 - s)) : v; }
static inline uint64_t rol32(uint64_t v, unsigned s)
{
    uint32_t w = (uint32_t)v;
    s &= 31;
    return sx32(s ? (w << s) | (w >> (32 - s)) : w);
}
static inline uint64_t ror32(uint64_t v, unsigned s)
{
    uint32_t w = (uint32_t)v;
    s &= 31;
    return sx32(s ? (w >> s) | (w << (32 - s)) : w);
}
static inline uint64_t orc_b64(uint64_t v)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i += 8)
        if ((v >> i) & 0xff) r |= 0xffull << i;
    return r;
}
static inline uint64_t rev8_64(uint64_t v)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 8; i++) r |= ((v >> (8 * i)) & 0xff) << (56 - 8 * i);
    return r;
}

/* Carry-less multiplication (bitmanip 1.0.0, 2.3): the low, high and "reversed" (bits 126..63)
 * halves of the 127-bit product. */
static inline uint64_t clmul64(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i++)
        if ((b >> i) & 1) r ^= a << i;
    return r;
}
static inline uint64_t clmulh64(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 1; i < 64; i++)
        if ((b >> i) & 1) r ^= a >> (64 - i);
    return r;
}
static inline uint64_t clmulr64(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i++)
        if ((b >> i) & 1) r ^= a >> (63 - i);
    return r;
}
/* brev8 (Zbkb): reverse the bits within each byte. */
static inline uint64_t brev8_64(uint64_t v)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i++)
        if ((v >> i) & 1) r |= 1ull << ((i & ~7u) | (7 - (i & 7)));
    return r;
}
/* xperm4 / xperm8 (Zbkx): each nibble (byte) of b indexes a nibble (byte) of a; out of range gives 0. */
static inline uint64_t xperm4_64(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i += 4) {
        unsigned idx = (unsigned)(b >> i) & 15;
        r |= ((a >> (idx * 4)) & 15) << i;
    }
    return r;
}
static inline uint64_t xperm8_64(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i += 8) {
        unsigned idx = (unsigned)(b >> i) & 0xff;
        if (idx < 8) r |= ((a >> (idx * 8)) & 0xff) << i;
    }
    return r;
}

#endif
