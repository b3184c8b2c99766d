#!/usr/bin/env python3
"""html-date-labels.py — how the WCXB labels choose between a page's two days (issue 5's
date bar). A diagnostic, not a gate: it reads only the pages and their labels, no
extractor's output.

  html-date-labels.py [WCXB_DIR]      (default ../shared/data/wcxb-dev)

For each article page whose label has a publish_date, it takes the day the page declares
published (JSON-LD "datePublished", else article:published_time) and the day it declares
modified ("dateModified", else article:modified_time), and whether each day is printed in
the page's visible text (scripts, styles and tags removed; "March 5, 2025", "5 March 2025"
or 2025-03-05). On the pages that declare two different days, it counts which one the
label is, by what is printed; and, where only the day modified is printed, by the label's
"reannotated" flag (the labels' second pass). Standard library only.
"""
import gzip
import json
import os
import re
import sys
from collections import Counter

MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
MDY = re.compile(r"(?i)\b" + MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
DMY = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MON + r",?\s+(\d{4})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def declared(html, ld_key, meta_key):
    m = re.search(r'"%s"\s*:\s*"(\d{4}-\d{2}-\d{2})' % ld_key, html)
    if not m:
        m = re.search(r'%s"\s+content="(\d{4}-\d{2}-\d{2})' % re.escape(meta_key), html)
    return m.group(1) if m else None


def printed_days(html):
    text = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", " ", html)
    text = re.sub(r"(?s)<[^>]*>", " ", text)
    days = set()
    for m in MDY.finditer(text):
        days.add("%s-%02d-%02d" % (m.group(3), MONTHS[m.group(1).lower()[:3]], int(m.group(2))))
    for m in DMY.finditer(text):
        days.add("%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2).lower()[:3]], int(m.group(1))))
    for m in ISO.finditer(text):
        days.add(m.group(0))
    return days


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/wcxb-dev"
    truth_dir, html_dir = os.path.join(root, "ground-truth"), os.path.join(root, "html")
    by_printed, by_pass = Counter(), Counter()
    n_dated = n_two = 0
    for name in sorted(os.listdir(truth_dir)):
        with open(os.path.join(truth_dir, name), encoding="utf-8") as f:
            g = json.load(f)
        if g.get("_internal", {}).get("page_type", {}).get("primary") != "article":
            continue
        label = (g["ground_truth"].get("publish_date") or "")[:10]
        if len(label) < 10:
            continue
        n_dated += 1
        path = os.path.join(html_dir, name.split(".")[0] + ".html.gz")
        with gzip.open(path) as f:
            html = f.read().decode("utf-8", "replace")
        pub = declared(html, "datePublished", "article:published_time")
        mod = declared(html, "dateModified", "article:modified_time")
        if not pub or not mod or pub == mod:
            continue
        n_two += 1
        days = printed_days(html)
        shown = ("both printed" if pub in days and mod in days else
                 "published printed" if pub in days else
                 "modified printed" if mod in days else "neither printed")
        took = "published" if label == pub else "modified" if label == mod else "another day"
        by_printed[(shown, took)] += 1
        if shown == "modified printed":
            by_pass[("second pass" if g.get("reannotated") else "first pass", took)] += 1
    print("WCXB article pages with a date label: %d; declaring two different days: %d" %
          (n_dated, n_two))
    print("  %-18s %10s %10s %12s" % ("printed", "published", "modified", "another day"))
    for shown in ("both printed", "published printed", "modified printed", "neither printed"):
        print("  %-18s %10d %10d %12d" % (shown, by_printed[(shown, "published")],
                                           by_printed[(shown, "modified")],
                                           by_printed[(shown, "another day")]))
    print("only the day modified printed, by the label's pass:")
    for p in ("first pass", "second pass"):
        print("  %-18s %10d %10d %12d" % (p, by_pass[(p, "published")], by_pass[(p, "modified")],
                                           by_pass[(p, "another day")]))


if __name__ == "__main__":
    main()
