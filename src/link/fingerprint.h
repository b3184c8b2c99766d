/* fingerprint.h — near-duplicate fingerprints: MinHash signatures over word 4-shingles
 * of a document's non-boilerplate text. Two re-publications of one wire story (edited
 * headline, boilerplate added, a paragraph trimmed, a sentence reworded) keep most of
 * their shingles; two independent reports of one event share almost none. */
#ifndef SF_FINGERPRINT_H
#define SF_FINGERPRINT_H

#include "storyfold.h"

#define FP_K       64  /* minima per signature: similarity is estimated to about ±0.06 */
#define FP_SHINGLE 4   /* words per shingle */
#define FP_NEAR    0.5 /* estimated Jaccard at or above which two documents are copies */

typedef struct fp_sig {
    uint32_t min[FP_K];
    uint32_t n_shingles; /* 0: the document had no words */
} fp_sig;

/* The signature of an analyzed document. */
void fp_signature(const sf_doc *d, fp_sig *out);

/* Estimated Jaccard similarity of the two documents' shingle sets, in [0, 1]; 0 when
 * either has no words. */
double fp_similarity(const fp_sig *a, const fp_sig *b);

#endif
