#!/usr/bin/env bash
# bad.sh BIN SRC SCRATCH CASE: one case of the bad-input catalogue (tests/data/bad/CATALOGUE).
# Runs the case's command (from the source dir) and checks that it
#   - exits with the expected code (within the case's time limit, default 30 s),
#   - prints exactly one "error:" line on stderr, at the expected FILE:LINE (or FILE, or "praatplaat")
#     and the expected text somewhere on stderr, no sanitizer report, and nothing on stdout (but for
#     check, which may print its summary there),
#   - writes nothing: for a command with {out}, it is run twice, once with no output file (none may
#     appear, and no temporary file either) and once over an existing output (left byte-identical),
#   - leaves its input file unchanged,
#   - and passes the case's flags (see CATALOGUE).
# Inputs written "@NAME" in the catalogue are made here by gen_NAME, in $SCRATCH/in.
set -euo pipefail
shopt -s nullglob
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
name=${ARGS[0]}
catalogue=$SRC/tests/data/bad/CATALOGUE
# (Few processes: the machine's fork is slow and the catalogue has a hundred cases.)
found=""
while IFS=$'\t' read -r case command input want_rc where substring flags; do
    [ "$case" = "$name" ] && found=1 && break
done <"$catalogue"
[ -n "$found" ] || die "$name is not listed in tests/data/bad/CATALOGUE"
[ -n "$flags" ] || die "$name: the catalogue row needs 7 tab-separated columns"

IN_DIR=$SCRATCH/in OUT_DIR=$SCRATCH/out
mkdir -p "$IN_DIR" "$OUT_DIR"
valid=tests/data/bad/valid.xml
secret=tests/data/bad/secret.txt
LINE="" LIMIT=30 SKIP=""

# --- generated inputs (set IN, and LINE when the line is only known once the file is made) -------

# line_of FILE TEXT: the number of the first line of FILE holding the fixed string TEXT.
line_of() { grep -nF -m1 -- "$2" "$1" | cut -d: -f1; }

# python3 one-liners that write a variant of valid.xml: gen_py OUT 'python expression of s'.
gen_py() {
    python3 - "$SRC/$valid" "$1" "$2" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
out = eval(sys.argv[3], {"s": s})
assert out != s, "the variant is the same as valid.xml"
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
}

gen_big_text() { # a 10 MB text node (the limit is 4 MiB per file)
    IN=$IN_DIR/big-text.xml
    gen_py "$IN" 's.replace("Disagreements are", "x" * (10 * 1024 * 1024) + " are", 1)'
}
gen_long_text() { # one statement of 20 000 bytes (the limit is 16 000)
    IN=$IN_DIR/long-text.xml
    gen_py "$IN" 's.replace("Disagreements are", "ab " * 6667 + "are", 1)'
    LINE=$(line_of "$IN" 'id="trust.2"')
}
gen_text_just_over() { # one statement of 15 999 bytes, one more than a text may have
    IN=$IN_DIR/text-just-over.xml
    gen_py "$IN" 's.replace("Disagreements are discussed constructively and in good time.", "x" * 15999, 1)'
    LINE=$(line_of "$IN" 'id="trust.2"')
}
gen_text_at_limit() { # one statement of 15 998 bytes: the most a text may have
    IN=$IN_DIR/text-at-limit.xml
    gen_py "$IN" 's.replace("Disagreements are discussed constructively and in good time.", "x" * 15998, 1)'
    LINE=$(line_of "$IN" 'id="trust.2"')
}
gen_deep_nesting() { # 10 000 nested elements on one line
    IN=$IN_DIR/deep-nesting.xml
    gen_py "$IN" 's.replace("  <guide>\n", "  <guide>\n" + "<section>" * 10000 + "</section>" * 10000 + "\n", 1)'
    LINE=$(line_of "$IN" '<section><section>')
}
gen_quadratic_blowup() { # one 50 000-byte entity used 2 000 times: 100 MB if it were expanded
    IN=$IN_DIR/quadratic-blowup.xml
    gen_py "$IN" '"<?xml version=\"1.0\"?>\n<!DOCTYPE instrument [\n<!ENTITY a \"" + "x" * 50000 + "\">\n]>\n" + s.split("?>", 1)[1].replace("Disagreements are", "&a;" * 2000, 1)'
    LINE=2
}
gen_c1_control() { # U+0085 (NEXT LINE), a C1 control character, in a statement
    IN=$IN_DIR/c1-control.xml
    gen_py "$IN" 's.replace("Disagreements are", "Disagreements\u0085 are", 1)'
    LINE=$(line_of "$IN" 'id="trust.2"')
}
gen_copy() { # a copy of valid.xml, for output-is-input
    IN=$IN_DIR/copy.xml
    cp "$SRC/$valid" "$IN"
}
gen_po_copy() {
    IN=$IN_DIR/copy.po
    cp "$SRC/tests/data/bad/po/ok.po" "$IN"
}
gen_po_too_long() { # a translation of 16 001 bytes
    IN=$IN_DIR/too-long.po
    python3 - "$SRC/tests/data/bad/po/ok.po" "$IN" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(s.replace('msgstr "VISIE"', 'msgstr "' + "x" * 16001 + '"', 1))
PY
    LINE=$(line_of "$IN" 'msgctxt "vision.name"')
}
gen_unreadable() { # mode 000; as root that does not stop reading, so the case is skipped then
    IN=$IN_DIR/unreadable.xml
    cp "$SRC/$valid" "$IN"
    chmod 000 "$IN"
    if head -c1 "$IN" >/dev/null 2>&1; then
        SKIP="a file of mode 000 is still readable (running as root): nothing to test"
    fi
}

