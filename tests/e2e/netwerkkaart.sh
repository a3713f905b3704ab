#!/usr/bin/env bash
# netwerkkaart.sh BIN SRC SCRATCH CASE: the second instrument's family on the command line (#16).
#   check        `check` of content/netwerkkaart/nl.xml: exit 0, all text fits
#   all          `render --sheet all`: the netwerkkaart, the kaartjes and the guide, and no sheet of the other
#                family
#   other-family `render --sheet praatplaat` of it, and `--sheet netwerkkaart` of the VO-raad content:
#                FILE:LINE: error:, exit 1, nothing written
#   duplex       `render --sheet kaartjes --duplex`: twice the pages, every card's name on a front and a back
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
nk=$SRC/content/netwerkkaart/nl.xml
vo=$SRC/content/samenwerking/nl.xml
out=$SCRATCH/out.pdf

case ${ARGS[0]} in
check)
    run "$BIN" check "$nk"
    expect_rc 0
    expect_in "$SCRATCH/stdout" "all text fits" "stdout of check"
    ;;
all)
    run "$BIN" render "$nk" --sheet all --paper A3 -o "$out"
    expect_rc 0
    pdftotext -enc UTF-8 -f 1 -l 1 "$out" "$SCRATCH/p1.txt"
    texts "$nk" netwerkkaart >"$SCRATCH/map.txt"
    python3 "$E2E_LIB_DIR/contains.py" "$SCRATCH/map.txt" "$SCRATCH/p1.txt" || fail "page 1 is not the netwerkkaart"
    texts "$nk" guide >"$SCRATCH/guide.txt"
    texts "$nk" kaartjes >>"$SCRATCH/guide.txt"
    expect_texts "$SCRATCH/guide.txt" "$out"
    ;;
other-family)
    run "$BIN" render "$nk" --sheet praatplaat -o "$out"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "$nk:" "stderr of render --sheet praatplaat"
    expect_in "$SCRATCH/stderr" "not one of this instrument's" "stderr of render --sheet praatplaat"
    [ ! -e "$out" ] || fail "a PDF was written"
    run "$BIN" render "$vo" --sheet netwerkkaart -o "$out"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "not one of this instrument's" "stderr of render --sheet netwerkkaart"
    [ ! -e "$out" ] || fail "a PDF was written"
    ;;
duplex)
    run "$BIN" render "$nk" --sheet kaartjes -o "$SCRATCH/front.pdf"
    expect_rc 0
    run "$BIN" render "$nk" --sheet kaartjes --duplex -o "$out"
    expect_rc 0
    expect_eq "$(pdf_field "$out" Pages)" "$((2 * $(pdf_field "$SCRATCH/front.pdf" Pages)))" "pages with --duplex"
    pdftotext -enc UTF-8 -f 2 -l 2 "$out" "$SCRATCH/back.txt"
    grep -qF Actoreninventaris "$SCRATCH/back.txt" || fail "the first back page has no card name"
    run qpdf --check "$out"
    expect_rc 0
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
