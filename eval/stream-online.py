#!/usr/bin/python3
"""stream-online.py -- how much of the peer's lead on the mixed stream is its batch view
(issue 4). A diagnostic, not a gate, run by hand on a stream eval/stream.sh kept:

  STREAM_OUT=DIR eval/stream.sh && /usr/bin/python3 eval/stream-online.py DIR

It weighs the stream's words exactly as eval/stream-peer.py does (TfidfVectorizer: sublinear
tf, English stop words, l2-normalized, fitted on the whole stream, so every article has
its final weights from the start) and then groups the articles in stream order, one pass,
as an online clusterer must:
  centroid:  an article joins the story whose summed vector has the highest cosine with
             it, above T, else starts one (storyfold's rule, with the peer's weights);
  average:   the same with the mean similarity to the story's articles (average link);
  + merging: after each join, the story merges with any other whose average-link
             similarity to it is above M (an online stand-in for agglomeration).
No time window (the peer has none). For each rule it prints the B-cubed P/R/F1 of the
best T (and M) on a grid, chosen on this stream's gold as the peer's threshold is, so the
figures are ceilings of each rule rather than what a fixed setting would reach.
"""
import json
import os
import sys
from collections import Counter

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


def bcubed(gold, pred):
    gp, gs, ps = Counter(zip(gold, pred)), Counter(gold), Counter(pred)
    n = len(gold)
    p = sum(gp[(g, q)] / ps[q] for g, q in zip(gold, pred)) / n
    r = sum(gp[(g, q)] / gs[g] for g, q in zip(gold, pred)) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def one_pass(x, join, mode, merge=None):
    """Labels of the rows of x (unit vectors) grouped in order."""
    sums, sizes, alive, parent, labels = [], [], [], [], []
    for v in x:
        best, best_s = -1, join
        for k, s in enumerate(sums):
            if not alive[k]:
                continue
            sim = s @ v / (np.linalg.norm(s) if mode == "centroid" else sizes[k])
            if sim > best_s:
                best, best_s = k, sim
        if best < 0:
            sums.append(v.copy()); sizes.append(1); alive.append(True)
            parent.append(len(sums) - 1); labels.append(len(sums) - 1)
            continue
        sums[best] += v; sizes[best] += 1; labels.append(best)
        k = best
        while merge is not None:
            other, other_s = -1, merge
            for j, s in enumerate(sums):
                if j != k and alive[j]:
                    sim = sums[k] @ s / (sizes[k] * sizes[j])
                    if sim > other_s:
                        other, other_s = j, sim
            if other < 0:
                break
            a, b = min(k, other), max(k, other)
            sums[a] += sums[b]; sizes[a] += sizes[b]; alive[b] = False; parent[b] = a
            k = a

    def root(c):
        while parent[c] != c:
            c = parent[c]
        return c
    return [root(c) for c in labels]


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    with open(os.path.join(d, "stream.jsonl"), encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    with open(os.path.join(d, "stream.gold"), encoding="utf-8") as f:
        gold = [line.split("\t")[0] for line in f]
    texts = [(a.get("title", "") + " " + a["text"]) for a in docs]
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    x = x.toarray().astype(np.float32)
    grids = [("centroid", [0.15, 0.2, 0.25, 0.3], [None]),
             ("average", [0.1, 0.12, 0.15, 0.2], [None]),
             ("average + merging", [0.15, 0.18, 0.2], [0.12, 0.15, 0.18])]
    for name, joins, merges in grids:
        best = None
        for t in joins:
            for m in merges:
                p, r, f = bcubed(gold, one_pass(x, t, name.split()[0], m))
                if best is None or f > best[0]:
                    best = (f, p, r, t, m)
        f, p, r, t, m = best
        print("online %-18s B3 P %.3f R %.3f F1 %.3f  (T %.2f%s)" %
              (name, p, r, f, t, "" if m is None else ", M %.2f" % m))


if __name__ == "__main__":
    main()
