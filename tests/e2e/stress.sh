#!/usr/bin/env bash
# stress.sh BIN SRC SCRATCH SHEET PAPER: the generated stress session of issue #18 (tests/e2e/stress.py:
# names in five scripts, an emoji post-it, a 2 000-word note, 40 post-its in one theme, long follow-up cells,
# e-mail addresses and a 60-character URL), rendered as SHEET at PAPER. Checks that
#   - it renders with exit 0 and a clean PDF (qpdf --check),
#   - every word of the session is in pdftotext's and MuPDF's text, no soft hyphen inside a line (words.py),
#   - the emoji is drawn from a shipped font (Symbola embedded) and extracts as itself,
#   - no URL or e-mail address has a hyphen added, and one breaks only after "/", "." or "-"
#     (addresses.py, on pdftotext -raw).
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
sheet=${ARGS[0]} paper=${ARGS[1]}
python3 "$E2E_LIB_DIR/stress.py" "$SCRATCH/session.xml" "$SCRATCH/texts.txt" "$SCRATCH/addresses.txt"
pdf=$SCRATCH/$sheet-$paper.pdf
run "$BIN" render "$SRC/content/samenwerking/nl.xml" --session "$SCRATCH/session.xml" --sheet "$sheet" \
    --paper "$paper" -o "$pdf"
expect_rc 0
[ -s "$pdf" ] || die "no PDF written"
qpdf --check "$pdf" >/dev/null 2>&1 || fail "qpdf --check finds damage in $pdf"

pdftotext -enc UTF-8 "$pdf" "$SCRATCH/poppler.txt" || die "pdftotext failed"
python3 "$E2E_LIB_DIR/words.py" "$SCRATCH/texts.txt" "$SCRATCH/poppler.txt" --no-inner-soft-hyphen ||
    fail "words of the session missing, or soft hyphens inside lines (see above)"
mutool draw -q -F txt -o "$SCRATCH/mupdf.txt" "$pdf" 2>/dev/null || die "mutool failed"
python3 "$E2E_LIB_DIR/words.py" "$SCRATCH/texts.txt" "$SCRATCH/mupdf.txt" --no-inner-soft-hyphen ||
    fail "MuPDF: words of the session missing, or soft hyphens inside lines (see above)"

grep -qF "👍" "$SCRATCH/poppler.txt" || fail "the emoji does not extract as U+1F44D"
pdffonts "$pdf" >"$SCRATCH/fonts.txt"
grep -q "+Symbola " "$SCRATCH/fonts.txt" || fail "no Symbola subset embedded: the emoji is not drawn from it"
grep -qF $'\xef\xbf\xbd' "$SCRATCH/poppler.txt" && fail "U+FFFD in the text layer: a glyph without its text"

pdftotext -raw -enc UTF-8 "$pdf" "$SCRATCH/raw.txt" || die "pdftotext -raw failed"
python3 "$E2E_LIB_DIR/addresses.py" "$SCRATCH/addresses.txt" "$SCRATCH/raw.txt" ||
    fail "an address has a hyphen added or breaks elsewhere than after / . - (see above)"
e2e_done
