/* gen_stream.c — the scale benchmark's article stream (bench/scale.sh): N articles as
 * JSON Lines (id, source, title, date YYYY-MM-DD, text) on stdout, made from the
 * Reuters-21578 and BBC corpora in ../shared at run time, so that no corpus text is ever
 * part of the repository.
 *
 *   gen-stream [-d DIR] [-s SEED] [-p DAYS] [--cyclic] N
 *
 * Base articles: every Reuters <REUTERS> record with a <BODY> (its <DATE>, <TITLE>; lines
 * that start indented begin a paragraph) and every BBC file (title on line 1, paragraphs
 * between blank lines). BBC files carry no date: each gets a fixed day inside the Reuters
 * span (a hash of its path), so both corpora share one time line. The bases are sorted by
 * their time.
 *
 * The stream repeats the bases in cycles: copy c of base b is dated b's date + c × DAYS
 * (default 97: beyond any clustering window, so each cycle's events recur as new events).
 * By default the articles come in date order, cycles interleaved (the Reuters span is
 * longer than DAYS), as a news feed would deliver them; the first N articles of the
 * stream are always a prefix of a longer one. --cyclic emits article k as copy k / B of
 * base k mod B instead (B bases, each cycle in date order).
 *
 * Each copy is perturbed, deterministically from (SEED, c, b): 1-5% of its words dropped
 * or replaced by a common word; a paragraph dropped (25%); two neighbouring paragraphs
 * swapped (25%); a boilerplate line added at the top or bottom (50%); the title varied
 * (an "UPDATE n-" prefix, the outlet's name after it, Reuters' capitals in title case, or
 * its last word dropped); the outlet drawn from a list. Text is sanitized once when read:
 * SGML entities decoded, control characters dropped, invalid UTF-8 replaced by U+FFFD.
 *
 * Speed: a million articles (about 1.1 GB of JSON) take about 9 s; the output goes
 * through one large buffer. Exit status: 0 ok, 2 usage or unreadable corpora. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers --------------------------------------------------------------------- */

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "gen-stream: out of memory\n");
        exit(2);
    }
    return p;
}

typedef struct {
    char *p;
    size_t n, cap;
} buf;

