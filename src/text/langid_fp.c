/* langid_fp.c — textcat_ClassifyFull, organised for speed (see langid_int.h).
 *
 * The input fingerprint is textcat's, byte for byte:
 *  1. prepare: runs of spaces and digits become one '_', a '_' leads; the
 *     output is capped at bufsize + 1 bytes (then a '_' may follow);
 *  2. from every character start, the n-grams of 1..5 characters, stopping
 *     after a '_' and at the end of the text (where the whole generation
 *     stops); a character's length is decided by its first byte;
 *  3. counts in textcat's table of 2^13 chains (new n-grams at the chain's
 *     head), poured chain by chain into a 400-entry min-heap whose equal
 *     counts replace the root, and drained into ranks 399..0.
 * Steps 2 and 3 decide ties by the order n-grams were first met, so that
 * order is kept: the text is cut into the words between '_' characters;
 * each distinct word is expanded (from the cache) in order of its first
 * occurrence and counted once per occurrence, and the unfinished last word
 * is expanded in place. An n-gram first met in word W is first met in the
 * text at W's first occurrence, so the first-met order is textcat's.
 *
 * The distance of a language is textcat's out-of-place sum: every input
 * n-gram costs 400, or |input rank - language rank| when the language has
 * it. textcat stops summing a language once it exceeds 1.03 x the best so
 * far; such a language could never be a candidate, so the exact sums give
 * the same candidates. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "text/langid_int.h"
#include "util/util.h"

#define LF_FLUSH_AT_GRAMS (1u << 20)
#define LF_FLUSH_AT_WBYTES (16u << 20)

static int is_invalid(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '0' && c <= '9');
}

/* Bytes of the character at b[i] (b NUL-terminated, b[i] != 0). */
static size_t clen(const char *b, size_t i)
{
    unsigned char c = (unsigned char)b[i];
    size_t k = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    size_t j = 1;
    while (j < k && b[i + j])
        j++;
    return j;
}

/* ------------------------------------------------------------ 1. prepare */

/* textcat's prepbuffer; s is read as if it ended at s_len or its first NUL.
 * dest holds n + 3 bytes. Returns the length written (without the NUL). */
static size_t prepare(const char *s, size_t n, size_t s_len, char *dest)
{
#define AT(i) ((i) < s_len ? (unsigned char)s[i] : 0)
    enum { START, SPACE, WORD, END, STOP } st = START;
    size_t p = 0;
    char *w = dest, *wlimit = dest + n + 1;
    for (;;) {
        switch (st) {
        case START:
        case SPACE:
            if (st == SPACE)
                p++;
            if (is_invalid(AT(p))) {
                st = SPACE;
                break;
            }
            if (AT(p) == 0) {
                st = END;
                break;
            }
            *w++ = '_';
            st = w == wlimit ? STOP : WORD;
            break;
        case WORD:
            *w++ = s[p++];
            st = w == wlimit ? END : is_invalid(AT(p)) ? SPACE : AT(p) == 0 ? STOP : WORD;
            break;
        case END:
            *w++ = '_';
            st = STOP;
            break;
        case STOP:
            *w = '\0';
            return (size_t)(w - dest);
        }
    }
#undef AT
}

/* ------------------------------------------------------------ 2. n-grams */

static int push_tmp(st_langfp *L, uint32_t id)
{
    if (st_grow(&L->tmp, &L->tmp_cap, L->tmp_len + 1, sizeof *L->tmp, 256))
        return -1;
    L->tmp[L->tmp_len++] = id;
    return 0;
}

static int emit(st_langfp *L, const char *b, size_t len, int nchars)
{
    int64_t id = st_langfp_intern(L, b, len, nchars);
    return id < 0 ? -1 : push_tmp(L, (uint32_t)id);
}

/* textcat's createngramtable over the NUL-terminated b (b[0] != 0): the ids
 * of its n-grams, in generation order, into L->tmp. */
static int generate(st_langfp *L, const char *b)
{
    L->tmp_len = 0;
    for (size_t pos = 0;;) {
        size_t d = clen(b, pos), q = pos + d;
        if (emit(L, b + pos, d, 1))
            return -1;
        if (!b[q])
            return 0;
        for (int i = 2; i <= ST_LF_MAXSYMBOLS; i++) {
            d = clen(b, q);
            if (emit(L, b + pos, q + d - pos, i))
                return -1;
            if (b[q] == '_')
                break;
            q += d;
            if (!b[q])
                return 0;
        }
        pos += clen(b, pos);
    }
}

/* The cached word for buf[at .. at+len), which sits between two '_'
 * characters: its n-grams are those textcat makes from the leading '_' and
 * from each of its characters. Generated on "_word_" cut after the second
 * '_', without that '_''s own unigram (it leads the next word). */
