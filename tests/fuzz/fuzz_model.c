/* fuzz_model.c — libFuzzer target for the model file loader (ner_model_load in
 * src/ner/model.c). The input is written to a per-process temp file and loaded (mmap);
 * a corrupt file must be refused with a reason, and a file that loads must be safe to
 * tag with: a small fixed two-sentence document is tagged through ner_tagger_new/
 * ner_tagger_tag, and every tag must be one of the NER_NTAG tags. Seed it with small
 * model files written by ner_model_save (any value may be NaN here, so IOB2 validity of
 * the tags is not checked). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "ner/ner.h"

static const ner_tok toks[] = {{"Ilsa", 4},    {"Marovic", 7}, {"visited", 7},  {"Velmora", 7},
                               {".", 1},       {"The", 3},     {"Velmoran", 8}, {"fleet", 5},
                               {"Velmora", 7}, {"Ilsa", 4},    {"\xC3\x89", 2}, {"!", 1}};
static const uint32_t sent[] = {0, 5, 12};
static char path[64];

static void remove_file(void)
{
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/fuzz_model.%ld", (long)getpid());
        atexit(remove_file);
    }
    FILE *f = fopen(path, "wb");
    CHECK(f && fwrite(data, 1, size, f) == size && fclose(f) == 0);
    sf_error err = {0};
    ner_model *m = ner_model_load(path, &err);
    if (!m) {
        CHECK(err.code != 0 && strstr(err.msg, path));
        return 0;
    }
    CHECK(m->image_len == size && memcmp(m->image, data, size) == 0);
    uint8_t tags[sizeof toks / sizeof *toks];
    memset(tags, 0xFF, sizeof tags);
    ner_doc doc = {toks, sizeof toks / sizeof *toks, sent, 2, tags};
    ner_tagger *t = ner_tagger_new(m);
    ner_tagger_tag(t, &doc);
    ner_tagger_tag(t, &doc); /* again, with the caches warm */
    for (size_t i = 0; i < sizeof tags; i++) CHECK(tags[i] < NER_NTAG);
    ner_tagger_free(t);
    ner_model_free(m);
    return 0;
}
