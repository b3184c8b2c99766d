#!/usr/bin/python3
"""stream-peer.py -- the clustering peer of eval/stream.sh (issue 4): TF-IDF +
agglomerative clustering with Debian's python3-sklearn, run by /usr/bin/python3.

Usage: stream-peer.py STREAM.jsonl GOLD LABELS

STREAM.jsonl: one article per line ({"id","title","date","text"}), the stream storyfold
clusters. GOLD: one gold cluster name per line, in stream order. Reads the title and text
of every article (dates are not used), weighs words with TfidfVectorizer (sublinear tf,
English stop words, l2-normalized), and groups the articles with AgglomerativeClustering
(cosine distance, average linkage, no cluster count, a distance threshold). The threshold
is tuned on this same stream against GOLD: every value of 0.01, 0.02 ... 0.99 is tried
and the one with the best B-cubed F1 kept (the lowest on ties). That favours the peer: it
sees the answers when choosing its one parameter; storyfold does not.

Writes the best setting's cluster label of each article, one per line in stream order, to
LABELS (eval/stream.sh scores them with the same scorers as storyfold's). Prints one line:
  THRESHOLD SECONDS CLUSTERS B3_F1
where SECONDS is the best setting run again end to end (vectorize, distances, fit) on the
texts already in memory, and B3_F1 this script's own figure (stream.sh prints its own).
"""
import json
import sys
import time
from collections import Counter

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances


def bcubed_f1(gold, pred):
    """B-cubed F1, as eval/bcubed.awk computes it."""
    gp = Counter(zip(gold, pred))
    gs = Counter(gold)
    ps = Counter(pred)
    n = len(gold)
    p = sum(gp[(g, q)] / ps[q] for g, q in zip(gold, pred)) / n
    r = sum(gp[(g, q)] / gs[g] for g, q in zip(gold, pred)) / n
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def distances(texts):
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    d = cosine_distances(x)
    d[d < 0] = 0.0  # rounding
    return d


def cluster(d, threshold):
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=threshold)
    return model.fit_predict(d)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: stream-peer.py STREAM.jsonl GOLD LABELS")
    texts = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            texts.append((o.get("title") or "") + "\n" + (o.get("text") or ""))
    with open(sys.argv[2], encoding="utf-8") as f:
        gold = [line.rstrip("\n") for line in f]
    if len(gold) != len(texts):
        sys.exit("stream-peer.py: %d articles but %d gold lines" % (len(texts), len(gold)))

    d = distances(texts)
    best = None
    for k in range(1, 100):
        t = k / 100
        f1 = bcubed_f1(gold, list(cluster(d, t)))
        if best is None or f1 > best[1]:
            best = (t, f1)
    t, f1 = best

    start = time.perf_counter()
    labels = cluster(distances(texts), t)
    seconds = time.perf_counter() - start

    with open(sys.argv[3], "w", encoding="utf-8") as f:
        for q in labels:
            f.write("%d\n" % q)
    print("%.2f %.3f %d %.3f" % (t, seconds, len(set(labels)), f1))


if __name__ == "__main__":
    main()
