/* brief.c — a story's brief: its documents (date order), the extractive summary, and
 * for each summary sentence the other documents that say nearly the same thing
 * (sentence alignment by cosine of stemmed term counts) with the count of independent
 * outlets: documents of one source count once, and so do re-published copies of one
 * text (MinHash near-duplicates found through LSH bands, src/link/lsh.c, never by
 * comparing all pairs), each copy pointing to the earliest document of its group as its
 * likely origin, and each document to the earlier one it shares most passage words with
 * (src/link/reuse.c). The other parts (entities, figures, quotes, timeline) are built by
 * their own files, declared in brief.h. */
#include "core/error.h"
#include "core/mem.h"
#include "extract/quote.h"
#include "link/fingerprint.h"
#include "link/lsh.h"
#include "link/reuse.h"
#include "link/termvec.h"
#include "store/store.h"
#include "story/brief.h"
#include "story/entities.h"
#include "story/title.h"
#include "story/trim.h"
#include "storyfold.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

void story_sentence_vec(const sf_doc *d, size_t si, termvec *v)
{
    v->n = 0;
    tv_add_tokens(v, d->toks, d->sents[si].tok_first, d->sents[si].n_tok);
    tv_unit(v);
}

/* 1 when needle[0, m) occurs in hay[0, n) (memmem is a GNU extension). */
static int contains(const char *hay, size_t n, const char *needle, size_t m)
{
    for (const char *p = hay; m && (size_t)(hay + n - p) >= m;) {
        p = memchr(p, needle[0], (size_t)(hay + n - p) - m + 1);
        if (!p) return 0;
        if (memcmp(p, needle, m) == 0) return 1;
        p++;
    }
    return 0;
}

static int by_cite(const void *a, const void *b)
{
    const sf_cite *x = &((const sf_brief_sentence *)a)->excerpt.cite;
    const sf_cite *y = &((const sf_brief_sentence *)b)->excerpt.cite;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return (x->span.start > y->span.start) - (x->span.start < y->span.start);
}

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

/* Join the sets of i and j (the smaller index becomes the root). */
static void join(size_t *parent, size_t i, size_t j)
{
    i = find(parent, i), j = find(parent, j);
    if (i < j) parent[j] = i;
    if (j < i) parent[i] = j;
}

typedef struct named {
    const char *name;
    size_t i;
} named;

