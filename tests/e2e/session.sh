#!/usr/bin/env bash
# session.sh BIN SRC SCRATCH CASE: sessions (docs/session-format.md), one case per ctest.
#   template        the template of the Dutch content validates, holds every id, the words as comments
#   markers-short   a template filled with one marker word per field: every marker in the PDF's text
#   markers-long    120 marker words per field: continuation pages, every marker still in the text
#   report          the report of a sample: A4, metadata, bookmarks, reading order, qpdf clean
#   english         the same sample with the English content: the record's words are English
#   report-paper    the report is A4 or A3 only, and needs --session
#   samples         both samples render every sheet at A3 and A0 with every session text in the PDF
#   invalid FILE    tests/data/invalid-session/FILE: exit 1, FILE:LINE: error: as EXPECT says, no output
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/samenwerking/nl.xml
schema=$SRC/schemas/session.rng
out=$SCRATCH/out.pdf

# render_ok ARGS...: a render that must succeed and give a structurally valid PDF.
render_ok() {
    run "$BIN" render "$@"
    expect_rc 0
    qpdf --check "${@: -1}" >/dev/null 2>&1 || fail "qpdf --check fails on ${*: -1}"
}

# markers WORDS PAPER: fills the template with WORDS markers per field and renders all and report.
markers() {
    "$BIN" template "$content" -o "$SCRATCH/template.xml" || die "template failed"
    python3 "$E2E_LIB_DIR/fill.py" "$SCRATCH/template.xml" "$SCRATCH/filled.xml" "$SCRATCH/markers.txt" "$1"
    xmllint --noout --relaxng "$schema" "$SCRATCH/filled.xml" 2>"$SCRATCH/xmllint" ||
        fail "the filled template does not validate: $(cat "$SCRATCH/xmllint")"
    for sheet in all report; do
        render_ok "$content" --session "$SCRATCH/filled.xml" --sheet "$sheet" --paper "$2" -o "$SCRATCH/$sheet.pdf"
        pdftotext -enc UTF-8 "$SCRATCH/$sheet.pdf" "$SCRATCH/$sheet.txt"
        python3 "$E2E_LIB_DIR/markers.py" "$SCRATCH/markers.txt" "$SCRATCH/$sheet.txt" ||
            fail "markers missing from the $sheet PDF"
    done
}

# appendix_refs PDF: the numbers n of "→ bijlage n" in the sheets, and of the "BIJLAGE n" headings.
appendix_refs() { pdftotext -enc UTF-8 "$1" - | sed 's/\xc2\xa0/ /g' | grep -o 'bijlage [0-9]*' | sort -u | sed 's/bijlage //' | sort -n; }
appendix_heads() { pdftotext -enc UTF-8 "$1" - | tr '\f' '\n' | grep -o '^BIJLAGE [0-9]*' | sed 's/BIJLAGE //' | sort -n; }

case ${ARGS[0]} in
template)
    run "$BIN" template "$content" -o "$SCRATCH/template.xml"
    expect_rc 0
    xmllint --noout --relaxng "$schema" "$SCRATCH/template.xml" 2>"$SCRATCH/xmllint" ||
        fail "template does not validate: $(cat "$SCRATCH/xmllint")"
    for id in $(grep -o 'id="[a-z]*\.[0-9]*"' "$content" | sed 's/id="//; s/"//'); do
        grep -q "<statement ref=\"$id\"" "$SCRATCH/template.xml" || fail "statement $id missing from the template"
    done
    expect_in "$SCRATCH/template.xml" "<!-- We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke ambitie is. -->"
    expect_in "$SCRATCH/template.xml" '<row ref="other">'
    # An untouched template is a valid, empty session: it renders the blank sheets.
    render_ok "$content" --session "$SCRATCH/template.xml" --sheet all -o "$out"
    expect_eq "$(pdf_field "$out" Pages)" 4 "pages of an empty session (no continuation pages)"
    ;;
markers-short) markers 1 A3 ;;
markers-long)
    markers 120 A3
    refs=$(appendix_refs "$SCRATCH/all.pdf" | tr '\n' ' ')
    heads=$(appendix_heads "$SCRATCH/all.pdf" | tr '\n' ' ')
    [ -n "$refs" ] || fail "120 words per field gave no continuation reference"
    expect_eq "$heads" "$refs" "continuation headings vs references in the sheets"
    [ "$(pdf_field "$SCRATCH/all.pdf" Pages)" -gt 4 ] || fail "no continuation pages"
    ;;
report)
    sample=$SRC/samples/zuidrand-2026-10.xml
    render_ok "$content" --session "$sample" --sheet report -o "$out"
    expect_eq "$(pdf_field "$out" 'Page size' | sed 's/ (.*//')" "595.276 x 841.89 pts" "report paper (A4 by default)"
    expect_in <(pdf_field "$out" Title) "Onderwijsalliantie Zuidrand" "PDF title"
    expect_in <(pdf_field "$out" Title) "13 oktober 2026" "PDF title"
    expect_eq "$(pdf_field "$out" Subject)" "VERSLAG VAN DE REFLECTIE" "PDF subject"
    expect_in <(pdf_field "$out" Keywords) "AMBITIE" "PDF keywords"
    qpdf --json=2 --json-key=outlines "$out" >"$SCRATCH/outlines.json"
    for title in "VERSLAG VAN DE REFLECTIE" "PRAATPLAAT" "FOLLOW-UP PLAAT" "BIJLAGEN"; do
        expect_in "$SCRATCH/outlines.json" "\"title\": \"$title\"" outlines
    done
    # Reading order of the summary: title, partnership, participants, then the themes in order.
    pdftotext -enc UTF-8 -f 1 -l 2 "$out" "$SCRATCH/p1.txt" # the post-its push BELANGEN to page 2
    python3 - "$SCRATCH/p1.txt" <<'PY' || fail "summary page not in reading order"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
