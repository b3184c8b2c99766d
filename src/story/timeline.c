/* timeline.c — a story's dated statements in event-time order. Each sentence outside
 * boilerplate that holds a time expression naming calendar days (a date, a weekday
 * resolved against the report date, "last week", "in 2019") is a candidate, with the first
 * such expression as its event time. Candidates from several documents that name the
 * same days and say nearly the same thing (term cosine with the statement's first
 * sentence, as summary sentences are aligned) are one statement, cited from its earliest report with the others beside it and its
 * independent outlets counted. The most reported statements are kept, at most
 * TIMELINE_MAX, and ordered by event time, then report time. */
#include "core/mem.h"
#include "story/brief.h"

#include <stdlib.h>
#include <string.h>

#define TIMELINE_MAX 12
#define MIN_WORDS    6

typedef struct cand {
    size_t doc, sent, timex;
    int32_t first, last;
    size_t group; /* union-find parent */
} cand;

static size_t root(cand *c, size_t i)
{
    while (c[i].group != i) i = c[i].group = c[c[i].group].group;
    return i;
}

static int by_days(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    if (x->last != y->last) return x->last < y->last ? -1 : 1;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return (x->sent > y->sent) - (x->sent < y->sent);
}

static int by_outlets(const void *a, const void *b)
{
    const sf_brief_event *x = a, *y = b;
    if (x->n_outlets != y->n_outlets) return y->n_outlets - x->n_outlets;
    if (x->n_also != y->n_also) return x->n_also < y->n_also ? 1 : -1;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    if (x->cite.doc != y->cite.doc) return x->cite.doc < y->cite.doc ? -1 : 1;
    return (x->cite.span.start > y->cite.span.start) - (x->cite.span.start < y->cite.span.start);
}

int story_event_cmp(const void *a, const void *b)
{
    const sf_brief_event *x = a, *y = b;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    if (x->last != y->last) return x->last < y->last ? -1 : 1;
    if (x->cite.doc != y->cite.doc) return x->cite.doc < y->cite.doc ? -1 : 1;
    return (x->cite.span.start > y->cite.span.start) - (x->cite.span.start < y->cite.span.start);
}

/* The candidates: one per dated sentence. */
static cand *candidates(const sf_brief *b, size_t *n_out)
{
    cand *c = NULL;
    size_t n = 0, cap = 0;
    for (size_t di = 0; di < b->n_docs; di++) {
        const sf_doc *d = b->docs[di];
        size_t t = 0;
        for (size_t si = 0; si < d->n_sents; si++) {
            const sf_sentence *s = &d->sents[si];
            while (t < d->n_timexes && d->timexes[t].start < s->start) t++;
            if (s->boilerplate || s->n_tok < MIN_WORDS) continue;
            for (size_t k = t; k < d->n_timexes && d->timexes[k].end <= s->end; k++) {
                const sf_timex *x = &d->timexes[k];
                if (x->first == SF_NO_DAY || x->last == SF_NO_DAY ||
                    (x->type != SF_TIMEX_DATE && x->type != SF_TIMEX_TIME))
                    continue;
                SF_GROW(c, cap, n + 1);
                c[n] = (cand){di, si, k, x->first, x->last, n};
                n++;
                break;
            }
        }
    }
    *n_out = n;
    return c;
}

void story_timeline(sf_brief *b)
{
    size_t n;
    cand *c = candidates(b, &n);
    if (!n) {
        free(c);
        return;
    }
    qsort(c, n, sizeof *c, by_days);
    for (size_t i = 0; i < n; i++) c[i].group = i;
    /* join statements of other documents about the same days that say the same */
    termvec *v = sf_xcalloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++) story_sentence_vec(b->docs[c[i].doc], c[i].sent, &v[i]);
    /* within each run of candidates naming the same days, each is compared with the first
     * candidate of each statement so far */
    size_t *reps = sf_xmalloc(n * sizeof *reps);
    for (size_t s = 0, e; s < n; s = e) {
        size_t nr = 0;
        for (e = s; e < n && c[e].first == c[s].first && c[e].last == c[s].last; e++) {
            int joined = 0;
            for (size_t r = 0; r < nr; r++) {
                size_t k = reps[r], ri = root(c, k), re = root(c, e);
                if (c[k].doc == c[e].doc || tv_dot(&v[k], &v[e]) < ALIGN_MIN) continue;
                if (ri != re) c[ri > re ? ri : re].group = ri < re ? ri : re;
                joined = 1;
            }
            if (!joined) reps[nr++] = e;
        }
    }
    free(reps);
    for (size_t i = 0; i < n; i++) tv_free(&v[i]);
    free(v);

    /* one event per group, cited from its earliest report (documents are in date order) */
    sf_brief_event *ev = NULL;
    size_t ne = 0, cap = 0;
    size_t *docs = sf_xmalloc(n * sizeof *docs);
    for (size_t i = 0; i < n; i++) {
        if (root(c, i) != i) continue;
        size_t lead = i, nd = 0;
        for (size_t j = i; j < n; j++)
            if (root(c, j) == i) {
                docs[nd++] = c[j].doc;
                if (c[j].doc < c[lead].doc) lead = j;
            }
        SF_GROW(ev, cap, ne + 1);
        sf_brief_event *e = &ev[ne++];
        memset(e, 0, sizeof *e);
        const sf_doc *d = b->docs[c[lead].doc];
        const sf_timex *x = &d->timexes[c[lead].timex];
        e->first = x->first;
        e->last = x->last;
        memcpy(e->value, x->value, sizeof e->value);
        e->cite = (sf_cite){c[lead].doc, {d->sents[c[lead].sent].start, d->sents[c[lead].sent].end}};
        e->when = (sf_cite){c[lead].doc, {x->start, x->end}};
        e->also = sf_xmalloc(nd * sizeof *e->also);
        for (size_t j = i; j < n; j++) {
            if (root(c, j) != i || j == lead) continue;
            const sf_doc *dj = b->docs[c[j].doc];
            e->also[e->n_also++] =
                (sf_cite){c[j].doc, {dj->sents[c[j].sent].start, dj->sents[c[j].sent].end}};
        }
        e->n_outlets = story_outlets(b, docs, nd);
    }
    free(docs);
    free(c);
    qsort(ev, ne, sizeof *ev, by_outlets);
    for (size_t i = TIMELINE_MAX; i < ne; i++) free(ev[i].also);
    if (ne > TIMELINE_MAX) ne = TIMELINE_MAX;
    for (size_t i = 0; i < ne; i++) ev[i].story = b->story;
    qsort(ev, ne, sizeof *ev, story_event_cmp);
    b->timeline = ev;
    b->n_timeline = ne;
}

void story_timeline_free(sf_brief *b)
{
    for (size_t i = 0; i < b->n_timeline; i++) free(b->timeline[i].also);
    free(b->timeline);
    b->timeline = NULL;
    b->n_timeline = 0;
}
