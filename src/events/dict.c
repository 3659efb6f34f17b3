/* dict.c — readers of PETRARCH-format dictionaries: verbs with patterns and
 * synonym sets, actors with dated codes, agents; and the CAMEO codebook. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/dict.h"
#include "util/util.h"

#define GROW(c, arr, n, cap) ev_grow((void **)&(c)->arr, &(c)->cap, (c)->n, sizeof *(c)->arr)

/* Splits a phrase ("PRIME_MINISTER", "HAMAS WING", "&FOOD") into words,
 * upper-cased. Returns the count (0 on failure or nothing). */
static int split_words(st_cameo *c, const char *s, size_t n, ev_word **out)
{
    ev_word tmp[32];
    int nw = 0;
    size_t i = 0;
    while (i < n && nw < 32) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '_' || s[i] == '(' ||
                         s[i] == ')' || s[i] == '{' || s[i] == '}'))
            i++;
        size_t st = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '_' && s[i] != '(' &&
               s[i] != ')' && s[i] != '{' && s[i] != '}')
            i++;
        if (i == st)
            break;
        char *w = ev_strndup(&c->arena, s + st, i - st);
        if (!w)
            return 0;
        for (char *p = w; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        tmp[nw].syn = w[0] == '&';
        tmp[nw].w = tmp[nw].syn ? w + 1 : w;
        tmp[nw].exact = i < n && s[i] == '_' && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t');
        tmp[nw].noun = 0;
        nw++;
    }
    if (!nw)
        return 0;
    *out = ev_alloc(&c->arena, (size_t)nw * sizeof **out);
    if (!*out)
        return 0;
    memcpy(*out, tmp, (size_t)nw * sizeof **out);
    return nw;
}

static int index_add(st_cameo *c, ev_index *x, ev_word *w, int nw, int owner)
{
    if (ev_grow((void **)&x->v, &x->cap, x->n, sizeof *x->v))
        return ST_ENOMEM;
    int head = ev_map_get(&x->first, w[0].w, strlen(w[0].w));
    x->v[x->n] = (ev_phrase){w, nw, owner, head};
    if (ev_map_put(&x->first, &c->arena, w[0].w, strlen(w[0].w), (int)x->n))
        return ST_ENOMEM;
    x->n++;
    return ST_OK;
}

static int add_phrase(st_cameo *c, ev_index *x, const char *s, size_t n, int owner)
{
    ev_word *w;
    int nw = split_words(c, s, n, &w);
    return nw ? index_add(c, x, w, nw, owner) : ST_OK;
}

/* A name ("NORTH_WEST_", "PRIME_MINISTER"): only its last word may be a
 * stem, as in PETRARCH, so NORTH_WEST does not match "northern West (Bank)". */
static int add_name(st_cameo *c, ev_index *x, const char *s, size_t n, int owner)
{
    ev_word *w;
    int nw = split_words(c, s, n, &w);
    for (int k = 0; k + 1 < nw; k++)
        w[k].exact = !w[k].syn;
    if (nw)
        w[nw - 1].noun = 1;
    return nw ? index_add(c, x, w, nw, owner) : ST_OK;
}

/* Strips a '#' comment and trailing space in place; returns the length. */
static size_t clean_line(char *line)
{
    char *h = strchr(line, '#');
    if (h)
        *h = 0;
    size_t n = strlen(line);
    while (n && isspace((unsigned char)line[n - 1]))
        line[--n] = 0;
    return n;
}

static FILE *open_dict(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f)
        st_seterr(err, errlen, ST_EIO, "cannot open dictionary %s", path);
    return f;
}

/* ------------------------------------------------------------------ verbs */

/* "[042:043]", "[---]", "[:020]" -> codes; returns 1 when a bracket was read. */
static int parse_codes(const char *s, char code1[8], char code2[8], int *null)
{
    const char *b = strchr(s, '[');
    code1[0] = code2[0] = 0;
    *null = 0;
    if (!b)
        return 0;
    const char *e = strchr(b, ']');
    if (!e)
        return 0;
    char buf[32];
    size_t n = (size_t)(e - b - 1) < sizeof buf - 1 ? (size_t)(e - b - 1) : sizeof buf - 1;
    memcpy(buf, b + 1, n);
    buf[n] = 0;
    char *colon = strchr(buf, ':');
    if (colon)
        *colon = 0;
    char *a = st_trim(buf);
    if (!strncmp(a, "---", 3))
        *null = 1;
    else
        snprintf(code1, 8, "%s", a);
    if (colon) {
        char *t = st_trim(colon + 1);
        if (*t && strncmp(t, "---", 3))
            snprintf(code2, 8, "%s", t);
    }
    if (*null && code2[0])
        *null = 0;
    return 1;
}

