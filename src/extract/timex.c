/* timex.c — time expressions (TimeML TIMEX3): finding them in running text and giving each
 * its type and normalized value, resolved against the document date (DCT). Hand-written
 * rules over ner_tokenize's tokens, split at hyphens ("third-quarter" is "third" "quarter",
 * the span is still the whole token), with one word table (a hash of ~300 words built once);
 * calendar arithmetic is timex_value.c's, written numbers number.c's (num_words). The
 * arrays of a call (pieces, tense cues) are its own and freed before it returns.
 *
 * What is found, as TimeBank annotates it (determiners and modifiers inside the span, the
 * article of a name or an adjective outside: "the 2012 Olympics", "the 24-hour strike"):
 * - DATE: "Feb. 25", "February 25, 2022", "25 February 2022", "Friday, Feb. 25", "March 2022",
 *   "January this year", "2022", "fiscal 1989", "nineteen ninety-six", "the 1990s", "mid-1990s",
 *   "1998-01-08"; a month alone (capitalized, not before a capitalized word; "May", "March",
 *   "April", "June", "August" need a day, a year, a cue word before them or "the" + noun
 *   after); weekdays (not before a capitalized word: "Sunday Times"); "today", "yesterday",
 *   "tomorrow"; "this/last/next/past/coming week|month|year|quarter|weekend|Friday|March|
 *   summer"; "earlier this month", "early next year", "mid-March", "the end of 1990", "by year
 *   end" ("since year-end": last year's); "two days ago"; "a year earlier", "year-earlier",
 *   "the year-ago quarter", "the quarter a year ago", "the period last year" (when quarters
 *   were spoken of in the sentence or the four before, and no span of months since ("the
 *   nine months"), the quarter reported on, a year before: "1988-Q3");
 *   "the third quarter", "third-quarter", "the 1988 third quarter", "the first half", "the
 *   last half of 1989"; "the 20th century", "the nineties";
 *   "the quarter", "the latest quarter" (the last closed before the DCT); "the following
 *   year", "the next day" (from the last point named); "the day before last Tuesday";
 *   seasons (not "the fall of X"); "now", "currently", "current" before a noun
 *   (PRESENT_REF), "recently", "the past" (PAST_REF), "the future", "the near future"
 *   (FUTURE_REF); a few fixed holidays.
 * - TIME: "5 p.m.", "10:35 a.m. EST", "at noon", "midnight Friday", "5 p.m. Friday" (one
 *   expression), "tonight", "last night", "this morning", "Friday morning", "overnight"
 *   (like "last night": the night into the day in focus, named or the DCT; ahead, tonight);
 *   a clock time without a day is on the day named in its sentence or the one before, else
 *   the DCT ("10:35 a.m. (0735 GMT) Friday": Friday).
 * - DURATION: "two days", "23 days", "five-year", "day-long", "a couple of years", "several
 *   weeks" (PXW), "for years" (PXY), "two more weeks", "eight trading days", "two and a half
 *   years" (P2Y6M), "the past three years", "the last two weeks", "the next few days", "the
 *   first nine months", "three days later" (the span stops before "later"), "nearly an hour"
 *   (qualifiers "about", "nearly", "more than", "at least"... inside the span); not ages
 *   ("6-year-old", "52 years old").
 * - SET: "daily", "weekly", "every Friday" (XXXX-WXX-5), "each month", "every two years",
 *   "$5 a year", "twice a week" (P1Y, P1W).
 * Direction: the nearest tense cue in the sentence decides (future: will, 'll, shall, won't,
 * would, going to, expected to, plans to, planning to / for, planned a, scheduled, effective,
 * an infinitive before the expression (for a weekday, within five pieces); past: said, was,
 * had, other past forms, lowercase words in -ed (not before "by": "markets untouched by"), but
 * not "was" before a future cue: "was expected to"); after "since", the past: a bare weekday
 * lies on or before the DCT in the past, on or after it in the future; a month or month-day
 * more than eight months away that way is taken the other way ("mid-November" in late October),
 * but never after "since"; quarters and seasons are the last begun (future: the next to end).
 * Without a DCT, values keep X's ("XXXX-WXX-5") or are "" when they depend on it. Boilerplate
 * sentences are skipped. [Not handled: ranges as one expression ("1998-99" gives nothing),
 * times without a.m./p.m., a zone or o'clock, numeric dates other than ISO, "that day" and
 * other anaphora; "now", "current", "recent", "soon" are annotated inconsistently in TimeBank:
 * the first two are taken, the others left.] */
#include "extract/timex.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/mem.h"
#include "extract/number.h"
#include "extract/timex_value.h"
#include "ner/ner.h"

const char *sf_timex_type_name(int type)
{
    static const char *const names[] = {"", "DATE", "TIME", "DURATION", "SET"};
    return type >= SF_TIMEX_DATE && type <= SF_TIMEX_SET ? names[type] : "";
}

/* ---- the word table ---- */

enum {
    C_NONE = 0,
    C_MONTH,   /* v 1..12 */
    C_WDAY,    /* v 1 Monday .. 7 Sunday */
    C_UNIT,    /* v U_... (+ U_PL when plural) */
    C_SEASON,  /* v 1 spring .. 4 winter */
    C_PART,    /* v P_... part of the day */
    C_ORD,     /* v 1..12 */
    C_DEIC,    /* v D_... */
    C_REL,     /* v R_... */
    C_MOD,     /* v M_... */
    C_EDGE,    /* end, beginning, start, middle, close (before "of") */
    C_SETADV,  /* daily ...: v U_... */
    C_EVERY,   /* every, each */
    C_AGO,     /* ago */
    C_ANAPH,   /* earlier, later: v -1 / +1 */
    C_APPROX,  /* about, nearly, ...: v 1; 2 before "than"; 4 only before a count ("just two
                  days"); 5 only before "now" ("right now") */
    C_FEW,     /* several, few, many, couple */
    C_THE,     /* the */
    C_A,       /* a, an */
    C_OF,      /* of */
    C_FISCAL,  /* fiscal */
    C_HALF,    /* half */
    C_AMPM,    /* a.m., p.m., am, pm: v 0 / 12 */
    C_ZONE,    /* EST, GMT, ... */
    C_PERIOD,  /* period */
    C_HOLIDAY, /* christmas, ...: v index into HOLIDAYS */
    C_FUT,     /* will, 'll, shall, ...: future cues */
    C_TO,      /* to, or, through (number ranges) */
    C_PAST,    /* said, was, were, had, ...: past-tense cues (besides lowercase words in -ed) */
    C_NEAR,    /* near, short, long (term), full (year) */
    C_NUMW     /* a number word: one .. ninety, hundred, thousand, dozen (num_words reads them) */
};
enum { U_SEC = 1, U_MIN, U_HOUR, U_DAY, U_WEEK, U_FORTNIGHT, U_MONTH, U_QUARTER, U_YEAR, U_DECADE, U_CENTURY, U_WEEKEND, U_PL = 32 };
enum { P_MO = 1, P_AF, P_EV, P_NI, P_NOON, P_MIDNIGHT, P_DT };
enum { D_TODAY = 1, D_YESTERDAY, D_TOMORROW, D_TONIGHT, D_NOW, D_CURRENTLY, D_RECENTLY, D_SOON, D_PAST, D_FUTURE, D_PRESENT, D_PREVIOUSLY, D_OVERNIGHT, D_NOWADAYS };
enum { R_THIS = 1, R_LAST, R_NEXT, R_PAST, R_PREV, R_COMING, R_CURRENT, R_LATEST, R_RECENT, R_FOLLOWING };
enum { M_EARLY = 1, M_LATE, M_MID, M_EARLIER, M_LATER };

typedef struct word {
    const char *w;
    uint8_t cls;
    int8_t v;
} word;

