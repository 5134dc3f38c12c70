/* Trigger module CSRs, WARL legalisation and matching of mcontrol/mcontrol6, icount, itrigger, etrigger (RISC-V Debug Specification 1.0, 5.5-5.7). */
#include "trigger.h"

#include "../mem/mmu.h"
#include "hart.h"

/* vhart has no Debug Mode: dmode reads 0 and every action but 0 (breakpoint exception) is
 * unsupported, so action fields read 0. Chains are not supported: chain is hard-wired to 0.
 * select (data value match) and timing=after are not supported either. */

/* Fields shared by mcontrol (type 2) and mcontrol6 (type 6). */
#define MC_LOAD (1ull << 0)
#define MC_STORE (1ull << 1)
#define MC_EXECUTE (1ull << 2)
#define MC_U (1ull << 3)
#define MC_S (1ull << 4)
#define MC_M (1ull << 6)
#define MC_MATCH_SHIFT 7
#define MC_MATCH (15ull << MC_MATCH_SHIFT)
/* mcontrol only */
#define MC2_SIZELO_SHIFT 16
#define MC2_SIZEHI_SHIFT 21
#define MC2_HIT (1ull << 20)
/* mcontrol6 only */
#define MC6_SIZE_SHIFT 16
#define MC6_HIT0 (1ull << 22)
#define MC6_HIT1 (1ull << 25)
/* icount */
#define IC_U (1ull << 6)
#define IC_S (1ull << 7)
#define IC_PENDING (1ull << 8)
#define IC_M (1ull << 9)
#define IC_COUNT_SHIFT 10
#define IC_COUNT_MAX 0x3fffull
#define IC_HIT (1ull << 24)
/* itrigger / etrigger */
#define XT_U (1ull << 6)
#define XT_S (1ull << 7)
#define XT_M (1ull << 9)
#define XT_HIT (1ull << 58)

/* Match kinds (mcontrol6.match): which are supported. mcontrol has maskmax = 0, so no NAPOT. */
enum { MATCH_EQ = 0, MATCH_NAPOT = 1, MATCH_GE = 2, MATCH_LT = 3, MATCH_MASK_LO = 4, MATCH_MASK_HI = 5 };
#define MATCHES_MCONTROL6 0x333fu   /* 0-5 and their negations 8, 9, 12, 13 */
#define MATCHES_MCONTROL 0x313du    /* the same without 1 and 9 */
/* Access sizes (size field values): any, 8, 16, 32 and 64 bits. */
#define SIZES_SUPPORTED 0x2fu
/* tinfo: version 1 (Sdtrig 1.0) and the types above. */
#define TINFO_VALUE ((1ull << 24) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5) | (1u << 6) | (1u << 15))
/* Interrupt numbers and exception causes that itrigger/etrigger can select. */
#define ITRIGGER_CAUSES 0xaaaull
#define ETRIGGER_CAUSES 0xb3ffull

static unsigned type_of(uint64_t tdata1) { return (unsigned)(tdata1 >> TRIGGER_TYPE_SHIFT); }
static uint64_t type_bits(unsigned type) { return (uint64_t)type << TRIGGER_TYPE_SHIFT; }

void trigger_reset(struct hart *h)
{
    struct trigger_state *t = &h->trig;
    for (unsigned i = 0; i < TRIGGER_COUNT; i++) {
        t->tdata1[i] = type_bits(TRIGGER_TYPE_MCONTROL);
        t->tdata2[i] = 0;
    }
    t->tselect = 0;
    t->tcontrol = 0;
    t->armed = 0;
    t->firing = false;
}

/* The privilege-mode enable bits a hart without S (and so without U) must read as zero. */
static uint64_t su_bits(const struct hart *h, uint64_t s, uint64_t u) { return (h->ext & EXT_S) ? s | u : 0; }

