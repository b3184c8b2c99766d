/* model.c — the tagger's model file: lexicons and weights in one versioned image, laid
 * out exactly as the tagger reads it, so that loading maps the file and checks its
 * sizes (no parsing, no hashing). Little-endian; every section 8-byte aligned.
 *
 *   header   "SFNERMDL" | u32 version | u32 tags | u32 cluster granularities |
 *            u32 0x01020304 (byte order) | u64 gaz cap | u64 clusters cap |
 *            u64 rows | u64 features cap | u64 stages (1 or 2)
 *   table    cap × (u32 check | u32 value)               (gazetteer, then clusters)
 *   stage s  f32 trans[10][9] | f32 scale                (s = 1, 2)
 *   table    feature hash → row
 *   weights  i16 [rows][2][9]: both stages' scores of a feature side by side, so that
 *            one lookup serves both (weight = i16 × the stage's scale)
 *
 * Tables are open addressing with linear probing from the slot ner_table_get computes
 * from a key's low bits; a slot keeps the key's high 32 bits (| 1, 0 = empty) to check
 * it against, so that a probe reads one 8-byte slot: a lookup costs one cache miss. A
 * key absent from a table matches a slot only when both its slot and its 31 check bits
 * collide (about once in 10^9 lookups).
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
#define VERSION 4u
#define HEADER  72
#define ORDER   0x01020304u

/* the probe starts where the training-time hash maps' would (core/hmap.h) */
static uint64_t slot_of(uint64_t k, uint64_t cap)
{
    return hmap_slot(k, (size_t)cap);
}

static uint32_t check_of(uint64_t k)
{
    return (uint32_t)(k >> 32) | 1;
}

