/* sqlite.c — the SQLite store: one file, WAL journal, a versioned schema with
 * migrations, documents keyed by the hash of their normalized body, sentences in an
 * FTS5 index (BM25), named-entity mentions, numeric claims, time expressions and
 * quotations (and the quotations query behind `storyfold quotes`), story centroids and
 * term statistics for online clustering, signatures and reused passages, and the
 * boilerplate learned per source. Writes happen in the pipeline's batch transactions,
 * so a kill at any moment leaves the file as it was before or after a batch. */
#include "store/store.h"

#include "core/error.h"
#include "core/mem.h"
#include "ner/canon.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* Each entry moves the schema from version i to i+1 (PRAGMA user_version). Never edit
 * a released entry: append a new one. */
static const char *const migrations[] = {
    /* 0 → 1 */
    "CREATE TABLE doc("
    "  n INTEGER PRIMARY KEY,"   /* ingest order */
    "  id TEXT NOT NULL UNIQUE," /* XXH3-128 of the normalized body */
    "  path TEXT, ext_id TEXT, title TEXT, source TEXT, date TEXT, day INTEGER,"
    "  url TEXT, author TEXT, lang TEXT,"
    "  text TEXT NOT NULL,"
    "  story INTEGER NOT NULL);"
    "CREATE INDEX doc_story ON doc(story);"
    "CREATE TABLE sentence("
    "  n INTEGER PRIMARY KEY," /* = rowid in sentence_fts */
    "  doc INTEGER NOT NULL REFERENCES doc(n),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, boilerplate INTEGER NOT NULL);"
    "CREATE INDEX sentence_doc ON sentence(doc);"
    "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='',"
    "  tokenize='porter unicode61 remove_diacritics 2');"
    "CREATE TABLE story("
    "  id INTEGER PRIMARY KEY, storyline INTEGER NOT NULL, title TEXT,"
    "  day_min INTEGER, day_max INTEGER, n_docs INTEGER NOT NULL,"
    "  centroid BLOB NOT NULL);" /* (u64 term, f32 weight) pairs, host order */
    "CREATE TABLE term_df(term INTEGER PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "INSERT INTO meta VALUES('n_docs', 0);",
    /* 1 → 2: named-entity mentions. entity is the canonical name's spelling-tolerant key
     * (as a signed 64-bit integer); name_start/name_end are that name's bytes in the
     * document, so the view can show it. Offsets are bytes: substr over a BLOB. */
    "CREATE TABLE mention("
    "  doc INTEGER NOT NULL REFERENCES doc(n),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, type TEXT NOT NULL,"
    "  name_start INTEGER NOT NULL, name_end INTEGER NOT NULL, entity INTEGER NOT NULL);"
    "CREATE INDEX mention_doc ON mention(doc);"
    "CREATE INDEX mention_entity ON mention(entity);"
    "CREATE VIEW entity_mention AS SELECT m.entity, m.type,"
    "  CAST(substr(CAST(d.text AS BLOB), m.name_start + 1, m.name_end - m.name_start) AS TEXT)"
    "    AS name,"
    "  CAST(substr(CAST(d.text AS BLOB), m.start + 1, m.end - m.start) AS TEXT) AS text,"
    "  m.start, m.end, d.id AS doc, d.story FROM mention m JOIN doc d ON d.n = m.doc;",
    /* 2 → 3: numeric claims; counts and predicate as text, for SQL users */
    "CREATE TABLE claim("
    "  doc INTEGER NOT NULL REFERENCES doc(n),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL,"
    "  value REAL NOT NULL, high REAL NOT NULL, qualifier TEXT NOT NULL,"
    "  counts TEXT, predicate TEXT);"
    "CREATE INDEX claim_doc ON claim(doc);",
    /* 3 → 4: time expressions (first/last: the days covered, days since 1970-01-01) and
     * quotations (speaker: as the cue names it; name and entity: the person it resolves
     * to, entity being that name's key as in mention.entity) */
    "CREATE TABLE timex("
    "  doc INTEGER NOT NULL REFERENCES doc(n),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL,"
    "  first INTEGER, last INTEGER);"
    "CREATE INDEX timex_doc ON timex(doc);"
    "CREATE TABLE quote("
    "  doc INTEGER NOT NULL REFERENCES doc(n),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL,"
    "  cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL,"
    "  speaker_start INTEGER NOT NULL, speaker_end INTEGER NOT NULL,"
    "  speaker TEXT, name TEXT, entity INTEGER NOT NULL);"
    "CREATE INDEX quote_doc ON quote(doc);"
    "CREATE INDEX quote_entity ON quote(entity);",
    /* 4 → 5: passage reuse found at ingest, and story.last_doc. signature: each document's MinHash
     * signature (fingerprint.h: FP_K u32 minima, host order, then the shingle count). passage: a
     * stretch of doc's text [start, end) shared with the earlier document other
     * [other_start, other_end), words in common, and whether other is the likely origin
     * (reuse_origin) */
    "CREATE TABLE signature(doc INTEGER PRIMARY KEY REFERENCES doc(n), sig BLOB NOT NULL);"
    "CREATE TABLE passage("
    "  doc INTEGER NOT NULL REFERENCES doc(n), start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  other INTEGER NOT NULL REFERENCES doc(n),"
    "  other_start INTEGER NOT NULL, other_end INTEGER NOT NULL,"
    "  words INTEGER NOT NULL, other_is_origin INTEGER NOT NULL);"
    "CREATE INDEX passage_doc ON passage(doc);"
    "CREATE INDEX passage_other ON passage(other);"
    /* and each story's latest member (the clusterer holds only recent stories) */
    "ALTER TABLE story ADD COLUMN last_doc INTEGER NOT NULL DEFAULT 0;"
    "UPDATE story SET last_doc = coalesce((SELECT max(n) FROM doc WHERE doc.story = story.id), 0);"
    "CREATE INDEX story_last_doc ON story(last_doc);",
    /* 5 → 6: boilerplate learned per source (src/clean/learned.h): each (source, normalized
     * line) key with the documents and distinct events (stories, up to 5: event_ids, i64
     * host order) it appeared in, the last document, and whether it is marked; source and
     * line are kept once it was seen in two documents; and each source's documents */
    "CREATE TABLE learned_line(key INTEGER PRIMARY KEY, source TEXT, line TEXT,"
    "  docs INTEGER NOT NULL, events INTEGER NOT NULL, event_ids BLOB NOT NULL,"
    "  last_doc INTEGER NOT NULL, marked INTEGER NOT NULL);"
    "CREATE INDEX learned_line_marked ON learned_line(marked) WHERE marked;"
    "CREATE TABLE learned_source(source TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;",
    /* 6 → 7: the lines seen in one document only, by document: most lines of most
     * articles are such lines, so they are appended in document order (cheap, unlike
     * learned_line's random keys) and the oldest deleted as a range once they fall out of
     * the ingest's window (learned.h). learned_line keeps the lines seen in two
     * documents or more, and the single ones a version-6 store saved there. */
    ("CREATE TABLE learned_once(doc INTEGER NOT NULL, key INTEGER NOT NULL,"
     "  event INTEGER NOT NULL, PRIMARY KEY(doc, key)) WITHOUT ROWID;"),
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

enum {
    ST_HAS_DOC,
    ST_ADD_DOC,
    ST_ADD_SENT,
    ST_ADD_FTS,
    ST_ADD_MENTION,
    ST_DOC_MENTIONS,
    ST_ADD_CLAIM,
    ST_ADD_TIMEX,
    ST_ADD_QUOTE,
    ST_PUT_STORY,
    ST_PUT_DF,
    ST_SET_NDOCS,
    ST_PUT_SIG,
    ST_RECENT_SIGS,
    ST_GET_DOC,
    ST_ADD_PASSAGE,
    ST__COUNT
};

static const char *const stmt_sql[ST__COUNT] = {
    [ST_HAS_DOC] = "SELECT 1 FROM doc WHERE id = ?1",
    [ST_ADD_DOC] = "INSERT INTO doc(id, path, ext_id, title, source, date, day, url, author,"
                   " lang, text, story, n) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    [ST_ADD_SENT] = "INSERT INTO sentence(doc, start, end, boilerplate) VALUES(?1,?2,?3,?4)",
    [ST_ADD_FTS] = "INSERT INTO sentence_fts(rowid, text) VALUES(?1, ?2)",
    [ST_ADD_MENTION] = "INSERT INTO mention(doc, start, end, type, name_start, name_end, entity)"
                       " VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [ST_ADD_CLAIM] = "INSERT INTO claim(doc, start, end, kind, value, high, qualifier, counts,"
                     " predicate) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    [ST_ADD_TIMEX] = "INSERT INTO timex(doc, start, end, type, value, first, last)"
                     " VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [ST_ADD_QUOTE] = "INSERT INTO quote(doc, start, end, kind, cue_start, cue_end, speaker_start,"
                     " speaker_end, speaker, name, entity) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,"
                     "?11)",
    [ST_DOC_MENTIONS] = "SELECT start, end, type, name_start, name_end, entity FROM mention"
                        " WHERE doc = ?1 ORDER BY start",
    [ST_PUT_STORY] = "INSERT INTO story(id, storyline, day_min, day_max, n_docs, centroid,"
                     " title, last_doc) VALUES(?1,?7,?2,?3,?4,?5,?6,?8) ON CONFLICT(id) DO UPDATE"
                     " SET day_min=?2, day_max=?3, n_docs=?4, centroid=?5, last_doc=?8,"
                     " title=coalesce(story.title, ?6)",
    [ST_PUT_DF] = "INSERT INTO term_df(term, df) VALUES(?1, ?2)"
                  " ON CONFLICT(term) DO UPDATE SET df=?2",
    [ST_SET_NDOCS] = "UPDATE meta SET value = ?1 WHERE key = 'n_docs'",
    [ST_PUT_SIG] = "INSERT INTO signature(doc, sig) VALUES(?1, ?2)",
    [ST_RECENT_SIGS] = "SELECT d.n, g.sig FROM doc d JOIN signature g ON g.doc = d.n"
                       " WHERE d.story = ?1 AND d.n <> ?2 ORDER BY d.n DESC LIMIT ?3",
    [ST_GET_DOC] = "SELECT id, path, ext_id, title, source, date, day, url, author, lang,"
                   " text FROM doc WHERE n = ?1",
    [ST_ADD_PASSAGE] = "INSERT INTO passage(doc, start, end, other, other_start, other_end,"
                       " words, other_is_origin) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
};

struct sf_db {
    sqlite3 *h;
    char *where;
    sqlite3_stmt *st[ST__COUNT];
};

static int db_fail(sf_db *db, sf_error *err, const char *what)
{
    return sf_fail(err, SF_EDB, "%s: %s: %s", db->where, what, sqlite3_errmsg(db->h));
}

static int exec(sf_db *db, const char *sql, sf_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        int rc =
            sf_fail(err, SF_EDB, "%s: %s (running %.40s)", db->where, msg ? msg : "error", sql);
        sqlite3_free(msg);
        return rc;
    }
    return SF_OK;
}

static int user_version(sf_db *db)
{
    sqlite3_stmt *s;
    int v = -1;
    if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK) {
        if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int(s, 0);
        sqlite3_finalize(s);
    }
    return v;
}

static int migrate(sf_db *db, sf_error *err)
{
    int v = user_version(db);
    if (v < 0) return db_fail(db, err, "reading schema version");
    if (v > SCHEMA_VERSION)
        return sf_fail(err, SF_EDB, "%s: schema version %d is newer than this storyfold knows (%d)",
                       db->where, v, SCHEMA_VERSION);
    while (v < SCHEMA_VERSION) {
        char pragma[64];
        int rc;
        if ((rc = exec(db, "BEGIN IMMEDIATE", err)) != SF_OK) return rc;
        /* another process may have migrated while we waited for the lock */
        if ((v = user_version(db)) >= SCHEMA_VERSION) {
            exec(db, "COMMIT", NULL);
            break;
        }
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", v + 1);
        if ((rc = exec(db, migrations[v], err)) != SF_OK || (rc = exec(db, pragma, err)) != SF_OK) {
            exec(db, "ROLLBACK", NULL);
            return rc;
        }
        if ((rc = exec(db, "COMMIT", err)) != SF_OK) return rc;
        v++;
    }
    return SF_OK;
}

sf_db *sf_db_open(const char *where, sf_error *err)
{
    sf_db *db = sf_xcalloc(1, sizeof *db);
    db->where = sf_xstrdup(where);
    if (sqlite3_open_v2(where, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        sf_fail(err, SF_EDB, "%s: cannot open: %s", where,
                db->h ? sqlite3_errmsg(db->h) : "out of memory");
        goto fail;
    }
    /* another ingest holds the write lock for one batch (16,000 articles: seconds at
     * ingest speed, longer on slow input): wait for it rather than fail */
    sqlite3_busy_timeout(db->h, 60000);
    if (user_version(db) > SCHEMA_VERSION) { /* refuse before changing anything */
        migrate(db, err);
        goto fail;
    }
    /* WAL + synchronous=NORMAL: a committed batch survives a killed process; only a
     * power cut can lose the last batches, never corrupt the file. Switching a new file
     * to WAL needs an exclusive lock and SQLite does not wait for it through the busy
     * handler, so a second process creating the store at the same moment retries. */
    /* 8 KiB pages for a new store (an existing one keeps its own): half the log frames
     * and writes of 4 KiB; 100k articles ingested in 40.0 s against 43.4 s (medians of
     * two runs; 16 KiB gave 39.4 s) */
    if (exec(db, "PRAGMA page_size=8192;", err) != SF_OK) goto fail;
    for (int tries = 0;; tries++) {
        int rc = sqlite3_exec(db->h, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK) break;
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries == 1000) {
            db_fail(db, err, "switching to WAL");
            goto fail;
        }
        sqlite3_sleep(10);
    }
    /* a page cache of 256 MB (allocated as pages are read): at 1M articles the store
     * is 4.7 GB, and with 64 MB the index pages a batch updates were read back from the
     * OS again and again (1M: 518 s and 77 s of system time against 540 s and 103 s) */
    if (exec(db,
             "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
             " PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;",
             err) != SF_OK)
        goto fail;
    if (migrate(db, err) != SF_OK) goto fail;
    for (int i = 0; i < ST__COUNT; i++)
        if (sqlite3_prepare_v3(db->h, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &db->st[i],
                               NULL) != SQLITE_OK) {
            db_fail(db, err, "preparing statements");
            goto fail;
        }
    return db;
fail:
    sf_db_close(db);
    return NULL;
}

void sf_db_close(sf_db *db)
{
    if (!db) return;
    for (int i = 0; i < ST__COUNT; i++) sqlite3_finalize(db->st[i]);
    sqlite3_close(db->h);
    free(db->where);
    free(db);
}

sqlite3 *store_sqlite_handle(sf_db *db)
{
    return db->h;
}

const char *store_where(sf_db *db)
{
    return db->where;
}

int store_begin(sf_db *db, sf_error *err)
{
    return exec(db, "BEGIN IMMEDIATE", err);
}

int store_commit(sf_db *db, sf_error *err)
{
    return exec(db, "COMMIT", err);
}

void store_rollback(sf_db *db)
{
    exec(db, "ROLLBACK", NULL);
}

/* Run a prepared statement that returns no rows and reset it. */
static int step_done(sf_db *db, sqlite3_stmt *s, sf_error *err, const char *what)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE ? SF_OK : db_fail(db, err, what);
}

