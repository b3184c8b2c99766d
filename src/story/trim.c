/* trim.c — what a summary quotes of a sentence (see trim.h). Each cut is made only where
 * the sentence's own bytes and words show it safe:
 *  - a dateline: "WASHINGTON _", "DENVER (AP) —", "KATHMANDU (Reuters) -";
 *  - a leading connective, relative date or attribution ("However, ", "Last week, ",
 *    "Officials said Tuesday that ", "According to the ministry, "), which points to a
 *    context the summary does not give, when what follows starts with a capital or a
 *    digit, so the rest still reads as a sentence;
 *  - a trailing attribution before the final period: ", officials said Tuesday";
 *  - relative dates inside ("on Tuesday", "last week", "today", but never a date with a
 *    figure, nor one of a pair: "Tuesday and Wednesday"): a summary mixes articles of
 *    different days, and its readers have no report date to resolve them against.
 * Attributions stay in a sentence that quotes someone: they name the speaker. Nothing
 * else is cut (appositives, parentheticals, clauses), as the sentence's grammar is not
 * parsed. DUC 2004 references hold a weekday for every 1,500 words, their sources one
 * for every 170. */
#include "story/trim.h"

#include "text/token.h"

#include <string.h>

#define ATTR_MAX_WORDS 10 /* an attribution longer than this is more than who said it */
#define SUBJ_MAX_WORDS 6  /* words before the reporting verb: "a senior U.N. aid official" */
#define DATELINE_MAX 60   /* bytes of a dateline, agency included */

/* Word lists, lowercase, each ended by NULL. */
static const char *const connectives[] = {
    /* phrases, each ended by NULL; the list by a second NULL */
    "however", NULL, "meanwhile", NULL, "still", NULL, "indeed", NULL, "in", "fact", NULL,
    "instead", NULL, "in", "addition", NULL, "also", NULL, "moreover", NULL, "furthermore",
    NULL, "nevertheless", NULL, "separately", NULL, "besides", NULL, "likewise", NULL,
    "similarly", NULL, "thus", NULL, "as", "a", "result", NULL, "in", "turn", NULL, "for",
    "example", NULL, "for", "instance", NULL, "of", "course", NULL, "after", "all", NULL,
    "in", "the", "end", NULL, "at", "the", "same", "time", NULL, "by", "contrast", NULL,
    "in", "contrast", NULL, "notably", NULL, "additionally", NULL, "then", NULL, "but", NULL,
    "and", NULL, "yet", NULL, "so", NULL, NULL,
};
/* connectives that also open a sentence without a comma: "And Schumer plans to ..." */
static const char *const bare[] = {"but", "and", "yet", "so", NULL};
/* the words of a relative date: a time expression made of these alone is one */
static const char *const relative[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "tomorrow", "last", "this", "next", "earlier", "later", "week",
    "weekend", "month", "year", "morning", "afternoon", "evening", "night", "overnight",
    "late", "early", NULL,
};
/* around a relative date: a word cut with it ("on Tuesday"), words that need it ("since
 * Monday", "the Sunday"), and words that pair it with another ("Tuesday and Wednesday",
 * "Monday to Friday") */
static const char *const time_preposition[] = {"on", NULL};
static const char *const time_governor[] = {
    "since", "until", "till", "by", "from", "after", "before", "through", "of", "for",
    "to", "the", "a", "an", "this", "that", "last", "next", "than", "between", "and",
    "or", "at", "in", "as", "during", "within", "over", "early", "late", "possibly",
    "probably", "perhaps", "maybe", "soon", "his", "her", "its", "their", "our", "my",
    "your", "whose", "every", "each", NULL,
};
static const char *const time_pair[] = {"and", "or", NULL};
static const char *const time_range[] = {"to", "through", "until", "till", NULL};
/* reporting verbs: of a trailing attribution, and of a leading one */
static const char *const reporting[] = {
    "said", "says", "say", "reported", "reports", "announced", "told", "added", "stated",
    "confirmed", "wrote", "noted", "explained", "disclosed", "revealed", NULL,
};
static const char *const leading_reporting[] = {"said", "says", "reported", "reports",
                                                "announced", NULL};
