/* teachos PLIC driver: route the UART's interrupt to hart 0's S-mode (RISC-V PLIC spec 1.0.0). */
#include "board.h"
#include "riscv.h"
#include "teachos.h"

/* The PLIC gathers device interrupt lines ("sources", 1..N) and presents them to "contexts"
 * (a hart in a given mode). A source reaches a context when its priority is above 0 and above
 * the context's threshold, and its enable bit for that context is set. The PLIC then raises
 * the context's external interrupt pin: for an S-mode context, sip.SEIP. */
void plic_init_hart(uint64_t hart)
{
    uint64_t ctx = PLIC_SCONTEXT(hart);
    mmio_write32(PLIC_PRIORITY(UART0_IRQ), 1);             /* 0 would mean "never" */
    mmio_write32(PLIC_ENABLE(ctx), 1u << UART0_IRQ);       /* enable bits 0..31, one word */
    mmio_write32(PLIC_THRESHOLD(ctx), 0);                  /* accept any priority above 0 */
}

/* Claim: read which source interrupted (the highest-priority pending one), 0 if none. The
 * PLIC stops presenting that source until we complete it. */
uint32_t plic_claim(uint64_t hart)
{
    return mmio_read32(PLIC_CLAIM(PLIC_SCONTEXT(hart)));
}

/* Complete: write the source number back, after the device has been serviced. */
void plic_complete(uint64_t hart, uint32_t irq)
{
    mmio_write32(PLIC_CLAIM(PLIC_SCONTEXT(hart)), irq);
}
