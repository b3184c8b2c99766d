/* speaker.c — who said a quotation: the cue, the speaker mention and the person it
 * resolves to (spk_find, spk_resolve_strings, and quote_resolve once entities exist).
 * Word lists over a small lexer of the text around the quotation; no tagger, no parser.
 * Rules, with their limits in [brackets]:
 * - Lexing: words are letters/digits with inner - ' ’ . & /, plus a final period when the
 *   word is a known abbreviation ("Sen.", "Gov."), an initial, or before ")" or ","
 *   ("(D-Wis.)", "R-Ky.,"), and a plural possessive ("Sanders' campaign"); every other
 *   character is one punctuation token, so a lone "." ends a sentence.
 * - After the quote (anchored at its closing mark, past a comma, dash or stray mark): a cue
 *   then a noun phrase ("said the official", "according to Smith"), or a noun phrase then
 *   a cue ("he said", "Sen. Ted Cruz, R-Texas, said", "Rep. Dana Holt (D-Ostrand) said",
 *   "another friend, Mira Lund told": up to three appositives, a parenthesis or a
 *   relative clause are skipped and left out of the speaker), with auxiliaries and adverbs
 *   between ("has long said"); or a dash and a name ending the text ("..." ― Name). A
 *   quotation that ends its sentence with a period is not attributed to a "X said ..."
 *   that goes on with reported speech ("... now." Roskell said the dam had been ...).
 * - Before the quote: the last cue at most 24 tokens back, the words between it and the
 *   quote being only a speaker ("said Trump:", "Said Ada Quell, who ..., "), adverbials
 *   ("to reporters", "in a statement on Monday", "in Kenansville, N.C.,") or time words,
 *   ended by ":", ",", "that" or nothing; the speaker is the noun phrase before the cue
 *   (skipping an appositive, a parenthesis, ", who"; for "smiled and said" the clause's
 *   subject) or, for "said X:" and "according to X,", after it. A speaker before the quote
 *   wins over an "according to Y" after it ('X said, "...," according to Y': Y only
 *   reports X's words). A participle ("saying",
 *   "adding", "asking") takes the name right before it or the clause's subject. A colon
 *   after a name with no cue makes that name the speaker ("A lesson from Ada Quell:").
 * - Noun phrase: at most 8-12 words; backwards it stops at punctuation, conjunctions,
 *   prepositions and clause words, takes a determiner as its first word (crossing "of"
 *   once to reach one: "the mother of three"), and drops lowercase words before a
 *   trailing name ("reporters Trump" -> "Trump"); forwards it stops at punctuation,
 *   prepositions, time words and postmodifiers (close, familiar, involved, known), keeps
 *   "of"/"for" after a lowercase head ("a spokesman for the campaign"), lowercase
 *   modifiers only before a name ("9/11 widow Ada Quell", "former secretary of state Ada
 *   Quell") and "and" between names. [A lowercase noun phrase with no determiner is taken
 *   only before a cue ("officials said").]
 * - Subject of a clause: past an opening conjunction, and an opening adverbial,
 *   participle or adverb up to its comma ("During the speech, Trump ..."), a pronoun or a
 *   name with its modifiers and possessed noun ("Ryan's campaign").
 * - Resolution (quote_resolve, with entities): a speaker overlapping a PER or ORG entity
 *   at its head takes that entity's canonical name and key, and its span grows to the
 *   whole mention ("Trump" inside "Donald Trump"). "he"/"she" take, in this order: the
 *   first person named (outside quotations) in the nearest sentence since the previous
 *   quotation; that quotation's person when it is at most two sentences back; the first
 *   person of the nearest earlier sentence naming one — each gender permitting: a "he"
 *   or "she" already resolved to that person in the document, a title (Mr., Mrs., Ms.) in
 *   or before the mention, or a list of common first names decides; unknown fits both.
 *   "the <person noun>" ("the president", "the senior aide"; not "the union") takes the
 *   nearest earlier person whose mention carries that title ("President X"), else the
 *   first person of the nearest sentence naming one. Indefinite speakers ("a
 *   spokesman", "officials") resolve to no one. Searches look at most 5,000 bytes back. */
#include "extract/speaker.h"

#include "extract/cp.h"
#include "extract/quote.h"
#include "text/sentence.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

typedef const unsigned char *bytes;

/* ---- the lexer ---------------------------------------------------------------------- */

enum { T_WORD = 1, T_PUNCT, T_QUOTE };
typedef struct ctok {
    uint32_t s, e;
    uint8_t kind;
    int32_t c; /* the code point of a punctuation or quote token */
} ctok;
#define MAXTOK 96

/* Tokens of text[a, b), at most max of them; from the end when back is set (the last max
 * tokens, in text order). Returns the count. */
static size_t lex(bytes p, uint32_t a, uint32_t b, ctok *out, size_t max)
{
    size_t n = 0;
    uint32_t i = a;
    while (i < b && n < max) {
        size_t l;
        int32_t c = cp_at(p, i, b, &l);
        if (cp_is_space(c)) {
            i += (uint32_t)l;
            continue;
        }
        if (!cp_is_alnum(c)) {
            out[n++] = (ctok){i, i + (uint32_t)l, cp_is_quote(c) ? T_QUOTE : T_PUNCT, c};
            i += (uint32_t)l;
            continue;
        }
        uint32_t s = i;
        i += (uint32_t)l;
        while (i < b) {
            c = cp_at(p, i, b, &l);
            if (cp_is_alnum(c)) {
                i += (uint32_t)l;
                continue;
            }
            if (c == '-' || c == '\'' || c == 0x2019 || c == '.' || c == '&' || c == '/') {
                size_t l2;
                if (i + l < b && cp_is_alnum(cp_at(p, i + l, b, &l2))) {
                    i += (uint32_t)l;
                    continue;
                }
            }
            break;
        }
        if (i < b && i - s > 1 && p[i - 1] == 's' &&
            (p[i] == 0x27 || (i + 2 < b && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x99))) {
            /* a plural possessive: Sanders' campaign */
            uint32_t after = i + (p[i] == 0x27 ? 1 : 3);
            if (after + 1 < b && p[after] == ' ' && p[after + 1] >= 'a' && p[after + 1] <= 'z')
                i = after;
        }
        if (i < b && p[i] == '.') {
            int initial = i - s == 1 && p[s] >= 'A' && p[s] <= 'Z';
            int inner = i + 1 < b && (p[i + 1] == ')' || p[i + 1] == ','); /* (D-Wis.) R-Ky., */
            if (initial || inner || (i - s <= 12 && sent_abbrev((const char *)p + s, i - s)))
                i++;
        }
        out[n++] = (ctok){s, i, T_WORD, 0};
    }
    return n;
}

/* Lex text[a, b) keeping only the last max tokens (for the text before a quote). */
static size_t lex_back(bytes p, uint32_t a, uint32_t b, ctok *out, size_t max)
{
    if (b - a > 400) {
        a = b - 400;
        while (a < b && (p[a] & 0xC0) == 0x80) a++; /* a code point boundary */
    }
    ctok tmp[MAXTOK * 2];
    size_t n = lex(p, a, b, tmp, MAXTOK * 2);
    size_t skip = n > max ? n - max : 0;
    memcpy(out, tmp + skip, (n - skip) * sizeof *out);
    return n - skip;
}

/* ---- word lists ---------------------------------------------------------------------- */

static int in_list(const char *const *list, bytes w, size_t n)
{
    if (!n) return 0;
    unsigned char c0 = (unsigned char)(w[0] | 0x20);
    for (size_t i = 0; list[i]; i++)
        if (((unsigned char)list[i][0] | 0x20) == c0 && strlen(list[i]) == n &&
            strncasecmp(list[i], (const char *)w, n) == 0)
            return 1;
    return 0;
}

