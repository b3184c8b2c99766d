/* pool.h — analysis and tagging on worker threads, results in input order (pool.c). */
#ifndef SF_CLI_POOL_H
#define SF_CLI_POOL_H

#include "storyfold.h"

typedef struct cli_pool cli_pool;

/* Called on the submitting thread, in submission order, with each analyzed document
 * (consumed) and the analysis status; nonzero stops the pool (later documents are
 * freed unseen). */
typedef int (*cli_pool_fn)(sf_doc *doc, int rc, const sf_error *err, void *ctx);

/* threads workers, each tagging with a tagger sharing proto's model (NULL: no tagging). */
cli_pool *cli_pool_new(int threads, const sf_tagger *proto, cli_pool_fn deliver, void *ctx);
/* Queue a document (consumed); may deliver earlier ones first. 1 once stopped. */
int cli_pool_submit(cli_pool *p, sf_doc *doc);
/* Deliver everything submitted; 1 if the pool was stopped. */
int cli_pool_drain(cli_pool *p);
/* Drain, stop the workers and free. */
void cli_pool_free(cli_pool *p);

#endif
