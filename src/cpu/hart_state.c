/* A hart's architectural state as data: save, load and compare (from hart.h's HART_ARCH_STATE list),
 * and the host-side caches rebuilt after a load. */
#include "hart_state.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../mem/mmu.h"
#include "../mem/pmp.h"
#include "pmu.h"

/* Per-type put/get/compare; the list in hart.h names the type of every field. */
static void put_u64(struct state_writer *w, const uint64_t *v) { state_put_u64(w, *v); }
static void put_u32(struct state_writer *w, const uint32_t *v) { state_put_u32(w, *v); }
static void put_u8(struct state_writer *w, const uint8_t *v) { state_put_u8(w, *v); }
static void put_bool(struct state_writer *w, const bool *v) { state_put_bool(w, *v); }
static void put_trig(struct state_writer *w, const struct trigger_state *t)
{
    state_put_u64(w, t->tselect);
    state_put_u64(w, t->tcontrol);
    state_put_u64s(w, t->tdata1, TRIGGER_COUNT);
    state_put_u64s(w, t->tdata2, TRIGGER_COUNT);
}

static void get_u64(struct state_reader *r, uint64_t *v) { *v = state_get_u64(r); }
static void get_u32(struct state_reader *r, uint32_t *v) { *v = state_get_u32(r); }
static void get_u8(struct state_reader *r, uint8_t *v) { *v = state_get_u8(r); }
static void get_bool(struct state_reader *r, bool *v) { *v = state_get_bool(r); }
static void get_trig(struct state_reader *r, struct trigger_state *t)
{
    t->tselect = state_get_u64(r);
    t->tcontrol = state_get_u64(r);
    state_get_u64s(r, t->tdata1, TRIGGER_COUNT);
    state_get_u64s(r, t->tdata2, TRIGGER_COUNT);
}

/* Compare one value; on a difference describe it in buf and return false. */
static bool same_u64(const uint64_t *a, const uint64_t *b, const char *name, int i, char *buf, size_t len)
{
    if (*a == *b) return true;
    if (i == 32 && !strcmp(name, "x")) return true;   /* x[32] is the rd = x0 write sink, not a register */
    if (i < 0) snprintf(buf, len, "%s: 0x%" PRIx64 " vs 0x%" PRIx64, name, *a, *b);
    else snprintf(buf, len, "%s[%d]: 0x%" PRIx64 " vs 0x%" PRIx64, name, i, *a, *b);
    return false;
}
static bool same_u32(const uint32_t *a, const uint32_t *b, const char *name, int i, char *buf, size_t len)
{
    uint64_t x = *a, y = *b;
    return same_u64(&x, &y, name, i, buf, len);
}
static bool same_u8(const uint8_t *a, const uint8_t *b, const char *name, int i, char *buf, size_t len)
{
    uint64_t x = *a, y = *b;
    return same_u64(&x, &y, name, i, buf, len);
}
static bool same_bool(const bool *a, const bool *b, const char *name, int i, char *buf, size_t len)
{
    uint64_t x = *a, y = *b;
    return same_u64(&x, &y, name, i, buf, len);
}
static bool same_trig(const struct trigger_state *a, const struct trigger_state *b, const char *name, int i,
                      char *buf, size_t len)
{
    (void)name, (void)i;
    if (!same_u64(&a->tselect, &b->tselect, "tselect", -1, buf, len)) return false;
    if (!same_u64(&a->tcontrol, &b->tcontrol, "tcontrol", -1, buf, len)) return false;
    for (int t = 0; t < TRIGGER_COUNT; t++) {
        if (!same_u64(&a->tdata1[t], &b->tdata1[t], "tdata1", t, buf, len)) return false;
        if (!same_u64(&a->tdata2[t], &b->tdata2[t], "tdata2", t, buf, len)) return false;
    }
    return true;
}

#define SAVE_SCALAR(type, name) put_##type(w, &a->name);
#define SAVE_ARRAY(type, name, n) \
    for (size_t i = 0; i < (n); i++) put_##type(w, &a->name[i]);
#define LOAD_SCALAR(type, name) get_##type(r, &a->name);
#define LOAD_ARRAY(type, name, n) \
    for (size_t i = 0; i < (n); i++) get_##type(r, &a->name[i]);
#define SAME_SCALAR(type, name) \
    if (!same_##type(&a->name, &b->name, #name, -1, buf, len)) return false;
#define SAME_ARRAY(type, name, n) \
    for (int i = 0; i < (n); i++) \
        if (!same_##type(&a->name[i], &b->name[i], #name, i, buf, len)) return false;

void hart_save(const struct hart *h, struct state_writer *w)
{
    const struct hart_arch *a = &h->arch;
    HART_ARCH_STATE(SAVE_SCALAR, SAVE_ARRAY)
}

bool hart_arch_same(const struct hart_arch *a, const struct hart_arch *b, char *buf, size_t len)
{
    HART_ARCH_STATE(SAME_SCALAR, SAME_ARRAY)
    if (len) buf[0] = 0;
    return true;
}

/* Values no reachable execution holds: refused, so that a corrupt snapshot cannot put the
 * interpreter into a state its fast paths do not expect. */
static const char *implausible(const struct hart *h, uint64_t ext)
{
    if (h->priv != PRV_U && h->priv != PRV_S && h->priv != PRV_M) return "privilege";
    if (((h->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT) == 2) return "mstatus.MPP";
    if (h->ext != ext) return "extensions";
    if (h->misa != hart_misa(ext)) return "misa";
    unsigned mode = (unsigned)(h->satp >> 60);
    if (mode != 0 && mode != 8 && mode != 9 && mode != 10) return "satp mode";
    if (h->frm > 7 || h->fflags > 0x1f) return "fcsr";
    return NULL;
}

int hart_load(struct hart *h, struct state_reader *r, uint64_t ext)
{
    struct hart_arch *a = &h->arch;
    HART_ARCH_STATE(LOAD_SCALAR, LOAD_ARRAY)
    if (r->failed) return -1;
    const char *bad = implausible(h, ext);
    if (bad) {
        state_reader_fail(r, "hart %" PRIu64 ": impossible %s", h->mhartid, bad);
        return -1;
    }
    if (!trigger_state_loaded(h)) {
        state_reader_fail(r, "hart %" PRIu64 ": impossible trigger state", h->mhartid);
        return -1;
    }
    hart_state_loaded(h);
    return 0;
}

void hart_state_loaded(struct hart *h)
{
    /* Run control between the interpreter and the machine starts afresh. */
    h->exc_cause = h->exc_tval = 0;
    h->need_exit = true;
    h->need_refetch = true;
    h->watch_hit = false;
    h->bp_resume_pc = ~0ull;
    h->fetch_uncached = false;
    /* The interrupt lines as the saved mip and seip_ext had them (the devices' own state drives
     * them again from their next update). */
    h->irq_lines = (h->mip & (MIP_MSIP | MIP_MTIP | MIP_MEIP)) | (h->seip_ext ? MIP_SEIP : 0);
    /* Caches derived from the state: PMP rules and the page-walk cache (pmp_rebuild), TLBs. */
    pmp_rebuild(h);
    mmu_flush_all(h);
    hart_update_mmu_mode(h);
    pmu_update(h);
}
