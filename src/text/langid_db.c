/* langid_db.c — the fingerprints of libexttextcat in one n-gram dictionary,
 * and the cache of words (see langid_int.h).
 *
 * Files are read the way libexttextcat reads them, so that the same lines
 * become the same n-grams with the same ranks:
 *  - fpdb.conf: a '#' starts a comment; a line needs two white-space
 *    separated fields, the .lm file name and the language name (textcat's
 *    quote and backslash escapes are not handled: Debian's file has none);
 *  - .lm: lines read with fgets(1024) and cut at the first CR/LF, trimmed
 *    of white space, cut at the first space or tab; an n-gram longer than 20
 *    bytes is skipped, the first 400 kept are ranked 0..399 in file order.
 *    Were an n-gram listed twice, textcat's merge walk would meet the lower
 *    rank first (its sort is glibc's stable merge sort): we keep that one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/langid_int.h"
#include "util/util.h"

#define LF_LINE 1024

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* textcat's simplehash over the n-gram, seeded with its character count:
 * it decides the chain order that breaks ties between equal counts. */
static uint16_t simple_bucket(const char *s, size_t len, int nchars)
{
    uint32_t h = (uint32_t)nchars * 13u;
    for (size_t i = 0; i < len; i++)
        h = h * 31u + (uint32_t)(int32_t)(signed char)s[i];
    return (uint16_t)(h & ST_LF_TABLEMASK);
}

/* Characters in s[0..len) as textcat's UTF-8 walk counts them: the length
 * of a character is decided by its first byte alone. */
