/* features.c — what the tagger sees of a token: its word, lowercase form, shape,
 * affixes, word clusters and gazetteer matches in a window of ±2, case evidence from
 * the rest of the document, and (stage 2) how the same word was tagged elsewhere in the
 * document (Krishnan & Manning 2006; Ratinov & Roth 2009). Each feature is a 64-bit
 * hash of a template id and its values; the weights (model.c) key on it. */
#include "ner/ner.h"

#include "core/mem.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* feature templates */
enum {
    F_BIAS = 1,
    F_WORD,
    F_LOWER,   /* + offset */
    F_SHAPE,   /* + offset */
    F_SHAPE2,  /* shape pairs */
    F_PREFIX,  /* + length */
    F_SUFFIX,  /* + length */
    F_CLUSTER, /* + offset, granularity */
    F_GAZ,     /* + offset, kind, begin/inside */
    F_BIGRAM,  /* lower pairs */
    F_FIRST,   /* sentence-initial, with shape */
    F_CAPS,    /* all-caps sentence, with lower */
    F_CASE,    /* case evidence elsewhere in the document */
    F_HINT,    /* stage 2: how the word was tagged elsewhere */
    F_HINT2,   /* stage 2: hints of neighbours */
    F_AGG,     /* words beside other occurrences of a capitalized word in the document */
};

