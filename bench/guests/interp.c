/* A branchy, interpreter-like workload: a switch-dispatched register bytecode VM (what a guest-side
 * interpreter, shell or regex engine does) running Collatz step counts for 1..LIMIT-1. */
#include "bench.h"

/* Expected results, from the same C built for the host (see bench.h). */
#define STEPS_WANT 1332718
#define OPS_WANT 9389028

#define LIMIT 15000

enum { LI, ADDI, ANDI, SHRI, MUL, BEQ, BNE, BLT, JMP, HALT };
struct op { uint8_t code, a, b, c; int32_t imm; };

static const struct op program[] = {
    { LI, 1, 0, 0, 1 },          /* 0: n = 1 */
    { LI, 2, 0, 0, LIMIT },      /* 1: limit */
    { LI, 3, 0, 0, 0 },          /* 2: total steps */
    { LI, 9, 0, 0, 1 },          /* 3: constant 1 */
    { LI, 10, 0, 0, 3 },         /* 4: constant 3 */
    { ADDI, 4, 1, 0, 0 },        /* 5: x = n */
    { BEQ, 0, 4, 9, 15 },        /* 6: while (x != 1) */
    { ANDI, 5, 4, 0, 1 },        /* 7: */
    { BNE, 0, 5, 0, 11 },        /* 8: if (x & 1) goto 11 */
    { SHRI, 4, 4, 0, 1 },        /* 9: x >>= 1 */
    { JMP, 0, 0, 0, 13 },        /* 10: */
    { MUL, 4, 4, 10, 0 },        /* 11: x *= 3 */
    { ADDI, 4, 4, 0, 1 },        /* 12: x += 1 */
    { ADDI, 3, 3, 0, 1 },        /* 13: total++ */
    { JMP, 0, 0, 0, 6 },         /* 14: */
    { ADDI, 1, 1, 0, 1 },        /* 15: n++ */
    { BLT, 0, 1, 2, 5 },         /* 16: if (n < limit) goto 5 */
    { HALT, 0, 0, 0, 0 },        /* 17: */
};

static uint64_t run(const struct op *prog, uint64_t *ops)
{
    uint64_t r[16], n = 0;
    for (int k = 0; k < 16; k++) r[k] = 0;
    uint32_t pc = 0;
    for (;;) {
        const struct op *o = &prog[pc++];
        n++;
        switch (o->code) {
        case LI: r[o->a] = (uint64_t)(int64_t)o->imm; break;
        case ADDI: r[o->a] = r[o->b] + (uint64_t)(int64_t)o->imm; break;
        case ANDI: r[o->a] = r[o->b] & (uint64_t)(int64_t)o->imm; break;
        case SHRI: r[o->a] = r[o->b] >> o->imm; break;
        case MUL: r[o->a] = r[o->b] * r[o->c]; break;
        case BEQ: if (r[o->b] == r[o->c]) pc = (uint32_t)o->imm; break;
        case BNE: if (r[o->b] != r[o->c]) pc = (uint32_t)o->imm; break;
        case BLT: if (r[o->b] < r[o->c]) pc = (uint32_t)o->imm; break;
        case JMP: pc = (uint32_t)o->imm; break;
        default: *ops = n; return r[3];
        }
    }
}

int main(void)
{
    uint64_t ops = 0, total = run(program, &ops);
    return bench_check("collatz steps", total, BENCH_WANT(STEPS_WANT)) |
           bench_check("vm ops", ops, BENCH_WANT(OPS_WANT));
}
