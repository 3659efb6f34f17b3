/* test_cluster_eval.c — BCubed and pairwise scores on hand-checked examples. */
#include <math.h>

#include "cluster/eval.h"
#include "harness.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

static void t_perfect(void)
{
    int64_t g[] = {1, 1, 2, 2, 3}, p[] = {7, 7, 9, 9, 4};
    st_eval e;
    CHECK_INT(st_eval_labels(g, p, 5, &e), 0);
    CHECK(NEAR(e.bc_f1, 1.0));
    CHECK(NEAR(e.pw_f1, 1.0));
    CHECK_INT(e.gold_clusters, 3);
    CHECK_INT(e.pred_clusters, 3);
}

static void t_all_in_one(void)
{
    /* gold {a,b} {c,d}; predicted one cluster of 4:
     * BCubed P = 2/4 each, R = 1; pairwise P = 2/6, R = 1. */
    int64_t g[] = {1, 1, 2, 2}, p[] = {5, 5, 5, 5};
    st_eval e;
    st_eval_labels(g, p, 4, &e);
    CHECK(NEAR(e.bc_p, 0.5));
    CHECK(NEAR(e.bc_r, 1.0));
    CHECK(NEAR(e.bc_f1, 2 * 0.5 / 1.5));
    CHECK(NEAR(e.pw_p, 2.0 / 6.0));
    CHECK(NEAR(e.pw_r, 1.0));
}

static void t_singletons(void)
{
    /* gold {a,b,c}; predicted {a,b} {c}: BCubed P 1, R = (2/3+2/3+1/3)/3 = 5/9;
     * pairwise P 1 (1 pair), R = 1/3. */
    int64_t g[] = {1, 1, 1}, p[] = {2, 2, 3};
    st_eval e;
    st_eval_labels(g, p, 3, &e);
    CHECK(NEAR(e.bc_p, 1.0));
    CHECK(NEAR(e.bc_r, 5.0 / 9.0));
    CHECK(NEAR(e.pw_r, 1.0 / 3.0));
    CHECK(NEAR(e.pw_p, 1.0));
    st_eval_labels(g, p, 0, &e);
    CHECK_INT(e.n, 0);
}

int main(void)
{
    RUN(t_perfect);
    RUN(t_all_in_one);
    RUN(t_singletons);
    TEST_MAIN_END;
}
