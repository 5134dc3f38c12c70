/* PLIC after the RISC-V Platform-Level Interrupt Controller Specification 1.0.0: gateways (ch. 1.4),
 * notifications (1.5), priorities (4), pending bits (5), enables (6), thresholds (7), claim (8) and
 * completion (9); memory map of ch. 3, as SiFive's PLIC and QEMU virt ("sifive,plic-1.0.0").
 *
 * The gateway counts requests, as QEMU virt's PLIC does (docs/compatibility.md, "PLIC gateway"):
 * - A device asserts its line to make a request: a rising edge, or a re-assertion of a line that is already
 *   high (plic_set_irq(src, 1) again), which devices do when a new interrupt event occurs while their line is
 *   high. A request sets the source's IP bit, or, while the source is claimed, is held until completion.
 * - At completion the source becomes pending again only if a request arrived while it was claimed and the
 *   line is still high. A line that merely stays high, with no new event, is not forwarded again: the
 *   specification's level-triggered gateway would forward it after every completion, which turns a driver
 *   that leaves a condition standing (xv6's UART driver and the THR-empty interrupt) into an interrupt storm
 *   on vhart but not on QEMU, whose PLIC sets IP only when a device signals. Drivers that clear the
 *   condition in their handler (Linux, U-Boot) see no difference.
 * - A request stays pending if the line drops before the claim (1.4: "the gateway does not have the
 *   facility to retract a request"; QEMU retracts it, which only saves a spurious claim).
 * - A claim returns the highest-priority pending enabled source whatever the context's threshold (8: "the
 *   claim operation is not affected by the setting of the priority threshold register"); a priority of 0
 *   means "never interrupt", so such sources are never claimed. The threshold only gates EIP.
 * Registers are 32 bits wide: 4-byte accesses; an aligned 8-byte access acts as two 4-byte accesses, lower
 * address first (so an 8-byte read of a context's threshold+claim pair claims). 1- and 2-byte accesses
 * fault. Reserved or absent registers read as zero and ignore writes. */
#include "plic.h"

#include "../util/statebuf.h"

#include <stdio.h>
#include <string.h>

static int bit(const uint32_t *words, unsigned i) { return (words[i / 32] >> (i % 32)) & 1; }
static void set_bit(uint32_t *words, unsigned i) { words[i / 32] |= 1u << (i % 32); }
static void clear_bit(uint32_t *words, unsigned i) { words[i / 32] &= ~(1u << (i % 32)); }

/* The bits of word w that name existing sources (ID 0 and IDs >= nsources read as zero). */
static uint32_t valid_mask(const struct plic *p, unsigned w)
{
    uint32_t m = ~0u;
    if (w == 0) m &= ~1u;
    if (w * 32 + 32 > p->nsources) {
        unsigned n = p->nsources > w * 32 ? p->nsources - w * 32 : 0;
        m &= n ? (n >= 32 ? ~0u : (1u << n) - 1) : 0;
    }
    return m;
}

/* Highest-priority pending source enabled for ctx with priority above floor (ties: lowest ID), or 0. */
static unsigned best_source(const struct plic *p, unsigned ctx, uint32_t floor)
{
    unsigned best = 0;
    uint32_t best_prio = floor;
    for (unsigned w = 0; w < p->nwords; w++) {
        uint32_t cand = p->pending[w] & p->enable[ctx][w];
        while (cand) {
            unsigned b = 0;
            while (!((cand >> b) & 1)) b++;
            cand &= cand - 1;
            unsigned src = w * 32 + b;
            if (p->priority[src] > best_prio) {
                best_prio = p->priority[src];
                best = src;
            }
        }
    }
    return best;
}

static void update(struct plic *p)
{
    for (unsigned c = 0; c < p->ncontexts; c++) {
        uint32_t level = best_source(p, c, p->threshold[c]) != 0;
        if (level == ((p->eip >> c) & 1)) continue;
        p->eip ^= 1u << c;
        if (p->set_context_irq) p->set_context_irq(p->opaque, c, (int)level);
    }
}

int plic_init(struct plic *p, unsigned nsources, unsigned ncontexts,
              void (*set_context_irq)(void *opaque, unsigned context, int level), void *opaque)
{
    if (nsources < 2 || nsources > PLIC_MAX_SOURCES || ncontexts < 1 || ncontexts > PLIC_MAX_CONTEXTS) return -1;
    memset(p, 0, sizeof(*p));
    p->set_context_irq = set_context_irq;
    p->opaque = opaque;
    p->nsources = nsources;
    p->ncontexts = ncontexts;
    p->nwords = (nsources + 31) / 32;
    return 0;
}

