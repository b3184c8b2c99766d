/* quotes.c — a story's quotations grouped into utterances: the same words of one person,
 * as several outlets quote them (re-worded, trimmed, or quoted in part), are one quote
 * with its wordings. Two quotations are one utterance when their speakers are compatible
 * (the same person by entity key or by name; or one of them unattributed) and their words
 * are close: term cosine at least SAME_COS, or at least CONTAIN of the shorter one's terms
 * in the longer one; a quotation of fewer than MIN_TERMS content words needs its words
 * whole and in order inside the other ("the fight is here" inside "The fight is here; I
 * need ammunition"). An unattributed quotation needs the stricter SAME_COS_ANON and joins
 * one group only, that of its closest attributed match, so that it never bridges two
 * speakers. Groups are kept when they hold a direct quote; the most quoted (independent outlets, then quotations) first, at
 * most QUOTES_MAX. Quotations inside boilerplate were never extracted. */
#include "core/mem.h"
#include "story/brief.h"

#include <math.h>
#include <xxhash.h>
#include <stdlib.h>
#include <string.h>

#define SAME_COS      0.5
#define SAME_COS_ANON 0.7
#define CONTAIN       0.75
#define MIN_TERMS     2 /* a quotation with fewer content terms joins only a quotation of
                             the same person that holds its words */
#define QUOTES_MAX    8

typedef struct item {
    size_t doc;
    const sf_quote *q;
    termvec v; /* term counts */
    double norm;  /* |v| */
    uint64_t who; /* the speaker's entity key, else a hash of the words naming them, else 0 */
    size_t group;
} item;

static size_t root(item *it, size_t i)
{
    while (it[i].group != i) i = it[i].group = it[it[i].group].group;
    return i;
}

static void join(item *it, size_t i, size_t j)
{
    size_t ri = root(it, i), rj = root(it, j);
    if (ri != rj) it[ri > rj ? ri : rj].group = ri < rj ? ri : rj;
}

static int attributed(const item *x)
{
    return x->q->key || x->q->speaker_end > x->q->speaker_start;
}

static double cosine(const item *x, const item *y)
{
    return x->norm > 0 && y->norm > 0 ? tv_dot(&x->v, &y->v) / (x->norm * y->norm) : 0;
}

/* The terms of d's tokens inside [s, e) (tokens are in text order). */
static void quote_vec(const sf_doc *d, uint32_t s, uint32_t e, termvec *v)
{
    size_t lo = 0, hi = d->n_toks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->toks[mid].start < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < d->n_toks && d->toks[lo + n].end <= e) n++;
    v->n = 0;
    tv_add_tokens(v, d->toks, lo, n);
}

/* Share of the smaller vector's terms found in the other (vectors sorted by term). */
static double containment(const termvec *a, const termvec *b)
{
    size_t i = 0, j = 0, both = 0;
    while (i < a->n && j < b->n) {
        if (a->e[i].term == b->e[j].term)
            both++, i++, j++;
        else if (a->e[i].term < b->e[j].term)
            i++;
        else
            j++;
    }
    size_t m = a->n < b->n ? a->n : b->n;
    return m ? (double)both / (double)m : 0;
}

/* The speaker's identity: its entity key, else 0 (with *named set when the cue names
 * someone all the same). */
static uint64_t speaker_key(const sf_quote *q, int *named)
{
    *named = q->speaker_end > q->speaker_start;
    return q->key;
}

/* The words of a quotation, lowercased ASCII letters and digits with single spaces, into
 * buf (at most cap - 1 bytes, NUL-terminated). */
static size_t plain_words(const char *t, uint32_t s, uint32_t e, char *buf, size_t cap)
{
    size_t n = 0;
    int space = 0;
    for (uint32_t i = s; i < e && n + 2 < cap; i++) {
        char c = t[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && (unsigned char)c < 0x80) {
            space = n > 0;
            continue;
        }
        if (space) buf[n++] = ' ';
        space = 0;
        buf[n++] = c >= 'A' && c <= 'Z' ? (char)(c | 32) : c;
    }
    buf[n] = '\0';
    return n;
}

/* 1 when the shorter quotation's words stand, in order and whole, inside the longer's
 * ("the fight is here" inside "The fight is here; I need ammunition"). */
static int words_inside(const sf_brief *b, const item *x, const item *y)
{
    char sx[512], sy[512];
    size_t nx = plain_words(b->docs[x->doc]->text, x->q->start, x->q->end, sx, sizeof sx);
    size_t ny = plain_words(b->docs[y->doc]->text, y->q->start, y->q->end, sy, sizeof sy);
    const char *shortw = nx <= ny ? sx : sy, *longw = nx <= ny ? sy : sx;
    size_t ns = nx <= ny ? nx : ny, nl = nx <= ny ? ny : nx;
    if (!ns) return 0;
    for (const char *p = strstr(longw, shortw); p; p = strstr(p + 1, shortw))
        if ((p == longw || p[-1] == ' ') && (p + ns == longw + nl || p[ns] == ' ')) return 1;
    return 0;
}

