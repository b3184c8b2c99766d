/* quote.c — quotations: pairing quotation marks, and telling utterances ("direct") from
 * quoted phrases in reported speech ("partial") and scare quotes or titles (dropped). The
 * cue and speaker of each are speaker.c's. One pass over the bytes. Rules, with their
 * limits in [brackets]:
 * - Marks: double " “ ” „ « » `` '' and single ' ‘ ’. “ „ « `` open and ” » close (a ”
 *   opening a line or standing before a word after a space opens); " and '' open after
 *   whitespace, an opening bracket, dash or bidi mark, or when followed by a letter with no
 *   quotation open ("said,"We"), and close otherwise; „…“ closes with “. A directional
 *   opener inside an open quotation nests (“he calls “hell” home”); a straight one that
 *   can only open (after a space, before a letter) nests when the paragraph holds two more
 *   straight marks to close both, and otherwise ends the open quotation, whose closing
 *   mark was lost, and opens a new one. Inner quotations are not utterances. Single marks count only outside double ones: ‘ and ' open before a
 *   letter after whitespace (not 'em, 'til, '90s), ’ and ' close before a non-letter, and a
 *   ’ or ' between letters is an apostrophe. [A plural possessive "the players' union"
 *   inside single quotes closes them.]
 * - Paragraphs (blank lines; every line break unless most single line breaks fall inside
 *   sentences, as in hard-wrapped newswire): a double quotation open at a paragraph's end
 *   continues when the next paragraph opens with a double mark (the news convention for
 *   quotes over paragraphs); otherwise it ends there (recovery from a lost closing mark),
 *   or at the end of its first sentence when the paragraph runs on for more than 1,500
 *   bytes; such a quotation also ends at a comma followed by an attribution ("We won,
 *   said Ada Quell). A single quotation never crosses a paragraph.
 * - Kind: direct when the quotation opens its sentence (or a dash or parenthesis) and ends
 *   in , . ? ! or is followed by a cue, or has four words; when a colon introduces it (a
 *   capital or final punctuation inside); when a cue and comma do ("said, "...", the second
 *   part of "A," he said, "B."); when a cue right before does (said "We ...") with a
 *   capital or a whole sentence; when a comma or colon introduces a capitalized sentence
 *   with no cue ("Clinton cracked, "I'm ..."", the clause's subject is then the speaker);
 *   or when it spans paragraphs. Not direct: fewer than two words without final
 *   punctuation, a title of up to six capitalized words with neither cue nor final
 *   punctuation, a quotation whose closing mark is lost unless a cue or colon goes with it.
 *   Otherwise partial when it has three words and is not a title; else dropped (scare
 *   quotes, titles of works). "said that "..."" is partial. A direct quotation with no cue
 *   continues the turn of the previous direct quotation's speaker when that one ended at
 *   most two sentences before, at most one paragraph break away.
 * - Context: the cue is looked for in the quotation's sentence, bounded by the
 *   neighbouring quotations; after a quotation that ends its sentence, in the next
 *   sentence ("..." ― Name) unless a paragraph break comes first (a line opening with a
 *   dash excepted); before a quotation opening a paragraph, in a previous sentence ending
 *   with a colon ("Caddell continued:").
 * - Quotations in boilerplate sentences are left out. [Transcripts ("PENCE: ...") are one
 *   long quotation; speaker labels inside are not read.] */
#include "extract/quote.h"

#include "core/mem.h"
#include "extract/cp.h"
#include "extract/speaker.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef const unsigned char *bytes;

/* a quotation as the pairing found it */
typedef struct cand {
    uint32_t open, s, e, close; /* opening mark, content [s, e), end of the closing mark */
    uint8_t multi, closed;
} cand;

/* mark types */
enum {
    M_NONE = 0,
    M_DQ_AMB,  /* " or '' */
    M_DQ_OPEN, /* “ « `` (and „ with low set) */
    M_DQ_CLOSE,
    M_DQ_LOW, /* „ */
    M_SQ_AMB, /* ' */
    M_SQ_OPEN,
    M_SQ_CLOSE
};

