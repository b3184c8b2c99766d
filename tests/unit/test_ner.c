/* test_ner.c — unit tests for src/ner/: CoNLL-style tokenization of running text, IOB2
 * constraints in Viterbi decoding, feature extraction (unit vs context features), the
 * CoNLL reader's errors, training on invented sentences, the model file's save/load
 * round trip (the cached tagger must agree with plain Viterbi), and refusing corrupt
 * model files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ner/conll.h"
#include "ner/ner.h"

/* ---- tokenization ---- */

static void expect_tokens(const char *text, const char *const *want)
{
    ner_tok *toks = NULL;
    size_t n = 0, cap = 0;
    ner_tokenize(text, 0, strlen(text), &toks, &n, &cap);
    size_t nw = 0;
    while (want[nw]) nw++;
    for (size_t i = 0; i < n && i < nw; i++)
        if (toks[i].len != strlen(want[i]) || memcmp(toks[i].s, want[i], toks[i].len)) {
            print_message("'%s': token %zu is '%.*s', want '%s'\n", text, i, (int)toks[i].len,
                          toks[i].s, want[i]);
            nw = (size_t)-1;
            break;
        }
    if (n != nw) {
        for (size_t i = 0; i < n; i++)
            print_message("  token %zu: '%.*s'\n", i, (int)toks[i].len, toks[i].s);
        free(toks);
        fail_msg("'%s': %zu tokens, want others", text, n);
    }
    free(toks);
}

static void test_tokenize(void **state)
{
    (void)state;
    expect_tokens("Mr. Tovan Kerensky's boat didn't sail.",
                  (const char *const[]){"Mr.", "Tovan", "Kerensky", "'s", "boat", "did", "n't",
                                        "sail", ".", NULL});
    expect_tokens("The U.S. envoy (Ilsa Marovic) arrived in Velmora, on Friday.",
                  (const char *const[]){"The", "U.S.", "envoy", "(", "Ilsa", "Marovic", ")",
                                        "arrived", "in", "Velmora", ",", "on", "Friday", ".",
                                        NULL});
    expect_tokens("\xE2\x80\x9CWe stay,\xE2\x80\x9D said Ostrand\xE2\x80\x99s mayor.",
                  (const char *const[]){"\xE2\x80\x9C", "We", "stay", ",", "\xE2\x80\x9D", "said",
                                        "Ostrand", "\xE2\x80\x99s", "mayor", ".", NULL});
    expect_tokens("  1,200 people fled J. Pell's farm -- in 2024.\n",
                  (const char *const[]){"1,200", "people", "fled", "J.", "Pell", "'s", "farm", "--",
                                        "in", "2024", ".", NULL});
    expect_tokens("At 4 a.m. the U.N. said so.",
                  (const char *const[]){"At", "4", "a.m.", "the", "U.N.", "said", "so", ".", NULL});
    expect_tokens("", (const char *const[]){NULL});
}

/* ---- decoding ---- */

static void test_decode_constraints(void **state)
{
    (void)state;
    float trans[(NER_NTAG + 1) * NER_NTAG] = {0};
    float em[3 * NER_NTAG];
    for (int i = 0; i < 3 * NER_NTAG; i++) em[i] = 0;
    /* I-LOC scores best everywhere, but may not start a sentence or follow O/PER */
    for (int i = 0; i < 3; i++) em[i * NER_NTAG + NER_I(SF_ENT_LOC)] = 10;
    uint8_t tags[3];
    ner_decode(em, 3, trans, tags);
    assert_int_equal(tags[0], NER_B(SF_ENT_LOC));
    assert_int_equal(tags[1], NER_I(SF_ENT_LOC));
    assert_int_equal(tags[2], NER_I(SF_ENT_LOC));
    assert_false(ner_allowed(NER_NTAG, NER_I(SF_ENT_PER)));
    assert_false(ner_allowed(NER_O, NER_I(SF_ENT_PER)));
    assert_false(ner_allowed(NER_B(SF_ENT_ORG), NER_I(SF_ENT_PER)));
    assert_true(ner_allowed(NER_B(SF_ENT_PER), NER_I(SF_ENT_PER)));
    assert_int_equal(ner_tag_parse("B-MISC", 6), NER_B(SF_ENT_MISC));
    assert_int_equal(ner_tag_parse("X-PER", 5), -1);
}

