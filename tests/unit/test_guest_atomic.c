/* Unit tests of src/util/guest_atomic.h: AMO results on little-endian guest memory, SC as a
 * compare-and-swap, and AMOs and LR/SC-style increments from two host threads adding up exactly. */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>

#include "util/guest_atomic.h"

START_TEST(amo_results_follow_the_a_extension)
{
    uint8_t mem[8] __attribute__((aligned(8))) = { 0 };
    le_store32(mem, 0xfffffff0u);   /* -16 as a signed word */
    ck_assert_uint_eq(ga_amo(mem, 4, GA_AMO_ADD, 0x20, 0), 0xfffffff0u);
    ck_assert_uint_eq(le_load32(mem), 0x10);                            /* wraps to 16 */
    ck_assert_uint_eq(ga_amo(mem, 4, GA_AMO_MIN, 0xffffffffu, 3), 0x10);  /* min(16, -1) = -1 */
    ck_assert_uint_eq(le_load32(mem), 0xffffffffu);
    ck_assert_uint_eq(ga_amo(mem, 4, GA_AMO_MAXU, 5, 2), 0xffffffffu);     /* unsigned: stays */
    ck_assert_uint_eq(le_load32(mem), 0xffffffffu);
    ck_assert_uint_eq(ga_amo(mem, 4, GA_AMO_MAX, 5, 1), 0xffffffffu);      /* signed: 5 > -1 */
    ck_assert_uint_eq(le_load32(mem), 5);
    ck_assert_uint_eq(le_load32(mem + 4), 0);                           /* the next word untouched */
    le_store64(mem, 0x8000000000000000ull);
    ck_assert_uint_eq(ga_amo(mem, 8, GA_AMO_MINU, 7, 0), 0x8000000000000000ull);
    ck_assert_uint_eq(le_load64(mem), 7);
    ck_assert_uint_eq(ga_amo(mem, 8, GA_AMO_XOR, 0xff, 0), 7);
    ck_assert_uint_eq(ga_amo(mem, 8, GA_AMO_AND, 0xf0, 0), 0xf8);
    ck_assert_uint_eq(ga_amo(mem, 8, GA_AMO_OR, 0x1, 0), 0xf0);
    ck_assert_uint_eq(ga_amo(mem, 8, GA_AMO_SWAP, 42, 3), 0xf1);
    ck_assert_uint_eq(le_load64(mem), 42);
}
END_TEST

START_TEST(sc_stores_only_if_memory_holds_the_lr_value)
{
    uint8_t mem[8] __attribute__((aligned(8))) = { 0 };
    le_store32(mem, 0x1234);
    ck_assert(!ga_sc(mem, 4, 0x1235, 99, 0));
    ck_assert_uint_eq(le_load32(mem), 0x1234);
    ck_assert(ga_sc(mem, 4, 0x1234, 99, 1));
    ck_assert_uint_eq(le_load32(mem), 99);
    le_store64(mem, ~0ull);
    ck_assert(ga_sc(mem, 8, ~0ull, 1, 3));
    ck_assert_uint_eq(le_load64(mem), 1);
}
END_TEST

#define ROUNDS 200000
static uint64_t shared[2] __attribute__((aligned(16)));

static void *adder(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        ga_amo(&shared[0], 8, GA_AMO_ADD, 1, 0);
        /* An LR/SC increment loop, as a guest's would run: retry until the SC succeeds. */
        for (;;) {
            uint64_t v = ga_load64(&shared[1]);
            if (ga_sc(&shared[1], 8, v, v + 1, 0)) break;
        }
    }
    return NULL;
}

START_TEST(two_threads_incrementing_lose_no_update)
{
    shared[0] = shared[1] = 0;
    pthread_t t[2];
    for (int i = 0; i < 2; i++) ck_assert_int_eq(pthread_create(&t[i], NULL, adder, NULL), 0);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    ck_assert_uint_eq(le_load64(&shared[0]), 2 * ROUNDS);
    ck_assert_uint_eq(le_load64(&shared[1]), 2 * ROUNDS);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("guest_atomic");
    TCase *tc = tcase_create("guest_atomic");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, amo_results_follow_the_a_extension);
    tcase_add_test(tc, sc_stores_only_if_memory_holds_the_lr_value);
    tcase_add_test(tc, two_threads_incrementing_lose_no_update);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