# break_layout FILE SED MARKER: a copy of layouts/ with one file changed by SED; IN is that file and
# LINE the line holding MARKER (the value that was broken).
break_layout() {
    cp -r "$SRC/layouts" "$IN_DIR/layouts"
    IN=$IN_DIR/layouts/$1
    sed -i -e "$2" "$IN"
    cmp -s "$IN" "$SRC/layouts/$1" && die "$name: the sed expression changed nothing in layouts/$1"
    [ -z "${3:-}" ] || LINE=$(line_of "$IN" "$3")
    [ -z "${3:-}" ] || [ -n "$LINE" ] || die "$name: \"$3\" is not in the broken layouts/$1"
}
gen_layout_negative_length() { break_layout followup.xml '0,/<length name="margin" mm="[^"]*"/s//<length name="margin" mm="-5"/' 'mm="-5"'; }
gen_layout_huge_length() { break_layout followup.xml '0,/<length name="margin" mm="[^"]*"/s//<length name="margin" mm="1e400"/' 'mm="1e400"'; }
gen_layout_nan_number() { break_layout followup.xml 's/<number name="tint-theme" value="[^"]*"/<number name="tint-theme" value="nan"/' 'value="nan"'; }
gen_layout_zero_size() { break_layout followup.xml '0,/\(<style [^>]*\) size="[^"]*"/s//\1 size="0"/' 'size="0"'; }
gen_layout_min_above_size() { break_layout followup.xml '0,/\(<style [^>]*\) min="[^"]*"/s//\1 min="999"/' 'min="999"'; }
gen_layout_huge_leading() { break_layout praatplaat.xml '0,/ leading="[^"]*"/s// leading="100"/' 'leading="100"'; }
gen_layout_bad_orientation() { break_layout followup.xml 's/<layout \(.*\)orientation="[^"]*"/<layout \1orientation="sideways"/' 'orientation="sideways"'; }
gen_layout_bad_reference() { break_layout followup.xml 's/<layout \(.*\)reference="[^"]*"/<layout \1reference="B5"/' 'reference="B5"'; }
gen_layout_unknown_paper_block() { break_layout followup.xml 's/<paper size="A0">/<paper size="A9">/' '<paper size="A9">'; }
gen_layout_unknown_font() { break_layout followup.xml 's/family="Noto Sans"/family="Comic Sans MS"/'; }
gen_layout_bad_colour() { break_layout followup.xml 's/<colour name="ink" rgb="[^"]*"/<colour name="ink" rgb="#12345"/' 'rgb="#12345"'; }
gen_layout_unknown_element() { break_layout followup.xml '0,/\( *\)<length name="margin"/s//\1<circle name="dot" mm="3"\/>\n&/' '<circle'; }
gen_layout_defined_twice() { break_layout followup.xml '0,/<length name="margin" [^>]*>/s//&<length name="margin" mm="4"\/>/' '<length name="margin" mm="4"/>'; }
gen_layout_malformed() { break_layout followup.xml '0,/<length name="margin"/s//<length name="margin"<</' 'name="margin"<<'; }
gen_layout_missing() {
    cp -r "$SRC/layouts" "$IN_DIR/layouts"
    IN=$IN_DIR/layouts/followup.xml
    rm "$IN"
}
gen_layout_panel_w_max_half() { break_layout praatplaat.xml 's/<number name="panel-w-max" value="[^"]*"/<number name="panel-w-max" value="0.5"/' 'name="panel-w-max"'; }
gen_layout_themes_max_negative() { break_layout praatplaat.xml 's/<number name="themes-max" value="[^"]*"/<number name="themes-max" value="-1"/' 'name="themes-max"'; }
gen_layout_line_gap_zero() { break_layout praatplaat.xml 's/<length name="line-gap" mm="[^"]*"/<length name="line-gap" mm="0"/' 'name="line-gap"'; }
# Held to the sheet's declared names (issue #11): a misspelt, a missing and an unused name; a layout
# for another sheet.
gen_layout_misspelt_name() { break_layout followup.xml 's/<length name="header-h"/<length name="headr-h"/' 'name="headr-h"'; }
gen_layout_missing_name() { break_layout followup.xml '/<length name="kicker-h"/d' '<layout '; }
gen_layout_unused_colour() { break_layout followup.xml 's/<colour name="rule" /<colour name="spare" rgb="#123456"\/>&/' 'name="spare"'; }
gen_layout_other_sheet() { break_layout followup.xml 's/<layout \(.*\)sheet="followup"/<layout \1sheet="guide"/' '<layout '; }

