/* storyfold.h — the public API of libstoryfold: fold news articles into cited stories.
 *
 * Data flows one way: read → clean → text → link → synthesize → present, with a store
 * (SQLite) behind the pipeline driver. The library never prints and never exits: it
 * returns status codes (SF_OK or a negative SF_E…) and fills an sf_error with a message
 * that names the file, the place in it and the reason.
 *
 * Ownership, once for all: a function named *_new / *_open / *_build returns an object
 * the caller frees with the matching *_free / *_close; a pointer passed to a function
 * named *_take or documented "consumed" becomes the callee's; everything else is
 * borrowed for the duration of the call. Text is never copied into sentences, tokens or
 * citations: they are byte spans [start, end) into their document's text.
 */
#ifndef STORYFOLD_H
#define STORYFOLD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define SF_VERSION "0.1.0"

/* ---- status and errors ------------------------------------------------------------ */

typedef enum sf_status {
    SF_OK = 0,
    SF_ENOMEM = -1,    /* out of memory */
    SF_EIO = -2,       /* file or stream could not be read or written */
    SF_EFORMAT = -3,   /* input is not what its format says */
    SF_EDB = -4,       /* the store failed */
    SF_ENOTFOUND = -5, /* no such story / document */
    SF_EINVAL = -6     /* bad argument */
} sf_status;

typedef struct sf_error {
    int code;       /* an sf_status */
    char msg[1024]; /* "file: where: reason" */
} sf_error;

/* A static English name for a status code. */
const char *sf_strerror(int code);

/* ---- dates -------------------------------------------------------------------------- */

/* Parse a report date: ISO 8601 ("2022-02-26", "2022-02-26T10:00:00Z"), compact
 * "20220226", RFC 2822 ("Sat, 26 Feb 2022 10:00:00 +0000"), Reuters ("26-FEB-1987
 * 15:01:01.79"), "February 26, 2022", "Feb. 26, 2022" and "26 February 2022". Time of
 * day and zone are dropped. On success writes "YYYY-MM-DD" into out and returns 0;
 * returns -1 otherwise. */
int sf_date_parse(const char *s, char out[11]);

/* ---- documents ---------------------------------------------------------------------- */

/* Named-entity types (CoNLL-2003). */
typedef enum sf_ent_type {
    SF_ENT_NONE = 0,
    SF_ENT_PER = 1, /* people */
    SF_ENT_LOC = 2, /* places */
    SF_ENT_ORG = 3, /* organizations */
    SF_ENT_MISC = 4 /* nationalities, events, works, other names */
} sf_ent_type;

/* "PER", "LOC", "ORG", "MISC" (and "" for SF_ENT_NONE); the type of such a name, or
 * SF_ENT_NONE. */
const char *sf_ent_type_name(int type);
int sf_ent_type_parse(const char *name);

typedef struct sf_span {
    uint32_t start, end; /* byte offsets into a document's text, half-open */
} sf_span;

typedef struct sf_sentence {
    uint32_t start, end;       /* byte span of the sentence */
    uint32_t tok_first, n_tok; /* its tokens: doc->toks[tok_first .. tok_first+n_tok) */
    uint8_t boilerplate;       /* 1 when it lies in a boilerplate range */
} sf_sentence;

typedef struct sf_token {
    uint32_t start, end; /* byte span of the word */
    uint64_t term;       /* hash of its stem; 0 for stopwords, numbers, punctuation */
} sf_token;

#define SF_NO_DAY INT32_MIN

/* A named-entity mention, and the name it is canonically known by in its document (the
 * fullest mention of the same entity: "Putin" → "Vladimir Putin"). */
typedef struct sf_entity {
    uint32_t start, end;           /* the mention's bytes */
    uint8_t type;                  /* sf_ent_type */
    uint32_t name_start, name_end; /* the canonical name's bytes (titles, possessive dropped) */
    uint64_t key;                  /* spelling-tolerant key of that name: equal across
                                      documents for "Zelensky"/"Zelenskyy", "Kyiv"/"Kiev" */
} sf_entity;

