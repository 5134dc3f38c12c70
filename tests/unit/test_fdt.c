/* Unit tests of the board's device tree builder (src/machine/fdt.c), read back with libfdt. */
#include <check.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine/board.h"
#include "machine/fdt.h"

static uint8_t tree[0x10000];

static void build(unsigned harts, const char *bootargs, uint64_t initrd_start, uint64_t initrd_end)
{
    struct fdt_params p = {
        .harts = harts, .isa = "rv64imafdc_zicsr", .mmu_type = "riscv,sv39",
        .ram_base = 0x80000000ull, .ram_size = 256ull << 20, .bootargs = bootargs,
        .initrd_start = initrd_start, .initrd_end = initrd_end, .virtio_slots = 2,
    };
    char err[128];
    ck_assert_uint_gt(fdt_build(&p, tree, sizeof(tree), err, sizeof(err)), 0);
    ck_assert_int_eq(fdt_check_header(tree), 0);
}

static const char *str_prop(const char *path, const char *name)
{
    int node = fdt_path_offset(tree, path);
    ck_assert_int_ge(node, 0);
    const char *v = fdt_getprop(tree, node, name, NULL);
    ck_assert_ptr_nonnull(v);
    return v;
}

static uint64_t u64_prop(const char *path, const char *name)
{
    int node = fdt_path_offset(tree, path), len;
    ck_assert_int_ge(node, 0);
    const void *v = fdt_getprop(tree, node, name, &len);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(len, 8);
    fdt64_t raw;
    memcpy(&raw, v, 8);   /* properties are only 4-byte aligned */
    return fdt64_to_cpu(raw);
}

START_TEST(chosen_has_bootargs_stdout_path_and_initrd)
{
    build(1, "console=ttyS0 quiet", 0x8f000000ull, 0x8f123456ull);
    ck_assert_str_eq(str_prop("/chosen", "bootargs"), "console=ttyS0 quiet");
    ck_assert_str_eq(str_prop("/chosen", "stdout-path"), "/soc/serial@10000000");
    ck_assert_uint_eq(u64_prop("/chosen", "linux,initrd-start"), 0x8f000000ull);
    ck_assert_uint_eq(u64_prop("/chosen", "linux,initrd-end"), 0x8f123456ull);
}
END_TEST

START_TEST(no_initrd_means_no_initrd_properties)
{
    build(1, NULL, 0, 0);
    int node = fdt_path_offset(tree, "/chosen");
    ck_assert_ptr_null(fdt_getprop(tree, node, "linux,initrd-start", NULL));
    ck_assert_ptr_null(fdt_getprop(tree, node, "bootargs", NULL));
}
END_TEST

START_TEST(memory_node_covers_ram)
{
    build(1, NULL, 0, 0);
    int node = fdt_path_offset(tree, "/memory@80000000"), len;
    ck_assert_int_ge(node, 0);
    const fdt32_t *reg = fdt_getprop(tree, node, "reg", &len);
    ck_assert_int_eq(len, 16);
    ck_assert_uint_eq(fdt32_to_cpu(reg[0]), 0);
    ck_assert_uint_eq(fdt32_to_cpu(reg[1]), 0x80000000u);
    ck_assert_uint_eq(fdt32_to_cpu(reg[2]), 0);
    ck_assert_uint_eq(fdt32_to_cpu(reg[3]), 256u << 20);
}
END_TEST

START_TEST(one_cpu_node_per_hart_with_isa_and_mmu_type)
{
    build(4, NULL, 0, 0);
    for (int h = 0; h < 4; h++) {
        char path[32];
        snprintf(path, sizeof(path), "/cpus/cpu@%d", h);
        ck_assert_str_eq(str_prop(path, "riscv,isa"), "rv64imafdc_zicsr");
        ck_assert_str_eq(str_prop(path, "mmu-type"), "riscv,sv39");
        ck_assert_str_eq(str_prop(path, "device_type"), "cpu");
    }
    ck_assert_int_lt(fdt_path_offset(tree, "/cpus/cpu@4"), 0);
}
END_TEST

START_TEST(plic_routes_m_and_s_external_interrupts_of_each_hart)
{
    build(2, NULL, 0, 0);
    int node = fdt_path_offset(tree, "/soc/plic@c000000"), len;
    ck_assert_int_ge(node, 0);
    const fdt32_t *ie = fdt_getprop(tree, node, "interrupts-extended", &len);
    ck_assert_int_eq(len, 2 * 4 * 4);
    /* hart 0: <intc0 11> <intc0 9>, hart 1: <intc1 11> <intc1 9> */
    ck_assert_uint_eq(fdt32_to_cpu(ie[1]), 11);
    ck_assert_uint_eq(fdt32_to_cpu(ie[3]), 9);
    ck_assert_uint_eq(fdt32_to_cpu(ie[5]), 11);
    ck_assert_uint_eq(fdt32_to_cpu(ie[7]), 9);
    ck_assert_uint_ne(fdt32_to_cpu(ie[0]), fdt32_to_cpu(ie[4]));
    const fdt32_t *ndev = fdt_getprop(tree, node, "riscv,ndev", NULL);
    ck_assert_uint_eq(fdt32_to_cpu(*ndev), BOARD_PLIC_SOURCES - 1);
}
END_TEST