void plic_reset(struct plic *p)
{
    memset(p->priority, 0, sizeof(p->priority));
    memset(p->claimed, 0, sizeof(p->claimed));
    memset(p->requested, 0, sizeof(p->requested));
    memset(p->enable, 0, sizeof(p->enable));
    memset(p->threshold, 0, sizeof(p->threshold));
    memcpy(p->pending, p->line, sizeof(p->pending));   /* gateways forward the lines still asserted */
    update(p);
}

void plic_set_irq(struct plic *p, unsigned src, int level)
{
    if (src == 0 || src >= p->nsources) return;
    if (!level) {
        clear_bit(p->line, src);
        return;
    }
    set_bit(p->line, src);   /* a rising edge or a re-assertion: either is a request */
    if (bit(p->claimed, src)) {
        set_bit(p->requested, src);
        return;
    }
    if (bit(p->pending, src)) return;
    set_bit(p->pending, src);
    update(p);
}

static uint32_t claim(struct plic *p, unsigned ctx)
{
    unsigned src = best_source(p, ctx, 0);
    if (!src) return 0;
    clear_bit(p->pending, src);
    set_bit(p->claimed, src);
    update(p);
    return src;
}

static void complete(struct plic *p, unsigned ctx, uint32_t src)
{
    if (src == 0 || src >= p->nsources || !bit(p->enable[ctx], src)) return;   /* silently ignored (ch. 9) */
    clear_bit(p->claimed, src);
    int again = bit(p->requested, src) && bit(p->line, src);
    clear_bit(p->requested, src);
    if (!again) return;
    set_bit(p->pending, src);
    update(p);
}

static uint32_t read32(struct plic *p, uint32_t off)
{
    if (off < PLIC_PENDING) {
        unsigned src = off / 4;
        return src && src < p->nsources ? p->priority[src] : 0;
    }
    if (off < PLIC_ENABLE) {
        unsigned w = (off - PLIC_PENDING) / 4;
        return w < p->nwords ? p->pending[w] : 0;
    }
    if (off < PLIC_CONTEXT) {
        unsigned ctx = (off - PLIC_ENABLE) / PLIC_ENABLE_STRIDE, w = (off - PLIC_ENABLE) % PLIC_ENABLE_STRIDE / 4;
        return ctx < p->ncontexts && w < p->nwords ? p->enable[ctx][w] : 0;
    }
    unsigned ctx = (off - PLIC_CONTEXT) / PLIC_CONTEXT_STRIDE, reg = (off - PLIC_CONTEXT) % PLIC_CONTEXT_STRIDE;
    if (ctx >= p->ncontexts) return 0;
    if (reg == 0) return p->threshold[ctx];
    if (reg == 4) return claim(p, ctx);
    return 0;
}

static void write32(struct plic *p, uint32_t off, uint32_t v)
{
    if (off < PLIC_PENDING) {
        unsigned src = off / 4;
        if (!src || src >= p->nsources) return;
        p->priority[src] = v & PLIC_PRIORITY_MASK;
        update(p);
        return;
    }
    if (off < PLIC_ENABLE) return;   /* pending bits are read-only */
    if (off < PLIC_CONTEXT) {
        unsigned ctx = (off - PLIC_ENABLE) / PLIC_ENABLE_STRIDE, w = (off - PLIC_ENABLE) % PLIC_ENABLE_STRIDE / 4;
        if (ctx >= p->ncontexts || w >= p->nwords) return;
        p->enable[ctx][w] = v & valid_mask(p, w);
        update(p);
        return;
    }
    unsigned ctx = (off - PLIC_CONTEXT) / PLIC_CONTEXT_STRIDE, reg = (off - PLIC_CONTEXT) % PLIC_CONTEXT_STRIDE;
    if (ctx >= p->ncontexts) return;
    if (reg == 0) {
        p->threshold[ctx] = v & PLIC_PRIORITY_MASK;
        update(p);
    } else if (reg == 4) {
        complete(p, ctx, v);
    }
}

static int plic_read(void *opaque, uint64_t off, unsigned size, uint64_t *value)
{
    if ((size != 4 && size != 8) || off >= PLIC_SIZE) return -1;
    uint64_t v = read32(opaque, (uint32_t)off);
    if (size == 8) v |= (uint64_t)read32(opaque, (uint32_t)off + 4) << 32;
    *value = v;
    return 0;
}

