/* reuse.c — shared passages between two documents (see reuse.h). Steps, each linear:
 * word keys (casefolded word hashes; 0 for words of boilerplate sentences), n-grams
 * occurring at most REUSE_MAX_OCC times in each document as anchors (every pairing of
 * their places: at most REUSE_MAX_OCC^2 per n-gram), anchors on one diagonal joined into
 * runs and extended while words agree, runs accepted longest first where they claim no
 * word already claimed on either side, and accepted runs merged in a's order across
 * small gaps into passages. Sorting the runs adds a log factor. */
#include "link/reuse.h"

#include "core/hmap.h"
#include "core/mem.h"
#include "text/token.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* a run of words matched exactly: a[a0, a0+len) = b[b0, b0+len) */
typedef struct run {
    uint32_t a0, b0, len;
} run;

/* Word keys of d's tokens into a malloc'd array: 0 for tokens in boilerplate sentences. */
static uint64_t *word_keys(const sf_doc *d)
{
    uint64_t *k = sf_xmalloc((d->n_toks ? d->n_toks : 1) * sizeof *k);
    for (size_t i = 0; i < d->n_toks; i++) {
        const sf_token *t = &d->toks[i];
        char low[256];
        size_t n = t->end > t->start && t->end <= d->len
                       ? tok_fold(d->text + t->start, t->end - t->start, low, sizeof low)
                       : 0;
        uint64_t h = n ? XXH3_64bits(low, n)
                       : XXH3_64bits(d->text + t->start,
                                     t->end > t->start && t->end <= d->len ? t->end - t->start : 0);
        k[i] = h ? h : 1;
    }
    for (size_t s = 0; s < d->n_sents; s++) {
        const sf_sentence *st = &d->sents[s];
        if (!st->boilerplate) continue;
        for (size_t i = st->tok_first; i < (size_t)st->tok_first + st->n_tok && i < d->n_toks; i++)
            k[i] = 0;
    }
    return k;
}

/* Hash of the n-gram of keys starting at i, or 0 when a boilerplate word is in it. */
static uint64_t ngram(const uint64_t *k, size_t i)
{
    for (size_t j = 0; j < REUSE_NGRAM; j++)
        if (!k[i + j]) return 0;
    uint64_t h = XXH3_64bits(k + i, REUSE_NGRAM * sizeof *k);
    return h ? h : 1;
}

/* Where each n-gram occurs: hash -> the newest position, chained through prev[] (-1
 * ends a chain). */
typedef struct ngram_index {
    hmap head;
    int64_t *prev;
} ngram_index;

static void index_ngrams(const uint64_t *k, size_t n, ngram_index *ix)
{
    memset(&ix->head, 0, sizeof ix->head);
    ix->prev = sf_xmalloc((n ? n : 1) * sizeof *ix->prev);
    for (size_t i = 0; i + REUSE_NGRAM <= n; i++) {
        uint64_t h = ngram(k, i);
        if (!h) continue;
        int64_t *v = hmap_put(&ix->head, h, -1);
        ix->prev[i] = *v;
        *v = (int64_t)i;
    }
}

/* positions of n-gram h, at most REUSE_MAX_OCC, into pos; 0 when absent or more often */
static size_t occurrences(const ngram_index *ix, uint64_t h, uint32_t *pos)
{
    const int64_t *v = hmap_get(&ix->head, h);
    size_t n = 0;
    for (int64_t p = v ? *v : -1; p >= 0; p = ix->prev[p]) {
        if (n == REUSE_MAX_OCC) return 0;
        pos[n++] = (uint32_t)p;
    }
    return n;
}

static int cmp_diagonal(const void *x, const void *y)
{
    const run *a = x, *b = y;
    int64_t da = (int64_t)a->b0 - a->a0, db = (int64_t)b->b0 - b->a0;
    if (da != db) return da < db ? -1 : 1;
    return (a->a0 > b->a0) - (a->a0 < b->a0);
}

/* Join runs of one diagonal (sorted by diagonal, then a) that overlap or touch, in place;
 * returns how many are left. */
static size_t join_diagonal(run *r, size_t n)
{
    size_t k = 0;
    for (size_t x = 0; x < n; x++) {
        if (k && r[k - 1].b0 - r[k - 1].a0 == r[x].b0 - r[x].a0 &&
            r[x].a0 <= r[k - 1].a0 + r[k - 1].len) {
            uint32_t end = r[x].a0 + r[x].len;
            if (end > r[k - 1].a0 + r[k - 1].len) r[k - 1].len = end - r[k - 1].a0;
            continue;
        }
        r[k++] = r[x];
    }
    return k;
}

