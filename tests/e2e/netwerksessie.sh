#!/usr/bin/env bash
# netwerksessie.sh BIN SRC SCRATCH CASE: sessions of the netwerkkaart (#16).
#   template         `template` writes an empty session; `check --session` of it passes; `render --session`
#                    of it draws the blank map (the same text as without a session, one page)
#   map PAPER        the sample session on the netwerkkaart at PAPER: every word of the team, the
#                    participants, every partner's name
#                    and note, card answer and the notes of the map in the text layer (a text that does
#                    not fit its post-it goes on in the continuation pages), and qpdf --check
#   report           `--sheet report` of the sample: the summary first (every session text, the team,
#                    date and participants), then the filled map, then the continuation pages; PDF/A
#                    and qpdf --check
#   crowded          40 partners in one ring of one sector: continuation pages, every name in the text layer
#   english          the sample on the English content's map and report: the English words, every
#                    session text
#   tile             `render --sheet netwerkkaart --paper A1 --tile A4`, Dutch and English: the assembly map's
#                    words from the content's <record>, every page A4, qpdf --check
#   publish          `publish content/netwerkkaart`: the instrument's own sheets at their papers
#                    (netwerkkaart A3, A1, A0; kaartjes and guide A4) per language, nothing else
#   form             `render --form` of the network map with a session gives a form holding its partners
#                    (the form itself: e2e.form.netwerkkaart.*); of the cards alone, which have no fields,
#                    a usage error (2) naming the sheets that are forms, nothing written
#   invalid FILE     a session of tests/data/invalid-network-session: FILE:LINE: error: as listed in
#                    its EXPECT, exit 1, an existing output untouched
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
nk=$SRC/content/netwerkkaart/nl.xml
sample=$SRC/samples/scheldeoever-2026-11-netwerkkaart.xml
out=$SCRATCH/out.pdf

# session_texts SESSION [PATH...]: every text the group wrote (of the elements at the ElementTree paths
# PATH, default all), one per line (white space collapsed).
session_texts() {
    python3 - "$@" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for path in sys.argv[2:] or (".//partnership", ".//name", ".//note", ".//answer", ".//notes"):
    for e in root.findall(path):
        t = " ".join("".join(e.itertext()).split())
        if t:
            print(t)
EOF
}

case ${ARGS[0]} in
template)
    run "$BIN" template "$nk" -o "$SCRATCH/session.xml"
    expect_rc 0
    run "$BIN" check "$nk" --session "$SCRATCH/session.xml" --sheet netwerkkaart
    expect_rc 0
    run "$BIN" render "$nk" --session "$SCRATCH/session.xml" --sheet netwerkkaart --paper A3 -o "$out"
    expect_rc 0
    run "$BIN" render "$nk" --sheet netwerkkaart --paper A3 -o "$SCRATCH/blank.pdf"
    expect_rc 0
    expect_eq "$(pdf_field "$out" Pages)" 1 "pages of the template's map"
    pdftotext -enc UTF-8 "$out" "$SCRATCH/filled.txt"
    pdftotext -enc UTF-8 "$SCRATCH/blank.pdf" "$SCRATCH/blank.txt"
    cmp -s "$SCRATCH/filled.txt" "$SCRATCH/blank.txt" || fail "the template's map is not the blank map"
    ;;
map)
    paper=${ARGS[1]}
    run "$BIN" render "$nk" --session "$sample" --sheet netwerkkaart --paper "$paper" -o "$out"
    expect_rc 0
    run qpdf --check "$out"
    expect_rc 0
    session_texts "$sample" >"$SCRATCH/session.txt"
    [ "$(wc -l <"$SCRATCH/session.txt")" -ge 30 ] || die "too few session texts"
    pdftotext -enc UTF-8 "$out" "$SCRATCH/pdf.txt"
    python3 "$E2E_LIB_DIR/words.py" "$SCRATCH/session.txt" "$SCRATCH/pdf.txt" || fail "session words missing"
    texts "$nk" netwerkkaart >"$SCRATCH/map.txt"
    pdftotext -enc UTF-8 -f 1 -l 1 "$out" "$SCRATCH/p1.txt"
    python3 "$E2E_LIB_DIR/contains.py" "$SCRATCH/map.txt" "$SCRATCH/p1.txt" || fail "the map's own texts are missing"
    grep -q BIJLAGE "$SCRATCH/pdf.txt" || fail "no continuation pages (the card answers go there)"
    ;;
