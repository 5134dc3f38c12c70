/* Guest memory is little-endian: load/store helpers that are correct on any host byte order. */
#ifndef VHART_UTIL_ENDIAN_H
#define VHART_UTIL_ENDIAN_H

#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define VHART_HOST_BIG_ENDIAN 1
#else
#define VHART_HOST_BIG_ENDIAN 0
#endif

#if VHART_HOST_BIG_ENDIAN
#if defined(__GNUC__) || defined(__clang__)
#define VHART_BSWAP16(v) __builtin_bswap16(v)
#define VHART_BSWAP32(v) __builtin_bswap32(v)
#define VHART_BSWAP64(v) __builtin_bswap64(v)
#else
static inline uint16_t VHART_BSWAP16(uint16_t v) { return (uint16_t)((v >> 8) | (v << 8)); }
static inline uint32_t VHART_BSWAP32(uint32_t v)
{
    return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
}
static inline uint64_t VHART_BSWAP64(uint64_t v)
{
    return ((uint64_t)VHART_BSWAP32((uint32_t)v) << 32) | VHART_BSWAP32((uint32_t)(v >> 32));
}
#endif
#define VHART_LE16(v) VHART_BSWAP16(v)
#define VHART_LE32(v) VHART_BSWAP32(v)
#define VHART_LE64(v) VHART_BSWAP64(v)
#else
#define VHART_LE16(v) (v)
#define VHART_LE32(v) (v)
#define VHART_LE64(v) (v)
#endif

/* memcpy keeps these free of alignment and aliasing UB; compilers emit one load or store. */
static inline uint8_t le_load8(const void *p) { return *(const uint8_t *)p; }
static inline uint16_t le_load16(const void *p) { uint16_t v; memcpy(&v, p, 2); return (uint16_t)VHART_LE16(v); }
static inline uint32_t le_load32(const void *p) { uint32_t v; memcpy(&v, p, 4); return (uint32_t)VHART_LE32(v); }
static inline uint64_t le_load64(const void *p) { uint64_t v; memcpy(&v, p, 8); return (uint64_t)VHART_LE64(v); }
static inline void le_store8(void *p, uint8_t v) { *(uint8_t *)p = v; }
static inline void le_store16(void *p, uint16_t v) { v = (uint16_t)VHART_LE16(v); memcpy(p, &v, 2); }
static inline void le_store32(void *p, uint32_t v) { v = (uint32_t)VHART_LE32(v); memcpy(p, &v, 4); }
static inline void le_store64(void *p, uint64_t v) { v = (uint64_t)VHART_LE64(v); memcpy(p, &v, 8); }

/* Load/store of 1, 2, 4 or 8 bytes chosen at run time (slow paths and devices). */
static inline uint64_t le_load(const void *p, unsigned size)
{
    switch (size) {
    case 1: return le_load8(p);
    case 2: return le_load16(p);
    case 4: return le_load32(p);
    default: return le_load64(p);
    }
}
static inline void le_store(void *p, uint64_t v, unsigned size)
{
    switch (size) {
    case 1: le_store8(p, (uint8_t)v); break;
    case 2: le_store16(p, (uint16_t)v); break;
    case 4: le_store32(p, (uint32_t)v); break;
    default: le_store64(p, v); break;
    }
}

#endif
