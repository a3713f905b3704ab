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

# The same where the data directory compiled in (the source tree, PP_DATA_DIR) is out of sight, so
# that only the lookup relative to the program can find the data: in a mount namespace of its own,
# the prefix is mounted over that directory and the program runs from there. Needs `unshare` with
# root or user namespaces; without them this part is not run (and says so).
compiled=$(sed -n 's/^PP_DATA_DIR:[A-Z]*=//p' "$build/CMakeCache.txt")
hide=()
if unshare --mount true 2>/dev/null; then
    hide=(unshare --mount)
elif unshare --mount --map-root-user true 2>/dev/null; then
    hide=(unshare --mount --map-root-user)
fi
if [ -z "$compiled" ] || [ ! -d "$compiled" ]; then
    echo "NOTE: PP_DATA_DIR \"$compiled\" does not exist: the renders above used the relative lookup"
elif [ ${#hide[@]} -eq 0 ]; then
    echo "NOTE: no mount namespace (unshare): the relative lookup was not tested with PP_DATA_DIR hidden"
else
    # shellcheck disable=SC2016
    run env -u PRAATPLAAT_DATA "${hide[@]}" sh -c 'mount --bind "$1" "$2" && cd "$2" &&
        exec "$2/bin/praatplaat" render "$2/share/praatplaat/content/samenwerking/nl.xml" \
            --sheet followup --paper A4 -o hidden.pdf' sh "$prefix" "$compiled"
    expect_rc 0
    if [ -f "$prefix/hidden.pdf" ]; then
        cmp -s out.pdf "$prefix/hidden.pdf" || fail "with PP_DATA_DIR hidden the PDF differs"
    else
        fail "with PP_DATA_DIR hidden the installed program wrote no PDF"
    fi
fi
e2e_done
