/* fuzz_analyze.c — libFuzzer target for the per-document stages (clean + text:
 * src/pipeline/analyze.c) and the summarizer over them. Any bytes go in as a document
 * body; checked: every span (boilerplate, sentence, token, citation) lies inside the
 * text, sentences are ordered and own their tokens, the summary respects its budget
 * (in words as a reader counts them),
 * the fingerprint compares equal to itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "link/fingerprint.h"
#include "storyfold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sf_doc *d = fuzz_doc(data, size);
    sf_error err = {0};
    if (sf_doc_analyze(d, &err) != SF_OK) {
        sf_doc_free(d);
        return 0;
    }
    CHECK(strlen(d->id) == 32);
    for (size_t i = 0; i < d->n_boilerplate; i++)
        CHECK(d->boilerplate[i].start < d->boilerplate[i].end && d->boilerplate[i].end <= size);
    uint32_t prev_end = 0, next_tok = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        const sf_sentence *s = &d->sents[i];
        CHECK(s->start >= prev_end && s->start < s->end && s->end <= size);
        CHECK(s->tok_first == next_tok);
        for (uint32_t k = s->tok_first; k < s->tok_first + s->n_tok; k++)
            CHECK(d->toks[k].start >= s->start && d->toks[k].start < d->toks[k].end &&
                  d->toks[k].end <= s->end);
        prev_end = s->end;
        next_tok = s->tok_first + s->n_tok;
    }
    CHECK(next_tok == d->n_toks);

    fp_sig sig;
    fp_signature(d, &sig);
    CHECK(sig.n_shingles == 0 ? fp_similarity(&sig, &sig) == 0 : fp_similarity(&sig, &sig) == 1);

    sf_cite *c = NULL;
    size_t n = 0;
    const int budget = 30;
    CHECK(sf_summarize(&d, 1, budget, &c, &n, &err) == SF_OK);
    size_t words = 0;
    for (size_t i = 0; i < n; i++) { /* words as the summarizer counts them: non-space runs */
        CHECK(c[i].doc == 0 && c[i].span.start < c[i].span.end && c[i].span.end <= size);
        int in = 0;
        for (uint32_t k = c[i].span.start; k < c[i].span.end; k++) {
            int sp = strchr(" \n\t\r", d->text[k]) != NULL && d->text[k] != '\0';
            if (!sp && !in) words++;
            in = !sp;
        }
    }
    CHECK(words <= (size_t)budget);
    free(c);
    sf_doc_free(d);
    return 0;
}
