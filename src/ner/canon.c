/* canon.c — canonical entities (see canon.h): spelling-tolerant name keys (canon_key),
 * linking a document's short and variant mentions to the fullest form (canon_doc), and
 * merging surname-only people across documents (canon_merge).
 *
 * canon_key works token by token. Spaces, hyphens and other punctuation separate tokens;
 * apostrophes (' ’ ‘ ʼ `) and periods are dropped inside one ("U.S." = "US", "O’Neil" =
 * "O'Neil" = "ONeil"). Each token is
 *   1. decomposed (compatibility), casefolded and stripped of marks by utf8proc (é→e,
 *      ß→ss), and ł→l ø→o đ/ð→d æ→ae œ→oe ı→i þ→th, which do not decompose; what is
 *      left that is not a letter or digit is dropped;
 *   2. dropped if it is the article "al"/"el" before a hyphen, written lowercase, or not
 *      first, and more follows ("al-Gaddafi", "Bashar al Assad"; not "Al Gore",
 *      "El Salvador");
 *   3. rewritten on ASCII letters, left to right: initial "tch"→"ch" (Tchaikovsky); q→k
 *      (Qaddafi, Iraq/Irak, Qatar/Katar); ph→f (Philip/Filip); x→ks and y→i except as
 *      the first letter (Alexei/Aleksei, Zelenskyy, Kyiv; not Xi, not Yan/Ian);
 *      "iev"→"iv" (Kiev); then a run of one consonant or of i collapses
 *      (Zelenskii→zelenski, Kyiv→kiiv→kiv, Odessa→odesa, Mohammed→mohamed; not
 *      Shaanxi/Shanxi, Lee/Le); a Roman numeral after the first token (raw "II", "VIII",
 *      I, V and X only) is kept as it is;
 *   4. mapped through a short table of established variants that no safe rule reaches:
 *      kharkov→kharkiv, lvov→lviv, lugansk→luhansk, and Gaddafi, Gadhafi, Kadhafi,
 *      Qadhafi to the form of Qaddafi and Kaddafi.
 * Tokens are joined with one space and hashed (XXH3-64; 0 becomes 1). Deliberately no
 * -ov/-iv, w/v, g/k/q, kh/h or dh/d rule and no general ie→i: each merges distinct real
 * names (Markov/Markiv, Wong/Vong, Kerry/Gerry, Adham/Adam, Daniela/Danila). Known
 * merges of distinct names: Samara/Samarra, Monterey/Monterrey, Paterson/Patterson,
 * Hall/Hal (doubled consonants); Lynn/Lin, Kay/Kai, Sydney/Sidney, Guyana/Guiana (y→i);
 * Shiqi/Shiki (pinyin q). */
#include "ner/canon.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "core/hmap.h"
#include "core/mem.h"

#define MAXTOK 16 /* tokens of a name looked at; beyond, the last one replaces the 16th */

/* ---- canon_key ---------------------------------------------------------------------- */

static int only(const char *s, size_t n, const char *set) /* s[0, n) all in set */
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(set, s[i]) || !s[i]) return 0;
    return 1;
}

