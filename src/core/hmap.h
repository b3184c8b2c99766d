/* hmap.h — an open-addressing hash map from nonzero 64-bit keys (already hashes) to
 * 64-bit values. Used for term statistics and inverted-index heads. */
#ifndef SF_HMAP_H
#define SF_HMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct hmap {
    uint64_t *keys; /* 0 = empty slot */
    int64_t *vals;
    size_t cap, n; /* cap is a power of two */
} hmap;

/* The slot a key's linear probe starts at in a table of cap (a power of two) slots: keys
 * are hashes already, mixed once more only to spread sequential ids. */
static inline size_t hmap_slot(uint64_t k, size_t cap)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (size_t)k & (cap - 1);
}

/* Pointer to the value of key, inserting it with value `init` when absent. */
int64_t *hmap_put(hmap *m, uint64_t key, int64_t init);
/* Pointer to the value of key, or NULL. */
int64_t *hmap_get(const hmap *m, uint64_t key);
/* Remove key if present (pointers into the map are invalid afterwards). */
void hmap_del(hmap *m, uint64_t key);
void hmap_free(hmap *m);

#endif