static void buf_reserve(buf *b, size_t more)
{
    if (b->n + more <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + more) cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

static void buf_add(buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void buf_addc(buf *b, char c)
{
    buf_reserve(b, 1);
    b->p[b->n++] = c;
}

static void buf_adds(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static char *buf_dup(const buf *b)
{
    char *s = xrealloc(NULL, b->n + 1);
    if (b->n) memcpy(s, b->p, b->n);
    s[b->n] = '\0';
    return s;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    buf b = {0};
    for (;;) {
        buf_reserve(&b, 1 << 16);
        size_t k = fread(b.p + b.n, 1, b.cap - b.n, f);
        b.n += k;
        if (k == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(b.p);
        return NULL;
    }
    buf_addc(&b, '\0');
    *len = b.n - 1;
    return b.p;
}

/* splitmix64: one independent stream per (seed, cycle, base) */
typedef struct {
    uint64_t s;
} rng;

static uint64_t rnd(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint32_t rndn(rng *r, uint32_t n) { return n ? (uint32_t)(rnd(r) % n) : 0; }

/* a probability in units of 1/65536, so that the per-word draw is an integer compare */
static int chance16(rng *r, uint32_t p16) { return (rnd(r) & 0xFFFF) < p16; }

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* days since 1970-01-01 <-> civil date (H. Hinnant's algorithms) */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ---- base articles ----------------------------------------------------------------------- */

typedef struct {
    int64_t t;      /* seconds since the epoch: the sort key */
    int reuters;    /* else BBC */
    char *title;    /* sanitized */
    char **para;    /* sanitized paragraphs, each on one line */
    size_t n_para;
} base;

static base *bases;
static size_t n_bases, cap_bases;

static base *base_push(void)
{
    if (n_bases == cap_bases) {
        cap_bases = cap_bases ? cap_bases * 2 : 1024;
        bases = xrealloc(bases, cap_bases * sizeof *bases);
    }
    base *b = &bases[n_bases++];
    memset(b, 0, sizeof *b);
    return b;
}

/* Appends s[0..n) to out: SGML entities decoded (when sgml), runs of whitespace folded to
 * one space, control characters dropped, invalid UTF-8 bytes replaced by U+FFFD; the
 * result is safe to put in a JSON string once quotes and backslashes are escaped. */
static void clean_append(buf *out, const char *s, size_t n, int sgml)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (sgml && c == '&') {
            static const struct {
                const char *e;
                char c;
            } ents[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}};
            size_t k;
            for (k = 0; k < sizeof ents / sizeof *ents; k++) {
                size_t el = strlen(ents[k].e);
                if (i + el <= n && !memcmp(s + i, ents[k].e, el)) {
                    buf_addc(out, ents[k].c);
                    i += el;
                    break;
                }
            }
            if (k < sizeof ents / sizeof *ents) continue;
            if (i + 2 < n && s[i + 1] == '#') { /* &#N; : control codes in this corpus */
                size_t j = i + 2;
                while (j < n && j < i + 8 && s[j] >= '0' && s[j] <= '9') j++;
                if (j < n && s[j] == ';') {
                    i = j + 1;
                    continue;
                }
            }
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (out->n && out->p[out->n - 1] != ' ') buf_addc(out, ' ');
            i++;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            i++;
            continue;
        }
        if (c < 0x80) {
            buf_addc(out, (char)c);
            i++;
            continue;
        }
        /* a UTF-8 sequence: its length from the lead byte, continuation bytes checked */
        size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                   : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        int ok = len && i + len <= n;
        for (size_t k = 1; ok && k < len; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80) ok = 0;
        if (ok && len == 3) { /* no overlongs, no surrogates */
            unsigned char c1 = (unsigned char)s[i + 1];
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) ok = 0;
        }
        if (ok && len == 4) {
            unsigned char c1 = (unsigned char)s[i + 1];
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) ok = 0;
        }
        if (ok) {
            buf_add(out, s + i, len);
            i += len;
        } else {
            buf_add(out, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
}

static char *clean_dup(const char *s, size_t n, int sgml)
{
    buf b = {0};
    clean_append(&b, s, n, sgml);
    while (b.n && b.p[b.n - 1] == ' ') b.n--;
    char *r = buf_dup(&b);
    free(b.p);
    return r;
}

static void add_para(base *b, const char *s, size_t n, int sgml)
{
    char *p = clean_dup(s, n, sgml);
    char *q = p;
    while (*q == ' ') q++;
    if (!*q) {
        free(p);
        return;
    }
    if (q != p) memmove(p, q, strlen(q) + 1);
    b->para = xrealloc(b->para, (b->n_para + 1) * sizeof *b->para);
    b->para[b->n_para++] = p;
}

/* the contents of <tag>...</tag> inside [s, end), or NULL */
static const char *find_elem(const char *s, const char *end, const char *open,
                             const char *close, size_t *len)
{
    const char *a = strstr(s, open);
    if (!a || a >= end) return NULL;
    a += strlen(open);
    const char *z = strstr(a, close);
    if (!z || z > end) return NULL;
    *len = (size_t)(z - a);
    return a;
}

static const char *const MONTHS[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                     "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

/* "26-FEB-1987 15:01:01.79" -> seconds since the epoch, or -1 */
static int64_t parse_reuters_date(const char *s, size_t n)
{
    char tmp[64];
    if (n >= sizeof tmp) n = sizeof tmp - 1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *p = tmp;
    while (*p == ' ') p++;
    int d, y, hh = 0, mm = 0, ss = 0;
    char mon[4];
    if (sscanf(p, "%d-%3s-%d %d:%d:%d", &d, mon, &y, &hh, &mm, &ss) < 3) return -1;
    for (int m = 0; m < 12; m++)
        if (!strcmp(mon, MONTHS[m])) return days_from_civil(y, m + 1, d) * 86400 + hh * 3600 + mm * 60 + ss;
    return -1;
}

static void load_reuters_file(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        fprintf(stderr, "gen-stream: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    const char *p = text;
    while ((p = strstr(p, "<REUTERS")) != NULL) {
        const char *end = strstr(p, "</REUTERS>");
        if (!end) break;
        size_t n_body = 0, n_date = 0, n_title = 0;
        const char *body = find_elem(p, end, "<BODY>", "</BODY>", &n_body);
        const char *date = find_elem(p, end, "<DATE>", "</DATE>", &n_date);
        const char *title = find_elem(p, end, "<TITLE>", "</TITLE>", &n_title);
        int64_t t = date ? parse_reuters_date(date, n_date) : -1;
        if (body && t >= 0) {
            base *b = base_push();
            b->t = t;
            b->reuters = 1;
            /* a line that starts with whitespace begins a paragraph; the rest are wrapped
             * lines of the current one */
            const char *a = body, *z = body + n_body, *start = body;
            while (a < z) {
                const char *nl = memchr(a, '\n', (size_t)(z - a));
                const char *next = nl ? nl + 1 : z;
                if (next < z && (*next == ' ' || *next == '\t')) {
                    add_para(b, start, (size_t)(next - start), 1);
                    start = next;
                }
                a = next;
            }
            add_para(b, start, (size_t)(z - start), 1);
            if (title)
                b->title = clean_dup(title, n_title, 1);
            if (!b->title || !b->title[0]) { /* a few stories have none: the first words */
                free(b->title);
                b->title = b->n_para ? clean_dup(b->para[0], strcspn(b->para[0], ".,;"), 0)
                                     : clean_dup("UNTITLED", 8, 0);
            }
            if (!b->n_para) { /* nothing but entities and blanks */
                free(b->title);
                n_bases--;
            }
        }
        p = end + 10;
    }
    free(text);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the entries of dir (no dot files), sorted by name; NULL when it cannot be read */
static char **list_dir(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) return NULL;
    char **v = NULL;
    *n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        v = xrealloc(v, (*n + 1) * sizeof *v);
        v[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(v, *n, sizeof *v, name_cmp);
    return v;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

static size_t load_reuters(const char *root)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/reuters21578", root);
    size_t n, before = n_bases;
    char **names = list_dir(dir, &n);
    if (!names) return 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (l < 4 || strcmp(names[i] + l - 4, ".sgm")) continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        load_reuters_file(path);
    }
    free_list(names, n);
    return n_bases - before;
}

/* BBC files: title on line 1, paragraphs between blank lines; dated at a fixed day of
 * [day0, day1] drawn from the file's name, at a fixed second of that day */
static size_t load_bbc(const char *root, int64_t day0, int64_t day1)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/bbc", root);
    size_t nt, before = n_bases;
    char **topics = list_dir(dir, &nt);
    if (!topics) return 0;
    for (size_t i = 0; i < nt; i++) {
        char tdir[8192];
        snprintf(tdir, sizeof tdir, "%s/%s", dir, topics[i]);
        size_t nf;
        char **files = list_dir(tdir, &nf);
        if (!files) continue; /* README.TXT and the like */
        for (size_t j = 0; j < nf; j++) {
            size_t l = strlen(files[j]);
            if (l < 4 || strcmp(files[j] + l - 4, ".txt")) continue;
            char path[12288];
            snprintf(path, sizeof path, "%s/%s", tdir, files[j]);
            size_t len;
            char *text = read_file(path, &len);
            if (!text) continue;
            const char *nl = memchr(text, '\n', len);
            if (!nl) {
                free(text);
                continue;
            }
            base *b = base_push();
            b->title = clean_dup(text, (size_t)(nl - text), 0);
            /* paragraphs: runs of lines between blank lines */
            const char *a = nl + 1, *z = text + len, *start = NULL;
            while (a <= z) {
                const char *e = a < z ? memchr(a, '\n', (size_t)(z - a)) : NULL;
                if (!e) e = z;
                int blank = 1;
                for (const char *q = a; q < e; q++)
                    if (*q != ' ' && *q != '\t' && *q != '\r') blank = 0;
                if (blank) {
                    if (start) add_para(b, start, (size_t)(a - start), 0);
                    start = NULL;
                } else if (!start) {
                    start = a;
                }
                if (e == z) break;
                a = e + 1;
            }
            if (start) add_para(b, start, (size_t)(z - start), 0);
            free(text);
            char key[256];
            snprintf(key, sizeof key, "bbc/%s/%s", topics[i], files[j]);
            uint64_t h = hash_str(key);
            b->t = (day0 + (int64_t)(h % (uint64_t)(day1 - day0 + 1))) * 86400 +
                   (int64_t)((h >> 32) % 86400);
            if (!b->n_para || !b->title[0]) {
                free(b->title);
                for (size_t k = 0; k < b->n_para; k++) free(b->para[k]);
                free(b->para);
                n_bases--;
            }
        }
        free_list(files, nf);
    }
    free_list(topics, nt);
    return n_bases - before;
}

static int by_time(const void *pa, const void *pb)
{
    const base *a = pa, *b = pb;
    if (a->t != b->t) return a->t < b->t ? -1 : 1;
    if (a->reuters != b->reuters) return a->reuters ? -1 : 1;
    int c = strcmp(a->title, b->title);
    if (c) return c;
    return strcmp(a->para[0], b->para[0]);
}

/* ---- output -------------------------------------------------------------------------------- */

static buf out;

static void flush_out(void)
{
    if (out.n && fwrite(out.p, 1, out.n, stdout) != out.n) {
        if (errno != EPIPE) fprintf(stderr, "gen-stream: writing: %s\n", strerror(errno));
        exit(errno == EPIPE ? 0 : 2);
    }
    out.n = 0;
}

/* a JSON string body: the text was sanitized (no control characters, valid UTF-8) except
 * for the newlines this program puts between paragraphs */
static void json_str(buf *b, const char *s, size_t n)
{
    buf_reserve(b, 2 * n + 2);
    char *o = b->p + b->n;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"' || c == '\\') {
            *o++ = '\\';
            *o++ = c;
        } else if (c == '\n') {
            *o++ = '\\';
            *o++ = 'n';
        } else {
            *o++ = c;
        }
    }
    *o++ = '"';
    b->n = (size_t)(o - b->p);
}

static const char *const OUTLETS_WIRE[] = {
    "Reuters", "Reuters", "Reuters", "Daily Courier", "The Morning Ledger", "Financial Gazette",
    "Metro Herald", "Coastal Times", "The Business Standard", "Evening Chronicle",
};
static const char *const OUTLETS_BBC[] = {
    "BBC News", "BBC News", "BBC News", "Daily Courier", "The Morning Ledger", "Metro Herald",
    "Coastal Times", "The Weekly Review", "Northern Echo Online", "Evening Chronicle",
};
#define COUNT(a) (sizeof(a) / sizeof *(a))

/* boilerplate lines; '@' stands for the outlet's name */
static const char *const BOILER[] = {
    "Copyright @. All rights reserved.",
    "Additional reporting by staff correspondents. Editing by the @ desk.",
    "Follow @ for the latest updates on this story.",
    "This article originally appeared on @.",
    "Sign up for the @ morning briefing, delivered to your inbox.",
    "Share this article: email, print, comment.",
    "Advertisement",
    "(Reporting by @ staff; additional reporting by wire services)",
};

static void add_boiler(buf *o, const char *line, const char *outlet)
{
    for (; *line; line++)
        if (*line == '@') buf_adds(o, outlet);
        else buf_addc(o, *line);
}

/* common words that replace the ones a copy edits */
static const char *const FILLER[] = {
    "the", "a", "also", "said", "reported", "officials", "new", "major", "recent",
    "company", "market", "on", "in", "which", "further", "some", "earlier", "expected",
};

typedef struct {
    buf text, title;
    size_t *order, cap_order; /* the copy's paragraphs, as indexes into the base's */
} work;

/* one word-level pass over a paragraph: drops or replaces about p16/65536 of its words */
static void perturb_words(buf *o, const char *s, rng *r, uint32_t p16)
{
    int first = 1;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *w = s;
        while (*s && *s != ' ') s++;
        size_t wl = (size_t)(s - w);
        const char *put = w;
        size_t pl = wl;
        if (chance16(r, p16)) {
            if (rnd(r) & 1) continue; /* dropped */
            put = FILLER[rndn(r, COUNT(FILLER))];
            pl = strlen(put);
        }
        if (!first) buf_addc(o, ' ');
        buf_add(o, put, pl);
        first = 0;
    }
}

/* Reuters' capitals in title case: "BAHIA COCOA REVIEW" -> "Bahia Cocoa Review" */
static void title_case(buf *o, const char *s)
{
    int start = 1;
    for (; *s; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z' && !start) c = (char)(c - 'A' + 'a');
        buf_addc(o, c);
        start = c == ' ' || c == '-' || c == '/' || c == '(';
    }
}

static void emit(work *wk, uint64_t seed, uint32_t cycle, size_t bi, int days)
{
    const base *b = &bases[bi];
    rng r = {seed * 0xD6E8FEB86659FD93ULL ^ ((uint64_t)cycle << 32 | (uint64_t)bi) * 0x9E3779B97F4A7C15ULL};
    rnd(&r);
    const char *outlet = b->reuters ? OUTLETS_WIRE[rndn(&r, COUNT(OUTLETS_WIRE))]
                                    : OUTLETS_BBC[rndn(&r, COUNT(OUTLETS_BBC))];

    /* paragraph order: maybe one dropped (never the lead), maybe two neighbours swapped */
    size_t np = b->n_para, no = 0;
    if (np > wk->cap_order) wk->order = xrealloc(wk->order, (wk->cap_order = np) * sizeof *wk->order);
    size_t *order = wk->order;
    size_t drop = np >= 3 && chance16(&r, 16384) ? 1 + rndn(&r, (uint32_t)(np - 1)) : (size_t)-1;
    for (size_t i = 0; i < np; i++)
        if (i != drop) order[no++] = i;
    if (no >= 3 && chance16(&r, 16384)) {
        size_t i = 1 + rndn(&r, (uint32_t)(no - 2));
        size_t t = order[i];
        order[i] = order[i + 1];
        order[i + 1] = t;
    }
    uint32_t p16 = 655 + rndn(&r, 2622); /* 1% to 5% of the words */
    int boiler = chance16(&r, 32768) ? (rnd(&r) & 1 ? 1 : 2) : 0; /* 1 top, 2 bottom */
    const char *bl = boiler ? BOILER[rndn(&r, COUNT(BOILER))] : NULL;

    wk->text.n = 0;
    if (boiler == 1) {
        add_boiler(&wk->text, bl, outlet);
        buf_add(&wk->text, "\n\n", 2);
    }
    for (size_t i = 0; i < no; i++) {
        if (i) buf_add(&wk->text, "\n\n", 2);
        size_t before = wk->text.n;
        perturb_words(&wk->text, b->para[order[i]], &r, p16);
        if (wk->text.n == before) buf_adds(&wk->text, b->para[order[i]]);
    }
    if (boiler == 2) {
        buf_add(&wk->text, "\n\n", 2);
        add_boiler(&wk->text, bl, outlet);
    }

    /* the title: as it was (40%), an update (20%), the outlet after it (15%), title case
     * for Reuters' capitals (15%), its last word dropped (10%) */
    wk->title.n = 0;
    uint32_t v = rndn(&r, 100);
    if (v < 40) {
        buf_adds(&wk->title, b->title);
    } else if (v < 60) {
        char u[32];
        snprintf(u, sizeof u, "UPDATE %u-", 1 + rndn(&r, 3));
        buf_adds(&wk->title, u);
        buf_adds(&wk->title, b->title);
    } else if (v < 75) {
        buf_adds(&wk->title, b->title);
        buf_adds(&wk->title, " - ");
        buf_adds(&wk->title, outlet);
    } else if (v < 90 && b->reuters) {
        title_case(&wk->title, b->title);
    } else {
        const char *sp = strrchr(b->title, ' ');
        buf_add(&wk->title, b->title, sp && sp > b->title ? (size_t)(sp - b->title) : strlen(b->title));
    }

    int y, m, d;
    civil_from_days(b->t / 86400 + (int64_t)cycle * days, &y, &m, &d);
    char head[160];
    int hn = snprintf(head, sizeof head, "{\"id\":\"g%llu-c%u-b%zu\",\"source\":",
                      (unsigned long long)seed, cycle, bi);
    buf_add(&out, head, (size_t)hn);
    json_str(&out, outlet, strlen(outlet));
    buf_adds(&out, ",\"title\":");
    json_str(&out, wk->title.p, wk->title.n);
    hn = snprintf(head, sizeof head, ",\"date\":\"%04d-%02d-%02d\",\"text\":", y, m, d);
    buf_add(&out, head, (size_t)hn);
    json_str(&out, wk->text.p, wk->text.n);
    buf_add(&out, "}\n", 2);
    if (out.n >= (1u << 20)) flush_out();
}

static void usage(void)
{
    fprintf(stderr, "usage: gen-stream [-d DIR] [-s SEED] [-p DAYS] [--cyclic] N\n"
                    "  N articles as JSON Lines on stdout, from DIR/reuters21578/*.sgm and\n"
                    "  DIR/bbc/<topic>/*.txt (default DIR ../shared/data/corpora); copy c of a\n"
                    "  base article is dated c x DAYS (default 97) later; SEED default 1.\n"
                    "  Articles come in date order; --cyclic: article k = base k mod B.\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *dir = "../shared/data/corpora";
    uint64_t seed = 1;
    int days = 97, cyclic = 0;
    long long n = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-d") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "-s") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "-p") && i + 1 < argc) days = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--cyclic")) cyclic = 1;
        else if (argv[i][0] >= '0' && argv[i][0] <= '9' && n < 0) n = atoll(argv[i]);
        else usage();
    }
    if (n < 0 || days < 1) usage();

    size_t n_reuters = load_reuters(dir);
    if (!n_reuters) {
        fprintf(stderr, "gen-stream: no Reuters stories under %s/reuters21578\n", dir);
        return 2;
    }
    int64_t day0 = INT64_MAX, day1 = INT64_MIN;
    for (size_t i = 0; i < n_bases; i++) {
        if (bases[i].t / 86400 < day0) day0 = bases[i].t / 86400;
        if (bases[i].t / 86400 > day1) day1 = bases[i].t / 86400;
    }
    size_t n_bbc = load_bbc(dir, day0, day1);
    qsort(bases, n_bases, sizeof *bases, by_time);
    fprintf(stderr, "gen-stream: %zu base articles (%zu Reuters, %zu BBC), %lld articles, "
                    "a cycle every %d days\n", n_bases, n_reuters, n_bbc, n, days);

    work wk = {0};
    if (cyclic) {
        for (long long k = 0; k < n; k++)
            emit(&wk, seed, (uint32_t)((size_t)k / n_bases), (size_t)k % n_bases, days);
    } else {
        /* merge the cycles by time: cycle c's next base is pos[c]; cycles lo..hi have
         * started, and cycle hi + 1 starts once its first article is the earliest */
        size_t *pos = NULL;
        size_t lo = 0, hi = 0, cap = 0;
        pos = xrealloc(pos, (cap = 64) * sizeof *pos);
        pos[0] = 0;
        int64_t step = (int64_t)days * 86400;
        for (long long k = 0; k < n; k++) {
            size_t best = (size_t)-1;
            int64_t best_t = INT64_MAX;
            for (size_t c = lo; c <= hi; c++) {
                if (pos[c] >= n_bases) continue;
                int64_t t = bases[pos[c]].t + (int64_t)c * step;
                if (t < best_t) best_t = t, best = c;
            }
            if (bases[0].t + (int64_t)(hi + 1) * step < best_t) {
                if (hi + 2 > cap) pos = xrealloc(pos, (cap *= 2) * sizeof *pos);
                pos[++hi] = 0;
                best = hi;
            }
            emit(&wk, seed, (uint32_t)best, pos[best]++, days);
            while (lo < hi && pos[lo] >= n_bases) lo++;
        }
        free(pos);
    }
    flush_out();
    free(out.p);
    free(wk.text.p);
    free(wk.title.p);
    free(wk.order);
    if (fflush(stdout) != 0) return errno == EPIPE ? 0 : 2;
    return 0;
}
