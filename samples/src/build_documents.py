#!/usr/bin/env python3
"""Render src/documents/*.txt (structured official-document sources) to HTML,
then (via LibreOffice, called from build.sh) to PDF/DOCX/ODT, plus one
image-only scanned PDF.

Usage: build_documents.py html OUTDIR_FOR_HTML   -> writes <file>.html per source and
                                                    a documents.json index
"""
import datetime
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import assert_nfc, mentions, nfc  # noqa: E402

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "documents")

CSS = """
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 13pt; }
p { margin: 0 0 6pt 0; text-align: left; }
td { vertical-align: top; font-size: 13pt; }
.c { text-align: center; }
.h { text-align: center; font-weight: bold; font-size: 14pt; margin-top: 12pt; }
.s { text-align: center; font-weight: bold; }
.nn { font-size: 11pt; }
"""


def parse(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    assert_nfc(raw, path)
    parts = raw.split("\n===\n")
    if len(parts) != 4:
        raise SystemExit(f"{path}: expected 4 sections, got {len(parts)}")
    meta = {"agency": []}
    for line in parts[0].strip().splitlines():
        k, v = line.split(": ", 1)
        if k == "agency":
            meta["agency"].append(v)
        else:
            meta[k] = v
    meta["body"] = parts[1].strip()
    meta["recipients"] = parts[2].strip()
    meta["signer"] = parts[3].strip()
    m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", meta["place_date"])
    meta["date"] = datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    return meta


def esc(s):
    return html.escape(s, quote=False)


def body_html(body):
    out = []
    for para in re.split(r"\n\s*\n", body):
        lines = para.split("\n")
        if lines[0].startswith("^ "):
            lines = [x[2:] if x.startswith("^ ") else x for x in lines]
            first = esc(lines[0])
            rest = "".join("<br>" + esc(x) for x in lines[1:])
            if rest:  # "Kính gửi:" block: centered label, list below
                out.append(f'<p class="c"><b>{first}</b>{rest}</p>')
            else:
                out.append(f'<p class="s">{first}</p>')
        elif lines[0].startswith("** "):
            out.append(f"<p><b>{esc(para[3:])}</b></p>")
        else:
            text = esc(" ".join(lines))
            text = re.sub(r"^(Điều \d+\.)", r"<b>\1</b>", text)
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def render(meta):
    ag = meta["agency"]
    agency = "<br>".join(esc(a) for a in ag[:-1])
    agency = (agency + "<br>" if agency else "") + f"<b>{esc(ag[-1])}</b><br>———"
    left = f'<p class="c">{agency}</p><p class="c">{esc(meta["number"])}</p>'
    if "vv" in meta:
        left += f'<p class="c"><span style="font-size:12pt">{esc(meta["vv"])}</span></p>'
    right = ('<p class="c"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>'
             '<b>Độc lập - Tự do - Hạnh phúc</b><br>———————</p>'
             f'<p class="c"><i>{esc(meta["place_date"])}</i></p>')
    head = ""
    if "heading" in meta:
        head = (f'<p class="h">{esc(meta["heading"])}</p>'
                f'<p class="s">{esc(meta["subject"])}</p><p class="c">———</p>')
    rec = meta["recipients"].split("\n")
    rec_html = f"<b><i>{esc(rec[0])}</i></b><br>" + "<br>".join(esc(x) for x in rec[1:])
    sig_lines = meta["signer"].split("\n")
    sig = []
    for x in sig_lines:
        if x == "(đã ký)":
            sig.append(f"<i>{esc(x)}</i>")
        else:
            sig.append(f"<b>{esc(x)}</b>" if x else "")
    sig_html = "<br>".join(sig)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{esc(meta["title"])}</title>
<style>{CSS}</style>
</head>
<body>
<table width="100%" cellpadding="2" cellspacing="0" border="0">
<tr><td width="40%">{left}</td><td width="60%">{right}</td></tr>
</table>
{head}
{body_html(meta["body"])}
<table width="100%" cellpadding="2" cellspacing="0" border="0">
<tr><td width="50%" class="nn">{rec_html}</td><td width="50%"><p class="c">{sig_html}</p></td></tr>
</table>
</body>
</html>
"""


def plain_text(meta):
    """All text of the document, as it appears (used for mentions_cqdt)."""
    parts = list(meta["agency"]) + [meta["number"], meta.get("vv", ""),
                                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                    "Độc lập - Tự do - Hạnh phúc", meta["place_date"],
                                    meta.get("heading", ""), meta.get("subject", ""),
                                    meta["body"].replace("^ ", "").replace("** ", ""),
                                    meta["recipients"], meta["signer"]]
    return "\n".join(parts)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    index = []
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".txt"):
            continue
        meta = parse(os.path.join(SRC, name))
        if meta["file"] + ".txt" != name:
            raise SystemExit(f"{name}: file: mismatch")
        with open(os.path.join(outdir, meta["file"] + ".html"), "w", encoding="utf-8") as f:
            f.write(render(meta))
        ext = {"scan": "scan.pdf"}.get(meta["format"], meta["format"])
        index.append({
            "file": meta["file"],
            "format": meta["format"],
            "path": f"documents/{meta['file']}.{ext}",
            "date": meta["date"],
            "title": nfc(meta["title"]),
            # the scan has no text layer: nothing is extractable
            "mentions": False if meta["format"] == "scan" else mentions(plain_text(meta)),
            "text": plain_text(meta),
        })
    with open(os.path.join(outdir, "documents.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