/* End a row loop whose last sqlite3_step returned rc: finalize, and fail unless the
 * loop ran to SQLITE_DONE (a BUSY, IOERR or CORRUPT stop must not pass for the end). */
static int rows_done(sf_db *db, sqlite3_stmt *s, int rc, sf_error *err, const char *what)
{
    int out = rc == SQLITE_DONE ? SF_OK : db_fail(db, err, what);
    sqlite3_finalize(s);
    return out;
}

/* The one integer a query returns into *n (unchanged when it returns no row). */
static int query_int64(sf_db *db, const char *sql, int64_t *n, sf_error *err, const char *what)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return db_fail(db, err, what);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *n = sqlite3_column_int64(s, 0);
        rc = sqlite3_step(s);
    }
    return rows_done(db, s, rc, err, what);
}

int store_doc_count(sf_db *db, int64_t *n, sf_error *err)
{
    *n = 0;
    return query_int64(db, "SELECT value FROM meta WHERE key='n_docs'", n, err,
                       "reading the document count");
}

int store_has_doc(sf_db *db, const char *id, sf_error *err)
{
    sqlite3_stmt *s = db->st[ST_HAS_DOC];
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW) return 1;
    if (rc == SQLITE_DONE) return 0;
    return db_fail(db, err, "looking up a document");
}

