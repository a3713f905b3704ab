#!/usr/bin/env bash
# Benchmark (not a test) of forms (issue #12): `render --sheet all --paper A3 --form` against the
# plain render, and `import` of a form filled by MuPDF against one render. Targets: the form costs
# at most 1.5x the plain render; an import at most one render. Medians of BENCH_RUNS (default 20).
#
#   bash bench/form.sh [--strict]      (--strict: exit 1 when a target is missed)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PRAATPLAAT:-build/praatplaat}
content=content/samenwerking/nl.xml
runs=${BENCH_RUNS:-20}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_RUNS must be a positive integer" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median_ms CMD...: the median wall time of CMD over $runs runs, in milliseconds.
median_ms() {
    local times=() s e
    for _ in $(seq "$runs"); do
        s=$(date +%s%N)
        "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 2; }
        e=$(date +%s%N)
        times+=($(((e - s) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

"$bin" render "$content" --sheet all --paper A3 --form -o "$tmp/blank.pdf"
printf 'B&W <zorg>\n' >"$tmp/special.txt"
mutool run tests/e2e/fill.js "$tmp/blank.pdf" "$tmp/filled.pdf" mut "$tmp/special.txt" >/dev/null

plain=$(median_ms "$bin" render "$content" --sheet all --paper A3 -o "$tmp/plain.pdf")
form=$(median_ms "$bin" render "$content" --sheet all --paper A3 --form -o "$tmp/form.pdf")
import=$(median_ms "$bin" import "$content" "$tmp/filled.pdf" -o "$tmp/session.xml")
missed=0
check() { # NAME VALUE LIMIT
    local ok
    ok=$(awk -v v="$2" -v l="$3" 'BEGIN {print (v <= l) ? "ok" : "MISSED"}')
    printf '%-34s %8s ms   target <= %8.1f ms   %s\n' "$1" "$2" "$3" "$ok"
    [ "$ok" = ok ] || missed=1
}
echo "plain render, --sheet all A3:     $plain ms"
check "form (--form), --sheet all A3" "$form" "$(awk -v p="$plain" 'BEGIN {print 1.5 * p}')"
check "import of a form filled by MuPDF" "$import" "$plain"
[ "${1:-}" = --strict ] && exit $missed
exit 0
