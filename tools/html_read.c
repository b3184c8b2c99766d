/* html_read.c — the HTML reader on its own, for the evaluation and the benchmark: reads
 * each page named (.html, or .html.gz decompressed first), extracts its article with
 * html_read (src/read/html.h) and prints one JSON object per page: file, title, author,
 * date, url, site, lang, charset, text (and with --paras each paragraph's
 * [start, end, src, src_end]). On stderr, the throughput: CPU seconds spent in html_read
 * alone (decompression and output not counted), and MB of HTML per CPU second.
 *   html-read [--paras] [--quiet] [--repeat N] FILE...   (or "-": file names on stdin) */
#include "core/mem.h"
#include "read/html.h"
#include "read/read.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *load(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sf_buf b = {0};
    sf_buf_add_file(&b, f);
    fclose(f);
    *len = b.len;
    char *data = sf_buf_take(&b);
    size_t n = strlen(path);
    if (n > 3 && strcmp(path + n - 3, ".gz") == 0) {
        char *out = NULL;
        size_t ol = 0;
        const char *why = NULL;
        if (read_gunzip(data, *len, (size_t)1 << 30, &out, &ol, &why) != 0) {
            fprintf(stderr, "html-read: %s: %s\n", path, why);
            free(data);
            return NULL;
        }
        free(data);
        data = out;
        *len = ol;
    }
    return data;
}

static void put(json_t *o, const char *k, const char *v)
{
    if (v) json_object_set_new(o, k, json_string(v));
    else json_object_set_new(o, k, json_null());
}

int main(int argc, char **argv)
{
    int paras = 0, quiet = 0, repeat = 1, first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1] == '-'; first++) {
        if (strcmp(argv[first], "--paras") == 0) paras = 1;
        else if (strcmp(argv[first], "--quiet") == 0) quiet = 1;
        else if (strcmp(argv[first], "--repeat") == 0 && first + 1 < argc) repeat = atoi(argv[++first]);
        else {
            fprintf(stderr, "usage: html-read [--paras] [--quiet] [--repeat N] FILE... | -\n");
            return 2;
        }
    }
    char **files = argv + first;
    size_t nf = (size_t)(argc - first), capf = 0;
    char **list = NULL;
    if (nf == 1 && strcmp(files[0], "-") == 0) { /* names on stdin */
        nf = 0;
        char line[4096];
        while (fgets(line, sizeof line, stdin)) {
            line[strcspn(line, "\n")] = '\0';
            if (!line[0]) continue;
            SF_GROW(list, capf, nf + 1);
            list[nf++] = sf_xstrdup(line);
        }
        files = list;
    }
    double cpu = 0;
    size_t bytes = 0, pages = 0;
    int rc = 0;
    for (size_t i = 0; i < nf; i++) {
        size_t len = 0;
        char *buf = load(files[i], &len);
        if (!buf) {
            fprintf(stderr, "html-read: cannot read %s\n", files[i]);
            rc = 1;
            continue;
        }
        html_page pg;
        for (int r = 0; r < repeat; r++) {
            double t0 = cpu_now();
            html_read(buf, len, &pg);
            cpu += cpu_now() - t0;
            bytes += len;
            pages++;
            if (r + 1 < repeat) html_page_free(&pg);
        }
        if (!quiet) {
            json_t *o = json_object();
            put(o, "file", files[i]);
            put(o, "title", pg.title);
            put(o, "author", pg.author);
            put(o, "date", pg.date);
            put(o, "url", pg.url);
            put(o, "site", pg.site);
            put(o, "lang", pg.lang);
            put(o, "charset", pg.charset);
            put(o, "text", pg.text ? pg.text : "");
            if (paras) {
                json_t *a = json_array();
                for (size_t k = 0; k < pg.n_paras; k++) {
                    html_para *p = &pg.paras[k];
                    json_array_append_new(a, json_pack("[iiii]", (json_int_t)p->start, (json_int_t)p->end,
                                                       (json_int_t)p->src, (json_int_t)p->src_end));
                }
                json_object_set_new(o, "paras", a);
            }
            json_dumpf(o, stdout, JSON_COMPACT);
            fputc('\n', stdout);
            json_decref(o);
        }
        html_page_free(&pg);
        free(buf);
    }
    fprintf(stderr, "html-read: %zu pages, %.1f MB of HTML, %.3f s CPU: %.1f MB/s\n", pages,
            (double)bytes / 1e6, cpu, cpu > 0 ? (double)bytes / 1e6 / cpu : 0.0);
    for (size_t i = 0; list && i < nf; i++) free(list[i]);
    free(list);
    return rc;
}
