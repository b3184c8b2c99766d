/* doc.c — the document object: creation and release, the names of entity types, and
 * whether a position lies in boilerplate. Analysis lives in pipeline/. */
#include "core/mem.h"
#include "storyfold.h"

#include <stdlib.h>
#include <string.h>

sf_doc *sf_doc_new(void)
{
    sf_doc *d = sf_xcalloc(1, sizeof *d);
    d->day = SF_NO_DAY;
    return d;
}

void sf_doc_free(sf_doc *d)
{
    if (!d) return;
    free(d->path);
    free(d->ext_id);
    free(d->title);
    free(d->source);
    free(d->date);
    free(d->url);
    free(d->author);
    free(d->lang);
    free(d->text);
    free(d->boilerplate);
    free(d->sents);
    free(d->toks);
    free(d->ents);
    free(d->nums);
    free(d->timexes);
    free(d->quotes);
    free(d);
}

static const char *const ent_types[] = {"", "PER", "LOC", "ORG", "MISC"};

const char *sf_ent_type_name(int type)
{
    return type > 0 && type <= SF_ENT_MISC ? ent_types[type] : "";
}

int sf_ent_type_parse(const char *name)
{
    for (int t = SF_ENT_PER; name && t <= SF_ENT_MISC; t++)
        if (!strcmp(name, ent_types[t])) return t;
    return SF_ENT_NONE;
}

int sf_doc_in_boilerplate(const sf_doc *d, uint32_t pos)
{
    size_t lo = 0, hi = d->n_sents; /* the last sentence starting at or before pos */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].start <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && pos < d->sents[lo - 1].end && d->sents[lo - 1].boilerplate;
}
