/* Cliff guest: a loop that keeps a running value in a word of the page that holds its own code
 * (data next to code, as in hand-written assembly, trampolines and JIT output). Every store lands
 * in a page with decoded instructions; only the slots a store overlaps may be forgotten. The twin
 * (smcstore_twin.c) runs the very same loop on a word in a data page. */
#include "bench.h"

/* Expected results, from the same loop in C built for the host (see bench.h). */
#define SMC_WANT 0x15c63168969031d5ull

#define ROUNDS 6000000u

#ifdef BENCH_HOST
static uint64_t cliff_loop(uint64_t *p, uint64_t n, uint64_t x)
{
    do {
        *p += x;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    } while (--n);
    return *p;
}
static uint64_t code_page_data[8];
#else
/* The loop and, 64 bytes after its last instruction, the word it updates: one 4 KiB page. */
uint64_t cliff_loop(uint64_t *p, uint64_t n, uint64_t x);
extern uint64_t code_page_data[8];
__asm__(".section .text.cliff_loop, \"ax\", @progbits\n"
        ".balign 4096\n"
        ".globl cliff_loop\n"
        "cliff_loop:\n"
        "1:  ld t0, 0(a0)\n"
        "    add t0, t0, a2\n"
        "    sd t0, 0(a0)\n"
        "    slli t1, a2, 13\n"
        "    xor a2, a2, t1\n"
        "    srli t1, a2, 7\n"
        "    xor a2, a2, t1\n"
        "    slli t1, a2, 17\n"
        "    xor a2, a2, t1\n"
        "    addi a1, a1, -1\n"
        "    bnez a1, 1b\n"
        "    ld a0, 0(a0)\n"
        "    ret\n"
        ".balign 64\n"
        ".globl code_page_data\n"
        "code_page_data: .zero 64\n"
        ".text\n");
#endif

#ifdef SMC_TWIN
static uint64_t data_page_data[8];
#define TARGET data_page_data
#else
#define TARGET code_page_data
#endif

int main(void)
{
    uint64_t v = cliff_loop(&TARGET[3], ROUNDS, 88172645463325252ull);
    return bench_check("running sum", v, BENCH_WANT(SMC_WANT));
}
