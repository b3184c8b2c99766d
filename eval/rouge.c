/* eval/rouge.c — a standalone ROUGE scorer for storyfold's summary evaluation.
 *
 * Owns: ROUGE-1, ROUGE-2 and ROUGE-SU4 (recall, precision, F) of one peer summary
 * against its reference (model) summaries, and a batch mode that scores many topics
 * and prints the average over topics, computed the way ROUGE-1.5.5.pl does with
 * `-n 2 -2 4 -u -m -l 100 -f A -p 0.5 -a` (SPL input: one sentence a line).
 * It does not own ROUGE-L/W/BE, stopword removal or byte limits.
 *
 *   rouge [--words N] [--stem] [--exceptions PATH] [--alpha A] PEER REF...
 *   rouge [--words N] [--stem] [--exceptions PATH] [--resamples R] --batch LIST
 *
 * LIST lines: TOPIC<TAB>PEER<TAB>REF1<TAB>REF2... ('#' lines and blank lines skipped).
 * Scores are printed as fractions (0..1) with five decimals, as ROUGE prints them.
 *
 * ROUGE-1.5.5 behaviours replicated, each checked against ROUGE-1.5.5.pl itself
 * (the v1.5.5 script, 05/26/2005; subroutine names given):
 *  1. Input is read as SPL: each line a sentence, the trailing "\n" removed (chomp, so a
 *     "\r" stays), empty lines dropped, ASCII A-Z lowercased (tr/A-Z/a-z/) [readText].
 *  2. The -l word limit is applied BEFORE tokenization, to peers and references alike,
 *     counting whitespace-separated raw words (punctuation-only words such as "_" or
 *     "``" count) with Perl split /\s+/ semantics (a line starting with whitespace
 *     yields a leading empty word that counts). Whole lines are taken while the running
 *     count plus the line's count is < N; the line that reaches N is cut to its first
 *     N - count words and reading stops [readText, lengthLimit branch].
 *  3. The kept lines are joined with single spaces into one text, so n-grams and
 *     skip-bigrams DO cross sentence (line) boundaries; only ROUGE-L works per line
 *     [readText joins; readText_LCS keeps lines; createNGram splits the joined text].
 *  4. Tokenization: '-' becomes " - ", then every character outside [A-Za-z0-9-] becomes
 *     a space (so "u.s." -> "u s", "hun's" -> "hun s", non-ASCII bytes -> spaces); tokens
 *     are whitespace-separated and only tokens starting with [a-z0-9$] are kept, which
 *     drops the "-" tokens. Net effect: tokens are the maximal runs of [a-z0-9]
 *     [readText substitutions; createNGram / createSkipBigram /^[a-z0-9\$]/].
 *  5. -m stems only tokens longer than 3 characters; a token found in the WordNet
 *     exception table (WordNet-2.0.exc.db: inflected form -> first base form listed,
 *     built by buildExceptionDB.pl from *.exc, later files overwriting) is replaced by
 *     that base form, otherwise by the original Porter (1980) stem [MorphStem]. The
 *     Porter stem here is Snowball's "porter" (the original algorithm); the exception
 *     table is read from WordNet *.exc files (--exceptions; default with --stem:
 *     /usr/share/wordnet from Debian's wordnet-base, WordNet 3.0 — 2.0's lists are not
 *     packaged). Without it ROUGE-1 reads 0.3-0.4 points low on DUC 2004 (e.g.
 *     "said" -> "say" is an exception, not a Porter stem); with it the published
 *     figures are matched within 0.03 (see eval/summary.sh).
 *  6. ROUGE-N counts every n-gram of the token sequence; the count is the number of
 *     n-grams [createNGram]. Hits are clipped: sum over the reference's n-grams of
 *     min(peer count, reference count) [ngramScore].
 *  7. ROUGE-SU4 (-2 4 -u; -U computes the same SU4 plus plain S4): for each position i
 *     from the first to the SECOND-TO-LAST token, the unigram at i plus the pairs (i, j)
 *     for i < j <= i + 5 (at most 4 words skipped). The last token contributes no
 *     unigram of its own (loop `$i < $#m_tokens`), and a one-token text has no SU4
 *     grams at all [createSkipBigram; main loop sets $opt_u for -U].
 *  8. -f A ("model average") is NOT a mean of per-reference scores: hits, reference
 *     gram counts and peer gram counts are summed over the references, then
 *     R = sum hits / sum reference counts, P = sum hits / (peer count x references)
 *     [computeNGramScore, computeSkipBigramScore, $scoreMode eq "A"].
 *  9. Each topic's R and P are rounded to 5 decimals (sprintf "%7.5f"); F is
 *     P*R / ((1-alpha)*P + alpha*R) of the ROUNDED P and R, alpha = 0.5, then rounded
 *     [computeNGramScore]. A topic with no reference grams scores 0.
 * 10. -a prints, per system, the average over topics (-t 0: each topic weighs the
 *     same). The printed Average_R/P/F is the mean of the -r bootstrap samples, not the
 *     plain mean: sample k (k = 0..R-1) seeds Perl's rand with srand(k) and draws
 *     n topics with int(rand(n)) from the topics sorted by "evalID.peerID"; the
 *     average of the R sample means is printed with "%7.5f" [computeAverages,
 *     bootstrapResampling]. Perl's rand is drand48 (srand48-style seeding), which is
 *     reimplemented below, so --resamples 1000 reproduces that figure; --resamples 0
 *     gives the plain mean. Both are printed in batch mode.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <libstemmer.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { M_R1, M_R2, M_SU4, NMETRIC };
static const char *const metric_name[NMETRIC] = {"ROUGE-1", "ROUGE-2", "ROUGE-SU4"};

#define SKIP_DISTANCE 4      /* -2 4 */
#define UNI_MARK 0xffffffffu /* second half of a unigram key */
/* WordNet 3.0 exception lists from Debian's wordnet-base: the closest packaged
 * equivalent of ROUGE's WordNet-2.0.exc.db */
