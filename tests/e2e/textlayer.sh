#!/usr/bin/env bash
# textlayer.sh BIN SRC SCRATCH CASE...: the text layer is searchable (issue #20).
#   CONTENT SHEET PAPER [OPTION...]  renders SHEET of CONTENT (relative to SRC) at PAPER (with the
#                        render OPTIONs, such as --marks); with pdftotext and with
#                        `mutool draw -F txt`: every word of the sheet's texts is found as a whole word
#                        (line-end hyphenation joined, tests/e2e/words.py) and no soft hyphen stands
#                        anywhere but at a line end
#   effectieve           the issue's example: `--sheet all --paper A4` of the Dutch content, and
#                        pdftotext finds "effectieve" (the soft hyphen next to an "ff" ligature)
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
command -v mutool >/dev/null || die "mutool is not installed (mupdf-tools)"

if [ "${ARGS[0]}" = effectieve ]; then
    pdf=$SCRATCH/all.pdf
    run "$BIN" render "$SRC/content/samenwerking/nl.xml" --sheet all --paper A4 -o "$pdf"
    expect_rc 0
    n=$(pdftotext -enc UTF-8 "$pdf" - | grep -c effectieve || true)
    [ "$n" -ge 1 ] || fail "pdftotext does not find \"effectieve\" in the Dutch set at A4"
    e2e_done
    exit
fi

content=$SRC/${ARGS[0]} sheet=${ARGS[1]} paper=${ARGS[2]}
pdf=$SCRATCH/$sheet-$paper.pdf
run "$BIN" render "$content" --sheet "$sheet" --paper "$paper" "${ARGS[@]:3}" -o "$pdf"
expect_rc 0
[ -s "$pdf" ] || die "no PDF written: $pdf"
qpdf --check "$pdf" >/dev/null || fail "qpdf --check fails on $pdf"
texts "$content" "$sheet" >"$SCRATCH/expected.txt"

pdftotext -enc UTF-8 "$pdf" "$SCRATCH/poppler.txt" || die "pdftotext failed"
python3 "$E2E_LIB_DIR/words.py" "$SCRATCH/expected.txt" "$SCRATCH/poppler.txt" --no-inner-soft-hyphen ||
    fail "pdftotext: words missing or soft hyphens inside lines (see above)"

mutool draw -q -F txt -o "$SCRATCH/mupdf.txt" "$pdf" 2>"$SCRATCH/mutool.err" || die "mutool draw failed"
python3 "$E2E_LIB_DIR/words.py" "$SCRATCH/expected.txt" "$SCRATCH/mupdf.txt" --no-inner-soft-hyphen ||
    fail "mutool: words missing or soft hyphens inside lines (see above)"
e2e_done
