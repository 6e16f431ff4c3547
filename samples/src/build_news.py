#!/usr/bin/env python3
"""Render src/news/news-*.txt into standalone portal pages under news/.
Usage: build_news.py SAMPLES_DIR OUT_JSON"""
import datetime
import html
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import assert_nfc, html_to_text, mentions, nfc  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
MENU = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Chỉ đạo điều hành", "Kinh tế",
        "Văn hóa - Xã hội", "Văn bản", "Dịch vụ công", "Liên hệ"]
MENU_URL = ["/", "/gioi-thieu", "/tin-tuc", "/chi-dao-dieu-hanh", "/kinh-te", "/van-hoa-xa-hoi",
            "/van-ban", "https://dichvucong.hoason.gov.vn/", "/lien-he"]
E = lambda s: html.escape(s, quote=True)  # noqa: E731


def dateline(kind, d, hhmm):
    if kind == "weekday":
        return f"{WEEKDAYS[d.weekday()]}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    if kind == "long0":
        return f"Ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    if kind == "long":
        return f"Ngày {d.day} tháng {d.month} năm {d.year}"
    if kind == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{d.year} {hhmm}"
    raise SystemExit(f"bad dateline {kind}")


def render(m, d):
    cat_url = MENU_URL[MENU.index(m["category"])]
    menu = "\n".join(
        '      <li' + (' class="active"' if name == m["category"] else '') + f'><a href="{url}">{E(name)}</a></li>'
        for name, url in zip(MENU, MENU_URL))
    pub = ""
    if m["published_meta"] == "yes":
        pub = (f'<meta property="article:published_time" '
               f'content="{d.isoformat()}T{m["time"]}:00+07:00">\n')
    paras = "\n".join(f"      <p>{E(p.strip())}</p>" for p in re.split(r"\n\s*\n", m["body"].strip()))
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(m["title"])} - Cổng Thông tin điện tử tỉnh Hòa Sơn</title>
<meta name="description" content="{E(m["description"])}">
{pub}<meta property="og:type" content="article">
<meta property="og:title" content="{E(m["title"])}">
<meta property="og:site_name" content="Cổng Thông tin điện tử tỉnh Hòa Sơn">
<link rel="stylesheet" href="/static/css/portal.css">
</head>
<body>
<header class="site-header">
  <div class="banner">
    <a class="logo" href="/"><img src="/static/img/quoc-huy.png" alt="Quốc huy" width="64" height="64"></a>
    <div class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ<br><strong>TỈNH HÒA SƠN</strong></div>
  </div>
  <form class="search-box" action="/tim-kiem" method="get">
    <input type="text" name="q" placeholder="Nhập từ khóa tìm kiếm"> <button type="submit">Tìm</button>
  </form>
</header>
<nav class="main-menu">
  <ul>
{menu}
  </ul>
</nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="{cat_url}">{E(m["category"])}</a></div>
<main class="container">
  <article class="news-detail">
    <h1 class="news-title">{E(m["title"])}</h1>
    <div class="news-meta"><span class="news-date">{E(dateline(m["dateline"], d, m["time"]))}</span></div>
    <p class="news-sapo"><strong>{E(m["description"])}</strong></p>
    <div class="news-content">
{paras}
    </div>
    <p class="news-author"><strong>{E(m["author"])}</strong></p>
  </article>
</main>
<footer class="site-footer">
  <p>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÒA SƠN</p>
  <p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Hòa Sơn. Đơn vị quản lý: Văn phòng UBND tỉnh.</p>
  <p>Địa chỉ: số 1 đường Trần Hưng Đạo, thành phố Hòa Sơn. Điện thoại: 0219.3852.000. Thư điện tử: congthongtin@hoason.gov.vn</p>
  <p>Ghi rõ nguồn "Cổng Thông tin điện tử tỉnh Hòa Sơn" khi phát hành lại thông tin từ website này.</p>
</footer>
</body>
</html>
"""


def main():
    samples, out_json = sys.argv[1:3]
    outdir = os.path.join(samples, "news")
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    rows = []
    srcdir = os.path.join(HERE, "news")
    for name in sorted(os.listdir(srcdir)):
        if not (name.startswith("news-") and name.endswith(".txt")):
            continue
        raw = open(os.path.join(srcdir, name), encoding="utf-8").read()
        assert_nfc(raw, name)
        for block in raw.split("%%%\n")[1:]:
            head, body = block.split("\n---\n", 1)
            m = dict(line.split(": ", 1) for line in head.strip().splitlines())
            m["body"] = body
            d = datetime.date.fromisoformat(m["date"])
            fname = f"{m['date']}-{m['slug']}.html"
            page = render(m, d)
            with open(os.path.join(outdir, fname), "w", encoding="utf-8") as f:
                f.write(page)
            visible = html_to_text(page)
            article = m["title"] + "\n" + m["description"] + "\n" + m["body"]
            if mentions(visible) != mentions(article):
                raise SystemExit(f"{fname}: page chrome changes mentions_cqdt")
            if mentions(m["description"]) and not mentions(m["title"] + m["body"]):
                raise SystemExit(f"{fname}: description mentions but article does not")
            rows.append({"path": f"news/{fname}", "date": m["date"], "title": nfc(m["title"]),
                         "mentions": mentions(visible), "dateline": dateline(m["dateline"], d, m["time"]),
                         "published_meta": m["published_meta"] == "yes"})
    if len({r["path"] for r in rows}) != len(rows):
        raise SystemExit("duplicate news paths")
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
