/* reuse_eval.c — the syndication evaluation (eval/syndication.sh): builds a labeled set
 * of re-published copies from the BBC and Reuters-21578 corpora in ../shared, then scores
 * near-duplicate pairs (src/link/lsh.c over fingerprint.c signatures) and reused-passage
 * spans (src/link/reuse.c) against what the generator knows it did.
 *
 * The generator (fixed seed, so the same set every run): base articles are BBC files
 * (title on line 1, paragraphs between blank lines; topic = category folder) and Reuters
 * stories with a topic and a <BODY> of at least 120 words in 3 or more paragraphs (topic =
 * the first of <TOPICS>). A base that shares five or more word 8-grams with an earlier base is left
 * out (both corpora hold re-published and templated stories of their own, which would
 * otherwise be unlabeled duplicates). Of the rest, 40% get 1 to 3 copies; each copy
 * takes some of these edits: a changed headline (first word replaced, "UPDATE n-" in
 * front half the time, the outlet's name after); 1 to a quarter of the paragraphs trimmed
 * from the end (60%), a middle paragraph dropped (20%), two paragraphs swapped (30%); 5% of
 * the words replaced by other words; lines re-wrapped at 60-76 columns (50%); 1-3
 * boilerplate lines inserted (a photo credit, "Read more: ...", "Copyright ...", a share
 * prompt); published the same day as the original (30%) or 1-2 days later. Documents
 * are shuffled.
 *
 * Truth: two documents are a near-duplicate pair when they come from one base; their
 * shared text is, on each side, the bytes of the paragraphs both kept (a paragraph keeps
 * its bytes from its first to its last character, edits inside included; paragraphs that
 * follow each other in both, with only a blank line between them, are one passage with
 * that blank line). Scored: pair precision and recall (pairs in one predicted group),
 * byte precision/recall/F1 of the passages reuse_find returns over every true pair plus,
 * with no true passage, every falsely predicted pair and one same-topic unrelated pair
 * per group; origin accuracy (reuse_origin_of picks the original). Prints the figures; exits 1 when a figure is
 * below its bar (--min-precision, --min-recall, --min-f1), 2 on usage or missing data.
 * --near J sets the similarity threshold (default LSH_NEAR); --dump DIR writes the set
 * (one file per document, truth.tsv) and the pairs whose passages were not exact. */
#include "storyfold.h"

#include "core/hmap.h"
#include "core/mem.h"
#include "link/fingerprint.h"
#include "link/lsh.h"
#include "link/reuse.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <xxhash.h>

/* ---- random numbers: splitmix64, fixed seed ------------------------------------------ */
static uint64_t rng_state;
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static size_t rndn(size_t n) { return n ? (size_t)(rnd() % n) : 0; }
static int chance(double p) { return (double)(rnd() >> 11) / 9007199254740992.0 < p; }

/* ---- base articles -------------------------------------------------------------------- */
typedef struct base {
    char *title;
    char **para; /* each one line, single spaces */
    size_t n_para;
    char topic[32];
} base;

static base *bases;
static size_t n_bases, cap_bases;

/* collapse whitespace runs to one space, trim; returns a malloc'd string */
static char *squeeze(const char *s, size_t n)
{
    char *o = sf_xmalloc(n + 1);
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            sp = k > 0;
            continue;
        }
        if (sp) o[k++] = ' ';
        sp = 0;
        o[k++] = c;
    }
    o[k] = 0;
    return o;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        int w = *s != ' ';
        n += w && !in;
        in = w;
    }
    return n;
}

static int utf8_ok(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!k || !c || i + k > n) return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return 0;
        i += k;
    }
    return 1;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sf_buf b = {0};
    sf_buf_add_file(&b, f);
    fclose(f);
    *len = b.len;
    return b.data ? b.data : sf_xstrdup("");
}

