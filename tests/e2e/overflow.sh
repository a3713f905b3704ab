#!/usr/bin/env bash
# overflow.sh BIN SRC SCRATCH: text that does not fit is reported, never dropped silently.
# tests/data/overflow.xml has a ~1500-character column question (id status) and a 60-letter theme name
# (id results.name): check exits 1 naming each element's id and line; render exits 1, still writes the
# PDF, and that PDF holds every word of both texts.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
cd "$SRC"
content=tests/data/overflow.xml

# line_of ID: the line of the element with id="ID" in the fixture.
line_of() { grep -n "id=\"$1\"" "$content" | cut -d: -f1; }

for sheet in followup all; do
    run "$BIN" check "$content" --sheet "$sheet"
    expect_rc 1
    for id in status results.name; do
        grep -qE "^$content:$(line_of "$id"): error: .*\b$id\b" "$SCRATCH/stderr" ||
            fail "check --sheet $sheet reports no error \"$content:$(line_of "$id"): error: …$id…\""
    done
done

pdf=$SCRATCH/overflow.pdf
run "$BIN" render "$content" --sheet followup -o "$pdf"
expect_rc 1
expect_in "$SCRATCH/stderr" "$content:$(line_of status): error:" "stderr of render"
[ "$(head -c 5 "$pdf" 2>/dev/null)" = "%PDF-" ] || die "render wrote no PDF despite the overflow"
run qpdf --check "$pdf"
expect_rc 0
texts "$content" followup >"$SCRATCH/expected.txt"
expect_texts "$SCRATCH/expected.txt" "$pdf"
e2e_done
