/* analyze.c — the per-document stages in order: clean (identity, boilerplate), then text
 * (language, sentences, tokens, terms in that language), then the extractors that need no model (numeric claims, time
 * expressions, quotations). Pure function of the document's text. */
#include "clean/clean.h"
#include "core/error.h"
#include "core/mem.h"
#include "extract/number.h"
#include "extract/quote.h"
#include "extract/timex.h"
#include "storyfold.h"
#include "text/lang.h"
#include "text/sentence.h"
#include "text/token.h"

#include <stdlib.h>

/* 1 when span [s, e) overlaps one of the sorted boilerplate ranges. */
static int in_boilerplate(const sf_doc *d, uint32_t s, uint32_t e)
{
    for (size_t i = 0; i < d->n_boilerplate; i++) {
        const sf_span *b = &d->boilerplate[i];
        if (b->start >= e) break;
        if (b->end > s) return 1;
    }
    return 0;
}

int sf_doc_analyze_text(sf_doc *d, sf_error *err)
{
    if (!d || !d->text) return sf_fail(err, SF_EINVAL, "document without text");
    if (d->len > SF_MAX_DOC)
        return sf_fail(err, SF_EFORMAT, "%s: document larger than 16 MiB", d->path ? d->path : "?");
    clean_body_id(d->text, d->len, d->id);
    clean_boilerplate(d);
    lang_doc(d);
    const tok_lang *lang = tok_lang_get(d->lang);

    sf_span *spans = NULL;
    size_t ns = sent_split(d->text, d->len, &spans);
    free(d->sents);
    free(d->toks);
    d->sents = sf_xmalloc((ns ? ns : 1) * sizeof *d->sents);
    d->n_sents = ns;
    d->toks = NULL;
    d->n_toks = 0;
    size_t cap = 0;
    for (size_t i = 0; i < ns; i++) {
        sf_sentence *s = &d->sents[i];
        s->start = spans[i].start;
        s->end = spans[i].end;
        s->tok_first = (uint32_t)d->n_toks;
        tok_scan(d->text, s->start, s->end, lang, &d->toks, &d->n_toks, &cap);
        s->n_tok = (uint32_t)(d->n_toks - s->tok_first);
        s->boilerplate = (uint8_t)in_boilerplate(d, s->start, s->end);
    }
    free(spans);
    return SF_OK;
}

int sf_doc_analyze(sf_doc *d, sf_error *err)
{
    int rc = sf_doc_analyze_text(d, err);
    if (rc != SF_OK) return rc;
    free(d->nums);
    d->nums = NULL;
    d->n_nums = 0;
    size_t cap_nums = 0;
    for (size_t i = 0; i < d->n_sents; i++) /* teasers and captions claim nothing */
        if (!d->sents[i].boilerplate)
            num_extract(d->text, d->sents[i].start, d->sents[i].end, &d->nums, &d->n_nums,
                        &cap_nums);
    timex_find(d);
    quote_find(d);
    return SF_OK;
}
