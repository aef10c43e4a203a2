#!/usr/bin/env bash
# Benchmarks: prints every figure with the command that produced it.
# Usage: bench/run.sh            (10,000 and 100,000 servants)
#        BENCH_SIZES="2000" bench/run.sh   (a quick run)
# Installs what it needs from Debian (wrk, postgresql, time) when missing (needs root).
# Results are kept under $BENCH_DIR (default /tmp/bagalau-bench) and summarised at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZES=${BENCH_SIZES:-"10000 100000"}
WORK=${BENCH_DIR:-/tmp/bagalau-bench}
DURATION=${BENCH_WRK_SECONDS:-15}
WARM=${BENCH_WARM_SECONDS:-15}
rm -rf "$WORK"; mkdir -p "$WORK"
SUMMARY="$WORK/summary.txt"; : > "$SUMMARY"

need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/bin/time ] || need+=(time)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]} (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; }
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
figure() { echo "$*" | tee -a "$SUMMARY"; }

# Runs a command under /usr/bin/time; prints it, then its wall time (s) and peak memory (MB).
measure() {
  local label=$1; shift
  echo "\$ $*"
  local log="$WORK/time-$RANDOM.txt" status=0
  /usr/bin/time -v "$@" > "$WORK/last.out" 2> "$log" || status=$?
  cat "$WORK/last.out"
  grep -v "^\s" "$log" | grep -v "Command exited" || true
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.1f", s}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  # CPU seconds are the steadier figure on a shared machine; wall time is what a user waits.
  figure "$(printf '%-48s wall %7s s  cpu %6s s  peak %5s MB  exit %s   [%s]' "$label" "$wall" "$cpu" "$rss" "$status" "${*/$ROOT\//}")"
  LAST_WALL=$wall; LAST_CPU=$cpu; LAST_STATUS=$status
}

echo "== build (Release)"
dotnet build src/Bagalau.Cli -c Release -nologo -v q
dotnet build src/Bagalau.Web -c Release -nologo -v q
dotnet build bench/Bagalau.Bench.Floor -c Release -nologo -v q
FLOOR=(dotnet "$ROOT/bench/Bagalau.Bench.Floor/bin/Release/net10.0/Bagalau.Bench.Floor.dll")
CLI=(dotnet "$ROOT/src/Bagalau.Cli/bin/Release/net10.0/bagalau.dll")
WEB="$ROOT/src/Bagalau.Web/bin/Release/net10.0/Bagalau.Web.dll"

echo "== PostgreSQL (throwaway cluster, 127.0.0.1 only)"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR="$WORK/pg"; mkdir -p "$PGDIR"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDIR"
PGPORT=$(free_port)
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1" start >/dev/null
WEBPID=""
cleanup() {
  [ -n "$WEBPID" ] && kill "$WEBPID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
pg_db() { as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null; }

for N in $SIZES; do
  echo; echo "== $N servants"
  CSV="$WORK/csv-$N"
  measure "generate CSV of one body, $N servants" "${CLI[@]}" demo generate --servants "$N" --bodies 1 --seed 1 --csv "$CSV"
  FILES=("$CSV"/gen-0001/*.csv)

  # Import into a body holding the 42 demo servants: all files, one all-or-nothing import.
  SQLITE="$WORK/import-$N.db"
  "${CLI[@]}" seed demo --today 2025-12-31 --database sqlite --connection "Data Source=$SQLITE" >/dev/null
  measure "import $N servants from CSV, SQLite" "${CLI[@]}" import "${FILES[@]}" --body demo --database sqlite --connection "Data Source=$SQLITE"
  eval "IMPORT_SQLITE_$N=$LAST_CPU"
  pg_db "import_$N"
  "${CLI[@]}" seed demo --today 2025-12-31 --database postgres --connection "$PG;Database=import_$N" >/dev/null
  measure "import $N servants from CSV, PostgreSQL" "${CLI[@]}" import "${FILES[@]}" --body demo --database postgres --connection "$PG;Database=import_$N"
  eval "IMPORT_PG_$N=$LAST_CPU"

  # All or nothing at size: the same files plus one bad absence row at the end into a fresh body.
  BAD="$WORK/bad-$N"; mkdir -p "$BAD"; cp "${FILES[@]}" "$BAD/"
  printf '999999999999,leave,2025-01-01,2025-01-02\r\n' >> "$BAD/absences.csv"
  "${CLI[@]}" seed demo --today 2025-12-31 --database sqlite --connection "Data Source=$WORK/bad-$N.db" >/dev/null
  measure "import $N with one bad last row (must exit 1)" "${CLI[@]}" import "$BAD"/*.csv --body demo --database sqlite --connection "Data Source=$WORK/bad-$N.db"
  left=$(sqlite3 "$WORK/bad-$N.db" "select count(*) from Servants" 2>/dev/null || python3 -c "import sqlite3;print(sqlite3.connect('$WORK/bad-$N.db').execute('select count(*) from Servants').fetchone()[0])")
  figure "  servants after the refused import: $left (the 42 demo servants: nothing written)"

  # The national dataset (bodies of 20..5,000) through the same import path, with a year of
  # signed quarterly sheets (oskemen-maslikhat, in force through 2024, has an acquaintance deadline),
  # the year's 360 survey (open links' tokens to links-N.txt) and 2025-Q1 in progress (open sheets).
  BODIES=$(( N / 1700 > 1 ? N / 1700 : 1 ))
  measure "demo generate $N servants + 2024 sheets, $BODIES bodies, SQLite" "${CLI[@]}" demo generate --servants "$N" --bodies "$BODIES" --seed 1 --year 2024 --sheets oskemen-maslikhat --open-quarter 2025-Q1 --links "$WORK/links-$N.txt" --database sqlite --connection "Data Source=$WORK/nation-$N.db"
  pg_db "nation_$N"
  measure "demo generate $N servants + 2024 sheets, $BODIES bodies, PostgreSQL" "${CLI[@]}" demo generate --servants "$N" --bodies "$BODIES" --seed 1 --year 2024 --sheets oskemen-maslikhat --database postgres --connection "$PG;Database=nation_$N"

  # Quarter close of Q4 2024 for the whole dataset against its floor: a raw bulk insert of the
  # same number of result rows with the same provider, measured in the same run.
  for provider in sqlite postgres; do
    if [ "$provider" = sqlite ]; then CONN="Data Source=$WORK/nation-$N.db"; else CONN="$PG;Database=nation_$N"; fi
    measure "floor: raw bulk insert of $N result rows, $provider" "${FLOOR[@]}" "$provider" "$CONN" "$N"
    floor=$(awk '/^floor:/ {print $(NF-1)}' "$WORK/last.out")
    measure "quarter close 2024-Q4, $N servants, $provider" "${CLI[@]}" quarter close-all --quarter 2024-Q4 --today 2025-01-20 --database "$provider" --connection "$CONN"
    close=$(awk '/^closed/ {print $(NF-1)}' "$WORK/last.out")
    figure "$(printf '  quarter close / floor (%s, %s): %s s / %s s = %sx   (goal <= 3x; < 15 s on SQLite; peak < 1 GB)' "$provider" "$N" "$close" "$floor" "$(python3 -c "print(round($close/$floor,1))")")"
    measure "quarter close again (idempotent), $N, $provider" "${CLI[@]}" quarter close-all --quarter 2024-Q4 --today 2025-01-21 --database "$provider" --connection "$CONN"
  done

  # HTTP on the national dataset: 32 connections, bounded duration, 127.0.0.1 only.
  PORT=$(free_port)
  # Rate limits raised for the bench only: every request comes from 127.0.0.1.
  Database__Provider=sqlite ConnectionStrings__Bagalau="Data Source=$WORK/nation-$N.db" ASPNETCORE_ENVIRONMENT=Production \
    Bagalau__Survey360RateLimit__PermitLimit=100000000 Bagalau__SignInRateLimit__PermitLimit=100000 \
    dotnet "$WEB" --urls "http://127.0.0.1:$PORT" > "$WORK/web-$N.log" 2>&1 &
  WEBPID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
  # Each figure is taken after a warm-up of the same requests (not counted): a fresh process
  # spends its first seconds compiling (the JIT took 30 % of a cold draft run's CPU; the task
  # list cost 1,180, 910, then 420 µs of CPU a request in three 6 s runs one after another before
  # tiered compilation settled), and a server answers for days, not ten seconds.
  warm() { echo "  (a ${WARM} s warm-up of the next request, not counted)"; wrk -t2 -c32 -d"${WARM}s" "$@" >/dev/null; }
  warm "http://127.0.0.1:$PORT/health"
  echo "\$ wrk -t2 -c32 -d${DURATION}s --latency http://127.0.0.1:$PORT/health"
  wrk -t2 -c32 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/health" | tee "$WORK/wrk-health-$N.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-health-$N.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-health-$N.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk-health-$N.txt" | tr '\n' ' ')
  figure "$(printf '%-48s %8s req/s  p99 %s  %s  [wrk -t2 -c32 -d%ss --latency /health]' "HTTP health (floor), $N dataset" "$rps" "$p99" "${errors:-no errors}" "$DURATION")"
  # An evaluator's task list (GET /api/v1/me/tasks, bearer token): a servant who evaluates
  # sheets and holds tasks after the close, signed in as a user linked to that servant record.
  read -r IIN BODYCODE < <(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute('select s.Iin, b.Code from Servants s join StateBodies b on b.Id = s.StateBodyId where s.Id in (select EvaluatorId from RatingSheets) and s.Id in (select AssigneeServantId from EvaluationTasks) order by s.Iin limit 1').fetchone(); print(r[0], r[1])" "$WORK/nation-$N.db")
  "${CLI[@]}" user create --email "bench-$N@bagalau.example" --password "Bench-pass-$N" --body "$BODYCODE" --role evaluator --servant "$IIN" --database sqlite --connection "Data Source=$WORK/nation-$N.db" >/dev/null
  TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' -d "{\"email\":\"bench-$N@bagalau.example\",\"password\":\"Bench-pass-$N\"}" "http://127.0.0.1:$PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  tasks=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/me/tasks" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("total", len(d.get("items", []))))')
  warm -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/me/tasks"
  echo "\$ wrk -t2 -c32 -d${DURATION}s --latency -H 'Authorization: Bearer ...' http://127.0.0.1:$PORT/api/v1/me/tasks   ($tasks tasks)"
  wrk -t2 -c32 -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/me/tasks" | tee "$WORK/wrk-tasks-$N.txt"
  trps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-tasks-$N.txt")
  tp99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-tasks-$N.txt")
  terrors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk-tasks-$N.txt" | tr '\n' ' ')
  figure "$(printf '%-48s %8s req/s  p99 %s  %s  = %s%% of the floor (goal >= 25%%)  [wrk -t2 -c32 -d%ss /api/v1/me/tasks]' "HTTP evaluator's task list, $N dataset" "$trps" "$tp99" "${terrors:-no errors}" "$(python3 -c "print(round(100*$trps/$rps))")" "$DURATION")"
  # HR's completion dashboard of the largest body's 2024-Q4 round (GET .../cycles/{round}/completion):
  # counts of done, open and overdue tasks in total and per unit, signed in as that body's HR.
  read -r BIGCODE ROUND BIGSIZE < <(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute('select b.Code, r.Id, (select count(*) from Servants s where s.StateBodyId = b.Id) n from StateBodies b join QuarterRounds r on r.StateBodyId = b.Id and r.Year = 2024 and r.Quarter = 4 order by n desc limit 1').fetchone(); print(r[0], r[1], r[2])" "$WORK/nation-$N.db")
  BIGID=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select Id from StateBodies where Code = ?', (sys.argv[2],)).fetchone()[0])" "$WORK/nation-$N.db" "$BIGCODE")
  "${CLI[@]}" user create --email "bench-hr-$N@bagalau.example" --password "Bench-pass-$N" --body "$BIGCODE" --role hr --database sqlite --connection "Data Source=$WORK/nation-$N.db" >/dev/null
  HRTOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' -d "{\"email\":\"bench-hr-$N@bagalau.example\",\"password\":\"Bench-pass-$N\"}" "http://127.0.0.1:$PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  COMPLETION="http://127.0.0.1:$PORT/api/v1/bodies/$BIGID/cycles/$ROUND/completion"
  ctasks=$(curl -sf -H "Authorization: Bearer $HRTOKEN" "$COMPLETION" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["done"] + d["open"] + d["overdue"])')
  warm -H "Authorization: Bearer $HRTOKEN" "$COMPLETION"
  echo "\$ wrk -t2 -c32 -d${DURATION}s --latency -H 'Authorization: Bearer ...' $COMPLETION   ($BIGSIZE servants, $ctasks tasks)"
  wrk -t2 -c32 -d"${DURATION}s" --latency -H "Authorization: Bearer $HRTOKEN" "$COMPLETION" | tee "$WORK/wrk-completion-$N.txt"
  crps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-completion-$N.txt")
  cp99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-completion-$N.txt")
  cerrors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk-completion-$N.txt" | tr '\n' ' ')
  figure "$(printf '%-48s %8s req/s  p99 %s  %s  = %s%% of the floor  [wrk -t2 -c32 -d%ss .../cycles/ROUND/completion, %s servants]' "HTTP HR completion dashboard, $N dataset" "$crps" "$cp99" "${cerrors:-no errors}" "$(python3 -c "print(round(100*$crps/$rps, 1))")" "$DURATION" "$BIGSIZE")"
  # Saving rating-sheet drafts of 2025-Q1: 64 open sheets of the evaluators with the most, each
  # sent again only after its previous save answered, with the version that answer gave (draft.lua).
  DRAFTS="$WORK/drafts-$N.txt"
  python3 bench/http_fixtures.py evaluators "$WORK/nation-$N.db" 64 | while read -r EIIN ECODE; do
    "${CLI[@]}" user create --email "bench-eval-$EIIN@bagalau.example" --password "Bench-pass-$N" --body "$ECODE" --role evaluator --servant "$EIIN" --database sqlite --connection "Data Source=$WORK/nation-$N.db" >/dev/null
  done
  python3 bench/http_fixtures.py drafts "$WORK/nation-$N.db" "http://127.0.0.1:$PORT" "Bench-pass-$N" 64 > "$DRAFTS"
  warm -s bench/draft.lua "http://127.0.0.1:$PORT" -- "$DRAFTS" 2
  # The warm-up moved the sheets' versions: read them again.
  python3 bench/http_fixtures.py drafts "$WORK/nation-$N.db" "http://127.0.0.1:$PORT" "Bench-pass-$N" 64 > "$DRAFTS"
  echo "\$ wrk -t2 -c32 -d${DURATION}s --latency -s bench/draft.lua http://127.0.0.1:$PORT -- $DRAFTS 2   ($(wc -l < "$DRAFTS") sheets)"
  wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/draft.lua "http://127.0.0.1:$PORT" -- "$DRAFTS" 2 | tee "$WORK/wrk-draft-$N.txt"
  drps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-draft-$N.txt")
  dp99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-draft-$N.txt")
  derrors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk-draft-$N.txt" | tr '\n' ' ')
  figure "$(printf '%-48s %8s req/s  p99 %s  %s  = %s%% of the floor  [wrk -t2 -c32 -d%ss -s bench/draft.lua]' "HTTP save rating-sheet draft, $N dataset" "$drps" "$dp99" "${derrors:-no errors}" "$(python3 -c "print(round(100*$drps/$rps, 1))")" "$DURATION")"
  # Answering the 360 survey by link: each request spends a different open link of the dataset.
  # The warm-up spends the first links of the file, the measured run the rest.
  WARMLINKS=$(( WARM * 500 ))
  head -n "$WARMLINKS" "$WORK/links-$N.txt" > "$WORK/links-warm-$N.txt"
  LINKS="$WORK/links-measured-$N.txt"; tail -n +"$(( WARMLINKS + 1 ))" "$WORK/links-$N.txt" > "$LINKS"
  warm -s bench/answer360.lua "http://127.0.0.1:$PORT" -- "$WORK/links-warm-$N.txt" 2 32
  echo "\$ wrk -t2 -c32 -d${DURATION}s --latency -s bench/answer360.lua http://127.0.0.1:$PORT -- $LINKS 2 32   ($(wc -l < "$LINKS") open links)"
  wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/answer360.lua "http://127.0.0.1:$PORT" -- "$LINKS" 2 32 | tee "$WORK/wrk-360-$N.txt"
  srps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-360-$N.txt")
  sp99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-360-$N.txt")
  serrors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk-360-$N.txt" | tr '\n' ' ')
  sreqs=$(awk '/requests in/ {print $1, $4}' "$WORK/wrk-360-$N.txt")
  figure "$(printf '%-48s %8s req/s  p99 %s  %s  = %s%% of the floor  (requests, seconds: %s; goal >= 1500 req/s, p99 < 100 ms)  [wrk -t2 -c32 -d%ss -s bench/answer360.lua]' "HTTP 360 answer by link, $N dataset" "$srps" "$sp99" "${serrors:-no errors}" "$(python3 -c "print(round(100*$srps/$rps, 1))")" "$sreqs" "$DURATION")"
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$WEBPID/status")
  figure "$(printf '%-48s %8s MB   [/proc/PID/status VmRSS] (goal < 400 MB)' "server memory after the runs, $N dataset" "$rss")"
  kill "$WEBPID"; wait "$WEBPID" 2>/dev/null || true; WEBPID=""
done

echo; echo "== engine: packs and 100,000 quarter-score decisions"
echo "\$ bench/engine.sh"
bench/engine.sh | tee -a "$SUMMARY"

echo; echo "== documents: rating sheets per second, DOCX and PDF, one core"
echo "\$ bench/documents.sh 200"
bench/documents.sh 200 | tee -a "$SUMMARY"

echo; echo "== growth of import CPU seconds (100,000 / 10,000; linear = 10.0)"
if [[ " $SIZES " == *" 10000 "* && " $SIZES " == *" 100000 "* ]]; then
  figure "import SQLite: $(python3 -c "print(round($IMPORT_SQLITE_100000/$IMPORT_SQLITE_10000,1))")x   PostgreSQL: $(python3 -c "print(round($IMPORT_PG_100000/$IMPORT_PG_10000,1))")x"
fi

echo; echo "== not measured"
for missing in "import streaming of the validation (rows and entities of the whole file are held; writes and audit are batched)"; do
  figure "  missing: $missing"
done
echo; echo "== summary ($SUMMARY)"; cat "$SUMMARY"
