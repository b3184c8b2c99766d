/* writer.h — the ingest's store thread: documents already clustered are stored, with
 * the passages they share with earlier members of their event (passages.h), on a thread
 * of their own while the ingest thread clusters the next ones. Transactions stay with
 * the caller: it calls writer_wait before it begins, commits or rolls back a batch, so
 * the store is never written by two threads at once. */
#ifndef SF_WRITER_H
#define SF_WRITER_H

#include "storyfold.h"

typedef struct writer writer;

/* A writer storing into db (which the caller keeps open until writer_free). */
writer *writer_new(sf_db *db);
/* Queue doc (consumed) to be stored as number n, a member of story. Blocks while the
 * queue is full. Returns the writer's status: after a store error every later document
 * is freed unstored, and writer_wait reports the error. */
int writer_put(writer *w, sf_doc *doc, int64_t n, int64_t story);
/* Wait until every queued document is stored; SF_OK or the first store error (sticky:
 * the batch must be rolled back). The writer is then idle until the next writer_put. */
int writer_wait(writer *w, sf_error *err);
/* While idle: forget the recent signatures of all events (the store changed under us,
 * or a batch was rolled back), or of the events whose newest member is `oldest` or lower. */
void writer_forget(writer *w);
void writer_evict(writer *w, int64_t oldest);
/* Wait, stop the thread and free. */
void writer_free(writer *w);

#endif
