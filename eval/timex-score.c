/* timex-score.c — TempEval-3 task A scoring of time expressions (TIMEX3) for eval/timex.sh.
 *
 *   timex-score prep TMLDIR OUTDIR   each TMLDIR/NAME.tml becomes OUTDIR/text/NAME.txt (plain
 *                                    article: "date: DCT", a blank line, then the TEXT element
 *                                    with its tags stripped and &amp; &lt; &gt; &quot; &apos;
 *                                    decoded) and OUTDIR/gold/NAME.gold (one TIMEX3 of the TEXT a
 *                                    line: start, end, type, value, tab-separated; byte offsets
 *                                    into the body, i.e. the .txt after its header)
 *   timex-score score DIR PRED.jsonl LABEL
 *                                    scores the JSON Lines PRED.jsonl (objects with "path"
 *                                    ending in NAME.txt and "timexes":[{"start","end","type",
 *                                    "value"}], as `storyfold extract` prints them) against
 *                                    DIR/gold/NAME.gold, and prints one line:
 *                                    LABEL ngold nsys strictP strictR strictF1 relaxedP relaxedR
 *                                    relaxedF1 valueAcc typeAcc valueF1 (figures in percent)
 *
 * The figures follow the TempEval-3 scorer: strict = same extent, relaxed = overlapping
 * extents; precision over the system's expressions, recall over the gold ones; value and
 * type accuracy over the gold expressions with a relaxed match (each paired with the first
 * system expression overlapping it); value F1 = relaxed F1 x value accuracy. The document
 * creation time (functionInDocument="CREATION_TIME", in <DCT>) is the date, not scored.
 * A document with no prediction counts as one predicting nothing. */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct tx {
    long start, end;
    char type[16], value[64];
} tx;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(b);
        return NULL;
    }
    fclose(f);
    b[n] = 0;
    if (len) *len = (size_t)n;
    return b;
}

/* The value of attribute name="..." inside the tag [p, e), copied to out. */
static void attr(const char *p, const char *e, const char *name, char *out, size_t cap)
{
    out[0] = 0;
    size_t nl = strlen(name);
    for (const char *q = p; q + nl + 2 < e; q++)
        if (q[-1] == ' ' && !strncmp(q, name, nl) && q[nl] == '=' && q[nl + 1] == '"') {
            const char *v = q + nl + 2, *ve = memchr(v, '"', (size_t)(e - v));
            if (!ve) return;
            size_t l = (size_t)(ve - v) < cap - 1 ? (size_t)(ve - v) : cap - 1;
            memcpy(out, v, l);
            out[l] = 0;
            return;
        }
}

static int prep_one(const char *in, const char *txt, const char *gold)
{
    size_t n;
    char *b = slurp(in, &n);
    if (!b) return fprintf(stderr, "timex-score: cannot read %s\n", in), -1;
    char date[16] = "";
    const char *dct = strstr(b, "<DCT>");
    if (dct) {
        const char *t = strstr(dct, "<TIMEX3"), *te = t ? strchr(t, '>') : NULL;
        if (te) attr(t, te, "value", date, sizeof date);
        date[10] = 0;
    }
    const char *s = strstr(b, "<TEXT>"), *e = s ? strstr(s, "</TEXT>") : NULL;
    if (!s || !e || !date[0]) {
        free(b);
        return fprintf(stderr, "timex-score: %s: no TEXT or no DCT\n", in), -1;
    }
    s += 6;
    char *out = malloc((size_t)(e - s) + 1);
    size_t o = 0;
    FILE *g = fopen(gold, "w");
    long open_start = -1;
    char type[16] = "", value[64] = "";
    for (const char *p = s; p < e;) {
        if (*p == '<') {
            const char *q = memchr(p, '>', (size_t)(e - p));
            if (!q) break;
            if (!strncmp(p, "<TIMEX3 ", 8)) {
                open_start = (long)o;
                attr(p, q, "type", type, sizeof type);
                attr(p, q, "value", value, sizeof value);
            } else if (!strncmp(p, "</TIMEX3>", 9) && open_start >= 0) {
                fprintf(g, "%ld\t%ld\t%s\t%s\n", open_start, (long)o, type, value);
                open_start = -1;
            }
            p = q + 1;
        } else if (*p == '&') {
            static const char *const ent[][2] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
            size_t k = 0;
            for (; k < 5; k++)
                if (!strncmp(p, ent[k][0], strlen(ent[k][0]))) break;
            if (k < 5) {
                out[o++] = ent[k][1][0];
                p += strlen(ent[k][0]);
            } else
                out[o++] = *p++;
        } else
            out[o++] = *p++;
    }
    fclose(g);
    FILE *t = fopen(txt, "w");
    fprintf(t, "date: %s\n\n", date);
    fwrite(out, 1, o, t);
    fclose(t);
    free(out);
    free(b);
    return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && !strcmp(s + n - m, suf);
}

