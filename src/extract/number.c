/* number.c — numeric claims: a number in a sentence with its qualifier ("more than"), range
 * ("between 40 and 60"), unit (percent, currency), what it counts ("people") and the verb
 * saying what happened ("died"). It owns the number grammar and the rules keeping years,
 * dates, times, ordinals, ages, list markers, identifiers and phone numbers out. Word lists
 * over ner_tokenize's tokens: no tagger, no parser. Rules, with their limits in [brackets]:
 * - Not claims (marked first): a 4-digit 1800-2100 beside a capitalized month, before 's,
 *   after in/since/until/from/during/..., or after of/by/the/'s unless a plural noun
 *   follows ("a crowd of 2000 people" counts), or after to/and after such a year; a day
 *   1-31 beside a month ("February 25", "25 Feb."); a number before a.m./GMT; "1." or "1)"
 *   opening the sentence; an age: 0-120 alone between commas, after a capitalized word's
 *   comma at the end, "(45)" after a name, "aged 45"; after No./Route/Article/Flight/...,
 *   or after a capitalized non-initial word unless a noun follows ("Boeing 737"); phone
 *   numbers ("+44 20 7946 0958", "(555) 010-4477", "555-1234", leading zeros). ["in 2000
 *   homes" is a year; "Velmora 3, Ostrand 1" keeps the 3.]
 * - Numbers: digits ("1,200", "3.5", "$5", "€300", "£2.5bn", "12%", "40-60") with an
 *   optional scale word ("1.5 million"); written words ("twenty-one", "three hundred and
 *   fifty", "a dozen", "two million"; lowercase unless sentence-initial); vague amounts as
 *   ranges: "dozens" 24..99, "hundreds" 200..999, "tens of thousands" 20000..99999,
 *   "several hundred" 300..900, "a few thousand" 2000..5000. Anything glued on ("23rd",
 *   "10:30", "COVID-19", "1990s", "45-year-old", "6am") unmakes a number; "12m" and "12k"
 *   are millions and thousands only as money ("$12m"). A bare "one" is a claim only when it
 *   counts a noun and follows no determiner (not "one of them", "the one who", "no one").
 * - Range: number, to / - / – (or "and" after "between"), number, nothing between, the
 *   upper end greater, the same unit ("2 to 3 million" scales both). So "11 votes to one"
 *   (a noun between), "from 40 to 60" (a change), "9 to 2" (a tally) are not ranges.
 * - Qualifier: the longest of sf_num_qualifiers right before the number or its "between".
 * - Unit: "%", percent, per cent, percentage points; a currency symbol, a currency word or
 *   ISO code after ("300 euros", "5 million US dollars"), an ISO code before ("USD 40").
 * - Counts (counts only): the lowercase noun after the number, past up to two capitalized
 *   words or listed adjectives ("900 Velmoran soldiers"), past "of" after a vague amount
 *   ("dozens of villagers"); a singular noun joins a plural one ("aid workers"). [A
 *   present-tense verb passes for a noun: "one soldier dies" counts "soldier dies".]
 * - Predicate: the first verb-like word after number and counts (lowercase, ending in "ed",
 *   or a listed irregular past form or participle), past auxiliaries and a ", ... ," or
 *   "( ... )" aside followed by an auxiliary or verb; it stops at the clause's end (. ; and
 *   but who that when after ...), at another number, or after ten words. [Present tense is
 *   missed, negation dropped ("were not killed" -> "killed"), and in "killed 12 people"
 *   the verb before the number is not taken.] */
#include "extract/number.h"

#include "core/mem.h"
#include "ner/ner.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const sf_num_qualifiers[] = {
    "",           "more than",  "over",         "at least",      "nearly",
    "almost",     "about",      "around",       "approximately", "roughly",
    "some",       "up to",      "fewer than",   "less than",     "an estimated",
    "as many as", "at most",    "no more than", "no fewer than", "under",
    "close to",   "upwards of", "just over",    "just under",    "well over",
    NULL};

/* Word lists: space-separated, a space at each end, matched ignoring ASCII case. */
static const char AUX[] = " have has had 've were was been are is be being not n't also "
                          "reportedly all now already still will would could may might must "
                          "can did do does ";
