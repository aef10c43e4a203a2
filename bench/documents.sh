#!/usr/bin/env bash
# Builds the documents benchmark in Release and runs it pinned to one core: renders N (default
# 200) rating sheets as DOCX and as PDF and prints sheets/s for each.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Bagalau.Bench.Documents -c Release -nologo -v q
if command -v taskset >/dev/null; then
  exec taskset -c 0 dotnet bench/Bagalau.Bench.Documents/bin/Release/net10.0/Bagalau.Bench.Documents.dll "$@"
fi
exec dotnet bench/Bagalau.Bench.Documents/bin/Release/net10.0/Bagalau.Bench.Documents.dll "$@"
