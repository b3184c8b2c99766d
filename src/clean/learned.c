/* learned.c — boilerplate learned per source (learned.h): for each (source, normalized
 * line) the documents and the distinct events it appeared in, and the lines marked once
 * both reach their thresholds; applying the marked lines to a document.
 *
 * A line seen in one document only (almost every line) is held packed in the map's
 * value: its event and document number. A line seen twice becomes a learned_line in
 * `lines`, the map's value then being -(index + 1). Deterministic for a given input
 * order: nothing depends on addresses or timing. */
#include "clean/learned.h"

#include "core/hmap.h"
#include "core/mem.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct src {
    char *name;
    int64_t docs; /* documents of this source counted */
    int dirty;
} src;

typedef struct cand {
    learned_line l;
    int dirty; /* listed in learned.dirty since the last save */
} cand;

struct learned {
    hmap map; /* key -> packed single sighting (>= 0) or -(index into lines + 1) */
    cand *lines;
    size_t n_lines, cap_lines;
    uint64_t *dirty; /* keys changed since the last save (a key may repeat) */
    size_t n_dirty, cap_dirty;
    size_t n_marked;
    struct once { /* lines seen once, in order of their document (a queue from head) */
        uint64_t key;
        int64_t number;
    } * once;
    size_t head_once, n_once, cap_once;
    int64_t evicted; /* highest `oldest` given to learned_evict */
    hmap src_of;     /* source key -> index into srcs */
    src *srcs;
    size_t n_srcs, cap_srcs;
};

learned *learned_new(void)
{
    return sf_xcalloc(1, sizeof(learned));
}

void learned_free(learned *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->n_lines; i++) {
        free(l->lines[i].l.source);
        free(l->lines[i].l.text);
    }
    free(l->lines);
    free(l->dirty);
    free(l->once);
    for (size_t i = 0; i < l->n_srcs; i++) free(l->srcs[i].name);
    free(l->srcs);
    hmap_free(&l->src_of);
    hmap_free(&l->map);
    free(l);
}

/* ---- lines and keys ----------------------------------------------------------------- */

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The next line of text at *pos: its bytes without surrounding blanks in [*s, *e);
 * *pos moves past its newline. 0 at the end. */
static int next_line(const char *t, size_t len, size_t *pos, size_t *s, size_t *e)
{
    if (*pos >= len) return 0;
    const char *nl = memchr(t + *pos, '\n', len - *pos);
    size_t end = nl ? (size_t)(nl - t) : len, b = *pos;
    *pos = end + 1;
    while (b < end && blank(t[b])) b++;
    while (end > b && blank(t[end - 1])) end--;
    *s = b;
    *e = end;
    return 1;
}

/* Whether a line t[s, e) (not blank) closes a sentence or a heading: ends with . ! ? : ;
 * a closing bracket, or a closing quote not after a comma. */
static int closes(const char *t, size_t s, size_t e)
{
    unsigned char c = (unsigned char)t[e - 1];
    size_t q = 0; /* the closing quote's length */
    if (c == '"' || c == '\'')
        q = 1;
    else if (e - s >= 3 && memcmp(t + e - 3, "\xE2\x80\x9D", 3) == 0) /* ” */
        q = 3;
    if (q) return e - s > q && t[e - q - 1] != ','; /* "... expected," goes on */
    return strchr(".!?:;)]", c) != NULL;
}

/* The lines of doc that are counted and marked, into *out (malloc'd; the count is
 * returned): non-blank lines that stand as a unit of their own, that is, begin after a
 * blank line, the start or a line that closes a sentence, and end before a blank line
 * or the end or close a sentence themselves, and do not begin in lowercase. A
 * hard-wrapped line in the middle of a sentence ("said." after "... the company") is
 * never counted, however often it recurs. */
static size_t unit_lines(const sf_doc *doc, sf_span **out)
{
    const char *t = doc->text;
    size_t pos = 0, s, e, n = 0, cap = 0;
    int have = 0;        /* cur is a line that began as a unit */
    int prev_closes = 1; /* the line before the next one is blank, absent or closes */
    sf_span cur = {0, 0};
    *out = NULL;
    for (;;) {
        int more = next_line(t, doc->len, &pos, &s, &e);
        int next_blank = !more || s == e;
        if (have && (next_blank || closes(t, cur.start, cur.end))) {
            SF_GROW(*out, cap, n + 1);
            (*out)[n++] = cur;
        }
        if (!more) break;
        /* a line beginning in lowercase goes on with a sentence ("he said.") */
        have = !next_blank && prev_closes && !(t[s] >= 'a' && t[s] <= 'z');
        cur = (sf_span){(uint32_t)s, (uint32_t)e};
        prev_closes = next_blank || closes(t, s, e);
    }
    return n;
}