static int by_name(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* reuses / reused_words: a copy's origin, with the words they share (src/link/reuse.c);
 * for any other document, the document published on an earlier day that it shares the
 * most words of passages with, among those LSH finds sharing a band of shingles with it
 * (heavy borrowings; never all pairs). An origin is never said to reuse its copies. */
static void find_reuse(sf_brief *b, const fp_sig *sig)
{
    size_t n = b->n_docs;
    b->reuses = sf_xmalloc((n ? n : 1) * sizeof *b->reuses);
    b->reused_words = sf_xcalloc(n ? n : 1, sizeof *b->reused_words);
    lsh_index *ix = lsh_new();
    for (size_t i = 0; i < n; i++) lsh_add(ix, &sig[i]);
    for (size_t i = 0; i < n; i++) {
        b->reuses[i] = -1;
        uint32_t *cand = NULL;
        size_t nc = lsh_candidates(ix, &sig[i], &cand);
        int32_t di = b->docs[i]->day;
        for (size_t k = 0; k < nc; k++) {
            size_t j = cand[k];
            int32_t dj = b->docs[j]->day;
            int earlier = di != SF_NO_DAY && dj != SF_NO_DAY && dj < di;
            if (b->copy_of[i] >= 0 ? (long)j != b->copy_of[i] : !earlier) continue;
            reuse_passage *p = NULL;
            size_t np = reuse_find(b->docs[i], b->docs[j], &p);
            uint32_t w = reuse_words(p, np);
            free(p);
            if (w > b->reused_words[i]) b->reused_words[i] = w, b->reuses[i] = (long)j;
        }
        free(cand);
    }
    lsh_free(ix);
}

void sf_brief_reuse_when(const sf_brief *b, size_t i, char *out, size_t cap)
{
    long j = b->reuses[i];
    int32_t di = b->docs[i]->day, dj = j >= 0 ? b->docs[j]->day : SF_NO_DAY;
    if (j < 0 || di == SF_NO_DAY || dj == SF_NO_DAY)
        snprintf(out, cap, "%s", j < 0 ? "" : "published earlier or the same day");
    else if (di == dj)
        snprintf(out, cap, "published the same day");
    else
        snprintf(out, cap, "published %ld day%s earlier", (long)(di - dj), di - dj == 1 ? "" : "s");
}

/* copy_of (near-duplicates) and outlet (independent voices: copies or same source). */
static void group_documents(sf_brief *b)
{
    size_t n = b->n_docs;
    fp_sig *sig = sf_xmalloc((n ? n : 1) * sizeof *sig);
    size_t *copy = sf_xmalloc((n ? n : 1) * sizeof *copy);
    size_t *voice = sf_xmalloc((n ? n : 1) * sizeof *voice);
    for (size_t i = 0; i < n; i++) {
        fp_signature(b->docs[i], &sig[i]);
        copy[i] = voice[i] = i;
    }
    /* copies: LSH candidates verified at LSH_NEAR (src/link/lsh.h), never all pairs */
    uint32_t *group = sf_xmalloc((n ? n : 1) * sizeof *group);
    lsh_groups(sig, n, LSH_NEAR, group, NULL);
    for (size_t i = 0; i < n; i++)
        if (group[i] != i) join(copy, group[i], i), join(voice, group[i], i);
    free(group);
    /* one source's documents are one voice */
    named *by_source = sf_xmalloc((n ? n : 1) * sizeof *by_source);
    size_t ns = 0;
    for (size_t i = 0; i < n; i++)
        if (b->docs[i]->source && *b->docs[i]->source)
            by_source[ns++] = (named){b->docs[i]->source, i};
    if (ns) qsort(by_source, ns, sizeof *by_source, by_name);
    for (size_t i = 1; i < ns; i++)
        if (!strcmp(by_source[i - 1].name, by_source[i].name))
            join(voice, by_source[i - 1].i, by_source[i].i);
    free(by_source);
    /* each copy group's likely origin: the earliest published; among documents of that
     * day, the one the others credit by name (a reprint's "(MPA)" dateline), then the
     * most complete text (most shingles), then the first ingested */
    size_t *origin = sf_xmalloc((n ? n : 1) * sizeof *origin);
    int *credits = sf_xcalloc(n ? n : 1, sizeof *credits);
    for (size_t i = 0; i < n; i++) {
        origin[i] = SIZE_MAX;
        const char *src = b->docs[i]->source;
        size_t sl = src ? strlen(src) : 0;
        for (size_t j = 0; j < n && sl >= 2; j++)
            if (j != i && find(copy, j) == find(copy, i) &&
                contains(b->docs[j]->text, b->docs[j]->len, src, sl))
                credits[i]++;
    }
    for (size_t i = 0; i < n; i++) {
        size_t r = find(copy, i), *o = &origin[r];
        if (*o == SIZE_MAX) {
            *o = i;
            continue;
        }
        int32_t di = b->docs[i]->day, dj = b->docs[*o]->day;
        int earlier = di != SF_NO_DAY && (dj == SF_NO_DAY || di < dj);
        int better =
            di == dj && (credits[i] > credits[*o] ||
                         (credits[i] == credits[*o] && sig[i].n_shingles > sig[*o].n_shingles));
        if (earlier || better) *o = i;
    }
    free(credits);
    b->copy_of = sf_xmalloc((n ? n : 1) * sizeof *b->copy_of);
    b->outlet = sf_xmalloc((n ? n : 1) * sizeof *b->outlet);
    for (size_t i = 0; i < n; i++) {
        size_t o = origin[find(copy, i)];
        b->copy_of[i] = o == i ? -1 : (long)o;
        b->outlet[i] = find(voice, i);
    }
    find_reuse(b, sig);
    free(origin);
    free(sig);
    free(copy);
    free(voice);
}

int story_outlets(const sf_brief *b, const size_t *docs, size_t n)
{
    size_t *seen = sf_xmalloc((n ? n : 1) * sizeof *seen);
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t o = b->outlet[docs[i]];
        int dup = 0;
        for (int j = 0; j < k && !dup; j++) dup = seen[j] == o;
        if (!dup) seen[k++] = o;
    }
    free(seen);
    return k;
}

