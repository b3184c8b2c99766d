/* ner.h — the named-entity tagger: tags, sentences as token arrays, features, the
 * trained model (weights + lexicons) and decoding. Training: train.c, tools/ner_train.c. */
#ifndef SF_NER_H
#define SF_NER_H

#include <stddef.h>
#include <stdint.h>

#include "core/hmap.h"
#include "storyfold.h"

/* IOB2 tags. Entity types are SF_ENT_PER.. from storyfold.h; B-X = 2*type-1, I-X = 2*type. */
enum { NER_O = 0, NER_NTAG = 9 };
#define NER_B(type)   (2 * (type)-1)
#define NER_I(type)   (2 * (type))
#define NER_TYPE(tag) (((tag) + 1) / 2) /* 0 for O */
#define NER_IS_B(tag) ((tag) % 2 == 1)

extern const char *const ner_tag_names[NER_NTAG]; /* "O", "B-PER", "I-PER", ... */
int ner_tag_parse(const char *s, size_t len);     /* -1 when not a tag */

/* A token of a sentence: bytes, not owned. */
typedef struct ner_tok {
    const char *s;
    uint32_t len;
} ner_tok;

/* Lexicons: gazetteers (token sequences → kinds) and word clusters (word → ids). */
enum {
    GAZ_COUNTRY,
    GAZ_REGION,
    GAZ_CITY,
    GAZ_CITY_LARGE,
    GAZ_NATIONALITY,
    GAZ_LANGUAGE,
    GAZ_CURRENCY,
    GAZ_FIRSTNAME,
    GAZ_NKINDS
};
#define GAZ_PREFIX   (1u << 31) /* the key is a proper prefix of some entry */
#define GAZ_MAXLEN   6          /* tokens per entry */
#define NER_NCLUSTER 3          /* granularities of word clusters */

/* A read-only open-addressing table (linear probing, key 0 = empty), laid out as in the
 * model file so that loading is mapping the file. */
typedef struct ner_table {
    const uint32_t *slots; /* cap × (check bits of the key, value); check 0 = empty */
    uint64_t cap;          /* a power of two, or 0 */
} ner_table;

/* The value of key, or `none`. */
uint32_t ner_table_get(const ner_table *t, uint64_t key, uint32_t none);

typedef struct ner_lexicon {
    ner_table gaz;      /* sequence hash → kind bits | GAZ_PREFIX */
    ner_table clusters; /* lower hash → packed ids (10 bits each) | 1 << 30 */
} ner_lexicon;

/* Lexicon sources as hash maps (training time): built from text files. */
typedef struct ner_lexicon_src {
    hmap gaz, clusters;
} ner_lexicon_src;

/* Read gazetteers (gaz-<kind>.txt) and clusters.tsv from dir into src; missing files
 * are empty. 0, or an SF_E code with err. */
int ner_lexicon_read(const char *dir, ner_lexicon_src *src, sf_error *err);
void ner_lexicon_src_free(ner_lexicon_src *src);

/* Packed cluster ids of a word (0: unknown), gazetteer bits of a sequence (0: none). */
uint32_t ner_lexicon_cluster(const ner_lexicon *lx, uint64_t lower);
uint32_t ner_lexicon_gaz(const ner_lexicon *lx, uint64_t seq);

/* Hash of a token's lowercased bytes (the key space of both lexicons). */
uint64_t ner_lower_hash(const char *s, size_t len);
/* Hash of a token sequence from its tokens' lower hashes. */
uint64_t ner_seq_hash(uint64_t prev, uint64_t tok_lower);

/* A document being tagged: its sentences' tokens and per-token analysis. The caller owns
 * toks; the tagger fills tags. Sentence k covers tokens [sent[k], sent[k+1]). */
typedef struct ner_doc {
    const ner_tok *toks;
    size_t n_toks;
    const uint32_t *sent; /* n_sents + 1 offsets */
    size_t n_sents;
    uint8_t *tags; /* n_toks, output */
} ner_doc;

/* Append the tokens of text[start, end) (valid UTF-8) to *toks (*n used, *cap allocated):
 * CoNLL-2003-style words and punctuation, pointing into text. */
void ner_tokenize(const char *text, size_t start, size_t end, ner_tok **toks, size_t *n,
                  size_t *cap);

typedef struct ner_model ner_model;

/* Load a model file (format in model.c); NULL and err on failure. */
ner_model *ner_model_load(const char *path, sf_error *err);
void ner_model_free(ner_model *m);

/* A tagger: a borrowed model plus caches; one per thread. */
typedef struct ner_tagger ner_tagger;
ner_tagger *ner_tagger_new(const ner_model *m);
void ner_tagger_free(ner_tagger *t);
/* Tag a whole document: stage 1 per sentence, stage 2 with document features. */
void ner_tagger_tag(ner_tagger *t, ner_doc *doc);

/* ---- internals shared by the tagger and the trainer ---- */

#define NER_MAXFEAT 160 /* features per token */

/* Per-document feature context: lexicon lookups done once per token, and (stage 2) the
 * stage-1 tags of the whole document. */