/* Regular English forms of a verb: -s, -ed, -ing, with the usual spelling
 * rules; doubled-consonant forms are added too (a spare form never hurts). */
/* out = w[0..n) + extra letter (0 = none) + suffix; callers keep n <= 30. */
static void form(char out[40], const char *w, size_t n, char extra, const char *suf)
{
    size_t k = 0;
    memcpy(out, w, n);
    k = n;
    if (extra)
        out[k++] = extra;
    size_t sl = strlen(suf);
    memcpy(out + k, suf, sl);
    out[k + sl] = 0;
}

static int inflect(const char *w, char out[8][40])
{
    size_t n = strlen(w);
    int k = 0;
    if (n < 2 || n > 30)
        return 0;
    char last = w[n - 1], prev = w[n - 2];
    int vowel_prev = strchr("AEIOU", prev) != NULL;
    if (last == 'Y' && !vowel_prev) {
        form(out[k++], w, n - 1, 0, "IES");
        form(out[k++], w, n - 1, 0, "IED");
    } else if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S'))) {
        form(out[k++], w, n, 0, "ES");
        form(out[k++], w, n, 0, "ED");
    } else if (last == 'E') {
        form(out[k++], w, n, 0, "S");
        form(out[k++], w, n, 0, "D");
    } else {
        form(out[k++], w, n, 0, "S");
        form(out[k++], w, n, 0, "ED");
    }
    if (last == 'E' && prev != 'E')
        form(out[k++], w, n - 1, 0, "ING");
    else
        form(out[k++], w, n, 0, "ING");
    if (!strchr("AEIOUWXY", last) && vowel_prev && n >= 3 && !strchr("AEIOU", w[n - 3])) {
        form(out[k++], w, n, last, "ED");
        form(out[k++], w, n, last, "ING");
    }
    return k;
}