static int word_is(bytes p, const ctok *t, const char *const *list)
{
    return t->kind == T_WORD && in_list(list, p + t->s, t->e - t->s);
}

static int tok_eq(bytes p, const ctok *t, const char *w)
{
    size_t n = strlen(w);
    return t->kind == T_WORD && t->e - t->s == n && strncasecmp(w, (const char *)p + t->s, n) == 0;
}

/* verbs of saying, in the forms news uses */
static const char *const cues[] = {
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked",
    "asks", "urged", "urges", "vowed", "vows", "insisted", "insists", "explained", "explains",
    "warned", "warns", "tweeted", "tweets", "stated", "states", "noted", "notes", "argued",
    "argues", "claimed", "claims", "declared", "declares", "continued", "continues", "replied",
    "replies", "responded", "responds", "remarked", "recalled", "recalls", "suggested",
    "suggests", "acknowledged", "acknowledges", "admitted", "admits", "announced",
    "announces", "conceded", "concedes", "complained", "complains", "countered", "counters",
    "emphasized", "emphasised", "emphasizes", "stressed", "stresses", "observed", "joked",
    "jokes", "quipped", "quips", "shouted", "yelled", "cried", "exclaimed", "posted",
    "concluded", "predicted", "predicts", "promised", "promises", "charged", "contended",
    "contends", "maintained", "maintains", "reiterated", "repeated", "asserted", "asserts",
    "agreed", "agrees", "confirmed", "confirms", "denied", "cautioned", "cautions",
    "lamented", "laments", "mused", "boasted", "boasts", "bragged", "opined", "thundered",
    "retorted", "chanted", "read", "reads", "wondered", "testified", "pleaded", "begged",
    "demanded", "demands", "proclaimed", "recounted", "scoffed", "sneered", "snapped",
    "sighed", "whispered", "screamed", "interjected", "answered", "answers", "reported",
    "reports", "wrote", "tweeted", "echoed", "summed", "put", "stated", "assured",
    "reminded", "pointed", "went", "chimed", "shot", "fired", "commented", "comments", "conclude", "add", "explain", "contend", "maintain", "write", "mocked", "mocks", "concludes", "recalled", "added", "remarks", "observes",
    "quipped", "wrote", "posts",
    "explain", "insist", "warn", "argue", "note", "ask", "tweet", NULL};
/* participles that attribute the quote to the clause's subject: Trump said, adding, "..." */
static const char *const ing_cues[] = {
    "saying", "adding", "asking", "telling", "writing", "noting", "warning", "insisting",
    "explaining", "arguing", "declaring", "asserting", "tweeting", "claiming", "stating",
    "answering", "responding", "replying", "joking", "quipping", "urging", "vowing",
    "concluding", "continuing", "remarking", "shouting", "yelling", "proclaiming",
    "suggesting", "promising", "recalling", "conceding", "complaining", "declaring",
    "emphasizing", "stressing", "observing", "posting", "predicting", NULL};

/* cues that need a particle after them to be cues ("pointed out", "went on", "summed up") */
static int cue_needs_particle(bytes p, const ctok *t)
{
    static const char *const w[] = {"pointed", "went", "chimed", "summed", "put", "shot",
                                    "fired", NULL};
    return word_is(p, t, w);
}

/* words that may stand between a speaker and the cue: "has long said", "later told" */
static const char *const aux[] = {
    "has", "have", "had", "also", "later", "then", "once", "previously", "recently", "would",
    "will", "did", "does", "do", "again", "further", "reportedly", "repeatedly", "often",
    "long", "simply", "just", "quickly", "finally", "earlier", "last", "subsequently",
    "similarly", "privately", "publicly", "flatly", "bluntly", "already", "even", "still",
    "never", "always", "first", "told", NULL};
