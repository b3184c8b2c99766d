/* quotes-score.c — the scorer of eval/quotes.sh: direct quotations and their speakers
 * against PolNeAR's brat attributions (Source / Cue / Content spans, relations).
 *
 *   quotes-score texts SPLITDIR          JSON Lines {"id","text"}, one per article of
 *                                        SPLITDIR/text (name order), for storyfold extract
 *   quotes-score score SPLITDIR PRED     figures for PRED (extract's output on those lines)
 *
 * Gold: for each article, the .ann of its first annotator in name order (articles
 * annotated by several carry one consistent reading, as the singly annotated rest).
 * brat offsets count code points; they are converted to bytes. A gold direct quote is a
 * Content annotation whose first fragment starts with a quotation mark; its Source is the
 * Source of the attribution relation naming it (none for "Attribution-no-source").
 * Predicted: quotes of kind "direct"; the parts of one utterance ("A," he said, "B." or
 * "A," he said. "B.": the same speaker span, the first with a cue, less than 200 bytes
 * and no line break apart) form one predicted quote, as the gold's fragments do.
 * Spans are compared as byte sets, each range trimmed of whitespace, quotation marks and
 * , . ; : at both ends (both sides alike). A gold and a predicted quote match when their
 * overlap is at least half of the longer of the two; matching is one-to-one, greedy by
 * overlap. Then, so that splitting conventions cost nothing either way, the quotes left
 * over on both sides are taken apart (gold fragments, predicted parts) and the parts are
 * matched the same way; a left-over quote counts as found (gold) or right (predicted)
 * when at least half of its bytes lie in matched parts. P = right predicted / predicted,
 * R = found gold / gold.
 * Speaker accuracy, over found gold quotes that have a Source: right when the speaker of
 * the matched predicted quote (its part overlapping most) overlaps the head word of the
 * gold Source (the last word before its first comma, parenthesis or postmodifier: of, for,
 * who, which, that, at, from, in, to, with, on, about, close, familiar, involved, known; for a
 * Source that is a relative "who"/"which", the last word before its comma: the person it
 * stands for), or its resolved name contains that word ("he" resolved to "Donald Trump"
 * for Source "Trump"). A gold pronoun ("he") is only matched by the same mention.
 * QUOTES_VERBOSE=1 lists misses, false quotes and wrong speakers on stderr. */
#include <ctype.h>
#include <dirent.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct range {
    uint32_t s, e;
} range;

typedef struct unit {
    range r[32];
    int nr;
    uint32_t len;      /* trimmed bytes */
    range src;         /* gold Source (first fragment), or s == e */
    range sp, name;    /* predicted speaker and name */
    int matched;       /* index of the partner, or -1 */
    int found;         /* counted as found / right */
} unit;

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)sz + 1);
    if (fread(b, 1, (size_t)sz, f) != (size_t)sz) {
        fclose(f);
        free(b);
        return NULL;
    }
    fclose(f);
    b[sz] = 0;
    *n = (size_t)sz;
    return b;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_dir(const char *dir, const char *suffix, size_t *n)
{
    DIR *d = opendir(dir);
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    if (!d) return NULL;
    struct dirent *e;
    size_t sl = strlen(suffix);
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l <= sl || strcmp(e->d_name + l - sl, suffix)) continue;
        if (*n == cap) v = realloc(v, (cap = cap ? cap * 2 : 256) * sizeof *v);
        v[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(v, *n, sizeof *v, cmpstr);
    return v;
}

/* byte offset of every code point index 0..ncp */
static uint32_t *cp_offsets(const char *t, size_t n, size_t *ncp)
{
    uint32_t *o = malloc((n + 2) * sizeof *o);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80) o[k++] = (uint32_t)i;
    o[k] = (uint32_t)n;
    *ncp = k;
    return o;
}

