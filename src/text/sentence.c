/* sentence.c — the news sentence splitter (sent_split, see sentence.h).
 *
 * One linear pass over the bytes. The text is cut at boundary positions and each piece
 * is trimmed of whitespace; pieces that are all whitespace are dropped, so the text
 * between sentences is whitespace only. Boundaries:
 *
 *   - a blank line (two or more line breaks, possibly with blanks between) always;
 *   - a single line break when the next line starts with a bullet (• ▪ ● - * + ...), or
 *     the line it ends started with one and the next line does not continue it in
 *     lowercase (a wrapped bullet item); otherwise a line break is plain whitespace, so
 *     hard-wrapped newswire is joined;
 *   - after a run of terminal punctuation (. ! ? … and "..."), with any closing quotes or
 *     brackets after it (" ” ’ ' '' ) ] } »), when followed by whitespace or the end and
 *     the rules below agree:
 *       ! ?   split unless the next word starts lowercase, or the run closed a quote and
 *             the next words are "Name said/asked/..." ("Why?" Smith asked.);
 *       …/... split only when the next word is capitalized (conservative);
 *       .     no split before a lowercase word; titles (Mr. Dr. Gen. ...), e.g./i.e./vs.
 *             and single capital initials never split; "No./Vol./p." before a digit does
 *             not split; company suffixes, months, states, Jr./St., a.m./p.m., etc. and
 *             dotted abbreviations (U.S., Ph.D.) split only when the next word is a
 *             common sentence starter (The, He, It, But, ...) or an opening quote;
 *   - "word.Word" with no space (an artefact of scraped captions: "in Kyiv.Photo by")
 *     when a lowercase letter precedes the period, the token before has no other
 *     period, '@', '/' or ':' (so domains, URLs, emails and decimals stay), is not a known
 *     abbreviation, and the next word is a capital followed by 2+ lowercase letters.
 *     "U.S.President" therefore does not split (an uppercase letter precedes the dot).
 *
 * Whitespace is ASCII space/tab/CR/LF/VT/FF plus U+00A0, U+2000-U+200B, U+2028/9, U+202F,
 * U+205F, U+3000 and U+FEFF. Invalid UTF-8 is just opaque bytes. Lookaheads are bounded
 * or consume what they scan, so the pass is linear. */
#include "text/sentence.h"

#include "core/mem.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef const unsigned char *bytes;

/* ---- whitespace ------------------------------------------------------------------- */

/* Length of the whitespace character at p[i] (bounded by lim), or 0. *lines (if given)
 * gets the number of line breaks it stands for. */
static size_t ws_at(bytes p, size_t i, size_t lim, int *lines)
{
    int nl = 0;
    size_t n = 0;
    unsigned char c = p[i];
    switch (c) {
    case ' ':
    case '\t': n = 1; break;
    case '\n':
        n = 1;
        nl = 1;
        break;
    case '\r':
        n = 1;
        nl = (i + 1 < lim && p[i + 1] == '\n') ? 0 : 1;
        break;
    case '\v':
    case '\f':
        n = 1;
        nl = 1;
        break;
    case 0xC2:
        if (i + 1 < lim && p[i + 1] == 0xA0) n = 2;
        break;
    case 0xE2:
        if (i + 2 < lim) {
            unsigned char b = p[i + 1], d = p[i + 2];
            if (b == 0x80 && ((d >= 0x80 && d <= 0x8B) || d == 0xAF))
                n = 3;
            else if (b == 0x80 && d == 0xA8) {
                n = 3;
                nl = 1;
            } else if (b == 0x80 && d == 0xA9) {
                n = 3;
                nl = 2;
            } else if (b == 0x81 && d == 0x9F)
                n = 3;
        }
        break;
    case 0xE3:
        if (i + 2 < lim && p[i + 1] == 0x80 && p[i + 2] == 0x80) n = 3;
        break;
    case 0xEF:
        if (i + 2 < lim && p[i + 1] == 0xBB && p[i + 2] == 0xBF) n = 3;
        break;
    default: break;
    }
    if (lines) *lines = nl;
    return n;
}

