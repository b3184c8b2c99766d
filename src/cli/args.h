/* args.h — command-line options that describe themselves: each subcommand declares a
 * table (name, kind, metavar, default, help) from which both parsing and --help come,
 * so the two cannot drift apart. */
#ifndef SF_CLI_ARGS_H
#define SF_CLI_ARGS_H

typedef enum { OPT_FLAG, OPT_STR, OPT_INT, OPT_DATE } cli_kind;

typedef struct cli_opt {
    const char *name; /* long name, without "--" */
    cli_kind kind;
    const char *metavar; /* "FILE", "N"; NULL for flags */
    const char *def;     /* default as text, or NULL */
    const char *help;
} cli_opt;

#define CLI_MAX_OPTS 8

typedef struct cli_spec {
    const char *name;           /* subcommand */
    const char *args;           /* positional synopsis: "PATH...", "ID" */
    int min_args, max_args;     /* max_args < 0: any number */
    const char *about;          /* what it does, wrapped by hand */
    cli_opt opts[CLI_MAX_OPTS]; /* ends at the first entry without a name */
} cli_spec;

typedef struct cli_args {
    const char *val[CLI_MAX_OPTS]; /* the value given, "1" for a flag, or the default */
    char **pos;                    /* positional arguments */
    int n_pos;
} cli_args;

/* Options several commands share. */
#define OPT_DB                                                                                     \
    {                                                                                              \
        "db", OPT_STR, "FILE", "storyfold.db", "the SQLite store"                                  \
    }
#define OPT_DATE_DEFAULT                                                                           \
    {                                                                                              \
        "date", OPT_DATE, "YYYY-MM-DD", NULL, "report date for articles that carry none"           \
    }
#define OPT_JSON                                                                                   \
    {                                                                                              \
        "json", OPT_FLAG, NULL, NULL, "JSON Lines instead of text (pipe into jq)"                  \
    }
#define OPT_WORDS                                                                                  \
    {                                                                                              \
        "words", OPT_INT, "N", "100", "summary budget in words"                                    \
    }

#define CLI_GO_ON (-1)

/* Parse argv (argv[0] is the subcommand). Returns CLI_GO_ON, or the exit status to
 * return at once: 0 after printing --help to stdout, 2 after a usage error on stderr. */
int cli_parse(const cli_spec *spec, int argc, char **argv, cli_args *out);

/* The value of option `name` (given or default), NULL when neither. */
const char *cli_get(const cli_spec *spec, const cli_args *a, const char *name);
/* The value of an OPT_INT option (validated by cli_parse), or 0. */
int cli_get_int(const cli_spec *spec, const cli_args *a, const char *name);

#endif
