/* params.c — dedup defaults and their sanity check. */
#include "dedup/dedup.h"
#include "util/util.h"

void st_dedup_params_default(st_dedup_params *p)
{
    p->num_perm = 128;
    p->bands = 42;
    p->rows = 3;
    p->shingle = 3;
    p->near_threshold = 0.8;
    p->rewrite_threshold = 0.5;
    p->sent_threshold = 0.5;
    p->min_sent_words = 4;
    p->min_sent_matches = 3;
    p->max_sent_words = 48;
    p->max_bucket = 128;
    p->boiler_df = 5;
}

int st_dedup_params_check(const st_dedup_params *p, char *err, size_t errlen)
{
    if (!p)
        return st_seterr(err, errlen, ST_EUSAGE, "dedup: no parameters");
    if (p->num_perm < 1 || p->num_perm > ST_DEDUP_MAX_PERM)
        return st_seterr(err, errlen, ST_EUSAGE, "dedup: num_perm %d not in 1..%d",
                         p->num_perm, ST_DEDUP_MAX_PERM);
    if (p->bands < 1 || p->rows < 1 || (long)p->bands * p->rows > p->num_perm)
        return st_seterr(err, errlen, ST_EUSAGE,
                         "dedup: bands %d x rows %d must be >= 1 and fit num_perm %d",
                         p->bands, p->rows, p->num_perm);
    if (p->shingle < 1 || p->shingle > 16)
        return st_seterr(err, errlen, ST_EUSAGE, "dedup: shingle %d not in 1..16",
                         p->shingle);
    if (!(p->near_threshold > 0 && p->near_threshold <= 1) ||
        !(p->rewrite_threshold > 0 && p->rewrite_threshold <= 1) ||
        !(p->sent_threshold > 0 && p->sent_threshold <= 1))
        return st_seterr(err, errlen, ST_EUSAGE, "dedup: thresholds must be in (0, 1]");
    if (p->min_sent_words < 1 || p->min_sent_matches < 1 ||
        p->max_sent_words < p->min_sent_words || p->max_sent_words > 4096 || p->max_bucket < 1 ||
        p->boiler_df < 2 || p->boiler_df > 4096)
        return st_seterr(err, errlen, ST_EUSAGE, "dedup: bad sentence or bucket limits");
    return ST_OK;
}