/* what may follow the verb of a trailing attribution: when and how it was said */
static const char *const trailer[] = {
    "on", "late", "early", "last", "this", "earlier", "week", "today", "yesterday",
    "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "morning", "afternoon", "evening", "night", "in", "a", "an", "statement", "interview",
    "reporters", "the", "press", "news", "conference", "briefing", "by", "telephone",
    "phone", "email", "e-mail", NULL,
};
/* first words of a clause that is not an attribution: ", which he said." */
static const char *const subordinators[] = {
    "which", "who", "whom", "whose", "that", "and", "but", "or", "as", "while", "because",
    "when", "if", "where", "although", "though", "since", "after", "before", "until",
    "so", "what", "how", "it", NULL,
};

static int word_is(const sf_doc *d, const sf_token *t, const char *w)
{
    char buf[32];
    return tok_fold(d->text + t->start, t->end - t->start, buf, sizeof buf) && strcmp(buf, w) == 0;
}

static int in_list(const sf_doc *d, const sf_token *t, const char *const *list)
{
    char buf[32];
    if (!tok_fold(d->text + t->start, t->end - t->start, buf, sizeof buf)) return 0;
    for (size_t i = 0; list[i]; i++)
        if (strcmp(buf, list[i]) == 0) return 1;
    return 0;
}

static int blank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static int upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* 1 when a sentence may start at byte p: a capital or a digit. */
static int starts_sentence(const char *t, uint32_t p)
{
    return upper(t[p]) || (t[p] >= '0' && t[p] <= '9');
}

/* 1 when t[s, e) holds a quotation mark ("", ``, '', “ ”). */
static int has_quote(const char *t, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == '"' || c == '`') return 1;
        if (c == '\'' && i + 1 < e && t[i + 1] == '\'') return 1;
        if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80 &&
            ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x9D))
            return 1;
    }
    return 0;
}

/* 1 when t[s, e) is only what may stand between two words of a name: spaces, and the
 * dots, hyphens, apostrophes and ampersands inside one ("U.N.", "ITAR-Tass", "AT&T"). */
static int name_gap(const char *t, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i < e; i++)
        if (!blank(t[i]) && t[i] != '.' && t[i] != '-' && t[i] != '\'' && t[i] != '&')
            return 0;
    return 1;
}

static int only_blanks(const char *t, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i < e; i++)
        if (!blank(t[i])) return 0;
    return 1;
}

/* The first byte after a dateline at p ("WASHINGTON _ ", "DENVER (AP) — ", "OSTRAND,
 * Velmora (MPA) -- "), or p. A dateline opens with a word in capitals; a word in mixed
 * case may follow only a comma (the region), so "NASA Administrator Bill Nelson -- " is
 * none. */
static uint32_t after_dateline(const char *t, uint32_t p, uint32_t e)
{
    if (p + 2 > e || !upper(t[p]) || !upper(t[p + 1])) return p;
    uint32_t q = p, lim = p + DATELINE_MAX < e ? p + DATELINE_MAX : e;
    int comma = 0;
    while (q < lim) {
        char c = t[q];
        if (blank(c)) {
            q++;
        } else if (c == ',') {
            comma = 1, q++;
        } else if (upper(c)) { /* a word: in capitals, or after a comma */
            int mixed = 0;
            for (; q < lim && !blank(t[q]) && t[q] != ','; q++) {
                if (t[q] >= 'a' && t[q] <= 'z') mixed = 1;
                else if (!upper(t[q]) && t[q] != '.' && t[q] != '-' && t[q] != '\'') return p;
            }
            if (mixed && !comma) return p;
        } else if (c == '(') { /* the agency: "(AP)", "(Reuters)" */
            while (q < lim && t[q] != ')') q++;
            if (q == lim) return p;
            q++;
        } else {
            break;
        }
    }
    if (q == p || !blank(t[q - 1])) return p; /* the dash stands apart */
    uint32_t n = 0;
    if (q + 3 <= lim && (unsigned char)t[q] == 0xE2 && (unsigned char)t[q + 1] == 0x80 &&
        ((unsigned char)t[q + 2] == 0x94 || (unsigned char)t[q + 2] == 0x93))
        n = 3; /* — – */
    else if (q + 2 <= lim && t[q] == '-' && t[q + 1] == '-')
        n = 2;
    else if (q < lim && (t[q] == '_' || t[q] == '-'))
        n = 1;
    if (!n || q + n >= e || !blank(t[q + n])) return p;
    q += n;
    while (q < e && blank(t[q])) q++;
    return q < e && starts_sentence(t, q) ? q : p;
}