static int count_chars(const char *s, size_t len)
{
    int k = 0;
    for (size_t i = 0; i < len; k++) {
        unsigned char c = (unsigned char)s[i];
        i += c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return k;
}

/* ------------------------------------------------------------ n-grams */

static void fill_gram_slots(st_langfp *L)
{
    for (size_t id = 0; id < L->ngrams; id++) {
        size_t i = (size_t)L->grams[id].hash & L->gslot_mask;
        while (L->gslots[i])
            i = (i + 1) & L->gslot_mask;
        L->gslots[i] = (uint32_t)id + 1;
    }
}

static int rehash_grams(st_langfp *L, size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    free(L->gslots);
    L->gslots = slots;
    L->gslot_mask = nslots - 1;
    fill_gram_slots(L);
    return 0;
}

/* Grows the n-gram arrays and their per-call counters together: all four
 * share L->gcap, each grows from it to the same capacity, and it moves only
 * once all have. New ids start unstamped. */
static int reserve_gram(st_langfp *L)
{
    size_t need = L->ngrams + 1, cg = L->gcap, cc = L->gcap, cs = L->gcap, cb = L->gcap;
    if (st_grow(&L->grams, &cg, need, sizeof *L->grams, 4096) ||
        st_grow(&L->cnt, &cc, need, sizeof *L->cnt, 4096) ||
        st_grow(&L->stamp, &cs, need, sizeof *L->stamp, 4096) ||
        st_grow(&L->bucket, &cb, need, sizeof *L->bucket, 4096))
        return -1;
    if (cs > L->gcap) {
        memset(L->stamp + L->gcap, 0, (cs - L->gcap) * sizeof *L->stamp);
        L->gcap = cs;
    }
    if ((L->ngrams + 1) * 2 > L->gslot_mask + 1)
        return rehash_grams(L, L->gslot_mask ? (L->gslot_mask + 1) * 2 : 8192);
    return 0;
}

int64_t st_langfp_intern(st_langfp *L, const char *s, size_t len, int nchars)
{
    uint64_t h = st_hash64(s, len);
    if (L->gslots) {
        for (size_t i = (size_t)h & L->gslot_mask; L->gslots[i];
             i = (i + 1) & L->gslot_mask) {
            const st_lf_gram *g = &L->grams[L->gslots[i] - 1];
            if (g->hash == h && g->len == len && memcmp(g->s, s, len) == 0)
                return L->gslots[i] - 1;
        }
    }
    if (len > ST_LF_MAXBYTES || reserve_gram(L) != 0)
        return -1;
    st_lf_gram *g = &L->grams[L->ngrams];
    memset(g, 0, sizeof *g);
    g->hash = h;
    g->len = (uint8_t)len;
    memcpy(g->s, s, len);
    g->bucket = simple_bucket(s, len, nchars);
    L->bucket[L->ngrams] = g->bucket;
    size_t i = (size_t)h & L->gslot_mask;
    while (L->gslots[i])
        i = (i + 1) & L->gslot_mask;
    L->gslots[i] = (uint32_t)L->ngrams + 1;
    return (int64_t)L->ngrams++;
}

/* ------------------------------------------------------------ words */

static void clear_words(st_langfp *L)
{
    L->nwords = 0;
    L->wbytes_len = 0;
    L->wids_len = 0;
    if (L->wslots)
        memset(L->wslots, 0, (L->wslot_mask + 1) * sizeof *L->wslots);
}

void st_langfp_flush(st_langfp *L)
{
    clear_words(L);
    if (L->ngrams == L->nfixed || !L->gslots)
        return;
    L->ngrams = L->nfixed;
    memset(L->gslots, 0, (L->gslot_mask + 1) * sizeof *L->gslots);
    fill_gram_slots(L);
}

int64_t st_langfp_word_find(const st_langfp *L, uint64_t hash, const char *s, size_t len)
{
    if (!L->wslots)
        return -1;
    for (size_t i = (size_t)hash & L->wslot_mask; L->wslots[i]; i = (i + 1) & L->wslot_mask) {
        const st_lf_word *w = &L->words[L->wslots[i] - 1];
        if (w->hash == hash && w->len == len && memcmp(L->wbytes + w->off, s, len) == 0)
            return L->wslots[i] - 1;
    }
    return -1;
}

static int rehash_words(st_langfp *L, size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    free(L->wslots);
    L->wslots = slots;
    L->wslot_mask = nslots - 1;
    for (size_t k = 0; k < L->nwords; k++) {
        size_t i = (size_t)L->words[k].hash & L->wslot_mask;
        while (slots[i])
            i = (i + 1) & L->wslot_mask;
        slots[i] = (uint32_t)k + 1;
    }
    return 0;
}

int64_t st_langfp_word_add(st_langfp *L, uint64_t hash, const char *s, size_t len,
                           const uint32_t *ids, size_t n)
{
    if (st_grow(&L->words, &L->wcap, L->nwords + 1, sizeof *L->words, 64) ||
        st_grow(&L->wbytes, &L->wbytes_cap, L->wbytes_len + len + 1, 1, 64) ||
        st_grow(&L->wids, &L->wids_cap, L->wids_len + n + 1, sizeof *L->wids, 64))
        return -1;
    if ((L->nwords + 1) * 2 > L->wslot_mask + 1 &&
        rehash_words(L, L->wslot_mask ? (L->wslot_mask + 1) * 2 : 4096))
        return -1;
    st_lf_word *w = &L->words[L->nwords];
    w->hash = hash;
    w->off = (uint32_t)L->wbytes_len;
    w->len = (uint32_t)len;
    w->ids = (uint32_t)L->wids_len;
    w->nids = (uint32_t)n;
    w->stamp = 0;
    w->slot = 0;
    memcpy(L->wbytes + L->wbytes_len, s, len);
    L->wbytes_len += len;
    memcpy(L->wids + L->wids_len, ids, n * sizeof *ids);
    L->wids_len += n;
    size_t i = (size_t)hash & L->wslot_mask;
    while (L->wslots[i])
        i = (i + 1) & L->wslot_mask;
    L->wslots[i] = (uint32_t)L->nwords + 1;
    return (int64_t)L->nwords++;
}

/* ------------------------------------------------------------ loading */

/* A posting being collected: n-gram id, language, rank. */
typedef struct lf_triple {
    uint32_t id;
    uint32_t lang_rank;
} lf_triple;

typedef struct lf_loader {
    lf_triple *t;
    size_t n, cap;
    uint32_t *last_lang; /* per n-gram id: 1 + the last language that listed it */
    size_t last_cap;
} lf_loader;

/* The n-gram of one .lm line, cut as fp_Read cuts it; its length, or -1. */
static long lm_gram(char *line)
{
    char *p = strpbrk(line, "\n\r");
    if (p)
        *p = '\0';
    char *b = line;
    while (is_space((unsigned char)*b))
        b++;
    size_t n = strlen(b);
    while (n > 0 && is_space((unsigned char)b[n - 1]))
        n--;
    b[n] = '\0';
    p = strpbrk(b, " \t");
    if (p)
        *p = '\0';
    n = strlen(b);
    if (n > ST_LF_MAXBYTES)
        return -1;
    memmove(line, b, n + 1);
    return (long)n;
}

static int load_lm(st_langfp *L, lf_loader *ld, const char *path, uint32_t lang)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return ST_EIO;
    char line[LF_LINE];
    uint32_t rank = 0;
    int rc = ST_OK;
    while (rank < ST_LF_MAXNGRAMS && fgets(line, sizeof line, f)) {
        long n = lm_gram(line);
        if (n < 0)
            continue;
        size_t before = L->ngrams;
        int64_t id = st_langfp_intern(L, line, (size_t)n, count_chars(line, (size_t)n));
        if (id < 0 ||
            st_grow(&ld->last_lang, &ld->last_cap, (size_t)id + 1, sizeof *ld->last_lang, 64) ||
            st_grow(&ld->t, &ld->cap, ld->n + 1, sizeof *ld->t, 64)) {
            rc = ST_ENOMEM;
            break;
        }
        uint32_t r = rank++;
        if ((size_t)id >= before)
            ld->last_lang[id] = 0; /* new n-gram */
        if (ld->last_lang[id] == lang + 1)
            continue; /* listed twice: the lower rank stands */
        ld->last_lang[id] = lang + 1;
        ld->t[ld->n].id = (uint32_t)id;
        ld->t[ld->n].lang_rank = (lang << 16) | r;
        ld->n++;
    }
    fclose(f);
    return rc;
}

