/* cluster.c — online story clustering (see cluster.h). Cost per document is the length
 * of the posting lists of its top terms, not the number of stories. */
#include "link/cluster.h"

#include "core/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define QUERY_TERMS 20 /* the document's heaviest terms used to fetch candidates */
#define INDEX_TERMS 30 /* each member's heaviest terms under which a story is indexed */

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
    free(c->post);
    free(c->dirty_terms);
    hmap_free(&c->df);
    hmap_free(&c->term_dirty);
    hmap_free(&c->post_head);
    memset(c, 0, sizeof *c);
}

void clu_df_load(clu *c, uint64_t term, int64_t df)
{
    *hmap_put(&c->df, term, 0) = df;
}

static void post_add(clu *c, uint64_t term, uint32_t story)
{
    int64_t *head = hmap_put(&c->post_head, term, 0);
    if (*head && c->post[*head - 1].story == story) return;
    SF_GROW(c->post, c->cap_post, c->n_post + 1);
    c->post[c->n_post] = (struct clu_post){story, (int32_t)(*head - 1)};
    *head = (int64_t)++c->n_post;
}

static void index_story(clu *c, uint32_t idx, const termvec *v)
{
    uint64_t top[INDEX_TERMS];
    size_t n = tv_top_terms(v, INDEX_TERMS, top);
    for (size_t i = 0; i < n; i++) post_add(c, top[i], idx);
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

void clu_story_load(clu *c, int64_t id, int32_t day_min, int32_t day_max, int32_t n_docs,
                    const tv_entry *centroid, size_t n)
{
    clu_story *s = story_push(c, id);
    s->day_min = day_min;
    s->day_max = day_max;
    s->n_docs = n_docs;
    SF_GROW(s->centroid.e, s->centroid.cap, n);
    if (n) memcpy(s->centroid.e, centroid, n * sizeof *centroid);
    s->centroid.n = n;
    tv_normalize_order(&s->centroid);
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

static int in_window(const clu_story *s, int32_t day)
{
    if (day == SF_NO_DAY || s->day_min == SF_NO_DAY) return 1;
    return day >= s->day_min - CLU_WINDOW_DAYS && day <= s->day_max + CLU_WINDOW_DAYS;
}

clu_story *clu_assign(clu *c, const sf_doc *doc, int *created)
{
    termvec v = {0};
    clu_doc_vector(c, doc, &v);

    uint64_t q[QUERY_TERMS];
    size_t nq = tv_top_terms(&v, QUERY_TERMS, q);
    if (++c->stamp == 0) {
        for (size_t i = 0; i < c->n_stories; i++) c->stories[i].seen = 0;
        c->stamp = 1;
    }
    long best = -1;
    double best_cos = CLU_THRESHOLD;
    for (size_t t = 0; t < nq; t++) {
        int64_t *head = hmap_get(&c->post_head, q[t]);
        for (int32_t p = head ? (int32_t)(*head - 1) : -1; p >= 0; p = c->post[p].next) {
            clu_story *s = &c->stories[c->post[p].story];
            if (s->seen == c->stamp) continue;
            s->seen = c->stamp;
            if (!in_window(s, doc->day)) continue;
            double n2 = tv_norm2(&s->centroid);
            if (n2 <= 0) continue;
            double cs = tv_dot(&v, &s->centroid) / sqrt(n2);
            /* ties go to the older story: deterministic */
            if (cs > best_cos || (cs == best_cos && best >= 0 && s->id < c->stories[best].id)) {
                best_cos = cs;
                best = (long)c->post[p].story;
            }
        }
    }
    clu_story *s;
    if (best >= 0) {
        s = &c->stories[best];
        *created = 0;
    } else {
        s = story_push(c, c->next_id);
        *created = 1;
    }
    tv_axpy(&s->centroid, 1.0, &v);
    tv_truncate(&s->centroid, CLU_CENTROID_MAX);
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
    index_story(c, (uint32_t)(s - c->stories), &v);
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
