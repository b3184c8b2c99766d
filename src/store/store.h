/* store.h — what the pipeline asks of a store. Only the pipeline driver (src/pipeline)
 * and the query functions of the public API call these. One implementation today:
 * SQLite (sqlite.c); PostgreSQL comes behind the same functions. */
#ifndef SF_STORE_H
#define SF_STORE_H

#include "link/cluster.h"
#include "storyfold.h"

int store_begin(sf_db *db, sf_error *err);
int store_commit(sf_db *db, sf_error *err);
void store_rollback(sf_db *db);

/* The number of documents stored, as the clusterer last saved it. */
int store_doc_count(sf_db *db, int64_t *n, sf_error *err);
/* 1 if a document with this id is stored, 0 if not, negative on error. */
int store_has_doc(sf_db *db, const char *id, sf_error *err);
/* Store an analyzed document as a member of `story`, with its sentences indexed. */
int store_add_doc(sf_db *db, const sf_doc *doc, int64_t story, sf_error *err);
/* Save dirty stories and document frequencies of the clusterer. */
int store_save_clusterer(sf_db *db, const clu *c, sf_error *err);
int store_load_clusterer(sf_db *db, clu *c, sf_error *err);

/* The documents of one story, in date then ingest order (not analyzed). */
int store_story_docs(sf_db *db, int64_t story, sf_doc ***docs, size_t *n, sf_error *err);

#endif
