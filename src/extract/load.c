/* load.c — reading the extractor's data files: gazetteers (data/gazetteer,
 * then the concept tables of data/aliases for their ids) and one folder of
 * word lists per language (data/lang/<code>/). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extract/ex_int.h"
#include "util/util.h"


/* Short all-capital aliases (US, AS, UN, PBB) are acronyms. */
static int is_acronym(const char *s)
{
    size_t letters = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= 'A' && *p <= 'Z')
            letters++;
        else if (*p != '.')
            return 0;
    }
    return letters >= 2 && letters <= 5;
}

/* Splits a line at tabs into up to 4 fields (in place). */
static int fields(char *line, char *f[4])
{
    int k = 0;
    f[k++] = line;
    for (char *p = line; *p && k < 4; p++) {
        if (*p == '\t') {
            *p = 0;
            f[k++] = p + 1;
        }
    }
    for (int i = 0; i < k; i++)
        st_trim(f[i]);
    return k;
}

static int numeric(const char *s, double *v)
{
    char *end = NULL;
    if (!s || !*s)
        return 0;
    *v = strtod(s, &end);
    return end && !*end;
}

/* Adds every |-separated phrase of `phrases` with entry e. */
static int put_phrases(ex_table *t, char *phrases, ex_entry e)
{
    char *save = NULL;
    for (char *ph = strtok_r(phrases, "|", &save); ph; ph = strtok_r(NULL, "|", &save)) {
        st_trim(ph);
        int words = 0;
        char *key = ex_phrase_key(ph, &words);
        if (!key)
            return ST_ENOMEM;
        e.acronym = is_acronym(ph) ? 1 : ex_upper_initial(ph) ? 2 : 0;
        int rc = ex_table_put(t, key, &e);
        free(key);
        if (rc != ST_OK)
            return rc;
    }
    return ST_OK;
}

typedef int (*line_fn)(char **f, int nf, void *ud);

static int each_line(const char *path, line_fn fn, void *ud, char *err, size_t errlen)
{
    char *text = st_read_file(path, NULL);
    if (!text)
        return ST_OK; /* optional file */
    int rc = ST_OK;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line && rc == ST_OK;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[4] = {0};
        if (line[0] == '#')
            continue;
        int nf = fields(line, f);
        if (!*f[0])
            continue;
        rc = fn(f, nf, ud);
    }
    free(text);
    if (rc != ST_OK)
        st_seterr(err, errlen, rc, "%s: cannot load", path);
    return rc;
}

static int table_line(char **f, int nf, void *ud)
{
    ex_entry e = {nf > 1 ? f[1] : NULL, nf > 2 ? f[2] : NULL, 0, 0, nf > 3 && *f[3]};
    if (!numeric(e.b, &e.v))
        numeric(e.a, &e.v);
    return put_phrases(ud, f[0], e);
}

int ex_load_table(const char *path, ex_table *t, char *err, size_t errlen)
{
    return each_line(path, table_line, t, err, errlen);
}

static long gaz_find(const st_extract *ex, const char *id)
{
    for (size_t i = 0; i < ex->ngents; i++)
        if (!strcmp(ex->gents[i].id, id))
            return (long)i;
    return -1;
}

/* ID <tab> type <tab> name|alias|...; the first line of an id names it.
 * Common terms and the alias tables' non-names (weekdays, months) are no
 * entities. */
static int gaz_line(char **f, int nf, void *ud)
{
    st_extract *ex = ud;
    if (nf < 3 || !strcmp(f[1], "term") || !strcmp(f[1], "notname"))
        return ST_OK;
    long gi = gaz_find(ex, f[0]);
    if (gi < 0) {
        ex_gaz_entry *g = realloc(ex->gents, (ex->ngents + 1) * sizeof *g);
        if (!g)
            return ST_ENOMEM;
        ex->gents = g;
        char *bar = strchr(f[2], '|');
        g[ex->ngents] = (ex_gaz_entry){st_strdup(f[0]), st_strdup(f[1]),
                                        st_strndup(f[2], bar ? (size_t)(bar - f[2]) : strlen(f[2]))};
        if (!g[ex->ngents].id || !g[ex->ngents].type || !g[ex->ngents].name)
            return ST_ENOMEM;
        gi = (long)ex->ngents++;
    }
    ex_entry e = {ex->gents[gi].type, ex->gents[gi].id, (double)gi, 0, 0};
    return put_phrases(&ex->gaz, f[2], e);
}

int ex_load_gazetteer(st_extract *ex, const char *path, char *err, size_t errlen)
{
    return each_line(path, gaz_line, ex, err, errlen);
}

/* Every *.tsv of dir, in name order so loading is deterministic. */
static int load_gaz_dir(st_extract *ex, const char *dir, char *err, size_t errlen)
{
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort), rc = ST_OK;
    for (int i = 0; i < n; i++) {
        const char *nm = names[i]->d_name;
        size_t l = strlen(nm);
        if (rc == ST_OK && l > 4 && !strcmp(nm + l - 4, ".tsv") && strcmp(nm, "nicknames.tsv")) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir, nm);
            rc = ex_load_gazetteer(ex, path, err, errlen);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

