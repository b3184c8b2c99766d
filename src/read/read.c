/* read.c — reading files and directories: walk, load, sniff the format, dispatch.
 *
 * A directory is walked recursively in byte-wise name order (deterministic, whatever the
 * locale), skipping names that start with '.'. Symbolic links to files are read;
 * symbolic links to directories are not followed (reported), so link loops cannot hang
 * the walk. A WARC archive (.warc, .warc.gz, or a regular file whose first bytes are a
 * WARC record's, plain or gzip) is streamed record by record (warc.c), never loaded.
 * JSON Lines larger than 64 MiB are streamed line by line too.
 * Any other file is loaded whole (up to 64 MiB) and its format sniffed:
 *   - empty or blank                                   → rejected "empty file"
 *   - .html.gz / .htm.gz                               → decompressed, then HTML
 *   - "WARC/" (a pipe or device holding an archive)    → WARC
 *   - gzip / zip / PDF                                 → rejected (not supported)
 *   - a NUL byte in the first 8 KiB                    → rejected as binary
 *   - .rss/.atom, or <rss>, <rdf:RDF>, Atom <feed> root → RSS/Atom feed (feed.c)
 *   - .html/.htm/.xhtml, "<!DOCTYPE html", "<html"     → HTML (html.c)
 *   - .jsonl/.ndjson/.json, or first non-blank '{'     → JSON Lines
 *   - .sgm/.sgml, or "<DOC>", "<DOC ", "<!DOCTYPE lewis", "<REUTERS" → SGML
 *   - anything else                                    → plain text
 */
#include "core/date.h"
#include "core/mem.h"
#include "read/read.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE  ((size_t)64 << 20) /* largest file read: 64 MiB */
#define SNIFF_NUL 8192               /* a NUL byte this early means binary */

/* ---- shared helpers ------------------------------------------------------------------ */

void read_reject(const sf_reader *rd, const char *path, const char *where, const char *reason)
{
    if (rd && rd->reject) rd->reject(path, where ? where : "", reason, rd->ctx);
}

int read_set_date(sf_doc *doc, const char *s)
{
    char ymd[11];
    if (!s || strlen(s) > 100 || sf_date_parse(s, ymd) != 0) return -1; /* no date is longer */
    free(doc->date);
    doc->date = sf_xstrdup(ymd);
    return 0;
}

int read_emit(const sf_reader *rd, sf_doc *doc)
{
    if (!doc->date && rd->default_date) read_set_date(doc, rd->default_date);
    doc->day = doc->date ? sf_date_day(doc->date) : SF_NO_DAY;
    if (!rd->doc) {
        sf_doc_free(doc);
        return 0;
    }
    return rd->doc(doc, rd->ctx);
}

/* ---- the walk --------------------------------------------------------------------------- */

/* The walk wraps the caller's reader to learn when it asked to stop. */
typedef struct walk {
    const sf_reader *rd; /* the caller's */
    sf_reader wrap;      /* what the format readers see */
    int stopped;
    int rejects;
    char *buf; /* file bytes, reused from file to file */
    size_t cap;
} walk;

static int wrap_doc(sf_doc *doc, void *ctx)
{
    walk *w = ctx;
    int r = w->rd->doc ? w->rd->doc(doc, w->rd->ctx) : (sf_doc_free(doc), 0);
    if (r) w->stopped = 1;
    return r;
}

static void wrap_reject(const char *path, const char *where, const char *reason, void *ctx)
{
    walk *w = ctx;
    if (w->rd->reject) w->rd->reject(path, where, reason, w->rd->ctx);
}

static void walk_reject(walk *w, const char *path, const char *where, const char *reason)
{
    read_reject(w->rd, path, where, reason);
    w->rejects++;
}

static int has_ext(const char *path, const char *ext)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(base), e = strlen(ext);
    return n > e && strcasecmp(base + n - e, ext) == 0;
}

static int starts_ci(const char *p, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && strncasecmp(p, lit, l) == 0;
}

typedef enum { FMT_TEXT, FMT_JSONL, FMT_SGML, FMT_HTML, FMT_HTML_GZ, FMT_WARC, FMT_FEED, FMT_REJECT } fmt;

