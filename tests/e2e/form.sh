#!/usr/bin/env bash
# Fillable forms (issue #12): render --form and import. Cases:
#   identity        a form pre-filled with samples/zuidrand-2026-10.xml, imported unchanged, gives back a
#                   session equal to the sample (tests/e2e/canon.py, field by field)
#   fill-poppler    every field of an A3 form filled by poppler-glib (as Evince/Okular do), or
#   fill-mutool     by MuPDF (`mutool run fill.js`, saved incrementally): import gives a valid session
#                   holding exactly what qpdf reads from the filled form (special characters, a
#                   300-word text); the report of it has every marker word in its text
#   papers          forms at A4, A3, A0 in Dutch and English and of tests/data/arabic.xml: the same
#                   field names everywhere, qpdf --check clean, the hidden field names the instrument
#   blank           a blank form draws exactly like the blank sheet (poppler and MuPDF)
#   reproducible    the same input gives the same bytes, blank and pre-filled
#   refimage IMGDIFF  the A3 form pre-filled with the zuidrand sample as MuPDF draws it (`mutool draw`
#                   renders widgets) matches tests/ref/form-zuidrand-mupdf-A3-pN.png (pp_imgdiff,
#                   0.2% of pixels); PP_UPDATE_REFS=1 writes the references instead
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/samenwerking/nl.xml
sample=$SRC/samples/zuidrand-2026-10.xml
fill_poppler=${ARGS[1]:-}

# form_ok and import_ok: tests/e2e/lib.sh
# roundtrip FILLER...: fill a blank A3 form, import, compare, render the report.
roundtrip() {
    form_fill_import "$(printf 'B&W <zorg> "citaat" \xe2\x80\x98enkel\xe2\x80\x99 \xf0\x9f\x98\x80 \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 Diyarbak\xc4\xb1r')" "$@"
    # The session, made a form again, holds exactly what the filled form held.
    form_ok "$SCRATCH/again.pdf" "$content" --session "$SCRATCH/session.xml" --sheet all --paper A3
    python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/again.pdf" >"$SCRATCH/again.txt"
    diff "$SCRATCH/filled.txt" "$SCRATCH/again.txt" >"$SCRATCH/diff.txt" ||
        fail "the imported session differs from the filled form: $(head -10 "$SCRATCH/diff.txt")"
    # The report draws every answer: a missing emoji glyph is the only problem allowed.
    run "$BIN" render "$content" --session "$SCRATCH/session.xml" --sheet report -o "$SCRATCH/report.pdf"
    if [ "$RC" -ne 0 ] && grep -v $'\xf0\x9f\x98\x80' "$SCRATCH/stderr" | grep -q .; then expect_rc 0; fi
    pdftotext -enc UTF-8 "$SCRATCH/report.pdf" "$SCRATCH/report.txt"
    sed -i 's/\xc2\xad-\?//g' "$SCRATCH/report.txt"
    python3 "$E2E_LIB_DIR/markers.py" "$SCRATCH/markers.txt" "$SCRATCH/report.txt" ||
        fail "markers missing from the report"
}

poppler_fill() { "$fill_poppler" "$1" "$2" pop "$3"; }
mutool_fill() { mutool run "$E2E_LIB_DIR/fill.js" "$1" "$2" mut "$3"; }

case ${ARGS[0]} in
identity)
    form_ok "$SCRATCH/form.pdf" "$content" --session "$sample" --sheet all --paper A3
    import_ok "$SCRATCH/form.pdf" "$SCRATCH/session.xml"
    python3 "$E2E_LIB_DIR/canon.py" "$sample" >"$SCRATCH/want.txt"
    python3 "$E2E_LIB_DIR/canon.py" "$SCRATCH/session.xml" >"$SCRATCH/got.txt"
    diff "$SCRATCH/want.txt" "$SCRATCH/got.txt" >"$SCRATCH/diff.txt" ||
        fail "the imported session differs from the sample: $(head -20 "$SCRATCH/diff.txt")"
    # Pre-filled text carries its own appearance: what a reader shows without regenerating it.
    mutool draw -q -F txt -o "$SCRATCH/form.txt" "$SCRATCH/form.pdf" 2>/dev/null || true
    grep -qF "Onderwijsalliantie Zuidrand" "$SCRATCH/form.txt" ||
        fail "the pre-filled partnership has no appearance"
    # The form of one sheet holds that sheet's fields only, and imports too.
    form_ok "$SCRATCH/followup.pdf" "$content" --session "$sample" --sheet followup --paper A4
    import_ok "$SCRATCH/followup.pdf" "$SCRATCH/followup.xml"
    grep -q "<statement" "$SCRATCH/followup.xml" && fail "a follow-up form gave statements"
    grep -q "Stuurgroep 20 januari 2027" "$SCRATCH/followup.xml" || fail "a follow-up cell is missing"
    ;;