int store_each_doc_id(sf_db *db, void (*fn)(const char *id, void *ctx), void *ctx,
                      sf_error *err)
{
    sqlite3_stmt *s;
    int rc;
    if (sqlite3_prepare_v2(db->h, "SELECT id FROM doc ORDER BY n", -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err, "listing documents");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) fn((const char *)sqlite3_column_text(s, 0), ctx);
    return rows_done(db, s, rc, err, "listing documents");
}

static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

int store_next_doc(sf_db *db, int64_t *n, sf_error *err)
{
    *n = 1;
    return query_int64(db, "SELECT coalesce(max(n), 0) + 1 FROM doc", n, err,
                       "numbering documents");
}

int store_add_doc(sf_db *db, const sf_doc *d, int64_t docn, int64_t story, sf_error *err)
{
    sqlite3_stmt *s = db->st[ST_ADD_DOC];
    sqlite3_bind_text(s, 1, d->id, -1, SQLITE_STATIC);
    bind_opt(s, 2, d->path);
    bind_opt(s, 3, d->ext_id);
    bind_opt(s, 4, d->title);
    bind_opt(s, 5, d->source);
    bind_opt(s, 6, d->date);
    if (d->day != SF_NO_DAY)
        sqlite3_bind_int(s, 7, d->day);
    else
        sqlite3_bind_null(s, 7);
    bind_opt(s, 8, d->url);
    bind_opt(s, 9, d->author);
    bind_opt(s, 10, d->lang);
    sqlite3_bind_text(s, 11, d->text, (int)d->len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 12, story);
    sqlite3_bind_int64(s, 13, docn);
    int rc = step_done(db, s, err, "storing a document");
    if (rc != SF_OK) return rc;
    for (size_t i = 0; i < d->n_sents; i++) {
        const sf_sentence *se = &d->sents[i];
        s = db->st[ST_ADD_SENT];
        sqlite3_bind_int64(s, 1, docn);
        sqlite3_bind_int(s, 2, (int)se->start);
        sqlite3_bind_int(s, 3, (int)se->end);
        sqlite3_bind_int(s, 4, se->boilerplate);
        if ((rc = step_done(db, s, err, "storing a sentence")) != SF_OK) return rc;
        if (se->boilerplate) continue; /* stored and cited, not searched */
        s = db->st[ST_ADD_FTS];
        sqlite3_bind_int64(s, 1, sqlite3_last_insert_rowid(db->h));
        sqlite3_bind_text(s, 2, d->text + se->start, (int)(se->end - se->start), SQLITE_STATIC);
        if ((rc = step_done(db, s, err, "indexing a sentence")) != SF_OK) return rc;
    }
    for (size_t i = 0; i < d->n_ents; i++) {
        const sf_entity *e = &d->ents[i];
        s = db->st[ST_ADD_MENTION];
        sqlite3_bind_int64(s, 1, docn);
        sqlite3_bind_int(s, 2, (int)e->start);
        sqlite3_bind_int(s, 3, (int)e->end);
        sqlite3_bind_text(s, 4, sf_ent_type_name(e->type), -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 5, (int)e->name_start);
        sqlite3_bind_int(s, 6, (int)e->name_end);
        sqlite3_bind_int64(s, 7, (sqlite3_int64)e->key);
        if ((rc = step_done(db, s, err, "storing an entity mention")) != SF_OK) return rc;
    }
    static const char *const kinds[] = {"", "count", "percent", "money"};
    for (size_t i = 0; i < d->n_nums; i++) {
        const sf_number *n = &d->nums[i];
        s = db->st[ST_ADD_CLAIM];
        sqlite3_bind_int64(s, 1, docn);
        sqlite3_bind_int(s, 2, (int)n->start);
        sqlite3_bind_int(s, 3, (int)n->end);
        sqlite3_bind_text(s, 4, kinds[n->kind <= SF_NUM_MONEY ? n->kind : 0], -1, SQLITE_STATIC);
        sqlite3_bind_double(s, 5, n->value);
        sqlite3_bind_double(s, 6, n->high);
        sqlite3_bind_text(s, 7, sf_num_qualifiers[n->qualifier], -1, SQLITE_STATIC);
        if (n->counts_end > n->counts_start)
            sqlite3_bind_text(s, 8, d->text + n->counts_start,
                              (int)(n->counts_end - n->counts_start), SQLITE_STATIC);
        if (n->pred_end > n->pred_start)
            sqlite3_bind_text(s, 9, d->text + n->pred_start, (int)(n->pred_end - n->pred_start),
                              SQLITE_STATIC);
        if ((rc = step_done(db, s, err, "storing a numeric claim")) != SF_OK) return rc;
    }
    for (size_t i = 0; i < d->n_timexes; i++) {
        const sf_timex *t = &d->timexes[i];
        s = db->st[ST_ADD_TIMEX];
        sqlite3_bind_int64(s, 1, docn);
        sqlite3_bind_int(s, 2, (int)t->start);
        sqlite3_bind_int(s, 3, (int)t->end);
        sqlite3_bind_text(s, 4, sf_timex_type_name(t->type), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, t->value, -1, SQLITE_STATIC);
        if (t->first != SF_NO_DAY) sqlite3_bind_int(s, 6, t->first);
        if (t->last != SF_NO_DAY) sqlite3_bind_int(s, 7, t->last);
        if ((rc = step_done(db, s, err, "storing a time expression")) != SF_OK) return rc;
    }
    for (size_t i = 0; i < d->n_quotes; i++) {
        const sf_quote *q = &d->quotes[i];
        s = db->st[ST_ADD_QUOTE];
        sqlite3_bind_int64(s, 1, docn);
        sqlite3_bind_int(s, 2, (int)q->start);
        sqlite3_bind_int(s, 3, (int)q->end);
        sqlite3_bind_text(s, 4, q->kind == SF_QUOTE_PARTIAL ? "partial" : "direct", -1,
                          SQLITE_STATIC);
        sqlite3_bind_int(s, 5, (int)q->cue_start);
        sqlite3_bind_int(s, 6, (int)q->cue_end);
        sqlite3_bind_int(s, 7, (int)q->speaker_start);
        sqlite3_bind_int(s, 8, (int)q->speaker_end);
        if (q->speaker_end > q->speaker_start)
            sqlite3_bind_text(s, 9, d->text + q->speaker_start,
                              (int)(q->speaker_end - q->speaker_start), SQLITE_STATIC);
        if (q->name_end > q->name_start)
            sqlite3_bind_text(s, 10, d->text + q->name_start, (int)(q->name_end - q->name_start),
                              SQLITE_STATIC);
        sqlite3_bind_int64(s, 11, (sqlite3_int64)q->key);
        if ((rc = step_done(db, s, err, "storing a quotation")) != SF_OK) return rc;
    }
    return SF_OK;
}

