/* ner_train.c — trains the named-entity tagger's model file (`make model`).
 *
 *   ner-train --train eng.train --lexicons DIR --out models/ner.sfm
 *             [--dev eng.testa] [--epochs N] [--folds K] [--runs R]
 *
 * Stage 1 learns from sentence features; stage 2 adds how each word was tagged elsewhere
 * in its document by stage 1. So that stage 2 sees stage-1 tags as errorful as they are
 * on unseen text, the training documents' stage-1 tags come from K models each trained
 * without that document's fold (jackknifing). With --dev, prints entity-level F1 of
 * both stages on it (the evaluation proper is eval/ner.sh). */
#include "ner/conll.h"
#include "ner/ner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    fputs("usage: ner-train --train FILE --lexicons DIR --out FILE [--dev FILE] [--epochs N]"
          " [--folds K] [--runs R]\n",
          stderr);
    exit(2);
}

/* entity-level exact match: a chunk starts at B-X, or at I-X after another type */
static void chunks(const uint8_t *t, size_t n, size_t i, size_t *end, int *type)
{
    *type = NER_TYPE(t[i]);
    size_t j = i + 1;
    while (j < n && t[j] != NER_O && !NER_IS_B(t[j]) && NER_TYPE(t[j]) == *type) j++;
    *end = j;
}

static int starts(const uint8_t *t, size_t i)
{
    if (t[i] == NER_O) return 0;
    return NER_IS_B(t[i]) || i == 0 || NER_TYPE(t[i - 1]) != NER_TYPE(t[i]);
}

static double f1(const ner_conll *c)
{
    size_t tp = 0, np = 0, ng = 0, n = c->n_toks;
    for (size_t i = 0; i < n; i++) {
        size_t ge = 0, pe = 0;
        int gt = 0, pt = 0;
        int gs = starts(c->gold, i), ps = starts(c->tags, i);
        if (gs) chunks(c->gold, n, i, &ge, &gt), ng++;
        if (ps) chunks(c->tags, n, i, &pe, &pt), np++;
        if (gs && ps && ge == pe && gt == pt) tp++;
    }
    double p = np ? (double)tp / np : 0, r = ng ? (double)tp / ng : 0;
    return p + r > 0 ? 200 * p * r / (p + r) : 0;
}

/* Train `runs` times with different sentence orders and average the weights: the
 * feature rows are the same in every run (they come from the documents, not the order),
 * so the average is taken row by row. Lowers the variance the order leaves. */
static void train_avg(const ner_lexicon *lx, ner_doc *docs, uint8_t **gold, size_t nd, int stage,
                      int epochs, int runs, uint64_t seed, ner_trained *out)
{
    ner_train(lx, docs, gold, nd, stage, epochs, seed, 1, out);
    for (int r = 1; r < runs; r++) {
        ner_trained t = {0};
        ner_train(lx, docs, gold, nd, stage, epochs, seed + 100 * (uint64_t)r, 0, &t);
        for (size_t k = 0; k < out->rows * NER_NTAG; k++) out->w[k] += t.w[k];
        for (int p = 0; p <= NER_NTAG; p++)
            for (int y = 0; y < NER_NTAG; y++) out->trans[p][y] += t.trans[p][y];
        ner_trained_free(&t);
    }
    for (size_t k = 0; k < out->rows * NER_NTAG; k++) out->w[k] /= (float)runs;
    for (int p = 0; p <= NER_NTAG; p++)
        for (int y = 0; y < NER_NTAG; y++) out->trans[p][y] /= (float)runs;
}

static void tag_stage1(const ner_model *m, ner_conll_doc *d)
{
    ner_ctx c = {0};
    ner_ctx_init(&c, &m->lx, &d->doc);
    for (size_t k = 0; k < d->doc.n_sents; k++)
        ner_viterbi(&m->stage[0], &c, d->doc.sent[k], d->doc.sent[k + 1], 1, d->doc.tags);
    ner_ctx_free(&c);
}

