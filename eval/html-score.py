#!/usr/bin/env python3
"""html-score.py — scores main-text extraction (eval/html.sh) against a benchmark's truth.

  html-score.py aeb GROUND_TRUTH.json PRED.jsonl [NAME]
  html-score.py wcxb GROUND_TRUTH_DIR PRED.jsonl [NAME]

PRED.jsonl: one object per page: "file" (the page's path; its id is the name before the
first '.'), "text", and optionally "title", "author", "date" (YYYY-MM-DD or any string
whose first YYYY-MM-DD is taken).

aeb: the ScrapingHub article-extraction-benchmark metric: tokens are \\w+ runs (case kept),
each text is the multiset of its 4-token shingles; per page tp/fp/fn (multiset overlap,
prediction only, truth only) are normalized to sum 1; precision is the mean of
tp/(tp+fp) over pages with tp+fp > 0, recall the mean of tp/(tp+fn) over pages with
tp+fn > 0, F1 = 2PR/(P+R). A page missing from PRED counts as an empty prediction.

wcxb: word F1: tokens are lowercased \\w+ runs, bag of words; per page P = overlap/|pred|,
R = overlap/|truth|, F1 = 2PR/(P+R) (0 when either is empty, 1 when both are); averaged
over all pages with a main_content, and over the article pages. Metadata, on the article
pages whose truth has the field:
  title:  equal after lowercasing and keeping only the \\w+ tokens;
  author: the first author equal (the byline split at , ; & and " and ", then lowercased
          \\w+ tokens; "By" dropped);
  date:   the same calendar day (the first YYYY-MM-DD in each).
Prints one line per figure: "<NAME> <figure> <value>". HTML_MISSES=1 in the environment
also prints each metadata miss to stderr: "miss FIELD PAGE-ID truth=... got=...".
"""
import json
import os
import re
import sys
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)
YMD = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def page_id(path):
    return os.path.basename(path).split(".")[0]


def load_pred(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                o = json.loads(line)
                out[page_id(o["file"])] = o
    return out


def shingles(text, n=4):
    toks = WORD.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def aeb(gt_path, pred_path, name):
    gt = json.load(open(gt_path, encoding="utf-8"))
    pred = load_pred(pred_path)
    precs, recs = [], []
    for pid, g in gt.items():
        t = shingles(g.get("articleBody", ""))
        p = shingles(pred.get(pid, {}).get("text", ""))
        tp = sum((t & p).values())
        fp = sum((p - t).values())
        fn = sum((t - p).values())
        tot = tp + fp + fn
        if tot:
            tp, fp, fn = tp / tot, fp / tot, fn / tot
        if tp + fp > 0:
            precs.append(tp / (tp + fp))
        if tp + fn > 0:
            recs.append(tp / (tp + fn))
    P = sum(precs) / len(precs) if precs else 0.0
    R = sum(recs) / len(recs) if recs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"{name} aeb_pages {len(gt)}")
    print(f"{name} aeb_precision {P:.4f}")
    print(f"{name} aeb_recall {R:.4f}")
    print(f"{name} aeb_f1 {F:.4f}")


def words(text):
    return Counter(w.lower() for w in WORD.findall(text or ""))


def word_f1(truth, pred):
    t, p = words(truth), words(pred)
    nt, np_ = sum(t.values()), sum(p.values())
    if nt == 0 and np_ == 0:
        return 1.0
    if nt == 0 or np_ == 0:
        return 0.0
    ov = sum((t & p).values())
    if ov == 0:
        return 0.0
    P, R = ov / np_, ov / nt
    return 2 * P * R / (P + R)


def norm_title(s):
    return " ".join(w.lower() for w in WORD.findall(s or ""))


def first_author(s):
    s = re.sub(r"^\s*by\s+", "", s or "", flags=re.I)
    first = re.split(r"\s*(?:,|;|&|\band\b)\s*", s, maxsplit=1)[0]
    return norm_title(first)


def day(s):
    m = YMD.search(s or "")
    return m.group(0) if m else None


def wcxb(gt_dir, pred_path, name):
    pred = load_pred(pred_path)
    show = os.environ.get("HTML_MISSES") == "1"

    def miss(field, pid, truth, got):
        if show:
            print(f"miss {field} {pid} truth={truth!r} got={got!r}", file=sys.stderr)
    f_all, f_art = [], []
    meta = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}
    for fn in sorted(os.listdir(gt_dir)):
        if not fn.endswith(".json"):
            continue
        d = json.load(open(os.path.join(gt_dir, fn), encoding="utf-8"))
        g = d.get("ground_truth", {})
        ptype = d.get("_internal", {}).get("page_type", {}).get("primary") or g.get("page_type")
        pid = page_id(fn)
        p = pred.get(pid, {})
        if g.get("main_content") is not None:
            f = word_f1(g["main_content"], p.get("text", ""))
            f_all.append(f)
            if ptype == "article":
                f_art.append(f)
        if ptype != "article":
            continue
        if g.get("title"):
            meta["title"][1] += 1
            ok = norm_title(g["title"]) == norm_title(p.get("title")) and bool(p.get("title"))
            meta["title"][0] += ok
            if not ok:
                miss("title", pid, g["title"], p.get("title"))
        if g.get("author"):
            meta["author"][1] += 1
            ok = bool(p.get("author")) and first_author(g["author"]) == first_author(p.get("author"))
            meta["author"][0] += ok
            if not ok:
                miss("author", pid, g["author"], p.get("author"))
        if g.get("publish_date"):
            meta["date"][1] += 1
            ok = day(g["publish_date"]) is not None and day(g["publish_date"]) == day(p.get("date"))
            meta["date"][0] += ok
            if not ok:
                miss("date", pid, g["publish_date"], p.get("date"))
    print(f"{name} wcxb_pages {len(f_all)}")
    print(f"{name} wcxb_f1_all {sum(f_all) / max(1, len(f_all)):.4f}")
    print(f"{name} wcxb_article_pages {len(f_art)}")
    print(f"{name} wcxb_f1_article {sum(f_art) / max(1, len(f_art)):.4f}")
    for k, (ok, n) in meta.items():
        print(f"{name} wcxb_{k}_pages {n}")
        print(f"{name} wcxb_{k}_acc {ok / max(1, n):.4f}")


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] not in ("aeb", "wcxb"):
        sys.exit(__doc__)
    nm = sys.argv[4] if len(sys.argv) > 4 else "storyfold"
    (aeb if sys.argv[1] == "aeb" else wcxb)(sys.argv[2], sys.argv[3], nm)
