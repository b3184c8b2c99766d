/* tokenize.c — running text into the tokens the tagger was trained on (CoNLL-2003,
 * Penn-Treebank-like): words split at spaces, punctuation split off, the possessive
 * 's and n't split from their word, periods kept on abbreviations ("U.S.", "Mr.",
 * "St.": the sentence splitter's list) and initials. Typographic quotes and apostrophes count as
 * their ASCII kin. */
#include "ner/ner.h"

#include "core/mem.h"
#include "text/sentence.h"

#include <string.h>

/* Bytes of the code point at s[0] (a valid UTF-8 lead byte: text is validated). */
static size_t cp_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Punctuation that is a token of its own at either edge of a word. */
static size_t edge_punct(const char *s, size_t n)
{
    static const char ascii[] = ",;:!?()[]{}\"`'";
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return strchr(ascii, c) && c ? 1 : 0;
    /* “ ” ‘ ’ « » … — – */
    static const char *const multi[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
                                        "\xE2\x80\x99", "\xC2\xAB",     "\xC2\xBB",
                                        "\xE2\x80\xA6", "\xE2\x80\x94", "\xE2\x80\x93"};
    for (size_t k = 0; k < sizeof multi / sizeof *multi; k++) {
        size_t l = strlen(multi[k]);
        if (n >= l && !memcmp(s, multi[k], l)) return l;
    }
    return 0;
}

static int is_apostrophe(const char *s, size_t n, size_t *len)
{
    if (n >= 1 && s[0] == '\'') return *len = 1, 1;
    if (n >= 3 && !memcmp(s, "\xE2\x80\x99", 3)) return *len = 3, 1;
    return 0;
}

/* Words that keep their period: the sentence splitter's abbreviations (titles, months,
 * states, corporate forms, dotted acronyms such as "U.S." and "a.m.") and initials. */
static int is_abbrev(const char *s, size_t n)
{
    return (n == 1 && s[0] >= 'A' && s[0] <= 'Z') || sent_abbrev(s, n);
}

static void push(ner_tok **toks, size_t *n, size_t *cap, const char *s, size_t len)
{
    if (!len) return;
    SF_GROW(*toks, *cap, *n + 1);
    (*toks)[(*n)++] = (ner_tok){s, (uint32_t)len};
}

/* One whitespace-free chunk [s, s+n): leading punctuation, the word, trailing parts. */
static void chunk(const char *s, size_t n, ner_tok **toks, size_t *nt, size_t *cap)
{
    size_t l;
    while (n && (l = edge_punct(s, n)) && l <= n) {
        /* an apostrophe opening a word ('90s) stays with it */
        size_t al;
        if (is_apostrophe(s, n, &al) && n > al && s[al] >= '0' && s[al] <= '9') break;
        push(toks, nt, cap, s, l);
        s += l, n -= l;
    }
    /* trailing punctuation, collected right to left */
    ner_tok tail[16];
    size_t ntail = 0;
    while (n && ntail < 16) {
        size_t back = 1;
        while (back < n && back < 4 && ((unsigned char)s[n - back] & 0xC0) == 0x80) back++;
        const char *p = s + n - back;
        if ((l = edge_punct(p, back)) == back) {
            tail[ntail++] = (ner_tok){p, (uint32_t)back};
            n -= back;
            continue;
        }
        if (s[n - 1] == '.' && n > 1) {
            if (is_abbrev(s, n - 1)) break;
            tail[ntail++] = (ner_tok){s + n - 1, 1};
            n -= 1;
            continue;
        }
        break;
    }
    /* possessive 's and n't */
    size_t al;
    int ess = n > 2 && (s[n - 1] == 's' || s[n - 1] == 'S');
    if (ess && s[n - 2] == '\'') {
        push(toks, nt, cap, s, n - 2);
        push(toks, nt, cap, s + n - 2, 2);
        n = 0;
    } else if (ess && n > 4 && !memcmp(s + n - 4, "\xE2\x80\x99", 3)) {
        push(toks, nt, cap, s, n - 4);
        push(toks, nt, cap, s + n - 4, 4);
        n = 0;
    } else if (n >= 4 && s[n - 1] == 't' && s[n - 3] == 'n' && is_apostrophe(s + n - 2, 1, &al)) {
        push(toks, nt, cap, s, n - 3);
        push(toks, nt, cap, s + n - 3, 3);
        n = 0;
    }
    push(toks, nt, cap, s, n);
    while (ntail) push(toks, nt, cap, tail[ntail - 1].s, tail[ntail - 1].len), ntail--;
}

void ner_tokenize(const char *text, size_t start, size_t end, ner_tok **toks, size_t *n,
                  size_t *cap)
{
    size_t i = start;
    while (i < end) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < end && (unsigned char)text[i + 1] == 0xA0) { /* no-break space */
            i += 2;
            continue;
        }
        size_t j = i;
        while (j < end) {
            unsigned char d = (unsigned char)text[j];
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f' || d == '\v') break;
            if (d == 0xC2 && j + 1 < end && (unsigned char)text[j + 1] == 0xA0) break;
            j += cp_len(d);
        }
        if (j > end) j = end;
        chunk(text + i, j - i, toks, n, cap);
        i = j;
    }
}
