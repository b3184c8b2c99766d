/* termvec.c — sparse vector arithmetic over sorted (term, weight) arrays (termvec.h). */
#include "link/termvec.h"

#include "core/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int by_term(const void *a, const void *b)
{
    uint64_t x = ((const tv_entry *)a)->term, y = ((const tv_entry *)b)->term;
    return (x > y) - (x < y);
}

static int by_weight_desc(const void *a, const void *b)
{
    const tv_entry *x = a, *y = b;
    if (x->w != y->w) return x->w < y->w ? 1 : -1;
    return (x->term > y->term) - (x->term < y->term);
}

void tv_normalize_order(termvec *v)
{
    if (v->n < 2) return;
    qsort(v->e, v->n, sizeof *v->e, by_term);
    size_t o = 0;
    for (size_t i = 1; i < v->n; i++) {
        if (v->e[i].term == v->e[o].term)
            v->e[o].w += v->e[i].w;
        else
            v->e[++o] = v->e[i];
    }
    v->n = o + 1;
}

void tv_add_tokens(termvec *v, const sf_token *toks, size_t first, size_t n)
{
    for (size_t i = first; i < first + n; i++) {
        if (!toks[i].term) continue;
        SF_GROW(v->e, v->cap, v->n + 1);
        v->e[v->n++] = (tv_entry){toks[i].term, 1.0f};
    }
    tv_normalize_order(v);
}

double tv_dot(const termvec *a, const termvec *b)
{
    double s = 0;
    size_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->e[i].term < b->e[j].term)
            i++;
        else if (a->e[i].term > b->e[j].term)
            j++;
        else
            s += (double)a->e[i++].w * b->e[j++].w;
    }
    return s;
}

double tv_norm2(const termvec *v)
{
    double s = 0;
    for (size_t i = 0; i < v->n; i++) s += (double)v->e[i].w * v->e[i].w;
    return s;
}

void tv_unit(termvec *v)
{
    double n = sqrt(tv_norm2(v));
    if (n <= 0) return;
    for (size_t i = 0; i < v->n; i++) v->e[i].w = (float)(v->e[i].w / n);
}

void tv_axpy(termvec *a, double s, const termvec *b)
{
    size_t need = a->n + b->n;
    tv_entry *out = sf_xmalloc(need * sizeof *out);
    size_t i = 0, j = 0, o = 0;
    while (i < a->n || j < b->n) {
        if (j >= b->n || (i < a->n && a->e[i].term < b->e[j].term))
            out[o++] = a->e[i++];
        else if (i >= a->n || a->e[i].term > b->e[j].term)
            out[o++] = (tv_entry){b->e[j].term, (float)(s * b->e[j].w)}, j++;
        else
            out[o++] = (tv_entry){a->e[i].term, (float)(a->e[i].w + s * b->e[j].w)}, i++, j++;
    }
    free(a->e);
    a->e = out;
    a->n = o;
    a->cap = need;
}

/* The k-th largest weight (1-based) among v's entries, by quickselect on a copy: O(n)
 * on average, where sorting the whole vector for each truncation dominated ingest. */
static float kth_weight(const termvec *v, size_t k)
{
    float *w = sf_xmalloc(v->n * sizeof *w);
    for (size_t i = 0; i < v->n; i++) w[i] = v->e[i].w;
    size_t lo = 0, hi = v->n - 1, want = k - 1; /* index in descending order */
    while (lo < hi) {
        float p = w[lo + (hi - lo) / 2];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (w[i] > p) i++;
            while (w[j] < p) j--;
            if (i <= j) {
                float t = w[i];
                w[i] = w[j];
                w[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (want <= j)
            hi = j;
        else if (want >= i)
            lo = i;
        else
            break;
    }
    float r = w[want];
    free(w);
    return r;
}

/* Indexes of the k heaviest entries, ties broken by term, in term order. */
static size_t heaviest(const termvec *v, size_t k, size_t *idx)
{
    float thr = kth_weight(v, k);
    size_t above = 0, m = 0;
    for (size_t i = 0; i < v->n; i++) above += v->e[i].w > thr;
    size_t ties = k - above; /* entries equal to thr to keep, lowest terms first */
    for (size_t i = 0; i < v->n; i++)
        if (v->e[i].w > thr || (v->e[i].w == thr && ties && ties--)) idx[m++] = i;
    return m;
}

void tv_truncate(termvec *v, size_t k)
{
    if (v->n <= k) return;
    size_t *idx = sf_xmalloc(k * sizeof *idx);
    size_t m = heaviest(v, k, idx);
    for (size_t i = 0; i < m; i++) v->e[i] = v->e[idx[i]]; /* idx ascending: in place */
    v->n = m;
    free(idx);
}

size_t tv_top_terms(const termvec *v, size_t k, uint64_t *out)
{
    if (!v->n) return 0;
    size_t m = v->n < k ? v->n : k;
    tv_entry *tmp = sf_xmalloc(m * sizeof *tmp);
    if (v->n <= k) {
        memcpy(tmp, v->e, m * sizeof *tmp);
    } else {
        size_t *idx = sf_xmalloc(k * sizeof *idx);
        m = heaviest(v, k, idx);
        for (size_t i = 0; i < m; i++) tmp[i] = v->e[idx[i]];
        free(idx);
    }
    qsort(tmp, m, sizeof *tmp, by_weight_desc);
    for (size_t i = 0; i < m; i++) out[i] = tmp[i].term;
    free(tmp);
    return m;
}

void tv_free(termvec *v)
{
    free(v->e);
    v->e = NULL;
    v->n = v->cap = 0;
}