/* Length of the whitespace character ending at p[e-1] (not before lo), or 0. */
static size_t ws_before(bytes p, size_t lo, size_t e)
{
    if (e <= lo) return 0;
    unsigned char c = p[e - 1];
    if (c < 0x80)
        return (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f');
    if (e - lo >= 2 && c == 0xA0 && p[e - 2] == 0xC2) return 2;
    if (e - lo >= 3) {
        unsigned char a = p[e - 3], b = p[e - 2];
        if (a == 0xE2 && b == 0x80 &&
            ((c >= 0x80 && c <= 0x8B) || c == 0xAF || c == 0xA8 || c == 0xA9))
            return 3;
        if (a == 0xE2 && b == 0x81 && c == 0x9F) return 3;
        if (a == 0xE3 && b == 0x80 && c == 0x80) return 3;
        if (a == 0xEF && b == 0xBB && c == 0xBF) return 3;
    }
    return 0;
}

/* ---- character classes ------------------------------------------------------------- */

static bool is_upper_a(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}
static bool is_lower_a(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}
static bool is_alpha_a(unsigned char c)
{
    return is_upper_a(c) || is_lower_a(c);
}
static bool is_digit_a(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Letter case of the character at p[i]: 1 upper/title, -1 lower, 0 neither. */
static int letter_case(bytes p, size_t i, size_t len)
{
    unsigned char c = p[i];
    if (c < 0x80) return is_upper_a(c) ? 1 : is_lower_a(c) ? -1 : 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) return 1;
    if (cat == UTF8PROC_CATEGORY_LL) return -1;
    return 0;
}

/* Terminal punctuation at p[i]: returns its byte length (. ! ? = 1, … = 3) or 0. */
static size_t term_at(bytes p, size_t i, size_t len)
{
    unsigned char c = p[i];
    if (c == '.' || c == '!' || c == '?') return 1;
    if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 && p[i + 2] == 0xA6) return 3;
    /* ‼ ⁇ ⁈ ⁉ */
    if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 && p[i + 2] == 0xBC) return 3;
    if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x81 && p[i + 2] >= 0x87 && p[i + 2] <= 0x89)
        return 3;
    return 0;
}

/* A closing quote/bracket at p[i]: byte length or 0. */
static size_t closer_at(bytes p, size_t i, size_t len)
{
    unsigned char c = p[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
    if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 &&
        (p[i + 2] == 0x9D || p[i + 2] == 0x99 || p[i + 2] == 0xBA))
        return 3;                                               /* ” ’ › */
    if (c == 0xC2 && i + 1 < len && p[i + 1] == 0xBB) return 2; /* » */
    return 0;
}

/* An opening quote/bracket at p[i]: byte length or 0. */
static size_t opener_at(bytes p, size_t i, size_t len, bool *quote)
{
    unsigned char c = p[i];
    *quote = true;
    if (c == '"' || c == '\'' || c == '`') return 1;
    if (c == '(' || c == '[' || c == '{') {
        *quote = false;
        return 1;
    }
    if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 &&
        (p[i + 2] == 0x9C || p[i + 2] == 0x98 || p[i + 2] == 0x9E || p[i + 2] == 0xB9))
        return 3;                                               /* “ ‘ „ ‹ */
    if (c == 0xC2 && i + 1 < len && p[i + 1] == 0xAB) return 2; /* « */
    return 0;
}

/* A bullet starting a line at p[i] (i is the first non-blank). Numbered items ("3. ") are
 * not bullets: in hard-wrapped newswire a line often starts "3. The ..." after "Nov.". */
static bool bullet_at(bytes p, size_t i, size_t len)
{
    if (i >= len) return false;
    unsigned char c = p[i];
    if (c == '-' || c == '*' || c == '+')
        return i + 1 < len && (p[i + 1] == ' ' || p[i + 1] == '\t' || ws_at(p, i + 1, len, NULL));
    if (c == 0xE2 && i + 2 < len) {
        unsigned char b = p[i + 1], d = p[i + 2];
        if (b == 0x80 && (d == 0xA2 || d == 0xA3)) return true; /* • ‣ */
        if (b == 0x80 && (d == 0x93 || d == 0x94))              /* – — followed by a blank */
            return i + 3 < len && ws_at(p, i + 3, len, NULL);
        if (b == 0x81 && d == 0x83) return true; /* ⁃ */
        if (b == 0x96 && (d == 0xAA || d == 0xA0 || d == 0xB8 || d == 0xBA))
            return true;                                                     /* ▪ ■ ▸ ► */
        if (b == 0x97 && (d == 0x8F || d == 0xA6 || d == 0x86)) return true; /* ● ◦ ◆ */
    }
    if (c == 0xC2 && i + 1 < len && p[i + 1] == 0xB7) return true; /* · */
    return false;
}

