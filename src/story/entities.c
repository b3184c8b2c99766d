/* entities.c — a story's key people, places and organizations: the canonical entities
 * of its documents merged across documents (spelling variants, surname-only mentions:
 * canon.c), each counted by the independent outlets that name it (copies and one
 * source's articles once), most reported first. */
#include "core/mem.h"
#include "ner/canon.h"
#include "story/entities.h"

#include <stdlib.h>
#include <string.h>

#define PER_TYPE 6 /* entities kept per type */

typedef struct agg {
    uint8_t type;
    uint64_t merged;
    size_t first; /* index into the canon_entity array: the row with the display name */
    int outlets, docs, mentions;
} agg;

static int words(const char *s, size_t n)
{
    int w = 1;
    for (size_t i = 0; i < n; i++) w += s[i] == ' ';
    return w;
}

static int has_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') return 1;
    return 0;
}

static int by_merged(const void *a, const void *b)
{
    const canon_entity *x = *(canon_entity *const *)a, *y = *(canon_entity *const *)b;
    if (x->type != y->type) return x->type - y->type;
    if (x->merged != y->merged) return x->merged < y->merged ? -1 : 1;
    return 0;
}

static int by_rank(const void *a, const void *b)
{
    const sf_brief_entity *x = a, *y = b;
    if (x->type != y->type) return x->type - y->type;
    if (x->n_outlets != y->n_outlets) return y->n_outlets - x->n_outlets;
    if (x->n_mentions != y->n_mentions) return y->n_mentions - x->n_mentions;
    return strcmp(x->name, y->name);
}

void story_entities(sf_brief *b)
{
    /* one canon_entity per (document, type, key) */
    canon_entity *e = NULL;
    size_t *doc_of = NULL, n = 0, cap = 0, cap2 = 0;
    for (size_t d = 0; d < b->n_docs; d++) {
        const sf_doc *doc = b->docs[d];
        size_t first = n;
        for (size_t i = 0; i < doc->n_ents; i++) {
            const sf_entity *m = &doc->ents[i];
            if (m->type == SF_ENT_MISC || m->name_end <= m->name_start) continue;
            if (sf_doc_in_boilerplate(doc, m->start)) continue; /* captions, teasers */
            size_t k = first;
            while (k < n && !(e[k].type == m->type && e[k].key == m->key)) k++;
            if (k < n) {
                e[k].count++;
                continue;
            }
            SF_GROW(e, cap, n + 1);
            SF_GROW(doc_of, cap2, n + 1);
            e[n] = (canon_entity){
                m->key, m->type, doc->text + m->name_start, m->name_end - m->name_start, 1, 0};
            doc_of[n++] = d;
        }
    }
    if (!n) return;
    canon_merge(e, n);
    canon_entity **order = sf_xmalloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++) order[i] = &e[i];
    qsort(order, n, sizeof *order, by_merged);
    int *seen = sf_xcalloc(b->n_docs, sizeof *seen);
    int stamp = 0;
    sf_brief_entity *out = sf_xcalloc(n, sizeof *out);
    size_t nout = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        stamp++;
        sf_brief_entity *r = &out[nout++];
        r->type = order[i]->type;
        const canon_entity *best = order[i];
        while (j < n && order[j]->type == order[i]->type && order[j]->merged == order[i]->merged) {
            const canon_entity *c = order[j];
            size_t d = doc_of[c - e];
            if (seen[b->outlet[d]] != stamp) seen[b->outlet[d]] = stamp, r->n_outlets++;
            r->n_docs++;
            r->n_mentions += (int)c->count;
            /* the display name: most words (a full name), then not in capitals (a
             * dateline's "OSTRAND"), then most mentioned, then longest, then first in bytes */
            int cmp = words(c->name, c->len) - words(best->name, best->len);
            if (!cmp) cmp = has_lower(c->name, c->len) - has_lower(best->name, best->len);
            if (!cmp) cmp = (int)c->count - (int)best->count;
            if (!cmp) cmp = (int)c->len - (int)best->len;
            if (!cmp) cmp = memcmp(best->name, c->name, best->len); /* equal lengths */
            if (cmp > 0) best = c;
            j++;
        }
        r->name = sf_xstrndup(best->name, best->len);
        /* hard line breaks inside a name become spaces */
        for (char *p = r->name; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
        i = j;
    }
    qsort(out, nout, sizeof *out, by_rank);
    /* keep the first PER_TYPE of each type */
    size_t kept = 0;
    for (size_t i = 0, run = 0; i < nout; i++) {
        run = (i && out[i].type == out[i - 1].type) ? run + 1 : 0;
        if (run < PER_TYPE)
            out[kept++] = out[i];
        else
            free(out[i].name);
    }
    b->entities = out;
    b->n_entities = kept;
    free(seen);
    free(order);
    free(e);
    free(doc_of);
}