typedef struct ner_ctx {
    const ner_lexicon *lx;
    const ner_doc *doc;
    uint64_t *lower;   /* per token: lower hash */
    uint32_t *gaz;     /* per token: bit 2*kind = begins a match, 2*kind+1 = inside */
    uint8_t *doc_hint; /* per token: stage-2 document feature, 0 = none */
    uint8_t *doc_ent;  /* per token: stage-2 entity-type majority, 0 = never an entity */
    uint64_t *word;    /* per token: hash of its exact bytes */
    uint64_t *shape;   /* per token: shape hashes (runs over 2 collapsed, all collapsed) */
    uint64_t *sshape;
    uint32_t *agg_off; /* per token: its aggregated-context features agg[agg_off[i]..[i+1]) */
    uint64_t *agg;
    size_t n_agg, cap_agg;
    uint8_t *caps; /* per token: case seen elsewhere (1 lower, 2 title), 4 = all-caps sentence */
    size_t cap;
} ner_ctx;

void ner_ctx_init(ner_ctx *c, const ner_lexicon *lx, const ner_doc *doc);
/* Fill doc_hint from stage-1 tags (doc->tags) for stage 2. */
void ner_ctx_hints(ner_ctx *c);
void ner_ctx_free(ner_ctx *c);

/* Feature hashes of token i (of sentence [s0, s1)); returns their number. They are the
 * context features (which depend on the token's neighbourhood) plus, for each offset o
 * in -2..2, the unit features of token i+o seen from o (which depend only on that
 * token's bytes, so the tagger caches their weights per word), or edge features where
 * i+o lies outside the sentence. */
size_t ner_context_features(const ner_ctx *c, size_t s0, size_t s1, size_t i, int stage,
                            uint64_t *out);
size_t ner_unit_features(const ner_ctx *c, size_t j, int o, uint64_t *out);
/* The stage-2 part of the context features (the document hints). */
size_t ner_hint_features(const ner_ctx *c, size_t s0, size_t s1, size_t i, uint64_t *out);
size_t ner_edge_features(int o, uint64_t *out);
size_t ner_features(const ner_ctx *c, size_t s0, size_t s1, size_t i, int stage, uint64_t *out);

/* Weights (runtime, read-only): feature hash → row of NER_NTAG quantized scores
 * (score = q × scale), plus tag transitions [prev or NER_NTAG at start][tag]. */
typedef struct ner_weights {
    ner_table index;
    const int16_t *q; /* row r's scores: q[r * stride .. + NER_NTAG) */
    size_t stride;
    float scale;
    const float *trans;
    size_t rows;
} ner_weights;

/* Weights as training leaves them. */
typedef struct ner_trained {
    hmap index; /* feature hash → row */
    float *w;   /* rows * NER_NTAG */
    size_t rows;
    float trans[NER_NTAG + 1][NER_NTAG];
} ner_trained;
void ner_trained_free(ner_trained *t);

/* Tag scores of token i from the weights. */
void ner_scores(const ner_weights *wt, const ner_ctx *c, size_t s0, size_t s1, size_t i, int stage,
                float *score);
/* Best IOB2-valid tags for n tokens with emission scores em[n][NER_NTAG]. */
void ner_decode(const float *em, size_t n, const float *trans, uint8_t *tags);
/* Best tag sequence for sentence [s0, s1) into tags[s0..s1). */
void ner_viterbi(const ner_weights *wt, const ner_ctx *c, size_t s0, size_t s1, int stage,
                 uint8_t *tags);
/* Whether tag may follow prev in IOB2 (prev = NER_NTAG at sentence start). */
int ner_allowed(int prev, int tag);

/* A model: lexicons and the weights of both stages (stage[1].rows == 0: no stage 2),
 * all pointing into one image, the bytes of the model file. */
struct ner_model {
    ner_lexicon lx;
    ner_weights stage[2];
    void *image;
    size_t image_len;
    int mapped; /* image is an mmap of the file */
};

/* Build a model image from lexicon sources and trained stages (either may be NULL). */
ner_model *ner_model_build(const ner_lexicon_src *src, const ner_trained *s1,
                           const ner_trained *s2);

/* Train weights for one stage with the averaged structured perceptron. gold[d] holds the
 * tags of docs[d]; for stage 2, docs[d].tags holds the stage-1 tags the hints use.
 * Deterministic for a given seed. Prints progress to stderr when verbose. */
void ner_train(const ner_lexicon *lx, ner_doc *docs, uint8_t *const *gold, size_t n_docs, int stage,
               int epochs, uint64_t seed, int verbose, ner_trained *out);

/* The public sf_tagger: a loaded model, its tagger and reusable token buffers. */
struct sf_tagger {
    ner_model *model;
    int owns_model; /* 0: shared with the tagger it was made from */
    ner_tagger *tagger;
    ner_tok *toks;
    size_t cap_toks;
    uint32_t *sent;
    size_t cap_sent;
    uint8_t *tags;
    size_t cap_tags;
};

/* Save a model file; 0 or -1 with err. */
int ner_model_save(const ner_model *m, const char *path, sf_error *err);

#endif
