#!/usr/bin/env python3
"""Build mail/hoa-son-2019.mbox (mboxrd) and the Maildir++ tree mail/maildir/
from src/mail/messages-*.txt.  Stdlib only.

Usage: build_mail.py SAMPLES_DIR DOCUMENTS_JSON OUT_JSON
"""
import base64
import datetime
import email.charset
import email.utils
import html
import json
import os
import quopri
import re
import shutil
import sys
import unicodedata
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.policy import compat32

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import assert_nfc, mentions, nfc  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VN = datetime.timezone(datetime.timedelta(hours=7))
POLICY = compat32.clone(linesep="\n", max_line_length=78)
MBOX = "mail/hoa-son-2019.mbox"
MIME_TYPES = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
STORES = {  # store name -> (maildir folder relative to mail/maildir, subdir)
    "INBOX": ("", "cur"),
    "INBOX/new": ("", "new"),
    ".Sent": (".Sent", "cur"),
    ".Ban-chi-dao.2019": (".Ban-chi-dao.2019", "cur"),
}


def parse_sources():
    msgs = []
    for name in sorted(os.listdir(os.path.join(HERE, "mail"))):
        if not (name.startswith("messages-") and name.endswith(".txt")):
            continue
        with open(os.path.join(HERE, "mail", name), encoding="utf-8") as f:
            raw = f.read()
        assert_nfc(raw, name)
        for block in raw.split("%%%\n")[1:]:
            head, body = block.split("\n---\n", 1)
            m = {}
            for line in head.strip().splitlines():
                k, v = line.split(": ", 1)
                m[k] = v
            m["body"] = body.rstrip("\n") + "\n"
            msgs.append(m)
    return msgs


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


