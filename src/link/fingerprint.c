/* fingerprint.c — MinHash over word shingles (see fingerprint.h). Words are keyed by
 * their lowercased form (stopwords included: "the plan of the council" and "a plan for a
 * council" are different copy), shingles hash FP_SHINGLE consecutive keys, and the K
 * minima come from K cheap affine re-hashes of one 64-bit shingle hash, with fixed
 * constants so that signatures are the same on every run and machine. */
#include "link/fingerprint.h"

#include "text/token.h"

#include <string.h>
#include <xxhash.h>

/* splitmix64: the fixed sequence the K hash functions' constants come from */
static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint64_t mul[FP_K], add[FP_K];
static int ready;

static void init_hashes(void)
{
    uint64_t s = 0x5EED5EED5EED5EEDULL;
    for (int i = 0; i < FP_K; i++) {
        mul[i] = splitmix(&s) | 1;
        add[i] = splitmix(&s);
    }
    ready = 1;
}

static uint64_t word_key(const sf_doc *d, const sf_token *t)
{
    char low[256];
    size_t n = tok_fold(d->text + t->start, t->end - t->start, low, sizeof low);
    return n ? XXH3_64bits(low, n) : XXH3_64bits(d->text + t->start, t->end - t->start);
}

static void add_shingle(fp_sig *sig, uint64_t h)
{
    for (int i = 0; i < FP_K; i++) {
        uint32_t v = (uint32_t)((h * mul[i] + add[i]) >> 32);
        if (v < sig->min[i]) sig->min[i] = v;
    }
    sig->n_shingles++;
}

void fp_signature(const sf_doc *d, fp_sig *sig)
{
    if (!ready) init_hashes(); /* idempotent: a race writes the same constants */
    memset(sig->min, 0xFF, sizeof sig->min);
    sig->n_shingles = 0;
    uint64_t win[FP_SHINGLE];
    size_t filled = 0;
    for (size_t si = 0; si < d->n_sents; si++) {
        const sf_sentence *s = &d->sents[si];
        if (s->boilerplate) continue;
        for (uint32_t k = s->tok_first; k < s->tok_first + s->n_tok; k++) {
            memmove(win, win + 1, (FP_SHINGLE - 1) * sizeof *win);
            win[FP_SHINGLE - 1] = word_key(d, &d->toks[k]);
            if (++filled >= FP_SHINGLE) add_shingle(sig, XXH3_64bits(win, sizeof win));
        }
    }
    if (filled > 0 && filled < FP_SHINGLE) /* a text shorter than one shingle */
        add_shingle(sig, XXH3_64bits(win + (FP_SHINGLE - filled), filled * sizeof *win));
}

double fp_similarity(const fp_sig *a, const fp_sig *b)
{
    if (!a->n_shingles || !b->n_shingles) return 0;
    int same = 0;
    for (int i = 0; i < FP_K; i++) same += a->min[i] == b->min[i];
    return (double)same / FP_K;
}
