#!/usr/bin/env bash
# instrument.sh BIN SRC SCRATCH NAME: the synthetic instrument tests/data/NAME.xml is valid and all its
# text fits at A3 and A0; its follow-up plaat at A3 shows every text, and each theme name exactly as
# often as the content has it (one row label per theme).
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/tests/data/${ARGS[0]}.xml

for paper in A3 A0; do
    run "$BIN" check "$content" --paper "$paper"
    expect_rc 0
done

pdf=$SCRATCH/followup-A3.pdf
run "$BIN" render "$content" --sheet followup --paper A3 -o "$pdf"
expect_rc 0
texts "$content" followup >"$SCRATCH/expected.txt"
texts "$content" themes >"$SCRATCH/themes.txt"
pdftotext -enc UTF-8 "$pdf" "$SCRATCH/pdf.txt"
python3 "$E2E_LIB_DIR/contains.py" "$SCRATCH/expected.txt" "$SCRATCH/pdf.txt" --count-once "$SCRATCH/themes.txt" ||
    fail "texts of the follow-up plaat (see above)"
e2e_done
