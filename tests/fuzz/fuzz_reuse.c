/* fuzz_reuse.c — libFuzzer target for passage reuse (src/link/reuse.c). The input is two
 * documents: its first byte picks where the rest is split. Both are analyzed (inputs that
 * are not UTF-8 are skipped, as readers reject them) and reuse_find must keep its
 * contract: spans inside both texts, non-empty, in a's order and non-overlapping on both
 * sides, words in common at least REUSE_MIN_WORDS and no more than the tokens of either
 * span; deterministic; and the origin helper is antisymmetric. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "link/reuse.h"
#include "read/read.h"
#include "storyfold.h"

static sf_doc *doc(const uint8_t *p, size_t n, int32_t day)
{
    if (read_utf8_check((const char *)p, n, NULL) != 0 || memchr(p, 0, n)) return NULL;
    sf_doc *d = sf_doc_new();
    d->text = malloc(n + 1);
    if (n) memcpy(d->text, p, n);
    d->text[n] = 0;
    d->len = n;
    sf_error err = {0};
    if (sf_doc_analyze(d, &err) != SF_OK) {
        sf_doc_free(d);
        return NULL;
    }
    d->day = day;
    return d;
}

static size_t tokens_in(const sf_doc *d, sf_span s)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_toks; i++)
        n += d->toks[i].start >= s.start && d->toks[i].end <= s.end;
    return n;
}

static int cmp_b(const void *x, const void *y)
{
    const reuse_passage *a = x, *b = y;
    return (a->b.start > b->b.start) - (a->b.start < b->b.start);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    size_t cut = 1 + (size > 1 ? (size_t)data[0] * (size - 1) / 255 : 0);
    sf_doc *a = doc(data + 1, cut - 1, data[0] & 1 ? 10 : 11),
           *b = doc(data + cut, size - cut, 10);
    if (!a || !b) {
        sf_doc_free(a);
        sf_doc_free(b);
        return 0;
    }
    reuse_passage *p;
    size_t n = reuse_find(a, b, &p);
    CHECK((n == 0) == (p == NULL));
    for (size_t i = 0; i < n; i++) {
        CHECK(p[i].a.start < p[i].a.end && p[i].a.end <= a->len);
        CHECK(p[i].b.start < p[i].b.end && p[i].b.end <= b->len);
        CHECK(i == 0 || p[i - 1].a.end <= p[i].a.start);
        CHECK(p[i].words >= REUSE_MIN_WORDS);
        CHECK(p[i].words <= tokens_in(a, p[i].a) && p[i].words <= tokens_in(b, p[i].b));
    }
    if (n) { /* b's spans do not overlap either */
        reuse_passage *s = malloc(n * sizeof *s);
        memcpy(s, p, n * sizeof *s);
        qsort(s, n, sizeof *s, cmp_b);
        for (size_t i = 1; i < n; i++) CHECK(s[i - 1].b.end <= s[i].b.start);
        free(s);
    }
    reuse_passage *q;
    size_t m = reuse_find(a, b, &q);
    CHECK(m == n && (!n || memcmp(p, q, n * sizeof *p) == 0));
    CHECK(reuse_origin(a, b) != reuse_origin(b, a) || !strcmp(a->id, b->id));
    const sf_doc *both[2] = {a, b};
    CHECK(reuse_origin_of(both, 2) == (size_t)reuse_origin(a, b));
    free(p);
    free(q);
    sf_doc_free(a);
    sf_doc_free(b);
    return 0;
}