uint32_t ner_table_get(const ner_table *t, uint64_t key, uint32_t none)
{
    if (!t->cap) return none;
    uint32_t check = check_of(key);
    for (uint64_t s = slot_of(key, t->cap);; s = (s + 1) & (t->cap - 1)) {
        const uint32_t *slot = t->slots + 2 * s;
        if (slot[0] == check) return slot[1];
        if (!slot[0]) return none;
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
    return cap * 8;
}
static int attach(ner_model *m);

#define TRANS_BYTES align8((NER_NTAG + 1) * NER_NTAG * 4 + 4)
#define STRIDE      (2 * NER_NTAG) /* int16 weights per row */

static size_t image_bytes(const uint64_t h[5])
{
    return HEADER + table_bytes(h[0]) + table_bytes(h[1]) + 2 * TRANS_BYTES + table_bytes(h[3]) +
           align8(h[2] * STRIDE * 2);
}

/* Fill a table at p from sorted entries (vals: v, or the entry's position if rows). */
static ner_table put_table(unsigned char *p, uint64_t cap, const kv *a, size_t n, int rows)
{
    uint32_t *slots = (uint32_t *)p;
    for (size_t i = 0; i < n; i++) {
        uint64_t s = slot_of(a[i].k, cap);
        while (slots[2 * s]) s = (s + 1) & (cap - 1);
        slots[2 * s] = check_of(a[i].k);
        slots[2 * s + 1] = rows ? (uint32_t)i : (uint32_t)a[i].v;
    }
    return (ner_table){slots, cap};
}

static float weight_scale(const ner_trained *t)
{
    float mx = 0;
    for (size_t i = 0; i < t->rows * NER_NTAG; i++) mx = fmaxf(mx, fabsf(t->w[i]));
    return mx > 0 ? mx / 32767.0f : 1.0f;
}

/* Features with a weight that survives quantization in either stage, sorted by key,
 * each with its row in s1 (v) and in s2 (v2), -1 where absent. */
typedef struct joint {
    uint64_t k;
    int64_t v, v2;
} joint;

static int live(const ner_trained *t, int64_t row, float scale)
{
    if (!t || row < 0) return 0;
    const float *w = t->w + (size_t)row * NER_NTAG;
    for (int y = 0; y < NER_NTAG; y++)
        if (lrintf(w[y] / scale) != 0) return 1;
    return 0;
}

static joint *live_rows(const ner_trained *const st[2], const float scale[2], size_t *n)
{
    size_t na = 0, nb = 0;
    static const hmap empty;
    kv *a = sorted(st[0] ? &st[0]->index : &empty, &na);
    kv *b = sorted(st[1] ? &st[1]->index : &empty, &nb);
    joint *out = sf_xmalloc((na + nb + 1) * sizeof *out);
    size_t i = 0, j = 0, k = 0;
    while (i < na || j < nb) {
        joint r = {0, -1, -1};
        if (j >= nb || (i < na && a[i].k < b[j].k)) {
            r.k = a[i].k, r.v = a[i++].v;
        } else if (i >= na || b[j].k < a[i].k) {
            r.k = b[j].k, r.v2 = b[j++].v;
        } else {
            r.k = a[i].k, r.v = a[i++].v, r.v2 = b[j++].v;
        }
        if (!live(st[0], r.v, scale[0])) r.v = -1;
        if (!live(st[1], r.v2, scale[1])) r.v2 = -1;
        if (r.v >= 0 || r.v2 >= 0) out[k++] = r;
    }
    free(a);
    free(b);
    *n = k;
    return out;
}

ner_model *ner_model_build(const ner_lexicon_src *src, const ner_trained *s1, const ner_trained *s2)
{
    static const hmap empty;
    size_t ng, nc, nr = 0;
    kv *gaz = sorted(src ? &src->gaz : &empty, &ng);
    kv *cl = sorted(src ? &src->clusters : &empty, &nc);
    const ner_trained *st[2] = {s1, s2};
    float scale[2] = {1, 1};
    for (int s = 0; s < 2; s++)
        if (st[s]) scale[s] = weight_scale(st[s]);
    joint *rows = live_rows(st, scale, &nr);
    kv *keys = sf_xmalloc((nr + 1) * sizeof *keys);
    for (size_t i = 0; i < nr; i++) keys[i] = (kv){rows[i].k, (int64_t)i};
    uint64_t h64[5] = {table_cap(ng), table_cap(nc), nr, table_cap(nr), s2 ? 2 : 1};
    size_t len = image_bytes(h64);
    ner_model *m = sf_xcalloc(1, sizeof *m);
    unsigned char *img = sf_xcalloc(len, 1);
    m->image = img;
    m->image_len = len;
    memcpy(img, MAGIC, 8);
    uint32_t h32[4] = {VERSION, NER_NTAG, NER_NCLUSTER, ORDER};
    memcpy(img + 8, h32, sizeof h32);
    memcpy(img + 24, h64, sizeof h64);
    unsigned char *p = img + HEADER;
    put_table(p, h64[0], gaz, ng, 0);
    p += table_bytes(h64[0]);
    put_table(p, h64[1], cl, nc, 0);
    p += table_bytes(h64[1]);
    for (int s = 0; s < 2; s++) {
        float *trans = (float *)p;
        if (st[s]) memcpy(trans, st[s]->trans, sizeof st[s]->trans);
        trans[(NER_NTAG + 1) * NER_NTAG] = scale[s];
        p += TRANS_BYTES;
    }
    put_table(p, h64[3], keys, nr, 0);
    p += table_bytes(h64[3]);
    int16_t *q = (int16_t *)p;
    for (size_t i = 0; i < nr; i++)
        for (int s = 0; s < 2; s++) {
            int64_t r = s ? rows[i].v2 : rows[i].v;
            if (r < 0) continue;
            const float *w = st[s]->w + (size_t)r * NER_NTAG;
            for (int y = 0; y < NER_NTAG; y++)
                q[i * STRIDE + (size_t)s * NER_NTAG + (size_t)y] = (int16_t)lrintf(w[y] / scale[s]);
        }
    free(rows);
    free(keys);
    free(gaz);
    free(cl);
    attach(m);
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
        if (!t->slots[2 * i]) return 1;
    return t->cap == 0;
}

/* Point m's tables into its image; 0, -1 when the sizes do not add up, -2 for another
 * version. */
static int attach(ner_model *m)
{
    const unsigned char *img = m->image;
    if (m->image_len < HEADER || memcmp(img, MAGIC, 8)) return -1;
    uint32_t h32[4];
    uint64_t h[5];
    memcpy(h32, img + 8, sizeof h32);
    memcpy(h, img + 24, sizeof h);
    if (h32[0] != VERSION || h32[1] != NER_NTAG || h32[2] != NER_NCLUSTER || h32[3] != ORDER)
        return -2;
    for (int i = 0; i < 4; i++)
        if (h[i] > (1ULL << 32)) return -1;
    if ((h[0] & (h[0] - 1)) || (h[1] & (h[1] - 1)) || (h[3] & (h[3] - 1)) || h[2] > h[3] ||
        (h[4] != 1 && h[4] != 2) || image_bytes(h) != m->image_len)
        return -1;
    const unsigned char *p = img + HEADER;
    m->lx.gaz = (ner_table){(const uint32_t *)p, h[0]};
    p += table_bytes(h[0]);
    m->lx.clusters = (ner_table){(const uint32_t *)p, h[1]};
    p += table_bytes(h[1]);
    const float *trans[2] = {(const float *)p, (const float *)(p + TRANS_BYTES)};
    p += 2 * TRANS_BYTES;
    ner_table index = {(const uint32_t *)p, h[3]};
    p += table_bytes(h[3]);
    for (int s = 0; s < 2; s++) {
        ner_weights *wt = &m->stage[s];
        wt->trans = trans[s];
        wt->scale = trans[s][(NER_NTAG + 1) * NER_NTAG];
        wt->index = index;
        wt->q = (const int16_t *)p + s * NER_NTAG;
        wt->stride = STRIDE;
        wt->rows = s < (int)h[4] ? h[2] : 0;
    }
    /* a row index past the weights would read outside the image */
    for (uint64_t i = 0; i < index.cap; i++)
        if (index.slots[2 * i] && index.slots[2 * i + 1] >= h[2]) return -1;
    return has_empty(&index) && has_empty(&m->lx.gaz) && has_empty(&m->lx.clusters) ? 0 : -1;
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
