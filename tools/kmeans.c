/* tools/kmeans.c: word clusters for the named-entity tagger's lexicons.
 *
 *   kmeans EMBEDDINGS.bin OUT.tsv K1 [K2 ...]
 *
 * Owns: reading the word vectors tools/model/embeddings.js writes (little-endian uint32 n,
 * uint32 dim, then n records of uint16 wordlen, the word's bytes, dim float32),
 * clustering them with spherical k-means (cosine similarity on L2-normalized vectors)
 * once for each K, and writing OUT.tsv: "word\tc1\tc2..." per word, in input order, where
 * cI is the word's cluster (0 to KI-1) in the I-th clustering.
 *
 * Before clustering, the unit vectors are centred and their top KMEANS_PCS (default 2)
 * principal components are projected out, then they are normalized again ("all-but-the-
 * top", Mu and Viswanath 2018). Without this, GloVe's frequent words share a common
 * direction and k-means puts most of them into a few clusters (63% of the 2,000
 * most frequent words in one cluster at K=64); KMEANS_PCS=0 turns it off.
 *
 * Deterministic: k-means++ seeding from a xorshift64* generator with a fixed seed per K,
 * at most MAX_ITERATIONS Lloyd iterations (fewer when no assignment changes). Points are
 * assigned in parallel (KMEANS_THREADS threads, default 2), but each point's similarities
 * are computed by the same code whatever thread or block it falls in, and centroid sums
 * are accumulated in one thread in point order, so the output does not depend on the
 * number of threads.
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -o build/tools/kmeans tools/kmeans.c -lm
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>

enum {
    MAX_ITERATIONS = 20,
    POWER_ITERATIONS = 1000, /* for each principal component */
    DEFAULT_PCS = 2,
    MAX_THREADS = 64,
    BLOCK = 8, /* centroids are stored and scored BLOCK at a time */
    GROUP = 4, /* points are scored GROUP at a time (each centroid load serves GROUP) */
};

/* Four floats that the compiler keeps in one SIMD register (SSE on any x86-64) when it
 * supports GCC's vector extension; otherwise a plain array, with the same arithmetic. */
#if defined(__GNUC__)
typedef float Float4 __attribute__((vector_size(16)));
#define F4_ZERO ((Float4){ 0, 0, 0, 0 })
#define F4_LOAD(dst, src) memcpy(&(dst), (src), sizeof(Float4))
#define F4_STORE(dst, src) memcpy((dst), &(src), sizeof(Float4))
#define F4_MULADD(acc, x, w) ((acc) += (x) * (w))
#else
typedef struct {
    float f[4];
} Float4;
#define F4_ZERO ((Float4){ { 0, 0, 0, 0 } })
#define F4_LOAD(dst, src) memcpy((dst).f, (src), sizeof(Float4))
#define F4_STORE(dst, src) memcpy((dst), (src).f, sizeof(Float4))
#define F4_MULADD(acc, x, w)                                                                   \
    do {                                                                                       \
        for (int f4_i = 0; f4_i < 4; f4_i++)                                                   \
            (acc).f[f4_i] += (x) * (w).f[f4_i];                                                \
    } while (0)
#endif

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "kmeans: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    exit(1);
}

static void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        die("%s", "out of memory");
    return p;
}

