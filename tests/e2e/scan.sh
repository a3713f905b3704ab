#!/usr/bin/env bash
# Scanning (issue #19): render --codes qr, and praatplaat scan of synthetic phone photos made here
# (tests/tools/pp_photo: perspective, rotation, blur, noise, uneven light, JPEG). Cases:
#   good PHOTO_TOOL    the A3 praatplaat with known marks (tests/data/marks-session.xml), rendered at
#                      240 dpi, photographed at 12 MP in three ways (turned 12°, 90° and 170°, a far
#                      edge up to 20% narrower, blurred, noise, 30% darker at one side, JPEG quality
#                      60): every score and mark read, none uncertain; the session validates; --images
#                      writes each theme's notes area with the area's proportions, and the session
#                      refers to each (<picture href>, relative to the session's folder)
#   papers PHOTO_TOOL  A4 (blurred) and A0 (sharp) at 12 MP: every mark
#   sample PHOTO_TOOL  the zuidrand sample (notes, remarks, post-its on the sheet) at 12 MP: every mark
#   poor PHOTO_TOOL    the same sheet at 2 MP, strongly tilted, noisy, JPEG quality 50: no mark wrong;
#                      every one not read is reported uncertain on stderr and in an XML comment
#   blank PHOTO_TOOL   a blank sheet: nothing filled in, nothing uncertain
#   blurred PHOTO_TOOL a 2 MP photo too blurred to find the codes: exit 1, nothing written; a good
#                      photo whose session cannot be written (no such folder): no pictures stay
#   usage              the command line's errors for scan, --codes and --images
#   none               without --codes, and with --codes none, the PDF is byte-identical to before
#                      (no codes drawn); --codes qr adds four QR codes (pdfimages finds no images:
#                      they are vector squares) and keeps the statements' text
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
case_name=${ARGS[0]}
photo_tool=${ARGS[1]:-}
content=$SRC/content/samenwerking/nl.xml
marks=$SRC/tests/data/marks-session.xml
export SOURCE_DATE_EPOCH=1700000000

# sheet SESSION OUT.png [PAPER DPI]: the praatplaat with codes (A3 at 240 dpi unless said), filled
# from SESSION (- for blank).
sheet() {
    local session=() base=${2%.png}
    [ "$1" = - ] || session=(--session "$1")
    run "$BIN" render "$content" "${session[@]}" --sheet praatplaat --paper "${3:-A3}" --codes qr -o "$base.pdf"
    expect_rc 0
    pdftoppm -r "${4:-240}" -png -singlefile "$base.pdf" "$base" || die "pdftoppm failed"
}

# scan_ok WANT PHOTO MODE [ARGS...]: scan PHOTO, compare with WANT (tests/e2e/scancompare.py).
scan_ok() {
    local want=$1 photo=$2 mode=$3 out=${2%.jpg}.xml
    shift 3
    run "$BIN" scan "$content" "$photo" -o "$out" "$@"
    expect_rc 0
    cp "$SCRATCH/stderr" "$out.stderr"
    xmllint --noout --relaxng "$SRC/schemas/session.rng" "$out" 2>/dev/null || fail "$out does not validate"
    python3 "$SRC/tests/e2e/scancompare.py" "$want" "$out" "$out.stderr" "$mode" || fail "$photo: marks differ"
}

# chars PDF: the characters of PDF's text, sorted, without white space and hyphens.
chars() { pdftotext "$1" - | python3 -c 'import sys; print("".join(sorted(c for c in sys.stdin.read() if not c.isspace() and c not in "-\u00ad")))'; }

case $case_name in
good)
    sheet "$marks" "$SCRATCH/sheet.png"
    n=0
    for distortion in "--rotate 12 --keystone 0.12" "--rotate 90 --keystone 0.1" "--rotate 170 --keystone 0.2"; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        "$photo_tool" "$SCRATCH/sheet.png" "$SCRATCH/good$n.jpg" --long 4000 $distortion --blur 1 --noise 8 \
            --shade 0.3 --quality 60 --seed $n || die "pp_photo failed"
        scan_ok "$marks" "$SCRATCH/good$n.jpg" exact --images "$SCRATCH/notes$n"
    done
    for theme in ambitie belangen relatie organisatie proces; do # referenced from the session
        expect_in "$SCRATCH/good1.xml" "<picture href=\"notes1/$theme-notes.png\"/>"
    done
    python3 - "$SCRATCH/notes1" <<'PY' || fail "notes cut-outs"
import struct, sys, os
names = sorted(os.listdir(sys.argv[1]))
assert names == sorted(t + "-notes.png" for t in
                       ["ambitie", "belangen", "relatie", "organisatie", "proces"]), names
for n in names:
    w, h = struct.unpack(">II", open(os.path.join(sys.argv[1], n), "rb").read(24)[16:24])
    assert w > 3 * h and w >= 400, (n, w, h)  # a wide notes area, at the photo's resolution
PY
    ;;
sample)
    sheet "$SRC/samples/zuidrand-2026-10.xml" "$SCRATCH/sheet.png"
    "$photo_tool" "$SCRATCH/sheet.png" "$SCRATCH/sample.jpg" --long 4000 --rotate 8 --keystone 0.1 --blur 1 \
        --noise 8 --shade 0.2 --quality 60 || die "pp_photo failed"
    scan_ok "$SRC/samples/zuidrand-2026-10.xml" "$SCRATCH/sample.jpg" exact
    ;;