/* The stored mentions of document n into d->ents. */
static int load_mentions(sf_db *db, int64_t n, sf_doc *d, sf_error *err)
{
    sqlite3_stmt *s = db->st[ST_DOC_MENTIONS];
    sqlite3_bind_int64(s, 1, n);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sf_entity e = {(uint32_t)sqlite3_column_int(s, 0),
                       (uint32_t)sqlite3_column_int(s, 1),
                       (uint8_t)sf_ent_type_parse((const char *)sqlite3_column_text(s, 2)),
                       (uint32_t)sqlite3_column_int(s, 3),
                       (uint32_t)sqlite3_column_int(s, 4),
                       (uint64_t)sqlite3_column_int64(s, 5)};
        if (e.end > d->len || e.name_end > d->len || e.start >= e.end || !e.type) continue;
        SF_GROW(d->ents, cap, d->n_ents + 1);
        d->ents[d->n_ents++] = e;
    }
    int out = rc == SQLITE_DONE ? SF_OK : db_fail(db, err, "loading entity mentions");
    sqlite3_reset(s);
    return out;
}

int store_save_clusterer(sf_db *db, const clu *c, sf_error *err)
{
    int rc = SF_OK;
    tv_entry *blob = NULL; /* a centroid with its entries' padding zeroed: the same
                              state gives the same bytes */
    size_t cap = 0;
    for (size_t i = 0; i < c->n_dirty_stories && rc == SF_OK; i++) {
        const clu_story *st = &c->stories[c->dirty_stories[i]];
        SF_GROW(blob, cap, st->centroid.n);
        if (st->centroid.n) memset(blob, 0, st->centroid.n * sizeof *blob);
        for (size_t k = 0; k < st->centroid.n; k++) {
            blob[k].term = st->centroid.e[k].term;
            blob[k].w = st->centroid.e[k].w;
        }
        sqlite3_stmt *s = db->st[ST_PUT_STORY];
        sqlite3_bind_int64(s, 1, st->id);
        if (st->day_min != SF_NO_DAY) {
            sqlite3_bind_int(s, 2, st->day_min);
            sqlite3_bind_int(s, 3, st->day_max);
        }
        sqlite3_bind_int(s, 4, st->n_docs);
        sqlite3_bind_blob(s, 5, blob ? (const void *)blob : "",
                          (int)(st->centroid.n * sizeof *blob), SQLITE_STATIC);
        bind_opt(s, 6, st->title);
        sqlite3_bind_int64(s, 7, st->storyline);
        sqlite3_bind_int64(s, 8, st->last_doc);
        rc = step_done(db, s, err, "storing a story");
    }
    free(blob);
    if (rc != SF_OK) return rc;
    for (size_t i = 0; i < c->n_dirty; i++) {
        sqlite3_stmt *s = db->st[ST_PUT_DF];
        sqlite3_bind_int64(s, 1, (sqlite3_int64)c->dirty_terms[i]);
        sqlite3_bind_int64(s, 2, *hmap_get(&c->df, c->dirty_terms[i]));
        if ((rc = step_done(db, s, err, "storing term statistics")) != SF_OK) return rc;
    }
    sqlite3_stmt *s = db->st[ST_SET_NDOCS];
    sqlite3_bind_int64(s, 1, c->n_docs);
    return step_done(db, s, err, "storing the document count");
}

