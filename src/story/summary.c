/* summary.c — the extractive summary of one story. Each candidate sentence is first
 * trimmed of what a summary can do without (a dateline, a leading connective, relative
 * dates, an attribution: trim.c); what is left is scored. Its prior is its cosine
 * similarity to the story's centroid (local TF-IDF over the story's sentences) plus a
 * lead-position bonus. Concepts are its stemmed word bigrams (those of two stopwords left
 * out), weighted by the number of independent documents that hold them, counted when a
 * third of them do, at least two and at most three (all of them in a story of one or
 * two): ICSISumm's concepts, counted in three of DUC's ten documents. A document that
 * mostly repeats an earlier one (re-published wire copy, a later version) is no
 * independent document, and its sentences weigh in the centroid as one document's.
 * Sentences are chosen greedily by prior plus the weight of concepts not yet covered per
 * word, within the word budget (words as a reader counts them); covering a concept once
 * makes repeating it worth nothing, and a sentence too similar to one chosen (term
 * cosine) is skipped. When no sentence brings a new concept (a story of few articles),
 * the budget is filled by prior. Then reading order. Headlines, boilerplate, fragments
 * and very short or long sentences are not candidates. */
#include "core/error.h"
#include "core/hmap.h"
#include "core/mem.h"
#include "link/termvec.h"
#include "story/trim.h"
#include "storyfold.h"
#include "text/token.h"

#include <xxhash.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_WORDS  6
#define MAX_WORDS  60
#define REDUNDANT  0.5  /* term-count cosine above which a candidate repeats a chosen one */
#define MIN_DOCS     3  /* the most independent documents a concept must be in */
#define SAMPLE_DOCS 64  /* beyond this many documents, copies are told on a sample */
#define PRIOR_WEIGHT 40 /* of a sentence's prior against its new concepts' weight per word */
#define LEAD_BONUS 0.15 /* for a document's first sentence, decaying over the next ones */

typedef struct cand {
    sf_excerpt ex; /* what the summary would quote of the sentence (ex.cite.doc: its document) */
    size_t sent;
    sf_token *tok; /* the tokens of ex's text */
    uint32_t n_tok;
    int words;
    int taken;
    double score;
    termvec raw;   /* term counts, unit: for redundancy, as brief.c aligns sentences */
    uint64_t *con; /* the sentence's concepts (stemmed bigrams), sorted, unique */
    size_t n_con;
    termvec v;   /* TF-IDF, unit: for centrality */
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

/* A word's identity for concepts: its stem's term, or the hash of its folded bytes
 * (stopwords, numbers); *content says whether it carries meaning. */
static uint64_t word_id(const sf_doc *d, const sf_token *t, int *content)
{
    if (t->term) {
        *content = 1;
        return t->term;
    }
    char buf[64];
    size_t n = tok_fold(d->text + t->start, t->end - t->start, buf, sizeof buf);
    *content = n && buf[0] >= '0' && buf[0] <= '9';
    uint64_t h = XXH3_64bits(buf, n);
    return h ? h : 1;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Sorts a[0, n) and drops repeats: the number left. */
static size_t sort_unique(uint64_t *a, size_t n)
{
    if (n < 2) return n; /* a may be NULL when empty */
    qsort(a, n, sizeof *a, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || a[i] != a[u - 1]) a[u++] = a[i];
    return u;
}

/* The number of values that the sorted, unique a[0, na) and b[0, nb) share. */
static size_t shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, both = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else
            both++, i++, j++;
    }
    return both;
}

/* Copies: orig[i] is the first document of which document i is a copy (re-published
 * wire copy, a later version of one story), else i. A document is a copy of an earlier
 * one when more than half of the concepts of the smaller of the two are in both (of the
 * 1,125 pairs of documents of a DUC 2004 dev cluster, 1,036 share less than 30% of them,
 * 63 more than 65%). Beyond 64 documents, the pairs are compared on a sample of the
 * concepts, the same in every document (those whose hash falls in the lowest 64/n of the
 * range), which keeps the cost near 64 concepts a document. Returns the number of documents
 * that are no copy. */