static int is_trim(const unsigned char *p, uint32_t i, uint32_t e, uint32_t *len)
{
    *len = 1;
    unsigned char c = p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '`' ||
        c == ',' || c == '.' || c == ';' || c == ':')
        return 1;
    if (c == 0xC2 && i + 1 < e && (p[i + 1] == 0xAB || p[i + 1] == 0xBB || p[i + 1] == 0xA0)) {
        *len = 2;
        return 1;
    }
    if (c == 0xE2 && i + 2 < e && p[i + 1] == 0x80 && p[i + 2] >= 0x98 && p[i + 2] <= 0x9E) {
        *len = 3;
        return 1;
    }
    return 0;
}

static range trim(const char *t, range r)
{
    const unsigned char *p = (const unsigned char *)t;
    uint32_t l;
    while (r.s < r.e && is_trim(p, r.s, r.e, &l)) r.s += l;
    while (r.e > r.s) {
        uint32_t k = r.e - 1;
        while (k > r.s && (p[k] & 0xC0) == 0x80) k--;
        if (!is_trim(p, k, r.e, &l) || k + l != r.e) break;
        r.e = k;
    }
    return r;
}

static void unit_fix(unit *u, const char *t)
{
    u->len = 0;
    for (int i = 0; i < u->nr; i++) {
        u->r[i] = trim(t, u->r[i]);
        u->len += u->r[i].e - u->r[i].s;
    }
    u->matched = -1;
    u->found = 0;
}

static uint32_t overlap(const unit *a, const unit *b)
{
    uint32_t o = 0;
    for (int i = 0; i < a->nr; i++)
        for (int j = 0; j < b->nr; j++) {
            uint32_t s = a->r[i].s > b->r[j].s ? a->r[i].s : b->r[j].s;
            uint32_t e = a->r[i].e < b->r[j].e ? a->r[i].e : b->r[j].e;
            if (e > s) o += e - s;
        }
    return o;
}

static int is_quote_start(const unsigned char *p, uint32_t s, uint32_t e)
{
    while (s < e && (p[s] == ' ' || p[s] == '\n' || p[s] == '\t')) s++;
    if (s >= e) return 0;
    if (p[s] == '"' || p[s] == '\'' || p[s] == '`') return 1;
    if (p[s] == 0xC2 && s + 1 < e && p[s + 1] == 0xAB) return 1;
    if (p[s] == 0xE2 && s + 2 < e && p[s + 1] == 0x80 && p[s + 2] >= 0x98 && p[s + 2] <= 0x9E)
        return 1;
    return 0;
}

/* gold direct quotes of one .ann */
static unit *read_gold(const char *ann, const char *t, size_t tn, size_t *ng, unit **other,
                       size_t *nother)
{
    size_t n;
    char *a = slurp(ann, &n);
    *ng = 0;
    if (!a) return NULL;
    size_t ncp;
    uint32_t *off = cp_offsets(t, tn, &ncp);
    /* T id -> type and ranges */
    enum { MAXT = 8192 };
    static range tr[MAXT][32];
    static int tnr[MAXT], ttype[MAXT]; /* 1 Content, 2 Source */
    static int tsrc[MAXT];
    memset(tnr, 0, sizeof tnr);
    memset(ttype, 0, sizeof ttype);
    for (int i = 0; i < MAXT; i++) tsrc[i] = -1;
    char *save = NULL;
    for (char *line = strtok_r(a, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == 'T') {
            int id = atoi(line + 1);
            if (id <= 0 || id >= MAXT) continue;
            char *tab = strchr(line, '\t');
            if (!tab) continue;
            char type[64];
            int k = 0;
            char *q = tab + 1;
            while (*q && *q != ' ' && k < 63) type[k++] = *q++;
            type[k] = 0;
            ttype[id] = !strcmp(type, "Content") ? 1 : !strcmp(type, "Source") ? 2 : 0;
            while (*q && *q != '\t' && tnr[id] < 32) {
                unsigned long s = strtoul(q, &q, 10), e = strtoul(q, &q, 10);
                if (s > ncp) s = ncp;
                if (e > ncp) e = ncp;
                tr[id][tnr[id]++] = (range){off[s], off[e]};
                if (*q == ';') q++;
                else break;
            }
        } else if (line[0] == 'E') {
            char *c = strstr(line, "Content:T"), *s = strstr(line, "Source:T");
            if (c && s) {
                int ci = atoi(c + 9), si = atoi(s + 8);
                if (ci > 0 && ci < MAXT && si > 0 && si < MAXT) tsrc[ci] = si;
            }
        }
    }
    unit *g = NULL;
    for (int id = 1; id < MAXT; id++) {
        if (ttype[id] != 1 || !tnr[id]) continue;
        /* the first fragment in text order */
        int f = 0;
        for (int k = 1; k < tnr[id]; k++)
            if (tr[id][k].s < tr[id][f].s) f = k;
        int direct = is_quote_start((const unsigned char *)t, tr[id][f].s, tr[id][f].e);
        if (!direct) {
            *other = realloc(*other, (*nother + 1) * sizeof **other);
            unit *u = &(*other)[(*nother)++];
            memset(u, 0, sizeof *u);
            u->nr = tnr[id];
            memcpy(u->r, tr[id], (size_t)tnr[id] * sizeof(range));
            unit_fix(u, t);
            continue;
        }
        g = realloc(g, (*ng + 1) * sizeof *g);
        unit *u = &g[(*ng)++];
        memset(u, 0, sizeof *u);
        u->nr = tnr[id];
        memcpy(u->r, tr[id], (size_t)tnr[id] * sizeof(range));
        if (tsrc[id] > 0 && tnr[tsrc[id]]) u->src = tr[tsrc[id]][0];
        unit_fix(u, t);
    }
    free(off);
    free(a);
    return g;
}