int main(int argc, char **argv)
{
    const char *train = NULL, *lexdir = NULL, *out = NULL, *dev = NULL;
    int epochs = 15, folds = 5, runs = 1;
    for (int i = 1; i < argc; i++) {
        if (i + 1 >= argc) usage();
        if (!strcmp(argv[i], "--train"))
            train = argv[++i];
        else if (!strcmp(argv[i], "--lexicons"))
            lexdir = argv[++i];
        else if (!strcmp(argv[i], "--out"))
            out = argv[++i];
        else if (!strcmp(argv[i], "--dev"))
            dev = argv[++i];
        else if (!strcmp(argv[i], "--epochs"))
            epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--folds"))
            folds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--runs"))
            runs = atoi(argv[++i]);
        else
            usage();
    }
    if (!train || !lexdir || !out || epochs < 1 || folds < 0 || folds == 1 || runs < 1) usage();
    sf_error err = {0};
    ner_lexicon_src src;
    ner_conll tr, dv;
    if (ner_lexicon_read(lexdir, &src, &err) || ner_conll_read(train, &tr, &err) ||
        (dev && ner_conll_read(dev, &dv, &err))) {
        fprintf(stderr, "ner-train: %s\n", err.msg);
        return 1;
    }
    fprintf(stderr, "lexicons: %zu gazetteer keys, %zu clustered words\n", src.gaz.n,
            src.clusters.n);
    ner_model *lexonly = ner_model_build(&src, NULL, NULL);
    const ner_lexicon *lx = &lexonly->lx;
    size_t nd = tr.n_docs;
    ner_doc *docs = malloc(nd * sizeof *docs);
    uint8_t **gold = malloc(nd * sizeof *gold);
    for (size_t d = 0; d < nd; d++) {
        docs[d] = tr.docs[d].doc;
        gold[d] = tr.gold + tr.docs[d].first_tok;
    }
    ner_trained s1 = {0}, s2 = {0};
    train_avg(lx, docs, gold, nd, 1, epochs, runs, 1, &s1);
    ner_model *m = ner_model_build(&src, &s1, NULL);
    if (dev) {
        for (size_t d = 0; d < dv.n_docs; d++) tag_stage1(m, &dv.docs[d]);
        fprintf(stderr, "dev F1 stage 1: %.2f\n", f1(&dv));
    }
    if (folds) {
        /* jackknifed stage-1 tags of the training documents */
        ner_doc *sub = malloc(nd * sizeof *sub);
        uint8_t **subg = malloc(nd * sizeof *subg);
        for (int k = 0; k < folds; k++) {
            size_t ns = 0;
            for (size_t d = 0; d < nd; d++)
                if ((int)(d % (size_t)folds) != k) sub[ns] = docs[d], subg[ns++] = gold[d];
            ner_trained ft = {0};
            ner_train(lx, sub, subg, ns, 1, epochs, 1 + (uint64_t)k, 0, &ft);
            ner_model *fm = ner_model_build(&src, &ft, NULL);
            for (size_t d = (size_t)k; d < nd; d += (size_t)folds) tag_stage1(fm, &tr.docs[d]);
            ner_model_free(fm);
            ner_trained_free(&ft);
            fprintf(stderr, "fold %d of %d tagged\n", k + 1, folds);
        }
        free(sub);
        free(subg);
        fprintf(stderr, "jackknifed train F1 stage 1: %.2f\n", f1(&tr));
        train_avg(lx, docs, gold, nd, 2, epochs, runs, 7, &s2);
        ner_model_free(m);
        m = ner_model_build(&src, &s1, &s2);
        if (dev) {
            ner_tagger *t = ner_tagger_new(m);
            for (size_t d = 0; d < dv.n_docs; d++) ner_tagger_tag(t, &dv.docs[d].doc);
            ner_tagger_free(t);
            fprintf(stderr, "dev F1 stage 2: %.2f\n", f1(&dv));
        }
    }
    if (ner_model_save(m, out, &err)) {
        fprintf(stderr, "ner-train: %s\n", err.msg);
        return 1;
    }
    fprintf(stderr, "wrote %s: %zu bytes, %zu + %zu weight rows\n", out, m->image_len,
            m->stage[0].rows, m->stage[1].rows);
    ner_model_free(m);
    ner_model_free(lexonly);
    ner_trained_free(&s1);
    ner_trained_free(&s2);
    ner_lexicon_src_free(&src);
    ner_conll_free(&tr);
    if (dev) ner_conll_free(&dv);
    free(docs);
    free(gold);
    return 0;
}
