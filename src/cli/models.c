/* models.c — finding and loading the trained models the commands use, once per process.
 * A model is looked for at --model, then $STORYFOLD_MODELS/<name>, then beside the
 * executable: <exe dir>/models, <exe dir>/../models (the build tree) and
 * <exe dir>/../share/storyfold/models (an installed tree). */
#include "cli/cli.h"
#include "ner/ner.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static sf_tagger *tagger_loaded;

static void release(void)
{
    sf_tagger_free(tagger_loaded);
    tagger_loaded = NULL;
}

/* First readable candidate path for model file `name` into out; 0 if none. */
static int find_model(const char *name, char *out, size_t cap)
{
    const char *env = getenv("STORYFOLD_MODELS");
    if (env && *env) {
        snprintf(out, cap, "%s/%s", env, name);
        if (access(out, R_OK) == 0) return 1;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return 0;
    exe[n] = '\0';
    const char *dir = dirname(exe);
    static const char *const rel[] = {"models", "../models", "../share/storyfold/models"};
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
        snprintf(out, cap, "%s/%s/%s", dir, rel[i], name);
        if (access(out, R_OK) == 0) return 1;
    }
    return 0;
}

sf_tagger *cli_tagger(const char *cmd, const char *path)
{
    static int failed;
    if (tagger_loaded || failed) return tagger_loaded;
    char found[4096];
    if (!path) {
        if (!find_model("ner.sfm", found, sizeof found)) {
            cli_error(cmd, "no named entities: the tagger model models/ner.sfm is not beside "
                           "the executable nor in $STORYFOLD_MODELS (make model builds it)");
            failed = 1;
            return NULL;
        }
        path = found;
    }
    sf_error err = {0};
    tagger_loaded = sf_tagger_new(path, &err);
    if (!tagger_loaded) {
        cli_error(cmd, "%s", err.msg);
        failed = 1;
        return NULL;
    }
    atexit(release);
    return tagger_loaded;
}
