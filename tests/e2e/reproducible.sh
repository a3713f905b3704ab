#!/usr/bin/env bash
# reproducible.sh BIN SRC SCRATCH: rendering the same input twice gives byte-identical PDFs (each sheet
# and --sheet all), and SOURCE_DATE_EPOCH sets the PDF's CreationDate.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/samenwerking/nl.xml

for sheet in followup guide all; do
    for n in 1 2; do
        run env -u SOURCE_DATE_EPOCH "$BIN" render "$content" --sheet "$sheet" -o "$SCRATCH/$sheet-$n.pdf"
        expect_rc 0
    done
    cmp "$SCRATCH/$sheet-1.pdf" "$SCRATCH/$sheet-2.pdf" || fail "two renders of --sheet $sheet differ"
done

for n in 1 2; do
    run env SOURCE_DATE_EPOCH=1700000000 "$BIN" render "$content" --sheet followup -o "$SCRATCH/epoch-$n.pdf"
    expect_rc 0
done
cmp "$SCRATCH/epoch-1.pdf" "$SCRATCH/epoch-2.pdf" || fail "two renders with SOURCE_DATE_EPOCH differ"
date=$(TZ=UTC pdfinfo -isodates "$SCRATCH/epoch-1.pdf" | sed -n 's/^CreationDate: *//p')
[[ $date == 2023-11-14T22:13:20* ]] || fail "CreationDate with SOURCE_DATE_EPOCH=1700000000 is \"$date\", expected 2023-11-14T22:13:20Z"
e2e_done
