/* tohost written from U-mode through a virtual address: Sv39 maps VA 0x40000000 (a gigapage)
 * onto RAM at 0x80000000, U-mode stores exit status 7 into tohost's virtual alias. */
#include "test.h"
TEST_BEGIN
        /* Root table: entry 1 (VA 0x40000000) -> PA 0x80000000 gigapage, U|R|W|X|A|D|V;
         * entry 2 (VA 0x80000000) -> identity gigapage for M-mode-free S... not needed in U. */
        la t0, root
        li t1, ((0x80000000 >> 12) << 10) | 0xdf
        sd t1, 8(t0)
        srli t0, t0, 12
        li t1, 8 << 60
        or t0, t0, t1
        csrw satp, t0
        sfence.vma
        /* Enter U-mode at the virtual alias of `user`. */
        la t0, user
        li t1, 0x80000000 - 0x40000000
        sub t0, t0, t1
        csrw mepc, t0
        li t0, 3 << 11
        csrc mstatus, t0
        mret
user:
        la t1, tohost            /* pc-relative: yields the virtual alias */
        li t0, (7 << 1) | 1
        sd t0, 0(t1)
1:      j 1b
TEST_END
        .data
        .align 12
root:   .zero 4096