static void add_base(char *title, char **para, size_t n_para, const char *topic)
{
    SF_GROW(bases, cap_bases, n_bases + 1);
    base *b = &bases[n_bases++];
    b->title = title, b->para = para, b->n_para = n_para;
    snprintf(b->topic, sizeof b->topic, "%s", topic);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* BBC: DIR/category/NNN.txt, title on line 1, paragraphs between blank lines */
static void read_bbc(const char *dir)
{
    static const char *const cats[] = {"business", "entertainment", "politics", "sport", "tech"};
    for (size_t c = 0; c < 5; c++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, cats[c]);
        DIR *d = opendir(path);
        if (!d) continue;
        char **names = NULL;
        size_t nn = 0, cap = 0;
        for (struct dirent *e; (e = readdir(d));) {
            if (!strstr(e->d_name, ".txt")) continue;
            SF_GROW(names, cap, nn + 1);
            names[nn++] = sf_xstrdup(e->d_name);
        }
        closedir(d);
        qsort(names, nn, sizeof *names, cmp_str);
        for (size_t i = 0; i < nn; i++) {
            char fp[4500];
            snprintf(fp, sizeof fp, "%s/%s", path, names[i]);
            free(names[i]);
            size_t len;
            char *t = slurp(fp, &len);
            if (!t) continue;
            if (!utf8_ok((unsigned char *)t, len)) {
                free(t);
                continue;
            }
            char *title = NULL, **para = NULL;
            size_t np = 0, pc = 0;
            const char *p = t, *end = t + len;
            while (p < end) { /* blocks separated by blank lines */
                while (p < end && (*p == '\n' || *p == '\r' || *p == ' ')) p++;
                if (p >= end) break;
                const char *q = strstr(p, "\n\n");
                if (!q) q = end;
                const char *nl = memchr(p, '\n', (size_t)(q - p));
                if (!title && nl) { /* title line then text without a blank line */
                    title = squeeze(p, (size_t)(nl - p));
                    p = nl + 1;
                    continue;
                }
                char *s = squeeze(p, (size_t)(q - p));
                if (!title) title = s;
                else if (*s) {
                    SF_GROW(para, pc, np + 1);
                    para[np++] = s;
                } else free(s);
                p = q;
            }
            free(t);
            if (title && np >= 3) add_base(title, para, np, cats[c]);
            else {
                free(title);
                for (size_t k = 0; k < np; k++) free(para[k]);
                free(para);
            }
        }
        free(names);
    }
}

/* &lt; &gt; &amp; and &#N; in place */
static void unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p;) {
        if (*p == '&') {
            if (!strncmp(p, "&lt;", 4)) { *o++ = '<'; p += 4; continue; }
            if (!strncmp(p, "&gt;", 4)) { *o++ = '>'; p += 4; continue; }
            if (!strncmp(p, "&amp;", 5)) { *o++ = '&'; p += 5; continue; }
            if (p[1] == '#') {
                char *q = strchr(p, ';');
                if (q && q - p < 6) { p = q + 1; continue; }
            }
        }
        *o++ = *p++;
    }
    *o = 0;
}