#define DEFAULT_EXC_DIR "/usr/share/wordnet"

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("rouge: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("rouge: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* ---- growable byte buffer ---------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} buf_t;

static void buf_add(buf_t *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = xrealloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* ---- string interning: token string -> id ------------------------------------ */

typedef struct {
    char **str;      /* id -> string */
    int64_t *stem;   /* id -> id of its stemmed form, -1 not yet computed */
    size_t n, ncap;
    uint32_t *slot;  /* open addressing: id + 1, 0 empty */
    size_t nslot;
} intern_t;

static intern_t g_words;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint32_t intern(intern_t *t, const char *s, size_t n)
{
    if (t->n + 1 > t->nslot / 2) {
        size_t nslot = t->nslot ? t->nslot * 2 : 1024;
        uint32_t *slot = xmalloc(nslot * sizeof *slot);
        memset(slot, 0, nslot * sizeof *slot);
        for (size_t i = 0; i < t->n; i++) {
            size_t k = hash_bytes(t->str[i], strlen(t->str[i])) & (nslot - 1);
            while (slot[k])
                k = (k + 1) & (nslot - 1);
            slot[k] = (uint32_t)i + 1;
        }
        free(t->slot);
        t->slot = slot;
        t->nslot = nslot;
    }
    size_t k = hash_bytes(s, n) & (t->nslot - 1);
    while (t->slot[k]) {
        const char *c = t->str[t->slot[k] - 1];
        if (strlen(c) == n && memcmp(c, s, n) == 0)
            return t->slot[k] - 1;
        k = (k + 1) & (t->nslot - 1);
    }
    if (t->n == t->ncap) {
        t->ncap = t->ncap ? t->ncap * 2 : 1024;
        t->str = xrealloc(t->str, t->ncap * sizeof *t->str);
        t->stem = xrealloc(t->stem, t->ncap * sizeof *t->stem);
    }
    t->str[t->n] = xstrndup(s, n);
    t->stem[t->n] = -1;
    t->slot[k] = (uint32_t)t->n + 1;
    return (uint32_t)t->n++;
}

static void intern_free(intern_t *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->str[i]);
    free(t->str);
    free(t->stem);
    free(t->slot);
    memset(t, 0, sizeof *t);
}

/* ---- stemming: WordNet exceptions, then Porter (behaviour 5) ------------------- */

static struct sb_stemmer *g_stemmer;
static int g_stem;
/* exception table: word id -> base form word id (UINT32_MAX none) */
static uint32_t *g_exc;
static size_t g_nexc;