/* words that end a noun phrase read backwards, or start a clause */
static const char *const np_stop[] = {
    "and", "but", "or", "nor", "so", "yet", "because", "when", "while", "as", "after",
    "before", "since", "if", "though", "although", "that", "which", "who", "whom", "where",
    "in", "on", "at", "to", "from", "by", "with", "about", "into", "over", "under", "than",
    "is", "was", "are", "were", "be", "been", "being", "it's", "there", "here", "not", "no",
    "what", "how", "why", "said", "says", "told", "then", "later", "also", "however", "still",
    "meanwhile", "instead", "now", "today", "yesterday", "tonight", "again", "earlier",
    "finally", "indeed", "moreover", "furthermore", "thus", "hence", "speaking", "asked",
    "well", "even", "only", "just", "during", "until", "after",
    "against", "among", "between", "through", "across", "without", "within", "like", "per",
    "via", "toward", "towards", "upon", "whether", "let", "has", "have", "had", "will", "would",
    "could", "should", "can", "may", "might", "must", "did", "does", "do", "of", "for",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", NULL};
/* determiners and possessives that open a noun phrase */
static const char *const dets[] = {"the", "a", "an", "his", "her", "their", "its", "our",
                                   "my", "your", "another", "one", "two", "three", "several",
                                   "many", "some", "both", "other", "every", "each", "this",
                                   "these", "those", NULL};
static const char *const pronouns[] = {"he", "she", "they", "i", "we", "it", "you", NULL};
/* words after a cue that end the speaker read forwards: "said Trump on Monday" */
static const char *const fwd_stop[] = {
    "in", "on", "at", "during", "after", "before", "when", "while", "as", "to", "that", "who",
    "which", "whose", "from", "with", "about", "last", "this", "yesterday", "today", "tonight",
    "and", "but", "adding", "noting", "saying", "according", "because", "since", "though",
    "although", "if", "by", "into", "through", "than", "is", "was", "were", "are", "has",
    "had", "have", "will", "would", "said", "says", "told", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "earlier", "later", "recently", "previously",
    "then", "also", "again", "here", "there", "now", "not", "under", "over", "via", "close",
    "familiar", "involved", "known", "speaking", "briefed", NULL};

static int is_cue(bytes p, const ctok *t, size_t i, size_t n)
{
    if (t[i].kind != T_WORD || !word_is(p, &t[i], cues)) return 0;
    if (!cue_needs_particle(p, &t[i])) return 1;
    static const char *const parts[] = {"out", "on", "in", "up", "back", "aloud", "it", NULL};
    return i + 1 < n && word_is(p, &t[i + 1], parts);
}

/* the cue's span: the verb and its particle ("pointed out"), or "according to" */
static uint32_t cue_end(bytes p, const ctok *t, size_t i, size_t n)
{
    if (cue_needs_particle(p, &t[i]) && i + 1 < n) return t[i + 1].e;
    return t[i].e;
}

static int is_cap(bytes p, const ctok *t)
{
    return t->kind == T_WORD && ((p[t->s] >= 'A' && p[t->s] <= 'Z') || p[t->s] >= 0xC0);
}

static int is_lower_word(bytes p, const ctok *t)
{
    return t->kind == T_WORD && p[t->s] >= 'a' && p[t->s] <= 'z';
}

/* words ending in -ly: adverbs between speaker and cue ("flatly said") */
static int is_ly(bytes p, const ctok *t)
{
    return is_lower_word(p, t) && t->e - t->s > 3 && p[t->e - 2] == 'l' && p[t->e - 1] == 'y';
}

/* ---- noun phrases -------------------------------------------------------------------- */

/* The noun phrase ending at token k-1 (read backwards): [*a, *b) token indices, or a == b. */
static void np_back(bytes p, const ctok *t, size_t k, size_t *a, size_t *b)
{
    *a = *b = k;
    size_t i = k;
    while (i > 0 && k - i < 8) {
        const ctok *w = &t[i - 1];
        if (w->kind != T_WORD) break;
        if (word_is(p, w, dets) && !tok_eq(p, w, "one")) {
            i--;
            if (i + 1 < k) break;
            continue; /* nothing after it: a noun ("the mother of three") */
        }
        if (word_is(p, w, pronouns)) {
            if (i == k) i--; /* a pronoun is a phrase on its own */
            break;
        }
        if ((tok_eq(p, w, "of") || tok_eq(p, w, "for")) && i < k && i >= 2 &&
            is_lower_word(p, &t[i - 2])) {
            /* cross it when a determiner opens the phrase within 3 words before */
            size_t m = i - 1, d0 = SIZE_MAX;
            while (m > 0 && i - 1 - m < 3 && t[m - 1].kind == T_WORD) {
                if (word_is(p, &t[m - 1], dets)) {
                    d0 = m - 1;
                    break;
                }
                if (word_is(p, &t[m - 1], np_stop)) break;
                m--;
            }
            if (d0 != SIZE_MAX) {
                i = d0;
                break;
            }
        }
        if (word_is(p, w, np_stop) || word_is(p, w, cues)) break;
        i--;
    }
    if (i == k) return;
    /* a postmodifier before it: "a source close to | the campaign", "one aide familiar
     * with | Cruz's thinking" — the phrase opens at the determiner before */
    static const char *const postmod[] = {"close", "familiar", "involved", "knowledgeable",
                                          "briefed", "loyal", "opposed", "allied", NULL};
    static const char *const postprep[] = {"to", "with", "in", "on", "of", "for", NULL};
    if (i >= 3 && word_is(p, &t[i - 1], postprep) && word_is(p, &t[i - 2], postmod)) {
        for (size_t m = i - 2; m > 0 && i - 2 - m < 4; m--) {
            const ctok *w = &t[m - 1];
            if (w->kind != T_WORD || word_is(p, w, np_stop)) break;
            if (word_is(p, w, dets)) {
                i = m - 1;
                break;
            }
        }
    }
    /* lowercase words before a trailing name, with no determiner: "reporters Trump" */
    if (!word_is(p, &t[i], dets) && !word_is(p, &t[i], pronouns)) {
        size_t last_lower = SIZE_MAX;
        for (size_t j = i; j < k; j++)
            if (is_lower_word(p, &t[j])) last_lower = j;
        if (last_lower != SIZE_MAX && last_lower + 1 < k) i = last_lower + 1;
        else if (last_lower != SIZE_MAX && is_cap(p, &t[i])) {
            /* "Clinton campaign manager" keeps all; a sentence-initial non-name does not */
        }
    }
    *a = i;
}

/* The noun phrase starting at token i (read forwards): [*a, *b), or a == b. */
static void np_fwd(bytes p, const ctok *t, size_t i, size_t n, size_t *a, size_t *b)
{
    *a = *b = i;
    size_t j = i;
    if (j < n && word_is(p, &t[j], pronouns)) {
        *b = j + 1;
        return;
    }
    int det = 0, caps = 0;
    if (j < n && word_is(p, &t[j], dets)) {
        det = 1;
        j++;
    }
    while (j < n && j - i < 9) {
        const ctok *w = &t[j];
        if (w->kind != T_WORD) {
            /* a hyphen or slash inside a name ("R-Texas" is one word already) */
            break;
        }
        if ((tok_eq(p, w, "of") || tok_eq(p, w, "for")) && j > i + det && !caps &&
            j + 1 < n && t[j + 1].kind == T_WORD) {
            j++;
            continue;
        }
        if (tok_eq(p, w, "and") && caps && j + 1 < n && is_cap(p, &t[j + 1])) {
            j++; /* "former Gov. and Committee Chairman Ed Rendell" */
            continue;
        }
        if (word_is(p, w, fwd_stop) || word_is(p, w, cues)) break;
        if (is_cap(p, w)) caps = 1;
        else if (!det && !caps) {
            /* lowercase words only as modifiers of a name: "9/11 widow Terry Strada" */
            size_t k = j;
            while (k < n && k - j < 5 && t[k].kind == T_WORD && !is_cap(p, &t[k]) &&
                   (!word_is(p, &t[k], fwd_stop) || (tok_eq(p, &t[k], "of") && k > j)) &&
                   !word_is(p, &t[k], cues))
                k++;
            if (k >= n || !is_cap(p, &t[k]) || k - j >= 5) break;
        }
        j++;
    }
    if (j == i + det) return;
    *b = j;
}

/* whether a word ends in a possessive 's or ’s */
static int possessive(bytes p, const ctok *t)
{
    uint32_t n = t->e - t->s;
    if (n > 2 && p[t->e - 1] == 's' && p[t->e - 2] == '\'') return 1;
    return n > 4 && p[t->e - 1] == 's' && p[t->e - 2] == 0x99 && p[t->e - 3] == 0x80 &&
           p[t->e - 4] == 0xE2;
}

/* The noun phrase at t[i] as a clause subject: a pronoun, or words up to the first
 * lowercase verb-like word, punctuation or stop word; [*a, *b), a == b when none. */
static void np_fwd_subject(bytes p, const ctok *t, size_t i, size_t n, size_t *a, size_t *b)
{
    *a = *b = i;
    if (i >= n || t[i].kind != T_WORD) return;
    if (word_is(p, &t[i], pronouns)) {
        *b = i + 1;
        return;
    }
    size_t j = i;
    int det = word_is(p, &t[j], dets);
    if (det) j++;
    while (j < n && j - i < 8 && t[j].kind == T_WORD && !word_is(p, &t[j], np_stop) &&
           !word_is(p, &t[j], cues)) {
        if (!is_cap(p, &t[j]) && !det && j > i && possessive(p, &t[j - 1])) {
            j++; /* "Ryan's campaign" */
            continue;
        }
        if (!is_cap(p, &t[j]) && !det) {
            /* lowercase words only before a name: "Republican presidential nominee Donald" */
            size_t k = j;
            while (k < n && k - j < 3 && t[k].kind == T_WORD && !is_cap(p, &t[k]) &&
                   !word_is(p, &t[k], np_stop) && !word_is(p, &t[k], cues))
                k++;
            if (k >= n || k - j >= 3 || !is_cap(p, &t[k])) break;
        }
        j++;
    }
    if (j == i + det) return;
    *b = j;
}

/* Skip back over an appositive ", ... ," ending just before token k (t[k-1] is ','): the
 * index of its opening comma, or k when there is none within 15 tokens. */
static size_t skip_appositive_back(bytes p, const ctok *t, size_t k)
{
    (void)p;
    if (k < 2 || t[k - 1].kind != T_PUNCT || t[k - 1].c != ',') return k;
    for (size_t j = k - 1; j > 0 && k - j < 32; j--) {
        const ctok *w = &t[j - 1];
        if (w->kind == T_QUOTE) return k;
        if (w->kind == T_PUNCT && w->c == ',') return j > 1 && t[j - 2].kind == T_WORD ? j - 1 : k;
        if (w->kind == T_PUNCT && w->c != '(' && w->c != ')' && w->c != '-' && w->c != 0x2013 &&
            w->c != '.')
            return k;
    }
    return k;
}

/* ---- cues ----------------------------------------------------------------------------- */

static void set_cue(spk_cue *o, uint32_t cs, uint32_t ce, const ctok *t, size_t a, size_t b,
                    uint8_t side)
{
    o->cue_start = cs;
    o->cue_end = ce;
    o->side = side;
    if (a < b) {
        o->sp_start = t[a].s;
        o->sp_end = t[b - 1].e;
    } else {
        o->sp_start = o->sp_end = cs;
    }
}

/* skip auxiliaries and -ly adverbs backwards from token k; returns the new k */
static size_t skip_aux_back(bytes p, const ctok *t, size_t k)
{
    while (k > 0 && (word_is(p, &t[k - 1], aux) || is_ly(p, &t[k - 1])) &&
           !tok_eq(p, &t[k - 1], "told"))
        k--;
    return k;
}

/* The cue after the quote: t[0..n) begins right after its closing mark. 1 when found. */
static int cue_after(bytes p, const ctok *t, size_t n, spk_cue *o)
{
    size_t i = 0;
    while (i < n && i < 3 &&
           (t[i].kind == T_QUOTE ||
            (t[i].kind == T_PUNCT && (t[i].c == ',' || t[i].c == '-' || t[i].c == 0x2014 ||
                                      t[i].c == 0x2013 || t[i].c == 0x2015))))
        i++; /* a stray mark right after the closing one is skipped too */
    if (i >= n || t[i].kind != T_WORD) return 0;
    size_t a, b;
    if (i > 0 && t[i - 1].kind == T_PUNCT && t[i - 1].c != ',' && is_cap(p, &t[i])) {
        /* "..." — Name: a dash and a name ending the paragraph */
        np_fwd(p, t, i, n, &a, &b);
        if (a < b && b == n) {
            set_cue(o, t[i - 1].s, t[i - 1].e, t, a, b, 1);
            return 1;
        }
    }
    if (tok_eq(p, &t[i], "according") && i + 1 < n && tok_eq(p, &t[i + 1], "to")) {
        np_fwd(p, t, i + 2, n, &a, &b);
        if (a == b) return 0;
        set_cue(o, t[i].s, t[i + 1].e, t, a, b, 1);
        return 1;
    }
    if (i + 1 < n && (tok_eq(p, &t[i], "has") || tok_eq(p, &t[i], "had")) &&
        is_cue(p, t, i + 1, n))
        i++; /* "...," has declared the governor */
    if (is_cue(p, t, i, n)) { /* said Trump */
        size_t j = cue_end(p, t, i, n) == t[i].e ? i + 1 : i + 2;
        np_fwd(p, t, j, n, &a, &b);
        if (a == b) return 0;
        set_cue(o, t[i].s, cue_end(p, t, i, n), t, a, b, 1);
        return 1;
    }
    /* Trump said / Sen. Ted Cruz, R-Texas, said */
    size_t j = i;
    if (j + 1 < n && is_cap(p, &t[j]) && is_cue(p, t, j, n) && is_cue(p, t, j + 1, n))
        j++; /* a name that is also a verb: "Read said" */
    while (j < n && t[j].kind == T_WORD && j - i < 12 && !is_cue(p, t, j, n)) j++;
    size_t np_end = j;
    if (j < n && j > i && t[j].kind == T_PUNCT && t[j].c == '(') { /* (D-Wis.) */
        size_t k = j + 1;
        while (k < n && k - j < 8 && !(t[k].kind == T_PUNCT && t[k].c == ')')) k++;
        if (k < n && t[k].kind == T_PUNCT && t[k].c == ')') j = k + 1;
    }
    for (int ap = 0; ap < 3 && j < n && t[j].kind == T_PUNCT && t[j].c == ',' && j > i; ap++) {
        /* appositives: ", the attorney general of Oklahoma, one of the states suing," */
        size_t k = j + 1;
        while (k < n && k - j < 24 && !(t[k].kind == T_PUNCT && t[k].c == ',') &&
               t[k].kind != T_QUOTE && !(t[k].kind == T_PUNCT && t[k].c == '.'))
            k++;
        if (k >= n || t[k].kind != T_PUNCT || t[k].c != ',') {
            /* ", who is chairman of the PAC said": a relative clause up to the cue */
            if (j + 1 < n && (tok_eq(p, &t[j + 1], "who") || tok_eq(p, &t[j + 1], "which"))) {
                for (size_t m = j + 2; m < n && m - j < 16 && t[m].kind == T_WORD; m++)
                    if (is_cue(p, t, m, n) && m > j + 3) {
                        j = m;
                        break;
                    }
            }
            break;
        }
        size_t m = k + 1;
        while (m < n && (word_is(p, &t[m], aux) || is_ly(p, &t[m])) && !is_cue(p, t, m, n)) m++;
        if (m < n && is_cue(p, t, m, n)) {
            j = k + 1;
            break;
        }
        j = k; /* another appositive follows */
    }
    size_t np2_end = 0;
    if (j < n && t[j].kind == T_PUNCT && t[j].c == ',' && j == np_end && j > i) {
        /* "another friend, Mariam Emara told": a name in apposition, then the cue */
        size_t k = j + 1;
        while (k < n && k - j < 6 && is_cap(p, &t[k])) k++;
        if (k > j + 1 && k < n && is_cue(p, t, k, n)) {
            np2_end = k;
            j = k;
        }
    }
    while (j < n && (word_is(p, &t[j], aux) || is_ly(p, &t[j])) && !is_cue(p, t, j, n)) j++;
    if (j >= n || !is_cue(p, t, j, n) || np_end == i) return 0;
    /* the phrase must be a speaker: trailing auxiliaries out; no clause words inside */
    size_t e = np_end;
    while (e > i && (word_is(p, &t[e - 1], aux) || is_ly(p, &t[e - 1]))) e--;
    if (e == i) return 0;
    int det = word_is(p, &t[i], dets); /* "a narrator in the ad asks" */
    static const char *const inner[] = {"of", "for", "in", "at", "from", "with", "on", NULL};
    for (size_t k = i; k < e; k++)
        if (word_is(p, &t[k], np_stop) && !(k > i && tok_eq(p, &t[k], "and")) &&
            !(word_is(p, &t[k], inner) && (det || tok_eq(p, &t[k], "of") || tok_eq(p, &t[k], "for"))))
            return 0;
    set_cue(o, t[j].s, cue_end(p, t, j, n), t, i, np2_end ? np2_end : e, 1);
    return 1;
}

/* Whether t[a, b), between a cue and the quote it introduces, is only a speaker ("said
 * Trump:"), adverbials ("to reporters", "in a statement on Monday") or time words. */
static int between_ok(bytes p, const ctok *t, size_t a, size_t b, uint8_t intro)
{
    static const char *const preps[] = {"to", "in", "on", "at", "during", "after", "before",
                                        "from", "via", "through", "with", "while", "about",
                                        "of", "last", "this", "late", "early", NULL};
    static const char *const times[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "yesterday", "today", "tonight", "earlier", "later", "recently", "again", "once",
        "afterward", "afterwards", "then", "simply", "bluntly", "flatly", "also", "further",
        "repeatedly", "previously", NULL};
    if (a >= b) return 1;
    if (t[a].kind == T_PUNCT && t[a].c == ',' && a + 1 < b) {
        /* "said, referring to the excuse, "..."", "he said, but "..."" */
        const ctok *w = &t[a + 1];
        uint32_t n = w->e - w->s;
        if (w->kind == T_WORD && n > 4 && p[w->e - 3] == 'i' && p[w->e - 2] == 'n' &&
            p[w->e - 1] == 'g')
            return 1;
        if (a + 2 == b && (tok_eq(p, w, "but") || tok_eq(p, w, "and"))) return 1;
    }
    if (intro == SPK_INTRO_BARE && b - a > 3) return 0;
    size_t i = a;
    if (!word_is(p, &t[i], preps) && !word_is(p, &t[i], times)) {
        /* said Trump: / told reporters: — a noun phrase first */
        size_t x, y;
        np_fwd(p, t, i, b, &x, &y);
        if (x == y) {
            if (!is_lower_word(p, &t[i])) return 0;
            y = i + 1; /* "told reporters" */
        } else if (y < b && t[y].kind == T_PUNCT && t[y].c == ',' && intro == SPK_INTRO_COMMA) {
            return 1; /* "Said Dorothy Poynter, who grew up with him, "..."" */
        }
        i = y;
    }
    while (i < b) {
        if (word_is(p, &t[i], times)) {
            i++;
            continue;
        }
        if (!word_is(p, &t[i], preps)) {
            if (t[i].kind == T_PUNCT && t[i].c == ',') {
                i++;
                /* "in Kenansville, N.C.," — a place's state after its comma */
                while (i < b && is_cap(p, &t[i]) && !word_is(p, &t[i], preps)) i++;
                continue;
            }
            return 0;
        }
        /* a prepositional phrase: up to 6 words, no verb-like word */
        size_t k = i + 1;
        while (k < b && t[k].kind == T_WORD && k - i <= 6 && !word_is(p, &t[k], preps) &&
               !word_is(p, &t[k], cues) && !tok_eq(p, &t[k], "that") &&
               !word_is(p, &t[k], pronouns))
            k++;
        if (k == i + 1) return 0;
        i = k;
    }
    return 1;
}

/* The subject of the clause holding token k: the noun phrase after any opening adverbial
 * ("During the speech, Trump ...") at the start of t, read forwards; or the last name
 * before k. [a, b) token indices, a == b when none. */
static void subject(bytes p, const ctok *t, size_t k, size_t *a, size_t *b)
{
    size_t i = 0;
    /* the clause starts after the last sentence-like break before k */
    for (size_t j = k; j-- > 0;)
        if (t[j].kind == T_PUNCT && (t[j].c == '.' || t[j].c == ';' || t[j].c == '?' || t[j].c == '!')) {
            i = j + 1;
            break;
        }
    static const char *const conj[] = {"and", "but", "then", "so", "yet", "also", "still", NULL};
    while (i < k && word_is(p, &t[i], conj)) i++;
    size_t comma = i;
    static const char *const openers[] = {"back", "ever", "soon", "still", "later", "earlier",
                                          "asked", "speaking", "meanwhile", "afterward", "last",
                                          "next", "once", "now", "today", "yesterday",
                                          "tonight", "early", "late", NULL};
    int participle = i < k && t[i].kind == T_WORD && t[i].e - t[i].s > 4 &&
                     ((p[t[i].e - 3] == 'i' && p[t[i].e - 2] == 'n' && p[t[i].e - 1] == 'g') ||
                      (p[t[i].e - 2] == 'l' && p[t[i].e - 1] == 'y'));
    if (i < k && (word_is(p, &t[i], np_stop) || is_ly(p, &t[i]) || participle ||
                  word_is(p, &t[i], openers))) {
        /* an opening adverbial: up to its comma */
        while (comma < k && !(t[comma].kind == T_PUNCT && t[comma].c == ',')) comma++;
        i = comma < k ? comma + 1 : k;
    }
    np_fwd_subject(p, t, i, k, a, b);
}

/* The cue before the quote: t[0..n) ends right before its opening mark. 1 when found. */
static int cue_before(bytes p, const ctok *t, size_t n, spk_cue *o)
{
    if (!n) return 0;
    size_t end = n;
    uint8_t intro = SPK_INTRO_BARE;
    if (t[end - 1].kind == T_PUNCT && t[end - 1].c == ':') {
        intro = SPK_INTRO_COLON;
        end--;
    } else if (t[end - 1].kind == T_PUNCT && t[end - 1].c == ',') {
        intro = SPK_INTRO_COMMA;
        end--;
    } else if (tok_eq(p, &t[end - 1], "that")) {
        intro = SPK_INTRO_THAT;
        end--;
    }
    o->intro = intro;
    /* According to X, "..." */
    for (size_t i = end; i-- > 0 && end - i < 12;) {
        if (t[i].kind == T_QUOTE || (t[i].kind == T_PUNCT && t[i].c != ',' && t[i].c != '.'))
            break;
        if (tok_eq(p, &t[i], "according") && i + 1 < end && tok_eq(p, &t[i + 1], "to")) {
            size_t a, b;
            np_fwd(p, t, i + 2, end, &a, &b);
            if (a == b) break;
            set_cue(o, t[i].s, t[i + 1].e, t, a, b, 2);
            o->intro = intro;
            return 1;
        }
    }
    /* the last cue within 12 tokens, only adverbial words between it and the quote */
    for (size_t i = end; i-- > 0 && end - i <= 24;) {
        const ctok *w = &t[i];
        if (w->kind == T_QUOTE) break;
        if (w->kind == T_PUNCT && w->c != ',' && w->c != '.' && w->c != '(' && w->c != ')')
            break;
        if (word_is(p, w, ing_cues)) {
            if (!between_ok(p, t, i + 1, end, intro)) return 0;
            size_t a, b;
            if (i > 0 && is_cap(p, &t[i - 1]))
                np_back(p, t, i, &a, &b); /* footage of Hillary Clinton asking, "..." */
            else
                subject(p, t, i, &a, &b);
            set_cue(o, w->s, w->e, t, a, b, 2);
            o->intro = intro;
            return 1;
        }
        if (!is_cue(p, t, i, end)) continue;
        uint32_t ce = cue_end(p, t, i, end);
        if (!between_ok(p, t, ce == w->e ? i + 1 : i + 2, end, intro)) return 0;
        size_t a, b, k = skip_aux_back(p, t, i);
        if (k > 0 && t[k - 1].kind == T_PUNCT && t[k - 1].c == ')') { /* Moore (D-Wis.) said */
            size_t m = k - 1;
            while (m > 0 && k - m < 8 && !(t[m - 1].kind == T_PUNCT && t[m - 1].c == '(')) m--;
            if (m > 0 && t[m - 1].kind == T_PUNCT) k = m - 1;
        }
        if (k >= 2 && tok_eq(p, &t[k - 1], "who") && t[k - 2].kind == T_PUNCT && t[k - 2].c == ',')
            k -= 2; /* Stevie Wonder, who joked, "..." */
        if (k >= 1 && tok_eq(p, &t[k - 1], "and")) { /* "Ms. Sherry smiled and said," */
            size_t a2, b2;
            subject(p, t, k - 1, &a2, &b2);
            if (a2 < b2) {
                set_cue(o, w->s, ce, t, a2, b2, 2);
                o->intro = intro;
                return 1;
            }
        }
        size_t ap = skip_appositive_back(p, t, k);
        if (ap < k && ap > 0 && t[ap - 1].kind == T_PUNCT && t[ap - 1].c == ')') {
            size_t m = ap - 1;
            while (m > 0 && ap - m < 8 && !(t[m - 1].kind == T_PUNCT && t[m - 1].c == '(')) m--;
            if (m > 0 && t[m - 1].kind == T_PUNCT) ap = m - 1;
        }
        np_back(p, t, ap, &a, &b);
        static const char *const pp[] = {"on", "in", "at", "from", "via", "during", "with",
                                         "into", "through", "over", NULL};
        if (a < b && a > 0 && word_is(p, &t[a - 1], pp)) {
            /* "The president in the video posted on Facebook said": the object of a
             * preposition is not the speaker; the clause's subject is */
            size_t a2, b2;
            subject(p, t, a - 1, &a2, &b2);
            if (a2 < b2 && b2 <= a - 1) a = a2, b = b2;
        }
        if (a == b) { /* said Trump: */
            size_t j = ce == w->e ? i + 1 : i + 2;
            np_fwd(p, t, j, end, &a, &b);
        }
        set_cue(o, w->s, ce, t, a, b, 2);
        o->intro = intro;
        return 1;
    }
    size_t ce0 = end;
    if (intro == SPK_INTRO_COLON && end > 2 && t[end - 1].kind == T_PUNCT && t[end - 1].c == ')') {
        size_t m = end - 1; /* Rep. Trey Gowdy (R-S.C.): */
        while (m > 0 && end - m < 8 && !(t[m - 1].kind == T_PUNCT && t[m - 1].c == '(')) m--;
        if (m > 1 && t[m - 1].kind == T_PUNCT) end = m - 1;
    }
    if (intro == SPK_INTRO_COLON && end > 0 && is_cap(p, &t[end - 1])) {
        /* "A lesson from Loretta Lynch: "..."", "Trump on Twitter: "..."" */
        size_t a, b;
        np_back(p, t, end, &a, &b);
        static const char *const media[] = {"on", "in", "via", NULL};
        if (a >= 2 && word_is(p, &t[a - 1], media) && is_cap(p, &t[a - 2])) np_back(p, t, a - 1, &a, &b);
        if (a < b && b - a <= 4 && !word_is(p, &t[a], dets)) {
            set_cue(o, t[ce0].s, t[ce0].e, t, a, b, 2);
            o->intro = intro;
            return 1;
        }
    }
    if (intro == SPK_INTRO_COLON || intro == SPK_INTRO_COMMA) o->intro = intro;
    return 0;
}

/* 1 when the quotation ends its sentence with a period ("... on the water now.") and the
 * cue after it goes on with what was said rather than ending the attribution ("Roskell
 * said the dam had been inspected"): the next sentence is reported speech of its own, not
 * this quotation's attribution. */
static int own_sentence_after(bytes p, uint32_t open, uint32_t close, uint32_t cue_end,
                              uint32_t hi)
{
    static const char *const ok_next[] = {"on", "in", "at", "to", "during", "after", "before",
                                          "from", "while", "when", "as", "yesterday", "today",
                                          "tonight", "earlier", "later", "again", "recently",
                                          "Monday", "Tuesday", "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday", "last", "this", NULL};
    uint32_t e = close; /* step back over the closing mark(s) and spaces */
    while (e > open && (p[e - 1] == ' ' || p[e - 1] == '\n' || p[e - 1] == '\'' ||
                        p[e - 1] == '"' || p[e - 1] == 0x9D || p[e - 1] == 0x99 ||
                        p[e - 1] == 0x80 || p[e - 1] == 0xE2 || p[e - 1] == 0xBB ||
                        p[e - 1] == 0xC2))
        e--;
    if (e <= open || p[e - 1] != '.') return 0;
    uint32_t i = cue_end;
    while (i < hi && (p[i] == ' ' || p[i] == '\n')) i++;
    if (i >= hi || !((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z')) return 0;
    uint32_t w = i;
    while (i < hi && ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z')) i++;
    for (const char *const *k = ok_next; *k; k++)
        if (strlen(*k) == i - w && !strncmp((const char *)p + w, *k, i - w)) return 0;
    return 1;
}

void spk_find(const char *text, uint32_t slo, uint32_t lo, uint32_t open, uint32_t close,
              uint32_t shi, uint32_t hi, spk_cue *out)
{
    bytes p = (bytes)text;
    memset(out, 0, sizeof *out);
    out->cue_start = out->cue_end = out->sp_start = out->sp_end = open;
    ctok t[MAXTOK];
    size_t n = 0;
    if (hi > close) {
        uint32_t h = hi - close > 400 ? close + 400 : hi;
        n = lex(p, close, h, t, MAXTOK);
        /* only up to the end of the clause (past stray marks right after the quote) */
        size_t i0 = 0;
        while (i0 < n && i0 < 3 && (t[i0].kind == T_QUOTE || (t[i0].kind == T_PUNCT && t[i0].c == ',')))
            i0++;
        for (size_t i = i0; i < n; i++)
            if (t[i].kind == T_QUOTE ||
                (t[i].kind == T_PUNCT && (t[i].c == '.' || t[i].c == ';' || t[i].c == '?' ||
                                          t[i].c == '!'))) {
                n = i;
                break;
            }
    }
    spk_cue after = *out, before = *out;
    int ok_after = n && cue_after(p, t, n, &after);
    int ok_before = 0;
    uint8_t intro = 0;
    if (open > lo) {
        n = lex_back(p, lo, open, t, MAXTOK);
        ok_before = cue_before(p, t, n, &before);
        intro = before.intro;
        if (ok_before && before.sp_start == before.sp_end && slo < lo) {
            /* "Trump ..., asserting, "..."": the subject may stand before an earlier quote */
            ctok w;
            w.s = before.cue_start;
            w.e = before.cue_end;
            w.kind = T_WORD;
            if (word_is(p, &w, ing_cues)) {
                n = lex_back(p, slo, before.cue_start, t, MAXTOK);
                size_t a, b;
                subject(p, t, n, &a, &b);
                if (a < b) {
                    before.sp_start = t[a].s;
                    before.sp_end = t[b - 1].e;
                }
            }
        }
    }
    if (ok_after && ok_before && after.cue_start >= shi) ok_after = 0; /* own sentence first */
    if (ok_after && after.sp_end <= after.cue_start &&
        own_sentence_after(p, open, close, after.cue_end, hi))
        ok_after = 0;
    if (ok_after && ok_before && before.sp_start < before.sp_end && after.cue_end > after.cue_start &&
        (text[after.cue_start] | 32) == 'a' && after.cue_end - after.cue_start > 9 &&
        !strncasecmp(text + after.cue_start, "according", 9))
        ok_after = 0; /* 'X said, "...," according to Y': Y reports what X said */
    if (ok_after) {
        *out = after;
        out->intro = intro;
    } else if (ok_before) {
        *out = before;
    } else {
        out->intro = intro;
    }
}

int spk_after(const char *text, uint32_t from, uint32_t hi, spk_cue *out)
{
    bytes p = (bytes)text;
    ctok t[MAXTOK];
    memset(out, 0, sizeof *out);
    if (hi <= from) return 0;
    size_t n = lex(p, from, hi - from > 400 ? from + 400 : hi, t, MAXTOK);
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == T_QUOTE || (t[i].kind == T_PUNCT && (t[i].c == '.' || t[i].c == ';' ||
                                                              t[i].c == '?' || t[i].c == '!'))) {
            n = i;
            break;
        }
    return n && cue_after(p, t, n, out) && out->sp_start < out->sp_end;
}

int spk_subject(const char *text, uint32_t slo, uint32_t open, uint32_t *s, uint32_t *e)
{
    bytes p = (bytes)text;
    ctok t[MAXTOK];
    *s = *e = open;
    if (open <= slo) return 0;
    size_t n = lex_back(p, slo, open, t, MAXTOK), a, b;
    if (n && t[n - 1].kind == T_PUNCT && (t[n - 1].c == ',' || t[n - 1].c == ':')) n--;
    subject(p, t, n, &a, &b);
    if (a >= b) return 0;
    /* a subject is a name or a pronoun here, not "the need" */
    if (!is_cap(p, &t[a]) && !word_is(p, &t[a], pronouns)) return 0;
    if (word_is(p, &t[a], dets) || word_is(p, &t[a], np_stop)) return 0;
    *s = t[a].s;
    *e = t[b - 1].e;
    return 1;
}

int spk_is_pronoun(const char *text, uint32_t s, uint32_t e)
{
    return in_list(pronouns, (bytes)text + s, e - s);
}

/* ---- resolution ----------------------------------------------------------------------- */

static int has_upper_first(bytes p, uint32_t s, uint32_t e)
{
    return s < e && p[s] >= 'A' && p[s] <= 'Z';
}

/* 1 when the speaker [s, e) is a description with a definite article ("the president") */
static int is_definite(bytes p, uint32_t s, uint32_t e)
{
    return e - s > 4 && strncasecmp((const char *)p + s, "the ", 4) == 0;
}

void spk_resolve_strings(sf_doc *d)
{
    bytes p = (bytes)d->text;
    uint32_t ls = 0, le = 0; /* the last named speaker */
    for (size_t i = 0; i < d->n_quotes; i++) {
        sf_quote *q = &d->quotes[i];
        q->name_start = q->name_end = q->speaker_start;
        q->key = 0;
        if (q->speaker_start >= q->speaker_end) continue;
        if (spk_is_pronoun(d->text, q->speaker_start, q->speaker_end) ||
            is_definite(p, q->speaker_start, q->speaker_end)) {
            if (le > ls && ls <= q->speaker_start) {
                q->name_start = ls;
                q->name_end = le;
            }
            continue;
        }
        if (has_upper_first(p, q->speaker_start, q->speaker_end)) {
            q->name_start = q->speaker_start;
            q->name_end = q->speaker_end;
            ls = q->speaker_start;
            le = q->speaker_end;
        }
    }
}

/* gender from a first name or title: 1 male, 2 female, 0 unknown */
static int gender_of(bytes p, uint32_t s, uint32_t e)
{
    static const char *const male_t[] = {"Mr", "Mr.", "Sir", "Lord", "King", "Prince",
                                         "Father", "Brother", NULL};
    static const char *const female_t[] = {"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Madam",
                                           "Lady", "Queen", "Princess", "Dame", "Sister", NULL};
    static const char *const male_n[] = {
        "Mike", "Michael", "John", "James", "Robert", "William", "Bill", "David", "Richard",
        "Joseph", "Joe", "Thomas", "Charles", "Christopher", "Chris", "Daniel", "Matthew",
        "Mark", "Paul", "Steven", "Steve", "Andrew", "Kenneth", "George", "Kevin", "Brian",
        "Edward", "Ronald", "Anthony", "Jeff", "Jeffrey", "Tim", "Timothy", "Ben", "Benjamin",
        "Gary", "Eric", "Peter", "Jack", "Tom", "Jim", "Bob", "Frank", "Scott", "Ryan",
        "Jason", "Justin", "Harry", "Henry", "Larry", "Jerry", "Sean", "Stephen", "Patrick",
        "Dennis", "Roger", "Walter", "Carl", "Howard", "Nick", "Tony", "Martin", "Jonathan",
        "Samuel", "Sam", "Greg", "Gregory", "Adam", "Aaron", "Luke", "Kyle", "Keith", "Bruce",
        "Roy", "Ralph", "Eugene", "Louis", "Philip", "Phil", "Alan", "Allen", "Wayne", "Randy",
        "Russell", "Jimmy", "Johnny", NULL};
    static const char *const female_n[] = {
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
        "Sarah", "Karen", "Nancy", "Lisa", "Margaret", "Betty", "Sandra", "Ashley", "Dorothy",
        "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa", "Deborah",
        "Stephanie", "Rebecca", "Laura", "Sharon", "Cynthia", "Kathleen", "Amy", "Shirley",
        "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Samantha", "Katherine",
        "Christine", "Debra", "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria",
        "Heather", "Diane", "Virginia", "Julie", "Joyce", "Victoria", "Kelly", "Christina",
        "Lauren", "Joan", "Evelyn", "Olivia", "Judith", "Megan", "Cheryl", "Martha", "Andrea",
        "Frances", "Hannah", "Jacqueline", "Ann", "Gloria", "Jean", "Kathryn", "Alice",
        "Teresa", "Sara", "Janice", "Doris", "Madison", "Julia", "Grace", "Judy", "Abigail",
        "Marie", "Denise", "Beverly", "Amber", "Theresa", "Marilyn", "Danielle", "Diana",
        "Brittany", "Natalie", "Sophia", "Rose", "Isabella", "Alexis", "Kayla", "Charlotte",
        "Jill", "Debbie", "Paula", "Katrina", "Gretchen", "Alicia", "Hope", "Kate", "Claire",
        "Tammy", "Dana", "Jane", "Emma", NULL};
    ctok t[4];
    size_t n = lex(p, s, e, t, 4);
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind != T_WORD) continue;
        if (word_is(p, &t[i], female_t)) return 2;
        if (word_is(p, &t[i], male_t)) return 1;
        if (i + 1 < n || n == 1) {
            /* a first name is a word followed by another (the surname) */
            if (i + 1 < n && in_list(female_n, p + t[i].s, t[i].e - t[i].s)) return 2;
            if (i + 1 < n && in_list(male_n, p + t[i].s, t[i].e - t[i].s)) return 1;
        }
        break;
    }
    return 0;
}

/* the title before an entity mention: "President" in "President Obama", up to 2 words
 * back; written into *ts, *te (empty when none) */
static int mention_has_title(bytes p, uint32_t ms, uint32_t me, bytes title, size_t tn)
{
    uint32_t lo = ms > 40 ? ms - 40 : 0;
    ctok t[16];
    size_t n = lex_back(p, lo, ms, t, 3);
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == T_WORD && t[i].e - t[i].s >= tn &&
            strncasecmp((const char *)p + t[i].s, (const char *)title, tn) == 0)
            return 1;
    ctok m[8];
    size_t k = lex(p, ms, me, m, 8);
    for (size_t i = 0; i < k; i++)
        if (m[i].kind == T_WORD && m[i].e - m[i].s >= tn &&
            strncasecmp((const char *)p + m[i].s, (const char *)title, tn) == 0)
            return 1;
    return 0;
}

size_t spk_sentence(const sf_doc *d, uint32_t pos)
{
    size_t lo = 0, hi = d->n_sents;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].start <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo ? lo - 1 : SIZE_MAX;
}

