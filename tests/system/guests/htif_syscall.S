/* HTIF syscall proxy: write(1, msg, len) then write(2, msg2, len2), each acknowledged through
 * fromhost with the byte count in the block; then exits 0 only if both returned their lengths. */
#include "test.h"
TEST_BEGIN
        TEST_CASE(2)
        la a0, block
        li t0, 64
        sd t0, 0(a0)
        li t0, 1
        sd t0, 8(a0)
        la t0, msg
        sd t0, 16(a0)
        li t0, 36
        sd t0, 24(a0)
        la t1, tohost
        sd a0, 0(t1)
        la t2, fromhost
1:      ld t3, 0(t2)
        beqz t3, 1b
        sd zero, 0(t2)
        ld a0, 0(a0)
        CHECK(a0, 36)
        TEST_CASE(3)
        la a0, block
        li t0, 64
        sd t0, 0(a0)
        li t0, 2
        sd t0, 8(a0)
        la t0, msg2
        sd t0, 16(a0)
        li t0, 10
        sd t0, 24(a0)
        la t1, tohost
        sd a0, 0(t1)
        la t2, fromhost
1:      ld t3, 0(t2)
        beqz t3, 1b
        ld a0, 0(a0)
        CHECK(a0, 10)
TEST_END
        .data
        .align 6
block:  .dword 0, 0, 0, 0, 0, 0, 0, 0
msg:    .ascii "to stdout through the syscall proxy\n"
msg_end:
msg2:   .ascii "to stderr\n"
msg2_end:
