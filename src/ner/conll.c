/* conll.c — CoNLL-2003 column files: one token a line ("word POS chunk TAG"), blank
 * lines between sentences, "-DOCSTART-" lines between documents. Read into documents
 * of tokens (pointing into the file's bytes) with their gold tags, and written back with
 * a predicted tag column appended (the conlleval format). */
#include "ner/conll.h"

#include "core/error.h"
#include "core/mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_file(const char *path, char **out, size_t *len, sf_error *err)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) return sf_fail(err, SF_EIO, "%s: %s", path, strerror(errno));
    sf_buf b = {0};
    int bad = sf_buf_add_file(&b, f);
    if (f != stdin) fclose(f);
    if (bad) {
        sf_buf_free(&b);
        return sf_fail(err, SF_EIO, "%s: read error", path);
    }
    *len = b.len;
    *out = b.len ? sf_buf_take(&b) : sf_xstrdup("");
    return 0;
}

static void end_sentence(ner_conll *c, size_t *capsent)
{
    ner_conll_doc *d = &c->docs[c->n_docs - 1];
    size_t first = d->first_tok;
    if (d->n_sent_used && d->sent[d->n_sent_used - 1] == c->n_toks - first) return;
    SF_GROW(d->sent, *capsent, d->n_sent_used + 1);
    d->sent[d->n_sent_used++] = (uint32_t)(c->n_toks - first);
}

static void start_doc(ner_conll *c, size_t *capdocs, size_t *capsent)
{
    SF_GROW(c->docs, *capdocs, c->n_docs + 1);
    ner_conll_doc *d = &c->docs[c->n_docs++];
    memset(d, 0, sizeof *d);
    d->first_tok = c->n_toks;
    *capsent = 0;
    SF_GROW(d->sent, *capsent, 1);
    d->sent[d->n_sent_used++] = 0;
}

int ner_conll_read(const char *path, ner_conll *c, sf_error *err)
{
    memset(c, 0, sizeof *c);
    size_t len = 0;
    if (read_file(path, &c->buf, &len, err) < 0) return err->code;
    size_t captok = 0, caplines = 0, capdocs = 0, capsent = 0;
    /* never NULL: documents without tokens still point at toks + first_tok */
    SF_GROW(c->toks, captok, 1);
    SF_GROW(c->gold, c->cap_gold, 1);
    long lineno = 0;
    for (size_t p = 0; p < len;) {
        size_t e = p;
        while (e < len && c->buf[e] != '\n') e++;
        size_t le = e;
        if (le > p && c->buf[le - 1] == '\r') le--;
        lineno++;
        SF_GROW(c->lines, caplines, c->n_lines + 1);
        ner_conll_line *ln = &c->lines[c->n_lines++];
        ln->start = p;
        ln->len = le - p;
        ln->tok = -1;
        int blank = 1;
        for (size_t k = p; k < le; k++)
            if (c->buf[k] != ' ' && c->buf[k] != '\t') blank = 0;
        if (blank) {
            if (c->n_docs) end_sentence(c, &capsent);
        } else if (le - p >= 10 && !memcmp(c->buf + p, "-DOCSTART-", 10)) {
            if (c->n_docs) end_sentence(c, &capsent);
            start_doc(c, &capdocs, &capsent);
            ln->tok = -2;
        } else {
            if (!c->n_docs) start_doc(c, &capdocs, &capsent);
            /* first field: the word; last field: the gold tag */
            size_t w1 = p;
            while (w1 < le && c->buf[w1] != ' ' && c->buf[w1] != '\t') w1++;
            size_t t0 = le;
            while (t0 > p && c->buf[t0 - 1] != ' ' && c->buf[t0 - 1] != '\t') t0--;
            int gold = -1;
            if (t0 > w1) {
                gold = ner_tag_parse(c->buf + t0, le - t0);
                if (gold < 0) {
                    sf_fail(err, SF_EFORMAT, "%s:%ld: last column is not an IOB2 tag", path,
                            lineno);
                    ner_conll_free(c);
                    return SF_EFORMAT;
                }
                c->has_gold = 1;
            }
            SF_GROW(c->toks, captok, c->n_toks + 1);
            SF_GROW(c->gold, c->cap_gold, c->n_toks + 1);
            c->toks[c->n_toks] = (ner_tok){c->buf + p, (uint32_t)(w1 - p)};
            c->gold[c->n_toks] = (uint8_t)(gold < 0 ? NER_O : gold);
            ln->tok = (long)c->n_toks++;
        }
        p = e + 1;
    }
    if (c->n_docs) end_sentence(c, &capsent);
    /* tokens are final now: point the documents at them */
    c->tags = sf_xcalloc(c->n_toks + 1, 1);
    for (size_t k = 0; k < c->n_docs; k++) {
        ner_conll_doc *d = &c->docs[k];
        size_t last = k + 1 < c->n_docs ? c->docs[k + 1].first_tok : c->n_toks;
        d->doc.toks = c->toks + d->first_tok;
        d->doc.n_toks = last - d->first_tok;
        d->doc.sent = d->sent;
        d->doc.n_sents = d->n_sent_used - 1;
        d->doc.tags = c->tags + d->first_tok;
    }
    return 0;
}

void ner_conll_write(const ner_conll *c, FILE *out)
{
    for (size_t k = 0; k < c->n_lines; k++) {
        const ner_conll_line *ln = &c->lines[k];
        fwrite(c->buf + ln->start, 1, ln->len, out);
        if (ln->tok >= 0)
            fprintf(out, " %s", ner_tag_names[c->tags[ln->tok]]);
        else if (ln->tok == -2)
            fputs(" O", out);
        fputc('\n', out);
    }
}

void ner_conll_free(ner_conll *c)
{
    for (size_t k = 0; k < c->n_docs; k++) free(c->docs[k].sent);
    free(c->docs);
    free(c->lines);
    free(c->toks);
    free(c->gold);
    free(c->tags);
    free(c->buf);
    memset(c, 0, sizeof *c);
}
