# shellcheck shell=bash disable=SC2034
# Shared helpers of the end-to-end tests; sourced by every tests/e2e/*.sh script.
# A test script is called as: SCRIPT BINARY SOURCE_DIR SCRATCH_DIR [ARGS...]. After `e2e_init "$@"`:
#   BIN      the praatplaat binary          SRC   the source tree
#   SCRATCH  an empty directory of this test (under the build tree's tests/out/)
#   ARGS     the remaining arguments
# Failures print what differs and exit 1; `e2e_done` prints PASS when no check failed.

FAILED=0

e2e_init() {
    [ $# -ge 3 ] || { echo "usage: $0 BINARY SOURCE_DIR SCRATCH_DIR [ARGS...]" >&2; exit 2; }
    BIN=$1 SRC=$2 SCRATCH=$3
    shift 3
    ARGS=("$@")
    [ -x "$BIN" ] || { echo "not an executable: $BIN" >&2; exit 2; }
    case $SCRATCH in */tests/out/*) ;; *) echo "scratch dir must be under tests/out/: $SCRATCH" >&2; exit 2 ;; esac
    rm -rf "$SCRATCH"
    mkdir -p "$SCRATCH"
    E2E_LIB_DIR=$SRC/tests/e2e
}

# Record a failed check and go on, so one run lists every difference.
fail() {
    echo "FAIL: $*" >&2
    FAILED=1
}

# Stop at once (for checks the rest of the test depends on).
die() {
    echo "FAIL: $*" >&2
    exit 1
}

e2e_done() {
    [ "$FAILED" -eq 0 ] || exit 1
    echo PASS
}

# run CMD...: runs CMD, never aborts; sets RC and writes its output to $SCRATCH/stdout, $SCRATCH/stderr.
run() {
    RC=0
    "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr" || RC=$?
    LAST_CMD="$*"
}

# expect_rc WANT: the last `run` exited with WANT; shows the command and its stderr when not.
expect_rc() {
    if [ "$RC" -ne "$1" ]; then
        fail "exit code $RC, expected $1: $LAST_CMD"
        sed 's/^/  stderr: /' "$SCRATCH/stderr" >&2
    fi
}

# expect_in FILE TEXT [WHAT]: FILE contains the fixed string TEXT.
expect_in() {
    if ! grep -qF -- "$2" "$1"; then
        fail "${3:-$(basename "$1")} does not contain \"$2\" ($LAST_CMD)"
        sed 's/^/  | /' "$1" | head -20 >&2
    fi
}

expect_eq() { # ACTUAL EXPECTED WHAT
    [ "$1" = "$2" ] || fail "$3: got \"$1\", expected \"$2\""
}

sum() { sha256sum <"$1" | cut -d' ' -f1; }

# pdf_field PDF NAME: a field of pdfinfo, e.g. Title, Creator, Pages.
pdf_field() { pdfinfo "$1" | sed -n "s/^$2: *//p"; }

# texts CONTENT WHAT > FILE: the texts of CONTENT that WHAT (followup, guide, themes, title) shows.
texts() { python3 "$E2E_LIB_DIR/texts.py" "$1" "$2"; }

# expect_texts EXPECTED_FILE PDF [--rtl]: every line of EXPECTED_FILE occurs in the PDF's text (--rtl: of
# a right-to-left document, see contains.py).
expect_texts() {
    pdftotext -enc UTF-8 "$2" "$SCRATCH/pdf.txt" || die "pdftotext failed on $2"
    python3 "$E2E_LIB_DIR/contains.py" "$1" "$SCRATCH/pdf.txt" ${3:-} || fail "texts missing from $2 (see above)"
}

# rasterise PDF PREFIX [DPI]: writes PREFIX-p1.png, PREFIX-p2.png, ... at DPI (default 40), one per page.
rasterise() {
    local pages i
    pages=$(pdf_field "$1" Pages)
    for ((i = 1; i <= pages; i++)); do
        pdftoppm -r "${3:-40}" -png -f "$i" -l "$i" -singlefile "$1" "$2-p$i"
    done
}

# form_ok OUT ARGS...: render ARGS as a form (--form) into OUT, which must be structurally valid.
form_ok() {
    local out=$1
    shift
    run "$BIN" render "$@" --form -o "$out"
    expect_rc 0
    qpdf --check "$out" >"$SCRATCH/qpdf" 2>&1 || fail "qpdf --check fails on $out: $(tail -3 "$SCRATCH/qpdf")"
}

# import_ok FORM SESSION: import of FORM with the caller's $content succeeds and SESSION validates.
import_ok() {
    run "$BIN" import "$content" "$1" -o "$2"
    expect_rc 0
    xmllint --noout --relaxng "$SRC/schemas/session.rng" "$2" 2>"$SCRATCH/xmllint" ||
        fail "the imported session does not validate: $(cat "$SCRATCH/xmllint")"
}

# form_fill_import SPECIAL FILLER...: a blank A3 form (--sheet all) of $content filled by FILLER (its
# markers in markers.txt, SPECIAL's text in one field), every field filled, imported into
# session.xml, SPECIAL unchanged in it. Files in $SCRATCH.
form_fill_import() {
    local special=$1
    shift
    form_ok "$SCRATCH/blank.pdf" "$content" --sheet all --paper A3
    printf '%s\n' "$special" >"$SCRATCH/special.txt"
    "$@" "$SCRATCH/blank.pdf" "$SCRATCH/filled.pdf" "$SCRATCH/special.txt" >"$SCRATCH/markers.txt" ||
        die "the filler failed: $*"
    [ "$(wc -l <"$SCRATCH/markers.txt")" -gt 400 ] || fail "the filler wrote only $(wc -l <"$SCRATCH/markers.txt") markers"
    python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/filled.pdf" >"$SCRATCH/filled.txt"
    [ "$(wc -l <"$SCRATCH/filled.txt")" -eq "$(python3 "$E2E_LIB_DIR/formvalues.py" "$SCRATCH/blank.pdf" names | wc -l)" ] ||
        fail "not every field was filled: $(wc -l <"$SCRATCH/filled.txt") values"
    import_ok "$SCRATCH/filled.pdf" "$SCRATCH/session.xml"
    grep -qF "$(sed 's/&/\&amp;/; s/</\&lt;/; s/>/\&gt;/; s/"/\&quot;/g' "$SCRATCH/special.txt")" "$SCRATCH/session.xml" ||
        fail "the special characters did not pass unchanged into the session"
}
