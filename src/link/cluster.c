/* cluster.c — online story clustering (see cluster.h). Cost per document is the length
 * of the posting lists of its top terms, not the number of stories. */
#include "link/cluster.h"

#include "core/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define QUERY_TERMS 24 /* the document's heaviest terms used to fetch candidates */
#define INDEX_TERMS 60 /* each member's heaviest terms under which a story is indexed */
#define SCAN_MAX                                                                                   \
    500            /* postings walked per query term, newest first: events are local in            \
                    * time, and this bounds the cost per document on any stream */
#define RESCORE 24 /* candidates sharing the most query terms get an exact cosine */

static void index_story(clu *c, uint32_t idx, const termvec *v);

void clu_init(clu *c)
{
    memset(c, 0, sizeof *c);
    c->next_id = 1;
}

void clu_free(clu *c)
{
    for (size_t i = 0; i < c->n_stories; i++) {
        tv_free(&c->stories[i].centroid);
        free(c->stories[i].title);
    }
    free(c->stories);
    free(c->dirty_stories);
    free(c->cand);
    for (size_t i = 0; i < c->n_post; i++) free(c->post[i].story);
    free(c->post);
    free(c->dirty_terms);
    hmap_free(&c->df);
    hmap_free(&c->term_dirty);
    hmap_free(&c->post_of);
    memset(c, 0, sizeof *c);
}

void clu_reindex(clu *c)
{
    for (size_t i = 0; i < c->n_post; i++) c->post[i].n = 0;
    for (size_t i = 0; i < c->n_stories; i++) index_story(c, (uint32_t)i, &c->stories[i].centroid);
}

void clu_df_load(clu *c, uint64_t term, int64_t df)
{
    *hmap_put(&c->df, term, 0) = df;
}

static void post_add(clu *c, uint64_t term, uint32_t story)
{
    int64_t *at = hmap_put(&c->post_of, term, -1);
    if (*at < 0) {
        SF_GROW(c->post, c->cap_post, c->n_post + 1);
        c->post[c->n_post] = (struct clu_post){NULL, 0, 0};
        *at = (int64_t)c->n_post++;
    }
    struct clu_post *p = &c->post[*at];
    if (p->n && p->story[p->n - 1] == story) return;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 4;
        p->story = sf_xrealloc(p->story, p->cap * sizeof *p->story);
    }
    p->story[p->n++] = story;
}

static void index_terms(clu *c, uint32_t idx, const uint64_t *top, size_t n)
{
    for (size_t i = 0; i < n; i++) post_add(c, top[i], idx);
}

static void index_story(clu *c, uint32_t idx, const termvec *v)
{
    uint64_t top[INDEX_TERMS];
    index_terms(c, idx, top, tv_top_terms(v, INDEX_TERMS, top));
}

static clu_story *story_push(clu *c, int64_t id)
{
    SF_GROW(c->stories, c->cap_stories, c->n_stories + 1);
    clu_story *s = &c->stories[c->n_stories++];
    memset(s, 0, sizeof *s);
    s->id = id;
    s->day_min = s->day_max = SF_NO_DAY;
    if (id >= c->next_id) c->next_id = id + 1;
    return s;
}

void clu_story_load(clu *c, int64_t id, int64_t storyline, int32_t day_min, int32_t day_max,
                    int32_t n_docs, const tv_entry *centroid, size_t n)
{
    clu_story *s = story_push(c, id);
    s->storyline = storyline;
    s->day_min = day_min;
    s->day_max = day_max;
    s->n_docs = n_docs;
    SF_GROW(s->centroid.e, s->centroid.cap, n);
    if (n) memcpy(s->centroid.e, centroid, n * sizeof *centroid);
    s->centroid.n = n;
    tv_normalize_order(&s->centroid);
    s->norm2 = tv_norm2(&s->centroid);
    index_story(c, (uint32_t)(s - c->stories), &s->centroid);
}

static void df_bump(clu *c, uint64_t term)
{
    (*hmap_put(&c->df, term, 0))++;
    int64_t *d = hmap_put(&c->term_dirty, term, 0);
    if (!*d) {
        *d = 1;
        SF_GROW(c->dirty_terms, c->cap_dirty, c->n_dirty + 1);
        c->dirty_terms[c->n_dirty++] = term;
    }
}

void clu_doc_vector(clu *c, const sf_doc *doc, termvec *v)
{
    v->n = 0;
    for (size_t i = 0; i < doc->n_sents; i++) {
        const sf_sentence *s = &doc->sents[i];
        if (s->boilerplate) continue;
        for (size_t k = s->tok_first; k < s->tok_first + s->n_tok; k++) {
            if (!doc->toks[k].term) continue;
            SF_GROW(v->e, v->cap, v->n + 1);
            v->e[v->n++] = (tv_entry){doc->toks[k].term, 1.0f};
        }
    }
    /* canonical entities as terms of their own: spelling variants ("Kyiv", "Kiev") count
     * as one, and a name weighs beside the words it is made of */
    for (size_t i = 0; i < doc->n_ents; i++) {
        if (sf_doc_in_boilerplate(doc, doc->ents[i].start)) continue;
        SF_GROW(v->e, v->cap, v->n + 1);
        v->e[v->n++] = (tv_entry){
            (doc->ents[i].key * 0x9E3779B97F4A7C15ULL + doc->ents[i].type) | 1, CLU_ENTITY_WEIGHT};
    }
    tv_normalize_order(v);
    c->n_docs++;
    for (size_t i = 0; i < v->n; i++) df_bump(c, v->e[i].term);
    double n = (double)c->n_docs;
    for (size_t i = 0; i < v->n; i++) {
        double df = (double)*hmap_get(&c->df, v->e[i].term);
        double idf = log(1.0 + n / df);
        v->e[i].w = (float)((1.0 + log(v->e[i].w)) * idf);
    }
    tv_unit(v);
}