/* index of the first entity ending after pos */
static size_t ent_after(const sf_doc *d, uint32_t pos)
{
    size_t lo = 0, hi = d->n_ents;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->ents[mid].end <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* 1 when pos lies inside a direct quotation of d */
static int in_quote(const sf_doc *d, uint32_t pos)
{
    size_t lo = 0, hi = d->n_quotes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->quotes[mid].start <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo && pos < d->quotes[lo - 1].end;
}

static void take_entity(sf_quote *q, const sf_entity *e)
{
    q->name_start = e->name_start;
    q->name_end = e->name_end;
    q->key = e->key;
}

/* genders learned in one document: a person a "he" or "she" resolved to */
typedef struct learned {
    uint64_t key[64];
    uint8_t g[64];
    size_t n;
} learned;

static int learned_gender(const learned *l, uint64_t key)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->key[i] == key) return l->g[i];
    return 0;
}

static void learn(learned *l, uint64_t key, int g)
{
    if (!key || learned_gender(l, key) || l->n == 64) return;
    l->key[l->n] = key;
    l->g[l->n++] = (uint8_t)g;
}

/* an entity's gender: what the document taught, its first name or title, a title before it */
static int entity_gender(bytes p, const sf_entity *e, const learned *l)
{
    int g = learned_gender(l, e->key);
    if (!g) g = gender_of(p, e->name_start, e->name_end);
    if (!g) g = gender_of(p, e->start, e->end);
    if (!g && e->start > 0) { /* a title just before the mention: "Mr. Ebb" */
        uint32_t lo = e->start > 12 ? e->start - 12 : 0;
        while (lo < e->start && (p[lo] & 0xC0) == 0x80) lo++;
        ctok t[4];
        size_t n = lex_back(p, lo, e->start, t, 1);
        if (n) g = gender_of(p, t[0].s, t[0].e);
    }
    return g;
}

