/* token.c — the tokenizer: words as runs of letters, marks and digits (with apostrophes
 * inside them), each with a byte span and a term hash. A term is the Snowball stem, in
 * the document's language, of the casefolded NFC word, hashed with XXH3-64, so that
 * vectors are arrays of integers rather than strings. Which language a document is in
 * is lang.c's business; this file only maps a language code to its stemmer, stop list
 * and elision rule. */
#include "text/token.h"

#include "core/mem.h"
#include "text/stopwords.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#define MAX_WORD 64 /* longer "words" (URLs, hashes) are not terms */

/* How one language's words become terms. A language without a Snowball stemmer (Polish,
 * Chinese, ...) is casefolded only (the last entry): an English stemmer would strip
 * "-s" and "-ed" from words that have no such suffixes. A document whose language is
 * unknown is treated as English, as every document was before languages were told
 * apart: most unknowns are short English items, and their terms must match those of
 * the English articles they belong with. */
struct tok_lang {
    const char *code;     /* ISO 639-1 */
    const char *snowball; /* libstemmer algorithm, or NULL */
    int8_t stop;          /* stop list (stopwords.h), or -1 */
    uint8_t elision;      /* drop an elided article or preposition: "l'armée" -> "armée" */
};

static const tok_lang langs[] = {
    {"en", "english", STOP_EN, 0},    {"ar", "arabic", -1, 0},
    {"ca", "catalan", -1, 1},         {"da", "danish", STOP_DA, 0},
    {"de", "german", STOP_DE, 0},     {"el", "greek", -1, 0},
    {"es", "spanish", STOP_ES, 0},    {"eu", "basque", -1, 0},
    {"fi", "finnish", -1, 0},         {"fr", "french", STOP_FR, 1},
    {"ga", "irish", -1, 0},           {"hi", "hindi", -1, 0},
    {"hu", "hungarian", -1, 0},       {"hy", "armenian", -1, 0},
    {"id", "indonesian", -1, 0},      {"it", "italian", STOP_IT, 1},
    {"lt", "lithuanian", -1, 0},      {"nb", "norwegian", STOP_NO, 0},
    {"ne", "nepali", -1, 0},          {"nl", "dutch", STOP_NL, 0},
    {"nn", "norwegian", STOP_NO, 0},  {"no", "norwegian", STOP_NO, 0},
    {"pt", "portuguese", STOP_PT, 0}, {"ro", "romanian", -1, 0},
    {"ru", "russian", STOP_RU, 0},    {"sr", "serbian", -1, 0},
    {"sv", "swedish", STOP_SV, 0},    {"ta", "tamil", -1, 0},
    {"tr", "turkish", -1, 0},         {"yi", "yiddish", -1, 0},
    {NULL, NULL, -1, 0}, /* any other language: casefolding only */
};
#define N_LANGS (sizeof langs / sizeof *langs)

/* One stemmer per language and thread: libstemmer's are not thread-safe. */
static _Thread_local struct sb_stemmer *stemmers[N_LANGS];

void tok_thread_end(void)
{
    for (size_t i = 0; i < N_LANGS; i++) {
        if (stemmers[i]) sb_stemmer_delete(stemmers[i]);
        stemmers[i] = NULL;
    }
}

const tok_lang *tok_lang_get(const char *code)
{
    if (!code) return &langs[0];
    for (size_t i = 0; i + 1 < N_LANGS; i++)
        if (strcmp(code, langs[i].code) == 0) return &langs[i];
    return &langs[N_LANGS - 1];
}

int tok_lang_stems(const tok_lang *l)
{
    return (l ? l : &langs[0])->snowball != NULL;
}

static int is_word_cp(utf8proc_int32_t c)
{
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    utf8proc_category_t cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
}

static int is_apostrophe(utf8proc_int32_t c)
{
    return c == '\'' || c == 0x2019;
}

