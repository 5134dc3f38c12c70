/* A program with a 256 MiB bss: too large for the default 128 MiB of RAM, fine with --mem 512M. */
#include "test.h"
TEST_BEGIN
        la t0, big
        li t1, 0x5a
        sb t1, 0(t0)
        lb t2, 0(t0)
        bne t1, t2, fail
TEST_END
        .bss
        .align 12
big:    .zero 256 << 20
