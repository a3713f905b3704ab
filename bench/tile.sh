#!/usr/bin/env bash
# Benchmark (not a test) of printing elsewhere (issue #13): the A0 praatplaat tiled onto A4
# (`render --tile A4`, the map and every tile) against the plain A0 render. Targets: the tiles cost
# at most 2x the plain render in wall time, and their PDF is at most 2x its size (fonts are shared,
# and the poster is one form drawn again on every tile). Also shown, without a target: --tile A3,
# and --marks. Medians of BENCH_RUNS (default 20).
#
#   bash bench/tile.sh [--strict]      (--strict: exit 1 when a target is missed)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

# median_ms after one warm-up run, so the first run's cold caches do not count.
warm_median_ms() {
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 2; }
    median_ms "$@"
}
kb() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f", b / 1024}'; }

render=("$bin" render "$content" --sheet praatplaat --paper A0)
plain=$(warm_median_ms "${render[@]}" -o "$tmp/plain.pdf")
tiles=$(warm_median_ms "${render[@]}" --tile A4 -o "$tmp/tiles.pdf")
a3=$(warm_median_ms "${render[@]}" --tile A3 -o "$tmp/a3.pdf")
marks=$(warm_median_ms "${render[@]}" --marks -o "$tmp/marks.pdf")
pages=$(pdfinfo "$tmp/tiles.pdf" | sed -n 's/^Pages: *//p')
pages_a3=$(pdfinfo "$tmp/a3.pdf" | sed -n 's/^Pages: *//p')

missed=0
check() { # NAME VALUE LIMIT UNIT
    local ok
    ok=$(awk -v v="$2" -v l="$3" 'BEGIN {print (v <= l) ? "ok" : "MISSED"}')
    printf '%-40s %8s %s   target <= %8.1f %s   %s\n' "$1" "$2" "$4" "$3" "$4" "$ok"
    [ "$ok" = ok ] || missed=1
}
printf '%-40s %8s ms   %8s KB\n' "plain A0 praatplaat" "$plain" "$(kb "$tmp/plain.pdf")"
check "--tile A4 ($pages pages): time" "$tiles" "$(awk -v p="$plain" 'BEGIN {print 2 * p}')" ms
check "--tile A4 ($pages pages): PDF size" "$(kb "$tmp/tiles.pdf")" \
    "$(awk -v p="$(kb "$tmp/plain.pdf")" 'BEGIN {print 2 * p}')" KB
printf '%-40s %8s ms   %8s KB\n' "--tile A3 ($pages_a3 pages)" "$a3" "$(kb "$tmp/a3.pdf")"
printf '%-40s %8s ms   %8s KB\n' "--marks" "$marks" "$(kb "$tmp/marks.pdf")"
[ "${1:-}" = --strict ] && exit $missed
exit 0
