/* entities.c — named entities of an analyzed document: its sentences tokenized the
 * CoNLL way, tagged (two stages over the whole document), IOB2 chunks turned into
 * mentions with byte spans, and each mention linked to its canonical name (canon.c). */
#include "core/mem.h"
#include "extract/quote.h"
#include "ner/canon.h"
#include "ner/ner.h"

#include <stdlib.h>
#include <string.h>

sf_tagger *sf_tagger_new(const char *model_path, sf_error *err)
{
    ner_model *m = ner_model_load(model_path, err);
    if (!m) return NULL;
    sf_tagger *t = sf_xcalloc(1, sizeof *t);
    t->model = m;
    t->owns_model = 1;
    t->tagger = ner_tagger_new(m);
    return t;
}

sf_tagger *sf_tagger_share(const sf_tagger *proto)
{
    sf_tagger *t = sf_xcalloc(1, sizeof *t);
    t->model = proto->model;
    t->tagger = ner_tagger_new(t->model);
    return t;
}

void sf_tagger_free(sf_tagger *t)
{
    if (!t) return;
    ner_tagger_free(t->tagger);
    if (t->owns_model) ner_model_free(t->model);
    free(t->toks);
    free(t->sent);
    free(t->tags);
    free(t);
}

static void tag_entities(sf_doc *d, sf_tagger *t)
{
    free(d->ents);
    d->ents = NULL;
    d->n_ents = 0;
    size_t n = 0, nsent = 0;
    for (size_t k = 0; k < d->n_sents; k++) {
        const sf_sentence *s = &d->sents[k];
        SF_GROW(t->sent, t->cap_sent, nsent + 2);
        t->sent[nsent++] = (uint32_t)n;
        ner_tokenize(d->text, s->start, s->end, &t->toks, &n, &t->cap_toks);
    }
    if (!n) return;
    SF_GROW(t->sent, t->cap_sent, nsent + 1);
    t->sent[nsent] = (uint32_t)n;
    SF_GROW(t->tags, t->cap_tags, n);
    ner_doc doc = {t->toks, n, t->sent, nsent, t->tags};
    ner_tagger_tag(t->tagger, &doc);

    /* chunks: a mention starts at B-X (or a stray I-X) and runs over I-X */
    size_t cap = 0;
    canon_mention *cm = NULL;
    for (size_t i = 0; i < n;) {
        int type = NER_TYPE(t->tags[i]);
        if (!type) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && t->tags[j] == NER_I(type)) j++;
        SF_GROW(d->ents, cap, d->n_ents + 1);
        uint32_t start = (uint32_t)(t->toks[i].s - d->text);
        uint32_t end = (uint32_t)(t->toks[j - 1].s + t->toks[j - 1].len - d->text);
        d->ents[d->n_ents++] = (sf_entity){start, end, (uint8_t)type, start, end, 0};
        i = j;
    }
    if (!d->n_ents) return;
    cm = sf_xcalloc(d->n_ents, sizeof *cm);
    for (size_t k = 0; k < d->n_ents; k++) {
        sf_entity *e = &d->ents[k];
        cm[k] =
            (canon_mention){.text = d->text + e->start, .len = e->end - e->start, .type = e->type};
    }
    canon_doc(cm, d->n_ents);
    for (size_t k = 0; k < d->n_ents; k++) {
        const canon_mention *c = &cm[cm[k].canon];
        sf_entity *e = &d->ents[k];
        e->name_start = (uint32_t)(c->text - d->text) + c->name_off;
        e->name_end = e->name_start + c->name_len;
        e->key = cm[k].key;
    }
    free(cm);
}

void sf_doc_tag(sf_doc *d, sf_tagger *t)
{
    /* The model learned English (CoNLL-2003) and its features are English ones: in German
     * every noun is capitalized, in French the gazetteers miss. A document known to be in
     * another language gets no entities rather than wrong ones; an unknown one is tagged. */
    if (d->lang && strcmp(d->lang, "en") != 0) {
        free(d->ents);
        d->ents = NULL;
        d->n_ents = 0;
    } else {
        tag_entities(d, t);
    }
    quote_resolve(d); /* speakers to the people just found */
}
