#!/usr/bin/env bash
# Several nodes: two Bagalau.Web processes on different loopback ports over one
# throwaway PostgreSQL, behind nginx (round-robin, no sticky sessions), as docs/deploy.md
# describes. Shows:
#   (a) a signed-in user keeps the session whichever node answers (both nodes seen);
#   (b) a scheduled job fires exactly once across the nodes (its runs counted in the database
#       and in both nodes' logs);
#   (c) a node killed (kill -9) mid-job leaves no half-done work, and the other node completes
#       the same firing (the test-only Bagalau:Jobs:TestDelaySeconds holds the work uncommitted);
#   (d) the quarter-close job, committed body by body: the node killed between two bodies leaves
#       each round closed or untouched and no run recorded; the other node recovers the firing,
#       closes the rest and records the run once (docs/adr/0012-quarter-close-job.md).
# Prints PASS/FAIL per check; exits non-zero on any failure. Installs postgresql and nginx
# from Debian when missing (needs root or sudo). BAGALAU_MULTINODE_NO_BUILD=1 uses an existing
# Release build (scripts/test.sh has just built it).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

need_pkgs=()
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || need_pkgs+=(postgresql)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_pkgs+=(nginx)
command -v curl >/dev/null || need_pkgs+=(curl)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "== installing ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

WEB="$ROOT/src/Bagalau.Web/bin/Release/net10.0/Bagalau.Web.dll"
CLI="$ROOT/src/Bagalau.Cli/bin/Release/net10.0/bagalau.dll"
if [ "${BAGALAU_MULTINODE_NO_BUILD:-0}" != 1 ] || [ ! -f "$WEB" ] || [ ! -f "$CLI" ]; then
  echo "== build (Release)"
  dotnet build src/Bagalau.Web -c Release -nologo -v q >/dev/null
  dotnet build src/Bagalau.Cli -c Release -nologo -v q >/dev/null
fi

free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

WORK=$(mktemp -d /tmp/bagalau-multinode.XXXXXX); chmod 755 "$WORK"
PIDS=()
cleanup() {
  # Throwaway nodes: no graceful shutdown to wait for.
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ "${BAGALAU_MULTINODE_KEEP:-0}" = 1 ]; then echo "(kept $WORK)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# PostgreSQL: a throwaway cluster on a free loopback port.
mkdir -p "$WORK/pg"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$WORK/pg"
PGPORT=$(free_port)
as_pg "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
  -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
psql_q() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d bagalau -tA -c "$1"; }
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qc "CREATE DATABASE bagalau" >/dev/null
echo "== PostgreSQL on 127.0.0.1:$PGPORT"

# The retention job fires every 20 s; each firing holds its finished work 6 s before committing.
JOB_CRON="0/20 * * * * ?"
# The quarter close checks every 20 s too, 10 s after the retention; it pauses $DELAY s between bodies.
CLOSE_CRON="10/20 * * * * ?"
DELAY=6
start_node() { # name port
  Database__Provider=PostgreSql \
  ConnectionStrings__Bagalau="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=bagalau" \
  Bagalau__NodeName="$1" Bagalau__SeedDemo=true \
  Bagalau__Jobs__Retention__Cron="$JOB_CRON" Bagalau__Jobs__TestDelaySeconds=$DELAY \
  Bagalau__Jobs__QuarterClose__Cron="$CLOSE_CRON" \
  Bagalau__Jobs__ClusterCheckinSeconds=2 \
  Bagalau__Retention__ReadNotificationDays=30 \
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Bagalau=Information \
    dotnet "$WEB" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  eval "PID_${1//-/_}=$!"
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "node $1 did not start:"; tail -30 "$WORK/$1.log"; exit 1
}
PORT_A=$(free_port); PORT_B=$(free_port); PORT_LB=$(free_port)
# One node first: it migrates the database and seeds the demo body; the second finds both done.
start_node node-a "$PORT_A"
start_node node-b "$PORT_B"
echo "== nodes: node-a on :$PORT_A, node-b on :$PORT_B [${SECONDS}s]"

