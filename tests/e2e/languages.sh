#!/usr/bin/env bash
# languages.sh BIN SRC SCRATCH CASE: the content's language picks its hyphenation dictionary (issue 17).
#   hyphen-warning  a content in a language without a dictionary (Basque, "eu") gets a warning from
#                   `check` at its xml:lang line, exit 0; German (tests/data/de.xml) and Dutch get none
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"

case ${ARGS[0]} in
hyphen-warning)
    sed 's/xml:lang="nl"/xml:lang="eu"/' "$SRC/content/samenwerking/nl.xml" >"$SCRATCH/eu.xml"
    line=$(grep -n 'xml:lang="eu"' "$SCRATCH/eu.xml" | cut -d: -f1)
    run "$BIN" check "$SCRATCH/eu.xml" --sheet praatplaat --paper A3
    expect_rc 0
    expect_in "$SCRATCH/stderr" "eu.xml:$line: warning: no hyphenation dictionary for language \"eu\""
    expect_in "$SCRATCH/stderr" "install the package hyphen-eu"
    [ "$(grep -c 'no hyphenation dictionary' "$SCRATCH/stderr")" = 1 ] || fail "the warning is not given once"
    run "$BIN" check "$SCRATCH/eu.xml" --paper A3 # every sheet: still one warning
    expect_rc 0
    [ "$(grep -c 'no hyphenation dictionary' "$SCRATCH/stderr")" = 1 ] || fail "the warning is not given once for all"
    for content in "$SRC/tests/data/de.xml" "$SRC/content/samenwerking/nl.xml"; do
        run "$BIN" check "$content" --paper A3
        expect_rc 0
        if grep -q 'hyphenation' "$SCRATCH/stderr"; then
            fail "$(basename "$content") warns about hyphenation"
        fi
    done
    ;;
*) die "unknown case ${ARGS[0]}" ;;
esac
e2e_done
