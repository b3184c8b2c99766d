/* model.c — the tagger's model file: lexicons and weights in one versioned image, laid
 * out exactly as the tagger reads it, so that loading maps the file and checks its
 * sizes (no parsing, no hashing). Little-endian; every section 8-byte aligned.
 *
 *   header   "SFNERMDL" | u32 version | u32 tags | u32 cluster granularities |
 *            u32 0x01020304 (byte order) | u64 gaz cap | u64 clusters cap |
 *            u64 rows[2] | u64 caps[2]
 *   table    u64 keys[cap] | u32 vals[cap]              (gazetteer, then clusters)
 *   stage s  f32 trans[10][9] | f32 scale | table (feature hash → row) |
 *            i16 weights[rows][9]                        (weight = i16 × scale)
 *
 * Tables are open addressing with linear probing from the slot ner_table_get computes.
 * Written deterministically: keys are inserted in sorted order. Rows whose weights all
 * quantize to zero are dropped: they cannot change a score. */
#include "ner/ner.h"

#include "core/error.h"
#include "core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC   "SFNERMDL"
#define VERSION 2u
#define HEADER  72
#define ORDER   0x01020304u

static uint64_t slot_of(uint64_t k, uint64_t cap)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k & (cap - 1);
}

uint32_t ner_table_get(const ner_table *t, uint64_t key, uint32_t none)
{
    if (!t->cap) return none;
    for (uint64_t s = slot_of(key, t->cap);; s = (s + 1) & (t->cap - 1)) {
        if (t->keys[s] == key) return t->vals[s];
        if (!t->keys[s]) return none;
    }
}

/* ---- building an image ---- */

typedef struct kv {
    uint64_t k;
    int64_t v;
} kv;

static int kv_cmp(const void *a, const void *b)
{
    uint64_t x = ((const kv *)a)->k, y = ((const kv *)b)->k;
    return x < y ? -1 : x > y;
}

static kv *sorted(const hmap *m, size_t *n)
{
    kv *a = sf_xmalloc((m->n + 1) * sizeof *a);
    size_t k = 0;
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i]) a[k++] = (kv){m->keys[i], m->vals[i]};
    qsort(a, k, sizeof *a, kv_cmp);
    *n = k;
    return a;
}

static uint64_t table_cap(size_t n)
{
    if (!n) return 0;
    uint64_t cap = 16;
    while (cap < 2 * (uint64_t)n) cap *= 2;
    return cap;
}

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}
static size_t table_bytes(uint64_t cap)
{
    return align8(cap * 8 + cap * 4);
}
static size_t stage_bytes(uint64_t rows, uint64_t cap)
{
    return align8((NER_NTAG + 1) * NER_NTAG * 4 + 4) + table_bytes(cap) +
           align8(rows * NER_NTAG * 2);
}

/* Fill a table at p from sorted entries (vals: v, or the entry's position if rows). */
static ner_table put_table(unsigned char *p, uint64_t cap, const kv *a, size_t n, int rows)
{
    uint64_t *keys = (uint64_t *)p;
    uint32_t *vals = (uint32_t *)(p + cap * 8);
    for (size_t i = 0; i < n; i++) {
        uint64_t s = slot_of(a[i].k, cap);
        while (keys[s]) s = (s + 1) & (cap - 1);
        keys[s] = a[i].k;
        vals[s] = rows ? (uint32_t)i : (uint32_t)a[i].v;
    }
    return (ner_table){keys, vals, cap};
}

static float weight_scale(const ner_trained *t)
{
    float mx = 0;
    for (size_t i = 0; i < t->rows * NER_NTAG; i++) mx = fmaxf(mx, fabsf(t->w[i]));
    return mx > 0 ? mx / 32767.0f : 1.0f;
}