/* predicted direct quotes of one extract record; parts sharing a cue form one quote */
static unit *read_pred(json_t *rec, const char *t, size_t *np, unit **parts, size_t *npart)
{
    json_t *qs = json_object_get(rec, "quotes");
    unit *u = NULL, *pa = NULL;
    size_t n = 0, m = 0;
    int prev_cue = 0;
    size_t i;
    json_t *q;
    json_array_foreach(qs, i, q)
    {
        const char *kind = json_string_value(json_object_get(q, "kind"));
        if (!kind || strcmp(kind, "direct")) continue;
        range r = {(uint32_t)json_integer_value(json_object_get(q, "start")),
                   (uint32_t)json_integer_value(json_object_get(q, "end"))};
        const char *cue = json_string_value(json_object_get(q, "cue"));
        json_t *sp = json_object_get(q, "speaker");
        range spr = {0, 0}, nm = {0, 0};
        if (json_is_object(sp)) {
            spr.s = (uint32_t)json_integer_value(json_object_get(sp, "start"));
            spr.e = (uint32_t)json_integer_value(json_object_get(sp, "end"));
            const char *can = json_string_value(json_object_get(sp, "canonical"));
            /* the canonical name as a text span: its first occurrence */
            if (can && *can) {
                const char *h = strstr(t, can);
                if (h) nm = (range){(uint32_t)(h - t), (uint32_t)(h - t + strlen(can))};
            }
        }
        pa = realloc(pa, (m + 1) * sizeof *pa);
        unit *p = &pa[m++];
        memset(p, 0, sizeof *p);
        p->nr = 1;
        p->r[0] = r;
        p->sp = spr;
        p->name = nm;
        unit_fix(p, t);
        /* one utterance: the previous part's speaker span, no line break between */
        if (n && spr.e > spr.s && u[n - 1].sp.s == spr.s && u[n - 1].sp.e == spr.e &&
            prev_cue && u[n - 1].nr < 32 && r.s - u[n - 1].r[u[n - 1].nr - 1].e < 200 &&
            !memchr(t + u[n - 1].r[u[n - 1].nr - 1].e, '\n', r.s - u[n - 1].r[u[n - 1].nr - 1].e)) {
            unit *g = &u[n - 1];
            g->r[g->nr++] = p->r[0];
            g->len += p->len;
            continue;
        }
        u = realloc(u, (n + 1) * sizeof *u);
        u[n++] = *p;
        prev_cue = cue && *cue;
    }
    *np = n;
    *parts = pa;
    *npart = m;
    return u;
}

