/* title.c — story titles (see title.h). */
#include "story/title.h"

#include "core/mem.h"

#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

char *story_title_new(sf_doc *const *docs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (docs[i]->title && *docs[i]->title) return sf_xstrdup(docs[i]->title);
    const sf_doc *d = n ? docs[0] : NULL;
    const sf_sentence *s = NULL;
    for (size_t i = 0; d && i < d->n_sents && !s; i++)
        if (!d->sents[i].boilerplate) s = &d->sents[i];
    if (!s) return sf_xstrdup("(untitled)");

    sf_buf b = {0};
    int space = 0, clipped = 0;
    for (uint32_t i = s->start; i < s->end; i++) {
        char c = d->text[i];
        if (is_blank(c)) {
            space = b.len > 0;
            continue;
        }
        if (space) {
            if (b.len >= TITLE_MAX) {
                clipped = 1;
                break;
            }
            sf_buf_addc(&b, ' ');
            space = 0;
        }
        sf_buf_addc(&b, c);
    }
    if (!clipped && b.len > TITLE_MAX + 40) {
        /* one endless word: cut on a UTF-8 boundary */
        size_t k = TITLE_MAX;
        while (k && ((unsigned char)b.data[k] & 0xC0) == 0x80) k--;
        b.len = k;
        b.data[k] = '\0';
        clipped = 1;
    }
    if (clipped) sf_buf_adds(&b, "\xE2\x80\xA6"); /* … */
    return sf_buf_take(&b);
}