/* ---- word lists ---------------------------------------------------------------------- */

typedef struct word {
    size_t len;
    const char *s;
} word;
#define W(lit)                                                                                     \
    {                                                                                              \
        sizeof(lit) - 1, lit                                                                       \
    }

static bool in_list(const word *list, bytes w, size_t n)
{
    if (n == 0) return false;
    for (; list->s; list++)
        if (list->len == n && (unsigned char)list->s[0] == w[0] && memcmp(list->s, w, n) == 0)
            return true;
    return false;
}

/* Abbreviations that are followed by a name or phrase: never the end of a sentence. */
static const word never_end[] = {
    W("Mr"),    W("Mrs"),    W("Ms"),     W("Messrs"), W("Mmes"),    W("Mme"),  W("Mlle"),
    W("Dr"),    W("Drs"),    W("Prof"),   W("Profs"),  W("Gov"),     W("Govs"), W("Sen"),
    W("Sens"),  W("Rep"),    W("Reps"),   W("Gen"),    W("Gens"),    W("Col"),  W("Lt"),
    W("Sgt"),   W("Capt"),   W("Cmdr"),   W("Cdr"),    W("Adm"),     W("Maj"),  W("Cpl"),
    W("Pvt"),   W("Brig"),   W("Rev"),    W("Msgr"),   W("Fr"),      W("Hon"),  W("Mt"),
    W("Ft"),    W("Pres"),   W("Supt"),   W("Det"),    W("Insp"),    W("Atty"), W("Amb"),
    W("Gov't"), W("Sec'y"),  W("Lt.Gen"), W("Lt.Col"), W("Maj.Gen"), W("vs"),   W("Vs"),
    W("v"),     W("e.g"),    W("i.e"),    W("E.g"),    W("I.e"),     W("cf"),   W("Cf"),
    W("viz"),   W("approx"), W("Approx"), W("ca"),     W("incl"),    W("esp"),  W("Esp"),
    W("Mssrs"), {0, NULL},
};

/* Abbreviations that usually precede a number: no split before a digit. */
static const word num_prefix[] = {
    W("No"),  W("no"),  W("Nos"),  W("nos"),  W("Nr"),   W("Vol"),  W("vol"),  W("Vols"), W("Art"),
    W("art"), W("Sec"), W("sec"),  W("Sect"), W("Fig"),  W("fig"),  W("Figs"), W("p"),    W("pp"),
    W("Ch"),  W("ch"),  W("Chap"), W("Op"),   W("op"),   W("Ps"),   W("Pt"),   W("pt"),   W("Nov"),
    W("Rte"), W("Rt"),  W("Hwy"),  W("Ex"),   W("Para"), W("para"), W("ed"),   W("Ed"),   W("eds"),
    W("Jan"), W("Feb"), W("Mar"),  W("Apr"),  W("Jun"),  W("Jul"),  W("Aug"),  W("Sep"),  W("Sept"),
    W("Oct"), W("Dec"), W("Ca"),   W("Gr"),   {0, NULL},
};

