/* hmap.c — linear-probing hash map, load factor at most 1/2 (see hmap.h). Keys are
 * hashes already, so they are mixed once more only to spread sequential ids. */
#include "core/hmap.h"

#include "core/mem.h"

#include <stdlib.h>

static void rehash(hmap *m, size_t cap)
{
    uint64_t *ok = m->keys;
    int64_t *ov = m->vals;
    size_t ocap = m->cap;
    m->keys = sf_xcalloc(cap, sizeof *m->keys);
    m->vals = sf_xmalloc(cap * sizeof *m->vals);
    m->cap = cap;
    for (size_t i = 0; i < ocap; i++) {
        if (!ok[i]) continue;
        size_t s = hmap_slot(ok[i], cap);
        while (m->keys[s]) s = (s + 1) & (cap - 1);
        m->keys[s] = ok[i];
        m->vals[s] = ov[i];
    }
    free(ok);
    free(ov);
}

int64_t *hmap_get(const hmap *m, uint64_t key)
{
    if (!m->cap || !key) return NULL;
    size_t s = hmap_slot(key, m->cap);
    while (m->keys[s]) {
        if (m->keys[s] == key) return &m->vals[s];
        s = (s + 1) & (m->cap - 1);
    }
    return NULL;
}

int64_t *hmap_put(hmap *m, uint64_t key, int64_t init)
{
    if (!key) key = 1; /* 0 marks empty slots; callers never pass 0 (terms are |1) */
    if ((m->n + 1) * 2 > m->cap) rehash(m, m->cap ? m->cap * 2 : 64);
    size_t s = hmap_slot(key, m->cap);
    while (m->keys[s]) {
        if (m->keys[s] == key) return &m->vals[s];
        s = (s + 1) & (m->cap - 1);
    }
    m->keys[s] = key;
    m->vals[s] = init;
    m->n++;
    return &m->vals[s];
}

/* Backward-shift deletion: the entries after the hole that probed past it move up, so
 * no tombstones are needed and lookups stay as short as before. */
void hmap_del(hmap *m, uint64_t key)
{
    if (!key) key = 1; /* as hmap_put stores it */
    if (!m->cap) return;
    size_t mask = m->cap - 1, i = hmap_slot(key, m->cap);
    while (m->keys[i] != key) {
        if (!m->keys[i]) return;
        i = (i + 1) & mask;
    }
    for (size_t j = i;;) {
        j = (j + 1) & mask;
        if (!m->keys[j]) break;
        size_t home = hmap_slot(m->keys[j], m->cap);
        /* the entry at j stays when its home lies cyclically in (i, j] */
        int stays = i < j ? (home > i && home <= j) : (home > i || home <= j);
        if (stays) continue;
        m->keys[i] = m->keys[j];
        m->vals[i] = m->vals[j];
        i = j;
    }
    m->keys[i] = 0;
    m->n--;
}

void hmap_free(hmap *m)
{
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->cap = m->n = 0;
}
