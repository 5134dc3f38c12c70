/* teachos CSR access and bit names, after the RISC-V Privileged Architecture spec (v1.12 / 20211203). */
#ifndef TEACHOS_RISCV_H
#define TEACHOS_RISCV_H

#include <stdint.h>

/* csr_read(sstatus) becomes "csrr %0, sstatus". The extra STR() level lets a macro stand for the
 * CSR, so that CSRs the assembler may not know by name can be written as numbers. */
#define STR_(x) #x
#define STR(x) STR_(x)
#define csr_read(csr) ({ uint64_t v_; asm volatile("csrr %0, " STR(csr) : "=r"(v_)); v_; })
#define csr_write(csr, val) asm volatile("csrw " STR(csr) ", %0" :: "r"((uint64_t)(val)))
#define csr_set(csr, bits) asm volatile("csrs " STR(csr) ", %0" :: "r"((uint64_t)(bits)))
#define csr_clear(csr, bits) asm volatile("csrc " STR(csr) ", %0" :: "r"((uint64_t)(bits)))

/* CSRs newer than some assemblers, by number (priv spec 2.2, table 2.2-2.5). */
#define CSR_MENVCFG     0x30a   /* machine environment configuration (priv 1.12, 3.1.18) */
#define CSR_STIMECMP    0x14d   /* supervisor timer compare (Sstc extension) */

/* mstatus / sstatus (priv 3.1.6, 4.1.1) */
#define MSTATUS_SIE     (1UL << 1)
#define MSTATUS_MIE     (1UL << 3)
#define MSTATUS_SPIE    (1UL << 5)
#define MSTATUS_MPIE    (1UL << 7)
#define MSTATUS_SPP     (1UL << 8)
#define MSTATUS_MPP_MASK (3UL << 11)
#define MSTATUS_MPP_S   (1UL << 11)
#define SSTATUS_SIE     MSTATUS_SIE

/* Interrupt numbers: bit i of mip/mie/mideleg (sip/sie) is interrupt i (priv 3.1.9, table 3.6). */
#define IRQ_S_SOFT      1
#define IRQ_M_SOFT      3
#define IRQ_S_TIMER     5
#define IRQ_M_TIMER     7
#define IRQ_S_EXT       9
#define IRQ_M_EXT       11
#define MIP_SSIP        (1UL << IRQ_S_SOFT)
#define MIP_STIP        (1UL << IRQ_S_TIMER)
#define MIP_MTIP        (1UL << IRQ_M_TIMER)
#define MIP_SEIP        (1UL << IRQ_S_EXT)

/* Exception codes: mcause/scause with the interrupt bit clear (priv 3.1.15, table 3.6). */
#define EXC_INST_MISALIGNED  0
#define EXC_INST_ACCESS      1
#define EXC_ILLEGAL_INST     2
#define EXC_BREAKPOINT       3
#define EXC_LOAD_MISALIGNED  4
#define EXC_LOAD_ACCESS      5
#define EXC_STORE_MISALIGNED 6
#define EXC_STORE_ACCESS     7
#define EXC_ECALL_U          8
#define EXC_ECALL_S          9
#define EXC_ECALL_M          11
#define EXC_INST_PAGE_FAULT  12
#define EXC_LOAD_PAGE_FAULT  13
#define EXC_STORE_PAGE_FAULT 15
#define CAUSE_INTERRUPT      (1UL << 63)        /* top bit of mcause/scause: 1 = interrupt */

/* menvcfg.STCE (Sstc): lets S-mode own its timer through stimecmp. mcounteren.TM lets S-mode
 * read the `time` CSR (priv 3.1.11). */
#define MENVCFG_STCE    (1UL << 63)
#define MCOUNTEREN_CY   (1UL << 0)
#define MCOUNTEREN_TM   (1UL << 1)
#define MCOUNTEREN_IR   (1UL << 2)

/* satp for Sv39: MODE = 8 in bits 63:60, ASID in 59:44, root page table PPN in 43:0 (priv 4.1.11). */
#define SATP_SV39       (8UL << 60)

static inline uint64_t r_tp(void) { uint64_t x; asm volatile("mv %0, tp" : "=r"(x)); return x; }
static inline void w_tp(uint64_t x) { asm volatile("mv tp, %0" :: "r"(x)); }
static inline void wfi(void) { asm volatile("wfi"); }
static inline void sfence_vma(void) { asm volatile("sfence.vma zero, zero" ::: "memory"); }

/* Memory-mapped device registers: always through volatile pointers, at their true width. */
static inline void mmio_write8(uint64_t addr, uint8_t v) { *(volatile uint8_t *)addr = v; }
static inline uint8_t mmio_read8(uint64_t addr) { return *(volatile uint8_t *)addr; }
static inline void mmio_write32(uint64_t addr, uint32_t v) { *(volatile uint32_t *)addr = v; }
static inline uint32_t mmio_read32(uint64_t addr) { return *(volatile uint32_t *)addr; }
static inline void mmio_write64(uint64_t addr, uint64_t v) { *(volatile uint64_t *)addr = v; }
static inline uint64_t mmio_read64(uint64_t addr) { return *(volatile uint64_t *)addr; }

#endif
