/* store.h — what the pipeline asks of a store. Only the pipeline driver (src/pipeline)
 * and the query functions of the public API call these. One implementation today:
 * SQLite (sqlite.c); PostgreSQL comes behind the same functions. */
#ifndef SF_STORE_H
#define SF_STORE_H

#include "clean/learned.h"
#include "link/cluster.h"
#include "link/fingerprint.h"
#include "link/reuse.h"
#include "storyfold.h"

/* The SQLite connection and the path it was opened with (for a second connection). */
struct sqlite3;
struct sqlite3 *store_sqlite_handle(sf_db *db);
const char *store_where(sf_db *db);

int store_begin(sf_db *db, sf_error *err);
int store_commit(sf_db *db, sf_error *err);
void store_rollback(sf_db *db);

/* The number of documents stored, as the clusterer last saved it. */
int store_doc_count(sf_db *db, int64_t *n, sf_error *err);
/* 1 if a document with this id is stored, 0 if not, negative on error. */
int store_has_doc(sf_db *db, const char *id, sf_error *err);
/* Call fn with the id of every stored document (in number order). */
int store_each_doc_id(sf_db *db, void (*fn)(const char *id, void *ctx), void *ctx,
                      sf_error *err);
/* The number the next stored document takes (ingest order: one above the highest). */
int store_next_doc(sf_db *db, int64_t *n, sf_error *err);
/* Store an analyzed document as number n (store_next_doc, counted on by the caller) and
 * a member of `story`, with its sentences indexed. */
int store_add_doc(sf_db *db, const sf_doc *doc, int64_t n, int64_t story, sf_error *err);
/* A stored document (not analyzed), new in *out (the caller frees it). */
int store_get_doc(sf_db *db, int64_t doc, sf_doc **out, sf_error *err);

/* Passage reuse: each document's MinHash signature; the signatures of the `limit` most
 * recent documents of a story other than `except`, newest first (arrays malloc'd, the
 * caller frees both; NULL when none); a passage doc shares with the earlier other. */
int store_put_signature(sf_db *db, int64_t doc, const fp_sig *sig, sf_error *err);
int store_recent_signatures(sf_db *db, int64_t story, int64_t except, int limit, int64_t **docs,
                            fp_sig **sigs, size_t *n, sf_error *err);
int store_add_passage(sf_db *db, int64_t doc, int64_t other, const reuse_passage *p,
                      int other_is_origin, sf_error *err);
/* A background checkpointer for an ingest into db (checkpoint.c): after each commit
 * (store_ckpt_kick) a thread of its own copies the log into the database file. NULL
 * when db has no file or no thread could start (SQLite then checkpoints in COMMIT). */
typedef struct store_ckpt store_ckpt;
store_ckpt *store_ckpt_new(sf_db *db);
void store_ckpt_kick(store_ckpt *c);
/* Wait until the checkpoints asked for are done: the next write transaction then
 * starts the log over. */
void store_ckpt_settle(store_ckpt *c);
/* commits between settles: the log stays under about 2 batches (32,000 articles) */
#define CKPT_SETTLE 1
void store_ckpt_free(store_ckpt *c);

/* Save dirty stories and document frequencies of the clusterer. */
int store_save_clusterer(sf_db *db, const clu *c, sf_error *err);
int store_load_clusterer(sf_db *db, clu *c, sf_error *err);

/* Boilerplate learned per source: save the lines changed since the last save; load the
 * stored lines into l (only the marked ones when marked_only: enough to apply them). */
int store_save_learned(sf_db *db, learned *l, sf_error *err);
int store_load_learned(sf_db *db, learned *l, int marked_only, sf_error *err);

/* The storyline a story belongs to (the id of its first story). */
int store_story_storyline(sf_db *db, int64_t story, int64_t *storyline, sf_error *err);

/* The documents of one story, in date then ingest order (not analyzed): the first `max`
 * of them, or all when max is 0. */
int store_story_docs(sf_db *db, int64_t story, size_t max, sf_doc ***docs, size_t *n,
                     sf_error *err);

#endif
