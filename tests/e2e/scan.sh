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
#   variants PHOTO_TOOL the variants of issue #19 at 12 MP, each with every mark right and none
#                      uncertain: perspective 25° (keystone 0.25), rotation 0°, 45°, 180°, a
#                      strong gradient, a yellow colour cast, a hand on one corner code, JPEG 60;
#                      at 2 MP (turned 100°, noise, cast, gradient, JPEG 60): none wrong; a flatbed-like
#                      A3 scan at 300 dpi: every mark
#   followup PHOTO_TOOL the follow-up plaat photographed in two overlapping halves, together with a
#                      photo of the praatplaat: every score, attention and follow-up yes/no mark of
#                      the session; one half alone: the other half's marks uncertain, none wrong
#   followup2 PHOTO_TOOL the A0 follow-up plaat of eight themes, whose table continues on a second
#                      sheet, blank, its first sheet photographed in two halves: the first
#                      sheet's rows not filled in, the second's uncertain (no photo of page 2), none
#                      wrong
#   followup-pages PHOTO_TOOL the same A0 follow-up plaat with a yes/no mark on every row of both
#                      sheets (tests/data/eight-themes-marks.xml), a photo of each sheet: every mark
#                      read, none uncertain; a photo of the second sheet alone: its marks read, the
#                      first sheet's uncertain as on page 1, of which no photo was given
#   halves PHOTO_TOOL  the praatplaat in two overlapping halves, each showing two corner codes: A3
#                      landscape (turned, perspective, blur, noise, JPEG 60), A3 portrait and A0:
#                      every mark read from the pair, none uncertain; each half alone: none wrong,
#                      the boxes it does not reach reported uncertain (too far from its codes, or
#                      outside it); a photo with one code: exit 1, nothing written
#   netwerkkaart PHOTO_TOOL the filled A3 netwerkkaart (the scheldeoever sample) photographed at 12
#                      MP, turned 7° with 12 % perspective: without --images a usage error; with it
#                      the map kept straightened as KAART/netwerkkaart.jpg, the session referring to
#                      it validates, the picture matches the rendered map pixel for pixel (within
#                      tolerance; a 1 % misplacement fails), the report embeds it (DCT) under the
#                      map's title; a photo of part of the map: exit 1, nothing written
#   disagree PHOTO_TOOL two photos of the praatplaat that disagree (one filled, one blank): every
#                      filled group uncertain ("the photos disagree"), nothing wrong
#   usage              the command line's errors for scan, --codes and --images
#   none               the default is --codes qr (byte-identical to it); --codes none draws no
#                      codes; the text is the same characters either way
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

# scan_ok WANT PHOTO MODE [SHEETS] [ARGS...]: scan PHOTO (and the photos among ARGS), compare the
# marks of SHEETS (praatplaat, followup, both) with WANT (tests/e2e/scancompare.py).
scan_ok() {
    local want=$1 photo=$2 mode=$3 sheets=praatplaat out=${2%.jpg}.xml
    shift 3
    case ${1:-} in praatplaat | followup | both) sheets=$1 && shift ;; esac
    run "$BIN" scan "$content" "$photo" -o "$out" "$@"
    expect_rc 0
    cp "$SCRATCH/stderr" "$out.stderr"
    xmllint --noout --relaxng "$SRC/schemas/session.rng" "$out" 2>/dev/null || fail "$out does not validate"
    python3 "$SRC/tests/e2e/scancompare.py" "$want" "$out" "$out.stderr" "$mode" "$sheets" || fail "$photo: marks differ"
}

# scan_safe WANT CONTENT PHOTO SHEETS WHAT: PHOTO alone scans (exit 0) with no mark of SHEETS wrong, every
# one not read reported (scancompare.py safe); its session PHOTO.xml, its stderr PHOTO.xml.stderr.
scan_safe() {
    local out=${3%.jpg}.xml
    run "$BIN" scan "$2" "$3" -o "$out"
    expect_rc 0
    cp "$SCRATCH/stderr" "$out.stderr"
    python3 "$SRC/tests/e2e/scancompare.py" "$1" "$out" "$out.stderr" safe "$4" ||
        fail "$5: a mark wrong or not reported"
}

