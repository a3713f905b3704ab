#!/usr/bin/env bash
# rtl.sh BIN SRC SCRATCH CASE: right-to-left content (tests/data/arabic.xml).
#   SHEET       praatplaat, followup or guide at A3 and A0: every text in the text layer, the Arabic
#               font embedded and subset, qpdf --check; the follow-up plaat's columns run right to left
#   missing     a character no shipped font has is an error naming it and its element
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
ar=$SRC/tests/data/arabic.xml
case=${ARGS[0]}

if [ "$case" = missing ]; then
    sed 's|<statement id="ambitie.1">|<statement id="ambitie.1">協力 |' "$ar" >"$SCRATCH/cjk.xml"
    line=$(grep -n 'id="ambitie.1"' "$SCRATCH/cjk.xml" | cut -d: -f1)
    run "$BIN" check "$SCRATCH/cjk.xml" --sheet praatplaat
    expect_rc 1
    expect_in "$SCRATCH/stderr" "cjk.xml:$line: error: character U+5354 '協' of"
    expect_in "$SCRATCH/stderr" "(id ambitie.1) is in none of the shipped fonts"
    e2e_done
    exit
fi

for paper in A3 A0; do
    pdf=$SCRATCH/$case-$paper.pdf
    run "$BIN" render "$ar" --sheet "$case" --paper "$paper" -o "$pdf"
    expect_rc 0
    qpdf --check "$pdf" >/dev/null || fail "qpdf --check fails on $pdf"
    pdffonts "$pdf" | grep -q 'NotoSansArabic-.* yes yes' || fail "Noto Sans Arabic not embedded and subset in $pdf"
    texts "$ar" "$case" >"$SCRATCH/expected.txt"
    expect_texts "$SCRATCH/expected.txt" "$pdf" --rtl
done

if [ "$case" = followup ]; then
    # Mirrored: the row labels and the first column stand in the right half, the last column in the left.
    pdf=$SCRATCH/followup-A3.pdf
    read -r w h < <(pdfinfo "$pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1 \2/p')
    half=$(python3 -c "print(int(float('$w') / 2))")
    pdftotext -enc UTF-8 -x "$half" -y 0 -W "$half" -H "${h%.*}" "$pdf" "$SCRATCH/right.txt"
    pdftotext -enc UTF-8 -x 0 -y 0 -W "$half" -H "${h%.*}" "$pdf" "$SCRATCH/left.txt"
    python3 - "$ar" >"$SCRATCH/right.expected" 3>"$SCRATCH/left.expected" <<'PY'
import os, sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
cols = root.findall("followup/group/column")
print(root.find("themes/theme/name").text.strip())
print(" ".join(cols[0].itertext()).strip())
os.write(3, (" ".join(cols[-1].itertext()).strip() + "\n").encode())
PY
    python3 "$E2E_LIB_DIR/contains.py" "$SCRATCH/right.expected" "$SCRATCH/right.txt" ||
        fail "the first theme and column are not in the right half: not mirrored"
    python3 "$E2E_LIB_DIR/contains.py" "$SCRATCH/left.expected" "$SCRATCH/left.txt" ||
        fail "the last column is not in the left half: not mirrored"
fi
e2e_done
