#!/usr/bin/env python3
"""eval/boilerplate-gen.py — the labeled stream of eval/boilerplate.sh: BBC and Reuters
articles (../shared/data/corpora) published by eight invented outlets, each adding its
own template lines (invented here: headers, sign-offs, prompts; some on every article,
some on most, one outlet on none), with stories syndicated across outlets and some
stories re-published several times by one outlet (updates), all with the article's lines
kept word for word: the hardest case for learning, since a story's own lines then repeat
in many documents. Deterministic (fixed seed).

Usage: boilerplate-gen.py BBC_DIR REUTERS_DIR OUT.jsonl GOLD.json
OUT: one article a line {id, source, date, title, text, story}; GOLD: {"templates":
{outlet: [line...]}, "stories": n}. Reuters' own sign-off line ("Reuter") is cut from
its articles here (section (b) of the evaluation looks at it).
"""
import datetime
import html
import json
import os
import random
import re
import sys

# Each outlet: lines put before the article, after it, and how often (1.0: always).
OUTLETS = {
    "Harrowgate Courier": {
        "head": [("Harrowgate Courier | news from the river towns", 1.0)],
        "tail": [("Spotted something we missed? Tell the Courier desk by phone or letter.", 1.0),
                 ("Courier subscribers read every story first in the morning bundle.", 0.7)],
    },
    "Wendle Valley Post": {
        "head": [],
        "tail": [("The Valley Post is owned by its readers and answers to nobody else.", 0.9)],
    },
    "Northmoor Evening Lamp": {
        "head": [("EVENING LAMP - LATE EDITION", 0.8)],
        "tail": [("Printed and distributed by the Lamp cooperative of Northmoor.", 1.0),
                 ("Letters to the editor go in the blue box at the Lamp office.", 0.5)],
    },
    "Brisk Wire Digest": {
        "head": [],
        "tail": [("(Compiled by the Brisk Wire Digest team; edits by the night desk)", 1.0)],
    },
    "Saltmarsh Herald": {
        "head": [("From the Saltmarsh Herald newsroom", 0.6)],
        "tail": [("Herald readers can hear this story read aloud on our phone line.", 0.8)],
    },
    "Corrin Bay Tribune": {
        "head": [],
        "tail": [("Keep the Tribune independent: a membership costs less than a coffee a week.", 1.0),
                 ("Corrections and clarifications appear every Saturday on page two.", 0.4)],
    },
    "Ashgrove Daily Ledger": {
        "head": [("Ashgrove Daily Ledger - serving the county since the railway came", 1.0)],
        "tail": [],
    },
    "Plain Pages": {"head": [], "tail": []},  # a control: adds nothing
}

N_BBC, N_REUTERS = 1400, 1000
P_SYNDICATED = 0.25  # a story also published by 2 to 6 other outlets
P_UPDATES = 0.04     # a story re-published 2 to 4 more times by its outlet
P_EVERYWHERE = 0.01  # a story reprinted by every outlet


def bbc_articles(d):
    out = []
    for cat in sorted(os.listdir(d)):
        p = os.path.join(d, cat)
        if not os.path.isdir(p):
            continue
        for f in sorted(os.listdir(p)):
            with open(os.path.join(p, f), encoding="utf-8", errors="replace") as fh:
                lines = fh.read().strip().split("\n")
            title = lines[0].strip()
            body = "\n".join(lines[1:]).strip()
            if body:
                out.append((title, body))
    return out


def reuters_articles(d):
    out = []
    for f in sorted(os.listdir(d)):
        if not f.endswith(".sgm"):
            continue
        with open(os.path.join(d, f), encoding="latin-1") as fh:
            raw = fh.read()
        for m in re.finditer(r"<REUTERS.*?</REUTERS>", raw, re.S):
            r = m.group(0)
            b = re.search(r"<BODY>(.*?)</BODY>", r, re.S)
            t = re.search(r"<TITLE>(.*?)</TITLE>", r, re.S)
            if not b or not t:
                continue
            body = html.unescape(b.group(1)).replace("\x03", "")
            lines = body.rstrip().split("\n")
            while lines and re.fullmatch(r"\s*(reuter|reuters)\s*", lines[-1], re.I):
                lines.pop()  # the wire's own sign-off: section (b)
            body = "\n".join(lines).strip()
            if len(body) > 200:
                out.append((html.unescape(t.group(1)).strip(), body))
    return out


def main():
    bbc_dir, reu_dir, out_path, gold_path = sys.argv[1:5]
    rng = random.Random(20261130)
    bbc = bbc_articles(bbc_dir)
    reu = reuters_articles(reu_dir)
    rng.shuffle(bbc)
    rng.shuffle(reu)
    base = bbc[:N_BBC] + reu[:N_REUTERS]
    rng.shuffle(base)
    names = sorted(OUTLETS)
    start = datetime.date(2026, 1, 5)
    docs = []
    for sid, (title, body) in enumerate(base):
        day = start + datetime.timedelta(days=sid * 120 // len(base))
        first = rng.choice(names)
        pubs = [(first, 0)]
        r = rng.random()
        if r < P_EVERYWHERE:
            pubs += [(o, rng.randint(0, 2)) for o in names if o != first]
        elif r < P_EVERYWHERE + P_SYNDICATED:
            others = [o for o in names if o != first]
            pubs += [(o, rng.randint(0, 2)) for o in rng.sample(others, rng.randint(2, 6))]
        if rng.random() < P_UPDATES:
            pubs += [(first, k) for k in range(1, rng.randint(3, 5))]
        for k, (outlet, delay) in enumerate(pubs):
            t = OUTLETS[outlet]
            head = [line for line, p in t["head"] if rng.random() < p]
            tail = [line for line, p in t["tail"] if rng.random() < p]
            text = "\n\n".join(head + [body] + tail) + "\n"
            docs.append({
                "id": "s%d-%d" % (sid, k),
                "source": outlet,
                "date": (day + datetime.timedelta(days=delay)).isoformat(),
                "title": title,
                "text": text,
                "story": sid,
            })
    docs.sort(key=lambda d: (d["date"], rng.random()))
    with open(out_path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    gold = {"templates": {o: [line for line, _ in t["head"] + t["tail"]] for o, t in OUTLETS.items()},
            "stories": len(base)}
    with open(gold_path, "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