/* Groups the postings by n-gram (a counting sort keeps file order). */
static int build_posts(st_langfp *L, const lf_loader *ld)
{
    for (size_t i = 0; i < L->ngrams; i++)
        L->grams[i].npost = 0;
    for (size_t i = 0; i < ld->n; i++)
        L->grams[ld->t[i].id].npost++;
    uint32_t off = 0;
    for (size_t i = 0; i < L->ngrams; i++) {
        L->grams[i].post = off;
        off += L->grams[i].npost;
        L->grams[i].npost = 0;
    }
    L->posts = malloc((ld->n ? ld->n : 1) * sizeof *L->posts);
    L->pstart = malloc((L->ngrams + 1) * sizeof *L->pstart);
    if (!L->posts || !L->pstart)
        return ST_ENOMEM;
    for (size_t i = 0; i < L->ngrams; i++)
        L->pstart[i] = L->grams[i].post;
    L->pstart[L->ngrams] = off;
    for (size_t i = 0; i < ld->n; i++) {
        st_lf_gram *g = &L->grams[ld->t[i].id];
        L->posts[g->post + g->npost++] = ld->t[i].lang_rank;
    }
    return ST_OK;
}

/* Dense rows for the n-grams with ST_LF_DENSE_MIN postings or more (see
 * langid_int.h); none when there are more languages than a row holds. */
static int build_dense(st_langfp *L)
{
    L->dense_row = calloc(L->ngrams + 1, sizeof *L->dense_row);
    if (!L->dense_row)
        return ST_ENOMEM;
    if (L->nlangs > ST_LF_DENSE_W)
        return ST_OK;
    size_t rows = 0;
    for (size_t i = 0; i < L->ngrams; i++)
        rows += L->pstart[i + 1] - L->pstart[i] >= ST_LF_DENSE_MIN;
    L->dense = malloc((rows ? rows : 1) * ST_LF_DENSE_W * sizeof *L->dense);
    if (!L->dense)
        return ST_ENOMEM;
    size_t r = 0;
    for (size_t i = 0; i < L->ngrams; i++) {
        if (L->pstart[i + 1] - L->pstart[i] < ST_LF_DENSE_MIN)
            continue;
        int16_t *row = L->dense + r * ST_LF_DENSE_W;
        for (size_t l = 0; l < ST_LF_DENSE_W; l++)
            row[l] = ST_LF_DENSE_NONE;
        for (uint32_t p = L->pstart[i]; p < L->pstart[i + 1]; p++)
            row[L->posts[p] >> 16] = (int16_t)(L->posts[p] & 0xFFFF);
        L->dense_row[i] = (uint32_t)++r;
    }
    return ST_OK;
}