static double now_seconds(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ input */

typedef struct {
    size_t n, dim;
    char **words;
    float *vec; /* n x dim, each row L2-normalized (or zero) */
} Embeddings;

static void read_exact(FILE *f, void *buf, size_t len, const char *path)
{
    if (len && fread(buf, 1, len, f) != len)
        die("%s: truncated file", path);
}

static uint32_t le32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static Embeddings read_embeddings(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open %s", path);
    unsigned char head[8];
    read_exact(f, head, sizeof head, path);
    Embeddings e = { .n = le32(head), .dim = le32(head + 4) };
    if (e.n == 0 || e.dim == 0 || e.dim > 100000)
        die("%s: bad header", path);
    e.words = xmalloc(e.n * sizeof *e.words);
    e.vec = xmalloc(e.n * e.dim * sizeof *e.vec);
    unsigned char *raw = xmalloc(4 * e.dim);
    for (size_t i = 0; i < e.n; i++) {
        unsigned char lenb[2];
        read_exact(f, lenb, 2, path);
        size_t len = (size_t)lenb[0] | (size_t)lenb[1] << 8;
        e.words[i] = xmalloc(len + 1);
        read_exact(f, e.words[i], len, path);
        e.words[i][len] = '\0';
        read_exact(f, raw, 4 * e.dim, path);
        float *v = e.vec + i * e.dim;
        double norm = 0;
        for (size_t j = 0; j < e.dim; j++) {
            uint32_t bits = le32(raw + 4 * j);
            memcpy(&v[j], &bits, sizeof v[j]);
            norm += (double)v[j] * v[j];
        }
        norm = sqrt(norm);
        for (size_t j = 0; j < e.dim; j++)
            v[j] = norm > 0 ? (float)(v[j] / norm) : 0.0f;
    }
    if (fgetc(f) != EOF)
        die("%s: trailing bytes after the last record", path);
    fclose(f);
    free(raw);
    return e;
}

/* ------------------------------------------------------------------ all-but-the-top */

/* Removes the mean of e's vectors and their top `pcs` principal components, then
 * normalizes them again. Sums run in point order, and the principal components come from
 * power iteration on the covariance matrix from a fixed start, so this is deterministic. */
static void remove_top_components(Embeddings *e, int pcs)
{
    const size_t n = e->n, dim = e->dim;
    double *mean = calloc(dim, sizeof *mean);
    double *cov = calloc(dim * dim, sizeof *cov);
    double *comp = calloc((size_t)(pcs > 0 ? pcs : 1) * dim, sizeof *comp);
    double *next = calloc(dim, sizeof *next);
    if (!mean || !cov || !comp || !next)
        die("%s", "out of memory");

    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < dim; j++)
            mean[j] += e->vec[i * dim + j];
    for (size_t j = 0; j < dim; j++)
        mean[j] /= (double)n;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < dim; j++)
            e->vec[i * dim + j] = (float)(e->vec[i * dim + j] - mean[j]);

    /* Covariance (unscaled): the upper triangle, then mirrored. */
    for (size_t i = 0; i < n; i++) {
        const float *v = e->vec + i * dim;
        for (size_t a = 0; a < dim; a++) {
            const double va = v[a];
            double *row = cov + a * dim;
            for (size_t b = a; b < dim; b++)
                row[b] += va * v[b];
        }
    }
    for (size_t a = 0; a < dim; a++)
        for (size_t b = 0; b < a; b++)
            cov[a * dim + b] = cov[b * dim + a];

    for (int c = 0; c < pcs; c++) {
        double *u = comp + (size_t)c * dim;
        for (size_t j = 0; j < dim; j++)
            u[j] = 1.0 + (double)j / (double)dim;
        double eigen = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            for (size_t a = 0; a < dim; a++) {
                double sum = 0;
                for (size_t b = 0; b < dim; b++)
                    sum += cov[a * dim + b] * u[b];
                next[a] = sum;
            }
            for (int p = 0; p < c; p++) { /* stay orthogonal to the components found */
                const double *q = comp + (size_t)p * dim;
                double proj = 0;
                for (size_t j = 0; j < dim; j++)
                    proj += next[j] * q[j];
                for (size_t j = 0; j < dim; j++)
                    next[j] -= proj * q[j];
            }
            double norm = 0;
            for (size_t j = 0; j < dim; j++)
                norm += next[j] * next[j];
            norm = sqrt(norm);
            if (!(norm > 0))
                break;
            for (size_t j = 0; j < dim; j++)
                u[j] = next[j] / norm;
            eigen = norm;
        }
        fprintf(stderr, "kmeans: principal component %d: variance %.4f\n", c + 1, eigen / (double)n);
    }

    for (size_t i = 0; i < n; i++) {
        float *v = e->vec + i * dim;
        for (int c = 0; c < pcs; c++) {
            const double *q = comp + (size_t)c * dim;
            double proj = 0;
            for (size_t j = 0; j < dim; j++)
                proj += v[j] * q[j];
            for (size_t j = 0; j < dim; j++)
                v[j] = (float)(v[j] - proj * q[j]);
        }
        double norm = 0;
        for (size_t j = 0; j < dim; j++)
            norm += (double)v[j] * v[j];
        norm = sqrt(norm);
        for (size_t j = 0; j < dim; j++)
            v[j] = norm > 0 ? (float)(v[j] / norm) : 0.0f;
    }
    free(next);
    free(comp);
    free(cov);
    free(mean);
}

