/* Ends the run through HTIF with two 32-bit stores (low half, then high half): exit status 21. */
#include "test.h"
TEST_BEGIN
        la t1, tohost
        li t0, (21 << 1) | 1
        sw t0, 0(t1)
        sw zero, 4(t1)
1:      j 1b
TEST_END
