/* test_store.c — the SQLite store end to end through the public API (sf_db_open, ingest,
 * stories, search, briefs) on a temporary file: schema and pragmas, deduplication,
 * byte-exact search spans, brief citations, persistence, and refusing a newer schema. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/date.h"
#include "store/store.h"
#include "storyfold.h"

/* ---- fixture: a temporary directory holding the store -------------------------------- */

typedef struct fx {
    char dir[64];
    char path[128];
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f) return -1;
    strcpy(f->dir, "/tmp/sf_test_store_XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/sf.db", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    DIR *d = opendir(f->dir);
    if (d) {
        struct dirent *e;
        char p[512];
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
            unlink(p);
        }
        closedir(d);
    }
    int rc = rmdir(f->dir);
    free(f);
    return rc;
}

/* ---- invented articles ---------------------------------------------------------------- */

typedef struct art {
    const char *title, *source, *date, *text;
} art;

/* Two events: a dam emergency (3 reports) and a lunar probe launch (2 reports). The
 * second flood report opens with non-ASCII text so that byte offsets and character
 * offsets of its later sentences differ. */
static const art arts[] = {
    {"Harlow Dam cracks force Eastwick evacuation", "Valley Courier", "2031-04-07",
     "Engineers warned that the Harlow Dam above Eastwick could fail after days of "
     "torrential rain. The reservoir behind the dam reached a record level and cracks "
     "appeared in the spillway.\n\nAbout four thousand residents of Eastwick were ordered "
     "to evacuate their homes before nightfall."},
    {"Eastwick empties as Harlow reservoir rises", "Nordic Wire", "2031-04-08",
     "Mayor Bj\xC3\xB6rn \xC3\x85str\xC3\xB6m of Eastwick called the evacuation "
     "\xE2\x80\x9Cthe hardest night this town has known\xE2\x80\x9D. Water poured over the "
     "cracked spillway of the Harlow Dam.\n\nSpring floods below the Harlow reservoir have "
     "closed every road out of Eastwick, dam engineers reported."},
    {"Harlow Dam spillway could collapse, engineers say", "Eastern Post", "2031-04-09",
     "Engineers are inspecting the damaged spillway of the Harlow Dam as the reservoir keeps "
     "rising. Officials fear a collapse of the dam would send a wave into the valley where "
     "evacuated Eastwick residents left their homes."},
    {"Selene-4 probe launched to the Moon", "Science Today", "2031-04-08",
     "The Selene-4 lunar probe lifted off from the Kourama spaceport aboard a heavy rocket. "
     "The probe will orbit the Moon for a year and map ice in polar craters."},
    {"Lunar orbiter Selene-4 deploys its panels", "Valley Courier", "2031-04-09",
     "Mission controllers confirmed the Selene-4 lunar probe separated from its heavy rocket "
     "after launch from Kourama spaceport. The orbiter deployed its solar panels on the way "
     "to the Moon to map polar craters."},
};
#define NARTS (sizeof arts / sizeof *arts)

static sf_doc *doc_of(const art *a, const char *text_override)
{
    sf_doc *d = sf_doc_new();
    d->title = strdup(a->title);
    d->source = strdup(a->source);
    d->date = strdup(a->date);
    d->day = sf_date_day(a->date);
    d->text = strdup(text_override ? text_override : a->text);
    d->len = strlen(d->text);
    char path[32];
    snprintf(path, sizeof path, "fixture-%d", (int)(a - arts));
    d->path = strdup(path);
    return d;
}

static sf_db *open_ok(const char *path)
{
    sf_error err = {0};
    sf_db *db = sf_db_open(path, &err);
    if (!db) fail_msg("sf_db_open(%s): %s", path, err.msg);
    return db;
}

/* Ingest all articles; returns the final stats. */
static sf_ingest_stats ingest_all(sf_db *db)
{
    sf_error err = {0};
    sf_ingest *in = sf_ingest_new(db, &err);
    if (!in) fail_msg("sf_ingest_new: %s", err.msg);
    for (size_t i = 0; i < NARTS; i++)
        if (sf_ingest_take(in, doc_of(&arts[i], NULL), &err) != SF_OK)
            fail_msg("sf_ingest_take %zu: %s", i, err.msg);
    sf_ingest_stats st = *sf_ingest_stats_get(in);
    assert_int_equal(sf_ingest_free(in, &err), SF_OK);
    return st;
}

/* A read-only handle on the same file, to look under the API. */
static sqlite3 *raw_open(const char *path)
{
    sqlite3 *h = NULL;
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        fail_msg("sqlite3_open_v2(%s): %s", path, h ? sqlite3_errmsg(h) : "?");
    return h;
}

static int64_t raw_int(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(h));
    int64_t v = -1;
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static void raw_text(sqlite3 *h, const char *sql, char *out, size_t cap)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(h));
    out[0] = '\0';
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
}

/* ---- tests ------------------------------------------------------------------------------ */