papers) # A4 (turned 95°, blurred) and A0 (sharp: a blurred 12 MP photo of A0 loses its codes)
    sheet "$marks" "$SCRATCH/a4.png" A4 340
    "$photo_tool" "$SCRATCH/a4.png" "$SCRATCH/a4.jpg" --long 4000 --rotate 95 --keystone 0.15 --blur 1 --noise 8 \
        --shade 0.3 --quality 60 || die "pp_photo failed"
    scan_ok "$marks" "$SCRATCH/a4.jpg" exact
    sheet "$marks" "$SCRATCH/a0.png" A0 86
    "$photo_tool" "$SCRATCH/a0.png" "$SCRATCH/a0.jpg" --long 4000 --rotate 15 --keystone 0.15 --noise 8 \
        --shade 0.3 --quality 60 || die "pp_photo failed"
    scan_ok "$marks" "$SCRATCH/a0.jpg" exact
    ;;
poor)
    sheet "$marks" "$SCRATCH/sheet.png"
    "$photo_tool" "$SCRATCH/sheet.png" "$SCRATCH/poor.jpg" --long 1730 --rotate 160 --keystone 0.25 --noise 14 \
        --shade 0.4 --quality 50 || die "pp_photo failed"
    scan_ok "$marks" "$SCRATCH/poor.jpg" safe
    ;;
blank)
    sheet - "$SCRATCH/sheet.png"
    "$photo_tool" "$SCRATCH/sheet.png" "$SCRATCH/blank.jpg" --long 4000 --rotate 5 --keystone 0.1 --blur 1 \
        --noise 8 --quality 60 || die "pp_photo failed"
    printf '<session format="1" instrument="samenwerking" xml:lang="nl"/>\n' >"$SCRATCH/empty.xml"
    scan_ok "$SCRATCH/empty.xml" "$SCRATCH/blank.jpg" exact
    expect_in "$SCRATCH/blank.xml.stderr" "0 group(s) read, 26 not filled in, 0 uncertain"
    ;;
blurred)
    sheet "$marks" "$SCRATCH/sheet.png"
    "$photo_tool" "$SCRATCH/sheet.png" "$SCRATCH/blurred.jpg" --long 1730 --rotate 200 --keystone 0.2 --blur 2 \
        --noise 10 --quality 60 || die "pp_photo failed"
    run "$BIN" scan "$content" "$SCRATCH/blurred.jpg" -o "$SCRATCH/blurred.xml"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "is the whole sheet in the picture?"
    [ ! -e "$SCRATCH/blurred.xml" ] || fail "a session was written for an unreadable photo"
    # a good photo whose session cannot be written leaves no pictures behind either
    "$photo_tool" "$SCRATCH/sheet.png" "$SCRATCH/good.jpg" --long 4000 --rotate 4 --quality 80 || die "pp_photo failed"
    run "$BIN" scan "$content" "$SCRATCH/good.jpg" -o "$SCRATCH/no-such-dir/s.xml" --images "$SCRATCH/pics"
    expect_rc 3
    [ -z "$(ls -A "$SCRATCH/pics" 2>/dev/null)" ] || fail "pictures left behind after a failed scan"
    ;;
none)
    for paper in A3 A0; do
        run "$BIN" render "$content" --session "$marks" --sheet praatplaat --paper $paper -o "$SCRATCH/default.pdf"
        expect_rc 0
        run "$BIN" render "$content" --session "$marks" --sheet praatplaat --paper $paper --codes none -o "$SCRATCH/none.pdf"
        expect_rc 0
        cmp -s "$SCRATCH/default.pdf" "$SCRATCH/none.pdf" || fail "$paper: --codes none differs from the default"
        run "$BIN" render "$content" --session "$marks" --sheet praatplaat --paper $paper --codes qr -o "$SCRATCH/qr.pdf"
        expect_rc 0
        cmp -s "$SCRATCH/default.pdf" "$SCRATCH/qr.pdf" && fail "$paper: --codes qr draws nothing"
        qpdf --check "$SCRATCH/qr.pdf" >/dev/null || fail "$paper: qpdf --check"
        # the same characters (lines may break elsewhere: the panels are a little smaller)
        [ "$(chars "$SCRATCH/qr.pdf")" = "$(chars "$SCRATCH/default.pdf")" ] || fail "$paper: --codes qr changes the text"
    done
    ;;
usage) # the command line (exit 2, each with its message)
    usage_is() {
        local want=$1
        shift
        run "$BIN" "$@"
        expect_rc 2
        expect_in "$SCRATCH/stderr" "$want"
    }
    usage_is "scan needs PHOTO and -o SESSION.xml" scan "$content" -o "$SCRATCH/s.xml"
    usage_is "scan needs PHOTO and -o SESSION.xml" scan "$content" "$SCRATCH/p.jpg"
    usage_is "scan reads one photo of the whole sheet; 2 were given" scan "$content" a.jpg b.jpg -o "$SCRATCH/s.xml"
    usage_is "scan takes CONTENT, PHOTO, -o and --images only" scan "$content" a.jpg --paper A3 -o "$SCRATCH/s.xml"
    usage_is "--codes is for render" check "$content" --codes qr
    usage_is "--images is for scan" render "$content" --sheet praatplaat --images d -o "$SCRATCH/x.pdf"
    usage_is "--codes qr takes --sheet praatplaat" render "$content" --sheet all --codes qr -o "$SCRATCH/x.pdf"
    usage_is "--codes takes qr or none" render "$content" --sheet praatplaat --codes maybe -o "$SCRATCH/x.pdf"
    cp "$marks" "$SCRATCH/same.xml"
    usage_is "the output would overwrite an input" scan "$content" "$SCRATCH/same.xml" -o "$SCRATCH/same.xml"
    ;;
*) die "unknown case $case_name" ;;
esac
e2e_done
