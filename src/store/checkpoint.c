/* checkpoint.c — the ingest's background checkpointer (store.h: store_ckpt): a thread
 * with a connection of its own copies the pages committed to the write-ahead log into
 * the database file after each commit (a PASSIVE checkpoint, which never blocks the
 * writer), so the committing thread does not stop for that copy and its fsyncs, as it
 * does when SQLite checkpoints inside COMMIT. The ingest connection's automatic
 * checkpoints are off meanwhile. SQLite starts the log over only when a write
 * transaction begins after a checkpoint that copied all of it, which a checkpoint
 * running beside the next batch never has: so every CKPT_SETTLE commits the ingest
 * waits for the checkpointer to finish before its next batch begins (store_ckpt_settle),
 * and the log stays under that many batches long. */
#include "store/store.h"

#include "core/mem.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct store_ckpt {
    sf_db *db;
    sqlite3 *h; /* the checkpointer's own connection */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int kicked, busy, stop;
};

static void *run(void *arg)
{
    store_ckpt *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->kicked && !c->stop) pthread_cond_wait(&c->cv, &c->mu);
        if (c->stop) break;
        c->kicked = 0;
        c->busy = 1;
        pthread_mutex_unlock(&c->mu);
        /* SQLITE_BUSY (another checkpoint running) only means a later kick does it */
        sqlite3_wal_checkpoint_v2(c->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&c->mu);
        c->busy = 0;
        pthread_cond_broadcast(&c->cv);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

store_ckpt *store_ckpt_new(sf_db *db)
{
    const char *where = store_where(db);
    if (!where[0] || !strcmp(where, ":memory:") || !strncmp(where, "file:", 5)) return NULL;
    store_ckpt *c = sf_xcalloc(1, sizeof *c);
    c->db = db;
    /* a connection finds the database in WAL mode (and so can checkpoint it) only once
     * it has read it: until then a checkpoint does nothing and the log grows */
    if (sqlite3_open_v2(where, &c->h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
        sqlite3_exec(c->h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(c->h);
        free(c);
        return NULL; /* SQLite checkpoints inside COMMIT, as by default */
    }
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, NULL);
    if (pthread_create(&c->thread, NULL, run, c) != 0) {
        pthread_cond_destroy(&c->cv);
        pthread_mutex_destroy(&c->mu);
        sqlite3_close(c->h);
        free(c);
        return NULL;
    }
    sqlite3_wal_autocheckpoint(store_sqlite_handle(db), 0);
    return c;
}

/* Set one of the thread's flags (kicked, stop) and wake it. */
static void tell(store_ckpt *c, int *flag)
{
    pthread_mutex_lock(&c->mu);
    *flag = 1;
    pthread_cond_broadcast(&c->cv);
    pthread_mutex_unlock(&c->mu);
}

void store_ckpt_kick(store_ckpt *c)
{
    if (c) tell(c, &c->kicked);
}

void store_ckpt_settle(store_ckpt *c)
{
    if (!c) return;
    pthread_mutex_lock(&c->mu);
    while (c->kicked || c->busy) pthread_cond_wait(&c->cv, &c->mu);
    pthread_mutex_unlock(&c->mu);
}

void store_ckpt_free(store_ckpt *c)
{
    if (!c) return;
    tell(c, &c->stop);
    pthread_join(c->thread, NULL);
    pthread_cond_destroy(&c->cv);
    pthread_mutex_destroy(&c->mu);
    sqlite3_close(c->h);
    sqlite3_wal_autocheckpoint(store_sqlite_handle(c->db), 1000); /* SQLite's default */
    free(c);
}