static const char STOP[] =
    " the a an of and or but nor to in on at for by with from into onto over under than then "
    "as that this these those which who whom whose what when where while if because since "
    "until after before during about around near including according among per cent percent "
    "pct each every all both some any many much more most few less least other such only just "
    "very no so its their his her our your my they them he she it we you i there here today "
    "yesterday tomorrow tonight ago earlier later now still even again last next apiece ";
static const char CLAUSE[] = " . ; : ! ? - -- — – \" “ ” ) ] and but or nor that which who whom "
                             "whose when where while as after before because since if though "
                             "although than until unless whereas so ";
static const char IRREG[] =
    " fled died killed fought left lost fell rose won took made gave went came held sent hit "
    "struck met voted said told saw became began ran got kept found built brought caught sold "
    "spent stood paid put set cut shot burnt drew grew flew threw broke chose froze stole swore "
    "tore wore spoke woke drove rode wrote ate bore slew sank sought taught thought bought led "
    "fed hid bled dug hung spun stuck swept wept slept crept dealt meant lent bent sat quit "
    "flown taken given driven beaten seen known shown torn stolen spoken broken fallen written "
    "hidden thrown drawn grown risen frozen chosen slain begun done gone ";
static const char ADJ[] = " more other additional further new young elderly armed unarmed "
                          "injured wounded displaced foreign local former unidentified innocent "
                          "suspected civilian ";
static const char CUR[] =
    " dollars dollar euros euro pounds sterling hryvnias hryvnia hryvnas rubles roubles ruble "
    "rouble yen yuan renminbi francs franc dinars dinar rupees rupee pesos peso shekels shekel "
    "lira lire zlotys zloty kronor kroner krona krone lei forints dirhams riyals rand baht "
    "ringgit naira cedis shillings lari manat tenge usd eur gbp uah rub jpy cny chf inr ";
static const char ISO[] = " usd eur gbp uah rub jpy cny chf inr ";
static const char MONTH[] =
    " january february march april may june july august september "
    "october november december jan jan. feb feb. mar mar. apr apr. jun "
    "jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. ";
static const char IDENT[] = " no. no number route highway flight resolution article room gate "
                            "platform bus chapter section paragraph page item unit block "
                            "apartment channel level category phase stage round # ";
static const char SMALL[] = " zero one two three four five six seven eight nine ten eleven "
                            "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ";
static const char TENS[] = " twenty thirty forty fifty sixty seventy eighty ninety ";
static const char SCALES[] = " hundred thousand million billion trillion mn bn ";
static const double SCALE_V[] = {1e2, 1e3, 1e6, 1e9, 1e12, 1e6, 1e9};
static const char VAGUE[] = " dozens tens hundreds thousands millions billions ";
static const double VAGUE_V[] = {12, 10, 1e2, 1e3, 1e6, 1e9};

typedef struct sent {
    const char *text;
    const ner_tok *t;
    size_t n;
    uint8_t *skip; /* per token: 1 = never the start of a number */
} sent;

typedef struct num {
    size_t b; /* the token after it */
    double v, hi, scale;
    int money, pct, soft, vague, word, plain; /* plain: digits of a bare integer, else 0 */
} num;

/* ---- words ---- */

/* The index of word [w, w + len) in list, or -1 (strstr for " word ": glibc's is fast). */
static int windex(const char *list, const char *w, size_t len)
{
    char k[40];
    if (len > 36) return -1;
    for (size_t i = 0; i < len; i++)
        k[i + 1] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
    k[0] = k[len + 1] = ' ', k[len + 2] = 0;
    const char *hit = strstr(list, k);
    int idx = 0;
    for (const char *p = list + 1; hit && p <= hit; p++) idx += *p == ' ';
    return hit ? idx : -1;
}

static int in(const char *list, const ner_tok *t)
{
    return windex(list, t->s, t->len) >= 0;
}

