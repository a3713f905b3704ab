#!/usr/bin/env bash
# Benchmark (not a test) of forms (issue #12): `render --sheet all --paper A3 --form` against the
# plain render, and `import` of a form filled by MuPDF against one render. Targets: the form costs
# at most 1.5x the plain render; an import at most one render. Medians of BENCH_RUNS (default 20).
#
#   bash bench/form.sh [--strict]      (--strict: exit 1 when a target is missed)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

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
