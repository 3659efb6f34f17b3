/* doc.c — st_doc_analyse: language, sentences and the term vector of one
 * article, in one pass over its tokens. */
#include <stdlib.h>
#include <string.h>

#include "text/sort.h"
#include "text/text_int.h"
#include "util/util.h"

#define ST_LANG_SURE 0.5 /* detection confidence above which metadata is overruled */
#define TERM_MAX 128     /* bytes of one folded token or stem; longer ones are cut */

/* The doc and the arena its term texts live in: one free releases both. */
typedef struct doc_impl {
    st_doc pub; /* first member: st_doc * and doc_impl * convert */
    st_buf arena;
    st_buf words; /* folded word forms (pub.words_text once complete) */
    size_t words_cap;
} doc_impl;

/* Appends s[0..n) and a NUL to an arena in one step (st_buf keeps a spare
 * byte past len, so the NUL fits the same reservation). */
static int arena_put(st_buf *b, const char *s, size_t n)
{
    if (st_buf_reserve(b, n + 1) != ST_OK)
        return ST_ENOMEM;
    memcpy(b->s + b->len, s, n);
    b->s[b->len + n] = '\0';
    b->len += n + 1;
    return ST_OK;
}

/* Keeps the folded form of a word token for later stages (st_word). */
static int keep_word(doc_impl *d, const st_token *tok, const char *folded, size_t n)
{
    st_doc *doc = &d->pub;
    if (st_grow(&doc->words, &d->words_cap, doc->nwords + 1, sizeof *doc->words, 128) != ST_OK)
        return ST_ENOMEM;
    doc->words[doc->nwords++] = (st_word){(uint32_t)(tok->off + tok->len), (uint32_t)d->words.len,
                                          (uint32_t)n, 0};
    return arena_put(&d->words, folded, n);
}

/* Counting table: open addressing over term hashes -> index in terms[]. */
typedef struct counter {
    size_t *slots; /* index + 1; 0 = empty */
    size_t cap;
    st_term *terms;
    size_t n, tcap;
    uint32_t *offs; /* arena offsets of term texts until the arena stops moving */
} counter;

static int counter_grow(counter *c)
{
    size_t ncap = c->cap ? c->cap * 2 : 256;
    size_t *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return ST_ENOMEM;
    for (size_t i = 0; i < c->n; i++) {
        size_t j = c->terms[i].hash & (ncap - 1);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = i + 1;
    }
    free(c->slots);
    c->slots = ns;
    c->cap = ncap;
    return ST_OK;
}

/* Counts term w[0..n); *hash gets its hash. */
static int counter_add(counter *c, st_buf *arena, const char *w, size_t n, uint64_t *hash)
{
    if ((c->n + 1) * 2 > c->cap && counter_grow(c) != ST_OK)
        return ST_ENOMEM;
    uint64_t h = *hash = st_hash64(w, n);
    size_t j = h & (c->cap - 1);
    for (; c->slots[j]; j = (j + 1) & (c->cap - 1)) {
        st_term *t = &c->terms[c->slots[j] - 1];
        const char *tw = arena->s + c->offs[c->slots[j] - 1];
        if (t->hash == h && strncmp(tw, w, n) == 0 && tw[n] == '\0') {
            t->count++;
            return ST_OK;
        }
    }
    /* terms and offs share c->tcap: both grow from it to the same capacity,
     * and it moves only once both have. */
    size_t ct = c->tcap, co = c->tcap;
    if (st_grow(&c->terms, &ct, c->n + 1, sizeof *c->terms, 64) != ST_OK ||
        st_grow(&c->offs, &co, c->n + 1, sizeof *c->offs, 64) != ST_OK)
        return ST_ENOMEM;
    c->tcap = co;
    c->offs[c->n] = (uint32_t)arena->len;
    if (arena_put(arena, w, n) != ST_OK)
        return ST_ENOMEM;
    c->terms[c->n] = (st_term){NULL, h, 1};
    c->slots[j] = ++c->n;
    return ST_OK;
}

static int term_less(const st_term *x, const st_term *y)
{
    if (x->hash != y->hash)
        return x->hash < y->hash;
    return strcmp(x->text, y->text) < 0;
}

ST_DEFINE_SORT(sort_terms, st_term, term_less)

/* Latin-script words need two letters to be terms ("a", "s" from "U.S"
 * splits, initials): first code point below U+0370. */
static int too_short(const char *w, size_t n)
{
    unsigned char c = (unsigned char)w[0];
    if (c >= 0x80 && !(c >= 0xC2 && c <= 0xCD))
        return 0;
    size_t cps = 0;
    for (size_t i = 0; i < n && cps < 2; i++)
        cps += ((unsigned char)w[i] & 0xC0) != 0x80;
    return cps < 2;
}

static int has_alnum(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
            return 1;
    }
    return 0;
}