int store_load_clusterer(sf_db *db, clu *c, sf_error *err)
{
    sqlite3_stmt *s;
    int rc;
    if (sqlite3_prepare_v2(db->h, "SELECT term, df FROM term_df", -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err, "loading term statistics");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        clu_df_load(c, (uint64_t)sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
    if ((rc = rows_done(db, s, rc, err, "loading term statistics")) != SF_OK) return rc;
    if ((rc = store_doc_count(db, &c->n_docs, err)) != SF_OK) return rc;
    /* the next id, even when the newest story is not held */
    if (sqlite3_prepare_v2(db->h, "SELECT coalesce(max(id), 0) + 1 FROM story", -1, &s, NULL) !=
        SQLITE_OK)
        return db_fail(db, err, "loading stories");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) c->next_id = sqlite3_column_int64(s, 0);
    if ((rc = rows_done(db, s, rc, err, "loading stories")) != SF_OK) return rc;
    /* the stories the clusterer holds (clu_evict) */
    if (sqlite3_prepare_v2(db->h,
                           "SELECT id, day_min, day_max, n_docs, centroid, storyline, last_doc"
                           " FROM story WHERE last_doc > ?1 ORDER BY id",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err, "loading stories");
    sqlite3_bind_int64(s, 1, clu_window_start(c, c->n_docs));
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int32_t dmin =
            sqlite3_column_type(s, 1) == SQLITE_NULL ? SF_NO_DAY : sqlite3_column_int(s, 1);
        int32_t dmax =
            sqlite3_column_type(s, 2) == SQLITE_NULL ? SF_NO_DAY : sqlite3_column_int(s, 2);
        const void *blob = sqlite3_column_blob(s, 4);
        size_t n = (size_t)sqlite3_column_bytes(s, 4) / sizeof(tv_entry);
        tv_entry *tmp = sf_xmalloc((n ? n : 1) * sizeof *tmp);
        if (n) memcpy(tmp, blob, n * sizeof *tmp); /* the blob may be unaligned */
        clu_story_load(c, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 5), dmin, dmax,
                       sqlite3_column_int(s, 3), sqlite3_column_int64(s, 6), tmp, n);
        free(tmp);
    }
    return rows_done(db, s, rc, err, "loading stories");
}

static char *col_dup(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? sf_xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, i)) : NULL;
}

/* A new document from the row of a statement whose first 11 columns are id, path,
 * ext_id, title, source, date, day, url, author, lang, text. */
static sf_doc *doc_from_row(sqlite3_stmt *s)
{
    sf_doc *d = sf_doc_new();
    snprintf(d->id, sizeof d->id, "%s", (const char *)sqlite3_column_text(s, 0));
    d->path = col_dup(s, 1);
    d->ext_id = col_dup(s, 2);
    d->title = col_dup(s, 3);
    d->source = col_dup(s, 4);
    d->date = col_dup(s, 5);
    d->day = sqlite3_column_type(s, 6) == SQLITE_NULL ? SF_NO_DAY : sqlite3_column_int(s, 6);
    d->url = col_dup(s, 7);
    d->author = col_dup(s, 8);
    d->lang = col_dup(s, 9);
    d->text = col_dup(s, 10);
    d->len = (size_t)sqlite3_column_bytes(s, 10);
    return d;
}

int store_put_signature(sf_db *db, int64_t doc, const fp_sig *sig, sf_error *err)
{
    sqlite3_stmt *s = db->st[ST_PUT_SIG];
    sqlite3_bind_int64(s, 1, doc);
    sqlite3_bind_blob(s, 2, sig, (int)sizeof *sig, SQLITE_STATIC);
    return step_done(db, s, err, "storing a signature");
}

int store_recent_signatures(sf_db *db, int64_t story, int64_t except, int limit, int64_t **docs,
                            fp_sig **sigs, size_t *n, sf_error *err)
{
    sqlite3_stmt *s = db->st[ST_RECENT_SIGS];
    *docs = NULL;
    *sigs = NULL;
    *n = 0;
    sqlite3_bind_int64(s, 1, story);
    sqlite3_bind_int64(s, 2, except);
    sqlite3_bind_int(s, 3, limit);
    size_t cap = 0, cap2 = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if ((size_t)sqlite3_column_bytes(s, 1) != sizeof(fp_sig)) continue; /* not ours */
        SF_GROW(*docs, cap, *n + 1);
        SF_GROW(*sigs, cap2, *n + 1);
        (*docs)[*n] = sqlite3_column_int64(s, 0);
        memcpy(&(*sigs)[*n], sqlite3_column_blob(s, 1), sizeof(fp_sig)); /* may be unaligned */
        (*n)++;
    }
    rc = rc == SQLITE_DONE ? SF_OK : db_fail(db, err, "loading signatures");
    sqlite3_reset(s);
    return rc;
}