static int is_dropped(utf8proc_int32_t c)
{
    return c == '\'' || c == '.' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

static int is_word(utf8proc_int32_t c) /* letters, marks, digits */
{
    if (c < 0) return 0;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

/* Step 1: append the folded letters and digits of one token to b. */
static void fold_token(const char *s, size_t n, sf_buf *b)
{
    static const utf8proc_int32_t from[8] = {0x142, 0xF8, 0x111, 0xF0, 0xE6, 0x153, 0x131, 0xFE};
    static const char *const to[8] = {"l", "o", "d", "d", "ae", "oe", "i", "th"};
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t k =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                     UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    for (utf8proc_ssize_t i = 0, w; i < k; i += w) {
        utf8proc_int32_t c;
        if ((w = utf8proc_iterate(m + i, k - i, &c)) <= 0) break;
        size_t r = 0;
        while (r < 8 && from[r] != c) r++;
        if (r < 8) {
            sf_buf_adds(b, to[r]);
        } else if (is_word(c) && utf8proc_category(c) != UTF8PROC_CATEGORY_LM) {
            utf8proc_uint8_t u[4]; /* marks were stripped: letters and digits */
            sf_buf_add(b, u, (size_t)utf8proc_encode_char(c, u));
        }
    }
    free(m);
}

/* Steps 3 and 4: append the transliteration-normalized token t[0, n) to out. */
static void translit(const char *t, size_t n, sf_buf *out)
{
    static const char *const alias[][2] = {{"kharkov", "kharkiv"}, {"lvov", "lviv"},
                                           {"lugansk", "luhansk"}, {"gadafi", "kadafi"},
                                           {"gadhafi", "kadafi"},  {"kadhafi", "kadafi"}};
    size_t start = out->len, i = n > 3 && memcmp(t, "tch", 3) == 0 ? 1 : 0;
    for (; i < n; i++) {
        char c = t[i], nx = i + 1 < n ? t[i + 1] : 0, rep[3] = {c, 0, 0};
        char last = out->len > start ? out->data[out->len - 1] : 0;
        if (c == 'q') {
            rep[0] = 'k';
        } else if (c == 'p' && nx == 'h') {
            rep[0] = 'f';
            i++;
        } else if (c == 'x' && i > 0) {
            rep[0] = 'k';
            rep[1] = 's';
        } else if (c == 'y' && i > 0) {
            rep[0] = 'i';
        } else if (c == 'e' && last == 'i' && nx == 'v') {
            continue;
        }
        for (const char *r = rep; *r; r++) { /* a run of one consonant or i collapses */
            last = out->len > start ? out->data[out->len - 1] : 0;
            if (!(*r == last && *r >= 'a' && *r <= 'z' && !strchr("aeou", *r)))
                sf_buf_addc(out, *r);
        }
    }
    for (size_t a = 0; a < sizeof alias / sizeof *alias; a++)
        if (out->len - start == strlen(alias[a][0]) &&
            memcmp(out->data + start, alias[a][0], out->len - start) == 0) {
            out->len = start;
            sf_buf_adds(out, alias[a][1]);
            break;
        }
}

uint64_t canon_key(const char *name, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)name;
    sf_buf tok = {0}, key = {0};
    size_t i = 0, seen = 0;
    while (i < len) {
        size_t s = i;
        utf8proc_int32_t c = -1;
        utf8proc_ssize_t w = 1;
        while (i < len) { /* the raw token [s, i), then the separator c */
            if ((w = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c)) <= 0) c = -1, w = 1;
            if (!is_word(c) && !is_dropped(c)) break;
            i += (size_t)w;
        }
        size_t e = i;
        int hyphen = i < len && c >= 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_PD;
        if (i < len) i += (size_t)w;
        tok.len = 0;
        if (e > s) fold_token(name + s, e - s, &tok);
        if (!tok.len) continue;
        int article = tok.len == 2 && (!memcmp(tok.data, "al", 2) || !memcmp(tok.data, "el", 2));
        if (article && i < len && (hyphen || seen || name[s] == 'a' || name[s] == 'e')) {
            seen++;
            continue;
        }
        if (key.len) sf_buf_addc(&key, ' ');
        if (seen && only(name + s, e - s, "IVX.")) /* a Roman numeral: II is not I */
            sf_buf_add(&key, tok.data, tok.len);
        else
            translit(tok.data, tok.len, &key);
        seen++;
    }
    uint64_t h = XXH3_64bits(key.data ? key.data : "", key.len);
    sf_buf_free(&tok);
    sf_buf_free(&key);
    return h ? h : 1;
}

/* ---- names: tokens, titles, possessives ----------------------------------------------- */

typedef struct span {
    uint32_t off, len;
} span;

static uint32_t space_at(const char *s, uint32_t i, uint32_t n) /* its width, 0 if none */
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    return c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0 ? 2 : 0;
}

/* Whitespace-separated tokens of s[0, n) into t (at most MAXTOK kept, the last always
 * last); returns how many were kept, *total how many there are. */
static uint32_t split(const char *s, uint32_t n, span *t, uint32_t *total)
{
    uint32_t k = 0, i = 0;
    *total = 0;
    while (i < n) {
        uint32_t w = space_at(s, i, n);
        if (w) {
            i += w;
            continue;
        }
        uint32_t a = i;
        while (i < n && !space_at(s, i, n)) i++;
        t[k < MAXTOK ? k++ : MAXTOK - 1] = (span){a, i - a};
        ++*total;
    }
    return k;
}

static int tok_in(const char *s, span t, const char *const *list) /* trailing '.' ignored */
{
    uint32_t n = t.len > 1 && s[t.off + t.len - 1] == '.' ? t.len - 1 : t.len;
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(s + t.off, *list, n) == 0) return 1;
    return 0;
}

/* Titles after other words ("Russian President", "Foreign Minister") and titles that are
 * also names ("Stephen King"), stripped only from the start of the name. */
