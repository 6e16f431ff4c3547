#!/usr/bin/env python3
"""Write samples/manifest.tsv from the JSON indexes produced by the builders.
Usage: build_manifest.py SAMPLES_DIR DOCUMENTS_JSON MAIL_JSON NEWS_JSON"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import yesno  # noqa: E402

HEADER = ["path", "kind", "date", "title", "message_id", "mentions_cqdt"]


def main():
    samples, docs_json, mail_json, news_json = sys.argv[1:5]
    load = lambda p: json.load(open(p, encoding="utf-8"))  # noqa: E731
    rows = []
    for r in load(mail_json):
        rows.append([r["path"], r["kind"], r["date"], r["title"], r["message_id"], yesno(r["mentions"])])
    for d in sorted(load(docs_json), key=lambda d: d["path"]):
        rows.append([d["path"], "document", d["date"], d["title"], "", yesno(d["mentions"])])
    for n in sorted(load(news_json), key=lambda n: n["path"]):
        rows.append([n["path"], "news", n["date"], n["title"], "", yesno(n["mentions"])])
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell or "\r" in cell:
                raise SystemExit(f"bad cell {cell!r}")
    if len({r[0] for r in rows}) != len(rows):
        raise SystemExit("duplicate manifest paths")
    with open(os.path.join(samples, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