/* the person a pronoun or definite description at pos refers to, among the PER entities
 * starting at or after from: an entity index or SIZE_MAX. gender: 1 he, 2 she, 0 either.
 * title: the description's head noun or NULL. Looks at most 5,000 bytes back. */
static size_t antecedent(const sf_doc *d, uint32_t pos, uint32_t from, int gender, bytes title,
                         size_t tn, const learned *l)
{
    bytes p = (bytes)d->text;
    size_t lim = ent_after(d, pos); /* entities ending at or before pos: [0, lim) */
    size_t best = SIZE_MAX;
    if (title) { /* the nearest earlier person carrying that title */
        for (size_t i = lim, seen = 0; i-- > 0 && seen < 40;) {
            const sf_entity *e = &d->ents[i];
            if (e->start < from || pos - e->start > 5000) break;
            if (e->type != SF_ENT_PER) continue;
            seen++;
            if (mention_has_title(p, e->start, e->end, title, tn)) return i;
        }
    }
    /* the first compatible person of the nearest earlier sentence naming one */
    size_t cur_sent = SIZE_MAX;
    for (size_t i = lim; i-- > 0;) {
        const sf_entity *e = &d->ents[i];
        if (e->start < from || pos - e->start > 5000) break;
        if (e->type != SF_ENT_PER || e->end > pos || in_quote(d, e->start)) continue;
        int g = entity_gender(p, e, l);
        if (gender && g && g != gender) continue;
        size_t s = spk_sentence(d, e->start);
        if (cur_sent == SIZE_MAX) cur_sent = s;
        if (s != cur_sent) break;
        best = i;
    }
    return best;
}

