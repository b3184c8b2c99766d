/* claims.c — a story's figures grouped by what they count, and whether the reports agree.
 * A numeric claim's topic is the class of its predicate ("died", "were killed" -> deaths;
 * "fled" -> fled), else of what it counts ("troops", "refugees"), else those words
 * themselves; a topic is listed when it is a class that briefs always show (deaths,
 * injured, fled, missing, arrested, troops) or, for a figure with both what it counts and
 * its predicate, when two independent outlets give it. Durations and ages ("four days",
 * "22 years") are not figures of the story. When neither the predicate nor what is counted
 * has a class, the four words before the number may ("killing at least 12", "the death
 * toll rose to 14").
 * Each figure becomes an interval from its qualifier ("more than 1,000" is 1,000 and up,
 * "nearly 200" up to 200, "about 50" 45 to 55). Figures of different independent outlets
 * are compared pairwise: they agree when their intervals meet; when they do not but the
 * later report gives the higher figure, the figure is rising (a toll updated); otherwise
 * the outlets conflict. */
#include "story/brief.h"

#include "core/mem.h"
#include "text/token.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOPIC_MAX 64

/* Topic classes: a word belongs to the first class one of whose prefixes it starts with. */
static const struct {
    const char *name;
    const char *prefixes[8];
} classes[] = {
    {"deaths", {"die", "dead", "death", "kill", "fatalit", "lives", "perish", NULL}},
    {"injured", {"injur", "wound", "hurt", "casualt", NULL}},
    {"fled", {"fled", "flee", "displac", "evacu", "refugee", NULL}},
    {"missing", {"missing", NULL}},
    {"arrested", {"arrest", "detain", NULL}},
    {"troops", {"troop", "soldier", NULL}},
};
#define N_CLASSES (sizeof classes / sizeof *classes)

/* The class of the words of text[s, e) (the first word that has one), or -1. */
static int class_of(const char *text, uint32_t s, uint32_t e)
{
    uint32_t i = s;
    while (i < e) {
        while (i < e && !((text[i] | 32) >= 'a' && (text[i] | 32) <= 'z')) i++;
        uint32_t w = i;
        while (i < e && (((text[i] | 32) >= 'a' && (text[i] | 32) <= 'z') || text[i] == '-')) i++;
        char buf[32];
        size_t n = tok_fold(text + w, i - w, buf, sizeof buf);
        for (size_t c = 0; n && c < N_CLASSES; c++)
            for (const char *const *p = classes[c].prefixes; *p; p++)
                if (!strncmp(buf, *p, strlen(*p))) return (int)c;
    }
    return -1;
}

/* Where the words before pos start, going back at most `words` words and never past
 * `floor` (the sentence's start) or a clause break (, ; : or a dash). */
static uint32_t words_before(const char *t, uint32_t floor, uint32_t pos, int words)
{
    uint32_t i = pos;
    while (words > 0 && i > floor) {
        while (i > floor && t[i - 1] == ' ') i--;
        if (i > floor && strchr(",;:\n", t[i - 1])) break;
        while (i > floor && !strchr(" ,;:\n", t[i - 1])) i--;
        words--;
    }
    return i;
}

/* 1 when text[s, e) holds the word "toll" (a death toll). */
static int mentions_toll(const char *t, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i + 4 <= e; i++)
        if (!strncmp(t + i, "toll", 4) && (i == s || t[i - 1] == ' ') &&
            (i + 4 == e || !((t[i + 4] | 32) >= 'a' && (t[i + 4] | 32) <= 'z')))
            return 1;
    return 0;
}

/* 1 when what a number counts is a unit of time ("four days", "22 years"): a duration or
 * an age, not a figure of the story. */