/* Abbreviations that can end a sentence: split only before a likely sentence start. */
static const word soft_end[] = {
    W("Inc"),  W("Corp"),  W("Co"),    W("Ltd"),   W("Bros"), W("Cos"),  W("Plc"),  W("plc"),
    W("Pty"),  W("Mfg"),   W("Intl"),  W("Jr"),    W("Sr"),   W("St"),   W("Ste"),  W("Ave"),
    W("Av"),   W("Blvd"),  W("Rd"),    W("Sq"),    W("Pl"),   W("Hts"),  W("Esq"),  W("Jan"),
    W("Feb"),  W("Mar"),   W("Apr"),   W("Jun"),   W("Jul"),  W("Aug"),  W("Sep"),  W("Sept"),
    W("Oct"),  W("Nov"),   W("Dec"),   W("Mon"),   W("Tue"),  W("Tues"), W("Wed"),  W("Thu"),
    W("Thur"), W("Thurs"), W("Fri"),   W("Sat"),   W("Sun"),  W("etc"),  W("al"),   W("Ala"),
    W("Ariz"), W("Ark"),   W("Calif"), W("Cal"),   W("Colo"), W("Conn"), W("Del"),  W("Fla"),
    W("Ga"),   W("Ill"),   W("Ind"),   W("Kan"),   W("Kans"), W("Ky"),   W("La"),   W("Md"),
    W("Mass"), W("Mich"),  W("Minn"),  W("Miss"),  W("Mo"),   W("Mont"), W("Neb"),  W("Nev"),
    W("Okla"), W("Ore"),   W("Pa"),    W("Penn"),  W("Tenn"), W("Tex"),  W("Vt"),   W("Va"),
    W("Wash"), W("Wis"),   W("Wyo"),   W("Ont"),   W("Que"),  W("Alta"), W("Man"),  W("Sask"),
    W("Dept"), W("Univ"),  W("Assn"),  W("Assoc"), W("ft"),   W("min"),  W("hr"),   W("hrs"),
    W("mins"), W("sec"),   W("est"),   W("Est"),   W("oz"),   W("lb"),   W("lbs"),  W("yr"),
    W("yrs"),  W("mo"),    W("mos"),   W("mln"),   W("bln"),  W("pct"),  W("Dist"), W("Ret"),
    W("ret"),  {0, NULL},
};

/* Capitalized words that typically begin a sentence (after an ambiguous abbreviation). */
static const word starters[] = {
    W("The"),     W("He"),        W("She"),       W("It"),      W("They"),      W("We"),
    W("I"),       W("You"),       W("A"),         W("An"),      W("This"),      W("That"),
    W("These"),   W("Those"),     W("There"),     W("Then"),    W("His"),       W("Her"),
    W("Its"),     W("Their"),     W("Our"),       W("My"),      W("Your"),      W("But"),
    W("And"),     W("Or"),        W("So"),        W("Yet"),     W("Still"),     W("In"),
    W("On"),      W("At"),        W("As"),        W("For"),     W("If"),        W("When"),
    W("While"),   W("After"),     W("Before"),    W("Since"),   W("Although"),  W("Though"),
    W("However"), W("Meanwhile"), W("Also"),      W("Some"),    W("Many"),      W("Most"),
    W("Both"),    W("Each"),      W("All"),       W("One"),     W("Two"),       W("Three"),
    W("What"),    W("Why"),       W("How"),       W("Who"),     W("Where"),     W("Which"),
    W("Now"),     W("Last"),      W("Earlier"),   W("Later"),   W("According"), W("Under"),
    W("With"),    W("By"),        W("From"),      W("Despite"), W("During"),    W("Other"),
    W("Such"),    W("Another"),   W("Asked"),     W("Instead"), W("Even"),      W("Only"),
    W("No"),      W("Not"),       W("Officials"), W("Police"),  W("Analysts"),  W("Shares"),
    W("Today"),   W("Yesterday"), W("Here"),      W("Among"),   W("Nor"),       W("Because"),
    W("Unlike"),  W("About"),     W("More"),      W("Several"), W("Further"),   W("Once"),
    W("Thus"),    W("Under"),     W("Until"),     W("Over"),    W("To"),        W("Of"),
    {0, NULL},
};

/* Speech verbs: "Why?" Smith asked. does not split. */
static const word said_verbs[] = {
    W("said"),     W("says"),     W("asked"),    W("asks"),     W("told"),
    W("tells"),    W("added"),    W("adds"),     W("shouted"),  W("yelled"),
    W("cried"),    W("replied"),  W("wrote"),    W("writes"),   W("exclaimed"),
    W("answered"), W("insisted"), W("screamed"), W("wondered"), W("recalled"),
    W("declared"), W("chanted"),  W("urged"),    W("quipped"),  {0, NULL},
};

