/* teachos S-mode kernel: paging on, page-fault demo, then ticks and keys through traps (priv ch. 4). */
#include "board.h"
#include "riscv.h"
#include "teachos.h"

#define DEMO_UNMAPPED_VA 0x40000000UL   /* 1 GiB: nothing is mapped there in our page tables */
#define IDLE_TICKS_NOTE  20             /* say something after this many ticks without a key */

static uint64_t ticks, idle_ticks;
static volatile int fault_expected;     /* a page-fault demonstration is under way */

static const char *cause_name(uint64_t scause)
{
    switch (scause) {
    case EXC_INST_PAGE_FAULT: return "instruction page fault";
    case EXC_LOAD_PAGE_FAULT: return "load page fault";
    case EXC_STORE_PAGE_FAULT: return "store/AMO page fault";
    case EXC_ILLEGAL_INST: return "illegal instruction";
    case EXC_LOAD_ACCESS: return "load access fault";
    case EXC_STORE_ACCESS: return "store/AMO access fault";
    default: return "exception";
    }
}

void poweroff(uint32_t how)
{
    /* One 32-bit store to the test finisher ends the machine (QEMU: exit status 0 for 0x5555). */
    mmio_write32(SYSCON, how);
    for (;;)
        wfi();
}

/* One timer tick, however it was delivered. */
static void tick(void)
{
    ticks++;
    idle_ticks++;
    kprintf("tick %lu\n", ticks);
    if (idle_ticks == IDLE_TICKS_NOTE)
        kprintf("teachos: %d ticks without input; still here (type a key, q quits)\n",
                IDLE_TICKS_NOTE);
}

/* One character from the UART. */
static void key(int c)
{
    idle_ticks = 0;
    if (c >= 0x20 && c < 0x7f)
        kprintf("you typed: %c\n", c);
    else
        kprintf("you typed: 0x%x\n", c);
    if (c == 'q') {
        kprintf("teachos: bye\n");
        poweroff(SYSCON_POWEROFF);
    }
}

/* An external interrupt: ask the PLIC which device, serve it, tell the PLIC we are done. */
static void external_interrupt(void)
{
    uint64_t hart = r_tp();
    uint32_t irq = plic_claim(hart);
    if (irq == UART0_IRQ) {
        int c;
        while ((c = uart_getc()) >= 0)  /* reading RBR until empty clears the UART's request */
            key(c);
    } else if (irq != 0) {
        kprintf("teachos: unexpected PLIC source %u\n", irq);
    }
    if (irq != 0)
        plic_complete(hart, irq);
}

/* Every S-mode trap comes here from s_vector (trapvec.S). scause says what happened: top bit
 * set for an interrupt, with the interrupt number below; clear for an exception (priv 4.1.8). */
void s_trap(struct trapframe *tf)
{
    uint64_t scause = csr_read(scause), sepc = csr_read(sepc), stval = csr_read(stval);

    if (scause & CAUSE_INTERRUPT) {
        switch (scause & ~CAUSE_INTERRUPT) {
#ifdef TEACHOS_SSTC
        case IRQ_S_TIMER:
            /* Sstc: writing stimecmp with a later time also clears sip.STIP. */
            csr_write(CSR_STIMECMP, csr_read(time) + TICK_INTERVAL);
            tick();
            return;
#else
        case IRQ_S_SOFT:
            /* m_vector set sip.SSIP to forward a CLINT tick; we must clear it ourselves. */
            csr_clear(sip, MIP_SSIP);
            tick();
            return;
#endif
        case IRQ_S_EXT:
            external_interrupt();
            return;
        }
    } else if (fault_expected && (scause == EXC_LOAD_PAGE_FAULT || scause == EXC_STORE_PAGE_FAULT)) {
        /* A demonstration: report, then resume after the faulting instruction. sepc points at
         * it; its length is in its low two bits (11 = 32-bit, else a 16-bit compressed one). */
        uint16_t first_half = *(uint16_t *)sepc;
        uint64_t length = (first_half & 3) == 3 ? 4 : 2;
        kprintf("teachos: caught %s: scause %lu, stval %p, sepc %p; skipping %lu bytes\n",
                cause_name(scause), scause, (void *)stval, (void *)sepc, length);
        csr_write(sepc, sepc + length);
        fault_expected = 0;
        return;
    }

    kprintf("teachos: PANIC: unexpected trap: scause %lx (%s) sepc %p stval %p ra %p sp %p\n",
            scause, (scause & CAUSE_INTERRUPT) ? "interrupt" : cause_name(scause), (void *)sepc,
            (void *)stval, (void *)tf->x[1], (void *)tf->x[2]);
    poweroff(SYSCON_FAIL | (2 << 16));  /* exit status 2 */
}

/* Touch memory the page tables forbid, and show the fault being caught and survived. */
static void page_fault_demo(void)
{
    kprintf("teachos: page fault demo 1: load from unmapped %p\n", (void *)DEMO_UNMAPPED_VA);
    /* One instruction each, written in assembly so that the compiler can neither split the
     * access into several nor drop it. */
    uint64_t value;
    fault_expected = 1;
    asm volatile("ld %0, 0(%1)" : "=r"(value) : "r"(DEMO_UNMAPPED_VA) : "memory");
    kprintf("teachos: page fault demo 2: store to read-only kernel text at %p\n",
            (void *)_text_start);
    fault_expected = 1;
    asm volatile("sw zero, 0(%0)" :: "r"(_text_start) : "memory");
    kprintf("teachos: page fault demos done, %s\n",
            fault_expected ? "BUT a fault did not happen" : "both faults caught");
}

/* m_start's mret lands here, in S-mode, on hart 0's stack, with tp = hart id. */
void kmain(void)
{
    uint64_t hart = r_tp();

    /* stvec (priv 4.1.2): direct mode, every S-mode trap enters s_vector. Set it before
     * anything can trap. */
    csr_write(stvec, s_vector);

    kvm_init();
    kprintf("teachos: hart %lu in S-mode, Sv39 on\n", hart);

    page_fault_demo();

    /* Device interrupts: PLIC routing first, then the UART may raise its line. */
    plic_init_hart(hart);
    uart_enable_rx_interrupt();
    kprintf("teachos: UART RX interrupt -> PLIC source %d -> context %d (hart %lu, S-mode)\n",
            UART0_IRQ, (int)PLIC_SCONTEXT(hart), hart);

    /* Which S-mode interrupts we take (sie, priv 4.1.3): external, and the tick. */
#ifdef TEACHOS_SSTC
    csr_write(CSR_STIMECMP, csr_read(time) + TICK_INTERVAL);
    csr_write(sie, MIP_SEIP | MIP_STIP);
#else
    csr_write(sie, MIP_SEIP | MIP_SSIP);
#endif

    /* And the global switch: from here on interrupts arrive, each one runs s_trap. */
    kprintf("teachos: interrupts on; type a key (q quits)\n");
    csr_set(sstatus, SSTATUS_SIE);

    /* The idle loop: sleep until an interrupt, handle it (in s_trap), sleep again. */
    for (;;)
        wfi();
}
