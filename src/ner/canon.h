/* canon.h — canonical entities: one entity per name within a document (titles and
 * possessives stripped, short and variant mentions linked to the fullest form) and across
 * documents (spelling-tolerant keys, surname-only people merged into the full name).
 *
 * Ownership: nothing here allocates anything the caller must free. Mention and entity
 * arrays are the caller's and are filled in place; their text is borrowed and must
 * outlive the arrays' use (name_off/name_len and canon index into it). */
#ifndef SF_NER_CANON_H
#define SF_NER_CANON_H

#include <stddef.h>
#include <stdint.h>

#include "storyfold.h"

typedef struct canon_mention {
    const char *text; /* surface as tagged, UTF-8, borrowed */
    uint32_t len;
    uint8_t type; /* sf_ent_type */
    /* filled by canon_doc: */
    uint32_t name_off, name_len; /* the name proper inside text: leading titles/roles and
                                    "the" and a trailing possessive 's / ’s / ' dropped */
    int32_t canon;               /* index (in this doc's array) of the mention that holds the
                                    fullest form of this entity; itself if none */
    uint64_t key;                /* canon_key of the canonical mention's name, nonzero */
} canon_mention;

/* Fill name_off, name_len, canon and key of one document's mentions (in text order).
 * Links, never across types: equal keys; a one- or two-token PER to the longest (then
 * earliest) longer PER with the same last-token key (a two-token one only if its first
 * token or initial agrees; a Jr./Sr./II/III/IV suffix is not a surname); a one-token PER
 * first name to the only entity whose longer PER it starts; an ORG acronym ("UN",
 * "U.N.") to the earliest ORG whose capitalized words it abbreviates. canon always
 * points at a mention whose canon is itself. */
void canon_doc(canon_mention *m, size_t n);

/* Key of a name (nonzero): casefolded, diacritics stripped, punctuation dropped, hyphens
 * and spaces separating tokens, and transliteration variants normalized per token (the
 * rules are listed in canon.c). Equal for "Zelensky"/"Zelenskyy", "Kyiv"/"Kiev". */
uint64_t canon_key(const char *name, size_t len);

typedef struct canon_entity {
    uint64_t key;     /* from canon_doc (key of the canonical mention) */
    uint8_t type;     /* sf_ent_type */
    const char *name; /* display form (the canonical mention's name), borrowed */
    uint32_t len;
    uint32_t count;  /* mentions */
    uint64_t merged; /* out: key of the entity this one merges into (== key if none) */
} canon_entity;

/* Set merged for entities from many documents (duplicates of one type and key allowed).
 * Equal (type, key) are one entity already; in addition a one-token PER merges into the
 * multi-token PER whose last-token key equals its key when exactly one such key exists
 * among the inputs. The result does not depend on the order of e. */
void canon_merge(canon_entity *e, size_t n);

#endif