static void test_schema(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    sqlite3 *h = raw_open(f->path);
    assert_int_equal(raw_int(h, "PRAGMA user_version"), 7);
    char mode[32];
    raw_text(h, "PRAGMA journal_mode", mode, sizeof mode);
    assert_string_equal(mode, "wal");
    const char *tables[] = {"doc",   "sentence",  "sentence_fts",   "story", "term_df",
                            "meta",  "mention",   "entity_mention", "claim", "timex",
                            "quote", "signature", "passage", "learned_line",
                            "learned_once"};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE name = '%s'",
                 tables[i]);
        if (raw_int(h, sql) != 1) fail_msg("table %s missing", tables[i]);
    }
    assert_int_equal(raw_int(h, "SELECT count(*) FROM doc"), 0);
    sqlite3_close(h);

    /* an empty store lists no stories */
    sf_error err = {0};
    sf_story_list *l = sf_stories_new(db, &err);
    assert_non_null(l);
    assert_int_equal(l->n, 0);
    sf_stories_free(l);
    sf_db_close(db);

    /* opening again does not migrate twice */
    db = open_ok(f->path);
    sf_db_close(db);
    h = raw_open(f->path);
    assert_int_equal(raw_int(h, "PRAGMA user_version"), 7);
    /* a version 5 store (before learned boilerplate) gets the tables on opening */
    sqlite3_close(h);
    assert_int_equal(sqlite3_open(f->path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "DROP TABLE learned_line; DROP TABLE learned_source;"
                                  " DROP TABLE learned_once; PRAGMA user_version = 5;", NULL,
                                  NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    db = open_ok(f->path);
    sf_db_close(db);
    h = raw_open(f->path);
    assert_int_equal(raw_int(h, "PRAGMA user_version"), 7);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM learned_line"), 0);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM learned_once"), 0);
    sqlite3_close(h);
}

/* Entity mentions are stored with the document, readable with SQL (names cut by bytes,
 * after non-ASCII text), and come back with the story's documents. */
static void test_mentions(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    sf_error err = {0};
    sf_ingest *in = sf_ingest_new(db, &err);
    assert_non_null(in);
    sf_doc *d = doc_of(&arts[1], NULL);
    assert_int_equal(sf_doc_analyze(d, &err), SF_OK);
    const char *mayor = strstr(d->text, "Bj\xC3\xB6rn"), *dam = strstr(d->text, "Harlow Dam");
    uint32_t m0 = (uint32_t)(mayor - d->text), d0 = (uint32_t)(dam - d->text);
    uint32_t m1 = m0 + (uint32_t)strlen("Bj\xC3\xB6rn \xC3\x85str\xC3\xB6m"), d1 = d0 + 10;
    d->ents = calloc(2, sizeof *d->ents);
    d->ents[0] = (sf_entity){m0, m1, SF_ENT_PER, m0, m1, 42};
    d->ents[1] = (sf_entity){d0, d1, SF_ENT_LOC, d0, d1, (uint64_t)-7}; /* above INT64_MAX */
    d->n_ents = 2;
    assert_int_equal(sf_ingest_take(in, d, &err), SF_OK);
    assert_int_equal(sf_ingest_free(in, &err), SF_OK);

    sqlite3 *h = raw_open(f->path);
    char name[64];
    raw_text(h, "SELECT name FROM entity_mention WHERE type = 'PER'", name, sizeof name);
    assert_string_equal(name, "Bj\xC3\xB6rn \xC3\x85str\xC3\xB6m");
    raw_text(h, "SELECT text FROM entity_mention WHERE type = 'LOC'", name, sizeof name);
    assert_string_equal(name, "Harlow Dam");
    assert_int_equal(raw_int(h, "SELECT count(*) FROM mention WHERE entity = 42"), 1);
    sqlite3_close(h);

    sf_story_list *l = sf_stories_new(db, &err);
    assert_non_null(l);
    assert_int_equal(l->n, 1);
    sf_brief *b = sf_brief_build(db, l->rows[0].id, 100, &err);
    sf_stories_free(l);
    assert_non_null(b);
    assert_int_equal(b->docs[0]->n_ents, 2);
    assert_int_equal(b->docs[0]->ents[0].start, m0);
    assert_int_equal(b->docs[0]->ents[0].type, SF_ENT_PER);
    assert_true(b->docs[0]->ents[1].key == (uint64_t)-7);
    sf_brief_free(b);
    sf_db_close(db);
}

/* Quotations and time expressions are stored with the document; `quotes --who` finds a
 * person by a spelling variant of the full name or of the surname, or by the speaker's
 * words; partial quotes only when asked for. */