static int has_source(const char *source)
{
    return source && source[0];
}

uint64_t learned_key(const char *source, const char *line, size_t n)
{
    char buf[LEARNED_LINE_MAX];
    size_t m = 0;
    int letter = 0, space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)line[i];
        if (blank((char)c) || c == '\n') {
            space = m > 0;
            continue;
        }
        if (space) {
            if (m == sizeof buf) return 0;
            buf[m++] = ' ';
            space = 0;
        }
        if (c >= 'A' && c <= 'Z') c += 32;
        if ((c >= 'a' && c <= 'z') || c >= 0x80) letter = 1;
        if (m == sizeof buf) return 0;
        buf[m++] = (char)c;
    }
    if (!letter) return 0;
    uint64_t seed = has_source(source) ? XXH3_64bits(source, strlen(source)) : 0x5eed;
    uint64_t k = XXH3_64bits_withSeed(buf, m, seed);
    return k ? k : 1;
}

/* ---- counting ----------------------------------------------------------------------- */

static uint64_t source_key(const char *source)
{
    uint64_t k = XXH3_64bits_withSeed(source, strlen(source), 0x50);
    return k ? k : 1;
}

/* The counts of a source ("" for the pool of documents without one), added when new. */
static src *source_of(learned *l, const char *source)
{
    if (!source) source = "";
    int64_t *slot = hmap_put(&l->src_of, source_key(source), -1);
    if (*slot < 0) {
        SF_GROW(l->srcs, l->cap_srcs, l->n_srcs + 1);
        l->srcs[l->n_srcs] = (src){sf_xstrdup(source), 0, 0};
        *slot = (int64_t)l->n_srcs++;
    }
    return &l->srcs[*slot];
}

static int64_t source_docs(const learned *l, const char *source)
{
    if (!source) source = "";
    const int64_t *v = hmap_get(&l->src_of, source_key(source));
    return v ? l->srcs[*v].docs : 0;
}

/* A single sighting packed into a map value: event (31 bits) and document number (32). */
static int packable(int64_t number, int64_t event)
{
    return number >= 0 && number <= (int64_t)UINT32_MAX && event >= 0 && event < (1LL << 31);
}

static int64_t pack(int64_t number, int64_t event)
{
    return (int64_t)(((uint64_t)event << 32) | (uint64_t)number);
}

static void push_dirty(learned *l, uint64_t key)
{
    SF_GROW(l->dirty, l->cap_dirty, l->n_dirty + 1);
    l->dirty[l->n_dirty++] = key;
}

static void push_once(learned *l, uint64_t key, int64_t number)
{
    if (l->head_once && l->head_once * 2 >= l->n_once) { /* reclaim the popped half */
        memmove(l->once, l->once + l->head_once, (l->n_once - l->head_once) * sizeof *l->once);
        l->n_once -= l->head_once;
        l->head_once = 0;
    }
    SF_GROW(l->once, l->cap_once, l->n_once + 1);
    l->once[l->n_once++] = (struct once){key, number};
}

void learned_evict(learned *l, int64_t oldest)
{
    if (oldest > l->evicted) l->evicted = oldest;
    while (l->head_once < l->n_once && l->once[l->head_once].number <= oldest) {
        const struct once *o = &l->once[l->head_once++];
        const int64_t *v = hmap_get(&l->map, o->key);
        /* still that single sighting (not seen again, not reloaded) */
        if (v && *v >= 0 && (int64_t)(uint32_t)*v == o->number) hmap_del(&l->map, o->key);
    }
}

int64_t learned_evicted(const learned *l)
{
    return l->evicted;
}

static cand *new_cand(learned *l, uint64_t key, int64_t *slot)
{
    SF_GROW(l->lines, l->cap_lines, l->n_lines + 1);
    cand *c = &l->lines[l->n_lines++];
    memset(c, 0, sizeof *c);
    c->l.key = key;
    *slot = -(int64_t)l->n_lines;
    return c;
}

static void add_event(learned_line *ln, int64_t event)
{
    for (uint32_t i = 0; i < ln->n_ev; i++)
        if (ln->ev[i] == event) return;
    if (ln->n_ev < LEARNED_EV_MAX) ln->ev[ln->n_ev++] = event;
}

