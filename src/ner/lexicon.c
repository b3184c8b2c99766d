/* lexicon.c — the tagger's lexicons: gazetteers (lowercased token sequences → bitmask
 * of kinds, with every proper prefix marked so matching can stop early) and word
 * clusters (lowercased word → packed cluster ids at NER_NCLUSTER granularities). Both
 * are read from the text files tools/model/build-lexicons.sh writes into hash maps, which
 * model.c lays out inside the model file. */
#include "ner/ner.h"

#include "core/error.h"
#include "core/mem.h"
#include "text/token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static const char *const gaz_files[GAZ_NKINDS] = {
    "gaz-country.txt",     "gaz-region.txt",   "gaz-city.txt",     "gaz-city-large.txt",
    "gaz-nationality.txt", "gaz-language.txt", "gaz-currency.txt", "gaz-firstname.txt",
};

uint64_t ner_lower_hash(const char *s, size_t len)
{
    char low[256];
    size_t n = tok_fold(s, len, low, sizeof low);
    if (!n) return XXH3_64bits(s, len) | 1; /* too long to fold: hash as it is */
    return XXH3_64bits(low, n) | 1;
}

uint64_t ner_seq_hash(uint64_t prev, uint64_t tok_lower)
{
    uint64_t h = prev * 0x9E3779B97F4A7C15ULL ^ tok_lower;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return h | 1;
}

/* Add one gazetteer line (tokens separated by single spaces) of the given kind. */
static void gaz_add(ner_lexicon_src *lx, const char *line, size_t len, int kind)
{
    uint64_t h = 0;
    size_t ntok = 0, i = 0;
    uint64_t prefixes[GAZ_MAXLEN];
    while (i < len) {
        size_t j = i;
        while (j < len && line[j] != ' ') j++;
        if (j > i) {
            if (ntok == GAZ_MAXLEN) return;
            h = ner_seq_hash(h, ner_lower_hash(line + i, j - i));
            prefixes[ntok++] = h;
        }
        i = j + 1;
    }
    if (!ntok) return;
    for (size_t k = 0; k + 1 < ntok; k++) *hmap_put(&lx->gaz, prefixes[k], 0) |= GAZ_PREFIX;
    *hmap_put(&lx->gaz, h, 0) |= 1u << kind;
}

static int read_lines(const char *dir, const char *name, ner_lexicon_src *lx, int kind,
                      sf_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) return 0; /* a lexicon that was not built is empty */
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (!n) continue;
        if (kind >= 0) {
            gaz_add(lx, line, (size_t)n, kind);
            continue;
        }
        /* clusters.tsv: word \t id \t id \t id */
        char *tab = memchr(line, '\t', (size_t)n);
        if (!tab) {
            free(line);
            fclose(f);
            return sf_fail(err, SF_EFORMAT, "%s:%ld: expected word<TAB>ids", path, lineno);
        }
        line[n] = '\0';
        uint32_t packed = 0;
        char *p = tab;
        for (int g = 0; g < NER_NCLUSTER && p && *p == '\t'; g++) {
            unsigned long id = strtoul(p + 1, &p, 10);
            packed |= (uint32_t)(id & 0x3FF) << (10 * g);
        }
        *hmap_put(&lx->clusters, ner_lower_hash(line, (size_t)(tab - line)), 0) =
            packed | (1u << 30);
    }
    free(line);
    fclose(f);
    return 0;
}

int ner_lexicon_read(const char *dir, ner_lexicon_src *src, sf_error *err)
{
    memset(src, 0, sizeof *src);
    for (int k = 0; k < GAZ_NKINDS; k++)
        if (read_lines(dir, gaz_files[k], src, k, err) < 0) goto fail;
    if (read_lines(dir, "clusters.tsv", src, -1, err) < 0) goto fail;
    return 0;
fail:
    ner_lexicon_src_free(src);
    return err->code;
}

void ner_lexicon_src_free(ner_lexicon_src *src)
{
    hmap_free(&src->gaz);
    hmap_free(&src->clusters);
}

uint32_t ner_lexicon_cluster(const ner_lexicon *lx, uint64_t lower)
{
    return ner_table_get(&lx->clusters, lower, 0);
}

uint32_t ner_lexicon_gaz(const ner_lexicon *lx, uint64_t seq)
{
    return ner_table_get(&lx->gaz, seq, 0);
}
