/* eval.c — scores the coder on a PETRARCH validation file: each <Sentence>
 * with its <EventCoding> gold tuples and <Text> (the <Parse> is ignored), the
 * dictionaries named in <Environment>. Precision and recall of (source,
 * target, code), at full code and at root-code level. The files are not
 * well-formed XML (self-closed <Sentence .../> followed by content), so they
 * are scanned as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/dict.h"
#include "util/util.h"

typedef struct tuple {
    char s[32], t[32], code[8];
} tuple;

typedef struct score {
    size_t tp, pred, gold;
} score;


/* Value of attr="..." inside the tag [s, e) into out. */
static int attr(const char *s, const char *e, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    for (const char *p = s; p + nl + 2 < e; p++) {
        if (strncmp(p, name, nl) || p[nl] != '=' || p[nl + 1] != '"' || (p > s && p[-1] != ' '))
            continue;
        const char *v = p + nl + 2, *q = memchr(v, '"', (size_t)(e - v));
        if (!q)
            return 0;
        snprintf(out, cap, "%.*s", (int)(q - v), v);
        return 1;
    }
    return 0;
}

/* Text between <tag> and </tag> inside [s, e) into a malloc'd string. */
static char *element(const char *s, const char *e, const char *tag)
{
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(s, open);
    if (!a || a >= e)
        return NULL;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b || b > e)
        return NULL;
    return st_strndup(a, (size_t)(b - a));
}

/* Resolves a dictionary file name against the candidate folders. */
static char *find_dict(const char *const *dirs, const char *name)
{
    for (; *dirs; dirs++) {
        st_buf b = {0};
        st_buf_printf(&b, "%s/%s", *dirs, name);
        FILE *f = b.oom ? NULL : fopen(st_buf_cstr(&b), "r");
        if (f) {
            fclose(f);
            return st_buf_take(&b);
        }
        st_buf_free(&b);
    }
    return NULL;
}

/* Splits a comma list of file names from <tag> and resolves each. */
static int dict_list(const char *doc, const char *tag, const char *const *dirs, char **out,
                     int max, char *err, size_t errlen)
{
    char *v = element(doc, doc + strlen(doc), tag);
    int n = 0;
    if (!v)
        return 0;
    for (char *t = strtok(st_trim(v), ", \n\t"); t && n < max - 1; t = strtok(NULL, ", \n\t")) {
        out[n] = find_dict(dirs, t);
        if (!out[n]) {
            st_seterr(err, errlen, ST_EIO, "dictionary %s not found", t);
            free(v);
            return -1;
        }
        n++;
    }
    free(v);
    return n;
}

static void add_score(score *sc, const tuple *g, size_t ng, const tuple *p, size_t np, int root)
{
    size_t cl = root ? 2 : 8;
    char used[64] = {0};
    sc->gold += ng;
    sc->pred += np;
    for (size_t i = 0; i < np; i++)
        for (size_t j = 0; j < ng && j < 64; j++)
            if (!used[j] && !strcmp(p[i].s, g[j].s) && !strcmp(p[i].t, g[j].t) &&
                !strncmp(p[i].code, g[j].code, cl)) {
                used[j] = 1;
                sc->tp++;
                break;
            }
}

static void put_score(st_buf *b, const char *name, const score *sc)
{
    double p = sc->pred ? (double)sc->tp / (double)sc->pred : 0.0;
    double r = sc->gold ? (double)sc->tp / (double)sc->gold : 0.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    st_buf_printf(b, "\"%s\":{\"tp\":%zu,\"predicted\":%zu,\"gold\":%zu,\"precision\":%.4f,"
                     "\"recall\":%.4f,\"f1\":%.4f}",
                  name, sc->tp, sc->pred, sc->gold, p, r, f);
}