/* Reuters-21578: <REUTERS> blocks; paragraphs start with an indented line */
static void read_reuters(const char *dir)
{
    for (int f = 0; f < 22; f++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/reut2-%03d.sgm", dir, f);
        size_t len;
        char *t = slurp(path, &len);
        if (!t) continue;
        for (char *p = t; (p = strstr(p, "<REUTERS"));) {
            char *e = strstr(p, "</REUTERS>");
            if (!e) break;
            *e = 0;
            char topic[32] = "";
            char *tp = strstr(p, "<TOPICS><D>");
            if (tp) {
                tp += 11;
                char *te = strstr(tp, "</D>");
                if (te && te - tp < 31) memcpy(topic, tp, (size_t)(te - tp)), topic[te - tp] = 0;
            }
            char *ti = strstr(p, "<TITLE>"), *bo = strstr(p, "<BODY>");
            char *tie = ti ? strstr(ti, "</TITLE>") : NULL, *boe = bo ? strstr(bo, "</BODY>") : NULL;
            if (*topic && ti && tie && bo && boe) {
                bo += 6;
                *boe = 0;
                char *r = strstr(bo, " Reuter\n");
                if (!r) r = strstr(bo, "REUTER");
                if (r) *r = 0;
                char *title = squeeze(ti + 7, (size_t)(tie - ti - 7));
                unescape(title);
                char **para = NULL;
                size_t np = 0, pc = 0, words = 0;
                for (char *q = bo; *q;) {
                    char *n = strstr(q, "\n    "), *stop = n ? n : q + strlen(q);
                    char *s = squeeze(q, (size_t)(stop - q));
                    unescape(s);
                    if (*s) {
                        SF_GROW(para, pc, np + 1);
                        para[np++] = s;
                        words += count_words(s);
                    } else free(s);
                    q = n ? n + 1 : stop;
                }
                int ok = np >= 3 && words >= 120 && utf8_ok((unsigned char *)title, strlen(title));
                for (size_t k = 0; ok && k < np; k++) ok = utf8_ok((unsigned char *)para[k], strlen(para[k]));
                if (ok) add_base(title, para, np, topic);
                else {
                    free(title);
                    for (size_t k = 0; k < np; k++) free(para[k]);
                    free(para);
                }
            }
            p = e + 1;
        }
        free(t);
    }
}

/* Leave out bases sharing 5 or more word 8-grams (casefolded, whitespace words) with an
 * earlier kept base. */
static void drop_duplicate_bases(void)
{
    hmap seen = {0}; /* 8-gram -> base index + 1 */
    size_t k = 0;
    for (size_t i = 0; i < n_bases; i++) {
        base *b = &bases[i];
        uint64_t *w = NULL, *hs = NULL;
        size_t nw = 0, cw = 0, nh = 0, ch = 0;
        for (size_t p = 0; p < b->n_para; p++)
            for (const char *s = b->para[p]; *s;) {
                const char *e = strchr(s, ' ');
                if (!e) e = s + strlen(s);
                char low[128];
                size_t n = (size_t)(e - s) < sizeof low ? (size_t)(e - s) : sizeof low;
                for (size_t j = 0; j < n; j++) low[j] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] + 32 : s[j]);
                SF_GROW(w, cw, nw + 1);
                w[nw++] = XXH3_64bits(low, n);
                s = *e ? e + 1 : e;
            }
        for (size_t j = 0; j + 8 <= nw; j++) {
            SF_GROW(hs, ch, nh + 1);
            uint64_t h = XXH3_64bits(w + j, 8 * sizeof *w);
            hs[nh++] = h ? h : 1;
        }
        hmap hits = {0};
        int dup = 0;
        for (size_t j = 0; j < nh && !dup; j++) {
            int64_t *v = hmap_get(&seen, hs[j]);
            if (v && ++*hmap_put(&hits, (uint64_t)*v, 0) >= 5) dup = 1;
        }
        hmap_free(&hits);
        if (!dup) {
            for (size_t j = 0; j < nh; j++) hmap_put(&seen, hs[j], (int64_t)k + 1);
            bases[k++] = *b;
        } else {
            free(b->title);
            for (size_t p = 0; p < b->n_para; p++) free(b->para[p]);
            free(b->para);
        }
        free(w);
        free(hs);
    }
    hmap_free(&seen);
    n_bases = k;
}

/* ---- documents: originals and copies ------------------------------------------------- */
typedef struct seg {
    uint32_t para, start, end;
} seg;

typedef struct item {
    size_t base;
    int original;
    sf_doc *doc;
    seg *segs;
    size_t n_segs;
} item;

static item *items;
static size_t n_items, cap_items;

static const char *const swaps[] = {
    "officials", "reportedly", "nearly",   "later",   "several", "regional", "major",
    "former",    "recent",     "local",    "senior",  "further", "earlier",  "largely",
    "widely",    "key",        "national", "planned", "overall", "current",  "final"};
static const char *const outlets[] = {"Harbour Post", "Valley Courier", "Daily Lantern",
                                      "Northgate Times", "Morning Ledger"};

/* append a paragraph, with 5% of its words replaced when `edit`, wrapped at `wrap`
 * columns (0: one line) */
