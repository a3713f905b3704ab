#!/usr/bin/env bash
# Regenerates the reference images tests/ref/*.png of the end-to-end tests (tests/e2e/refimg.sh), on purpose:
# run it only after a change of the sheets' look that you want, then review the new images
# (git diff --stat tests/ref; open them) and commit them with that change.
#   scripts/update-refs.sh            build dir: build/ in the source tree, or $BUILD_DIR
# It builds praatplaat if needed, renders every sheet listed in tests/e2e/refs.txt, rasterises each page at
# 40 dpi with pdftoppm and copies page N into tests/ref/NAME-pN.png (stale pages of NAME are removed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
# shellcheck source=tests/e2e/lib.sh
. "$root/tests/e2e/lib.sh"

[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" --target praatplaat >/dev/null
bin=$build/praatplaat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$root/tests/ref"
grep -v '^#' "$root/tests/e2e/refs.txt" | while read -r name content sheet paper session dpi _; do
    [ -n "$name" ] || continue
    session_args=()
    [ -z "${session:-}" ] || [ "$session" = - ] || session_args=(--session "$root/$session")
    "$bin" render "$root/$content" "${session_args[@]}" --sheet "$sheet" --paper "$paper" -o "$work/$name.pdf"
    rasterise "$work/$name.pdf" "$work/$name" "${dpi:-40}"
    rm -f "$root/tests/ref/$name"-p*.png
    cp "$work/$name"-p*.png "$root/tests/ref/"
    echo "tests/ref/$name: $(pdf_field "$work/$name.pdf" Pages) page(s)"
done