static const word WORDS[] = {
    {"january", C_MONTH, 1}, {"february", C_MONTH, 2}, {"march", C_MONTH, 3}, {"april", C_MONTH, 4},
    {"may", C_MONTH, 5}, {"june", C_MONTH, 6}, {"july", C_MONTH, 7}, {"august", C_MONTH, 8},
    {"september", C_MONTH, 9}, {"october", C_MONTH, 10}, {"november", C_MONTH, 11},
    {"december", C_MONTH, 12}, {"jan", C_MONTH, 1}, {"feb", C_MONTH, 2}, {"mar", C_MONTH, 3},
    {"apr", C_MONTH, 4}, {"jun", C_MONTH, 6}, {"jul", C_MONTH, 7}, {"aug", C_MONTH, 8},
    {"sep", C_MONTH, 9}, {"sept", C_MONTH, 9}, {"oct", C_MONTH, 10}, {"nov", C_MONTH, 11},
    {"dec", C_MONTH, 12},
    {"monday", C_WDAY, 1}, {"tuesday", C_WDAY, 2}, {"wednesday", C_WDAY, 3}, {"thursday", C_WDAY, 4},
    {"friday", C_WDAY, 5}, {"saturday", C_WDAY, 6}, {"sunday", C_WDAY, 7},
    {"second", C_ORD, 2}, {"seconds", C_UNIT, U_SEC | U_PL}, {"minute", C_UNIT, U_MIN},
    {"minutes", C_UNIT, U_MIN | U_PL}, {"hour", C_UNIT, U_HOUR}, {"hours", C_UNIT, U_HOUR | U_PL},
    {"day", C_UNIT, U_DAY}, {"days", C_UNIT, U_DAY | U_PL}, {"week", C_UNIT, U_WEEK},
    {"weeks", C_UNIT, U_WEEK | U_PL}, {"fortnight", C_UNIT, U_FORTNIGHT}, {"month", C_UNIT, U_MONTH},
    {"months", C_UNIT, U_MONTH | U_PL}, {"quarter", C_UNIT, U_QUARTER},
    {"quarters", C_UNIT, U_QUARTER | U_PL}, {"year", C_UNIT, U_YEAR}, {"years", C_UNIT, U_YEAR | U_PL},
    {"decade", C_UNIT, U_DECADE}, {"decades", C_UNIT, U_DECADE | U_PL}, {"century", C_UNIT, U_CENTURY},
    {"centuries", C_UNIT, U_CENTURY | U_PL}, {"weekend", C_UNIT, U_WEEKEND},
    {"weekends", C_UNIT, U_WEEKEND | U_PL}, {"yr", C_UNIT, U_YEAR}, {"yrs", C_UNIT, U_YEAR | U_PL},
    {"spring", C_SEASON, 1}, {"summer", C_SEASON, 2}, {"fall", C_SEASON, 3}, {"autumn", C_SEASON, 3},
    {"winter", C_SEASON, 4},
    {"morning", C_PART, P_MO}, {"afternoon", C_PART, P_AF}, {"evening", C_PART, P_EV},
    {"night", C_PART, P_NI}, {"noon", C_PART, P_NOON}, {"midnight", C_PART, P_MIDNIGHT},
    {"midday", C_PART, P_NOON}, {"daytime", C_PART, P_DT},
    {"first", C_ORD, 1}, {"third", C_ORD, 3}, {"fourth", C_ORD, 4}, {"fifth", C_ORD, 5},
    {"sixth", C_ORD, 6}, {"seventh", C_ORD, 7}, {"eighth", C_ORD, 8}, {"ninth", C_ORD, 9},
    {"tenth", C_ORD, 10}, {"eleventh", C_ORD, 11}, {"twelfth", C_ORD, 12}, {"1st", C_ORD, 1},
    {"2nd", C_ORD, 2}, {"3rd", C_ORD, 3}, {"4th", C_ORD, 4},
    {"today", C_DEIC, D_TODAY}, {"yesterday", C_DEIC, D_YESTERDAY}, {"tomorrow", C_DEIC, D_TOMORROW},
    {"tonight", C_DEIC, D_TONIGHT}, {"now", C_DEIC, D_NOW}, {"currently", C_DEIC, D_CURRENTLY},
    {"presently", C_DEIC, D_CURRENTLY}, {"recently", C_DEIC, D_RECENTLY}, {"lately", C_DEIC, D_RECENTLY},
    {"soon", C_DEIC, D_SOON}, {"near", C_NEAR, 0}, {"full", C_NEAR, 1}, {"these", C_NEAR, 2},
    {"said", C_PAST, 0}, {"was", C_PAST, 0}, {"were", C_PAST, 0}, {"had", C_PAST, 0},
    {"did", C_PAST, 0}, {"told", C_PAST, 0}, {"met", C_PAST, 0}, {"took", C_PAST, 0},
    {"made", C_PAST, 0}, {"came", C_PAST, 0}, {"went", C_PAST, 0}, {"left", C_PAST, 0},
    {"began", C_PAST, 0}, {"held", C_PAST, 0}, {"gave", C_PAST, 0}, {"found", C_PAST, 0},
    {"saw", C_PAST, 0}, {"got", C_PAST, 0}, {"became", C_PAST, 0}, {"fell", C_PAST, 0},
    {"rose", C_PAST, 0}, {"won", C_PAST, 0}, {"lost", C_PAST, 0}, {"sold", C_PAST, 0},
    {"bought", C_PAST, 0}, {"paid", C_PAST, 0}, {"struck", C_PAST, 0},
    {"brought", C_PAST, 0}, {"ran", C_PAST, 0}, {"spent", C_PAST, 0}, {"led", C_PAST, 0},
    {"fled", C_PAST, 0}, {"sent", C_PAST, 0}, 
    {"wrote", C_PAST, 0}, {"spoke", C_PAST, 0}, {"broke", C_PAST, 0}, {"knew", C_PAST, 0},
    {"thought", C_PAST, 0}, {"shot", C_PAST, 0}, {"flew", C_PAST, 0}, {"drew", C_PAST, 0}, {"past", C_REL, R_PAST}, {"future", C_DEIC, D_FUTURE},
    {"present", C_DEIC, D_PRESENT}, {"overnight", C_DEIC, D_OVERNIGHT},
    {"nowadays", C_DEIC, D_NOWADAYS},
    {"this", C_REL, R_THIS}, {"last", C_REL, R_LAST}, {"next", C_REL, R_NEXT},
    {"previous", C_REL, R_PREV}, {"prior", C_REL, R_PREV}, {"preceding", C_REL, R_PREV},
    {"coming", C_REL, R_COMING}, {"current", C_REL, R_CURRENT}, {"latest", C_REL, R_LATEST},
    {"recent", C_REL, R_RECENT}, {"following", C_REL, R_FOLLOWING},
    {"early", C_MOD, M_EARLY}, {"late", C_MOD, M_LATE}, {"mid", C_MOD, M_MID},
    {"earlier", C_ANAPH, -1}, {"later", C_ANAPH, 1},
    {"end", C_EDGE, M_LATE}, {"beginning", C_EDGE, M_EARLY}, {"start", C_EDGE, M_EARLY},
    {"middle", C_EDGE, M_MID}, {"close", C_EDGE, M_LATE},
    {"daily", C_SETADV, U_DAY}, {"weekly", C_SETADV, U_WEEK}, {"monthly", C_SETADV, U_MONTH},
    {"yearly", C_SETADV, U_YEAR},
    {"annual", C_SETADV, -U_YEAR}, {"hourly", C_SETADV, U_HOUR}, {"nightly", C_SETADV, U_DAY},
    {"every", C_EVERY, 0}, {"each", C_EVERY, 0}, {"per", C_EVERY, 1},
    {"ago", C_AGO, 0}, {"about", C_APPROX, 1}, {"nearly", C_APPROX, 1}, {"almost", C_APPROX, 1},
    {"approximately", C_APPROX, 1}, {"roughly", C_APPROX, 1}, {"around", C_APPROX, 1},
    {"some", C_APPROX, 4}, {"more", C_APPROX, 2}, {"less", C_APPROX, 2}, {"fewer", C_APPROX, 2},
    {"least", C_APPROX, 3}, {"just", C_APPROX, 4}, {"only", C_APPROX, 4}, {"sometime", C_APPROX, 1},
    {"right", C_APPROX, 5},
    {"several", C_FEW, 0}, {"few", C_FEW, 0}, {"many", C_FEW, 0}, {"couple", C_FEW, 2},
    {"the", C_THE, 0}, {"a", C_A, 0}, {"an", C_A, 0}, {"of", C_OF, 0}, {"fiscal", C_FISCAL, 0},
    {"half", C_HALF, 0}, {"a.m.", C_AMPM, 0}, {"p.m.", C_AMPM, 12}, {"am", C_AMPM, 0},
    {"pm", C_AMPM, 12}, {"a.m", C_AMPM, 0}, {"p.m", C_AMPM, 12},
    {"est", C_ZONE, 0}, {"edt", C_ZONE, 0}, {"gmt", C_ZONE, 0}, {"utc", C_ZONE, 0},
    {"cst", C_ZONE, 0}, {"cdt", C_ZONE, 0}, {"pst", C_ZONE, 0}, {"pdt", C_ZONE, 0},
    {"mst", C_ZONE, 0}, {"mdt", C_ZONE, 0}, {"bst", C_ZONE, 0}, {"cet", C_ZONE, 0},
    {"period", C_PERIOD, 0},
    {"christmas", C_HOLIDAY, 0}, {"halloween", C_HOLIDAY, 1}, {"thanksgiving", C_HOLIDAY, 2},
    {"valentine", C_HOLIDAY, 3},
    {"will", C_FUT, 0}, {"'ll", C_FUT, 0}, {"shall", C_FUT, 0}, {"wo", C_FUT, 0},
    {"going", C_FUT, 1}, {"expected", C_FUT, 1}, {"expects", C_FUT, 1}, {"expect", C_FUT, 1},
    {"would", C_FUT, 0}, {"effective", C_FUT, 0}, {"due", C_FUT, 1}, {"scheduled", C_FUT, 0}, {"set", C_FUT, 3}, {"plans", C_FUT, 1}, {"planning", C_FUT, 3}, {"planned", C_FUT, 4}, {"upcoming", C_FUT, 0},
    {"to", C_TO, 0}, {"or", C_TO, 0}, {"through", C_TO, 0},
    {"zero", C_NUMW, 0}, {"one", C_NUMW, 0}, {"two", C_NUMW, 0}, {"three", C_NUMW, 0},
    {"four", C_NUMW, 0}, {"five", C_NUMW, 0}, {"six", C_NUMW, 0}, {"seven", C_NUMW, 0},
    {"eight", C_NUMW, 0}, {"nine", C_NUMW, 0}, {"ten", C_NUMW, 0}, {"eleven", C_NUMW, 0},
    {"twelve", C_NUMW, 0}, {"thirteen", C_NUMW, 0}, {"fourteen", C_NUMW, 0},
    {"fifteen", C_NUMW, 0}, {"sixteen", C_NUMW, 0}, {"seventeen", C_NUMW, 0},
    {"eighteen", C_NUMW, 0}, {"nineteen", C_NUMW, 0}, {"twenty", C_NUMW, 0},
    {"thirty", C_NUMW, 0}, {"forty", C_NUMW, 0}, {"fifty", C_NUMW, 0}, {"sixty", C_NUMW, 0},
    {"seventy", C_NUMW, 0}, {"eighty", C_NUMW, 0}, {"ninety", C_NUMW, 0},
    {"hundred", C_NUMW, 0}, {"thousand", C_NUMW, 0}, {"dozen", C_NUMW, 0},
};

#define NSLOT 1024 /* a power of two, well above the number of words */
static uint16_t slot[NSLOT]; /* index + 1 into WORDS, 0 = empty */
static pthread_once_t slot_once = PTHREAD_ONCE_INIT;

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void build_slots(void)
{
    for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++) {
        uint32_t h = hash(WORDS[i].w, strlen(WORDS[i].w)) & (NSLOT - 1);
        while (slot[h]) h = (h + 1) & (NSLOT - 1);
        slot[h] = (uint16_t)(i + 1);
    }
}

/* The table entry of lowercase word [s, s + n), or NULL. */
static const word *lookup(const char *s, size_t n)
{
    uint32_t h = hash(s, n) & (NSLOT - 1);
    for (; slot[h]; h = (h + 1) & (NSLOT - 1)) {
        const word *w = &WORDS[slot[h] - 1];
        if (strlen(w->w) == n && !memcmp(w->w, s, n)) return w; /* s may hold a NUL */
    }
    return NULL;
}

/* ---- tokens ---- */

typedef struct tk {
    uint32_t ws, we; /* the whole ner token's bytes */
    uint8_t cls, hy, cap, dot, ndig;
    int8_t v;
    int32_t num; /* all digits (at most 9): their value, else -1 */
} tk;

typedef struct cx {
    const char *text;
    tk *t;
    ner_tok *nt; /* the same pieces, for num_words */
    size_t n;
    int32_t dct;
    int fut;      /* the expression being matched: 1 future, -1 past, 0 no tense cue */
    int fut_day;  /* the same for a weekday (future_at's day) */
    int since;    /* it follows "since": it lies on or before the DCT */
    int8_t *cue;  /* per piece: tense_cue */
    int32_t *near; /* per piece: the nearest cue before it, and after it (2n entries; -1 none) */
    int has_q;    /* quarters were spoken of in this or the two sentences before: lastq */
    tpoint lastq; /* then the quarter it reports on: the last closed before the DCT */
    tpoint anchor; /* the last point named (g TG_NONE: none yet), for "the following year" */
    size_t anchor_s, si; /* the sentence that named it; the current sentence */
} cx;

/* Whether a clock time or part of day without its own day is on the day last named: a day
 * named in this sentence or the one before; one named further back is out of focus ("the
 * rifle was found April 8" does not date "at 6 a.m." three sentences on). */
static int day_anchor(const cx *c)
{
    return c->anchor.g == TG_DAY && c->si - c->anchor_s <= 1;
}

typedef struct res {
    size_t a, b; /* pieces [a, b) */
    int type;
    char value[40];
    tpoint p; /* p.g == TG_NONE: no days */
} res;

static int is_w(const cx *c, size_t i, const char *w)
{
    return i < c->n && (c->nt[i].s[0] | 32) == (w[0] | 32) && c->nt[i].len == strlen(w) &&
           !strncasecmp(c->nt[i].s, w, c->nt[i].len); /* the first byte rules out most */
}

static int cls(const cx *c, size_t i)
{
    return i < c->n ? c->t[i].cls : -1;
}

static int noun_after(const cx *c, size_t i);

/* Split ner tokens at inner hyphens into pieces, classify each. */
static void pieces(cx *c, const ner_tok *nt, size_t nn, size_t *cap_t, size_t *cap_nt)
{
    c->n = 0;
    for (size_t k = 0; k < nn; k++) {
        const char *s = nt[k].s, *e = s + nt[k].len;
        uint32_t ws = (uint32_t)(s - c->text), we = (uint32_t)(e - c->text);
        const char *p = s;
        int first = 1;
        while (p < e) {
            const char *q = p;
            if (e - s > 1) /* split at a hyphen with something on both sides */
                while (q < e && !(*q == '-' && q > p && q + 1 < e)) q++;
            else
                q = e;
            SF_GROW(c->t, *cap_t, c->n + 1);
            SF_GROW(c->nt, *cap_nt, c->n + 1);
            tk *t = &c->t[c->n];
            memset(t, 0, sizeof *t);
            t->ws = ws, t->we = we, t->hy = !first, t->num = -1;
            c->nt[c->n] = (ner_tok){p, (uint32_t)(q - p)};
            size_t len = (size_t)(q - p);
            t->cap = *p >= 'A' && *p <= 'Z';
            uint32_t nd = 0;
            int32_t v = 0;
            while (nd < len && p[nd] >= '0' && p[nd] <= '9') {
                if (nd < 9) v = v * 10 + (p[nd] - '0');
                nd++;
            }
            t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
            if (nd == len && nd <= 9) t->num = v;
            char low[16];
            if (len < sizeof low && (nd == 0 || (nd < len && nd <= 2))) {
                size_t m = len;
                for (size_t i = 0; i < m; i++)
                    low[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] + 32) : p[i];
                const word *w = lookup(low, m);
                if (!w && m > 1 && low[m - 1] == '.') w = lookup(low, m - 1), t->dot = 1;
                if (w) t->cls = w->cls, t->v = w->v;
                /* "20th", "21st": ordinals up to 99 */
                if (!w && nd >= 1 && nd <= 2 && len == nd + 2 && v > 0 &&
                    (!memcmp(low + nd, "st", 2) || !memcmp(low + nd, "nd", 2) || !memcmp(low + nd, "rd", 2) ||
                     !memcmp(low + nd, "th", 2)))
                    t->cls = C_ORD, t->v = (int8_t)v;
            }
            c->n++;
            first = 0;
            p = q < e ? q + 1 : e;
        }
    }
}

/* ---- values ---- */

static void set_point(const cx *c, res *r, tpoint p, const char *suffix)
{
    r->p = p;
    tp_format(p, r->value, sizeof r->value);
    if (suffix) strncat(r->value, suffix, sizeof r->value - strlen(r->value) - 1);
}

static void set_str(res *r, const char *v)
{
    snprintf(r->value, sizeof r->value, "%s", v);
    r->p.g = TG_NONE;
}

static int dct_ymd(const cx *c, int *y, int *m, int *d)
{
    if (c->dct == SF_NO_DAY) return 0;
    sf_civil_from_days(c->dct, y, m, d);
    return 1;
}

/* The day of weekday wd: rel R_LAST / R_NEXT strictly before / after the DCT, R_THIS in its
 * week, else by the sentence's tense (on or before, on or after). */
