/* lang.c — language identification: a declared language tag normalized and checked
 * against the text, or the language told from the text alone. Three steps, cheapest
 * first: a vote of the stop lists (stopwords.c) over the first words, which settles most
 * news text in the eleven languages that have a list for a few microseconds; the scripts
 * that belong to one language (Hangul, kana, Greek, Thai, ...); then libexttextcat's
 * n-gram classifier (Cavnar and Trenkle) over the 163 language models Debian ships, which
 * costs about a millisecond a document (four times the rest of the analysis) and so only
 * sees what the first two leave open. Not here: what a language changes downstream (the
 * stemmer and stop list, token.c; named entities, which are English only, entities.c). */
#include "text/lang.h"

#include "core/mem.h"
#include "text/stopwords.h"
#include "text/token.h"

#include <stdlib.h>
#include <string.h>
#include <textcat.h>
#include <utf8proc.h>

/* Where Debian's libexttextcat-data puts its models; fpdb.conf names them. */
#ifndef SF_TEXTCAT_DIR
#define SF_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* The vote reads this many words at most: a few sentences settle it. */
#define VOTE_WORDS 150
/* It decides with at least VOTE_MIN words, when the winner's list holds at least
 * VOTE_SHARE percent of them (running news text: 35-50% in English, French or German,
 * 25-35% in Russian or Swedish; product listings and tables in English 10-20%) and its
 * weighted votes are more than twice the runner-up's. A word in k lists gives each 1/k of
 * a vote ("de" is in seven lists, "les" in one), so what close relatives share does not
 * blur the margin. Danish and Norwegian still fall short of it, and so do languages
 * without a list (Catalan, Galician, Ukrainian): the classifier takes those. */
#define VOTE_MIN   8
#define VOTE_SHARE 12
/* Less text than this many letters is not identified at all. */
#define MIN_LETTERS 20
/* The n-gram classifier answers for anything, and on what is not running text (results
 * tables, product listings, lists of names: "Shr 30 cts vs 17 cts Net 573,000") it
 * answers Catalan, French or Danish for English. It is asked only about text of at
 * least NGRAM_LETTERS letters with at most one digit for NGRAM_DIGITS letters (running
 * text: 1 in 20 to 30), at most NGRAM_CAPITALS percent of capitalized words (German
 * running text: about 40%; lists of names and products: 60% and more) and English
 * function words under NGRAM_EN_SHARE percent of the words (what has more is English of
 * a kind, a table or a listing, and stays unknown); its answer is taken when it names at
 * most NGRAM_CANDIDATES models within 3% of each other (English not among them unless
 * first) and the language it names, if that has a stop list, holds at least
 * NGRAM_OWN_SHARE percent of the words. Otherwise the language is unknown, which downstream
 * means English's rules: what was there before languages were told apart. */
#define NGRAM_LETTERS    80
#define NGRAM_DIGITS     8
#define NGRAM_CAPITALS   50
#define NGRAM_CANDIDATES 3
#define NGRAM_EN_SHARE   5
#define NGRAM_OWN_SHARE  10

/* ---- the declared tag ---------------------------------------------------------------- */

/* ISO 639-2 (bibliographic and terminology) codes of languages that have an ISO 639-1
 * code, and the deprecated 639-1 codes still seen in pages. Sorted for bsearch. */
