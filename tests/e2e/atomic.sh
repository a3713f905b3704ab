#!/usr/bin/env bash
# atomic.sh BIN SRC SCRATCH CASE: the output file is written whole or not at all.
#   failed-render   a failing render (invalid content, exit 1) leaves an existing output untouched and
#                   no temporary files behind; a good render then replaces it
#   missing-dir     an output in a directory that does not exist: exit 3 and an error on stderr
#   output-is-input -o naming the input (the same path, and the same file by another path) fails and
#                   leaves the input unchanged
#   file-mode       a new output gets the usual mode of a new file (0666 less the umask), not 0600
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/samenwerking/nl.xml

# only_files DIR NAME...: DIR holds exactly the files NAME... (e.g. no .out.pdf.XXXX left behind).
only_files() {
    local dir=$1 got want
    shift
    got=$(find "$dir" -mindepth 1 -printf "%f\n" | sort)
    want=$(printf '%s\n' "$@" | sort)
    [ "$got" = "$want" ] || fail "files in $dir: ${got//$'\n'/ }; expected: $*"
}

case ${ARGS[0]} in
failed-render)
    mkdir "$SCRATCH/dir"
    out=$SCRATCH/dir/out.pdf
    echo "an earlier output" >"$out"
    before=$(sum "$out")
    run "$BIN" render "$SRC/tests/data/invalid/malformed.xml" --sheet followup -o "$out"
    expect_rc 1
    expect_eq "$(sum "$out")" "$before" "checksum of the existing output after a failed render"
    only_files "$SCRATCH/dir" out.pdf
    run "$BIN" render "$content" --sheet followup -o "$out"
    expect_rc 0
    [ "$(head -c 5 "$out")" = "%PDF-" ] || fail "a good render did not replace the existing output"
    only_files "$SCRATCH/dir" out.pdf
    ;;
missing-dir)
    run "$BIN" render "$content" --sheet followup -o "$SCRATCH/no-such-dir/out.pdf"
    expect_rc 3
    expect_in "$SCRATCH/stderr" "no-such-dir/out.pdf: error:" stderr
    [ ! -e "$SCRATCH/no-such-dir" ] || fail "the missing directory was created"
    ;;
output-is-input)
    cp "$content" "$SCRATCH/in.xml"
    before=$(sum "$SCRATCH/in.xml")
    for out in "$SCRATCH/in.xml" "$SCRATCH/./in.xml" "$SCRATCH/../$(basename "$SCRATCH")/in.xml"; do
        run "$BIN" render "$SCRATCH/in.xml" --sheet followup -o "$out"
        [ "$RC" -ne 0 ] || fail "render with -o $out (the input) exited 0"
        [ -s "$SCRATCH/stderr" ] || fail "render with -o $out (the input) printed no error"
        expect_eq "$(sum "$SCRATCH/in.xml")" "$before" "checksum of the input after -o $out"
        cp "$content" "$SCRATCH/in.xml"
    done
    only_files "$SCRATCH" in.xml stdout stderr
    ;;
file-mode)
    umask 022
    run "$BIN" render "$content" --sheet followup -o "$SCRATCH/out.pdf"
    expect_rc 0
    expect_eq "$(stat -c %a "$SCRATCH/out.pdf")" 644 "mode of a new output with umask 022"
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