/* A verb line: "WORD {FORMS} [code]" or "+MULTI_WORD {+FORMS}". */
static int verb_line(st_cameo *c, char *line, int block, int do_inflect)
{
    if (GROW(c, verbv, nverbs, capverbs))
        return ST_ENOMEM;
    ev_verb *v = &c->verbv[c->nverbs];
    memset(v, 0, sizeof *v);
    v->block = block;
    char *br = strchr(line, '[');
    char *cur = strchr(line, '{');
    if (br && (!cur || br < cur || strchr(cur, '}') < br)) {
        v->has_code = parse_codes(br, v->code1, v->code2, &v->null);
        *br = 0;
    }
    int id = (int)c->nverbs++;
    char *forms = NULL;
    if (cur) {
        char *ce = strchr(cur, '}');
        if (ce)
            *ce = 0;
        forms = cur + 1;
        *cur = 0;
    }
    char *head = st_trim(line);
    if (*head == '+')
        head++;
    size_t hn = strlen(head);
    if (!hn)
        return ST_OK;
    v->bare = !do_inflect;
    v->base = ev_strndup(&c->arena, head, strcspn(head, "_ "));
    if (!v->base)
        return ST_ENOMEM;
    for (char *q = (char *)v->base; *q; q++)
        *q = (char)toupper((unsigned char)*q);
    int rc = add_phrase(c, &c->verbs, head, hn, id);
    if (rc)
        return rc;
    if (forms) {
        for (char *tok = strtok(forms, " \t"); tok; tok = strtok(NULL, " \t")) {
            if (*tok == '+')
                tok++;
            if (*tok && (rc = add_phrase(c, &c->verbs, tok, strlen(tok), id)))
                return rc;
        }
        if (!do_inflect || *forms == 0)
            return ST_OK;
        /* Irregular forms were listed: do not invent regular ones. */
        return ST_OK;
    }
    if (!do_inflect)
        return ST_OK;
    /* Inflect the first word; the rest of a multi-word verb stays. */
    size_t w1 = strcspn(head, "_ ");
    char first[40], gen[8][40], buf[160];
    if (w1 >= sizeof first)
        return ST_OK;
    memcpy(first, head, w1);
    first[w1] = 0;
    for (char *p = first; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    int k = inflect(first, gen);
    for (int i = 0; i < k; i++) {
        int m = snprintf(buf, sizeof buf, "%s%s", gen[i], head + w1);
        if (m > 0 && (size_t)m < sizeof buf && (rc = add_phrase(c, &c->verbs, buf, (size_t)m, id)))
            return rc;
    }
    return ST_OK;
}

/* "- PRE * POST [code] # comment" */
static int pattern_line(st_cameo *c, char *line, int block)
{
    char *star = strchr(line, '*');
    char *br = strchr(line, '[');
    if (!star || !br || br < star)
        return ST_OK;
    if (GROW(c, patterns, npatterns, cappatterns))
        return ST_ENOMEM;
    ev_pattern *p = &c->patterns[c->npatterns];
    memset(p, 0, sizeof *p);
    parse_codes(br, p->code1, p->code2, &p->null);
    *br = 0;
    *star = 0;
    /* Markers of where the source ($) or target (+) sits, compounds (%) and
     * skips (^) mean nothing to a coder without a parse: drop them. */
    for (char *q = line + 1; *q; q++)
        if (strchr("$+%^|", *q))
            *q = ' ';
    for (char *q = star + 1; *q; q++)
        if (strchr("$+%^|", *q))
            *q = ' ';
    char *pre = line + 1;
    p->npre = split_words(c, pre, strlen(pre), &p->pre);
    p->npost = split_words(c, star + 1, strlen(star + 1), &p->post);
    c->npatterns++;
    c->blocks[block].npatterns++;
    return ST_OK;
}

static int block_header(st_cameo *c, const char *line)
{
    if (GROW(c, blocks, nblocks, capblocks))
        return -1;
    ev_block *b = &c->blocks[c->nblocks];
    memset(b, 0, sizeof *b);
    const char *br = strchr(line, '[');
    if (br)
        parse_codes(br, b->code1, b->code2, &b->null);
    else
        b->null = 1;
    b->first_pattern = (int)c->npatterns;
    return (int)c->nblocks++;
}

int ev_load_verbs(st_cameo *c, const char *path, int do_inflect, char *err, size_t errlen)
{
    FILE *f = open_dict(path, err, errlen);
    if (!f)
        return ST_EIO;
    char line[2048];
    int block = -1, synset = -1, rc = ST_OK, transforms = 0;
    while (rc == ST_OK && fgets(line, sizeof line, f)) {
        if (!strncmp(line, "####### TRANSFORM", 17) || !strncmp(line, "######## TRANSFORM", 18))
            transforms = 1;
        if (transforms || line[0] == '<')
            continue;
        size_t n = clean_line(line);
        if (!n)
            continue;
        if (line[0] == '&') {
            char *name = st_trim(line + 1);
            size_t nn = strcspn(name, " \t");
            synset = ev_map_get(&c->synsets, name, nn);
            if (synset < 0) {
                synset = (int)c->synsets.n;
                if (ev_map_put(&c->synsets, &c->arena, name, nn, synset))
                    rc = ST_ENOMEM;
            }
            continue;
        }
        if (!strncmp(line, "---", 3)) {
            synset = -1;
            if ((block = block_header(c, line)) < 0)
                rc = ST_ENOMEM;
            continue;
        }
        if (line[0] == '+' && synset >= 0) {
            rc = add_phrase(c, &c->synphrases, line + 1, strlen(line + 1), synset);
            continue;
        }
        synset = -1;
        if (block < 0)
            continue;
        if (line[0] == '-')
            rc = pattern_line(c, line, block);
        else if (!isspace((unsigned char)line[0]))
            rc = verb_line(c, line, block, do_inflect);
    }
    fclose(f);
    if (rc)
        st_seterr(err, errlen, rc, "out of memory reading %s", path);
    return rc;
}

/* ------------------------------------------------------------------ actors */

/* YYMMDD (pivot 1930) or YYYYMMDD -> YYYYMMDD. */
static int parse_date(const char *s)
{
    int n = 0, v = 0;
    /* Longer digit runs are no date; stop before they overflow. */
    while (isdigit((unsigned char)s[n]) && n < 9)
        v = v * 10 + (s[n++] - '0');
    if (n == 6)
        v += (v / 10000 < 30 ? 20000000 : 19000000);
    return n == 6 || n == 8 ? v : 0;
}

/* "[CODE]", "[CODE 850103-130201]", "[CODE >130201]", "[CODE <130201]" */
static int actor_codes(st_cameo *c, const char *s, int group)
{
    for (const char *b = strchr(s, '['); b; b = strchr(b + 1, '[')) {
        const char *e = strchr(b, ']');
        if (!e)
            break;
        if (GROW(c, codes, ncodes, capcodes))
            return ST_ENOMEM;
        ev_code *k = &c->codes[c->ncodes];
        memset(k, 0, sizeof *k);
        const char *p = b + 1;
        while (*p == ' ')
            p++;
        size_t i = 0;
        while (p < e && *p != ' ' && i < sizeof k->code - 1)
            k->code[i++] = (char)toupper((unsigned char)*p++);
        while (p < e && *p == ' ')
            p++;
        if (p < e && *p == '>')
            k->from = parse_date(p + 1);
        else if (p < e && *p == '<')
            k->to = parse_date(p + 1);
        else if (p < e && isdigit((unsigned char)*p)) {
            k->from = parse_date(p);
            const char *d = strchr(p, '-');
            if (d && d < e)
                k->to = parse_date(d + 1);
        }
        if (!i)
            continue;
        if (c->groups[group].n == 0)
            c->groups[group].first = (int)c->ncodes;
        c->groups[group].n++;
        c->ncodes++;
    }
    return ST_OK;
}

static int new_group(st_cameo *c)
{
    if (GROW(c, groups, ngroups, capgroups))
        return -1;
    c->groups[c->ngroups] = (ev_actor){0, 0};
    return (int)c->ngroups++;
}

int ev_load_actors(st_cameo *c, const char *path, char *err, size_t errlen)
{
    FILE *f = open_dict(path, err, errlen);
    if (!f)
        return ST_EIO;
    char line[2048];
    int group = -1, rc = ST_OK;
    while (rc == ST_OK && fgets(line, sizeof line, f)) {
        if (line[0] == '<')
            continue;
        size_t n = clean_line(line);
        char *s = st_trim(line);
        if (!n || !*s)
            continue;
        if (*s == '[') {
            if (group >= 0)
                rc = actor_codes(c, s, group);
            continue;
        }
        int syn = *s == '+';
        if (!syn && (group = new_group(c)) < 0) {
            rc = ST_ENOMEM;
            break;
        }
        if (group < 0)
            continue;
        char *br = strchr(s, '[');
        size_t pn = br ? (size_t)(br - s) : strlen(s);
        /* "{...}" after a name lists other forms in some files: not needed. */
        char *cur = memchr(s, '{', pn);
        if (cur)
            pn = (size_t)(cur - s);
        rc = add_name(c, &c->actors, s + syn, pn - (size_t)syn, group);
        if (rc == ST_OK && br)
            rc = actor_codes(c, br, group);
    }
    fclose(f);
    return rc ? st_seterr(err, errlen, rc, "out of memory reading %s", path) : ST_OK;
}

const char *ev_actor_code(const st_cameo *c, int group, int date)
{
    const ev_actor *g = &c->groups[group];
    const ev_code *best = NULL;
    for (int i = 0; i < g->n; i++) {
        const ev_code *k = &c->codes[g->first + i];
        int open = !k->from && !k->to;
        if (date) {
            if (!open && (!k->from || date >= k->from) && (!k->to || date <= k->to))
                return k->code;
            if (open && !best)
                best = k;
        } else if (!k->to) {
            /* Undated text: the code that is still current. */
            if (!best || k->from > best->from)
                best = k;
        }
    }
    if (!best && g->n)
        best = &c->codes[g->first + g->n - 1];
    return best ? best->code : NULL;
}

/* ------------------------------------------------------------------ agents */

typedef struct macro {
    char name[32];
    char alts[8][32];
    int nalts;
} macro;

static int add_agent_phrase(st_cameo *c, const char *s, int agent, int plurals)
{
    int rc = add_name(c, &c->agents, s, strlen(s), agent);
    if (rc || !plurals)
        return rc;
    char gen[8][40], buf[200];
    size_t n = strlen(s);
    if (n > 150)
        return ST_OK;
    int k = 0;
    char last = (char)toupper((unsigned char)s[n - 1]);
    if (last == 'Y')
        snprintf(gen[k++], 40, "IES");
    else if (last == 'S' || last == 'H' || last == 'X')
        snprintf(gen[k++], 40, "ES");
    else
        snprintf(gen[k++], 40, "S");
    if (n > 3 && !strcmp(s + n - 3, "MAN")) {
        snprintf(buf, sizeof buf, "%.*sMEN", (int)n - 3, s);
        return add_name(c, &c->agents, buf, strlen(buf), agent);
    }
    snprintf(buf, sizeof buf, "%.*s%s", (int)(last == 'Y' ? n - 1 : n), s, gen[0]);
    return add_name(c, &c->agents, buf, strlen(buf), agent);
}

/* Expands !MACRO! markers (each alternative) and adds every phrase. */
static int expand_agent(st_cameo *c, const char *s, const macro *m, int nm, int agent, int plurals)
{
    const char *a = strchr(s, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!b)
        return add_agent_phrase(c, s, agent, plurals);
    for (int i = 0; i < nm; i++) {
        if (strncmp(m[i].name, a + 1, (size_t)(b - a - 1)) || m[i].name[b - a - 1])
            continue;
        for (int j = 0; j < m[i].nalts; j++) {
            char buf[256];
            snprintf(buf, sizeof buf, "%.*s%s%s", (int)(a - s), s, m[i].alts[j], b + 1);
            int rc = expand_agent(c, buf, m, nm, agent, 0);
            if (rc)
                return rc;
        }
    }
    return ST_OK;
}

int ev_load_agents(st_cameo *c, const char *path, char *err, size_t errlen)
{
    FILE *f = open_dict(path, err, errlen);
    if (!f)
        return ST_EIO;
    char line[2048];
    macro m[16];
    int nm = 0, rc = ST_OK;
    while (rc == ST_OK && fgets(line, sizeof line, f)) {
        if (line[0] == '<')
            continue;
        clean_line(line);
        char *s = st_trim(line);
        if (!*s)
            continue;
        if (*s == '!' && strchr(s, '=')) {
            if (nm == 16)
                continue;
            char *e = strchr(s + 1, '!');
            if (!e)
                continue;
            snprintf(m[nm].name, sizeof m[nm].name, "%.*s", (int)(e - s - 1), s + 1);
            m[nm].nalts = 0;
            for (char *t = strtok(strchr(s, '=') + 1, ", \t"); t && m[nm].nalts < 8;
                 t = strtok(NULL, ", \t"))
                snprintf(m[nm].alts[m[nm].nalts++], 32, "%s", t);
            nm++;
            continue;
        }
        char *br = strchr(s, '[');
        if (!br)
            continue;
        char *be = strchr(br, ']');
        if (!be)
            continue;
        if (GROW(c, agentv, nagents, capagents)) {
            rc = ST_ENOMEM;
            break;
        }
        ev_agent *ag = &c->agentv[c->nagents];
        char *code = br + 1;
        *be = 0;
        while (*code == '~' || *code == ' ')
            code++;
        size_t cl = strcspn(code, "~ ");
        snprintf(ag->role, sizeof ag->role, "%.*s", (int)cl, code);
        for (char *p = ag->role; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        int id = (int)c->nagents++;
        *br = 0;
        char *cur = strchr(s, '{');
        int plurals = 1;
        if (cur) {
            char *ce = strchr(cur, '}');
            if (ce) {
                *ce = 0;
                for (char *t = strtok(cur + 1, " \t"); t && rc == ST_OK; t = strtok(NULL, " \t"))
                    rc = add_name(c, &c->agents, t, strlen(t), id);
            }
            *cur = 0;
            plurals = 0;
        }
        char *name = st_trim(s);
        for (char *p = name; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        if (rc == ST_OK && *name)
            rc = expand_agent(c, name, m, nm, id, plurals);
    }
    fclose(f);
    return rc ? st_seterr(err, errlen, rc, "out of memory reading %s", path) : ST_OK;
}

/* ------------------------------------------------------------------ codebook */

int ev_load_codes(st_cameo *c, const char *path, char *err, size_t errlen)
{
    FILE *f = open_dict(path, err, errlen);
    if (!f)
        return ST_EIO;
    char line[1024];
    int rc = ST_OK;
    while (rc == ST_OK && fgets(line, sizeof line, f)) {
        char *cols[5] = {0};
        int nc = 0;
        line[strcspn(line, "\r\n")] = 0;
        for (char *p = line; nc < 5;) {
            cols[nc++] = p;
            char *t = strchr(p, '\t');
            if (!t)
                break;
            *t = 0;
            p = t + 1;
        }
        if (nc < 4 || !isdigit((unsigned char)cols[0][0]))
            continue;
        if (GROW(c, info, ninfo, capinfo)) {
            rc = ST_ENOMEM;
            break;
        }
        ev_codeinfo *k = &c->info[c->ninfo];
        snprintf(k->code, sizeof k->code, "%s", cols[0]);
        k->goldstein = strtod(cols[3], NULL);
        k->label = ev_strndup(&c->arena, cols[2], strlen(cols[2]));
        if (!k->label || ev_map_put(&c->infomap, &c->arena, k->code, strlen(k->code), (int)c->ninfo))
            rc = ST_ENOMEM;
        c->ninfo++;
    }
    fclose(f);
    return rc ? st_seterr(err, errlen, rc, "out of memory reading %s", path) : ST_OK;
}
