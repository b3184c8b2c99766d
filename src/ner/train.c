/* train.c — the averaged structured perceptron (Collins 2002) that learns the tagger's
 * weights: decode each sentence with the current weights, move weight from the predicted
 * tags' features to the gold tags' features where they differ, and return the average of
 * the weights over all steps (the lazy-averaging trick: w - acc / steps). */
#include "ner/ner.h"

#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sent_ref {
    uint32_t doc, s0, s1; /* tokens [s0, s1) of docs[doc] */
    size_t tok;           /* index of its first token in the flat feature arrays */
} sent_ref;

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

void ner_trained_free(ner_trained *t)
{
    hmap_free(&t->index);
    free(t->w);
    memset(t, 0, sizeof *t);
}

void ner_train(const ner_lexicon *lx, ner_doc *docs, uint8_t *const *gold, size_t n_docs, int stage,
               int epochs, uint64_t seed, int verbose, ner_trained *out)
{
    /* 1. features of every token, as rows */
    hmap index = {0};
    size_t rows = 0;
    uint32_t *feat = NULL; /* rows of all tokens, concatenated */
    size_t *foff = NULL;   /* token t's rows: feat[foff[t] .. foff[t+1]) */
    size_t nfeat = 0, capfeat = 0, ntok = 0, capoff = 0;
    uint8_t *gold_flat = NULL;
    size_t capgold = 0;
    sent_ref *sents = NULL;
    size_t nsents = 0, capsents = 0;
    ner_ctx c = {0};
    for (size_t d = 0; d < n_docs; d++) {
        ner_doc *doc = &docs[d];
        ner_ctx_init(&c, lx, doc);
        if (stage == 2) ner_ctx_hints(&c);
        for (size_t k = 0; k < doc->n_sents; k++) {
            size_t s0 = doc->sent[k], s1 = doc->sent[k + 1];
            if (s1 == s0) continue;
            SF_GROW(sents, capsents, nsents + 1);
            sents[nsents++] = (sent_ref){(uint32_t)d, (uint32_t)s0, (uint32_t)s1, ntok};
            for (size_t i = s0; i < s1; i++) {
                uint64_t f[NER_MAXFEAT];
                size_t nf = ner_features(&c, s0, s1, i, stage, f);
                SF_GROW(feat, capfeat, nfeat + nf);
                SF_GROW(foff, capoff, ntok + 2);
                SF_GROW(gold_flat, capgold, ntok + 1);
                foff[ntok] = nfeat;
                gold_flat[ntok] = gold[d][i];
                for (size_t k2 = 0; k2 < nf; k2++) {
                    int64_t *r = hmap_put(&index, f[k2], -1);
                    if (*r < 0) *r = (int64_t)rows++;
                    feat[nfeat++] = (uint32_t)*r;
                }
                ntok++;
            }
        }
    }
    foff[ntok] = nfeat;
    ner_ctx_free(&c);
    if (verbose)
        fprintf(stderr, "stage %d: %zu sentences, %zu tokens, %zu features\n", stage, nsents, ntok,
                rows);

    /* 2. perceptron */
    size_t nw = rows * NER_NTAG;
    float *w = sf_xcalloc(nw, sizeof *w);
    double *acc = sf_xcalloc(nw, sizeof *acc);
    float trans[NER_NTAG + 1][NER_NTAG] = {{0}};
    double tacc[NER_NTAG + 1][NER_NTAG] = {{0}};
    double step = 1;
    uint32_t *order = sf_xmalloc(nsents * sizeof *order);
    for (size_t k = 0; k < nsents; k++) order[k] = (uint32_t)k;
    float *em = NULL;
    size_t capem = 0;
    uint8_t *pred = NULL;
    size_t cappred = 0;
    uint64_t rng = seed ? seed : 0x2545F4914F6CDD1DULL;
    for (int ep = 0; ep < epochs; ep++) {
        for (size_t k = nsents; k > 1; k--) { /* Fisher-Yates */
            size_t j = (size_t)(xorshift(&rng) % k);
            uint32_t t = order[k - 1];
            order[k - 1] = order[j];
            order[j] = t;
        }
        size_t wrong = 0;
        for (size_t oi = 0; oi < nsents; oi++) {
            const sent_ref *s = &sents[order[oi]];
            size_t n = s->s1 - s->s0;
            SF_GROW(em, capem, n * NER_NTAG);
            SF_GROW(pred, cappred, n);
            for (size_t i = 0; i < n; i++) {
                float *e = em + i * NER_NTAG;
                for (int y = 0; y < NER_NTAG; y++) e[y] = 0;
                size_t t = s->tok + i;
                for (size_t q = foff[t]; q < foff[t + 1]; q++) {
                    const float *wr = w + (size_t)feat[q] * NER_NTAG;
                    for (int y = 0; y < NER_NTAG; y++) e[y] += wr[y];
                }
            }
            ner_decode(em, n, &trans[0][0], pred);
            const uint8_t *g = gold_flat + s->tok;
            int bad = 0;
            for (size_t i = 0; i < n; i++) {
                int gp = i ? g[i - 1] : NER_NTAG, pp = i ? pred[i - 1] : NER_NTAG;
                if (g[i] != pred[i] || gp != pp) {
                    trans[gp][g[i]] += 1;
                    tacc[gp][g[i]] += step;
                    trans[pp][pred[i]] -= 1;
                    tacc[pp][pred[i]] -= step;
                }
                if (g[i] == pred[i]) continue;
                bad = 1;
                size_t t = s->tok + i;
                for (size_t q = foff[t]; q < foff[t + 1]; q++) {
                    size_t r = (size_t)feat[q] * NER_NTAG;
                    w[r + g[i]] += 1;
                    acc[r + g[i]] += step;
                    w[r + pred[i]] -= 1;
                    acc[r + pred[i]] -= step;
                }
            }
            wrong += bad;
            step++;
        }
        if (verbose)
            fprintf(stderr, "  epoch %d: %zu of %zu sentences wrong\n", ep + 1, wrong, nsents);
    }

    /* 3. averaged weights */
    memset(out, 0, sizeof *out);
    out->index = index;
    out->rows = rows;
    out->w = sf_xmalloc(nw * sizeof *out->w);
    for (size_t k = 0; k < nw; k++) out->w[k] = (float)(w[k] - acc[k] / step);
    for (int p = 0; p <= NER_NTAG; p++)
        for (int y = 0; y < NER_NTAG; y++)
            out->trans[p][y] = (float)(trans[p][y] - tacc[p][y] / step);
    free(w);
    free(acc);
    free(order);
    free(em);
    free(pred);
    free(feat);
    free(foff);
    free(gold_flat);
    free(sents);
}
