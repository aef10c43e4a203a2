#!/usr/bin/env bash
# Lists that scale: HTML bytes and server time of the pages that grow with the body, at two
# body sizes (BENCH_LIST_SIZES, default "1500 10000"), on SQLite. For each size: one generated
# body (bagalau demo generate, a year of sheets, 2025-Q1 open, the year's 360 survey), HR signed
# in, then each page asked BENCH_LIST_REPEATS times (default 7) after one warm-up request; the
# figure is the median of the server's time (curl's time to first byte on 127.0.0.1).
# Budget (issue 13): every page under 300 KB of HTML and under 300 ms, whatever the size.
# Run under the build lock on a shared machine: flock /tmp/bagalau-build.lock bench/lists.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${BENCH_LIST_SIZES:-"1500 10000"}
REPEATS=${BENCH_LIST_REPEATS:-7}
WORK=${BENCH_DIR:-/tmp/bagalau-bench}/lists; mkdir -p "$WORK"
dotnet build src/Bagalau.Cli -c Release -nologo -v q >/dev/null
dotnet build src/Bagalau.Web -c Release -nologo -v q >/dev/null
CLI=(dotnet src/Bagalau.Cli/bin/Release/net10.0/bagalau.dll)
WEB=src/Bagalau.Web/bin/Release/net10.0/Bagalau.Web.dll
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WEBPID=""; trap '[ -n "$WEBPID" ] && kill "$WEBPID" 2>/dev/null || true' EXIT

for N in $SIZES; do
  DB="$WORK/lists-$N.db"; rm -f "$DB"*
  "${CLI[@]}" demo generate --servants "$N" --bodies 1 --seed 1 --year 2024 --sheets oskemen-maslikhat --open-quarter 2025-Q1 \
    --links "$WORK/links-$N.txt" --database sqlite --connection "Data Source=$DB" >/dev/null
  read -r CODE BODY ROUND SURVEY SIZE < <(python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
b = c.execute("select b.Code, b.Id from StateBodies b order by (select count(*) from Servants s where s.StateBodyId = b.Id) desc limit 1").fetchone()
r = c.execute("select Id from QuarterRounds where StateBodyId = ? order by Year desc, Quarter desc limit 1", (b[1],)).fetchone()
s = c.execute("select Id from Survey360Rounds where StateBodyId = ? limit 1", (b[1],)).fetchone()
n = c.execute("select count(*) from Servants where StateBodyId = ?", (b[1],)).fetchone()[0]
print(b[0], b[1], r[0] if r else "-", s[0] if s else "-", n)
PY
)
  "${CLI[@]}" user create --email "lists-$N@bagalau.example" --password "Lists-pass-$N" --body "$CODE" --role hr \
    --database sqlite --connection "Data Source=$DB" >/dev/null
  PORT=$(free_port)
  Database__Provider=sqlite ConnectionStrings__Bagalau="Data Source=$DB" ASPNETCORE_ENVIRONMENT=Production Bagalau__SignInRateLimit__PermitLimit=100000 \
    dotnet "$WEB" --urls "http://127.0.0.1:$PORT" > "$WORK/web-$N.log" 2>&1 &
  WEBPID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
  JAR="$WORK/cookies-$N"; rm -f "$JAR"
  BASE="http://127.0.0.1:$PORT"
  token=$(curl -s -c "$JAR" -b "$JAR" "$BASE/Account/SignIn" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
  curl -s -c "$JAR" -b "$JAR" -o /dev/null -w "sign-in: HTTP %{http_code}\n" --data-urlencode "Input.Email=lists-$N@bagalau.example" --data-urlencode "Input.Password=Lists-pass-$N" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/SignIn"
  echo "== $N servants generated; the largest body has $SIZE"
  page() {
    local name=$1 path=$2
    curl -s -b "$JAR" -o /dev/null "$BASE$path"
    local times=() bytes=0 status=0
    for _ in $(seq 1 "$REPEATS"); do
      read -r status bytes t < <(curl -s -b "$JAR" -o /dev/null -w '%{http_code} %{size_download} %{time_starttransfer}\n' "$BASE$path")
      times+=("$t")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]*1000}')
    printf '%-34s %6s servants  HTTP %s  %8.1f KB  median %7.1f ms  (budget 300 KB, 300 ms)  %s\n' "$name" "$SIZE" "$status" "$(echo "$bytes/1024" | bc -l)" "$median" "$path"
  }
  [ "$ROUND" != "-" ] && page "quarter round (sheets)" "/bodies/$BODY/quarters/rounds/$ROUND"
  [ "$ROUND" != "-" ] && page "quarter round, name search" "/bodies/$BODY/quarters/rounds/$ROUND?q=%D0%B0%D0%BB"
  [ "$SURVEY" != "-" ] && page "360 round (targets)" "/bodies/$BODY/survey360/$SURVEY"
  [ "$ROUND" != "-" ] && page "completion (tasks by unit)" "/bodies/$BODY/cycles/$ROUND/completion"
  page "task list" "/tasks"
  page "servant picker (JSON)" "/api/v1/bodies/$BODY/servants/pick?q=%D1%81%D0%B5%D0%B8%D1%82"
  kill "$WEBPID"; wait "$WEBPID" 2>/dev/null || true; WEBPID=""
done
echo "not measured here: the 2018 commission page (the demo generator makes no 2018 cycle)"