static int same_utterance(const sf_brief *b, const item *x, const item *y)
{
    int nx, ny;
    uint64_t kx = speaker_key(x->q, &nx), ky = speaker_key(y->q, &ny);
    if (kx && ky && kx != ky) return 0;
    if (kx && ky && (x->v.n < MIN_TERMS || y->v.n < MIN_TERMS)) /* one person's few words */
        return x->v.n && y->v.n && words_inside(b, x, y);
    if (x->v.n < MIN_TERMS || y->v.n < MIN_TERMS) return 0;
    int anon = !(kx && ky);
    if (anon && nx && ny) { /* both named but not resolved: compare the names' words */
        const sf_doc *dx = b->docs[x->doc], *dy = b->docs[y->doc];
        uint32_t lx = x->q->speaker_end - x->q->speaker_start;
        uint32_t ly = y->q->speaker_end - y->q->speaker_start;
        if (lx != ly || memcmp(dx->text + x->q->speaker_start, dy->text + y->q->speaker_start, lx))
            return 0;
        anon = 0;
    }
    double cs = cosine(x, y);
    if (cs >= (anon ? SAME_COS_ANON : SAME_COS)) return 1;
    return !anon && containment(&x->v, &y->v) >= CONTAIN;
}

/* Wording key: the quotation's bytes with case folded (ASCII) and spacing collapsed. */
static int same_wording(const sf_brief *b, const sf_cite *x, const sf_cite *y)
{
    const char *p = b->docs[x->doc]->text + x->span.start, *pe = b->docs[x->doc]->text + x->span.end;
    const char *q = b->docs[y->doc]->text + y->span.start, *qe = b->docs[y->doc]->text + y->span.end;
    for (;;) {
        while (p < pe && strchr(" \n\t\r,.", *p)) p++;
        while (q < qe && strchr(" \n\t\r,.", *q)) q++;
        if (p == pe || q == qe) return p == pe && q == qe;
        char a = *p >= 'A' && *p <= 'Z' ? (char)(*p | 32) : *p;
        char c = *q >= 'A' && *q <= 'Z' ? (char)(*q | 32) : *q;
        if (a != c) return 0;
        p++, q++;
    }
}

/* The group's speaker: the first resolved name, else the first speaker as named. */
static char *speaker_name(const sf_brief *b, const sf_brief_quote *g)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < g->n_cites; k++) {
            const sf_quote *q = g->quotes[k];
            uint32_t s = pass ? q->speaker_start : q->name_start;
            uint32_t e = pass ? q->speaker_end : q->name_end;
            if (e <= s) continue;
            char *out = sf_xmalloc(e - s + 1);
            memcpy(out, b->docs[g->cites[k].doc]->text + s, e - s);
            out[e - s] = '\0';
            return out;
        }
    return NULL;
}

typedef struct who_at {
    uint64_t who;
    size_t i;
} who_at;