static size_t copies(uint64_t *const *con, const size_t *n_con, size_t n, size_t *orig)
{
    uint64_t lim = n > SAMPLE_DOCS ? UINT64_MAX / n * SAMPLE_DOCS : UINT64_MAX;
    uint64_t **s = sf_xmalloc((n ? n : 1) * sizeof *s);
    size_t *ns = sf_xmalloc((n ? n : 1) * sizeof *ns), indep = 0;
    for (size_t i = 0; i < n; i++) {
        s[i] = sf_xmalloc((n_con[i] ? n_con[i] : 1) * sizeof **s);
        ns[i] = 0;
        for (size_t t = 0; t < n_con[i]; t++)
            if (con[i][t] <= lim) s[i][ns[i]++] = con[i][t];
        orig[i] = i;
        for (size_t j = 0; j < i && orig[i] == i; j++) {
            size_t small = ns[i] < ns[j] ? ns[i] : ns[j];
            if (small && 2 * shared(s[i], ns[i], s[j], ns[j]) > small) orig[i] = orig[j];
        }
        indep += orig[i] == i;
    }
    for (size_t i = 0; i < n; i++) free(s[i]);
    free(s);
    free(ns);
    return indep;
}

/* The concepts of the tokens toks[first, first + n) of d into k->con. */
static void concepts(const sf_doc *d, const sf_token *toks, uint32_t first, uint32_t n, cand *k)
{
    k->con = sf_xmalloc((n ? n : 1) * sizeof *k->con);
    size_t n_con_max = 0;
    uint64_t prev = 0;
    int prev_c = 0;
    for (uint32_t i = 0; i < n; i++) {
        int c;
        uint64_t id = word_id(d, &toks[first + i], &c);
        if (i && (c || prev_c)) {
            uint64_t h = prev * 0x9E3779B97F4A7C15ull ^ (id + 0x632BE59BD9B4E019ull);
            k->con[n_con_max++] = h ? h : 1;
        }
        prev = id;
        prev_c = c;
    }
    k->n_con = sort_unique(k->con, n_con_max);
}