static int32_t weekday_day(const cx *c, int wd, int rel)
{
    int w = tp_weekday(c->dct);
    int back = (w - wd + 7) % 7, fwd = (wd - w + 7) % 7;
    if (rel == R_LAST || rel == R_PAST || rel == R_PREV) return c->dct - (back ? back : 7);
    if (rel == R_NEXT || rel == R_COMING || rel == R_FOLLOWING) return c->dct + (fwd ? fwd : 7);
    if (rel == R_THIS) return c->dct - (w - 1) + (wd - 1);
    return c->fut_day > 0 ? c->dct + fwd : c->dct - back;
}

/* The year of month m (and day d, or 0): before or after the DCT by tense and rel. */
static int month_year(const cx *c, int m, int d, int rel)
{
    int y, dm, dd;
    dct_ymd(c, &y, &dm, &dd);
    int key = m * 32 + d, now = dm * 32 + (d ? dd : 0);
    int before = key <= now ? y : y - 1, after = key >= now ? y : y + 1;
    if (rel == R_THIS || rel == R_CURRENT) return y;
    if (rel == R_LAST || rel == R_PAST || rel == R_PREV) return key < now ? y : y - 1;
    if (rel == R_NEXT || rel == R_COMING || rel == R_FOLLOWING) return key > now ? y : y + 1;
    if (c->since) return before; /* "since March": never ahead */
    int mb = (y - before) * 12 + dm - m, ma = (after - y) * 12 + m - dm; /* months away */
    if (c->fut > 0) return ma > 8 ? before : after;
    return mb > 8 ? after : before;
}

/* The quarter, half or season n (granularity g) by tense: the last begun, or the next to end. */
static tpoint period_point(const cx *c, int g, int n, int rel)
{
    tpoint p = tp_of_day(c->dct, g);
    int y = p.y;
    tpoint q = {g, y, n, 0};
    int32_t f, l;
    tp_days(q, &f, &l);
    if (rel == R_LAST || rel == R_PAST || rel == R_PREV) {
        if (l >= c->dct) q.y--;
    } else if (rel == R_NEXT || rel == R_COMING) {
        if (f <= c->dct) q.y++;
    } else if (rel != R_THIS && rel != R_CURRENT) {
        if (c->fut > 0 ? l < c->dct - 61 : f > c->dct) q.y += c->fut > 0 ? 1 : -1;
    }
    return q;
}

/* Sentences after the last one naming a quarter that "a year earlier" still means the
 * reported quarter a year back (earnings reports name it once, then compare). */
#define QFOCUS 4

static const char UNIT_LETTER[] = {0, 'S', 'M', 'H', 'D', 'W', 'W', 'M', 'Q', 'Y', 'Y', 'Y', 'D'};
static const int UNIT_G[] = {0, 0, 0, 0, TG_DAY, TG_WEEK, TG_WEEK, TG_MONTH, TG_QUARTER, TG_YEAR, TG_DECADE, TG_CENTURY, TG_WEEKEND};

/* A duration of n (n < 0: unknown) units: "P3D", "PT5H", "PXY", "P20Y" for two decades. */
static void set_duration(res *r, int unit, double n)
{
    int mult = unit == U_DECADE ? 10 : unit == U_CENTURY ? 100 : unit == U_FORTNIGHT ? 2 : unit == U_WEEKEND ? 2 : 1;
    const char *t = unit <= U_HOUR ? "T" : "";
    if (n < 0)
        snprintf(r->value, sizeof r->value, "P%sX%c", t, UNIT_LETTER[unit]);
    else if (n * mult == (double)(long)(n * mult))
        snprintf(r->value, sizeof r->value, "P%s%ld%c", t, (long)(n * mult), UNIT_LETTER[unit]);
    else
        snprintf(r->value, sizeof r->value, "P%s%g%c", t, n * mult, UNIT_LETTER[unit]);
    r->type = SF_TIMEX_DURATION;
    r->p.g = TG_NONE;
}

/* ---- grammar ---- */

/* A count before a unit at i: digits, a written number, "a"/"an", "a few", "a couple of",
 * "several", "many", "12 to 18": *v its value (-1 unknown), *next the unit's piece. */
static int count_core(const cx *c, size_t i, double *v, size_t *next);

/* count_core, and past a word between count and unit: "two more weeks", "eight trading
 * days", "an additional year". */
static int count_at(const cx *c, size_t i, double *v, size_t *next)
{
    static const char *const between[] = {"more", "additional", "further", "trading", "business",
                                          "working", "straight", "consecutive", "full", "long"};
    if (!count_core(c, i, v, next)) return 0;
    size_t h = *next;
    if (is_w(c, h, "and") && cls(c, h + 1) == C_A && cls(c, h + 2) == C_HALF && cls(c, h + 3) == C_UNIT)
        return *next = h + 3, 1; /* "two and a half years" */
    if (is_w(c, h, "1/2") && cls(c, h + 1) == C_UNIT) return *next = h + 1, 1; /* "5 1/2 hours" */
    if (*next < c->n && cls(c, *next) != C_UNIT && cls(c, *next + 1) == C_UNIT)
        for (size_t k = 0; k < sizeof between / sizeof *between; k++)
            if (is_w(c, *next, between[k])) return ++*next, 1;
    return 1;
}

static int count_core(const cx *c, size_t i, double *v, size_t *next)
{
    const tk *t = c->t;
    if (i >= c->n) return 0;
    if (t[i].num >= 0 && t[i].ndig <= 4 && !(t[i].ndig == 4 && t[i].num >= 1000 && t[i].num < 2100)) {
        *v = t[i].num, *next = i + 1;
        /* "12 to 18 months", "two or three days" */
        if (cls(c, i + 1) == C_TO && i + 2 < c->n && t[i + 2].num > t[i].num) *v = -1, *next = i + 3;
        if (i + 1 < c->n && t[i + 1].hy && t[i + 1].num > t[i].num) *v = -1, *next = i + 2;
        return 1;
    }
    if (t[i].cls == C_A && cls(c, i + 1) == C_FEW) { /* a few, a couple (of) */
        *v = t[i + 1].v ? t[i + 1].v : -1;
        *next = i + 2 + (cls(c, i + 2) == C_OF);
        return 1;
    }
    if (t[i].cls == C_FEW && t[i].v == 0 && !c->t[i].cap) return *v = -1, *next = i + 1, 1;
    if (t[i].cls == C_FEW && t[i].v == 2 && cls(c, i + 1) == C_OF) return *v = 2, *next = i + 2, 1; /* "the next couple of years" */
    if (t[i].cls == C_A && (cls(c, i + 1) == C_UNIT || cls(c, i + 2) == C_UNIT)) return *v = 1, *next = i + 1, 1;
    double x;
    size_t nx;
    if ((t[i].cls == C_NUMW || (t[i].cls == C_A && cls(c, i + 1) == C_NUMW)) &&
        num_words(c->nt, c->n, i, &x, &nx) && x < 10000) {
        *v = x, *next = nx;
        double y;
        size_t ny;
        if (cls(c, nx) == C_TO && num_words(c->nt, c->n, nx + 1, &y, &ny) && y > x) *v = -1, *next = ny;
        return 1;
    }
    return 0;
}

/* A 4-digit year at i (1000-2099, not "$2000", "2000 people"). */
static int year_at(const cx *c, size_t i)
{
    const tk *t = c->t;
    if (i >= c->n || t[i].num < 1600 || t[i].num > 2099 || t[i].ndig != 4) return 0;
    if ((t[i].hy && t[i - 1].ndig) || (i + 1 < c->n && t[i + 1].hy && t[i + 1].ndig)) return 0; /* 555-1234 */
    if (i > 0 && (c->nt[i - 1].len == 1 && strchr("$#€£", c->nt[i - 1].s[0]))) return 0;
    if (i > 0 && (is_w(c, i - 1, "No.") || is_w(c, i - 1, "number") || is_w(c, i - 1, "Flight")))
        return 0;
    if (i + 1 < c->n && !t[i + 1].hy) {
        const ner_tok *nx = &c->nt[i + 1];
        if (nx->len == 1 && nx->s[0] == '%') return 0;
        if (is_w(c, i + 1, "percent") || is_w(c, i + 1, "people") || is_w(c, i + 1, "shares") ||
            is_w(c, i + 1, "times") || (t[i + 1].num >= 0 && !t[i + 1].hy))
            return 0;
        /* "2000 troops": a plural lowercase noun after a bare number */
        if (nx->len > 3 && nx->s[0] >= 'a' && nx->s[0] <= 'z' && nx->s[nx->len - 1] == 's' &&
            t[i + 1].cls == C_NONE && (i == 0 || (cls(c, i - 1) != C_MONTH && !is_w(c, i - 1, "in") &&
                                                  !is_w(c, i - 1, "since") && !is_w(c, i - 1, ",") &&
                                                  cls(c, i - 1) != C_FISCAL && cls(c, i - 1) != C_THE &&
                                                  cls(c, i - 1) != C_MOD && !t[i].hy)))
            return 0; /* but "in 1998 elections", "fiscal 1989 sales", "the 1992 protests" */
    }
    return 1;
}

/* A year in words at i: "nineteen ninety-six", "nineteen eighty" (*y, *next). */
static int wyear_at(const cx *c, size_t i, int *y, size_t *next)
{
    double a, b;
    size_t na, nb;
    if (cls(c, i) != C_NUMW || cls(c, i + 1) != C_NUMW) return 0;
    if (!num_words(c->nt, c->n, i, &a, &na) || na != i + 1 || a < 10 || a > 20) return 0;
    if (!num_words(c->nt, c->n, na, &b, &nb) || b < 10 || b > 99) return 0;
    *y = (int)a * 100 + (int)b, *next = nb;
    return 1;
}

/* A day of the month at i: 1-31, "30th". */
static int mday_at(const cx *c, size_t i)
{
    if (i >= c->n) return 0;
    const tk *t = &c->t[i];
    if (t->num >= 1 && t->num <= 31 && t->ndig <= 2) return t->num;
    const ner_tok *n = &c->nt[i];
    if (t->ndig >= 1 && t->ndig <= 2 && n->len == t->ndig + 2u) {
        const char *s = n->s + t->ndig;
        int v = n->s[0] - '0';
        if (t->ndig == 2) v = v * 10 + n->s[1] - '0';
        if ((!strncasecmp(s, "st", 2) || !strncasecmp(s, "nd", 2) || !strncasecmp(s, "rd", 2) ||
             !strncasecmp(s, "th", 2)) && v >= 1 && v <= 31)
            return v;
    }
    return 0;
}

static int is_comma(const cx *c, size_t i)
{
    return i < c->n && c->nt[i].len == 1 && c->nt[i].s[0] == ',';
}

/* A month name at i that is a month here: capitalized, and "May", "March" (and the short
 * forms without their period) with a day or year after or a cue word before. */
static int month_ok(const cx *c, size_t i, size_t pre)
{
    const tk *t = &c->t[i];
    if (t->cls != C_MONTH || !t->cap) return 0;
    size_t len = c->nt[i].len;
    if (len <= 4 && !t->dot && len != 3 && !is_w(c, i, "june") && !is_w(c, i, "july")) return 0;
    if (len == 3 && !t->dot && t->v != 5) return 0; /* "Jan" alone: a name */
    int weak = t->v == 5 || t->v == 3 || t->v == 8 || t->v == 4 || t->v == 6;
    int after = mday_at(c, i + 1) || year_at(c, i + 1) || (is_comma(c, i + 1) && year_at(c, i + 2));
    if (after) return 1;
    if (i + 1 < c->n && c->t[i + 1].cap && !t->dot && c->t[i + 1].cls != C_MONTH) return 0; /* "April Ryan" */
    if (!weak) return 1;
    if (pre < i) return 1; /* a modifier or relative word before it: "last May", "mid-March" */
    if (i == 0) return 0;
    static const char *const cue[] = {"in", "since", "until", "till", "by", "of", "from", "through", "during", "before", "after", "to", "early", "late", "between", "and", "last", "next", "this", "until", "around"};
    for (size_t k = 0; k < sizeof cue / sizeof *cue; k++)
        if (is_w(c, i - 1, cue[k])) return t->v != 5 || !is_w(c, i - 1, "and");
    /* "the March accession", "a June agreement"; not "the March of the workers" */
    return (cls(c, i - 1) == C_THE || cls(c, i - 1) == C_A) && noun_after(c, i + 1) && t->v != 5;
}

/* Part-of-day suffix value for v (P_...). */
static const char *part_suffix(int v)
{
    static const char *const s[] = {"", "TMO", "TAF", "TEV", "TNI", "T12:00", "T24:00", "TDT"};
    return v >= 1 && v <= 7 ? s[v] : "";
}

/* A clock time at i: "5 p.m.", "10:35 a.m.", "5pm", "10:35 EST", "noon", "midnight"; *h, *m
 * (m < 0: none given), next piece after it. */
