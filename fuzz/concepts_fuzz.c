/* concepts_fuzz.c — the concept matcher: st_concepts_scan over the shipped
 * alias tables (loaded once), with and without ST_SCAN_NAMES; and, when the
 * input starts with "#tsv\n", st_concepts_load_text on the rest (the table
 * parser) followed by a scan of the same bytes with that table. Hits must
 * be in-bounds spans in text order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text/concepts.h"

static st_concepts *shipped;

static void unload(void)
{
    st_concepts_free(shipped);
    shipped = NULL;
}

typedef struct scan_ctx {
    size_t n, last;
    const st_concepts *cs;
} scan_ctx;

static int on_hit(const st_concept_hit *h, void *ud)
{
    scan_ctx *c = ud;
    if (h->off > c->n || h->len > c->n - h->off || h->off < c->last) {
        fprintf(stderr, "fuzz/concepts: bad hit %zu+%zu (text %zu, last %zu)\n", h->off, h->len,
                c->n, c->last);
        abort();
    }
    c->last = h->off;
    if (h->concept >= 0 && !st_concept_id(c->cs, h->concept))
        abort();
    if (h->folded_len && !h->folded)
        abort();
    return 0;
}

static void scan(const st_concepts *cs, const char *s, size_t n)
{
    for (unsigned flags = 0; flags <= ST_SCAN_NAMES; flags++) {
        scan_ctx c = {n, 0, cs};
        st_concepts_scan(cs, s, n, flags, on_hit, &c);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!shipped) {
        char err[256] = "";
        if (st_concepts_load(NULL, &shipped, err, sizeof err) != ST_OK) {
            fprintf(stderr, "fuzz/concepts: %s\n", err);
            abort();
        }
        st_fuzz_atexit(unload);
    }
    char *s = st_fuzz_cstr(data, size);
    if (size >= 5 && memcmp(s, "#tsv\n", 5) == 0) {
        st_concepts *own = NULL;
        if (st_concepts_load_text(s + 5, &own, NULL, 0) == ST_OK && own) {
            scan(own, s, size);
            st_concepts_free(own);
        }
    } else {
        scan(shipped, s, size);
    }
    free(s);
    return 0;
}