/* 1 when time expression x is a relative date: no figure, only words of `relative`, and
 * a date or time, not the present ("today" as "nowadays"). */
static int relative_date(const sf_doc *d, const sf_token *toks, uint32_t n, const sf_timex *x)
{
    if (x->type != SF_TIMEX_DATE && x->type != SF_TIMEX_TIME) return 0;
    if (strcmp(x->value, "PRESENT_REF") == 0) return 0; /* "today" as "nowadays" */
    int words = 0;
    for (uint32_t j = 0; j < n && toks[j].start < x->end; j++) {
        if (toks[j].start < x->start) continue;
        if (!in_list(d, &toks[j], relative)) return 0;
        words++;
    }
    return words > 0;
}

/* The first time expression of d that starts at or after byte p (binary search). */
static size_t timex_from(const sf_doc *d, uint32_t p)
{
    size_t lo = 0, hi = d->n_timexes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->timexes[mid].start < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The number of tokens from toks[0] that a phrase of `connectives` spells, or 0. */
static uint32_t connective(const sf_doc *d, const sf_token *toks, uint32_t n)
{
    for (size_t i = 0; connectives[i];) {
        uint32_t k = 0;
        int ok = 1;
        for (; connectives[i]; i++, k++)
            if (ok && (k >= n || !word_is(d, &toks[k], connectives[i]))) ok = 0;
        i++; /* past the phrase's NULL */
        if (ok) return k;
    }
    return 0;
}

/* A leading connective or relative date with its comma ("However, ", "On Tuesday, ", or
 * a bare "And "), when what follows can start a sentence: the number of its tokens. */
static uint32_t leading_phrase(const sf_doc *d, const sf_token *toks, uint32_t n)
{
    uint32_t k = connective(d, toks, n);
    int comma_needed = !(k == 1 && in_list(d, &toks[0], bare));
    if (!k) {
        size_t i = timex_from(d, toks[0].start);
        const sf_timex *x = i < d->n_timexes ? &d->timexes[i] : NULL;
        uint32_t at = x && x->start != toks[0].start && n > 1 && in_list(d, &toks[0], time_preposition);
        if (x && x->start == toks[at].start && relative_date(d, toks, n, x))
            while (k < n && toks[k].start < x->end) k++;
    }
    if (!k || k >= n) return 0;
    const char *t = d->text;
    int comma = 0;
    for (uint32_t i = toks[k - 1].end; i < toks[k].start; i++) {
        if (t[i] == ',' && !comma)
            comma = 1;
        else if (!blank(t[i]))
            return 0;
    }
    if (comma_needed && !comma) return 0;
    return starts_sentence(t, toks[k].start) ? k : 0;
}

/* A leading attribution: "Officials said (Tuesday) (that) X" or "According to the
 * ministry, X", when X can start a sentence: the number of its tokens, or 0. */
static uint32_t leading_attribution(const sf_doc *d, const sf_token *toks, uint32_t n)
{
    const char *t = d->text;
    if (n > 3 && word_is(d, &toks[0], "according") && word_is(d, &toks[1], "to")) {
        uint32_t i = 2;
        for (; i < n && i <= ATTR_MAX_WORDS; i++) {
            if (memchr(t + toks[i - 1].end, ',', toks[i].start - toks[i - 1].end)) break;
            if (!name_gap(t, toks[i - 1].end, toks[i].start)) return 0;
        }
        if (i >= n || i > ATTR_MAX_WORDS) return 0;
        return starts_sentence(t, toks[i].start) ? i : 0;
    }
    if (in_list(d, &toks[0], subordinators)) return 0;
    uint32_t v = 1; /* the verb */
    for (; v < n && v <= SUBJ_MAX_WORDS && !in_list(d, &toks[v], leading_reporting); v++)
        if (!name_gap(t, toks[v - 1].end, toks[v].start)) return 0;
    if (v >= n || v > SUBJ_MAX_WORDS || !name_gap(t, toks[v - 1].end, toks[v].start)) return 0;
    uint32_t i = v + 1;
    while (i < n && in_list(d, &toks[i], relative)) i++;
    if (i < n && word_is(d, &toks[i], "that")) i++;
    if (i >= n || n - i < 4) return 0;
    for (uint32_t j = v; j < i; j++)
        if (!only_blanks(t, toks[j].end, toks[j + 1].start)) return 0;
    return starts_sentence(t, toks[i].start) ? i : 0;
}

/* A trailing attribution of the tokens toks[0, n) of a sentence ending at byte e with a
 * period: ", officials said Tuesday", ", according to the ministry". Returns the number of
 * tokens before it and sets *comma to its comma's byte; n when there is none. */
static uint32_t trailing_attribution(const sf_doc *d, const sf_token *toks, uint32_t n,
                                     uint32_t e, uint32_t *comma)
{
    const char *t = d->text;
    if (n < 2 || t[e - 1] != '.') return n;
    uint32_t i = n - 1; /* the first word after the last comma */
    for (; i > 0; i--) {
        if (memchr(t + toks[i - 1].end, ',', toks[i].start - toks[i - 1].end)) break;
        if (!name_gap(t, toks[i - 1].end, toks[i].start)) return n;
    }
    if (i == 0 || n - i > ATTR_MAX_WORDS) return n;
    /* the last word, perhaps an abbreviation's dot, then the period */
    if (!name_gap(t, toks[n - 1].end, e - 1)) return n;
    uint32_t c = toks[i - 1].end;
    while (t[c] != ',') c++;
    /* the comma stands before a space: not the one inside a figure ("3,000") */
    if (c + 1 == toks[i].start || !only_blanks(t, c + 1, toks[i].start)) return n;
    if (n - i >= 3 && word_is(d, &toks[i], "according") && word_is(d, &toks[i + 1], "to")) {
        *comma = c;
        return i;
    }
    if (in_list(d, &toks[i], subordinators)) return n;
    uint32_t v = n; /* the last reporting verb: "news reports said" */
    for (uint32_t j = i + 1; j < n; j++)
        if (in_list(d, &toks[j], reporting)) v = j;
    if (v >= n || v - i > SUBJ_MAX_WORDS) return n;
    for (uint32_t j = v + 1; j < n; j++)
        if (!in_list(d, &toks[j], trailer)) return n;
    *comma = c;
    return i;
}

/* Cut [start, end) (after the cuts made so far); one that meets the last extends it. */
static void add_cut(sf_excerpt *e, uint32_t start, uint32_t end)
{
    if (start >= end) return;
    if (e->n_cut && e->cut[e->n_cut - 1].end == start)
        e->cut[e->n_cut - 1].end = end;
    else if (e->n_cut < SF_MAX_CUTS)
        e->cut[e->n_cut++] = (sf_span){start, end};
}

/* Relative dates inside the tokens toks[0, n) (the first one excepted: it opens what is
 * kept), each cut with the "on" before it and the space before that. */
static void cut_relative_dates(const sf_doc *d, const sf_token *toks, uint32_t n, sf_excerpt *e)
{
    const char *t = d->text;
    if (n < 2) return;
    uint32_t lo = toks[0].end, hi = toks[n - 1].end;
    for (size_t i = timex_from(d, lo); i < d->n_timexes && d->timexes[i].end <= hi; i++) {
        const sf_timex *x = &d->timexes[i];
        if (!relative_date(d, toks, n, x)) continue;
        /* "this weekend's elections", "Tuesday's vote": the date qualifies a noun */
        if (t[x->end] == '\'' || (unsigned char)t[x->end] == 0xE2) continue;
        /* "Saturday, Jan. 18": the date the weekday introduces */
        if (i + 1 < d->n_timexes && d->timexes[i + 1].start <= x->end + 3) continue;
        uint32_t k = 1; /* the word before it, and the one after */
        while (k < n && toks[k].start < x->start) k++;
        uint32_t after = k;
        while (after < n && toks[after].start < x->end) after++;
        if (after < n && (in_list(d, &toks[after], time_pair) ||
                          (in_list(d, &toks[after], time_range) && after + 1 < n &&
                           in_list(d, &toks[after + 1], relative))))
            continue;
        const sf_token *before = &toks[k - 1];
        uint32_t start = x->start;
        if (!only_blanks(t, before->end, x->start)) continue;
        if (in_list(d, before, time_preposition)) {
            if (k - 1 == 0) continue; /* "On Tuesday" opening what is kept: leading_phrase's */
            start = before->start;
        } else if (in_list(d, before, time_governor)) {
            continue;
        }
        while (start > lo && blank(t[start - 1])) start--;
        if (e->n_cut && e->cut[e->n_cut - 1].end > start) continue;
        add_cut(e, start, x->end);
    }
}

sf_excerpt story_trim(const sf_doc *d, size_t doc, size_t si, int min_words)
{
    const sf_sentence *s = &d->sents[si];
    const char *t = d->text;
    sf_excerpt whole = {{doc, {s->start, s->end}}, {{0, 0}}, 0};
    sf_excerpt e = whole;
    if (!s->n_tok) return whole;
    const sf_token *first = &d->toks[s->tok_first], *toks = first;
    uint32_t n = s->n_tok;

    /* what opens the sentence */
    uint32_t p = after_dateline(t, s->start, s->end);
    while (n && toks->start < p) toks++, n--;
    int speech = has_quote(t, s->start, s->end);
    for (uint32_t k = 1; n && k;) {
        k = leading_phrase(d, toks, n);
        if (!k && !speech) k = leading_attribution(d, toks, n);
        toks += k, n -= k;
    }
    if (!n) return whole;
    if (toks != first) e.cite.span.start = toks->start;

    /* what ends it, and what is cut inside */
    uint32_t comma = 0, end = e.cite.span.end;
    while (end > e.cite.span.start && blank(t[end - 1])) end--;
    uint32_t kept = speech ? n : trailing_attribution(d, toks, n, end, &comma);
    cut_relative_dates(d, toks, kept, &e);
    if (kept < n) {
        if (t[comma - 1] == '.') /* "Corp., officials said.": its period will do */
            e.cite.span.end = comma;
        else
            add_cut(&e, comma, end - 1);
    }
    return story_excerpt_words(t, &e) >= min_words ? e : whole;
}

int story_excerpt_keeps(const sf_excerpt *e, uint32_t pos)
{
    if (pos < e->cite.span.start || pos >= e->cite.span.end) return 0;
    for (size_t i = 0; i < e->n_cut; i++)
        if (pos >= e->cut[i].start && pos < e->cut[i].end) return 0;
    return 1;
}

int story_excerpt_words(const char *text, const sf_excerpt *e)
{
    int n = 0, in = 0;
    size_t c = 0;
    for (uint32_t i = e->cite.span.start; i < e->cite.span.end; i++) {
        if (c < e->n_cut && i == e->cut[c].start) {
            i = e->cut[c++].end - 1;
            continue;
        }
        int sp = blank(text[i]);
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}
