/* cameo.c — loading and freeing the coder's resources; the codebook. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/dict.h"
#include "util/util.h"

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

int st_cameo_load(const st_cameo_files *f, st_cameo **out, char *err, size_t errlen)
{
    *out = NULL;
    st_cameo *c = calloc(1, sizeof *c);
    if (!c)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    int rc = ST_OK;
    for (const char *const *p = f->verbs; rc == ST_OK && p && *p; p++)
        rc = ev_load_verbs(c, *p, !ends_with(*p, ".id.txt"), err, errlen);
    for (const char *const *p = f->actors; rc == ST_OK && p && *p; p++)
        rc = ev_load_actors(c, *p, err, errlen);
    for (const char *const *p = f->agents; rc == ST_OK && p && *p; p++)
        rc = ev_load_agents(c, *p, err, errlen);
    if (rc == ST_OK && f->codes)
        rc = ev_load_codes(c, f->codes, err, errlen);
    if (rc) {
        st_cameo_free(c);
        return rc;
    }
    *out = c;
    return ST_OK;
}

static void free_index(ev_index *x)
{
    ev_map_free(&x->first);
    free(x->v);
}

void st_cameo_free(st_cameo *c)
{
    if (!c)
        return;
    free_index(&c->actors);
    free_index(&c->agents);
    free_index(&c->verbs);
    free_index(&c->synphrases);
    ev_map_free(&c->synsets);
    ev_map_free(&c->infomap);
    free(c->groups);
    free(c->codes);
    free(c->agentv);
    free(c->blocks);
    free(c->patterns);
    free(c->verbv);
    free(c->info);
    ev_arena_free(&c->arena);
    free(c);
}

int st_cameo_load_default(const char *data_dir, st_cameo **out, char *err, size_t errlen)
{
    if (!data_dir)
        data_dir = getenv("STORYTRACK_DATA");
    if (!data_dir)
        data_dir = ST_DATA_DIR;
    static const char *const verbs[] = {"verbs.en.txt", "verbs.en.extra.txt", "verbs.id.txt", NULL};
    static const char *const actors[] = {"actors.countries.txt", "actors.international.txt",
                                         "actors.nonstate.txt", "actors.extra.txt", NULL};
    static const char *const agents[] = {"agents.txt", "agents.extra.txt", NULL};
    char *pv[4] = {0}, *pa[5] = {0}, *pg[3] = {0}, *codes = NULL;
    st_buf b = {0};
    int rc = ST_ENOMEM;
#define PATH(dst, name)                                          \
    do {                                                         \
        st_buf_reset(&b);                                        \
        st_buf_printf(&b, "%s/cameo/%s", data_dir, name);        \
        if (b.oom || !((dst) = st_strdup(st_buf_cstr(&b))))      \
            goto done;                                           \
    } while (0)
    for (int i = 0; verbs[i]; i++)
        PATH(pv[i], verbs[i]);
    for (int i = 0; actors[i]; i++)
        PATH(pa[i], actors[i]);
    for (int i = 0; agents[i]; i++)
        PATH(pg[i], agents[i]);
    PATH(codes, "codes.tsv");
#undef PATH
    st_cameo_files f = {(const char *const *)pv, (const char *const *)pa,
                        (const char *const *)pg, codes};
    rc = st_cameo_load(&f, out, err, errlen);
done:
    for (int i = 0; i < 4; i++)
        free(pv[i]);
    for (int i = 0; i < 5; i++)
        free(pa[i]);
    for (int i = 0; i < 3; i++)
        free(pg[i]);
    free(codes);
    st_buf_free(&b);
    if (rc == ST_ENOMEM)
        st_seterr(err, errlen, rc, "out of memory");
    return rc;
}

int st_cameo_quad_of_root(int root)
{
    if (root >= 1 && root <= 5)
        return 1;
    if (root >= 6 && root <= 9)
        return 2;
    if (root >= 10 && root <= 14)
        return 3;
    if (root >= 15 && root <= 20)
        return 4;
    return 0;
}

int st_cameo_code_info(const st_cameo *c, const char *code, double *goldstein, int *quad,
                       const char **label)
{
    size_t n = code ? strlen(code) : 0;
    if (n < 2)
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (quad)
        *quad = st_cameo_quad_of_root(root);
    /* Unknown sub-codes fall back to their parent (0231 -> 023 -> 02). */
    for (size_t k = n; k >= 2; k--) {
        int i = ev_map_get(&c->infomap, code, k);
        if (i >= 0) {
            if (goldstein)
                *goldstein = c->info[i].goldstein;
            if (label)
                *label = c->info[i].label;
            return 1;
        }
    }
    return 0;
}
