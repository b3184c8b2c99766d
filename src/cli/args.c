/* args.c — parsing options from a subcommand's table and printing its --help. */
#include "cli/args.h"

#include "storyfold.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t n_opts(const cli_spec *s)
{
    size_t n = 0;
    while (n < CLI_MAX_OPTS && s->opts[n].name) n++;
    return n;
}

static void usage(const cli_spec *s, FILE *out)
{
    size_t n = n_opts(s);
    fprintf(out, "usage: storyfold %s%s%s%s\n\n%s\n\nOptions:\n", s->name, n ? " [OPTIONS]" : "",
            *s->args ? " " : "", s->args, s->about);
    for (size_t i = 0; i < n; i++) {
        const cli_opt *o = &s->opts[i];
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", o->name, o->metavar ? " " : "",
                 o->metavar ? o->metavar : "");
        fprintf(out, "  %-24s %s", left, o->help);
        if (o->def) fprintf(out, " (default %s)", o->def);
        fputc('\n', out);
    }
    fprintf(out, "  %-24s %s\n", "-h, --help", "this help");
}

__attribute__((format(printf, 2, 3))) static int bad(const cli_spec *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "storyfold %s: ", s->name);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n\n", stderr);
    usage(s, stderr);
    return 2;
}

int cli_parse(const cli_spec *s, int argc, char **argv, cli_args *out)
{
    size_t n = n_opts(s);
    struct option lo[CLI_MAX_OPTS + 2];
    for (size_t i = 0; i < n; i++)
        lo[i] = (struct option){s->opts[i].name,
                                s->opts[i].kind == OPT_FLAG ? no_argument : required_argument, NULL,
                                (int)(256 + i)};
    lo[n] = (struct option){"help", no_argument, NULL, 'h'};
    lo[n + 1] = (struct option){NULL, 0, NULL, 0};
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++) out->val[i] = s->opts[i].def;

    optind = 1;
    opterr = 0; /* we say what went wrong ourselves, naming the command */
    int c;
    while ((c = getopt_long(argc, argv, ":h", lo, NULL)) != -1) {
        if (c == 'h') {
            usage(s, stdout);
            return 0;
        }
        if (c == '?') return bad(s, "unknown option '%s'", argv[optind - 1]);
        if (c == ':') return bad(s, "option '%s' needs a value", argv[optind - 1]);
        size_t i = (size_t)(c - 256);
        const cli_opt *o = &s->opts[i];
        if (o->kind == OPT_FLAG) {
            out->val[i] = "1";
            continue;
        }
        if (o->kind == OPT_INT) {
            char *end;
            long x = strtol(optarg, &end, 10);
            if (!*optarg || *end || x <= 0 || x > 1000000)
                return bad(s, "--%s wants a positive integer, not '%s'", o->name, optarg);
        }
        if (o->kind == OPT_DATE) {
            char ymd[11];
            if (sf_date_parse(optarg, ymd) != 0)
                return bad(s, "--%s wants a date such as 2025-03-14, not '%s'", o->name, optarg);
        }
        out->val[i] = optarg;
    }
    out->pos = argv + optind;
    out->n_pos = argc - optind;
    if (out->n_pos < s->min_args || (s->max_args >= 0 && out->n_pos > s->max_args))
        return bad(s, "expected %s", *s->args ? s->args : "no arguments");
    return CLI_GO_ON;
}

const char *cli_get(const cli_spec *s, const cli_args *a, const char *name)
{
    for (size_t i = 0; i < n_opts(s); i++)
        if (!strcmp(s->opts[i].name, name)) return a->val[i];
    return NULL;
}

int cli_get_int(const cli_spec *s, const cli_args *a, const char *name)
{
    const char *v = cli_get(s, a, name);
    return v ? atoi(v) : 0;
}