static int cmp_longest(const void *x, const void *y)
{
    const run *a = x, *b = y;
    if (a->len != b->len) return a->len > b->len ? -1 : 1;
    if (a->a0 != b->a0) return a->a0 < b->a0 ? -1 : 1;
    return (a->b0 > b->b0) - (a->b0 < b->b0);
}

static int cmp_a(const void *x, const void *y)
{
    const run *a = x, *b = y;
    if (a->a0 != b->a0) return a->a0 < b->a0 ? -1 : 1;
    return (a->b0 > b->b0) - (a->b0 < b->b0);
}

/* Exactly matched runs of words: anchors (n-grams occurring at most REUSE_MAX_OCC times
 * in each document, every pairing of their places), joined along diagonals, extended
 * both ways while the words agree. Runs may overlap; claim_runs settles that. */
static size_t find_runs(const uint64_t *ka, size_t na, const uint64_t *kb, size_t nb, run **out)
{
    ngram_index ia, ib;
    index_ngrams(ka, na, &ia);
    index_ngrams(kb, nb, &ib);
    run *r = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i + REUSE_NGRAM <= na; i++) {
        uint64_t h = ngram(ka, i);
        if (!h || ia.prev[i] >= 0) continue; /* each n-gram once: from its first place */
        uint32_t pa[REUSE_MAX_OCC], pb[REUSE_MAX_OCC];
        size_t ca = occurrences(&ia, h, pa), cb = ca ? occurrences(&ib, h, pb) : 0;
        for (size_t x = 0; x < ca; x++)
            for (size_t y = 0; y < cb; y++) {
                SF_GROW(r, cap, n + 1);
                r[n++] = (run){pa[x], pb[y], REUSE_NGRAM};
            }
    }
    hmap_free(&ia.head);
    hmap_free(&ib.head);
    free(ia.prev);
    free(ib.prev);
    /* join anchors one word apart on one diagonal */
    if (n > 1) qsort(r, n, sizeof *r, cmp_diagonal);
    n = join_diagonal(r, n);
    for (size_t x = 0; x < n; x++) {
        run *p = &r[x];
        while (p->a0 > 0 && p->b0 > 0 && ka[p->a0 - 1] && ka[p->a0 - 1] == kb[p->b0 - 1]) {
            p->a0--, p->b0--, p->len++;
        }
        while (p->a0 + p->len < na && p->b0 + p->len < nb && ka[p->a0 + p->len] &&
               ka[p->a0 + p->len] == kb[p->b0 + p->len])
            p->len++;
    }
    /* extension can make runs of one diagonal meet (across an n-gram too frequent to
     * anchor): join them, so that no word pair is walked twice later */
    *out = r;
    return join_diagonal(r, n);
}

/* Keep, longest first, the longest part of each run whose words no kept run claimed on
 * either side; marks the claimed words. Returns the kept runs sorted by a. */
static size_t claim_runs(run *r, size_t n, uint8_t *ma, uint8_t *mb)
{
    if (n > 1) qsort(r, n, sizeof *r, cmp_longest);
    size_t k = 0;
    for (size_t x = 0; x < n; x++) {
        run p = r[x];
        uint32_t best0 = 0, bestlen = 0, cur0 = 0, curlen = 0;
        for (uint32_t o = 0; o < p.len; o++) {
            if (ma[p.a0 + o] || mb[p.b0 + o]) {
                curlen = 0;
                continue;
            }
            if (!curlen) cur0 = o;
            if (++curlen > bestlen) best0 = cur0, bestlen = curlen;
        }
        if (bestlen < 2) continue; /* a single word agreeing is no evidence */
        p.a0 += best0, p.b0 += best0, p.len = bestlen;
        memset(ma + p.a0, 1, p.len);
        memset(mb + p.b0, 1, p.len);
        r[k++] = p;
    }
    if (k > 1) qsort(r, k, sizeof *r, cmp_a);
    return k;
}

/* May a passage of `words` matched words ending before a[ae], b[be] continue with run
 * r? The gaps must be small, and no longer than the evidence on either side of them (a
 * few short matches scattered through two texts on one subject are no passage). */
