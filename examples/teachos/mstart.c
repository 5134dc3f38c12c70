/* teachos M-mode start: PMP, trap delegation, the timer, then mret into S-mode (priv spec ch. 3). */
#include "board.h"
#include "riscv.h"
#include "teachos.h"

/* Per-hart data for m_vector (trapvec.S); the field offsets are used there, keep them in step. */
struct m_scratch {
    uint64_t saved[3];          /* 0: t0, t1, t2 of the interrupted code */
    uint64_t mtimecmp;          /* 24: address of this hart's mtimecmp */
    uint64_t interval;          /* 32: mtime units between ticks */
    uint64_t panic_sp;          /* 40: stack for m_trap_panic */
};
static struct m_scratch m_scratch[NCPU];
static uint8_t m_panic_stack[NCPU][1024] __attribute__((aligned(16)));

#ifdef TEACHOS_SSTC
#define TIMER_KIND "Sstc: S-mode programs stimecmp itself (menvcfg.STCE = 1)"
#else
#define TIMER_KIND "CLINT mtimecmp, M-mode handler forwards each tick as SSIP"
#endif

/* Read a 32-bit big-endian word, as the device tree stores them. */
static uint32_t be32(uint64_t addr)
{
    uint32_t v = *(volatile uint32_t *)addr;
    return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

/* Physical memory protection (priv 3.7). With PMP implemented, an S- or U-mode access that
 * matches no PMP entry fails with an access fault, so a kernel that wants S-mode to run must
 * open memory up first. One NAPOT ("naturally aligned power of two") entry covering all
 * addresses: pmpaddr holds address >> 2, and in NAPOT mode the number of trailing 1 bits
 * gives the size, so all ones (the register keeps 54 bits: ~0 >> 10) means "everything". */
static void pmp_allow_all(void)
{
    csr_write(pmpaddr0, ~0UL >> 10);
    csr_write(pmpcfg0, (3 << 3) | 0x7);  /* pmp0cfg: A = NAPOT (3), X | W | R; L = 0 */
}

/* Hand traps to S-mode (priv 3.1.8). A trap whose bit is set in medeleg (exceptions) or
 * mideleg (interrupts) and that happens in S- or U-mode goes straight to stvec, in S-mode,
 * without passing through M-mode. We keep ecall from S-mode (9) in M-mode: that is where an
 * SBI would serve it. Exceptions in M-mode itself are never delegated. */
static void delegate_traps(void)
{
    csr_write(medeleg, (1 << EXC_INST_MISALIGNED) | (1 << EXC_INST_ACCESS) |
                       (1 << EXC_ILLEGAL_INST) | (1 << EXC_BREAKPOINT) |
                       (1 << EXC_LOAD_MISALIGNED) | (1 << EXC_LOAD_ACCESS) |
                       (1 << EXC_STORE_MISALIGNED) | (1 << EXC_STORE_ACCESS) |
                       (1 << EXC_ECALL_U) | (1 << EXC_INST_PAGE_FAULT) |
                       (1 << EXC_LOAD_PAGE_FAULT) | (1 << EXC_STORE_PAGE_FAULT));
    csr_write(mideleg, MIP_SSIP | MIP_STIP | MIP_SEIP);
}

static void timer_init(uint64_t hart)
{
    /* S-mode may read the time (and cycle/instret) counters: mcounteren (priv 3.1.11). */
    csr_write(mcounteren, MCOUNTEREN_CY | MCOUNTEREN_TM | MCOUNTEREN_IR);
#ifdef TEACHOS_SSTC
    /* Sstc: the stimecmp CSR raises sip.STIP by itself when time >= stimecmp, no M-mode code
     * involved. menvcfg.STCE switches it on for S-mode. M-mode's timer stays off. */
    csr_set(CSR_MENVCFG, MENVCFG_STCE);
    mmio_write64(CLINT_MTIMECMP(hart), ~0UL);
#else
    /* The classic scheme: M-mode owns the CLINT timer. m_vector needs this hart's scratch
     * area in mscratch; mtvec points at m_vector; the first tick is one interval from now. */
    struct m_scratch *s = &m_scratch[hart];
    s->mtimecmp = CLINT_MTIMECMP(hart);
    s->interval = TICK_INTERVAL;
    s->panic_sp = (uint64_t)&m_panic_stack[hart + 1];
    csr_write(mscratch, s);
    mmio_write64(CLINT_MTIMECMP(hart), mmio_read64(CLINT_MTIME) + TICK_INTERVAL);
    csr_set(mie, MIP_MTIP);         /* mie.MTIE: same bit position as mip.MTIP */
#endif
}

void m_start(uint64_t hartid, uint64_t dtb)
{
    /* Every M-mode trap, expected or not, goes to m_vector. */
    m_scratch[hartid].panic_sp = (uint64_t)&m_panic_stack[hartid + 1];
    csr_write(mscratch, &m_scratch[hartid]);
    csr_write(mtvec, m_vector);

    if (hartid != 0) {
        /* Only hart 0 runs the kernel. The others greet and sleep in M-mode for good: no
         * interrupt is enabled in mie, and their timer is pushed to the far future. */
        mmio_write64(CLINT_MTIMECMP(hartid), ~0UL);
        kprintf("teachos: hart %lu says hello and parks in M-mode (wfi)\n", hartid);
        for (;;)
            wfi();
    }

    uart_init();
    kprintf("\nteachos: hart 0 booted in M-mode at %p", (void *)m_start);
    if (dtb >= RAM_BASE && (dtb & 3) == 0 && be32(dtb) == 0xd00dfeed)
        kprintf(", device tree at %p (magic ok)\n", (void *)dtb);
    else
        kprintf(", no device tree in a1 (%p)\n", (void *)dtb);
    __atomic_store_n(&boot_go, 1, __ATOMIC_RELEASE);    /* let the other harts in (entry.S) */

    pmp_allow_all();
    kprintf("teachos: PMP entry 0 = NAPOT over all memory, RWX for S/U-mode\n");
    delegate_traps();
    kprintf("teachos: medeleg = %lx, mideleg = %lx\n", csr_read(medeleg), csr_read(mideleg));
    timer_init(hartid);
    kprintf("teachos: timer = " TIMER_KIND ", %d Hz\n", TICK_HZ);

    /* Now "return" to S-mode (priv 3.3.2): mret sets the privilege to mstatus.MPP, sets
     * mstatus.MIE from MPIE, and jumps to mepc. We choose MPP = S and mepc = kmain. MIE = 1
     * only matters while in M-mode; M-mode interrupts such as the timer are always taken
     * while the hart runs in a lower mode, whatever mstatus.MIE says. */
    uint64_t mstatus = csr_read(mstatus);
    mstatus = (mstatus & ~MSTATUS_MPP_MASK) | MSTATUS_MPP_S | MSTATUS_MPIE;
    csr_write(mstatus, mstatus);
    csr_write(mepc, kmain);
    csr_write(satp, 0);             /* paging off until S-mode builds its page tables */
    w_tp(hartid);                   /* S-mode cannot read mhartid: keep the hart id in tp */
    asm volatile("mret");
    __builtin_unreachable();
}

void m_trap_panic(void)
{
    kprintf("teachos: PANIC: unexpected M-mode trap: mcause %lx mepc %lx mtval %lx\n",
            csr_read(mcause), csr_read(mepc), csr_read(mtval));
    mmio_write32(SYSCON, SYSCON_FAIL | (1 << 16));      /* power off with exit status 1 */
    for (;;)
        wfi();
}