static int is(const ner_tok *t, const char *w)
{
    return strlen(w) == t->len && !strncasecmp(t->s, w, t->len);
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* First byte in [lo, hi], then letters and the bytes of `more` ("-'" for lowercase words:
 * "twenty-one"; "-.0123456789" for capitalized ones: "U.S.", "F-16"). */
static int word(const ner_tok *t, char lo, char hi, const char *more)
{
    if (t->s[0] < lo || t->s[0] > hi) return 0;
    for (uint32_t i = 1; i < t->len; i++) {
        char c = t->s[i];
        if (!((c >= 'a' && c <= 'z') || (hi == 'Z' && c >= 'A' && c <= 'Z') || strchr(more, c)))
            return 0;
    }
    return 1;
}
#define lowerword(t) word((t), 'a', 'z', "-'")
#define capword(t)   word((t), 'A', 'Z', "-.0123456789")

static int verb(const ner_tok *t)
{
    if (!lowerword(t)) return 0;
    if (t->len >= 4 && !memcmp(t->s + t->len - 2, "ed", 2))
        return !in(" hundred indeed need speed bed shed seed feed greed creed deed breed ", t);
    return in(IRREG, t);
}

/* 0-99 as a word ("seven", "twenty-one"), or -1. */
static int small_value(const ner_tok *t)
{
    int k = windex(SMALL, t->s, t->len);
    if (k >= 0) return k;
    if ((k = windex(TENS, t->s, t->len)) >= 0) return 20 + 10 * k;
    const char *h = memchr(t->s, '-', t->len);
    int tens = h ? windex(TENS, t->s, (size_t)(h - t->s)) : -1;
    int unit = h ? windex(SMALL, h + 1, t->len - (size_t)(h + 1 - t->s)) : -1;
    return tens >= 0 && unit >= 1 && unit <= 9 ? 20 + 10 * tens + unit : -1;
}

static double scale_of(const ner_tok *t)
{
    int k = windex(SCALES, t->s, t->len);
    return k >= 0 ? SCALE_V[k] : 0;
}

/* Something a number can count: a lowercase word that is no function word, verb or unit. */
static int noun(const ner_tok *t)
{
    return t->len >= 2 && t->len <= 30 && lowerword(t) && !in(STOP, t) && !in(AUX, t) && !verb(t) &&
           !in(CUR, t) && small_value(t) < 0 && !scale_of(t) && !in(VAGUE, t);
}

static int plural(const ner_tok *t)
{
    const char *e = t->s + t->len;
    return (e[-1] == 's' && !strchr("siu", e[-2])) || in(" people children men women ", t);
}

static int month(const ner_tok *t)
{
    return t->s[0] >= 'A' && t->s[0] <= 'Z' && in(MONTH, t);
}

/* Token i opens the sentence (or follows an opening quote or bracket, or a list marker). */
static int initial(const sent *s, size_t i)
{
    return i == 0 || in(" \" “ ‘ ( [ -- — : . ) ", &s->t[i - 1]);
}

/* ---- numbers ---- */

/* All digits and at most maxlen of them. */
static int pure(const ner_tok *t, size_t maxlen)
{
    for (uint32_t i = 0; i < t->len; i++)
        if (!digit(t->s[i])) return 0;
    return t->len <= maxlen;
}

static long val(const ner_tok *t) /* of a pure() token of at most 9 digits */
{
    long v = 0;
    for (uint32_t i = 0; i < t->len && i < 9; i++) v = v * 10 + (t->s[i] - '0');
    return v;
}

static int yearish(const ner_tok *t)
{
    return t->len == 4 && pure(t, 4) && val(t) >= 1800 && val(t) <= 2100;
}

/* Digits in [p, e): [currency] 1,234.5 [% | k m mn bn tn | -upper end, when range]. */
static int parse_digits(const char *p, const char *e, num *x, int range)
{
    static const char *const sym[] = {"$", "€", "£", "¥", "₴", "₽", "₹", NULL};
    const char *q = p;
    while (q < e && q - p < 3 && *q >= 'A' && *q <= 'Z') q++; /* "US$", "A$" */
    for (int k = 0; sym[k]; k++) {
        size_t l = strlen(sym[k]);
        if ((size_t)(e - q) >= l && !memcmp(q, sym[k], l) && (q == p || k == 0)) {
            p = q + l, x->money = 1;
            break;
        }
    }
    if (p >= e || !digit(*p) || (*p == '0' && p + 1 < e && digit(p[1]))) return 0;
    char buf[48];
    size_t n = 0, run = 0, groups = 0;
    for (; p < e && n < 40; p++) {
        if (digit(*p)) {
            buf[n++] = *p, run++;
        } else if (*p == ',' && e - p >= 4 && digit(p[1]) && digit(p[2]) && digit(p[3]) &&
                   (e - p == 4 || !digit(p[4])) && (groups ? run == 3 : run <= 3)) {
            run = 0, groups++;
        } else {
            break;
        }
    }
    x->plain = groups ? 0 : (int)n;
    if (p + 1 < e && *p == '.' && digit(p[1]))
        for (buf[n++] = *p++, x->plain = 0; p < e && digit(*p) && n < 40;) buf[n++] = *p++;
    if (n >= 40) return 0; /* an identifier, not a quantity */
    buf[n] = 0;
    x->v = x->hi = strtod(buf, NULL), x->scale = 1;
    size_t rest = (size_t)(e - p), dash = 0;
    int k;
    if (!rest) return 1;
    if (rest == 1 && *p == '%') return x->pct = 1;
    if ((k = windex(" k m mn bn tn ", p, rest)) >= 0) {
        x->scale = (double[]){1e3, 1e6, 1e6, 1e9, 1e12}[k], x->soft = k < 2;
        x->v = x->hi = round(x->v * x->scale);
        return 1;
    }
    dash = *p == '-' ? 1 : rest > 3 && !memcmp(p, "–", 3) ? 3 : 0;
    num y = {0};
    if (!range || !dash || !parse_digits(p + dash, e, &y, 0)) return 0;
    if (x->plain == 3 && y.plain == 4 && !y.money) return 0;                    /* 555-1234 */
    if (x->plain == 4 && y.plain == 4 && x->v >= 1800 && y.v <= 2100) return 0; /* 2019-2022 */
    if (y.scale > 1 && x->v * y.scale <= y.v) x->v = round(x->v * y.scale);
    if (y.v <= x->v) return 0; /* a score: 3-2 */
    x->hi = y.hi, x->scale = y.scale, x->money |= y.money, x->pct |= y.pct, x->soft |= y.soft;
    return 1;
}

/* Written numbers from token i: "twenty-one", "three hundred and fifty", "a dozen", and the
 * vague "tens of thousands", "several hundred" (ranges). */
static int parse_words(const sent *s, size_t i, num *x)
{
    const ner_tok *t = s->t;
    if (!lowerword(&t[i]) && !(initial(s, i) && capword(&t[i]))) return 0;
    int k = windex(VAGUE, t[i].s, t[i].len), k2, last = 0, any = 0;
    double total = 0, cur = 0, m;
    size_t j = i + 1;
    if (k >= 0) {
        double u = VAGUE_V[k];
        for (; j < i + 5 && j + 1 < s->n && is(&t[j], "of"); j += 2) {
            if ((k2 = windex(VAGUE, t[j + 1].s, t[j + 1].len)) < 2) break;
            u *= VAGUE_V[k2];
        }
        if (k == 1 && j == i + 1) return 0; /* "tens" alone */
        x->v = 2 * u, x->hi = k == 0 && j == i + 1 ? 99 : 10 * u - 1;
        return x->b = j, x->vague = x->word = 1;
    }
    int few =
        is(&t[i], "several") ? 1 : 2 * (i + 1 < s->n && is(&t[i], "a") && is(&t[i + 1], "few"));
    if (few && i + few < s->n && (m = scale_of(&t[i + few])) >= 100) {
        x->v = (few == 1 ? 3 : 2) * m, x->hi = (few == 1 ? 9 : 5) * m; /* "several", "a few" */
        return x->b = i + few + 1, x->vague = x->word = 1;
    }
    j = i;
    if (is(&t[i], "a") || is(&t[i], "an")) { /* "a hundred", "a dozen" */
        if (i + 1 >= s->n || !(scale_of(&t[i + 1]) >= 100 || is(&t[i + 1], "dozen"))) return 0;
        cur = 1, last = 1, j++;
    }
    /* last: 1 a unit, 2 tens, 3 hundred, 4 thousand and up */
    for (; j < s->n && j < i + 12 && (j == i || lowerword(&t[j])); j++) {
        int v = small_value(&t[j]);
        if (v >= 0 && (last == 0 || last >= 3 || (last == 2 && v < 10)))
            cur += v, last = v >= 20 && v % 10 == 0 ? 2 : 1, any = 1;
        else if ((m = scale_of(&t[j])) == 100 && cur > 0 && last <= 2)
            cur *= 100, last = 3, any = 1;
        else if (m >= 1000 && cur > 0 && last != 4)
            total += cur * m, cur = 0, last = 4, any = 1, x->scale = m;
        else if (is(&t[j], "dozen") && cur > 0 && last <= 2)
            cur *= 12, last = 4, any = 1;
        else if (!(is(&t[j], "and") && last >= 3 && j + 1 < s->n && small_value(&t[j + 1]) >= 0))
            break;
    }
    x->v = x->hi = total + cur;
    return any && (x->b = j, x->word = 1);
}

int num_words(const ner_tok *t, size_t n, size_t i, double *value, size_t *next)
{
    sent s = {NULL, t, n, NULL};
    num x;
    memset(&x, 0, sizeof x);
    if (i >= n || !parse_words(&s, i, &x) || x.vague) return 0;
    *value = x.v, *next = x.b;
    return 1;
}

/* A number (without qualifier, range or unit word) starting at token i. */
static int parse_core(const sent *s, size_t i, num *x)
{
    memset(x, 0, sizeof *x);
    x->b = i + 1, x->scale = 1;
    if (i >= s->n || s->skip[i]) return 0;
    const ner_tok *t = &s->t[i];
    if (!parse_digits(t->s, t->s + t->len, x, 1)) return parse_words(s, i, x);
    double m;
    if (x->scale == 1 && i + 1 < s->n && (m = scale_of(&s->t[i + 1])) > 0)
        x->v = round(x->v * m), x->hi = round(x->hi * m), x->scale = m, x->b++;
    return 1;
}

/* ---- not claims ---- */

static void mark(sent *s)
{
    const ner_tok *t = s->t;
    uint8_t *k = s->skip;
    for (size_t i = 0; i < s->n; i++) {
        const ner_tok *prev = i ? &t[i - 1] : NULL, *next = i + 1 < s->n ? &t[i + 1] : NULL;
        const ner_tok *pp = i >= 2 ? &t[i - 2] : NULL;
        if (month(&t[i])) { /* "February 25, 2022", "25-26 Feb. 2022", "February 2022" */
            size_t j = i + 1;
            if (prev && ((pure(prev, 2) && val(prev) <= 31) ||
                         (digit(prev->s[0]) && prev->len <= 5 && memchr(prev->s, '-', prev->len))))
                k[i - 1] = 1;
            if (j < s->n && pure(&t[j], 2) && val(&t[j]) <= 31) k[j++] = 1;
            if (j < s->n && is(&t[j], ",")) j++;
            if (j < s->n && yearish(&t[j])) k[j] = 1;
        }
        if (yearish(&t[i]) && prev &&
            (in(" in since until from between during before after through early late mid "
                "spring summer autumn winter fall year ",
                prev) ||
             month(prev) || (next && in(" 's ’s ", next)) ||
             (in(" of by the this last next its 's ’s ", prev) &&
              !(next && noun(next) && plural(next))) ||
             (pp && in(" to and - – through until ", prev) && k[i - 2] && yearish(pp))))
            k[i] = 1;
        if (t[i].s[0] == '+' && t[i].len > 1 && digit(t[i].s[1])) /* +44 20 7946 0958 */
            for (size_t j = i + 1; j < s->n && pure(&t[j], 5); j++) k[j] = 1;
        if (is(&t[i], "(") && i + 3 < s->n && t[i + 1].len == 3 && pure(&t[i + 1], 3) &&
            is(&t[i + 2], ")") && digit(t[i + 3].s[0]))
            k[i + 1] = k[i + 3] = 1; /* (555) 010-4477 */
        if (!digit(t[i].s[0]) && !lowerword(&t[i])) continue;
        if (next && in(" a.m. p.m. a.m p.m am pm gmt utc o'clock hrs ", next)) k[i] = 1;
        if ((i == 0 || (i == 1 && is(prev, "("))) && next && in(" . ) ", next)) k[i] = 1;
        if (!pure(&t[i], 4)) continue;
        if (t[i].len <= 3 && val(&t[i]) <= 120 && pp && /* ages */
            ((is(prev, ",") && (lowerword(pp) || capword(pp)) &&
              (next ? in(" , ) ", next) || (capword(pp) && in(" . ; ", next)) : capword(pp))) ||
             (is(prev, "(") && capword(pp) && next && is(next, ")")) || is(prev, "aged")))
            k[i] = 1;
        if (prev && (in(IDENT, prev) ||
                     (capword(prev) && !initial(s, i - 1) && !month(prev) && !in(ISO, prev) &&
                      !(next && (noun(next) || in(CUR, next) || in(" % percent per ", next))))))
            k[i] = 1; /* "Route 9", "Boeing 737", "COVID 19" */
    }
}

/* ---- claims ---- */

/* The tokens phrase takes when it ends right before token a (none before floor), or 0. */
static size_t phrase_before(const sent *s, size_t a, size_t floor, const char *phrase)
{
    size_t m = 1;
    for (const char *c = phrase; *c; c++) m += *c == ' ';
    if (a < floor + m) return 0;
    for (size_t j = a - m; j < a; j++) {
        size_t l = strcspn(phrase, " ");
        if (s->t[j].len != l || strncasecmp(s->t[j].s, phrase, l)) return 0;
        phrase += l + (phrase[l] == ' ');
    }
    return m;
}

/* A currency word at token j ("euros", "USD", "US dollars"): the token after it, or 0. */
static size_t currency(const sent *s, size_t j)
{
    if (j >= s->n) return 0;
    if (in(CUR, &s->t[j]) && (lowerword(&s->t[j]) || in(ISO, &s->t[j]))) return j + 1;
    return capword(&s->t[j]) && j + 1 < s->n && lowerword(&s->t[j + 1]) && in(CUR, &s->t[j + 1])
               ? j + 2
               : 0;
}

/* The predicate after token p: the first verb-like word of the clause, into [*ps, *pe). */
static void predicate(const sent *s, size_t p, uint32_t *ps, uint32_t *pe)
{
    const ner_tok *t = s->t;
    num tmp;
    for (int steps = 0; p < s->n && steps < 10; steps++) {
        if (is(&t[p], ",") || is(&t[p], "(")) { /* an aside, if a verb or auxiliary follows */
            const char *close = is(&t[p], ",") ? "," : ")";
            size_t q = p + 1;
            while (q < s->n && q < p + 16 && !is(&t[q], close) && !in(" . ; : ( ", &t[q])) q++;
            if (q + 1 >= s->n || !is(&t[q], close) ||
                !(close[0] == ')' || in(AUX, &t[q + 1]) || verb(&t[q + 1])))
                return;
            p = q + 1;
        } else if (verb(&t[p])) {
            *ps = (uint32_t)(t[p].s - s->text), *pe = *ps + t[p].len;
            return;
        } else if (in(CLAUSE, &t[p]) || (!in(AUX, &t[p]) && parse_core(s, p, &tmp))) {
            return;
        } else {
            p++;
        }
    }
}

/* The claim whose number starts at token i (no word of it before floor): fills *c and
 * returns the token after it, or 0. */
static size_t claim(const sent *s, size_t i, size_t floor, sf_number *c)
{
    const ner_tok *t = s->t;
    num x, y;
    if (!parse_core(s, i, &x)) return 0;
    int bare_one = x.word && x.v == 1 && x.b == i + 1, q = 0;
    int between = i > floor && is(&t[i - 1], "between");
    size_t a = i, j = x.b, end, w;
    if (j + 1 < s->n && (in(" to - – — ", &t[j]) || (between && is(&t[j], "and"))) &&
        !(i > floor && is(&t[i - 1], "from")) && parse_core(s, j + 1, &y)) {
        double lo =
            x.scale == 1 && y.scale > 1 && x.v * y.scale <= y.v ? round(x.v * y.scale) : x.v;
        if (y.v > lo && (!(x.pct || x.money) || (x.pct == y.pct && x.money == y.money))) {
            x.v = lo, x.hi = y.hi, x.b = j = y.b, x.vague = y.vague;
            x.money |= y.money, x.pct |= y.pct, x.soft |= y.soft;
            if (between) a = i - 1;
        }
    }
    if (j < s->n && (is(&t[j], "%") || in(" percent pct ", &t[j])))
        x.pct = 1, j++;
    else if (j + 1 < s->n && ((is(&t[j], "per") && is(&t[j + 1], "cent")) ||
                              (is(&t[j], "percentage") && in(" point points ", &t[j + 1]))))
        x.pct = 1, j += 2;
    else if ((end = currency(s, j)) ||
             (x.vague && j < s->n && is(&t[j], "of") && (end = currency(s, j + 1))))
        x.money = 1, j = end;
    if (a == i && i > floor && in(ISO, &t[i - 1])) x.money = 1, a = i - 1;
    if (x.soft && !x.money) return 0; /* "a 12m wall": metres */
    size_t qa = a;
    for (int k = 1; sf_num_qualifiers[k]; k++)
        if ((w = phrase_before(s, a, floor, sf_num_qualifiers[k])) && a - w < qa) qa = a - w, q = k;

    int kind = x.money ? SF_NUM_MONEY : x.pct ? SF_NUM_PERCENT : SF_NUM_COUNT;
    size_t next = j, h = j + (x.vague && j + 1 < s->n && is(&t[j], "of")), k = h;
    uint32_t cs = 0, ce = 0, ps = 0, pe = 0;
    while (k < h + 2 && k + 1 < s->n && (capword(&t[k]) || in(ADJ, &t[k]))) k++;
    if (k >= s->n || !noun(&t[k])) k = h;
    if (kind == SF_NUM_COUNT && k < s->n && noun(&t[k])) {
        int one = x.v == 1 && x.hi == 1;
        size_t hd = k;
        while (hd + 1 < s->n && hd < k + 2 && noun(&t[hd + 1]) &&
               (one ? !plural(&t[hd + 1]) : !plural(&t[hd]) && plural(&t[hd + 1])))
            hd++;
        cs = (uint32_t)(t[k].s - s->text), ce = (uint32_t)(t[hd].s + t[hd].len - s->text);
        next = hd + 1;
    }
    if (bare_one && kind == SF_NUM_COUNT &&
        (cs == ce || (i > floor && in(" the no any every each this that which ", &t[i - 1]))))
        return 0; /* "one of them", "the one who", "no one" */
    predicate(s, next, &ps, &pe);
    c->start = (uint32_t)(t[qa].s - s->text);
    c->end = (uint32_t)(t[j - 1].s + t[j - 1].len - s->text);
    c->value = x.v, c->high = x.hi, c->kind = (uint8_t)kind, c->qualifier = (uint8_t)q;
    c->counts_start = cs, c->counts_end = ce, c->pred_start = ps, c->pred_end = pe;
    return next;
}

void num_extract(const char *text, uint32_t start, uint32_t end, sf_number **out, size_t *n,
                 size_t *cap)
{
    if (end <= start) return;
    ner_tok *toks = NULL;
    size_t nt = 0, ct = 0;
    ner_tokenize(text, start, end, &toks, &nt, &ct);
    sent s = {text, toks, nt, sf_xcalloc(nt ? nt : 1, 1)};
    mark(&s);
    sf_number c;
    for (size_t i = 0, floor = 0, next; i < nt; i = next ? (floor = next) : i + 1)
        if ((next = claim(&s, i, floor, &c))) {
            SF_GROW(*out, *cap, *n + 1);
            (*out)[(*n)++] = c;
        }
    free(toks);
    free(s.skip);
}
