/* html_date.c — dates as pages print them, beyond the metadata forms sf_date_parse reads:
 * ordinals ("September 1st, 2023"), numeric days ("23.07.2025", "10/31/2024"), the year
 * first ("2023 Jan 7", "2025.12.17") and month names in other languages ("4. März 2025",
 * "12 mars 2025", "3 de marzo de 2025"). Used by html_meta.c on metadata values and on
 * short texts. */
#include "read/html.h"

#include "core/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Month names (lowercase) in English, German, French, Spanish, Italian, Dutch and
 * Portuguese; a word names a month when it is a prefix of one, 3 letters or more. */
static const struct {
    const char *name;
    int month;
} MONTHS[] = {
    {"january", 1},    {"januar", 1},     {"janvier", 1},     {"enero", 1},     {"gennaio", 1},
    {"januari", 1},    {"janeiro", 1},    {"february", 2},    {"februar", 2},   {"f\xC3\xA9vrier", 2},
    {"fevrier", 2},    {"febrero", 2},    {"febbraio", 2},    {"februari", 2},  {"fevereiro", 2},
    {"march", 3},      {"m\xC3\xA4rz", 3}, {"maerz", 3},      {"mars", 3},      {"marzo", 3},
    {"maart", 3},      {"mar\xC3\xA7o", 3}, {"april", 4},     {"avril", 4},     {"abril", 4},
    {"aprile", 4},     {"may", 5},        {"mai", 5},         {"mayo", 5},      {"maggio", 5},
    {"mei", 5},        {"maio", 5},       {"june", 6},        {"juni", 6},      {"juin", 6},
    {"junio", 6},      {"giugno", 6},     {"junho", 6},       {"july", 7},      {"juli", 7},
    {"juillet", 7},    {"julio", 7},      {"luglio", 7},      {"julho", 7},     {"august", 8},
    {"ao\xC3\xBBt", 8}, {"aout", 8},      {"agosto", 8},      {"augustus", 8},  {"september", 9},
    {"septembre", 9},  {"septiembre", 9}, {"setiembre", 9},   {"settembre", 9}, {"setembro", 9},
    {"october", 10},   {"oktober", 10},   {"octobre", 10},    {"octubre", 10},  {"ottobre", 10},
    {"outubro", 10},   {"november", 11},  {"novembre", 11},   {"noviembre", 11}, {"novembro", 11},
    {"december", 12},  {"dezember", 12},  {"d\xC3\xA9\x63\x65mbre", 12}, {"decembre", 12},
    {"diciembre", 12}, {"dicembre", 12},  {"dezembro", 12},
};

/* The month a word names (1-12), or 0. */
static int month_of(const char *w, size_t n)
{
    if (n < 3 || n > 12) return 0;
    char low[16];
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    if (n == 4 && memcmp(low, "sept", 4) == 0) return 9;
    for (size_t i = 0; i < sizeof MONTHS / sizeof *MONTHS; i++)
        if (strlen(MONTHS[i].name) >= n && memcmp(MONTHS[i].name, low, n) == 0) return MONTHS[i].month;
    return 0;
}

/* A token of a printed date: a number (with its digits' count) or a word. */
typedef struct tok {
    const char *s;
    size_t n;
    int num; /* the value when a number, else -1 */
    char sep; /* the separator right after it ('.', '/', '-', ' ', ',' or 0) */
} tok;

/* Up to `max` tokens from s; ordinals lose their suffix ("1st", "2nd"), "de" and "of"
 * are skipped. */
static size_t tokens(const char *s, tok *t, size_t max)
{
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && k < max) {
        const unsigned char *b = p;
        if (isdigit(*p)) {
            int v = 0;
            while (isdigit(*p) && p - b < 5) v = v * 10 + (*p++ - '0');
            if (isdigit(*p)) return k;
            t[k] = (tok){(const char *)b, (size_t)(p - b), v, 0};
            if ((p[0] == 's' && p[1] == 't') || (p[0] == 'n' && p[1] == 'd') ||
                (p[0] == 'r' && p[1] == 'd') || (p[0] == 't' && p[1] == 'h'))
                if (!isalpha(p[2])) p += 2;
        } else if (isalpha(*p) || *p >= 0xC0) {
            while (isalpha(*p) || *p >= 0x80) p++;
            t[k] = (tok){(const char *)b, (size_t)(p - b), -1, 0};
            if ((t[k].n == 2 && (strncasecmp(t[k].s, "de", 2) == 0 || strncasecmp(t[k].s, "of", 2) == 0)) ||
                (t[k].n == 3 && strncasecmp(t[k].s, "del", 3) == 0)) {
                while (*p == ' ') p++;
                continue;
            }
        } else {
            return k;
        }
        if (*p == '.' || *p == '/' || *p == '-' || *p == ',' || *p == ' ') t[k].sep = (char)*p;
        while (*p == '.' || *p == ',' || *p == ' ') p++;
        if (t[k].sep == '/' || t[k].sep == '-') p++;
        k++;
    }
    return k;
}

static int emit(int y, int m, int d, char ymd[11])
{
    if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
    snprintf(ymd, 11, "%04d-%02d-%02d", y, m, d);
    return sf_date_day(ymd) == SF_NO_DAY ? -1 : 0;
}

int html_date_parse(const char *s, char ymd[11])
{
    if (sf_date_parse(s, ymd) == 0) return 0;
    tok t[4];
    size_t n = tokens(s, t, 4);
    if (n < 3) return -1;
    int y4 = t[2].num >= 1000 && t[2].n == 4;
    /* 23.07.2025 (the day first), 10/31/2024 and 03-09-2026 (the month first unless that
     * cannot be: 15/12/2025) */
    if (t[0].num >= 0 && t[1].num >= 0 && y4 && t[0].n <= 2 && t[1].n <= 2 &&
        (t[0].sep == '.' || t[0].sep == '/' || t[0].sep == '-') && t[1].sep == t[0].sep) {
        int a = t[0].num, b = t[1].num;
        int us = t[0].sep != '.' && (b > 12 || a <= 12); /* '/' and '-': as in the US */
        return us ? emit(t[2].num, a, b, ymd) : emit(t[2].num, b, a, ymd);
    }
    /* 2025.12.17, 2025/12/17 (the year first, then the month, as ISO orders them) */
    if (t[0].n == 4 && t[0].num >= 1000 && t[1].num >= 0 && t[1].n <= 2 && t[2].num >= 0 &&
        t[2].n <= 2 && (t[0].sep == '.' || t[0].sep == '/') && t[1].sep == t[0].sep)
        return emit(t[0].num, t[1].num, t[2].num, ymd);
    /* 4. März 2025, 3 de marzo de 2025 */
    if (t[0].num >= 0 && t[0].n <= 2 && t[1].num < 0 && y4)
        return emit(t[2].num, month_of(t[1].s, t[1].n), t[0].num, ymd);
    /* September 1st, 2023; Dec. 15th 2025 */
    if (t[0].num < 0 && t[1].num >= 0 && t[1].n <= 2 && y4)
        return emit(t[2].num, month_of(t[0].s, t[0].n), t[1].num, ymd);
    /* 2023 Jan 7 */
    if (t[0].n == 4 && t[0].num >= 1000 && t[1].num < 0 && t[2].num >= 0 && t[2].n <= 2)
        return emit(t[0].num, month_of(t[1].s, t[1].n), t[2].num, ymd);
    return -1;
}
