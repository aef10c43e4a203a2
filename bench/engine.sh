#!/usr/bin/env bash
# Engine benchmark (called by bench/run.sh). Builds the benchmark in Release and runs it pinned to one core (load the five packs,
# answer 100,000 quarter-score decisions, print ms and decisions/s).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Bagalau.Bench -c Release -nologo -v q
if command -v taskset >/dev/null; then
  exec taskset -c 0 dotnet bench/Bagalau.Bench/bin/Release/net10.0/Bagalau.Bench.dll
fi
exec dotnet bench/Bagalau.Bench/bin/Release/net10.0/Bagalau.Bench.dll
