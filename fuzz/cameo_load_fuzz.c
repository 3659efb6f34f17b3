/* cameo_load_fuzz.c — the PETRARCH dictionary loaders behind st_cameo_load
 * (verbs with patterns and synsets, actors with dated codes, agents, the
 * codebook) on arbitrary files, then a few sentences coded with the result.
 *
 * Input: up to four parts separated by lines "@@"; they become the verbs,
 * actors, agents and codes files (missing parts are empty files). The first
 * byte's low bit names the verb file *.id.txt (taken as written) instead of
 * *.en.txt (English inflections generated). */
#include <stdlib.h>
#include <string.h>

#include "events/events.h"
#include "fuzz.h"

static const char *const probes[] = {
    "Israel attacked Hamas militants in Gaza on Tuesday.",
    "The minister said that Egypt will not mediate talks with Qatar.",
    "Polisi Indonesia menangkap tersangka di Jakarta.",
};

/* The next part of s (up to a "\n@@\n" line or the end); *s moves past it. */
static size_t part(const char **s, const char *end, const char **start)
{
    *start = *s;
    const char *p = *s;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        if (end - nl >= 4 && memcmp(nl, "\n@@\n", 4) == 0) {
            *s = nl + 4;
            return (size_t)(nl - *start);
        }
        p = nl + 1;
    }
    *s = end;
    return (size_t)(end - *start);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int id_verbs = data[0] & 1;
    const char *s = (const char *)data + 1, *end = (const char *)data + size, *p;
    static const char *const names[4][2] = {{"verbs.en.txt", "verbs.id.txt"},
                                            {"actors.txt", "actors.txt"},
                                            {"agents.txt", "agents.txt"},
                                            {"codes.tsv", "codes.tsv"}};
    char *paths[4];
    for (int i = 0; i < 4; i++) {
        size_t n = part(&s, end, &p);
        paths[i] = strdup(st_fuzz_write(names[i][id_verbs], p, n));
    }
    const char *verbs[] = {paths[0], NULL}, *actors[] = {paths[1], NULL},
               *agents[] = {paths[2], NULL};
    st_cameo_files f = {verbs, actors, agents, paths[3]};
    st_cameo *c = NULL;
    if (st_cameo_load(&f, &c, NULL, 0) == ST_OK && c) {
        for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
            st_cameo_events ev = {0};
            st_cameo_code_sentence(c, probes[i], strlen(probes[i]), 20240101, &ev);
            st_cameo_events_free(&ev);
        }
        double g;
        int q;
        const char *label;
        st_cameo_code_info(c, "190", &g, &q, &label);
        st_cameo_free(c);
    }
    for (int i = 0; i < 4; i++)
        free(paths[i]);
    return 0;
}
