/* viterbi.c — decoding: per-token tag scores from the weights, the best IOB2-valid tag
 * sequence of a sentence (first-order Viterbi), and two-stage tagging of a document. */
#include "ner/ner.h"

#include "core/mem.h"

#include <float.h>
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

void ner_scores(const ner_weights *wt, const ner_ctx *c, size_t s0, size_t s1, size_t i, int stage,
                float *score)
{
    uint64_t f[NER_MAXFEAT];
    size_t nf = ner_features(c, s0, s1, i, stage, f);
    int32_t sum[NER_NTAG] = {0};
    for (size_t k = 0; k < nf; k++) {
        uint32_t row = ner_table_get(&wt->index, f[k], UINT32_MAX);
        if (row == UINT32_MAX) continue;
        const int16_t *q = wt->q + (size_t)row * NER_NTAG;
        for (int y = 0; y < NER_NTAG; y++) sum[y] += q[y];
    }
    for (int y = 0; y < NER_NTAG; y++) score[y] = (float)sum[y] * wt->scale;
}

void ner_decode(const float *em, size_t n, const float *trans, uint8_t *tags)
{
    if (!n) return;
    float stack_d[64 * NER_NTAG];
    uint8_t stack_b[64 * NER_NTAG];
    float *delta = n <= 64 ? stack_d : sf_xmalloc(n * NER_NTAG * sizeof *delta);
    uint8_t *back = n <= 64 ? stack_b : sf_xmalloc(n * NER_NTAG);
    for (size_t i = 0; i < n; i++) {
        float *d = delta + i * NER_NTAG;
        const float *e = em + i * NER_NTAG;
        for (int y = 0; y < NER_NTAG; y++) {
            float best = -FLT_MAX;
            int arg = 0;
            if (i == 0) {
                if (ner_allowed(NER_NTAG, y)) best = trans[NER_NTAG * NER_NTAG + y];
            } else {
                const float *pd = d - NER_NTAG;
                for (int p = 0; p < NER_NTAG; p++) {
                    if (!ner_allowed(p, y) || pd[p] == -FLT_MAX) continue;
                    float s = pd[p] + trans[p * NER_NTAG + y];
                    if (s > best) best = s, arg = p;
                }
            }
            d[y] = best == -FLT_MAX ? -FLT_MAX : best + e[y];
            back[i * NER_NTAG + y] = (uint8_t)arg;
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

void ner_tag_doc(const ner_model *m, ner_doc *doc)
{
    ner_ctx c = {0};
    ner_ctx_init(&c, &m->lx, doc);
    for (size_t k = 0; k < doc->n_sents; k++)
        ner_viterbi(&m->stage[0], &c, doc->sent[k], doc->sent[k + 1], 1, doc->tags);
    if (m->stage[1].rows) {
        ner_ctx_hints(&c);
        for (size_t k = 0; k < doc->n_sents; k++)
            ner_viterbi(&m->stage[1], &c, doc->sent[k], doc->sent[k + 1], 2, doc->tags);
    }
    ner_ctx_free(&c);
}