/* Independent outlets among a summary sentence's citations. */
static int count_outlets(const sf_brief *b, const sf_brief_sentence *bs)
{
    size_t *docs = sf_xmalloc((bs->n_also + 1) * sizeof *docs);
    docs[0] = bs->excerpt.cite.doc;
    for (size_t i = 0; i < bs->n_also; i++) docs[i + 1] = bs->also[i].doc;
    int k = story_outlets(b, docs, bs->n_also + 1);
    free(docs);
    return k;
}

/* The sentence of d that holds byte pos (a summary sentence may be trimmed, trim.h). */
static size_t sentence_at(const sf_doc *d, uint32_t pos)
{
    for (size_t i = 0; i < d->n_sents; i++)
        if (d->sents[i].start <= pos && pos < d->sents[i].end) return i;
    return 0;
}

/* Each document's sentence vectors (vecs[di][si]; boilerplate sentences left empty). */
static termvec **sentence_vecs(const sf_brief *b)
{
    termvec **v = sf_xmalloc((b->n_docs ? b->n_docs : 1) * sizeof *v);
    for (size_t di = 0; di < b->n_docs; di++) {
        const sf_doc *d = b->docs[di];
        v[di] = sf_xcalloc(d->n_sents ? d->n_sents : 1, sizeof **v);
        for (size_t si = 0; si < d->n_sents; si++)
            if (!d->sents[si].boilerplate) story_sentence_vec(d, si, &v[di][si]);
    }
    return v;
}

static void sentence_vecs_free(const sf_brief *b, termvec **v)
{
    for (size_t di = 0; di < b->n_docs; di++) {
        for (size_t si = 0; si < b->docs[di]->n_sents; si++) tv_free(&v[di][si]);
        free(v[di]);
    }
    free(v);
}

static void align(sf_brief *b, termvec **vecs, sf_brief_sentence *bs)
{
    size_t src = bs->excerpt.cite.doc;
    const termvec *a = &vecs[src][sentence_at(b->docs[src], bs->excerpt.cite.span.start)];
    size_t cap = 0;
    for (size_t di = 0; di < b->n_docs; di++) {
        if (di == src) continue;
        const sf_doc *d = b->docs[di];
        double best = ALIGN_MIN;
        long best_i = -1;
        for (size_t si = 0; si < d->n_sents; si++) {
            if (d->sents[si].boilerplate) continue;
            double cs = tv_dot(a, &vecs[di][si]);
            if (cs >= best) best = cs, best_i = (long)si;
        }
        if (best_i < 0) continue;
        SF_GROW(bs->also, cap, bs->n_also + 1);
        bs->also[bs->n_also++] = (sf_cite){di, {d->sents[best_i].start, d->sents[best_i].end}};
    }
    /* a sentence of a re-published copy is cited from its origin first, trimmed alike */
    long origin = b->copy_of[src];
    for (size_t i = 0; origin >= 0 && i < bs->n_also; i++)
        if (bs->also[i].doc == (size_t)origin) {
            const sf_doc *d = b->docs[src], *o = b->docs[origin];
            size_t si = sentence_at(d, bs->excerpt.cite.span.start);
            bs->excerpt = story_trim(o, (size_t)origin, sentence_at(o, bs->also[i].span.start), 0);
            bs->also[i] = (sf_cite){src, {d->sents[si].start, d->sents[si].end}};
            break;
        }
    bs->n_outlets = count_outlets(b, bs);
}

