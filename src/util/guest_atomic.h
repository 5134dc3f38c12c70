/* Guest RAM as shared memory between hart threads: RVWMO (unprivileged spec ch. 17, A.5 "mappings")
 * on the host's C11 memory model. See docs/threads.md.
 *
 * - Plain guest loads and stores that hit the TLB are naturally aligned (misaligned ones never hit),
 *   so they are done as relaxed atomic accesses of their size: one plain host load or store on
 *   x86-64 and aarch64, but no C data race, and ThreadSanitizer sees them.
 * - AMOs are atomic read-modify-writes with the order their aq/rl bits ask for; SC is a
 *   compare-and-swap against the value its LR read.
 * - Values are little-endian in memory: on a big-endian host, loads and stores swap, and the
 *   arithmetic RMWs become CAS loops on the swapped value.
 * GCC and Clang builtins work on plain objects; other C11 compilers get <stdatomic.h> casts. */
#ifndef VHART_UTIL_GUEST_ATOMIC_H
#define VHART_UTIL_GUEST_ATOMIC_H

#include <stdbool.h>
#include <stdint.h>

#include "endian.h"

/* GA_TSAN: built with ThreadSanitizer (gcc defines __SANITIZE_THREAD__, clang has the feature). */
#if defined(__SANITIZE_THREAD__)
#define GA_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GA_TSAN 1
#endif
#endif
#ifndef GA_TSAN
#define GA_TSAN 0
#endif

#if defined(__GNUC__) || defined(__clang__)
#define GA_RELAXED __ATOMIC_RELAXED
#define GA_ACQUIRE __ATOMIC_ACQUIRE
#define GA_RELEASE __ATOMIC_RELEASE
#define GA_ACQ_REL __ATOMIC_ACQ_REL
#define GA_SEQ_CST __ATOMIC_SEQ_CST
#define GA_LOAD(p, o) __atomic_load_n((p), (o))
#define GA_STORE(p, v, o) __atomic_store_n((p), (v), (o))
#define GA_XCHG(p, v, o) __atomic_exchange_n((p), (v), (o))
#define GA_CAS(p, exp, v, o) __atomic_compare_exchange_n((p), (exp), (v), false, (o), GA_RELAXED_FOR(o))
#define GA_FETCH_ADD(p, v, o) __atomic_fetch_add((p), (v), (o))
#define GA_FETCH_AND(p, v, o) __atomic_fetch_and((p), (v), (o))
#define GA_FETCH_OR(p, v, o) __atomic_fetch_or((p), (v), (o))
#define GA_FETCH_XOR(p, v, o) __atomic_fetch_xor((p), (v), (o))
#define GA_FENCE(o) __atomic_thread_fence(o)
/* A failed CAS is a load: it may not be release. */
#define GA_RELAXED_FOR(o) ((o) == GA_RELEASE ? GA_RELAXED : (o) == GA_ACQ_REL ? GA_ACQUIRE : (o))
#else
#include <stdatomic.h>
#define GA_RELAXED memory_order_relaxed
#define GA_ACQUIRE memory_order_acquire
#define GA_RELEASE memory_order_release
#define GA_ACQ_REL memory_order_acq_rel
#define GA_SEQ_CST memory_order_seq_cst
#define GA_ATOMIC_PTR(p) ((_Atomic __typeof__(*(p)) *)(p))
#define GA_LOAD(p, o) atomic_load_explicit(GA_ATOMIC_PTR(p), (o))
#define GA_STORE(p, v, o) atomic_store_explicit(GA_ATOMIC_PTR(p), (v), (o))
#define GA_XCHG(p, v, o) atomic_exchange_explicit(GA_ATOMIC_PTR(p), (v), (o))
#define GA_CAS(p, exp, v, o) atomic_compare_exchange_strong_explicit(GA_ATOMIC_PTR(p), (exp), (v), (o), GA_RELAXED_FOR(o))
#define GA_FETCH_ADD(p, v, o) atomic_fetch_add_explicit(GA_ATOMIC_PTR(p), (v), (o))
#define GA_FETCH_AND(p, v, o) atomic_fetch_and_explicit(GA_ATOMIC_PTR(p), (v), (o))
#define GA_FETCH_OR(p, v, o) atomic_fetch_or_explicit(GA_ATOMIC_PTR(p), (v), (o))
#define GA_FETCH_XOR(p, v, o) atomic_fetch_xor_explicit(GA_ATOMIC_PTR(p), (v), (o))
#define GA_FENCE(o) atomic_thread_fence(o)
#define GA_RELAXED_FOR(o) ((o) == GA_RELEASE ? GA_RELAXED : (o) == GA_ACQ_REL ? GA_ACQUIRE : (o))
#endif

