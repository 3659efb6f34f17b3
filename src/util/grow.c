/* grow.c — room for one more element in a doubling array. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* Doubles from `from` until `need` fits; 0 when that would wrap size_t. */
static size_t doubled(size_t from, size_t need)
{
    size_t c = from;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return 0;
        c *= 2;
    }
    return c;
}

int st_grow_to(void *p, size_t *cap, size_t need, size_t elem, size_t first)
{
    if (need <= *cap)
        return ST_OK;
    size_t c = doubled(*cap ? *cap : first ? first : 1, need);
    if (!c || c > SIZE_MAX / elem)
        return ST_ENOMEM;
    /* The caller's pointer has its own type (T *): copying its bytes rather
     * than writing through a void ** keeps the store free of type punning. */
    void *old;
    memcpy(&old, p, sizeof old);
    void *q = realloc(old, c * elem);
    if (!q)
        return ST_ENOMEM;
    memcpy(p, &q, sizeof q);
    *cap = c;
    return ST_OK;
}