/* rows that survive quantization, as (key, row) sorted by key */
static kv *live_rows(const ner_trained *t, float scale, size_t *n)
{
    size_t all;
    kv *a = sorted(&t->index, &all);
    size_t k = 0;
    for (size_t i = 0; i < all; i++) {
        const float *w = t->w + (size_t)a[i].v * NER_NTAG;
        int live = 0;
        for (int y = 0; y < NER_NTAG; y++) live |= lrintf(w[y] / scale) != 0;
        if (live) a[k++] = a[i];
    }
    *n = k;
    return a;
}

ner_model *ner_model_build(const ner_lexicon_src *src, const ner_trained *s1, const ner_trained *s2)
{
    static const hmap empty;
    size_t ng, nc, nr[2] = {0, 0};
    kv *gaz = sorted(src ? &src->gaz : &empty, &ng);
    kv *cl = sorted(src ? &src->clusters : &empty, &nc);
    const ner_trained *st[2] = {s1, s2};
    kv *rows[2] = {NULL, NULL};
    float scale[2] = {1, 1};
    uint64_t cap[2] = {0, 0};
    for (int s = 0; s < 2; s++) {
        if (!st[s]) continue;
        scale[s] = weight_scale(st[s]);
        rows[s] = live_rows(st[s], scale[s], &nr[s]);
        cap[s] = table_cap(nr[s]);
    }
    uint64_t gcap = table_cap(ng), ccap = table_cap(nc);
    size_t len = HEADER + table_bytes(gcap) + table_bytes(ccap) + stage_bytes(nr[0], cap[0]) +
                 stage_bytes(nr[1], cap[1]);
    ner_model *m = sf_xcalloc(1, sizeof *m);
    unsigned char *img = sf_xcalloc(len, 1);
    m->image = img;
    m->image_len = len;
    memcpy(img, MAGIC, 8);
    uint32_t h32[4] = {VERSION, NER_NTAG, NER_NCLUSTER, ORDER};
    uint64_t h64[6] = {gcap, ccap, nr[0], nr[1], cap[0], cap[1]};
    memcpy(img + 8, h32, sizeof h32);
    memcpy(img + 24, h64, sizeof h64);
    unsigned char *p = img + HEADER;
    m->lx.gaz = put_table(p, gcap, gaz, ng, 0);
    p += table_bytes(gcap);
    m->lx.clusters = put_table(p, ccap, cl, nc, 0);
    p += table_bytes(ccap);
    for (int s = 0; s < 2; s++) {
        ner_weights *wt = &m->stage[s];
        float *trans = (float *)p;
        if (st[s]) memcpy(trans, st[s]->trans, sizeof st[s]->trans);
        trans[(NER_NTAG + 1) * NER_NTAG] = scale[s];
        wt->trans = trans;
        wt->scale = scale[s];
        p += align8((NER_NTAG + 1) * NER_NTAG * 4 + 4);
        wt->index = put_table(p, cap[s], rows[s], nr[s], 1);
        p += table_bytes(cap[s]);
        int16_t *q = (int16_t *)p;
        for (size_t i = 0; i < nr[s]; i++) {
            const float *w = st[s]->w + (size_t)rows[s][i].v * NER_NTAG;
            for (int y = 0; y < NER_NTAG; y++)
                q[i * NER_NTAG + y] = (int16_t)lrintf(w[y] / scale[s]);
        }
        wt->q = q;
        wt->rows = nr[s];
        p += align8(nr[s] * NER_NTAG * 2);
        free(rows[s]);
    }
    free(gaz);
    free(cl);
    return m;
}

int ner_model_save(const ner_model *m, const char *path, sf_error *err)
{
    FILE *f = fopen(path, "wb");
    int bad = !f || fwrite(m->image, 1, m->image_len, f) != m->image_len;
    if (f && fclose(f)) bad = 1;
    if (bad) return sf_fail(err, SF_EIO, "%s: cannot write: %s", path, strerror(errno));
    return 0;
}

/* ---- loading ---- */

