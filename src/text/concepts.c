/* concepts.c — alias tables and the longest-phrase matcher (see concepts.h). */
#include "text/concepts.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

#define MAX_PHRASE_WORDS 6
#define MAX_VARIANTS 3
#define FOLD_CAP 128 /* longer words are not names or aliases */

typedef struct concept {
    char *id, *name;
    st_concept_type type;
} concept;

/* One alias phrase in the open-addressing table, keyed by the phrase hash. */
typedef struct slot {
    uint64_t key; /* 0 = empty */
    int32_t concept;
    uint8_t nwords;
    uint8_t acronym; /* matches only words written in capitals */
    uint8_t prefix;  /* the first words of a longer alias; nwords 0 when only that */
} slot;

struct st_concepts {
    concept *cs;
    size_t n, cap;
    slot *tab;
    size_t tab_cap, tab_used; /* tab_cap is a power of two */
    int max_words;
};

/* A word of the scanned text. */
typedef struct word {
    size_t off, len;   /* in the source */
    size_t foff, flen; /* folded form in the scratch buffer */
    uint64_t h;
    uint64_t var[MAX_VARIANTS]; /* hashes of the word minus an inflection suffix */
    uint8_t nvar, upper, cap, sent_start;
} word;

/* ------------------------------------------------------------ hashing */

static uint64_t phrase_step(uint64_t h, uint64_t wh)
{
    return st_mix64(h * 0x100000001b3ULL + wh);
}

#define PHRASE_SEED 0x5bd1e9955bd1e995ULL

/* ------------------------------------------------------------ tokenizer */

/* utf8proc's category, without its table walk for ASCII (most of the text
 * scanned): ASCII other than letters and digits is never part of a word, so
 * it answers "unassigned", which no word test accepts. */
static utf8proc_category_t category_of(utf8proc_int32_t cp)
{
    if (cp >= 0x80) return utf8proc_category(cp);
    if (cp >= 'a' && cp <= 'z') return UTF8PROC_CATEGORY_LL;
    if (cp >= 'A' && cp <= 'Z') return UTF8PROC_CATEGORY_LU;
    if (cp >= '0' && cp <= '9') return UTF8PROC_CATEGORY_ND;
    return UTF8PROC_CATEGORY_CN;
}

static int is_word_cp(utf8proc_int32_t cp)
{
    utf8proc_category_t c = category_of(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

/* The code point at s[0..n) and its length (<= 0: invalid), ASCII inline. */
static utf8proc_ssize_t next_cp(const char *s, size_t n, utf8proc_int32_t *cp)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    return utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cp);
}

/* Folds s[0..n) (lower case, no accents) onto b. */
static int fold_append(st_buf *b, const char *s, size_t n)
{
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) ascii = 0;
    if (ascii) {
        if (st_buf_reserve(b, n) != ST_OK) return ST_ENOMEM;
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            b->s[b->len++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        b->s[b->len] = 0;
        return ST_OK;
    }
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
                                      UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
                                          UTF8PROC_STABLE);
    if (m < 0) return st_buf_append(b, s, n); /* invalid input: keep the bytes */
    int rc = st_buf_append(b, (const char *)dst, (size_t)m);
    free(dst);
    return rc;
}

static const struct { const char *s; size_t n; } SUFFIXES[] = {
    {"nya", 3}, {"es", 2}, {"s", 1}, {"en", 2}, {"n", 1}};

static int ends_with(const char *f, size_t n, const char *suf, size_t sl)
{
    if (n < sl + 3) return 0;
    for (size_t i = 1; i <= sl; i++)
        if (f[n - i] != suf[sl - i]) return 0;
    return 1;
}

static void word_variants(word *w, const char *f)
{
    w->nvar = 0;
    for (size_t k = 0; k < sizeof SUFFIXES / sizeof *SUFFIXES && w->nvar < MAX_VARIANTS; k++)
        if (ends_with(f, w->flen, SUFFIXES[k].s, SUFFIXES[k].n))
            w->var[w->nvar++] = st_hash64(f, w->flen - SUFFIXES[k].n);
}

