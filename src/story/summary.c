/* summary.c — the extractive summary of one story, first version: sentences scored by
 * cosine similarity to the story's centroid (local TF-IDF over the story's sentences)
 * plus a lead-position prior, chosen greedily within the word budget while skipping
 * sentences too similar to one already chosen (MMR-style), then put in reading order.
 * Headlines, boilerplate, fragments and very short or long sentences are not candidates. */
#include "core/error.h"
#include "core/hmap.h"
#include "core/mem.h"
#include "link/termvec.h"
#include "storyfold.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_WORDS  6
#define MAX_WORDS  60
#define REDUNDANT  0.5  /* term-count cosine above which a candidate repeats a chosen one */
#define LEAD_BONUS 0.15 /* for a document's first sentence, decaying over the next ones */

typedef struct cand {
    size_t doc, sent;
    int words;
    double score;
    termvec v;   /* TF-IDF, unit: for centrality */
    termvec raw; /* term counts, unit: for redundancy, as brief.c aligns sentences */
} cand;

static int ends_like_sentence(const char *t, uint32_t s, uint32_t e)
{
    /* step back over closing quotes and brackets */
    while (e > s) {
        unsigned char c = (unsigned char)t[e - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            e--;
            continue;
        }
        if (e - s >= 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 &&
            ((unsigned char)t[e - 1] == 0x9D || (unsigned char)t[e - 1] == 0x99)) {
            e -= 3; /* ” ’ */
            continue;
        }
        break;
    }
    return e > s && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?');
}

/* 1 when the sentence's quotation marks pair up: a sentence that opens a quote it does
 * not close, or closes one opened before it, is a fragment of a longer quotation and
 * does not stand alone. Straight double quotes must be even; curly ones balanced. */
static int quotes_balanced(const char *t, uint32_t s, uint32_t e)
{
    int straight = 0, depth = 0;
    for (uint32_t i = s; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == '"') straight++;
        if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80) {
            unsigned char k = (unsigned char)t[i + 2];
            if (k == 0x9C) depth++;                 /* “ */
            if (k == 0x9D && --depth < 0) return 0; /* ” */
        }
        /* TeX newswire quotes: `` opens, '' closes */
        if (c == '`' && i + 1 < e && t[i + 1] == '`')
            depth++, i++;
        else if (c == '\'' && i + 1 < e && t[i + 1] == '\'' && --depth < 0)
            return 0;
    }
    return straight % 2 == 0 && depth == 0;
}

static int word_count(const sf_doc *d, const sf_sentence *s)
{
    return (int)s->n_tok;
}

static int by_score(const void *a, const void *b)
{
    const cand *x = *(const cand *const *)a, *y = *(const cand *const *)b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return (x->sent > y->sent) - (x->sent < y->sent);
}

static int by_position(const void *a, const void *b)
{
    const sf_cite *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return (x->span.start > y->span.start) - (x->span.start < y->span.start);
}

int sf_summarize(sf_doc *const *docs, size_t n, int words, sf_cite **out, size_t *n_out,
                 sf_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (words <= 0) words = 100;
    cand *c = NULL;
    size_t nc = 0, cap = 0;
    hmap sdf = {0}; /* term → number of candidate sentences holding it */

    for (size_t di = 0; di < n; di++) {
        const sf_doc *d = docs[di];
        int rank = 0;
        for (size_t si = 0; si < d->n_sents; si++) {
            const sf_sentence *s = &d->sents[si];
            if (s->boilerplate) continue;
            int w = word_count(d, s);
            if (w < MIN_WORDS || w > MAX_WORDS || !ends_like_sentence(d->text, s->start, s->end) ||
                !quotes_balanced(d->text, s->start, s->end))
                continue;
            SF_GROW(c, cap, nc + 1);
            cand *k = &c[nc++];
            memset(k, 0, sizeof *k);
            k->doc = di;
            k->sent = si;
            k->words = w;
            k->score = LEAD_BONUS / (1.0 + rank++);
            tv_add_tokens(&k->v, d->toks, s->tok_first, s->n_tok);
            tv_add_tokens(&k->raw, d->toks, s->tok_first, s->n_tok);
            tv_unit(&k->raw);
            for (size_t t = 0; t < k->v.n; t++) (*hmap_put(&sdf, k->v.e[t].term, 0))++;
        }
    }
    /* TF-IDF unit vectors and the centroid */
    termvec centroid = {0};
    for (size_t i = 0; i < nc; i++) {
        for (size_t t = 0; t < c[i].v.n; t++) {
            double df = (double)*hmap_get(&sdf, c[i].v.e[t].term);
            c[i].v.e[t].w = (float)(c[i].v.e[t].w * log(1.0 + (double)nc / df));
        }
        tv_unit(&c[i].v);
        tv_axpy(&centroid, 1.0, &c[i].v);
    }
    double cn = sqrt(tv_norm2(&centroid));
    cand **order = sf_xmalloc((nc ? nc : 1) * sizeof *order);
    for (size_t i = 0; i < nc; i++) {
        if (cn > 0) c[i].score += tv_dot(&c[i].v, &centroid) / cn;
        order[i] = &c[i];
    }
    qsort(order, nc, sizeof *order, by_score);

    size_t chosen_cap = 0;
    cand **chosen = NULL;
    size_t n_chosen = 0;
    int used = 0;
    for (size_t i = 0; i < nc && used < words; i++) {
        cand *k = order[i];
        if (used + k->words > words) continue;
        int redundant = 0;
        for (size_t j = 0; j < n_chosen && !redundant; j++)
            redundant = tv_dot(&k->raw, &chosen[j]->raw) > REDUNDANT;
        if (redundant) continue;
        SF_GROW(chosen, chosen_cap, n_chosen + 1);
        chosen[n_chosen++] = k;
        used += k->words;
    }
    if (n_chosen) {
        *out = sf_xmalloc(n_chosen * sizeof **out);
        for (size_t j = 0; j < n_chosen; j++) {
            const sf_sentence *s = &docs[chosen[j]->doc]->sents[chosen[j]->sent];
            (*out)[j] = (sf_cite){chosen[j]->doc, {s->start, s->end}};
        }
        qsort(*out, n_chosen, sizeof **out, by_position);
    }
    *n_out = n_chosen;

    for (size_t i = 0; i < nc; i++) {
        tv_free(&c[i].v);
        tv_free(&c[i].raw);
    }
    free(c);
    free(order);
    free(chosen);
    tv_free(&centroid);
    hmap_free(&sdf);
    (void)err;
    return SF_OK;
}