/* ------------------------------------------------------------------ threads */

/* fn(ctx, slice, lo, hi) handles points [lo, hi), the slice-th of the slices. */
typedef void (*RangeFn)(void *ctx, size_t slice, size_t lo, size_t hi);

typedef struct {
    RangeFn fn;
    void *ctx;
    size_t slice, lo, hi;
} RangeJob;

static int run_range_job(void *arg)
{
    RangeJob *job = arg;
    job->fn(job->ctx, job->slice, job->lo, job->hi);
    return 0;
}

static int g_threads = 2;

/* How many slices parallel_for cuts n points into. */
static size_t slice_count(size_t n)
{
    size_t t = (size_t)g_threads;
    return t <= n ? t : n ? n : 1;
}

/* Calls fn on slice_count(n) contiguous slices of [0, n), concurrently. */
static void parallel_for(size_t n, RangeFn fn, void *ctx)
{
    size_t t = slice_count(n);
    RangeJob jobs[MAX_THREADS];
    thrd_t ids[MAX_THREADS];
    for (size_t i = 0; i < t; i++)
        jobs[i] = (RangeJob){ fn, ctx, i, n * i / t, n * (i + 1) / t };
    for (size_t i = 1; i < t; i++)
        if (thrd_create(&ids[i], run_range_job, &jobs[i]) != thrd_success)
            die("%s", "cannot create a thread");
    run_range_job(&jobs[0]);
    for (size_t i = 1; i < t; i++)
        thrd_join(ids[i], NULL);
}

/* ------------------------------------------------------------------ random numbers */

typedef struct {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * UINT64_C(2685821657736338717);
}

