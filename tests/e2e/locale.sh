#!/usr/bin/env bash
# locale.sh BIN SRC SCRATCH: the locale changes no output. Under LC_ALL=C and under de_DE.UTF-8 (a
# decimal comma: a number printed or read with the locale's rules would differ) the whole set, a
# session's report and `check` give byte-identical PDFs and identical output. The locale must
# exist: scripts/setup.sh generates it; without it this test fails.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
content=$SRC/content/samenwerking/nl.xml
session=$SRC/samples/zuidrand-2026-10.xml
comma=de_DE.UTF-8

locale -a 2>/dev/null | grep -qixF de_DE.utf8 ||
    die "locale $comma is missing (locale -a); generate it with scripts/setup.sh"
point=$(LC_ALL=$comma locale decimal_point 2>/dev/null) || true
[ "$point" = "," ] || die "locale $comma has decimal point \"$point\", expected \",\""

# in_locale LOCALE CMD...: CMD with every locale variable set to LOCALE.
in_locale() {
    local loc=$1
    shift
    env -u LANGUAGE LC_ALL="$loc" LANG="$loc" "$@"
}

for loc in C "$comma"; do
    run in_locale "$loc" "$BIN" render "$content" --sheet all --paper A4 -o "$SCRATCH/all-$loc.pdf"
    expect_rc 0
    run in_locale "$loc" "$BIN" render "$content" --session "$session" --sheet report \
        -o "$SCRATCH/report-$loc.pdf"
    expect_rc 0
    run in_locale "$loc" "$BIN" check "$content"
    expect_rc 0
    cat "$SCRATCH/stdout" "$SCRATCH/stderr" >"$SCRATCH/check-$loc.txt"
    run in_locale "$loc" "$BIN" check "$content" --session "$session" --sheet report
    expect_rc 0
    cat "$SCRATCH/stdout" "$SCRATCH/stderr" >"$SCRATCH/check-report-$loc.txt"
done

for name in all report; do
    if [ ! -s "$SCRATCH/$name-C.pdf" ] || [ ! -s "$SCRATCH/$name-$comma.pdf" ]; then
        fail "$name: a PDF is missing"
    elif ! cmp -s "$SCRATCH/$name-C.pdf" "$SCRATCH/$name-$comma.pdf"; then
        fail "$name: the PDF under LC_ALL=$comma differs from the one under LC_ALL=C"
        cmp "$SCRATCH/$name-C.pdf" "$SCRATCH/$name-$comma.pdf" >&2 || true
    fi
done
expect_in "$SCRATCH/check-C.txt" "all at A3: " "check under LC_ALL=C"
expect_in "$SCRATCH/check-report-C.txt" "report at A4: " "check --sheet report under LC_ALL=C"
for name in check check-report; do
    diff -u "$SCRATCH/$name-C.txt" "$SCRATCH/$name-$comma.txt" >&2 ||
        fail "$name: output under LC_ALL=$comma differs from the one under LC_ALL=C"
done
e2e_done
