/* test_hmap.c — the hash map against a plain array of what it should hold: inserts,
 * lookups and deletions in a small table where probe runs collide and wrap around. */
#include "core/hmap.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#define N 2000

static uint64_t next(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* Random puts and deletes over few distinct keys, so runs wrap the table's end; after
 * every step each key is found with its value exactly when the reference holds it. */
static void test_delete_keeps_probe_runs(void **state)
{
    (void)state;
    hmap m = {0};
    int64_t ref[N]; /* value + 1 for key i + 1, 0 when absent */
    for (size_t i = 0; i < N; i++) ref[i] = 0;
    uint64_t x = 88172645463325252ULL;
    size_t held = 0;
    for (int step = 0; step < 200000; step++) {
        size_t k = next(&x) % N;
        if (next(&x) % 3) {
            int64_t v = (int64_t)(next(&x) % 1000);
            *hmap_put(&m, k + 1, 0) = v;
            if (!ref[k]) held++;
            ref[k] = v + 1;
        } else {
            hmap_del(&m, k + 1);
            if (ref[k]) held--;
            ref[k] = 0;
        }
        if (step % 997 == 0 || step > 199000)
            for (size_t i = 0; i < N; i++) {
                int64_t *v = hmap_get(&m, i + 1);
                if (ref[i]) {
                    assert_non_null(v);
                    assert_int_equal(*v, ref[i] - 1);
                } else {
                    assert_null(v);
                }
            }
        assert_int_equal(m.n, held);
    }
    hmap_del(&m, 12345678); /* absent: nothing changes */
    assert_int_equal(m.n, held);
    hmap_free(&m);
    hmap_del(&m, 1); /* an empty map */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_delete_keeps_probe_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