static int in_window(const clu_story *s, int32_t day, int days)
{
    if (day == SF_NO_DAY || s->day_min == SF_NO_DAY) return 1;
    return day >= s->day_min - days && day <= s->day_max + days;
}

clu_story *clu_assign(clu *c, const sf_doc *doc, int *created)
{
    termvec v = {0};
    clu_doc_vector(c, doc, &v);

    /* the heaviest terms: the first QUERY_TERMS fetch candidates, all index the doc */
    uint64_t q[INDEX_TERMS];
    size_t n_index = tv_top_terms(&v, INDEX_TERMS, q);
    size_t nq = n_index < QUERY_TERMS ? n_index : QUERY_TERMS;
    if (++c->stamp == 0) {
        for (size_t i = 0; i < c->n_stories; i++) c->stories[i].seen = 0;
        c->stamp = 1;
    }
    size_t nc = 0;
    for (size_t t = 0; t < nq; t++) {
        int64_t *at = hmap_get(&c->post_of, q[t]);
        if (!at) continue;
        const struct clu_post *p = &c->post[*at];
        size_t lo = p->n > SCAN_MAX ? p->n - SCAN_MAX : 0;
        for (size_t k = p->n; k-- > lo;) {
            uint32_t si = p->story[k];
            clu_story *s = &c->stories[si];
            if (s->seen == c->stamp) {
                if (s->last_term != t) s->hits++; /* a story may be listed twice */
                s->last_term = (uint32_t)t;
                continue;
            }
            s->seen = c->stamp;
            s->hits = 1;
            s->last_term = (uint32_t)t;
            SF_GROW(c->cand, c->cap_cand, nc + 1);
            c->cand[nc++] = si;
        }
    }
    /* keep about RESCORE candidates sharing the most query terms: find the smallest hit
     * count h such that fewer than RESCORE candidates have more, in one counting pass */
    size_t count[QUERY_TERMS + 2] = {0};
    for (size_t i = 0; i < nc; i++) count[c->stories[c->cand[i]].hits]++;
    uint32_t h = QUERY_TERMS + 1;
    for (size_t above = 0; h > 1 && above + count[h - 1] <= RESCORE;) above += count[--h];
    size_t keep = 0;
    for (size_t i = 0; i < nc; i++)
        if (c->stories[c->cand[i]].hits >= h || keep < RESCORE / 2) c->cand[keep++] = c->cand[i];
    long best = -1, line = -1; /* the story to join; the closest for the storyline */
    double best_cos = CLU_THRESHOLD, line_cos = CLU_LINE_THRESHOLD;
    for (size_t i = 0; i < keep; i++) {
        clu_story *s = &c->stories[c->cand[i]];
        if (!in_window(s, doc->day, CLU_LINE_DAYS) || s->norm2 <= 0) continue;
        double cs = tv_dot(&v, &s->centroid) / sqrt(s->norm2);
        /* ties go to the older story: deterministic */
        if (cs > line_cos || (cs == line_cos && line >= 0 && s->id < c->stories[line].id)) {
            line_cos = cs;
            line = (long)c->cand[i];
        }
        if (!in_window(s, doc->day, CLU_WINDOW_DAYS)) continue;
        if (cs > best_cos || (cs == best_cos && best >= 0 && s->id < c->stories[best].id)) {
            best_cos = cs;
            best = (long)c->cand[i];
        }
    }
    clu_story *s;
    if (best >= 0) {
        s = &c->stories[best];
        *created = 0;
    } else {
        int64_t storyline = line >= 0 ? c->stories[line].storyline : c->next_id;
        s = story_push(c, c->next_id); /* may move c->stories */
        s->storyline = storyline;
        *created = 1;
    }
    tv_axpy(&s->centroid, 1.0, &v);
    tv_truncate(&s->centroid, CLU_CENTROID_MAX);
    s->norm2 = tv_norm2(&s->centroid);
    s->n_docs++;
    if (doc->day != SF_NO_DAY) {
        if (s->day_min == SF_NO_DAY || doc->day < s->day_min) s->day_min = doc->day;
        if (s->day_max == SF_NO_DAY || doc->day > s->day_max) s->day_max = doc->day;
    }
    if (!s->dirty) {
        s->dirty = 1;
        SF_GROW(c->dirty_stories, c->cap_dirty_stories, c->n_dirty_stories + 1);
        c->dirty_stories[c->n_dirty_stories++] = (uint32_t)(s - c->stories);
    }
    index_terms(c, (uint32_t)(s - c->stories), q, n_index);
    tv_free(&v);
    return s;
}

void clu_saved(clu *c)
{
    for (size_t i = 0; i < c->n_dirty_stories; i++) {
        clu_story *s = &c->stories[c->dirty_stories[i]];
        s->dirty = 0;
        free(s->title);
        s->title = NULL;
    }
    c->n_dirty_stories = 0;
    c->n_dirty = 0;
    hmap_free(&c->term_dirty);
}
