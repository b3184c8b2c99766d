/* test_entities.c — a story's key entities (src/story/entities.c): mentions merged
 * across documents by key and by surname, counted in independent outlets (copies and one
 * outlet's documents once), boilerplate mentions left out, MISC left out, the fullest
 * mixed-case name shown, and at most six per type. Mentions are set by hand: the tagger
 * has its own tests. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ner/canon.h"
#include "story/entities.h"

/* A document with text and mentions of the given names (found by their first
 * occurrence in the text). */
static sf_doc *doc_with(const char *text, const char *const *names, const uint8_t *types)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    d->len = strlen(text);
    assert_int_equal(sf_doc_analyze(d, &(sf_error){0}), SF_OK);
    size_t n = 0;
    while (names[n]) n++;
    d->ents = calloc(n ? n : 1, sizeof *d->ents);
    for (size_t i = 0; i < n; i++) {
        const char *at = strstr(d->text, names[i]);
        assert_non_null(at);
        uint32_t s = (uint32_t)(at - d->text), e = s + (uint32_t)strlen(names[i]);
        d->ents[i] = (sf_entity){s, e, types[i], s, e, canon_key(names[i], strlen(names[i]))};
    }
    d->n_ents = n;
    return d;
}

static const sf_brief_entity *find(const sf_brief *b, const char *name)
{
    for (size_t i = 0; i < b->n_entities; i++)
        if (!strcmp(b->entities[i].name, name)) return &b->entities[i];
    return NULL;
}

static void test_merge_and_count(void **state)
{
    (void)state;
    sf_brief b = {0};
    sf_doc *docs[3];
    /* doc 0 and doc 1 are one outlet (a copy); doc 2 is another */
    docs[0] = doc_with(
        "Tovan Kerensky visited Velmora on Monday with the Ostrand Council.\n\n"
        "Also Read | Ilsa Marovic opens a bakery in Kessby.",
        (const char *const[]){"Tovan Kerensky", "Velmora", "Ostrand Council", "Ilsa Marovic", NULL},
        (const uint8_t[]){SF_ENT_PER, SF_ENT_LOC, SF_ENT_ORG, SF_ENT_PER});
    docs[1] = doc_with("Tovan Kerensky visited Velmora on Monday.",
                       (const char *const[]){"Tovan Kerensky", "Velmora", NULL},
                       (const uint8_t[]){SF_ENT_PER, SF_ENT_LOC});
    docs[2] = doc_with("Kerenskyy said VELMORA was calm, and Velmorans agreed.",
                       (const char *const[]){"Kerenskyy", "VELMORA", "Velmorans", NULL},
                       (const uint8_t[]){SF_ENT_PER, SF_ENT_LOC, SF_ENT_MISC});
    b.docs = docs;
    b.n_docs = 3;
    size_t outlet[3] = {0, 0, 2};
    b.outlet = outlet;
    story_entities(&b);

    const sf_brief_entity *per = find(&b, "Tovan Kerensky");
    assert_non_null(per); /* the surname-only variant spelling joined the full name */
    assert_int_equal(per->type, SF_ENT_PER);
    assert_int_equal(per->n_outlets, 2);
    assert_int_equal(per->n_docs, 3);
    assert_int_equal(per->n_mentions, 3);
    const sf_brief_entity *loc = find(&b, "Velmora"); /* not the dateline's capitals */
    assert_non_null(loc);
    assert_int_equal(loc->n_outlets, 2);
    assert_null(find(&b, "VELMORA"));
    assert_null(find(&b, "Ilsa Marovic")); /* only in a teaser line */
    assert_null(find(&b, "Velmorans"));    /* MISC is not a key entity */
    assert_non_null(find(&b, "Ostrand Council"));
    /* by type, most outlets first */
    for (size_t i = 1; i < b.n_entities; i++) {
        assert_true(b.entities[i - 1].type <= b.entities[i].type);
        if (b.entities[i - 1].type == b.entities[i].type)
            assert_true(b.entities[i - 1].n_outlets >= b.entities[i].n_outlets);
    }
    for (size_t i = 0; i < b.n_entities; i++) free(b.entities[i].name);
    free(b.entities);
    for (int i = 0; i < 3; i++) sf_doc_free(docs[i]);
}

static void test_six_per_type(void **state)
{
    (void)state;
    static const char *const names[] = {"Avel",    "Brisk",  "Corran", "Dunmore", "Elsby",
                                        "Fenwick", "Garrow", "Hale",   NULL};
    const uint8_t types[8] = {SF_ENT_LOC, SF_ENT_LOC, SF_ENT_LOC, SF_ENT_LOC,
                              SF_ENT_LOC, SF_ENT_LOC, SF_ENT_LOC, SF_ENT_LOC};
    sf_doc *d = doc_with("Avel, Brisk, Corran, Dunmore, Elsby, Fenwick, Garrow and Hale flooded.",
                         names, types);
    sf_brief b = {0};
    b.docs = &d;
    b.n_docs = 1;
    size_t outlet[1] = {0};
    b.outlet = outlet;
    story_entities(&b);
    assert_int_equal(b.n_entities, 6);
    assert_string_equal(b.entities[0].name, "Avel"); /* ties: by name */
    for (size_t i = 0; i < b.n_entities; i++) free(b.entities[i].name);
    free(b.entities);
    sf_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_merge_and_count),
        cmocka_unit_test(test_six_per_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
