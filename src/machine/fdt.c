/* Builds the flattened device tree (Devicetree Specification 0.4; bindings in Linux's
 * Documentation/devicetree/bindings: riscv/cpus.yaml, interrupt-controller/sifive,plic-1.0.0.yaml,
 * timer/sifive,clint.yaml, serial/8250.yaml, rtc/google,goldfish-rtc, virtio/mmio.yaml,
 * display/simple-framebuffer.yaml). */
#include "fdt.h"

#include <libfdt.h>
#include <stdio.h>

#include "board.h"

#define VHART_FDT_MAX_HARTS 8

/* Phandles: fixed numbers keep the tree readable in --dumpdtb output. */
#define PH_CPU_INTC(h) (1u + (h))
#define PH_PLIC 100u
#define PH_TEST 101u
#define PH_CPU(h) (200u + (h))

#define TRY(x)                       \
    do {                             \
        int r_ = (x);                \
        if (r_ < 0) {                \
            rc = r_;                 \
            goto fail;               \
        }                            \
    } while (0)

static int prop_reg(void *fdt, uint64_t base, uint64_t size)
{
    fdt32_t cells[4] = { cpu_to_fdt32((uint32_t)(base >> 32)), cpu_to_fdt32((uint32_t)base),
                         cpu_to_fdt32((uint32_t)(size >> 32)), cpu_to_fdt32((uint32_t)size) };
    return fdt_property(fdt, "reg", cells, sizeof(cells));
}

/* The SBI PMU node OpenSBI reads (its docs/pmu_support.md; Linux's bindings/perf/riscv,pmu.yaml):
 * the SBI generic events vhart counts, the mhpmevent value of each (src/cpu/pmu.h, docs/pmu.md),
 * and the counters that can count them, mhpmcounter3-31 alike. Cells are <event, select high, select
 * low> and <first event, last event, counter bitmap>; raw events (perf's rNN) are the selector
 * values themselves, <select high, select low, mask high, mask low, counter bitmap>. */
static int pmu_node(void *fdt)
{
    enum { SBI_HW_CPU_CYCLES = 1, SBI_HW_INSTRUCTIONS = 2, COUNTERS = 0xfffffff8 };
    static const uint32_t to_event[] = { SBI_HW_CPU_CYCLES, 0, 1, SBI_HW_INSTRUCTIONS, 0, 2 };
    static const uint32_t to_counters[] = { SBI_HW_CPU_CYCLES, SBI_HW_CPU_CYCLES, COUNTERS,
                                            SBI_HW_INSTRUCTIONS, SBI_HW_INSTRUCTIONS, COUNTERS };
    static const uint32_t raw[] = { 0, 1, 0xffffffff, 0xffffffff, COUNTERS,   /* cycles */
                                    0, 2, 0xffffffff, 0xffffffff, COUNTERS,   /* instructions */
                                    0, 3, 0xffffffff, 0xffffffff, COUNTERS,   /* exceptions */
                                    0, 4, 0xffffffff, 0xffffffff, COUNTERS }; /* interrupts */
    fdt32_t cells[sizeof(raw) / sizeof(raw[0])];
    int rc;
    if ((rc = fdt_begin_node(fdt, "pmu")) < 0) return rc;
    if ((rc = fdt_property_string(fdt, "compatible", "riscv,pmu")) < 0) return rc;
    for (unsigned i = 0; i < sizeof(to_event) / sizeof(to_event[0]); i++) cells[i] = cpu_to_fdt32(to_event[i]);
    if ((rc = fdt_property(fdt, "riscv,event-to-mhpmevent", cells, sizeof(to_event))) < 0) return rc;
    for (unsigned i = 0; i < sizeof(to_counters) / sizeof(to_counters[0]); i++) cells[i] = cpu_to_fdt32(to_counters[i]);
    if ((rc = fdt_property(fdt, "riscv,event-to-mhpmcounters", cells, sizeof(to_counters))) < 0) return rc;
    for (unsigned i = 0; i < sizeof(raw) / sizeof(raw[0]); i++) cells[i] = cpu_to_fdt32(raw[i]);
    if ((rc = fdt_property(fdt, "riscv,raw-event-to-mhpmcounters", cells, sizeof(raw))) < 0) return rc;
    return fdt_end_node(fdt);
}

