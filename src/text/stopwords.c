/* stopwords.c — the English stop list: the Snowball project's English stop word list
 * (snowballstem.org, BSD licence) plus reporting verbs and news filler that say nothing
 * about which event a text is about ("said", "told", "reported", weekday names). */
#include "text/stopwords.h"

#include <stdlib.h>
#include <string.h>

/* Sorted (strcmp order): looked up with bsearch. */
static const char *const words[] = {
    "a",        "about",      "above",     "according", "after",      "again",     "against",
    "all",      "also",       "am",        "an",        "and",        "any",       "are",
    "aren't",   "as",         "at",        "be",        "because",    "been",      "before",
    "being",    "below",      "between",   "both",      "but",        "by",        "can",
    "can't",    "cannot",     "could",     "couldn't",  "did",        "didn't",    "do",
    "does",     "doesn't",    "doing",     "don't",     "down",       "during",    "each",
    "few",      "for",        "friday",    "from",      "further",    "had",       "hadn't",
    "has",      "hasn't",     "have",      "haven't",   "having",     "he",        "he'd",
    "he'll",    "he's",       "her",       "here",      "here's",     "hers",      "herself",
    "him",      "himself",    "his",       "how",       "how's",      "i",         "i'd",
    "i'll",     "i'm",        "i've",      "if",        "in",         "into",      "is",
    "isn't",    "it",         "it's",      "its",       "itself",     "just",      "let's",
    "like",     "me",         "monday",    "more",      "most",       "mr",        "mrs",
    "ms",       "mustn't",    "my",        "myself",    "no",         "nor",       "not",
    "now",      "of",         "off",       "on",        "once",       "one",       "only",
    "or",       "other",      "ought",     "our",       "ours",       "ourselves", "out",
    "over",     "own",        "per",       "reported",  "reportedly", "said",      "same",
    "saturday", "say",        "saying",    "says",      "shan't",     "she",       "she'd",
    "she'll",   "she's",      "should",    "shouldn't", "so",         "some",      "such",
    "sunday",   "than",       "that",      "that's",    "the",        "their",     "theirs",
    "them",     "themselves", "then",      "there",     "there's",    "these",     "they",
    "they'd",   "they'll",    "they're",   "they've",   "this",       "those",     "through",
    "thursday", "to",         "told",      "too",       "tuesday",    "under",     "until",
    "up",       "very",       "was",       "wasn't",    "we",         "we'd",      "we'll",
    "we're",    "we've",      "wednesday", "were",      "weren't",    "what",      "what's",
    "when",     "when's",     "where",     "where's",   "which",      "while",     "who",
    "who's",    "whom",       "why",       "why's",     "will",       "with",      "won't",
    "would",    "wouldn't",   "year",      "years",     "yesterday",  "you",       "you'd",
    "you'll",   "you're",     "you've",    "your",      "yours",      "yourself",  "yourselves",
};

typedef struct key {
    const char *s;
    size_t n;
} key;

static int cmp(const void *a, const void *b)
{
    const key *k = a;
    const char *w = *(const char *const *)b;
    int c = strncmp(k->s, w, k->n);
    if (c) return c;
    return w[k->n] ? -1 : 0;
}

int stop_is(const char *lower, size_t len)
{
    key k = {lower, len};
    return bsearch(&k, words, sizeof words / sizeof *words, sizeof *words, cmp) != NULL;
}