static int prep(const char *dir, const char *outdir)
{
    struct dirent **ents;
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/text", outdir);
    mkdir(sub, 0777);
    snprintf(sub, sizeof sub, "%s/gold", outdir);
    mkdir(sub, 0777);
    int n = scandir(dir, &ents, NULL, by_name), rc = 0;
    if (n < 0) return fprintf(stderr, "timex-score: cannot list %s\n", dir), 1;
    for (int i = 0; i < n; i++) {
        const char *name = ents[i]->d_name;
        if (has_suffix(name, ".tml")) {
            char in[4400], txt[4400], gold[4400];
            int l = (int)strlen(name) - 4;
            snprintf(in, sizeof in, "%s/%s", dir, name);
            snprintf(txt, sizeof txt, "%s/text/%.*s.txt", outdir, l, name);
            snprintf(gold, sizeof gold, "%s/gold/%.*s.gold", outdir, l, name);
            if (prep_one(in, txt, gold)) rc = 1;
        }
        free(ents[i]);
    }
    free(ents);
    return rc;
}

/* ---- scoring ---- */

typedef struct docpred {
    char name[256];
    tx *t;
    size_t n;
} docpred;

static const char *base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int overlap(const tx *a, const tx *b)
{
    return a->start < b->end && b->start < a->end;
}