static void add_para(sf_buf *t, const char *p, int edit, int wrap)
{
    size_t col = 0;
    for (const char *s = p; *s;) {
        const char *e = strchr(s, ' ');
        if (!e) e = s + strlen(s);
        const char *w = s;
        size_t n = (size_t)(e - s), tail = 0;
        char buf[64];
        if (edit && chance(0.05)) {
            while (tail < n && strchr(".,;:!?\")'", s[n - 1 - tail])) tail++;
            const char *r = swaps[rndn(sizeof swaps / sizeof *swaps)];
            snprintf(buf, sizeof buf, "%s%.*s", r, (int)(tail < 8 ? tail : 8), s + n - tail);
            w = buf, n = strlen(buf);
        }
        if (col) {
            if (wrap && col + 1 + n > (size_t)wrap) {
                sf_buf_addc(t, '\n');
                col = 0;
            } else {
                sf_buf_addc(t, ' ');
                col++;
            }
        }
        sf_buf_add(t, w, n);
        col += n;
        s = *e ? e + 1 : e;
    }
}

static void add_item(size_t b, int original, char *text, seg *segs, size_t n_segs, int day)
{
    SF_GROW(items, cap_items, n_items + 1);
    item *it = &items[n_items++];
    it->base = b, it->original = original, it->segs = segs, it->n_segs = n_segs;
    sf_doc *d = sf_doc_new();
    d->text = text;
    d->len = strlen(text);
    d->day = day;
    it->doc = d;
}

static void make_original(size_t bi, int day)
{
    base *b = &bases[bi];
    sf_buf t = {0};
    sf_buf_adds(&t, b->title);
    seg *s = sf_xmalloc(b->n_para * sizeof *s);
    for (size_t p = 0; p < b->n_para; p++) {
        sf_buf_adds(&t, "\n\n");
        s[p].para = (uint32_t)p, s[p].start = (uint32_t)t.len;
        sf_buf_adds(&t, b->para[p]);
        s[p].end = (uint32_t)t.len;
    }
    sf_buf_addc(&t, '\n');
    add_item(bi, 1, sf_buf_take(&t), s, b->n_para, day);
}

static void make_copy(size_t bi, int day)
{
    base *b = &bases[bi];
    size_t np = b->n_para, *order = sf_xmalloc(np * sizeof *order), k = 0;
    for (size_t p = 0; p < np; p++) order[k++] = p;
    if (chance(0.6)) { /* trim from the bottom */
        size_t cut = 1 + rndn(np / 4 > 1 ? np / 4 : 1);
        if (k - cut >= 2) k -= cut;
    }
    if (k >= 5 && chance(0.2)) { /* drop one middle paragraph */
        size_t m = 1 + rndn(k - 2);
        memmove(order + m, order + m + 1, (k - m - 1) * sizeof *order);
        k--;
    }
    if (k >= 4 && chance(0.3)) { /* swap two neighbours */
        size_t m = 1 + rndn(k - 2), x = order[m];
        order[m] = order[m + 1], order[m + 1] = x;
    }
    int wrap = chance(0.5) ? 60 + (int)rndn(17) : 0;
    const char *outlet = outlets[rndn(5)];
    int n_bp = 1 + (int)rndn(3), credit = chance(0.5), readmore_at = (int)rndn(k > 2 ? k - 1 : 1) + 1;
    sf_buf t = {0};
    /* a changed headline: the original's with its first word replaced, then the outlet */
    sf_buf h = {0};
    add_para(&h, b->title, 0, 0);
    if (chance(0.5)) sf_buf_printf(&t, "UPDATE %d-", 1 + (int)rndn(3));
    const char *sp = h.data ? strchr(h.data, ' ') : NULL;
    if (sp) sf_buf_printf(&t, "%s%s | %s", swaps[rndn(sizeof swaps / sizeof *swaps)], sp, outlet);
    else sf_buf_printf(&t, "%s | %s", h.data ? h.data : "News", outlet);
    sf_buf_free(&h);
    if (credit && n_bp-- > 0)
        sf_buf_printf(&t, "\n\nPhoto: %s staff photographer / %s", outlet, outlet);
    seg *s = sf_xmalloc(k * sizeof *s);
    for (size_t i = 0; i < k; i++) {
        if ((int)i == readmore_at && n_bp > 0) {
            n_bp--;
            sf_buf_printf(&t, "\n\nRead more: %s on the stories behind the week's news",
                          outlet);
        }
        sf_buf_adds(&t, "\n\n");
        s[i].para = (uint32_t)order[i], s[i].start = (uint32_t)t.len;
        add_para(&t, b->para[order[i]], 1, wrap);
        s[i].end = (uint32_t)t.len;
    }
    if (n_bp-- > 0) sf_buf_printf(&t, "\n\nShare this article with your friends");
    if (n_bp-- > 0) sf_buf_printf(&t, "\n\nCopyright 2026 %s. All rights reserved.", outlet);
    sf_buf_addc(&t, '\n');
    free(order);
    add_item(bi, 0, sf_buf_take(&t), s, k, day);
}