/* Splits s into words; *words and fb are filled (caller frees both). */
static int tokenize(const char *s, size_t n, word **words, size_t *nw, st_buf *fb)
{
    size_t cap = 0, cnt = 0, i = 0;
    word *ws = NULL;
    int sent_next = 1;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = next_cp(s + i, n - i, &cp);
        if (k <= 0) { i++; continue; }
        if (!is_word_cp(cp)) {
            if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':') sent_next = 1;
            i += (size_t)k;
            continue;
        }
        size_t start = i;
        int upper = 1, has_upper = 0, cap_first = 0, first = 1;
        while (i < n) {
            k = next_cp(s + i, n - i, &cp);
            if (k <= 0) break;
            utf8proc_category_t c = category_of(cp);
            if (c < UTF8PROC_CATEGORY_LU || c > UTF8PROC_CATEGORY_NO) break;
            if (c == UTF8PROC_CATEGORY_LL) upper = 0;
            if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT) {
                has_upper = 1;
                if (first) cap_first = 1;
            }
            first = 0;
            i += (size_t)k;
        }
        if (i - start > FOLD_CAP) { sent_next = 0; continue; }
        if (st_grow(&ws, &cap, cnt + 1, sizeof *ws, 64) != ST_OK) { free(ws); return ST_ENOMEM; }
        word *w = &ws[cnt++];
        w->off = start;
        w->len = i - start;
        w->foff = fb->len;
        if (fold_append(fb, s + start, w->len) != ST_OK) { free(ws); return ST_ENOMEM; }
        w->flen = fb->len - w->foff;
        w->upper = (uint8_t)(upper && has_upper);
        w->cap = (uint8_t)cap_first;
        w->sent_start = (uint8_t)sent_next;
        sent_next = 0;
        if (st_buf_putc(fb, 0) != ST_OK) { free(ws); return ST_ENOMEM; }
    }
    /* Hashes once the buffer stops moving. */
    for (size_t j = 0; j < cnt; j++) {
        const char *f = fb->s + ws[j].foff;
        ws[j].h = st_hash64(f, ws[j].flen);
        word_variants(&ws[j], f);
    }
    *words = ws;
    *nw = cnt;
    return ST_OK;
}

/* ------------------------------------------------------------ table */

static slot *tab_find(const st_concepts *cs, uint64_t key)
{
    if (!cs->tab_cap) return NULL;
    if (!key) key = 1;
    size_t m = cs->tab_cap - 1;
    for (size_t i = (size_t)key & m;; i = (i + 1) & m) {
        if (cs->tab[i].key == key) return &cs->tab[i];
        if (!cs->tab[i].key) return NULL;
    }
}

static int tab_grow(st_concepts *cs)
{
    size_t nc = cs->tab_cap ? cs->tab_cap * 2 : 1024;
    slot *nt = calloc(nc, sizeof *nt);
    if (!nt) return ST_ENOMEM;
    for (size_t i = 0; i < cs->tab_cap; i++) {
        if (!cs->tab[i].key) continue;
        size_t j = (size_t)cs->tab[i].key & (nc - 1);
        while (nt[j].key) j = (j + 1) & (nc - 1);
        nt[j] = cs->tab[i];
    }
    free(cs->tab);
    cs->tab = nt;
    cs->tab_cap = nc;
    return ST_OK;
}

/* The slot of key, inserted empty (no alias, not a prefix) when missing. */
static slot *tab_slot(st_concepts *cs, uint64_t key)
{
    if (!key) key = 1;
    slot *sl = tab_find(cs, key);
    if (sl) return sl;
    if ((cs->tab_used + 1) * 2 > cs->tab_cap && tab_grow(cs) != ST_OK) return NULL;
    size_t m = cs->tab_cap - 1, i = (size_t)key & m;
    while (cs->tab[i].key) i = (i + 1) & m;
    cs->tab[i] = (slot){key, -1, 0, 0, 0};
    cs->tab_used++;
    return &cs->tab[i];
}

/* First alias wins when two concepts share one (deterministic: file order). */
static int tab_put(st_concepts *cs, uint64_t key, int32_t concept_ix, int nwords, int acronym)
{
    slot *sl = tab_slot(cs, key);
    if (!sl) return ST_ENOMEM;
    if (sl->nwords) return ST_OK;
    sl->concept = concept_ix;
    sl->nwords = (uint8_t)nwords;
    sl->acronym = (uint8_t)acronym;
    if (nwords > cs->max_words) cs->max_words = nwords;
    return ST_OK;
}

/* The alias whose phrase hash is key, or NULL (prefix-only slots are not aliases). */
static const slot *alias_find(const st_concepts *cs, uint64_t key)
{
    const slot *sl = tab_find(cs, key);
    return sl && sl->nwords ? sl : NULL;
}

static int is_acronym(const char *a)
{
    int letters = 0;
    for (const unsigned char *p = (const unsigned char *)a; *p; p++) {
        if (*p >= 'a' && *p <= 'z') return 0;
        if (*p >= 0x80) return 0; /* non-ASCII aliases are never acronyms here */
        if (*p >= 'A' && *p <= 'Z') letters++;
    }
    return letters >= 2 && letters <= 5;
}