/* Uniform in [0, 1). */
static double rng_unit(Rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* ------------------------------------------------------------------ assignment */

typedef struct {
    const Embeddings *e;
    size_t k, blocks;    /* clusters, and blocks of BLOCK of them (the last one padded) */
    const float *cb;     /* centroids by block: blocks x dim x BLOCK, padding zero */
    const float *zero;   /* dim zeros, standing in for missing points of a group */
    float **scratch;     /* per slice: GROUP x blocks*BLOCK similarities */
    uint32_t *assign;    /* n */
    float *best;         /* n: similarity to the assigned centroid */
    size_t *changes;     /* per slice */
} AssignCtx;

/* s[p * stride + c] = x_p . centroid_c for GROUP points and all centroids. Each sum runs
 * over the dimensions in order, in its own accumulator lane, so a point's similarities
 * do not depend on the group or thread it is computed in. */
static void similarities(const float *const x[GROUP], const float *cb, size_t blocks,
                         size_t dim, float *s)
{
    const size_t stride = blocks * BLOCK;
    for (size_t b = 0; b < blocks; b++) {
        const float *w = cb + b * dim * BLOCK;
        Float4 a0l = F4_ZERO, a0h = F4_ZERO, a1l = F4_ZERO, a1h = F4_ZERO;
        Float4 a2l = F4_ZERO, a2h = F4_ZERO, a3l = F4_ZERO, a3h = F4_ZERO;
        for (size_t j = 0; j < dim; j++, w += BLOCK) {
            Float4 wl, wh;
            F4_LOAD(wl, w);
            F4_LOAD(wh, w + 4);
            F4_MULADD(a0l, x[0][j], wl);
            F4_MULADD(a0h, x[0][j], wh);
            F4_MULADD(a1l, x[1][j], wl);
            F4_MULADD(a1h, x[1][j], wh);
            F4_MULADD(a2l, x[2][j], wl);
            F4_MULADD(a2h, x[2][j], wh);
            F4_MULADD(a3l, x[3][j], wl);
            F4_MULADD(a3h, x[3][j], wh);
        }
        float *out = s + b * BLOCK;
        F4_STORE(out, a0l);
        F4_STORE(out + 4, a0h);
        F4_STORE(out + stride, a1l);
        F4_STORE(out + stride + 4, a1h);
        F4_STORE(out + 2 * stride, a2l);
        F4_STORE(out + 2 * stride + 4, a2h);
        F4_STORE(out + 3 * stride, a3l);
        F4_STORE(out + 3 * stride + 4, a3h);
    }
}

static void assign_range(void *arg, size_t slice, size_t lo, size_t hi)
{
    AssignCtx *a = arg;
    const size_t dim = a->e->dim;
    float *s = a->scratch[slice];
    size_t changes = 0;
    for (size_t i = lo; i < hi; i += GROUP) {
        const float *x[GROUP];
        for (size_t p = 0; p < GROUP; p++)
            x[p] = i + p < hi ? a->e->vec + (i + p) * dim : a->zero;
        similarities(x, a->cb, a->blocks, dim, s);
        for (size_t p = 0; p < GROUP && i + p < hi; p++) {
            const float *sp = s + p * a->blocks * BLOCK;
            uint32_t arg_best = 0;
            float best = sp[0];
            for (size_t c = 1; c < a->k; c++) {
                if (sp[c] > best) {
                    best = sp[c];
                    arg_best = (uint32_t)c;
                }
            }
            if (a->assign[i + p] != arg_best)
                changes++;
            a->assign[i + p] = arg_best;
            a->best[i + p] = best;
        }
    }
    a->changes[slice] = changes;
}

/* ------------------------------------------------------------------ k-means++ seeding */

/* x . y, summed in four interleaved partial sums (always the same order). */
static float dot(const float *x, const float *y, size_t dim)
{
    float p0 = 0, p1 = 0, p2 = 0, p3 = 0;
    size_t j = 0;
    for (; j + 4 <= dim; j += 4) {
        p0 += x[j] * y[j];
        p1 += x[j + 1] * y[j + 1];
        p2 += x[j + 2] * y[j + 2];
        p3 += x[j + 3] * y[j + 3];
    }
    for (; j < dim; j++)
        p0 += x[j] * y[j];
    return (p0 + p1) + (p2 + p3);
}

typedef struct {
    const Embeddings *e;
    const float *center;
    double *dist; /* n: 1 - max cosine to the centers chosen so far */
} SeedCtx;

static void seed_range(void *arg, size_t slice, size_t lo, size_t hi)
{
    (void)slice;
    SeedCtx *sc = arg;
    const size_t dim = sc->e->dim;
    for (size_t i = lo; i < hi; i++) {
        double d = 1.0 - (double)dot(sc->e->vec + i * dim, sc->center, dim);
        if (d < 0)
            d = 0;
        if (d < sc->dist[i])
            sc->dist[i] = d;
    }
}

/* Picks k distinct points as initial centroids: the first uniformly, each next one with
 * probability proportional to its distance 1 - cos (half the squared Euclidean distance
 * between unit vectors) to the nearest chosen one. */
static void seed_centroids(const Embeddings *e, size_t k, Rng *rng, float *centroids)
{
    double *dist = xmalloc(e->n * sizeof *dist);
    for (size_t i = 0; i < e->n; i++)
        dist[i] = INFINITY;
    size_t pick = (size_t)(rng_unit(rng) * (double)e->n);
    for (size_t c = 0; c < k; c++) {
        memcpy(centroids + c * e->dim, e->vec + pick * e->dim, e->dim * sizeof *centroids);
        SeedCtx sc = { e, centroids + c * e->dim, dist };
        parallel_for(e->n, seed_range, &sc);
        double total = 0;
        for (size_t i = 0; i < e->n; i++)
            total += dist[i];
        if (c + 1 == k)
            break;
        if (!(total > 0))
            die("%s", "fewer distinct vectors than clusters");
        double r = rng_unit(rng) * total;
        pick = e->n;
        for (size_t i = 0; i < e->n; i++) {
            if (dist[i] <= 0)
                continue;
            pick = i;
            r -= dist[i];
            if (r < 0)
                break;
        }
    }
    free(dist);
}

/* ------------------------------------------------------------------ Lloyd iterations */

static void normalize_row(float *v, const double *sum, size_t dim)
{
    double norm = 0;
    for (size_t j = 0; j < dim; j++)
        norm += sum[j] * sum[j];
    norm = sqrt(norm);
    for (size_t j = 0; j < dim; j++)
        v[j] = norm > 0 ? (float)(sum[j] / norm) : 0.0f;
}

/* Clusters e into k clusters; writes each point's cluster into assign. */
static void kmeans(const Embeddings *e, size_t k, uint32_t *assign)
{
    const size_t n = e->n, dim = e->dim;
    const size_t blocks = (k + BLOCK - 1) / BLOCK;
    float *centroids = xmalloc(k * dim * sizeof *centroids);
    float *cb = xmalloc(blocks * dim * BLOCK * sizeof *cb);
    double *sums = xmalloc(k * dim * sizeof *sums);
    size_t *counts = xmalloc(k * sizeof *counts);
    float *best = xmalloc(n * sizeof *best);
    unsigned char *taken = xmalloc(n);
    float *zero = calloc(dim, sizeof *zero);
    const size_t slices = slice_count(n);
    float *scratch[MAX_THREADS];
    size_t changes[MAX_THREADS];
    for (size_t t = 0; t < slices; t++)
        scratch[t] = xmalloc(GROUP * blocks * BLOCK * sizeof *scratch[t]);
    if (!zero)
        die("%s", "out of memory");

    double t0 = now_seconds();
    Rng rng = { UINT64_C(0x9E3779B97F4A7C15) ^ (uint64_t)k };
    seed_centroids(e, k, &rng, centroids);
    fprintf(stderr, "kmeans: K=%zu: seeded in %.1f s\n", k, now_seconds() - t0);

    for (size_t i = 0; i < n; i++)
        assign[i] = UINT32_MAX;
    for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
        memset(cb, 0, blocks * dim * BLOCK * sizeof *cb);
        for (size_t c = 0; c < k; c++)
            for (size_t j = 0; j < dim; j++)
                cb[(c / BLOCK * dim + j) * BLOCK + c % BLOCK] = centroids[c * dim + j];
        AssignCtx a = { e, k, blocks, cb, zero, scratch, assign, best, changes };
        parallel_for(n, assign_range, &a);
        size_t changed = 0;
        double objective = 0;
        for (size_t t = 0; t < slices; t++)
            changed += changes[t];
        for (size_t i = 0; i < n; i++)
            objective += best[i];
        fprintf(stderr, "kmeans: K=%zu: iteration %d: %zu changes, mean similarity %.5f, %.1f s\n",
                k, iter, changed, objective / (double)n, now_seconds() - t0);
        if (changed == 0 || iter == MAX_ITERATIONS)
            break;

        /* New centroids: normalized sums of their points, accumulated in point order. */
        memset(sums, 0, k * dim * sizeof *sums);
        memset(counts, 0, k * sizeof *counts);
        for (size_t i = 0; i < n; i++) {
            double *s = sums + (size_t)assign[i] * dim;
            const float *v = e->vec + i * dim;
            for (size_t j = 0; j < dim; j++)
                s[j] += v[j];
            counts[assign[i]]++;
        }
        memset(taken, 0, n);
        for (size_t c = 0; c < k; c++) {
            if (counts[c] > 0) {
                normalize_row(centroids + c * dim, sums + c * dim, dim);
                continue;
            }
            /* An empty cluster restarts at the point worst served by its own centroid. */
            size_t worst = n;
            for (size_t i = 0; i < n; i++)
                if (!taken[i] && (worst == n || best[i] < best[worst]))
                    worst = i;
            taken[worst] = 1;
            memcpy(centroids + c * dim, e->vec + worst * dim, dim * sizeof *centroids);
        }
    }
    for (size_t t = 0; t < slices; t++)
        free(scratch[t]);
    free(zero);
    free(taken);
    free(best);
    free(counts);
    free(sums);
    free(cb);
    free(centroids);
}