/* e moved back over the whitespace code points ending text[s, e) */
static uint32_t trim_back(bytes p, uint32_t s, uint32_t e)
{
    while (e > s && cp_is_space(cp_before(p, e))) {
        e--;
        while (e > s && (p[e] & 0xC0) == 0x80) e--;
    }
    return e;
}

/* The mark at p[i], its byte length in *len; M_NONE when none. */
static int mark_at(bytes p, size_t i, size_t n, size_t *len)
{
    unsigned char c = p[i];
    *len = 1;
    if (c == '"') return M_DQ_AMB;
    if (c == '`') {
        if (i + 1 < n && p[i + 1] == '`') {
            *len = 2;
            return M_DQ_OPEN;
        }
        return M_NONE;
    }
    if (c == '\'') {
        if (i + 1 < n && p[i + 1] == '\'') {
            *len = 2;
            return M_DQ_AMB;
        }
        return M_SQ_AMB;
    }
    if (c == 0xC2 && i + 1 < n) {
        *len = 2;
        if (p[i + 1] == 0xAB) return M_DQ_OPEN;  /* « */
        if (p[i + 1] == 0xBB) return M_DQ_CLOSE; /* » */
        return M_NONE;
    }
    if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80) {
        *len = 3;
        switch (p[i + 2]) {
        case 0x9C: return M_DQ_OPEN;  /* “ */
        case 0x9D: return M_DQ_CLOSE; /* ” */
        case 0x9E: return M_DQ_LOW;   /* „ */
        case 0x98: return M_SQ_OPEN;  /* ‘ */
        case 0x99: return M_SQ_CLOSE; /* ’ */
        default: return M_NONE;
        }
    }
    return M_NONE;
}

/* whether the character before a mark lets it open: start, whitespace, ( [ { — – - / or
 * another quotation mark */
