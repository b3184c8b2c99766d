/* reuse.h — passage reuse between two analyzed documents (what passim finds in
 * newspapers): the stretches of text one copied from the other, tolerant of small edits.
 *
 * Seeds are word REUSE_NGRAM-grams (casefolded words, stopwords included) that occur at
 * most REUSE_MAX_OCC times in each document (a text that repeats itself still aligns;
 * a phrase every paragraph uses seeds nothing); seeds on one diagonal are joined and
 * extended word by word while the words agree; the longest runs claim their words first; neighbouring matches are merged into one passage when the gap between them
 is at most REUSE_GAP words on each side (a changed word, an inserted or dropped
 * sentence), no longer than the matched words before or after it, and holds nothing
 * matched elsewhere. Boilerplate sentences (cleaning's marks: credits, teasers, "Read
 * more") never seed and never lie inside a passage. A passage needs REUSE_MIN_WORDS words
 * in common, and at least half the words of its span on each side. Time and memory are linear in
 * the two documents' token counts; the result depends only on the two texts. */
#ifndef SF_REUSE_H
#define SF_REUSE_H

#include "storyfold.h"

#include <stddef.h>
#include <stdint.h>

#define REUSE_NGRAM     4
#define REUSE_GAP       30 /* words skipped on either side inside one passage */
#define REUSE_MIN_WORDS 10
#define REUSE_MAX_OCC   4

/* A shared passage: its bytes in each document (from its first to its last matching
 * word) and the number of words matched exactly (at most the tokens of either span). */
typedef struct reuse_passage {
    sf_span a, b;
    uint32_t words;
} reuse_passage;

/* The passages documents a and b share, in a's text order, non-overlapping on both sides
 * (a's spans increase; b's need not when paragraphs were reordered). *out is malloc'd and
 * owned by the caller (free), NULL when there are none. Returns how many. */
size_t reuse_find(const sf_doc *a, const sf_doc *b, reuse_passage **out);

/* Sum of the passages' words. */
uint32_t reuse_words(const reuse_passage *p, size_t n);

/* The likely origin of two copies: the one published earlier (sf_doc.day; an unknown day
 * counts as later than any known one); on the same day, the more complete version: more
 * words outside boilerplate when they differ by over 5%, else fewer boilerplate sentences
 * (re-publishers add credits and teasers), else more words; then the smaller id, then a.
 * Returns 0 for a, 1 for b. */
int reuse_origin(const sf_doc *a, const sf_doc *b);

/* The likely origin among n copies of one text (n >= 1): the index that reuse_origin
 * prefers to every other. */
size_t reuse_origin_of(const sf_doc *const *docs, size_t n);

#endif