# A copy of the data directory (layouts, fonts, schemas) with something missing; IN is the copy.
copy_data() {
    IN=$IN_DIR/data
    mkdir -p "$IN"
    cp -r "$SRC/layouts" "$SRC/fonts" "$SRC/schemas" "$IN/"
}
gen_data_family_removed() { copy_data; rm "$IN"/fonts/NotoSans-*; }
gen_data_bold_removed() { copy_data; rm "$IN"/fonts/NotoSans-Bold.ttf; }
gen_data_no_fonts() { copy_data; rm -r "$IN"/fonts/*; }
gen_data_no_schema() { copy_data; rm -r "$IN/schemas"; }

# --- forms (issue #12): a form made here, then broken as a reader or a tool could -------------------

form_content=content/samenwerking/nl.xml
make_form() { # a blank fillable form of the VO-raad instrument
    IN=$IN_DIR/form.pdf
    "$BIN" render "$form_content" --sheet all --paper A4 --form -o "$IN" >/dev/null 2>&1 || die "cannot make a form"
}
# set_field NAME JSON: the form with one field's value set (tests/e2e/setfield.js, as MuPDF saves).
set_field() {
    make_form
    mutool run "$SRC/tests/e2e/setfield.js" "$IN" "$IN_DIR/filled.pdf" "$1" "$2" >/dev/null || die "mutool failed"
    IN=$IN_DIR/filled.pdf
}
json() { python3 -c 'import json, sys; print(json.dumps(eval(sys.argv[1])))' "$1"; }
gen_form_copy() { make_form; }
# --- scan (issue #19): pictures made here, as a flatbed scan of an A4 print would give -------------

scan_png() { # SOURCE [OPTIONS...]: a PNG of SOURCE's praatplaat
    local src=$1
    shift
    IN=$IN_DIR/photo.png
    "$BIN" render "$src" --sheet praatplaat --paper A4 "$@" --format png --dpi 150 -o "$IN" >/dev/null 2>&1 || die "cannot render"
}
gen_photo_no_codes() { scan_png "$form_content" --codes none; }
gen_photo_other_instrument() { scan_png "$valid" --codes qr; }
gen_photo_truncated() { scan_png "$form_content" --codes qr; head -c 30000 "$IN" >"$IN_DIR/cut.png"; IN=$IN_DIR/cut.png; }
gen_photo_old_layout() { # a sheet printed with a layout version other than the layout's now
    mkdir -p "$IN_DIR/layouts"
    cp "$SRC"/layouts/*.xml "$IN_DIR/layouts/"
    sed -i 's|<number name="code-version" value="[0-9]*"/>|<number name="code-version" value="999"/>|' "$IN_DIR/layouts/praatplaat.xml"
    scan_png "$form_content" --codes qr --layouts "$IN_DIR/layouts"
}
gen_photo_huge() { # a PNG whose header says 20 000 × 20 000 pixels
    IN=$IN_DIR/huge.png
    python3 -c 'import struct, sys, zlib
ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk + b"\0" * 64)' "$IN"
}
# A grey baseline JPEG of W × H pixels, every block flat (one Huffman code each for DC and AC).
tiny_jpeg() { # W H OUT
    python3 -c 'import struct, sys
w, h = int(sys.argv[1]), int(sys.argv[2])
def seg(m, b): return b"\xff" + bytes([m]) + struct.pack(">H", len(b) + 2) + b
dqt = seg(0xDB, b"\0" + b"\1" * 64)
sof = seg(0xC0, struct.pack(">BHHB", 8, h, w, 1) + b"\1\x11\0")
dht = seg(0xC4, b"\x00" + b"\1" + b"\0" * 15 + b"\0") + seg(0xC4, b"\x10" + b"\1" + b"\0" * 15 + b"\0")
sos = seg(0xDA, b"\1\1\0\0\x3f\0")
blocks = ((w + 7) // 8) * ((h + 7) // 8)  # two bits a block: DC difference 0, end of block
data = b"\0" * ((2 * blocks + 7) // 8)
open(sys.argv[3], "wb").write(b"\xff\xd8" + dqt + sof + dht + sos + data + b"\xff\xd9")' "$@"
}
gen_photo_jpeg_too_wide() { # a JPEG wider than cairo's images (32767 pixels a side), few pixels
    IN=$IN_DIR/wide.jpg
    tiny_jpeg 40000 8 "$IN"
}
gen_photo_jpeg_cut() { # a JPEG cut off inside its header
    tiny_jpeg 64 64 "$IN_DIR/whole.jpg"
    IN=$IN_DIR/cut.jpg
    head -c 100 "$IN_DIR/whole.jpg" >"$IN"
}

gen_form_plain() { # a sheet without fields
    IN=$IN_DIR/plain.pdf
    "$BIN" render "$form_content" --sheet all --paper A4 -o "$IN" >/dev/null 2>&1 || die "cannot render"
}
gen_form_other_instrument() { # the form of another instrument (valid.xml)
    IN=$IN_DIR/other.pdf
    "$BIN" render "$valid" --sheet all --form -o "$IN" >/dev/null 2>&1 || die "cannot make a form"
}
gen_form_other_content_version() { # a form of a content where statement ambitie.4 is ambitie.9
    sed 's/id="ambitie\.4"/id="ambitie.9"/' "$form_content" >"$IN_DIR/variant.xml"
    IN=$IN_DIR/variant.pdf
    "$BIN" render "$IN_DIR/variant.xml" --sheet all --paper A4 --form -o "$IN" >/dev/null 2>&1 || die "cannot make a form"
}
gen_form_encrypted() { make_form; qpdf --encrypt user owner 256 -- "$IN" "$IN_DIR/encrypted.pdf"; IN=$IN_DIR/encrypted.pdf; }
gen_form_truncated() { make_form; head -c 20000 "$IN" >"$IN_DIR/truncated.pdf"; IN=$IN_DIR/truncated.pdf; }
gen_form_bad_date() { set_field header:date '"14 oktober 2026"'; }
gen_form_impossible_date() { set_field next-date '"2026-02-30"'; }
gen_form_text_too_long() { set_field cell:ambitie:status "$(json '"ab " * 6000')"; }
gen_form_control_char() { set_field notes:ambitie '"bel\u0007"'; }
gen_form_c1_control() { set_field header:partnership '"next\u0085line"'; }
gen_form_too_many_postits() { set_field postits:ambitie "$(json '"\n\n".join("p%d" % i for i in range(41))')"; }
gen_form_too_many_participants() { set_field header:participants "$(json '"\n".join("p%d" % i for i in range(61))')"; }
gen_form_version() { set_field praatplaat-form '"praatplaat-form 9 samenwerking nl"'; }
gen_form_meta_cleared() { set_field praatplaat-form '""'; }
# The network map's form: fields set one after the other.
make_net_form() {
    IN=$IN_DIR/kaart.pdf
    "$BIN" render content/netwerkkaart/nl.xml --sheet netwerkkaart --paper A3 --form -o "$IN" >/dev/null 2>&1 ||
        die "cannot make a form"
}
set_net_fields() { # NAME JSON [NAME JSON]...
    make_net_form
    local k=0
    while [ $# -ge 2 ]; do
        k=$((k + 1))
        mutool run "$SRC/tests/e2e/setfield.js" "$IN" "$IN_DIR/kaart$k.pdf" "$1" "$2" >/dev/null || die "mutool failed"
        IN=$IN_DIR/kaart$k.pdf
        shift 2
    done
}
near=partners:kind:zorg:ring:near
gen_form_net_blank() { make_net_form; }
gen_form_net_unknown_partner() { set_net_fields "$near" '"CLB Waasland\n\nHuis van het Kind"' links '"CLB Waasland \u2014 Huis van het Kind\nCLB Waasland \u2014 Niemand"'; }
gen_form_net_link_no_separator() { set_net_fields "$near" '"CLB Waasland\n\nHuis van het Kind"' links '"CLB Waasland en Huis van het Kind"'; }
gen_form_net_unknown_role() { set_net_fields "$near" '"CLB Waasland\nwekelijks\n[role.kok]"'; }
gen_form_net_mark_with_text() { set_net_fields "$near" '"CLB Waasland\n[role.leraren] vaak"'; }
gen_form_net_too_many_marks() { set_net_fields partners:kind:zorg:ring:far '"CLB Waasland\n[role.leraren \u00d761]"'; }
gen_form_net_too_many_partners() { set_net_fields "$near" "$(json '"\n\n".join("p%d" % i for i in range(151))')"; }
gen_form_net_bad_date() { set_net_fields header:date '"18 november"'; }
gen_form_meta_other() { set_field praatplaat-form '"praatplaat-form 1 andere nl"'; }

# A session text with a private-use character (U+E000), which no shipped font has (issue #18).
gen_session_pua() { # in a post-it's author
    IN=$IN_DIR/session-pua.xml
    sed 's#<author>Joost</author>#<author>Joost \xee\x80\x80</author>#' "$SRC/samples/zuidrand-2026-10.xml" >"$IN"
    LINE=$(line_of "$IN" $'Joost \xee\x80\x80')
}
gen_session_pua_cell() { # in a follow-up cell
    IN=$IN_DIR/session-pua-cell.xml
    sed 's#Joost en Ricardo: werksessie#Joost en Ricardo \xee\x80\x81 werksessie#' "$SRC/samples/zuidrand-2026-10.xml" >"$IN"
    LINE=$(line_of "$IN" $'Ricardo \xee\x80\x81')
}

# --- the case ------------------------------------------------------------------------------------

cd "$SRC"
case $input in
@*) gen="gen_${input#@}"; gen="${gen//-/_}"
    declare -F "$gen" >/dev/null || die "$name: no generator $gen in bad.sh"
    "$gen" ;;
*) IN=$input ;;
esac
if [ -n "$SKIP" ]; then
    echo "SKIP: $SKIP"
    exit 77
fi
case $command in
"l10n merge"*) OUT=$OUT_DIR/out.xml ;;
"l10n extract"*) OUT=$OUT_DIR/out.pot ;;
import*) OUT=$OUT_DIR/out.xml ;;
*) OUT=$OUT_DIR/out.pdf ;;
esac

# expand TEMPLATE: the placeholders of the catalogue filled in.
expand() {
    local s=$1
    s=${s//\{in\}/$IN}
    s=${s//\{dir\}/${IN%/*}}
    s=${s//\{out\}/$OUT}
    s=${s//\{valid\}/$valid}
    s=${s//\{scratch\}/$SCRATCH}
    s=${s//\{line\}/$LINE}
    printf '%s' "$s"
}
read -r -a argv <<<"$(expand "$command")" # no placeholder value holds white space
[[ "$SCRATCH" != *[[:space:]]* ]] || die "the scratch dir must not hold white space: $SCRATCH"
where=$(expand "$where")
[[ $where =~ ^[0-9]+$ ]] && where="$IN:$where"
# The flags, split at commas; disabled=WHY comes last and its WHY may hold anything.
IFS=, read -r -a flag_list <<<"${flags%%disabled=*}"
for flag in "${flag_list[@]}"; do
    case $flag in timeout=*) LIMIT=${flag#timeout=} ;; esac
done

# A copy of the input, to check that it is left unchanged.
in_copy=""
if [ -f "$IN" ] && [ -r "$IN" ]; then
    in_copy=$SCRATCH/input.orig
    cp "$IN" "$in_copy"
fi
secret_text=PP-SECRET-7F3A9C # the first word of $secret

# one_run WHAT: runs the command once and checks everything but the output file.
one_run() {
    local what=$1 errors=0 first="" l all
    run timeout "$LIMIT" "$BIN" "${argv[@]}"
    [ "$RC" -ne 124 ] || fail "$what: no answer within $LIMIT s"
    expect_rc "$want_rc"
    mapfile -t lines <"$SCRATCH/stderr"
    for l in "${lines[@]}"; do
        [[ $l == *": error: "* ]] || continue
        errors=$((errors + 1))
        [ -n "$first" ] || first=$l
    done
    all=$(printf '%s\n' "${lines[@]}")
    [ "$errors" -eq 1 ] || fail "$what: $errors error lines on stderr, expected 1:"$'\n'"$all"
    if [ "$where" != "-" ] && [[ $first != "$where: error: "* ]]; then
        fail "$what: the error is not reported at \"$where\": $first"
    fi
    [[ $all == *"$substring"* ]] || fail "$what: stderr does not hold \"$substring\":"$'\n'"$all"
    [[ $all != *Sanitizer* && $all != *"runtime error:"* ]] || fail "$what: a sanitizer report on stderr"
    # check reports a layout it could plan on stdout; every other failing command prints nothing there.
    [ "${argv[0]}" = check ] || [ ! -s "$SCRATCH/stdout" ] ||
        fail "$what: something on stdout: $(head -c 200 "$SCRATCH/stdout")"
    [ -z "$in_copy" ] || cmp -s "$IN" "$in_copy" || fail "$what: the input $IN was changed"
    for flag in "${flag_list[@]}"; do
        case $flag in
        secret)
            ! grep -q -F -r -- "$secret_text" "$SCRATCH/stdout" "$SCRATCH/stderr" "$OUT_DIR" ||
                fail "$what: the content of $secret reached the output" ;;
        device=*)
            [ -c "${flag#device=}" ] || fail "$what: ${flag#device=} is no longer a character device" ;;
        absent=*)
            local path
            path=$(expand "${flag#absent=}")
            [ ! -e "$path" ] || fail "$what: $path was created" ;;
        timeout=* | - | "") ;;
        *) die "$name: unknown flag $flag" ;;
        esac
    done
}

# only_in_out WHAT [NAME]: the output directory holds exactly NAME, or nothing (no temporary files).
only_in_out() {
    local what=$1 files
    shift
    files=("$OUT_DIR"/* "$OUT_DIR"/.[!.]*)
    files=("${files[@]##*/}")
    [ "${files[*]}" = "$*" ] || fail "$what: files in the output directory: ${files[*]} (expected: ${*:-none})"
}

if [[ " ${argv[*]} " == *" $OUT "* ]]; then
    one_run "without an existing output"
    only_in_out "without an existing output"
    printf 'an earlier output\n' >"$OUT"
    printf 'an earlier output\n' >"$SCRATCH/earlier"
    one_run "over an existing output"
    cmp -s "$OUT" "$SCRATCH/earlier" || fail "the existing output was changed"
    only_in_out "over an existing output" "${OUT##*/}"
else
    one_run "run"
    only_in_out "run"
fi
e2e_done