def cp1258_encode(text):
    """Encode NFC Vietnamese text as windows-1258: split each character into
    base letter (+ precomposed vowel modifier where cp1258 has one) and a
    combining tone mark, as legacy Vietnamese Windows software did."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tones = [c for c in d[1:] if c in TONE_MARKS]
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONE_MARKS))
        try:
            out += base.encode("cp1258") + "".join(tones).encode("cp1258")
        except UnicodeEncodeError:
            raise ValueError(f"cannot encode {ch!r} in cp1258")
    data = bytes(out)
    back = unicodedata.normalize("NFC", data.decode("cp1258"))
    if back != text:
        raise ValueError("cp1258 round-trip failed")
    return data


def addresses(value):
    out = []
    for name, addr in email.utils.getaddresses([value]):
        out.append(email.utils.formataddr((name, addr), charset="utf-8") if name else addr)
    return ", ".join(out)


def text_part(m, body):
    charset = m.get("charset", "utf-8")
    cte = m.get("cte", "quoted-printable")
    if charset == "windows-1258":
        part = MIMENonMultipart("text", "plain", charset="windows-1258")
        part.set_payload(quopri.encodestring(cp1258_encode(body)).decode("ascii"))
        part["Content-Transfer-Encoding"] = "quoted-printable"
        return part
    cs = email.charset.Charset("utf-8")
    cs.body_encoding = email.charset.QP if cte == "quoted-printable" else email.charset.BASE64
    return MIMEText(body, "plain", cs)


def html_body(m):
    paras = []
    for para in re.split(r"\n\s*\n", m["body"].strip()):
        lines = para.split("\n")
        if all(x.startswith("- ") for x in lines):
            paras.append("<ul>" + "".join(f"<li>{html.escape(x[2:])}</li>" for x in lines) + "</ul>")
        else:
            paras.append("<p>" + "<br>\n".join(html.escape(x) for x in lines) + "</p>")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
            + html.escape(m["subject"]) + "</title></head>\n"
            "<body style=\"font-family: Arial, sans-serif; font-size: 14px\">\n"
            + "\n".join(paras) + "\n</body></html>\n")


def attachment_part(spec, samples):
    src, fname, enc = [x.strip() for x in spec.split("|")]
    ext = src.rsplit(".", 1)[1]
    with open(os.path.join(samples, "documents", src), "rb") as f:
        data = f.read()
    maintype, subtype = MIME_TYPES[ext]
    part = MIMEApplication(data, subtype, policy=POLICY)  # base64
    if maintype != "application":
        raise SystemExit("unexpected type")
    if enc == "plain":
        part.set_param("name", fname)
        part.add_header("Content-Disposition", "attachment", filename=fname)
    elif enc == "rfc2231":
        part.set_param("name", ("utf-8", "", fname))
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", fname))
    elif enc == "rfc2047":
        word = "=?UTF-8?B?" + base64.b64encode(fname.encode("utf-8")).decode("ascii") + "?="
        part.set_param("name", word)
        part.add_header("Content-Disposition", "attachment", filename=word)
    else:
        raise SystemExit(f"bad filename encoding {enc}")
    return src, fname, part


def build(m, samples, by_id):
    body = m["body"]
    if m.get("html") == "yes":
        alt = MIMEMultipart("alternative")
        alt.attach(text_part(m, body))
        cs = email.charset.Charset("utf-8")
        cs.body_encoding = email.charset.QP if m.get("cte") == "quoted-printable" else email.charset.BASE64
        alt.attach(MIMEText(html_body(m), "html", cs))
        core = alt
    else:
        core = text_part(m, body)
    atts = []
    if "attach" in m:
        msg = MIMEMultipart("mixed")
        msg.attach(core)
        src, fname, part = attachment_part(m["attach"], samples)
        msg.attach(part)
        atts.append((src, fname))
    else:
        msg = core
    # deterministic boundaries
    n = 0
    for p in msg.walk():
        if p.is_multipart():
            n += 1
            p.set_boundary(f"=_tracuu_{m['id']}_{n}")
    # headers, in the usual order, at the top
    content_headers = [(k, v) for k, v in msg.items()]
    for k in list(msg.keys()):
        del msg[k]
    msg["From"] = addresses(m["from"])
    msg["To"] = addresses(m["to"])
    if "cc" in m:
        msg["Cc"] = addresses(m["cc"])
    msg["Subject"] = Header(m["subject"], "utf-8")
    msg["Date"] = m["date"]
    msg["Message-ID"] = f"<{m['msgid']}>"
    if "reply_to" in m:
        parent = by_id[m["reply_to"]]
        msg["In-Reply-To"] = f"<{parent['msgid']}>"
        msg["References"] = " ".join(f"<{x}>" for x in parent["refs"] + [parent["msgid"]])
    if m.get("charset") == "windows-1258":
        msg["X-Mailer"] = "Microsoft Outlook Express 6.00.2900.5931"
    else:
        msg["X-Mailer"] = "Zimbra 8.8.12_GA (ZimbraWebClient)"
    msg["MIME-Version"] = "1.0"
    for k, v in content_headers:
        if k.lower() != "mime-version":
            msg[k] = v
    for p in msg.walk():
        if p is not msg:
            del p["MIME-Version"]
    data = msg.as_bytes(policy=POLICY)
    if not data.endswith(b"\n"):
        data += b"\n"
    return data, atts


def mboxrd_escape(data):
    return re.sub(rb"(?m)^(>*From )", rb">\1", data)


def main():
    samples, docs_json, out_json = sys.argv[1:4]
    docs = {d["path"].split("/", 1)[1]: d for d in json.load(open(docs_json, encoding="utf-8"))}
    msgs = parse_sources()
    for i, m in enumerate(msgs):
        dt = email.utils.parsedate_to_datetime(m["date"])
        m["dt"] = dt
        m["msgid"] = dt.strftime("%Y%m%d%H%M%S") + f".{1000 + 37 * i}@hoason.gov.vn"
    by_id = {m["id"]: m for m in msgs}
    if len(by_id) != len(msgs):
        raise SystemExit("duplicate ids")

    def refs(m):
        if "refs" not in m:
            m["refs"] = []
            if "reply_to" in m:
                p = by_id[m["reply_to"]]
                m["refs"] = refs(p) + [p["msgid"]]
        return m["refs"]
    for m in msgs:
        refs(m)

    mail_dir = os.path.join(samples, "mail")
    shutil.rmtree(mail_dir, ignore_errors=True)
    os.makedirs(mail_dir)
    rows = []
    ordered = sorted(msgs, key=lambda m: (m["dt"].astimezone(datetime.timezone.utc), m["id"]))

    def add_rows(path, m, atts):
        day = m["dt"].astimezone(VN).date().isoformat()
        rows.append({"path": path, "kind": "email", "date": day, "title": nfc(m["subject"]),
                     "message_id": m["msgid"], "mentions": mentions(m["subject"] + "\n" + m["body"]),
                     "store": m["store"], "id": m["id"], "body": m["body"],
                     "charset": m.get("charset", "utf-8")})
        for src, fname in atts:
            rows.append({"path": f"{path}!{fname}", "kind": "attachment", "date": day,
                         "title": nfc(fname), "message_id": m["msgid"],
                         "mentions": docs[src]["mentions"], "source": src})

    # mbox
    with open(os.path.join(samples, MBOX), "wb") as f:
        idx = 0
        for m in ordered:
            if m["store"] != "mbox":
                continue
            idx += 1
            data, atts = build(m, samples, by_id)
            sender = email.utils.getaddresses([m["from"]])[0][1]
            utc = m["dt"].astimezone(datetime.timezone.utc)
            f.write(f"From {sender} {utc.strftime('%a %b %d %H:%M:%S %Y')}\n".encode("ascii"))
            f.write(mboxrd_escape(data))
            f.write(b"\n")
            add_rows(f"{MBOX}#{idx}", m, atts)
    # maildir
    root = os.path.join(mail_dir, "maildir")
    for folder in ("", ".Sent", ".Ban-chi-dao.2019"):
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(root, folder, sub), exist_ok=True)
        if folder:
            open(os.path.join(root, folder, "maildirfolder"), "w").close()
    seq = 0
    for m in ordered:
        if m["store"] == "mbox":
            continue
        seq += 1
        folder, sub = STORES[m["store"]]
        epoch = int(m["dt"].timestamp())
        fname = f"{epoch}.M{seq}P{4100 + seq}.hoason"
        if sub == "cur":
            fname += ":2," + "".join(sorted(m.get("flags", "S")))
        data, atts = build(m, samples, by_id)
        with open(os.path.join(root, folder, sub, fname), "wb") as f:
            f.write(data)
        rel = "/".join(x for x in ("mail/maildir", folder, sub, fname) if x)
        add_rows(rel, m, atts)
    # keep empty directories in git
    for dirpath, dirnames, filenames in os.walk(root):
        if os.path.basename(dirpath) in ("cur", "new", "tmp") and not filenames:
            open(os.path.join(dirpath, ".gitkeep"), "w").close()
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