# photo SHEET.png OUT.jpg [PP_PHOTO ARGS...]
photo() { "$photo_tool" "$@" || die "pp_photo failed"; }

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
        for sheet in praatplaat followup; do
            run "$BIN" render "$content" --session "$marks" --sheet $sheet --paper $paper -o "$SCRATCH/default.pdf"
            expect_rc 0
            run "$BIN" render "$content" --session "$marks" --sheet $sheet --paper $paper --codes qr -o "$SCRATCH/qr.pdf"
            expect_rc 0
            cmp -s "$SCRATCH/default.pdf" "$SCRATCH/qr.pdf" || fail "$paper $sheet: the default is not --codes qr"
            run "$BIN" render "$content" --session "$marks" --sheet $sheet --paper $paper --codes none -o "$SCRATCH/none.pdf"
            expect_rc 0
            cmp -s "$SCRATCH/default.pdf" "$SCRATCH/none.pdf" && fail "$paper $sheet: --codes none draws the codes"
            qpdf --check "$SCRATCH/qr.pdf" >/dev/null || fail "$paper $sheet: qpdf --check"
            # the same characters (lines may break elsewhere: the content has a little less room)
            [ "$(chars "$SCRATCH/qr.pdf")" = "$(chars "$SCRATCH/none.pdf")" ] || fail "$paper $sheet: the codes change the text"
        done
    done
    ;;
variants)
    sheet "$marks" "$SCRATCH/sheet.png"
    n=0
    for v in "--rotate 0 --keystone 0.25" "--rotate 45 --keystone 0.15 --shade 0.6" \
        "--rotate 180 --keystone 0.1 --cast 0.35" "--rotate 30 --keystone 0.1 --cover 1"; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        photo "$SCRATCH/sheet.png" "$SCRATCH/v$n.jpg" --long 4000 $v --blur 1 --noise 8 --quality 60 --seed $n
        scan_ok "$marks" "$SCRATCH/v$n.jpg" exact
    done
    expect_in "$SCRATCH/v4.xml.stderr" "26 group(s) read"
    # 2 MP: without blur (2 MP with blur, or turned near 45°, loses its codes: docs/scanning.md)
    photo "$SCRATCH/sheet.png" "$SCRATCH/poor.jpg" --long 1730 --rotate 100 --keystone 0.2 --noise 10 \
        --shade 0.4 --cast 0.3 --quality 60
    scan_ok "$marks" "$SCRATCH/poor.jpg" safe
    sheet "$marks" "$SCRATCH/flat.png" A3 300 # a flatbed scan: straight, sharp, 300 dpi
    photo "$SCRATCH/flat.png" "$SCRATCH/flat.jpg" --long 4961 --rotate 0.5 --quality 85
    scan_ok "$marks" "$SCRATCH/flat.jpg" exact
    ;;
