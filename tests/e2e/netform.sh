#!/usr/bin/env bash
# Fillable forms of the network map (docs/forms.md, "A network map"): render --form on the netwerkkaart
# and import. Cases:
#   identity   forms pre-filled with samples/scheldeoever-2026-11-netwerkkaart.xml (nl A3, en A1 portrait,
#              nl A4 --sheet all) import into a valid session equal to the sample partner by partner
#              (kind, ring, name, note, marks, answers), link by link and in its notes (canon.py); the
#              imported session's report and map have the sample's text layer and pixels, and every
#              partner name and answer of the sample is in the report's text
#   fill-mutool  every field of a blank A3 form (--sheet all) filled by MuPDF (fill.js: two partners per
#              cell with note, marks and an answer, a link per cell, 300 words in one note): import gives
#              a valid session holding exactly what qpdf reads from the filled form; its report has every
#              marker word in its text
#   fill-poppler PP_FILL_POPPLER  the same, filled by poppler-glib as Evince and Okular do
#   papers     the same field names at A4, A3 (both orientations), A1, A0, nl and en, --sheet all or
#              netwerkkaart; the hidden field names the instrument; an English form imports with the Dutch
#              content; --form on the kaartjes alone is refused
#   spellings  what a note-taker types: "--" between linked names, "x2" for ×2, a role's words for its id,
#              any case in a link's names; "[leraren]" alone a role's mark, "[leraren] text" the answer on
#              the card "leraren", "[gelegenheid]" alone an answer on the next lines
#   blank      a blank form draws exactly like the blank sheet (poppler and MuPDF), no border colours
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/netwerkkaart/nl.xml
sample=$SRC/samples/scheldeoever-2026-11-netwerkkaart.xml

# form_ok and import_ok: tests/e2e/lib.sh
# text_of PDF OUT: the PDF's text layer, soft hyphens dropped.
text_of() {
    pdftotext -enc UTF-8 "$1" "$2"
    sed -i 's/\xc2\xad-\?//g' "$2"
}

identity() { # NAME RENDER-ARGS...
    local name=$1
    shift
    form_ok "$SCRATCH/$name.pdf" "$@" --session "$sample"
    import_ok "$SCRATCH/$name.pdf" "$SCRATCH/$name.xml"
    # the session's language is the form's (an English form gives an English session)
    python3 "$E2E_LIB_DIR/canon.py" "$SCRATCH/$name.xml" | grep -v '^lang=' >"$SCRATCH/$name.txt"
    grep -v '^lang=' "$SCRATCH/want.txt" | diff - "$SCRATCH/$name.txt" >"$SCRATCH/$name.diff" ||
        fail "$name: the imported session differs from the sample: $(head -20 "$SCRATCH/$name.diff")"
}

# roundtrip FILLER...: fill a blank A3 form (--sheet all), import, compare, render the report.
roundtrip() {
    form_fill_import "$(printf 'B&W <zorg> "citaat" \xe2\x80\x98enkel\xe2\x80\x99 \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 Diyarbak\xc4\xb1r')" "$@"
    n=$(grep -c "<partner " "$SCRATCH/session.xml")
    [ "$n" -eq 42 ] || fail "$n partners imported, not 2 in each of 21 cells"
    [ "$(grep -c "<link " "$SCRATCH/session.xml")" -eq 21 ] || fail "not a link per cell"
    [ "$(grep -c '<priority role="role.leraren" count="2"/>' "$SCRATCH/session.xml")" -eq 21 ] || fail "marks lost"
    [ "$(grep -c '<answer card="actoren">' "$SCRATCH/session.xml")" -eq 21 ] || fail "answers lost"
    while read -r m; do
        grep -qw "$m" "$SCRATCH/session.xml" || { fail "marker $m is not in the session"; break; }
    done <"$SCRATCH/markers.txt"
    form_ok "$SCRATCH/again.pdf" "$content" --session "$SCRATCH/session.xml" --sheet all --paper A3
    python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/again.pdf" >"$SCRATCH/again.txt"
    diff "$SCRATCH/filled.txt" "$SCRATCH/again.txt" >"$SCRATCH/diff.txt" ||
        fail "the imported session differs from the filled form: $(head -10 "$SCRATCH/diff.txt")"
    run "$BIN" render "$content" --session "$SCRATCH/session.xml" --sheet report -o "$SCRATCH/report.pdf"
    expect_rc 0
    text_of "$SCRATCH/report.pdf" "$SCRATCH/report.txt"
    python3 "$E2E_LIB_DIR/markers.py" "$SCRATCH/markers.txt" "$SCRATCH/report.txt" ||
        fail "markers missing from the report"
}
mutool_fill() { mutool run "$E2E_LIB_DIR/fill.js" "$1" "$2" mut "$3" role.leraren actoren; }
poppler_fill() { "${ARGS[1]}" "$1" "$2" pop "$3" role.leraren actoren; }