typedef struct pairc {
    uint32_t o;
    int g, p;
} pairc;

static int cmp_pair(const void *a, const void *b)
{
    const pairc *x = a, *y = b;
    if (x->o != y->o) return x->o > y->o ? -1 : 1;
    if (x->g != y->g) return x->g < y->g ? -1 : 1;
    return x->p < y->p ? -1 : x->p > y->p;
}

/* one-to-one greedy matching of a[] and b[] (those with matched == -1 and want set) */
static void match(unit *a, size_t na, unit *b, size_t nb)
{
    pairc *c = NULL;
    size_t nc = 0;
    for (size_t i = 0; i < na; i++) {
        if (a[i].matched >= 0 || !a[i].len) continue;
        for (size_t j = 0; j < nb; j++) {
            if (b[j].matched >= 0 || !b[j].len) continue;
            uint32_t o = overlap(&a[i], &b[j]);
            uint32_t mx = a[i].len > b[j].len ? a[i].len : b[j].len;
            if (o && 2 * o >= mx) {
                c = realloc(c, (nc + 1) * sizeof *c);
                c[nc++] = (pairc){o, (int)i, (int)j};
            }
        }
    }
    qsort(c, nc, sizeof *c, cmp_pair);
    for (size_t k = 0; k < nc; k++)
        if (a[c[k].g].matched < 0 && b[c[k].p].matched < 0) {
            a[c[k].g].matched = c[k].p;
            b[c[k].p].matched = c[k].g;
        }
    free(c);
}

/* head word of a gold Source span: the last word before , ( of for who at */
static range head_word(const char *t, range s)
{
    const unsigned char *p = (const unsigned char *)t;
    /* a relative pronoun stands for the phrase before its comma: "Stevie Wonder, who" */
    if ((s.e - s.s == 3 && !strncasecmp(t + s.s, "who", 3)) ||
        (s.e - s.s == 5 && !strncasecmp(t + s.s, "which", 5))) {
        uint32_t e = s.s;
        while (e > 0 && p[e - 1] == ' ') e--;
        if (e > 0 && p[e - 1] == ',') {
            uint32_t b = --e;
            while (b > 0 && (isalnum(p[b - 1]) || p[b - 1] >= 0x80 || p[b - 1] == '-' || p[b - 1] == '.'))
                b--;
            if (b < e) return (range){b, e};
        }
    }
    uint32_t end = s.e;
    for (uint32_t i = s.s; i < s.e; i++) {
        if (p[i] == ',' || p[i] == '(') {
            end = i;
            break;
        }
        if (i > s.s && p[i - 1] == ' ') {
            static const char *const w[] = {"of ", "for ", "who ", "which ", "that ", "at ",
                                            "from ", "in ", "to ", "with ", "on ", "about ",
                                            "close ", "familiar ", "involved ", "known ", NULL};
            int hit = 0;
            for (int k = 0; w[k]; k++)
                if (i + strlen(w[k]) <= s.e && !strncmp(t + i, w[k], strlen(w[k]))) hit = 1;
            if (hit) {
                end = i;
                break;
            }
        }
    }
    while (end > s.s && !isalnum(p[end - 1]) && p[end - 1] < 0x80) end--;
    /* strip a possessive 's */
    if (end - s.s > 2 && p[end - 1] == 's' && (p[end - 2] == '\'' || (p[end - 2] == 0x99 && end - s.s > 4)))
        end -= p[end - 2] == '\'' ? 2 : 4;
    uint32_t b = end;
    while (b > s.s && (isalnum(p[b - 1]) || p[b - 1] >= 0x80 || p[b - 1] == '-' || p[b - 1] == '.'))
        b--;
    return (range){b, end};
}