/* Aligned guest RAM accesses (TLB hits): relaxed atomics, little-endian. */
static inline uint8_t ga_load8(const void *p) { return GA_LOAD((const uint8_t *)p, GA_RELAXED); }
static inline uint16_t ga_load16(const void *p) { return (uint16_t)VHART_LE16(GA_LOAD((const uint16_t *)p, GA_RELAXED)); }
static inline uint32_t ga_load32(const void *p) { return (uint32_t)VHART_LE32(GA_LOAD((const uint32_t *)p, GA_RELAXED)); }
static inline uint64_t ga_load64(const void *p) { return (uint64_t)VHART_LE64(GA_LOAD((const uint64_t *)p, GA_RELAXED)); }
static inline void ga_store8(void *p, uint8_t v) { GA_STORE((uint8_t *)p, v, GA_RELAXED); }
static inline void ga_store16(void *p, uint16_t v) { GA_STORE((uint16_t *)p, (uint16_t)VHART_LE16(v), GA_RELAXED); }
static inline void ga_store32(void *p, uint32_t v) { GA_STORE((uint32_t *)p, (uint32_t)VHART_LE32(v), GA_RELAXED); }
static inline void ga_store64(void *p, uint64_t v) { GA_STORE((uint64_t *)p, (uint64_t)VHART_LE64(v), GA_RELAXED); }

/* Instruction parcels (the decoder's fetch): another hart may be storing into the code it decodes
 * (cross-modifying code, made visible by its fence.i), so they are read as relaxed atomics too; a
 * 32-bit instruction is only 2-byte aligned, so it is two 16-bit parcels (unpriv spec 1.5). */
static inline uint32_t ga_fetch16(const void *p) { return ga_load16(p); }
static inline uint32_t ga_fetch32(const void *p)
{
    return ga_load16(p) | ((uint32_t)ga_load16((const uint8_t *)p + 2) << 16);
}

/* Any size of 1, 2, 4 or 8 at an address aligned to it (slow paths). */
static inline uint64_t ga_load(const void *p, unsigned size)
{
    switch (size) {
    case 1: return ga_load8(p);
    case 2: return ga_load16(p);
    case 4: return ga_load32(p);
    default: return ga_load64(p);
    }
}
static inline void ga_store(void *p, uint64_t v, unsigned size)
{
    switch (size) {
    case 1: ga_store8(p, (uint8_t)v); break;
    case 2: ga_store16(p, (uint16_t)v); break;
    case 4: ga_store32(p, (uint32_t)v); break;
    default: ga_store64(p, v); break;
    }
}

/* The C11 order of an AMO's aq/rl bits (unpriv spec 8.1/8.4; A.5 maps aq -> acquire, rl -> release,
 * both -> sequentially consistent). `aqrl` is bits 26:25 of the instruction (aq = 2, rl = 1). */
#define GA_ORDER_OF(aqrl) ((aqrl) == 3 ? GA_SEQ_CST : (aqrl) == 2 ? GA_ACQUIRE : (aqrl) == 1 ? GA_RELEASE : GA_RELAXED)

enum ga_amo { GA_AMO_SWAP, GA_AMO_ADD, GA_AMO_XOR, GA_AMO_AND, GA_AMO_OR, GA_AMO_MIN, GA_AMO_MAX, GA_AMO_MINU, GA_AMO_MAXU };

/* The new memory value of an AMO from the old one (both as the guest sees them, 32-bit ones in the
 * low half). */
static inline uint64_t ga_amo_apply(enum ga_amo op, unsigned size, uint64_t o, uint64_t s)
{
    if (size == 4) {
        int32_t so = (int32_t)(uint32_t)o, ss = (int32_t)(uint32_t)s;
        uint32_t uo = (uint32_t)o, us = (uint32_t)s;
        switch (op) {
        case GA_AMO_MIN: return ss < so ? us : uo;
        case GA_AMO_MAX: return so < ss ? us : uo;
        case GA_AMO_MINU: return us < uo ? us : uo;
        case GA_AMO_MAXU: return uo < us ? us : uo;
        default: break;
        }
    } else {
        switch (op) {
        case GA_AMO_MIN: return (int64_t)s < (int64_t)o ? s : o;
        case GA_AMO_MAX: return (int64_t)o < (int64_t)s ? s : o;
        case GA_AMO_MINU: return s < o ? s : o;
        case GA_AMO_MAXU: return o < s ? s : o;
        default: break;
        }
    }
    switch (op) {
    case GA_AMO_SWAP: return s;
    case GA_AMO_ADD: return o + s;
    case GA_AMO_XOR: return o ^ s;
    case GA_AMO_AND: return o & s;
    default: return o | s;
    }
}