static const char *const strong[] = {
    "president", "minister", "premier", "chancellor", "secretary", "secretary-general",
    "governor",  "senator",  "mayor",   "ambassador", "spokesman", "spokeswoman",
    "mr",        "mrs",      "ms",      "dr",         "gen",       "sen",
    "rep",       "gov",      "col",     "lt",         "sgt",       "capt",
    "prof",      "rev",      "adm",     NULL};
static const char *const weak[] = {"the",  "former",  "late", "king", "queen", "prince", "princess",
                                   "pope", "general", "lord", "sir",  "dame",  "sheikh", NULL};
static const char *const the[] = {"the", NULL}, *const of[] = {"of", NULL};
static const char *const suffix[] = {"jr", "sr", NULL}, *const minor[] = {"and", "for", NULL};

/* How many leading tokens are title (one at least is left): for PER, through the last
 * title among the first four tokens, with "of [the] X" after it; otherwise a "the". */
static uint32_t title_cut(const char *s, const span *t, uint32_t nt, int type)
{
    if (type != SF_ENT_PER) return nt > 1 && tok_in(s, t[0], the);
    uint32_t cut = 0;
    for (uint32_t i = 0, chain = 1; i + 1 < nt && i < 4; i++) {
        if (!tok_in(s, t[i], strong) && !(chain && tok_in(s, t[i], weak))) {
            chain = 0;
            continue;
        }
        cut = i + 1;
        uint32_t j = cut + 1;
        if (j < nt && tok_in(s, t[cut], of) && tok_in(s, t[j], the)) j++;
        if (j + 1 < nt && tok_in(s, t[cut], of)) cut = j + 1;
        i = cut - 1;
    }
    return cut;
}

/* name_off/name_len: trimmed, a trailing possessive ('s ’s ' ’) and titles dropped. */
static void strip_name(canon_mention *m)
{
    const char *s = m->text, *rq = "\xE2\x80\x99"; /* ’ */
    span t[MAXTOK];
    uint32_t total, nt = split(s, m->len, t, &total), cut = title_cut(s, t, nt, m->type);
    uint32_t n = nt ? t[nt - 1].len : 0, b = nt ? t[nt - 1].off + n : 0;
    int ess = n > 1 && (s[b - 1] == 's' || s[b - 1] == 'S');
    if (ess && n > 2 && s[b - 2] == '\'')
        b -= 2;
    else if (ess && n > 4 && !memcmp(s + b - 4, rq, 3))
        b -= 4;
    else if (n > 1 && s[b - 1] == '\'')
        b -= 1;
    else if (n > 3 && !memcmp(s + b - 3, rq, 3))
        b -= 3;
    m->name_off = nt ? t[cut].off : 0;
    m->name_len = b - m->name_off;
}

typedef struct name_info {
    uint64_t full, first, last; /* keys of the name, its first and its last token */
    uint32_t ntok;              /* tokens, not counting a Jr./Sr./II/III/IV suffix */
    int32_t lead;               /* earliest mention of the same type and full key */
    char initial;               /* first letter, uppercase ASCII, or 0 */
    uint8_t first_is_initial;   /* first token is "V" or "V." */
    char acr[12];               /* ORG: acronym ("UN") or letters of capitalized words */
} name_info;

static void name_keys(const char *s, uint32_t n, uint8_t type, name_info *ni)
{
    span t[MAXTOK];
    uint32_t total, k = split(s, n, t, &total);
    memset(ni, 0, sizeof *ni);
    ni->full = canon_key(s, n);
    while (k > 1 && (tok_in(s, t[k - 1], suffix) || (t[k - 1].len >= 2 && t[k - 1].len <= 3 &&
                                                     only(s + t[k - 1].off, t[k - 1].len, "IV"))))
        k--, total--;
    ni->ntok = total;
    if (!k) return;
    ni->first = canon_key(s + t[0].off, t[0].len);
    ni->last = canon_key(s + t[k - 1].off, t[k - 1].len);
    char c0 = s[t[0].off];
    ni->initial = c0 >= 'a' && c0 <= 'z' ? (char)(c0 - 32) : c0 >= 'A' && c0 <= 'Z' ? c0 : 0;
    ni->first_is_initial =
        ni->initial && (t[0].len == 1 || (t[0].len == 2 && s[t[0].off + 1] == '.'));
    if (type != SF_ENT_ORG) return;
    size_t a = 0;
    if (total == 1 && only(s + t[0].off, t[0].len, "ABCDEFGHIJKLMNOPQRSTUVWXYZ.")) {
        for (uint32_t i = 0; i < t[0].len && a < sizeof ni->acr - 1; i++) /* "UN", "U.N." */
            if (s[t[0].off + i] != '.') ni->acr[a++] = s[t[0].off + i];
    } else if (total > 1) { /* an expansion: capitalized words but of/the/and/for */
        for (uint32_t i = 0; i < k && a < sizeof ni->acr - 1; i++) {
            char c = s[t[i].off];
            if (c >= 'A' && c <= 'Z' && !tok_in(s, t[i], of) && !tok_in(s, t[i], the) &&
                !tok_in(s, t[i], minor))
                ni->acr[a++] = c;
        }
    }
    if (a < 2) ni->acr[0] = 0;
}