/* Whether a table has an empty slot, so that every lookup ends. */
static int has_empty(const ner_table *t)
{
    for (uint64_t i = 0; i < t->cap; i++)
        if (!t->keys[i]) return 1;
    return t->cap == 0;
}

/* Point m's tables into its image; 0, or -1 when the sizes do not add up. */
static int attach(ner_model *m)
{
    const unsigned char *img = m->image;
    if (m->image_len < HEADER || memcmp(img, MAGIC, 8)) return -1;
    uint32_t h32[4];
    uint64_t h64[6];
    memcpy(h32, img + 8, sizeof h32);
    memcpy(h64, img + 24, sizeof h64);
    if (h32[0] != VERSION || h32[1] != NER_NTAG || h32[2] != NER_NCLUSTER || h32[3] != ORDER)
        return -2;
    for (int i = 0; i < 6; i++)
        if (h64[i] > (1ULL << 32)) return -1;
    for (int i = 0; i < 2; i++)
        if ((h64[i] & (h64[i] - 1)) || (h64[4 + i] & (h64[4 + i] - 1)) || h64[2 + i] > h64[4 + i])
            return -1;
    size_t len = HEADER + table_bytes(h64[0]) + table_bytes(h64[1]) + stage_bytes(h64[2], h64[4]) +
                 stage_bytes(h64[3], h64[5]);
    if (len != m->image_len) return -1;
    const unsigned char *p = img + HEADER;
    m->lx.gaz = (ner_table){(const uint64_t *)p, (const uint32_t *)(p + h64[0] * 8), h64[0]};
    p += table_bytes(h64[0]);
    m->lx.clusters = (ner_table){(const uint64_t *)p, (const uint32_t *)(p + h64[1] * 8), h64[1]};
    p += table_bytes(h64[1]);
    for (int s = 0; s < 2; s++) {
        ner_weights *wt = &m->stage[s];
        uint64_t rows = h64[2 + s], cap = h64[4 + s];
        wt->trans = (const float *)p;
        wt->scale = wt->trans[(NER_NTAG + 1) * NER_NTAG];
        p += align8((NER_NTAG + 1) * NER_NTAG * 4 + 4);
        wt->index = (ner_table){(const uint64_t *)p, (const uint32_t *)(p + cap * 8), cap};
        p += table_bytes(cap);
        wt->q = (const int16_t *)p;
        wt->rows = rows;
        p += align8(rows * NER_NTAG * 2);
        /* a row index past the weights would read outside the image */
        for (uint64_t i = 0; i < cap; i++)
            if (wt->index.keys[i] && wt->index.vals[i] >= rows) return -1;
        if (!has_empty(&wt->index)) return -1;
    }
    return has_empty(&m->lx.gaz) && has_empty(&m->lx.clusters) ? 0 : -1;
}

ner_model *ner_model_load(const char *path, sf_error *err)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        sf_fail(err, SF_EIO, "%s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size < HEADER) {
        close(fd);
        sf_fail(err, SF_EFORMAT, "%s: not a storyfold tagger model", path);
        return NULL;
    }
    void *img = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (img == MAP_FAILED) {
        sf_fail(err, SF_EIO, "%s: %s", path, strerror(errno));
        return NULL;
    }
    ner_model *m = sf_xcalloc(1, sizeof *m);
    m->image = img;
    m->image_len = (size_t)st.st_size;
    m->mapped = 1;
    int rc = attach(m);
    if (rc == -2)
        sf_fail(err, SF_EFORMAT, "%s: a model of another version; rebuild it (make model)", path);
    else if (rc < 0)
        sf_fail(err, SF_EFORMAT, "%s: truncated or corrupt tagger model", path);
    if (rc < 0) {
        ner_model_free(m);
        return NULL;
    }
    return m;
}

void ner_model_free(ner_model *m)
{
    if (!m) return;
    if (m->mapped)
        munmap(m->image, m->image_len);
    else
        free(m->image);
    free(m);
}