static uint64_t legal_tdata1(const struct hart *h, uint64_t v)
{
    unsigned type = type_of(v);
    uint64_t out;
    switch (type) {
    case TRIGGER_TYPE_MCONTROL: {
        unsigned match = (unsigned)((v & MC_MATCH) >> MC_MATCH_SHIFT);
        unsigned size = (unsigned)((v >> MC2_SIZELO_SHIFT) & 3) | (unsigned)(((v >> MC2_SIZEHI_SHIFT) & 3) << 2);
        out = v & (MC2_HIT | MC_M | su_bits(h, MC_S, MC_U) | MC_EXECUTE | MC_STORE | MC_LOAD);
        if ((MATCHES_MCONTROL >> match) & 1) out |= (uint64_t)match << MC_MATCH_SHIFT;
        if ((SIZES_SUPPORTED >> size) & 1)
            out |= ((uint64_t)(size & 3) << MC2_SIZELO_SHIFT) | ((uint64_t)(size >> 2) << MC2_SIZEHI_SHIFT);
        break;
    }
    case TRIGGER_TYPE_MCONTROL6: {
        unsigned match = (unsigned)((v & MC_MATCH) >> MC_MATCH_SHIFT);
        unsigned size = (unsigned)((v >> MC6_SIZE_SHIFT) & 7);
        out = v & (MC6_HIT1 | MC6_HIT0 | MC_M | su_bits(h, MC_S, MC_U) | MC_EXECUTE | MC_STORE | MC_LOAD);
        if ((MATCHES_MCONTROL6 >> match) & 1) out |= (uint64_t)match << MC_MATCH_SHIFT;
        if ((SIZES_SUPPORTED >> size) & 1) out |= (uint64_t)size << MC6_SIZE_SHIFT;
        break;
    }
    case TRIGGER_TYPE_ICOUNT:
        out = v & (IC_HIT | (IC_COUNT_MAX << IC_COUNT_SHIFT) | IC_M | IC_PENDING | su_bits(h, IC_S, IC_U));
        break;
    case TRIGGER_TYPE_ITRIGGER:
    case TRIGGER_TYPE_ETRIGGER:
        out = v & (XT_HIT | XT_M | su_bits(h, XT_S, XT_U));   /* nmi: vhart has no NMIs */
        break;
    default:
        /* 0 (which must disable), 15, and every unsupported type: disabled. */
        return type_bits(TRIGGER_TYPE_DISABLED);
    }
    return out | type_bits(type);
}

/* tdata2 of itrigger/etrigger holds only the causes that exist. */
static uint64_t legal_tdata2(uint64_t tdata1, uint64_t v)
{
    switch (type_of(tdata1)) {
    case TRIGGER_TYPE_ITRIGGER: return v & ITRIGGER_CAUSES;
    case TRIGGER_TYPE_ETRIGGER: return v & ETRIGGER_CAUSES;
    case TRIGGER_TYPE_MCONTROL6:
        /* NAPOT ranges up to 2^63 bytes (maskmax6 = 63): all ones in bits 62:0 clears bit 62 (5.7.11). */
        if (((tdata1 & MC_MATCH) >> MC_MATCH_SHIFT) == MATCH_NAPOT && (v & (~0ull >> 1)) == (~0ull >> 1))
            v &= ~(1ull << 62);
        return v;
    default: return v;
    }
}

static unsigned armed_kinds(const struct trigger_state *t)
{
    unsigned armed = 0;
    for (unsigned i = 0; i < TRIGGER_COUNT; i++) {
        uint64_t d = t->tdata1[i];
        switch (type_of(d)) {
        case TRIGGER_TYPE_MCONTROL:
        case TRIGGER_TYPE_MCONTROL6:
            if (!(d & (MC_M | MC_S | MC_U))) break;
            if (d & MC_EXECUTE) armed |= TRIGGER_ARMED_STEP;
            if (d & (MC_LOAD | MC_STORE)) armed |= TRIGGER_ARMED_DATA;
            break;
        case TRIGGER_TYPE_ICOUNT:
            if ((d & (IC_M | IC_S | IC_U)) && (d & ((IC_COUNT_MAX << IC_COUNT_SHIFT) | IC_PENDING)))
                armed |= TRIGGER_ARMED_STEP;
            break;
        case TRIGGER_TYPE_ITRIGGER:
        case TRIGGER_TYPE_ETRIGGER:
            if ((d & (XT_M | XT_S | XT_U)) && t->tdata2[i]) armed |= TRIGGER_ARMED_TRAP;
            break;
        default:
            break;
        }
    }
    return armed;
}