static void exc_set(uint32_t from, uint32_t to)
{
    if (from >= g_nexc) {
        size_t n = g_nexc ? g_nexc : 1024;
        while (n <= from)
            n *= 2;
        g_exc = xrealloc(g_exc, n * sizeof *g_exc);
        for (size_t i = g_nexc; i < n; i++)
            g_exc[i] = UINT32_MAX;
        g_nexc = n;
    }
    g_exc[from] = to;
}

/* The next whitespace-delimited word at *p: sets *w to it, advances *p past it, and
 * returns its length (0 at the end of the string). */
static size_t next_word(const char **p, const char **w)
{
    const char *s = *p;
    while (*s && isspace((unsigned char)*s)) s++;
    *w = s;
    while (*s && !isspace((unsigned char)*s)) s++;
    *p = s;
    return (size_t)(s - *w);
}

static int load_exc_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "rouge: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        /* "inflected base1 base2 ...": the first base wins (buildExceptionDB.pl) */
        const char *p = line, *a, *b;
        size_t alen = next_word(&p, &a), blen = next_word(&p, &b);
        if (alen && blen)
            exc_set(intern(&g_words, a, alen), intern(&g_words, b, blen));
    }
    free(line);
    fclose(f);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* PATH is one exception file, or a directory whose *.exc files are read in name order */
static int load_exceptions(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "rouge: %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return load_exc_file(path);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "rouge: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".exc") == 0) {
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrndup(e->d_name, l);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int rc = n ? 0 : -1;
    if (!n)
        fprintf(stderr, "rouge: %s: no *.exc files\n", path);
    for (size_t i = 0; i < n; i++) {
        buf_t p = {0};
        buf_add(&p, path, strlen(path));
        buf_add(&p, "/", 1);
        buf_add(&p, names[i], strlen(names[i]));
        if (load_exc_file(p.s) != 0)
            rc = -1;
        free(p.s);
        free(names[i]);
    }
    free(names);
    return rc;
}

static uint32_t stem_id(uint32_t id)
{
    if (g_words.stem[id] >= 0)
        return (uint32_t)g_words.stem[id];
    const char *w = g_words.str[id];
    size_t n = strlen(w);
    uint32_t out = id;
    if (n > 3) {
        if (id < g_nexc && g_exc[id] != UINT32_MAX) {
            out = g_exc[id];
        } else {
            const sb_symbol *s = sb_stemmer_stem(g_stemmer, (const sb_symbol *)w, (int)n);
            if (!s) {
                fputs("rouge: out of memory (stemmer)\n", stderr);
                exit(2);
            }
            out = intern(&g_words, (const char *)s, (size_t)sb_stemmer_length(g_stemmer));
        }
    }
    g_words.stem[id] = out; /* intern() may have moved the arrays: index afresh */
    return out;
}

/* ---- reading and truncating a summary (behaviours 1-4) ------------------------ */