/* ---- canon_doc ------------------------------------------------------------------------ */

void canon_doc(canon_mention *m, size_t n)
{
    name_info *ni = sf_xcalloc(n ? n : 1, sizeof *ni);
    hmap groups = {0};
    for (size_t i = 0; i < n; i++) {
        strip_name(&m[i]);
        name_keys(m[i].text + m[i].name_off, m[i].name_len, m[i].type, &ni[i]);
        uint64_t g = ni[i].full ^ (0x9E3779B97F4A7C15ULL * m[i].type);
        ni[i].lead = m[i].canon = (int32_t)*hmap_put(&groups, g ? g : 1, (int64_t)i);
    }
    hmap_free(&groups);
    /* Surnames: a short PER to the longest, then earliest, longer PER ending the same
     * way; a two-token one only if its first token matches too (or is its initial). */
    for (size_t i = 0; i < n; i++) {
        const name_info *a = &ni[i];
        if (a->lead != (int32_t)i || m[i].type != SF_ENT_PER || a->ntok < 1 || a->ntok > 2)
            continue;
        int32_t best = -1;
        for (size_t j = 0; j < n; j++) {
            const name_info *b = &ni[j];
            if (b->lead != (int32_t)j || m[j].type != SF_ENT_PER || b->ntok <= a->ntok ||
                b->last != a->last)
                continue;
            if (a->ntok == 2 && b->first != a->first &&
                !(a->first_is_initial && a->initial == b->initial))
                continue;
            if (best < 0 || b->ntok > ni[best].ntok) best = (int32_t)j;
        }
        if (best >= 0) m[i].canon = best;
    }
    /* First names: a one-token PER left alone to the one entity whose longer PER begins
     * with it; ORG acronyms to the earliest ORG they abbreviate. */
    for (size_t i = 0; i < n; i++) {
        const name_info *a = &ni[i];
        if (a->lead != (int32_t)i || m[i].canon != (int32_t)i || a->ntok != 1) continue;
        int32_t to = -1, many = 0;
        for (size_t j = 0; j < n && !many; j++) {
            const name_info *b = &ni[j];
            if (b->lead != (int32_t)j || m[j].type != m[i].type || b->ntok < 2) continue;
            if (m[i].type == SF_ENT_PER && b->first == a->full) {
                many = to >= 0 && to != m[j].canon;
                to = m[j].canon;
            } else if (m[i].type == SF_ENT_ORG && a->acr[0] && !strcmp(a->acr, b->acr)) {
                to = m[j].canon;
                break;
            }
        }
        if (to >= 0 && !many) m[i].canon = to;
    }
    for (size_t i = 0; i < n; i++) { /* a lead comes first, so it is final already */
        m[i].canon = m[ni[i].lead].canon;
        m[i].key = ni[m[i].canon].full;
    }
    free(ni);
}

/* ---- canon_merge ---------------------------------------------------------------------- */

void canon_merge(canon_entity *e, size_t n)
{
    hmap last = {0}; /* PER last-token key → index of a multi-token PER, -1 if two keys */
    name_info ni;
    for (size_t i = 0; i < n; i++) {
        e[i].merged = e[i].key;
        if (e[i].type != SF_ENT_PER) continue;
        name_keys(e[i].name, e[i].len, e[i].type, &ni);
        if (ni.ntok < 2) continue;
        int64_t *v = hmap_put(&last, ni.last, (int64_t)i);
        if (*v >= 0 && e[*v].key != e[i].key) *v = -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (e[i].type != SF_ENT_PER) continue;
        name_keys(e[i].name, e[i].len, e[i].type, &ni);
        int64_t *v = ni.ntok == 1 ? hmap_get(&last, e[i].key) : NULL;
        if (v && *v >= 0) e[i].merged = e[*v].key;
    }
    hmap_free(&last);
}
