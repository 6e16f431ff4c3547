#!/usr/bin/env bash
# Mail indexing benchmark: tracuu against mu (Debian maildir-utils) on the same Maildir, in one
# invocation, so that the ratios compare like with like on the same machine and load.
#
#   bench/mail-vs-mu.sh [COUNT] [THREADS]      (defaults: 20000 messages, all cores)
#
# The Maildir comes from ../shared/tools/make-mail-corpus.py (deterministic); everything is written
# under a temporary folder that is removed at the end. Needs mu, python3 and GNU time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-20000}"
THREADS="${2:-$(nproc)}"
CORPUS_TOOL="$ROOT/../shared/tools/make-mail-corpus.py"

die() { echo "bench: $*" >&2; exit 1; }
[[ -f "$CORPUS_TOOL" ]] || die "no $CORPUS_TOOL (the shared data folder is absent)"
command -v mu >/dev/null || die "mu is not installed (apt-get install maildir-utils)"
[[ -x /usr/bin/time ]] || die "GNU time is not installed (apt-get install time)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "bench: generating $COUNT messages…" >&2
python3 "$CORPUS_TOOL" --count "$COUNT" --format maildir --out "$WORK/Maildir" >/dev/null

# measure NAME COMMAND…: runs the command under GNU time; prints "seconds peak_kb".
measure() {
  local name="$1"; shift
  /usr/bin/time -f '%e %M' -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>&1 \
    || { cat "$WORK/$name.out" >&2; die "$name failed"; }
  cat "$WORK/$name.time"
}

echo "bench: tracuu index ($THREADS threads)…" >&2
# Through the launcher: it finds a JDK >= 21 and execs the JVM with JAVA_OPTS, so GNU time measures
# the JVM itself. A first call outside the measurement builds the jars when they are stale.
"$ROOT/tracuu" index --help >/dev/null
read -r t_secs t_kb < <(measure tracuu "$ROOT/tracuu" index \
  --index "$WORK/tracuu-index" --threads "$THREADS" --mail "bench=$WORK/Maildir")
grep -E '^(update|rebuild):' "$WORK/tracuu.out" >&2 || true
t_size=$(du -sk "$WORK/tracuu-index.gens" | cut -f1)  # the index path is a link to its generation

echo "bench: mu index…" >&2
mu init --muhome="$WORK/mu" --maildir="$WORK/Maildir" >/dev/null
read -r m_secs m_kb < <(measure mu mu index --muhome="$WORK/mu")
m_size=$(du -sk "$WORK/mu" | cut -f1)

python3 - "$COUNT" "$t_secs" "$t_kb" "$t_size" "$m_secs" "$m_kb" "$m_size" <<'PY'
import sys
n = int(sys.argv[1])
t_s, t_kb, t_size, m_s, m_kb, m_size = map(float, sys.argv[2:])
t_rate, m_rate = n / t_s, n / m_s
print(f"{'':8} {'msg/s':>9} {'peak RSS MB':>12} {'index MB':>9} {'seconds':>8}")
print(f"{'tracuu':8} {t_rate:9.0f} {t_kb/1024:12.0f} {t_size/1024:9.1f} {t_s:8.1f}")
print(f"{'mu':8} {m_rate:9.0f} {m_kb/1024:12.0f} {m_size/1024:9.1f} {m_s:8.1f}")
print(f"ratios tracuu/mu: speed {t_rate/m_rate:.2f}x (target >= 4), "
      f"peak RSS {t_kb/m_kb:.2f}x (target <= 1), index {t_size/m_size:.2f}x (target <= 1.2)")
PY