/* Decide the format of a loaded file; on FMT_REJECT fills reason. */
static fmt sniff(const char *path, const char *buf, size_t len, char *reason, size_t rsz)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (read_warc_sniff(buf, len)) return FMT_WARC;
    if (len >= 2 && u[0] == 0x1f && u[1] == 0x8b &&
        (has_ext(path, ".html.gz") || has_ext(path, ".htm.gz")))
        return FMT_HTML_GZ;
    if (len >= 2 && u[0] == 0x1f && u[1] == 0x8b) {
        snprintf(reason, rsz, "compressed file (gzip) is not supported; decompress it first");
        return FMT_REJECT;
    }
    if (len >= 4 && memcmp(buf, "PK\3\4", 4) == 0) {
        snprintf(reason, rsz, "binary file (zip archive)");
        return FMT_REJECT;
    }
    if (len >= 5 && memcmp(buf, "%PDF-", 5) == 0) {
        snprintf(reason, rsz, "binary file (PDF)");
        return FMT_REJECT;
    }
    if (has_ext(path, ".gz") || has_ext(path, ".bz2") || has_ext(path, ".xz") ||
        has_ext(path, ".zst")) {
        snprintf(reason, rsz, "compressed file is not supported; decompress it first");
        return FMT_REJECT;
    }
    const char *nul = memchr(buf, '\0', len < SNIFF_NUL ? len : SNIFF_NUL);
    if (nul) {
        snprintf(reason, rsz, "binary file (NUL byte at byte %zu)", (size_t)(nul - buf));
        return FMT_REJECT;
    }
    size_t i = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r' ||
                       buf[i] == '\f' || buf[i] == '\v'))
        i++;
    if (i == len) {
        snprintf(reason, rsz, "empty file");
        return FMT_REJECT;
    }
    const char *p = buf + i;
    size_t n = len - i;
    if (has_ext(path, ".rss") || has_ext(path, ".atom") || read_feed_sniff(buf, len))
        return FMT_FEED;
    if (has_ext(path, ".html") || has_ext(path, ".htm") || has_ext(path, ".xhtml") ||
        starts_ci(p, n, "<!DOCTYPE html") || starts_ci(p, n, "<html"))
        return FMT_HTML;
    if (has_ext(path, ".jsonl") || has_ext(path, ".ndjson") || has_ext(path, ".json") ||
        p[0] == '{')
        return FMT_JSONL;
    if (has_ext(path, ".sgm") || has_ext(path, ".sgml") || starts_ci(p, n, "<DOC>") ||
        starts_ci(p, n, "<DOC ") || starts_ci(p, n, "<DOC\n") ||
        starts_ci(p, n, "<!DOCTYPE lewis") || starts_ci(p, n, "<REUTERS"))
        return FMT_SGML;
    return FMT_TEXT;
}

/* Load a whole file into w->buf; returns its length, or -1 after reporting a reject. */
static long long load(walk *w, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        walk_reject(w, path, "", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > MAX_FILE) {
        close(fd);
        walk_reject(w, path, "", "file too large (more than 64 MiB)");
        return -1;
    }
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    size_t need = regular ? (size_t)st.st_size + 2 : 65536;
    if (w->cap < need) {
        w->buf = sf_xrealloc(w->buf, need);
        w->cap = need;
    }
    size_t len = 0;
    for (;;) {
        if (len + 1 >= w->cap) {
            size_t c = w->cap * 2;
            if (c > MAX_FILE + 2) c = MAX_FILE + 2;
            w->buf = sf_xrealloc(w->buf, c);
            w->cap = c;
        }
        ssize_t r = read(fd, w->buf + len, w->cap - 1 - len);
        if (r < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            close(fd);
            walk_reject(w, path, "", strerror(e));
            return -1;
        }
        if (r == 0) break;
        len += (size_t)r;
        if (len > MAX_FILE) {
            close(fd);
            walk_reject(w, path, "", "file too large (more than 64 MiB)");
            return -1;
        }
    }
    close(fd);
    w->buf[len] = '\0';
    return (long long)len;
}

