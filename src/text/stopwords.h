/* stopwords.h — English function words that carry no topic. */
#ifndef SF_STOPWORDS_H
#define SF_STOPWORDS_H

#include <stddef.h>

/* 1 when the lowercased word is a stopword. */
int stop_is(const char *lower, size_t len);

#endif