int store_get_doc(sf_db *db, int64_t doc, sf_doc **out, sf_error *err)
{
    sqlite3_stmt *s = db->st[ST_GET_DOC];
    *out = NULL;
    sqlite3_bind_int64(s, 1, doc);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) *out = doc_from_row(s);
    rc = rc == SQLITE_ROW ? SF_OK
         : rc == SQLITE_DONE
             ? sf_fail(err, SF_ENOTFOUND, "%s: no document %lld", db->where, (long long)doc)
             : db_fail(db, err, "loading a document");
    sqlite3_reset(s);
    return rc;
}

int store_add_passage(sf_db *db, int64_t doc, int64_t other, const reuse_passage *p,
                      int other_is_origin, sf_error *err)
{
    sqlite3_stmt *s = db->st[ST_ADD_PASSAGE];
    sqlite3_bind_int64(s, 1, doc);
    sqlite3_bind_int(s, 2, (int)p->a.start);
    sqlite3_bind_int(s, 3, (int)p->a.end);
    sqlite3_bind_int64(s, 4, other);
    sqlite3_bind_int(s, 5, (int)p->b.start);
    sqlite3_bind_int(s, 6, (int)p->b.end);
    sqlite3_bind_int(s, 7, (int)p->words);
    sqlite3_bind_int(s, 8, other_is_origin);
    return step_done(db, s, err, "storing a passage");
}

int store_story_storyline(sf_db *db, int64_t story, int64_t *storyline, sf_error *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, "SELECT storyline FROM story WHERE id = ?1", -1, &s, NULL) !=
        SQLITE_OK)
        return db_fail(db, err, "loading a story");
    sqlite3_bind_int64(s, 1, story);
    int rc, found = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *storyline = sqlite3_column_int64(s, 0);
        found = 1;
    }
    if ((rc = rows_done(db, s, rc, err, "loading a story")) != SF_OK) return rc;
    return found ? SF_OK
                 : sf_fail(err, SF_ENOTFOUND, "%s: no story %lld", db->where, (long long)story);
}

int store_story_docs(sf_db *db, int64_t story, size_t max, sf_doc ***docs, size_t *n, sf_error *err)
{
    sqlite3_stmt *s;
    *docs = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(
            db->h,
            "SELECT id, path, ext_id, title, source, date, day, url, author, lang,"
            " text, n FROM doc WHERE story = ?1 ORDER BY day IS NULL, day, n LIMIT ?2",
            -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err, "loading a story");
    sqlite3_bind_int64(s, 1, story);
    sqlite3_bind_int64(s, 2, max ? (sqlite3_int64)max : -1);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sf_doc *d = doc_from_row(s);
        SF_GROW(*docs, cap, *n + 1);
        (*docs)[(*n)++] = d;
        if ((rc = load_mentions(db, sqlite3_column_int64(s, 11), d, err)) != SF_OK) {
            sqlite3_finalize(s);
            return rc;
        }
    }
    if ((rc = rows_done(db, s, rc, err, "loading a story")) != SF_OK) return rc;
    if (!*n) return sf_fail(err, SF_ENOTFOUND, "%s: no story %lld", db->where, (long long)story);
    return SF_OK;
}

/* ---- queries of the public API ------------------------------------------------------ */

static void day_str(sqlite3_stmt *s, int col, char out[11])
{
    out[0] = '\0';
    if (sqlite3_column_type(s, col) == SQLITE_NULL) return;
    const unsigned char *t = sqlite3_column_text(s, col);
    if (t) snprintf(out, 11, "%s", (const char *)t);
}

/* The stories with their document counts; only those of `storyline` when one_line. */
static sf_story_list *stories_query(sf_db *db, int one_line, int64_t storyline, sf_error *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(
            db->h,
            one_line ? "SELECT s.id, count(d.n), count(DISTINCT coalesce(d.source, d.id)),"
                       " min(d.date), max(d.date), s.title, s.storyline"
                       " FROM story s JOIN doc d ON d.story = s.id WHERE s.storyline = ?1"
                       " GROUP BY s.id ORDER BY min(d.date) IS NULL, min(d.date), s.id"
                     : "SELECT s.id, count(d.n), count(DISTINCT coalesce(d.source, d.id)),"
                       " min(d.date), max(d.date), s.title, s.storyline"
                       " FROM story s JOIN doc d ON d.story = s.id"
                       " GROUP BY s.id ORDER BY s.storyline, s.id",
            -1, &s, NULL) != SQLITE_OK) {
        db_fail(db, err, "listing stories");
        return NULL;
    }
    if (one_line) sqlite3_bind_int64(s, 1, storyline);
    sf_story_list *l = sf_xcalloc(1, sizeof *l);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        SF_GROW(l->rows, cap, l->n + 1);
        sf_story_row *r = &l->rows[l->n++];
        r->id = sqlite3_column_int64(s, 0);
        r->n_docs = sqlite3_column_int(s, 1);
        r->n_sources = sqlite3_column_int(s, 2);
        day_str(s, 3, r->first_date);
        day_str(s, 4, r->last_date);
        r->title = col_dup(s, 5);
        r->storyline = sqlite3_column_int64(s, 6);
    }
    if (rows_done(db, s, rc, err, "listing stories") != SF_OK) {
        sf_stories_free(l);
        return NULL;
    }
    return l;
}

sf_story_list *sf_stories_new(sf_db *db, sf_error *err)
{
    return stories_query(db, 0, 0, err);
}

sf_story_list *sf_storyline_new(sf_db *db, int64_t storyline, sf_error *err)
{
    return stories_query(db, 1, storyline, err);
}

void sf_stories_free(sf_story_list *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->n; i++) free(l->rows[i].title);
    free(l->rows);
    free(l);
}

