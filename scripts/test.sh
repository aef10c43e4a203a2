#!/usr/bin/env bash
# Runs every Bagalau test on a fresh Debian machine that has only the .NET SDK:
# installs what is missing (PostgreSQL, Chromium, chromedriver, the SMTP sink, poppler),
# starts a throwaway PostgreSQL cluster on a free loopback port, runs the conformance cases,
# every test suite against SQLite and PostgreSQL and the browser tests, then tears it all down.
# Ends with the test runner's totals.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${BAGALAU_SHARED:-$ROOT/../shared}

need_pkgs=()
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || need_pkgs+=(postgresql)
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
[ -x /usr/bin/chromedriver ] || need_pkgs+=(chromium-driver)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need_pkgs+=(python3-aiosmtpd)
command -v pdftoppm >/dev/null || need_pkgs+=(poppler-utils)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "== installing ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

PGDIR=$(mktemp -d /tmp/bagalau-pg.XXXXXX)
cleanup() {
  if [ -f "$PGDIR/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGDIR"
}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDIR"
PGPORT=$(free_port)
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "== PostgreSQL on 127.0.0.1:$PGPORT"

export BAGALAU_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
export BAGALAU_REQUIRE_POSTGRES=1
export BAGALAU_REQUIRE_BROWSER=1
export BAGALAU_SHARED="$SHARED"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Hundreds of test hosts each watch appsettings and wwwroot; with inotify they exhaust the
# per-user limit of 128 instances (an IOException in a random test), polling does not.
export DOTNET_USE_POLLING_FILE_WATCHER=true

echo "== build"
dotnet build Bagalau.slnx -c Release -nologo -v q

echo "== conformance: packs/ and shared examples"
dotnet src/Bagalau.Cli/bin/Release/net10.0/bagalau.dll conformance packs "$SHARED/spec/examples"

echo "== tests (SQLite, PostgreSQL, browser)"
RESULTS=$(mktemp -d /tmp/bagalau-results.XXXXXX)
status=0
dotnet test Bagalau.slnx -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" || status=$?

# The runner's own totals, summed over every test assembly, as the last line.
passed=0; failed=0; skipped=0
for f in "$RESULTS"/*.trx; do
  [ -f "$f" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line"); f1=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  nx=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f1:-0})); skipped=$((skipped + ${nx:-0}))
done

# Name every failed test again at the end, with the first lines of its message and stack, so a
# log that keeps only its tail still says which test failed and why.
failed_names=$(/usr/bin/python3 - "$RESULTS" <<'PY' || true
import glob, html, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        print(html.unescape(result.get("testName", "?")))
        for tag, limit in (("Message", 12), ("StackTrace", 8)):
            node = result.find(f".//t:ErrorInfo/t:{tag}", ns)
            for line in (node.text or "").strip().splitlines()[:limit] if node is not None else []:
                print("    " + line.rstrip())
PY
)

# --- multi-node: two nodes over one PostgreSQL behind nginx (tests/multinode/run.sh,
# about 1-3 minutes); each of its PASS/FAIL checks counts in the totals.
echo "== multi-node: session across nodes, job once, killed node's job completed"
multi_out=$(mktemp /tmp/bagalau-multinode-out.XXXXXX); multi_status=0
BAGALAU_MULTINODE_NO_BUILD=1 tests/multinode/run.sh | tee "$multi_out" || multi_status=$?
multi_passed=$(grep -c '^PASS ' "$multi_out" || true); multi_failed=$(grep -c '^FAIL ' "$multi_out" || true)
[ "$multi_status" -eq 0 ] || [ "$multi_failed" -gt 0 ] || multi_failed=1
passed=$((passed + multi_passed)); failed=$((failed + multi_failed))
[ "$multi_status" -eq 0 ] || status=1
rm -f "$multi_out"
# --- end multi-node
rm -rf "$RESULTS"
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
[ -z "$failed_names" ] || { echo "failed tests:"; sed 's/^\([^ ]\)/  - \1/' <<<"$failed_names"; }
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