static int clock_at(const cx *c, size_t i, int *h, int *m, size_t *next)
{
    if (i >= c->n) return 0;
    const ner_tok *n = &c->nt[i];
    const tk *t = &c->t[i];
    if (t->cls == C_PART && (t->v == P_NOON || t->v == P_MIDNIGHT)) {
        /* "at noon", "by midnight Friday"; not "High Noon" */
        static const char *const prep[] = {"at", "by", "until", "till", "before", "after", "from", "around", "about", "to", "since", "past"};
        int ok = 0;
        for (size_t k = 0; k < sizeof prep / sizeof *prep && i > 0; k++) ok |= is_w(c, i - 1, prep[k]);
        if (!ok && !(i + 1 < c->n && (c->t[i + 1].cls == C_WDAY || c->t[i + 1].cls == C_DEIC))) return 0;
        *h = t->v == P_NOON ? 12 : 24, *m = 0, *next = i + 1;
        return 1;
    }
    if (t->ndig == 4 && n->len == 4 && cls(c, i + 1) == C_ZONE && t->num % 100 < 60 && t->num / 100 < 24 &&
        !(i > 0 && c->nt[i - 1].len == 1 && c->nt[i - 1].s[0] == '(')) { /* not "10:35 a.m. (0735 GMT)" */
        *h = t->num / 100, *m = t->num % 100, *next = i + 2; /* "0600 GMT" */
        return 1;
    }
    if (t->ndig < 1 || t->ndig > 2) return 0;
    int hh = n->s[0] - '0', mm = -1;
    if (t->ndig == 2) hh = hh * 10 + n->s[1] - '0';
    size_t k = t->ndig;
    if (k < n->len && n->s[k] == ':') {
        if (k + 3 > n->len || n->s[k + 1] < '0' || n->s[k + 1] > '5' || n->s[k + 2] < '0' || n->s[k + 2] > '9')
            return 0;
        mm = (n->s[k + 1] - '0') * 10 + n->s[k + 2] - '0';
        k += 3;
    }
    int pm = -1;
    size_t j = i + 1;
    if (k < n->len) { /* "5pm", "10:30am" */
        const char *s = n->s + k;
        size_t l = n->len - k;
        if (l == 2 && (!strncasecmp(s, "am", 2) || !strncasecmp(s, "pm", 2))) pm = (s[0] | 32) == 'p';
        else return 0;
    } else if (cls(c, j) == C_AMPM) {
        pm = c->t[j].v == 12, j++;
    } else if (mm < 0 && is_w(c, j, "in") && cls(c, j + 1) == C_THE && cls(c, j + 2) == C_PART &&
               c->t[j + 2].v >= P_MO && c->t[j + 2].v <= P_NI && hh >= 1 && hh <= 12) {
        pm = c->t[j + 2].v != P_MO, j += 3; /* "4 in the morning", "8 in the evening" */
        if (c->t[j - 1].v == P_NI && hh < 6) pm = 0; /* "2 in the night" */
    }
    if (hh > 24 || hh < 0) return 0;
    if (pm < 0) { /* without a.m./p.m.: "10:35 EST", "5 o'clock" */
        if (is_w(c, j, "o'clock") && hh <= 12) j++;
        else if (mm < 0 || cls(c, j) != C_ZONE) return 0;
    }
    if (pm == 1 && hh < 12) hh += 12;
    if (pm == 0 && hh == 12) hh = 0;
    if (cls(c, j) == C_ZONE) j++;
    *h = hh, *m = mm, *next = j;
    return 1;
}

/* A day reference at i that a time or part of day can attach to: weekday, today, yesterday,
 * tomorrow, "Nov. 9": its day number in *day; next piece in *next. */
static int dayref_at(const cx *c, size_t i, int32_t *day, size_t *next)
{
    if (i >= c->n || c->dct == SF_NO_DAY) return 0;
    const tk *t = &c->t[i];
    if (t->cls == C_WDAY && t->cap) return *day = weekday_day(c, t->v, 0), *next = i + 1, 1;
    if (t->cls == C_DEIC && (t->v == D_TODAY || t->v == D_YESTERDAY || t->v == D_TOMORROW)) {
        *day = c->dct + (t->v == D_YESTERDAY ? -1 : t->v == D_TOMORROW ? 1 : 0);
        return *next = i + 1, 1;
    }
    size_t j = i + is_comma(c, i);
    if (j < c->n && c->t[j].cls == C_MONTH && c->t[j].cap) {
        int d = mday_at(c, j + 1);
        if (d) {
            int y = month_year(c, c->t[j].v, d, 0);
            *day = sf_days_from_civil(y, c->t[j].v, d);
            return *next = j + 2, 1;
        }
    }
    return 0;
}

static size_t match_core(cx *c, size_t i, res *r);

/* The ")" closing the "(" at piece i within four pieces ("(0735 GMT)"), or 0. */
static size_t close_paren(const cx *c, size_t i)
{
    for (size_t k = i + 1; k < c->n && k <= i + 4; k++)
        if (c->nt[k].len == 1 && c->nt[k].s[0] == ')') return k;
    return 0;
}

/* Whether a capitalized piece j is part of a name: capitalized inside the sentence after a
 * name's possessive ("Radio 4's Today", "Sky News' Sunday") or, for "Today", anywhere but at
 * the sentence's start. */
static int name_use(const cx *c, size_t j)
{
    if (!c->t[j].cap || j == 0) return 0;
    const ner_tok *p = &c->nt[j - 1];
    if ((p->len == 2 && !memcmp(p->s, "'s", 2)) || (p->len == 1 && p->s[0] == '\'' && j >= 2 && c->t[j - 2].cap))
        return j >= 2 && (c->t[j - 2].cap || c->t[j - 2].ndig);
    if (c->t[j].cls == C_DEIC && c->t[j].v == D_TODAY)
        return !(p->len <= 2 && p->s[0] && strchr("\"'`([-:;", p->s[0])) &&
               !(p->len == 3 && !memcmp(p->s, "\xE2\x80\x9C", 3)); /* after an opening quote */
    return 0;
}

/* Whether piece i is a lowercase word that may be a noun ("the future course", "the past
 * decade"), not a function word ("the past they", "the future is"). */
static int noun_after(const cx *c, size_t i)
{
    static const char FUNC[] =
        " and or but nor as is was were are be been has have had will would may might can could "
        "should must do did does when while that which who where if because so than then to in "
        "on at for with by of from into over about after before since until they he she it we i "
        "you there this these those its their his her our ";
    if (i >= c->n || c->nt[i].s[0] < 'a' || c->nt[i].s[0] > 'z' || c->nt[i].len > 12) return 0;
    char k[16];
    size_t l = c->nt[i].len;
    k[0] = ' ';
    memcpy(k + 1, c->nt[i].s, l);
    k[l + 1] = ' ', k[l + 2] = 0;
    return !strstr(FUNC, k);
}

/* "of 1998", "of this year", "of last year": the year given after a point, into *y. */
static int of_year(cx *c, size_t i, int *y, size_t *next)
{
    if (cls(c, i) != C_OF) return 0;
    if (year_at(c, i + 1)) return *y = c->t[i + 1].num, *next = i + 2, 1;
    if (wyear_at(c, i + 1, y, next)) return 1;
    if (cls(c, i + 1) == C_REL && cls(c, i + 2) == C_UNIT && (c->t[i + 2].v == U_YEAR) && c->dct != SF_NO_DAY) {
        int dy, dm, dd;
        dct_ymd(c, &dy, &dm, &dd);
        int rel = c->t[i + 1].v;
        *y = dy + (rel == R_LAST || rel == R_PAST || rel == R_PREV ? -1 : rel == R_NEXT ? 1 : 0);
        return *next = i + 3, 1;
    }
    if (cls(c, i + 1) == C_THE && cls(c, i + 2) == C_UNIT && c->t[i + 2].v == U_YEAR && c->dct != SF_NO_DAY) {
        int dy, dm, dd;
        dct_ymd(c, &dy, &dm, &dd);
        return *y = dy, *next = i + 3, 1;
    }
    return 0;
}

/* The quarter a financial report means by "the quarter", "the latest period": the last
 * closed before the DCT. */
static tpoint report_quarter(const cx *c)
{
    return tp_shift(tp_of_day(c->dct, TG_QUARTER), TG_QUARTER, -1);
}