static int counts_time(const sf_doc *d, const sf_number *n)
{
    static const char *const units[] = {"second", "minute", "hour", "day", "week", "month",
                                        "year", "decade", "centur", "time", NULL};
    if (n->counts_end <= n->counts_start) return 0;
    char buf[32];
    size_t m = tok_fold(d->text + n->counts_start, n->counts_end - n->counts_start, buf,
                        sizeof buf);
    for (const char *const *u = units; m && *u; u++)
        if (!strncmp(buf, *u, strlen(*u))) return 1;
    return 0;
}

/* The topic key of a claim into key (NUL-terminated, "" for none); 1 when its class is
 * always shown. sent_start: the start of its sentence. */
static int topic(const sf_doc *d, const sf_number *n, uint32_t sent_start, char key[TOPIC_MAX])
{
    static const char *const kinds[] = {"", "", "percent ", "money "};
    const char *kind = kinds[n->kind <= SF_NUM_MONEY ? n->kind : 0];
    key[0] = '\0';
    if (counts_time(d, n)) return 0;
    int c = n->pred_end > n->pred_start ? class_of(d->text, n->pred_start, n->pred_end) : -1;
    if (c < 0 && n->counts_end > n->counts_start)
        c = class_of(d->text, n->counts_start, n->counts_end);
    if (c < 0) /* "killing at least 12", "the death toll rose to 14" */
        c = class_of(d->text, words_before(d->text, sent_start, n->start, 4), n->start);
    if (c < 0 && n->counts_end <= n->counts_start && mentions_toll(d->text, sent_start, n->start))
        c = 0; /* "bringing the death toll from Friday's collapse to 14" */
    if (c >= 0 && n->kind == SF_NUM_COUNT) {
        snprintf(key, TOPIC_MAX, "%s", classes[c].name);
        return 1;
    }
    /* else the folded words counted and predicate, when it has both */
    if (n->counts_end <= n->counts_start || n->pred_end <= n->pred_start) return 0;
    size_t k = (size_t)snprintf(key, TOPIC_MAX, "%s", kind);
    uint32_t spans[2][2] = {{n->counts_start, n->counts_end}, {n->pred_start, n->pred_end}};
    for (int part = 0; part < 2; part++) {
        if (spans[part][1] <= spans[part][0]) continue;
        char buf[TOPIC_MAX];
        size_t m = tok_fold(d->text + spans[part][0], spans[part][1] - spans[part][0], buf,
                            sizeof buf);
        if (!m || k + m + 2 >= TOPIC_MAX) continue;
        if (k && key[k - 1] != ' ') key[k++] = ' ';
        memcpy(key + k, buf, m);
        k += m;
        key[k] = '\0';
    }
    return 0;
}

/* The interval a figure stands for. */
static void interval(const sf_number *n, double *lo, double *hi)
{
    const char *q = sf_num_qualifiers[n->qualifier];
    *lo = n->value;
    *hi = n->high;
    if (!*q) return;
    if (!strcmp(q, "more than") || !strcmp(q, "over") || !strcmp(q, "at least") ||
        !strcmp(q, "no fewer than") || !strcmp(q, "upwards of") || !strcmp(q, "just over") ||
        !strcmp(q, "well over"))
        *hi = INFINITY;
    else if (!strcmp(q, "nearly") || !strcmp(q, "almost") || !strcmp(q, "up to") ||
             !strcmp(q, "fewer than") || !strcmp(q, "less than") || !strcmp(q, "at most") ||
             !strcmp(q, "no more than") || !strcmp(q, "under") || !strcmp(q, "close to") ||
             !strcmp(q, "just under") || !strcmp(q, "as many as"))
        *lo = 0;
    else { /* about, around, approximately, roughly, some, an estimated */
        *lo = n->value * 0.9;
        *hi = n->high * 1.1;
    }
}

typedef struct item {
    char key[TOPIC_MAX];
    int always;
    size_t doc, num;
} item;

static int by_key(const void *a, const void *b)
{
    const item *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1; /* docs are in date order */
    return (x->num > y->num) - (x->num < y->num);
}

/* Compare the figures of different outlets pairwise: two figures of one outlet often count
 * different things (civilians and soldiers), and a conflict is between outlets. */