/* A numeric claim: a number in running text with what it counts and how. */
typedef enum sf_num_kind { SF_NUM_COUNT = 1, SF_NUM_PERCENT, SF_NUM_MONEY } sf_num_kind;
typedef struct sf_number {
    uint32_t start, end; /* the number's bytes, qualifier and unit included ("more than
                            120,000", "$5 million", "11 votes to one" -> "11") */
    double value, high;  /* the value ("1.5 million" -> 1500000); high = value, or a range's
                            upper end ("dozens" -> 24..99, "thousands" -> 2000..9999) */
    uint8_t kind;        /* sf_num_kind */
    uint8_t qualifier;   /* index into sf_num_qualifiers, 0 = none */
    uint32_t counts_start, counts_end; /* what it counts ("people", "aid workers"), or equal */
    uint32_t pred_start, pred_end;     /* the predicate ("died", "fled", "killed"), or equal */
} sf_number;
/* "", "more than", "over", "at least", "nearly", "about", "up to", "fewer than", ...:
 * index 0 is "" (no qualifier); the list ends with NULL. */
extern const char *const sf_num_qualifiers[];

/* A time expression (TimeML TIMEX3), normalized against the document date. */
typedef enum sf_timex_type {
    SF_TIMEX_DATE = 1, /* "Friday", "last week", "2022", "earlier this month" */
    SF_TIMEX_TIME,     /* "5 p.m.", "overnight", "Saturday morning" */
    SF_TIMEX_DURATION, /* "two days", "23 days", "since the beginning" */
    SF_TIMEX_SET       /* "every Friday", "daily" */
} sf_timex_type;
typedef struct sf_timex {
    uint32_t start, end; /* the expression's bytes ("last Friday", "Feb. 25, 2022") */
    uint8_t type;        /* sf_timex_type */
    char value[40];      /* its TIMEX3 value: "2022-02-25", "2022-W08", "P23D", "XXXX-WXX-5",
                            "PRESENT_REF", "2022-02-26T17:00"; "" when it cannot be told */
    int32_t first, last; /* the calendar days it covers (days since 1970-01-01, inclusive) when
                            it names a day, week, month or year; SF_NO_DAY otherwise */
} sf_timex;
/* "DATE", "TIME", "DURATION", "SET" (and "" for anything else). */
const char *sf_timex_type_name(int type);

/* A quotation: a direct quote or a quoted phrase inside reported speech, with its speaker. */
typedef enum sf_quote_kind {
    SF_QUOTE_DIRECT = 1, /* a quoted utterance: "We will not leave," he said. */
    SF_QUOTE_PARTIAL     /* a quoted phrase in reported speech: called the deal "a mistake" */
} sf_quote_kind;
typedef struct sf_quote {
    uint32_t start, end;                 /* what stands between the quotation marks (for a quote
                                            over several paragraphs, from the first to the last) */
    uint8_t kind;                        /* sf_quote_kind */
    uint32_t cue_start, cue_end;         /* "said", "told", "according to"; equal when none */
    uint32_t speaker_start, speaker_end; /* the speaker as the cue names it: "Zelensky", "he",
                                            "the president"; equal when none */
    uint32_t name_start, name_end;       /* the person that resolves to: a name in the document
                                            ("he" -> "Volodymyr Zelensky"); equal when none */
    uint64_t key;                        /* that person's entity key (sf_entity.key), or 0 */
} sf_quote;

/* One article. Readers fill the metadata and text; sf_doc_analyze fills the rest. All
 * strings are NUL-terminated UTF-8 owned by the document (NULL when unknown). */
