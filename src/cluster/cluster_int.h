/* cluster_int.h — the clusterer's internal records, shared by its files. */
#ifndef ST_CLUSTER_INT_H
#define ST_CLUSTER_INT_H

#include "cluster/cluster.h"
#include "cluster/fvec.h"
#include "util/hmap.h"
#include "cluster/postings.h"
#include "cluster/surface.h"
#include "util/util.h"

#define ST_NO_DATE (-1e9)

/* The features of one article: unit vectors and the keys that find candidates. */
typedef struct st_artfeat {
    st_fvec tv, nv, ttv; /* terms, names (concepts + capitalised words), title */
    st_fvec xv;          /* names without the common-term concepts: who and where, the
                            identity of a story (an earthquake is not a story) */
    uint64_t *keys;
    size_t nkeys;
    double days;   /* ST_NO_DATE when unknown */
    uint64_t lang; /* hash of the detected language code */
    int borrowed;  /* tv, nv, ttv are the prep's: st_artfeat_free leaves them */
} st_artfeat;

/* Document frequencies and display strings of every key seen. */
#define ST_VOCAB_LANGS 24

typedef struct st_vocab {
    st_hmap df;    /* key -> number of articles holding it, and its languages (features.c) */
    st_hmap str;   /* key -> offset + 1 into arena */
    st_buf arena;  /* NUL-separated display strings: stems, concept names, names as written */
    uint64_t langs[ST_VOCAB_LANGS]; /* the first languages seen: they have a df bit */
    unsigned nlangs;
    st_surface surf; /* term key -> most frequent folded word (labels) */
    uint64_t ndocs;
    /* The current article's keys with their document frequencies, sorted
     * by key: weighting reads them here rather than from the df map again. */
    struct st_keydf { uint64_t key, df; } *kdf;
    size_t nkdf, capkdf;
} st_vocab;

void st_vocab_free(st_vocab *v);
/* The stored string of a key: a stem, a concept's name, a name as first written. */
const char *st_vocab_str(const st_vocab *v, uint64_t key);
/* 1 when an article in language lang (a hash) held key; 0 when none did or
 * lang is not among the first ST_VOCAB_LANGS languages seen. */
int st_vocab_has_lang(const st_vocab *v, uint64_t key, uint64_t lang);
/* For labels: the most frequent word of a term key, else st_vocab_str. */
const char *st_vocab_label(const st_vocab *v, uint64_t key);

/* Fills out->label ("Name, Name, Name — term, term"), out->terms and
 * out->entities from the strongest keys of a names vector and a terms vector
 * (label.c); terms of language `lang` (a hash; 0: any) come first, and no
 * term that cs (may be NULL) knows as a place, organisation or person. */
void st_label_fill(const st_vocab *v, const st_concepts *cs, const st_fvec *names,
                   const st_fvec *terms, uint64_t lang, st_cluster_info *out);
/* Label and lists of in as one malloc'd block (NULL when out of memory), for
 * events and stories that leave the index; st_label_unpack copies them back. */
char *st_label_pack(const st_cluster_info *in);
void st_label_unpack(const char *packed, st_cluster_info *out);

/* A key and the string it was first shown as in an article (borrowed from
 * the doc or the concept tables); seq keeps first-shown order among equal keys. */
typedef struct st_shown {
    uint64_t key;
    const char *s;
    uint32_t n, seq;
} st_shown;

/* A word as written (folded) for a term of the article, and how often: the
 * clusterer learns the words of an article's top terms from these (surface.h). */
typedef struct st_form {
    uint64_t key;  /* the term's key */
    const char *w; /* borrowed from the doc */
    uint32_t n, count;
} st_form;

/* What st_clusterer_prepare computes: vectors before IDF weighting, and the
 * keys they hold with their strings. */
struct st_clprep {
    const st_doc *doc;  /* borrowed: must outlive the prep */
    st_fvec tv;         /* (1 + ln tf) * headline boost, per term key */
    st_fvec nv, ttv;    /* counts of names and concepts; of headline keys */
    st_fvec ntypes, ttypes; /* the same keys: count * type weight */
    st_fvec termkeys;   /* keys of common-term concepts */
    st_shown *shown;    /* every key of tv and nv, sorted by key then first sight */
    size_t nshown, capshown;
    st_form *forms;     /* words of the headline and first body bytes, by key then word */
    size_t nforms;
};

/* Fills pr from doc; reads nothing but its arguments (any thread). */
int st_clprep_build(st_clprep *pr, const st_cluster_params *p, const st_concepts *cs,
                    const st_doc *doc);
void st_clprep_clear(st_clprep *pr);
/* The weighted features of pr's doc, counting it into the vocabulary. f
 * borrows pr's vectors and weighs them in place: free f before clearing pr,
 * and pr serves once. Borrowed rather than moved so that the memory goes
 * back on the thread that prepared it (st_clprep_free), not the clusterer's:
 * a free into another thread's malloc arena takes that arena's lock. */
int st_artfeat_build(st_artfeat *f, st_vocab *v, const st_cluster_params *p, st_clprep *pr,
                     const char *published);
void st_artfeat_free(st_artfeat *f);

#endif
