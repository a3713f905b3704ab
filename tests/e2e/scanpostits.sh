#!/usr/bin/env bash
# Post-its on a scanned praatplaat (issue #19): sessions with known post-its per theme (none, one,
# several, every colour, beside notes or alone) are drawn with render --codes qr, photographed by
# tests/tools/pp_photo and scanned with --images. Cases:
#   A0 PHOTO_TOOL SCENE_TOOL  the A0 poster, 12 MP, turned 15°, keystoned, noisy, shaded, JPEG 60
#   A3 PHOTO_TOOL SCENE_TOOL  the A3 sheet, 12 MP, turned 170°, blurred, colour cast by the shading
#   jpeg PHOTO_TOOL           a session written by hand whose post-it is only a JPEG picture: the
#                             praatplaat and the report embed it as JPEG (DCT), once per file;
#                             post-its with no room on the sheet show their pictures in the
#                             appendix; a picture that is gone is an error at its line and nothing
#                             is written
# (At A3 the proces notes area has no room for post-its: its three go to the appendix, and none is
# drawn there.) Each: per theme the post-its found equal those drawn, in number and colour (reading order); each
# cut-out has the drawn post-it's size within 5% (drawn mm from tests/tools/pp_scene_ops, times the
# notes picture's pixels per mm); stderr counts them; the session validates and refers to every
# picture; its report (render --sheet report) shows every picture (pdfimages -list) and passes
# qpdf --check. Without --images the post-its are counted on stderr and the session has none.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
paper=${ARGS[0]}
photo_tool=${ARGS[1]}
scene_tool=${ARGS[2]:-}
content=$SRC/content/samenwerking/nl.xml
export SOURCE_DATE_EPOCH=1700000000

# The session: ambitie none; belangen one; relatie two beside notes; organisatie four; proces
# three, every colour used.
cat >"$SCRATCH/drawn.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<session format="1" instrument="samenwerking" xml:lang="nl">
  <praatplaat>
    <theme ref="ambitie" attention="yes"><statement ref="ambitie.1" score="plus"/></theme>
    <theme ref="belangen">
      <postit colour="pink"><text>Belangen expliciet maken</text><author>Sanne</author></postit>
    </theme>
    <theme ref="relatie">
      <notes>Vertrouwen groeit; de teams kennen elkaar nog nauwelijks.</notes>
      <postit colour="yellow"><text>Samen op studiedag</text><author>Ricardo</author></postit>
      <postit colour="blue"><text>Voorzitter laten rouleren</text></postit>
    </theme>
    <theme ref="organisatie">
      <postit colour="green"><text>Mandaat vastleggen</text></postit>
      <postit colour="orange"><text>Budget voor de regiegroep</text><author>Koen</author></postit>
      <postit colour="yellow"><author>Fatima</author></postit>
      <postit colour="pink"><text>Convenant</text></postit>
    </theme>
    <theme ref="proces">
      <postit colour="blue"><text>Dashboard</text></postit>
      <postit colour="green"><text>Evalueren in juni</text></postit>
      <postit colour="orange"><text>Wie zit de regiegroep voor?</text></postit>
    </theme>
  </praatplaat>
</session>
XML

if [ "$paper" = jpeg ]; then
    mkdir -p "$SCRATCH/s/pics"
    run "$BIN" render "$content" --sheet praatplaat --paper A4 -o "$SCRATCH/small.pdf"
    expect_rc 0
    pdftoppm -r 20 -png -singlefile "$SCRATCH/small.pdf" "$SCRATCH/small" || die "pdftoppm failed"
    "$photo_tool" "$SCRATCH/small.png" "$SCRATCH/s/pics/postit.jpg" --long 300 --quality 80 || die "pp_photo failed"
    cat >"$SCRATCH/s/session.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<session format="1" instrument="samenwerking" xml:lang="nl">
  <praatplaat>
    <theme ref="relatie">
      <postit colour="green"><picture href="pics/postit.jpg"/></postit>
    </theme>
  </praatplaat>