static inline uint64_t mix(uint64_t h)
{
    h ^= h >> 31;
    h *= 0x7FB5D329728EA185ULL;
    h ^= h >> 27;
    h *= 0x81DADEF4BC2DD44DULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t feat(uint64_t tmpl, uint64_t a, uint64_t b)
{
    return mix(mix(tmpl * 0x9E3779B97F4A7C15ULL ^ a) ^ b) | 1;
}

/* character class of the code point starting at s[0]: X x d or the ASCII byte, o */
static char char_class(const unsigned char *s)
{
    unsigned char c = s[0];
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    if (c < 128) return (char)c;
    /* non-ASCII letters: Latin-1 supplement and Latin Extended uppercase ranges */
    if (c == 0xC3) return (s[1] >= 0x80 && s[1] <= 0x9E) ? 'X' : 'x';
    return 'o';
}

/* shape: classes with runs longer than 2 collapsed; short: all runs collapsed */
static void shapes(const ner_tok *t, uint64_t *shape, uint64_t *shortshape)
{
    char sh[24], ss[24];
    size_t n = 0, m = 0;
    const unsigned char *p = (const unsigned char *)t->s;
    for (uint32_t i = 0; i < t->len; i++) {
        if ((p[i] & 0xC0) == 0x80) continue;
        char c = char_class(p + i);
        if (n < sizeof sh && !(n >= 2 && sh[n - 1] == c && sh[n - 2] == c)) sh[n++] = c;
        if (m < sizeof ss && !(m >= 1 && ss[m - 1] == c)) ss[m++] = c;
    }
    *shape = XXH3_64bits(sh, n);
    *shortshape = XXH3_64bits(ss, m);
}

static int is_upper_word(const ner_tok *t)
{
    int letters = 0;
    for (uint32_t i = 0; i < t->len; i++) {
        unsigned char c = (unsigned char)t->s[i];
        if (c >= 'a' && c <= 'z') return 0;
        letters += (c >= 'A' && c <= 'Z');
    }
    return letters > 0;
}

static int is_title_word(const ner_tok *t)
{
    return t->len > 0 && t->s[0] >= 'A' && t->s[0] <= 'Z';
}

static int is_lower_word(const ner_tok *t)
{
    return t->len > 0 && t->s[0] >= 'a' && t->s[0] <= 'z';
}

enum { EDGE_LEFT = 11, EDGE_RIGHT = 13 }; /* values standing for "outside the sentence" */
#define EDGE_LEFT_AGG  EDGE_LEFT
#define EDGE_RIGHT_AGG EDGE_RIGHT

/* ---- per-document context ---- */

#define AGG_OTHERS 6 /* other occurrences whose neighbours a word borrows */

/* Context aggregation (Ratinov & Roth 2009): a capitalized word also sees the words
 * beside up to AGG_OTHERS other occurrences of itself in the document. */
static void aggregate(ner_ctx *c)
{
    const ner_doc *doc = c->doc;
    size_t n = doc->n_toks;
    c->n_agg = 0;
    hmap last = {0};                                     /* lower → last position + 1 */
    uint32_t *prev = sf_xmalloc((n + 1) * sizeof *prev); /* previous occurrence + 1, 0 = none */
    uint32_t *sent_of = sf_xmalloc((n + 1) * sizeof *sent_of);
    for (size_t k = 0; k < doc->n_sents; k++)
        for (size_t i = doc->sent[k]; i < doc->sent[k + 1]; i++) sent_of[i] = (uint32_t)k;
    for (size_t i = 0; i < n; i++) {
        prev[i] = 0;
        if (!is_title_word(&doc->toks[i])) continue;
        int64_t *l = hmap_put(&last, c->lower[i], 0);
        prev[i] = (uint32_t)*l;
        *l = (int64_t)i + 1;
    }
    for (size_t i = 0; i < n; i++) {
        c->agg_off[i] = (uint32_t)c->n_agg;
        if (!is_title_word(&doc->toks[i])) continue;
        /* occurrences before i (the prev chain) and after i (walk back from the last) */
        const int64_t *l = hmap_get(&last, c->lower[i]);
        size_t taken = 0;
        for (size_t j = (size_t)*l; j && taken < AGG_OTHERS; j = prev[j - 1]) {
            size_t p = j - 1;
            if (p == i) continue;
            size_t k = sent_of[p];
            uint64_t left = p > doc->sent[k] ? c->lower[p - 1] : EDGE_LEFT_AGG;
            uint64_t right = p + 1 < doc->sent[k + 1] ? c->lower[p + 1] : EDGE_RIGHT_AGG;
            SF_GROW(c->agg, c->cap_agg, c->n_agg + 2);
            c->agg[c->n_agg++] = feat(F_AGG, 0, left);
            c->agg[c->n_agg++] = feat(F_AGG, 1, right);
            taken++;
        }
    }
    c->agg_off[n] = (uint32_t)c->n_agg;
    hmap_free(&last);
    free(prev);
    free(sent_of);
}

enum { CASE_LOWER = 1, CASE_TITLE = 2 }; /* seen so elsewhere (non-initial, mixed case) */

void ner_ctx_init(ner_ctx *c, const ner_lexicon *lx, const ner_doc *doc)
{
    size_t n = doc->n_toks;
    c->lx = lx;
    c->doc = doc;
    if (c->cap < n + 1) { /* never NULL, even for an empty document */
        size_t cap = n + n / 2 + 16;
        c->lower = sf_xrealloc(c->lower, cap * sizeof *c->lower);
        c->gaz = sf_xrealloc(c->gaz, cap * sizeof *c->gaz);
        c->doc_hint = sf_xrealloc(c->doc_hint, cap * sizeof *c->doc_hint);
        c->caps = sf_xrealloc(c->caps, cap * sizeof *c->caps);
        c->doc_ent = sf_xrealloc(c->doc_ent, cap * sizeof *c->doc_ent);
        c->word = sf_xrealloc(c->word, cap * sizeof *c->word);
        c->shape = sf_xrealloc(c->shape, cap * sizeof *c->shape);
        c->sshape = sf_xrealloc(c->sshape, cap * sizeof *c->sshape);
        c->agg_off = sf_xrealloc(c->agg_off, (cap + 1) * sizeof *c->agg_off);
        c->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        c->lower[i] = ner_lower_hash(doc->toks[i].s, doc->toks[i].len);
        c->word[i] = XXH3_64bits(doc->toks[i].s, doc->toks[i].len) | 1;
        shapes(&doc->toks[i], &c->shape[i], &c->sshape[i]);
        c->gaz[i] = 0;
        c->doc_hint[i] = 0;
        c->doc_ent[i] = 0;
        c->caps[i] = 0;
    }
    /* gazetteer matches starting at each token, within its sentence */
    hmap casemap = {0};
    for (size_t k = 0; k < doc->n_sents; k++) {
        size_t s0 = doc->sent[k], s1 = doc->sent[k + 1];
        int upper = 1; /* an all-caps sentence (a headline) says nothing about case */
        for (size_t i = s0; i < s1 && upper; i++)
            if (!is_upper_word(&doc->toks[i]) && is_title_word(&doc->toks[i])) upper = 0;
        for (size_t i = s0; i < s1; i++) {
            if (upper) c->caps[i] |= 4;
            if (i == s0 || upper) continue;
            const ner_tok *t = &doc->toks[i];
            int ev = is_lower_word(t) ? CASE_LOWER : is_title_word(t) ? CASE_TITLE : 0;
            if (ev) *hmap_put(&casemap, c->lower[i], 0) |= ev;
        }
        if (!lx) continue;
        for (size_t i = s0; i < s1; i++) {
            uint64_t h = 0;
            for (size_t j = i; j < s1 && j - i < GAZ_MAXLEN; j++) {
                h = ner_seq_hash(h, c->lower[j]);
                uint32_t v = ner_lexicon_gaz(lx, h);
                uint32_t kinds = v & ~GAZ_PREFIX;
                for (int g = 0; kinds && g < GAZ_NKINDS; g++) {
                    if (!(kinds >> g & 1)) continue;
                    c->gaz[i] |= 1u << (2 * g);
                    for (size_t m = i + 1; m <= j; m++) c->gaz[m] |= 1u << (2 * g + 1);
                }
                if (!(v & GAZ_PREFIX)) break;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        const int64_t *v = hmap_get(&casemap, c->lower[i]);
        if (v) c->caps[i] |= (uint8_t)*v;
    }
    hmap_free(&casemap);
    aggregate(c);
}

/* Stage 2: for each token, the type the same word got most often elsewhere in the
 * document in stage 1 (O counts), and whether that was unanimous. */
void ner_ctx_hints(ner_ctx *c)
{
    const ner_doc *doc = c->doc;
    hmap votes = {0}; /* lower → 5 counts of 12 bits */
    for (size_t i = 0; i < doc->n_toks; i++) {
        int type = NER_TYPE(doc->tags[i]);
        int64_t *v = hmap_put(&votes, c->lower[i], 0);
        if ((*v >> (12 * type) & 0xFFF) < 0xFFF) *v += (int64_t)1 << (12 * type); /* saturate */
    }
    for (size_t i = 0; i < doc->n_toks; i++) {
        int64_t v = *hmap_get(&votes, c->lower[i]);
        int own = NER_TYPE(doc->tags[i]);
        if ((v >> (12 * own) & 0xFFF) < 0xFFF) v -= (int64_t)1 << (12 * own); /* not itself */
        int best = -1, bestn = 0, kinds = 0, ebest = 0, ebestn = 0, all = 0;
        for (int t = 0; t < 5; t++) {
            int cnt = (int)(v >> (12 * t) & 0xFFF);
            if (cnt) kinds++;
            if (cnt > bestn) best = t, bestn = cnt;
            if (t && cnt > ebestn) ebest = t, ebestn = cnt;
            all += cnt;
        }
        c->doc_hint[i] = best < 0 ? 0 : (uint8_t)(1 + best + (kinds == 1 ? 8 : 0));
        /* the entity type it got most, and how often it was an entity at all */
        int ent = all - (int)(v & 0xFFF);
        c->doc_ent[i] =
            ebest ? (uint8_t)(ebest + 8 * (3 * ent >= 2 * all ? 2 : 3 * ent >= all)) : 0;
    }
    hmap_free(&votes);
}

void ner_ctx_free(ner_ctx *c)
{
    free(c->lower);
    free(c->gaz);
    free(c->doc_hint);
    free(c->caps);
    free(c->doc_ent);
    free(c->word);
    free(c->shape);
    free(c->sshape);
    free(c->agg_off);
    free(c->agg);
    memset(c, 0, sizeof *c);
}

/* ---- features of one token ---- */

size_t ner_unit_features(const ner_ctx *c, size_t j, int o, uint64_t *out)
{
    size_t n = 0;
    uint64_t oo = (uint64_t)(o + 2);
    out[n++] = feat(F_LOWER, oo, c->lower[j]);
    if (o < -1 || o > 1) return n;
    out[n++] = feat(F_SHAPE, oo, c->shape[j]);
    /* looked up here, not per token: the tagger caches unit features per word */
    uint32_t cl = c->lx ? ner_lexicon_cluster(c->lx, c->lower[j]) : 0;
    for (int g = 0; g < NER_NCLUSTER; g++)
        out[n++] =
            feat(F_CLUSTER, (uint64_t)((o + 1) * 4 + g), cl ? (cl >> (10 * g) & 0x3FF) + 1 : 0);
    if (o) return n;
    const ner_tok *t = &c->doc->toks[j];
    out[n++] = feat(F_WORD, c->word[j], 0);
    for (uint32_t k = 1; k <= 4 && k < t->len; k++) {
        out[n++] = feat(F_PREFIX, k, XXH3_64bits(t->s, k));
        out[n++] = feat(F_SUFFIX, k, XXH3_64bits(t->s + t->len - k, k));
    }
    return n;
}

size_t ner_edge_features(int o, uint64_t *out)
{
    size_t n = 0;
    uint64_t edge = o < 0 ? EDGE_LEFT : EDGE_RIGHT, oo = (uint64_t)(o + 2);
    out[n++] = feat(F_LOWER, oo, edge);
    if (o >= -1 && o <= 1) out[n++] = feat(F_SHAPE, oo, edge);
    return n;
}

size_t ner_context_features(const ner_ctx *c, size_t s0, size_t s1, size_t i, int stage,
                            uint64_t *out)
{
    size_t n = 0;
    uint64_t lower[5], sshape[5];
    for (int o = -2; o <= 2; o++) {
        size_t j = i + (size_t)o;
        if ((o >= 0 || i >= s0 + (size_t)-o) && j < s1) {
            lower[o + 2] = c->lower[j];
            sshape[o + 2] = c->sshape[j];
        } else {
            lower[o + 2] = sshape[o + 2] = o < 0 ? EDGE_LEFT : EDGE_RIGHT;
        }
    }
    out[n++] = feat(F_BIAS, 0, 0);
    out[n++] = feat(F_SHAPE2, 1, sshape[1] * 31 + sshape[2]);
    out[n++] = feat(F_SHAPE2, 2, sshape[2] * 31 + sshape[3]);
    out[n++] = feat(F_SHAPE2, 3, sshape[1] * 961 + sshape[2] * 31 + sshape[3]);
    out[n++] = feat(F_BIGRAM, 1, lower[1] * 31 + lower[2]);
    out[n++] = feat(F_BIGRAM, 2, lower[2] * 31 + lower[3]);
    if (i == s0) out[n++] = feat(F_FIRST, c->shape[i], 0);
    if (c->caps[i] & 4) out[n++] = feat(F_CAPS, lower[2], 0);
    if (i == s0 || (c->caps[i] & 4)) out[n++] = feat(F_CASE, (uint64_t)(c->caps[i] & 3), sshape[2]);
    for (int o = -1; o <= 1; o++) {
        size_t j = i + (size_t)o;
        if (!((o >= 0 || i > s0) && j < s1)) continue;
        uint32_t gz = c->gaz[j];
        for (int b = 0; gz && b < 2 * GAZ_NKINDS; b++)
            if (gz >> b & 1) out[n++] = feat(F_GAZ, (uint64_t)(o + 1), (uint64_t)b);
    }
    if (c->gaz[i]) out[n++] = feat(F_GAZ, 9, c->gaz[i]);
    for (uint32_t k = c->agg_off[i]; k < c->agg_off[i + 1]; k++) out[n++] = c->agg[k];
    if (stage == 2) n += ner_hint_features(c, s0, s1, i, out + n);
    return n;
}

size_t ner_hint_features(const ner_ctx *c, size_t s0, size_t s1, size_t i, uint64_t *out)
{
    size_t n = 0;
    uint64_t ss = c->sshape[i];
    uint8_t h = c->doc_hint[i];
    out[n++] = feat(F_HINT, h, 0);
    out[n++] = feat(F_HINT, h, ss);
    out[n++] = feat(F_HINT, 100 + c->doc_ent[i], 0);
    out[n++] = feat(F_HINT, 200 + c->doc_ent[i], ss);
    out[n++] =
        feat(F_HINT2, i > s0 ? c->doc_hint[i - 1] : 99, i + 1 < s1 ? c->doc_hint[i + 1] : 99);
    return n;
}

size_t ner_features(const ner_ctx *c, size_t s0, size_t s1, size_t i, int stage, uint64_t *out)
{
    size_t n = ner_context_features(c, s0, s1, i, stage, out);
    for (int o = -2; o <= 2; o++) {
        size_t j = i + (size_t)o;
        if ((o >= 0 || i >= s0 + (size_t)-o) && j < s1)
            n += ner_unit_features(c, j, o, out + n);
        else
            n += ner_edge_features(o, out + n);
    }
    return n;
}