static void test_quotes(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    sf_error err = {0};
    sf_ingest *in = sf_ingest_new(db, &err);
    assert_non_null(in);
    sf_doc *d = doc_of(&arts[1], "Mayor Bj\xC3\xB6rn \xC3\x85str\xC3\xB6m spoke on Friday. "
                                 "\"The wall will hold,\" he said. A spokesman called the plan "
                                 "\"a gamble\". \"Stay home,\" a police officer said.");
    assert_int_equal(sf_doc_analyze(d, &err), SF_OK);
    const char *t = d->text;
    uint32_t n0 = (uint32_t)(strstr(t, "Bj") - t), n1 = (uint32_t)(strstr(t, " spoke") - t);
    uint32_t q0 = (uint32_t)(strstr(t, "The wall") - t), q1 = q0 + 19;
    uint32_t he = (uint32_t)(strstr(t, "he said") - t);
    uint32_t g0 = (uint32_t)(strstr(t, "a gamble") - t), sp = (uint32_t)(strstr(t, "A spokes") - t);
    uint32_t s0 = (uint32_t)(strstr(t, "Stay") - t), po = (uint32_t)(strstr(t, "a police") - t);
    uint64_t key = 77;
    free(d->quotes);
    d->quotes = calloc(3, sizeof *d->quotes);
    d->quotes[0] = (sf_quote){q0, q1, SF_QUOTE_DIRECT, he + 3, he + 7, he, he + 2, n0, n1, key};
    d->quotes[1] = (sf_quote){g0, g0 + 8, SF_QUOTE_PARTIAL, sp + 12, sp + 18, sp, sp + 11, 0, 0, 0};
    d->quotes[2] = (sf_quote){s0, s0 + 10, SF_QUOTE_DIRECT, po + 17, po + 21, po, po + 16, 0, 0, 0};
    d->n_quotes = 3;
    free(d->timexes);
    d->timexes = calloc(1, sizeof *d->timexes);
    uint32_t fr = (uint32_t)(strstr(t, "Friday") - t);
    d->timexes[0] = (sf_timex){fr, fr + 6, SF_TIMEX_DATE, "2031-04-04", 22374, 22374};
    d->n_timexes = 1;
    assert_int_equal(sf_ingest_take(in, d, &err), SF_OK);
    assert_int_equal(sf_ingest_free(in, &err), SF_OK);

    sqlite3 *h = raw_open(f->path);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM quote"), 3);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM quote WHERE entity = 77 AND speaker = 'he'"),
                     1);
    assert_int_equal(raw_int(h, "SELECT first FROM timex WHERE value = '2031-04-04'"), 22374);
    sqlite3_close(h);

    struct {
        const char *who;
        int partial;
        size_t n;
    } cases[] = {
        {NULL, 0, 2},
        {NULL, 1, 3},
        {"Bjorn Astrom", 0, 1},
        {"astrom", 0, 1},
        {"police officer", 0, 1},
        {"spokesman", 1, 1},
        {"spokesman", 0, 0},
        {"Astor", 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_quote_rows *r = sf_quotes_new(db, cases[i].who, cases[i].partial, 0, &err);
        assert_non_null(r);
        if (r->n != cases[i].n)
            fail_msg("who %s partial %d: %zu quotes, want %zu", cases[i].who ? cases[i].who : "-",
                     cases[i].partial, r->n, cases[i].n);
        sf_quote_rows_free(r);
    }
    sf_quote_rows *r = sf_quotes_new(db, "astrom", 0, 0, &err);
    assert_string_equal(r->rows[0].text, "The wall will hold,");
    assert_string_equal(r->rows[0].speaker, "he");
    assert_string_equal(r->rows[0].name, "Bj\xC3\xB6rn \xC3\x85str\xC3\xB6m");
    assert_string_equal(r->rows[0].date, arts[1].date);
    assert_int_equal(r->rows[0].partial, 0);
    sf_quote_rows_free(r);
    sf_db_close(db);
}

static int64_t story_of_title(const sf_story_list *l, const char *title)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->rows[i].title && strcmp(l->rows[i].title, title) == 0) return l->rows[i].id;
    return -1;
}

static void check_stories(sf_db *db)
{
    sf_error err = {0};
    sf_story_list *l = sf_stories_new(db, &err);
    assert_non_null(l);
    assert_int_equal(l->n, 2);
    /* each story is titled after its first document */
    int64_t dam = story_of_title(l, arts[0].title), probe = story_of_title(l, arts[3].title);
    assert_true(dam > 0 && probe > 0 && dam != probe);
    for (size_t i = 0; i < l->n; i++) {
        const sf_story_row *r = &l->rows[i];
        if (r->id == dam) {
            assert_int_equal(r->n_docs, 3);
            assert_int_equal(r->n_sources, 3);
            assert_string_equal(r->first_date, "2031-04-07");
            assert_string_equal(r->last_date, "2031-04-09");
        } else {
            assert_int_equal(r->n_docs, 2);
            assert_int_equal(r->n_sources, 2);
            assert_string_equal(r->first_date, "2031-04-08");
            assert_string_equal(r->last_date, "2031-04-09");
        }
    }
    sf_stories_free(l);
}