/* ---- CoNLL files, training, model files ---- */

/* Invented sentences: people, places and organizations in a few patterns. */
static const char *const train_text =
    "-DOCSTART- -X- -X- O\n\n"
    "Ilsa NNP B-NP B-PER\nMarovic NNP I-NP I-PER\nvisited VBD B-VP O\nVelmora NNP B-NP B-LOC\n"
    ". . O O\n\n"
    "The DT B-NP O\nNorthgate NNP I-NP B-ORG\nBank NNP I-NP I-ORG\nopened VBD B-VP O\nin IN B-PP "
    "O\n"
    "Ostrand NNP B-NP B-LOC\n. . O O\n\n"
    "Marovic NNP B-NP B-PER\nsaid VBD B-VP O\nthe DT B-NP O\nVelmoran JJ I-NP B-MISC\n"
    "fleet NN I-NP O\nsailed VBD B-VP O\n. . O O\n\n"
    "-DOCSTART- -X- -X- O\n\n"
    "Tovan NNP B-NP B-PER\nKerensky NNP I-NP I-PER\njoined VBD B-VP O\nthe DT B-NP O\n"
    "Ostrand NNP I-NP B-ORG\nCouncil NNP I-NP I-ORG\n. . O O\n\n"
    "Kerensky NNP B-NP B-PER\nflew VBD B-VP O\nto TO B-PP O\nVelmora NNP B-NP B-LOC\n"
    ". . O O\n";

