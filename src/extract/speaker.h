/* speaker.h — who a quotation is attributed to: the cue ("said", "according to"), the
 * speaker mention it attaches to ("he", "Sen. Ted Cruz", "a senior official"), and the
 * person that mention resolves to (see speaker.c for the rules). */
#ifndef SF_SPEAKER_H
#define SF_SPEAKER_H

#include <stdint.h>

#include "storyfold.h"

/* How the text before a quotation leads into it. */
enum {
    SPK_INTRO_NONE = 0,
    SPK_INTRO_COLON, /* X said: "..."  / X on Twitter: "..." */
    SPK_INTRO_COMMA, /* X said, "..." / "A," he said, "B." / According to X, "..." */
    SPK_INTRO_THAT,  /* X said that "..." */
    SPK_INTRO_BARE   /* X said "..." */
};

/* A cue and its speaker for one quotation. Spans are equal (empty) when not found. */
typedef struct spk_cue {
    uint32_t cue_start, cue_end;
    uint32_t sp_start, sp_end;
    uint8_t side;  /* 0 none, 1 the cue follows the quote, 2 it precedes it */
    uint8_t intro; /* SPK_INTRO_* */
} spk_cue;

/* Find the cue and speaker of the quotation whose opening mark starts at open and whose
 * closing mark ends at close, looking back over text[lo, open) and ahead over
 * text[close, hi) (the caller bounds both by sentences and neighbouring quotations; each
 * side is read at most 400 bytes deep). slo <= lo is the sentence's start, where the
 * subject of a participle cue may stand ("Trump ... asserting, "..."). When hi goes past
 * shi, the end of the quotation's sentence, into the next one ("..." ― Name), a cue there
 * counts only when none precedes the quotation. */
void spk_find(const char *text, uint32_t slo, uint32_t lo, uint32_t open, uint32_t close,
              uint32_t shi, uint32_t hi, spk_cue *out);

/* Whether text[from, hi) opens with an attribution ("said Trump", "he added"): for a
 * quotation whose closing mark is missing, so that it can end before it. */
int spk_after(const char *text, uint32_t from, uint32_t hi, spk_cue *out);

/* The subject of the sentence text[slo, open) that introduces a quotation with a comma or
 * colon but no verb of saying ("Clinton cracked, "..."", "Rhimes declared the need for
 * drive: "...""): a name or pronoun at the clause's start, into [*s, *e). 1 when found. */
int spk_subject(const char *text, uint32_t slo, uint32_t open, uint32_t *s, uint32_t *e);

/* The index of d's sentence holding byte pos (the last starting at or before it), or
 * SIZE_MAX when none does. */
size_t spk_sentence(const sf_doc *d, uint32_t pos);

/* Whether text[s, e) is a personal pronoun that can speak ("he", "she", "they", "I", "we"). */
int spk_is_pronoun(const char *text, uint32_t s, uint32_t e);

/* quote_find's string-only resolution: a pronoun or description speaker takes the name of
 * the nearest earlier quotation's named speaker; a named speaker is its own name. */
void spk_resolve_strings(sf_doc *d);

#endif
