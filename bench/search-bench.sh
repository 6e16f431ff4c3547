#!/usr/bin/env bash
# Search latency and throughput with wrk, side by side with `mu find` on the same mail, and at scale.
#
#   bench/search-bench.sh [--count N] [--scale N] [--work DIR] [--duration S] [--connections N]
#
# 1. Builds (once, kept in --work) the deterministic mail corpus of ../shared/tools/make-mail-corpus.py
#    (--count messages, default 20000), a tracuu index of it and a mu index of it; serves the index
#    with a bench token; runs wrk for a keyword query, a phrase, and a keyword + one-year range with
#    facets; then times `mu find` for the same queries as separate processes.
# 2. With --scale N (e.g. 1000000), also writes an index of N generated records
#    (`tracuu eval synthetic-index`) and runs the same three queries against it.
# The baseline of each run is /api/health (the HTTP stack without a search): search figures are
# also given as ratios to it. Indexes are rebuilt when the analyzers module's sources change. Needs wrk and
# (optionally) mu: apt-get install wrk maildir-utils. Not part of the test suite: it runs for
# minutes. Remove --work afterwards (default data/bench) to free the space.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$ROOT/../shared"
COUNT=20000
SCALE=0
WORK="$ROOT/data/bench"
DURATION=10
CONNECTIONS=4
PORT=7391

