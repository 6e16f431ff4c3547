#!/usr/bin/env python3
"""Check the generated archive against manifest.tsv (run by build.sh).
Usage: verify.py SAMPLES_DIR WORK_DIR"""
import collections
import datetime
import email
import email.policy
import email.utils
import glob
import json
import mailbox
import os
import re
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import html_to_text, mentions, norm_ws, yesno  # noqa: E402

VN = datetime.timezone(datetime.timedelta(hours=7))
errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)


def read_manifest(samples):
    with open(os.path.join(samples, "manifest.tsv"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert lines[0] == "path\tkind\tdate\ttitle\tmessage_id\tmentions_cqdt", lines[0]
    rows = [dict(zip(lines[0].split("\t"), ln.split("\t"))) for ln in lines[1:] if ln]
    for r in rows:
        check(len(r) == 6, f"bad row {r}")
        check(unicodedata.is_normalized("NFC", r["title"]), f"title not NFC: {r['path']}")
        check(r["mentions_cqdt"] in ("yes", "no"), f"bad mentions {r['path']}")
    return rows


def split_mboxrd(data):
    chunks = re.split(rb"(?m)^From [^\n]*\n", data)
    assert chunks[0] == b"", "mbox must start with a From_ line"
    out = []
    for raw in chunks[1:]:
        assert raw.endswith(b"\n\n"), "message must be followed by a blank line"
        raw = raw[:-1]
        out.append(re.sub(rb"(?m)^>(>*From )", rb"\1", raw))
    return out


def text_of(msg):
    part = msg.get_body(preferencelist=("plain",))
    return part.get_content()


def main():
    samples, work = sys.argv[1:3]
    rows = read_manifest(samples)
    mail_src = {r["path"]: r for r in json.load(open(os.path.join(work, "mail.json"), encoding="utf-8"))}
    docs = {d["path"]: d for d in json.load(open(os.path.join(work, "html", "documents.json"), encoding="utf-8"))}
    news = {n["path"]: n for n in json.load(open(os.path.join(work, "news.json"), encoding="utf-8"))}

    # ---- mail
    mbox_path = os.path.join(samples, "mail/hoa-son-2019.mbox")
    raw_mbox = open(mbox_path, "rb").read()
    mbox_msgs = split_mboxrd(raw_mbox)
    check(len(mbox_msgs) == len(mailbox.mbox(mbox_path)), "mailbox.mbox count differs")
    check(b"\n>From " in raw_mbox, "expected at least one mboxrd-escaped line")
    parsed = {}
    for r in rows:
        if r["kind"] != "email":
            continue
        if "#" in r["path"]:
            i = int(r["path"].split("#")[1])
            raw = mbox_msgs[i - 1]
        else:
            raw = open(os.path.join(samples, r["path"]), "rb").read()
        for ln in raw.split(b"\n"):
            check(len(ln) <= 998, f"{r['path']}: line too long")
            check(all(b < 128 for b in ln), f"{r['path']}: non-ASCII byte in raw message")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parsed[r["path"]] = msg
        subj = str(msg["subject"])
        check(subj == r["title"], f"{r['path']}: subject {subj!r} != {r['title']!r}")
        check(msg["message-id"] == f"<{r['message_id']}>", f"{r['path']}: message-id")
        dt = email.utils.parsedate_to_datetime(msg["date"])
        check(dt.astimezone(VN).date().isoformat() == r["date"], f"{r['path']}: date")
        body = unicodedata.normalize("NFC", text_of(msg))
        src = mail_src[r["path"]]
        check(norm_ws(body) == norm_ws(src["body"]), f"{r['path']}: body differs from source")
        check(yesno(mentions(subj + "\n" + body)) == r["mentions_cqdt"], f"{r['path']}: mentions")
        if src["charset"] == "windows-1258":
            p = msg.get_body(preferencelist=("plain",))
            check(p.get_content_charset() == "windows-1258", f"{r['path']}: charset")
        for name in ("from", "to"):
            check(msg[name].addresses[0].addr_spec.endswith("@hoason.gov.vn"), f"{r['path']}: {name}")
    check(len(mbox_msgs) == sum(1 for r in rows if r["kind"] == "email" and "#" in r["path"]),
          "mbox message count != manifest")
    maildir_files = [os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(samples, "mail/maildir"))
                     for f in fs if os.path.basename(dp) in ("cur", "new") and not f.startswith(".")]
    check(len(maildir_files) == sum(1 for r in rows if r["kind"] == "email" and "#" not in r["path"]),
          "maildir file count != manifest")
    ids = [m["message-id"] for m in parsed.values()]
    check(len(ids) == len(set(ids)), "duplicate Message-IDs")
    known = set(ids)
    for p, m in parsed.items():
        if m["in-reply-to"]:
            check(m["in-reply-to"] in known, f"{p}: dangling In-Reply-To")
    # attachments
    for r in rows:
        if r["kind"] != "attachment":
            continue
        parent, fname = r["path"].split("!", 1)
        msg = parsed[parent]
        check(r["message_id"] == msg["message-id"].strip("<>"), f"{r['path']}: message id")
        found = [p for p in msg.iter_attachments() if p.get_filename() == fname]
        check(len(found) == 1, f"{r['path']}: attachment filename not found "
              f"({[p.get_filename() for p in msg.iter_attachments()]})")
        if found:
            src = mail_src[r["path"]]["source"]
            data = found[0].get_content()
            check(data == open(os.path.join(samples, "documents", src), "rb").read(), f"{r['path']}: bytes")
            check(r["mentions_cqdt"] == yesno(docs["documents/" + src]["mentions"]), f"{r['path']}: mentions")

    # ---- documents
    txtdir = os.path.join(work, "txt")
    office = [os.path.join(samples, r["path"]) for r in rows
              if r["kind"] == "document" and r["path"].endswith((".docx", ".odt"))]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo-profile-verify", "--headless",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", txtdir] + office,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for r in rows:
        if r["kind"] != "document":
            continue
        path = os.path.join(samples, r["path"])
        d = docs[r["path"]]
        if path.endswith(".scan.pdf"):
            text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
            check(text.strip() == "", f"{r['path']}: scan has a text layer")
            check(r["mentions_cqdt"] == "no", f"{r['path']}: scan must be 'no'")
            continue
        if path.endswith(".pdf"):
            text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
        elif path.endswith(".html"):
            text = html_to_text(open(path, encoding="utf-8").read())
        else:
            base = os.path.basename(path).rsplit(".", 1)[0]
            text = open(os.path.join(txtdir, base + ".txt"), encoding="utf-8-sig").read()
        text = unicodedata.normalize("NFC", text)
        check(yesno(mentions(text)) == r["mentions_cqdt"], f"{r['path']}: extracted-text mentions differ")
        y, mo, da = map(int, r["date"].split("-"))
        check(f"ngày {da} tháng {mo} năm {y}" in norm_ws(text), f"{r['path']}: issue date not in text")
        # every source line's words must survive extraction (diacritics intact)
        check(norm_ws(d["text"].split("\n")[-1]) in norm_ws(text), f"{r['path']}: signer missing")
        for para in d["text"].split("\n"):
            para = norm_ws(para).lstrip("- ")
            if len(para) > 20:
                words = para.split(" ")
                probe = " ".join(words[:4])
                check(probe in norm_ws(text), f"{r['path']}: text not found: {probe!r}")

    # ---- news
    for r in rows:
        if r["kind"] != "news":
            continue
        page = open(os.path.join(samples, r["path"]), encoding="utf-8").read()
        n = news[r["path"]]
        check(yesno(mentions(html_to_text(page))) == r["mentions_cqdt"], f"{r['path']}: mentions")
        check(n["dateline"] in page, f"{r['path']}: dateline missing")
        check(os.path.basename(r["path"]).startswith(r["date"]), f"{r['path']}: file name date")
        m = re.search(r'article:published_time" content="([^"]+)"', page)
        if m:
            check(m.group(1).startswith(r["date"] + "T"), f"{r['path']}: published_time")

    # ---- brief requirements
    kinds = collections.Counter(r["kind"] for r in rows)
    fmt = collections.Counter(os.path.basename(r["path"]).split(".", 1)[1] for r in rows if r["kind"] == "document")
    mbox_n = sum(1 for r in rows if r["kind"] == "email" and "#" in r["path"])
    check(mbox_n >= 12 and kinds["email"] - mbox_n >= 20, "email counts")
    check(kinds["document"] >= 22 and kinds["news"] >= 22, "document/news counts")
    check(fmt["pdf"] >= 8 and fmt["docx"] >= 6 and fmt["odt"] >= 4 and fmt["html"] >= 3 and fmt["scan.pdf"] == 1,
          f"document formats {fmt}")
    check(len({m.get_content_type() for m in parsed.values()} & {"multipart/alternative"}) or
          sum(1 for m in parsed.values() for p in m.walk() if p.get_content_type() == "multipart/alternative") >= 2,
          "multipart/alternative")
    check(sum(1 for r in rows if r["kind"] == "attachment") >= 5, "attachments")
    news19 = [r for r in rows if r["kind"] == "news" and r["date"] == "2019-08-19"]
    check(len(news19) >= 4 and sum(r["mentions_cqdt"] == "yes" for r in news19) >= 3
          and any(r["mentions_cqdt"] == "no" for r in news19), "news on 2019-08-19")
    check(len({r["date"][:7] for r in rows if r["kind"] == "news"}) >= 8, "news months")
    check(sum(1 for r in rows if r["kind"] == "document" and r["date"] == "2019-08-19") >= 2, "docs 19/8")
    check(sum(1 for r in rows if r["mentions_cqdt"] == "no" and r["kind"] != "attachment") >= 8, "'no' items")
    utc = [p for p, m in parsed.items() if m["date"] == "Mon, 19 Aug 2019 23:30:00 +0000"]
    check(len(utc) == 1 and next(r for r in rows if r["path"] == utc[0])["date"] == "2019-08-20", "UTC email")

    summary = collections.Counter((r["kind"], r["mentions_cqdt"]) for r in rows)
    print("manifest rows:", len(rows), dict(kinds), "mbox:", mbox_n, "formats:", dict(fmt))
    print("mentions:", {f"{k}/{v}": c for (k, v), c in sorted(summary.items())})
    if errors:
        print("VERIFY FAILED:\n  " + "\n  ".join(errors), file=sys.stderr)
        sys.exit(1)
    print("verify: OK")


if __name__ == "__main__":
    main()