order = ["VERSLAG VAN DE REFLECTIE", "Onderwijsalliantie Zuidrand", "13 oktober 2026", "Fatima el Amrani", "AMBITIE", "BELANGEN"]
pos = [t.find(s) for s in order]
print(pos)
sys.exit(0 if all(p >= 0 for p in pos) and pos == sorted(pos) else 1)
PY
    render_ok "$content" --session "$sample" --sheet report --paper A3 -o "$SCRATCH/a3.pdf"
    expect_eq "$(pdf_field "$SCRATCH/a3.pdf" 'Page size' | sed 's/ (.*//')" "841.89 x 1190.55 pts" "report at A3"
    ;;
english)
    # One session, another language: the record's words come from the English content.
    render_ok "$SRC/content/samenwerking/en.xml" --session "$SRC/samples/zuidrand-2026-10.xml" --sheet report -o "$out"
    pdftotext -enc UTF-8 "$out" "$SCRATCH/en.txt"
    expect_in "$SCRATCH/en.txt" "REPORT OF THE REFLECTION"
    expect_in "$SCRATCH/en.txt" "13 October 2026"
    expect_in <(sed 's/\xc2\xa0/ /g' "$SCRATCH/en.txt") "→ appendix 1"
    for dutch in "VERSLAG VAN DE REFLECTIE" "bijlage" "BIJLAGE" "oktober" "OPMERKING BIJ"; do
        grep -qF "$dutch" "$SCRATCH/en.txt" && fail "Dutch record word \"$dutch\" in the English report"
    done
    expect_eq "$(pdf_field "$out" Subject)" "REPORT OF THE REFLECTION" "PDF subject"
    ;;
report-paper)
    run "$BIN" render "$content" --session "$SRC/samples/zuidrand-2026-10.xml" --sheet report --paper A0 -o "$out"
    expect_rc 2
    expect_in "$SCRATCH/stderr" "A4 or A3"
    run "$BIN" render "$content" --sheet report -o "$out"
    expect_rc 2
    expect_in "$SCRATCH/stderr" "needs --session"
    [ ! -e "$out" ] || fail "a usage error wrote $out"
    ;;
samples)
    for sample in "$SRC"/samples/*.xml; do
        xmllint --noout --relaxng "$schema" "$sample" 2>/dev/null || fail "$sample does not validate"
        python3 - "$sample" >"$SCRATCH/words.txt" <<'PY'
import re, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
words = set()
for el in root.iter():
    if el.tag in ("date",) or el.text is None: continue
    if el.tag == "next" and not (el.text or "").strip(): continue
    for w in re.findall(r"[A-Za-zÀ-ÿ]{7,}", " ".join(el.itertext())): words.add(w)
print("\n".join(sorted(words)))
PY
        # the sample's own instrument (its content's folder is named after it)
        instrument=$(sed -n 's/.*<session [^>]*instrument="\([^"]*\)".*/\1/p' "$sample")
        for paper in A3 A0; do
            render_ok "$SRC/content/$instrument/nl.xml" --session "$sample" --sheet all --paper "$paper" -o "$out"
            pdftotext -enc UTF-8 "$out" - | tr -d '\255' | sed 's/-$//' | tr -d '\n' >"$SCRATCH/pdf.txt"
            missing=0
            while read -r w; do grep -qF -- "$w" "$SCRATCH/pdf.txt" || { echo "missing: $w" >&2; missing=1; }; done <"$SCRATCH/words.txt"
            [ "$missing" -eq 0 ] || fail "words of $(basename "$sample") missing at $paper"
        done
    done
    ;;
invalid)
    file=${ARGS[1]}
    expect=$(awk -F'\t' -v f="$file" '$1 == f' "$SRC/tests/data/invalid-session/EXPECT")
    [ -n "$expect" ] || die "$file is not listed in tests/data/invalid-session/EXPECT"
    IFS=$'\t' read -r _ line substring <<<"$expect"
    cd "$SRC"
    echo "keep me" >"$SCRATCH/existing.pdf"
    run "$BIN" render content/samenwerking/nl.xml --session "tests/data/invalid-session/$file" --sheet all -o "$SCRATCH/existing.pdf"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "tests/data/invalid-session/$file:$line: error:" "stderr"
    expect_in "$SCRATCH/stderr" "$substring" "stderr"
    expect_eq "$(grep -c 'error:' "$SCRATCH/stderr")" 1 "error lines on stderr"
    expect_eq "$(cat "$SCRATCH/existing.pdf")" "keep me" "the existing output file"
    [ -z "$(find "$SCRATCH" -name '*.pdf*' ! -name existing.pdf)" ] || fail "a temporary file was left behind"
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