typedef struct sf_doc {
    char id[33];  /* hex XXH3-128 of the normalized body (sf_doc_analyze) */
    char *path;   /* origin: "file", "file:LINE" (JSON Lines), "file#DOCNO" (SGML) */
    char *ext_id; /* the input's own id (JSON "id", SGML DOCNO), or NULL */
    char *title, *source, *date, *url, *author, *lang; /* date: "YYYY-MM-DD"; lang: as
                            declared, then ISO 639-1 ("fr") after sf_doc_analyze */
    char *text;  /* the stored body, valid UTF-8, NUL-terminated */
    size_t len;  /* its length in bytes */
    int32_t day; /* date as days since 1970-01-01, or SF_NO_DAY */

    sf_span *boilerplate;
    size_t n_boilerplate; /* ranges cleaning marked */
    sf_sentence *sents;
    size_t n_sents;
    sf_token *toks;
    size_t n_toks;
    sf_entity *ents; /* named entities, in text order (sf_doc_tag) */
    size_t n_ents;
    sf_number *nums; /* numeric claims outside boilerplate, in text order (sf_doc_analyze) */
    size_t n_nums;
    sf_timex *timexes; /* time expressions outside boilerplate, in text order (sf_doc_analyze) */
    size_t n_timexes;
    sf_quote *quotes; /* quotations outside boilerplate, in text order (sf_doc_analyze finds
                         them and their speakers; sf_doc_tag resolves speakers to entities) */
    size_t n_quotes;
} sf_doc;

sf_doc *sf_doc_new(void);
void sf_doc_free(sf_doc *doc);

/* Normalize, mark boilerplate, identify the language (doc->lang: a declared tag cut to
 * its primary subtag, "en-GB" -> "en", kept unless the text is clearly in another
 * language; else the language told from the text, or NULL), split sentences, tokenize and
 * stem in that language; set id; then find numeric claims, time expressions and
 * quotations. */
int sf_doc_analyze(sf_doc *doc, sf_error *err);
/* The first half alone (id, boilerplate, sentences, tokens): what linking needs. */
int sf_doc_analyze_text(sf_doc *doc, sf_error *err);

/* Whether byte pos of an analyzed document lies in a sentence cleaning marked as
 * boilerplate (teasers, credits, captions). */
int sf_doc_in_boilerplate(const sf_doc *doc, uint32_t pos);

/* The named-entity tagger: a model file (models/ner.sfm) loaded once, and its caches.
 * One per thread. NULL with err when the file is missing or not a model. */
typedef struct sf_tagger sf_tagger;
sf_tagger *sf_tagger_new(const char *model_path, sf_error *err);
void sf_tagger_free(sf_tagger *t);
/* Another tagger on the same loaded model, for another thread; proto must outlive it. */
sf_tagger *sf_tagger_share(const sf_tagger *proto);
/* Find the named entities of an analyzed document (fills doc->ents), boilerplate
 * included: users of the entities leave those out (sf_doc_in_boilerplate). The model is
 * English: a document whose lang is known and not "en" gets none. */
void sf_doc_tag(sf_doc *doc, sf_tagger *t);

/* ---- reading ------------------------------------------------------------------------ */

/* Callbacks a reader reports to. `doc` receives each good document and owns it from
 * then on (return nonzero to stop reading); `reject` hears of each bad input: the path,
 * where in it ("line 3", "byte 1024", or ""), and why. */
typedef struct sf_reader {
    int (*doc)(sf_doc *doc, void *ctx);
    void (*reject)(const char *path, const char *where, const char *reason, void *ctx);
    void *ctx;
    const char *default_date; /* "YYYY-MM-DD" for documents that carry none, or NULL */
    /* Optional: a stream reader calls it when no input has arrived for 200 ms and it is
     * about to wait for more (an ingest commits there, so a slow feed holds no lock
     * while idle). */
    void (*idle)(void *ctx);
} sf_reader;

/* Read a file or a directory (recursively, in name order). Formats: plain text with an
 * optional metadata header, JSON Lines, TREC/DUC and Reuters-21578 SGML. Returns the
 * number of rejected inputs (>= 0), or a negative status if reading had to stop. */
int sf_read_path(const char *path, const sf_reader *rd);

/* Read JSON Lines from an open stream named `name` (e.g. "-" for stdin), through its
 * file descriptor (nothing must have been read from f through stdio before). Each line
 * is handled as soon as it arrives; rd->idle is called before waiting for more once the
 * input has been silent for 200 ms. */
int sf_read_jsonl_stream(FILE *f, const char *name, const sf_reader *rd);

/* ---- the store ------------------------------------------------------------------------ */

typedef struct sf_db sf_db;

/* Open (creating and migrating when needed) a store: a SQLite file path, or ":memory:". */
sf_db *sf_db_open(const char *where, sf_error *err);
void sf_db_close(sf_db *db);

