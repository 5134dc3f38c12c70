/* The instruction trace (--trace, REPL `trace`): one line per retired instruction in Spike's
 * --log-commits format (core, privilege, pc, bits, register writes, memory accesses), optionally
 * with the disassembly. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <string.h>

#include "../cpu/decode.h"
#include "../debug/disasm.h"
#include "../mem/mmu.h"
#include "../util/endian.h"
#include "machine_internal.h"

int vdbg_trace(struct machine *m, const char *path, bool disasm, char *err, size_t err_len)
{
    if (m->trace) {
        fclose(m->trace);
        m->trace = NULL;
    }
    if (!path) return VDBG_OK;
    m->trace = fopen(path, "w");
    if (!m->trace) {
        snprintf(err, err_len, "trace %s: %s", path, strerror(errno));
        return VDBG_EFAULT;
    }
    m->trace_disasm = disasm;
    return VDBG_OK;
}

/* Instruction bytes at a virtual pc, read as the hart fetches them (its own privilege; no A/D
 * updates, no TLB, no permission checks, so that tracing never changes the machine). */
static int read_code(struct machine *m, struct hart *h, uint64_t va, uint8_t *buf, unsigned len)
{
    uint64_t pa;
    unsigned shift;
    if (mmu_translate(h, va, MMU_FETCH, h->priv, MMU_NO_PERMS | (h->virt ? MMU_VIRT : 0), &pa, &shift, NULL)) return -1;
    struct bus_region *r = bus_find(&m->bus, pa);
    if (!r || !r->is_memory || len > r->size - (pa - r->base)) return -1;
    memcpy(buf, r->host + (pa - r->base), len);
    return 0;
}

/* Memory access size and direction of a decoded instruction, from the handler it runs. */
static unsigned access_of(unsigned exec, bool *write)
{
    *write = false;
    switch (exec) {
    case INSN_ID_lb: case INSN_ID_lbu: return 1;
    case INSN_ID_lh: case INSN_ID_lhu: return 2;
    case INSN_ID_lw: case INSN_ID_lwu: case INSN_ID_flw: case INSN_ID_lr_w: return 4;
    case INSN_ID_ld: case INSN_ID_fld: case INSN_ID_lr_d: return 8;
    case INSN_ID_sb: *write = true; return 1;
    case INSN_ID_sh: *write = true; return 2;
    case INSN_ID_sw: case INSN_ID_fsw: case INSN_ID_sc_w: *write = true; return 4;
    case INSN_ID_sd: case INSN_ID_fsd: case INSN_ID_sc_d: *write = true; return 8;
    default: break;
    }
    if (exec >= INSN_ID_amoswap_w && exec <= INSN_ID_amomaxu_w) { *write = true; return 4; }
    if (exec >= INSN_ID_amoswap_d && exec <= INSN_ID_amomaxu_d) { *write = true; return 8; }
    return 0;
}

void trace_prepare(struct machine *m, struct hart *h)
{
    struct trace_record *t = &h->trace;
    uint8_t bytes[4] = { 0 };
    memset(t, 0, sizeof(*t));
    t->pc = h->pc;
    t->priv = h->priv;
    t->virt = h->virt;
    if (read_code(m, h, h->pc, bytes, 2)) return;
    t->raw = le_load16(bytes);
    t->len = insn_length(t->raw);
    if (t->len == 4) {
        if (read_code(m, h, h->pc + 2, bytes + 2, 2)) return;
        t->raw = le_load32(bytes);
    }
    struct insn in;
    decode_insn(t->raw, h->ext, &in);
    if (in.op > OP_BREAKPOINT) {
        unsigned exec = insn_infos[in.op].exec;
        bool is_amo = (exec >= INSN_ID_lr_w && exec <= INSN_ID_amomaxu_w) ||
                      (exec >= INSN_ID_lr_d && exec <= INSN_ID_amomaxu_d);
        t->mem_size = access_of(exec, &t->mem_write);
        t->mem_addr = h->x[in.rs1] + (is_amo ? 0 : (uint64_t)(int64_t)in.imm);
        if (t->mem_write && !is_amo) {
            /* The stored value is the source register's (also right for device registers). */
            bool fp = exec == INSN_ID_fsw || exec == INSN_ID_fsd;
            uint64_t v = fp ? h->f[in.rs2] : h->x[in.rs2];
            t->mem_value = t->mem_size == 8 ? v : v & ((1ull << (8 * t->mem_size)) - 1);
            t->mem_value_known = true;
        }
    }
    t->valid = true;
}

/* Spike's --log-commits line for the instruction just retired by h:
 *   core   0: 3 0x0000000080000000 (0x00000297) x5  0x0000000080000000
 * The pc, privilege and bits come from trace_prepare, called just before the step. */
void trace_step(struct machine *m, struct hart *h)
{
    const struct trace_record *t = &h->trace;
    FILE *f = m->trace;
    if (!f || !t->valid) return;
    /* A trap replaced the instruction (pc moved to a handler without retiring it): no line. */
    /* A guest's instruction (V=1, H extension) has its privilege marked "1V" (VS) or "0V" (VU). */
    fprintf(f, "core %3llu: %u%s 0x%016llx (0x%0*x)", (unsigned long long)h->mhartid, t->priv, t->virt ? "V" : "",
            (unsigned long long)t->pc, t->len == 2 ? 4 : 8, t->raw);
    struct insn in;
    decode_insn(t->raw, h->ext, &in);
    int kind = insn_dest_kind(&in);
    if (kind == 1) {
        unsigned rd = in.rd;
        fprintf(f, " x%-2u 0x%016llx", rd, (unsigned long long)h->x[rd]);
    } else if (kind == 2) {
        fprintf(f, " f%-2u 0x%016llx", in.rd, (unsigned long long)h->f[in.rd]);
    }
    if (t->mem_size) {
        if (t->mem_write) {
            uint64_t v = t->mem_value;
            uint8_t bytes[8] = { 0 };
            if (!t->mem_value_known && vdbg_mem_read(m, (unsigned)h->mhartid, t->mem_addr, false, bytes, t->mem_size) == 0)
                v = le_load(bytes, t->mem_size);
            fprintf(f, " mem 0x%016llx 0x%0*llx", (unsigned long long)t->mem_addr, (int)(2 * t->mem_size),
                    (unsigned long long)v);
        } else {
            fprintf(f, " mem 0x%016llx", (unsigned long long)t->mem_addr);
        }
    }
    if (m->trace_disasm) {
        char text[128];
        disasm_insn(t->pc, t->raw, h->ext, text, sizeof(text), NULL, NULL);
        for (char *c = text; *c; c++)
            if (*c == '\t') *c = ' ';
        fprintf(f, "  # %s", text);
    }
    fputc('\n', f);
}
