/* dict.h — the in-memory dictionaries behind st_cameo (private to src/events).
 *
 * Every phrase (actor, agent, verb form, synset member) is a sequence of
 * upper-case words. Phrases are chained by their first word in a hash index,
 * so matching at a token is one lookup plus a short chain walk. A word written
 * with a trailing '_' must match exactly; other words also match a token with
 * up to three more letters (TABARI's stem convention: SANCTION ~ SANCTIONS). */
#ifndef ST_EVENTS_DICT_H
#define ST_EVENTS_DICT_H

#include <stddef.h>

#include "events/events.h"

/* A bump allocator: dictionaries are built once and freed at once. */
typedef struct ev_arena {
    struct ev_chunk *head;
} ev_arena;
void *ev_alloc(ev_arena *a, size_t n);
char *ev_strndup(ev_arena *a, const char *s, size_t n);
void ev_arena_free(ev_arena *a);

/* String -> int hash map (open addressing); keys are arena-owned. */
typedef struct ev_map {
    const char **keys;
    int *vals;
    size_t cap, n;
} ev_map;
int ev_map_get(const ev_map *m, const char *k, size_t klen); /* -1 when absent */
int ev_map_put(ev_map *m, ev_arena *a, const char *k, size_t klen, int val);
void ev_map_free(ev_map *m);

typedef struct ev_word {
    const char *w;
    unsigned char exact; /* written with a trailing '_' */
    unsigned char syn;   /* w names a synset (&NAME) */
    unsigned char noun;  /* last word of an actor or agent: only a plural ending */
} ev_word;

typedef struct ev_phrase {
    ev_word *words;
    int nwords;
    int owner; /* actor group, agent, verb or synset index */
    int next;  /* next phrase with the same first word, -1 at the end */
} ev_phrase;

typedef struct ev_index {
    ev_map first; /* first word -> head phrase index */
    ev_phrase *v;
    size_t n, cap;
} ev_index;

typedef struct ev_code {
    char code[24];
    int from, to; /* YYYYMMDD validity; 0 = open */
} ev_code;

typedef struct ev_actor {
    int first, n; /* into st_cameo.codes */
} ev_actor;

typedef struct ev_agent {
    char role[24]; /* appended to the actor's code ("GOV", "MIL"...) */
} ev_agent;

typedef struct ev_pattern {
    ev_word *pre, *post;
    int npre, npost;
    char code1[8], code2[8]; /* "" = none; code1 source->target, code2 target->source */
    int null;                /* [---]: this context is not an event */
} ev_pattern;

typedef struct ev_block {
    char code1[8], code2[8];
    int null;
    int first_pattern, npatterns;
} ev_block;

typedef struct ev_verb {
    int block;
    char code1[8], code2[8]; /* the verb's own default, overriding the block's */
    int has_code, null;
    int bare; /* written without English inflection (Indonesian) */
    const char *base; /* first word of the verb as written */
} ev_verb;

typedef struct ev_codeinfo {
    char code[8];
    double goldstein;
    char *label;
} ev_codeinfo;

struct st_cameo {
    ev_arena arena;
    ev_index actors, agents, verbs;
    ev_actor *groups; size_t ngroups, capgroups;
    ev_code *codes; size_t ncodes, capcodes;
    ev_agent *agentv; size_t nagents, capagents;
    ev_block *blocks; size_t nblocks, capblocks;
    ev_pattern *patterns; size_t npatterns, cappatterns;
    ev_verb *verbv; size_t nverbs, capverbs;
    ev_map synsets;     /* name -> synset id */
    ev_index synphrases; /* phrases of every synset (owner = synset id) */
    ev_codeinfo *info; size_t ninfo, capinfo;
    ev_map infomap;
};

/* Grows *v (element size sz) to hold one more; returns 0 or -1. */
int ev_grow(void **v, size_t *cap, size_t n, size_t sz);

/* 1 when dictionary word w matches token t (upper case, length tn). */
int ev_word_match(const ev_word *w, const char *t, size_t tn);

/* Loaders (dict.c). Each returns ST_OK or an error with a message. */
int ev_load_verbs(st_cameo *c, const char *path, int inflect, char *err, size_t errlen);
int ev_load_actors(st_cameo *c, const char *path, char *err, size_t errlen);
int ev_load_agents(st_cameo *c, const char *path, char *err, size_t errlen);
int ev_load_codes(st_cameo *c, const char *path, char *err, size_t errlen);

/* The actor code of a group for a date (YYYYMMDD, 0 = latest). */
const char *ev_actor_code(const st_cameo *c, int group, int date);

#endif
