/* stopwords.c — per-language stopword sets loaded from <data>/stopwords/<lang>.txt.
 * Each file line is folded like a token, so the lists may be written in any
 * case or normalisation form and still match folded tokens. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text_int.h"
#include "util/util.h"

static uint64_t word_hash(const char *w, size_t n)
{
    uint64_t h = st_hash64(w, n);
    return h ? h : 1; /* 0 marks an empty slot */
}

int st_wordset_has(const st_wordset *ws, const char *w, size_t n)
{
    if (!ws->cap)
        return 0;
    uint64_t h = word_hash(w, n);
    for (size_t i = h & (ws->cap - 1);; i = (i + 1) & (ws->cap - 1)) {
        if (ws->hashes[i] == 0)
            return 0;
        if (ws->hashes[i] == h) {
            const char *s = ws->arena + ws->offs[i];
            if (strncmp(s, w, n) == 0 && s[n] == '\0')
                return 1;
        }
    }
}

void st_wordset_free(st_wordset *ws)
{
    free(ws->hashes);
    free(ws->offs);
    free(ws->arena);
    memset(ws, 0, sizeof *ws);
}

/* Inserts the word at arena[off] (already in the arena). */
static void wordset_put(st_wordset *ws, uint32_t off, size_t n)
{
    const char *w = ws->arena + off;
    if (st_wordset_has(ws, w, n))
        return;
    uint64_t h = word_hash(w, n);
    size_t i = h & (ws->cap - 1);
    while (ws->hashes[i])
        i = (i + 1) & (ws->cap - 1);
    ws->hashes[i] = h;
    ws->offs[i] = off;
    ws->count++;
}

/* Folds each line of the file into the arena, then indexes the arena. */
int st_wordset_load(st_wordset *ws, const char *path)
{
    size_t len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ST_EIO;
    st_buf raw = {0}, arena = {0};
    char chunk[4096];
    while ((len = fread(chunk, 1, sizeof chunk, f)) > 0)
        st_buf_append(&raw, chunk, len);
    fclose(f);
    size_t lines = 0;
    const char *s = st_buf_cstr(&raw);
    for (const char *p = s; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *next = p + n; /* before trimming: a blank last line must still end the loop */
        while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        if (n && p[0] != '#') {
            char folded[256];
            st_token tok = {(size_t)(p - s), n, ST_TOK_WORD};
            size_t k = st_token_fold(s, &tok, folded, sizeof folded);
            st_buf_append(&arena, folded, k + 1); /* with its NUL */
            lines++;
        }
        p = e ? e + 1 : next;
    }
    st_buf_free(&raw);
    if (arena.oom) {
        st_buf_free(&arena);
        return ST_ENOMEM;
    }
    ws->cap = 16;
    while (ws->cap < lines * 2)
        ws->cap *= 2;
    ws->hashes = calloc(ws->cap, sizeof *ws->hashes);
    ws->offs = calloc(ws->cap, sizeof *ws->offs);
    ws->arena = arena.s;
    ws->arena_len = arena.len;
    if (!ws->hashes || !ws->offs) {
        st_wordset_free(ws);
        return ST_ENOMEM;
    }
    for (size_t off = 0; off < ws->arena_len;) {
        size_t n = strlen(ws->arena + off);
        wordset_put(ws, (uint32_t)off, n);
        off += n + 1;
    }
    return ST_OK;
}

/* "en.txt" -> "en"; 0 for files that are not a language list. */
static int lang_of_file(const char *name, char lang[8])
{
    size_t n = strlen(name);
    if (n < 6 || n > 7 + 4 || strcmp(name + n - 4, ".txt") != 0)
        return 0;
    for (size_t i = 0; i < n - 4; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || c == '-'))
            return 0;
        lang[i] = c;
    }
    lang[n - 4] = '\0';
    return 1;
}

int st_wordlists_each(const st_text *t, const char *sub, st_wordlist_fn fn, void *ud, char *err,
                      size_t errlen)
{
    st_buf dir = {0};
    st_buf_printf(&dir, "%s/%s", t->data_dir, sub);
    DIR *d = opendir(st_buf_cstr(&dir));
    if (!d) {
        int rc = st_seterr(err, errlen, ST_EIO, "cannot open %s", st_buf_cstr(&dir));
        st_buf_free(&dir);
        return rc;
    }
    int rc = ST_OK;
    struct dirent *de;
    while (rc == ST_OK && (de = readdir(d)) != NULL) {
        char lang[8];
        if (!lang_of_file(de->d_name, lang))
            continue;
        st_wordset ws = {0};
        st_buf path = {0};
        st_buf_printf(&path, "%s/%s", st_buf_cstr(&dir), de->d_name);
        rc = path.oom ? ST_ENOMEM : st_wordset_load(&ws, st_buf_cstr(&path));
        if (rc == ST_OK)
            rc = fn(ud, lang, &ws); /* takes ws */
        else
            st_wordset_free(&ws);
        if (rc != ST_OK)
            st_seterr(err, errlen, rc, "cannot load %s", st_buf_cstr(&path));
        st_buf_free(&path);
    }
    closedir(d);
    st_buf_free(&dir);
    return rc;
}

static int add_stoplist(void *ud, const char *lang, st_wordset *ws)
{
    st_text *t = ud;
    st_stoplist *nv = realloc(t->stops, (t->nstops + 1) * sizeof *nv);
    if (!nv) {
        st_wordset_free(ws);
        return ST_ENOMEM;
    }
    t->stops = nv;
    st_stoplist *sl = &t->stops[t->nstops++];
    memset(sl, 0, sizeof *sl);
    strcpy(sl->lang, lang);
    sl->set = *ws;
    return ST_OK;
}

int st_stoplists_load(st_text *t, char *err, size_t errlen)
{
    return st_wordlists_each(t, "stopwords", add_stoplist, t, err, errlen);
}

void st_stoplists_free(st_text *t)
{
    for (size_t i = 0; i < t->nstops; i++)
        st_wordset_free(&t->stops[i].set);
    free(t->stops);
    t->stops = NULL;
    t->nstops = 0;
    t->last_stop = NULL;
}

static const st_stoplist *find_list(const st_text *t, const char *lang)
{
    if (t->last_stop && strcmp(t->last_stop->lang, lang) == 0)
        return t->last_stop;
    for (size_t i = 0; i < t->nstops; i++)
        if (strcmp(t->stops[i].lang, lang) == 0) {
            ((st_text *)t)->last_stop = &t->stops[i]; /* a cache, not a state change */
            return &t->stops[i];
        }
    return NULL;
}

int st_stopword(const st_text *t, const char *lang, const char *w, size_t n)
{
    if (!t || !lang)
        return 0;
    const st_stoplist *sl = find_list(t, lang);
    return sl ? st_wordset_has(&sl->set, w, n) : 0;
}