/* "U.S", "a.m", "Ph.D", "U.A.E": 2+ dot-separated pieces of 1-2 ASCII letters. */
static bool dotted_abbrev(bytes w, size_t n)
{
    size_t pieces = 0, run = 0;
    for (size_t k = 0; k < n; k++) {
        if (w[k] == '.') {
            if (run == 0 || run > 2) return false;
            pieces++;
            run = 0;
        } else if (is_alpha_a(w[k])) {
            run++;
        } else {
            return false;
        }
    }
    if (run == 0 || run > 2) return false;
    return pieces + 1 >= 2;
}

bool sent_abbrev(const char *w, size_t n)
{
    bytes b = (bytes)w;
    return in_list(never_end, b, n) || in_list(num_prefix, b, n) || in_list(soft_end, b, n) ||
           dotted_abbrev(b, n);
}

/* ---- look-ahead ----------------------------------------------------------------------- */

typedef struct next_info {
    size_t pos;   /* first character of the next word (after blanks and openers) */
    int lines;    /* line breaks crossed */
    bool quote;   /* an opening quote was skipped */
    bool bracket; /* an opening bracket was skipped */
    bool end;     /* nothing but whitespace follows */
    bool eof;     /* nothing but whitespace and openers follows */
    int lcase;    /* letter_case of the character at pos */
    size_t wlen;  /* length of the ASCII-letter word at pos (0 if none), capped */
} next_info;

static void look_ahead(bytes p, size_t i, size_t len, next_info *ni)
{
    memset(ni, 0, sizeof *ni);
    size_t w;
    int nl;
    while (i < len && (w = ws_at(p, i, len, &nl)) != 0) {
        i += w;
        ni->lines += nl;
    }
    bool q;
    size_t guard = 0;
    while (i < len && guard < 8 && (w = opener_at(p, i, len, &q)) != 0) {
        if (q)
            ni->quote = true;
        else
            ni->bracket = true;
        i += w;
        guard++;
    }
    ni->pos = i;
    if (i >= len) {
        ni->end = !ni->quote && !ni->bracket;
        ni->eof = true;
        return;
    }
    ni->lcase = letter_case(p, i, len);
    size_t k = i;
    while (k < len && k - i < 24 && is_alpha_a(p[k])) k++;
    ni->wlen = k - i;
}

/* After "?" + closing quote: is the text at pos "Name [Name] said"? (bounded scan) */
static bool said_follows(bytes p, size_t pos, size_t len)
{
    size_t i = pos;
    for (int words = 0; words < 3 && i < len; words++) {
        size_t s = i;
        while (i < len && i - s < 24 && (is_alpha_a(p[i]) || p[i] == '-' || p[i] == '\'')) i++;
        if (i == s) return false;
        if (words > 0 && in_list(said_verbs, p + s, i - s)) return true;
        if (!is_upper_a(p[s])) return false;
        if (i >= len || p[i] != ' ') return false;
        i++;
    }
    return false;
}

/* ---- the splitter ----------------------------------------------------------------------- */

typedef struct splitter {
    bytes p;
    size_t len;
    size_t seg;    /* start of the current piece */
    bool has_word; /* the current piece has a letter or digit (in [seg, scan)) */
    size_t scan;   /* how far has_word has looked */
    sf_span *out;
    size_t n, cap;
} splitter;

static void cut(splitter *s, size_t at)
{
    size_t a = s->seg, b = at, w;
    while (a < b && (w = ws_at(s->p, a, b, NULL)) != 0) a += w;
    while (b > a && (w = ws_before(s->p, a, b)) != 0) b -= w;
    if (a < b) {
        SF_GROW(s->out, s->cap, s->n + 1);
        s->out[s->n].start = (uint32_t)a;
        s->out[s->n].end = (uint32_t)b;
        s->n++;
    }
    s->seg = at;
    s->scan = at;
    s->has_word = false;
}

/* Does the current piece, up to `upto`, hold a word character? Each byte is looked at
 * once per piece, so this stays linear. */