size_t fdt_build(const struct fdt_params *p, void *fdt, size_t buf_len, char *err, size_t err_len)
{
    int rc = 0;
    char name[64];
    TRY(fdt_create(fdt, (int)buf_len));
    TRY(fdt_finish_reservemap(fdt));
    TRY(fdt_begin_node(fdt, ""));
    TRY(fdt_property_u32(fdt, "#address-cells", 2));
    TRY(fdt_property_u32(fdt, "#size-cells", 2));
    TRY(fdt_property_string(fdt, "compatible", "riscv-virtio"));
    TRY(fdt_property_string(fdt, "model", "vhart,virt"));

    TRY(fdt_begin_node(fdt, "chosen"));
    if (p->bootargs) TRY(fdt_property_string(fdt, "bootargs", p->bootargs));
    snprintf(name, sizeof(name), "/soc/serial@%llx", (unsigned long long)BOARD_UART_BASE);
    TRY(fdt_property_string(fdt, "stdout-path", name));
    if (p->initrd_end > p->initrd_start) {
        TRY(fdt_property_u64(fdt, "linux,initrd-start", p->initrd_start));
        TRY(fdt_property_u64(fdt, "linux,initrd-end", p->initrd_end));
    }
    if (p->fb_width) {
        /* In /chosen, where Linux creates the simplefb device early (of_platform_default_populate_init). */
        TRY(fdt_property_u32(fdt, "#address-cells", 2));
        TRY(fdt_property_u32(fdt, "#size-cells", 2));
        TRY(fdt_property(fdt, "ranges", NULL, 0));
        snprintf(name, sizeof(name), "framebuffer@%llx", (unsigned long long)p->fb_base);
        TRY(fdt_begin_node(fdt, name));
        TRY(fdt_property_string(fdt, "compatible", "simple-framebuffer"));
        TRY(prop_reg(fdt, p->fb_base, p->fb_size));
        TRY(fdt_property_u32(fdt, "width", p->fb_width));
        TRY(fdt_property_u32(fdt, "height", p->fb_height));
        TRY(fdt_property_u32(fdt, "stride", p->fb_stride));
        TRY(fdt_property_string(fdt, "format", "a8r8g8b8"));
        TRY(fdt_property_string(fdt, "status", "okay"));
        TRY(fdt_end_node(fdt));
    }
    TRY(fdt_end_node(fdt));

    snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)p->ram_base);
    TRY(fdt_begin_node(fdt, name));
    TRY(fdt_property_string(fdt, "device_type", "memory"));
    TRY(prop_reg(fdt, p->ram_base, p->ram_size));
    TRY(fdt_end_node(fdt));

    TRY(fdt_begin_node(fdt, "cpus"));
    TRY(fdt_property_u32(fdt, "#address-cells", 1));
    TRY(fdt_property_u32(fdt, "#size-cells", 0));
    TRY(fdt_property_u32(fdt, "timebase-frequency", (uint32_t)BOARD_TIMEBASE_HZ));
    for (unsigned h = 0; h < p->harts; h++) {
        snprintf(name, sizeof(name), "cpu@%u", h);
        TRY(fdt_begin_node(fdt, name));
        TRY(fdt_property_string(fdt, "device_type", "cpu"));
        TRY(fdt_property_u32(fdt, "reg", h));
        TRY(fdt_property_string(fdt, "status", "okay"));
        TRY(fdt_property_string(fdt, "compatible", "riscv"));
        TRY(fdt_property_string(fdt, "riscv,isa", p->isa));
        TRY(fdt_property_string(fdt, "mmu-type", p->mmu_type));
        TRY(fdt_property_u32(fdt, "riscv,cbom-block-size", 64));
        TRY(fdt_property_u32(fdt, "riscv,cboz-block-size", 64));
        TRY(fdt_property_u32(fdt, "phandle", PH_CPU(h)));
        TRY(fdt_begin_node(fdt, "interrupt-controller"));
        TRY(fdt_property_u32(fdt, "#interrupt-cells", 1));
        TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
        TRY(fdt_property_string(fdt, "compatible", "riscv,cpu-intc"));
        TRY(fdt_property_u32(fdt, "phandle", PH_CPU_INTC(h)));
        TRY(fdt_end_node(fdt));
        TRY(fdt_end_node(fdt));
    }
    TRY(fdt_begin_node(fdt, "cpu-map"));
    TRY(fdt_begin_node(fdt, "cluster0"));
    for (unsigned h = 0; h < p->harts; h++) {
        snprintf(name, sizeof(name), "core%u", h);
        TRY(fdt_begin_node(fdt, name));
        TRY(fdt_property_u32(fdt, "cpu", PH_CPU(h)));
        TRY(fdt_end_node(fdt));
    }
    TRY(fdt_end_node(fdt));
    TRY(fdt_end_node(fdt));
    TRY(fdt_end_node(fdt));   /* cpus */

    TRY(pmu_node(fdt));

    TRY(fdt_begin_node(fdt, "soc"));
    TRY(fdt_property_u32(fdt, "#address-cells", 2));
    TRY(fdt_property_u32(fdt, "#size-cells", 2));
    TRY(fdt_property_string(fdt, "compatible", "simple-bus"));
    TRY(fdt_property(fdt, "ranges", NULL, 0));

    /* CLINT: per hart, machine software (3) and machine timer (7) interrupts. */
    {
        fdt32_t ie[4 * VHART_FDT_MAX_HARTS];
        unsigned n = 0;
        for (unsigned h = 0; h < p->harts; h++) {
            ie[n++] = cpu_to_fdt32(PH_CPU_INTC(h)); ie[n++] = cpu_to_fdt32(3);
            ie[n++] = cpu_to_fdt32(PH_CPU_INTC(h)); ie[n++] = cpu_to_fdt32(7);
        }
        snprintf(name, sizeof(name), "clint@%llx", (unsigned long long)BOARD_CLINT_BASE);
        TRY(fdt_begin_node(fdt, name));
        TRY(fdt_property(fdt, "compatible", "sifive,clint0\0riscv,clint0", sizeof("sifive,clint0\0riscv,clint0")));
        TRY(prop_reg(fdt, BOARD_CLINT_BASE, BOARD_CLINT_SIZE));
        TRY(fdt_property(fdt, "interrupts-extended", ie, n * sizeof(fdt32_t)));
        TRY(fdt_end_node(fdt));
    }
    /* PLIC: contexts 2h (M external, 11) and 2h+1 (S external, 9). */
    {
        fdt32_t ie[4 * VHART_FDT_MAX_HARTS];
        unsigned n = 0;
        for (unsigned h = 0; h < p->harts; h++) {
            ie[n++] = cpu_to_fdt32(PH_CPU_INTC(h)); ie[n++] = cpu_to_fdt32(11);
            ie[n++] = cpu_to_fdt32(PH_CPU_INTC(h)); ie[n++] = cpu_to_fdt32(9);
        }
        snprintf(name, sizeof(name), "plic@%llx", (unsigned long long)BOARD_PLIC_BASE);
        TRY(fdt_begin_node(fdt, name));
        TRY(fdt_property(fdt, "compatible", "sifive,plic-1.0.0\0riscv,plic0",
                         sizeof("sifive,plic-1.0.0\0riscv,plic0")));
        TRY(fdt_property_u32(fdt, "#address-cells", 0));
        TRY(fdt_property_u32(fdt, "#interrupt-cells", 1));
        TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
        TRY(prop_reg(fdt, BOARD_PLIC_BASE, BOARD_PLIC_SIZE));
        TRY(fdt_property_u32(fdt, "riscv,ndev", BOARD_PLIC_SOURCES - 1));
        TRY(fdt_property(fdt, "interrupts-extended", ie, n * sizeof(fdt32_t)));
        TRY(fdt_property_u32(fdt, "phandle", PH_PLIC));
        TRY(fdt_end_node(fdt));
    }
    snprintf(name, sizeof(name), "serial@%llx", (unsigned long long)BOARD_UART_BASE);
    TRY(fdt_begin_node(fdt, name));
    TRY(fdt_property_string(fdt, "compatible", "ns16550a"));
    TRY(prop_reg(fdt, BOARD_UART_BASE, BOARD_UART_SIZE));
    TRY(fdt_property_u32(fdt, "clock-frequency", BOARD_UART_CLOCK_HZ));
    TRY(fdt_property_u32(fdt, "interrupt-parent", PH_PLIC));
    TRY(fdt_property_u32(fdt, "interrupts", BOARD_UART_IRQ));
    TRY(fdt_end_node(fdt));

    snprintf(name, sizeof(name), "rtc@%llx", (unsigned long long)BOARD_RTC_BASE);
    TRY(fdt_begin_node(fdt, name));
    TRY(fdt_property_string(fdt, "compatible", "google,goldfish-rtc"));
    TRY(prop_reg(fdt, BOARD_RTC_BASE, BOARD_RTC_SIZE));
    TRY(fdt_property_u32(fdt, "interrupt-parent", PH_PLIC));
    TRY(fdt_property_u32(fdt, "interrupts", BOARD_RTC_IRQ));
    TRY(fdt_end_node(fdt));

    /* The test finisher: OpenSBI carries out SBI system reset with it. */
    snprintf(name, sizeof(name), "test@%llx", (unsigned long long)BOARD_SYSCON_BASE);
    TRY(fdt_begin_node(fdt, name));
    TRY(fdt_property(fdt, "compatible", "sifive,test1\0sifive,test0\0syscon",
                     sizeof("sifive,test1\0sifive,test0\0syscon")));
    TRY(prop_reg(fdt, BOARD_SYSCON_BASE, 0x1000));
    TRY(fdt_property_u32(fdt, "phandle", PH_TEST));
    TRY(fdt_end_node(fdt));

    for (unsigned i = 0; i < p->virtio_slots; i++) {
        uint64_t base = BOARD_VIRTIO_BASE + i * BOARD_VIRTIO_SIZE;
        snprintf(name, sizeof(name), "virtio_mmio@%llx", (unsigned long long)base);
        TRY(fdt_begin_node(fdt, name));
        TRY(fdt_property_string(fdt, "compatible", "virtio,mmio"));
        TRY(prop_reg(fdt, base, BOARD_VIRTIO_SIZE));
        TRY(fdt_property_u32(fdt, "interrupt-parent", PH_PLIC));
        TRY(fdt_property_u32(fdt, "interrupts", BOARD_VIRTIO_IRQ + i));
        TRY(fdt_end_node(fdt));
    }
    TRY(fdt_end_node(fdt));   /* soc */
    TRY(fdt_end_node(fdt));   /* root */
    TRY(fdt_finish(fdt));
    TRY(fdt_pack(fdt));
    return fdt_totalsize(fdt);
fail:
    snprintf(err, err_len, "device tree: %s", fdt_strerror(rc));
    return 0;
}