/* A WARC archive by name, or (for a regular file) by its first bytes. */
static int is_warc(const char *path)
{
    if (has_ext(path, ".warc") || has_ext(path, ".warc.gz")) return 1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char head[512];
    struct stat st;
    ssize_t n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? pread(fd, head, sizeof head, 0) : -1;
    close(fd);
    return n > 0 && read_warc_sniff(head, (size_t)n);
}

/* A regular file too large to load whole that holds JSON Lines (by name, or by its first
 * non-blank byte): it is streamed line by line instead, as stdin is. */
static int is_big_jsonl(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size <= MAX_FILE) return 0;
    if (has_ext(path, ".jsonl") || has_ext(path, ".ndjson") || has_ext(path, ".json")) return 1;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    int c;
    while ((c = getc(f)) == ' ' || c == '\t' || c == '\r' || c == '\n') {}
    fclose(f);
    return c == '{';
}

/* A WARC archive or JSON Lines too large to load are streamed from the file, never
 * loaded whole: 1 when path was one of those (read or rejected), 0 otherwise. */
static int stream_file(walk *w, const char *path)
{
    int jsonl = is_big_jsonl(path), warc = !jsonl && is_warc(path);
    if (!jsonl && !warc) return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    FILE *f = fd >= 0 && jsonl ? fdopen(fd, "rb") : NULL;
    if (fd < 0 || (jsonl && !f)) {
        walk_reject(w, path, "", strerror(errno));
        if (fd >= 0) close(fd);
        return 1;
    }
    int r = jsonl ? sf_read_jsonl_stream(f, path, &w->wrap) : read_warc_fd(path, fd, &w->wrap);
    if (f)
        fclose(f); /* closes fd */
    else
        close(fd);
    if (r > 0) w->rejects += r;
    return 1;
}

static void read_file(walk *w, const char *path)
{
    if (stream_file(w, path)) return;
    long long n = load(w, path);
    if (n < 0) return;
    char reason[160];
    size_t len = (size_t)n;
    int r = 0;
    switch (sniff(path, w->buf, len, reason, sizeof reason)) {
    case FMT_REJECT: walk_reject(w, path, "", reason); return;
    case FMT_JSONL: r = read_jsonl_buf(path, w->buf, len, &w->wrap); break;
    case FMT_SGML: r = read_sgml_buf(path, w->buf, len, &w->wrap); break;
    case FMT_TEXT: r = read_text_buf(path, w->buf, len, &w->wrap); break;
    case FMT_HTML: r = read_html_buf(path, w->buf, len, &w->wrap); break;
    case FMT_WARC: r = read_warc_buf(path, w->buf, len, &w->wrap); break;
    case FMT_FEED: r = read_feed_buf(path, w->buf, len, &w->wrap); break;
    case FMT_HTML_GZ: {
        char *html = NULL;
        size_t hlen = 0;
        const char *why = NULL;
        if (read_gunzip(w->buf, len, MAX_FILE, &html, &hlen, &why) != 0) {
            walk_reject(w, path, "", why);
            return;
        }
        r = read_html_buf(path, html, hlen, &w->wrap);
        free(html);
        break;
    }
    }
    if (r > 0) w->rejects += r;
}

