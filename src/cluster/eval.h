/* eval.h — clustering quality against gold labels: BCubed and pairwise
 * precision, recall and F1, and the number of clusters on each side. */
#ifndef ST_EVAL_H
#define ST_EVAL_H

#include <stddef.h>
#include <stdint.h>

typedef struct st_eval {
    size_t n;                          /* items */
    size_t gold_clusters, pred_clusters;
    double bc_p, bc_r, bc_f1;          /* BCubed (Bagga & Baldwin), averaged over items */
    double pw_p, pw_r, pw_f1;          /* pairs of items put together */
} st_eval;

/* gold[i] and pred[i] label item i (any int64 values; equal = same cluster).
 * Precision with no predicted pairs (all singletons) counts as 1, recall with
 * no gold pairs as 1. Returns ST_OK or ST_ENOMEM; n == 0 gives all zeros. */
int st_eval_labels(const int64_t *gold, const int64_t *pred, size_t n, st_eval *out);

#endif