/* ---- scoring helpers ---------------------------------------------------------------- */
typedef struct iv {
    uint32_t s, e;
} iv;

static int cmp_iv(const void *a, const void *b)
{
    const iv *x = a, *y = b;
    return (x->s > y->s) - (x->s < y->s);
}

/* total length of a union of intervals (sorted in place) */
static uint64_t union_len(iv *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_iv);
    uint64_t t = 0;
    uint32_t cs = 0, ce = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && v[i].s <= ce) {
            if (v[i].e > ce) ce = v[i].e;
            continue;
        }
        if (i) t += ce - cs;
        cs = v[i].s, ce = v[i].e;
    }
    if (n) t += ce - cs;
    return t;
}

/* |union(p) ∩ union(q)|: both sorted and merged first */
static size_t merge_iv(iv *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_iv);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && v[i].s <= v[k - 1].e) {
            if (v[i].e > v[k - 1].e) v[k - 1].e = v[i].e;
        } else v[k++] = v[i];
    }
    return k;
}

static uint64_t inter_len(iv *p, size_t np, iv *q, size_t nq)
{
    np = merge_iv(p, np), nq = merge_iv(q, nq);
    uint64_t t = 0;
    for (size_t i = 0, j = 0; i < np && j < nq;) {
        uint32_t s = p[i].s > q[j].s ? p[i].s : q[j].s, e = p[i].e < q[j].e ? p[i].e : q[j].e;
        if (e > s) t += e - s;
        if (p[i].e < q[j].e) i++;
        else j++;
    }
    return t;
}

typedef struct span_score {
    uint64_t tp, pred, gold;
    size_t pairs;
} span_score;

