#!/usr/bin/env bash
# Robustness bench (not a test): a big mbox and a big PDF go through the indexer with a bounded
# heap. Generates both in a temp folder (deleted afterwards), indexes them with -Xmx$HEAP, and
# prints the run's summary, its wall time and peak RSS.
# Usage: bench/big-inputs.sh [MBOX_MB] [PDF_MB] [HEAP]   (defaults: 2048 500 512m)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MBOX_MB="${1:-2048}"
PDF_MB="${2:-500}"
HEAP="${3:-512m}"
JAR="${TRACUU_JAR:-$ROOT/indexer/target/tracuu-indexer.jar}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
die() { echo "big-inputs: $*" >&2; exit 1; }
[[ -f "$JAR" ]] || die "build the jar first: ./tracuu build"
[[ -x /usr/bin/time ]] || die "needs GNU time (apt-get install time)"
WORK="$(mktemp -d /tmp/tracuu-big.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "big-inputs: generating a ${MBOX_MB} MB mbox and a ${PDF_MB} MB PDF in $WORK" >&2
python3 - "$WORK" "$MBOX_MB" "$PDF_MB" <<'PY'
import base64, os, sys
work, mbox_mb, pdf_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(f"{work}/mail"); os.makedirs(f"{work}/docs")
# mbox: messages of ~1 MB (Vietnamese text + a base64 attachment of random bytes), streamed out.
body = ("Kính gửi các phòng, đề nghị báo cáo tiến độ chính quyền điện tử tháng 8 năm 2019. " * 40 + "\n")
blob = base64.encodebytes(os.urandom(700_000)).decode()
with open(f"{work}/mail/big.mbox", "w", encoding="utf-8") as f:
    n = 0
    while f.tell() < mbox_mb * 1024 * 1024:
        n += 1
        f.write(f"From vanthu@hoason.gov.vn Mon Aug 19 08:00:00 2019\n"
                f"From: vanthu@hoason.gov.vn\nTo: cntt@hoason.gov.vn\nSubject: Báo cáo {n}\n"
                f"Message-ID: <big{n}@hoason.gov.vn>\nDate: Mon, 19 Aug 2019 08:00:00 +0700\n"
                f"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                f"--b\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
                f"--b\nContent-Type: application/octet-stream; name=du-lieu-{n}.bin\n"
                f"Content-Transfer-Encoding: base64\n\n{blob}\n--b--\n\n")
# PDF: pages of plain text content streams (uncompressed), written with a correct xref table.
page_text = "BT /F1 10 Tf 40 800 Td 12 TL " + " ".join(
    f"(Dong {i}: bao cao tien do chinh quyen dien tu tinh Hoa Son nam 2019) '" for i in range(60)) + " ET"
objs_offsets = []
with open(f"{work}/docs/big.pdf", "wb") as f:
    def obj(num, content):
        objs_offsets.append((num, f.tell()))
        f.write(f"{num} 0 obj\n".encode() + content + b"\nendobj\n")
    f.write(b"%PDF-1.4\n")
    pages = max(1, pdf_mb * 1024 * 1024 // (len(page_text) + 200))
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(pages))
    obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(2, f"<< /Type /Pages /Count {pages} /Kids [{kids}] >>".encode())
    obj(3, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    stream = page_text.encode()
    for i in range(pages):
        obj(4 + 2 * i, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        obj(5 + 2 * i, f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    xref = f.tell()
    total = 4 + 2 * pages
    f.write(f"xref\n0 {total}\n0000000000 65535 f \n".encode())
    offsets = dict(objs_offsets)
    for n in range(1, total):
        f.write(f"{offsets[n]:010d} 00000 n \n".encode())
    f.write(f"trailer\n<< /Size {total} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
PY
ls -l "$WORK/mail/big.mbox" "$WORK/docs/big.pdf" >&2
cat > "$WORK/tracuu.yaml" <<YAML
index:
  path: index
  ocr: false
  limits:
    max_file_bytes: $(( (PDF_MB + 100) * 1024 * 1024 ))
sources:
  - {name: big-mail, type: mbox, path: mail/big.mbox}
  - {name: big-docs, type: documents, path: docs}
YAML
echo "big-inputs: indexing with -Xmx$HEAP…" >&2
status=0
/usr/bin/time -f '%e s wall, peak RSS %M KB' -o "$WORK/time" "$JAVA" "-Xmx$HEAP" \
  --add-modules jdk.incubator.vector -jar "$JAR" index --config "$WORK/tracuu.yaml" \
  >"$WORK/out" 2>"$WORK/err" || status=$?
grep -E '^(failed|update|rebuild)' "$WORK/out" || true
grep -iE 'OutOfMemory' "$WORK/err" || true
echo "exit $status; $(cat "$WORK/time"); heap -Xmx$HEAP"
