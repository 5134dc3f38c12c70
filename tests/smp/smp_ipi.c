/* IPIs that are not taken (privileged spec 3.1.9: msip is visible in mip.MSIP whatever mie says):
 * hart 0 raises the msip of a target that keeps MSIE clear, then runs a long delay loop and only
 * then writes the flag the target waits for; the target reads its msip through the CLINT (it must
 * read 1), clears it and acknowledges. vhart's threaded loop puts a hart that sent an IPI to sleep
 * until the target serves it (runloop_mt.c ipi_wait): only a bounded sleep lets this test end, as
 * the target serves nothing until hart 0 goes on. ROUNDS rounds per target, one target at a time. */
#include "smp.h"

#define ROUNDS 40u
#define DELAY 20000u   /* loop iterations between the IPI and the flag: many of the sender's slices */
#define CLINT_MSIP(h) ((volatile uint32_t *)(0x2000000ul + 4 * (h)))

static volatile uint64_t flag[SMP_MAX_HARTS][8] __attribute__((aligned(SMP_LINE)));
static volatile uint64_t ack[SMP_MAX_HARTS][8] __attribute__((aligned(SMP_LINE)));
static volatile uint64_t seen[SMP_MAX_HARTS][8] __attribute__((aligned(SMP_LINE)));

int smp_test(unsigned hart, unsigned n)
{
    __asm__ volatile("csrc mie, %0" : : "r"(1ul << 3));   /* MSIE clear: the IPI stays pending */
    smp_barrier();
    if (hart == 0) {
        uint64_t spin = 0;
        for (unsigned t = 1; t < n; t++) {
            for (unsigned r = 1; r <= ROUNDS; r++) {
                *CLINT_MSIP(t) = 1;
                for (volatile unsigned i = 0; i < DELAY; i++) spin++;
                FENCE(rw, w);
                STORE(&flag[t][0], r);
                while (LOAD(&ack[t][0]) != r) PAUSE();
                FENCE(r, rw);
                if (*CLINT_MSIP(t) != 0) smp_fail(2, "msip still set after the target cleared it");
            }
        }
        uint64_t total = 0;
        for (unsigned t = 1; t < n; t++) total += seen[t][0];
        if (total != (uint64_t)(n - 1) * ROUNDS) smp_fail(3, "a target missed a pending msip");
        smp_lock_output();
        smp_puts("ipi: ");
        smp_put_u64(total);
        smp_puts(" IPIs left pending behind a clear MSIE, each read back as 1 by its target and cleared\n");
        smp_unlock_output();
    } else {
        for (unsigned r = 1; r <= ROUNDS; r++) {
            while (LOAD(&flag[hart][0]) != r) PAUSE();
            FENCE(r, rw);
            uint64_t mip;
            __asm__ volatile("csrr %0, mip" : "=r"(mip));
            if (*CLINT_MSIP(hart) == 1 && (mip & (1ul << 3))) seen[hart][0] = seen[hart][0] + 1;
            *CLINT_MSIP(hart) = 0;
            FENCE(rw, w);
            STORE(&ack[hart][0], r);
        }
    }
    return 0;
}