static int is_ws(int c)
{
    /* Perl \s without utf8: space \t \n \v \f \r */
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

typedef struct {
    const char *p;
    size_t n;
} span_t;

/* Perl split(/\s+/, $s): a leading empty field when $s starts with whitespace,
 * trailing empty fields dropped. Returns the number of fields; fills f[0..cap). */
static size_t perl_split(const char *s, size_t len, span_t **f, size_t *cap)
{
    size_t n = 0, i = 0;
    for (;;) {
        size_t start = i;
        while (i < len && !is_ws((unsigned char)s[i]))
            i++;
        if (n == *cap) {
            *cap = *cap ? *cap * 2 : 64;
            *f = xrealloc(*f, *cap * sizeof **f);
        }
        (*f)[n].p = s + start;
        (*f)[n].n = i - start;
        n++;
        if (i >= len)
            break;
        while (i < len && is_ws((unsigned char)s[i]))
            i++;
        if (i >= len)
            break;
    }
    while (n > 0 && (*f)[n - 1].n == 0)
        n--;
    return n;
}

/* The text ROUGE's readText builds from a file before tokenization.
 * Returns 0 and sets *out (NUL-terminated, possibly empty), -1 on a read error. */
static int read_text(const char *path, long limit, buf_t *out)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "rouge: %s: %s\n", path, strerror(errno));
        return -1;
    }
    buf_t raw = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&raw, chunk, got);
    int err = ferror(f);
    fclose(f);
    if (err) {
        fprintf(stderr, "rouge: %s: read error\n", path);
        free(raw.s);
        return -1;
    }
    buf_add(&raw, "", 0);
    for (size_t i = 0; i < raw.len; i++)
        if (raw.s[i] >= 'A' && raw.s[i] <= 'Z')
            raw.s[i] = (char)(raw.s[i] - 'A' + 'a');

    out->len = 0;
    buf_add(out, "", 0);
    span_t *fld = NULL;
    size_t fcap = 0;
    long count = 0;
    size_t pos = 0;
    int first = 1;
    while (pos < raw.len) {
        const char *line = raw.s + pos;
        const char *nl = memchr(line, '\n', raw.len - pos);
        size_t llen = nl ? (size_t)(nl - line) : raw.len - pos;
        pos += llen + (nl ? 1 : 0);
        if (llen == 0)
            continue; /* empty lines are not sentences */
        if (limit <= 0) {
            if (!first)
                buf_add(out, " ", 1);
            buf_add(out, line, llen);
            first = 0;
            continue;
        }
        size_t nf = perl_split(line, llen, &fld, &fcap);
        if (count + (long)nf < limit) {
            if (count != 0)
                buf_add(out, " ", 1);
            buf_add(out, line, llen);
            count += (long)nf;
        } else {
            if (count > 0)
                buf_add(out, " ", 1);
            for (long k = 0; k < limit - count; k++) {
                if (k > 0)
                    buf_add(out, " ", 1);
                if ((size_t)k < nf)
                    buf_add(out, fld[k].p, fld[k].n);
            }
            break;
        }
    }
    free(fld);
    free(raw.s);
    return 0;
}

/* tokens of a readText text: maximal [a-z0-9] runs, interned (and stemmed) */
static size_t tokenize(const char *s, uint32_t **tok)
{
    size_t n = 0, cap = 0;
    *tok = NULL;
    for (size_t i = 0; s[i];) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            i++;
            continue;
        }
        size_t j = i;
        while (s[j] && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= '0' && s[j] <= '9')))
            j++;
        uint32_t id = intern(&g_words, s + i, j - i);
        if (g_stem)
            id = stem_id(id);
        if (n == cap) {
            cap = cap ? cap * 2 : 128;
            *tok = xrealloc(*tok, cap * sizeof **tok);
        }
        (*tok)[n++] = id;
        i = j;
    }
    return n;
}

/* ---- gram bags (behaviours 6, 7) ---------------------------------------------- */

typedef struct {
    uint64_t *key; /* sorted, with repeats: a multiset */
    size_t n;
} bag_t;

typedef struct {
    bag_t bag[NMETRIC];
} grams_t;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint64_t key2(uint32_t a, uint32_t b)
{
    return ((uint64_t)a << 32) | b;
}

static int make_grams(const char *path, long limit, grams_t *g)
{
    buf_t text = {0};
    memset(g, 0, sizeof *g);
    if (read_text(path, limit, &text) != 0) {
        free(text.s);
        return -1;
    }
    uint32_t *t;
    size_t n = tokenize(text.s, &t);
    free(text.s);

    g->bag[M_R1].key = xmalloc(n * sizeof(uint64_t));
    for (size_t i = 0; i < n; i++)
        g->bag[M_R1].key[g->bag[M_R1].n++] = key2(t[i], UNI_MARK);

    g->bag[M_R2].key = xmalloc((n ? n - 1 : 0) * sizeof(uint64_t));
    for (size_t i = 0; i + 1 < n; i++)
        g->bag[M_R2].key[g->bag[M_R2].n++] = key2(t[i], t[i + 1]);

    g->bag[M_SU4].key = xmalloc(n * (SKIP_DISTANCE + 2) * sizeof(uint64_t));
    for (size_t i = 0; i + 1 < n; i++) { /* not the last token: `$i < $#m_tokens` */
        g->bag[M_SU4].key[g->bag[M_SU4].n++] = key2(t[i], UNI_MARK);
        for (size_t j = i + 1; j < n && j <= i + SKIP_DISTANCE + 1; j++)
            g->bag[M_SU4].key[g->bag[M_SU4].n++] = key2(t[i], t[j]);
    }
    free(t);
    for (int m = 0; m < NMETRIC; m++)
        qsort(g->bag[m].key, g->bag[m].n, sizeof(uint64_t), cmp_u64);
    return 0;
}