static void rearm(struct hart *h);

bool trigger_state_loaded(struct hart *h)
{
    struct trigger_state *t = &h->trig;
    if (t->tselect >= TRIGGER_COUNT || (t->tcontrol & ~(TCONTROL_MTE | TCONTROL_MPTE))) return false;
    for (unsigned i = 0; i < TRIGGER_COUNT; i++)
        if (legal_tdata1(h, t->tdata1[i]) != t->tdata1[i] || legal_tdata2(t->tdata1[i], t->tdata2[i]) != t->tdata2[i])
            return false;
    t->firing = false;
    rearm(h);
    return true;
}

static void rearm(struct hart *h)
{
    unsigned armed = armed_kinds(&h->trig);
    /* Data TLB entries bypass the checks in mmu.c's slow paths: drop them while data triggers
     * are armed (mmu.c then creates none). */
    if (armed & TRIGGER_ARMED_DATA) mmu_flush_all(h);
    h->trig.armed = armed;
    h->need_exit = true;   /* the interpreter re-enters in the right mode */
}

uint64_t trigger_csr_read(const struct hart *h, unsigned csr)
{
    const struct trigger_state *t = &h->trig;
    switch (csr) {
    case CSR_TSELECT: return t->tselect;
    case CSR_TDATA1: return t->tdata1[t->tselect];
    case CSR_TDATA2: return t->tdata2[t->tselect];
    case CSR_TINFO: return TINFO_VALUE;
    case CSR_TCONTROL: return t->tcontrol;
    default: return 0;   /* tdata3: no textra conditions (mhvalue, svalue) are supported */
    }
}

void trigger_csr_write(struct hart *h, unsigned csr, uint64_t v)
{
    struct trigger_state *t = &h->trig;
    switch (csr) {
    case CSR_TSELECT:
        if (v < TRIGGER_COUNT) t->tselect = v;   /* WARL: an index past the last trigger is not kept */
        break;
    case CSR_TDATA1:
        t->tdata1[t->tselect] = legal_tdata1(h, v);
        t->tdata2[t->tselect] = legal_tdata2(t->tdata1[t->tselect], t->tdata2[t->tselect]);
        rearm(h);
        break;
    case CSR_TDATA2:
        t->tdata2[t->tselect] = legal_tdata2(t->tdata1[t->tselect], v);
        rearm(h);
        break;
    case CSR_TCONTROL:
        t->tcontrol = v & (TCONTROL_MTE | TCONTROL_MPTE);
        break;
    default:
        break;   /* tdata3 and tinfo: writes are ignored */
    }
}

/* Whether a trigger with mode bits m/s/u is enabled in `priv`; in M-mode only while tcontrol.mte
 * is set (all vhart triggers have action 0). */
static bool enabled_in(unsigned priv, uint64_t tcontrol, bool m, bool s, bool u)
{
    switch (priv) {
    case PRV_M: return m && (tcontrol & TCONTROL_MTE);
    case PRV_S: return s;
    default: return u;
    }
}

