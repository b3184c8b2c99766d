/* cluster.c — online story clustering (see cluster.h). Cost per document is bounded by
 * SCAN_MAX postings per query term, not the number of stories; a story's postings are
 * updated where its centroid's heaviest terms change. */
#include "link/cluster.h"

#include "core/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define QUERY_TERMS 24 /* the document's heaviest terms used to fetch candidates */
#define SCAN_MAX                                                                                   \
    500            /* postings walked per query term, newest first: events are local in            \
                    * time, and this bounds the cost per document on any stream */
#define RESCORE 24 /* candidates sharing the most query terms get an exact cosine */
_Static_assert(QUERY_TERMS < 256, "clu_scan counts query terms in a byte");

void clu_init(clu *c)
{
    memset(c, 0, sizeof *c);
    c->next_id = 1;
    c->window = CLU_ACTIVE_DOCS;
    c->step = CLU_EVICT_STEP;
}

int64_t clu_window_start(const clu *c, int64_t n)
{
    return n / c->step * c->step - c->window;
}

void clu_free(clu *c)
{
    for (size_t i = 0; i < c->n_stories; i++) {
        tv_free(&c->stories[i].centroid);
        free(c->stories[i].terms);
        free(c->stories[i].title);
    }
    free(c->stories);
    free(c->scan);
    free(c->active);
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

void clu_df_load(clu *c, uint64_t term, int64_t df)
{
    *hmap_put(&c->df, term, 0) = df;
}

/* The first position in p whose story index is >= idx. */
static uint32_t post_find(const struct clu_post *p, uint32_t idx)
{
    uint32_t lo = 0, hi = p->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (p->story[mid] < idx)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* List story idx under term, keeping the list in index order (a new story appends). */
static void post_add(clu *c, uint64_t term, uint32_t idx)
{
    int64_t *at = hmap_put(&c->post_of, term, -1);
    if (*at < 0) {
        SF_GROW(c->post, c->cap_post, c->n_post + 1);
        c->post[c->n_post] = (struct clu_post){NULL, 0, 0};
        *at = (int64_t)c->n_post++;
    }
    struct clu_post *p = &c->post[*at];
    uint32_t k = p->n && p->story[p->n - 1] < idx ? p->n : post_find(p, idx);
    if (k < p->n && p->story[k] == idx) return;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 4;
        p->story = sf_xrealloc(p->story, p->cap * sizeof *p->story);
    }
    memmove(p->story + k + 1, p->story + k, (p->n - k) * sizeof *p->story);
    p->story[k] = idx;
    p->n++;
}

static void post_remove(clu *c, uint64_t term, uint32_t idx)
{
    int64_t *at = hmap_get(&c->post_of, term);
    if (!at) return;
    struct clu_post *p = &c->post[*at];
    uint32_t k = post_find(p, idx);
    if (k == p->n || p->story[k] != idx) return;
    memmove(p->story + k, p->story + k + 1, (p->n - k - 1) * sizeof *p->story);
    p->n--;
}

static int by_term_asc(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Index story idx under its centroid's heaviest terms, updating only what changed. */
static void reindex_story(clu *c, uint32_t idx)
{
    clu_story *s = &c->stories[idx];
    uint64_t top[CLU_INDEX_TERMS];
    size_t n = tv_top_terms(&s->centroid, CLU_INDEX_TERMS, top);
    qsort(top, n, sizeof *top, by_term_asc);
    size_t i = 0, j = 0;
    while (i < s->n_terms || j < n) {
        if (j == n || (i < s->n_terms && s->terms[i] < top[j]))
            post_remove(c, s->terms[i++], idx);
        else if (i == s->n_terms || top[j] < s->terms[i])
            post_add(c, top[j++], idx);
        else
            i++, j++;
    }
    if (!s->terms) s->terms = sf_xmalloc(CLU_INDEX_TERMS * sizeof *s->terms);
    memcpy(s->terms, top, n * sizeof *top);
    s->n_terms = (uint32_t)n;
}

static clu_story *story_push(clu *c, int64_t id)
{
    SF_GROW(c->stories, c->cap_stories, c->n_stories + 1);
    SF_GROW(c->active, c->cap_active, c->n_active + 1);
    c->active[c->n_active++] = (uint32_t)c->n_stories;
    SF_GROW(c->scan, c->cap_scan, c->n_stories + 1);
    c->scan[c->n_stories] = (struct clu_scan){0, 0, 0};
    clu_story *s = &c->stories[c->n_stories++];
    memset(s, 0, sizeof *s);
    s->id = id;
    s->day_min = s->day_max = SF_NO_DAY;
    if (id >= c->next_id) c->next_id = id + 1;
    return s;
}

void clu_story_load(clu *c, int64_t id, int64_t storyline, int32_t day_min, int32_t day_max,
                    int32_t n_docs, int64_t last_doc, const tv_entry *centroid, size_t n)
{
    clu_story *s = story_push(c, id);
    s->storyline = storyline;
    s->day_min = day_min;
    s->day_max = day_max;
    s->n_docs = n_docs;
    s->last_doc = last_doc;
    SF_GROW(s->centroid.e, s->centroid.cap, n);
    if (n) memcpy(s->centroid.e, centroid, n * sizeof *centroid);
    s->centroid.n = n;
    tv_normalize_order(&s->centroid);
    s->norm2 = tv_norm2(&s->centroid);
    reindex_story(c, (uint32_t)(s - c->stories));
}

/* Move the held stories down to dense indexes, in the same order, once evicted slots are
 * half of the array: the scan's state (c->scan, random access per posting walked) then
 * spans at most twice the held stories however many the stream has made, and stays in
 * cache. Order is kept, so every posting list stays sorted and every scan walks the
 * same stories in the same order: results are unchanged. */
static void compact(clu *c)
{
    uint32_t *to = sf_xmalloc((c->n_stories ? c->n_stories : 1) * sizeof *to);
    for (size_t i = 0; i < c->n_stories; i++)
        if (c->stories[i].evicted) free(c->stories[i].title);
    for (size_t i = 0; i < c->n_active; i++) {
        to[c->active[i]] = (uint32_t)i;
        if (c->active[i] != i) c->stories[i] = c->stories[c->active[i]];
        c->active[i] = (uint32_t)i;
    }
    for (size_t i = 0; i < c->n_post; i++)
        for (uint32_t k = 0; k < c->post[i].n; k++) c->post[i].story[k] = to[c->post[i].story[k]];
    for (size_t i = 0; i < c->n_dirty_stories; i++) c->dirty_stories[i] = to[c->dirty_stories[i]];
    free(to);
    c->n_stories = c->n_active;
    memset(c->scan, 0, c->n_stories * sizeof *c->scan);
    c->stamp = 0;
}

/* Drop the stories marked in gone (by index) from the posting lists of their terms. Each
 * list is filtered once, however many of its stories go: they are the oldest, at the
 * front of the lists, so removing them one by one would move each list once per story. */
static void post_drop(clu *c, const uint8_t *gone, const uint32_t *dropped, size_t n_dropped)
{
    uint32_t *lists = NULL;
    size_t n_lists = 0, cap_lists = 0;
    uint8_t *listed = sf_xcalloc(c->n_post ? c->n_post : 1, 1);
    for (size_t i = 0; i < n_dropped; i++) {
        const clu_story *s = &c->stories[dropped[i]];
        for (uint32_t k = 0; k < s->n_terms; k++) {
            int64_t *at = hmap_get(&c->post_of, s->terms[k]);
            if (!at || listed[*at]) continue;
            listed[*at] = 1;
            SF_GROW(lists, cap_lists, n_lists + 1);
            lists[n_lists++] = (uint32_t)*at;
        }
    }
    for (size_t i = 0; i < n_lists; i++) {
        struct clu_post *p = &c->post[lists[i]];
        uint32_t keep = 0;
        for (uint32_t k = 0; k < p->n; k++)
            if (!gone[p->story[k]]) p->story[keep++] = p->story[k];
        p->n = keep;
    }
    free(listed);
    free(lists);
}

void clu_evict(clu *c, int64_t last_doc)
{
    uint8_t *gone = sf_xcalloc(c->n_stories ? c->n_stories : 1, 1);
    uint32_t *dropped = NULL;
    size_t keep = 0, n_dropped = 0, cap_dropped = 0;
    for (size_t i = 0; i < c->n_active; i++) {
        clu_story *s = &c->stories[c->active[i]];
        if (s->last_doc > last_doc || s->dirty) {
            c->active[keep++] = c->active[i];
            continue;
        }
        gone[c->active[i]] = 1;
        SF_GROW(dropped, cap_dropped, n_dropped + 1);
        dropped[n_dropped++] = c->active[i];
    }
    c->n_active = keep;
    post_drop(c, gone, dropped, n_dropped);
    for (size_t i = 0; i < n_dropped; i++) {
        clu_story *s = &c->stories[dropped[i]];
        free(s->terms);
        s->terms = NULL;
        s->n_terms = 0;
        tv_free(&s->centroid);
        s->norm2 = 0;
        s->evicted = 1;
    }
    free(dropped);
    free(gone);
    if (c->n_active * 2 <= c->n_stories && n_dropped) compact(c);
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

    /* the heaviest terms fetch candidates */
    uint64_t q[QUERY_TERMS];
    size_t nq = tv_top_terms(&v, QUERY_TERMS, q);
    if (++c->stamp == 0) { /* wrapped (every 65,535 documents) */
        for (size_t i = 0; i < c->n_stories; i++) c->scan[i].seen = 0;
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
            struct clu_scan *s = &c->scan[si];
            if (s->seen == c->stamp) {
                if (s->last_term != t) s->hits++; /* a story may be listed twice */
                s->last_term = (uint8_t)t;
                continue;
            }
            s->seen = c->stamp;
            s->hits = 1;
            s->last_term = (uint8_t)t;
            SF_GROW(c->cand, c->cap_cand, nc + 1);
            c->cand[nc++] = si;
        }
    }
    /* keep about RESCORE candidates sharing the most query terms: find the smallest hit
     * count h such that fewer than RESCORE candidates have more, in one counting pass */
    size_t count[QUERY_TERMS + 2] = {0};
    for (size_t i = 0; i < nc; i++) count[c->scan[c->cand[i]].hits]++;
    uint32_t h = QUERY_TERMS + 1;
    for (size_t above = 0; h > 1 && above + count[h - 1] <= RESCORE;) above += count[--h];
    size_t keep = 0;
    for (size_t i = 0; i < nc; i++)
        if (c->scan[c->cand[i]].hits >= h || keep < RESCORE / 2) c->cand[keep++] = c->cand[i];
    long best = -1, line = -1; /* the story to join; the closest for the storyline */
    double best_cos = 0, line_cos = CLU_LINE_THRESHOLD;
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
        /* both dated and within the window: closeness in time is evidence of its own */
        int dated = doc->day != SF_NO_DAY && s->day_min != SF_NO_DAY;
        if (cs <= (dated ? CLU_DATED_THRESHOLD : CLU_THRESHOLD)) continue;
        if (best < 0 || cs > best_cos || (cs == best_cos && s->id < c->stories[best].id)) {
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
    s->last_doc = c->n_docs;
    if (doc->day != SF_NO_DAY) {
        if (s->day_min == SF_NO_DAY || doc->day < s->day_min) s->day_min = doc->day;
        if (s->day_max == SF_NO_DAY || doc->day > s->day_max) s->day_max = doc->day;
    }
    if (!s->dirty) {
        s->dirty = 1;
        SF_GROW(c->dirty_stories, c->cap_dirty_stories, c->n_dirty_stories + 1);
        c->dirty_stories[c->n_dirty_stories++] = (uint32_t)(s - c->stories);
    }
    reindex_story(c, (uint32_t)(s - c->stories));
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
