/* Unit tests for src/util/granmap.c: the sparse granule map (entries across chunks, the search for
 * the next set entry, clearing, a size that is not a whole number of chunks). */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/granmap.h"

START_TEST(unset_entries_read_zero_and_cost_no_chunk)
{
    struct granmap g;
    ck_assert_int_eq(granmap_init(&g, 5 * GRANMAP_CHUNK + 7), 0);
    ck_assert_uint_eq(g.nchunks, 6);
    ck_assert_uint_eq(granmap_get(&g, 0), 0);
    ck_assert_uint_eq(granmap_get(&g, 5 * GRANMAP_CHUNK + 6), 0);
    ck_assert_uint_eq(granmap_get(&g, 5 * GRANMAP_CHUNK + 7), 0);   /* past the end: 0 */
    ck_assert_int_eq(granmap_set(&g, 3000, 0), 0);                   /* setting 0 allocates nothing */
    for (uint64_t c = 0; c < g.nchunks; c++) ck_assert_ptr_null(g.chunks[c]);
    ck_assert_uint_eq(granmap_next(&g, 0), g.n);
    granmap_free(&g);
}
END_TEST

START_TEST(set_entries_read_back_and_next_finds_them_in_order)
{
    struct granmap g;
    ck_assert_int_eq(granmap_init(&g, 5 * GRANMAP_CHUNK + 7), 0);
    ck_assert_int_eq(granmap_set(&g, 1, 11), 0);
    ck_assert_int_eq(granmap_set(&g, GRANMAP_CHUNK - 1, 22), 0);
    ck_assert_int_eq(granmap_set(&g, 4 * GRANMAP_CHUNK, 33), 0);
    ck_assert_int_eq(granmap_set(&g, 5 * GRANMAP_CHUNK + 6, UINT32_MAX), 0);
    ck_assert_uint_eq(granmap_get(&g, 1), 11);
    ck_assert_uint_eq(granmap_get(&g, GRANMAP_CHUNK - 1), 22);
    ck_assert_uint_eq(granmap_get(&g, 4 * GRANMAP_CHUNK), 33);
    ck_assert_uint_eq(granmap_get(&g, 5 * GRANMAP_CHUNK + 6), UINT32_MAX);
    ck_assert_uint_eq(granmap_next(&g, 0), 1);
    ck_assert_uint_eq(granmap_next(&g, 2), GRANMAP_CHUNK - 1);
    ck_assert_uint_eq(granmap_next(&g, GRANMAP_CHUNK), 4 * GRANMAP_CHUNK);
    ck_assert_uint_eq(granmap_next(&g, 4 * GRANMAP_CHUNK + 1), 5 * GRANMAP_CHUNK + 6);
    ck_assert_uint_eq(granmap_next(&g, 5 * GRANMAP_CHUNK + 7), g.n);
    ck_assert_ptr_null(g.chunks[1]);
    ck_assert_int_eq(granmap_set(&g, 1, 0), 0);
    ck_assert_uint_eq(granmap_next(&g, 0), GRANMAP_CHUNK - 1);
    granmap_clear(&g);
    ck_assert_uint_eq(granmap_get(&g, GRANMAP_CHUNK - 1), 0);
    ck_assert_uint_eq(granmap_next(&g, 0), g.n);
    ck_assert_int_eq(granmap_set(&g, 2, 5), 0);   /* still usable after clearing */
    ck_assert_uint_eq(granmap_next(&g, 0), 2);
    granmap_free(&g);
    granmap_free(&g);   /* twice is harmless */
}
END_TEST

START_TEST(empty_map_has_no_entries)
{
    struct granmap g;
    ck_assert_int_eq(granmap_init(&g, 0), 0);
    ck_assert_uint_eq(granmap_next(&g, 0), 0);
    ck_assert_uint_eq(granmap_get(&g, 0), 0);
    granmap_free(&g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("granmap");
    TCase *t = tcase_create("granmap");
    tcase_add_test(t, unset_entries_read_zero_and_cost_no_chunk);
    tcase_add_test(t, set_entries_read_back_and_next_finds_them_in_order);
    tcase_add_test(t, empty_map_has_no_entries);
    suite_add_tcase(s, t);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
