/* The virt-compatible board: physical address map and interrupt numbers (same as QEMU's virt, so
 * kernels, firmware and know-how carry over; see ../shared/DESIGN.md). */
#ifndef VHART_MACHINE_BOARD_H
#define VHART_MACHINE_BOARD_H

#define BOARD_BOOTROM_BASE 0x1000ull
#define BOARD_BOOTROM_SIZE 0x1000ull
#define BOARD_SYSCON_BASE 0x100000ull
#define BOARD_RTC_BASE 0x101000ull
#define BOARD_RTC_SIZE 0x1000ull
#define BOARD_CLINT_BASE 0x2000000ull
#define BOARD_CLINT_SIZE 0x10000ull
#define BOARD_PLIC_BASE 0xc000000ull
#define BOARD_PLIC_SIZE 0x4000000ull
#define BOARD_UART_BASE 0x10000000ull
#define BOARD_UART_SIZE 0x100ull
#define BOARD_VIRTIO_BASE 0x10001000ull
#define BOARD_VIRTIO_SIZE 0x1000ull
#define BOARD_VIRTIO_SLOTS 8
/* simple-framebuffer pixels (RAM-like, outside RAM): in the hole where QEMU's virt has its PCIe
 * MMIO window (vhart has no PCI); up to 64 MiB, e.g. 4096x4096 a8r8g8b8. */
#define BOARD_FB_BASE 0x50000000ull
#define BOARD_FB_MAX_SIZE 0x4000000ull
#define BOARD_RAM_BASE 0x80000000ull

/* PLIC sources. */
#define BOARD_VIRTIO_IRQ 1        /* slots 0..7 use 1..8 */
#define BOARD_UART_IRQ 10
#define BOARD_RTC_IRQ 11
#define BOARD_PLIC_SOURCES 96     /* including the reserved source 0, as on QEMU virt */

#define BOARD_TIMEBASE_HZ 10000000ull
#define BOARD_UART_CLOCK_HZ 3686400u

/* Where firmware hands over to the kernel (OpenSBI fw_jump's FW_JUMP_ADDR). */
#define BOARD_KERNEL_OFFSET 0x200000ull

#endif
