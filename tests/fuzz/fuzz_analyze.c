/* fuzz_analyze.c — libFuzzer target for the per-document stages (clean + text:
 * src/pipeline/analyze.c) and the summarizer over them. Any bytes go in as a document
 * body; checked: every span (boilerplate, sentence, token, citation) lies inside the
 * text, sentences are ordered and own their tokens, the summary's excerpts hold their
 * cuts in order and respect its budget (in words as a reader counts them, cuts left out),
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

    sf_excerpt *c = NULL;
    size_t n = 0;
    const int budget = 30;
    CHECK(sf_summarize(&d, 1, budget, &c, &n, &err) == SF_OK);
    size_t words = 0;
    for (size_t i = 0; i < n; i++) { /* words as the summarizer counts them: non-space runs */
        sf_span span = c[i].cite.span;
        CHECK(c[i].cite.doc == 0 && span.start < span.end && span.end <= size);
        CHECK(c[i].n_cut <= SF_MAX_CUTS);
        for (size_t k = 0; k < c[i].n_cut; k++)
            CHECK(c[i].cut[k].start > (k ? c[i].cut[k - 1].end - 1 : span.start) &&
                  c[i].cut[k].start < c[i].cut[k].end && c[i].cut[k].end < span.end);
        int in = 0;
        size_t cut = 0;
        for (uint32_t k = span.start; k < span.end; k++) {
            if (cut < c[i].n_cut && k == c[i].cut[cut].start) {
                k = c[i].cut[cut++].end - 1;
                continue;
            }
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