static char *write_temp(const char *text, size_t len)
{
    char *path = strdup("/tmp/test_ner_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

static void test_conll_read(void **state)
{
    (void)state;
    char *path = write_temp(train_text, strlen(train_text));
    ner_conll c;
    sf_error err = {0};
    assert_int_equal(ner_conll_read(path, &c, &err), 0);
    assert_int_equal(c.n_docs, 2);
    assert_int_equal(c.docs[0].doc.n_sents, 3);
    assert_int_equal(c.docs[1].doc.n_sents, 2);
    assert_int_equal(c.n_toks, 31);
    assert_int_equal(c.gold[0], NER_B(SF_ENT_PER));
    assert_int_equal(c.docs[1].doc.toks[0].len, 5); /* "Tovan" */
    ner_conll_free(&c);
    unlink(path);
    free(path);

    const char bad[] = "Velmora NNP B-NP B-LOC\nfell VBD B-VP Q-TAG\n";
    path = write_temp(bad, sizeof bad - 1);
    assert_int_not_equal(ner_conll_read(path, &c, &err), 0);
    assert_non_null(strstr(err.msg, ":2:"));
    assert_non_null(strstr(err.msg, "IOB2"));
    unlink(path);
    free(path);
}

static void test_features(void **state)
{
    (void)state;
    ner_tok toks[] = {{"Ilsa", 4}, {"met", 3}, {"Ilsa", 4}};
    uint32_t sent[] = {0, 3};
    uint8_t tags[3];
    ner_doc doc = {toks, 3, sent, 1, tags};
    ner_ctx c = {0};
    ner_ctx_init(&c, NULL, &doc);
    uint64_t a[NER_MAXFEAT], b[NER_MAXFEAT];
    /* a word's unit features depend on its bytes only, not its position */
    size_t na = ner_unit_features(&c, 0, 0, a), nb = ner_unit_features(&c, 2, 0, b);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na * sizeof *a);
    /* but seen from another offset they differ */
    nb = ner_unit_features(&c, 0, 1, b);
    assert_true(nb < na);
    assert_true(a[0] != b[0]);
    /* the first token has edge features on its left, not the last token's */
    size_t n1 = ner_features(&c, 0, 3, 0, 1, a), n3 = ner_features(&c, 0, 3, 2, 1, b);
    assert_true(n1 > 10 && n1 < NER_MAXFEAT && n3 > 10 && n3 < NER_MAXFEAT);
    int same = 1;
    for (size_t k = 0; k < n1 && k < n3; k++) same &= a[k] == b[k];
    assert_false(same);
    ner_ctx_free(&c);
}

static void test_train_save_load(void **state)
{
    (void)state;
    char *path = write_temp(train_text, strlen(train_text));
    ner_conll c;
    sf_error err = {0};
    assert_int_equal(ner_conll_read(path, &c, &err), 0);
    ner_doc docs[2] = {c.docs[0].doc, c.docs[1].doc};
    uint8_t *gold[2] = {c.gold + c.docs[0].first_tok, c.gold + c.docs[1].first_tok};
    ner_trained s1 = {0}, s2 = {0};
    ner_model *lexonly = ner_model_build(NULL, NULL, NULL);
    ner_train(&lexonly->lx, docs, gold, 2, 1, 8, 1, 0, &s1);
    /* stage 2 sees stage-1 tags: use the gold ones here */
    memcpy(c.tags, c.gold, c.n_toks);
    ner_train(&lexonly->lx, docs, gold, 2, 2, 8, 2, 0, &s2);
    ner_model *m = ner_model_build(NULL, &s1, &s2);
    assert_true(m->stage[0].rows > 0 && m->stage[1].rows > 0);

    /* the training sentences are learned */
    memset(c.tags, 0, c.n_toks);
    ner_tagger *t = ner_tagger_new(m);
    for (int d = 0; d < 2; d++) ner_tagger_tag(t, &c.docs[d].doc);
    assert_memory_equal(c.tags, c.gold, c.n_toks);

    /* the cached tagger agrees with plain Viterbi, sentence by sentence */
    uint8_t *plain = calloc(c.n_toks, 1);
    ner_ctx ctx = {0};
    for (int d = 0; d < 2; d++) {
        ner_doc *doc = &c.docs[d].doc;
        ner_ctx_init(&ctx, &m->lx, doc);
        for (size_t k = 0; k < doc->n_sents; k++)
            ner_viterbi(&m->stage[0], &ctx, doc->sent[k], doc->sent[k + 1], 1,
                        plain + c.docs[d].first_tok);
    }
    ner_ctx_free(&ctx);
    ner_model *m1 = ner_model_build(NULL, &s1, NULL);
    ner_tagger *t1 = ner_tagger_new(m1);
    for (int d = 0; d < 2; d++) ner_tagger_tag(t1, &c.docs[d].doc);
    assert_memory_equal(c.tags, plain, c.n_toks);
    ner_tagger_free(t1);
    ner_model_free(m1);

    /* save, load: the same bytes and the same tags */
    char *mpath = write_temp("", 0);
    assert_int_equal(ner_model_save(m, mpath, &err), 0);
    ner_model *back = ner_model_load(mpath, &err);
    assert_non_null(back);
    assert_int_equal(back->image_len, m->image_len);
    assert_memory_equal(back->image, m->image, m->image_len);
    memset(c.tags, 0, c.n_toks);
    ner_tagger *t2 = ner_tagger_new(back);
    for (int d = 0; d < 2; d++) ner_tagger_tag(t2, &c.docs[d].doc);
    assert_memory_equal(c.tags, c.gold, c.n_toks);

    /* truncated and foreign files are refused with a reason */
    FILE *f = fopen(mpath, "wb");
    fwrite(m->image, 1, m->image_len - 12, f);
    fclose(f);
    assert_null(ner_model_load(mpath, &err));
    assert_non_null(strstr(err.msg, "truncated or corrupt"));
    f = fopen(mpath, "wb");
    fputs("this is not a model file, only some text that is long enough to be read", f);
    fclose(f);
    assert_null(ner_model_load(mpath, &err));
    assert_non_null(strstr(err.msg, "not a storyfold tagger model"));
    assert_null(ner_model_load("/nonexistent/ner.sfm", &err));
    assert_non_null(strstr(err.msg, "/nonexistent/ner.sfm"));

    unlink(mpath);
    free(mpath);
    free(plain);
    ner_tagger_free(t);
    ner_tagger_free(t2);
    ner_model_free(back);
    ner_model_free(m);
    ner_model_free(lexonly);
    ner_trained_free(&s1);
    ner_trained_free(&s2);
    ner_conll_free(&c);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokenize),        cmocka_unit_test(test_decode_constraints),
        cmocka_unit_test(test_conll_read),      cmocka_unit_test(test_features),
        cmocka_unit_test(test_train_save_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
