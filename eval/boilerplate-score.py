#!/usr/bin/env python3
"""eval/boilerplate-score.py — scores the boilerplate a store learned (table learned_line)
against the template lines eval/boilerplate-gen.py gave each invented outlet.

Usage: boilerplate-score.py STORE.db GOLD.json
Prints, on one line each (key=value, for eval/boilerplate.sh):
  lines: learned lines, right ones, precision, recall over the outlets' template lines;
  article: learned lines that are article text (distinct) and their occurrences;
  occurrences: template-line occurrences whose sentence was marked when stored (learning
  needs a few documents first), and article sentences marked by a learned line.
"""
import json
import re
import sqlite3
import sys


def norm(s):
    return re.sub(r"\s+", " ", s.strip()).lower()


def main():
    db, gold_path = sys.argv[1:3]
    with open(gold_path, encoding="utf-8") as fh:
        gold = json.load(fh)
    templates = {(o, norm(line)) for o, lines in gold["templates"].items() for line in lines}
    h = sqlite3.connect(db)
    learned = {(s, norm(t)): (d, e) for s, t, d, e in
               h.execute("SELECT source, line, docs, events FROM learned_line WHERE marked")}
    right = [k for k in learned if k in templates]
    wrong = [k for k in learned if k not in templates]
    p = len(right) / len(learned) if learned else 1.0
    r = len(right) / len(templates) if templates else 1.0
    print("lines learned=%d right=%d templates=%d precision=%.3f recall=%.3f"
          % (len(learned), len(right), len(templates), p, r))
    wrong_occ = sum(learned[k][0] for k in wrong)
    print("article lines_learned=%d occurrences=%d" % (len(wrong), wrong_occ))
    for k in sorted(wrong, key=lambda k: -learned[k][0])[:5]:
        print("  article line learned: %s | %.70s (%d documents, %d events)"
              % (k[0], k[1], learned[k][0], learned[k][1]))
    # occurrences, from the stored sentences' flags
    tpl_all = tpl_marked = art_marked = 0
    sents = {}
    for doc, s, e, bp in h.execute("SELECT doc, start, end, boilerplate FROM sentence"):
        sents.setdefault(doc, []).append((s, e, bp))
    for n, source, text in h.execute("SELECT n, source, text FROM doc"):
        b = text.encode("utf-8")
        pos = 0
        for line in b.split(b"\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            key = (source, norm(line.decode("utf-8", "replace")))
            if not key[1]:
                continue
            marked = any(bp and s < end and e > start and 2 * (min(e, end) - max(s, start)) >= e - s
                         for s, e, bp in sents.get(n, []))
            if key in templates:
                tpl_all += 1
                tpl_marked += marked
            elif key in learned and marked:
                art_marked += 1
    print("occurrences templates=%d marked_at_ingest=%d (%.3f) article_lines_marked=%d"
          % (tpl_all, tpl_marked, tpl_marked / tpl_all if tpl_all else 0, art_marked))


if __name__ == "__main__":
    main()
