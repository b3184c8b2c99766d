/* cmd_tag.c — `storyfold tag --conll FILE`: the named-entity tagger's evaluation
 * interface. CoNLL-2003 columns in; the same lines with a predicted IOB2 column out. */
#include "cli/args.h"
#include "cli/cli.h"
#include "ner/conll.h"

#include <stdio.h>
#include <string.h>

static const cli_spec spec = {
    "tag",
    "",
    0,
    0,
    "Tag a CoNLL-2003 file (one token a line, its word in the first column, blank lines\n"
    "between sentences, -DOCSTART- lines between documents) with PER, LOC, ORG and MISC\n"
    "entities: each line is printed again with the predicted IOB2 tag appended, ready for\n"
    "conlleval. Sentences of one document are tagged together: how a word is tagged\n"
    "elsewhere in its document informs its tag.",
    {{"conll", OPT_STR, "FILE", NULL, "the CoNLL file to tag (- = standard input)"},
     {"model", OPT_STR, "FILE", NULL, "tagger model (default: models/ner.sfm, see README)"}},
};

int cmd_tag(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    const char *path = cli_get(&spec, &a, "conll");
    if (!path) {
        cli_error("tag", "--conll FILE is required (see storyfold tag --help)");
        return EXIT_USAGE;
    }
    sf_tagger *tg = cli_tagger("tag", cli_get(&spec, &a, "model"));
    if (!tg) return EXIT_REJECTED;
    ner_conll c;
    sf_error err = {0};
    if (ner_conll_read(path, &c, &err)) {
        cli_error("tag", "%s", err.msg);
        return EXIT_REJECTED;
    }
    for (size_t d = 0; d < c.n_docs; d++) ner_tagger_tag(tg->tagger, &c.docs[d].doc);
    ner_conll_write(&c, stdout);
    ner_conll_free(&c);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_REJECTED;
}