static double pct(double a, double b)
{
    return b > 0 ? 100.0 * a / b : 0;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static int score(const char *dir, const char *predpath, const char *label)
{
    /* predictions, by file name */
    docpred *dp = NULL;
    size_t ndp = 0;
    FILE *f = fopen(predpath, "r");
    if (!f) return fprintf(stderr, "timex-score: cannot read %s\n", predpath), 1;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        if (!o) continue;
        const char *path = json_string_value(json_object_get(o, "path"));
        json_t *arr = json_object_get(o, "timexes");
        if (path) {
            dp = realloc(dp, (ndp + 1) * sizeof *dp);
            docpred *d = &dp[ndp++];
            snprintf(d->name, sizeof d->name, "%s", base(path));
            d->n = json_array_size(arr);
            d->t = calloc(d->n ? d->n : 1, sizeof *d->t);
            for (size_t i = 0; i < d->n; i++) {
                json_t *x = json_array_get(arr, i);
                d->t[i].start = (long)json_integer_value(json_object_get(x, "start"));
                d->t[i].end = (long)json_integer_value(json_object_get(x, "end"));
                const char *ty = json_string_value(json_object_get(x, "type"));
                const char *va = json_string_value(json_object_get(x, "value"));
                snprintf(d->t[i].type, sizeof d->t[i].type, "%s", ty ? ty : "");
                snprintf(d->t[i].value, sizeof d->t[i].value, "%s", va ? va : "");
            }
        }
        json_decref(o);
    }
    free(line);
    fclose(f);

    struct dirent **ents;
    char gdir[4096];
    snprintf(gdir, sizeof gdir, "%s/gold", dir);
    int n = scandir(gdir, &ents, NULL, by_name);
    if (n < 0) return fprintf(stderr, "timex-score: cannot list %s\n", gdir), 1;
    long ng = 0, ns = 0, sp = 0, sr = 0, rp = 0, rr = 0, vok = 0, tok = 0;
    const char *verbose = getenv("TIMEX_VERBOSE");
    for (int i = 0; i < n; i++) {
        const char *name = ents[i]->d_name;
        if (!has_suffix(name, ".gold")) {
            free(ents[i]);
            continue;
        }
        char gp[8400], txtname[300];
        snprintf(gp, sizeof gp, "%s/%s", gdir, name);
        snprintf(txtname, sizeof txtname, "%.*s.txt", (int)strlen(name) - 5, name);
        free(ents[i]);
        tx *g = NULL;
        size_t gn = 0;
        FILE *gf = fopen(gp, "r");
        char buf[512];
        while (gf && fgets(buf, sizeof buf, gf)) {
            g = realloc(g, (gn + 1) * sizeof *g);
            tx *t = &g[gn];
            t->type[0] = t->value[0] = 0;
            if (sscanf(buf, "%ld\t%ld\t%15[^\t\n]\t%63[^\t\n]", &t->start, &t->end, t->type,
                       t->value) >= 3)
                gn++;
        }
        if (gf) fclose(gf);
        const docpred *d = NULL;
        for (size_t k = 0; k < ndp && !d; k++)
            if (!strcmp(dp[k].name, txtname)) d = &dp[k];
        size_t sn = d ? d->n : 0;
        ng += (long)gn, ns += (long)sn;
        for (size_t a = 0; a < gn; a++) {
            int strict = 0, relaxed = 0;
            const tx *m = NULL;
            for (size_t b = 0; b < sn; b++) {
                if (g[a].start == d->t[b].start && g[a].end == d->t[b].end) strict = 1;
                if (overlap(&g[a], &d->t[b])) {
                    if (!m) m = &d->t[b];
                    relaxed = 1;
                }
            }
            /* an exact match, when there is one, is the pair */
            for (size_t b = 0; b < sn && strict; b++)
                if (g[a].start == d->t[b].start && g[a].end == d->t[b].end) m = &d->t[b];
            sr += strict, rr += relaxed;
            if (m) {
                vok += !strcmp(m->value, g[a].value);
                tok += !strcmp(m->type, g[a].type);
            }
            if (verbose)
                printf("%s\t%s\tgold\t%ld\t%ld\t%s\t%s\t%s\t%s\n", txtname,
                       !m                              ? "MISS"
                       : strcmp(m->value, g[a].value) ? "BADVAL"
                       : !strict                       ? "EXTENT"
                                                       : "OK",
                       g[a].start, g[a].end, g[a].type, g[a].value, m ? m->type : "",
                       m ? m->value : "");
        }
        for (size_t b = 0; b < sn; b++) {
            int strict = 0, relaxed = 0;
            for (size_t a = 0; a < gn; a++) {
                if (g[a].start == d->t[b].start && g[a].end == d->t[b].end) strict = 1;
                if (overlap(&g[a], &d->t[b])) relaxed = 1;
            }
            sp += strict, rp += relaxed;
            if (verbose && !relaxed)
                printf("%s\tFALSE\tsys\t%ld\t%ld\t%s\t%s\n", txtname, d->t[b].start, d->t[b].end,
                       d->t[b].type, d->t[b].value);
        }
        free(g);
    }
    free(ents);
    double SP = pct(sp, ns), SR = pct(sr, ng), RP = pct(rp, ns), RR = pct(rr, ng);
    double va = pct(vok, rr), ta = pct(tok, rr), rf = f1(RP, RR);
    printf("%s %ld %ld %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f\n", label, ng, ns, SP, SR,
           f1(SP, SR), RP, RR, rf, va, ta, rf * va / 100);
    for (size_t k = 0; k < ndp; k++) free(dp[k].t);
    free(dp);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "prep")) return prep(argv[2], argv[3]);
    if (argc == 5 && !strcmp(argv[1], "score")) return score(argv[2], argv[3], argv[4]);
    fprintf(stderr, "usage: timex-score prep TMLDIR OUTDIR\n"
                    "       timex-score score DIR PRED.jsonl LABEL\n");
    return 2;
}