static int opens_after(int32_t c)
{
    return c < 0 || cp_is_space(c) || (c >= 0x200E && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || /* bidi marks */ c == '(' || c == '[' || c == '{' || c == 0x2014 ||
           c == 0x2013 || c == '-' || c == '/' || c == '"' || c == 0x201C || c == 0x2018 ||
           c == 0xAB || c == 0x201E;
}

/* 'em, 'til, 'cause, 'n', '90s: an elision, not an opening single mark */
static int elision(bytes p, size_t i, size_t n)
{
    static const char *const w[] = {"em", "til", "till", "cause", "cos", "n", "tis", "twas",
                                    "round", "bout", "nuff", "ol", "s", NULL};
    if (i < n && p[i] >= '0' && p[i] <= '9') return 1;
    size_t j = i;
    while (j < n && j - i < 8 && ((p[j] | 0x20) >= 'a' && (p[j] | 0x20) <= 'z')) j++;
    for (size_t k = 0; w[k]; k++)
        if (strlen(w[k]) == j - i && strncasecmp(w[k], (const char *)p + i, j - i) == 0)
            return 1;
    return 0;
}

/* ---- pairing ----------------------------------------------------------------------------- */

typedef struct pairer {
    bytes p;
    size_t n;
    const sf_doc *d;
    cand *c;
    size_t nc, cap;
    /* the open double quotation */
    int dq, depth, low, multi;
    uint32_t dq_open, dq_s, dq_last_e, dq_last_close;
    /* the open single quotation */
    int sq;
    uint32_t sq_open, sq_s;
} pairer;

static void emit(pairer *r, uint32_t open, uint32_t s, uint32_t e, uint32_t close, int multi,
                 int closed)
{
    if (e <= s) return;
    SF_GROW(r->c, r->cap, r->nc + 1);
    r->c[r->nc++] = (cand){open, s, e, close, (uint8_t)multi, (uint8_t)closed};
}

/* A paragraph ends at p[i] (a line break). Decide for the open double quotation: continue
 * over the opening mark of the next paragraph (returns the index after it) or end. */
static size_t para_break(pairer *r, size_t i)
{
    r->sq = 0;
    if (!r->dq) return i;
    size_t j = i, l = 0;
    while (j < r->n) {
        int32_t c = cp_at(r->p, j, r->n, &l);
        if (!cp_is_space(c)) break;
        j += l;
    }
    if (j < r->n) {
        int m = mark_at(r->p, j, r->n, &l);
        if (m == M_DQ_AMB || m == M_DQ_OPEN || m == M_DQ_LOW) {
            r->multi = 1;
            r->depth = 1;
            return j + l; /* the quotation goes on after the repeated mark */
        }
    }
    /* recovery: end at the paragraph's end, or the first sentence's when that is far */
    uint32_t e = (uint32_t)i;
    e = trim_back(r->p, r->dq_s, e);
    if (e - r->dq_s > 1500) {
        size_t si = spk_sentence(r->d, r->dq_s);
        uint32_t se = si != SIZE_MAX ? r->d->sents[si].end : 0;
        if (se > r->dq_s && se < e) e = se;
    }
    emit(r, r->dq_open, r->dq_s, e, e, r->multi, 0);
    r->dq = 0;
    return i;
}

static void dq_open(pairer *r, size_t i, size_t l, int low)
{
    r->dq = 1;
    r->depth = 1;
    r->low = low;
    r->multi = 0;
    r->dq_open = (uint32_t)i;
    r->dq_s = (uint32_t)(i + l);
}

static void dq_close(pairer *r, size_t i, size_t l)
{
    emit(r, r->dq_open, r->dq_s, (uint32_t)i, (uint32_t)(i + l), r->multi, 1);
    r->dq = 0;
}

/* whether the text is hard-wrapped: most single line breaks fall inside sentences (after
 * a letter, digit or comma), so only blank lines end paragraphs */
static int hard_wrapped(bytes p, size_t n)
{
    size_t single = 0, inside = 0;
    for (const unsigned char *q = memchr(p, '\n', n); q;
         q = q + 1 < p + n ? memchr(q + 1, '\n', n - (size_t)(q + 1 - p)) : NULL) {
        const unsigned char *k = q + 1;
        while (k < p + n && (*k == ' ' || *k == '\t' || *k == '\r')) k++;
        if (k >= p + n || *k == '\n') continue;
        const unsigned char *b = q;
        while (b > p && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r')) b--;
        if (b == p || b[-1] == '\n') continue;
        single++;
        unsigned char c = b[-1];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') inside++;
        else if ((c >= '0' && c <= '9') || c == ',') inside++;
    }
    return single >= 3 && inside * 2 > single;
}

/* the straight double marks (" and '') in text[i, n) before the paragraph ends, looking at
 * most 2,000 bytes ahead (wrapped: only blank lines end paragraphs) */
static int straight_ahead(bytes p, size_t i, size_t n, int wrapped)
{
    int k = 0;
    size_t end = n - i > 2000 ? i + 2000 : n;
    for (; i < end; i++) {
        if (p[i] == '"') k++;
        else if (p[i] == '\'' && i + 1 < end && p[i + 1] == '\'') {
            k++;
            i++;
        } else if (p[i] == '\n') {
            if (!wrapped) break;
            size_t j = i + 1;
            while (j < end && (p[j] == ' ' || p[j] == '\t' || p[j] == '\r')) j++;
            if (j < end && p[j] == '\n') break;
        }
    }
    return k;
}

static void pair_marks(pairer *r, int blank)
{
    bytes p = r->p;
    size_t n = r->n;
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c == '\n') {
            size_t k = i + 1;
            while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r')) k++;
            if (!blank || (k < n && p[k] == '\n')) {
                i = para_break(r, i);
                if (i < n && p[i] == '\n') i++;
                continue;
            }
            i++;
            continue;
        }
        if (c != '"' && c != '\'' && c != '`' && c != 0xC2 && c != 0xE2) {
            i++;
            continue;
        }
        size_t l;
        int m = mark_at(p, i, n, &l);
        if (m == M_NONE) {
            i++;
            continue;
        }
        int32_t prev = cp_before(p, i);
        size_t nl;
        int32_t next = cp_at(p, i + l, n, &nl);
        int before_space = opens_after(prev);
        int next_word = next >= 0 && cp_is_alnum(next);
        int next_open = next >= 0 && !cp_is_space(next);
        switch (m) {
        case M_DQ_AMB:
            if (r->dq && before_space && next_word && i > r->dq_s + 1) {
                /* a mark that can only open, inside a quotation: a nested one when two
                 * more marks close it and the outer one in this paragraph; else the
                 * quotation before lost its closing mark */
                int more = straight_ahead(p, i + l, n, blank);
                if (more >= 2 && more % 2 == 0) {
                    r->depth++;
                } else if (r->depth == 1 && !r->multi) {
                    uint32_t e = (uint32_t)i;
                    e = trim_back(p, r->dq_s, e);
                    emit(r, r->dq_open, r->dq_s, e, e, 0, 0);
                    dq_open(r, i, l, 0);
                } else if (r->depth > 1) {
                    r->depth--;
                } else {
                    dq_close(r, i, l);
                }
            } else if (r->dq) {
                if (r->depth > 1) r->depth--;
                else dq_close(r, i, l);
            } else if (before_space ? next_open : next_word) {
                dq_open(r, i, l, 0); /* a single quotation stays open around it */
            }
            break;
        case M_DQ_OPEN:
        case M_DQ_LOW:
            if (!r->dq) {
                dq_open(r, i, l, m == M_DQ_LOW);
            } else if (r->low && p[i] == 0xE2 && p[i + 2] == 0x9C) {
                dq_close(r, i, l); /* „…“ */
            } else if (!before_space && (next < 0 || cp_is_space(next) || !next_word) &&
                       r->depth == 1 && p[i] == 0xE2 && p[i + 2] == 0x9C) {
                dq_close(r, i, l); /* a “ typed for a ” */
            } else {
                r->depth++;
            }
            break;
        case M_DQ_CLOSE:
            if (r->dq) {
                if (r->depth > 1) r->depth--;
                else dq_close(r, i, l);
            } else if (p[i] == 0xE2 && ((before_space && next_word) || prev < 0 || prev == '\n')) {
                dq_open(r, i, l, 0); /* a ” typed for a “, or opening a line */
            }
            break;
        case M_SQ_AMB:
        case M_SQ_OPEN:
        case M_SQ_CLOSE:
            if (r->dq) break; /* inner quotations are not utterances */
            if (r->sq) {
                int word_after = next >= 0 && cp_is_alnum(next);
                if (m != M_SQ_OPEN && !before_space && !word_after) {
                    emit(r, r->sq_open, r->sq_s, (uint32_t)i, (uint32_t)(i + l), 0, 1);
                    r->sq = 0;
                }
            } else if (m != M_SQ_CLOSE && before_space && next_word && !elision(p, i + l, n)) {
                r->sq = 1;
                r->sq_open = (uint32_t)i;
                r->sq_s = (uint32_t)(i + l);
            }
            break;
        }
        i += l;
    }
    if (r->dq) para_break(r, n);
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    return x->e > y->e ? -1 : x->e < y->e;
}