/* nouns a definite description of a person ends in ("the president", "the senior aide") */
static const char *const person_nouns[] = {
    "president", "senator", "governor", "mayor", "minister", "official", "spokesman",
    "spokeswoman", "spokesperson", "candidate", "nominee", "leader", "chairman", "chairwoman",
    "chair", "chief", "director", "secretary", "judge", "justice", "lawyer", "attorney",
    "prosecutor", "general", "admiral", "commander", "officer", "ambassador", "congressman",
    "congresswoman", "representative", "lawmaker", "legislator", "premier", "chancellor",
    "king", "queen", "prince", "princess", "pope", "pontiff", "bishop", "pastor", "rabbi",
    "imam", "priest", "professor", "doctor", "physician", "nurse", "engineer", "economist",
    "analyst", "adviser", "advisor", "aide", "executive", "founder", "owner", "manager",
    "coach", "player", "captain", "farmer", "teacher", "student", "woman", "man", "mother",
    "father", "son", "daughter", "wife", "husband", "veteran", "resident", "witness",
    "victim", "author", "writer", "reporter", "journalist", "host", "anchor", "actor",
    "actress", "singer", "star", "businessman", "businesswoman", "billionaire", "activist",
    "organizer", "strategist", "pollster", "consultant", "diplomat", "envoy", "scientist",
    "researcher", "expert", "historian", "economist", "banker", "investor", "worker",
    "speaker", "sheriff", "detective", "inspector", "commissioner", "superintendent",
    "principal", "dean", "provost", "rector", "mogul", "magnate", "entrepreneur", "candidate",
    "incumbent", "challenger", "frontrunner", "front-runner", "governor-elect",
    "president-elect", "grandmother", "grandfather", "widow", "widower", "girl", "boy",
    "friend", "neighbor", "neighbour", "colleague", "partner", "employee", "employer",
    "survivor", "suspect", "defendant", "plaintiff", "official", NULL};