static void test_ingest_dedup_stories(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    sf_ingest_stats st = ingest_all(db);
    assert_int_equal(st.seen, NARTS);
    assert_int_equal(st.added, NARTS);
    assert_int_equal(st.duplicate, 0);
    size_t bytes = 0;
    for (size_t i = 0; i < NARTS; i++) bytes += strlen(arts[i].text);
    assert_int_equal(st.bytes, bytes);
    check_stories(db);

    /* the same documents again add nothing */
    st = ingest_all(db);
    assert_int_equal(st.seen, NARTS);
    assert_int_equal(st.added, 0);
    assert_int_equal(st.duplicate, NARTS);

    /* nor does a copy re-wrapped with different whitespace */
    sf_error err = {0};
    sf_ingest *in = sf_ingest_new(db, &err);
    assert_non_null(in);
    char *rewrapped = strdup(arts[2].text);
    for (char *p = rewrapped; *p; p++)
        if (*p == ' ' && (p - rewrapped) % 7 == 0) *p = '\n';
    size_t n = strlen(rewrapped);
    char *spaced = malloc(n + 8);
    snprintf(spaced, n + 8, "  %s \r\n", rewrapped);
    assert_string_not_equal(spaced, arts[2].text);
    assert_int_equal(sf_ingest_take(in, doc_of(&arts[2], spaced), &err), SF_OK);
    assert_int_equal(sf_ingest_stats_get(in)->duplicate, 1);
    assert_int_equal(sf_ingest_stats_get(in)->added, 0);
    /* while a genuinely different text is added */
    assert_int_equal(
        sf_ingest_take(in,
                       doc_of(&arts[2], "Engineers lowered the Harlow reservoir by two "
                                        "metres overnight and Eastwick residents may "
                                        "return home on Friday."),
                       &err),
        SF_OK);
    assert_int_equal(sf_ingest_stats_get(in)->added, 1);
    assert_int_equal(sf_ingest_free(in, &err), SF_OK);
    free(rewrapped);
    free(spaced);

    sqlite3 *h = raw_open(f->path);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM doc"), NARTS + 1);
    sqlite3_close(h);
    sf_db_close(db);
}

/* The byte range of `needle` in the text of article i. */
static sf_span span_in(size_t i, const char *needle)
{
    const char *p = strstr(arts[i].text, needle);
    if (!p) fail_msg("fixture %zu lacks '%s'", i, needle);
    return (sf_span){(uint32_t)(p - arts[i].text), (uint32_t)(p - arts[i].text + strlen(needle))};
}

static void test_search(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    ingest_all(db);
    sf_error err = {0};

    /* "flooding" finds the one sentence that says "floods" (porter stems both to flood) */
    const char *want = "Spring floods below the Harlow reservoir have closed every road out of "
                       "Eastwick, dam engineers reported.";
    sf_hits *h = sf_search_new(db, "flooding", 10, &err);
    assert_non_null(h);
    assert_int_equal(h->n, 1);
    sf_span sp = span_in(1, want);
    /* the span is in bytes: the sentence comes after non-ASCII text */
    assert_true(sp.start > 0);
    assert_int_equal(h->rows[0].span.start, sp.start);
    assert_int_equal(h->rows[0].span.end, sp.end);
    assert_string_equal(h->rows[0].text, want);
    assert_memory_equal(h->rows[0].text, arts[1].text + h->rows[0].span.start,
                        h->rows[0].span.end - h->rows[0].span.start);
    assert_string_equal(h->rows[0].title, arts[1].title);
    assert_string_equal(h->rows[0].source, arts[1].source);
    assert_string_equal(h->rows[0].date, arts[1].date);
    assert_int_equal(strlen(h->rows[0].doc_id), 32);
    assert_true(h->rows[0].story > 0);
    sf_hits_free(h);

    /* a non-ASCII sentence: found by a diacritic-free word, cut at the right bytes */
    const char *mayor = "Mayor Bj\xC3\xB6rn \xC3\x85str\xC3\xB6m of Eastwick called the "
                        "evacuation \xE2\x80\x9Cthe hardest night this town has "
                        "known\xE2\x80\x9D.";
    h = sf_search_new(db, "hardest", 10, &err);
    assert_non_null(h);
    assert_int_equal(h->n, 1);
    assert_string_equal(h->rows[0].text, mayor);
    assert_int_equal(h->rows[0].span.start, 0);
    assert_int_equal(h->rows[0].span.end, strlen(mayor));
    sf_hits_free(h);
    /* and the sentence after it */
    h = sf_search_new(db, "poured", 10, &err);
    assert_non_null(h);
    assert_int_equal(h->n, 1);
    sp = span_in(1, "Water poured over the cracked spillway of the Harlow Dam.");
    assert_int_equal(h->rows[0].span.start, sp.start);
    assert_string_equal(h->rows[0].text,
                        "Water poured over the cracked spillway of the Harlow Dam.");
    sf_hits_free(h);

    /* every hit's text is its document's bytes at its span */
    h = sf_search_new(db, "spillway", 10, &err);
    assert_non_null(h);
    assert_int_equal(h->n, 3);
    for (size_t i = 0; i < h->n; i++) {
        int found = 0;
        for (size_t a = 0; a < NARTS && !found; a++) {
            size_t len = strlen(arts[a].text);
            const sf_hit *r = &h->rows[i];
            found = r->span.end <= len && strcmp(r->title, arts[a].title) == 0 &&
                    strlen(r->text) == r->span.end - r->span.start &&
                    memcmp(arts[a].text + r->span.start, r->text, strlen(r->text)) == 0;
        }
        if (!found) fail_msg("hit %zu '%s' is not its document's bytes", i, h->rows[i].text);
        if (i) assert_true(h->rows[i].score >= h->rows[i - 1].score);
    }
    sf_hits_free(h);

    /* limit */
    h = sf_search_new(db, "spillway", 2, &err);
    assert_non_null(h);
    assert_int_equal(h->n, 2);
    sf_hits_free(h);
    /* nothing found is an empty list, not an error */
    h = sf_search_new(db, "volcano", 10, &err);
    assert_non_null(h);
    assert_int_equal(h->n, 0);
    sf_hits_free(h);

    /* bad FTS5 syntax */
    const char *bad[] = {"\"unbalanced", "AND", "spillway AND", "(dam"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sf_error e2 = {0};
        h = sf_search_new(db, bad[i], 10, &e2);
        if (h) {
            sf_hits_free(h);
            fail_msg("query '%s' accepted", bad[i]);
        }
        assert_int_equal(e2.code, SF_EINVAL);
        assert_true(strlen(e2.msg) > 0);
    }
    sf_db_close(db);
}

