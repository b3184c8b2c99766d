/* conll.h — CoNLL-2003 column files in and out (see conll.c). */
#ifndef SF_CONLL_H
#define SF_CONLL_H

#include <stdio.h>

#include "ner/ner.h"

typedef struct ner_conll_line {
    size_t start, len; /* bytes of the line in buf, without the newline */
    long tok;          /* token index; -1 blank line, -2 -DOCSTART- */
} ner_conll_line;

typedef struct ner_conll_doc {
    ner_doc doc; /* toks, sentences and tags of one document */
    size_t first_tok;
    uint32_t *sent; /* owned sentence offsets, relative to the document */
    size_t n_sent_used;
} ner_conll_doc;

typedef struct ner_conll {
    char *buf; /* the file's bytes; tokens point into it */
    ner_tok *toks;
    size_t n_toks;
    uint8_t *gold; /* gold tags (O where the file has none) */
    size_t cap_gold;
    int has_gold;
    uint8_t *tags; /* predicted tags, filled by the tagger through docs[].doc.tags */
    ner_conll_doc *docs;
    size_t n_docs;
    ner_conll_line *lines;
    size_t n_lines;
} ner_conll;

/* Read path ("-" = stdin); 0 or an SF_E code with err naming file and line. */
int ner_conll_read(const char *path, ner_conll *c, sf_error *err);
/* Each line again, with the predicted tag appended to token lines. */
void ner_conll_write(const ner_conll *c, FILE *out);
void ner_conll_free(ner_conll *c);

#endif
