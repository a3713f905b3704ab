#!/usr/bin/env bash
# tile.sh BIN SRC SCRATCH STITCH CASE: render --tile (issue #13).
#   stitch-A4, stitch-A3, followup-A3: the tiles pasted at their offsets give the poster back
#       (tests/tools/pp_stitch.c), a misplaced paste does not; one page per tile after the map, vector
#       only (no images), fonts embedded once, qpdf --check clean.
#   scan PHOTO_TOOL: the A0 praatplaat with marks, tiled onto A4, pasted together (pp_stitch: equal
#       to the poster, its scan codes included where they fall) and photographed at 12 MP
#       (tests/tools/pp_photo): `praatplaat scan` reads the marks, none wrong; a box that one of the
#       tiles' alignment crosses falls in is uncertain (at most one here; tests/e2e/scancompare.py).
#   text: every statement and label of the praatplaat is in the tiles' text layer, and each tile's
#       label and line ("B3 · 7 / 25 · praatplaat A0") are on its own page; the map's words are the
#       content's (Dutch, and English from en.xml).
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
STITCH=${ARGS[0]}
CASE=${ARGS[1]}
PHOTO_TOOL=${ARGS[2]:-}
nl=$SRC/content/samenwerking/nl.xml
en=$SRC/content/samenwerking/en.xml
DPI=25.4 # one pixel per millimetre: the tiles' offsets are whole pixels

# tiles CONTENT SHEET POSTER TILE [OPTIONS...]: renders the poster and its tiles into $SCRATCH.
tiles() {
    local content=$1 sheet=$2 poster=$3 tile=$4
    shift 4
    run "$BIN" render "$content" --sheet "$sheet" --paper "$poster" -o "$SCRATCH/poster.pdf"
    expect_rc 0
    run "$BIN" render "$content" --sheet "$sheet" --paper "$poster" --tile "$tile" "$@" -o "$SCRATCH/tiles.pdf"
    expect_rc 0
    [ -s "$SCRATCH/tiles.pdf" ] || die "no tiles.pdf"
    qpdf --check "$SCRATCH/tiles.pdf" >/dev/null || fail "qpdf --check finds problems in tiles.pdf"
    # vector only: the scan codes are one-bit stencils; any other image would be cairo rasterising
    [ "$(pdfimages -list "$SCRATCH/tiles.pdf" | tail -n +3 | awk '$3 != "stencil"' | wc -l)" -eq 0 ] ||
        fail "the tiles hold images"
    pdffonts "$SCRATCH/tiles.pdf" | tail -n +3 | awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }' ||
        fail "a font of the tiles is not embedded"
    local fonts_poster fonts_tiles
    fonts_poster=$(pdffonts "$SCRATCH/poster.pdf" | tail -n +3 | wc -l)
    fonts_tiles=$(pdffonts "$SCRATCH/tiles.pdf" | tail -n +3 | wc -l)
    # The map and the labels may add one font (a face the poster does not use), never one per page.
    [ "$fonts_tiles" -le $((fonts_poster + 1)) ] || fail "$fonts_tiles fonts in the tiles, $fonts_poster in the poster"
}

# stitch POSTER TILE MARGIN OVERLAP: pastes the tiles together and compares with the poster.
stitch() {
    pdftoppm -r $DPI -png -singlefile "$SCRATCH/poster.pdf" "$SCRATCH/poster"
    pdftoppm -r $DPI -png "$SCRATCH/tiles.pdf" "$SCRATCH/tile"
    for f in "$SCRATCH"/tile-?.png; do # pdftoppm pads page numbers to the page count's width
        [ -e "$f" ] && mv "$f" "${f%-?.png}-0${f: -5}"
    done
    local pages n
    pages=$(pdf_field "$SCRATCH/tiles.pdf" Pages)
    (cd "$SCRATCH" && "$STITCH" poster.png tile "$@" $DPI) >"$SCRATCH/stitch.txt" || {
        cat "$SCRATCH/stitch.txt" >&2
        fail "the stitched tiles differ from the poster (see $SCRATCH/stitch-diff.png)"
    }
    cat "$SCRATCH/stitch.txt"
    n=$(sed -n 's/^\([0-9]*\) tiles.*/\1/p' "$SCRATCH/stitch.txt")
    expect_eq "$pages" "$((n + 1))" "pages: the map and one per tile"
    # Control: the same tiles pasted 2 mm off must fail, or the comparison proves nothing.
    if (cd "$SCRATCH" && "$STITCH" poster.png tile "$@" $DPI 2) >"$SCRATCH/control.txt"; then
        fail "the control (tiles pasted 2 mm off) passed: $(cat "$SCRATCH/control.txt")"
    fi
}

