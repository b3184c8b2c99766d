/* jsonl.c — JSON Lines: one article object per line, parsed with jansson.
 *
 * Fields: id (string or number), url, source, title, date (any form sf_date_parse knows;
 * also "published", "published_at", "pubdate"), text (else "body", else "content"), author,
 * lang. Empty strings count as absent. Blank lines are skipped; every other line is one
 * document or one rejection ("line N"). Strings containing \u0000 are refused by jansson
 * (we do not pass JSON_ALLOW_NUL), so stored text never holds a NUL byte. */
#include "core/mem.h"
#include "read/read.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A non-empty string field, or NULL. */
static const char *str_field(json_t *o, const char *key, size_t *n)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) == 0) return NULL;
    if (n) *n = json_string_length(v);
    return json_string_value(v);
}

static char *dup_field(json_t *o, const char *key)
{
    const char *s = str_field(o, key, NULL);
    return s ? sf_xstrdup(s) : NULL;
}

static int all_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' ||
              s[i] == '\v'))
            return 0;
    return 1;
}

int read_jsonl_line(const char *path, size_t lineno, const char *line, size_t len,
                    const sf_reader *rd)
{
    if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) line += 3, len -= 3;
    if (all_space(line, len)) return 0;
    char where[32];
    snprintf(where, sizeof where, "line %zu", lineno);
    if (len > SF_MAX_DOC) {
        read_reject(rd, path, where, "line longer than 16 MiB");
        return 1;
    }
    json_error_t jerr;
    json_t *o = json_loadb(line, len, 0, &jerr);
    if (!o) {
        char why[256];
        snprintf(why, sizeof why, "invalid JSON: %s", jerr.text);
        read_reject(rd, path, where, why);
        return 1;
    }
    if (!json_is_object(o)) {
        json_decref(o);
        read_reject(rd, path, where, "not a JSON object (no \"text\" field)");
        return 1;
    }
    size_t tlen = 0;
    const char *text = str_field(o, "text", &tlen);
    if (!text) text = str_field(o, "body", &tlen);
    if (!text) text = str_field(o, "content", &tlen);
    if (!text) {
        int present = json_object_get(o, "text") || json_object_get(o, "body") ||
                      json_object_get(o, "content");
        json_decref(o);
        read_reject(rd, path, where, present ? "empty \"text\" field" : "no \"text\" field");
        return 1;
    }
    if (all_space(text, tlen)) {
        json_decref(o);
        read_reject(rd, path, where, "empty \"text\" field");
        return 1;
    }

    sf_doc *d = sf_doc_new();
    d->text = sf_xstrndup(text, tlen);
    d->len = tlen;
    size_t plen = strlen(path);
    d->path = sf_xmalloc(plen + 24);
    snprintf(d->path, plen + 24, "%s:%zu", path, lineno);

    json_t *id = json_object_get(o, "id");
    if (json_is_string(id) && json_string_length(id) > 0) {
        d->ext_id = sf_xstrdup(json_string_value(id));
    } else if (json_is_integer(id)) {
        char b[32];
        snprintf(b, sizeof b, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        d->ext_id = sf_xstrdup(b);
    } else if (json_is_real(id)) {
        char b[64];
        snprintf(b, sizeof b, "%.17g", json_real_value(id));
        d->ext_id = sf_xstrdup(b);
    }
    d->url = dup_field(o, "url");
    d->source = dup_field(o, "source");
    d->title = dup_field(o, "title");
    d->author = dup_field(o, "author");
    d->lang = dup_field(o, "lang");
    static const char *const date_keys[] = {"date", "published", "published_at", "pubdate"};
    for (size_t k = 0; k < sizeof date_keys / sizeof *date_keys && !d->date; k++)
        read_set_date(d, str_field(o, date_keys[k], NULL));
    json_decref(o);
    return read_emit(rd, d) ? -1 : 0;
}

int read_jsonl_buf(const char *path, const char *buf, size_t len, const sf_reader *rd)
{
    int rejects = 0;
    size_t i = 0, lineno = 1;
    while (i < len) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - buf) : len;
        int r = read_jsonl_line(path, lineno, buf + i, e - i, rd);
        if (r < 0) break;
        rejects += r;
        i = e + 1;
        lineno++;
    }
    return rejects;
}
