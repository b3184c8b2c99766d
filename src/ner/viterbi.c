/* viterbi.c — decoding: per-token tag scores from the weights, the best IOB2-valid tag
 * sequence of a sentence (first-order Viterbi), and two-stage tagging of a document. */
#include "ner/ner.h"

#include "core/mem.h"

#include <stdlib.h>
#include <string.h>

const char *const ner_tag_names[NER_NTAG] = {"O",     "B-PER", "I-PER",  "B-LOC", "I-LOC",
                                             "B-ORG", "I-ORG", "B-MISC", "I-MISC"};

int ner_tag_parse(const char *s, size_t len)
{
    for (int t = 0; t < NER_NTAG; t++)
        if (strlen(ner_tag_names[t]) == len && !memcmp(ner_tag_names[t], s, len)) return t;
    return -1;
}

int ner_allowed(int prev, int tag)
{
    if (tag == NER_O || NER_IS_B(tag)) return 1;
    /* I-X only after B-X or I-X */
    return prev != NER_NTAG && NER_TYPE(prev) == NER_TYPE(tag);
}

/* Add the weight rows of features f to sum, in wt's stage; with `also`, add to it the
 * stage-2 weights that sit beside stage 1's in each row (wt must then be stage 1). */
static void add_rows(const ner_weights *wt, const uint64_t *f, size_t nf, int32_t *sum,
                     int32_t *also)
{
    for (size_t k = 0; k < nf; k++) {
        uint32_t row = ner_table_get(&wt->index, f[k], UINT32_MAX);
        if (row == UINT32_MAX) continue;
        const int16_t *q = wt->q + (size_t)row * wt->stride;
        for (int y = 0; y < NER_NTAG; y++) sum[y] += q[y];
        if (also)
            for (int y = 0; y < NER_NTAG; y++) also[y] += q[NER_NTAG + y];
    }
}

void ner_scores(const ner_weights *wt, const ner_ctx *c, size_t s0, size_t s1, size_t i, int stage,
                float *score)
{
    uint64_t f[NER_MAXFEAT];
    size_t nf = ner_features(c, s0, s1, i, stage, f);
    int32_t sum[NER_NTAG] = {0};
    add_rows(wt, f, nf, sum, NULL);
    for (int y = 0; y < NER_NTAG; y++) score[y] = (float)sum[y] * wt->scale;
}

#define NEG (-1e30f) /* the score of a state no valid path reaches */

void ner_decode(const float *em, size_t n, const float *trans, uint8_t *tags)
{
    if (!n) return;
    float stack_d[64 * NER_NTAG];
    uint8_t stack_b[64 * NER_NTAG];
    float *delta = n <= 64 ? stack_d : sf_xmalloc(n * NER_NTAG * sizeof *delta);
    uint8_t *back = n <= 64 ? stack_b : sf_xmalloc(n * NER_NTAG);
    const float *start = trans + NER_NTAG * NER_NTAG;
    for (int y = 0; y < NER_NTAG; y++) {
        delta[y] = ner_allowed(NER_NTAG, y) ? start[y] + em[y] : NEG;
        back[y] = 0;
    }
    for (size_t i = 1; i < n; i++) {
        const float *pd = delta + (i - 1) * NER_NTAG, *e = em + i * NER_NTAG;
        float *d = delta + i * NER_NTAG;
        uint8_t *bk = back + i * NER_NTAG;
        for (int y = 0; y < NER_NTAG; y++) {
            float best;
            int arg;
            if (y == NER_O || NER_IS_B(y)) { /* any tag may precede O and B-X */
                best = pd[0] + trans[y];
                arg = 0;
                for (int p = 1; p < NER_NTAG; p++) {
                    float sc = pd[p] + trans[p * NER_NTAG + y];
                    if (sc > best) best = sc, arg = p;
                }
            } else { /* I-X follows B-X or I-X */
                int b = y - 1;
                float sb = pd[b] + trans[b * NER_NTAG + y], si = pd[y] + trans[y * NER_NTAG + y];
                best = sb >= si ? sb : si;
                arg = sb >= si ? b : y;
            }
            d[y] = best + e[y];
            bk[y] = (uint8_t)arg;
        }
    }
    const float *d = delta + (n - 1) * NER_NTAG;
    int y = 0;
    for (int k = 1; k < NER_NTAG; k++)
        if (d[k] > d[y]) y = k;
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)y;
        y = back[i * NER_NTAG + y];
    }
    if (delta != stack_d) free(delta);
    if (back != stack_b) free(back);
}

void ner_viterbi(const ner_weights *wt, const ner_ctx *c, size_t s0, size_t s1, int stage,
                 uint8_t *tags)
{
    size_t n = s1 - s0;
    float stack_em[64 * NER_NTAG];
    float *em = n <= 64 ? stack_em : sf_xmalloc(n * NER_NTAG * sizeof *em);
    for (size_t i = 0; i < n; i++) ner_scores(wt, c, s0, s1, s0 + i, stage, em + i * NER_NTAG);
    ner_decode(em, n, wt->trans, tags + s0);
    if (em != stack_em) free(em);
}

/* ---- the tagger: a model plus per-word caches of unit-feature scores ----
 *
 * Both stages' weights of a feature sit side by side in the model, so the tagger looks
 * each feature up once: the first pass sums stage-1 scores to decode with and keeps the
 * stage-2 sums of the same features; the second pass adds only the hint features. */