size_t tok_fold(const char *word, size_t len, char *out, size_t cap)
{
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)word[i] >= 128) {
            ascii = 0;
            break;
        }
    if (ascii) {
        if (len + 1 > cap) return 0;
        for (size_t i = 0; i < len; i++) {
            char c = word[i];
            out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out[len] = '\0';
        return len;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)word, (utf8proc_ssize_t)len, &m,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    size_t r = 0;
    if (n > 0 && (size_t)n + 1 <= cap) {
        /* the typographic apostrophe becomes ASCII so "Ukraine’s" == "Ukraine's" */
        for (utf8proc_ssize_t i = 0; i < n; i++) {
            if (i + 2 < n && m[i] == 0xE2 && m[i + 1] == 0x80 && m[i + 2] == 0x99) {
                out[r++] = '\'';
                i += 2;
            } else {
                out[r++] = (char)m[i];
            }
        }
        out[r] = '\0';
    }
    free(m);
    return r;
}

/* "l'armée", "qu'il", "dell'esercito": what stands before an apostrophe no more than
 * ELISION_MAX bytes in is an elided article, pronoun or preposition. Longer heads are
 * words of their own ("aujourd'hui", which the French stop list holds whole). */
#define ELISION_MAX 6

uint64_t tok_term(const char *word, size_t len, const tok_lang *l)
{
    if (!l) l = &langs[0];
    char buf[MAX_WORD * 4 + 1];
    size_t n = tok_fold(word, len, buf, sizeof buf);
    char *low = buf;
    if (l->elision)
        for (size_t i = 1; i <= ELISION_MAX && i + 1 < n; i++)
            if (low[i] == '\'') {
                low += i + 1;
                n -= i + 1;
                break;
            }
    size_t chars = 0; /* one-letter words carry no topic, in any script */
    for (size_t i = 0; i < n && chars < 2; i++) chars += ((unsigned char)low[i] & 0xC0) != 0x80;
    if (chars < 2) return 0;
    int digits = 0;
    for (size_t i = 0; i < n; i++) digits += (low[i] >= '0' && low[i] <= '9');
    if (digits == (int)n) return 0;
    if (stop_is(l->stop, low, n)) return 0;
    /* possessive 's is not part of the term */
    if (l == &langs[0] && n > 2 && low[n - 2] == '\'' && low[n - 1] == 's') n -= 2;
    if (!l->snowball) return XXH3_64bits(low, n) | 1;
    struct sb_stemmer **st = &stemmers[l - langs];
    if (!*st && !(*st = sb_stemmer_new(l->snowball, NULL))) abort();
    const sb_symbol *s = sb_stemmer_stem(*st, (const sb_symbol *)low, (int)n);
    int sl = sb_stemmer_length(*st);
    if (!s || sl <= 0) return XXH3_64bits(low, n) | 1;
    /* |1 keeps 0 free to mean "no term" */
    return XXH3_64bits(s, (size_t)sl) | 1;
}

void tok_scan(const char *text, uint32_t start, uint32_t end, const tok_lang *lang,
              sf_token **toks, size_t *n, size_t *cap)
{
    const utf8proc_uint8_t *t = (const utf8proc_uint8_t *)text;
    uint32_t i = start;
    while (i < end) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(t + i, end - i, &c);
        if (k <= 0) {
            i++;
            continue;
        }
        if (!is_word_cp(c)) {
            i += (uint32_t)k;
            continue;
        }
        uint32_t ws = i, we = i + (uint32_t)k;
        i = we;
        while (i < end) {
            k = utf8proc_iterate(t + i, end - i, &c);
            if (k <= 0) break;
            if (is_word_cp(c)) {
                i += (uint32_t)k;
                we = i;
                continue;
            }
            if (is_apostrophe(c)) {
                utf8proc_int32_t c2;
                utf8proc_ssize_t k2 = utf8proc_iterate(t + i + k, end - i - (uint32_t)k, &c2);
                if (k2 > 0 && is_word_cp(c2)) {
                    i += (uint32_t)(k + k2);
                    we = i;
                    continue;
                }
            }
            break;
        }
        SF_GROW(*toks, *cap, *n + 1);
        sf_token *tk = &(*toks)[(*n)++];
        tk->start = ws;
        tk->end = we;
        tk->term = (we - ws) <= MAX_WORD * 4 ? tok_term(text + ws, we - ws, lang) : 0;
    }
}
