#!/usr/bin/env bash
# radial.sh BIN SRC SCRATCH CASE: the radial praatplaat's composition (issue 17).
#   CASE a content name (tests/data/NAME.xml, or nl for the shipped one): `check` passes at A4, A3,
#        A1 and A0, landscape and portrait; at A3 landscape and A0 portrait the PDF's text layer holds
#        every statement, numbered, in the content's order.
#   figures: `check --verbose` of the shipped instrument at A0 landscape reports statements of at
#        least 22 pt and panels and ring over at least 55% of the area inside the margins.
#   overflow: a statement too long for any row fails `check` with its id, and render still writes.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
case=${ARGS[0]}
nl=$SRC/content/samenwerking/nl.xml

case $case in
figures)
    run "$BIN" check "$nl" --sheet praatplaat --paper A0 --landscape --verbose
    expect_rc 0
    cat "$SCRATCH/stdout"
    pt=$(sed -n 's/.*statements \([0-9.]*\) pt.*/\1/p' "$SCRATCH/stdout")
    cover=$(sed -n 's/.*cover \([0-9.]*\)% of the area inside the margins.*/\1/p' "$SCRATCH/stdout")
    [ -n "$pt" ] && [ -n "$cover" ] || die "check --verbose gives no statement size or coverage"
    awk -v v="$pt" 'BEGIN { exit !(v >= 22) }' || fail "statements at $pt pt at A0, want 22 or more"
    awk -v v="$cover" 'BEGIN { exit !(v >= 55) }' || fail "panels and ring cover $cover%, want 55% or more"
    run "$BIN" check "$nl" --sheet praatplaat --paper A0
    [ "$(grep -c 'cover' "$SCRATCH/stdout" || true)" -eq 0 ] || fail "check without --verbose prints the figures"
    ;;
overflow)
    long=$(printf 'Een uitspraak die veel te lang is voor elke rij op de plaat. %.0s' $(seq 1 120))
    python3 - "$nl" "$SCRATCH/long.xml" "$long" <<'PY'
import sys
src, out, long = sys.argv[1:]
s = open(src, encoding="utf-8").read()
a = s.index('<statement id="relatie.2">')
b = s.index("</statement>", a)
open(out, "w", encoding="utf-8").write(s[:a] + '<statement id="relatie.2">' + long + s[b:])
PY
    run "$BIN" check "$SCRATCH/long.xml" --sheet praatplaat --paper A3
    expect_rc 1
    expect_in "$SCRATCH/stderr" "(id relatie.2) does not fit praatplaat box \"statement\""
    [ "$(grep -c 'error:' "$SCRATCH/stderr")" -eq 1 ] || fail "more than the one statement reported"
    run "$BIN" render "$SCRATCH/long.xml" --sheet praatplaat --paper A3 -o "$SCRATCH/long.pdf"
    expect_rc 1
    [ -s "$SCRATCH/long.pdf" ] || fail "no PDF written for a sheet with one text too long"
    ;;
*)
    content=$SRC/tests/data/$case.xml
    [ "$case" = nl ] && content=$nl
    for paper in A4 A3 A1 A0; do
        for o in --landscape --portrait; do
            run "$BIN" check "$content" --sheet praatplaat --paper "$paper" "$o"
            expect_rc 0
        done
    done
    for po in "A3 --landscape" "A0 --portrait"; do
        read -r paper o <<<"$po"
        pdf=$SCRATCH/praatplaat-$paper$o.pdf
        run "$BIN" render "$content" --sheet praatplaat --paper "$paper" "$o" -o "$pdf"
        expect_rc 0
        pdftotext -raw -enc UTF-8 "$pdf" "$SCRATCH/pdf.txt"
        python3 "$E2E_LIB_DIR/inorder.py" "$content" "$SCRATCH/pdf.txt" ||
            fail "statements of $paper $o out of order or missing (see above)"
    done
    ;;
esac
e2e_done