</session>
XML
    for sheet in praatplaat report; do
        run "$BIN" render "$content" --session "$SCRATCH/s/session.xml" --sheet $sheet -o "$SCRATCH/$sheet.pdf"
        expect_rc 0
        qpdf --check "$SCRATCH/$sheet.pdf" >/dev/null || fail "$sheet: qpdf --check"
        pdfimages -list "$SCRATCH/$sheet.pdf" | awk 'NR > 2 && $3 != "stencil" { print $4 "x" $5, $9, $11 }' | sort -u >"$SCRATCH/$sheet.images"
        [ "$(wc -l <"$SCRATCH/$sheet.images")" -eq 1 ] || fail "$sheet: not one picture: $(cat "$SCRATCH/$sheet.images")"
        grep -q '^300x212 jpeg ' "$SCRATCH/$sheet.images" || fail "$sheet: the JPEG is not embedded as it is: $(cat "$SCRATCH/$sheet.images")"
    done
    # post-its with no room on the sheet (twelve in the proces notes area at A3) go on in the appendix
    # with their pictures: each of the twelve drawn once, on the sheet or there, some there
    sed 's|<theme ref="relatie">|<theme ref="proces">|; s|\(<postit .*</postit>\)|\1\1\1\1\1\1\1\1\1\1\1\1|' \
        "$SCRATCH/s/session.xml" >"$SCRATCH/s/six.xml"
    run "$BIN" render "$content" --session "$SCRATCH/s/six.xml" --sheet praatplaat --paper A3 -o "$SCRATCH/six.pdf"
    expect_rc 0
    # (the scan codes are stencils, not pictures)
    later=$(pdfimages -list "$SCRATCH/six.pdf" | awk 'NR > 2 && $3 != "stencil" && $1 > 1' | wc -l)
    all=$(pdfimages -list "$SCRATCH/six.pdf" | awk 'NR > 2 && $3 != "stencil"' | wc -l)
    [ "$all" -eq 12 ] && [ "$later" -ge 1 ] ||
        fail "not twelve pictures, some in the appendix: $(pdfimages -list "$SCRATCH/six.pdf")"
    rm "$SCRATCH/s/pics/postit.jpg"
    cp "$SCRATCH/report.pdf" "$SCRATCH/before.pdf"
    run "$BIN" render "$content" --session "$SCRATCH/s/session.xml" --sheet report -o "$SCRATCH/report.pdf"
    expect_rc 1
    expect_in "$SCRATCH/stderr" "session.xml:5: error: <picture href=\"pics/postit.jpg\">: the picture"
    cmp -s "$SCRATCH/report.pdf" "$SCRATCH/before.pdf" || fail "a failed render changed the report"
    e2e_done
    exit 0
fi

case $paper in
A0) dpi=86 distortion=(--rotate 15 --keystone 0.15 --noise 8 --shade 0.3 --quality 60) ;;
A3) dpi=240 distortion=(--rotate 170 --keystone 0.2 --blur 1 --noise 8 --shade 0.4 --quality 60) ;;
*) die "unknown case $paper" ;;
esac
run "$BIN" render "$content" --session "$SCRATCH/drawn.xml" --sheet praatplaat --paper "$paper" --codes qr \
    -o "$SCRATCH/sheet.pdf"
expect_rc 0
pdftoppm -r "$dpi" -png -singlefile "$SCRATCH/sheet.pdf" "$SCRATCH/sheet" || die "pdftoppm failed"
"$photo_tool" "$SCRATCH/sheet.png" "$SCRATCH/photo.jpg" --long 4000 "${distortion[@]}" || die "pp_photo failed"
"$scene_tool" "$SRC" "$content" "$SCRATCH/drawn.xml" "$paper" >"$SCRATCH/drawn.ops" || die "pp_scene_ops failed"

mkdir -p "$SCRATCH/out"
run "$BIN" scan "$content" "$SCRATCH/photo.jpg" -o "$SCRATCH/out/scanned.xml" --images "$SCRATCH/out/pics"
expect_rc 0
cp "$SCRATCH/stderr" "$SCRATCH/scan.stderr"
xmllint --noout --relaxng "$SRC/schemas/session.rng" "$SCRATCH/out/scanned.xml" 2>/dev/null ||
    fail "the scanned session does not validate"
python3 "$SRC/tests/e2e/postitcompare.py" "$SCRATCH/drawn.xml" "$SCRATCH/out/scanned.xml" "$SCRATCH/drawn.ops" \
    "$SCRATCH/scan.stderr" ||
    fail "post-its differ"

# The report of the scanned session shows every picture, each once in the file.
run "$BIN" render "$content" --session "$SCRATCH/out/scanned.xml" --sheet report -o "$SCRATCH/report.pdf"
expect_rc 0
qpdf --check "$SCRATCH/report.pdf" >/dev/null || fail "report: qpdf --check"
pictures=$(grep -c '<picture href=' "$SCRATCH/out/scanned.xml")
want=$((5 + $(grep -c '^postit ' "$SCRATCH/drawn.ops")))
[ "$pictures" -eq "$want" ] || fail "$pictures pictures in the session, want $want (5 notes areas and the post-its)"
images=$(pdfimages -list "$SCRATCH/report.pdf" | awk 'NR > 2 { print $11 }' | sort -u | wc -l)
[ "$images" -eq "$pictures" ] || fail "the report holds $images pictures, the session $pictures"
pdfimages -list "$SCRATCH/report.pdf" | awk 'NR > 2 { print $4 "x" $5 }' | sort -u >"$SCRATCH/report.sizes"
python3 - "$SCRATCH/out" "$SCRATCH/report.sizes" <<'PY' || fail "a picture is missing from the report"
import os, re, struct, sys
sizes = set(open(sys.argv[2]).read().split())
text = open(os.path.join(sys.argv[1], "scanned.xml"), encoding="utf-8").read()
for href in re.findall(r'<picture href="([^"]+)"', text):
    w, h = struct.unpack(">II", open(os.path.join(sys.argv[1], href), "rb").read(24)[16:24])
    assert f"{w}x{h}" in sizes, (href, w, h)
PY

# Without --images: counted on stderr, nothing in the session.
run "$BIN" scan "$content" "$SCRATCH/photo.jpg" -o "$SCRATCH/bare.xml"
expect_rc 0
expect_in "$SCRATCH/stderr" "$((want - 5)) post-it(s): ambitie 0,"
expect_in "$SCRATCH/stderr" "--images DIR keeps their pictures"
grep -q '<postit' "$SCRATCH/bare.xml" && fail "post-its without pictures in the session"
e2e_done
