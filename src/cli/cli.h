/* cli.h — what the subcommands share: the command table, reading inputs with rejects
 * reported on stderr, progress on a terminal, and exit statuses. Only the CLI prints. */
#ifndef SF_CLI_H
#define SF_CLI_H

#include "storyfold.h"

enum { EXIT_OK = 0, EXIT_REJECTED = 1, EXIT_USAGE = 2 };

int cmd_ingest(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_summarize(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_tag(int argc, char **argv);

/* Print "storyfold CMD: message" on stderr. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Read every path ("-" = JSON Lines on stdin), analyze each document and hand it to fn
 * (which consumes it); inputs the readers or the analysis reject are reported on stderr
 * and counted. Returns the number rejected, or -1 when fn failed (fn has printed why). */
typedef int (*cli_doc_fn)(sf_doc *doc, void *ctx);
long cli_read_all(const char *cmd, char **paths, int n, const char *default_date, cli_doc_fn fn,
                  void *ctx);
/* The same, with idle(ctx) called when a stream waits for input (see sf_reader). */
long cli_read_all_idle(const char *cmd, char **paths, int n, const char *default_date,
                       cli_doc_fn fn, void (*idle)(void *ctx), void *ctx);

/* Analyze documents read from paths into an array (for the in-memory commands). */
typedef struct cli_docs {
    sf_doc **v;
    size_t n, cap;
} cli_docs;
long cli_load_docs(const char *cmd, char **paths, int n, const char *default_date, cli_docs *out);
void cli_docs_free(cli_docs *d);

/* Ingest paths into db; returns rejected count or -1 on a store failure. */
long cli_ingest_paths(const char *cmd, sf_db *db, char **paths, int n, const char *default_date,
                      int quiet);

/* Open the store at path for a command that reads it: a missing file is an error
 * ("run storyfold ingest first"), not a new empty store. NULL after printing why. */
sf_db *cli_open_existing(const char *cmd, const char *path);

/* Print a JSON value on one line of stdout and release it (NULL: nothing). */
struct json_t;
void cli_print_json(struct json_t *v);

/* The named-entity tagger, loaded once (path NULL: the default search, see models.c);
 * NULL after printing why (once). */
sf_tagger *cli_tagger(const char *cmd, const char *path);

#endif
