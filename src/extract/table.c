/* table.c — phrase tables: open-addressing hash maps from folded phrases to
 * entries, and the folding that makes "Kairo", "KAIRO" and "Káiro" one key. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/ex_int.h"
#include "util/util.h"

char *ex_fold(const char *s, size_t n)
{
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t k =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    if (k < 0)
        return st_strndup(s, n); /* invalid UTF-8: keep the bytes */
    /* Typographic apostrophes fold to the ASCII one so "Sana’a" = "Sana'a". */
    char *p = (char *)m, *q = p;
    for (char *r = p; *r;) {
        if ((unsigned char)r[0] == 0xE2 && (unsigned char)r[1] == 0x80 &&
            ((unsigned char)r[2] == 0x98 || (unsigned char)r[2] == 0x99)) {
            *q++ = '\'';
            r += 3;
        } else {
            *q++ = *r++;
        }
    }
    *q = 0;
    return p;
}

char *ex_phrase_key(const char *s, int *words)
{
    ex_tok *t = NULL;
    size_t n = 0;
    *words = 0;
    if (ex_tokenise(s, strlen(s), &t, &n) != ST_OK)
        return NULL;
    st_buf b = {0};
    int has_words = 0;
    for (size_t i = 0; i < n; i++)
        has_words |= (t[i].flags & (EX_T_WORD | EX_T_NUM)) != 0;
    for (size_t i = 0; i < n; i++) {
        /* "%" and "$" are keys of their own */
        if (!(t[i].flags & (EX_T_WORD | EX_T_NUM)) && has_words)
            continue;
        if (b.len)
            st_buf_putc(&b, ' ');
        st_buf_puts(&b, t[i].fold);
        (*words)++;
    }
    ex_toks_free(t, n);
    return st_buf_take(&b);
}

void ex_table_free(ex_table *t)
{
    for (size_t i = 0; i < t->cap; i++) {
        if (t->keys[i]) {
            free(t->keys[i]);
            free(t->vals[i].a);
            free(t->vals[i].b);
        }
    }
    free(t->keys);
    free(t->vals);
    st_hmap_free(&t->pre);
    memset(t, 0, sizeof *t);
}

static size_t slot_of(const ex_table *t, const char *key)
{
    size_t mask = t->cap - 1, i = (size_t)st_hash64(key, strlen(key)) & mask;
    while (t->keys[i] && strcmp(t->keys[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

static int rehash(ex_table *t)
{
    size_t ncap = t->cap ? t->cap * 2 : 64;
    ex_table nt = *t; /* the prefix set carries over */
    nt.keys = calloc(ncap, sizeof(char *));
    nt.vals = calloc(ncap, sizeof(ex_entry));
    nt.cap = ncap;
    if (!nt.keys || !nt.vals) {
        free(nt.keys);
        free(nt.vals);
        return ST_ENOMEM;
    }
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->keys[i])
            continue;
        size_t j = slot_of(&nt, t->keys[i]);
        nt.keys[j] = t->keys[i];
        nt.vals[j] = t->vals[i];
    }
    free(t->keys);
    free(t->vals);
    *t = nt;
    return ST_OK;
}

int ex_table_may_extend(const ex_table *t, const char *s, size_t n)
{
    return st_hmap_get(&t->pre, st_hash64(s, n)) != NULL;
}

int ex_table_put(ex_table *t, const char *key, const ex_entry *e)
{
    if (!*key)
        return ST_OK;
    if ((t->n + 1) * 2 > t->cap && rehash(t) != ST_OK)
        return ST_ENOMEM;
    size_t i = slot_of(t, key);
    if (t->keys[i])
        return ST_OK; /* the first definition wins: gazetteer before aliases */
    ex_entry c = {st_strdup(e->a), st_strdup(e->b), e->v, e->acronym, e->flag};
    char *k = st_strdup(key);
    if (!k || (e->a && !c.a) || (e->b && !c.b)) {
        free(k);
        free(c.a);
        free(c.b);
        return ST_ENOMEM;
    }
    t->keys[i] = k;
    t->vals[i] = c;
    t->n++;
    int words = 1;
    for (const char *p = key; *p; p++)
        if (*p == ' ') {
            words++;
            if (!st_hmap_put(&t->pre, st_hash64(key, (size_t)(p - key)), 0, NULL))
                return ST_ENOMEM;
        }
    if (words > t->maxwords)
        t->maxwords = words;
    return ST_OK;
}

const ex_entry *ex_table_get(const ex_table *t, const char *key)
{
    if (!t->cap)
        return NULL;
    size_t i = slot_of(t, key);
    return t->keys[i] ? &t->vals[i] : NULL;
}