static int speaker_right(const char *t, const unit *g, const unit *pp)
{
    range h = head_word(t, g->src);
    if (h.e <= h.s) return 0;
    if (pp->sp.e > pp->sp.s && pp->sp.s < h.e && h.s < pp->sp.e) return 1;
    if (pp->name.e > pp->name.s) {
        /* the resolved name contains the head word */
        size_t hl = h.e - h.s;
        for (uint32_t i = pp->name.s; i + hl <= pp->name.e; i++)
            if (!strncasecmp(t + i, t + h.s, hl) &&
                (i + hl == pp->name.e || !isalnum((unsigned char)t[i + hl])))
                return 1;
    }
    return 0;
}

static void print_span(const char *t, range r)
{
    fprintf(stderr, "[%u,%u) \"%.*s\"", r.s, r.e, (int)(r.e - r.s > 120 ? 120 : r.e - r.s), t + r.s);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: quotes-score texts DIR | score DIR PRED\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/text", argv[2]);
    size_t na;
    char **arts = list_dir(path, ".txt", &na);
    if (!arts) {
        fprintf(stderr, "quotes-score: cannot read %s\n", path);
        return 1;
    }
    if (!strcmp(argv[1], "texts")) {
        for (size_t i = 0; i < na; i++) {
            size_t n;
            snprintf(path, sizeof path, "%s/text/%s", argv[2], arts[i]);
            char *t = slurp(path, &n);
            if (!t) return 1;
            arts[i][strlen(arts[i]) - 4] = 0;
            json_t *o = json_pack("{s:s, s:s%}", "id", arts[i], "text", t, n);
            char *s = json_dumps(o, JSON_COMPACT);
            puts(s);
            free(s);
            json_decref(o);
            free(t);
        }
        return 0;
    }
    if (strcmp(argv[1], "score") || argc < 4) return 2;
    int verbose = getenv("QUOTES_VERBOSE") && *getenv("QUOTES_VERBOSE") == '1';
    FILE *pf = fopen(argv[3], "r");
    if (!pf) {
        fprintf(stderr, "quotes-score: cannot read %s\n", argv[3]);
        return 1;
    }
    snprintf(path, sizeof path, "%s/attributions", argv[2]);
    size_t nann;
    char **anns = list_dir(path, ".ann", &nann);
    size_t ignored = 0, G1 = 0, G = 0, Gfound = 0, Pn = 0, Pright = 0, spk_n = 0, spk_ok = 0, nosrc = 0;
    char *line = NULL;
    size_t lcap = 0;
    for (size_t ai = 0; ai < na; ai++) {
        if (getline(&line, &lcap, pf) <= 0) {
            fprintf(stderr, "quotes-score: %s has fewer records than articles\n", argv[3]);
            return 1;
        }
        json_error_t je;
        json_t *rec = json_loads(line, 0, &je);
        if (!rec) {
            fprintf(stderr, "quotes-score: bad JSON: %s\n", je.text);
            return 1;
        }
        size_t tn;
        snprintf(path, sizeof path, "%s/text/%s", argv[2], arts[ai]);
        char *t = slurp(path, &tn);
        const char *pt = json_string_value(json_object_get(rec, "text"));
        if (!t || !pt || strcmp(t, pt)) {
            fprintf(stderr, "quotes-score: record %zu is not the text of %s\n", ai + 1, arts[ai]);
            return 1;
        }
        /* the first annotator's .ann */
        char stem[1024];
        snprintf(stem, sizeof stem, "%.*s_", (int)(strlen(arts[ai]) - 4), arts[ai]);
        const char *ann = NULL;
        for (size_t k = 0; k < nann; k++)
            if (!strncmp(anns[k], stem, strlen(stem)) && strlen(anns[k]) == strlen(stem) + 8) {
                ann = anns[k];
                break;
            }
        size_t ng = 0, np = 0, npa = 0, no = 0;
        unit *g = NULL, *parts = NULL, *other = NULL;
        if (ann) {
            snprintf(path, sizeof path, "%s/attributions/%s", argv[2], ann);
            g = read_gold(path, t, tn, &ng, &other, &no);
        }
        unit *p = read_pred(rec, t, &np, &parts, &npa);
        match(g, ng, p, np);
        for (size_t i = 0; i < ng; i++)
            if (g[i].matched >= 0) g[i].found = 1;
        for (size_t j = 0; j < np; j++)
            if (p[j].matched >= 0) p[j].found = 1;
        /* left-overs: covered at least half by the other side's quotes */
        int *gbest = malloc((ng + 1) * sizeof *gbest);
        for (size_t i = 0; i < ng; i++) {
            gbest[i] = g[i].matched;
            if (g[i].found || !g[i].len) continue;
            uint32_t cov = 0, best = 0;
            for (size_t j = 0; j < np; j++) {
                uint32_t o = overlap(&g[i], &p[j]);
                cov += o;
                if (o > best) {
                    best = o;
                    gbest[i] = (int)j;
                }
            }
            if (2 * cov >= g[i].len) g[i].found = 2;
        }
        for (size_t j = 0; j < np; j++) {
            if (p[j].found || !p[j].len) continue;
            uint32_t cov = 0;
            for (size_t i = 0; i < ng; i++) cov += overlap(&g[i], &p[j]);
            if (2 * cov >= p[j].len) {
                p[j].found = 2;
                continue;
            }
            /* inside attributed content the gold does not call direct: not counted */
            cov = 0;
            for (size_t i = 0; i < no; i++) cov += overlap(&other[i], &p[j]);
            if (2 * cov >= p[j].len) p[j].found = -1;
        }
        for (size_t i = 0; i < ng; i++) {
            G++;
            if (!g[i].found) {
                if (verbose) {
                    fprintf(stderr, "MISS %s ", arts[ai]);
                    print_span(t, g[i].r[0]);
                    fprintf(stderr, "\n");
                }
                continue;
            }
            Gfound++;
            if (g[i].found == 1) G1++;
            int pj = gbest[i];
            if (g[i].src.e <= g[i].src.s) {
                nosrc++;
                continue;
            }
            spk_n++;
            /* the predicted part overlapping most: the unit's speaker is shared */
            if (pj >= 0 && speaker_right(t, &g[i], &p[pj])) spk_ok++;
            else if (verbose) {
                fprintf(stderr, "SPEAKER %s gold ", arts[ai]);
                print_span(t, g[i].src);
                fprintf(stderr, " pred ");
                if (pj >= 0) print_span(t, p[pj].sp);
                fprintf(stderr, " quote ");
                print_span(t, g[i].r[0]);
                fprintf(stderr, "\n");
            }
        }
        for (size_t j = 0; j < np; j++) {
            if (p[j].found < 0) {
                ignored++;
                if (verbose) {
                    fprintf(stderr, "IGNORED %s ", arts[ai]);
                    print_span(t, p[j].r[0]);
                    fprintf(stderr, "\n");
                }
                continue;
            }
            Pn++;
            if (p[j].found) Pright++;
            else if (verbose) {
                fprintf(stderr, "FALSE %s ", arts[ai]);
                print_span(t, p[j].r[0]);
                fprintf(stderr, "\n");
            }
        }
        free(gbest);
        free(g);
        free(other);
        free(p);
        free(parts);
        free(t);
        json_decref(rec);
    }
    free(line);
    fclose(pf);
    double P = Pn ? (double)Pright / (double)Pn : 0, R = G ? (double)Gfound / (double)G : 0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    double S = spk_n ? (double)spk_ok / (double)spk_n : 0;
    double P1 = Pn ? (double)G1 / (double)Pn : 0, R1 = G ? (double)G1 / (double)G : 0;
    double F1 = P1 + R1 > 0 ? 2 * P1 * R1 / (P1 + R1) : 0;
    printf("one-to-one: pairs %zu P %.4f R %.4f F1 %.4f\n", G1, P1, R1, F1);
    printf("articles %zu gold %zu predicted %zu found %zu right %zu P %.4f R %.4f F1 %.4f "
           "speaker %zu/%zu %.4f nosource %zu ignored %zu\n",
           na, G, Pn, Gfound, Pright, P, R, F, spk_ok, spk_n, S, nosrc, ignored);
    return 0;
}