static int load_lang(st_extract *ex, const char *data, const char *code, char *err,
                     size_t errlen)
{
    ex_lang *ls = realloc(ex->langs, (ex->nlangs + 1) * sizeof *ls);
    if (!ls)
        return ST_ENOMEM;
    ex->langs = ls;
    ex_lang *L = &ls[ex->nlangs++];
    memset(L, 0, sizeof *L);
    size_t cl = strlen(code) < sizeof L->code ? strlen(code) : sizeof L->code - 1;
    memcpy(L->code, code, cl); /* callers pass codes shorter than 8 */
    struct {
        const char *file;
        ex_table *t;
    } files[] = {{"titles.tsv", &L->titles},   {"say.tsv", &L->say},
                 {"qualifiers.tsv", &L->quals}, {"units.tsv", &L->units},
                 {"numbers.tsv", &L->numbers}, {"dates.tsv", &L->dates},
                 {"sources.tsv", &L->sources}, {"names.tsv", &L->names},
                 {"open_units.tsv", &L->open}};
    char path[1024];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/lang/%s/%s", data, code, files[i].file);
        int rc = ex_load_table(path, files[i].t, err, errlen);
        if (rc != ST_OK)
            return rc;
        /* date words alone do not make a language the extractor can read */
        L->full |= files[i].t != &L->dates && files[i].t->n > 0;
    }
    if (!L->full)
        return ST_OK; /* dates only: its articles' other words are English's */
    snprintf(path, sizeof path, "%s/stopwords/%s.txt", data, code);
    return ex_load_table(path, &L->stop, err, errlen);
}

static int load_langs(st_extract *ex, const char *data, char *err, size_t errlen)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/lang", data);
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort), rc = ST_OK;
    for (int i = 0; i < n; i++) {
        const char *nm = names[i]->d_name;
        char sub[1400];
        struct stat sb;
        snprintf(sub, sizeof sub, "%.1023s/%.255s", dir, nm);
        if (rc == ST_OK && nm[0] != '.' && strlen(nm) < 8 && stat(sub, &sb) == 0 &&
            S_ISDIR(sb.st_mode))
            rc = load_lang(ex, data, nm, err, errlen);
        free(names[i]);
    }
    free(names);
    return rc;
}

static const ex_lang *lang_named(const st_extract *ex, const char *code)
{
    for (size_t i = 0; code && i < ex->nlangs; i++)
        if (!strcmp(ex->langs[i].code, code))
            return &ex->langs[i];
    return NULL;
}

const ex_lang *ex_lang_for(const st_extract *ex, const char *code)
{
    const ex_lang *L = lang_named(ex, code);
    if (L && L->full)
        return L;
    L = lang_named(ex, "en");
    return L ? L : ex->nlangs ? &ex->langs[0] : NULL;
}

const ex_table *ex_dates_for(const st_extract *ex, const char *code)
{
    const ex_lang *L = lang_named(ex, code);
    if (!L || !L->dates.n)
        L = ex_lang_for(ex, NULL);
    return L ? &L->dates : NULL;
}

int st_extract_load(const char *data_dir, st_extract **out, char *err, size_t errlen)
{
    *out = NULL;
    const char *data = data_dir ? data_dir : getenv("STORYTRACK_DATA");
    if (!data || !*data)
        data = ST_DATA_DIR;
    st_extract *ex = calloc(1, sizeof *ex);
    if (!ex)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    char path[1024];
    snprintf(path, sizeof path, "%s/gazetteer", data);
    int rc = load_gaz_dir(ex, path, err, errlen);
    snprintf(path, sizeof path, "%s/aliases", data);
    if (rc == ST_OK)
        rc = load_gaz_dir(ex, path, err, errlen);
    snprintf(path, sizeof path, "%s/gazetteer/nicknames.tsv", data);
    if (rc == ST_OK)
        rc = ex_load_table(path, &ex->nicknames, err, errlen);
    if (rc == ST_OK)
        rc = load_langs(ex, data, err, errlen);
    if (rc == ST_OK && (!ex->nlangs || !ex->ngents))
        rc = st_seterr(err, errlen, ST_EIO, "%s: no gazetteer or language data", data);
    if (rc != ST_OK) {
        st_extract_free(ex);
        return rc;
    }
    *out = ex;
    return ST_OK;
}

static void lang_free(ex_lang *L)
{
    ex_table_free(&L->titles);
    ex_table_free(&L->say);
    ex_table_free(&L->quals);
    ex_table_free(&L->units);
    ex_table_free(&L->numbers);
    ex_table_free(&L->dates);
    ex_table_free(&L->sources);
    ex_table_free(&L->names);
    ex_table_free(&L->open);
    ex_table_free(&L->stop);
}

void st_extract_free(st_extract *ex)
{
    if (!ex)
        return;
    ex_table_free(&ex->gaz);
    ex_table_free(&ex->nicknames);
    for (size_t i = 0; i < ex->ngents; i++) {
        free(ex->gents[i].id);
        free(ex->gents[i].type);
        free(ex->gents[i].name);
    }
    free(ex->gents);
    for (size_t i = 0; i < ex->nlangs; i++)
        lang_free(&ex->langs[i]);
    free(ex->langs);
    free(ex);
}