static int add_alias(st_concepts *cs, int32_t ix, const char *alias, size_t n)
{
    word *ws = NULL;
    size_t nw = 0;
    st_buf fb = {0};
    char *a = st_strndup(alias, n);
    if (!a) return ST_ENOMEM;
    int rc = tokenize(a, n, &ws, &nw, &fb);
    if (rc == ST_OK && nw > 0 && nw <= MAX_PHRASE_WORDS) {
        uint64_t h = PHRASE_SEED;
        for (size_t i = 0; i < nw && rc == ST_OK; i++) {
            h = phrase_step(h, ws[i].h);
            if (i + 1 == nw) break;
            slot *sl = tab_slot(cs, h); /* scanning extends a phrase only along these */
            if (sl) sl->prefix = 1;
            else rc = ST_ENOMEM;
        }
        if (rc == ST_OK) rc = tab_put(cs, h, ix, (int)nw, is_acronym(a));
    }
    free(ws);
    st_buf_free(&fb);
    free(a);
    return rc;
}

static st_concept_type parse_type(const char *t, size_t n)
{
    if (n == 5 && !memcmp(t, "place", 5)) return ST_CONCEPT_PLACE;
    if (n == 3 && !memcmp(t, "org", 3)) return ST_CONCEPT_ORG;
    if (n == 6 && !memcmp(t, "person", 6)) return ST_CONCEPT_PERSON;
    if (n == 4 && !memcmp(t, "term", 4)) return ST_CONCEPT_TERM;
    if (n == 7 && !memcmp(t, "notname", 7)) return ST_CONCEPT_NOTNAME;
    return 0;
}

static int add_concept(st_concepts *cs, const char *id, size_t idn, st_concept_type type,
                       const char *aliases, size_t an)
{
    if (st_grow(&cs->cs, &cs->cap, cs->n + 1, sizeof *cs->cs, 256) != ST_OK) return ST_ENOMEM;
    concept *c = &cs->cs[cs->n];
    const char *bar = memchr(aliases, '|', an);
    c->id = st_strndup(id, idn);
    c->name = st_strndup(aliases, bar ? (size_t)(bar - aliases) : an);
    c->type = type;
    if (!c->id || !c->name) { free(c->id); free(c->name); return ST_ENOMEM; }
    int32_t ix = (int32_t)cs->n++;
    int rc;
    for (const char *p = aliases, *end = aliases + an; p < end;) {
        const char *q = memchr(p, '|', (size_t)(end - p));
        if (!q) q = end;
        if (q > p && (rc = add_alias(cs, ix, p, (size_t)(q - p))) != ST_OK) return rc;
        p = q + 1;
    }
    return ST_OK;
}

static int parse_line(st_concepts *cs, const char *l, size_t n, char *err, size_t errlen,
                      const char *where, size_t lineno)
{
    while (n && (l[n - 1] == '\r' || l[n - 1] == ' ')) n--;
    if (!n || l[0] == '#') return ST_OK;
    const char *t1 = memchr(l, '\t', n);
    const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(l + n - t1 - 1)) : NULL;
    st_concept_type type = t2 ? parse_type(t1 + 1, (size_t)(t2 - t1 - 1)) : 0;
    if (!type)
        return st_seterr(err, errlen, ST_EINPUT, "%s:%zu: expected ID<TAB>type<TAB>aliases",
                         where, lineno);
    return add_concept(cs, l, (size_t)(t1 - l), type, t2 + 1, (size_t)(l + n - t2 - 1));
}

static int parse_text(st_concepts *cs, const char *txt, const char *where, char *err,
                      size_t errlen)
{
    size_t lineno = 0;
    for (const char *p = txt; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int rc = parse_line(cs, p, n, err, errlen, where, ++lineno);
        if (rc != ST_OK) return rc;
        p += n + (e ? 1 : 0);
    }
    return ST_OK;
}

int st_concepts_load_text(const char *tsv, st_concepts **out, char *err, size_t errlen)
{
    st_concepts *cs = calloc(1, sizeof *cs);
    if (!cs) return ST_ENOMEM;
    int rc = parse_text(cs, tsv, "text", err, errlen);
    if (rc != ST_OK) { st_concepts_free(cs); return rc; }
    *out = cs;
    return ST_OK;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    st_buf b = {0};
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) st_buf_append(&b, chunk, k);
    fclose(f);
    if (b.oom) { st_buf_free(&b); return NULL; }
    st_buf_cstr(&b);
    return b.s ? st_buf_take(&b) : st_strdup("");
}

static int tsv_filter(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return n > 4 && !strcmp(d->d_name + n - 4, ".tsv");
}