halves)
    # half PNG NAME SEED ARGS...: NAME-l.jpg (0-58 %) and NAME-r.jpg (42-100 %) of PNG
    half() {
        local png=$1 name=$2 seed=$3
        shift 3
        photo "$png" "$SCRATCH/$name-l.jpg" "$@" --from 0 --to 0.58 --seed "$seed"
        photo "$png" "$SCRATCH/$name-r.jpg" "$@" --from 0.42 --to 1 --seed $((seed + 1))
    }
    sheet "$marks" "$SCRATCH/sheet.png"
    half "$SCRATCH/sheet.png" a3 1 --long 4000 --rotate 5 --keystone 0.1 --blur 1 --noise 8 --shade 0.3 --quality 60
    scan_ok "$marks" "$SCRATCH/a3-l.jpg" exact praatplaat "$SCRATCH/a3-r.jpg"
    for side in l r; do # alone: none wrong; what it does not reach is said
        cp "$SCRATCH/a3-$side.jpg" "$SCRATCH/alone-$side.jpg"
        scan_ok "$marks" "$SCRATCH/alone-$side.jpg" safe praatplaat
    done
    cat "$SCRATCH"/alone-?.xml.stderr >"$SCRATCH/alone.stderr"
    expect_in "$SCRATCH/alone.stderr" "uncertain"
    run "$BIN" render "$content" --session "$marks" --sheet praatplaat --paper A3 --portrait -o "$SCRATCH/p.pdf"
    expect_rc 0
    pdftoppm -r 240 -png -singlefile "$SCRATCH/p.pdf" "$SCRATCH/p" || die "pdftoppm failed"
    half "$SCRATCH/p.png" p 3 --long 4000 --rotate 3 --keystone 0.25 --noise 8 --quality 60
    scan_ok "$marks" "$SCRATCH/p-l.jpg" exact praatplaat "$SCRATCH/p-r.jpg"
    sheet "$marks" "$SCRATCH/a0.png" A0 86 # sharp, as in papers
    half "$SCRATCH/a0.png" a0 5 --long 4000 --rotate -8 --keystone 0.15 --noise 8 --shade 0.3 --quality 70
    scan_ok "$marks" "$SCRATCH/a0-l.jpg" exact praatplaat "$SCRATCH/a0-r.jpg"
    # a half with a hand on one of its two codes shows one: refused
    photo "$SCRATCH/sheet.png" "$SCRATCH/one.jpg" --long 4000 --from 0 --to 0.58 --cover 0 --quality 80
    run "$BIN" scan "$content" "$SCRATCH/one.jpg" -o "$SCRATCH/one.xml"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "at least 2 are needed"
    [ ! -e "$SCRATCH/one.xml" ] || fail "a refused photo wrote a session"
    ;;
netwerkkaart)
    nk=$SRC/content/netwerkkaart/nl.xml
    run "$BIN" render "$nk" --session "$SRC/samples/scheldeoever-2026-11-netwerkkaart.xml" \
        --sheet netwerkkaart --paper A3 -o "$SCRATCH/map.pdf"
    expect_rc 0
    pdftoppm -r 150 -png -singlefile "$SCRATCH/map.pdf" "$SCRATCH/map" || die "pdftoppm failed"
    photo "$SCRATCH/map.png" "$SCRATCH/map.jpg" --long 4000 --rotate 7 --keystone 0.12 --blur 1 \
        --noise 4 --quality 90
    run "$BIN" scan "$nk" "$SCRATCH/map.jpg" -o "$SCRATCH/map.xml"
    expect_rc 2
    expect_in "$SCRATCH/stderr" "give --images DIR"
    [ ! -e "$SCRATCH/map.xml" ] || fail "a refused scan wrote a session"
    run "$BIN" scan "$nk" "$SCRATCH/map.jpg" -o "$SCRATCH/map.xml" --images "$SCRATCH/kaart"
    expect_rc 0
    expect_in "$SCRATCH/stderr" "the netwerkkaart kept as a picture"
    expect_in "$SCRATCH/map.xml" '<picture href="kaart/netwerkkaart.jpg"/>'
    xmllint --noout --relaxng "$SRC/schemas/session.rng" "$SCRATCH/map.xml" 2>/dev/null || fail "the session does not validate"
    run "$BIN" render "$nk" --session "$SCRATCH/map.xml" --sheet report -o "$SCRATCH/report.pdf"
    expect_rc 0
    pdftotext "$SCRATCH/report.pdf" "$SCRATCH/report.txt" || die "pdftotext failed"
    grep -q "Hoe dragen de externe partners" "$SCRATCH/report.txt" || fail "the report has no title over the photo"
    pdfimages -list "$SCRATCH/report.pdf" | awk 'NR > 2 && $3 == "image" {print $4, $5, $9}' >"$SCRATCH/images"
    read -r w h enc <"$SCRATCH/images" || fail "the report holds no picture"
    [ "$enc" = jpeg ] || fail "the map's picture is not embedded as JPEG ($enc)"
    python3 -c "import sys; r = $w / $h; sys.exit(0 if abs(r - 420 / 297) < 0.01 else 1)" ||
        fail "the picture is $w x $h, not the A3 sheet's proportions"
    # straightened: the picture against the map rendered at its size (a 1 % misplacement differs in
    # about 7 % of the pixels at this tolerance, a true one in about 3 %)
    pdfimages -png -f 1 -l 1 "$SCRATCH/report.pdf" "$SCRATCH/pic" || die "pdfimages failed"
    pdftoppm -png -singlefile -scale-to-x "$w" -scale-to-y "$h" "$SCRATCH/map.pdf" "$SCRATCH/want" ||
        die "pdftoppm failed"
    "$(dirname "$photo_tool")/pp_imgdiff" "$SCRATCH/want.png" "$SCRATCH/pic-000.png" --tolerance 64 \
        --fraction 0.05 || fail "the picture is not the map straightened"
    photo "$SCRATCH/map.png" "$SCRATCH/part.jpg" --long 4000 --from 0 --to 0.6 --quality 80
    run "$BIN" scan "$nk" "$SCRATCH/part.jpg" -o "$SCRATCH/part.xml" --images "$SCRATCH/part"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "no photo shows the whole netwerkkaart"
    [ ! -e "$SCRATCH/part.xml" ] && [ ! -e "$SCRATCH/part/netwerkkaart.jpg" ] || fail "a refused scan left files"
    ;;
