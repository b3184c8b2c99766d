/* fuzz_conll.c — libFuzzer target for the CoNLL reader (src/ner/conll.c) and the tagger
 * over what it reads. The input is written to a per-process temp file and read back with
 * ner_conll_read; a file that reads must partition its tokens into documents and
 * sentences, get IOB2-valid tags from a tiny model trained in-process at startup, and
 * write back (ner_conll_write to /dev/null). A file that does not read must say why. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "ner/conll.h"
#include "ner/ner.h"

static const char train_text[] =
    "-DOCSTART- -X- -X- O\n\n"
    "Ilsa NNP B-NP B-PER\nMarovic NNP I-NP I-PER\nvisited VBD B-VP O\nVelmora NNP B-NP B-LOC\n"
    ". . O O\n\n"
    "The DT B-NP O\nNorthgate NNP I-NP B-ORG\nBank NNP I-NP I-ORG\nopened VBD B-VP O\n"
    "in IN B-PP O\nOstrand NNP B-NP B-LOC\n. . O O\n\n"
    "Marovic NNP B-NP B-PER\nsaid VBD B-VP O\nthe DT B-NP O\nVelmoran JJ I-NP B-MISC\n"
    "fleet NN I-NP O\nsailed VBD B-VP O\n. . O O\n";

static char path[64];
static ner_model *model;
static ner_tagger *tagger;
static FILE *devnull;

static void remove_file(void)
{
    unlink(path);
}

static void write_file(const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    CHECK(f && fwrite(data, 1, size, f) == size && fclose(f) == 0);
}

/* Once per process: the temp file's name, /dev/null, and a model trained on train_text. */
static void setup(void)
{
    snprintf(path, sizeof path, "/tmp/fuzz_conll.%ld", (long)getpid());
    atexit(remove_file);
    devnull = fopen("/dev/null", "w");
    CHECK(devnull);
    write_file(train_text, sizeof train_text - 1);
    ner_conll c;
    sf_error err = {0};
    CHECK(ner_conll_read(path, &c, &err) == 0 && c.n_docs == 1);
    uint8_t *gold = c.gold + c.docs[0].first_tok;
    ner_model *lexonly = ner_model_build(NULL, NULL, NULL);
    ner_trained s1 = {0};
    ner_train(&lexonly->lx, &c.docs[0].doc, &gold, 1, 1, 4, 1, 0, &s1);
    model = ner_model_build(NULL, &s1, NULL);
    tagger = ner_tagger_new(model);
    ner_trained_free(&s1);
    ner_model_free(lexonly);
    ner_conll_free(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model) setup();
    write_file(data, size);
    ner_conll c;
    sf_error err = {0};
    if (ner_conll_read(path, &c, &err) != 0) {
        CHECK(err.code != 0 && err.msg[0]);
        return 0;
    }
    size_t next = 0;
    for (size_t k = 0; k < c.n_docs; k++) {
        ner_doc *d = &c.docs[k].doc;
        CHECK(c.docs[k].first_tok == next && d->toks == c.toks + next);
        CHECK(d->sent[0] == 0 && d->sent[d->n_sents] == d->n_toks);
        for (size_t s = 0; s < d->n_sents; s++) CHECK(d->sent[s] < d->sent[s + 1]);
        next += d->n_toks;
        ner_tagger_tag(tagger, d);
        for (size_t s = 0; s < d->n_sents; s++)
            for (size_t i = d->sent[s], prev = NER_NTAG; i < d->sent[s + 1]; prev = d->tags[i++])
                CHECK(d->tags[i] < NER_NTAG && ner_allowed((int)prev, d->tags[i]));
    }
    CHECK(next == c.n_toks);
    for (size_t i = 0; i < c.n_toks; i++)
        CHECK(c.toks[i].s >= c.buf && c.toks[i].s + c.toks[i].len <= c.buf + size &&
              c.gold[i] < NER_NTAG);
    ner_conll_write(&c, devnull);
    ner_conll_free(&c);
    return 0;
}