#define CACHE_SLOTS (1u << 14)

typedef struct unit_entry {
    uint64_t word;                /* exact-bytes hash; 0 = empty */
    int32_t part[2][5][NER_NTAG]; /* per stage, quantized unit scores seen from -2..2 */
} unit_entry;

struct ner_tagger {
    const ner_model *m;
    ner_ctx ctx;
    unit_entry *cache;
    int32_t edge[2][5][NER_NTAG];
    int32_t *pending; /* per token: stage-2 sums of the features stage 1 looked up */
    size_t cap_pending;
};

/* Add the rows of f to sum[0] (stage 1) and, when the model has one, sum[1] (stage 2). */
static void sum_both(const ner_model *m, const uint64_t *f, size_t nf, int32_t sum[2][NER_NTAG])
{
    add_rows(&m->stage[0], f, nf, sum[0], m->stage[1].rows ? sum[1] : NULL);
}

ner_tagger *ner_tagger_new(const ner_model *m)
{
    ner_tagger *t = sf_xcalloc(1, sizeof *t);
    t->m = m;
    t->cache = sf_xcalloc(CACHE_SLOTS, sizeof *t->cache);
    for (int o = -2; o <= 2; o++) {
        uint64_t f[8];
        size_t nf = ner_edge_features(o, f);
        int32_t sum[2][NER_NTAG] = {{0}};
        sum_both(m, f, nf, sum);
        memcpy(t->edge[0][o + 2], sum[0], sizeof sum[0]);
        memcpy(t->edge[1][o + 2], sum[1], sizeof sum[1]);
    }
    return t;
}

void ner_tagger_free(ner_tagger *t)
{
    if (!t) return;
    ner_ctx_free(&t->ctx);
    free(t->cache);
    free(t->pending);
    free(t);
}

static const unit_entry *unit_scores(ner_tagger *t, size_t j)
{
    const ner_ctx *c = &t->ctx;
    uint64_t w = c->word[j];
    unit_entry *e = &t->cache[w & (CACHE_SLOTS - 1)];
    if (e->word == w) return e;
    memset(e, 0, sizeof *e);
    e->word = w;
    for (int o = -2; o <= 2; o++) {
        uint64_t f[NER_MAXFEAT];
        size_t nf = ner_unit_features(c, j, o, f);
        int32_t sum[2][NER_NTAG] = {{0}};
        sum_both(t->m, f, nf, sum);
        memcpy(e->part[0][o + 2], sum[0], sizeof sum[0]);
        memcpy(e->part[1][o + 2], sum[1], sizeof sum[1]);
    }
    return e;
}

static void tagger_sentence(ner_tagger *t, int stage, size_t s0, size_t s1, uint8_t *tags)
{
    const ner_weights *wt = &t->m->stage[stage - 1];
    size_t n = s1 - s0;
    float stack_em[64 * NER_NTAG];
    float *em = n <= 64 ? stack_em : sf_xmalloc(n * NER_NTAG * sizeof *em);
    uint64_t f[NER_MAXFEAT];
    for (size_t i = s0; i < s1; i++) {
        int32_t *pend = t->pending + i * NER_NTAG;
        int32_t sum[2][NER_NTAG] = {{0}};
        if (stage == 1) {
            size_t nf = ner_context_features(&t->ctx, s0, s1, i, 1, f);
            sum_both(t->m, f, nf, sum);
            for (int o = -2; o <= 2; o++) {
                size_t j = i + (size_t)o;
                int in = (o >= 0 || i >= s0 + (size_t)-o) && j < s1;
                const unit_entry *u = in ? unit_scores(t, j) : NULL;
                for (int s = 0; s < 2; s++) {
                    const int32_t *part = u ? u->part[s][o + 2] : t->edge[s][o + 2];
                    for (int y = 0; y < NER_NTAG; y++) sum[s][y] += part[y];
                }
            }
            memcpy(pend, sum[1], sizeof sum[1]);
        } else {
            memcpy(sum[0], pend, sizeof sum[0]);
            size_t nf = ner_hint_features(&t->ctx, s0, s1, i, f);
            add_rows(wt, f, nf, sum[0], NULL);
        }
        float *e = em + (i - s0) * NER_NTAG;
        for (int y = 0; y < NER_NTAG; y++) e[y] = (float)sum[0][y] * wt->scale;
    }
    ner_decode(em, n, wt->trans, tags + s0);
    if (em != stack_em) free(em);
}

void ner_tagger_tag(ner_tagger *t, ner_doc *doc)
{
    ner_ctx_init(&t->ctx, &t->m->lx, doc);
    SF_GROW(t->pending, t->cap_pending, (doc->n_toks + 1) * NER_NTAG);
    for (size_t k = 0; k < doc->n_sents; k++)
        tagger_sentence(t, 1, doc->sent[k], doc->sent[k + 1], doc->tags);
    if (t->m->stage[1].rows) {
        ner_ctx_hints(&t->ctx);
        for (size_t k = 0; k < doc->n_sents; k++)
            tagger_sentence(t, 2, doc->sent[k], doc->sent[k + 1], doc->tags);
    }
}