static int bridgeable(const run *r, uint32_t ae, uint32_t be, uint32_t words,
                      const uint64_t *ka, const uint64_t *kb, const uint8_t *mb)
{
    if (r->a0 < ae || r->b0 < be) return 0;
    uint32_t ga = r->a0 - ae, gb = r->b0 - be, most = words > r->len ? words : r->len;
    if (ga > REUSE_GAP || gb > REUSE_GAP || ga > most || gb > most) return 0;
    for (uint32_t i = ae; i < r->a0; i++)
        if (!ka[i]) return 0; /* boilerplate in between */
    for (uint32_t j = be; j < r->b0; j++)
        if (!kb[j] || mb[j]) return 0; /* boilerplate, or words matched elsewhere */
    return 1;
}

static void emit(const sf_doc *a, const sf_doc *b, uint32_t a0, uint32_t ae, uint32_t b0,
                 uint32_t be, uint32_t words, reuse_passage **out, size_t *n, size_t *cap)
{
    /* at least REUSE_MIN_WORDS, and most of the words on each side matched */
    if (words < REUSE_MIN_WORDS || 2 * words < ae - a0 || 2 * words < be - b0) return;
    SF_GROW(*out, *cap, *n + 1);
    (*out)[(*n)++] = (reuse_passage){{a->toks[a0].start, a->toks[ae - 1].end},
                                     {b->toks[b0].start, b->toks[be - 1].end},
                                     words};
}

size_t reuse_find(const sf_doc *a, const sf_doc *b, reuse_passage **out)
{
    *out = NULL;
    if (a->n_toks < REUSE_NGRAM || b->n_toks < REUSE_NGRAM) return 0;
    uint64_t *ka = word_keys(a), *kb = word_keys(b);
    run *r;
    size_t nr = find_runs(ka, a->n_toks, kb, b->n_toks, &r);
    uint8_t *ma = sf_xcalloc(a->n_toks, 1), *mb = sf_xcalloc(b->n_toks, 1);
    nr = claim_runs(r, nr, ma, mb);

    reuse_passage *p = NULL;
    size_t n = 0, cap = 0;
    uint32_t a0 = 0, ae = 0, b0 = 0, be = 0, words = 0;
    for (size_t x = 0; x < nr; x++) {
        const run *q = &r[x];
        if (words && bridgeable(q, ae, be, words, ka, kb, mb)) {
            ae = q->a0 + q->len, be = q->b0 + q->len, words += q->len;
            continue;
        }
        if (words) emit(a, b, a0, ae, b0, be, words, &p, &n, &cap);
        a0 = q->a0, ae = q->a0 + q->len, b0 = q->b0, be = q->b0 + q->len, words = q->len;
    }
    if (words) emit(a, b, a0, ae, b0, be, words, &p, &n, &cap);

    free(r);
    free(ma);
    free(mb);
    free(ka);
    free(kb);
    *out = p;
    return n;
}

uint32_t reuse_words(const reuse_passage *p, size_t n)
{
    uint32_t w = 0;
    for (size_t i = 0; i < n; i++) w += p[i].words;
    return w;
}

/* words outside boilerplate sentences; boilerplate sentences into *bp */
static size_t content_words(const sf_doc *d, size_t *bp)
{
    size_t w = 0;
    *bp = 0;
    for (size_t s = 0; s < d->n_sents; s++) {
        if (!d->sents[s].boilerplate) w += d->sents[s].n_tok;
        else ++*bp;
    }
    return w;
}

int reuse_origin(const sf_doc *a, const sf_doc *b)
{
    int ka = a->day != SF_NO_DAY, kb = b->day != SF_NO_DAY;
    if (ka != kb) return ka ? 0 : 1;
    if (ka && a->day != b->day) return a->day < b->day ? 0 : 1;
    /* more complete: clearly more words (5%; a new headline adds a few), else less
     * boilerplate (re-publishers add credits and teasers), else more words */
    size_t ba, bb, wa = content_words(a, &ba), wb = content_words(b, &bb);
    if (wa * 20 < wb * 19) return 1;
    if (wb * 20 < wa * 19) return 0;
    if (ba != bb) return ba < bb ? 0 : 1;
    if (wa != wb) return wa > wb ? 0 : 1;
    return strcmp(a->id, b->id) <= 0 ? 0 : 1;
}

size_t reuse_origin_of(const sf_doc *const *docs, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (reuse_origin(docs[best], docs[i]) == 1) best = i;
    return best;
}