/* b->storyline, and b->line when the storyline holds other stories. */
static int story_storyline(sf_db *db, sf_brief *b, sf_error *err)
{
    int rc = store_story_storyline(db, b->story, &b->storyline, err);
    if (rc != SF_OK) return rc;
    b->line = sf_storyline_new(db, b->storyline, err);
    if (!b->line) return SF_EIO; /* err says why */
    if (b->line->n < 2) {
        sf_stories_free(b->line);
        b->line = NULL;
    }
    return SF_OK;
}

sf_brief *story_brief_load(sf_db *db, int64_t story, size_t max_docs, sf_error *err)
{
    sf_brief *b = sf_xcalloc(1, sizeof *b);
    b->story = story;
    if (store_story_docs(db, story, max_docs, &b->docs, &b->n_docs, err) != SF_OK) goto fail;
    for (size_t i = 0; i < b->n_docs; i++)
        if (sf_doc_analyze(b->docs[i], err) != SF_OK) goto fail;
    /* the boilerplate the store has learned so far, then speakers to the stored entities */
    if (sf_db_mark_learned(db, b->docs, b->n_docs, NULL, err) != SF_OK) goto fail;
    for (size_t i = 0; i < b->n_docs; i++) quote_resolve(b->docs[i]);
    group_documents(b);
    return b;
fail:
    sf_brief_free(b);
    return NULL;
}

sf_brief *sf_brief_build(sf_db *db, int64_t story, int words, sf_error *err)
{
    sf_brief *b = story_brief_load(db, story, 0, err);
    if (!b) return NULL;
    b->title = story_title_new(b->docs, b->n_docs);
    sf_excerpt *excerpts;
    size_t nc;
    if (sf_summarize(b->docs, b->n_docs, words, &excerpts, &nc, err) != SF_OK) goto fail;
    b->summary = sf_xcalloc(nc ? nc : 1, sizeof *b->summary);
    b->n_summary = nc;
    termvec **vecs = sentence_vecs(b);
    for (size_t i = 0; i < nc; i++) {
        b->summary[i].excerpt = excerpts[i];
        align(b, vecs, &b->summary[i]);
    }
    sentence_vecs_free(b, vecs);
    free(excerpts);
    /* reading order again: alignment may have moved a citation to its origin */
    if (nc) qsort(b->summary, nc, sizeof *b->summary, by_cite);
    /* independent outlets over the whole story */
    int *seen = sf_xcalloc(b->n_docs ? b->n_docs : 1, sizeof *seen);
    for (size_t i = 0; i < b->n_docs; i++)
        if (!seen[b->outlet[i]]++) b->n_sources++;
    free(seen);
    story_entities(b);
    story_claims(b);
    story_timeline(b);
    story_quotes(b);
    if (story_storyline(db, b, err) != SF_OK) goto fail;
    if (story_line_timeline(db, b, err) != SF_OK) goto fail;
    return b;
fail:
    sf_brief_free(b);
    return NULL;
}

void sf_brief_free(sf_brief *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n_docs + b->n_line_docs; i++) sf_doc_free(b->docs[i]);
    free(b->docs);
    free(b->line_doc_story);
    for (size_t i = 0; i < b->n_summary; i++) free(b->summary[i].also);
    free(b->summary);
    for (size_t i = 0; i < b->n_entities; i++) free(b->entities[i].name);
    free(b->entities);
    story_claims_free(b);
    story_timeline_free(b);
    story_quotes_free(b);
    free(b->title);
    free(b->copy_of);
    free(b->reuses);
    free(b->reused_words);
    free(b->outlet);
    sf_stories_free(b->line);
    free(b);
}