static int by_who(const void *a, const void *b)
{
    const who_at *x = a, *y = b;
    if (x->who != y->who) return x->who < y->who ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

static int by_reports(const void *a, const void *b)
{
    const sf_brief_quote *x = a, *y = b;
    if (x->n_outlets != y->n_outlets) return y->n_outlets - x->n_outlets;
    if (x->n_cites != y->n_cites) return x->n_cites < y->n_cites ? 1 : -1;
    if (x->cites[0].doc != y->cites[0].doc) return x->cites[0].doc < y->cites[0].doc ? -1 : 1;
    return (x->cites[0].span.start > y->cites[0].span.start) -
           (x->cites[0].span.start < y->cites[0].span.start);
}

void story_quotes(sf_brief *b)
{
    item *it = NULL;
    size_t n = 0, cap = 0;
    for (size_t di = 0; di < b->n_docs; di++) {
        const sf_doc *d = b->docs[di];
        for (size_t k = 0; k < d->n_quotes; k++) {
            SF_GROW(it, cap, n + 1);
            memset(&it[n], 0, sizeof it[n]);
            it[n].doc = di;
            it[n].q = &d->quotes[k];
            quote_vec(d, d->quotes[k].start, d->quotes[k].end, &it[n].v);
            it[n].norm = sqrt(tv_norm2(&it[n].v));
            const sf_quote *q = it[n].q;
            it[n].who = q->key ? q->key
                        : q->speaker_end > q->speaker_start
                            ? XXH3_64bits(d->text + q->speaker_start, q->speaker_end - q->speaker_start)
                            : 0;
            it[n].group = n;
            n++;
        }
    }
    /* attributed quotations first; then each unattributed one joins the group of its
     * closest attributed match (so that it never bridges two speakers), or else its
     * unattributed matches */
    who_at *by = sf_xmalloc((n ? n : 1) * sizeof *by); /* attributed, by speaker */
    size_t na = 0;
    for (size_t i = 0; i < n; i++)
        if (attributed(&it[i])) by[na++] = (who_at){it[i].who, i};
    if (na) qsort(by, na, sizeof *by, by_who);
    /* only one speaker's quotations can be one utterance: within each speaker's run, each
     * quotation is compared with the first quotation of each utterance so far */
    size_t *reps = sf_xmalloc((na ? na : 1) * sizeof *reps);
    for (size_t s = 0, e; s < na; s = e) {
        size_t nr = 0;
        for (e = s; e < na && by[e].who == by[s].who; e++) {
            int joined = 0;
            for (size_t r = 0; r < nr; r++)
                if (same_utterance(b, &it[by[e].i], &it[reps[r]]))
                    join(it, by[e].i, reps[r]), joined = 1;
            if (!joined) reps[nr++] = by[e].i;
        }
    }
    free(reps);
    free(by);
    for (size_t i = 0; i < n; i++) {
        if (attributed(&it[i])) continue;
        long best = -1;
        double best_cs = 0;
        for (size_t j = 0; j < n; j++) {
            if (!attributed(&it[j]) || !same_utterance(b, &it[i], &it[j])) continue;
            double cs = cosine(&it[i], &it[j]);
            if (best < 0 || cs > best_cs) best = (long)j, best_cs = cs;
        }
        if (best >= 0) {
            join(it, i, (size_t)best);
            continue;
        }
        for (size_t j = i + 1; j < n; j++)
            if (!attributed(&it[j]) && same_utterance(b, &it[i], &it[j])) join(it, i, j);
    }

    size_t qcap = 0;
    size_t *docs = sf_xmalloc((n ? n : 1) * sizeof *docs);
    for (size_t i = 0; i < n; i++) {
        if (root(it, i) != i) continue;
        int direct = 0;
        size_t m = 0;
        for (size_t j = i; j < n; j++)
            if (root(it, j) == i) {
                docs[m++] = it[j].doc;
                direct |= it[j].q->kind == SF_QUOTE_DIRECT;
            }
        if (!direct) continue;
        SF_GROW(b->quotes, qcap, b->n_quotes + 1);
        sf_brief_quote *g = &b->quotes[b->n_quotes++];
        memset(g, 0, sizeof *g);
        g->cites = sf_xmalloc(m * sizeof *g->cites);
        g->quotes = sf_xmalloc(m * sizeof *g->quotes);
        g->wording = sf_xmalloc(m * sizeof *g->wording);
        for (size_t j = i; j < n; j++) {
            if (root(it, j) != i) continue;
            const sf_quote *q = it[j].q;
            sf_cite c = {it[j].doc, {q->start, q->end}};
            int w = g->n_wordings;
            for (size_t k = 0; k < g->n_cites && w == g->n_wordings; k++)
                if (same_wording(b, &g->cites[k], &c)) w = g->wording[k];
            if (w == g->n_wordings) g->n_wordings++;
            g->wording[g->n_cites] = w;
            g->cites[g->n_cites] = c;
            g->quotes[g->n_cites++] = q;
        }
        g->n_outlets = story_outlets(b, docs, m);
        g->speaker = speaker_name(b, g);
    }
    free(docs);
    for (size_t i = 0; i < n; i++) tv_free(&it[i].v);
    free(it);
    if (b->n_quotes) qsort(b->quotes, b->n_quotes, sizeof *b->quotes, by_reports);
    for (size_t i = QUOTES_MAX; i < b->n_quotes; i++) {
        free(b->quotes[i].speaker);
        free(b->quotes[i].cites);
        free(b->quotes[i].quotes);
        free(b->quotes[i].wording);
    }
    if (b->n_quotes > QUOTES_MAX) b->n_quotes = QUOTES_MAX;
}

void story_quotes_free(sf_brief *b)
{
    for (size_t i = 0; i < b->n_quotes; i++) {
        free(b->quotes[i].speaker);
        free(b->quotes[i].cites);
        free(b->quotes[i].quotes);
        free(b->quotes[i].wording);
    }
    free(b->quotes);
    b->quotes = NULL;
    b->n_quotes = 0;
}