static int64_t word_of(st_langfp *L, char *buf, size_t at, size_t len)
{
    uint64_t h = st_hash64(buf + at, len);
    int64_t w = st_langfp_word_find(L, h, buf + at, len);
    if (w >= 0)
        return w;
    char saved = buf[at + len + 1];
    buf[at + len + 1] = '\0';
    int rc = generate(L, buf + at - 1);
    buf[at + len + 1] = saved;
    if (rc)
        return -1;
    return st_langfp_word_add(L, h, buf + at, len, L->tmp, L->tmp_len - 1);
}

/* ------------------------------------------------------------ 3. counts */

/* The five arrays share L->seen_cap: each grows from it to the same
 * capacity, and it moves only once all have. Called once per word, so the
 * usual case (room enough) stays one compare rather than five calls. */
static int reserve_seen(st_langfp *L, size_t need)
{
    if (need <= L->seen_cap)
        return 0;
    size_t cs = L->seen_cap, co = L->seen_cap, ct = L->seen_cap, cb = L->seen_cap,
           ck = L->seen_cap;
    if (st_grow(&L->seen, &cs, need, sizeof *L->seen, 1024) ||
        st_grow(&L->ord, &co, need, sizeof *L->ord, 1024) ||
        st_grow(&L->ord_tmp, &ct, need, sizeof *L->ord_tmp, 1024) ||
        st_grow(&L->kbucket, &cb, need, sizeof *L->kbucket, 1024) ||
        st_grow(&L->kcnt, &ck, need, sizeof *L->kcnt, 1024))
        return -1;
    L->seen_cap = ck;
    return 0;
}

/* Adds k occurrences of each id; *nseen counts the distinct ids met so far.
 * Counts live by order of first sight (kcnt), which the heap reads densely. */
static int count_ids(st_langfp *L, const uint32_t *ids, size_t n, uint32_t k, size_t *nseen)
{
    if (reserve_seen(L, *nseen + n))
        return -1;
    for (size_t i = 0; i < n; i++) {
        uint32_t id = ids[i];
        if (L->stamp[id] != L->call) {
            L->stamp[id] = L->call;
            L->cnt[id] = (uint32_t)*nseen;
            L->kcnt[*nseen] = 0;
            L->seen[(*nseen)++] = id;
        }
        L->kcnt[L->cnt[id]] += k;
    }
    return 0;
}

/* order and hits share L->order_cap: both grow from it to the same
 * capacity, and it moves only once both have. Called once per word, so the
 * usual case (room enough) stays one compare rather than two calls. */
static int reserve_order(st_langfp *L, size_t need)
{
    if (need <= L->order_cap)
        return 0;
    size_t co = L->order_cap, ch = L->order_cap;
    if (st_grow(&L->order, &co, need, sizeof *L->order, 256) ||
        st_grow(&L->hits, &ch, need, sizeof *L->hits, 256))
        return -1;
    L->order_cap = ch;
    return 0;
}

/* Notes one occurrence of cached word w: L->order gets the distinct words in
 * order of first occurrence, L->hits their counts. */
static int note_word(st_langfp *L, uint32_t w, size_t *nw)
{
    st_lf_word *wd = &L->words[w];
    if (wd->stamp == L->call) {
        L->hits[wd->slot]++;
        return 0;
    }
    if (reserve_order(L, *nw + 1))
        return -1;
    wd->stamp = L->call;
    wd->slot = (uint32_t)*nw;
    L->order[*nw] = w;
    L->hits[(*nw)++] = 1;
    return 0;
}

/* Counts the n-grams of the prepared text buf (buf[0] == '_'). */
static int count_text(st_langfp *L, char *buf, size_t *nseen)
{
    size_t nw = 0, last_sep = 0;
    for (size_t pos = 1; buf[pos]; pos += clen(buf, pos)) {
        if (buf[pos] != '_')
            continue;
        int64_t w = word_of(L, buf, last_sep + 1, pos - last_sep - 1);
        last_sep = pos;
        if (w < 0 || note_word(L, (uint32_t)w, &nw))
            return -1;
    }
    for (size_t i = 0; i < nw; i++) {
        const st_lf_word *wd = &L->words[L->order[i]];
        if (count_ids(L, L->wids + wd->ids, wd->nids, L->hits[i], nseen))
            return -1;
    }
    /* the last word, unfinished or not, as textcat's generation ends */
    if (generate(L, buf + last_sep))
        return -1;
    return count_ids(L, L->tmp, L->tmp_len, 1, nseen);
}

/* ------------------------------------------------------------ 3. top 400 */

typedef struct lf_hent {
    uint32_t cnt, id; /* id: index in seen */
} lf_hent;

/* One spare entry past the end: sift_down reads the right sibling without a
 * bounds branch and masks the comparison instead. */