/* Mark in analyzed documents the boilerplate the store has learned per source (lines an
 * outlet repeats across its stories, learned as `ingest` goes): ranges, sentences, and
 * the numbers, time expressions and quotes inside dropped. The number of lines marked
 * into *n_lines when not NULL. */
int sf_db_mark_learned(sf_db *db, sf_doc *const *docs, size_t n, size_t *n_lines, sf_error *err);

/* ---- ingesting: analyze, deduplicate, cluster, store --------------------------------- */

typedef struct sf_ingest sf_ingest;

typedef struct sf_ingest_stats {
    size_t seen;      /* documents offered */
    size_t added;     /* newly stored */
    size_t duplicate; /* already stored (same normalized body) */
    size_t bytes;     /* text bytes offered */
} sf_ingest_stats;

/* An ingest into db. Each batch's transaction reloads the clustering state when another
 * process has written to the store since; two ingests may run at once. Documents are
 * stored by a thread of the ingest's own, on db's connection, while the next ones are
 * clustered; every call that returns has left that thread idle except sf_ingest_take. */
sf_ingest *sf_ingest_new(sf_db *db, sf_error *err);
/* Add one document (consumed), analyzing it unless its id is set already. Commits
 * every 1000 documents. A document the pipeline refuses returns its error (SF_EFORMAT)
 * and the ingest goes on; a store error (SF_EDB) rolls the open batch back and every
 * later call returns that same error: nothing of a failed batch is ever committed. The
 * store thread may report a document's store error on a later call (at the latest on
 * sf_ingest_commit or sf_ingest_free). */
int sf_ingest_take(sf_ingest *in, sf_doc *doc, sf_error *err);
/* Commit what is pending. */
int sf_ingest_commit(sf_ingest *in, sf_error *err);
/* The ingest remembers the latest `window` documents (default 200,000): stories none of
 * them joined leave memory (they stay stored, and no new document joins them), and so do
 * lines seen once among them (learned boilerplate). The window moves every `step`
 * documents (default 10,000), so what a document may join or count as repeated depends
 * only on the documents before it, not on batches or pauses. A value of 0 or less keeps
 * its default. Call before the first document, with the same values for every ingest
 * into one store. */
void sf_ingest_set_window(sf_ingest *in, int64_t window, int64_t step);
const sf_ingest_stats *sf_ingest_stats_get(const sf_ingest *in);
/* Commit and free. */
int sf_ingest_free(sf_ingest *in, sf_error *err);

/* ---- stories ------------------------------------------------------------------------ */

typedef struct sf_story_row {
    int64_t id;
    int64_t storyline; /* id of the storyline's first story */
    int n_docs, n_sources;
    char first_date[11], last_date[11]; /* "" when undated */
    char *title;                        /* owned by the list */
} sf_story_row;

typedef struct sf_story_list {
    sf_story_row *rows;
    size_t n;
} sf_story_list;

sf_story_list *sf_stories_new(sf_db *db, sf_error *err);
/* The stories of one storyline, by first date (undated last), then id. */
sf_story_list *sf_storyline_new(sf_db *db, int64_t storyline, sf_error *err);
void sf_stories_free(sf_story_list *list);

/* Full-text search over stored sentences (FTS5, BM25). */
typedef struct sf_hit {
    char doc_id[33];
    int64_t story;
    sf_span span;
    double score; /* bm25, lower is better */
    char *text;   /* the sentence, owned by the result */
    char *title, *source, *date;
} sf_hit;

typedef struct sf_hits {
    sf_hit *rows;
    size_t n;
} sf_hits;

sf_hits *sf_search_new(sf_db *db, const char *query, int limit, sf_error *err);
void sf_hits_free(sf_hits *hits);

/* Stored quotations, by date then ingest order. */
typedef struct sf_quote_row {
    char doc_id[33];
    int64_t story;
    sf_span span;       /* the quote's bytes in its document */
    int partial;        /* 1 for a quoted phrase in reported speech, 0 for a direct quote */
    char *text;         /* the quote */
    char *speaker;      /* as the cue names it ("he", "the president"), or NULL */
    char *name;         /* the person that resolves to, or NULL */
    char *title, *source, *date;
} sf_quote_row;

