/* test_cluster_fvec.c — the sparse vectors under the clusterer. */
#include <math.h>

#include "cluster/fvec.h"
#include "harness.h"

static void t_finish_dot_add(void)
{
    st_fvec a = {0}, b = {0};
    st_fvec_push(&a, 5, 1.0f);
    st_fvec_push(&a, 2, 2.0f);
    st_fvec_push(&a, 5, 1.0f); /* duplicate keys add up */
    st_fvec_finish(&a);
    CHECK_INT(a.n, 2);
    CHECK(a.e[0].key == 2 && a.e[1].key == 5);
    CHECK(fabs(a.norm - sqrt(8.0)) < 1e-6);
    st_fvec_push(&b, 5, 3.0f);
    st_fvec_push(&b, 9, 4.0f);
    st_fvec_finish(&b);
    CHECK(fabs(st_fvec_dot(&a, &b) - 6.0) < 1e-6);
    CHECK(fabs(st_fvec_cos(&a, &b) - 6.0 / (sqrt(8.0) * 5.0)) < 1e-6);
    CHECK_INT(st_fvec_add(&a, &b, 2.0f), 0);
    CHECK_INT(a.n, 3);
    CHECK(a.e[1].key == 5 && fabs(a.e[1].w - 8.0f) < 1e-6);
    st_fvec_normalise(&a);
    CHECK(fabs(a.norm - 1.0) < 1e-6);
    st_fvec empty = {0};
    CHECK(st_fvec_cos(&a, &empty) == 0.0);
    st_fvec_free(&a);
    st_fvec_free(&b);
}

static void t_prune_and_top(void)
{
    st_fvec v = {0};
    for (uint64_t k = 1; k <= 50; k++) st_fvec_push(&v, k * 7, (float)(k % 10));
    st_fvec_finish(&v); /* drops the zero weights: 45 left */
    CHECK_INT(v.n, 45);
    uint64_t top[3];
    CHECK_INT(st_fvec_top(&v, 3, top), 3);
    CHECK(top[0] == 9 * 7 && top[1] == 19 * 7 && top[2] == 29 * 7); /* weight 9, smaller keys first */
    CHECK_INT(st_fvec_prune(&v, 12), 0);
    CHECK_INT(v.n, 12);
    int nines = 0, eights = 0;
    for (uint32_t i = 0; i < v.n; i++) {
        nines += v.e[i].w == 9.0f;
        eights += v.e[i].w == 8.0f;
        if (i) CHECK(v.e[i - 1].key < v.e[i].key); /* still in key order */
    }
    CHECK_INT(nines, 5);
    CHECK_INT(eights, 5);
    CHECK_INT(st_fvec_prune(&v, 0), 0);
    CHECK_INT(v.n, 0);
    st_fvec_free(&v);
}

int main(void)
{
    RUN(t_finish_dot_add);
    RUN(t_prune_and_top);
    TEST_MAIN_END;
}