/* Folds, filters, stems and counts every token of the doc's text. */
static int collect_terms(st_text *t, doc_impl *d)
{
    st_doc *doc = &d->pub;
    const char *lang = strcmp(doc->lang, "und") ? doc->lang : NULL;
    counter c = {0};
    st_tokiter it;
    st_token tok;
    int rc = ST_OK;
    char folded[TERM_MAX], stem[TERM_MAX];
    st_tokiter_init(&it, doc->text, doc->len);
    while (rc == ST_OK && st_tokiter_next(&it, &tok)) {
        doc->ntokens++;
        if (tok.kind == ST_TOK_URL || tok.kind == ST_TOK_EMAIL)
            continue;
        size_t n = st_token_fold(doc->text, &tok, folded, sizeof folded);
        if (tok.kind == ST_TOK_WORD && (rc = keep_word(d, &tok, folded, n)) != ST_OK)
            break;
        if (n == 0 || !has_alnum(folded, n))
            continue;
        if (tok.kind == ST_TOK_WORD && too_short(folded, n))
            continue;
        if (lang && st_stopword(t, lang, folded, n))
            continue;
        uint64_t h;
        if (tok.kind == ST_TOK_WORD) {
            n = st_stem(t, lang, folded, n, stem, sizeof stem);
            rc = counter_add(&c, &d->arena, stem, n, &h);
            doc->words[doc->nwords - 1].term = h;
        } else {
            rc = counter_add(&c, &d->arena, folded, n, &h);
        }
    }
    if (rc == ST_OK) {
        for (size_t i = 0; i < c.n; i++)
            c.terms[i].text = d->arena.s + c.offs[i];
        sort_terms(c.terms, c.n);
        doc->terms = c.terms;
        doc->nterms = c.n;
        c.terms = NULL;
        doc->words_text = st_buf_cstr(&d->words); /* "" when no word: never NULL */
        rc = d->words.oom ? ST_ENOMEM : ST_OK;
    }
    free(c.terms);
    free(c.slots);
    free(c.offs);
    return rc;
}

/* "en-US", "EN", "en_GB" -> "en"; "" when meta is absent or not a code. */
static void meta_code(const char *meta, char out[8])
{
    size_t i = 0;
    out[0] = '\0';
    if (!meta)
        return;
    for (; meta[i] && meta[i] != '-' && meta[i] != '_' && i < 7; i++) {
        char ch = meta[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        if (ch < 'a' || ch > 'z') {
            out[0] = '\0';
            return;
        }
        out[i] = ch;
    }
    out[i] = '\0';
    if (i < 2 || i > 3)
        out[0] = '\0';
    else if (strcmp(out, "ms") == 0 || strcmp(out, "ind") == 0)
        strcpy(out, "id"); /* the same merge as detection (langid.c) */
    else if (strcmp(out, "eng") == 0)
        strcpy(out, "en");
}

/* The declared language when the text agrees with it (st_lang_confirms, a
 * fraction of textcat's cost), else textcat's answer unless it is unsure. */
static void pick_language(st_text *t, st_doc *doc, const char *meta_lang)
{
    char meta[8];
    meta_code(meta_lang, meta);
    if (meta[0] && st_lang_confirms(t, doc->text, doc->len, meta)) {
        memcpy(doc->lang, meta, sizeof meta);
        doc->lang_conf = st_lang_evidence(doc->text, doc->len);
        return;
    }
    st_lang_detect(t, doc->text, doc->len, doc->lang, &doc->lang_conf);
    if (!meta[0])
        return;
    int sure = strcmp(doc->lang, "und") != 0 && doc->lang_conf >= ST_LANG_SURE;
    if (!sure) {
        memcpy(doc->lang, meta, sizeof meta);
        return;
    }
    doc->lang_mismatch = strcmp(doc->lang, meta) != 0;
}

static int build_text(st_doc *doc, const char *title, const char *body)
{
    st_buf b = {0};
    if (title && *title) {
        st_buf_puts(&b, title);
        doc->title_len = b.len;
        st_buf_puts(&b, "\n\n");
    }
    st_buf_puts(&b, body ? body : "");
    if (b.oom) {
        st_buf_free(&b);
        return ST_ENOMEM;
    }
    doc->len = b.len;
    doc->text = st_buf_take(&b);
    return doc->text ? ST_OK : ST_ENOMEM;
}

int st_doc_analyse(st_text *t, const char *title, const char *body, const char *meta_lang,
                   st_doc **out)
{
    *out = NULL;
    if (!t)
        return ST_EUSAGE;
    doc_impl *d = calloc(1, sizeof *d);
    if (!d)
        return ST_ENOMEM;
    st_doc *doc = &d->pub;
    int rc = build_text(doc, title, body);
    if (rc == ST_OK) {
        pick_language(t, doc, meta_lang);
        rc = st_sentences(doc->text, doc->len, doc->lang, &doc->sents, &doc->nsents);
    }
    if (rc == ST_OK)
        rc = collect_terms(t, d);
    if (rc != ST_OK) {
        st_doc_free(doc);
        return rc;
    }
    *out = doc;
    return ST_OK;
}

void st_doc_free(st_doc *doc)
{
    if (!doc)
        return;
    doc_impl *d = (doc_impl *)doc;
    free(doc->text);
    free(doc->sents);
    free(doc->terms);
    free(doc->words);
    st_buf_free(&d->arena);
    st_buf_free(&d->words);
    free(d);
}