/* score reuse_find on items x, y */
static void score_pair(size_t x, size_t y, int related, span_score *sc, FILE *miss)
{
    const item *X = &items[x], *Y = &items[y];
    reuse_passage *p;
    size_t n = reuse_find(X->doc, Y->doc, &p);
    iv *pa = sf_xmalloc((n + 1) * sizeof *pa), *pb = sf_xmalloc((n + 1) * sizeof *pb);
    for (size_t i = 0; i < n; i++) pa[i] = (iv){p[i].a.start, p[i].a.end}, pb[i] = (iv){p[i].b.start, p[i].b.end};
    iv *ga = sf_xmalloc((X->n_segs + 1) * sizeof *ga), *gb = sf_xmalloc((Y->n_segs + 1) * sizeof *gb);
    size_t na = 0, nb = 0;
    if (related) /* paragraphs kept by both; neighbours in both are one passage, the
                  * blank line between them included */
        for (size_t i = 0; i < X->n_segs; i++)
            for (size_t j = 0; j < Y->n_segs; j++)
                if (X->segs[i].para == Y->segs[j].para) {
                    int joined = na && i > 0 && j > 0 && X->segs[i - 1].para == Y->segs[j - 1].para &&
                                 X->segs[i].start == X->segs[i - 1].end + 2 &&
                                 Y->segs[j].start == Y->segs[j - 1].end + 2;
                    if (joined) {
                        ga[na - 1].e = X->segs[i].end;
                        gb[nb - 1].e = Y->segs[j].end;
                    } else {
                        ga[na++] = (iv){X->segs[i].start, X->segs[i].end};
                        gb[nb++] = (iv){Y->segs[j].start, Y->segs[j].end};
                    }
                }
    uint64_t pred = union_len(pa, n) + union_len(pb, n), gold = union_len(ga, na) + union_len(gb, nb);
    uint64_t tp = inter_len(pa, n, ga, na) + inter_len(pb, n, gb, nb);
    sc->tp += tp, sc->pred += pred, sc->gold += gold, sc->pairs++;
    if (miss && (tp < pred || tp < gold))
        fprintf(miss, "%zu\t%zu\tpred=%llu\tgold=%llu\ttp=%llu\n", x, y, (unsigned long long)pred,
                (unsigned long long)gold, (unsigned long long)tp);
    free(p), free(pa), free(pb), free(ga), free(gb);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_pair(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return (*x > *y) - (*x < *y);
}

int main(int argc, char **argv)
{
    const char *corpora = "../shared/data/corpora", *dump = NULL;
    double min_p = 0, min_r = 0, min_f1 = 0, copy_share = 0.4, near = LSH_NEAR;
    uint64_t seed = 4;
    for (int i = 1; i < argc; i += 2) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) goto usage;
        if (!strcmp(a, "--corpora")) corpora = v;
        else if (!strcmp(a, "--dump")) dump = v;
        else if (!strcmp(a, "--seed")) seed = strtoull(v, NULL, 10);
        else if (!strcmp(a, "--min-precision")) min_p = atof(v);
        else if (!strcmp(a, "--min-recall")) min_r = atof(v);
        else if (!strcmp(a, "--min-f1")) min_f1 = atof(v);
        else if (!strcmp(a, "--near")) near = atof(v);
        else goto usage;
    }
    rng_state = seed;
    char path[4096];
    snprintf(path, sizeof path, "%s/bbc", corpora);
    read_bbc(path);
    size_t n_bbc = n_bases;
    snprintf(path, sizeof path, "%s/reuters21578", corpora);
    read_reuters(path);
    size_t n_read = n_bases;
    if (!n_bbc || n_bases == n_bbc) {
        fprintf(stderr, "reuse-eval: no BBC or Reuters articles under %s\n", corpora);
        return 2;
    }
    drop_duplicate_bases();

    /* originals and copies, then shuffled */
    size_t n_groups = 0;
    for (size_t b = 0; b < n_bases; b++) {
        int day = 20000 + (int)rndn(300);
        make_original(b, day);
        if (!chance(copy_share)) continue;
        n_groups++;
        for (int c = 1 + (int)rndn(3); c > 0; c--) make_copy(b, day + (chance(0.3) ? 0 : 1 + (int)rndn(2)));
    }
    for (size_t i = n_items; i > 1; i--) {
        size_t j = rndn(i);
        item t = items[i - 1];
        items[i - 1] = items[j], items[j] = t;
    }

    double t0 = now();
    for (size_t i = 0; i < n_items; i++) {
        sf_error err = {0};
        size_t len = items[i].doc->len;
        if (sf_doc_analyze(items[i].doc, &err) != SF_OK || items[i].doc->len != len) {
            fprintf(stderr, "reuse-eval: analysis failed or changed the text of item %zu\n", i);
            return 2;
        }
    }
    double t_an = now() - t0;

    /* near-duplicate groups */
    t0 = now();
    fp_sig *sig = sf_xmalloc(n_items * sizeof *sig);
    for (size_t i = 0; i < n_items; i++) fp_signature(items[i].doc, &sig[i]);
    uint32_t *grp = sf_xmalloc(n_items * sizeof *grp);
    size_t compared = 0;
    lsh_groups(sig, n_items, near, grp, &compared);
    double t_lsh = now() - t0;

    /* pairs: sort (group, base) and count */
    uint64_t *gb = sf_xmalloc(n_items * sizeof *gb), *bb = sf_xmalloc(n_items * sizeof *bb);
    for (size_t i = 0; i < n_items; i++) {
        gb[i] = ((uint64_t)grp[i] << 32) | items[i].base;
        bb[i] = items[i].base;
    }
    qsort(gb, n_items, sizeof *gb, cmp_pair);
    qsort(bb, n_items, sizeof *bb, cmp_pair);
    uint64_t tp = 0, pred = 0, gold = 0;
    for (size_t i = 0, j; i < n_items; i = j) { /* cells (group, base) */
        for (j = i; j < n_items && gb[j] == gb[i]; j++) {}
        tp += (uint64_t)(j - i) * (j - i - 1) / 2;
    }
    for (size_t i = 0, j; i < n_items; i = j) { /* groups */
        for (j = i; j < n_items && gb[j] >> 32 == gb[i] >> 32; j++) {}
        pred += (uint64_t)(j - i) * (j - i - 1) / 2;
    }
    for (size_t i = 0, j; i < n_items; i = j) { /* bases */
        for (j = i; j < n_items && bb[j] == bb[i]; j++) {}
        gold += (uint64_t)(j - i) * (j - i - 1) / 2;
    }
    double P = pred ? (double)tp / (double)pred : 1, R = gold ? (double)tp / (double)gold : 1;

    /* passages: every true pair, every false predicted pair, and one same-topic unrelated
     * pair per group (its original with another base's original of the same topic) */
    size_t *by_base = sf_xmalloc(n_bases * sizeof *by_base); /* the original's item */
    size_t *members = sf_xmalloc(n_items * sizeof *members);
    for (size_t i = 0; i < n_items; i++)
        if (items[i].original) by_base[items[i].base] = i;
    FILE *miss = NULL;
    if (dump) {
        mkdir(dump, 0777);
        snprintf(path, sizeof path, "%s/span-misses.tsv", dump);
        miss = fopen(path, "w");
    }
    span_score sc = {0}, neg = {0};
    size_t origin_ok = 0, origin_n = 0;
    t0 = now();
    /* the items of each base: (base, item) sorted */
    uint64_t *ob = sf_xmalloc(n_items * sizeof *ob);
    for (size_t i = 0; i < n_items; i++) ob[i] = ((uint64_t)items[i].base << 24) | i;
    qsort(ob, n_items, sizeof *ob, cmp_pair);
    for (size_t i = 0, j; i < n_items; i = j) {
        for (j = i; j < n_items && ob[j] >> 24 == ob[i] >> 24; j++) {}
        size_t m = j - i;
        if (m < 2) continue;
        const sf_doc *docs[8];
        size_t orig = 0;
        for (size_t k = 0; k < m; k++) {
            members[k] = ob[i + k] & 0xFFFFFF;
            docs[k] = items[members[k]].doc;
            if (items[members[k]].original) orig = k;
        }
        for (size_t x = 0; x < m; x++)
            for (size_t y = x + 1; y < m; y++) score_pair(members[x], members[y], 1, &sc, miss);
        origin_n++;
        origin_ok += reuse_origin_of(docs, m) == orig;
        /* a same-topic unrelated original */
        size_t b = items[members[0]].base;
        for (int tries = 0; tries < 50; tries++) {
            size_t o = rndn(n_bases);
            if (o != b && !strcmp(bases[o].topic, bases[b].topic)) {
                score_pair(by_base[b], by_base[o], 0, &neg, miss);
                break;
            }
        }
    }
    /* false predicted pairs */
    for (size_t i = 0; i < n_items; i++) ob[i] = ((uint64_t)grp[i] << 24) | i;
    qsort(ob, n_items, sizeof *ob, cmp_pair);
    for (size_t i = 0, j; i < n_items; i = j) {
        for (j = i; j < n_items && ob[j] >> 24 == ob[i] >> 24; j++) {}
        for (size_t x = i; x < j; x++)
            for (size_t y = x + 1; y < j; y++) {
                size_t a = ob[x] & 0xFFFFFF, c = ob[y] & 0xFFFFFF;
                if (items[a].base != items[c].base) score_pair(a, c, 0, &neg, miss);
            }
    }
    double t_reuse = now() - t0;
    if (miss) fclose(miss);
    uint64_t stp = sc.tp + neg.tp, spred = sc.pred + neg.pred, sgold = sc.gold + neg.gold;
    double SP = spred ? (double)stp / (double)spred : 1, SR = sgold ? (double)stp / (double)sgold : 1;
    double SF = SP + SR > 0 ? 2 * SP * SR / (SP + SR) : 0;
    size_t span_pairs = sc.pairs + neg.pairs;

    if (dump) { /* the set, to look at */
        snprintf(path, sizeof path, "%s/truth.tsv", dump);
        FILE *f = fopen(path, "w");
        for (size_t i = 0; f && i < n_items; i++) {
            char fp[4200];
            snprintf(fp, sizeof fp, "%s/%05zu.txt", dump, i);
            FILE *g = fopen(fp, "w");
            if (g) fwrite(items[i].doc->text, 1, items[i].doc->len, g), fclose(g);
            fprintf(f, "%05zu\tbase=%zu\t%s\tgroup=%u\tday=%d", i, items[i].base,
                    items[i].original ? "original" : "copy", grp[i], items[i].doc->day);
            for (size_t s = 0; s < items[i].n_segs; s++)
                fprintf(f, "\t%u:%u-%u", items[i].segs[s].para, items[i].segs[s].start, items[i].segs[s].end);
            fputc('\n', f);
        }
        if (f) fclose(f);
    }

    printf("syndication: %zu documents (%zu bases of %zu read, %zu BBC; %zu re-published groups)\n",
           n_items, n_bases, n_read, n_bbc, n_groups);
    printf("  near-duplicate pairs: precision %.4f  recall %.4f  (%llu true, %llu predicted, "
           "%llu right; LSH %d bands x %d rows, Jaccard >= %.2f)\n",
           P, R, (unsigned long long)gold, (unsigned long long)pred, (unsigned long long)tp,
           LSH_BANDS, LSH_ROWS, near);
    printf("  reused-passage bytes: precision %.4f  recall %.4f  F1 %.4f  (%zu pairs: %zu "
           "copies, %zu unrelated or false; %llu bytes predicted on unrelated pairs)\n",
           SP, SR, SF, span_pairs, sc.pairs, neg.pairs, (unsigned long long)neg.pred);
    printf("  origin: %.4f of %zu groups pick the original\n",
           origin_n ? (double)origin_ok / (double)origin_n : 1, origin_n);
    printf("  seconds: analysis %.2f, fingerprints+LSH %.3f (%zu candidate pairs verified, "
           "%.0f documents/s), passages %.3f (%.0f pairs/s)\n",
           t_an, t_lsh, compared, t_lsh > 0 ? (double)n_items / t_lsh : 0, t_reuse,
           t_reuse > 0 ? (double)span_pairs / t_reuse : 0);

    for (size_t i = 0; i < n_items; i++) {
        sf_doc_free(items[i].doc);
        free(items[i].segs);
    }
    for (size_t b = 0; b < n_bases; b++) {
        free(bases[b].title);
        for (size_t p = 0; p < bases[b].n_para; p++) free(bases[b].para[p]);
        free(bases[b].para);
    }
    free(items), free(bases), free(sig), free(grp), free(gb), free(bb), free(by_base);
    free(members), free(ob);
    int fail = P < min_p || R < min_r || SF < min_f1;
    if (fail)
        printf("syndication: FAILED (bars: precision %.2f, recall %.2f, spans F1 %.2f)\n", min_p, min_r, min_f1);
    return fail;
usage:
    fprintf(stderr, "usage: reuse-eval [--corpora DIR] [--seed N] [--dump DIR] "
                    "[--near J] [--min-precision P] [--min-recall R] [--min-f1 F]\n");
    return 2;
}