/* 1 when [s.start, s.end) is exactly one analyzed sentence of d. */
static const sf_sentence *sentence_of(const sf_doc *d, sf_span s)
{
    for (size_t i = 0; i < d->n_sents; i++)
        if (d->sents[i].start == s.start && d->sents[i].end == s.end) return &d->sents[i];
    return NULL;
}

/* The analyzed sentence of d that holds [s.start, s.end), or NULL. */
static const sf_sentence *sentence_holding(const sf_doc *d, sf_span s)
{
    for (size_t i = 0; i < d->n_sents; i++)
        if (d->sents[i].start <= s.start && s.end <= d->sents[i].end) return &d->sents[i];
    return NULL;
}

static void check_brief(sf_db *db, int64_t story, int words, size_t n_docs)
{
    sf_error err = {0};
    sf_brief *b = sf_brief_build(db, story, words, &err);
    if (!b) fail_msg("sf_brief_build: %s", err.msg);
    assert_int_equal(b->story, story);
    assert_int_equal(b->n_docs, n_docs);
    assert_true(b->n_summary >= 1);
    for (size_t i = 1; i < b->n_docs; i++) assert_true(b->docs[i]->day >= b->docs[i - 1]->day);
    int used = 0;
    for (size_t i = 0; i < b->n_summary; i++) {
        const sf_brief_sentence *bs = &b->summary[i];
        const sf_excerpt *x = &bs->excerpt;
        assert_true(x->cite.doc < b->n_docs);
        const sf_doc *d = b->docs[x->cite.doc];
        assert_true(x->cite.span.start < x->cite.span.end);
        assert_true(x->cite.span.end <= d->len);
        /* the excerpt: part of one sentence, its cuts inside it and in order */
        const sf_sentence *s = sentence_holding(d, x->cite.span);
        if (!s)
            fail_msg("summary %zu [%u,%u) is not in a sentence", i, x->cite.span.start,
                     x->cite.span.end);
        assert_false(s->boilerplate);
        for (size_t k = 0; k < x->n_cut; k++) {
            assert_true(x->cut[k].start < x->cut[k].end);
            assert_true(x->cut[k].start > (k ? x->cut[k - 1].end - 1 : x->cite.span.start));
            assert_true(x->cut[k].end < x->cite.span.end);
        }
        for (uint32_t k = 0; k < s->n_tok; k++) { /* the words it keeps */
            uint32_t p = d->toks[s->tok_first + k].start, kept = p >= x->cite.span.start &&
                                                                 p < x->cite.span.end;
            for (size_t c = 0; c < x->n_cut; c++) kept &= p < x->cut[c].start || p >= x->cut[c].end;
            used += (int)kept;
        }
        /* the excerpt ends at a sentence boundary: terminal punctuation (maybe a quote) */
        const char *t = d->text;
        uint32_t e = x->cite.span.end;
        while (e > x->cite.span.start && (t[e - 1] == '"' || (unsigned char)t[e - 1] == 0x9D))
            e -= (t[e - 1] == '"') ? 1 : 3;
        assert_true(t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?');
        for (size_t k = 0; k < bs->n_also; k++) {
            assert_true(bs->also[k].doc < b->n_docs);
            assert_true(bs->also[k].doc != x->cite.doc);
            assert_non_null(sentence_of(b->docs[bs->also[k].doc], bs->also[k].span));
        }
        assert_true(bs->n_outlets >= 1 && (size_t)bs->n_outlets <= 1 + bs->n_also);
    }
    assert_true(used <= words);
    sf_brief_free(b);
}

static void test_brief(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    ingest_all(db);
    sf_error err = {0};
    sf_story_list *l = sf_stories_new(db, &err);
    assert_non_null(l);
    int64_t dam = story_of_title(l, arts[0].title), probe = story_of_title(l, arts[3].title);
    sf_stories_free(l);
    check_brief(db, dam, 40, 3);
    check_brief(db, dam, 100, 3);
    check_brief(db, probe, 30, 2);

    sf_brief *b = sf_brief_build(db, dam, 100, &err);
    assert_non_null(b);
    assert_int_equal(b->n_sources, 3);
    /* docs come back as stored, in date order */
    assert_string_equal(b->docs[0]->text, arts[0].text);
    assert_string_equal(b->docs[1]->text, arts[1].text);
    assert_string_equal(b->docs[2]->text, arts[2].text);
    sf_brief_free(b);

    /* a story that does not exist */
    sf_error e2 = {0};
    b = sf_brief_build(db, 9999, 100, &e2);
    assert_null(b);
    assert_int_equal(e2.code, SF_ENOTFOUND);
    sf_db_close(db);
}

static void test_persistence(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    ingest_all(db);
    sf_db_close(db);

    db = open_ok(f->path);
    check_stories(db);
    sf_error err = {0};
    sf_hits *h = sf_search_new(db, "flooding", 10, &err);
    assert_non_null(h);
    assert_int_equal(h->n, 1);
    sf_hits_free(h);
    sf_membership *m;
    size_t n;
    assert_int_equal(sf_memberships(db, &m, &n, &err), SF_OK);
    assert_int_equal(n, NARTS);
    assert_string_equal(m[0].path, "fixture-0");
    assert_true(m[0].story == m[1].story && m[1].story == m[2].story);
    assert_true(m[3].story == m[4].story && m[3].story != m[0].story);
    int64_t dam = m[0].story;
    sf_memberships_free(m, n);

    /* the clusterer's state came back too: a new flood report joins the flood story */
    sf_ingest *in = sf_ingest_new(db, &err);
    assert_non_null(in);
    static const art later = {
        "Harlow Dam repairs begin", "Eastern Post", "2031-04-10",
        "Engineers began repairing the cracked spillway of the Harlow Dam as the reservoir "
        "level fell. Eastwick residents who fled the evacuation zone may return soon."};
    sf_doc *d = sf_doc_new();
    d->title = strdup(later.title);
    d->source = strdup(later.source);
    d->date = strdup(later.date);
    d->day = sf_date_day(later.date);
    d->text = strdup(later.text);
    d->len = strlen(later.text);
    assert_int_equal(sf_ingest_take(in, d, &err), SF_OK);
    assert_int_equal(sf_ingest_free(in, &err), SF_OK);
    assert_int_equal(sf_memberships(db, &m, &n, &err), SF_OK);
    assert_int_equal(n, NARTS + 1);
    assert_int_equal(m[NARTS].story, dam);
    sf_memberships_free(m, n);
    sf_db_close(db);
}

static void test_newer_schema_refused(void **state)
{
    fx *f = *state;
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open_v2(f->path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                     SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(h, "CREATE TABLE future(x); PRAGMA user_version = 99;", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(h);

    sf_error err = {0};
    sf_db *db = sf_db_open(f->path, &err);
    assert_null(db);
    assert_int_equal(err.code, SF_EDB);
    if (!strstr(err.msg, "99") || !strstr(err.msg, "newer") || !strstr(err.msg, f->path))
        fail_msg("unclear message: %s", err.msg);

    /* and the file is left as it was */
    h = raw_open(f->path);
    assert_int_equal(raw_int(h, "PRAGMA user_version"), 99);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_master WHERE name = 'doc'"), 0);
    sqlite3_close(h);
}

/* A store error in the middle of a batch: the batch is rolled back (no half-written
 * article, no story or statistics of it), the error is reported by the next call (the
 * article is stored on the ingest's own thread) and sticks to every later call, and
 * what was committed before stays. A trigger added by a second connection makes the
 * insert of one article's sentences fail, as a full disk would. */
static void test_failure_rolls_back_batch(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    sf_error err = {0};
    sf_ingest *in = sf_ingest_new(db, &err);
    assert_non_null(in);
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(sf_ingest_take(in, doc_of(&arts[i], NULL), &err), SF_OK);
    assert_int_equal(sf_ingest_free(in, &err), SF_OK);

    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(f->path, &h), SQLITE_OK); /* read-write, unlike raw_open */
    int64_t stories_before = raw_int(h, "SELECT count(*) FROM story");
    assert_int_equal(sqlite3_exec(h,
                                  "CREATE TRIGGER fail_probe BEFORE INSERT ON sentence"
                                  " WHEN (SELECT title FROM doc WHERE n = NEW.doc) LIKE 'Lunar%'"
                                  " BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END",
                                  NULL, NULL, NULL),
                     SQLITE_OK);

    in = sf_ingest_new(db, &err);
    assert_non_null(in);
    assert_int_equal(sf_ingest_take(in, doc_of(&arts[2], NULL), &err), SF_OK);
    assert_int_equal(sf_ingest_take(in, doc_of(&arts[3], NULL), &err), SF_OK);
    err.code = 0;
    /* Lunar…: stored on the ingest's store thread, so its error may come a call later */
    int rc = sf_ingest_take(in, doc_of(&arts[4], NULL), &err);
    if (rc == SF_OK) rc = sf_ingest_commit(in, &err);
    assert_int_equal(rc, SF_EDB);
    assert_non_null(strstr(err.msg, "disk full"));
    /* sticky: later work is refused with the same error, and nothing is committed */
    memset(&err, 0, sizeof err);
    assert_int_equal(sf_ingest_take(in, doc_of(&arts[0], "A new text."), &err), SF_EDB);
    assert_non_null(strstr(err.msg, "disk full"));
    assert_int_equal(sf_ingest_free(in, &err), SF_EDB);

    assert_int_equal(raw_int(h, "SELECT count(*) FROM doc"), 2);
    assert_int_equal(raw_int(h, "SELECT value FROM meta WHERE key = 'n_docs'"), 2);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM story"), stories_before);
    assert_int_equal(
        raw_int(h, "SELECT count(*) FROM sentence WHERE doc NOT IN (SELECT n FROM doc)"), 0);
    assert_int_equal(raw_int(h, "SELECT sum(n_docs) FROM story"), 2);
    sqlite3_close(h);
    sf_db_close(db);
}

/* The ingest's checkpointer copies what was committed into the database file while the
 * store stays open: its own connection reads the database first (a fresh connection's
 * checkpoint does nothing), and automatic checkpoints are off meanwhile, so the file
 * grows only by its work. */
static void test_checkpointer(void **state)
{
    fx *f = *state;
    sf_db *db = open_ok(f->path);
    store_ckpt *c = store_ckpt_new(db);
    assert_non_null(c);
    assert_int_equal(sqlite3_exec(store_sqlite_handle(db),
                                  "CREATE TABLE pad(x BLOB); BEGIN;"
                                  " WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k"
                                  " WHERE i < 2000) INSERT INTO pad SELECT zeroblob(1000) FROM k;"
                                  " COMMIT;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_true(st.st_size < 1000000); /* all of it in the log so far */
    store_ckpt_kick(c);
    store_ckpt_settle(c);
    assert_int_equal(stat(f->path, &st), 0);
    assert_true(st.st_size > 2000000);
    store_ckpt_free(c);
    sf_db_close(db);
}

/* Two ingests into one store, interleaved batch by batch (as two processes would):
 * the second sees the first's stories and statistics when its batch begins, so story
 * ids are never reused and the counts add up. */
static void test_two_writers(void **state)
{
    fx *f = *state;
    sf_db *a = open_ok(f->path), *b = open_ok(f->path);
    sf_error err = {0};
    sf_ingest *ia = sf_ingest_new(a, &err), *ib = sf_ingest_new(b, &err);
    assert_int_equal(sf_ingest_take(ia, doc_of(&arts[0], NULL), &err), SF_OK);
    assert_int_equal(sf_ingest_commit(ia, &err), SF_OK);
    assert_int_equal(sf_ingest_take(ib, doc_of(&arts[3], NULL), &err), SF_OK); /* probe */
    assert_int_equal(sf_ingest_commit(ib, &err), SF_OK);
    assert_int_equal(sf_ingest_take(ia, doc_of(&arts[1], NULL), &err), SF_OK); /* dam */
    assert_int_equal(sf_ingest_commit(ia, &err), SF_OK);
    assert_int_equal(sf_ingest_take(ib, doc_of(&arts[4], NULL), &err), SF_OK); /* probe */
    assert_int_equal(sf_ingest_free(ib, &err), SF_OK);
    assert_int_equal(sf_ingest_free(ia, &err), SF_OK);

    sqlite3 *h = raw_open(f->path);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM doc"), 4);
    assert_int_equal(raw_int(h, "SELECT value FROM meta WHERE key = 'n_docs'"), 4);
    /* every story's count matches its rows, and each topic kept to its own story */
    assert_int_equal(raw_int(h, "SELECT count(*) FROM story s WHERE n_docs !="
                                " (SELECT count(*) FROM doc d WHERE d.story = s.id)"),
                     0);
    assert_int_equal(
        raw_int(h, "SELECT count(DISTINCT story) FROM doc WHERE title LIKE '%Selene%'"), 1);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM doc WHERE title LIKE '%Selene%' AND story IN"
                                " (SELECT story FROM doc WHERE title LIKE '%Harlow%')"),
                     0);
    sqlite3_close(h);
    sf_db_close(a);
    sf_db_close(b);
}

/* A document another ingest stored meanwhile is a copy for this one too: the ids held in
 * memory are reloaded when the store changed under them (else the copy would be stored
 * twice, and the store refuses that). */
static void test_two_writers_know_copies(void **state)
{
    fx *f = *state;
    sf_db *a = open_ok(f->path), *b = open_ok(f->path);
    sf_error err = {0};
    sf_ingest *ia = sf_ingest_new(a, &err), *ib = sf_ingest_new(b, &err);
    assert_int_equal(sf_ingest_take(ia, doc_of(&arts[0], NULL), &err), SF_OK);
    assert_int_equal(sf_ingest_commit(ia, &err), SF_OK);
    assert_int_equal(sf_ingest_take(ib, doc_of(&arts[1], NULL), &err), SF_OK);
    assert_int_equal(sf_ingest_commit(ib, &err), SF_OK);
    assert_int_equal(sf_ingest_take(ia, doc_of(&arts[1], NULL), &err), SF_OK);
    assert_int_equal(sf_ingest_stats_get(ia)->duplicate, 1);
    assert_int_equal(sf_ingest_free(ia, &err), SF_OK);
    assert_int_equal(sf_ingest_free(ib, &err), SF_OK);
    sqlite3 *h = raw_open(f->path);
    assert_int_equal(raw_int(h, "SELECT count(*) FROM doc"), 2);
    sqlite3_close(h);
    sf_db_close(a);
    sf_db_close(b);
}

/* A stream of invented reports on NTOPIC topics in a scrambled order, so that a topic
 * comes back after gaps of every length (some beyond the window below); each outlet
 * signs off with one of a few desk lines, repeated at every gap too (learned lines). */
#define NSTREAM 300
#define NTOPIC  60
static sf_doc *stream_doc(int i)
{
    static const char *const syl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo"};
    unsigned x = (unsigned)i * 2654435761u;
    int topic = (int)((x >> 7) % NTOPIC);
    char text[1024], w[16];
    size_t n = 0;
    for (int k = 0; k < 14; k++) {
        /* a word of the topic's own vocabulary (eight), chosen by i and k */
        int j = (int)(((unsigned)(i * 7 + k * 13) * 40503u >> 5) % 8);
        snprintf(w, sizeof w, "%s%s%sn", syl[topic % 8], syl[(topic / 8 + j) % 8], syl[j]);
        if (k % 7 == 0) w[0] = (char)(w[0] - 'a' + 'A'); /* two sentences of seven words */
        n += (size_t)snprintf(text + n, sizeof text - n, "%s%s%s", k == 0 ? "" : " ", w,
                              k % 7 == 6 ? "." : "");
    }
    snprintf(text + n, sizeof text - n, "\n\nFiled by the %s desk.", syl[(x >> 13) % 5]);
    sf_doc *d = sf_doc_new();
    char src[32], path[32];
    snprintf(src, sizeof src, "Outlet %d", i % 3);
    snprintf(path, sizeof path, "stream-%d", i);
    d->source = strdup(src);
    d->path = strdup(path);
    d->text = strdup(text);
    d->len = strlen(d->text);
    return d;
}

/* Ingest the stream with a window of 40 documents moving every 10, committing every
 * `batch` documents, in new ingests at each of `restarts` (ascending, -1 ended). */
static void ingest_stream(const char *path, int batch, const int *restarts)
{
    sf_db *db = open_ok(path);
    sf_error err = {0};
    sf_ingest *in = NULL;
    for (int i = 0; i < NSTREAM; i++) {
        if (!in || (*restarts >= 0 && i == *restarts)) {
            if (in) {
                assert_int_equal(sf_ingest_free(in, &err), SF_OK);
                restarts++;
            }
            in = sf_ingest_new(db, &err);
            assert_non_null(in);
            sf_ingest_set_window(in, 40, 10);
        }
        if (sf_ingest_take(in, stream_doc(i), &err) != SF_OK) fail_msg("take %d: %s", i, err.msg);
        if ((i + 1) % batch == 0) assert_int_equal(sf_ingest_commit(in, &err), SF_OK);
    }
    assert_int_equal(sf_ingest_free(in, &err), SF_OK);
    sf_db_close(db);
}

/* What the window decides: each document's story, the stories, and the lines counted. */
static void window_results(const char *path, char *out, size_t cap)
{
    sqlite3 *h = raw_open(path);
    raw_text(h,
             "SELECT (SELECT group_concat(n || ':' || story, ',') FROM (SELECT n, story FROM doc"
             " ORDER BY n)) || ' | ' || (SELECT group_concat(id || ':' || storyline || ':' ||"
             " n_docs || ':' || last_doc, ',') FROM (SELECT * FROM story ORDER BY id)) || ' | ' ||"
             " (SELECT group_concat(key || ':' || docs || ':' || last_doc || ':' || marked, ',')"
             " FROM (SELECT * FROM learned_line ORDER BY key)) || ' | ' || (SELECT"
             " group_concat(doc || ':' || key, ',') FROM (SELECT * FROM learned_once ORDER BY"
             " doc, key))",
             out, cap);
    sqlite3_close(h);
}

/* The window moves at fixed document counts: the same stream gives the same stories and
 * learned lines whatever the batches and however often the ingest was restarted (when it
 * moved at each batch's start, each of these differed). The window does bite: topics
 * coming back after it start stories anew. */
static void test_window_fixed_counts(void **state)
{
    fx *f = *state;
    char b[160], c[160];
    snprintf(b, sizeof b, "%s/b.db", f->dir);
    snprintf(c, sizeof c, "%s/c.db", f->dir);
    ingest_stream(f->path, 7, (const int[]){-1});
    ingest_stream(b, 23, (const int[]){-1});
    ingest_stream(c, 50, (const int[]){101, 205, -1});
    static char ra[65536], rb[65536], rc[65536];
    window_results(f->path, ra, sizeof ra);
    window_results(b, rb, sizeof rb);
    window_results(c, rc, sizeof rc);
    assert_true(strlen(ra) > 1000 && strlen(ra) < sizeof ra - 1);
    assert_string_equal(ra, rb);
    assert_string_equal(ra, rc);
    sqlite3 *h = raw_open(f->path);
    int64_t stories = raw_int(h, "SELECT count(*) FROM story");
    sqlite3_close(h);
    if (stories <= NTOPIC) fail_msg("%lld stories for %d topics: the window never bit",
                                    (long long)stories, NTOPIC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mentions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ingest_dedup_stories, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search, setup, teardown),
        cmocka_unit_test_setup_teardown(test_brief, setup, teardown),
        cmocka_unit_test_setup_teardown(test_persistence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failure_rolls_back_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_checkpointer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_writers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_writers_know_copies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_window_fixed_counts, setup, teardown),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
