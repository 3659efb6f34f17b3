/* validators.c — the st_validators record of a polled URL (see storytrack.h);
 * reader.c fills it, the caller accepts it once the read is stored. */
#include <stdlib.h>
#include <string.h>

#include "storytrack.h"

void st_validators_reject(st_validators *v)
{
    if (!v)
        return;
    free(v->new_etag);
    free(v->new_last_modified);
    v->new_etag = v->new_last_modified = NULL;
    v->pending = v->unchanged = 0;
}

void st_validators_accept(st_validators *v)
{
    if (!v->pending)
        return;
    free(v->etag);
    free(v->last_modified);
    v->etag = v->new_etag;
    v->last_modified = v->new_last_modified;
    v->new_etag = v->new_last_modified = NULL;
    v->pending = 0;
}

void st_validators_clear(st_validators *v)
{
    if (!v)
        return;
    st_validators_reject(v);
    free(v->etag);
    free(v->last_modified);
    memset(v, 0, sizeof *v);
}
