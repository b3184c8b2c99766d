/* brief.c — a story's brief: its documents (date order), the extractive summary, and
 * for each summary sentence the other documents that say nearly the same thing
 * (sentence alignment by cosine of stemmed term counts) with the count of distinct
 * outlets. Syndication-aware counting (copies count once) is the linking issue's. */
#include "core/error.h"
#include "core/mem.h"
#include "link/termvec.h"
#include "store/store.h"
#include "story/title.h"
#include "storyfold.h"

#include <stdlib.h>
#include <string.h>

#define ALIGN_MIN 0.6 /* cosine at which two sentences are taken to say the same */

static void sentence_vec(const sf_doc *d, size_t si, termvec *v)
{
    v->n = 0;
    tv_add_tokens(v, d->toks, d->sents[si].tok_first, d->sents[si].n_tok);
    tv_unit(v);
}

/* The outlet a document speaks for: its source, else itself. */
static const char *outlet(const sf_doc *d)
{
    return d->source && *d->source ? d->source : d->id;
}

static int count_outlets(const sf_brief *b, const sf_brief_sentence *s)
{
    const char **seen = sf_xmalloc((s->n_also + 1) * sizeof *seen);
    int n = 0;
    for (size_t i = 0; i <= s->n_also; i++) {
        const sf_cite *c = i == 0 ? &s->cite : &s->also[i - 1];
        const char *o = outlet(b->docs[c->doc]);
        int dup = 0;
        for (int j = 0; j < n && !dup; j++) dup = strcmp(seen[j], o) == 0;
        if (!dup) seen[n++] = o;
    }
    free(seen);
    return n;
}

static size_t sentence_at(const sf_doc *d, uint32_t start)
{
    for (size_t i = 0; i < d->n_sents; i++)
        if (d->sents[i].start == start) return i;
    return 0;
}

static void align(sf_brief *b, sf_brief_sentence *bs)
{
    termvec a = {0}, o = {0};
    const sf_doc *src = b->docs[bs->cite.doc];
    sentence_vec(src, sentence_at(src, bs->cite.span.start), &a);
    size_t cap = 0;
    for (size_t di = 0; di < b->n_docs; di++) {
        if (di == bs->cite.doc) continue;
        const sf_doc *d = b->docs[di];
        double best = ALIGN_MIN;
        long best_i = -1;
        for (size_t si = 0; si < d->n_sents; si++) {
            if (d->sents[si].boilerplate) continue;
            sentence_vec(d, si, &o);
            double cs = tv_dot(&a, &o);
            if (cs >= best) best = cs, best_i = (long)si;
        }
        if (best_i < 0) continue;
        SF_GROW(bs->also, cap, bs->n_also + 1);
        bs->also[bs->n_also++] = (sf_cite){di, {d->sents[best_i].start, d->sents[best_i].end}};
    }
    tv_free(&a);
    tv_free(&o);
    bs->n_outlets = count_outlets(b, bs);
}

sf_brief *sf_brief_build(sf_db *db, int64_t story, int words, sf_error *err)
{
    sf_brief *b = sf_xcalloc(1, sizeof *b);
    b->story = story;
    if (store_story_docs(db, story, &b->docs, &b->n_docs, err) != SF_OK) goto fail;
    for (size_t i = 0; i < b->n_docs; i++)
        if (sf_doc_analyze(b->docs[i], err) != SF_OK) goto fail;
    b->title = story_title_new(b->docs, b->n_docs);
    sf_cite *cites;
    size_t nc;
    if (sf_summarize(b->docs, b->n_docs, words, &cites, &nc, err) != SF_OK) goto fail;
    b->summary = sf_xcalloc(nc ? nc : 1, sizeof *b->summary);
    b->n_summary = nc;
    for (size_t i = 0; i < nc; i++) {
        b->summary[i].cite = cites[i];
        align(b, &b->summary[i]);
    }
    free(cites);
    /* distinct outlets over the whole story */
    sf_brief_sentence all = {0};
    all.cite = (sf_cite){0, {0, 0}};
    if (b->n_docs > 1) {
        all.also = sf_xmalloc((b->n_docs - 1) * sizeof *all.also);
        for (size_t i = 1; i < b->n_docs; i++) all.also[i - 1] = (sf_cite){i, {0, 0}};
        all.n_also = b->n_docs - 1;
    }
    b->n_sources = count_outlets(b, &all);
    free(all.also);
    return b;
fail:
    sf_brief_free(b);
    return NULL;
}

void sf_brief_free(sf_brief *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n_docs; i++) sf_doc_free(b->docs[i]);
    free(b->docs);
    for (size_t i = 0; i < b->n_summary; i++) free(b->summary[i].also);
    free(b->summary);
    free(b->title);
    free(b);
}