void quote_resolve(sf_doc *d)
{
    bytes p = (bytes)d->text;
    learned l = {.n = 0};
    for (size_t i = 0; i < d->n_quotes; i++) {
        sf_quote *q = &d->quotes[i];
        q->name_start = q->name_end = q->speaker_start;
        q->key = 0;
        if (q->speaker_start >= q->speaker_end) continue;
        /* the speaker's head word: the last, or the one before "of"/"for" */
        ctok t[16];
        size_t n = lex(p, q->speaker_start, q->speaker_end, t, 16);
        size_t h = n ? n - 1 : 0;
        for (size_t j = 1; j < n; j++)
            if (tok_eq(p, &t[j], "of") || tok_eq(p, &t[j], "for")) {
                h = j - 1;
                break;
            }
        if (!n) continue;
        /* a named entity at the head */
        size_t best = SIZE_MAX;
        for (size_t k = ent_after(d, t[h].s); k < d->n_ents && d->ents[k].start < t[h].e; k++) {
            const sf_entity *e = &d->ents[k];
            if (e->type != SF_ENT_PER && e->type != SF_ENT_ORG) continue;
            if (best == SIZE_MAX || e->type == SF_ENT_PER) best = k;
        }
        if (best != SIZE_MAX) {
            const sf_entity *e = &d->ents[best];
            if (e->start < q->speaker_start && q->speaker_start - e->start < 64)
                q->speaker_start = e->start;
            if (e->end > q->speaker_end && e->end - q->speaker_end < 64) q->speaker_end = e->end;
            take_entity(q, e);
            continue;
        }
        int pron = n == 1 && spk_is_pronoun(d->text, t[0].s, t[0].e);
        int def = !pron && tok_eq(p, &t[0], "the") && n >= 2 && word_is(p, &t[h], person_nouns);
        if (!pron && !def) continue;
        if (pron && !(tok_eq(p, &t[0], "he") || tok_eq(p, &t[0], "she"))) continue;
        if (def) {
            size_t a = antecedent(d, q->speaker_start, 0, 0, p + t[h].s, t[h].e - t[h].s, &l);
            if (a != SIZE_MAX) take_entity(q, &d->ents[a]);
            continue;
        }
        int gender = tok_eq(p, &t[0], "she") ? 2 : 1;
        const sf_quote *pq = i > 0 ? &d->quotes[i - 1] : NULL;
        /* a person named since the previous quotation; else that quotation's person, when
         * it is near; else the nearest person before */
        size_t a = antecedent(d, q->speaker_start, pq ? pq->end : 0, gender, NULL, 0, &l);
        if (a == SIZE_MAX && pq && pq->key) {
            size_t s0 = spk_sentence(d, pq->end), s1 = spk_sentence(d, q->speaker_start);
            int g = learned_gender(&l, pq->key);
            if (!g) g = gender_of(p, pq->name_start, pq->name_end);
            if (s0 != SIZE_MAX && s1 != SIZE_MAX && s1 - s0 <= 2 && (!g || g == gender)) {
                q->name_start = pq->name_start;
                q->name_end = pq->name_end;
                q->key = pq->key;
                learn(&l, q->key, gender);
                continue;
            }
        }
        if (a == SIZE_MAX) a = antecedent(d, q->speaker_start, 0, gender, NULL, 0, &l);
        if (a != SIZE_MAX) {
            take_entity(q, &d->ents[a]);
            learn(&l, q->key, gender);
        }
    }
}