static int skip_dot(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void walk_dir(walk *w, const char *dir, int depth)
{
    if (depth > 64) {
        walk_reject(w, dir, "", "directories nested too deep (more than 64 levels)");
        return;
    }
    struct dirent **ents = NULL;
    int n = scandir(dir, &ents, skip_dot, by_name);
    if (n < 0) {
        walk_reject(w, dir, "", strerror(errno));
        return;
    }
    sf_buf p = {0};
    for (int i = 0; i < n; i++) {
        if (!w->stopped) {
            p.len = 0;
            sf_buf_adds(&p, dir);
            if (p.len && p.data[p.len - 1] != '/') sf_buf_addc(&p, '/');
            sf_buf_adds(&p, ents[i]->d_name);
            struct stat st;
            if (lstat(p.data, &st) != 0) {
                walk_reject(w, p.data, "", strerror(errno));
            } else if (S_ISDIR(st.st_mode)) {
                walk_dir(w, p.data, depth + 1);
            } else if (S_ISLNK(st.st_mode)) {
                if (stat(p.data, &st) != 0)
                    walk_reject(w, p.data, "", "broken symbolic link");
                else if (S_ISDIR(st.st_mode))
                    walk_reject(w, p.data, "", "symbolic link to a directory, not followed");
                else if (S_ISREG(st.st_mode))
                    read_file(w, p.data);
                else
                    walk_reject(w, p.data, "", "not a regular file");
            } else if (S_ISREG(st.st_mode)) {
                read_file(w, p.data);
            } else {
                walk_reject(w, p.data, "", "not a regular file");
            }
        }
        free(ents[i]);
    }
    free(ents);
    sf_buf_free(&p);
}

int sf_read_path(const char *path, const sf_reader *rd)
{
    if (!path || !rd) return SF_EINVAL;
    walk w = {.rd = rd};
    w.wrap = (sf_reader){wrap_doc, wrap_reject, &w, rd->default_date, NULL};
    struct stat st;
    if (stat(path, &st) != 0) {
        read_reject(rd, path, "", strerror(errno));
        return SF_EIO;
    }
    if (S_ISDIR(st.st_mode))
        walk_dir(&w, path, 0);
    else
        read_file(&w, path); /* a named FIFO or device is read too */
    free(w.buf);
    return w.rejects;
}

/* ---- JSON Lines from a stream ------------------------------------------------------- */

#define IDLE_MS 200 /* input silent this long has paused: rd->idle */

/* Reads the descriptor with read(2) into a fixed buffer, so that it knows when no input
 * is buffered: then it polls, and when nothing arrives within IDLE_MS it calls rd->idle
 * before it blocks. Each line is handled as soon as its newline arrives; a line longer than
 * 16 MiB is skipped without being kept in memory. */
int sf_read_jsonl_stream(FILE *f, const char *name, const sf_reader *rd)
{
    if (!f || !rd) return SF_EINVAL;
    if (!name) name = "-";
    int fd = fileno(f); /* -1 for memory streams (fmemopen): read those through stdio */
    sf_buf line = {0};
    sf_grow((void **)&line.data, &line.cap, 65536, 1);
    char *in = sf_xmalloc(65536);
    size_t lineno = 1, pos = 0, have = 0;
    int too_long = 0, rejects = 0, err = 0, eof = 0;
    for (;;) {
        if (pos == have && !eof) {
            ssize_t k;
            if (fd >= 0) {
                /* idle: nothing arrives within IDLE_MS. Not merely an empty pipe: a
                 * writer faster than us empties none, but one sharing our cores is
                 * often not yet scheduled when we have read all it wrote */
                struct pollfd p = {fd, POLLIN, 0};
                if (rd->idle && poll(&p, 1, 0) == 0 && poll(&p, 1, IDLE_MS) == 0)
                    rd->idle(rd->ctx);
                k = read(fd, in, 65536);
                if (k < 0 && errno == EINTR) continue;
            } else {
                k = (ssize_t)fread(in, 1, 65536, f);
                if (k == 0 && ferror(f)) k = -1;
            }
            if (k < 0) {
                err = errno ? errno : EIO;
                break;
            }
            pos = 0;
            have = (size_t)k;
            eof = k == 0;
        }
        int c = pos < have ? (unsigned char)in[pos++] : EOF;
        if (c != EOF && c != '\n') {
            if (too_long) continue;
            if (line.len >= SF_MAX_DOC) {
                too_long = 1;
                continue;
            }
            if (line.len + 1 >= line.cap) sf_grow((void **)&line.data, &line.cap, line.len + 2, 1);
            line.data[line.len++] = (char)c;
            continue;
        }
        if (c == EOF && line.len == 0 && !too_long) break;
        int r;
        if (too_long) {
            char where[32];
            snprintf(where, sizeof where, "line %zu", lineno);
            read_reject(rd, name, where, "line longer than 16 MiB");
            r = 1;
        } else {
            r = read_jsonl_line(name, lineno, line.data, line.len, rd);
        }
        if (r > 0) rejects++;
        if (r < 0 || c == EOF) break;
        line.len = 0;
        too_long = 0;
        lineno++;
    }
    free(in);
    sf_buf_free(&line);
    if (err) {
        read_reject(rd, name, "", strerror(err));
        return SF_EIO;
    }
    return rejects;
}
