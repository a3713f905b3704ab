#!/usr/bin/env bash
# marks.sh BIN SRC SCRATCH IMGDIFF CASE: render --marks for a print shop (issue #13).
#   praatplaat: A0 with --bleed 5: /TrimBox the exact ISO size, /BleedBox trim + 5 mm, /MediaBox with
#       room for marks (qpdf --json, tests/e2e/boxes.py); crop marks in the four corners outside the
#       bleed; the trim area is the plain poster (nothing of the marks inside it); the slug line lies
#       outside the trim; qpdf --check clean; byte-identical twice.
#   all, report: every page of every sheet kind gets its boxes.
#   tile: --tile A3 --marks: every tile has its own A3 TrimBox; reproducible.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
IMGDIFF=${ARGS[0]}
CASE=${ARGS[1]}
nl=$SRC/content/samenwerking/nl.xml
DPI=25.4 # one pixel per millimetre
MARK_AREA=12 # layouts/print.xml: mark-area

# twice NAME ARGS...: renders ARGS into NAME.pdf twice (in two directories: the slug names the
# file); both must be equal and pass qpdf --check.
twice() {
    local name=$1
    shift
    for n in 1 2; do
        mkdir -p "$SCRATCH/$n"
        run "$BIN" render "$nl" "$@" -o "$SCRATCH/$n/$name.pdf"
        expect_rc 0
    done
    cmp -s "$SCRATCH/1/$name.pdf" "$SCRATCH/2/$name.pdf" || fail "two renders of $* differ"
    qpdf --check "$SCRATCH/1/$name.pdf" >"$SCRATCH/qpdf.txt" || fail "qpdf --check: $(tail -3 "$SCRATCH/qpdf.txt")"
    cp "$SCRATCH/1/$name.pdf" "$SCRATCH/$name.pdf"
}

case $CASE in
praatplaat)
    bleed=5
    twice marks --sheet praatplaat --paper A0 --marks --bleed $bleed
    python3 "$E2E_LIB_DIR/boxes.py" "$SCRATCH/marks.pdf" A0 $bleed || fail "boxes"
    # Crop marks outside the bleed, in every corner.
    off=$((MARK_AREA + bleed))
    pdftoppm -r $DPI -gray -thinlinemode solid -singlefile "$SCRATCH/marks.pdf" "$SCRATCH/marks"
    python3 "$E2E_LIB_DIR/corners.py" "$SCRATCH/marks.pgm" $DPI $off $bleed || fail "crop marks"
    # The trim area is the poster itself: no mark reaches into it.
    run "$BIN" render "$nl" --sheet praatplaat --paper A0 -o "$SCRATCH/poster.pdf"
    expect_rc 0
    pdftoppm -r $DPI -png -singlefile "$SCRATCH/poster.pdf" "$SCRATCH/poster"
    pdftoppm -r $DPI -png -singlefile -x $off -y $off -W 1190 -H 842 "$SCRATCH/marks.pdf" "$SCRATCH/trim"
    "$IMGDIFF" "$SCRATCH/poster.png" "$SCRATCH/trim.png" --diff "$SCRATCH/trim-diff.png" ||
        fail "the trim area differs from the poster (see trim-diff.png)"
    # The slug (file, sheet, paper, date) is on the page, outside the trim.
    pdftotext -enc UTF-8 "$SCRATCH/marks.pdf" "$SCRATCH/all.txt"
    expect_in "$SCRATCH/all.txt" "marks.pdf · praatplaat · A0 · 2020-01-01" "the page"
    pt() { python3 -c "print(round($1 * 72 / 25.4))"; }
    pdftotext -enc UTF-8 -x "$(pt $off)" -y "$(pt $off)" -W "$(pt 1189)" -H "$(pt 841)" "$SCRATCH/marks.pdf" "$SCRATCH/trim.txt"
    grep -q "marks.pdf" "$SCRATCH/trim.txt" && fail "the slug line lies inside the trim"
    ;;
all)
    twice all --sheet all --paper A3 --marks
    python3 "$E2E_LIB_DIR/boxes.py" "$SCRATCH/all.pdf" A3 3 || fail "boxes of --sheet all"
    expect_eq "$(pdf_field "$SCRATCH/all.pdf" Pages)" "$(run "$BIN" render "$nl" --sheet all --paper A3 -o "$SCRATCH/plain.pdf" && pdf_field "$SCRATCH/plain.pdf" Pages)" "pages with and without marks"
    ;;
report)
    twice report --sheet report --session "$SRC/samples/zuidrand-2026-10.xml" --marks --bleed 0
    python3 "$E2E_LIB_DIR/boxes.py" "$SCRATCH/report.pdf" A4 0 || fail "boxes of the report"
    ;;
tile)
    twice tiles --sheet praatplaat --paper A0 --tile A3 --marks
    python3 "$E2E_LIB_DIR/boxes.py" "$SCRATCH/tiles.pdf" A3 3 || fail "boxes of the tiles"
    ;;
*) die "unknown case $CASE" ;;
esac
e2e_done
