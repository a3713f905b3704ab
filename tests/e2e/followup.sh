#!/usr/bin/env bash
# followup.sh BIN SRC SCRATCH CASE: the follow-up plaat's composition follows its content (issue 17).
#   cell-min  the 8-theme instrument at A0 continues its table on a second sheet so every answer cell
#             holds a 76 mm post-it; a layout that allows one page (pages-max 1) makes `check` fail
#             clearly, naming cell-min and pages-max, and `render` exit 1 (as for text that does not fit)
#   attention a session whose extra-attention marks on the praatplaat and the follow-up plaat disagree
#             for one theme gets one warning naming it from `check` and `render --session`, exit 0;
#             one where they agree gets none
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
eight=$SRC/tests/data/eight-themes.xml

case ${ARGS[0]} in
cell-min)
    run "$BIN" render "$eight" --sheet followup --paper A0 -o "$SCRATCH/a0.pdf"
    expect_rc 0
    expect_eq "$(pdf_field "$SCRATCH/a0.pdf" Pages)" 2 "pages of the 8-theme follow-up plaat at A0"
    qpdf --check "$SCRATCH/a0.pdf" >/dev/null || fail "qpdf --check a0.pdf"
    cp -r "$SRC/layouts" "$SCRATCH/layouts"
    # The A0 block's pages-max (the first after its cell-min) down to 1.
    sed -i '/<length name="cell-min" mm="76"\/>/{n;s/value="2"/value="1"/}' "$SCRATCH/layouts/followup.xml"
    grep -q 'cell-min" mm="76"/>' "$SCRATCH/layouts/followup.xml" || die "no A0 cell-min in the layout"
    run "$BIN" check "$eight" --sheet followup --paper A0 --layouts "$SCRATCH/layouts"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "eight-themes.xml:"
    expect_in "$SCRATCH/stderr" "error: the follow-up table's answer cells are"
    expect_in "$SCRATCH/stderr" "at least 76 mm (cell-min, a post-it) on at most 1 page(s) (pages-max)"
    run "$BIN" render "$eight" --sheet followup --paper A0 --layouts "$SCRATCH/layouts" -o "$SCRATCH/one.pdf"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "(cell-min, a post-it)"
    ;;
attention)
    nl=$SRC/content/samenwerking/nl.xml
    clash=$SRC/tests/data/attention-session.xml
    theme_line=$(grep -n '<theme ref="relatie"' "$clash" | cut -d: -f1)
    cell_line=$(grep -n '<row ref="relatie"' "$clash" | cut -d: -f1)
    want="attention-session.xml:$theme_line: warning: theme RELATIE: extra attention is JA on the praatplaat but NEE on the follow-up plaat (line $cell_line)"
    for cmd in check render; do
        out=()
        [ $cmd = render ] && out=(-o "$SCRATCH/clash.pdf")
        run "$BIN" $cmd "$nl" --session "$clash" --sheet followup --paper A3 "${out[@]}"
        expect_rc 0
        expect_in "$SCRATCH/stderr" "$want" "$cmd's stderr"
        expect_eq "$(grep -c 'extra attention' "$SCRATCH/stderr")" 1 "warnings of $cmd"
        run "$BIN" $cmd "$nl" --session "$SRC/tests/data/attention-agree-session.xml" --sheet followup \
            --paper A3 "${out[@]}"
        expect_rc 0
        if grep -q 'extra attention' "$SCRATCH/stderr"; then
            fail "$cmd warns although the marks agree: $(cat "$SCRATCH/stderr")"
        fi
    done
    [ -s "$SCRATCH/clash.pdf" ] || fail "render --session wrote no PDF"
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
