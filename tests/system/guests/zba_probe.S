/* Runs one Zba instruction (sh1add): passes where Zba is enabled; with --isa rv64gc the encoding
 * must raise illegal instruction, which the default handler reports as status 1002. */
#include "test.h"
TEST_BEGIN
        TEST_CASE(2)
        li a1, 3
        li a2, 100
        .insn r 0x33, 2, 0x10, a0, a1, a2      /* sh1add a0, a1, a2 = 106 */
        CHECK(a0, 106)
TEST_END
