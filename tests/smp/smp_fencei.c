/* Cross-hart code modification (unprivileged spec 5.1 "Zifencei", privileged spec 3.1.9 and the
 * CLINT's msip): hart 0 rewrites the first instruction of patched_value (addi a0, zero, ROUND), then
 * raises a machine software interrupt on every other hart; each target's handler clears its msip and
 * runs fence.i, and the target must then get exactly ROUND from patched_value. ROUNDS rounds; between
 * them the targets keep calling the old code, so a stale decoded copy would be caught. */
#include "smp.h"

#define ROUNDS 2000u
#define CLINT_MSIP(h) ((volatile uint32_t *)(0x2000000ul + 4 * (h)))
#define MCAUSE_MSI (0x8000000000000003ull)

int patched_value(void);

static volatile uint64_t round_no __attribute__((aligned(SMP_LINE)));
static volatile uint64_t ack[SMP_MAX_HARTS][8] __attribute__((aligned(SMP_LINE)));
static volatile uint64_t seen_ipi[SMP_MAX_HARTS][8] __attribute__((aligned(SMP_LINE)));
static volatile uint64_t old_calls[SMP_MAX_HARTS][8] __attribute__((aligned(SMP_LINE)));

static unsigned my_hart(void)
{
    uint64_t id;
    __asm__ volatile("csrr %0, mhartid" : "=r"(id));
    return (unsigned)id;
}

/* Machine software interrupt: acknowledge, then fence.i so that this hart's fetches see hart 0's store. */
__attribute__((interrupt("machine"), aligned(4))) static void ipi_handler(void)
{
    uint64_t cause;
    __asm__ volatile("csrr %0, mcause" : "=r"(cause));
    if (cause != MCAUSE_MSI) smp_fail(100 + (int)(cause & 63), "unexpected trap in the IPI test");
    unsigned h = my_hart();
    *CLINT_MSIP(h) = 0;
    __asm__ volatile("fence.i" ::: "memory");
    seen_ipi[h][0] = seen_ipi[h][0] + 1;
}

static uint32_t addi_a0(unsigned imm)
{
    return (imm & 0xfff) << 20 | 10u << 7 | 0x13u;   /* addi a0, x0, imm */
}

int smp_test(unsigned hart, unsigned n)
{
    if (hart != 0) {
        __asm__ volatile("csrw mtvec, %0" : : "r"(ipi_handler));
        __asm__ volatile("csrs mie, %0" : : "r"(1ul << 3));       /* MSIE */
        __asm__ volatile("csrs mstatus, %0" : : "r"(1ul << 3));   /* MIE */
    }
    smp_barrier();
    if (hart == 0) {
        volatile uint32_t *insn = (volatile uint32_t *)(uintptr_t)patched_value;
        for (unsigned r = 1; r <= ROUNDS; r++) {
            *insn = addi_a0(r);
            STORE(&round_no, r);
            FENCE(w, o);   /* the new code and round number before the msip writes (device output) */
            for (unsigned h = 1; h < n; h++) *CLINT_MSIP(h) = 1;
            for (unsigned h = 1; h < n; h++)
                while (LOAD(&ack[h][0]) != r) PAUSE();
            FENCE(r, rw);
        }
        __asm__ volatile("fence.i" ::: "memory");
        if (patched_value() != (int)ROUNDS) smp_fail(4, "hart 0 does not see its own last patch after fence.i");
        uint64_t calls = 0;
        for (unsigned h = 1; h < n; h++) calls += old_calls[h][0];
        smp_lock_output();
        smp_puts("fencei: ");
        smp_put_u64(ROUNDS);
        smp_puts(" patches, each seen by ");
        smp_put_u64(n - 1);
        smp_puts(" hart(s) right after its IPI; ");
        smp_put_u64(calls);
        smp_puts(" calls while waiting\n");
        smp_unlock_output();
    } else {
        uint64_t last_ipi = 0, calls = 0;
        for (unsigned r = 1; r <= ROUNDS;) {
            uint64_t ipis = seen_ipi[hart][0];
            if (ipis == last_ipi) {
                (void)patched_value();   /* the current code, decoded and run while we wait */
                PAUSE();
                calls++;
                continue;
            }
            last_ipi = ipis;
            FENCE(r, r);
            uint64_t want = LOAD(&round_no);
            if (want != r) smp_fail(2, "IPI arrived without a new round (or a round was skipped)");
            int got = patched_value();
            if (got != (int)r) {
                smp_lock_output();
                smp_puts("hart ");
                smp_put_u64(hart);
                smp_puts(" round ");
                smp_put_u64(r);
                smp_puts(": patched_value returned ");
                smp_put_u64((uint64_t)(unsigned)got);
                smp_puts("\n");
                smp_unlock_output();
                smp_fail(3, "stale code executed after the IPI and fence.i");
            }
            FENCE(rw, w);
            STORE(&ack[hart][0], r);
            r++;
        }
        old_calls[hart][0] = calls;
        __asm__ volatile("csrc mstatus, %0" : : "r"(1ul << 3));
    }
    return 0;
}