static int plic_write(void *opaque, uint64_t off, unsigned size, uint64_t value)
{
    if ((size != 4 && size != 8) || off >= PLIC_SIZE) return -1;
    write32(opaque, (uint32_t)off, (uint32_t)value);
    if (size == 8) write32(opaque, (uint32_t)off + 4, (uint32_t)(value >> 32));
    return 0;
}

const struct mmio_ops plic_ops = { plic_read, plic_write };

/* Append the IDs set in words (at most a few, then "..."), or "-". */
static size_t list_ids(char *buf, size_t len, size_t at, const struct plic *p, const uint32_t *words)
{
    unsigned shown = 0;
    for (unsigned src = 1; src < p->nsources; src++) {
        if (!bit(words, src)) continue;
        if (shown == 8) {
            if (at < len) at += (size_t)snprintf(buf + at, len - at, ",...");
            break;
        }
        if (at < len) at += (size_t)snprintf(buf + at, len - at, "%s%u", shown ? "," : "", src);
        shown++;
    }
    if (!shown && at < len) at += (size_t)snprintf(buf + at, len - at, "-");
    return at;
}

void plic_describe(const struct plic *p, char *buf, size_t len)
{
    if (!len) return;
    size_t at = (size_t)snprintf(buf, len, "plic: %u sources, %u contexts; pending ", p->nsources - 1, p->ncontexts);
    at = list_ids(buf, len, at, p, p->pending);
    if (at < len) at += (size_t)snprintf(buf + at, len - at, "; claimed ");
    at = list_ids(buf, len, at, p, p->claimed);
    if (at < len) at += (size_t)snprintf(buf + at, len - at, "; lines high ");
    at = list_ids(buf, len, at, p, p->line);
    if (at < len) at += (size_t)snprintf(buf + at, len - at, "; eip");
    for (unsigned c = 0; c < p->ncontexts && at < len; c++)
        if ((p->eip >> c) & 1) at += (size_t)snprintf(buf + at, len - at, " ctx%u", c);
    if (!p->eip && at < len) snprintf(buf + at, len - at, " none");
}

void plic_save(const struct plic *p, struct state_writer *w)
{
    state_put_u32(w, p->nsources);
    state_put_u32(w, p->ncontexts);
    state_put_u32s(w, p->priority, p->nsources);
    state_put_u32s(w, p->line, p->nwords);
    state_put_u32s(w, p->pending, p->nwords);
    state_put_u32s(w, p->claimed, p->nwords);
    state_put_u32s(w, p->requested, p->nwords);
    for (unsigned c = 0; c < p->ncontexts; c++) state_put_u32s(w, p->enable[c], p->nwords);
    state_put_u32s(w, p->threshold, p->ncontexts);
    state_put_u32(w, p->eip);
}

void plic_load(struct plic *p, struct state_reader *r)
{
    uint32_t ns = state_get_u32(r), nc = state_get_u32(r);
    if (!r->failed && (ns != p->nsources || nc != p->ncontexts)) {
        state_reader_fail(r, "PLIC of %u sources and %u contexts, the snapshot's has %u and %u", p->nsources,
                          p->ncontexts, ns, nc);
        return;
    }
    state_get_u32s(r, p->priority, p->nsources);
    for (unsigned s = 0; s < p->nsources; s++) p->priority[s] &= PLIC_PRIORITY_MASK;
    uint32_t *words[] = { p->line, p->pending, p->claimed, p->requested };
    for (unsigned k = 0; k < 4; k++) {
        state_get_u32s(r, words[k], p->nwords);
        for (unsigned w = 0; w < p->nwords; w++) words[k][w] &= valid_mask(p, w);
    }
    for (unsigned c = 0; c < p->ncontexts; c++) {
        state_get_u32s(r, p->enable[c], p->nwords);
        for (unsigned w = 0; w < p->nwords; w++) p->enable[c][w] &= valid_mask(p, w);
    }
    state_get_u32s(r, p->threshold, p->ncontexts);
    for (unsigned c = 0; c < p->ncontexts; c++) p->threshold[c] &= PLIC_PRIORITY_MASK;
    p->eip = state_get_u32(r) & (p->ncontexts >= 32 ? ~0u : (1u << p->ncontexts) - 1);
}