/* One compare value against tdata2 for the positive match kinds. */
static bool match_one(unsigned kind, uint64_t t2, uint64_t c)
{
    switch (kind) {
    case MATCH_EQ: return c == t2;
    case MATCH_NAPOT: {
        uint64_t mask = t2 ^ (t2 + 1);   /* trailing ones and the lowest zero: the ignored bits */
        return (c & ~mask) == (t2 & ~mask);
    }
    case MATCH_GE: return c >= t2;
    case MATCH_LT: return c < t2;
    case MATCH_MASK_LO: return ((uint32_t)c & (uint32_t)(t2 >> 32)) == (uint32_t)t2;
    case MATCH_MASK_HI: return ((uint32_t)(c >> 32) & (uint32_t)(t2 >> 32)) == (uint32_t)t2;
    default: return false;
    }
}

/* The compare values are the addresses of every byte accessed, [lo, lo + n) (5.7.11 select=0
 * recommends this); an execute match compares the instruction's address alone. Kinds 8-13 match
 * when the kind 8 below would not. */
static bool match_range(uint64_t tdata1, uint64_t t2, uint64_t lo, unsigned n)
{
    unsigned match = (unsigned)((tdata1 & MC_MATCH) >> MC_MATCH_SHIFT);
    bool any = false;
    for (unsigned i = 0; i < n && !any; i++) any = match_one(match & 7, t2, lo + i);
    return (match & 8) ? !any : any;
}

/* The access size, in bytes, a type 2/6 trigger's size field limits it to (0: any). */
static unsigned size_bytes(uint64_t tdata1)
{
    unsigned size = type_of(tdata1) == TRIGGER_TYPE_MCONTROL6
                        ? (unsigned)((tdata1 >> MC6_SIZE_SHIFT) & 7)
                        : (unsigned)((tdata1 >> MC2_SIZELO_SHIFT) & 3) | (unsigned)(((tdata1 >> MC2_SIZEHI_SHIFT) & 3) << 2);
    static const unsigned bytes[] = { 0, 1, 2, 4, 6, 8 };
    return size < 6 ? bytes[size] : 0;
}

static bool is_mcontrol(uint64_t tdata1)
{
    unsigned type = type_of(tdata1);
    return type == TRIGGER_TYPE_MCONTROL || type == TRIGGER_TYPE_MCONTROL6;
}

static void set_hit(struct trigger_state *t, unsigned i)
{
    switch (type_of(t->tdata1[i])) {
    case TRIGGER_TYPE_MCONTROL: t->tdata1[i] |= MC2_HIT; break;
    case TRIGGER_TYPE_MCONTROL6: t->tdata1[i] = (t->tdata1[i] & ~MC6_HIT1) | MC6_HIT0; break;   /* 1: before */
    case TRIGGER_TYPE_ICOUNT: t->tdata1[i] |= IC_HIT; break;
    default: t->tdata1[i] |= XT_HIT; break;
    }
}

static bool mcontrol_enabled(const struct hart *h, uint64_t d)
{
    return enabled_in(h->priv, h->trig.tcontrol, d & MC_M, d & MC_S, d & MC_U);
}

bool trigger_check_data(struct hart *h, uint64_t va, unsigned size, unsigned kinds)
{
    struct trigger_state *t = &h->trig;
    uint64_t want = ((kinds & TRIGGER_LOAD) ? MC_LOAD : 0) | ((kinds & TRIGGER_STORE) ? MC_STORE : 0);
    for (unsigned i = 0; i < TRIGGER_COUNT; i++) {
        uint64_t d = t->tdata1[i];
        if (!is_mcontrol(d) || !(d & want) || !mcontrol_enabled(h, d)) continue;
        unsigned limit = size_bytes(d);
        if (limit && limit != size) continue;
        if (!match_range(d, t->tdata2[i], va, size)) continue;
        set_hit(t, i);
        h->exc_cause = CAUSE_BREAKPOINT;
        h->exc_tval = va;
        return true;
    }
    return false;
}

/* Take the breakpoint exception of a firing trigger (action 0) at h->pc. */
static void fire(struct hart *h, unsigned i, uint64_t tval)
{
    set_hit(&h->trig, i);
    h->trig.firing = true;
    hart_trap(h, CAUSE_BREAKPOINT, tval);
    h->trig.firing = false;
}