typedef struct lf_heap {
    lf_hent e[ST_LF_MAXNGRAMS + 1];
    size_t size;
} lf_heap;

static void sift_up(lf_heap *h, size_t child)
{
    while (child > 0) {
        size_t parent = (child - 1) >> 1;
        if (h->e[parent].cnt <= h->e[child].cnt)
            return;
        lf_hent t = h->e[parent];
        h->e[parent] = h->e[child];
        h->e[child] = t;
        child = parent;
    }
}

/* textcat's swapping sift, done by moving a hole down (the same final
 * layout) and picking the child without a branch: the choice is a coin toss
 * on count ties, which a branch predictor loses. */
static void sift_down(lf_heap *h, size_t size, size_t parent)
{
    lf_hent x = h->e[parent];
    for (size_t child = parent * 2 + 1; child < size; child = parent * 2 + 1) {
        child += (child + 1 < size) & (h->e[child].cnt > h->e[child + 1].cnt);
        if (x.cnt <= h->e[child].cnt)
            break;
        h->e[parent] = h->e[child];
        parent = child;
    }
    h->e[parent] = x;
}

/* textcat's heapinsert: an equal count replaces the root. */
static void heap_insert(lf_heap *h, lf_hent x)
{
    if (h->size < ST_LF_MAXNGRAMS) {
        h->e[h->size] = x;
        sift_up(h, h->size);
        h->size++;
        return;
    }
    if (x.cnt < h->e[0].cnt)
        return;
    h->e[0] = x;
    sift_down(h, h->size, 0);
}

/* textcat's heapextract, which sifts over the old size (the stale last
 * entry included) before shrinking. */
static lf_hent heap_extract(lf_heap *h)
{
    lf_hent top = h->e[0];
    h->e[0] = h->e[h->size - 1];
    sift_down(h, h->size, 0);
    h->size--;
    return top;
}

#if ST_LF_TABLEMASK != 8191
#error "table_order sorts 13-bit chain numbers"
#endif

/* The seen n-grams (indexes in seen) in the order textcat pours its count
 * table: chains in table order, each newest first. Two stable counting
 * passes over the 13-bit chain number (low 7 bits, then high 6), fed the
 * indexes newest first, give that order without visiting all 8192 chains
 * (most are empty for an article). */
static const uint32_t *table_order(st_langfp *L, size_t nseen)
{
    uint32_t lo[129] = {0}, hi[65] = {0};
    for (size_t k = 0; k < nseen; k++) {
        uint16_t b = L->bucket[L->seen[k]];
        L->kbucket[k] = b;
        lo[(b & 127) + 1]++;
        hi[(b >> 7) + 1]++;
    }
    for (size_t i = 1; i < 129; i++)
        lo[i] += lo[i - 1];
    for (size_t i = 1; i < 65; i++)
        hi[i] += hi[i - 1];
    for (size_t k = nseen; k-- > 0;)
        L->ord_tmp[lo[L->kbucket[k] & 127]++] = (uint32_t)k;
    for (size_t i = 0; i < nseen; i++) {
        uint32_t k = L->ord_tmp[i];
        L->ord[hi[L->kbucket[k] >> 7]++] = k;
    }
    return L->ord;
}

/* Pours the counted n-grams in table order into the heap; top[r] gets the
 * n-gram of rank r. */
static size_t top_ngrams(st_langfp *L, size_t nseen, uint32_t top[ST_LF_MAXNGRAMS])
{
    const uint32_t *ord = table_order(L, nseen);
    lf_heap h;
    h.size = 0;
    h.e[ST_LF_MAXNGRAMS] = (lf_hent){0, 0}; /* the spare: read, never chosen */
    for (size_t i = 0; i < nseen; i++) {
        lf_hent x = {L->kcnt[ord[i]], ord[i]};
        heap_insert(&h, x);
    }
    size_t m = h.size;
    for (size_t r = m; r-- > 0;)
        top[r] = L->seen[heap_extract(&h).id];
    return m;
}

/* ------------------------------------------------------------ scores */

/* Eight 16-bit lanes (GCC and Clang vector extension; plain SSE2 on x86-64). */
typedef int16_t lf_v8 __attribute__((vector_size(16)));

/* acc[l] += (out-of-place cost of the n-gram at input rank r for language
 * l) - ST_LF_OUTOFPLACE, over a dense row, eight languages at a time. Each
 * term is in [-400, 0]; ranks and r are under 2^15, so 16 bits hold it all. */