followup)
    run "$BIN" render "$content" --session "$marks" --sheet followup --paper A3 -o "$SCRATCH/fu.pdf"
    expect_rc 0
    pdftoppm -r 240 -png -singlefile "$SCRATCH/fu.pdf" "$SCRATCH/fu" || die "pdftoppm failed"
    photo "$SCRATCH/fu.png" "$SCRATCH/left.jpg" --long 4000 --rotate 5 --keystone 0.1 --blur 1 --noise 8 \
        --shade 0.3 --quality 60 --from 0 --to 0.58
    photo "$SCRATCH/fu.png" "$SCRATCH/right.jpg" --long 4000 --rotate 176 --keystone 0.08 --blur 1 --noise 8 \
        --shade 0.2 --quality 60 --from 0.42 --to 1 --seed 2
    sheet "$marks" "$SCRATCH/sheet.png"
    photo "$SCRATCH/sheet.png" "$SCRATCH/plaat.jpg" --long 4000 --rotate 10 --keystone 0.1 --quality 70
    scan_ok "$marks" "$SCRATCH/left.jpg" exact both "$SCRATCH/right.jpg" "$SCRATCH/plaat.jpg"
    # each half alone sees three codes; the left half holds the yes/no column
    cp "$SCRATCH/left.jpg" "$SCRATCH/lefthalf.jpg"
    scan_ok "$marks" "$SCRATCH/lefthalf.jpg" exact followup
    scan_safe "$marks" "$content" "$SCRATCH/right.jpg" followup "right half"
    expect_in "$SCRATCH/right.xml.stderr" "the box is in none of the photos"
    ;;
followup2)
    eight=$SRC/tests/data/eight-themes.xml
    run "$BIN" render "$eight" --sheet followup --paper A0 -o "$SCRATCH/fu.pdf"
    expect_rc 0
    expect_eq "$(pdf_field "$SCRATCH/fu.pdf" Pages)" 2 "pages of the eight-theme A0 follow-up plaat"
    pdftoppm -r 120 -f 1 -l 1 -png -singlefile "$SCRATCH/fu.pdf" "$SCRATCH/fu" || die "pdftoppm failed"
    photo "$SCRATCH/fu.png" "$SCRATCH/left.jpg" --long 4000 --rotate 3 --keystone 0.05 --quality 80 --from 0 --to 0.58
    photo "$SCRATCH/fu.png" "$SCRATCH/right.jpg" --long 4000 --rotate -2 --keystone 0.05 --quality 80 --from 0.42 --to 1
    run "$BIN" scan "$eight" "$SCRATCH/left.jpg" "$SCRATCH/right.jpg" -o "$SCRATCH/s.xml"
    expect_rc 0
    expect_in "$SCRATCH/stderr" "on page 2 of the follow-up plaat, of which no photo was given"
    grep "uncertain:" "$SCRATCH/stderr" | grep -v "on page 2 of" && fail "uncertain for another reason"
    grep -q 'mark=' "$SCRATCH/s.xml" && fail "a mark read from a blank sheet"
    grep -q "not filled in, [1-9][0-9]* uncertain" "$SCRATCH/stderr" || fail "no rows counted"
    ;;
