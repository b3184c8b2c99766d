/* line.c — the timeline across a storyline. A brief's timeline holds its own story's
 * dated statements (timeline.c); when the story belongs to a storyline, the most reported
 * dated statements of the storyline's other events join them, so that the reader sees
 * what came before and after. Each other event is read from its earliest LINE_DOCS
 * documents (analyzed and grouped into outlets as a brief's are), and gives its
 * LINE_PER_EVENT statements with the most independent outlets (on ties, those nearest
 * to their report date: the event itself, not the background); the LINE_STORIES events
 * nearest in time are read. The documents those statements cite are kept in b->docs
 * after the story's own, so every citation stays exact bytes of a stored document. */
#include "core/date.h"
#include "core/mem.h"
#include "story/brief.h"

#include <stdlib.h>
#include <string.h>

#define LINE_STORIES   6
#define LINE_DOCS      24
#define LINE_PER_EVENT 3

typedef struct near {
    int64_t id;
    int32_t dist; /* days between first reports; undated stories last */
} near;

static int by_dist(const void *a, const void *b)
{
    const near *x = a, *y = b;
    if (x->dist != y->dist) return x->dist < y->dist ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

typedef struct ranked {
    size_t i;        /* index in sub->timeline */
    int outlets, also;
    int32_t dist;    /* days between the event time and its report (background last) */
} ranked;

static int by_rank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->outlets != y->outlets) return y->outlets - x->outlets;
    if (x->also != y->also) return y->also - x->also;
    if (x->dist != y->dist) return x->dist < y->dist ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* The document sub->docs[i] as an index of b->docs: appended (taken from sub) the first
 * time a statement cites it. */
static size_t take_doc(sf_brief *b, sf_brief *sub, size_t *map, size_t i, size_t *cap)
{
    if (map[i] != SIZE_MAX) return map[i];
    size_t k = b->n_docs + b->n_line_docs;
    SF_GROW(b->docs, *cap, k + 1);
    b->docs[k] = sub->docs[i];
    sub->docs[i] = NULL;
    b->line_doc_story = sf_xrealloc(b->line_doc_story, (b->n_line_docs + 1) * sizeof(int64_t));
    b->line_doc_story[b->n_line_docs++] = sub->story;
    return map[i] = k;
}

/* Move sub's most reported statements into b->timeline: most independent outlets, then
 * most reports, then nearest to when they were reported (the event itself before the
 * background a report recalls). */
static void take_events(sf_brief *b, sf_brief *sub, size_t *docs_cap, size_t *ev_cap)
{
    ranked *r = sf_xmalloc((sub->n_timeline ? sub->n_timeline : 1) * sizeof *r);
    for (size_t i = 0; i < sub->n_timeline; i++) {
        const sf_brief_event *e = &sub->timeline[i];
        int32_t day = sub->docs[e->cite.doc]->day;
        int32_t dist = day == SF_NO_DAY  ? INT32_MAX
                       : day < e->first  ? e->first - day
                       : day > e->last   ? day - e->last
                                         : 0;
        r[i] = (ranked){i, e->n_outlets, (int)e->n_also, dist};
    }
    qsort(r, sub->n_timeline, sizeof *r, by_rank);
    size_t n = sub->n_timeline < LINE_PER_EVENT ? sub->n_timeline : LINE_PER_EVENT;
    size_t *map = sf_xmalloc((sub->n_docs ? sub->n_docs : 1) * sizeof *map);
    for (size_t i = 0; i < sub->n_docs; i++) map[i] = SIZE_MAX;
    for (size_t k = 0; k < n; k++) {
        sf_brief_event e = sub->timeline[r[k].i];
        e.cite.doc = e.when.doc = take_doc(b, sub, map, e.cite.doc, docs_cap);
        for (size_t j = 0; j < e.n_also; j++)
            e.also[j].doc = take_doc(b, sub, map, e.also[j].doc, docs_cap);
        e.story = sub->story;
        SF_GROW(b->timeline, *ev_cap, b->n_timeline + 1);
        b->timeline[b->n_timeline++] = e;
        sub->timeline[r[k].i].also = NULL; /* now b's */
    }
    free(map);
    free(r);
}

int story_line_timeline(sf_db *db, sf_brief *b, sf_error *err)
{
    if (!b->line) return SF_OK;
    int32_t own = SF_NO_DAY;
    for (size_t i = 0; i < b->line->n; i++)
        if (b->line->rows[i].id == b->story) own = sf_date_day(b->line->rows[i].first_date);
    near *nb = sf_xmalloc(b->line->n * sizeof *nb);
    size_t nn = 0;
    for (size_t i = 0; i < b->line->n; i++) {
        const sf_story_row *r = &b->line->rows[i];
        if (r->id == b->story) continue;
        int32_t day = sf_date_day(r->first_date);
        int32_t dist = day == SF_NO_DAY || own == SF_NO_DAY ? INT32_MAX
                       : day > own                          ? day - own
                                                            : own - day;
        nb[nn++] = (near){r->id, dist};
    }
    qsort(nb, nn, sizeof *nb, by_dist);
    if (nn > LINE_STORIES) nn = LINE_STORIES;
    size_t docs_cap = b->n_docs, ev_cap = b->n_timeline;
    int rc = SF_OK;
    for (size_t i = 0; i < nn && rc == SF_OK; i++) {
        sf_brief *sub = story_brief_load(db, nb[i].id, LINE_DOCS, err);
        if (!sub) {
            rc = err && err->code ? err->code : SF_EIO;
            break;
        }
        story_timeline(sub);
        take_events(b, sub, &docs_cap, &ev_cap);
        sf_brief_free(sub);
    }
    free(nb);
    if (b->n_timeline > 1) qsort(b->timeline, b->n_timeline, sizeof *b->timeline, story_event_cmp);
    return rc;
}