typedef struct sf_quote_rows {
    sf_quote_row *rows;
    size_t n;
} sf_quote_rows;

/* Quotations whose speaker is `who` (NULL: all): the same person by entity key
 * ("Zelenskyy" finds "Zelensky"), or a resolved name or speaker containing `who`, case
 * folded. Partial quotes are left out unless `partial`. At most `limit` rows (0: all). */
sf_quote_rows *sf_quotes_new(sf_db *db, const char *who, int partial, int limit, sf_error *err);
void sf_quote_rows_free(sf_quote_rows *rows);

/* ---- briefs ------------------------------------------------------------------------- */

typedef struct sf_cite {
    size_t doc; /* index into brief->docs */
    sf_span span;
} sf_cite;

/* A sentence as a summary quotes it (src/story/trim.c): `cite` runs from its first kept
 * byte to its last (the whole sentence, or what follows a dateline or a leading
 * "However,"), and `cut` lists the byte ranges inside cite.span the summary leaves out
 * (" on Tuesday", ", officials said" before the final period), in order, disjoint, each
 * with the space before it. Its text is cite.span without the cuts (sf_write_excerpt). */
#define SF_MAX_CUTS 6
typedef struct sf_excerpt {
    sf_cite cite;
    sf_span cut[SF_MAX_CUTS];
    size_t n_cut;
} sf_excerpt;

typedef struct sf_brief_sentence {
    sf_excerpt excerpt; /* the sentence as the summary quotes it: where from, what is cut */
    sf_cite *also;      /* other documents' sentences that say nearly the same (whole) */
    size_t n_also;
    int n_outlets; /* independent outlets among cite + also (see sf_brief.outlet) */
} sf_brief_sentence;

/* One of a story's key people, places or organizations. */
typedef struct sf_brief_entity {
    uint8_t type;   /* SF_ENT_PER, SF_ENT_LOC or SF_ENT_ORG */
    char *name;     /* owned: its fullest name in the story */
    int n_outlets;  /* independent outlets naming it */
    int n_docs;     /* documents naming it */
    int n_mentions; /* mentions in all */
} sf_brief_entity;

/* A figure the story's reports give for one thing ("killed", "fled", "troops"): every
 * report of it, and whether they agree. */
typedef enum sf_verdict {
    SF_AGREE = 1, /* the figures are compatible ("more than 1,000" and "1,200") */
    SF_RISING,    /* they differ, but each later report gives a higher figure (a toll rising) */
    SF_CONFLICT   /* independent outlets give figures that cannot all be true */
} sf_verdict;
typedef struct sf_brief_figure {
    sf_cite cite;         /* the number's bytes ("more than 1,000") */
    const sf_number *num; /* the claim, in docs[cite.doc]->nums */
} sf_brief_figure;
typedef struct sf_brief_claim {
    char *what;               /* owned: what is counted: a class ("deaths", "injured",
                                 "fled", "missing", "arrested", "troops"), else the first
                                 report's words ("people evacuated", "votes cast") */
    sf_brief_figure *figures; /* in report order (date, then document order); owned */
    size_t n_figures;
    int n_outlets;            /* independent outlets giving a figure */
    uint8_t verdict;          /* sf_verdict */
} sf_brief_claim;

/* A dated statement: what happened when, as a report tells it. */
typedef struct sf_brief_event {
    int64_t story;       /* the story it is told in: this one, or another of its storyline */
    int32_t first, last; /* the days the time expression covers (event time) */
    char value[40];      /* its TIMEX3 value ("2022-02-25", "2022-W08") */
    sf_cite cite;        /* the sentence */
    sf_cite when;        /* the time expression in it ("on Friday") */
    sf_cite *also;       /* other documents' sentences that say nearly the same; owned */
    size_t n_also;
    int n_outlets;
} sf_brief_event;

/* One utterance as the story's reports quote it: its wordings across outlets. */
typedef struct sf_brief_quote {
    char *speaker;            /* owned: the person (canonical name), or the speaker as named,
                                 or NULL when no report names one */
    sf_cite *cites;           /* every quotation of it (direct or partial), report order;
                                 owned */
    const sf_quote **quotes;  /* parallel to cites: the quotation in docs[cite.doc]; owned
                                 array */
    int *wording;             /* parallel to cites: which wording (0 .. n_wordings-1); owned */
    size_t n_cites;
    int n_wordings;           /* distinct wordings (case, spacing and commas aside), numbered
                                 in order of first report */
    int n_outlets;
} sf_brief_quote;