/* ------------------------------------------------------------------ main */

static size_t parse_k(const char *s)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || *s == '-' || v < 1 || v > UINT32_MAX)
        die("bad K: %s", s);
    return (size_t)v;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: kmeans EMBEDDINGS.bin OUT.tsv K1 [K2 ...]\n"
                        "  KMEANS_THREADS: number of threads (default 2; the output is the same)\n"
                        "  KMEANS_PCS: principal components to remove (default 2; 0: none)\n");
        return 2;
    }
    const char *threads = getenv("KMEANS_THREADS");
    if (threads && *threads) {
        int t = atoi(threads);
        if (t < 1 || t > MAX_THREADS)
            die("bad KMEANS_THREADS: %s", threads);
        g_threads = t;
    }
    size_t nk = (size_t)argc - 3;
    size_t *ks = xmalloc(nk * sizeof *ks);
    for (size_t i = 0; i < nk; i++)
        ks[i] = parse_k(argv[3 + i]);
    int pcs = DEFAULT_PCS;
    const char *pcs_env = getenv("KMEANS_PCS");
    if (pcs_env && *pcs_env) {
        pcs = atoi(pcs_env);
        if (pcs < 0 || pcs > 1000 || (pcs == 0 && strcmp(pcs_env, "0") != 0))
            die("bad KMEANS_PCS: %s", pcs_env);
    }
    double t0 = now_seconds();
    Embeddings e = read_embeddings(argv[1]);
    fprintf(stderr, "kmeans: %zu words, %zu dimensions, read in %.1f s\n", e.n, e.dim,
            now_seconds() - t0);
    if (pcs > 0) {
        if ((size_t)pcs >= e.dim)
            die("%s", "KMEANS_PCS must be below the number of dimensions");
        remove_top_components(&e, pcs);
        fprintf(stderr, "kmeans: removed the mean and %d principal components, %.1f s\n", pcs,
                now_seconds() - t0);
    }

    for (size_t i = 0; i < nk; i++)
        if (ks[i] > e.n)
            die("K=%s is more than the number of words", argv[3 + i]);
    uint32_t *assign = xmalloc(nk * e.n * sizeof *assign);
    for (size_t i = 0; i < nk; i++)
        kmeans(&e, ks[i], assign + i * e.n);

    FILE *out = fopen(argv[2], "w");
    if (!out)
        die("cannot create %s", argv[2]);
    for (size_t w = 0; w < e.n; w++) {
        fputs(e.words[w], out);
        for (size_t i = 0; i < nk; i++)
            fprintf(out, "\t%u", (unsigned)assign[i * e.n + w]);
        fputc('\n', out);
    }
    if (fclose(out) != 0)
        die("cannot write %s", argv[2]);
    fprintf(stderr, "kmeans: wrote %s in %.1f s in all\n", argv[2], now_seconds() - t0);

    for (size_t w = 0; w < e.n; w++)
        free(e.words[w]);
    free(e.words);
    free(e.vec);
    free(assign);
    free(ks);
    return 0;
}
