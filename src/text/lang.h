/* lang.h — which language a document is written in (lang.c). */
#ifndef SF_LANG_H
#define SF_LANG_H

#include "storyfold.h"

/* Room for a language code and its NUL: "fr", "sco". */
#define LANG_CODE_MAX 8

/* The primary language subtag of a declared tag, lowercased, and ISO 639-1 where the
 * language has a code there: "en-GB" -> "en", "FRA" -> "fr", "zh_Hant" -> "zh", "iw" ->
 * "he". Returns 0 (out = "") when the tag names no language ("", "x-default", "und",
 * "mul", anything not 2 or 3 letters). */
int lang_normalize(const char *tag, char out[LANG_CODE_MAX]);

/* Identify the language of UTF-8 text from its first LANG_PREFIX bytes (any bytes are
 * accepted; invalid UTF-8 is skipped): out receives an ISO 639-1 code ("fr"), or the ISO
 * 639-3 code of a language without one ("sco"). Returns 0 (out = "") when the language
 * cannot be told: too little text, or text no model recognizes. Thread-safe. */
#define LANG_PREFIX 2048
int lang_identify(const char *text, size_t len, char out[LANG_CODE_MAX]);

/* Set doc->lang from the document's text outside boilerplate (clean_boilerplate has
 * run): a declared language, normalized, is kept unless the text is clearly in another
 * one; without a declared one, the identified language, or NULL when it cannot be told. */
void lang_doc(sf_doc *doc);

/* Release this thread's classifier; a thread that analyzed documents calls it before
 * it ends (with tok_thread_end). */
void lang_thread_end(void);

#endif