sf_hits *sf_search_new(sf_db *db, const char *query, int limit, sf_error *err)
{
    sqlite3_stmt *s;
    /* the text is cut as a blob: spans are byte offsets, substr() on text counts
     * characters */
    if (sqlite3_prepare_v2(db->h,
                           "SELECT d.id, d.story, se.start, se.end, f.rank,"
                           " substr(CAST(d.text AS BLOB), se.start + 1, se.end - se.start),"
                           " d.title, d.source, d.date"
                           " FROM sentence_fts f JOIN sentence se ON se.n = f.rowid"
                           " JOIN doc d ON d.n = se.doc"
                           " WHERE sentence_fts MATCH ?1 ORDER BY f.rank, se.n LIMIT ?2",
                           -1, &s, NULL) != SQLITE_OK) {
        db_fail(db, err, "searching");
        return NULL;
    }
    sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, limit > 0 ? limit : 20);
    sf_hits *h = sf_xcalloc(1, sizeof *h);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        SF_GROW(h->rows, cap, h->n + 1);
        sf_hit *r = &h->rows[h->n++];
        snprintf(r->doc_id, sizeof r->doc_id, "%s", (const char *)sqlite3_column_text(s, 0));
        r->story = sqlite3_column_int64(s, 1);
        r->span.start = (uint32_t)sqlite3_column_int(s, 2);
        r->span.end = (uint32_t)sqlite3_column_int(s, 3);
        r->score = sqlite3_column_double(s, 4);
        r->text = col_dup(s, 5);
        r->title = col_dup(s, 6);
        r->source = col_dup(s, 7);
        r->date = col_dup(s, 8);
    }
    if (rc != SQLITE_DONE) {
        /* an FTS5 query syntax error is SQLITE_ERROR; anything else is the store's */
        sf_fail(err, rc == SQLITE_ERROR ? SF_EINVAL : SF_EDB, "search query '%s': %s", query,
                sqlite3_errmsg(db->h));
        sqlite3_finalize(s);
        sf_hits_free(h);
        return NULL;
    }
    sqlite3_finalize(s);
    return h;
}

void sf_hits_free(sf_hits *h)
{
    if (!h) return;
    for (size_t i = 0; i < h->n; i++) {
        free(h->rows[i].text);
        free(h->rows[i].title);
        free(h->rows[i].source);
        free(h->rows[i].date);
    }
    free(h->rows);
    free(h);
}

/* SQL same_person(name, key): 1 when the name, or the name without its first words
 * ("Volodymyr Zelensky" -> "Zelensky"), has the spelling-tolerant key `key`. */
static void same_person(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *name = (const char *)sqlite3_value_text(argv[0]);
    size_t len = (size_t)sqlite3_value_bytes(argv[0]);
    uint64_t key = (uint64_t)sqlite3_value_int64(argv[1]);
    int same = 0;
    for (size_t i = 0; name && i < len && !same; i++)
        if (i == 0 || (name[i - 1] == ' ' && name[i] != ' '))
            same = canon_key(name + i, len - i) == key;
    sqlite3_result_int(ctx, same);
}

sf_quote_rows *sf_quotes_new(sf_db *db, const char *who, int partial, int limit, sf_error *err)
{
    sqlite3_stmt *s;
    if (sqlite3_create_function(db->h, "same_person", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                same_person, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(
            db->h,
            "SELECT d.id, d.story, q.start, q.end, q.kind = 'partial',"
            " CAST(substr(CAST(d.text AS BLOB), q.start + 1, q.end - q.start) AS TEXT),"
            " q.speaker, q.name, d.title, d.source, d.date"
            " FROM quote q JOIN doc d ON d.n = q.doc"
            " WHERE (?1 OR q.kind = 'direct') AND (?2 IS NULL"
            "  OR same_person(coalesce(q.name, q.speaker, ''), ?3)"
            "  OR instr(lower(coalesce(q.name, '')), lower(?2))"
            "  OR instr(lower(coalesce(q.speaker, '')), lower(?2)))"
            " ORDER BY d.day IS NULL, d.day, d.n, q.start LIMIT ?4",
            -1, &s, NULL) != SQLITE_OK) {
        db_fail(db, err, "listing quotations");
        return NULL;
    }
    sqlite3_bind_int(s, 1, partial != 0);
    if (who) {
        sqlite3_bind_text(s, 2, who, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 3, (sqlite3_int64)canon_key(who, strlen(who)));
    }
    sqlite3_bind_int(s, 4, limit > 0 ? limit : -1);
    sf_quote_rows *q = sf_xcalloc(1, sizeof *q);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        SF_GROW(q->rows, cap, q->n + 1);
        sf_quote_row *r = &q->rows[q->n++];
        snprintf(r->doc_id, sizeof r->doc_id, "%s", (const char *)sqlite3_column_text(s, 0));
        r->story = sqlite3_column_int64(s, 1);
        r->span.start = (uint32_t)sqlite3_column_int(s, 2);
        r->span.end = (uint32_t)sqlite3_column_int(s, 3);
        r->partial = sqlite3_column_int(s, 4);
        r->text = col_dup(s, 5);
        r->speaker = col_dup(s, 6);
        r->name = col_dup(s, 7);
        r->title = col_dup(s, 8);
        r->source = col_dup(s, 9);
        r->date = col_dup(s, 10);
    }
    if (rows_done(db, s, rc, err, "listing quotations") != SF_OK) {
        sf_quote_rows_free(q);
        return NULL;
    }
    return q;
}

void sf_quote_rows_free(sf_quote_rows *q)
{
    if (!q) return;
    for (size_t i = 0; i < q->n; i++) {
        sf_quote_row *r = &q->rows[i];
        free(r->text);
        free(r->speaker);
        free(r->name);
        free(r->title);
        free(r->source);
        free(r->date);
    }
    free(q->rows);
    free(q);
}

int sf_memberships(sf_db *db, sf_membership **out, size_t *n, sf_error *err)
{
    sqlite3_stmt *s;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db->h,
                           "SELECT d.id, d.path, d.story, s.storyline FROM doc d"
                           " JOIN story s ON s.id = d.story ORDER BY d.n",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err, "listing documents");
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        SF_GROW(*out, cap, *n + 1);
        sf_membership *m = &(*out)[(*n)++];
        snprintf(m->doc_id, sizeof m->doc_id, "%s", (const char *)sqlite3_column_text(s, 0));
        m->path = col_dup(s, 1);
        m->story = sqlite3_column_int64(s, 2);
        m->storyline = sqlite3_column_int64(s, 3);
    }
    return rows_done(db, s, rc, err, "listing documents");
}