typedef struct sf_brief {
    int64_t story;
    char *title;   /* owned */
    sf_doc **docs; /* owned; the story's n_docs in date order, then the n_line_docs
                      documents of other stories that the timeline cites */
    size_t n_docs;
    size_t n_line_docs;
    int64_t *line_doc_story; /* owned: the story of each of those (n_line_docs) */
    long *copy_of;  /* per document: the earlier document it re-publishes, or -1 */
    long *reuses;   /* per document: the earlier document it shares most text with (a copy's
                       origin, or one it took passages from), or -1 */
    uint32_t *reused_words; /* per document: the words it shares with that one, or 0 */
    size_t *outlet; /* per document: its independent outlet (documents of one source and
                     * copies of one text share one), as the index of its first document */
    int n_sources;  /* independent outlets in the story */
    sf_brief_sentence *summary;
    size_t n_summary;
    sf_brief_entity *entities; /* by type (PER, LOC, ORG), most reported first, at most 6 each */
    size_t n_entities;
    sf_brief_claim *claims; /* figures by what they count, most reported first */
    size_t n_claims;
    sf_brief_event *timeline; /* dated statements in event-time order (then report time):
                                 this story's, and the most reported ones of the other
                                 events of its storyline (their .story says which) */
    size_t n_timeline;
    sf_brief_quote *quotes; /* utterances, most quoted first (at most 8) */
    size_t n_quotes;
    int64_t storyline;    /* the id of the storyline's first story */
    sf_story_list *line;  /* owned: the storyline's stories (this one among them), by first
                             date; NULL when the story stands alone */
} sf_brief;

/* Build the brief of one stored story; `words` is the summary budget (<= 0: 100). */
sf_brief *sf_brief_build(sf_db *db, int64_t story, int words, sf_error *err);
void sf_brief_free(sf_brief *b);

/* "published the same day", "published 2 days earlier" (or "" with an undated side): when
 * document i of b came out after the one it shares most text with (b->reuses[i] >= 0). */
void sf_brief_reuse_when(const sf_brief *b, size_t i, char *out, size_t cap);

int sf_brief_write_markdown(const sf_brief *b, FILE *out);
/* Write text[span] on one line: runs of whitespace (hard wraps) become one space. */
void sf_write_span(FILE *out, const char *text, sf_span span);
/* Write an excerpt's text (e->cite.span of `text` without e->cut) the same way. */
void sf_write_excerpt(FILE *out, const char *text, const sf_excerpt *e);
/* The byte spans an excerpt's text is made of (cite.span without the cuts), in order, into
 * out[0, SF_MAX_CUTS + 1): their number. One, cite.span, when nothing inside is cut. */
size_t sf_excerpt_pieces(const sf_excerpt *e, sf_span *out);
int sf_brief_write_json(const sf_brief *b, FILE *out);
/* A self-contained HTML page of briefs (no scripts or external assets; article text
 * escaped): sf_html_begin, then sf_brief_write_html for each brief, then sf_html_end. */
void sf_html_begin(FILE *out, const char *title);
int sf_brief_write_html(const sf_brief *b, FILE *out);
int sf_html_end(FILE *out);

/* Extractive summary of analyzed documents taken as one story: up to `words` words (as
 * sf_write_excerpt writes them), returned as excerpts of sentences in reading order
 * (*out malloc'd, caller frees). */
int sf_summarize(sf_doc *const *docs, size_t n, int words, sf_excerpt **out, size_t *n_out,
                 sf_error *err);

/* The story each stored document belongs to, in ingest order. */
typedef struct sf_membership {
    char doc_id[33];
    char *path;
    int64_t story, storyline;
} sf_membership;

int sf_memberships(sf_db *db, sf_membership **out, size_t *n, sf_error *err);
void sf_memberships_free(sf_membership *m, size_t n);

#endif
