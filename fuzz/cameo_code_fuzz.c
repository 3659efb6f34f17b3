/* cameo_code_fuzz.c — the CAMEO sentence coder (st_cameo_code_sentence)
 * with the shipped dictionaries (loaded once) on arbitrary sentences.
 * The first 4 bytes are the date (YYYYMMDD as a number modulo 10^8, so dated
 * actor codes are chosen too); the rest is the sentence. Events must have a
 * code, and their verb span must lie inside the sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/events.h"
#include "fuzz.h"

static st_cameo *cameo;

static void unload(void)
{
    st_cameo_free(cameo);
    cameo = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!cameo) {
        char err[256] = "";
        if (st_cameo_load_default(NULL, &cameo, err, sizeof err) != ST_OK) {
            fprintf(stderr, "fuzz/cameo_code: %s\n", err);
            abort();
        }
        st_fuzz_atexit(unload);
    }
    if (size < 4)
        return 0;
    uint32_t d = (uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 | (uint32_t)data[2] << 8 |
                 data[3];
    int date = (int)(d % 100000000u);
    size_t n = size - 4;
    char *s = malloc(n ? n : 1); /* exact size: reads past the end are caught */
    if (!s)
        return 0;
    memcpy(s, data + 4, n);
    st_cameo_events ev = {0};
    st_cameo_code_sentence(cameo, s, n, date, &ev);
    for (size_t i = 0; i < ev.n; i++) {
        const st_cameo_event *e = &ev.v[i];
        if (!e->code[0] || e->verb_off > n || e->verb_len > n - e->verb_off) {
            fprintf(stderr, "fuzz/cameo_code: bad event %zu (code '%s', verb %zu+%zu of %zu)\n",
                    i, e->code, e->verb_off, e->verb_len, n);
            abort();
        }
    }
    st_cameo_events_free(&ev);
    free(s);
    return 0;
}