START_TEST(devices_have_their_interrupts)
{
    build(1, NULL, 0, 0);
    int uart = fdt_path_offset(tree, "/soc/serial@10000000");
    int rtc = fdt_path_offset(tree, "/soc/rtc@101000");
    int v1 = fdt_path_offset(tree, "/soc/virtio_mmio@10002000");
    ck_assert_int_ge(uart, 0);
    ck_assert_int_ge(rtc, 0);
    ck_assert_int_ge(v1, 0);
    ck_assert_uint_eq(fdt32_to_cpu(*(const fdt32_t *)fdt_getprop(tree, uart, "interrupts", NULL)), 10);
    ck_assert_uint_eq(fdt32_to_cpu(*(const fdt32_t *)fdt_getprop(tree, rtc, "interrupts", NULL)), 11);
    ck_assert_uint_eq(fdt32_to_cpu(*(const fdt32_t *)fdt_getprop(tree, v1, "interrupts", NULL)), 2);
    ck_assert_str_eq(str_prop("/soc/serial@10000000", "compatible"), "ns16550a");
    ck_assert_str_eq(str_prop("/soc/test@100000", "compatible"), "sifive,test1");
    ck_assert_int_lt(fdt_path_offset(tree, "/soc/virtio_mmio@10003000"), 0);
}
END_TEST

START_TEST(pmu_node_maps_cycles_and_instructions_to_hpm_counters)
{
    build(1, NULL, 0, 0);
    ck_assert_str_eq(str_prop("/pmu", "compatible"), "riscv,pmu");
    int node = fdt_path_offset(tree, "/pmu"), len;
    const fdt32_t *ev = fdt_getprop(tree, node, "riscv,event-to-mhpmevent", &len);
    ck_assert_ptr_nonnull(ev);
    ck_assert_int_eq(len, 6 * 4);   /* <event, select high, select low> for SBI events 1 and 2 */
    uint32_t want_ev[6] = { 1, 0, 1, 2, 0, 2 };
    for (int i = 0; i < 6; i++) ck_assert_uint_eq(fdt32_to_cpu(ev[i]), want_ev[i]);
    const fdt32_t *map = fdt_getprop(tree, node, "riscv,event-to-mhpmcounters", &len);
    ck_assert_ptr_nonnull(map);
    ck_assert_int_eq(len, 6 * 4);
    ck_assert_uint_eq(fdt32_to_cpu(map[2]), 0xfffffff8u);   /* mhpmcounter3..31 */
    const fdt32_t *raw = fdt_getprop(tree, node, "riscv,raw-event-to-mhpmcounters", &len);
    ck_assert_ptr_nonnull(raw);
    ck_assert_int_eq(len, 4 * 5 * 4);   /* four raw events, five cells each */
}
END_TEST

START_TEST(framebuffer_node_in_chosen_describes_the_simple_framebuffer)
{
    struct fdt_params p = {
        .harts = 1, .isa = "rv64i", .mmu_type = "riscv,sv39", .ram_base = 0x80000000ull, .ram_size = 1 << 20,
        .fb_base = BOARD_FB_BASE, .fb_size = 3ull << 20, .fb_width = 1024, .fb_height = 768, .fb_stride = 4096,
    };
    char err[128];
    ck_assert_uint_gt(fdt_build(&p, tree, sizeof(tree), err, sizeof(err)), 0);
    ck_assert_str_eq(str_prop("/chosen/framebuffer@50000000", "compatible"), "simple-framebuffer");
    ck_assert_str_eq(str_prop("/chosen/framebuffer@50000000", "format"), "a8r8g8b8");
    int node = fdt_path_offset(tree, "/chosen/framebuffer@50000000"), len;
    const fdt32_t *reg = fdt_getprop(tree, node, "reg", &len);
    ck_assert_int_eq(len, 16);
    ck_assert_uint_eq(fdt32_to_cpu(reg[1]), 0x50000000u);
    ck_assert_uint_eq(fdt32_to_cpu(reg[3]), 3u << 20);
    const char *names[] = { "width", "height", "stride" };
    const uint32_t want[] = { 1024, 768, 4096 };
    for (int i = 0; i < 3; i++) {
        const fdt32_t *v = fdt_getprop(tree, node, names[i], &len);
        ck_assert_int_eq(len, 4);
        ck_assert_uint_eq(fdt32_to_cpu(*v), want[i]);
    }
    /* Without a framebuffer there is no node. */
    build(1, NULL, 0, 0);
    ck_assert_int_lt(fdt_path_offset(tree, "/chosen/framebuffer@50000000"), 0);
}
END_TEST

START_TEST(too_small_buffer_reports_an_error)
{
    struct fdt_params p = { .harts = 1, .isa = "rv64i", .mmu_type = "riscv,sv39", .ram_base = 0x80000000ull,
                            .ram_size = 1 << 20 };
    char err[128] = "";
    uint8_t small[64];
    ck_assert_uint_eq(fdt_build(&p, small, sizeof(small), err, sizeof(err)), 0);
    ck_assert_str_eq(err, "device tree: FDT_ERR_NOSPACE");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fdt");
    TCase *tc = tcase_create("fdt");
    tcase_add_test(tc, chosen_has_bootargs_stdout_path_and_initrd);
    tcase_add_test(tc, no_initrd_means_no_initrd_properties);
    tcase_add_test(tc, memory_node_covers_ram);
    tcase_add_test(tc, one_cpu_node_per_hart_with_isa_and_mmu_type);
    tcase_add_test(tc, plic_routes_m_and_s_external_interrupts_of_each_hart);
    tcase_add_test(tc, devices_have_their_interrupts);
    tcase_add_test(tc, pmu_node_maps_cycles_and_instructions_to_hpm_counters);
    tcase_add_test(tc, framebuffer_node_in_chosen_describes_the_simple_framebuffer);
    tcase_add_test(tc, too_small_buffer_reports_an_error);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