/* the paragraph breaks in text[a, b), at most 2: blank lines, or any line break unless the
 * text is hard-wrapped */
static int para_breaks(bytes p, uint32_t a, uint32_t b, int wrapped)
{
    int n = 0;
    for (uint32_t i = a; i < b && n < 2; i++) {
        if (p[i] != '\n') continue;
        uint32_t k = i + 1;
        while (k < b && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r')) k++;
        if (!wrapped || (k < b && p[k] == '\n')) n++;
        while (k < b && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r' || p[k] == '\n')) k++;
        i = k - 1;
    }
    return n;
}

/* ---- kinds --------------------------------------------------------------------------- */

/* words in text[s, e), and whether all of them start with a capital (a title) */
static size_t count_words(bytes p, uint32_t s, uint32_t e, int *title)
{
    size_t w = 0, caps = 0, small = 0;
    uint32_t i = s;
    while (i < e) {
        size_t l;
        int32_t c = cp_at(p, i, e, &l);
        if (!cp_is_alnum(c)) {
            i += (uint32_t)l;
            continue;
        }
        uint32_t ws = i;
        while (i < e) {
            c = cp_at(p, i, e, &l);
            if (!cp_is_alnum(c) && c != '\'' && c != 0x2019 && c != '-') break;
            i += (uint32_t)l;
        }
        w++;
        if (p[ws] >= 'A' && p[ws] <= 'Z') caps++;
        else if (i - ws <= 3 && p[ws] >= 'a' && p[ws] <= 'z')
            small++; /* of, the, and: lowercase in titles */
    }
    *title = w > 0 && caps > 0 && caps + small == w && caps * 2 > w;
    return w;
}

/* the last character inside the quotation but spaces and closing inner marks ('...'") */
static int32_t last_char(bytes p, uint32_t s, uint32_t e)
{
    while (e > s) {
        int32_t c = cp_before(p, e);
        if (!cp_is_space(c) && c != '\'' && c != 0x2019 && c != '"' && c != 0x201D) return c;
        size_t k = e - 1;
        while (k > s && (p[k] & 0xC0) == 0x80) k--;
        e = (uint32_t)k;
    }
    return -1;
}

/* whether a dash starts text at i: "- Bernie Sanders" on the line after a quotation */
static int starts_dash(bytes p, size_t i, size_t n)
{
    if (i < n && p[i] == '-') return 1;
    return i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] >= 0x93 && p[i + 2] <= 0x95;
}

/* whether only spaces, commas and "but"/"and" stand in text[a, b): "he said, but "..."" */
static int joined(bytes p, uint32_t a, uint32_t b)
{
    while (a < b) {
        if (p[a] == ' ' || p[a] == ',') a++;
        else if (b - a >= 3 && (!memcmp(p + a, "but", 3) || !memcmp(p + a, "and", 3))) a += 3;
        else return 0;
    }
    return 1;
}

/* whether the quotation's first letter is a capital */
static int starts_upper(bytes p, uint32_t s, uint32_t e)
{
    while (s < e) {
        size_t l;
        int32_t c = cp_at(p, s, e, &l);
        if (cp_is_alnum(c)) return utf8proc_category(c) == UTF8PROC_CATEGORY_LU || (c >= '0' && c <= '9');
        s += (uint32_t)l;
    }
    return 0;
}

/* whether only whitespace or opening punctuation stands between the sentence's start (or
 * the paragraph's) and pos */
static int starts_sentence(const sf_doc *d, uint32_t pos, uint32_t lo)
{
    bytes p = (bytes)d->text;
    uint32_t i = pos;
    while (i > lo) {
        int32_t c = cp_before(p, i);
        if (c == '\n' || c == '(' || c == '[' || c == 0x2014 || c == 0x2013 || c == '-')
            return 1; /* a line, a parenthesis or a dash opens it: ... - "Again," she said - */
        if (!cp_is_space(c)) return 0;
        size_t k = i - 1;
        while (k > lo && (p[k] & 0xC0) == 0x80) k--;
        i = (uint32_t)k;
    }
    return 1;
}

void quote_find(sf_doc *d)
{
    free(d->quotes);
    d->quotes = NULL;
    d->n_quotes = 0;
    if (!d->text || !d->len) return;
    bytes p = (bytes)d->text;
    pairer r = {.p = p, .n = d->len, .d = d};
    int wrapped = hard_wrapped(p, d->len);
    pair_marks(&r, wrapped);
    if (!r.nc) {
        free(r.c);
        return;
    }
    qsort(r.c, r.nc, sizeof *r.c, cmp_cand);
    /* drop quotations inside another (nested in single quotes) */
    size_t m = 0;
    for (size_t i = 0; i < r.nc; i++) {
        if (m && r.c[i].s < r.c[m - 1].close) continue;
        r.c[m++] = r.c[i];
    }
    r.nc = m;

    /* a quotation whose closing mark is lost ends before an attribution inside it:
     * "We won, said Ada Quell. -> "We won," */
    for (size_t i = 0; i < r.nc; i++) {
        cand *c = &r.c[i];
        if (c->closed) continue;
        const unsigned char *k = p + c->s;
        for (int tries = 0; tries < 16; tries++) {
            k = memchr(k, ',', (size_t)(p + c->e - k));
            if (!k) break;
            spk_cue sc;
            uint32_t at = (uint32_t)(k - p) + 1;
            if (spk_after(d->text, at, c->e, &sc)) {
                c->e = c->close = at;
                c->closed = 1;
                break;
            }
            k++;
        }
    }

    size_t cap = 0;
    for (size_t i = 0; i < r.nc; i++) {
        const cand *c = &r.c[i];
        if (sf_doc_in_boilerplate(d, c->open)) continue;
        int title;
        size_t words = count_words(p, c->s, c->e, &title);
        if (!words) continue;
        /* context: the sentences around, bounded by the neighbouring quotations */
        size_t so = spk_sentence(d, c->open), sc = spk_sentence(d, c->close ? c->close - 1 : 0);
        uint32_t lo = so != SIZE_MAX ? d->sents[so].start : 0;
        if (so != SIZE_MAX && so > 0 && lo == c->open && d->sents[so - 1].end > 0 &&
            p[d->sents[so - 1].end - 1] == ':')
            lo = d->sents[so - 1].start; /* X continued:  ¶ "..." */
        uint32_t slo = lo;
        uint32_t hi = sc != SIZE_MAX ? d->sents[sc].end : (uint32_t)d->len;
        if (hi < c->close) hi = c->close;
        if (i > 0 && r.c[i - 1].close > lo && r.c[i - 1].close <= c->open) lo = r.c[i - 1].close;
        if (i + 1 < r.nc && r.c[i + 1].open < hi && r.c[i + 1].open >= c->close)
            hi = r.c[i + 1].open;
        uint32_t shi = hi;
        if (hi <= c->close && sc != SIZE_MAX && sc + 1 < d->n_sents &&
            (!para_breaks(p, c->close, d->sents[sc + 1].start, wrapped) ||
             starts_dash(p, d->sents[sc + 1].start, d->len))) {
            /* the quotation ends its sentence: the cue may open the next ("..." ― Name) */
            hi = d->sents[sc + 1].end;
            if (i + 1 < r.nc && r.c[i + 1].open < hi && r.c[i + 1].open >= c->close)
                hi = r.c[i + 1].open;
        }
        spk_cue cue;
        spk_find(d->text, slo, lo, c->open, c->close, shi, hi, &cue);

        int32_t last = last_char(p, c->s, c->e);
        int terminal = last == '.' || last == '?' || last == '!' || last == 0x2026;
        int punct_end = last == ',' || last == '.' || last == '?' || last == '!' ||
                        last == 0x2026 || last == 0x2014 || last == '-';
        int initial = starts_sentence(d, c->open, so != SIZE_MAX ? d->sents[so].start : 0) ||
                      (so != SIZE_MAX && c->open == d->sents[so].start);
        int kind = 0;
        int upper = starts_upper(p, c->s, c->e);
        if (c->multi) kind = SF_QUOTE_DIRECT;
        else if (initial && (punct_end || cue.side == 1 || (words >= 4 && !title)))
            kind = SF_QUOTE_DIRECT;
        else if (cue.intro == SPK_INTRO_COLON && (upper || punct_end))
            kind = SF_QUOTE_DIRECT;
        else if (cue.intro == SPK_INTRO_COMMA && cue.side == 2)
            kind = SF_QUOTE_DIRECT;
        else if (cue.intro == SPK_INTRO_BARE && cue.side == 2 && joined(p, cue.cue_end, c->open) &&
                 (upper || (terminal && words >= 4)))
            kind = SF_QUOTE_DIRECT;
        else if ((cue.intro == SPK_INTRO_COMMA || cue.intro == SPK_INTRO_COLON) && upper &&
                 !title && words >= 3 && (terminal || words >= 5))
            kind = SF_QUOTE_DIRECT; /* ... boomed, "Today, you proved ..." */
        if (kind == SF_QUOTE_DIRECT && words < 2 && !punct_end) kind = 0;
        /* a title standing alone ("The Long Harbor," a film ...) is no utterance */
        if (kind == SF_QUOTE_DIRECT && title && words <= 6 &&
            (!punct_end || (!terminal && cue.side == 0)))
            kind = 0;
        /* a quotation whose closing mark is lost is an utterance only with a cue */
        if (kind == SF_QUOTE_DIRECT && !c->closed && !c->multi && cue.side == 0 &&
            cue.intro != SPK_INTRO_COLON)
            kind = 0;
        if (!kind && words >= 3 && !title) kind = SF_QUOTE_PARTIAL;
        if (!kind) continue;

        SF_GROW(d->quotes, cap, d->n_quotes + 1);
        sf_quote *q = &d->quotes[d->n_quotes++];
        *q = (sf_quote){.start = c->s, .end = c->e, .kind = (uint8_t)kind};
        q->cue_start = cue.cue_start;
        q->cue_end = cue.cue_end;
        q->speaker_start = cue.sp_start;
        q->speaker_end = cue.sp_end;
        if (cue.cue_start >= cue.cue_end) q->cue_start = q->cue_end = q->speaker_start =
            q->speaker_end = c->s;
        if (kind == SF_QUOTE_DIRECT && cue.cue_start >= cue.cue_end &&
            (cue.intro == SPK_INTRO_COMMA || cue.intro == SPK_INTRO_COLON)) {
            /* no verb of saying: the clause's subject, the comma or colon as the cue */
            uint32_t ss, se;
            if (spk_subject(d->text, slo, c->open, &ss, &se)) {
                uint32_t k = c->open;
                while (k > ss && p[k - 1] != ',' && p[k - 1] != ':') k--;
                if (k > se) {
                    q->speaker_start = ss;
                    q->speaker_end = se;
                    q->cue_start = k - 1;
                    q->cue_end = k;
                }
            }
        }
        /* a direct quotation without a cue goes on with the previous speaker's turn */
        if (kind == SF_QUOTE_DIRECT && q->speaker_start == q->speaker_end && d->n_quotes > 1) {
            const sf_quote *pq = NULL;
            for (size_t k = d->n_quotes - 1; k-- > 0;)
                if (d->quotes[k].kind == SF_QUOTE_DIRECT) {
                    pq = &d->quotes[k];
                    break;
                }
            if (pq && pq->speaker_start < pq->speaker_end) {
                size_t s0 = spk_sentence(d, pq->end ? pq->end - 1 : 0), s1 = so;
                int paras = pq->end < c->open ? para_breaks(p, pq->end, c->open, wrapped) : 0;
                if (s0 != SIZE_MAX && s1 != SIZE_MAX && s1 >= s0 && s1 - s0 <= 2 && paras <= 1) {
                    q->speaker_start = pq->speaker_start;
                    q->speaker_end = pq->speaker_end;
                }
            }
        }
    }
    free(r.c);
    spk_resolve_strings(d);
}