static const char *const iso3[][2] = {
    {"afr", "af"}, {"alb", "sq"}, {"ara", "ar"}, {"arm", "hy"}, {"baq", "eu"}, {"bel", "be"},
    {"ben", "bn"}, {"bos", "bs"}, {"bul", "bg"}, {"cat", "ca"}, {"ces", "cs"}, {"chi", "zh"},
    {"cym", "cy"}, {"cze", "cs"}, {"dan", "da"}, {"deu", "de"}, {"dut", "nl"}, {"ell", "el"},
    {"eng", "en"}, {"est", "et"}, {"eus", "eu"}, {"fas", "fa"}, {"fin", "fi"}, {"fra", "fr"},
    {"fre", "fr"}, {"geo", "ka"}, {"ger", "de"}, {"gle", "ga"}, {"glg", "gl"}, {"gre", "el"},
    {"heb", "he"}, {"hin", "hi"}, {"hrv", "hr"}, {"hun", "hu"}, {"hye", "hy"}, {"ice", "is"},
    {"ind", "id"}, {"isl", "is"}, {"ita", "it"}, {"jpn", "ja"}, {"kat", "ka"}, {"kaz", "kk"},
    {"kor", "ko"}, {"lav", "lv"}, {"lit", "lt"}, {"mac", "mk"}, {"may", "ms"}, {"mkd", "mk"},
    {"msa", "ms"}, {"nep", "ne"}, {"nld", "nl"}, {"nno", "nn"}, {"nob", "nb"}, {"nor", "no"},
    {"per", "fa"}, {"pol", "pl"}, {"por", "pt"}, {"ron", "ro"}, {"rum", "ro"}, {"rus", "ru"},
    {"slk", "sk"}, {"slo", "sk"}, {"slv", "sl"}, {"spa", "es"}, {"sqi", "sq"}, {"srp", "sr"},
    {"swa", "sw"}, {"swe", "sv"}, {"tam", "ta"}, {"tgl", "tl"}, {"tha", "th"}, {"tur", "tr"},
    {"ukr", "uk"}, {"urd", "ur"}, {"vie", "vi"}, {"wel", "cy"}, {"yid", "yi"}, {"zho", "zh"},
};
static const char *const deprecated[][2] = {
    {"in", "id"}, {"iw", "he"}, {"ji", "yi"}, {"jw", "jv"}, {"mo", "ro"},
};

static int cmp_code(const void *key, const void *row)
{
    return strcmp(key, ((const char *const *)row)[0]);
}

int lang_normalize(const char *tag, char out[LANG_CODE_MAX])
{
    out[0] = '\0';
    if (!tag) return 0;
    while (*tag == ' ' || *tag == '\t') tag++;
    char c[4];
    size_t n = 0;
    for (; tag[n] && tag[n] != '-' && tag[n] != '_' && tag[n] != ' '; n++) {
        char ch = tag[n];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
        if (ch < 'a' || ch > 'z' || n == 3) return 0;
        c[n] = ch;
    }
    if (n < 2) return 0; /* "", "x-default", "i-klingon" */
    c[n] = '\0';
    if (!strcmp(c, "und") || !strcmp(c, "mul") || !strcmp(c, "zxx") || !strcmp(c, "mis"))
        return 0;
    const char *const *row = NULL;
    if (n == 3) row = bsearch(c, iso3, sizeof iso3 / sizeof *iso3, sizeof *iso3, cmp_code);
    else row = bsearch(c, deprecated, sizeof deprecated / sizeof *deprecated, sizeof *deprecated,
                       cmp_code);
    strcpy(out, row ? row[1] : c);
    return 1;
}

/* ---- the profile: stop-list votes and scripts over the first words ------------------- */

enum { SC_LATIN, SC_CYRILLIC, SC_GREEK, SC_HAN, SC_KANA, SC_HANGUL, SC_THAI, SC_GEORGIAN,
       SC_ARMENIAN, SC_OTHER, N_SCRIPTS };

typedef struct profile {
    unsigned letters, script[N_SCRIPTS];
    unsigned digits;
    unsigned capitalized; /* words that start with a capital letter */
    unsigned words;              /* of two letters or more, up to VOTE_WORDS */
    unsigned hits[STOP_NLANGS];  /* words in each list */
    unsigned votes[STOP_NLANGS]; /* the same, a word in k lists counting VOTE_UNIT / k */
    unsigned not_russian; /* Cyrillic letters Russian does not use (і ї є ґ ў ј љ њ ћ џ ѓ ќ ѕ) */
    unsigned hard_sign;   /* ъ: one letter in 40 of Bulgarian, rare in Russian */
} profile;