static void check_marked(learned *l, learned_line *ln)
{
    if (ln->marked) return;
    int anon = !has_source(ln->source);
    if (ln->docs >= (anon ? LEARNED_DOCS_ANON : LEARNED_DOCS) &&
        ln->n_ev >= (anon ? LEARNED_EVENTS_ANON : LEARNED_EVENTS) &&
        (int64_t)ln->docs * (anon ? 1000 : 100) >=
            (anon ? LEARNED_SHARE_ANON_PERMIL : LEARNED_SHARE_PCT) * source_docs(l, ln->source)) {
        ln->marked = 1;
        l->n_marked++;
    }
}

/* One more document (number, event) for the line t[s, e) of key. */
static void sighting(learned *l, uint64_t key, const char *source, const char *t, size_t s,
                     size_t e, int64_t number, int64_t event)
{
    int64_t *slot = hmap_put(&l->map, key, INT64_MIN);
    cand *c;
    if (*slot == INT64_MIN) { /* first sighting */
        if (packable(number, event)) {
            *slot = pack(number, event);
            push_dirty(l, key);
            push_once(l, key, number);
            return;
        }
        c = new_cand(l, key, slot);
    } else if (*slot >= 0) { /* second sighting: becomes a learned_line */
        int64_t first_doc = (int64_t)(uint32_t)*slot, first_ev = *slot >> 32;
        if (first_doc == number) return; /* twice in one document */
        c = new_cand(l, key, slot);
        c->l.docs = 1;
        c->l.ev[0] = first_ev;
        c->l.n_ev = 1;
    } else {
        c = &l->lines[-*slot - 1];
        if (c->l.last_doc == number) return;
    }
    learned_line *ln = &c->l;
    if (!ln->text && ln->docs) { /* keep what it says once it repeats */
        ln->text = sf_xstrndup(t + s, e - s);
        ln->source = has_source(source) ? sf_xstrdup(source) : NULL;
    }
    ln->docs++;
    add_event(ln, event);
    ln->last_doc = number;
    check_marked(l, ln);
    if (!c->dirty) {
        c->dirty = 1;
        push_dirty(l, key);
    }
}

void learned_observe(learned *l, const sf_doc *doc, int64_t number, int64_t event)
{
    src *sr = source_of(l, has_source(doc->source) ? doc->source : NULL);
    sr->docs++;
    sr->dirty = 1;
    sf_span *u;
    size_t n = unit_lines(doc, &u);
    for (size_t i = 0; i < n; i++) {
        uint64_t key = learned_key(doc->source, doc->text + u[i].start, u[i].end - u[i].start);
        if (key) sighting(l, key, doc->source, doc->text, u[i].start, u[i].end, number, event);
    }
    free(u);
}

static const learned_line *find(const learned *l, uint64_t key)
{
    const int64_t *v = hmap_get(&l->map, key);
    return v && *v < 0 ? &l->lines[-*v - 1].l : NULL;
}

/* ---- applying ----------------------------------------------------------------------- */

static int span_cmp(const void *a, const void *b)
{
    const sf_span *x = a, *y = b;
    return x->start < y->start   ? -1
           : x->start > y->start ? 1
                                 : (x->end > y->end) - (x->end < y->end);
}

/* Add ranges r[0..n) to doc->boilerplate, kept sorted with overlaps merged. */
static void merge_ranges(sf_doc *doc, const sf_span *r, size_t n)
{
    if (!n) return;
    size_t total = doc->n_boilerplate + n;
    sf_span *all = sf_xmalloc(total * sizeof *all);
    if (doc->n_boilerplate) memcpy(all, doc->boilerplate, doc->n_boilerplate * sizeof *all);
    memcpy(all + doc->n_boilerplate, r, n * sizeof *all);
    qsort(all, total, sizeof *all, span_cmp);
    size_t k = 0;
    for (size_t i = 0; i < total; i++) {
        if (k && all[i].start <= all[k - 1].end) {
            if (all[i].end > all[k - 1].end) all[k - 1].end = all[i].end;
        } else {
            all[k++] = all[i];
        }
    }
    free(doc->boilerplate);
    doc->boilerplate = all;
    doc->n_boilerplate = k;
}

/* Drop the items (arrays of structs whose first member is uint32_t start) that begin in
 * a boilerplate sentence. */