static void grams_free(grams_t *g)
{
    for (int m = 0; m < NMETRIC; m++)
        free(g->bag[m].key);
}

/* clipped matches: sum over distinct grams of min(count in a, count in b) */
static size_t clipped_hits(const bag_t *a, const bag_t *b)
{
    size_t i = 0, j = 0, hit = 0;
    while (i < a->n && j < b->n) {
        if (a->key[i] < b->key[j]) {
            i++;
        } else if (a->key[i] > b->key[j]) {
            j++;
        } else {
            uint64_t k = a->key[i];
            size_t ca = 0, cb = 0;
            while (i < a->n && a->key[i] == k)
                i++, ca++;
            while (j < b->n && b->key[j] == k)
                j++, cb++;
            hit += ca < cb ? ca : cb;
        }
    }
    return hit;
}

/* ---- scoring (behaviours 8, 9) -------------------------------------------------- */

typedef struct {
    double r, p, f;
} prf_t;

static double round5(double x)
{
    char s[64];
    snprintf(s, sizeof s, "%7.5f", x); /* as Perl's sprintf("%7.5f") */
    return strtod(s, NULL);
}

static double g_alpha = 0.5;

static prf_t prf_of(size_t hit, size_t model_count, size_t peer_count)
{
    prf_t s;
    s.r = model_count ? round5((double)hit / (double)model_count) : 0.0;
    s.p = peer_count ? round5((double)hit / (double)peer_count) : 0.0;
    double d = (1 - g_alpha) * s.p + g_alpha * s.r;
    s.f = d > 0 ? round5(s.p * s.r / d) : 0.0;
    return s;
}

/* one evaluation: peer against its references, -f A */
static int score_eval(const char *peer, char *const *refs, size_t nrefs, long limit,
                      prf_t out[NMETRIC])
{
    grams_t pg;
    if (make_grams(peer, limit, &pg) != 0) {
        grams_free(&pg);
        return -1;
    }
    size_t hit[NMETRIC] = {0}, mc[NMETRIC] = {0}, pc[NMETRIC] = {0};
    int rc = 0;
    for (size_t k = 0; k < nrefs; k++) {
        grams_t mg;
        if (make_grams(refs[k], limit, &mg) != 0) {
            grams_free(&mg);
            rc = -1;
            break;
        }
        for (int m = 0; m < NMETRIC; m++) {
            hit[m] += clipped_hits(&mg.bag[m], &pg.bag[m]);
            mc[m] += mg.bag[m].n;
            pc[m] += pg.bag[m].n;
        }
        grams_free(&mg);
    }
    grams_free(&pg);
    for (int m = 0; m < NMETRIC; m++)
        out[m] = prf_of(hit[m], mc[m], pc[m]);
    return rc;
}

/* ---- averaging over topics (behaviour 10) --------------------------------------- */

/* Perl's rand(): 48-bit linear congruential generator (drand48), srand(s) seeding */
typedef struct {
    uint64_t x;
} lcg48_t;

static void lcg48_seed(lcg48_t *g, uint32_t seed)
{
    g->x = (((uint64_t)seed << 16) | 0x330eu) & 0xffffffffffffull;
}