/* Splits a fpdb.conf line into file and name; 0 when it has fewer than two fields. */
static int conf_fields(char *line, char **file, char **name)
{
    char *p = strpbrk(line, "\n\r");
    if (p)
        *p = '\0';
    if ((p = strchr(line, '#')))
        *p = '\0';
    char *field[2];
    int k = 0;
    for (p = line; *p && k < 2;) {
        while (is_space((unsigned char)*p))
            p++;
        if (!*p)
            break;
        field[k++] = p;
        while (*p && !is_space((unsigned char)*p))
            p++;
        if (*p)
            *p++ = '\0';
    }
    if (k < 2)
        return 0;
    *file = field[0];
    *name = field[1];
    return 1;
}

static int load_conf(st_langfp *L, lf_loader *ld, const char *conf, const char *dir, char *err,
                     size_t errlen)
{
    FILE *f = fopen(conf, "r");
    if (!f)
        return st_seterr(err, errlen, ST_EIO, "cannot read language fingerprints list %s", conf);
    char line[LF_LINE];
    size_t cap = 0;
    int rc = ST_OK;
    while (rc == ST_OK && fgets(line, sizeof line, f)) {
        char *file, *name;
        if (!conf_fields(line, &file, &name))
            continue;
        if (L->nlangs >= 0xFFFF ||
            st_grow(&L->names, &cap, L->nlangs + 1, sizeof *L->names, 64) ||
            !(L->names[L->nlangs] = st_strdup(name))) {
            rc = st_seterr(err, errlen, ST_ENOMEM, "out of memory");
            break;
        }
        L->nlangs++;
        st_buf path = {0};
        st_buf_puts(&path, dir);
        st_buf_puts(&path, file);
        rc = path.oom ? ST_ENOMEM : load_lm(L, ld, st_buf_cstr(&path), (uint32_t)L->nlangs - 1);
        if (rc != ST_OK)
            st_seterr(err, errlen, rc, "cannot load language fingerprint %s", st_buf_cstr(&path));
        st_buf_free(&path);
    }
    fclose(f);
    if (rc == ST_OK && L->nlangs == 0)
        rc = st_seterr(err, errlen, ST_EIO, "no language fingerprints in %s", conf);
    return rc;
}

int st_langfp_load(const char *conf, const char *dir, st_langfp **out, char *err,
                   size_t errlen)
{
    *out = NULL;
    st_langfp *L = calloc(1, sizeof *L);
    if (!L)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    lf_loader ld = {0};
    int rc = load_conf(L, &ld, conf, dir, err, errlen);
    L->nfixed = L->ngrams;
    if (rc == ST_OK && ((rc = build_posts(L, &ld)) != ST_OK || (rc = build_dense(L)) != ST_OK))
        st_seterr(err, errlen, rc, "out of memory");
    if (rc == ST_OK && !(L->dist = calloc(L->nlangs, sizeof *L->dist)))
        rc = st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    free(ld.t);
    free(ld.last_lang);
    if (rc != ST_OK) {
        st_langfp_free(L);
        return rc;
    }
    *out = L;
    return ST_OK;
}

void st_langfp_free(st_langfp *L)
{
    if (!L)
        return;
    for (size_t i = 0; i < L->nlangs; i++)
        free(L->names[i]);
    free(L->names);
    free(L->posts);
    free(L->grams);
    free(L->gslots);
    free(L->words);
    free(L->wslots);
    free(L->wbytes);
    free(L->wids);
    free(L->cnt);
    free(L->stamp);
    free(L->bucket);
    free(L->pstart);
    free(L->kcnt);
    free(L->buf);
    free(L->seen);
    free(L->ord);
    free(L->ord_tmp);
    free(L->kbucket);
    free(L->order);
    free(L->hits);
    free(L->tmp);
    free(L->dist);
    free(L->dense);
    free(L->dense_row);
    free(L);
}