static int script_of(utf8proc_int32_t c)
{
    if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF)) return SC_LATIN;
    if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF)) return SC_GREEK;
    if (c >= 0x400 && c <= 0x52F) return SC_CYRILLIC;
    if (c >= 0x530 && c <= 0x58F) return SC_ARMENIAN;
    if (c >= 0xE00 && c <= 0xE7F) return SC_THAI;
    if (c >= 0x10A0 && c <= 0x10FF) return SC_GEORGIAN;
    if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
        (c >= 0xAC00 && c <= 0xD7AF))
        return SC_HANGUL;
    if (c >= 0x3040 && c <= 0x30FF) return SC_KANA;
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x2FFFF))
        return SC_HAN;
    return SC_OTHER;
}

static int not_russian(utf8proc_int32_t c)
{
    switch (c) {
    case 0x456: case 0x457: case 0x454: case 0x491: case 0x45E: case 0x458: case 0x459:
    case 0x45A: case 0x45B: case 0x45F: case 0x453: case 0x45C: case 0x455:
        return 1;
    default:
        return 0;
    }
}

/* Divisible by every count of lists a word can be in (1 to 11), so votes are exact. */
#define VOTE_UNIT 27720u

/* One word of the vote: text[s, e), chars codepoints long, capital when its first is. */
static void vote(profile *p, const char *text, size_t s, size_t e, unsigned chars, int ascii,
                 int capital)
{
    if (chars < 2 || e - s > 32 || p->words >= VOTE_WORDS) return;
    char low[33 * 4];
    size_t n = e - s;
    if (ascii) {
        for (size_t i = 0; i < n; i++) {
            char ch = text[s + i];
            low[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
        }
    } else {
        n = tok_fold(text + s, n, low, sizeof low);
    }
    p->words++;
    p->capitalized += (unsigned)capital;
    unsigned m = n ? stop_mask(low, n) : 0;
    unsigned k = (unsigned)__builtin_popcount(m);
    for (int l = 0; m; l++, m >>= 1)
        if (m & 1u) {
            p->hits[l]++;
            p->votes[l] += VOTE_UNIT / k;
        }
}

/* Words are runs of letters and marks: digits, apostrophes and everything else part them
 * ("l'armée" votes "l" and "armée"; one-letter words do not vote). Invalid UTF-8 is
 * skipped a byte at a time. */
static void scan(profile *p, const char *text, size_t len)
{
    memset(p, 0, sizeof *p);
    const utf8proc_uint8_t *t = (const utf8proc_uint8_t *)text;
    size_t i = 0, ws = 0;
    unsigned chars = 0;
    int ascii = 1, capital = 0;
    while (i < len && p->words < VOTE_WORDS) { /* enough to tell; the rest costs time */
        utf8proc_int32_t c;
        utf8proc_ssize_t k = 1;
        if (t[i] < 0x80) c = t[i];
        else k = utf8proc_iterate(t + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0) {
            c = ' ';
            k = 1;
        }
        utf8proc_category_t cat = c < 128 ? 0 : utf8proc_category(c);
        int letter = c < 128 ? ((c | 32) >= 'a' && (c | 32) <= 'z')
                             : (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME);
        if (letter) {
            if (!chars)
                ws = i, ascii = 1,
                capital = c < 128 ? (c >= 'A' && c <= 'Z')
                                  : (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT);
            chars++;
            ascii &= c < 128;
            if (cat <= UTF8PROC_CATEGORY_LO) { /* marks are no letters of their own */
                p->letters++;
                p->script[script_of(c)]++;
                p->not_russian += (unsigned)not_russian(c);
                p->hard_sign += c == 0x44A || c == 0x42A;
            }
        } else {
            p->digits += c >= '0' && c <= '9';
            if (chars) vote(p, text, ws, i, chars, ascii, capital);
            chars = 0;
        }
        i += (size_t)k;
    }
    if (chars) vote(p, text, ws, i, chars, ascii, capital);
}

/* The cheap answer: 1 with out set, 0 when the classifier must decide, -1 when there is
 * too little text to tell. */
static int decide(const profile *p, char out[LANG_CODE_MAX])
{
    unsigned L = p->letters;
    if (L < MIN_LETTERS) return -1;
    static const struct {
        int script;
        const char *code;
    } own[] = {{SC_HANGUL, "ko"}, {SC_GREEK, "el"},    {SC_THAI, "th"},
               {SC_GEORGIAN, "ka"}, {SC_ARMENIAN, "hy"}};
    /* Japanese writes kanji between kana; Chinese has no kana */
    if (p->script[SC_KANA] * 5 >= L) return strcpy(out, "ja"), 1;
    if (p->script[SC_HAN] * 2 >= L) return strcpy(out, "zh"), 1;
    for (size_t k = 0; k < sizeof own / sizeof *own; k++)
        if (p->script[own[k].script] * 2 >= L) return strcpy(out, own[k].code), 1;
    if (p->words < VOTE_MIN) return 0;
    int best = 0, second = -1;
    for (int l = 1; l < STOP_NLANGS; l++)
        if (p->votes[l] > p->votes[best]) second = best, best = l;
        else if (second < 0 || p->votes[l] > p->votes[second]) second = l;
    if (p->hits[best] * 100 < VOTE_SHARE * p->words ||
        p->votes[best] < 2 * p->votes[second] + 2 * VOTE_UNIT)
        return 0;
    /* Ukrainian, Bulgarian, Serbian, Belarusian share Russian's commonest little words */
    if (best == STOP_RU && (p->not_russian >= 2 || p->hard_sign * 200 > L)) return 0;
    strcpy(out, stop_lang_code(best));
    return 1;
}

/* ---- libexttextcat ------------------------------------------------------------------- */

/* A handle keeps its last answer in itself, so each thread has its own (about 60 ms to
 * load, once, and only in a thread that needs it). */
static _Thread_local void *textcat;
static _Thread_local candidate_t *cands;
static _Thread_local int textcat_missing; /* loading failed: not tried again */

void lang_thread_end(void)
{
    if (textcat) {
        textcat_ReleaseClassifyFullOutput(textcat, cands);
        textcat_Done(textcat);
    }
    textcat = NULL;
    cands = NULL;
    textcat_missing = 0;
}

/* The classifier's best model for text (valid UTF-8), as a code in out; returns how many
 * models scored within 3% of it (0: none, or more than five: no answer), and *en says
 * whether English was one of them. Its Scots model is near English and Scots news is rare:
 * Scots first with English close behind counts as English. */
static int classify(const char *text, size_t len, char out[LANG_CODE_MAX], int *en)
{
    out[0] = '\0';
    *en = 0;
    if (!textcat && !textcat_missing) {
        textcat = special_textcat_Init(SF_TEXTCAT_DIR "fpdb.conf", SF_TEXTCAT_DIR);
        if (textcat) cands = textcat_GetClassifyFullOutput(textcat);
        textcat_missing = !textcat || !cands;
    }
    if (textcat_missing) return 0;
    int n = textcat_ClassifyFull(textcat, text, len, cands);
    if (n <= 0) return 0;
    char code[LANG_CODE_MAX];
    for (int k = n - 1; k >= 0; k--) { /* the first one last: out is the best */
        const char *name = cands[k].name;
        size_t c = 0;
        while (name[c] && name[c] != '-' && c + 1 < sizeof code) code[c] = name[c], c++;
        code[c] = '\0';
        if (!lang_normalize(code, out)) return 0;
        *en |= strcmp(out, "en") == 0;
    }
    if (strcmp(out, "sco") == 0 && *en) strcpy(out, "en");
    return n;
}

/* The classifier's answer for text that the vote left open, when it can be trusted (see
 * NGRAM_LETTERS); 0 when not. */
static int classify_open(const profile *p, const char *text, size_t len,
                         char out[LANG_CODE_MAX])
{
    /* checked before the classifier runs, as it costs a millisecond */
    if (p->letters < NGRAM_LETTERS || p->digits * NGRAM_DIGITS > p->letters ||
        p->capitalized * 100 > NGRAM_CAPITALS * p->words ||
        p->hits[STOP_EN] * 100 >= NGRAM_EN_SHARE * p->words)
        return 0;
    int en, n = classify(text, len, out, &en);
    if (n < 1 || n > NGRAM_CANDIDATES) return 0;
    if (strcmp(out, "en") == 0) return 1;
    if (en) return 0;
    int l = stop_lang(out);
    if (l >= 0 && p->hits[l] * 100 < NGRAM_OWN_SHARE * p->words) return 0;
    return 1;
}

/* ---- the prefix ---------------------------------------------------------------------- */

/* Up to LANG_PREFIX bytes of text[start, end) appended to buf (holding *n), valid UTF-8
 * only (the classifier reads lead bytes and trusts them), NULs and bad bytes as spaces. */
static void take(char *buf, size_t *n, const char *text, size_t start, size_t end)
{
    const utf8proc_uint8_t *t = (const utf8proc_uint8_t *)text;
    size_t i = start;
    while (i < end && *n < LANG_PREFIX) {
        if ((unsigned char)text[i] - 1u < 0x7Fu) { /* ASCII but NUL */
            buf[(*n)++] = text[i++];
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(t + i, (utf8proc_ssize_t)(end - i), &c);
        if (k <= 0 || c == 0) {
            buf[(*n)++] = ' ';
            i++;
            continue;
        }
        if (*n + (size_t)k > LANG_PREFIX) break;
        memcpy(buf + *n, text + i, (size_t)k);
        *n += (size_t)k;
        i += (size_t)k;
    }
    buf[*n] = '\0';
}

int lang_identify(const char *text, size_t len, char out[LANG_CODE_MAX])
{
    char buf[LANG_PREFIX + 1];
    size_t n = 0;
    out[0] = '\0';
    if (!text) return 0;
    take(buf, &n, text, 0, len);
    profile p;
    scan(&p, buf, n);
    int r = decide(&p, out);
    if (r) return r > 0;
    if (classify_open(&p, buf, n, out)) return 1;
    out[0] = '\0';
    return 0;
}

void lang_doc(sf_doc *d)
{
    char buf[LANG_PREFIX + 1];
    size_t n = 0, at = 0;
    buf[0] = '\0';
    /* the first LANG_PREFIX bytes outside boilerplate (teasers and credits may be in
     * another language than the article: "Read more", "Photo: AFP") */
    for (size_t b = 0; b <= d->n_boilerplate && at < d->len && n < LANG_PREFIX; b++) {
        size_t end = b < d->n_boilerplate ? d->boilerplate[b].start : d->len;
        if (end > d->len) end = d->len;
        if (end > at) {
            if (n && n < LANG_PREFIX) buf[n++] = '\n';
            take(buf, &n, d->text, at, end);
        }
        if (b < d->n_boilerplate && d->boilerplate[b].end > at) at = d->boilerplate[b].end;
    }
    profile p;
    scan(&p, buf, n);
    char found[LANG_CODE_MAX], declared[LANG_CODE_MAX], checked[LANG_CODE_MAX];
    int r = decide(&p, found);
    const char *lang = NULL;
    if (lang_normalize(d->lang, declared)) {
        /* A declared language is kept: a page's own word beats a guess, and checking it
         * would cost the classifier's millisecond for every page. Only when the vote
         * clearly says another language (templates declare "en" on every page of a
         * site) does the classifier look, and its answer wins if it agrees. */
        lang = declared;
        int en;
        if (r > 0 && strcmp(found, declared) != 0 && classify(buf, n, checked, &en) > 0 &&
            strcmp(checked, found) == 0)
            lang = found;
    } else if (r > 0 || (r == 0 && classify_open(&p, buf, n, found))) {
        lang = found;
    }
    if (lang && d->lang && strcmp(lang, d->lang) == 0) return;
    free(d->lang);
    d->lang = lang ? sf_xstrdup(lang) : NULL;
}