static bool piece_has_word(splitter *s, size_t upto)
{
    while (!s->has_word && s->scan < upto) {
        unsigned char c = s->p[s->scan++];
        if (is_alpha_a(c) || is_digit_a(c) || (c >= 0xC3 && c != 0xE2)) s->has_word = true;
    }
    return s->has_word;
}

/* Bytes that may begin whitespace or terminal punctuation; everything else is skipped. */
static const unsigned char special[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,  ['!'] = 1,
    ['.'] = 1,  ['?'] = 1,  [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* A title abbreviation ("Sen.", "Gen.", "Dr.") is followed by a name, so it ends a
 * sentence only where it is itself the end of a name: before a word no name starts
 * with ("met Hun Sen. The talks failed"), or before the very name it ends, repeated
 * ("deposed Hun Sen. Hun Sen complained"). Non-title entries (vs., e.g.) never end. */
static bool title_ends(bytes p, size_t tok, bytes t, size_t tn, const next_info *ni)
{
    if (!is_upper_a(t[0]) || ni->lcase <= 0 || ni->wlen < 2) return false;
    static const word not_titles[] = {W("Vs"),  W("E.g"),   W("I.e"),   W("Cf"),  W("Approx"),
                                      W("Esp"), W("Gov't"), W("Sec'y"), {0, NULL}};
    if (in_list(not_titles, t, tn)) return false;
    bytes next = p + ni->pos;
    if (in_list(starters, next, ni->wlen)) return true;
    /* the capitalized word before the title, if it is the next word again */
    size_t e = tok;
    while (e > 0 && p[e - 1] == ' ') e--;
    size_t b = e;
    while (b > 0 && is_alpha_a(p[b - 1])) b--;
    return e > b && e - b == ni->wlen && is_upper_a(p[b]) && memcmp(p + b, next, ni->wlen) == 0;
}

/* Should the period at p[dot] (a lone '.', run ends at r, followed by blank/end) end a
 * sentence? tok is the start of the whitespace-delimited token holding it. */
static bool period_ends(bytes p, size_t len, size_t tok, size_t dot, const next_info *ni)
{
    if (ni->end) return true;
    if (ni->eof || ni->lcase < 0) return false;
    /* strip opening quotes/brackets from the token */
    bool q;
    size_t w;
    while (tok < dot && (w = opener_at(p, tok, len, &q)) != 0) tok += w;
    bytes t = p + tok;
    size_t tn = dot - tok;
    if (tn == 0) return ni->lcase > 0; /* ". . ." style: capitalized next word */
    if (in_list(never_end, t, tn)) return title_ends(p, tok, t, tn, ni);
    if (tn == 1 && is_upper_a(t[0])) return false; /* initial: John F. Kennedy */
    bool digit = is_digit_a(p[ni->pos]);
    if (digit && in_list(num_prefix, t, tn)) return false;
    if (tn == 1 && is_lower_a(t[0]) && digit) return false;
    if (in_list(soft_end, t, tn) || dotted_abbrev(t, tn)) {
        if (ni->lcase <= 0) return false;
        if (ni->quote) return true;
        return ni->wlen > 0 && in_list(starters, p + ni->pos, ni->wlen);
    }
    return true;
}

size_t sent_split(const char *text, size_t len, sf_span **out)
{
    *out = NULL;
    if (!text || len == 0) return 0;
    if (len > UINT32_MAX) len = UINT32_MAX; /* spans are 32-bit; documents are far smaller */

    splitter s = {.p = (bytes)text, .len = len};
    bytes p = s.p;
    size_t i = 0, tok = 0;
    bool line_bullet = false;
    { /* the first line */
        size_t k = 0, w;
        while (k < len && (w = ws_at(p, k, len, NULL)) != 0) k += w;
        line_bullet = bullet_at(p, k, len);
    }

    while (i < len) {
        /* fast path: bytes that cannot start whitespace or terminal punctuation */
        while (i < len && !special[p[i]]) i++;
        if (i >= len) break;
        if (p[i] == ' ' && i + 1 < len && !special[p[i + 1]]) { /* the usual single space */
            tok = ++i;
            continue;
        }

        int nl;
        size_t w = ws_at(p, i, len, &nl);
        if (w) { /* a whitespace run */
            size_t j = i + w;
            int lines = nl;
            while (j < len && (w = ws_at(p, j, len, &nl)) != 0) {
                j += w;
                lines += nl;
            }
            if (lines >= 2) {
                cut(&s, i);
            } else if (lines == 1) {
                bool next_bullet = bullet_at(p, j, len);
                /* a bullet item ends at its line break, unless the item is hard-wrapped
                 * and continues in lowercase on the next line */
                if (next_bullet || (line_bullet && (j >= len || letter_case(p, j, len) >= 0)))
                    cut(&s, i);
                line_bullet = next_bullet;
            }
            if (lines >= 2) line_bullet = bullet_at(p, j, len);
            i = j;
            tok = j;
            continue;
        }

        size_t t = term_at(p, i, len);
        if (!t) {
            i++;
            continue;
        }

        /* a run of terminal punctuation and closers */
        size_t r = i, dots = 0;
        bool strong = false, ellipsis = false, closed_quote = false;
        for (;;) {
            size_t k;
            if (r < len && (k = term_at(p, r, len)) != 0) {
                if (p[r] == '.') {
                    dots++;
                    if (r + 1 < len && p[r + 1] == '.') ellipsis = true;
                } else if (p[r] == '!' || p[r] == '?' || (k == 3 && p[r + 2] != 0xA6))
                    strong = true;
                else
                    ellipsis = true; /* … */
                r += k;
            } else if (r < len && (k = closer_at(p, r, len)) != 0) {
                if (p[r] != ')' && p[r] != ']' && p[r] != '}') closed_quote = true;
                r += k;
            } else {
                break;
            }
        }

        if (r < len && !ws_at(p, r, len, NULL)) {
            /* "city.The": a missing space after a sentence-ending period */
            if (r == i + 1 && p[i] == '.' && is_upper_a(p[r]) && i > tok && is_lower_a(p[i - 1])) {
                size_t k = r + 1;
                while (k < len && k - r < 4 && is_lower_a(p[k])) k++;
                bool word_ok = k - r >= 3;
                /* "Agency.Com", "Example.Net": a domain with a capitalized suffix */
                if (k - r == 3 && (k >= len || !is_alpha_a(p[k]))) {
                    static const word tld[] = {W("Com"), W("Net"), W("Org"),
                                               W("Edu"), W("Gov"), {0, NULL}};
                    if (in_list(tld, p + r, 3)) word_ok = false;
                }
                bool tok_ok = word_ok && i - tok <= 64; /* bounded: keeps the pass linear */
                for (size_t m = tok; tok_ok && m < i; m++)
                    if (p[m] == '.' || p[m] == '@' || p[m] == '/' || p[m] == ':' ||
                        is_digit_a(p[m]))
                        tok_ok = false;
                if (tok_ok) {
                    size_t a = tok, q;
                    bool qq;
                    while (a < i && (q = opener_at(p, a, len, &qq)) != 0) a += q;
                    if (in_list(never_end, p + a, i - a) || in_list(soft_end, p + a, i - a) ||
                        in_list(num_prefix, p + a, i - a))
                        tok_ok = false;
                }
                if (tok_ok && piece_has_word(&s, i)) {
                    cut(&s, r);
                    tok = r;
                }
            }
            i = r;
            continue;
        }

        next_info ni;
        look_ahead(p, r, len, &ni);
        bool split;
        if (!piece_has_word(&s, i) || (ni.eof && !ni.end)) {
            split = false;
        } else if (ni.end) {
            split = true;
        } else if (ni.pos < len && term_at(p, ni.pos, len) && !ni.quote && !ni.bracket) {
            split = false; /* ". . ." spaced ellipsis continues */
        } else if (strong) {
            split =
                ni.lcase >= 0 && !(closed_quote && ni.lcase > 0 && said_follows(p, ni.pos, len));
        } else if (ellipsis || dots > 1) {
            split = ni.lcase > 0;
        } else {
            split = period_ends(p, len, tok, i, &ni);
        }
        if (split) cut(&s, r);
        i = r;
    }
    cut(&s, len);
    *out = s.out;
    return s.n;
}