int st_concepts_load(const char *dir, st_concepts **out, char *err, size_t errlen)
{
    char def[1024];
    if (!dir) {
        const char *env = getenv("STORYTRACK_DATA");
        snprintf(def, sizeof def, "%s/aliases", env && *env ? env : ST_DATA_DIR);
        dir = def;
    }
    struct dirent **names = NULL;
    int nn = scandir(dir, &names, tsv_filter, alphasort); /* sorted: stable concept ids */
    if (nn < 0) return st_seterr(err, errlen, ST_EIO, "cannot read alias folder %s", dir);
    st_concepts *cs = calloc(1, sizeof *cs);
    int rc = cs ? ST_OK : ST_ENOMEM;
    for (int i = 0; i < nn; i++) {
        if (rc == ST_OK) {
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
            char *txt = read_all(path);
            rc = txt ? parse_text(cs, txt, path, err, errlen)
                     : st_seterr(err, errlen, ST_EIO, "cannot read %s", path);
            free(txt);
        }
        free(names[i]);
    }
    free(names);
    if (rc != ST_OK) { st_concepts_free(cs); return rc; }
    *out = cs;
    return ST_OK;
}

void st_concepts_free(st_concepts *cs)
{
    if (!cs) return;
    for (size_t i = 0; i < cs->n; i++) { free(cs->cs[i].id); free(cs->cs[i].name); }
    free(cs->cs);
    free(cs->tab);
    free(cs);
}

size_t st_concepts_count(const st_concepts *cs) { return cs ? cs->n : 0; }

const char *st_concept_id(const st_concepts *cs, int32_t c)
{
    return (c >= 0 && (size_t)c < cs->n) ? cs->cs[c].id : NULL;
}

const char *st_concept_name(const st_concepts *cs, int32_t c)
{
    return (c >= 0 && (size_t)c < cs->n) ? cs->cs[c].name : NULL;
}

st_concept_type st_concept_type_of(const st_concepts *cs, int32_t c)
{
    return (c >= 0 && (size_t)c < cs->n) ? cs->cs[c].type : ST_CONCEPT_NAME;
}

int32_t st_concept_find(const st_concepts *cs, const char *id)
{
    for (size_t i = 0; i < cs->n; i++)
        if (!strcmp(cs->cs[i].id, id)) return (int32_t)i;
    return -1;
}

/* ------------------------------------------------------------ scanning */

static int all_upper(const word *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!w[i].upper) return 0;
    return 1;
}

/* The slot of the longest phrase starting at ws[0], or NULL. */
static const slot *longest_match(const st_concepts *cs, const word *ws, size_t avail)
{
    uint64_t pre[MAX_PHRASE_WORDS + 1];
    size_t maxl = avail < (size_t)cs->max_words ? avail : (size_t)cs->max_words;
    pre[0] = PHRASE_SEED;
    /* A phrase of l words starts with l - 1 words that are some alias's
     * prefix: stop extending at the first that is not. */
    size_t reach = 0;
    while (reach < maxl) {
        pre[reach + 1] = phrase_step(pre[reach], ws[reach].h);
        reach++;
        const slot *p = tab_find(cs, pre[reach]);
        if (!p || !p->prefix) break;
    }
    for (size_t l = reach; l >= 1; l--) {
        const slot *sl = alias_find(cs, pre[l]);
        for (size_t v = 0; !sl && v < ws[l - 1].nvar; v++)
            sl = alias_find(cs, phrase_step(pre[l - 1], ws[l - 1].var[v]));
        if (sl && sl->nwords == l && (!sl->acronym || all_upper(ws, l))) return sl;
    }
    return NULL;
}

static int is_name(const word *w, const char *f)
{
    if (!w->cap || w->sent_start || w->flen < 3) return 0;
    for (size_t i = 0; i < w->flen; i++)
        if (f[i] < '0' || f[i] > '9') return 1;
    return 0;
}

int st_concepts_scan(const st_concepts *cs, const char *s, size_t n, unsigned flags,
                     st_concept_fn fn, void *ud)
{
    word *ws = NULL;
    size_t nw = 0;
    st_buf fb = {0};
    int rc = tokenize(s, n, &ws, &nw, &fb);
    for (size_t i = 0; rc == ST_OK && i < nw;) {
        const slot *sl = longest_match(cs, ws + i, nw - i);
        st_concept_hit h;
        if (sl && cs->cs[sl->concept].type == ST_CONCEPT_NOTNAME) {
            i += sl->nwords;
            continue;
        }
        if (sl) {
            const word *last = &ws[i + sl->nwords - 1];
            h = (st_concept_hit){ws[i].off, last->off + last->len - ws[i].off, sl->concept,
                                 cs->cs[sl->concept].type, cs->cs[sl->concept].id,
                                 strlen(cs->cs[sl->concept].id)};
            rc = fn(&h, ud);
            i += sl->nwords;
            continue;
        }
        const char *f = fb.s + ws[i].foff;
        if ((flags & ST_SCAN_NAMES) && is_name(&ws[i], f)) {
            h = (st_concept_hit){ws[i].off, ws[i].len, -1, ST_CONCEPT_NAME, f, ws[i].flen};
            rc = fn(&h, ud);
        }
        i++;
    }
    free(ws);
    st_buf_free(&fb);
    return rc;
}