static uint8_t verdict(const sf_brief *b, const sf_brief_figure *f, size_t n)
{
    uint8_t v = SF_AGREE;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            if (b->outlet[f[i].cite.doc] == b->outlet[f[j].cite.doc]) continue;
            double li, hi, lj, hj;
            interval(f[i].num, &li, &hi);
            interval(f[j].num, &lj, &hj);
            if (li <= hj && lj <= hi) continue;
            /* figures are in report order: j's report is as late as i's or later */
            int32_t di = b->docs[f[i].cite.doc]->day, dj = b->docs[f[j].cite.doc]->day;
            if (di != SF_NO_DAY && dj != SF_NO_DAY && dj > di && lj > hi)
                v = v == SF_CONFLICT ? v : SF_RISING;
            else
                v = SF_CONFLICT;
        }
    return v;
}

static int by_reports(const void *a, const void *b)
{
    const sf_brief_claim *x = a, *y = b;
    if (x->n_outlets != y->n_outlets) return y->n_outlets - x->n_outlets;
    if (x->n_figures != y->n_figures) return x->n_figures < y->n_figures ? 1 : -1;
    return strcmp(x->what, y->what);
}

void story_claims(sf_brief *b)
{
    item *it = NULL;
    size_t n = 0, cap = 0;
    for (size_t di = 0; di < b->n_docs; di++) {
        const sf_doc *d = b->docs[di];
        size_t si = 0;
        for (size_t k = 0; k < d->n_nums; k++) {
            while (si + 1 < d->n_sents && d->sents[si + 1].start <= d->nums[k].start) si++;
            SF_GROW(it, cap, n + 1);
            item *x = &it[n];
            x->always = topic(d, &d->nums[k], d->n_sents ? d->sents[si].start : 0, x->key);
            if (!x->key[0]) continue;
            x->doc = di;
            x->num = k;
            n++;
        }
    }
    if (n) qsort(it, n, sizeof *it, by_key);
    size_t ccap = 0;
    size_t *docs = sf_xmalloc((n ? n : 1) * sizeof *docs);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && !strcmp(it[j].key, it[i].key)) j++;
        for (size_t k = i; k < j; k++) docs[k - i] = it[k].doc;
        int outlets = story_outlets(b, docs, j - i);
        if (it[i].always || outlets >= 2) {
            SF_GROW(b->claims, ccap, b->n_claims + 1);
            sf_brief_claim *c = &b->claims[b->n_claims++];
            memset(c, 0, sizeof *c);
            c->figures = sf_xmalloc((j - i) * sizeof *c->figures);
            for (size_t k = i; k < j; k++) {
                const sf_doc *d = b->docs[it[k].doc];
                const sf_number *num = &d->nums[it[k].num];
                c->figures[c->n_figures++] =
                    (sf_brief_figure){{it[k].doc, {num->start, num->end}}, num};
            }
            c->n_outlets = outlets;
            c->verdict = verdict(b, c->figures, c->n_figures);
            /* what: the class, else the first report's words */
            const sf_doc *d = b->docs[it[i].doc];
            const sf_number *num = c->figures[0].num;
            sf_buf w = {0};
            if (it[i].always)
                sf_buf_adds(&w, it[i].key);
            else {
                sf_buf_add(&w, d->text + num->counts_start, num->counts_end - num->counts_start);
                sf_buf_addc(&w, ' ');
                sf_buf_add(&w, d->text + num->pred_start, num->pred_end - num->pred_start);
            }
            c->what = sf_buf_take(&w);
        }
        i = j;
    }
    free(docs);
    free(it);
    if (b->n_claims) qsort(b->claims, b->n_claims, sizeof *b->claims, by_reports);
}

void story_claims_free(sf_brief *b)
{
    for (size_t i = 0; i < b->n_claims; i++) {
        free(b->claims[i].what);
        free(b->claims[i].figures);
    }
    free(b->claims);
    b->claims = NULL;
    b->n_claims = 0;
}