cat >"$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  fastcgi_temp_path $WORK/nginx-fastcgi;
  uwsgi_temp_path $WORK/nginx-uwsgi;
  scgi_temp_path $WORK/nginx-scgi;
  upstream bagalau {
    server 127.0.0.1:$PORT_A;
    server 127.0.0.1:$PORT_B;
  }
  server {
    listen 127.0.0.1:$PORT_LB;
    location / {
      proxy_pass http://bagalau;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
LB="http://127.0.0.1:$PORT_LB"
echo "== nginx round-robin on $LB"

failures=0
pass() { echo "PASS $1 [${SECONDS}s]"; }
fail() { echo "FAIL $1 [${SECONDS}s]"; failures=$((failures + 1)); }

# (a) Session across nodes: sign in through nginx (the form and its post may hit different
# nodes), then ask for a page only a signed-in user gets, many times.
JAR="$WORK/cookies"
page=$(curl -fsS -c "$JAR" -b "$JAR" "$LB/Account/SignIn")
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//' | head -1)
curl -sS -o /dev/null -c "$JAR" -b "$JAR" -w '%{http_code}' \
  --data-urlencode "Input.Email=servant@bagalau.example" --data-urlencode "Input.Password=Bagalau-demo-1" \
  --data-urlencode "__RequestVerificationToken=$token" "$LB/Account/SignIn" >"$WORK/signin.code"
ok=0; nodes=""
for _ in $(seq 1 10); do
  headers=$(curl -sS -o /dev/null -D - -b "$JAR" "$LB/Account/ChangePassword")
  code=$(head -1 <<<"$headers" | awk '{print $2}')
  node=$(grep -i '^X-Bagalau-Node:' <<<"$headers" | awk '{print $2}' | tr -d '\r')
  [ "$code" = 200 ] && ok=$((ok + 1))
  nodes="$nodes $node"
done
seen=$(tr ' ' '\n' <<<"$nodes" | grep . | sort -u | tr '\n' ' ')
if [ "$(cat "$WORK/signin.code")" = 302 ] && [ "$ok" = 10 ] && grep -q node-a <<<"$seen" && grep -q node-b <<<"$seen"; then
  pass "(a) signed-in session kept on every node: 10/10 signed-in answers from: $seen"
else
  fail "(a) session across nodes: sign-in $(cat "$WORK/signin.code"), $ok/10 signed-in answers, nodes seen: $seen"
fi

# (b) The retention job fires exactly once per firing across the nodes.
both=$(psql_q "SELECT COUNT(*) FROM qrtz_scheduler_state")
started_lines() { cat "$WORK/node-a.log" "$WORK/node-b.log" | grep -o 'Job retention for [0-9T:Z-]* started on node [a-z-]*' || true; }
for _ in $(seq 1 90); do
  runs=$(psql_q "SELECT COUNT(*) FROM \"JobRuns\" WHERE \"Job\" = 'retention'")
  [ "$runs" -ge 3 ] && break
  sleep 1
done
firings=$(psql_q "SELECT COUNT(DISTINCT \"FireTimeUtc\") FROM \"JobRuns\" WHERE \"Job\" = 'retention'")
by_node=$(psql_q "SELECT string_agg(\"Node\" || ' ' || to_char(\"FireTimeUtc\", 'HH24:MI:SS'), ', ' ORDER BY \"FireTimeUtc\") FROM \"JobRuns\" WHERE \"Job\" = 'retention'")
dup_starts=$(started_lines | awk '{print $4}' | sort | uniq -d | wc -l)
if [ "$both" = 2 ] && [ "$runs" -ge 3 ] && [ "$runs" = "$firings" ] && [ "$dup_starts" = 0 ]; then
  pass "(b) job fired exactly once per firing across 2 clustered nodes: $runs runs for $firings firings ($by_node)"
else
  fail "(b) job once across nodes: schedulers $both, runs $runs, firings $firings, firings started twice $dup_starts ($by_node)"
fi

# (c) Kill the node that is in the middle of a firing; the other completes that firing.
BODY=$(psql_q "SELECT \"Id\" FROM \"StateBodies\" WHERE \"Code\" = 'demo'")
psql_q "INSERT INTO \"Notifications\" (\"Id\", \"RecipientUserId\", \"Kind\", \"TextKk\", \"TextRu\", \"TextEn\", \"CreatedOn\", \"ReadOn\", \"StateBodyId\", \"Version\")
        SELECT gen_random_uuid(), NULL, 'old-read', 'ескі', 'старое', 'old', DATE '2020-01-01', DATE '2020-01-02', '$BODY', 1 FROM generate_series(1, 50)" >/dev/null
holding() { cat "$WORK/node-a.log" "$WORK/node-b.log" | grep -o 'Job retention for [0-9T:Z-]* holds its work uncommitted .* on node [a-z-]*' || true; }
# Only a firing that starts after the rows are in can be the one to delete them.
holding > "$WORK/held-before"
victim=""; fire=""
for _ in $(seq 1 120); do
  line=$(holding | grep -vxF -f "$WORK/held-before" | tail -1 || true)
  if [ -n "$line" ]; then
    victim=$(awk '{print $NF}' <<<"$line"); fire=$(awk '{print $4}' <<<"$line"); break
  fi
  sleep 0.25
done
if [ -z "$victim" ]; then
  fail "(c) no firing was caught mid-job"
else
  [ "$victim" = node-a ] && { kill -9 "$PID_node_a"; survivor=node-b; } || { kill -9 "$PID_node_b"; survivor=node-a; }
  sleep 1
  left=$(psql_q "SELECT COUNT(*) FROM \"Notifications\" WHERE \"Kind\" = 'old-read'")
  run_after_kill=$(psql_q "SELECT COUNT(*) FROM \"JobRuns\" WHERE \"Job\" = 'retention' AND to_char(\"FireTimeUtc\", 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') = '$fire'")
  completed=""
  for _ in $(seq 1 60); do
    completed=$(psql_q "SELECT \"Node\" || ': ' || \"Summary\" FROM \"JobRuns\" WHERE \"Job\" = 'retention' AND to_char(\"FireTimeUtc\", 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') = '$fire'")
    [ -n "$completed" ] && break
    sleep 1
  done
  runs_for_fire=$(psql_q "SELECT COUNT(*) FROM \"JobRuns\" WHERE \"Job\" = 'retention' AND to_char(\"FireTimeUtc\", 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') = '$fire'")
  gone=$(psql_q "SELECT COUNT(*) FROM \"Notifications\" WHERE \"Kind\" = 'old-read'")
  if [ "$left" = 50 ] && [ "$run_after_kill" = 0 ] && [ "$runs_for_fire" = 1 ] && [[ "$completed" == "$survivor: "* ]] && [ "$gone" = 0 ]; then
    pass "(c) $victim killed mid-job (firing $fire): nothing half-done (50/50 notifications left, no run recorded); $survivor completed that firing once ($completed)"
  else
    fail "(c) killed mid-job: victim $victim firing $fire: after kill $left/50 left and $run_after_kill runs; then runs $runs_for_fire, completed by '$completed', $gone left"
  fi
fi

# (d) Quarter close: the killed node (c) comes back; a year of approved, signed nhrc rounds
# appears (2026: those whose deadline, the 20th after the quarter, has passed are due); the
# node in the middle of the close is killed between two bodies.
[ "$victim" = node-a ] && start_node node-a "$PORT_A"
[ "$victim" = node-b ] && start_node node-b "$PORT_B"
BAGALAU_DB_PROVIDER=postgres BAGALAU_DB_CONNECTION="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=bagalau" \
  dotnet "$CLI" demo generate --servants 60 --bodies 2 --seed 6 --year 2026 --sheets nhrc >"$WORK/generate.log" 2>&1 \
  || { echo "demo generate failed:"; cat "$WORK/generate.log"; exit 1; }
DUE_SQL="\"Year\" = 2026 AND \"Due\" < (now() AT TIME ZONE 'UTC' + interval '5 hours')::date"
rounds=$(psql_q "SELECT COUNT(*) FROM \"QuarterRounds\" WHERE $DUE_SQL")
started_close() { cat "$WORK/node-a.log" "$WORK/node-b.log" | grep -o 'Job quarter-close for [0-9T:Z-]* started on node [a-z-]*' || true; }
pausing() { cat "$WORK/node-a.log" "$WORK/node-b.log" | grep -o 'Quarter close pauses .* on node [a-z-]*' || true; }
pausing > "$WORK/paused-before"
cvictim=""
for _ in $(seq 1 160); do
  line=$(pausing | grep -vxF -f "$WORK/paused-before" | tail -1 || true)
  if [ -n "$line" ]; then cvictim=$(awk '{print $NF}' <<<"$line"); break; fi
  sleep 0.25
done
if [ -z "$cvictim" ]; then
  fail "(d) no quarter close was caught between bodies ($rounds rounds to close; $(tail -3 "$WORK/generate.log"))"
else
  cfire=$(cat "$WORK/$cvictim.log" | grep -o 'Job quarter-close for [0-9T:Z-]* started on node [a-z-]*' | tail -1 | awk '{print $4}')
  [ "$cvictim" = node-a ] && { kill -9 "$PID_node_a"; csurvivor=node-b; } || { kill -9 "$PID_node_b"; csurvivor=node-a; }
  sleep 1
  fire_sql="to_char(\"FireTimeUtc\", 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') = '$cfire'"
  closed_at_kill=$(psql_q "SELECT COUNT(*) FROM \"QuarterRounds\" WHERE $DUE_SQL AND \"State\" = 'closed'")
  runs_at_kill=$(psql_q "SELECT COUNT(*) FROM \"JobRuns\" WHERE \"Job\" = 'quarter-close' AND $fire_sql")
  ccompleted=""
  for _ in $(seq 1 120); do
    ccompleted=$(psql_q "SELECT \"Node\" || ': ' || \"Summary\" FROM \"JobRuns\" WHERE \"Job\" = 'quarter-close' AND $fire_sql")
    [ -n "$ccompleted" ] && break
    sleep 1
  done
  cruns=$(psql_q "SELECT COUNT(*) FROM \"JobRuns\" WHERE \"Job\" = 'quarter-close' AND $fire_sql")
  closed=$(psql_q "SELECT COUNT(*) FROM \"QuarterRounds\" WHERE $DUE_SQL AND \"State\" = 'closed'")
  if [ "$rounds" -ge 2 ] && [ "$closed_at_kill" -ge 1 ] && [ "$closed_at_kill" -lt "$rounds" ] && [ "$runs_at_kill" = 0 ] \
     && [ "$cruns" = 1 ] && [[ "$ccompleted" == "$csurvivor: "* ]] && [ "$closed" = "$rounds" ]; then
    pass "(d) quarter close: $cvictim killed between bodies (firing $cfire) with $closed_at_kill/$rounds rounds closed and no run recorded; $csurvivor completed that firing once ($ccompleted); $closed/$rounds closed"
  else
    fail "(d) quarter close killed between bodies: victim $cvictim firing $cfire: at kill $closed_at_kill/$rounds closed, $runs_at_kill runs; then runs $cruns, completed by '$ccompleted', $closed/$rounds closed"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "multinode: $failures check(s) failed; logs:"; tail -n 20 "$WORK/node-a.log" "$WORK/node-b.log" || true
  exit 1
fi
echo "multinode: 4 checks passed [${SECONDS}s]"
