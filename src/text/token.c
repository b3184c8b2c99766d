/* token.c — the tokenizer: words as runs of letters, marks and digits (with apostrophes
 * inside them), each with a byte span and a term hash. A term is the Snowball English
 * stem of the casefolded NFC word, hashed with XXH3-64, so that vectors are arrays of
 * integers rather than strings. */
#include "text/token.h"

#include "core/mem.h"
#include "text/stopwords.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#define MAX_WORD 64 /* longer "words" (URLs, hashes) are not terms */

static _Thread_local struct sb_stemmer *stemmer;

void tok_thread_end(void)
{
    if (stemmer) sb_stemmer_delete(stemmer);
    stemmer = NULL;
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

uint64_t tok_term(const char *word, size_t len)
{
    char low[MAX_WORD * 4 + 1];
    size_t n = tok_fold(word, len, low, sizeof low);
    size_t chars = 0; /* one-letter words carry no topic, in any script */
    for (size_t i = 0; i < n && chars < 2; i++) chars += ((unsigned char)low[i] & 0xC0) != 0x80;
    if (chars < 2) return 0;
    int digits = 0;
    for (size_t i = 0; i < n; i++) digits += (low[i] >= '0' && low[i] <= '9');
    if (digits == (int)n) return 0;
    if (stop_is(low, n)) return 0;
    /* possessive 's is not part of the term */
    if (n > 2 && low[n - 2] == '\'' && low[n - 1] == 's') n -= 2;
    if (!stemmer && !(stemmer = sb_stemmer_new("english", NULL))) abort();
    const sb_symbol *s = sb_stemmer_stem(stemmer, (const sb_symbol *)low, (int)n);
    int sl = sb_stemmer_length(stemmer);
    if (!s || sl <= 0) return XXH3_64bits(low, n) | 1;
    /* |1 keeps 0 free to mean "no term" */
    return XXH3_64bits(s, (size_t)sl) | 1;
}

void tok_scan(const char *text, uint32_t start, uint32_t end, sf_token **toks, size_t *n,
              size_t *cap)
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
        tk->term = (we - ws) <= MAX_WORD * 4 ? tok_term(text + ws, we - ws) : 0;
    }
}
