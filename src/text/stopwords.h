/* stopwords.h — function words that carry no topic, per language (stopwords.c). */
#ifndef SF_STOPWORDS_H
#define SF_STOPWORDS_H

#include <stddef.h>

/* The languages with a stop list; a language's value is its bit in stop_mask. */
enum {
    STOP_EN,
    STOP_DA,
    STOP_DE,
    STOP_ES,
    STOP_FR,
    STOP_IT,
    STOP_NL,
    STOP_NO,
    STOP_PT,
    STOP_RU,
    STOP_SV,
    STOP_NLANGS
};

/* The list of an ISO 639-1 code ("en", "fr"; "nb" and "nn" share "no"), or -1. */
int stop_lang(const char *code);
/* The ISO 639-1 code of list l ("no" for Norwegian), or NULL. */
const char *stop_lang_code(int l);

/* Bit (1 << l) set for every list l that holds the casefolded word (tok_fold). */
unsigned stop_mask(const char *lower, size_t len);

/* 1 when list l holds the casefolded word; 0 for l < 0 (a language without a list). */
int stop_is(int l, const char *lower, size_t len);

/* List l's words, sorted in byte order (for tests); returns how many. */
size_t stop_list(int l, const char *const **words);

#endif
