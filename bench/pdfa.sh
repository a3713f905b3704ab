#!/usr/bin/env bash
# Benchmark (not a test) of the archive copy (issue #14): the report with --pdfa 2b (its default)
# and 1b against the plain report (--pdfa none). Target: 2b costs at most 1.3x the plain render.
# Medians of BENCH_RUNS (default 20).
#
#   bash bench/pdfa.sh [--strict]      (--strict: exit 1 when the target is missed)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
session=samples/zuidrand-2026-10.xml

declare -A ms kb
for level in none 2b 1b; do
    out=$tmp/report-$level.pdf
    "$bin" render "$content" --session "$session" --sheet report --pdfa "$level" -o "$out"
    ms[$level]=$(median_ms "$bin" render "$content" --session "$session" --sheet report --pdfa "$level" -o "$out")
    kb[$level]=$(awk -v b="$(stat -c %s "$out")" 'BEGIN {printf "%.1f", b / 1024}')
done
echo "report of $session, median of $runs runs"
echo "| --pdfa | median ms | ratio to none | PDF KB |"
echo "|---|---:|---:|---:|"
for level in none 2b 1b; do
    echo "| $level | ${ms[$level]} | $(awk -v a="${ms[$level]}" -v b="${ms[none]}" 'BEGIN {printf "%.2f", a / b}') | ${kb[$level]} |"
done
ok=$(awk -v a="${ms[2b]}" -v b="${ms[none]}" 'BEGIN {print (a <= 1.3 * b) ? "PASS" : "MISS"}')
echo "target: 2b at most 1.3x none: $ok"
[[ ${1:-} == --strict && $ok == MISS ]] && exit 1
exit 0
