/* lsh.h — locality-sensitive hashing over MinHash signatures (fingerprint.h): the FP_K
 * minima are cut into LSH_BANDS bands of LSH_ROWS; two documents become candidates when
 * any band of theirs is equal, so near-duplicates are found without comparing all pairs.
 * With 32 bands of 2 rows a pair of estimated Jaccard 0.3 is a candidate with probability
 * 0.95, 0.5 with 0.9999, and a pair of unrelated texts (Jaccard near 0.01) almost never.
 * Candidates are then verified with fp_similarity; lsh_groups joins verified pairs into
 * groups of "the same article re-published". Everything is deterministic: documents are
 * numbered in the order they are added, and results are sorted. */
#ifndef SF_LSH_H
#define SF_LSH_H

#include "link/fingerprint.h"

#include <stddef.h>
#include <stdint.h>

#define LSH_BANDS 32
#define LSH_ROWS  (FP_K / LSH_BANDS)
/* estimated Jaccard at or above which a candidate pair is the same article: lower than
 * FP_NEAR because a copy trimmed by a third with 5% of its words changed keeps only 0.3
 * to 0.45 of the union's shingles (and 64 minima estimate that to about +-0.06), while
 * texts that share no passage stay below 0.05. On the syndication evaluation 0.2 gave
 * pair precision 1.000 and recall 0.994; 0.3 gave recall 0.961. */
#define LSH_NEAR 0.2

/* The index: band hash -> the documents having that band. Owned by the caller
 * (lsh_new / lsh_free). */
typedef struct lsh_index lsh_index;

lsh_index *lsh_new(void);
void lsh_free(lsh_index *ix);

/* Add the next document; returns its number (0, 1, 2, ... in order of addition). A
 * signature of no shingles is numbered but never a candidate. The signature is copied. */
uint32_t lsh_add(lsh_index *ix, const fp_sig *sig);

/* The documents already in the index that share at least one band with sig, sorted and
 * without repeats, into *out (malloc'd, the caller frees; NULL when none). Returns how
 * many. */
size_t lsh_candidates(lsh_index *ix, const fp_sig *sig, uint32_t **out);

/* Group n signatures: each is added in order, its candidates are verified with
 * fp_similarity >= threshold, and verified pairs are joined (transitively). group[i] (a
 * caller's array of n) receives the smallest document number of i's group. Returns the
 * number of verified pairs (pairs compared with fp_similarity: *compared, if not NULL). */
size_t lsh_groups(const fp_sig *sigs, size_t n, double threshold, uint32_t *group,
                  size_t *compared);

#endif
