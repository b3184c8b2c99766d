"""check_brief.py — validate `storyfold brief --json` / `show --format json` output (JSON
Lines on stdin) against docs/brief.schema.json, and check what the schema cannot say:
every cite's n names the document whose id it gives (the story's own, or another story's
of its storyline), spans are ordered, figures and
timeline entries are ordered as documented. Exit 1 with the reason on the first problem.
Run by tests/cli/run.sh with Debian's python3 and python3-jsonschema."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


def cites(obj):
    """Every cite object anywhere in obj."""
    if isinstance(obj, dict):
        if set(obj) == {"doc", "n", "start", "end"}:
            yield obj
        for v in obj.values():
            yield from cites(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from cites(v)


n = 0
for line_no, line in enumerate(sys.stdin, 1):
    brief = json.loads(line)
    errors = sorted(validator.iter_errors(brief), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        sys.exit(f"line {line_no}: {'/'.join(map(str, e.path))}: {e.message}")
    # the story's documents, then the storyline's other documents the timeline cites
    docs = brief["documents"] + (brief["storyline"] or {}).get("documents", [])
    if [d["n"] for d in docs] != list(range(1, len(docs) + 1)):
        sys.exit(f"line {line_no}: documents not numbered 1..{len(docs)}")
    stories = {s["story"] for s in (brief["storyline"] or {}).get("stories", [])}
    for d in docs[len(brief["documents"]):]:
        if d["story"] == brief["story"] or d["story"] not in stories:
            sys.exit(f"line {line_no}: document {d['n']} is not of another story of the storyline")
    for t in brief["timeline"]:
        if t["story"] != brief["story"] and t["story"] not in stories:
            sys.exit(f"line {line_no}: a timeline entry of story {t['story']} outside the storyline")
    for c in cites({k: v for k, v in brief.items() if k != "documents"}):
        if c["n"] > len(docs) or docs[c["n"] - 1]["id"] != c["doc"] or c["start"] >= c["end"]:
            sys.exit(f"line {line_no}: cite {c} does not name a document span")
    days = [(t["first"], t["last"]) for t in brief["timeline"]]
    if days != sorted(days):
        sys.exit(f"line {line_no}: timeline not in event-time order")
    outlets = [f["outlets"] for f in brief["figures"]]
    if outlets != sorted(outlets, reverse=True):
        sys.exit(f"line {line_no}: figures not most reported first")
    n += 1
if n == 0:
    sys.exit("no brief on stdin")
print(f"{n} briefs valid")