#define DROP_IN_BOILERPLATE(doc, arr, n)                                                           \
    do {                                                                                           \
        size_t k_ = 0;                                                                             \
        for (size_t i_ = 0; i_ < (n); i_++)                                                        \
            if (!sf_doc_in_boilerplate((doc), (arr)[i_].start)) (arr)[k_++] = (arr)[i_];           \
        (n) = k_;                                                                                  \
    } while (0)

size_t learned_apply(const learned *l, sf_doc *doc)
{
    if (!l || !l->n_marked || !doc->text) return 0;
    sf_span *r;
    size_t nu = unit_lines(doc, &r), n = 0;
    for (size_t i = 0; i < nu; i++) {
        const learned_line *ln =
            find(l, learned_key(doc->source, doc->text + r[i].start, r[i].end - r[i].start));
        if (ln && ln->marked) r[n++] = r[i];
    }
    if (!n) {
        free(r);
        return 0;
    }
    /* sentences at least half inside marked lines (a sign-off line is a sentence of its
     * own; a hard-wrapped line that happens to repeat does not take its sentence) */
    size_t j = 0;
    for (size_t i = 0; i < doc->n_sents; i++) {
        sf_sentence *st = &doc->sents[i];
        while (j < n && r[j].end <= st->start) j++;
        if (st->boilerplate) continue;
        uint64_t in = 0;
        for (size_t k = j; k < n && r[k].start < st->end; k++) {
            uint32_t a = r[k].start > st->start ? r[k].start : st->start;
            uint32_t b = r[k].end < st->end ? r[k].end : st->end;
            if (b > a) in += b - a;
        }
        if (2 * in >= (uint64_t)(st->end - st->start)) st->boilerplate = 1;
    }
    merge_ranges(doc, r, n);
    free(r);
    DROP_IN_BOILERPLATE(doc, doc->nums, doc->n_nums);
    DROP_IN_BOILERPLATE(doc, doc->timexes, doc->n_timexes);
    DROP_IN_BOILERPLATE(doc, doc->quotes, doc->n_quotes);
    return n;
}

/* ---- persistence -------------------------------------------------------------------- */

size_t learned_n_dirty(const learned *l)
{
    return l->n_dirty;
}

int learned_dirty_line(const learned *l, size_t i, learned_line *out)
{
    uint64_t key = l->dirty[i];
    const int64_t *v = hmap_get(&l->map, key);
    if (!v) return 0; /* forgotten since */
    if (*v < 0) {
        *out = l->lines[-*v - 1].l;
        return 1;
    }
    memset(out, 0, sizeof *out);
    out->key = key;
    out->docs = 1;
    out->n_ev = 1;
    out->ev[0] = *v >> 32;
    out->last_doc = (int64_t)(uint32_t)*v;
    return 1;
}

size_t learned_n_sources(const learned *l)
{
    return l->n_srcs;
}

int learned_source(const learned *l, size_t i, const char **name, int64_t *docs)
{
    *name = l->srcs[i].name;
    *docs = l->srcs[i].docs;
    return l->srcs[i].dirty;
}

void learned_load_source(learned *l, const char *name, int64_t docs)
{
    source_of(l, name)->docs = docs;
}

void learned_saved(learned *l)
{
    for (size_t i = 0; i < l->n_srcs; i++) l->srcs[i].dirty = 0;
    for (size_t i = 0; i < l->n_dirty; i++) {
        const int64_t *v = hmap_get(&l->map, l->dirty[i]);
        if (v && *v < 0) l->lines[-*v - 1].dirty = 0;
    }
    l->n_dirty = 0;
}

void learned_load(learned *l, const learned_line *line)
{
    int64_t *slot = hmap_put(&l->map, line->key, INT64_MIN);
    if (*slot != INT64_MIN) return; /* stored once per key */
    if (line->docs <= 1 && line->n_ev == 1 && packable(line->last_doc, line->ev[0])) {
        *slot = pack(line->last_doc, line->ev[0]);
        push_once(l, line->key, line->last_doc);
        return;
    }
    cand *c = new_cand(l, line->key, slot);
    c->l = *line;
    if (c->l.n_ev > LEARNED_EV_MAX) c->l.n_ev = LEARNED_EV_MAX;
    c->l.source = line->source ? sf_xstrdup(line->source) : NULL;
    c->l.text = line->text ? sf_xstrdup(line->text) : NULL;
    if (c->l.marked) l->n_marked++;
}

size_t learned_n_marked(const learned *l)
{
    return l->n_marked;
}