static double lcg48_next(lcg48_t *g)
{
    g->x = (g->x * 0x5deece66dull + 0xbu) & 0xffffffffffffull;
    return (double)g->x / 281474976710656.0; /* 2^48 */
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* v[0..n) per-topic values, in ROUGE's instance order; the printed Average */
static double rouge_average(const double *v, size_t n, long resamples)
{
    if (n == 0)
        return 0.0;
    if (resamples <= 0) {
        double s = 0;
        for (size_t i = 0; i < n; i++)
            s += v[i];
        return round5(s / (double)n);
    }
    double *sample = xmalloc((size_t)resamples * sizeof *sample);
    for (long k = 0; k < resamples; k++) {
        lcg48_t g;
        lcg48_seed(&g, (uint32_t)k);
        double s = 0;
        for (size_t i = 0; i < n; i++) {
            size_t r = (size_t)(lcg48_next(&g) * (double)n);
            s += v[r < n ? r : n - 1];
        }
        sample[k] = s / (double)n;
    }
    qsort(sample, (size_t)resamples, sizeof *sample, cmp_double);
    double s = 0;
    for (long k = 0; k < resamples; k++)
        s += sample[k];
    free(sample);
    return round5(s / (double)resamples);
}

typedef struct {
    char *topic;
    char *peer;
    char **refs;
    size_t nrefs;
    prf_t score[NMETRIC];
} eval_t;

static int cmp_eval(const void *a, const void *b)
{
    return strcmp(((const eval_t *)a)->topic, ((const eval_t *)b)->topic);
}

static void print_row(const char *label, const prf_t s[NMETRIC])
{
    printf("%-12s", label);
    for (int m = 0; m < NMETRIC; m++)
        printf(" %.5f %.5f %.5f", s[m].r, s[m].p, s[m].f);
    putchar('\n');
}

static int run_batch(const char *list, long limit, long resamples)
{
    FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!f) {
        fprintf(stderr, "rouge: %s: %s\n", list, strerror(errno));
        return 2;
    }
    eval_t *ev = NULL;
    size_t nev = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    long lineno = 0;
    int rc = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        if (got == 0 || line[0] == '#')
            continue;
        char *fields[4096];
        size_t nf = 0;
        char *save = NULL;
        for (char *tok = strtok_r(line, "\t", &save); tok && nf < 4096;
             tok = strtok_r(NULL, "\t", &save))
            fields[nf++] = tok;
        if (nf < 3) {
            fprintf(stderr, "rouge: %s:%ld: need TOPIC<TAB>PEER<TAB>REF...\n", list, lineno);
            rc = 2;
            continue;
        }
        ev = xrealloc(ev, (nev + 1) * sizeof *ev);
        eval_t *e = &ev[nev++];
        memset(e, 0, sizeof *e);
        e->topic = xstrndup(fields[0], strlen(fields[0]));
        e->peer = xstrndup(fields[1], strlen(fields[1]));
        e->nrefs = nf - 2;
        e->refs = xmalloc(e->nrefs * sizeof *e->refs);
        for (size_t k = 0; k < e->nrefs; k++)
            e->refs[k] = xstrndup(fields[k + 2], strlen(fields[k + 2]));
    }
    free(line);
    if (f != stdin)
        fclose(f);

    /* ROUGE orders instances by "evalID.peerID"; one peer here, so by topic */
    if (nev)
        qsort(ev, nev, sizeof *ev, cmp_eval);
    printf("%-12s", "#topic");
    for (int m = 0; m < NMETRIC; m++)
        printf(" %s-R %s-P %s-F", metric_name[m] + 6, metric_name[m] + 6,
               metric_name[m] + 6);
    putchar('\n');
    for (size_t i = 0; i < nev; i++) {
        if (score_eval(ev[i].peer, ev[i].refs, ev[i].nrefs, limit, ev[i].score) != 0) {
            rc = 2;
            continue;
        }
        print_row(ev[i].topic, ev[i].score);
    }
    if (rc == 0 && nev) {
        double *v = xmalloc(nev * sizeof *v);
        prf_t avg[NMETRIC], mean[NMETRIC];
        for (int m = 0; m < NMETRIC; m++) {
            for (int c = 0; c < 3; c++) {
                for (size_t i = 0; i < nev; i++)
                    v[i] = c == 0 ? ev[i].score[m].r : c == 1 ? ev[i].score[m].p
                                                              : ev[i].score[m].f;
                double a = rouge_average(v, nev, resamples);
                double b = rouge_average(v, nev, 0);
                if (c == 0)
                    avg[m].r = a, mean[m].r = b;
                else if (c == 1)
                    avg[m].p = a, mean[m].p = b;
                else
                    avg[m].f = a, mean[m].f = b;
            }
        }
        free(v);
        print_row("average", avg);
        print_row("mean", mean);
    }
    for (size_t i = 0; i < nev; i++) {
        free(ev[i].topic);
        free(ev[i].peer);
        for (size_t k = 0; k < ev[i].nrefs; k++)
            free(ev[i].refs[k]);
        free(ev[i].refs);
    }
    free(ev);
    return rc;
}