case ${ARGS[0]} in
identity)
    python3 "$E2E_LIB_DIR/canon.py" "$sample" >"$SCRATCH/want.txt"
    [ "$(grep -c '^partner\..*\.name=' "$SCRATCH/want.txt")" -eq 21 ] || die "canon.py does not see the sample's 21 partners"
    [ "$(grep -c '^link=' "$SCRATCH/want.txt")" -eq 6 ] || die "canon.py does not see the sample's 6 links"
    identity nl-A3 "$content" --sheet netwerkkaart --paper A3
    identity en-A1 "$SRC/content/netwerkkaart/en.xml" --sheet netwerkkaart --paper A1 --portrait
    identity all-A4 "$content" --sheet all --paper A4
    # Pre-filled text carries its own appearance.
    mutool draw -q -F txt -o "$SCRATCH/form.txt" "$SCRATCH/nl-A3.pdf" 2>/dev/null || true
    grep -qF "CLB Waasland" "$SCRATCH/form.txt" || fail "the pre-filled partners have no appearance"
    # The imported session draws the sample's report and map.
    for s in sample imported; do
        f=$sample
        [ $s = imported ] && f=$SCRATCH/nl-A3.xml
        run "$BIN" render "$content" --session "$f" --sheet report -o "$SCRATCH/report-$s.pdf"
        expect_rc 0
        text_of "$SCRATCH/report-$s.pdf" "$SCRATCH/report-$s.txt"
        "$BIN" render "$content" --session "$f" --sheet netwerkkaart --paper A3 -o "$SCRATCH/map-$s.pdf" ||
            fail "the map of the $s session does not render"
        pdftoppm -r 36 -png -singlefile "$SCRATCH/map-$s.pdf" "$SCRATCH/map-$s"
    done
    diff -q "$SCRATCH/report-sample.txt" "$SCRATCH/report-imported.txt" >/dev/null ||
        fail "the report of the imported session differs in its text from the sample's"
    cmp -s "$SCRATCH/map-sample.png" "$SCRATCH/map-imported.png" ||
        fail "the map of the imported session differs from the sample's"
    sed -n 's/^partner\.[^=]*\.\(name\|answer\.[^=]*\)=//p' "$SCRATCH/want.txt" >"$SCRATCH/expected.txt"
    [ "$(wc -l <"$SCRATCH/expected.txt")" -eq 30 ] || die "expected 21 names and 9 answers"
    python3 "$E2E_LIB_DIR/contains.py" "$SCRATCH/expected.txt" "$SCRATCH/report-imported.txt" ||
        fail "a partner's name or answer is missing from the report"
    ;;