followup-pages)
    # eight-themes.xml with the <record> words a session needs, taken from the Dutch content
    python3 - "$SRC" "$SCRATCH/eight.xml" <<'PY' || die "content with a record block"
import re, sys
nl = open(sys.argv[1] + "/content/samenwerking/nl.xml", encoding="utf-8").read()
record = re.search(r"  <record>.*?</record>\n", nl, re.S).group(0)
eight = open(sys.argv[1] + "/tests/data/eight-themes.xml", encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(eight.replace("  </colophon>\n", "  </colophon>\n" + record, 1))
PY
    want=$SRC/tests/data/eight-themes-marks.xml
    run "$BIN" render "$SCRATCH/eight.xml" --session "$want" --sheet followup --paper A0 -o "$SCRATCH/fu.pdf"
    expect_rc 0
    expect_eq "$(pdf_field "$SCRATCH/fu.pdf" Pages)" 2 "pages of the eight-theme A0 follow-up plaat"
    pdftoppm -r 120 -png "$SCRATCH/fu.pdf" "$SCRATCH/fu" || die "pdftoppm failed"
    photo "$SCRATCH/fu-1.png" "$SCRATCH/p1.jpg" --long 4000 --rotate 3 --keystone 0.05 --quality 80
    photo "$SCRATCH/fu-2.png" "$SCRATCH/p2.jpg" --long 4000 --rotate 184 --keystone 0.08 --noise 6 --quality 70 --seed 2
    content=$SCRATCH/eight.xml
    scan_ok "$want" "$SCRATCH/p1.jpg" exact followup "$SCRATCH/p2.jpg"
    expect_in "$SCRATCH/p1.xml.stderr" "10 group(s) read, 0 not filled in, 0 uncertain"
    # the second sheet alone: its rows read, the first sheet's named as not photographed
    scan_safe "$want" "$SCRATCH/eight.xml" "$SCRATCH/p2.jpg" followup "second sheet alone"
    expect_in "$SCRATCH/p2.xml.stderr" "on page 1 of the follow-up plaat, of which no photo was given"
    grep "uncertain:" "$SCRATCH/p2.xml.stderr" | grep -v "on page 1 of" && fail "uncertain for another reason"
    read_n=$(grep -o '[0-9]* group(s) read' "$SCRATCH/p2.xml.stderr" | grep -o '^[0-9]*')
    [ "${read_n:-0}" -ge 1 ] || fail "no mark of the second sheet read"
    ;;
disagree)
    sheet "$marks" "$SCRATCH/filled.png"
    sheet - "$SCRATCH/blank.png"
    photo "$SCRATCH/filled.png" "$SCRATCH/filled.jpg" --long 4000 --rotate 8 --quality 70
    photo "$SCRATCH/blank.png" "$SCRATCH/blank.jpg" --long 4000 --rotate 190 --quality 70
    scan_ok "$marks" "$SCRATCH/filled.jpg" safe praatplaat "$SCRATCH/blank.jpg"
    expect_in "$SCRATCH/filled.xml.stderr" "the photos disagree"
    expect_in "$SCRATCH/filled.xml.stderr" "0 group(s) read"
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
    usage_is "scan takes CONTENT, PHOTO, -o and --images only" scan "$content" a.jpg --paper A3 -o "$SCRATCH/s.xml"
    usage_is "--codes is for render and check" template "$content" --codes qr -o "$SCRATCH/t.xml"
    usage_is "--images is for scan" render "$content" --sheet praatplaat --images d -o "$SCRATCH/x.pdf"
    usage_is "--codes qr takes a sheet that scan reads" render "$content" --sheet guide --codes qr -o "$SCRATCH/x.pdf"
    usage_is "--codes takes qr or none" render "$content" --sheet praatplaat --codes maybe -o "$SCRATCH/x.pdf"
    cp "$marks" "$SCRATCH/same.xml"
    usage_is "the output would overwrite an input" scan "$content" "$SCRATCH/same.xml" -o "$SCRATCH/same.xml"
    ;;
*) die "unknown case $case_name" ;;
esac
e2e_done