/* Codes every sentence and accumulates the scores. */
static int run_sentences(const st_cameo *c, const char *doc, score *full, score *root,
                         size_t *nsent, int verbose)
{
    const char *p = strstr(doc, "<Sentences>");
    p = p ? p : doc;
    while ((p = strstr(p, "<Sentence "))) {
        const char *tag_end = strchr(p, '>');
        const char *next = strstr(p + 1, "<Sentence ");
        const char *end = next ? next : p + strlen(p);
        if (!tag_end)
            break;
        char date[16] = "", id[64] = "";
        attr(p, tag_end, "date", date, sizeof date);
        attr(p, tag_end, "id", id, sizeof id);
        tuple gold[64], pred[64];
        size_t ng = 0, np = 0;
        int have = 0;
        for (const char *q = strstr(p, "<EventCoding"); q && q < end; q = strstr(q + 1, "<EventCoding")) {
            const char *qe = strchr(q, '>');
            if (!qe || qe > end)
                break;
            have = 1;
            tuple t;
            if (ng < 64 && attr(q, qe, "eventcode", t.code, sizeof t.code) &&
                attr(q, qe, "sourcecode", t.s, sizeof t.s) &&
                attr(q, qe, "targetcode", t.t, sizeof t.t))
                gold[ng++] = t;
        }
        char *text = have ? element(p, end, "Text") : NULL;
        if (text) {
            st_squeeze_space(text);
            st_trim(text);
            int d = atoi(date);
            if (d > 0 && d < 1000000)
                d += d / 10000 < 30 ? 20000000 : 19000000;
            st_cameo_events ev = {0};
            if (st_cameo_code_sentence(c, text, strlen(text), d, &ev) != ST_OK) {
                free(text);
                st_cameo_events_free(&ev);
                return ST_ENOMEM;
            }
            for (size_t i = 0; i < ev.n && np < 64; i++) {
                if (ev.v[i].negated)
                    continue;
                snprintf(pred[np].s, sizeof pred[np].s, "%s", ev.v[i].source);
                snprintf(pred[np].t, sizeof pred[np].t, "%s", ev.v[i].target);
                snprintf(pred[np].code, sizeof pred[np].code, "%s", ev.v[i].code);
                np++;
            }
            if (verbose) {
                fprintf(stderr, "%s: %s\n  gold:", id, text);
                for (size_t i = 0; i < ng; i++)
                    fprintf(stderr, " %s-%s-%s", gold[i].s, gold[i].code, gold[i].t);
                fprintf(stderr, "\n  got: ");
                for (size_t i = 0; i < ev.n; i++)
                    fprintf(stderr, " %s-%s-%s%s(%s)", ev.v[i].source, ev.v[i].code,
                            ev.v[i].target, ev.v[i].negated ? "[neg]" : "", ev.v[i].verb);
                fprintf(stderr, "\n");
            }
            add_score(full, gold, ng, pred, np, 0);
            add_score(root, gold, ng, pred, np, 1);
            (*nsent)++;
            st_cameo_events_free(&ev);
            free(text);
        }
        p = end;
    }
    return ST_OK;
}

int st_events_eval_file(const char *path, const char *dict_dir, char **json_out, char *err,
                        size_t errlen)
{
    *json_out = NULL;
    char *doc = st_read_file(path, NULL);
    if (!doc)
        return st_seterr(err, errlen, ST_EIO, "cannot read %s", path);
    /* Dictionaries: the named folder, else next to the file, else PETRARCH2's
     * layout (text/ or universalpetrarch/ beside petrarch2/dictionaries/). */
    char *dir = st_strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
    if (dir) {
        if (slash)
            *slash = 0;
        else
            strcpy(dir, ".");
    }
    st_buf d1 = {0}, d2 = {0}, d3 = {0};
    st_buf_printf(&d1, "%s/../dictionaries", dir ? dir : ".");
    st_buf_printf(&d2, "%s/../petrarch2/dictionaries", dir ? dir : ".");
    st_buf_printf(&d3, "%s", dir ? dir : ".");
    const char *dirs[] = {dict_dir ? dict_dir : st_buf_cstr(&d1), st_buf_cstr(&d1),
                          st_buf_cstr(&d2), st_buf_cstr(&d3), NULL};
    char *verbs[8] = {0}, *actors[8] = {0}, *agents[8] = {0};
    int rc = ST_OK;
    if (dict_list(doc, "Verbfile", dirs, verbs, 8, err, errlen) <= 0 ||
        dict_list(doc, "Actorfile", dirs, actors, 8, err, errlen) <= 0 ||
        dict_list(doc, "Agentfile", dirs, agents, 8, err, errlen) < 0) {
        rc = ST_EIO;
        if (err && !*err)
            st_seterr(err, errlen, rc, "%s names no dictionaries", path);
    }
    st_cameo *c = NULL;
    if (rc == ST_OK) {
        st_cameo_files f = {(const char *const *)verbs, (const char *const *)actors,
                            (const char *const *)agents, NULL};
        rc = st_cameo_load(&f, &c, err, errlen);
    }
    score full = {0}, root = {0};
    size_t nsent = 0;
    if (rc == ST_OK)
        rc = run_sentences(c, doc, &full, &root, &nsent, getenv("ST_EVAL_VERBOSE") != NULL);
    if (rc == ST_OK) {
        st_buf b = {0};
        st_buf_puts(&b, "{\"file\":");
        st_buf_json_str(&b, path);
        st_buf_printf(&b, ",\"sentences\":%zu,", nsent);
        put_score(&b, "full", &full);
        st_buf_putc(&b, ',');
        put_score(&b, "root", &root);
        st_buf_putc(&b, '}');
        if (b.oom) {
            st_buf_free(&b);
            rc = ST_ENOMEM;
        } else {
            *json_out = st_buf_take(&b);
        }
    }
    st_cameo_free(c);
    for (int i = 0; i < 8; i++) {
        free(verbs[i]);
        free(actors[i]);
        free(agents[i]);
    }
    st_buf_free(&d1);
    st_buf_free(&d2);
    st_buf_free(&d3);
    free(dir);
    free(doc);
    return rc;
}
