#!/usr/bin/env bash
# install.sh BIN SRC SCRATCH BUILD_DIR: `cmake --install BUILD_DIR` into a prefix in the scratch dir
# puts the program in bin/, its data under share/praatplaat/ and the man page in share/man/man1/;
# the installed program, run from another directory with no --data and no PRAATPLAAT_DATA, finds
# its data relative to itself: it renders and checks.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
[ ${#ARGS[@]} -ge 1 ] || { echo "usage: $0 BINARY SOURCE_DIR SCRATCH_DIR BUILD_DIR" >&2; exit 2; }
build=${ARGS[0]}
prefix=$SCRATCH/prefix
data=$prefix/share/praatplaat
installed=$prefix/bin/praatplaat
content=$data/content/samenwerking/nl.xml

run cmake --install "$build" --prefix "$prefix"
expect_rc 0
[ "$RC" -eq 0 ] || die "cmake --install failed"

# What is installed where.
{ [ -f "$installed" ] && [ -x "$installed" ]; } || die "no executable $installed"
for dir in layouts fonts schemas content; do
    [ -d "$data/$dir" ] || fail "no directory share/praatplaat/$dir"
done
for file in layouts/praatplaat.xml layouts/followup.xml layouts/guide.xml layouts/report.xml \
    fonts/NotoSans-Regular.ttf fonts/OFL.txt schemas/content.rng schemas/session.rng \
    content/samenwerking/nl.xml content/samenwerking/en.xml; do
    cmp -s "$SRC/$file" "$data/$file" || fail "share/praatplaat/$file is missing or differs from the source"
done

# The man page: installed, and `man -l` shows it without warnings.
page=$prefix/share/man/man1/praatplaat.1
if [ ! -f "$page" ]; then
    fail "no man page share/man/man1/praatplaat.1"
else
    run env MANWIDTH=80 MANPAGER=cat PAGER=cat man --warnings -l "$page"
    expect_rc 0
    expect_in "$SCRATCH/stdout" "NAME" "man -l output"
    expect_in "$SCRATCH/stdout" "praatplaat - turn an instrument's XML content" "man -l output"
    for section in SYNOPSIS COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
        grep -q "^$section\$" "$SCRATCH/stdout" || fail "man page has no section $section"
    done
    [ ! -s "$SCRATCH/stderr" ] || { fail "man --warnings -l warns:"; sed 's/^/  | /' "$SCRATCH/stderr" >&2; }
fi

# The installed program from another directory, with no data flag and no PRAATPLAAT_DATA.
mkdir -p "$SCRATCH/elsewhere"
cd "$SCRATCH/elsewhere"
run env -u PRAATPLAAT_DATA "$installed" render "$content" --sheet followup --paper A4 -o out.pdf
expect_rc 0
if [ -f out.pdf ]; then
    [ "$(pdf_field out.pdf Pages)" = 1 ] || fail "out.pdf does not have 1 page"
    texts "$content" followup >"$SCRATCH/followup.txt"
    expect_texts "$SCRATCH/followup.txt" out.pdf
else
    fail "the installed program wrote no out.pdf in $PWD"
fi
run env -u PRAATPLAAT_DATA "$installed" check "$content" --paper A4
expect_rc 0
expect_in "$SCRATCH/stdout" "all at A4: " "stdout of check"
expect_in "$SCRATCH/stdout" "valid, all text fits" "stdout of check"

# The installed program uses its own data, not the source tree it was built from (which still
# exists here): with the installed guide layout removed, a render of the guide fails naming the
# installed file.
rm "$prefix/share/praatplaat/layouts/guide.xml"
run env -u PRAATPLAAT_DATA "$installed" render "$content" --sheet guide --paper A4 -o guide.pdf
expect_rc 3
expect_in "$SCRATCH/stderr" "bin/../share/praatplaat/layouts/guide.xml" "stderr of the render"
[ ! -e guide.pdf ] || fail "a failed render wrote guide.pdf"
e2e_done