while [[ $# -gt 0 ]]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --scale) SCALE="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "search-bench: unknown option '$1'" >&2; exit 2 ;;
  esac
done

say() { printf 'bench: %s\n' "$*" >&2; }
[[ -f "$SHARED/tools/make-mail-corpus.py" ]] || { say "skipped: $SHARED/tools/make-mail-corpus.py not found (../shared is absent)"; exit 0; }
command -v wrk >/dev/null || { say "wrk is missing: apt-get install wrk"; exit 1; }

mkdir -p "$WORK"
# An index is current when it was built from these analyzers sources (schema, analysis code and
# word lists, committed or not): any change there may change the index.
SCHEMA="$( { git -C "$ROOT" rev-parse HEAD:analyzers/src/main; git -C "$ROOT" diff HEAD -- analyzers/src/main; } \
  | git hash-object --stdin)"
current() { [[ -f "$1/.complete" && "$(cat "$1/.complete")" == "$SCHEMA" ]]; }

MAIL="$WORK/mail-$COUNT"
INDEX="$WORK/index-$COUNT"
if [[ ! -d "$MAIL/cur" && ! -d "$MAIL/new" ]]; then
  say "generating $COUNT messages into $MAIL"
  python3 "$SHARED/tools/make-mail-corpus.py" --count "$COUNT" --format maildir --out "$MAIL"
fi
if ! current "$INDEX"; then
  say "indexing $MAIL into $INDEX"
  rm -rf "$INDEX"
  "$ROOT/tracuu" index --index "$INDEX" --mail "corpus=$MAIL"
  echo "$SCHEMA" > "$INDEX/.complete"
fi
if (( SCALE > 0 )); then
  SYNTHETIC="$WORK/synthetic-$SCALE"
  if ! current "$SYNTHETIC"; then
    say "writing $SCALE generated records into $SYNTHETIC"
    rm -rf "$SYNTHETIC"
    "$ROOT/tracuu" eval synthetic-index --index "$SYNTHETIC" --count "$SCALE" | tail -1 >&2
    echo "$SCHEMA" > "$SYNTHETIC/.complete"
  fi
fi

# A fresh token for this run; only its digest goes into the configuration.
read -r TOKEN SHA < <("$ROOT/tracuu" serve new-token 2>/dev/null | awk '{print $2}' | paste -sd' ')
cat > "$WORK/bench-server.yaml" <<YAML
server:
  time_budget_ms: 5000
auth:
  tokens:
    - name: bench
      sha256: $SHA
      groups: [staff]
YAML
AUTH="Authorization: Bearer $TOKEN"
BASE="http://127.0.0.1:$PORT"
SERVER=""
stop_server() { if [[ -n "$SERVER" ]]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=""; fi; }
trap stop_server EXIT
serve() {
  "$ROOT/tracuu" serve --index "$1" --config "$WORK/bench-server.yaml" --port "$PORT" >"$WORK/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/api/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  say "server did not start: $(tail -5 "$WORK/serve.log")"; exit 1
}

declare -A URLS=(
  [keyword]="/api/search?q=b%C3%B3ng+%C4%91%C3%A1"
  [phrase]="/api/search?q=%22th%C3%A0nh+ph%E1%BB%91%22"
  [keyword+year+facets]="/api/search?q=kinh+t%E1%BA%BF&from=2021-01-01&to=2021-12-31"
)
declare -A MU=(
  [keyword]="bóng đá"
  [phrase]='"thành phố"'
  [keyword+year+facets]="kinh tế date:20210101..20211231"
)
ORDER=(keyword phrase "keyword+year+facets")

# wrk's --latency output in milliseconds: p50 p99 requests/s
measure() {
  local out p50 p99 rps
  out="$(wrk -t"$(( CONNECTIONS < 2 ? 1 : 2 ))" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$AUTH" "$BASE$1")"
  to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}'; }
  p50="$(awk '$1=="50%"{print $2}' <<<"$out" | to_ms)"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out" | to_ms)"
  rps="$(awk '/^Requests\/sec/{printf "%.0f", $2}' <<<"$out")"
  if grep -q "Non-2xx" <<<"$out"; then say "warning: non-2xx answers for $1"; fi
  echo "$p50 $p99 $rps"
}
total_of() { curl -fs -H "$AUTH" "$BASE$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], d["partial"])'; }

MUHOME="$WORK/mu-$COUNT"
if command -v mu >/dev/null && [[ ! -f "$MUHOME/.complete" ]]; then
  say "indexing $MAIL with mu"
  rm -rf "$MUHOME"
  mu init --muhome="$MUHOME" --maildir="$MAIL" >/dev/null
  mu index --muhome="$MUHOME" >/dev/null
  touch "$MUHOME/.complete"
fi

# run LABEL INDEX WITH_MU: serve INDEX, warm up, print one table
run() {
  local label="$1" index="$2" with_mu="$3" name B50 B99 BRPS P50 P99 RPS HITS PARTIAL MUMS RATIO start
  serve "$index"
  say "warming up ($label)"
  for name in "${ORDER[@]}"; do wrk -t1 -c1 -d3s -H "$AUTH" "$BASE${URLS[$name]}" >/dev/null; done
  read -r B50 B99 BRPS < <(measure "/api/health")
  echo "== $label: $(curl -fs -H "$AUTH" "$BASE/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])') records; wrk -c$CONNECTIONS -d${DURATION}s"
  printf '%-22s %8s %8s %9s %8s %10s %10s\n' query "hits" "p50 ms" "p99 ms" "req/s" "p50/base" "mu ms/q"
  printf '%-22s %8s %8s %9s %8s %10s %10s\n' "baseline /api/health" "-" "$B50" "$B99" "$BRPS" "1.0" "-"
  for name in "${ORDER[@]}"; do
    read -r P50 P99 RPS < <(measure "${URLS[$name]}")
    read -r HITS PARTIAL < <(total_of "${URLS[$name]}")
    MUMS="-"
    if [[ "$with_mu" == yes ]] && command -v mu >/dev/null; then
      start=$(date +%s%N)
      for _ in 1 2 3 4 5 6 7 8 9 10; do mu find --muhome="$MUHOME" ${MU[$name]} >/dev/null 2>&1 || true; done
      MUMS=$(( ($(date +%s%N) - start) / 10000000 ))
    fi
    RATIO=$(awk -v a="$P50" -v b="$B50" 'BEGIN{printf "%.1f", (b>0? a/b : 0)}')
    printf '%-22s %8s %8s %9s %8s %10s %10s\n' "$name" "$HITS" "$P50" "$P99" "$RPS" "$RATIO" "$MUMS"
    [[ "$PARTIAL" == "False" ]] || say "warning: $name answered partial results"
  done
  stop_server
}

run "mail corpus ($COUNT messages)" "$INDEX" yes
if (( SCALE > 0 )); then
  run "generated ($SCALE records)" "$SYNTHETIC" no
fi
say "mu find timed as 10 separate processes per query (ms per query)"