report)
    run "$BIN" render "$nk" --session "$sample" --sheet report -o "$out"
    expect_rc 0
    run qpdf --check "$out"
    expect_rc 0
    session_texts "$sample" >"$SCRATCH/session.txt"
    printf '%s\n' "Katrien Van Acker" "18 november 2026" "VERDIEPEND GESPREK" "EXTERNE PARTNERS" "VERBANDEN" \
        "prioritaire partners: leraren (2), zorg- of leerlingencoördinator" >>"$SCRATCH/session.txt"
    # the summary alone holds every session text
    pages=$(pdf_field "$out" Pages)
    summary=0
    for p in $(seq 1 "$pages"); do
        pdftotext -enc UTF-8 -f "$p" -l "$p" "$out" "$SCRATCH/page.txt"
        if grep -q "Wie zijn de externe partners met wie" "$SCRATCH/page.txt"; then break; fi
        summary=$p
        cat "$SCRATCH/page.txt" >>"$SCRATCH/summary.txt"
    done
    [ "$summary" -ge 1 ] && [ "$summary" -lt "$pages" ] || fail "no summary before the map"
    python3 "$E2E_LIB_DIR/contains.py" "$SCRATCH/session.txt" "$SCRATCH/summary.txt" || fail "texts missing from the summary"
    pdftotext -enc UTF-8 -f $((summary + 2)) "$out" "$SCRATCH/rest.txt"
    grep -q BIJLAGE "$SCRATCH/rest.txt" || fail "no continuation pages after the map"
    pdfinfo "$out" | grep -q "^Tagged: *yes" || fail "the report is not tagged"
    qpdf --qdf --object-streams=disable "$out" "$SCRATCH/report.qdf"
    python3 - "$SCRATCH/report.qdf" <<'PY' || fail "the map is not a Figure whose alternative text names the partners"
import re, sys
d = open(sys.argv[1], "rb").read().decode("latin-1")
objs = re.findall(r"\n\d+ 0 obj\n(<<.*?>>)\nendobj", d, re.S)
figs = [o for o in objs if "/S /Figure" in o]
assert len(figs) == 1, figs
alt = re.search(r"/Alt <[fF][eE][fF][fF]([0-9a-fA-F]+)>", figs[0])
text = bytes.fromhex(alt.group(1)).decode("utf-16-be") if alt else ""
assert "CLB Waasland (dichtbij / frequent)" in text and "Politiezone Waasland-Noord" in text, text[:200]
PY
    ;;
crowded)
    python3 - >"$SCRATCH/crowded.xml" <<'EOF'
print('<?xml version="1.0" encoding="UTF-8"?>\n<session format="1" instrument="netwerkkaart"><netwerkkaart>')
for i in range(40):
    print(f'<partner id="p{i}" kind="kind.stages" ring="ring.near"><name>Stagebedrijf nummer {i}</name>'
          f'<note>Notitie {i}</note></partner>')
print('</netwerkkaart></session>')
EOF
    run "$BIN" render "$nk" --session "$SCRATCH/crowded.xml" --sheet netwerkkaart --paper A3 -o "$out"
    expect_rc 0
    [ "$(pdf_field "$out" Pages)" -ge 2 ] || fail "no continuation pages"
    session_texts "$SCRATCH/crowded.xml" >"$SCRATCH/session.txt"
    expect_texts "$SCRATCH/session.txt" "$out"
    ;;
