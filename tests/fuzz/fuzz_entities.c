/* fuzz_entities.c — libFuzzer target for the running-text tokenizer (ner_tokenize in
 * src/ner/tokenize.c) and the canonical-entity linker (src/ner/canon.c). Input that is
 * valid UTF-8 is tokenized whole: tokens must be non-empty, ordered, disjoint, inside the
 * text, valid UTF-8 and free of ASCII whitespace. Every token starting with an ASCII
 * capital starts a mention (type from that byte, 1-3 tokens from the token's length) for
 * canon_doc, whose names must lie inside their mentions and whose canon links must point
 * at self-canonical mentions of the same type with the right key; canon_key is taken of
 * every token; the mentions become entities (duplicates included) for canon_merge, which must merge
 * only into keys present and give the same result in reverse order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "ner/canon.h"
#include "ner/ner.h"
#include "read/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (read_utf8_check((const char *)data, size, NULL) != 0) return 0;
    char *text = malloc(size ? size : 1); /* exact size: ASan sees any read past the end */
    if (size) memcpy(text, data, size);
    ner_tok *toks = NULL;
    size_t n = 0, cap = 0;
    ner_tokenize(text, 0, size, &toks, &n, &cap);
    const char *prev = text;
    for (size_t i = 0; i < n; i++) {
        const ner_tok *t = &toks[i];
        CHECK(t->len > 0 && t->s >= prev && t->s + t->len <= text + size);
        CHECK(read_utf8_check(t->s, t->len, NULL) == 0);
        for (uint32_t k = 0; k < t->len; k++) CHECK(!strchr(" \t\n\r\f\v", t->s[k]) || !t->s[k]);
        CHECK(canon_key(t->s, t->len) != 0);
        prev = t->s + t->len;
    }

    canon_mention *m = calloc(n ? n : 1, sizeof *m);
    size_t nm = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)toks[i].s[0];
        if (c < 'A' || c > 'Z') {
            i++;
            continue;
        }
        size_t j = i + 1 + toks[i].len % 3;
        if (j > n) j = n;
        const char *end = toks[j - 1].s + toks[j - 1].len;
        m[nm++] = (canon_mention){
            .text = toks[i].s, .len = (uint32_t)(end - toks[i].s), .type = (uint8_t)(c % 4 + 1)};
        i = j;
    }
    canon_doc(m, nm);
    canon_entity *e = calloc(nm ? nm : 1, sizeof *e), *r = calloc(nm ? nm : 1, sizeof *r);
    size_t ne = 0;
    for (size_t i = 0; i < nm; i++) {
        CHECK((uint64_t)m[i].name_off + m[i].name_len <= m[i].len);
        CHECK(m[i].canon >= 0 && (size_t)m[i].canon < nm);
        const canon_mention *c = &m[m[i].canon];
        CHECK(c->canon == m[i].canon && c->type == m[i].type);
        CHECK(m[i].key != 0 && m[i].key == canon_key(c->text + c->name_off, c->name_len));
        /* one entity per mention: duplicates of (type, key) are allowed */
        e[ne++] = (canon_entity){m[i].key, m[i].type, c->text + c->name_off, c->name_len, 1, 0};
    }
    for (size_t i = 0; i < ne; i++) r[i] = e[ne - 1 - i];
    canon_merge(e, ne);
    canon_merge(r, ne);
    for (size_t i = 0; i < ne; i++) {
        CHECK(e[i].merged == r[ne - 1 - i].merged);
        int found = 0;
        for (size_t k = 0; k < ne && !found; k++) found = e[k].key == e[i].merged;
        CHECK(found);
    }
    free(r);
    free(e);
    free(m);
    free(toks);
    free(text);
    return 0;
}