/* Words as a reader (and ROUGE's -l limit) counts them: runs of non-space bytes. */
static int word_count(const sf_doc *d, const sf_sentence *s)
{
    int n = 0, in = 0;
    for (uint32_t i = s->start; i < s->end; i++) {
        int sp = d->text[i] == ' ' || d->text[i] == '\n' || d->text[i] == '\t' ||
                 d->text[i] == '\r';
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

static int by_position(const void *a, const void *b)
{
    const sf_cite *x = &((const sf_excerpt *)a)->cite, *y = &((const sf_excerpt *)b)->cite;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return (x->span.start > y->span.start) - (x->span.start < y->span.start);
}

int sf_summarize(sf_doc *const *docs, size_t n, int words, sf_excerpt **out, size_t *n_out,
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
            k->ex = story_trim(d, di, si, MIN_WORDS);
            k->sent = si;
            k->words = story_excerpt_words(d->text, &k->ex);
            k->tok = sf_xmalloc((s->n_tok ? s->n_tok : 1) * sizeof *k->tok);
            for (uint32_t i = 0; i < s->n_tok; i++)
                if (story_excerpt_keeps(&k->ex, d->toks[s->tok_first + i].start))
                    k->tok[k->n_tok++] = d->toks[s->tok_first + i];
            k->score = LEAD_BONUS / (1.0 + rank++);
            tv_add_tokens(&k->v, k->tok, 0, k->n_tok);
            tv_add_tokens(&k->raw, k->tok, 0, k->n_tok);
            tv_unit(&k->raw);
            for (size_t t = 0; t < k->v.n; t++) (*hmap_put(&sdf, k->v.e[t].term, 0))++;
        }
    }
    size_t chosen_cap = 0;
    cand **chosen = NULL;
    size_t n_chosen = 0;
    int used = 0;
    hmap cdf = {0}, seen = {0}, covered = {0};
    uint64_t **dcon = sf_xmalloc((n ? n : 1) * sizeof *dcon); /* each document's concepts */
    size_t *n_dcon = sf_xmalloc((n ? n : 1) * sizeof *n_dcon);
    size_t ci = 0; /* candidates are in (document, sentence) order: each keeps its concepts */
    for (size_t di = 0; di < n; di++) {
        const sf_doc *d = docs[di];
        size_t dcap = 0;
        dcon[di] = NULL;
        n_dcon[di] = 0;
        for (size_t si = 0; si < d->n_sents; si++) {
            if (d->sents[si].boilerplate) continue;
            cand tmp = {0};
            int is_cand = ci < nc && c[ci].ex.cite.doc == di && c[ci].sent == si;
            if (is_cand)
                concepts(d, c[ci].tok, 0, c[ci].n_tok, &tmp);
            else
                concepts(d, d->toks, d->sents[si].tok_first, d->sents[si].n_tok, &tmp);
            SF_GROW(dcon[di], dcap, n_dcon[di] + tmp.n_con + 1);
            memcpy(dcon[di] + n_dcon[di], tmp.con, tmp.n_con * sizeof *tmp.con);
            n_dcon[di] += tmp.n_con;
            if (is_cand) {
                c[ci].con = tmp.con;
                c[ci++].n_con = tmp.n_con;
            } else {
                free(tmp.con);
            }
        }
        n_dcon[di] = sort_unique(dcon[di], n_dcon[di]);
    }
    /* concept weights: the number of independent documents holding the concept (as
     * ICSISumm, copies counted once) */
    size_t *orig = sf_xmalloc((n ? n : 1) * sizeof *orig);
    size_t n_indep = copies(dcon, n_dcon, n, orig);
    for (size_t di = 0; di < n; di++) {
        for (size_t t = 0; t < n_dcon[di]; t++) {
            uint64_t pair[2] = {dcon[di][t], orig[di]};
            uint64_t key = XXH3_64bits(pair, sizeof pair);
            int64_t *df = hmap_put(&cdf, dcon[di][t], 0);
            int64_t *was = hmap_put(&seen, key ? key : 1, 0);
            if (!*was) (*df)++;
            *was = 1;
        }
        free(dcon[di]);
    }
    free(dcon);
    free(n_dcon);
    hmap_free(&seen);
    /* TF-IDF unit vectors and the centroid, to which the copies of a document add what
     * the document alone would: a story is told once however many outlets print it */
    termvec centroid = {0};
    size_t *copies_of = sf_xcalloc(n ? n : 1, sizeof *copies_of);
    for (size_t di = 0; di < n; di++) copies_of[orig[di]]++;
    for (size_t i = 0; i < nc; i++) {
        for (size_t t = 0; t < c[i].v.n; t++) {
            double df = (double)*hmap_get(&sdf, c[i].v.e[t].term);
            c[i].v.e[t].w = (float)(c[i].v.e[t].w * log(1.0 + (double)nc / df));
        }
        tv_unit(&c[i].v);
        tv_axpy(&centroid, 1.0 / (double)copies_of[orig[c[i].ex.cite.doc]], &c[i].v);
    }
    double cn = sqrt(tv_norm2(&centroid));
    for (size_t i = 0; i < nc; i++) {
        if (cn > 0) c[i].score += tv_dot(&c[i].v, &centroid) / cn;
    }
    free(copies_of);
    free(orig);
    /* ICSISumm's 3 of DUC's 10 documents: a third of the independent documents, at least
     * two (all of them in a story of one or two), at most three */
    size_t min_docs_n = (n_indep + 2) / 3;
    if (min_docs_n < 2) min_docs_n = n_indep < 2 ? n_indep : 2;
    if (min_docs_n > MIN_DOCS) min_docs_n = MIN_DOCS;
    double min_docs = (double)min_docs_n;
    /* greedy: the sentence with the best prior plus weight of new concepts per word */
    for (;;) {
        cand *best = NULL, *fill = NULL; /* fill: the best prior once no concept is new */
        double best_s = 0;
        for (size_t i = 0; i < nc; i++) {
            cand *k = &c[i];
            if (k->taken || used + k->words > words) continue;
            int redundant = 0; /* the same said in other words: concepts miss that */
            for (size_t j = 0; j < n_chosen && !redundant; j++)
                redundant = tv_dot(&k->raw, &chosen[j]->raw) > REDUNDANT;
            if (redundant) continue;
            double gain = 0;
            for (size_t t = 0; t < k->n_con; t++) {
                if (hmap_get(&covered, k->con[t])) continue;
                double df = (double)*hmap_get(&cdf, k->con[t]);
                if (df >= min_docs) gain += df;
            }
            double sc = PRIOR_WEIGHT * k->score + gain / k->words;
            if (gain > 0 && (!best || sc > best_s)) best = k, best_s = sc;
            if (gain <= 0 && (!fill || k->score > fill->score)) fill = k;
        }
        if (!best) best = fill;
        if (!best) break;
        for (size_t t = 0; t < best->n_con; t++) hmap_put(&covered, best->con[t], 1);
        SF_GROW(chosen, chosen_cap, n_chosen + 1);
        chosen[n_chosen++] = best;
        used += best->words;
        best->taken = 1;
    }
    hmap_free(&covered);
    hmap_free(&cdf);
    if (n_chosen) {
        *out = sf_xmalloc(n_chosen * sizeof **out);
        for (size_t j = 0; j < n_chosen; j++) (*out)[j] = chosen[j]->ex;
        qsort(*out, n_chosen, sizeof **out, by_position);
    }
    *n_out = n_chosen;

    for (size_t i = 0; i < nc; i++) {
        tv_free(&c[i].v);
        tv_free(&c[i].raw);
        free(c[i].con);
        free(c[i].tok);
    }
    free(c);
    free(chosen);
    tv_free(&centroid);
    hmap_free(&sdf);
    (void)err;
    return SF_OK;
}