static void usage(FILE *out)
{
    fputs("usage: rouge [--words N] [--stem] [--exceptions PATH] [--alpha A] PEER REF...\n"
          "       rouge [--words N] [--stem] [--exceptions PATH] [--resamples R] --batch LIST\n"
          "\n"
          "ROUGE-1, ROUGE-2 and ROUGE-SU4 as ROUGE-1.5.5 computes them with\n"
          "-n 2 -2 4 -u -f A -p 0.5 -a (add --words 100 --stem for -l 100 -m).\n"
          "  --words N        keep the first N words of every summary (ROUGE -l N)\n"
          "  --stem           Porter-stem tokens longer than 3 characters (ROUGE -m)\n"
          "  --exceptions P   WordNet exception list(s) (a *.exc file, or a directory of\n"
          "                   them) consulted before Porter, as ROUGE's WordNet-2.0.exc.db;\n"
          "                   default with --stem: " DEFAULT_EXC_DIR " (wordnet-base) if\n"
          "                   present; 'none' for Porter only\n"
          "  --alpha A        F-measure weight (ROUGE -p, default 0.5)\n"
          "  --batch LIST     lines TOPIC<TAB>PEER<TAB>REF1<TAB>REF2...; prints each topic\n"
          "                   and the average over topics ('average': ROUGE's bootstrap\n"
          "                   mean; 'mean': the plain mean)\n"
          "  --resamples R    bootstrap samples for 'average' (ROUGE -r, default 1000)\n"
          "Batch columns: topic, then R P F for ROUGE-1, ROUGE-2, ROUGE-SU4 (fractions).\n",
          out);
}

int main(int argc, char **argv)
{
    long limit = 0, resamples = 1000;
    const char *batch = NULL, *exc = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        char *end;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--stem") == 0) {
            g_stem = 1;
        } else if (strcmp(a, "--words") == 0 && i + 1 < argc) {
            limit = strtol(argv[++i], &end, 10);
            if (*end || limit < 0) {
                fprintf(stderr, "rouge: bad --words value: %s\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--resamples") == 0 && i + 1 < argc) {
            resamples = strtol(argv[++i], &end, 10);
            if (*end || resamples < 0 || resamples > 1000000) {
                fprintf(stderr, "rouge: bad --resamples value: %s\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--alpha") == 0 && i + 1 < argc) {
            g_alpha = strtod(argv[++i], &end);
            if (*end || !(g_alpha >= 0 && g_alpha <= 1)) {
                fprintf(stderr, "rouge: bad --alpha value: %s\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--batch") == 0 && i + 1 < argc) {
            batch = argv[++i];
        } else if (strcmp(a, "--exceptions") == 0 && i + 1 < argc) {
            exc = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "rouge: unknown or incomplete option: %s\n", a);
            usage(stderr);
            return 2;
        } else {
            break;
        }
    }
    if (batch ? i != argc : argc - i < 2) {
        usage(stderr);
        return 2;
    }
    if (g_stem) {
        g_stemmer = sb_stemmer_new("porter", NULL);
        if (!g_stemmer) {
            fputs("rouge: libstemmer has no \"porter\" stemmer\n", stderr);
            return 2;
        }
    }
    int rc = 0;
    if (g_stem && !exc) {
        struct stat st;
        if (stat(DEFAULT_EXC_DIR, &st) == 0 && S_ISDIR(st.st_mode))
            exc = DEFAULT_EXC_DIR;
        else
            fputs("rouge: warning: no WordNet exception list (" DEFAULT_EXC_DIR
                  ", Debian package wordnet-base); --stem is then Porter only and ROUGE-1\n"
                  "rouge: warning: reads about 0.3 points below ROUGE-1.5.5 -m\n",
                  stderr);
    }
    if (exc && strcmp(exc, "none") == 0)
        exc = NULL;
    if (g_stem && exc && load_exceptions(exc) != 0)
        rc = 2;
    else if (batch) {
        rc = run_batch(batch, limit, resamples);
    } else {
        prf_t s[NMETRIC];
        if (score_eval(argv[i], argv + i + 1, (size_t)(argc - i - 1), limit, s) != 0) {
            rc = 2;
        } else {
            for (int m = 0; m < NMETRIC; m++)
                printf("%-10s R %.5f  P %.5f  F %.5f\n", metric_name[m], s[m].r, s[m].p,
                       s[m].f);
        }
    }
    if (g_stemmer)
        sb_stemmer_delete(g_stemmer);
    free(g_exc);
    intern_free(&g_words);
    return rc;
}