fill-mutool) roundtrip mutool_fill ;;
fill-poppler) roundtrip poppler_fill ;;
papers)
    form_ok "$SCRATCH/ref.pdf" "$content" --sheet netwerkkaart --paper A3
    python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/ref.pdf" names >"$SCRATCH/ref.txt"
    [ "$(wc -l <"$SCRATCH/ref.txt")" -eq 27 ] || fail "not 21 cells, 5 other fields and the hidden one: $(wc -l <"$SCRATCH/ref.txt")"
    grep -qx $'partners:kind:zorg:ring:near\ttext' "$SCRATCH/ref.txt" || fail "no field partners:kind:zorg:ring:near"
    for lang in nl en; do
        for args in "--paper A4" "--paper A3 --portrait" "--paper A1" "--paper A0 --portrait" "--sheet all --paper A3"; do
            f=$SCRATCH/$lang-${args// /_}.pdf
            # shellcheck disable=SC2086
            form_ok "$f" "$SRC/content/netwerkkaart/$lang.xml" --sheet netwerkkaart $args
            python3 "$E2E_LIB_DIR/formvalues.py" "$f" names | diff -q "$SCRATCH/ref.txt" - >/dev/null ||
                fail "the field names of $lang $args differ from nl at A3"
        done
    done
    python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/en---paper_A1.pdf" >"$SCRATCH/en.values" # no pipe: grep -q may end it early
    grep -qx $'praatplaat-form\tpraatplaat-form 1 netwerkkaart en' "$SCRATCH/en.values" ||
        fail "the hidden field does not name instrument and language"
    run "$BIN" import "$content" "$SCRATCH/en---paper_A1.pdf" -o "$SCRATCH/en.xml"
    expect_rc 0
    run "$BIN" render "$content" --sheet kaartjes --form -o "$SCRATCH/kaartjes.pdf"
    expect_rc 2
    [ -e "$SCRATCH/kaartjes.pdf" ] && fail "a refused form was written"
    ;;
spellings)
    form_ok "$SCRATCH/blank.pdf" "$content" --sheet netwerkkaart --paper A3
    mutool run "$E2E_LIB_DIR/setfield.js" "$SCRATCH/blank.pdf" "$SCRATCH/a.pdf" partners:kind:zorg:ring:near \
        '"CLB Waasland — Temse\nwekelijks\n[leraren x2] [ROLE.DIRECTIE*3]\n[actoren] eerste\nregel\n\nHuis van het Kind\n[Leraren]\n[leraren] Zij leren\n[gelegenheid]\nop de\nvergadering"' ||
        die "mutool failed"
    mutool run "$E2E_LIB_DIR/setfield.js" "$SCRATCH/a.pdf" "$SCRATCH/b.pdf" links '"clb waasland — temse -- Huis van het Kind"' ||
        die "mutool failed"
    import_ok "$SCRATCH/b.pdf" "$SCRATCH/s.xml"
    python3 "$E2E_LIB_DIR/canon.py" "$SCRATCH/s.xml" >"$SCRATCH/got.txt"
    for want in 'partner.kind.zorg.ring.near.CLB Waasland — Temse#1.name=CLB Waasland — Temse' \
        'partner.kind.zorg.ring.near.CLB Waasland — Temse#1.note=wekelijks' \
        'partner.kind.zorg.ring.near.CLB Waasland — Temse#1.priority.role.leraren=2' \
        'partner.kind.zorg.ring.near.CLB Waasland — Temse#1.priority.role.directie=3' \
        'partner.kind.zorg.ring.near.CLB Waasland — Temse#1.answer.actoren=eerste\nregel' \
        'partner.kind.zorg.ring.near.Huis van het Kind#1.name=Huis van het Kind' \
        'partner.kind.zorg.ring.near.Huis van het Kind#1.priority.role.leraren=1' \
        'partner.kind.zorg.ring.near.Huis van het Kind#1.answer.leraren=Zij leren' \
        'partner.kind.zorg.ring.near.Huis van het Kind#1.answer.gelegenheid=op de\nvergadering' \
        'link=CLB Waasland — Temse | Huis van het Kind'; do
        grep -qxF "$want" "$SCRATCH/got.txt" || fail "not read: $want"
    done
    ;;
blank)
    "$BIN" render "$content" --sheet all --paper A3 -o "$SCRATCH/plain.pdf" || die "plain render failed"
    form_ok "$SCRATCH/form.pdf" "$content" --sheet all --paper A3
    [ "$(pdfinfo "$SCRATCH/plain.pdf" | sed -n 's/^Pages: *//p')" = "$(pdfinfo "$SCRATCH/form.pdf" | sed -n 's/^Pages: *//p')" ] ||
        fail "the form has another number of pages than the sheet"
    pdftoppm -r 36 -png "$SCRATCH/plain.pdf" "$SCRATCH/plain"
    pdftoppm -r 36 -png "$SCRATCH/form.pdf" "$SCRATCH/form"
    mutool draw -q -r 36 -o "$SCRATCH/mu-form-%d.png" "$SCRATCH/form.pdf" 2>/dev/null
    mutool draw -q -r 36 -o "$SCRATCH/mu-plain-%d.png" "$SCRATCH/plain.pdf" 2>/dev/null
    n=0
    for f in "$SCRATCH"/plain-*.png; do
        i=${f##*-}
        n=$((n + 1))
        cmp -s "$f" "$SCRATCH/form-$i" || fail "page ${i%.png} of the blank form differs from the sheet (poppler)"
    done
    for f in "$SCRATCH"/mu-plain-*.png; do
        cmp -s "$f" "${f/mu-plain/mu-form}" || fail "$(basename "$f") of the blank form differs from the sheet (MuPDF)"
    done
    [ "$n" -ge 3 ] || fail "only $n pages compared"
    qpdf --qdf --object-streams=disable "$SCRATCH/form.pdf" "$SCRATCH/qdf.pdf"
    grep -aq "/BC\|/BG" "$SCRATCH/qdf.pdf" && fail "a widget has a border or background colour"
    grep -aq "/FontFile3" "$SCRATCH/qdf.pdf" || fail "the typed text's font is not embedded"
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
