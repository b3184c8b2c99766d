/* lsh.c — the LSH band index (see lsh.h). One open-addressing table maps a band's hash
 * (band number and its LSH_ROWS minima, XXH3) to the head of a chain of postings; a
 * posting is (document, next). Postings only grow, so the index never rehashes them,
 * only the table of heads. */
#include "link/lsh.h"

#include "core/hmap.h"
#include "core/mem.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct posting {
    uint32_t doc;
    int64_t next; /* index of the next posting of the same band hash, or -1 */
} posting;

struct lsh_index {
    hmap heads; /* band hash -> index of its newest posting */
    posting *post;
    size_t n_post, cap_post;
    uint32_t n_docs;
    uint32_t *seen; /* per document: the query that last listed it (lsh_candidates) */
    size_t cap_seen;
    uint32_t query;
};

static uint64_t band_hash(const fp_sig *sig, int band)
{
    uint32_t key[1 + LSH_ROWS];
    key[0] = (uint32_t)band;
    memcpy(key + 1, sig->min + band * LSH_ROWS, LSH_ROWS * sizeof *key);
    uint64_t h = XXH3_64bits(key, sizeof key);
    return h ? h : 1; /* 0 marks an empty slot in hmap */
}

lsh_index *lsh_new(void)
{
    return sf_xcalloc(1, sizeof(lsh_index));
}

void lsh_free(lsh_index *ix)
{
    if (!ix) return;
    hmap_free(&ix->heads);
    free(ix->post);
    free(ix->seen);
    free(ix);
}

uint32_t lsh_add(lsh_index *ix, const fp_sig *sig)
{
    uint32_t id = ix->n_docs++;
    if (!sig->n_shingles) return id;
    SF_GROW(ix->post, ix->cap_post, ix->n_post + LSH_BANDS);
    for (int b = 0; b < LSH_BANDS; b++) {
        int64_t *head = hmap_put(&ix->heads, band_hash(sig, b), -1);
        ix->post[ix->n_post] = (posting){id, *head};
        *head = (int64_t)ix->n_post++;
    }
    return id;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

size_t lsh_candidates(lsh_index *ix, const fp_sig *sig, uint32_t **out)
{
    *out = NULL;
    if (!sig->n_shingles || !ix->heads.n) return 0;
    /* a document sharing many bands is listed once: marked with this query's number
     * (near-copies share all 32 bands, and sorting every listing was the cost) */
    if (ix->cap_seen < ix->n_docs) {
        size_t old = ix->cap_seen;
        SF_GROW(ix->seen, ix->cap_seen, ix->n_docs);
        memset(ix->seen + old, 0, (ix->cap_seen - old) * sizeof *ix->seen);
    }
    if (++ix->query == 0) { /* wrapped: forget every mark */
        memset(ix->seen, 0, ix->cap_seen * sizeof *ix->seen);
        ix->query = 1;
    }
    uint32_t *c = NULL;
    size_t n = 0, cap = 0;
    for (int b = 0; b < LSH_BANDS; b++) {
        const int64_t *head = hmap_get(&ix->heads, band_hash(sig, b));
        for (int64_t p = head ? *head : -1; p >= 0; p = ix->post[p].next) {
            uint32_t d = ix->post[p].doc;
            if (ix->seen[d] == ix->query) continue;
            ix->seen[d] = ix->query;
            SF_GROW(c, cap, n + 1);
            c[n++] = d;
        }
    }
    if (!n) return 0;
    qsort(c, n, sizeof *c, cmp_u32);
    *out = c;
    return n;
}

static uint32_t find(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

size_t lsh_groups(const fp_sig *sigs, size_t n, double threshold, uint32_t *group,
                  size_t *compared)
{
    lsh_index *ix = lsh_new();
    size_t pairs = 0, cmp = 0;
    for (size_t i = 0; i < n; i++) group[i] = (uint32_t)i;
    for (size_t i = 0; i < n; i++) {
        uint32_t *cand;
        size_t k = lsh_candidates(ix, &sigs[i], &cand);
        for (size_t j = 0; j < k; j++) {
            cmp++;
            if (fp_similarity(&sigs[i], &sigs[cand[j]]) < threshold) continue;
            pairs++;
            uint32_t a = find(group, (uint32_t)i), b = find(group, cand[j]);
            if (a < b) group[b] = a; /* the smaller number is the root */
            else if (b < a) group[a] = b;
        }
        free(cand);
        lsh_add(ix, &sigs[i]);
    }
    for (size_t i = 0; i < n; i++) group[i] = find(group, (uint32_t)i);
    lsh_free(ix);
    if (compared) *compared = cmp;
    return pairs;
}
