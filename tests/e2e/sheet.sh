#!/usr/bin/env bash
# sheet.sh BIN SRC SCRATCH SHEET PAPER [CONTENT [--portrait]]: renders SHEET of CONTENT (default
# content/samenwerking/nl.xml) at PAPER and checks
# the PDF: exit 0, exact ISO 216 page size on every page (followup, praatplaat and netwerkkaart landscape unless
# --portrait, guide portrait; kaartjes and guide may have several pages), only
# embedded subset Noto Sans fonts, qpdf --check, every text of the sheet present, Title and Creator.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
sheet=${ARGS[0]} paper=${ARGS[1]}
content=$SRC/${ARGS[2]:-content/samenwerking/nl.xml}
orient=${ARGS[3]:-}
pdf=$SCRATCH/$sheet-$paper.pdf

run "$BIN" render "$content" --sheet "$sheet" --paper "$paper" ${orient:+"$orient"} -o "$pdf"
expect_rc 0
[ -s "$pdf" ] || die "no PDF written: $pdf"

# Page size: ISO 216 in points (portrait width x height), swapped for the landscape sheets.
declare -A iso=([A4]="595.276 841.89" [A3]="841.89 1190.55" [A2]="1190.55 1683.78"
                [A1]="1683.78 2383.94" [A0]="2383.94 3370.39")
read -r w h <<<"${iso[$paper]}"
[ "$sheet" != guide ] && [ "$orient" != --portrait ] && read -r w h <<<"$h $w"
pages=$(pdf_field "$pdf" Pages)
[ "$pages" -ge 1 ] || die "PDF has no pages"
case $sheet in guide | kaartjes) ;; *) expect_eq "$pages" 1 "number of pages of the $sheet sheet" ;; esac
pdfinfo -f 1 -l "$pages" "$pdf" >"$SCRATCH/pdfinfo.txt"
sizes=$(awk -v w="$w" -v h="$h" '
    /^Page +[0-9]+ size:/ { n++; d1 = $4 - w; d2 = $6 - h
        if (d1 < -1 || d1 > 1 || d2 < -1 || d2 > 1) print "page " $2 ": " $4 " x " $6 " pt, expected " w " x " h }
    END { if (n == 0) print "pdfinfo printed no page sizes" }' "$SCRATCH/pdfinfo.txt")
[ -z "$sizes" ] || fail "page size: $sizes"

# Fonts: every font embedded as a subset, and Noto Sans only.
pdffonts "$pdf" >"$SCRATCH/fonts.txt"
fonts=$(awk 'NR > 2 { if ($(NF-4) != "yes" || $(NF-3) != "yes" || $1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+NotoSans(-[A-Za-z]+)?$/) print }
             END { if (NR <= 2) print "no fonts at all" }' "$SCRATCH/fonts.txt")
[ -z "$fonts" ] || fail "fonts not embedded, not subset or not Noto Sans: $fonts"

run qpdf --check "$pdf"
expect_rc 0

texts "$content" "$sheet" >"$SCRATCH/expected.txt"
expect_texts "$SCRATCH/expected.txt" "$pdf"

expect_eq "$(pdf_field "$pdf" Title)" "$(texts "$content" title)" "PDF Title"
creator=$(pdf_field "$pdf" Creator)
[[ $creator == praatplaat* ]] || fail "PDF Creator is \"$creator\", expected praatplaat …"
e2e_done
