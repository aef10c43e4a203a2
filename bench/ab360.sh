#!/usr/bin/env bash
# Before/after of the 360 answer by link on one generated dataset: each LABEL=WEB_DLL runs the
# web app on a fresh copy of the database, 5 s of /health, then 10 s of answers (answer360.lua),
# and prints one line per build. Alternate the builds (A B A B) so that they share the noise.
# Usage: bench/ab360.sh DATASET.db LINKS.txt SKIP LABEL=path/to/Bagalau.Web.dll [LABEL=... ] [-- ENV=VAL...]
#   SKIP: links already spent in DATASET.db (e.g. by bench/run.sh), skipped from the top of LINKS.
set -uo pipefail
cd "$(dirname "$0")/.."
db=$1; links=$2; skip=$3; shift 3
builds=(); extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
  builds+=("$1"); shift
done
work=$(mktemp -d /tmp/bagalau-ab360.XXXXXX)
tail -n +"$((skip + 1))" "$links" > "$work/links.txt"
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
for build in "${builds[@]}"; do
  label=${build%%=*}; web=${build#*=}
  cp "$db" "$work/db.db"; rm -f "$work/db.db-wal" "$work/db.db-shm"
  port=$(free_port)
  env "${extra[@]}" Database__Provider=sqlite ConnectionStrings__Bagalau="Data Source=$work/db.db" ASPNETCORE_ENVIRONMENT=Production \
    Bagalau__Survey360RateLimit__PermitLimit=100000000 Bagalau__SignInRateLimit__PermitLimit=100000 \
    dotnet "$web" --urls "http://127.0.0.1:$port" > "$work/web-$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  health=$(wrk -t2 -c32 -d5s --latency "http://127.0.0.1:$port/health" | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r " req/s, p99 " p}')
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  answers=$(wrk -t2 -c32 -d10s --latency -s bench/answer360.lua "http://127.0.0.1:$port" -- "$work/links.txt" 2 32 \
    | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} /requests in/ {n=$1} /Non-2xx|Socket errors/ {e=e " " $0} END {print r " req/s, p99 " p ", " n " answers" (e ? "," e : ", no errors")}')
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  printf '%-12s health %s | 360 %s | server CPU %.1f s\n' "$label" "$health" "$answers" "$(python3 -c "print(($t1 - $t0) / 100)")"
  kill "$pid"; wait "$pid" 2>/dev/null
done
rm -rf "$work"