case $CASE in
stitch-A4)
    tiles "$nl" praatplaat A0 A4
    stitch A0 A4 6 10
    ;;
stitch-A3)
    tiles "$nl" praatplaat A0 A3 --overlap 15 --tile-margin 5
    stitch A0 A3 5 15
    ;;
followup-A3)
    tiles "$nl" followup A1 A3
    stitch A1 A3 6 10
    ;;
scan)
    marks=$SRC/tests/data/marks-session.xml
    tiles "$nl" praatplaat A0 A4 --session "$marks"
    run "$BIN" render "$nl" --sheet praatplaat --paper A0 --session "$marks" -o "$SCRATCH/poster.pdf"
    expect_rc 0
    DPI=101.6 # four pixels per millimetre: the codes' modules are wide enough to read
    stitch A0 A4 6 10
    "$PHOTO_TOOL" "$SCRATCH/stitched.png" "$SCRATCH/photo.jpg" --long 4120 --rotate 7 --keystone 0.1 --noise 6 \
        --shade 0.2 --quality 70 || die "pp_photo failed"
    run "$BIN" scan "$nl" "$SCRATCH/photo.jpg" -o "$SCRATCH/scanned.xml"
    expect_rc 0
    # Nothing wrong; a box that an alignment cross of the tiles falls in reads as a faint mark and
    # is reported uncertain (the crosses are printed ink): at most one such box here.
    python3 "$SRC/tests/e2e/scancompare.py" "$marks" "$SCRATCH/scanned.xml" "$SCRATCH/stderr" safe ||
        fail "the photo of the assembled tiles does not scan to the session's marks"
    expect_in "$SCRATCH/stderr" "$(grep -q ' 1 uncertain' "$SCRATCH/stderr" && echo 25 || echo 26) group(s) read"
    grep -v "a faint mark" "$SCRATCH/stderr" | grep -q "uncertain:" && fail "uncertain for another reason than a cross"
    ;;
text)
    tiles "$nl" praatplaat A0 A4
    pages=$(pdf_field "$SCRATCH/tiles.pdf" Pages)
    n=$((pages - 1))
    texts "$nl" praatplaat >"$SCRATCH/expected.txt"
    python3 "$E2E_LIB_DIR/tiletext.py" "$SCRATCH/expected.txt" "$SCRATCH/tiles.pdf" 2 "$pages" ||
        fail "statements or labels missing from the tiles' text layer"
    rows=ABCDEFGHIJ
    # The last tile's label gives the number of columns.
    cols=$(pdftotext -enc UTF-8 -f "$pages" -l "$pages" "$SCRATCH/tiles.pdf" - |
        sed -n "s/^[A-Z]\([0-9]*\) · $n \/ $n · .*/\1/p")
    [ -n "$cols" ] || die "the last tile has no line \"LABEL · $n / $n · …\""
    for ((i = 1; i <= n; i++)); do
        label="${rows:$(((i - 1) / cols)):1}$(((i - 1) % cols + 1))"
        pdftotext -enc UTF-8 -f $((i + 1)) -l $((i + 1)) "$SCRATCH/tiles.pdf" "$SCRATCH/page.txt"
        expect_in "$SCRATCH/page.txt" "$label · $i / $n · praatplaat A0" "page $((i + 1))"
        grep -qx "$label" "$SCRATCH/page.txt" || fail "page $((i + 1)) lacks its label $label on a line of its own"
        pdftotext -enc UTF-8 -f 1 -l 1 "$SCRATCH/tiles.pdf" "$SCRATCH/map.txt"
        expect_in "$SCRATCH/map.txt" "$label" "the map"
    done
    expect_in "$SCRATCH/map.txt" "PLAKSCHEMA: praatplaat A0 OP $n VELLEN A4" "the map"
    expect_in "$SCRATCH/map.txt" "paskruisjes" "the map"
    run "$BIN" render "$en" --sheet praatplaat --paper A0 --tile A4 -o "$SCRATCH/en.pdf"
    expect_rc 0
    pdftotext -enc UTF-8 -f 1 -l 1 "$SCRATCH/en.pdf" "$SCRATCH/map-en.txt"
    expect_in "$SCRATCH/map-en.txt" "ASSEMBLY MAP: praatplaat A0 ON $n SHEETS OF A4" "the English map"
    grep -q "PLAKSCHEMA\|paskruisjes" "$SCRATCH/map-en.txt" && fail "Dutch words on the English map"
    ;;
*) die "unknown case $CASE" ;;
esac
e2e_done
