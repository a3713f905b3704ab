#!/usr/bin/env bash
# refimg.sh BIN SRC SCRATCH IMGDIFF NAME [SED]: renders the sheet that tests/e2e/refs.txt lists as NAME
# (with its session, if any), rasterises every page at its dpi (default 40) and compares page N with
# tests/ref/NAME-pN.png using IMGDIFF (pp_imgdiff) and the entry's fraction of differing pixels. On a
# difference the candidate and a diff image stay in SCRATCH and their paths are printed.
# With SED, the session is first changed by that sed expression and the images must NOT match: a control
# that the comparison is fine enough to see one moved mark.
# After an intended change of the look, regenerate the references with scripts/update-refs.sh.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
imgdiff=${ARGS[0]} name=${ARGS[1]} mutate=${ARGS[2]:-}
read -r _ content sheet paper session dpi fraction < <(awk -v n="$name" '$1 == n' "$SRC/tests/e2e/refs.txt")
[ -n "${paper:-}" ] || die "$name is not listed in tests/e2e/refs.txt"
session_args=()
if [ -n "${session:-}" ] && [ "$session" != - ]; then
    cp "$SRC/$session" "$SCRATCH/session.xml"
    [ -z "$mutate" ] || sed -i "$mutate" "$SCRATCH/session.xml"
    cmp -s "$SRC/$session" "$SCRATCH/session.xml" && [ -n "$mutate" ] && die "the sed expression changed nothing"
    session_args=(--session "$SCRATCH/session.xml")
fi

run "$BIN" render "$SRC/$content" "${session_args[@]}" --sheet "$sheet" --paper "$paper" -o "$SCRATCH/$name.pdf"
expect_rc 0
rasterise "$SCRATCH/$name.pdf" "$SCRATCH/$name" "${dpi:-40}"

refs=$(find "$SRC/tests/ref" -name "$name-p*.png" | wc -l)
pages=$(pdf_field "$SCRATCH/$name.pdf" Pages)
[ "$refs" -gt 0 ] || die "no reference tests/ref/$name-p*.png (make them with scripts/update-refs.sh)"
expect_eq "$pages" "$refs" "pages rendered vs reference images tests/ref/$name-p*.png"
for ((i = 1; i <= pages && i <= refs; i++)); do
    page=$name-p$i
    echo "page $i:"
    if [ -n "$mutate" ]; then
        "$imgdiff" "$SRC/tests/ref/$page.png" "$SCRATCH/$page.png" --fraction "${fraction:-0.002}" &&
            fail "page $i still matches tests/ref/$page.png after: sed '$mutate'"
        continue
    fi
    if "$imgdiff" "$SRC/tests/ref/$page.png" "$SCRATCH/$page.png" --fraction "${fraction:-0.002}" --diff "$SCRATCH/$page-diff.png"; then
        rm "$SCRATCH/$page.png"
    else
        fail "page $i differs from tests/ref/$page.png"
        echo "  candidate: $SCRATCH/$page.png" >&2
        [ ! -e "$SCRATCH/$page-diff.png" ] || echo "  diff:      $SCRATCH/$page-diff.png" >&2
    fi
done
e2e_done