/* Generic CAS loop: works for every op, and on any host byte order. */
#define GA_AMO_CAS_LOOP(T, LE, p, op, size, src, order)                                  \
    do {                                                                                 \
        T raw_ = GA_LOAD((T *)(p), GA_RELAXED), new_;                                    \
        do {                                                                             \
            new_ = (T)LE((T)ga_amo_apply((op), (size), (T)LE(raw_), (src)));             \
        } while (!GA_CAS((T *)(p), &raw_, new_, (order)));                               \
        return (T)LE(raw_);                                                              \
    } while (0)

static inline uint32_t ga_amo32_cas(void *p, enum ga_amo op, uint32_t src, int order)
{
    GA_AMO_CAS_LOOP(uint32_t, VHART_LE32, p, op, 4, src, order);
}
static inline uint64_t ga_amo64_cas(void *p, enum ga_amo op, uint64_t src, int order)
{
    GA_AMO_CAS_LOOP(uint64_t, VHART_LE64, p, op, 8, src, order);
}

/* One AMO on aligned guest RAM at p: returns the old value (raw, not sign-extended). */
static inline uint64_t ga_amo(void *p, unsigned size, enum ga_amo op, uint64_t src, unsigned aqrl)
{
    int o = GA_ORDER_OF(aqrl);
#if !VHART_HOST_BIG_ENDIAN
    /* Host RMWs where one exists; the order argument is a run-time value, which the builtins take. */
    if (size == 4) {
        uint32_t *q = p, s = (uint32_t)src;
        switch (op) {
        case GA_AMO_SWAP: return GA_XCHG(q, s, o);
        case GA_AMO_ADD: return GA_FETCH_ADD(q, s, o);
        case GA_AMO_XOR: return GA_FETCH_XOR(q, s, o);
        case GA_AMO_AND: return GA_FETCH_AND(q, s, o);
        case GA_AMO_OR: return GA_FETCH_OR(q, s, o);
        default: return ga_amo32_cas(p, op, s, o);
        }
    }
    uint64_t *q = p;
    switch (op) {
    case GA_AMO_SWAP: return GA_XCHG(q, src, o);
    case GA_AMO_ADD: return GA_FETCH_ADD(q, src, o);
    case GA_AMO_XOR: return GA_FETCH_XOR(q, src, o);
    case GA_AMO_AND: return GA_FETCH_AND(q, src, o);
    case GA_AMO_OR: return GA_FETCH_OR(q, src, o);
    default: return ga_amo64_cas(p, op, src, o);
    }
#else
    return size == 4 ? ga_amo32_cas(p, op, (uint32_t)src, o) : ga_amo64_cas(p, op, src, o);
#endif
}

/* SC as a compare-and-swap against the value LR read: stores `src` and returns true if memory still
 * holds `expect` (the low `size` bytes). */
static inline bool ga_sc(void *p, unsigned size, uint64_t expect, uint64_t src, unsigned aqrl)
{
    int o = GA_ORDER_OF(aqrl);
    if (size == 4) {
        uint32_t e = (uint32_t)VHART_LE32((uint32_t)expect);
        return GA_CAS((uint32_t *)p, &e, (uint32_t)VHART_LE32((uint32_t)src), o);
    }
    uint64_t e = (uint64_t)VHART_LE64(expect);
    return GA_CAS((uint64_t *)p, &e, (uint64_t)VHART_LE64(src), o);
}

/* FENCE pred, succ (unpriv spec 2.7; A.5): ordering stores before later loads needs a full fence
 * (the only one x86 needs); anything else is an acquire-release fence. I and O are covered by the
 * device lock every MMIO access takes. */
static inline void ga_fence(unsigned pred, unsigned succ)
{
    if ((pred & 1) && (succ & 2)) GA_FENCE(GA_SEQ_CST);
    else if ((pred | succ) & 3) GA_FENCE(GA_ACQ_REL);
}

#endif