/* The length of the instruction at pc (2 or 4), or 0 if it cannot be fetched (it will fault). */
static unsigned insn_len_at(struct hart *h, uint64_t pc)
{
    uint32_t bits;
    uint64_t cause = h->exc_cause, tval = h->exc_tval;
    int err = mmu_fetch_bytes(h, pc, 2, &bits);
    h->exc_cause = cause;
    h->exc_tval = tval;
    return err ? 0 : (bits & 3) == 3 ? 4 : 2;
}

bool trigger_before_insn(struct hart *h)
{
    struct trigger_state *t = &h->trig;
    /* A pending icount fires before the next instruction in a mode where it is enabled; tval 0. */
    for (unsigned i = 0; i < TRIGGER_COUNT; i++) {
        uint64_t d = t->tdata1[i];
        if (type_of(d) == TRIGGER_TYPE_ICOUNT && (d & IC_PENDING) &&
            enabled_in(h->priv, t->tcontrol, d & IC_M, d & IC_S, d & IC_U)) {
            t->tdata1[i] &= ~IC_PENDING;
            t->armed = armed_kinds(t);   /* a spent icount (count 0) no longer slows the hart */
            fire(h, i, 0);
            return true;
        }
    }
    /* Execute address match: before the instruction runs (5.7.11 suggests "before"), tval = pc. */
    for (unsigned i = 0; i < TRIGGER_COUNT; i++) {
        uint64_t d = t->tdata1[i];
        if (!is_mcontrol(d) || !(d & MC_EXECUTE) || !mcontrol_enabled(h, d)) continue;
        unsigned limit = size_bytes(d);
        if (limit && limit != insn_len_at(h, h->pc)) continue;
        if (!match_range(d, t->tdata2[i], h->pc, 1)) continue;
        fire(h, i, h->pc);
        return true;
    }
    return false;
}

void trigger_count(struct hart *h, unsigned from, uint64_t tcontrol_before, const uint64_t *old_tdata1)
{
    struct trigger_state *t = &h->trig;
    for (unsigned i = 0; i < TRIGGER_COUNT; i++) {
        uint64_t d = t->tdata1[i];
        if (type_of(d) != TRIGGER_TYPE_ICOUNT || d != old_tdata1[i]) continue;
        if (!enabled_in(from, tcontrol_before, d & IC_M, d & IC_S, d & IC_U)) continue;
        uint64_t count = (d >> IC_COUNT_SHIFT) & IC_COUNT_MAX;
        if (count == 0) continue;
        d &= ~(IC_COUNT_MAX << IC_COUNT_SHIFT);
        if (count == 1) d |= IC_PENDING;
        else d |= (count - 1) << IC_COUNT_SHIFT;
        t->tdata1[i] = d;
    }
}

void trigger_after_trap(struct hart *h, uint64_t cause, unsigned from, uint64_t tcontrol_before)
{
    struct trigger_state *t = &h->trig;
    if (t->firing) return;   /* the breakpoint trap of a trigger matches no itrigger/etrigger */
    bool irq = (cause & CAUSE_INTERRUPT) != 0;
    uint64_t code = cause & ~CAUSE_INTERRUPT;
    if (code >= 64) return;
    for (unsigned i = 0; i < TRIGGER_COUNT; i++) {
        uint64_t d = t->tdata1[i];
        if (type_of(d) != (irq ? TRIGGER_TYPE_ITRIGGER : TRIGGER_TYPE_ETRIGGER)) continue;
        if (!((t->tdata2[i] >> code) & 1) || !enabled_in(from, tcontrol_before, d & XT_M, d & XT_S, d & XT_U))
            continue;
        /* Fires after the trap, before the handler's first instruction: epc = the handler. */
        fire(h, i, 0);
        return;
    }
}
