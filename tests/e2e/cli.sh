#!/usr/bin/env bash
# cli.sh BIN SRC SCRATCH CASE [VERSION]: the command line contract, one case per ctest.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/samenwerking/nl.xml
out=$SCRATCH/out.pdf

# usage_error ARGS...: exit 2, an error on stderr, nothing on stdout and no output file.
usage_error() {
    run "$BIN" "$@"
    expect_rc 2
    expect_in "$SCRATCH/stderr" "error:" stderr
    [ ! -s "$SCRATCH/stdout" ] || fail "a usage error printed on stdout: $(head -3 "$SCRATCH/stdout")"
    [ ! -e "$out" ] || fail "a usage error wrote $out"
}

case ${ARGS[0]} in
help)
    run "$BIN" --help
    expect_rc 0
    expect_in "$SCRATCH/stdout" "Usage" "stdout of --help"
    ;;
render-help)
    run "$BIN" render --help
    expect_rc 0
    expect_in "$SCRATCH/stdout" "Usage" "stdout of render --help"
    expect_in "$SCRATCH/stdout" "--sheet" "stdout of render --help"
    ;;
version)
    run "$BIN" --version
    expect_rc 0
    expect_eq "$(cat "$SCRATCH/stdout")" "praatplaat ${ARGS[1]}" "output of --version"
    ;;
unknown-option) usage_error render "$content" --sheet followup --frobnicate -o "$out" ;;
unknown-paper) usage_error render "$content" --sheet followup --paper A7 -o "$out" ;;
unknown-sheet) usage_error render "$content" --sheet poster -o "$out" ;;
dash-output) # "-o -" is no standard output: refused, and no file named "-" appears
    cd "$SCRATCH"
    for cmd in "render $content --sheet guide" "template $content"; do
        # shellcheck disable=SC2086
        usage_error $cmd -o -
        expect_in "$SCRATCH/stderr" "/dev/stdout"
        [ ! -e "$SCRATCH/-" ] || fail "$cmd -o - wrote a file named -"
    done
    ;;
missing-content)
    for cmd in render check; do
        if [ $cmd = render ]; then run "$BIN" render "$SCRATCH/absent.xml" --sheet followup -o "$out"
        else run "$BIN" check "$SCRATCH/absent.xml"; fi
        expect_rc 3
        expect_in "$SCRATCH/stderr" "$SCRATCH/absent.xml: error:" "stderr of $cmd"
    done
    [ ! -e "$out" ] || fail "render of a missing content file wrote $out"
    ;;
png-upper)
    # "preview.PNG" (a camera's or Windows' habit) is a PNG preview like "preview.png", not a PDF.
    run "$BIN" render "$content" --sheet followup --paper A4 -o "$SCRATCH/preview.PNG"
    expect_rc 0
    head -c 8 "$SCRATCH/preview.PNG" | od -An -c | grep -q 'P   N   G' ||
        fail "preview.PNG is not a PNG: $(file -b "$SCRATCH/preview.PNG")"
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