fill-poppler) roundtrip poppler_fill ;;
fill-mutool) roundtrip mutool_fill ;;
papers)
    form_ok "$SCRATCH/ref.pdf" "$content" --sheet all --paper A3
    python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/ref.pdf" names >"$SCRATCH/ref.txt"
    [ "$(wc -l <"$SCRATCH/ref.txt")" -gt 80 ] || fail "too few fields: $(wc -l <"$SCRATCH/ref.txt")"
    for lang in nl en; do
        for paper in A4 A3 A0; do
            f=$SCRATCH/$lang-$paper.pdf
            form_ok "$f" "$SRC/content/samenwerking/$lang.xml" --sheet all --paper "$paper"
            python3 "$E2E_LIB_DIR/formvalues.py" "$f" names | diff -q "$SCRATCH/ref.txt" - >/dev/null ||
                fail "the field names of $lang at $paper differ from nl at A3"
        done
    done
    form_ok "$SCRATCH/landscape.pdf" "$content" --sheet praatplaat --paper A3 --landscape
    form_ok "$SCRATCH/ar.pdf" "$SRC/tests/data/arabic.xml" --sheet all --paper A3
    python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/ar.pdf" names | diff -q "$SCRATCH/ref.txt" - >/dev/null ||
        fail "the field names of the Arabic form differ"
    python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/ar.pdf" >"$SCRATCH/ar.values" # no pipe: grep -q may end it early
    grep -qx $'praatplaat-form\tpraatplaat-form 1 samenwerking ar' "$SCRATCH/ar.values" ||
        fail "the hidden field does not name instrument and language"
    # An English form imports with the Dutch content: the same instrument.
    run "$BIN" import "$content" "$SCRATCH/en-A4.pdf" -o "$SCRATCH/en.xml"
    expect_rc 0
    ;;
blank)
    "$BIN" render "$content" --sheet all --paper A3 -o "$SCRATCH/plain.pdf" || die "plain render failed"
    form_ok "$SCRATCH/form.pdf" "$content" --sheet all --paper A3
    pdftoppm -r 36 -png "$SCRATCH/plain.pdf" "$SCRATCH/plain"
    pdftoppm -r 36 -png "$SCRATCH/form.pdf" "$SCRATCH/form"
    mutool draw -q -r 36 -o "$SCRATCH/mu-form-%d.png" "$SCRATCH/form.pdf" 2>/dev/null
    mutool draw -q -r 36 -o "$SCRATCH/mu-plain-%d.png" "$SCRATCH/plain.pdf" 2>/dev/null
    for i in 1 2 3 4; do
        cmp -s "$SCRATCH/plain-$i.png" "$SCRATCH/form-$i.png" || fail "page $i of the blank form differs from the sheet (poppler)"
        cmp -s "$SCRATCH/mu-plain-$i.png" "$SCRATCH/mu-form-$i.png" || fail "page $i of the blank form differs from the sheet (MuPDF)"
    done
    # No border or background colours for readers to draw, no ZapfDingbats.
    qpdf --qdf --object-streams=disable "$SCRATCH/form.pdf" "$SCRATCH/qdf.pdf"
    grep -aq "/BC\|/BG" "$SCRATCH/qdf.pdf" && fail "a widget has a border or background colour"
    grep -aq "ZapfDingbats\|/ZaDb" "$SCRATCH/qdf.pdf" && fail "the form uses ZapfDingbats"
    grep -aq "/FontFile3" "$SCRATCH/qdf.pdf" || fail "the typed text's font is not embedded"
    ;;
reproducible)
    for i in 1 2; do
        "$BIN" render "$content" --sheet all --paper A3 --form -o "$SCRATCH/blank$i.pdf"
        "$BIN" render "$content" --sheet all --paper A3 --form --session "$sample" -o "$SCRATCH/filled$i.pdf"
    done
    cmp -s "$SCRATCH/blank1.pdf" "$SCRATCH/blank2.pdf" || fail "two blank forms differ"
    cmp -s "$SCRATCH/filled1.pdf" "$SCRATCH/filled2.pdf" || fail "two pre-filled forms differ"
    ;;
refimage)
    imgdiff=${ARGS[1]}
    form_ok "$SCRATCH/form.pdf" "$content" --session "$sample" --sheet all --paper A3
    mutool draw -q -r 40 -o "$SCRATCH/form-zuidrand-mupdf-A3-p%d.png" "$SCRATCH/form.pdf" 1-2 2>/dev/null ||
        die "mutool draw failed"
    for i in 1 2; do
        page=form-zuidrand-mupdf-A3-p$i
        if [ "${PP_UPDATE_REFS:-}" = 1 ]; then
            cp "$SCRATCH/$page.png" "$SRC/tests/ref/$page.png"
            continue
        fi
        "$imgdiff" "$SRC/tests/ref/$page.png" "$SCRATCH/$page.png" --fraction 0.002 --diff "$SCRATCH/$page-diff.png" ||
            fail "page $i differs from tests/ref/$page.png (candidate and diff in $SCRATCH)"
    done
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