static void add_dense(lf_v8 *acc, const int16_t *row, int r)
{
    const lf_v8 zero = {0};
    const lf_v8 rv = zero + (int16_t)r, cap = zero + (int16_t)ST_LF_OUTOFPLACE;
    for (size_t l = 0; l < ST_LF_DENSE_W / 8; l++) {
        lf_v8 v;
        memcpy(&v, row + l * 8, sizeof v);
        lf_v8 d = rv - v;
        lf_v8 neg = d >> 15; /* all ones where d < 0 */
        d = (d ^ neg) - neg;
        lf_v8 over = d > cap; /* all ones where beyond the penalty */
        d = (d & ~over) | (cap & over);
        acc[l] += d - cap;
    }
}

/* Rows added to a 16-bit accumulator before it is poured into dist: 80 x
 * -400 is the most negative it gets. */
#define LF_DENSE_BATCH 80

static void pour(st_langfp *L, lf_v8 *acc)
{
    int16_t a[ST_LF_DENSE_W];
    memcpy(a, acc, sizeof a);
    for (size_t l = 0; l < L->nlangs; l++)
        L->dist[l] += a[l];
    memset(acc, 0, sizeof a);
}

static void score(st_langfp *L, const uint32_t *top, size_t m)
{
    lf_v8 acc[ST_LF_DENSE_W / 8];
    int batch = 0;
    memset(acc, 0, sizeof acc);
    for (size_t l = 0; l < L->nlangs; l++)
        L->dist[l] = (int)m * ST_LF_OUTOFPLACE;
    for (size_t r = 0; r < m; r++) {
        if (top[r] >= L->nfixed)
            continue; /* met in input only: no language has it */
        uint32_t row = L->dense_row[top[r]];
        if (row) {
            add_dense(acc, L->dense + (size_t)(row - 1) * ST_LF_DENSE_W, (int)r);
            if (++batch == LF_DENSE_BATCH) {
                pour(L, acc);
                batch = 0;
            }
            continue;
        }
        const uint32_t *p = L->posts + L->pstart[top[r]];
        uint32_t np = L->pstart[top[r] + 1] - L->pstart[top[r]];
        for (uint32_t i = 0; i < np; i++) {
            int d = (int)r - (int)(p[i] & 0xFFFF);
            L->dist[p[i] >> 16] += (d < 0 ? -d : d) - ST_LF_OUTOFPLACE;
        }
    }
    pour(L, acc);
}

/* textcat's verdict: languages under floor(best x 1.03) in file order, more
 * than ST_LF_MAXCAND is unknown; sorted by score, ties in file order. */
static int verdict(const st_langfp *L, st_lf_cand out[ST_LF_MAXCAND])
{
    int minscore = INT_MAX, threshold = INT_MAX;
    for (size_t l = 0; l < L->nlangs; l++)
        if (L->dist[l] < minscore) {
            minscore = L->dist[l];
            threshold = (int)((double)minscore * ST_LF_THRESHOLD);
        }
    int cnt = 0;
    for (size_t l = 0; l < L->nlangs; l++) {
        if (L->dist[l] >= threshold)
            continue;
        if (++cnt == ST_LF_MAXCAND + 1)
            return ST_LF_UNKNOWN;
        out[cnt - 1].score = L->dist[l];
        out[cnt - 1].lang = (int)l;
    }
    for (int i = 1; i < cnt; i++) /* insertion sort: stable, as glibc's qsort is here */
        for (int j = i; j > 0 && out[j - 1].score > out[j].score; j--) {
            st_lf_cand t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    return cnt;
}

/* ------------------------------------------------------------ the call */

/* Starts a call: bounded caches, a fresh stamp, room for the text. */
static int begin(st_langfp *L, size_t n)
{
    if (L->wbytes_len > LF_FLUSH_AT_WBYTES || L->ngrams > L->nfixed + LF_FLUSH_AT_GRAMS)
        st_langfp_flush(L);
    if (++L->call == 0) { /* wrapped: old stamps could look current */
        memset(L->stamp, 0, L->gcap * sizeof *L->stamp);
        for (size_t i = 0; i < L->nwords; i++)
            L->words[i].stamp = 0;
        L->call = 1;
    }
    if (n + 3 > L->buf_cap) {
        char *b = realloc(L->buf, n + 3);
        if (!b)
            return -1;
        L->buf = b;
        L->buf_cap = n + 3;
    }
    return 0;
}

int st_langfp_classify(st_langfp *L, const char *s, size_t n, size_t s_len,
                       st_lf_cand out[ST_LF_MAXCAND])
{
    if (n == 0)
        return ST_LF_SHORT;
    if (n > s_len)
        s_len = n;
    if (begin(L, n))
        return ST_ENOMEM;
    prepare(s, n, s_len, L->buf);
    size_t nseen = 0;
    if (count_text(L, L->buf, &nseen))
        return ST_ENOMEM;
    uint32_t top[ST_LF_MAXNGRAMS];
    size_t m = top_ngrams(L, nseen, top);
    score(L, top, m);
    return verdict(L, out);
}