/* Heads, after optional "the", modifier and relative word: j is the head's piece. */
static size_t head(cx *c, size_t i, size_t j, int the, int mod, int rel, res *r)
{
    tk *t = c->t;
    size_t n = c->n;
    int have = c->dct != SF_NO_DAY;
    double cnt;
    size_t k;
    r->type = SF_TIMEX_DATE;
    if (j >= n) return 0;

    /* ordinal + quarter / half: "third quarter", "the first half of 1998"; ordinal + count +
     * unit: "the first nine months" */
    if (t[j].cls == C_ORD) {
        int o = t[j].v;
        if (cls(c, j + 1) == C_FISCAL) j++;
        if (cls(c, j + 1) == C_UNIT && t[j + 1].v == U_QUARTER && o <= 4) {
            k = j + 2;
            int y;
            tpoint p;
            if (of_year(c, k, &y, &k)) p = (tpoint){TG_QUARTER, y, o, 0};
            else if (!have) return set_str(r, ""), snprintf(r->value, sizeof r->value, "XXXX-Q%d", o), k;
            else p = period_point(c, TG_QUARTER, o, rel);
            set_point(c, r, p, NULL);
            if (the && !mod && !rel && t[j + 1].hy) r->a = i + 1; /* "the third-quarter loss" */
            return k;
        }
        if (cls(c, j + 1) == C_UNIT && t[j + 1].v == U_CENTURY && o >= 1 && o <= 21) {
            /* "the 20th century" is 19, "the 21st century" 20 */
            set_point(c, r, (tpoint){TG_CENTURY, (o - 1) * 100, 0, 0}, NULL);
            return j + 2;
        }
        if (cls(c, j + 1) == C_HALF && o <= 2) {
            k = j + 2;
            int y;
            tpoint p;
            if (of_year(c, k, &y, &k)) p = (tpoint){TG_HALF, y, o, 0};
            else if (!have) return set_str(r, ""), k;
            else p = period_point(c, TG_HALF, o, rel);
            set_point(c, r, p, NULL);
            return k;
        }
        if ((the || rel) && count_at(c, j + 1, &cnt, &k) && cls(c, k) == C_UNIT) {
            set_duration(r, t[k].v & 31, cnt);
            return k + 1;
        }
        if (!t[j].ndig) return 0; /* "25th" may still be a day of a month */
    }

    /* count + unit: durations, "two days ago", "a year earlier", "five-year" */
    if (count_at(c, j, &cnt, &k) && cls(c, k) == C_UNIT && !(t[k].v & U_PL && cnt == 1 && t[j].cls == C_A)) {
        int u = t[k].v & 31;
        size_t e = k + 1;
        if (u == U_WEEKEND) return 0;
        if (e < n && (is_w(c, e, "old") || is_w(c, e, "olds"))) return 0; /* ages: "6-year-old", "52 years old" */
        if (e < n && t[e].hy && (is_w(c, e, "earlier") || is_w(c, e, "ago"))) return 0; /* "a year-earlier loss" */
        /* "three days later", "a week earlier": the span is the duration; "a year earlier" a date */
        if (cls(c, e) == C_ANAPH && !t[e].hy && u != U_YEAR && u != U_QUARTER) return set_duration(r, u, cnt), e;
        if (u == U_QUARTER && (((t[k].v & U_PL) && t[k].hy) || t[j].cls == C_A)) return 0; /* "three-quarters", "a quarter of" */
        if (cls(c, e) == C_AGO || (cls(c, e) == C_ANAPH && !t[e].hy) ||
            (is_w(c, e, "from") && is_w(c, e + 1, "now"))) {
            int back = cls(c, e) == C_AGO || t[e].v < 0;
            int before_anchor = cls(c, e) == C_ANAPH;
            size_t end = e + 1 + (is_w(c, e, "from"));
            if (!have || cnt < 0) {
                set_str(r, back ? "PAST_REF" : "FUTURE_REF");
                return end;
            }
            int g = UNIT_G[u];
            int kk = (int)cnt * (back ? -1 : 1);
            if (u == U_FORTNIGHT) kk *= 2;
            if (g == 0) { /* "an hour later": the duration */
                set_duration(r, u, cnt);
                return e;
            }
            tpoint p;
            if (c->has_q && (u == U_YEAR || u == U_QUARTER) && (before_anchor || cls(c, e) == C_AGO))
                p = tp_shift(c->lastq, g, kk);
            else
                p = tp_shift(tp_of_day(c->dct, g), g, kk);
            if (u == U_DAY) p = tp_of_day(c->dct + kk, TG_DAY);
            set_point(c, r, p, NULL);
            return end;
        }
        /* "the past three years", "the next few days", "three years": durations; the article
         * of "the 24-hour strike" is the noun's */
        set_duration(r, u, cnt);
        /* "a minute and a half", "two and a half years", "5 1/2 hours" */
        int half = (is_w(c, e, "and") && cls(c, e + 1) == C_A && cls(c, e + 2) == C_HALF) ? 3 : 0;
        if (!half && cnt >= 0 && is_w(c, j + 1, "and") && cls(c, j + 2) == C_A && cls(c, j + 3) == C_HALF && j + 4 == k)
            half = -1; /* "two and a half years": the half came before the unit */
        if (!half && cnt >= 0 && k == j + 2 && is_w(c, j + 1, "1/2")) half = -1;
        if (half && cnt >= 0 && cnt < 1000) {
            long w = (long)cnt;
            if (u == U_YEAR) snprintf(r->value, sizeof r->value, "P%ldY6M", w);
            else if (u == U_DAY) snprintf(r->value, sizeof r->value, "P%ldDT12H", w);
            else if (u == U_HOUR) snprintf(r->value, sizeof r->value, "PT%ldH30M", w);
            else if (u == U_MIN) snprintf(r->value, sizeof r->value, "PT%ldM30S", w);
            if (half > 0) e += 3;
        }
        if (the && !rel && !mod && t[k].hy && r->a == i) r->a = i + 1;
        return e;
    }

    /* "year-earlier", "year-ago" (+ quarter / period): the reported quarter a year before */
    if (t[j].cls == C_UNIT && (t[j].v & 31) == U_YEAR && j + 1 < n && t[j + 1].hy &&
        (is_w(c, j + 1, "earlier") || is_w(c, j + 1, "ago"))) {
        k = j + 2;
        double cn;
        size_t ku;
        if (count_at(c, k, &cn, &ku) && cls(c, ku) == C_UNIT) /* "the year-earlier nine months" */
            return set_duration(r, t[ku].v & 31, cn), ku + 1;
        if (!have) return set_str(r, ""), k;
        int q = c->has_q || (cls(c, k) == C_UNIT && (t[k].v & 31) == U_QUARTER) || cls(c, k) == C_PERIOD;
        if (cls(c, k) == C_UNIT && (t[k].v & 31) == U_QUARTER) k++;
        else if (cls(c, k) == C_PERIOD) k++;
        else if (cls(c, k) == C_ORD && cls(c, k + 1) == C_UNIT && t[k + 1].v == U_QUARTER) {
            tpoint p = {TG_QUARTER, tp_of_day(c->dct, TG_YEAR).y - 1, t[k].v, 0};
            set_point(c, r, p, NULL);
            return k + 2;
        } else if (!the) k = j + 2;
        tpoint p = q ? tp_shift(report_quarter(c), TG_YEAR, -1) : tp_shift(tp_of_day(c->dct, TG_YEAR), TG_YEAR, -1);
        set_point(c, r, p, NULL);
        return k;
    }
    /* relative word or "the" + unit: "last week", "this year", "the quarter", "the weekend",
     * "recent years", "the coming months" */
    /* "the week of March 6": the week holding that day */
    if (t[j].cls == C_UNIT && t[j].v == U_WEEK && the && !rel && cls(c, j + 1) == C_OF && cls(c, j + 2) == C_MONTH) {
        res r2 = *r;
        size_t e2 = head(c, j + 2, j + 2, 0, 0, 0, &r2);
        if (e2 && r2.p.g == TG_DAY) return set_point(c, r, tp_of_day(r2.p.day, TG_WEEK), NULL), e2;
    }
    if (t[j].cls == C_UNIT && (rel || the) && !(j + 1 < n && t[j + 1].hy)) { /* not "quarter-to-quarter" */
        int u = t[j].v & 31, pl = t[j].v & U_PL;
        k = j + 1;
        if (pl) {
            if (rel == R_RECENT || rel == R_PAST || rel == R_LAST || rel == R_PREV) {
                /* "recent years", "past years": the past; "recent weeks": some weeks */
                if ((rel == R_RECENT || (rel == R_PAST && !the)) && u >= U_YEAR) return set_str(r, "PAST_REF"), k;
                set_duration(r, u, -1);
                return k;
            }
            if (rel == R_COMING || rel == R_NEXT || rel == R_FOLLOWING) return set_str(r, "FUTURE_REF"), k;
            /* "the weeks ahead" */
            if (!rel && !mod && is_w(c, k, "ahead")) return set_duration(r, u, -1), k + 1;
            /* "over the years" */
            if (!rel && !mod && i > 0 && (is_w(c, i - 1, "over") || is_w(c, i - 1, "through")) &&
                cls(c, k) != C_OF && u != U_WEEKEND && u != U_QUARTER)
                return set_duration(r, u, -1), k;
            return 0;
        }
        if (!have) return set_str(r, ""), rel || u == U_QUARTER || u == U_WEEKEND ? k : 0;
        /* "the full year", "the current fiscal year": this year */
        if (u == U_YEAR && (rel == R_CURRENT || (j > 0 && is_w(c, j - 1, "full")))) {
            set_point(c, r, tp_of_day(c->dct, TG_YEAR), NULL);
            return k;
        }
        if ((u == U_QUARTER) && (rel == R_LATEST || (!rel && the) || rel == R_RECENT)) {
            tpoint p = report_quarter(c);
            /* "the quarter a year ago", "the quarter a year earlier": that quarter a year back */
            if (!rel && cls(c, k) == C_A && cls(c, k + 1) == C_UNIT && t[k + 1].v == U_YEAR &&
                (cls(c, k + 2) == C_AGO || (cls(c, k + 2) == C_ANAPH && t[k + 2].v < 0)))
                p = tp_shift(p, TG_YEAR, -1), k += 3;
            set_point(c, r, p, NULL);
            return k;
        }
        if (u == U_WEEKEND) {
            int w = tp_weekday(c->dct);
            tpoint p = tp_of_day(c->dct, TG_WEEKEND);
            if (rel == R_LAST || rel == R_PAST || rel == R_PREV) p = tp_shift(p, TG_WEEK, -1);
            else if (rel == R_NEXT || rel == R_COMING) p = tp_shift(p, TG_WEEK, 1);
            else if (c->fut <= 0 && w < 6 && rel != R_THIS) p = tp_shift(p, TG_WEEK, -1);
            set_point(c, r, p, NULL);
            return k;
        }
        int g = UNIT_G[u];
        if ((u == U_DECADE || u == U_CENTURY) && (rel == R_PAST || rel == R_LAST)) return set_duration(r, u, 1), k;
        /* "the following year", "the next day", "the previous month": from the last point named */
        if (the && (rel == R_FOLLOWING || rel == R_NEXT || rel == R_PREV) && c->anchor.g != TG_NONE &&
            g && c->anchor.g <= g && u != U_WEEKEND) {
            int32_t f, l;
            tp_days(c->anchor, &f, &l);
            tpoint p = tp_shift(tp_of_day(f, g), g, rel == R_PREV ? -1 : 1);
            const char *suf = NULL;
            if (u == U_DAY && cls(c, k) == C_PART && t[k].v <= P_NI) suf = part_suffix(t[k].v), k++, r->type = SF_TIMEX_TIME;
            set_point(c, r, p, suf);
            return k;
        }
        if (!g || u == U_DAY) {
            if (u == U_DAY && rel && rel != R_RECENT) {
                int dd = rel == R_LAST || rel == R_PAST || rel == R_PREV ? -1 : rel == R_NEXT || rel == R_FOLLOWING || rel == R_COMING ? 1 : 0;
                set_point(c, r, tp_of_day(c->dct + dd, TG_DAY), NULL);
                return k;
            }
            return 0;
        }
        if (!rel && !(u == U_YEAR || u == U_WEEK || u == U_MONTH)) return 0;
        if (!rel && mod == 0 && !(cls(c, k) == C_OF)) {
            /* "the year two thousand", "the year 2000" */
            double yv;
            size_t ye;
            if (u == U_YEAR && year_at(c, k)) return set_point(c, r, (tpoint){TG_YEAR, t[k].num, 0, 0}, NULL), k + 1;
            if (u == U_YEAR && cls(c, k) == C_NUMW && num_words(c->nt, c->n, k, &yv, &ye) && yv >= 1000 && yv < 2100)
                return set_point(c, r, (tpoint){TG_YEAR, (int)yv, 0, 0}, NULL), ye;
            /* "the year": this year after of / for / during or before "ended"; else a span */
            int date = !is_w(c, k, "ended") && !is_w(c, k, "ending") &&
                       (is_w(c, k, "'s") || (i > 0 && (is_w(c, i - 1, "of") || is_w(c, i - 1, "for") || is_w(c, i - 1, "during"))));
            if (u == U_YEAR && !date) return set_duration(r, u, 1), k;
            if (!date) return 0;
        }
        int kk = rel == R_LAST || rel == R_PAST || rel == R_PREV ? -1 : rel == R_NEXT || rel == R_COMING || rel == R_FOLLOWING ? 1 : 0;
        tpoint p = tp_shift(tp_of_day(c->dct, g), g, kk);
        /* "the same period last year", "the quarter last year": the reported quarter a year back */
        if (u == U_YEAR && kk < 0 && c->has_q && !the && i > 0 &&
            (cls(c, i - 1) == C_PERIOD || (cls(c, i - 1) == C_UNIT && t[i - 1].v == U_QUARTER))) {
            set_point(c, r, tp_shift(c->lastq, TG_YEAR, -1), NULL);
            return k;
        }
        if (u == U_QUARTER && c->has_q && rel == R_THIS) p = c->lastq;
        if (u == U_QUARTER && c->has_q && (rel == R_LAST || rel == R_PREV || rel == R_PAST)) p = tp_shift(c->lastq, TG_QUARTER, -1);
        /* "last year's quarter", "last year's period": the reported quarter a year before */
        if (u == U_YEAR && c->has_q && is_w(c, k, "'s") && (cls(c, k + 1) == C_PERIOD || (cls(c, k + 1) == C_UNIT && t[k + 1].v == U_QUARTER))) {
            set_point(c, r, tp_shift(c->lastq, TG_YEAR, kk), NULL);
            return k + 2;
        }
        /* "this year's third quarter" */
        if (u == U_YEAR && is_w(c, k, "'s") && cls(c, k + 1) == C_ORD && cls(c, k + 2) == C_UNIT && t[k + 2].v == U_QUARTER && t[k + 1].v <= 4) {
            p = (tpoint){TG_QUARTER, p.y, t[k + 1].v, 0};
            k += 3;
        }
        set_point(c, r, p, NULL);
        return k;
    }

    /* "that year", "that same day", "the same month": the point last named, at that unit */
    if (t[j].cls == C_UNIT && !(t[j].v & U_PL) && c->anchor.g != TG_NONE && UNIT_G[t[j].v & 31] >= c->anchor.g &&
        UNIT_G[t[j].v & 31] && (t[j].v & 31) != U_WEEKEND && j > 0 &&
        !rel && (is_w(c, j - 1, "that") ||
                 (is_w(c, j - 1, "same") && j > 1 && (is_w(c, j - 2, "that") || cls(c, j - 2) == C_THE)))) {
        int32_t f, l;
        tp_days(c->anchor, &f, &l);
        size_t a = j - 1; /* "that", "the" or "same" */
        if (is_w(c, a, "same") && a > 0 && (is_w(c, a - 1, "that") || cls(c, a - 1) == C_THE)) a--;
        r->a = a;
        set_point(c, r, tp_of_day(f, UNIT_G[t[j].v & 31]), NULL);
        return j + 1;
    }
    /* "by year end", "by year's end": the end of this year */
    if (t[j].cls == C_UNIT && t[j].v == U_YEAR && !the && !rel && j > 0 &&
        (is_w(c, j - 1, "by") || is_w(c, j - 1, "at") || is_w(c, j - 1, "around") || is_w(c, j - 1, "before") ||
         is_w(c, j - 1, "until") || is_w(c, j - 1, "since")) &&
        (is_w(c, j + 1, "end") || (is_w(c, j + 1, "'s") && is_w(c, j + 2, "end")))) {
        if (!have) return set_str(r, ""), j + 2 + !is_w(c, j + 1, "end");
        set_point(c, r, tp_shift(tp_of_day(c->dct, TG_YEAR), TG_YEAR, -is_w(c, j - 1, "since")), NULL);
        return j + 2 + !is_w(c, j + 1, "end");
    }
    /* "for years", "in years", "within days", "months of talks": an unknown number of them */
    if (t[j].cls == C_UNIT && (t[j].v & U_PL) && !rel && !mod && !the && (t[j].v & 31) != U_WEEKEND &&
        (t[j].v & 31) != U_QUARTER && !t[j].hy && !(j + 1 < n && t[j + 1].hy) &&
        ((j > 0 && (is_w(c, j - 1, "for") || is_w(c, j - 1, "in") || is_w(c, j - 1, "within"))) ||
         (cls(c, j + 1) == C_OF && (j == 0 || (!noun_after(c, j - 1) && cls(c, j - 1) != C_THE &&
                                              c->t[j - 1].num < 0 && c->t[j - 1].cls != C_ORD))))) {
        set_duration(r, t[j].v & 31, -1);
        return j + 1;
    }
    /* "the near future", "the short term", "these days" */
    if (t[j].cls == C_NEAR && t[j].v == 0 && the && (cls(c, j + 1) == C_DEIC && t[j + 1].v == D_FUTURE))
        return set_str(r, "FUTURE_REF"), j + 2;
    if (the && (is_w(c, j, "near") || is_w(c, j, "short")) && is_w(c, j + 1, "term") && !noun_after(c, j + 2))
        return set_str(r, "FUTURE_REF"), j + 2;
    if (t[j].cls == C_NEAR && t[j].v == 2 && cls(c, j + 1) == C_UNIT && t[j + 1].v == (U_DAY | U_PL))
        return set_str(r, "PRESENT_REF"), j + 2;

    /* "the last half of 1989": the second half */
    if (t[j].cls == C_HALF && rel == R_LAST && the) {
        int y;
        k = j + 1;
        if (of_year(c, k, &y, &k)) return set_point(c, r, (tpoint){TG_HALF, y, 2, 0}, NULL), k;
        if (have) return set_point(c, r, period_point(c, TG_HALF, 2, 0), NULL), k;
        return 0;
    }
    /* "day-long", "year-long", "decades-long": adjectives of duration */
    if (t[j].cls == C_UNIT && j + 1 < n && t[j + 1].hy && is_w(c, j + 1, "long") && (t[j].v & 31) != U_WEEKEND) {
        set_duration(r, t[j].v & 31, (t[j].v & U_PL) ? -1 : 1);
        if (the && r->a == i) r->a = i + 1;
        return j + 2;
    }
    /* "the nineties", "the eighties" */
    if (the && t[j].cls == C_NONE && c->nt[j].len >= 7 && !memcmp(c->nt[j].s + c->nt[j].len - 3, "ies", 3)) {
        static const char *const dec[] = {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"};
        for (int q = 0; q < 8; q++)
            if (is_w(c, j, dec[q])) return set_point(c, r, (tpoint){TG_DECADE, 1920 + 10 * q, 0, 0}, NULL), j + 1;
    }
    /* "year-end": the end of this year; "since year-end": the last one, last year's */
    if (t[j].cls == C_UNIT && (t[j].v & 31) == U_YEAR && j + 1 < n && t[j + 1].hy && is_w(c, j + 1, "end")) {
        if (!have) return set_str(r, ""), j + 2;
        set_point(c, r, tp_shift(tp_of_day(c->dct, TG_YEAR), TG_YEAR, -(i > 0 && is_w(c, i - 1, "since"))), NULL);
        return j + 2;
    }
    /* "the latest period", "the period" after a quarter was named */
    if (t[j].cls == C_PERIOD && (rel == R_LATEST || rel == R_RECENT || rel == R_CURRENT) && have) {
        set_point(c, r, report_quarter(c), NULL);
        return j + 1;
    }

    /* month: "Sept. 30, 1998", "March 1998", "mid-March", "last May" */
    if (t[j].cls == C_MONTH && month_ok(c, j, rel || mod ? i : j)) {
        int m = t[j].v, d = mday_at(c, j + 1), y = -1;
        k = j + 1;
        if (d) {
            k++;
            if (is_comma(c, k) && year_at(c, k + 1)) y = t[k + 1].num, k += 2;
            else if (year_at(c, k)) y = t[k].num, k++;
        } else if (year_at(c, k)) y = t[k].num, k++;
        else if (wyear_at(c, k, &y, &k)) {
        } else if (is_comma(c, k) && year_at(c, k + 1) && !mday_at(c, k + 2)) y = t[k + 1].num, k += 2;
        else if (of_year(c, k, &y, &k)) {
        }
        /* "January this year", "June last year", "March 3 next year" */
        if (y < 0 && have && cls(c, k) == C_REL && cls(c, k + 1) == C_UNIT && t[k + 1].v == U_YEAR) {
            int rv = t[k].v, dy = tp_of_day(c->dct, TG_YEAR).y;
            if (rv == R_THIS || rv == R_CURRENT) y = dy, k += 2;
            else if (rv == R_LAST || rv == R_PAST || rv == R_PREV) y = dy - 1, k += 2;
            else if (rv == R_NEXT || rv == R_COMING) y = dy + 1, k += 2;
        }
        if (y < 0 && !have) {
            if (d) snprintf(r->value, sizeof r->value, "XXXX-%02d-%02d", m, d);
            else snprintf(r->value, sizeof r->value, "XXXX-%02d", m);
            r->p.g = TG_NONE;
            return k;
        }
        if (y < 0) y = month_year(c, m, d, rel);
        tpoint p = d ? tp_of_day(sf_days_from_civil(y, m, d), TG_DAY) : (tpoint){TG_MONTH, y, m, 0};
        const char *suf = NULL;
        if (d && cls(c, k) == C_PART && t[k].v <= P_NI) suf = part_suffix(t[k].v), k++, r->type = SF_TIMEX_TIME;
        set_point(c, r, p, suf);
        if (the && !mod && !rel) r->a = i + 1; /* "the Oct. 23 shooting": the article is the noun's */
        return k;
    }
    /* "25 February 2022", "the 25th of February" */
    if (mday_at(c, j) && (k = j + 1 + (cls(c, j + 1) == C_OF)) < n && t[k].cls == C_MONTH && t[k].cap &&
        (t[k].dot || c->nt[k].len > 3)) {
        int d = mday_at(c, j), m = t[k].v, y = -1;
        k++;
        if (year_at(c, k)) y = t[k].num, k++;
        if (y < 0 && !have) return snprintf(r->value, sizeof r->value, "XXXX-%02d-%02d", m, d), r->p.g = TG_NONE, k;
        if (y < 0) y = month_year(c, m, d, rel);
        set_point(c, r, tp_of_day(sf_days_from_civil(y, m, d), TG_DAY), NULL);
        if (the && !mod && !rel && cls(c, j + 1) != C_OF) r->a = i + 1; /* but "the 25th of March" */
        return k;
    }

    /* weekday [part of day]: "Friday", "last Friday", "Friday night" */
    if (t[j].cls == C_WDAY && t[j].cap && !name_use(c, j) &&
        !(j + 1 < n && t[j + 1].cap && t[j + 1].cls != C_MONTH && !t[j + 1].hy && c->nt[j + 1].len > 1)) {
        /* a weekday before a capitalized word is a name: "Sunday Times" */
        k = j + 1;
        int wd = t[j].v;
        const char *suf = NULL;
        if (cls(c, k) == C_PART && t[k].v <= P_NI) suf = part_suffix(t[k].v), k++, r->type = SF_TIMEX_TIME;
        if (!have) {
            snprintf(r->value, sizeof r->value, "XXXX-WXX-%d", wd);
            r->p.g = TG_NONE;
            return k;
        }
        /* "Friday, Oct. 27": the date tells which Friday */
        if (!suf && !rel) {
            size_t m = k + is_comma(c, k);
            if (m < n && t[m].cls == C_MONTH && month_ok(c, m, m) && mday_at(c, m + 1)) {
                res r2 = *r;
                size_t e2 = head(c, m, m, 0, 0, 0, &r2);
                if (e2 && r2.p.g == TG_DAY) return *r = r2, r->a = i, e2;
            }
        }
        int32_t wday = weekday_day(c, wd, rel);
        if (the && (rel == R_PREV || rel == R_FOLLOWING) && c->anchor.g == TG_DAY) {
            /* "the previous Friday", "the following Monday": from the day last named */
            int aw = tp_weekday(c->anchor.day), back = (aw - wd + 7) % 7, fwd = (wd - aw + 7) % 7;
            wday = rel == R_PREV ? c->anchor.day - (back ? back : 7) : c->anchor.day + (fwd ? fwd : 7);
        }
        set_point(c, r, tp_of_day(wday, TG_DAY), suf);
        if (the && !mod && !rel) r->a = i + 1;
        return k;
    }

    /* ISO dates: "1998-01-08" (split at its hyphens) */
    if (t[j].ndig == 4 && t[j].num >= 1000 && j + 2 < n && t[j + 1].hy && t[j + 2].hy && t[j + 1].ndig == 2 &&
        t[j + 2].ndig == 2 && t[j + 1].num >= 1 && t[j + 1].num <= 12 && t[j + 2].num >= 1 && t[j + 2].num <= 31) {
        set_point(c, r, tp_of_day(sf_days_from_civil(t[j].num, t[j + 1].num, t[j + 2].num), TG_DAY), NULL);
        return j + 3;
    }

    {
        int y;
        if (wyear_at(c, j, &y, &k)) return set_point(c, r, (tpoint){TG_YEAR, y, 0, 0}, NULL), k;
    }
    /* years and decades: "1998", "fiscal 1989", "the 1990s", "mid-1990s", "the '90s" */
    if (year_at(c, j)) {
        tpoint p = {TG_YEAR, t[j].num, 0, 0};
        k = j + 1;
        /* "1998's third quarter", "the 1988 third quarter", "the 1989 period", "the 1988 quarter" */
        size_t q = k + is_w(c, k, "'s");
        if (cls(c, q) == C_ORD && cls(c, q + 1) == C_UNIT && t[q + 1].v == U_QUARTER && t[q].v <= 4) {
            p = (tpoint){TG_QUARTER, p.y, t[q].v, 0};
            k = q + 2;
        } else if (cls(c, q) == C_ORD && cls(c, q + 1) == C_HALF && t[q].v <= 2) {
            p = (tpoint){TG_HALF, p.y, t[q].v, 0};
            k = q + 2;
        } else if (the && q == k && c->has_q && ((cls(c, q) == C_UNIT && t[q].v == U_QUARTER) || cls(c, q) == C_PERIOD)) {
            p = (tpoint){TG_QUARTER, p.y, c->lastq.n, 0};
            k = q + 1;
        } else if (the && q == k && cls(c, q) == C_PERIOD) {
            k = q + 1; /* "the 1988 period" */
        } else if (the && !mod && k == j + 1) {
            r->a = i + 1; /* "the 2012 Olympics": the article is the name's */
        }
        set_point(c, r, p, NULL);
        return k;
    }
    {
        const ner_tok *w = &c->nt[j];
        const char *s = w->s;
        size_t l = w->len;
        if (l >= 3 && s[0] == '\'') s++, l--;
        if ((l == 5 || l == 3) && s[l - 1] == 's' && t[j].ndig == 0 && s[0] >= '0' && s[0] <= '9') {
            int ok = 1, v = 0;
            for (size_t q = 0; q + 1 < l; q++) ok &= s[q] >= '0' && s[q] <= '9', v = v * 10 + s[q] - '0';
            if (ok && (l == 5 || w->s[0] == '\'' || the) && v % 10 == 0) {
                int y = l == 5 ? v : 1900 + v;
                if (l == 5 && (y < 1000 || y > 2090)) return 0;
                if (l == 5 && y % 100 == 0 && !the && !mod) { /* "the 1900s" a century? keep decade */
                }
                set_point(c, r, (tpoint){TG_DECADE, y, 0, 0}, NULL);
                return j + 1;
            }
        }
    }
    /* "1990s" as a token of digits + s */
    if (t[j].ndig == 4 && c->nt[j].len == 5 && (c->nt[j].s[4] == 's')) {
        int y = (c->nt[j].s[0] - '0') * 1000 + (c->nt[j].s[1] - '0') * 100 + (c->nt[j].s[2] - '0') * 10 + (c->nt[j].s[3] - '0');
        if (y >= 1000 && y <= 2090 && y % 10 == 0) {
            set_point(c, r, (tpoint){TG_DECADE, y, 0, 0}, NULL);
            return j + 1;
        }
    }

    /* seasons: "last fall", "this summer", "summer 1998", "the summer of 1998" */
    if (t[j].cls == C_SEASON && (rel || the || mod || year_at(c, j + 1) || (j > 0 && (is_w(c, j - 1, "in") || is_w(c, j - 1, "this") || is_w(c, j - 1, "since")))) &&
        !(t[j].cap && j > 0 && !year_at(c, j + 1)) && /* "Summer Olympics", "The Fall of Rome" */
        !(cls(c, j + 1) == C_OF && !year_at(c, j + 2) && !wyear_at(c, j + 2, &(int){0}, &(size_t){0}))) {
        /* not "the fall of the government" */
        int s = t[j].v, y = -1;
        k = j + 1;
        if (year_at(c, k)) y = t[k].num, k++;
        else if (of_year(c, k, &y, &k)) {
        }
        if (y >= 0) return set_point(c, r, (tpoint){TG_SEASON, y, s, 0}, NULL), k;
        if (!have) return snprintf(r->value, sizeof r->value, "XXXX-%s", s == 1 ? "SP" : s == 2 ? "SU" : s == 3 ? "FA" : "WI"), r->p.g = TG_NONE, k;
        set_point(c, r, period_point(c, TG_SEASON, s, rel), NULL);
        return k;
    }

    /* part of the day with a relative word: "this morning", "last night", "tomorrow night" */
    if (t[j].cls == C_PART && t[j].v <= P_NI && rel && rel <= R_NEXT) {
        r->type = SF_TIMEX_TIME;
        if (!have) return set_str(r, ""), j + 1;
        int32_t day = c->dct + (rel == R_LAST ? -1 : rel == R_NEXT ? 1 : 0);
        set_point(c, r, tp_of_day(day, TG_DAY), part_suffix(t[j].v));
        return j + 1;
    }
    /* "mid-afternoon", "late morning" [+ a day]: on that day, the day last named or the DCT's */
    if (t[j].cls == C_PART && t[j].v <= P_NI && mod && !rel && !the) {
        int32_t day;
        size_t k2;
        k = j + 1;
        r->type = SF_TIMEX_TIME;
        if (dayref_at(c, k, &day, &k2)) k = k2;
        else if (day_anchor(c)) day = c->anchor.day;
        else if (have) day = c->dct;
        else return snprintf(r->value, sizeof r->value, "XXXX-XX-XX%s", part_suffix(t[j].v)), r->p.g = TG_NONE, k;
        set_point(c, r, tp_of_day(day, TG_DAY), part_suffix(t[j].v));
        return k;
    }
    /* "in the morning", "during the night": on the day last named, else the DCT's */
    if (t[j].cls == C_PART && t[j].v <= P_NI && the && !rel && !mod && i > 0 &&
        (is_w(c, i - 1, "in") || is_w(c, i - 1, "during")) && !noun_after(c, j + 1) && cls(c, j + 1) != C_OF) {
        r->type = SF_TIMEX_TIME;
        if (day_anchor(c)) return set_point(c, r, c->anchor, part_suffix(t[j].v)), j + 1;
        if (!have) return snprintf(r->value, sizeof r->value, "XXXX-XX-XX%s", part_suffix(t[j].v)), r->p.g = TG_NONE, j + 1;
        return set_point(c, r, tp_of_day(c->dct, TG_DAY), part_suffix(t[j].v)), j + 1;
    }

    /* deictic words */
    if (t[j].cls == C_DEIC) {
        int v = t[j].v;
        k = j + 1;
        switch (v) {
        case D_TODAY:
        case D_YESTERDAY:
        case D_TOMORROW: {
            if (rel) return 0;
            if (name_use(c, j)) return 0; /* "BBC Radio 4's Today programme" */
            const char *suf = NULL;
            if (cls(c, k) == C_PART && t[k].v <= P_NI) suf = part_suffix(t[k].v), k++, r->type = SF_TIMEX_TIME;
            if (!have) return set_str(r, v == D_TODAY ? "PRESENT_REF" : ""), k;
            int32_t day = c->dct + (v == D_YESTERDAY ? -1 : v == D_TOMORROW ? 1 : 0);
            set_point(c, r, tp_of_day(day, TG_DAY), suf);
            return k;
        }
        case D_TONIGHT:
        case D_OVERNIGHT:
            r->type = SF_TIMEX_TIME;
            if (!have) return set_str(r, ""), k;
            /* "overnight": the night leading into the day in focus (one just named, else the
             * DCT), like "last night"; ahead ("will stay shut overnight"), that day's night */
            if (v == D_OVERNIGHT && c->fut <= 0) {
                int32_t day = day_anchor(c) ? c->anchor.day : c->dct;
                return set_point(c, r, tp_of_day(day - 1, TG_DAY), "TNI"), k;
            }
            set_point(c, r, tp_of_day(c->dct, TG_DAY), "TNI");
            return k;
        case D_NOW:
        case D_CURRENTLY:
        case D_NOWADAYS:
            if (rel || the) return 0;
            return set_str(r, "PRESENT_REF"), k;
        case D_RECENTLY:
        case D_PREVIOUSLY:
            if (rel || the) return 0;
            return set_str(r, "PAST_REF"), k;
        case D_SOON:
            if (rel || the) return 0;
            if (j > 0 && (is_w(c, j - 1, "as") || is_w(c, j - 1, "too"))) {
                /* "as soon as possible" */
                if (is_w(c, j - 1, "as") && is_w(c, k, "as") && is_w(c, k + 1, "possible")) {
                    r->a = j - 1;
                    return set_str(r, "FUTURE_REF"), k + 2;
                }
                return 0;
            }
            return 0; /* a bare "soon" is more often left out than annotated */
        case D_FUTURE:
        case D_PRESENT:
            if (!the || rel) return 0;
            if (cls(c, k) == C_UNIT || noun_after(c, k) || cls(c, k) == C_OF) return 0; /* "the future course", "the future of" */
            return set_str(r, v == D_FUTURE ? "FUTURE_REF" : "PRESENT_REF"), k;
        default: return 0;
        }
    }

    /* clock times: "5 p.m.", "10:35 a.m. EST", "noon", "5 p.m. Friday" */
    {
        int h, m;
        if (clock_at(c, j, &h, &m, &k)) {
            r->type = SF_TIMEX_TIME;
            int32_t day;
            size_t k2;
            char tm[16];
            if (m >= 0) snprintf(tm, sizeof tm, "T%02d:%02d", h, m);
            else snprintf(tm, sizeof tm, "T%02d:00", h);
            if (is_w(c, k, "local") && is_w(c, k + 1, "time")) k += 2; /* "10 a.m. local time Monday" */
            size_t pe;
            if (dayref_at(c, k, &day, &k2)) k = k2;
            else if (k < c->n && c->nt[k].len == 1 && c->nt[k].s[0] == '(' &&
                     (pe = close_paren(c, k)) && dayref_at(c, pe + 1, &day, &k2)) {
                /* "10:35 a.m. (0735 GMT) Friday": the day after the other zone's time */
            } else if (day_anchor(c)) day = c->anchor.day; /* the day last named */
            else if (have) day = c->dct;
            else return snprintf(r->value, sizeof r->value, "XXXX-XX-XX%s", tm), r->p.g = TG_NONE, k;
            set_point(c, r, tp_of_day(day, TG_DAY), tm);
            return k;
        }
    }

    /* holidays */
    if (t[j].cls == C_HOLIDAY && t[j].cap) {
        int hv = t[j].v, y;
        k = j + 1;
        if (hv == 3) { /* Valentine's Day */
            if (!(is_w(c, k, "'s") && is_w(c, k + 1, "Day"))) return 0;
            k += 2;
        }
        if (hv == 2 && is_w(c, k, "Day")) k++;
        if (hv == 0 && (is_w(c, k, "Eve") || is_w(c, k, "Day"))) k++;
        if (!have) return set_str(r, ""), k;
        int dy, dm, dd;
        dct_ymd(c, &dy, &dm, &dd);
        static const int hm[] = {12, 10, 11, 2}, hd[] = {25, 31, 0, 14};
        int m = hm[hv], d = hd[hv];
        if (hv == 0 && is_w(c, j + 1, "Eve")) d = 24;
        if (year_at(c, k)) y = t[k].num, k++;
        else y = month_year(c, m, d ? d : 25, rel);
        if (!d) { /* Thanksgiving: the fourth Thursday of November */
            int32_t first = sf_days_from_civil(y, 11, 1);
            int w = tp_weekday(first);
            d = 1 + (4 - w + 7) % 7 + 21;
        }
        set_point(c, r, tp_of_day(sf_days_from_civil(y, m, d), TG_DAY), NULL);
        return k;
    }
    return 0;
}

/* Whether piece i ends with a digit ("$300", "1,000"). */
static int ends_digit(const cx *c, size_t i)
{
    char e = c->nt[i].s[c->nt[i].len - 1];
    return e >= '0' && e <= '9';
}

/* A SET at i: "daily", "every Friday", "each month", "every two years", "a year" after money
 * or "twice". */
static size_t match_set(cx *c, size_t i, res *r)
{
    tk *t = c->t;
    r->type = SF_TIMEX_SET;
    r->p.g = TG_NONE;
    if (t[i].cls == C_SETADV) {
        if (t[i].v < 0) return 0; /* "annual": an adjective of many things */
        if (t[i].cap && i > 0) return 0;
        int u = t[i].v;
        if (is_w(c, i, "nightly")) return set_str(r, "XXXX-XX-XXTNI"), r->type = SF_TIMEX_SET, i + 1;
        set_duration(r, u, 1);
        r->type = SF_TIMEX_SET;
        if (u == U_QUARTER) snprintf(r->value, sizeof r->value, "P3M");
        return i + 1;
    }
    if (t[i].cls == C_EVERY) {
        size_t j = i + 1;
        if (t[i].v == 1) { /* "per": only "per year", "per day" ... */
            if (cls(c, j) == C_UNIT && !(t[j].v & U_PL)) return set_duration(r, t[j].v & 31, 1), r->type = SF_TIMEX_SET, j + 1;
            return 0;
        }
        if (cls(c, j) == C_WDAY && t[j].cap) {
            snprintf(r->value, sizeof r->value, "XXXX-WXX-%d", t[j].v);
            size_t k = j + 1;
            if (cls(c, k) == C_PART && t[k].v <= P_NI) strncat(r->value, part_suffix(t[k].v), 8), k++;
            return k;
        }
        if (cls(c, j) == C_MONTH && t[j].cap) return snprintf(r->value, sizeof r->value, "XXXX-%02d", t[j].v), j + 1;
        if (cls(c, j) == C_PART && t[j].v <= P_NI) return snprintf(r->value, sizeof r->value, "XXXX-XX-XX%s", part_suffix(t[j].v)), j + 1;
        if (cls(c, j) == C_SEASON) {
            static const char *const s[] = {"SP", "SU", "FA", "WI"};
            return snprintf(r->value, sizeof r->value, "XXXX-%s", s[(t[j].v - 1) & 3]), j + 1;
        }
        double cnt = 1;
        size_t k = j;
        if (cls(c, j) == C_UNIT || (count_at(c, j, &cnt, &k) && cls(c, k) == C_UNIT)) {
            if (cls(c, j) == C_UNIT) k = j;
            if ((t[k].v & U_PL) && cnt == 1 && k == j) return 0;
            set_duration(r, t[k].v & 31, cnt);
            r->type = SF_TIMEX_SET;
            return k + 1;
        }
        return 0;
    }
    /* "$5 a year", "twice a week", "18 hours a day", "50 lives a year" */
    if (t[i].cls == C_A && cls(c, i + 1) == C_UNIT && !(t[i + 1].v & U_PL) && i > 0 &&
        (ends_digit(c, i - 1) || is_w(c, i - 1, "twice") || is_w(c, i - 1, "once") ||
         is_w(c, i - 1, "times") || is_w(c, i - 1, "million") || is_w(c, i - 1, "billion") ||
         is_w(c, i - 1, "percent") || (cls(c, i - 1) == C_UNIT && (t[i - 1].v & U_PL)) ||
         (i > 1 && (ends_digit(c, i - 2) || cls(c, i - 2) == C_NUMW) && c->nt[i - 1].len > 3 &&
          c->nt[i - 1].s[0] >= 'a' && c->nt[i - 1].s[c->nt[i - 1].len - 1] == 's')) &&
        !(i + 2 < c->n && (is_w(c, i + 2, "ago") || is_w(c, i + 2, "earlier") || is_w(c, i + 2, "later")))) {
        int u = t[i + 1].v & 31;
        if (u == U_WEEKEND || u == U_QUARTER) return 0;
        set_duration(r, u, 1);
        r->type = SF_TIMEX_SET;
        return i + 2;
    }
    return 0;
}

/* The expression starting at piece i, or 0. */
static size_t match_core(cx *c, size_t i, res *r)
{
    tk *t = c->t;
    size_t n = c->n, j = i;
    int the = 0, mod = 0, rel = 0;
    r->a = i;
    r->p.g = TG_NONE;
    r->value[0] = 0;
    size_t e = match_set(c, i, r);
    if (e) return e;
    if (t[j].cls == C_THE) the = 1, j++;
    /* "the end of", "the beginning of" + a point */
    if (j + 1 < n && t[j].cls == C_EDGE && cls(c, j + 1) == C_OF && (the || j == i)) {
        mod = t[j].v, j += 2;
        if (cls(c, j) == C_THE) {
            if (cls(c, j + 1) == C_UNIT && !(t[j + 1].v & U_PL) && c->dct != SF_NO_DAY) {
                int u = t[j + 1].v & 31, g = UNIT_G[u];
                if (g && u != U_DAY && u != U_QUARTER) {
                    set_point(c, r, tp_of_day(c->dct, g), NULL);
                    r->type = SF_TIMEX_DATE;
                    return j + 2;
                }
                if (u == U_QUARTER) {
                    set_point(c, r, report_quarter(c), NULL);
                    r->type = SF_TIMEX_DATE;
                    return j + 2;
                }
            }
            the = 1, j++;
        }
    }
    if (j < n && t[j].cls == C_MOD && !(t[j].cap && j > 0 && j != i)) {
        /* "mid-March" (mod + hyphen), "early 1998", "late Friday"; not "the late president" */
        mod = t[j].v, j++;
    } else if (j < n && t[j].cls == C_ANAPH && cls(c, j + 1) == C_REL && c->t[j + 1].v == R_THIS) {
        mod = t[j].v < 0 ? M_EARLIER : M_LATER, j++; /* "earlier this month" */
    } else if (j < n && t[j].cls == C_ANAPH && is_w(c, j + 1, "in") && cls(c, j + 2) == C_THE &&
               cls(c, j + 3) == C_UNIT && !(t[j + 3].v & U_PL) && UNIT_G[t[j + 3].v & 31] >= TG_WEEK &&
               c->dct != SF_NO_DAY) {
        /* "earlier in the year": this year ("later in the day" is left out, as TimeBank does) */
        set_point(c, r, tp_of_day(c->dct, UNIT_G[t[j + 3].v & 31]), NULL);
        r->type = SF_TIMEX_DATE;
        return j + 4;
    } else if (j < n && t[j].cls == C_ANAPH && cls(c, j + 1) == C_DEIC && t[j + 1].v <= D_TOMORROW) {
        mod = M_EARLIER, j++; /* "earlier today", "later today" */
    }
    if (cls(c, j) == C_FISCAL) j++; /* "fiscal 1989", "the fiscal first quarter" */
    if (j < n && t[j].cls == C_REL) {
        if (t[j].cap && j > 0 && cls(c, j + 1) == C_UNIT && t[j + 1].cap) return 0; /* "This Week" */
        rel = t[j].v, j++;
        if (rel == R_PAST && the && !mod && (j >= n || (t[j].cls != C_UNIT && t[j].cls != C_FEW &&
                                                        !count_at(c, j, &(double){0}, &(size_t){0})))) {
            /* "the past" alone: PAST_REF, unless a noun follows ("the past decade" took the unit) */
            if (noun_after(c, j)) return 0;
            r->type = SF_TIMEX_DATE;
            set_str(r, "PAST_REF");
            return j;
        }
        if (rel == R_CURRENT && !(cls(c, j) == C_UNIT || cls(c, j) == C_PERIOD || cls(c, j) == C_FISCAL)) {
            /* "current market conditions", "its current wife": the present ("the then current
             * price": the past) */
            if (!the && noun_after(c, j)) {
                int then = j >= 2 && is_w(c, j - 2, "then");
                r->a = j - 1 - then, r->type = SF_TIMEX_DATE;
                return set_str(r, then ? "PAST_REF" : "PRESENT_REF"), j;
            }
            return 0;
        }
        if (rel == R_RECENT && !(cls(c, j) == C_UNIT || cls(c, j) == C_PERIOD)) return 0;
        if (rel == R_LATEST && !(cls(c, j) == C_UNIT || cls(c, j) == C_PERIOD)) return 0;
        if (rel == R_FOLLOWING && !the) return 0;
    }
    if (cls(c, j) == C_FISCAL) j++; /* "fiscal 1989", "the fiscal first quarter" */
    if (the && is_w(c, j, "full") && cls(c, j + 1) == C_UNIT) j++; /* "the full year" */
    /* "the day before last Tuesday('s hearing)", "the day after Christmas": that day -/+ 1 */
    if (the && !mod && !rel && j == i + 1 && cls(c, j) == C_UNIT && t[j].v == U_DAY &&
        (is_w(c, j + 1, "before") || is_w(c, j + 1, "after"))) {
        res r2;
        size_t e2 = match_core(c, j + 2, &r2);
        if (e2 && r2.a == j + 2 && r2.type == SF_TIMEX_DATE && r2.p.g == TG_DAY) {
            r->type = SF_TIMEX_DATE;
            set_point(c, r, tp_of_day(r2.p.day + (is_w(c, j + 1, "before") ? -1 : 1), TG_DAY), NULL);
            return e2;
        }
    }
    e = head(c, i, j, the, mod, rel, r);
    if (!e) return 0;
    return e;
}

static void add(sf_doc *d, size_t *cap, const cx *c, const res *r, size_t b)
{
    uint32_t s = c->t[r->a].ws, e = c->t[b - 1].we;
    if (d->n_timexes && d->timexes[d->n_timexes - 1].end > s) return;
    SF_GROW(d->timexes, *cap, d->n_timexes + 1);
    sf_timex *x = &d->timexes[d->n_timexes++];
    memset(x, 0, sizeof *x);
    x->start = s, x->end = e, x->type = (uint8_t)r->type;
    snprintf(x->value, sizeof x->value, "%s", r->value);
    x->first = x->last = SF_NO_DAY;
    if (r->p.g != TG_NONE) tp_days(r->p, &x->first, &x->last);
}

/* Tense cue of piece i: 1 future (will, 'll, shall, won't, going to, scheduled, plans),
 * -1 past (said, was, had, ..., lowercase words in -ed), 0 none. */
static int tense_cue(const cx *c, size_t i)
{
    const tk *t = &c->t[i];
    if (t->cls == C_FUT && t->v == 4) /* "planned a rally": the rally lies ahead; "planned to" is past */
        return cls(c, i + 1) == C_A || cls(c, i + 1) == C_THE ? 1 : -1;
    if (t->cls == C_FUT)
        return t->v == 0 || is_w(c, i + 1, "to") || (t->v == 3 && is_w(c, i + 1, "for"));
    if (t->cls == C_PAST) /* but "was expected to", "were planning to": the future's auxiliary */
        return cls(c, i + 1) == C_FUT && tense_cue(c, i + 1) > 0 ? 0 : -1;
    if (t->cls == C_DEIC && t->v == D_SOON) return 1; /* "as soon as Tuesday" */
    if (t->cls == C_TO && i + 1 < c->n && is_w(c, i, "to") && c->t[i + 1].cls == C_NONE) {
        /* "to leave on Thursday", "set to resume Monday": an infinitive looks ahead */
        const ner_tok *v = &c->nt[i + 1];
        static const char *const det[] = {"his", "her", "its", "their", "our", "my", "your", "be", "date", "death", "them", "him", "us", "me", "what", "which", "whom"};
        int isdet = 0;
        for (size_t k = 0; k < sizeof det / sizeof *det; k++) isdet |= is_w(c, i + 1, det[k]);
        if (!isdet && v->len >= 2 && v->s[0] >= 'a' && v->s[0] <= 'z' && c->t[i + 1].ndig == 0 &&
            !(v->len >= 4 && !memcmp(v->s + v->len - 2, "ed", 2)) && !(v->len >= 4 && !memcmp(v->s + v->len - 3, "ing", 3)) &&
            !(v->s[v->len - 1] == 's' && v->len >= 4))
            return 2; /* counts only before the expression */
    }
    const ner_tok *w = &c->nt[i];
    if (t->cls == C_NONE && w->len >= 4 && w->s[0] >= 'a' && w->s[0] <= 'z' &&
        w->s[w->len - 2] == 'e' && w->s[w->len - 1] == 'd' && !t->hy &&
        !(w->s[w->len - 3] == 'e' && !is_w(c, i, "agreed") && !is_w(c, i, "freed") && !is_w(c, i, "guaranteed")) &&
        !(i + 1 < c->n && c->t[i + 1].hy) &&
        !is_w(c, i + 1, "by")) /* "markets untouched by the crisis": a participle; a finite
                                   passive has its tense on "was" */
        return -1;
    return 0;
}

/* Whether the expression at piece i speaks of the future: the nearest tense cue in the
 * sentence (left first on a tie): 1 future, -1 past, 0 no cue; day: for a weekday. */
#define INF_REACH 5

static int future_at(const cx *c, size_t i, int day)
{
    int32_t l = c->near[2 * i], r = c->near[2 * i + 1];
    /* an infinitive governs a weekday that closely follows it ("to leave on Thursday"), not
     * one after its object ("rallies to mark the country's entry into NATO on Friday") */
    while (day && l >= 0 && c->cue[l] == 2 && (int32_t)i - l > INF_REACH) l = c->near[2 * l];
    if (l < 0 && r < 0) return 0;
    if (r < 0 || (l >= 0 && (int32_t)i - l <= r - (int32_t)i)) return c->cue[l] > 0 ? 1 : -1;
    return c->cue[r];
}

/* Fill c->cue and c->near for the pieces of a sentence (linear: sentences may be long). */
static void tense_cues(cx *c)
{
    int32_t last = -1;
    for (size_t i = 0; i < c->n; i++) {
        c->cue[i] = (int8_t)tense_cue(c, i);
        c->near[2 * i] = last;
        if (c->cue[i]) last = (int32_t)i;
    }
    last = -1;
    for (size_t i = c->n; i-- > 0;) {
        c->near[2 * i + 1] = last;
        if (c->cue[i] && c->cue[i] != 2) last = (int32_t)i; /* an infinitive looks only ahead */
    }
}

/* An approximate qualifier at i ("about", "nearly", "more than", "at least"): its length. */
static size_t approx_len(const cx *c, size_t i)
{
    if (is_w(c, i, "at") && is_w(c, i + 1, "least")) return 2;
    if (is_w(c, i, "up") && is_w(c, i + 1, "to")) return 2;
    if (is_w(c, i, "no") && approx_len(c, i + 1) == 2) return 3; /* "no more than" */
    if (cls(c, i) != C_APPROX) return 0;
    int v = c->t[i].v;
    if (v == 1 || v == 4) return 1;
    if (v == 2) return is_w(c, i + 1, "than") ? 2 : 0;
    if (v == 5) return is_w(c, i + 1, "now");
    return 0;
}

void timex_find(sf_doc *d)
{
    free(d->timexes);
    d->timexes = NULL;
    d->n_timexes = 0;
    pthread_once(&slot_once, build_slots);
    size_t cap = 0, cap_t = 0, cap_nt = 0, cap_raw = 0, nraw = 0, cap_cue = 0, cap_near = 0;
    ner_tok *raw = NULL;
    cx c = {.text = d->text, .dct = d->day};
    size_t lastq_s = 0;
    for (size_t si = 0; si < d->n_sents; si++) {
        const sf_sentence *s = &d->sents[si];
        c.si = si;
        if (s->boilerplate || s->end <= s->start) continue;
        nraw = 0;
        ner_tokenize(d->text, s->start, s->end, &raw, &nraw, &cap_raw);
        pieces(&c, raw, nraw, &cap_t, &cap_nt);
        SF_GROW(c.cue, cap_cue, c.n + 1);
        SF_GROW(c.near, cap_near, 2 * c.n + 2);
        tense_cues(&c);
        for (size_t i = 0; i < c.n; i++) {
            if (c.t[i].cls == C_UNIT && (c.t[i].v & 31) == U_QUARTER && c.dct != SF_NO_DAY)
                c.has_q = 1, c.lastq = tp_shift(tp_of_day(c.dct, TG_QUARTER), TG_QUARTER, -1), lastq_s = si;
            else if (c.t[i].cls == C_UNIT && c.t[i].v == (U_MONTH | U_PL) && i > 0 &&
                     (c.t[i - 1].num > 0 || c.t[i - 1].cls == C_NUMW))
                c.has_q = 0; /* "the nine months": the period reported on now spans months */
        }
        if (c.has_q && si - lastq_s > QFOCUS) c.has_q = 0; /* quarters out of focus */
        for (size_t i = 0; i < c.n;) {
            c.fut = future_at(&c, i, 0);
            c.fut_day = future_at(&c, i, 1);
            c.since = i > 0 && is_w(&c, i - 1, "since");
            if (c.since) c.fut = c.fut_day = -1; /* "since March", "since Tuesday": behind the DCT */
            res r;
            size_t b = 0, a = i;
            /* "at least", "more than", "nearly" + an expression with a count */
            size_t q = approx_len(&c, i);
            if (q && i + q < c.n && c.t[i + q].cls != C_THE && (b = match_core(&c, i + q, &r)) && r.a == i + q) {
                const tk *h = &c.t[i + q];
                int count = h->num >= 0 || h->cls == C_A || h->cls == C_NUMW || h->cls == C_FEW;
                if (count || !(cls(&c, i) == C_APPROX && c.t[i].v == 4)) r.a = a;
            } else
                b = match_core(&c, i, &r);
            if (!b || b <= r.a) {
                i++;
                continue;
            }
            /* a match ends inside a hyphenated token: take the whole token */
            while (b < c.n && c.t[b].hy) b++;
            while (r.a > 0 && c.t[r.a].hy) r.a--;
            add(d, &cap, &c, &r, b);
            if (r.p.g != TG_NONE && r.p.g <= TG_YEAR) c.anchor = r.p, c.anchor_s = si;
            i = b;
        }
    }
    free(raw);
    free(c.t);
    free(c.nt);
    free(c.cue);
    free(c.near);
}
