#!/usr/bin/env bash
# Regenerates the binary/derived parts of the tracuu demo archive from the
# UTF-8 sources in this folder:
#   ../documents/   (PDF, DOCX, ODT, HTML, one image-only scan)  <- documents/*.txt
#   ../mail/        (mboxrd file + Maildir++ tree)                <- mail/messages-*.txt
#   ../news/        (portal news pages)                           <- news/*.txt
#   ../manifest.tsv (one row per searchable item)
# Requirements: bash, python3 (stdlib only) and the Debian packages
#   libreoffice-writer-nogui (or libreoffice-writer), fonts-liberation,
#   fonts-dejavu-core, poppler-utils, img2pdf
# Install: apt-get update && apt-get install -y --no-install-recommends \
#   libreoffice-writer-nogui fonts-liberation fonts-dejavu-core poppler-utils img2pdf
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SAMPLES=$(dirname "$HERE")
for tool in python3 soffice pdftotext pdftoppm img2pdf; do
  command -v "$tool" >/dev/null || { echo "build.sh: missing $tool (see header for apt packages)" >&2; exit 1; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export TZ=UTC LC_ALL=C.UTF-8
SOFFICE=(soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore
         --infilter="HTML (StarWriter)")

echo "== documents"
python3 "$HERE/build_documents.py" "$WORK/html"
rm -rf "$SAMPLES/documents"
mkdir -p "$SAMPLES/documents" "$WORK/pdf" "$WORK/docx" "$WORK/odt" "$WORK/scan"
list() {  # list <format> -> html source paths for documents of that format
  python3 - "$WORK/html/documents.json" "$1" <<'PY'
import json, sys
for d in json.load(open(sys.argv[1], encoding="utf-8")):
    if d["format"] == sys.argv[2]:
        print(d["file"])
PY
}
convert() {  # convert <format> <filter> <outdir> <names...>
  local fmt=$1 filter=$2 out=$3; shift 3
  local files=()
  for n in "$@"; do files+=("$WORK/html/$n.html"); done
  "${SOFFICE[@]}" --convert-to "$fmt:$filter" --outdir "$out" "${files[@]}" >"$WORK/soffice.log" 2>&1 \
    || { cat "$WORK/soffice.log" >&2; exit 1; }
}
mapfile -t PDFS < <(list pdf)
mapfile -t DOCXS < <(list docx)
mapfile -t ODTS < <(list odt)
mapfile -t HTMLS < <(list html)
mapfile -t SCANS < <(list scan)
convert pdf writer_pdf_Export "$WORK/pdf" "${PDFS[@]}"
convert docx "MS Word 2007 XML" "$WORK/docx" "${DOCXS[@]}"
convert odt writer8 "$WORK/odt" "${ODTS[@]}"
for n in "${PDFS[@]}"; do cp "$WORK/pdf/$n.pdf" "$SAMPLES/documents/"; done
for n in "${DOCXS[@]}"; do cp "$WORK/docx/$n.docx" "$SAMPLES/documents/"; done
for n in "${ODTS[@]}"; do cp "$WORK/odt/$n.odt" "$SAMPLES/documents/"; done
for n in "${HTMLS[@]}"; do cp "$WORK/html/$n.html" "$SAMPLES/documents/"; done
# image-only "scan": render to PDF, rasterise at 200 dpi (grey JPEG), wrap as PDF
convert pdf writer_pdf_Export "$WORK/scan" "${SCANS[@]}"
for n in "${SCANS[@]}"; do
  pdftoppm -r 200 -gray -jpeg -jpegopt quality=60 "$WORK/scan/$n.pdf" "$WORK/scan/$n-page"
  img2pdf --creationdate 2019-06-28T10:00:00 --moddate 2019-06-28T10:00:00 \
    -o "$SAMPLES/documents/$n.scan.pdf" "$WORK/scan/$n-page"*.jpg
done

echo "== mail"
python3 "$HERE/build_mail.py" "$SAMPLES" "$WORK/html/documents.json" "$WORK/mail.json"

echo "== news"
python3 "$HERE/build_news.py" "$SAMPLES" "$WORK/news.json"

echo "== manifest"
python3 "$HERE/build_manifest.py" "$SAMPLES" "$WORK/html/documents.json" "$WORK/mail.json" "$WORK/news.json"

echo "== verify"
python3 "$HERE/verify.py" "$SAMPLES" "$WORK"