english)
    en=$SRC/content/netwerkkaart/en.xml
    run "$BIN" render "$en" --session "$sample" --sheet report -o "$out"
    expect_rc 0
    session_texts "$sample" >"$SCRATCH/session.txt"
    printf '%s\n' "REPORT OF THE NETWORK MAP" "18 November 2026" "IN-DEPTH CONVERSATION" "Inventory of actors" \
        "How do our school team's external partners contribute to collective learning?" >>"$SCRATCH/session.txt"
    expect_texts "$SCRATCH/session.txt" "$out"
    ;;
tile)
    for lang in nl en; do
        run "$BIN" render "$SRC/content/netwerkkaart/$lang.xml" --sheet netwerkkaart --paper A1 --tile A4 -o "$out"
        expect_rc 0
        run qpdf --check "$out"
        expect_rc 0
        [ "$(pdf_field "$out" Pages)" -ge 4 ] || fail "$lang: fewer than 4 tiles"
        pdfinfo -f 1 -l 999 "$out" | grep "^Page.*size:" | grep -Evq "595.276 x 841.89|841.89 x 595.276" &&
            fail "$lang: a page that is not A4"
        word=$([ "$lang" = nl ] && echo PLAKSCHEMA || echo "ASSEMBLY MAP")
        pdftotext -enc UTF-8 -f 1 -l 1 "$out" - | grep -q "$word" || fail "$lang: no assembly map"
    done
    ;;
publish)
    run "$BIN" publish "$SRC/content/netwerkkaart" -o "$SCRATCH/site" -j 2
    expect_rc 0
    for lang in en nl; do
        expect_eq "$(cd "$SCRATCH/site/$lang" && ls -- *.pdf | sort | tr '\n' ' ')" \
            "guide-A4.pdf kaartjes-A4.pdf netwerkkaart-A0.pdf netwerkkaart-A1.pdf netwerkkaart-A3.pdf " \
            "$lang: the published sheets"
    done
    expect_eq "$(pdf_field "$SCRATCH/site/en/netwerkkaart-A1.pdf" "Page size" | grep -o '2383.94 x 1683.78')" \
        "2383.94 x 1683.78" "A1 landscape"
    ;;
form)
    run "$BIN" render "$nk" --session "$sample" --form --sheet all -o "$out"
    expect_rc 0
    # Into a file first: grep -q ends the pipe at its match, python3 dies of SIGPIPE, pipefail fails.
    python3 "$E2E_LIB_DIR/formvalues.py" "$out" >"$SCRATCH/values"
    grep -q "^partners:kind:zorg:ring:near	CLB Waasland" "$SCRATCH/values" ||
        fail "the form does not hold the session's partners"
    rm -f "$out"
    run "$BIN" render "$nk" --session "$sample" --form --sheet kaartjes -o "$out"
    expect_rc 2
    expect_in "$SCRATCH/stderr" "--form takes --sheet praatplaat, followup, all or netwerkkaart, not \"kaartjes\"" "stderr"
    [ ! -e "$out" ] || fail "a PDF was written"
    ;;
invalid)
    file=${ARGS[1]}
    expect=$(awk -F'\t' -v f="$file" '$1 == f' "$SRC/tests/data/invalid-network-session/EXPECT")
    [ -n "$expect" ] || die "$file is not listed in tests/data/invalid-network-session/EXPECT"
    IFS=$'\t' read -r _ line substring <<<"$expect"
    cd "$SRC"
    echo "keep me" >"$SCRATCH/existing.pdf"
    run "$BIN" render content/netwerkkaart/nl.xml --session "tests/data/invalid-network-session/$file" --sheet all \
        -o "$SCRATCH/existing.pdf"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "tests/data/invalid-network-session/$file:$line: error:" "stderr"
    expect_in "$SCRATCH/stderr" "$substring" "stderr"
    expect_eq "$(grep -c 'error:' "$SCRATCH/stderr")" 1 "error lines on stderr"
    expect_eq "$(cat "$SCRATCH/existing.pdf")" "keep me" "the existing output file"
    run "$BIN" check content/netwerkkaart/nl.xml --session "tests/data/invalid-network-session/$file"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "tests/data/invalid-network-session/$file:$line: error:" "stderr of check"
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