void sf_memberships_free(sf_membership *m, size_t n)
{
    for (size_t i = 0; i < n; i++) free(m[i].path);
    free(m);
}

/* ---- boilerplate learned per source ------------------------------------------------- */

/* The sources whose document counts changed. */
static int save_learned_sources(sf_db *db, const learned *l, sf_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc = SF_OK;
    for (size_t i = 0; i < learned_n_sources(l) && rc == SF_OK; i++) {
        const char *name;
        int64_t docs;
        if (!learned_source(l, i, &name, &docs)) continue;
        if (!s && sqlite3_prepare_v2(db->h,
                                     "INSERT OR REPLACE INTO learned_source(source, docs)"
                                     " VALUES(?1, ?2)",
                                     -1, &s, NULL) != SQLITE_OK)
            return db_fail(db, err, "storing learned boilerplate");
        sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, docs);
        if (sqlite3_step(s) != SQLITE_DONE) rc = db_fail(db, err, "storing learned boilerplate");
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return rc;
}

int store_save_learned(sf_db *db, learned *l, sf_error *err)
{
    int rc = save_learned_sources(db, l, err);
    size_t n = learned_n_dirty(l);
    sqlite3_stmt *s = NULL, *once = NULL, *drop = NULL;
    if (rc != SF_OK) return rc;
    if (sqlite3_prepare_v2(db->h,
                           "INSERT OR REPLACE INTO learned_line(key, source, line, docs, events,"
                           " event_ids, last_doc, marked) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
                           -1, &s, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->h,
                           "INSERT OR REPLACE INTO learned_once(doc, key, event)"
                           " VALUES(?1,?2,?3)",
                           -1, &once, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->h, "DELETE FROM learned_once WHERE doc <= ?1", -1, &drop, NULL) !=
            SQLITE_OK)
        rc = db_fail(db, err, "storing learned boilerplate");
    for (size_t i = 0; i < n && rc == SF_OK; i++) {
        learned_line ln;
        if (!learned_dirty_line(l, i, &ln)) continue;
        sqlite3_stmt *q = s;
        if (ln.docs <= 1 && ln.n_ev == 1) {
            q = once;
            sqlite3_bind_int64(q, 1, ln.last_doc);
            sqlite3_bind_int64(q, 2, (sqlite3_int64)ln.key);
            sqlite3_bind_int64(q, 3, ln.ev[0]);
        } else {
            sqlite3_bind_int64(q, 1, (sqlite3_int64)ln.key);
            bind_opt(q, 2, ln.source);
            bind_opt(q, 3, ln.text);
            sqlite3_bind_int64(q, 4, ln.docs);
            sqlite3_bind_int64(q, 5, ln.n_ev);
            sqlite3_bind_blob(q, 6, ln.ev, (int)(ln.n_ev * sizeof *ln.ev), SQLITE_STATIC);
            sqlite3_bind_int64(q, 7, ln.last_doc);
            sqlite3_bind_int(q, 8, ln.marked);
        }
        if (sqlite3_step(q) != SQLITE_DONE) rc = db_fail(db, err, "storing learned boilerplate");
        sqlite3_reset(q);
    }
    if (rc == SF_OK) { /* the single sightings forgotten in memory go from the store too */
        sqlite3_bind_int64(drop, 1, learned_evicted(l));
        if (sqlite3_step(drop) != SQLITE_DONE) rc = db_fail(db, err, "storing learned boilerplate");
    }
    sqlite3_finalize(s);
    sqlite3_finalize(once);
    sqlite3_finalize(drop);
    if (rc == SF_OK) learned_saved(l);
    return rc;
}

int store_load_learned(sf_db *db, learned *l, int marked_only, sf_error *err)
{
    sqlite3_stmt *s;
    int rc;
    if (!marked_only) {
        if (sqlite3_prepare_v2(db->h, "SELECT source, docs FROM learned_source", -1, &s, NULL) !=
            SQLITE_OK)
            return db_fail(db, err, "loading learned boilerplate");
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            learned_load_source(l, (const char *)sqlite3_column_text(s, 0),
                                sqlite3_column_int64(s, 1));
        if ((rc = rows_done(db, s, rc, err, "loading learned boilerplate")) != SF_OK) return rc;
    }
    if (sqlite3_prepare_v2(db->h,
                           marked_only
                               ? "SELECT key, source, line, docs, events, event_ids, last_doc,"
                                 " marked FROM learned_line WHERE marked"
                               : "SELECT key, source, line, docs, events, event_ids, last_doc,"
                                 " marked FROM learned_line",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(db, err, "loading learned boilerplate");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        learned_line ln = {0};
        ln.key = (uint64_t)sqlite3_column_int64(s, 0);
        ln.source = (char *)sqlite3_column_text(s, 1);
        ln.text = (char *)sqlite3_column_text(s, 2);
        ln.docs = (uint32_t)sqlite3_column_int64(s, 3);
        size_t nb = (size_t)sqlite3_column_bytes(s, 5) / sizeof *ln.ev;
        if (nb > LEARNED_EV_MAX) nb = LEARNED_EV_MAX;
        if (nb) memcpy(ln.ev, sqlite3_column_blob(s, 5), nb * sizeof *ln.ev);
        ln.n_ev = (uint32_t)nb;
        ln.last_doc = sqlite3_column_int64(s, 6);
        ln.marked = sqlite3_column_int(s, 7) != 0;
        learned_load(l, &ln);
    }
    if ((rc = rows_done(db, s, rc, err, "loading learned boilerplate")) != SF_OK || marked_only)
        return rc;
    /* then the single sightings, oldest first (a key already loaded above wins) */
    if (sqlite3_prepare_v2(db->h, "SELECT doc, key, event FROM learned_once ORDER BY doc", -1, &s,
                           NULL) != SQLITE_OK)
        return db_fail(db, err, "loading learned boilerplate");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        learned_line ln = {0};
        ln.last_doc = sqlite3_column_int64(s, 0);
        ln.key = (uint64_t)sqlite3_column_int64(s, 1);
        ln.ev[0] = sqlite3_column_int64(s, 2);
        ln.docs = ln.n_ev = 1;
        learned_load(l, &ln);
    }
    return rows_done(db, s, rc, err, "loading learned boilerplate");
}
