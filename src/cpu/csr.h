/* Control and status registers: numbers, access rules and WARL behaviour (privileged spec 1.12, ch. 2-3). */
#ifndef VHART_CPU_CSR_H
#define VHART_CPU_CSR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hart;

enum {
    CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003,
    CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02, CSR_HPMCOUNTER3 = 0xc03, CSR_HPMCOUNTER31 = 0xc1f,
    CSR_SSTATUS = 0x100, CSR_SIE = 0x104, CSR_STVEC = 0x105, CSR_SCOUNTEREN = 0x106, CSR_SENVCFG = 0x10a,
    CSR_SSCRATCH = 0x140, CSR_SEPC = 0x141, CSR_SCAUSE = 0x142, CSR_STVAL = 0x143, CSR_SIP = 0x144,
    CSR_STIMECMP = 0x14d, CSR_SATP = 0x180, CSR_SCOUNTOVF = 0xda0,
    CSR_MVENDORID = 0xf11, CSR_MARCHID = 0xf12, CSR_MIMPID = 0xf13, CSR_MHARTID = 0xf14, CSR_MCONFIGPTR = 0xf15,
    CSR_MSTATUS = 0x300, CSR_MISA = 0x301, CSR_MEDELEG = 0x302, CSR_MIDELEG = 0x303, CSR_MIE = 0x304,
    CSR_MTVEC = 0x305, CSR_MCOUNTEREN = 0x306, CSR_MENVCFG = 0x30a, CSR_MCOUNTINHIBIT = 0x320,
    CSR_MHPMEVENT3 = 0x323, CSR_MHPMEVENT31 = 0x33f,
    CSR_MSCRATCH = 0x340, CSR_MEPC = 0x341, CSR_MCAUSE = 0x342, CSR_MTVAL = 0x343, CSR_MIP = 0x344,
    CSR_PMPCFG0 = 0x3a0, CSR_PMPCFG15 = 0x3af, CSR_PMPADDR0 = 0x3b0, CSR_PMPADDR63 = 0x3ef,
    CSR_MCYCLE = 0xb00, CSR_MINSTRET = 0xb02, CSR_MHPMCOUNTER3 = 0xb03, CSR_MHPMCOUNTER31 = 0xb1f,
    /* H extension ("Hypervisor Extension" 1.0): HS-level, VS and M additions. */
    CSR_HSTATUS = 0x600, CSR_HEDELEG = 0x602, CSR_HIDELEG = 0x603, CSR_HIE = 0x604, CSR_HTIMEDELTA = 0x605,
    CSR_HCOUNTEREN = 0x606, CSR_HGEIE = 0x607, CSR_HENVCFG = 0x60a, CSR_HTVAL = 0x643, CSR_HIP = 0x644,
    CSR_HVIP = 0x645, CSR_HTINST = 0x64a, CSR_HGATP = 0x680, CSR_HGEIP = 0xe12,
    CSR_VSSTATUS = 0x200, CSR_VSIE = 0x204, CSR_VSTVEC = 0x205, CSR_VSSCRATCH = 0x240, CSR_VSEPC = 0x241,
    CSR_VSCAUSE = 0x242, CSR_VSTVAL = 0x243, CSR_VSIP = 0x244, CSR_VSTIMECMP = 0x24d, CSR_VSATP = 0x280,
    CSR_MTINST = 0x34a, CSR_MTVAL2 = 0x34b,
};

/* menvcfg/senvcfg fields (privileged spec 3.1.18 and 4.1.4, Zicbom/Zicboz, Sstc). */
#define ENVCFG_FIOM (1ull << 0)
#define ENVCFG_CBIE (3ull << 4)
#define ENVCFG_CBCFE (1ull << 6)
#define ENVCFG_CBZE (1ull << 7)
#define ENVCFG_STCE (1ull << 63)
#define ENVCFG_PBMTE (1ull << 62)   /* Svpbmt: PBMT bits in S-mode leaf PTEs */
#define ENVCFG_ADUE (1ull << 61)    /* Svadu: hardware A/D updates */

/* Check that the current privilege may access `csr` (and write it if `write`), then read or
 * write it. Each returns 0, or CAUSE_ILLEGAL_INSN, or with V=1 CAUSE_VIRTUAL_INSN (an access HS-mode
 * could make). A write applies WARL legalisation. With V=1 the S CSR numbers reach the VS CSRs. */
int csr_read(struct hart *h, unsigned csr, uint64_t *value);
int csr_write(struct hart *h, unsigned csr, uint64_t value);
/* Whether `csr` is implemented on this hart at all (privilege and mode checks aside): an access
 * to one that is not is an illegal instruction, logged as a guest error under --log. */
bool csr_exists(const struct hart *h, unsigned csr);
int csr_check_access(const struct hart *h, unsigned csr, bool write);

/* Whether the cache-block operation governed by envcfg `field` (ENVCFG_CBIE, ENVCFG_CBCFE or
 * ENVCFG_CBZE) may run at the current privilege (menvcfg for S and U, senvcfg too for U). */
bool csr_cbo_enabled(const struct hart *h, uint64_t field);

/* The name of a CSR ("mstatus", "pmpaddr3"), or NULL if it has none. Numbered names are
 * formatted into buf. */
const char *csr_name(unsigned csr, char *buf, size_t len);

/* The number of a CSR given its name, or -1. */
int csr_number(const char *name);

#endif
